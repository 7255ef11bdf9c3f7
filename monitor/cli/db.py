"""`monitor db ...`: schema migrations."""

from __future__ import annotations

import typer

from monitor.cli import console
from monitor.cli.common import get_config
from monitor.store.db import current_revision, head_revision, make_engine, upgrade

app = typer.Typer(help="Database schema.", no_args_is_help=True)


@app.command("upgrade")
def upgrade_command(ctx: typer.Context) -> None:
    """Create the database or bring its schema up to date."""
    config = get_config(ctx)
    engine = make_engine(config.database_url)
    try:
        before = current_revision(engine)
        upgrade(engine)
        after = current_revision(engine)
    finally:
        engine.dispose()
    url = engine.url.render_as_string(hide_password=True)
    if before == after:
        console.print(f"{url}: already at revision {after}")
    else:
        console.print(f"{url}: upgraded from {before or 'empty'} to {after}")


@app.command("status")
def status_command(ctx: typer.Context) -> None:
    """Show the schema revision of the database and of this version of the tool."""
    engine = make_engine(get_config(ctx).database_url)
    try:
        current = current_revision(engine)
    finally:
        engine.dispose()
    head = head_revision()
    console.print(f"database revision: {current or 'none (empty database)'}; tool expects: {head}")
    if current != head:
        console.print("run `monitor db upgrade` (any other command also upgrades on first use)")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="db")
