"""The `sites` spider against a loopback web: what is recorded, and what is refused."""

from __future__ import annotations

import hashlib

import pytest

from monitor.crawl import CrawlOptions, CrawlTarget, run_spider
from monitor.model import PageRole
from monitor.spool import read_spool

from .conftest import write_config

pytestmark = pytest.mark.slow


def crawl(config, web, *domains, allow=None, proxy=True, urls=None):
    targets = [CrawlTarget(d, "registry", tuple(urls or ())) for d in domains]
    options = CrawlOptions(
        allow_hosts=web.hosts() if allow is None else allow,
        proxy=web.proxy if proxy else None,
        start_scheme="http",
        timeout=3,
        no_delay=True,
        time_limit=60,
    )
    result = run_spider(config, None, targets, trigger="test", sink="spool", options=options)
    return {fetch.domain: fetch for fetch in read_spool(result.spool)}


def test_home_linked_and_portal_pages_are_recorded_with_hashes(crawl_config, tiny_web):
    fetch = crawl(crawl_config, tiny_web, "gomsuan.vn")["gomsuan.vn"]
    assert fetch.checked
    pages = {p.page.final_url: p.page for p in fetch.pages}
    home = pages["http://gomsuan.vn/"]
    served = (tiny_web.root / "gomsuan.vn" / "index.html").read_bytes()
    assert home.role == PageRole.HOME and home.sha256 == hashlib.sha256(served).hexdigest()
    assert home.headers["content-type"].startswith("text/html") and home.fetched_at.tzinfo is not None
    linked = {url for url, p in pages.items() if p.role == PageRole.LINKED}
    assert {"http://gomsuan.vn/lien-he", "http://gomsuan.vn/chinh-sach-doi-tra", "http://gomsuan.vn/chinh-sach-bao-mat"} <= linked
    portal = [p for p in pages.values() if p.role == PageRole.PORTAL]
    assert [p.final_url for p in portal] == ["http://online.gov.vn/Home/WebDetails/73995"]


def test_outbound_domains_are_recorded_for_the_lookalike_scan(crawl_config, tiny_web):
    fetch = crawl(crawl_config, tiny_web, "gomsuan.vn")["gomsuan.vn"]
    home = next(p for p in fetch.pages if p.page.role == PageRole.HOME)
    assert {"partner-shop.vn", "facebook.com"} <= set(home.outbound_domains)
    assert "gomsuan.vn" not in home.outbound_domains


def test_policies_in_a_jump_menu_and_an_icon_only_about_link_are_fetched(crawl_config, tiny_web):
    fetch = crawl(crawl_config, tiny_web, "jumpmenu.vn")["jumpmenu.vn"]
    linked = {p.page.final_url for p in fetch.pages if p.page.role == PageRole.LINKED}
    assert {"http://jumpmenu.vn/chinh-sach/doi-tra", "http://jumpmenu.vn/chinh-sach/bao-mat",
            "http://jumpmenu.vn/ve-chung-toi"} <= linked
    assert "http://jumpmenu.vn/san-pham/ao-dai" not in linked  # a product page tells nothing


def test_page_selection_stops_at_the_configured_number(tmp_path, tiny_web):
    config = write_config(tmp_path, "max_pages_per_site = 2\n")
    fetch = crawl(config, tiny_web, "gomsuan.vn")["gomsuan.vn"]
    assert sum(1 for p in fetch.pages if p.page.role == PageRole.LINKED) == 2


def test_redirect_chain_is_kept(crawl_config, tiny_web):
    fetch = crawl(crawl_config, tiny_web, "oldname.vn")["oldname.vn"]
    home = next(p.page for p in fetch.pages if p.page.role == PageRole.HOME)
    assert home.url == "http://oldname.vn/" and home.final_url == "http://newname.vn/"
    assert home.redirects == ("http://oldname.vn/",)


@pytest.mark.parametrize(
    "domain, reason",
    [
        ("down.vn", "connection"),
        ("error.vn", "HTTP 503 on the home page"),
        ("loop.vn", "redirect loop"),
        ("huge.vn", "size limit"),
    ],
)
def test_a_site_that_cannot_be_fetched_is_recorded_with_its_reason(crawl_config, tiny_web, domain, reason):
    fetches = crawl(crawl_config, tiny_web, domain, "gomsuan.vn")
    assert not fetches[domain].checked and reason in fetches[domain].failure
    assert fetches["gomsuan.vn"].checked  # the run goes on


def test_broken_html_in_an_odd_encoding_is_still_recorded(crawl_config, tiny_web):
    fetch = crawl(crawl_config, tiny_web, "broken.vn")["broken.vn"]
    assert fetch.checked and fetch.pages[0].page.body.endswith("Ô".encode("cp1258"))


def test_a_site_on_a_loopback_address_is_refused(crawl_config, tiny_web):
    fetch = crawl(crawl_config, tiny_web, "127.0.0.1", allow=[], proxy=False, urls=[f"http://127.0.0.1:{tiny_web.port}/"])["127.0.0.1"]
    assert not fetch.checked and "blocked" in fetch.failure and "loopback" in fetch.failure


def test_a_host_name_resolving_to_loopback_is_refused(crawl_config, tiny_web):
    fetch = crawl(crawl_config, tiny_web, "localhost", allow=[], proxy=False, urls=[f"http://localhost:{tiny_web.port}/"])["localhost"]
    assert not fetch.checked and "blocked" in fetch.failure


def test_a_redirect_to_a_private_address_is_refused(crawl_config, tiny_web):
    (tiny_web.root / "sites.toml").write_text(
        (tiny_web.root / "sites.toml").read_text() + f'\n[hosts."private-redirect.vn"]\nredirect = "http://10.0.0.1:{tiny_web.port}/"\n'
    )
    from monitor.sampleweb import load_rules

    tiny_web._server.rules = load_rules(tiny_web.root)
    fetch = crawl(crawl_config, tiny_web, "private-redirect.vn")["private-redirect.vn"]
    assert not fetch.checked and "blocked" in fetch.failure and "10.0.0.1" in fetch.failure
