"""A throw-away PostgreSQL server for the tests: initdb into a temp dir, pg_ctl start.

One server per test process, started on first use and stopped at exit. It runs as
the `postgres` system user when the tests run as root (initdb refuses root), and
listens only on a unix socket in its own folder plus a free loopback port.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from conftest import free_port

_server: dict = {}


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, or Debian's /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb") and shutil.which("pg_ctl")
    if found:
        return Path(shutil.which("initdb")).parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(versions[-1]).parent if versions else None


def server_url() -> str:
    """postgresql://... of the (started once) test server's maintenance database."""
    if not _server:
        _start()
    return _server["url"]


def new_database() -> str:
    """A fresh, empty database on the test server; returns its URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server_url().rsplit("/", 1)[0] + "/" + name


def _start() -> None:
    bin_dir = binaries()
    user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    root = Path(tempfile.mkdtemp(prefix="dragoman-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    port = free_port()
    _as(
        user,
        [bin_dir / "initdb", "-D", data, "-U", user, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
    )
    # No fsync: a crash of a test server loses nothing anyone needs, and it is much faster.
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -F -c full_page_writes=off"
    _as(user, [bin_dir / "pg_ctl", "-D", data, "-l", root / "log", "-o", options, "-w", "start"])
    _server.update(url=f"postgresql://{user}@127.0.0.1:{port}/postgres", root=root)
    atexit.register(_stop, bin_dir, user, data, root)


def _stop(bin_dir: Path, user: str, data: Path, root: Path) -> None:
    _as(user, [bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"], check=False)
    shutil.rmtree(root, ignore_errors=True)


def _as(user: str, command: list, check: bool = True) -> None:
    command = [str(c) for c in command]
    if os.geteuid() == 0:
        command = ["runuser", "-u", user, "--"] + command
    done = subprocess.run(command, capture_output=True, text=True, cwd="/")
    if check and done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")


DATA_TABLES = (
    "documents",
    "passages",
    "sentences",
    "mentions",
    "actors",
    "events",
    "event_actors",
    "event_counts",
    "actor_counts",
    "country_counts",
    "lang_counts",
    "term_counts",
    "clusters",
    "cluster_members",
    "cluster_docs",
    "cluster_keys",
    "cluster_doc_keys",
    "cluster_counts",
    "cluster_actor_counts",
    "cluster_country_counts",
    "cluster_reports",
    "cluster_term_counts",
    "record_entities",
)
_shared: dict = {}


def database_or_skip() -> str:
    """A database for one test, emptied first; skips only if PostgreSQL is not installed."""
    import pytest

    if binaries() is None:
        pytest.skip(
            "PostgreSQL is not installed (no initdb/pg_ctl on PATH or under "
            "/usr/lib/postgresql): apt-get install postgresql to run these tests"
        )
    pytest.importorskip(
        "psycopg",
        reason="psycopg is not installed: pip install 'psycopg[binary]' (requirements/base.txt pins it)",
    )
    if "url" not in _shared:  # one database for the session, emptied per test: fast
        _shared["url"] = new_database()
    _empty(_shared["url"])
    return _shared["url"]


def _empty(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        present = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        tables = [t for t in DATA_TABLES if t in present]
        if tables:
            conn.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
