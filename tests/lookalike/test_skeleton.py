"""Skeletons: the spelling in which lookalikes and brands compare equal."""

from monitor.lookalike.skeleton import fold, lookalike_kind, name_key, pair_lookalike, skeleton, skeleton_with_map


def test_accents_are_stripped_and_d_with_stroke_is_d():
    assert fold("điệnmáyxanh") == "dienmayxanh"


def test_cyrillic_and_greek_lookalikes_read_as_latin():
    assert fold("ѕhорее") == "shopee"  # Cyrillic dze, o, er, ie
    assert fold("lazαda") == "lazada"  # Greek alpha


def test_fullwidth_letters_read_as_latin():
    assert fold("ｓｈｏｐｅｅ") == "shopee"


def test_zero_and_o_share_a_skeleton():
    assert skeleton("sh0pee") == skeleton("shopee")


def test_one_l_and_i_share_a_skeleton():
    assert skeleton("t1k1") == skeleton("tiki") == skeleton("tlkl")


def test_rn_reads_as_m():
    assert skeleton("vietcornbank") == skeleton("vietcombank")


def test_vv_reads_as_w():
    assert skeleton("vvinmart") == skeleton("winmart")


def test_cl_for_d_reads_as_the_name_once_undone():
    assert pair_lookalike("clienmayxanh", skeleton("dienmayxanh"))
    assert not pair_lookalike("clienmayxanhh", skeleton("dienmayxanh"))
    # no part of the skeleton: `c` ending one syllable meets `l` beginning the next (`thuoc long`)
    assert skeleton("nhathuoclongchau") != skeleton("nhathuodongchau")


def test_different_words_keep_different_skeletons():
    assert skeleton("lazada") != skeleton("lazard")


def test_skeleton_map_points_back_to_the_written_letters():
    skel, src = skeleton_with_map("vietcornbank")
    start = skel.index("m")
    assert "vietcornbank"[src[start] : src[start + 1]] == "rn"


def test_name_key_turns_a_phrase_alias_into_one_word():
    assert name_key("Thế Giới Di Động") == "thegioididong"
    assert name_key("Biti's") == "bitis"


def test_lookalike_kind_names_the_trick():
    genuine = ("shopee",)
    assert lookalike_kind("shopee", genuine) == ""
    assert lookalike_kind("shọpee", genuine) == "unicode"
    assert lookalike_kind("sh0pee", genuine) == "ascii"
    assert lookalike_kind("vietcornbank", ("vietcombank",)) == "ascii"
    assert lookalike_kind("vletcombank", ("vietcombank",)) == "letter"
