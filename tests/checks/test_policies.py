"""Policy pages found by link text and URL slug."""

from __future__ import annotations

import pytest

from monitor.checks import link_priority
from monitor.checks.policies import check_policies, link_policies
from monitor.checks.result import POLICY_KEYS
from monitor.text import fold

from .conftest import corpus_page, footer, parsed


def policies_of(html: str, url: str = "https://shop.vn/"):
    return check_policies([parsed(html, url)])


@pytest.mark.parametrize(
    ("text", "href", "expected"),
    [
        ("Chính sách đổi trả", "/pages/chinh-sach-doi-tra", {"returns"}),
        ("Chinh sach kiem hang", "/chinh-sach-kiem-hang", {"inspection"}),
        ("Chính sách bảo vệ dữ liệu cá nhân", "/chinh-sach-bao-ve-du-lieu-ca-nhan", {"privacy"}),
        ("Quy trình giải quyết khiếu nại", "/quy-trinh-giai-quyet-khieu-nai", {"complaints"}),
        ("Điều khoản dịch vụ", "/pages/dieu-khoan-dich-vu", {"terms"}),
        ("Hình thức thanh toán", "/pages/hinh-thuc-thanh-toan", {"payment"}),
        ("Chính sách vận chuyển và giao hàng", "/van-chuyen", {"shipping"}),
        ("Refund policy", "/policies/refund-policy", {"returns"}),
        ("Terms of service", "/policies/terms-of-service", {"terms"}),
        ("Chính sách đổi trả & vận chuyển", "/pages/doi-tra-van-chuyen", {"returns", "shipping"}),
        ("Thanh toán & giao nhận", "/pages/thanh-toan-giao-nhan", {"payment", "shipping"}),
        ("", "/pages/chinh-sach-bao-mat", {"privacy"}),
    ],
)
def test_policy_links_by_text_and_slug(text, href, expected):
    assert link_policies(fold(text), f"https://shop.vn{href}") == expected


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("Giao hàng nhanh 2h nội thành Đà Lạt có thật không?", "/blog/giao-hang-nhanh-2h"),
        ("Hướng dẫn mua hàng", "/huong-dan-mua-hang"),
        ("Áo thun giao hàng miễn phí", "/products/ao-thun"),
        ("Tuyển dụng", "/tuyen-dung"),
    ],
)
def test_articles_and_other_links_are_not_policies(text, href):
    assert link_policies(fold(text), f"https://shop.vn{href}") == set()


def test_policies_report_absolute_urls_per_policy():
    p = policies_of(corpus_page("haravan_fashion_home.html"), "https://yodo.vn/")
    assert p.to_json()["returns"] == "https://yodo.vn/pages/chinh-sach-doi-tra"
    assert p.to_json()["inspection"] == "https://yodo.vn/pages/chinh-sach-kiem-hang"
    assert p.missing() == []


def test_missing_policies_are_listed():
    p = policies_of(footer('<a href="/pages/chinh-sach-doi-tra">Đổi trả</a>'))
    assert p.missing() == ["terms", "shipping", "payment", "privacy", "complaints", "inspection"]


def test_a_fetched_policy_page_counts_by_its_heading():
    html = "<html><head><title>Chính sách kiểm hàng - Shop</title></head><body><h1>Chính sách kiểm hàng</h1></body></html>"
    p = policies_of(html, "https://shop.vn/pages/kiem-hang")
    assert p.to_json()["inspection"] == "https://shop.vn/pages/kiem-hang"


def test_dead_policy_links_do_not_publish_a_policy():
    assert policies_of(footer('<a href="javascript:void(0)">Chính sách bảo mật</a>')).to_json()["privacy"] is None


def test_link_priority_prefers_owner_pages_and_policies():
    assert link_priority("https://shop.vn/pages/lien-he", "Liên hệ") >= 3
    assert link_priority("https://shop.vn/pages/gioi-thieu", "Giới thiệu") >= 3
    assert link_priority("https://shop.vn/about-us", "About us") >= 3
    assert link_priority("https://shop.vn/pages/chinh-sach-doi-tra", "Đổi trả") > 0


