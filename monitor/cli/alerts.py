"""`monitor alerts ...`: send owed alerts now, test the channels, see the deliveries."""

from __future__ import annotations

import json
from typing import Optional

import typer
from rich.table import Table
from sqlalchemy import select

from monitor.alerts import send_pending_alerts, send_test
from monitor.cli import console
from monitor.cli.common import database, get_config, plural
from monitor.errors import MonitorError
from monitor.model import VN_TZ
from monitor.store.models import Alert, Finding

app = typer.Typer(help="Alerts to inspectors (Apprise channels of alerts.urls or MONITOR_ALERT_URLS).", no_args_is_help=True)


class DeliveryFailed(MonitorError):
    exit_code = 1


@app.command("send")
def send_command(ctx: typer.Context) -> None:
    """Send every alert still owed (new and reopened findings, failed deliveries) now."""
    config = get_config(ctx)
    with database(ctx) as db:
        summary = send_pending_alerts(db, config)
    console.print(summary.describe(), highlight=False)
    if summary.failed:
        raise DeliveryFailed(f"{plural(summary.failed, 'alert')} not delivered; they are retried with the next run")


@app.command("test")
def test_command(ctx: typer.Context) -> None:
    """Send a test message to every configured channel (nothing is recorded)."""
    results = send_test(get_config(ctx))
    if not results:
        raise MonitorError("no alert channel configured (alerts.urls in the configuration, or MONITOR_ALERT_URLS)")
    for channel, error in results:
        console.print(f"{channel.label}: " + ("delivered" if error is None else f"[red]failed[/]: {error}"), highlight=False)
    failed = sum(1 for _, error in results if error)
    if failed:
        raise DeliveryFailed(f"{plural(failed, 'channel')} failed")


@app.command("list")
def list_command(
    ctx: typer.Context,
    outcome: Optional[str] = typer.Option(None, "--outcome", help="Only sent, failed or pending deliveries."),
    limit: int = typer.Option(50, "--limit", min=1, help="Most recent N deliveries."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per delivery."),
) -> None:
    """Show recent deliveries: finding, channel, time, outcome."""
    with database(ctx) as db, db.session() as session:
        query = select(Alert, Finding).join(Finding, Finding.id == Alert.finding_id).order_by(Alert.id.desc()).limit(limit)
        if outcome:
            query = query.where(Alert.outcome == outcome)
        rows = [
            {
                "finding_id": f.id, "domain": f.domain, "code": f.code, "qualifier": f.qualifier, "event_id": a.event_id,
                "channel": a.channel, "outcome": a.outcome, "attempts": a.attempts,
                "created_at": a.created_at.astimezone(VN_TZ).isoformat(),
                "sent_at": a.sent_at.astimezone(VN_TZ).isoformat() if a.sent_at else None,
                "error": a.error,
            }
            for a, f in session.execute(query)
        ]
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table(title=f"Alert deliveries ({plural(len(rows), 'row')}, newest first; times UTC+7)")
    for name in ("finding", "site", "code", "channel", "outcome", "tries", "sent", "error"):
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(
            str(r["finding_id"]), r["domain"], r["code"] + (f":{r['qualifier']}" if r["qualifier"] else ""), r["channel"],
            r["outcome"], str(r["attempts"]), (r["sent_at"] or "")[:16].replace("T", " "), r["error"] or "",
        )
    console.print(table)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="alerts")
