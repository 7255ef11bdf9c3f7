"""The MOIT badge ("Đã thông báo / Đã đăng ký Bộ Công Thương") and its record link.

Real sites show the badge in many ways (vn-rules §2.4, §2.6): an ``<a>``
around the official image or a CDN copy with a hashed name, a lazy image
(``data-src``), a framework link component, markup written by an inline
script, or only text ("Đã thông báo Bộ Công Thương"). The image is the same
for every site; only the link to the site's own portal record proves
anything, so every sighting says whether it links to a record and why not.

Badges inside HTML comments (dropped by the parser) or JSX/JS comments are
not shown to visitors and do not count.

Record-link forms live in :data:`RECORD_FORMS`; add a row when the portal
changes its URLs.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from itertools import accumulate
from urllib.parse import parse_qsl, parse_qs, unquote, urljoin, urlsplit

from lxml import etree

from monitor.checks.matching import LabelIndex
from monitor.checks.page import Anchored, ParsedPage, excerpt
from monitor.checks.result import Badge, BadgeSighting, PortalRecord
from monitor.text import collapse_space, fold

PORTAL_HOSTS = frozenset({"online.gov.vn", "www.online.gov.vn"})

_COOKIELESS = r"(?:\((?:[a-z]\([^)/]*\))+\)/)?"
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


@dataclass(frozen=True)
class RecordForm:
    """One URL form of a portal record: its name, path pattern and what it implies."""

    name: str
    path: re.Pattern[str]
    kind: str | None = None  # notified / registered when the form itself says so
    id_from_query: str | None = None  # query parameter holding the id (old .aspx pages)
    canonical: str = ""  # format string for a stable URL ({scheme}, {id}, {page})


RECORD_FORMS: tuple[RecordForm, ...] = (
    RecordForm("WebDetails", re.compile(rf"^/{_COOKIELESS}home/webdetails/?([^/?#]*)", re.I),
               canonical="{scheme}://online.gov.vn/Home/WebDetails/{id}"),
    RecordForm("AppDetails", re.compile(rf"^/{_COOKIELESS}home/appdetails/?([^/?#]*)", re.I),
               canonical="{scheme}://online.gov.vn/Home/AppDetails/{id}"),
    RecordForm("DocId", re.compile(r"^/(?:homepage/)?(customwebsitedisplay)\.aspx$", re.I), "notified", "docid",
               "{scheme}://online.gov.vn/HomePage/CustomWebsiteDisplay.aspx?DocId={id}"),
    RecordForm("DocId", re.compile(r"^/(?:homepage/)?(websitedisplay)\.aspx$", re.I), "registered", "docid",
               "{scheme}://online.gov.vn/HomePage/WebsiteDisplay.aspx?DocId={id}"),
    RecordForm("DocId", re.compile(r"^/(?:homepage/)?(customappdisplay)\.aspx$", re.I), "notified", "docid",
               "{scheme}://online.gov.vn/HomePage/CustomAppDisplay.aspx?DocId={id}"),
    RecordForm("DocId", re.compile(r"^/(?:homepage/)?(appdisplay)\.aspx$", re.I), "registered", "docid",
               "{scheme}://online.gov.vn/HomePage/AppDisplay.aspx?DocId={id}"),
    RecordForm("nen-tang", re.compile(r"^/nen-tang/([^/?#]*)", re.I),
               canonical="{scheme}://online.gov.vn/nen-tang/{id}"),
    RecordForm("ung-dung", re.compile(r"^/ung-dung/([^/?#]*)", re.I),
               canonical="{scheme}://online.gov.vn/ung-dung/{id}"),
)
_ROOT_PATHS = frozenset({"", "/", "/home", "/home/", "/default.aspx", "/index.html", "/homepage/default.aspx",
                         "/home/index", "/webdetails", "/home/webdetails", "/home/webdetails/"})
# Ids copied from a template, not issued by MOIT (vn-rules §2.4).
# Longer ids are not guessed at: the record page the spider fetches settles them.
_PLACEHOLDER_IDS = frozenset({"123", "1234", "456"})

# Badge image names (file name only: the folder LogoCCDVSaleNoti holds both images).
_IMAGE_NOTIFIED = ("salenoti", "dathongbao", "da-thong-bao", "da_thong_bao", "dathongbaobct", "thongbao",
                   "thong-bao", "thong_bao", "mau-xanh", "mauxanh", "notified", "bct-xanh", "bctxanh", "notice")
_IMAGE_REGISTERED = ("logoccdv", "dadangky", "da-dang-ky", "da_dang_ky", "dangky", "dang-ky", "dang_ky",
                     "mau-do", "maudo", "registered", "bct-do", "bctdo")
_IMAGE_STRONG = ("salenoti", "logoccdv", "dathongbao", "da-thong-bao", "da_thong_bao", "dadangky", "da-dang-ky",
                 "da_dang_ky", "bocongthuong", "bo-cong-thuong", "bo_cong_thuong", "congthuong", "cong-thuong",
                 "cong_thuong", "logobct", "logo-bct", "logo_bct", "bctlogo", "bct-logo")
_IMAGE_STRONG_TOKENS = frozenset({"bct", "moit", "onlinegov"})
_IMAGE_WEAK = ("thongbao", "thong-bao", "thong_bao", "dangky", "dang-ky", "dang_ky", "mau-xanh", "mau-do",
               "notified", "registered", "online-gov", "verified", "chungnhan")
_IMAGE_TOKENS = ("salenoti", "ccdv", "thongbao", "thong-bao", "thong_bao", "dangky", "dang-ky", "dang_ky",
                 "congthuong", "cong-thuong", "cong_thuong", "bct", "moit", "online.gov.vn", "onlinegov",
                 "online-gov", "mau-xanh", "mau-do")
# Alt / title / visible text (folded).
_TEXT_NOTIFIED = ("da thong bao", "thong bao bo cong thuong", "thong bao bct", "notified", "da khai bao")
_TEXT_REGISTERED = ("da dang ky", "dang ky bo cong thuong", "dang ky bct", "registered")
_CLAIM_INDEX = LabelIndex([
    ("da thong bao", "notified"), ("da dang ky", "registered"), ("notified to", "notified"),
    ("registered with", "registered"), ("da duoc thong bao", "notified"), ("da khai bao", "notified"),
    # "đăng kí" is a common spelling of "đăng ký"; "được" often stands between
    ("da dang ki", "registered"), ("da duoc dang ky", "registered"), ("da duoc dang ki", "registered"),
    ("da duoc khai bao", "notified"),
])
_IMG_PREFILTER = re.compile(
    "|".join(re.escape(t) for t in _IMAGE_TOKENS)
    + "|công thương|cong thuong|bộ công|thông báo|thong bao|đăng ký|dang ky|ministry"
)
_IMG_PREFILTER_ANCHORED = Anchored(_IMG_PREFILTER, _IMAGE_TOKENS + (
    "công thương", "cong thuong", "bộ công", "thông báo", "thong bao", "đăng ký", "dang ky", "ministry"))
# Marks that part the fields of a footer line ("MST: … / Tel: … / Đã thông báo Bộ Công Thương").
_CLAIM_SEPARATORS = ("\n", "|", "•", " - ", "·", " / ", " – ")
_SEGMENT_WINDOW = 600
# A claim stands on its own: its part of the line has at most _CLAIM_WORDS words, or is a line of
# short sentences ("© 2026 Nhà thuốc An. Website đã được thông báo với Bộ Công Thương.") of at most
# _CLAIM_LINE_WORDS words; prose about the badge runs longer sentences.
_CLAIM_WORDS = 12
_CLAIM_LINE_WORDS = 36
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)")
# The ministry named after the claim: next to it (across a line break, as a two-line pill), or
# further on in its own sentence ("đã được đăng ký website phucan.vn với Bộ Công Thương").
_TARGET_NEAR = 30
_TARGET_REACH = 80
# A claim alone in a table's value cell names the ministry in its label cell, the line before.
_VALUE_WORDS = 4
_LABEL_WORDS = 6
_QUOTES = "\"'“”„«»‘’"
_NOT_A_CLAIM_BEFORE = ("chua", "khong", "not ", "huong dan", "cach ", "thu tuc")
# Badge images and claims read per page: a real page shows one badge; a page
# repeating it thousands of times gets its first and last ones read.
MAX_SIGHTINGS = 200


def _capped(items: list) -> list:
    if len(items) <= MAX_SIGHTINGS:
        return items
    return items[: MAX_SIGHTINGS // 2] + items[-(MAX_SIGHTINGS // 2):]
_CLAIM_TARGETS = ("bo cong thuong", "bct", "ministry of industry and trade", "moit", "bo cong thuong")

_HREF_TAGS = frozenset({"a", "area", "link"})
# Containers of content rather than page furniture: a badge image there illustrates an article
# (not <figure>: WordPress puts every block image, footer widgets too, in one).
_CONTENT_TAGS = frozenset({"article", "blockquote"})
# Words around a text-only portal link that make it part of a sentence.
_SENTENCE_AROUND = 8
_LINK_ATTRS = ("href", "to", "data-href", "data-url", "data-link", "xlink:href", "onclick", "data-to")
_IMG_ATTRS = ("src", "data-src", "data-lazy-src", "data-original", "data-lazy", "data-srcset", "srcset",
              "data-bg", "data-image", "lazy-src", "data-echo")
_URL_IN_TEXT = re.compile(r"(?:https?:)?//(?:www\.)?[a-z0-9.\-]*online\.?gov\.vn[^\s\"'<>\\)]*", re.I)
_JS_BLOCK_COMMENT = re.compile(r"\{\s*/\*.*?\*/\s*\}|/\*.*?\*/|<!--.*?-->", re.S)
_JS_LINE_COMMENT = re.compile(r"(?m)(?<![:\w\"'\\/])//[^\n]*$")
# Adjacent string literals joined by "+" ('…/WebDetails/' + '88371'): one string, as the script builds it.
_JS_CONCAT = re.compile(r"""['"]\s*\+\s*['"]""")
_UNESCAPES = (("\\/", "/"), ("\\u002F", "/"), ("\\u002f", "/"), ("\\u003C", "<"), ("\\u003c", "<"),
              ("\\u003E", ">"), ("\\u003e", ">"), ("\\u0022", '"'), ('\\"', '"'), ("\\u0026", "&"))
