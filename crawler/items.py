"""What the spider yields: one item per fetched page, one when a site is finished."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.model import CrawledPage


@dataclass
class PageItem:
    site: str
    crawled: CrawledPage


@dataclass
class SiteDoneItem:
    site: str
    kind: str
    failure: str | None
    failure_url: str | None
    errors: tuple[str, ...]
