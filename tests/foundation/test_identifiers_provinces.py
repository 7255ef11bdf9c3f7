import pytest

from monitor.identifiers import IdKind, enterprise_code_valid, parse_registration_number
from monitor.provinces import UNITS, UnknownProvince, canonical_province, province_in_address


@pytest.mark.parametrize("code", ["0100109106", "0106773786", "0107574310", "3600254869"])
def test_real_enterprise_codes_pass_the_check_digit(code):
    assert enterprise_code_valid(code)


@pytest.mark.parametrize("code", ["0305001234", "0309790798", "0100109107"])
def test_wrong_check_digits_fail(code):
    assert not enterprise_code_valid(code)


def test_dots_and_spaces_are_tolerated():
    number = parse_registration_number("010.7467.693")
    assert number.normalised == "0107467693" and number.kind == IdKind.ENTERPRISE and number.valid


def test_branch_codes_validate_their_parent_and_refuse_000():
    assert parse_registration_number("0312225168-002").valid
    assert parse_registration_number("0312225168 - 000").valid is False


def test_household_and_personal_numbers_are_not_checksummed():
    assert parse_registration_number("41H8184114").kind == IdKind.HOUSEHOLD
    personal = parse_registration_number("079 123 456 789")
    assert personal.kind == IdKind.PERSONAL_ID and personal.valid is None


def test_there_are_34_units():
    assert len(UNITS) == 34


@pytest.mark.parametrize(
    "old, new",
    [("Bình Dương", "Hồ Chí Minh"), ("TP.HCM", "Hồ Chí Minh"), ("Quang Nam", "Đà Nẵng"), ("Tỉnh Hà Giang", "Tuyên Quang"), ("Kon Tum", "Quảng Ngãi")],
)
def test_old_province_names_map_to_the_new_unit(old, new):
    assert canonical_province(old) == new


def test_unknown_province_is_an_error():
    with pytest.raises(UnknownProvince):
        canonical_province("Atlantis")


def test_province_is_read_from_the_end_of_an_address():
    assert province_in_address("12 Nguyễn Huệ, P. Bến Nghé, Quận 1, TP.HCM") == "Hồ Chí Minh"
    assert province_in_address("KCN Sóng Thần, Dĩ An, Bình Dương") == "Hồ Chí Minh"


def test_a_street_named_after_a_city_is_not_that_city():
    assert province_in_address("12 Nguyễn Huệ, Quận 1") is None
