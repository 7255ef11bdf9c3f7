"""Policy pages a sales website must publish (Decree 52 Arts. 32-34, 69).

Policies are found by link text and URL slug (a jump menu's options count as
links, an icon-only link to a policy page counts by its title), Vietnamese
with or without diacritics and English; one link may cover two policies
("Chính sách đổi trả & vận chuyển"). A fetched page whose title or main
heading names a policy counts too, and so does a policy written on a page
itself, its text under a heading naming it ("Chính sách vận chuyển" and a
paragraph): published there as much as behind a link, and reported as found
on that page. Only the site's own pages count (its registrable domain,
any subdomain): a policy linked on another domain, the parent group's
included, is not published by this site. Keywords live in
:data:`monitor.checks.vocabulary.POLICY_KEYWORDS`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import ahocorasick_rs
from lxml import etree

from monitor.checks.page import Anchored, Link, ParsedPage, fold_keep_length
from monitor.checks.regions import footer_element
from monitor.checks.result import POLICY_KEYS, Found, Policies
from monitor.checks.vocabulary import (
    ARTICLE_PATHS,
    CART_PATHS,
    CART_QUERIES,
    DELIVERY_HEADS,
    ENGLISH_POLICY_TOPICS,
    GIAO_NOT_DELIVERY,
    INSPECTION_NOT_AFTER,
    ORDER_TRACKING_TEXTS,
    POLICY_CONTENT_TERMS,
    POLICY_KEYWORDS,
    POLICY_MARKERS,
    POLICY_SECTION_MARKERS,
    POLICY_SLUG_MARKERS,
)
from monitor.domains import DomainError, registrable_domain
from monitor.text import fold

_SLUG_SPLIT = re.compile(r"[\-_/.+%=&?]+")
_MAX_TEXT_WORDS = 12
_NON_PAGE = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".css", ".js", ".zip")
_PHRASE_KEYS: dict[str, set[str]] = {}
for _key, _phrases in POLICY_KEYWORDS.items():
    for _phrase in _phrases:
        _PHRASE_KEYS.setdefault(_phrase, set()).add(_key)
_POLICY_RX = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(re.escape(p) for p in sorted(_PHRASE_KEYS, key=len, reverse=True)) + r")(?![a-z0-9])"
)
# Slugs are matched with "-", "_", "/" or "." between words.
_POLICY_HREF_RX = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(re.escape(p).replace(r"\ ", r"[\-_/. +]") for p in _PHRASE_KEYS) + r")(?![a-z0-9])"
)
# A policy word, "giao" and the goods delivered ("chính sách giao hoa"): a shipping policy.
_GOODS_DELIVERY = (r"(?<![a-z0-9])(?:{heads})[\-_/. +]giao[\-_/. +](?!(?:{not_goods})(?![a-z]))[a-z]{{2,}}"
                   .format(heads="|".join(h.replace(" ", r"[\-_/. +]") for h in DELIVERY_HEADS),
                           not_goods="|".join(GIAO_NOT_DELIVERY)))
_GOODS_DELIVERY_RX = re.compile(_GOODS_DELIVERY)
# Every text match holds its phrase (or "giao"), every slug match the phrase's longest word.
_POLICY_LINK_TEXT = Anchored(re.compile(_POLICY_RX.pattern + "|" + _GOODS_DELIVERY),
                             [*_PHRASE_KEYS, "giao"])
_POLICY_LINK_HREF = Anchored(re.compile(_POLICY_HREF_RX.pattern + "|" + _GOODS_DELIVERY),
                             [*(max(p.split(" "), key=len) for p in _PHRASE_KEYS), "giao"])
_MARKER_RX = re.compile("|".join(re.escape(m) for m in POLICY_MARKERS))
# Links to a policy page by their URL alone (icon-only links read by their title).
_POLICY_PAGE_HREF = Anchored(re.compile("|".join(re.escape(m) for m in POLICY_SLUG_MARKERS)), POLICY_SLUG_MARKERS)
# A link text read as an article's headline, not a page's name: a subtitle after a colon, or a
# question ("Chính sách đổi trả của Tiki: những điều cần biết", "Đổi trả hàng online thế nào?").
_HEADLINE = re.compile(r"\w[:?] *\S+ \S+|\w ?\?$")
_SLUG_MARKERS = ("chinh sach", "policy", "policies", "quy dinh", "dieu khoan", "huong dan", "terms", "privacy", "pages")


# "Kiểm tra hàng chính hãng": an inspection phrase followed by these words checks the goods are genuine.
_NOT_INSPECTION_RX = re.compile(r" (?:" + "|".join(re.escape(w) for w in INSPECTION_NOT_AFTER) + r")(?![a-z0-9])")


def policies_in(text: str) -> set[str]:
    """Policy keys a folded phrase names ("doi tra & van chuyen" -> returns, shipping)."""
    found: set[str] = {"shipping"} if "giao" in text and _GOODS_DELIVERY_RX.search(text) else set()
    pos = 0
    inspection_end = -1  # phrases inside an inspection phrase ("tra hang" in "kiem tra hang") are part of it
    while True:
        m = _POLICY_RX.search(text, pos)
        if m is None:
            return found
        keys = _PHRASE_KEYS[m.group()]
        if "inspection" in keys:
            inspection_end = max(inspection_end, m.end())
            if _NOT_INSPECTION_RX.match(text, m.end()):
                keys = keys - {"inspection"}
            found |= keys
        elif m.end() > inspection_end:
            found |= keys
        pos = m.start() + 1  # overlapping phrases ("doi tra" inside "bao hanh doi tra")


def slug_words(url: str) -> str:
    """URL path as folded words: ``/pages/chinh-sach-doi-tra`` -> ``pages chinh sach doi tra``."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    if "://" in path:
        path = path.split("://", 1)[1]
        path = path[path.find("/"):] if "/" in path else ""
    if "%" in path:
        path = unquote(path)
    if not path.isascii():
        path = fold(path)
    return " ".join(_SLUG_SPLIT.split(path.lower())).strip()


