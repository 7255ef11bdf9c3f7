"""Data the lookalike matcher reads: keywords, suffix classes, confusables, word lists.

Everything here is plain module-level data, one place each, so that an analyst
can add the keyword of a new scam wave or a newly abused TLD without touching
the matching code. All words are written without accents, in lower case.
"""

from __future__ import annotations

# --- Keywords scammers glue to a brand ------------------------------------
#
# A brand followed or preceded by these words is a "brand + keyword"
# lookalike (`cskh-shopee.com`, `shopeevn.shop`). Severe keywords promise
# support, prizes, refunds, jobs, loans or ask for a login: the words of the
# scams themselves. They raise the score above plain commerce words.
# (`hoanphi`, `cuoc`: the 2025-2026 waves refunding a "COD fee" in a delivery
# company's name, and billing telecom charges, `cước`; `0dong`, `combo`,
# `tet`, `lixi`: their offers, "trả góp 0 đồng", "vé 0 đồng", "combo Tết",
# "lì xì". `0dong` is written with its digit: its skeleton is `odong`.)

SEVERE_KEYWORDS: frozenset[str] = frozenset(
    """
    cskh chamsockhachhang chamsoc hotro tongdai hotline support helpdesk
    khuyenmai km uudai giamgia magiamgia sale sales flashsale sieusale bigsale megasale
    freeship voucher vouchers coupon deal deals sieudeal combo 0dong
    quatang tangqua nhanqua doiqua qua trian trungthuong giaithuong nhanthuong thuong tangve hoanve quaythuong
    quayso vongquay minigame lucky luckydraw gift gifts reward rewards bonus
    event events sukien promo promotion free mienphi giveaway tichdiem diem point points
    hoantien hoanhang hoantra doitra refund refunds claim nhantien chuyentien ruttien naptien
    login dangnhap dangky signin signup register verify verification xacminh xacthuc
    secure security baomat auth update capnhat confirm xacnhan unlock mokhoa kichhoat
    activate active recovery reset account accounts taikhoan otp
    ebank ebanking ibank ibanking ibiz digibank smartbank smartbanking mobilebanking
    internetbanking banking nganhang bank
    vay vaytien vayvon tindung thetindung hanmuc nangcap nangcaphanmuc nanghanmuc nanghang card credit loan loans
    tuyendung vieclam ctv congtacvien nhiemvu task tasks lamviec kiemtien affiliate aff
    hoahong seller sellers sellercenter kenhnguoiban banhang doitac partner partners
    vip vvip thanhtoan payment payments hoadon tracuu kiemtra check order orders donhang
    giaohang delivery shipper vanchuyen tracking buudien
    driver drivers taixe tuyentaixe doitactaixe
    thongbao datcoc tiencoc catdien ngungcapdien nocuoc tienno
    doisoat ketnoi chuyenkhoan napthe doithe muathe mothe motaikhoan kyc ekyc
    sinhtrac sinhtrachoc dinhdanh vneid chungthuc giahan baotri nhanluong lamthem
    dautu loinhuan chotdon xakho thanhly khaitruong sinhnhat tet lixi tiendien tiennuoc
    hoanphi cuoc cuocphi tracuoc dongcuoc
    """.split()
)

# Words that present a site as the brand's own outlet or channel.
CHANNEL_KEYWORDS: frozenset[str] = frozenset(
    """
    vn vietnam vnn www web site website portal page online onl internet
    official chinhhang authentic store stores shop shops outlet mall app apps mobile
    service services dichvu dv center centre trungtam care help info pay
    wallet vi the tragop cod baohanh hanghieu xachtay sieure ems digital
    """.split()
)

# Legal forms: the words that complete a company's registered name ("Công
# ty TNHH X", "X JSC", "X Corp"). Vietnamese enterprise names are unique
# nationwide (Law on Enterprises 2020, art. 41), so beside the brand's own
# name (`ctyfpt`, `phongvucorp`) one claims to be the brand's company; beside
# an alias made of words (`congtylongchau`) it names one of the many other
# companies sharing those words. `group` is no legal form (anyone trading
# under a name may call itself one): it stays an everyday word.
LEGAL_FORM_KEYWORDS: frozenset[str] = frozenset(
    "cty congty ctcp tnhh jsc corp corporation company inc ltd".split()
)

# Cities. Beside a brand's channel (`yame-outlet-hcm`) one says where that
# channel is; beside a short name alone (`yame-hcm`) it is part of another
# company's name, like other everyday words.
PLACE_KEYWORDS: frozenset[str] = frozenset("hcm hcmc hn hanoi saigon sg".split())

