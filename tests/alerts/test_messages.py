"""What an alert message says (rendered from the Jinja2 templates, no delivery)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from monitor import alerts
from monitor.alerts import AlertItem, render_digest, render_finding

AT = datetime(2026, 11, 1, 18, 30, tzinfo=UTC)  # 01:30 on 2026-11-02 in Vietnam
ITEM = AlertItem(
    event_id=1, finding_id=7, kind="opened", at=AT, domain="gomsuan.vn", owner_name="Công ty TNHH Gốm Sứ An",
    province="Hồ Chí Minh", code="POLICY_MISSING", qualifier="returns", severity="medium",
    title_vi="Thiếu chính sách đổi trả, hoàn tiền", title_en="Returns and refund policy missing",
    legal_basis="Điều 30 Nghị định 52/2013/NĐ-CP", fine="", first_seen_at=AT, times_reopened=0,
    evidence_url="https://gomsuan.vn/", evidence_sha256="ab" * 32, excerpt="không thấy",
)


def test_a_reopened_finding_says_when_it_came_back_and_since_when_it_is_known():
    item = replace(ITEM, kind="reopened", at=datetime(2026, 11, 9, 18, 30, tzinfo=UTC), times_reopened=2)

    message = render_finding(item, "vi")

    assert message.title.startswith("[Giám sát TMĐT] Vi phạm tái diễn: gomsuan.vn")
    assert "Phát hiện lần đầu: 01:30 02/11/2026" in message.body and "Tái diễn lúc: 01:30 10/11/2026 (lần thứ 2" in message.body


def test_a_digest_names_each_website_once_with_its_violations_under_it():
    items = [ITEM, replace(ITEM, event_id=2, finding_id=8, code="BADGE_MISSING", qualifier="", severity="high"),
             replace(ITEM, event_id=3, finding_id=9, domain="tramoc.vn", owner_name=None, province=None)]

    body = render_digest(items, "en", AT).body

    assert body.count("Website: gomsuan.vn") == 1 and body.count("Website: tramoc.vn") == 1
    assert body.index("[BADGE_MISSING]") < body.index("[POLICY_MISSING: returns]") < body.index("Website: tramoc.vn")


def test_a_long_digest_details_the_most_severe_and_lists_the_rest_one_line_each(monkeypatch):
    monkeypatch.setattr(alerts, "DIGEST_DETAILED", 2)
    items = [replace(ITEM, event_id=n, finding_id=n, domain=f"shop{n}.vn", severity=s)
             for n, s in enumerate(["low", "critical", "medium", "high"])]

    message = render_digest(items, "en", AT)

    assert message.title.startswith("[E-commerce monitor] 4 new or reopened violations on 4 websites")
    assert "Website: shop1.vn" in message.body and "Website: shop3.vn" in message.body  # critical, high
    assert "... and 2 more:\n- shop2.vn: Returns and refund policy missing [POLICY_MISSING: returns] #2\n- shop0.vn" in message.body


def test_a_long_excerpt_is_shortened_in_messages():
    message = render_finding(replace(ITEM, excerpt="x " * 1000), "en")

    assert len(message.body) < 1500
