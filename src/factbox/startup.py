"""Start-up and end cost: what a command pays for that it does not use.

``defer_spacy_cli``: spaCy's command-line package is imported when first used, not by spaCy.
``import spacy`` runs ``from .cli.info import info`` (for the ``spacy.info`` function), and
importing ``spacy.cli.info`` runs ``spacy/cli/__init__.py`` first: every spaCy command (train,
package, init config, project assets, ...) and through them weasel, httpx, requests and
jinja2. That is about 0.3 s of CPU of the 0.7 s importing spaCy takes, paid by every factbox
command and never used by one (measured with ``python -X importtime`` and CPU time; a
``factbox proposal add`` is meant to take under 2 s in all).

``defer_spacy_cli`` puts stand-ins for ``spacy.cli`` and ``spacy.cli.info`` in
``sys.modules`` before spaCy is first imported. The stand-in package has the real package's
folder as its path, so ``import spacy.cli.train`` works as before; the first use of any name
it does not hold (``spacy.cli.download``, ``from spacy.cli import package``) or a call of
``spacy.info()`` imports the real package and hands it over in ``sys.modules`` and on
``spacy``. Nothing changes but when the cost is paid. It does nothing when spaCy is already
imported, or not installed.

``group_entry_points``: spaCy's registries (catalogue) look for plugins among the installed
packages' entry points on every look-up, and srsly does on every msgpack read (92 of them
while the model loads). catalogue keeps the entry points as importlib's
``SelectableGroups``, whose ``select(group=...)`` walks every entry point of every group
each time: about 0.04 s of CPU of loading the model. They are put in a dict by group, the
form catalogue reads on the Pythons before ``select``: the same entry points, found once.

``keep_torch_out_of_thinc``: spaCy's thinc tries ``import torch`` when ``thinc.compat`` is
first imported (to offer PyTorch layers and GPUs), so where torch is installed (the ``train``
extra installs it) every spaCy import pays for torch's: about 1.7 s of CPU, nearly as much as
all the rest of a ``factbox proposal add`` on a ledger of 14,000 statements. Nothing factbox
runs needs it: its own models run on onnxruntime, and spaCy's English pipelines on thinc's
numpy operations (thinc picks them whether or not torch is there, on a machine without a GPU
that thinc would use). The ``factbox`` command (``factbox.cli``, imported before anything of
spaCy) calls it; a meta-path finder then makes ``import torch`` fail while ``thinc.compat``
runs, and only then, so thinc takes torch for absent and a later ``import torch`` (which no
command makes) finds the real one. Python callers that ``import factbox`` (the training
scripts, ``factbox.embed.export``, a notebook) are left alone: thinc sees torch as it is.
``FACTBOX_TORCH=1`` leaves thinc's import alone in the command too, for a ``--model`` whose
components run on PyTorch (a transformer pipeline).

``long_lived``: importing spaCy, SQLAlchemy and the rest makes about a million objects, and
loading the spaCy model many more, all kept until the process ends; the cyclic garbage
collector, set off by every 700 new objects, walks them again and again meanwhile (about
0.2 s of CPU of a ``proposal add``, measured with ``gc.callbacks``). Inside ``long_lived``
it is not set off; at its end the objects made so far are frozen out of later collections
(``gc.freeze``, as the web app does after start-up) and collection resumes. srsly turns the
collector on after each msgpack read (``gc.enable``), so it is paused by its threshold, which
that leaves alone.

``exit_without_teardown``: at its end a Python process frees every object and module one by
one; after a command that loaded the spaCy model and the encoder that is about 0.3 s of CPU
(``time.process_time`` at exit against the process's own CPU time), for memory the system
takes back anyway. The ``factbox`` command ends with it: the ``atexit`` functions run
(logging's flush, ``tempfile``'s and ``multiprocessing``'s clean-up), the standard streams are
flushed, and the process exits with ``os._exit``. Everything a command writes is written and
closed before that (the ledger is closed by the command itself). With another thread still
running it exits as usual.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import threading
import types
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

CLI = "spacy.cli"
INFO = "spacy.cli.info"
TORCH = "torch"
THINC_COMPAT = "thinc.compat"
TORCH_ENV = "FACTBOX_TORCH"
"""Set to 1, the ``factbox`` command lets thinc import torch (``keep_torch_out_of_thinc``)."""


class _DeferredPackage(types.ModuleType):
    """``spacy.cli`` until something asks it for a name: then the real package."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asks (``__path__`` of a module)
            raise AttributeError(name)
        return getattr(real_spacy_cli(), name)


def real_spacy_cli() -> types.ModuleType:
    """The real ``spacy.cli`` (imported now if a stand-in holds its place)."""
    current = sys.modules.get(CLI)
    if current is not None and not isinstance(current, _DeferredPackage):
        return current
    if isinstance(sys.modules.get(INFO), _DeferredInfo):
        del sys.modules[INFO]
    sys.modules.pop(CLI, None)
    real = importlib.import_module(CLI)
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        spacy.cli = real  # type: ignore[attr-defined]
    return real


