"""Matching observed domains against registered brands: one behaviour per test."""

from __future__ import annotations

import pytest

from monitor.domains import DomainError, normalise_host, split_domain
from monitor.lookalike import Brand, Match, Matcher, parse_candidate

from tests.lookalike.conftest import only, targets

# --- techniques ------------------------------------------------------------------


def test_brand_with_a_scam_keyword_is_a_brand_token(matcher):
    m = only(matcher, "cskh-shopee.com")
    assert (m.target, m.techniques) == ("shopee.vn", ("brand_token",))


def test_keywords_glued_to_the_brand_count_like_hyphenated_ones(matcher):
    assert targets(matcher, "shopeevip88.com") == {"shopee.vn"}
    assert targets(matcher, "hotroshopeevn.com") == {"shopee.vn"}


def test_driver_recruitment_words_next_to_a_ride_hailing_brand_are_scam_keywords(matcher):
    # "tuyển tài xế" pages collect deposits from would-be drivers
    assert targets(matcher, "grab-driver-vn.com") == {"grab.com"}
    assert targets(matcher, "tuyentaixe-grab.online") == {"grab.com"}
    assert targets(matcher, "grab-construction.com") == set()


def test_deposit_bill_and_notice_words_are_scam_keywords(matcher):
    assert targets(matcher, "vinamilk-datcoc.site") == {"vinamilk.com.vn"}
    assert targets(matcher, "thongbao-nguyenkim.top") == {"nguyenkim.com"}


def test_digital_is_a_channel_word_beside_a_bank_made_of_words(matcher):
    # banks' apps are "digital" / "digibank": a bank's name beside it is its channel, not another company
    assert targets(matcher, "vietcombank-digital.com") == {"vietcombank.com.vn"}
    assert targets(matcher, "vietcombankdigital.com") == {"vietcombank.com.vn"}
    # while everyday corporate words beside a name made of words still make another company
    assert targets(matcher, "vietcombank-group.com") == set()


def test_card_upgrade_and_free_ticket_words_are_scam_keywords(matcher):
    # "nâng hạng thẻ", "nâng hạn mức": the bank-card scams of 2024-2026
    assert targets(matcher, "tcb-nanghangthe.com") == {"techcombank.com.vn"}
    assert targets(matcher, "vietcombank-nanghanmuc.online") == {"vietcombank.com.vn"}


def test_cod_fee_refund_and_telecom_charge_words_are_scam_keywords(matcher):
    # "hoàn phí COD" (a refund of the delivery fee) and "cước" (telecom charges): the 2025-2026 waves
    assert targets(matcher, "tiki-hoanphi.com") == {"tiki.vn"}
    assert targets(matcher, "tikihoanphicod.com") == {"tiki.vn"}
    assert targets(matcher, "fpt-tracuoc.com") == {"fpt.com.vn"}


def test_zero_dong_combo_and_tet_offers_are_scam_keywords():
    # "trả góp 0 đồng", "vé 0 đồng", "combo Tết": the offers of the 2025-2026 waves
    m = Matcher([Brand("cgv.vn"), Brand("kfcvietnam.com.vn", aliases=("KFC",)), Brand("tiki.vn")])
    assert [x.target for x in m.match("tiki-tragop0dong.com")] == ["tiki.vn"]
    assert [x.target for x in m.match("kfc-combo-tet.com")] == ["kfcvietnam.com.vn"]
    # `0dong` inside another word (`bapnuoc`: popcorn and drink) still counts, its `0` read as a digit
    assert [x.target for x in m.match("cgv-bapnuoc0dong.com")] == ["cgv.vn"]
    assert m.match("cgv-bapnuoc.com") == []


def test_internet_and_outlet_are_a_brands_channels(matcher):
    # the brand's internet service and its discount store, like `online` and `store`
    assert targets(matcher, "fpt-internet.com") == {"fpt.com.vn"}
    assert targets(matcher, "tikioutlet.com") == {"tiki.vn"}


