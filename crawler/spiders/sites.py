"""Spider ``sites``: the home page of each target, its most telling pages, its badge record.

For every target site it fetches the home page (https first, then http, or
the start URLs given), then up to ``MONITOR_MAX_PAGES_PER_SITE`` same-site
pages most likely to hold owner information and policies, and the
online.gov.vn record pages its MOIT badge links to. It yields a
:class:`~crawler.items.PageItem` per page and a
:class:`~crawler.items.SiteDoneItem` when nothing is left in flight for a site.

Targets come from ``-a targets=FILE`` (JSON lines: ``{"domain": ..., "kind":
"registry"|"candidate", "urls": [...]}``), from ``-a domains=a.vn,b.vn``, or
else from the registry in the monitor database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, AsyncIterator, Iterable

import scrapy
from scrapy.http import Response, TextResponse

from crawler.failures import allows_fallback, describe
from crawler.items import PageItem, SiteDoneItem
from monitor.checks import link_priority, record_links
from monitor.checks.page import ParsedPage
from monitor.crawl import CrawlTarget as Target
from monitor.domains import DomainError, normalise_host, registrable_domain
from monitor.model import CrawledPage, FetchedPage, PageRole

SELECTED_HEADERS = (
    "content-type",
    "content-length",
    "content-language",
    "date",
    "last-modified",
    "etag",
    "server",
    "x-powered-by",
)


@dataclass
class SiteState:
    target: Target
    start_urls: list[str]
    pending: int = 0
    attempt: int = 0
    seen: set[str] = field(default_factory=set)
    same_site: set[str] = field(default_factory=set)  # registrable domains counted as the site
    portal_requests: int = 0
    failure: str | None = None
    failure_url: str | None = None
    errors: list[str] = field(default_factory=list)
    home_failures: list[str] = field(default_factory=list)
    done: bool = False


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


def _registrable(url: str) -> str | None:
    try:
        return registrable_domain(url)
    except DomainError:
        return None


class SitesSpider(scrapy.Spider):
    name = "sites"

    def __init__(
        self,
        targets: str | None = None,
        domains: str | None = None,
        shard: str | None = None,
        candidates: str | int = 0,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.targets_file = targets
        self.domains_arg = domains
        self.shard = shard
        self.candidates = int(candidates or 0)
        self.sites: dict[str, SiteState] = {}

    # -- targets ---------------------------------------------------------------
    def _load_targets(self) -> Iterable[Target]:
        if self.targets_file:
            with Path(self.targets_file).open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        data = json.loads(line)
                        yield Target(data["domain"], data.get("kind", "registry"), tuple(data.get("urls", ())))
            return
        if self.domains_arg:
            for domain in self.domains_arg.split(","):
                if domain.strip():
                    yield Target(normalise_host(domain), "registry")
            return
        yield from self._targets_from_database()

    def _targets_from_database(self) -> Iterable[Target]:
        """The registry (and candidates), or one shard of it on a Scrapyd node."""
        from monitor.crawl import select_targets
        from monitor.scrapyd import parse_shard, shard_of
        from monitor.store import open_database

        index, total = parse_shard(self.shard) if self.shard else (0, 1)
        database = open_database(self.settings.get("MONITOR_DATABASE_URL"))
        try:
            with database.session() as session:
                chosen = select_targets(session, candidates=self.candidates)
        finally:
            database.dispose()
        yield from (t for t in chosen if shard_of(t.domain, total) == index)

    def _start_urls(self, target: Target) -> list[str]:
        if target.urls:
            return list(target.urls)
        first = self.settings.get("MONITOR_START_SCHEME", "https")
        schemes = [first] + [s for s in ("https", "http") if s != first]
        return [f"{scheme}://{target.domain}/" for scheme in schemes]

    async def start(self) -> AsyncIterator[Any]:
        for target in self._load_targets():
            if target.domain in self.sites:
                continue
            state = SiteState(target, self._start_urls(target))
            self.sites[target.domain] = state
            yield self._request(state, state.start_urls[0], PageRole.HOME)

    # -- requests ---------------------------------------------------------------
    def _request(self, state: SiteState, url: str, role: PageRole) -> scrapy.Request:
        state.pending += 1
        state.seen.add(url)
        callback = self.parse_home if role == PageRole.HOME else self.parse_page
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            dont_filter=True,
            meta={"site": state.target.domain, "role": str(role), "requested": url},
            priority=10 if role == PageRole.HOME else 0,
        )

    def _finish(self, state: SiteState) -> Iterable[SiteDoneItem]:
        state.pending -= 1
        if state.pending == 0 and not state.done:
            state.done = True
            yield SiteDoneItem(
                state.target.domain,
                state.target.kind,
                state.failure,
                state.failure_url,
                tuple(state.errors),
            )
            del self.sites[state.target.domain]

    # -- responses ----------------------------------------------------------------
    def _page(self, response: Response, role: PageRole) -> FetchedPage:
        headers = {}
        for name in SELECTED_HEADERS:
            value = response.headers.get(name)
            if value is not None:
                headers[name] = value.decode("latin-1")
        return FetchedPage(
            url=response.meta.get("requested", response.url),
            final_url=response.url,
            status=response.status,
            body=response.body,
            fetched_at=datetime.now(UTC),
            role=role,
            headers=headers,
            redirects=tuple(response.meta.get("redirect_urls", ())),
            encoding=_charset(headers.get("content-type", "")),
        )

    @staticmethod
    def _parsed(response: Response) -> ParsedPage | None:
        """The page parsed once, as the checks parse it (None: not text)."""
        if not isinstance(response, TextResponse):
            return None
        try:
            return ParsedPage.from_html(response.text, response.url)
        except Exception:  # noqa: BLE001 - an undecodable body has no links
            return None

    @staticmethod
    def _links(parsed: ParsedPage | None) -> list[tuple[str, str]]:
        """The page's links and jump-menu options, read as the checks read them."""
        if parsed is None:
            return []
        try:
            return parsed.followable_links()
        except Exception:  # noqa: BLE001 - the crawl must never stop on a page
            return []

    def _outbound(self, state: SiteState, links: list[tuple[str, str]]) -> tuple[str, ...]:
        domains = {_registrable(url) for url, _ in links}
        return tuple(sorted(d for d in domains if d and d not in state.same_site))

    def parse_home(self, response: Response) -> Iterable[Any]:
        state = self.sites[response.meta["site"]]
        page = self._page(response, PageRole.HOME)
        parsed = self._parsed(response)
        links = self._links(parsed)
        state.same_site = {d for d in (_registrable(state.target.domain), _registrable(response.url)) if d}
        yield PageItem(state.target.domain, CrawledPage(page, self._outbound(state, links)))
        if response.status >= 400:
            state.failure = f"HTTP {response.status} on the home page"
            state.failure_url = response.url
        else:
            yield from self._follow(state, parsed, links)
        yield from self._finish(state)

    def parse_page(self, response: Response) -> Iterable[Any]:
        state = self.sites[response.meta["site"]]
        role = PageRole(response.meta["role"])
        page = self._page(response, role)
        parsed = self._parsed(response) if role != PageRole.PORTAL else None
        links = self._links(parsed)
        yield PageItem(state.target.domain, CrawledPage(page, self._outbound(state, links)))
        if role == PageRole.LINKED and response.status < 400:
            yield from self._follow_badges(state, parsed)
        yield from self._finish(state)

    def _follow(self, state: SiteState, parsed: ParsedPage | None,
                links: list[tuple[str, str]]) -> Iterable[scrapy.Request]:
        yield from self._follow_badges(state, parsed)
        limit = self.settings.getint("MONITOR_MAX_PAGES_PER_SITE", 8)
        scored: dict[str, float] = {}
        for url, text in links:
            if url in state.seen or _registrable(url) not in state.same_site:
                continue
            score = link_priority(url, text)
            if score > 0:
                scored[url] = max(score, scored.get(url, 0.0))
        best = sorted(scored, key=lambda u: (-scored[u], len(u), u))[:limit]
        for url in best:
            yield self._request(state, url, PageRole.LINKED)

    def _follow_badges(self, state: SiteState, parsed: ParsedPage | None) -> Iterable[scrapy.Request]:
        if parsed is None:
            return
        limit = self.settings.getint("MONITOR_MAX_PORTAL_PAGES", 3)
        for url in record_links(parsed):
            if state.portal_requests >= limit:
                return
            if url in state.seen:
                continue
            state.portal_requests += 1
            yield self._request(state, url, PageRole.PORTAL)

    def on_error(self, failure: Any) -> Iterable[Any]:
        request = failure.request
        state = self.sites.get(request.meta.get("site"))
        if state is None:
            return
        reason = describe(failure)
        if request.meta.get("role") == str(PageRole.HOME):
            state.attempt += 1
            state.home_failures.append(f"{request.url} {reason}")
            if allows_fallback(failure) and state.attempt < len(state.start_urls):
                yield self._request(state, state.start_urls[state.attempt], PageRole.HOME)
            else:
                state.failure = reason if len(state.home_failures) == 1 else "; ".join(state.home_failures)
                state.failure_url = request.meta.get("requested", request.url)
        else:
            state.errors.append(f"{request.url}: {reason}")
        yield from self._finish(state)
