"""Read and small-write helpers behind the review tab: stream choices, chart arrays, moments,
the debrief, the improvement list, traffic composition and trends across streams.

Everything returned is plain data (dataclasses, lists, Decimal, aware datetimes); no Qt here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select

from livedesk.models import (
    CurvePoint,
    ImprovementItem,
    LineupItem,
    Moment,
    OrderLine,
    Person,
    Product,
    ProductResult,
    Review,
    ReviewImport,
    Script,
    SegmentTiming,
    Stream,
    StreamPerson,
    TrafficSource,
)
from livedesk.models.live import Incident, LinkEvent
from livedesk.services import metrics
from livedesk.services.analysis import segment_at
from livedesk.services.db import Database
from livedesk.services.importers.review_files import KIND_ORDERS
from livedesk.services.messages import translate
from livedesk.services.order_rules import LIVE_CONTENT, is_paid

# ---------------------------------------------------------------- streams


@dataclass(frozen=True)
class StreamChoice:
    id: int
    title: str
    start_at: dt.datetime
    platform: str
    account: str
    richness: int  # how much review data the stream holds (0 = none)

    @property
    def has_review(self) -> bool:
        return self.richness > 0


def stream_choices(db: Database) -> list[StreamChoice]:
    """Every stream, oldest first, with a measure of how much review data it holds."""
    with db.session() as s:
        review_of = dict(s.execute(select(Review.stream_id, Review.id)).all())
        points = dict(s.execute(select(CurvePoint.review_id, func.count()).group_by(CurvePoint.review_id)).all())
        products = dict(
            s.execute(select(ProductResult.review_id, func.count()).group_by(ProductResult.review_id)).all()
        )
        orders = dict(s.execute(select(OrderLine.review_id, func.count()).group_by(OrderLine.review_id)).all())
        gmv_known = set(s.scalars(select(Review.id).where(Review.gmv.is_not(None))))
        result = []
        for stream in s.scalars(select(Stream).order_by(Stream.start_at, Stream.id)):
            rid = review_of.get(stream.id)
            richness = 0
            if rid is not None:
                richness = (
                    points.get(rid, 0) * 3 + products.get(rid, 0) * 10 + min(orders.get(rid, 0), 100)
                    + (50 if rid in gmv_known else 0)
                )
            result.append(StreamChoice(stream.id, stream.title, stream.start_at, stream.platform, stream.account, richness))
        return result


def default_stream(choices: Sequence[StreamChoice]) -> int | None:
    """The most recent stream with review data, else the most recent stream that has started."""
    with_data = [c for c in choices if c.has_review]
    if with_data:
        return with_data[-1].id
    now = dt.datetime.now(dt.timezone.utc)
    past = [c for c in choices if c.start_at <= now]
    if past:
        return past[-1].id
    return choices[-1].id if choices else None


def richest_stream(choices: Sequence[StreamChoice]) -> int | None:
    best = max(choices, key=lambda c: (c.richness, c.start_at), default=None)
    return best.id if best is not None and best.has_review else (best.id if best else None)


# ---------------------------------------------------------------- chart data


CURVE_FIELDS = ("online", "entries", "leaves", "gmv", "orders", "comments", "new_followers", "fan_club_joins")


@dataclass
class SegmentBand:
    title: str
    kind: str
    start_minute: float
    minutes: float
    actual: bool  # True when the times come from the live log, False when planned


@dataclass
class Marker:
    minute: float
    kind: str  # incident kind, or "link_up" / "link_down"
    label: str


@dataclass
class ChartData:
    start_at: dt.datetime
    minutes: list[float] = field(default_factory=list)  # minutes from the start, one per sample
    series: dict[str, list[float | None]] = field(default_factory=dict)
    segments: list[SegmentBand] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.minutes

    def spans(self) -> list[tuple[str, float, float]]:
        return [(b.title, b.start_minute, b.minutes) for b in self.segments]

    def segment_at(self, minute: float) -> str | None:
        return segment_at(minute, self.spans())


def segment_bands(db: Database, stream_id: int) -> list[SegmentBand]:
    """The script's segments, at their actual times (live log) when known, else as planned."""
    with db.session() as s:
        stream = s.get(Stream, stream_id)
        if stream is None:
            return []
        script = s.scalar(select(Script).where(Script.stream_id == stream_id))
        if script is None:
            return []
        timings = list(s.scalars(select(SegmentTiming).where(SegmentTiming.stream_id == stream_id)))
        by_id = {t.segment_id: t for t in timings if t.segment_id is not None}
        by_title = {t.segment_title: t for t in timings if t.segment_title}
        bands = []
        for seg in script.segments:
            timing = by_id.get(seg.id) or by_title.get(seg.title)
            if timing is not None and timing.ended_at is not None:
                start = (timing.started_at - stream.start_at).total_seconds() / 60
                length = (timing.ended_at - timing.started_at).total_seconds() / 60
                bands.append(SegmentBand(seg.title, seg.kind, start, length, True))
            else:
                bands.append(SegmentBand(seg.title, seg.kind, seg.start_seconds / 60, seg.duration_seconds / 60, False))
        return bands


