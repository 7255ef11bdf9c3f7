"""Real local receivers for alert tests: an SMTP server (aiosmtpd) and a webhook (http.server).

Both listen on 127.0.0.1 on a free port; nothing is mocked. ``dead_port`` is a
port where nothing listens, the simplest failing channel.
"""

from __future__ import annotations

import json
import socket
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.header import decode_header, make_header
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from monitor.config import Config, load_config
from monitor.model import Evidence, FindingDraft, Regime
from monitor.store.findings import apply_findings

T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Mail:
    sender: str
    recipients: list[str]
    subject: str
    text: str


@dataclass
class SmtpServer:
    port: int
    mails: list[Mail] = field(default_factory=list)

    def url(self, to: str = "thanhtra@sct.example.vn") -> str:
        return f"mailto://127.0.0.1:{self.port}?to={to}&from=giamsat@sct.example.vn"


class _Collector:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server

    async def handle_DATA(self, _server, _session, envelope):  # type: ignore[no-untyped-def]
        message = message_from_bytes(envelope.content)
        parts = [p for p in message.walk() if p.get_content_type() == "text/plain"]
        text = parts[0].get_payload(decode=True).decode(parts[0].get_content_charset() or "utf-8") if parts else ""
        self.server.mails.append(
            Mail(envelope.mail_from, list(envelope.rcpt_tos), str(make_header(decode_header(message["Subject"]))), text)
        )
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    from aiosmtpd.controller import Controller

    server = SmtpServer(free_port())
    controller = Controller(_Collector(server), hostname="127.0.0.1", port=server.port)
    controller.start()
    yield server
    controller.stop()


@dataclass
class Webhook:
    port: int
    status: int = 200
    posts: list[dict] = field(default_factory=list)
    calls: int = 0  # every request, answered or failed

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.port}/alerts"


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    hook = Webhook(0)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            hook.calls += 1
            if hook.status < 300:
                hook.posts.append(body)
            self.send_response(hook.status)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    hook.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield hook
    server.shutdown()
    server.server_close()


@pytest.fixture
def dead_port() -> int:
    return free_port()


def alert_config(*urls: str, mode: str = "digest", language: str = "vi") -> Config:
    config = load_config(env={})
    config.alerts.urls = list(urls)
    config.alerts.mode = mode
    config.alerts.language = language
    return config


def draft(code: str, *, excerpt: str = "không tìm thấy", qualifier: str = "", url: str = "http://shop.example.vn/") -> FindingDraft:
    titles = {
        "BADGE_MISSING": ("Không gắn biểu tượng đã thông báo với Bộ Công Thương", "MOIT badge missing"),
        "OWNER_NAME_MISSING": ("Không công bố tên thương nhân", "Owner name not disclosed"),
        "POLICY_MISSING": ("Thiếu chính sách", "Policy missing"),
    }
    vi, en = titles.get(code, (code, code))
    return FindingDraft(
        code, "high", vi, en, "Điều 29 Nghị định 52/2013/NĐ-CP", Evidence(url, "ab" * 32, excerpt), Regime.DECREE_52, qualifier,
        "10–20 triệu đồng",
    )


def observe(db, domain: str, codes: list[str], at: datetime, *, excerpt: str = "không tìm thấy"):  # type: ignore[no-untyped-def]
    """One successful check of ``domain`` raising ``codes`` (everything else resolves)."""
    with db.session() as session:
        return apply_findings(
            session, domain=domain, site_id=None, run_id=None,
            drafts=[draft(c, excerpt=excerpt, url=f"http://{domain}/") for c in codes], at=at, scope=None,
            clean_evidence=Evidence(f"http://{domain}/", "cd" * 32, "not seen in this check"),
        )
