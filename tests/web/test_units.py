"""Re-anchoring, client addresses, rate limits, settings and the report script's size."""

from __future__ import annotations

import gzip
import ipaddress
from pathlib import Path

import pytest

from factbox.web.anchor import anchor
from factbox.web.clients import RateLimiter, client_address
from factbox.web.settings import WebSettings

TEXT = (
    "The minister said the plan was sound. Later the minister said the plan was "
    "sound but slow. Nobody else spoke."
)
REPORT_JS = Path(__file__).parents[2] / "src" / "factbox" / "web" / "static" / "report.js"


def test_exact_anchor_picks_the_occurrence_whose_context_matches() -> None:
    exact = "the plan was sound"
    first = anchor(TEXT, exact, prefix="The minister said ", suffix=". Later")
    second = anchor(TEXT, exact, prefix="Later the minister said ", suffix=" but slow")
    assert first.kind == second.kind == "exact"
    assert first.span is not None and second.span is not None
    assert TEXT[first.span[0] : first.span[1]] == exact
    assert first.span[0] == TEXT.index(exact)
    assert second.span[0] == TEXT.index(exact, first.span[1])
    assert not first.probably_fixed


def test_the_position_hint_breaks_ties_without_context() -> None:
    exact = "the plan was sound"
    later = TEXT.index(exact, TEXT.index(exact) + 1)
    found = anchor(TEXT, exact, hint=later + 3)
    assert found.span == (later, later + len(exact))


def test_changed_text_is_found_fuzzily_and_marked_probably_fixed() -> None:
    revised = TEXT.replace("was sound but slow", "was sound yet slow")
    found = anchor(
        revised, "the plan was sound but slow", prefix="Later the minister said ", suffix=". Nobody"
    )
    assert found.kind == "fuzzy" and found.probably_fixed
    assert found.span is not None
    assert revised[found.span[0] : found.span[1]] == "the plan was sound yet slow"


def test_text_that_is_gone_is_missing() -> None:
    found = anchor(TEXT, "tanks will roll into the capital tomorrow", prefix="x", suffix="y")
    assert found.kind == "missing" and found.span is None and found.probably_fixed


NET = [ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("127.0.0.1/32")]


def test_forwarded_for_counts_only_from_trusted_proxies() -> None:
    assert client_address("198.51.100.7", "203.0.113.9", NET) == "198.51.100.7"
    assert client_address("127.0.0.1", "203.0.113.9", NET) == "203.0.113.9"
    # The client may write anything on the left; the right-most untrusted hop counts.
    assert client_address("127.0.0.1", "1.2.3.4, 203.0.113.9, 10.1.1.1", NET) == "203.0.113.9"
    assert client_address("127.0.0.1", "not-an-ip", NET) == "127.0.0.1"
    assert client_address("127.0.0.1", None, NET) == "127.0.0.1"


def test_rate_limiter_refills_evenly() -> None:
    limiter = RateLimiter(per_minute=2)
    assert limiter.allow("a", now=0)[0] and limiter.allow("a", now=0)[0]
    allowed, wait = limiter.allow("a", now=0)
    assert not allowed and wait == pytest.approx(30)
    assert limiter.allow("b", now=0)[0]
    assert limiter.allow("a", now=30)[0]
    assert not limiter.allow("a", now=31)[0]


def test_rate_limiter_forgets_the_least_recent_keys() -> None:
    limiter = RateLimiter(per_minute=1, max_keys=2)
    limiter.allow("a", now=0)
    limiter.allow("b", now=0)
    limiter.allow("c", now=0)
    assert limiter.allow("a", now=0)[0]  # "a" was dropped, so it starts afresh


def test_settings_from_the_environment() -> None:
    env = {
        "FACTBOX_WEB_ALLOWED_ORIGINS": "https://a.example, https://b.example",
        "FACTBOX_WEB_TRUSTED_PROXIES": "10.0.0.0/8",
        "FACTBOX_WEB_SMTP_PORT": "2525",
        "FACTBOX_WEB_COOKIE_SECURE": "yes",
        "FACTBOX_WEB_WEBHOOK_URL": "http://127.0.0.1:9/hook",
    }
    settings = WebSettings.from_env(env, rate_limit=5, smtp_host=None)
    assert settings.allowed_origins == ("https://a.example", "https://b.example")
    assert settings.smtp_port == 2525 and settings.cookie_secure is True
    assert settings.rate_limit == 5 and settings.smtp_host is None
    assert settings.trusted_networks() == [ipaddress.ip_network("10.0.0.0/8")]
    with pytest.raises(ValueError, match="FACTBOX_WEB_RETENTION_DAYS"):
        WebSettings.from_env({"FACTBOX_WEB_RETENTION_DAYS": "soon"})


def test_report_js_is_at_most_2_5_kb_gzipped() -> None:
    source = REPORT_JS.read_bytes()
    size = len(gzip.compress(source, compresslevel=9))
    assert size <= 2560, f"report.js is {size} bytes gzipped"
    text = source.decode("utf-8")
    assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "eval(" not in text
    assert "Повідомити про помилку" in text and "Report an error" in text