@pytest.mark.parametrize(
    ("url", "text"),
    [("https://shop.vn/cart", "Giỏ hàng"), ("https://shop.vn/products/ao", "Áo thun"),
     ("mailto:a@b.vn", "Email"), ("tel:0909123456", "Gọi"), ("https://shop.vn/account/login", "Đăng nhập"),
     ("https://shop.vn/logo.png", "Logo")],
)
def test_link_priority_skips_pages_without_owner_information(url, text):
    assert link_priority(url, text) == 0


def test_a_link_to_another_sites_page_is_not_this_sites_policy_by_its_slug():
    # a delivery app's shop page has "delivery" in its path: no shipping policy of this site
    html = footer('<a href="https://food.deliveryapp.vn/vn/restaurant/com-nha-delivery/5-CX12" rel="nofollow">'
                  '<img src="/img/app.png" alt="Đặt qua ứng dụng"></a>')
    assert policies_of(html, "https://comnha.vn/").to_json()["shipping"] is None


def test_a_policy_hosted_on_the_parent_companys_domain_is_not_this_sites_policy():
    # the site publishes its own policies (Decree 52 Arts. 32-34, 69); the group's page on its own
    # domain is the group's, kept and changed there
    html = footer('<a href="https://tapdoanmau.com.vn/chinh-sach-bao-mat" target="_blank">Chính sách bảo mật</a>')
    assert policies_of(html, "https://cuahangcon.vn/").to_json()["privacy"] is None


def test_a_policy_on_a_subdomain_of_the_site_is_the_sites_policy():
    html = footer('<a href="https://hotro.cuahangcon.vn/chinh-sach-bao-mat">Chính sách bảo mật</a>')
    assert policies_of(html, "https://www.cuahangcon.vn/").to_json()["privacy"] == (
        "https://hotro.cuahangcon.vn/chinh-sach-bao-mat")


def test_a_payment_link_in_the_footer_policy_list_is_the_payment_policy_not_the_checkout():
    html = footer('<ul><li><a href="/doi-tra-hang">Đổi trả hàng</a></li><li><a href="/van-chuyen">Vận chuyển</a></li>'
                  '<li><a href="/thanh-toan">Thanh toán</a></li></ul>')
    assert policies_of(html).to_json()["payment"] == "https://shop.vn/thanh-toan"


def test_a_checkout_link_beside_the_cart_is_not_a_payment_policy():
    html = ('<header><a href="/gio-hang">Giỏ hàng</a> <a href="/thanh-toan">Thanh toán</a></header>'
            '<main><p>Sản phẩm mới</p></main>'
            '<footer><a href="/chinh-sach-doi-tra">Chính sách đổi trả</a></footer>')
    assert policies_of(html).to_json()["payment"] is None


def test_payment_methods_listed_under_a_footer_heading_publish_the_payment_policy():
    html = footer('<div class="col"><h4 class="title-footer">Hình thức thanh toán</h4>'
                  '<p>Chuyển khoản ngân hàng · Thanh toán khi nhận hàng (COD) · Ví điện tử</p></div>')
    assert policies_of(html).to_json()["payment"] == "https://shop.vn/"


def test_a_footer_heading_over_a_column_of_links_is_not_a_policy_itself():
    html = footer('<div class="col"><h4>Chính sách thanh toán</h4><ul><li><a href="/gioi-thieu">Giới thiệu</a></li>'
                  '<li><a href="/lien-he">Liên hệ</a></li></ul></div>')
    assert policies_of(html).to_json()["payment"] is None


