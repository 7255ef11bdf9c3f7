"""Owner disclosures a sales website must publish (Decree 52 Art. 29).

Reads, from each page's visible text (home page first): the owner's name,
registration number (with its issuer and issue date), address and province,
phone numbers and e-mail addresses. JSON-LD ``Organization`` /
``LocalBusiness`` data counts where the text says nothing.

Matching runs on the folded text (no accents, lower case) of
:class:`~monitor.checks.page.ParsedPage`; values are sliced from the
original text at the same positions, so they keep their case and accents.
Label spellings live in :mod:`monitor.checks.vocabulary`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from datetime import date
from urllib.parse import unquote

from monitor.checks.matching import LabelIndex, word_start
from monitor.checks.page import Anchored, ParsedPage, excerpt, json_ld_types
from monitor.checks.regions import footer_start
from monitor.checks.result import Disclosures, Found
from monitor.checks.vocabulary import (
    ADDRESS_FORMER_QUALIFIERS,
    ADDRESS_LABEL_NOT_FOLLOWED_BY,
    ADDRESS_LABELS,
    ADDRESS_LABELS_NEED_COLON,
    ADDRESS_VALUE_LEADS,
    AGENCY_CREDITS,
    FOREIGN_NAME_LABELS,
    OTHER_PARTY_LINE_OPENERS,
    BRANCH_NAME_STARTS,
    CARRIER_CONTACT_LABELS,
    CARRIER_NAMES,
    CHAT_LINK_HOSTS,
    CONTACT_WORDS,
    CREDIT_CONTEXT,
    ENGLISH_ADDRESS_WORDS,
    FAX_LABELS,
    HOUSEHOLD_HEAD_LABELS,
    ISSUE_DATE_LABELS,
    ISSUER_LABELS,
    ISSUER_STARTS,
    LAND_PLOT_PARTS,
    LEGAL_FORM_ABBREVIATIONS,
    LEGAL_FORM_ENDS,
    LEGAL_FORM_STARTS,
    OWNER_LABELS,
    PAYMENT_PROVIDER_NAMES,
    PRINCIPAL_PHRASES,
    REG_LABELS,
    REG_VALUE_LEAD,
    STOP_LABELS,
    STREET_KIND_WORDS,
    SURNAMES,
    THIRD_PARTY_CONTACT_WORDS,
    VENDOR_NAMES,
    MARKETPLACE_OPERATORS,
    OWNER_PHRASE_LABELS,
    WEAK_OWNER_LABELS,
    with_variants,
)
from monitor.identifiers import IdKind, RegistrationNumber, compact, parse_registration_number
from monitor.provinces import province_in_address, province_mentions
from monitor.text import collapse_space, fold

_REG_INDEX = LabelIndex(with_variants(REG_LABELS.items()))
_OWNER_INDEX = LabelIndex((label, label) for label in OWNER_LABELS)
_LEGAL_START_INDEX = LabelIndex((label, label) for label in LEGAL_FORM_STARTS)
_LEGAL_END_INDEX = LabelIndex((label, label) for label in LEGAL_FORM_ENDS)
_ADDRESS_INDEX = LabelIndex(with_variants(ADDRESS_LABELS.items()))
_ISSUER_INDEX = LabelIndex((label, label) for label in ISSUER_STARTS)
_STOP_INDEX = LabelIndex(with_variants(
    [(label, "stop") for label in STOP_LABELS]
    + [(label, "reg") for label in REG_LABELS]
    + [(label, "addr") for label in ADDRESS_LABELS]
    + [(label, "owner") for label in OWNER_LABELS if label not in WEAK_OWNER_LABELS]
    # longer than the stop labels inside them, so those are not read there
    + [(part, "part") for part in LAND_PLOT_PARTS]
))
_FAX_INDEX = LabelIndex((label, label) for label in FAX_LABELS)
# Stop words that end a value even without a colon after them.
_HARD_STOPS = frozenset({
    "hotline", "email", "e-mail", "website", "mst", "fax", "tel", "sdt", "zalo", "gpdkkd", "msdn",
    "ma so thue", "ma so doanh nghiep", "dien thoai", "so dien thoai", "gpkd", "dkkd", "giay cndkdn",
    "copyright", "ban quyen", "fanpage", "facebook", "cskh", "tax code", "all rights reserved",
    "bao luu moi quyen", "powered by", "cung cap boi", "thiet ke boi",
})

# Contact labels that end a value with a word or two before their colon ("Tổng đài hỗ trợ:",
# "Điện thoại nhà bán:").
_CONTACT_STOPS = frozenset({"hotline", "tong dai", "dien thoai", "so dien thoai", "sdt", "tel", "email", "e-mail",
                            "fax", "zalo", "cskh", "lien he"})
_WORDS_THEN_COLON = re.compile(r"(?: [a-z]{1,8}){1,2} ?[:\uff1a]")
# Contact labels that also name a trade: "HỘ KINH DOANH ĐIỆN THOẠI TÂM PHÁT", "Cửa hàng Điện Thoại
# Minh Anh" sell phones. Written capitalised and followed on its line by capitalised words only
# (no number, no colon), such a word is part of the name, not a label.
_TRADE_STOPS = frozenset({"dien thoai"})

_SEP = " \t:.#/()-|\u00a0"
# A registration value: household numbers (letters inside) first, then digit runs.
# A dash joins digits only in a branch code (10 digits, "-", 3 digits: see
# _BRANCH_TAIL): "MST 5901284370 – 36 Trần Phú" is a code and a house number.
_REG_VALUE = re.compile(
    r"(?P<household>\d{2} ?[a-z]{1,2} ?\d(?:[ .]?\d){5,8})(?![a-z0-9])"
    r"|(?P<digits>\d(?:[ .]?\d){5,20})"
)
_BRANCH_TAIL = re.compile(r"-\d{3}(?!\d)")
# An enterprise code grouped by hyphens, no spaces: "3603-914-633", "0312-225-168-002" (its
# branch). Read so only when the digits make a code (10) or a branch code (13).
_DASHED_CODE = re.compile(r"\d{2,5}(?:-\d{2,5}){1,4}(?![\d\-])")
_DECISION_VALUE = re.compile(r"\d{1,6}/[a-z0-9\-./]+")
_OLD_CERTIFICATE = re.compile(r"^(?:0[1-9]|[1-6]\d)0[1-9]\d{6}$")
_UNLABELLED_REG = re.compile(
    r"(\d(?<![\d.]\d)(?:[ .]?\d){9}(?:-\d{3})?)(?![\d])[ ,]*(?:do|cap boi|cap tai|boi|tai) "
    r"(?=so |phong |ubnd|uy ban|cuc )"
)
# Every match of _UNLABELLED_REG holds one of these ("... do Sở KH&ĐT cấp").
_UNLABELLED_ISSUER_LEADS = tuple(f"{by} {issuer}" for by in ("do", "boi", "tai")
                                 for issuer in ("so ", "phong ", "ubnd", "uy ban", "cuc "))
# A code followed straight by its issuer or its registration dates, the label left to an icon
# ("0109667779 – Sở KH&ĐT TP. Hà Nội cấp ngày 21/06/2021", "0202076964 · đăng ký lần đầu 04/04/2020").
_ISSUED_LEADS = ("so ke hoach", "so kh", "so tai chinh", "phong dang ky", "phong tai chinh", "dang ky lan dau",
                 "cap lan dau", "cap ngay")
_ISSUED_REG = re.compile(
    r"(?<![\w.])(\d(?:[ .]?\d){9}(?:-\d{3})?)(?![\d])"
    r"(?: ?\((?:mst|msdn|ma so thue|ma so doanh nghiep|tax code)\))?(?: ?[,·–—|-] ?| )(?=(?:"
    + "|".join(_ISSUED_LEADS) + r")(?![a-z]))"
)
_NUM_DATE = re.compile(r"(?<!\d)(\d{1,2}) ?[/.\-] ?(\d{1,2}) ?[/.\-] ?(\d{4}|\d{2})(?!\d)")
_WORD_DATE = re.compile(r"ngay (\d{1,2}),? thang (\d{1,2}),? nam (\d{4})")
_ISSUER_STOP = re.compile(
    r" +(?:cap|ngay|lan|dang k[yi]|dia chi|mst|ma so|hotline|dien thoai|email|nguoi dai dien|tru so|"
    r"thay doi|chiu trach nhiem|so dkkd|gpdkkd)\b|[,;|\n(]| - (?!(?:so|ubnd|phong|uy ban)\b)"
)
# A phone number: "(+84)", "+84", "0084", "84", "(0", "0" or "1800"/"1900", then
# digit groups. Not glued to a word, a decimal point or a slash before it: each
# branch checks that after its first character, so the regex engine can skip
# to the few characters a number starts with instead of trying every position.
_NOT_AFTER_WORD = r"(?<![\w.,/].)"
_PHONE = re.compile(
    rf"(?:\({_NOT_AFTER_WORD}(?:\+?84\)|0)|\+{_NOT_AFTER_WORD} ?84|0{_NOT_AFTER_WORD}(?:084|)"
    rf"|8{_NOT_AFTER_WORD}4(?=[ .\-]?\(?\d)|1{_NOT_AFTER_WORD}[89]00)"
    r"(?:(?: ?[.\-] ?|[ /])?\(?\d+\)?)+"
)
# A date written with slashes, day and month in range ("01/05/2025", "1/5/2025").
_SLASH_DATE = re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?!\d)")
# The last digit group of a phone match with what joins it ("(8" of "0988 72 18 18 (8h30").
_GLUED_GROUP = re.compile(r"(?: ?[.\-] ?|[ /])?\(?\d+\)?$")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,12}")
# "ten (at) gmail.com", "ten [a] gmail.com", "ten (a còng) gmail.com" (matched on folded text).
# The host's dots may be hidden too: "ten [at] shop [dot] vn", "ten (a) shop (chấm) com".
_OBFUSCATED_DOT = r"(?:\.| ?[\[({] ?(?:dot|cham) ?[\])}] ?)"
_EMAIL_OBFUSCATED = re.compile(
    r"([a-z0-9._%+\-]{1,64}) ?[\[({] ?(?:at|a|a cong|@) ?[\])}] ?"
    rf"([a-z0-9\-]+(?:{_OBFUSCATED_DOT}[a-z0-9\-]+)*{_OBFUSCATED_DOT}[a-z]{{2,12}})(?![a-z0-9])")
_HIDDEN_DOT = re.compile(r" ?[\[({] ?(?:dot|cham) ?[\])}] ?")
_AT_WORDS = tuple(f"{o}{pad}{w}{pad}{c}" for o, c in ("()", "[]", "{}") for w in ("at", "a", "a cong", "@")
                  for pad in ("", " "))
_CHAT_RX = Anchored(re.compile(r"(?:^|[/.@])(?:" + "|".join(re.escape(h) for h in CHAT_LINK_HOSTS)
                               + r")(?:[/?]|$)|^skype:|^viber:", re.M), CHAT_LINK_HOSTS + ("skype:", "viber:"))
# Links read for phones and e-mails (lower-cased hrefs; the exact test follows).
_TEL_LINK = Anchored(re.compile(r"^tel:", re.M), ("tel:",))
_MAIL_LINK = Anchored(re.compile(r"^mailto:|/cdn-cgi/l/email-protection#", re.M),
                      ("mailto:", "/cdn-cgi/l/email-protection#"))
_BAD_EMAIL_HOSTS = ("example.", "domain.", "yourdomain", "email.com", "sentry", "wixpress", "abc.com", "xxx")
_BAD_EMAIL_TLDS = ("png", "jpg", "jpeg", "gif", "webp", "svg", "css", "js", "ico")
_MOBILE_PREFIXES = frozenset(
    "032 033 034 035 036 037 038 039 052 055 056 058 059 070 076 077 078 079 081 082 083 084 "
    "085 086 087 088 089 090 091 092 093 094 096 097 098 099".split()
)
_OLD_MOBILE_PREFIXES = ("0162", "0163", "0164", "0165", "0166", "0167", "0168", "0169", "0120",
                        "0121", "0122", "0126", "0128", "0123", "0124", "0125", "0127", "0129",
                        "0186", "0188", "0199")
_PRICE_AFTER = re.compile(r"^ ?(?:d\b|₫|vnd|vnđ|dong|k\b|usd|\$|trieu|tr\b|nghin|ngan|%)")
_PRICE_SHAPE = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
_SENTENCE_WORDS = frozenset(
    "la duoc se da dang chung toi cua minh ban voi cho khi neu thi va nhung cac mot nay do vi "
    "can phai luon cam ket chuyen hang dau uy tin".split()
)
_ADDRESS_STRONG = ("phuong", "quan", "huyen", "xa ", "thi xa", "thi tran", "tinh", "thanh pho", "tp.",
                   "tp ", "p.", "q.", "ward", "district", "city", "province", "kcn", "khu cong nghiep",
                   "ha noi", "ho chi minh", "hcm", "da nang", "viet nam", "vietnam")
_ADDRESS_OPENERS = ("so ", "lo ", "tang ", "toa ", "ngo ", "ngach ", "hem ", "kiet ", "thon ", "ap ",
                    "xom ", "khom ", "buon ", "to dan pho ", "khu ", "km", "no.", "no ", "duong ", "pho ", "kios",
                    "ki ot", "shop ", "can ",
                    # a craft village ("Làng gốm Bát Tràng, Xã Bát Tràng, Hà Nội"): an address of its own
                    "lang ") + LAND_PLOT_PARTS
_PLACEHOLDERS = ("dang cap nhat", "chua cap nhat", "updating", "xxx", "...", "lorem", "your address",
                 "dia chi cua ban", "nhap dia chi")


@dataclass
class _Candidate:
    value: str
    start: int
    end: int
    score: float = 0.0
    extra: dict = field(default_factory=dict)


@dataclass
class PageDisclosures:
    """What one page says; :func:`combine` merges pages, home page first."""

    page: ParsedPage
    owner: _Candidate | None = None
    reg: _Candidate | None = None
    issuer: _Candidate | None = None
    issue_date: _Candidate | None = None
    address: _Candidate | None = None
    phones: list[_Candidate] = field(default_factory=list)
    emails: list[_Candidate] = field(default_factory=list)
    chats: list[_Candidate] = field(default_factory=list)


# --- helpers ---------------------------------------------------------------

def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def _line_end_within(text: str, pos: int, limit: int) -> int:
    """min(end of the line at ``pos``, ``pos + limit``), without reading past it
    (a 2 MB page of one paragraph must not be scanned once per label)."""
    end = text.find("\n", pos, pos + limit)
    return min(len(text), pos + limit) if end < 0 else end


def _line_start_within(text: str, pos: int, limit: int) -> int:
    """max(start of the line at ``pos``, ``pos - limit``)."""
    return max(text.rfind("\n", max(0, pos - limit - 1), pos) + 1, pos - limit, 0)


# Label hits (and numbers) read per page and per kind: a real page has a few
# dozen; a page repeating one word a hundred thousand times gets its first and
# last ones read (footers are last), so the checks stay bounded in time.
MAX_HITS = 400


def _capped(hits: list) -> list:
    if len(hits) <= MAX_HITS:
        return hits
    return hits[: MAX_HITS // 2] + hits[-(MAX_HITS // 2):]


def _skip_separators(folded: str, pos: int, allow_newline: bool = True) -> int:
    """Skip ``: - /`` and spaces after a label; cross one line break if the label ends its line."""
    n = len(folded)
    while pos < n and folded[pos] in _SEP:
        pos += 1
    if allow_newline and pos < n and folded[pos] == "\n":
        pos += 1
        while pos < n and folded[pos] in _SEP:
            pos += 1
    return pos


def _stop_at(folded: str, pos: int, text: str | None = None) -> bool:
    """Whether a label that ends values starts at ``pos`` (an address part is none)."""
    hit = _STOP_INDEX.match_at(folded, pos, text)
    return hit is not None and hit[3] != "part"


def _value_end(folded: str, start: int, limit: int = 220, hard_only: bool = False, text: str | None = None) -> int:
    """Where a free-text value (name, address) ends: line end, a separator or the next label."""
    end = _line_end_within(folded, start, limit)
    for pos, lab_end, label, tag in _STOP_INDEX.finditer(folded, start + 1, end, text):
        if tag == "part" or label in _TRADE_STOPS and _names_a_trade(text, pos, lab_end, end):
            continue
        after = folded[lab_end : lab_end + 4].lstrip(" ")
        if label in _HARD_STOPS or after[:1] in (":", "\uff1a") or (after[:1].isdigit() and tag != "addr") or (
                label in _CONTACT_STOPS and _WORDS_THEN_COLON.match(folded, lab_end)):
            if not hard_only or label in _HARD_STOPS:
                end = pos
                break
    for sep in (" | ", "|", " • ", "•", " · ", " ; ", "; ", " / "):
        cut = folded.find(sep, start, end)
        if cut > start:
            end = cut
    return end


def _names_a_trade(text: str | None, pos: int, lab_end: int, line_end: int) -> bool:
    """Whether the trade word at ``text[pos:lab_end]`` is part of a capitalised name that runs
    on to the end of its line or of its part of the line ("Hộ kinh doanh Điện thoại Tín Phát - GCN
    ĐKHKD số ..."): capitalised words after it and no number or colon."""
    if text is None or not text[pos:pos + 1].isupper():
        return False
    rest = _PART_SEPARATOR.split(text[lab_end:line_end], maxsplit=1)[0]
    words = rest.split()
    if not rest.startswith(" ") or not words:
        return False
    return all(w[:1].isupper() and w.isalpha() for w in words)


_PART_SEPARATOR = re.compile(r" [-–—/|·•] |[,;]")
_LEADING_SYMBOLS = re.compile(r"^[^\w(\"'“]+")


def _trim(text: str) -> str:
    """Strip separators and icon characters (📍, ☎, ►) around a value."""
    text = _LEADING_SYMBOLS.sub("", text.strip())
    return text.strip(" \t\n:;,.-–—|•·/()\"'*►▪").strip()


def _looks_like_sentence(folded_value: str, max_words: int = 18) -> bool:
    words = folded_value.split()
    if len(words) > max_words:
        return True
    hits = sum(1 for w in words if w in _SENTENCE_WORDS)
    return hits >= 3


def _capitalised_share(words: list[str]) -> float:
    letters = [w for w in words if w[:1].isalpha()]
    if not letters:
        return 0.0
    return sum(1 for w in letters if w[:1].isupper()) / len(letters)


def is_person_name(value: str) -> bool:
    words = value.replace(".", " ").split()
    if not 2 <= len(words) <= 6:
        return False
    if _capitalised_share(words) < 1.0:
        return False
    return fold(words[0]) in SURNAMES and all(w.isalpha() for w in words)


def has_legal_form(value: str) -> bool:
    folded = " " + fold(value).replace(",", " ").replace(".", ". ") + " "
    folded = " ".join(folded.split())
    padded = f" {folded} "
    if any(padded.startswith(f" {form} ") or f" {form} " in padded for form in LEGAL_FORM_STARTS):
        return True
    return any(
        padded.rstrip(" .").endswith(" " + " ".join(form.replace(",", " ").replace(".", ". ").split()).rstrip(" ."))
        for form in LEGAL_FORM_ENDS
    )


_SEGMENT_BREAK = re.compile(r".*(?:\||•|·| - | – |\. )")
# A full stop after a word (not an abbreviation: "TP. HCM", "Q. 1", "Co. Ltd") and before a
# capitalised word ends a sentence: what follows is no longer the name or the address
# ("HTX Xanh Tam Bình. Mã nguồn NukeViet", "..., Tỉnh Bình Dương. Mọi thắc mắc xin gọi ...").
_FULL_STOP = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=[^\W\d_])")
_NOT_SENTENCE_ENDS = frozenset({"ltd", "inc", "corp", "bldg", "str", "dist", "tel", "jsc"})


