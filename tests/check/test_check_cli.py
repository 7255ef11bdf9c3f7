"""`monitor check` as an inspector runs it: saved pages offline, live sites through the spider."""

from __future__ import annotations

import json

import pytest

from monitor.sampleweb import SampleWeb
from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.slow

DESIGN_KEYS = {"target", "checked_at", "regime", "disclosures", "badge", "ordering", "policies", "findings"}
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def sample_web():
    with SampleWeb(hang_seconds=3) as web:
        yield web


def live(web, *targets, extra=()):
    args = ["check", *targets, "--proxy", web.proxy, "--scheme", "http", *extra]
    for host in web.hosts():
        args += ["--allow-private", host]
    return args


def test_a_saved_page_is_checked_offline_with_exactly_the_design_fields(cli_env, tmp_path):
    saved = tmp_path / "evidence.html"
    html = (SEEDS / "web" / "giaydakhaiminh.vn" / "index.html").read_text(encoding="utf-8")
    saved.write_text("<!-- saved from url=(0030)https://giaydakhaiminh.vn/ -->\n" + html, encoding="utf-8")
    result = run_cli(["check", str(saved), "--json"], cli_env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == DESIGN_KEYS
    assert set(data["disclosures"]) >= {"owner_name", "registration_number", "registration_number_valid", "issuer", "issue_date", "address", "province", "phones", "emails"}
    assert set(data["badge"]) >= {"present", "kind", "record_id", "link", "linked", "record"}
    assert data["disclosures"]["owner_name"] and data["badge"]["present"]
    assert "REG_NUMBER_MISSING" in {f["code"] for f in data["findings"]}


def test_a_registered_live_site_is_compared_with_the_registry(cli_env, sample_web):
    run_cli(["registry", "import", str(SEEDS / "registry.sample.csv")], cli_env)
    result = run_cli(live(sample_web, "rausachdongxanh.vn", extra=["--json"]), cli_env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["target"] == "rausachdongxanh.vn"
    assert {f["code"] for f in data["findings"]} == {"OWNER_MISMATCH"}
    assert data["badge"]["linked"] and data["badge"]["record"]
    saved = run_cli(["findings", "list", "--domain", "rausachdongxanh.vn", "--json"], cli_env)
    assert [json.loads(line)["code"] for line in saved.stdout.splitlines()] == ["OWNER_MISMATCH"]


def test_no_save_reports_without_storing(cli_env, sample_web):
    result = run_cli(live(sample_web, "noithatmoctre.vn", extra=["--json", "--no-save"]), cli_env)
    assert result.returncode == 0, result.stderr
    assert "BADGE_MISSING" not in {f["code"] for f in json.loads(result.stdout)["findings"]}  # not registered: no badge duty
    listed = run_cli(["findings", "list", "--status", "all", "--json"], cli_env)
    assert listed.stdout.strip() == ""


def test_several_targets_and_one_that_cannot_be_checked(cli_env, sample_web):
    result = run_cli(live(sample_web, "tramoclam.vn", "dacsanhoaithuong.vn", extra=["--json"]), cli_env)
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["target"] for line in lines] == ["tramoclam.vn", "dacsanhoaithuong.vn"]
    assert "error" in lines[1] and "dacsanhoaithuong.vn" in result.stderr and "could not be checked" in result.stderr


def test_the_readable_report_names_pages_and_legal_basis(cli_env, sample_web):
    run_cli(["registry", "import", str(SEEDS / "registry.sample.csv")], cli_env)
    result = run_cli(live(sample_web, "noithatmoctre.vn"), cli_env)
    assert result.returncode == 0, result.stderr
    assert "BADGE_MISSING" in result.stdout and "POLICY_MISSING:privacy" in result.stdout
    assert "Nghị định" in result.stdout or "Luật" in result.stdout


def test_a_missing_file_or_a_non_domain_is_a_clear_error(cli_env, tmp_path):
    missing = run_cli(["check", str(tmp_path / "nope.html")], cli_env)
    assert missing.returncode == 2 and "no such file" in missing.stderr
    garbage = run_cli(["check", "not a domain"], cli_env)
    assert garbage.returncode == 2 and "not a domain" in garbage.stderr