# Everyday and corporate words that also make up ordinary names (`kho`,
# `saigon`, `group`). Next to an invented brand (`shopee-hcm`) they read as
# keywords; next to a brand made of words (`seabank-group`) or a short one
# (`ghn-express`) they make just another company name, so they count as
# other words there (legal forms and cities only in part: see above).
COMMON_KEYWORDS: frozenset[str] = LEGAL_FORM_KEYWORDS | PLACE_KEYWORDS | frozenset(
    """
    sieuthi muasam market pro plus max top hot new moi now today h24 club asia
    global group hq com net org news tintuc review reviews fan fans home my go get id
    express ship shipping cloud smart plaza
    giare giatot giasoc hang kho khohang sanpham product products hub
    live tv media zone land world
    """.split()
)

NEUTRAL_KEYWORDS: frozenset[str] = CHANNEL_KEYWORDS | COMMON_KEYWORDS

KEYWORDS: frozenset[str] = SEVERE_KEYWORDS | NEUTRAL_KEYWORDS

# Single letters glued to a long brand (`isacombank`, `shopees`, `eshopee`)
# read as prefixes or plurals, not as another word.
SINGLE_LETTER_MIN_BRAND = 6

# --- Suffixes --------------------------------------------------------------

# Cheap generic TLDs that dominate phishing feeds. The same short name under
# one of these is suspicious; under .com/.org it is often a foreign company.
SCAM_TLDS: frozenset[str] = frozenset(
    """
    top xyz online site shop store vip club icu live link click cc tk ml ga cf gq
    buzz fun life work bar rest cyou sbs cfd today win bid loan support help
    services center ltd cam monster lol best mom quest skin hair beauty fit mobi
    asia info biz pw ws su space website tech host press pro ink sale deals promo
    bond autos boats
    """.split()
)


# Two-letter country TLDs used worldwide as generic ones (`.co`, `.io`, `.me`).
GLOBAL_CCTLDS: frozenset[str] = frozenset("co io me tv ai ly gg to fm so am la cx ms nu sh ac gl is".split())


def suffix_class(suffix: str, hosting: frozenset[str]) -> str:
    """One of ``vn``, ``hosting``, ``scam``, ``foreign`` or ``generic`` for a public suffix.

    ``foreign``: another country's TLD (``.de``, ``.co.kr``), where a company
    of the same name is more likely than a scam aimed at Vietnamese shoppers.
    """
    if suffix == "vn" or suffix.endswith(".vn"):
        return "vn"
    if suffix in hosting:
        return "hosting"
    tld = suffix.rsplit(".", 1)[-1]
    if suffix in SCAM_TLDS or tld in SCAM_TLDS:
        return "scam"
    first = suffix.split(".", 1)[0]
    # Private PSL entries (blogspot.com, github.io, ddns.net) are registrable
    # names of a company; ccTLD second levels (co.uk, com.au) are short.
    if "." in suffix and len(first) > 3:
        return "hosting"
    if len(tld) == 2 and tld not in GLOBAL_CCTLDS:
        return "foreign"
    return "generic"


# --- Confusables -----------------------------------------------------------
#
# Applied after accents are stripped (NFKD), so fullwidth and mathematical
# letters are already plain Latin. Each entry maps one character to the Latin
# letter it imitates in a browser's address bar.

UNICODE_CONFUSABLES: dict[str, str] = {
    # Cyrillic
    "а": "a", "в": "b", "г": "r", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h",
    "о": "o", "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ь": "b",
    "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "ӏ": "l", "ү": "y", "ҫ": "c", "ѵ": "v", "ѡ": "w", "ҽ": "e", "ɡ": "g", "ԍ": "g",
    "ꙅ": "s", "ᴦ": "r",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u",
    "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c",
    "ϳ": "j", "ς": "c",
    # Armenian
    "օ": "o", "ո": "n", "ս": "u", "ց": "g", "հ": "h", "զ": "q",
    # Latin look-alikes that do not decompose
    "ı": "i", "ȷ": "j", "ɑ": "a", "ɩ": "i", "ɪ": "i", "ʏ": "y", "ʟ": "l", "ᴄ": "c",
    "ᴏ": "o", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ᴢ": "z", "ł": "l", "ƚ": "l", "ɫ": "l",
    "ø": "o", "ɵ": "o", "ð": "d", "đ": "d", "ħ": "h", "ŧ": "t", "ƀ": "b", "ɓ": "b",
    "ƈ": "c", "ɗ": "d", "ƒ": "f", "ɠ": "g", "ɦ": "h", "ƙ": "k", "ɱ": "m", "ɲ": "n",
    "ƥ": "p", "ʠ": "q", "ʂ": "s", "ƭ": "t", "ʋ": "v", "ƴ": "y", "ȥ": "z", "ǀ": "l",
    "ɒ": "a", "ɛ": "e", "ɔ": "c", "ʃ": "f",
}

# ASCII look-alikes, one character for another. The skeleton maps each class
# to one representative: `1/l/i` → `l`, `0/o` → `o`.
ASCII_CONFUSABLES: dict[str, str] = {"0": "o", "1": "l", "i": "l", "|": "l"}

