"""Runs missed while the service was down run late, once, within the grace period.

No wall-clock nights: "now" is injected, and slots are computed from cron
expressions in Asia/Ho_Chi_Minh.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_MAX_INSTANCES
from apscheduler.triggers.cron import CronTrigger

from monitor.config import load_config
from monitor.scheduler import JobOutcome, JobSpec, SchedulerService, latest_fire_time, missed_slot
from monitor.store.models import ScheduledJob

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NIGHTLY = CronTrigger.from_crontab("30 1 * * *", timezone=VN)
GRACE = timedelta(hours=6)


def vn(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=VN)


def state(first_seen: datetime, last_fire: datetime | None) -> ScheduledJob:
    return ScheduledJob(job_id="crawl", first_seen_at=first_seen, last_fire_time=last_fire)


def test_the_latest_slot_is_tonights_0130_in_vietnam_time():
    assert latest_fire_time(NIGHTLY, vn(20, 3)) == vn(20, 1, 30)
    assert latest_fire_time(NIGHTLY, vn(20, 1)) == vn(19, 1, 30)


def test_a_night_missed_during_downtime_runs_when_the_service_is_back_within_the_grace_period():
    assert missed_slot(NIGHTLY, state(vn(1, 12), vn(19, 1, 30)), vn(20, 4), GRACE) == vn(20, 1, 30)


def test_a_night_missed_by_more_than_the_grace_period_is_not_run_late():
    assert missed_slot(NIGHTLY, state(vn(1, 12), vn(19, 1, 30)), vn(20, 8), GRACE) is None


def test_several_missed_nights_are_coalesced_into_one_late_run_for_the_latest():
    three_days = timedelta(hours=72)
    assert missed_slot(NIGHTLY, state(vn(1, 12), vn(16, 1, 30)), vn(19, 2), three_days) == vn(19, 1, 30)


def test_a_night_already_run_is_not_run_again():
    assert missed_slot(NIGHTLY, state(vn(1, 12), vn(20, 1, 30)), vn(20, 4), GRACE) is None


def test_a_job_scheduled_for_the_first_time_does_not_run_for_slots_before_it_existed():
    assert missed_slot(NIGHTLY, state(vn(20, 2), None), vn(20, 4), GRACE) is None
    assert missed_slot(NIGHTLY, None, vn(20, 4), GRACE) is None


def service(db, *, grace_hours: float = 6.0, crawl: str = "30 1 * * *", digest: str = "0 7 * * *",
            run=None):  # type: ignore[no-untyped-def]
    config = load_config(env={})
    config.schedule.misfire_grace_hours = grace_hours
    config.schedule.crawl = crawl
    config.schedule.digest = digest
    result = SchedulerService(config, db)
    if run is not None:
        spec = result.specs["crawl"]
        result.specs["crawl"] = JobSpec(spec.id, spec.description, spec.cron, run)
    return result


def remember(db, job_id: str, first_seen: datetime, last_fire: datetime | None) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        session.merge(ScheduledJob(job_id=job_id, first_seen_at=first_seen, last_fire_time=last_fire))


def test_the_service_runs_every_job_in_vietnam_time_with_hours_of_grace_coalesced_without_overlap(db):
    scheduler = service(db, grace_hours=6).build(now=vn(20, 12))
    scheduler.start(paused=True)
    try:
        jobs = scheduler.get_jobs()
    finally:
        scheduler.shutdown(wait=False)

    assert str(scheduler.timezone) == "Asia/Ho_Chi_Minh"
    assert sorted(job.id for job in jobs) == ["crawl", "digest", "lookalike_scan"]
    assert {(job.misfire_grace_time, job.coalesce, job.max_instances) for job in jobs} == {(6 * 3600, True, 1)}
    assert {str(job.trigger.timezone) for job in jobs} == {"Asia/Ho_Chi_Minh"}


def test_a_run_never_overlaps_the_previous_one(db):
    started, release, skipped = threading.Event(), threading.Event(), threading.Event()
    calls = []

    def slow(ctx):  # type: ignore[no-untyped-def]
        calls.append(datetime.now(UTC))
        started.set()
        release.wait(60)
        return JobOutcome("succeeded")

    scheduler = service(db, run=slow).build()
    scheduler.add_listener(lambda event: skipped.set(), EVENT_JOB_MAX_INSTANCES)
    scheduler.start()
    try:
        scheduler.modify_job("crawl", next_run_time=datetime.now(UTC))
        assert started.wait(60)
        scheduler.modify_job("crawl", next_run_time=datetime.now(UTC))
        assert skipped.wait(60)
    finally:
        release.set()
        scheduler.shutdown(wait=True)
    assert len(calls) == 1


def test_on_start_the_service_schedules_a_missed_night_at_once_and_other_jobs_at_their_time(db):
    now = datetime.now(UTC)
    # A crawl every minute makes "the latest slot" a minute ago whatever the real time is.
    remember(db, "crawl", now - timedelta(days=30), now - timedelta(days=1))
    remember(db, "digest", now - timedelta(days=30), None)
    # the digest's slot twelve hours from now: its latest slot is older than the grace period
    # whatever the time of day the test runs at
    digest_hour = (now.astimezone(VN) + timedelta(hours=12)).hour
    svc = service(db, crawl="* * * * *", digest=f"0 {digest_hour} * * *")
    scheduler = svc.build(now=now)
    scheduler.start(paused=True)
    try:
        jobs = {job.id: job.next_run_time for job in scheduler.get_jobs()}
    finally:
        scheduler.shutdown(wait=False)

    assert jobs["crawl"] == now
    assert jobs["digest"] > now and jobs["lookalike_scan"] > now


def test_a_missed_night_older_than_the_grace_period_waits_for_its_next_slot(db):
    now = datetime.now(UTC)
    three_hours_ago = now.astimezone(VN) - timedelta(hours=3)
    daily = f"{three_hours_ago.minute} {three_hours_ago.hour} * * *"
    remember(db, "crawl", now - timedelta(days=30), now - timedelta(days=1, hours=3))
    scheduler = service(db, grace_hours=1, crawl=daily).build(now=now)
    scheduler.start(paused=True)
    try:
        next_run = scheduler.get_job("crawl").next_run_time
    finally:
        scheduler.shutdown(wait=False)

    assert next_run > now + timedelta(hours=20)


def test_a_completed_run_serves_its_slot_so_a_restart_does_not_repeat_it(db):
    now = datetime.now(UTC)
    remember(db, "crawl", now - timedelta(days=30), now - timedelta(days=1))
    svc = service(db, crawl="* * * * *", run=lambda ctx: JobOutcome("succeeded"))
    svc.run_job("crawl")

    assert svc.catch_up(datetime.now(UTC)) == {}
    with db.session() as session:
        stored = session.get(ScheduledJob, "crawl")
        assert stored.last_outcome == "succeeded" and stored.last_fire_time > now - timedelta(minutes=2)


def test_a_run_stopped_by_a_shutdown_does_not_serve_its_slot_so_a_restart_runs_it_again(db):
    now = datetime.now(UTC)
    remember(db, "crawl", now - timedelta(days=30), now - timedelta(days=1))
    svc = service(db, crawl="* * * * *", run=lambda ctx: JobOutcome("interrupted", "stopped on request"))
    svc.run_job("crawl")

    assert "crawl" in svc.catch_up(datetime.now(UTC))
    with db.session() as session:
        assert session.get(ScheduledJob, "crawl").last_outcome == "interrupted"


def test_a_job_that_raises_is_recorded_as_failed_and_the_service_goes_on(db):
    def broken(ctx):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    svc = service(db, run=broken)
    result = svc.run_job("crawl")

    assert result.outcome == "failed" and "disk full" in result.note
    with db.session() as session:
        assert session.get(ScheduledJob, "crawl").last_error == "RuntimeError: disk full"


def test_the_digest_job_sends_nothing_and_succeeds_without_channels(db):
    result = service(db).run_job("digest")

    assert result.outcome == "succeeded"


def test_a_schedule_that_is_not_a_cron_expression_is_refused_naming_the_key(db):
    import pytest

    from monitor.config import ConfigError

    with pytest.raises(ConfigError, match=r"schedule.crawl = 'every night' is not a cron expression"):
        service(db, crawl="every night")
