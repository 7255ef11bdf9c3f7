"""Running the crawler: one subprocess per run, progress read from its output.

A subprocess per run keeps Twisted's reactor fresh (it cannot be restarted
in one process), lets the scheduler enforce a time limit by killing it, and
keeps a crashing crawl from taking the caller down.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from monitor.config import Config
from monitor.errors import MonitorError
from monitor.store.db import Database
from monitor.store.runs import finish_run, start_run


class CrawlError(MonitorError):
    pass


@dataclass(frozen=True)
class CrawlTarget:
    domain: str
    kind: str = "registry"  # or "candidate"
    urls: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"domain": self.domain, "kind": self.kind, "urls": list(self.urls)}


@dataclass
class CrawlOptions:
    """How to run the spider beyond what the configuration says."""

    allow_hosts: Sequence[str] = ()
    proxy: str | None = None  # http://127.0.0.1:PORT for the sample web
    start_scheme: str | None = None
    timeout: float | None = None
    time_limit: int | None = None
    no_delay: bool = False
    ignore_robots: bool = False


@dataclass
class CrawlProgress:
    total: int
    done: int = 0
    checked: int = 0
    unreachable: int = 0
    pages: int = 0
    findings: int = 0
    opened: int = 0
    store_errors: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def update(self, event: dict[str, Any]) -> None:
        if event.get("event") != "site":
            return
        self.done += 1
        self.pages += int(event.get("pages", 0))
        if event.get("store_error"):
            self.store_errors += 1
            self.failures.append((event["domain"], f"not stored: {event['store_error']}"))
        elif event.get("checked"):
            self.checked += 1
        else:
            self.unreachable += 1
            if event.get("kind") != "candidate":  # a dead candidate domain is no news
                self.failures.append((event["domain"], event.get("failure") or "not checked"))
        self.findings += int(event.get("findings", 0))
        self.opened += int(event.get("opened", 0))

    def counts(self) -> dict[str, Any]:
        return {
            "sites": self.total,
            "done": self.done,
            "checked": self.checked,
            "unreachable": self.unreachable,
            "pages": self.pages,
            "findings": self.findings,
            "opened": self.opened,
            "store_errors": self.store_errors,
        }


@dataclass
class CrawlResult:
    run_id: int | None
    outcome: str
    progress: CrawlProgress
    log_file: Path
    seconds: float
    spool: Path | None = None


def _command(
    targets_file: Path,
    *,
    sink: str,
    run_id: int | None,
    spool: Path | None,
    database_url: str,
    options: CrawlOptions,
    time_limit: int,
    log_file: Path,
) -> list[str]:
    cmd = [
        sys.executable, "-m", "crawler.run",
        "--targets", str(targets_file),
        "--sink", sink,
        "--database-url", database_url,
        "--progress",
        "--time-limit", str(time_limit),
        "--log-file", str(log_file),
    ]
    if run_id is not None:
        cmd += ["--run-id", str(run_id)]
    if spool is not None:
        cmd += ["--spool", str(spool)]
    for host in options.allow_hosts:
        cmd += ["--allow-host", host]
    if options.start_scheme:
        cmd += ["--start-scheme", options.start_scheme]
    if options.timeout:
        cmd += ["--timeout", str(options.timeout)]
    if options.no_delay:
        cmd.append("--no-delay")
    if options.ignore_robots:
        cmd.append("--ignore-robots")
    return cmd


def _environment(config: Config, options: CrawlOptions) -> dict[str, str]:
    env = dict(os.environ)
    if config.path:
        env["MONITOR_CONFIG"] = config.path
    else:
        env.pop("MONITOR_CONFIG", None)
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "no_proxy", "NO_PROXY"):
        env.pop(name, None)
    if options.proxy:
        env["http_proxy"] = options.proxy
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run_spider(
    config: Config,
    database: Database | None,
    targets: Iterable[CrawlTarget],
    *,
    trigger: str,
    sink: str = "database",
    options: CrawlOptions | None = None,
    on_progress: Callable[[CrawlProgress, dict[str, Any]], None] | None = None,
    stop: threading.Event | None = None,
) -> CrawlResult:
    """Crawl ``targets`` in a subprocess and wait for it.

    With ``sink="database"`` the subprocess stores pages, observations and
    findings under a new CrawlRun. With ``sink="spool"`` it writes what it
    fetched to a JSON-lines file (``result.spool``) and stores nothing.
    """
    options = options or CrawlOptions()
    targets = list(dict((t.domain, t) for t in targets).values())
    if not targets:
        raise CrawlError("nothing to crawl: no target sites")
    time_limit = options.time_limit or config.crawl.run_time_limit
    data_dir = config.data_dir
    (data_dir / "logs").mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="crawl-", dir=data_dir))
    targets_file = work / "targets.jsonl"
    targets_file.write_text(
        "".join(json.dumps(t.to_json(), ensure_ascii=False) + "\n" for t in targets), encoding="utf-8"
    )
    run_id = None
    spool = None
    database_url = config.database_url
    if sink == "database":
        if database is None:
            raise CrawlError("a database is needed to store the crawl")
        with database.session() as session:
            run = start_run(session, config, trigger, {"targets": len(targets), **_options_snapshot(options)})
            run_id = run.id
        database_url = database.engine.url.render_as_string(hide_password=False)
        log_file = data_dir / "logs" / f"run-{run_id}.log"
    else:
        spool = work / "spool.jsonl"
        log_file = work / "crawl.log"

    cmd = _command(
        targets_file, sink=sink, run_id=run_id, spool=spool, database_url=database_url,
        options=options, time_limit=time_limit, log_file=log_file,
    )
    progress = CrawlProgress(total=len(targets))
    started = time.monotonic()
    outcome, error = _supervise(cmd, _environment(config, options), progress, on_progress, time_limit, stop)
    seconds = time.monotonic() - started
    if progress.store_errors and outcome == "succeeded":
        outcome = "partial"
    if run_id is not None and database is not None:
        with database.session() as session:
            finish_run(session, run_id, outcome, progress.counts(), error)
    if outcome == "failed" and progress.done == 0:
        tail = _tail(log_file)
        raise CrawlError(f"the crawler failed before finishing any site; see {log_file}\n{tail}")
    return CrawlResult(run_id, outcome, progress, log_file, seconds, spool)


def _options_snapshot(options: CrawlOptions) -> dict[str, Any]:
    return {
        "allow_hosts": list(options.allow_hosts),
        "proxy": options.proxy,
        "start_scheme": options.start_scheme,
        "ignore_robots": options.ignore_robots,
    }


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _supervise(
    cmd: list[str],
    env: dict[str, str],
    progress: CrawlProgress,
    on_progress: Callable[[CrawlProgress, dict[str, Any]], None] | None,
    time_limit: int,
    stop: threading.Event | None,
) -> tuple[str, str | None]:
    process = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        start_new_session=True,
    )
    stderr_lines: list[str] = []
    reader = threading.Thread(target=lambda: stderr_lines.extend(process.stderr), daemon=True)  # type: ignore[arg-type]
    reader.start()
    deadline = time.monotonic() + time_limit + 120  # the spider closes itself at time_limit
    killed: str | None = None

    def watchdog() -> None:
        nonlocal killed
        while process.poll() is None:
            if stop is not None and stop.is_set() and killed is None:
                killed = "stopped"
                process.send_signal(signal.SIGINT)  # Scrapy closes gracefully on the first SIGINT
            if time.monotonic() > deadline:
                killed = "time limit"
                process.kill()
                return
            time.sleep(0.5)

    threading.Thread(target=watchdog, daemon=True).start()
    assert process.stdout is not None
    for line in process.stdout:
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue
        progress.update(event)
        if on_progress:
            on_progress(progress, event)
    code = process.wait()
    reader.join(timeout=5)
    if killed == "time limit":
        return "partial", f"killed after the time limit of {time_limit}s"
    if killed == "stopped":
        return "interrupted", "stopped on request"
    if code != 0:
        return "failed", "".join(stderr_lines[-20:]).strip() or f"crawler exited with status {code}"
    if progress.done < progress.total:
        return "partial", f"{progress.total - progress.done} site(s) not finished"
    return "succeeded", None


def _not_candidates() -> frozenset[str]:
    from importlib import resources

    text = resources.files("monitor.data").joinpath("not_candidates.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


NOT_CANDIDATES = _not_candidates()


def select_targets(
    session: Any,
    *,
    domains: Sequence[str] = (),
    limit: int | None = None,
    candidates: int = 0,
) -> list[CrawlTarget]:
    """Registry sites (all, or the given domains) and up to ``candidates`` candidate domains.

    A given domain that is not in the registry is crawled as a candidate (it
    is checked for selling without registration). Candidates from feeds come
    first, then those least recently crawled.
    """
    from sqlalchemy import select

    from monitor.domains import normalise_host, registrable_domain
    from monitor.store.models import CandidateDomain
    from monitor.store.sites import find_sites

    targets: list[CrawlTarget] = []
    if domains:
        wanted = [normalise_host(d) for d in domains]
        registered = {s.domain for s in find_sites(session, domains=wanted)}
        targets = [CrawlTarget(d, "registry" if d in registered else "candidate") for d in wanted]
    else:
        targets = [CrawlTarget(s.domain) for s in find_sites(session, limit=limit)]
    if limit:
        targets = targets[:limit]
    if candidates > 0:
        sites = find_sites(session)
        # A registry row's other domains belong to the same notified owner.
        registered_all = {s.domain for s in sites} | {d for s in sites for d in (s.other_domains or ())}
        rows = session.scalars(select(CandidateDomain)).all()

        def order(c: CandidateDomain) -> tuple[int, float]:
            from_feed = any(s.startswith("feed:") for s in c.sources)
            last = c.crawled_at.timestamp() if c.crawled_at else 0.0
            return (0 if from_feed else 1, last)

        chosen = 0
        for candidate in sorted(rows, key=order):
            if chosen >= candidates:
                break
            try:
                base = registrable_domain(candidate.domain)
            except Exception:
                continue
            if candidate.domain in registered_all or base in NOT_CANDIDATES or candidate.domain in NOT_CANDIDATES:
                continue
            targets.append(CrawlTarget(candidate.domain, "candidate"))
            chosen += 1
    return targets
