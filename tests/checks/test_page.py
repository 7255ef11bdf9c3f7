"""One parse per page: the text, links and records every family reads."""

from __future__ import annotations

import random
import re
from bisect import bisect_right

from monitor.checks.matching import LabelIndex
from monitor.checks.page import FOLD_TABLE, Anchored, Haystack, ParsedPage, _Needles, clean_text, fold_keep_length

from .conftest import fetched, footer, parsed
from .test_run_checks import _cp1258


def links_of(html: str) -> list[tuple[str, str, str]]:
    p = parsed(html)
    return [(link.href, link.text, p.link_title(link)) for link in p.links]


def test_visible_text_has_one_line_per_block_and_no_hidden_text():
    p = parsed(footer("<div>Công ty <b>ABC</b><p>MST: 0312225168</p><script>var x = 'MST 1';</script>"
                      "<svg><title>icon</title></svg><select><option>Hà Nội</option></select>"
                      "<span>© 2023</span><span>Chủ sở hữu</span></div>"))
    assert p.text.split("\n")[-3:] == ["Công ty ABC", "MST: 0312225168", "© 2023 Chủ sở hữu"]
    assert p.folded == fold_keep_length(p.text) and len(p.folded) == len(p.text)


def test_link_text_is_all_the_text_inside_the_link_as_one_line():
    html = footer("<a href='/cart' title='Giỏ'><svg><title>cart</title></svg>\n  Giỏ\u00a0<b>hàng</b> <div>(0)</div></a>"
                  "<a href=' /chinh-sach '>Chính sách <a href='/doi-tra'>đổi trả</a></a>"
                  "<noscript><a href='/ns' title='t'>No  script</a></noscript>"
                  "<router-link to='/about'>Giới thiệu</router-link><a>no href</a><a href='  '>blank</a>")
    assert links_of(html) == [
        ("/cart", "cart Giỏ\u00a0hàng (0)", "Giỏ"),  # normalize-space(.): hidden text in, NBSP kept
        ("/chinh-sach", "Chính sách", ""),
        ("/doi-tra", "đổi trả", ""),
        ("/ns", "No script", "t"),
        ("/about", "Giới thiệu", ""),
    ]


def test_private_use_characters_of_the_page_stay_in_link_text():
    assert links_of(footer("<a href='/x'>\ue000Icon\ue004</a>")) == [("/x", "\ue000Icon\ue004", "")]


def test_title_h1_base_and_json_ld_are_read_in_the_same_pass():
    p = parsed("<html><head><title> Chính  sách đổi trả </title><base href='https://cdn.shop.vn/vi/'>"
               "<script type='application/LD+JSON'>{\"@type\":\"Organization\",\"taxID\":\"0312225168\"}</script>"
               "</head><body><h1>Đổi <span>trả</span></h1><h1>Second</h1><a href='p/1'>x</a></body></html>")
    assert p.title == "Chính sách đổi trả"
    assert p.h1 == "Đổi trả"
    assert p.base_url == "https://cdn.shop.vn/vi/"
    assert p.links[0].url == "https://cdn.shop.vn/vi/p/1"
    assert p.json_ld == [{"@type": "Organization", "taxID": "0312225168"}]


def test_deeply_nested_markup_is_read_to_the_end():
    # libxml2 gives up past 2048 levels and drops the rest of the page; the page is read flattened
    html = footer("<table><tr><td>" * 1000 + "MST: 0312225168" + "</td></tr></table>" * 1000
                  + "<p>Hotline: <a href='tel:0909123456'>0909 123 456</a></p>")
    p = parsed(html)
    assert "MST: 0312225168" in p.text.split("\n")
    assert p.text.endswith("Hotline: 0909 123 456")
    assert [link.href for link in p.links] == ["tel:0909123456"]


def test_body_that_is_not_utf8_is_decoded_as_declared():
    body = "<html><head><meta charset='windows-1258'></head><body><p>Mã số thuế: 0312225168</p></body></html>"
    p = ParsedPage(fetched(_cp1258(body + " " * 2000), headers={}))  # long enough for the direct path
    assert p.text == "Mã số thuế: 0312225168"


def test_fold_keeps_length_and_matches_the_table():
    rng = random.Random(7)
    alphabet = list("aAđĐ ếẾ\n\u00a0₫©–—xyz") + ["Xin chào", "Công ty", "  "]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 1500)))
        assert fold_keep_length(text) == text.translate(FOLD_TABLE)


