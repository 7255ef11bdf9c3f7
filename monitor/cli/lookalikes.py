"""`monitor lookalikes ...`: lookalike-domain matching, feeds and scans."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(help="Find domains that imitate registered shops.", no_args_is_help=True)


@app.command("match")
def match(
    ctx: typer.Context,
    brands: Path = typer.Option(
        ..., "--brands", metavar="FILE", help="CSV with header 'domain,aliases' (aliases ';'-separated; optional 'owned_domains')."
    ),
    candidates: Path = typer.Option(..., "--candidates", metavar="FILE", help="One domain or URL per line."),
    allow: Optional[Path] = typer.Option(None, "--allow", metavar="FILE", help="Domains never flagged, one per line."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per flagged pair, one per line."),
    min_score: Optional[float] = typer.Option(
        None, "--min-score", metavar="N", help="Lowest score reported, 0-100 (default: \\[lookalikes] min_score, 70)."
    ),
    workers: int = typer.Option(1, "--workers", metavar="N", help="Worker processes for large candidate files."),
) -> None:
    """Match candidate domains against registered brands (pure matching, no database).

    Domains in \\[lookalikes] allow of the configuration are never flagged either.
    """
    from monitor.cli import state
    from monitor.lookalike import Matcher, iter_domain_lines, read_allow_list, read_brands_csv
    from monitor.lookalike.brands import LookalikeInputError

    settings = state(ctx).config.lookalikes
    if min_score is None:
        min_score = settings.min_score
    feed = iter_domain_lines(candidates)  # opened now: a missing file fails before the index is built
    allowed = [*settings.allow, *(read_allow_list(allow) if allow is not None else [])]
    try:
        matcher = Matcher(read_brands_csv(brands), allowed, min_score=min_score)
    except ValueError as exc:  # DomainError in the allow list (file or configuration)
        raise LookalikeInputError(f"allow list: {exc}") from exc
    invalid: list[str] = []
    found = matcher.match_many(feed, workers=max(1, workers), on_invalid=lambda text, reason: invalid.append(text))
    if as_json:
        out = sys.stdout
        for m in found:
            out.write(json.dumps(m.as_dict(), ensure_ascii=False) + "\n")
        out.flush()
    else:
        _print_table(list(found))
    if invalid:
        from monitor.cli import err_console

        shown = ", ".join(invalid[:3]) + (", ..." if len(invalid) > 3 else "")
        err_console.print(f"skipped {len(invalid)} line(s) that are not domains: {shown}", highlight=False, markup=False)


def _print_table(matches: list) -> None:
    from rich.table import Table

    from monitor.cli import console

    if not matches:
        console.print("no lookalikes found")
        return
    table = Table("candidate", "target", "score", "techniques")
    for m in sorted(matches, key=lambda m: (-m.score, m.candidate, m.target)):
        table.add_row(m.candidate, m.target, str(m.score), ", ".join(m.techniques))
    console.print(table)
    console.print(f"{len(matches)} lookalike pair(s)")


@app.command("import")
def import_feed(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="One domain or URL per line ('#' starts a comment)."),
    source: str = typer.Option(..., "--source", help="Name of the feed, kept with each domain (e.g. nrd-2026-11-20, tip-hotline)."),
) -> None:
    """Import candidate domains (newly registered domains, certificate logs, tips)."""
    from datetime import UTC, datetime

    from monitor.cli import console, err_console
    from monitor.cli.common import database
    from monitor.feeds import read_feed, store_feed

    feed = read_feed(file)
    for problem in feed.problems:
        err_console.print(f"[yellow]skipped:[/] {problem}", highlight=False)
    with database(ctx) as db, db.session() as session:
        new, known = store_feed(session, feed.domains, source, datetime.now(UTC))
    console.print(
        f"{file}: {new} new candidate domains, {known} already known, {len(feed.problems)} lines skipped",
        highlight=False,
    )


@app.command("scan")
def scan_command(
    ctx: typer.Context,
    verify: bool = typer.Option(False, "--verify", help="Crawl flagged domains; selling, the brand's name or a badge raises the severity."),
    workers: int = typer.Option(1, "--workers", min=1, help="Matcher processes (for millions of candidates)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per flagged pair."),
) -> None:
    """Match every stored candidate domain against the registry; store pairs and LOOKALIKE_DOMAIN findings."""
    from monitor.cli import console
    from monitor.cli.common import database, get_config
    from monitor.cli.crawl import send_alerts
    from monitor.cli.progress import crawl_progress
    from monitor.lookalike_scan import scan

    config = get_config(ctx)
    with database(ctx) as db:
        if as_json:
            summary = scan(db, config, verify=verify, workers=workers)
        else:
            with crawl_progress("verifying") as update:
                summary = scan(db, config, verify=verify, workers=workers, on_progress=update)
    if as_json:
        for match in summary.top:
            print(json.dumps(match.as_dict(), ensure_ascii=False))
    else:
        console.print(str(summary), highlight=False)
        if summary.top:
            _print_table(summary.top)
    send_alerts(ctx, config)


@app.command("list")
def list_command(
    ctx: typer.Context,
    min_score: float = typer.Option(0, "--min-score", help="Only pairs scoring at least this."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per pair."),
) -> None:
    """Show stored lookalike pairs, best first, with the techniques that explain them and the verdict."""
    from sqlalchemy import select

    from monitor.cli import console
    from monitor.cli.common import database
    from monitor.store.models import LookalikeCandidate

    with database(ctx) as db, db.session() as session:
        rows = session.scalars(
            select(LookalikeCandidate).where(LookalikeCandidate.score >= min_score).order_by(LookalikeCandidate.score.desc(), LookalikeCandidate.domain)
        ).all()
        pairs = [
            {
                "candidate": r.domain, "target": r.site.domain, "score": r.score, "techniques": r.techniques,
                "verdict": r.verdict, "sources": r.sources, "first_seen_at": r.first_seen_at.isoformat(),
            }
            for r in rows
        ]
    if as_json:
        for pair in pairs:
            print(json.dumps(pair, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table(title=f"Lookalike domains ({len(pairs)})")
    for name in ("candidate", "imitates", "score", "techniques", "verdict", "sources"):
        table.add_column(name, overflow="fold")
    for p in pairs:
        table.add_row(p["candidate"], p["target"], f"{p['score']:.0f}", ", ".join(p["techniques"]), p["verdict"], ", ".join(p["sources"]))
    console.print(table)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="lookalikes")
