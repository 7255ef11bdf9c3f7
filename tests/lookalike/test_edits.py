"""Explaining a near-match: which slips make a misspelling."""

from monitor.lookalike.edits import edit_ops, plausible_typo


def test_edit_ops_find_a_transposition():
    assert edit_ops("vietcombank", "vietcombnak") == [("transpose", 8, "an", "na")]


def test_doubled_letters_dropped_letters_and_neighbouring_keys_are_slips():
    assert plausible_typo("dienmayxanh", "dienmayxanhh")
    assert plausible_typo("vietcombank", "vietcmbank")
    assert plausible_typo("vietcombank", "vietconbank")  # m and n are neighbours


def test_two_unrelated_replacements_are_no_slip():
    assert not plausible_typo("vinamilk", "vinamit")


def test_cutting_two_letters_off_the_start_is_another_word():
    assert not plausible_typo("sacombank", "combank")
