"""The brand index: token scan and typo blocking."""

from monitor.lookalike import Brand, BrandIndex
from monitor.lookalike.index import typo_bound
from monitor.lookalike.skeleton import skeleton


def test_the_typo_bound_grows_with_the_length_of_the_name():
    assert [typo_bound(n) for n in (3, 4, 5, 7, 8, 12)] == [0, 0, 1, 1, 2, 2]


def _index(*domains: str) -> BrandIndex:
    return BrandIndex([Brand(d) for d in domains])


def test_scan_finds_every_brand_inside_a_label():
    index = _index("shopee.vn", "tiki.vn")
    hits = index.scan(skeleton("shopeetiki"))
    assert {(s, e) for s, e, _ in hits} == {(0, 6), (6, 10)}


def test_generic_names_are_not_scanned_for():
    index = _index("sale.vn")
    assert index.scan(skeleton("shopeesale")) == []


def test_scan_finds_exactly_the_occurrences_brute_force_finds():
    """Every occurrence of every scanned name, overlapping and nested ones too, in order."""
    import random

    rng = random.Random(11)
    letters = "abcdeghiklmn"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(300)}
    index = _index(*(f"{w}.vn" for w in words), "sale.vn", "salemart.vn")
    scanned = [skel for skel, names in index.names.items() if not all(n.generic for n in names)]
    # a generic name is reported where it begins a scanned one (`sale` of `salemart`)
    reported = set(scanned) | {g for g in index.names if any(s != g and s.startswith(g) for s in scanned)}
    assert "sale" in reported
    for _ in range(400):
        label = "".join(rng.choice(letters) for _ in range(rng.randint(3, 40))) + rng.choice(["", "salemart"])
        want = sorted(
            (i, i + len(name), name) for name in reported for i in range(len(label)) if label.startswith(name, i)
        )
        assert index.scan(label) == want, label


def test_near_finds_one_edit_on_a_six_letter_name():
    index = _index("shopee.vn")
    assert index.near(skeleton("shoppe")) == [(skeleton("shopee"), 1)]


def test_near_allows_no_second_edit_on_a_six_letter_name():
    index = _index("shopee.vn")
    assert index.near(skeleton("shoppx")) == []


def test_near_allows_two_edits_on_an_eight_letter_name():
    index = _index("vinamilk.com.vn")
    assert index.near(skeleton("vinamlik1")) != []


def test_near_never_matches_short_names():
    index = _index("tiki.vn")
    assert index.near(skeleton("tikki")) == []


def test_a_four_letter_name_is_found_under_its_slips_only():
    index = _index("momo.vn", "ghtk.vn", "vcb.vn")
    assert index.slip("mommo") == ("momo",)  # a letter doubled
    assert index.slip("gthk") == ("ghtk",)  # two neighbours swapped
    assert index.slip("mpmo") == ()  # another edit
    assert index.slip("vbc") == ()  # three-letter names get none


def test_near_finds_exactly_what_brute_force_finds():
    import random

    from rapidfuzz.distance import OSA

    rng = random.Random(5)
    letters = "abcdeghiklmnopqrstuvxy"

    def word(n: int) -> str:
        return "".join(rng.choice(letters) for _ in range(n))

    def mutate(w: str) -> str:
        for _ in range(rng.randint(1, 2)):
            i = rng.randrange(len(w))
            op = rng.randrange(4)
            if op == 0:
                w = w[:i] + w[i + 1 :]
            elif op == 1:
                w = w[:i] + rng.choice(letters) + w[i:]
            elif op == 2 and i + 1 < len(w):
                w = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
            else:
                w = w[:i] + rng.choice(letters) + w[i + 1 :]
        return w

    index = BrandIndex([Brand(word(rng.randint(5, 14)) + ".vn") for _ in range(400)])
    names = list(index.names)
    for _ in range(600):
        query = mutate(rng.choice(names))
        want = {
            (name, OSA.distance(query, name))
            for name in names
            if name != query and OSA.distance(query, name) <= typo_bound(len(name))
        }
        assert set(index.near(query)) == want, query
