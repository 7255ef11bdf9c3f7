"""The findings lifecycle over several nights, through the real ingest path and checks."""

from __future__ import annotations

from sqlalchemy import select

from monitor.store.findings import dismiss
from monitor.store.models import Finding

from .nights import COMPLIANT_OWNER, DOMAIN, OWNER_HIDDEN, crawl_night, night, register_shop, sha

CODE = "OWNER_NAME_MISSING"


def finding(db, code: str = CODE) -> Finding:  # type: ignore[no-untyped-def]
    with db.session() as session:
        found = session.scalars(select(Finding).where(Finding.domain == DOMAIN, Finding.code == code)).one()
        found.events  # load the history before the session closes
        return found


def test_a_violation_seen_night_after_night_stays_one_finding_dated_from_the_first_night(db):
    register_shop(db)
    first = crawl_night(db, 0, OWNER_HIDDEN)
    second = crawl_night(db, 1, OWNER_HIDDEN)
    third = crawl_night(db, 2, OWNER_HIDDEN)

    assert [f.code for f in first.lifecycle.opened].count(CODE) == 1
    assert CODE in [f.code for f in second.lifecycle.seen] and CODE in [f.code for f in third.lifecycle.seen]
    stored = finding(db)
    assert (stored.first_seen_at, stored.last_seen_at, stored.status) == (night(0), night(2), "open")
    assert [(e.kind, e.at) for e in stored.events] == [("opened", night(0)), ("seen", night(1)), ("seen", night(2))]


def test_an_unreachable_night_resolves_nothing_and_is_tracked_apart(db):
    register_shop(db)
    crawl_night(db, 0, OWNER_HIDDEN)

    down = crawl_night(db, 1, None)

    assert not down.checked and down.lifecycle.resolved == []
    stored = finding(db)
    assert stored.status == "open" and stored.last_seen_at == night(0)
    assert finding(db, "SITE_UNREACHABLE").status == "open"


def test_a_fixed_page_resolves_the_finding_with_the_clean_page_as_evidence(db):
    register_shop(db)
    crawl_night(db, 0, OWNER_HIDDEN)
    crawl_night(db, 1, None)

    fixed = crawl_night(db, 2, COMPLIANT_OWNER)

    assert CODE in [f.code for f in fixed.lifecycle.resolved]
    stored = finding(db)
    assert (stored.status, stored.resolved_at) == ("resolved", night(2))
    resolved = stored.events[-1]
    assert (resolved.kind, resolved.url, resolved.sha256) == ("resolved", f"https://{DOMAIN}/", sha(COMPLIANT_OWNER))
    assert finding(db, "SITE_UNREACHABLE").status == "resolved"


def test_a_violation_back_after_being_fixed_reopens_the_same_finding_with_its_history(db):
    register_shop(db)
    for n, page in enumerate([OWNER_HIDDEN, OWNER_HIDDEN, None, COMPLIANT_OWNER, COMPLIANT_OWNER, OWNER_HIDDEN]):
        last = crawl_night(db, n, page)

    assert [f.code for f in last.lifecycle.reopened] == [CODE]
    assert [e.kind for e in last.lifecycle.alertable] == ["reopened"]
    stored = finding(db)
    assert (stored.status, stored.first_seen_at, stored.times_reopened, stored.resolved_at) == ("open", night(0), 1, None)
    assert [(e.kind, e.at) for e in stored.events] == [
        ("opened", night(0)), ("seen", night(1)), ("resolved", night(3)), ("reopened", night(5)),
    ]
    assert stored.events[-1].sha256 == sha(OWNER_HIDDEN)


def test_the_badge_finding_open_all_along_is_neither_resolved_nor_reopened_by_the_owner_fix(db):
    register_shop(db)
    for n, page in enumerate([OWNER_HIDDEN, COMPLIANT_OWNER, OWNER_HIDDEN]):
        crawl_night(db, n, page)

    badge = finding(db, "BADGE_MISSING")
    assert badge.status == "open" and [e.kind for e in badge.events] == ["opened", "seen", "seen"]


def test_a_dismissed_finding_stays_dismissed_night_after_night_while_the_evidence_repeats(db):
    register_shop(db)
    crawl_night(db, 0, OWNER_HIDDEN)
    with db.session() as session:
        dismiss(session, finding(db).id, "name shown in the header image; checked on site", night(0))

    later = [crawl_night(db, n, page) for n, page in enumerate([OWNER_HIDDEN, None, OWNER_HIDDEN], start=1)]

    assert all(CODE not in [e.finding.code for e in outcome.lifecycle.alertable] for outcome in later)
    stored = finding(db)
    assert stored.status == "dismissed" and stored.dismiss_reason == "name shown in the header image; checked on site"
    assert stored.last_seen_at == night(3)


def test_every_night_keeps_its_own_dated_evidence(db):
    register_shop(db)
    crawl_night(db, 0, OWNER_HIDDEN)
    crawl_night(db, 1, OWNER_HIDDEN)

    runs = {e.run_id for e in finding(db).events}
    assert len(runs) == 2 and None not in runs
