"""Domain and URL normalisation shared by the registry, the crawler and the matchers.

Registry rows, crawled links and feed lines are all untrusted text. Everything
that compares domains goes through :func:`normalise_host` and
:func:`registrable_domain` so that ``https://WWW.Shop.vn:443/gio-hang``,
``shop.vn`` and ``xn--...`` spellings meet as the same key.

tldextract is used with its bundled suffix list only (``suffix_list_urls=()``):
nothing is ever downloaded.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import idna
import tldextract

from monitor.errors import MonitorError


class DomainError(MonitorError, ValueError):
    """Raised for text that cannot be read as a domain name."""


_EXTRACT = tldextract.TLDExtract(
    cache_dir=None,
    suffix_list_urls=(),
    fallback_to_snapshot=True,
    include_psl_private_domains=True,
)

_LABEL = re.compile(r"^(?!-)[a-z0-9\-\u00a0-\uffff_]{1,63}(?<!-)$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.I)


def _load_hosting_suffixes() -> frozenset[str]:
    text = resources.files("monitor.data").joinpath("hosting_suffixes.txt").read_text("utf-8")
    return frozenset(
        line.split("#", 1)[0].strip().lower()
        for line in text.splitlines()
        if line.split("#", 1)[0].strip()
    )


HOSTING_SUFFIXES: frozenset[str] = _load_hosting_suffixes()
# Every public-suffix rule of the bundled list (ICANN and private sections).
SUFFIX_RULES: frozenset[str] = frozenset(_EXTRACT.tlds)


def host_of(text: str) -> str:
    """Return the host part of a URL or bare domain, without port or credentials."""
    raw = text.strip().strip(".")
    if not raw:
        raise DomainError("empty domain")
    if not _SCHEME.match(raw):
        raw = "//" + raw.lstrip("/")
    try:
        host = urlsplit(raw).hostname or ""
    except ValueError as exc:  # e.g. bad IPv6 literal, bad port
        raise DomainError(f"not a URL or domain: {text.strip()!r}") from exc
    if not host:
        raise DomainError(f"not a URL or domain: {text.strip()!r}")
    return host


@lru_cache(maxsize=65536)
def to_unicode(host: str) -> str:
    """Decode punycode labels (``xn--``) to Unicode; leave other labels as they are."""
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = idna.decode(label)
            except idna.IDNAError:
                try:
                    label = label.encode("ascii").decode("idna")
                except UnicodeError as exc:
                    raise DomainError(f"bad punycode label {label!r}") from exc
        labels.append(label)
    return ".".join(labels)


@lru_cache(maxsize=65536)
def to_ascii(host: str) -> str:
    """Encode a Unicode host to its ASCII (punycode) form for DNS and HTTP."""
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError:
        try:
            return host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise DomainError(f"cannot encode {host!r} as an IDN") from exc


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@lru_cache(maxsize=65536)
def normalise_host(text: str) -> str:
    """Lower-case Unicode host with scheme, path, port and a leading ``www.`` removed.

    Accepts a URL or a bare domain, in Unicode or punycode. Raises
    :class:`DomainError` for anything that is not a plausible host name.
    """
    host = unicodedata.normalize("NFC", to_unicode(host_of(text).lower().rstrip("."))).lower()
    while host.startswith("www.") and host.count(".") >= 2:
        host = host[4:]
    if is_ip(host):
        return host
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        raise DomainError(f"not a domain name: {text.strip()!r}")
    return host


def split_host(host: str) -> tuple[str, str, str]:
    """(subdomain, domain label, suffix) of an already normalised host; hosting domains count as suffixes."""
    parts = host.split(".")
    for i in range(1, len(parts) - 1):
        if ".".join(parts[i:]) in HOSTING_SUFFIXES:
            return ".".join(parts[: i - 1]), parts[i - 1], ".".join(parts[i:])
    ascii_host = to_ascii(host) if not host.isascii() else host
    ext = _EXTRACT(ascii_host)
    if not ext.suffix or not ext.domain:
        return "", "", ""
    return (to_unicode(ext.subdomain), to_unicode(ext.domain), to_unicode(ext.suffix))


@lru_cache(maxsize=65536)
def split_domain(text: str) -> tuple[str, str, str]:
    """(subdomain, registrable label, public suffix) of a normalised host."""
    host = normalise_host(text)
    if is_ip(host):
        return "", host, ""
    return split_host(host)


def registrable_domain(text: str) -> str:
    """The unit a shop registers: ``shop.com.vn`` for ``a.b.shop.com.vn``.

    Hosting and dynamic-DNS domains count as suffixes, so ``brand.weebly.com``
    is its own registrable domain. Raises :class:`DomainError` for a host
    with no known public suffix.
    """
    host = normalise_host(text)
    if is_ip(host):
        return host
    _, label, suffix = split_host(host)
    if not label:
        raise DomainError(f"no registrable domain in {text.strip()!r} (unknown suffix)")
    return f"{label}.{suffix}"


def same_site(url_or_host: str, site_domain: str) -> bool:
    """True when the URL's host is the site's domain or one of its subdomains."""
    try:
        host = normalise_host(url_or_host)
    except DomainError:
        return False
    return host == site_domain or host.endswith("." + site_domain)
