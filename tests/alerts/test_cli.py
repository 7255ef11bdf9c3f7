"""`monitor alerts send|test|list`, run in a subprocess as an operator runs them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from monitor.store import open_database

from ..conftest import run_cli
from .conftest import observe


def prepare(env: dict[str, str], tmp_path: Path, urls: list[str]) -> None:
    config = tmp_path / "monitor.toml"
    config.write_text("[alerts]\nurls = " + json.dumps(urls) + '\nmode = "finding"\n', encoding="utf-8")
    env["MONITOR_CONFIG"] = str(config)
    db = open_database(env["MONITOR_DATABASE_URL"])
    observe(db, "shop.example.vn", ["BADGE_MISSING"], datetime.now(UTC))
    db.dispose()


def test_monitor_alert_urls_points_alerts_elsewhere_without_editing_the_config(cli_env, tmp_path, webhook, dead_port):
    prepare(cli_env, tmp_path, [f"json://127.0.0.1:{dead_port}/configured"])
    cli_env["MONITOR_ALERT_URLS"] = webhook.url

    result = run_cli(["alerts", "send"], cli_env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert len(webhook.posts) == 1 and "1 finding event(s) delivered" in result.stdout


def test_send_exits_non_zero_when_a_delivery_failed_and_says_it_is_retried(cli_env, tmp_path, dead_port):
    prepare(cli_env, tmp_path, [f"json://127.0.0.1:{dead_port}/x"])

    result = run_cli(["alerts", "send"], cli_env)

    assert result.returncode == 1 and "retried with the next run" in result.stderr


def test_list_shows_each_delivery_with_its_outcome(cli_env, tmp_path, webhook, dead_port):
    prepare(cli_env, tmp_path, [webhook.url, f"json://127.0.0.1:{dead_port}/x"])
    run_cli(["alerts", "send"], cli_env)

    result = run_cli(["alerts", "list", "--json"], cli_env)

    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted((r["domain"], r["code"], r["outcome"], r["attempts"]) for r in rows) == [
        ("shop.example.vn", "BADGE_MISSING", "failed", 1), ("shop.example.vn", "BADGE_MISSING", "sent", 1),
    ]


def test_test_sends_a_test_message_to_every_channel_and_names_the_failing_one(cli_env, tmp_path, webhook, dead_port):
    prepare(cli_env, tmp_path, [webhook.url, f"json://127.0.0.1:{dead_port}/x"])

    result = run_cli(["alerts", "test"], cli_env)

    assert result.returncode == 1
    assert len(webhook.posts) == 1 and "Thử kênh cảnh báo" in webhook.posts[0]["title"]
    lines = result.stdout.splitlines()
    assert any(line.startswith("json://") and "delivered" in line for line in lines)
    assert any(line.startswith("json://") and "failed" in line for line in lines)


def test_a_missing_secret_variable_is_one_clear_error_line(cli_env, tmp_path):
    prepare(cli_env, tmp_path, ["mailtos://giamsat:{env:SMTP_PASSWORD}@sct.example.vn?to=thanhtra@sct.example.vn"])

    result = run_cli(["alerts", "send"], cli_env)

    assert result.returncode == 2 and "environment variable SMTP_PASSWORD is not set" in result.stderr
    assert "Traceback" not in result.stderr
