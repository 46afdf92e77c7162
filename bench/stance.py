"""Stance classification: accuracy on the labelled stance set.

    python bench/stance.py [--fixture PATH]

Each case is a sentence with its statement content and the country its speaker speaks
for; it is matched against "Send troops to Ukraine" and judged. Prints the share of right
stances, and of right stances with the right holder (speaker / others), and the errors.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from factbox.extract.nlp import default_model_name, load_nlp
from factbox.stance.evaluation import load_stance_cases, score_stances
from factbox.stance.records import Proposal

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "stance" / "fixtures" / "stance.toml"
TROOPS = Proposal(
    "troops-to-ukraine",
    "Send troops to Ukraine",
    "NATO members or other Western states send ground troops to Ukraine",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixture", type=Path, default=FIXTURE)
    args = parser.parse_args()
    cases = load_stance_cases(args.fixture)
    result = score_stances(load_nlp(), TROOPS, cases)
    print(f"model {default_model_name()}; {result.total} statements")
    print(f"  stance right            {result.stance_right}/{result.total} = {result.accuracy:.3f}")
    print(
        f"  stance and holder right {result.both_right}/{result.total}"
        f" = {result.accuracy_with_about:.3f}"
    )
    for expected, got, text in result.errors:
        print(f"  expected {expected}, got {got}: {text}")


if __name__ == "__main__":
    main()
