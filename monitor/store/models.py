"""SQLAlchemy 2 typed models: the evidence an inspector relies on.

Timestamps are timezone-aware UTC everywhere (:class:`UTCDateTime` restores
the zone SQLite forgets). Page bodies live once per sha256 in ``page_bodies``,
compressed, so a page that did not change costs one row of metadata a night.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, Optional

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONType = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A DateTime that is always stored as UTC and always read back tz-aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Optional[datetime], dialect: Any) -> Optional[datetime]:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Optional[datetime], dialect: Any) -> Optional[datetime]:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Site(Base):
    """A registry entry: a website that notified or registered with MOIT (or tried to)."""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    domain: Mapped[str] = mapped_column(String(253), unique=True)
    registrable_domain: Mapped[str] = mapped_column(String(253), index=True)
    owner_name: Mapped[Optional[str]] = mapped_column(Text)
    tax_code: Mapped[Optional[str]] = mapped_column(String(32))
    address: Mapped[Optional[str]] = mapped_column(Text)
    province: Mapped[Optional[str]] = mapped_column(String(64), index=True)
    phone: Mapped[Optional[str]] = mapped_column(String(64))
    email: Mapped[Optional[str]] = mapped_column(String(254))
    record_id: Mapped[Optional[str]] = mapped_column(String(64))
    record_kind: Mapped[Optional[str]] = mapped_column(String(8))
    registration_kind: Mapped[Optional[str]] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    notified_date: Mapped[Optional[date]] = mapped_column(Date)
    aliases: Mapped[list[str]] = mapped_column(JSONType, default=list)
    other_domains: Mapped[list[str]] = mapped_column(JSONType, default=list)
    source: Mapped[Optional[str]] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    last_checked_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)


class CrawlRun(Base):
    """One crawl or check: when, why, with which settings and tool version, and how it went."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    trigger: Mapped[str] = mapped_column(String(16))  # schedule, manual, check, demo, verify
    config: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    tool_version: Mapped[str] = mapped_column(String(32))
    counts: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    outcome: Mapped[str] = mapped_column(String(16), default="running")
    error: Mapped[Optional[str]] = mapped_column(Text)


class PageBody(Base):
    """A response body, stored once per content hash, zlib-compressed."""

    __tablename__ = "page_bodies"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    compression: Mapped[str] = mapped_column(String(8), default="zlib")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Page(Base):
    """One fetch: what was asked, where it ended, when, and the hash of what came back."""

    __tablename__ = "pages"
    __table_args__ = (Index("ix_pages_domain_fetched", "domain", "fetched_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[Optional[int]] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"), index=True)
    domain: Mapped[str] = mapped_column(String(253))
    role: Mapped[str] = mapped_column(String(8))
    requested_url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str] = mapped_column(Text)
    redirect_chain: Mapped[list[str]] = mapped_column(JSONType, default=list)
    status: Mapped[int] = mapped_column(Integer)
    headers: Mapped[dict[str, str]] = mapped_column(JSONType, default=dict)
    encoding: Mapped[Optional[str]] = mapped_column(String(32))
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sha256: Mapped[str] = mapped_column(ForeignKey("page_bodies.sha256"), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    outbound_domains: Mapped[list[str]] = mapped_column(JSONType, default=list)

    body: Mapped[PageBody] = relationship(lazy="select")


class Observation(Base):
    """What the checks read off one site in one run (or why the site could not be read)."""

    __tablename__ = "observations"
    __table_args__ = (Index("ix_observations_domain_observed", "domain", "observed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[Optional[int]] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"), index=True)
    domain: Mapped[str] = mapped_column(String(253))
    observed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    regime: Mapped[str] = mapped_column(String(16))
    checked: Mapped[bool] = mapped_column(default=True)  # False: unreachable, nothing judged
    error: Mapped[Optional[str]] = mapped_column(Text)
    home_sha256: Mapped[Optional[str]] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)


