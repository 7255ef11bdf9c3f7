"""Match observed domains against every registered brand.

Permutation generators (dnstwist) enumerate small edits of one name and miss
the shapes real scams use: brand + keyword, brand as a subdomain of another
domain, the name under another suffix. The :class:`Matcher` goes the other
way: each observed host is read once (normalised, split into registrable
label and subdomains, skeletonised) and looked up in a :class:`BrandIndex`
holding every brand name, so the cost per candidate does not grow with the
number of brands.

Never flagged: a registered domain, one of its owner's domains, an allowed
domain, anything under them, and a domain that is itself another registered
brand (two real brands close in spelling do not flag each other).

Decisions on the hard cases (see tests/lookalike and the scores in
:mod:`monitor.lookalike.techniques`):

* ``tiki-taka.com``, ``acb-construction.com``: a 3–4 letter name beside an
  unknown word is another company: not flagged (``tiki-sale.vn``,
  ``acbonline.net`` are).
* ``vcb.org``, ``acb.com``, ``mb.com``: a short name alone under a generic or
  foreign TLD is usually a foreign company: not flagged; under ``.vn``, a
  hosting domain or a scam TLD it is. Names under 3 letters (``MB``) are
  never looked for.
* ``vibe.com``, ``shopping.com``: a short name inside a longer word is not a
  token; long names inside a word count only if glued to keywords, digits
  or a single letter (``shopees``), or, for invented names, any letters
  (``shopeexyz``, 70).
* ``pnjvang-khuyenmai.com``: an acronym (a short name without a vowel, which
  no word holds) at one end of a word whose other letters split into words
  is a token beside another word (``vang``): flagged with a scam keyword
  (72), not alone (``pnjvang.com``, 55, like ``acb-construction``). Inside
  a word it is not (``ngk`` in ``trangkhoa``).
* ``mommo.vn``, ``gthk.vn``: 3–4 letter names get no typos (one edit of an
  acronym is another acronym), but a 4-letter name is found when the whole
  label is it with a letter doubled or two neighbours swapped, the slips
  of a name typed from memory; scored like the name itself under that
  suffix, less 5 (75 under ``.vn``, 40 under ``.com``). ``tiko.vn``,
  ``tikii-sale.com`` are not flagged.
* ``fpt.com.vn`` / ``fptshop.com.vn``, ``tpbank`` / ``vpbank``: registered
  names never flag each other, a segment that *is* a registered name is no
  typo of another, and ``fptshop-sale.com`` is matched to ``fptshop`` only.
* ``bamin.vn``: one edit from the 6-letter ``baemin`` is a typo by the
  length bound (1 edit for 5–7 letters), so it is flagged (score 80); if
  Bamin were registered it would not be.
* ``pharmacy.com``, ``circle.so``: a segment that is itself a common word is
  no typo of a brand (``pharmacity``, ``circlek``).
* ``ctyfpt-internet.com``, ``phongvucorp.vn``, ``hdbankjsc.com``: a legal
  form (``cty``, ``congty``, ``jsc``, ``corp``…, tables.LEGAL_FORM_KEYWORDS)
  beside the brand's own name claims to be its company (Vietnamese
  enterprise names are unique): flagged like a channel keyword (82–85).
  ``seabank-group``, ``ghn-express`` stay another company (``group`` is no
  legal form), as do ``congtylongchau`` (an alias of plain words many
  companies share), ``ctyfpt-xaydung`` (a legal form and another word:
  another company's name, like ``acb-construction``) and ``fpt-corp.co.jp``
  (abroad, a sister company).
* ``yameoutlet-hcm.com``: a city beside a channel keyword is where the
  brand's channel is (82); ``yame-hcm.com`` alone is another company (55).
* ``khuyenmaitikihomnay.com``: a short name with a vowel, written as
  registered, glued after a severe keyword and before two syllables or more
  is a token beside another word (72); not after an everyday keyword
  (``hottiki…``), nor before one syllable (``giftmobile``: ``mobi|le``),
  nor an acronym (``quanhthin``: ``qua|nht|hin``).
* ``clienmayxanh.com``: ``cl`` for ``d`` is a homoglyph (90), recognised on
  a typo hit (:func:`~monitor.lookalike.skeleton.pair_lookalike`), not in
  the skeleton: Vietnamese syllables meet as ``c|l`` (``nhathuoclongchau``).
  Only names of 8+ letters, within two edits, are found that way.
* ``agribank.com``: the label of ``agribank.com.vn`` under ``.com`` is a
  suffix swap (80), though a US AgriBank owns it; nothing in the registry
  tells it apart, so an allow-list entry, not a rule, clears it.
"""

