"""The MOIT badge: where real sites put it, what it links to, what it claims."""

from __future__ import annotations

import pytest

from monitor.checks import record_links
from monitor.checks.badge import check_badge, classify_link, page_badges

from .conftest import corpus_page, footer, parsed


def badge_of(html: str, url: str = "https://shop.vn/"):
    return check_badge([parsed(html, url)], [])


@pytest.mark.parametrize(
    ("href", "record_id", "form"),
    [
        ("http://online.gov.vn/Home/WebDetails/73995", "73995", "WebDetails"),
        ("https://www.online.gov.vn/Home/WebDetails/123273", "123273", "WebDetails"),
        ("http://online.gov.vn/Home/AppDetails/879?AspxAutoDetectCookieSupport=1", "879", "AppDetails"),
        ("http://online.gov.vn/(X(1)S(jfktnnku5rui3vjf5pnk4sgc))/Home/WebDetails/34144?AspxAutoDetectCookieSupport=1",
         "34144", "WebDetails"),
        ("http://online.gov.vn/HomePage/CustomWebsiteDisplay.aspx?DocId=55603", "55603", "DocId"),
        ("http://www.online.gov.vn/CustomWebsiteDisplay.aspx?DocId=19306", "19306", "DocId"),
        ("http://online.gov.vn/HomePage/WebsiteDisplay.aspx?DocId=22747", "22747", "DocId"),
        ("https://online.gov.vn/nen-tang/76be9e1f-3034-43bf-a3b6-193d8d81904a",
         "76be9e1f-3034-43bf-a3b6-193d8d81904a", "nen-tang"),
    ],
)
def test_every_record_link_form_gives_its_record_id_as_a_string(href, record_id, form):
    info = classify_link(href)
    assert info.state == "record"
    assert info.record_id == record_id
    assert info.form == form


@pytest.mark.parametrize(
    ("href", "state"),
    [
        (None, "none"),
        ("#", "dead"),
        ("javascript:void(0)", "dead"),
        ("http://online.gov.vn", "portal_root"),
        ("https://online.gov.vn/", "portal_root"),
        ("http://online.gov.vn/Home/WebDetails/XXXXX", "placeholder"),
        ("http://online.gov.vn/Home/WebDetails/000000", "placeholder"),
        ("http://online.gov.vn/Home/WebDetails/000001", "placeholder"),
        ("http://online.gov.vn/Home/WebDetails/", "placeholder"),
        ("http://online.gov.com.vn/Home/WebDetails/55123", "wrong_host"),
        ("http://onlinegov.vn/Home/WebDetails/55123", "wrong_host"),
        ("http://onine.gov.vn/Home/WebDetails/55123", "wrong_host"),
        ("/", "not_portal"),
    ],
)
def test_links_that_do_not_lead_to_a_record(href, state):
    assert classify_link(href, "https://shop.vn/").state == state


def test_official_badge_in_a_link_is_linked_and_notified():
    b = badge_of(footer('<a href="http://online.gov.vn/Home/WebDetails/68464"><img '
                        'src="http://online.gov.vn/Content/EndUser/LogoCCDVSaleNoti/logoSaleNoti.png"></a>'))
    assert (b.present, b.linked, b.record_id, b.kind) == (True, True, "68464", "notified")


def test_folder_name_holding_the_notified_image_does_not_make_it_registered():
    b = badge_of(footer('<a href="http://online.gov.vn/Home/WebDetails/68464"><img '
                        'src="/Content/EndUser/LogoCCDVSaleNoti/logoSaleNoti.png"></a>'))
    assert b.kind == "notified"


def test_logoccdv_image_is_the_registered_badge():
    b = badge_of(footer('<a href="http://online.gov.vn/Home/WebDetails/63719"><img src="https://cdn.san.vn/img/logoCCDV.png"></a>'))
    assert b.kind == "registered"


def test_lazy_hashed_cdn_copy_of_the_image_is_a_badge():
    b = badge_of(corpus_page("lazy_image_badge.html"))
    assert (b.present, b.linked, b.record_id, b.kind) == (True, True, "140706", "notified")


def test_alt_text_without_diacritics_identifies_the_badge():
    b = badge_of(footer('<a href="https://www.online.gov.vn/Home/WebDetails/123273"><img src="/img/bct.png" '
                        'alt="Da thong bao bo cong thuong"></a>'))
    assert (b.linked, b.kind) == (True, "notified")


