"""The 34 provincial units in force since 2025-07-01 (Resolution 202/2025/QH15).

Old province names (the 63 units before the merger) map to the unit that
absorbed them, so an address written before July 2025 still lands in the right
Department's list. Keys are folded (no accents, lower case); see
:func:`monitor.text.fold`.
"""

from __future__ import annotations

import re

from monitor.text import fold

# New unit -> old units merged into it (the first is the unit's own old name).
UNITS: dict[str, tuple[str, ...]] = {
    "Hà Nội": ("Hà Nội",),
    "Huế": ("Thừa Thiên Huế", "Huế"),
    "Cao Bằng": ("Cao Bằng",),
    "Điện Biên": ("Điện Biên",),
    "Hà Tĩnh": ("Hà Tĩnh",),
    "Lai Châu": ("Lai Châu",),
    "Lạng Sơn": ("Lạng Sơn",),
    "Nghệ An": ("Nghệ An",),
    "Quảng Ninh": ("Quảng Ninh",),
    "Thanh Hóa": ("Thanh Hóa",),
    "Sơn La": ("Sơn La",),
    "Tuyên Quang": ("Tuyên Quang", "Hà Giang"),
    "Lào Cai": ("Lào Cai", "Yên Bái"),
    "Thái Nguyên": ("Thái Nguyên", "Bắc Kạn"),
    "Phú Thọ": ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
    "Bắc Ninh": ("Bắc Ninh", "Bắc Giang"),
    "Hưng Yên": ("Hưng Yên", "Thái Bình"),
    "Hải Phòng": ("Hải Phòng", "Hải Dương"),
    "Ninh Bình": ("Ninh Bình", "Hà Nam", "Nam Định"),
    "Quảng Trị": ("Quảng Trị", "Quảng Bình"),
    "Đà Nẵng": ("Đà Nẵng", "Quảng Nam"),
    "Quảng Ngãi": ("Quảng Ngãi", "Kon Tum"),
    "Gia Lai": ("Gia Lai", "Bình Định"),
    "Khánh Hòa": ("Khánh Hòa", "Ninh Thuận"),
    "Lâm Đồng": ("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    "Đắk Lắk": ("Đắk Lắk", "Phú Yên"),
    "Hồ Chí Minh": ("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
    "Đồng Nai": ("Đồng Nai", "Bình Phước"),
    "Tây Ninh": ("Tây Ninh", "Long An"),
    "Cần Thơ": ("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
    "Vĩnh Long": ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    "Đồng Tháp": ("Đồng Tháp", "Tiền Giang"),
    "Cà Mau": ("Cà Mau", "Bạc Liêu"),
    "An Giang": ("An Giang", "Kiên Giang"),
}

CITIES = frozenset({"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"})

# Spellings real addresses use besides the official names (folded).
_EXTRA_SPELLINGS: dict[str, str] = {
    "tp hcm": "Hồ Chí Minh",
    "tphcm": "Hồ Chí Minh",
    "tp.hcm": "Hồ Chí Minh",
    "hcm": "Hồ Chí Minh",
    "hcmc": "Hồ Chí Minh",
    "sai gon": "Hồ Chí Minh",
    "saigon": "Hồ Chí Minh",
    "ho chi minh city": "Hồ Chí Minh",
    "ha noi": "Hà Nội",
    "hanoi": "Hà Nội",
    "hn": "Hà Nội",
    "da nang": "Đà Nẵng",
    "danang": "Đà Nẵng",
    "hai phong": "Hải Phòng",
    "haiphong": "Hải Phòng",
    "can tho": "Cần Thơ",
    "hue": "Huế",
    "ba ria vung tau": "Hồ Chí Minh",
    "ba ria - vung tau": "Hồ Chí Minh",
    "ba ria-vung tau": "Hồ Chí Minh",
    "brvt": "Hồ Chí Minh",
    "vung tau": "Hồ Chí Minh",
    "dak lak": "Đắk Lắk",
    "daklak": "Đắk Lắk",
    "dac lac": "Đắk Lắk",
    "dak nong": "Lâm Đồng",
    "daknong": "Lâm Đồng",
    "thanh hoa": "Thanh Hóa",
    "thanh hoá": "Thanh Hóa",
    "hoa binh": "Phú Thọ",
    "khanh hoa": "Khánh Hòa",
    "nha trang": "Khánh Hòa",
    "bac can": "Thái Nguyên",
    "kontum": "Quảng Ngãi",
    "tt hue": "Huế",
    "thua thien - hue": "Huế",
}


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for unit, olds in UNITS.items():
        for name in (unit, *olds):
            index[fold(name).replace("-", " ").replace("  ", " ")] = unit
    for spelling, unit in _EXTRA_SPELLINGS.items():
        index[fold(spelling)] = unit
    return index


_INDEX = _build_index()
_PREFIX = re.compile(r"^(thanh pho|tinh|tp\.?|t\.)\s*", re.I)
# Longest names first so "ba ria vung tau" wins over "vung tau".
_NAMES = sorted(_INDEX, key=len, reverse=True)
_SCAN = re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(n) for n in _NAMES) + r")(?![a-z0-9])")


class UnknownProvince(ValueError):
    """A province name that is neither one of the 34 units nor an old name."""


def canonical_province(name: str) -> str:
    """Map a province name (new, old, with or without accents or ``Tỉnh``/``TP.``) to its unit.

    Raises :class:`UnknownProvince` when the name is not recognised.
    """
    key = fold(name).replace("-", " ").replace("–", " ")
    key = " ".join(key.split())
    key = _PREFIX.sub("", key).strip(" .,")
    if key in _INDEX:
        return _INDEX[key]
    compact = key.replace(" ", "")
    for spelling, unit in _INDEX.items():
        if spelling.replace(" ", "") == compact:
            return unit
    raise UnknownProvince(f"unknown province {name!r}; expected one of the 34 units or an old name")


# Names that are also common street or person names ("Nguyễn Huệ"): they count
# only after "Tỉnh"/"TP."/"Thành phố" or as the address's last part.
_AMBIGUOUS = frozenset({"hue", "hn"})
_UNIT_PREFIX = re.compile(r"(thanh pho|tinh|tp\.?|t\.p\.?)\s*$")
_TAIL = re.compile(r"^[\s,.;]*(viet ?nam|vn)?[\s,.;]*$")


def province_mentions(folded: str) -> list[tuple[int, int]]:
    """(start, end) of every province name in an already folded text, in order."""
    return [m.span(1) for m in _SCAN.finditer(folded)]


def province_in_address(address: str) -> str | None:
    """The unit an address belongs to, read from its last province mention."""
    folded = fold(address).replace("-", " ").replace("–", " ")
    folded = " ".join(folded.split())
    for match in reversed(list(_SCAN.finditer(folded))):
        name = match.group(1)
        if name in _AMBIGUOUS:
            before, after = folded[: match.start()], folded[match.end() :]
            if not (_UNIT_PREFIX.search(before) or _TAIL.match(after)):
                continue
        return _INDEX[name]
    return None
