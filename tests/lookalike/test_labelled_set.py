"""The labelled set (tests/lookalike/data) meets the quality targets.

The same numbers, per category, come from benchmarks/lookalike_accuracy.py.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _accuracy_module():
    spec = importlib.util.spec_from_file_location("lookalike_accuracy", ROOT / "benchmarks" / "lookalike_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results():
    acc = _accuracy_module()
    from monitor.lookalike import Matcher, iter_domain_lines, read_brands_csv

    matcher = Matcher(read_brands_csv(acc.DATA / "brands.csv"))
    ordinary = [(d, "", "ordinary") for d in iter_domain_lines(acc.DATA / "ordinary.txt")]
    rows = acc.read_labelled("dev") + acc.read_labelled("holdout") + acc.read_labelled("holdout2")
    return acc.evaluate(matcher, rows + ordinary)


def _rate(results, predicate) -> tuple[int, int]:
    rows = [r for category, rs in results.items() if predicate(category) for r in rs]
    return sum(1 for r in rows if r[2]), len(rows)


def test_recall_on_lookalikes_is_at_least_97_percent(results):
    good, n = _rate(results, lambda c: not c.startswith("neg") and c != "ordinary")
    assert n > 400
    assert good / n >= 0.97


def test_false_positives_on_hard_negatives_are_at_most_3_percent(results):
    good, n = _rate(results, lambda c: c.startswith("neg"))
    assert n > 150
    assert (n - good) / n <= 0.03


def test_no_ordinary_domain_is_flagged(results):
    flagged = [r[0] for r in results["ordinary"] if not r[2]]
    assert flagged == []
