"""One parse per page, shared by every check family.

A :class:`ParsedPage` holds what the matchers read, computed once:

- ``text``: the visible text, one line per block element (``<p>``, ``<div>``,
  ``<li>``, ``<td>``, ``<br>`` ...), inline elements joined as a browser would
  join them, scripts, styles and HTML comments left out;
- ``folded``: the same text folded (lower case, no accents, ``đ``→``d``) with
  **exactly the same length**, so a regex run on ``folded`` gives positions
  that slice the original ``text``;
- ``links``: every ``<a>`` (and framework link component) with its absolute
  URL and its text (what XPath's ``normalize-space(.)`` reads: all the text
  inside, hidden text too); its title when asked for (:meth:`ParsedPage.link_title`);
- ``jump_links``: the options of ``<select>`` jump menus, as links, read from
  the tree only when a family asks (policies do; they are not ``links``);
- ``title``, ``h1``, ``base_url``, ``json_ld``;
- ``scripts``, ``controls``: read from the tree only when a family asks;
- ``tree``: the lxml tree, for the few checks that need elements.

Cost per page, because the nightly crawl pushes a province's worth of pages
through the checks:

- the body is parsed from its bytes when it is UTF-8 (no decode and
  re-encode), with one parser per thread (making one costs more than a small
  page's parse);
- one XSLT pass over the tree (C) writes the text with marks for blocks,
  inline elements and links, and records for <base>, <title>, <h1> and
  JSON-LD; Python then only splits strings (no per-element Python work, so a
  50,000-node catalogue costs what its text costs);
- the usual page (no link inside another) is read back from that stream
  with string splits, not a regex over every character;
- folding runs in C: an encode and a decode through a one-byte code page
  of Vietnamese shop text (ASCII, the Vietnamese letters, common signs);
- pages nested deeper than libxml2 reads (2048 levels) are read again
  flattened, instead of losing everything after the depth limit.

Nothing here raises on bad input: a body that cannot be parsed yields an
empty page, and the checks then report "not found".
"""

from __future__ import annotations

import codecs
import json
import re
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from itertools import accumulate, repeat
from operator import attrgetter
from typing import NamedTuple
from urllib.parse import urldefrag, urljoin, urlsplit

import ahocorasick_rs
from lxml import etree

from monitor.domains import DomainError, registrable_domain
from monitor.model import FetchedPage, PageRole
from monitor.text import strip_accents

# Larger bodies are cut: a footer is never 8 MB into a page.
MAX_CHARS = 8_000_000

BLOCK_TAGS = (
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "button", "label", "caption", "center",
)
# Inline elements: joined as a browser joins them, except that two of them
# glued as "2023</span><span>Chủ sở hữu" (a case step between letters or a
# digit and a capital) get a space, as the stylesheet's margins show one.
INLINE_TAGS = ("span", "b", "strong", "a", "em", "i", "font", "small", "u", "sup", "sub", "abbr", "bdi",
               "time", "mark", "cite", "q", "s", "strike", "big", "nobr")
# Not shown as text: scripts and styles, form option lists (province pickers
# would otherwise read as addresses), inline SVG, <noscript> fallbacks (what a
# visitor with scripts on, i.e. every visitor, never sees).
HIDDEN_TAGS = ("script", "style", "template", "head", "select", "option", "svg", "textarea", "iframe", "noscript")

_BREAK = "\ue000"
_LINK_SEP = "\ue001"
_LINK_END = "\ue002"

# Marks the page stylesheet writes into the text stream, taken out before the
# text is cleaned: Unicode noncharacters, which no page carries.
_LINK_OPEN = "\ufdd0"  # a link starts: its href, then _FIELD_END; its text is the stream up to _LINK_CLOSE
_FIELD = "\ufdd1"
_FIELD_END = "\ufdd2"
_AUX = "\ufdd3"  # another record: a letter (B base, T title, H h1, J JSON-LD), the value, _FIELD_END
_LINK_CLOSE = "\ufdd4"
_HIDDEN_OPEN, _HIDDEN_CLOSE = "\ufdd5", "\ufdd6"  # text of a hidden element inside a link
_LINK_FULL = "\ufdd7"  # a link inside a hidden element: href, text, title (fields), _FIELD_END
_JOIN = "\ufdd8"
# Inside a link the breaks and inline marks are these: a link's text drops
# them, while a page's own private-use characters stay in it.
_LINK_BREAK, _LINK_INLINE = "\ufdd9", "\ufdda"
_TOKENS = re.compile(
    f"({_LINK_OPEN}[^{_FIELD_END}]*{_FIELD_END}|{_LINK_CLOSE}|{_HIDDEN_OPEN}[^{_HIDDEN_CLOSE}]*{_HIDDEN_CLOSE}"
    f"|{_LINK_FULL}[^{_FIELD_END}]*{_FIELD_END}|{_AUX}[^{_FIELD_END}]*{_FIELD_END})"
)
_AUX_TOKEN = re.compile(f"{_AUX}[^{_FIELD_END}]*{_FIELD_END}")
# A link holding no other link, read in one regex pass.
_FLAT_LINK = re.compile(f"{_LINK_OPEN}([^{_FIELD_END}]*){_FIELD_END}([^{_LINK_OPEN}{_LINK_CLOSE}{_LINK_FULL}]*){_LINK_CLOSE}")
# The marks of the records, and a hidden text holding none of them.
_MARKS = (_LINK_OPEN, _FIELD, _FIELD_END, _AUX, _LINK_CLOSE, _HIDDEN_OPEN, _HIDDEN_CLOSE, _LINK_FULL)
_HIDDEN_TOKEN = re.compile(f"{_HIDDEN_OPEN}[^{''.join(_MARKS)}]*{_HIDDEN_CLOSE}")
_RECORD_TOKEN = re.compile(f"{_AUX}[^{''.join(_MARKS)}]*{_FIELD_END}")
# What XPath normalize-space() collapses (a run of white space that is not already one space).
_XML_SPACE = re.compile(r"(?: [ \t\r\n]|[\t\r\n])[ \t\r\n]*")
_LINK_MARKS = (_LINK_BREAK, _LINK_INLINE, _HIDDEN_OPEN, _HIDDEN_CLOSE)


def _x(ch: str) -> str:
    return f"&#x{ord(ch):X};"


