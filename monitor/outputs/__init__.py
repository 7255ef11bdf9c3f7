"""What inspectors take away: violation lists, period reports, evidence packages.

- :mod:`monitor.outputs.export`: one row per finding, streamed to CSV, XLSX or JSON.
- :mod:`monitor.outputs.report`: counts over a period for a Department's report.
- :mod:`monitor.outputs.evidence`: a folder (or zip) of pages exactly as
  fetched, with a manifest of hashes, and its verification.

All three read the store and never write to it. Times shown to people are in
Vietnam time with an explicit ``+07:00`` offset; the evidence manifest keeps UTC.
"""