def test_a_city_beside_a_brands_channel_is_where_that_channel_is():
    m = Matcher([Brand("yame.vn")])
    assert [x.target for x in m.match("yame-outlet-hanoi.com")] == ["yame.vn"]
    assert [x.target for x in m.match("yamestore-hcm.com")] == ["yame.vn"]
    # a city alone, or beside a corporate word, beside a short name is another company's name
    assert m.match("yame-hcm.com") == []
    assert m.match("yame-group-hcm.com") == []


def test_a_legal_form_beside_a_brands_own_name_claims_to_be_that_company(matcher):
    # "Công ty FPT", "Vinamit JSC": Vietnamese enterprise names are unique, so this is the company itself
    assert targets(matcher, "ctyfpt.com") == {"fpt.com.vn"}
    assert targets(matcher, "congty-vinamit.vn") == {"vinamit.com.vn"}
    assert targets(matcher, "vinamitjsc.com") == {"vinamit.com.vn"}
    assert targets(matcher, "fptcorp-vn.com") == {"fpt.com.vn"}
    # a group is no legal form: `vinamit-group` names another company, as `seabank-group` does
    assert targets(matcher, "vinamit-group.com") == set()
    # a legal form with another word makes another company's name (`Công ty FPT Xây dựng`)
    assert targets(matcher, "ctyfpt-xaydung.com") == set()
    # abroad, a sister company (`FPT Japan`)
    assert targets(matcher, "fpt-corp.co.jp") == set()


def test_a_legal_form_beside_an_alias_made_of_words_is_another_company():
    m = Matcher([
        Brand("nhathuoclongchau.com.vn", aliases=("Long Châu",)),
        Brand("ghtk.vn", aliases=("Giao Hàng Tiết Kiệm",)),
    ])
    # many companies are called "Long Châu"; the chain's is "FPT Long Châu"
    assert m.match("congtylongchau.com") == []
    # an alias of three words or more is the company's own name (`Công ty Giao Hàng Tiết Kiệm`)
    assert [x.target for x in m.match("congty-giaohangtietkiem.com")] == ["ghtk.vn"]


def test_a_foreign_suffix_with_vietnam_in_the_label_is_aimed_at_vietnamese_customers(matcher):
    assert targets(matcher, "shopee-vn.id") == {"shopee.vn"}
    # without it, abroad, a brand beside a plain word is more likely a sister company
    assert targets(matcher, "shopee-express.co.th") == set()


def test_an_alias_that_is_a_plain_word_is_not_found_glued_inside_other_words():
    m = Matcher([Brand("highlandscoffee.com.vn", aliases=("Highlands",))])
    assert m.match("scottishhighlands-tours.com") == []
    assert [x.target for x in m.match("highlands-khuyenmai.com")] == ["highlandscoffee.com.vn"]


def test_the_owners_other_domain_inside_a_label_points_at_the_brand():
    m = Matcher([Brand("evn.com.vn", owned_domains=("evnhcmc.vn",))])
    assert [x.target for x in m.match("evnhcmc-thongbao.com")] == ["evn.com.vn"]
    # the same name under another suffix is as often the owner's own spare domain
    assert m.match("evnhcmc.com") == []


def test_another_real_bank_one_letter_away_is_not_a_typo(matcher):
    # LPBank, ABBank and VietBank are banks of their own, not slips for VPBank, MBBank, VietinBank
    assert targets(matcher, "lpbank.com.vn") == set()
    assert targets(matcher, "abbank.com.vn") == set()
    assert targets(matcher, "vpbamk.com") == {"vpbank.com.vn"}


def test_a_scam_keyword_scores_higher_than_a_plain_one(matcher):
    assert only(matcher, "shopee-khuyenmai.com").score > only(matcher, "shopee-official.com").score


def test_the_brand_suffix_spelled_into_the_label_scores_like_a_scam_keyword(matcher):
    assert only(matcher, "shopee-vn.com").score == only(matcher, "shopee-khuyenmai.com").score
    assert only(matcher, "vietcombank-com-vn.top").score >= 90


def test_brand_as_a_subdomain_of_another_domain(matcher):
    m = only(matcher, "shopee.vn-hotro.online")
    assert m.techniques == ("subdomain",)
    assert m.score >= 90


