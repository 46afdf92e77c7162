"""Where predicted spans overlap a gold span without matching it exactly, and why.

    python bench/boundaries.py [--corpus DIR] [--split train] [--sample 200] [--cache DIR]
                               [--role content] [--show 0]

Parses a sample of a PolNeAR split (every k-th article, so all publishers are in it), runs the
extractor with the PolNeAR conventions and, for every predicted span that overlaps a gold span
of the same role (the scorer's overlap test) but is not an exact match, says which edge is off,
by how many words, and what kind of words they are: a leading "that", an "according to" tail,
a second sentence, a relative clause, a coordinated clause, the source inside the content, and
so on. It also says whether the rules' span or the tagger's (Viterbi-decoded) span was the gold
one. Parsed documents and tagger scores are cached in ``--cache`` (outside the repository), so
a change to span choice is measured again in seconds. The tagger was trained on PolNeAR
train, so its spans on train are better than on unseen text: "tagger right" counts are
optimistic there; dev is the split to choose on.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin

from factbox.evaluate.corpus import AnnotatedArticle, load_corpus
from factbox.evaluate.polnear import ArticleResult, Evaluation
from factbox.evaluate.relations import Relation, Role, relation_from_statement
from factbox.evaluate.scorer import Scores, score_article, total
from factbox.evaluate.textspans import Pieces, TokenIndex, overlap_ratio, trimmed
from factbox.extract.attributions import find_attributions
from factbox.extract.confidence import StatementScorer
from factbox.extract.content_ends import EndCutter
from factbox.extract.cue_adder import CueAdder
from factbox.extract.span_choice import SpanChooser
from factbox.extract.tagged import viterbi_spans
from factbox.extract.tagger import CONTENT, CUE, ROLE_SCORES, SOURCE
from factbox.records import Span, Statement

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "polnear"
ROLE_INDEX: dict[Role, int] = {"source": SOURCE, "cue": CUE, "content": CONTENT}


def sample(articles: list[AnnotatedArticle], size: int) -> list[AnnotatedArticle]:
    """Every k-th article, ``size`` in all (all of them when there are fewer)."""
    if size <= 0 or size >= len(articles):
        return articles
    step = len(articles) / size
    return [articles[int(i * step)] for i in range(size)]


def training_parser(doc: str | None) -> argparse.ArgumentParser:
    """The arguments every script fitting a learned table on train and choosing on dev takes:
    the train split, ``--dev``, ``--sample`` and ``--cache``."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n", 1)[0])
    parser.add_argument("train", type=Path, help="PolNeAR train split folder")
    parser.add_argument("--dev", type=Path, required=True, help="PolNeAR dev split folder")
    parser.add_argument("--sample", type=int, default=400, help="train articles (0: all)")
    parser.add_argument("--cache", type=Path, help="folder for parsed documents (not the repo)")
    return parser


def gold_contents(article: AnnotatedArticle) -> set[Pieces]:
    """The article's gold contents as the scorer trims them, each in pieces also by its
    outer span (what a learned table's training labels a prediction right against)."""
    gold: set[Pieces] = set()
    for relation in article.relations:
        key = trimmed(article.text, relation.content) if relation.content else ()
        gold |= {key, trimmed(article.text, (_outer(key),))} if key else set()
    return gold


def train_and_dev(
    args: argparse.Namespace,
) -> tuple[list[AnnotatedArticle], list[Doc], list[AnnotatedArticle], list[Doc]]:
    """The train sample and the dev split of ``training_parser``'s arguments, parsed (from
    ``--cache``'s ``train`` and ``dev`` folders when given)."""
    train = sample(load_corpus(args.train).articles, args.sample)
    train_docs = parsed(train, args.cache / "train" if args.cache else None)
    dev = load_corpus(args.dev).articles
    dev_docs = parsed(dev, args.cache / "dev" if args.cache else None)
    return train, train_docs, dev, dev_docs