def chart_data(db: Database, stream_id: int) -> ChartData:
    """Curve arrays (minutes from start), segment bands and incident / link markers for one stream."""
    with db.session() as s:
        stream = s.get(Stream, stream_id)
        if stream is None:
            return ChartData(dt.datetime.now(dt.timezone.utc))
        data = ChartData(stream.start_at)
        review_id = s.scalar(select(Review.id).where(Review.stream_id == stream_id))
        if review_id is not None:
            rows = s.execute(
                select(CurvePoint.second, *[getattr(CurvePoint, f) for f in CURVE_FIELDS])
                .where(CurvePoint.review_id == review_id)
                .order_by(CurvePoint.second)
            ).all()
            data.minutes = [r[0] / 60 for r in rows]
            for i, name in enumerate(CURVE_FIELDS, start=1):
                data.series[name] = [None if r[i] is None else float(r[i]) for r in rows]
        for incident in s.scalars(select(Incident).where(Incident.stream_id == stream_id).order_by(Incident.at)):
            minute = (incident.at - stream.start_at).total_seconds() / 60
            data.markers.append(Marker(minute, incident.kind, incident.note))
        for event in s.scalars(
            select(LinkEvent).where(LinkEvent.stream_id == stream_id, LinkEvent.action.in_(("up", "down")))
        ):
            minute = (event.at - stream.start_at).total_seconds() / 60
            data.markers.append(Marker(minute, f"link_{event.action}", ""))
    data.segments = segment_bands(db, stream_id)
    return data


def cumulative(values: Sequence[float | None]) -> list[float]:
    total, out = 0.0, []
    for v in values:
        total += v or 0.0
        out.append(total)
    return out


# ---------------------------------------------------------------- moments


@dataclass
class MomentRow:
    id: int
    kind: str
    minute: int
    at: dt.datetime
    online: int | None
    segment: str | None
    note: str


def list_moments(db: Database, stream_id: int) -> list[MomentRow]:
    spans = [(b.title, b.start_minute, b.minutes) for b in segment_bands(db, stream_id)]
    with db.session() as s:
        stream = s.get(Stream, stream_id)
        review_id = s.scalar(select(Review.id).where(Review.stream_id == stream_id))
        if stream is None or review_id is None:
            return []
        moments = s.scalars(select(Moment).where(Moment.review_id == review_id).order_by(Moment.minute, Moment.id))
        return [
            MomentRow(
                m.id, m.kind, m.minute, stream.start_at + dt.timedelta(minutes=m.minute), m.online,
                segment_at(m.minute, spans), m.note,
            )
            for m in moments
        ]


def set_moment_note(db: Database, moment_id: int, note: str) -> str:
    """Store a moment's note; returns the note it replaced."""
    with db.session() as s:
        moment = s.get(Moment, moment_id)
        if moment is None:
            raise LookupError(translate("Messages", "Moment {0} no longer exists.").format(moment_id))
        old, moment.note = moment.note, note
        return old


