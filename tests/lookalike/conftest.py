"""Fixtures for the lookalike tests: a small registry of real Vietnamese brands."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.lookalike import Brand, Matcher

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def brands() -> list[Brand]:
    return [
        Brand("shopee.vn", aliases=("Shopee",), owned_domains=("shopee.com",)),
        Brand("lazada.vn"),
        Brand("tiki.vn"),
        Brand("vietcombank.com.vn", aliases=("VCB", "Vietcombank")),
        Brand("techcombank.com.vn", aliases=("TCB",)),
        Brand("thegioididong.com", aliases=("TGDD", "Thế Giới Di Động")),
        Brand("dienmayxanh.com", aliases=("Điện Máy Xanh",)),
        Brand("fpt.com.vn", aliases=("FPT",)),
        Brand("fptshop.com.vn"),
        Brand("mbbank.com.vn", aliases=("MB",)),
        Brand("acb.com.vn"),
        Brand("vib.com.vn"),
        Brand("vpbank.com.vn"),
        Brand("tpb.vn", aliases=("TPBank",)),
        Brand("nguyenkim.com"),
        Brand("vinamilk.com.vn"),
        Brand("vinamit.com.vn"),
        Brand("sale.vn"),
        Brand("grab.com"),
    ]


@pytest.fixture(scope="session")
def matcher(brands: list[Brand]) -> Matcher:
    return Matcher(brands, allow=["shopee-review.example.com"])


def targets(matcher: Matcher, candidate: str) -> set[str]:
    return {m.target for m in matcher.match(candidate)}


def only(matcher: Matcher, candidate: str):
    """The single match of ``candidate`` (fails if there is not exactly one)."""
    matches = matcher.match(candidate)
    assert len(matches) == 1, matches
    return matches[0]
