"""Reading the words around a brand: keywords, Vietnamese syllables, generic names.

Labels are written without spaces (``cskhshopeevn``), so the matcher needs to
tell whether the letters left over around a brand are scam keywords
(``cskh``, ``vn``), another word, or part of a longer word the brand merely
happens to be inside (``vib`` in ``vibe``). These helpers work on skeletons
(see :mod:`monitor.lookalike.skeleton`) except where noted.
"""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.lookalike.skeleton import skeleton
from monitor.lookalike.tables import (
    COMMON_KEYWORDS,
    COMMON_WORDS,
    KEYWORDS,
    LEGAL_FORM_KEYWORDS,
    PLACE_KEYWORDS,
    SEVERE_KEYWORDS,
)

# Keyword skeleton → the keyword as written (for messages).
KEYWORD_BY_SKELETON: dict[str, str] = {skeleton(k): k for k in sorted(KEYWORDS)}
SEVERE_SKELETONS: frozenset[str] = frozenset(skeleton(k) for k in SEVERE_KEYWORDS)
COMMON_SKELETONS: frozenset[str] = frozenset(skeleton(k) for k in COMMON_KEYWORDS) - SEVERE_SKELETONS
LEGAL_FORM_SKELETONS: frozenset[str] = frozenset(skeleton(k) for k in LEGAL_FORM_KEYWORDS) & COMMON_SKELETONS
PLACE_SKELETONS: frozenset[str] = frozenset(skeleton(k) for k in PLACE_KEYWORDS) & COMMON_SKELETONS
_KEYWORD_LENGTHS: tuple[int, ...] = tuple(sorted({len(k) for k in KEYWORD_BY_SKELETON}))
if _KEYWORD_LENGTHS[0] < 2:
    raise ValueError("keywords have two letters at least (monitor.lookalike.tables)")
# A string made of keywords starts with the first three letters of one (or
# a two-letter keyword) and ends likewise: most strings fail this at once.
_TWO_LETTER_KEYWORDS = frozenset(k for k in KEYWORD_BY_SKELETON if len(k) == 2)
_KEYWORD_HEADS = frozenset(k[:3] for k in KEYWORD_BY_SKELETON if len(k) > 2)
_KEYWORD_TAILS = frozenset(k[-3:] for k in KEYWORD_BY_SKELETON if len(k) > 2)


def _may_be_keywords(skel: str) -> bool:
    return (skel[:3] in _KEYWORD_HEADS or skel[:2] in _TWO_LETTER_KEYWORDS) and (
        skel[-3:] in _KEYWORD_TAILS or skel[-2:] in _TWO_LETTER_KEYWORDS
    )


@lru_cache(maxsize=131072)
def split_keywords(skel: str) -> tuple[str, ...] | None:
    """``skel`` as a sequence of keyword skeletons (fewest pieces), or None.

    ``split_keywords(skeleton("cskhvn")) == ("cskh", "vn")``; a string with
    any letters that are not keywords gives None; ``""`` gives ``()``.
    """
    n = len(skel)
    if n and not _may_be_keywords(skel):
        return None
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for size in _KEYWORD_LENGTHS:
            j = i + size
            if j > n:
                break
            piece = skel[i:j]
            if piece in KEYWORD_BY_SKELETON:
                cur = best[j]
                if cur is None or len(cur) > len(here) + 1:
                    best[j] = here + (piece,)
    return best[n]


# Keywords stripped off a word to find a misspelt brand inside it
# (`shoppevn` → `shoppe`). Everyday words are left on: `hang`, `my`, `top`
# begin and end too many ordinary words.
_STRIP = frozenset(KEYWORD_BY_SKELETON) - COMMON_SKELETONS


# Keyword lengths by their first / last three letters, so a word is checked
# against the few keywords that could start or end it; the two-letter ones
# (`vn`, `km`) are looked up whole. (No keyword is a single letter.)
_TWO_LETTER_STRIP = frozenset(k for k in _STRIP if len(k) == 2)
_BY_HEAD: dict[str, tuple[int, ...]] = {}
_BY_TAIL: dict[str, tuple[int, ...]] = {}
for _k in sorted(_STRIP - _TWO_LETTER_STRIP, key=len):
    if len(_k) < 2:
        raise ValueError(f"single-letter keyword {_k!r} in monitor.lookalike.tables")
    _BY_HEAD[_k[:3]] = _BY_HEAD.get(_k[:3], ()) + (len(_k),)
    _BY_TAIL[_k[-3:]] = _BY_TAIL.get(_k[-3:], ()) + (len(_k),)


def keyword_prefixes(skel: str, min_rest: int = 3) -> list[int]:
    """Lengths of (non-everyday) keywords ``skel`` starts with, leaving ``min_rest`` letters."""
    limit = len(skel) - min_rest
    out = [2] if limit >= 2 and skel[:2] in _TWO_LETTER_STRIP else []
    lengths = _BY_HEAD.get(skel[:3])
    if lengths is not None:  # most words: no longer keyword starts with their first three letters
        out += [n for n in lengths if n <= limit and skel[:n] in _STRIP]
    return out


