"""Rendering an evaluation as JSON (the public contract) or as rich tables.

JSON figures ``p``, ``r`` and ``f1`` are fractions between 0 and 1 (rounded to 4 places), 0 when
undefined (nothing predicted, or nothing to find); the counts beside them say which.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from factbox.evaluate.agreement import Agreement
from factbox.evaluate.polnear import VIEWS, Evaluation, View
from factbox.evaluate.relations import RELATION_TYPES, ROLES
from factbox.evaluate.scorer import Counts, MatchCounts, Scores

CATEGORIES = (*ROLES, "relation")
VIEW_TITLES: dict[View, str] = {"all": "all statement kinds", "exclude-beliefs": "beliefs excluded"}


def counts_json(counts: Counts) -> dict[str, Any]:
    return {
        "p": round(counts.precision, 4),
        "r": round(counts.recall, 4),
        "f1": round(counts.f1, 4),
        "gold": counts.gold,
        "predicted": counts.predicted,
        "matched_gold": counts.matched_gold,
        "matched_predicted": counts.matched_predicted,
    }


def match_json(counts: MatchCounts) -> dict[str, Any]:
    return {"exact": counts_json(counts.exact), "overlap": counts_json(counts.overlap)}


def category(scores: Scores, name: str) -> MatchCounts:
    """The counts of ``source``, ``cue``, ``content`` or ``relation``."""
    if name == "relation":
        return scores.relation
    for role in ROLES:
        if role == name:
            return scores.role(role)
    raise KeyError(name)


def scores_json(scores: Scores) -> dict[str, Any]:
    return {name: match_json(category(scores, name)) for name in CATEGORIES}


def annotator_note(evaluation: Evaluation) -> str:
    return (
        f"{evaluation.several_annotations} of {evaluation.articles} articles have several "
        "annotation files; each is scored against its alphabetically first annotator"
    )


def evaluation_json(evaluation: Evaluation, view: View = "all") -> dict[str, Any]:
    """The report for ``view`` at the top level, both views summarised under ``views``."""
    scores = evaluation.scores(view)
    report: dict[str, Any] = {
        "corpus": evaluation.directory,
        "predictions": evaluation.origin,
        "view": view,
        "articles": evaluation.articles,
        "seconds": round(evaluation.seconds, 3),
        "articles_per_second": round(evaluation.articles_per_second, 2),
        "load_seconds": round(evaluation.load_seconds, 3),
        "annotator_policy": evaluation.annotator_policy,
        "articles_with_several_annotations": evaluation.several_annotations,
        "annotator_note": annotator_note(evaluation),
        "unannotated_articles": evaluation.unannotated,
        "skipped_gold_events": evaluation.skipped_events,
        "predicted_kinds": evaluation.predicted_kinds,
    }
    report.update(scores_json(scores))
    report["outer_span_matches"] = dict(scores.outer_span_matches)
    report["by_relation_type"] = {kind: match_json(scores.by_type[kind]) for kind in RELATION_TYPES}
    report["by_publisher"] = {
        publisher: {"articles": articles, **scores_json(publisher_scores)}
        for publisher, (articles, publisher_scores) in evaluation.by_publisher(view).items()
    }
    report["views"] = {name: scores_json(evaluation.scores(name)) for name in VIEWS}
    return report


def percent(value: float) -> str:
    return f"{100 * value:.1f}"


def _prf(counts: Counts) -> list[str]:
    return [percent(counts.precision), percent(counts.recall), percent(counts.f1)]


MODE_CAPTION = "ex = exact span match; ov = token overlap >= 0.5; figures in percent"


def _table(title: str, label: str, caption: str | None = None) -> Table:
    table = Table(title=title, caption=caption, box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(label, no_wrap=True)
    return table


def _add_prf_columns(table: Table) -> None:
    for mode in ("ex", "ov"):
        for measure in ("P", "R", "F1"):
            table.add_column(f"{mode} {measure}", justify="right", no_wrap=True)


def scores_table(scores: Scores, title: str) -> Table:
    table = _table(title, "", MODE_CAPTION)
    _add_prf_columns(table)
    table.add_column("gold", justify="right")
    table.add_column("pred", justify="right")
    for name in CATEGORIES:
        counts = category(scores, name)
        table.add_row(
            name,
            *_prf(counts.exact),
            *_prf(counts.overlap),
            str(counts.exact.gold),
            str(counts.exact.predicted),
        )
    return table


def types_table(scores: Scores) -> Table:
    table = _table("Relations by type (recall by gold type, precision by predicted type)", "type")
    table.add_column("gold", justify="right")
    table.add_column("pred", justify="right")
    _add_prf_columns(table)
    for kind in RELATION_TYPES:
        counts = scores.by_type[kind]
        table.add_row(
            kind,
            str(counts.exact.gold),
            str(counts.exact.predicted),
            *_prf(counts.exact),
            *_prf(counts.overlap),
        )
    return table


def publishers_table(evaluation: Evaluation, view: View) -> Table:
    table = _table("F1 by publisher, exact/overlap", "publisher")
    table.add_column("n", justify="right")
    for name in CATEGORIES:
        table.add_column(name, justify="right", no_wrap=True)
    for publisher, (articles, scores) in evaluation.by_publisher(view).items():
        cells = [
            f"{percent(category(scores, name).exact.f1)}/"
            f"{percent(category(scores, name).overlap.f1)}"
            for name in CATEGORIES
        ]
        table.add_row(publisher, str(articles), *cells)
    return table


def render_evaluation(evaluation: Evaluation, view: View, console: Console) -> None:
    """Print the tables for ``view`` and the F1 of the other view."""
    console.print(
        f"{evaluation.articles} articles from {evaluation.directory}, predictions: "
        f"{evaluation.origin}; {evaluation.seconds:.2f} s "
        f"({evaluation.articles_per_second:.1f} articles/s, model load "
        f"{evaluation.load_seconds:.2f} s)"
    )
    console.print(annotator_note(evaluation))
    if evaluation.unannotated:
        console.print(f"{evaluation.unannotated} articles without annotation were left out")
    scores = evaluation.scores(view)
    console.print(scores_table(scores, f"Attribution scores, {VIEW_TITLES[view]} (%)"))
    console.print(types_table(scores))
    console.print(publishers_table(evaluation, view))
    for other in VIEWS:
        if other != view:
            other_scores = evaluation.scores(other)
            figures = ", ".join(
                f"{name} {percent(category(other_scores, name).exact.f1)}"
                f" / {percent(category(other_scores, name).overlap.f1)}"
                for name in CATEGORIES
            )
            console.print(f"F1 with {VIEW_TITLES[other]} (exact / overlap): {figures}")


def agreement_note(agreement: Agreement) -> str:
    return (
        f"{len(agreement.articles)} articles with several annotation files "
        f"({agreement.annotation_files} files, {agreement.pairs} pairs of annotators)"
    )


def agreement_json(agreement: Agreement) -> dict[str, Any]:
    """``annotators``: every pair of annotators; ``consensus``: each annotator against the
    majority of the others; ``factbox``: the extractor against each annotator."""
    return {
        "articles": len(agreement.articles),
        "annotation_files": agreement.annotation_files,
        "pairs": agreement.pairs,
        "annotators": scores_json(agreement.between_annotators),
        "consensus": scores_json(agreement.consensus),
        "factbox": scores_json(agreement.system) if agreement.system is not None else None,
    }


def agreement_table(agreement: Agreement) -> Table:
    table = _table(
        "F1 between annotators, of the others' majority against each, and of factbox against "
        "each, exact/overlap (%)",
        "",
    )
    for name in CATEGORIES:
        table.add_column(name, justify="right", no_wrap=True)
    for label, scores in agreement.sides():
        counts = [category(scores, name) for name in CATEGORIES]
        cells = [f"{percent(c.exact.f1)}/{percent(c.overlap.f1)}" for c in counts]
        table.add_row(label, *cells)
    return table


def render_agreement(agreement: Agreement, console: Console) -> None:
    console.print(agreement_note(agreement))
    console.print(agreement_table(agreement))
