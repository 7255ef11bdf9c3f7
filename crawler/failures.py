"""Short, readable reasons for failed requests (what an inspector sees as 'not checked')."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.web._newclient import ResponseNeverReceived

from crawler.resolver import BLOCKED

# Twisted wraps the real causes: "[<twisted.python.failure.Failure x.y.ConnectionDone: text>]".
_WRAPPED = re.compile(r"Failure ([\w.]+): ([^>]*)>")

# Failures after which trying the site's next start URL (http after https) makes sense.
FALLBACK = (
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    DownloadFailedError,
    ConnectionRefusedError,
    TimeoutError,
    TCPTimedOutError,
    ResponseNeverReceived,
)


def describe(failure: Any) -> str:
    error = failure.value
    message = str(error).strip()
    if "blocked:" in message:
        return message[message.index("blocked:"):]
    if isinstance(error, (CannotResolveHostError, DNSLookupError)):
        request = getattr(failure, "request", None)
        host = (urlsplit(request.url).hostname or "").lower() if request is not None else ""
        if host in BLOCKED:
            return BLOCKED[host]
        return "DNS lookup failed (no address for the host)"
    if isinstance(error, (DownloadConnectionRefusedError, ConnectionRefusedError)):
        return "connection refused"
    if isinstance(error, (DownloadTimeoutError, TimeoutError, TCPTimedOutError)):
        return f"timed out ({message})" if message else "timed out"
    if isinstance(error, DownloadCancelledError):
        if "max size" in message or "maxsize" in message or "larger than" in message:
            return f"body over the size limit ({message})"
        return f"download cancelled ({message})"
    if isinstance(error, IgnoreRequest):
        if "max redirections" in message.lower():
            return "redirect loop (too many redirects)"
        if "robots.txt" in message.lower():
            return "forbidden by robots.txt"
        return message or "request refused"
    if isinstance(error, (DownloadFailedError, ResponseDataLossError, ResponseNeverReceived)):
        inner = "; ".join(f"{name.rsplit('.', 1)[-1]}: {text.strip()}" for name, text in _WRAPPED.findall(message))
        detail = inner or message
        text = detail.lower()
        if "ssl" in text or "tls" in text or "certificate" in text or "handshake" in text:
            return f"TLS error ({detail[:200]})"
        if "connectiondone" in text or "connectionlost" in text:
            return "the server closed the connection without answering"
        return f"connection failed ({detail[:200]})"
    return f"{type(error).__name__}: {message[:200]}"


def allows_fallback(failure: Any) -> bool:
    return isinstance(failure.value, FALLBACK) and not describe(failure).startswith("blocked:")