def _is_article(url: str) -> bool:
    low = url.lower()
    return any(a in low for a in ARTICLE_PATHS)


def _usable(url: str, text: str = "") -> bool:
    low = url.lower()
    if low.startswith(("javascript:", "mailto:", "tel:", "#")) or not low.startswith(("http://", "https://")):
        return False
    try:
        path = urlsplit(url).path.lower()
    except ValueError:
        return False
    if path.endswith(_NON_PAGE):
        return False
    # "/thanh-toan", OpenCart's "?route=checkout/checkout": a checkout unless the link says it is a
    # guide or a policy
    if any(path.rstrip("/") == c for c in CART_PATHS) or _checkout_query(url):
        return bool(_MARKER_RX.search(text))
    return True


def _checkout_query(url: str) -> bool:
    """A cart or checkout reached by a query (OpenCart's ``index.php?route=checkout/checkout``)."""
    query = url.partition("?")[2].lower()
    return bool(query) and any(q in query for q in CART_QUERIES)


# A page name of more words than this is an article's headline ("/tin-phap-luat/214-quy-dinh-moi-ve-
# chinh-sach-doi-tra-hang-khi-mua-sam-truc-tuyen"), not a policy page's ("/chinh-sach-doi-tra-hang").
_MAX_SLUG_WORDS = 12


def _headline_slug(url: str) -> bool:
    """Whether the last part of the URL's path reads as an article's headline (many words)."""
    path = url.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    return len(slug_words("/" + path.rsplit("/", 1)[-1]).split()) > _MAX_SLUG_WORDS


def link_policies(text_folded: str, url: str) -> set[str]:
    """Policies one link covers, judged by its text, then by its slug."""
    text = " ".join(text_folded.split())
    if any(t in text for t in ORDER_TRACKING_TEXTS) and not text.startswith("chinh sach"):
        return set()  # an order lookup, whatever its slug says
    article = _is_article(url)
    if article and not text.startswith("chinh sach"):
        return set()  # a product, a collection or a blog post
    if _HEADLINE.search(text):
        return set()  # "Chính sách đổi trả của X mới nhất: những điều cần biết": an article about one
    by_text = policies_in(text) if text else set()
    slug = slug_words(url)
    by_slug = policies_in(slug) if slug else set()
    if not by_text and not by_slug:
        return set()
    words = text.split()
    found: set[str] = set()
    if by_text and (len(words) <= _MAX_TEXT_WORDS or text.startswith("chinh sach")):
        has_marker = bool(_MARKER_RX.search(text))
        # a bilingual link names the policy in each language ("Delivery & Pick-up / Giao hàng và nhận")
        short = len(words) <= 5 or any(len(part.split()) <= 5 and policies_in(part) for part in text.split(" / "))
        if (has_marker or short) and (not article or text.startswith("chinh sach")):
            found |= by_text
    if by_slug and not article and not _headline_slug(url):
        slug_marked = any(m in slug for m in _SLUG_MARKERS)
        if slug_marked or not text or len(words) <= 5:
            found |= by_slug
    return found


