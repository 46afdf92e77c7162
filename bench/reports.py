"""Readers' reports under load: sustained reports/s and latency on loopback.

    python bench/reports.py [--clients 32] [--duration 10] [--processes 1]

Starts ``factbox serve``'s app (uvicorn, the same settings as ``serve``) in a subprocess on a
free 127.0.0.1 port over a fresh SQLite ledger, then N concurrent httpx clients post reports
for ``--duration`` seconds (after a one-second warm-up that is not counted). Every report is
answered only after its transaction committed (the writer thread commits waiting reports
together), so after the run every accepted report must be in the database: the bench checks
that the ledger holds exactly as many reports as were answered 202.

The baseline is the same server answering CORS preflights (no database, no JSON) with the same
clients in the same run; the ratio is reports/s over preflights/s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from factbox.store.ledger import Ledger
from factbox.store.reports import list_groups, report_count

SELECTIONS = 200
"""Distinct selections the clients report: some groups grow, new ones keep appearing."""


@dataclass
class Run:
    accepted: int
    other: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.accepted / self.seconds

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def serve(db: str, port: int) -> None:
    import uvicorn

    from factbox.web import WebSettings, create_app
    from factbox.web.server import uvicorn_config

    settings = WebSettings(salt="bench", rate_limit=10**9, purge_interval_seconds=10**6)
    config = uvicorn_config(create_app(db, settings), "127.0.0.1", port, log_level="warning")
    uvicorn.Server(config).run()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def report_body(n: int, base: str) -> dict[str, object]:
    pick = n % SELECTIONS
    return {
        "url": f"{base}/articles/{pick % 7 + 1}",
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": f"the minister said the plan number {pick} was sound",
                "prefix": "On Monday ",
                "suffix": ", officials added.",
            },
            {"type": "TextPositionSelector", "start": 100 + pick, "end": 150 + pick},
        ],
        "comment": "The plan was number {pick}, not this one" if n % 3 == 0 else "",
    }


class RawConnection:
    """One keep-alive HTTP/1.1 connection spoken by hand: a load generator that costs far
    less CPU per request than a full client, so the server is what gets measured."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, headers: dict[str, str], body: bytes) -> int:
        if self.reader is None or self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        if length:
            await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def load_raw(base: str, clients: int, duration: float, kind: str, offset: int) -> Run:
    host, port = base.removeprefix("http://").split(":")
    latencies: list[float] = []
    counts = {"accepted": 0, "other": 0, "warmup": 0}
    preflight = {"Origin": "https://news.example", "Access-Control-Request-Method": "POST"}
    post = {"Content-Type": "application/json"}

    async def worker(index: int, until: float, record: bool, start: int) -> int:
        connection = RawConnection(host, int(port))
        n = start
        try:
            while time.perf_counter() < until:
                began = time.perf_counter()
                if kind == "reports":
                    body = json.dumps(report_body(n, base)).encode()
                    status = await connection.request("POST", "/api/reports", post, body)
                    ok = status == 202
                else:
                    status = await connection.request("OPTIONS", "/api/reports", preflight, b"")
                    ok = status in (204, 403)
                n += 1
                if record:
                    latencies.append(time.perf_counter() - began)
                    counts["accepted" if ok else "other"] += 1
                elif ok and kind == "reports":
                    counts["warmup"] += 1
        finally:
            await connection.close()
        return n

    base_n = [offset + i * 1_000_000 for i in range(clients)]
    warm_until = time.perf_counter() + 1.0
    base_n = list(
        await asyncio.gather(*(worker(i, warm_until, False, base_n[i]) for i in range(clients)))
    )
    started = time.perf_counter()
    until = started + duration
    await asyncio.gather(*(worker(i, until, True, base_n[i]) for i in range(clients)))
    run = Run(counts["accepted"], counts["other"], time.perf_counter() - started, latencies)
    run.warmup_accepted = counts["warmup"]  # type: ignore[attr-defined]
    return run