def _call_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real package's, imported now."""
    return real_spacy_cli().info(*args, **kwargs)


class _DeferredInfo(types.ModuleType):
    """``spacy.cli.info``: its ``info`` imports the real package when called."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name == "info":
            # spaCy's own import takes it: the moment to hang the stand-in on ``spacy``, as
            # the import system does with a package it imports
            spacy = sys.modules.get("spacy")
            if spacy is not None and "cli" not in vars(spacy):
                spacy.cli = sys.modules[CLI]  # type: ignore[attr-defined]
            return _call_info
        real_spacy_cli()
        return getattr(sys.modules[INFO], name)


def group_entry_points() -> bool:
    """Give catalogue its entry points grouped in a dict; whether it did (not if catalogue
    is missing or already has a dict)."""
    try:
        import catalogue
    except ImportError:
        return False
    available = catalogue.AVAILABLE_ENTRY_POINTS
    if not hasattr(available, "select"):
        return False
    groups: dict[str, list[Any]] = {}
    if isinstance(available, dict):  # SelectableGroups: group name -> its entry points
        for group, entry_points in dict.items(available):
            groups.setdefault(group, []).extend(entry_points)
    else:  # EntryPoints: every entry point, each with its group
        for entry_point in available:
            groups.setdefault(entry_point.group, []).append(entry_point)
    catalogue.AVAILABLE_ENTRY_POINTS = groups
    return True


def defer_spacy_cli() -> bool:
    """Put the stand-ins in place; whether it did (not if spaCy is imported or missing)."""
    if "spacy" in sys.modules or CLI in sys.modules:
        return False
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return False
    folder = f"{spec.submodule_search_locations[0]}/cli"
    package = _DeferredPackage(CLI, "spaCy's command-line package, imported when first used")
    # what tools that walk sys.modules read (inspect.getmodule) is there without importing
    package.__path__ = [folder]
    package.__file__ = f"{folder}/__init__.py"
    package.__package__ = CLI
    info = _DeferredInfo(INFO)
    info.__file__ = f"{folder}/info.py"
    info.__package__ = CLI
    sys.modules[CLI] = package
    sys.modules[INFO] = info
    return True


class _WithoutTorch(importlib.abc.Loader):
    """A module's own loader, run while ``import torch`` fails (``sys.modules`` holds None
    for it, the import system's mark of a module that is not to be found)."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        hidden = TORCH not in sys.modules
        if hidden:
            sys.modules[TORCH] = None  # type: ignore[assignment]
        try:
            self.loader.exec_module(module)
        finally:
            if hidden and TORCH in sys.modules and sys.modules[TORCH] is None:
                del sys.modules[TORCH]

    def __getattr__(self, name: str) -> Any:  # get_source, get_filename, ... of the real one
        return getattr(self.loader, name)


class _ThincWithoutTorch(importlib.abc.MetaPathFinder):
    """Finds ``thinc.compat`` as the other finders do, with a loader that runs it while torch
    cannot be imported; then leaves ``sys.meta_path``."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != THINC_COMPAT:
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _WithoutTorch(spec.loader)
        return spec


def keep_torch_out_of_thinc() -> bool:
    """Make thinc take torch for absent when it is first imported, in this process; whether
    it will (not if thinc or torch is already imported, nor with ``FACTBOX_TORCH=1``)."""
    if THINC_COMPAT in sys.modules or TORCH in sys.modules or os.environ.get(TORCH_ENV) == "1":
        return False
    if not any(isinstance(finder, _ThincWithoutTorch) for finder in sys.meta_path):
        sys.meta_path.insert(0, _ThincWithoutTorch())
    return True


def pause_collection() -> tuple[int, int, int]:
    """Stop automatic garbage collection; the thresholds to give ``resume_collection``."""
    thresholds = gc.get_threshold()
    gc.set_threshold(0)  # what srsly's gc.enable() leaves alone
    return thresholds


def resume_collection(thresholds: tuple[int, int, int]) -> None:
    """Freeze the objects made so far out of later collections, and collect again."""
    gc.freeze()
    gc.set_threshold(*thresholds)


@contextmanager
def long_lived() -> Iterator[None]:
    """No automatic garbage collection inside; the objects made by its end are frozen out
    of later collections (they live as long as the process: modules, a loaded model)."""
    thresholds = pause_collection()
    try:
        yield
    finally:
        resume_collection(thresholds)


def exit_without_teardown(code: int) -> NoReturn:
    """End the process with ``code`` after the ``atexit`` functions and a flush of the
    standard streams, without freeing every object first; ``sys.exit`` while another
    (non-daemon) thread still runs."""
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if any(t.is_alive() and not t.daemon for t in others):
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more to write
            pass
    os._exit(code)
