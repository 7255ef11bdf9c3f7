"""Downloader middleware refusing IP-literal URLs that point at private addresses.

Host names are checked by :class:`crawler.resolver.GuardedResolver` when
they are resolved; a URL that names an address directly never reaches the
resolver, so it is checked here (redirect targets pass through again).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.exceptions import IgnoreRequest

from crawler.resolver import blocked_reason, host_allowed


class PrivateAddressGuard:
    def __init__(self, allowed: frozenset[str]):
        self.allowed = allowed

    @classmethod
    def from_crawler(cls, crawler: Any) -> "PrivateAddressGuard":
        return cls(frozenset(h.lower() for h in crawler.settings.getlist("MONITOR_ALLOWED_PRIVATE_HOSTS")))

    def process_request(self, request: Request) -> None:
        try:
            host = urlsplit(request.url).hostname or ""
        except ValueError:
            raise IgnoreRequest(f"blocked: malformed URL {request.url!r}") from None
        if host_allowed(host, self.allowed):
            return None
        reason = blocked_reason(host)
        if reason:
            raise IgnoreRequest(f"blocked: {reason}")
        return None
