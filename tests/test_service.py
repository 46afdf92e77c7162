"""The service as a Python caller meets it: opened once, closed once; settings from the
environment only where they are read; ``factbox.ingest`` is the ingest package."""

from __future__ import annotations

import importlib
import os
import types
from pathlib import Path

import pytest

import factbox
from factbox.records import MissingError
from factbox.settings import Settings


def test_factbox_ingest_is_the_module() -> None:
    module = importlib.import_module("factbox.ingest")
    import factbox.ingest as m

    assert isinstance(m, types.ModuleType) and m is module
    assert hasattr(m, "read_inputs")


def test_settings_come_from_the_environment_and_options_win(tmp_path: Path) -> None:
    env = {
        "FACTBOX_DB": "env.db",
        "FACTBOX_MODEL": "en_core_web_md",
        "FACTBOX_BODIES": os.pathsep.join(["a", "b"]),
    }
    read = Settings.from_env(env)
    assert (read.db, read.model, read.bodies) == (
        "env.db",
        "en_core_web_md",
        (Path("a"), Path("b")),
    )
    given = Settings.from_env(env, db=tmp_path / "x.db", model="other")
    assert (given.db, given.model) == (str(tmp_path / "x.db"), "other")
    assert Settings.from_env({}) == Settings()


def test_the_service_opens_one_ledger_and_closes_it_once(tmp_path: Path) -> None:
    with factbox.open(tmp_path / "ledger.db") as service:
        assert service.articles() == [] and service.statements() == []
        with pytest.raises(MissingError, match="no such proposal"):
            service.positions("send-troops")
        engine = service._ledger.engine  # the one engine it holds
        assert engine.pool.checkedout() == 0
    assert (tmp_path / "ledger.db").exists()
    assert service.url.endswith("ledger.db")
