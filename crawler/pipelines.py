"""Hands each finished site over: into the database (ingest) or into a spool file.

Pages are gathered per site until the spider says the site is done, then
handed over in one piece on a single worker thread, so the database work
never blocks the crawl and SQLite sees one writer.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from crawler.items import PageItem, SiteDoneItem
from monitor.model import CrawledPage, SiteFetch
from monitor.spool import fetch_to_json

log = logging.getLogger(__name__)


class DatabaseSink:
    def __init__(self, url: str, run_id: int):
        from monitor.store import open_database

        self.database = open_database(url)
        self.run_id = run_id

    def write(self, fetch: SiteFetch) -> dict[str, Any]:
        from monitor.ingest import ingest_site

        with self.database.session() as session:
            outcome = ingest_site(session, self.run_id, fetch)
            lifecycle = outcome.lifecycle
            return {
                "checked": outcome.checked,
                "findings": len(lifecycle.opened) + len(lifecycle.reopened) + len(lifecycle.seen),
                "opened": len(lifecycle.opened) + len(lifecycle.reopened),
            }

    def close(self) -> None:
        self.database.dispose()


class SpoolSink:
    def __init__(self, path: str):
        self.file = open(path, "a", encoding="utf-8")

    def write(self, fetch: SiteFetch) -> dict[str, Any]:
        self.file.write(json.dumps(fetch_to_json(fetch), ensure_ascii=False) + "\n")
        self.file.flush()
        return {"checked": fetch.checked}

    def close(self) -> None:
        self.file.close()


class MonitorPipeline:
    def __init__(self, crawler: Any):
        settings = crawler.settings
        self.crawler = crawler
        self.sink_name = settings.get("MONITOR_SINK", "database")
        self.progress = settings.getbool("MONITOR_PROGRESS")
        self.database_url = settings.get("MONITOR_DATABASE_URL")
        self.run_id = settings.getint("MONITOR_RUN_ID") if settings.get("MONITOR_RUN_ID") else None
        self.spool_path = settings.get("MONITOR_SPOOL_PATH")
        self.pages: dict[str, list[CrawledPage]] = defaultdict(list)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="monitor-sink")
        self.sink: DatabaseSink | SpoolSink | None = None
        self.failed_sites = 0

    @classmethod
    def from_crawler(cls, crawler: Any) -> "MonitorPipeline":
        return cls(crawler)

    def open_spider(self) -> None:
        if self.sink_name == "spool":
            if not self.spool_path:
                raise ValueError("MONITOR_SINK=spool needs MONITOR_SPOOL_PATH")
            self.sink = SpoolSink(self.spool_path)
        elif self.sink_name == "database":
            if self.run_id is None:
                self.run_id = self._create_run()
            self.sink = DatabaseSink(self.database_url, self.run_id)
        else:
            raise ValueError(f"unknown MONITOR_SINK {self.sink_name!r}")

    def _create_run(self) -> int:
        """A run for `scrapy crawl sites` started by hand (monitor crawl passes its own)."""
        from monitor.store import open_database
        from monitor.store.runs import start_run
        from monitor.config import load_config

        database = open_database(self.database_url)
        try:
            with database.session() as session:
                return start_run(session, load_config(), trigger="scrapy").id
        finally:
            database.dispose()

    def _emit(self, event: dict[str, Any]) -> None:
        if self.progress:
            sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
            sys.stdout.flush()

    async def _hand_over(self, fetch: SiteFetch) -> None:
        assert self.sink is not None
        loop = asyncio.get_running_loop()
        try:
            summary = await loop.run_in_executor(self.executor, self.sink.write, fetch)
        except Exception as exc:  # one bad site must not stop the run
            log.exception("could not store results for %s", fetch.domain)
            self.failed_sites += 1
            summary = {"checked": False, "store_error": f"{type(exc).__name__}: {exc}"}
        self._emit(
            {
                "event": "site",
                "domain": fetch.domain,
                "kind": fetch.kind,
                "pages": len(fetch.pages),
                "failure": fetch.failure,
                **summary,
            }
        )

    async def process_item(self, item: Any) -> Any:
        if isinstance(item, PageItem):
            self.pages[item.site].append(item.crawled)
        elif isinstance(item, SiteDoneItem):
            fetch = SiteFetch(
                domain=item.site,
                kind=item.kind,
                pages=tuple(self.pages.pop(item.site, ())),
                failure=item.failure,
                failure_url=item.failure_url,
                errors=item.errors,
            )
            await self._hand_over(fetch)
        return item

    async def close_spider(self) -> None:
        # Sites still open when the crawl stops (time limit, shutdown) are
        # handed over with what was fetched; without a home page they count
        # as not checked.
        spider = self.crawler.spider
        for domain in list(self.pages) + [d for d in getattr(spider, "sites", {}) if d not in self.pages]:
            state = getattr(spider, "sites", {}).get(domain)
            fetch = SiteFetch(
                domain=domain,
                kind=state.target.kind if state else "registry",
                pages=tuple(self.pages.pop(domain, ())),
                failure=(state.failure if state and state.failure else None)
                or "the crawl stopped before this site was finished",
                errors=tuple(state.errors) if state else (),
            )
            await self._hand_over(fetch)
        self.executor.shutdown(wait=True)
        if self.sink is not None:
            self.sink.close()
