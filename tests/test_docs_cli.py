"""docs/cli.md is what the commands say about themselves."""

from __future__ import annotations

from pathlib import Path

from factbox.docs_cli import reference

DOC = Path(__file__).parents[1] / "docs" / "cli.md"


def test_the_cli_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == reference(), (
        "docs/cli.md is stale: python -m factbox.docs_cli > docs/cli.md"
    )


def test_the_reference_lists_every_command_with_its_options() -> None:
    text = reference()
    for command in ("ingest", "statements", "correct", "proposal add", "decide", "serve"):
        assert f"## `factbox {command}`" in text
    assert "`--not-a-statement`" in text and "`--as-of YYYY-MM-DD`" in text
