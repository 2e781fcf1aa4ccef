"""The review (复盘): import platform exports for a stream and summarise its figures.

`import_review_files` parses every file first and then writes everything in one unit of work,
so a bad file leaves the database untouched. `review_summary` returns plain JSON-ready data.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from livedesk.models import (
    CurvePoint,
    Moment,
    OrderLine,
    Product,
    ProductResult,
    Review,
    ReviewImport,
    Script,
    Segment,
    SegmentTiming,
    Stream,
    TrafficSource,
)
from livedesk.services.analysis import SegmentSpan, curve_moments, segment_at
from livedesk.services.db import Database
from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.review_files import (
    FIGURE_FIELDS,
    CurveRow,
    OrderRow,
    ParsedReviewData,
    ProductRow,
    parse_pasted_text,
    parse_review_file,
)
from livedesk.services.messages import translate
from livedesk.services.metrics import LOW_CLICK_RATE, SUMMARY_FIGURES, click_rate, review_figures, to_json_number

ProgressCallback = Callable[[int, int, str], None]


class ImportCancelledError(Exception):
    """The user cancelled; nothing was written."""


class StreamNotFoundError(LookupError):
    pass


def _no_stream(stream_id: int) -> str:
    return translate("Messages", "Stream {0} does not exist (it may have been deleted).").format(stream_id)


@dataclass
class ImportSummary:
    files: list[tuple[str, str, int]] = field(default_factory=list)  # (file name, kind, rows)
    figures: list[str] = field(default_factory=list)  # figure names written
    curve_points: int = 0
    products: int = 0
    channels: int = 0
    orders: int = 0
    moments: int = 0


# ---------------------------------------------------------------- import


def import_review_files(
    db: Database,
    stream_id: int,
    paths: Sequence[str | Path],
    mapping_overrides: Mapping[str, Mapping[str, str | None]] | None = None,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Parse all files, then store them in one transaction (all or nothing).

    `mapping_overrides` maps a file (its path as given, or its name) to {header in file: field or None}.
    Data of the kinds a file brings (curve, products, channels, orders) replaces what was stored before.
    Raises ImportFailed (nothing written) or ImportCancelledError.
    """
    with db.session() as session:
        stream = session.get(Stream, stream_id)
        if stream is None:
            raise StreamNotFoundError(_no_stream(stream_id))
        stream_start = stream.start_at
    with _gc_paused():  # 100,000 order rows are over a million live objects: no cycle scans while they are built
        return _import_files(db, stream_id, stream_start, paths, mapping_overrides, progress, cancelled)


@contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import_files(
    db: Database,
    stream_id: int,
    stream_start: dt.datetime,
    paths: Sequence[str | Path],
    mapping_overrides: Mapping[str, Mapping[str, str | None]] | None,
    progress: ProgressCallback | None,
    cancelled: Callable[[], bool] | None,
) -> ImportSummary:
    parsed: list[ParsedReviewData] = []
    total = len(paths) + 1
    for index, path in enumerate(paths):
        if cancelled and cancelled():
            raise ImportCancelledError()
        path = Path(path)
        if progress:
            progress(index, total, translate("Messages", "Reading {0}").format(path.name))
        overrides = None
        if mapping_overrides:
            overrides = mapping_overrides.get(str(path)) or mapping_overrides.get(path.name)
        parsed.append(parse_review_file(path, stream_start, overrides))
    if cancelled and cancelled():
        raise ImportCancelledError()
    if progress:
        progress(len(paths), total, "Saving")
    summary = store_review_data(db, stream_id, parsed)
    if progress:
        progress(total, total, "Done")
    return summary


def import_pasted_curve(
    db: Database, stream_id: int, text: str, mapping: Mapping[str, str | None] | None = None
) -> ImportSummary:
    """Store a per-minute table pasted from the clipboard as the stream's curve."""
    with db.session() as session:
        stream = session.get(Stream, stream_id)
        if stream is None:
            raise StreamNotFoundError(_no_stream(stream_id))
        start = stream.start_at
    return store_review_data(db, stream_id, [parse_pasted_text(text, start, mapping)])


