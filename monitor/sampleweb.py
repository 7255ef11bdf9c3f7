"""The sample web: every shop of ``seeds/web`` on one loopback server.

The site is chosen by the Host header (or the absolute URL of a proxy
request), so the server also works as an HTTP proxy: point Scrapy at it with
``http_proxy=http://127.0.0.1:PORT`` and every sample domain resolves to it
without touching DNS. ``seeds/web/sites.toml`` adds behaviours files cannot
express: redirects, error statuses, refused connections, hanging servers,
other charsets.
"""

from __future__ import annotations

import mimetypes
import re
import socket
import threading
import tomllib
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from monitor.config import PROJECT_ROOT

SAMPLE_WEB = PROJECT_ROOT / "seeds" / "web"
_COOKIELESS = re.compile(r"^/\(X\(1\)S\([A-Za-z0-9]+\)\)", re.I)


@dataclass(frozen=True)
class HostRule:
    redirect: str | None = None
    behaviour: str | None = None  # refuse, status, timeout
    status: int = 503
    charset: str = "utf-8"


def load_rules(root: Path) -> dict[str, HostRule]:
    path = root / "sites.toml"
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rules = {}
    for host, spec in data.get("hosts", {}).items():
        rules[host.lower()] = HostRule(
            redirect=spec.get("redirect"),
            behaviour=spec.get("behaviour"),
            status=int(spec.get("status", 503)),
            charset=spec.get("charset", "utf-8"),
        )
    return rules


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _target(self) -> tuple[str, str]:
        if self.path.startswith(("http://", "https://")):
            parts = urlsplit(self.path)
            host, path = parts.hostname or "", parts.path or "/"
        else:
            host = (self.headers.get("Host") or "").split(":")[0]
            path = urlsplit(self.path).path or "/"
        host = host.lower().rstrip(".")
        if host.startswith("www."):
            host = host[4:]
        return host, unquote(path)

    def _hang_up(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def do_CONNECT(self) -> None:
        self.send_error(405, "the sample web speaks plain HTTP only")

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        host, path = self._target()
        rule = self.server.rules.get(host, HostRule())
        if rule.behaviour == "refuse":
            return self._hang_up()
        if rule.behaviour == "timeout":
            self.server.stopping.wait(self.server.hang_seconds)
            return self._hang_up()
        if rule.behaviour == "status":
            return self._send(rule.status, b"<html><body><h1>Service Unavailable</h1></body></html>", "text/html; charset=utf-8", head)
        if rule.redirect:
            location = rule.redirect.rstrip("/") + path
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        root = self.server.root / host
        if not root.is_dir():
            return self._hang_up()  # an unknown host behaves like one that does not answer
        if host == "online.gov.vn":
            path = _COOKIELESS.sub("", path) or "/"
        file = self._resolve(root, path)
        if file is None:
            missing = root / "404.html"
            body = missing.read_bytes() if missing.exists() else b"<html><body>404 Not Found</body></html>"
            return self._send(404, body, f"text/html; charset={rule.charset}", head)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind == "text/html" or file.suffix == "":
            kind = f"text/html; charset={rule.charset}"
        elif kind.startswith("text/") or kind in ("application/javascript",):
            kind = f"{kind}; charset=utf-8"
        self._send(200, file.read_bytes(), kind, head)

    def _resolve(self, root: Path, path: str) -> Path | None:
        relative = path.strip("/")
        if ".." in relative.split("/"):
            return None
        candidates = [root / "index.html"] if not relative else [
            root / relative,
            root / f"{relative}.html",
            root / relative / "index.html",
        ]
        for candidate in candidates:
            if candidate.is_file():
                return candidate
        return None

    def _send(self, status: int, body: bytes, content_type: str, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Server", "sample-web")
        self.end_headers()
        if not head:
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, root: Path, hang_seconds: float):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root
        self.rules = load_rules(root)
        self.hang_seconds = hang_seconds
        self.stopping = threading.Event()


class SampleWeb:
    """A running sample web; use as a context manager."""

    def __init__(self, root: Path = SAMPLE_WEB, hang_seconds: float = 30.0):
        self.root = root
        self._server = _Server(root, hang_seconds)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def proxy(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def hosts(self) -> list[str]:
        """Every host the sample web answers for (the demo allows exactly these)."""
        names = {p.name for p in self.root.iterdir() if p.is_dir()}
        names.update(self._server.rules)
        return sorted(names)

    def start(self) -> "SampleWeb":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "SampleWeb":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
