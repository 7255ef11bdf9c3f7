"""`monitor schedule ...`: the scheduler service (nightly crawl, lookalike scan, alert digest)."""

from __future__ import annotations

import json
import logging
import sys
from typing import Optional

import typer
from rich.table import Table

from monitor.cli import console
from monitor.cli.common import database, get_config
from monitor.scheduler import JOB_IDS, job_statuses, run_once, run_service, timezone_of
from monitor.store.locks import LockBusy, hold_lock

app = typer.Typer(help="The scheduler service: nightly crawl, lookalike scan, alert digest.", no_args_is_help=True)

# Exit status of `run --once` by job outcome: a failed or cut-short job is worth a look.
_ONCE_EXIT = {"succeeded": 0, "skipped": 0, "partial": 1, "failed": 1, "interrupted": 130}


def _log_to_stderr() -> None:
    """Service logs go to stderr (journald under systemd), one line per event."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    # Our own lines say when each job starts and ends; APScheduler's only matter when something goes wrong.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


@app.command("run")
def run_command(
    ctx: typer.Context,
    once: Optional[str] = typer.Option(
        None, "--once", metavar="JOB", help=f"Run one job now in the foreground and exit ({', '.join(JOB_IDS)})."
    ),
) -> None:
    """Run the scheduler in the foreground until SIGTERM or Ctrl-C (one per database)."""
    config = get_config(ctx)
    _log_to_stderr()
    if once is None:
        run_service(config)
        return
    result = run_once(config, once)
    console.print(f"{once}: {result.outcome}" + (f" — {result.note}" if result.note else ""), highlight=False)
    code = _ONCE_EXIT.get(result.outcome, 1)
    if code:
        raise typer.Exit(code)


def _service_state(database_url: str) -> str:
    try:
        with hold_lock(database_url, "scheduler"):
            return "not running"
    except LockBusy as exc:
        return "running (" + str(exc).rsplit("(", 1)[-1]


@app.command("list")
def list_command(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="One JSON object per job."),
) -> None:
    """Show the jobs, their schedules and next run times, and how their last run went."""
    config = get_config(ctx)
    tz = timezone_of(config)

    def local(moment) -> str:  # type: ignore[no-untyped-def]
        return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M %z") if moment else ""

    with database(ctx) as db:
        statuses = job_statuses(config, db)
    service = _service_state(config.database_url)
    if as_json:
        for s in statuses:
            print(json.dumps({
                "job": s.id, "cron": s.cron, "timezone": tz.key, "description": s.description,
                "next_run": s.next_run.astimezone(tz).isoformat() if s.next_run else None,
                "missed_run": s.missed.astimezone(tz).isoformat() if s.missed else None,
                "last_started": s.last_started.astimezone(tz).isoformat() if s.last_started else None,
                "last_outcome": s.last_outcome, "last_error": s.last_error,
            }, ensure_ascii=False))
        return
    console.print(
        f"time zone {tz.key}; runs late by up to {config.schedule.misfire_grace_hours:g} h still start; "
        f"service: {service}",
        highlight=False,
    )
    table = Table(title="Scheduled jobs")
    for name in ("job", "schedule", "next run", "last run", "outcome", "what it does"):
        table.add_column(name, overflow="fold")
    for s in statuses:
        next_run = local(s.next_run)
        if s.missed and service == "not running":
            next_run = f"at start (missed {local(s.missed)}), then {next_run}"
        outcome = (s.last_outcome or "") + (f": {s.last_error}" if s.last_error else "")
        table.add_row(s.id, s.cron, next_run, local(s.last_started) or "never", outcome, s.description)
    console.print(table)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="schedule")
