"""The review (复盘): import platform exports for a stream and summarise its figures.

`import_review_files` parses every file first and then writes everything in one unit of work,
so a bad file leaves the database untouched. `review_summary` returns plain JSON-ready data.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import methodcaller
from pathlib import Path
from typing import TYPE_CHECKING

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
    Stream,
    TrafficSource,
)
from livedesk.services.db import Database
from livedesk.services.importers import file_reads
from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.order_table import OrderTable
from livedesk.services.importers.review_files import (
    DERIVED,
    FIGURE_FIELDS,
    KIND_DOUYIN_WORKBOOK,
    KIND_ORDERS,
    KIND_PASTED,
    KIND_TAOBAO_WORKBOOK,
    KIND_TREND,
    SLOT_MARGIN,
    CurveRow,
    FileInspection,
    OrderRow,
    ParsedReviewData,
    ProductRow,
    WrongDayFailed,
    inspect_review_file,
    parse_pasted_text,
    parse_review_file,
)
from livedesk.services.messages import translate
from livedesk.services.order_rules import DEFAULT_GRACE_MINUTES, OrderCount, count_orders, order_window
from livedesk.services.review_presets import Corrections

# the read side moved to review_summary.py; importable from here as before
from livedesk.services.review_summary import ORDERS_GMV_TOLERANCE as ORDERS_GMV_TOLERANCE
from livedesk.services.review_summary import _minutes as _minutes
from livedesk.services.review_summary import _segment_rows as _segment_rows
from livedesk.services.review_summary import empty_summary
from livedesk.services.review_summary import money as money
from livedesk.services.review_summary import review_warnings as review_warnings

if TYPE_CHECKING:
    from livedesk.config import Preferences

ProgressCallback = Callable[[int, int, str], None]


class ImportCancelledError(Exception):
    """The user cancelled; nothing was written."""


class StreamNotFoundError(LookupError):
    pass


def _no_stream(stream_id: int) -> str:
    return translate("Messages", "Stream {0} does not exist (it may have been deleted).").format(stream_id)


@dataclass
class FileReport:
    """What one file gave, and what it left out, for the preview and `review import --json`."""

    file: str
    kind: str
    rows: int
    unused_columns: list[tuple[str, str]] = field(default_factory=list)  # (sheet, header)
    session: str | None = None
    orders: dict[str, object] | None = None  # {"counted": n, "excluded": {reason: n}}

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "kind": self.kind,
            "rows": self.rows,
            "unused_columns": [{"sheet": sheet, "column": column} for sheet, column in self.unused_columns],
            "session": self.session,
            "orders": self.orders,
        }


@dataclass
class ImportSummary:
    files: list[tuple[str, str, int]] = field(default_factory=list)  # (file name, kind, rows)
    reports: list[FileReport] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)  # figure names written
    sources: dict[str, str] = field(default_factory=dict)  # figure -> "FILE · basis" of what was written
    kept: list[str] = field(default_factory=list)  # figures an earlier, better-trusted file keeps
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
    grace_minutes: int = DEFAULT_GRACE_MINUTES,
    corrections: Corrections | None = None,
) -> ImportSummary:
    """Parse all files, then store them in one transaction (all or nothing).

    `mapping_overrides` maps a file (its path as given, or its name) to {header in file: field or None}.
    `corrections`, the ones the user made in the preview, are saved as presets in the same transaction.
    Data of the kinds a file brings (curve, products, channels, orders) replaces what was stored before.
    Raises ImportFailed (nothing written; WrongDayFailed for a file of another day) or ImportCancelledError.
    """
    with _gc_paused():  # 100,000 order rows are over a million live objects: no cycle scans while they are built
        parsed = parse_for_stream(db, stream_id, paths, mapping_overrides, progress, cancelled)
        if progress:
            progress(len(paths), len(paths) + 1, translate("Messages", "Saving"))
        summary = store_review_data(db, stream_id, parsed, grace_minutes, corrections)
        if progress:
            progress(len(paths) + 1, len(paths) + 1, translate("Messages", "Done"))
        return summary


@dataclass
class FilePreview:
    """One file as the import preview shows it before anything is written."""

    key: str  # the path as given
    file_name: str
    kind: str
    label: str
    mappings: list
    report: FileReport | None = None  # what it gives and leaves out, when it parses
    error: str | None = None  # why it would be refused
    matching_stream: tuple[int, str, dt.datetime] | None = None  # a stream whose slot fits a wrong-day file
    applied: dict[str, str | None] = field(default_factory=dict)  # a saved mapping applied to this file


def preview_review_files(
    db: Database,
    stream_id: int,
    paths: Sequence[str | Path],
    mapping_overrides: Mapping[str, Mapping[str, str | None]] | None = None,
    grace_minutes: int = DEFAULT_GRACE_MINUTES,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    overrides_for: Callable[[FileInspection], Mapping[str, str | None] | None] | None = None,
) -> list[FilePreview]:
    """Recognise and parse each file for the stream, without writing: what would be imported, what not, why.

    A file that cannot be recognised at all raises ImportFailed; any other refusal is kept in `error`.
    `overrides_for(inspection)` may give a saved column mapping for a file (a preset); it is kept in
    `FilePreview.applied`.
    """
    start, end = stream_slot(db, stream_id)
    previews: list[FilePreview] = []
    parsed: list[ParsedReviewData] = []
    for index, path in enumerate(paths):
        if cancelled and cancelled():
            raise ImportCancelledError()
        if progress:
            progress(index, len(paths))
        inspection = inspect_review_file(path)
        preview = FilePreview(str(path), inspection.file_name, inspection.kind, inspection.label, inspection.mappings)
        preset = overrides_for(inspection) if overrides_for else None
        preview.applied = dict(preset or {})
        overrides = {**preview.applied, **((mapping_overrides or {}).get(str(path)) or {})} or None
        try:
            data = parse_review_file(path, start, overrides, stream_end=end)
        except WrongDayFailed as exc:
            preview.error = exc.message
            preview.matching_stream = stream_for_span(db, exc.span, exclude=stream_id)
        except ImportFailed as exc:
            preview.error = str(exc)
        else:
            parsed.append(data)
            preview.report = FileReport(data.file_name, data.kind, data.rows, list(data.unused_columns), data.session)
        previews.append(preview)
    orders = _unique_orders(parsed)
    if orders:
        with db.session() as session:
            stream = session.get(Stream, stream_id)
            review = session.scalar(select(Review).where(Review.stream_id == stream_id))
            count = _count_orders(parsed, orders, _merge_figures(_in_fixed_order(parsed)), review, stream, grace_minutes)
        for preview in previews:
            if preview.report is not None and any(d.orders and d.file_name == preview.file_name for d in parsed):
                preview.report.orders = count.as_dict()
    if progress:
        progress(len(paths), len(paths))
    return previews


def stream_for_span(
    db: Database, span: tuple[dt.datetime, dt.datetime], exclude: int | None = None
) -> tuple[int, str, dt.datetime] | None:
    """The stream whose slot (± 2 hours) overlaps a file's times, nearest first: (id, title, start)."""
    first, last = span
    with db.session() as session:
        candidates = session.scalars(
            select(Stream).where(Stream.start_at <= last + SLOT_MARGIN, Stream.start_at >= first - dt.timedelta(days=1))
        ).all()
        fitting = [
            s for s in candidates
            if s.id != exclude and last >= s.start_at - SLOT_MARGIN and first <= s.end_at + SLOT_MARGIN
        ]
        if not fitting:
            return None
        best = min(fitting, key=lambda s: abs((s.start_at - first).total_seconds()))
        return best.id, best.title, best.start_at