# Policy-like links read per page: a footer has a dozen; a page listing
# thousands (a sitemap) gets its first and last ones read.
MAX_LINKS = 400


def _capped(links: list) -> list:
    if len(links) <= MAX_LINKS:
        return links
    return links[: MAX_LINKS // 2] + links[-(MAX_LINKS // 2):]


def _offsite(url: str, page_host: str) -> bool:
    """Whether ``url`` leads to another site than the page's (another registrable domain)."""
    if not url.startswith(("http://", "https://")):
        return False
    host = _host(url)
    if not host or host == page_host:
        return False
    site = _site_of(page_host)
    return site is None or _site_of(host) != site


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


@lru_cache(maxsize=4096)
def _site_of(host: str) -> str | None:
    try:
        return registrable_domain(host)
    except (DomainError, ValueError):
        return None


def _page_policies(p: ParsedPage) -> dict[str, Found]:
    found: dict[str, Found] = {}
    if p.is_portal or p.tree is None:
        return found
    page_host = _host(p.url)
    usable: list[int] = []  # ordinals of the policy links taken
    checkouts: list[tuple[Link, str, set[str]]] = []  # "/thanh-toan" links: a policy only among policies
    for link in _candidate_links(p):
        if len(found) == len(POLICY_KEYS):
            break  # every policy has its link: later links change nothing
        title = p.link_title(link) if not link.folded else ""
        text = link.folded or fold_keep_length(title.lower())
        if _offsite(link.url, page_host):
            # A policy is published by the site itself (Decree 52 Arts. 32-34, 69): another site's
            # page is not, whatever its text says: a delivery app's "/...-delivery/" shop page, or
            # the parent group's "Chính sách bảo mật" on its own domain (its terms, kept and
            # changed there, for its own entity)
            continue
        keys = link_policies(text, link.href)
        if not keys:
            continue
        if not _usable(link.url, text):
            if _checkout_path(link.url):
                checkouts.append((link, title, keys))
            continue
        usable.append(link.ordinal)
        for key in keys:
            if key not in found:
                found[key] = _link_found(p, link, title)
    footer_hrefs = _footer_hrefs(p) if checkouts else set()
    for link, title, keys in checkouts:
        # "Thanh toán" → /thanh-toan in the footer's list of policies is the payment page, not the checkout
        if link.href in footer_hrefs and any(abs(link.ordinal - o) <= _NEIGHBOURS for o in usable):
            for key in keys:
                found.setdefault(key, _link_found(p, link, title))
    for key, heading in _footer_headings(p):
        found.setdefault(key, Found(p.url, p.url, f"footer heading: {heading}", p.sha256))
    if len(found) < len(POLICY_KEYS):
        for key, section in _policy_sections(p) + _topic_sections(p, found):
            found.setdefault(key, Found(p.url, p.url, f"policy on the page: {section}", p.sha256))
    # The page itself is a policy page (a fetched "Chính sách đổi trả" page).
    heading = p.title
    if p.h1:
        heading += " | " + p.h1
    for part in heading.split("|"):
        folded = fold(part)
        if any(m in folded for m in POLICY_MARKERS) and len(folded.split()) <= _MAX_TEXT_WORDS:
            for key in policies_in(folded):
                found.setdefault(key, Found(p.url, p.url, f"page heading: {part.strip()}", p.sha256))
    return found


def _candidate_links(p: ParsedPage) -> Iterator[Link]:
    """The page's policy-like links, then its icon-only links to policy pages (an icon
    in ``<a href="/chinh-sach/12" title="Chính sách đổi trả">``, read by its title),
    then the options of its jump menus (an older site's "Chính sách" <select> that
    opens the chosen policy): each read only when those before left a policy unfound."""
    yield from _capped(p.links_matching(_POLICY_LINK_TEXT, _POLICY_LINK_HREF))
    yield from _capped([link for link in p.links_matching(href_rx=_POLICY_PAGE_HREF) if not link.folded])
    yield from p.jump_links


# A "/thanh-toan" link this close (in link order) to a policy link stands in the policy list.
_NEIGHBOURS = 2
_HEADINGS = etree.XPath(".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::strong or self::b "
                        "or contains(@class,'title') or contains(@class,'heading')]")
# A footer heading naming a policy is a published policy when text follows it (the payment
# methods under "Hình thức thanh toán"), not when it only titles a column of links.
_MIN_SECTION_WORDS = 4


# A policy written on the page itself: a heading naming it on a line of its own ("Chính sách vận
# chuyển", "2. Phương thức thanh toán:"), then its text. Matched on the folded text, line by line.
# Read at the start of the lines where a marker stands (found in one Aho-Corasick pass: a regex
# tried at every line of a catalogue costs more than the rest of the policy check).
# An English heading names its topic first ("Privacy Policy", "Return & Refund Policy").
_ENGLISH_HEAD = (r"(?:(?:" + "|".join(ENGLISH_POLICY_TOPICS) + r")(?: ?[&,/] ?| and | ))+polic(?:y|ies)")
_SECTION_HEAD = re.compile(
    r"(?:\d{1,2}[.)] ?|[-•*+] ?)?((?:" + "|".join(re.escape(m) for m in POLICY_SECTION_MARKERS)
    + "|" + _ENGLISH_HEAD + r")(?![a-z0-9])[^\n]{0,80}?)[ :.]*(?=\n|$)")
_SECTION_MARKERS = ahocorasick_rs.AhoCorasick(POLICY_SECTION_MARKERS, matchkind=ahocorasick_rs.MatchKind.LeftmostFirst)
# What may stand before the heading's first word on its line: its number or bullet, or for
# "policy" the English topic words.
_HEAD_LEAD = 4
_ENGLISH_LEAD = 48
_MAX_SECTION_HEAD_WORDS = 8
# A heading names the policy: a number makes it a promotion or news ("Chính sách bán hàng tháng
# 3/2026"), a separator a line of links ("Chính sách bảo mật · Tin tức").
_NOT_A_HEAD = re.compile(r"[\d·|•]")
# The text under the heading: lines of the page's own (not menus or lists of links), a sentence
# among them (a bar of selling points, "Đổi trả 7 ngày | Giao hàng toàn quốc", has none).
_SECTION_LINES = 4
_MIN_SECTION_TEXT_WORDS = 12
_MIN_SENTENCE_WORDS = 8
_SECTION_EXCERPT = 100


def _policy_sections(p: ParsedPage) -> list[tuple[str, str]]:
    """(policy, excerpt) for each policy written on the page under a heading naming it: the
    law asks for the policy to be published, on a page of its own or on this one. A heading
    that is a link's text names another page; one over a list of links titles a menu."""
    folded = p.folded
    out: list[tuple[str, str]] = []
    starts = set()
    for marker, pos, _ in _SECTION_MARKERS.find_matches_as_indexes(folded):
        lead = _ENGLISH_LEAD if POLICY_SECTION_MARKERS[marker].startswith("polic") else _HEAD_LEAD
        starts.add(folded.rfind("\n", max(0, pos - lead - 1), pos) + 1 or max(0, pos - lead))
    for line_start in _capped(sorted(starts)):
        if line_start and folded[line_start - 1] != "\n":
            continue  # the marker stands inside a line
        m = _SECTION_HEAD.match(folded, line_start)
        if m is None:
            continue
        head = m.group(1)
        if len(head.split()) > _MAX_SECTION_HEAD_WORDS or _HEADLINE.search(head) or _NOT_A_HEAD.search(head):
            continue
        if any(t in head for t in ORDER_TRACKING_TEXTS):
            continue
        keys = policies_in(head)
        if not keys or p.is_link_text(head.strip()):
            continue
        body = _section_text(p, m.end() + 1)
        if body is None:
            continue
        start, end = m.start(1), m.end(1)
        section = f"{p.text[start:end]} — {p.text[body:body + _SECTION_EXCERPT]}…".replace("\n", " | ")
        out.extend((key, section) for key in sorted(keys))
    return out


def _section_text(p: ParsedPage, pos: int) -> int | None:
    """Where the text under a policy heading starts (the line at ``pos``), when there is text:
    a sentence and enough words, in the lines up to the next heading; else None."""
    folded = p.folded
    words = 0
    sentence = False
    first = None
    for _ in range(_SECTION_LINES):
        if pos >= len(folded) or _SECTION_HEAD.match(folded, pos):
            break
        end = folded.find("\n", pos, pos + 2000)
        end = min(len(folded), pos + 2000) if end < 0 else end
        line = folded[pos:end]
        if not p.is_link_text(line):
            count = len(line.split())
            words += count
            sentence = sentence or count >= _MIN_SENTENCE_WORDS
            first = pos if first is None else first
        pos = folded.find("\n", end) + 1
        if pos == 0:
            break
    return first if words >= _MIN_SECTION_TEXT_WORDS and sentence else None


# A policy written under a heading naming only its topic ("Đổi trả trong 7 ngày", "Giao hàng"), no
# policy word: such a heading opens a selling point as often, so the text under it must be longer
# and name the same policy again ("… Hoàn tiền 100% nếu …"). An article's sections are its own.
_TOPIC_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_MIN_TOPIC_TEXT_WORDS = 20
_TOPIC_TEXT_READ = 120  # words read under the heading
# Or, at _MIN_SECTION_TEXT_WORDS words or more, it gives the policy's content in words of its own.
_MIN_CONTENT_TERMS = 2
_CONTENT_TERM_RX = {key: re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
                                    + r")(?![a-z0-9])") for key, terms in POLICY_CONTENT_TERMS.items()}