def test_opencarts_checkout_route_is_not_a_payment_policy():
    html = ('<nav id="top"><ul class="list-inline">'
            '<li><a href="https://shop.vn/index.php?route=checkout/cart" title="Giỏ hàng">Giỏ hàng</a></li>'
            '<li><a href="https://shop.vn/index.php?route=checkout/checkout" title="Thanh toán">Thanh toán</a></li></ul></nav>'
            '<footer><ul><li><a href="https://shop.vn/index.php?route=information/information&amp;information_id=4">'
            'Chính sách đổi trả</a></li></ul></footer>')
    assert policies_of(html).to_json()["payment"] is None


def test_an_order_lookup_is_not_an_inspection_policy():
    html = footer('<ul><li><a href="/kiem-tra-don-hang">Tra cứu đơn hàng</a></li>'
                  '<li><a href="/chinh-sach-doi-tra">Chính sách đổi trả</a></li></ul>')
    assert policies_of(html).to_json()["inspection"] is None


@pytest.mark.parametrize(("text", "href"), [("Chính sách giao bánh", "/pages/chinh-sach-giao-banh"),
                                            ("Quy định giao hoa", "/quy-dinh-giao-hoa")])
def test_a_policy_on_delivering_the_named_goods_is_the_shipping_policy(text, href):
    assert policies_of(footer(f'<a href="{href}">{text}</a>')).to_json()["shipping"] == "https://shop.vn" + href


def test_a_transaction_policy_is_not_a_shipping_policy():
    assert policies_of(footer('<a href="/chinh-sach-giao-dich">Chính sách giao dịch</a>')).to_json()["shipping"] is None


def test_a_headline_about_a_marketplaces_returns_policy_is_not_the_sites_policy():
    html = footer('<ul><li><a href="https://reviewdo.vn/chinh-sach-doi-tra-cua-lazada-2026/">'
                  'Chính sách đổi trả của Lazada 2026: hướng dẫn từng bước</a></li>'
                  '<li><a href="https://reviewdo.vn/chinh-sach-bao-mat/">Chính sách bảo mật</a></li></ul>')
    policies = policies_of(html, "https://reviewdo.vn/")
    assert "returns" not in policies.found and "privacy" in policies.found


def test_policies_in_a_jump_menu_are_published():
    html = footer(
        '<p>Cửa hàng Gốm Sứ Hải Yến</p>'
        '<select class="quick-nav" onchange="window.location.href=this.value">'
        '<option value="">-- Chính sách --</option>'
        '<option value="/chinh-sach-bao-mat-thong-tin">Chính sách bảo mật thông tin</option>'
        '<option value="https://shop.vn/quy-dinh-doi-tra.html">Quy định đổi trả</option>'
        '<option value="/khieu-nai">Giải quyết khiếu nại</option></select>')
    p = policies_of(html).to_json()
    assert p["privacy"] == "https://shop.vn/chinh-sach-bao-mat-thong-tin"
    assert p["returns"] == "https://shop.vn/quy-dinh-doi-tra.html"
    assert p["complaints"] == "https://shop.vn/khieu-nai"


def test_a_select_of_paths_outside_a_form_is_a_jump_menu_without_onchange():
    # the handler is bound by a script elsewhere ($('#nav').on('change', ...))
    html = footer('<select id="nav"><option>Hỗ trợ khách hàng</option>'
                  '<option value="/pages/chinh-sach-van-chuyen">Chính sách vận chuyển</option></select>')
    assert policies_of(html).to_json()["shipping"] == "https://shop.vn/pages/chinh-sach-van-chuyen"


def test_a_submitted_select_is_not_a_jump_menu():
    html = footer('<form action="/tra-cuu" method="get"><select name="muc">'
                  '<option value="/chinh-sach-doi-tra">Chính sách đổi trả</option></select>'
                  '<button type="submit">Xem</button></form>')
    assert policies_of(html).to_json()["returns"] is None


def test_jump_menu_options_are_not_page_links():
    page = parsed(footer('<select onchange="location=this.value">'
                         '<option value="/chinh-sach-bao-mat">Chính sách bảo mật</option>'
                         '<option value="12">Hà Nội</option></select>'))
    assert page.links == []
    assert [(link.href, link.text) for link in page.jump_links] == [("/chinh-sach-bao-mat", "Chính sách bảo mật")]


