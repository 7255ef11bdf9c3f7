"""Alert delivery to a real local SMTP server and a real local webhook receiver."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from monitor.alerts import AlertConfigError, after_run, send_pending_alerts
from monitor.store.findings import dismiss
from monitor.store.models import Alert, Finding, Site

from .conftest import T0, alert_config, observe


def alerts(db) -> list[Alert]:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return list(session.scalars(select(Alert).order_by(Alert.id)))


def test_a_new_finding_is_emailed_with_site_violation_legal_basis_first_seen_and_evidence(db, smtp):
    with db.session() as session:
        session.add(Site(domain="shop.example.vn", registrable_domain="example.vn", owner_name="Công ty TNHH Gốm Sứ An",
                         province="Hà Nội", status="approved"))
    with db.session() as session:
        site_id = session.scalars(select(Site.id)).one()
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)
    with db.session() as session:
        session.scalars(select(Finding)).one().site_id = site_id

    summary = send_pending_alerts(db, alert_config(smtp.url(), mode="finding"))

    assert summary.sent == 1 and len(smtp.mails) == 1
    mail = smtp.mails[0]
    assert mail.recipients == ["thanhtra@sct.example.vn"]
    assert "shop.example.vn" in mail.subject and "Vi phạm mới" in mail.subject
    for expected in (
        "Công ty TNHH Gốm Sứ An",
        "Hà Nội",
        "Không gắn biểu tượng đã thông báo với Bộ Công Thương",
        "Điều 29 Nghị định 52/2013/NĐ-CP",
        f"Phát hiện lần đầu: {(T0 + timedelta(hours=7)).strftime('%H:%M %d/%m/%Y')} (giờ Việt Nam)",
        "Bằng chứng: http://shop.example.vn/",
    ):
        assert expected in mail.text


def test_messages_are_in_english_when_configured(db, smtp):
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)

    send_pending_alerts(db, alert_config(smtp.url(), mode="finding", language="en"))

    assert "MOIT badge missing" in smtp.mails[0].text and "Legal basis: Điều 29" in smtp.mails[0].text
    assert "New violation" in smtp.mails[0].subject


def test_digest_mode_sends_one_message_per_channel_for_all_new_findings(db, smtp):
    observe(db, "a.example.vn", ["BADGE_MISSING", "OWNER_NAME_MISSING"], T0)
    observe(db, "b.example.vn", ["BADGE_MISSING"], T0)

    summary = send_pending_alerts(db, alert_config(smtp.url(), mode="digest"))

    assert summary.messages == 1 and summary.sent == 3 and len(smtp.mails) == 1
    assert "3 vi phạm" in smtp.mails[0].subject and "2 website" in smtp.mails[0].subject
    assert "a.example.vn" in smtp.mails[0].text and "b.example.vn" in smtp.mails[0].text
    assert [a.outcome for a in alerts(db)] == ["sent", "sent", "sent"]


def test_finding_mode_sends_one_message_per_finding(db, smtp):
    observe(db, "a.example.vn", ["BADGE_MISSING", "OWNER_NAME_MISSING"], T0)

    summary = send_pending_alerts(db, alert_config(smtp.url(), mode="finding"))

    assert summary.messages == 2 and len(smtp.mails) == 2
    assert sorted(m.subject.rsplit("— ", 1)[1] for m in smtp.mails) == sorted(
        ["Không gắn biểu tượng đã thông báo với Bộ Công Thương", "Không công bố tên thương nhân"]
    )


def test_the_webhook_receives_the_message_as_json(db, webhook):
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)

    send_pending_alerts(db, alert_config(webhook.url))

    assert len(webhook.posts) == 1
    post = webhook.posts[0]
    assert "shop.example.vn" in post["title"] and "Điều 29 Nghị định 52/2013/NĐ-CP" in post["message"]


def test_every_channel_gets_its_own_delivery_record(db, smtp, webhook):
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)

    send_pending_alerts(db, alert_config(smtp.url(), webhook.url))

    rows = alerts(db)
    assert len(rows) == 2 and {r.channel.split(":")[0] for r in rows} == {"mailto", "json"}
    assert all(r.outcome == "sent" and r.sent_at is not None and r.attempts == 1 for r in rows)


def test_a_delivered_alert_is_never_sent_again(db, smtp):
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)
    config = alert_config(smtp.url())
    send_pending_alerts(db, config)

    again = send_pending_alerts(db, config)

    assert again.sent == 0 and again.messages == 0 and len(smtp.mails) == 1


def test_a_finding_seen_again_sends_nothing(db, smtp):
    config = alert_config(smtp.url())
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)
    send_pending_alerts(db, config)
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0 + timedelta(minutes=30))

    send_pending_alerts(db, config)

    assert len(smtp.mails) == 1


def test_a_reopened_finding_is_alerted_again(db, smtp):
    config = alert_config(smtp.url(), mode="finding")
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)
    send_pending_alerts(db, config)
    observe(db, "shop.example.vn", [], T0 + timedelta(minutes=30))
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0 + timedelta(minutes=60))

    send_pending_alerts(db, config)

    assert len(smtp.mails) == 2 and "Vi phạm tái diễn" in smtp.mails[1].subject


def test_a_failed_webhook_is_recorded_and_retried_on_the_next_run_then_never_again(db, webhook):
    config = alert_config(webhook.url)
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)
    webhook.status = 500

    first = send_pending_alerts(db, config)

    (row,) = alerts(db)
    assert first.failed == 1 and row.outcome == "failed" and row.attempts == 1 and "500" in row.error
    webhook.status = 200
    second = send_pending_alerts(db, config)
    third = send_pending_alerts(db, config)
    (row,) = alerts(db)
    assert second.sent == 1 and third.messages == 0
    assert row.outcome == "sent" and row.attempts == 2 and row.error is None
    assert webhook.calls == 2 and len(webhook.posts) == 1


def test_a_channel_where_nothing_listens_fails_without_stopping_the_others(db, smtp, dead_port):
    dead = f"mailto://127.0.0.1:{dead_port}?to=x@sct.example.vn&from=giamsat@sct.example.vn"
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)

    summary = send_pending_alerts(db, alert_config(dead, smtp.url()))

    assert len(smtp.mails) == 1
    outcomes = {r.channel: r.outcome for r in alerts(db)}
    assert outcomes == {summary.channels[0].identity: "failed", summary.channels[1].identity: "sent"}
    assert summary.channels[0].failed == 1 and "127.0.0.1" in summary.channels[0].errors[0]


def test_a_channel_that_fails_in_finding_mode_is_not_tried_again_for_the_rest_of_the_round(db, webhook):
    config = alert_config(webhook.url, mode="finding")
    observe(db, "shop.example.vn", ["BADGE_MISSING", "OWNER_NAME_MISSING"], T0)
    webhook.status = 503

    summary = send_pending_alerts(db, config)

    assert webhook.calls == 1 and summary.failed == 2
    assert sorted((r.outcome, r.attempts) for r in alerts(db)) == [("failed", 0), ("failed", 1)]
    webhook.status = 200
    send_pending_alerts(db, config)
    assert len(webhook.posts) == 2 and {r.outcome for r in alerts(db)} == {"sent"}


def test_a_finding_resolved_before_its_alert_went_out_is_not_announced(db, webhook, dead_port):
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)
    send_pending_alerts(db, alert_config(f"json://127.0.0.1:{dead_port}/x"))
    observe(db, "shop.example.vn", [], T0 + timedelta(minutes=30))

    summary = send_pending_alerts(db, alert_config(webhook.url, f"json://127.0.0.1:{dead_port}/x"))

    assert summary.messages == 0 and webhook.calls == 0


def test_a_dismissed_finding_is_not_announced(db, webhook):
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)
    with db.session() as session:
        dismiss(session, session.scalars(select(Finding.id)).one(), "badge seen on the mobile layout", T0)

    summary = send_pending_alerts(db, alert_config(webhook.url))

    assert summary.messages == 0 and webhook.calls == 0


def test_a_new_channel_is_not_sent_the_backlog_older_than_a_week(db, webhook):
    observe(db, "old.example.vn", ["BADGE_MISSING"], T0 - timedelta(days=8))
    observe(db, "new.example.vn", ["BADGE_MISSING"], T0)

    send_pending_alerts(db, alert_config(webhook.url, mode="finding"))

    assert len(webhook.posts) == 1 and "new.example.vn" in webhook.posts[0]["title"]


def test_a_failed_delivery_is_retried_even_after_a_week(db, webhook):
    config = alert_config(webhook.url)
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0 - timedelta(days=10))
    webhook.status = 500
    send_pending_alerts(db, config, now=T0 - timedelta(days=10))
    webhook.status = 200

    summary = send_pending_alerts(db, config)

    assert summary.sent == 1 and len(webhook.posts) == 1


def test_nothing_is_sent_or_recorded_without_a_channel(db):
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)

    summary = after_run(db, alert_config())

    assert summary.channels == [] and alerts(db) == []


def test_secrets_come_from_environment_placeholders(db, webhook):
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)
    config = alert_config("json://127.0.0.1:{env:HOOK_PORT}/alerts")

    send_pending_alerts(db, config, env={"HOOK_PORT": str(webhook.port)})

    assert len(webhook.posts) == 1


def test_a_missing_environment_variable_is_a_clear_error_naming_it(db):
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)
    config = alert_config("mailto://monitor:{env:SMTP_PASSWORD}@127.0.0.1:25?to=x@sct.example.vn")

    with pytest.raises(AlertConfigError, match="SMTP_PASSWORD is not set"):
        send_pending_alerts(db, config, env={})
    assert alerts(db) == []


def test_the_stored_channel_holds_no_secret(db, smtp):
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)
    # Whether the server takes the login or not, what matters is what is stored and printed.
    url = f"mailto://monitor:S3cretPassw0rd@127.0.0.1:{smtp.port}?to=x@sct.example.vn&from=giamsat@sct.example.vn"

    summary = send_pending_alerts(db, alert_config(url))

    (row,) = alerts(db)
    assert "S3cretPassw0rd" not in row.channel and "S3cretPassw0rd" not in (row.error or "")
    assert "S3cretPassw0rd" not in summary.describe()


def test_a_url_apprise_cannot_use_is_refused_before_anything_is_sent(db, webhook):
    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)

    with pytest.raises(AlertConfigError, match=r"alerts.urls\[1\]"):
        send_pending_alerts(db, alert_config(webhook.url, "nosuchscheme://x"))
    assert webhook.calls == 0


def test_while_another_process_sends_alerts_a_run_leaves_its_alerts_for_the_next_run(db, webhook):
    from monitor.store.locks import hold_lock

    observe(db, "shop.example.vn", ["BADGE_MISSING"], T0)
    config = alert_config(webhook.url)
    with hold_lock(db.engine.url.render_as_string(hide_password=False), "alerts"):
        deferred = after_run(db, config, lock_wait=0)

    assert deferred.deferred and "already running" in deferred.describe() and webhook.calls == 0
    assert after_run(db, config).sent == 1 and len(webhook.posts) == 1


def test_a_site_that_could_not_be_checked_is_not_announced_as_a_violation(db, webhook):
    observe(db, "down.example.vn", ["SITE_UNREACHABLE"], T0)

    summary = send_pending_alerts(db, alert_config(webhook.url))

    assert summary.messages == 0 and webhook.calls == 0


def test_an_error_text_never_shows_a_secret_of_the_channel():
    from monitor.alerts import configured_channels

    config = alert_config("json://monitor:hunter2@127.0.0.1:9/{env:HOOK_TOKEN}")
    (channel,) = configured_channels(config, env={"HOOK_TOKEN": "tok-8f3a"})

    assert channel.scrub("POST http://monitor:hunter2@127.0.0.1:9/tok-8f3a failed") == "POST http://monitor:***@127.0.0.1:9/*** failed"
