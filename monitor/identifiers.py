"""Vietnamese business identifiers: enterprise/tax codes and registration numbers.

See ``vn-rules.md`` §5. Only 10-digit enterprise codes (and their 13-character
branch form) carry a check digit. Household business numbers, 12-digit
personal IDs and old certificate numbers are recognised but not validated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_SEPARATORS = re.compile(r"[\s.\u2013\u2014_/]+")
_BRANCH = re.compile(r"^(\d{10})-?(\d{3})$")
_HOUSEHOLD = re.compile(r"^\d{2}[A-Z]{1,2}\d{7}$")


class IdKind(StrEnum):
    ENTERPRISE = "enterprise"  # 10-digit enterprise / tax code
    BRANCH = "branch"  # 10 digits + "-" + 3 digits
    PERSONAL_ID = "personal_id"  # 12-digit citizen ID used as tax code since 2025-07-01
    HOUSEHOLD = "household"  # household business number, e.g. 41H8184114
    OTHER = "other"  # old certificate numbers and anything else


@dataclass(frozen=True)
class RegistrationNumber:
    raw: str
    normalised: str
    kind: IdKind
    valid: bool | None  # None when the kind has no public check digit


def compact(raw: str) -> str:
    """Strip dots, spaces and dashes-as-separators; upper-case letters."""
    text = raw.strip().upper().replace("\u2011", "-").replace("\u2010", "-")
    text = _SEPARATORS.sub("", text)
    return text


def enterprise_code_valid(code: str) -> bool:
    """Modulo-11 check digit of a 10-digit enterprise code (vn-rules §5.1).

    ``check = 10 - (S mod 11)``; ``S mod 11 == 10`` gives 0 and
    ``S mod 11 == 0`` is impossible, hence invalid.
    """
    if len(code) != 10 or not code.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(code[:9], _WEIGHTS))
    rest = total % 11
    if rest == 0:
        return False
    expected = 0 if rest == 10 else 10 - rest
    return int(code[9]) == expected


def parse_registration_number(raw: str) -> RegistrationNumber:
    """Classify and, where possible, validate a disclosed registration number."""
    text = compact(raw)
    branch = _BRANCH.match(text)
    if branch:
        head, tail = branch.groups()
        ok = enterprise_code_valid(head) and tail != "000"
        return RegistrationNumber(raw, f"{head}-{tail}", IdKind.BRANCH, ok)
    if len(text) == 10 and text.isdigit():
        return RegistrationNumber(raw, text, IdKind.ENTERPRISE, enterprise_code_valid(text))
    if len(text) == 12 and text.isdigit():
        return RegistrationNumber(raw, text, IdKind.PERSONAL_ID, None)
    if _HOUSEHOLD.match(text):
        return RegistrationNumber(raw, text, IdKind.HOUSEHOLD, None)
    return RegistrationNumber(raw, text, IdKind.OTHER, None)


def same_registration(a: str, b: str) -> bool:
    """Whether two disclosed numbers name the same registration (ignoring format)."""
    return compact(a).replace("-", "") == compact(b).replace("-", "")
