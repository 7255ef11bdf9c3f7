"""Making crawled text storable everywhere.

PostgreSQL refuses the NUL character in text and in JSONB (``\\u0000``);
hostile or broken pages contain it. Text that comes from crawled pages goes
through :func:`storable` before it is stored.
"""

from __future__ import annotations

from typing import Any


def storable(value: Any) -> Any:
    """``value`` with NUL characters removed from every string inside it."""
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [storable(v) for v in value]
    return value
