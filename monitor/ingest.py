"""From fetched pages to stored evidence: the one path every crawl and check takes.

:func:`ingest_site` saves the pages, runs the pure checks against the
registry record, stores the observation and merges the findings into their
history. The nightly crawl (through the Scrapy pipeline), ``monitor check``
and lookalike verification all call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.checks import make_finding, run_checks
from monitor.model import UNREACHABLE_CODE, Evidence, PageRole, SiteFetch, regime_for
from monitor.store.clean import storable
from monitor.store.evidence import save_page
from monitor.store.findings import LifecycleResult, apply_findings
from monitor.store.models import CandidateDomain, Observation
from monitor.store.sites import site_for_host, site_record

UNREACHABLE = UNREACHABLE_CODE


@dataclass
class IngestOutcome:
    domain: str
    checked: bool
    failure: str | None
    report: object | None  # monitor.checks SiteReport when checked
    lifecycle: LifecycleResult
    observation_id: int


def record_candidates(session: Session, domains: set[str], source: str, at: datetime) -> None:
    """Remember domains seen in links or feeds, for the lookalike scan."""
    if not domains:
        return
    known = {
        c.domain: c
        for c in session.scalars(select(CandidateDomain).where(CandidateDomain.domain.in_(sorted(domains))))
    }
    for domain in sorted(domains):
        candidate = known.get(domain)
        if candidate is None:
            session.add(CandidateDomain(domain=domain, sources=[source], first_seen_at=at, last_seen_at=at))
            continue
        candidate.last_seen_at = at
        if source not in candidate.sources:
            candidate.sources = [*candidate.sources, source]


def ingest_site(session: Session, run_id: int, fetch: SiteFetch, now: datetime | None = None) -> IngestOutcome:
    """Save one site's pages, judge them, and merge the findings into their history."""
    site = site_for_host(session, fetch.domain)
    site_id = site.id if site else None
    record = site_record(site) if site else None
    outbound: set[str] = set()
    for crawled in fetch.pages:
        save_page(
            session,
            run_id=run_id,
            site_id=site_id,
            domain=fetch.domain,
            page=crawled.page,
            outbound_domains=crawled.outbound_domains,
        )
        if crawled.page.role != PageRole.PORTAL:
            outbound.update(crawled.outbound_domains)
    homes = [c.page for c in fetch.pages if c.page.role == PageRole.HOME]
    at = homes[0].fetched_at if homes else (now or datetime.now(UTC))
    regime = regime_for(at)
    record_candidates(session, outbound - {fetch.domain}, f"link:{fetch.domain}", at)
    candidate = session.scalar(select(CandidateDomain).where(CandidateDomain.domain == fetch.domain))
    if candidate is not None:
        candidate.crawled_at = at

    if not fetch.checked:
        reason = fetch.failure or "the home page was not fetched"
        drafts = []
        if site is not None:  # an unreachable unregistered candidate is not worth tracking
            evidence = Evidence(fetch.failure_url or f"http://{fetch.domain}/", None, reason)
            drafts.append(make_finding(UNREACHABLE, evidence, regime))
        lifecycle = apply_findings(
            session, domain=fetch.domain, site_id=site_id, run_id=run_id, drafts=drafts, at=at, scope=()
        )
        observation = Observation(
            run_id=run_id, site_id=site_id, domain=fetch.domain, observed_at=at,
            regime=str(regime), checked=False, error=storable(reason), payload={},
        )
        session.add(observation)
        session.flush()
        return IngestOutcome(fetch.domain, False, reason, None, lifecycle, observation.id)

    report = run_checks([c.page for c in fetch.pages], record, regime, target=fetch.domain, checked_at=at)
    home = homes[0]
    clean = Evidence(home.final_url, home.sha256, "not seen in this check")
    lifecycle = apply_findings(
        session,
        domain=fetch.domain,
        site_id=site_id,
        run_id=run_id,
        drafts=report.findings,
        at=at,
        scope=None,
        clean_evidence=clean,
    )
    observation = Observation(
        run_id=run_id, site_id=site_id, domain=fetch.domain, observed_at=at, regime=str(regime),
        checked=True, home_sha256=home.sha256, payload=storable(report.observation()),
    )
    session.add(observation)
    if site is not None:
        site.last_checked_at = at
    session.flush()
    return IngestOutcome(fetch.domain, True, None, report, lifecycle, observation.id)
