"""`monitor scrapyd ...`: deploy the crawler to Scrapyd nodes."""

from __future__ import annotations

from typing import List

import typer

from monitor.cli import console
from monitor.scrapyd import deploy

app = typer.Typer(help="Distributed crawling on Scrapyd nodes.", no_args_is_help=True)


@app.command("deploy")
def deploy_command(nodes: List[str] = typer.Argument(..., help="Scrapyd URLs, e.g. http://node1:6800")) -> None:
    """Deploy the project to Scrapyd nodes (the package must be installed on each node)."""
    for node in nodes:
        answer = deploy(node)
        console.print(f"{node}: project {answer.get('project')} version {answer.get('version')}, spiders: {answer.get('spiders')}")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="scrapyd")
