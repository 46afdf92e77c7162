"""``factbox eval``: measure attribution quality against an annotated corpus."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from factbox.records import InputError

if TYPE_CHECKING:  # the scorers are imported by the commands that run them, not by every one
    from factbox.evaluate.corpus import AnnotatorPolicy
    from factbox.evaluate.polnear import View

eval_app = typer.Typer(
    help="Measure extraction quality against annotated corpora.", no_args_is_help=True
)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


class AnnotatorPolicyOption(StrEnum):
    first = "first"


@eval_app.callback()
def _group() -> None:
    """Measure extraction quality against annotated corpora."""


def _policy(option: AnnotatorPolicyOption) -> AnnotatorPolicy:
    from factbox.evaluate.corpus import ANNOTATOR_POLICIES

    for policy in ANNOTATOR_POLICIES:
        if policy == option.value:
            return policy
    raise typer.BadParameter(f"unknown annotator policy {option.value!r}")


def _fail(name: str, problem: str) -> None:
    print(f"factbox: error: {name}: {problem}", file=sys.stderr)
    raise typer.Exit(1)


class ConventionsOption(StrEnum):
    polnear = "polnear"
    factbox = "factbox"


@eval_app.command("polnear")
def polnear(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="A split in the PolNeAR layout: DIR/text/*.txt and DIR/attributions/*.ann.",
        ),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Rich tables or JSON.")
    ] = OutputFormat.table,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Score only the first N articles by file name.")
    ] = None,
    annotator_policy: Annotated[
        AnnotatorPolicyOption,
        typer.Option(help="Which annotation file to score against when there are several."),
    ] = AnnotatorPolicyOption.first,
    exclude_beliefs: Annotated[
        bool,
        typer.Option(
            "--exclude-beliefs",
            help="Headline the view without statements of kind 'belief' (both views are shown).",
        ),
    ] = False,
    predictions: Annotated[
        Path | None,
        typer.Option(
            help="Score BRAT files in this folder (NAME.ann or NAME_SYSTEM.ann) instead of "
            "running the extractor."
        ),
    ] = None,
    write_predictions: Annotated[
        Path | None,
        typer.Option(help="Also store the predictions as NAME_factbox.ann files in this folder."),
    ] = None,
    conventions: Annotated[
        ConventionsOption,
        typer.Option(
            help="Span conventions: 'polnear' draws boundaries as PolNeAR's annotators do; "
            "'factbox' scores exactly what the factbox stores."
        ),
    ] = ConventionsOption.polnear,
) -> None:
    """Run the extractor over DIR/text and score it against DIR/attributions."""
    from factbox.evaluate.polnear import evaluate_directory
    from factbox.evaluate.report import evaluation_json, render_evaluation

    view: View = "exclude-beliefs" if exclude_beliefs else "all"
    try:
        evaluation = evaluate_directory(
            directory,
            limit=limit,
            policy=_policy(annotator_policy),
            predictions_dir=predictions,
            write_dir=write_predictions,
            conventions=conventions.value,
        )
    except InputError as exc:
        _fail(exc.name, exc.reason)
        return
    except OSError as exc:
        _fail(str(exc.filename or directory), exc.strerror or str(exc))
        return
    except NotImplementedError:
        _fail(str(directory), "the attribution extractor is not implemented yet")
        return
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(evaluation_json(evaluation, view), indent=2))
    else:
        render_evaluation(evaluation, view, Console())


@eval_app.command("agreement")
def agreement(
    directories: Annotated[
        list[Path],
        typer.Argument(
            metavar="DIR",
            help="Splits in the PolNeAR layout; their articles with several annotation files "
            "are used.",
        ),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Rich tables or JSON.")
    ] = OutputFormat.table,
    system: Annotated[
        bool,
        typer.Option(
            "--system/--no-system",
            help="Also run the extractor on those articles and score it against each annotator.",
        ),
    ] = True,
    conventions: Annotated[
        ConventionsOption, typer.Option(help="Span conventions of the extractor.")
    ] = ConventionsOption.polnear,
) -> None:
    """How far the annotators of the same article agree, scored like the extractor."""
    from factbox.evaluate.agreement import measure_agreement, several_annotated
    from factbox.evaluate.corpus import load_corpus
    from factbox.evaluate.polnear import extract_predictions
    from factbox.evaluate.report import agreement_json, render_agreement

    try:
        articles = several_annotated([load_corpus(directory) for directory in directories])
    except InputError as exc:
        _fail(exc.name, exc.reason)
        return
    if not articles:
        _fail(", ".join(map(str, directories)), "no article has more than one annotation file")
        return
    predictions = (
        extract_predictions(articles, conventions=conventions.value).relations if system else None
    )
    measured = measure_agreement(articles, predictions)
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(agreement_json(measured), indent=2))
    else:
        render_agreement(measured, Console())