def polnear_scores(
    articles: list[AnnotatedArticle],
    docs: list[Doc],
    *,
    chooser: SpanChooser | None = None,
    adder: CueAdder | None = None,
    cutter: EndCutter | None = None,
    scorer: StatementScorer | None = None,
) -> Scores:
    """The articles' statements (PolNeAR conventions, with ``chooser``, ``adder``, ``cutter``
    and ``scorer`` in place of the shipped ones when given) scored against their gold, summed."""
    results = []
    for article, doc in zip(articles, docs, strict=True):
        statements = find_attributions(
            doc,
            conventions="polnear",
            span_chooser=chooser,
            cue_adder=adder,
            end_cutter=cutter,
            statement_scorer=scorer,
        )
        predicted = [relation_from_statement(s) for s in statements]
        results.append(score_article(article.text, article.relations, predicted))
    return total(results)


def parsed(articles: list[AnnotatedArticle], cache: Path | None) -> list[Doc]:
    """The articles parsed with the tagger's scores, from ``cache`` when it holds them."""
    from factbox.extract.nlp import load_nlp

    nlp = load_nlp()
    docs: dict[str, Doc] = {}
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        for article in articles:
            bin_path, roles_path = cache / f"{article.name}.spacy", cache / f"{article.name}.npy"
            if bin_path.exists() and roles_path.exists():
                (doc,) = DocBin().from_disk(bin_path).get_docs(nlp.vocab)
                doc._.set(ROLE_SCORES, np.load(roles_path))
                docs[article.name] = doc
    missing = [article for article in articles if article.name not in docs]
    for article, doc in zip(missing, nlp.pipe(a.text for a in missing), strict=True):
        docs[article.name] = doc
        if cache is not None:
            DocBin(docs=[doc]).to_disk(cache / f"{article.name}.spacy")
            np.save(cache / f"{article.name}.npy", doc._.get(ROLE_SCORES))
    return [docs[article.name] for article in articles]


@dataclass(frozen=True, slots=True)
class EdgeError:
    """One predicted span that overlaps a gold one but is not it."""

    article: str
    role: Role
    gold: Span
    predicted: Span
    edge: str
    """"start", "end" or "both"."""
    kinds: tuple[str, ...]
    words: int
    """Words (whitespace tokens) off, both edges together."""
    tagger_right: bool
    """The tagger's own overlapping span is the gold one."""


def _outer(pieces: Pieces) -> Span:
    return pieces[0][0], pieces[-1][1]


def _word_count(text: str) -> int:
    return len(text.split())


def edge_kinds(doc: Doc, gold: Span, predicted: Span, text: str, source: Span | None) -> list[str]:
    """What the words between the two spans' edges are."""
    kinds: list[str] = []
    for side, extra, span in (
        ("start", predicted[0] < gold[0], (min(gold[0], predicted[0]), max(gold[0], predicted[0]))),
        ("end", predicted[1] > gold[1], (min(gold[1], predicted[1]), max(gold[1], predicted[1]))),
    ):
        if span[0] == span[1]:
            continue
        words = text[span[0] : span[1]]
        where = f"{side}{'+' if extra else '-'}"
        kinds.append(f"{where}:{_classify(doc, span, words, side, source)}")
    return kinds


def _tokens_in(doc: Doc, span: Span) -> list[int]:
    return [t.i for t in doc if span[0] <= t.idx < span[1] and not t.is_space]


