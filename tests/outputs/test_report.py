"""`monitor report`: a period's counts, the way a Department reports them to the Ministry.

The world: March 2026 (Vietnamese calendar).
- an.vn (Hà Nội): badge and privacy policy missing since February; on 5 March
  the policy is fixed and the owner shown differs from the registry; on
  2 April (after the period) everything is fixed.
- binh.vn (Hải Phòng): badge missing on 10 March, fixed on 20 March.
- cuong.vn (Hải Phòng): not reachable on 15 March.
- dung.vn (Hà Nội): checked at 01:30 on 1 April Vietnam time (31 March UTC).
- em.vn (Hà Nội): a finding an inspector dismissed on 12 March.
- late.vn: imported into the registry in April.
- a lookalike of binh.vn found on 11 March.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree
from datetime import UTC, datetime

import openpyxl
import pytest

from monitor.outputs.common import OutputError, Period
from monitor.outputs.report import build_report, render_text, render_xlsx
from monitor.store import open_database
from monitor.store.findings import dismiss
from monitor.store.models import Finding, LookalikeCandidate
from tests.conftest import run_cli
from tests.outputs.conftest import World, disclosed, draft, html, utc

MARCH = Period.parse("2026-03-01", "2026-03-31")


def check(world: World, domain: str, at: datetime, *codes: str, body: bytes | None = None) -> None:
    body = body or html(f"{domain} {at.isoformat()}")
    url = f"https://{domain}/"
    drafts = [draft(code.split(":")[0], url, body, qualifier=code.partition(":")[2]) for code in codes]
    world.check(domain, at, [(url, "home", body)], drafts, payload=disclosed("Công ty", "0100109106"))


def build_world(world: World) -> None:
    world.site("an.vn", province="Hà Nội", owner="Công ty <b>An</b> & Con")
    binh = world.site("binh.vn", province="Hải Phòng")
    world.site("cuong.vn", province="Hải Phòng")
    world.site("dung.vn", province="Hà Nội")
    world.site("em.vn", province="Hà Nội")
    world.site("late.vn", province="Hà Nội", created_at=utc(2026, 4, 5))
    check(world, "an.vn", utc(2026, 2, 20), "BADGE_MISSING", "POLICY_MISSING:privacy")
    check(world, "an.vn", utc(2026, 3, 5), "BADGE_MISSING", "OWNER_MISMATCH")
    check(world, "an.vn", utc(2026, 4, 2))
    check(world, "binh.vn", utc(2026, 3, 10), "BADGE_MISSING")
    check(world, "binh.vn", utc(2026, 3, 20))
    world.check("cuong.vn", utc(2026, 3, 15), drafts=[draft("SITE_UNREACHABLE", "https://cuong.vn/")], reachable=False)
    check(world, "dung.vn", datetime(2026, 3, 31, 18, 30, tzinfo=UTC), "BADGE_MISSING")
    check(world, "em.vn", utc(2026, 3, 8), "REG_NUMBER_MISSING")
    with world.db.session() as session:
        finding = session.query(Finding).filter_by(domain="em.vn").one()
        dismiss(session, finding.id, "số ĐKKD có trên trang Giới thiệu", utc(2026, 3, 12))
        session.add(LookalikeCandidate(
            domain="binh-vn.shop", site_id=binh, score=92.0, techniques=["hyphenation", "tld-swap"],
            sources=["feed:2026-03"], first_seen_at=utc(2026, 3, 11), last_seen_at=utc(2026, 3, 11),
        ))


@pytest.fixture
def march(world, db):  # type: ignore[no-untyped-def]
    build_world(world)
    with db.session() as session:
        return build_report(session, MARCH, now=utc(2026, 4, 10))


def counts(report, code: str) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    line = next(c for c in report.by_code if c.code == code)
    return (line.counts.in_period, line.counts.new, line.counts.resolved, line.counts.open_end)


def test_sites_in_the_registry_are_those_imported_before_the_end_of_the_period(march):
    assert march.registry_total == 5


def test_sites_checked_and_not_reachable_count_domains_in_vietnam_days(march):
    assert march.sites_checked == 3  # an, binh, em; dung.vn was checked on 1 April in Vietnam
    assert march.sites_unreachable == 1  # cuong


def test_findings_by_code_count_new_resolved_and_still_open_at_the_end(march):
    assert counts(march, "BADGE_MISSING") == (2, 1, 1, 1)  # an (carried over, open), binh (new, fixed)
    assert counts(march, "POLICY_MISSING") == (1, 0, 1, 0)
    assert counts(march, "OWNER_MISMATCH") == (1, 1, 0, 1)
    t = march.totals
    assert (t.in_period, t.new, t.resolved, t.open_end) == (4, 2, 2, 2)


def test_an_unreachable_site_is_not_counted_as_a_violation(march):
    assert "SITE_UNREACHABLE" not in {c.code for c in march.by_code}


def test_dismissed_findings_are_counted_apart(march):
    assert march.dismissed == 1 and "REG_NUMBER_MISSING" not in {c.code for c in march.by_code}


def test_findings_by_severity_add_up_to_the_totals(march):
    by = {s.severity: (s.counts.in_period, s.counts.open_end) for s in march.by_severity}
    assert by == {"high": (1, 1), "medium": (2, 1), "low": (1, 0)}
    assert [s.severity for s in march.by_severity] == ["high", "medium", "low"]


def test_top_sites_rank_domains_by_open_findings_at_the_end(march):
    assert [(s.domain, s.open_count, s.codes) for s in march.top_sites] == [("an.vn", 2, ("BADGE_MISSING", "OWNER_MISMATCH"))]


def test_lookalikes_found_in_the_period_are_listed(march):
    assert march.lookalikes_found == 1
    assert [(x.domain, x.target) for x in march.lookalikes] == [("binh-vn.shop", "binh.vn")]


def test_a_past_period_keeps_its_numbers_after_later_fixes(world, db):
    build_world(world)
    check(world, "an.vn", utc(2026, 5, 1), "BADGE_MISSING")  # reopened in May
    with db.session() as session:
        again = build_report(session, MARCH)
    assert counts(again, "BADGE_MISSING") == (2, 1, 1, 1)


def test_an_old_province_name_reports_on_the_unit_that_absorbed_it(world, db):
    build_world(world)
    from monitor.outputs.common import resolve_province

    with db.session() as session:
        report = build_report(session, MARCH, resolve_province("Hải Dương"))
    assert report.province == "Hải Phòng" and report.registry_total == 2
    assert (report.sites_checked, report.sites_unreachable) == (1, 1)
    assert [c.code for c in report.by_code] == ["BADGE_MISSING"] and counts(report, "BADGE_MISSING") == (1, 1, 1, 0)
    assert report.lookalikes_found == 1


def test_a_report_needs_both_ends_of_the_period(db):
    with db.session() as session, pytest.raises(OutputError, match="needs both --since and --until"):
        build_report(session, Period.parse("2026-03-01", None))


# ---------------------------------------------------------------- rendering


def test_markdown_is_a_readable_annex_in_vietnamese(march):
    text = render_text(march, "md")
    assert "từ ngày 01/03/2026 đến ngày 31/03/2026" in text
    assert "| BADGE_MISSING | Không gắn biểu tượng đã thông báo | trung bình |" in text
    assert re.search(r"\| Website đã kiểm tra được trong kỳ \| 3 \|", text)
    assert "Công ty &lt;b&gt;An&lt;/b&gt; &amp; Con" in text  # registry text carries no HTML into an email


def test_english_labels_with_lang_en(world, db):
    build_world(world)
    with db.session() as session:
        text = render_text(build_report(session, MARCH, lang="en"), "md")
    assert "from 2026-03-01 to 2026-03-31" in text and "| BADGE_MISSING | No MOIT badge shown | medium |" in text


def test_html_is_one_self_contained_page_with_a_bar_chart(march):
    page = render_text(march, "html")
    assert "<script" not in page and "<link" not in page and " src=" not in page
    svg = page[page.index("<svg"): page.index("</svg>") + len("</svg>")]
    ElementTree.fromstring(svg)  # well-formed SVG
    assert {m for m in re.findall(r"<title>(\w+):", svg)} == {"BADGE_MISSING", "POLICY_MISSING", "OWNER_MISMATCH"}
    assert "Công ty &lt;b&gt;An&lt;/b&gt; &amp; Con" in page


def test_the_longest_bar_belongs_to_the_most_frequent_code(march):
    bars = {b.code: b.new_width + b.carried_width for b in march.chart()}
    assert max(bars, key=bars.get) == "BADGE_MISSING" and bars["BADGE_MISSING"] == 2 * bars["OWNER_MISMATCH"]


def test_xlsx_has_one_sheet_per_table(march, tmp_path):
    path = tmp_path / "report.xlsx"
    with path.open("wb") as fh:
        render_xlsx(march, fh)
    book = openpyxl.load_workbook(path)
    assert len(book.sheetnames) == 5
    by_code = book.worksheets[1]
    rows = {r[0]: r for r in by_code.iter_rows(min_row=2, values_only=True)}
    assert rows["BADGE_MISSING"][5:] == (2, 1, 1, 1)
    assert rows["Tổng"][5:] == (4, 2, 2, 2)


@pytest.mark.slow
def test_the_command_writes_an_html_report_for_an_old_province_name(cli_env, tmp_path):
    database = open_database(cli_env["MONITOR_DATABASE_URL"])
    build_world(World(database))
    database.dispose()
    out = tmp_path / "report.html"
    args = ["report", "--since", "2026-03-01", "--until", "31/03/2026", "--province", "Hải Dương", "--format", "html", "--out", str(out)]
    result = run_cli(args, cli_env)
    assert result.returncode == 0, result.stderr
    page = out.read_text("utf-8")
    assert "Hải Phòng" in page and "binh.vn" in page and "an.vn" not in page
    bad = run_cli(["report", "--since", "2026-04-01", "--until", "2026-03-01"], cli_env)
    assert bad.returncode != 0 and "is after --until" in bad.stderr