def keyword_suffixes(skel: str, min_rest: int = 3) -> list[int]:
    """Lengths of (non-everyday) keywords ``skel`` ends with, leaving ``min_rest`` letters."""
    limit = len(skel) - min_rest
    out = [2] if limit >= 2 and skel[-2:] in _TWO_LETTER_STRIP else []
    lengths = _BY_TAIL.get(skel[-3:])
    if lengths is not None:
        out += [n for n in lengths if n <= limit and skel[-n:] in _STRIP]
    return out


# Unaccented vowels: a short name without one is an acronym (`pnj`, `ghtk`),
# which no word holds.
VOWELS = frozenset("aeiouy")

# An unaccented Vietnamese syllable: optional onset, a vowel nucleus, an
# optional coda. Loose on purpose (some English syllables pass too): it only
# has to tell names made of words from invented ones. A syllable without an
# onset needs two letters at least (`an`, `em`, `ong`), so stray vowels do
# not glue any string together.
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])"
_NUCLEUS = r"(?:uye|uya|uyu|ieu|yeu|oai|oay|oeo|uoi|uou|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])"
_CODA = r"(?:ng|nh|ch|[cmnpt]|i|o|u|y)"
_SYLLABLE = rf"(?:{_ONSET}{_NUCLEUS}{_CODA}?|{_NUCLEUS}{_CODA}|(?:ai|ao|au|ay|eo|oi|ua|ui|uy|ia|oa|ie|ye|ieu|yeu))"
_SYLLABLES = re.compile(rf"(?:{_SYLLABLE})+")
_ONE_SYLLABLE = re.compile(_SYLLABLE)


def is_vietnamese_words(plain: str) -> bool:
    """True when folded ``plain`` splits into Vietnamese syllables (``dienmayxanh``)."""
    return bool(plain) and _SYLLABLES.fullmatch(plain) is not None


@lru_cache(maxsize=65536)
def is_made_of_words(plain: str) -> bool:
    """True when folded ``plain`` splits into Vietnamese syllables and common words.

    ``dienmayxanh``, ``laptopgiare``, ``skyhoa`` are made of words: a name
    like that one letter away from another such name is usually another name
    (``luongtrung`` vs ``longtrung``), not a typo. ``shopee``, ``lazada``,
    ``vnpay``, ``dienmayxanhh`` are not (keywords such as ``vn`` do not count:
    a brand built from them is still an invented name).
    """
    n = len(plain)
    if not n:
        return False
    ok = [False] * (n + 1)
    ok[0] = True
    for i in range(n):
        if not ok[i]:
            continue
        for j in range(i + 1, min(n, i + 16) + 1):
            if ok[j]:
                continue
            piece = plain[i:j]
            if (piece in COMMON_WORDS or _ONE_SYLLABLE.fullmatch(piece) is not None
                    or (piece[-1] == "s" and piece[:-1] in COMMON_WORDS)):  # English plurals (`highlands`)
                ok[j] = True
    return ok[n]


def is_single_syllable(plain: str) -> bool:
    return _ONE_SYLLABLE.fullmatch(plain) is not None


def is_generic_name(plain: str) -> bool:
    """A registered name too common to be a brand inside longer labels.

    Keywords (``sale``), common shop words (``laptop``, ``thoitrang``) and
    short single Vietnamese syllables (``hoa``, ``viet``) are generic: a shop
    called ``hoa.vn`` is imitated only by labels that are exactly ``hoa``.
    """
    skel = skeleton(plain)
    if skel in KEYWORD_BY_SKELETON or plain in COMMON_WORDS:
        return True
    return len(plain) <= 4 and is_single_syllable(plain)


def is_severe(keyword_skeleton: str) -> bool:
    return keyword_skeleton in SEVERE_SKELETONS


def is_common(keyword_skeleton: str) -> bool:
    """An everyday keyword (``kho``, ``saigon``), see tables.COMMON_KEYWORDS."""
    return keyword_skeleton in COMMON_SKELETONS


def is_legal_form(keyword_skeleton: str) -> bool:
    """A company's legal form (``cty``, ``jsc``), see tables.LEGAL_FORM_KEYWORDS."""
    return keyword_skeleton in LEGAL_FORM_SKELETONS


def is_place(keyword_skeleton: str) -> bool:
    """A city (``hcm``, ``hanoi``), see tables.PLACE_KEYWORDS."""
    return keyword_skeleton in PLACE_SKELETONS


__all__ = [
    "KEYWORD_BY_SKELETON",
    "VOWELS",
    "is_common",
    "is_generic_name",
    "is_legal_form",
    "is_made_of_words",
    "is_place",
    "is_severe",
    "is_single_syllable",
    "is_vietnamese_words",
    "keyword_prefixes",
    "keyword_suffixes",
    "split_keywords",
]
