"""`monitor export`: the violation list for follow-up inspections (CSV, XLSX, JSON)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from monitor.cli import err_console
from monitor.cli.common import database, plural
from monitor.domains import normalise_host
from monitor.outputs.common import OutputError, Period, check_output_options, resolve_province, validate_codes
from monitor.outputs.export import FORMATS, ExportFilter, export_findings
from monitor.outputs.labels import KNOWN_CODES
from monitor.store.findings import STATUSES


def _split(values: Optional[List[str]]) -> list[str]:
    """Repeatable options also accept comma-separated values: --code A,B."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _statuses(values: Optional[List[str]]) -> tuple[str, ...]:
    wanted = [v.lower() for v in _split(values)] or ["open"]
    if "all" in wanted:
        return ()
    unknown = [v for v in wanted if v not in STATUSES]
    if unknown:
        raise OutputError(f"unknown status {', '.join(unknown)}; use {', '.join(STATUSES)} or all")
    return tuple(dict.fromkeys(wanted))


def export(
    ctx: typer.Context,
    fmt: str = typer.Option("csv", "--format", "-f", help="csv (UTF-8 with BOM), xlsx or json."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE", help="Output file (default: standard output; required for xlsx)."),
    status: Optional[List[str]] = typer.Option(None, "--status", help="open (default), resolved, dismissed or all; repeatable."),
    code: Optional[List[str]] = typer.Option(None, "--code", help=f"Violation code; repeatable. One of: {', '.join(KNOWN_CODES)}."),
    domain: Optional[str] = typer.Option(None, "--domain", help="Only this domain."),
    province: Optional[str] = typer.Option(None, "--province", help="Province: one of the 34 units, or an old province name."),
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE", help="Findings still seen on or after this day (YYYY-MM-DD, Vietnam time)."),
    until: Optional[str] = typer.Option(None, "--until", metavar="DATE", help="Findings first seen on or before this day."),
    lang: str = typer.Option("vi", "--lang", help="Headers and labels: vi or en."),
) -> None:
    """Export findings, one row per finding, with dated and hashed evidence.

    Times are ISO 8601 in Vietnam time (+07:00). Text from crawled pages that
    a spreadsheet could run as a formula is prefixed with ' in CSV and XLSX.
    """
    fmt = check_output_options(fmt, FORMATS, lang, out)
    period = Period.parse(since, until)
    unit = resolve_province(province)
    with database(ctx) as db, db.session() as session:
        selection = ExportFilter(
            statuses=_statuses(status),
            codes=tuple(validate_codes(session, _split(code))),
            domain=normalise_host(domain) if domain else None,
            province=unit,
            period=period,
        )
        count = export_findings(session, selection, fmt, out, lang, stdout=sys.stdout.buffer)
        sys.stdout.flush()
    where = str(out) if out else "standard output"
    err_console.print(f"{plural(count, 'finding')} written to {where}", highlight=False, markup=False)


def register(root: typer.Typer) -> None:
    root.command("export")(export)