# Redirect wrappers unwrapped per link (a wrapper around a wrapper: a tracker behind Google's redirect).
_MAX_WRAPS = 2
_STATE_ORDER = ("record", "placeholder", "portal_root", "not_record", "wrong_host", "dead", "not_portal", "none")
_UNLINKED_REASONS = {
    "none": "badge without a link",
    "dead": "dead link (#, javascript:void(0))",
    "portal_root": "link to the portal home page, not to a record",
    "placeholder": "placeholder record id",
    "wrong_host": "link to a host that is not online.gov.vn",
    "not_record": "portal link that is not a record page",
    "not_portal": "link that does not lead to the portal",
}


# --- record links ------------------------------------------------------------

@dataclass(frozen=True)
class LinkInfo:
    state: str
    url: str | None = None  # absolute
    record_id: str | None = None
    form: str | None = None
    kind: str | None = None
    canonical: str | None = None


def _is_placeholder(record_id: str, form: str) -> bool:
    if form in ("nen-tang", "ung-dung"):
        return not _UUID.match(record_id) or set(record_id.replace("-", "")) <= {"0"}
    if not record_id.isdigit():
        return True
    return record_id.startswith("0") or len(set(record_id)) == 1 or record_id in _PLACEHOLDER_IDS


def _portal_like(host: str) -> bool:
    """Misspelt portal hosts: onine.gov.vn, online.gov.com.vn, onlinegov.vn ..."""
    squeezed = host.replace("www.", "").replace("-", "").replace(".", "")
    if "onlinegov" in squeezed or "gov.vn" in host and "onl" in host:
        return True
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(host.removeprefix("www."), "online.gov.vn") <= 2