def test_the_brand_domain_spelled_out_in_a_host_scores_highest(matcher):
    m = only(matcher, "techcombank.com.vn.xyz-login.com")
    assert (m.target, m.techniques, m.score) == ("techcombank.com.vn", ("subdomain",), 95)


def test_same_label_under_another_suffix_is_a_suffix_swap(matcher):
    m = only(matcher, "vietcombank.net")
    assert (m.target, m.techniques) == ("vietcombank.com.vn", ("suffix_swap",))


def test_a_hosting_subdomain_counts_as_a_suffix_swap(matcher):
    assert only(matcher, "shopee.weebly.com").techniques == ("suffix_swap",)


def test_hyphens_inside_the_brand_are_hyphenation(matcher):
    m = only(matcher, "dien-may-xanh.com")
    assert (m.target, m.techniques) == ("dienmayxanh.com", ("hyphenation",))


def test_one_edit_on_a_six_letter_brand_is_a_typo(matcher):
    m = only(matcher, "shoppe.vn")
    assert (m.target, m.techniques) == ("shopee.vn", ("typo",))


def test_two_edits_on_a_six_letter_brand_are_too_many(matcher):
    assert matcher.match("shpoppe.vn") == []


def test_a_typo_next_to_keywords_is_found(matcher):
    assert targets(matcher, "shoppe-sale.com") == {"shopee.vn"}
    assert "typo" in only(matcher, "shoppevn.shop").techniques


def test_a_short_brand_gets_only_a_doubled_letter_or_a_swap_of_the_whole_label():
    m = Matcher([Brand("momo.vn"), Brand("ghtk.vn"), Brand("tiki.vn")])
    assert [x.techniques for x in m.match("mommo.vn")] == [("typo",)]
    assert [x.target for x in m.match("gthk.vn")] == ["ghtk.vn"]
    assert [x.target for x in m.match("tikii.vn")] == ["tiki.vn"]
    # any other edit, or the slip inside a longer label, is another name
    assert m.match("tiko.vn") == []
    assert m.match("tik.vn") == []
    assert m.match("tikii-sale.com") == []
    # and like the short name itself, a slip of it under .com is a foreign company
    assert m.match("mommo.com") == []


def test_rn_for_m_is_a_homoglyph(matcher):
    m = only(matcher, "vietcornbank.com")
    assert m.target == "vietcombank.com.vn"
    assert "homoglyph" in m.techniques


def test_cl_for_d_is_a_homoglyph(matcher):
    m = only(matcher, "clienmayxanh.vn")
    assert (m.target, m.techniques) == ("dienmayxanh.com", ("suffix_swap", "homoglyph"))


def test_a_punycode_homograph_is_decoded_and_flagged(matcher):
    m = only(matcher, "xn--shop-y4da.vn")  # shopее.vn, Cyrillic е
    assert (m.candidate, m.target, m.techniques) == ("shopее.vn", "shopee.vn", ("homoglyph",))
    assert m.score >= 95


def test_accented_brand_is_a_homoglyph(matcher):
    assert only(matcher, "shọpee.vn").techniques == ("homoglyph",)


def test_an_alias_is_matched_and_named(matcher):
    m = only(matcher, "vcb-digibank.top")
    assert (m.target, m.techniques) == ("vietcombank.com.vn", ("brand_token", "alias"))


def test_a_phrase_alias_matches_as_one_word(matcher):
    assert targets(matcher, "thegioididong-khuyenmai.com") == {"thegioididong.com"}
    assert targets(matcher, "tgdd-khuyenmai.com") == {"thegioididong.com"}


def test_an_alias_of_three_words_or_more_is_a_name_of_its_own_as_the_whole_label():
    m = Matcher([
        Brand("ghn.vn", aliases=("Giao Hàng Nhanh",)),
        Brand("nhathuoclongchau.com.vn", aliases=("Long Châu",)),
    ])
    assert [(x.target, x.techniques) for x in m.match("giao-hang-nhanh.com")] == [
        ("ghn.vn", ("suffix_swap", "hyphenation", "alias"))
    ]
    # a two-word alias stays a weak name: `longchau.org` may be anyone's
    assert m.match("longchau.org") == []