def _sentence_end(value: str) -> int:
    """Where the first sentence of ``value`` ends (``len(value)`` if it does not)."""
    for m in _FULL_STOP.finditer(value):
        nxt = value[m.end():]
        word = value[: m.start()].rsplit(None, 1)[-1]
        if not nxt[:1].isupper() or fold(word) in _NOT_SENTENCE_ENDS:
            continue
        if fold(nxt[:12]).startswith(_ADMIN_STARTS):  # "..., Thị trấn X. Huyện Y" goes on
            continue
        return m.start()
    return len(value)
# What may stand before an entity name at the start of a line: "© 2024", "Copyright by",
# "Bản quyền thuộc về", a bullet.
_OWNER_LEAD = re.compile(
    r"^[\W_]*(?:(?:copyright|ban quyen|\(c\)|©)\W*)*(?:\d{4}(?:\s*-\s*\d{4})?\W*)?"
    r"(?:ban quyen )?(?:thuoc(?: ve)?|by|cua|website cua|thuoc so huu cua|so huu boi)?\W*$"
)


# A copyright sign and its year before a name: "© 2025", "Copyright © 2019-2025", "(c) 2024,".
_COPYRIGHT_LEAD = re.compile(r"(?:(?:copyright|©|\(c\))\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\b[\s,.]*)?")


# What is read before a legal form to tell whether it opens its line (a lead
# of copyright signs, a year, "thuộc về"): never hundreds of characters.
_LEAD_WINDOW = 400


def _credit_context(folded: str, pos: int) -> bool:
    """Whether the words just before ``pos`` (same line, same "|"-separated part) credit someone else."""
    before = folded[_line_start_within(folded, pos, 70) : pos]
    m = _SEGMENT_BREAK.match(before)
    if m:
        before = before[m.end():]
    return any(phrase in before for phrase in CREDIT_CONTEXT)


# --- registration number -----------------------------------------------------

def _label_chain(folded: str, start: int, end: int, kind: str, text: str | None = None) -> tuple[int, str]:
    """Follow "GPĐKKD/MST:" style chains of labels; the strongest kind wins."""
    pos = end
    for _ in range(4):
        nxt = _skip_separators(folded, pos, allow_newline=False)
        hit = _REG_INDEX.match_at(folded, nxt, text)
        if hit is None:
            break
        if hit[3] == "code" or kind not in ("code",):
            kind = "code" if "code" in (kind, hit[3]) else hit[3]
        pos = hit[1]
    return pos, kind


# What may qualify a registration label before its colon: whose number it is ("Mã số thuế hộ kinh
# doanh:"), or what it is, in brackets ("Mã số thuế (số định danh cá nhân của chủ hộ):").
_LABEL_QUALIFIER = re.compile(r" ?(?:\([^()\n\d:]{1,70}\)|[a-z][^()\n\d:]{0,38}?\)?) ?:")
_NOT_QUALIFIERS = ("hotline", "dien thoai", "tel", "email", "dia chi", "fax", "website", "zalo")


def _skip_lead(folded: str, pos: int) -> int:
    m = _LABEL_QUALIFIER.match(folded, pos)
    if m is not None and not any(w in m.group() for w in _NOT_QUALIFIERS):
        pos = m.end()
    pos = _skip_separators(folded, pos)
    for _ in range(2):
        for lead in sorted(REG_VALUE_LEAD, key=len, reverse=True):
            if folded.startswith(lead, pos) and not folded[pos + len(lead) : pos + len(lead) + 1].isalpha():
                pos = _skip_separators(folded, pos + len(lead))
                break
    return pos


def _pick_number(raw: str) -> tuple[str, int] | None:
    """The best registration number at the start of ``raw`` and its length in ``raw``."""
    best: tuple[str, int] | None = None
    acc = ""
    consumed = 0
    for match in re.finditer(r"\S+", raw):
        acc += match.group()
        consumed = match.end()
        parsed = parse_registration_number(acc)
        if parsed.kind != IdKind.OTHER:
            best = (acc, consumed)
        if len(compact(acc)) > 15:
            break
    if best is None:
        first = re.match(r"\S+", raw)
        if first and sum(c.isdigit() for c in first.group()) >= 6:
            best = (first.group(), first.end())
    return best


def _registration_value(folded: str, text: str, pos: int) -> tuple[str, int] | None:
    """(the number written at ``pos``, where it ends), or None."""
    m = _REG_VALUE.match(folded, pos)
    if not m:
        return None
    value_end = m.end()
    if m.group("digits") and sum(c.isdigit() for c in m.group()) == 10:
        tail = _BRANCH_TAIL.match(folded, value_end)  # "0312225168-002"
        if tail:
            value_end = tail.end()
    picked = _pick_number(text[pos:value_end])
    if picked is None:
        return None
    raw, length = picked
    return raw, pos + length


def _dashed_code(folded: str, pos: int) -> tuple[str, int] | None:
    """(an enterprise or branch code grouped by hyphens at ``pos``, without them; where it ends),
    or None: "3603-914-633" is 3603914633, "0312-225-168-002" is 0312225168-002."""
    m = _DASHED_CODE.match(folded, pos)
    if not m:
        return None
    groups = m.group().split("-")
    digits = "".join(groups)
    if len(digits) == 10:
        return digits, m.end()
    if len(digits) == 13 and len(groups[-1]) == 3:
        return f"{digits[:10]}-{digits[10:]}", m.end()
    return None


