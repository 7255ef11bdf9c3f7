"""JSON-lines form of :class:`SiteFetch`, for handing crawl results between processes."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from monitor.model import CrawledPage, FetchedPage, PageRole, SiteFetch


def page_to_json(crawled: CrawledPage) -> dict[str, Any]:
    page = crawled.page
    return {
        "url": page.url,
        "final_url": page.final_url,
        "status": page.status,
        "fetched_at": page.fetched_at.isoformat(),
        "role": str(page.role),
        "headers": dict(page.headers),
        "redirects": list(page.redirects),
        "encoding": page.encoding,
        "outbound_domains": list(crawled.outbound_domains),
        "body": base64.b64encode(page.body).decode("ascii"),
    }


def page_from_json(data: dict[str, Any]) -> CrawledPage:
    page = FetchedPage(
        url=data["url"],
        final_url=data["final_url"],
        status=int(data["status"]),
        body=base64.b64decode(data["body"]),
        fetched_at=datetime.fromisoformat(data["fetched_at"]),
        role=PageRole(data["role"]),
        headers=dict(data.get("headers") or {}),
        redirects=tuple(data.get("redirects") or ()),
        encoding=data.get("encoding"),
    )
    return CrawledPage(page, tuple(data.get("outbound_domains") or ()))


def fetch_to_json(fetch: SiteFetch) -> dict[str, Any]:
    return {
        "domain": fetch.domain,
        "kind": fetch.kind,
        "failure": fetch.failure,
        "failure_url": fetch.failure_url,
        "errors": list(fetch.errors),
        "pages": [page_to_json(p) for p in fetch.pages],
    }


def fetch_from_json(data: dict[str, Any]) -> SiteFetch:
    return SiteFetch(
        domain=data["domain"],
        kind=data.get("kind", "registry"),
        pages=tuple(page_from_json(p) for p in data.get("pages", ())),
        failure=data.get("failure"),
        failure_url=data.get("failure_url"),
        errors=tuple(data.get("errors") or ()),
    )


def read_spool(path: str | Path) -> Iterator[SiteFetch]:
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield fetch_from_json(json.loads(line))
