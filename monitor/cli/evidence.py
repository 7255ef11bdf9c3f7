"""`monitor evidence`: evidence packages an inspector can hand over, and their verification.

``monitor evidence DOMAIN|FINDING_ID --out DIR [--zip]`` makes a package;
``monitor evidence verify DIR|ZIP`` checks one. The first form is the
``create`` command, taken when the first word is not a command name.
"""

from __future__ import annotations

from pathlib import Path

import click
import typer
from typer.core import TyperGroup

from monitor.cli import console
from monitor.cli.common import database
from monitor.errors import MonitorError
from monitor.outputs.evidence import build_package, verify_package


class PackageNotIntact(MonitorError):
    """Verification found a difference (exit status 1; 2 is for errors of use)."""

    exit_code = 1


class _DefaultCreate(TyperGroup):
    """``monitor evidence shop.vn ...`` means ``monitor evidence create shop.vn ...``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["create", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_DefaultCreate,
    help="Evidence packages: stored pages exactly as fetched, with a manifest of hashes.\n\n"
    "monitor evidence DOMAIN|FINDING_ID --out DIR [--zip]\n\nmonitor evidence verify DIR|ZIP",
    no_args_is_help=True,
)


@app.command("create")
def create(
    ctx: typer.Context,
    target: str = typer.Argument(..., metavar="DOMAIN|FINDING_ID", help="A domain (all its findings) or one finding id."),
    out: Path = typer.Option(..., "--out", "-o", metavar="DIR", help="New folder to write (or the zip's name with --zip)."),
    as_zip: bool = typer.Option(False, "--zip", help="Write one zip file instead of a folder."),
) -> None:
    """Write the pages, a manifest (JSON) and a summary in Vietnamese (HTML)."""
    with database(ctx) as db, db.session() as session:
        result = build_package(session, target, out, as_zip=as_zip)
    console.print(
        f"{result.path}: {result.pages} pages, {result.findings} findings of {result.domain}",
        highlight=False, markup=False,
    )
    console.print(
        f"manifest.json sha256 {result.manifest_sha256} (write it into the inspection record)",
        highlight=False, markup=False,
    )


@app.command("verify")
def verify(
    path: Path = typer.Argument(..., metavar="DIR|ZIP", help="A package folder or zip."),
) -> None:
    """Recompute every hash; name each file altered, missing or added. Exit 1 unless intact."""
    result = verify_package(path)
    for line in result.lines():
        console.print(line, highlight=False, markup=False)
    if result.intact:
        console.print(
            f"intact: {len(result.ok)} files match the manifest (manifest.json sha256 {result.manifest_sha256})",
            highlight=False, markup=False,
        )
        return
    raise PackageNotIntact(
        f"{path} is NOT intact: {len(result.altered)} altered, {len(result.missing)} missing, "
        f"{len(result.added)} added, {len(result.problems)} other problems"
    )


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="evidence")
