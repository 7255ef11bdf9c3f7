"""The rule catalogue: every code, both regimes, honest citations."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from monitor.checks import make_finding
from monitor.checks.rules import CODES, RulesError, load_rules
from monitor.model import Evidence, Regime

RULES_FILE = Path(__file__).resolve().parents[2] / "config" / "rules.toml"


def test_every_code_has_severity_titles_and_both_regimes():
    rules = load_rules()
    for code in CODES:
        rule = rules.rule(code)
        assert rule.title_vi and rule.title_en and rule.severity
        assert set(rule.regimes) == {"decree52", "law122"}


def test_law_122_fines_are_marked_unverified():
    data = tomllib.loads(RULES_FILE.read_text("utf-8"))
    for code, entry in data["codes"].items():
        if code != "SITE_UNREACHABLE":
            assert entry["law122"]["verified"] is False, code


def test_make_finding_for_findings_raised_outside_the_page_checks():
    ev = Evidence("https://abc-vn.shop/", None, "lookalike of abc.vn (typo)")
    f = make_finding("LOOKALIKE_DOMAIN", ev, Regime.DECREE_52)
    assert (f.code, f.severity, f.regime) == ("LOOKALIKE_DOMAIN", "high", Regime.DECREE_52)
    assert "52/2013" in f.legal_basis
    assert f.evidence is ev


def test_qualifier_specific_legal_basis():
    ev = Evidence("https://abc.vn/", None, "")
    payment = make_finding("POLICY_MISSING", ev, "decree52", "payment")
    privacy = make_finding("POLICY_MISSING", ev, "decree52", "privacy")
    assert "Điều 34" in payment.legal_basis and "69" in privacy.legal_basis
    assert payment.qualifier == "payment"
    assert "chưa xác minh" in privacy.fine  # the personal-data bracket of Decree 98/2020 is not verified


def test_unknown_code_is_a_clear_error():
    with pytest.raises(RulesError, match="NO_SUCH_CODE"):
        make_finding("NO_SUCH_CODE", Evidence("u", None, ""), "decree52")


def test_an_inspectorate_can_reword_a_title_in_its_own_file(tmp_path):
    text = RULES_FILE.read_text("utf-8").replace(
        'title_en = "Owner name not disclosed"', 'title_en = "Owner name absent"')
    custom = tmp_path / "rules.toml"
    custom.write_text(text, "utf-8")
    f = make_finding("OWNER_NAME_MISSING", Evidence("u", None, ""), "law122", rules=load_rules(custom))
    assert f.title_en == "Owner name absent"


def test_a_catalogue_missing_a_code_is_refused(tmp_path):
    bad = tmp_path / "rules.toml"
    bad.write_text('[codes.SITE_UNREACHABLE]\nseverity = "info"\ntitle_vi = "x"\ntitle_en = "x"\n'
                   '[codes.SITE_UNREACHABLE.decree52]\nlegal_basis = ""\n[codes.SITE_UNREACHABLE.law122]\nlegal_basis = ""\n',
                   "utf-8")
    with pytest.raises(RulesError, match="no entry for"):
        load_rules(bad)