_TOPIC_PHRASES = ahocorasick_rs.AhoCorasick(
    sorted(_PHRASE_KEYS), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest).find_matches_as_indexes


def _topic_sections(p: ParsedPage, found: dict[str, Found]) -> list[tuple[str, str]]:
    """(policy, excerpt) for each policy not found yet written under a heading element that opens
    with its topic and has no policy word."""
    lines = _topic_lines(p, set(found))
    if not lines:
        return []
    out: list[tuple[str, str]] = []
    for heading in p.tree.iter(*_TOPIC_HEADINGS):
        raw = " ".join(" ".join(heading.itertext()).split())
        head = " ".join(fold_keep_length(unicodedata.normalize("NFC", raw)).split())
        keys = lines.get(head)
        if not keys or _linked_or_in_article(heading):
            continue
        body = _text_under(heading)
        folded_body = fold(body)
        words = len(folded_body.split())
        if words < _MIN_SECTION_TEXT_WORDS:
            continue
        named = keys & policies_in(folded_body) if words >= _MIN_TOPIC_TEXT_WORDS else set()
        section = f"{raw} — {body[:_SECTION_EXCERPT]}…"
        out.extend((key, section) for key in sorted(named | _described(keys - named, folded_body)))
    return out


def _described(keys: set[str], folded_body: str) -> set[str]:
    """The policies among ``keys`` whose content the text gives in words of its own (two of
    :data:`POLICY_CONTENT_TERMS`: "hàng lỗi … làm lại …", "ship … GHTK …"), not naming them again."""
    return {key for key in keys
            if key in _CONTENT_TERM_RX and len(set(_CONTENT_TERM_RX[key].findall(folded_body))) >= _MIN_CONTENT_TERMS}


