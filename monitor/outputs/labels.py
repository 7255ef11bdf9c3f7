"""Words shown to inspectors, in Vietnamese and English, in one place.

Rule titles, legal bases and fines are *not* here: they come from the finding
rows (written from ``config/rules.toml`` when the finding was judged), so a
re-worded title in the catalogue reaches the exports without touching code.
"""

from __future__ import annotations

from monitor.model import CODES, UNREACHABLE_CODE

LANGS = ("vi", "en")

# The stable codes of DESIGN.md. A code the database holds is accepted too, so
# a code added to the rule catalogue later can be filtered on at once.
KNOWN_CODES: tuple[str, ...] = CODES

# Not a violation: the site could not be checked (counted apart in reports).
NOT_A_VIOLATION = frozenset({UNREACHABLE_CODE})

STATUS = {
    "open": {"vi": "đang vi phạm", "en": "open"},
    "resolved": {"vi": "đã khắc phục", "en": "resolved"},
    "dismissed": {"vi": "đã loại bỏ (cán bộ xác định không vi phạm)", "en": "dismissed"},
}

SEVERITY = {
    "critical": {"vi": "rất nghiêm trọng", "en": "critical"},
    "high": {"vi": "cao", "en": "high"},
    "medium": {"vi": "trung bình", "en": "medium"},
    "low": {"vi": "thấp", "en": "low"},
    "info": {"vi": "thông tin", "en": "info"},
}
SEVERITY_ORDER = ("critical", "high", "medium", "low", "info")

REGIME = {
    "decree52": {"vi": "Nghị định 52/2013 (sửa đổi 85/2021)", "en": "Decree 52/2013 (amended by 85/2021)"},
    "law122": {"vi": "Luật TMĐT 122/2025/QH15", "en": "Law on E-commerce 122/2025/QH15"},
}

REGISTRY_STATUS = {
    "approved": {"vi": "đã xác nhận", "en": "approved"},
    "pending": {"vi": "chờ xác nhận", "en": "pending"},
    "rejected": {"vi": "bị từ chối", "en": "rejected"},
    "cancelled": {"vi": "đã hủy/chấm dứt", "en": "cancelled"},
}

ROLE = {
    "home": {"vi": "trang chủ", "en": "home page"},
    "linked": {"vi": "trang liên kết", "en": "linked page"},
    "portal": {"vi": "hồ sơ trên online.gov.vn", "en": "portal record"},
    "saved": {"vi": "trang lưu bởi cán bộ", "en": "saved page"},
}

TIME_NOTE = {"vi": "giờ Việt Nam, UTC+7", "en": "Vietnam time, UTC+7"}


def word(table: dict[str, dict[str, str]], key: str | None, lang: str) -> str:
    """The label of ``key`` in ``lang``; an unknown key is shown as it is."""
    if key is None:
        return ""
    return table.get(key, {}).get(lang, key)


# Export columns: (key, Vietnamese header, English header, XLSX width).
# ``title`` is the title in the chosen language; JSON carries both instead.
EXPORT_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("finding_id", "Mã phát hiện", "Finding ID", 10),
    ("domain", "Tên miền", "Domain", 26),
    ("registry_owner_name", "Chủ sở hữu (theo đăng ký)", "Owner (registry)", 32),
    ("registry_tax_code", "Mã số DN/MST (theo đăng ký)", "Enterprise/tax code (registry)", 16),
    ("disclosed_owner_name", "Chủ sở hữu (công bố trên website)", "Owner (as disclosed)", 32),
    ("disclosed_registration_number", "Mã số DN/MST (công bố trên website)", "Enterprise/tax code (as disclosed)", 16),
    ("province", "Tỉnh/Thành phố", "Province", 16),
    ("code", "Mã vi phạm", "Violation code", 22),
    ("qualifier", "Chi tiết", "Detail", 14),
    ("title", "Hành vi vi phạm", "Violation", 48),
    ("severity", "Mức độ", "Severity", 12),
    ("regime", "Chế độ pháp lý", "Legal regime", 18),
    ("legal_basis", "Căn cứ pháp lý", "Legal basis", 40),
    ("fine", "Mức phạt", "Fine range", 26),
    ("first_seen_at", "Phát hiện lần đầu (giờ VN, UTC+7)", "First seen (Vietnam time, UTC+7)", 26),
    ("last_seen_at", "Ghi nhận gần nhất (giờ VN, UTC+7)", "Last seen (Vietnam time, UTC+7)", 26),
    ("status", "Trạng thái", "Status", 16),
    ("resolved_at", "Khắc phục lúc (giờ VN, UTC+7)", "Resolved at (Vietnam time, UTC+7)", 26),
    ("evidence_url", "URL bằng chứng", "Evidence URL", 40),
    ("evidence_sha256", "SHA-256 của trang", "Page SHA-256", 20),
    ("evidence_excerpt", "Trích đoạn", "Excerpt", 60),
    ("portal_record_url", "Hồ sơ trên online.gov.vn", "Portal record", 40),
)

