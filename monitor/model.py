"""Typed values that cross room borders: pages, registry records, findings.

Nothing here touches the network, the database or Scrapy. The crawler turns
responses into :class:`FetchedPage`; the store turns ``Site`` rows into
:class:`SiteRecord`; the checks turn both into :class:`FindingDraft` values.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cached_property
from typing import Mapping
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class Regime(StrEnum):
    """The legal regime evidence is judged under (vn-rules §0)."""

    DECREE_52 = "decree52"  # Decree 52/2013 + 85/2021, penalties in Decree 98/2020
    LAW_122 = "law122"  # Law on E-commerce 122/2025/QH15, in force from 2026-07-01


LAW_122_EFFECTIVE = date(2026, 7, 1)

# The stable violation codes of DESIGN.md, in the order reports list them.
# Titles, severities and citations per code live in config/rules.toml.
CODES: tuple[str, ...] = (
    "UNREGISTERED_SITE", "BADGE_NOT_APPROVED", "BADGE_WRONG_RECORD", "BADGE_UNLINKED", "BADGE_MISSING",
    "OWNER_NAME_MISSING", "OWNER_ADDRESS_MISSING", "REG_NUMBER_MISSING", "CONTACT_MISSING",
    "REG_NUMBER_INVALID", "OWNER_MISMATCH", "POLICY_MISSING", "LOOKALIKE_DOMAIN", "SITE_UNREACHABLE",
)
LOOKALIKE_CODE = "LOOKALIKE_DOMAIN"  # raised by the lookalike scan, keyed by candidate domain
UNREACHABLE_CODE = "SITE_UNREACHABLE"  # not a violation: the site could not be checked


def regime_for(moment: datetime | date) -> Regime:
    """The regime in force on the (Vietnamese calendar) day of ``moment``."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        day = moment.astimezone(VN_TZ).date()
    else:
        day = moment
    return Regime.LAW_122 if day >= LAW_122_EFFECTIVE else Regime.DECREE_52


class RegistryStatus(StrEnum):
    APPROVED = "approved"
    PENDING = "pending"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class RegistrationKind(StrEnum):
    NOTIFIED = "notified"  # website TMĐT bán hàng: "Đã thông báo" (blue badge)
    REGISTERED = "registered"  # service platform: "Đã đăng ký" (red badge)


class RecordKind(StrEnum):
    WEB = "web"
    APP = "app"


class PageRole(StrEnum):
    HOME = "home"  # the site's home page (after redirects)
    LINKED = "linked"  # a same-site page chosen for owner info or policies
    PORTAL = "portal"  # an online.gov.vn record page reached from the badge
    SAVED = "saved"  # a file an inspector saved and checks offline


@dataclass(frozen=True)
class SiteRecord:
    """A registry row as the checks see it."""

    domain: str
    status: RegistryStatus
    owner_name: str | None = None
    tax_code: str | None = None
    address: str | None = None
    province: str | None = None
    phone: str | None = None
    email: str | None = None
    record_id: str | None = None
    record_kind: RecordKind | None = None
    registration_kind: RegistrationKind | None = None
    notified_date: date | None = None
    aliases: tuple[str, ...] = ()
    other_domains: tuple[str, ...] = ()


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.I)


@dataclass(frozen=True)
class FetchedPage:
    """One fetched (or saved) page with what an inspector needs to date and prove it."""

    url: str  # requested URL
    final_url: str  # URL after redirects
    status: int
    body: bytes
    fetched_at: datetime  # timezone-aware, UTC
    role: PageRole = PageRole.HOME
    headers: Mapping[str, str] = field(default_factory=dict)  # selected, lower-case names
    redirects: tuple[str, ...] = ()  # every URL before final_url, in order
    encoding: str | None = None  # charset declared by the server, if any

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    @cached_property
    def text(self) -> str:
        """The body as text.

        A body that is valid UTF-8 is read as UTF-8 whatever it declares
        (pages that say ``iso-8859-1`` but are UTF-8 are common, and other
        Vietnamese encodings almost never form valid UTF-8). Otherwise the
        server's charset, then ``<meta charset>``, then Windows-1258.
        """
        body = self.body
        if body.startswith(b"\xef\xbb\xbf"):
            body = body[3:]
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        meta = _META_CHARSET.search(body[:4096])
        declared = [self.encoding, meta.group(1).decode("ascii", "ignore") if meta else None]
        for name in declared:
            if not name:
                continue
            try:
                return body.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
        return body.decode("cp1258", errors="replace")


@dataclass(frozen=True)
class Evidence:
    """Where a finding was seen (or where something was looked for and missing)."""

    url: str
    sha256: str | None
    excerpt: str


@dataclass(frozen=True)
class FindingDraft:
    """A violation as the checks report it, before the store gives it a history.

    ``qualifier`` separates findings that share a code on one site, e.g. the
    policy name for ``POLICY_MISSING``; it is ``""`` otherwise.
    """

    code: str
    severity: str
    title_vi: str
    title_en: str
    legal_basis: str
    evidence: Evidence
    regime: Regime
    qualifier: str = ""
    fine: str = ""  # fine range under the regime, e.g. "1–5 triệu đồng (cá nhân)"

    @property
    def key(self) -> tuple[str, str]:
        return (self.code, self.qualifier)


@dataclass(frozen=True)
class CrawledPage:
    """A page as the crawler hands it over, with the other domains it links to."""

    page: FetchedPage
    outbound_domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class SiteFetch:
    """Everything the crawler fetched for one site in one run.

    ``failure`` is set when the home page could not be fetched (the reason an
    inspector reads: DNS failure, refused, timeout, HTTP 503, redirect loop,
    body over the limit, blocked private address); then nothing is judged.
    """

    domain: str
    kind: str  # "registry" or "candidate"
    pages: tuple[CrawledPage, ...] = ()
    failure: str | None = None
    failure_url: str | None = None
    errors: tuple[str, ...] = ()  # failures of non-home pages, for the log

    @property
    def checked(self) -> bool:
        return self.failure is None and any(p.page.role == PageRole.HOME for p in self.pages)
