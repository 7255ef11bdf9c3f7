"""Record pages of the MOIT portal (online.gov.vn), read by label.

The spider follows the badge link; this module reads what the portal says
about the record: domain, owner, tax code, address and status. Rows move
between portal layouts (vn-rules §2.5: scrapers disagree on row numbers; the
new ``nen-tang`` pages use other labels), so every field is found by its
label, never by position. Label spellings are in :data:`PORTAL_LABELS`.
"""

from __future__ import annotations

import re

from monitor.checks.badge import classify_link
from monitor.checks.matching import LabelIndex
from monitor.checks.page import ParsedPage, excerpt, is_portal_url
from monitor.checks.result import PortalRecord
from monitor.identifiers import parse_registration_number
from monitor.model import PageRole, RegistryStatus
from monitor.text import collapse_space

# folded label -> field
PORTAL_LABELS: dict[str, str] = {
    "ten mien": "domain",
    "ten mien website": "domain",
    "dia chi website": "domain",
    "dia chi trang web": "domain",
    "ten website": "domain",
    "website": "domain",
    "domain": "domain",
    "ten mien/ung dung": "domain",
    "ten doanh nghiep": "owner_name",
    "ten thuong nhan": "owner_name",
    "ten thuong nhan, to chuc": "owner_name",
    "ten thuong nhan/to chuc": "owner_name",
    "ten thuong nhan, to chuc, ca nhan": "owner_name",
    "thuong nhan, to chuc, ca nhan": "owner_name",
    "ten to chuc": "owner_name",
    "ten ca nhan": "owner_name",
    "ten cong ty": "owner_name",
    "ten chu so huu": "owner_name",
    "chu so huu": "owner_name",
    "ten to chuc/ca nhan": "owner_name",
    "don vi chu quan": "owner_name",
    "ma so thue": "tax_code",
    "mst": "tax_code",
    "ma so doanh nghiep": "tax_code",
    "ma so thue ca nhan": "tax_code",
    "so dkkd": "tax_code",
    "so giay chung nhan dkkd": "tax_code",
    "so giay chung nhan dang ky kinh doanh": "tax_code",
    "so giay chung nhan dang ky doanh nghiep": "tax_code",
    "so quyet dinh thanh lap": "tax_code",
    "ma so thue/so dkkd": "tax_code",
    "dia chi tru so": "address",
    "dia chi tru so chinh": "address",
    "dia chi": "address",
    "dia chi lien he": "address",
    "trang thai": "status",
    "tinh trang": "status",
    "trang thai ho so": "status",
}
_INDEX = LabelIndex(PORTAL_LABELS.items())

# folded status words -> registry status
STATUS_WORDS: tuple[tuple[str, RegistryStatus], ...] = (
    ("chua duoc xac nhan", RegistryStatus.PENDING),
    ("chua xac nhan", RegistryStatus.PENDING),
    ("dang tien hanh kiem tra", RegistryStatus.PENDING),
    ("dang xu ly", RegistryStatus.PENDING),
    ("cho duyet", RegistryStatus.PENDING),
    ("cho xu ly", RegistryStatus.PENDING),
    ("can bo sung", RegistryStatus.PENDING),
    ("yeu cau bo sung", RegistryStatus.PENDING),
    ("tam luu", RegistryStatus.PENDING),
    ("bi tu choi", RegistryStatus.REJECTED),
    ("tu choi", RegistryStatus.REJECTED),
    ("khong duoc xac nhan", RegistryStatus.REJECTED),
    ("da cham dut", RegistryStatus.CANCELLED),
    ("cham dut", RegistryStatus.CANCELLED),
    ("da huy", RegistryStatus.CANCELLED),
    ("huy dang ky", RegistryStatus.CANCELLED),
    ("huy bo", RegistryStatus.CANCELLED),
    ("thu hoi", RegistryStatus.CANCELLED),
    ("da khoa", RegistryStatus.CANCELLED),
    ("da thong bao", RegistryStatus.APPROVED),
    ("da dang ky", RegistryStatus.APPROVED),
    ("da xac nhan", RegistryStatus.APPROVED),
    ("da duyet", RegistryStatus.APPROVED),
    ("da phe duyet", RegistryStatus.APPROVED),
)
_NOT_FOUND = ("khong tim thay trang", "khong tim thay", "page not found", "not found", "khong ton tai",
              "loi 404", "error 404")
