"""Start-up and end of a command (``factbox.startup``): spaCy's command-line package is
imported when first used, thinc does not import torch in the ``factbox`` command, the garbage
collector waits while the long-lived objects are made, the process ends without teardown.
Each check of an import runs in a fresh interpreter, where ``import factbox`` comes before
spaCy."""

from __future__ import annotations

import gc
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factbox.startup import long_lived


def run(code: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", "import sys; sys.modules['torch'] = None\n" + code],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_importing_factbox_and_loading_the_model_leaves_spacys_commands_out() -> None:
    found = run(
        "import factbox.cli\n"
        "from factbox.extract.nlp import load_nlp\n"
        "nlp = load_nlp(attribution=False)\n"
        "print(nlp('Fico said no.')[0].ent_type_ or '-', 'weasel' in sys.modules,"
        " 'spacy.cli._util' in sys.modules)"
    )
    assert found[1:] == ["False", "False"]


def test_spacys_commands_still_work_and_take_the_real_package() -> None:
    found = run(
        "import factbox, spacy\n"
        "info = spacy.info()\n"
        "import spacy.cli\n"
        "from spacy.cli import download\n"
        "real = sys.modules['spacy.cli']\n"
        "print(type(real).__name__, callable(download), 'pipelines' in info,"
        " spacy.cli is real, sys.modules['spacy.cli.info'].info is real.info)"
    )
    assert found == ["module", "True", "True", "True", "True"]


def test_a_spacy_command_module_imports_under_the_stand_in() -> None:
    found = run(
        "import factbox\n"
        "from spacy.cli.train import train_cli\n"
        "print(callable(train_cli))\n"
        "import spacy.cli\n"
        "print(spacy.cli.train is sys.modules['spacy.cli.train'])"
    )
    assert found == ["True", "True"]


def test_catalogue_finds_the_same_entry_points_grouped() -> None:
    found = run(
        "import importlib.metadata as m\n"
        "import factbox, catalogue\n"
        "groups = catalogue.AVAILABLE_ENTRY_POINTS\n"
        "every = m.entry_points()\n"
        "names = lambda g: sorted(e.name for e in every.select(group=g))\n"
        "same = all(sorted(e.name for e in groups[g]) == names(g) for g in groups)\n"
        "print(type(groups).__name__, same, set(groups) == set(every.groups),"
        " catalogue.create('spacy', 'factories', entry_points=True).get_entry_points() is not None)"
    )
    assert found == ["dict", "True", "True", "True"]


TORCH_INSTALLED = importlib.util.find_spec("torch") is not None
needs_torch = pytest.mark.skipif(not TORCH_INSTALLED, reason="torch is not installed")


def run_as_installed(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter that sees torch where it is installed."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )


COMMAND = (
    "import atexit, sys\n"
    "def report():\n"
    "    import thinc.compat\n"
    "    print('torch' in sys.modules, 'spacy' in sys.modules, thinc.compat.has_torch)\n"
    "atexit.register(report)\n"
    "sys.argv = ['factbox', 'proposal', 'add', 'bags', '--title', 'Ban plastic bags',"
    " '--db', sys.argv[1]]\n"
    "from factbox.cli import main\n"
    "main()\n"
)


@needs_torch
def test_the_command_leaves_torch_out_where_it_is_installed(tmp_path: Path) -> None:
    code = COMMAND.replace("sys.argv[1]", repr(str(tmp_path / "l.db")))
    done = run_as_installed(code)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("added bags")
    assert lines[-1].split() == ["False", "True", "False"]  # spaCy loaded, thinc without torch


@needs_torch
def test_factbox_torch_lets_thinc_import_it_in_the_command(tmp_path: Path) -> None:
    code = COMMAND.replace("sys.argv[1]", repr(str(tmp_path / "l.db")))
    done = run_as_installed(code, FACTBOX_TORCH="1")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].split() == ["True", "True", "True"]


@needs_torch
def test_torch_is_kept_from_thinc_alone_and_only_in_the_command() -> None:
    done = run_as_installed(
        "import sys\n"
        "import factbox.cli, thinc.compat\n"
        "print('torch' in sys.modules, thinc.compat.has_torch)\n"
        "import torch\n"
        "print(type(torch).__name__, hasattr(torch, 'tensor'))\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "module", "True"]
    library = run_as_installed(
        "import factbox, spacy, thinc.compat\nprint(thinc.compat.has_torch)\n"
    )
    assert library.returncode == 0, library.stderr
    assert library.stdout.split() == ["True"]  # Python callers' thinc sees torch


def test_exiting_without_teardown_runs_atexit_flushes_and_keeps_the_code() -> None:
    done = run_as_installed(
        "import atexit, sys\n"
        "from factbox.startup import exit_without_teardown\n"
        "atexit.register(lambda: print('atexit ran'))\n"
        "sys.stdout.write('buffered, ')\n"
        "exit_without_teardown(3)\n"
        "print('not reached')\n"
    )
    assert done.returncode == 3
    assert done.stdout == "buffered, atexit ran\n"


def test_exiting_with_a_thread_still_running_waits_for_it() -> None:
    done = run_as_installed(
        "import threading, time\n"
        "from factbox.startup import exit_without_teardown\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    print('thread done', flush=True)\n"
        "threading.Thread(target=late).start()\n"
        "exit_without_teardown(0)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "thread done\n"


def test_long_lived_pauses_collection_even_after_gc_enable_and_freezes_what_it_made() -> None:
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    try:
        with long_lived():
            gc.enable()  # as srsly does after every msgpack read
            assert gc.get_threshold()[0] == 0
            made = [[i] for i in range(1000)]
        assert gc.get_threshold() == before
        assert gc.get_freeze_count() >= frozen + len(made)
    finally:
        gc.unfreeze()


@needs_torch
def test_a_pytorch_pipeline_in_the_command_says_how_to_let_torch_in(tmp_path: Path) -> None:
    pipeline = tmp_path / "trf"
    pipeline.mkdir()
    (pipeline / "config.cfg").write_text(
        '[nlp]\nlang = "en"\npipeline = ["transformer"]\n\n'
        '[components]\n\n[components.transformer]\nfactory = "transformer"\n',
        encoding="utf-8",
    )
    code = (
        "import factbox.cli\n"
        "from factbox.extract.nlp import load_nlp\n"
        "try:\n"
        f"    load_nlp({str(pipeline)!r})\n"
        "except RuntimeError as exc:\n"
        "    print(exc)\n"
    )
    done = run_as_installed(code)
    assert done.returncode == 0, done.stderr
    assert "runs on PyTorch" in done.stdout and "FACTBOX_TORCH=1" in done.stdout
