"""Alerts: tell inspectors about new and reopened findings, once per channel.

Alerts are sent from stored findings, never from a crawl in flight: every
``opened`` or ``reopened`` :class:`FindingEvent` is owed to every configured
channel until an :class:`Alert` row says it was ``sent`` there. A failed
delivery stays owed and is retried the next time alerts are sent (after the
next crawl or check, or by the scheduler's daily digest); a delivered one is
never sent again; a finding merely seen again creates no event, so sends
nothing.

Which events are owed (one rule each, documented in docs/operations.md):

- Only the latest ``opened``/``reopened`` event of a finding that is still
  open. A finding resolved or dismissed before its alert went out is not
  announced (nobody should inspect a violation that is gone); a finding
  reopened twice before delivery is announced once.
- ``SITE_UNREACHABLE`` is not a violation and is never announced.
- A channel is not sent the backlog: an event older than
  ``alerts.backlog_days`` (default :data:`BACKLOG`) that the channel was never tried with is skipped (an
  operator adding a channel today does not get last year's findings). An
  event whose delivery failed is retried however old it is.

Channels are Apprise URLs (``alerts.urls`` or ``MONITOR_ALERT_URLS``).
``{env:NAME}`` in a URL is replaced by the environment variable ``NAME`` when
alerts are sent, so secrets stay out of files. ``Alert.channel`` stores
``scheme:`` plus a hash of the URL as configured (placeholders unresolved), so
the database holds no secret and rotating a secret kept in an environment
variable keeps the channel's history.

Sending is serialised across processes by the database lock ``alerts``
(:mod:`monitor.store.locks`), so a nightly crawl and an inspector's check
finishing together cannot both send the same event.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from urllib.parse import urlsplit
from pathlib import Path
from typing import Mapping, Sequence

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from monitor.config import Config
from monitor.errors import MonitorError
from monitor.model import UNREACHABLE_CODE, VN_TZ
from monitor.outputs.labels import SEVERITY, SEVERITY_ORDER, word
from monitor.store.db import Database
from monitor.store.locks import LockBusy, hold_lock
from monitor.store.models import Alert, Finding, FindingEvent, Site

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"
ALERTABLE_KINDS = ("opened", "reopened")
# Not violations (DESIGN.md): a site that could not be checked is reported, not announced;
# a flaky site would otherwise page inspectors every time it goes down.
NOT_ANNOUNCED = frozenset({UNREACHABLE_CODE})
# Default of alerts.backlog_days: a channel is never sent events older than
# this that it was not tried with before.
BACKLOG = timedelta(days=7)
# A digest details this many findings and lists the rest one line each.
DIGEST_DETAILED = 50
# How long a sender waits for another process that is sending alerts.
LOCK_WAIT_SECONDS = 300.0
_PLACEHOLDER = re.compile(r"\{env:([A-Za-z_][A-Za-z0-9_]*)\}")
_SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITY_ORDER)}


class AlertConfigError(MonitorError):
    """An alert channel cannot be used as configured; the message says which and why."""


# --- channels -----------------------------------------------------------------


@dataclass(frozen=True)
class Channel:
    """One configured Apprise URL."""

    configured: str = field(repr=False)  # as written, placeholders unresolved
    url: str = field(repr=False)  # resolved: may hold secrets, never stored or printed
    identity: str  # stored in Alert.channel
    label: str  # shown to people: scheme and identity, no secret
    secrets: tuple[str, ...] = field(default=(), repr=False)  # values never to show (placeholders, password)

    def scrub(self, text: str) -> str:
        """``text`` (an error from Apprise) without any secret of this channel."""
        for secret in sorted(self.secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text


def channel_identity(configured: str) -> str:
    """``scheme:`` and a hash of the URL as configured: stable, and no secret in it."""
    scheme = configured.split("://", 1)[0].lower() if "://" in configured else "unknown"
    digest = hashlib.sha256(configured.strip().encode("utf-8")).hexdigest()[:16]
    return f"{scheme[:16]}:{digest}"


def channel_label(configured: str) -> str:
    identity = channel_identity(configured)
    scheme, digest = identity.split(":", 1)
    return f"{scheme}://… [{digest[:8]}]"


def resolve_url(configured: str, env: Mapping[str, str]) -> str:
    """Replace every ``{env:NAME}`` by the variable's value; a missing variable is an error."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if not env.get(name):
            raise AlertConfigError(
                f"alert channel {channel_label(configured)}: environment variable {name} is not set "
                f"(the URL uses {{env:{name}}})"
            )
        return env[name]

    return _PLACEHOLDER.sub(value, configured.strip())


