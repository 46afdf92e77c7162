"""The command-line reference, written from the commands themselves:
``python -m factbox.docs_cli > docs/cli.md``. A test fails when docs/cli.md is stale."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from typing import Any

import typer

from factbox.cli import app

INTRO = """# Command-line reference

Generated from the commands themselves by `python -m factbox.docs_cli > docs/cli.md`;
do not edit by hand. Every listing command takes `--format table|json|csv`; the JSON
fields are described in CHANGELOG.md. Bad input is one line,
`factbox: error: <input>: <problem>`, and exit status 1.
"""


def _clean(text: str) -> str:
    """Help text as plain Markdown: rich's escaped brackets unescaped."""
    return inspect.cleandoc(text).replace("\\[", "[")


def _param_rows(command: Any, ctx: Any) -> Iterator[str]:
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None and param.param_type_name == "argument":
            record = ((param.metavar or param.name or "").upper(), param.help or "")
        if record is None:
            continue
        name, help_text = f"`{record[0]}`", record[1]
        yield f"| {name} | {_clean(help_text).replace('|', '/').replace(chr(10), ' ')} |"


def _sections(command: Any, path: list[str]) -> Iterator[str]:
    """typer's own click: commands and groups are known by what they do."""
    ctx = command.context_class(command, info_name=" ".join(path))
    if hasattr(command, "list_commands"):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                yield from _sections(sub, [*path, name])
        return
    yield f"## `{' '.join(path)}`\n"
    usage = " ".join(command.collect_usage_pieces(ctx))
    yield f"```\n{ctx.command_path} {usage}\n```\n"
    if command.help:
        yield _clean(command.help) + "\n"
    rows = list(_param_rows(command, ctx))
    if rows:
        yield "| argument or option | what it does |\n|---|---|"
        yield "\n".join(rows) + "\n"


def reference() -> str:
    """docs/cli.md as it should read."""
    root = typer.main.get_command(app)
    parts = [INTRO, *_sections(root, ["factbox"])]
    text = "\n".join(parts)
    return "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"


def main() -> None:
    sys.stdout.write(reference())


if __name__ == "__main__":
    main()
