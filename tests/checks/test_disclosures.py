"""Owner disclosures (Decree 52 Art. 29) read from real-looking footers."""

from __future__ import annotations

from pathlib import Path

from monitor.checks.disclosures import check_disclosures, decode_cfemail, normalise_phone
from monitor.model import PageRole

from .conftest import corpus_page, footer, parsed


def disclose(html: str, url: str = "https://shop.vn/"):
    return check_disclosures([parsed(html, url)])


def test_owner_name_is_the_company_line_of_the_footer():
    d = disclose(footer("<p><strong>CÔNG TY TNHH THỜI TRANG ABC</strong></p><p>MST: 0312225168</p>"))
    assert d.owner_name.value == "CÔNG TY TNHH THỜI TRANG ABC"


def test_owner_name_after_an_owner_label():
    d = disclose(footer("<p>Chủ sở hữu website: Công ty Cổ phần Giải Trí Số MyTone</p>"))
    assert d.owner_name.value == "Công ty Cổ phần Giải Trí Số MyTone"


def test_platform_credit_is_not_the_owner():
    d = disclose(footer("<p>© Bản quyền thuộc về Bống Shop | Cung cấp bởi <a href='https://haravan.com'>Haravan</a></p>"))
    assert d.owner_name is None


def test_web_agency_credit_is_not_the_owner():
    html = footer("<p>Thiết kế website bởi Công ty TNHH Mắt Bão</p><p>Hotline: 0909 123 456</p>")
    assert disclose(html).owner_name is None


def test_delivery_slogan_before_the_company_name_is_not_a_credit():
    d = disclose(footer("<p>Miễn phí giao hàng toàn quốc | CÔNG TY TNHH THỜI TRANG ABC</p><p>MST: 0312225168</p>"))
    assert d.owner_name.value == "CÔNG TY TNHH THỜI TRANG ABC"


def test_icons_before_values_are_not_part_of_them():
    d = disclose(footer("<p>Địa chỉ: 📍 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM</p>"))
    assert d.address.value == "12 Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM"


def test_company_mentioned_in_running_text_is_not_the_owner():
    html = footer("<p>Công ty chúng tôi không bán tour. Đọc thêm về lịch sử của Việt Nam.</p>")
    assert disclose(html).owner_name is None


def test_individual_owner_after_owner_label():
    d = disclose(footer("<p>Chủ sở hữu website: Nguyễn Thị Lan</p><p>MST cá nhân: 079190001234</p>"))
    assert d.owner_name.value == "Nguyễn Thị Lan"


def test_dotted_enterprise_code_in_bold_is_normalised_and_validated():
    d = disclose(footer("<p>GPĐKKD/MST: <b>0312.225.168</b> do Sở KH&amp;ĐT TP.HCM cấp ngày 12/04/2013</p>"))
    assert d.registration_number.value == "0312225168"
    assert d.registration_number_valid is True
    assert d.registration_kind == "enterprise"


def test_enterprise_code_with_a_wrong_check_digit_is_reported_invalid():
    d = disclose(footer("<p>Mã số thuế: 0312225169</p>"))
    assert d.registration_number.value == "0312225169"
    assert d.registration_number_valid is False


def test_html_entities_and_unaccented_labels_are_read():
    html = footer("<p>M&#227; s&#7889; thu&#7871;:&nbsp;0106773786</p><p>Dia chi: 27 Quoc lo 1A, Xa Tan Kien, Huyen Binh Chanh, TP Ho Chi Minh</p>")
    d = disclose(html)
    assert d.registration_number.value == "0106773786"
    assert d.address.value.startswith("27 Quoc lo 1A")


def test_all_caps_certificate_label_with_issuer_and_date():
    d = disclose(footer("<p>GIẤY CNĐKDN SỐ: 0105987432 CẤP BỞI SỞ KH&amp;ĐT TP. HÀ NỘI NGÀY 22/11/2012</p>"))
    assert d.registration_number.value == "0105987432"
    assert d.issuer.value.upper().startswith("SỞ KH&ĐT")
    assert d.issue_date.value == "2012-11-22"


def test_issue_date_written_in_words():
    d = disclose(footer("<p>Mã số doanh nghiệp: 0300588569. Đăng ký lần đầu ngày 20 tháng 09 năm 2010</p>"))
    assert d.issue_date.value == "2010-09-20"


def test_two_digit_year_of_issue():
    d = disclose(footer("<p>Mã số doanh nghiệp: 0311609355 cấp lần 2 ngày 12/04/19</p>"))
    assert d.issue_date.value == "2019-04-12"


def test_issuer_since_2025_is_the_department_of_finance():
    d = disclose(footer("<p>Mã số doanh nghiệp: 0102345677 do Sở Tài chính Thành phố Hà Nội cấp lần đầu ngày 10/09/2025</p>"))
    assert d.issuer.value == "Sở Tài chính Thành phố Hà Nội"


def test_household_business_number_with_letters():
    d = disclose(footer("<p>GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH Số 41N8033112 cấp ngày 14/06/2020 Tại UBND QUẬN TÂN BÌNH</p>"))
    assert d.registration_number.value == "41N8033112"
    assert d.registration_kind == "household"
    assert d.registration_number_valid is None


def test_twelve_digit_personal_id_used_as_tax_code():
    d = disclose(footer("<p>MST cá nhân: 079190001234</p>"))
    assert d.registration_number.value == "079190001234"
    assert d.registration_kind == "personal_id"


def test_branch_code_keeps_its_suffix():
    d = disclose(footer("<p>MST: 0312225168-002</p>"))
    assert d.registration_number.value == "0312225168-002"
    assert d.registration_number_valid is True


def test_old_certificate_number_is_not_check_digit_validated():
    d = disclose(footer("<p>Giấy CNĐKDN: 4102032159 – đăng ký lần đầu ngày 12 tháng 8 năm 2005</p>"))
    assert d.registration_number.value == "4102032159"
    assert d.old_certificate is True
    assert d.registration_number_valid is None


def test_hotline_next_to_the_tax_code_is_not_the_tax_code():
    d = disclose(footer("<div>Hotline 1900 1234 | MST 0401234566</div>"))
    assert d.registration_number.value == "0401234566"
    assert [p.value for p in d.phones] == ["19001234"]


def test_hotline_alone_is_never_a_registration_number():
    d = disclose(footer("<p>MST:</p><p>Hotline: 0909 123 456</p>"))
    assert d.registration_number is None


def test_website_licence_is_not_a_business_registration():
    html = footer("<p>GP số 47/GP-TTĐT do Sở TTTT Hà Nội cấp ngày 10/10/2019</p><p>Mã số doanh nghiệp: 0105987432</p>")
    assert disclose(html).registration_number.value == "0105987432"


def test_msdn_in_developer_text_is_not_a_label():
    assert disclose(footer("<p>Đọc tài liệu MSDN của Microsoft để biết thêm.</p>")).registration_number is None


def test_address_label_and_province_of_the_34_units():
    d = disclose(footer("<p>Địa chỉ: 333 Hưng Định 31, Phường Hưng Định, Thành phố Thuận An, Tỉnh Bình Dương</p>"))
    assert d.address.value == "333 Hưng Định 31, Phường Hưng Định, Thành phố Thuận An, Tỉnh Bình Dương"
    assert d.province == "Hồ Chí Minh"  # Bình Dương merged into TP. Hồ Chí Minh on 2025-07-01


def test_head_office_wins_over_transaction_office():
    html = footer("<p>VPGD: Tầng 5, 131 Lê Thanh Nghị, Quận Hai Bà Trưng, Hà Nội</p>"
                  "<p>Trụ sở chính: Số 43 Thái Hà, Phường Trung Liệt, Quận Đống Đa, Hà Nội</p>")
    assert disclose(html).address.value == "Số 43 Thái Hà, Phường Trung Liệt, Quận Đống Đa, Hà Nội"


def test_address_with_a_map_pin_icon_instead_of_a_label():
    html = footer('<ul><li><i class="icon-location"></i> 56 Phố Chùa Bộc, Phường Quang Trung, Quận Đống Đa, Hà Nội</li></ul>')
    assert disclose(html).address.value == "56 Phố Chùa Bộc, Phường Quang Trung, Quận Đống Đa, Hà Nội"


def test_checkout_form_labels_are_not_an_address():
    html = footer("<label>Địa chỉ email</label><input><label>Địa chỉ nhận hàng</label><input>")
    assert disclose(html).address is None


def test_address_stops_before_the_next_label_in_a_table():
    html = footer("<table><tr><td>Địa chỉ</td><td>Số 9 ngõ 120 Trường Chinh, Quận Đống Đa, Hà Nội</td></tr>"
                  "<tr><td>Điện thoại</td><td>024 3869 1234</td></tr></table>")
    d = disclose(html)
    assert d.address.value == "Số 9 ngõ 120 Trường Chinh, Quận Đống Đa, Hà Nội"
    assert [p.value for p in d.phones] == ["02438691234"]


def test_phone_formats_mobile_landline_hotline_and_plus84():
    html = footer("<p>Hotline: 1800.6018 - ĐT: (028) 3822 1234 - Di động: 0982 123 456 - Zalo: +84 905 123 456</p>")
    assert [p.value for p in disclose(html).phones] == ["18006018", "02838221234", "0982123456", "0905123456"]


