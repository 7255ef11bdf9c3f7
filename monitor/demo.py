"""`monitor demo`: the whole pipeline on the bundled sample web, offline.

Starts the sample web on loopback, imports the sample registry and feed,
crawls everything through the same spider as the nightly crawl (the sample
web acts as its HTTP proxy, and only its hosts are allowed to be private),
runs the lookalike scan, sends alerts to the configured channels, and
reports the findings.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import select

from monitor.alerts import AlertSummary, after_run
from monitor.config import PROJECT_ROOT, Config
from monitor.crawl import CrawlOptions, CrawlProgress, CrawlResult, run_spider, select_targets
from monitor.feeds import read_feed, store_feed
from monitor.lookalike_scan import scan
from monitor.registry import read_registry
from monitor.sampleweb import SampleWeb
from monitor.store.db import Database, open_database
from monitor.store.models import Finding
from monitor.store.sites import upsert_sites

SEEDS = PROJECT_ROOT / "seeds"
SAMPLE_REGISTRY = SEEDS / "registry.sample.csv"
SAMPLE_FEED = SEEDS / "candidates.sample.txt"


@dataclass
class DemoResult:
    database_url: str
    crawl: CrawlResult
    findings: list[dict[str, Any]]
    output: Path
    alerts: AlertSummary


def finding_rows(session: Any) -> list[dict[str, Any]]:
    rows = []
    for f in session.scalars(select(Finding).order_by(Finding.domain, Finding.code, Finding.qualifier)):
        rows.append(
            {
                "id": f.id,
                "domain": f.domain,
                "code": f.code,
                "qualifier": f.qualifier,
                "severity": f.severity,
                "status": f.status,
                "title_vi": f.title_vi,
                "title_en": f.title_en,
                "legal_basis": f.legal_basis,
                "first_seen_at": f.first_seen_at.isoformat(),
                "last_seen_at": f.last_seen_at.isoformat(),
                "evidence": {"url": f.evidence_url, "sha256": f.evidence_sha256, "excerpt": f.evidence_excerpt},
            }
        )
    return rows


def run_demo(
    config: Config,
    database_url: str | None,
    output: Path,
    on_progress: Callable[[CrawlProgress, dict[str, Any]], None] | None = None,
    log: Callable[[str], None] = print,
) -> DemoResult:
    workdir = Path(tempfile.mkdtemp(prefix="monitor-demo-"))
    url = database_url or f"sqlite:///{workdir / 'demo.db'}"
    config = replace(config, paths=replace(config.paths, data_dir=str(workdir)))
    db: Database = open_database(url)
    try:
        registry = read_registry(SAMPLE_REGISTRY)
        if registry.errors:  # the shipped file must be clean; say so loudly if it is not
            raise RuntimeError(f"sample registry has errors: {registry.errors}")
        now = datetime.now(UTC)
        with db.session() as session:
            counts = upsert_sites(session, registry.rows, source=str(SAMPLE_REGISTRY))
            feed = read_feed(SAMPLE_FEED)
            new, known = store_feed(session, feed.domains, "sample", now)
        log(f"registry: {counts.added} added, {counts.updated} updated, {counts.unchanged} unchanged; "
            f"feed: {new} new candidate domains")
        with SampleWeb() as web:
            with db.session() as session:
                targets = select_targets(session, candidates=1000)
            options = CrawlOptions(
                allow_hosts=web.hosts(),
                proxy=web.proxy,
                start_scheme="http",
                timeout=4,
                no_delay=True,
                time_limit=300,
            )
            log(f"sample web on {web.proxy}; crawling {len(targets)} sites")
            result = run_spider(config, db, targets, trigger="demo", options=options, on_progress=on_progress)
            lookalikes = scan(db, config, verify=True, options=options)
        log(f"lookalike scan: {lookalikes}")
        alerts = after_run(db, config)
        with db.session() as session:
            rows = finding_rows(session)
        output.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
        return DemoResult(db.engine.url.render_as_string(hide_password=True), result, rows, output, alerts)
    finally:
        db.dispose()
