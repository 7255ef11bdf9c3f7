"""Registry rows in the database: upsert from a registry file, read back as SiteRecord."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.model import RecordKind, RegistrationKind, RegistryStatus, SiteRecord
from monitor.registry import COLUMNS, RegistryRow
from monitor.store.models import Site

# Registry columns stored as they are; the domain is the key and the lists are JSON.
_FIELDS = tuple(c for c in COLUMNS if c not in ("domain", "aliases", "other_domains"))


@dataclass(frozen=True)
class ImportCounts:
    added: int
    updated: int
    unchanged: int


def _values(row: RegistryRow) -> dict[str, object]:
    record = row.record
    values: dict[str, object] = {name: getattr(record, name) for name in _FIELDS}
    for name in ("status", "record_kind", "registration_kind"):
        if values[name] is not None:
            values[name] = str(values[name])
    values["aliases"] = list(record.aliases)
    values["other_domains"] = list(record.other_domains)
    values["registrable_domain"] = row.registrable_domain
    return values


def upsert_sites(session: Session, rows: Sequence[RegistryRow], source: str) -> ImportCounts:
    """Insert new domains, update changed ones, and count what did not change."""
    existing = {
        site.domain: site
        for site in session.scalars(select(Site).where(Site.domain.in_([r.record.domain for r in rows])))
    }
    added = updated = unchanged = 0
    for row in rows:
        values = _values(row)
        site = existing.get(row.record.domain)
        if site is None:
            session.add(Site(domain=row.record.domain, source=source, **values))
            added += 1
            continue
        changed = {k: v for k, v in values.items() if getattr(site, k) != v}
        if not changed:
            unchanged += 1
            continue
        for key, value in changed.items():
            setattr(site, key, value)
        site.source = source
        updated += 1
    session.flush()
    return ImportCounts(added, updated, unchanged)


def site_record(site: Site) -> SiteRecord:
    return SiteRecord(
        domain=site.domain,
        status=RegistryStatus(site.status),
        owner_name=site.owner_name,
        tax_code=site.tax_code,
        address=site.address,
        province=site.province,
        phone=site.phone,
        email=site.email,
        record_id=site.record_id,
        record_kind=RecordKind(site.record_kind) if site.record_kind else None,
        registration_kind=RegistrationKind(site.registration_kind) if site.registration_kind else None,
        notified_date=site.notified_date,
        aliases=tuple(site.aliases or ()),
        other_domains=tuple(site.other_domains or ()),
    )


def find_sites(
    session: Session,
    domains: Iterable[str] | None = None,
    status: str | None = None,
    province: str | None = None,
    limit: int | None = None,
) -> list[Site]:
    query = select(Site).order_by(Site.domain)
    if domains is not None:
        query = query.where(Site.domain.in_(list(domains)))
    if status:
        query = query.where(Site.status == status)
    if province:
        query = query.where(Site.province == province)
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def site_for_host(session: Session, host: str) -> Site | None:
    """The registry entry whose domain is ``host`` or a parent of it."""
    labels = host.split(".")
    candidates = [".".join(labels[i:]) for i in range(len(labels) - 1)]
    sites = {s.domain: s for s in session.scalars(select(Site).where(Site.domain.in_(candidates)))}
    for candidate in candidates:
        if candidate in sites:
            return sites[candidate]
    return None
