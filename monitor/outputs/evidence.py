"""Evidence packages: the stored pages behind findings, hashed, with a manifest.

A package (a folder, or a zip holding one folder) contains:

- ``pages/NNN-<role>-<fetched UTC>-<sha256 prefix>.html``: each stored fetch,
  byte for byte as it was received (the body's sha256 is the one recorded at
  fetch time, and is checked again while writing);
- ``summary.html``: a short summary in Vietnamese for the case file;
- ``manifest.json``: every file with its URL, final URL, redirect chain, fetch
  time (UTC), HTTP status, sha256, size, run and the findings it supports;
  the findings with their history; the tool version; the run configurations;
- ``manifest.sha256``: the manifest's own hash in ``sha256sum`` format (a
  manifest cannot hold its own hash), so ``sha256sum -c manifest.sha256``
  works without this tool.

Which pages: for each finding, every page of the domain fetched in the runs
that opened, reopened or resolved it and in the run that last saw it, plus
the domain's latest run; and for each page hash a finding names as its
evidence that none of those pages has, the first and the last fetch with that
hash. Nightly "seen again" runs in between are not copied (the finding's
history in the manifest dates them).

:func:`verify_package` recomputes every hash and names each file that was
altered, is missing, or was added. The hashes prove the package is unchanged
since it was made; they are not a signature: keep the manifest hash the
command prints with the inspection record.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Iterator, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor import __version__
from monitor.domains import normalise_host
from monitor.outputs.common import (
    OutputError,
    atomic_output,
    current_umask,
    portal_record_url,
    template_environment,
    utc_iso,
    vn_readable,
)
from monitor.outputs.labels import REGIME, REGISTRY_STATUS, ROLE, SEVERITY, STATUS, word
from monitor.store.evidence import load_body
from monitor.store.models import CrawlRun, Finding, FindingEvent, Page, Site

FORMAT = "vn-ecommerce-monitor evidence package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MANIFEST_HASH = "manifest.sha256"
SUMMARY = "summary.html"
PAGES = "pages"
CONTROL_FILES = (MANIFEST, MANIFEST_HASH)
# Events that change a finding's status: the runs whose pages prove the dates.
_STATUS_EVENTS = ("opened", "reopened", "resolved", "dismissed")


class EvidenceError(OutputError):
    """The package cannot be made or read as asked."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- choosing what goes in


@dataclass
class _Selection:
    domain: str
    site: Site | None
    findings: list[Finding]
    pages: list[Page]
    supports: dict[int, list[int]]  # page id -> finding ids
    runs: list[CrawlRun]


def _findings_for(session: Session, target: str) -> tuple[str, list[Finding]]:
    """A finding id means that finding; a domain means all of its findings."""
    text = target.strip()
    if text.isdigit():
        finding = session.get(Finding, int(text))
        if finding is None:
            raise EvidenceError(f"no finding with id {text}")
        return finding.domain, [finding]
    domain = normalise_host(text)
    findings = list(
        session.scalars(select(Finding).where(Finding.domain == domain).order_by(Finding.code, Finding.qualifier, Finding.id))
    )
    return domain, findings


def _status_events(finding: Finding) -> list[FindingEvent]:
    return [e for e in finding.events if e.kind in _STATUS_EVENTS]


def _runs_of(finding: Finding) -> set[int]:
    runs = {e.run_id for e in _status_events(finding) if e.run_id is not None}
    if finding.last_run_id is not None:
        runs.add(finding.last_run_id)
    return runs


def _hashes_of(finding: Finding) -> set[str]:
    hashes = {e.sha256 for e in _status_events(finding) if e.sha256}
    if finding.evidence_sha256:
        hashes.add(finding.evidence_sha256)
    return hashes


def _select(session: Session, target: str) -> _Selection:
    domain, findings = _findings_for(session, target)
    site = session.scalar(select(Site).where(Site.domain == domain))
    latest_run = session.scalar(
        select(Page.run_id).where(Page.domain == domain).order_by(Page.fetched_at.desc(), Page.id.desc()).limit(1)
    )
    if latest_run is None:
        raise EvidenceError(f"no stored pages for {domain}: nothing to package (has it been crawled?)")
    runs = {latest_run}
    for finding in findings:
        runs |= _runs_of(finding)
    chosen: dict[int, Page] = {
        p.id: p for p in session.scalars(select(Page).where(Page.domain == domain, Page.run_id.in_(sorted(runs))))
    }
    have = {p.sha256 for p in chosen.values()}
    wanted = set().union(*(_hashes_of(f) for f in findings)) - have if findings else set()
    for sha in sorted(wanted):
        same = select(Page).where(Page.domain == domain, Page.sha256 == sha)
        for order in (Page.fetched_at.asc(), Page.fetched_at.desc()):
            page = session.scalar(same.order_by(order, Page.id).limit(1))
            if page is not None:
                chosen[page.id] = page
    pages = sorted(chosen.values(), key=lambda p: (p.fetched_at, p.id))
    supports: dict[int, list[int]] = {}
    for page in pages:
        supports[page.id] = [
            f.id for f in findings if page.run_id in _runs_of(f) or page.sha256 in _hashes_of(f)
        ]
    run_rows = list(
        session.scalars(select(CrawlRun).where(CrawlRun.id.in_(sorted({p.run_id for p in pages}))).order_by(CrawlRun.id))
    )
    return _Selection(domain, site, findings, pages, supports, run_rows)