def _registration_candidates(p: ParsedPage) -> list[_Candidate]:
    folded, text = p.folded, p.text
    out: list[_Candidate] = []
    for start, end, label, kind in _capped(list(_REG_INDEX.finditer(folded, original=text))):
        end, kind = _label_chain(folded, start, end, kind, text)
        pos = _skip_lead(folded, end)
        if pos - end > 40:
            continue
        if kind == "decision":
            m = _DECISION_VALUE.match(folded, pos)
            if m:
                out.append(_Candidate(collapse_space(text[m.start() : m.end()]).upper(), start, m.end(),
                                      2.0, {"label": kind, "value_start": m.start()}))
                continue
        value = _dashed_code(folded, pos) or _registration_value(folded, text, pos)
        if value is None:
            continue
        raw, value_end = value
        parsed = parse_registration_number(raw)
        score = {"code": 5.0, "certificate": 4.0, "household": 4.0, "decision": 2.0}.get(kind, 3.0)
        if parsed.kind == IdKind.OTHER:
            score -= 2
        out.append(_Candidate(parsed.normalised, start, value_end, score,
                              {"label": kind, "parsed": parsed, "value_start": pos}))
    # no label: a code its issuer follows ("… do Sở KH&ĐT cấp"), then a valid one its issuer or
    # registration dates follow (the label left to an icon)
    for leads, rx, valid_only in ((_UNLABELLED_ISSUER_LEADS, _UNLABELLED_REG, False),
                                  (_ISSUED_LEADS, _ISSUED_REG, True)):
        if out or not any(lead in folded for lead in leads):
            continue
        for m in _capped(list(rx.finditer(folded))):
            parsed = parse_registration_number(text[m.start(1) : m.end(1)])
            if parsed.kind in (IdKind.ENTERPRISE, IdKind.BRANCH) and (parsed.valid or not valid_only):
                out.append(_unlabelled_code(parsed, m.start(1), m.end(1)))
    return out


def _unlabelled_code(parsed: RegistrationNumber, start: int, end: int) -> _Candidate:
    """A registration number read with no label before it (weaker than a labelled one)."""
    return _Candidate(parsed.normalised, start, end, 2.0, {"label": "unlabelled", "parsed": parsed, "value_start": start})


# An enterprise or branch code filling its line ("3301648537", "0104 915 731", "0312225168-002").
_BARE_CODE = re.compile(r"\d(?:[ .]?\d){9}(?:-\d{3})?")


def _code_under_name(folded: str, text: str, owner: _Candidate) -> _Candidate | None:
    """The registration number of a footer written as bare lines with no labels (the name, the
    number, the address ...): a valid enterprise or branch code alone on the line under the
    owner's name. A mobile number has the same ten digits and may pass the check digit: a code
    whose first digits are a mobile prefix is not read so."""
    line_end = folded.find("\n", owner.start)
    if line_end < 0:
        return None
    start = line_end + 1
    end = _line_end_within(folded, start, 24)
    m = _BARE_CODE.fullmatch(folded, start, end)
    if m is None:
        return None
    parsed = parse_registration_number(text[start:end])
    if parsed.kind not in (IdKind.ENTERPRISE, IdKind.BRANCH) or not parsed.valid:
        return None
    if parsed.normalised[:3] in _MOBILE_PREFIXES:
        return None
    return _unlabelled_code(parsed, start, end)


def _best_registration(cands: list[_Candidate]) -> _Candidate | None:
    if not cands:
        return None
    # An enterprise code beats an old certificate number shown beside it.
    return max(cands, key=lambda c: (c.score, -c.start))


def _issuer_and_date(p: ParsedPage, reg: _Candidate | None) -> tuple[_Candidate | None, _Candidate | None]:
    folded, text = p.folded, p.text
    windows: list[tuple[int, int]] = []
    if reg is not None:
        line_start, line_end = _line_bounds(folded, reg.end)
        nxt = folded.find("\n", line_end + 1)
        nxt = folded.find("\n", nxt + 1) if nxt >= 0 else -1
        windows.append((reg.end, min(len(folded), max(line_end, reg.end + 40), reg.end + 260,
                                     nxt if nxt > 0 else len(folded))))
    issuer = date_c = None
    for lo, hi in windows:
        issuer = issuer or _find_issuer(folded, text, lo, hi)
        date_c = date_c or _find_date(folded, text, lo, hi, need_label=False)
    if issuer is None:
        for label in ISSUER_LABELS:
            idx = _find_word(folded, label)
            if idx >= 0:
                issuer = _find_issuer(folded, text, idx, min(len(folded), idx + 160))
                if issuer:
                    break
    if date_c is None and reg is not None:
        date_c = _find_date(folded, text, reg.start, min(len(folded), reg.end + 400), need_label=True)
    return issuer, date_c


def _find_word(folded: str, word: str) -> int:
    pos = folded.find(word)
    while pos >= 0 and not word_start(folded, pos):
        pos = folded.find(word, pos + 1)
    return pos


def _find_issuer(folded: str, text: str, lo: int, hi: int) -> _Candidate | None:
    hit = _ISSUER_INDEX.first(folded, lo, hi)
    if hit is None:
        return None
    start = hit[0]
    m = _ISSUER_STOP.search(folded, hit[1], min(len(folded), start + 140))
    end = m.start() if m else _line_end_within(folded, start, 140)
    value = _trim(collapse_space(text[start:end]))
    if len(value) < 3:
        return None
    return _Candidate(value, start, end)


def _find_date(folded: str, text: str, lo: int, hi: int, need_label: bool) -> _Candidate | None:
    for rx in (_WORD_DATE, _NUM_DATE):
        for m in rx.finditer(folded, lo, hi):
            before = folded[max(lo, m.start() - 45) : m.start()]
            if need_label or rx is _NUM_DATE:
                if not any(label in before for label in ISSUE_DATE_LABELS):
                    continue
            iso = _iso_date(*m.groups())
            if iso:
                return _Candidate(iso, m.start(), m.end())
    return None


def _iso_date(day: str, month: str, year: str) -> str | None:
    y = int(year)
    if len(year) == 2:
        y += 2000 if y <= (date.today().year % 100) else 1900
    try:
        return date(y, int(month), int(day)).isoformat()
    except ValueError:
        return None


# --- owner name --------------------------------------------------------------

# Words that make an owner label name the owner's parent ("Parent company:", "Công ty mẹ:").
_PARENT_LEADS = ("parent ", "holding ")
_PARENT_TAILS = (" me:", " me :", " me\uff1a")


def _owner_candidates(p: ParsedPage, anchors: list[int]) -> list[_Candidate]:
    folded, text = p.folded, p.text
    out: list[_Candidate] = []
    for start, end, label, _ in _capped(list(_OWNER_INDEX.finditer(folded, original=text))):
        pos = _skip_separators(folded, end)
        between = folded[end:pos]
        if label not in OWNER_PHRASE_LABELS and not any(c in between for c in ":-\uff1a"):
            # a label ending its line ("Chủ sở hữu\nNguyễn Văn An"); a weak one must open it too,
            # not end a longer phrase ("Chính sách bảo vệ dữ liệu cá nhân\n© 2026 ...")
            if "\n" not in between or label in WEAK_OWNER_LABELS and \
                    folded[_line_start_within(folded, start, 80) : start].strip(" -•*\t"):
                continue
        if _stop_at(folded, pos, text):  # "Thông tin chủ sở hữu\nTên doanh nghiệp: ..."
            continue
        if folded.endswith(_PARENT_LEADS, 0, start) or folded.startswith(_PARENT_TAILS, end):
            continue  # "Parent company:", "Công ty mẹ:": another entity, the owner's parent
        stop = _value_end(folded, pos, limit=160, text=text)
        lead = _COPYRIGHT_LEAD.match(folded, pos, stop)  # "Company\n© 2025 X Company Limited"
        if lead:
            pos = lead.end()
        value = _clean_name(text[pos:stop])
        if not value or len(value) < 3 or _credit_context(folded, start):
            continue
        legal = has_legal_form(value)
        if label in WEAK_OWNER_LABELS and not (legal or is_person_name(value)):
            head = value.split(". ", 1)[0]  # "... của Phan Thị Thu Hà. Mọi bài viết ...": a short last word
            if not is_person_name(head):
                continue
            value = head
        if not legal and not is_person_name(value) and (_looks_like_sentence(fold(value)) or len(value) > 90):
            continue
        if sum(c.isdigit() for c in value) > len(value) / 3 or "@" in value or "://" in value:
            continue
        # a brand ("thuộc sở hữu của Sao Kim Land") is weaker than a legal entity beside the number
        score = 8.0 if legal else 7.0 if is_person_name(value) else 5.5
        out.append(_Candidate(value, pos, stop, score, {"label": label}))
    for start, end, label, _ in _capped(list(_LEGAL_START_INDEX.finditer(folded, original=text))):
        if folded.startswith((":", " :", "\uff1a"), end):
            continue  # a label ("CONG TY: CÔNG TY TNHH ..."): the name follows it
        # where the name stands first (cheap), the name itself only then
        near = any(abs(a - start) < 350 for a in anchors)
        line_start = _line_start_within(folded, start, _LEAD_WINDOW)
        segment = _SEGMENT_BREAK.match(folded, line_start, start)
        lead = folded[segment.end() if segment else line_start : start]
        at_line_start = bool(_OWNER_LEAD.match(lead.strip()))
        if not near and not at_line_start:
            continue
        # a name written in lower case (shown in capitals by CSS text-transform) counts when it
        # fills its own line beside the registration number: "công ty chúng tôi ..." runs on
        cand = _entity_at(folded, text, start, end, lower_ok=near and at_line_start)
        if cand is None:
            continue
        cand.score = 3.0 + (3 if near else 0) + (1 if at_line_start else 0)
        if cand.value.isupper():
            cand.score += 0.5
        out.append(cand)
    for start, end, label, _ in _capped(list(_LEGAL_END_INDEX.finditer(folded))):
        cand = _english_entity(folded, text, start, end)
        if cand is not None:
            near = any(abs(a - start) < 350 for a in anchors)
            cand.score = 3.0 + (3 if near else 0)
            out.append(cand)
    out.extend(_card_line_owners(folded, text))
    return out


# A business-card line: "Nguyễn Thị Lan · 12 Lê Lợi, Phường Bến Thành, TP. HCM · 0903 ..."
_CARD_SPLIT = re.compile(r" [·|•] ")
_CARD_LINES = 50
# A name opening a card line is weaker than a labelled one: a person, an entity, a brand in capitals.
_CARD_SCORES = {"person": 6.5, "legal": 6.0, "brand": 4.0}


def _card_kind(value: str) -> str | None:
    if not value or any(c.isdigit() for c in value) or "@" in value or len(value.split()) > 6:
        return None
    if is_person_name(value):
        return "person"
    if has_legal_form(value) and (value.isupper() or value[:1].isupper()):
        return "legal"
    if value.isupper() and len(value) >= 3 and value.replace(" ", "").replace("&", "").isalpha():
        return "brand"
    return None


def _card_lines(folded: str) -> dict[int, int]:
    """(start: end) of the first lines holding "·"/"|"-separated parts."""
    lines: dict[int, int] = {}
    for m in _CARD_SPLIT.finditer(folded):
        if len(lines) >= _CARD_LINES:
            break
        lines.setdefault(*_line_bounds(folded, m.start()))
    return lines


def _card_line_addresses(folded: str, text: str) -> list[_Candidate]:
    """Addresses that are a part of a card line, read whole: a merged ward's name holds a dash
    ("27 Hẻm 51 Phan Đình Phùng, Phường Xuân Hương - Đà Lạt, Lâm Đồng"), which splits the lines
    :func:`_unlabelled_addresses` reads."""
    out: list[_Candidate] = []
    for lo, hi in _card_lines(folded).items():
        cuts = [lo, *(i for m in _CARD_SPLIT.finditer(folded, lo, hi) for i in (m.start(), m.end())), hi]
        for start, end in zip(cuts[::2], cuts[1::2]):
            cand = _address_segment(folded, text, start, end)
            if cand is not None:
                out.append(cand)
                break
    return out


def _card_line_owners(folded: str, text: str) -> list[_Candidate]:
    """The name opening a line of "·"/"|"-separated contact parts when an address or a phone
    number follows it: the owner's card of footers with no labels."""
    out: list[_Candidate] = []
    for lo, hi in _card_lines(folded).items():
        first = _CARD_SPLIT.search(folded, lo, hi)
        if first is None or first.start() - lo > 80:
            continue
        value = _trim(collapse_space(text[lo : first.start()]))
        kind = _card_kind(value)
        if kind is None or _credit_context(folded, lo + 1):
            continue
        nxt = _CARD_SPLIT.search(folded, first.end(), hi)
        part_end = nxt.start() if nxt else hi
        part = folded[first.end() : part_end]
        if _address_segment(folded, text, first.end(), part_end) is None and not _PHONE.search(part):
            continue
        out.append(_Candidate(value, lo, first.start(), _CARD_SCORES[kind], {"label": "card line"}))
    return out


# A comma and a lower-case word: the sentence goes on after the name
# ("Công ty X, thành lập theo ...", "Sao Kim Land, không phải website của ...").
_NAME_THEN_CLAUSE = re.compile(r",\s+(?=[^\W\d_])")


def _clean_name(raw: str) -> str:
    value = collapse_space(raw)
    value = value[: _sentence_end(value)]
    for cut in (" (", " - ", " – ", " | ", "|"):
        idx = value.find(cut)
        if idx > 2 and not (cut in _BRANCH_DASHES and _opens_branch(value[idx + len(cut):])):
            value = value[:idx]
    clause = next((m for m in _NAME_THEN_CLAUSE.finditer(value) if m.start() > 2 and (
        value[m.end()].islower() or _label_opens(value[m.end():]))), None)
    if clause:
        value = value[: clause.start()]
    return _trim(value)