def _wrapped_url(query: str) -> str | None:
    """The portal URL a redirect wrapper carries in its query (Google's ``/url?q=…``, a site's own
    ``/redirect?url=…``), URL-decoded; None when the query carries none."""
    if "gov" not in query.lower():
        return None
    for _, value in parse_qsl(query):
        value = value.strip()
        if "%" in value[:12]:
            value = unquote(value)  # encoded twice
        low = value.lower()
        if low.startswith(("http://", "https://", "//")) and ("gov" in low or "onlinegov" in low):
            return value
    return None


def classify_link(href: str | None, base_url: str = "", _wrap_depth: int = 0) -> LinkInfo:
    """What a badge link leads to: a record (with its id), or why not. A link through a redirect
    wrapper is judged by the URL inside it: the record a click lands on."""
    if href is None:
        return LinkInfo("none")
    raw = html_lib.unescape(href.strip())
    if raw.lower().startswith(("window.open", "location", "javascript:window.open")) or "online.gov.vn" in raw.lower() and (
        raw.lower().startswith("javascript") or "(" in raw[:20]
    ):
        m = _URL_IN_TEXT.search(raw)
        raw = m.group() if m else raw
    low = raw.lower()
    if not raw or raw.startswith("#") or low.startswith(("javascript:", "void(")) or low in ("about:blank",):
        return LinkInfo("dead", raw or None)
    try:
        url = urljoin(base_url, raw) if base_url else raw
        if url.startswith("//"):
            url = "http:" + url
        parts = urlsplit(url)
    except ValueError:
        return LinkInfo("dead", raw)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https", ""):
        return LinkInfo("dead", url)
    if host not in PORTAL_HOSTS:
        wrapped = _wrapped_url(parts.query)
        if wrapped is not None and _wrap_depth < _MAX_WRAPS:
            inner = classify_link(wrapped, base_url, _wrap_depth + 1)
            if inner.state != "not_portal":
                return inner
        if host and _portal_like(host):
            return LinkInfo("wrong_host", url)
        return LinkInfo("not_portal", url)
    path = parts.path or "/"
    for form in RECORD_FORMS:
        m = form.path.match(path)
        if not m:
            continue
        if form.id_from_query:
            query = {k.lower(): v for k, v in parse_qs(parts.query).items()}
            values = query.get(form.id_from_query, [""])
            record_id = values[0].strip()
        else:
            record_id = m.group(1).strip()
        if not record_id or _is_placeholder(record_id, form.name):
            return LinkInfo("placeholder", url, record_id or None, form.name, form.kind)
        if form.name in ("nen-tang", "ung-dung"):
            record_id = record_id.lower()
        canonical = form.canonical.format(scheme=parts.scheme or "http", id=record_id)
        return LinkInfo("record", url, record_id, form.name, form.kind, canonical)
    if path.lower().rstrip("/") + ("/" if path.endswith("/") else "") in _ROOT_PATHS or path.lower() in _ROOT_PATHS:
        return LinkInfo("portal_root", url)
    return LinkInfo("not_record", url)


