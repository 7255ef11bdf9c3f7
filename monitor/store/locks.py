"""Named locks that hold across processes for one database.

Two things must never run twice at once against the same database: the
scheduler service (``scheduler``) and alert delivery (``alerts``, or an alert
could go out twice). The lock lives with the database, so two machines
sharing a PostgreSQL server see each other:

- PostgreSQL: a session-level advisory lock (``pg_try_advisory_lock``) on a
  dedicated connection held for as long as the lock is. The connection's
  ``application_name`` names the holder (pid, host), so a second process can
  say who holds it. The server releases the lock when the holder's
  connection ends, including when the process dies.
- SQLite: an exclusive ``flock`` on a file next to the database file
  (``monitor.db.scheduler.lock``), holding the holder's pid, host and start
  time. The kernel releases it when the process dies.

:func:`hold_lock` fails at once when the lock is taken (or after ``wait``
seconds of retrying) with :class:`LockBusy`, whose message names the holder.
"""

from __future__ import annotations

import os
import socket
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import NoSuchModuleError, OperationalError
from sqlalchemy.pool import NullPool

from monitor.errors import MonitorError
from monitor.store.db import DatabaseError

# First key of every advisory lock of this tool; the second is the lock name's CRC.
# Both stay in 0..2**31-1 so pg_locks (which shows them as unsigned oids) shows them as given.
_NAMESPACE = zlib.crc32(b"vn-ecommerce-monitor") & 0x7FFFFFFF
_POLL_SECONDS = 0.2


class LockBusy(MonitorError):
    """Another process holds the lock; the message says which."""


@dataclass(frozen=True)
class LockHolder:
    pid: int | None
    host: str | None
    since: datetime | None

    def describe(self) -> str:
        parts = []
        if self.pid is not None:
            parts.append(f"pid {self.pid}" + (f" on {self.host}" if self.host else ""))
        if self.since is not None:
            parts.append(f"since {self.since.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC")
        return " ".join(parts) or "holder unknown"


def _key(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) & 0x7FFFFFFF


def _holder_tag(name: str) -> str:
    # application_name is at most 63 bytes; the pid and host are what an operator needs.
    return f"monitor {name} pid={os.getpid()} host={socket.gethostname()}"[:63]


def _parse_tag(tag: str | None) -> tuple[int | None, str | None]:
    pid = host = None
    for part in (tag or "").split():
        if part.startswith("pid=") and part[4:].isdigit():
            pid = int(part[4:])
        elif part.startswith("host="):
            host = part[5:]
    return pid, host


def describe_database(engine_or_url: Engine | str) -> str:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.render_as_string(hide_password=True)


def lock_file_path(database_url: str, name: str) -> Path | None:
    """The lock file of a SQLite database (``None`` for an in-memory one)."""
    database = make_url(database_url).database
    if not database or database == ":memory:":
        return None
    return Path(database).expanduser().resolve().with_name(Path(database).name + f".{name}.lock")


@contextmanager
def hold_lock(database_url: str, name: str, *, wait: float = 0) -> Iterator[None]:
    """Hold the lock ``name`` for the database at ``database_url`` while the block runs."""
    url = make_url(database_url)
    backend = url.get_backend_name()
    if backend == "postgresql":
        with _postgres_lock(database_url, name, wait) as held:
            yield held
    elif backend == "sqlite":
        with _file_lock(database_url, name, wait) as held:
            yield held
    else:
        raise MonitorError(f"no cross-process lock for {backend} databases; use PostgreSQL or SQLite")


def _busy(name: str, database_url: str, holder: LockHolder) -> LockBusy:
    what = "scheduler" if name == "scheduler" else f"{name!r} process"
    return LockBusy(
        f"another {what} is already running against {describe_database(database_url)} ({holder.describe()})"
    )


@contextmanager
def _postgres_lock(database_url: str, name: str, wait: float) -> Iterator[None]:
    try:
        engine = create_engine(
            database_url, poolclass=NullPool, connect_args={"application_name": _holder_tag(name)}
        )
        conn = engine.connect()
    except (NoSuchModuleError, ModuleNotFoundError, OperationalError) as exc:
        reason = getattr(exc, "orig", None) or exc
        raise DatabaseError(f"cannot open database {describe_database(database_url)}: {reason}") from exc
    key = _key(name)
    try:
        deadline = time.monotonic() + wait
        while True:
            got = conn.execute(text("SELECT pg_try_advisory_lock(:ns, :key)"), {"ns": _NAMESPACE, "key": key}).scalar()
            conn.commit()  # the lock is the session's; never sit idle in a transaction for hours
            if got:
                break
            if time.monotonic() >= deadline:
                raise _busy(name, database_url, _postgres_holder(conn, key))
            time.sleep(_POLL_SECONDS)
        try:
            yield None
        finally:
            try:
                conn.execute(text("SELECT pg_advisory_unlock(:ns, :key)"), {"ns": _NAMESPACE, "key": key})
                conn.commit()
            except Exception:  # the connection is gone: so is the lock
                pass
    finally:
        conn.close()
        engine.dispose()


def _postgres_holder(conn, key: int) -> LockHolder:  # type: ignore[no-untyped-def]
    row = conn.execute(
        text(
            "SELECT a.application_name, a.backend_start FROM pg_locks l "
            "JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = :ns AND l.objid = :key "
            "AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        ),
        {"ns": _NAMESPACE, "key": key},
    ).first()
    conn.commit()
    if row is None:
        return LockHolder(None, None, None)
    pid, host = _parse_tag(row[0])
    return LockHolder(pid, host, row[1])


@contextmanager
def _file_lock(database_url: str, name: str, wait: float) -> Iterator[None]:
    import fcntl

    path = lock_file_path(database_url, name)
    if path is None:  # an in-memory database lives and dies with this process
        yield None
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _busy(name, database_url, _file_holder(path)) from None
                time.sleep(_POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid={os.getpid()} host={socket.gethostname()} since={datetime.now(UTC).isoformat()}\n".encode(), 0)
        try:
            yield None
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _file_holder(path: Path) -> LockHolder:
    try:
        content = path.read_text(encoding="utf-8")
    except OSError:
        return LockHolder(None, None, None)
    pid, host = _parse_tag(content)
    since = None
    for part in content.split():
        if part.startswith("since="):
            try:
                since = datetime.fromisoformat(part[6:])
            except ValueError:
                pass
    return LockHolder(pid, host, since)
