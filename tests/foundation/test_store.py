"""Storage on SQLite (and PostgreSQL when MONITOR_TEST_DATABASE_URL is set)."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, text

from monitor.model import Evidence, FetchedPage, FindingDraft, PageRole, Regime
from monitor.store.db import current_revision, head_revision
from monitor.store.evidence import load_body, save_page, to_fetched
from monitor.store.findings import apply_findings, dismiss
from monitor.store.models import CrawlRun, Finding, PageBody
from monitor.store.runs import start_run
from monitor.config import load_config

T0 = datetime(2026, 11, 1, 18, 30, tzinfo=UTC)


def page(body: bytes, at: datetime = T0, url: str = "http://shop.vn/") -> FetchedPage:
    return FetchedPage(url, url, 200, body, at, PageRole.HOME, {"content-type": "text/html"}, ("http://www.shop.vn/",))


def draft(code: str, excerpt: str = "x", qualifier: str = "") -> FindingDraft:
    return FindingDraft(code, "high", "t", "t", "basis", Evidence("http://shop.vn/", "ab" * 32, excerpt), Regime.LAW_122, qualifier)


def new_run(db) -> int:
    with db.session() as session:
        return start_run(session, load_config(env={}), "manual").id


def test_a_new_database_is_migrated_to_head(db):
    assert current_revision(db.engine) == head_revision()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db):
    if db.engine.dialect.name != "sqlite":
        return
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_bodies_are_stored_once_per_hash_and_read_back_exactly(db):
    run = new_run(db)
    body = "<html>Công ty TNHH Gốm Sứ An</html>".encode() * 50
    with db.session() as session:
        save_page(session, run_id=run, site_id=None, domain="shop.vn", page=page(body))
        save_page(session, run_id=run, site_id=None, domain="shop.vn", page=page(body, T0 + timedelta(days=1)))
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(PageBody)) == 1
        stored = session.scalars(select(PageBody)).one()
        assert stored.size == len(body) and len(stored.data) < len(body)
        assert load_body(session, stored.sha256) == body


def test_a_page_keeps_its_fetch_record(db):
    run = new_run(db)
    with db.session() as session:
        row = save_page(session, run_id=run, site_id=None, domain="shop.vn", page=page(b"<html/>"))
        session.flush()
        again = to_fetched(session, row)
    assert again.fetched_at == T0 and again.fetched_at.tzinfo is not None
    assert again.redirects == ("http://www.shop.vn/",) and again.sha256 == page(b"<html/>").sha256


def test_run_keeps_config_snapshot_and_version(db):
    with db.session() as session:
        run = start_run(session, load_config(env={}), "manual")
    with db.session() as session:
        stored = session.get(CrawlRun, run.id)
        assert stored.config["crawl"]["max_pages_per_site"] == 8 and stored.tool_version


def test_a_finding_seen_again_stays_one_finding(db):
    with db.session() as session:
        first = apply_findings(session, domain="shop.vn", site_id=None, run_id=None, drafts=[draft("BADGE_MISSING")], at=T0, scope=None)
        second = apply_findings(session, domain="shop.vn", site_id=None, run_id=None, drafts=[draft("BADGE_MISSING")], at=T0 + timedelta(days=1), scope=None)
    assert len(first.opened) == 1 and len(second.seen) == 1 and not second.alertable
    with db.session() as session:
        finding = session.scalars(select(Finding)).one()
        assert finding.first_seen_at == T0 and finding.last_seen_at == T0 + timedelta(days=1)


def test_gone_resolves_and_back_reopens_with_history(db):
    with db.session() as session:
        apply_findings(session, domain="shop.vn", site_id=None, run_id=None, drafts=[draft("BADGE_MISSING")], at=T0, scope=None)
        gone = apply_findings(session, domain="shop.vn", site_id=None, run_id=None, drafts=[], at=T0 + timedelta(days=1), scope=None,
                              clean_evidence=Evidence("http://shop.vn/", "cd" * 32, "clean"))
        back = apply_findings(session, domain="shop.vn", site_id=None, run_id=None, drafts=[draft("BADGE_MISSING")], at=T0 + timedelta(days=2), scope=None)
    assert len(gone.resolved) == 1 and len(back.reopened) == 1 and len(back.alertable) == 1
    with db.session() as session:
        finding = session.scalars(select(Finding)).one()
        assert finding.status == "open" and finding.first_seen_at == T0 and finding.times_reopened == 1
        assert [e.kind for e in finding.events] == ["opened", "resolved", "reopened"]
        assert finding.events[1].sha256 == "cd" * 32


def test_an_unchecked_site_resolves_nothing(db):
    with db.session() as session:
        apply_findings(session, domain="shop.vn", site_id=None, run_id=None, drafts=[draft("BADGE_MISSING")], at=T0, scope=None)
        result = apply_findings(session, domain="shop.vn", site_id=None, run_id=None, drafts=[draft("SITE_UNREACHABLE")], at=T0 + timedelta(days=1), scope=())
    assert not result.resolved
    with db.session() as session:
        statuses = dict(session.execute(select(Finding.code, Finding.status)).all())
        assert statuses == {"BADGE_MISSING": "open", "SITE_UNREACHABLE": "open"}


def test_policy_findings_are_separate_per_policy(db):
    with db.session() as session:
        apply_findings(session, domain="shop.vn", site_id=None, run_id=None,
                       drafts=[draft("POLICY_MISSING", qualifier="returns"), draft("POLICY_MISSING", qualifier="privacy")], at=T0, scope=None)
        result = apply_findings(session, domain="shop.vn", site_id=None, run_id=None,
                                drafts=[draft("POLICY_MISSING", qualifier="privacy")], at=T0 + timedelta(days=1), scope=None)
    assert [(f.code, f.qualifier) for f in result.resolved] == [("POLICY_MISSING", "returns")]


def test_dismissed_stays_dismissed_while_the_same_evidence_repeats(db):
    with db.session() as session:
        apply_findings(session, domain="shop.vn", site_id=None, run_id=None, drafts=[draft("OWNER_MISMATCH", "Công ty A")], at=T0, scope=None)
        finding_id = session.scalars(select(Finding.id)).one()
        dismiss(session, finding_id, "owner changed name, papers seen", T0 + timedelta(hours=1))
        same = apply_findings(session, domain="shop.vn", site_id=None, run_id=None, drafts=[draft("OWNER_MISMATCH", "Công ty A")], at=T0 + timedelta(days=1), scope=None)
        assert session.get(Finding, finding_id).status == "dismissed" and not same.alertable
        new = apply_findings(session, domain="shop.vn", site_id=None, run_id=None, drafts=[draft("OWNER_MISMATCH", "Công ty B")], at=T0 + timedelta(days=2), scope=None)
        assert session.get(Finding, finding_id).status == "open" and len(new.reopened) == 1


def test_text_with_nul_characters_from_a_hostile_page_is_stored(db):
    with db.session() as session:
        apply_findings(session, domain="shop.vn", site_id=None, run_id=None,
                       drafts=[draft("OWNER_NAME_MISSING", "Công ty\x00 A")], at=T0, scope=None)
    with db.session() as session:
        finding = session.scalars(select(Finding)).one()
        assert finding.evidence_excerpt == "Công ty A" and finding.events[0].excerpt == "Công ty A"