# --- sightings on one page -------------------------------------------------------

def _image_kind(values: list[str]) -> str | None:
    for value in values:
        for part in re.split(r"[\s,]+", value.strip()):
            name = part.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1].lower()
            if any(tok in name for tok in ("salenoti", "dathongbao", "da-thong-bao", "da_thong_bao")):
                return "notified"
            if any(tok in name for tok in ("logoccdv", "dadangky", "da-dang-ky", "da_dang_ky")):
                return "registered"
            if any(tok in name for tok in _IMAGE_NOTIFIED):
                return "notified"
            if any(tok in name for tok in _IMAGE_REGISTERED):
                return "registered"
    return None


def _image_strength(values: list[str]) -> int:
    """2: a badge image by its name or portal folder; 1: a name that needs support; 0: not a badge."""
    strength = 0
    for value in values:
        for part in re.split(r"[\s,]+", value.strip()):
            low = part.lower()
            if "online.gov.vn" in low and any(f in low for f in ("logoccdvsalenoti", "/seals/", "iconxacnhan",
                                                                   "publicimages")):
                return 2
            name = low.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
            tokens = set(re.split(r"[^a-z0-9]+", name))
            if any(tok in name for tok in _IMAGE_STRONG) or tokens & _IMAGE_STRONG_TOKENS:
                return 2
            if any(tok in name for tok in _IMAGE_WEAK):
                strength = 1
    return strength


def _text_kind(folded: str) -> str | None:
    if any(t in folded for t in _TEXT_NOTIFIED):
        return "notified"
    if any(t in folded for t in _TEXT_REGISTERED):
        return "registered"
    return None


def _text_is_badge(folded: str) -> bool:
    if not folded:
        return False
    if any(t in folded for t in ("bo cong thuong", "ministry of industry and trade", "online.gov.vn",
                                 "cong thuong")):
        return True
    words = set(re.split(r"[^a-z0-9]+", folded))
    return "bct" in words or "moit" in words


def _follows_href(tag: str) -> bool:
    """Whether a browser (or a framework) follows an ``href`` on this element: ``<a>``, ``<area>``,
    ``<Link>`` and custom link components do; a ``<p href>`` or ``<div href>`` is dead markup."""
    return tag in _HREF_TAGS or "-" in tag or tag.endswith("link")


def _link_of(el: etree._Element) -> tuple[str | None, etree._Element | None]:
    """The link a click on ``el`` follows: the nearest ancestor (or self) with a link attribute."""
    node: etree._Element | None = el
    depth = 0
    while node is not None and depth < 6:
        if isinstance(node.tag, str):
            for attr in _LINK_ATTRS:
                value = node.get(attr)
                if attr in ("href", "xlink:href") and not _follows_href(node.tag):
                    continue
                if value is not None and (attr != "onclick" or "online" in value.lower() or "http" in value):
                    return value, node
            if node.tag in ("footer", "body", "ul", "section"):
                break
        node = node.getparent()
        depth += 1
    # <Link to="..."> parsed as a void <link>: the image follows it
    prev = el.getprevious()
    if prev is not None and prev.tag == "link" and (prev.get("to") or prev.get("href")):
        return prev.get("to") or prev.get("href"), prev
    return None, None


