"""Online ordering function (Decree 52 Arts. 17-20) and goods offered with prices.

An online ordering function is a cart or an order form on the site itself:
add-to-cart buttons, cart and checkout links and forms, shop platforms whose
themes carry a cart (Haravan, Sapo, WooCommerce, Shopify ...), JSON-LD
``Product`` with an ``Offer``. Ordering by phone or chat ("Đặt hàng qua
hotline", "Gọi mua hàng", a "Mua ngay" button that opens Zalo) is not one.
Goods shown with prices are a weaker sign that the site sells.

Every signal found is reported with the page and an excerpt. Words and
markers live in :mod:`monitor.checks.vocabulary`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from lxml import etree

from monitor.checks.page import Anchored, ParsedPage, excerpt, json_ld_types
from monitor.checks.result import Ordering, Signal
from monitor.checks.vocabulary import (
    BOOKING_FORM_FIELDS,
    CART_ATTRIBUTES,
    CART_PATHS,
    CART_QUERIES,
    EMBEDDED_FORM_HOSTS,
    MARKETPLACE_DOMAINS,
    OFFLINE_ORDER_HREFS,
    OFFLINE_ORDER_TEXTS,
    ORDER_BUTTON_TEXTS,
    ORDER_FORM_ACTIONS,
    ORDER_FORM_GOODS_FIELDS,
    ORDER_FORM_ORDER_FIELDS,
    ORDER_FORM_PHONE_FIELDS,
    ORDER_FORM_QUANTITY_FIELDS,
    ORDER_FORM_TEXTS,
    ORDER_STRONG_TEXTS,
    QUOTE_FORM_TEXTS,
    SHOP_PLATFORMS,
)
from monitor.domains import DomainError, registrable_domain
from monitor.text import fold

# A price: "199.000₫", "1,290,000 vnd", "Giá: 250.000". The first character is
# read first (a digit, g or p) so the regex engine skips to those.
_PRICE = re.compile(
    r"[\dgp](?:(?<=\d)(?<![\d.,]\d)\d{0,2}(?:[.,]\d{3})+ ?(?:d|₫|vnd|dong|vnđ)(?![a-z])"
    r"|(?<=g)ia[: ]+\d{1,3}(?:[.,]\d{3})+|(?<=p)rice[: ]+\d{1,3}(?:[.,]\d{3})+)"
)
_MIN_PRICES = 3


def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


_BUTTON_RX = _phrases(ORDER_BUTTON_TEXTS)
_STRONG_RX = _phrases(ORDER_STRONG_TEXTS)
_OFFLINE_TEXT_RX = _phrases(OFFLINE_ORDER_TEXTS)
_OFFLINE_HREF_RX = re.compile("|".join(re.escape(h) for h in OFFLINE_ORDER_HREFS))
_LINK_TEXT_RX = Anchored(re.compile(f"{_BUTTON_RX.pattern}|{_OFFLINE_TEXT_RX.pattern}"),
                         ORDER_BUTTON_TEXTS + OFFLINE_ORDER_TEXTS)
# Cheap pre-check of an href before it is parsed as a cart URL.
_CART_HINT = re.compile(
    "|".join(re.escape(p.strip("/")) for p in CART_PATHS) + "|" + "|".join(re.escape(q) for q in CART_QUERIES)
)


@lru_cache(maxsize=4096)
def _site(url: str) -> str | None:
    try:
        return registrable_domain(url)
    except (DomainError, ValueError):
        return None


def _same_site(url: str, site: str | None) -> bool:
    if not url.startswith(("http://", "https://", "//")):
        return True  # a relative link stays on the site
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return False
    if not host:
        return True
    return site is not None and _site(host) == site


# A server page's extension: "giohang.asp" is the cart "/giohang".
_PAGE_EXTENSION = re.compile(r"\.(?:aspx?|php|html?|jsp|cfm)$")


def _is_cart_url(url: str) -> bool:
    low = url.lower()
    if not _CART_HINT.search(low):
        return False
    try:
        parts = urlsplit(low)
    except ValueError:
        return False
    path = parts.path.rstrip("/")
    if path and not path.startswith("/") and not parts.netloc:
        path = "/" + path  # relative to the site root of a flat site ("giohang.asp?action=add")
    path = _PAGE_EXTENSION.sub("", path)
    query = parts.query
    if any(q in query for q in CART_QUERIES):
        return True
    for cart in CART_PATHS:
        if path == cart or path.endswith(cart) and path.count("/") <= 2 or path.startswith(cart + "/"):
            if cart in ("/thanh-toan", "/dat-hang", "/order") and path.count("/") > 1:
                continue  # "/pages/thanh-toan" is a payment guide, not a checkout
            return True
    return False


_CART_ATTRIBUTE_XPATH = etree.XPath(
    "//*[" + " or ".join(
        f"contains(@class,'{a.decode()}') or contains(@id,'{a.decode()}') or contains(@name,'{a.decode()}')"
        for a in CART_ATTRIBUTES[:8]
    ) + "][not(self::body)][not(self::html)]"
)
# One scan tells most pages apart: every one of those names holds "cart".
_CART_COMMON = (b"cart",) if all(b"cart" in a for a in CART_ATTRIBUTES[:8]) else CART_ATTRIBUTES[:8]
_LINK_HREF_RX = Anchored(re.compile(f"{_CART_HINT.pattern}|{_OFFLINE_HREF_RX.pattern}"),
                         tuple(p.strip("/") for p in CART_PATHS) + CART_QUERIES + OFFLINE_ORDER_HREFS)


_FORM_FIELDS = etree.XPath(".//input[not(@type='hidden')]|.//select|.//textarea")
# Fields that take a choice or a value (a message box is left out: it may list anything)
_CHOICE_FIELDS = etree.XPath(".//input[not(@type='hidden')]|.//select")
_ORDER_FORM_TEXT_RX = _phrases(ORDER_FORM_TEXTS)


def _form_fields(form: etree._Element, xpath: etree.XPath = _FORM_FIELDS) -> list[str]:
    """The visible fields of a form, each as its folded name, id, placeholder, type and label."""
    return [fold(" ".join(v for v in (f.get("name"), f.get("id"), f.get("placeholder"), f.get("type"),
                                      f.get("aria-label")) if v)).replace("-", " ").replace("_", " ")
            for f in xpath(form)]


def _has_field(fields: list[str], words: tuple[str, ...]) -> bool:
    return any(any(w in f for w in words) for f in fields)


def _asks_goods_and_quantity(form: etree._Element) -> bool:
    """Whether a form asks which goods and how many, each in a field of its own: the name,
    quantity and type of goods an order states (Decree 52 Art. 18)."""
    fields = _form_fields(form, _CHOICE_FIELDS)
    goods = {i for i, f in enumerate(fields) if any(w in f for w in ORDER_FORM_GOODS_FIELDS)}
    quantity = {i for i, f in enumerate(fields) if any(w in f for w in ORDER_FORM_QUANTITY_FIELDS)}
    return bool(goods) and bool(quantity) and len(goods | quantity) >= 2


def _order_form(p: ParsedPage) -> str | None:
    """An order form of a landing page or an old shop: phone and address (or product) fields
    sent with an order button, to the site's own order script ("dathang.php"), or asking which
    goods and how many; an excerpt of it, or None. Contact and call-back forms have no order words."""
    root = p.tree
    if root is None:
        return None
    for form in root.iter("form"):
        fields = _form_fields(form)
        if not _has_field(fields, ORDER_FORM_PHONE_FIELDS):
            continue
        if not _has_field(fields, ORDER_FORM_ORDER_FIELDS):
            continue
        action = (form.get("action") or "").strip()
        if _order_script(action) and _same_site(action, p.site):
            return f"<form action=\"{action}\">"
        text = " ".join(fold(" ".join(form.itertext()) + " " + " ".join(
            v for el in form.iter("input", "button") for v in (el.get("value"),) if v)).split())
        if _asks_goods_and_quantity(form) and not any(q in text for q in QUOTE_FORM_TEXTS):
            return f"<form class=\"{form.get('class') or ''}\"> asking which goods and how many"
        phrase = _matches(text, _ORDER_FORM_TEXT_RX)
        if phrase:
            return f"<form class=\"{form.get('class') or ''}\"> … {phrase}"
    return None


_EMBEDDED_FORM_NEEDLES = tuple(h.encode() for h in EMBEDDED_FORM_HOSTS)
# An embedded form's own section: its heading is looked for this many levels up, in an element of at
# most this much text (further up is the page, whose first heading says nothing of the form).
_EMBED_LEVELS = 3
_EMBED_SECTION_CHARS = 1500


def _embedded_order_form(p: ParsedPage) -> str | None:
    """An order form of a hosted form service embedded in an ``<iframe>`` (a Google Form "Đơn đặt
    hàng" on a Google Sites or Blogger shop): the iframe's title, or the heading of its section,
    says it takes orders; an excerpt of it, or None. A survey or contact form has no order words."""
    if p.tree is None or not p.mentions(*_EMBEDDED_FORM_NEEDLES):
        return None
    for frame in p.tree.iter("iframe"):
        src = (frame.get("src") or frame.get("data-src") or "").lower()
        if not any(h in src for h in EMBEDDED_FORM_HOSTS):
            continue
        label = fold(" ".join(v for v in (frame.get("title"), frame.get("aria-label")) if v))
        phrase = _matches(label, _ORDER_FORM_TEXT_RX) or _matches(_section_heading(frame), _ORDER_FORM_TEXT_RX)
        if phrase:
            return f"<iframe src=\"{frame.get('src') or frame.get('data-src')}\"> … {phrase}"
    return None


def _section_heading(el: etree._Element) -> str:
    """The folded text of the headings in the small section around ``el``."""
    node = el.getparent()
    for _ in range(_EMBED_LEVELS):
        if node is None or node.tag in ("body", "html"):
            break
        if len("".join(node.itertext())) > _EMBED_SECTION_CHARS:
            break
        heads = [" ".join(h.itertext()) for h in node.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        if heads:
            return fold(" ".join(heads))
        node = node.getparent()
    return ""


def _order_script(action: str) -> bool:
    """Whether a form's action is an order script: its last path segment, extension dropped,
    is one of :data:`ORDER_FORM_ACTIONS` ("dathang.php", "/order.asp", "/don-hang/")."""
    try:
        path = urlsplit(action.lower()).path.rstrip("/")
    except ValueError:
        return False
    return _PAGE_EXTENSION.sub("", path.rsplit("/", 1)[-1]) in ORDER_FORM_ACTIONS


_BOOKING_FIELD_RX = re.compile(
    r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in BOOKING_FORM_FIELDS) + r")(?![a-z])")


def _booking_form(p: ParsedPage) -> str | None:
    """A booking, appointment or consultation form: a phone and a date or time to come, and no
    product, quantity or delivery address. A service booked (a tour, a spa visit), not goods ordered."""
    root = p.tree
    if root is None:
        return None
    for form in root.iter("form"):
        fields = _form_fields(form)
        if (_has_field(fields, ORDER_FORM_PHONE_FIELDS) and any(_BOOKING_FIELD_RX.search(f) for f in fields)
                and not _has_field(fields, ORDER_FORM_ORDER_FIELDS)):
            return f"<form action=\"{form.get('action') or ''}\"> with a date or time field"
    return None


def _marketplace_links(p: ParsedPage) -> str | None:
    """Product links into a marketplace (affiliate and catalogue sites: "Xem giá tại Shopee"): two
    different links into the same marketplace; an excerpt of one, or None. A shop's own store on a
    marketplace is one link per marketplace."""
    if not p.mentions(*(d.encode() for d in MARKETPLACE_DOMAINS)):
        return None
    seen: dict[str, str] = {}
    for link in p.unique_links:
        href = link.href.lower()
        if not href.startswith(("http://", "https://", "//")) or not any(d in href for d in MARKETPLACE_DOMAINS):
            continue
        market = _site(href)
        if market not in MARKETPLACE_DOMAINS:
            continue
        if market in seen and seen[market] != href:
            return f"<a href=\"{link.href}\">{link.text}</a>"
        seen.setdefault(market, href)
    return None


# Signals that presume a cart (the shop software, structured data) rather than show one.
_PRESUMED = ("platform:", "jsonld_product_offer")


def _ordered_elsewhere(p: ParsedPage, chat_order: str | None) -> Signal | None:
    """Why the goods of a page with no cart of its own are ordered elsewhere: on a marketplace the
    product buttons lead to, by a booking form, or by phone or chat (``chat_order``: an order
    button that opens one, "Đặt hàng qua Zalo" → zalo.me); None when nothing says so."""
    found = _marketplace_links(p)
    name = "marketplace_links"
    if found is None:
        found, name = _booking_form(p), "booking_form"
    if found is None:
        found, name = chat_order or _ordering_by_chat_stated(p), "phone_or_chat_order"
    return Signal(name, p.url, found[:300], False, p.sha256) if found else None


# Phrases that say how to order, by phone or chat ("Liên hệ để đặt hàng: gọi hotline hoặc nhắn Zalo"),
# not a bare "Liên hệ" or "Chat Zalo".
_ORDER_BY_CHAT_RX = _phrases(tuple(t for t in OFFLINE_ORDER_TEXTS if "dat hang" in t or "mua hang" in t
                                   or "order" in t))


def _ordering_by_chat_stated(p: ParsedPage) -> str | None:
    """The page's own words that its goods are ordered by phone or chat, with a phone or chat link
    to order by; None when it does not say so."""
    m = _ORDER_BY_CHAT_RX.search(p.folded)
    if m is None:
        return None
    link = next((link for link in p.unique_links if _OFFLINE_HREF_RX.search(link.href.lower())
                 and not link.href.lower().startswith("mailto:")), None)
    if link is None:
        return None
    return f"{excerpt(p.text, m.start(), m.end(), 40)} → {link.href}"


def _offline(text: str, href: str = "") -> bool:
    if href and _OFFLINE_HREF_RX.search(href.lower()):
        return True
    return bool(_OFFLINE_TEXT_RX.search(text))


def _matches(text: str, rx: re.Pattern[str]) -> str | None:
    m = rx.search(text)
    return m.group() if m else None


def page_signals(p: ParsedPage) -> tuple[list[Signal], int]:
    """(ordering signals, number of prices shown) on one page."""
    if p.is_portal or p.tree is None:
        return [], 0
    signals: list[Signal] = []
    site = p.site

    def add(name: str, ex: str, strong: bool = True) -> None:
        if not any(s.name == name for s in signals):
            signals.append(Signal(name, p.url, ex[:300], strong, p.sha256))

    strong_found = 0
    chat_order = None  # an order button that opens a phone call or a chat
    for link in p.links_matching(_LINK_TEXT_RX, _LINK_HREF_RX):
        if strong_found >= 2:
            break  # enough to decide; the rest of a catalogue adds nothing
        href = link.href
        text = link.folded
        if _offline(text, href):
            if _matches(text, _BUTTON_RX) or "dat hang" in text:
                chat_order = chat_order or f"{link.text} → {href}"
                add("phone_or_chat_order", chat_order, strong=False)
            continue
        cart = _is_cart_url(href)
        phrase = None if cart else _matches(text, _STRONG_RX)
        if not (cart or phrase) or not _same_site(href, site):
            continue
        if cart:
            add("cart_link", f"<a href=\"{href}\">{link.text}</a>")
            strong_found += 1
        elif len(text.split()) <= 6:
            add("add_to_cart_button", f"<a href=\"{href}\">{link.text}</a>")
            strong_found += 1

    # A cart link already proves the function; the buttons are read only when it is missing.
    if not any(s.name in ("cart_link", "add_to_cart_button") for s in signals):
        for control in p.controls:
            if control.tag == "form":
                action = control.action
                if action and _is_cart_url(action) and _same_site(action, site):
                    add("cart_form", f"<form action=\"{action}\">")
                elif action and any(a.decode() in control.attrs for a in CART_ATTRIBUTES):
                    add("cart_form", f"<form class=\"{control.attrs.strip()}\">")
                continue
            text = control.text
            if _offline(text):
                add("phone_or_chat_order", text, strong=False)
                continue
            phrase = _matches(text, _BUTTON_RX)
            if phrase:
                if phrase in ORDER_STRONG_TEXTS or "gio" in phrase or "cart" in phrase:
                    add("add_to_cart_button", f"<{control.tag}> {text}")
                elif control.in_form:
                    # "Đặt hàng ngay" submitting a form (landing pages, checkout): an online order
                    add("order_form", f"<form> … <{control.tag}> {text}")
                else:
                    add("buy_button", f"<{control.tag}> {text}")
            elif any(a.decode() in control.attrs for a in CART_ATTRIBUTES):
                add("add_to_cart_button", f"<{control.tag} class=\"{control.attrs.strip()}\">")

    if not any(s.strong for s in signals) and any(c.tag == "form" for c in p.controls):
        order_form = _order_form(p)
        if order_form:
            add("order_form", order_form)
    if not any(s.strong for s in signals):
        embedded = _embedded_order_form(p)
        if embedded:
            add("embedded_order_form", embedded)

    root = p.tree
    # last resort: class names of add-to-cart controls (a query over every element:
    # only when the page holds one of the names at all)
    if not any(s.strong for s in signals) and p.mentions(*_CART_COMMON) and p.mentions(*CART_ATTRIBUTES[:8]):
        hits = _CART_ATTRIBUTE_XPATH(root)
        if hits:
            el = hits[0]
            add("add_to_cart_button", f"<{el.tag} class=\"{el.get('class') or ''}\" id=\"{el.get('id') or ''}\">")

    for name, markers in SHOP_PLATFORMS:
        if p.mentions_near_ends(*markers):
            marker = next(m for m in markers if m in p.raw_ends)
            add(name, f"page references {marker.decode()}")

    for item in p.json_ld:
        if "product" in json_ld_types(item) and item.get("offers"):
            add("jsonld_product_offer", f"JSON-LD Product {str(item.get('name', ''))[:80]} with offers")
            break

    # Shop software or a Product with an offer only presume a cart: when no cart is seen and the
    # goods are ordered on a marketplace, booked by a form or ordered by phone or chat (a
    # WooCommerce catalogue whose buttons open Zalo), they are not this site's ordering.
    direct = any(s.strong and not s.name.startswith(_PRESUMED) for s in signals)
    if not direct and any(s.strong for s in signals):
        elsewhere = _ordered_elsewhere(p, chat_order)
        if elsewhere is not None:
            signals = [Signal(s.name, s.url, s.excerpt, False, s.sha256) if s.strong else s for s in signals]
            if not any(s.name == elsewhere.name for s in signals):  # phone_or_chat_order is there already
                signals.append(elsewhere)

    prices = 0
    first_price = None
    for m in _PRICE.finditer(p.folded):
        prices += 1
        first_price = first_price or m
        if prices >= _MIN_PRICES:
            break
    if prices >= _MIN_PRICES and first_price is not None:
        add("prices", excerpt(p.text, first_price.start(), first_price.end(), 60), strong=False)
    return signals, prices


def check_ordering(pages: list[ParsedPage]) -> Ordering:
    signals: list[Signal] = []
    prices = 0
    for p in pages:
        page_sigs, page_prices = page_signals(p)
        prices = max(prices, page_prices)
        for s in page_sigs:
            if not any(x.name == s.name for x in signals):
                signals.append(s)
    strong = [s for s in signals if s.strong]
    weak_buy = [s for s in strong if s.name == "buy_button"]
    # A lone "Mua ngay" button is an ordering function only with another sign of a shop.
    present = bool([s for s in strong if s.name != "buy_button"]) or (bool(weak_buy) and prices >= _MIN_PRICES)
    return Ordering(present=present, goods_with_prices=prices >= _MIN_PRICES, signals=tuple(signals))
