"""Lookalike matching at scale: 1,000,000 candidates against 50,000 brands.

    .venv/bin/python benchmarks/lookalike_speed.py [--candidates 1000000] [--brands 50000] [--workers 2]

Generates a seeded synthetic registry (Vietnamese-syllable, English-word and
invented shop names under .vn/.com.vn/.com) and a seeded candidate feed
(ordinary domains with ~2% lookalikes of every technique), builds the index,
streams the feed through ``Matcher.match_many`` on ``--workers`` processes,
and prints wall time, peak memory, and the ratio against brute force:
rapidfuzz ``process.cdist`` (OSA distance of every candidate label against
every brand name, all cores) measured on a sample in the same run and
scaled to the full feed. Without numpy, ``process.cdist`` is unavailable and
the same all-pairs computation runs through ``process.extract`` (also C++).
Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
import timeit
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import process  # noqa: E402
from rapidfuzz.distance import OSA  # noqa: E402

from monitor.domains import DomainError  # noqa: E402
from monitor.lookalike import Brand, Matcher  # noqa: E402

SEED = 20250701

ONSETS = "b c ch d g gi h k kh l m n ng nh ph qu s t th tr v x".split()
RHYMES = """
a ai an ang anh ao au ay ac at e em en eo et i ia ich iem ien ieu im in inh it o oa
oai oan oang oanh oc oi om on ong ot u ua uan uc ui um un ung uong uoi uy uyen y
""".split()
# ~1,000 Vietnamese-looking syllables (some invalid combinations: harmless here)
SYLLABLES = sorted({o + r for o in ONSETS for r in RHYMES if not (o in ("k", "gi") and r[0] in "ou")})

WORDS = """
shop store mart home tech beauty fashion food coffee tea baby kids toys phone mobile
laptop camera book books gift flower garden kitchen house auto bike sport fitness
smart green blue red gold star sun moon sky city world king queen royal happy lucky
best prime plus max mini mega super ultra digital global express market plaza outlet
apple orange lemon mango cherry berry honey sugar salt pepper spice rice bread cake
cookie candy milk cream cheese butter juice water wine beer soda pizza burger noodle
chicken beef pork fish crab shrimp seafood fruit veggie farm fresh organic natural
pure clean bright shine glow skin hair nail spa salon care health vita life living
love heart soul mind dream hope joy peace grace angel magic wonder story art craft
design studio space room decor light lamp wood stone metal glass paper cotton silk
leather denim shoes boots bags watch jewel diamond pearl silver crystal ruby jade
tiger lion eagle panda fox bear wolf dragon phoenix lotus rose lily orchid daisy
ocean river lake hill mountain island forest valley field park bridge tower castle
north south east west central urban metro village town nation family friend team
""".split()

TLDS_BRANDS = [("vn", 35), ("com.vn", 30), ("com", 28), ("net", 3), ("shop", 2), ("store", 2)]
TLDS_CANDIDATES = [
    ("com", 45), ("net", 8), ("org", 5), ("vn", 10), ("com.vn", 8), ("info", 3), ("xyz", 4),
    ("top", 3), ("shop", 3), ("online", 3), ("site", 2), ("store", 2), ("co", 2), ("io", 2),
]
KEYWORDS = ["cskh", "hotro", "khuyenmai", "sale", "vip", "online", "login", "vn", "official", "shop", "tuyendung", "uudai"]


def _weighted(rng: random.Random, table: list[tuple[str, int]]) -> str:
    return rng.choices([t for t, _ in table], weights=[w for _, w in table])[0]


def _invented(rng: random.Random) -> str:
    cons, vows = "bcdfghklmnprstvxz", "aeiouy"
    return "".join(rng.choice(cons) + rng.choice(vows) for _ in range(rng.randint(2, 4)))


def _name(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.55:
        # shop names are mostly 3-4 syllables (`noithatmoctre`, `rausachdongxanh`)
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.choices((2, 3, 4), weights=(15, 45, 40))[0]))
    if kind < 0.8:
        return rng.choice(WORDS) + rng.choice(SYLLABLES + WORDS)
    return _invented(rng)


def make_brands(n: int, rng: random.Random) -> list[Brand]:
    seen: set[str] = set()
    brands: list[Brand] = []
    while len(brands) < n:
        label = _name(rng)
        domain = f"{label}.{_weighted(rng, TLDS_BRANDS)}"
        if domain in seen:
            continue
        seen.add(domain)
        aliases = ()
        if rng.random() < 0.1:
            aliases = ("".join(w[0] for w in rng.sample(SYLLABLES, rng.randint(3, 4))),)
        try:
            brands.append(Brand(domain, aliases=aliases))
        except DomainError:  # `hanam.vn` is itself a public suffix (a province)
            continue
    return brands


def _typo(rng: random.Random, s: str) -> str:
    i = rng.randrange(len(s))
    op = rng.random()
    if op < 0.3:
        return s[:i] + s[i] + s[i:]
    if op < 0.55 and len(s) > 5:
        return s[:i] + s[i + 1 :]
    if op < 0.8 and i + 1 < len(s):
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    return s[:i] + rng.choice("abcdefghiklmnopqrstuvxy") + s[i + 1 :]


def _lookalike(rng: random.Random, brand: Brand) -> str:
    label = brand.label
    tech = rng.randrange(6)
    kw = rng.choice(KEYWORDS)
    tld = _weighted(rng, TLDS_CANDIDATES)
    if tech == 0:
        return f"{kw}-{label}.{tld}" if rng.random() < 0.5 else f"{label}{kw}.{tld}"
    if tech == 1:
        return f"{label}.{brand.suffix}-{kw}.{tld}"
    if tech == 2:
        while tld == brand.suffix:
            tld = _weighted(rng, TLDS_CANDIDATES)
        return f"{label}.{tld}"
    if tech == 3:
        cut = rng.randint(2, max(2, len(label) - 2))
        return f"{label[:cut]}-{label[cut:]}.{tld}"
    if tech == 4:
        return f"{_typo(rng, label)}.{tld}"
    swapped = label.replace("o", "0", 1).replace("l", "1", 1).replace("m", "rn", 1)
    return f"{swapped if swapped != label else label + '-' + kw}.{tld}"


def candidates(n: int, brands: list[Brand], rng: random.Random, planted: set[str] | None = None) -> Iterator[str]:
    """Ordinary domains with ~2% lookalikes of random brands (collected in ``planted``)."""
    for _ in range(n):
        roll = rng.random()
        if roll < 0.02:
            host = _lookalike(rng, rng.choice(brands))
            if planted is not None:
                planted.add(host)
            yield host
            continue
        label = _name(rng) if roll < 0.7 else "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(5, 14)))
        if rng.random() < 0.15:
            label += "-" + rng.choice(SYLLABLES + WORDS)
        host = f"{label}.{_weighted(rng, TLDS_CANDIDATES)}"
        if rng.random() < 0.08:
            host = rng.choice(["www", "m", "shop", "blog", "mail", rng.choice(SYLLABLES)]) + "." + host
        yield host


def _calibrate() -> float:
    """Microseconds for sum(range(1000)) on this core now (~8-10 on a typical laptop core)."""
    return min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000 * 1e6


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def peak_rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def brute_force_seconds_per_candidate(labels: list[str], names: list[str], workers: int) -> tuple[float, str]:
    try:
        import numpy  # noqa: F401

        start = time.perf_counter()
        process.cdist(labels, names, scorer=OSA.distance, score_cutoff=2, dtype="uint8", workers=workers)
        return (time.perf_counter() - start) / len(labels), f"process.cdist(workers={workers})"
    except ImportError:
        start = time.perf_counter()
        for label in labels:
            process.extract(label, names, scorer=OSA.distance, score_cutoff=2, limit=None)
        # process.extract uses one core; all-pairs work splits evenly over `workers`
        return (time.perf_counter() - start) / len(labels) / workers, "process.extract (numpy missing: no cdist), /workers"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=1_000_000)
    parser.add_argument("--brands", type=int, default=50_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=300, help="candidates in the brute-force sample")
    args = parser.parse_args()

    # How fast is this machine right now? (sum(range(1000)) takes ~8-10 us on a
    # typical laptop core; a shared or loaded machine shows it here.)
    ref = _calibrate()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, sum(range(1000)) = {ref:.1f} us")

    rng = random.Random(SEED)
    t0 = time.perf_counter()
    brands = make_brands(args.brands, rng)
    t1 = time.perf_counter()
    matcher = Matcher(brands)
    t2 = time.perf_counter()
    print(f"brands: {len(brands):,} generated in {t1 - t0:.1f} s; index built in {t2 - t1:.1f} s {matcher.index.stats()}")

    feed_rng = random.Random(SEED + 1)
    t3 = time.perf_counter()
    # Generated before timing, so the clock measures matching only (the
    # matcher itself reads any iterable lazily, chunk by chunk).
    planted: set[str] = set()
    feed = list(candidates(args.candidates, brands, feed_rng, planted))
    print(f"feed: {len(feed):,} candidates generated in {time.perf_counter() - t3:.1f} s (not timed below)")
    flagged = 0
    invalid = 0
    flagged_hosts: set[str] = set()

    def _invalid(text: str, reason: str) -> None:
        nonlocal invalid
        invalid += 1

    load_before = os.getloadavg()[0]
    cpu_before = _cpu_seconds()
    start = time.perf_counter()
    for m in matcher.match_many(feed, workers=args.workers, chunk_size=5000, on_invalid=_invalid):
        flagged += 1
        flagged_hosts.add(m.candidate)
    wall = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu_before
    own, children = peak_rss_mb()
    print(
        f"match: {args.candidates:,} candidates x {len(brands):,} brands on {args.workers} process(es): "
        f"wall {wall:.1f} s ({args.candidates / wall:,.0f}/s), {flagged:,} matches, {invalid} invalid"
    )
    found = len(planted & flagged_hosts)
    print(
        f"planted lookalikes flagged: {found:,}/{len(planted):,} ({found / max(1, len(planted)):.1%}); other candidates "
        f"flagged: {len(flagged_hosts - planted):,} (ordinary names drawn like brand names collide with them by design)"
    )
    # a shared VM's speed drifts: the same calibration after the run tells whether it did
    print(f"machine after the run: sum(range(1000)) = {_calibrate():.1f} us (before: {ref:.1f} us)")
    print(
        f"cpu: {cpu:.1f} s in all processes ({cpu / args.candidates * 1e6:.0f} us/candidate); load average {load_before:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(
        f"peak RSS: parent {own:,.0f} MB, largest worker {children:,.0f} MB, "
        f"sum {own + children * max(1, args.workers):,.0f} MB (upper bound: forked workers share the index)"
    )

    sample_rng = random.Random(SEED + 2)
    sample = [c.split(".")[0] for c in candidates(args.sample, brands, sample_rng)]
    names = sorted(matcher.index.names)
    per, how = brute_force_seconds_per_candidate(sample, names, args.workers)
    brute_total = per * args.candidates
    print(
        f"brute force ({how}, OSA on {len(sample)} labels x {len(names):,} names): "
        f"{per * 1e3:.2f} ms/candidate -> {brute_total:,.0f} s for {args.candidates:,} "
        f"(typos only, no brand-in-label search)"
    )
    print(f"ratio: brute force / index = {brute_total / wall:,.1f}x")


if __name__ == "__main__":
    main()
