"""Several nights of real crawls of a sample site: found, unreachable (nothing resolved), fixed (resolved)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from monitor.config import load_config
from monitor.crawl import CrawlOptions, CrawlTarget, run_spider
from monitor.registry import read_registry
from monitor.sampleweb import SampleWeb, load_rules
from monitor.store.models import Finding
from monitor.store.sites import upsert_sites
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
SITE = "noithatmoctre.vn"


def night(config, db, web):
    options = CrawlOptions(allow_hosts=web.hosts(), proxy=web.proxy, start_scheme="http", timeout=3, no_delay=True)
    return run_spider(config, db, [CrawlTarget(SITE)], trigger="schedule", options=options)


def statuses(db) -> dict[str, str]:
    with db.session() as session:
        rows = session.execute(select(Finding.code, Finding.qualifier, Finding.status).where(Finding.domain == SITE)).all()
    return {(f"{code}:{qualifier}" if qualifier else code): status for code, qualifier, status in rows}


def test_found_then_unreachable_then_fixed(db, tmp_path: Path):
    root = tmp_path / "web"
    shutil.copytree(ROOT / "seeds" / "web", root)
    config_file = tmp_path / "monitor.toml"
    config_file.write_text(f'[paths]\ndata_dir = "{tmp_path / "data"}"\n[crawl]\ndownload_delay = 0\n', encoding="utf-8")
    config = load_config(config_file, env={"MONITOR_DATABASE_URL": str(db.engine.url.render_as_string(hide_password=False))})
    with db.session() as session:
        upsert_sites(session, read_registry(ROOT / "seeds" / "registry.sample.csv").rows, "sample")

    with SampleWeb(root, hang_seconds=3) as web:
        night(config, db, web)
        first = statuses(db)
        assert first == {
            "BADGE_MISSING": "open",
            "POLICY_MISSING:privacy": "open",
            "POLICY_MISSING:complaints": "open",
            "POLICY_MISSING:inspection": "open",
        }

        (root / "sites.toml").write_text((root / "sites.toml").read_text(encoding="utf-8") + f'\n[hosts."{SITE}"]\nbehaviour = "refuse"\n', encoding="utf-8")
        web._server.rules = load_rules(root)
        night(config, db, web)
        second = statuses(db)
        assert second == {**first, "SITE_UNREACHABLE": "open"}  # nothing resolved by a night it could not be checked

        shutil.copy(ROOT / "seeds" / "web" / "sites.toml", root / "sites.toml")
        web._server.rules = load_rules(root)
        home = root / SITE / "index.html"
        home.write_text(home.read_text(encoding="utf-8").replace("</footer>", '<a href="/chinh-sach-bao-mat">Chính sách bảo mật</a></footer>', 1), encoding="utf-8")
        (root / SITE / "chinh-sach-bao-mat.html").write_text("<html><body><h1>Chính sách bảo mật thông tin</h1></body></html>", encoding="utf-8")
        night(config, db, web)
        third = statuses(db)
        assert third["POLICY_MISSING:privacy"] == "resolved" and third["SITE_UNREACHABLE"] == "resolved"
        assert third["BADGE_MISSING"] == "open"

    with db.session() as session:
        privacy = session.scalars(select(Finding).where(Finding.domain == SITE, Finding.qualifier == "privacy")).one()
        assert [e.kind for e in privacy.events] == ["opened", "resolved"]  # the unreachable night left no trace on it
        assert privacy.resolved_at is not None and privacy.events[-1].sha256  # the clean page is the evidence
