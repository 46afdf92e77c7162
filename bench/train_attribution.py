"""Learn the attribution cue lexicon from an annotated split (PolNeAR layout).

    python bench/train_attribution.py CORPUS/train [--cache FILE.spacy]

Parses every article of the split with the factbox pipeline and counts, for each lemma of a
verb or noun outside quotes, how often it heads a gold cue span; and, for the words a gold cue
verb governs, how often each dependency relation falls inside the gold content. Writes the
counts to ``src/factbox/data/learned_cues.json`` (read by ``factbox.extract.learned``), the cue
classifier to ``cue_classifier.json``, and then, running the extractor with both over the split,
the statement scorer to ``statement_scorer.json`` (read by ``factbox.extract.confidence``).
``--cache`` keeps the parses in a spaCy DocBin so a second run skips parsing. The scorer's
threshold is picked here over the rules' statements alone; run bench/choose_scorer_threshold.py
afterwards to choose it with the tagger's combination in place.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
from collections import Counter
from pathlib import Path
from random import Random
from typing import Any

from spacy.tokens import Doc, DocBin, Token

from factbox.evaluate.corpus import AnnotatedArticle, load_corpus
from factbox.evaluate.relations import Relation, relation_from_statement
from factbox.evaluate.scorer import score_article, total
from factbox.evaluate.textspans import Pieces, outer, trimmed
from factbox.extract import learned
from factbox.extract.attributions import find_attributions
from factbox.extract.confidence import (
    StatementContext,
    StatementScorer,
    statement_features,
)
from factbox.extract.cues import load_cue_lexicon
from factbox.extract.learned import (
    cue_features,
    cue_tail_key,
    logistic,
    object_tail_key,
    source_tail_key,
    verb_voice,
)
from factbox.extract.nlp import load_nlp
from factbox.extract.quotes import find_quotes
from factbox.records import Statement

DATA = Path(__file__).resolve().parents[1] / "src" / "factbox" / "data"
OUTPUT = DATA / "learned_cues.json"
CLASSIFIER_OUTPUT = DATA / "cue_classifier.json"
SCORER_OUTPUT = DATA / "statement_scorer.json"
SCORER_THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
"""Thresholds tried for the statement scorer, each on the half of the split it was not fitted on."""
EPOCHS = 8
LEARNING_RATE = 0.5
L2 = 1e-5
MIN_WEIGHT = 0.01
"""Weights smaller than this are left out of the shipped file."""
MIN_FEATURE_COUNT = 3
"""Features seen on fewer verbs than this are not learned (they would only memorise)."""
CLASSIFIER_THRESHOLD = 0.5
"""Probability from which a verb is taken as a cue (tuned on the dev split)."""
SEED = 13
CUE_POS = ("VERB", "NOUN")
MIN_SEEN = 3
"""Lemmas seen fewer times than this are left out of the data file."""
MIN_CUE = 2
"""Nor are lemmas that head fewer gold cues than this."""
DECISION = {"min_probability": 0.5, "min_cues": 5, "min_sourceless_rate": 0.5}
"""How the extractor turns the counts into cues (tuned on the dev split)."""


def parsed_docs(articles: list[AnnotatedArticle], cache: Path | None) -> list[Doc]:
    nlp = load_nlp()
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((article.text for article in articles), batch_size=16))
    if cache is not None:
        store = DocBin(docs=docs)
        store.to_disk(cache)
    return docs


def quoted_tokens(doc: Doc) -> list[bool]:
    families = load_cue_lexicon().quote_families
    quoted = [False] * len(doc)
    for quote in find_quotes(doc.text, families):
        span = doc.char_span(*quote.outer, alignment_mode="expand")
        if span is not None:
            for token in span:
                quoted[token.i] = True
    return quoted


def head_of(tokens: list[Token]) -> Token:
    """The token of a span whose head lies outside it (the first such), preferring verbs."""
    inside = {token.i for token in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i] or tokens
    return next((t for t in heads if t.pos_ in CUE_POS), heads[0])


def key(token: Token) -> str:
    return f"{token.lemma_.lower()}/{token.pos_}"


def count_cue_tails(
    verb: Token, relation: Relation, seen: Counter[str], inside: Counter[str]
) -> None:
    """Count, for the words a gold cue verb governs right after it (the cue and what follows
    it so far) that are not content, which lie inside the cue; only for a content that
    reaches past the verb."""
    doc = verb.doc
    cue = relation.cue or ()
    content = relation.content or ()

    def within(token: Token, pieces: Pieces) -> bool:
        return any(start <= token.idx < end for start, end in pieces)

    if not content or content[-1][1] <= verb.idx:
        return  # the cue after a quote keeps to the verb (the extractor asks the same)
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ in ("punct", "prt") or child.i < end:
            continue
        between = doc[end : child.left_edge.i]
        if within(child, content) or any(not within(t, cue) for t in between):
            break
        name = cue_tail_key(child)
        seen[name] += 1
        inside[name] += within(child, cue)
        if not within(child, cue):
            break
        end = child.right_edge.i + 1


def count_source_tails(doc: Doc, source: Pieces, seen: Counter[str], inside: Counter[str]) -> None:
    """Count, for the words right of a gold source's head, which lie inside the source."""
    tokens = {
        token.i
        for start, end in source
        for token in (doc.char_span(start, end, alignment_mode="expand") or [])
    }
    roots = [
        doc[i]
        for i in sorted(tokens)
        if not doc[i].is_punct and (doc[i].head.i not in tokens or doc[i].head.i == i)
    ]
    if len(roots) != 1:
        return
    for child in roots[0].rights:
        if child.dep_ != "punct":
            name = source_tail_key(child)
            seen[name] += 1
            inside[name] += child.i in tokens


