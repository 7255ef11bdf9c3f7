"""Crawl runs: when, why, with which configuration and tool version, and the outcome."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from monitor import __version__
from monitor.config import Config
from monitor.store.models import CrawlRun


def start_run(session: Session, config: Config, trigger: str, extra: dict[str, Any] | None = None) -> CrawlRun:
    snapshot = config.snapshot()
    if extra:
        snapshot["run"] = extra
    run = CrawlRun(
        started_at=datetime.now(UTC),
        trigger=trigger,
        config=snapshot,
        tool_version=__version__,
        counts={},
        outcome="running",
    )
    session.add(run)
    session.flush()
    return run


def finish_run(session: Session, run_id: int, outcome: str, counts: dict[str, Any], error: str | None = None) -> CrawlRun:
    run = session.get(CrawlRun, run_id)
    assert run is not None
    run.finished_at = datetime.now(UTC)
    run.outcome = outcome
    run.counts = counts
    run.error = error
    return run
