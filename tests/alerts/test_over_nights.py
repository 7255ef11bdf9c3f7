"""What inspectors hear over several nights: new, nothing while it repeats, nothing while down, reopened."""

from __future__ import annotations

from datetime import timedelta

from monitor.alerts import after_run

from ..lifecycle.nights import COMPLIANT_OWNER, OWNER_HIDDEN, crawl_night, night, register_shop
from .conftest import alert_config


def test_inspectors_hear_of_a_violation_when_it_appears_and_when_it_comes_back_only(db, webhook):
    config = alert_config(webhook.url, mode="finding", language="en")
    register_shop(db)
    heard: list[list[str]] = []
    for n, page in enumerate([OWNER_HIDDEN, OWNER_HIDDEN, None, COMPLIANT_OWNER, OWNER_HIDDEN]):
        before = len(webhook.posts)
        crawl_night(db, n, page)
        after_run(db, config, now=night(n) + timedelta(hours=1))  # the alerts go out after each night's crawl
        heard.append([post["message"] for post in webhook.posts[before:]])

    assert any("[OWNER_NAME_MISSING]" in message for message in heard[0])
    assert heard[1] == [], "seen again: nothing to say"
    assert heard[2] == [], "unreachable: not a violation, and nothing resolved"
    assert heard[3] == [], "fixed: resolved findings are not announced"
    assert len(heard[4]) == 1 and "[OWNER_NAME_MISSING]" in heard[4][0] and "Back again" in heard[4][0]
