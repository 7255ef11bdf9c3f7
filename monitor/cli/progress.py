"""Crawl progress on a terminal (a live bar) or in a log (a line every tenth)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from monitor.cli import console
from monitor.crawl import CrawlProgress

Callback = Callable[[CrawlProgress, dict[str, Any]], None]


@contextmanager
def crawl_progress(label: str = "crawling") -> Iterator[Callback]:
    """A progress callback for :func:`monitor.crawl.run_spider` (total comes from the run)."""
    if console.is_terminal:
        bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("sites · {task.fields[pages]} pages · {task.fields[failed]} not checked"),
            TimeElapsedColumn(),
            console=console,
        )
        task = bar.add_task(label, total=None, pages=0, failed=0)

        def update(progress: CrawlProgress, event: dict[str, Any]) -> None:
            bar.update(
                task,
                total=progress.total,
                completed=progress.done,
                pages=progress.pages,
                failed=progress.unreachable + progress.store_errors,
            )

        with bar:
            yield update
        return

    def log(progress: CrawlProgress, event: dict[str, Any]) -> None:
        step = max(1, progress.total // 10)
        if progress.done % step == 0 or progress.done == progress.total:
            console.print(
                f"{label}: {progress.done}/{progress.total} sites, {progress.pages} pages, "
                f"{progress.unreachable + progress.store_errors} not checked",
                highlight=False,
            )

    yield log