# "CÔNG TY CỔ PHẦN X – CHI NHÁNH TP. HỒ CHÍ MINH": a branch registered under its parent's name,
# one name across the dash.
_BRANCH_DASHES = (" - ", " – ")


def _opens_branch(value: str) -> bool:
    return fold(value[:12]).startswith(BRANCH_NAME_STARTS)


def _label_opens(value: str) -> bool:
    """Whether ``value`` opens with a label of another field ("GCNĐKDN số ...", "Địa chỉ: ...")."""
    hit = _STOP_INDEX.match_at(fold(value[:40]), 0)
    return hit is not None and hit[3] != "part"


# Lower-case words that follow an entity's name in a sentence ("... do Công ty X xây dựng
# và vận hành", "Công ty X có trụ sở tại ..."); inside a name these words are capitalised.
_NAME_THEN_VERB = re.compile(
    r"\s+(?:cấp|do|có|là|được|chuyên|với|tại|đã|sẽ|xin|cam|xây dựng và vận hành|vận hành|sở hữu|thành lập"
    r"|chịu trách nhiệm|trực thuộc)(?:\s|$)"
)


# "Chi nhánh Công ty X tại Hà Nội": the name before " tại " and the capitalised place after it.
_BRANCH_PLACE = re.compile(r"\s+tại\s+(\S+(?:\s+\S+){0,4})$")


def _entity_at(folded: str, text: str, start: int, end: int, credits_ok: bool = False,
               lower_ok: bool = False) -> _Candidate | None:
    """An entity name opened by a legal form ("CÔNG TY TNHH ABC"), or None; one credited
    ("Đơn vị vận chuyển: Công ty X") only with ``credits_ok``; one written all in lower case
    only with ``lower_ok`` and when it fills its line."""
    if not credits_ok and _credit_context(folded, start):
        return None
    original = text[start:end]
    stop = _value_end(folded, start, limit=160, text=text)
    lowered = original[:1].islower()
    if lowered and not (lower_ok and _lower_case_name(text[start:stop], folded, stop)):
        return None  # "công ty chúng tôi" in running text
    # A comma followed by an address or a label ends the name.
    m = re.search(r",\s*(?=\d|so |tang |lo |dia chi|tru so|mst|ma so|dien thoai|hotline|email|tp|quan|phuong)",
                  folded[start:stop])
    if m:
        stop = start + m.start()
    value = _clean_name(text[start:end] + " " + text[end:stop].lstrip(" :"))
    place = _BRANCH_PLACE.search(value) if _is_branch(value) else None
    full = value
    value = _NAME_THEN_VERB.split(value, maxsplit=1)[0]
    if place and value == full[: place.start()] and _capitalised_share(place.group(1).split()) == 1.0:
        value = full  # a branch's name ends with its location: "Chi nhánh Công ty X tại Hà Nội"
    value = _trim(value)
    fvalue = fold(value)
    words = value.split()
    form_words = len(fold(text[start:end]).split())
    rest = words[form_words:]
    # skip type words (TNHH, Cổ phần, MTV ...) to find the proper name
    rest_f = fvalue.split()[form_words:]
    while rest_f and rest_f[0] in ("tnhh", "co", "phan", "cp", "trach", "nhiem", "huu", "han", "mtv", "mot",
                                   "thanh", "vien", "hai", "tro", "len", "tu", "nhan", "hop", "danh", "1tv"):
        rest_f.pop(0)
        rest.pop(0) if rest else None
    if not rest:
        return None
    if not (value.isupper() or lowered or _capitalised_share(rest) >= 0.6 or rest[0][:1].isdigit()
            or rest[0][:1] in "\"'“"):
        return None
    if len(words) > 16 or _looks_like_sentence(fvalue):
        return None
    if any(v in fvalue for v in VENDOR_NAMES):
        return None
    return _Candidate(value, start, stop)


# Words of running text, not of a name written in lower case ("công ty chúng tôi", "công ty này").
# Read with their accents: folded, "có" would be "cổ" (cổ phần) and "do" would be "đồ".
_NOT_IN_LOWER_NAME = frozenset({"chúng", "tôi", "mình", "này", "do", "của", "là", "sẽ", "đã", "được", "với",
                                "cho", "khi", "nếu", "không", "có", "bạn"})


def _lower_case_name(value: str, folded: str, stop: int) -> bool:
    """Whether a name written all in lower case ("công ty tnhh bánh an") stands alone on its line:
    shown in capitals by a stylesheet (text-transform), not a phrase of running text."""
    value = collapse_space(value)
    if not value.islower() or not 3 <= len(value.split()) <= 12:
        return False
    if folded[stop:_line_end_within(folded, stop, 40)].strip(" .,;:-"):
        return False  # the line goes on: a sentence
    return not any(w in _NOT_IN_LOWER_NAME for w in value.split()[2:])


_ENGLISH_NAME = re.compile(r"([A-Z0-9][\w&'.\-]*(?:\s+[A-Z0-9&][\w&'.\-]*){0,8})\s*,?\s*$")


def _english_entity(folded: str, text: str, start: int, end: int) -> _Candidate | None:
    """"ABC Trading Co., Ltd": walk back from the legal form to the name's first word."""
    line_start = _line_start_within(folded, start, _LEAD_WINDOW)
    before = text[line_start:start]
    m = _ENGLISH_NAME.search(before)
    if not m:
        return None
    value = _trim(collapse_space(m.group(1) + " " + text[start:end]))
    words = value.split()
    while words and (words[0].lower() in ("by", "of", "the", "copyright", "©", "(c)") or words[0].isdigit()):
        words.pop(0)
    value = " ".join(words)
    if len(value.split()) < 2 or _credit_context(folded, line_start + m.start(1)):
        return None
    if any(v in fold(value) for v in VENDOR_NAMES):
        return None
    lead = _BRANCH_OF.search(before, 0, m.start(1))
    if lead is not None:  # "Branch of X Company Limited in Da Nang": the branch is the entity
        place = _ENGLISH_BRANCH_PLACE.match(text, end)
        end = place.end() if place else end
        return _Candidate(_trim(collapse_space(text[line_start + lead.start():end])), line_start + lead.start(), end)
    return _Candidate(value, line_start + m.start(1), end)


_BRANCH_OF = re.compile(r"(?<![\w])Branch of\s+$", re.I)
_ENGLISH_BRANCH_PLACE = re.compile(r" +(?:in|at) +[A-Z][\w.]*(?: +[A-Z][\w.]*){0,3}")


# --- address -----------------------------------------------------------------

def _address_candidates(p: ParsedPage, hits: list | None = None) -> list[_Candidate]:
    folded, text = p.folded, p.text
    out: list[_Candidate] = []
    if hits is None:
        hits = list(_ADDRESS_INDEX.finditer(folded, original=text))
    for start, end, label, rank in _capped(hits):
        label_end = end
        numbered = _NUMBERED_LABEL.match(folded, end) or _BRACKETED_LABEL.match(folded, end)
        if numbered:  # "Cơ sở 1:", "Chi nhánh 2:", "Trụ sở chính (Cơ sở 1):"
            end = numbered.end() - 1
        after = folded[end : end + 20].lstrip(" ")
        if any(after.startswith(w) for w in ADDRESS_LABEL_NOT_FOLLOWED_BY):
            continue
        qualified = _QUALIFIED_LABEL.match(folded, end)  # "Địa chỉ chi nhánh:", "Trụ sở chính công ty:"
        if qualified:
            rank = _qualified_rank(folded, end, qualified.end() - 1, rank, text)
            label = folded[start : qualified.end() - 1]
            end = qualified.end() - 1
            after = folded[end : end + 20]
        colon = after[:1] in (":", "\uff1a") or folded[end:end + 2].strip() in (":", "-")
        rest = _NOT_LABEL_END.search(folded, end)  # the label ends its line: nothing but ": -" after it
        alone = rest is None or folded[rest.start()] == "\n"
        if label in ADDRESS_LABELS_NEED_COLON and not (colon or alone):
            continue
        lead = next((w for w in ADDRESS_VALUE_LEADS if after.startswith(w + " ")), None)
        if not (colon or alone or lead or after.startswith("o ")) and label not in ("tru so chinh", "tru so"):
            # "Địa chỉ 12 Lê Lợi", and a label opening its line before a house number ("Địa chỉ Số 301 …",
            # a label and its value set side by side by CSS)
            if not (after[:1].isdigit() or _LINE_LABEL_THEN_NUMBER.match(after) and _opens_line(folded, start)):
                continue
        pos = _skip_separators(folded, end)
        # "Trụ sở đặt tại Số 12 ...", and in a sentence "Trụ sở công ty đặt tại Số 12 ..."
        lead = _VALUE_LEAD.match(folded, pos)
        if lead is None and not (colon or alone) and not folded.startswith(_ADDRESS_OPENERS, pos):
            lead = _VALUE_LEAD_AFTER_WORDS.match(folded, pos)
        if lead:
            pos = lead.end()
        if _stop_at(folded, pos, text):
            continue
        value, stop = _address_value(folded, text, pos)
        if value:
            score = 10.0 - rank
            if _FORMER_QUALIFIER.search(folded, label_end, end):
                score -= _FORMER_MALUS
            out.append(_Candidate(value, start, stop, score, {"label": label}))
    return out


_LINE_LABEL_THEN_NUMBER = re.compile(r"(?:so|lo|tang|kiot|ki ot|can) \d")


def _opens_line(folded: str, pos: int) -> bool:
    return not folded[_line_start_within(folded, pos, 8) : pos].strip(" -•*·")


_LEADS = "|".join(re.escape(w) for w in sorted(ADDRESS_VALUE_LEADS, key=len, reverse=True))
_VALUE_LEAD = re.compile(f"(?:{_LEADS}) ")
# A label in a sentence: up to three words (whose office: "công ty", "của chúng tôi") before the lead,
# on the label's line.
_VALUE_LEAD_AFTER_WORDS = re.compile(f"(?:[a-z]+ ){{0,3}}?(?:{_LEADS}) ")
# A label qualified as the former address ("Địa chỉ cũ:", "Địa chỉ (trước 01/7/2025):") gives way
# to the address in force ("Địa chỉ mới (từ 01/07/2025):"); alone, it is still the address. The
# word ends the qualifier or comes before a date ("Địa chỉ cư trú:" is no former address).
_FORMER_QUALIFIER = re.compile(r"(?<![a-z])(?:" + "|".join(
    re.escape(w) for w in sorted(ADDRESS_FORMER_QUALIFIERS, key=len, reverse=True)) + r")(?=$| ?[():\uff1a]| \d)")
_FORMER_MALUS = 1.5


# One to four words, then a colon, after an address label: what the address is of
# ("Địa chỉ chi nhánh:", "Địa chỉ vườn:", "Showroom & xưởng:", "Trụ sở & xưởng chế biến:").
# A note in brackets may close them ("Địa chỉ mới (từ 01/07/2025):").
_QUALIFIED_LABEL = re.compile(r" (?:[a-z]+|&)(?: (?:[a-z]+|&)){0,3}(?: ?\([^()\n]{1,30}\))? ?[:\uff1a]")


# Words joining two kinds of place at one address ("Trụ sở chính & Nhà máy:", "Văn phòng và kho:").
_BOTH_PLACES = ("& ", "va ", "and ")


def _qualified_rank(folded: str, lo: int, hi: int, rank: int, text: str) -> int:
    """The rank of a label qualified by the words between ``lo`` and ``hi``: theirs if they
    name a kind of address ("Địa chỉ chi nhánh" is a branch's), else the label's. Two kinds
    joined ("Trụ sở chính & Nhà máy") share the address: the better rank of the two."""
    both = folded.startswith(_BOTH_PLACES, lo + 1)
    for pos in range(lo + 1, hi):
        if folded[pos - 1] == " ":
            hit = _ADDRESS_INDEX.match_at(folded, pos, text)
            if hit is not None and hit[1] <= hi:
                return min(rank, hit[3]) if both else hit[3]
    return rank


def _address_value(folded: str, text: str, pos: int) -> tuple[str | None, int]:
    stop = _value_end(folded, pos, limit=240, hard_only=False, text=text)
    value = text[pos:stop]
    stop = pos + _sentence_end(value)  # "..., Tỉnh Bình Dương. Mọi thắc mắc xin gọi ..."
    value = value[: stop - pos]
    # Addresses broken over lines by <br>: follow while the line ends with a comma
    for _ in range(2):
        line_end = _line_end_within(folded, pos, stop - pos + 1)  # past ``stop`` when the line goes on
        if stop < line_end or line_end >= len(folded):
            break
        nxt_start = line_end + 1
        nxt = folded[nxt_start:_line_end_within(folded, nxt_start, 64)]  # its first words
        cont = value.rstrip().endswith((",", "-")) or nxt.startswith(
            ("phuong", "quan", "huyen", "tp", "tinh", "thanh pho", "p.", "q.", "xa ", "thi xa", "viet nam"))
        if not cont or _stop_at(folded, nxt_start, text):
            break
        nxt_stop = _value_end(folded, nxt_start, limit=160, text=text)
        joiner = " " if value.rstrip().endswith((",", "-")) else ", "
        value = value.rstrip() + joiner + text[nxt_start:nxt_stop]
        stop = nxt_stop
        pos = nxt_start
    value = _trim(collapse_space(value))
    for tail in ("(xem bản đồ)", "xem bản đồ", "Xem bản đồ", "Chỉ đường", "(Google Maps)"):
        value = value.replace(tail, "").strip()
    value = _without_former_note(value)
    value = value[: _province_unit_end(value)]
    if not _plausible_address(value):
        return None, stop
    return _trim(value), stop