# ---------------------------------------------------------------- debrief


DEBRIEF_FIELDS = ("highlights", "problems", "root_cause")


def get_debrief(db: Database, stream_id: int) -> dict[str, str]:
    with db.session() as s:
        review = s.scalar(select(Review).where(Review.stream_id == stream_id))
        return {f: (getattr(review, f) if review else "") or "" for f in DEBRIEF_FIELDS}


def save_debrief(db: Database, stream_id: int, **texts: str) -> None:
    """Save any of highlights / problems / root_cause, creating the review row when needed."""
    unknown = set(texts) - set(DEBRIEF_FIELDS)
    if unknown:
        raise ValueError(f"not debrief fields: {sorted(unknown)}")
    with db.session() as s:
        if s.get(Stream, stream_id) is None:
            raise LookupError(
                translate("Messages", "Stream {0} does not exist (it may have been deleted).").format(stream_id)
            )
        review = s.scalar(select(Review).where(Review.stream_id == stream_id))
        if review is None:
            review = Review(stream_id=stream_id)
            s.add(review)
        for name, value in texts.items():
            setattr(review, name, value)


# ---------------------------------------------------------------- improvement list


@dataclass
class ImprovementData:
    text: str
    owner: str = ""
    due_date: dt.date | None = None
    done: bool = False
    id: int | None = None


def list_improvements(db: Database, stream_id: int) -> list[ImprovementData]:
    with db.session() as s:
        items = s.scalars(
            select(ImprovementItem).where(ImprovementItem.stream_id == stream_id).order_by(ImprovementItem.id)
        )
        return [ImprovementData(i.text, i.owner, i.due_date, i.done, i.id) for i in items]


def add_improvement(db: Database, stream_id: int, data: ImprovementData) -> int:
    """Insert an item (keeping data.id when given, so a redo restores the same row); returns its id."""
    with db.session() as s:
        item = ImprovementItem(
            stream_id=stream_id, text=data.text, owner=data.owner, due_date=data.due_date, done=data.done
        )
        if data.id is not None:
            item.id = data.id
        if data.done:
            item.done_at = dt.datetime.now(dt.timezone.utc)
        s.add(item)
        s.flush()
        return item.id


def update_improvement(db: Database, data: ImprovementData) -> ImprovementData:
    """Store new values; returns the values replaced."""
    with db.session() as s:
        item = s.get(ImprovementItem, data.id)
        if item is None:
            raise LookupError(translate("Messages", "Improvement item {0} no longer exists.").format(data.id))
        old = ImprovementData(item.text, item.owner, item.due_date, item.done, item.id)
        item.text, item.owner, item.due_date = data.text, data.owner, data.due_date
        if data.done != item.done:
            item.done_at = dt.datetime.now(dt.timezone.utc) if data.done else None
        item.done = data.done
        return old


def delete_improvement(db: Database, item_id: int) -> ImprovementData:
    with db.session() as s:
        item = s.get(ImprovementItem, item_id)
        if item is None:
            raise LookupError(translate("Messages", "Improvement item {0} no longer exists.").format(item_id))
        old = ImprovementData(item.text, item.owner, item.due_date, item.done, item.id)
        s.delete(item)
        return old


# ---------------------------------------------------------------- products and traffic


@dataclass
class ProductLine:
    name: str
    product_id: str
    exposure_users: int | None
    click_users: int | None
    click_rate: Decimal | None
    buyers: int | None
    product_conversion: Decimal | None
    orders: int | None
    gmv: Decimal | None
    refund_buyers: int | None
    margin: Decimal | None = None  # gross margin of the matched pool product, at this stream's lineup price
    low_click_rate: Decimal = metrics.LOW_CLICK_RATE  # the preference it is judged against

    @property
    def low_click(self) -> bool:
        return self.click_rate is not None and self.click_rate < self.low_click_rate


