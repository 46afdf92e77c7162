"""Who is asking: the client address (proxies believed only when trusted) and rate limits."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence

from factbox.web.settings import IPNetwork


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def is_trusted(text: str, networks: Sequence[IPNetwork]) -> bool:
    address = _address(text)
    return address is not None and any(address in network for network in networks)


def client_address(
    peer: str | None, forwarded_for: str | None, trusted: Sequence[IPNetwork]
) -> str:
    """The address to hold a request to.

    ``peer`` is the socket's remote address. ``X-Forwarded-For`` counts only when the peer
    is a trusted proxy; then the right-most address that is not itself a trusted proxy is
    the client (anything left of it could have been written by the client).
    """
    if peer is None:
        return "unknown"
    if not forwarded_for or not is_trusted(peer, trusted):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if _address(hop) is None:
            return peer  # a malformed chain: hold the proxy itself to account
        if not is_trusted(hop, trusted):
            return hop
    return hops[0] if hops else peer


class RateLimiter:
    """A token bucket per key: ``per_minute`` requests in a burst, refilled evenly.

    Keeps at most ``max_keys`` buckets; the least recently seen go first.
    """

    def __init__(self, per_minute: int, max_keys: int = 100_000) -> None:
        self.capacity = float(max(per_minute, 0))
        self.rate = self.capacity / 60.0
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, key: str, now: float | None = None) -> tuple[bool, float]:
        """Whether ``key`` may go ahead now, and if not, the seconds until it may."""
        moment = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.pop(key, (self.capacity, moment))
            tokens = min(self.capacity, tokens + (moment - last) * self.rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[key] = (tokens, moment)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        wait = 0.0 if allowed or self.rate == 0 else (1.0 - tokens) / self.rate
        return allowed, wait
