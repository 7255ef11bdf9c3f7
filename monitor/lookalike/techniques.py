"""The lookalike techniques, one small named function each, and how they score.

A *hit* is a brand name found in a candidate host, exactly (on the skeleton)
or within its typo bound. Each hit becomes an :class:`Evidence`; every
technique in :data:`TECHNIQUES` looks at the evidence and says whether it
explains it. A result lists every technique that explains it.

*Where* the brand sits (each returns a score 0–100, or None):

=============  ==================================================  =====
brand_token    the brand is a token of the registrable label,        see
               next to keywords, digits or other words               below
               (``cskh-shopee.com``, ``shopeevip88.com``)
subdomain      the brand is in a subdomain of another registrable    45–95
               domain (``shopee.vn-hotro.online``); 95 when the
               brand's whole domain is spelled out in the host
suffix_swap    the label is the brand, under another suffix          40–88
               (``.com`` ↔ ``.vn`` ↔ ``.com.vn``, ``brand.weebly.com``)
=============  ==================================================  =====

*How* the brand is spelled (each returns an adjustment to the where-score):

=============  ==================================================  ======
hyphenation    hyphens inside the brand (``dien-may-xanh``)              0
typo           1–2 edits (restricted Damerau–Levenshtein): −5 for   −5…−23
               one edit, −10 for two typical slips, −23 for two
               other edits, −20 for one odd edit turning a name made
               of words into another (``longtrung``/``luongtrung``);
               on a 4-letter name only a doubled letter or swapped
               neighbours of the whole label (``mommo``, ``gthk``)
homoglyph      look-alike letters: IDN/accented/Cyrillic (+40),     +3…+40
               ``0``/``1``/``rn``/``vv`` swaps (+5, +15 on short
               names), ``l``/``i`` swaps (+3); ``cl`` for ``d``
               scores like ``rn`` and is no typo (``clienmayxanh``),
               though kept out of the skeleton and found as one
alias          the name is an alias (``vcb``, ``tgdd``), not the         0
               registered label
=============  ==================================================  ======

Score = the best where-score plus the how-adjustments, clamped to 0–100.
When the label *is* the brand respelled under the brand's own suffix
(``shoppe.vn``) there is no where-technique and the base is 85 (short and
generic names: the suffix-swap table). Results below the matcher's
``min_score`` (default 70, as ``[lookalikes] min_score``) are dropped.

*Weak* names identify a brand loosely: 3–4 letter names, common words, and
aliases made of plain words (``Long Châu``, ``Vietjet``). Names *made of
words* (``dienmayxanh``, ``vietcombank``) are told from invented ones
(``shopee``, ``vnpay``) by :func:`monitor.lookalike.words.is_made_of_words`.
An alias of three words or more (``Giao Hàng Tiết Kiệm``) is weak inside a
label but, as the whole label, tells the brand as well as its own name:
``giao-hang-tiet-kiem.com`` is a suffix swap like ``thegioididong.net``.

brand_token, by what surrounds the brand (invented names / weak or made of words):

* severe keyword (``cskh``, ``hotro``, ``khuyenmai``, ``login``, ``sale``,
  ``vip``…, tables.SEVERE_KEYWORDS), or the brand's own suffix right after
  it (``shopee-vn``, ``vietcombank-com-vn``): 92 (weak 90);
* channel keywords (``vn``, ``official``, ``online``, ``shop``, ``app``…): 85 (82);
* digits or a stray letter only (``shopee88``, ``shopees``): 82 (80);
* a separate unknown word beside it: 72 (weak: 55), 77 with a channel
  keyword, 85 (72) with a severe keyword — also one inside the word
  (``vay`` in ``vaynhanh``, ``0dong`` in ``ve0dong``);
* only everyday/corporate words (``hcm``, ``group``) beside a weak or
  made-of-words name: 55 (60 with a channel keyword), like another company;
  but a legal form (``cty``, ``jsc``, ``corp``) beside the brand's own name
  (not an alias of one or two plain words) is that company and counts as a
  channel keyword (``ctyfpt``, ``phongvucorp``: 82/85), and a city beside a
  channel keyword says where the channel is (``yame-outlet-hcm``: 82);
* a 3–4 letter name among stray single letters (``8mqt56r3v``): 55, a random string;
* letters glued to the brand that are no keyword: 70 for invented names,
  55 for names made of words (``nguyenkim`` in ``nguyenkimanh``), and no
  match at all for 3–4 letter names (``vib`` is not in ``vibe``), except
  an acronym without a vowel at one end of a word whose rest splits into
  words (``pnjvang``): the rest counts as a separate unknown word (55; 72
  with a severe keyword); so does the rest of a word after a short name
  with a vowel glued after a severe keyword, when it splits into two
  syllables or more (``khuyenmaitikihomnay``: 72).

A scam TLD (tables.SCAM_TLDS) adds 5 to the weaker cases; a foreign country
TLD (``.de``, ``.co.th``) takes 5 off, and abroad a brand next to anything
but a severe keyword scores 68 (weak 60): ``lazadaexpress.co.th`` is more
likely a sister company than a scam aimed at Vietnamese shoppers.

suffix_swap by the candidate's suffix (invented / weak names): Vietnamese
(``.vn``, ``.com.vn``…) 85/80, scam TLD 88/80, hosting 85/75, other 80/45,
foreign 65/40. A 3-letter name under ``.com`` or ``.org`` is usually a
foreign company (``vcb.org``), so it stays below the default threshold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from monitor.lookalike.index import Name
from monitor.lookalike.labels import LabelView, Residue, keyword_only

LABEL = "label"
SUBDOMAIN = "subdomain"

SAME_NAME_SCORE = 85  # the brand itself, respelled, under its own suffix
_VIETNAM = frozenset({"vn", "vietnam", "vnn"})  # keywords naming the country


class Context:
    """Facts about the candidate shared by all its hits."""

    __slots__ = ("suffix", "suffix_class", "_label", "_keyword_domain")

    def __init__(self, suffix: str, suffix_class: str, label: LabelView) -> None:
        self.suffix = suffix
        self.suffix_class = suffix_class  # vn | scam | hosting | foreign | generic (tables.suffix_class)
        self._label = label
        self._keyword_domain: bool | None = None

    @property
    def keyword_domain(self) -> bool:
        """The registrable label holds only keywords and digits (`vn-hotro`)."""
        if self._keyword_domain is None:
            self._keyword_domain = keyword_only(self._label)
        return self._keyword_domain


@dataclass(frozen=True, slots=True)
class Evidence:
    """One brand name found in a candidate host."""

    name: Name
    place: str  # LABEL (the registrable label) or SUBDOMAIN
    whole: bool  # the hit covers the whole label
    same_suffix: bool  # the candidate's suffix is the brand's
    distance: int  # 0: same skeleton; else typo edits
    plausible: bool  # typo edits are typical slips (dropped, doubled, swapped, neighbouring keys)
    hyphenated: bool
    spelling: str  # "" | unicode | ascii | letter (skeleton.lookalike_kind)
    residue: Residue
    spelled_domain: bool = False  # subdomain: `shopee.vn-…`, `brand.com.vn.…`
    wordlike: bool = False  # typo: name and misspelling are both made of words
    suffix_mimic: bool = False  # the brand's suffix follows it in the label (`shopee-vn`, `vcbcomvn`)


def _weak(name: Name) -> bool:
    """Short names, common words, and aliases made of words (`Long Châu`) identify a brand weakly."""
    return name.short or name.generic or (name.alias and name.descriptive)


def _weak_label(name: Name) -> bool:
    """Whether ``name`` as a whole label identifies its brand weakly (a phrase alias does not)."""
    return _weak(name) and not name.phrase


def _own_name(name: Name) -> bool:
    """The brand's registered name, or an alias that names its company alone (`TGDD`, `Giao Hàng Tiết Kiệm`).

    Not an alias made of fewer plain words (`Long Châu`), which other companies share.
    """
    return not name.generic and (not (name.alias and name.descriptive) or name.phrase)


def _company_words(ev: Evidence) -> tuple[tuple[str, ...], bool]:
    """The everyday words beside a weak or made-of-words name that make another company's name.

    Also says whether the label presents a channel of the brand (a keyword
    other than those words). A legal form beside the brand's own name is the
    company itself (`ctyfpt`, `phongvucorp`), so it presents the brand like a
    channel keyword; a city beside a channel is where it is (`yame-outlet-hcm`).
    """
    r = ev.residue
    common = r.common
    if r.legal and _own_name(ev.name):
        common = tuple(w for w in common if w not in r.legal)
    channel = len(common) < len(r.keywords)
    if channel and r.places:
        common = tuple(w for w in common if w not in r.places)
    return common, channel


def _in_label_score(ev: Evidence, ctx: Context) -> int | None:
    """Score of a brand inside a label, by what surrounds it (module docstring)."""
    r = ev.residue
    weak = _weak(ev.name)
    scam_tld = 5 if ctx.suffix_class == "scam" else 0
    # abroad, but naming Vietnam (`mbbank-vn.id`): aimed at Vietnamese customers all the same
    foreign = ctx.suffix_class == "foreign" and not any(k in _VIETNAM for k in r.keywords)
    if ev.suffix_mimic:
        return 90 if weak else 92  # `shopee-vn`, `vietcombank-com-vn`: the brand's own domain, respelled
    if r.glued:
        if weak:
            return None  # part of a longer word
        base = 55 if ev.name.descriptive else 70
        return base + (8 if r.severe else 0) + scam_tld - (5 if foreign else 0)
    # next to a short name or a name made of words, everyday words make
    # another company name (`seabank-group`, `ghn-express`), not a channel;
    # a separate unknown word beside a long name is still suspicious
    # (`vietcombank-ketnoi`), beside a short one it is another company
    # (`acb-construction`)
    common, channel = _company_words(ev) if r.common and (weak or ev.name.descriptive) else ((), r.channel)
    if ev.name.short and r.singles >= 2:
        return 55  # `8mqt56r3v`: a short name among stray letters is a random string
    if r.unknown or common:
        if r.severe:
            base = 72 if weak else 85
        elif r.unknown and not weak:
            base = 72 + (5 if channel else 0)
        elif channel:
            base = 60 if weak or ev.name.descriptive else 77
        else:
            base = 55 if weak or ev.name.descriptive else 72
        return base + scam_tld - (5 if foreign else 0)
    if foreign and not r.severe:
        return 60 if weak else 68  # `lazada-express.co.th`: abroad, another company usually
    if r.severe:
        return 90 if weak else 92
    if r.keywords:
        return 82 if weak else 85
    return 80 if weak else 82


# --- where ---------------------------------------------------------------------


def brand_token(ev: Evidence, ctx: Context) -> int | None:
    """The brand is one token of the registrable label, among other words."""
    if ev.place != LABEL or ev.whole:
        return None
    return _in_label_score(ev, ctx)


def subdomain(ev: Evidence, ctx: Context) -> int | None:
    """The brand is in a subdomain of someone else's registrable domain."""
    if ev.place != SUBDOMAIN:
        return None
    if ev.spelled_domain:
        return 95
    trap = ctx.keyword_domain or ctx.suffix_class == "scam"
    if ev.whole:
        if _weak_label(ev.name):
            return 85 if trap else 45
        return 90 if trap else 78
    score = _in_label_score(ev, ctx)
    if score is not None and trap:
        score += 5
    return score


