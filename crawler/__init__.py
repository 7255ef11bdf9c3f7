"""The fetching room: Scrapy settings, the `sites` spider, its guards and its pipeline.

It knows nothing of legal rules: it fetches pages and hands them to
:func:`monitor.ingest.ingest_site` (or to a spool file for `monitor check`).
"""
