"""Small pure helpers for Vietnamese text: folding diacritics, collapsing space.

Matchers compare *folded* text: lower case, accents removed, ``đ`` → ``d``,
whitespace collapsed. Every matcher in the project folds the same way, so a
label table written without accents matches pages written with them.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
# đ/Đ do not decompose under NFKD; map them explicitly.
_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ı": "i"})


def strip_accents(text: str) -> str:
    """Remove combining marks (Vietnamese tones and vowel hats) and map ``đ``→``d``.

    The result has the same number of characters as ``text`` whenever ``text``
    is NFC-normalised Vietnamese, which lets matchers map positions back.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced form used for matching."""
    return _SPACE.sub(" ", strip_accents(text).lower()).strip()


def collapse_space(text: str) -> str:
    """Collapse runs of whitespace (including NBSP) into single spaces."""
    return _SPACE.sub(" ", text.replace("\xa0", " ")).strip()


def nfc(text: str) -> str:
    """Compose Vietnamese text (pages mix NFC and NFD forms of the same letter)."""
    return unicodedata.normalize("NFC", text)