_HIDDEN_LEAVES = ("script", "style")
_HIDDEN_CONTAINERS = tuple(t for t in HIDDEN_TAGS if t not in _HIDDEN_LEAVES)
_COMPONENTS = "router-link[@to]|nuxt-link[@to]|nuxtlink[@to]"
_LINKS = f"a[@href]|{_COMPONENTS}"
_OPEN_RECORD = f'{_x(_LINK_OPEN)}<xsl:value-of select="@href|@to"/>{_x(_FIELD_END)}'
_FULL_RECORD = (f'{_x(_LINK_FULL)}<xsl:value-of select="@href|@to"/>{_x(_FIELD)}'
                f'<xsl:value-of select="normalize-space(.)"/>{_x(_FIELD)}'
                f'<xsl:value-of select="@title"/>{_x(_FIELD_END)}')
_HIDDEN_TEXT = f'{_x(_HIDDEN_OPEN)}<xsl:value-of select="."/>{_x(_HIDDEN_CLOSE)}'
_H1_RECORD = (f'{_x(_AUX)}H<xsl:for-each select=".//text()"><xsl:value-of select="."/>'
              f'<xsl:text> </xsl:text></xsl:for-each>{_x(_FIELD_END)}')
_TITLE_RECORD = f'{_x(_AUX)}T<xsl:value-of select="node()[1][self::text()]"/>{_x(_FIELD_END)}'
_BASE_RECORD = f'{_x(_AUX)}B<xsl:value-of select="@href"/>{_x(_FIELD_END)}'
_JSON_LD_RECORD = (f"<xsl:if test=\"contains(translate(@type,'LDJSON','ldjson'),'ld+json')\">"
                   f'{_x(_AUX)}J<xsl:value-of select="node()[1][self::text()]"/>{_x(_FIELD_END)}</xsl:if>')


# An icon standing for the label "Fax" (<i class="fa fa-fax">, <span class="i-mdi:fax">): read as the
# word, so the number after it is not taken for a phone.
_FAX_ICONS = "i[contains(@class,'fax')]|span[contains(@class,'fax')]"


def _page_stylesheet() -> str:
    """One pass over the tree, in C, gives everything the checks read from it.

    Mode "" (visible): the text, a break around block elements, a mark around
    inline ones. Mode "l" (inside a link): the same, and the text of hidden
    elements too, between marks (a link's text is all the text it holds, as
    XPath's normalize-space(.) reads it). Mode "h" (inside a hidden element):
    no text, only the records. Records: links (where they open and close),
    <base>, <title>, every <h1>, JSON-LD."""
    block, inline = "|".join(BLOCK_TAGS), "|".join(INLINE_TAGS)
    hidden = "|".join(_HIDDEN_CONTAINERS)
    parts = []
    for mode in ("", "l"):
        m = f' mode="{mode}"' if mode else ""
        hid = _HIDDEN_TEXT if mode == "l" else ""
        br, il = ("&#xE000;", "&#xE004;") if mode == "" else (_x(_LINK_BREAK), _x(_LINK_INLINE))
        parts.append(f"""
<xsl:template match="{hidden}"{m}>{hid}<xsl:apply-templates mode="h"/></xsl:template>
<xsl:template match="script"{m}>{hid}{_JSON_LD_RECORD}</xsl:template>
<xsl:template match="style"{m}>{hid}</xsl:template>
<xsl:template match="{block}"{m}>{br}<xsl:apply-templates{m}/>{br}</xsl:template>
<xsl:template match="{inline}"{m}>{il}<xsl:apply-templates{m}/>{il}</xsl:template>
<xsl:template match="{_FAX_ICONS}"{m}>{il}Fax: <xsl:apply-templates{m}/>{il}</xsl:template>
<xsl:template match="a[@href]"{m}>{il}{_OPEN_RECORD}<xsl:apply-templates mode="l"/>{_x(_LINK_CLOSE)}{il}</xsl:template>
<xsl:template match="{_COMPONENTS}"{m}>{_OPEN_RECORD}<xsl:apply-templates mode="l"/>{_x(_LINK_CLOSE)}</xsl:template>
<xsl:template match="h1" priority="1"{m}>{_H1_RECORD}{br}<xsl:apply-templates{m}/>{br}</xsl:template>
<xsl:template match="title"{m}>{_TITLE_RECORD}<xsl:apply-templates{m}/></xsl:template>
<xsl:template match="base[@href]"{m}>{_BASE_RECORD}<xsl:apply-templates{m}/></xsl:template>""")
    parts.append(f"""
<xsl:template match="text()" mode="h"/>
<xsl:template match="script" mode="h">{_JSON_LD_RECORD}</xsl:template>
<xsl:template match="{_LINKS}" mode="h">{_FULL_RECORD}<xsl:apply-templates mode="h"/></xsl:template>
<xsl:template match="h1" mode="h">{_H1_RECORD}<xsl:apply-templates mode="h"/></xsl:template>
<xsl:template match="title" mode="h">{_TITLE_RECORD}<xsl:apply-templates mode="h"/></xsl:template>
<xsl:template match="base[@href]" mode="h">{_BASE_RECORD}<xsl:apply-templates mode="h"/></xsl:template>""")
    return ('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
            '<xsl:output method="text" encoding="UTF-8"/>' + "".join(parts) + "</xsl:stylesheet>")


