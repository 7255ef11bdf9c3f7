"""`monitor findings ...`: list violations, show one with its history, dismiss one.

Times are shown in Vietnam time (UTC+7); JSON output carries ISO 8601 times
with their offset.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from typing import Any, List, Optional

import typer
from rich.table import Table
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.cli import console
from monitor.cli.common import database, plural
from monitor.domains import DomainError, normalise_host
from monitor.errors import MonitorError
from monitor.model import VN_TZ
from monitor.provinces import canonical_province
from monitor.store.findings import STATUSES, FindingNotFound, dismiss
from monitor.store.models import Finding, FindingEvent, Site

app = typer.Typer(help="Violations found on websites: list, show with history, dismiss.", no_args_is_help=True)

ANNOUNCED = ("opened", "reopened")


class BadFilter(MonitorError):
    pass


def _local(moment: datetime | None, seconds: bool = False) -> str:
    if moment is None:
        return ""
    return moment.astimezone(VN_TZ).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(VN_TZ).isoformat() if moment else None


def select_findings(
    session: Session,
    *,
    status: str = "open",
    codes: list[str] | None = None,
    domain: str | None = None,
    province: str | None = None,
    since: date | None = None,
) -> list[tuple[Finding, Site | None]]:
    """Findings matching every filter given.

    ``since`` keeps findings that became open (opened, or reopened) on or
    after that day in Vietnam: the violations that are new since then, the
    same set the alerts announced.
    """
    query = select(Finding, Site).outerjoin(Site, Site.id == Finding.site_id)
    if status != "all":
        if status not in STATUSES:
            raise BadFilter(f"--status must be one of {', '.join(STATUSES)} or all, got {status!r}")
        query = query.where(Finding.status == status)
    if codes:
        query = query.where(Finding.code.in_([c.strip().upper() for c in codes]))
    if domain:
        try:
            host = normalise_host(domain)
        except DomainError as exc:
            raise BadFilter(f"--domain: {exc}") from exc
        query = query.where(Finding.domain == host)
    if province:
        try:
            unit = canonical_province(province)
        except ValueError as exc:
            raise BadFilter(f"--province: {exc}") from exc
        query = query.where(Site.province == unit)
    if since:
        start = datetime.combine(since, time(0), tzinfo=VN_TZ).astimezone(UTC)
        announced = (
            select(FindingEvent.id)
            .where(FindingEvent.finding_id == Finding.id, FindingEvent.kind.in_(ANNOUNCED), FindingEvent.at >= start)
            .exists()
        )
        query = query.where(announced)
    query = query.order_by(Finding.domain, Finding.code, Finding.qualifier)
    return [(finding, site) for finding, site in session.execute(query)]


def finding_json(finding: Finding, site: Site | None) -> dict[str, Any]:
    return {
        "id": finding.id,
        "domain": finding.domain,
        "owner_name": site.owner_name if site else None,
        "province": site.province if site else None,
        "code": finding.code,
        "qualifier": finding.qualifier,
        "severity": finding.severity,
        "status": finding.status,
        "regime": finding.regime,
        "title_vi": finding.title_vi,
        "title_en": finding.title_en,
        "legal_basis": finding.legal_basis,
        "fine": finding.fine,
        "first_seen_at": _iso(finding.first_seen_at),
        "last_seen_at": _iso(finding.last_seen_at),
        "resolved_at": _iso(finding.resolved_at),
        "dismissed_at": _iso(finding.dismissed_at),
        "dismiss_reason": finding.dismiss_reason,
        "times_reopened": finding.times_reopened,
        "evidence": {"url": finding.evidence_url, "sha256": finding.evidence_sha256, "excerpt": finding.evidence_excerpt},
    }


def event_json(event: FindingEvent) -> dict[str, Any]:
    return {
        "at": _iso(event.at),
        "kind": event.kind,
        "run_id": event.run_id,
        "url": event.url,
        "sha256": event.sha256,
        "excerpt": event.excerpt,
        "note": event.note,
    }


def _code(finding: Finding) -> str:
    return finding.code + (f":{finding.qualifier}" if finding.qualifier else "")


@app.command("list")
def list_command(
    ctx: typer.Context,
    status: str = typer.Option("open", "--status", help="open, resolved, dismissed, or all."),
    code: Optional[List[str]] = typer.Option(None, "--code", help="Only this code, e.g. BADGE_MISSING (repeatable)."),
    domain: Optional[str] = typer.Option(None, "--domain", help="Only this website."),
    province: Optional[str] = typer.Option(None, "--province", help="Only sites registered in this province (new or old name)."),
    since: Optional[datetime] = typer.Option(
        None, "--since", formats=["%Y-%m-%d"], help="Only findings opened or reopened on or after this day (YYYY-MM-DD, Vietnam time)."
    ),
    lang: str = typer.Option("vi", "--lang", help="Language of the violation titles: vi or en."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per finding."),
) -> None:
    """List findings (open ones unless --status says otherwise)."""
    if lang not in ("vi", "en"):
        raise BadFilter(f"--lang must be vi or en, got {lang!r}")
    with database(ctx) as db, db.session() as session:
        rows = select_findings(
            session, status=status, codes=code, domain=domain, province=province, since=since.date() if since else None
        )
        data = [finding_json(f, s) for f, s in rows]
    if as_json:
        for row in data:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table(title=f"Findings ({plural(len(data), 'finding')}; times UTC+7)")
    for name in ("id", "site", "code", "severity", "status", "first seen", "last seen", "violation"):
        table.add_column(name, overflow="fold")
    for row in data:
        code_text = row["code"] + (f":{row['qualifier']}" if row["qualifier"] else "")
        status_text = row["status"] + (f" ({row['dismiss_reason']})" if row["status"] == "dismissed" else "")
        table.add_row(
            str(row["id"]), row["domain"], code_text, row["severity"], status_text,
            (row["first_seen_at"] or "")[:16].replace("T", " "), (row["last_seen_at"] or "")[:16].replace("T", " "),
            row[f"title_{lang}"],
        )
    console.print(table)


@app.command("show")
def show_command(
    ctx: typer.Context,
    finding_id: int = typer.Argument(..., metavar="ID", help="The finding's id (see `monitor findings list`)."),
    as_json: bool = typer.Option(False, "--json", help="The finding and its history as one JSON object."),
) -> None:
    """Show a finding and every observation of it: when, which page, which hash."""
    with database(ctx) as db, db.session() as session:
        finding = session.get(Finding, finding_id)
        if finding is None:
            raise FindingNotFound(f"no finding with id {finding_id} (see `monitor findings list --status all`)")
        site = session.get(Site, finding.site_id) if finding.site_id else None
        data = finding_json(finding, site)
        data["events"] = [event_json(e) for e in finding.events]
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print_finding(data)


def _print_finding(data: dict[str, Any]) -> None:
    code = data["code"] + (f":{data['qualifier']}" if data["qualifier"] else "")
    console.rule(f"[bold]finding {data['id']}[/] · {data['domain']} · {code}")
    fields = [
        ("status", data["status"] + (f" — {data['dismiss_reason']}" if data["dismiss_reason"] else "")),
        ("violation", f"{data['title_vi']} / {data['title_en']}"),
        ("severity", data["severity"]),
        ("legal basis", data["legal_basis"] + (f" ({data['regime']})" if data["regime"] else "")),
        ("fine", data["fine"] or ""),
        ("owner", data["owner_name"] or ""),
        ("province", data["province"] or ""),
        ("first seen", _when(data["first_seen_at"])),
        ("last seen", _when(data["last_seen_at"])),
        ("resolved", _when(data["resolved_at"])),
        ("reopened", f"{data['times_reopened']} time(s)" if data["times_reopened"] else ""),
        ("evidence", data["evidence"]["url"]),
        ("sha256", data["evidence"]["sha256"] or ""),
        ("excerpt", data["evidence"]["excerpt"] or ""),
    ]
    for name, value in fields:
        if value:
            console.print(f"[bold]{name:>12}[/]  {value}", highlight=False)
    table = Table(title="History (times UTC+7)")
    for name in ("time", "event", "run", "page", "sha256", "excerpt / note"):
        table.add_column(name, overflow="fold")
    for event in data["events"]:
        text = " — ".join(t for t in (event["excerpt"], event["note"]) if t)
        table.add_row(
            _when(event["at"], seconds=True), event["kind"], str(event["run_id"] or ""), event["url"] or "",
            event["sha256"] or "", text,
        )
    console.print(table)


def _when(iso: str | None, seconds: bool = False) -> str:
    return _local(datetime.fromisoformat(iso), seconds) if iso else ""


@app.command("dismiss")
def dismiss_command(
    ctx: typer.Context,
    finding_id: int = typer.Argument(..., metavar="ID", help="The finding's id."),
    reason: str = typer.Option(..., "--reason", help="Why it is not a violation (kept in the finding's history)."),
) -> None:
    """Dismiss a finding: it stays dismissed while the same evidence repeats; new evidence reopens it."""
    with database(ctx) as db, db.session() as session:
        finding = dismiss(session, finding_id, reason, datetime.now(UTC))
        summary = f"finding {finding.id} ({finding.domain} {_code(finding)}) dismissed: {finding.dismiss_reason}"
    console.print(summary, highlight=False)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="findings")