def test_new_portal_uuid_link_with_the_file_server_image():
    b = badge_of(corpus_page("nen_tang_uuid.html"))
    assert b.record_id == "76be9e1f-3034-43bf-a3b6-193d8d81904a"
    assert b.kind == "notified"


def test_badge_written_by_an_inline_script_counts():
    b = badge_of(corpus_page("badge_in_script_docwrite.html"))
    assert (b.present, b.linked, b.record_id) == (True, True, "68464")


def test_badge_in_next_js_data_with_escaped_slashes_counts():
    b = badge_of(corpus_page("nextjs_electronics_home.html"))
    assert (b.linked, b.record_id) == (True, "61473")


def test_badge_in_an_html_comment_does_not_count():
    assert badge_of(corpus_page("html_comment_badge.html")).present is False


def test_badge_in_a_jsx_comment_does_not_count():
    assert badge_of(corpus_page("jsx_comment_badge.html")).present is False


def test_badge_in_a_commented_out_script_line_does_not_count():
    html = footer("<script>// document.write('<a href=\"http://online.gov.vn/Home/WebDetails/555\"><img src=\"logoSaleNoti.png\"></a>')\n"
                  "var x = 1;</script>")
    assert badge_of(html).present is False


@pytest.mark.parametrize(
    "page",
    ["placeholder_id.html", "portal_root_link.html", "href_hash_badge.html", "javascript_void_badge.html",
     "misspelled_host_badge.html", "no_link_image_badge.html", "react_link_home_badge.html"],
)
def test_badges_without_a_working_record_link_are_unlinked(page):
    b = badge_of(corpus_page(page))
    assert b.present is True
    assert b.linked is False
    assert b.record_id is None
    assert b.unlinked_reason


def test_text_only_claim_is_an_unlinked_badge():
    b = badge_of(footer('<p>Giấy phép ĐKKD: 0315123453 | <span class="pill">ĐÃ THÔNG BÁO BỘ CÔNG THƯƠNG</span></p>'))
    assert (b.present, b.linked, b.kind) == (True, False, "notified")


def test_news_prose_mentioning_notification_is_not_a_claim():
    html = footer("<p>Theo Cục TMĐT, nhiều website đã thông báo Bộ Công Thương nhưng không công khai mã số thuế.</p>")
    assert badge_of(html).present is False


def test_a_notification_bell_icon_is_not_a_badge():
    html = footer('<a href="/thong-bao"><img src="/icons/icon-thongbao.svg" alt="Thông báo"></a>')
    assert badge_of(html).present is False


def test_linked_badge_wins_over_a_decorative_unlinked_copy():
    b = badge_of(corpus_page("multiple_badges.html"))
    assert (b.linked, b.record_id) == (True, "73995")


def test_badge_sightings_carry_page_and_excerpt():
    p = parsed(corpus_page("canifa_style.html"), "https://mayxanh.vn/")
    sighting = page_badges(p)[0]
    assert sighting.url == "https://mayxanh.vn/"
    assert sighting.sha256 == p.sha256
    assert "online.gov.vn" in sighting.excerpt


def test_record_links_returns_canonical_absolute_urls_for_the_spider():
    html = corpus_page("canifa_style.html")
    assert record_links(html, "https://mayxanh.vn/") == ["http://online.gov.vn/Home/WebDetails/36833"]


def test_record_links_ignores_unlinked_and_commented_badges():
    assert record_links(corpus_page("placeholder_id.html"), "https://kidsland.vn/") == []
    assert record_links(corpus_page("html_comment_badge.html"), "https://hoatuoi.vn/") == []


def test_record_links_never_raises_on_garbage():
    assert record_links(b"\x00\xff\xfe<<<>>>", "https://x.vn/") == []
    assert record_links("", "https://x.vn/") == []


def test_a_styled_badge_next_to_image_badges_is_not_taken_for_one_of_them():
    # sightings are told apart by element, not by the id() of lxml's short-lived proxies
    html = footer("<a href='/' class='logo'><img src='/images/logo.png' alt='Bộ Công Thương'></a>"
                  "<img src='/Content/EndUser/LogoCCDVSaleNoti/logoSaleNoti.png' alt='Đã thông báo'>"
                  "<a style='background:url(/img/logoCCDV.png)' href='#'></a>")
    for _ in range(20):
        sightings = page_badges(parsed(html))
        assert [(s.source, s.link_state) for s in sightings] == [("image", "not_portal"), ("image", "none"),
                                                                  ("image", "dead")]


