"""A small world of stored evidence for the output tests.

:class:`World` writes what a crawl writes (a run with its config snapshot,
pages with bodies by sha256, an observation with the check report as payload)
and merges findings through the real lifecycle (``apply_findings``), so
exports, reports and evidence packages read realistic rows.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Iterator, Sequence

import pytest

from monitor.config import load_config
from monitor.model import Evidence, FetchedPage, FindingDraft, PageRole, regime_for
from monitor.store.evidence import save_page
from monitor.store.findings import apply_findings
from monitor.store.models import CrawlRun, Observation, Site
from monitor.store.runs import finish_run, start_run

TITLES = {
    "BADGE_MISSING": ("Không gắn biểu tượng đã thông báo", "No MOIT badge shown"),
    "OWNER_NAME_MISSING": ("Không công bố tên chủ sở hữu website", "Owner name not disclosed"),
    "REG_NUMBER_MISSING": ("Không công bố số giấy chứng nhận ĐKKD/MST", "Registration number not disclosed"),
    "OWNER_MISMATCH": ("Thông tin chủ sở hữu khác với đăng ký", "Owner differs from the registry"),
    "POLICY_MISSING": ("Không công bố chính sách bắt buộc", "Mandatory policy not published"),
    "UNREGISTERED_SITE": ("Website bán hàng chưa thông báo", "Sales site never notified"),
    "LOOKALIKE_DOMAIN": ("Tên miền giả mạo website đã đăng ký", "Lookalike of a registered site"),
    "SITE_UNREACHABLE": ("Không truy cập được website", "Site could not be checked"),
}
SEVERITIES = {"BADGE_MISSING": "medium", "OWNER_MISMATCH": "high", "UNREGISTERED_SITE": "high", "LOOKALIKE_DOMAIN": "high"}


def utc(year: int, month: int, day: int, hour: int = 3) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def html(text: str) -> bytes:
    return f"<!doctype html><html><head><meta charset='utf-8'></head><body>{text}</body></html>".encode()


def draft(code: str, url: str, body: bytes | None = None, excerpt: str = "", qualifier: str = "", at: datetime | None = None) -> FindingDraft:
    title_vi, title_en = TITLES.get(code, (code, code))
    return FindingDraft(
        code=code,
        severity=SEVERITIES.get(code, "low"),
        title_vi=title_vi,
        title_en=title_en,
        legal_basis="Điều 29 Nghị định 52/2013/NĐ-CP; Điều 62 Nghị định 98/2020/NĐ-CP",
        evidence=Evidence(url, hashlib.sha256(body).hexdigest() if body is not None else None, excerpt or title_vi),
        regime=regime_for(at or utc(2026, 3, 1)),
        qualifier=qualifier,
        fine="1–5 triệu đồng (cá nhân); 2–10 triệu đồng (tổ chức)",
    )


@dataclass
class Checked:
    run_id: int
    pages: dict[str, bytes]  # url -> body


class World:
    def __init__(self, db) -> None:  # type: ignore[no-untyped-def]
        self.db = db
        self.config = load_config(env={})

    def site(
        self,
        domain: str,
        province: str | None = "Hà Nội",
        owner: str | None = "Công ty TNHH Gốm Sứ An",
        tax_code: str | None = "0100109106",
        record_id: str | None = "73995",
        status: str = "approved",
        created_at: datetime = utc(2025, 12, 1),
    ) -> int:
        with self.db.session() as session:
            site = Site(
                domain=domain, registrable_domain=domain, owner_name=owner, tax_code=tax_code,
                province=province, record_id=record_id, record_kind="web", registration_kind="notified",
                status=status, aliases=[], other_domains=[], created_at=created_at,
            )
            session.add(site)
            session.flush()
            return site.id

    def check(
        self,
        domain: str,
        at: datetime,
        pages: Sequence[tuple[str, str, bytes]] = (),
        drafts: Sequence[FindingDraft] = (),
        payload: dict | None = None,
        reachable: bool = True,
    ) -> Checked:
        """One check of ``domain`` at ``at``: pages are (url, role, body), home page first."""
        with self.db.session() as session:
            run = start_run(session, self.config, "manual", {"domains": [domain]})
            run.started_at = at
            site = session.query(Site).filter_by(domain=domain).one_or_none()
            site_id = site.id if site else None
            for url, role, body in pages:
                page = FetchedPage(url, url, 200, body, at, PageRole(role), {"content-type": "text/html; charset=utf-8"}, ())
                save_page(session, run_id=run.id, site_id=site_id, domain=domain, page=page)
            home = pages[0] if pages else None
            apply_findings(
                session, domain=domain, site_id=site_id, run_id=run.id, drafts=list(drafts), at=at,
                scope=None if reachable else (),
                clean_evidence=Evidence(home[0], hashlib.sha256(home[2]).hexdigest(), "not seen in this check") if home else None,
            )
            session.add(
                Observation(
                    run_id=run.id, site_id=site_id, domain=domain, observed_at=at, regime=str(regime_for(at)),
                    checked=reachable, error=None if reachable else "DNS lookup failed",
                    home_sha256=hashlib.sha256(home[2]).hexdigest() if home and reachable else None,
                    payload=payload if payload is not None else {},
                )
            )
            finish_run(session, run.id, "finished", {"sites": 1})
            session.get(CrawlRun, run.id).finished_at = at
            return Checked(run.id, {url: body for url, _, body in pages})


@pytest.fixture
def world(db) -> Iterator[World]:  # type: ignore[no-untyped-def]
    yield World(db)


def disclosed(owner: str | None, number: str | None, badge_link: str | None = None, linked: bool = False) -> dict:
    """An observation payload shaped like ``SiteReport.observation()``."""
    return {
        "target": "x",
        "disclosures": {"owner_name": owner, "registration_number": number, "phones": [], "emails": []},
        "badge": {"present": badge_link is not None, "link": badge_link, "linked": linked, "record": None},
        "ordering": {"present": True, "signals": []},
        "policies": {},
    }


__all__ = ["World", "draft", "html", "utc", "disclosed"]
