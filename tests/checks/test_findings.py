"""Findings: who is subject to what, with the regime's legal basis and evidence."""

from __future__ import annotations

from monitor.checks import run_checks
from monitor.checks.findings import same_number, same_owner
from monitor.model import PageRole, RecordKind, RegistrationKind, RegistryStatus, SiteRecord

from .conftest import AFTER_LAW_122, corpus_page, fetched, footer

COMPLIANT = footer("""
<p><strong>CÔNG TY TNHH THỜI TRANG ABC</strong></p>
<p>Địa chỉ: 123 Nguyễn Trãi, Phường Bến Thành, Quận 1, TP. Hồ Chí Minh</p>
<p>MST: 0312225168 do Sở KH&amp;ĐT TP.HCM cấp ngày 12/04/2013</p>
<p>Hotline: 1900 6750 - Email: cskh@abc.vn</p>
<a href="/cart">Giỏ hàng</a>
<ul><li><a href="/pages/dieu-khoan">Điều khoản sử dụng</a></li><li><a href="/pages/doi-tra">Chính sách đổi trả</a></li>
<li><a href="/pages/van-chuyen">Chính sách vận chuyển</a></li><li><a href="/pages/thanh-toan">Chính sách thanh toán</a></li>
<li><a href="/pages/bao-mat">Chính sách bảo mật</a></li><li><a href="/pages/khieu-nai">Giải quyết khiếu nại</a></li>
<li><a href="/pages/kiem-hang">Chính sách kiểm hàng</a></li></ul>
<a href="http://online.gov.vn/Home/WebDetails/34144"><img src="/logoSaleNoti.png" alt="Đã thông báo Bộ Công Thương"></a>
""")

PORTAL = """<html><head><title>Thông tin website thương mại điện tử - Online.Gov.VN</title></head><body>
<div class="row"><div class="col-xs-6">Tên miền:</div><div class="col-xs-6"><p>{domain}</p></div></div>
<div class="row"><div class="col-xs-6">Tên Doanh nghiệp:</div><div class="col-xs-6">CÔNG TY TNHH THỜI TRANG ABC</div></div>
<div class="row"><div class="col-xs-6">Mã số thuế:</div><div class="col-xs-6">0312225168</div></div>
<img class="imageGridDetailLogo" src="/Content/EndUser/LogoCCDVSaleNoti/{image}"></body></html>"""


def record(**kwargs) -> SiteRecord:
    base = dict(domain="abc.vn", status=RegistryStatus.APPROVED, owner_name="Cty TNHH Thời trang ABC",
                tax_code="0312.225.168", record_id="34144", record_kind=RecordKind.WEB,
                registration_kind=RegistrationKind.NOTIFIED)
    base.update(kwargs)
    return SiteRecord(**base)


def codes(html: str, rec: SiteRecord | None, *extra, **kwargs) -> list[str]:
    pages = [fetched(html, "https://abc.vn/"), *extra]
    return sorted(f.code for f in run_checks(pages, rec, **kwargs).findings)


def portal_page(domain: str = "abc.vn", image: str = "logoSaleNoti.png", record_id: str = "34144"):
    return fetched(PORTAL.format(domain=domain, image=image), f"http://online.gov.vn/Home/WebDetails/{record_id}",
                   role=PageRole.PORTAL)


def test_compliant_registered_site_has_no_findings():
    assert codes(COMPLIANT, record(), portal_page()) == []


def test_selling_site_without_registry_entry_is_unregistered_and_its_badge_unapproved():
    assert codes(COMPLIANT, None) == ["BADGE_NOT_APPROVED", "UNREGISTERED_SITE"]


def test_pending_registry_entry_does_not_make_a_selling_site_registered():
    assert "UNREGISTERED_SITE" in codes(COMPLIANT, record(status=RegistryStatus.PENDING))


def test_badge_shown_while_the_portal_record_is_not_approved():
    assert "BADGE_NOT_APPROVED" in codes(COMPLIANT, record(), portal_page(image="dangxuly.png"))


def test_badge_linking_to_another_domains_record_is_wrong_record():
    assert "BADGE_WRONG_RECORD" in codes(COMPLIANT, record(), portal_page(domain="samcenter.vn"))


def test_badge_linking_to_another_record_id_than_the_registrys():
    assert "BADGE_WRONG_RECORD" in codes(COMPLIANT, record(record_id="99999"))


def test_record_on_a_www_host_is_the_same_domain():
    assert "BADGE_WRONG_RECORD" not in codes(COMPLIANT, record(), portal_page(domain="www.abc.vn"))


def test_unlinked_badge_on_an_approved_site():
    html = COMPLIANT.replace("http://online.gov.vn/Home/WebDetails/34144", "#")
    assert codes(html, record()) == ["BADGE_UNLINKED"]


def test_approved_site_without_badge():
    html = COMPLIANT.split('<a href="http://online.gov.vn')[0] + "</footer></body></html>"
    assert codes(html, record()) == ["BADGE_MISSING"]