def stream_slot(db: Database, stream_id: int) -> tuple[dt.datetime, dt.datetime]:
    """The stream's planned start and end (aware)."""
    with db.session() as session:
        stream = session.get(Stream, stream_id)
        if stream is None:
            raise StreamNotFoundError(_no_stream(stream_id))
        return stream.start_at, stream.end_at


def parse_for_stream(
    db: Database,
    stream_id: int,
    paths: Sequence[str | Path],
    mapping_overrides: Mapping[str, Mapping[str, str | None]] | None = None,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ParsedReviewData]:
    """Parse every file for a stream (its slot picks sessions and refuses other days); nothing is written."""
    stream_start, stream_end = stream_slot(db, stream_id)
    parsed: list[ParsedReviewData] = []
    total = len(paths) + 1
    try:
        for index, path in enumerate(paths):
            if cancelled and cancelled():
                raise ImportCancelledError()
            path = Path(path)
            if progress:
                progress(index, total, translate("Messages", "Reading {0}").format(path.name))
            overrides = None
            if mapping_overrides:
                overrides = mapping_overrides.get(str(path)) or mapping_overrides.get(path.name)
            # the sheets read for the preview (or the drop) are parsed again here, not read again
            parsed.append(parse_review_file(path, stream_start, overrides, stream_end=stream_end))
    finally:
        file_reads.forget(paths)  # parsed (or refused): the import is done with the files' rows
    if cancelled and cancelled():
        raise ImportCancelledError()
    return parsed


@contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def import_pasted_curve(
    db: Database, stream_id: int, text: str, mapping: Mapping[str, str | None] | None = None
) -> ImportSummary:
    """Store a per-minute table pasted from the clipboard as the stream's curve."""
    start, end = stream_slot(db, stream_id)
    data = parse_pasted_text(text, start, mapping, stream_end=end)
    return store_review_data(db, stream_id, [data])


# files of these kinds are consulted first when two state a figure equally well (then by file name),
# so the result never depends on the order the files were chosen in
_KIND_RANK = {KIND_DOUYIN_WORKBOOK: 0, KIND_TAOBAO_WORKBOOK: 1, KIND_TREND: 2, KIND_PASTED: 3, KIND_ORDERS: 4}


def _in_fixed_order(parsed: Sequence[ParsedReviewData]) -> list[ParsedReviewData]:
    return sorted(parsed, key=lambda d: (_KIND_RANK.get(d.kind, 9), d.file_name))


@dataclass
class _Figure:
    value: object
    quality: int
    source: str  # "FILE · basis"


def _merge_figures(parsed: Sequence[ParsedReviewData]) -> dict[str, _Figure]:
    """The best-trusted value of each figure: stated > exact per-minute sums > derived; exact > rounded."""
    best: dict[str, _Figure] = {}
    for data in parsed:  # in fixed order: the first of equals wins
        for name, value in data.figures.items():
            if name not in FIGURE_FIELDS:
                continue
            quality = data.quality.get(name, 0)
            if name not in best or quality > best[name].quality:
                best[name] = _Figure(value, quality, _source(data.file_name, data.bases.get(name, "")))
    return best


def _source(file_name: str, basis: str) -> str:
    return f"{file_name} · {basis}" if basis else file_name


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


def _count_orders(
    parsed: Sequence[ParsedReviewData],
    orders: Sequence[OrderRow],
    figures: Mapping[str, _Figure],
    stored: Review | None,
    stream: Stream,
    grace_minutes: int,
) -> OrderCount:
    """The order export counted by the platform's rule in the stream's window (actual end when known)."""
    actual_start = _figure_value(figures, stored, "started_at")
    duration = _figure_value(figures, stored, "duration_minutes")
    actual_end = actual_start + dt.timedelta(minutes=duration) if actual_start and duration else None
    window = order_window(stream.start_at, stream.end_at, actual_start, actual_end, grace_minutes)
    has_content_type = any(
        m.table == "orders" and "content_type" in m.columns.values() for data in parsed for m in data.mappings
    )
    return count_orders(orders, window, has_content_type)


def _figure_value(figures: Mapping[str, _Figure], stored: Review | None, name: str):
    if name in figures:
        return figures[name].value
    return getattr(stored, name, None) if stored is not None else None


def _orders_basis(count: OrderCount, file_name: str) -> str:
    start, end = count.window  # type: ignore[misc]
    basis = translate("Messages", "{0} paid orders submitted {1}–{2}").format(
        count.orders, start.astimezone().strftime("%m-%d %H:%M"), end.astimezone().strftime("%H:%M")
    )
    if count.has_content_type:
        basis += translate("Messages", ", 流量体裁 直播 only")
    return _source(file_name, basis)