def test_prices_are_not_phone_numbers():
    html = footer("<p>Giá: 1.800.000đ</p><p>Lắp đặt: 1.900.000 đ</p><p>Hotline: 1800 1234</p>")
    assert [p.value for p in disclose(html).phones] == ["18001234"]


def test_fax_is_not_a_contact_phone():
    html = footer("<p>ĐT: 024 3826 9999 - Fax: 024 3826 9998</p>")
    assert [p.value for p in disclose(html).phones] == ["02438269999"]


def test_emails_from_text_mailto_and_cloudflare_protection():
    html = footer('<p>Email: LIENHE@SHOP.VN</p><a href="mailto:cskh@shop.vn?subject=Hi">Gửi thư</a>'
                  '<a href="/cdn-cgi/l/email-protection#2b485840436b464245424c4a594f4e45055d45">[email protected]</a>')
    assert [e.value for e in disclose(html).emails] == ["lienhe@shop.vn", "cskh@shop.vn", "cskh@minigarden.vn"]


def test_cloudflare_email_decoding():
    assert decode_cfemail("2b485840436b464245424c4a594f4e45055d45") == "cskh@minigarden.vn"


def test_image_file_names_are_not_emails():
    assert disclose(footer("<p>logo@2x.png</p>")).emails == ()


def test_labels_glued_by_inline_spans_are_still_labels():
    html = footer("<div><span>Nhà thuốc © 2023</span><span>Chủ sở hữu: Công ty TNHH Dược phẩm Minh Châu</span>"
                  "<span>Địa chỉ: 120 Nguyễn Văn Linh, Quận Hải Châu, Đà Nẵng</span></div>")
    d = disclose(html)
    assert d.owner_name.value == "Công ty TNHH Dược phẩm Minh Châu"
    assert d.address.value == "120 Nguyễn Văn Linh, Quận Hải Châu, Đà Nẵng"


def test_json_ld_organization_counts_where_the_text_says_nothing():
    d = disclose(corpus_page("jsonld_org.html"))
    assert d.owner_name.value == "Công ty Cổ phần Giáo dục SunEnglish"
    assert d.registration_number.value == "0901234564"
    assert [p.value for p in d.phones] == ["02213866888"]


def test_each_value_says_on_which_page_it_was_found_home_first():
    home = parsed(footer("<p>Hotline: 0909 123 456</p>"), "https://shop.vn/")
    contact = parsed(footer("<p>Công ty TNHH Shop Việt</p><p>Mã số thuế: 0312225168</p><p>Hotline: 0912 345 678</p>"),
                     "https://shop.vn/pages/lien-he", role=PageRole.LINKED)
    d = check_disclosures([home, contact])
    assert d.phones[0].url == "https://shop.vn/"
    assert d.registration_number.url == "https://shop.vn/pages/lien-he"
    assert d.owner_name.url == "https://shop.vn/pages/lien-he"
    assert d.registration_number.sha256 == contact.sha256


def test_portal_pages_are_never_read_as_shop_disclosures():
    portal = parsed(footer("<p>Tên Doanh nghiệp: CÔNG TY TNHH KHÁC</p><p>Mã số thuế: 0106773786</p>"),
                    "http://online.gov.vn/Home/WebDetails/34144", role=PageRole.PORTAL)
    d = check_disclosures([portal])
    assert d.owner_name is None and d.registration_number is None


def test_phone_normalisation():
    assert normalise_phone("+84 (28) 3620 9017") == "02836209017"
    assert normalise_phone("0909.123.456") == "0909123456"
    assert normalise_phone("0312225168") is None  # a tax code shape, not a mobile prefix


# --- land-plot addresses (Bình Dương, rural areas) -------------------------------

LAND_PLOT = ("Thửa đất số 512, Tờ bản đồ số 18, Khu phố Tân Phước, Phường Tân Bình, "
             "Thị xã Dĩ An, Bình Dương")


def test_land_plot_address_after_a_label_is_read_whole():
    # "đồ số 18" is not the "do Sở KH&ĐT ..." that ends a value
    d = disclose(footer(f"<p>Địa chỉ: {LAND_PLOT}</p><p>Hotline: 0909 123 456</p>"))
    assert d.address.value == LAND_PLOT


def test_land_plot_address_without_a_label_is_read_too():
    d = disclose(footer(f"<p>📍 {LAND_PLOT}</p>"))
    assert d.address.value == LAND_PLOT


def test_land_plot_address_stops_at_the_next_label():
    d = disclose(footer(f"<p>Địa chỉ: {LAND_PLOT} - Hotline: 0909 123 456</p>"))
    assert d.address.value == LAND_PLOT
    assert [p.value for p in d.phones] == ["0909123456"]


def test_issuer_after_the_number_still_ends_a_value():
    d = disclose(footer("<p>MST: 3703188248 do Sở Kế hoạch &amp; Đầu tư tỉnh Bình Dương cấp</p>"
                        "<p>Địa chỉ: 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM</p>"))
    assert d.registration_number.value == "3703188248"
    assert d.issuer.value.startswith("Sở Kế hoạch")
    assert d.address.value == "12 Lê Lợi, Phường Bến Nghé, Quận 1, TP.HCM"


def test_sample_web_land_plot_shop_discloses_its_address():
    page = (Path(__file__).parents[2] / "seeds" / "web" / "dogophuckhang.vn" / "index.html").read_text("utf-8")
    d = disclose(page, "http://dogophuckhang.vn/")
    assert d.address.value == ("Thửa đất số 512, Tờ bản đồ số 18, Khu phố Bình Phước B, Phường Bình Chuẩn, "
                               "TP. Thuận An, Bình Dương")
    assert d.registration_number.value == "3703188248"


# --- a registration number does not run across a dash ------------------------------

def test_tax_code_followed_by_a_dash_and_an_address_is_not_a_personal_id():
    d = disclose(footer("<p>CÔNG TY TNHH ABC</p><p>MST 5901284370 – 36 Trần Phú, Phường Hội Phú, Gia Lai</p>"))
    assert d.registration_number.value == "5901284370"
    assert d.registration_kind == "enterprise"
    assert d.registration_number_valid is True


def test_no_dash_form_joins_digits_into_a_longer_number():
    for sep in (" - ", " – ", " — ", "- ", " -", "–", "-"):
        d = disclose(footer(f"<p>MST: 5901284370{sep}36 Trần Phú, Pleiku</p>"))
        assert d.registration_number.value == "5901284370", sep
        assert d.registration_kind == "enterprise", sep


def test_branch_code_joins_only_with_a_hyphen_and_three_digits():
    assert disclose(footer("<p>MST: 0312225168–002</p>")).registration_number.value == "0312225168-002"
    assert disclose(footer("<p>MST: 0312.225.168-002.</p>")).registration_number.value == "0312225168-002"
    # a space after the dash, or a fourth digit: not a branch suffix
    assert disclose(footer("<p>MST: 0312225168 - 002</p>")).registration_number.value == "0312225168"
    assert disclose(footer("<p>MST: 0312225168-0021 Lê Lợi</p>")).registration_number.value == "0312225168"


def test_unlabelled_number_before_its_issuer_does_not_run_across_a_dash():
    d = disclose(footer("<p>Công ty TNHH ABC, 0312225168 - 123 do Sở KH&amp;ĐT TP.HCM cấp</p>"))
    assert d.registration_number is None or d.registration_number.value != "0312225168-123"


def test_cloudflare_protected_email_in_a_data_attribute():
    d = disclose(footer('<p>Email: <a href="/cdn-cgi/l/email-protection" class="__cf_email__" '
                        'data-cfemail="2b485840436b464245424c4a594f4e45055d45">[email&#160;protected]</a></p>'))
    assert [e.value for e in d.emails] == ["cskh@minigarden.vn"]


# --- the site's own entity versus the other entities a page names ---------------

def _page(body: str, foot: str) -> str:
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Shop</title></head>'
            f'<body><main>{body}</main><footer class="site-footer">{foot}</footer></body></html>')


_MARKETPLACE_FOOTER = ('<p>Công ty Cổ phần Sàn Phố Chợ</p>'
                       '<p>Địa chỉ: Tầng 5, 12 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh. Tổng đài hỗ trợ: 1900 6868'
                       ' - Email: hotro@phocho.vn</p>'
                       '<p>Mã số doanh nghiệp: 0426018158 do Sở KH&amp;ĐT TP.HCM cấp lần đầu ngày 02/03/2020</p>')


def test_a_marketplace_sellers_details_are_not_the_sites_owner():
    seller = ('<h2>Thông tin nhà bán</h2><p>Tên pháp lý: Hộ kinh doanh Gốm Cô Tư</p>'
              '<p>Mã số hộ kinh doanh: 41N8012345</p>'
              '<p>Địa chỉ kho hàng: 8 Trần Phú, Phường Hải Châu, TP. Đà Nẵng</p>'
              '<p>Điện thoại nhà bán: 0978 112 233</p>')
    d = disclose(_page(seller, _MARKETPLACE_FOOTER), "https://phocho.vn/shop/gom-co-tu")
    assert d.owner_name.value == "Công ty Cổ phần Sàn Phố Chợ"
    assert d.registration_number.value == "0426018158"
    assert [p.value for p in d.phones] == ["19006868"]


def test_an_address_ends_before_the_next_contact_label_with_words_before_its_colon():
    d = disclose(_page("<p>Trang chủ</p>", _MARKETPLACE_FOOTER))
    assert d.address.value == "Tầng 5, 12 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh"


