"""Compliance checks: pure functions of (pages, registry record, regime).

No network, no database, no Scrapy. The nightly crawl, ``monitor check`` and
the tests all call :func:`run_checks`.

Contract used by the rest of the system (keep it stable):

- ``run_checks(pages, record, regime=None, *, target=None, checked_at=None) -> SiteReport``
  ``pages`` are :class:`monitor.model.FetchedPage` of one site (home page
  first, then linked pages, then portal record pages); ``record`` is the
  registry entry or ``None``; ``regime`` defaults to the regime in force on
  ``checked_at`` (default: the home page's fetch time).
- ``SiteReport`` has ``target``, ``checked_at``, ``regime``, ``findings``
  (list of :class:`monitor.model.FindingDraft`) and ``to_json()`` returning
  the dict documented in DESIGN.md for ``monitor check --json``.
- ``make_finding(code, evidence, regime, qualifier="")`` builds a
  FindingDraft from ``config/rules.toml`` (used for SITE_UNREACHABLE and
  LOOKALIKE_DOMAIN, which are raised outside the page checks).
- ``record_links(html, base_url) -> list[str]``: absolute online.gov.vn
  record URLs a page's MOIT badge links to (the spider follows them).
- ``link_priority(url, text) -> float``: how likely a same-site link holds
  owner information or a policy (0 = not worth fetching); the spider fetches
  the best ``max_pages_per_site``.

Extensions of the contract:

- ``SiteReport.observation()`` is what the store saves of a run (the JSON
  object without ``findings``, plus the pages checked); ``SiteReport``
  also holds the typed observations (``disclosures``, ``badge``,
  ``ordering``, ``policies``), each value with the URL of its page.
- ``to_json()`` adds, inside the documented objects: ``disclosures.sources``
  (field -> URL of the page it was found on), ``disclosures.registration_kind``
  (enterprise, branch, personal_id, household, other),
  ``disclosures.contact_links`` (Zalo, Messenger ...), ``badge.unlinked_reason``,
  ``badge.found_on``, ``ordering.goods_with_prices``, and ``qualifier`` and
  ``fine`` on each finding. The top-level keys are exactly the documented ones.
- ``record_links`` returns canonical record URLs (the cookieless session
  segment dropped); a badge that links nowhere useful yields nothing.
- Pages are parsed once (:class:`monitor.checks.page.ParsedPage`) and the
  tree is shared by every family. Portal pages (``PageRole.PORTAL`` or host
  online.gov.vn) are only read as portal records, never for shop disclosures.
- ``run_checks`` never raises on page content: a family that fails on a page
  reports "not found" for it, and the failure is logged.
- Work per page is bounded: the text and links come from one pass in C over
  the tree, label hits, numbers and badge images are read at most a few
  hundred times per page (the first and last ones), and a page nested deeper
  than libxml2 reads is read again flattened rather than cut short.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TypeVar

from monitor.checks.badge import check_badge, record_links
from monitor.checks.disclosures import check_disclosures
from monitor.checks.findings import build_findings
from monitor.checks.ordering import check_ordering
from monitor.checks.page import ParsedPage
from monitor.checks.policies import check_policies, link_priority
from monitor.checks.portal import check_portal
from monitor.checks.result import (
    Badge,
    Disclosures,
    Ordering,
    PageSummary,
    Policies,
    SiteReport,
    utc_now,
)
from monitor.checks.rules import load_rules, make_finding
from monitor.domains import DomainError, normalise_host
from monitor.model import Evidence, FetchedPage, PageRole, Regime, SiteRecord, regime_for

__all__ = ["SiteReport", "link_priority", "make_finding", "record_links", "run_checks", "load_rules"]

log = logging.getLogger(__name__)
T = TypeVar("T")


def _guarded(name: str, fn: Callable[[], T], default: T) -> T:
    try:
        return fn()
    except Exception:  # noqa: BLE001 - one family must not sink a site's report
        log.exception("check family %s failed; reporting it as not found", name)
        return default


def _order(pages: list[FetchedPage]) -> list[FetchedPage]:
    """Home page first (the contract says so; be forgiving), then the rest in order."""
    homes = [p for p in pages if p.role == PageRole.HOME][:1]
    return homes + [p for p in pages if not homes or p is not homes[0]]


def _target(pages: list[FetchedPage], record: SiteRecord | None) -> str:
    if record is not None:
        return record.domain
    for p in pages:
        try:
            return normalise_host(p.final_url or p.url)
        except DomainError:
            continue
    return pages[0].url if pages else ""


def _usable(p: ParsedPage) -> bool:
    """A page the checks can judge: answered below 500, parsed, with text or links to read.

    A script-rendered shell (no text, no links) is not judged: reporting every
    disclosure as missing from it would accuse the site of what the crawler
    could not see."""
    status = p.page.status if p.page is not None else 200
    return 0 < status < 500 and p.tree is not None and (bool(p.text) or bool(p.links))


def run_checks(
    pages: Iterable[FetchedPage],
    record: SiteRecord | None,
    regime: Regime | str | None = None,
    *,
    target: str | None = None,
    checked_at: datetime | None = None,
) -> SiteReport:
    """Check one site's pages against its registry record under a legal regime."""
    fetched = _order(list(pages))
    if checked_at is None:
        checked_at = fetched[0].fetched_at if fetched else utc_now()
    regime = Regime(regime) if regime else regime_for(checked_at)
    target = target or _target(fetched, record)
    parsed = [ParsedPage(p) for p in fetched]
    site_pages = [p for p in parsed if not p.is_portal]
    usable = [p for p in site_pages if _guarded("parse", lambda p=p: _usable(p), False)]
    report = SiteReport(
        target=target,
        checked_at=checked_at,
        regime=regime,
        pages=tuple(
            PageSummary(p.url, p.final_url, p.status, p.sha256, str(p.role), p.fetched_at.isoformat())
            for p in fetched
        ),
    )
    if not usable:
        report.reachable = False
        first = fetched[0] if fetched else None
        why = (f"HTTP {first.status}, {len(first.body)} bytes, no visible text or links "
               "(error page, non-HTML body, or content rendered by scripts)") if first else "no page fetched"
        evidence = Evidence(first.final_url if first else target, first.sha256 if first else None,
                            f"no usable page: {why}")
        report.findings = [make_finding("SITE_UNREACHABLE", evidence, regime)]
        return report

    portal_records = _guarded("portal", lambda: check_portal([p for p in parsed if p.is_portal]), [])
    report.disclosures = _guarded("disclosures", lambda: check_disclosures(usable), Disclosures())
    report.badge = _guarded("badge", lambda: check_badge(usable, portal_records), Badge())
    report.ordering = _guarded("ordering", lambda: check_ordering(usable), Ordering())
    report.policies = _guarded("policies", lambda: check_policies(usable), Policies())
    report.findings = build_findings(
        regime=regime,
        record=record,
        target=target,
        disclosures=report.disclosures,
        badge=report.badge,
        ordering=report.ordering,
        policies=report.policies,
        portal_records=portal_records,
        pages=usable,
        home=usable[0],
    )
    return report
