"""One domain label read for matching: tokens, skeleton, and what surrounds a hit.

A label such as ``cskh-sh0pee88`` is split into tokens at hyphens and at
digit runs (``cskh``, ``sh0pee``, ``88``; a lone ``0``/``1`` between letters
stays inside its word, since it usually stands for ``o``/``l``). The
skeletons of the tokens, concatenated without hyphens, form
:attr:`LabelView.joined`, where brand names are looked for. When a brand is
found at ``joined[s:e]``, :func:`residue` describes the rest of the label:
keywords, digits, other words, or letters glued to the brand that make it
part of a longer word. An acronym (``pnj``, ``ghtk``: no vowel, so no word
holds it) at one end of a word, glued to letters that split into words
(``pnjvang``), is a token of its own, beside another word (``vang``). So is
a short name with a vowel glued after a scam keyword and before letters
that split into two syllables or more (``khuyenmai|tiki|homnay``,
:func:`beside_scam_keyword`): the keyword marks where the name begins, as
a hyphen would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from monitor.lookalike.skeleton import fold, skeleton, skeleton_with_map
from monitor.lookalike.words import (
    KEYWORD_BY_SKELETON,
    VOWELS,
    is_common,
    is_legal_form,
    is_made_of_words,
    is_place,
    is_severe,
    is_single_syllable,
    keyword_prefixes,
    keyword_suffixes,
    split_keywords,
)

_DIGIT_RUN = re.compile(r"[0-9]+")
_CONFUSABLE_DIGITS = frozenset("01")
_DIGIT_SKELETONS = "0123456789ol"  # what an ASCII digit reads as in a skeleton
_MIN_SEGMENT = 4  # the shortest brand matched with a typo has 5 letters


class Token(NamedTuple):
    start: int  # offsets in LabelView.joined
    end: int
    digits: bool  # a run of digits (a separator, not a word)
    text: str  # as written in the label


@dataclass(slots=True)
class LabelView:
    """A label as the matcher reads it."""

    text: str  # lower-case Unicode, as written
    joined: str  # skeleton of the tokens, hyphens removed
    tokens: tuple[Token, ...]
    hyphens: frozenset[int]  # joined offsets where a hyphen was removed

    def written(self, start: int, end: int) -> str:
        """The letters as written (no hyphens) behind ``joined[start:end]``."""
        if len(self.tokens) == 1 and len(self.text) == len(self.joined):
            return self.text[start:end]  # one token, one skeleton letter per letter
        out = []
        for tok in self.tokens:
            if tok.end <= start or tok.start >= end:
                continue
            if tok.start >= start and tok.end <= end:
                out.append(tok.text)
                continue
            _, src = skeleton_with_map(tok.text)
            lo = max(start, tok.start) - tok.start
            hi = min(end, tok.end) - tok.start
            first = src[lo]
            last = src[hi] if hi < len(src) else len(tok.text)
            out.append(tok.text[first:last])
        return "".join(out)

    def spans_hyphen(self, start: int, end: int) -> bool:
        return any(start < h < end for h in self.hyphens)


# In a hyphen-free piece: a word (letters, and runs of one or two `0`/`1`
# standing between letters or at a word's ends, read as `o`/`l`), or a
# digit run. A piece of digits only is one digit run (`01` alone is a number).
_WORD_OR_DIGITS = re.compile(r"((?:[^0-9]|(?<![0-9])[01]{1,2}(?![0-9]))+)|([0-9]+)")


def _split_piece(piece: str) -> list[tuple[str, bool]]:
    """Words and digit runs of a hyphen-free piece; ``0``/``1`` next to letters are letters."""
    if piece.isascii() and piece.isdigit():
        return [(piece, True)]
    return [(word, False) if word else (digits, True) for word, digits in _WORD_OR_DIGITS.findall(piece)]


_NO_HYPHENS: frozenset[int] = frozenset()


def view(label: str) -> LabelView:
    """Read ``label`` (one DNS label, lower-case Unicode) for matching."""
    if label.isascii() and label.isalpha():  # the common case: one plain word
        skel = skeleton(label)
        return LabelView(label, skel, (Token(0, len(skel), False, label),), _NO_HYPHENS)
    tokens: list[Token] = []
    hyphens: set[int] = set()
    chunks: list[str] = []
    pos = 0
    for i, piece in enumerate(label.replace("_", "-").split("-")):
        if i and pos:
            hyphens.add(pos)
        if not piece:
            continue
        for text, digits in _split_piece(piece) if not piece.isalpha() else ((piece, False),):
            skel = text if digits else skeleton(text)
            if not skel:
                continue
            tokens.append(Token(pos, pos + len(skel), digits, text))
            chunks.append(skel)
            pos += len(skel)
    return LabelView(label, "".join(chunks), tuple(tokens), frozenset(hyphens))


# --- What surrounds a hit ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Residue:
    """The rest of a label around a brand hit."""

    keywords: tuple[str, ...] = ()  # keywords as written in tables.py
    severe: bool = False  # at least one severe (scam) keyword
    common: tuple[str, ...] = ()  # the everyday ones among the keywords (tables.COMMON_KEYWORDS)
    digits: bool = False
    singles: int = 0  # stray single letters (``shopees``, ``isacombank``)
    glued: tuple[str, ...] = ()  # letters stuck to the brand that are no keyword
    unknown: tuple[str, ...] = ()  # separate words that are no keyword
    legal: tuple[str, ...] = ()  # the legal forms among the everyday keywords (tables.LEGAL_FORM_KEYWORDS)
    places: tuple[str, ...] = ()  # the cities among them (tables.PLACE_KEYWORDS)

    @property
    def empty(self) -> bool:
        return not (self.keywords or self.digits or self.singles or self.glued or self.unknown)

    @property
    def channel(self) -> bool:
        """Keywords other than everyday words (`vn`, `official`, `cskh`)."""
        return len(self.common) < len(self.keywords)


class _ResidueBuilder:
    __slots__ = (
        "keywords", "severe", "common", "digits", "singles", "glued", "unknown", "legal", "places", "singles_ok"
    )

    def __init__(self, singles_ok: bool) -> None:
        self.keywords: list[str] = []
        self.severe = False
        self.common: list[str] = []
        self.digits = False
        self.singles = 0
        self.glued: list[str] = []
        self.unknown: list[str] = []
        self.legal: list[str] = []
        self.places: list[str] = []
        self.singles_ok = singles_ok

    def add(self, skel: str, written: str, glued: bool) -> None:
        if not skel:
            return
        words = split_keywords(skel)
        if words is None and any(c.isdigit() for c in written):
            # `1vn`, `0nline` with its digit read as a digit: try the letters alone;
            # a scam keyword written with its digit still counts (`ve0dong`: "vé 0 đồng")
            self.digits = True
            self.severe = self.severe or _has_severe_edge(skel)
            for part in _DIGIT_RUN.split(written):
                self.add(skeleton(part), part, glued)
            return
        if words is not None:
            for w in words:
                self.keywords.append(KEYWORD_BY_SKELETON[w])
                self.severe = self.severe or is_severe(w)
                if is_common(w):
                    self.common.append(KEYWORD_BY_SKELETON[w])
                    if is_legal_form(w):
                        self.legal.append(KEYWORD_BY_SKELETON[w])
                    elif is_place(w):
                        self.places.append(KEYWORD_BY_SKELETON[w])
        elif len(skel) == 1 and (self.singles_ok or not glued):
            self.singles += 1
        else:
            # `vaynhanh`, `xacthucsinhtrac`: a scam keyword inside another word still counts
            self.severe = self.severe or _has_severe_edge(skel)
            (self.glued if glued else self.unknown).append(written)

    def build(self) -> Residue:
        return Residue(
            tuple(self.keywords),
            self.severe,
            tuple(self.common),
            self.digits,
            self.singles,
            tuple(self.glued),
            tuple(self.unknown),
            tuple(self.legal),
            tuple(self.places),
        )


def _has_severe_edge(skel: str) -> bool:
    """Whether a word that is no keyword starts or ends with a severe keyword of 3+ letters."""
    return any(
        n >= 3 and is_severe(piece)
        for n in (*keyword_prefixes(skel, 2), *keyword_suffixes(skel, 2))
        for piece in (skel[:n], skel[-n:])
        if split_keywords(piece) == (piece,)
    )


def _word_apart(written: str, after: bool) -> bool:
    """Whether letters glued to an acronym are a word of their own (``vang`` in ``pnjvang``).

    They must split into words; after the acronym, the word must begin with
    a consonant, or the acronym's last letter begins it (``shbet``: ``bet``).
    """
    word = fold(written)
    if after and word[:1] in VOWELS:
        return False
    return is_made_of_words(word)


def _words_apart(lv: LabelView, lo: int, start: int, end: int, hi: int) -> bool:
    """Whether the acronym at ``joined[start:end]`` stands apart from the word glued to it in ``[lo, hi)``.

    Only an acronym that begins or ends its token (``pnjvang``, ``vangpnj``):
    inside a word its letters may join the syllables around it (``ngk`` in
    ``trangkhoa`` is ``trang`` + ``khoa``). At an edge they cannot: three
    consonants are too many for a coda, and make an onset only with a vowel
    after them (:func:`_word_apart`). It must be written without a vowel
    too (``mind`` is no ``m1nd``).
    """
    if lo != start and end != hi:
        return False  # glued on both sides (this runs for every acronym inside a word)
    hit = lv.joined[start:end]
    if ("l" in hit or "o" in hit) and not VOWELS.isdisjoint(lv.written(start, end)):
        return False  # a skeleton `l`/`o` written `i`/`o`
    if lo < start:
        return _glue_ok(lv, lo, start) or _word_apart(lv.written(lo, start), after=False)
    return _glue_ok(lv, end, hi) or _word_apart(lv.written(end, hi), after=True)


def residue(lv: LabelView, start: int, end: int, singles_ok: bool, words: bool = False) -> Residue:
    """Describe ``lv`` outside ``joined[start:end]``.

    ``singles_ok``: whether one stray letter glued to the hit reads as a
    prefix/plural (true for longer brands) or makes the hit part of another
    word (short brands: ``vibe`` is not ``vib``). ``words``: whether letters
    glued to the hit that split into words are another word (an acronym:
    ``vang`` in ``pnjvang``; a short name beside a scam keyword:
    ``homnay`` in ``khuyenmaitikihomnay``, :func:`beside_scam_keyword`)
    rather than part of one word with it.
    """
    out = _ResidueBuilder(singles_ok)
    joined = lv.joined
    for tok in lv.tokens:
        if tok.end <= start or tok.start >= end:
            if tok.digits:
                out.digits = True
            else:
                out.add(joined[tok.start : tok.end], tok.text, glued=False)
            continue
        if tok.start < start:
            if tok.digits:
                out.digits = True
            else:
                text = lv.written(tok.start, start)
                out.add(joined[tok.start : start], text, glued=not (words and _word_apart(text, after=False)))
        if tok.end > end:
            if tok.digits:
                out.digits = True
            else:
                text = lv.written(end, tok.end)
                out.add(joined[end : tok.end], text, glued=not (words and _word_apart(text, after=True)))
    return out.build()


def _token_at(lv: LabelView, pos: int) -> Token:
    for tok in lv.tokens:
        if tok.start <= pos < tok.end:
            return tok
    return lv.tokens[-1]


def _glue_ok(lv: LabelView, start: int, end: int) -> bool:
    """Whether letters glued to ``joined[start:end]`` (if any) are keywords or digits."""
    if start == end:
        return True
    glue = lv.joined[start:end]
    if split_keywords(glue) is not None:
        return True
    if lv.text.isascii() and glue.strip(_DIGIT_SKELETONS):
        return False  # a skeleton letter other than `o`/`l` was written as a letter
    written = lv.written(start, end)
    return all(c.isdigit() for c in written)


def whole_token(lv: LabelView, start: int, end: int, words: bool = False) -> bool:
    """True when ``joined[start:end]`` is not part of a longer word (`vib` in `vib-online`, not `vibe`).

    Letters glued to it must be keywords (`vcbdigibank`), digits read as
    letters (`vcb1`) or, with ``words`` (an acronym, which no word holds),
    another word (`pnjvang`, see :func:`_words_apart`).
    """
    first = _token_at(lv, start)
    last = _token_at(lv, end - 1)
    if _glue_ok(lv, first.start, start) and _glue_ok(lv, end, last.end):
        return True
    return words and _words_apart(lv, first.start, start, end, last.end)


def beside_scam_keyword(lv: LabelView, start: int, end: int) -> bool:
    """Whether ``joined[start:end]`` follows a scam keyword and precedes another word in one token.

    ``khuyenmai|tiki|homnay``: the scam keyword glued before the name marks
    where it begins, as a hyphen would (scams lead with it); the letters
    after it are then a word of their own if they split into two syllables
    or more and begin with a consonant (a vowel would take the name's last
    letter). A single syllable may finish a word the name begins
    (``gift|mobi|le``); an everyday keyword (``hot``, ``my``) begins too many
    ordinary words to mark anything. The caller checks that the name has a
    vowel and is written as registered (``kim`` is no ``klm``; see
    ``Matcher._beside_scam_keyword``).
    """
    lo = _token_at(lv, start).start
    hi = _token_at(lv, end - 1).end
    if lo == start or end == hi:
        return False  # not glued on both sides: whole_token decides
    before = split_keywords(lv.joined[lo:start])
    if not before or not is_severe(before[-1]):
        return False
    written = lv.written(end, hi)
    return _word_apart(written, after=True) and not is_single_syllable(fold(written))


def keyword_only(lv: LabelView) -> bool:
    """True when the label holds nothing but keywords, digits and single letters (``vn-hotro``)."""
    if not lv.tokens:
        return False
    rest = residue(lv, 0, 0, singles_ok=True)
    return not rest.unknown and not rest.glued


# --- Where a misspelt brand may sit ---------------------------------------------


def _strip_keywords(skel: str, start: int, depth: int = 2) -> set[tuple[int, int]]:
    """Spans of ``skel`` (offset by ``start``) with keyword prefixes/suffixes removed."""
    spans: set[tuple[int, int]] = set()
    if not keyword_prefixes(skel) and not keyword_suffixes(skel):
        return spans  # most words: no keyword at either end
    frontier = [(0, len(skel))]
    for _ in range(depth):
        nxt: list[tuple[int, int]] = []
        for s, e in frontier:
            part = skel[s:e]
            nxt += [(s + n, e) for n in keyword_prefixes(part)]
            nxt += [(s, e - n) for n in keyword_suffixes(part)]
        if not nxt:
            break
        spans.update(nxt)
        frontier = nxt
    return {(start + s, start + e) for s, e in spans}


def _is_filler(lv: LabelView, tok: Token) -> bool:
    if tok.digits:
        return True
    skel = lv.joined[tok.start : tok.end]
    return len(skel) == 1 or split_keywords(skel) is not None


def typo_segments(lv: LabelView) -> set[tuple[int, int]]:
    """Spans of ``lv.joined`` that could be a whole misspelt brand.

    Each word token; each word with keywords stripped from its ends
    (``shoppevn`` → ``shoppe``); and the run of words left when keyword and
    digit tokens are dropped from both ends of the label (``dien-may-xanhh-sale``
    → ``dienmayxanhh``).
    """
    joined = lv.joined
    if len(lv.tokens) == 1 and lv.text.isalpha():  # the common case: one plain word
        spans = _strip_keywords(joined, 0)
        if not spans:
            return {(0, len(joined))} if len(joined) >= _MIN_SEGMENT else spans
        spans.add((0, len(joined)))
        return {(s, e) for s, e in spans if e - s >= _MIN_SEGMENT}
    spans = set()
    words = 0
    for tok in lv.tokens:
        if tok.digits:
            continue
        words += 1
        if tok.end - tok.start < _MIN_SEGMENT:
            continue
        spans.add((tok.start, tok.end))
        spans |= _strip_keywords(joined[tok.start : tok.end], tok.start)
        # a trailing or leading 0/1 kept as a letter may be a plain digit (`shoppe1`)
        if tok.text[-1] in _CONFUSABLE_DIGITS:
            spans.add((tok.start, tok.end - len(tok.text) + len(tok.text.rstrip("01"))))
        if tok.text[0] in _CONFUSABLE_DIGITS:
            spans.add((tok.start + len(tok.text) - len(tok.text.lstrip("01")), tok.end))
    if words < 2:  # the run of words below needs two at least
        return {(s, e) for s, e in spans if e - s >= _MIN_SEGMENT}
    lo, hi = 0, len(lv.tokens)
    while lo < hi and _is_filler(lv, lv.tokens[lo]):
        lo += 1
    while hi > lo and _is_filler(lv, lv.tokens[hi - 1]):
        hi -= 1
    core = lv.tokens[lo:hi]
    if len(core) >= 2 and not any(t.digits for t in core):
        s, e = core[0].start, core[-1].end
        spans.add((s, e))
        spans |= _strip_keywords(joined[s:e], s)
    return {(s, e) for s, e in spans if e - s >= _MIN_SEGMENT}
