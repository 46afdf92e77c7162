"""Editors' sessions and CSRF tokens (passwords: ``factbox.editorial``, kept by the service)."""

from __future__ import annotations

import datetime as dt
import hmac
import secrets

from factbox.editorial import Editor, EditorSession
from factbox.service import Factbox

SESSION_COOKIE = "factbox_session"
LOGIN_CSRF_COOKIE = "factbox_login_csrf"
SESSION_LIFETIME = dt.timedelta(hours=12)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def start_session(factbox: Factbox, editor: Editor) -> str:
    """A new session for ``editor``; returns the cookie value (only its hash is stored)."""
    token = new_token()
    factbox.start_session(editor, token, new_token(), SESSION_LIFETIME)
    return token


def session_for(factbox: Factbox, token: str | None) -> EditorSession | None:
    if not token or len(token) > 128:
        return None
    return factbox.session(token)


def close_session(factbox: Factbox, token: str | None) -> None:
    if token:
        factbox.end_session(token)


def same_token(expected: str | None, given: str | None) -> bool:
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())
