"""`monitor export`: the violation list, one row per finding, streamed.

Rows are read with a streaming query (``yield_per``; a server-side cursor on
PostgreSQL) and written as they arrive, so 100,000 findings cost the memory
of one batch, not of the list. The owner name and code *as disclosed* come
from the latest checked observation of the domain, picked in SQL by a window
function and read out of its JSON payload in SQL, so a missing key is simply
empty.

Formats:
- CSV: UTF-8 with a BOM (Excel then shows Vietnamese correctly), headers in
  the chosen language.
- XLSX: openpyxl write-only mode (inline strings, rows go straight to disk),
  frozen header row, auto-filter, set column widths, and an information sheet
  with the filters and the time the file was made.
- JSON: a list of objects with stable English keys and raw values (status
  ``open``, severity ``high``), both titles, times ISO 8601 with ``+07:00``.

In CSV and XLSX every text cell that could start a formula is prefixed with
``'`` (see :func:`monitor.outputs.common.neutralise`). JSON keeps text as is.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from monitor import __version__
from monitor.outputs.common import (
    OutputError,
    Period,
    SiteJoin,
    atomic_output,
    portal_record_url,
    neutralise,
    spreadsheet_text,
    vn_time,
)
from monitor.outputs.labels import EXPORT_COLUMNS, LANGS, REGIME, SEVERITY, STATUS, TIME_NOTE, word
from monitor.store.findings import STATUSES
from monitor.store.models import Finding, Observation

FORMATS = ("csv", "xlsx", "json")
BATCH = 1000


@dataclass(frozen=True)
class ExportFilter:
    """Which findings to export. Empty ``statuses`` means every status.

    ``period`` keeps the findings seen at some time in it: first seen before
    its end and last seen after its start (Vietnamese calendar days).
    """

    statuses: tuple[str, ...] = ("open",)
    codes: tuple[str, ...] = ()
    domain: str | None = None
    province: str | None = None  # one of the 34 units (see resolve_province)
    period: Period = field(default_factory=lambda: Period(None, None))

    def __post_init__(self) -> None:
        bad = [s for s in self.statuses if s not in STATUSES]
        if bad:
            raise OutputError(f"unknown status {', '.join(bad)}; use {', '.join(STATUSES)} or all")

    def describe(self) -> list[tuple[str, str]]:
        return [
            ("status", ", ".join(self.statuses) or "all"),
            ("code", ", ".join(self.codes) or "all"),
            ("domain", self.domain or "all"),
            ("province", self.province or "all"),
            ("since", self.period.since.isoformat() if self.period.since else ""),
            ("until", self.period.until.isoformat() if self.period.until else ""),
        ]


@dataclass(frozen=True)
class FindingRow:
    """One line of the violation list."""

    finding_id: int
    domain: str
    registry_owner_name: str | None
    registry_tax_code: str | None
    disclosed_owner_name: str | None
    disclosed_registration_number: str | None
    province: str | None
    code: str
    qualifier: str
    title_vi: str
    title_en: str
    severity: str
    regime: str
    legal_basis: str
    fine: str
    first_seen_at: datetime
    last_seen_at: datetime
    status: str
    resolved_at: datetime | None
    evidence_url: str
    evidence_sha256: str | None
    evidence_excerpt: str
    portal_record_url: str | None

    def to_json(self) -> dict[str, Any]:
        """Stable keys, raw values; times in Vietnam time with the offset written out."""
        return {
            "finding_id": self.finding_id,
            "domain": self.domain,
            "registry_owner_name": self.registry_owner_name,
            "registry_tax_code": self.registry_tax_code,
            "disclosed_owner_name": self.disclosed_owner_name,
            "disclosed_registration_number": self.disclosed_registration_number,
            "province": self.province,
            "code": self.code,
            "qualifier": self.qualifier,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "severity": self.severity,
            "regime": self.regime,
            "legal_basis": self.legal_basis,
            "fine": self.fine,
            "first_seen_at": vn_time(self.first_seen_at),
            "last_seen_at": vn_time(self.last_seen_at),
            "status": self.status,
            "resolved_at": vn_time(self.resolved_at) or None,
            "evidence_url": self.evidence_url,
            "evidence_sha256": self.evidence_sha256,
            "evidence_excerpt": self.evidence_excerpt,
            "portal_record_url": self.portal_record_url,
        }

    def cells(self, lang: str) -> list[str]:
        """The row as text in :data:`EXPORT_COLUMNS` order, labels in ``lang``."""
        return [
            str(self.finding_id),
            self.domain,
            self.registry_owner_name or "",
            self.registry_tax_code or "",
            self.disclosed_owner_name or "",
            self.disclosed_registration_number or "",
            self.province or "",
            self.code,
            self.qualifier,
            self.title_vi if lang == "vi" else self.title_en,
            word(SEVERITY, self.severity, lang),
            word(REGIME, self.regime, lang),
            self.legal_basis,
            self.fine,
            vn_time(self.first_seen_at),
            vn_time(self.last_seen_at),
            word(STATUS, self.status, lang),
            vn_time(self.resolved_at),
            self.evidence_url,
            self.evidence_sha256 or "",
            self.evidence_excerpt,
            self.portal_record_url or "",
        ]


def headers(lang: str) -> list[str]:
    return [vi if lang == "vi" else en for _, vi, en, _ in EXPORT_COLUMNS]


# ---------------------------------------------------------------- reading


def _latest_observation():  # type: ignore[no-untyped-def]
    """The disclosed owner fields and badge link of each domain's latest checked observation.

    Ranked first, read second: the JSON is only opened for the one latest
    observation per domain, not for every night of its history.
    """
    rank = func.row_number().over(
        partition_by=Observation.domain,
        order_by=(Observation.observed_at.desc(), Observation.id.desc()),
    )
    ranked = select(Observation.id, rank.label("rank")).where(Observation.checked.is_(True)).subquery("ranked")
    payload = Observation.payload
    return (
        select(
            Observation.domain.label("domain"),
            payload[("disclosures", "owner_name")].as_string().label("owner_name"),
            payload[("disclosures", "registration_number")].as_string().label("registration_number"),
            payload[("badge", "link")].as_string().label("badge_link"),
            payload[("badge", "linked")].as_string().label("badge_linked"),
        )
        .join(ranked, ranked.c.id == Observation.id)
        .where(ranked.c.rank == 1)
        .subquery("latest_observation")
    )


def _query(selection: ExportFilter) -> Select:
    sites = SiteJoin()
    latest = _latest_observation()
    columns = {
        "finding_id": Finding.id,
        "domain": Finding.domain,
        "registry_owner_name": sites.subject.owner_name,
        "registry_tax_code": sites.subject.tax_code,
        "record_id": sites.subject.record_id,
        "record_kind": sites.subject.record_kind,
        "province": sites.province,
        "code": Finding.code,
        "qualifier": Finding.qualifier,
        "title_vi": Finding.title_vi,
        "title_en": Finding.title_en,
        "severity": Finding.severity,
        "regime": Finding.regime,
        "legal_basis": Finding.legal_basis,
        "fine": Finding.fine,
        "first_seen_at": Finding.first_seen_at,
        "last_seen_at": Finding.last_seen_at,
        "status": Finding.status,
        "resolved_at": Finding.resolved_at,
        "evidence_url": Finding.evidence_url,
        "evidence_sha256": Finding.evidence_sha256,
        "evidence_excerpt": Finding.evidence_excerpt,
        "disclosed_owner_name": latest.c.owner_name,
        "disclosed_registration_number": latest.c.registration_number,
        "badge_link": latest.c.badge_link,
        "badge_linked": latest.c.badge_linked,
    }
    query = (
        select(*(column.label(name) for name, column in columns.items()))
        .select_from(Finding)
        .outerjoin(latest, latest.c.domain == Finding.domain)
    )
    query = sites.apply(query, selection.province)
    if selection.statuses:
        query = query.where(Finding.status.in_(selection.statuses))
    if selection.codes:
        query = query.where(Finding.code.in_(selection.codes))
    if selection.domain:
        query = query.where(Finding.domain == selection.domain)
    if selection.period.start is not None:
        query = query.where(Finding.last_seen_at >= selection.period.start)
    if selection.period.end is not None:
        query = query.where(Finding.first_seen_at < selection.period.end)
    return query.order_by(Finding.domain, Finding.code, Finding.qualifier, Finding.id)


def _text(value: Any) -> str | None:
    """A JSON scalar read out in SQL, as text (or None when absent or empty)."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _record_link(record_id: str | None, record_kind: str | None, badge_link: Any, badge_linked: Any) -> str | None:
    """The registry's own record first; else the record the site's badge links to."""
    registry = portal_record_url(record_id, record_kind)
    if registry:
        return registry
    if str(badge_linked).lower() in ("1", "true") and _text(badge_link):
        return _text(badge_link)
    return None


