"""From fetched pages to stored evidence: the path every crawl and check takes."""

from datetime import UTC, datetime

from sqlalchemy import select

from monitor.config import load_config
from monitor.ingest import ingest_site
from monitor.model import CrawledPage, FetchedPage, PageRole, SiteFetch
from monitor.registry import read_registry
from monitor.store.models import CandidateDomain, Finding, Observation, Page
from monitor.store.runs import start_run
from monitor.store.sites import upsert_sites

AT = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
HOME = """<html><body><h1>Shop A</h1><button class="add-to-cart">Thêm vào giỏ</button><span class="price">150.000₫</span>
<footer>CÔNG TY TNHH SHOP A\x00 · MST: 0100109106 · Địa chỉ: 5 Lê Lợi, Quận 1, TP.HCM · Hotline 0901234567
<a href="https://lookalike-partner.vn/">Đối tác</a></footer></body></html>"""


def fetch(domain: str, body: str, kind: str = "registry", failure: str | None = None) -> SiteFetch:
    if failure:
        return SiteFetch(domain, kind, failure=failure, failure_url=f"https://{domain}/")
    page = FetchedPage(f"https://{domain}/", f"https://{domain}/", 200, body.encode(), AT, PageRole.HOME)
    return SiteFetch(domain, kind, (CrawledPage(page, ("lookalike-partner.vn",)),))


def setup(db, tmp_path):
    registry = tmp_path / "r.csv"
    registry.write_text("domain,owner_name,tax_code,status\nshop-a.vn,Công ty TNHH Shop A,0100109106,approved\n", encoding="utf-8")
    with db.session() as session:
        upsert_sites(session, read_registry(registry).rows, "test")
        return start_run(session, load_config(env={}), "test").id


def test_a_checked_site_stores_pages_observation_findings_and_link_candidates(db, tmp_path):
    run = setup(db, tmp_path)
    with db.session() as session:
        outcome = ingest_site(session, run, fetch("shop-a.vn", HOME))
    assert outcome.checked and outcome.report is not None
    with db.session() as session:
        assert session.scalar(select(Page.sha256)) is not None
        observation = session.scalars(select(Observation)).one()
        assert observation.checked and observation.payload["disclosures"]["registration_number"] == "0100109106"
        codes = set(session.scalars(select(Finding.code)))
        assert "BADGE_MISSING" in codes and "REG_NUMBER_MISSING" not in codes
        assert session.scalar(select(CandidateDomain.domain)) == "lookalike-partner.vn"


def test_an_unreachable_registered_site_is_tracked_and_resolves_nothing(db, tmp_path):
    run = setup(db, tmp_path)
    with db.session() as session:
        ingest_site(session, run, fetch("shop-a.vn", HOME))
        outcome = ingest_site(session, run, fetch("shop-a.vn", "", failure="connection refused"))
    assert not outcome.checked
    with db.session() as session:
        statuses = dict(session.execute(select(Finding.code, Finding.status)).all())
        assert statuses["SITE_UNREACHABLE"] == "open" and statuses["BADGE_MISSING"] == "open"
        assert session.scalars(select(Observation.error).where(Observation.checked.is_(False))).one() == "connection refused"


def test_an_unreachable_candidate_raises_nothing(db, tmp_path):
    run = setup(db, tmp_path)
    with db.session() as session:
        ingest_site(session, run, fetch("nobody.vn", "", kind="candidate", failure="DNS lookup failed"))
        assert session.scalars(select(Finding)).all() == []
