"""What the checks observed, as typed values (no dicts of dicts between rooms).

Every value a check found carries the URL of the page it was found on, that
page's sha256 and a short excerpt around it, so an inspector can show where
the site said it. :meth:`SiteReport.to_json` is the ``monitor check --json``
object of DESIGN.md; :meth:`SiteReport.observation` is what the store keeps
of a run (the same object without the findings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from monitor.model import FindingDraft, Regime

POLICY_KEYS: tuple[str, ...] = ("terms", "returns", "shipping", "payment", "privacy", "complaints", "inspection")


@dataclass(frozen=True)
class Found:
    """A value read from a page: the value, the page URL, its sha256, an excerpt."""

    value: str
    url: str
    excerpt: str
    sha256: str | None = None


@dataclass(frozen=True)
class Disclosures:
    """Owner information the site publishes (Decree 52 Art. 29)."""

    owner_name: Found | None = None
    registration_number: Found | None = None  # normalised: "0312225168", "0312225168-002", "41H8184114"
    registration_kind: str | None = None  # monitor.identifiers.IdKind value
    registration_label: str | None = None  # what the label called it: code, certificate, household, personal, decision
    registration_number_valid: bool | None = None  # None: no public check digit (or old certificate)
    old_certificate: bool = False  # a pre-2010 certificate number, not a tax code
    issuer: Found | None = None
    issue_date: Found | None = None  # ISO date
    address: Found | None = None
    province: str | None = None  # one of the 34 units
    phones: tuple[Found, ...] = ()
    emails: tuple[Found, ...] = ()
    contact_links: tuple[Found, ...] = ()  # Zalo, Messenger ...: "another online contact method" (Art. 29)
    pages_checked: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        def value(found: Found | None) -> str | None:
            return found.value if found else None

        sources: dict[str, str] = {}
        for name in ("owner_name", "registration_number", "issuer", "issue_date", "address"):
            found = getattr(self, name)
            if found:
                sources[name] = found.url
        if self.phones:
            sources["phones"] = self.phones[0].url
        if self.emails:
            sources["emails"] = self.emails[0].url
        return {
            "owner_name": value(self.owner_name),
            "registration_number": value(self.registration_number),
            "registration_number_valid": self.registration_number_valid,
            "registration_kind": self.registration_kind,
            "issuer": value(self.issuer),
            "issue_date": value(self.issue_date),
            "address": value(self.address),
            "province": self.province,
            "phones": [p.value for p in self.phones],
            "emails": [e.value for e in self.emails],
            "contact_links": [c.value for c in self.contact_links],
            "sources": sources,
        }


@dataclass(frozen=True)
class PortalRecord:
    """An online.gov.vn record page, read by label (old and new portal layouts)."""

    url: str
    sha256: str | None
    record_id: str | None
    found: bool  # False: the portal answered "page not found" or no record fields
    domain: str | None = None
    owner_name: str | None = None
    tax_code: str | None = None
    address: str | None = None
    status: str | None = None  # monitor.model.RegistryStatus value, None if not stated
    status_text: str | None = None
    kind: str | None = None  # notified | registered
    excerpt: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "record_id": self.record_id,
            "found": self.found,
            "domain": self.domain,
            "owner_name": self.owner_name,
            "tax_code": self.tax_code,
            "address": self.address,
            "status": self.status,
            "status_text": self.status_text,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class BadgeSighting:
    """One place a page shows (or claims) the MOIT badge."""

    source: str  # image | link | text | script
    url: str  # the page
    sha256: str | None
    excerpt: str
    kind: str | None = None  # notified | registered | None (cannot tell)
    link: str | None = None  # absolute link target as written
    link_state: str = "none"  # record | none | dead | portal_root | placeholder | wrong_host | not_record
    record_id: str | None = None
    record_form: str | None = None  # WebDetails | AppDetails | DocId | nen-tang

    @property
    def linked(self) -> bool:
        return self.link_state == "record"


@dataclass(frozen=True)
class Badge:
    present: bool = False
    kind: str | None = None
    record_id: str | None = None
    link: str | None = None
    linked: bool = False
    record: PortalRecord | None = None
    unlinked_reason: str | None = None
    sightings: tuple[BadgeSighting, ...] = ()

    @property
    def evidence(self) -> BadgeSighting | None:
        for s in self.sightings:
            if s.linked:
                return s
        return self.sightings[0] if self.sightings else None

    def to_json(self) -> dict[str, Any]:
        first = self.evidence
        return {
            "present": self.present,
            "kind": self.kind,
            "record_id": self.record_id,
            "link": self.link,
            "linked": self.linked,
            "record": self.record.to_json() if self.record else None,
            "unlinked_reason": self.unlinked_reason,
            "found_on": first.url if first else None,
        }


@dataclass(frozen=True)
class Signal:
    """One sign of online ordering (or of goods offered with prices)."""

    name: str
    url: str
    excerpt: str
    strong: bool = True
    sha256: str | None = None


@dataclass(frozen=True)
class Ordering:
    present: bool = False  # an online ordering function
    goods_with_prices: bool = False  # goods offered with prices (weaker: a sales site)
    signals: tuple[Signal, ...] = ()

    @property
    def sells(self) -> bool:
        return self.present or self.goods_with_prices

    def to_json(self) -> dict[str, Any]:
        names: list[str] = []
        for s in self.signals:
            if s.name not in names:
                names.append(s.name)
        return {"present": self.present, "goods_with_prices": self.goods_with_prices, "signals": names}


@dataclass(frozen=True)
class Policies:
    found: dict[str, Found] = field(default_factory=dict)

    def get(self, key: str) -> Found | None:
        return self.found.get(key)

    def missing(self) -> list[str]:
        return [k for k in POLICY_KEYS if k not in self.found]

    def to_json(self) -> dict[str, str | None]:
        return {k: (self.found[k].value if k in self.found else None) for k in POLICY_KEYS}


@dataclass(frozen=True)
class PageSummary:
    url: str
    final_url: str
    status: int
    sha256: str
    role: str
    fetched_at: str


@dataclass
class SiteReport:
    target: str
    checked_at: datetime
    regime: Regime
    disclosures: Disclosures = field(default_factory=Disclosures)
    badge: Badge = field(default_factory=Badge)
    ordering: Ordering = field(default_factory=Ordering)
    policies: Policies = field(default_factory=Policies)
    findings: list[FindingDraft] = field(default_factory=list)
    pages: tuple[PageSummary, ...] = ()
    reachable: bool = True

    def observation(self) -> dict[str, Any]:
        """What the store saves for the run: everything observed, no judgement."""
        data = self.to_json()
        data.pop("findings", None)
        data["pages"] = [p.__dict__ for p in self.pages]
        return data

    def to_json(self) -> dict[str, Any]:
        checked = self.checked_at
        if checked.tzinfo is None:
            checked = checked.replace(tzinfo=UTC)
        return {
            "target": self.target,
            "checked_at": checked.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "regime": str(self.regime),
            "disclosures": self.disclosures.to_json(),
            "badge": self.badge.to_json(),
            "ordering": self.ordering.to_json(),
            "policies": self.policies.to_json(),
            "findings": [finding_to_json(f) for f in self.findings],
        }


def finding_to_json(f: FindingDraft) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity,
        "title_vi": f.title_vi,
        "title_en": f.title_en,
        "legal_basis": f.legal_basis,
        "evidence": {"url": f.evidence.url, "sha256": f.evidence.sha256, "excerpt": f.evidence.excerpt},
        "qualifier": f.qualifier,
        "fine": f.fine,
    }


def utc_now() -> datetime:
    return datetime.now(UTC)
