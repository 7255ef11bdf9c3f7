"""Shared CLI plumbing: configuration, the database, output helpers."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import typer

from monitor.cli import console, state
from monitor.config import Config
from monitor.store.db import Database, open_database


def get_config(ctx: typer.Context) -> Config:
    return state(ctx).config


@contextmanager
def database(ctx: typer.Context) -> Iterator[Database]:
    """The configured database, created or migrated on first use."""
    db = open_database(get_config(ctx).database_url)
    try:
        yield db
    finally:
        db.dispose()


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


__all__ = ["console", "database", "get_config", "plural"]