def stored_sources(review: Review | None) -> dict[str, dict[str, object]]:
    """{figure: {"source": "FILE · basis", "quality": n}} as stored with the review."""
    if review is None or not review.sources_json:
        return {}
    try:
        loaded = json.loads(review.sources_json)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def figure_sources(review: Review | None) -> dict[str, str]:
    """{figure: "FILE · basis"} for every figure the review holds a value for."""
    return {
        name: str(entry.get("source", ""))
        for name, entry in stored_sources(review).items()
        if isinstance(entry, dict) and getattr(review, name, None) is not None
    }


def store_review_data(
    db: Database,
    stream_id: int,
    parsed: Sequence[ParsedReviewData],
    grace_minutes: int = DEFAULT_GRACE_MINUTES,
    corrections: Corrections | None = None,
) -> ImportSummary:
    """Write parsed files for a stream in one unit of work.

    A figure already stored from a better-trusted source is kept (re-importing the same file replaces it),
    so the result does not depend on the order of files or of imports.
    """
    parsed = _in_fixed_order(parsed)
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
        order_count: OrderCount | None = None
        if orders:
            order_count = _count_orders(parsed, orders, figures, review, stream, grace_minutes)
            order_file = next(d.file_name for d in parsed if d.orders)
            source = _orders_basis(order_count, order_file)
            for name, value in (("gmv", order_count.gmv), ("orders", order_count.orders),
                                ("units", order_count.units), ("refund_amount", order_count.refund_amount)):
                if name not in figures or figures[name].quality < DERIVED:
                    figures[name] = _Figure(value, DERIVED, source)
            review.orders_gmv = order_count.gmv
        sources = stored_sources(review)
        files_now = {d.file_name for d in parsed}
        written = []
        for name, figure in figures.items():
            previous = sources.get(name)
            if (
                isinstance(previous, dict)
                and getattr(review, name) is not None
                and int(previous.get("quality", -1)) > figure.quality
                and str(previous.get("source", "")).split(" · ")[0] not in files_now
            ):
                summary.kept.append(name)
                continue
            setattr(review, name, figure.value)
            sources[name] = {"source": figure.source, "quality": figure.quality}
            written.append(name)
        review.sources_json = json.dumps(sources, ensure_ascii=False, sort_keys=True)
        summary.figures = sorted(written)
        summary.sources = {name: str(sources[name]["source"]) for name in written}
        for data in parsed:
            report = FileReport(data.file_name, data.kind, data.rows, list(data.unused_columns), data.session)
            if data.orders and order_count is not None:
                report.orders = order_count.as_dict()
            summary.reports.append(report)
            details = {k: v for k, v in report.as_dict().items() if k in ("unused_columns", "session", "orders")}
            if data.orders and order_count is not None and order_count.window is not None:
                # the rule the lines were counted by, so the overview's order sources count the same lines
                details["order_window"] = [moment.isoformat() for moment in order_count.window]
                details["live_only"] = order_count.has_content_type
            session.add(
                ReviewImport(
                    review_id=review.id, file_name=data.file_name[:300], kind=data.kind, rows=data.rows,
                    details_json=json.dumps(details, ensure_ascii=False),
                )
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
                    ad_spend=row.ad_spend,
                    buyers=row.buyers,
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
        if corrections is not None:
            corrections.save(session)
    return summary


def _unique_orders(parsed: Sequence[ParsedReviewData]) -> Sequence[OrderRow]:
    """Order lines of all files, each (order, sub-order) once, the first kept."""
    with_orders = [data.orders for data in parsed if data.orders]
    if len(with_orders) == 1:  # the usual case: one export, checked for repeats in one pass over its keys
        only = OrderTable.of(with_orders[0])
        sub_orders = only.column("sub_order_id")
        if len(set(sub_orders)) == len(only):  # distinct sub-orders: distinct pairs
            return only
        if len(set(zip(only.column("order_id"), sub_orders, strict=True))) == len(only):
            return only
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
    "cancel_reason",
    "content_type",
)