_PAGE_XSLT = etree.XSLT(etree.XML(_page_stylesheet()))
_CFEMAILS = etree.XPath("//@data-cfemail")
# Jump menus: a <select> whose options lead to pages ("onchange=location=this.value"),
# with their options holding a value. Read only when a family asks (:attr:`ParsedPage.jump_links`).
_SELECTS = etree.XPath("//select[option[@value]]")
# An onchange handler that sends the visitor to the chosen option's page.
_NAVIGATES = re.compile(r"location|\.href\b|window\.open|navigate|router\.push", re.I)
# An option value a browser can go to: a path or a web address ("/chinh-sach-doi-tra",
# "https://shop.vn/pages/bao-mat"), not a variant id, a province code or a sort key.
_URL_VALUE = re.compile(r"^(?:https?://|/(?!/)|\./|\.\./)\S*$", re.I)
# The elements the link records stand for, in the same (page) order.
_LINK_ELEMENTS = etree.XPath(f"//a[@href]|//{_COMPONENTS.replace('|', '|//')}")
# Fallbacks when the page stylesheet cannot run (libxslt's recursion limit
# on absurdly nested markup): the text as above, and the links on their own
# (a flat loop that never recurses).
_TEXT_XSLT = etree.XSLT(
    etree.XML(
        f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="{'|'.join(HIDDEN_TAGS)}"/>
<xsl:template match="{'|'.join(BLOCK_TAGS)}">&#xE000;<xsl:apply-templates/>&#xE000;</xsl:template>
<xsl:template match="{'|'.join(INLINE_TAGS)}">&#xE004;<xsl:apply-templates/>&#xE004;</xsl:template>
</xsl:stylesheet>"""
    )
)
_LINKS_XSLT = etree.XSLT(
    etree.XML(
        f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/"><xsl:for-each select="//a[@href]|//{_COMPONENTS.replace('|', '|//')}">{_FULL_RECORD}</xsl:for-each></xsl:template>
</xsl:stylesheet>"""
    )
)
# Buttons, submit inputs and forms: tag, text, value, class/id/name, action.
_CONTROLS_XSLT = etree.XSLT(
    etree.XML(
        """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="/"><xsl:for-each select="//button|//input[@type='submit' or @type='button' or @type='image']|//form"><xsl:value-of select="local-name()"/>&#xE001;<xsl:if test="not(self::form)"><xsl:value-of select="normalize-space(.)"/></xsl:if>&#xE001;<xsl:value-of select="@value"/>&#xE001;<xsl:value-of select="@class"/><xsl:text> </xsl:text><xsl:value-of select="@id"/><xsl:text> </xsl:text><xsl:value-of select="@name"/>&#xE001;<xsl:value-of select="@action"/>&#xE001;<xsl:if test="ancestor::form">form</xsl:if>&#xE002;</xsl:for-each></xsl:template>
</xsl:stylesheet>"""
    )
)

_LOWER = "".join(sorted({chr(c) for c in range(0x61, 0x250) if chr(c).islower()} |
                        {chr(c) for c in range(0x1E00, 0x1F00) if chr(c).islower()}))
_UPPER = "".join(sorted({chr(c) for c in range(0x41, 0x250) if chr(c).isupper()} |
                        {chr(c) for c in range(0x1E00, 0x1F00) if chr(c).isupper()}))
# A run of inline marks between a lower-case letter (or a digit) and a capital:
# the literal mark first, so the regex engine skips to it at C speed.
# Or between two inline elements side by side, letter or digit on both sides: a label and its value
# set out by CSS (<span class="k">Mã số thuế</span><span class="v">0110686688</span>); one mark alone
# (a styled first letter, "<b>C</b>ông ty") joins its letters.
_GLUED = re.compile(f"\ue004(?<=[0-9{re.escape(_LOWER)}]\ue004)\ue004*(?=[{re.escape(_UPPER)}])"
                    f"|\ue004(?<=\\w\ue004)\ue004+(?=\\w)")
_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")
_JSX_COMMENT = re.compile(r"\{\s*/\*.*?\*/\s*\}", re.S)
_JSX_OPEN = re.compile(rb"\{/\*")  # a regex skips to "{" faster than `in` finds the three bytes
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_PARSER_OPTIONS = dict(encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False,
                       no_network=True, huge_tree=True)
_INVALID_ENCODING = etree.ErrorTypes.ERR_INVALID_ENCODING
_local = threading.local()


def _parse(data: bytes) -> tuple[etree._Element | None, set[int]]:
    """The tree of ``data`` and the types of the errors libxml2 reported."""
    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, set()
    return root, {e.type for e in parser.error_log} if len(parser.error_log) else set()


# libxml2 stops reading a document nested deeper than 2048 elements (a table
# in a table in a table ..., a <div> left open in every product of a grid) and
# drops the rest of the page, its footer with it. Such a page is read again
# with its containers flattened: block tags become line breaks, inline ones go
# (browsers flatten too, from a depth of 512).
_TOO_DEEP = etree.ErrorTypes.ERR_RESOURCE_LIMIT
_FLAT_BLOCKS = re.compile(
    rb"</?(?:div|table|tbody|thead|tfoot|tr|td|th|section|article|main|aside|header|footer|nav|ul|ol|li|dl|dt|"
    rb"dd|center|blockquote|fieldset|figure|figcaption|details|summary|p|h[1-6])(?=[\s/>])[^>]*>", re.I)
_FLAT_INLINES = re.compile(
    rb"</?(?:span|font|b|i|u|s|em|strong|small|big|sub|sup|label|mark|cite|abbr|nobr|strike|q)(?=[\s/>])[^>]*>", re.I)


def _unless_too_deep(root: etree._Element | None, errors: set[int], data: bytes) -> etree._Element | None:
    if root is None or _TOO_DEEP not in errors:
        return root
    flat, _ = _parse(_FLAT_INLINES.sub(b"", _FLAT_BLOCKS.sub(b"<br>", data)))
    return flat if flat is not None else root


