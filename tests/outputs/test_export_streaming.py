"""A national export (100,000 findings) streams: memory stays at one batch, not the list.

Memory is measured with tracemalloc (Python allocations), never time.
"""

from __future__ import annotations

import csv
import json
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from monitor.outputs.export import ExportFilter, export_findings
from monitor.store.models import CrawlRun, Finding, Observation, Site

FINDINGS = 100_000
PER_SITE = 4
CODES = ("BADGE_MISSING", "OWNER_NAME_MISSING", "POLICY_MISSING", "OWNER_MISMATCH")
# Holding 100,000 rows (about 25 text fields each) takes a few hundred MB;
# streaming takes one batch of rows plus the writer's buffers.
PEAK_LIMIT = 16 * 1024 * 1024
# Rows beyond the first batches may not add memory (holding them adds ~2 KB each).
GROWTH_LIMIT = 1024 * 1024
T0 = datetime(2026, 9, 1, 2, tzinfo=UTC)


def _fill(db, findings: int = FINDINGS) -> None:  # type: ignore[no-untyped-def]
    sites = findings // PER_SITE
    with db.session() as session:
        run_id = session.execute(
            insert(CrawlRun).values(started_at=T0, trigger="schedule", config={}, tool_version="test", counts={}, outcome="finished")
            .returning(CrawlRun.id)
        ).scalar_one()
        for start in range(0, sites, 5000):
            batch = range(start, min(start + 5000, sites))
            session.execute(insert(Site), [
                {"domain": f"shop{i:06d}.vn", "registrable_domain": f"shop{i:06d}.vn", "owner_name": f"Công ty TNHH Thương mại Số {i}",
                 "tax_code": "0100109106", "province": "Hà Nội" if i % 2 else "Hồ Chí Minh", "record_id": str(10000 + i),
                 "record_kind": "web", "status": "approved", "aliases": [], "other_domains": [], "created_at": T0, "updated_at": T0}
                for i in batch
            ])
            session.execute(insert(Observation), [
                {"run_id": run_id, "domain": f"shop{i:06d}.vn", "observed_at": T0, "regime": "decree52", "checked": True,
                 "payload": {"disclosures": {"owner_name": f"Hộ kinh doanh {i}", "registration_number": "01K8035445"},
                             "badge": {"link": None, "linked": False}}}
                for i in batch
            ])
            session.execute(insert(Finding), [
                {"domain": f"shop{i:06d}.vn", "code": code, "qualifier": "", "severity": "medium", "status": "open",
                 "regime": "decree52", "title_vi": "Không công bố thông tin bắt buộc trên website thương mại điện tử",
                 "title_en": "Mandatory information not published", "legal_basis": "Điều 29 Nghị định 52/2013/NĐ-CP",
                 "fine": "1–5 triệu đồng", "first_seen_at": T0 - timedelta(days=i % 90), "last_seen_at": T0,
                 "times_reopened": 0, "evidence_url": f"https://shop{i:06d}.vn/gioi-thieu",
                 "evidence_sha256": f"{i:064x}", "evidence_excerpt": "Chân trang không có tên chủ sở hữu, chỉ có số điện thoại 0901 234 567 " * 2}
                for i in batch for code in CODES
            ])


def _peak_while(action) -> tuple[int, object]:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        value = action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, value


@pytest.mark.slow
def test_a_100k_csv_export_streams_under_a_memory_bound(db, tmp_path: Path) -> None:
    _fill(db)
    out = tmp_path / "all.csv"
    with db.session() as session:
        peak, count = _peak_while(lambda: export_findings(session, ExportFilter(statuses=()), "csv", out))
    assert count == FINDINGS
    with out.open(encoding="utf-8-sig", newline="") as fh:
        assert sum(1 for _ in csv.reader(fh)) == FINDINGS + 1
    size = out.stat().st_size
    print(f"\n100k CSV export: peak traced memory {peak / 2**20:.1f} MiB, file {size / 2**20:.1f} MiB")
    assert size > 3 * PEAK_LIMIT  # the rows themselves could not fit under the bound
    assert peak < PEAK_LIMIT


def _peak_of_export(db, fmt: str, codes: tuple[str, ...], out: Path) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        peak, _ = _peak_while(lambda: export_findings(session, ExportFilter(statuses=(), codes=codes), fmt, out))
    return peak


def test_json_export_memory_does_not_grow_with_the_number_of_rows(db, tmp_path: Path) -> None:
    _fill(db, 4000)
    quarter = _peak_of_export(db, "json", CODES[:1], tmp_path / "quarter.json")
    everything = _peak_of_export(db, "json", (), tmp_path / "all.json")
    assert len(json.loads((tmp_path / "all.json").read_text("utf-8"))) == 4000
    assert everything - quarter < GROWTH_LIMIT


def test_xlsx_export_memory_does_not_grow_with_the_number_of_rows(db, tmp_path: Path) -> None:
    _fill(db, 4000)
    one_code = _peak_of_export(db, "xlsx", CODES[:1], tmp_path / "one.xlsx")
    two_codes = _peak_of_export(db, "xlsx", CODES[:2], tmp_path / "two.xlsx")
    assert two_codes - one_code < GROWTH_LIMIT