# ---------------------------------------------------------------- describing it


def _page_name(index: int, page: Page) -> str:
    """Unique and safe on Windows: no ``:``, ``?``, slashes or the page's own text."""
    role = page.role if page.role.isalnum() else "page"
    stamp = page.fetched_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{PAGES}/{index:03d}-{role}-{stamp}-{page.sha256[:12]}.html"


def _finding_entry(finding: Finding, files: list[str]) -> dict[str, Any]:
    return {
        "id": finding.id,
        "domain": finding.domain,
        "code": finding.code,
        "qualifier": finding.qualifier,
        "title_vi": finding.title_vi,
        "title_en": finding.title_en,
        "severity": finding.severity,
        "regime": finding.regime,
        "legal_basis": finding.legal_basis,
        "fine": finding.fine,
        "status": finding.status,
        "first_seen_at": utc_iso(finding.first_seen_at),
        "last_seen_at": utc_iso(finding.last_seen_at),
        "resolved_at": utc_iso(finding.resolved_at),
        "dismissed_at": utc_iso(finding.dismissed_at),
        "dismiss_reason": finding.dismiss_reason,
        "times_reopened": finding.times_reopened,
        "times_seen": sum(1 for e in finding.events if e.kind in ("opened", "reopened", "seen")),
        "evidence": {
            "url": finding.evidence_url,
            "sha256": finding.evidence_sha256,
            "excerpt": finding.evidence_excerpt,
        },
        "history": [
            {
                "kind": e.kind, "at": utc_iso(e.at), "run_id": e.run_id, "url": e.url,
                "sha256": e.sha256, "excerpt": e.excerpt, "note": e.note,
            }
            for e in _status_events(finding)
        ],
        "files": files,
    }


def _registry_entry(site: Site | None) -> dict[str, Any] | None:
    if site is None:
        return None
    return {
        "domain": site.domain,
        "owner_name": site.owner_name,
        "tax_code": site.tax_code,
        "address": site.address,
        "province": site.province,
        "status": site.status,
        "record_id": site.record_id,
        "record_url": portal_record_url(site.record_id, site.record_kind),
        "registration_kind": site.registration_kind,
        "notified_date": site.notified_date.isoformat() if site.notified_date else None,
    }


def _run_entry(run: CrawlRun) -> dict[str, Any]:
    return {
        "id": run.id,
        "started_at": utc_iso(run.started_at),
        "finished_at": utc_iso(run.finished_at),
        "trigger": run.trigger,
        "tool_version": run.tool_version,
        "outcome": run.outcome,
        "config": run.config,
    }


# ---------------------------------------------------------------- writing


class _Sink(Protocol):
    def write(self, name: str, data: bytes) -> None: ...


class _FolderSink:
    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, name: str, data: bytes) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