def _topic_lines(p: ParsedPage, found: set[str]) -> dict[str, set[str]]:
    """The page's lines (folded) that can head a policy by its topic: opening with a policy phrase,
    short, no policy word, not a question or a link; each with the policies it names and that are
    not found yet. Found in one pass over the text before any heading element is read."""
    folded = p.folded
    lines: dict[str, set[str]] = {}
    for _, pos, _ in _TOPIC_PHRASES(folded):
        if pos and folded[pos - 1] != "\n":
            continue
        end = folded.find("\n", pos)
        line = " ".join(folded[pos : end if end >= 0 else len(folded)].split())
        if line in lines or len(line.split()) > _MAX_SECTION_HEAD_WORDS or not _POLICY_RX.match(line):
            continue
        # a topic heading holds no section marker: those ("Chính sách …") are read as policy sections
        if _SECTION_MARKERS.find_matches_as_indexes(line) or _HEADLINE.search(line) or p.is_link_text(line):
            continue
        keys = policies_in(line) - found
        if keys:
            lines[line] = keys
    return lines


def _linked_or_in_article(heading: etree._Element) -> bool:
    if any(True for _ in heading.iter("a")):
        return True
    return any(node.tag in ("a", "article") for node in heading.iterancestors())


def _text_under(heading: etree._Element) -> str:
    """The plain text (links left out) after a heading, up to the next heading; a heading alone
    in its wrapper (``<div class="title"><h2>…</h2></div>``) is read after the wrapper."""
    node = heading
    if node.getnext() is None and node.getparent() is not None:
        node = node.getparent()
    parts: list[str] = []
    words = 0
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in _TOPIC_HEADINGS or sibling.tag == "h1" or any(True for _ in sibling.iter(*_TOPIC_HEADINGS)):
            break
        text = _plain_text(sibling)
        parts.append(text)
        words += len(text.split())
        if words >= _TOPIC_TEXT_READ:
            break
    return " ".join(" ".join(parts).split())