def iter_rows(session: Session, selection: ExportFilter) -> Iterator[FindingRow]:
    """Findings matching ``selection``, by domain then code, streamed in batches."""
    # Core execution: rows are plain tuples, no ORM bookkeeping per row.
    result = session.connection().execute(_query(selection), execution_options={"yield_per": BATCH})
    for r in result:
        yield FindingRow(
            finding_id=r.finding_id,
            domain=r.domain,
            registry_owner_name=r.registry_owner_name,
            registry_tax_code=r.registry_tax_code,
            disclosed_owner_name=_text(r.disclosed_owner_name),
            disclosed_registration_number=_text(r.disclosed_registration_number),
            province=r.province,
            code=r.code,
            qualifier=r.qualifier or "",
            title_vi=r.title_vi,
            title_en=r.title_en,
            severity=r.severity,
            regime=r.regime,
            legal_basis=r.legal_basis,
            fine=r.fine or "",
            first_seen_at=r.first_seen_at,
            last_seen_at=r.last_seen_at,
            status=r.status,
            resolved_at=r.resolved_at,
            evidence_url=r.evidence_url,
            evidence_sha256=r.evidence_sha256,
            evidence_excerpt=r.evidence_excerpt or "",
            portal_record_url=_record_link(r.record_id, r.record_kind, r.badge_link, r.badge_linked),
        )