def test_a_buy_back_and_exchange_policy_is_a_returns_policy():
    assert link_policies(fold("Chính sách thu đổi"), "https://shop.vn/chinh-sach-thu-doi") == {"returns"}
    assert link_policies(fold("Thu đổi vàng bạc"), "https://shop.vn/pages/thu-doi") == {"returns"}


def test_a_tuition_refund_policy_is_a_returns_policy():
    assert link_policies(fold("Chính sách hoàn học phí"), "https://trungtam.edu.vn/hoan-hoc-phi") == {"returns"}
    assert link_policies(fold("Chính sách hoàn phí dịch vụ"), "https://dichvu.vn/chinh-sach-hoan-phi") == {"returns"}


def test_icon_only_policy_links_count_by_their_title_under_a_numbered_slug():
    html = footer('<div class="policy-icons">'
                  '<a href="/index.php/chinh-sach/21" title="Chính sách đổi trả"><i class="icon-refresh"></i></a>'
                  '<a href="/index.php/chinh-sach/22" title="Chính sách giao hàng"><i class="icon-truck"></i></a>'
                  '<a href="/index.php/chinh-sach/23" title="Hướng dẫn mua hàng"><i class="icon-help"></i></a></div>')
    p = policies_of(html).to_json()
    assert p["returns"] == "https://shop.vn/index.php/chinh-sach/21"
    assert p["shipping"] == "https://shop.vn/index.php/chinh-sach/22"
    assert p["payment"] is None


_POLICY_ON_PAGE = (
    '<main><h1>Gạo ST25 Sóc Trăng – gạo mới mỗi tuần</h1>'
    '<section class="chinh-sach"><h2>Chính sách đổi trả</h2>'
    '<p>Quý khách được đổi gạo trong 5 ngày nếu bao bị rách, gạo ẩm hoặc có mọt. Vui lòng giữ bao và hóa đơn, '
    'cửa hàng chịu phí gửi lại khi lỗi thuộc về chúng tôi.</p>'
    '<h2>2. Phương thức thanh toán</h2>'
    '<p>Thanh toán khi nhận hàng (COD) hoặc chuyển khoản vào tài khoản của cửa hàng trước khi giao.</p>'
    '</section></main>'
)


def test_a_policy_written_on_the_page_under_its_heading_is_published():
    p = policies_of(f"<html><body>{_POLICY_ON_PAGE}<footer><p>© 2026 Gạo Ngon Sóc Trăng</p></footer></body></html>")
    found = p.found
    assert set(found) == {"returns", "payment"}
    assert found["returns"].value == "https://shop.vn/"
    assert found["returns"].excerpt.startswith("policy on the page: Chính sách đổi trả — Quý khách được đổi gạo")


def test_a_policy_link_beats_the_same_policy_written_on_the_page():
    html = (f"<html><body>{_POLICY_ON_PAGE}<footer><a href='/chinh-sach-doi-tra'>Chính sách đổi trả</a>"
            "</footer></body></html>")
    assert policies_of(html).to_json()["returns"] == "https://shop.vn/chinh-sach-doi-tra"


def test_a_bar_of_selling_points_is_not_a_policy_written_on_the_page():
    html = footer('<div class="usp"><p>Chính sách đổi trả 7 ngày</p><p>Giao hàng toàn quốc</p>'
                  '<p>Thanh toán khi nhận hàng</p><p>Hàng chính hãng 100%</p></div>')
    assert policies_of(html).missing() == list(POLICY_KEYS)


def test_a_policy_link_over_the_footers_company_paragraph_is_not_a_policy_written_there():
    html = footer('<p><a href="https://tapdoan-khac.vn/chinh-sach-bao-mat">Chính sách bảo mật</a></p>'
                  '<p>Công ty TNHH Gạo Ngon Sóc Trăng, mã số doanh nghiệp 2200123456 do Sở Tài chính tỉnh Cần Thơ '
                  'cấp ngày 12/03/2021, địa chỉ 45 Hùng Vương, Phường Phú Lợi, TP. Cần Thơ.</p>')
    assert policies_of(html).to_json()["privacy"] is None


