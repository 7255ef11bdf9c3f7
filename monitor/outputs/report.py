"""`monitor report`: what a Department tells the Ministry about a period.

Counts are over whole Vietnamese-calendar days ``[since, until]``. A
finding's state at a moment is read from its status events (opened,
reopened, resolved, dismissed), so a report on a past period gives the same
numbers when it is made again later, even after findings were reopened or
resolved since:

- *in the period*: open at its start, or opened/reopened during it;
- *new*: first seen during it;
- *resolved*: a resolved event during it;
- *open at the end*: open at the end of its last day.

Findings an inspector had dismissed by the end of the period are counted
apart, not as violations. ``SITE_UNREACHABLE`` is not a violation either: it
feeds "sites not reachable" (domains whose every observation in the period
failed). "Sites checked" are domains with at least one successful check in
the period. The registry count is the sites imported before the period's end.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session

from monitor import __version__
from monitor.outputs.common import OutputError, Period, SiteJoin, spreadsheet_text, template_environment, vn_time
from monitor.outputs.labels import (
    LANGS,
    NOT_A_VIOLATION,
    REGISTRY_STATUS,
    REPORT,
    SEVERITY,
    SEVERITY_ORDER,
    word,
)
from monitor.model import LOOKALIKE_CODE
from monitor.store.models import Finding, FindingEvent, LookalikeCandidate, Observation, Site

FORMATS = ("md", "html", "xlsx")
TOP_SITES = 10
LOOKALIKE_ROWS = 100
_STATUS_EVENTS = ("opened", "reopened", "resolved", "dismissed")
_STATE_OF_EVENT = {"opened": "open", "reopened": "open", "resolved": "resolved", "dismissed": "dismissed"}


@dataclass
class Counts:
    in_period: int = 0
    new: int = 0
    resolved: int = 0
    open_end: int = 0

    def add(self, other: "Counts") -> None:
        self.in_period += other.in_period
        self.new += other.new
        self.resolved += other.resolved
        self.open_end += other.open_end


@dataclass
class CodeLine:
    """One kind of violation; title, legal basis and fine from its latest finding."""

    code: str
    title: str
    severity: str
    legal_basis: str
    fine: str
    severity_label: str = ""
    counts: Counts = field(default_factory=Counts)
    latest_seen: datetime | None = field(default=None, repr=False)


@dataclass(frozen=True)
class SeverityLine:
    severity: str
    label: str
    counts: Counts


@dataclass(frozen=True)
class TopSite:
    domain: str
    owner: str | None
    province: str | None
    open_count: int
    codes: tuple[str, ...]


@dataclass(frozen=True)
class LookalikeLine:
    domain: str
    target: str
    score: float
    techniques: tuple[str, ...]
    verdict: str
    first_seen_at: datetime


@dataclass(frozen=True)
class ChartBar:
    code: str
    total: int
    new: int
    y: int
    new_width: float
    carried_width: float


@dataclass
class Report:
    period: Period
    province: str | None
    lang: str
    generated_at: datetime
    tool_version: str
    registry_total: int = 0
    registry_by_status: list[tuple[str, int]] = field(default_factory=list)
    sites_checked: int = 0
    sites_unreachable: int = 0
    totals: Counts = field(default_factory=Counts)
    dismissed: int = 0
    by_code: list[CodeLine] = field(default_factory=list)
    by_severity: list[SeverityLine] = field(default_factory=list)
    top_sites: list[TopSite] = field(default_factory=list)
    lookalikes: list[LookalikeLine] = field(default_factory=list)
    lookalikes_found: int = 0

    @property
    def labels(self) -> dict[str, str]:
        return REPORT[self.lang]

    @property
    def scope(self) -> str:
        return self.province or self.labels["nationwide"]

    def day(self, which: str) -> str:
        day = self.period.since if which == "since" else self.period.until
        assert day is not None
        return day.strftime("%d/%m/%Y") if self.lang == "vi" else day.isoformat()

    def chart(self, width: int = 360, bar: int = 18, gap: int = 8) -> list[ChartBar]:
        """Bars for findings in the period by code, split into new and carried over."""
        lines = [c for c in self.by_code if c.counts.in_period]
        largest = max((c.counts.in_period for c in lines), default=0) or 1
        bars = []
        for index, line in enumerate(lines):
            scale = width / largest
            new = min(line.counts.new, line.counts.in_period)
            bars.append(
                ChartBar(
                    code=line.code,
                    total=line.counts.in_period,
                    new=new,
                    y=index * (bar + gap),
                    new_width=round(new * scale, 1),
                    carried_width=round((line.counts.in_period - new) * scale, 1),
                )
            )
        return bars


# ---------------------------------------------------------------- building


def _last_status_before(moment: datetime):  # type: ignore[no-untyped-def]
    return (
        select(FindingEvent.kind)
        .where(FindingEvent.finding_id == Finding.id, FindingEvent.kind.in_(_STATUS_EVENTS), FindingEvent.at < moment)
        .order_by(FindingEvent.at.desc(), FindingEvent.id.desc())
        .limit(1)
        .correlate(Finding)
        .scalar_subquery()
    )


def _event_between(kinds: tuple[str, ...], start: datetime, end: datetime):  # type: ignore[no-untyped-def]
    return (
        exists()
        .where(FindingEvent.finding_id == Finding.id, FindingEvent.kind.in_(kinds))
        .where(FindingEvent.at >= start, FindingEvent.at < end)
        .correlate(Finding)
    )


def _state_from_times(moment: datetime, first_seen: datetime, resolved: datetime | None, dismissed: datetime | None) -> str | None:
    """For a finding without status events: its state from its timestamps."""
    if dismissed is not None and dismissed < moment:
        return "dismissed"
    if resolved is not None and resolved < moment:
        return "resolved"
    return "open" if first_seen < moment else None


def _registry(session: Session, report: Report, end: datetime) -> None:
    query = select(Site.status, func.count()).where(Site.created_at < end).group_by(Site.status)
    if report.province:
        query = query.where(Site.province == report.province)
    rows = sorted(session.execute(query).all(), key=lambda r: (-r[1], r[0]))
    report.registry_by_status = [(word(REGISTRY_STATUS, status, report.lang), count) for status, count in rows]
    report.registry_total = sum(count for _, count in rows)


def _reachability(session: Session, report: Report, start: datetime, end: datetime) -> None:
    any_checked = func.max(case((Observation.checked.is_(True), 1), else_=0)).label("ok")
    query = (
        select(Observation.domain, any_checked)
        .where(Observation.observed_at >= start, Observation.observed_at < end)
        .group_by(Observation.domain)
    )
    if report.province:
        query = query.join(Site, Site.domain == Observation.domain).where(Site.province == report.province)
    per_domain = query.subquery()
    checked, unreachable = session.execute(
        select(
            func.coalesce(func.sum(case((per_domain.c.ok == 1, 1), else_=0)), 0),
            func.coalesce(func.sum(case((per_domain.c.ok == 0, 1), else_=0)), 0),
        )
    ).one()
    report.sites_checked, report.sites_unreachable = int(checked), int(unreachable)


def _findings(session: Session, report: Report, start: datetime, end: datetime) -> set[str]:
    """Fill the violation tables; return the domains of new lookalike findings."""
    sites = SiteJoin()
    query = (
        select(
            Finding.code, Finding.severity, Finding.domain, Finding.title_vi, Finding.title_en,
            Finding.legal_basis, Finding.fine, Finding.first_seen_at, Finding.last_seen_at,
            Finding.resolved_at, Finding.dismissed_at,
            _last_status_before(start), _last_status_before(end),
            _event_between(("opened", "reopened"), start, end),
            _event_between(("resolved",), start, end),
            sites.subject.owner_name, sites.province,
        )
        .select_from(Finding)
        .where(Finding.first_seen_at < end, Finding.code.not_in(sorted(NOT_A_VIOLATION)))
    )
    query = sites.apply(query, report.province)
    by_code: dict[str, CodeLine] = {}
    by_severity: dict[str, Counts] = defaultdict(Counts)
    open_by_domain: dict[str, list[str]] = defaultdict(list)
    site_of: dict[str, tuple[str | None, str | None]] = {}
    lookalike_domains: set[str] = set()
    for row in session.connection().execute(query, execution_options={"yield_per": 1000}):
        (code, severity, domain, title_vi, title_en, basis, fine, first_seen, last_seen,
         resolved_at, dismissed_at, kind_start, kind_end, opened_in, resolved_in, owner, province) = row
        if kind_end is None:  # no status events (not written by the lifecycle): use the timestamps
            state_start = _state_from_times(start, first_seen, resolved_at, dismissed_at)
            state_end = _state_from_times(end, first_seen, resolved_at, dismissed_at)
            opened_in = start <= first_seen < end
            resolved_in = resolved_at is not None and start <= resolved_at < end
        else:
            state_start = _STATE_OF_EVENT.get(kind_start) if kind_start else None
            state_end = _STATE_OF_EVENT[kind_end]
        if not (state_start == "open" or opened_in):
            continue
        if state_end == "dismissed":
            report.dismissed += 1
            continue
        counts = Counts(
            in_period=1,
            new=int(start <= first_seen < end),
            resolved=int(bool(resolved_in)),
            open_end=int(state_end == "open"),
        )
        line = by_code.get(code)
        if line is None:
            line = by_code[code] = CodeLine(code, "", severity, "", "")
        if line.latest_seen is None or last_seen > line.latest_seen:
            line.latest_seen = last_seen
            line.title = title_vi if report.lang == "vi" else title_en
            line.severity, line.legal_basis, line.fine = severity, basis, fine or ""
            line.severity_label = word(SEVERITY, severity, report.lang)
        line.counts.add(counts)
        by_severity[severity].add(counts)
        report.totals.add(counts)
        if counts.open_end:
            open_by_domain[domain].append(code)
            site_of[domain] = (owner, province)
        if code == LOOKALIKE_CODE and counts.new:
            lookalike_domains.add(domain)
    report.by_code = sorted(by_code.values(), key=lambda c: (-c.counts.in_period, c.code))
    order = {s: i for i, s in enumerate(SEVERITY_ORDER)}
    report.by_severity = [
        SeverityLine(s, word(SEVERITY, s, report.lang), by_severity[s])
        for s in sorted(by_severity, key=lambda s: (order.get(s, len(order)), s))
    ]
    top = sorted(open_by_domain.items(), key=lambda item: (-len(item[1]), item[0]))[:TOP_SITES]
    report.top_sites = [
        TopSite(domain, *site_of[domain], len(codes), tuple(sorted(Counter(codes)))) for domain, codes in top
    ]
    return lookalike_domains


def _lookalikes(session: Session, report: Report, start: datetime, end: datetime, from_findings: set[str]) -> None:
    query = (
        select(
            LookalikeCandidate.domain, Site.domain, LookalikeCandidate.score, LookalikeCandidate.techniques,
            LookalikeCandidate.verdict, LookalikeCandidate.first_seen_at,
        )
        .join(Site, Site.id == LookalikeCandidate.site_id)
        .where(LookalikeCandidate.first_seen_at >= start, LookalikeCandidate.first_seen_at < end)
    )
    if report.province:
        query = query.where(Site.province == report.province)
    domains = set(from_findings)
    lines = []
    for domain, target, score, techniques, verdict, first_seen in session.execute(
        query.order_by(LookalikeCandidate.score.desc(), LookalikeCandidate.domain)
    ):
        domains.add(domain)
        if len(lines) < LOOKALIKE_ROWS:
            lines.append(LookalikeLine(domain, target, float(score), tuple(techniques or ()), verdict, first_seen))
    report.lookalikes = lines
    report.lookalikes_found = len(domains)


def build_report(
    session: Session, period: Period, province: str | None = None, lang: str = "vi",
    now: datetime | None = None,
) -> Report:
    """Count a period for one province (a unit name) or for the whole country."""
    if period.start is None or period.end is None:
        raise OutputError("a report needs both --since and --until")
    if lang not in LANGS:
        raise OutputError(f"unknown language {lang!r}; use {', '.join(LANGS)}")
    report = Report(period, province, lang, now or datetime.now(UTC), __version__)
    _registry(session, report, period.end)
    _reachability(session, report, period.start, period.end)
    from_findings = _findings(session, report, period.start, period.end)
    _lookalikes(session, report, period.start, period.end, from_findings)
    return report


# ---------------------------------------------------------------- rendering


def render_text(report: Report, fmt: str) -> str:
    """The report as Markdown (``md``) or a self-contained HTML page (``html``)."""
    template = template_environment(report.lang).get_template(f"report.{fmt}.j2")
    return template.render(r=report, L=report.labels)


def render_xlsx(report: Report, handle: Any) -> None:
    """One sheet per table; every text cell neutralised like the exports."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    L = report.labels
    bold = Font(bold=True)

    def cell(value: Any) -> Any:
        return spreadsheet_text(value) if isinstance(value, str) else value

    def sheet(title: str, header: list[str], rows: list[list[Any]], widths: list[int]) -> None:
        ws = workbook.create_sheet(title[:31])
        ws.append(header)
        for c in ws[1]:
            c.font = bold
        for row in rows:
            ws.append([cell(v) for v in row])
        for index, width in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + index)].width = width
        ws.freeze_panes = "A2"

    workbook = Workbook()
    workbook.remove(workbook.active)
    t = report.totals
    summary = [
        [L["period"], f"{L['from']} {report.day('since')} {L['to']} {report.day('until')}"],
        [L["scope"], report.scope],
        [L["generated"], vn_time(report.generated_at)],
        [L["tool"], f"vn-ecommerce-monitor {report.tool_version}"],
        [L["registry_sites"], report.registry_total],
        *[[f"  {L['registry_by_status']}: {label}", count] for label, count in report.registry_by_status],
        [L["sites_checked"], report.sites_checked],
        [L["sites_unreachable"], report.sites_unreachable],
        [L["findings_in_period"], t.in_period],
        [L["findings_new"], t.new],
        [L["findings_resolved"], t.resolved],
        [L["findings_open_end"], t.open_end],
        [L["findings_dismissed"], report.dismissed],
        [L["lookalikes_found"], report.lookalikes_found],
        [L["time_note"], ""],
    ]
    sheet(L["summary"], [L["summary"], ""], summary, [60, 40])
    sheet(
        L["by_code"],
        [L["code"], L["violation"], L["severity"], L["legal_basis"], L["fine"], L["in_period"], L["new"], L["resolved"], L["open_end"]],
        [
            [c.code, c.title, c.severity_label, c.legal_basis, c.fine,
             c.counts.in_period, c.counts.new, c.counts.resolved, c.counts.open_end]
            for c in report.by_code
        ] + [[L["total"], "", "", "", "", t.in_period, t.new, t.resolved, t.open_end]],
        [24, 48, 14, 40, 28, 10, 10, 12, 14],
    )
    sheet(
        L["by_severity"],
        [L["severity"], L["in_period"], L["new"], L["resolved"], L["open_end"]],
        [[s.label, s.counts.in_period, s.counts.new, s.counts.resolved, s.counts.open_end] for s in report.by_severity],
        [20, 10, 10, 12, 14],
    )
    sheet(
        L["top_sites"],
        [L["domain"], L["owner"], L["province"], L["open_count"], L["codes"]],
        [[s.domain, s.owner or "", s.province or "", s.open_count, ", ".join(s.codes)] for s in report.top_sites],
        [28, 36, 16, 12, 50],
    )
    sheet(
        L["lookalikes"][:31],
        [L["lookalike_domain"], L["target"], L["score"], L["techniques"], L["verdict"], L["first_seen"]],
        [[x.domain, x.target, x.score, ", ".join(x.techniques), x.verdict, vn_time(x.first_seen_at)] for x in report.lookalikes],
        [30, 28, 10, 36, 16, 26],
    )
    workbook.save(handle)
