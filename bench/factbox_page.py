"""What the factbox page's drawings cost, and what caching them saves:

    python bench/factbox_page.py [--db LEDGER] [--slug SLUG] [--runs N]

Over the demo ledger (built in a temporary folder unless ``--db`` names one), it times the
page's view and HTML for one proposal three ways, in the same process:

- **first**: the first page of the process, which also loads and projects the borders;
- **drawn**: the map and seat diagrams drawn again (their caches emptied before each run),
  as after a ledger change;
- **cached**: the drawings taken from the cache, as for every later view until the
  positions or memberships change.

It prints the median of each, and the ratios drawn/cached and first/cached. The service's
own work (reading positions) is timed apart, as ``service``: it is the pagination and
query-speed work's to make fast at scale, not the drawings'.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from factbox import api, service
from factbox.service import Factbox
from factbox.web import maps, seats
from factbox.web.factbox import LEGEND, ServerLinks, factbox_view
from factbox.web.pages import environment


def _median_ms(run: Callable[[], object], runs: int, before: Callable[[], None]) -> float:
    times = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(factbox: Factbox, slug: str, runs: int) -> dict[str, float]:
    template = environment().get_template("factbox.html")
    report = factbox.factbox(slug)

    def page() -> str:
        view = factbox_view(report)
        return template.render(
            view=view,
            links=ServerLinks(slug),
            legend=LEGEND,
            lang="en",
            editor=None,
            report_script=True,
            request=None,
        )

    def forget() -> None:
        maps._figure.cache_clear()
        seats._diagram.cache_clear()

    start = time.perf_counter()
    page()
    first = (time.perf_counter() - start) * 1000
    return {
        "service": _median_ms(lambda: factbox.factbox(slug), runs, lambda: None),
        "first": first,
        "drawn": _median_ms(page, runs, forget),
        "cached": _median_ms(page, runs, lambda: None),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a ledger with the proposal (default: the demo, built)")
    parser.add_argument("--slug", default="send-troops")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factbox-page-") as tmp:
        with service.open(args.db or str(Path(tmp) / "demo.db")) as factbox:
            if not args.db:
                factbox.load_proposals(api.demo_proposals())
                factbox.ingest([str(api.demo_articles())])
            found = measure(factbox, args.slug, args.runs)
    for name, ms in found.items():
        print(f"{name:8} {ms:8.1f} ms")
    print(f"drawn/cached {found['drawn'] / found['cached']:.1f}x")
    print(f"first/cached {found['first'] / found['cached']:.1f}x")


if __name__ == "__main__":
    main()