def test_employers_in_a_job_list_are_not_the_job_sites_owner():
    jobs = ('<div class="job"><h3>Kế toán tổng hợp</h3><p>Công ty TNHH Thủy sản Bến Tre Xanh</p><p>MST: 3108301664</p>'
            '<p>Lương: 10 - 12 triệu</p><p>Liên hệ: Chị Lan – 0918 220 331</p></div>'
            '<div class="job"><h3>Tài xế</h3><p>Hộ kinh doanh Vận tải Minh Tâm</p><p>Liên hệ: 0907 440 118</p></div>')
    foot = ('<p>Công ty TNHH Việc Làm Phương Nam</p><p>Giấy chứng nhận ĐKDN số 0131860915 do Sở KH&amp;ĐT TP. Hà Nội cấp</p>'
            '<p>Địa chỉ: 41 Lê Lợi, Phường Hoàn Kiếm, Hà Nội</p><p>Hotline: 024 3899 1100</p>')
    d = disclose(_page(jobs, foot), "https://vieclamphuongnam.vn/viec-lam")
    assert d.owner_name.value == "Công ty TNHH Việc Làm Phương Nam"
    assert d.registration_number.value == "0131860915"
    assert [p.value for p in d.phones] == ["02438991100"]


def test_a_products_maker_and_distributor_are_not_the_shop():
    product = ('<h1>Viên uống bổ khớp</h1><dl><dt>Nhà sản xuất</dt><dd>Công ty Cổ phần Dược phẩm Sông Xanh'
               '<br>Địa chỉ nhà máy: Lô B2, KCN Phú Mỹ, Phường Phú Mỹ, TP. Hồ Chí Minh<br>MST: 3148219938 · ĐT: 0254 3876 555</dd>'
               '<dt>Đơn vị phân phối</dt><dd>Công ty TNHH Phân phối Dược An Bình<br>'
               'Địa chỉ: 70 Nguyễn Trãi, Phường Chợ Quán, TP. Hồ Chí Minh<br>Điện thoại: 028 3920 1234</dd></dl>')
    foot = ('<p>Đơn vị chủ quản: Công ty TNHH Thương mại Nhà Thuốc Tâm An</p>'
            '<p>Giấy chứng nhận ĐKDN số 0182462817 do Sở Kế hoạch và Đầu tư TP. Hà Nội cấp</p>'
            '<p>Địa chỉ: Tầng 3, 19 Trung Kính, Phường Yên Hòa, Hà Nội</p><p>Hotline: 1900 2233 45</p>')
    d = disclose(_page(product, foot), "https://nhathuoctaman.vn/san-pham/vien-bo-khop")
    assert d.owner_name.value == "Công ty TNHH Thương mại Nhà Thuốc Tâm An"
    assert d.registration_number.value == "0182462817"
    assert d.address.value == "Tầng 3, 19 Trung Kính, Phường Yên Hòa, Hà Nội"
    assert [p.value for p in d.phones] == ["1900223345"]


def test_an_example_footer_quoted_in_a_legal_article_is_not_the_sites_own():
    article = ('<article><h1>Cách trình bày chân trang</h1><blockquote><p>CÔNG TY TNHH THƯƠNG MẠI MẪU<br>'
               'Mã số doanh nghiệp: 0101234567 do Sở KH&amp;ĐT TP. Hà Nội cấp<br>Địa chỉ: Số 1 đường Mẫu, Phường Láng, Hà Nội'
               '<br>Hotline: 0912 000 111 – Email: lienhe@mau.vn</p></blockquote></article>')
    foot = ('<p>CÔNG TY LUẬT TNHH AN PHÚC</p><p>MST: 0390996030</p>'
            '<p>Trụ sở: Số 25 Nguyễn Khang, Phường Yên Hòa, Hà Nội</p><p>Tổng đài tư vấn: 1900 6291 – Email: tuvan@anphuc.vn</p>')
    d = disclose(_page(article, foot), "https://luatanphuc.vn/bai-viet")
    assert d.owner_name.value == "CÔNG TY LUẬT TNHH AN PHÚC"
    assert d.registration_number.value == "0390996030"
    assert [p.value for p in d.phones] == ["19006291"]
    assert [e.value for e in d.emails] == ["tuvan@anphuc.vn"]


def test_a_registration_number_with_a_valid_check_digit_wins_a_tie():
    html = footer("<p>MST: 0101234567</p><p>Mã số thuế: 0418190934</p>")
    assert disclose(html).registration_number.value == "0418190934"


def test_subsidiaries_listed_on_a_group_page_are_not_the_group():
    body = ('<h2>Công ty thành viên</h2><p>Công ty TNHH Bao bì Đông Phong</p><p>MST: 0426018158</p>'
            '<p>Địa chỉ: KCN Quang Minh, Xã Quang Minh, Hà Nội</p>')
    foot = ('<p>CÔNG TY CỔ PHẦN TẬP ĐOÀN ĐÔNG PHONG</p><p>Giấy CNĐKDN số 0131860915 do Sở KH&amp;ĐT TP. Hà Nội cấp</p>'
            '<p>Trụ sở chính: 68 Nguyễn Huy Tưởng, Phường Thanh Xuân, Hà Nội</p>'
            '<p><a href="/chinh-sach-bao-ve-du-lieu">Chính sách bảo vệ dữ liệu cá nhân</a></p><p>© 2026 Đông Phong Group</p>')
    d = disclose(_page(body, foot), "https://dongphonggroup.vn/gioi-thieu")
    assert d.owner_name.value == "CÔNG TY CỔ PHẦN TẬP ĐOÀN ĐÔNG PHONG"
    assert d.registration_number.value == "0131860915"


# --- where an owner name ends ---------------------------------------------------

def test_owner_name_stops_before_a_clause_after_a_comma():
    html = footer("<p>Thương hiệu Trà Núi được sở hữu và vận hành bởi Công ty Cổ phần Nông sản Núi Cao, thành lập theo "
                  "Giấy chứng nhận đăng ký doanh nghiệp số 0131860915 do Sở Kế hoạch và Đầu tư TP. Hà Nội cấp.</p>")
    assert disclose(html).owner_name.value == "Công ty Cổ phần Nông sản Núi Cao"


def test_a_brand_after_an_ownership_phrase_loses_to_the_legal_entity_by_the_number():
    html = footer("<p>ĐƠN VỊ PHÂN PHỐI: CÔNG TY CỔ PHẦN ĐỊA ỐC SAO MAI</p><p>Mã số doanh nghiệp: 0390996030</p>"
                  "<p>Website thuộc sở hữu của Sao Mai Land, không phải website chính thức của chủ đầu tư.</p>")
    assert disclose(html).owner_name.value == "CÔNG TY CỔ PHẦN ĐỊA ỐC SAO MAI"


def test_owner_named_in_prose_as_builder_and_operator():
    html = footer("<p>Cơ sở dữ liệu văn bản do Công ty TNHH Dữ liệu Luật Việt xây dựng và vận hành.</p>"
                  "<p>Mã số doanh nghiệp: 0418190934</p>")
    assert disclose(html).owner_name.value == "Công ty TNHH Dữ liệu Luật Việt"


def test_the_end_of_a_policy_link_is_not_an_owner_label():
    # "... dữ liệu cá nhân" ends a link; "cá nhân" would be a label only if it opened its line
    html = footer('<p><a href="/bao-mat">Chính sách bảo vệ dữ liệu cá nhân</a></p><p>© 2026 Hạ Long Group</p>')
    assert disclose(html).owner_name.value == "Hạ Long Group"  # the brand by its "Group", not "2026 Hạ Long Group"


# --- individuals, addresses, credits --------------------------------------------

def test_personal_identification_number_after_the_personal_tax_code_label():
    html = footer("<p>Chủ sở hữu: Trần Minh Thư (cá nhân kinh doanh)</p>"
                  "<p>Mã số thuế cá nhân (số định danh cá nhân): 079196054321</p>")
    d = disclose(html)
    assert d.registration_number.value == "079196054321"
    assert d.registration_kind == "personal_id"


def test_unlabelled_address_block_with_one_part_per_line():
    html = footer("<div class='block-contact'><p>Công ty TNHH Đồ chơi Sao Nhỏ</p><p>Số 12 đường số 7, Khu dân cư Him Lam<br>"
                  "Phường Tân Hưng<br>Thành phố Hồ Chí Minh<br>Việt Nam</p><p>Gọi cho chúng tôi: 0983 225 000</p></div>")
    assert disclose(html).address.value == ("Số 12 đường số 7, Khu dân cư Him Lam, Phường Tân Hưng, "
                                            "Thành phố Hồ Chí Minh, Việt Nam")


def test_a_web_agencys_phone_in_its_credit_is_not_the_shops():
    html = footer("<p>Công ty TNHH Gia Vị Biển</p><p>Hotline: 0905 447 000</p>"
                  "<p>Copyright 2026 © Gia Vị Biển. Thiết kế website bởi Công ty TNHH Web Xanh – Hotline kỹ thuật: 0935 668 000</p>")
    assert [p.value for p in disclose(html).phones] == ["0905447000"]