# A note in brackets on the former place names after the 2025 mergers ("(trước đây: TP Hải
# Dương, tỉnh Hải Dương)", "(cũ: Quận 3)"): not part of the address.
_FORMER_NOTES = ("truoc day", "truoc sap nhap", "truoc khi sap nhap", "dia chi cu", "cu:", "ten cu",
                 "nay la", "formerly", "old address", "previously")


def _without_former_note(value: str) -> str:
    """``value`` up to a bracketed note on former place names ("(trước đây: ...", "(Quận 3 cũ)")."""
    idx = value.find("(")
    while idx > 0:
        note = fold(value[idx + 1 : idx + 80]).strip()
        inside = note.split(")", 1)[0].strip(" .")
        if note.startswith(_FORMER_NOTES) or inside.endswith(" cu"):
            return value[:idx].rstrip(" ,;-–")
        idx = value.find("(", idx + 1)
    return value


# What may follow the province or city that closes an address: the country, a postal code.
_AFTER_PROVINCE = re.compile(r"[\s,.;\-]*(?:(?:viet ?nam|vn)\b[\s,.;]*)?(?:\d{5,6}[\s,.;]*)?$")
# A province mention that is the address's unit, not a street named after it ("Xa lộ Hà Nội"):
# after a comma or a unit word.
_UNIT_BEFORE = re.compile(r"(?:,|thanh pho|tinh|tp\.?|t\.p\.?)\s*$")


def _province_unit_end(value: str) -> int:
    """Where an address ends: after the province or city unit when a lower-case word, no address
    part, follows ("..., Hà Nội và mọi thắc mắc ...", "..., TP. Hồ Chí Minh, showroom mở cửa ...")."""
    folded = fold(value)
    if len(folded) != len(value):  # positions would not match the original
        return len(value)
    for start, end in province_mentions(folded):
        if not _UNIT_BEFORE.search(folded, max(0, start - 12), start):
            continue
        rest = folded[end:]
        if _AFTER_PROVINCE.match(rest):
            return len(value)
        nxt = rest.lstrip(" ,.;-–")
        following = value[len(value) - len(nxt):]
        if nxt.startswith(_ADMIN_STARTS) or not following[:1].islower():
            continue  # "..., Hà Nội, Việt Nam", "Sai Gon Ward, Ho Chi Minh City": the address goes on
        return end
    return len(value)


def _plausible_address(value: str) -> bool:
    if len(value) < 8 or len(value) > 260:
        return False
    folded = fold(value)
    if any(ph in folded for ph in _PLACEHOLDERS) or "@" in value or "://" in value:
        return False
    has_digit = any(c.isdigit() for c in value)
    words = sum(1 for w in _ADDRESS_STRONG if w in folded)
    if province_in_address(value):
        words += 1
    return (has_digit and words >= 1) or words >= 2


def _unlabelled_addresses(p: ParsedPage) -> list[_Candidate]:
    """Footers with a map-pin icon instead of a label: lines (or parts of a line
    between " - ", " | ", ". ") that read as addresses."""
    folded, text = p.folded, p.text
    out: list[_Candidate] = []
    for pos, end in _lines_with_address_words(folded):
        if 15 <= end - pos <= 400 and _DIGIT_OR_ADMIN.search(folded, pos, end):
            segments = _segments(folded, pos, end)
            for i, (seg_start, seg_end) in enumerate(segments):
                cand = _address_segment(folded, text, seg_start, seg_end)
                if cand is None and i + 1 < len(segments) and folded[seg_end:seg_end + 3] == " - " \
                        and _WARD_BEFORE_DASH.search(folded, seg_start, seg_end):
                    # a merged ward's name holds a dash ("Phường Xuân Hương - Đà Lạt, Tỉnh Lâm Đồng")
                    cand = _address_segment(folded, text, seg_start, segments[i + 1][1])
                if cand is not None:
                    out.append(cand)
                    break
    return out or _addresses_over_lines(folded, text)


# A line opening with an administrative unit ("Phường Tân Hưng", "Thành phố Hồ Chí Minh").
_ADMIN_LINE = re.compile(r"\n(?=(?:phuong|xa|quan|huyen|thi xa|thi tran|thanh pho|tinh|tp\.?|p\.|q\.) |viet ?nam\n)")
_ADMIN_STARTS = ("phuong ", "xa ", "quan ", "huyen ", "thi xa ", "thi tran ", "thanh pho ", "tinh ", "tp ", "tp.",
                 "p.", "q.", "viet nam", "vietnam")


def _addresses_over_lines(folded: str, text: str) -> list[_Candidate]:
    """An address block with one part per line and no label (PrestaShop's store block):
    "Số 45 đường số 9\nPhường Tân Hưng\nThành phố Hồ Chí Minh\nViệt Nam"."""
    out: list[_Candidate] = []
    consumed = -1
    for m in _capped(list(_ADMIN_LINE.finditer(folded))):
        if m.start() < consumed:
            continue
        first_start = folded.rfind("\n", 0, m.start()) + 1
        first = folded[first_start : m.start()].strip()
        if not (first.startswith(_ADDRESS_OPENERS) or first[:1].isdigit()) or not 6 <= len(first) <= 100:
            continue
        parts = [text[first_start : m.start()]]
        pos = m.end()
        while len(parts) < 5 and pos < len(folded):
            end = _line_end_within(folded, pos, 80)
            line = folded[pos:end].strip()
            if end - pos >= 80 or not line.startswith(_ADMIN_STARTS):
                break
            parts.append(text[pos:end])
            pos = end + 1
        consumed = pos
        value = ", ".join(_trim(collapse_space(part)) for part in parts)
        if len(parts) >= 2 and province_in_address(value) and _plausible_address(value):
            out.append(_Candidate(value, first_start, pos - 1, 3.0))
    return out


def _lines_with_address_words(folded: str) -> list[tuple[int, int]]:
    """(start, end) of the lines holding two or more of the words an address
    segment needs (:func:`_address_segment`), in page order: a catalogue's
    thousand lines are skipped with one ``str.find`` per word."""
    starts = list(accumulate(map((1).__add__, map(len, folded.split("\n"))), initial=0))
    last = len(starts) - 1
    seen: dict[int, set[str]] = {}
    for word in _ADDRESS_STRONG:
        pos = folded.find(word)
        while pos >= 0:
            line = bisect_right(starts, pos) - 1
            seen.setdefault(line, set()).add(word)
            if line + 1 >= last:
                break
            pos = folded.find(word, starts[line + 1])
    return [(starts[i], starts[i + 1] - 1) for i in sorted(seen) if len(seen[i]) >= 2]


_NUMBERED_LABEL = re.compile(r" ?\d{1,2} ?[:\uff1a]")
_BRACKETED_LABEL = re.compile(r" ?\([^()\n]{1,30}\) ?[:\uff1a]")
_NOT_LABEL_END = re.compile(r"[^ :\-]")
_DIGIT_OR_ADMIN = re.compile(r"\d|phuong|xa |thon|ap ")
# A full stop splits after a word, not after an abbreviation ("TP. HCM", "Q. 1").
_SEGMENT_SPLIT = re.compile(r" [-–|•·] |(?<=[a-z]{3})\. (?=[a-z])|; ")


# A ward or commune named last before a dash: its merged name goes on after it.
_WARD_BEFORE_DASH = re.compile(r"(?:phuong|xa|p\.) [a-z ]{2,30}$")


def _segments(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start]
    for m in _SEGMENT_SPLIT.finditer(folded, start, end):
        cuts.extend([m.start(), m.end()])
    cuts.append(end)
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]


def _address_segment(folded: str, text: str, start: int, end: int) -> _Candidate | None:
    body = folded[start:end]
    stripped = body.lstrip(" -•*:📍")
    start += len(body) - len(stripped)
    body = stripped
    if len(body) < 12 or not (body.startswith(_ADDRESS_OPENERS) or body[:1].isdigit()):
        return None
    if _ISSUER_INDEX.match_at(folded, start) is not None:
        return None  # "Sở Tài chính TP. Hà Nội cấp ngày ...": an issuer ("Sở") read as "Số"
    strong = sum(1 for w in _ADDRESS_STRONG if w in body)
    if strong == 1 and province_in_address(text[start:end]):
        strong = 2  # "..., Phường Xuân Hương - Đà Lạt, Lâm Đồng": a ward and a province's bare name
    if strong < 2 or _looks_like_sentence(body, max_words=40):
        return None
    # a segment may run on past the address ("..., Q.1, TP.HCM Hotline 1900 ..."): stop at a label
    stop = min(end, _value_end(folded, start, limit=260, hard_only=True, text=text))
    stop = start + _sentence_end(text[start:stop])
    value = _trim(collapse_space(text[start:stop]))
    if not province_in_address(value) or not _plausible_address(value) or _PRICE_SHAPE.match(value.split()[0]):
        return None
    return _Candidate(value, start, stop, 3.0)


# --- phones and e-mails --------------------------------------------------------

def normalise_phone(raw: str) -> str | None:
    """``0909123456`` / ``02838221234`` / ``19006750`` for a Vietnamese number, else None."""
    digits = "".join(c for c in raw if c.isdigit())
    stripped = raw.lstrip(" (")
    if stripped.startswith(("+84", "(+84", "0084")) or (stripped.startswith("84") and len(digits) in (11, 12)):
        digits = digits[4:] if digits.startswith("0084") else digits[2:]
        if digits.startswith("0"):
            digits = digits[1:]
        digits = "0" + digits
    if len(digits) == 10 and digits[:3] in _MOBILE_PREFIXES:
        return digits
    if len(digits) == 11 and digits.startswith("02"):
        return digits
    if len(digits) == 11 and digits.startswith(_OLD_MOBILE_PREFIXES):
        return digits
    if digits.startswith(("1800", "1900")) and len(digits) in (8, 10):
        return digits
    return None


def _phone_candidates(p: ParsedPage, blocked: list[tuple[int, int]]) -> list[_Candidate]:
    folded, text = p.folded, p.text
    out: list[_Candidate] = []
    for m in _capped(list(_PHONE.finditer(folded))):
        start, end = m.start(), m.end()
        if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in ".,/"):
            continue
        raw = m.group()
        if end < len(folded) and (folded[end].isalpha() and folded[end] not in "dk"):
            # "0988 72 18 18 (8h30 - 21h30)": the last group belongs to the word after the number
            cut = _GLUED_GROUP.search(raw)
            if cut is None or cut.start() == 0:
                continue
            raw = raw[: cut.start()]
            end = start + len(raw)
        if sum(c.isdigit() for c in raw) < 8:  # "000" of a price, a date, a house number
            continue
        if any(lo <= start < hi for lo, hi in blocked):
            continue
        dates = [(start + d.start(), start + d.end()) for d in _SLASH_DATE.finditer(raw)] if "/" in raw else []
        for number, (s, e) in _split_phones(raw, start):
            if _PRICE_SHAPE.match(raw.strip()) or _PRICE_AFTER.match(folded[e : e + 6]):
                continue
            if any(s < hi and lo < e for lo, hi in dates):
                continue  # digits of a date ("valid 01/05/2025 – 30/09/2025" is no 0520 253 009)
            before = folded[max(0, s - 14) : s]
            if _FAX_INDEX.first(before) is not None and "hotline" not in before and "tel" not in before:
                continue
            out.append(_Candidate(number, s, e, extra={"excerpt": excerpt(text, s, e, 50)}))
    for link in p.links_matching(href_rx=_TEL_LINK):
        if link.href.lower().startswith("tel:"):
            number = normalise_phone(unquote(link.href[4:]))
            if number:
                out.append(_Candidate(number, len(folded), len(folded), extra={"excerpt": link.href}))
    return out


def _split_phones(raw: str, offset: int) -> list[tuple[str, tuple[int, int]]]:
    """One run of digits may hold two numbers ("0909 123 456 0912 345 678")."""
    whole = normalise_phone(raw)
    if whole:
        return [(whole, (offset, offset + len(raw)))]
    out = []
    groups = [(g.start(), g.end()) for g in re.finditer(r"[+(]*\d+\)?", raw)]
    if len(groups) > MAX_HITS:  # a wall of digits: its first and last groups are read
        half = MAX_HITS // 2
        return (_split_phones(raw[: groups[half - 1][1]], offset)
                + _split_phones(raw[groups[-half][0]:], offset + groups[-half][0]))
    i = 0
    while i < len(groups):
        found = False
        for j in range(min(len(groups), i + 5), i, -1):
            chunk = raw[groups[i][0] : groups[j - 1][1]]
            number = normalise_phone(chunk)
            if number:
                out.append((number, (offset + groups[i][0], offset + groups[j - 1][1])))
                i = j
                found = True
                break
        if not found:
            i += 1
    return out


