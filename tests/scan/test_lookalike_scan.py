"""The lookalike scan in the database: pairs, findings with history, verification."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from monitor.config import load_config
from monitor.feeds import parse_feed_lines, store_feed
from monitor.ingest import ingest_site
from monitor.lookalike_scan import scan
from monitor.model import CrawledPage, FetchedPage, PageRole, SiteFetch
from monitor.registry import read_registry
from monitor.store.models import Finding, LookalikeCandidate, Site
from monitor.store.runs import start_run
from monitor.store.sites import upsert_sites
from tests.conftest import run_cli

T0 = datetime(2026, 11, 10, 19, 0, tzinfo=UTC)
REGISTRY = (
    "domain,owner_name,status,aliases,other_domains\n"
    "tramoclam.vn,Công ty TNHH Trầm Mộc Lâm,approved,Trầm Mộc Lâm,tramoclam.com\n"
    "giaydakhaiminh.vn,Công ty CP Giày Da Khải Minh,approved,,\n"
)
FEED = ["tramoclam-sale.com", "cskh-giaydakhaiminh.com", "tramoclam.com", "nhakhoathienphuc.vn", "giaydakhaiminh.vn"]


def prepare(db, tmp_path, feed=FEED):
    path = tmp_path / "registry.csv"
    path.write_text(REGISTRY, encoding="utf-8")
    with db.session() as session:
        upsert_sites(session, read_registry(path).rows, "test")
        store_feed(session, parse_feed_lines(feed, "feed").domains, "test", T0)


def config(**lookalikes):
    cfg = load_config(env={})
    for key, value in lookalikes.items():
        setattr(cfg.lookalikes, key, value)
    return cfg


def test_imitations_become_pairs_and_findings_on_the_candidate_domain(db, tmp_path):
    prepare(db, tmp_path)
    summary = scan(db, config(), now=T0)
    assert summary.candidates == 5 and summary.flagged_domains == 2
    with db.session() as session:
        pairs = {(p.domain, p.site.domain): p for p in session.scalars(select(LookalikeCandidate))}
        assert set(pairs) == {("tramoclam-sale.com", "tramoclam.vn"), ("cskh-giaydakhaiminh.com", "giaydakhaiminh.vn")}
        assert "brand_token" in pairs[("tramoclam-sale.com", "tramoclam.vn")].techniques
        finding = session.scalars(select(Finding).where(Finding.domain == "tramoclam-sale.com")).one()
        site = session.scalars(select(Site).where(Site.domain == "tramoclam.vn")).one()
        assert finding.code == "LOOKALIKE_DOMAIN" and finding.site_id == site.id and finding.qualifier == "tramoclam.vn"
        assert "tramoclam-sale.com imitates tramoclam.vn" in finding.evidence_excerpt


def test_the_owners_own_domains_and_the_allow_list_are_never_flagged(db, tmp_path):
    prepare(db, tmp_path)
    scan(db, config(allow=["cskh-giaydakhaiminh.com"]), now=T0)
    with db.session() as session:
        flagged = set(session.scalars(select(Finding.domain)))
    assert flagged == {"tramoclam-sale.com"}


def test_a_rescan_keeps_one_finding_and_an_allowed_domain_is_resolved(db, tmp_path):
    prepare(db, tmp_path)
    scan(db, config(), now=T0)
    again = scan(db, config(), now=T0 + timedelta(days=1))
    assert again.opened == 0
    later = scan(db, config(allow=["tramoclam-sale.com"]), now=T0 + timedelta(days=2))
    assert later.resolved == 1
    with db.session() as session:
        statuses = dict(session.execute(select(Finding.domain, Finding.status)).all())
    assert statuses == {"tramoclam-sale.com": "resolved", "cskh-giaydakhaiminh.com": "open"}


def test_a_verified_lookalike_that_sells_with_a_badge_is_raised_in_severity(db, tmp_path):
    prepare(db, tmp_path)
    body = """<html><body><h1>Trầm Mộc Lâm - SALE 50%</h1><button class="add-to-cart">Thêm vào giỏ hàng</button>
    <span class="price">990.000₫</span><a href="http://online.gov.vn/Home/WebDetails/151203">
    <img src="logoSaleNoti.png" alt="Đã thông báo Bộ Công Thương"></a></body></html>"""
    page = FetchedPage("http://tramoclam-sale.com/", "http://tramoclam-sale.com/", 200, body.encode(), T0, PageRole.HOME)
    with db.session() as session:
        run = start_run(session, load_config(env={}), "test").id
        ingest_site(session, run, SiteFetch("tramoclam-sale.com", "candidate", (CrawledPage(page),)))
    summary = scan(db, config(), now=T0 + timedelta(hours=1), verify=True)  # crawled an hour ago: no new crawl
    assert summary.confirmed == 1
    with db.session() as session:
        finding = session.scalars(select(Finding).where(Finding.code == "LOOKALIKE_DOMAIN", Finding.domain == "tramoclam-sale.com")).one()
        pair = session.scalars(select(LookalikeCandidate).where(LookalikeCandidate.domain == "tramoclam-sale.com")).one()
    assert finding.severity == "critical" and finding.evidence_sha256 == page.sha256
    assert pair.verdict == "sells+shows_brand+shows_badge"


def test_import_and_scan_through_the_cli(cli_env, tmp_path):
    registry = tmp_path / "registry.csv"
    registry.write_text(REGISTRY, encoding="utf-8")
    feed = tmp_path / "feed.txt"
    feed.write_text("# tips\n" + "\n".join(FEED) + "\nnot a domain\n", encoding="utf-8")
    assert run_cli(["registry", "import", str(registry)], cli_env).returncode == 0
    imported = run_cli(["lookalikes", "import", str(feed), "--source", "tips"], cli_env)
    assert imported.returncode == 0 and "5 new candidate domains" in imported.stdout and "line 7" in imported.stderr
    scanned = run_cli(["lookalikes", "scan", "--json"], cli_env)
    assert scanned.returncode == 0, scanned.stderr
    pairs = {(p["candidate"], p["target"]) for p in map(json.loads, scanned.stdout.splitlines())}
    assert pairs == {("tramoclam-sale.com", "tramoclam.vn"), ("cskh-giaydakhaiminh.com", "giaydakhaiminh.vn")}