# Report wording; templates and the XLSX writer read the same table.
REPORT = {
    "vi": {
        "title": "Báo cáo kết quả giám sát website thương mại điện tử",
        "period": "Kỳ báo cáo",
        "from": "từ ngày",
        "to": "đến ngày",
        "scope": "Phạm vi",
        "nationwide": "Toàn quốc",
        "generated": "Lập lúc",
        "tool": "Công cụ",
        "time_note": "Ngày giờ theo giờ Việt Nam (UTC+7); kỳ báo cáo tính trọn các ngày theo lịch Việt Nam.",
        "summary": "Tổng hợp",
        "registry_sites": "Website trong danh sách đã thông báo/đăng ký (đã nhập trước cuối kỳ)",
        "registry_by_status": "trong đó theo trạng thái hiện tại",
        "sites_checked": "Website đã kiểm tra được trong kỳ",
        "sites_unreachable": "Website không truy cập được trong kỳ (không kiểm tra được)",
        "findings_in_period": "Vi phạm ghi nhận trong kỳ",
        "findings_new": "Vi phạm mới phát hiện trong kỳ",
        "findings_resolved": "Vi phạm đã khắc phục trong kỳ",
        "findings_open_end": "Vi phạm còn tồn tại cuối kỳ",
        "findings_dismissed": "Phát hiện đã loại bỏ (cán bộ xác định không vi phạm, không tính)",
        "lookalikes_found": "Tên miền nghi giả mạo phát hiện trong kỳ",
        "by_code": "Vi phạm theo hành vi",
        "by_severity": "Vi phạm theo mức độ",
        "code": "Mã",
        "violation": "Hành vi vi phạm",
        "severity": "Mức độ",
        "legal_basis": "Căn cứ pháp lý",
        "fine": "Mức phạt",
        "in_period": "Trong kỳ",
        "new": "Mới",
        "resolved": "Đã khắc phục",
        "open_end": "Còn tồn tại cuối kỳ",
        "total": "Tổng",
        "chart": "Biểu đồ: vi phạm ghi nhận trong kỳ theo hành vi",
        "chart_new": "mới trong kỳ",
        "chart_carried": "từ kỳ trước",
        "top_sites": "Website có nhiều vi phạm còn tồn tại nhất",
        "domain": "Tên miền",
        "owner": "Chủ sở hữu (theo đăng ký)",
        "province": "Tỉnh/Thành phố",
        "open_count": "Số vi phạm còn tồn tại",
        "codes": "Các mã vi phạm",
        "lookalikes": "Tên miền nghi giả mạo website đã đăng ký",
        "lookalike_domain": "Tên miền nghi giả mạo",
        "target": "Website bị giả mạo",
        "score": "Điểm tương đồng",
        "techniques": "Kỹ thuật",
        "verdict": "Kết luận",
        "first_seen": "Phát hiện lúc",
        "none": "Không có.",
        "more": "và {n} tên miền khác (xem dữ liệu xuất).",
        "unreachable_note": "Website không truy cập được không được coi là tuân thủ: hệ thống chưa kiểm tra được nội dung.",
    },
    "en": {
        "title": "E-commerce website monitoring report",
        "period": "Period",
        "from": "from",
        "to": "to",
        "scope": "Scope",
        "nationwide": "Nationwide",
        "generated": "Generated",
        "tool": "Tool",
        "time_note": "Times are Vietnam time (UTC+7); the period covers whole days of the Vietnamese calendar.",
        "summary": "Summary",
        "registry_sites": "Sites in the registry (imported before the end of the period)",
        "registry_by_status": "of which, by current status",
        "sites_checked": "Sites checked in the period",
        "sites_unreachable": "Sites not reachable in the period (could not be checked)",
        "findings_in_period": "Violations seen in the period",
        "findings_new": "New violations in the period",
        "findings_resolved": "Violations resolved in the period",
        "findings_open_end": "Violations still open at the end of the period",
        "findings_dismissed": "Findings dismissed by an inspector (not counted)",
        "lookalikes_found": "Lookalike domains found in the period",
        "by_code": "Violations by kind",
        "by_severity": "Violations by severity",
        "code": "Code",
        "violation": "Violation",
        "severity": "Severity",
        "legal_basis": "Legal basis",
        "fine": "Fine range",
        "in_period": "In period",
        "new": "New",
        "resolved": "Resolved",
        "open_end": "Open at end",
        "total": "Total",
        "chart": "Chart: violations seen in the period, by kind",
        "chart_new": "new in the period",
        "chart_carried": "carried over",
        "top_sites": "Sites with the most open violations",
        "domain": "Domain",
        "owner": "Owner (registry)",
        "province": "Province",
        "open_count": "Open violations",
        "codes": "Codes",
        "lookalikes": "Lookalike domains imitating registered sites",
        "lookalike_domain": "Lookalike domain",
        "target": "Imitated site",
        "score": "Score",
        "techniques": "Techniques",
        "verdict": "Verdict",
        "first_seen": "First seen",
        "none": "None.",
        "more": "and {n} more (see the export).",
        "unreachable_note": "An unreachable site is not a compliant site: its content could not be checked.",
    },
}
