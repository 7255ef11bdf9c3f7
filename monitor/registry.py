"""Reading the registry of notified/registered websites from CSV or JSON.

A registry file is untrusted input typed by people. Every row is checked and
every problem is reported with its line (CSV) or entry number (JSON) and
column, so the file can be fixed; by default nothing is imported while any
row is bad. A tax code that fails its check digit is only a warning: the
registry says what was registered, right or wrong, and the site check will
compare against it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

from monitor.domains import DomainError, normalise_host, registrable_domain
from monitor.errors import MonitorError
from monitor.identifiers import IdKind, parse_registration_number
from monitor.model import RecordKind, RegistrationKind, RegistryStatus, SiteRecord
from monitor.provinces import UnknownProvince, canonical_province, province_in_address
from monitor.text import collapse_space, fold

COLUMNS = (
    "domain",
    "owner_name",
    "tax_code",
    "address",
    "province",
    "phone",
    "email",
    "record_id",
    "record_kind",
    "registration_kind",
    "status",
    "notified_date",
    "aliases",
    "other_domains",
)
REQUIRED = ("domain", "status")

# Header spellings accepted besides the canonical names (folded, "_" for spaces).
HEADER_ALIASES = {
    "ten_mien": "domain",
    "website": "domain",
    "url": "domain",
    "owner": "owner_name",
    "ten_doanh_nghiep": "owner_name",
    "chu_so_huu": "owner_name",
    "enterprise_code": "tax_code",
    "ma_so_thue": "tax_code",
    "mst": "tax_code",
    "dia_chi": "address",
    "tinh_thanh": "province",
    "tinh": "province",
    "dien_thoai": "phone",
    "so_dien_thoai": "phone",
    "portal_record_id": "record_id",
    "ma_ho_so": "record_id",
    "trang_thai": "status",
    "ngay_thong_bao": "notified_date",
}

STATUS_WORDS = {
    "approved": RegistryStatus.APPROVED,
    "da duyet": RegistryStatus.APPROVED,
    "da xac nhan": RegistryStatus.APPROVED,
    "da thong bao": RegistryStatus.APPROVED,
    "da dang ky": RegistryStatus.APPROVED,
    "pending": RegistryStatus.PENDING,
    "cho duyet": RegistryStatus.PENDING,
    "dang xu ly": RegistryStatus.PENDING,
    "rejected": RegistryStatus.REJECTED,
    "tu choi": RegistryStatus.REJECTED,
    "bi tu choi": RegistryStatus.REJECTED,
    "cancelled": RegistryStatus.CANCELLED,
    "canceled": RegistryStatus.CANCELLED,
    "da huy": RegistryStatus.CANCELLED,
    "cham dut": RegistryStatus.CANCELLED,
}
REGISTRATION_WORDS = {
    "notified": RegistrationKind.NOTIFIED,
    "notified sales site": RegistrationKind.NOTIFIED,
    "sales": RegistrationKind.NOTIFIED,
    "thong bao": RegistrationKind.NOTIFIED,
    "registered": RegistrationKind.REGISTERED,
    "registered service platform": RegistrationKind.REGISTERED,
    "service": RegistrationKind.REGISTERED,
    "dang ky": RegistrationKind.REGISTERED,
}
RECORD_KIND_WORDS = {"web": RecordKind.WEB, "website": RecordKind.WEB, "app": RecordKind.APP}

_RECORD_DIGITS = re.compile(r"^\d{1,12}$")
_PLACEHOLDER_ID = re.compile(r"^0+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


class RegistryError(MonitorError):
    """The registry file cannot be imported as a whole (unreadable, missing columns)."""


@dataclass(frozen=True)
class Problem:
    """A problem with one row: where it is, which column, and what is wrong."""

    line: int  # CSV line number (1 = header) or JSON entry number (1-based)
    column: str
    message: str
    where: str = "line"  # "line" for CSV, "entry" for JSON

    def __str__(self) -> str:
        return f"{self.where} {self.line}, column {self.column}: {self.message}"


@dataclass(frozen=True)
class RegistryRow:
    line: int
    record: SiteRecord
    registrable_domain: str


@dataclass
class RegistryFile:
    path: str
    rows: list[RegistryRow] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    bad_lines: set[int] = field(default_factory=set)


def _header_key(name: str) -> str:
    key = fold(name).replace(" ", "_").replace("-", "_")
    return HEADER_ALIASES.get(key, key)


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return collapse_space(str(value))


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    return datetime.fromisoformat(text).date()


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


class _RowReader:
    """Validates one row's fields, collecting problems instead of stopping at the first."""

    def __init__(self, line: int, where: str, raw: dict[str, str]):
        self.line, self.where, self.raw = line, where, raw
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(self, column: str, message: str) -> None:
        self.errors.append(Problem(self.line, column, message, self.where))

    def warn(self, column: str, message: str) -> None:
        self.warnings.append(Problem(self.line, column, message, self.where))

    def choice(self, column: str, words: dict[str, Any], default: Any = None) -> Any:
        value = self.raw.get(column, "")
        if not value:
            if default is None and column in REQUIRED:
                self.error(column, "is empty")
            return default
        found = words.get(fold(value))
        if found is None:
            allowed = ", ".join(sorted({str(v) for v in words.values()}))
            self.error(column, f"unknown value {value!r} (expected one of: {allowed})")
        return found

    def domain(self) -> tuple[str, str] | None:
        value = self.raw.get("domain", "")
        if not value:
            self.error("domain", "is empty")
            return None
        try:
            host = normalise_host(value)
            return host, registrable_domain(host)
        except DomainError as exc:
            self.error("domain", str(exc))
            return None

    def record_id(self) -> str | None:
        value = self.raw.get("record_id", "").strip()
        if not value:
            return None
        if _RECORD_DIGITS.match(value):
            if _PLACEHOLDER_ID.match(value):
                self.error("record_id", f"{value!r} is a placeholder, not a portal record id")
            return value
        try:
            return str(uuid.UUID(value))
        except ValueError:
            self.error("record_id", f"{value!r} is neither a number nor a UUID")
            return None

    def province(self) -> str | None:
        value = self.raw.get("province", "")
        if value:
            try:
                return canonical_province(value)
            except UnknownProvince as exc:
                self.error("province", str(exc))
                return None
        address = self.raw.get("address", "")
        return province_in_address(address) if address else None

    def tax_code(self) -> str | None:
        value = self.raw.get("tax_code", "")
        if not value:
            return None
        number = parse_registration_number(value)
        if number.kind in (IdKind.ENTERPRISE, IdKind.BRANCH) and number.valid is False:
            self.warn("tax_code", f"{value!r} fails the enterprise-code check digit")
        return number.normalised

    def email(self) -> str | None:
        value = self.raw.get("email", "").strip()
        if value and not _EMAIL.match(value):
            self.error("email", f"{value!r} is not an e-mail address")
        return value or None

    def notified_date(self) -> date | None:
        value = self.raw.get("notified_date", "")
        if not value:
            return None
        try:
            return _parse_date(value)
        except ValueError:
            self.error("notified_date", f"{value!r} is not a date (use YYYY-MM-DD or DD/MM/YYYY)")
            return None

    def other_domains(self) -> tuple[str, ...]:
        result = []
        for part in _split_list(self.raw.get("other_domains", "")):
            try:
                result.append(normalise_host(part))
            except DomainError as exc:
                self.error("other_domains", str(exc))
        return tuple(dict.fromkeys(result))

    def read(self) -> RegistryRow | None:
        domains = self.domain()
        status = self.choice("status", STATUS_WORDS)
        record = SiteRecord(
            domain=domains[0] if domains else "",
            status=status or RegistryStatus.PENDING,
            owner_name=self.raw.get("owner_name") or None,
            tax_code=self.tax_code(),
            address=self.raw.get("address") or None,
            province=self.province(),
            phone=self.raw.get("phone") or None,
            email=self.email(),
            record_id=self.record_id(),
            record_kind=self.choice("record_kind", RECORD_KIND_WORDS, RecordKind.WEB),
            registration_kind=self.choice(
                "registration_kind", REGISTRATION_WORDS, RegistrationKind.NOTIFIED
            ),
            notified_date=self.notified_date(),
            aliases=tuple(dict.fromkeys(_split_list(self.raw.get("aliases", "")))),
            other_domains=self.other_domains(),
        )
        if self.errors or not domains:
            return None
        return RegistryRow(self.line, record, domains[1])


