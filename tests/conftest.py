"""Shared fixtures. Areas with many tests keep them in their own sub-folder.

Storage tests take the ``database_url`` fixture: SQLite always, and the
PostgreSQL database named by ``MONITOR_TEST_DATABASE_URL`` too when it is set
(``.ci/run`` sets it when a server answers on 127.0.0.1:5432).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest
from sqlalchemy import text

if TYPE_CHECKING:
    from monitor.store.db import Database

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("MONITOR_TEST_DATABASE_URL")

BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def _reset_postgres(url: str) -> None:
    from monitor.store.db import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'monitor.db'}"
    assert PG_URL
    _reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def db(database_url: str) -> Iterator["Database"]:
    from monitor.store import open_database

    database = open_database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running `monitor` as a user would, against a fresh database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env["MONITOR_DATABASE_URL"] = f"sqlite:///{tmp_path / 'cli.db'}"
    env["PYTHONIOENCODING"] = "utf-8"
    env["COLUMNS"] = "200"
    return env


def run_cli(args: list[str], env: dict[str, str], cwd: Path | None = None, timeout: float = 300):
    """Run the `monitor` command in a subprocess, the way a user runs it."""
    import subprocess

    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        env=env,
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )
