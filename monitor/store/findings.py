"""The findings lifecycle: a violation seen again stays one finding with a history.

Keyed by (domain, code, qualifier). Seen again: ``last_seen_at`` moves and a
``seen`` event keeps the evidence of that night. Not seen in a later
successful check: resolved, with the clean page as evidence. Seen after being
resolved: reopened. Dismissed by an inspector: stays dismissed while the same
evidence repeats; new evidence reopens it. A check that could not run
resolves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.errors import MonitorError
from monitor.model import LOOKALIKE_CODE, Evidence, FindingDraft
from monitor.store.clean import storable
from monitor.store.models import Finding, FindingEvent

OPEN, RESOLVED, DISMISSED = "open", "resolved", "dismissed"
STATUSES = (OPEN, RESOLVED, DISMISSED)

# Codes raised by looking at a site's own pages; a successful site check is
# responsible for all of them (and for SITE_UNREACHABLE, which it disproves).
LOOKALIKE_CODES = frozenset({LOOKALIKE_CODE})


class FindingNotFound(MonitorError):
    pass


@dataclass
class LifecycleResult:
    """What one evaluation changed; ``alertable`` are the events inspectors hear about."""

    opened: list[Finding] = field(default_factory=list)
    reopened: list[Finding] = field(default_factory=list)
    seen: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)
    alertable: list[FindingEvent] = field(default_factory=list)


def _event(finding: Finding, kind: str, at: datetime, run_id: int | None, evidence: Evidence | None, note: str | None = None) -> FindingEvent:
    event = FindingEvent(
        kind=kind,
        at=at,
        run_id=run_id,
        url=storable(evidence.url) if evidence else None,
        sha256=evidence.sha256 if evidence else None,
        excerpt=storable(evidence.excerpt) if evidence else None,
        note=note,
    )
    finding.events.append(event)
    return event


def _refresh(finding: Finding, draft: FindingDraft, at: datetime, run_id: int | None) -> None:
    finding.last_seen_at = at
    finding.last_run_id = run_id
    finding.severity = draft.severity
    finding.regime = str(draft.regime)
    finding.title_vi, finding.title_en = draft.title_vi, draft.title_en
    finding.legal_basis, finding.fine = draft.legal_basis, draft.fine
    finding.evidence_url = storable(draft.evidence.url)
    finding.evidence_sha256 = draft.evidence.sha256
    finding.evidence_excerpt = storable(draft.evidence.excerpt)


def _dismissed_evidence(finding: Finding) -> str | None:
    for event in reversed(finding.events):
        if event.kind == "dismissed":
            return event.excerpt
    return None


def apply_findings(
    session: Session,
    *,
    domain: str,
    site_id: int | None,
    run_id: int | None,
    drafts: Sequence[FindingDraft],
    at: datetime,
    scope: Iterable[str] | None,
    clean_evidence: Evidence | None = None,
) -> LifecycleResult:
    """Merge one evaluation of ``domain`` into its findings.

    ``scope`` is the set of codes this evaluation is responsible for: open
    findings with a code in scope that were not raised again are resolved.
    ``None`` means every code except the lookalike scan's. Pass an empty
    scope when the site could not be checked.
    """
    result = LifecycleResult()
    existing = {
        (f.code, f.qualifier): f
        for f in session.scalars(select(Finding).where(Finding.domain == domain))
    }
    raised = set()
    for draft in drafts:
        raised.add(draft.key)
        finding = existing.get(draft.key)
        if finding is None:
            finding = Finding(
                domain=domain,
                site_id=site_id,
                code=draft.code,
                qualifier=draft.qualifier,
                status=OPEN,
                first_seen_at=at,
                times_reopened=0,
            )
            _refresh(finding, draft, at, run_id)
            session.add(finding)
            existing[draft.key] = finding
            result.opened.append(finding)
            result.alertable.append(_event(finding, "opened", at, run_id, draft.evidence))
            continue
        finding.site_id = site_id if site_id is not None else finding.site_id
        if finding.status == RESOLVED or (
            finding.status == DISMISSED and _dismissed_evidence(finding) != storable(draft.evidence.excerpt)
        ):
            note = "new evidence after dismissal" if finding.status == DISMISSED else None
            finding.status = OPEN
            finding.resolved_at = None
            finding.dismissed_at = None
            finding.times_reopened = (finding.times_reopened or 0) + 1
            _refresh(finding, draft, at, run_id)
            result.reopened.append(finding)
            result.alertable.append(_event(finding, "reopened", at, run_id, draft.evidence, note))
            continue
        _refresh(finding, draft, at, run_id)
        result.seen.append(finding)
        _event(finding, "seen", at, run_id, draft.evidence)
    for key, finding in existing.items():
        if key in raised or finding.status != OPEN:
            continue
        in_scope = finding.code not in LOOKALIKE_CODES if scope is None else finding.code in set(scope)
        if not in_scope:
            continue
        finding.status = RESOLVED
        finding.resolved_at = at
        finding.last_run_id = run_id
        result.resolved.append(finding)
        _event(finding, "resolved", at, run_id, clean_evidence)
    session.flush()
    return result


def dismiss(session: Session, finding_id: int, reason: str, at: datetime) -> Finding:
    finding = session.get(Finding, finding_id)
    if finding is None:
        raise FindingNotFound(f"no finding with id {finding_id}")
    if not reason.strip():
        raise MonitorError("a dismissal needs a reason (--reason)")
    finding.status = DISMISSED
    finding.dismissed_at = at
    finding.dismiss_reason = reason.strip()
    _event(
        finding,
        "dismissed",
        at,
        None,
        Evidence(finding.evidence_url, finding.evidence_sha256, finding.evidence_excerpt),
        reason.strip(),
    )
    session.flush()
    return finding
