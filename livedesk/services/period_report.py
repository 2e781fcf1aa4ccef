"""日报 / 周报 / 月报: the streams of a day, a week (Monday to Sunday) or a calendar month, with totals.

No Qt here. Each stream brings its GMV, UV, buyers, conversion and attainment against its goals; the totals
add up numerators and denominators (conversion = all buyers / all UV, attainment = GMV of the streams that
have a GMV goal / the sum of those goals), never an average of ratios.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from livedesk.models import Review, Stream
from livedesk.services import metrics
from livedesk.services.db import Database
from livedesk.services.errors import UserError
from livedesk.services.messages import translate

PERIODS = ("day", "week", "month")


class PeriodError(UserError, ValueError):
    """The period asked for does not exist (a word other than day, week or month)."""


@dataclass
class PeriodStream:
    stream_id: int
    start: dt.datetime  # local time
    title: str
    platform: str
    account: str
    status: str
    gmv: Decimal | None
    gmv_target: Decimal | None
    uv: int | None
    viewers_target: int | None
    buyers: int | None
    conversion_target: Decimal | None

    @property
    def reviewed(self) -> bool:
        return self.gmv is not None or self.uv is not None

    @property
    def conversion(self) -> Decimal | None:
        return metrics.conversion(self.buyers, self.uv)

    @property
    def gmv_attainment(self) -> Decimal | None:
        return metrics.attainment(self.gmv, self.gmv_target)

    @property
    def uv_attainment(self) -> Decimal | None:
        return metrics.attainment(self.uv, self.viewers_target)

    @property
    def conversion_attainment(self) -> Decimal | None:
        return metrics.attainment(self.conversion, self.conversion_target)


@dataclass
class PeriodTotals:
    streams: int = 0
    reviewed: int = 0
    gmv: Decimal | None = None
    uv: int | None = None
    buyers: int | None = None
    gmv_target: Decimal | None = None  # goals of the reviewed streams that have one
    gmv_with_target: Decimal | None = None  # GMV of those same streams
    uv_with_buyers: int | None = None  # UV of the streams that know their buyers too
    buyers_with_uv: int | None = None

    @property
    def conversion(self) -> Decimal | None:
        return metrics.conversion(self.buyers_with_uv, self.uv_with_buyers)

    @property
    def gmv_attainment(self) -> Decimal | None:
        return metrics.attainment(self.gmv_with_target, self.gmv_target)


@dataclass
class PeriodReport:
    period: str
    first_day: dt.date
    last_day: dt.date
    streams: list[PeriodStream] = field(default_factory=list)
    totals: PeriodTotals = field(default_factory=PeriodTotals)

    @property
    def title(self) -> str:
        return period_title(self.period)

    @property
    def range_text(self) -> str:
        if self.first_day == self.last_day:
            return self.first_day.isoformat()
        return f"{self.first_day.isoformat()} – {self.last_day.isoformat()}"


def period_title(period: str) -> str:
    return {
        "day": translate("Messages", "Daily report"),
        "week": translate("Messages", "Weekly report"),
        "month": translate("Messages", "Monthly report"),
    }[period]


def period_bounds(period: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the day / Monday-to-Sunday week / calendar month holding `day`."""
    if period == "day":
        return day, day
    if period == "week":
        first = day - dt.timedelta(days=day.weekday())
        return first, first + dt.timedelta(days=6)
    if period == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    raise PeriodError(
        translate("Messages", "Unknown period “{0}”: write day, week or month.").format(period)
    )


def period_file_name(period: str, day: dt.date, suffix: str = ".pdf") -> str:
    """2026-12-04_日报.pdf, 2026-11-30_周报.xlsx, 2026-12_月报.pdf (the period's first day)."""
    first, _last = period_bounds(period, day)
    stamp = first.strftime("%Y-%m") if period == "month" else first.isoformat()
    return f"{stamp}_{period_title(period)}{suffix}"


def period_report(db: Database, period: str, day: dt.date, tz: dt.tzinfo | None = None) -> PeriodReport:
    """The streams that start within the period (local days), oldest first, with their review figures."""
    first, last = period_bounds(period, day)
    local = tz or dt.datetime.now().astimezone().tzinfo
    start = dt.datetime.combine(first, dt.time(), tzinfo=local)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=local)
    report = PeriodReport(period, first, last)
    with db.session() as s:
        rows = s.execute(
            select(Stream, Review)
            .outerjoin(Review, Review.stream_id == Stream.id)
            .where(Stream.start_at >= start, Stream.start_at < end)
            .order_by(Stream.start_at, Stream.id)
        )
        for stream, review in rows:
            report.streams.append(
                PeriodStream(
                    stream.id, stream.start_at.astimezone(local), stream.title, stream.platform, stream.account,
                    stream.status, review.gmv if review else None, stream.gmv_target, review.uv if review else None,
                    stream.viewers_target, review.buyers if review else None, stream.conversion_target,
                )
            )
    report.totals = _totals(report.streams)
    return report


def _add(total, value):
    if value is None:
        return total
    return value if total is None else total + value


def _totals(streams: list[PeriodStream]) -> PeriodTotals:
    totals = PeriodTotals(streams=len(streams))
    for item in streams:
        if not item.reviewed:
            continue
        totals.reviewed += 1
        totals.gmv = _add(totals.gmv, item.gmv)
        totals.uv = _add(totals.uv, item.uv)
        totals.buyers = _add(totals.buyers, item.buyers)
        if item.uv is not None and item.buyers is not None:  # conversion counts only streams with both
            totals.uv_with_buyers = _add(totals.uv_with_buyers, item.uv)
            totals.buyers_with_uv = _add(totals.buyers_with_uv, item.buyers)
        if item.gmv_target and item.gmv is not None:
            totals.gmv_target = _add(totals.gmv_target, item.gmv_target)
            totals.gmv_with_target = _add(totals.gmv_with_target, item.gmv)
    return totals


__all__ = [
    "PERIODS",
    "PeriodError",
    "PeriodReport",
    "PeriodStream",
    "PeriodTotals",
    "period_bounds",
    "period_file_name",
    "period_report",
    "period_title",
]
