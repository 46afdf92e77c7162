"""Helpers that build small BRAT corpora from articles written for these tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


def at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    """The offsets of the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return (start, start + len(words))


def offsets(*pieces: tuple[int, int]) -> str:
    return ";".join(f"{start} {end}" for start, end in pieces)


@dataclass
class AnnBuilder:
    """Writes T and E lines the way PolNeAR does (trigger = a copy of the cue)."""

    text: str
    lines: list[str] = field(default_factory=list)
    next_t: int = 1
    next_e: int = 1

    def bound(self, label: str, *pieces: tuple[int, int]) -> str:
        identifier = f"T{self.next_t}"
        self.next_t += 1
        words = " ".join(self.text[a:b] for a, b in pieces)
        self.lines.append(f"{identifier}\t{label} {offsets(*pieces)}\t{words}")
        return identifier

    def relation(
        self,
        cue: tuple[int, int],
        content: list[tuple[int, int]],
        source: tuple[int, int] | None = None,
        kind: str | None = None,
    ) -> str:
        arguments = []
        if source is not None:
            arguments.append(f"Source:{self.bound('Source', source)}")
        arguments.append(f"Cue:{self.bound('Cue', cue)}")
        arguments.append(f"Content:{self.bound('Content', *content)}")
        label = "Attribution" if source is not None else "Attribution-no-source"
        trigger = self.bound(label, cue)
        identifier = f"E{self.next_e}"
        self.next_e += 1
        self.lines.append(f"{identifier}\t{label}:{trigger} " + " ".join(arguments))
        if kind is not None:
            self.lines.append(f"A{self.next_e}\tKind {identifier} {kind}")
        return identifier

    def render(self) -> str:
        return "".join(line + "\n" for line in self.lines)


def write_split(
    root: Path,
    texts: dict[str, str],
    annotations: dict[str, str],
    metadata: dict[str, str] | None = None,
) -> Path:
    """``root/text/NAME.txt`` and ``root/attributions/FILE.ann``; metadata one level up."""
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, text in texts.items():
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    for file_name, ann in annotations.items():
        (root / "attributions" / file_name).write_text(ann, encoding="utf-8")
    if metadata is not None:
        rows = ["compartment\tfilename\tpublisher"]
        rows += [f"dev\t{name}\t{publisher}" for name, publisher in metadata.items()]
        (root.parent / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def write_predictions(root: Path, annotations: dict[str, str]) -> Path:
    root.mkdir(parents=True)
    for file_name, ann in annotations.items():
        (root / file_name).write_text(ann, encoding="utf-8")
    return root
