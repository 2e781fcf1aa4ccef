"""What the product tab shows (the pool, a product's details, the stream picker and a lineup), read through the
database in one unit of work each.

Each function takes the `Database`, opens its own session and returns plain data (no ORM object outlives the
session), so the tab can call `read_pool` on a worker thread when a teammate's change comes in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from livedesk.services import lineups, products, schedule
from livedesk.services.db import Database
from livedesk.services.lineups import LineupRow, LineupSummary
from livedesk.services.products import HistoryRow, ProductRow, Rules
from livedesk.services.schedule import StreamData

if TYPE_CHECKING:
    from livedesk.services.exporters.product_sheet import ExportSummary

Document = tuple[int, str, str, dt.datetime]  # (id, file name, stored path, added at)


@dataclass(frozen=True)
class ProductDetail:
    """What the detail panel shows beyond the table's row."""

    product_id: int
    state: dict[str, Any]  # `products.product_state`, with its version: what a save is checked against
    selling_points: list[tuple[str, str]]  # (point, how to demonstrate it)
    faqs: list[tuple[str, str]]  # (question, answer)
    documents: list[Document]
    history: list[HistoryRow]


@dataclass(frozen=True)
class LineupView:
    """One stream's lineup in order, with what it adds up to."""

    stream_id: int
    rows: list[LineupRow]
    summary: LineupSummary


@dataclass(frozen=True)
class PoolView:
    """Everything the product tab shows, read together: the pool, the streams to pick from, the lineup of the
    stream asked for (or the one picked for it) and the details of the product asked for."""

    rows: list[ProductRow]
    streams: list[StreamData]
    stream_id: int | None  # the lineup's stream: the one asked for, or the pick when it is gone or none was
    lineup: LineupView | None
    detail: ProductDetail | None  # None: none asked for, or deleted


def pick_stream(streams: Sequence[StreamData], current: int | None, now: dt.datetime | None = None) -> int | None:
    """The stream the lineup editor shows: `current` while it exists, else the next one from today on (the
    last one when all are past), None without streams."""
    if any(s.id == current for s in streams):
        return current
    if not streams:
        return None
    today = (now or dt.datetime.now().astimezone()).replace(hour=0, minute=0, second=0, microsecond=0)
    upcoming = [s for s in streams if s.start_at >= today]
    return (upcoming[0] if upcoming else streams[-1]).id


def categories(db: Database) -> list[str]:
    """The categories the pool uses (the preferences' margin rules offer them)."""
    with db.session() as session:
        return products.list_categories(session)


def count_products(db: Database) -> int:
    """How many products the pool holds (to decide whether the listing loads off the GUI thread)."""
    with db.session() as session:
        return products.count_products(session)


def pool_rows(db: Database, rules: Rules, ids: Sequence[int] | None = None) -> list[ProductRow]:
    """The pool table's rows (or only `ids`, to refresh a few after an edit) with margins and warnings."""
    with db.session() as session:
        return products.list_products(session, rules, ids=ids)


def list_streams(db: Database) -> list[StreamData]:
    """The streams in start order, for the lineup editor's picker."""
    with db.session() as session:
        return schedule.list_streams(session)


def _lineup(session: Session, stream_id: int, rules: Rules) -> LineupView:
    return LineupView(stream_id, lineups.lineup_rows(session, stream_id), lineups.lineup_summary(session, stream_id, rules))


def lineup_view(db: Database, stream_id: int, rules: Rules) -> LineupView:
    """The stream's lineup and its summary, read together."""
    with db.session() as session:
        return _lineup(session, stream_id, rules)


def _detail(session: Session, product_id: int) -> ProductDetail | None:
    found = products.load_products_with_children(session, [product_id])
    if not found:
        return None
    product = found[0]
    return ProductDetail(
        product_id,
        products.product_state(session, product_id),
        [(p.point, p.demo) for p in product.selling_points],
        [(f.question, f.answer) for f in product.faqs],
        [(d.id, d.file_name, d.stored_path, d.added_at) for d in product.documents],
        products.product_history(session, product_id),
    )


def product_detail(db: Database, product_id: int) -> ProductDetail | None:
    """The product's points, FAQ, documents, state and review history; None when it was deleted."""
    with db.session() as session:
        return _detail(session, product_id)


def product_exists(db: Database, product_id: int) -> bool:
    with db.session() as session:
        return products.product_exists(session, product_id)


def product_state(db: Database, product_id: int) -> tuple[str, dict[str, Any]]:
    """The product's name and `products.product_state` as stored now (for the conflict dialog);
    ProductNotFoundError when it was deleted."""
    with db.session() as session:
        return products.get_product(session, product_id).name, products.product_state(session, product_id)


def read_pool(db: Database, rules: Rules, stream_id: int | None, detail_id: int | None) -> PoolView:
    """The whole product tab in one unit of work (one consistent picture of a teammate's change)."""
    with db.session() as session:
        rows = products.list_products(session, rules)
        streams = schedule.list_streams(session)
        shown = pick_stream(streams, stream_id)
        lineup = _lineup(session, shown, rules) if shown is not None else None
        detail = _detail(session, detail_id) if detail_id is not None else None
        return PoolView(rows, streams, shown, lineup, detail)


def export_sheet(db: Database, path: str | Path, ids: Sequence[int] | None = None) -> ExportSummary:
    """Write the pool (or only `ids`) as a 选品表: CSV for a .csv path, else a workbook."""
    from livedesk.services.exporters.product_sheet import export_products

    with db.session() as session:
        return export_products(session, path, ids)