def test_an_href_on_a_paragraph_is_no_link_so_the_badge_is_unlinked():
    # browsers follow href on <a>, not on <p>: a visitor clicking this badge goes nowhere
    b = badge_of(footer('<div class="col-sm-2"><p href="http://online.gov.vn/Home/WebDetails/55123">'
                        '<img src="/images/dathongbao.png" alt=""></p></div>'))
    assert (b.present, b.linked, b.record_id) == (True, False, None)
    assert b.unlinked_reason == "badge without a link"


def test_a_text_link_to_someone_elses_record_in_an_article_is_not_a_badge():
    html = ('<html><body><article><h1>Cách kiểm tra website bán hàng</h1>'
            '<p>Bấm vào logo hoặc tra cứu tên miền. Ví dụ, một <a href="http://online.gov.vn/Home/WebDetails/55123">'
            'hồ sơ website hợp lệ</a> hiển thị tên doanh nghiệp và mã số thuế.</p></article>'
            '<footer><p>© 2026 Tạp chí Tiêu Dùng</p></footer></body></html>')
    assert badge_of(html, "https://tapchitieudung.vn/bai-viet").present is False


def test_a_badge_image_illustrating_an_article_is_not_the_sites_badge():
    html = ('<html><body><article><h1>Gắn logo Bộ Công Thương sai cách</h1>'
            '<figure><img src="/uploads/logo-da-thong-bao-bo-cong-thuong.png" alt="Logo Đã thông báo Bộ Công Thương">'
            '<figcaption>Ảnh minh họa</figcaption></figure></article>'
            '<footer><p>© 2026 Tạp chí Tiêu Dùng</p></footer></body></html>')
    assert badge_of(html, "https://tapchitieudung.vn/bai-viet").present is False


def test_a_text_only_link_saying_notified_to_moit_is_still_a_badge():
    b = badge_of(footer('<a href="http://online.gov.vn/Home/WebDetails/55123">Đã thông báo Bộ Công Thương</a>'))
    assert (b.present, b.linked, b.record_id) == (True, True, "55123")


def test_a_wordpress_image_block_in_a_footer_widget_is_still_the_badge():
    b = badge_of(footer('<aside class="widget"><figure class="wp-block-image"><a href="http://online.gov.vn/Home/WebDetails/55123">'
                        '<img src="/wp-content/uploads/2025/03/logoSaleNoti.png" alt=""></a></figure></aside>'))
    assert (b.linked, b.record_id) == (True, "55123")


def test_a_text_link_to_the_record_standing_alone_in_the_footer_is_the_badge():
    b = badge_of(footer('<p><a href="http://online.gov.vn/Home/WebDetails/55123">Xem chứng nhận website</a></p>'))
    assert (b.present, b.linked, b.record_id) == (True, True, "55123")


def test_badge_whose_script_joins_the_record_url_from_string_pieces_is_linked():
    script = ("<div id='bct'></div><script>(function(){var l=document.createElement('a');"
              "l.href=\"https://online.gov.vn/Home/WebDetails/\" + \"104512\";"
              "var m=document.createElement('img');m.src='/images/logoSaleNoti.png';m.alt='Đã thông báo Bộ Công Thương';"
              "l.appendChild(m);document.getElementById('bct').appendChild(l);})();</script>")
    b = badge_of(footer(script))
    assert (b.present, b.linked, b.record_id) == (True, True, "104512")


def test_an_aspnet_image_button_opening_the_record_is_a_linked_badge():
    button = ('<form method="post" action="./Default.aspx" id="aspnetForm"><div class="footer-bct">'
              '<input type="image" name="ctl00$Footer$imgBoCongThuong" id="ctl00_Footer_imgBoCongThuong" '
              'src="/Images/logo-bct.png" alt="Đã thông báo Bộ Công Thương" '
              'onclick="window.open(\'http://online.gov.vn/Home/WebDetails/45021\', \'_blank\'); return false;" />'
              '</div></form>')
    b = badge_of(footer(button))
    assert (b.present, b.linked, b.record_id) == (True, True, "45021")