# --- short brands: whole tokens only ----------------------------------------------


def test_a_short_brand_matches_as_a_whole_token(matcher):
    assert targets(matcher, "vib-online.com") == {"vib.com.vn"}
    assert targets(matcher, "tikivn.net") == {"tiki.vn"}


def test_a_short_brand_inside_a_dictionary_word_is_not_matched(matcher):
    assert matcher.match("vibe.com") == []
    assert matcher.match("tikitaka.com") == []


def test_a_short_brand_next_to_another_word_is_not_matched(matcher):
    assert matcher.match("tiki-taka.com") == []


def test_an_acronym_glued_to_a_word_is_a_token_beside_that_word():
    # `sjc` has no vowel, so no word holds it: `sjcvang` is SJC + "vàng" (gold)
    m = Matcher([Brand("sjc.com.vn"), Brand("vib.com.vn")])
    assert [x.target for x in m.match("sjcvang-uudai.com")] == ["sjc.com.vn"]
    # the glued word is another word: alone it makes another company's name
    assert m.match("sjcvang.com") == []
    # a short name with a vowel may be part of a word
    assert m.match("vibe-uudai.com") == []


def test_a_short_name_glued_after_a_scam_keyword_and_before_a_word_is_a_token(matcher):
    # the scam keyword marks where the name begins; what follows splits into words (`mùa hè`)
    assert targets(matcher, "khuyenmaitikimuahe.com") == {"tiki.vn"}
    # without a keyword glued before it, `tikimuahe` may be one word
    assert targets(matcher, "tikimuahe-uudai.com") == set()
    assert targets(matcher, "tikimuahe.com") == set()
    # a word beginning with a vowel may take the name's last letter; one syllable may end its word
    assert targets(matcher, "khuyenmaivibanh.com") == set()
    assert targets(matcher, "khuyenmaivibe.com") == set()
    assert targets(matcher, "khuyenmaitikihoa.com") == set()


def test_a_short_name_under_com_or_org_is_a_foreign_company(matcher):
    assert matcher.match("vcb.org") == []
    assert matcher.match("acb.com") == []


def test_a_short_name_under_a_vietnamese_suffix_is_flagged(matcher):
    assert targets(matcher, "acb.vn") == {"acb.com.vn"}


def test_names_shorter_than_three_letters_are_never_looked_for(matcher):
    assert matcher.match("mb.com") == []
    assert matcher.match("mb-hotro.com") == []


# --- what is never flagged ---------------------------------------------------------


def test_the_registered_domain_and_its_subdomains_are_never_flagged(matcher):
    assert matcher.match("shopee.vn") == []
    assert matcher.match("https://help.shopee.vn/portal") == []


def test_owned_domains_are_never_flagged(matcher):
    assert matcher.match("shopee.com") == []


def test_allowed_domains_are_never_flagged(matcher):
    assert matcher.match("shopee-review.example.com") == []


def test_two_registered_brands_close_in_spelling_do_not_flag_each_other(matcher):
    assert matcher.match("fptshop.com.vn") == []
    assert matcher.match("fpt.com.vn") == []
    assert matcher.match("vinamit.com.vn") == []
    assert matcher.match("tpb.vn") == []


def test_a_longer_brand_explains_the_shorter_one_inside_it(matcher):
    assert targets(matcher, "fptshop-sale.com") == {"fptshop.com.vn"}


def test_a_registered_name_is_no_typo_of_another_brand(matcher):
    # `tpbank` (TPBank's alias) is one edit from `vpbank`
    assert targets(matcher, "tpbank-hotro.com") == {"tpb.vn"}


def test_a_generic_registered_name_is_not_looked_for_inside_labels(matcher):
    assert "sale.vn" not in targets(matcher, "shopee-sale.com")
    assert matcher.match("bigsale.com") == []


def test_a_brand_made_of_words_inside_a_person_name_is_not_flagged(matcher):
    assert matcher.match("nguyenkimanh.com") == []


# --- results -----------------------------------------------------------------------


def test_a_match_carries_the_normalised_candidate(matcher):
    m = only(matcher, "HTTPS://WWW.Shopee-VN.com/login")
    assert m.candidate == "shopee-vn.com"