def configured_channels(config: Config, env: Mapping[str, str] | None = None) -> list[Channel]:
    """The channels of ``alerts.urls`` (or ``MONITOR_ALERT_URLS``), resolved and checked by Apprise."""
    env = os.environ if env is None else env
    channels: dict[str, Channel] = {}
    for index, configured in enumerate(config.alerts.urls):
        if not configured.strip():
            continue
        url = resolve_url(configured, env)
        secrets = tuple(
            value for value in [*(env[name] for name in _PLACEHOLDER.findall(configured)), _password(url)] if value
        )
        if not _apprise_accepts(url):
            raise AlertConfigError(
                f"alerts.urls[{index}] ({channel_label(configured)}, from {config.source} "
                "or MONITOR_ALERT_URLS) is not a URL Apprise can send to; see https://github.com/caronc/apprise/wiki"
            )
        channel = Channel(configured, url, channel_identity(configured), channel_label(configured), secrets)
        channels.setdefault(channel.identity, channel)  # the same URL twice is one channel
    return list(channels.values())


def _password(url: str) -> str | None:
    try:
        return urlsplit(url).password
    except ValueError:
        return None


def _apprise_accepts(url: str) -> bool:
    import apprise

    return bool(apprise.Apprise(asset=_asset()).add(url))


@lru_cache(maxsize=1)
def _asset():  # type: ignore[no-untyped-def]
    import apprise

    # Memory only: a service must not leave Apprise cache files in a home directory.
    return apprise.AppriseAsset(
        app_id="VN E-commerce Compliance Monitor",
        app_desc="Compliance monitor for Vietnamese e-commerce websites",
        storage_mode="memory",
    )


def deliver(url: str, message: "Message") -> str | None:
    """Send one message to one Apprise URL; ``None`` when delivered, else Apprise's reason."""
    import apprise

    notifier = apprise.Apprise(asset=_asset())
    if not notifier.add(url):
        return "not a URL Apprise can send to"
    with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as captured:
        try:
            ok = notifier.notify(body=message.body, title=message.title, body_format=apprise.NotifyFormat.TEXT)
        except Exception as exc:  # a plugin bug must not stop the other channels
            return f"{type(exc).__name__}: {exc}"
    if ok:
        return None
    reason = " ".join(line.strip() for line in captured.getvalue().splitlines() if line.strip())
    return reason[:2000] or "delivery failed (Apprise gave no reason)"


# --- messages -------------------------------------------------------------------


@dataclass(frozen=True)
class AlertItem:
    """One owed event with what a message says about it."""

    event_id: int
    finding_id: int
    kind: str  # opened or reopened
    at: datetime
    domain: str
    owner_name: str | None
    province: str | None
    code: str
    qualifier: str
    severity: str
    title_vi: str
    title_en: str
    legal_basis: str
    fine: str
    first_seen_at: datetime
    times_reopened: int
    evidence_url: str
    evidence_sha256: str | None
    excerpt: str

    @property
    def severity_vi(self) -> str:
        return word(SEVERITY, self.severity, "vi")

    @property
    def first_seen_vi(self) -> str:
        return _local(self.first_seen_at, "vi")

    @property
    def first_seen_en(self) -> str:
        return _local(self.first_seen_at, "en")

    @property
    def at_vi(self) -> str:
        return _local(self.at, "vi")

    @property
    def at_en(self) -> str:
        return _local(self.at, "en")


@dataclass(frozen=True)
class Message:
    title: str
    body: str


def _local(moment: datetime, language: str) -> str:
    moment = moment.astimezone(VN_TZ)
    return moment.strftime("%H:%M %d/%m/%Y") if language == "vi" else moment.strftime("%Y-%m-%d %H:%M")


@lru_cache(maxsize=1)
def _templates():  # type: ignore[no-untyped-def]
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=False,  # plain text messages
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


def _render(name: str, values: dict[str, object]) -> Message:
    template = _templates().get_template(name)
    context = template.new_context(values)
    title = " ".join("".join(template.blocks["title"](context)).split())
    body = "".join(template.blocks["body"](context)).strip() + "\n"
    return Message(title, body)


def render_finding(item: AlertItem, language: str) -> Message:
    return _render(f"alert_finding.{language}.j2", {"a": item})