def test_a_news_headline_naming_a_policy_is_not_a_policy_written_on_the_page():
    html = footer('<div class="news"><h3>Chính sách vận chuyển mới của bưu điện từ tháng 7/2026</h3>'
                  '<p>Từ tháng 7, các đơn vị chuyển phát áp dụng bảng giá mới cho hàng cồng kềnh và hàng lạnh trên toàn quốc.</p></div>')
    assert policies_of(html).to_json()["shipping"] is None


def test_a_read_more_link_to_a_news_article_about_a_policy_is_not_the_policy():
    article = "/tin-tuc-phap-luat/318-huong-dan-moi-ve-chinh-sach-doi-tra-hang-khi-mua-sam-tren-mang-xa-hoi"
    assert link_policies(fold("Xem thêm"), f"https://luatsu.vn{article}") == set()
    assert link_policies(fold("Chính sách đổi trả"), "https://luatsu.vn/chinh-sach-doi-tra-hang-hoa-va-hoan-tien") == {"returns"}


def test_english_policies_written_on_the_page_under_their_headings_are_published():
    html = ('<html><body><main><section id="policies"><h2>Privacy Policy</h2>'
                  '<p>We collect your name, phone number and delivery address only to process your orders, '
                  'and we never sell or share them with third parties without your consent.</p>'
                  '<h3>Return &amp; Refund Policy</h3>'
                  '<p>Unopened items may be returned within 7 days of delivery for a full refund to the original '
                  'payment method; please contact our hotline before sending the parcel back.</p></section></main>'
            '<footer><p>© 2026 Saigon Ceramics</p></footer></body></html>')
    found = policies_of(html).found
    assert {"privacy", "returns"} <= set(found)
    assert found["privacy"].excerpt.startswith("policy on the page: Privacy Policy — We collect your name")


def test_an_english_sentence_about_a_policy_is_not_its_heading():
    html = ('<html><body><main><p>Please read our shipping policy</p>'
            '<p>Orders placed before noon leave our warehouse on the same day and usually arrive within '
            'two to three working days anywhere in Vietnam.</p></main></body></html>')
    assert policies_of(html).to_json()["shipping"] is None


def test_a_bilingual_policy_link_names_the_policy_in_each_language():
    html = footer('<h4>Shop policies / Chính sách</h4><ul>'
                  '<li><a href="/policies/delivery-pickup">Delivery &amp; Pick-up / Giao hàng và nhận tại trường</a></li>'
                  '<li><a href="/policies/return-exchange">Return &amp; Exchange Policy / Chính sách đổi trả</a></li></ul>')
    p = policies_of(html).to_json()
    assert p["shipping"] == "https://shop.vn/policies/delivery-pickup"
    assert p["returns"] == "https://shop.vn/policies/return-exchange"


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("Quy định hoàn/đổi vé", "/quy-dinh/hoan-doi-ve"),
        ("Chính sách hoàn vé", "/chinh-sach-hoan-ve"),
        ("Điều kiện đổi/hoàn vé", "/dieu-kien-doi-hoan"),
    ],
)
def test_a_ticket_refund_and_change_rule_is_a_returns_policy(text, href):
    assert link_policies(fold(text), f"https://vemaybay.vn{href}") == {"returns"}


_RETURNS_UNDER_ITS_TOPIC = (
    '<div class="pc-section policy"><h2>Đổi trả trong 7 ngày</h2>'
    '<p>Đổi máy mới cùng model trong 7 ngày nếu có lỗi phần cứng do nhà sản xuất. Hoàn tiền 100% nếu không '
    'có máy thay thế. Máy phải còn đủ hộp, phụ kiện, không trầy xước, không vào nước.</p></div>'
)