def product_lines(
    db: Database, stream_id: int, low_click_rate: Decimal = metrics.LOW_CLICK_RATE
) -> list[ProductLine]:
    with db.session() as s:
        review_id = s.scalar(select(Review.id).where(Review.stream_id == stream_id))
        if review_id is None:
            return []
        rows = list(s.scalars(select(ProductResult).where(ProductResult.review_id == review_id).order_by(ProductResult.id)))
        margins = _pool_margins(s, stream_id, [p.product_id for p in rows if p.product_id is not None])
        return [
            ProductLine(
                p.name, p.platform_product_id, p.exposure_users, p.click_users,
                metrics.click_rate(p.click_users, p.exposure_users), p.buyers,
                metrics.product_conversion(p.buyers, p.click_users), p.orders, p.gmv, p.refund_buyers,
                margins.get(p.product_id), low_click_rate,
            )
            for p in rows
        ]


def _pool_margins(session, stream_id: int, product_ids: list[int]) -> dict[int, Decimal | None]:
    """Gross margin per matched pool product, at the lineup's live price when the stream set one."""
    if not product_ids:
        return {}
    lineup = {
        item.product_id: item.live_price
        for item in session.scalars(select(LineupItem).where(LineupItem.stream_id == stream_id))
    }
    result: dict[int, Decimal | None] = {}
    for product in session.scalars(select(Product).where(Product.id.in_(product_ids))):
        price = lineup.get(product.id) or product.live_price
        result[product.id] = metrics.gross_margin(price, product.cost, product.commission_rate)
    return result


@dataclass
class Composition:
    natural_uv: int | None = None
    paid_uv: int | None = None
    uv: int | None = None
    ad_spend: Decimal | None = None
    refund_buyers: int | None = None
    refund_amount: Decimal | None = None
    buyers: int | None = None
    gmv: Decimal | None = None
    channels: list[tuple[str, int | None, Decimal | None, int | None, Decimal | None]] = field(default_factory=list)
    # (source, orders, amount) of paid orders by traffic source, largest amount first
    order_sources: list[tuple[str, int, Decimal]] = field(default_factory=list)

    @property
    def refund_rate(self) -> Decimal | None:
        """Refund buyers / buyers (people basis)."""
        return metrics.ratio(self.refund_buyers, self.buyers)

    @property
    def empty(self) -> bool:
        return (
            self.natural_uv is None and self.paid_uv is None and not self.channels and not self.order_sources
            and self.refund_buyers is None
        )


def composition(db: Database, stream_id: int) -> Composition:
    with db.session() as s:
        review = s.scalar(select(Review).where(Review.stream_id == stream_id))
        if review is None:
            return Composition()
        comp = Composition(
            review.natural_uv, review.paid_uv, review.uv, review.ad_spend, review.refund_buyers,
            review.refund_amount, review.buyers, review.gmv,
        )
        for c in s.scalars(select(TrafficSource).where(TrafficSource.review_id == review.id).order_by(TrafficSource.id)):
            comp.channels.append((c.channel, c.views, c.spend, c.avg_watch_seconds, c.gmv))
        window, live_only = _order_rule(s, review.id)
        sources: dict[str, list] = defaultdict(lambda: [0, Decimal(0)])
        for source, status, after_sale, cancel_reason, amount, at, content_type in s.execute(
            select(
                OrderLine.traffic_source, OrderLine.status, OrderLine.after_sale_status, OrderLine.cancel_reason,
                OrderLine.amount, OrderLine.submitted_at, OrderLine.content_type,
            ).where(OrderLine.review_id == review.id)
        ):
            if not is_paid(status or "", after_sale or "", cancel_reason or ""):
                continue
            if live_only and (content_type or "").strip() != LIVE_CONTENT:
                continue
            if window is not None and (at is None or not window[0] <= at <= window[1]):
                continue
            entry = sources[source or ""]
            entry[0] += 1
            entry[1] += amount or Decimal(0)
        comp.order_sources = sorted(((k, v[0], v[1]) for k, v in sources.items()), key=lambda t: -t[2])
        return comp


