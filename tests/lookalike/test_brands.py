"""Reading brands, candidates and allow lists."""

from pathlib import Path

import pytest

from monitor.lookalike import LookalikeInputError, iter_domain_lines, read_brands_csv


def test_brands_csv_reads_aliases_and_owned_domains(tmp_path: Path):
    path = tmp_path / "brands.csv"
    path.write_text(
        "domain,aliases,owned_domains\nhttps://www.Shopee.vn/,Shopee; SPX,shopee.com;shopee.co\n", encoding="utf-8"
    )
    [brand] = read_brands_csv(path)
    assert (brand.domain, brand.label, brand.aliases, brand.owned_domains) == (
        "shopee.vn",
        "shopee",
        ("Shopee", "SPX"),
        ("shopee.com", "shopee.co"),
    )


def test_the_registry_export_columns_are_understood():
    sample = Path(__file__).resolve().parents[2] / "seeds" / "registry.sample.csv"
    brands = {b.domain: b for b in read_brands_csv(sample)}
    assert "càphêbalúa.vn" in brands["caphebalua.vn"].owned_domains


def test_a_bad_domain_names_the_file_and_line(tmp_path: Path):
    path = tmp_path / "brands.csv"
    path.write_text("domain,aliases\nshopee.vn,\nnot a domain,\n", encoding="utf-8")
    with pytest.raises(LookalikeInputError, match=r"brands.csv, line 3"):
        read_brands_csv(path)


def test_domain_lines_skip_blanks_and_comments(tmp_path: Path):
    path = tmp_path / "feed.txt"
    path.write_text("# comment\n\n a.vn \nb.com\n", encoding="utf-8")
    assert list(iter_domain_lines(path)) == ["a.vn", "b.com"]
