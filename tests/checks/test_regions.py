"""The page footer, where the site names its own owner."""

from __future__ import annotations

from monitor.checks.regions import footer_element, footer_start

from .conftest import parsed


def test_the_footer_element_starts_where_its_text_starts():
    p = parsed("<html><body><main><p>Chợ Xanh</p><p>Công ty TNHH Nhà bán A</p></main>"
               "<footer><p>Công ty Cổ phần Chợ Xanh</p><p>MST: 0426018158</p></footer></body></html>")
    assert p.text[footer_start(p):].startswith("Công ty Cổ phần Chợ Xanh\nMST")


def test_a_div_named_footer_counts_when_there_is_no_footer_element():
    p = parsed("<html><body><div class='content'><p>Sản phẩm</p></div>"
               "<div id='footer'><p>CÔNG TY TNHH ĐIỆN MÁY AN</p></div></body></html>")
    assert footer_element(p).get("id") == "footer"
    assert p.text[footer_start(p):] == "CÔNG TY TNHH ĐIỆN MÁY AN"


def test_card_and_post_footers_are_not_the_page_footer():
    p = parsed("<html><body><div class='card'><div class='card-footer'>Xem thêm</div></div>"
               "<article><footer class='entry-footer'>Đăng bởi Lan</footer></article><p>Liên hệ</p></body></html>")
    assert footer_element(p) is None
    assert footer_start(p) is None


def test_the_footers_first_line_repeated_above_it_is_not_taken_for_it():
    p = parsed("<html><body><p>Chính sách</p><p>Ưu đãi tháng này</p>"
               "<footer><p>Chính sách</p><p>Đổi trả</p></footer></body></html>")
    assert footer_start(p) == p.text.rfind("Chính sách")