def _link_found(p: ParsedPage, link: Link, title: str) -> Found:
    return Found(link.url, p.url, f"<a href=\"{link.href}\">{link.text or title}</a>", p.sha256)


def _checkout_path(url: str) -> bool:
    try:
        path = urlsplit(url).path.lower().rstrip("/")
    except ValueError:
        return False
    return any(path == c for c in CART_PATHS)


def _footer_hrefs(p: ParsedPage) -> set[str]:
    el = footer_element(p)
    return set() if el is None else {(a.get("href") or "").strip() for a in el.iter("a")}


def _footer_headings(p: ParsedPage) -> list[tuple[str, str]]:
    """(policy, heading) for the headings of the footer that name a policy and head a section
    of text rather than a list of links."""
    el = footer_element(p)
    if el is None:
        return []
    out = []
    for heading in _HEADINGS(el):
        raw = " ".join(" ".join(heading.itertext()).split())
        folded = fold(raw)
        if not raw or len(folded.split()) > 8 or not _MARKER_RX.search(folded):
            continue
        keys = policies_in(folded)
        if keys and _section_words(heading) >= _MIN_SECTION_WORDS:
            out.extend((key, raw) for key in keys)
    return out


def _section_words(heading: etree._Element) -> int:
    """Words of plain text (link text left out) after a heading, up to the next heading."""
    words = len((heading.tail or "").split())
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag in ("h2", "h3", "h4", "h5", "h6") or words >= _MIN_SECTION_WORDS:
            break
        words += _plain_words(sibling) + len((sibling.tail or "").split())
    return words


def _plain_words(el: etree._Element) -> int:
    return len(_plain_text(el).split())


def _plain_text(el: etree._Element) -> str:
    """The text of an element, its links' text left out."""
    parts: list[str] = []
    in_link = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            in_link += node.tag == "a"
            if not in_link and node.text:
                parts.append(node.text)
        else:
            in_link -= node.tag == "a"
            if not in_link and node is not el and node.tail:
                parts.append(node.tail)
    return " ".join(parts)


def check_policies(pages: list[ParsedPage]) -> Policies:
    found: dict[str, Found] = {}
    for p in pages:
        for key, value in _page_policies(p).items():
            found.setdefault(key, value)
    return Policies({k: found[k] for k in POLICY_KEYS if k in found})


def link_priority(url: str, text: str) -> float:
    """How worth fetching a same-site link is: 0 = not; owner pages and policies score highest."""
    from monitor.checks.vocabulary import OWNER_PAGE_KEYWORDS

    low = (url or "").strip().lower()
    if not low or low.startswith(("mailto:", "tel:", "javascript:", "#", "sms:", "zalo:")):
        return 0.0
    try:
        path = urlsplit(low).path
    except ValueError:
        return 0.0
    if path.endswith(_NON_PAGE + (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".mp4")):
        return 0.0
    if any(path.rstrip("/") == c for c in CART_PATHS) or any(
        seg in path for seg in ("/account", "/login", "/dang-nhap", "/register", "/dang-ky", "/wp-admin", "/search")
    ):
        return 0.0
    folded = " ".join(fold(text or "").split())
    slug = slug_words(url)
    policies = link_policies(folded, url)
    score = 0.0
    if policies:
        score = 2.0 + 0.5 * (len(policies) - 1)
    padded = f" {folded} "
    owner_hits = [k for k in OWNER_PAGE_KEYWORDS if f" {k} " in padded or f" {k} " in f" {slug} "]
    owner_hits = [k for k in owner_hits if k not in ("ve", "chinh sach")]
    if owner_hits:
        score = max(score, 3.0)
    if any(k in padded or k in slug for k in ("quy che", "gioi thieu", "lien he", "about", "contact")):
        score = max(score, 3.0)
    if score == 0.0 and "chinh sach" in (folded + " " + slug):
        score = 1.0
    if score and _is_article(url):
        score = min(score, 0.5)
    return score
