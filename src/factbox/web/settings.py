"""Settings of the web server, from arguments or ``FACTBOX_WEB_*`` environment variables."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

ENV_PREFIX = "FACTBOX_WEB_"

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Everything the server is told by its operator; nothing here comes from a request."""

    allowed_origins: tuple[str, ...] = ()
    """Origins of other sites that may embed report.js (``https://news.example``)."""
    trusted_proxies: tuple[str, ...] = ()
    """Addresses or networks of proxies whose ``X-Forwarded-For`` is believed."""
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_from: str = "factbox@localhost"
    smtp_to: tuple[str, ...] = ()
    webhook_url: str | None = None
    retention_days: int = 90
    rate_limit: int = 10
    """Reports per client address per minute (a burst of that many, refilled evenly)."""
    salt: str = ""
    """Secret mixed into reporter-address hashes; set it, or a random one is made per run."""
    cookie_secure: bool = False
    """Mark cookies Secure (serve over https)."""
    public_url: str | None = None
    """The server's own address, for links in notifications (``https://factbox.example``)."""
    lang: str = "en"
    purge_interval_seconds: int = 3600

    def trusted_networks(self) -> list[IPNetwork]:
        return [ipaddress.ip_network(item, strict=False) for item in self.trusted_proxies]

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> WebSettings:
        """Settings from ``FACTBOX_WEB_<FIELD>`` variables; lists are comma-separated.

        Keyword ``overrides`` (e.g. from command-line options) win over the environment;
        an override of None is ignored.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for item in fields(cls):
            raw = env.get(ENV_PREFIX + item.name.upper())
            if raw is not None:
                values[item.name] = _parse(item.name, raw, item.type)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _parse(name: str, raw: str, kind: object) -> Any:
    text = str(kind)
    raw = raw.strip()
    if "tuple" in text:
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    if text.startswith("bool"):
        if raw.lower() in ("1", "true", "yes", "on"):
            return True
        if raw.lower() in ("0", "false", "no", "off", ""):
            return False
        raise ValueError(f"{ENV_PREFIX}{name.upper()}: expected true or false, got {raw!r}")
    if text.startswith("int"):
        try:
            return int(raw)
        except ValueError:
            message = f"{ENV_PREFIX}{name.upper()}: expected a number, got {raw!r}"
            raise ValueError(message) from None
    return raw or None if "None" in text else raw
