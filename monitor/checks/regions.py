"""Where the site speaks for itself: the page footer.

A page may name many entities (a marketplace seller, a product's maker, the
companies in a job list, an example footer in a legal article); the site's
own owner disclosure stands in the footer (vn-rules §1.2: "trang chủ ... or
in the footer"). The footer is the page's last ``<footer>`` element outside an
article, or else its outermost element whose id or class names a footer; its
place in :attr:`ParsedPage.text` is found from its first lines of text.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from monitor.checks.page import ParsedPage

# Footers of a part of the page, not of the page itself (Bootstrap cards, modals, posts).
_LOCAL_FOOTERS = re.compile(r"(?:card|modal|entry|post|panel|article|product|item|comment|widget|table|box)"
                            r"[-_]?footer|footer[-_]?(?:card|modal|item|btn|button|link|logo|icon)s?\b")
_DEPTH = 8  # levels below <body> searched for a footer named by its class or id
_WIDTH = 40  # last elements of a level searched (and descended into)
_NO_TEXT = frozenset({"script", "style", "noscript", "template", "svg"})
_CHUNKS = 4  # first lines of the footer tried to find it in the text
_NEAR = 300  # the footer's second line follows its first within this many characters


def footer_element(p: ParsedPage) -> etree._Element | None:
    """The page's footer element, or None (remembered on the page)."""
    cache = p.__dict__
    if "_region_footer" not in cache:
        cache["_region_footer"] = _find_footer(p)
    return cache["_region_footer"]


def footer_start(p: ParsedPage) -> int | None:
    """Where the footer's text starts in ``p.text`` (and ``p.folded``), or None."""
    cache = p.__dict__
    if "_region_footer_start" not in cache:
        el = footer_element(p)
        cache["_region_footer_start"] = None if el is None else _text_start(p.text, el)
    return cache["_region_footer_start"]


def _find_footer(p: ParsedPage) -> etree._Element | None:
    root = p.tree
    if root is None or not p.mentions(b"footer"):
        return None
    if p.mentions(b"<footer"):
        tags = [el for el in root.iter("footer") if not _inside(el, ("article", "footer"))]
        if tags:
            return tags[-1]
    return _marked_footer(root)


def _marked_footer(root: etree._Element) -> etree._Element | None:
    """The outermost element named footer, searched level by level among the last elements of the
    page (the footer closes it): a query over every element's attributes costs more than the checks."""
    body = root.find("body")
    level = [root if body is None else body]
    for _ in range(_DEPTH):
        children = [c for el in level for c in list(el)[-_WIDTH:] if isinstance(c.tag, str)]
        marked = [c for c in children if _names_footer(c)]
        if marked:
            return marked[-1]
        level = children[-_WIDTH:]
    return None


def _names_footer(el: etree._Element) -> bool:
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return "footer" in names and not _LOCAL_FOOTERS.search(names)


def _inside(el: etree._Element, tags: tuple[str, ...]) -> bool:
    return any(a.tag in tags for a in el.iterancestors())


def _chunks(el: etree._Element) -> list[str]:
    """The footer's first pieces of visible text, in reading order (text, children, tails)."""
    out: list[str] = []
    hidden = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in _NO_TEXT or not tag:
                hidden += 1
            elif not hidden:
                _add_chunk(out, node.text)
        else:
            if tag in _NO_TEXT or not tag:
                hidden -= 1
            if not hidden and node is not el:
                _add_chunk(out, node.tail)
            if len(out) >= _CHUNKS:
                break
    return out


def _add_chunk(out: list[str], raw: str | None) -> None:
    value = " ".join(unicodedata.normalize("NFC", raw or "").split())
    if len(value) >= 3:
        out.append(value)


def _text_start(text: str, el: etree._Element) -> int | None:
    chunks = _chunks(el)
    for i, chunk in enumerate(chunks):
        following = chunks[i + 1] if i + 1 < len(chunks) else None
        pos = text.rfind(chunk)
        while pos >= 0:
            if following is None or text.find(following, pos + len(chunk), pos + len(chunk) + _NEAR) >= 0:
                return pos
            pos = text.rfind(chunk, 0, pos)
    return None


__all__ = ["footer_element", "footer_start"]
