"""Fast whole-word search of many folded labels in folded page text.

Python's regex engine tries every alternative at every position, which is
slow on a 50 KB footer-plus-catalogue text with a hundred label spellings.
Labels are literal strings, so :class:`LabelIndex` finds them with
``str.find`` (C speed) on a short shared prefix and confirms the whole label
with ``startswith``; the longest label at a position wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_WORD_STARTS = re.compile(r"(?<![a-z0-9])[a-z0-9]")
# Below this window size, walking word starts beats one str.find per label prefix.
_SCAN_WINDOW = 1500

# --- the words of a text, at C speed -------------------------------------------
#
# A label can only occur where each of its words (runs of a-z0-9) is a word of
# the text: LabelIndex skips the label prefixes whose labels cannot occur, so
# a page is searched for the few labels it can hold, not for all of them.
_NON_WORD_BYTES = bytes.maketrans(
    bytes(range(256)), bytes(c if (0x30 <= c <= 0x39 or 0x61 <= c <= 0x7A) else 0x20 for c in range(256))
)
_RUN = re.compile(r"[a-z0-9]+")


def _case_step_classes() -> tuple[str, str]:
    """Characters that fold to a-z0-9: lower case or digits, and capitals
    (the two sides of a case step, see :func:`word_start`)."""
    from monitor.checks.page import FOLD_TABLE  # the page module imports this one lazily

    lower, upper = [], []
    for code in list(range(0x80)) + sorted(FOLD_TABLE):
        ch = chr(code)
        folded = FOLD_TABLE.get(code, ch.lower() if code < 0x80 else ch)
        if len(folded) != 1 or folded not in _WORD:
            continue
        if ch.isupper():
            upper.append(ch)
        elif ch.islower() or ch.isdigit():
            lower.append(ch)
    return "".join(lower), "".join(upper)


_CASE_STEP: re.Pattern[str] | None = None
_words_memo: tuple[object, frozenset[bytes]] = (None, frozenset())
_steps_memo: tuple[object, object, frozenset[bytes]] = (None, None, frozenset())


def text_words(text: str, original: str | None = None) -> frozenset[bytes]:
    """The words of a folded ``text`` (ASCII bytes), plus, given the unfolded
    ``original``, the words that start at a case step inside a longer run
    ("2023Chủ" holds "chu"). The last answers are remembered: the checks ask
    about the same page text many times in a row."""
    global _CASE_STEP, _words_memo, _steps_memo
    memo = _words_memo
    if memo[0] is text:
        words = memo[1]
    else:
        words = frozenset(text.encode("ascii", "replace").translate(_NON_WORD_BYTES).split())
        _words_memo = (text, words)
    if original is None or len(original) != len(text):
        return words
    steps = _steps_memo
    if steps[0] is text and steps[1] is original:
        return steps[2]
    if _CASE_STEP is None:
        lower, upper = _case_step_classes()
        _CASE_STEP = re.compile(f"[{re.escape(upper)}](?<=[{re.escape(lower)}][{re.escape(upper)}])")
    extra = set()
    for m in _CASE_STEP.finditer(original):
        run = _RUN.match(text, m.start())
        if run:
            extra.add(run.group().encode("ascii"))
    result = words | extra if extra - words else words
    _steps_memo = (text, original, result)
    return result


def label_words(label: str) -> frozenset[bytes] | None:
    """The words a text must hold for ``label`` to occur in it, or None when the
    label starts with a character that is not a word character (always searched)."""
    if not label or label[0] not in _WORD:
        return None
    return frozenset(w.encode("ascii") for w in _RUN.findall(label))


def word_start(text: str, pos: int, original: str | None = None) -> bool:
    """No letter or digit just before ``pos``; with the original text, a
    lower-case-or-digit to upper-case step counts as a boundary too
    ("© 2023Chủ sở hữu" from ``<span>``s glued together by the markup)."""
    if pos == 0 or text[pos - 1] not in _WORD:
        return True
    if original is not None and len(original) == len(text) and pos < len(text):
        prev, cur = original[pos - 1], original[pos]
        return cur.isupper() and (prev.islower() or prev.isdigit())
    return False


def word_end(text: str, pos: int) -> bool:
    return pos >= len(text) or text[pos] not in _WORD


class LabelIndex(Generic[T]):
    """Whole-word occurrences of literal labels, each carrying a tag."""

    def __init__(self, labels: Iterable[tuple[str, T]], prefix_len: int = 4):
        groups: dict[str, list[tuple[str, T]]] = {}
        for label, tag in labels:
            label = label.strip()
            if not label:
                continue
            groups.setdefault(label[:prefix_len], []).append((label, tag))
        # longest first, so the most specific spelling wins at a position
        self._groups = {k: sorted(v, key=lambda lt: -len(lt[0])) for k, v in groups.items()}
        self._key_lengths = sorted({len(k) for k in self._groups}, reverse=True)
        # The words each label needs, filed under its first word; prefixes with
        # a label that does not start with a word character are always searched.
        self._always: set[str] = set()
        self._by_first: dict[bytes, list[tuple[frozenset[bytes], str]]] = {}
        for key, entries in self._groups.items():
            for label, _ in entries:
                needs = label_words(label)
                if not needs:
                    self._always.add(key)
                else:
                    first = _RUN.match(label).group().encode("ascii")  # type: ignore[union-attr]
                    self._by_first.setdefault(first, []).append((needs, key))
        self._first_words = frozenset(self._by_first)
        self._active_memo: tuple[object, object, list[tuple[str, list[tuple[str, T]]]]] = (None, None, [])

    def _active(self, text: str, original: str | None) -> list[tuple[str, list[tuple[str, T]]]]:
        """The prefix groups that can occur in ``text``, in table order
        (remembered for the last text)."""
        memo = self._active_memo
        if memo[0] is text and memo[1] is original:
            return memo[2]
        words = text_words(text, original)
        keys = set(self._always)
        for first in self._first_words & words:
            for needs, key in self._by_first[first]:
                if key not in keys and needs <= words:
                    keys.add(key)
        active = [(key, entries) for key, entries in self._groups.items() if key in keys]
        self._active_memo = (text, original, active)
        return active

    def finditer(
        self, text: str, start: int = 0, end: int | None = None, original: str | None = None
    ) -> Iterator[tuple[int, int, str, T]]:
        """(start, end, label, tag) in text order; overlapping shorter hits dropped.

        ``original`` is the unfolded text of the same length (see :func:`word_start`)."""
        stop = len(text) if end is None else end
        hits: list[tuple[int, int, str, T]] = []
        if stop - start <= _SCAN_WINDOW:
            last_end = -1
            for m in _WORD_STARTS.finditer(text, start, stop):
                pos = m.start()
                if pos < last_end:
                    continue
                hit = self.match_at(text, pos, original)
                if hit is not None and hit[1] <= stop:
                    last_end = hit[1]
                    yield hit
            return
        for prefix, entries in self._active(text, original):
            pos = text.find(prefix, start, stop)
            while pos >= 0:
                if word_start(text, pos, original):
                    for label, tag in entries:
                        if text.startswith(label, pos) and word_end(text, pos + len(label)):
                            if pos + len(label) <= stop:
                                hits.append((pos, pos + len(label), label, tag))
                            break
                pos = text.find(prefix, pos + 1, stop)
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        last_end = -1
        for hit in hits:
            if hit[0] >= last_end:
                last_end = hit[1]
                yield hit

    def first(
        self, text: str, start: int = 0, end: int | None = None, original: str | None = None
    ) -> tuple[int, int, str, T] | None:
        for hit in self.finditer(text, start, end, original):
            return hit
        return None

    def match_at(self, text: str, pos: int, original: str | None = None) -> tuple[int, int, str, T] | None:
        """The longest label starting exactly at ``pos`` (whole word), if any."""
        if not word_start(text, pos, original):
            return None
        best = None
        for size in self._key_lengths:
            for label, tag in self._groups.get(text[pos : pos + size], ()):
                if text.startswith(label, pos) and word_end(text, pos + len(label)):
                    if best is None or len(label) > best[1] - best[0]:
                        best = (pos, pos + len(label), label, tag)
                    break
        return best

    def contains_any(self, text: str) -> bool:
        return self.first(text) is not None
