"""Helpers for the checks' tests: pages built from real-looking shop HTML."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.checks.page import ParsedPage
from monitor.model import FetchedPage, PageRole

CORPUS = Path(__file__).parent / "corpus"
BEFORE_LAW_122 = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
AFTER_LAW_122 = datetime(2026, 9, 1, 1, 30, tzinfo=UTC)


def fetched(html: str | bytes, url: str = "https://shop.vn/", *, role: PageRole = PageRole.HOME,
            status: int = 200, at: datetime = BEFORE_LAW_122, headers: dict | None = None) -> FetchedPage:
    body = html.encode("utf-8") if isinstance(html, str) else html
    return FetchedPage(url=url, final_url=url, status=status, body=body, fetched_at=at, role=role,
                       headers=headers if headers is not None else {"content-type": "text/html; charset=utf-8"})


def parsed(html: str | bytes, url: str = "https://shop.vn/", **kwargs) -> ParsedPage:
    return ParsedPage(fetched(html, url, **kwargs))


def footer(inner: str, title: str = "Shop") -> str:
    """A minimal page whose footer holds ``inner``."""
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><main><h1>{title}</h1></main><footer class="site-footer">{inner}</footer></body></html>')


def corpus_page(name: str) -> str:
    return (CORPUS / name).read_text("utf-8")


@pytest.fixture
def make_page():
    return fetched