# Letter pairs that read as one letter: `rn` → `m`, `vv` → `w`.
SEQUENCE_CONFUSABLES: dict[str, str] = {"rn": "m", "vv": "w"}

# Letter pairs that read as one letter too, but are no part of the skeleton:
# `cl` → `d` (`clienmayxanh`). In Vietnamese a syllable ending in `c` often
# meets one beginning with `l` (`nhathuoclongchau`, `phuoclong`), and `i`/`1`
# would join the class (`ci` → `cl`, so `pharmacist` reads near `pharmacity`).
# They are undone only on a misspelt segment, to tell the pair from two edits
# (skeleton.pair_lookalike).
PAIR_CONFUSABLES: dict[str, str] = {"cl": "d"}

# --- Typo plausibility -------------------------------------------------------

# QWERTY neighbours: a substitution or insertion of a neighbouring key is a
# fat-finger typo; a substitution of a distant key usually is another word.
_KEYBOARD_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    pos = {ch: (r, c) for r, row in enumerate(_KEYBOARD_ROWS) for c, ch in enumerate(row)}
    return {
        ch: frozenset(o for o, (r2, c2) in pos.items() if o != ch and abs(r2 - r) <= 1 and abs(c2 - c) <= 1)
        for ch, (r, c) in pos.items()
    }


KEYBOARD_NEIGHBOURS: dict[str, frozenset[str]] = _keyboard_neighbours()

# Letters that stand in for each other visually or phonetically in Vietnamese
# spellings of a brand (beyond the skeleton's classes).
SIMILAR_LETTERS: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in ("gq", "ce", "ao", "uv", "nh", "nm", "bd", "pq", "yi", "yl", "kc", "sz", "dg", "ck")
)

# --- Other real names ------------------------------------------------------------
#
# Real Vietnamese banks, wallets and carriers, spelled as their domains are.
# Several sit one letter from another (`vietbank`/`vietinbank`,
# `lpbank`/`vpbank`, `abbank`/`mbbank`): a label spelled exactly like one of
# them is that company, never a typo of a registered brand, whether or not it
# is in the registry itself.

KNOWN_NAMES: frozenset[str] = frozenset(
    """
    vietcombank vietinbank bidv agribank techcombank mbbank acb vpbank tpbank sacombank
    hdbank vib shb seabank ocb msb eximbank lpbank lienvietpostbank scb abbank bacabank
    namabank vietabank vietbank baovietbank kienlongbank ncb pgbank saigonbank bvbank
    vietcapitalbank pvcombank oceanbank gpbank cbbank dongabank vrb indovinabank ivb
    vikkibank mbv shinhan hsbc woori uob cimb publicbank hongleong standardchartered
    momo zalopay vnpay shopeepay viettelmoney viettelpay vnptmoney moca payoo foxpay
    ghtk ghn viettelpost vnpost ninjavan ahamove lalamove
    """.split()
)

# --- Generic names -------------------------------------------------------------
#
# A registered shop called `sale.vn` or `laptop.vn` has no brand to imitate
# inside longer names: its name is matched only as a whole label.

COMMON_WORDS: frozenset[str] = frozenset(
    """
    shop store sale mall market home food book books tech phone phones game games
    baby beauty fashion style cake coffee tea milk wine beer car cars bike auto
    laptop camera mobile computer online office house land hotel travel tour tours
    music movie movies photo photos design print gift gifts toys toy pet pets
    health care spa nail hair skin shoes shoe bag bags watch watches gold jewelry
    flower flowers garden kitchen furniture sport sports fitness yoga outlet
    deal deals best good nice happy love life smart digital express global asia
    star sun moon sky sea ocean blue green red black white pink gold silver king
    queen royal lucky happy kids kid men women lady mom mart box fresh organic
    natural pure vita life living light art craft handmade vintage luxury premium
    circle highland square triangle corner center central united
    national international general standard classic modern future vision
    ocean river mountain island forest valley field park garden point bridge
    tower house castle palace village town country nation people family friend
    friends team club union alliance partner partners network system systems
    solution solutions service services support software hardware data cloud
    web net online mobile phone phones cell cellphone computer laptop tablet
    camera video audio sound music radio book books paper print press media
    news daily weekly times post journal magazine review blog forum chat talk
    game games play player sport sports ball football soccer tennis golf
    racing speed fast quick easy simple smart clever bright fresh clean green
    pharmacy pharma clinic doctor dental medical bank finance money cash
    coin crypto invest capital insurance energy power solar electric logistics
    transport cargo airline airlines air jet fly travel post mail telecom network
    city world news media group plus prime pro max mini super mega ultra
    thoitrang mypham dienthoai maytinh noithat giay dep tui dongho nhathuoc
    """.split()
)
