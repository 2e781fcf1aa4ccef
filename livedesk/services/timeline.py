"""Time arithmetic of a run of show: plan checks, drag-and-drop reflow, and live-run tracking.

Pure functions over numbers: a segment is a span ``(start, duration)`` in seconds from the
stream's planned start (ints in the database, floats are fine for monotonic clocks).

* `Plan` finds gaps (dead air), overlaps and a run longer than the slot.
* `move_segment`, `resize_segment`, `reorder` and `pack` return new span lists for the editor.
* `live_status` is the console's arithmetic: time left in the current segment, overtime, drift
  per segment and for the show, expected starts with gaps absorbing delay and a lead carried on:
  ``expected start = max(planned start + min(lead, 0), previous expected end)``, where lead is how far
  the previous segment ends from its planned end (the team moves on early when a segment ends early).
* `drift_readout` and `drift_words` are the one place drift is measured and worded: every readout
  (the console's segment and show lines, the run-of-show table) goes through them, so two readouts
  can never contradict each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from livedesk.services.messages import translate

Span = tuple[float, float]  # (start, duration)
IssueKind = Literal["gap", "overlap", "over_slot"]


class HasTiming(Protocol):
    start_seconds: int
    duration_seconds: int


@dataclass(frozen=True)
class TimelineIssue:
    """A problem in the plan between `start` and `end` (seconds from the stream's start).

    gap: nothing planned (before the first segment, between two, or after the last one up to
    the end of the slot); overlap: two segments at once; over_slot: the run goes past the slot.
    `before`/`after` are indexes (in the list given to Plan) of the segments either side.
    """

    kind: IssueKind
    start: float
    end: float
    before: int | None = None
    after: int | None = None

    @property
    def seconds(self) -> float:
        return self.end - self.start

    def describe(self) -> str:
        span = f"{clock(self.start)}–{clock(self.end)}"
        minutes = _minutes(self.seconds)
        if self.kind == "gap":
            return translate("Messages", "{0}: {1} with nothing planned").format(span, minutes)
        if self.kind == "overlap":
            return translate("Messages", "{0}: two segments overlap for {1}").format(span, minutes)
        return translate("Messages", "{0}: the run is {1} longer than the slot").format(span, minutes)


class Plan:
    """Spans of one script, checked against the slot (planned_minutes * 60)."""

    def __init__(self, spans: Iterable[Span], slot_seconds: float | None = None):
        self.spans: list[Span] = [(float(s), float(d)) for s, d in spans]
        self.slot_seconds = None if slot_seconds is None else float(slot_seconds)

    @classmethod
    def from_segments(cls, segments: Iterable[HasTiming], slot_seconds: float | None = None) -> Plan:
        return cls([(s.start_seconds, s.duration_seconds) for s in segments], slot_seconds)

    @property
    def start(self) -> float:
        return min((s for s, _ in self.spans), default=0.0)

    @property
    def end(self) -> float:
        return max((s + d for s, d in self.spans), default=0.0)

    @property
    def total_seconds(self) -> float:
        """From the stream's start to the end of the last segment."""
        return self.end

    @property
    def planned_seconds(self) -> float:
        """Sum of the segments' durations (overlaps counted twice)."""
        return sum(d for _, d in self.spans)

    def issues(self, min_gap: float = 1.0) -> list[TimelineIssue]:
        """Gaps of at least `min_gap` seconds, overlaps, and overrun of the slot, in time order."""
        found: list[TimelineIssue] = []
        order = sorted(range(len(self.spans)), key=lambda i: (self.spans[i][0], i))
        reach = 0.0  # the latest end so far
        reach_index: int | None = None
        for i in order:
            start, duration = self.spans[i]
            end = start + duration
            if start - reach >= min_gap:
                found.append(TimelineIssue("gap", reach, start, reach_index, i))
            elif reach - start > 0 and reach_index is not None:
                found.append(TimelineIssue("overlap", start, min(reach, end), reach_index, i))
            if end > reach or reach_index is None:
                reach, reach_index = max(reach, end), i
        if self.slot_seconds is not None and self.spans:
            if self.slot_seconds - reach >= min_gap:
                found.append(TimelineIssue("gap", reach, self.slot_seconds, reach_index, None))
            elif reach > self.slot_seconds:
                found.append(TimelineIssue("over_slot", self.slot_seconds, reach, reach_index, None))
        return found


# --- reflow for the editor -----------------------------------------------------------------------


def snap_to(value: float, snap: float | None) -> float:
    """`value` rounded to the nearest multiple of `snap` (None or 0: unchanged)."""
    if not snap:
        return value
    return round(value / snap) * snap


def move_segment(
    spans: Sequence[Span], index: int, new_start: float, snap: float | None = 30, ripple: bool = False
) -> list[Span]:
    """The segment at `index` dragged to `new_start` (snapped, never before 0), duration kept.

    With `ripple`, later segments (by start) that would now overlap are pushed back just enough.
    """
    result = list(spans)
    _, duration = result[index]
    start = max(0.0, snap_to(new_start, snap))
    result[index] = (start, duration)
    return _ripple(result, index) if ripple else result


def resize_segment(
    spans: Sequence[Span], index: int, new_duration: float, snap: float | None = 30, ripple: bool = False
) -> list[Span]:
    """The segment at `index` with a new (snapped) duration, at least one snap step (or 1 s) long.

    With `ripple`, segments after it shift by the change so the run stays contiguous where it was.
    """
    result = list(spans)
    start, old = result[index]
    duration = max(float(snap or 1), snap_to(new_duration, snap))
    result[index] = (start, duration)
    if ripple:
        delta = duration - old
        old_end = start + old
        result = [(s + delta, d) if i != index and s >= old_end - 1e-9 else (s, d) for i, (s, d) in enumerate(result)]
    return result


def pack(spans: Sequence[Span], start: float = 0.0) -> list[Span]:
    """The spans one after another in list order from `start`, durations kept, no gaps."""
    result: list[Span] = []
    t = start
    for _, duration in spans:
        result.append((t, duration))
        t += duration
    return result


def reorder(
    spans: Sequence[Span], from_index: int, to_index: int, start: float | None = None
) -> tuple[list[int], list[Span]]:
    """Move one segment in the running order and pack all contiguously.

    Returns (order, spans): order[i] is the original index of the segment now at position i.
    Packing starts at `start`, or where the earliest segment started.
    """
    order = list(range(len(spans)))
    moved = order.pop(from_index)
    order.insert(max(0, min(to_index, len(order))), moved)
    begin = (min((s for s, _ in spans), default=0.0)) if start is None else start
    return order, pack([spans[i] for i in order], begin)


def _ripple(spans: list[Span], index: int) -> list[Span]:
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], i != index, i))
    at = order.index(index)
    reach = spans[index][0] + spans[index][1]
    for i in order[at + 1 :]:
        s, d = spans[i]
        if s < reach:
            spans[i] = (reach, d)
            s = reach
        reach = max(reach, s + d)
    return spans


