"""One stream's review as every reader shows it: the review tab, the report (workbook and PDF) and
`livedesk review show --json` all read `load_review_model()` and list their figures from `KPI_TABLE`.

The judgement of a figure (good or bad) comes from the stream's goals and from the user's preferences
(`Thresholds.from_preferences`), never from a number written into a reader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, overload

from sqlalchemy import select

from livedesk.config import Preferences
from livedesk.models import Moment, ProductResult, Review, Stream
from livedesk.services import live_review, metrics, review_views
from livedesk.services.db import Database
from livedesk.services.messages import translate
from livedesk.services.metrics import ReviewFigures, review_figures, to_json_number
from livedesk.services.review_summary import _segment_rows, empty_summary, review_warnings


@dataclass(frozen=True)
class KpiDef:
    """One figure of the review, as every reader lists it."""

    key: str  # the figure's name in ReviewFigures and in `review show --json`
    label: str
    kind: str  # how it is written: money, count, rate, ratio, decimal, seconds, minutes
    basis: str  # how it is computed, the denominator named
    goal: str | None = None  # the Stream column holding its goal
    card: str | None = None  # the review tab's card showing it (None: the report and the JSON only)
    inputs: tuple[str, ...] = ()  # stored figures it comes from: their files are named beside it
    floor: str | None = None  # the Thresholds field it is judged against (bad below it)
    optional: bool = False  # left out of the tab and the report while unknown (a figure one platform states)


def kpi_table() -> tuple[KpiDef, ...]:
    """The review's figures in the order every reader lists them, labelled in the current language."""
    # each label spelled out in a translate() call: the translation tools only find literal calls
    return (
        KpiDef("gmv", translate("Messages", "GMV"), "money", translate("Messages", "sum of paid orders"), "gmv_target", "gmv", ("gmv",)),
        KpiDef("orders", translate("Messages", "Orders"), "count", translate("Messages", "paid orders"), inputs=("orders",)),
        KpiDef("buyers", translate("Messages", "Buyers"), "count", translate("Messages", "people who paid"), inputs=("buyers",)),
        KpiDef("uv", translate("Messages", "Viewers (UV)"), "count", translate("Messages", "unique viewers"), "viewers_target", "uv", ("uv",)),
        KpiDef("pv", translate("Messages", "Views (PV)"), "count", translate("Messages", "views; one person may watch several times"), None, "pv", ("pv",)),
        KpiDef("peak_online", translate("Messages", "Peak online"), "count", translate("Messages", "highest point of the online curve"), "peak_online_target",
               "peak_online", ("peak_online",)),
        KpiDef("avg_online", translate("Messages", "Average online"), "decimal", translate("Messages", "mean of the online curve"), None, "avg_online",
               ("avg_online",)),
        KpiDef("conversion_rate", translate("Messages", "Conversion"), "rate", translate("Messages", "buyers / UV (basis: people)"), "conversion_target",
               "conversion", ("buyers", "uv")),
        KpiDef("aov_per_buyer", translate("Messages", "AOV per buyer"), "money", translate("Messages", "GMV / buyers"), None, "aov_per_buyer", ("gmv", "buyers")),
        KpiDef("avg_order_amount", translate("Messages", "Average order amount"), "money", translate("Messages", "GMV / orders"), None, "avg_order_amount",
               ("gmv", "orders")),
        KpiDef("uv_value", translate("Messages", "UV value"), "money", translate("Messages", "GMV / UV"), None, "uv_value", ("gmv", "uv"), "uv_value_floor"),
        KpiDef("gpm", translate("Messages", "GPM"), "money", translate("Messages", "GMV / PV × 1000 (basis: views)"), None, "gpm", ("gmv", "pv")),
        KpiDef("new_followers", translate("Messages", "New followers"), "count", translate("Messages", "people who followed during the stream"),
               "new_followers_target", "new_followers", ("new_followers",)),
        KpiDef("ad_spend", translate("Messages", "Ad spend"), "money", translate("Messages", "paid traffic spend (e.g. Qianchuan)"), None, "ad_spend",
               ("ad_spend",)),
        KpiDef("paid_roi", translate("Messages", "Paid ROI"), "ratio", translate("Messages", "GMV / ad spend"), None, "paid_roi", ("gmv", "ad_spend"),
               "paid_roi_floor"),
        KpiDef("avg_watch_seconds", translate("Messages", "Average watch time"), "seconds", translate("Messages", "total watch time / UV"), None, "avg_watch",
               ("avg_watch_seconds",)),
        KpiDef("refund_amount", translate("Messages", "Refund amount"), "money", translate("Messages", "amount refunded"), None, "refunds",
               ("refund_amount",)),
        KpiDef("refund_rate", translate("Messages", "Refund rate"), "rate", translate("Messages", "refunds / GMV"), inputs=("refund_amount", "gmv")),
        KpiDef("seeding_conversion_rate", translate("Messages", "Taobao 种草 conversion"), "rate",
               translate("Messages", "buyers / product click users (Taobao's 种草成交转化率, as stated)"), None, "seeding_conversion",
               ("seeding_conversion_rate",), optional=True),
        KpiDef("duration_minutes", translate("Messages", "Actual length"), "minutes", translate("Messages", "from going live to ending the stream"),
               inputs=("duration_minutes",)),
    )  # fmt: skip


