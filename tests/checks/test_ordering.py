"""Online ordering function versus ordering by phone or chat."""

from __future__ import annotations

from monitor.checks.ordering import check_ordering

from .conftest import corpus_page, footer, parsed


def ordering_of(html: str, url: str = "https://shop.vn/"):
    return check_ordering([parsed(html, url)])


def names(o) -> set[str]:
    return {s.name for s in o.signals}


def test_add_to_cart_button_is_an_ordering_function():
    o = ordering_of(footer('<div class="product"><span>299.000₫</span><button class="btn">Thêm vào giỏ</button></div>'))
    assert o.present and "add_to_cart_button" in names(o)


def test_cart_link_in_the_header():
    o = ordering_of(footer('<a href="/gio-hang">Giỏ hàng (0)</a>'))
    assert o.present and "cart_link" in names(o)


def test_cart_form_of_haravan_and_shopify_themes():
    o = ordering_of(footer('<form action="/cart/add" method="post"><input type="hidden" name="id" value="1">'
                           '<button type="submit">Mua ngay</button></form>'))
    assert o.present and "cart_form" in names(o)


def test_woocommerce_ajax_add_to_cart_link():
    o = ordering_of(footer('<a href="?add-to-cart=1523" class="button add_to_cart_button">Thêm vào giỏ hàng</a>'))
    assert o.present


def test_shop_platform_assets_are_a_signal():
    o = ordering_of(corpus_page("platform_credit_only.html"))
    assert "platform:haravan" in names(o)


def test_json_ld_product_with_offer():
    o = ordering_of(corpus_page("jsonld_product.html"))
    assert o.present and "jsonld_product_offer" in names(o)


def test_landing_page_order_form_is_an_ordering_function():
    o = ordering_of(corpus_page("ladipage_order_form.html"))
    assert o.present and "order_form" in names(o)


def test_ordering_by_hotline_zalo_or_messenger_is_not_online_ordering():
    o = ordering_of(corpus_page("phone_only_ordering.html"))
    assert o.present is False
    assert "phone_or_chat_order" in names(o)
    assert o.goods_with_prices is True  # still a site that sells


def test_call_button_next_to_prices_is_not_online_ordering():
    o = ordering_of(corpus_page("prices_no_cart.html"))
    assert o.present is False


def test_blog_post_about_delivery_is_not_a_shop():
    o = ordering_of(corpus_page("blog_nonshop.html"))
    assert o.present is False and o.goods_with_prices is False


def test_a_cart_on_another_site_is_not_this_sites_ordering_function():
    o = ordering_of(footer('<a href="https://shopee.vn/cart">Mua trên Shopee</a>'))
    assert o.present is False


def test_payment_guide_page_is_not_a_checkout():
    o = ordering_of(footer('<a href="/pages/thanh-toan">Hướng dẫn thanh toán</a>'))
    assert o.present is False


def test_signals_say_where_they_were_seen():
    o = ordering_of(footer('<a href="/cart">Giỏ hàng</a>'), "https://shop.vn/")
    assert o.signals[0].url == "https://shop.vn/"
    assert "/cart" in o.signals[0].excerpt


def test_classic_asp_cart_page_with_an_add_action_is_a_cart():
    html = ('<table><tr><td class="sp"><a href="chitiet.asp?id=12">Quạt đứng 3 tốc độ</a><br><b>650.000 đ</b><br>'
            '<a href="giohang.asp?action=add&amp;id=12"><img src="images/datmua.gif" alt="Đặt mua"></a></td></tr></table>')
    o = ordering_of(footer(html), "http://dienmaythanhcong.com.vn/")
    assert o.present and "cart_link" in names(o)


def test_landing_order_form_without_a_button_element_is_an_ordering_function():
    # page builders draw the button as a <div>; the form asks where to deliver which combo
    form = ('<form class="lp-form" method="post"><div class="lp-button"><p>ĐẶT HÀNG NGAY</p></div>'
            '<input name="full_name" placeholder="Họ và tên"><input name="phone" type="tel" placeholder="Số điện thoại">'
            '<input name="address" placeholder="Địa chỉ nhận hàng">'
            '<select name="item_3"><option>Chọn combo</option><option>2 hộp</option></select>'
            '<button type="submit" class="hidden"></button></form>')
    o = ordering_of(footer(form), "https://mattongrungu.vn/")
    assert o.present and "order_form" in names(o)


