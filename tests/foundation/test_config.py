from pathlib import Path

import pytest

from monitor.config import ConfigError, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "monitor.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_come_from_the_shipped_file():
    config = load_config(env={})
    assert config.crawl.max_pages_per_site == 8
    assert config.schedule.timezone == "Asia/Ho_Chi_Minh"
    assert config.database_url.startswith("sqlite:///") and config.database_url.endswith("monitor.db")


def test_a_user_file_only_changes_the_keys_it_names(tmp_path):
    config = load_config(write(tmp_path, "[crawl]\nmax_pages_per_site = 3\n"), env={})
    assert config.crawl.max_pages_per_site == 3
    assert config.crawl.download_timeout == 20


def test_monitor_config_variable_selects_the_file(tmp_path):
    path = write(tmp_path, "[alerts]\nlanguage = 'en'\n")
    assert load_config(env={"MONITOR_CONFIG": str(path)}).alerts.language == "en"


def test_unknown_key_is_named_in_the_error(tmp_path):
    with pytest.raises(ConfigError, match="unknown key 'crawl.max_pages'"):
        load_config(write(tmp_path, "[crawl]\nmax_pages = 3\n"), env={})


def test_wrong_type_is_named_in_the_error(tmp_path):
    with pytest.raises(ConfigError, match="crawl.download_timeout must be a number"):
        load_config(write(tmp_path, "[crawl]\ndownload_timeout = 'fast'\n"), env={})


def test_out_of_range_choice_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="alerts.mode must be one of"):
        load_config(write(tmp_path, "[alerts]\nmode = 'sms'\n"), env={})


def test_broken_toml_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[crawl\n"), env={})


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml", env={})


def test_environment_overrides_database_and_alert_channels():
    config = load_config(
        env={"MONITOR_DATABASE_URL": "postgresql+psycopg://u:pw@db/monitor", "MONITOR_ALERT_URLS": "json://a, mailto://b"}
    )
    assert config.database_url == "postgresql+psycopg://u:pw@db/monitor"
    assert config.alerts.urls == ["json://a", "mailto://b"]


def test_run_snapshot_hides_secrets():
    config = load_config(env={"MONITOR_DATABASE_URL": "postgresql+psycopg://u:pw@db/monitor", "MONITOR_ALERT_URLS": "tgram://123:TOKEN/456"})
    snapshot = config.snapshot()
    assert "pw" not in str(snapshot["database"]) and "TOKEN" not in str(snapshot["alerts"])
