"""Folding Vietnamese text: the one spelling every matcher compares."""

from __future__ import annotations

import random
import sys
import unicodedata

from monitor.text import fold, strip_accents


def _reference(text: str) -> str:
    """The definition: NFKD, then every character of a non-zero combining class dropped."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D").replace("ð", "d")
                                       .replace("Ð", "D").replace("ı", "i"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_vietnamese_letters_lose_tones_and_hats_and_keep_their_count():
    assert strip_accents("Công ty TNHH Thương mại Đồng Khởi") == "Cong ty TNHH Thuong mai Dong Khoi"
    assert fold("  CÔNG TY\u00a0CỔ PHẦN   Việt ") == "cong ty co phan viet"


def test_strip_accents_equals_its_definition_on_any_characters():
    rng = random.Random(9)
    pool = ("aăâeêioôơuưyđĐ ÀÁẢÃẠẮẰẲẴẶẤẦẨẪẬ" "ﬁ①ｓｈ" "\u0301\u0323\u0309\u0303\u0300\u20d7\U0001d165"
            "ёйЙ" "ב\u05b8" "\u0e38\u0e39" "😀")
    for _ in range(3000):
        text = "".join(rng.choice(pool) if rng.random() < 0.8 else chr(rng.randrange(sys.maxunicode + 1))
                       for _ in range(rng.randint(0, 12)))
        assert strip_accents(text) == _reference(text), repr(text)