def _rows_from_csv(text: str, path: str) -> Iterable[tuple[int, dict[str, str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise RegistryError(f"{path}: the file is empty") from None
    keys = [_header_key(h) for h in header]
    _check_header(keys, header, path)
    line = reader.line_num
    for values in reader:
        start, line = line + 1, reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(keys):
            extra = values[len(keys):]
            if any(v.strip() for v in extra):
                raise RegistryError(
                    f"{path}: line {start} has {len(values)} fields but the header has {len(keys)}"
                    " (a comma inside a value needs quotes)"
                )
        yield start, {k: _clean(v) for k, v in zip(keys, values)}


def _check_header(keys: list[str], header: list[str], path: str) -> None:
    missing = [c for c in REQUIRED if c not in keys]
    if missing:
        raise RegistryError(
            f"{path}: missing column(s) {', '.join(missing)}; the header has {', '.join(header)}"
        )
    unknown = [h for h, k in zip(header, keys) if k not in COLUMNS]
    if unknown:
        raise RegistryError(
            f"{path}: unknown column(s) {', '.join(unknown)}; known columns: {', '.join(COLUMNS)}"
        )
    duplicated = {k for k in keys if keys.count(k) > 1}
    if duplicated:
        raise RegistryError(f"{path}: column(s) given twice: {', '.join(sorted(duplicated))}")


def _rows_from_json(text: str, path: str) -> Iterable[tuple[int, dict[str, str]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RegistryError(f"{path}: not valid JSON: {exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("sites"), list):
        data = data["sites"]
    if not isinstance(data, list):
        raise RegistryError(f"{path}: expected a JSON list of objects (or {{\"sites\": [...]}})")
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise RegistryError(f"{path}: entry {number} is not an object")
        keys = [_header_key(k) for k in item]
        _check_header(keys if "domain" in keys else keys + ["domain"], list(item), path)
        yield number, {_header_key(k): _clean(v) for k, v in item.items()}


def read_registry(path: str | Path) -> RegistryFile:
    """Read and validate a registry file; problems are collected, not raised.

    Raises :class:`RegistryError` only when the file as a whole is unusable.
    """
    source = Path(path)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise RegistryError(f"cannot read {source}: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegistryError(
            f"{source}: not UTF-8 (byte {exc.start}); save the file as UTF-8 (Excel: 'CSV UTF-8')"
        ) from exc
    is_json = source.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{"))
    rows = _rows_from_json(text, str(source)) if is_json else _rows_from_csv(text, str(source))
    where = "entry" if is_json else "line"
    result = RegistryFile(str(source))
    first_line: dict[str, int] = {}
    for line, raw in rows:
        reader = _RowReader(line, where, raw)
        row = reader.read()
        if row is not None and row.record.domain in first_line:
            reader.error("domain", f"duplicate of {where} {first_line[row.record.domain]} ({row.record.domain})")
            row = None
        result.errors.extend(reader.errors)
        result.warnings.extend(reader.warnings)
        if row is None:
            result.bad_lines.add(line)
            continue
        first_line[row.record.domain] = line
        result.rows.append(row)
    return result