def test_a_phone_quoted_in_an_articles_sentence_is_not_the_sites_contact():
    article = ("<article><p>Người dân phát hiện website có dấu hiệu vi phạm có thể phản ánh qua đường dây nóng của cơ quan"
               " quản lý theo số 024 2220 0000 hoặc qua mục phản ánh trên cổng thông tin của bộ trong giờ hành chính.</p></article>")
    foot = "<p>Công ty Cổ phần Truyền thông Tin Nhanh</p><p>Đường dây nóng: 0968 233 000</p>"
    assert [p.value for p in disclose(_page(article, foot)).phones] == ["0968233000"]


def test_a_person_under_an_owner_heading_is_the_owner():
    html = footer("<h4>Thông tin chủ sở hữu</h4><p>Nguyễn Thảo Vy</p><p>Mã số thuế cá nhân: 079196054321</p>")
    assert disclose(html).owner_name.value == "Nguyễn Thảo Vy"


def test_a_phone_in_a_sentence_that_offers_it_with_a_call_link_stays():
    html = footer("<p>Chúng tôi làm việc từ 8h đến 21h tất cả các ngày trong tuần, kể cả thứ Bảy và Chủ nhật, quý khách có"
                  " thể đặt bánh qua số <a href='tel:0909111222'>0909 111 222</a> để được giao tận nơi trong nội thành.</p>"
                  "<p>Công ty TNHH Bánh Ngọt Hoa Mai</p>")
    assert [p.value for p in disclose(html).phones] == ["0909111222"]


# --- where a name or an address ends, and whose it is ------------------------------------------

def test_owner_name_ends_with_its_sentence():
    html = footer("<p>Mã số thuế: 0401424454</p>"
                  "<p>© Bản quyền thuộc về Công ty TNHH Gốm sứ Bát Tràng Xưa. Giao diện bởi Flatsome.</p>")
    assert disclose(html).owner_name.value == "Công ty TNHH Gốm sứ Bát Tràng Xưa"


def test_owner_name_ends_at_a_comma_before_a_registration_label():
    html = footer("<p>Website thuộc quyền sở hữu của Công ty TNHH Dệt may Hòa Phát Đạt, GCNĐKDN số 0109517501"
                  " do Sở KH&amp;ĐT TP. Hà Nội cấp ngày 04/05/2021.</p>")
    assert disclose(html).owner_name.value == "Công ty TNHH Dệt may Hòa Phát Đạt"


def test_the_written_out_legal_form_is_preferred_to_its_abbreviation():
    html = footer("<p><strong>HỢP TÁC XÃ DỊCH VỤ NÔNG NGHIỆP PHÚ AN</strong></p>"
                  "<p>Mã số hợp tác xã: 2300063283</p><p>Địa chỉ: Thôn Phú An, Xã Đại Đồng, Tỉnh Bắc Ninh</p>"
                  "<p>© Bản quyền thuộc về HTX Dịch vụ Nông nghiệp Phú An</p>")
    assert disclose(html).owner_name.value == "HỢP TÁC XÃ DỊCH VỤ NÔNG NGHIỆP PHÚ AN"


def test_a_cooperatives_registration_beats_a_partners_tax_code_named_above_it():
    body = ("<section><h2>Đối tác</h2><p>Đối tác thu mua: Công ty CP Chế biến Rau quả Sông Cầu (MST 2300094940)"
            " – bao tiêu toàn bộ sản lượng vải thiều của xã viên.</p></section>")
    foot = ("<p>HỢP TÁC XÃ DỊCH VỤ NÔNG NGHIỆP PHÚ AN</p>"
            "<p>Giấy chứng nhận đăng ký hợp tác xã số: 2300063283 do Phòng Tài chính - Kế hoạch huyện Lục Ngạn cấp</p>"
            "<p>Địa chỉ: Thôn Phú An, Xã Đại Đồng, Tỉnh Bắc Ninh</p>")
    assert disclose(_page(body, foot)).registration_number.value == "2300063283"


_BRANCH_FOOTER = ("<p><b>CHI NHÁNH CÔNG TY TNHH NỘI THẤT GỖ SỒI TẠI ĐÀ NẴNG</b></p>"
                  "<p>Mã số chi nhánh: 3701702394-001 do Sở Tài chính TP. Đà Nẵng cấp ngày 11/09/2025</p>"
                  "<p>Địa chỉ chi nhánh: 88 Nguyễn Văn Linh, Phường Hải Châu, TP. Đà Nẵng</p>"
                  "<p>Trụ sở chính công ty: Lô B2, KCN Mỹ Phước, Phường Bến Cát, TP. Hồ Chí Minh – MST 3701702394</p>"
                  "<p>Hotline: 0236 3888 123</p>")


def test_a_site_run_by_a_branch_discloses_the_branch_code():
    assert disclose(footer(_BRANCH_FOOTER)).registration_number.value == "3701702394-001"


def test_a_site_run_by_a_branch_discloses_the_branch_address():
    assert disclose(footer(_BRANCH_FOOTER)).address.value == "88 Nguyễn Văn Linh, Phường Hải Châu, TP. Đà Nẵng"


def test_words_between_an_address_label_and_its_colon_are_not_the_address():
    html = footer("<p>CÔNG TY CỔ PHẦN NỘI THẤT GỖ SỒI</p><p>MST: 3701702394</p>"
                  "<p>Trụ sở chính công ty: Lô B2, KCN Mỹ Phước, Phường Bến Cát, TP. Hồ Chí Minh</p>")
    assert disclose(html).address.value == "Lô B2, KCN Mỹ Phước, Phường Bến Cát, TP. Hồ Chí Minh"


def test_an_address_label_naming_the_place_is_read():
    html = footer("<p>HỘ KINH DOANH LAN RỪNG BẢO NGỌC</p><p>Địa chỉ vườn lan: Thôn 3, Xã Lộc An, Tỉnh Lâm Đồng</p>"
                  "<p>Điện thoại: 0977 120 456</p>")
    assert disclose(html).address.value == "Thôn 3, Xã Lộc An, Tỉnh Lâm Đồng"


def test_an_address_in_prose_drops_its_lead_verb_and_stops_at_the_sentence_end():
    html = footer("<p>Công ty TNHH Cơ khí Minh Trí, mã số doanh nghiệp 2300094940. Trụ sở chính nằm tại Số 45 đường TS3,"
                  " KCN Tiên Sơn, Phường Tiên Du, Tỉnh Bắc Ninh. Mọi thắc mắc xin gọi 0222 3714 555.</p>")
    assert disclose(html).address.value == "Số 45 đường TS3, KCN Tiên Sơn, Phường Tiên Du, Tỉnh Bắc Ninh"


def test_an_address_behind_a_map_pin_icon_in_a_village():
    html = footer('<p>Vườn Cam Đoài</p><p><i class="fa fa-map-marker"></i> Xóm Trại, xã Yên Thường, huyện Gia Lâm, Hà Nội</p>'
                  '<p><i class="fa fa-phone"></i> 0912 404 707</p>')
    assert disclose(html).address.value == "Xóm Trại, xã Yên Thường, huyện Gia Lâm, Hà Nội"


def test_an_unlabelled_address_keeps_its_abbreviated_city():
    html = footer('<p>CÔNG TY TNHH THỰC PHẨM ÂU CHÂU</p><p>Mã số doanh nghiệp: 0315479315</p>'
                  '<p>Tầng 9, Tòa nhà Sun Wah, 115 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh</p>'
                  '<ul><li><a href="/tai-khoan">Tài khoản</a></li><li><a href="/dia-chi">Địa chỉ</a></li></ul>')
    assert disclose(html).address.value == "Tầng 9, Tòa nhà Sun Wah, 115 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh"


def test_an_employers_address_in_a_job_post_is_not_the_sites():
    body = ("<article><h1>Tuyển nhân viên bán hàng</h1><p>Đơn vị tuyển dụng: Công ty Cổ phần Cung ứng Nhân lực Sao Mai</p>"
            "<p>Mã số thuế: 0315076027</p><p>Địa chỉ: Số 20 Hoàng Văn Thụ, Phường Phú Nhuận, TP. Hồ Chí Minh</p>"
            "<p>Hạn nộp hồ sơ: 30/04/2026.</p></article>")
    foot = ("<p>CÔNG TY TNHH ĐỒNG HỒ THỜI GIAN VÀNG</p><p>GCNĐKDN số 0315479315 do Sở KH&amp;ĐT TP.HCM cấp</p>"
            "<p>Hotline: 0938 156 156</p>")
    assert disclose(_page(body, foot)).address is None


def test_a_brands_office_phone_is_not_the_sellers():
    body = ("<section><p>Chúng tôi là đại lý chính thức của các hãng máy nén khí châu Âu.</p>"
            "<p>Văn phòng đại diện hãng tại Việt Nam: Tầng 6, 2 Ngô Đức Kế, Phường Sài Gòn, TP. Hồ Chí Minh – ĐT: 028 3822 4411.</p>"
            "</section>")
    foot = "<p>Công ty TNHH Máy nén khí Đông Á</p><p>MST: 4101665103</p><p>Hotline: 0905 220 330</p>"
    assert [p.value for p in disclose(_page(body, foot)).phones] == ["0905220330"]


def test_a_makers_warranty_hotline_on_a_review_site_is_not_the_sites():
    body = ("<article><h2>1. Máy lọc không khí Gió Lành GL-300</h2><p>Sản phẩm do Công ty CP Điện máy Gió Lành sản xuất,"
            " bảo hành 24 tháng. Tổng đài bảo hành của hãng: 1800 5566.</p></article>")
    foot = "<p>Đánh Giá Nhà – Email: hopthu@danhgianha.vn</p>"
    assert disclose(_page(body, foot)).phones == ()