class _KpiTable(Sequence[KpiDef]):
    """KPI_TABLE[i]: labelled when it is read, in the language of that moment (not at import)."""

    @overload
    def __getitem__(self, index: int) -> KpiDef: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[KpiDef]: ...

    def __getitem__(self, index):
        return kpi_table()[index]

    def __iter__(self) -> Iterator[KpiDef]:
        return iter(kpi_table())

    def __len__(self) -> int:
        return len(kpi_table())


KPI_TABLE: Sequence[KpiDef] = _KpiTable()


@dataclass(frozen=True)
class Thresholds:
    """Where a figure turns bad, from the preferences."""

    uv_value_floor: Decimal = Decimal("0.8")  # yuan; below it the host should push harder
    low_click_rate: Decimal = metrics.LOW_CLICK_RATE  # products below it are elimination candidates
    paid_roi_floor: Decimal = metrics.HEALTHY_PAID_ROI

    @classmethod
    def from_preferences(cls, prefs: Preferences | None) -> Thresholds:
        prefs = prefs or Preferences()
        return cls(Decimal(str(prefs.uv_value_floor)), Decimal(str(prefs.low_click_rate)))

    def as_dict(self) -> dict[str, float | int | None]:
        return {name: to_json_number(getattr(self, name)) for name in ("uv_value_floor", "low_click_rate", "paid_roi_floor")}


def rate_text(rate: Decimal | float | None) -> str:
    """A threshold rate as a reader writes it: 0.03 -> "3%", 0.025 -> "2.5%"."""
    return "—" if rate is None else f"{float(rate) * 100:g}%"


def low_click_rate_of(summary: dict[str, Any] | Any) -> Decimal:
    """The low-click threshold a summary (ReviewModel.summary()) was judged by; the default without one."""
    value = ((summary or {}).get("thresholds") or {}).get("low_click_rate")
    return metrics.LOW_CLICK_RATE if value is None else Decimal(str(value))


@dataclass(frozen=True)
class KpiValue:
    """One figure of one review: value, goal, judgement and where it comes from."""

    kpi: KpiDef
    actual: Decimal | int | None
    target: Decimal | int | None
    attainment: Decimal | None
    good: bool | None  # None: nothing to judge it against (or unknown)
    floor: Decimal | None  # the preference it was judged against, if any
    sources: dict[str, str]  # input figure -> "FILE · basis" (missing inputs are absent)
    logged: bool  # taken (or computed) from the numbers typed during the stream

    @property
    def key(self) -> str:
        return self.kpi.key

    @property
    def source(self) -> str:
        """The file and basis of the figure itself (the report's Source column)."""
        return self.sources.get(self.kpi.key, "") if self.actual is not None else ""


