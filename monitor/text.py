"""Small pure helpers for Vietnamese text: folding diacritics, collapsing space.

Matchers compare *folded* text: lower case, accents removed, ``đ`` → ``d``,
whitespace collapsed. Every matcher in the project folds the same way, so a
label table written without accents matches pages written with them.
"""

from __future__ import annotations

import re
import sys
import unicodedata

_SPACE = re.compile(r"\s+")
# đ/Đ do not decompose under NFKD; map them explicitly.
_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ı": "i"})


_COMBINING: re.Pattern[str] | None = None


def _combining_marks() -> re.Pattern[str]:
    """Runs of combining characters (canonical combining class other than 0), as one regex.

    Built on first use from the Unicode database (about 0.1 s): a regex drops
    them at C speed, where a test per character costs a Python call each."""
    global _COMBINING
    if _COMBINING is None:
        ranges: list[list[int]] = []
        for code in range(sys.maxunicode + 1):
            if unicodedata.combining(chr(code)):
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1][1] = code
                else:
                    ranges.append([code, code])
        _COMBINING = re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]+")
    return _COMBINING


def strip_accents(text: str) -> str:
    """Remove combining marks (Vietnamese tones and vowel hats) and map ``đ``→``d``.

    The result has the same number of characters as ``text`` whenever ``text``
    is NFC-normalised Vietnamese, which lets matchers map positions back.
    """
    if text.isascii():  # nothing to decompose or map
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    return _combining_marks().sub("", decomposed)


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced form used for matching."""
    return _SPACE.sub(" ", strip_accents(text).lower()).strip()


def collapse_space(text: str) -> str:
    """Collapse runs of whitespace (including NBSP) into single spaces."""
    return _SPACE.sub(" ", text.replace("\xa0", " ")).strip()


def nfc(text: str) -> str:
    """Compose Vietnamese text (pages mix NFC and NFD forms of the same letter)."""
    return unicodedata.normalize("NFC", text)
