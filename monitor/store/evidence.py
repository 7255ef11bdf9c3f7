"""Saving and reading fetched pages: bodies once per sha256, metadata per fetch."""

from __future__ import annotations

import zlib
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from monitor.model import FetchedPage, PageRole
from monitor.store.clean import storable
from monitor.store.models import Page, PageBody


def _insert_ignore(session: Session):  # type: ignore[no-untyped-def]
    dialect = session.get_bind().dialect.name
    return pg_insert if dialect == "postgresql" else sqlite_insert


def store_body(session: Session, sha256: str, body: bytes) -> None:
    """Store a body unless a body with the same hash is already stored."""
    if session.get(PageBody, sha256) is not None:
        return
    insert = _insert_ignore(session)
    statement = insert(PageBody).values(
        sha256=sha256, size=len(body), compression="zlib", data=zlib.compress(body, 6)
    )
    session.execute(statement.on_conflict_do_nothing(index_elements=["sha256"]))


def save_page(
    session: Session,
    *,
    run_id: int,
    site_id: int | None,
    domain: str,
    page: FetchedPage,
    outbound_domains: Iterable[str] = (),
) -> Page:
    store_body(session, page.sha256, page.body)
    row = Page(
        run_id=run_id,
        site_id=site_id,
        domain=domain,
        role=str(page.role),
        requested_url=storable(page.url),
        final_url=storable(page.final_url),
        redirect_chain=storable(list(page.redirects)),
        status=page.status,
        headers=storable(dict(page.headers)),
        encoding=page.encoding,
        fetched_at=page.fetched_at,
        sha256=page.sha256,
        size=len(page.body),
        outbound_domains=sorted(set(outbound_domains)),
    )
    session.add(row)
    return row


def load_body(session: Session, sha256: str) -> bytes:
    body = session.get(PageBody, sha256)
    if body is None:
        raise KeyError(sha256)
    return zlib.decompress(body.data) if body.compression == "zlib" else body.data


def to_fetched(session: Session, row: Page) -> FetchedPage:
    """Rebuild the page exactly as fetched, for re-checking or evidence packages."""
    return FetchedPage(
        url=row.requested_url,
        final_url=row.final_url,
        status=row.status,
        body=load_body(session, row.sha256),
        fetched_at=row.fetched_at,
        role=PageRole(row.role),
        headers=dict(row.headers or {}),
        redirects=tuple(row.redirect_chain or ()),
        encoding=row.encoding,
    )


def pages_of_run(session: Session, run_id: int, domain: str) -> list[Page]:
    return list(
        session.scalars(
            select(Page).where(Page.run_id == run_id, Page.domain == domain).order_by(Page.id)
        )
    )
