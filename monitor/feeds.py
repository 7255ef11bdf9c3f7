"""Candidate-domain feeds: one domain or URL per line (new-domain lists, CT logs, tips).

Feeds are noisy; a bad line is reported with its number and skipped, the
rest is kept. Hosts are kept whole (``shop.vn-hotro.online``): the lookalike
matcher needs the subdomain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.domains import DomainError, is_ip, normalise_host
from monitor.errors import MonitorError
from monitor.ingest import record_candidates
from monitor.store.models import CandidateDomain


class FeedError(MonitorError):
    pass


@dataclass
class Feed:
    domains: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_feed_lines(lines: list[str], name: str) -> Feed:
    feed = Feed()
    seen: set[str] = set()
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        token = text.split()[0].strip(",;")
        try:
            host = normalise_host(token)
        except DomainError as exc:
            feed.problems.append(f"{name}: line {number}: {exc}")
            continue
        if is_ip(host):
            feed.problems.append(f"{name}: line {number}: {host} is an IP address, not a domain")
            continue
        if host not in seen:
            seen.add(host)
            feed.domains.append(host)
    return feed


def read_feed(path: str | Path) -> Feed:
    source = Path(path)
    try:
        text = source.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise FeedError(f"cannot read {source}: {exc.strerror}") from exc
    return parse_feed_lines(text.splitlines(), str(source))


def store_feed(session: Session, domains: list[str], source: str, at: datetime) -> tuple[int, int]:
    """Remember feed domains as candidates; returns (new, already known)."""
    before = session.scalar(select(func.count()).select_from(CandidateDomain)) or 0
    for start in range(0, len(domains), 1000):
        record_candidates(session, set(domains[start : start + 1000]), f"feed:{source}", at)
        session.flush()
    after = session.scalar(select(func.count()).select_from(CandidateDomain)) or 0
    return after - before, len(domains) - (after - before)
