"""The web commands of the CLI: editors are added with hashed passwords; serve's --help."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import factbox
from factbox.cli import app


def test_editor_add_stores_an_argon2_hash(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    result = CliRunner().invoke(
        app, ["editor", "add", "olena", "--db", str(db)], input="a long passphrase\n" * 2
    )
    assert result.exit_code == 0, result.output
    with factbox.open(db) as service:
        editor = service.find_editor("olena")
        assert editor is not None
        assert editor.password_hash.startswith("$argon2")
        assert "a long passphrase" not in editor.password_hash
        assert service.verify_editor("olena", "a long passphrase") is not None
        assert service.verify_editor("olena", "a wrong passphrase") is None


def test_editor_add_refuses_a_short_password(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    result = CliRunner().invoke(
        app, ["editor", "add", "olena", "--db", str(db), "--password", "short"]
    )
    assert result.exit_code == 1
    assert result.output.strip().startswith("factbox: error: olena:")
    with factbox.open(db) as service:
        assert service.find_editor("olena") is None