async def load(base: str, clients: int, duration: float, kind: str, offset: int) -> Run:
    latencies: list[float] = []
    counts = {"accepted": 0, "other": 0}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    preflight = {"Origin": "https://news.example", "Access-Control-Request-Method": "POST"}
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:

        async def one(n: int, record: bool) -> None:
            started = time.perf_counter()
            if kind == "reports":
                response = await http.post("/api/reports", json=report_body(n, base))
                ok = response.status_code == 202
            else:
                response = await http.options("/api/reports", headers=preflight)
                ok = response.status_code in (204, 403)
            if record:
                latencies.append(time.perf_counter() - started)
                counts["accepted" if ok else "other"] += 1
            elif kind == "reports" and ok:
                counts["warmup"] = counts.get("warmup", 0) + 1

        async def worker(index: int, until: float, record: bool) -> None:
            n = offset + index * 1_000_000
            while time.perf_counter() < until:
                await one(n, record)
                n += 1

        warm_until = time.perf_counter() + 1.0
        await asyncio.gather(*(worker(i, warm_until, False) for i in range(clients)))
        started = time.perf_counter()
        until = started + duration
        await asyncio.gather(*(worker(i, until, True) for i in range(clients)))
        seconds = time.perf_counter() - started
    run = Run(counts["accepted"], counts["other"], seconds, latencies)
    run.warmup_accepted = counts.get("warmup", 0)  # type: ignore[attr-defined]
    return run


def load_in_process(
    args: tuple[str, int, float, str, int, str],
) -> tuple[int, int, int, float, list[float]]:
    base, clients, duration, kind, offset, client = args
    generator = load_raw if client == "raw" else load
    run = asyncio.run(generator(base, clients, duration, kind, offset))
    return run.accepted, run.other, run.warmup_accepted, run.seconds, run.latencies  # type: ignore[attr-defined]


def measure(
    base: str, clients: int, duration: float, kind: str, processes: int, client: str
) -> tuple[Run, int]:
    """Run the load in ``processes`` client processes; returns the run and warm-up accepts."""
    per_process = max(1, clients // processes)
    jobs = [(base, per_process, duration, kind, p * 100_000_000, client) for p in range(processes)]
    if processes == 1:
        results = [load_in_process(jobs[0])]
    else:
        with multiprocessing.get_context("spawn").Pool(processes) as pool:
            results = pool.map(load_in_process, jobs)
    accepted = sum(r[0] for r in results)
    other = sum(r[1] for r in results)
    warm = sum(r[2] for r in results)
    seconds = max(r[3] for r in results)
    latencies = [x for r in results for x in r[4]]
    return Run(accepted, other, seconds, latencies), warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--processes", type=int, default=1, help="client processes")
    parser.add_argument(
        "--client",
        choices=["raw", "httpx"],
        default="raw",
        help="load generator: hand-written HTTP/1.1 over asyncio streams, or httpx.AsyncClient",
    )
    parser.add_argument("--serve", nargs=2, metavar=("DB", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]))
        return 0

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        Ledger(db).close()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, __file__, "--serve", db, str(port)], env=os.environ.copy()
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    httpx.get(f"{base}/api/articles", timeout=1)
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.1)
            baseline, _ = measure(
                base, args.clients, args.duration, "preflight", args.processes, args.client
            )
            run, warm = measure(
                base, args.clients, args.duration, "reports", args.processes, args.client
            )
        finally:
            server.terminate()
            server.wait(timeout=60)
        ledger = Ledger(db)
        stored = report_count(ledger)
        grouped = sum(g.count for g in list_groups(ledger, limit=10**6))
        ledger.close()

    answered = run.accepted + warm
    print(
        f"clients: {args.clients} ({args.client}) in {args.processes} process(es); "
        f"{args.duration:.0f} s each"
    )
    print(
        f"baseline (CORS preflight): {baseline.rate:8.0f} req/s   "
        f"p50 {baseline.percentile(0.5):6.1f} ms   p99 {baseline.percentile(0.99):6.1f} ms"
    )
    print(
        f"reports (POST, stored):    {run.rate:8.0f} req/s   "
        f"p50 {run.percentile(0.5):6.1f} ms   p99 {run.percentile(0.99):6.1f} ms"
    )
    print(f"ratio reports/baseline: {run.rate / baseline.rate:.2f}")
    print(f"mean latency {statistics.fmean(run.latencies) * 1000:.1f} ms; refused {run.other}")
    print(f"accepted (incl. warm-up) {answered}; in the ledger {stored}; group counters {grouped}")
    if stored != answered or grouped != answered:
        print("MISMATCH: accepted reports are missing from the ledger")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
