"""A throwaway PostgreSQL server for the tests: the real engine newsrooms run factbox on.

``FACTBOX_TEST_POSTGRES_URL`` (a SQLAlchemy URL to a database the tests may create databases
from) is used when set. Otherwise the server binaries (Debian's ``postgresql`` package, which
``.ci/run`` installs) start a cluster in a temporary folder, on a Unix socket only, and stop it
at the end. Without either, PostgreSQL tests are skipped, except under CI, where they fail.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

URL_ENV = "FACTBOX_TEST_POSTGRES_URL"
SERVICE_USER = "postgres"
"""The account the server runs as when the tests run as root (PostgreSQL refuses root)."""


def server_binaries() -> Path | None:
    """The folder with ``initdb`` and ``pg_ctl``, if PostgreSQL is installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(versions[0]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(program: Path, *args: str, check: bool = True) -> None:
    """Run a server program, as the service account when the tests run as root."""
    command = [str(program), *args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", SERVICE_USER, "--", *command]
    subprocess.run(command, check=check, capture_output=True)


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a SQLAlchemy URL to an empty database on a fresh server."""
    configured = os.environ.get(URL_ENV)
    if configured:
        yield configured
        return
    binaries = server_binaries()
    if binaries is None:
        raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found")
    with tempfile.TemporaryDirectory(prefix="factbox-pg-") as tmp:
        folder = Path(tmp)
        if os.geteuid() == 0:
            shutil.chown(folder, user=SERVICE_USER)
        data = folder / "data"
        port = _free_port()
        _run(binaries / "initdb", "-D", str(data), "-A", "trust", "-U", "factbox")
        options = f"-k {folder} -p {port} -c listen_addresses='' -c fsync=off"
        _run(
            binaries / "pg_ctl",
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "-w",
            "start",
        )
        try:
            yield f"postgresql+psycopg://factbox@/postgres?host={folder}&port={port}"
        finally:
            _run(binaries / "pg_ctl", "-D", str(data), "-m", "fast", "stop", check=False)


def fresh_database(server_url: str, name: str) -> str:
    """Create an empty database ``name`` on the server and return its URL."""
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return str(sa.make_url(server_url).set(database=name).render_as_string(hide_password=False))