def test_missing_owner_disclosures_each_have_their_code():
    html = footer('<a href="/cart">Giỏ hàng</a>')
    found = codes(html, record())
    for code in ("OWNER_NAME_MISSING", "OWNER_ADDRESS_MISSING", "REG_NUMBER_MISSING", "CONTACT_MISSING"):
        assert code in found


def test_email_alone_is_enough_contact():
    html = footer('<p>Email: cskh@abc.vn</p><a href="/cart">Giỏ hàng</a>')
    assert "CONTACT_MISSING" not in codes(html, record())


def test_a_zalo_chat_link_is_an_online_contact_method():
    html = footer('<a href="https://zalo.me/0912000111">Chat Zalo</a><a href="/cart">Giỏ hàng</a>')
    assert "CONTACT_MISSING" not in codes(html, record())


def test_one_policy_missing_finding_per_missing_policy_with_qualifier():
    html = COMPLIANT.replace('<li><a href="/pages/kiem-hang">Chính sách kiểm hàng</a></li>', "")
    report = run_checks([fetched(html, "https://abc.vn/")], record())
    policy = [f for f in report.findings if f.code == "POLICY_MISSING"]
    assert [f.qualifier for f in policy] == ["inspection"]
    assert "kiểm hàng" in policy[0].title_vi


def test_a_site_that_does_not_sell_and_is_not_registered_owes_nothing():
    assert codes(corpus_page("blog_nonshop.html"), None) == []


def test_invalid_check_digit_of_a_tax_code():
    html = COMPLIANT.replace("MST: 0312225168", "MST: 0312225169")
    assert "REG_NUMBER_INVALID" in codes(html, record(tax_code=None))


def test_old_certificate_number_is_not_invalid():
    html = COMPLIANT.replace("MST: 0312225168", "Giấy CNĐKDN: 4102032159")
    assert "REG_NUMBER_INVALID" not in codes(html, record(tax_code=None))


def test_owner_name_written_differently_is_the_same_owner():
    assert "OWNER_MISMATCH" not in codes(COMPLIANT, record(owner_name="Công ty Trách nhiệm hữu hạn Thời Trang ABC"))


def test_site_held_in_someone_elses_name_is_a_mismatch():
    assert "OWNER_MISMATCH" in codes(COMPLIANT, record(owner_name="Công ty TNHH Điện Máy XYZ"))


def test_different_tax_code_is_a_mismatch():
    assert "OWNER_MISMATCH" in codes(COMPLIANT, record(tax_code="0106773786"))


def test_name_comparison_handles_abbreviations_case_and_accents():
    assert same_owner("CTY TNHH MTV THƯƠNG MẠI TIMEZONE", "Công ty Trách nhiệm hữu hạn một thành viên Thương mại Timezone")
    assert same_owner("Công ty CP Thời trang Yodo", "CÔNG TY CỔ PHẦN THỜI TRANG YODO")
    assert same_owner("Vinasilk Trading Co., Ltd", "Công ty TNHH Vinasilk Trading")
    assert not same_owner("Công ty TNHH Thời trang ABC", "Công ty TNHH Thời trang XYZ")


def test_number_comparison_ignores_format_and_branch_suffix():
    assert same_number("0312.225.168", "0312225168")
    assert same_number("0312225168-002", "0312225168")
    assert not same_number("0312225168", "0106773786")


def test_legal_basis_follows_the_regime_of_the_observation_date():
    html = footer('<a href="/cart">Giỏ hàng</a>')
    before = run_checks([fetched(html, "https://abc.vn/")], None)
    after = run_checks([fetched(html, "https://abc.vn/", at=AFTER_LAW_122)], None)
    assert str(before.regime) == "decree52" and str(after.regime) == "law122"
    b = next(f for f in before.findings if f.code == "UNREGISTERED_SITE")
    a = next(f for f in after.findings if f.code == "UNREGISTERED_SITE")
    assert "98/2020" in b.legal_basis and "122/2025/QH15" in a.legal_basis
    assert b.fine.startswith("10–20 triệu")


def test_findings_carry_evidence_url_hash_and_excerpt():
    html = footer('<a href="/cart">Giỏ hàng</a>')
    page = fetched(html, "https://abc.vn/")
    finding = next(f for f in run_checks([page], None).findings if f.code == "UNREGISTERED_SITE")
    assert finding.evidence.url == "https://abc.vn/"
    assert finding.evidence.sha256 == page.sha256
    assert "/cart" in finding.evidence.excerpt


def test_missing_finding_evidence_shows_where_it_was_looked_for():
    html = footer('<p>SneakerZone © 2024</p><a href="/cart">Giỏ hàng</a>')
    finding = next(f for f in run_checks([fetched(html, "https://abc.vn/")], record()).findings
                   if f.code == "REG_NUMBER_MISSING")
    assert "not found on 1 page" in finding.evidence.excerpt
    assert "SneakerZone" in finding.evidence.excerpt