_SWAP_SCORES = {
    False: {"vn": 85, "scam": 88, "hosting": 85, "generic": 80, "foreign": 65},  # long, distinctive names
    True: {"vn": 80, "scam": 80, "hosting": 75, "generic": 45, "foreign": 40},  # short or generic names
}


def same_name_score(ev: Evidence, ctx: Context) -> int:
    """The label is the brand respelled (or an alias) under the brand's own suffix.

    Short and generic names get the suffix-swap table: ``tcb.com`` is not
    Techcombank's just because ``techcombank.com`` is.
    """
    if _weak_label(ev.name):
        return _SWAP_SCORES[True][ctx.suffix_class]
    return SAME_NAME_SCORE


def suffix_swap(ev: Evidence, ctx: Context) -> int | None:
    """The label is the brand, under another public suffix or a hosting domain."""
    if ev.place != LABEL or not ev.whole or ev.same_suffix:
        return None
    return _SWAP_SCORES[_weak_label(ev.name)][ctx.suffix_class]


# --- how -----------------------------------------------------------------------


def hyphenation(ev: Evidence, ctx: Context) -> int | None:
    """Hyphens inserted inside the brand."""
    return 0 if ev.hyphenated else None


def typo_adjustment(distance: int, plausible: bool, wordlike: bool) -> int:
    """One edit −5; two edits −10 when both are typical slips, −23 otherwise.

    A single unusual edit turning one name made of words into another
    (``longtrung`` → ``luongtrung``) −20.
    """
    if distance == 1:
        return -5 if plausible or not wordlike else -20
    return -10 if plausible else -23