def test_an_email_with_a_in_brackets_for_the_at_sign():
    html = footer("<p>HỘ KINH DOANH HOA TƯƠI MỘC</p><p>Email: hoatuoimoc (a) gmail.com</p>")
    assert [e.value for e in disclose(html).emails] == ["hoatuoimoc@gmail.com"]


# --- contacts and names of other entities inside the footer; address and name ends --------

def test_a_sister_companys_phone_in_its_own_footer_block_is_not_the_sites():
    html = footer(
        "<div><p>Công ty TNHH Gốm Sứ Bát Tràng Xanh</p><p>MST: 0108231117</p>"
        "<p>Địa chỉ: Số 9 Giang Cao, Xã Bát Tràng, Hà Nội</p><p>Hotline: 0912 880 121</p></div>"
        "<div><h4>Xưởng nung</h4><p>Đơn vị gia công:</p><p>Công ty CP Lò Gốm Kim Lan</p>"
        "<p>MST: 0107654320</p><p>Điện thoại xưởng: 0243 876 5432</p></div>")
    assert [p.value for p in disclose(html).phones] == ["0912880121"]


def test_a_carriers_hotline_on_its_line_of_the_footer_is_not_the_sites():
    html = footer(
        "<p>CÔNG TY TNHH ĐỒ CHƠI GỖ NHÍ NHỐ – MST: 0316001239</p>"
        "<p>Địa chỉ: 21 Hoa Sứ, Phường Phú Nhuận, TP. Hồ Chí Minh – Hotline: 0903 456 789</p>"
        "<p>Giao hàng: Công ty CP Chuyển Phát Sao Bắc – Tra cứu vận đơn: 1900 5566</p>")
    assert [p.value for p in disclose(html).phones] == ["0903456789"]


def test_a_group_named_inside_the_owners_sentence_keeps_the_owners_hotline():
    html = footer("<p>Công ty TNHH Nệm Êm Ái, thành viên của Công ty Cổ phần Tập Đoàn Giấc Ngủ Việt</p>"
                  "<p>MST: 0316001239</p><p>Hotline: 0903 456 789</p>")
    assert [p.value for p in disclose(html).phones] == ["0903456789"]


def test_a_dealers_landlines_in_a_long_footer_line_are_its_own_and_the_brand_hotline_is_not():
    html = footer(
        "<p>Công ty TNHH Xe Máy Phố Núi – Đại lý ủy quyền của Honda Việt Nam tại Gia Lai</p>"
        "<p>MST: 5900123451. Địa chỉ: 88 Hùng Vương, Phường Pleiku, Tỉnh Gia Lai. Bán hàng: 0269 3821 001 – "
        "Xưởng dịch vụ: 0269 3821 002 – Hotline: 0905 112 233</p>"
        "<p>Tổng đài chăm sóc khách hàng Honda: 1800 8001</p>")
    assert [p.value for p in disclose(html).phones] == ["02693821001", "02693821002", "0905112233"]


def test_a_phone_before_opening_hours_in_an_about_paragraph_is_read():
    html = footer(
        "<p>Tiệm Bánh Mẹ Nấu do Công ty TNHH Bánh Mẹ Nấu vận hành, mã số doanh nghiệp 0316001239, trụ sở "
        "tại 14 Trần Quang Khải, Phường Tân Định, TP. Hồ Chí Minh; để đặt bánh sinh nhật hay hỏi về đơn hàng "
        "xin quý khách gọi số 0933 21 43 65 (7h30 - 21h mỗi ngày) hoặc nhắn tin cho fanpage của tiệm.</p>")
    assert [p.value for p in disclose(html).phones] == ["0933214365"]


def test_an_address_ends_with_its_city_when_a_clause_follows():
    html = footer("<p>Công ty TNHH Bánh Mẹ Nấu, trụ sở chính tại 14 Trần Quang Khải, Phường Tân Định, "
                  "TP. Hồ Chí Minh, cửa hàng mở cửa từ 7h đến 21h, quý khách vui lòng gọi trước khi đến</p>")
    assert disclose(html).address.value == "14 Trần Quang Khải, Phường Tân Định, TP. Hồ Chí Minh"


def test_an_address_named_after_a_city_street_goes_on_to_its_unit():
    html = footer("<p>Địa chỉ: 120 Xa lộ Hà Nội, Phường Thủ Đức, TP. Hồ Chí Minh</p>")
    assert disclose(html).address.value == "120 Xa lộ Hà Nội, Phường Thủ Đức, TP. Hồ Chí Minh"


def test_the_head_office_listed_first_with_a_bracketed_note_is_the_owners_address():
    html = footer("<p>CÔNG TY TNHH NHA KHOA NỤ CƯỜI</p><p>MST: 0316001239</p>"
                  "<p>Trụ sở chính (Phòng khám 1): 5 Nguyễn Du, Phường Bến Thành, TP. Hồ Chí Minh</p>"
                  "<p>Phòng khám 2: 77 Phan Xích Long, Phường Cầu Kiệu, TP. Hồ Chí Minh</p>")
    assert disclose(html).address.value == "5 Nguyễn Du, Phường Bến Thành, TP. Hồ Chí Minh"


def test_a_franchise_store_is_run_by_its_household_business_not_the_franchisor():
    html = footer(
        "<p>Cửa hàng nhượng quyền thương hiệu Cơm Tấm Sườn Vàng của Công ty Cổ phần Sườn Vàng Food "
        "(MST 0316001239).</p>"
        "<p>Đơn vị vận hành: Hộ kinh doanh Cơm Tấm Sườn Vàng Lý Thường Kiệt – Chủ hộ: Trần Văn Bình</p>"
        "<p>Giấy chứng nhận đăng ký hộ kinh doanh số 41N8012345 do UBND Quận 10 cấp ngày 02/02/2022</p>"
        "<p>Đặt món: 0903 456 789 · Tổng đài thương hiệu Sườn Vàng Food: 1900 2288</p>")
    d = disclose(html)
    assert d.owner_name.value == "Hộ kinh doanh Cơm Tấm Sườn Vàng Lý Thường Kiệt"
    assert d.registration_number.value == "41N8012345"
    assert [p.value for p in d.phones] == ["0903456789"]


def test_an_english_limited_liability_company_keeps_its_whole_legal_form():
    html = footer("<p>HANSEN OUTDOOR VIETNAM LIMITED LIABILITY COMPANY</p><p>Tax code: 0316001239</p>")
    assert disclose(html).owner_name.value == "HANSEN OUTDOOR VIETNAM LIMITED LIABILITY COMPANY"


def test_a_branch_name_ends_with_its_location():
    html = footer("<p>Chi nhánh Công ty Cổ phần Dược Phẩm An Khang tại Đà Nẵng</p>"
                  "<p>Mã số chi nhánh: 0316001239-002</p>")
    assert disclose(html).owner_name.value == "Chi nhánh Công ty Cổ phần Dược Phẩm An Khang tại Đà Nẵng"


def test_a_farmer_selling_under_a_farm_owner_label_is_the_owner():
    html = footer("<p>Vườn Bưởi Năm Roi Út Tư</p><p>Chủ vườn: Nguyễn Văn Tư</p>"
                  "<p>Mã định danh cá nhân: 086090012345</p><p>Zalo: 0919 222 333</p>")
    assert disclose(html).owner_name.value == "Nguyễn Văn Tư"


def test_an_email_with_the_dots_of_its_host_written_out():
    d = disclose(footer("<p>Contact us / Liên hệ: hello [at] bepnha [dot] com [dot] vn</p>"))
    assert [e.value for e in d.emails] == ["hello@bepnha.com.vn"]


def test_company_name_written_in_lower_case_and_shown_in_capitals_by_css():
    d = disclose(footer('<h4 style="text-transform:uppercase">công ty tnhh gốm sứ minh long phát</h4>'
                        '<p>MST: 0318456122</p><p>Địa chỉ: 15 Lê Duẩn, Phường Sài Gòn, TP. Hồ Chí Minh</p>'))
    assert d.owner_name.value == "công ty tnhh gốm sứ minh long phát"


def test_company_words_in_lower_case_running_text_are_no_owner():
    d = disclose(footer('<p>công ty chúng tôi luôn đặt chất lượng lên hàng đầu</p><p>MST: 0318456122</p>'))
    assert d.owner_name is None


def test_name_opening_a_dot_separated_contact_line_is_the_owner():
    d = disclose(footer('<p>Trần Thị Bích Ngọc · 9 Hẻm 12 Trần Phú, Phường Lâm Viên - Đà Lạt, Lâm Đồng</p>'
                        '<p>Zalo: 0912 345 678</p>'))
    assert d.owner_name.value == "Trần Thị Bích Ngọc"
    assert d.address.value == "9 Hẻm 12 Trần Phú, Phường Lâm Viên - Đà Lạt, Lâm Đồng"


def test_brand_in_capitals_opening_a_contact_line_is_the_owner_when_nothing_else_is():
    d = disclose(footer('<p>XƯỞNG GỖ AN NHIÊN · 22 Lý Thường Kiệt, Phường Hải Châu, TP. Đà Nẵng · Hotline 0905 221 334</p>'))
    assert d.owner_name.value == "XƯỞNG GỖ AN NHIÊN"