def _in_content(el: etree._Element) -> bool:
    """Whether ``el`` stands in an article or a quotation (not in a footer inside one)."""
    for node in el.iterancestors():
        tag = node.tag
        if tag == "footer":
            return False
        if tag in _CONTENT_TAGS:
            return True
    return False


def _holds_image(el: etree._Element) -> bool:
    return any(True for _ in el.iter("img", "svg", "picture", "amp-img"))


def _shows_badge(el: etree._Element, folded_text: str) -> bool:
    """Whether a portal link can be the site's badge: an image (or a background) inside it, badge
    words, no text at all (a CSS badge), or link text standing on its own. A link inside a sentence
    ("một <a>hồ sơ website hợp lệ</a> sẽ hiển thị ...") points at someone else's record."""
    if not folded_text.strip() or _text_is_badge(folded_text) or _text_kind(folded_text):
        return True
    if "url(" in (el.get("style") or "") or _holds_image(el):
        return True
    parent = el.getparent()
    around = "" if parent is None else " ".join(parent.itertext())
    return len(around.split()) - len(folded_text.split()) <= _SENTENCE_AROUND


def _element_excerpt(el: etree._Element) -> str:
    try:
        raw = etree.tostring(el, encoding=str, with_tail=False)
    except (ValueError, TypeError):
        return ""
    return collapse_space(raw)[:300]


def _sighting(p: ParsedPage, source: str, info: LinkInfo, kind: str | None, ex: str) -> BadgeSighting:
    return BadgeSighting(
        source=source, url=p.url, sha256=p.sha256, excerpt=ex, kind=kind or info.kind,
        link=info.url, link_state=info.state, record_id=info.record_id, record_form=info.form,
    )


_IMAGE_TAGS = ("img", "amp-img", "image", "source")
# An image button (ASP.NET's ImageButton: <input type="image" onclick="window.open(...)">) shows
# its image as an <img> does; its inputs are read only when the page has one.
_IMAGE_INPUTS = (b'type="image"', b"type='image'", b"type=image")


def _images(p: ParsedPage, seen: set[etree._Element]) -> list[BadgeSighting]:
    root = p.tree
    out: list[BadgeSighting] = []
    if root is None:
        return out
    # one cheap look at every attribute of every image (one pass over all of them) before the full reading
    elements = list(root.iter(*_IMAGE_TAGS, "input") if p.mentions(*_IMAGE_INPUTS) else root.iter(*_IMAGE_TAGS))
    if not elements:
        return out
    blobs = [" ".join(el.values()).lower() for el in elements]
    starts = list(accumulate(map((1).__add__, map(len, blobs)), initial=0))
    hits = _IMG_PREFILTER_ANCHORED.hits("\n".join(blobs), starts)
    for el in _capped([elements[i] for i in sorted(hits)]):
        if el.tag == "input" and (el.get("type") or "").strip().lower() != "image":
            continue
        values = [v for v in (el.get(a) for a in _IMG_ATTRS) if v]
        alt = " ".join(v for v in (el.get("alt"), el.get("title"), el.get("aria-label")) if v)
        low = " ".join(values).lower()
        folded_alt = fold(alt) if alt else ""
        strength = _image_strength(values) if any(t in low for t in _IMAGE_TOKENS) else 0
        by_alt = _text_is_badge(folded_alt)
        if not (strength or by_alt) or _in_content(el):
            continue
        href, link_el = _link_of(el)
        if link_el is not None and link_el.get("title"):
            folded_alt += " " + fold(link_el.get("title") or "")
            by_alt = by_alt or _text_is_badge(folded_alt)
        portal_link = bool(href) and ("online.gov.vn" in href.lower() or "onlinegov" in href.lower())
        if strength < 2 and not (by_alt or portal_link):
            continue
        kind = _image_kind(values) or _text_kind(folded_alt)
        info = classify_link(href, p.base_url)
        if link_el is not None:
            seen.add(link_el)
        out.append(_sighting(p, "image", info, kind, _element_excerpt(link_el if link_el is not None else el)))
    return out


