"""Configuration: ``config/monitor.toml`` defaults, a user file on top, environment last.

Every key has a typed field below; a key that is not known, or a value of the
wrong type, raises :class:`ConfigError` naming the key and the file.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from monitor.errors import MonitorError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PROJECT_ROOT / "config" / "monitor.toml"


class ConfigError(MonitorError, ValueError):
    """The configuration cannot be used; the message names the key and the file."""


@dataclass
class DatabaseConfig:
    url: str = ""


@dataclass
class PathsConfig:
    data_dir: str = "data"


@dataclass
class CrawlConfig:
    user_agent: str = "VN-Ecommerce-Compliance-Monitor/0.1"
    obey_robots_txt: bool = True
    max_pages_per_site: int = 8
    download_timeout: float = 20.0
    max_body_bytes: int = 4 * 1024 * 1024
    concurrent_requests: int = 32
    concurrent_requests_per_domain: int = 2
    download_delay: float = 0.25
    retry_times: int = 1
    run_time_limit: int = 21600
    candidates_per_run: int = 500
    allowed_private_hosts: list[str] = field(default_factory=list)


@dataclass
class ScheduleConfig:
    timezone: str = "Asia/Ho_Chi_Minh"
    crawl: str = "30 1 * * *"
    lookalike_scan: str = "30 5 * * *"
    digest: str = "0 7 * * *"
    misfire_grace_hours: float = 6.0


@dataclass
class AlertsConfig:
    urls: list[str] = field(default_factory=list)
    mode: str = "digest"
    language: str = "vi"
    backlog_days: float = 7.0


@dataclass
class LookalikesConfig:
    allow: list[str] = field(default_factory=list)
    min_score: float = 70.0


@dataclass
class Config:
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    paths: PathsConfig = field(default_factory=PathsConfig)
    crawl: CrawlConfig = field(default_factory=CrawlConfig)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    alerts: AlertsConfig = field(default_factory=AlertsConfig)
    lookalikes: LookalikesConfig = field(default_factory=LookalikesConfig)
    source: str = "defaults"  # the files read, for messages and run snapshots
    path: str | None = None  # the user's file on top of the defaults, if any

    @property
    def data_dir(self) -> Path:
        return Path(self.paths.data_dir).expanduser().resolve()

    @property
    def database_url(self) -> str:
        if self.database.url:
            return self.database.url
        return f"sqlite:///{self.data_dir / 'monitor.db'}"

    def snapshot(self) -> dict[str, Any]:
        """What a CrawlRun stores: the effective settings, with secrets masked."""
        data = asdict(self)
        data["database"] = {"url": _mask_url(self.database_url)}
        data["alerts"]["urls"] = [_mask_alert_url(u) for u in self.alerts.urls]
        return data


_CHOICES = {
    ("alerts", "mode"): ("digest", "finding"),
    ("alerts", "language"): ("vi", "en"),
}
_POSITIVE = {
    ("crawl", "max_pages_per_site"),
    ("crawl", "download_timeout"),
    ("crawl", "max_body_bytes"),
    ("crawl", "concurrent_requests"),
    ("crawl", "concurrent_requests_per_domain"),
    ("crawl", "run_time_limit"),
}


def _mask_url(url: str) -> str:
    """Hide a password in ``scheme://user:password@host/...``."""
    return re.sub(r"(://[^/:@]*):[^/@]*@", r"\1:***@", url)


def _mask_alert_url(url: str) -> str:
    """Alert URLs carry tokens anywhere (``tgram://TOKEN/CHAT``): keep the scheme only."""
    return url.split("://", 1)[0] + "://***" if "://" in url else "***"


def _coerce(value: Any, kind: Any, key: str, origin: str) -> Any:
    base = get_origin(kind) or kind
    if base is list:
        (item,) = get_args(kind)
        if not isinstance(value, list):
            raise ConfigError(f"{origin}: {key} must be a list, got {type(value).__name__}")
        return [_coerce(v, item, f"{key}[{i}]", origin) for i, v in enumerate(value)]
    if kind is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{origin}: {key} must be true or false, got {value!r}")
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{origin}: {key} must be a number, got {value!r}")
        return float(value)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{origin}: {key} must be a whole number, got {value!r}")
        return value
    if kind is str:
        if not isinstance(value, str):
            raise ConfigError(f"{origin}: {key} must be a string, got {value!r}")
        return value
    raise ConfigError(f"{origin}: {key} has an unsupported type")  # pragma: no cover


def _merge(target: Any, data: dict[str, Any], origin: str, prefix: str = "") -> None:
    hints = get_type_hints(type(target))
    known = {f.name for f in fields(target) if f.name not in ("source", "path")}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if key not in known:
            raise ConfigError(
                f"{origin}: unknown key {dotted!r} (known: {', '.join(sorted(known))})"
            )
        current = getattr(target, key)
        if is_dataclass(current):
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: [{dotted}] must be a table")
            _merge(current, value, origin, f"{dotted}.")
            continue
        setattr(target, key, _coerce(value, hints[key], dotted, origin))


def _validate(config: Config, origin: str) -> None:
    for (section, key), choices in _CHOICES.items():
        value = getattr(getattr(config, section), key)
        if value not in choices:
            raise ConfigError(f"{origin}: {section}.{key} must be one of {choices}, got {value!r}")
    for section, key in _POSITIVE:
        value = getattr(getattr(config, section), key)
        if value <= 0:
            raise ConfigError(f"{origin}: {section}.{key} must be greater than 0, got {value!r}")
    for section, key in (("crawl", "retry_times"), ("crawl", "candidates_per_run"), ("alerts", "backlog_days")):
        if getattr(getattr(config, section), key) < 0:
            raise ConfigError(f"{origin}: {section}.{key} must be 0 or more")
    if config.schedule.misfire_grace_hours < 0:
        raise ConfigError(f"{origin}: schedule.misfire_grace_hours must be 0 or more")
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(config.schedule.timezone)
    except Exception as exc:
        raise ConfigError(
            f"{origin}: schedule.timezone {config.schedule.timezone!r} is not a known time zone"
        ) from exc


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"configuration file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def load_config(path: str | Path | None = None, env: dict[str, str] | None = None) -> Config:
    """Defaults, then ``path`` (or ``$MONITOR_CONFIG``), then environment overrides."""
    env = dict(os.environ) if env is None else env
    config = Config()
    sources = []
    if DEFAULT_CONFIG.exists():
        _merge(config, _read_toml(DEFAULT_CONFIG), str(DEFAULT_CONFIG))
        sources.append(str(DEFAULT_CONFIG))
    chosen = path or env.get("MONITOR_CONFIG")
    if chosen:
        chosen_path = Path(chosen).expanduser()
        _merge(config, _read_toml(chosen_path), str(chosen_path))
        sources.append(str(chosen_path))
    origin = " + ".join(sources) or "defaults"
    if env.get("MONITOR_DATABASE_URL"):
        config.database.url = env["MONITOR_DATABASE_URL"]
    if env.get("MONITOR_ALERT_URLS") is not None and "MONITOR_ALERT_URLS" in env:
        config.alerts.urls = [u.strip() for u in env["MONITOR_ALERT_URLS"].split(",") if u.strip()]
    _validate(config, origin)
    config.source = origin
    config.path = str(Path(chosen).expanduser().resolve()) if chosen else None
    return config
