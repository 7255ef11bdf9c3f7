"""The CLI as a user runs it: a subprocess, a fresh database, real files."""

from __future__ import annotations

import json

from tests.conftest import ROOT, run_cli

SAMPLE = ROOT / "seeds" / "registry.sample.csv"


def test_importing_the_sample_registry_reports_counts_and_reimport_changes_nothing(cli_env):
    first = run_cli(["registry", "import", str(SAMPLE)], cli_env)
    assert first.returncode == 0, first.stderr
    assert "16 added, 0 updated, 0 unchanged" in first.stdout
    second = run_cli(["registry", "import", str(SAMPLE)], cli_env)
    assert "0 added, 0 updated, 16 unchanged" in second.stdout


def test_a_bad_row_names_its_line_and_column_and_nothing_is_imported(cli_env, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(SAMPLE.read_text(encoding="utf-8-sig") + "shop-moi.vn,,,,,,,,,,duyet roi,,,\n", encoding="utf-8")
    result = run_cli(["registry", "import", str(bad)], cli_env)
    assert result.returncode == 1
    assert "line 18, column status: unknown value 'duyet roi'" in result.stderr
    assert "nothing imported" in result.stderr and "Traceback" not in result.stderr
    listed = run_cli(["registry", "list", "--json"], cli_env)
    assert listed.stdout.strip() == ""


def test_skip_invalid_imports_the_good_rows(cli_env, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(SAMPLE.read_text(encoding="utf-8-sig") + ",,,,,,,,,,approved,,,\n", encoding="utf-8")
    result = run_cli(["registry", "import", "--skip-invalid", str(bad)], cli_env)
    assert result.returncode == 0 and "16 added" in result.stdout and "1 bad row skipped" in result.stdout


def test_registry_list_shows_normalised_domains(cli_env):
    run_cli(["registry", "import", str(SAMPLE)], cli_env)
    listed = run_cli(["registry", "list", "--json", "--province", "Bình Dương"], cli_env)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert rows and all(row["province"] == "Hồ Chí Minh" for row in rows)
    table = run_cli(["registry", "list"], cli_env)
    assert "giaydakhaiminh.vn" in table.stdout and "https://" not in table.stdout


def test_a_config_error_is_one_clear_line(cli_env, tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("[crawl]\nmax_pages = 3\n", encoding="utf-8")
    result = run_cli(["--config", str(config), "registry", "list"], cli_env)
    assert result.returncode == 2
    assert "unknown key 'crawl.max_pages'" in result.stderr and "Traceback" not in result.stderr


def test_db_upgrade_creates_the_schema(cli_env):
    result = run_cli(["db", "upgrade"], cli_env)
    assert result.returncode == 0 and "upgraded from empty to 0" in result.stdout
    again = run_cli(["db", "upgrade"], cli_env)
    assert "already at revision" in again.stdout


def test_a_missing_file_is_a_clear_error(cli_env, tmp_path):
    result = run_cli(["registry", "import", str(tmp_path / "none.csv")], cli_env)
    assert result.returncode == 2 and "cannot read" in result.stderr