from __future__ import annotations

import gc
import multiprocessing
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from monitor import domains
from monitor.domains import HOSTING_SUFFIXES, DomainError, is_ip, normalise_host, split_domain
from monitor.lookalike.brands import Brand
from monitor.lookalike.edits import plausible_typo
from monitor.lookalike.index import SHORT_NAME, BrandIndex
from monitor.lookalike.labels import LabelView, beside_scam_keyword, residue, typo_segments, view, whole_token
from monitor.lookalike.skeleton import fold, lookalike_kind, misspelling_kind, pair_lookalike, skeleton
from monitor.lookalike.tables import COMMON_WORDS, KEYWORDS, KNOWN_NAMES, SINGLE_LETTER_MIN_BRAND, suffix_class
from monitor.lookalike.techniques import (
    LABEL,
    SUBDOMAIN,
    TECHNIQUE_NAMES,
    Context,
    Evidence,
    assess,
    best_possible,
    typo_adjustment,
)
from monitor.lookalike.words import is_made_of_words

DEFAULT_MIN_SCORE = 70.0  # the default of [lookalikes] min_score in config/monitor.toml


@dataclass(frozen=True)
class Match:
    """A candidate host that imitates a registered brand."""

    candidate: str  # the normalised host (Unicode, lower case, no `www.`)
    target: str  # the brand's registered domain
    score: int  # 0–100, see monitor.lookalike.techniques
    techniques: tuple[str, ...]  # names from TECHNIQUES, in table order

    def as_dict(self) -> dict[str, object]:
        return {
            "candidate": self.candidate,
            "target": self.target,
            "score": self.score,
            "techniques": list(self.techniques),
        }


class Candidate(NamedTuple):
    """A candidate host, normalised and split (a tuple: one is made per candidate)."""

    host: str
    subdomain: str
    label: str
    suffix: str

    @property
    def registrable(self) -> str:
        return f"{self.label}.{self.suffix}"


# Plain ASCII host names (the bulk of any feed) are normalised and split here
# without the URL parser and with one public-suffix look-up per parent
# domain; anything else (URLs, IDNs, IPs, odd characters) goes through
# monitor.domains.normalise_host and split_domain. Both give the same result
# (tested on the public suffix list's own tricky cases).
_PLAIN_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?")


# Public-suffix rules (ICANN and private), and the parents of wildcard rules.
_RULES = frozenset(domains.SUFFIX_RULES)
_WILDCARD_PARENTS = frozenset(rule[2:] for rule in _RULES if rule.startswith("*."))
_PROBE = "zz-probe"


@lru_cache(maxsize=1 << 17)
def _split_rest(rest: str) -> tuple[str, str, str]:
    """How ``<label>.rest`` splits, learnt once per ``rest`` from a probe label."""
    return domains.split_host(f"{_PROBE}.{rest}")


def _split_plain(host: str) -> tuple[str, str, str]:
    """``domains.split_host`` for a plain ASCII host, from the split of everything after its first label.

    A public-suffix match never depends on the first label unless the host
    itself is a rule or falls under a wildcard rule; those (rare) hosts, and
    single-label ones, go through ``domains.split_host`` itself.
    """
    label, _, rest = host.partition(".")
    if not rest or host in _RULES or rest in _WILDCARD_PARENTS:
        return domains.split_host(host)
    sub, name, suffix = _split_rest(rest)
    if name == _PROBE:
        return sub, label, suffix
    if sub == _PROBE:
        return label, name, suffix
    if sub.startswith(_PROBE + "."):
        return label + sub[len(_PROBE) :], name, suffix
    return domains.split_host(host)


