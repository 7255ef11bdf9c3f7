"""Distributed crawls on Scrapyd nodes, all writing into the shared PostgreSQL.

Each node has this package installed (``pip install
'vn-ecommerce-monitor[scrapyd,postgres]'``) and the database named in its
environment (``MONITOR_DATABASE_URL``, or ``MONITOR_CONFIG``). The project
egg deployed to Scrapyd is therefore tiny: it only tells Scrapyd which
settings module to use, so nodes always run the code that is installed on
them, data files included.

The coordinator splits the registry into shards (``shard=k/n`` spider
argument; a site's shard is a stable hash of its domain), schedules one job
per shard, waits for all of them, then closes the run and sends alerts once.
"""

from __future__ import annotations

import io
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from sqlalchemy import func, select

from monitor import __version__
from monitor.config import Config
from monitor.errors import MonitorError
from monitor.store.db import Database
from monitor.store.models import Observation
from monitor.store.runs import finish_run, start_run

PROJECT = "vn_monitor"


class ScrapydError(MonitorError):
    pass


def shard_of(domain: str, shards: int) -> int:
    """Stable shard number of a domain (the same on every node and every night)."""
    return zlib.crc32(domain.encode("utf-8")) % shards


def parse_shard(text: str) -> tuple[int, int]:
    try:
        index, total = (int(part) for part in text.split("/"))
    except ValueError:
        raise ScrapydError(f"shard must look like 'k/n', got {text!r}") from None
    if not 0 <= index < total:
        raise ScrapydError(f"shard {text!r}: k must be between 0 and n-1")
    return index, total


def build_egg(version: str = __version__) -> bytes:
    """A minimal egg: Scrapy's settings entry point and nothing else."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as egg:
        egg.writestr("EGG-INFO/PKG-INFO", f"Metadata-Version: 1.1\nName: {PROJECT}\nVersion: {version}\n")
        egg.writestr("EGG-INFO/entry_points.txt", "[scrapy]\nsettings = crawler.settings\n")
        egg.writestr("EGG-INFO/top_level.txt", "\n")
        egg.writestr("EGG-INFO/zip-safe", "\n")
    return buffer.getvalue()


def _request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None, timeout: float = 60) -> dict[str, Any]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        raise ScrapydError(f"{url}: HTTP {exc.code} {exc.read()[:300]!r}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise ScrapydError(f"cannot reach Scrapyd at {url}: {getattr(exc, 'reason', exc)}") from exc
    except json.JSONDecodeError as exc:
        raise ScrapydError(f"{url}: not a Scrapyd answer") from exc
    if payload.get("status") != "ok":
        raise ScrapydError(f"{url}: {payload.get('message') or payload}")
    return payload


def _multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def deploy(node: str, version: str | None = None) -> dict[str, Any]:
    """Upload the project egg to a Scrapyd node; Scrapyd lists the spiders it found."""
    version = version or f"{__version__}-{int(time.time())}"
    body, content_type = _multipart({"project": PROJECT, "version": version}, {"egg": (f"{PROJECT}.egg", build_egg(version))})
    return _request(f"{node.rstrip('/')}/addversion.json", body, {"Content-Type": content_type})


def schedule(node: str, shard: str, run_id: int, candidates: int = 0, settings: dict[str, str] | None = None) -> str:
    fields = [("project", PROJECT), ("spider", "sites"), ("shard", shard), ("candidates", str(candidates))]
    fields.append(("setting", f"MONITOR_RUN_ID={run_id}"))
    fields.append(("setting", "MONITOR_PROGRESS=False"))
    for key, value in (settings or {}).items():
        fields.append(("setting", f"{key}={value}"))
    data = urllib.parse.urlencode(fields).encode()
    return _request(f"{node.rstrip('/')}/schedule.json", data)["jobid"]


def job_states(node: str) -> dict[str, str]:
    payload = _request(f"{node.rstrip('/')}/listjobs.json?project={PROJECT}")
    states = {}
    for state in ("pending", "running", "finished"):
        for job in payload.get(state, []):
            states[job["id"]] = state
    return states


@dataclass
class DistributedResult:
    run_id: int
    outcome: str
    jobs: dict[str, str] = field(default_factory=dict)  # job id -> node
    checked: int = 0
    unreachable: int = 0
    seconds: float = 0.0


def run_distributed(
    config: Config,
    database: Database,
    nodes: Sequence[str],
    shards: int,
    *,
    candidates: int = 0,
    trigger: str = "manual",
    settings: dict[str, str] | None = None,
    poll_seconds: float = 5.0,
    on_progress: Callable[[int, int, int], None] | None = None,
) -> DistributedResult:
    """Schedule one job per shard across ``nodes``, wait for all, then close the run."""
    if not nodes:
        raise ScrapydError("no Scrapyd node given")
    if shards < 1:
        raise ScrapydError("shards must be at least 1")
    started = time.monotonic()
    with database.session() as session:
        run_id = start_run(session, config, trigger, {"scrapyd": list(nodes), "shards": shards}).id
    jobs: dict[str, str] = {}
    for index in range(shards):
        node = nodes[index % len(nodes)]
        jobs[schedule(node, f"{index}/{shards}", run_id, candidates, settings)] = node
    deadline = time.monotonic() + config.crawl.run_time_limit + 600
    while True:
        finished = 0
        for node in set(jobs.values()):
            states = job_states(node)
            finished += sum(1 for job, where in jobs.items() if where == node and states.get(job) == "finished")
        checked, unreachable = _counts(database, run_id)
        if on_progress:
            on_progress(finished, len(jobs), checked + unreachable)
        if finished == len(jobs):
            outcome = "succeeded"
            break
        if time.monotonic() > deadline:
            outcome = "partial"
            break
        time.sleep(poll_seconds)
    checked, unreachable = _counts(database, run_id)
    with database.session() as session:
        finish_run(session, run_id, outcome, {"shards": shards, "checked": checked, "unreachable": unreachable})
    return DistributedResult(run_id, outcome, jobs, checked, unreachable, time.monotonic() - started)


def _counts(database: Database, run_id: int) -> tuple[int, int]:
    with database.session() as session:
        rows = dict(
            session.execute(
                select(Observation.checked, func.count()).where(Observation.run_id == run_id).group_by(Observation.checked)
            ).all()
        )
    return int(rows.get(True, 0)), int(rows.get(False, 0))
