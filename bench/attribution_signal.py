"""How much of PolNeAR's gold lies in sentences with no attribution signal at all.

    python bench/attribution_signal.py [--split train] [--limit 250]

Before the tagger is made to skip text, this measures what skipping would cost. A sentence has
a signal when it holds a quote mark (an apostrophe inside a word does not count), or a word
whose lemma or lower-case form is a speech, belief or stance-act verb of the cue lexicon
(``data/cues.json``) or the first word of a phrase cue ("according"), or, in the wider
variant, a lemma the learned cue table (``data/learned_cues.json``) saw heading a gold cue at
least one time in ten. For each variant, with and without one sentence of context either
side, it prints the share of the text the tagger would still read and the share of each
role's gold spans (of the first annotator) that reach outside the sentences read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from spacy.tokens import Doc, Span

from factbox.evaluate.corpus import load_corpus
from factbox.extract.cues import load_cue_lexicon
from factbox.extract.learned import LEARNED_CUES_PATH
from factbox.extract.nlp import load_nlp

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "polnear"
ROLES = ("source", "cue", "content")
LEARNED_SHARE = 0.1


def signal_words() -> dict[str, frozenset[str]]:
    lexicon = load_cue_lexicon()
    words = (
        lexicon.speech_verbs
        | lexicon.belief_verbs
        | lexicon.act_verbs
        | {verb for verb, _particle in lexicon.act_phrasal}
        | set(lexicon.prepositional_cues)
    )
    counts = json.loads(LEARNED_CUES_PATH.read_text(encoding="utf-8"))["lemmas"]
    learned = {
        key.split("/")[0] for key, (cues, seen) in counts.items() if cues >= LEARNED_SHARE * seen
    }
    return {"cue lexicon": frozenset(words), "with learned cues": frozenset(words | learned)}


def has_quote(doc: Doc, sentence: Span, marks: frozenset[str]) -> bool:
    for token in sentence:
        if token.text not in marks:
            continue
        inside_word = (
            token.text in "'\u2019"
            and token.i > 0
            and not doc[token.i - 1].whitespace_
            and token.i + 1 < len(doc)
            and doc[token.i + 1].is_alpha
        )
        if not inside_word:
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="train")
    parser.add_argument("--limit", type=int, default=250)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()

    articles = load_corpus(args.corpus / args.split, args.limit).articles
    nlp = load_nlp(attribution=False)
    marks = frozenset().union(*(family.marks for family in load_cue_lexicon().quote_families))
    variants = signal_words()
    # (variant, context) -> [characters read, characters in all, then per role: kept, all]
    totals: dict[tuple[str, int], list[int]] = {}
    texts = (article.text for article in articles)
    for doc, article in zip(nlp.pipe(texts, disable=["ner"]), articles, strict=True):
        sentences = list(doc.sents)
        bounds = [(s.start_char, s.end_char) for s in sentences]
        quoted = [has_quote(doc, sentence, marks) for sentence in sentences]
        for name, words in variants.items():
            signal = [
                quoted[i] or any(t.lemma_.lower() in words or t.lower_ in words for t in s)
                for i, s in enumerate(sentences)
            ]
            for context in (0, 1):
                read = [
                    any(signal[max(0, i - context) : i + context + 1])
                    for i in range(len(sentences))
                ]
                total = totals.setdefault((name, context), [0] * (2 + 2 * len(ROLES)))
                pairs = zip(bounds, read, strict=True)
                total[0] += sum(end - start for (start, end), r in pairs if r)
                total[1] += len(doc.text)
                for relation in article.relations:
                    for number, role in enumerate(ROLES):
                        pieces = relation.role(role)
                        if not pieces:
                            continue
                        touched = [
                            i
                            for i, (start, end) in enumerate(bounds)
                            if any(a < end and b > start for a, b in pieces)
                        ]
                        total[2 + 2 * number] += all(read[i] for i in touched)
                        total[3 + 2 * number] += 1
    print(f"PolNeAR {args.split}, {len(articles)} articles")
    for (name, context), total in totals.items():
        lost = "  ".join(
            f"{role} {100 * (1 - total[2 + 2 * n] / max(total[3 + 2 * n], 1)):.1f}% outside"
            for n, role in enumerate(ROLES)
        )
        print(f"{name:18} context {context}: text read {100 * total[0] / total[1]:.1f}%  {lost}")


if __name__ == "__main__":
    main()
