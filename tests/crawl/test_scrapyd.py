"""A real Scrapyd on loopback runs the crawl in shards, writing into the shared database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import select

from monitor.config import load_config
from monitor.registry import read_registry
from monitor.scrapyd import deploy, parse_shard, run_distributed, shard_of
from monitor.store import open_database
from monitor.store.models import CrawlRun, Observation
from monitor.store.sites import upsert_sites

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def scrapyd_node(tmp_path: Path, tiny_web):
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {home}/eggs\n"
        f"logs_dir = {home}/logs\ndbs_dir = {home}/dbs\nitems_dir =\nmax_proc = 2\npoll_interval = 0.5\n",
        encoding="utf-8",
    )
    config = tmp_path / "node.toml"
    hosts = ", ".join(f'"{h}"' for h in tiny_web.hosts())
    config.write_text(
        f'[paths]\ndata_dir = "{tmp_path / "node-data"}"\n[crawl]\nallowed_private_hosts = [{hosts}]\ndownload_delay = 0\ndownload_timeout = 3\n',
        encoding="utf-8",
    )
    database_url = f"sqlite:///{tmp_path / 'shared.db'}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(MONITOR_DATABASE_URL=database_url, MONITOR_CONFIG=str(config), http_proxy=tiny_web.proxy)
    process = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=home, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}/daemonstatus.json", timeout=1).read()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"scrapyd did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    yield url, database_url, home
    process.terminate()
    process.wait(timeout=20)


def test_shards_split_the_registry_stably_and_completely():
    domains = [f"shop{i}.vn" for i in range(1000)]
    shards = [shard_of(d, 4) for d in domains]
    assert shards == [shard_of(d, 4) for d in domains]
    assert set(shards) == {0, 1, 2, 3} and min(shards.count(i) for i in range(4)) > 150
    assert parse_shard("3/4") == (3, 4)


def test_a_distributed_crawl_stores_every_site_of_every_shard(tmp_path, scrapyd_node):
    url, database_url, home = scrapyd_node
    registry = tmp_path / "registry.csv"
    registry.write_text("domain,status\ngomsuan.vn,approved\noldname.vn,approved\ndown.vn,approved\nerror.vn,pending\n", encoding="utf-8")
    db = open_database(database_url)
    with db.session() as session:
        upsert_sites(session, read_registry(registry).rows, "test")
    answer = deploy(url)
    assert answer["spiders"] == 1
    config = load_config(env={"MONITOR_DATABASE_URL": database_url})
    config.paths.data_dir = str(tmp_path / "coordinator")
    result = run_distributed(config, db, [url], shards=2, settings={"MONITOR_START_SCHEME": "http"}, poll_seconds=0.5)
    assert result.outcome == "succeeded" and len(result.jobs) == 2
    with db.session() as session:
        observed = dict(session.execute(select(Observation.domain, Observation.checked).where(Observation.run_id == result.run_id)).all())
        run = session.get(CrawlRun, result.run_id)
    assert observed == {"gomsuan.vn": True, "oldname.vn": True, "down.vn": False, "error.vn": False}
    assert run.finished_at is not None and run.counts["checked"] == 2
    logs = list((home / "logs").rglob("*.log"))
    assert len(logs) == 2 and all("Spider closed (finished)" in log.read_text() for log in logs)
    db.dispose()