def test_a_call_back_form_asking_for_an_address_is_not_an_order_form():
    form = ('<form class="contact-form"><input name="name" placeholder="Họ tên"><input name="phone" type="tel">'
            '<input name="address" placeholder="Địa chỉ"><textarea name="message"></textarea>'
            '<div class="btn">Gửi yêu cầu tư vấn</div></form>')
    assert ordering_of(footer(form)).present is False


# A WordPress catalogue: WooCommerce's product grid with prices, but no cart of its own.
_CATALOGUE_CARD = (
    '<div class="product type-product"><p class="name woocommerce-loop-product__title">'
    '<a href="/san-pham/{slug}/" class="woocommerce-LoopProduct-link">{name}</a></p>'
    '<span class="price"><span class="woocommerce-Price-amount amount">{price}₫</span></span>\n{action}</div>'
)


def _catalogue(action: str, extra: str = "") -> str:
    cards = "".join(
        _CATALOGUE_CARD.format(slug=f"may-loc-nuoc-{i}", name=f"Máy lọc nước RO {i}", price=f"{3 + i}.490.000",
                               action=action.format(i=i))
        for i in range(4))
    return footer(f'<div class="products columns-4">{cards}</div>{extra}'
                  '<p>© 2026 Góc Gia Dụng. Liên hệ: gocgiadung.blog@gmail.com</p>')


def test_affiliate_buttons_to_a_marketplace_are_not_the_sites_ordering():
    o = ordering_of(_catalogue('<a class="btn-aff" rel="sponsored nofollow" href="https://s.shopee.vn/aff{i}">'
                               'Xem giá tại Shopee</a>'))
    assert not o.present
    assert "marketplace_links" in names(o) and o.goods_with_prices


def test_a_shops_own_store_links_on_marketplaces_leave_its_catalogue_as_it_was():
    # one link per marketplace (the shop's store), not product links: WooCommerce still counts
    o = ordering_of(_catalogue("", '<p><a href="https://shopee.vn/gocgiadung">Shopee</a> '
                                   '<a href="https://www.lazada.vn/shop/gocgiadung">Lazada</a></p>'))
    assert o.present and "marketplace_links" not in names(o)


def test_a_tour_or_appointment_booking_form_is_not_online_ordering():
    form = ('<section id="dat-lich"><h2>Đặt lịch tư vấn</h2><form action="/dat-lich/" method="post">'
            '<input name="ho-ten" placeholder="Họ và tên"><input name="so-dien-thoai" type="tel">'
            '<input name="ngay-hen" type="date"><button type="submit">Gửi yêu cầu</button></form></section>')
    o = ordering_of(_catalogue('<a class="btn-book" href="#dat-lich">Tư vấn</a>', form))
    assert not o.present and "booking_form" in names(o)


def test_a_catalogue_with_its_own_add_to_cart_stays_a_shop_beside_a_booking_form():
    form = ('<form action="/dat-lich/"><input name="sdt" type="tel"><input name="ngay" type="date">'
            '<button>Đặt lịch lắp đặt</button></form>')
    o = ordering_of(_catalogue('<a href="?add-to-cart={i}" class="button add_to_cart_button">Thêm vào giỏ</a>', form))
    assert o.present and "booking_form" not in names(o)


def test_a_landing_page_order_form_with_a_date_field_is_still_an_order_form():
    form = ('<form class="ladi-form"><input name="name" placeholder="Họ tên"><input name="phone" placeholder="Số điện thoại">'
            '<input name="address" placeholder="Địa chỉ nhận hàng"><input name="ngay-giao" type="date">'
            '<select name="quantity"><option>1 hộp</option></select><button>Đặt hàng ngay</button></form>')
    o = ordering_of(footer(form))
    assert o.present and "booking_form" not in names(o)


