"""Record pages of online.gov.vn, old and new layouts, read by label."""

from __future__ import annotations

from monitor.checks.portal import parse_portal_page
from monitor.model import PageRole

from .conftest import parsed

OLD_LAYOUT = """<html><head><title>Thông tin website thương mại điện tử - Online.Gov.VN</title></head><body>
<div id="containerBOX"><div class="col-sm-8"><div class="row"><div>
<div class="row boxDetailDataDisplay"><div class="col-xs-6"><p>Tên miền:</p></div><div class="col-xs-6"><p>www.yodo.vn</p></div></div>
<div class="row boxDetailDataDisplay"><div class="col-xs-6"><p>Loại hàng hóa:</p></div><div class="col-xs-6"><p>Thời trang</p></div></div>
<div class="row boxDetailDataDisplay"><div class="col-xs-6"><p>Tên Doanh nghiệp:</p></div><div class="col-xs-6"><p>CÔNG TY CỔ PHẦN THỜI TRANG YODO VIỆT NAM</p></div></div>
<div class="row boxDetailDataDisplay"><div class="col-xs-6"><p>Mã số thuế:</p></div><div class="col-xs-6"><p>0310874914</p></div></div>
<div class="row boxDetailDataDisplay"><div class="col-xs-6"><p>Địa chỉ trụ sở:</p></div><div class="col-xs-6"><p>125 Hai Bà Trưng, Quận 1, TP. Hồ Chí Minh</p></div></div>
</div></div></div><div class="text-center col-xs-12"><img class="imageGridDetailLogo" src="/Content/EndUser/LogoCCDVSaleNoti/logoSaleNoti.png"></div></div>
</body></html>"""

NEW_LAYOUT = """<html><head><title>Nền tảng thương mại điện tử</title></head><body><div class="detail">
<dl><dt>Tên nền tảng/ứng dụng</dt><dd>Đà Lạt Farm</dd>
<dt>Địa chỉ website</dt><dd>https://dalatfarm.vn</dd>
<dt>Tên thương nhân, tổ chức</dt><dd>CÔNG TY TNHH NÔNG SẢN ĐÀ LẠT FARM</dd>
<dt>Mã số thuế</dt><dd>5801234577</dd>
<dt>Trạng thái</dt><dd>Đã xác nhận thông báo</dd></dl></div></body></html>"""

PENDING = OLD_LAYOUT.replace('<img class="imageGridDetailLogo" src="/Content/EndUser/LogoCCDVSaleNoti/logoSaleNoti.png">',
                             '<img class="imageGridDetailLogo" src="/Content/EndUser/images/dangxuly.png">')

NOT_FOUND = "<html><head><title>Không tìm thấy trang</title></head><body><h1>Không tìm thấy trang</h1></body></html>"


def read(html: str, url: str):
    return parse_portal_page(parsed(html, url, role=PageRole.PORTAL))


def test_old_layout_record_fields_by_label():
    r = read(OLD_LAYOUT, "http://online.gov.vn/Home/WebDetails/44085")
    assert r.found is True
    assert r.record_id == "44085"
    assert r.domain == "yodo.vn"
    assert r.owner_name == "CÔNG TY CỔ PHẦN THỜI TRANG YODO VIỆT NAM"
    assert r.tax_code == "0310874914"
    assert r.address == "125 Hai Bà Trưng, Quận 1, TP. Hồ Chí Minh"
    assert (r.status, r.kind) == ("approved", "notified")


def test_new_layout_with_uuid_record_and_text_status():
    r = read(NEW_LAYOUT, "https://online.gov.vn/nen-tang/76be9e1f-3034-43bf-a3b6-193d8d81904a")
    assert r.record_id == "76be9e1f-3034-43bf-a3b6-193d8d81904a"
    assert r.domain == "dalatfarm.vn"
    assert r.owner_name == "CÔNG TY TNHH NÔNG SẢN ĐÀ LẠT FARM"
    assert r.tax_code == "5801234577"
    assert r.status == "approved"


def test_a_status_image_other_than_the_badges_is_not_approved():
    assert read(PENDING, "http://online.gov.vn/Home/WebDetails/44085").status == "pending"


def test_missing_record_page_is_not_found():
    r = read(NOT_FOUND, "http://online.gov.vn/Home/WebDetails/99999999")
    assert r.found is False


def test_record_id_comes_from_the_requested_url_when_the_portal_redirects():
    from monitor.checks.page import ParsedPage
    from monitor.model import FetchedPage

    from .conftest import BEFORE_LAW_122

    page = FetchedPage("http://online.gov.vn/(X(1)S(abc))/Home/WebDetails/36833?AspxAutoDetectCookieSupport=1",
                       "http://online.gov.vn/Error", 200, OLD_LAYOUT.encode(), BEFORE_LAW_122, PageRole.PORTAL)
    assert parse_portal_page(ParsedPage(page)).record_id == "36833"