def _insert_order_lines(session: Session, review_id: int, orders: Sequence[OrderRow]) -> None:
    """All order lines in one executemany, built column by column, on the session's connection (same
    transaction).

    Values pass through the columns' own bind processors (Decimal and UTC datetime), as a Core insert would.
    """
    table = OrderTable.of(orders)
    order_lines = OrderLine.__table__
    # texts longer than their column (String(64)…) are cut to it
    columns = {
        name: _cut(table.column(name), getattr(order_lines.c[name].type, "length", None))
        for name in _ORDER_COLUMNS[1:]
    }
    columns["review_id"] = [review_id] * len(table)
    connection = session.connection()
    dialect = connection.dialect
    processors = {
        name: processor
        for name in _ORDER_COLUMNS
        if (processor := order_lines.c[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None
    }
    if dialect.paramstyle != "qmark" or set(processors) - {"amount", "submitted_at"}:
        # not the SQLite schema this is written for: let SQLAlchemy build the statement
        values = zip(*(columns[name] for name in _ORDER_COLUMNS), strict=True)
        session.execute(order_lines.insert(), [dict(zip(_ORDER_COLUMNS, row, strict=True)) for row in values])
        return
    if "amount" in processors:  # Decimal → float: compiled, cheaper than any memo
        columns["amount"] = list(map(processors["amount"], columns["amount"]))
    # exports repeat the second of many orders: each distinct time goes through its processor once
    times = _stored_times(set(columns["submitted_at"]), processors.get("submitted_at") or _unchanged)
    columns["submitted_at"] = list(map(times.__getitem__, columns["submitted_at"]))
    rows = list(zip(*(columns[name] for name in _ORDER_COLUMNS), strict=True))
    names = ", ".join(_ORDER_COLUMNS)
    marks = ", ".join("?" * len(_ORDER_COLUMNS))
    connection.exec_driver_sql(f"INSERT INTO {order_lines.name} ({names}) VALUES ({marks})", rows)


def _cut(column: Sequence[object], limit: int | None) -> Sequence[object]:
    """A text column with every text cut to `limit` characters (the column itself when none is longer)."""
    if limit is None or not column or max(map(len, column)) <= limit:  # type: ignore[arg-type]
        return column
    return [text[:limit] for text in column]  # type: ignore[index]


_AS_UTC = methodcaller("astimezone", dt.timezone.utc)
_NAIVE = methodcaller("replace", tzinfo=None)
_AS_STORED = methodcaller("isoformat", " ", "microseconds")  # SQLite's DATETIME text, as SQLAlchemy writes it


def _stored_times(moments: set[dt.datetime | None], process: Callable[[object], object]) -> dict[object, object]:
    """{moment: the value stored for it}: formatted in C when that gives what the column's processor gives
    (checked on a few), else by the processor (100,000 orders hold ~15,000 distinct seconds)."""
    present = [m for m in moments if m is not None]
    if any(m.tzinfo is None for m in present):  # the processor refuses those
        return {m: process(m) for m in moments}
    fast = dict(zip(present, map(_AS_STORED, map(_NAIVE, map(_AS_UTC, present))), strict=True))
    if any(process(m) != fast[m] for m in present[:3]):
        fast = {m: process(m) for m in present}
    if None in moments:
        fast[None] = process(None)
    return fast  # type: ignore[return-value]


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
    from livedesk.services.analysis import curve_moments  # numpy, which an order export alone never needs

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


# ---------------------------------------------------------------- summary (services/review_summary.py)


def review_summary(db: Database, stream_id: int, prefs: Preferences | None = None) -> dict[str, object]:
    """The review's figures, products, moments and segments as JSON-ready data (None where unknown).

    The same read model as the tab and the report (services/review_model.py), judged by `prefs`.
    """
    from livedesk.services.review_model import load_review_model

    model = load_review_model(db, stream_id, prefs)
    if not model.exists:
        raise StreamNotFoundError(_no_stream(stream_id))
    return model.summary()


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