def _styled_badges(p: ParsedPage, seen: set[etree._Element]) -> list[BadgeSighting]:
    """CSS background badges: ``<a style="background:url(logoSaleNoti.png)">``."""
    root = p.tree
    if root is None or not p.mentions(b"salenoti", b"logoccdv", b"dathongbao"):
        return []
    out = []
    # the style attributes themselves (a query over every element's attribute is several times slower)
    for el in [style.getparent() for style in _STYLE_ATTRIBUTES(root) if "url(" in style]:
        if not _image_kind([(el.get("style") or "").replace("url(", " ").replace(")", " ")]):
            continue
        href, link_el = _link_of(el)
        if link_el is not None and link_el in seen:
            continue
        kind = _image_kind([el.get("style") or ""])
        info = classify_link(href, p.base_url)
        if link_el is not None:
            seen.add(link_el)
        out.append(_sighting(p, "image", info, kind, _element_excerpt(el)))
    return out


_STYLE_ATTRIBUTES = etree.XPath("//@style")
_ALL_LINK_XPATH = etree.XPath(
    "//a[contains(translate(@href,'ONLINEGV','onlinegv'),'online.gov.vn')]"
    "|//*[@to][contains(translate(@to,'ONLINEGV','onlinegv'),'online.gov.vn')]"
    "|//*[@data-href][contains(translate(@data-href,'ONLINEGV','onlinegv'),'online.gov.vn')]"
    "|//*[@onclick][contains(translate(@onclick,'ONLINEGV','onlinegv'),'online.gov.vn')]"
)
# The attribute's value runs up to the portal URL: within its own quotes, so a script's quotes inside
# an onclick ("window.open('http://online.gov.vn/...')") are part of it.
_LINK_ATTR_BEFORE = re.compile(rb"(?:onclick|data-href|\bto)\s*=\s*(?:\"[^\"<>]*|'[^'<>]*)$")


def _non_anchor_portal_link(raw: bytes) -> bool:
    """Whether a portal URL sits in an onclick, data-href or to attribute (rare: look before reaching for
    a slow query over every element)."""
    pos = raw.find(b"online.gov.vn")
    while pos >= 0:
        if _LINK_ATTR_BEFORE.search(raw[max(0, pos - 200) : pos]):
            return True
        pos = raw.find(b"online.gov.vn", pos + 1)
    return False


_ONLINEGV = str.maketrans("ONLINEGV", "onlinegv")


def _portal_anchor(href: str | None) -> bool:
    """An anchor href that leads to the portal: online.gov.vn, its letters O, N, L, I, E, G, V in any case."""
    # str.lower() (C speed, and it lowers those letters too) turns most hrefs away before the table does
    return href is not None and "online.gov.vn" in href.lower() and "online.gov.vn" in href.translate(_ONLINEGV)


def _portal_elements(p: ParsedPage) -> list[etree._Element]:
    """Elements whose link leads to online.gov.vn: anchors, and (when the raw page
    has one in an onclick, data-href or to attribute) any element."""
    root = p.tree
    if root is None:
        return []
    if not p.mentions(b"online.gov.vn"):
        return []
    if _non_anchor_portal_link(p.raw_lower):
        return _ALL_LINK_XPATH(root)
    # The page's links say whether an anchor can match: the walk over the
    # anchors runs only then.
    if "online.gov.vn" not in p.link_hrefs_lower:
        return []
    return [el for el in root.iter("a") if _portal_anchor(el.get("href"))]


def _portal_links(p: ParsedPage, seen: set[etree._Element]) -> list[BadgeSighting]:
    """Links to the portal with no badge image (text links, unusual images)."""
    elements = p.__dict__.get("_badge_portal_elements")
    if elements is None:  # asked twice per page: remembered on the page
        elements = p.__dict__["_badge_portal_elements"] = _portal_elements(p)
    out = []
    for el in elements:
        if el in seen or el.tag in ("img", "script", "link") and not el.get("to"):
            continue
        href = next((el.get(a) for a in ("href", "to", "data-href", "onclick") if el.get(a)), None)
        info = classify_link(href, p.base_url)
        if info.state == "not_record" and "/content/" in (info.url or "").lower():
            continue  # a link to the badge image file itself
        text = fold(" ".join(el.itertext()) + " " + (el.get("title") or ""))
        if not _shows_badge(el, text) or _in_content(el):
            continue
        kind = _text_kind(text) or info.kind
        if info.state not in ("record", "placeholder", "portal_root") and not _text_is_badge(text):
            continue
        if info.state == "portal_root" and text.strip() and not (_text_is_badge(text) or _text_kind(text)) \
                and not _holds_image(el):
            continue  # a text link to the portal's home page ("Tra cứu website TMĐT") claims nothing
        seen.add(el)
        out.append(_sighting(p, "link", info, kind, _element_excerpt(el)))
    return out