def _classify(doc: Doc, span: Span, words: str, side: str, source: Span | None) -> str:
    lower = words.strip().lower()
    tokens = [doc[i] for i in _tokens_in(doc, span)]
    if not tokens:
        return "space"
    if all(t.is_punct for t in tokens):
        return "quote" if any(t.is_quote for t in tokens) else "punct"
    if source is not None and source[0] < span[1] and span[0] < source[1]:
        return "source"
    if lower in ("that", "that,") or (tokens[0].lower_ == "that" and len(tokens) == 1):
        return "that"
    if "according to" in lower:
        return "according-to"
    if lower.startswith(("if ", "whether ")) or lower in ("if", "whether"):
        return "if/whether"
    sentences = {t.sent.start for t in tokens}
    if len(sentences) > 1 or (side == "end" and tokens[0].is_sent_start):
        return "sentence"
    first = tokens[0] if side == "end" else tokens[-1]
    deps = {t.dep_ for t in tokens}
    heads = [t for t in tokens if t.head.i not in {x.i for x in tokens} or t.head == t]
    head_deps = {t.dep_ for t in heads}
    if "relcl" in head_deps or (first.tag_ in ("WDT", "WP") and side == "end"):
        return "relcl"
    if head_deps & {"conj", "cc"} or (side == "end" and first.dep_ == "cc"):
        return "conj"
    if head_deps & {"advcl"} or first.dep_ == "mark":
        return "advcl"
    if head_deps & {"prep"} or first.dep_ == "prep":
        return "prep"
    if head_deps & {"npadvmod", "advmod"} and len(tokens) <= 3:
        return "adverb"
    if any(t.pos_ == "VERB" and t.lemma_ in ("say", "tell", "add", "note") for t in tokens):
        return "cue-verb"
    if "nsubj" in deps or "nsubjpass" in deps:
        return "subject"
    return f"other:{'/'.join(sorted(head_deps))}"


COARSE_KINDS = {
    "punct": "punctuation",
    "quote": "quote mark",
    "space": "punctuation",
    "source": "attribution words (source, 'he said', 'according to')",
    "cue-verb": "attribution words (source, 'he said', 'according to')",
    "according-to": "attribution words (source, 'he said', 'according to')",
    "sentence": "another sentence",
    "relcl": "clause (relative, adverbial, coordinated, if/whether)",
    "advcl": "clause (relative, adverbial, coordinated, if/whether)",
    "conj": "clause (relative, adverbial, coordinated, if/whether)",
    "if/whether": "clause (relative, adverbial, coordinated, if/whether)",
    "prep": "prepositional phrase",
    "that": "'that'",
    "subject": "a subject or object",
    "adverb": "an adverb",
}
EDGE_NAMES = {
    "start+": "starts too early",
    "start-": "starts too late",
    "end+": "ends too late",
    "end-": "ends too early",
}


def coarse_kind(kind: str) -> str:
    """``start+:relcl`` as (``starts too early``, the coarse class of its words)."""
    edge, words = kind.split(":", 1)
    if words.startswith("other:") and "obj" in words:
        words = "subject"
    return f"{EDGE_NAMES[edge]}: {COARSE_KINDS.get(words, 'other words')}"


