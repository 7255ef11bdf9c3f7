"""`monitor report`: counts over a period, as an annex to a Department's report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from monitor.cli import err_console
from monitor.cli.common import database
from monitor.outputs.common import Period, atomic_output, check_output_options, resolve_province
from monitor.outputs.report import FORMATS, build_report, render_text, render_xlsx


def report(
    ctx: typer.Context,
    since: str = typer.Option(..., "--since", metavar="DATE", help="First day of the period (YYYY-MM-DD, Vietnam calendar)."),
    until: str = typer.Option(..., "--until", metavar="DATE", help="Last day of the period, included."),
    province: Optional[str] = typer.Option(None, "--province", help="Province: one of the 34 units, or an old province name."),
    fmt: str = typer.Option("md", "--format", "-f", help="md (Markdown), html (one self-contained page) or xlsx."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE", help="Output file (default: standard output; required for xlsx)."),
    lang: str = typer.Option("vi", "--lang", help="vi or en."),
) -> None:
    """Sites checked, violations by kind and severity, new/resolved/open, top sites, lookalikes."""
    fmt = check_output_options(fmt, FORMATS, lang, out)
    period = Period.parse(since, until)
    unit = resolve_province(province)
    with database(ctx) as db, db.session() as session:
        result = build_report(session, period, unit, lang)
    if fmt == "xlsx":
        assert out is not None
        with atomic_output(out, "wb") as handle:
            render_xlsx(result, handle)
    else:
        data = render_text(result, fmt).encode("utf-8")
        if out is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        with atomic_output(out, "wb") as handle:
            handle.write(data)
    err_console.print(f"report written to {out}", highlight=False, markup=False)


def register(root: typer.Typer) -> None:
    root.command("report")(report)
