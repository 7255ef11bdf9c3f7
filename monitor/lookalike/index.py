"""The brand index: every brand name, findable inside a label or within a few typos.

Built once from the registry, then shared by every candidate:

* **token scan** — an Aho–Corasick automaton (ahocorasick_rs, in Rust) of every
  brand-name skeleton: one pass over a label reports every name it holds,
  overlapping ones too. Cost: linear in the label, independent of the
  number of brands, and no Python work per label position.
* **typo blocking** — a deletion neighbourhood (SymSpell): each name of 5–7
  letters is stored under every string obtained by deleting up to 1 letter,
  each name of 8+ letters under deletions of up to 2 letters of its first
  :data:`PREFIX` letters. A candidate segment within the edit bound of a
  name shares one of these deletion strings with it (each edit costs at
  most one deletion on each side, also across the prefix cut), so a handful
  of dictionary look-ups yields the few names worth confirming with
  rapidfuzz's optimal-string-alignment distance (restricted
  Damerau–Levenshtein). The prefix cut bounds the look-ups per segment
  (at most 46) and the table size, as in SymSpell. (Nine letters: the segments
  probed with one deletion have 7 letters at most, so the cut never falls
  inside what they must be compared on; a shorter cut lets more names share
  keys, a longer one costs more deletions per probe.)
* **slips of 4-letter names** — no general edit is allowed on a name of 3–4
  letters (one edit of ``ghtk`` reaches too many other acronyms), but the two
  slips a hand makes on a word it knows are: a letter doubled (``mommo``) and
  two neighbours swapped (``gthk``). Each 4-letter name is stored under its
  seven slips, and a whole label is looked up once (:meth:`BrandIndex.slip`).
  Three-letter names get none: their swaps are other acronyms (``vcb``/``vbc``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from bisect import bisect_left
from itertools import combinations

import ahocorasick_rs
from rapidfuzz.distance import OSA

from monitor.domains import DomainError, registrable_domain, split_domain
from monitor.lookalike.brands import Brand
from monitor.lookalike.skeleton import name_key, skeleton
from monitor.lookalike.words import VOWELS, is_generic_name, is_made_of_words

MIN_NAME = 3  # shorter names (`mb`, `be`) are too ambiguous to look for
SHORT_NAME = 4  # names up to this length match only as whole tokens, never with typos but slips
PREFIX = 9  # deletion neighbourhoods are built on the first PREFIX letters


def typo_bound(length: int) -> int:
    """Edits allowed between a brand name of ``length`` letters and a typo of it."""
    if length <= SHORT_NAME:
        return 0
    if length <= 7:
        return 1
    return 2


@dataclass(frozen=True, slots=True)
class Name:
    """One way a brand is written: its registered label or an alias."""

    skel: str
    plain: str  # folded, letters and digits only
    written: str  # as registered (lower case, letters and digits only, accents kept)
    brand: int  # index into BrandIndex.brands
    alias: bool
    short: bool  # 3–4 letters: whole tokens only
    generic: bool  # a common word: whole labels only
    descriptive: bool  # made of words (`dienmayxanh`, `laptopgiare`), not an invented name
    acronym: bool = False  # short and without a vowel (`pnj`, `ghtk`): no word holds it
    phrase: bool = False  # an alias of three words or more (`Giao Hàng Tiết Kiệm`)
    owned: bool = False  # the label of another domain of the same owner: found inside labels only


def _deletions(word: str, depth: int) -> list[str]:
    """``word`` and every string made by deleting up to ``depth`` (1 or 2) of its letters.

    The deletions are the subsequences one or two letters shorter, which
    :func:`itertools.combinations` enumerates (and ``str.join`` glues) in C:
    this runs for every typo segment of every candidate. The list may hold
    duplicates (``shopee`` less either ``e``).
    """
    n = len(word)
    out = [word]
    out += map(_JOIN, combinations(word, n - 1))
    if depth > 1 and n > 1:
        out += map(_JOIN, combinations(word, n - 2))
    return out


_JOIN = "".join


def _owned_label(host: str) -> str:
    """The registrable label of an owned domain ("" for an IP address or a bare suffix)."""
    try:
        return split_domain(registrable_domain(host))[1]
    except DomainError:
        return ""


def slips(skel: str) -> set[str]:
    """The slips allowed on a short name: one letter doubled, or two neighbours swapped."""
    doubled = {skel[: i + 1] + skel[i:] for i in range(len(skel))}
    swapped = {skel[:i] + skel[i + 1] + skel[i] + skel[i + 2 :] for i in range(len(skel) - 1)}
    return (doubled | swapped) - {skel}


def _add(table: dict[str, str | tuple[str, ...]], key: str, value: str) -> None:
    old = table.get(key)
    if old is None:
        table[key] = value
    elif isinstance(old, str):
        if old != value:
            table[key] = (old, value)
    elif value not in old:
        table[key] = old + (value,)


class BrandIndex:
    """Brand names by skeleton, a prefix set for token scans, deletion tables for typos."""

    def __init__(self, brands: Iterable[Brand]) -> None:
        self.brands: list[Brand] = list(brands)
        self.names: dict[str, tuple[Name, ...]] = {}
        for i, brand in enumerate(self.brands):
            seen: set[str] = set()
            labels = [(brand.label, False)] if brand.suffix else []  # an IP address has no name
            # the owner's other domains are its names too (`evnhcmc.vn` of `evn.com.vn`)
            owned = [(_owned_label(d), True, True) for d in brand.owned_domains]
            named = [*((t, a, False) for t, a in labels), *((a, True, False) for a in brand.aliases), *owned]
            for text, alias, is_owned in named:
                if not text:
                    continue
                name = self._name(text, i, alias, is_owned)
                if name is None or name.skel in seen:
                    continue
                seen.add(name.skel)
                self.names[name.skel] = self.names.get(name.skel, ()) + (name,)
        # every genuine way each skeleton is written (homoglyph tests)
        self.spellings: dict[str, tuple[str, ...]] = {
            skel: tuple({n.written for n in names} | {n.plain for n in names}) for skel, names in self.names.items()
        }
        scanned: list[str] = []  # the names the token scan reports
        # deletion key -> the skeleton(s) stored under it (typo blocking)
        self._typo: dict[str, str | tuple[str, ...]] = {}
        # slip of a 4-letter name -> the name(s) (a registered name is no slip of another)
        self._slips: dict[str, str | tuple[str, ...]] = {}
        for skel, names in self.names.items():
            if all(n.generic for n in names):
                continue
            scanned.append(skel)
            bound = typo_bound(len(skel))
            if bound:
                for key in _deletions(skel[:PREFIX], bound):
                    _add(self._typo, key, skel)
            elif len(skel) == SHORT_NAME:
                for slip in slips(skel):
                    if slip not in self.names:
                        _add(self._slips, slip, skel)
        # a generic name that begins a scanned one is reported too
        ordered = sorted(scanned)
        for skel in self.names:
            i = bisect_left(ordered, skel)
            if i < len(ordered) and ordered[i] != skel and ordered[i].startswith(skel):
                scanned.append(skel)
        self._scanned = tuple(scanned)
        automaton = ahocorasick_rs.AhoCorasick(scanned) if scanned else None
        self._find = automaton.find_matches_as_indexes if automaton is not None else None
        # the same keys as a set: a set probe touches one cache line, a dict
        # probe two, and most probes miss (see near())
        self._typo_keys = frozenset(self._typo)
        self._longest = max((len(skel) for skel in self.names), default=0)

    @staticmethod
    def _name(text: str, brand: int, alias: bool, owned: bool = False) -> Name | None:
        written = "".join(c for c in text.lower() if c.isalnum())
        plain = name_key(text)
        skel = skeleton(plain)
        if len(skel) < MIN_NAME:
            return None
        short = len(skel) <= SHORT_NAME
        return Name(
            skel=skel,
            plain=plain,
            written=written,
            brand=brand,
            alias=alias,
            short=short,
            generic=is_generic_name(plain),
            descriptive=is_made_of_words(plain),
            acronym=short and VOWELS.isdisjoint(plain),
            phrase=alias and len(text.split()) >= 3,
            owned=owned,
        )

    # --- look-ups -----------------------------------------------------------

    def scan(self, joined: str) -> list[tuple[int, int, str]]:
        """Every ``(start, end, skeleton)`` where a non-generic brand name occurs in ``joined``.

        (A generic name that is also the prefix of a non-generic one is
        reported too: the matcher needs it to tell what explains a typo.)
        """
        if self._find is None:
            return []
        names = self._scanned
        hits = [(start, end, names[i]) for i, start, end in self._find(joined, overlapping=True)]
        hits.sort()
        return hits

    def near(self, segment: str) -> list[tuple[str, int]]:
        """Brand skeletons within their typo bound of ``segment`` (not equal to it): ``(skeleton, edits)``."""
        m = len(segment)
        if m < 4 or m > self._longest + 2:
            return []
        # A segment of 7 letters or fewer needs only one deletion on its
        # side: an 8+ letter name is longer, so its extra letters are deleted
        # on the name's side. Most segments share no key with any name: the
        # intersection (in C) is then empty and nothing else runs.
        shared = self._typo_keys.intersection(_deletions(segment[:PREFIX], 2 if m >= 8 else 1))
        return self._confirm(segment, shared) if shared else []

    def slip(self, label: str) -> tuple[str, ...]:
        """The 4-letter names of which the whole ``label`` (a skeleton) is a slip (module docstring)."""
        found = self._slips.get(label)
        if found is None:
            return ()
        return (found,) if found.__class__ is str else found

    def _confirm(self, segment: str, shared: Iterable[str]) -> list[tuple[str, int]]:
        """The names stored under the ``shared`` deletion keys that really are within their typo bound."""
        table = self._typo
        skels: set[str] = set()
        for key in shared:
            value = table[key]
            if value.__class__ is str:
                skels.add(value)
            else:
                skels.update(value)
        skels.discard(segment)
        out = []
        distance = OSA.distance
        for skel in skels:
            bound = 1 if len(skel) <= 7 else 2  # typo_bound(), inlined: this loop is hot
            dist = distance(segment, skel, score_cutoff=bound)
            if dist <= bound:
                out.append((skel, dist))
        return out

    def stats(self) -> dict[str, int]:
        return {
            "brands": len(self.brands),
            "names": len(self.names),
            "scanned": len(self._scanned),
            "typo_keys": len(self._typo),
            "slips": len(self._slips),
        }