def _email_candidates(p: ParsedPage) -> list[_Candidate]:
    text, folded = p.text, p.folded
    out: list[_Candidate] = []
    if text.count("@") > MAX_HITS:  # "@" everywhere: the first and last ones are read
        ats = [m.start() for m in re.finditer("@", text)]
        return _emails_at(text, folded, p, _capped(ats))
    pos = text.find("@")
    while pos >= 0:
        lo = max(0, pos - 64)
        m = None
        for mm in _EMAIL.finditer(text, lo, min(len(text), pos + 80)):
            if mm.start() <= pos < mm.end():
                m = mm
                break
        if m:
            email = _clean_email(m.group())
            if email:
                out.append(_Candidate(email, m.start(), m.end(), extra={"excerpt": excerpt(text, m.start(), m.end(), 50)}))
            pos = text.find("@", m.end())
        else:
            pos = text.find("@", pos + 1)
    if "@" in text and " ." in text:
        # "ten@gmail .com": a space slipped (or put, against spam robots) before the suffix
        for m in _capped(list(_EMAIL_SPACED.finditer(text))):
            email = _clean_email(m.group(1) + "." + m.group(2))
            if email:
                out.append(_Candidate(email, m.start(), m.end(), extra={"excerpt": excerpt(text, m.start(), m.end(), 50)}))
    return _emails_at(text, folded, p, [], out)


_EMAIL_SPACED = re.compile(r"(?<![\w.%+\-])([A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*) \."
                           r"(com|vn|net|org|info|biz|edu|com\.vn|net\.vn|edu\.vn)(?![\w.])")


def _emails_at(text: str, folded: str, p: ParsedPage, ats: list[int],
               out: list[_Candidate] | None = None) -> list[_Candidate]:
    """E-mail addresses around the "@" at ``ats``, then the obfuscated and linked ones."""
    out = [] if out is None else out
    last_end = -1
    for pos in ats:
        if pos < last_end:
            continue
        m = next((mm for mm in _EMAIL.finditer(text, max(0, pos - 64), min(len(text), pos + 80))
                  if mm.start() <= pos < mm.end()), None)
        if m:
            last_end = m.end()
            email = _clean_email(m.group())
            if email:
                out.append(_Candidate(email, m.start(), m.end(), extra={"excerpt": excerpt(text, m.start(), m.end(), 50)}))
    if any(w in folded for w in _AT_WORDS):
        for m in _capped(list(_EMAIL_OBFUSCATED.finditer(folded))):
            email = _clean_email(f"{m.group(1)}@{_HIDDEN_DOT.sub('.', m.group(2))}")
            if email:
                out.append(_Candidate(email, m.start(), m.end(), extra={"excerpt": excerpt(text, m.start(), m.end(), 50)}))
    for link in p.links_matching(href_rx=_MAIL_LINK):
        href = link.href.strip()
        if href.lower().startswith("mailto:"):
            address = unquote(href[7:].split("?", 1)[0]).split(",")[0]
            email = _clean_email(address)
            if email:
                out.append(_Candidate(email, len(text), len(text), extra={"excerpt": href}))
        elif "/cdn-cgi/l/email-protection#" in href:
            email = _clean_email(decode_cfemail(href.rsplit("#", 1)[1]))
            if email:
                out.append(_Candidate(email, len(text), len(text), extra={"excerpt": "Cloudflare-protected e-mail"}))
    for value in p.cfemails:
        email = _clean_email(decode_cfemail(value))
        if email:
            out.append(_Candidate(email, len(text), len(text), extra={"excerpt": "Cloudflare-protected e-mail"}))
    return out


def _chat_links(p: ParsedPage) -> list[_Candidate]:
    end = len(p.text)
    out = []
    for link in p.links_matching(href_rx=_CHAT_RX):
        out.append(_Candidate(link.url, end, end, extra={"excerpt": f"<a href=\"{link.href}\">{link.text}</a>"}))
    return out


def decode_cfemail(hexed: str) -> str:
    """Cloudflare's e-mail obfuscation: the first byte XORs the rest."""
    try:
        data = bytes.fromhex(hexed.strip())
    except ValueError:
        return ""
    if len(data) < 2:
        return ""
    key = data[0]
    return bytes(b ^ key for b in data[1:]).decode("utf-8", "replace")


def _clean_email(raw: str) -> str | None:
    email = raw.strip().strip(".").lower()
    if email.count("@") != 1:
        return None
    local, host = email.split("@")
    if not local or "." not in host:
        return None
    if host.rsplit(".", 1)[-1] in _BAD_EMAIL_TLDS or any(bad in host for bad in _BAD_EMAIL_HOSTS):
        return None
    if local in ("email", "your-email", "youremail", "abc", "name", "ten", "example"):
        return None
    return email


# --- JSON-LD -----------------------------------------------------------------

_ORG_TYPES = {"organization", "localbusiness", "store", "onlinestore", "corporation", "onlinebusiness",
              "clothingstore", "electronicsstore", "homegoodsstore", "shoestore", "jewelrystore",
              "furniturestore", "hardwarestore", "bookstore", "grocerystore", "departmentstore",
              "autopartsstore", "petstore", "toystore", "sportinggoodsstore", "healthandbeautybusiness",
              "medicalbusiness", "pharmacy", "restaurant", "foodestablishment", "professionalservice"}


def _json_ld_disclosures(p: ParsedPage) -> dict[str, object]:
    out: dict[str, object] = {}
    for item in p.json_ld:
        if not (json_ld_types(item) & _ORG_TYPES):
            continue
        legal = _ld_text(item.get("legalName"))
        name = _ld_text(item.get("name"))
        if legal:
            out.setdefault("owner", legal)
        elif name and has_legal_form(name):
            out.setdefault("owner", name)
        for key in ("taxID", "vatID", "identifier"):
            value = _ld_text(item.get(key))
            if value and sum(c.isdigit() for c in value) >= 9:
                out.setdefault("reg", value)
        address = item.get("address")
        if isinstance(address, list) and address:
            address = address[0]
        if isinstance(address, dict):
            parts = [_ld_text(address.get(k)) for k in ("streetAddress", "addressLocality", "addressRegion")]
            joined = ", ".join(p for p in parts if p)
            if joined:
                out.setdefault("address", joined)
        elif isinstance(address, str) and address.strip():
            out.setdefault("address", address.strip())
        for key, slot in (("telephone", "phones"), ("email", "emails")):
            value = item.get(key)
            values = value if isinstance(value, list) else [value]
            for v in values:
                text = _ld_text(v)
                if text:
                    out.setdefault(slot, []).append(text)  # type: ignore[union-attr]
    return out


def _ld_text(value: object) -> str | None:
    if isinstance(value, str):
        return collapse_space(value) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return _ld_text(value.get("value") or value.get("name") or value.get("@value"))
    return None


# --- per page and across pages -------------------------------------------------

def page_disclosures(p: ParsedPage) -> PageDisclosures:
    """Everything one page discloses. Never raises on odd pages."""
    result = PageDisclosures(p)
    if p.is_portal or not p.text:
        return result
    own_from = footer_start(p)
    regs = _prefer_footer(_registration_candidates(p), own_from)
    for c in regs:
        parsed = c.extra.get("parsed")
        if parsed is not None and parsed.valid:
            c.score += _VALID_BONUS
    for c in regs:
        if _on_other_party_line(p.folded, c.start):
            c.score -= _OTHERS_NUMBER_MALUS
    result.reg = _best_registration(regs)
    blocked = [(c.extra.get("value_start", c.start), c.end) for c in regs]
    # an address word inside a registration label ("Mã số chi nhánh: ...") labels no address
    reg_labels = [(c.start, c.extra.get("value_start", c.start)) for c in regs]
    address_hits = [h for h in _ADDRESS_INDEX.finditer(p.folded, original=p.text)
                    if not any(lo <= h[0] < hi for lo, hi in reg_labels)]
    anchors = [c.start for c in regs] + [h[0] for h in address_hits][:20]
    named = _prefer_footer(_owner_candidates(p, anchors), own_from)
    operators = [c for c in named if _marketplace_operator(p, c)]  # named, but never the owner
    owners = [c for c in named if c not in operators]
    for c in owners:
        if _names_this_website(p, c):
            c.score += _WEBSITE_OWNER_BONUS
    if owners:
        best = _registered_name(max(owners, key=lambda c: (c.score, -c.start)), owners, p.folded)
        result.owner = _household_of(_written_out(best, owners), owners)
        _drop_others_numbers(regs, named, result.owner, p.folded)
        for c in regs:
            if _in_operator_block(c.start, operators, owners):
                c.score -= _OTHERS_NUMBER_MALUS
        result.reg = _best_registration(regs)
        if result.reg is None:  # a footer of bare lines: the name, then its code alone on the next line
            bare = _code_under_name(p.folded, p.text, result.owner)
            if bare is not None:
                regs.append(bare)
                blocked.append((bare.start, bare.end))
                result.reg = bare
    addresses = _address_candidates(p, address_hits)
    if not addresses:
        addresses = _unlabelled_addresses(p) or _card_line_addresses(p.folded, p.text)
    elif all(c.score <= _SECONDARY_SCORE for c in addresses):
        addresses += _main_beside_secondary(p, addresses)
    addresses = _prefer_footer(addresses, own_from)
    if result.owner is not None and _is_branch(result.owner.value):
        _prefer_branch(regs, addresses, result.owner)
        result.reg = _best_registration(regs)
    foreign = _foreign_anchors(result, regs, named, own_from, operators)
    addresses = [c for c in addresses if not _in_foreign_block(c.start, foreign)]  # an employer's, a seller's
    if addresses:
        result.address = _vietnamese_address(max(addresses, key=lambda c: (c.score, -c.start)), addresses)
    result.issuer, result.issue_date = _issuer_and_date(p, result.reg)
    principals = _principal_words(p, result.owner.value if result.owner else "")
    result.phones = _dedupe(_own_contacts(p, _phone_candidates(p, blocked), foreign, own_from, prose_too=True,
                                          principals=principals))
    result.emails = _dedupe(_own_contacts(p, _email_candidates(p), foreign, own_from, principals=principals))
    result.chats = _dedupe(_chat_links(p))
    _fill_from_json_ld(result)
    return result


# Labelled addresses scored this low are a workshop's, a warehouse's, a factory's (rank 4).
_SECONDARY_SCORE = 10.0 - 4


def _main_beside_secondary(p: ParsedPage, labelled: list[_Candidate]) -> list[_Candidate]:
    """When the only labelled addresses are a workshop's or a warehouse's ("Xưởng: Lô C7 KCN …"),
    the address beside them with no label (a map-pin icon before it) is the shop's own: it
    outranks them. Lines holding a labelled one are not read again."""
    out = []
    for c in _unlabelled_addresses(p):
        if not any(c.start < other.end and other.start < c.end for other in labelled):
            c.score = _SECONDARY_SCORE + 0.5
            out.append(c)
    return out


def _vietnamese_address(best: _Candidate, addresses: list[_Candidate]) -> _Candidate:
    """``best``, or the same address written in Vietnamese when ``best`` is its English rendering
    ("27 Nguyen Trung Truc Street, Ben Thanh Ward" beside "27 Nguyễn Trung Trực, Phường Bến
    Thành"): the registered address is the Vietnamese one."""
    if not _address_words(best.value) & ENGLISH_ADDRESS_WORDS:
        return best
    streets = _numbered_parts(best.value)
    province = province_in_address(best.value)
    same = [c for c in addresses if not _address_words(c.value) & ENGLISH_ADDRESS_WORDS
            and _numbered_parts(c.value) & streets and province_in_address(c.value) == province]
    return max(same, key=lambda c: (c.score, -c.start)) if same else best


def _address_words(value: str) -> set[str]:
    return set(_entity_key(value).split())


def _numbered_parts(value: str) -> set[str]:
    """The comma-separated parts of an address holding a number, folded, without the street's
    kind ("27 Nguyen Trung Truc Street" and "27 Nguyễn Trung Trực" give "27 nguyen trung truc")."""
    out = set()
    for part in fold(value).split(","):
        words = [w for w in re.sub(r"[^\w]+", " ", part).split() if w not in STREET_KIND_WORDS]
        if any(c.isdigit() for c in part) and len(words) >= 2:
            out.add(" ".join(words))
    return out


def _household_of(best: _Candidate, owners: list[_Candidate]) -> _Candidate:
    """``best``, or the household business a person heads ("Hộ kinh doanh X – Chủ hộ: Nguyễn
    Văn A"): the household business is the registered seller, its head a person behind it."""
    if best.extra.get("label") not in HOUSEHOLD_HEAD_LABELS:
        return best
    near = [c for c in owners if abs(c.start - best.start) <= _BLOCK_REACH
            and _expanded_key(c.value)[0].startswith("ho kinh doanh ")]
    return max(near, key=lambda c: (c.score, -c.start)) if near else best