class _ZipSink:
    def __init__(self, archive: zipfile.ZipFile, folder: str, stamp: datetime) -> None:
        self.archive, self.folder = archive, folder
        self.date_time = stamp.astimezone(UTC).timetuple()[:6]

    def write(self, name: str, data: bytes) -> None:
        info = zipfile.ZipInfo(f"{self.folder}/{name}", date_time=self.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        self.archive.writestr(info, data)


@dataclass(frozen=True)
class PackageResult:
    path: Path
    domain: str
    pages: int
    findings: int
    manifest_sha256: str


def _write_package(session: Session, chosen: _Selection, sink: _Sink, subject_id: int | None, now: datetime) -> str:
    files: list[dict[str, Any]] = []
    files_of: dict[int, list[str]] = {f.id: [] for f in chosen.findings}
    for index, page in enumerate(chosen.pages, start=1):
        body = load_body(session, page.sha256)
        if sha256_hex(body) != page.sha256:
            raise EvidenceError(
                f"the stored body of page {page.id} ({page.final_url}) no longer matches its recorded sha256; "
                "the database may be damaged — not packaging it"
            )
        name = _page_name(index, page)
        sink.write(name, body)
        for finding_id in chosen.supports[page.id]:
            files_of[finding_id].append(name)
        files.append(
            {
                "path": name,
                "kind": "page",
                "role": page.role,
                "url": page.requested_url,
                "final_url": page.final_url,
                "redirect_chain": list(page.redirect_chain or []),
                "fetched_at": utc_iso(page.fetched_at),
                "status": page.status,
                "content_type": (page.headers or {}).get("content-type"),
                "sha256": page.sha256,
                "size": len(body),
                "run_id": page.run_id,
                "page_id": page.id,
                "findings": chosen.supports[page.id],
            }
        )
    summary = render_summary(chosen, files, files_of, now).encode("utf-8")
    sink.write(SUMMARY, summary)
    files.append({"path": SUMMARY, "kind": "summary", "sha256": sha256_hex(summary), "size": len(summary)})
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": utc_iso(now),
        "times": "UTC, ISO 8601",
        "tool": {"name": "vn-ecommerce-monitor", "version": __version__},
        "subject": {"domain": chosen.domain, "finding_id": subject_id},
        "registry": _registry_entry(chosen.site),
        "files": files,
        "findings": [_finding_entry(f, files_of[f.id]) for f in chosen.findings],
        "runs": [_run_entry(r) for r in chosen.runs],
        "verify": "monitor evidence verify <this folder or zip>; or: sha256sum -c manifest.sha256, "
        "then compare the sha256 of each file with manifest.json",
    }
    data = (json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")
    digest = sha256_hex(data)
    sink.write(MANIFEST, data)
    sink.write(MANIFEST_HASH, f"{digest}  {MANIFEST}\n".encode("ascii"))
    return digest


def build_package(
    session: Session, target: str, out: Path, *, as_zip: bool = False, now: datetime | None = None
) -> PackageResult:
    """Package the evidence of a domain (all its findings) or of one finding id."""
    now = now or datetime.now(UTC)
    chosen = _select(session, target)
    subject_id = int(target) if target.strip().isdigit() else None
    out = Path(out)
    if as_zip:
        if out.suffix.lower() != ".zip":
            out = out.with_name(out.name + ".zip")
        if out.exists():
            raise EvidenceError(f"{out} already exists; evidence is never overwritten — choose a new name")
        digest = _write_zip(session, chosen, out, subject_id, now)
    else:
        digest = _write_folder(session, chosen, out, subject_id, now)
    return PackageResult(out, chosen.domain, len(chosen.pages), len(chosen.findings), digest)


def _write_folder(session: Session, chosen: _Selection, out: Path, subject_id: int | None, now: datetime) -> str:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise EvidenceError(f"{out} already exists and is not an empty folder; evidence is never overwritten")
    parent = out.parent if str(out.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    except OSError as exc:
        raise EvidenceError(f"cannot write {out}: {exc.strerror or exc}") from exc
    try:
        digest = _write_package(session, chosen, _FolderSink(staging), subject_id, now)
        staging.chmod(0o777 & ~current_umask())
        if out.exists():
            out.rmdir()
        os.replace(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise EvidenceError(f"cannot write {out}: {exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return digest


def _write_zip(session: Session, chosen: _Selection, out: Path, subject_id: int | None, now: datetime) -> str:
    with atomic_output(out, "wb") as handle, zipfile.ZipFile(handle, "w") as archive:
        return _write_package(session, chosen, _ZipSink(archive, out.stem, now), subject_id, now)


# ---------------------------------------------------------------- the summary


def render_summary(chosen: _Selection, files: list[dict[str, Any]], files_of: dict[int, list[str]], now: datetime) -> str:
    findings = [
        {
            "id": f.id,
            "code": f.code,
            "qualifier": f.qualifier,
            "title": f.title_vi,
            "severity": word(SEVERITY, f.severity, "vi"),
            "regime": word(REGIME, f.regime, "vi"),
            "legal_basis": f.legal_basis,
            "fine": f.fine,
            "status": word(STATUS, f.status, "vi"),
            "first_seen": vn_readable(f.first_seen_at),
            "last_seen": vn_readable(f.last_seen_at),
            "resolved": vn_readable(f.resolved_at),
            "evidence_url": f.evidence_url,
            "evidence_sha256": f.evidence_sha256,
            "excerpt": f.evidence_excerpt,
            "files": files_of[f.id],
        }
        for f in chosen.findings
    ]
    pages = [
        {
            **entry,
            "role_label": word(ROLE, entry["role"], "vi"),
            "fetched": vn_readable(datetime.fromisoformat(entry["fetched_at"].replace("Z", "+00:00"))),
        }
        for entry in files
        if entry["kind"] == "page"
    ]
    template = template_environment().get_template("evidence_summary.html.j2")
    return template.render(
        domain=chosen.domain,
        registry=_registry_entry(chosen.site),
        registry_status=word(REGISTRY_STATUS, chosen.site.status if chosen.site else None, "vi"),
        findings=findings,
        pages=pages,
        created=vn_readable(now),
        version=__version__,
        manifest=MANIFEST,
        manifest_hash=MANIFEST_HASH,
    )


# ---------------------------------------------------------------- verifying


class _Source(Protocol):
    def names(self) -> set[str]: ...
    def read(self, name: str) -> bytes: ...


class _FolderSource:
    def __init__(self, root: Path) -> None:
        self.root = root

    def names(self) -> set[str]:
        return {p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file() or p.is_symlink()}

    def read(self, name: str) -> bytes:
        return (self.root / name).read_bytes()


class _ZipSource:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        members = [n for n in archive.namelist() if not n.endswith("/")]
        tops = {n.split("/", 1)[0] for n in members}
        single = len(tops) == 1 and all("/" in n for n in members)
        self.prefix = f"{tops.pop()}/" if single else ""
        self._names = {n[len(self.prefix):]: n for n in members}

    def names(self) -> set[str]:
        return set(self._names)

    def read(self, name: str) -> bytes:
        return self.archive.read(self._names[name])


@dataclass
class VerifyResult:
    """What :func:`verify_package` found; ``intact`` only when nothing is off."""

    path: Path
    ok: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    manifest_sha256: str | None = None

    @property
    def intact(self) -> bool:
        return not (self.altered or self.missing or self.added or self.problems)

    def lines(self) -> Iterator[str]:
        for name in self.altered:
            yield f"ALTERED  {name}"
        for name in self.missing:
            yield f"MISSING  {name}"
        for name in self.added:
            yield f"ADDED    {name}"
        for problem in self.problems:
            yield f"PROBLEM  {problem}"


def _safe_name(name: Any) -> bool:
    if not isinstance(name, str) or not name or "\\" in name:
        return False
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and ":" not in name


def _check_files(source: _Source, entries: Iterable[Any], names: set[str], result: VerifyResult) -> set[str]:
    listed: set[str] = set()
    for entry in entries:
        name = entry.get("path") if isinstance(entry, dict) else None
        if not _safe_name(name):
            result.problems.append(f"manifest lists an unsafe or empty path: {name!r}")
            continue
        listed.add(name)
        if name not in names:
            result.missing.append(name)
            continue
        data = source.read(name)
        if sha256_hex(data) != entry.get("sha256") or (entry.get("size") is not None and len(data) != entry.get("size")):
            result.altered.append(name)
        else:
            result.ok.append(name)
    return listed


def _verify(source: _Source, result: VerifyResult) -> VerifyResult:
    names = source.names()
    if MANIFEST not in names:
        result.missing.append(MANIFEST)
        result.problems.append("no manifest.json: this is not an evidence package, or the manifest was removed")
        return result
    manifest_bytes = source.read(MANIFEST)
    result.manifest_sha256 = sha256_hex(manifest_bytes)
    if MANIFEST_HASH not in names:
        result.missing.append(MANIFEST_HASH)
    else:
        recorded = source.read(MANIFEST_HASH).decode("ascii", "replace").split()
        if not recorded or recorded[0].lower() != result.manifest_sha256:
            result.altered.append(MANIFEST)
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
        entries = manifest["files"]
        if not isinstance(entries, list):
            raise TypeError("files is not a list")
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        if MANIFEST not in result.altered:
            result.altered.append(MANIFEST)
        result.problems.append(f"manifest.json cannot be read ({exc}); the files cannot be checked")
        return result
    listed = _check_files(source, entries, names, result)
    result.added = sorted(names - listed - set(CONTROL_FILES))
    result.altered.sort()
    result.missing.sort()
    return result


def verify_package(path: Path) -> VerifyResult:
    """Recompute every hash of a package folder or zip and say what, if anything, changed."""
    path = Path(path)
    result = VerifyResult(path)
    if path.is_dir():
        return _verify(_FolderSource(path), result)
    if not path.exists():
        raise EvidenceError(f"{path} does not exist")
    if not zipfile.is_zipfile(path):
        raise EvidenceError(f"{path} is neither a folder nor a zip file")
    with zipfile.ZipFile(path) as archive:
        return _verify(_ZipSource(archive), result)