def _merge_figures(parsed: Sequence[ParsedReviewData]) -> dict[str, object]:
    best: dict[str, tuple[int, object]] = {}
    for data in parsed:
        for name, value in data.figures.items():
            quality = data.quality.get(name, 0)
            if name not in best or quality > best[name][0]:
                best[name] = (quality, value)
    return {name: value for name, (_q, value) in best.items() if name in FIGURE_FIELDS}


def _merge_curve(parsed: Sequence[ParsedReviewData]) -> list[CurveRow]:
    merged: dict[dt.datetime, CurveRow] = {}
    for data in parsed:
        for row in data.curve:
            existing = merged.get(row.at)
            if existing is None:
                merged[row.at] = CurveRow(**row.__dict__)
                continue
            for name, value in row.__dict__.items():
                if getattr(existing, name) is None and value is not None:
                    setattr(existing, name, value)
    return [merged[k] for k in sorted(merged)]


def _merge_products(parsed: Sequence[ParsedReviewData]) -> list[ProductRow]:
    merged: dict[str, ProductRow] = {}
    for data in parsed:
        for row in data.products:
            key = row.platform_product_id or row.name
            existing = merged.get(key)
            if existing is None:
                merged[key] = ProductRow(**row.__dict__)
                continue
            for name, value in row.__dict__.items():
                if getattr(existing, name) in (None, "") and value not in (None, ""):
                    setattr(existing, name, value)
    return list(merged.values())


def store_review_data(db: Database, stream_id: int, parsed: Sequence[ParsedReviewData]) -> ImportSummary:
    """Write parsed files for a stream in one unit of work."""
    figures = _merge_figures(parsed)
    curve = _merge_curve(parsed)
    products = _merge_products(parsed)
    channels = [c for data in parsed for c in data.channels]
    orders = _unique_orders(parsed)
    summary = ImportSummary(files=[(d.file_name, d.kind, d.rows) for d in parsed])
    with db.session() as session:
        stream = session.get(Stream, stream_id)
        if stream is None:
            raise StreamNotFoundError(_no_stream(stream_id))
        review = _get_or_create_review(session, stream_id)
        for name, value in figures.items():
            setattr(review, name, value)
        summary.figures = sorted(figures)
        for data in parsed:
            session.add(
                ReviewImport(review_id=review.id, file_name=data.file_name[:300], kind=data.kind, rows=data.rows)
            )
        if curve:
            session.execute(delete(CurvePoint).where(CurvePoint.review_id == review.id))
            start = stream.start_at
            session.add_all(
                CurvePoint(
                    review_id=review.id,
                    second=int((row.at - start).total_seconds()),
                    online=row.online,
                    entries=row.entries,
                    leaves=row.leaves,
                    gmv=row.gmv,
                    orders=row.orders,
                    comments=row.comments,
                    new_followers=row.new_followers,
                    fan_club_joins=row.fan_club_joins,
                )
                for row in curve
            )
            summary.curve_points = len(curve)
            summary.moments = _store_moments(session, review.id, curve, start)
        if products:
            session.execute(delete(ProductResult).where(ProductResult.review_id == review.id))
            by_pid, by_name = _product_lookup(session)
            for row in products:
                product_id = by_pid.get(row.platform_product_id) if row.platform_product_id else None
                session.add(
                    ProductResult(
                        review_id=review.id,
                        product_id=product_id or by_name.get(row.name),
                        platform_product_id=row.platform_product_id[:64],
                        name=row.name[:300],
                        exposure_users=row.exposure_users,
                        click_users=row.click_users,
                        buyers=row.buyers,
                        orders=row.orders,
                        units=row.units,
                        gmv=row.gmv,
                        refund_buyers=row.refund_buyers,
                    )
                )
            summary.products = len(products)
        if channels:
            session.execute(delete(TrafficSource).where(TrafficSource.review_id == review.id))
            session.add_all(
                TrafficSource(
                    review_id=review.id,
                    channel=c.channel[:100],
                    views=c.views,
                    spend=c.spend,
                    avg_watch_seconds=c.avg_watch_seconds,
                    gmv=c.gmv,
                )
                for c in channels
            )
            summary.channels = len(channels)
        if orders:
            session.execute(delete(OrderLine).where(OrderLine.review_id == review.id))
            _insert_order_lines(session, review.id, orders)
            summary.orders = len(orders)
    return summary


