"""How the code is layered: the command line and the web reach the data only through the
service, and the web's functions stay short."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "factbox"
STORE_IMPORT = re.compile(r"factbox\.store|from \.\.store|from \.store")


def _above_the_service() -> list[Path]:
    return [PACKAGE / "cli.py", *sorted((PACKAGE / "web").rglob("*.py"))]


def test_the_cli_and_the_web_do_not_import_the_store() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in _above_the_service()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if STORE_IMPORT.search(line)
    ]
    assert found == []


def test_no_web_function_is_longer_than_80_lines() -> None:
    long = []
    for path in sorted((PACKAGE / "web").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > 80:
                    long.append(f"{path.name}:{node.name} ({lines} lines)")
    assert long == []
