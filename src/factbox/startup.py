"""Start-up cost: spaCy's command-line package is imported when first used, not by spaCy.

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
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

CLI = "spacy.cli"
INFO = "spacy.cli.info"


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
