"""Helpers shared by exports, reports and evidence packages.

Periods are whole days of the Vietnamese calendar; times shown to people are
ISO 8601 in Vietnam time with the ``+07:00`` offset written out, so a cell
read on its own still says which clock it is on.
"""

from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import IO, Any, Iterator

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from monitor.errors import MonitorError
from monitor.model import VN_TZ
from monitor.outputs.labels import KNOWN_CODES
from monitor.provinces import UnknownProvince, canonical_province
from monitor.store.models import Finding, Site


class OutputError(MonitorError):
    """An export, report or evidence package cannot be made as asked."""


# ---------------------------------------------------------------- time


def vn_time(moment: datetime | None) -> str:
    """``2026-11-02T01:30:00+07:00``: ISO 8601 in Vietnam time, or ``""``."""
    if moment is None:
        return ""
    if moment.tzinfo is None:  # the store always returns aware values; be safe anyway
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VN_TZ).isoformat(timespec="seconds")


def vn_readable(moment: datetime | None) -> str:
    """``02/11/2026 01:30:00`` in Vietnam time, the way Vietnamese documents write it."""
    if moment is None:
        return ""
    return moment.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M:%S")


def utc_iso(moment: datetime | None) -> str | None:
    """``2026-11-01T18:30:00Z``, or ``None``."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")


def parse_day(text: str, option: str) -> date:
    """A calendar day written ``2026-11-30`` or ``30/11/2026``."""
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise OutputError(f"{option} {text!r} is not a date; write it as YYYY-MM-DD (or DD/MM/YYYY)")


@dataclass(frozen=True)
class Period:
    """Whole Vietnamese-calendar days from ``since`` to ``until``, both included.

    ``start``/``end`` are the UTC instants bounding it (``end`` excluded).
    Either side may be open (``None``) for exports.
    """

    since: date | None
    until: date | None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise OutputError(f"--since {self.since.isoformat()} is after --until {self.until.isoformat()}")

    @classmethod
    def parse(cls, since: str | None, until: str | None) -> "Period":
        return cls(
            parse_day(since, "--since") if since else None,
            parse_day(until, "--until") if until else None,
        )

    @property
    def start(self) -> datetime | None:
        if self.since is None:
            return None
        return datetime.combine(self.since, time(0), VN_TZ).astimezone(UTC)

    @property
    def end(self) -> datetime | None:
        if self.until is None:
            return None
        return datetime.combine(self.until + timedelta(days=1), time(0), VN_TZ).astimezone(UTC)


# ---------------------------------------------------------------- untrusted cells

_FORMULA_START = frozenset("=+-@\t\r\n")
# XML 1.0 forbids these; openpyxl refuses them and a crawled excerpt may hold them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XLSX_CELL_LIMIT = 32767


def neutralise(value: str) -> str:
    """Make text that a spreadsheet could run as a formula inert by prefixing ``'``.

    Cells from crawled pages are untrusted: ``=HYPERLINK(...)``, ``+cmd|...``,
    ``@SUM(...)``, and values hiding the trigger behind a tab, a carriage
    return or leading spaces would otherwise run when an inspector opens the
    file. (Called for every cell of a large export: keep it cheap.)
    """
    if not value:
        return value
    first = value[0]
    if first == " ":
        first = value.lstrip(" ")[:1]
    return "'" + value if first in _FORMULA_START and first else value


def spreadsheet_text(value: str) -> str:
    """A string that is safe in an XLSX cell: inert, valid XML, within Excel's limit."""
    text = neutralise(_XML_ILLEGAL.sub("\ufffd", value))
    if len(text) > XLSX_CELL_LIMIT:
        text = text[: XLSX_CELL_LIMIT - 1] + "…"
    return text


# ---------------------------------------------------------------- portal records

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def portal_record_url(record_id: str | None, record_kind: str | None = None) -> str | None:
    """The online.gov.vn page of a registry record id (digits: old portal, UUID: new portal)."""
    if not record_id:
        return None
    record_id = record_id.strip()
    if record_id.isdigit():
        page = "AppDetails" if record_kind == "app" else "WebDetails"
        return f"https://online.gov.vn/Home/{page}/{record_id}"
    if _UUID.match(record_id):
        return f"https://online.gov.vn/nen-tang/{record_id.lower()}"
    return None


