"""Registered brands as the matcher sees them, and the files they come from.

A :class:`Brand` is one registry row: the registered domain, the names it is
known by (aliases such as a bank's short name ``VCB``), and the other
domains its owner uses, which are never flagged.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from monitor.domains import DomainError, normalise_host, registrable_domain, split_domain
from monitor.errors import MonitorError


class LookalikeInputError(MonitorError):
    """A brands, candidates or allow-list file that cannot be read."""


@dataclass(frozen=True)
class Brand:
    """One registered shop: its domain, label, aliases and the owner's other domains."""

    domain: str  # registrable domain, normalised (Unicode, lower case)
    label: str = ""  # the registrable label (`shopee` for `shopee.vn`); derived when empty
    aliases: tuple[str, ...] = ()
    owned_domains: tuple[str, ...] = ()
    suffix: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        domain = registrable_domain(self.domain)
        _, label, suffix = split_domain(domain)
        object.__setattr__(self, "domain", domain)
        object.__setattr__(self, "label", self.label or label)
        object.__setattr__(self, "suffix", suffix)
        object.__setattr__(self, "aliases", tuple(a.strip() for a in self.aliases if a.strip()))
        object.__setattr__(self, "owned_domains", tuple(normalise_host(d) for d in self.owned_domains if d.strip()))


def _split_list(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def read_brands_csv(path: str | Path) -> list[Brand]:
    """Brands from a CSV with header ``domain,aliases`` (aliases ``;``-separated).

    An optional ``owned_domains`` column (or ``other_domains``, as in the
    registry export) lists the owner's other domains (``;``-separated). Raises :class:`LookalikeInputError` naming the file and
    line of anything unreadable.
    """
    path = Path(path)
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise LookalikeInputError(f"cannot read brands file {path}: {exc.strerror}") from exc
    with handle:
        reader = csv.DictReader(handle)
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        if "domain" not in fields:
            raise LookalikeInputError(f"{path}: expected a CSV header 'domain,aliases', got {','.join(fields) or 'nothing'}")
        reader.fieldnames = fields
        brands = []
        for row in reader:
            domain = (row.get("domain") or "").strip()
            if not domain or domain.startswith("#"):
                continue
            try:
                owned = row.get("owned_domains") or row.get("other_domains")
                brands.append(Brand(domain, aliases=_split_list(row.get("aliases")), owned_domains=_split_list(owned)))
            except DomainError as exc:
                raise LookalikeInputError(f"{path}, line {reader.line_num}: {exc}") from exc
    return brands


def iter_domain_lines(path: str | Path) -> Iterator[str]:
    """Non-blank, non-comment lines of a one-domain-or-URL-per-line file, streamed.

    The file is opened at once (so a missing file is reported before any
    work), then read lazily.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        raise LookalikeInputError(f"cannot read {path}: {exc.strerror}") from exc
    return _lines(handle)


def _lines(handle) -> Iterator[str]:
    with handle:
        for line in handle:
            text = line.strip()
            if text and not text.startswith("#"):
                yield text


def read_allow_list(path: str | Path) -> list[str]:
    return list(iter_domain_lines(path))


def brands_from_rows(rows: Iterable[tuple[str, Iterable[str], Iterable[str]]]) -> list[Brand]:
    """Brands from ``(domain, aliases, owned_domains)`` tuples (for the registry)."""
    return [Brand(domain, aliases=tuple(aliases), owned_domains=tuple(owned)) for domain, aliases, owned in rows]