@dataclass
class ReviewModel:
    """Everything shown of one stream's review, read in one go (off the GUI thread in the window)."""

    stream_id: int
    title: str = ""
    start_at: dt.datetime | None = None
    stream_info: dict[str, Any] = field(default_factory=dict)  # title, start, platform, account, … and the goals
    exists: bool = False  # the stream exists
    has_review: bool = False
    figures: ReviewFigures = field(default_factory=ReviewFigures)  # exported figures, typed ones where none
    exact_gmv: Decimal | None = None
    sources: dict[str, str] = field(default_factory=dict)  # figure -> "FILE · basis"
    warnings: list[str] = field(default_factory=list)
    goals: dict[str, Any] = field(default_factory=dict)  # Stream goal column -> value
    thresholds: Thresholds = field(default_factory=Thresholds)
    chart: review_views.ChartData | None = None
    products: list[review_views.ProductLine] = field(default_factory=list)
    moments: list[review_views.MomentRow] = field(default_factory=list)
    composition: review_views.Composition = field(default_factory=review_views.Composition)
    debrief: dict[str, str] = field(default_factory=dict)
    improvements: list[review_views.ImprovementData] = field(default_factory=list)
    console: live_review.ConsoleLog = field(default_factory=live_review.ConsoleLog)  # what the live console logged
    console_summary: dict[str, object] | None = None  # the same, JSON-ready
    chart_logged: bool = False  # the curve is the numbers typed during the stream (no export curve yet)
    chart_note: str = ""  # what that curve is: typed, or captured with its interval
    logged_figures: set[str] = field(default_factory=set)  # figures taken from the typed numbers
    segments: list[dict[str, object]] = field(default_factory=list)  # planned and actual, for the JSON
    product_rows: list[dict[str, object]] = field(default_factory=list)  # JSON-ready, low-click flags judged
    moment_rows: list[dict[str, object]] = field(default_factory=list)  # JSON-ready, with their segment

    def kpis(self) -> list[KpiValue]:
        """The KPI_TABLE's figures for this review, judged against the goals and the preferences."""
        return [self.kpi(k) for k in kpi_table()]

    def kpi(self, kpi: KpiDef | str) -> KpiValue:
        if isinstance(kpi, str):
            kpi = next(k for k in kpi_table() if k.key == kpi)
        actual = getattr(self.figures, kpi.key)
        target = self.goals.get(kpi.goal) if kpi.goal else None
        reached = metrics.attainment(actual, target)
        floor = getattr(self.thresholds, kpi.floor) if kpi.floor else None
        good: bool | None = None
        if actual is not None and floor is not None:
            good = actual >= floor
        elif reached is not None:
            good = reached >= 1
        sources = {name: self.sources[name] for name in (kpi.key, *kpi.inputs) if self.sources.get(name)}
        logged = bool(self.logged_figures & {kpi.key, *kpi.inputs}) and actual is not None
        return KpiValue(kpi, actual, target, reached, good, floor, sources, logged)

    def judgements(self) -> dict[str, str]:
        """{"uv_value": "good" | "bad", …} for every figure that has a goal or a preference and a value."""
        return {v.key: "good" if v.good else "bad" for v in self.kpis() if v.good is not None}

    def summary(self) -> dict[str, object]:
        """`review show --json`: figures, bases, judgements, sources, products, moments and segments."""
        result = empty_summary()
        result["segments"] = self.segments
        result["gmv_target"] = to_json_number(self.goals.get("gmv_target"))
        result["console_log"] = self.console_summary
        result["thresholds"] = self.thresholds.as_dict()  # what the judgements are made against
        if not self.has_review:
            return result
        result.update(self.figures.as_dict())
        result["sources"] = dict(self.sources)
        result["warnings"] = list(self.warnings)
        result["judgements"] = self.judgements()
        result["logged_figures"] = sorted(self.logged_figures)
        result["products"] = self.product_rows
        result["moments"] = self.moment_rows
        return result