def typo(ev: Evidence, ctx: Context) -> int | None:
    """One or two edits away from the brand (restricted Damerau–Levenshtein)."""
    if ev.distance == 0:
        return None
    return typo_adjustment(ev.distance, ev.plausible, ev.wordlike)


def best_possible(place: str, whole: bool) -> int:
    """The highest where-score a hit in this place can get (to skip hopeless typos early)."""
    if place == SUBDOMAIN:
        return 95
    return max(_SWAP_SCORES[False].values()) if whole else 92


def homoglyph(ev: Evidence, ctx: Context) -> int | None:
    """Look-alike letters: accents, Cyrillic/Greek, `0`/`1`, `rn`/`vv`, `l`/`i`."""
    if not ev.spelling:
        return None
    if ev.spelling == "unicode":
        return 40
    if ev.spelling == "ascii":
        return 15 if _weak(ev.name) else 5
    return 3


def alias(ev: Evidence, ctx: Context) -> int | None:
    """The name found is one of the brand's aliases, not its registered label."""
    return 0 if ev.name.alias else None


Technique = Callable[[Evidence, Context], "int | None"]

# name, function, kind ("where" scores, "how" adjusts). Order is the order
# in which techniques are listed in results.
TECHNIQUES: tuple[tuple[str, Technique, str], ...] = (
    ("brand_token", brand_token, "where"),
    ("subdomain", subdomain, "where"),
    ("suffix_swap", suffix_swap, "where"),
    ("hyphenation", hyphenation, "how"),
    ("typo", typo, "how"),
    ("homoglyph", homoglyph, "how"),
    ("alias", alias, "how"),
)

TECHNIQUE_NAMES: tuple[str, ...] = tuple(name for name, _, _ in TECHNIQUES)


def assess(ev: Evidence, ctx: Context) -> tuple[int, tuple[str, ...]]:
    """(score, technique names) for one piece of evidence; score 0 when nothing applies."""
    where: list[int] = []
    adjust = 0
    names: list[str] = []
    for tname, fn, kind in TECHNIQUES:
        value = fn(ev, ctx)
        if value is None:
            continue
        names.append(tname)
        if kind == "where":
            where.append(value)
        else:
            adjust += value
    if where:
        base = max(where)
    elif ev.place == LABEL and ev.whole:
        base = same_name_score(ev, ctx)
    else:
        return 0, ()
    return max(0, min(100, base + adjust)), tuple(names)
