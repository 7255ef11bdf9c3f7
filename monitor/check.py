"""`monitor check`: one target at a desk, through the same spider and checks as the nightly crawl.

A target is a domain, a URL, or a saved HTML file (an inspector's saved
evidence, checked offline). Live targets are fetched by one crawler
subprocess writing to a spool file; the parent then runs the checks, and
stores the observation and findings unless told not to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Callable, Sequence

from monitor.checks import run_checks
from monitor.config import Config
from monitor.crawl import CrawlOptions, CrawlProgress, CrawlTarget, run_spider
from monitor.domains import DomainError, normalise_host
from monitor.errors import MonitorError
from monitor.ingest import ingest_site
from monitor.model import FetchedPage, PageRole, SiteFetch, regime_for
from monitor.spool import read_spool
from monitor.store.db import Database
from monitor.store.runs import finish_run, start_run
from monitor.store.sites import site_for_host, site_record

# Browsers write the page's address into a saved page.
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_CANONICAL = re.compile(rb"""<link[^>]+rel=["']?canonical["']?[^>]+href=["']([^"']+)""", re.I)


class TargetError(MonitorError):
    pass


@dataclass
class Target:
    text: str  # as the inspector typed it
    domain: str | None
    url: str | None = None  # live targets
    path: Path | None = None  # saved files


@dataclass
class CheckOutcome:
    target: Target
    checked: bool
    report: Any | None  # SiteReport
    failure: str | None = None
    run_id: int | None = None


def parse_target(text: str) -> Target:
    path = Path(text).expanduser()
    if path.is_file():
        return Target(text, _domain_of_saved(path), path=path)
    is_url = re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I) is not None
    if not is_url and path.suffix.lower() in (".html", ".htm", ".mhtml"):
        raise TargetError(f"{text}: no such file")
    try:
        domain = normalise_host(text)
    except DomainError as exc:
        raise TargetError(f"{text}: not a domain, URL or saved HTML file ({exc})") from exc
    return Target(text, domain, url=text if is_url else None)


def _domain_of_saved(path: Path) -> str | None:
    head = path.read_bytes()[:65536]
    for pattern in (_SAVED_FROM, _CANONICAL):
        match = pattern.search(head)
        if match:
            try:
                return normalise_host(match.group(1).decode("utf-8", "ignore"))
            except DomainError:
                continue
    return None


def saved_page(target: Target) -> FetchedPage:
    assert target.path is not None
    body = target.path.read_bytes()
    saved_at = datetime.fromtimestamp(target.path.stat().st_mtime, UTC)
    url = f"https://{target.domain}/" if target.domain else target.path.resolve().as_uri()
    return FetchedPage(url=url, final_url=url, status=200, body=body, fetched_at=saved_at, role=PageRole.HOME)


def _record(db: Database | None, domain: str | None) -> Any:
    if db is None or domain is None:
        return None
    with db.session() as session:
        site = site_for_host(session, domain)
        return site_record(site) if site else None


def check_saved(target: Target, db: Database | None) -> CheckOutcome:
    page = saved_page(target)
    report = run_checks([page], _record(db, target.domain), regime_for(page.fetched_at), target=target.text, checked_at=datetime.now(UTC))
    return CheckOutcome(target, True, report)


def check_targets(
    config: Config,
    db: Database | None,
    texts: Sequence[str],
    *,
    save: bool,
    options: CrawlOptions | None = None,
    on_progress: Callable[[CrawlProgress, dict[str, Any]], None] | None = None,
) -> list[CheckOutcome]:
    """Check every target; live ones share one crawler run."""
    targets = [parse_target(t) for t in texts]
    outcomes: dict[int, CheckOutcome] = {}
    live = [(i, t) for i, t in enumerate(targets) if t.path is None]
    for i, target in enumerate(targets):
        if target.path is not None:
            outcomes[i] = check_saved(target, db)
    if live:
        crawl_targets = [
            CrawlTarget(t.domain or "", "check", (t.url,) if t.url else ()) for _, t in live
        ]
        result = run_spider(config, None, crawl_targets, trigger="check", sink="spool", options=options, on_progress=on_progress)
        fetched = {f.domain: f for f in read_spool(result.spool)} if result.spool and result.spool.exists() else {}
        run_id = None
        if save and db is not None:
            with db.session() as session:
                run_id = start_run(session, config, "check", {"targets": [t.text for _, t in live]}).id
        for i, target in live:
            fetch = fetched.get(target.domain or "") or SiteFetch(target.domain or "", "check", failure="the crawler did not finish this site")
            outcomes[i] = _judge(target, fetch, db, run_id)
        if run_id is not None and db is not None:
            checked = sum(1 for i, _ in live if outcomes[i].checked)
            with db.session() as session:
                finish_run(session, run_id, "succeeded", {"sites": len(live), "checked": checked, "unreachable": len(live) - checked})
    return [outcomes[i] for i in range(len(targets))]


def _judge(target: Target, fetch: SiteFetch, db: Database | None, run_id: int | None) -> CheckOutcome:
    """Store and judge (``run_id`` given), or only judge against the registry."""
    if db is not None and run_id is not None:
        with db.session() as session:
            outcome = ingest_site(session, run_id, fetch)
        return CheckOutcome(target, outcome.checked, outcome.report, outcome.failure, run_id)
    if not fetch.checked:
        return CheckOutcome(target, False, None, fetch.failure or "not checked")
    pages = [c.page for c in fetch.pages]
    home = next(p for p in pages if p.role == PageRole.HOME)
    report = run_checks(pages, _record(db, target.domain), regime_for(home.fetched_at), target=target.text, checked_at=home.fetched_at)
    return CheckOutcome(target, True, report)
