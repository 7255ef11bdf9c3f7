"""Observations + registry record -> findings (the design's table of codes).

Who is subject to what:

- a site that sells (ordering function or goods with prices) or that is in
  the registry must publish owner information and policies;
- a site that sells without an *approved* registry entry is UNREGISTERED_SITE;
- a badge is judged against the registry record and the portal record the
  badge links to (status, record id, domain);
- owner name and number are compared with the registry ignoring case,
  accents, punctuation and the usual abbreviations ("CTY", "TNHH MTV").

Each finding carries evidence: the page URL, its sha256 and an excerpt
around what was found, or around the place it was looked for (the home page
footer) when it is missing.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from monitor.checks.page import ParsedPage
from monitor.checks.result import Badge, Disclosures, Ordering, Policies, PortalRecord
from monitor.checks import rules as rule_catalogue
from monitor.checks.rules import Rules, make_finding
from monitor.domains import DomainError, registrable_domain
from monitor.identifiers import IdKind, compact, parse_registration_number
from monitor.model import Evidence, FindingDraft, Regime, RegistryStatus, SiteRecord
from monitor.text import fold

# Abbreviations in Vietnamese entity names -> their long form (folded).
NAME_ABBREVIATIONS: dict[str, str] = {
    "cty": "cong ty",
    "c.ty": "cong ty",
    "tnhh": "trach nhiem huu han",
    "cp": "co phan",
    "ctcp": "cong ty co phan",
    "mtv": "mot thanh vien",
    "1tv": "mot thanh vien",
    "tm": "thuong mai",
    "dv": "dich vu",
    "tmdv": "thuong mai dich vu",
    "tm-dv": "thuong mai dich vu",
    "sx": "san xuat",
    "xnk": "xuat nhap khau",
    "xd": "xay dung",
    "dt": "dau tu",
    "pt": "phat trien",
    "cn": "cong nghe",
    "vn": "viet nam",
    "dntn": "doanh nghiep tu nhan",
    "hkd": "ho kinh doanh",
    "jsc": "co phan",
    "ltd": "trach nhiem huu han",
    "limited": "trach nhiem huu han",
    "company": "cong ty",
    "corp": "tap doan",
    "corporation": "tap doan",
}
# Legal-form words dropped to compare the distinctive part of two names.
LEGAL_FORM_WORDS = frozenset(
    "cong ty trach nhiem huu han co phan mot thanh vien hai tro len ho kinh doanh doanh nghiep tu nhan "
    "chi nhanh joint stock".split()
)
_CO_LTD = re.compile(r"\bco\.?,?\s*,?\s*ltd\.?")
_PUNCT = re.compile(r"[^\w\s]")
_NAME_MATCH = 90  # rapidfuzz score at which two names are the same owner


def normalise_name(name: str) -> str:
    """``"CTY TNHH MTV Thời Trang ABC"`` -> ``"cong ty trach nhiem huu han mot thanh vien thoi trang abc"``."""
    folded = _CO_LTD.sub(" cong ty trach nhiem huu han ", fold(name)).replace("&", " va ")
    words = []
    for word in _PUNCT.sub(" ", folded.replace("c.ty", "cty")).split():
        words.extend(NAME_ABBREVIATIONS.get(word, word).split())
    return " ".join(words)


def _core(normalised: str) -> str:
    return " ".join(w for w in normalised.split() if w not in LEGAL_FORM_WORDS)


def same_owner(a: str, b: str) -> bool:
    """Whether two written names designate the same owner."""
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return True  # nothing to compare
    if na == nb:
        return True
    ca, cb = _core(na), _core(nb)
    if ca and ca == cb:
        return True
    if ca and cb and fuzz.ratio(ca, cb) >= _NAME_MATCH:
        return True
    return fuzz.token_sort_ratio(na, nb) >= 95


def same_number(disclosed: str, registered: str) -> bool:
    """Numbers equal ignoring format; a branch (``-002``) belongs to its head code."""
    a = compact(disclosed).replace("-", "")
    b = compact(registered).replace("-", "")
    return a == b or (len(a) == 13 and a[:10] == b) or (len(b) == 13 and b[:10] == a)


def _site_domain(target: str, record: SiteRecord | None) -> str | None:
    for candidate in ((record.domain if record else None), target):
        if candidate:
            try:
                return registrable_domain(candidate)
            except (DomainError, ValueError):
                continue
    return None


def _domain_matches(record_domain: str, site: str | None, record: SiteRecord | None) -> bool:
    try:
        theirs = registrable_domain(record_domain)
    except (DomainError, ValueError):
        return True  # unreadable: do not accuse
    allowed = {site} if site else set()
    if record is not None:
        for d in (record.domain, *record.aliases, *record.other_domains):
            try:
                allowed.add(registrable_domain(d))
            except (DomainError, ValueError):
                continue
    return not allowed or theirs in allowed


class FindingBuilder:
    """Collects findings for one site under one regime."""

    def __init__(self, regime: Regime, home: ParsedPage | None, pages: list[ParsedPage], rules: Rules | None):
        self.regime = regime
        self.home = home
        self.pages = pages
        self.rules = rules
        self.findings: list[FindingDraft] = []

    def add(self, code: str, url: str, sha256: str | None, excerpt: str, qualifier: str = "") -> None:
        evidence = Evidence(url=url, sha256=sha256, excerpt=excerpt[:500])
        if self.rules is None:  # the catalogue is looked up once per site, not per finding
            self.rules = rule_catalogue.load_rules()
        self.findings.append(make_finding(code, evidence, self.regime, qualifier, rules=self.rules))

    def missing(self, code: str, what: str, qualifier: str = "") -> None:
        """Evidence of absence: where it was looked for, with the home page's footer."""
        home = self.home
        checked = [p.url for p in self.pages if not p.is_portal]
        footer = home.text[-240:].replace("\n", " | ") if home is not None and home.text else ""
        excerpt = f"{what} not found on {len(checked)} page(s) checked"
        if footer:
            excerpt += f"; end of home page: «…{footer.strip()}»"
        self.add(code, home.url if home else "", home.sha256 if home else None, excerpt, qualifier)


