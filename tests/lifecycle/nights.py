"""A registered shop checked night after night through the real ingest path (checks included).

Each night is one CrawlRun; the pages are built here (the sample web has its
own end-to-end tests), so a test can say exactly what changed on the site.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from monitor.config import load_config
from monitor.ingest import IngestOutcome, ingest_site
from monitor.model import CrawledPage, FetchedPage, PageRole, SiteFetch
from monitor.store.models import Site
from monitor.store.runs import start_run

DOMAIN = "gomsuan.vn"
# 2026-11-02 01:30 in Vietnam: the first night; night n is n days later.
FIRST_NIGHT = datetime(2026, 11, 1, 18, 30, tzinfo=UTC)

OWNER_LINE = "<p>Công ty TNHH Gốm Sứ An</p>"
COMPLIANT_OWNER = f"""<html><head><meta charset="utf-8"><title>Gốm Sứ An</title></head><body>
<h1>Gốm Sứ An</h1>
<p>Bình gốm men lam giá 350.000đ <button>Thêm vào giỏ hàng</button></p>
<footer>{OWNER_LINE}
<p>Mã số doanh nghiệp: 0312225168 do Sở Kế hoạch và Đầu tư TP. Hồ Chí Minh cấp ngày 01/02/2015</p>
<p>Địa chỉ: 12 Lê Lợi, Quận 1, TP. Hồ Chí Minh</p>
<p>Điện thoại: 028 1234 567 — Email: lienhe@gomsuan.vn</p></footer></body></html>"""
# The same shop after a redesign that dropped the owner's name from the footer.
OWNER_HIDDEN = COMPLIANT_OWNER.replace(OWNER_LINE, "")


def night(n: int) -> datetime:
    return FIRST_NIGHT + timedelta(days=n)


def sha(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


def register_shop(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        site = Site(
            domain=DOMAIN, registrable_domain=DOMAIN, owner_name="Công ty TNHH Gốm Sứ An", tax_code="0312225168",
            address="12 Lê Lợi, Quận 1, TP. Hồ Chí Minh", province="Hồ Chí Minh", status="approved",
            phone="0281234567", email="lienhe@gomsuan.vn",
        )
        session.add(site)
        session.flush()
        return site.id


def crawl_night(db, n: int, html: str | None) -> IngestOutcome:  # type: ignore[no-untyped-def]
    """Night ``n``: the home page is ``html``, or the site cannot be reached (``None``)."""
    with db.session() as session:
        run_id = start_run(session, load_config(env={}), "schedule").id
        if html is None:
            fetch = SiteFetch(DOMAIN, "registry", failure="DNS lookup failed (no address for the host)",
                              failure_url=f"https://{DOMAIN}/")
            return ingest_site(session, run_id, fetch, now=night(n))
        page = FetchedPage(
            f"https://{DOMAIN}/", f"https://{DOMAIN}/", 200, html.encode(), night(n), PageRole.HOME,
            {"content-type": "text/html; charset=utf-8"},
        )
        return ingest_site(session, run_id, SiteFetch(DOMAIN, "registry", (CrawledPage(page),)))
