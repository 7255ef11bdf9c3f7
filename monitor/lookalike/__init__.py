"""Lookalike domains: observed hosts that imitate a registered shop.

Pure matching, no database and no network::

    from monitor.lookalike import Brand, Matcher

    matcher = Matcher([Brand("shopee.vn", aliases=("Shopee",))], allow=["shopee.com"])
    matcher.match("cskh-shopee.com")
    # [Match(candidate='cskh-shopee.com', target='shopee.vn', score=92, techniques=('brand_token',))]

Techniques and scores: :mod:`monitor.lookalike.techniques`. Normalisation:
:mod:`monitor.lookalike.skeleton`. Index: :mod:`monitor.lookalike.index`.
"""

from monitor.lookalike.brands import (
    Brand,
    LookalikeInputError,
    brands_from_rows,
    iter_domain_lines,
    read_allow_list,
    read_brands_csv,
)
from monitor.lookalike.index import BrandIndex
from monitor.lookalike.matcher import DEFAULT_MIN_SCORE, Match, Matcher, parse_candidate
from monitor.lookalike.techniques import TECHNIQUE_NAMES, TECHNIQUES

__all__ = [
    "DEFAULT_MIN_SCORE",
    "TECHNIQUES",
    "TECHNIQUE_NAMES",
    "Brand",
    "BrandIndex",
    "LookalikeInputError",
    "Match",
    "Matcher",
    "brands_from_rows",
    "iter_domain_lines",
    "parse_candidate",
    "read_allow_list",
    "read_brands_csv",
]
