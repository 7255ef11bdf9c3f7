"""Compliance monitor for Vietnamese e-commerce websites."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vn-ecommerce-monitor")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
