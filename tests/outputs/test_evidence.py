"""Evidence packages: pages exactly as fetched, a manifest of hashes, and verification."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from monitor import __version__
from monitor.outputs.evidence import EvidenceError, build_package, verify_package
from monitor.store import open_database
from monitor.store.models import Finding
from tests.conftest import run_cli
from tests.outputs.conftest import World, disclosed, draft, html, utc

T1 = utc(2026, 3, 1)
HOME_1 = html("<footer>Gốm Sứ An — <script>alert('x')</script> Hotline 0901 234 567</footer>")
ABOUT = html("<h1>Giới thiệu</h1><p>Chúng tôi bán gốm Bát Tràng.</p>")
# Not UTF-8, and with a CRLF: must come out byte for byte.
HOME_2 = b"<html><body>G\xf4m S\xd2 An\r\n</body></html>"


def shop(world: World, nights: int = 2) -> dict[str, bytes]:
    """gomsuan.vn checked on ``nights`` nights; the home page changes after the first."""
    world.site("gomsuan.vn", province="Hải Phòng")
    home, about = "https://gomsuan.vn/", "https://gomsuan.vn/gioi-thieu?tab=1"
    for night in range(nights):
        body = HOME_1 if night == 0 else HOME_2 + str(night).encode()
        world.check(
            "gomsuan.vn", T1 + timedelta(days=night),
            pages=[(home, "home", body), (about, "linked", ABOUT)],
            drafts=[
                draft("BADGE_MISSING", home, body, excerpt="<script>alert('x')</script> Hotline"),
                draft("OWNER_NAME_MISSING", about, ABOUT, excerpt="Chúng tôi bán gốm"),
            ],
            payload=disclosed(None, None),
        )
    return {"home_1": HOME_1, "about": ABOUT}


def package(db, tmp_path: Path, target: str = "gomsuan.vn", **kwargs) -> Path:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return build_package(session, target, tmp_path / "evidence", now=utc(2026, 4, 1), **kwargs).path


def manifest(path: Path) -> dict:
    return json.loads((path / "manifest.json").read_text("utf-8"))


def pages(path: Path) -> list[dict]:
    return [f for f in manifest(path)["files"] if f["kind"] == "page"]


# ---------------------------------------------------------------- making a package


def test_the_pages_are_written_byte_for_byte_as_fetched(world, db, tmp_path):
    shop(world)
    path = package(db, tmp_path)
    written = {(path / f["path"]).read_bytes() for f in pages(path)}
    assert {HOME_1, ABOUT, HOME_2 + b"1"} <= written
    for entry in pages(path):
        data = (path / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["size"]


def test_the_manifest_describes_each_page_fetch(world, db, tmp_path):
    shop(world)
    path = package(db, tmp_path)
    first = pages(path)[0]
    assert first["url"] == first["final_url"] == "https://gomsuan.vn/"
    assert first["fetched_at"] == "2026-03-01T03:00:00Z" and first["status"] == 200
    assert first["redirect_chain"] == [] and first["role"] == "home" and isinstance(first["run_id"], int)
    with db.session() as session:
        ids = {f.code: f.id for f in session.query(Finding)}
    # The home page of the night both findings were first seen supports both:
    # a missing disclosure is proven by every page that was read.
    assert sorted(first["findings"]) == sorted(ids.values())


def test_the_manifest_lists_the_findings_the_tool_version_and_the_run_configuration(world, db, tmp_path):
    shop(world)
    data = manifest(package(db, tmp_path))
    assert data["tool"] == {"name": "vn-ecommerce-monitor", "version": __version__}
    badge = next(f for f in data["findings"] if f["code"] == "BADGE_MISSING")
    assert badge["first_seen_at"] == "2026-03-01T03:00:00Z" and badge["last_seen_at"] == "2026-03-02T03:00:00Z"
    assert badge["status"] == "open" and badge["title_vi"] == "Không gắn biểu tượng đã thông báo"
    assert badge["evidence"]["url"] == "https://gomsuan.vn/" and badge["history"][0]["kind"] == "opened"
    assert badge["files"] and all(name.startswith("pages/") for name in badge["files"])
    assert {r["id"] for r in data["runs"]} == {p["run_id"] for p in pages(tmp_path / "evidence")}
    assert data["runs"][0]["config"]["crawl"]["max_pages_per_site"] == 8
    assert data["registry"]["record_url"] == "https://online.gov.vn/Home/WebDetails/73995"


def test_file_names_are_unique_and_safe_on_windows(world, db, tmp_path):
    shop(world)
    names = [f["path"] for f in manifest(package(db, tmp_path))["files"]]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[A-Za-z0-9._/-]+", name) for name in names), names


def test_the_summary_is_vietnamese_html_that_shows_page_text_inert(world, db, tmp_path):
    shop(world)
    summary = (package(db, tmp_path) / "summary.html").read_text("utf-8")
    assert '<html lang="vi">' in summary and "Hồ sơ bằng chứng" in summary and "Phát hiện lần đầu: 01/03/2026 10:00:00" in summary
    assert "<script>" not in summary and "&lt;script&gt;alert(" in summary


def test_the_first_sighting_is_kept_but_the_nights_between_are_not(world, db, tmp_path):
    shop(world, nights=5)
    files = pages(package(db, tmp_path))
    days = sorted({f["fetched_at"][:10] for f in files})
    assert days == ["2026-03-01", "2026-03-05"]


def test_a_page_named_only_by_its_hash_is_included_though_its_run_is_not(world, db, tmp_path):
    shop(world, nights=4)
    from monitor.store.findings import apply_findings

    with db.session() as session:  # judged outside any run, on the first night's home page
        apply_findings(session, domain="gomsuan.vn", site_id=None, run_id=None, at=utc(2026, 3, 20), scope=(),
                       drafts=[draft("REG_NUMBER_MISSING", "https://gomsuan.vn/", HOME_1)])
        finding_id = session.query(Finding).filter_by(code="REG_NUMBER_MISSING").one().id
    files = pages(package(db, tmp_path, str(finding_id)))
    first_night = [f for f in files if f["fetched_at"].startswith("2026-03-01")]
    assert [f["sha256"] for f in first_night] == [hashlib.sha256(HOME_1).hexdigest()]
    assert first_night[0]["findings"] == [finding_id]
    assert sorted({f["fetched_at"][:10] for f in files}) == ["2026-03-01", "2026-03-04"]


def test_a_finding_package_holds_that_finding_only(world, db, tmp_path):
    shop(world)
    with db.session() as session:
        finding_id = session.query(Finding).filter_by(code="OWNER_NAME_MISSING").one().id
    data = manifest(package(db, tmp_path, str(finding_id)))
    assert [f["id"] for f in data["findings"]] == [finding_id] and data["subject"]["finding_id"] == finding_id
    supported = [p for p in data["files"] if p.get("findings")]
    assert supported and all(p["findings"] == [finding_id] for p in supported)


def test_an_unknown_finding_id_is_an_error(db, tmp_path):
    with pytest.raises(EvidenceError, match="no finding with id 4242"):
        package(db, tmp_path, "4242")


def test_a_domain_without_stored_pages_is_an_error(world, db, tmp_path):
    world.check("down.vn", T1, drafts=[draft("SITE_UNREACHABLE", "https://down.vn/")], reachable=False)
    with pytest.raises(EvidenceError, match="no stored pages for down.vn"):
        package(db, tmp_path, "down.vn")


def test_an_existing_package_is_never_overwritten(world, db, tmp_path):
    shop(world)
    path = package(db, tmp_path)
    with pytest.raises(EvidenceError, match="already exists"):
        package(db, tmp_path)
    assert verify_package(path).intact


# ---------------------------------------------------------------- verifying


def test_a_fresh_package_verifies_intact(world, db, tmp_path):
    shop(world)
    result = verify_package(package(db, tmp_path))
    assert result.intact and len(result.ok) == len(pages(tmp_path / "evidence")) + 1


def test_verify_names_the_page_that_was_altered(world, db, tmp_path):
    shop(world)
    path = package(db, tmp_path)
    victim = pages(path)[1]["path"]
    data = (path / victim).read_bytes()
    (path / victim).write_bytes(data.replace("Giới thiệu".encode(), "Gioi thieu".encode()))
    result = verify_package(path)
    assert not result.intact and result.altered == [victim] and not result.missing and not result.added


def test_verify_notices_an_edited_summary(world, db, tmp_path):
    shop(world)
    path = package(db, tmp_path)
    summary = path / "summary.html"
    summary.write_text(summary.read_text("utf-8").replace("đang vi phạm", "đã khắc phục"), "utf-8")
    assert verify_package(path).altered == ["summary.html"]


def test_verify_notices_an_edited_manifest(world, db, tmp_path):
    shop(world)
    path = package(db, tmp_path)
    text = (path / "manifest.json").read_text("utf-8")
    (path / "manifest.json").write_text(text.replace("2026-03-01T03:00:00Z", "2026-02-01T03:00:00Z"), "utf-8")
    result = verify_package(path)
    assert result.altered == ["manifest.json"] and not result.intact


def test_verify_names_missing_and_added_files(world, db, tmp_path):
    shop(world)
    path = package(db, tmp_path)
    gone = pages(path)[0]["path"]
    (path / gone).unlink()
    (path / "pages" / "extra.html").write_text("<p>thêm</p>", "utf-8")
    result = verify_package(path)
    assert result.missing == [gone] and result.added == ["pages/extra.html"] and not result.altered


def test_a_zip_package_verifies_and_its_tampering_is_named(world, db, tmp_path):
    shop(world)
    path = package(db, tmp_path, as_zip=True)
    assert path.name == "evidence.zip" and verify_package(path).intact
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tampered, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("summary.html"):
                data = data.replace("gomsuan.vn".encode(), "khac.vn".encode())
            target.writestr(item, data)
    assert verify_package(tampered).altered == ["summary.html"]


# ---------------------------------------------------------------- the command


@pytest.mark.slow
def test_the_command_packages_verifies_and_then_catches_tampering(cli_env, tmp_path):
    database = open_database(cli_env["MONITOR_DATABASE_URL"])
    shop(World(database))
    database.dispose()
    out = tmp_path / "case-42"
    made = run_cli(["evidence", "gomsuan.vn", "--out", str(out)], cli_env)
    assert made.returncode == 0, made.stderr
    digest = hashlib.sha256((out / "manifest.json").read_bytes()).hexdigest()
    assert digest in made.stdout
    intact = run_cli(["evidence", "verify", str(out)], cli_env)
    assert intact.returncode == 0 and "intact" in intact.stdout, intact.stdout + intact.stderr
    victim = pages(out)[0]["path"]
    (out / victim).write_bytes((out / victim).read_bytes() + b"<!-- -->")
    broken = run_cli(["evidence", "verify", str(out)], cli_env)
    assert broken.returncode == 1 and f"ALTERED  {victim}" in broken.stdout
    assert "NOT intact: 1 altered, 0 missing, 0 added" in broken.stderr
    unknown = run_cli(["evidence", "999", "--out", str(tmp_path / "x")], cli_env)
    assert unknown.returncode != 0 and "no finding with id 999" in unknown.stderr
