"""`monitor crawl`: crawl the registry (or some domains) and store the evidence."""

from __future__ import annotations

from typing import List, Optional

import typer
from rich.table import Table

from monitor.cli import console
from monitor.cli.common import database, get_config, plural
from monitor.cli.progress import crawl_progress
from monitor.crawl import CrawlOptions, CrawlResult, run_spider, select_targets


def show_summary(result: CrawlResult) -> None:
    p = result.progress
    console.print(
        f"run {result.run_id}: {result.outcome} in {result.seconds:.0f}s — "
        f"{p.checked} checked, {p.unreachable} not checked, {p.pages} pages, "
        f"{plural(p.findings, 'finding')} ({p.opened} new)",
        highlight=False,
    )
    if p.failures:
        table = Table(title="Registered sites not checked")
        table.add_column("site")
        table.add_column("reason", overflow="fold")
        for domain, reason in p.failures[:50]:
            table.add_row(domain, reason)
        console.print(table)
        if len(p.failures) > 50:
            console.print(f"... and {len(p.failures) - 50} more (see the run log {result.log_file})")
    console.print(f"log: {result.log_file}", highlight=False)


def crawl(
    ctx: typer.Context,
    domain: Optional[List[str]] = typer.Option(None, "--domain", "-d", help="Crawl only this domain (repeatable)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Crawl at most N registry sites."),
    candidates: int = typer.Option(0, "--candidates", min=0, help="Also crawl up to N candidate domains (feeds, links) to find unregistered shops."),
    ignore_robots: bool = typer.Option(False, "--ignore-robots", help="Do not obey robots.txt for this run (recorded in the run)."),
    scrapyd: Optional[List[str]] = typer.Option(None, "--scrapyd", help="Run on these Scrapyd nodes instead of locally (repeatable)."),
    shards: int = typer.Option(0, "--shards", min=0, help="Number of shards for --scrapyd (default: 4 per node)."),
) -> None:
    """Crawl registered sites, run the checks and store dated evidence."""
    config = get_config(ctx)
    if scrapyd:
        return crawl_distributed(ctx, scrapyd, shards or 4 * len(scrapyd), candidates)
    with database(ctx) as db:
        with db.session() as session:
            targets = select_targets(session, domains=domain or (), limit=limit, candidates=candidates)
        with crawl_progress() as update:
            result = run_spider(
                config, db, targets, trigger="manual",
                options=CrawlOptions(ignore_robots=ignore_robots), on_progress=update,
            )
    show_summary(result)
    send_alerts(ctx, config)
    if result.outcome == "failed":
        raise typer.Exit(1)


def send_alerts(ctx: typer.Context, config) -> None:  # type: ignore[no-untyped-def]
    """New and reopened findings go out once, after the results are stored."""
    from monitor.alerts import after_run

    with database(ctx) as db:
        summary = after_run(db, config)
    if summary.channels or summary.deferred:
        console.print(summary.describe(), highlight=False)


def crawl_distributed(ctx: typer.Context, nodes: List[str], shards: int, candidates: int) -> None:
    from monitor.scrapyd import run_distributed

    config = get_config(ctx)

    def progress(finished: int, total: int, sites: int) -> None:
        console.print(f"shards finished {finished}/{total}; sites stored {sites}", highlight=False)

    with database(ctx) as db:
        result = run_distributed(config, db, nodes, shards, candidates=candidates, on_progress=progress)
    console.print(
        f"run {result.run_id}: {result.outcome} in {result.seconds:.0f}s on {len(set(result.jobs.values()))} node(s), "
        f"{len(result.jobs)} shards — {result.checked} checked, {result.unreachable} not checked",
        highlight=False,
    )
    send_alerts(ctx, config)


def register(root: typer.Typer) -> None:
    root.command("crawl")(crawl)