def build_findings(
    *,
    regime: Regime,
    record: SiteRecord | None,
    target: str,
    disclosures: Disclosures,
    badge: Badge,
    ordering: Ordering,
    policies: Policies,
    portal_records: list[PortalRecord],
    pages: list[ParsedPage],
    home: ParsedPage | None,
    rules: Rules | None = None,
) -> list[FindingDraft]:
    b = FindingBuilder(regime, home, pages, rules)
    approved = record is not None and record.status == RegistryStatus.APPROVED
    sells = ordering.sells
    subject = record is not None or sells

    if sells and not approved:
        # without an ordering function the goods with prices are the evidence, not a presumed cart
        signal = (next((s for s in ordering.signals if s.strong), None)
                  or next((s for s in ordering.signals if s.name == "prices"), None)
                  or (ordering.signals[0] if ordering.signals else None))
        status = f"registry status: {record.status}" if record else "no registry entry"
        if signal is not None:
            b.add("UNREGISTERED_SITE", signal.url, signal.sha256, f"{signal.name}: {signal.excerpt} ({status})")
        else:
            b.missing("UNREGISTERED_SITE", f"approved registry entry ({status})")

    _badge_findings(b, badge, record, approved, portal_records, _site_domain(target, record))

    if subject:
        _disclosure_findings(b, disclosures, record)
        if sells or record is not None:
            for key in policies.missing():
                b.missing("POLICY_MISSING", f"{key} policy", qualifier=key)
    return b.findings


def _badge_findings(b: FindingBuilder, badge: Badge, record: SiteRecord | None, approved: bool,
                    portal_records: list[PortalRecord], site: str | None) -> None:
    ev = badge.evidence
    portal = badge.record
    if badge.present and ev is not None:
        portal_says_not_approved = portal is not None and portal.found and portal.status not in (None, "approved")
        if not approved or portal_says_not_approved:
            why = f"registry status: {record.status}" if record else "no registry entry"
            if portal_says_not_approved:
                why += f"; portal record status: {portal.status_text or portal.status}"
            b.add("BADGE_NOT_APPROVED", ev.url, ev.sha256, f"{ev.excerpt} ({why})")
        wrong = []
        if badge.linked and record is not None and record.record_id and badge.record_id:
            if badge.record_id.strip().lower() != record.record_id.strip().lower():
                wrong.append(f"badge record {badge.record_id} ≠ registry record {record.record_id}")
        if portal is not None and portal.found and portal.domain and not _domain_matches(portal.domain, site, record):
            wrong.append(f"portal record {portal.record_id} is for {portal.domain}, not {site}")
        if wrong:
            b.add("BADGE_WRONG_RECORD", ev.url, ev.sha256, f"{'; '.join(wrong)} — {ev.excerpt}")
        if not badge.linked:
            b.add("BADGE_UNLINKED", ev.url, ev.sha256, f"{badge.unlinked_reason}: {ev.excerpt}")
        elif portal is not None and not portal.found:
            b.add("BADGE_UNLINKED", ev.url, ev.sha256,
                  f"the portal has no record {badge.record_id} ({portal.url}): {ev.excerpt}")
    elif approved:
        b.missing("BADGE_MISSING", "MOIT badge")


def _disclosure_findings(b: FindingBuilder, d: Disclosures, record: SiteRecord | None) -> None:
    if d.owner_name is None:
        b.missing("OWNER_NAME_MISSING", "owner name")
    if d.address is None:
        b.missing("OWNER_ADDRESS_MISSING", "owner address")
    if d.registration_number is None:
        b.missing("REG_NUMBER_MISSING", "registration number / tax code")
    if not d.phones and not d.emails and not d.contact_links:
        b.missing("CONTACT_MISSING", "phone number, e-mail or online contact link")
    reg = d.registration_number
    if reg is not None and d.registration_number_valid is False and d.registration_kind in (
        str(IdKind.ENTERPRISE), str(IdKind.BRANCH)
    ):
        b.add("REG_NUMBER_INVALID", reg.url, reg.sha256, f"{reg.value} fails the check digit: {reg.excerpt}")
    if record is None:
        return
    problems = []
    evidence = None
    if d.owner_name is not None and record.owner_name:
        names = (record.owner_name, *record.aliases)
        if not any(same_owner(d.owner_name.value, n) for n in names):
            problems.append(f"site names «{d.owner_name.value}», registry «{record.owner_name}»")
            evidence = d.owner_name
    if reg is not None and record.tax_code and d.registration_kind in (
        str(IdKind.ENTERPRISE), str(IdKind.BRANCH), str(IdKind.PERSONAL_ID), str(IdKind.HOUSEHOLD)
    ) and not d.old_certificate:
        registered = parse_registration_number(record.tax_code)
        comparable = registered.kind != IdKind.OTHER
        if comparable and not same_number(reg.value, record.tax_code):
            problems.append(f"site number {reg.value}, registry {registered.normalised}")
            evidence = evidence or reg
    if problems and evidence is not None:
        b.add("OWNER_MISMATCH", evidence.url, evidence.sha256, f"{'; '.join(problems)} — {evidence.excerpt}")
