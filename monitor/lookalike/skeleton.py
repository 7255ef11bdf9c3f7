"""Skeletons: the spelling in which candidate labels and brand names are compared.

Two labels that look the same in an address bar get the same skeleton:

1. accents are stripped (NFKD, ``đ`` → ``d``; :func:`monitor.text.strip_accents`),
   so ``shọpee`` and fullwidth ``ｓｈｏｐｅｅ`` read ``shopee``;
2. Cyrillic, Greek and other Latin look-alikes become the Latin letter they
   imitate (:data:`~monitor.lookalike.tables.UNICODE_CONFUSABLES`);
3. ASCII classes collapse to one representative: ``0/o`` → ``o``,
   ``1/l/i`` → ``l``, ``rn`` → ``m``, ``vv`` → ``w``.

Steps 1–2 give the *folded* form (what a reader sees, in plain Latin); step 3
gives the *skeleton*. Brands and candidates go through the same functions,
so the skeleton of ``vietcornbank`` equals that of ``vietcombank``.
:func:`skeleton_with_map` also says which character of the input each
skeleton character came from, so a match can be traced back to what was
actually written (and told apart as a homoglyph). Some look-alike pairs
(``cl`` for ``d``) are ordinary spellings across Vietnamese syllables
(``nhathuoclongchau``), so they stay out of the skeleton:
:func:`pair_lookalike` undoes them on a misspelt segment only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.lookalike.tables import ASCII_CONFUSABLES, PAIR_CONFUSABLES, SEQUENCE_CONFUSABLES, UNICODE_CONFUSABLES
from monitor.text import strip_accents

_ASCII_TABLE = str.maketrans(ASCII_CONFUSABLES)


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """One character in plain Latin: accents stripped, look-alikes mapped, lower case.

    Usually one character; compatibility forms may give several (``ﬁ`` → ``fi``)
    and combining marks give none.
    """
    out = []
    for c in strip_accents(ch).lower():
        out.append(UNICODE_CONFUSABLES.get(c, c))
    return "".join(out)


def fold(text: str) -> str:
    """The folded form: what ``text`` reads as in plain lower-case Latin."""
    if text.isascii():
        return text.lower()
    return "".join(fold_char(c) for c in text)


_has_sequence = re.compile("|".join(map(re.escape, SEQUENCE_CONFUSABLES))).search


def _sequences(text: str) -> str:
    for seq, rep in SEQUENCE_CONFUSABLES.items():
        if seq in text:
            text = text.replace(seq, rep)
    return text


def skeleton(text: str) -> str:
    """The comparison form of ``text`` (see the module docstring)."""
    if text.isascii():  # the common case, inlined: once or more per candidate label
        out = text.lower().translate(_ASCII_TABLE)
        return _sequences(out) if _has_sequence(out) else out
    return _sequences(fold(text).translate(_ASCII_TABLE))


def skeleton_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """:func:`skeleton` plus, for each skeleton character, its index in ``text``."""
    if text.isascii() and not any(seq in text for seq in SEQUENCE_CONFUSABLES):
        return text.lower().translate(_ASCII_TABLE), tuple(range(len(text)))
    chars: list[str] = []
    src: list[int] = []
    for i, ch in enumerate(text):
        for c in fold_char(ch).translate(_ASCII_TABLE):
            chars.append(c)
            src.append(i)
    out: list[str] = []
    out_src: list[int] = []
    i = 0
    n = len(chars)
    while i < n:
        pair = chars[i] + chars[i + 1] if i + 1 < n else ""
        rep = SEQUENCE_CONFUSABLES.get(pair)
        if rep is not None:
            out.append(rep)
            out_src.append(src[i])
            i += 2
        else:
            out.append(chars[i])
            out_src.append(src[i])
            i += 1
    return "".join(out), tuple(out_src)


def pair_lookalike(written: str, skel: str) -> bool:
    """Whether ``written`` reads as the name ``skel`` once a look-alike pair is undone (``clienmayxanh``).

    (tables.PAIR_CONFUSABLES: ``cl`` for ``d``.) Every occurrence of the pair
    is undone at once: one written ``cl`` standing for ``d`` is the trick.
    """
    text = fold(written)
    for pair, letter in PAIR_CONFUSABLES.items():
        if pair in text and skeleton(text.replace(pair, letter)) == skel:
            return True
    return False


def name_key(text: str) -> str:
    """A brand name or alias as one folded word: ``Điện Máy Xanh`` → ``dienmayxanh``.

    Keeps letters and digits only (spaces, hyphens and punctuation go), so an
    alias written as a phrase compares with a domain label.
    """
    return "".join(c for c in fold(text) if c.isalnum())


def lookalike_kind(written: str, genuine: tuple[str, ...]) -> str:
    """How ``written`` differs from the genuine spellings of a name with the same skeleton.

    ``""`` when ``written`` is one of the genuine spellings; ``"unicode"`` when
    it uses non-ASCII letters (IDN homographs, accents); ``"ascii"`` for the
    deliberate ASCII tricks (``0``/``1`` for letters, ``rn`` for ``m``, ``vv``
    for ``w``); ``"letter"`` for a plain ``l``/``i`` swap.
    """
    if written in genuine:
        return ""
    if not written.isascii():
        return "unicode"
    if _ascii_trick(written, genuine):
        return "ascii"
    return "letter"


def misspelling_kind(written: str, genuine: tuple[str, ...]) -> str:
    """Like :func:`lookalike_kind` for a typo: only look-alike letters count, not the typo itself."""
    if not written.isascii():
        return "unicode"
    return "ascii" if _ascii_trick(written, genuine) else ""


_has_digit = re.compile("[0-9]").search


def _ascii_trick(written: str, genuine: tuple[str, ...]) -> bool:
    """Digits or letter pairs (`rn`, `vv`) that none of the genuine spellings has.

    (Loops and a regex rather than generators: this runs for every hit.)"""
    if _has_digit(written):
        for g in genuine:
            if _has_digit(g):
                break
        else:
            return True
    for seq in SEQUENCE_CONFUSABLES:
        if seq in written:
            for g in genuine:
                if seq in g:
                    break
            else:
                return True
    return False
