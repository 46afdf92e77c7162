"""spaCy's command-line package is imported when first used, not by every factbox command
(``factbox.startup``); each check runs in a fresh interpreter, where ``import factbox`` comes
before spaCy."""

from __future__ import annotations

import subprocess
import sys


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
