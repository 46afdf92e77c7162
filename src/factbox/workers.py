"""Parser worker processes that die with the process that started them.

``nlp.pipe(n_process=N)`` forks N workers that wait on a queue for texts. When the parent
is killed outright (``kill -9``, the out-of-memory killer) nobody tells them: each keeps
its copy of the pipeline (~200 MB) and waits forever. So every process forked after
:func:`die_with_parent` is armed asks Linux to send it SIGKILL when its parent dies
(``prctl(PR_SET_PDEATHSIG)``, through ctypes: no dependency). Where that call does not
exist, a daemon thread in the child polls ``os.getppid()`` once a second instead. Either
way the child first checks that its parent is still the process that forked it, since the
parent may have died between the fork and the arming.

This covers the ``fork`` start method (Linux's default up to Python 3.13, and what spaCy
uses there); processes started by ``spawn`` or ``forkserver`` run no fork hooks.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
"""From <linux/prctl.h>."""
POLL_SECONDS = 1.0

_armed_by: int | None = None
"""The pid of the process whose forked children are tied to it, once armed."""


def _set_parent_death_signal() -> bool:
    """Ask the kernel for SIGKILL when the parent dies; False where there is no prctl."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)


def _in_child() -> None:
    global _armed_by
    parent = _armed_by
    if parent is None:
        return
    _armed_by = os.getpid()  # this child's own children die with it in turn
    if not _set_parent_death_signal():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def die_with_parent() -> None:
    """From now on, processes this one forks end when it ends, however it ends."""
    global _armed_by
    if _armed_by is None and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_in_child)
    _armed_by = os.getpid()
