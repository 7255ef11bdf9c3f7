"""The scheduler service: the nightly crawl, the lookalike scan and the alert digest.

``monitor schedule run`` runs APScheduler 3 (a background scheduler with an
in-memory job store) in the foreground, in ``schedule.timezone``, with one
job per cron expression of ``[schedule]``:

- ``crawl``: the registry (and ``crawl.candidates_per_run`` candidates) crawled in a
  subprocess with ``crawl.run_time_limit``, then alerts for what it found;
- ``lookalike_scan``: ``monitor.lookalike_scan.scan(db, config)`` when that
  module exists, then alerts;
- ``digest``: alerts still owed (failed deliveries are retried here too).

Runs never overlap (``max_instances=1``); runs that pile up are coalesced into
one; a run late by less than ``schedule.misfire_grace_hours`` still starts.

Missed runs during downtime: an in-memory job store forgets everything when
the process stops, so the service keeps its own memory in the
``scheduled_jobs`` table: for each job the schedule slot its last completed
run served. On start, if the latest slot of a job is after that (and after
the job was first scheduled) and not older than the grace period, the job
runs once, at once, whatever the number of slots missed. A run stopped by a
shutdown does not complete its slot, so a restart within the grace period
runs it again. (APScheduler's SQLAlchemyJobStore would persist
``next_run_time`` instead, but re-adding jobs from the configuration at every
start overwrites that time and the misfire with it.)

Exactly one service runs per database: it holds the ``scheduler`` lock of
:mod:`monitor.store.locks` for its life. SIGTERM or SIGINT stop it cleanly:
a running crawl is asked to stop (the crawler closes gracefully), running
jobs are waited for, and the process exits 0.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import signal
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Callable, Iterator
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from monitor import alerts
from monitor.config import Config, ConfigError
from monitor.errors import MonitorError
from monitor.store.db import Database, open_database
from monitor.store.locks import describe_database, hold_lock
from monitor.store.models import ScheduledJob

log = logging.getLogger(__name__)

JOB_IDS = ("crawl", "lookalike_scan", "digest")
LOOKALIKE_MODULE = "monitor.lookalike_scan"
# Outcomes after which the slot counts as served (not "interrupted" or "running").
_COMPLETED = frozenset({"succeeded", "partial", "failed", "skipped"})


class UnknownJob(MonitorError):
    pass


@dataclass(frozen=True)
class JobOutcome:
    outcome: str  # succeeded, partial, failed, skipped, interrupted
    note: str | None = None


@dataclass
class JobContext:
    db: Database
    config: Config
    stop: threading.Event  # set when the service is shutting down


@dataclass(frozen=True)
class JobSpec:
    id: str
    description: str
    cron: str
    run: Callable[[JobContext], JobOutcome]


# --- the jobs ---------------------------------------------------------------------


def nightly_crawl(ctx: JobContext) -> JobOutcome:
    from monitor.crawl import CrawlError, run_spider, select_targets

    with ctx.db.session() as session:
        targets = select_targets(session, candidates=ctx.config.crawl.candidates_per_run)
    if not targets:
        return JobOutcome("skipped", "nothing to crawl: the registry is empty (monitor registry import FILE)")
    log.info("crawl: %d site(s)", len(targets))
    step = max(1, len(targets) // 10)

    def progress(p, event) -> None:  # type: ignore[no-untyped-def]
        if event.get("event") == "site" and (p.done % step == 0 or p.done == p.total):
            log.info("crawl: %d/%d sites, %d checked, %d not checked", p.done, p.total, p.checked, p.unreachable)

    try:
        result = run_spider(ctx.config, ctx.db, targets, trigger="schedule", on_progress=progress, stop=ctx.stop)
    except CrawlError as exc:
        return JobOutcome("failed", str(exc))
    p = result.progress
    note = f"run {result.run_id}: {p.checked} checked, {p.unreachable} not checked, {p.opened} new finding(s)"
    if result.outcome == "interrupted":
        return JobOutcome("interrupted", note)
    return JobOutcome(result.outcome, note + _send_alerts(ctx))


def _send_alerts(ctx: JobContext) -> str:
    """Alerts after a job stored results; a broken channel is reported, not a failed crawl."""
    try:
        summary = alerts.after_run(ctx.db, ctx.config)
    except MonitorError as exc:
        log.error("alerts not sent: %s", exc)
        return f"; alerts not sent: {exc}"
    if summary.deferred:
        return "; alerts left for the next run (another process is sending)"
    return f"; {summary.sent} alert(s) delivered" + (f", {summary.failed} failed" if summary.failed else "")


def lookalike_scan(ctx: JobContext) -> JobOutcome:
    if importlib.util.find_spec(LOOKALIKE_MODULE) is None:
        return JobOutcome("skipped", f"the lookalike scan is not available in this version ({LOOKALIKE_MODULE} missing)")
    scan = getattr(importlib.import_module(LOOKALIKE_MODULE), "scan")
    result = scan(ctx.db, ctx.config)
    return JobOutcome("succeeded", (str(result) if result is not None else "scanned") + _send_alerts(ctx))


def digest(ctx: JobContext) -> JobOutcome:
    summary = alerts.send_pending_alerts(ctx.db, ctx.config)
    note = summary.describe()
    return JobOutcome("failed" if summary.failed else "succeeded", note)


def job_specs(config: Config) -> list[JobSpec]:
    s = config.schedule
    return [
        JobSpec("crawl", "nightly crawl of the registry, then alerts", s.crawl, nightly_crawl),
        JobSpec("lookalike_scan", "lookalike domain scan, then alerts", s.lookalike_scan, lookalike_scan),
        JobSpec("digest", "alerts still owed (failed deliveries retried)", s.digest, digest),
    ]


# --- time -----------------------------------------------------------------------------


def timezone_of(config: Config) -> ZoneInfo:
    return ZoneInfo(config.schedule.timezone)


def trigger_of(spec: JobSpec, tz: ZoneInfo) -> CronTrigger:
    try:
        return CronTrigger.from_crontab(spec.cron, timezone=tz)
    except ValueError as exc:
        raise ConfigError(
            f"schedule.{spec.id} = {spec.cron!r} is not a cron expression (minute hour day month day-of-week): {exc}"
        ) from exc


def grace_of(config: Config) -> timedelta:
    return timedelta(hours=config.schedule.misfire_grace_hours)


def _fire_times(trigger: CronTrigger, after: datetime, until: datetime) -> Iterator[datetime]:
    """Fire times in (after, until]."""
    moment = after + timedelta(microseconds=1)
    while True:
        fire = trigger.get_next_fire_time(None, moment)
        if fire is None or fire > until:
            return
        yield fire
        moment = fire + timedelta(microseconds=1)


def latest_fire_time(trigger: CronTrigger, now: datetime) -> datetime | None:
    """The last schedule slot at or before ``now`` (looking back up to a year)."""
    for days in (2, 32, 367):
        latest = None
        for latest in _fire_times(trigger, now - timedelta(days=days), now):
            pass
        if latest is not None:
            return latest
    return None


def missed_slot(trigger: CronTrigger, state: ScheduledJob | None, now: datetime, grace: timedelta) -> datetime | None:
    """The slot to run late at start, or ``None``.

    Only the latest slot counts (missed slots are coalesced into one run); it
    must be after the slot the last completed run served and after the job was
    first scheduled, and no older than ``grace``.
    """
    if state is None:
        return None
    slot = latest_fire_time(trigger, now)
    if slot is None or now - slot > grace:
        return None
    served = max(t for t in (state.last_fire_time, state.first_seen_at) if t is not None)
    return slot if slot > served else None


# --- the service ---------------------------------------------------------------------


class SchedulerService:
    """The jobs of the configuration, their memory in the database, and APScheduler."""

    def __init__(self, config: Config, db: Database, clock: Callable[[], datetime] | None = None) -> None:
        self.config = config
        self.db = db
        self.tz = timezone_of(config)
        self.specs = {spec.id: spec for spec in job_specs(config)}
        self.triggers = {job_id: trigger_of(spec, self.tz) for job_id, spec in self.specs.items()}
        self.stop = threading.Event()
        self.clock = clock or (lambda: datetime.now(UTC))
        self._running: set[str] = set()
        self._running_lock = threading.Lock()
        self.scheduler: BackgroundScheduler | None = None

    # the memory of each job

    def states(self) -> dict[str, ScheduledJob | None]:
        with self.db.session() as session:
            return {job_id: session.get(ScheduledJob, job_id) for job_id in self.specs}

    def _remember(self, job_id: str, now: datetime) -> ScheduledJob:
        with self.db.session() as session:
            state = session.get(ScheduledJob, job_id)
            if state is None:
                state = ScheduledJob(job_id=job_id, first_seen_at=now)
                session.add(state)
            return state

    def catch_up(self, now: datetime) -> dict[str, datetime]:
        """Slots missed while the service was down that are still to run, by job."""
        missed = {}
        for job_id, trigger in self.triggers.items():
            state = self._remember(job_id, now)
            slot = missed_slot(trigger, state, now, grace_of(self.config))
            if slot is not None:
                missed[job_id] = slot
        return missed

    # running a job

    @property
    def running(self) -> list[str]:
        with self._running_lock:
            return sorted(self._running)

    def run_job(self, job_id: str) -> JobOutcome:
        """Run one job now, remembering when it ran and which slot it served."""
        spec = self.specs.get(job_id)
        if spec is None:
            raise UnknownJob(f"no job {job_id!r}; the jobs are: {', '.join(self.specs)}")
        started = self.clock()
        slot = latest_fire_time(self.triggers[job_id], started)
        with self.db.session() as session:
            state = session.get(ScheduledJob, job_id) or ScheduledJob(job_id=job_id, first_seen_at=started)
            session.add(state)
            state.last_started_at, state.last_outcome, state.last_error = started, "running", None
        with self._running_lock:
            self._running.add(job_id)
        log.info("%s: started (%s)", job_id, spec.description)
        try:
            result = spec.run(JobContext(self.db, self.config, self.stop))
        except MonitorError as exc:
            result = JobOutcome("failed", str(exc))
        except Exception as exc:  # a bug in one job must not take the service down
            log.exception("%s: failed", job_id)
            result = JobOutcome("failed", f"{type(exc).__name__}: {exc}")
        finally:
            with self._running_lock:
                self._running.discard(job_id)
        self._finish(job_id, slot, result)
        level = logging.WARNING if result.outcome in ("failed", "interrupted") else logging.INFO
        log.log(level, "%s: %s%s", job_id, result.outcome, f" — {result.note}" if result.note else "")
        return result

    def _finish(self, job_id: str, slot: datetime | None, result: JobOutcome) -> None:
        with self.db.session() as session:
            state = session.get(ScheduledJob, job_id)
            assert state is not None
            state.last_finished_at = self.clock()
            state.last_outcome = result.outcome
            state.last_error = result.note if result.outcome in ("failed", "interrupted") else None
            if result.outcome in _COMPLETED and slot is not None:
                state.last_fire_time = max(slot, state.last_fire_time) if state.last_fire_time else slot

    # APScheduler

    def build(self, now: datetime | None = None) -> BackgroundScheduler:
        """An APScheduler with every job, a missed slot set to run at once. Not started."""
        now = now or self.clock()
        grace_seconds = int(self.config.schedule.misfire_grace_hours * 3600)
        scheduler = BackgroundScheduler(
            timezone=self.tz,
            executors={"default": ThreadPoolExecutor(max_workers=len(self.specs))},
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                # APScheduler's own default is one second; 0 hours means "never late".
                "misfire_grace_time": max(grace_seconds, 1),
            },
        )
        missed = self.catch_up(now)
        for job_id, spec in self.specs.items():
            extra = {}
            if job_id in missed:
                log.info("%s: the run of %s was missed; running it now", job_id, _local(missed[job_id], self.tz))
                extra["next_run_time"] = now.astimezone(self.tz)
            scheduler.add_job(self.run_job, self.triggers[job_id], args=[job_id], id=job_id, name=spec.description, **extra)
        self.scheduler = scheduler
        return scheduler

    def serve(self, stop_requested: threading.Event) -> None:
        """Run until ``stop_requested`` is set, then stop cleanly."""
        scheduler = self.build()
        scheduler.start()
        for job in scheduler.get_jobs():
            log.info("%s: next run %s", job.id, _local(job.next_run_time, self.tz))
        log.info("scheduler started (time zone %s)", self.tz.key)
        while not stop_requested.wait(1.0):
            pass
        scheduler.pause()  # nothing new starts from here on
        running = self.running
        if running:
            log.info("stopping: waiting for the running job(s) to finish: %s", ", ".join(running))
        else:
            log.info("stopping")
        self.stop.set()  # a running crawl closes gracefully
        scheduler.shutdown(wait=True)
        log.info("scheduler stopped cleanly")


def _local(moment: datetime | None, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z") if moment else "never"


@dataclass(frozen=True)
class JobStatus:
    id: str
    cron: str
    description: str
    next_run: datetime | None
    missed: datetime | None  # a slot the service would run at once if it started now
    last_started: datetime | None
    last_outcome: str | None
    last_error: str | None


def job_statuses(config: Config, db: Database, now: datetime | None = None) -> list[JobStatus]:
    """What ``monitor schedule list`` shows (reads only; does not need the lock)."""
    now = now or datetime.now(UTC)
    service = SchedulerService(config, db)
    states = service.states()
    statuses = []
    for job_id, spec in service.specs.items():
        trigger = service.triggers[job_id]
        state = states[job_id]
        statuses.append(
            JobStatus(
                id=job_id,
                cron=spec.cron,
                description=spec.description,
                next_run=trigger.get_next_fire_time(None, now),
                missed=missed_slot(trigger, state, now, grace_of(config)),
                last_started=state.last_started_at if state else None,
                last_outcome=state.last_outcome if state else None,
                last_error=state.last_error if state else None,
            )
        )
    return statuses


# --- the process ----------------------------------------------------------------------


def install_stop_signals(stop_requested: threading.Event, on_stop: Callable[[], None] | None = None) -> None:
    """SIGTERM and SIGINT ask for a clean stop; a second one is reported, not obeyed."""

    def handler(signum: int, _frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        if stop_requested.is_set():
            log.warning("%s again: still waiting for running jobs (SIGKILL aborts them)", name)
            return
        log.info("%s received", name)
        stop_requested.set()
        if on_stop:
            on_stop()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def run_service(config: Config) -> None:
    """``monitor schedule run``: hold the lock, serve until SIGTERM/SIGINT."""
    url = config.database_url
    with hold_lock(url, "scheduler"):
        db = open_database(url)
        try:
            service = SchedulerService(config, db)
            stop_requested = threading.Event()
            install_stop_signals(stop_requested)
            log.info("scheduler lock held for %s", describe_database(url))
            service.serve(stop_requested)
        finally:
            db.dispose()


def run_once(config: Config, job_id: str) -> JobOutcome:
    """``monitor schedule run --once JOB``: run one job now, in the foreground, under the lock."""
    if job_id not in JOB_IDS:
        raise UnknownJob(f"no job {job_id!r}; the jobs are: {', '.join(JOB_IDS)}")
    url = config.database_url
    with hold_lock(url, "scheduler"):
        db = open_database(url)
        try:
            service = SchedulerService(config, db)
            install_stop_signals(threading.Event(), service.stop.set)
            return service.run_job(job_id)
        finally:
            db.dispose()