def _unique_orders(parsed: Sequence[ParsedReviewData]) -> list[OrderRow]:
    """Order lines of all files, each (order, sub-order) once, the first kept."""
    with_orders = [data.orders for data in parsed if data.orders]
    if len(with_orders) == 1:  # the usual case: one export, checked for repeats in one pass over its keys
        only = with_orders[0]
        keys = zip(map(attrgetter("order_id"), only), map(attrgetter("sub_order_id"), only), strict=True)
        if len(set(keys)) == len(only):
            return list(only)
    seen: set[tuple[str, str]] = set()
    orders = []
    for lines in with_orders:
        for order in lines:
            key = (order.order_id, order.sub_order_id)
            if key not in seen:
                seen.add(key)
                orders.append(order)
    return orders


_ORDER_COLUMNS = (
    "review_id",
    "order_id",
    "sub_order_id",
    "product_name",
    "spec",
    "merchant_code",
    "quantity",
    "amount",
    "submitted_at",
    "status",
    "after_sale_status",
    "traffic_source",
)


def _insert_order_lines(session: Session, review_id: int, orders: Sequence[OrderRow]) -> None:
    """All order lines in one executemany of plain tuples, on the session's connection (same transaction).

    Values pass through the columns' own bind processors (Decimal and UTC datetime), as a Core insert would.
    """
    connection = session.connection()
    dialect = connection.dialect
    table = OrderLine.__table__
    processors = {
        name: processor
        for name in _ORDER_COLUMNS
        if (processor := table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None
    }
    if dialect.paramstyle != "qmark" or set(processors) - {"amount", "submitted_at"}:
        # not the SQLite schema this is written for: let SQLAlchemy build the statement
        session.execute(table.insert(), [dict(zip(_ORDER_COLUMNS, row, strict=True)) for row in _order_rows(review_id, orders)])
        return
    amount = processors.get("amount") or _unchanged  # Decimal → float: compiled, cheaper than any memo
    # exports repeat the second of many orders: each distinct time goes through its processor once
    process_time = processors.get("submitted_at") or _unchanged
    times = {moment: process_time(moment) for moment in {o.submitted_at for o in orders}}
    rows = [
        (
            review_id,
            o.order_id[:64],
            o.sub_order_id[:64],
            o.product_name[:300],
            o.spec[:300],
            o.merchant_code[:100],
            o.quantity,
            amount(o.amount),
            times[o.submitted_at],
            o.status[:50],
            o.after_sale_status[:50],
            o.traffic_source[:100],
        )
        for o in orders
    ]
    columns = ", ".join(_ORDER_COLUMNS)
    marks = ", ".join("?" * len(_ORDER_COLUMNS))
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", rows)


def _order_rows(review_id: int, orders: Sequence[OrderRow]) -> list[tuple[object, ...]]:
    return [
        (
            review_id,
            o.order_id[:64],
            o.sub_order_id[:64],
            o.product_name[:300],
            o.spec[:300],
            o.merchant_code[:100],
            o.quantity,
            o.amount,
            o.submitted_at,
            o.status[:50],
            o.after_sale_status[:50],
            o.traffic_source[:100],
        )
        for o in orders
    ]


def _unchanged(value: object) -> object:
    return value


def _get_or_create_review(session: Session, stream_id: int) -> Review:
    review = session.scalar(select(Review).where(Review.stream_id == stream_id))
    if review is None:
        review = Review(stream_id=stream_id)
        session.add(review)
        session.flush()
    return review


def _product_lookup(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    by_pid: dict[str, int] = {}
    by_name: dict[str, int] = {}
    for pid, platform_id, name in session.execute(select(Product.id, Product.platform_product_id, Product.name)):
        if platform_id:
            by_pid.setdefault(platform_id, pid)
        by_name.setdefault(name, pid)
    return by_pid, by_name


def _store_moments(session: Session, review_id: int, curve: Sequence[CurveRow], start: dt.datetime) -> int:
    """Replace the detected peaks/valleys, keeping the user's notes for moments that remain."""
    notes = {
        (m.kind, m.minute): m.note
        for m in session.scalars(select(Moment).where(Moment.review_id == review_id))
        if m.note
    }
    session.execute(delete(Moment).where(Moment.review_id == review_id))
    minutes = [int((row.at - start).total_seconds() // 60) for row in curve]
    found = curve_moments(minutes, [row.online for row in curve])
    for moment in found:
        session.add(
            Moment(
                review_id=review_id,
                kind=moment.kind,
                minute=moment.minute,
                online=moment.online,
                note=notes.get((moment.kind, moment.minute), ""),
            )
        )
    return len(found)


# ---------------------------------------------------------------- summary


def _minutes(seconds: float) -> int | float:
    value = seconds / 60
    return int(value) if float(value).is_integer() else round(value, 1)


def _segment_rows(session: Session, stream: Stream) -> tuple[list[dict[str, object]], list[SegmentSpan]]:
    script = session.scalar(select(Script).where(Script.stream_id == stream.id))
    segments: list[Segment] = list(script.segments) if script else []
    timings = list(
        session.scalars(
            select(SegmentTiming).where(SegmentTiming.stream_id == stream.id).order_by(SegmentTiming.started_at)
        )
    )
    by_segment = {t.segment_id: t for t in timings if t.segment_id is not None}
    by_title = {t.segment_title: t for t in timings if t.segment_title}
    rows: list[dict[str, object]] = []
    spans: list[SegmentSpan] = []
    for segment in segments:
        timing = by_segment.get(segment.id) or by_title.get(segment.title)
        actual_start = actual_minutes = None
        if timing is not None:
            actual_start = _minutes((timing.started_at - stream.start_at).total_seconds())
            if timing.ended_at is not None:
                actual_minutes = _minutes((timing.ended_at - timing.started_at).total_seconds())
        rows.append(
            {
                "title": segment.title,
                "planned_start_minute": _minutes(segment.start_seconds),
                "planned_minutes": _minutes(segment.duration_seconds),
                "actual_start_minute": actual_start,
                "actual_minutes": actual_minutes,
            }
        )
        if actual_start is not None and actual_minutes is not None:
            spans.append((segment.title, float(actual_start), float(actual_minutes)))
        else:
            spans.append((segment.title, segment.start_seconds / 60, segment.duration_seconds / 60))
    return rows, spans


def empty_summary() -> dict[str, object]:
    result: dict[str, object] = dict.fromkeys(SUMMARY_FIGURES)
    result.update(products=[], moments=[], segments=[])
    return result


def review_summary(db: Database, stream_id: int) -> dict[str, object]:
    """The review's figures, products, moments and segments as JSON-ready data (None where unknown)."""
    with db.session() as session:
        stream = session.get(Stream, stream_id)
        if stream is None:
            raise StreamNotFoundError(_no_stream(stream_id))
        review = session.scalar(select(Review).where(Review.stream_id == stream_id))
        result = empty_summary()
        segment_rows, spans = _segment_rows(session, stream)
        result["segments"] = segment_rows
        result["gmv_target"] = to_json_number(stream.gmv_target)
        if review is None:
            return result
        result.update(review_figures(review, stream.gmv_target).as_dict())
        products = session.scalars(
            select(ProductResult).where(ProductResult.review_id == review.id).order_by(ProductResult.id)
        )
        result["products"] = [_product_dict(p) for p in products]
        moments = list(session.scalars(select(Moment).where(Moment.review_id == review.id).order_by(Moment.id)))
        result["moments"] = [
            {"kind": m.kind, "minute": m.minute, "online": m.online, "segment": segment_at(m.minute, spans)}
            for m in moments
        ]
        return result


def _product_dict(p: ProductResult) -> dict[str, object]:
    rate = click_rate(p.click_users, p.exposure_users)
    flags = ["low_click_rate"] if rate is not None and rate < LOW_CLICK_RATE else []
    return {
        "name": p.name,
        "product_id": p.platform_product_id or None,
        "exposure_users": p.exposure_users,
        "click_users": p.click_users,
        "click_rate": to_json_number(rate),
        "buyers": p.buyers,
        "orders": p.orders,
        "gmv": to_json_number(p.gmv),
        "refund_buyers": p.refund_buyers,
        "flags": flags,
    }


def money(value: Decimal | None) -> str:
    """Money as the app shows it: ¥1,234.50 (or — when unknown)."""
    return "—" if value is None else f"¥{value:,.2f}"


__all__ = [
    "ImportCancelledError",
    "ImportFailed",
    "ImportSummary",
    "StreamNotFoundError",
    "empty_summary",
    "import_pasted_curve",
    "import_review_files",
    "review_summary",
    "store_review_data",
]
