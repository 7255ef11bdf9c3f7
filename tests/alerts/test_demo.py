"""`monitor demo` alerts the channels of MONITOR_ALERT_URLS, and nothing new the second time."""

from __future__ import annotations

import pytest

from ..conftest import run_cli

pytestmark = pytest.mark.slow


def test_demo_alerts_the_channels_given_and_sends_nothing_new_when_run_again(cli_env, tmp_path, smtp, webhook):
    cli_env["MONITOR_ALERT_URLS"] = f"{smtp.url()},{webhook.url}"
    out = tmp_path / "findings.json"

    first = run_cli(["demo", "--out", str(out)], cli_env, cwd=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    assert len(smtp.mails) == 1 and len(webhook.posts) == 1  # digest mode: one message per channel
    assert "Bằng chứng: http" in smtp.mails[0].text and "Căn cứ pháp lý" in webhook.posts[0]["message"]

    second = run_cli(["demo", "--out", str(out)], cli_env, cwd=tmp_path)
    assert second.returncode == 0, second.stdout + second.stderr
    assert len(smtp.mails) == 1 and len(webhook.posts) == 1