def test_an_image_button_that_only_posts_back_is_an_unlinked_badge():
    button = ('<form method="post" action="./Default.aspx" id="aspnetForm">'
              '<input type="image" name="ctl00$Footer$ibtnBCT" id="ctl00_Footer_ibtnBCT" src="/Images/logoSaleNoti.png" '
              'onclick="javascript:__doPostBack(\'ctl00$Footer$ibtnBCT\',\'\')" /></form>')
    b = badge_of(footer(button))
    assert (b.present, b.linked) == (True, False)


def test_a_text_badge_whose_onclick_opens_the_record_in_a_script_string_is_linked():
    pill = ('<span class="bct-pill" style="cursor:pointer" '
            'onclick="window.open(\'https://online.gov.vn/Home/WebDetails/45021\',\'_blank\')">'
            'Đã thông báo Bộ Công Thương</span>')
    b = badge_of(footer(f"<p>© 2026 Cửa hàng Lan Anh</p><p>{pill}</p>"))
    assert (b.present, b.linked, b.record_id) == (True, True, "45021")


def test_a_text_link_to_the_portals_home_page_claims_no_badge():
    html = footer('<ul class="tools"><li><a href="https://online.gov.vn/" target="_blank">Tra cứu website TMĐT</a></li>'
                  '<li><a href="https://hoadondientu.gdt.gov.vn/">Tra cứu hóa đơn điện tử</a></li></ul>')
    assert badge_of(html).present is False
    # the same link holding the badge image is an unlinked badge
    html = footer('<a href="https://online.gov.vn/"><img src="/logoSaleNoti.png" alt="Đã thông báo Bộ Công Thương"></a>')
    b = badge_of(html)
    assert b.present and not b.linked


@pytest.mark.parametrize(
    "claim",
    [
        # the copyright line of a footer: a short sentence of its own after the site's name
        "<p>© 2026 Nhà thuốc Phúc An. Website đã được thông báo với Bộ Công Thương.</p>",
        # one field of a footer written on a single line, fields parted by slashes
        "<div>HKD Bạc Mộc Lan / MST: 8105123444 / Tel: 0962 115 446 / ✔ Đã thông báo Bộ Công Thương</div>",
        # without diacritics, "đã được đăng ký", the site's name between the claim and the ministry
        "<p>Website da duoc dang ky trang web phucan.vn voi BCT</p>",
        # a row of a table: the ministry in the label cell, the claim in the value cell
        "<table><tr><td>Thông báo với Bộ Công Thương</td><td>Đã thông báo</td></tr></table>",
    ],
)
def test_text_claims_written_the_ways_real_footers_write_them_are_unlinked_badges(claim):
    b = badge_of(footer(claim))
    assert (b.present, b.linked) == (True, False)


@pytest.mark.parametrize(
    "prose",
    [
        "<p>Theo quy định, website bán hàng phải thông báo với Bộ Công Thương. Nhiều website đã thông báo "
        "Bộ Công Thương nhưng vẫn chưa công khai đầy đủ thông tin chủ sở hữu trên trang chủ của mình.</p>",
        '<h3>Logo "Đã thông báo Bộ Công Thương" có ý nghĩa gì?</h3>',
        "<p>Làm sao biết website đã đăng ký với Bộ Công Thương?</p>",
    ],
)
def test_an_article_or_faq_talking_about_the_badge_makes_no_claim(prose):
    assert badge_of(footer(prose)).present is False


@pytest.mark.parametrize(
    "href",
    [
        # Google Sites sends every outbound link through Google's redirect
        "https://www.google.com/url?q=https%3A%2F%2Fonline.gov.vn%2FHome%2FWebDetails%2F139412&amp;sa=D&amp;sntz=1",
        # a shop's own outbound-click wrapper
        "/redirect?url=https%3A%2F%2Fonline.gov.vn%2FHome%2FWebDetails%2F139412",
    ],
)
def test_a_badge_linked_through_a_redirect_wrapper_links_to_the_record_inside_it(href):
    html = footer(f'<p><a href="{href}" target="_blank"><img src="/uploads/bocongthuong.png" '
                  'alt="Đã thông báo Bộ Công Thương"></a></p>')
    badge = badge_of(html)
    assert badge.linked and badge.record_id == "139412"
    assert record_links(html, "https://shop.vn/") == ["https://online.gov.vn/Home/WebDetails/139412"]


def test_a_redirect_wrapper_around_another_site_is_not_a_record_link():
    info = classify_link("https://www.google.com/url?q=https%3A%2F%2Fwww.facebook.com%2Fshop&sa=D", "https://shop.vn/")
    assert info.state == "not_portal"