def test_a_woocommerce_catalogue_whose_order_buttons_open_zalo_is_not_online_ordering():
    # catalogue mode: the shop software is there, its cart buttons replaced by a chat link
    page = ('<html><head><link rel="stylesheet" href="/wp-content/plugins/woocommerce/assets/css/woocommerce.css">'
            '</head><body class="woocommerce-js">'
            + _catalogue('<a class="button" href="https://zalo.me/0912345678" rel="nofollow">Đặt hàng qua Zalo</a>')
            .split("<body>", 1)[1])
    o = ordering_of(page)
    assert not o.present
    assert "phone_or_chat_order" in names(o) and "platform:woocommerce" in names(o)


def test_an_old_table_order_form_posting_to_the_sites_order_script_is_an_ordering_function():
    # a PHP shop of the 2000s: the button names the trade ("Gửi đơn đặt may"), the action names the order
    form = ('<FORM name=frmDatMay action=dathang.php method=post><TABLE>'
            '<TR><TD>Mẫu áo</TD><TD><SELECT name=mau><OPTION>Áo dài lụa</OPTION><OPTION>Áo bà ba</OPTION></SELECT></TD></TR>'
            '<TR><TD>Số lượng</TD><TD><INPUT name=soluong size=5 value=1></TD></TR>'
            '<TR><TD>Họ tên</TD><TD><INPUT name=hoten size=30></TD></TR>'
            '<TR><TD>Điện thoại</TD><TD><INPUT name=dienthoai size=15></TD></TR>'
            '<TR><TD>Địa chỉ nhận hàng</TD><TD><INPUT name=diachi size=40></TD></TR>'
            '<TR><TD></TD><TD><INPUT type=submit value="GỬI ĐƠN ĐẶT MAY"></TD></TR></TABLE></FORM>')
    o = ordering_of(footer(form), "http://aodaiminhhang.com.vn/")
    assert o.present and "order_form" in names(o)


def test_a_contact_form_posting_to_a_contact_script_is_not_an_order_form():
    form = ('<FORM name=frmLienHe action=lienhe.php method=post><TABLE>'
            '<TR><TD>Họ tên</TD><TD><INPUT name=hoten></TD></TR>'
            '<TR><TD>Điện thoại</TD><TD><INPUT name=dienthoai></TD></TR>'
            '<TR><TD>Địa chỉ</TD><TD><INPUT name=diachi></TD></TR>'
            '<TR><TD>Nội dung</TD><TD><TEXTAREA name=noidung></TEXTAREA></TD></TR>'
            '<TR><TD></TD><TD><INPUT type=submit value="Gửi liên hệ"></TD></TR></TABLE></FORM>')
    assert ordering_of(footer(form), "http://aodaiminhhang.com.vn/").present is False


def test_a_shop_theme_whose_page_says_to_order_by_phone_or_zalo_is_not_online_ordering():
    html = ('<html><head><link rel="stylesheet" href="//theme.hstatic.net/1000/1/14/theme.css"></head><body>'
            '<div class="product"><h3>Điều hòa Inverter 9000BTU</h3><span>7.290.000₫</span></div>'
            '<div class="product"><h3>Điều hòa Inverter 12000BTU</h3><span>10.490.000₫</span></div>'
            '<div class="product"><h3>Điều hòa âm trần 18000BTU</h3><span>21.900.000₫</span></div>'
            '<section><h2>Cách đặt hàng</h2><p><strong>Liên hệ để đặt hàng:</strong> gọi hotline hoặc nhắn Zalo '
            'tên sản phẩm và địa chỉ lắp đặt.</p><a class="btn" href="https://zalo.me/0912628468">Chat Zalo</a></section>'
            '<script src="//theme.hstatic.net/1000/1/14/app.js"></script></body></html>')
    o = ordering_of(html)
    assert o.present is False and "phone_or_chat_order" in names(o)