def test_a_policy_written_under_a_heading_naming_only_its_topic_is_published():
    p = policies_of(f"<html><body><main>{_RETURNS_UNDER_ITS_TOPIC}</main>"
                    "<footer><p>© 2026 Hoàng Long Mobile</p></footer></body></html>")
    assert p.found["returns"].excerpt.startswith("policy on the page: Đổi trả trong 7 ngày — Đổi máy mới")


def test_a_selling_point_card_under_a_topic_heading_is_not_a_policy():
    html = footer('<div class="usp"><div class="card"><h3>Đổi trả 7 ngày</h3><p>Đổi trả miễn phí nếu máy lỗi.</p></div>'
                  '<div class="card"><h3>Giao hàng toàn quốc</h3><p>Nhận hàng trong 2 đến 4 ngày làm việc.</p></div></div>')
    assert policies_of(html).missing() == list(POLICY_KEYS)


def test_a_news_article_section_about_returns_is_not_the_sites_policy():
    html = ('<html><body><article><h1>Mua điện thoại online: quyền lợi của người mua</h1>'
            f'{_RETURNS_UNDER_ITS_TOPIC}</article><footer><p>© 2026 Tạp chí Công Nghệ</p></footer></body></html>')
    assert policies_of(html, "https://tapchicongnghe.vn/bai-viet/quyen-loi").to_json()["returns"] is None


def test_returns_and_shipping_written_under_topic_headings_in_their_own_words_count():
    p = policies_of(
        '<html><head><title>Len handmade</title></head><body><main>'
        '<div class="widget"><h3 class="title">Đổi trả</h3><div class="widget-content"><p>Hàng lỗi do móc '
        '(bung mũi, sai màu so với đơn) được sửa hoặc làm lại miễn phí trong 7 ngày. Hàng làm theo yêu cầu '
        'không hoàn cọc khi khách đổi ý.</p></div></div>'
        '<div class="widget"><h3 class="title">Vận chuyển</h3><div class="widget-content"><p>Ship toàn quốc '
        'qua GHTK/Viettel Post, phí 25-35k tùy tỉnh, 2-4 ngày nhận hàng. Đơn từ 600k freeship.</p></div></div>'
        '</main></body></html>')
    assert p.to_json()["returns"] == "https://shop.vn/"
    assert p.to_json()["shipping"] == "https://shop.vn/"


def test_a_selling_point_under_a_topic_heading_is_not_a_policy():
    p = policies_of(
        '<html><head><title>Shop</title></head><body><main>'
        '<div><h3>Giao hàng</h3><p>Sản phẩm được đóng gói cẩn thận trong hộp quà xinh xắn, tặng kèm thiệp viết '
        'tay cho người thân yêu của bạn nhân dịp lễ tết.</p></div></main></body></html>')
    assert p.to_json()["shipping"] is None


def test_a_privacy_policy_written_under_bao_mat_thong_tin_counts():
    p = policies_of(
        '<html><head><title>Mỹ phẩm</title></head><body><main><div class="ladi-element">'
        '<h4 class="ladi-headline">Bảo mật thông tin</h4><div class="ladi-paragraph">Thông tin họ tên, số điện '
        'thoại, địa chỉ chỉ dùng để giao hàng và chăm sóc khách hàng, không chia sẻ cho bên thứ ba ngoài đơn vị '
        'vận chuyển.</div></div></main></body></html>')
    assert p.to_json()["privacy"] == "https://shop.vn/"


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("Kiểm tra hàng chính hãng", "/pages/kiem-tra-hang-chinh-hang"),
        ("", "/pages/kiem-tra-hang-chinh-hang"),
        ("Kiểm tra hàng thật giả", "/pages/tra-cuu"),
    ],
)
def test_checking_that_goods_are_genuine_is_not_an_inspection_policy(text, href):
    assert "inspection" not in link_policies(fold(text), f"https://shop.vn{href}")
