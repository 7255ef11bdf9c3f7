"""The lookalike scan: every candidate domain against every registered brand, in the database.

Candidates are the domains linked from crawled pages and the domains of feed
files (:mod:`monitor.feeds`). Each match is stored as a
:class:`~monitor.store.models.LookalikeCandidate` with its score and the
techniques that explain it, and raises a ``LOOKALIKE_DOMAIN`` finding on the
candidate domain (one per imitated site; the finding's ``site_id`` is the
imitated site, so province filters find it with the brand's Department).

``verify`` crawls the flagged candidates with the same spider as the nightly
crawl (those not crawled in the last day) and raises the finding's severity
(``severity_confirmed`` in the rule catalogue) when the lookalike sells, shows
the brand's name, or shows a MOIT badge (most likely copied from the brand).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Callable, Iterator

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from monitor.checks import make_finding
from monitor.config import Config
from monitor.crawl import CrawlOptions, CrawlProgress, CrawlTarget, run_spider
from monitor.lookalike import Brand, Match, Matcher
from monitor.model import LOOKALIKE_CODE, Evidence, PageRole, regime_for
from monitor.store.db import Database
from monitor.store.evidence import load_body
from monitor.store.findings import OPEN, apply_findings
from monitor.store.models import CandidateDomain, Finding, LookalikeCandidate, Observation, Page, Site
from monitor.text import fold

log = logging.getLogger(__name__)

CODE = LOOKALIKE_CODE
SCOPE = frozenset({CODE})
RECENT = timedelta(days=1)  # a candidate crawled this recently is assessed without crawling again


@dataclass
class Assessment:
    """What a crawl of the lookalike showed (``None`` fields: not crawled yet)."""

    checked: bool = False
    sells: bool = False
    shows_brand: bool = False
    shows_badge: bool = False
    home_url: str | None = None
    home_sha256: str | None = None

    @property
    def confirmed(self) -> bool:
        return self.sells or self.shows_brand or self.shows_badge

    @property
    def verdict(self) -> str:
        if not self.checked:
            return "unverified"
        signs = [name for name, on in (("sells", self.sells), ("shows_brand", self.shows_brand), ("shows_badge", self.shows_badge)) if on]
        return "+".join(signs) if signs else "no_signs"


@dataclass
class ScanSummary:
    candidates: int = 0
    flagged_domains: int = 0
    pairs: int = 0
    opened: int = 0
    resolved: int = 0
    verified: int = 0
    confirmed: int = 0
    top: list[Match] = field(default_factory=list)  # best pairs first

    def __str__(self) -> str:
        text = (
            f"{self.candidates} candidate domains scanned, {self.flagged_domains} flagged "
            f"({self.pairs} pairs), {self.opened} new findings, {self.resolved} resolved"
        )
        if self.verified:
            text += f"; {self.verified} verified by crawling, {self.confirmed} confirmed (selling, brand name or badge)"
        return text


def brands_of_registry(session: Session) -> tuple[list[Brand], dict[str, Site]]:
    """One brand per registered site (its label, aliases, owner's other domains)."""
    brands, sites = [], {}
    for site in session.scalars(select(Site).order_by(Site.id)):
        try:
            brand = Brand(site.domain, aliases=tuple(site.aliases or ()), owned_domains=tuple(site.other_domains or ()))
        except Exception as exc:  # a registry domain the matcher cannot use is logged, not fatal
            log.warning("lookalike scan: registry domain %s skipped: %s", site.domain, exc)
            continue
        brands.append(brand)
        sites.setdefault(brand.domain, site)
        if site.domain == brand.domain:
            sites[brand.domain] = site
    return brands, sites


def _candidate_domains(db: Database, batch: int = 5000) -> Iterator[str]:
    last = 0
    while True:
        with db.session() as session:
            rows = session.execute(
                select(CandidateDomain.id, CandidateDomain.domain).where(CandidateDomain.id > last).order_by(CandidateDomain.id).limit(batch)
            ).all()
        if not rows:
            return
        last = rows[-1][0]
        yield from (domain for _, domain in rows)


def _evidence(match: Match, assessment: Assessment) -> Evidence:
    reasons = ", ".join(match.techniques)
    excerpt = f"{match.candidate} imitates {match.target} (score {match.score:.0f}: {reasons})"
    if assessment.checked:
        excerpt += f"; crawled: {assessment.verdict.replace('+', ', ')}"
    url = assessment.home_url or f"http://{match.candidate}/"
    return Evidence(url, assessment.home_sha256, excerpt)


def assess(session: Session, domain: str, brand: Brand, site: Site | None, since: datetime | None = None) -> Assessment:
    """What the latest successful crawl of ``domain`` showed, judged against the brand."""
    query = select(Observation).where(Observation.domain == domain, Observation.checked.is_(True))
    if since is not None:
        query = query.where(Observation.observed_at >= since)
    observation = session.scalars(query.order_by(Observation.observed_at.desc()).limit(1)).first()
    if observation is None:
        return Assessment()
    payload = observation.payload or {}
    result = Assessment(
        checked=True,
        sells=bool(payload.get("ordering", {}).get("present")),
        shows_badge=bool(payload.get("badge", {}).get("present")),
    )
    home = session.scalars(
        select(Page).where(Page.run_id == observation.run_id, Page.domain == domain, Page.role == str(PageRole.HOME)).limit(1)
    ).first()
    if home is not None:
        result.home_url, result.home_sha256 = home.final_url, home.sha256
        text = fold(load_body(session, home.sha256).decode("utf-8", "replace"))
        names = [brand.label, *brand.aliases] + ([site.owner_name] if site is not None and site.owner_name else [])
        result.shows_brand = any(len(fold(n)) >= 4 and fold(n) in text for n in names)
    return result


def scan(
    db: Database,
    config: Config,
    *,
    now: datetime | None = None,
    verify: bool = False,
    options: CrawlOptions | None = None,
    workers: int = 1,
    on_progress: Callable[[CrawlProgress, dict[str, Any]], None] | None = None,
) -> ScanSummary:
    """Match all candidate domains, store the pairs and merge the findings into their history."""
    now = now or datetime.now(UTC)
    summary = ScanSummary()
    with db.session() as session:
        brands, sites = brands_of_registry(session)
        already = set(session.scalars(select(Finding.domain).where(Finding.code == CODE, Finding.status == OPEN)))
    if not brands:
        return summary
    matcher = Matcher(brands, allow=config.lookalikes.allow, min_score=config.lookalikes.min_score)
    brand_of = {b.domain: b for b in brands}
    matches: dict[str, list[Match]] = defaultdict(list)
    for match in matcher.match_many(_counting(_candidate_domains(db), summary), workers=workers):
        matches[match.candidate].append(match)
    if verify and matches:
        _crawl_unverified(db, config, sorted(matches), now, options, on_progress)
        summary.verified = len(matches)
    regime = regime_for(now)
    with db.session() as session:
        sources = dict(session.execute(select(CandidateDomain.domain, CandidateDomain.sources)).all()) if matches else {}
        for domain in sorted(set(matches) | already):
            drafts = []
            for match in matches.get(domain, ()):
                brand, site = brand_of[match.target], sites[match.target]
                assessment = assess(session, domain, brand, site)
                summary.confirmed += int(verify and assessment.confirmed)
                draft = make_finding(CODE, _evidence(match, assessment), regime, qualifier=match.target, confirmed=assessment.confirmed)
                drafts.append((draft, site.id))
                _store_pair(session, match, site, sources.get(domain, []), assessment, now)
            site_id = drafts[0][1] if drafts else None
            result = apply_findings(
                session, domain=domain, site_id=site_id, run_id=None, drafts=[d for d, _ in drafts], at=now, scope=SCOPE,
                clean_evidence=Evidence(f"http://{domain}/", None, "no longer matches a registered brand"),
            )
            summary.opened += len(result.opened) + len(result.reopened)
            summary.resolved += len(result.resolved)
        session.execute(update(CandidateDomain).values(scanned_at=now))
    summary.flagged_domains = len(matches)
    summary.pairs = sum(len(m) for m in matches.values())
    summary.top = sorted((m for ms in matches.values() for m in ms), key=lambda m: (-m.score, m.candidate))[:50]
    return summary


def _counting(domains: Iterator[str], summary: ScanSummary) -> Iterator[str]:
    for domain in domains:
        summary.candidates += 1
        yield domain


def _store_pair(session: Session, match: Match, site: Site, sources: list[str], assessment: Assessment, now: datetime) -> None:
    pair = session.scalars(
        select(LookalikeCandidate).where(LookalikeCandidate.domain == match.candidate, LookalikeCandidate.site_id == site.id)
    ).first()
    if pair is None:
        pair = LookalikeCandidate(domain=match.candidate, site_id=site.id, first_seen_at=now)
        session.add(pair)
    pair.score = float(match.score)
    pair.techniques = list(match.techniques)
    pair.sources = list(sources)
    pair.last_seen_at = now
    if assessment.checked:
        pair.verdict = assessment.verdict
        pair.verdict_detail = {"sells": assessment.sells, "shows_brand": assessment.shows_brand, "shows_badge": assessment.shows_badge, "page": assessment.home_url, "sha256": assessment.home_sha256}
        pair.verified_at = now


def _crawl_unverified(
    db: Database,
    config: Config,
    domains: list[str],
    now: datetime,
    options: CrawlOptions | None,
    on_progress: Callable[[CrawlProgress, dict[str, Any]], None] | None,
) -> None:
    with db.session() as session:
        recent = set(
            session.scalars(
                select(Observation.domain).where(Observation.domain.in_(domains), Observation.observed_at >= now - RECENT)
            )
        )
    targets = [CrawlTarget(d, "candidate") for d in domains if d not in recent]
    if targets:
        run_spider(config, db, targets, trigger="verify", options=options, on_progress=on_progress)