def parse_candidate(text: str) -> Candidate:
    """Normalise a domain or URL and split it; raises DomainError for non-domains."""
    raw = text.strip().strip(".").lower()
    if _PLAIN_HOST.fullmatch(raw) and "xn--" not in raw:
        host = raw
        while host.startswith("www.") and host.count(".") >= 2:
            host = host[4:]
        sub, label, suffix = _split_plain(host)
    else:
        host = normalise_host(text)
        sub, label, suffix = ("", host, "") if is_ip(host) else split_domain(host)
    return Candidate(host, sub, label, suffix)


class Matcher:
    """Every registered brand, indexed once; :meth:`match` checks one candidate."""

    def __init__(
        self,
        brands: Iterable[Brand],
        allow: Iterable[str] = (),
        *,
        min_score: float = DEFAULT_MIN_SCORE,
    ) -> None:
        self.index = BrandIndex(brands)
        self.min_score = min_score
        protected: set[str] = set()
        for brand in self.index.brands:
            protected.add(brand.domain)
            protected.update(brand.owned_domains)
        protected.update(normalise_host(a) for a in allow)
        self._protected = frozenset(protected)
        self._suffix_classes: dict[str, str] = {}
        self._near = lru_cache(maxsize=1 << 16)(self._nearest)

    def _nearest(self, segment: str) -> tuple[tuple[str, int], ...]:
        """The closest brand names to a segment (at most 5 of the smallest distance)."""
        near = self.index.near(segment)
        if not near:
            return ()
        best = min(d for _, d in near)
        return tuple(sorted((skel, d) for skel, d in near if d == best)[:5])

    @property
    def brands(self) -> list[Brand]:
        return self.index.brands

    # --- one candidate ------------------------------------------------------

    def is_protected(self, host: str) -> bool:
        """True for a registered, owned or allowed domain and anything under one."""
        if host in self._protected:
            return True
        if host.count(".") < 2:
            return False  # no parent domain below the suffix to look up
        parts = host.split(".")
        return any(".".join(parts[i:]) in self._protected for i in range(1, len(parts) - 1))

    def match(self, candidate: str) -> list[Match]:
        """The brands ``candidate`` imitates, best first. Raises DomainError for non-domains."""
        cand = parse_candidate(candidate)
        if not cand.suffix or self.is_protected(cand.host):
            return []
        label_view = view(cand.label)
        ctx = Context(cand.suffix, self._suffix_class(cand.suffix), label_view)
        evidence = self._evidence(label_view, LABEL, cand, ctx)
        if cand.subdomain:
            sub_labels = cand.subdomain.split(".")
            for k, sub_label in enumerate(sub_labels):
                tail = ".".join([*sub_labels[k + 1 :], cand.registrable])
                evidence += self._evidence(view(sub_label), SUBDOMAIN, cand, ctx, tail)
        return self._matches(cand.host, evidence, ctx) if evidence else []

    @staticmethod
    @lru_cache(maxsize=1024)
    def _suffix_skeleton(suffix: str) -> str:
        """`com.vn` as it reads inside a label: `comvn` (skeleton)."""
        return skeleton(suffix.replace(".", ""))

    def _suffix_class(self, suffix: str) -> str:
        cls = self._suffix_classes.get(suffix)
        if cls is None:
            cls = self._suffix_classes[suffix] = suffix_class(suffix, HOSTING_SUFFIXES)
        return cls

    def _evidence(
        self, lv: LabelView, place: str, cand: Candidate, ctx: Context, tail: str = ""
    ) -> list[Evidence]:
        found = self._hits(lv, place, ctx)
        if not found:
            return []  # most candidates: no brand name in sight
        names = self.index.names
        n = len(lv.joined)
        out: list[Evidence] = []
        for s, e, skel, dist, rule in found:
            whole = s == 0 and e == n
            # (whether the hit is a token, whether the letters glued to it are a word of their own), by
            # acronym flag: the names of one skeleton share the hit
            token: dict[bool, tuple[bool, bool]] = {}
            for name in names[skel]:
                if rule is not None and not _typo_allowed(name.brand, rule[0], rule[1]):
                    continue
                if (name.generic and not whole) or (dist and _no_typos(name)):
                    continue
                if name.owned and whole:
                    continue  # the owner's other name under another suffix: a defensive registration as often as not
                # letters glued to a name that split into words are a word of their own beside an
                # acronym (`pnjvang`), and beside a short name after a scam keyword (`khuyenmaitikihomnay`)
                words = name.acronym
                if name.short and not dist and not whole:
                    known = token.get(name.acronym)
                    if known is None:
                        beside = not name.acronym and self._beside_scam_keyword(lv, s, e, skel)
                        known = token[name.acronym] = (whole_token(lv, s, e, words=name.acronym) or beside, beside)
                    ok, beside = known
                    if not ok:
                        continue  # `vib` inside `vibe`
                    words = words or beside
                ev = self._one(lv, place, cand, tail, name, s, e, dist, words)
                if ev is not None:
                    out.append(ev)
        return out

    def _beside_scam_keyword(self, lv: LabelView, s: int, e: int, skel: str) -> bool:
        """A short name with a vowel, written as registered, glued after a scam keyword and before a word.

        (`khuyenmaitikihomnay`: :func:`beside_scam_keyword`.) An acronym keeps
        its own rule (:func:`whole_token`): its consonants are the very letters
        that close an open syllable, so after a keyword they may finish its
        syllable (`qua|nht` in `quanhthin`).
        """
        return beside_scam_keyword(lv, s, e) and lv.written(s, e) in self.index.spellings[skel]

    def _hits(self, lv: LabelView, place: str, ctx: Context) -> list[tuple[int, int, str, int, tuple | None]]:
        """Brand names in the label: ``(start, end, skeleton, edits, typo rule)``, exact ones first.

        The typo rule (from :func:`_explained`) is None for exact hits.
        """
        names = self.index.names
        joined = lv.joined
        n = len(joined)
        exact = _drop_contained(self.index.scan(joined))
        found: list[tuple[int, int, str, int, tuple | None]] = [(s, e, skel, 0, None) for s, e, skel in exact]
        if joined in names and (0, n, joined) not in exact:
            found.append((0, n, joined, 0, None))  # a generic name as the whole label
        if place == LABEL or _typo_in_subdomain(lv, ctx):
            found += self._typo_hits(lv, exact)
        return found

    def _typo_hits(self, lv: LabelView, exact: list[tuple[int, int, str]]) -> list[tuple[int, int, str, int, tuple]]:
        """Brand names within their typo bound of a segment of the label (:func:`typo_segments`).

        A 4-letter name is looked for only as the whole label, slipped
        (:meth:`BrandIndex.slip`: `mommo`, `gthk`).
        """
        names = self.index.names
        joined = lv.joined
        explain: list[tuple[int, int, int, bool]] | None = None
        found: list[tuple[int, int, str, int, tuple]] = []
        slipped = self.index.slip(joined) if len(joined) <= SHORT_NAME + 1 else ()
        segments = typo_segments(lv)
        if slipped:
            segments.add((0, len(joined)))
        for s, e in segments:
            segment = joined[s:e]
            if segment in names or segment in _WORD_SKELETONS:
                continue  # another real brand, or a dictionary word (`pharmacy`), spelled exactly
            near = self._near(segment)
            if slipped and e - s == len(joined):
                near += tuple((skel, 1) for skel in slipped)
            if not near:
                continue
            if explain is None:
                explain = [(hs, he, name.brand, name.short) for hs, he, skel in exact for name in names[skel]]
            rule = _explained(explain, s, e)
            found += [(s, e, skel, dist, rule) for skel, dist in near]
        return found

    def _one(self, lv, place, cand, tail, name, s, e, dist, words: bool) -> Evidence | None:
        """The evidence of one name hit at ``joined[s:e]``; ``words``: whether letters glued to
        it that split into words are a word of their own (:func:`residue`)."""
        brand = self.index.brands[name.brand]
        written = lv.written(s, e)
        if not written.isalnum():
            written = "".join(filter(str.isalnum, written))
        genuine = self.index.spellings[name.skel]
        whole = s == 0 and e == len(lv.joined)
        if dist and pair_lookalike(written, name.skel):
            dist = 0  # `clienmayxanh`: `cl` for `d` reads as the name itself, no typo
            spelling = "ascii"
            plausible = True
            wordlike = False
        elif dist:
            spelling = misspelling_kind(written, (name.written, name.plain))
            plausible = _plausible(name.skel, lv.joined[s:e])
            wordlike = name.descriptive and is_made_of_words(fold(written))
            if not spelling and (
                best_possible(place, whole) + typo_adjustment(dist, plausible, wordlike) < self.min_score
            ):
                return None  # a typo this odd cannot reach the threshold wherever it sits
        else:
            spelling = lookalike_kind(written, genuine)
            plausible = True
            wordlike = False
        spelled = False
        if place == SUBDOMAIN and whole:
            suffix = brand.suffix
            spelled = tail.startswith(suffix) and len(tail) > len(suffix) and tail[len(suffix)] in ".-"
        mimic = lv.joined[e:].startswith(self._suffix_skeleton(brand.suffix)) if brand.suffix else False
        return Evidence(
            suffix_mimic=mimic,
            name=name,
            place=place,
            whole=whole,
            same_suffix=cand.suffix == brand.suffix,
            distance=dist,
            plausible=plausible,
            hyphenated=lv.spans_hyphen(s, e),
            spelling=spelling,
            residue=residue(lv, s, e, singles_ok=len(name.skel) >= SINGLE_LETTER_MIN_BRAND, words=words),
            spelled_domain=spelled,
            wordlike=wordlike,
        )

    def _matches(self, host: str, evidence: list[Evidence], ctx: Context) -> list[Match]:
        best: dict[int, tuple[int, set[str]]] = {}
        for ev in evidence:
            score, techniques = assess(ev, ctx)
            if score < self.min_score:
                continue
            old = best.get(ev.name.brand)
            if old is None:
                best[ev.name.brand] = (score, set(techniques))
            else:
                best[ev.name.brand] = (max(old[0], score), old[1] | set(techniques))
        matches = [
            Match(host, self.index.brands[b].domain, score, tuple(t for t in TECHNIQUE_NAMES if t in techs))
            for b, (score, techs) in best.items()
        ]
        matches.sort(key=lambda m: (-m.score, m.target))
        return matches

    # --- many candidates ----------------------------------------------------

    def match_many(
        self,
        candidates: Iterable[str],
        *,
        workers: int = 1,
        chunk_size: int = 2000,
        on_invalid: Callable[[str, str], None] | None = None,
    ) -> Iterator[Match]:
        """Matches for a stream of candidates, in input order.

        Candidates are read lazily, ``chunk_size`` at a time, so a feed of
        millions of lines never sits in memory. With ``workers > 1`` chunks are
        matched in forked worker processes sharing this index. Lines that are
        not domains are skipped and reported to ``on_invalid(text, reason)``.
        """
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            yield from self._match_parallel(candidates, workers, chunk_size, on_invalid)
            return
        for text in candidates:
            try:
                yield from self.match(text)
            except DomainError as exc:
                if on_invalid is not None:
                    on_invalid(text, str(exc))

    def _match_parallel(
        self,
        candidates: Iterable[str],
        workers: int,
        chunk_size: int,
        on_invalid: Callable[[str, str], None] | None,
    ) -> Iterator[Match]:
        global _SHARED
        _SHARED = self
        # Freeze the index out of the garbage collector's reach so the forked
        # workers keep sharing its memory pages instead of copying them.
        gc.collect()
        gc.freeze()
        try:
            pool = multiprocessing.get_context("fork").Pool(workers)
        finally:
            gc.unfreeze()
        pending: deque = deque()
        finished = False
        try:
            it = iter(candidates)
            while chunk := list(islice(it, chunk_size)):
                pending.append(pool.apply_async(_match_chunk, (chunk,)))
                while len(pending) >= workers * 4:  # bounded: the feed is read as it is matched
                    yield from _unpack(pending.popleft().get(), on_invalid)
            while pending:
                yield from _unpack(pending.popleft().get(), on_invalid)
            finished = True
        finally:
            if finished:
                pool.close()
            else:  # the caller stopped early or a worker failed
                pool.terminate()
            pool.join()
            _SHARED = None


