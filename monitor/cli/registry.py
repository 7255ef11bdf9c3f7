"""`monitor registry ...`: import and list the registry of notified/registered websites."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from monitor.cli import console, err_console
from monitor.cli.common import database, plural
from monitor.errors import MonitorError
from monitor.provinces import canonical_province
from monitor.registry import read_registry
from monitor.store.sites import find_sites, upsert_sites

app = typer.Typer(help="The registry of websites notified or registered with MOIT.", no_args_is_help=True)


class InvalidRows(MonitorError):
    exit_code = 1


@app.command("import")
def import_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="CSV (UTF-8, with or without BOM) or JSON registry file."),
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Import the good rows and list the bad ones."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Check the file without importing anything."),
) -> None:
    """Import (or re-import) a registry file. Nothing is imported while any row is bad."""
    parsed = read_registry(file)
    for problem in parsed.warnings:
        err_console.print(f"[yellow]warning:[/] {file.name}: {problem}", highlight=False)
    for problem in parsed.errors:
        err_console.print(f"[red]invalid:[/] {file.name}: {problem}", highlight=False)
    if parsed.errors and not skip_invalid:
        raise InvalidRows(
            f"{plural(len(parsed.bad_lines), 'bad row')} in {file}; nothing imported "
            "(fix the rows, or use --skip-invalid to import the good ones)"
        )
    if dry_run:
        console.print(f"{file}: {plural(len(parsed.rows), 'good row')}, {plural(len(parsed.bad_lines), 'bad row')}; nothing imported (--dry-run)")
        return
    with database(ctx) as db, db.session() as session:
        counts = upsert_sites(session, parsed.rows, source=str(file.resolve()))
    message = f"{file}: {counts.added} added, {counts.updated} updated, {counts.unchanged} unchanged"
    if parsed.bad_lines:
        message += f"; {plural(len(parsed.bad_lines), 'bad row')} skipped"
    console.print(message, highlight=False)


@app.command("list")
def list_command(
    ctx: typer.Context,
    status: Optional[str] = typer.Option(None, help="approved, pending, rejected or cancelled."),
    province: Optional[str] = typer.Option(None, help="Province (new or old name)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per site."),
    limit: Optional[int] = typer.Option(None, min=1),
) -> None:
    """Show the registry as a table."""
    unit = canonical_province(province) if province else None
    with database(ctx) as db, db.session() as session:
        sites = find_sites(session, status=status, province=unit, limit=limit)
        rows = [
            {
                "domain": s.domain,
                "owner_name": s.owner_name,
                "tax_code": s.tax_code,
                "province": s.province,
                "status": s.status,
                "registration_kind": s.registration_kind,
                "record_id": s.record_id,
                "notified_date": s.notified_date.isoformat() if s.notified_date else None,
                "last_checked_at": s.last_checked_at.isoformat() if s.last_checked_at else None,
            }
            for s in sites
        ]
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table(title=f"Registry ({plural(len(rows), 'site')})")
    for name in ("domain", "owner", "tax code", "province", "status", "kind", "record", "last checked"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(
            row["domain"], row["owner_name"] or "", row["tax_code"] or "", row["province"] or "",
            row["status"], row["registration_kind"] or "", row["record_id"] or "",
            (row["last_checked_at"] or "never")[:16],
        )
    console.print(table)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="registry")