def article_errors(
    article: AnnotatedArticle, doc: Doc, statements: list[Statement], role: Role
) -> Iterator[EdgeError]:
    text = article.text
    index = TokenIndex.of(text)
    gold_spans: list[tuple[Pieces, Span | None]] = []
    for relation in article.relations:
        pieces = relation.role(role)
        if pieces:
            source = _outer(relation.source) if relation.source else None
            gold_spans.append((trimmed(text, pieces), source))
    gold_keys = {key for key, _ in gold_spans}
    roles = doc._.get(ROLE_SCORES)
    tagger_keys = (
        {
            trimmed(text, ((doc[s.start].idx, doc[s.end - 1].idx + len(doc[s.end - 1])),))
            for s in viterbi_spans(doc, np.asarray(roles), ROLE_INDEX[role])
        }
        if roles is not None
        else set()
    )
    predicted_spans: set[Pieces] = set()
    for statement in statements:
        relation = relation_from_statement(statement)
        pieces = relation.role(role)
        if pieces:
            predicted_spans.add(trimmed(text, pieces))
    for key in sorted(predicted_spans):
        if not key or key in gold_keys:
            continue
        best: tuple[float, Pieces, Span | None] | None = None
        units = index.units(text, key)
        for gold, source in gold_spans:
            if not gold:
                continue
            ratio = overlap_ratio(index.units(text, gold), units)
            if ratio >= 0.5 and (best is None or ratio > best[0]):
                best = (ratio, gold, source)
        if best is None:
            continue
        _, gold, source = best
        g, p = _outer(gold), _outer(key)
        edge = "both" if g[0] != p[0] and g[1] != p[1] else ("start" if g[0] != p[0] else "end")
        off = _word_count(text[min(g[0], p[0]) : max(g[0], p[0])]) + _word_count(
            text[min(g[1], p[1]) : max(g[1], p[1])]
        )
        kinds = tuple(edge_kinds(doc, g, p, text, source if role == "content" else None))
        yield EdgeError(article.name, role, g, p, edge, kinds, off, gold in tagger_keys)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", default="train")
    parser.add_argument("--sample", type=int, default=200, help="articles (0: all)")
    parser.add_argument("--cache", type=Path, help="folder for parsed documents (not the repo)")
    parser.add_argument("--role", default="content", choices=("source", "cue", "content"))
    parser.add_argument("--show", type=int, default=0, help="print this many examples per kind")
    args = parser.parse_args(argv)

    corpus = load_corpus(args.corpus / args.split)
    articles = sample(corpus.articles, args.sample)
    started = time.perf_counter()
    docs = parsed(articles, args.cache)
    parsed_at = time.perf_counter()
    results: list[ArticleResult] = []
    errors: list[EdgeError] = []
    for article, doc in zip(articles, docs, strict=True):
        statements = find_attributions(doc, conventions="polnear")
        predicted: list[Relation] = [relation_from_statement(s) for s in statements]
        scores = score_article(article.text, article.relations, predicted)
        results.append(ArticleResult(article.name, article.publisher, {"all": scores}))
        errors.extend(article_errors(article, doc, statements, args.role))
    finished = time.perf_counter()
    summed: Scores = total(r.scores["all"] for r in results)
    print(
        f"{args.split}: {len(articles)} articles; parse {parsed_at - started:.1f} s, "
        f"extraction {finished - parsed_at:.1f} s"
    )
    print(f"{'':10} {'exact P':>8} {'R':>6} {'F1':>6} {'overlap P':>10} {'R':>6} {'F1':>6}")
    for name in ("source", "cue", "content", "relation"):
        counts = getattr(summed, name)
        e, o = counts.exact, counts.overlap
        print(
            f"{name:10} {100 * e.precision:8.1f} {100 * e.recall:6.1f} {100 * e.f1:6.1f} "
            f"{100 * o.precision:10.1f} {100 * o.recall:6.1f} {100 * o.f1:6.1f}"
        )
    print(f"\n{args.role}: {len(errors)} predicted spans overlap a gold span but are not exact")
    print(f"tagger's span was the gold one: {sum(e.tagger_right for e in errors)}")
    print("edge:", dict(Counter(e.edge for e in errors).most_common()))
    print("words off:", dict(sorted(Counter(min(e.words, 10) for e in errors).items())))
    print("by edge and coarse kind (an error off at both edges counts at each):")
    for name, count in Counter(coarse_kind(k) for e in errors for k in e.kinds).most_common():
        print(f"  {count:4d}  {name}")
    kinds = Counter(kind for e in errors for kind in e.kinds)
    texts = {a.name: a.text for a in articles}
    for kind, count in kinds.most_common():
        right = sum(e.tagger_right for e in errors if kind in e.kinds)
        print(f"  {count:4d}  {kind}  (tagger right {right})")
        for error in [e for e in errors if kind in e.kinds][: args.show]:
            text = texts[error.article]
            print(f"        gold: {text[error.gold[0] : error.gold[1]]!r}")
            print(f"        pred: {text[error.predicted[0] : error.predicted[1]]!r}")
    _ = Evaluation  # the same scorer as bench/quality.py
    return 0


if __name__ == "__main__":
    sys.exit(main())
