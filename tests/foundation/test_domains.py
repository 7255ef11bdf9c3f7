import pytest

from monitor.domains import DomainError, normalise_host, registrable_domain, same_site, split_domain


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("https://WWW.Shop.vn:443/gio-hang?x=1", "shop.vn"),
        ("shop.vn.", "shop.vn"),
        ("http://user:pw@shop.com.vn/", "shop.com.vn"),
        ("xn--m-yja.vn", "mĩ.vn"),
        ("http://xn--m-yja.vn/path", "mĩ.vn"),
        ("MĨ.VN", "mĩ.vn"),
        ("www.vn", "www.vn"),
    ],
)
def test_hosts_are_normalised(raw, expected):
    assert normalise_host(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", "localhost", "http://", "shop .vn", "-bad-.vn"])
def test_non_domains_are_refused(raw):
    with pytest.raises(DomainError):
        normalise_host(raw)


def test_registrable_domain_uses_the_public_suffix_list():
    assert registrable_domain("a.b.shop.com.vn") == "shop.com.vn"
    assert registrable_domain("shop.vn") == "shop.vn"


def test_hosting_domains_count_as_suffixes():
    assert registrable_domain("brand.weebly.com") == "brand.weebly.com"
    assert registrable_domain("x.brand.myharavan.com") == "brand.myharavan.com"
    assert split_domain("brand.blogspot.com") == ("", "brand", "blogspot.com")


def test_same_site_includes_subdomains_only():
    assert same_site("https://m.shop.vn/lien-he", "shop.vn")
    assert not same_site("https://shop.vn.evil.com/", "shop.vn")