def test_person_whose_personal_blog_the_site_is_owns_it():
    d = disclose(footer('<p>Bếp Nhà Ốc là blog cá nhân của Phan Thị Thu Hà. Mọi bài viết đều do mình tự nấu.</p>'))
    assert d.owner_name.value == "Phan Thị Thu Hà"


def test_web_agencys_and_distributors_numbers_and_phones_are_not_the_owners():
    d = disclose(footer(
        '<p>Công ty TNHH Thiết bị Bếp Hoàng Gia – Giấy CNĐKDN số 0107935214 do Sở KHĐT Hà Nội cấp ngày 03/04/2017</p>'
        '<p>Địa chỉ: 30 Kim Mã, Phường Giảng Võ, Hà Nội</p><p>Hotline: 0968 123 456</p>'
        '<h4>Đối tác</h4><p>Nhà phân phối chính thức: Công ty Cổ phần Thương mại Bắc Đô '
        '(MST 0306128737, ĐT 024 3771 8899)</p>'
        '<p>Thiết kế website: Công ty TNHH Web Sao Mai - MST 0401589329 - ĐT 0236 3654 321</p>'))
    assert d.registration_number.value == "0107935214"
    assert [p.value for p in d.phones] == ["0968123456"]


def test_a_job_posts_contact_phone_is_not_the_shops():
    d = disclose(footer(
        '<p>© 2026 Công ty TNHH Đồ Chơi Bé Vui. Giấy CNĐKDN số 0318456122 do Sở KHĐT TP.HCM cấp ngày 02/05/2019.</p>'
        '<p>Trụ sở: 12 Võ Văn Ngân, Phường Thủ Đức, TP. Hồ Chí Minh. Hotline 028 3720 1188</p>'
        '<ul><li><a href="/chinh-sach-doi-tra">Chính sách đổi trả</a></li><li><a href="/tuyen-dung">Tuyển dụng</a></li></ul>'
        '<p>Tuyển dụng: nhân viên kho, liên hệ chị Mai 0977 555 010</p>'))
    assert [p.value for p in d.phones] == ["02837201188"]


def test_address_ends_before_a_note_on_former_place_names():
    d = disclose(footer('<p>CÔNG TY TNHH IN ẤN PHÚ AN</p><p>Địa chỉ: 12 Trần Hưng Đạo, Phường Bắc Giang, '
                        'Tỉnh Bắc Ninh (trước đây: TP Bắc Giang, tỉnh Bắc Giang)</p>'))
    assert d.address.value == "12 Trần Hưng Đạo, Phường Bắc Giang, Tỉnh Bắc Ninh"


def test_a_trade_word_in_a_household_name_is_no_phone_label():
    # the household business sells phones: "ĐIỆN THOẠI" is part of its name, its head is named after it
    d = disclose(footer("<p><b>HỘ KINH DOANH ĐIỆN THOẠI MINH KHOA</b></p>"
                        "<p>Chủ hộ kinh doanh: Lê Minh Khoa</p>"
                        "<p>Số ĐKHKD: 41C8012345 do UBND quận 7 cấp ngày 02/03/2021</p>"
                        "<p>Điện thoại: 0903 456 789</p>"))
    assert d.owner_name.value == "HỘ KINH DOANH ĐIỆN THOẠI MINH KHOA"
    assert [p.value for p in d.phones] == ["0903456789"]


def test_a_phone_label_after_a_name_still_ends_it():
    d = disclose(footer("<p>CÔNG TY TNHH MINH KHOA Điện thoại 0903 456 789</p><p>MST: 0312225168</p>"))
    assert d.owner_name.value == "CÔNG TY TNHH MINH KHOA"


def test_a_craft_village_opens_an_unlabelled_address():
    d = disclose(footer("<p><b>Nón lá Chuông</b> – nón thủ công truyền thống</p>"
                        "<p>Làng nghề Chuông, Xã Phương Trung, Hà Nội</p>"
                        "<p>Đặt hàng: 0912 345 678</p>"))
    assert d.address.value == "Làng nghề Chuông, Xã Phương Trung, Hà Nội"


def test_a_carriers_hotline_is_not_the_shops_phone():
    d = disclose(footer("<p>CÔNG TY TNHH NỘI THẤT GỖ VIỆT</p><p>MST: 0312225168</p>"
                        "<p>Hotline: 0938 111 222</p>"
                        "<p>Giao hàng toàn quốc qua Viettel Post – Tổng đài Viettel Post: 1900 8095</p>"
                        "<p>Tra cứu vận đơn: GHN hotline 1900 636 677</p>"))
    assert [p.value for p in d.phones] == ["0938111222"]


def test_a_shop_line_mentioning_its_carrier_after_the_number_is_the_shops():
    d = disclose(footer("<p>CÔNG TY TNHH NỘI THẤT GỖ VIỆT</p><p>MST: 0312225168</p>"
                        "<p>Hotline: 0938 111 222 (giao hàng qua GHTK toàn quốc)</p>"))
    assert [p.value for p in d.phones] == ["0938111222"]


def test_a_branch_named_after_its_parent_keeps_its_branch_words():
    d = disclose(footer("<p>Đơn vị vận hành</p><p>CÔNG TY CỔ PHẦN SÁCH PHƯƠNG NAM – CHI NHÁNH ĐÀ NẴNG</p>"
                        "<p>Mã số chi nhánh: 0312225168-002</p>"
                        "<p>Địa chỉ chi nhánh: 12 Lê Duẩn, Phường Hải Châu, TP. Đà Nẵng</p>"))
    assert d.owner_name.value == "CÔNG TY CỔ PHẦN SÁCH PHƯƠNG NAM – CHI NHÁNH ĐÀ NẴNG"


# --- issuers, payment partners, one-line entries, joined labels, foreign-language names ----

def test_an_issuer_after_the_number_is_not_an_unlabelled_address():
    # "Sở" folds to "so", as "Số" does: the issuer is no house number
    html = footer("<p>CÔNG TY TNHH TRÀ SEN VÀNG</p>"
                  "<p>MST 0401876543 – Sở Tài chính TP. Đà Nẵng cấp ngày 03/09/2025</p>"
                  "<p>18 Trần Phú, Phường Hải Châu, TP. Đà Nẵng</p>"
                  "<p>Hotline: 0905 318 318</p>")
    assert disclose(html).address.value == "18 Trần Phú, Phường Hải Châu, TP. Đà Nẵng"


def test_a_payment_gateways_hotline_on_its_line_of_the_footer_is_not_the_sites():
    html = footer("<p>CÔNG TY TNHH CHÈ THÁI NGUYÊN XANH – MST: 4601234567</p>"
                  "<p>Điện thoại: 0208 3855 123</p>"
                  "<p>Cổng thanh toán: OnePay – Công ty Cổ phần Thương mại và Dịch vụ Trực tuyến OnePay"
                  " (Hotline: 1900 633 927)</p>")
    assert [p.value for p in disclose(html).phones] == ["02083855123"]


def test_a_payment_wallets_hotline_named_in_its_label_is_not_the_sites():
    html = footer("<p>HỘ KINH DOANH BÁNH PÍA SÓC TRĂNG CÔ BA</p><p>Đặt bánh: 0918 227 446</p>"
                  "<p>Nhận thanh toán qua ví MoMo – Tổng đài MoMo: 1900 5454 41</p>")
    assert [p.value for p in disclose(html).phones] == ["0918227446"]


def test_contacts_after_a_makers_one_line_credit_are_the_sites():
    # the maker's name and place fill their line: the contact line after it is the shop's again
    html = footer("<p>CÔNG TY TNHH GIÀY DA PHƯƠNG ĐÔNG</p><p>MST: 0312225168</p>"
                  "<p>Địa chỉ: 9 Lê Lợi, Phường Sài Gòn, TP. Hồ Chí Minh</p>"
                  "<p>Gia công bởi: Công ty Cổ phần Da Giày Hưng Thịnh – KCN Mỹ Phước, Tỉnh Bình Dương</p>"
                  "<p>Hotline: 1800 6868 – Email: cskh@giaydaphuongdong.vn</p>")
    d = disclose(html)
    assert [p.value for p in d.phones] == ["18006868"]
    assert [e.value for e in d.emails] == ["cskh@giaydaphuongdong.vn"]


def test_a_one_line_entry_followed_by_its_own_number_keeps_its_block():
    html = footer("<p>CÔNG TY TNHH GIÀY DA PHƯƠNG ĐÔNG</p><p>MST: 0312225168</p><p>Hotline: 0903 111 222</p>"
                  "<p>Nhà phân phối: Công ty Cổ phần Phân Phối Bắc Sơn – khu vực miền Bắc</p>"
                  "<p>MST: 0101234567</p><p>Điện thoại: 024 3822 1111</p>")
    assert [p.value for p in disclose(html).phones] == ["0903111222"]


def test_a_head_office_that_is_also_the_factory_is_the_registered_address():
    html = footer("<p>Công ty Cổ phần Gốm Sứ Minh Phát</p>"
                  "<p>Showroom Đà Nẵng: 45 Bạch Đằng, Phường Hải Châu, TP. Đà Nẵng</p>"
                  "<p>Trụ sở chính và nhà máy: Lô B4, KCN Hòa Khánh, Phường Hòa Khánh, TP. Đà Nẵng</p>"
                  "<p>MST: 0400123456</p>")
    assert disclose(html).address.value == "Lô B4, KCN Hòa Khánh, Phường Hòa Khánh, TP. Đà Nẵng"


