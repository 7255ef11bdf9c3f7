"""`monitor demo`: the whole pipeline on the bundled sample web, offline."""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

import typer
from rich.table import Table

from monitor.cli import console
from monitor.cli.common import get_config
from monitor.cli.crawl import show_summary
from monitor.cli.progress import crawl_progress
from monitor.demo import run_demo


def demo(
    ctx: typer.Context,
    out: Path = typer.Option(Path("demo-findings.json"), "--out", help="Where to write the findings (JSON)."),
) -> None:
    """Run the whole pipeline on the bundled sample web (no network needed)."""
    config = get_config(ctx)
    database_url = os.environ.get("MONITOR_DATABASE_URL") or None

    def log(message: str) -> None:
        console.print(message, highlight=False)

    with crawl_progress("demo crawl") as update:
        result = run_demo(config, database_url, out, on_progress=update, log=log)
    show_summary(result.crawl)
    by_site: dict[str, list[str]] = defaultdict(list)
    for row in result.findings:
        if row["status"] != "open":
            continue
        code = row["code"] + (f":{row['qualifier']}" if row["qualifier"] else "")
        by_site[row["domain"]].append(code)
    table = Table(title="Open findings by site")
    table.add_column("site")
    table.add_column("findings", overflow="fold")
    for domain in sorted(by_site):
        table.add_row(domain, ", ".join(sorted(by_site[domain])))
    console.print(table)
    console.print(result.alerts.describe(), highlight=False)
    console.print(f"database: {result.database_url}", highlight=False)
    console.print(f"findings written to {result.output.resolve()}", highlight=False)


def register(root: typer.Typer) -> None:
    root.command("demo")(demo)