# ---------------------------------------------------------------- filters


def check_output_options(fmt: str, formats: tuple[str, ...] | list[str], lang: str, out: Path | None) -> str:
    """The format, lower-cased, once format, language and output file fit together."""
    from monitor.outputs.labels import LANGS

    fmt = fmt.lower()
    if fmt not in formats:
        raise OutputError(f"unknown format {fmt!r}; use {', '.join(formats)}")
    if lang not in LANGS:
        raise OutputError(f"unknown language {lang!r}; use {', '.join(LANGS)}")
    if fmt == "xlsx" and out is None:
        raise OutputError("XLSX is a binary file: give --out FILE")
    return fmt


def resolve_province(name: str | None) -> str | None:
    """One of the 34 units, from a new or old province name."""
    if not name:
        return None
    try:
        return canonical_province(name)
    except UnknownProvince as exc:
        raise OutputError(str(exc)) from exc


def validate_codes(session: Session, codes: list[str] | None) -> list[str]:
    """Upper-cased codes, each one of the design's codes or a code the store holds."""
    if not codes:
        return []
    wanted = [c.strip().upper() for c in codes if c.strip()]
    unknown = [c for c in wanted if c not in KNOWN_CODES]
    if unknown:
        stored = set(session.scalars(select(Finding.code).where(Finding.code.in_(unknown)).distinct()))
        unknown = [c for c in unknown if c not in stored]
    if unknown:
        import difflib

        close = difflib.get_close_matches(unknown[0], KNOWN_CODES, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise OutputError(
            f"unknown violation code {', '.join(unknown)}; {hint}(the codes are listed by --help)"
        )
    return wanted


class SiteJoin:
    """The registry rows a query on findings is joined to, and its province filter.

    The registry row shown is the one of the finding's own domain. A finding
    on a domain outside the registry (a lookalike) takes the province of the
    site its ``site_id`` points to, so a Department also sees imitations of
    the shops it supervises.
    """

    def __init__(self) -> None:
        self.subject = aliased(Site, name="subject_site")
        self.linked = aliased(Site, name="linked_site")
        self.province = func.coalesce(self.subject.province, self.linked.province)

    def apply(self, query: Select, province: str | None) -> Select:
        query = query.outerjoin(self.subject, self.subject.domain == Finding.domain).outerjoin(
            self.linked, self.linked.id == Finding.site_id
        )
        if province:
            query = query.where(self.province == province)
        return query


# ---------------------------------------------------------------- templates


def template_environment(lang: str = "vi"):  # type: ignore[no-untyped-def]
    """Jinja2 over ``monitor/templates``: HTML autoescaped, Markdown cells through :func:`markdown_cell`."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("monitor", "templates"),
        autoescape=lambda name: bool(name) and name.endswith((".html.j2", ".html")),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_cell
    env.filters["iso"] = vn_time
    env.filters["num"] = lambda n: format_number(n, lang)
    return env


def format_number(value: Any, lang: str) -> Any:
    """``12.345`` in Vietnamese, ``12,345`` in English."""
    if not isinstance(value, int):
        return value
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text


def markdown_cell(value: Any) -> str:
    """Text that stays inside one Markdown table cell and carries no HTML."""
    text = "" if value is None else str(value)
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.split())


# ---------------------------------------------------------------- output files


def current_umask() -> int:
    """The process umask (read by setting and restoring it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_output(path: Path, mode: str = "wb", **kwargs: object) -> Iterator[IO]:
    """Write ``path`` through a temporary file renamed into place on success.

    An export that fails half-way must not leave a file that looks complete.
    Errors about the place itself (missing folder, no permission) become
    :class:`OutputError` naming the file.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a directory")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, **kwargs) as handle:  # type: ignore[call-overload]
            yield handle
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes 0600; give the file the usual mode
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
