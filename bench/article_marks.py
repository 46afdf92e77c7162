"""How many statements an article page marks, on articles as extraction found them.

    python bench/article_marks.py LEDGER

For every current article of the ledger (ingest PolNeAR dev articles into it first, e.g.
``factbox ingest ../shared/corpora/polnear/dev/text --db LEDGER``) prints the statements, how
many overlap another statement (nested, or crossing its end), and how many have their own
first mark on the page (``factbox.web.render.article_pieces``), which is what a link to the
statement lands on. Before overlapping statements were marked, an overlapping statement got
no mark at all; every statement must have one now.
"""

from __future__ import annotations

import argparse

import factbox
from factbox.web.render import article_pieces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger")
    args = parser.parse_args()
    total = overlapping = marked = 0
    with factbox.open(args.ledger) as fb:
        for row in fb.articles():
            article = fb.article(row.ref.id)
            if article is None:
                continue
            found = fb.statements(article.id)
            spans = [s.statement.span for s in found]
            overlaps = sum(
                any(o != s and o[0] < s[1] and s[0] < o[1] for o in spans) for s in spans
            )
            firsts = {
                p.opens.id for p in article_pieces(article.body, found) if p.first and p.opens
            }
            print(
                f"{row.ref.id:>5}  statements {len(found):>4}  overlapping {overlaps:>4}"
                f"  marked {len(firsts):>4}  {row.ref.title or row.ref.key}"
            )
            total, overlapping, marked = (
                total + len(found),
                overlapping + overlaps,
                marked + len(firsts),
            )
    print(f"all    statements {total:>4}  overlapping {overlapping:>4}  marked {marked:>4}")


if __name__ == "__main__":
    main()