def test_techniques_are_listed_in_table_order(matcher):
    from monitor.lookalike import TECHNIQUE_NAMES

    m = only(matcher, "vietcornbank.com")
    assert list(m.techniques) == sorted(m.techniques, key=TECHNIQUE_NAMES.index)


def test_scores_stay_within_0_and_100(matcher):
    for candidate in ("xn--shop-y4da.vn", "cskh-shopee.com", "shoppe.vn", "vietcombank.net"):
        assert all(0 <= m.score <= 100 for m in matcher.match(candidate))


def test_min_score_filters_weak_matches(brands):
    assert Matcher(brands, min_score=99).match("shopee-vn.com") == []


def test_match_as_dict_has_the_json_keys():
    m = Match("a.com", "b.vn", 80, ("typo",))
    assert m.as_dict() == {"candidate": "a.com", "target": "b.vn", "score": 80, "techniques": ["typo"]}


def test_a_line_that_is_not_a_domain_raises(matcher):
    with pytest.raises(DomainError):
        matcher.match("not a domain")


# --- many candidates --------------------------------------------------------------


def test_match_many_streams_in_order_and_reports_invalid_lines(matcher):
    invalid = []
    found = list(
        matcher.match_many(
            ["cskh-shopee.com", "not a domain", "shoppe.vn"], on_invalid=lambda text, reason: invalid.append(text)
        )
    )
    assert [m.candidate for m in found] == ["cskh-shopee.com", "shoppe.vn"]
    assert invalid == ["not a domain"]


def test_match_many_reads_the_input_lazily(matcher):
    def feed():
        yield "cskh-shopee.com"
        raise AssertionError("read past the first match")

    assert next(iter(matcher.match_many(feed()))).candidate == "cskh-shopee.com"


def test_worker_processes_give_the_same_matches(matcher):
    feed = ["cskh-shopee.com", "vcb.org", "shoppe.vn", "bad domain", "dien-may-xanh.com"] * 30
    one = list(matcher.match_many(feed))
    invalid = []
    two = list(matcher.match_many(feed, workers=2, chunk_size=7, on_invalid=lambda t, r: invalid.append(t)))
    assert two == one
    assert len(invalid) == 30


# --- normalisation shortcut -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "shopee.vn",
        "WWW.Shopee.VN.",
        "www.www.example.com",
        "a.b.myharavan.com",
        "x.blogspot.com",
        "shop.hanoi.vn",
        "tiki-taka.com",
        "abc--def.com.vn",
        "www.com.vn",
        " shopee.vn ",
        "hanoi.vn",
        "a.city.kawasaki.jp",
        "b.a.kawasaki.jp",
        "www.ck",
        "a.www.ck",
        "b.a.sch.uk",
        "a.b.weebly.com",
        "blogspot.com",
    ],
)
def test_the_fast_path_splits_plain_hosts_like_monitor_domains(text):
    cand = parse_candidate(text)
    host = normalise_host(text)
    assert cand.host == host
    assert (cand.subdomain, cand.label, cand.suffix) == split_domain(host)


def test_brand_domains_are_normalised_to_their_registrable_domain():
    brand = Brand("https://WWW.Shopee.VN/path")
    assert (brand.domain, brand.label, brand.suffix) == ("shopee.vn", "shopee", "vn")


def test_the_fast_split_agrees_with_monitor_domains_across_the_suffix_list():
    import random

    from monitor import domains
    from monitor.lookalike.matcher import _RULES, _split_plain

    rules = sorted(r.lstrip("*.!") for r in _RULES if r.isascii())
    for rule in random.Random(7).sample(rules, 800):
        for host in (rule, f"a.{rule}", f"www.{rule}", f"x.y.{rule}"):
            assert _split_plain(host) == domains.split_host(host), host


def test_stopping_early_shuts_the_worker_processes_down(matcher):
    import multiprocessing

    found = matcher.match_many(["cskh-shopee.com"] * 50, workers=2, chunk_size=5)
    assert next(found).candidate == "cskh-shopee.com"
    found.close()
    assert multiprocessing.active_children() == []
