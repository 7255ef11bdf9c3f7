"""A tiny web of our own on loopback, served by the same server as the sample web."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from monitor.config import load_config
from monitor.sampleweb import SampleWeb

HOME = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Gốm Sứ An</title></head>
<body><nav><a href="/">Trang chủ</a> <a href="/san-pham">Sản phẩm</a> <a href="/gio-hang">Giỏ hàng</a></nav>
<main><h1>Gốm Sứ An</h1><p>Bình hoa men lam — 350.000₫</p></main>
<footer>
<p>CÔNG TY TNHH GỐM SỨ AN · MST: 0100109106 · Địa chỉ: 12 Lê Lợi, Quận 1, TP.HCM · Hotline: 0901 234 567</p>
<a href="/gioi-thieu">Giới thiệu</a> <a href="/lien-he">Liên hệ</a>
<a href="/chinh-sach-doi-tra">Chính sách đổi trả</a> <a href="/chinh-sach-bao-mat">Chính sách bảo mật</a>
<a href="/chinh-sach-van-chuyen">Chính sách vận chuyển</a> <a href="/dieu-khoan-su-dung">Điều khoản sử dụng</a>
<a href="http://partner-shop.vn/">Đối tác</a> <a href="https://facebook.com/gomsuan">Facebook</a>
<a href="http://online.gov.vn/Home/WebDetails/73995"><img src="/logoSaleNoti.png" alt="Đã thông báo Bộ Công Thương"></a>
</footer></body></html>"""

# An older shop: its policies only in a <select> jump menu, its about page behind an icon.
JUMP_MENU_HOME = """<html><head><meta charset="utf-8"><title>Áo Dài Xưa</title></head><body>
<p>Áo dài lụa — 1.250.000đ <a href="/san-pham/ao-dai">Xem</a></p>
<a href="/ve-chung-toi" title="Về chúng tôi"><i class="fa fa-info-circle"></i></a>
<select onchange="window.location=this.value"><option value="">-- Chính sách --</option>
<option value="/chinh-sach/doi-tra">Chính sách đổi trả</option>
<option value="/chinh-sach/bao-mat">Chính sách bảo mật</option></select>
</body></html>"""

PORTAL = """<html><head><title>Thông tin website thương mại điện tử - Online.Gov.VN</title></head><body>
<div id="containerBOX"><div class="row boxDetailDataDisplay"><div class="col-xs-6">Tên miền:</div><div class="col-xs-6"><p>gomsuan.vn</p></div></div></div>
</body></html>"""


def build_web(root: Path) -> Path:
    def page(host: str, path: str, body: str | bytes) -> None:
        target = root / host / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))

    page("gomsuan.vn", "index.html", HOME)
    for slug in ("gioi-thieu", "lien-he", "chinh-sach-doi-tra", "chinh-sach-bao-mat", "chinh-sach-van-chuyen", "dieu-khoan-su-dung", "san-pham", "gio-hang"):
        page("gomsuan.vn", f"{slug}.html", f"<html><body><h1>{slug}</h1></body></html>")
    page("online.gov.vn", "Home/WebDetails/73995.html", PORTAL)
    page("jumpmenu.vn", "index.html", JUMP_MENU_HOME)
    for slug in ("chinh-sach/doi-tra", "chinh-sach/bao-mat", "ve-chung-toi", "san-pham/ao-dai"):
        page("jumpmenu.vn", f"{slug}.html", f"<html><body><h1>{slug}</h1></body></html>")
    page("partner-shop.vn", "index.html", "<html><body>Đối tác</body></html>")
    page("newname.vn", "index.html", "<html><body><h1>Tên mới</h1></body></html>")
    page("huge.vn", "index.html", b"<html><body>" + b"x" * (300 * 1024) + b"</body></html>")
    page("broken.vn", "index.html", "<html><body><div><p>Unclosed <b>tags & stray </i> <table><tr><td>Ô".encode("cp1258"))
    page("private-redirect.vn", "index.html", "")
    (root / "sites.toml").write_text(
        """
[hosts."oldname.vn"]
redirect = "http://newname.vn/"
[hosts."down.vn"]
behaviour = "refuse"
[hosts."error.vn"]
behaviour = "status"
status = 503
[hosts."loop.vn"]
redirect = "http://loop2.vn/"
[hosts."loop2.vn"]
redirect = "http://loop.vn/"
""",
        encoding="utf-8",
    )
    return root


@pytest.fixture
def tiny_web(tmp_path: Path) -> Iterator[SampleWeb]:
    with SampleWeb(build_web(tmp_path / "web"), hang_seconds=5) as web:
        yield web


def write_config(tmp_path: Path, extra_crawl: str = ""):
    """A configuration file as an operator writes it (the crawler subprocess reads the file)."""
    path = tmp_path / "monitor.toml"
    path.write_text(
        f'[paths]\ndata_dir = "{tmp_path / "data"}"\n[crawl]\nmax_body_bytes = 200000\ndownload_delay = 0\n{extra_crawl}',
        encoding="utf-8",
    )
    return load_config(path, env={})


@pytest.fixture
def crawl_config(tmp_path: Path):
    return write_config(tmp_path)