def test_a_tax_code_grouped_by_hyphens_is_read():
    html = footer("<p>CÔNG TY TNHH PHỤ TÙNG XE MÁY TÂN HIỆP</p><p>MST: 0316-001-239</p>")
    assert disclose(html).registration_number.value == "0316001239"


def test_a_copyright_sign_and_year_are_not_part_of_the_owners_name():
    html = footer("<h4>Company</h4><p>© 2024 Blue Reef Trading Co., Ltd</p><p>Tax code: 0316001239</p>")
    assert disclose(html).owner_name.value == "Blue Reef Trading Co., Ltd"


def test_the_vietnamese_registered_name_beats_its_english_translation():
    html = footer("<p>Operated by Mekong Leaf Company Limited</p>"
                  "<p>Thông tin doanh nghiệp: CÔNG TY TNHH LÁ MÊ KÔNG (tên tiếng Anh: MEKONG LEAF COMPANY"
                  " LIMITED) – MST 0316001239</p>")
    assert disclose(html).owner_name.value == "CÔNG TY TNHH LÁ MÊ KÔNG"


def test_the_vietnamese_address_beats_its_english_rendering():
    html = footer("<p>CÔNG TY TNHH LÁ MÊ KÔNG – MST 0316001239</p>"
                  "<p>Registered office: 88 Tran Hung Dao Street, Cau Ong Lanh Ward, Ho Chi Minh City, Vietnam</p>"
                  "<p>Địa chỉ: 88 Trần Hưng Đạo, Phường Cầu Ông Lãnh, TP. Hồ Chí Minh</p>")
    assert disclose(html).address.value == "88 Trần Hưng Đạo, Phường Cầu Ông Lãnh, TP. Hồ Chí Minh"


def test_the_new_address_beats_the_former_one_given_beside_it():
    html = footer("<p>CÔNG TY TNHH GỐM SỨ AN PHÚ – MST 3702211416</p>"
                  "<p>Địa chỉ cũ: 12 Đại lộ Bình Dương, Phường Phú Hòa, TP. Thủ Dầu Một, Tỉnh Bình Dương</p>"
                  "<p>Địa chỉ mới (từ 01/07/2025): 12 Đại lộ Bình Dương, Phường Phú Lợi, TP. Hồ Chí Minh</p>")
    assert disclose(html).address.value == "12 Đại lộ Bình Dương, Phường Phú Lợi, TP. Hồ Chí Minh"


def test_a_former_address_given_alone_is_still_the_address():
    html = footer("<p>CÔNG TY TNHH GỐM SỨ AN PHÚ – MST 3702211416</p>"
                  "<p>Địa chỉ (cũ): 12 Đại lộ Bình Dương, Phường Phú Hòa, TP. Thủ Dầu Một, Tỉnh Bình Dương</p>")
    assert disclose(html).address.value == "12 Đại lộ Bình Dương, Phường Phú Hòa, TP. Thủ Dầu Một, Tỉnh Bình Dương"


def test_words_between_the_head_office_label_and_its_lead_verb_are_not_the_address():
    html = footer("<p>Thương hiệu Gạo Ngon thuộc Công ty Cổ phần Lương Thực Sông Hậu, mã số doanh nghiệp 1801672943."
                  " Trụ sở công ty đặt tại Số 88 Trần Hưng Đạo, Phường Ninh Kiều, TP. Cần Thơ.</p>")
    assert disclose(html).address.value == "Số 88 Trần Hưng Đạo, Phường Ninh Kiều, TP. Cần Thơ"


def test_a_head_office_shared_with_a_named_workshop_is_read_after_its_label():
    html = footer("<p>HỘ KINH DOANH NƯỚC MẮM CỬA BIỂN – MST 4201596213</p>"
                  "<p>Trụ sở &amp; xưởng sản xuất: Thôn Bình Tân, Xã Vạn Ninh, Tỉnh Khánh Hòa</p>")
    assert disclose(html).address.value == "Thôn Bình Tân, Xã Vạn Ninh, Tỉnh Khánh Hòa"


def test_a_code_alone_on_the_line_under_the_owners_name_is_the_registration_number():
    html = footer("<div class='footer-info'>CÔNG TY TNHH TRÀ ĐÀ LẠT XANH<br/>5801234513<br/>"
                  "Số 7 Đường 3 Tháng 2, Phường Xuân Hương - Đà Lạt, Tỉnh Lâm Đồng<br/>0263.3822.145<br/>"
                  "lienhe@tradalatxanh.vn</div>")
    assert disclose(html).registration_number.value == "5801234513"


def test_a_mobile_number_alone_under_the_owners_name_is_not_a_registration_number():
    html = footer("<div class='footer-info'>CÔNG TY TNHH TRÀ ĐÀ LẠT XANH<br/>0905120014<br/>"
                  "Số 7 Đường 3 Tháng 2, Phường Xuân Hương - Đà Lạt, Tỉnh Lâm Đồng</div>")
    d = disclose(html)
    assert d.registration_number is None
    assert [p.value for p in d.phones] == ["0905120014"]


def test_a_tax_code_label_qualified_before_its_colon():
    html = footer("<p><b>HỘ KINH DOANH NƯỚC MẮM BA HÒN</b></p>"
                  "<p>Mã số thuế hộ kinh doanh: 091185007733 (số định danh cá nhân của chủ hộ Trần Văn Hòn)</p>")
    assert disclose(html).registration_number.value == "091185007733"
    html = footer("<p><b>Hộ kinh doanh Bánh tráng Cô Sáu</b></p>"
                  "<p>Mã số thuế (số định danh cá nhân của chủ hộ): 072190004521</p>")
    assert disclose(html).registration_number.value == "072190004521"


def test_a_qualifier_is_not_read_across_a_missing_value_into_the_hotline():
    html = footer("<p>CÔNG TY TNHH THỜI TRANG ABC</p><p>MST: Đang cập nhật. Hotline: 0909 123 456</p>")
    assert disclose(html).registration_number is None


def test_a_code_behind_an_icon_followed_by_its_issuer_is_the_registration_number():
    html = footer('<h4>CÔNG TY CỔ PHẦN MỸ PHẨM LÀNH</h4><ul><li><svg class="e-far-id-card"></svg>'
                  '<span>0109667779 – Sở KH&amp;ĐT TP. Hà Nội cấp ngày 21/06/2021</span></li>'
                  '<li><svg class="e-fas-map-marker-alt"></svg><span>Số 27 Nguyễn Khang, Phường Yên Hòa, Hà Nội</span></li></ul>')
    d = disclose(html)
    assert d.registration_number.value == "0109667779"
    assert d.issuer.value == "Sở KH&ĐT TP. Hà Nội" and d.issue_date.value == "2021-06-21"


def test_the_digits_of_dates_are_not_a_phone_number():
    html = footer("<p>Ưu đãi: ở 3 đêm trả 2 – áp dụng 01/05/2025 – 30/09/2025</p><p>Hotline: 0236 3 888 999</p>")
    assert [p.value for p in disclose(html).phones] == ["02363888999"]


def test_a_number_after_a_fax_icon_is_not_a_phone():
    html = footer('<ul><li><i class="fa fa-phone"></i> (028) 3925 6618</li>'
                  '<li><i class="fa fa-fax"></i> (028) 3925 6619</li></ul>')
    assert [p.value for p in disclose(html).phones] == ["02839256618"]


def test_the_address_with_no_label_outranks_a_workshops_labelled_one():
    html = footer('<p>CÔNG TY TNHH NỘI THẤT GỖ VIỆT</p><ul>'
                  '<li><i class="icon-map-pin-fill"></i> Số 128 Lê Văn Việt, Phường Tăng Nhơn Phú, TP. Hồ Chí Minh</li>'
                  '<li><i class="icon-map-pin-fill"></i> Xưởng: Lô C7 Đường số 3, KCN Tân Phú Trung, Xã Tân An Hội, '
                  'TP. Hồ Chí Minh</li></ul>')
    assert disclose(html).address.value == "Số 128 Lê Văn Việt, Phường Tăng Nhơn Phú, TP. Hồ Chí Minh"


def test_an_english_branch_discloses_itself_not_its_parent_company():
    html = footer("<p>Branch of Mekong Trails Travel Company Limited in Da Nang</p>"
                  "<p>Branch code: 0315335803-001</p>"
                  "<p>Address: 45 Bach Dang Street, Hai Chau Ward, Da Nang City</p>"
                  "<p>Parent company: Mekong Trails Travel Company Limited – Enterprise code 0315335803 – "
                  "12 Nguyen Hue Boulevard, Sai Gon Ward, Ho Chi Minh City.</p>")
    d = disclose(html)
    assert d.owner_name.value == "Branch of Mekong Trails Travel Company Limited in Da Nang"
    assert d.registration_number.value == "0315335803-001"


def test_an_abbreviated_mobile_label_ends_the_address():
    html = footer("<p>CÔNG TY TNHH HONDA PHÚ THỊNH</p>"
                  "<p>Địa chỉ: Số 125 Lê Lợi, Phường Thành Vinh, Tỉnh Nghệ An - DĐ: 0912 418 225</p>")
    assert disclose(html).address.value == "Số 125 Lê Lợi, Phường Thành Vinh, Tỉnh Nghệ An"