# --- the live run ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SegmentRun:
    """One segment during the live run; times are seconds from the show's actual start."""

    index: int
    planned_start: float
    planned_duration: float
    allowed: float  # planned duration + extra time + holds
    expected_start: float  # actual start once started
    expected_end: float
    actual_start: float | None
    state: Literal["done", "current", "upcoming"]

    @property
    def planned_end(self) -> float:
        return self.planned_start + self.planned_duration

    @property
    def start_drift(self) -> float:
        """Seconds behind plan at this segment's start (negative: ahead)."""
        return self.expected_start - self.planned_start

    @property
    def end_drift(self) -> float:
        return self.expected_end - self.planned_end


@dataclass(frozen=True)
class LiveStatus:
    now: float  # seconds since the show's actual start
    current: int | None  # index of the running segment; None before the first or after the end
    elapsed: float  # in the current segment, holds excluded
    time_left: float  # in the current segment; negative when over
    overtime: float  # max(0, -time_left)
    warning: bool  # the switch is due within `warn_before` seconds (or overdue)
    drift: float  # seconds behind plan now (expected end of current vs its planned end); < 0 ahead
    show_drift: float  # expected end of the show minus its planned end, gaps absorbing delay
    expected_end: float
    planned_end: float
    finished: bool
    segments: list[SegmentRun] = field(default_factory=list)

    @property
    def ahead(self) -> bool:
        return self.drift < 0

    @property
    def behind(self) -> bool:
        return self.drift > 0


