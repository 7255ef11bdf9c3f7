"""`monitor check TARGET...`: check sites at the desk, with the nightly crawl's spider and checks."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, List, Optional

import typer
from rich.table import Table

from monitor.cli import console, err_console
from monitor.cli.common import database, get_config
from monitor.cli.progress import crawl_progress
from monitor.check import CheckOutcome, check_targets
from monitor.crawl import CrawlOptions
from monitor.errors import MonitorError
from monitor.model import VN_TZ


class NotChecked(MonitorError):
    exit_code = 1


def _local(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone(VN_TZ).strftime("%Y-%m-%d %H:%M %z")
    except ValueError:
        return iso


def _value(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "[red]not found[/]"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def print_report(data: dict[str, Any]) -> None:
    console.rule(f"[bold]{data['target']}[/] · {_local(data.get('checked_at'))} · regime {data.get('regime')}")
    disclosures = data.get("disclosures", {})
    sources = disclosures.get("sources", {}) if isinstance(disclosures.get("sources"), dict) else {}
    table = Table(title="Owner disclosures (Decree 52 Art. 29)", show_lines=False)
    table.add_column("field")
    table.add_column("value", overflow="fold")
    table.add_column("found on", overflow="fold")
    for key in ("owner_name", "registration_number", "registration_number_valid", "issuer", "issue_date", "address", "province", "phones", "emails"):
        table.add_row(key.replace("_", " "), _value(disclosures.get(key)), str(sources.get(key) or ""))
    console.print(table)
    badge = data.get("badge", {})
    console.print(
        f"MOIT badge: {'present' if badge.get('present') else '[red]absent[/]'}"
        + (f" · kind {badge.get('kind')}" if badge.get("kind") else "")
        + (f" · record {badge.get('record_id')}" if badge.get("record_id") else "")
        + (f" · link {badge.get('link')}" if badge.get("link") else "")
        + ("" if not badge.get("present") else (" · linked" if badge.get("linked") else " · [red]not linked[/]")),
        highlight=False,
    )
    record = badge.get("record")
    if isinstance(record, dict) and record:
        console.print("portal record: " + ", ".join(f"{k}={v}" for k, v in record.items() if v not in (None, "", [])), highlight=False)
    ordering = data.get("ordering", {})
    console.print(
        f"Online ordering: {'yes' if ordering.get('present') else 'no'}"
        + (f" ({', '.join(map(str, ordering.get('signals', [])[:6]))})" if ordering.get("signals") else ""),
        highlight=False,
    )
    policies = data.get("policies", {})
    console.print(
        "Policies: " + "; ".join(f"{name}: {url or '[red]missing[/]'}" for name, url in policies.items()),
        highlight=False,
    )
    findings = data.get("findings", [])
    if not findings:
        console.print("[green]No findings.[/]")
        return
    table = Table(title=f"Findings ({len(findings)})", show_lines=True)
    table.add_column("code")
    table.add_column("severity")
    table.add_column("finding", overflow="fold")
    table.add_column("legal basis", overflow="fold")
    table.add_column("evidence", overflow="fold")
    for f in findings:
        code = f["code"] + (f":{f['qualifier']}" if f.get("qualifier") else "")
        evidence = f.get("evidence") or {}
        table.add_row(
            code, f.get("severity", ""), f"{f.get('title_vi', '')}\n[dim]{f.get('title_en', '')}[/]",
            f.get("legal_basis", "") + (f"\n{f['fine']}" if f.get("fine") else ""),
            f"{evidence.get('url', '')}\n{(evidence.get('excerpt') or '')[:160]}",
        )
    console.print(table)


def check(
    ctx: typer.Context,
    targets: List[str] = typer.Argument(..., metavar="TARGET...", help="Domain, URL or saved HTML file."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per target, one per line."),
    no_save: bool = typer.Option(False, "--no-save", help="Do not store the observation and findings."),
    proxy: Optional[str] = typer.Option(None, "--proxy", help="Fetch through this HTTP proxy (http://host:port)."),
    allow_private: Optional[List[str]] = typer.Option(None, "--allow-private", help="Host allowed to resolve to a private address (repeatable)."),
    scheme: Optional[str] = typer.Option(None, "--scheme", help="Scheme tried first for a bare domain: https (default) or http."),
) -> None:
    """Check domains, URLs or saved pages now and report what was found, where, and why it matters."""
    config = get_config(ctx)
    if scheme not in (None, "http", "https"):
        raise MonitorError("--scheme must be http or https")
    options = CrawlOptions(allow_hosts=tuple(allow_private or ()), proxy=proxy, start_scheme=scheme)
    with database(ctx) as db:
        if as_json:
            outcomes = check_targets(config, db, targets, save=not no_save, options=options)
        else:
            with crawl_progress("checking") as update:
                outcomes = check_targets(config, db, targets, save=not no_save, options=options, on_progress=update)
        if not no_save and any(o.run_id for o in outcomes):
            _send_alerts(db, config)
    _output(outcomes, as_json)


def _send_alerts(db: Any, config: Any) -> None:
    from monitor.alerts import after_run

    summary = after_run(db, config)
    if summary.channels or summary.deferred:
        err_console.print(summary.describe(), highlight=False)


def _output(outcomes: list[CheckOutcome], as_json: bool) -> None:
    failed = [o for o in outcomes if not o.checked]
    for outcome in outcomes:
        if outcome.checked:
            data = outcome.report.to_json()
            if as_json:
                print(json.dumps(data, ensure_ascii=False))
            else:
                print_report(data)
        else:
            if as_json:
                print(json.dumps({"target": outcome.target.text, "checked_at": datetime.now(UTC).isoformat(), "error": outcome.failure}, ensure_ascii=False))
            err_console.print(f"[red]not checked:[/] {outcome.target.text}: {outcome.failure}", highlight=False)
    if failed:
        raise NotChecked(f"{len(failed)} of {len(outcomes)} target(s) could not be checked")


def register(root: typer.Typer) -> None:
    root.command("check")(check)
