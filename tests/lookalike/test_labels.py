"""Reading one label: tokens, what surrounds a hit, where a misspelt brand may sit."""

from monitor.lookalike.labels import beside_scam_keyword, keyword_only, residue, typo_segments, view, whole_token


def test_hyphens_and_digit_runs_split_tokens():
    lv = view("cskh-shopee88")
    assert [(t.text, t.digits) for t in lv.tokens] == [("cskh", False), ("shopee", False), ("88", True)]
    assert lv.joined == "cskhshopee88"


def test_a_lone_zero_between_letters_stays_in_the_word():
    lv = view("sh0pee")
    assert [t.text for t in lv.tokens] == ["sh0pee"]
    assert lv.joined == "shopee"


def test_residue_lists_keywords_and_marks_severe_ones():
    lv = view("cskh-shopee-vn")
    start = lv.joined.index("shopee")
    rest = residue(lv, start, start + 6, singles_ok=True)
    assert rest.keywords == ("cskh", "vn")
    assert rest.severe
    assert not rest.unknown and not rest.glued


def test_residue_separates_glued_letters_from_other_words():
    lv = view("nguyenkimanh-abc")
    rest = residue(lv, 0, len("nguyenkim"), singles_ok=True)
    assert rest.glued == ("anh",)
    assert rest.unknown == ("abc",)


def test_a_digit_read_as_a_letter_next_to_a_brand_is_a_digit():
    lv = view("shopee1")
    assert residue(lv, 0, 6, singles_ok=False).digits


def test_a_short_name_inside_a_longer_word_is_no_whole_token():
    assert not whole_token(view("vibe"), 0, 3)
    assert whole_token(view("vib-online"), 0, 3)
    assert whole_token(view("vibonline"), 0, 3)


def test_an_acronym_glued_to_words_is_a_token_beside_another_word():
    lv = view("pnjvang")
    assert whole_token(lv, 0, 3, words=True)
    assert residue(lv, 0, 3, singles_ok=False, words=True).unknown == ("vang",)
    assert whole_token(view("vangpnj"), 4, 7, words=True)
    # a stray letter is no word; after it, a word beginning with a vowel takes its last letter (`shbet`)
    assert not whole_token(view("pnjs"), 0, 3, words=True)
    assert not whole_token(view("shbet"), 0, 3, words=True)
    # nor is an acronym inside a word, where its letters may join the syllables around it
    assert not whole_token(view("trangkhoa"), 3, 6, words=True)  # `trang` + `khoa`


def test_a_short_name_after_a_scam_keyword_and_before_a_word_is_a_token_beside_that_word():
    lv = view("khuyenmaitikimuahe")
    start = lv.joined.index("tlkl")
    assert beside_scam_keyword(lv, start, start + 4)
    rest = residue(lv, start, start + 4, singles_ok=False, words=True)
    assert rest.severe and rest.unknown == ("muahe",) and not rest.glued
    # an everyday keyword (`hot`, `my`) begins too many words to mark where a name begins
    assert not beside_scam_keyword(view("hottikimuahe"), 3, 7)
    # one syllable may finish a word the name begins (`mobile`)
    assert not beside_scam_keyword(view("giftmobile"), 4, 8)


def test_residue_marks_legal_forms_and_cities():
    lv = view("ctyfpt-hcm")
    rest = residue(lv, 3, 6, singles_ok=False)
    assert rest.legal == ("cty",)
    assert rest.places == ("hcm",)
    assert rest.common == ("cty", "hcm")


def test_a_scam_keyword_written_with_a_digit_inside_a_word_counts():
    lv = view("cgv-ve0dong")
    rest = residue(lv, 0, 3, singles_ok=False)
    assert rest.severe and rest.digits


def test_keyword_only_labels_are_recognised():
    assert keyword_only(view("vn-hotro"))
    assert not keyword_only(view("vn-hotro-abc"))


def test_typo_segments_strip_keywords_off_words():
    lv = view("shoppevn")
    assert (0, 6) in typo_segments(lv)


def test_typo_segments_join_hyphenated_words_between_keywords():
    lv = view("dien-may-xanhh-sale")
    spans = {lv.joined[s:e] for s, e in typo_segments(lv)}
    assert "dlenmayxanhh" in spans  # the skeleton of dienmayxanhh
