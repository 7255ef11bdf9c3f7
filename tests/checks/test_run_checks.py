"""The contract of run_checks and SiteReport, and robustness on odd pages."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, datetime

import pytest

import monitor.checks as checks
from monitor.checks import run_checks
from monitor.model import PageRole, RegistryStatus, SiteRecord

from .conftest import corpus_page, fetched, footer

TOP_LEVEL = {"target", "checked_at", "regime", "disclosures", "badge", "ordering", "policies", "findings"}


def report_of(html, url="https://yodo.vn/", record=None, **kwargs):
    return run_checks([fetched(html, url, **kwargs)], record)


def test_json_has_exactly_the_documented_top_level_keys():
    data = report_of(corpus_page("haravan_fashion_home.html")).to_json()
    assert set(data) == TOP_LEVEL
    json.dumps(data, ensure_ascii=False)  # serialisable as is


def test_json_field_shapes_match_the_design():
    data = report_of(corpus_page("haravan_fashion_home.html")).to_json()
    d, b = data["disclosures"], data["badge"]
    assert {"owner_name", "registration_number", "registration_number_valid", "issuer", "issue_date", "address",
            "province", "phones", "emails"} <= set(d)
    assert d["sources"]["owner_name"] == "https://yodo.vn/"
    assert {"present", "kind", "record_id", "link", "linked", "record"} <= set(b)
    assert b["record_id"] == "44085" and isinstance(b["record_id"], str)
    assert set(data["ordering"]) >= {"present", "signals"}
    assert set(data["policies"]) == {"terms", "returns", "shipping", "payment", "privacy", "complaints", "inspection"}
    assert data["checked_at"] == "2026-03-02T01:30:00Z"
    assert data["regime"] == "decree52"


def test_findings_json_objects():
    data = report_of(corpus_page("no_disclosures.html"), "https://sneakerzone.vn/").to_json()
    finding = data["findings"][0]
    assert {"code", "severity", "title_vi", "title_en", "legal_basis", "evidence"} <= set(finding)
    assert set(finding["evidence"]) == {"url", "sha256", "excerpt"}


def test_observation_is_the_report_without_findings_plus_pages():
    report = report_of(corpus_page("haravan_fashion_home.html"))
    observation = report.observation()
    assert "findings" not in observation
    assert observation["pages"][0]["sha256"] == report.pages[0].sha256
    assert observation["disclosures"] == report.to_json()["disclosures"]


def test_regime_defaults_to_the_home_page_fetch_date_and_can_be_forced():
    page = fetched(corpus_page("no_disclosures.html"), at=datetime(2026, 7, 1, 0, 30, tzinfo=UTC))
    assert str(run_checks([page], None).regime) == "law122"
    assert str(run_checks([page], None, "decree52").regime) == "decree52"


def test_home_page_is_read_first_whatever_the_order_given():
    contact = fetched(footer("<p>Hotline: 0912 345 678</p>"), "https://shop.vn/lien-he", role=PageRole.LINKED)
    home = fetched(footer("<p>Hotline: 0909 123 456</p>"), "https://shop.vn/")
    report = run_checks([contact, home], None)
    assert report.disclosures.phones[0].value == "0909123456"


def test_unreachable_site_gives_only_site_unreachable():
    report = run_checks([fetched("<h1>502 Bad Gateway</h1>", status=502)], None)
    assert [f.code for f in report.findings] == ["SITE_UNREACHABLE"]
    assert report.reachable is False


def test_script_rendered_shell_is_not_judged_as_missing_everything():
    report = run_checks([fetched(corpus_page("spa_empty_shell.html"))], SiteRecord("spa-shop.vn", RegistryStatus.APPROVED))
    assert [f.code for f in report.findings] == ["SITE_UNREACHABLE"]
    assert "rendered by scripts" in report.findings[0].evidence.excerpt


def test_no_pages_at_all_is_unreachable():
    report = run_checks([], SiteRecord("shop.vn", RegistryStatus.APPROVED))
    assert [f.code for f in report.findings] == ["SITE_UNREACHABLE"]
    assert report.target == "shop.vn"


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3",
        b'{"ok": true}',
        b"\x00\x00\x00\x00" * 100,
        b"<html><body><div><p>MST: 0312225168<td><tr></table></span></div></html>",
        b"<?xml version='1.0' encoding='utf-8'?><html><body><p>MST: 0312225168</p></body></html>",
        "<p>Địa chỉ: 12 Lê Lợi, Quận 1, TP.HCM</p>".encode("utf-16"),
        b"<html><body>" + b"<div>" * 5000 + b"MST: 0312225168" + b"</div>" * 5000 + b"</body></html>",
    ],
)
def test_odd_bodies_never_raise(body):
    report = run_checks([fetched(body)], None)
    json.dumps(report.to_json(), ensure_ascii=False)


def test_broken_html_is_still_read():
    report = report_of("<html><body><div><p>MST: 0312225168<td><tr></table></span></div></html>")
    assert report.disclosures.registration_number.value == "0312225168"


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese pages use it: precomposed hats and horns, combining tone marks."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
            hats = "".join(m for m in marks if m not in tones)
            out += unicodedata.normalize("NFC", base + hats).encode("cp1258") + "".join(tones).encode("cp1258")
    return out


def test_windows_1258_page_declared_in_meta():
    html = '<html><head><meta charset="windows-1258"></head><body><p>Mã số thuế: 0312225168</p></body></html>'
    report = run_checks([fetched(_cp1258(html), headers={})], None)
    assert report.disclosures.registration_number.value == "0312225168"


def test_huge_page_is_checked():
    filler = "<div class='p'><a href='/products/x'>Áo thun</a><span>199.000₫</span></div>" * 30000
    html = footer(filler + "<p>MST: 0312225168</p>")
    assert len(html) > 2_000_000
    assert report_of(html).disclosures.registration_number.value == "0312225168"


def test_a_failing_family_reports_not_found_instead_of_crashing(monkeypatch, caplog):
    def broken(pages):
        raise RuntimeError("boom")

    monkeypatch.setattr(checks, "check_policies", broken)
    report = report_of(corpus_page("haravan_fashion_home.html"))
    assert report.policies.found == {}
    assert report.disclosures.owner_name is not None
    assert "policies" in caplog.text


def test_portal_record_page_feeds_the_badge_not_the_disclosures():
    portal = fetched(
        "<html><head><title>Thông tin website thương mại điện tử - Online.Gov.VN</title></head><body>"
        "<div>Tên miền:</div><div>yodo.vn</div><div>Tên Doanh nghiệp:</div><div>CÔNG TY KHÁC</div>"
        "<div>Mã số thuế:</div><div>0106773786</div>"
        "<img class='imageGridDetailLogo' src='/Content/EndUser/LogoCCDVSaleNoti/logoSaleNoti.png'></body></html>",
        "http://online.gov.vn/Home/WebDetails/44085", role=PageRole.PORTAL)
    home = fetched(corpus_page("haravan_fashion_home.html"), "https://yodo.vn/")
    report = run_checks([home, portal], None)
    assert report.badge.record.domain == "yodo.vn"
    assert report.badge.record.owner_name == "CÔNG TY KHÁC"
    assert report.disclosures.registration_number.value == "0310874914"


_FOOTER = "<p>MST: 0312225168</p><p>Hotline: 0909 123 456</p>"


@pytest.mark.parametrize(
    "name, html",
    [
        # a 4 MB catalogue: 45,000 products before the footer
        ("4 MB page", footer("<div class='p'><a href='/products/x'>Áo thun</a><span>199.000₫</span>"
                             "<button>Thêm vào giỏ</button></div>" * 45000 + _FOOTER)),
        ("50,000 nodes", footer("<div>" + "<span>x</span>" * 50000 + "</div>" + _FOOTER)),
        ("deeply nested tables", footer("<table><tr><td>" * 1500 + "Sản phẩm" + "</td></tr></table>" * 1500 + _FOOTER)),
        ("2,000 unclosed divs", footer("<div class='item'>Áo thun 199.000₫" * 2000 + _FOOTER)),
        ("one paragraph of 100,000 company names", footer("<p>" + "Công ty TNHH ABC " * 100000 + "</p>" + _FOOTER)),
        ("a wall of labels", footer("<p>" + "Địa chỉ: MST: Hotline: " * 30000 + "</p>" + _FOOTER)),
        ("a wall of phone numbers", footer("<p>" + "0909 123 457 " * 50000 + "</p>" + _FOOTER)),
        ("30,000 policy-like links", footer("".join(f"<a href='/p/{i}'>Chính sách {i}</a>" for i in range(30000))
                                            + _FOOTER)),
        ("5,000 badge images", footer("<img src='/logoSaleNoti.png' alt='Bộ Công Thương'>" * 5000 + _FOOTER)),
    ],
)
def test_pathological_page_is_read_to_its_footer(name, html):
    """Bounded work per page: such a page finishes (in about a second) and its footer is still read."""
    report = report_of(html)
    assert report.reachable
    assert report.disclosures.registration_number.value == "0312225168", name
    assert "0909123456" in [p.value for p in report.disclosures.phones], name
    json.dumps(report.to_json(), ensure_ascii=False)