def table(
    hits: Counter[str], seen: Counter[str], *, min_hits: int = 0, min_seen: int = 0
) -> dict[str, list[int]]:
    """``name -> [hits, seen]`` in name order, for names seen and hit often enough."""
    return {
        name: [hits[name], seen[name]]
        for name in sorted(seen)
        if seen[name] >= min_seen and hits[name] >= min_hits
    }


def count(articles: list[AnnotatedArticle], docs: list[Doc]) -> dict[str, object]:
    seen: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    dep_seen: Counter[str] = Counter()
    dep_in_content: Counter[str] = Counter()
    voice_seen: Counter[str] = Counter()
    voice_sourceless: Counter[str] = Counter()
    voice_cues: Counter[str] = Counter()
    particle_seen: Counter[str] = Counter()
    particle_in_cue: Counter[str] = Counter()
    tail_seen: Counter[str] = Counter()
    tail_in_content: Counter[str] = Counter()
    source_tail_seen: Counter[str] = Counter()
    cue_tail_seen: Counter[str] = Counter()
    cue_tail_in: Counter[str] = Counter()
    source_tail_in: Counter[str] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        quoted = quoted_tokens(doc)
        for token in doc:
            if token.pos_ in CUE_POS and not quoted[token.i]:
                seen[key(token)] += 1
            if token.pos_ == "VERB" and not quoted[token.i]:
                voice_seen[f"{token.lemma_.lower()}|{verb_voice(token)}"] += 1
        heads: set[int] = set()
        for relation in article.relations:
            if relation.source is not None:
                count_source_tails(doc, relation.source, source_tail_seen, source_tail_in)
            if relation.cue is None:
                continue
            tokens = [
                token
                for start, end in relation.cue
                for token in (doc.char_span(start, end, alignment_mode="expand") or [])
            ]
            if not tokens:
                continue
            head = head_of(tokens)
            if head.pos_ not in CUE_POS or quoted[head.i] or head.i in heads:
                continue
            heads.add(head.i)
            cues[key(head)] += 1
            if head.pos_ == "VERB":
                voice_cues[f"{head.lemma_.lower()}|{verb_voice(head)}"] += 1
                if relation.source is None:
                    voice_sourceless[f"{head.lemma_.lower()}|{verb_voice(head)}"] += 1
            following = head.i + 1
            if (
                head.pos_ == "VERB"
                and following < len(doc)
                and doc[following].head.i == head.i
                and doc[following].dep_ in ("prep", "prt", "agent")
            ):
                word = doc[following]
                in_cue = any(t.i == word.i for t in tokens)
                for name in (f"{head.lemma_.lower()}|{word.lower_}", f"*|{word.lower_}"):
                    particle_seen[name] += 1
                    particle_in_cue[name] += in_cue
            if head.pos_ == "VERB":
                count_cue_tails(head, relation, cue_tail_seen, cue_tail_in)
            if relation.content is None or head.pos_ != "VERB":
                continue
            content_chars = [piece for piece in relation.content]

            def inside(token: Token, pieces: list[tuple[int, int]] = content_chars) -> bool:
                return any(start <= token.idx < end for start, end in pieces)

            for child in head.rights:
                dep_seen[child.dep_] += 1
                if inside(child):
                    dep_in_content[child.dep_] += 1
            content_object = next((c for c in head.rights if c.dep_ == "dobj" and inside(c)), None)
            if content_object is not None:
                for child in head.rights:
                    if child.i > content_object.i and child.dep_ != "punct":
                        tail = object_tail_key(child)
                        tail_seen[tail] += 1
                        tail_in_content[tail] += inside(child)
    lemmas = {
        name: [cues[name], seen[name]]
        for name in sorted(seen)
        if seen[name] >= MIN_SEEN and cues[name] >= MIN_CUE
    }
    return {
        "lemmas": lemmas,
        "content_deps": table(dep_in_content, dep_seen),
        "sourceless": table(voice_sourceless, voice_seen, min_hits=MIN_CUE),
        "sourceless_share": table(voice_sourceless, voice_cues, min_hits=MIN_CUE),
        "cue_particles": table(particle_in_cue, particle_seen, min_seen=MIN_SEEN),
        "object_tails": table(tail_in_content, tail_seen),
        "cue_tails": table(cue_tail_in, cue_tail_seen, min_seen=MIN_SEEN),
        "source_tails": table(source_tail_in, source_tail_seen),
    }


