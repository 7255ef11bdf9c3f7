"""Reading the words around a brand."""

from monitor.lookalike.skeleton import skeleton
from monitor.lookalike.words import is_generic_name, is_made_of_words, split_keywords


def test_glued_keywords_are_split():
    assert split_keywords(skeleton("cskhvn")) == ("cskh", "vn")
    assert split_keywords(skeleton("hotrokhuyenmai")) == (skeleton("hotro"), skeleton("khuyenmai"))


def test_letters_that_are_no_keyword_do_not_split():
    assert split_keywords(skeleton("taka")) is None
    assert split_keywords("e") is None


def test_the_empty_rest_is_no_keywords():
    assert split_keywords("") == ()


def test_names_made_of_vietnamese_words_are_told_from_invented_ones():
    assert is_made_of_words("dienmayxanh")
    assert is_made_of_words("thegioididong")
    assert not is_made_of_words("shopee")
    assert not is_made_of_words("lazada")
    assert not is_made_of_words("dienmayxanhh")


def test_keywords_and_common_words_and_single_syllables_are_generic_names():
    assert is_generic_name("sale")
    assert is_generic_name("laptop")
    assert is_generic_name("hoa")
    assert not is_generic_name("tiki")
    assert not is_generic_name("vcb")


def test_an_english_plural_of_a_common_word_is_made_of_words():
    assert is_made_of_words("highlands")
    assert is_made_of_words("goldstars")
    assert not is_made_of_words("shopees")
