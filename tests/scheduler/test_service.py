"""`monitor schedule run` and `monitor schedule list`, run in subprocesses like a user runs them."""

from __future__ import annotations

import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path

from monitor.model import Evidence, FindingDraft, Regime
from monitor.store import open_database
from monitor.store.findings import apply_findings
from monitor.store.models import ScheduledJob

from ..conftest import run_cli
from .conftest import ServiceProcess


def prepare(env: dict[str, str], tmp_path: Path, *, digest_missed: bool = False, digest: str = "0 7 * * *") -> None:
    """A database with one new finding; a config; optionally a digest run missed a minute ago."""
    config = tmp_path / "monitor.toml"
    config.write_text(f'[paths]\ndata_dir = "{tmp_path / "data"}"\n[schedule]\ndigest = "{digest}"\n', encoding="utf-8")
    env["MONITOR_CONFIG"] = str(config)
    db = open_database(env["MONITOR_DATABASE_URL"])
    now = datetime.now(UTC)
    draft = FindingDraft(
        "BADGE_MISSING", "high", "Không gắn biểu tượng", "MOIT badge missing", "Điều 27 Nghị định 52/2013/NĐ-CP",
        Evidence("http://shop.example.vn/", "ab" * 32, "no badge"), Regime.DECREE_52,
    )
    with db.session() as session:
        apply_findings(session, domain="shop.example.vn", site_id=None, run_id=None, drafts=[draft], at=now, scope=None)
        if digest_missed:
            session.add(ScheduledJob(job_id="digest", first_seen_at=now - timedelta(days=30), last_fire_time=now - timedelta(days=1)))
    db.dispose()


def test_schedule_list_shows_the_jobs_and_their_next_runs_in_vietnam_time(cli_env, tmp_path):
    prepare(cli_env, tmp_path)

    result = run_cli(["schedule", "list"], cli_env)

    assert result.returncode == 0, result.stderr
    assert "Asia/Ho_Chi_Minh" in result.stdout and "service: not running" in result.stdout
    for job, cron in (("crawl", "30 1 * * *"), ("lookalike_scan", "30 5 * * *"), ("digest", "0 7 * * *")):
        line = next(line for line in result.stdout.splitlines() if f" {job} " in line)
        assert cron in line and "+0700" in line


def test_run_once_digest_sends_the_owed_alerts_and_a_second_time_nothing(cli_env, tmp_path, webhook):
    prepare(cli_env, tmp_path)
    cli_env["MONITOR_ALERT_URLS"] = webhook.url

    first = run_cli(["schedule", "run", "--once", "digest"], cli_env)
    second = run_cli(["schedule", "run", "--once", "digest"], cli_env)

    assert first.returncode == 0 and second.returncode == 0, first.stdout + first.stderr
    assert len(webhook.posts) == 1 and "shop.example.vn" in webhook.posts[0]["message"]
    assert "digest: succeeded" in second.stdout


def test_run_once_refuses_an_unknown_job(cli_env, tmp_path):
    prepare(cli_env, tmp_path)

    result = run_cli(["schedule", "run", "--once", "backup"], cli_env)

    assert result.returncode != 0 and "no job 'backup'" in result.stderr


def test_a_second_scheduler_against_the_same_database_exits_with_a_clear_message(cli_env, tmp_path, services):
    prepare(cli_env, tmp_path)
    first = ServiceProcess(cli_env)
    services.append(first)
    first.wait_for("scheduler started")

    second = run_cli(["schedule", "run"], cli_env)

    assert second.returncode != 0
    assert f"another scheduler is already running against sqlite:///{tmp_path / 'cli.db'} (pid {first.process.pid} on" in second.stderr
    listed = run_cli(["schedule", "list"], cli_env)
    assert f"service: running (pid {first.process.pid}" in listed.stdout


def test_sigterm_waits_for_the_running_job_then_stops_cleanly(cli_env, tmp_path, services, webhook):
    # The digest was missed a minute ago (it runs every minute), so it runs as soon as the service starts;
    # the webhook holds its request until the service has been asked to stop.
    prepare(cli_env, tmp_path, digest_missed=True, digest="* * * * *")
    cli_env["MONITOR_ALERT_URLS"] = webhook.url
    webhook.gate.clear()
    service = ServiceProcess(cli_env)
    services.append(service)
    service.wait_for("was missed; running it now")
    assert webhook.arrived.wait(120)

    service.process.send_signal(signal.SIGTERM)
    service.wait_for("waiting for the running job(s) to finish: digest")
    webhook.gate.set()

    assert service.finish() == 0
    assert any("digest: succeeded" in line for line in service.log)
    assert any("scheduler stopped cleanly" in line for line in service.log)
    assert len(webhook.posts) == 1


def test_ctrl_c_stops_an_idle_scheduler_cleanly(cli_env, tmp_path, services):
    prepare(cli_env, tmp_path)
    service = ServiceProcess(cli_env)
    services.append(service)
    service.wait_for("scheduler started")

    service.process.send_signal(signal.SIGINT)

    assert service.finish() == 0
    assert any("scheduler stopped cleanly" in line for line in service.log)