def test_the_company_the_page_says_owns_the_website_beats_a_groups_footer_list():
    html = ('<html><body><main><p>Thương hiệu Lam Ngọc và website lamngocjewelry.vn thuộc sở hữu của '
            'CÔNG TY TNHH TRANG SỨC LAM NGỌC, thành viên Tập đoàn Lam Ngọc.</p>'
            '<p>Mã số doanh nghiệp: 0318342206 · Địa chỉ: Số 9 Lê Thánh Tôn, Phường Sài Gòn, TP. Hồ Chí Minh</p></main>'
            '<footer><h4>Tập đoàn Lam Ngọc</h4><ul>'
            '<li>CÔNG TY CỔ PHẦN TẬP ĐOÀN LAM NGỌC – MST 0318550076 – Số 9 Lê Thánh Tôn, Phường Sài Gòn, TP. Hồ Chí Minh</li>'
            '<li>CÔNG TY TNHH CHẾ TÁC ĐÁ QUÝ LAM NGỌC – MST 0318766124 – Lô 18 KCN Tân Bình, TP. Hồ Chí Minh</li>'
            '</ul></footer></body></html>')
    d = disclose(html, "https://lamngocjewelry.vn/")
    assert d.owner_name.value == "CÔNG TY TNHH TRANG SỨC LAM NGỌC"
    assert d.registration_number.value == "0318342206"


def test_the_importers_number_in_a_product_note_is_not_the_sites():
    html = ('<html><body><main><p>Viên uống Omega-3 được nhập khẩu và phân phối bởi: <b>CÔNG TY CỔ PHẦN DƯỢC PHẨM '
            'HOÀNG LONG</b> – MST: 0109332148 – Hotline nhà phân phối: 1900 6543.</p>'
            '<table><tr><td>Đơn vị</td><td>CÔNG TY TNHH DƯỢC PHẨM PHÚC KHANG</td></tr>'
            '<tr><td>Mã số thuế</td><td>3301102762</td></tr></table></main></body></html>')
    assert disclose(html).registration_number.value == "3301102762"


def test_a_trade_word_inside_a_household_name_before_its_certificate():
    html = footer("<div>Hộ kinh doanh Điện thoại Tín Phát - GCN ĐKHKD số 41N8037215 - MST: 8541037266 - "
                  "Đ/c: Số 88 Trần Quang Khải, Phường Tân Định, TP. Hồ Chí Minh</div>")
    assert disclose(html).owner_name.value == "Hộ kinh doanh Điện thoại Tín Phát"


def test_a_slash_separated_footer_line_ends_the_name_at_the_slash():
    html = footer("<div>HỘ KINH DOANH TRANG SỨC BẠC MỘC LAN / GCN ĐKHKD số 01E8026715 / MST: 8105123444 / "
                  "Đ/c: Số 15 Ngõ 46 Phố Huế, Phường Hai Bà Trưng, Hà Nội</div>")
    d = disclose(html)
    assert d.owner_name.value == "HỘ KINH DOANH TRANG SỨC BẠC MỘC LAN"
    assert d.address.value == "Số 15 Ngõ 46 Phố Huế, Phường Hai Bà Trưng, Hà Nội"


def test_a_legal_form_written_as_a_label_is_not_part_of_the_name():
    html = footer("<p><b>CONG TY:</b> CÔNG TY TNHH PHỤ KIỆN SỐ HẢI ĐĂNG</p><p><b>MST:</b> 0201290609</p>")
    assert disclose(html).owner_name.value == "CÔNG TY TNHH PHỤ KIỆN SỐ HẢI ĐĂNG"


def test_a_branchs_address_in_its_own_block_beats_the_head_office_named_before():
    html = footer("<p>Sương Mai Travel Đà Lạt là chi nhánh của Công ty TNHH Du lịch Sương Mai (trụ sở: Số 120 "
                  "Nguyễn Đình Chiểu, Phường Xuân Hòa, TP. Hồ Chí Minh; MST 0318224594).<br><br>"
                  "<b>CHI NHÁNH CÔNG TY TNHH DU LỊCH SƯƠNG MAI TẠI LÂM ĐỒNG</b><br>"
                  "Mã số chi nhánh: 0318224594-001<br>"
                  "Địa chỉ: Số 7 Hồ Tùng Mậu, Phường Xuân Hương - Đà Lạt, Tỉnh Lâm Đồng</p>")
    d = disclose(html)
    assert d.registration_number.value == "0318224594-001"
    assert d.address.value == "Số 7 Hồ Tùng Mậu, Phường Xuân Hương - Đà Lạt, Tỉnh Lâm Đồng"


def test_the_number_under_a_partners_line_is_the_partners():
    html = footer("<div><h4>Đối tác</h4><p>Đối tác vận chuyển: CÔNG TY CỔ PHẦN GIAO NHẬN NHANH BẮC NAM<br>"
                  "MST: 0108314403<br>Tổng đài tra cứu vận đơn: 1900 2345</p></div>"
                  "<div><p>CÔNG TY TNHH THỰC PHẨM CHỨC NĂNG AN VIÊN</p>"
                  "<p>Số GCN ĐKDN: 0318736994 – cấp lần đầu ngày 06/02/2023 bởi Sở Kế hoạch và Đầu tư TP. Hồ Chí Minh</p>"
                  "<p>Hotline: 0901 736 994</p></div>")
    d = disclose(html)
    assert d.registration_number.value == "0318736994"
    assert [p.value for p in d.phones] == ["0901736994"]


def test_a_marketplaces_operator_credited_on_a_sellers_site_is_not_its_owner():
    html = footer('<div class="platform-credit"><h4>Lazada Việt Nam</h4>'
                  '<p>Mua hàng trên Lazada – sàn TMĐT do CÔNG TY TNHH RECESS vận hành</p>'
                  '<p>Mã số doanh nghiệp: 0316269053 do Sở KH&amp;ĐT TP.HCM cấp</p>'
                  '<p>Địa chỉ: Tầng 19, Tòa nhà Saigon Centre – Tháp 2, 67 Lê Lợi, Phường Bến Nghé, TP. Hồ Chí Minh</p>'
                  '<p>Hotline Lazada: 1900 1007</p></div>'
                  '<div class="seller"><h4>Nhà bán hàng</h4><p>CÔNG TY TNHH PHỤ KIỆN SỐ MINH KHÔI</p>'
                  '<p>MST 0318141034</p><p>Địa chỉ: Số 77 Đường Nguyễn Thị Thập, Phường Tân Mỹ, TP. Hồ Chí Minh</p>'
                  '<p>Hotline: 0901-448-275</p></div>')
    d = disclose(html, "https://phukienminhkhoi.vn/")
    assert d.owner_name.value == "CÔNG TY TNHH PHỤ KIỆN SỐ MINH KHÔI"
    assert d.registration_number.value == "0318141034"
    assert d.address.value == "Số 77 Đường Nguyễn Thị Thập, Phường Tân Mỹ, TP. Hồ Chí Minh"
    assert [p.value for p in d.phones] == ["0901448275"]


def test_the_marketplace_itself_is_the_owner_of_its_own_site():
    html = footer("<p>Công ty TNHH Shopee</p><p>Mã số doanh nghiệp: 0106773786 do Sở KH&amp;ĐT TP Hà Nội cấp</p>")
    assert disclose(html, "https://shopee.vn/").owner_name.value == "Công ty TNHH Shopee"


def test_an_email_with_a_space_before_its_suffix():
    html = footer("<p>Email: giaydepthanhtu@gmail .com</p>")
    assert [e.value for e in disclose(html).emails] == ["giaydepthanhtu@gmail.com"]


def test_a_label_and_its_value_set_side_by_side_in_spans():
    html = footer('<div><span class="k">Doanh nghiệp</span><span class="v">CÔNG TY TNHH XE ĐẠP VIỆT TIẾN</span></div>'
                  '<div><span class="k">Mã số thuế</span><span class="v">0110686688</span></div>'
                  '<div><span class="k">Địa chỉ</span><span class="v">Số 301 Nguyễn Văn Cừ, Phường Bồ Đề, Hà Nội</span></div>'
                  '<div><span class="k">Email</span><span class="v">banhang@xedapviettien.vn</span></div>')
    d = disclose(html)
    assert d.registration_number.value == "0110686688"
    assert d.address.value == "Số 301 Nguyễn Văn Cừ, Phường Bồ Đề, Hà Nội"
    assert [e.value for e in d.emails] == ["banhang@xedapviettien.vn"]


def test_an_unlabelled_address_whose_merged_ward_holds_a_dash():
    html = footer("<p>CÔNG TY TNHH CÀ PHÊ ĐẤT ĐỎ</p><p>MSDN 5801863663 · Sở KH&amp;ĐT Lâm Đồng cấp ngày 17/10/2019</p>"
                  "<p>Số 12 Đường 3 Tháng 2, Phường Xuân Hương - Đà Lạt, Tỉnh Lâm Đồng</p><p>☎ 0263 3 811 246</p>")
    assert disclose(html).address.value == "Số 12 Đường 3 Tháng 2, Phường Xuân Hương - Đà Lạt, Tỉnh Lâm Đồng"


def test_a_code_with_its_label_written_after_it():
    html = footer("<p>AN NHIÊN COSMETICS<br>0110158913 (MST) – Sở KH&amp;ĐT Hà Nội cấp lần đầu 02/10/2022</p>")
    assert disclose(html).registration_number.value == "0110158913"