def load_review_model(db: Database, stream_id: int, prefs: Preferences | None = None) -> ReviewModel:
    """Read one stream's review. An unknown stream gives a model with `exists` False (nothing else set)."""
    from livedesk.services.analysis import segment_at
    from livedesk.services.review import figure_sources

    model = ReviewModel(stream_id, thresholds=Thresholds.from_preferences(prefs))
    with db.session() as s:
        stream = s.get(Stream, stream_id)
        if stream is None:
            return model
        model.exists = True
        model.title, model.start_at = stream.title, stream.start_at
        model.goals = {
            "gmv_target": stream.gmv_target, "viewers_target": stream.viewers_target,
            "peak_online_target": stream.peak_online_target, "conversion_target": stream.conversion_target,
            "new_followers_target": stream.new_followers_target,
        }  # fmt: skip
        model.stream_info = {
            "id": stream.id, "title": stream.title, "start": stream.start_at, "planned_minutes": stream.planned_minutes,
            "platform": stream.platform, "account": stream.account, "theme": stream.theme, **model.goals,
        }  # fmt: skip
        model.segments, spans = _segment_rows(s, stream)
        model.console_summary = live_review.logged_summary(s, stream_id)
        review = s.scalar(select(Review).where(Review.stream_id == stream_id))
        if review is not None:
            model.figures = review_figures(review, stream.gmv_target)
            model.exact_gmv = review.gmv
            model.sources = figure_sources(review)
            model.warnings = review_warnings(review.gmv, review.orders_gmv, model.sources.get("gmv", ""))
            model.has_review = any(getattr(review, f) is not None for f in ("gmv", "uv", "pv", "orders", "peak_online"))
            results = s.scalars(select(ProductResult).where(ProductResult.review_id == review.id).order_by(ProductResult.id))
            model.product_rows = [_product_row(p, model.thresholds) for p in results]
            moments = s.scalars(select(Moment).where(Moment.review_id == review.id).order_by(Moment.id))
            model.moment_rows = [
                {"kind": m.kind, "minute": m.minute, "online": m.online, "segment": segment_at(m.minute, spans)}
                for m in moments
            ]
        else:
            model.figures = review_figures(None, stream.gmv_target)
    model.chart = review_views.chart_data(db, stream_id)
    model.console = live_review.load_console_log(db, stream_id)
    if model.chart.empty:  # no export curve yet: the numbers typed during the stream, labelled as logged
        logged = live_review.load_logged_curve(db, stream_id)
        if not logged.empty:
            model.chart.minutes, model.chart.series, model.chart_logged = logged.minutes, logged.series, True
            model.chart_note = logged.note  # typed, or captured every N s (live capture)
    model.figures, model.logged_figures = live_review.fill_figures(model.figures, model.console.figures)
    model.has_review = model.has_review or not model.chart.empty or not model.console.empty
    model.products = review_views.product_lines(db, stream_id, model.thresholds.low_click_rate)
    model.has_review = model.has_review or bool(model.products)
    model.moments = review_views.list_moments(db, stream_id)
    model.composition = review_views.composition(db, stream_id)
    model.debrief = review_views.get_debrief(db, stream_id)
    model.improvements = review_views.list_improvements(db, stream_id)
    return model


def _product_row(p: ProductResult, thresholds: Thresholds) -> dict[str, object]:
    rate = metrics.click_rate(p.click_users, p.exposure_users)
    flags = ["low_click_rate"] if rate is not None and rate < thresholds.low_click_rate else []
    return {
        "name": p.name,
        "product_id": p.platform_product_id or None,
        "exposure_users": p.exposure_users,
        "click_users": p.click_users,
        "click_rate": to_json_number(rate),
        "buyers": p.buyers,
        "orders": p.orders,
        "units": p.units,
        "gmv": to_json_number(p.gmv),
        "refund_buyers": p.refund_buyers,
        "flags": flags,
    }


__all__ = [
    "KPI_TABLE", "KpiDef", "KpiValue", "ReviewModel", "Thresholds", "kpi_table", "load_review_model",
    "low_click_rate_of", "rate_text",
]
