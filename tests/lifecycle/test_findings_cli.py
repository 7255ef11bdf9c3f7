"""`monitor findings list|show|dismiss`, run in a subprocess as an inspector runs them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from monitor.model import Evidence, FindingDraft, Regime
from monitor.store import open_database
from monitor.store.findings import apply_findings
from monitor.store.models import Finding, Site

from ..conftest import run_cli

# 2026-11-01 01:30 in Vietnam, and the nights after it.
T0 = datetime(2026, 10, 31, 18, 30, tzinfo=UTC)
SHA_DIRTY, SHA_CLEAN = "ab" * 32, "cd" * 32


def draft(code: str, excerpt: str = "không thấy", qualifier: str = "", domain: str = "gomsuan.vn") -> FindingDraft:
    return FindingDraft(
        code, "high", f"tiêu đề {code}", f"title {code}", "Điều 29 Nghị định 52/2013/NĐ-CP",
        Evidence(f"http://{domain}/", SHA_DIRTY, excerpt), Regime.DECREE_52, qualifier,
    )


@pytest.fixture
def history(cli_env) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Two sites in two provinces, three nights: a finding resolved and reopened, one dismissed."""
    db = open_database(cli_env["MONITOR_DATABASE_URL"])
    with db.session() as session:
        session.add_all([
            Site(domain="gomsuan.vn", registrable_domain="gomsuan.vn", owner_name="Công ty TNHH Gốm Sứ An",
                 province="Hồ Chí Minh", status="approved"),
            Site(domain="tramoc.vn", registrable_domain="tramoc.vn", owner_name="Hộ kinh doanh Trà Mộc",
                 province="Lâm Đồng", status="approved"),
        ])
    with db.session() as session:
        ids = dict(session.execute(select(Site.domain, Site.id)).all())

    def night(day: int, domain: str, drafts: list[FindingDraft]) -> None:
        with db.session() as session:
            apply_findings(
                session, domain=domain, site_id=ids[domain], run_id=None, drafts=drafts, at=T0 + timedelta(days=day),
                scope=None, clean_evidence=Evidence(f"http://{domain}/", SHA_CLEAN, "not seen in this check"),
            )

    night(0, "gomsuan.vn", [draft("BADGE_MISSING"), draft("POLICY_MISSING", qualifier="returns")])
    night(0, "tramoc.vn", [draft("OWNER_MISMATCH", "Công ty A", domain="tramoc.vn")])
    night(1, "gomsuan.vn", [draft("POLICY_MISSING", qualifier="returns")])
    night(2, "gomsuan.vn", [draft("BADGE_MISSING"), draft("POLICY_MISSING", qualifier="returns")])
    with db.session() as session:
        found = {(f.domain, f.code): f.id for f in session.scalars(select(Finding))}
    db.dispose()
    return {"badge": found[("gomsuan.vn", "BADGE_MISSING")], "policy": found[("gomsuan.vn", "POLICY_MISSING")],
            "mismatch": found[("tramoc.vn", "OWNER_MISMATCH")]}


def listed(cli_env, *args: str) -> list[dict]:  # type: ignore[no-untyped-def]
    result = run_cli(["findings", "list", "--json", *args], cli_env)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_list_shows_open_findings_by_default(cli_env, history):
    assert sorted(f["id"] for f in listed(cli_env)) == sorted(history.values())


def test_list_filters_by_code(cli_env, history):
    assert [f["id"] for f in listed(cli_env, "--code", "badge_missing")] == [history["badge"]]


def test_list_filters_by_domain_given_as_a_url(cli_env, history):
    assert [f["id"] for f in listed(cli_env, "--domain", "https://www.tramoc.vn/lien-he")] == [history["mismatch"]]


def test_list_filters_by_province_given_by_its_old_name(cli_env, history):
    # Bình Thuận merged into Lâm Đồng on 2025-07-01.
    assert [f["id"] for f in listed(cli_env, "--province", "Bình Thuận")] == [history["mismatch"]]


def test_list_since_a_day_keeps_findings_opened_or_reopened_from_that_day(cli_env, history):
    # Night 2 (2026-11-03 in Vietnam) reopened the badge finding; nothing else became open then.
    assert [f["id"] for f in listed(cli_env, "--since", "2026-11-03")] == [history["badge"]]
    assert len(listed(cli_env, "--since", "2026-11-01")) == 3


def test_list_shows_dismissed_findings_as_such(cli_env, history):
    run_cli(["findings", "dismiss", str(history["mismatch"]), "--reason", "owner renamed; papers checked"], cli_env)

    dismissed = listed(cli_env, "--status", "dismissed")

    assert [(f["id"], f["status"], f["dismiss_reason"]) for f in dismissed] == [
        (history["mismatch"], "dismissed", "owner renamed; papers checked")
    ]
    assert history["mismatch"] not in [f["id"] for f in listed(cli_env)]
    assert len(listed(cli_env, "--status", "all")) == 3


def test_list_refuses_an_unknown_status_or_province_with_one_line(cli_env, history):
    for args, message in ((["--status", "closed"], "--status must be one of"), (["--province", "Atlantis"], "--province")):
        result = run_cli(["findings", "list", *args], cli_env)
        assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr


def test_show_prints_the_history_with_times_pages_and_hashes(cli_env, history):
    result = run_cli(["findings", "show", str(history["badge"]), "--json"], cli_env)

    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(e["kind"], e["at"], e["sha256"]) for e in data["events"]] == [
        ("opened", "2026-11-01T01:30:00+07:00", SHA_DIRTY),
        ("resolved", "2026-11-02T01:30:00+07:00", SHA_CLEAN),
        ("reopened", "2026-11-03T01:30:00+07:00", SHA_DIRTY),
    ]
    assert data["first_seen_at"] == "2026-11-01T01:30:00+07:00" and data["times_reopened"] == 1
    assert all(e["url"] == "http://gomsuan.vn/" for e in data["events"])


def test_show_as_a_table_names_each_event_with_its_vietnam_time_and_hash(cli_env, history):
    result = run_cli(["findings", "show", str(history["badge"])], cli_env)

    assert result.returncode == 0, result.stderr
    assert "2026-11-02 01:30:00" in result.stdout and "resolved" in result.stdout and SHA_CLEAN in result.stdout


def test_show_an_unknown_id_is_one_clear_error(cli_env, history):
    result = run_cli(["findings", "show", "9999"], cli_env)

    assert result.returncode != 0 and "no finding with id 9999" in result.stderr and "Traceback" not in result.stderr


def test_dismiss_records_the_reason_in_the_history(cli_env, history):
    result = run_cli(["findings", "dismiss", str(history["mismatch"]), "--reason", "owner renamed"], cli_env)

    assert result.returncode == 0 and "dismissed" in result.stdout
    events = json.loads(run_cli(["findings", "show", str(history["mismatch"]), "--json"], cli_env).stdout)["events"]
    assert (events[-1]["kind"], events[-1]["note"]) == ("dismissed", "owner renamed")


def test_dismiss_needs_a_reason(cli_env, history):
    result = run_cli(["findings", "dismiss", str(history["mismatch"]), "--reason", "  "], cli_env)

    assert result.returncode != 0 and "needs a reason" in result.stderr


def test_dismiss_an_unknown_id_is_one_clear_error(cli_env, history):
    result = run_cli(["findings", "dismiss", "9999", "--reason", "x"], cli_env)

    assert result.returncode != 0 and "no finding with id 9999" in result.stderr and "Traceback" not in result.stderr