def test_a_form_asking_which_goods_and_how_many_is_an_order_form_whatever_its_button_says():
    # a lunch landing page: the button names the dish ordered ("Xác nhận đặt cơm"), not "đặt hàng"
    form = ('<h2>ĐẶT CƠM NGAY</h2><form class="ladi-form" method="post">'
            '<input name="name" placeholder="Tên người nhận"><input name="phone" type="tel" placeholder="Số điện thoại">'
            '<input name="address" placeholder="Tòa nhà, tầng, công ty">'
            '<select name="product"><option>Suất cơm gà kho gừng – 45.000đ</option>'
            '<option>Suất cơm sườn xào chua ngọt – 50.000đ</option></select>'
            '<input name="quantity" type="number" min="1" value="5">'
            '<button type="submit">XÁC NHẬN ĐẶT CƠM</button></form>')
    o = ordering_of(footer(form), "https://comtrua.vn/")
    assert o.present and "order_form" in names(o)


def test_a_ticket_form_with_a_product_quantity_and_a_date_is_an_order_not_a_booking():
    form = ('<form class="ladi-form" method="post"><input name="name" placeholder="Họ và tên">'
            '<input name="phone" type="tel" placeholder="Số điện thoại"><input name="email" type="email">'
            '<select name="product_id"><option>Vé cáp treo khứ hồi – 150.000đ</option></select>'
            '<input name="quantity" type="number" min="1" value="2"><input name="ngay_su_dung" type="date">'
            '<label><input type="radio" name="payment" value="vnpay"> VNPAY-QR</label>'
            '<button type="submit">THANH TOÁN &amp; NHẬN VÉ</button></form>')
    o = ordering_of(footer(form), "https://dalattravel.vn/")
    assert o.present and "order_form" in names(o) and "booking_form" not in names(o)


def test_a_quote_request_naming_goods_and_quantities_in_its_message_is_not_an_order_form():
    form = ('<form action="/lien-he"><input name="ho-ten" placeholder="Họ và tên / đơn vị">'
            '<input name="dien-thoai" placeholder="Số điện thoại"><input name="email">'
            '<textarea name="noi-dung" placeholder="Sản phẩm cần báo giá, số lượng"></textarea>'
            '<button>Gửi yêu cầu báo giá</button></form>')
    assert ordering_of(footer(form)).present is False


def test_an_embedded_google_form_order_form_is_an_ordering_function():
    o = ordering_of(footer(
        '<section><h2>Đặt hàng</h2><div><iframe src="https://docs.google.com/forms/d/e/1FAIpQLSd8x/viewform?'
        'embedded=true" width="640" height="980" title="Đơn đặt hàng">Đang tải…</iframe></div>'
        '<p>Điền mẫu đơn: chọn sản phẩm, số lượng, địa chỉ nhận hàng.</p></section>'))
    assert o.present and "embedded_order_form" in names(o)


def test_an_embedded_google_form_for_feedback_is_not_an_ordering_function():
    o = ordering_of(footer(
        '<section><h2>Góp ý</h2><iframe src="https://docs.google.com/forms/d/e/1FAIpQLSd8x/viewform?'
        'embedded=true" title="Khảo sát khách hàng"></iframe></section>'))
    assert o.present is False


def test_a_deposit_form_reserving_chosen_goods_is_an_ordering_function():
    o = ordering_of(footer(
        '<h2>Đặt cọc giữ hàng</h2><form action="https://formspree.io/f/xqkr" method="POST">'
        '<select name="mau"><option>Túi tote - 390k</option></select>'
        '<input type="number" name="so_luong" value="1"><input name="ho_ten">'
        '<input type="tel" name="sdt"><textarea name="dia_chi"></textarea>'
        '<button type="submit">Gửi đơn đặt cọc</button></form>'))
    assert o.present and "order_form" in names(o)


def test_a_pre_order_form_posting_to_the_sites_own_pre_order_script_is_an_ordering_function():
    o = ordering_of(footer(
        '<form method="post" action="https://api.xedien.vn/preorder"><select name="model"><option>S9</option>'
        '</select><input name="name"><input name="phone" type="tel"><input name="province">'
        '<button type="submit">Gửi</button></form>'), "https://xedien.vn/")
    assert o.present and "order_form" in names(o)