# What a number is read with: the entity named just before it on its line.
_NUMBER_OWNER_REACH = 120
# How much a number standing beside another entity's name loses: less than an enterprise
# code beats a household number by, plus the footer bonus.
_OTHERS_NUMBER_MALUS = 4.0


def _drop_others_numbers(regs: list[_Candidate], owners: list[_Candidate], owner: _Candidate,
                         folded: str) -> None:
    """A number written right after another entity's name ("... của Công ty CP Y (MST 01...)")
    is that entity's: it loses to the owner's own number."""
    if len(regs) < 2:
        return
    own = _expanded_key(owner.value)[0]
    for c in regs:
        line_start = _line_start_within(folded, c.start, _NUMBER_OWNER_REACH)
        before = [o for o in owners if line_start <= o.start < c.start and o.end <= c.start + 1]
        if not before:
            continue
        named = max(before, key=lambda o: o.start)
        key = _expanded_key(named.value)[0]
        if has_legal_form(named.value) and key != own and key not in own and own not in key:
            c.score -= _OTHERS_NUMBER_MALUS


def _expanded_key(value: str) -> tuple[str, bool]:
    """(the name's key with an abbreviated legal form written out, whether it was abbreviated)."""
    key = _entity_key(value)
    for short, full in LEGAL_FORM_ABBREVIATIONS.items():
        short_key = _entity_key(short)
        if key.startswith(short_key + " "):
            return full + key[len(short_key):], True
    return key, False


def _written_out(best: _Candidate, owners: list[_Candidate]) -> _Candidate:
    """``best``, or the same entity with its legal form written out ("HTX X" -> "Hợp tác xã X"):
    the registered name is the written-out one."""
    key, abbreviated = _expanded_key(best.value)
    if not abbreviated:
        return best
    same = [c for c in owners if _expanded_key(c.value) == (key, False)]
    return max(same, key=lambda c: (c.score, -c.start)) if same else best


# "(tên tiếng Anh: X COMPANY LIMITED)" right before a name: a label of its foreign-language name.
_FOREIGN_NAME_LABEL = re.compile(
    r"(?<![a-z])(?:" + "|".join(map(re.escape, sorted(FOREIGN_NAME_LABELS, key=len, reverse=True)))
    + r")\s*(?:la)?\s*[:\uff1a\-–]?\s*$")
# How far before its foreign-language name the registered name is looked for (same sentence).
_FOREIGN_NAME_REACH = 200


def _registered_name(best: _Candidate, owners: list[_Candidate], folded: str) -> _Candidate:
    """``best``, or the Vietnamese name the page gives it as the translation of ("CÔNG TY TNHH
    BÔNG SEN (tên tiếng Anh: LOTUS COMPANY LIMITED)"): the registered name is the Vietnamese one."""
    if fold(best.value).startswith(LEGAL_FORM_STARTS):
        return best
    key = _entity_key(best.value)
    for alias in owners:
        if _entity_key(alias.value) != key or \
                not _FOREIGN_NAME_LABEL.search(folded, max(0, alias.start - 40), alias.start):
            continue
        lo = _line_start_within(folded, alias.start, _FOREIGN_NAME_REACH)
        before = [c for c in owners if lo <= c.start < alias.start and _entity_key(c.value) != key
                  and fold(c.value).startswith(LEGAL_FORM_STARTS)]
        if before:
            return max(before, key=lambda c: c.start)
    return best


# The footer speaks for the site; the rest of a page may name other entities (a seller on a
# marketplace, a product's maker, employers in a job list): its candidates score this much more.
_FOOTER_BONUS = 3.0
# Between two registration numbers otherwise alike, the one with a valid check digit is real.
_VALID_BONUS = 0.5


# "Website lamngocjewelry.vn thuộc sở hữu của Công ty X": the page says whose the site is, which
# outweighs where a name stands (a group's companies listed in the footer).
_WEBSITE_OWNER_BONUS = _FOOTER_BONUS + 1.0
_OWNERSHIP_REACH = 120


def _names_this_website(p: ParsedPage, c: _Candidate) -> bool:
    """Whether an ownership phrase ("thuộc sở hữu của", "owned by") gives ``c`` as the owner of
    this website: the site's name or the word "website" stands before it in its sentence."""
    if c.extra.get("label") not in OWNER_PHRASE_LABELS or not (has_legal_form(c.value) or is_person_name(c.value)):
        return False
    folded = p.folded
    lo = max(_line_start_within(folded, c.start, _OWNERSHIP_REACH), folded.rfind(". ", 0, c.start) + 1)
    before = folded[lo : c.start]
    if "website" in before or "trang web" in before:
        return True
    if p.site is None:
        return False
    label = p.site.split(".")[0]
    return len(label) >= 4 and label in before.replace(" ", "")


_OPERATOR_RX = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(o) for o in MARKETPLACE_OPERATORS) + r")(?![a-z])")


def _marketplace_operator(p: ParsedPage, c: _Candidate) -> bool:
    """Whether ``c`` names the company running a marketplace the seller also sells on ("Công ty
    TNHH Shopee"), on a site that is not the marketplace's own."""
    m = _OPERATOR_RX.search(fold(c.value))
    if m is None:
        return False
    return p.site is None or m.group().replace(" ", "") not in p.site


def _in_operator_block(pos: int, operators: list[_Candidate], owners: list[_Candidate]) -> bool:
    """Whether ``pos`` follows a marketplace operator's name (within a block's reach) with no
    other entity named in between: the operator's number, address or hotline."""
    before = [c.start for c in operators if c.start < pos <= c.start + _BLOCK_REACH]
    if not before:
        return False
    last = max(before)
    return not any(last < c.start < pos for c in owners)


def _prefer_footer(cands: list[_Candidate], own_from: int | None) -> list[_Candidate]:
    if own_from is not None:
        for c in cands:
            if c.start >= own_from:
                c.score += _FOOTER_BONUS
    return cands


# --- whose contact a phone or an e-mail is -------------------------------------

# A contact belongs to the last entity named before it within this many characters.
_BLOCK_REACH = 400
# A phone in a line of running text this long, with no contact word just before it,
# is quoted in an article ("phản ánh qua đường dây nóng ... theo số 024 ..."), not offered.
_PROSE_WORDS = 25
_CONTACT_RX = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in CONTACT_WORDS) + r")(?![a-z])")
_CREDIT_RX = re.compile("|".join(re.escape(w) for w in AGENCY_CREDITS))


def _entity_key(value: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(value)).split())


def _foreign_anchors(result: PageDisclosures, regs: list[_Candidate], owners: list[_Candidate],
                     own_from: int | None, operators: list[_Candidate] = ()) -> list[tuple[int, bool]]:
    """(position, is it another entity) of every entity named on the page, in page order:
    the site's own (its chosen owner and number, the footer) and the others (a marketplace's
    operator wherever it is named, even in a sentence of the footer)."""
    if result.reg is None and result.owner is None:
        return []
    anchors: list[tuple[int, bool]] = [] if own_from is None else [(own_from, False)]
    anchors += [(c.start, True) for c in operators]
    own_reg = result.reg.value if result.reg else None
    def outside(c: _Candidate) -> bool:  # the footer speaks for the site
        return own_from is None or c.start < own_from

    for c in regs:
        if own_reg is not None and c.value != own_reg and not outside(c):
            continue  # in the footer: judged by the entity it stands beside (see _footer_entity_blocks)
        anchors.append((c.start, own_reg is not None and c.value != own_reg))
    own_name = _entity_key(result.owner.value) if result.owner else ""
    spans = [(c.start, c.end) for c in regs]
    for c in owners:
        if any(lo <= c.start < hi for lo, hi in spans):
            continue  # "... đăng ký hộ kinh doanh số ...": a label, not an entity
        key = _entity_key(c.value)
        other = bool(own_name) and key != own_name and key not in own_name and own_name not in key
        anchors.append((c.start, other and outside(c) and has_legal_form(c.value)))
    if own_from is not None and own_name and has_legal_form(result.owner.value):
        for start, end in _footer_entity_blocks(result.page, own_from, own_name):
            anchors.append((start, True))
            if end is not None:  # a one-line entry: the lines after it are the site's again
                anchors.append((end, False))
    if not any(other for _, other in anchors):
        return []
    return sorted(anchors)


# A short label before an entity that opens a footer block ("Nhà máy rang:", "Đơn vị vận chuyển:").
_BLOCK_LABEL = re.compile(r"^[^\W\d][\w &/]{0,40}[:\uff1a\-–]$")


def _footer_entity_blocks(p: ParsedPage, own_from: int, own_name: str) -> list[tuple[int, int | None]]:
    """(start, end or None) of the blocks that, inside the footer, another named entity opens:
    a legal-form name that opens its line, alone or after a short label (a sister company, a
    carrier, a maker, a distributor listed with their own number and contacts). One named inside
    a sentence ("..., thành viên của Tập đoàn Y") opens none.

    A name after a label with its details on the same line ("Sản xuất bởi: Công ty CP Y – KCN
    Tân Bình, TP. HCM", "Nhà máy rang: Công ty X – MST ... – ĐT ...") is a one-line entry: its
    block ends with its line, unless the next line gives a registration number (its own). One
    that opens its line, or ends it, has its details on the next lines: its block goes on
    (``end`` None)."""
    folded, text = p.folded, p.text
    out: list[tuple[int, int | None]] = []
    for start, end, _label, _ in _capped(list(_LEGAL_START_INDEX.finditer(folded, own_from, None, text))):
        lead = folded[_line_start_within(folded, start, 60) : start].strip(" \t•*-–")
        if lead and not _BLOCK_LABEL.match(lead):
            continue
        cand = _entity_at(folded, text, start, end, credits_ok=True)
        if cand is None:
            continue
        key = _entity_key(cand.value)
        if key != own_name and key not in own_name and own_name not in key and \
                _expanded_key(cand.value)[0] != _expanded_key(own_name)[0]:
            line_end = _line_end_within(folded, start, _BLOCK_REACH)
            details = folded[start + len(cand.value) : line_end].strip(_SEP + ".,;–•·")
            nxt = _skip_separators(folded, line_end + 1, False)
            number_next = nxt < len(folded) and _REG_INDEX.match_at(folded, nxt, text) is not None
            one_line = bool(lead and details) and not number_next  # "MST: ..." next: the entry goes on
            out.append((start, line_end if one_line else None))
    return out


def _is_branch(name: str) -> bool:
    """"Chi nhánh Công ty X tại ...", "Công ty X – Chi nhánh Hà Nội"."""
    folded = fold(name)
    return folded.startswith(BRANCH_NAME_STARTS) or bool(_BRANCH_AFTER_DASH.search(folded))


_BRANCH_AFTER_DASH = re.compile(r" [-–] (?:" + "|".join(map(re.escape, BRANCH_NAME_STARTS)) + ")")


# What makes a branch's own code and address beat its parent's on a site the branch runs.
_BRANCH_BONUS = 4.0


def _prefer_branch(regs: list[_Candidate], addresses: list[_Candidate], owner: _Candidate) -> None:
    """A site run by a branch ("Chi nhánh Công ty X tại ...") discloses the branch: its 13-character
    code (parent code + "-NNN") and its address (labelled as the branch's, or the first one in the
    branch's block after its name) are the site's, the head office's are context."""
    after = [c for c in addresses if owner.end <= c.start <= owner.end + _BLOCK_REACH]
    if after:
        first = min(after, key=lambda c: c.start)
        if "chi nhanh" not in first.extra.get("label", ""):
            first.score += _BRANCH_BONUS
    for c in regs:
        parsed = c.extra.get("parsed")
        if parsed is not None and parsed.kind == IdKind.BRANCH:
            c.score += _BRANCH_BONUS
    for c in addresses:
        if "chi nhanh" in c.extra.get("label", ""):
            c.score += _BRANCH_BONUS


def _in_foreign_block(pos: int, anchors: list[tuple[int, bool]]) -> bool:
    """Whether ``pos`` lies in the block of another entity named just before it."""
    i = bisect_right([a[0] for a in anchors], pos) - 1
    return i >= 0 and anchors[i][1] and pos - anchors[i][0] <= _BLOCK_REACH


_PRINCIPAL_RX = re.compile(r"(?<![a-z])(?:" + "|".join(
    re.escape(w) for w in sorted(PRINCIPAL_PHRASES, key=len, reverse=True)) + r") ")
# Words of a principal's name too common to tell it apart.
_GENERIC_NAME_WORDS = frozenset({"viet", "nam", "vietnam", "vn", "group", "tap", "doan"})
# A contact's label: the words before it back to the previous separator, at most this long.
_LABEL_REACH = 60
_LABEL_SEPARATORS = re.compile(r".*(?:[|•·;,–]| - |\d)")