def _script_badges(p: ParsedPage) -> list[BadgeSighting]:
    """Badges written by inline scripts (document.write, JSON for a client-side footer)."""
    if not p.mentions(b"online.gov.vn", b"salenoti", b"logoccdv", b"dathongbao"):
        return []
    out: list[BadgeSighting] = []
    for script in p.scripts:
        if "ld+json" in script.type:
            continue
        body = script.text
        low = body.lower()
        if not any(t in low for t in ("online.gov.vn", "online\\/gov", "salenoti", "logoccdv", "dathongbao")):
            continue
        for old, new in _UNESCAPES:
            body = body.replace(old, new)
        body = _JS_CONCAT.sub("", _JS_LINE_COMMENT.sub("", _JS_BLOCK_COMMENT.sub(" ", body)))
        low = body.lower()
        found_link = False
        for m in _URL_IN_TEXT.finditer(body):
            url = m.group()
            lowurl = url.lower()
            if any(t in lowurl for t in ("/content/", "fileserver.", "/seals/", "/publicimages/")):
                continue
            context = low[max(0, m.start() - 300) : m.end() + 300]
            info = classify_link(url, p.base_url)
            badge_context = any(t in context for t in ("salenoti", "logoccdv", "dathongbao", "bocongthuong", "bct",
                                                       "cong thuong", "công thương", "thông báo", "đăng ký"))
            if info.state != "record" and not badge_context:
                continue
            kind = _image_kind(re.findall(r"[\w./\-]+\.(?:png|jpe?g|gif|svg|webp)", context)) or \
                _text_kind(fold(context)) or info.kind
            found_link = True
            out.append(_sighting(p, "script", info, kind, collapse_space(body[max(0, m.start() - 120) : m.end() + 60])))
        if not found_link:
            img = re.search(r"[\w./\-]*(?:logosalenoti|logoccdv|dathongbao)[\w.\-]*", low)
            if img:
                kind = _image_kind([img.group()])
                out.append(_sighting(p, "script", LinkInfo("none"), kind,
                                     collapse_space(body[max(0, img.start() - 150) : img.end() + 60])))
    return out


def _text_claims(p: ParsedPage) -> list[BadgeSighting]:
    """Claims written as text ("Đã thông báo Bộ Công Thương") standing on their own; the same
    words in an article's or an FAQ's sentence talk about the badge and claim nothing."""
    folded = p.folded
    if "cong thuong" not in folded and "bct" not in folded and "ministry of industry" not in folded:
        return []
    out = []
    for start, end, label, kind in _capped(list(_CLAIM_INDEX.finditer(folded))):
        before = folded[max(0, start - 25) : start]
        if any(neg in before for neg in _NOT_A_CLAIM_BEFORE):
            continue
        seg_start, seg_end = _claim_segment(folded, start, end)
        segment = folded[seg_start:seg_end]
        if not _stands_alone(segment):
            continue
        sentence = _claim_sentence(folded, seg_start, seg_end, start, end)
        opening = folded[seg_start:start].rstrip()
        if sentence.rstrip().endswith("?") or opening and opening[-1] in _QUOTES:
            continue  # an FAQ's question, a quoted badge: about it, not claiming it
        if not _names_the_ministry(folded, seg_start, seg_end, end, sentence):
            continue
        out.append(_sighting(p, "text", LinkInfo("none"), kind, excerpt(p.text, start, end + 30, 60)))
    return out


def _claim_segment(folded: str, start: int, end: int) -> tuple[int, int]:
    """The part of the text a claim stands in: between the separators around it (read up to
    _SEGMENT_WINDOW characters each way: more is prose anyway)."""
    lo, hi = max(0, start - _SEGMENT_WINDOW), min(len(folded), end + _SEGMENT_WINDOW)
    seg_start = lo
    for sep in _CLAIM_SEPARATORS:
        i = folded.rfind(sep, lo, start)
        if i >= 0:
            seg_start = max(seg_start, i + len(sep))
    ends = [i for i in (folded.find(sep, end, hi) for sep in _CLAIM_SEPARATORS) if i >= 0]
    return seg_start, min(ends) if ends else hi


def _stands_alone(segment: str) -> bool:
    words = len(segment.split())
    if words <= _CLAIM_WORDS:
        return True
    if words > _CLAIM_LINE_WORDS:
        return False
    return all(len(s.split()) <= _CLAIM_WORDS for s in _SENTENCE_END.split(segment))


def _claim_sentence(folded: str, seg_start: int, seg_end: int, start: int, end: int) -> str:
    """The sentence of the segment the claim is in, its closing mark kept."""
    opening = max((m.end() for m in _SENTENCE_END.finditer(folded, seg_start, start)), default=seg_start)
    closing = _SENTENCE_END.search(folded, end, seg_end)
    return folded[opening : closing.end() if closing else seg_end]


