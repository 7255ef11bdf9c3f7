"""DNS resolution that refuses private destinations (SSRF guard).

Registry rows and crawled links are untrusted: a shop domain pointing at
127.0.0.1 or 10.x must not make the crawler talk to internal services.
Checking at resolution time means the address checked is the address the
connection uses, redirects included.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.error import DNSLookupError


class BlockedAddress(DNSLookupError):
    """Raised instead of connecting to a loopback/private/link-local/multicast address."""


def blocked_reason(address: str) -> str | None:
    """Why connecting to ``address`` is refused, or None when it is a public address."""
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for attribute, label in (
        ("is_loopback", "loopback"),
        ("is_private", "private"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_unspecified", "unspecified"),
        ("is_reserved", "reserved"),
    ):
        if getattr(ip, attribute):
            return f"{address} is a {label} address"
    return None


# Twisted turns a failed simple resolution into a generic "no results" error;
# the reason a host was refused is kept here so the run can report it.
BLOCKED: dict[str, str] = {}


def host_allowed(host: str, allowed: frozenset[str]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == a or host.endswith("." + a) for a in allowed)


class GuardedResolver(CachingThreadedResolver):
    allowed: frozenset[str] = frozenset()

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> "GuardedResolver":
        resolver = super().from_crawler(crawler, reactor)
        resolver.allowed = frozenset(
            h.lower() for h in crawler.settings.getlist("MONITOR_ALLOWED_PRIVATE_HOSTS")
        )
        return resolver

    def getHostByName(self, name: str, timeout: Any = ()) -> Any:
        deferred = super().getHostByName(name, timeout)
        if host_allowed(name, self.allowed):
            return deferred

        def check(address: str) -> str:
            reason = blocked_reason(address)
            if reason:
                message = f"blocked: {name} resolves to {reason}"
                BLOCKED[name.lower()] = message
                raise BlockedAddress(message)
            return address

        return deferred.addCallback(check)
