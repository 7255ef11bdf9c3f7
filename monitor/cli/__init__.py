"""The ``monitor`` command line.

Each command family lives in its own module and registers a Typer sub-app
here. Errors derived from :class:`monitor.errors.MonitorError` become one
clear line on stderr and a non-zero exit status; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Optional

import typer
from rich.console import Console

from monitor import __version__
from monitor.config import Config, load_config
from monitor.errors import MonitorError

console = Console()
err_console = Console(stderr=True)

app = typer.Typer(
    name="monitor",
    help="Compliance monitor for Vietnamese e-commerce websites.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@dataclass
class State:
    config_path: Optional[str] = None
    _config: Optional[Config] = field(default=None, repr=False)

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path)
        return self._config


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def _version(value: bool) -> None:
    if value:
        console.print(f"monitor {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    config: Optional[str] = typer.Option(
        None, "--config", metavar="FILE", help="Configuration file (default: $MONITOR_CONFIG or config/monitor.toml)."
    ),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    ctx.obj = State(config_path=config)


def _register(command: str | None = None) -> None:
    """Add the commands of this package's modules (each has a ``register(app)``).

    A module is named after the command it adds. When the command line names
    one, only that module is imported, so `monitor check` does not pay for
    loading the scheduler, Apprise or openpyxl; `monitor --help` loads all.
    """
    import importlib
    import pkgutil

    names = sorted(m.name for m in pkgutil.iter_modules(__path__))
    if command in names:
        names = [command]
    for name in names:
        register = getattr(importlib.import_module(f"{__name__}.{name}"), "register", None)
        if callable(register):
            register(app)


def _command_name(argv: list[str]) -> str | None:
    """The first word that is not an option (or the value of --config)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--config":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _register(_command_name(argv))
    try:
        # Outside standalone mode click returns the code of `raise typer.Exit(n)`.
        code = app(args=argv, prog_name="monitor", standalone_mode=False)
    except MonitorError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", highlight=False)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        err_console.print("aborted")
        return 130
    except KeyboardInterrupt:
        err_console.print("interrupted")
        return 130
    except typer.TyperException as exc:  # usage errors arrive here in non-standalone mode
        show = getattr(exc, "show", None)
        if show is None:
            raise
        show()
        return getattr(exc, "exit_code", 2)
    return code if isinstance(code, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
