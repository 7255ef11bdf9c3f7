"""Accuracy of the pure checks on the labelled corpus (tests/checks/corpus).

Every page of the corpus goes through :func:`monitor.checks.run_checks` as the
home page of a site with no registry record; what the checks report is
compared with ``labels.json`` and precision, recall and F1 are printed per
field.

Scoring:
- single values (owner name, registration number, address, record id): a
  right value is a true positive; a wrong value counts as a false positive
  *and* a false negative; values are compared after folding (case, accents,
  spacing, punctuation), addresses also accept a rapidfuzz ratio >= 90;
- lists (phones, e-mails): per element;
- yes/no fields (badge link, unlinked badge, ordering function, each
  policy): the positive class.

Usage::

    .venv/bin/python benchmarks/accuracy.py [--verbose] [--min-f1 0.95] [--corpus DIR]

Exits non-zero when ``--min-f1`` is given and a field is below it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.checks import run_checks  # noqa: E402
from monitor.checks.result import POLICY_KEYS  # noqa: E402
from monitor.model import FetchedPage, PageRole  # noqa: E402
from monitor.text import fold  # noqa: E402

CORPUS = ROOT / "tests" / "checks" / "corpus"
FETCHED_AT = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def norm(value: str | None) -> str:
    if value is None:
        return ""
    return " ".join(re.sub(r"[^\w]+", " ", fold(value)).split())


def same(field: str, got: str | None, want: str | None) -> bool:
    a, b = norm(got), norm(want)
    if field == "address" and a and b:
        return a == b or fuzz.ratio(a, b) >= 90
    return a == b


def observe(corpus: Path, name: str, label: dict) -> dict:
    html = (corpus / name).read_bytes()
    page = FetchedPage(url=label["url"], final_url=label["url"], status=200, body=html,
                       fetched_at=FETCHED_AT, role=PageRole.HOME,
                       headers={"content-type": "text/html; charset=utf-8"})
    report = run_checks([page], None)
    data = report.to_json()
    d, b = data["disclosures"], data["badge"]
    return {
        "owner_name": d["owner_name"],
        "registration_number": d["registration_number"],
        "address": d["address"],
        "phones": d["phones"],
        "emails": d["emails"],
        "badge_linked": bool(b["present"] and b["linked"]),
        "record_id": b["record_id"],
        "badge_unlinked": bool(b["present"] and not b["linked"]),
        "ordering": data["ordering"]["present"],
        "policies": [k for k, v in data["policies"].items() if v],
    }


def evaluate(verbose: bool = False, corpus: Path = CORPUS) -> dict[str, Score]:
    labels = json.loads((corpus / "labels.json").read_text("utf-8"))["pages"]
    fields = ["owner_name", "registration_number", "address", "phone", "email", "badge_link", "record_id",
              "unlinked_badge", "ordering"] + [f"policy:{k}" for k in POLICY_KEYS]
    scores = {f: Score() for f in fields}
    for name, label in sorted(labels.items()):
        got = observe(corpus, name, label)
        misses = []
        for field in ("owner_name", "registration_number", "address", "record_id"):
            want, have = label.get(field), got[field]
            if want and same(field, have, want):
                scores[field].tp += 1
            else:
                if have:
                    scores[field].fp += 1
                if want:
                    scores[field].fn += 1
                if have or want:
                    misses.append(f"{field}: got {have!r}, want {want!r}")
        for field, key in (("phone", "phones"), ("email", "emails")):
            want_set, have_set = set(label.get(key, [])), set(got[key])
            scores[field].tp += len(want_set & have_set)
            scores[field].fp += len(have_set - want_set)
            scores[field].fn += len(want_set - have_set)
            if want_set != have_set:
                misses.append(f"{key}: extra {sorted(have_set - want_set)}, missing {sorted(want_set - have_set)}")
        flags = [("badge_link", bool(label.get("badge_linked")), got["badge_linked"]),
                 ("unlinked_badge", bool(label.get("badge_unlinked")), got["badge_unlinked"]),
                 ("ordering", bool(label.get("ordering")), got["ordering"])]
        for key in POLICY_KEYS:
            flags.append((f"policy:{key}", key in label.get("policies", []), key in got["policies"]))
        for field, want_flag, have_flag in flags:
            if want_flag and have_flag:
                scores[field].tp += 1
            elif have_flag:
                scores[field].fp += 1
                misses.append(f"{field}: false positive")
            elif want_flag:
                scores[field].fn += 1
                misses.append(f"{field}: missed")
        if verbose and misses:
            print(f"-- {name}")
            for m in misses:
                print(f"   {m}")
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print every mismatch")
    parser.add_argument("--min-f1", type=float, default=None, help="fail when a field is below this F1")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with pages and labels.json")
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    scores = evaluate(args.verbose, corpus)
    pages = len(json.loads((corpus / "labels.json").read_text("utf-8"))["pages"])
    print(f"corpus: {pages} labelled pages in {corpus}")
    print(f"{'field':<22}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}{'F1':>7}")
    worst = 1.0
    for field, s in scores.items():
        worst = min(worst, s.f1)
        print(f"{field:<22}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}")
    print(f"lowest F1: {worst:.3f}")
    if args.min_f1 is not None and worst < args.min_f1:
        print(f"FAIL: a field is below F1 {args.min_f1}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