def gold_cue_heads(article: AnnotatedArticle, doc: Doc) -> set[int]:
    heads: set[int] = set()
    for relation in article.relations:
        if relation.cue is None:
            continue
        tokens = [
            token
            for start, end in relation.cue
            for token in (doc.char_span(start, end, alignment_mode="expand") or [])
        ]
        if tokens:
            heads.add(head_of(tokens).i)
    return heads


def verb_examples(articles: list[AnnotatedArticle], docs: list[Doc]) -> list[tuple[list[str], int]]:
    """Every verb outside quotes, with its features and whether it heads a gold cue."""
    examples: list[tuple[list[str], int]] = []
    for article, doc in zip(articles, docs, strict=True):
        quoted = quoted_tokens(doc)
        heads = gold_cue_heads(article, doc)
        for token in doc:
            if token.pos_ == "VERB" and not quoted[token.i]:
                examples.append((cue_features(token), int(token.i in heads)))
    return examples


def train_logistic(
    examples: list[tuple[list[str], int]],
    *,
    l2: float = L2,
    min_count: int = MIN_FEATURE_COUNT,
) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent with AdaGrad steps and L2
    (``l2``; features seen fewer than ``min_count`` times are left out)."""
    seen = Counter(feature for features, _ in examples for feature in features)
    examples = [
        ([f for f in features if seen[f] >= min_count], label) for features, label in examples
    ]
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    order = list(range(len(examples)))
    random = Random(SEED)
    for _ in range(EPOCHS):
        random.shuffle(order)
        for index in order:
            features, label = examples[index]
            score = sum(weights.get(f, 0.0) for f in features)
            probability = logistic(score)
            error = probability - label
            for feature in features:
                weight = weights.get(feature, 0.0)
                gradient = error + l2 * weight
                squares[feature] = squares.get(feature, 0.0) + gradient * gradient
                weights[feature] = weight - LEARNING_RATE * gradient / math.sqrt(squares[feature])
    return {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= MIN_WEIGHT}


def write_model(path: Path, model: Any, note: str, **facts: object) -> None:
    """A learned model's data file: the fields of ``model`` (a dataclass), a note on how it was
    made, and ``facts`` about its training (counts)."""
    data = dataclasses.asdict(model)
    data["note"] = note
    data.update(facts)
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


ScoredStatement = tuple[Statement, list[str], int]


def statement_examples(
    articles: list[AnnotatedArticle], docs: list[Doc]
) -> list[list[ScoredStatement]]:
    """For each article, the extractor's statements (PolNeAR conventions, unscored) with their
    features and whether an annotator marked them: the cue is a gold cue or the content a gold
    content (a quote attributed with a cue drawn differently is still an attribution)."""
    learned.load_learned_cues.cache_clear()
    learned.load_cue_classifier.cache_clear()
    context = StatementContext(
        load_cue_lexicon(), learned.load_learned_cues(), learned.load_cue_classifier()
    )
    examples: list[list[ScoredStatement]] = []
    for article, doc in zip(articles, docs, strict=True):
        gold = {
            trimmed(article.text, relation.cue) for relation in article.relations if relation.cue
        }
        contents = {
            key
            for relation in article.relations
            if relation.content
            for key in (
                trimmed(article.text, relation.content),
                trimmed(article.text, (outer(relation.content),)),
            )
        }
        statements = find_attributions(doc, conventions="polnear", scored=False)
        examples.append(
            [
                (
                    statement,
                    statement_features(doc, statement, statements, context),
                    int(
                        (
                            statement.cue_span is not None
                            and trimmed(article.text, (statement.cue_span,)) in gold
                        )
                        or trimmed(
                            article.text, statement.content_pieces or (statement.content_span,)
                        )
                        in contents
                    ),
                )
                for statement in statements
            ]
        )
    return examples


def relation_f1(
    articles: list[AnnotatedArticle], examples: list[list[ScoredStatement]], scorer: StatementScorer
) -> float:
    """Exact relation F1 of the statements ``scorer`` keeps."""
    scores = [
        score_article(
            article.text,
            article.relations,
            [
                relation_from_statement(statement)
                for statement, features, _ in items
                if scorer.probability(features) >= scorer.threshold
            ],
        )
        for article, items in zip(articles, examples, strict=True)
    ]
    return total(scores).relation.exact.f1


def train_scorer(
    articles: list[AnnotatedArticle], examples: list[list[ScoredStatement]]
) -> tuple[StatementScorer, dict[float, float]]:
    """Pick the threshold by two-fold cross-fitting (fit on one half of the articles, score
    the other, mean exact relation F1 of both), then fit on all."""
    half = len(articles) // 2
    folds = [(slice(None, half), slice(half, None)), (slice(half, None), slice(None, half))]

    def flat(part: list[list[ScoredStatement]]) -> list[tuple[list[str], int]]:
        return [(features, label) for items in part for _, features, label in items]

    held_out = dict.fromkeys(SCORER_THRESHOLDS, 0.0)
    for fit, score in folds:
        weights = train_logistic(flat(examples[fit]))
        for threshold in SCORER_THRESHOLDS:
            held_out[threshold] += relation_f1(
                articles[score], examples[score], StatementScorer(weights, threshold)
            ) / len(folds)
    best = max(SCORER_THRESHOLDS, key=lambda threshold: held_out[threshold])
    return StatementScorer(train_logistic(flat(examples)), best), held_out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("split", type=Path, help="a split folder with text/ and attributions/")
    parser.add_argument("--cache", type=Path, help="DocBin file to keep the parses in")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--classifier-output", type=Path, default=CLASSIFIER_OUTPUT)
    parser.add_argument("--scorer-output", type=Path, default=SCORER_OUTPUT)
    args = parser.parse_args(argv)
    corpus = load_corpus(args.split)
    docs = parsed_docs(corpus.articles, args.cache)
    counts = count(corpus.articles, docs)
    data = {
        "_about": (
            "Cue statistics learned by bench/train_attribution.py from the PolNeAR train split "
            "(Newell, Margolin and Ruths 2018, LREC). lemmas: 'lemma/POS' -> [times it heads a "
            "gold cue, times seen outside quotes] (only lemmas seen >= "
            f"{MIN_SEEN} times and heading >= {MIN_CUE} cues). content_deps: dependency "
            "relation -> [times a word so attached to the right of a gold cue verb lies in the "
            "gold content, times seen]. cue_particles: 'lemma|word' (or '*|word') of the "
            "preposition or particle right after a gold cue verb -> [times inside the cue, "
            "times seen]. object_tails: 'dep|comma|date' of a word right of a gold cue verb's "
            "object that is content -> [times in the content, times seen]. cue_tails: "
            "'cue_tail_key' of a word a gold cue verb governs right after the cue, not content "
            "-> [times in the cue, times seen]. "
            "source_tails: 'dep|comma' of a word right of a gold source's head -> "
            "[times in the source, times seen]. "
            "sourceless: "
            "'lemma|voice' (act, pass, mod) -> [times heading a gold cue without a source, "
            "times seen outside quotes]. sourceless_share: the same -> [times heading a gold "
            "cue without a source, times heading any gold cue]. Regenerate with: "
            "python bench/train_attribution.py "
            "CORPUS/train"
        ),
        "articles": len(corpus.articles),
        "decision": DECISION,
        **counts,
    }
    args.output.write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"cue lexicon from {len(corpus.articles)} articles -> {args.output}")
    examples = verb_examples(corpus.articles, docs)
    weights = train_logistic(examples)
    classifier = {
        "_about": (
            "Logistic regression over factbox.extract.learned.cue_features: the probability "
            "that a verb outside quotes heads an attribution cue. Trained by "
            "bench/train_attribution.py on the PolNeAR train split (Newell, Margolin and "
            f"Ruths 2018, LREC); {len(examples)} verbs, {sum(y for _, y in examples)} cues."
        ),
        "threshold": CLASSIFIER_THRESHOLD,
        "weights": weights,
    }
    args.classifier_output.write_text(json.dumps(classifier, indent=0) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights from {len(examples)} verbs -> {args.classifier_output}")
    if args.classifier_output != CLASSIFIER_OUTPUT or args.output != OUTPUT:
        return 0  # the extractor reads the shipped files; a scorer needs them to be these
    statements = statement_examples(corpus.articles, docs)
    scorer, held_out = train_scorer(corpus.articles, statements)
    count_statements = sum(len(items) for items in statements)
    kept = sum(label for items in statements for _, _, label in items)
    scorer_data = {
        "_about": (
            "Logistic regression over factbox.extract.confidence.statement_features: the "
            "probability that a statement the extractor finds (PolNeAR conventions) has a gold "
            "cue or a gold content. Trained by bench/train_attribution.py on the extractor's "
            "output over the PolNeAR train split (Newell, Margolin and Ruths 2018, LREC); "
            f"{count_statements} statements, {kept} with a gold cue or content. The threshold "
            "is the one with the best mean exact relation F1 over two folds (fit on one half of "
            "the articles, score the other): "
            + ", ".join(f"{t}: {f1 * 100:.1f}" for t, f1 in held_out.items())
        ),
        "threshold": scorer.threshold,
        "weights": {
            f: round(w, 4) for f, w in sorted(scorer.weights.items()) if abs(w) >= MIN_WEIGHT
        },
    }
    args.scorer_output.write_text(json.dumps(scorer_data, indent=0) + "\n", encoding="utf-8")
    print(
        f"statement scorer from {count_statements} statements, threshold {scorer.threshold}"
        f" -> {args.scorer_output}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
