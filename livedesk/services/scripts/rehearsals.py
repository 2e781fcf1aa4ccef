"""Rehearsals: timing each segment against the plan, and marking a stream rehearsed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import (
    Rehearsal,
    RehearsalTiming,
    Segment,
    Stream,
    StreamStatus,
)
from livedesk.models.base import utc_now
from livedesk.services import compliance, timeline
from livedesk.services.compliance import ScriptFinding
from livedesk.services.messages import translate
from livedesk.services.scripts.segments import ScriptError, _segment, _stream, list_segments


@dataclass(frozen=True)
class RehearsalRow:
    segment_id: int | None
    title: str
    planned_seconds: int
    actual_seconds: int | None

    @property
    def difference(self) -> int | None:
        """Seconds over plan (negative: under); None when not timed."""
        return None if self.actual_seconds is None else self.actual_seconds - self.planned_seconds


@dataclass(frozen=True)
class RehearsalReport:
    id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    rows: list[RehearsalRow] = field(default_factory=list)

    @property
    def timed(self) -> list[RehearsalRow]:
        """The segments that were rehearsed (have a time)."""
        return [r for r in self.rows if r.actual_seconds is not None]

    @property
    def planned_seconds(self) -> int:
        """Planned length of what was rehearsed: a partial run is compared only with its own segments."""
        return sum(r.planned_seconds for r in self.timed)

    @property
    def full_plan_seconds(self) -> int:
        return sum(r.planned_seconds for r in self.rows if r.segment_id is not None)

    @property
    def actual_seconds(self) -> int:
        return sum(r.actual_seconds or 0 for r in self.rows)

    @property
    def untimed(self) -> list[RehearsalRow]:
        return [r for r in self.rows if r.actual_seconds is None]

    @property
    def segment_count(self) -> int:
        """Segments of the current script."""
        return sum(1 for r in self.rows if r.segment_id is not None)

    @property
    def rehearsed_count(self) -> int:
        """Segments of the current script that were rehearsed."""
        return sum(1 for r in self.rows if r.segment_id is not None and r.actual_seconds is not None)

    @property
    def partial(self) -> bool:
        """Stopped (or still running) before every segment of the script was timed."""
        return self.rehearsed_count < self.segment_count


def start_rehearsal(session: Session, stream_id: int) -> Rehearsal:
    _stream(session, stream_id)
    rehearsal = Rehearsal(stream_id=stream_id)
    session.add(rehearsal)
    session.flush()
    return rehearsal


def record_segment_time(session: Session, rehearsal_id: int, segment_id: int, seconds: float) -> RehearsalTiming:
    """Record (or correct) how long a segment ran in a rehearsal."""
    rehearsal = session.get(Rehearsal, rehearsal_id)
    if rehearsal is None:
        raise ScriptError(translate("Messages", "Rehearsal {0} does not exist.").format(rehearsal_id))
    segment = _segment(session, segment_id)
    if segment.script.stream_id != rehearsal.stream_id:
        raise ScriptError(translate("Messages", "This segment belongs to another stream's script."))
    if seconds < 0:
        raise ScriptError(translate("Messages", "A segment cannot run for a negative time."))
    timing = next((t for t in rehearsal.timings if t.segment_id == segment_id), None)
    if timing is None:
        timing = RehearsalTiming(segment_id=segment_id)
        rehearsal.timings.append(timing)
    timing.segment_title = segment.title
    timing.planned_seconds = segment.duration_seconds
    timing.actual_seconds = int(round(seconds))
    session.flush()
    return timing


def finish_rehearsal(session: Session, rehearsal_id: int) -> Rehearsal:
    rehearsal = session.get(Rehearsal, rehearsal_id)
    if rehearsal is None:
        raise ScriptError(translate("Messages", "Rehearsal {0} does not exist.").format(rehearsal_id))
    rehearsal.finished_at = utc_now()
    session.flush()
    return rehearsal


def rehearsal_report(
    session: Session, rehearsal: Rehearsal, segments: Sequence[Segment] | None = None
) -> RehearsalReport:
    """Planned vs actual for every current segment, then timings of segments deleted since."""
    if segments is None:
        segments = list_segments(session, rehearsal.stream_id)
    timings = {t.segment_id: t for t in rehearsal.timings if t.segment_id is not None}
    rows = [
        RehearsalRow(s.id, s.title, s.duration_seconds, timings[s.id].actual_seconds if s.id in timings else None)
        for s in segments
    ]
    current = {s.id for s in segments}
    rows += [
        RehearsalRow(None, t.segment_title, t.planned_seconds, t.actual_seconds)
        for t in rehearsal.timings
        if t.segment_id not in current
    ]
    return RehearsalReport(rehearsal.id, rehearsal.started_at, rehearsal.finished_at, rows)


def list_rehearsals(session: Session, stream_id: int) -> list[RehearsalReport]:
    """The stream's rehearsals, newest first, each with planned vs actual per segment."""
    segments = list_segments(session, stream_id)
    rehearsals = session.scalars(
        select(Rehearsal)
        .where(Rehearsal.stream_id == stream_id)
        .order_by(Rehearsal.started_at.desc(), Rehearsal.id.desc())
    ).all()
    return [rehearsal_report(session, r, segments) for r in rehearsals]


