"""Edit operations between a brand name and a misspelling, and whether they look like typos.

rapidfuzz confirms the distance; this module only explains the (rare)
confirmed near-matches: which letters were dropped, doubled, swapped or
replaced, so that two fat-finger slips (``vietcommbankk``) score higher than
two unrelated replacements that happen to be two edits away
(``vinamit`` vs ``vinamilk``).
"""

from __future__ import annotations

from rapidfuzz.distance import OSA, Levenshtein

from monitor.lookalike.tables import KEYBOARD_NEIGHBOURS, SIMILAR_LETTERS

def edit_ops(source: str, target: str) -> list[tuple[str, int, str, str]]:
    """Optimal-string-alignment edits turning ``source`` into ``target``.

    Each edit is ``(op, position in target, source chars, target chars)`` with
    op one of ``insert``, ``delete``, ``replace``, ``transpose``.
    """
    n, m = len(source), len(target)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost = 0 if source[i - 1] == target[j - 1] else 1
            best = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and source[i - 1] == target[j - 2] and source[i - 2] == target[j - 1]:
                best = min(best, d[i - 2][j - 2] + 1)
            d[i][j] = best
    ops: list[tuple[str, int, str, str]] = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and source[i - 1] == target[j - 1] and d[i][j] == d[i - 1][j - 1]:
            i, j = i - 1, j - 1
        elif (
            i > 1 and j > 1 and source[i - 1] == target[j - 2] and source[i - 2] == target[j - 1]
            and d[i][j] == d[i - 2][j - 2] + 1
        ):
            ops.append(("transpose", j - 2, source[i - 2 : i], target[j - 2 : j]))
            i, j = i - 2, j - 2
        elif i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + 1:
            ops.append(("replace", j - 1, source[i - 1], target[j - 1]))
            i, j = i - 1, j - 1
        elif j > 0 and d[i][j] == d[i][j - 1] + 1:
            ops.append(("insert", j - 1, "", target[j - 1]))
            j -= 1
        else:
            ops.append(("delete", j, source[i - 1], ""))
            i -= 1
    ops.reverse()
    return ops


def _near(a: str, b: str) -> bool:
    return b in KEYBOARD_NEIGHBOURS.get(a, ()) or frozenset((a, b)) in SIMILAR_LETTERS


def _plausible(op: tuple[str, int, str, str], target: str) -> bool:
    kind, pos, old, new = op
    if kind in ("transpose", "delete"):
        return True
    if kind == "replace":
        return _near(old, new)
    # insert: a doubled letter or a key next to a neighbouring letter
    around = target[max(0, pos - 1) : pos] + target[pos + 1 : pos + 2]
    return any(new == c or _near(new, c) for c in around)


def _fast_ops(source: str, target: str) -> list[tuple[str, int, str, str]] | None:
    """rapidfuzz's Levenshtein edit script, when no transposition is involved."""
    if Levenshtein.distance(source, target) != OSA.distance(source, target):
        return None
    out = []
    for kind, i, j in Levenshtein.editops(source, target).as_list():
        if kind == "replace":
            out.append(("replace", j, source[i], target[j]))
        elif kind == "insert":
            out.append(("insert", j, "", target[j]))
        else:
            out.append(("delete", j, source[i], ""))
    return out


def _truncated(ops: list[tuple[str, int, str, str]], written: str) -> bool:
    """Two letters cut off the start or the end: another word (`combank`), not a slip."""
    if len(ops) != 2 or any(op[0] != "delete" for op in ops):
        return False
    return all(op[1] == 0 for op in ops) or all(op[1] == len(written) for op in ops)


def plausible_typo(brand: str, written: str) -> bool:
    """True when every edit from ``brand`` to ``written`` is a typical typing slip."""
    ops = _fast_ops(brand, written)
    if ops is None:
        ops = edit_ops(brand, written)
    return not _truncated(ops, written) and all(_plausible(op, written) for op in ops)
