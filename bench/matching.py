"""Proposal matching: precision and recall on the labelled set, against two baselines.

    python bench/matching.py [--fixture PATH] [--errors]

Every labelled sentence is scored against every proposal of the file (a positive for one
proposal is a negative for the others). Methods, all run in this process on the same parse:

- title-words: every content lemma of the proposal's title occurs in the sentence;
- synonym-bag: a theme word (widened by the concept sets) and any other slot word occur
  anywhere in the sentence (the shipped slots, no dependency constraints, no blocking);
- matcher: the shipped ProposalMatcher (slots on the dependency tree, with blocking).

Splits: dev (built on), heldout (written after the matcher was frozen; its errors were
then fixed, so it is no longer blind), blind (written after that; never tuned on).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from factbox.extract.nlp import default_model_name, load_nlp
from factbox.stance.evaluation import LabelledCase, Scores, load_labelled_set, score
from factbox.stance.matching import ProposalMatcher, ProposalSlots
from factbox.stance.records import Proposal
from factbox.stance.tree import find_phrases, forms

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "stance" / "fixtures" / "matching.toml"

Predict = Callable[[Doc], set[str]]


def title_words(nlp: Language, proposals: Sequence[Proposal]) -> Predict:
    needed = {
        p.slug: {t.lemma_.lower() for t in nlp(p.title) if not (t.is_stop or t.is_punct)}
        for p in proposals
    }

    def predict(doc: Doc) -> set[str]:
        present = {f for t in doc for f in forms(t)}
        return {slug for slug, words in needed.items() if words <= present}

    return predict


def synonym_bag(matcher: ProposalMatcher) -> Predict:
    def hit(slots: ProposalSlots, doc: Doc) -> bool:
        theme = any(slots.theme.has_token(t) for t in doc) or any(
            True for _ in find_phrases(doc, slots.theme.phrases)
        )
        others = (slots.action, slots.target, slots.qualifier, slots.agent)
        return theme and any(s.has_token(t) for s in others for t in doc)

    def predict(doc: Doc) -> set[str]:
        return {s.slug for s in matcher.slots if hit(s, doc)}

    return predict


def shipped(matcher: ProposalMatcher) -> Predict:
    def predict(doc: Doc) -> set[str]:
        return {m.slug for m in matcher.match(doc)}

    return predict


def row(name: str, result: Scores) -> str:
    return (
        f"  {name:<24} P={result.precision:.3f}  R={result.recall:.3f}  F1={result.f1:.3f}"
        f"  (tp={result.true_positive} fp={result.false_positive} fn={result.false_negative})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixture", type=Path, default=FIXTURE)
    parser.add_argument("--errors", action="store_true", help="list the matcher's errors")
    args = parser.parse_args()

    labelled = load_labelled_set(args.fixture)
    nlp = load_nlp()
    docs = {case.text: nlp(case.text) for case in labelled.cases}
    matcher = ProposalMatcher(nlp, labelled.proposals)
    methods = {
        "title-words": title_words(nlp, labelled.proposals),
        "synonym-bag": synonym_bag(matcher),
        "matcher": shipped(matcher),
    }
    slugs = [p.slug for p in labelled.proposals]
    splits = ["dev", "heldout", "blind"]
    print(f"model {default_model_name()}; {len(labelled.cases)} sentences x {len(slugs)} proposals")

    def scored(cases: Sequence[LabelledCase], method: Predict, only: Sequence[str]) -> Scores:
        return score(cases, only, lambda text: method(docs[text]))

    groups: list[tuple[str, list[LabelledCase]]] = [
        (split, [c for c in labelled.cases if c.split == split]) for split in splits
    ]
    groups.append(("all", labelled.cases))
    for title, cases in groups:
        print(f"\n{title} ({len(cases)} sentences)")
        for name, method in methods.items():
            print(row(name, scored(cases, method, slugs)))
        troops = scored(cases, methods["matcher"], [slugs[0]])
        print(row(f"  only {slugs[0]}", troops).replace("  only", "  only", 1))
    if args.errors:
        print("\nmatcher errors")
        for kind, slug, text in scored(labelled.cases, methods["matcher"], slugs).errors:
            print(f"  {kind} {slug}: {text}")


if __name__ == "__main__":
    main()