# ---------------------------------------------------------------- writing


def write_csv(rows: Iterable[FindingRow], handle: IO[str], lang: str) -> int:
    """Write a header and the rows; ``handle`` should be opened ``utf-8-sig``, ``newline=""``."""
    writer = csv.writer(handle)
    writer.writerow(headers(lang))
    count = 0
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row.cells(lang)])
        count += 1
    return count


def write_json(rows: Iterable[FindingRow], handle: IO[str]) -> int:
    """A JSON list written one object per line, never held whole in memory."""
    handle.write("[")
    count = 0
    for row in rows:
        handle.write(",\n" if count else "\n")
        handle.write(json.dumps(row.to_json(), ensure_ascii=False))
        count += 1
    handle.write("\n]\n" if count else "]\n")
    return count


_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="top")


def _sheet_title(lang: str) -> str:
    return "Vi phạm" if lang == "vi" else "Findings"


def write_xlsx(
    rows: Iterable[FindingRow], handle: IO[bytes], lang: str, info: list[tuple[str, str]] | None = None
) -> int:
    """Stream rows into an XLSX workbook (write-only mode) and save it to ``handle``."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(lang))
    # Write-only sheets take their layout before the first row is appended.
    for index, (*_, width) in enumerate(EXPORT_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    header_cells = []
    for title in headers(lang):
        cell = WriteOnlyCell(sheet, value=title)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for row in rows:
        sheet.append([spreadsheet_text(cell) for cell in row.cells(lang)])
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(EXPORT_COLUMNS))}{count + 1}"
    about = workbook.create_sheet("Thông tin" if lang == "vi" else "About")
    about.column_dimensions["A"].width = 28
    about.column_dimensions["B"].width = 60
    for key, value in [
        ("generated_at", vn_time(datetime.now(UTC))),
        ("tool", f"vn-ecommerce-monitor {__version__}"),
        ("rows", str(count)),
        ("times", TIME_NOTE[lang]),
        *(info or []),
    ]:
        about.append([spreadsheet_text(key), spreadsheet_text(value)])
    workbook.save(handle)
    return count


def export_findings(
    session: Session, selection: ExportFilter, fmt: str, out: Path | None, lang: str = "vi",
    stdout: IO[bytes] | None = None,
) -> int:
    """Write the violation list to ``out`` (or to ``stdout``, not for XLSX); return the row count."""
    if fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r}; use {', '.join(FORMATS)}")
    if lang not in LANGS:
        raise OutputError(f"unknown language {lang!r}; use {', '.join(LANGS)}")
    rows = iter_rows(session, selection)
    if out is None:
        if fmt == "xlsx":
            raise OutputError("XLSX is a binary file: give --out FILE")
        if stdout is None:
            raise OutputError("no output: give --out FILE")
        return _write_text(rows, fmt, lang, stdout)
    if fmt == "xlsx":
        with atomic_output(out, "wb") as handle:
            return write_xlsx(rows, handle, lang, selection.describe())
    with atomic_output(out, "wb") as handle:
        return _write_text(rows, fmt, lang, handle)


def _write_text(rows: Iterable[FindingRow], fmt: str, lang: str, binary: IO[bytes]) -> int:
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    text = io.TextIOWrapper(binary, encoding=encoding, newline="" if fmt == "csv" else "\n", write_through=False)
    try:
        count = write_csv(rows, text, lang) if fmt == "csv" else write_json(rows, text)
        text.flush()
    finally:
        text.detach()  # the caller owns the binary handle
    return count