_DOMAIN = re.compile(r"(?:https?://)?((?:[\w\-]+\.)+[a-z\u00a0-\uffff]{2,})", re.I)


def is_portal_page(p: ParsedPage) -> bool:
    return p.role == PageRole.PORTAL or is_portal_url(p.url)


def _value_after(folded: str, text: str, end: int) -> str:
    line_end = folded.find("\n", end)
    line_end = len(folded) if line_end < 0 else line_end
    value = text[end:line_end].strip(" :\t-")
    if not value:  # label and value in two cells
        nxt_end = folded.find("\n", line_end + 1)
        nxt_end = len(folded) if nxt_end < 0 else nxt_end
        value = text[line_end + 1 : nxt_end].strip(" :\t-")
        if value and _INDEX.match_at(folded, line_end + 1):
            return ""
    return collapse_space(value)


def _status_from_images(p: ParsedPage) -> tuple[RegistryStatus | None, str | None, str | None]:
    root = p.tree
    if root is None:
        return None, None, None
    for img in root.iter("img"):
        src = (img.get("src") or img.get("data-src") or "").lower()
        cls = (img.get("class") or "").lower()
        name = src.rsplit("/", 1)[-1]
        if "salenoti" in name or "dathongbao" in name:
            return RegistryStatus.APPROVED, "notified", "Đã thông báo (status image)"
        if "logoccdv" in name or "dadangky" in name:
            return RegistryStatus.APPROVED, "registered", "Đã đăng ký (status image)"
        if "imagegriddetaillogo" in cls and src:
            return RegistryStatus.PENDING, None, f"status image {name}"
    return None, None, None


def _status_from_text(value: str) -> RegistryStatus | None:
    from monitor.text import fold

    folded = fold(value)
    for words, status in STATUS_WORDS:
        if words in folded:
            return status
    return None


def parse_portal_page(p: ParsedPage) -> PortalRecord:
    """Read one record page; a missing record gives ``found=False``. Never raises."""
    info = classify_link(p.url)
    record_id = info.record_id
    if record_id is None and p.page is not None and p.page.url != p.url:
        record_id = classify_link(p.page.url).record_id
    folded, text = p.folded, p.text
    fields: dict[str, str] = {}
    first_hit = None
    for start, end, label, name in _INDEX.finditer(folded):
        if name in fields:
            continue
        value = _value_after(folded, text, end)
        if not value:
            continue
        if name == "domain":
            m = _DOMAIN.search(value)
            if not m:
                continue
            value = m.group(1).lower().removeprefix("www.")
        if name == "tax_code":
            value = parse_registration_number(value.split()[0] if value.split() else value).normalised
        fields[name] = value
        first_hit = start if first_hit is None else first_hit
    title_folded = " ".join(p.title.lower().split())
    from monitor.text import fold

    not_found = any(w in fold(title_folded) for w in _NOT_FOUND) or (
        not fields and any(w in folded[:2000] for w in _NOT_FOUND)
    )
    status, kind, status_text = _status_from_images(p)
    if "status" in fields:
        text_status = _status_from_text(fields["status"])
        if text_status is not None:
            status, status_text = text_status, fields["status"]
            if kind is None:
                f = fold(fields["status"])
                kind = "notified" if "thong bao" in f else "registered" if "dang ky" in f else None
    found = bool(fields) and not not_found
    if status is None and found and any(w in folded for w in ("da thong bao", "da dang ky")):
        # old layout: the status word stands under the image
        status_text = "Đã thông báo" if "da thong bao" in folded else "Đã đăng ký"
        status = RegistryStatus.APPROVED
        kind = kind or ("notified" if "da thong bao" in folded else "registered")
    return PortalRecord(
        url=p.url,
        sha256=p.sha256,
        record_id=record_id,
        found=found,
        domain=fields.get("domain"),
        owner_name=fields.get("owner_name"),
        tax_code=fields.get("tax_code"),
        address=fields.get("address"),
        status=str(status) if status else None,
        status_text=status_text,
        kind=kind,
        excerpt=excerpt(text, first_hit or 0, (first_hit or 0) + 200, 0) if text else "",
    )


def check_portal(pages: list[ParsedPage]) -> list[PortalRecord]:
    return [parse_portal_page(p) for p in pages if is_portal_page(p)]