def render_digest(items: Sequence[AlertItem], language: str, now: datetime) -> Message:
    local = now.astimezone(VN_TZ)
    since = min(i.at for i in items).astimezone(VN_TZ).date().isoformat() if items else local.date().isoformat()
    # The most severe first, so a long digest details what matters most.
    ordered = sorted(items, key=lambda i: (_SEVERITY_RANK.get(i.severity, len(_SEVERITY_RANK)), i.domain, i.code, i.qualifier))
    detailed: dict[str, list[AlertItem]] = {}
    for item in ordered[:DIGEST_DETAILED]:
        detailed.setdefault(item.domain, []).append(item)
    return _render(
        f"alert_digest.{language}.j2",
        {
            "items": list(items),
            "groups": list(detailed.values()),
            "rest": ordered[DIGEST_DETAILED:],
            "opened": sum(1 for i in items if i.kind == "opened"),
            "reopened": sum(1 for i in items if i.kind == "reopened"),
            "sites": len({i.domain for i in items}),
            "domains": sorted({i.domain for i in items}),
            "day_vi": local.strftime("%d/%m/%Y"),
            "day_en": local.strftime("%Y-%m-%d"),
            "since": since,
        },
    )


def render_test(channel: Channel, language: str, now: datetime) -> Message:
    return _render(
        f"alert_test.{language}.j2",
        {"channel": channel.label, "at_vi": _local(now, "vi"), "at_en": _local(now, "en")},
    )


# --- what is owed -----------------------------------------------------------------


def owed_items(session: Session, channel: str, now: datetime, backlog: timedelta = BACKLOG) -> list[AlertItem]:
    """The events ``channel`` has not received yet, oldest first (see the module rules)."""
    later = aliased(FindingEvent)
    newer_alertable = (
        select(later.id)
        .where(later.finding_id == FindingEvent.finding_id, later.kind.in_(ALERTABLE_KINDS), later.id > FindingEvent.id)
        .exists()
    )
    query = (
        select(FindingEvent, Finding, Site, Alert)
        .join(Finding, Finding.id == FindingEvent.finding_id)
        .outerjoin(Site, Site.id == Finding.site_id)
        .outerjoin(Alert, and_(Alert.event_id == FindingEvent.id, Alert.channel == channel))
        .where(FindingEvent.kind.in_(ALERTABLE_KINDS), Finding.status == "open", ~newer_alertable)
        .where(Finding.code.not_in(sorted(NOT_ANNOUNCED)))
        .where(
            ((Alert.id.is_(None)) & (FindingEvent.at >= now - backlog))
            | (Alert.outcome.in_(("failed", "pending")))
        )
        .order_by(FindingEvent.at, FindingEvent.id)
    )
    return [_item(event, finding, site) for event, finding, site, _alert in session.execute(query)]


def _item(event: FindingEvent, finding: Finding, site: Site | None) -> AlertItem:
    return AlertItem(
        event_id=event.id,
        finding_id=finding.id,
        kind=event.kind,
        at=event.at,
        domain=finding.domain,
        owner_name=site.owner_name if site else None,
        province=site.province if site else None,
        code=finding.code,
        qualifier=finding.qualifier or "",
        severity=finding.severity,
        title_vi=finding.title_vi,
        title_en=finding.title_en,
        legal_basis=finding.legal_basis,
        fine=finding.fine or "",
        first_seen_at=finding.first_seen_at,
        times_reopened=finding.times_reopened or 0,
        evidence_url=event.url or finding.evidence_url,
        evidence_sha256=event.sha256 if event.url else finding.evidence_sha256,
        excerpt=(event.excerpt if event.url else finding.evidence_excerpt) or "",
    )


# --- delivery and its record ----------------------------------------------------------


@dataclass
class ChannelResult:
    label: str
    identity: str
    messages: int = 0
    sent: int = 0  # events delivered
    failed: int = 0  # events still owed after this round
    errors: list[str] = field(default_factory=list)


@dataclass
class AlertSummary:
    channels: list[ChannelResult] = field(default_factory=list)
    deferred: str | None = None  # why nothing was sent this time (another sender busy)

    @property
    def sent(self) -> int:
        return sum(c.sent for c in self.channels)

    @property
    def failed(self) -> int:
        return sum(c.failed for c in self.channels)

    @property
    def messages(self) -> int:
        return sum(c.messages for c in self.channels)

    def describe(self) -> str:
        """One line per channel, for the CLI and the service log."""
        if self.deferred:
            return f"alerts: not sent now ({self.deferred}); they go out with the next run"
        if not self.channels:
            return "alerts: no channel configured (alerts.urls or MONITOR_ALERT_URLS)"
        lines = []
        for c in self.channels:
            line = f"alerts → {c.label}: {c.sent} finding event(s) delivered in {c.messages} message(s)"
            if c.failed:
                line += f", {c.failed} failed and owed for the next run ({'; '.join(dict.fromkeys(c.errors))})"
            lines.append(line)
        return "\n".join(lines)