def _names_the_ministry(folded: str, seg_start: int, seg_end: int, end: int, sentence: str) -> bool:
    if any(t in folded[end : end + _TARGET_NEAR] for t in _CLAIM_TARGETS):
        return True
    if any(t in folded[end : min(seg_end, end + _TARGET_REACH)] for t in _CLAIM_TARGETS):
        return True
    # a value cell ("Đã thông báo") under or beside its label ("Thông báo với Bộ Công Thương")
    if seg_start == 0 or folded[seg_start - 1] != "\n" or len(sentence.split()) > _VALUE_WORDS:
        return False
    label = folded[folded.rfind("\n", 0, seg_start - 1) + 1 : seg_start - 1]
    return len(label.split()) <= _LABEL_WORDS and any(t in label for t in _CLAIM_TARGETS)


def _with_image_kind(s: BadgeSighting) -> BadgeSighting:
    """Kind of a linked sighting read from the badge image inside the link, as the image pass would."""
    if s.kind is not None and s.source != "link":
        return s
    images = re.findall(r"""(?:src|data-src|data-lazy-src|data-original|srcset|data-srcset)=["']([^"']+)""", s.excerpt)
    alts = " ".join(re.findall(r"""(?:alt|title|aria-label)=["']([^"']*)""", s.excerpt))
    kind = _image_kind(images) or _text_kind(fold(alts)) or s.kind
    if kind == s.kind and not images:
        return s
    return BadgeSighting("image" if images else s.source, s.url, s.sha256, s.excerpt, kind, s.link, s.link_state,
                         s.record_id, s.record_form)


def page_badges(p: ParsedPage) -> list[BadgeSighting]:
    """Every badge sighting on one page (none on portal pages)."""
    if p.is_portal or p.tree is None:
        return []
    # The elements themselves, not their id(): lxml makes a new Python object for an
    # element each time one is asked for once the last is gone, so ids get reused.
    seen: set[etree._Element] = set()
    linked = [s for s in _portal_links(p, set()) if s.linked]
    if linked:
        # The usual compliant footer: a record link is enough, the page's other images need no reading.
        return [_with_image_kind(s) for s in linked]
    sightings = _images(p, seen)
    sightings += _styled_badges(p, seen)
    sightings += _portal_links(p, seen)
    sightings += _script_badges(p)
    if not any(s.source in ("image", "link") for s in sightings):
        sightings += _text_claims(p)
    return sightings


def combine(sightings: list[BadgeSighting], records: list[PortalRecord]) -> Badge:
    if not sightings:
        return Badge()
    linked = [s for s in sightings if s.linked]
    primary = linked[0] if linked else min(sightings, key=lambda s: _STATE_ORDER.index(s.link_state))
    kind = None
    for source in ("image", "script", "link", "text"):
        kind = next((s.kind for s in sightings if s.source == source and s.kind), None)
        if kind:
            break
    record = None
    if primary.record_id:
        record = next((r for r in records if r.record_id and r.record_id.lower() == primary.record_id.lower()), None)
    if record is None and linked:
        ids = {s.record_id for s in linked}
        record = next((r for r in records if r.record_id in ids), None)
    return Badge(
        present=True,
        kind=kind,
        record_id=primary.record_id if primary.linked else None,
        link=primary.link if primary.link_state not in ("none",) else None,
        linked=bool(linked),
        record=record,
        unlinked_reason=None if linked else _UNLINKED_REASONS.get(primary.link_state, primary.link_state),
        sightings=tuple(sightings),
    )


def check_badge(pages: list[ParsedPage], records: list[PortalRecord]) -> Badge:
    sightings: list[BadgeSighting] = []
    for p in pages:
        sightings.extend(page_badges(p))
    return combine(sightings, records)


def record_links(html: str | bytes | ParsedPage, base_url: str = "") -> list[str]:
    """Absolute URLs of the portal records a page's badges link to, canonical form, in page order.

    ``html`` may be a page parsed already (its own URL is then the base)."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    try:
        page = html if isinstance(html, ParsedPage) else ParsedPage.from_html(html, base_url)
        base_url = page.url
        sightings = page_badges(page)
    except Exception:  # noqa: BLE001 - the spider must never crash on a page
        return []
    out: list[str] = []
    for s in sightings:
        if s.linked and s.link:
            info = classify_link(s.link, base_url)
            url = info.canonical or s.link
            if url not in out:
                out.append(url)
    return out
