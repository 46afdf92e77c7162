"""The editors' side as records: readers' reports and their groups, the queue's statuses and
the moves between them, editors and their sessions.

Identical reports (same page and same quoted selection) form one *group* with a counter:
editors work on groups. A reporter's address is never stored, only a salted hash of it.
Passwords are stored as argon2 hashes (:func:`hash_password`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from factbox.records import InputError

ReportStatus = Literal["new", "in_progress", "fixed", "rejected", "spam"]
REPORT_STATUSES: tuple[ReportStatus, ...] = ("new", "in_progress", "fixed", "rejected", "spam")
REOPEN: ReportStatus = "new"

# Which status an editor may move a group to from each status; a closed group can only be
# reopened.
TRANSITIONS: dict[ReportStatus, tuple[ReportStatus, ...]] = {
    "new": ("in_progress", "fixed", "rejected", "spam"),
    "in_progress": ("fixed", "rejected", "spam", "new"),
    "fixed": (REOPEN,),
    "rejected": (REOPEN,),
    "spam": (REOPEN,),
}

# -- records -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewReport:
    """A validated report as it is written: the selection, the comment, who (hashed)."""

    page_url: str
    exact: str
    prefix: str
    suffix: str
    position: tuple[int, int] | None
    comment: str
    reporter_hash: str
    article_id: int | None = None
    revision: str | None = None
    origin: str | None = None

    @property
    def group_key(self) -> str:
        return group_key(self.page_url, self.exact, self.prefix, self.suffix)


@dataclass(frozen=True, slots=True)
class SavedReport:
    group_id: int
    count: int
    """How many reports the group holds now; 1 for a new group."""


@dataclass(frozen=True, slots=True)
class ReportGroup:
    id: int
    page_url: str
    article_id: int | None
    revision: str | None
    exact: str
    prefix: str
    suffix: str
    position: tuple[int, int] | None
    status: ReportStatus
    count: int
    first_reported: dt.datetime
    last_reported: dt.datetime
    updated_at: dt.datetime | None
    updated_by: str | None


@dataclass(frozen=True, slots=True)
class ReportComment:
    id: int
    created_at: dt.datetime
    comment: str


@dataclass(frozen=True, slots=True)
class Editor:
    id: int
    name: str
    password_hash: str


@dataclass(frozen=True, slots=True)
class EditorSession:
    editor: Editor
    csrf_token: str
    expires_at: dt.datetime


class TransitionError(ValueError):
    """An editor asked for a status change the queue does not allow."""


def check_transition(current: ReportStatus, target: ReportStatus) -> None:
    """``TransitionError`` unless the queue lets a ``current`` group become ``target``."""
    if target not in TRANSITIONS[current]:
        raise TransitionError(f"a {current} report cannot become {target}")


def group_key(page_url: str, exact: str, prefix: str, suffix: str) -> str:
    text = json.dumps([page_url, exact, prefix, suffix], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hash_reporter(address: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}\x00{address}".encode()).hexdigest()


def report_status(value: str) -> ReportStatus:
    """``value`` as a report status; ``ValueError`` for another word."""
    for status in REPORT_STATUSES:
        if status == value:
            return status
    raise ValueError(f"unknown report status {value!r}")


# -- passwords ------------------------------------------------------------------------------

_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Checked against when the name is unknown, so a wrong name costs as long as a wrong
    password. Made on first use: an argon2 hash is slow by design, and every command that
    never checks a password (``proposal add``) would pay for it at import."""
    return _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(password_hash: str | None, password: str) -> bool:
    """Does ``password`` match? With no hash, a dummy one is checked (same cost, no match)."""
    try:
        _hasher.verify(password_hash or _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return password_hash is not None


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


MIN_PASSWORD = 8
MAX_PASSWORD = 1024


def editor_name(name: str) -> str:
    """An editor's login name, stripped; ``InputError`` unless 1 to 64 printable characters."""
    clean = name.strip()
    if not clean or len(clean) > 64 or not all(ch.isprintable() for ch in clean):
        raise InputError(name, "an editor name is 1 to 64 printable characters")
    return clean


def check_password(name: str, password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InputError(name, f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters")