def _claim(session: Session, channel: str, items: Sequence[AlertItem], now: datetime) -> list[Alert]:
    """The Alert rows of ``items`` on ``channel``, created or re-opened as ``pending``."""
    existing = {
        a.event_id: a
        for a in session.scalars(
            select(Alert).where(Alert.channel == channel, Alert.event_id.in_([i.event_id for i in items]))
        )
    }
    rows = []
    for item in items:
        row = existing.get(item.event_id)
        if row is None:
            row = Alert(finding_id=item.finding_id, event_id=item.event_id, channel=channel, created_at=now, attempts=0)
            session.add(row)
        row.outcome = "pending"
        rows.append(row)
    session.flush()
    return rows


def _record(db: Database, channel: str, items: Sequence[AlertItem], error: str | None, tried: bool = True) -> None:
    with db.session() as session:
        rows = _claim(session, channel, items, datetime.now(UTC))
        for row in rows:
            if tried:
                row.attempts = (row.attempts or 0) + 1
            if error is None:
                row.outcome, row.sent_at, row.error = "sent", datetime.now(UTC), None
            else:
                row.outcome, row.error = "failed", error


def _send_round(db: Database, channel: Channel, batches: list[tuple[Message, list[AlertItem]]], result: ChannelResult) -> None:
    for position, (message, items) in enumerate(batches):
        with db.session() as session:  # a crash during delivery leaves 'pending' rows: still owed
            _claim(session, channel.identity, items, datetime.now(UTC))
        error = deliver(channel.url, message)
        error = channel.scrub(error) if error else None
        _record(db, channel.identity, items, error)
        result.messages += 1
        if error is None:
            result.sent += len(items)
            continue
        result.failed += len(items)
        result.errors.append(error)
        log.warning("alert to %s failed: %s", channel.label, error)
        rest = [i for _, batch in batches[position + 1 :] for i in batch]
        if rest:  # the channel is down: do not wait for it once per finding
            _record(db, channel.identity, rest, f"not tried: the channel failed earlier in this round ({error})", tried=False)
            result.failed += len(rest)
        return


def send_pending_alerts(
    db: Database,
    config: Config,
    now: datetime | None = None,
    *,
    env: Mapping[str, str] | None = None,
    backlog: timedelta | None = None,
    lock_wait: float = LOCK_WAIT_SECONDS,
) -> AlertSummary:
    """Send every owed event to every configured channel and record each delivery.

    ``alerts.mode = "digest"``: one message per channel listing all owed
    events; ``"finding"``: one message per event. Raises
    :class:`AlertConfigError` when a channel is misconfigured (nothing is sent)
    and :class:`LockBusy` when another process keeps sending for longer than
    ``lock_wait`` seconds.
    """
    now = now or datetime.now(UTC)
    backlog = timedelta(days=config.alerts.backlog_days) if backlog is None else backlog
    channels = configured_channels(config, env)
    summary = AlertSummary()
    if not channels:
        return summary
    language = config.alerts.language
    with hold_lock(db.engine.url.render_as_string(hide_password=False), "alerts", wait=lock_wait):
        for channel in channels:
            result = ChannelResult(channel.label, channel.identity)
            summary.channels.append(result)
            with db.session() as session:
                items = owed_items(session, channel.identity, now, backlog)
            if not items:
                continue
            if config.alerts.mode == "digest":
                batches = [(render_digest(items, language, now), items)]
            else:
                batches = [(render_finding(item, language), [item]) for item in items]
            _send_round(db, channel, batches, result)
    return summary


def after_run(
    db: Database, config: Config, now: datetime | None = None, *, lock_wait: float = LOCK_WAIT_SECONDS
) -> AlertSummary:
    """Call after a crawl or check stored its results: sends what is owed, retries what failed.

    Another process sending alerts at the same moment is not an error: the
    events stay owed and go out with the next run (see ``summary.deferred``).
    A misconfigured channel raises :class:`AlertConfigError`.
    """
    try:
        summary = send_pending_alerts(db, config, now, lock_wait=lock_wait)
    except LockBusy as exc:
        summary = AlertSummary(deferred=str(exc))
    for line in summary.describe().splitlines():
        (log.warning if summary.failed or summary.deferred else log.info)(line)
    return summary


def send_test(config: Config, env: Mapping[str, str] | None = None, now: datetime | None = None) -> list[tuple[Channel, str | None]]:
    """Send a test message to every channel; nothing is recorded. Returns (channel, error) pairs."""
    now = now or datetime.now(UTC)
    results = []
    for channel in configured_channels(config, env):
        error = deliver(channel.url, render_test(channel, config.alerts.language, now))
        results.append((channel, channel.scrub(error) if error else None))
    return results


def delivery_counts(session: Session) -> dict[str, int]:
    """Alert rows by outcome, for status displays."""
    return dict(session.execute(select(Alert.outcome, func.count()).group_by(Alert.outcome)).all())