def _order_rule(session, review_id: int) -> tuple[tuple[dt.datetime, dt.datetime] | None, bool]:
    """The window and live-only filter the latest order import was counted by (none for older imports)."""
    details = session.scalar(
        select(ReviewImport.details_json)
        .where(ReviewImport.review_id == review_id, ReviewImport.kind == KIND_ORDERS)
        .order_by(ReviewImport.id.desc())
        .limit(1)
    )
    try:
        loaded = json.loads(details or "{}")
        start, end = (dt.datetime.fromisoformat(v) for v in loaded["order_window"])
    except (ValueError, KeyError, TypeError):
        return None, False
    return (start, end), bool(loaded.get("live_only"))


# ---------------------------------------------------------------- trends


PERIODS = ("day", "week", "month")


@dataclass
class TrendRow:
    period: str  # label: 2026-11-12, 2026-W46, 2026-11
    first_day: dt.date
    streams: int
    gmv: Decimal | None
    uv: int | None
    buyers: int | None
    orders: int | None

    @property
    def conversion(self) -> Decimal | None:
        return metrics.conversion(self.buyers, self.uv)

    @property
    def uv_value(self) -> Decimal | None:
        return metrics.uv_value(self.gmv, self.uv)

    @property
    def aov_per_buyer(self) -> Decimal | None:
        return metrics.aov_per_buyer(self.gmv, self.buyers)


@dataclass(frozen=True)
class TrendFilters:
    platforms: list[str]
    accounts: list[str]
    hosts: list[str]


def trend_filters(db: Database) -> TrendFilters:
    with db.session() as s:
        platforms = sorted(set(s.scalars(select(Stream.platform))))
        accounts = sorted({a for a in s.scalars(select(Stream.account)) if a})
        hosts = sorted(
            set(
                s.scalars(
                    select(Person.name).join(StreamPerson, StreamPerson.person_id == Person.id).where(StreamPerson.role == "host")
                )
            )
        )
        return TrendFilters(platforms, accounts, hosts)


def _period_of(day: dt.date, period: str) -> tuple[str, dt.date]:
    if period == "day":
        return day.isoformat(), day
    if period == "week":
        year, week, weekday = day.isocalendar()
        return f"{year}-W{week:02d}", day - dt.timedelta(days=weekday - 1)
    if period == "month":
        return f"{day.year}-{day.month:02d}", day.replace(day=1)
    raise ValueError(f"unknown period {period!r}")


def _add(a, b):
    if b is None:
        return a
    return b if a is None else a + b


def trends(
    db: Database,
    period: str = "day",
    platform: str | None = None,
    account: str | None = None,
    host: str | None = None,
    tz: dt.tzinfo | None = None,
) -> list[TrendRow]:
    """Reviewed streams summed by local day / ISO week / month, oldest first.

    Ratios are computed from the summed numerators and denominators, never averaged.
    """
    with db.session() as s:
        query = select(Stream, Review).join(Review, Review.stream_id == Stream.id)
        if platform:
            query = query.where(Stream.platform == platform)
        if account:
            query = query.where(Stream.account == account)
        if host:
            query = query.where(
                Stream.id.in_(
                    select(StreamPerson.stream_id)
                    .join(Person, Person.id == StreamPerson.person_id)
                    .where(StreamPerson.role == "host", Person.name == host)
                )
            )
        groups: dict[str, TrendRow] = {}
        for stream, review in s.execute(query.order_by(Stream.start_at)):
            day = stream.start_at.astimezone(tz).date()
            label, first = _period_of(day, period)
            row = groups.get(label)
            if row is None:
                row = groups[label] = TrendRow(label, first, 0, None, None, None, None)
            row.streams += 1
            row.gmv = _add(row.gmv, review.gmv)
            row.uv = _add(row.uv, review.uv)
            row.buyers = _add(row.buyers, review.buyers)
            row.orders = _add(row.orders, review.orders)
        return sorted(groups.values(), key=lambda r: r.first_day)