_SHARED: Matcher | None = None


def _match_chunk(chunk: list[str]) -> tuple[list[Match], list[tuple[str, str]]]:
    assert _SHARED is not None
    matches: list[Match] = []
    invalid: list[tuple[str, str]] = []
    # Matching makes no reference cycles: what it allocates is freed as it
    # goes, so the cyclic collector (one pass per few hundred allocations,
    # a tenth of the time) waits for the end of the chunk.
    gc.disable()
    try:
        for text in chunk:
            try:
                matches.extend(_SHARED.match(text))
            except DomainError as exc:
                invalid.append((text, str(exc)))
    finally:
        gc.enable()
    return matches, invalid


def _unpack(result, on_invalid) -> Iterator[Match]:
    matches, invalid = result
    if on_invalid is not None:
        for text, reason in invalid:
            on_invalid(text, reason)
    yield from matches


def _drop_contained(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest names: `fptshop` explains `fpt` inside it."""
    if len(hits) < 2:
        return hits
    kept = []
    for h in hits:  # (loops, not generators: this runs for every label with two hits or more)
        s, e = h[0], h[1]
        for o in hits:
            if o[0] <= s and e <= o[1] and o[1] - o[0] > e - s:
                break
        else:
            kept.append(h)
    return kept


# dictionary words, keywords and other real companies' names: never read as typos
_WORD_SKELETONS = frozenset(skeleton(w) for w in COMMON_WORDS | KEYWORDS | KNOWN_NAMES)

# Host labels that name a service, not a brand: never read as typos.
_SERVICE_LABELS = frozenset(
    "www m mail email smtp imap pop webmail api cdn static img images media assets blog shop "
    "store app admin portal login secure my dev test staging beta news help support docs".split()
)


def _typo_in_subdomain(lv: LabelView, ctx: Context) -> bool:
    """Typos are looked for in subdomains only under a keyword-only or scam-TLD domain."""
    return (ctx.keyword_domain or ctx.suffix_class == "scam") and lv.text not in _SERVICE_LABELS


_plausible = lru_cache(maxsize=1 << 16)(plausible_typo)


def _no_typos(name) -> bool:
    """Common words and aliases made of words are matched exactly only.

    (Short names get no typos either, only the slips of the whole label
    that :meth:`BrandIndex.slip` finds: the index offers no others.)
    """
    return name.generic or (name.alias and name.descriptive)


def _explained(hits: list[tuple[int, int, int, bool]], s: int, e: int) -> tuple[set[int], set[int]]:
    """How exact hits already explain the typo segment ``[s, e)``.

    Returns (owners, cut): brands of 5+ letters whose exact hit fills the
    segment but for one letter (`tpbanks` is TPBank, not a typo of VPBank), and brands
    whose exact hit the segment cuts into (a keyword stripped off the middle
    of `vietcombank` leaves `etcombank`, which is no typo of it).
    """
    owners: set[int] = set()
    cut: set[int] = set()
    for hs, he, brand, short in hits:
        if he <= s or hs >= e:
            continue
        if s <= hs and he <= e:
            if not short and (he - hs) >= (e - s) - 1:
                owners.add(brand)
        else:
            cut.add(brand)
    return owners, cut


def _typo_allowed(brand: int, owners: set[int], cut: set[int]) -> bool:
    if brand in cut:
        return False
    return not owners or brand in owners
