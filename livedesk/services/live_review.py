"""What the live console logged, for the stream's review before (and beside) the platform's exports.

During the stream the controller types the dashboard's numbers every few minutes and logs incidents. The
review shows them at once, so the debrief right after the stream has something to look at:

* `logged_curve`: the typed (or captured, services/capture/curve.py) numbers as curve points (online, cumulative GMV and orders, UV), for the chart
  when no export curve was imported — labelled as logged, never mixed with an export's per-minute curve;
* `logged_figures`: the last typed GMV, orders and UV and the highest typed online count, for KPIs the
  exports have not filled yet (`fill_figures` keeps every exported figure and says which came from the log);
* `console_log`: times on air, incidents and alerts, for the debrief;
* `logged_summary`: the same as JSON-ready data for `review show --json` and the reports.

The typed GMV and orders are running totals (what the dashboard shows), so they are cumulative series.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import Alert, Incident, LiveSession, MetricSample, Stream
from livedesk.services.capture import curve as capture_curve
from livedesk.services.db import Database
from livedesk.services.live import HOST_MESSAGE_RULE
from livedesk.services.metrics import ReviewFigures, to_json_number

LOGGED_FIGURES = ("gmv", "orders", "uv", "peak_online")


@dataclass
class LoggedCurve:
    """Typed samples as minutes from the stream's planned start, one value list per series."""

    minutes: list[float] = field(default_factory=list)
    series: dict[str, list[float | None]] = field(default_factory=dict)
    source: str = "typed"  # typed, capture (read off the screen every interval_seconds) or mixed
    interval_seconds: int | None = None
    note: str = ""  # what the chart says the curve is

    @property
    def empty(self) -> bool:
        return not self.minutes


@dataclass(frozen=True)
class LoggedIncident:
    at: dt.datetime
    minute: float  # from the stream's planned start
    kind: str
    note: str
    handled_by: str


@dataclass(frozen=True)
class LoggedAlert:
    at: dt.datetime
    message: str


@dataclass
class ConsoleLog:
    """Everything the console wrote for one stream that a review wants."""

    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    samples: int = 0
    last_sample_at: dt.datetime | None = None
    figures: dict[str, int | Decimal] = field(default_factory=dict)  # see logged_figures
    incidents: list[LoggedIncident] = field(default_factory=list)
    alerts: list[LoggedAlert] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.started_at is None and not self.samples and not self.incidents


def _samples(session: Session, stream_id: int) -> list[MetricSample]:
    return list(session.scalars(
        select(MetricSample).where(MetricSample.stream_id == stream_id).order_by(MetricSample.at, MetricSample.id)))


def logged_curve(session: Session, stream_id: int) -> LoggedCurve:
    stream = session.get(Stream, stream_id)
    curve = LoggedCurve()
    if stream is None:
        return curve
    all_samples = _samples(session, stream_id)
    source = capture_curve.describe(all_samples)
    curve.source, curve.interval_seconds, curve.note = source.kind, source.interval_seconds, source.note()
    samples = capture_curve.curve_samples(all_samples)  # a typed sample stands over a capture beside it
    curve.minutes = [(s.at - stream.start_at).total_seconds() / 60 for s in samples]

    def values(name: str) -> list[float | None]:
        return [None if getattr(s, name) is None else float(getattr(s, name)) for s in samples]

    curve.series = {"online": values("online"), "gmv_total": values("gmv"), "orders_total": values("orders"),
                    "uv": values("uv")}
    return curve


def logged_figures(session: Session, stream_id: int) -> dict[str, int | Decimal]:
    """The last typed GMV, orders and UV (running totals) and the highest typed online count."""
    samples = _samples(session, stream_id)
    found: dict[str, int | Decimal] = {}
    for name in ("gmv", "orders", "uv"):
        last = next((getattr(s, name) for s in reversed(samples) if getattr(s, name) is not None), None)
        if last is not None:
            found[name] = Decimal(last) if name == "gmv" else int(last)
    online = [s.online for s in samples if s.online is not None]
    if online:
        found["peak_online"] = max(online)
    return found


def fill_figures(figures: ReviewFigures, logged: dict[str, int | Decimal]) -> tuple[ReviewFigures, set[str]]:
    """The exported figures, with the logged ones only where an export left a figure empty; returns the
    names filled from the log (to label them)."""
    names = {f.name for f in fields(ReviewFigures)}
    filled = {k: v for k, v in logged.items() if k in names and getattr(figures, k) is None}
    return (replace(figures, **filled) if filled else figures), set(filled)


def console_log(session: Session, stream_id: int) -> ConsoleLog:
    stream = session.get(Stream, stream_id)
    log = ConsoleLog()
    if stream is None:
        return log
    live = session.scalar(select(LiveSession).where(LiveSession.stream_id == stream_id))
    if live is not None:
        log.started_at, log.ended_at = live.started_at, live.ended_at
    samples = _samples(session, stream_id)
    log.samples = len(samples)
    log.last_sample_at = samples[-1].at if samples else None
    log.figures = logged_figures(session, stream_id)
    for i in session.scalars(select(Incident).where(Incident.stream_id == stream_id).order_by(Incident.at, Incident.id)):
        log.incidents.append(LoggedIncident(i.at, (i.at - stream.start_at).total_seconds() / 60, i.kind, i.note, i.handled_by))
    for a in session.scalars(select(Alert).where(Alert.stream_id == stream_id, Alert.rule != HOST_MESSAGE_RULE)
                             .order_by(Alert.at, Alert.id)):
        log.alerts.append(LoggedAlert(a.at, a.message))
    return log


def load_console_log(db: Database, stream_id: int) -> ConsoleLog:
    with db.session() as session:
        return console_log(session, stream_id)


def load_logged_curve(db: Database, stream_id: int) -> LoggedCurve:
    with db.session() as session:
        return logged_curve(session, stream_id)


def logged_summary(session: Session, stream_id: int) -> dict[str, object]:
    """JSON-ready: the typed samples, the logged figures and the incidents (times in ISO 8601)."""
    log = console_log(session, stream_id)
    curve = logged_curve(session, stream_id)
    samples = [
        {"minute": round(minute, 2), **{name: values[i] for name, values in curve.series.items()}}
        for i, minute in enumerate(curve.minutes)
    ]
    return {
        "started_at": log.started_at.isoformat() if log.started_at else None,
        "ended_at": log.ended_at.isoformat() if log.ended_at else None,
        "figures": {name: to_json_number(value) for name, value in log.figures.items()},
        "samples": samples,
        "samples_source": {"kind": curve.source, "interval_seconds": curve.interval_seconds},
        "incidents": [
            {"at": i.at.isoformat(), "minute": round(i.minute, 2), "kind": i.kind, "note": i.note, "handled_by": i.handled_by}
            for i in log.incidents
        ],
        "alerts": [{"at": a.at.isoformat(), "message": a.message} for a in log.alerts],
    }
