"""An annotated corpus in the PolNeAR layout, usable for any corpus laid out the same way.

Layout of a split directory ``DIR``::

    DIR/text/NAME.txt                    the article (UTF-8; offsets count characters)
    DIR/attributions/NAME_ANNOTATOR.ann  its annotation in BRAT standoff (or NAME.ann)
    DIR/metadata.tsv or DIR/../metadata.tsv  optional: ``filename`` and ``publisher`` columns

When an article has several annotation files, the one whose annotator suffix comes first
alphabetically is used (a file without suffix comes before all others).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from factbox.evaluate.brat import read_brat
from factbox.evaluate.relations import Relation, relations_from_brat
from factbox.records import InputError

AnnotatorPolicy = Literal["first"]
ANNOTATOR_POLICIES: tuple[AnnotatorPolicy, ...] = ("first",)
METADATA_FILE = "metadata.tsv"
UNKNOWN_PUBLISHER = "unknown"


@dataclass(frozen=True, slots=True)
class AnnotationFile:
    """One ``.ann`` file of an article; ``annotator`` is None for ``NAME.ann``."""

    path: Path
    annotator: str | None


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """An article, the annotation it is scored against, and what else was available."""

    name: str
    text: str
    publisher: str
    annotation: AnnotationFile
    annotators: tuple[str | None, ...]
    """Every annotator with a file for this article, in the order the policy ranks them."""
    annotation_files: tuple[AnnotationFile, ...]
    """Their files, in the same order (the first is ``annotation``)."""
    relations: list[Relation]
    skipped_events: int


@dataclass(frozen=True, slots=True)
class Corpus:
    """The annotated articles of one split, in file-name order."""

    directory: Path
    articles: list[AnnotatedArticle]
    unannotated: list[str]
    """Articles in ``text/`` without any annotation file (left out of scoring)."""

    @property
    def several_annotations(self) -> int:
        """How many articles had more than one annotation file."""
        return sum(1 for article in self.articles if len(article.annotators) > 1)

    @property
    def skipped_events(self) -> int:
        return sum(article.skipped_events for article in self.articles)


def read_text(path: Path) -> str:
    """A text file decoded as UTF-8 with its line endings untouched (offsets depend on them)."""
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read text file ({exc})") from exc


def annotation_files(directory: Path, names: Iterable[str]) -> dict[str, list[AnnotationFile]]:
    """The ``.ann`` files in ``directory`` for each article name, in policy order."""
    wanted = set(names)
    found: dict[str, list[AnnotationFile]] = {}
    for path in sorted(directory.glob("*.ann")):
        if path.stem in wanted:
            found.setdefault(path.stem, []).append(AnnotationFile(path, None))
            continue
        name, _, annotator = path.stem.rpartition("_")
        if name in wanted and annotator:
            found.setdefault(name, []).append(AnnotationFile(path, annotator))
    for files in found.values():
        files.sort(key=lambda file: (file.annotator is not None, file.annotator or ""))
    return found


def read_publishers(directory: Path) -> dict[str, str]:
    """``filename -> publisher`` from ``metadata.tsv`` next to the split or one level up."""
    for candidate in (directory / METADATA_FILE, directory.parent / METADATA_FILE):
        if candidate.is_file():
            with candidate.open(encoding="utf-8", newline="") as handle:
                rows = csv.DictReader(handle, delimiter="\t")
                return {
                    row["filename"]: row["publisher"]
                    for row in rows
                    if row.get("filename") and row.get("publisher")
                }
    return {}


def load_corpus(
    directory: Path, limit: int | None = None, policy: AnnotatorPolicy = "first"
) -> Corpus:
    """Read the articles of ``directory`` (the first ``limit`` by file name) and their gold."""
    text_dir = directory / "text"
    annotation_dir = directory / "attributions"
    for needed in (text_dir, annotation_dir):
        if not needed.is_dir():
            raise InputError(
                str(directory), f"no {needed.name}/ folder (want text/ and attributions/)"
            )
    if policy not in ANNOTATOR_POLICIES:
        raise InputError(str(directory), f"unknown annotator policy {policy!r}")

    text_paths = sorted(text_dir.glob("*.txt"))
    if limit is not None:
        text_paths = text_paths[:limit]
    files_by_name = annotation_files(annotation_dir, (path.stem for path in text_paths))
    publishers = read_publishers(directory)

    articles: list[AnnotatedArticle] = []
    unannotated: list[str] = []
    for text_path in text_paths:
        files = files_by_name.get(text_path.stem)
        if not files:
            unannotated.append(text_path.stem)
            continue
        text = read_text(text_path)
        chosen = files[0]
        gold = relations_from_brat(read_brat(chosen.path, len(text)))
        articles.append(
            AnnotatedArticle(
                name=text_path.stem,
                text=text,
                publisher=publishers.get(text_path.stem, UNKNOWN_PUBLISHER),
                annotation=chosen,
                annotators=tuple(file.annotator for file in files),
                annotation_files=tuple(files),
                relations=gold.relations,
                skipped_events=gold.skipped_events,
            )
        )
    return Corpus(directory=directory, articles=articles, unannotated=unannotated)
