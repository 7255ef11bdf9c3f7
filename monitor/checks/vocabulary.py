"""Words the checks look for, in one place (STYLE.md: data over code).

Every string here is *folded* (see :func:`monitor.text.fold`): lower case,
no accents, ``đ`` written ``d``, single spaces. ``GPĐKKD`` is written
``gpdkkd``; ``Địa chỉ`` is ``dia chi``. Labels are matched as whole words,
so ``mst`` does not match inside ``amsterdam``.

To support a new spelling seen on a real site, add it to the right table;
no code changes are needed. Keep the most specific spellings: the matcher
always prefers the longest label that matches at a position.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

_T = TypeVar("_T")


def with_variants(items: Iterable[tuple[str, _T]]) -> Iterator[tuple[str, _T]]:
    """Labels with both spellings of "ký"/"kí" ("đăng ký" and "đăng kí")."""
    for label, tag in items:
        yield label, tag
        words = label.split(" ")
        if "ky" in words:
            yield " ".join("ki" if w == "ky" else w for w in words), tag

# --- Owner disclosures (Decree 52 Art. 29) ---------------------------------

# Registration-number labels -> what the label says the number is.
#   "code":        enterprise / tax code (10 digits or 13-char branch): check digit applies
#   "certificate": business-registration certificate number (may be a pre-2010 number)
#   "household":   household business registration number
#   "decision":    establishment decision of an organisation
#   "personal":    an individual's 12-digit personal identification number
REG_LABELS: dict[str, str] = {
    # enterprise / tax code
    "mst": "code",
    "m.s.t": "code",
    "m.s.t.": "code",
    "ma so thue": "code",
    "ma so thue ca nhan": "code",
    "ma so thue doanh nghiep": "code",
    "ma so doanh nghiep": "code",
    "ma so dn": "code",
    "ma so dang ky doanh nghiep": "code",
    "ma doanh nghiep": "code",
    "ma dn": "code",
    "msdn": "code",
    "m.s.d.n": "code",
    "m.s.d.n.": "code",
    "ms dn": "code",
    "ma so thue/ma so doanh nghiep": "code",
    "tax code": "code",
    "taxcode": "code",
    "tax id": "code",
    "tax number": "code",
    "tax no": "code",
    "tax no.": "code",
    "tax identification number": "code",
    "enterprise code": "code",
    "enterprise no": "code",
    "enterprise number": "code",
    "business code": "code",
    "company code": "code",
    "ma so thue/cccd": "code",
    "mst/cccd": "code",
    "mst ca nhan": "code",
    "mst doanh nghiep": "code",
    "mst cong ty": "code",
    "ma so thue cong ty": "code",
    # business registration certificate
    "gpdkkd": "certificate",
    "gp dkkd": "certificate",
    "gp.dkkd": "certificate",
    "gp-dkkd": "certificate",
    "gpkd": "certificate",
    "gp kd": "certificate",
    "gp.kd": "certificate",
    "giay phep kinh doanh": "certificate",
    "giay phep dkkd": "certificate",
    "giay phep dang ky kinh doanh": "certificate",
    "giay cndkdn": "certificate",
    "giay cn dkdn": "certificate",
    "giay cn.dkdn": "certificate",
    "giay cndkkd": "certificate",
    "giay cn dkkd": "certificate",
    "giay dkkd": "certificate",
    "giay dkdn": "certificate",
    "gcndkdn": "certificate",
    "gcn dkdn": "certificate",
    "gcn.dkdn": "certificate",
    "gcndkkd": "certificate",
    "gcn dkkd": "certificate",
    "cndkdn": "certificate",
    "cn dkdn": "certificate",
    "cndkkd": "certificate",
    "cn dkkd": "certificate",
    "giay chung nhan dang ky doanh nghiep": "certificate",
    "giay chung nhan dang ky kinh doanh": "certificate",
    "giay chung nhan dkkd": "certificate",
    "giay chung nhan dkdn": "certificate",
    "giay chung nhan dang ky": "certificate",
    "chung nhan dang ky doanh nghiep": "certificate",
    "chung nhan dang ky kinh doanh": "certificate",
    "so dkkd": "certificate",
    "dkkd": "certificate",
    "d.k.k.d": "certificate",
    "dkdn": "certificate",
    "so dang ky kinh doanh": "certificate",
    "dang ky kinh doanh": "certificate",
    "so giay chung nhan": "certificate",
    "business registration": "certificate",
    "business registration number": "certificate",
    "business registration certificate": "certificate",
    "business registration no": "certificate",
    "business license": "certificate",
    "business licence": "certificate",
    "registration no": "certificate",
    "registration number": "certificate",
    "company registration": "certificate",
    "company registration number": "certificate",
    "enterprise registration": "certificate",
    "enterprise registration certificate": "certificate",
    "certificate of business registration": "certificate",
    "cnkd": "certificate",
    "giay cnkd": "certificate",
    "so giay cnkd": "certificate",
    "gcnkd": "certificate",
    "gcn kd": "certificate",
    "giay cn kd": "certificate",
    "giay chung nhan kinh doanh": "certificate",
    "chung nhan kinh doanh": "certificate",
    "so giay phep kinh doanh": "certificate",
    # cooperative: since the 2023 Law on Cooperatives its registration code is its tax code
    "giay chung nhan dang ky hop tac xa": "code",
    "dang ky hop tac xa": "code",
    "ma so hop tac xa": "code",
    "ma so htx": "code",
    "ma htx": "code",
    # a branch (chi nhánh): its own 13-character code, parent code + "-NNN"
    "ma so chi nhanh": "code",
    "branch code": "code",
    "branch tax code": "code",
    "ma chi nhanh": "code",
    "mst chi nhanh": "code",
    "ma so thue chi nhanh": "code",
    # household business
    "giay chung nhan dang ky ho kinh doanh": "household",
    "giay chung nhan dkhkd": "household",
    "dang ky ho kinh doanh": "household",
    "so dang ky ho kinh doanh": "household",
    "ho kinh doanh so": "household",
    "ma so ho kinh doanh": "household",
    "gcn dkhkd": "household",
    "gcndkhkd": "household",
    "dkhkd": "household",
    "so hkd": "household",
    "ma so hkd": "household",
    "gpkd hkd": "household",
    "household business registration": "household",
    # an individual's personal identification number, the tax code since 2025-07-01 (vn-rules §5.2)
    "so dinh danh ca nhan": "personal",
    "ma so dinh danh ca nhan": "personal",
    "ma dinh danh ca nhan": "personal",
    "so dinh danh": "personal",
    "so cccd": "personal",
    "can cuoc cong dan": "personal",
    "so can cuoc": "personal",
    # organisation
    "quyet dinh thanh lap": "decision",
    "qd thanh lap": "decision",
    "establishment decision": "decision",
}

# Words allowed between a label and its value ("MST số: ...", "GPĐKKD No. ...").
REG_VALUE_LEAD = ("so", "no", "no.", "number", "la", "#", "ma so", "ma")

# Issuers of registration certificates; a number directly followed by
# "do <issuer> cấp" is a registration number even without a label.
ISSUER_STARTS = (
    "so ke hoach", "so kh", "so k.h", "so khdt", "so kh&dt", "so kh & dt", "so kh va dt", "so kh-dt",
    "so khvdt", "so kh&đt", "so tai chinh", "so tc", "so cong thuong",
    "phong dang ky kinh doanh", "phong dkkd", "phong tai chinh", "phong tc", "phong kinh te",
    "ubnd", "u.b.n.d", "uy ban nhan dan", "cuc thue", "chi cuc thue", "cuc quan ly",
    "bo ke hoach", "bo tai chinh", "department of planning", "department of finance",
    "hanoi department", "ho chi minh city department", "dpi",
)
# Words opening an entity name that are a branch of it ("Chi nhánh Công ty ..."): a site run by a
# branch discloses the branch's code and address, the parent's only beside them.
BRANCH_NAME_STARTS: tuple[str, ...] = ("chi nhanh", "cn cong ty", "branch of")
# Abbreviated legal forms -> the form written out. "HTX X" and "Hợp tác xã X" on one page name
# one entity; the written-out form is its registered name.
LEGAL_FORM_ABBREVIATIONS: dict[str, str] = {
    "htx": "hop tac xa", "cty": "cong ty", "c.ty": "cong ty", "c ty": "cong ty", "dntn": "doanh nghiep tu nhan",
    "hkd": "ho kinh doanh", "vpdd": "van phong dai dien",
}
# Labels whose value is the issuer, when it is not next to the number ("Nơi cấp: Sở ...").
ISSUER_LABELS = ("noi cap", "co quan cap", "issued by", "place of issue")
ISSUE_DATE_LABELS = (
    "cap ngay", "ngay cap", "cap lan dau ngay", "cap lan dau", "dang ky lan dau ngay",
    "dang ky lan dau", "ngay dang ky", "date of issue", "issued on", "dated", "ngay",
)

# Labels naming the owner. Values after these are owner names even without
# a legal form ("Chủ sở hữu: Nguyễn Văn An").
OWNER_LABELS: tuple[str, ...] = (
    "ten cong ty", "ten doanh nghiep", "ten dn", "ten don vi", "ten to chuc", "ten thuong nhan",
    "ten chu so huu", "ten ho kinh doanh", "ten hkd", "ten nguoi ban", "ten phap ly",
    "ten chu the", "ten giao dich", "chu so huu", "chu so huu website", "chu so huu trang web",
    "chu website", "chu shop", "chu cua hang", "chu ho kinh doanh", "chu ho", "don vi chu quan",
    "don vi so huu", "don vi van hanh", "don vi quan ly", "co quan chu quan", "cong ty chu quan",
    "thuong nhan", "ca nhan", "nguoi ban", "website thuoc so huu cua", "website duoc so huu boi",
    "so huu boi", "thuoc so huu cua", "van hanh boi", "owned by", "operated by", "company name",
    "company", "owner", "legal name", "registered name", "ban quyen thuoc ve", "copyright by",
    "ho va ten", "ho ten", "chu co so", "chu xuong", "chu tiem", "chu doanh nghiep",
    "chu vuon", "chu trang trai", "chu trai", "chu quan", "chu nha hang", "chu xe", "chu tau",
    "ca nhan cua",
)
# Labels of a name in a foreign language ("CÔNG TY TNHH X (tên tiếng Anh: X COMPANY LIMITED)"): the
# registered name is the Vietnamese one before them, the name after them a translation of it.
FOREIGN_NAME_LABELS: tuple[str, ...] = (
    "ten tieng anh", "ten bang tieng anh", "ten tieng nuoc ngoai", "ten bang tieng nuoc ngoai",
    "ten nuoc ngoai", "ten giao dich quoc te", "ten giao dich tieng anh", "ten quoc te",
    "english name", "foreign name", "international name",
)
# Labels naming the head of a household business: a household business's name beside them
# ("Hộ kinh doanh X") is the registered seller's name, the head's is not.
HOUSEHOLD_HEAD_LABELS = frozenset({"chu ho", "chu ho kinh doanh"})
# Owner labels that read as a phrase ("Website thuộc sở hữu của ..."); every
# other owner label needs a colon, a dash or a line end after it, so "cá
# nhân. Công ty ..." in running text is not a label.
OWNER_PHRASE_LABELS = frozenset({
    "website thuoc so huu cua", "website duoc so huu boi", "so huu boi", "thuoc so huu cua", "van hanh boi",
    "owned by", "operated by", "ban quyen thuoc ve", "copyright by", "ca nhan cua",
})
# Owner labels whose value must itself look like an entity or a person's
# name: a brand after "Bản quyền thuộc về" is not the owner.
WEAK_OWNER_LABELS = frozenset({
    "ban quyen thuoc ve", "copyright by", "company", "ho va ten", "ho ten", "ca nhan", "owner",
    "nguoi ban", "thuong nhan",
    # a farm's, a stall's owner: a person's name (or an entity) must follow
    "chu vuon", "chu trang trai", "chu trai", "chu quan", "chu nha hang", "chu xe", "chu tau",
    # "blog cá nhân của Đỗ Minh Khoa": a person's name must follow
    "ca nhan cua",
})

# Legal forms that open an entity name ("CÔNG TY TNHH ...", "Hộ kinh doanh ...").
LEGAL_FORM_STARTS: tuple[str, ...] = (
    "cong ty", "cty", "c.ty", "c ty", "chi nhanh cong ty", "chi nhanh cty", "doanh nghiep tu nhan",
    "dntn", "ho kinh doanh", "hkd", "hop tac xa", "htx", "tap doan", "tong cong ty",
    "van phong dai dien",
)
# English legal forms close an entity name ("ABC Trading Co., Ltd").
LEGAL_FORM_ENDS: tuple[str, ...] = (
    "co., ltd", "co.,ltd", "co. ltd", "co ltd", "co.ltd", "company limited", "company ltd",
    "joint stock company", "jsc", "j.s.c", "corporation", "corp", "llc", "inc", "limited",
    "limited liability company", "liability limited company",
    "group", "pte. ltd", "pte ltd",
)
# Who appears in credits, not as owner: platforms, web agencies, carriers, banks.
CREDIT_CONTEXT: tuple[str, ...] = (
    "cung cap boi", "cung cap giai phap", "powered by", "thiet ke boi", "thiet ke web", "thiet ke website",
    "designed by", "design by", "developed by", "phat trien boi", "xay dung boi", "website by",
    "web by", "hosting", "van chuyen", "giao hang", "doi tac", "partner", "ngan hang", "thanh toan qua",
    "chuyen khoan", "tai khoan", "so tk", "stk", "dai ly", "phan phoi boi", "nha phan phoi",
    "nha cung cap", "khach hang", "tuyen dung",
)
# Labels opening a line about another party (a web agency, a distributor, a carrier, a job post):
# a registration number or a phone on that line is theirs, not the site owner's
# ("Nhà phân phối chính thức: Công ty CP Y (MST ..., ĐT ...)", "Tuyển dụng: ..., liên hệ HR 09...").
OTHER_PARTY_LINE_OPENERS: tuple[str, ...] = (
    "nha phan phoi", "phan phoi boi", "doi tac", "thiet ke website", "thiet ke web", "thiet ke boi",
    "thiet ke va phat trien", "website by", "designed by", "design by", "developed by", "powered by",
    "tuyen dung", "don vi van chuyen", "nha cung cap", "nha san xuat", "san xuat boi",
    # a payment gateway's line ("Cổng thanh toán: VNPAY – Công ty CP ... (Hotline: 1900 ...)")
    "cong thanh toan", "trung gian thanh toan", "don vi trung gian thanh toan",
)
# Credits of whoever built or hosts the site: a phone or e-mail after these on the
# same line is the agency's ("Thiết kế website bởi ... – Hotline kỹ thuật: ...").
AGENCY_CREDITS: tuple[str, ...] = (
    "thiet ke boi", "thiet ke web", "thiet ke website", "designed by", "design by", "developed by",
    "phat trien boi", "website by", "web by", "powered by", "cung cap boi", "xay dung boi",
    "thiet ke va phat trien", "lap trinh boi",
)
# Words that introduce a phone number as a contact ("Hotline: ...", "Gọi ngay ...").
CONTACT_WORDS: tuple[str, ...] = (
    "hotline", "dien thoai", "dt", "sdt", "tel", "phone", "goi", "lien he", "zalo", "tong dai", "cskh",
    "mobile", "di dong", "email", "e-mail", "mail", "fax",
)
# Words naming someone else's contact before a phone or an e-mail, outside the footer: a brand's
# office, a maker's warranty line ("Tổng đài bảo hành của hãng: 1900 ..."). Written with accents
# and matched on the lower-cased page text: folded, "hãng" (brand) reads as "hàng" (goods).
THIRD_PARTY_CONTACT_WORDS: tuple[str, ...] = (
    "của hãng", "đại diện hãng", "văn phòng hãng", "hãng sản xuất", "nhà sản xuất", "trung tâm bảo hành hãng",
)
# Phrases by which a dealer, a franchisee or a distributor names its principal (folded); the
# principal's name follows. A contact labelled with the principal's name ("Tổng đài thương hiệu
# X:", "Trung tâm chăm sóc khách hàng X:") is the principal's national line, not the site's.
PRINCIPAL_PHRASES: tuple[str, ...] = (
    "dai ly uy quyen cua", "dai ly uy quyen", "dai ly chinh thuc cua", "dai ly chinh hang cua",
    "dai ly chinh thuc", "dai ly cap 1 cua", "nhuong quyen thuong hieu", "nhuong quyen cua",
    "nha phan phoi chinh thuc cua", "nha phan phoi doc quyen cua", "authorized dealer of",
    "authorised dealer of", "franchisee of",
)
# Delivery companies (folded). A contact label naming one ("Hotline GHTK: 1900 ...", "Tổng đài
# Viettel Post ...") gives the carrier's line, not the shop's.
CARRIER_NAMES: tuple[str, ...] = (
    "ghtk", "giao hang tiet kiem", "ghn", "giao hang nhanh", "viettel post", "viettelpost", "vnpost",
    "vn post", "vietnam post", "buu dien", "ems", "j&t", "j&t express", "jt express", "ninja van",
    "ninjavan", "best express", "ahamove", "grab", "grabexpress", "lalamove", "gojek", "kerry express",
    "shopee express", "spx", "nhat tin", "swift247",
)
# Payment intermediaries (folded): wallets and gateways. A contact label naming one ("Hotline
# VNPAY:", "Tổng đài MoMo") gives the intermediary's line, not the shop's. Names that are also
# ordinary words or shop names ("bảo kim", "ngân lượng") are kept only in their joined spelling.
PAYMENT_PROVIDER_NAMES: tuple[str, ...] = (
    "vnpay", "vnpay-qr", "momo", "vi momo", "zalopay", "shopeepay", "onepay", "payoo", "napas", "alepay",
    "baokim", "nganluong", "vnptpay", "vnpt pay", "viettel money", "viettelpay",
)
# Contact labels a carrier's or a payment intermediary's name can stand beside, before or after it.
CARRIER_CONTACT_LABELS: tuple[str, ...] = (
    "hotline", "tong dai", "cskh", "cham soc khach hang", "dien thoai", "sdt", "so dien thoai",
)
VENDOR_NAMES: tuple[str, ...] = (
    "haravan", "sapo", "bizweb", "mat bao", "pa viet nam", "pa vietnam", "nhan hoa", "nhanh.vn",
    "vnpt", "viettel post", "giao hang nhanh", "giao hang tiet kiem", "ghtk", "vnpay", "momo",
    "zalopay", "shopify", "wordpress", "tenten", "inet", "webico", "okhub",
)

# The companies running the marketplaces a seller also sells on, in their folded names: a seller's
# site crediting them ("Mua hàng trên Shopee – Công ty TNHH Shopee, địa chỉ …") names another
# entity, not its owner (unless the site is the marketplace's own).
MARKETPLACE_OPERATORS: tuple[str, ...] = (
    "shopee", "lazada", "recess", "ti ki", "tiki", "tiktok", "sendo", "bytedance",
)

# Vietnamese surnames (folded) that open a person's name.
SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh doan lam mai "
    "trinh truong cao luu quach ha ta kieu thai la tang chau luong tong van khuc hua to dam "
    "giang vuong lai nghiem thach quan phung an bach mac tieu chu dao lu diep ong".split()
)

# Words between an address label and its value in a sentence ("Trụ sở đặt tại Số 12 ...").
ADDRESS_VALUE_LEADS: tuple[str, ...] = (
    "co dia chi tai", "toa lac tai", "toa lac o", "dat tai", "dat o", "nam tai", "nam o", "o tai", "tai",
)
# Words qualifying an address label that make it the former address ("Địa chỉ cũ:", "Địa chỉ (trước
# sáp nhập):"): the address in force is preferred when the page gives both (the 2025 mergers).
ADDRESS_FORMER_QUALIFIERS: tuple[str, ...] = (
    "cu", "truoc", "truoc day", "truoc sap nhap", "old", "former", "previous",
)
# Address labels -> rank (lower is better: the owner's registered office first).
ADDRESS_LABELS: dict[str, int] = {
    "dia chi tru so chinh": 0,
    "dia chi tru so": 0,
    "tru so chinh": 0,
    "tru so": 0,
    "dia chi dang ky": 0,
    "dia chi dang ky kinh doanh": 0,
    "dia chi thuong tru": 0,
    "head office": 0,
    "headquarters": 0,
    "registered address": 0,
    "registered office": 0,
    "dia chi cong ty": 1,
    "dia chi doanh nghiep": 1,
    "dia chi kinh doanh": 1,
    "dia chi": 1,
    "d/c": 1,
    "dc": 1,
    "address": 1,
    "add": 1,
    "dia chi lien he": 2,
    "dia chi van phong": 2,
    "van phong": 2,
    "van phong giao dich": 2,
    "van phong dai dien": 2,
    "vpgd": 2,
    "vpdd": 2,
    "vp": 2,
    "office": 2,
    "dia chi giao dich": 2,
    "dia chi cua hang": 3,
    "cua hang": 3,
    "showroom": 3,
    "dia chi showroom": 3,
    "chi nhanh": 3,
    "co so": 3,
    "store": 3,
    "shop": 3,
    "kho": 4,
    "kho hang": 4,
    "dia chi kho": 4,
    "nha may": 4,
    "xuong": 4,
    "factory": 4,
    "warehouse": 4,
}
# Short address labels count only when followed by a colon.
ADDRESS_LABELS_NEED_COLON = frozenset({
    "dc", "add", "vp", "office", "store", "shop", "kho", "co so", "xuong", "van phong", "cua hang",
    "chi nhanh", "showroom", "factory", "warehouse", "address",
})
# "Địa chỉ email", "Địa chỉ nhận hàng": not the owner's address.
ADDRESS_LABEL_NOT_FOLLOWED_BY: tuple[str, ...] = (
    "email", "e-mail", "mail", "nhan hang", "giao hang", "ip", "website", "web", "cua ban",
    "cua quy khach", "facebook", "ban do", "cu the", "chi tiet", "xuat hoa don", "thanh toan",
    "lien lac", "cua minh", "nguoi nhan", "url",
)
# Words that make a line read as an address.
ADDRESS_WORDS: tuple[str, ...] = (
    "so ", "duong", "pho ", "phuong", "quan", "huyen", "xa ", "thi xa", "thi tran", "tinh", "thanh pho",
    "tp.", "tp ", "ngo", "ngach", "hem", "kiet", "thon", "ap ", "khu", "to dan pho", "toa", "tang",
    "lo ", "km", "kcn", "khu cong nghiep", "street", "st.", "road", "ward", "district", "city",
    "province", "viet nam", "vietnam", "p.", "q.", "phuong ", "ql", "quoc lo", "tl", "dt",
)

# Words of an address written in English ("27 Nguyen Trung Truc Street, Ben Thanh Ward, ..."): the
# registered address is the Vietnamese one when the page gives both.
ENGLISH_ADDRESS_WORDS = frozenset({
    "street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "alley", "ward", "district",
    "dist", "city", "province", "commune", "town", "hamlet", "village", "industrial",
})
# Words naming a street's kind, left out when two writings of one address are compared.
STREET_KIND_WORDS = frozenset({"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "duong", "pho"})

FAX_LABELS: tuple[str, ...] = ("fax",)
# Online contact methods other than phone and e-mail (Decree 52 Art. 29 cl. 3).
CHAT_LINK_HOSTS: tuple[str, ...] = (
    "zalo.me", "oa.zalo.me", "chat.zalo.me", "m.me", "messenger.com", "t.me", "wa.me", "api.whatsapp.com",
    "viber.me", "skype:",
)

# Land-plot addresses, common outside the cities ("Thửa đất số 512, Tờ bản đồ số
# 18, Khu phố Tân Phước, Phường Tân Bình, ..."): these parts open an address,
# and a stop label inside one ("đồ số 18" read as "do Sở KH&ĐT") ends nothing.
LAND_PLOT_PARTS: tuple[str, ...] = (
    "thua dat so", "thua dat", "thua so", "lo dat so", "to ban do so", "to ban do", "ban do so",
)

# Labels that end a value ("Địa chỉ: ... Hotline: ..."): any of these words
# followed by ":" or by a number ends the value before them.
STOP_LABELS: tuple[str, ...] = (
    "mst", "ma so thue", "ma so doanh nghiep", "msdn", "gpdkkd", "gpkd", "dkkd", "giay cndkdn",
    "giay chung nhan", "giay phep", "so dkkd", "hotline", "dien thoai", "so dien thoai", "dt", "sdt",
    "tel", "phone", "fax", "email", "e-mail", "website", "web", "dia chi", "tru so", "vpgd",
    "van phong", "showroom", "chi nhanh", "cua hang", "kho", "nha may", "zalo", "gio mo cua",
    "thoi gian lam viec", "gio lam viec", "mo cua", "nguoi dai dien", "dai dien", "chiu trach nhiem",
    "do so", "cap ngay", "ngay cap", "noi cap", "tax code", "address", "copyright", "ban quyen",
    "lien he", "cskh", "tong dai", "facebook", "fanpage", "ten cong ty", "chu so huu",
    "all rights reserved", "bao luu moi quyen", "powered by", "cung cap boi", "thiet ke boi",
    # abbreviations of phone labels ("DĐ:" di động, "HL:" hotline)
    "dd", "hl",
)

# --- Policies (Decree 52 Arts. 32-34, 69) ----------------------------------

# policy key -> folded phrases of link text, headings or URL slugs.
POLICY_KEYWORDS: dict[str, tuple[str, ...]] = {
    "terms": (
        "dieu khoan", "quy dinh chung", "chinh sach chung", "quy che hoat dong", "quy che",
        "dieu kien giao dich", "dieu kien chung", "thoa thuan su dung", "chinh sach su dung",
        "chinh sach ban hang", "quy dinh su dung", "terms", "term of", "terms of service",
        "terms of use", "terms and conditions", "conditions of use", "tos", "quy dinh mua hang",
        "chinh sach va quy dinh", "chinh sach quy dinh",
    ),
    "returns": (
        "doi tra", "doi hang", "tra hang", "hoan tien", "hoan tra", "doi va tra", "doi/tra",
        "return", "returns", "refund", "exchange", "doi san pham", "bao hanh doi tra", "doi - tra",
        "doi, tra",
        # "Chính sách thu đổi": a jeweller's or phone shop's taking goods back in exchange
        "thu doi",
        # a service's or a school's refund ("Chính sách hoàn phí dịch vụ", "Chính sách hoàn học phí")
        "hoan phi", "hoan hoc phi",
        # a ticket seller's refund and change ("Quy định hoàn/đổi vé", "Chính sách hoàn vé"); not a
        # bare "hoan doi": "hoán đổi" (a battery swap) folds to it
        "hoan/doi", "doi/hoan", "hoan doi ve", "doi hoan ve", "hoan ve",
    ),
    "shipping": (
        "van chuyen", "giao hang", "giao nhan", "shipping", "delivery", "ship hang", "phi ship",
        "chinh sach ship", "giao va nhan",
    ),
    "payment": (
        "thanh toan", "hinh thuc thanh toan", "phuong thuc thanh toan", "payment", "payments",
        "quy dinh thanh toan", "huong dan thanh toan",
    ),
    "privacy": (
        "bao mat", "bao ve thong tin", "bao ve du lieu", "du lieu ca nhan", "thong tin ca nhan",
        "rieng tu", "privacy", "personal data", "data protection", "quyen rieng tu",
    ),
    "complaints": (
        "khieu nai", "tranh chap", "phan anh", "giai quyet khieu nai", "complaint", "complaints",
        "dispute", "grievance", "xu ly khieu nai", "khieu nai, tranh chap",
    ),
    "inspection": (
        "kiem hang", "kiem tra hang", "dong kiem", "kiem tra san pham", "chinh sach kiem tra don hang",
        "inspection", "inspect", "check hang", "xem hang", "kiem tra truoc khi nhan",
    ),
}
# Words after an inspection phrase that make it a check that the goods are genuine ("Kiểm tra hàng
# chính hãng", "Kiểm tra hàng thật giả"): an authenticity lookup, not a policy on inspecting goods.
INSPECTION_NOT_AFTER: tuple[str, ...] = ("chinh hang", "that gia", "that", "gia", "ma vach", "tem")
# Words of a policy's own content (Decree 52 Arts. 32-33, 69: time limits, conditions, remedies, carriers,
# costs, what data is used for and shared with): text under a heading naming only a topic ("Đổi trả",
# "Vận chuyển", "Bảo mật thông tin") that uses two of them is that policy, even without repeating its name.
POLICY_CONTENT_TERMS: dict[str, tuple[str, ...]] = {
    "returns": ("hang loi", "loi do", "san pham loi", "loi ky thuat", "loi san xuat", "doi y", "lam lai",
                "hoan coc", "hoan tien", "doi moi", "doi sang", "nguyen tem", "con tem", "bi loi", "sai mau", "sai mau ma", "khong ap dung", "doi size"),
    "shipping": ("ship", "freeship", "free ship", "ghtk", "ghn", "viettel post", "vnpost", "j&t", "ninja van",
                 "ahamove", "nha xe", "phi ship", "phi van chuyen", "mien phi van chuyen", "toan quoc",
                 "noi thanh", "ngoai thanh", "nhan hang", "buu dien"),
    "privacy": ("chia se", "ben thu ba", "thu thap", "luu tru", "muc dich", "chi dung de", "chi su dung",
                "tiet lo", "cung cap cho"),
}
# "Chính sách giao hoa", "Quy định giao bánh": delivery of the goods named after "giao", when a policy
# word comes first. These words after "giao" make another word (giao dịch, giao diện, giáo dục).
DELIVERY_HEADS: tuple[str, ...] = ("chinh sach", "quy dinh", "dieu kien", "huong dan", "thong tin", "phi")
GIAO_NOT_DELIVERY: tuple[str, ...] = (
    "dich", "dien", "tiep", "luu", "thong", "ket", "uoc", "ban", "khoan", "vien", "duc", "trinh", "su",
    "an", "te", "xu", "hoi", "thoa", "quyen", "thua", "nhiem", "phan", "cho", "cua", "va", "hang", "nhan",
)
# An order-status lookup ("Tra cứu đơn hàng" -> /kiem-tra-don-hang) is a tool, not a policy: its
# slug's "kiểm tra đơn hàng" checks where an order is, not the goods before paying.
ORDER_TRACKING_TEXTS: tuple[str, ...] = (
    "tra cuu don hang", "theo doi don hang", "kiem tra don hang", "kiem tra tinh trang don hang",
    "tinh trang don hang", "tra cuu van don", "order tracking", "track order", "track your order",
)
# Words that make a link read as a policy rather than an article or a button.
POLICY_MARKERS: tuple[str, ...] = (
    "chinh sach", "quy dinh", "dieu khoan", "huong dan", "quy trinh", "hinh thuc", "phuong thuc",
    "co che", "policy", "policies", "terms", "quy che", "cam ket", "dieu kien", "thong tin",
)
# Words opening a heading under which a policy is written on the page itself ("Chính sách vận
# chuyển", "Phương thức thanh toán"). Fewer than POLICY_MARKERS: "Cam kết đổi trả 7 ngày" and
# "Thông tin giao hàng" open a shop's selling points and an order form's fields as often.
POLICY_SECTION_MARKERS: tuple[str, ...] = (
    "chinh sach", "quy dinh", "dieu khoan", "huong dan", "quy trinh", "hinh thuc", "phuong thuc",
    "co che", "dieu kien", "quy che", "policy", "policies", "terms",
)
# English words naming a policy's topic before "policy" in a heading ("Return & Refund Policy").
ENGLISH_POLICY_TOPICS: tuple[str, ...] = (
    "privacy", "return", "returns", "refund", "refunds", "exchange", "exchanges", "shipping", "delivery",
    "payment", "payments", "complaint", "complaints", "dispute", "inspection", "cookie", "cookies",
    "warranty", "cancellation", "data", "protection", "personal", "information", "customer",
)
# Words of a link's URL that make it a policy page whatever it is about ("/index.php/chinh-sach/12"):
# an icon-only link there is read by its title.
POLICY_SLUG_MARKERS: tuple[str, ...] = (
    "chinh-sach", "chinh_sach", "chinhsach", "quy-dinh", "quy_dinh", "quydinh", "dieu-khoan", "dieu_khoan",
    "dieukhoan", "policy", "policies", "terms",
)
# URL path segments of articles and listings (a blog post about delivery is not a policy).
ARTICLE_PATHS: tuple[str, ...] = (
    "/blogs/", "/blog/", "/tin-tuc/", "/news/", "/bai-viet/", "/post/", "/posts/", "/tag/",
    "/tags/", "/category/", "/danh-muc/", "/products/", "/product/", "/san-pham/", "/collections/",
    "/search", "/tim-kiem",
)
# Pages that are owner information (about, contact), for link_priority.
OWNER_PAGE_KEYWORDS: tuple[str, ...] = (
    "gioi thieu", "ve chung toi", "lien he", "thong tin lien he", "thong tin cong ty",
    "thong tin doanh nghiep", "about", "about us", "contact", "contact us", "cong ty", "quy che",
    "quy che hoat dong", "he thong cua hang", "store locator", "ve", "chinh sach",
)

# --- Ordering function (Decree 52 Arts. 17-20) -----------------------------

# Button and link texts of an online ordering function.
ORDER_BUTTON_TEXTS: tuple[str, ...] = (
    "them vao gio", "them vao gio hang", "cho vao gio", "cho vao gio hang", "bo vao gio", "them gio hang",
    "add to cart", "add to bag", "add to basket", "them vao gio ngay", "mua ngay", "dat mua",
    "dat hang ngay", "mua hang", "chon mua", "buy now", "tien hanh thanh toan", "tien hanh dat hang",
    "thanh toan ngay", "checkout", "check out", "xem gio hang", "gio hang", "dat hang", "mua",
)
# Texts that are strong on their own (an add-to-cart button).
ORDER_STRONG_TEXTS: tuple[str, ...] = (
    "them vao gio", "cho vao gio", "bo vao gio", "them gio hang", "add to cart", "add to bag",
    "add to basket", "tien hanh thanh toan", "tien hanh dat hang", "xem gio hang", "checkout",
)
# Cart / checkout URL paths (first path segment or a query marker).
CART_PATHS: tuple[str, ...] = (
    "/cart", "/gio-hang", "/giohang", "/gio_hang", "/checkout", "/checkouts", "/basket",
    "/shopping-cart", "/shoppingcart", "/cart.php", "/cart.html", "/checkout.html",
    "/thanh-toan", "/dat-hang", "/order", "/orders/new", "/onestepcheckout",
)
CART_QUERIES: tuple[str, ...] = ("add-to-cart=", "route=checkout", "act=cart", "route=checkout/cart", "cart_id=")
# Class, id or name attributes of add-to-cart controls.
CART_ATTRIBUTES: tuple[bytes, ...] = (
    b"add-to-cart", b"add_to_cart", b"addtocart", b"btn-cart", b"btn_cart", b"btn-addcart",
    b"btnaddtocart", b"single_add_to_cart_button", b"product-form__cart", b"js-add-cart", b"add-cart",
    b"addcart", b"btn-buy-now", b"buy-now", b"btn-muangay", b"mua-ngay", b"ajax_add_to_cart",
)
# Order forms of landing pages (LadiPage and the like): a <form> asking for a phone
# number and a delivery address or a product choice, sent with an order button.
# Field words are read in the name, id, placeholder and type of its inputs.
ORDER_FORM_PHONE_FIELDS: tuple[str, ...] = (
    "phone", "tel", "sdt", "so dien thoai", "dien thoai", "mobile",
    # field names written without spaces in older PHP and ASP forms (name=dienthoai, name=didong)
    "dienthoai", "didong", "di dong",
)
ORDER_FORM_ORDER_FIELDS: tuple[str, ...] = (
    "address", "dia chi", "diachi", "dia_chi", "nhan hang", "giao hang", "tinh thanh", "province",
    "quantity", "so luong", "soluong", "combo", "san pham", "product", "goi san pham",
)
# A form asking which goods (a product, combo or variant chosen) and how many, in fields of their
# own, is an order form whatever its button says ("Xác nhận đặt cơm", "Thanh toán & nhận vé"),
# unless it asks for a quote.
ORDER_FORM_GOODS_FIELDS: tuple[str, ...] = (
    "san pham", "sanpham", "product", "combo", "mat hang", "variation", "variant",
)
ORDER_FORM_QUANTITY_FIELDS: tuple[str, ...] = ("quantity", "so luong", "soluong", "qty")
QUOTE_FORM_TEXTS: tuple[str, ...] = ("bao gia", "quote", "quotation")
ORDER_FORM_TEXTS: tuple[str, ...] = (
    "dat hang", "dat mua", "mua ngay", "mua hang", "chot don", "len don", "order", "buy now",
    # a deposit that reserves the goods chosen ("Đặt cọc giữ xe", "Gửi đơn đặt cọc"): an order paid in part
    "dat coc", "don dat coc",
)
# Scripts an order form posts to, by their file name without extension ("dathang.php", "order.asp",
# "/don-hang/gui"): the form says what it is by where it sends, whatever its button reads ("Gửi đơn
# đặt in").
ORDER_FORM_ACTIONS: tuple[str, ...] = (
    "dathang", "dat-hang", "dat_hang", "datmua", "dat-mua", "dat_mua", "donhang", "don-hang", "don_hang",
    "order", "orders", "checkout",
    "preorder", "pre-order", "pre_order", "datcoc", "dat-coc", "dat_coc",
)
# Marketplaces (registrable domains, short-link hosts): links into one are ordering *there*, not on
# the site. Two different links into the same marketplace are product links (affiliate and catalogue
# sites); a shop's own store on it is one link.
MARKETPLACE_DOMAINS: tuple[str, ...] = ("shopee.vn", "shope.ee", "lazada.vn", "tiki.vn", "ti.ki", "sendo.vn")
# Fields of a booking, appointment or consultation form (a date or time to come): a service booked,
# not goods ordered (words of the folded name/id/placeholder/type of a field).
BOOKING_FORM_FIELDS: tuple[str, ...] = (
    "date", "datetime", "time", "ngay", "gio", "lich", "booking", "appointment", "check in", "khoi hanh",
)
# Hosted form services whose forms a site embeds in an <iframe> (Google Forms, Jotform ...): one
# titled or headed with order words is the site's order form.
EMBEDDED_FORM_HOSTS: tuple[str, ...] = (
    "docs.google.com/forms", "forms.gle", "jotform.com", "form.jotform", "typeform.com", "forms.office.com",
    "tally.so", "getform.io", "forms.zohopublic",
)
# Shop platforms whose themes carry a cart: (signal name, byte markers in the page).
# Looked for in the first 32 KB and last 16 KB of the page (head assets, footer scripts).
SHOP_PLATFORMS: tuple[tuple[str, tuple[bytes, ...]], ...] = (
    ("platform:haravan", (b"hstatic.net", b"haravan.com", b"window.haravan")),
    ("platform:sapo", (b"bizweb.dktcdn.net", b"mysapo.net", b"sapo.dktcdn", b"bizweb.store")),
    ("platform:woocommerce", (b"woocommerce", b"wc-add-to-cart")),
    ("platform:shopify", (b"cdn.shopify.com", b"myshopify.com", b"shopify.shop")),
    ("platform:nhanh", (b"cdn.nhanh.vn", b"//nhanh.vn")),
    ("platform:magento", (b"mage/cookies", b"magento_")),
    ("platform:opencart", (b"route=checkout", b"catalog/view/theme")),
    ("platform:prestashop", (b"prestashop",)),
    ("platform:ecwid", (b"ecwid.com",)),
)
# Ordering by phone or chat: not an online ordering function.
OFFLINE_ORDER_TEXTS: tuple[str, ...] = (
    "dat hang qua hotline", "dat hang qua dien thoai", "goi mua hang", "goi dat hang", "goi ngay",
    "lien he dat hang", "lien he mua hang", "mua hang qua zalo", "dat hang qua zalo", "chat zalo",
    "nhan tin", "inbox", "dat hang qua messenger", "dat hang qua facebook", "goi de dat hang",
    "call to order", "lien he de dat hang", "lien he", "goi dien",
)
OFFLINE_ORDER_HREFS: tuple[str, ...] = (
    "tel:", "sms:", "zalo.me", "m.me/", "messenger.com", "facebook.com", "fb.com", "mailto:",
    "viber:", "skype:", "t.me/", "wa.me/", "whatsapp",
)
