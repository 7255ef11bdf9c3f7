"""`make demo`, as a newcomer runs it: the whole pipeline offline, and the findings an inspector expects."""

from __future__ import annotations

import json
import subprocess
import tomllib
from collections import defaultdict

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

EXPECTED = tomllib.loads((ROOT / "seeds" / "web" / "expected.toml").read_text(encoding="utf-8"))


def _open_codes(findings: list[dict]) -> dict[str, set[str]]:
    codes: dict[str, set[str]] = defaultdict(set)
    for f in findings:
        if f["status"] == "open":
            codes[f["domain"]].add(f"POLICY_MISSING:{f['qualifier']}" if f["code"] == "POLICY_MISSING" else f["code"])
    return codes


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo")
    out = tmp / "findings.json"
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("MONITOR_")}
    result = subprocess.run(
        ["make", "-s", "demo", f"DEMO_ARGS=--out {out}"],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600,
    )
    return result, out


def test_make_demo_runs_offline_and_exits_zero(demo_run):
    result, out = demo_run
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Open findings by site" in result.stdout and out.exists()


@pytest.mark.parametrize("host", sorted(EXPECTED))
def test_each_sample_site_gets_exactly_the_findings_an_inspector_expects(demo_run, host):
    _, out = demo_run
    codes = _open_codes(json.loads(out.read_text(encoding="utf-8")))
    assert codes.get(host, set()) == set(EXPECTED[host])


def test_every_finding_carries_dated_evidence(demo_run):
    _, out = demo_run
    findings = json.loads(out.read_text(encoding="utf-8"))
    assert findings
    for f in findings:
        assert f["first_seen_at"] and f["evidence"]["url"].startswith("http")
        assert f["legal_basis"] or f["code"] == "SITE_UNREACHABLE"