class Finding(Base):
    """A violation with a history: first seen, last seen, resolved, reopened, dismissed."""

    __tablename__ = "findings"
    __table_args__ = (UniqueConstraint("domain", "code", "qualifier", name="uq_findings_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[Optional[int]] = mapped_column(ForeignKey("sites.id", ondelete="SET NULL"), index=True)
    domain: Mapped[str] = mapped_column(String(253), index=True)
    code: Mapped[str] = mapped_column(String(32), index=True)
    qualifier: Mapped[str] = mapped_column(String(64), default="")
    severity: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    regime: Mapped[str] = mapped_column(String(16))
    title_vi: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str] = mapped_column(Text)
    fine: Mapped[str] = mapped_column(Text, default="")
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    dismissed_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    dismiss_reason: Mapped[Optional[str]] = mapped_column(Text)
    times_reopened: Mapped[int] = mapped_column(Integer, default=0)
    evidence_url: Mapped[str] = mapped_column(Text)
    evidence_sha256: Mapped[Optional[str]] = mapped_column(String(64))
    evidence_excerpt: Mapped[str] = mapped_column(Text, default="")
    last_run_id: Mapped[Optional[int]] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))

    events: Mapped[list[FindingEvent]] = relationship(
        back_populates="finding", order_by="FindingEvent.at", cascade="all, delete-orphan"
    )


class FindingEvent(Base):
    """One step of a finding's history, with the evidence seen at that moment."""

    __tablename__ = "finding_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), index=True)
    run_id: Mapped[Optional[int]] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # opened, seen, resolved, reopened, dismissed
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    url: Mapped[Optional[str]] = mapped_column(Text)
    sha256: Mapped[Optional[str]] = mapped_column(String(64))
    excerpt: Mapped[Optional[str]] = mapped_column(Text)
    note: Mapped[Optional[str]] = mapped_column(Text)

    finding: Mapped[Finding] = relationship(back_populates="events")


class Alert(Base):
    """One delivery attempt record of one finding event to one channel."""

    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("event_id", "channel", name="uq_alerts_event_channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("finding_events.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(128))  # masked channel identity, no secrets
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(16), default="pending")  # pending, sent, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[Optional[str]] = mapped_column(Text)


class CandidateDomain(Base):
    """A domain seen somewhere (crawled link, feed file) that may imitate a registered shop."""

    __tablename__ = "candidate_domains"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    domain: Mapped[str] = mapped_column(String(253), unique=True)
    sources: Mapped[list[str]] = mapped_column(JSONType, default=list)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    scanned_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)  # last lookalike match
    crawled_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)  # last crawl of the domain


class LookalikeCandidate(Base):
    """A candidate domain matched to the registered site it imitates, with the reasons."""

    __tablename__ = "lookalike_candidates"
    __table_args__ = (UniqueConstraint("domain", "site_id", name="uq_lookalike_candidates_pair"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    domain: Mapped[str] = mapped_column(String(253), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(Float)
    techniques: Mapped[list[str]] = mapped_column(JSONType, default=list)
    sources: Mapped[list[str]] = mapped_column(JSONType, default=list)
    verdict: Mapped[str] = mapped_column(String(32), default="unverified")
    verdict_detail: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    verified_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)

    site: Mapped[Site] = relationship()


# --- Scheduler state (used by monitor/scheduler.py) --------------------------


class ScheduledJob(Base):
    """What the scheduler service remembers of a job, so a run missed while it was down runs late.

    ``last_fire_time`` is the schedule slot (e.g. tonight 01:30) that the last
    completed run served; a slot after it that is still within the grace period
    when the service starts is run once, late. ``first_seen_at`` bounds that
    look-back for a job the service has never run.
    """

    __tablename__ = "scheduled_jobs"

    job_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_fire_time: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    last_started_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    last_finished_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    last_outcome: Mapped[Optional[str]] = mapped_column(String(16))  # running, succeeded, failed, interrupted, skipped
    last_error: Mapped[Optional[str]] = mapped_column(Text)