def _principal_words(p: ParsedPage, owner: str) -> list[str]:
    """The distinctive words of the principals a dealer or a franchisee names ("Đại lý ủy quyền
    của Toyota Việt Nam" -> "toyota"), leaving out words of the owner's own name."""
    folded, text = p.folded, p.text
    if not any(w.split()[0] in folded for w in PRINCIPAL_PHRASES):
        return []
    own = f" {_expanded_key(owner)[0]} " if owner else " "
    out: list[str] = []
    for m in _capped(list(_PRINCIPAL_RX.finditer(folded))):
        for name in _names_after(folded, text, m.end()):
            words = [w for w in name.split() if w not in _GENERIC_NAME_WORDS]
            for size in range(1, min(len(words), 4) + 1):  # the shortest opening not in the owner's name
                token = " ".join(words[:size])
                if f" {token} " not in own:
                    out.append(token)
                    break
    return out


_NAME_JOINS = frozenset({"cua", "thuoc", "cong", "ty", "co", "phan", "tnhh", "cp", "mtv", "jsc"})


def _names_after(folded: str, text: str, pos: int) -> list[str]:
    """Capitalised names (folded) from ``pos``: "Trà Sữa Mây của Công ty CP Mây Tea" gives the
    brand and the company's proper name."""
    names: list[str] = []
    words = text[pos : _line_end_within(text, pos, 120)].split()
    current: list[str] = []
    for word in words[:14]:
        bare = word.strip(",.;:()")
        low = fold(bare)
        if low in _NAME_JOINS:  # "của", a legal form's words: one name ends, the next may start
            if current:
                names.append(" ".join(current))
                current = []
            continue
        if not bare[:1].isupper():
            break
        current.append(low)
        if bare != word:  # punctuation ends the name
            break
    if current:
        names.append(" ".join(current))
    return names


def _principals_contact(folded: str, pos: int, principals: list[str]) -> bool:
    """Whether the label just before ``pos`` names a principal ("Tổng đài thương hiệu X: ...")."""
    lo = _line_start_within(folded, pos, _LABEL_REACH)
    label = folded[lo:pos]
    m = _LABEL_SEPARATORS.match(label)
    label = f" {label[m.end():] if m else label} "
    return any(f" {w} " in label or f" {w}:" in label for w in principals)


def _own_contacts(p: ParsedPage, cands: list[_Candidate], anchors: list[tuple[int, bool]],
                  own_from: int | None = None, prose_too: bool = False,
                  principals: list[str] | None = None) -> list[_Candidate]:
    """The candidates that are the site's own contacts: not in another entity's block (a seller,
    an employer, a maker), not introduced as someone else's (outside the footer), not in a web
    agency's credit, not quoted in an article."""
    folded = p.folded
    end = len(folded)
    kept: list[_Candidate] = []
    dropped: set[str] = set()  # someone else's: their tel: and mailto: links go too
    starts = [a[0] for a in anchors]
    for c in cands:
        if c.start >= end:  # a tel: or mailto: link: judged by the text's verdict below
            kept.append(c)
            continue
        i = bisect_right(starts, c.start) - 1
        other = i >= 0 and anchors[i][1] and c.start - anchors[i][0] <= _BLOCK_REACH
        if not other and (own_from is None or c.start < own_from):
            other = _introduced_as_others(p.text, c.start)
        if not other and principals:
            other = _principals_contact(folded, c.start, principals)
        if other or _in_credit(folded, c.start) or _on_other_party_line(folded, c.start) or \
                _carriers_contact(folded, c.start):
            dropped.add(c.value)
        elif not (prose_too and _in_prose(folded, c.start)):
            kept.append(c)
    seen_in_text = {c.value for c in kept if c.start < end}
    return [c for c in kept if c.start < end or c.value not in dropped or c.value in seen_in_text]


# How far back, within its sentence, a contact is read for whose it is.
_OWNER_WORDS_REACH = 160


def _introduced_as_others(text: str, pos: int) -> bool:
    """Whether the sentence before ``pos`` introduces the contact as a brand's or a maker's."""
    lo = _line_start_within(text, pos, _OWNER_WORDS_REACH)
    before = text[lo:pos]
    stops = [m.end() for m in _FULL_STOP.finditer(before)]  # not "TP. Hồ Chí Minh"
    before = before[stops[-1] if stops else 0:].lower()
    return any(w in before for w in THIRD_PARTY_CONTACT_WORDS)


# How far back the label opening a contact's or a number's line is looked for.
_OTHER_PARTY_REACH = 200


def _on_other_party_line(folded: str, pos: int) -> bool:
    """Whether the line of ``pos`` opens with a label of another party ("Nhà phân phối: ...",
    "Thiết kế website: ...", "Tuyển dụng: ...")."""
    line_start = _line_start_within(folded, pos, _OTHER_PARTY_REACH)
    # a sentence naming who imports or makes the goods just before the number ("... được nhập
    # khẩu và phân phối bởi: Công ty X – MST: ...")
    if _OTHER_PARTY_PHRASE.search(folded, max(line_start, pos - _OTHER_PARTY_PHRASE_REACH), pos) is not None:
        return True
    if line_start == pos - _OTHER_PARTY_REACH:
        return False  # the line opens farther back: a paragraph
    if folded[line_start:pos].lstrip(" \t-•*·|>").startswith(OTHER_PARTY_LINE_OPENERS):
        return True
    # the line under another party's ("Đối tác vận chuyển: Công ty X" / "MST: 0108314403")
    if line_start < 2 or pos - line_start > _OWN_LINE_LABEL:
        return False
    prev_start = _line_start_within(folded, line_start - 1, _OTHER_PARTY_REACH)
    return folded[prev_start:line_start].lstrip(" \t-•*·|>").startswith(OTHER_PARTY_LINE_OPENERS)


# How far into its line a number's label may start for the line to be the number's own.
_OWN_LINE_LABEL = 4


_OTHER_PARTY_PHRASE = re.compile(r"(?<![a-z])(?:phan phoi boi|nhap khau boi|san xuat boi|nhap khau va phan phoi boi"
                                 r"|nha nhap khau|don vi nhap khau|nha phan phoi|nha san xuat)(?: ?:| cong ty| ctcp)")
_OTHER_PARTY_PHRASE_REACH = 160


_PROVIDER_NAMES = sorted(CARRIER_NAMES + PAYMENT_PROVIDER_NAMES, key=len, reverse=True)
_CARRIERS = "|".join(re.escape(c) for c in _PROVIDER_NAMES)
_CARRIER_LABELS = "|".join(re.escape(c) for c in sorted(CARRIER_CONTACT_LABELS, key=len, reverse=True))
# "Hotline GHTK:", "Tổng đài của Viettel Post -", "GHN hotline", "Hotline VNPAY:" right before the number.
_CARRIER_CONTACT = re.compile(
    rf"(?<![a-z0-9])(?:(?:{_CARRIER_LABELS}) (?:cua )?(?:{_CARRIERS})|(?:{_CARRIERS}) (?:{_CARRIER_LABELS}))"
    r"[ :\-\uff1a]*$")
# How far before a number its label is read.
_CARRIER_LABEL_REACH = 40


def _carriers_contact(folded: str, pos: int) -> bool:
    """Whether the label right before the number at ``pos`` names a delivery company's or a payment
    intermediary's line ("Vận chuyển bởi GHTK – Hotline GHTK 1900 6092", "Thanh toán qua ví MoMo –
    Tổng đài MoMo: 1900 5454 41"): theirs, not the shop's."""
    before = folded[max(0, pos - _CARRIER_LABEL_REACH):pos]
    return bool(_CARRIER_CONTACT.search(before.rpartition("\n")[2]))


def _in_credit(folded: str, pos: int) -> bool:
    line_start = _line_start_within(folded, pos, 200)
    before = folded[line_start:pos]
    cut = max(before.rfind(sep) for sep in ("|", "•", "·"))
    return bool(_CREDIT_RX.search(before, cut + 1))


def _in_prose(folded: str, pos: int) -> bool:
    line_start, line_end = _line_start_within(folded, pos, 1000), _line_end_within(folded, pos, 1000)
    if folded.count(" ", line_start, line_end) < _PROSE_WORDS:
        return False
    if folded[max(line_start, pos - 3) : pos].rstrip().endswith((":", "\uff1a")):
        return False  # "Phòng kinh doanh: 0262 ...": a labelled contact in a long line, not a quote
    return not _CONTACT_RX.search(folded, max(line_start, pos - 30), pos)


def _fill_from_json_ld(result: PageDisclosures) -> None:
    p = result.page
    if not p.json_ld:
        return
    ld = _json_ld_disclosures(p)
    end = len(p.text)
    if result.owner is None and ld.get("owner"):
        result.owner = _Candidate(str(ld["owner"]), end, end, extra={"excerpt": "JSON-LD legalName"})
    if result.reg is None and ld.get("reg"):
        parsed = parse_registration_number(str(ld["reg"]))
        result.reg = _Candidate(parsed.normalised, end, end, 3.0,
                                {"label": "code", "parsed": parsed, "excerpt": "JSON-LD taxID"})
    if result.address is None and ld.get("address") and _plausible_address(str(ld["address"])):
        result.address = _Candidate(str(ld["address"]), end, end, extra={"excerpt": "JSON-LD address"})
    known = {c.value for c in result.phones}
    for raw in ld.get("phones", []):  # type: ignore[union-attr]
        number = normalise_phone(str(raw))
        if number and number not in known:
            known.add(number)
            result.phones.append(_Candidate(number, end, end, extra={"excerpt": "JSON-LD telephone"}))
    known = {c.value for c in result.emails}
    for raw in ld.get("emails", []):  # type: ignore[union-attr]
        email = _clean_email(str(raw).removeprefix("mailto:"))
        if email and email not in known:
            known.add(email)
            result.emails.append(_Candidate(email, end, end, extra={"excerpt": "JSON-LD email"}))


def _dedupe(cands: list[_Candidate]) -> list[_Candidate]:
    seen: set[str] = set()
    out = []
    for c in sorted(cands, key=lambda c: c.start):
        if c.value not in seen:
            seen.add(c.value)
            out.append(c)
    return out


def _found(p: ParsedPage, c: _Candidate) -> Found:
    ex = c.extra.get("excerpt") or excerpt(p.text, c.start, c.end)
    return Found(c.value, p.url, ex, p.sha256)


def combine(per_page: list[PageDisclosures]) -> Disclosures:
    """First page (in the order given: home first) that shows a value wins."""
    owner = reg = issuer = issue_date = address = None
    reg_page = None
    phones: list[Found] = []
    emails: list[Found] = []
    chats: list[Found] = []
    seen_phones: set[str] = set()
    seen_emails: set[str] = set()
    for pd in per_page:
        p = pd.page
        if owner is None and pd.owner:
            owner = _found(p, pd.owner)
        if reg is None and pd.reg:
            reg, reg_page = pd.reg, pd
            if pd.issuer:
                issuer = _found(p, pd.issuer)
            if pd.issue_date:
                issue_date = _found(p, pd.issue_date)
        if issuer is None and pd.issuer and reg_page is None:
            issuer = _found(p, pd.issuer)
        if address is None and pd.address:
            address = _found(p, pd.address)
        for c in pd.phones:
            if c.value not in seen_phones:
                seen_phones.add(c.value)
                phones.append(_found(p, c))
        for c in pd.emails:
            if c.value not in seen_emails:
                seen_emails.add(c.value)
                emails.append(_found(p, c))
        for c in pd.chats:
            if c.value not in {f.value for f in chats}:
                chats.append(_found(p, c))
    reg_found = kind = label = None
    valid: bool | None = None
    old = False
    if reg is not None and reg_page is not None:
        reg_found = _found(reg_page.page, reg)
        parsed = reg.extra.get("parsed")
        label = reg.extra.get("label")
        if parsed is not None:
            kind = str(parsed.kind)
            valid = parsed.valid
            if parsed.kind == IdKind.ENTERPRISE and not parsed.valid and label in ("certificate", "unlabelled"):
                if _OLD_CERTIFICATE.match(parsed.normalised):
                    old, valid = True, None
        else:
            kind = "decision" if label == "decision" else str(IdKind.OTHER)
    province = province_in_address(address.value) if address else None
    return Disclosures(
        owner_name=owner,
        registration_number=reg_found,
        registration_kind=kind,
        registration_label=label,
        registration_number_valid=valid,
        old_certificate=old,
        issuer=issuer,
        issue_date=issue_date,
        address=address,
        province=province,
        phones=tuple(phones),
        emails=tuple(emails),
        contact_links=tuple(chats),
        pages_checked=tuple(pd.page.url for pd in per_page if not pd.page.is_portal),
    )


def check_disclosures(pages: list[ParsedPage]) -> Disclosures:
    return combine([page_disclosures(p) for p in pages if not p.is_portal])


__all__ = [
    "PageDisclosures",
    "check_disclosures",
    "combine",
    "decode_cfemail",
    "has_legal_form",
    "is_person_name",
    "normalise_phone",
    "page_disclosures",
]
