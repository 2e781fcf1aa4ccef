"""What a stream's written report (场报 / 复盘报告) shows, read from the database in one go as plain data.

No Qt, any thread: livedesk.rendering.review_report turns it into a workbook or a PDF.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from livedesk.config import Preferences
from livedesk.models import Stream
from livedesk.services import review_views
from livedesk.services.db import Database
from livedesk.services.review import StreamNotFoundError
from livedesk.services.review_model import load_review_model


@dataclass
class ReportData:
    """Everything the report shows, as plain data read in one go."""

    stream_id: int
    stream_info: dict[str, Any]
    summary: dict[str, Any]
    chart: review_views.ChartData
    curve_rows: list[dict[str, Any]] = field(default_factory=list)
    moments: list[dict[str, Any]] = field(default_factory=list)
    improvements: list[dict[str, Any]] = field(default_factory=list)
    debrief: dict[str, str] = field(default_factory=dict)


def stream_exists(db: Database, stream_id: int) -> bool:
    with db.session() as s:
        return s.get(Stream, stream_id) is not None


def gather_report_data(db: Database, stream_id: int, prefs: Preferences | None = None) -> ReportData:
    """Read the stream's review for the report: the read model the tab and `review show --json` use,
    judged by `prefs` (the defaults when None). Raises StreamNotFoundError for an unknown stream."""
    model = load_review_model(db, stream_id, prefs)
    if not model.exists:
        raise StreamNotFoundError(f"Stream {stream_id} does not exist (it may have been deleted).")
    summary = with_refunds(model.summary(), model.composition)
    chart = model.chart if model.chart is not None else review_views.chart_data(db, stream_id)
    moments = [
        {"kind": m.kind, "minute": m.minute, "at": m.at, "online": m.online, "segment": m.segment, "note": m.note}
        for m in model.moments
    ]
    improvements = [{"text": i.text, "owner": i.owner, "due_date": i.due_date, "done": i.done} for i in model.improvements]
    return ReportData(
        stream_id, dict(model.stream_info), summary, chart, per_minute_rows(chart), moments, improvements, model.debrief
    )


def with_refunds(summary: dict[str, Any], comp: review_views.Composition) -> dict[str, Any]:
    """The overview's refund figures, agreeing with the products' table.

    The platform's own figure for the whole stream wins; without one, the products' refund buyers are added
    up, so the overview never shows "—" while the products list refunds. When both exist and differ (a buyer
    refunding two products counts once overall) the report says so under the products.
    """
    product_refunds = [p.get("refund_buyers") for p in summary.get("products") or [] if p.get("refund_buyers") is not None]
    products_total = sum(product_refunds) if product_refunds else None
    out = dict(summary)
    out["refund_buyers"] = comp.refund_buyers if comp.refund_buyers is not None else products_total
    out["refund_amount"] = comp.refund_amount
    out["product_refund_buyers"] = products_total
    return out


_FLOW_FIELDS = ("entries", "leaves", "gmv", "orders", "comments", "new_followers", "fan_club_joins")


def per_minute_rows(chart: review_views.ChartData) -> list[dict[str, Any]]:
    """The curve one row per minute: online averaged, flows (entries, GMV, orders, …) summed.

    Per-minute exports pass through unchanged; finer samples (per second) are grouped by minute.
    """
    groups: dict[int, list[int]] = {}
    for index, minute in enumerate(chart.minutes):
        groups.setdefault(math.floor(minute + 1e-9), []).append(index)
    rows: list[dict[str, Any]] = []
    total = 0.0
    for minute in sorted(groups):
        indices = groups[minute]
        row: dict[str, Any] = {"minute": minute, "time": chart.start_at + dt.timedelta(minutes=minute)}
        online = [v for i in indices if (v := _value(chart, "online", i)) is not None]
        row["online"] = round(sum(online) / len(online)) if online else None
        for name in _FLOW_FIELDS:
            values = [v for i in indices if (v := _value(chart, name, i)) is not None]
            if not values:
                row[name] = None
            elif name == "gmv":
                row[name] = round(sum(values), 2)
            else:
                row[name] = int(round(sum(values)))
        total += row["gmv"] or 0.0
        row["gmv_total"] = round(total, 2) if any(r.get("gmv") is not None for r in [*rows, row]) else None
        row["segment"] = chart.segment_at(minute) or ""
        rows.append(row)
    return rows


def _value(chart: review_views.ChartData, name: str, index: int) -> float | None:
    values = chart.series.get(name) or []
    return values[index] if index < len(values) else None