def live_status(
    planned: Sequence[Span],
    show_started_at: float,
    actual_starts: Sequence[float],
    now: float,
    extra: Mapping[int, float] | None = None,
    held: Mapping[int, float] | None = None,
    hold_since: float | None = None,
    ended_at: float | None = None,
    warn_before: float = 180.0,
) -> LiveStatus:
    """Where the show stands at monotonic time `now`.

    planned: spans in running order; show_started_at: monotonic time the show went live (plan
    offset 0); actual_starts: monotonic start of segments 0..k in order (the last one is running);
    extra: seconds the controller added to a segment; held: seconds a segment's countdown was
    paused (finished holds); hold_since: monotonic start of a hold still running on the current
    segment; ended_at: monotonic time the show ended, if it has.
    """
    extra = extra or {}
    held = held or {}
    t_now = (ended_at if ended_at is not None else now) - show_started_at
    starts = [a - show_started_at for a in actual_starts][: len(planned)]
    k = len(starts) - 1  # index of the running (last started) segment
    finished = ended_at is not None
    runs: list[SegmentRun] = []
    current: int | None = None
    elapsed = time_left = 0.0
    prev_end: float | None = None
    prev_planned_end = 0.0
    for i, (p_start, p_duration) in enumerate(planned):
        hold = held.get(i, 0.0)
        if i == k and hold_since is not None and not finished:
            hold += max(0.0, now - hold_since)
        allowed = p_duration + extra.get(i, 0.0) + hold
        if i < k:
            start = starts[i]
            end = starts[i + 1]
            state: Literal["done", "current", "upcoming"] = "done"
        elif i == k:
            start = starts[i]
            if finished:
                end, state = t_now, "done"
            else:
                end = max(t_now, start + allowed)
                state = "current"
                current = i
                elapsed = max(0.0, t_now - start - hold)
                time_left = start + allowed - t_now
        else:
            # gaps absorb delay: an upcoming segment starts at its planned time or when the one before ends;
            # a lead carries on (the gap kept): ending early, the team moves on early
            floor = prev_end if prev_end is not None else (t_now if k < 0 and not finished else p_start)
            lead = min(0.0, prev_end - prev_planned_end) if prev_end is not None else 0.0
            start = max(p_start + lead, floor)
            end = start + allowed
            state = "upcoming"
        runs.append(SegmentRun(i, p_start, p_duration, allowed, start, end, starts[i] if i <= k else None, state))
        prev_end = end
        prev_planned_end = p_start + p_duration
    planned_end = max((s + d for s, d in planned), default=0.0)
    expected_end = runs[-1].expected_end if runs and not finished else (t_now if finished else 0.0)
    if current is not None:
        drift = runs[current].end_drift
    elif runs and k < 0:
        drift = runs[0].start_drift
    else:
        drift = expected_end - planned_end
    return LiveStatus(
        now=t_now,
        current=current,
        elapsed=elapsed,
        time_left=time_left,
        overtime=max(0.0, -time_left) if current is not None else 0.0,
        warning=current is not None and time_left <= warn_before,
        drift=drift,
        show_drift=expected_end - planned_end,
        expected_end=expected_end,
        planned_end=planned_end,
        finished=finished,
        segments=runs,
    )


# --- drift: one measure, one wording ---------------------------------------------------------------

ON_TIME_SECONDS = 30  # closer to the plan than this reads "on time"


@dataclass(frozen=True)
class DriftReadout:
    """How far the show is from its plan, in seconds (positive: behind, negative: ahead).

    segment: where the running segment will end (the next switch) against its planned end; None when no
    segment is running. show: where the show will end against its planned end, gaps absorbing delay.
    Both come from the same expected times, so they never point different ways without a gap between.
    """

    segment: float | None
    show: float

    def segment_text(self) -> str:
        if self.segment is None:
            return ""
        return translate("Messages", "Next switch: {0}").format(drift_words(self.segment))

    def show_text(self) -> str:
        return translate("Messages", "Show: {0}").format(drift_words(self.show))


def drift_readout(status: LiveStatus) -> DriftReadout:
    return DriftReadout(status.drift if status.current is not None else None, status.show_drift)


def drift_words(seconds: float) -> str:
    """The one wording of a drift: "on time", "1:30 behind", "1:30 ahead"."""
    if abs(seconds) < ON_TIME_SECONDS:
        return translate("Messages", "on time")
    if seconds > 0:
        return translate("Messages", "{0} behind").format(clock(seconds))
    return translate("Messages", "{0} ahead").format(clock(-seconds))


# --- formatting helpers ----------------------------------------------------------------------------


def clock(seconds: float) -> str:
    """Offset as H:MM:SS or M:SS (negative with a minus sign)."""
    sign = "-" if seconds < 0 else ""
    total = round(abs(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}" if h else f"{sign}{m}:{s:02d}"


def offset_to_datetime(start_at: dt.datetime, seconds: float) -> dt.datetime:
    """Wall-clock time of an offset from the stream's start."""
    return start_at + dt.timedelta(seconds=seconds)


def _minutes(seconds: float) -> str:
    if seconds % 60 == 0:
        return translate("Messages", "{0} min").format(int(seconds // 60))
    return translate("Messages", "{0} min {1} s").format(int(seconds // 60), round(seconds % 60))