def _parser() -> etree.HTMLParser:
    """This thread's HTML parser: creating one costs more than a small page's parse."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = etree.HTMLParser(**_PARSER_OPTIONS)
    return parser


def _fold_table() -> dict[int, str]:
    """Per-character fold that keeps length: ``Ắ``→``a``, ``Đ``→``d``, ``A``→``a``."""
    table: dict[int, str] = {}
    ranges = [range(0x41, 0x5B), range(0xA0, 0x250), range(0x1E00, 0x1F00), range(0x2000, 0x2070)]
    for block in ranges:
        for code in block:
            ch = chr(code)
            folded = strip_accents(ch).lower()
            if ch.isspace():
                table[code] = " "
            elif len(folded) == 1 and folded != ch:
                table[code] = folded
    # Typographic dashes and quotes fold to ASCII so one regex covers them.
    for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        table[ord(ch)] = "-"
    for ch in "\u2018\u2019\u201a\u201b":
        table[ord(ch)] = "'"
    for ch in "\u201c\u201d\u201e\u201f":
        table[ord(ch)] = '"'
    table[0xFF1A] = ":"  # full-width colon
    return table


FOLD_TABLE = _fold_table()


# Folding a long text at C speed: the text is encoded with a one-byte code
# page of the characters shop text is made of (ASCII, the 134 Vietnamese
# letters, common signs) and decoded with the same code page folded. A
# character outside it (an emoji, another script) is encoded as _FOLD_ESCAPE
# and folded on its own afterwards. The result is exactly
# ``text.translate(FOLD_TABLE)``, several times faster than str.translate
# (which looks every non-ASCII character up in a dict).
_FOLD_ESCAPE = "\ufdef"  # a noncharacter: a text holding it is folded by str.translate
_FOLD_ERRORS = "monitor-fold-escape"
_FOLD_SIGNS = "\xa0₫©®·–—‘’“”…•×°«»²³½¼→"


def _fold_code_page() -> tuple[object, str]:
    """(encoding map, folded decoding table) of the code page described above."""
    letters = []
    for base in ("a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y"):
        for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"):
            for cased in (base, base.upper()):
                letter = unicodedata.normalize("NFC", cased + tone)
                if not letter.isascii():
                    letters.append(letter)
    # NUL first (the C encoder's fast table needs it there); U+FFFE marks unused bytes
    chars = ["\0", "\t", "\n", "\r", *map(chr, range(0x20, 0x7F)), *letters, "đ", "Đ", _FOLD_ESCAPE, *_FOLD_SIGNS]
    if len(set(chars)) != len(chars) or len(chars) > 256:  # pragma: no cover - a table edit gone wrong
        raise ValueError("the fold code page needs 256 distinct characters at most")
    page = "".join(chars).ljust(256, "\ufffe")
    folded = "".join(ch if ch == "\ufffe" else FOLD_TABLE.get(ord(ch), ch) for ch in page)
    return codecs.charmap_build(page), folded


_FOLD_ENCODING, _FOLD_DECODING = _fold_code_page()
codecs.register_error(_FOLD_ERRORS, lambda exc: (_FOLD_ESCAPE * (exc.end - exc.start), exc.end))
_charmap_encode, _charmap_decode = codecs.charmap_encode, codecs.charmap_decode


def fold_keep_length(text: str) -> str:
    """:func:`monitor.text.fold` without collapsing space: same length as ``text``.

    ``text`` must already be NFC-normalised.
    """
    if text.isascii():
        return text.lower()  # the table maps nothing else below 0x80
    if len(text) < 32 or _FOLD_ESCAPE in text:
        return text.translate(FOLD_TABLE)
    folded = _charmap_decode(_charmap_encode(text, _FOLD_ERRORS, _FOLD_ENCODING)[0], "strict", _FOLD_DECODING)[0]
    if _FOLD_ESCAPE not in folded:
        return folded
    # characters outside the code page, folded one run at a time
    parts = []
    done = 0
    pos = folded.find(_FOLD_ESCAPE)
    while pos >= 0:
        end = pos + 1
        while end < len(folded) and folded[end] == _FOLD_ESCAPE:
            end += 1
        parts.append(folded[done:pos])
        parts.append(text[pos:end].translate(FOLD_TABLE))
        done = end
        pos = folded.find(_FOLD_ESCAPE, end)
    parts.append(folded[done:])
    return "".join(parts)


def clean_text(raw: str) -> str:
    """Stylesheet output to visible text: glued inline runs split, spaces
    collapsed, one line per run of block breaks."""
    if "\ue004" in raw:
        raw = _GLUED.sub(" ", raw).replace("\ue004", "")
    for zw in _ZERO_WIDTH:
        if zw in raw:
            raw = raw.replace(zw, " ")
    # Collapsed every time: asking first whether it is needed costs more.
    raw = " ".join(raw.split())
    if _BREAK not in raw:
        return raw
    # One line per run of breaks, without the spaces around them: with single
    # spaces only, dropping the space beside each break strips every line.
    raw = raw.replace(" " + _BREAK, _BREAK).replace(_BREAK + " ", _BREAK)
    return "\n".join(filter(None, raw.split(_BREAK)))


def visible_text_of(root: etree._Element) -> str:
    """The visible text of a tree, one line per block element."""
    try:
        raw = str(_TEXT_XSLT(root))
    except (etree.XSLTApplyError, ValueError):  # pragma: no cover - libxslt limits
        return ""
    return clean_text(raw)


class _Extract(NamedTuple):
    """What the page stylesheet read from a tree."""

    text: str  # visible text, NFC
    links: list[tuple[str, str, str | None, int]]  # (href as written, text, title or None, ordinal), NFC
    aux: list[str]  # other records: kind letter + value, page order


def _extract(root: etree._Element) -> _Extract:
    try:
        raw = str(_PAGE_XSLT(root))
    except (etree.XSLTApplyError, ValueError):
        # libxslt gives up on absurdly deep nesting: read the text (or nothing) and the links apart
        return _Extract(unicodedata.normalize("NFC", visible_text_of(root)), _links_only(root), [])
    if _FIELD_END not in raw and _LINK_CLOSE not in raw:
        return _Extract(unicodedata.normalize("NFC", clean_text(raw)), [], [])
    flat = _flat_links(raw)
    if flat is not None:
        # no link inside another, none in hidden elements: string splits read them all
        stream, hrefs, texts = flat
        aux = _RECORD_TOKEN.findall(raw) if _AUX in raw else []
        hidden = len(_HIDDEN_TOKEN.findall(raw)) if _HIDDEN_OPEN in raw else 0
        if _only_records(raw, len(hrefs), len(aux), hidden) and _plain_hrefs(hrefs):
            if aux:  # a record inside a link (an <h1> in it) is no part of its text
                texts = [_AUX_TOKEN.sub("", t) if _AUX in t else t for t in texts]
                stream = _AUX_TOKEN.sub("", stream)
            if hidden and _HIDDEN_OPEN in stream:  # the text of hidden elements inside links
                stream = _HIDDEN_TOKEN.sub("", stream)
            links = _rows(hrefs, _link_texts(texts), [None] * len(hrefs), range(len(hrefs)))
            return _Extract(_visible(stream), links, [t[1:-1] for t in aux])
    return _extract_tokens(raw)


def _extract_tokens(raw: str) -> _Extract:
    """The stream read token by token by one regex: any page, links in links too."""
    parts = _TOKENS.split(raw)
    tokens = parts[1::2]
    aux = [t[1:-1] for t in tokens if t[0] == _AUX]
    text = _visible("".join(parts[0::2]))
    opened = raw.count(_LINK_OPEN)
    if not opened:
        return _Extract(text, _full_rows([t for t in tokens if t[0] == _LINK_FULL], 0), aux)
    flat = _FLAT_LINK.findall(raw)
    if len(flat) == opened and _LINK_FULL not in raw:
        # no link inside another, none in hidden elements: one regex pass read them all
        hrefs = [h for h, _ in flat]
        texts = [t for _, t in flat]
        if _AUX in raw:  # a record inside a link (an <h1> in it) is no part of its text
            texts = [_AUX_TOKEN.sub("", t) if _AUX in t else t for t in texts]
        return _Extract(text, _rows(hrefs, _link_texts(texts), [None] * len(hrefs), range(len(hrefs))), aux)
    return _Extract(text, _nested_links(parts), aux)


def _visible(text: str) -> str:
    """The page text from the stream with every record taken out."""
    if _LINK_BREAK in text or _LINK_INLINE in text:
        text = text.replace(_LINK_BREAK, _BREAK).replace(_LINK_INLINE, "\ue004")
    return unicodedata.normalize("NFC", clean_text(text))


def _only_records(raw: str, links: int, aux: int, hidden: int) -> bool:
    """Whether the marks in ``raw`` are those of ``links`` links and of ``aux``
    records and ``hidden`` hidden texts holding no mark: then the string splits
    read the stream as the token regex reads it. A page carrying the marks itself
    (noncharacters, in a text or an attribute) is read by the regex."""
    counts = [raw.count(mark) for mark in _MARKS]
    return counts == [links, 0, links + aux, aux, links, hidden, hidden, 0]


def _plain_hrefs(hrefs: list[str]) -> bool:
    """No href holds the start of a record (the token regex would read it as part of the href)."""
    joined = "".join(hrefs)
    return _AUX not in joined and _HIDDEN_OPEN not in joined and _LINK_CLOSE not in joined


def _flat_links(raw: str) -> tuple[str, list[str], list[str]] | None:
    """(the stream without link marks, hrefs, each link's part of the stream) when
    no link holds another and none sits in a hidden element (the usual page), else None.

    What is left in the stream are the other records (hidden text inside links,
    <h1>, <title> and JSON-LD records)."""
    if _LINK_FULL in raw:
        return None
    pieces = raw.split(_LINK_OPEN)
    hrefs: list[str] = []
    texts: list[str] = []
    stream = [pieces[0]]
    for piece in pieces[1:]:  # the href, _FIELD_END, the link's text, _LINK_CLOSE, the text after it
        href, opened, rest = piece.partition(_FIELD_END)
        inner, closed, after = rest.partition(_LINK_CLOSE)
        if not opened or not closed or _LINK_CLOSE in after:
            return None  # a link inside another: read token by token
        hrefs.append(href)
        texts.append(inner)
        stream.append(inner)
        stream.append(after)
    return "".join(stream), hrefs, texts


def _link_texts(raw_texts: list[str]) -> list[str]:
    """What normalize-space(.) gives for each link, from its part of the stream: marks
    dropped, runs of XML white space one space, none at the ends."""
    joined = _JOIN.join(raw_texts)
    for mark in _LINK_MARKS:
        if mark in joined:
            joined = joined.replace(mark, "")
    if "  " in joined or "\n" in joined or "\t" in joined or "\r" in joined:  # else nothing to collapse
        joined = _XML_SPACE.sub(" ", joined)
    return [t.strip(" ") for t in joined.split(_JOIN)]


def _rows(hrefs: list[str], texts: list[str], titles: "list[str | None]",
          ordinals: "Iterable[int]") -> list[tuple[str, str, str | None, int]]:
    """Link rows, NFC-normalised, without the links whose href is empty."""
    if not hrefs:
        return []
    joined = _JOIN.join(hrefs)
    if not joined.isascii():  # (NFC leaves ASCII as it is)
        hrefs = unicodedata.normalize("NFC", joined).split(_JOIN)
    joined = _JOIN.join(texts)
    if not joined.isascii():
        texts = unicodedata.normalize("NFC", joined).split(_JOIN)
    if len(hrefs) != len(texts):  # a page carrying the join mark itself: read it link by link
        hrefs = [unicodedata.normalize("NFC", h) for h in hrefs]
        texts = [unicodedata.normalize("NFC", t) for t in texts]
    if titles.count(None) != len(titles):
        titles = [t if t is None else unicodedata.normalize("NFC", t) for t in titles]
    if all(map(str.strip, hrefs)):
        return list(zip(hrefs, texts, titles, ordinals))
    return [row for row in zip(hrefs, texts, titles, ordinals) if row[0].strip()]


def _full_rows(records: list[str], first: int) -> list[tuple[str, str, str | None, int]]:
    hrefs, texts, titles, ordinals = [], [], [], []
    for i, rec in enumerate(records):
        fields = rec[1:-1].split(_FIELD)
        if len(fields) == 3:
            hrefs.append(fields[0]), texts.append(fields[1]), titles.append(fields[2]), ordinals.append(first + i)
    return _rows(hrefs, texts, titles, ordinals)


def _nested_links(parts: list[str]) -> list[tuple[str, str, str | None, int]]:
    """Links read token by token: a link inside another, or inside a hidden element."""
    hrefs: list[str] = []
    texts: list[str | None] = []
    titles: list[str | None] = []
    open_links: list[tuple[int, int]] = []  # (row, index of its opening token in parts)
    for j in range(1, len(parts), 2):
        token = parts[j]
        kind = token[0]
        if kind == _LINK_OPEN:
            open_links.append((len(hrefs), j))
            hrefs.append(token[1:-1]), texts.append(None), titles.append(None)
        elif kind == _LINK_CLOSE and open_links:
            row, start = open_links.pop()
            # the link's text: the stream between its marks, hidden text included, records left out
            pieces = [parts[k] if k % 2 == 0 or parts[k][0] == _HIDDEN_OPEN else "" for k in range(start + 1, j)]
            texts[row] = "".join(pieces)
        elif kind == _LINK_FULL:
            fields = token[1:-1].split(_FIELD)
            hrefs.append(fields[0] if len(fields) == 3 else "")
            texts.append(fields[1] if len(fields) == 3 else "")
            titles.append(fields[2] if len(fields) == 3 else "")
    stream = [i for i, t in enumerate(titles) if t is None and texts[i] is not None]
    for i, t in zip(stream, _link_texts([texts[i] for i in stream])):  # type: ignore[misc]
        texts[i] = t
    keep = [i for i in range(len(hrefs)) if texts[i] is not None]
    return _rows([hrefs[i] for i in keep], [texts[i] for i in keep], [titles[i] for i in keep], keep)  # type: ignore[misc]


def _links_only(root: etree._Element) -> list[tuple[str, str, str | None, int]]:
    try:
        raw = str(_LINKS_XSLT(root))
    except (etree.XSLTApplyError, ValueError):  # pragma: no cover
        return []
    return _full_rows([t for t in _TOKENS.split(raw)[1::2] if t[0] == _LINK_FULL], 0)


@lru_cache(maxsize=8192)
def join_url(base: str, href: str) -> str:
    try:
        return urljoin(base, href)
    except ValueError:
        return href


class Link(NamedTuple):
    """One link as a visitor sees it: the href as written, its text (folded too).

    Its title is read only when asked for (:meth:`ParsedPage.link_title`):
    ``title`` is None until then for most links."""

    href: str  # as written, stripped
    base: str  # the page's base URL
    text: str
    folded: str
    title: str | None
    ordinal: int  # place among the page's links (a[@href] and link components), page order

    @property
    def url(self) -> str:
        """Absolute URL (computed on demand: most links are never resolved)."""
        if self.href.startswith(("http://", "https://")):
            return self.href
        return join_url(self.base, self.href)


_new_link = partial(tuple.__new__, Link)
_HREF, _FOLDED = attrgetter("href"), attrgetter("folded")


@dataclass(frozen=True)
class Control:
    """A button, a submit input or a form."""

    tag: str
    text: str  # folded
    attrs: str  # class, id and name, lower case
    action: str  # forms only, as written
    in_form: bool = False  # a button or input inside a <form>


@dataclass(frozen=True)
class Script:
    type: str
    text: str


_NON_HTML_PREFIXES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"RIFF")


def _looks_like_html(page: FetchedPage) -> bool:
    ctype = page.headers.get("content-type", "") if page.headers else ""
    ctype = ctype.lower()
    if ctype and not any(k in ctype for k in ("html", "xml", "text/plain")):
        return False
    head = page.body[:16]
    return not head.startswith(_NON_HTML_PREFIXES)


def is_portal_url(url: str) -> bool:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    return host == "online.gov.vn" or host.endswith(".online.gov.vn")


_ANCHOR_MIN = 1024


class Anchored:
    """A regex with literals of which every match holds at least one.

    ``hits`` gives the same parts as running the regex over the joined string
    would (parts hold no newline, matches never cross one), trying the regex
    only on the parts where a literal occurs."""

    def __init__(self, rx: re.Pattern[str], literals: "Iterable[str]"):
        self.rx = rx
        kept: list[str] = []
        for lit in sorted(set(literals), key=len):  # a literal holding a shorter one adds nothing
            if not lit or "\n" in lit:
                raise ValueError(f"a literal must be a non-empty string on one line: {lit!r}")
            if not any(k in lit for k in kept):
                kept.append(lit)
        self.literals = tuple(kept)
        # One pass for all literals. Leftmost-first matching skips occurrences
        # overlapping a reported one, but those lie in the same part (no
        # literal holds a newline), so the parts found are the same.
        self._find = ahocorasick_rs.AhoCorasick(kept, matchkind=ahocorasick_rs.MatchKind.LeftmostFirst
                                                ).find_matches_as_indexes

    @property
    def pattern(self) -> str:
        return self.rx.pattern

    def hits(self, joined: str, starts: list[int]) -> set[int]:
        """Indexes of the parts of ``joined`` (part ``i`` begins at ``starts[i]``,
        a newline after each) where the regex matches: tried only on the parts
        where a literal occurs."""
        if len(joined) <= _ANCHOR_MIN:  # a few links: one regex pass costs less than the literal pass and a search
            return {bisect_right(starts, m.start()) - 1 for m in self.rx.finditer(joined)}
        candidates = {bisect_right(starts, pos) - 1 for _, pos, _ in self._find(joined)}
        search = self.rx.search
        return {i for i in candidates if search(joined, starts[i], starts[i + 1] - 1)}


class _Needles:
    """The byte strings the checks look for in raw pages, found in one pass.

    An ``in`` test reads the whole page (about 0.1 ms for 170 KB on a slow
    core) and a page is asked about some thirty strings (badge image names,
    shop platforms' asset hosts ...). The strings asked for are the checks'
    constants: they are learnt as they are first asked, and from then on one
    Aho–Corasick pass (Rust, with a SIMD prefilter) answers for all of them.
    Leftmost-first matching reports no overlapping occurrences, so strings
    that can overlap are put in different automata (a handful): the answers
    are exactly those of ``in``.
    """

    LIMIT = 512  # past this many, strings are tested on their own (checks asking about page-derived strings)

    def __init__(self) -> None:
        self._known: dict[bytes, None] = {}
        self._built: tuple | None = None  # (automaton, its strings) per group of strings that cannot overlap
        self._lock = threading.Lock()

    def learn(self, needle: bytes) -> None:
        if needle and needle not in self._known and len(self._known) < self.LIMIT:
            with self._lock:
                self._known[needle] = None
                self._built = None

    def scan(self, haystack: bytes) -> dict[bytes, bool]:
        """Whether ``haystack`` holds each string learnt so far."""
        built = self._built
        if built is None:
            if not self._known:
                return {}
            built = self._build()
        # answers for the strings of the automata read (one learnt meanwhile is tested on its own)
        out = {needle: False for _, group in built for needle in group}
        for automaton, group in built:
            matches = automaton.find_matches_as_indexes(haystack)
            if matches:
                for i in set(next(zip(*matches))):  # the matched strings' indexes, gathered in C
                    out[group[i]] = True
        return out

    def _build(self) -> tuple:
        """One automaton per group of strings none of which can start inside another:
        leftmost-first matching then skips no occurrence of any of them."""
        with self._lock:
            groups: list[list[bytes]] = []
            for needle in self._known:
                for group in groups:
                    if not any(_starts_inside(needle, other) or _starts_inside(other, needle) for other in group):
                        group.append(needle)
                        break
                else:
                    groups.append([needle])
            self._built = tuple(
                (ahocorasick_rs.BytesAhoCorasick(group, matchkind=ahocorasick_rs.MatchKind.LeftmostFirst), tuple(group))
                for group in groups)
            return self._built


def _starts_inside(b: bytes, a: bytes) -> bool:
    """Whether an occurrence of ``b`` can start inside one of ``a`` (at its start included)."""
    return any(a.startswith(b[: len(a) - k], k) for k in range(len(a)))


NEEDLES = _Needles()


class Haystack:
    """Answers, remembered, to "does this byte string hold that one?" (see :class:`_Needles`)."""

    __slots__ = ("data", "_memo", "_scanned")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._memo: dict[bytes, bool] = {}
        self._scanned = False

    def holds(self, needle: bytes) -> bool:
        memo = self._memo
        found = memo.get(needle)
        if found is not None:
            return found
        if not self._scanned:
            self._scanned = True
            memo.update(NEEDLES.scan(self.data))
            found = memo.get(needle)
            if found is not None:
                return found
        NEEDLES.learn(needle)
        found = memo[needle] = needle in self.data
        return found


class ParsedPage:
    """A fetched page parsed once; attributes are computed on first use."""

    def __init__(self, page: FetchedPage | None = None, *, html: str | None = None, url: str = ""):
        self.page = page
        self.url = (page.final_url or page.url) if page is not None else url
        self.sha256 = page.sha256 if page is not None else None
        self._html = html
        self.role = page.role if page is not None else PageRole.SAVED

    @classmethod
    def from_html(cls, html: str, url: str) -> "ParsedPage":
        return cls(None, html=html, url=url)

    # -- raw forms -----------------------------------------------------
    @cached_property
    def is_portal(self) -> bool:
        return self.role == PageRole.PORTAL or is_portal_url(self.url)

    @cached_property
    def site(self) -> str | None:
        """The registrable domain of the page's URL (``shop.vn`` for ``https://www.shop.vn/``), or
        None when it has none (a saved file, an IP address)."""
        try:
            return registrable_domain(self.url)
        except (DomainError, ValueError):
            return None

    @cached_property
    def html(self) -> str:
        if self._html is not None:
            text = self._html
        elif self.page is None or not self.page.body or not _looks_like_html(self.page):
            return ""
        else:
            try:
                text = self.page.text
            except Exception:  # noqa: BLE001 - a body we cannot decode reads as empty
                return ""
        text = text[:MAX_CHARS]
        if "{/*" in text:  # JSX comments left in markup are not shown
            text = _JSX_COMMENT.sub(" ", text)
        return text

    @cached_property
    def raw_lower(self) -> bytes:
        """Lower-cased bytes for cheap keyword pre-checks (ASCII lowering only)."""
        if self.page is not None and self._html is None:
            return self.page.body[:MAX_CHARS].lower()
        return self.html.encode("utf-8", "replace").lower()

    @cached_property
    def _raw_needles(self) -> "Haystack":
        return Haystack(self.raw_lower)

    def mentions(self, *needles: bytes) -> bool:
        """Whether the raw page (lower case) contains one of ``needles``."""
        return any(map(self._raw_needles.holds, needles))

    @cached_property
    def raw_ends(self) -> bytes:
        """Head and tail of the page: where themes load their platform's assets."""
        raw = self.raw_lower
        if len(raw) <= 49152:
            return raw
        return raw[:32768] + b"\n" + raw[-16384:]

    @cached_property
    def _ends_needles(self) -> "Haystack":
        raw = self.raw_ends
        return self._raw_needles if raw is self.raw_lower else Haystack(raw)

    def mentions_near_ends(self, *needles: bytes) -> bool:
        return any(map(self._ends_needles.holds, needles))

    def _utf8_body(self) -> bytes | None:
        """The body itself when the parser can read it as is (UTF-8, as most pages are), else None."""
        page = self.page
        if page is None or self._html is not None or "text" in page.__dict__:
            return None
        body = page.body
        if len(body) < 1024 or len(body) > MAX_CHARS or not _looks_like_html(page):
            return None
        if body.startswith(b"\xef\xbb\xbf"):
            body = body[3:]
        if _JSX_OPEN.search(body) or b"<?xml" in body[:1024].lower():
            return None
        return body

    @cached_property
    def tree(self) -> etree._Element | None:
        body = self._utf8_body()
        if body is not None:
            # Parsed straight from the bytes; libxml2 reports bytes that are not
            # UTF-8, and such a body is decoded as FetchedPage.text decodes it.
            root, errors = _parse(body)
            if root is not None and _INVALID_ENCODING not in errors:
                return _unless_too_deep(root, errors, body)
        html = self.html
        if not html.strip():
            return None
        data = _XML_DECL.sub("", html, count=1).encode("utf-8", "replace")
        root, errors = _parse(data)
        return _unless_too_deep(root, errors, data)

    # -- derived forms -------------------------------------------------
    @cached_property
    def _extracted(self) -> _Extract:
        root = self.tree
        if root is None:
            return _Extract("", [], [])
        return _extract(root)

    def _aux(self, kind: str) -> list[str]:
        return [r[1:] for r in self._extracted.aux if r[:1] == kind]

    @cached_property
    def text(self) -> str:
        return self._extracted.text

    @cached_property
    def folded(self) -> str:
        return fold_keep_length(self.text)

    @cached_property
    def title(self) -> str:
        titles = self._aux("T")
        return " ".join(titles[0].split()) if titles else ""

    @cached_property
    def h1(self) -> str:
        """Text of the first ``<h1>``, on one line."""
        headings = self._aux("H")
        return " ".join(headings[0].split()) if headings else ""

    @cached_property
    def base_url(self) -> str:
        for href in self._aux("B"):
            try:
                return urljoin(self.url, href.strip())
            except ValueError:
                break
        return self.url

    def absolute(self, href: str) -> str:
        href = href.strip()
        try:
            return urljoin(self.base_url, href)
        except ValueError:
            return href

    @cached_property
    def links(self) -> list[Link]:
        rows = self._extracted.links
        if not rows:
            return []
        hrefs, texts, titles, ordinals = zip(*rows)
        # every link text folded in one call: same length, same split points (a
        # link text is normalize-space()d: it holds no line break)
        folded = fold_keep_length("\n".join(texts)).split("\n")
        if len(folded) != len(texts):  # pragma: no cover - a link text with a line break after all
            folded = [fold_keep_length(t) for t in texts]
        # tuple.__new__ builds the named tuples in C: a product grid has hundreds of links
        return list(map(_new_link, zip(map(str.strip, hrefs), repeat(self.base_url), texts, folded, titles, ordinals)))

    def link_title(self, link: Link) -> str:
        """The title attribute of a link (read from the tree the first time one is asked for)."""
        if link.title is not None:
            return link.title
        titles = self.__dict__.get("_link_titles")
        if titles is None:
            root = self.tree
            elements = _LINK_ELEMENTS(root) if root is not None else []
            titles = self.__dict__["_link_titles"] = [unicodedata.normalize("NFC", el.get("title") or "")
                                                      for el in elements]
        return titles[link.ordinal] if link.ordinal < len(titles) else ""

    @cached_property
    def jump_links(self) -> list[Link]:
        """The options of jump menus, as links: ``<select onchange="location=this.value">``
        whose ``<option value="/chinh-sach-doi-tra">`` take the visitor to a page.

        Not among :attr:`links`: a menu option is no ``<a>`` for the other families
        (ordering, badges). A select navigates when its onchange handler does, or,
        outside a form, when every option holding a value holds a path or web
        address; a select of a form (a variant, a province) is submitted, not
        followed. Each option's text is its link text."""
        root = self.tree
        if root is None or not self.mentions(b"<select"):
            return []
        out: list[Link] = []
        first = len(self._extracted.links)  # ordinals past the <a> links: no title to read
        for select in _SELECTS(root):
            options = [(o.get("value") or "").strip() for o in select.iter("option")]
            values = [v for v in options if v]
            if not values or not _navigates(select, values):
                continue
            for option in select.iter("option"):
                href = (option.get("value") or "").strip()
                if not _URL_VALUE.match(href):
                    continue
                text = unicodedata.normalize("NFC", " ".join("".join(option.itertext()).split()))
                out.append(Link(unicodedata.normalize("NFC", href), self.base_url, text,
                                fold_keep_length(text), None, first + len(out)))
        return out

    def followable_links(self) -> list[tuple[str, str]]:
        """Where a visitor can go from this page, for the crawler: each link's and each
        jump-menu option's absolute http(s) URL (fragment dropped) with its text, or
        its title when it has none (an icon-only link), in page order."""
        out: list[tuple[str, str]] = []
        for link in (*self.links, *self.jump_links):
            href = link.href
            if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
                continue
            try:
                url = urldefrag(link.url)[0]
            except ValueError:  # an address no browser could open ("http://[::1")
                continue
            if url.startswith(("http://", "https://")):
                out.append((url, link.text or self.link_title(link)))
        return out

    @cached_property
    def unique_links(self) -> list[Link]:
        """Links with distinct (href, text): a product grid repeats each link twice or more."""
        links = self.links
        keys = list(zip(map(_HREF, links), map(_FOLDED, links)))
        first = dict(zip(reversed(keys), reversed(links)))  # the first link of each key wins
        return [first[key] for key in dict.fromkeys(keys)]

    @cached_property
    def _joined_links(self) -> tuple[str, str, list[int], list[int]]:
        links = self.unique_links
        texts = [link.folded for link in links]
        hrefs = [link.href.lower() for link in links]
        # where each link starts in the joined strings ("\n" after each)
        text_starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))
        href_starts = list(accumulate(map((1).__add__, map(len, hrefs)), initial=0))
        return "\n".join(texts), "\n".join(hrefs), text_starts, href_starts

    @property
    def link_hrefs_lower(self) -> str:
        """Every distinct link href, lower-cased, one per line."""
        return self._joined_links[1]

    @cached_property
    def _link_text_set(self) -> frozenset[str]:
        return frozenset(link.folded for link in self.unique_links)

    def is_link_text(self, folded: str) -> bool:
        """Whether ``folded`` (a folded line of :attr:`text`) is the whole text of a link: a line
        of a menu or a list of links, not text of the page's own."""
        return bool(folded) and folded in self._link_text_set

    def links_matching(self, text_rx: "re.Pattern[str] | Anchored | None" = None,
                       href_rx: "re.Pattern[str] | Anchored | None" = None) -> list[Link]:
        """Unique links whose folded text matches ``text_rx`` or whose lower-cased
        href matches ``href_rx``, in page order: one regex pass over all links
        instead of one call per link. An :class:`Anchored` pattern is only tried
        on the links that hold one of its literals (``str.find`` runs at C speed,
        a regex of a hundred phrases does not)."""
        links = self.unique_links
        if not links:
            return []
        texts, hrefs, text_starts, href_starts = self._joined_links
        hits: set[int] = set()
        for rx, joined, starts in ((text_rx, texts, text_starts), (href_rx, hrefs, href_starts)):
            if rx is None:
                continue
            if isinstance(rx, Anchored):
                hits.update(rx.hits(joined, starts))
                continue
            for m in rx.finditer(joined):
                hits.add(bisect_right(starts, m.start()) - 1)
        return [links[i] for i in sorted(hits)]

    @cached_property
    def controls(self) -> list[Control]:
        root = self.tree
        if root is None:
            return []
        try:
            raw = str(_CONTROLS_XSLT(root))
        except (etree.XSLTApplyError, ValueError):  # pragma: no cover
            return []
        out = []
        for chunk in dict.fromkeys(raw.split(_LINK_END)):  # identical buttons of a product grid count once
            parts = chunk.split(_LINK_SEP)
            if len(parts) != 6:
                continue
            tag, text, value, attrs, action, in_form = parts
            label = fold_keep_length(unicodedata.normalize("NFC", f"{text} {value}")).strip()
            out.append(Control(tag, " ".join(label.split()), attrs.lower(), action.strip(), in_form == "form"))
        return list(dict.fromkeys(out))

    @cached_property
    def scripts(self) -> list[Script]:
        root = self.tree
        if root is None:
            return []
        out = []
        for el in root.iter("script"):
            body = el.text
            if body and body.strip():
                out.append(Script((el.get("type") or "").strip().lower(), body))
        return out

    @cached_property
    def cfemails(self) -> list[str]:
        """``data-cfemail`` values (Cloudflare-protected e-mail addresses), in page order."""
        root = self.tree
        if root is None or not self.mentions(b"data-cfemail"):
            return []
        return [str(value) for value in _CFEMAILS(root)]

    @cached_property
    def json_ld(self) -> list[dict]:
        """Every JSON-LD object on the page, ``@graph`` members flattened."""
        found: list[dict] = []
        for body in self._aux("J"):
            if not body.strip():
                continue
            try:
                data = json.loads(body.strip().rstrip(";"), strict=False)
            except (ValueError, RecursionError):
                continue
            _flatten_json_ld(data, found, 0)
        return found


def _navigates(select: etree._Element, values: list[str]) -> bool:
    """Whether choosing an option of ``select`` (option ``values``) opens a page."""
    if _NAVIGATES.search(select.get("onchange") or ""):
        return True
    in_form = any(True for _ in select.iterancestors("form"))
    return not in_form and all(_URL_VALUE.match(v) for v in values)


def _flatten_json_ld(data: object, out: list[dict], depth: int) -> None:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            _flatten_json_ld(item, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        graph = data.get("@graph")
        if graph is not None:
            _flatten_json_ld(graph, out, depth + 1)


def json_ld_types(item: dict) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1].lower() for k in kinds if k}


def excerpt(text: str, start: int, end: int, width: int = 80) -> str:
    """The matched span with ``width`` characters either side, on one line."""
    lo = max(0, start - width)
    hi = min(len(text), end + width)
    snippet = text[lo:hi].replace("\n", " | ")
    return ("…" if lo > 0 else "") + snippet.strip() + ("…" if hi < len(text) else "")


def parse_pages(pages: list[FetchedPage]) -> list[ParsedPage]:
    return [ParsedPage(p) for p in pages]
