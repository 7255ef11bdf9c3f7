"""`monitor lookalikes match`, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    brands = tmp_path / "brands.csv"
    brands.write_text(
        "domain,aliases\n"
        "shopee.vn,Shopee\n"
        "vietcombank.com.vn,VCB;Vietcombank\n"
        "tiki.vn,\n",
        encoding="utf-8",
    )
    candidates = tmp_path / "candidates.txt"
    candidates.write_text(
        "# feed\n"
        "cskh-shopee.com\n"
        "https://vcb-digibank.top/login\n"
        "vnexpress.net\n"
        "\n"
        "shopee-review.example.com\n"
        "not a domain\n",
        encoding="utf-8",
    )
    allow = tmp_path / "allow.txt"
    allow.write_text("shopee-review.example.com\n", encoding="utf-8")
    return {"brands": brands, "candidates": candidates, "allow": allow}


def _args(files: dict[str, Path], *extra: str) -> list[str]:
    return [
        "lookalikes", "match",
        "--brands", str(files["brands"]),
        "--candidates", str(files["candidates"]),
        "--allow", str(files["allow"]),
        *extra,
    ]  # fmt: skip


def test_json_prints_one_object_per_flagged_pair(files, cli_env):
    result = run_cli(_args(files, "--json"), cli_env)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == [
        {"candidate": "cskh-shopee.com", "target": "shopee.vn", "score": 92, "techniques": ["brand_token"]},
        {
            "candidate": "vcb-digibank.top",
            "target": "vietcombank.com.vn",
            "score": 90,
            "techniques": ["brand_token", "alias"],
        },
    ]


def test_lines_that_are_not_domains_are_reported_on_stderr(files, cli_env):
    result = run_cli(_args(files, "--json"), cli_env)
    assert "skipped 1 line(s) that are not domains: not a domain" in result.stderr


def test_without_json_a_table_is_printed(files, cli_env):
    result = run_cli(_args(files), cli_env)
    assert result.returncode == 0, result.stderr
    assert "cskh-shopee.com" in result.stdout
    assert "brand_token" in result.stdout
    assert "2 lookalike pair(s)" in result.stdout


def test_a_missing_file_is_one_clear_error_line(files, cli_env):
    files["candidates"].unlink()
    result = run_cli(_args(files, "--json"), cli_env)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [f"error: cannot read {files['candidates']}: No such file or directory"]


def test_a_brands_file_without_a_domain_column_is_rejected(files, cli_env):
    files["brands"].write_text("site,names\nshopee.vn,Shopee\n", encoding="utf-8")
    result = run_cli(_args(files, "--json"), cli_env)
    assert result.returncode != 0
    assert "expected a CSV header 'domain,aliases'" in result.stderr
    assert "Traceback" not in result.stderr


def test_min_score_drops_weaker_pairs(files, cli_env):
    result = run_cli(_args(files, "--json", "--min-score", "91"), cli_env)
    assert [json.loads(line)["candidate"] for line in result.stdout.splitlines()] == ["cskh-shopee.com"]


def test_the_configured_allow_list_is_respected(files, cli_env, tmp_path):
    config = tmp_path / "monitor.toml"
    config.write_text('[lookalikes]\nallow = ["cskh-shopee.com"]\n', encoding="utf-8")
    result = run_cli(["--config", str(config), *_args(files, "--json")], cli_env)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["candidate"] for line in result.stdout.splitlines()] == ["vcb-digibank.top"]
