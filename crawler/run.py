"""Run the ``sites`` spider in this process: ``python -m crawler.run --targets FILE ...``.

`monitor crawl` and `monitor check` start this as a subprocess, one per run,
so the Twisted reactor is always fresh and a crawl can be stopped or killed
without touching the caller.
"""

from __future__ import annotations

import argparse
import logging
import sys

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings


def build_settings(args: argparse.Namespace) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    overrides = {
        "MONITOR_SINK": args.sink,
        "MONITOR_PROGRESS": args.progress,
    }
    if args.run_id is not None:
        overrides["MONITOR_RUN_ID"] = args.run_id
    if args.spool:
        overrides["MONITOR_SPOOL_PATH"] = args.spool
    if args.database_url:
        overrides["MONITOR_DATABASE_URL"] = args.database_url
    if args.allow_host:
        overrides["MONITOR_ALLOWED_PRIVATE_HOSTS"] = settings.getlist("MONITOR_ALLOWED_PRIVATE_HOSTS") + args.allow_host
    if args.start_scheme:
        overrides["MONITOR_START_SCHEME"] = args.start_scheme
    if args.timeout:
        overrides["DOWNLOAD_TIMEOUT"] = args.timeout
    if args.time_limit:
        overrides["CLOSESPIDER_TIMEOUT"] = args.time_limit
    if args.log_file:
        overrides["LOG_FILE"] = args.log_file
    if args.log_level:
        overrides["LOG_LEVEL"] = args.log_level
    if args.no_delay:
        overrides["DOWNLOAD_DELAY"] = 0
    if args.ignore_robots:
        overrides["ROBOTSTXT_OBEY"] = False
    settings.setdict(overrides, priority="cmdline")
    return settings


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m crawler.run", description=__doc__)
    parser.add_argument("--targets", required=True, help="JSON lines file of targets")
    parser.add_argument("--sink", choices=("database", "spool"), default="database")
    parser.add_argument("--spool", help="output file for --sink spool")
    parser.add_argument("--run-id", type=int)
    parser.add_argument("--database-url")
    parser.add_argument("--allow-host", action="append", default=[], help="host allowed to be private")
    parser.add_argument("--start-scheme", choices=("http", "https"))
    parser.add_argument("--timeout", type=float, help="download timeout in seconds")
    parser.add_argument("--time-limit", type=int, help="stop the crawl after this many seconds")
    parser.add_argument("--log-file")
    parser.add_argument("--log-level")
    parser.add_argument("--progress", action="store_true", help="print one JSON line per finished site")
    parser.add_argument("--no-delay", action="store_true", help="no politeness delay (the local sample web)")
    parser.add_argument("--ignore-robots", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    process = CrawlerProcess(build_settings(args), install_root_handler=True)
    from crawler.spiders.sites import SitesSpider

    crawler = process.create_crawler(SitesSpider)
    process.crawl(crawler, targets=args.targets)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    reason = stats.get("finish_reason", "unknown")
    if reason not in ("finished", "closespider_timeout"):
        logging.getLogger(__name__).error("crawl ended: %s", reason)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
