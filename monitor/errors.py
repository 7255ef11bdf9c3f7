"""Error types a user can act on. The CLI prints their message as one line."""


class MonitorError(Exception):
    """Base of every error the CLI reports without a traceback."""

    exit_code = 2
