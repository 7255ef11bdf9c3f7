"""Registry files: every bad row named by line and column; nothing half-imports."""

from pathlib import Path

import pytest
from sqlalchemy import select

from monitor.registry import RegistryError, read_registry
from monitor.store.models import Site
from monitor.store.sites import upsert_sites

HEADER = "domain,owner_name,tax_code,address,province,phone,email,record_id,record_kind,registration_kind,status,notified_date,aliases,other_domains\n"
GOOD = (
    "https://www.gomsuan.vn/,Công ty TNHH Gốm Sứ An,0100109106,\"12 Lê Lợi, Quận 1, TP.HCM\",TP.HCM,0901234567,lienhe@gomsuan.vn,73995,web,notified,approved,2024-03-01,Gốm An;GSA,gomsuan.com\n"
    "Mĩ.VN,Hộ kinh doanh Mĩ,41H8184114,\"5 Trần Phú, Hà Đông, Hà Nội\",,0243 123 4567,,76be9e1f-3034-43bf-a3b6-193d8d81904a,web,registered,pending,01/02/2025,,\n"
)


def write(tmp_path: Path, text: str, name: str = "registry.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_good_rows_are_read_and_normalised(tmp_path):
    parsed = read_registry(write(tmp_path, HEADER + GOOD))
    assert not parsed.errors
    first, second = (row.record for row in parsed.rows)
    assert first.domain == "gomsuan.vn" and first.province == "Hồ Chí Minh"
    assert first.aliases == ("Gốm An", "GSA") and first.other_domains == ("gomsuan.com",)
    assert first.record_id == "73995"
    assert second.domain == "mĩ.vn" and second.province == "Hà Nội"  # taken from the address
    assert second.notified_date.isoformat() == "2025-02-01"
    assert second.record_id == "76be9e1f-3034-43bf-a3b6-193d8d81904a"


def test_a_bom_is_accepted(tmp_path):
    parsed = read_registry(write(tmp_path, HEADER + GOOD, bom=True))
    assert not parsed.errors and len(parsed.rows) == 2


def test_punycode_and_unicode_spellings_are_the_same_domain(tmp_path):
    text = HEADER + "xn--m-yja.vn,,,,,,,,,,approved,,,\nmĩ.vn,,,,,,,,,,approved,,,\n"
    parsed = read_registry(write(tmp_path, text))
    assert [str(p) for p in parsed.errors] == ["line 3, column domain: duplicate of line 2 (mĩ.vn)"]


@pytest.mark.parametrize(
    "row, column, message",
    [
        (",A,,,,,,,,,approved,,,", "domain", "is empty"),
        ("a.vn,A,,,,,,,,,maybe,,,", "status", "unknown value 'maybe'"),
        ("a.vn,A,,,,,,12ab,,,approved,,,", "record_id", "neither a number nor a UUID"),
        ("a.vn,A,,,,,,000000,,,approved,,,", "record_id", "placeholder"),
        ("a.vn,A,,,Atlantis,,,,,,approved,,,", "province", "unknown province"),
        ("a.vn,A,,,,,not-an-email,,,,approved,,,", "email", "not an e-mail address"),
        ("a.vn,A,,,,,,,,,approved,31/13/2024,,", "notified_date", "not a date"),
        ("a.vn,A,,,,,,,desktop,,approved,,,", "record_kind", "unknown value"),
        ("not a domain,A,,,,,,,,,approved,,,", "domain", "not a"),
    ],
)
def test_each_kind_of_bad_row_names_its_line_and_column(tmp_path, row, column, message):
    parsed = read_registry(write(tmp_path, HEADER + GOOD + row + "\n"))
    assert len(parsed.rows) == 2
    assert len(parsed.errors) == 1
    problem = parsed.errors[0]
    assert (problem.line, problem.column) == (4, column)
    assert message in problem.message


def test_a_failing_check_digit_is_a_warning_not_an_error(tmp_path):
    parsed = read_registry(write(tmp_path, HEADER + "a.vn,A,0305001234,,,,,,,,approved,,,\n"))
    assert not parsed.errors and len(parsed.rows) == 1
    assert "check digit" in parsed.warnings[0].message and parsed.warnings[0].column == "tax_code"


def test_line_numbers_count_quoted_newlines(tmp_path):
    text = HEADER + 'a.vn,"Công ty\nA",,,,,,,,,approved,,,\nb.vn,B,,,,,,,,,nope,,,\n'
    parsed = read_registry(write(tmp_path, text))
    assert parsed.errors[0].line == 4


def test_missing_required_column_refuses_the_file(tmp_path):
    with pytest.raises(RegistryError, match="missing column"):
        read_registry(write(tmp_path, "domain,owner_name\na.vn,A\n"))


def test_unknown_column_refuses_the_file(tmp_path):
    with pytest.raises(RegistryError, match="unknown column"):
        read_registry(write(tmp_path, "domain,status,colour\na.vn,approved,red\n"))


def test_non_utf8_file_is_refused_with_advice(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(HEADER.encode() + "a.vn,Công ty,,,,,,,,,approved,,,\n".encode("cp1258"))
    with pytest.raises(RegistryError, match="not UTF-8"):
        read_registry(path)


def test_json_registry_reports_entries(tmp_path):
    text = '[{"domain": "a.vn", "status": "approved", "aliases": ["A", "AA"]}, {"domain": "", "status": "approved"}]'
    parsed = read_registry(write(tmp_path, text, name="r.json"))
    assert parsed.rows[0].record.aliases == ("A", "AA")
    assert str(parsed.errors[0]) == "entry 2, column domain: is empty"


def test_reimport_counts_added_updated_unchanged(db, tmp_path):
    first = read_registry(write(tmp_path, HEADER + GOOD))
    with db.session() as session:
        counts = upsert_sites(session, first.rows, "first")
    assert (counts.added, counts.updated, counts.unchanged) == (2, 0, 0)
    changed = GOOD.replace("0901234567", "0907654321")
    second = read_registry(write(tmp_path, HEADER + changed + "new.vn,,,,,,,,,,approved,,,\n"))
    with db.session() as session:
        counts = upsert_sites(session, second.rows, "second")
    assert (counts.added, counts.updated, counts.unchanged) == (1, 1, 1)
    with db.session() as session:
        site = session.scalar(select(Site).where(Site.domain == "gomsuan.vn"))
        assert site.phone == "0907654321" and site.aliases == ["Gốm An", "GSA"]