def can_mark_rehearsed(session: Session, stream_id: int, overrun_tolerance: float = 0.10) -> list[ScriptFinding]:
    """What speaks against marking the stream 彩排 (rehearsed); empty means nothing does.

    Checks: the script has segments; no risky wording; no gaps, overlaps or overrun of the slot;
    a finished rehearsal timed every segment, none running more than 10% (and a minute) over.
    """
    stream = _stream(session, stream_id)
    segments = list_segments(session, stream_id)
    if not segments:
        return [ScriptFinding("", None, "script", "没有脚本", "script", "先编写或导入直播脚本，再彩排。")]
    found = compliance.blocking(compliance.check_segments(segments, compliance.term_set(session)))  # notes never block
    titles = {i: s for i, s in enumerate(segments)}
    for issue in timeline.Plan.from_segments(segments, stream.planned_minutes * 60).issues():
        near = titles.get(issue.after if issue.after is not None else issue.before)
        found.append(
            ScriptFinding(
                near.title if near else "",
                near.id if near else None,
                "timing",
                issue.describe(),
                f"timeline_{issue.kind}",
                "调整时间，让环节首尾相接、总长不超过时段。",
            )
        )
    finished = [r for r in list_rehearsals(session, stream_id) if r.finished_at is not None]
    if not finished:
        found.append(
            ScriptFinding(
                "", None, "rehearsal", "没有完成的彩排", "rehearsal", "开播前至少完整彩排一次，记录每个环节用时。"
            )
        )
        return found
    latest = max(finished, key=lambda r: (r.finished_at, r.id))
    if all(r.partial for r in finished):  # one finding for a run stopped early, not one per untimed segment
        found.append(
            ScriptFinding(
                "", None, "rehearsal", f"彩排只完成了 {latest.rehearsed_count}/{latest.segment_count} 个环节",
                "rehearsal", "开播前至少完整彩排一次，记录每个环节用时。",
            )
        )
    for row in latest.timed:  # what the latest run timed, even a partial one, tells what runs long
        if row.segment_id is None:
            continue
        segment = next(s for s in segments if s.id == row.segment_id)
        assert row.actual_seconds is not None
        if (
            row.actual_seconds > segment.duration_seconds * (1 + overrun_tolerance)
            and row.actual_seconds - segment.duration_seconds >= 60
        ):
            over = row.actual_seconds - segment.duration_seconds
            found.append(
                ScriptFinding(
                    row.title,
                    row.segment_id,
                    "rehearsal",
                    f"超时 {timeline.clock(over)}",
                    "rehearsal",
                    "精简话术或延长这个环节的计划时长。",
                )
            )
    return found


def mark_rehearsed(session: Session, stream_id: int) -> Stream:
    """Set the stream to 彩排 (rehearsed) if it is not past it already (ask with can_mark_rehearsed first)."""
    stream = _stream(session, stream_id)
    order = [s.value for s in StreamStatus]
    if order.index(stream.status) < order.index(StreamStatus.REHEARSED.value):
        stream.status = StreamStatus.REHEARSED.value
        session.flush()
    return stream
