"""Scrapy settings for a broad crawl of many small shop sites.

Values that an operator tunes come from the monitor configuration
(``config/monitor.toml`` or ``$MONITOR_CONFIG``), so ``scrapy crawl sites``
and ``monitor crawl`` behave the same. Our own settings are prefixed
``MONITOR_`` and documented here.
"""

from urllib.parse import urlsplit
from urllib.request import getproxies

from monitor.config import load_config

_config = load_config()
_crawl = _config.crawl

BOT_NAME = "vn-monitor"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

USER_AGENT = _crawl.user_agent
ROBOTSTXT_OBEY = _crawl.obey_robots_txt

# Many small sites: a modest global concurrency for 2 cores, 1-2 per site,
# and a queue that spreads requests across sites instead of draining one.
CONCURRENT_REQUESTS = _crawl.concurrent_requests
CONCURRENT_REQUESTS_PER_DOMAIN = _crawl.concurrent_requests_per_domain
DOWNLOAD_DELAY = _crawl.download_delay
DOWNLOAD_DELAY_JITTER = 0.5
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"
REACTOR_THREADPOOL_MAXSIZE = 20
DNSCACHE_ENABLED = True
DNS_TIMEOUT = 15

DOWNLOAD_TIMEOUT = _crawl.download_timeout
DOWNLOAD_MAXSIZE = _crawl.max_body_bytes
DOWNLOAD_WARNSIZE = _crawl.max_body_bytes // 2
RETRY_ENABLED = True
RETRY_TIMES = _crawl.retry_times
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
# Every status reaches the spider: a 503 home page is a finding's evidence.
HTTPERROR_ALLOW_ALL = True
# Our spider chooses what to fetch; it keeps its own per-site duplicate set.
DEPTH_LIMIT = 3

# No remote control of a crawler that reads untrusted pages.
TELNETCONSOLE_ENABLED = False
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "scrapy.extensions.remote_control.RemoteControl": None,
}

# Refuse loopback/private/link-local/multicast addresses: at DNS resolution
# (so the address checked is the address connected to) and for IP literals.
TWISTED_DNS_RESOLVER = "crawler.resolver.GuardedResolver"
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.PrivateAddressGuard": 45,
}
ITEM_PIPELINES = {
    "crawler.pipelines.MonitorPipeline": 300,
}

LOG_LEVEL = "INFO"
CLOSESPIDER_TIMEOUT = _crawl.run_time_limit
FEED_EXPORT_ENCODING = "utf-8"

# --- monitor settings -------------------------------------------------------
# Hosts allowed to resolve to private addresses (the demo's sample web). An
# HTTP proxy the operator configured (http_proxy, ...) is allowed too: it is
# often on a private network, and it is the operator's own choice.
MONITOR_ALLOWED_PRIVATE_HOSTS = list(_crawl.allowed_private_hosts) + sorted(
    {urlsplit(url).hostname or "" for url in getproxies().values() if "://" in url} - {""}
)
# Same-site pages fetched after the home page.
MONITOR_MAX_PAGES_PER_SITE = _crawl.max_pages_per_site
# Portal record pages followed from badges, per site.
MONITOR_MAX_PORTAL_PAGES = 3
# Scheme tried first for a bare domain ("https", falling back to "http").
MONITOR_START_SCHEME = "https"
# Where results go: "database" (ingest into MONITOR_DATABASE_URL under
# MONITOR_RUN_ID) or "spool" (JSON lines at MONITOR_SPOOL_PATH, for `monitor check`).
MONITOR_SINK = "database"
MONITOR_DATABASE_URL = _config.database_url
MONITOR_RUN_ID = None
MONITOR_SPOOL_PATH = None
# Print one JSON line per finished site on stdout (read by `monitor crawl`).
MONITOR_PROGRESS = False
