"""The review's figures for reading: the JSON shape of `review show --json`, the planned and actual
segments, and the warnings a reader must see. Shared by the import (services/review.py) and the read model
(services/review_model.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import Script, Segment, SegmentTiming, Stream
from livedesk.services.messages import translate
from livedesk.services.metrics import SUMMARY_FIGURES, figure_bases

if TYPE_CHECKING:
    from livedesk.services.analysis import SegmentSpan


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
    result.update(figure_bases())
    result.update(products=[], moments=[], segments=[], sources={}, warnings=[], console_log=None)
    result.update(judgements={}, logged_figures=[], thresholds=None)
    return result


ORDERS_GMV_TOLERANCE = Decimal("0.01")  # beyond 1 % apart, both GMVs are shown


def review_warnings(gmv: Decimal | None, orders_gmv: Decimal | None, gmv_source: str = "") -> list[str]:
    """What the reader of the figures must know: today, a platform GMV and an order-count GMV that differ."""
    if gmv is None or orders_gmv is None or gmv == 0 or gmv == orders_gmv:
        return []
    if abs(orders_gmv - gmv) / gmv <= ORDERS_GMV_TOLERANCE:
        return []
    return [
        translate(
            "Messages",
            "GMV {0} ({1}) differs by {2:.1%} from the {3} counted from the order export: "
            "check the order export's time range and 流量体裁.",
        ).format(money(gmv), gmv_source or "—", float(abs(orders_gmv - gmv) / gmv), money(orders_gmv))
    ]


def money(value: Decimal | None) -> str:
    """Money as the app shows it: ¥1,234.50 (or — when unknown)."""
    return "—" if value is None else f"¥{value:,.2f}"
