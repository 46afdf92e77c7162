"""Editors: argon2 password hashes, sessions, and CSRF tokens."""

from __future__ import annotations

import datetime as dt
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from factbox.records import InputError
from factbox.store.ledger import Ledger
from factbox.store.reports import (
    Editor,
    EditorSession,
    create_session,
    end_session,
    ensure_tables,
    find_editor,
    find_session,
    insert_editor,
    set_password_hash,
)

SESSION_COOKIE = "factbox_session"
LOGIN_CSRF_COOKIE = "factbox_login_csrf"
SESSION_LIFETIME = dt.timedelta(hours=12)
MIN_PASSWORD = 8
MAX_PASSWORD = 1024

_hasher = PasswordHasher()
# Checked against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def _check_name(name: str) -> str:
    clean = name.strip()
    if not clean or len(clean) > 64 or not all(ch.isprintable() for ch in clean):
        raise InputError(name, "an editor name is 1 to 64 printable characters")
    return clean


def add_editor(ledger: Ledger, name: str, password: str) -> Editor:
    """Add an editor (or set a new password for one); the password is stored as argon2."""
    clean = _check_name(name)
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InputError(clean, f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    ensure_tables(ledger)
    return insert_editor(ledger, clean, _hasher.hash(password))


def verify_editor(ledger: Ledger, name: str, password: str) -> Editor | None:
    """The editor if ``password`` is theirs, else None."""
    if len(password) > MAX_PASSWORD:
        return None
    editor = find_editor(ledger, name.strip())
    try:
        _hasher.verify(editor.password_hash if editor else _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if editor is None:
        return None
    if _hasher.check_needs_rehash(editor.password_hash):
        set_password_hash(ledger, editor.id, _hasher.hash(password))
    return editor


def new_token() -> str:
    return secrets.token_urlsafe(32)


def start_session(ledger: Ledger, editor: Editor) -> str:
    """A new session for ``editor``; returns the cookie value (only its hash is stored)."""
    token = new_token()
    create_session(ledger, editor.id, token, new_token(), SESSION_LIFETIME)
    return token


def session_for(ledger: Ledger, token: str | None) -> EditorSession | None:
    if not token or len(token) > 128:
        return None
    return find_session(ledger, token)


def close_session(ledger: Ledger, token: str | None) -> None:
    if token:
        end_session(ledger, token)


def same_token(expected: str | None, given: str | None) -> bool:
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())