def test_fold_matches_the_table_for_characters_outside_its_code_page():
    # emoji, CJK, Cyrillic, Greek, a decomposed accent, controls, lone surrogates, the escape mark itself
    rng = random.Random(11)
    alphabet = list("Ắ ₫x😀中ИΣİ\u0301\x00\x01\udc80\ufdef\ufffe\ue002") + ["Thông báo", "  "]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(30, 600)))
        assert fold_keep_length(text) == text.translate(FOLD_TABLE)


def test_clean_text_matches_the_regex_reference():
    spaces = re.compile(r"[\s\u200b\u200c\u200d\ufeff]+")
    breaks = re.compile(r" ?\ue000[ \ue000]*")
    lower = "".join(chr(c) for c in range(0x1F00) if chr(c).islower())
    upper = "".join(chr(c) for c in range(0x1F00) if chr(c).isupper())
    glued = re.compile(f"(?<=[0-9{re.escape(lower)}])\ue004+(?=[{re.escape(upper)}])"
                       f"|(?<=\\w)\ue004\ue004+(?=\\w)")  # two inline elements side by side

    def reference(raw: str) -> str:
        raw = glued.sub(" ", raw).replace("\ue004", "")
        return breaks.sub("\n", spaces.sub(" ", raw)).strip()

    rng = random.Random(3)
    alphabet = ["a", "B", "1", " ", " ", "\n", "\t", "\u00a0", "\u200b", "\ufeff", "\ue000", "\ue004", "ầ", "\u2003"]
    for _ in range(20000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert clean_text(raw) == reference(raw), repr(raw)


def test_anchored_finds_what_the_plain_regex_finds():
    rx = re.compile(r"(?<![a-z0-9])(?:gio hang|them vao gio|mua ngay)(?![a-z0-9])")
    anchored = Anchored(rx, ["gio hang", "them vao gio", "mua ngay"])
    rng = random.Random(5)
    words = ["gio", "hang", "gio hang", "xgio hang", "them vao gio", "mua", "ngay", "mua ngay", "a"]
    for _ in range(2000):
        count = rng.choice([rng.randint(1, 8), rng.randint(150, 300)])  # short lists and long ones (literal path)
        parts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 4))) for _ in range(count)]
        joined = "\n".join(parts)
        starts = [0]
        for part in parts:
            starts.append(starts[-1] + len(part) + 1)
        expected = {bisect_right(starts, m.start()) - 1 for m in rx.finditer(joined)}
        assert anchored.hits(joined, starts) == expected


def test_label_glued_to_a_year_by_case_is_found_in_a_long_text():
    index = LabelIndex([("chu so huu", "owner")])
    text = "x " * 1000 + "© 2023Chủ sở hữu: Công ty ABC"
    folded = fold_keep_length(text)
    assert [hit[2] for hit in index.finditer(folded, original=text)] == ["chu so huu"]
    assert list(index.finditer(folded)) == []  # without the original text, "2023chu" is one word


def test_one_pass_needle_search_answers_exactly_as_in_does(monkeypatch):
    """Overlapping and nested strings (`footer`/`<footer`, `abab`/`bab`) are not hidden by one another."""
    import monitor.checks.page as page

    rng = random.Random(3)
    needles = {"".join(rng.choice("ab<f") for _ in range(rng.randint(1, 5))).encode() for _ in range(40)}
    needles |= {b"footer", b"<footer", b"oote", b"salenoti", b"online.gov.vn"}
    learnt = _Needles()
    monkeypatch.setattr(page, "NEEDLES", learnt)
    for needle in needles:
        learnt.learn(needle)
    for _ in range(300):
        data = "".join(rng.choice(["a", "b", "<", "f", "<footer>", "ooter", " "]) for _ in range(rng.randint(0, 60))).encode()
        haystack = Haystack(data)
        for needle in sorted(needles):
            assert haystack.holds(needle) == (needle in data), (needle, data)


def test_strings_first_asked_about_are_learnt_for_the_next_pages(monkeypatch):
    import monitor.checks.page as page

    learnt = _Needles()
    monkeypatch.setattr(page, "NEEDLES", learnt)
    first = parsed("<html><body><footer>Đã thông báo <img src='/logoSaleNoti.png'></footer></body></html>")
    assert first.mentions(b"nothing-here", b"salenoti") and not first.mentions(b"data-cfemail")
    second = parsed("<html><body><div data-cfemail='abc'>x</div></body></html>")
    assert second.mentions(b"data-cfemail") and not second.mentions(b"salenoti")
    assert learnt.scan(second.raw_lower) == {b"nothing-here": False, b"salenoti": False, b"data-cfemail": True}
