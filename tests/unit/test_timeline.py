"""Plan checks, editor reflow and live-run arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest

from livedesk.services import timeline
from livedesk.services.timeline import Plan, live_status


def kinds(plan: Plan) -> list[tuple[str, float, float]]:
    return [(i.kind, i.start, i.end) for i in plan.issues()]


def test_contiguous_plan_filling_the_slot_has_no_issues() -> None:
    plan = Plan([(0, 300), (300, 600), (900, 300)], slot_seconds=1200)
    assert plan.issues() == []
    assert plan.total_seconds == 1200
    assert plan.planned_seconds == 1200


def test_gap_overlap_and_over_slot() -> None:
    plan = Plan([(0, 300), (360, 600), (900, 300)], slot_seconds=1100)
    assert kinds(plan) == [("gap", 300, 360), ("overlap", 900, 960), ("over_slot", 1100, 1200)]
    gap = plan.issues()[0]
    assert (gap.before, gap.after, gap.seconds) == (0, 1, 60)
    assert "1 min" in gap.describe()


def test_gap_before_first_and_after_last_segment() -> None:
    plan = Plan([(120, 300)], slot_seconds=600)
    assert kinds(plan) == [("gap", 0, 120), ("gap", 420, 600)]


def test_unsorted_input_and_segment_inside_another() -> None:
    plan = Plan([(600, 300), (0, 1000), (100, 100)])
    assert kinds(plan) == [("overlap", 100, 200), ("overlap", 600, 900)]


def test_from_segments_uses_segment_attributes() -> None:
    class Seg:
        def __init__(self, start: int, duration: int):
            self.start_seconds, self.duration_seconds = start, duration

    plan = Plan.from_segments([Seg(0, 60), Seg(60, 60)], 120)
    assert plan.issues() == []


def test_snap() -> None:
    assert timeline.snap_to(44, 30) == 30
    assert timeline.snap_to(46, 30) == 60
    assert timeline.snap_to(46, None) == 46


def test_move_segment_snaps_and_keeps_duration() -> None:
    spans = [(0, 300), (300, 300), (600, 300)]
    moved = timeline.move_segment(spans, 2, 640)
    assert moved == [(0, 300), (300, 300), (630, 300)]
    assert timeline.move_segment(spans, 0, -50)[0] == (0, 300)
    assert spans[2] == (600, 300)  # input untouched


def test_move_segment_with_ripple_pushes_later_ones() -> None:
    spans = [(0, 300), (300, 300), (600, 300)]
    moved = timeline.move_segment(spans, 0, 120, ripple=True)
    assert moved == [(120, 300), (420, 300), (720, 300)]


def test_resize_segment_snaps_and_ripples() -> None:
    spans = [(0, 300), (300, 300), (600, 300)]
    assert timeline.resize_segment(spans, 1, 410) == [(0, 300), (300, 420), (600, 300)]
    assert timeline.resize_segment(spans, 1, 410, ripple=True) == [(0, 300), (300, 420), (720, 300)]
    assert timeline.resize_segment(spans, 1, 5) == [(0, 300), (300, 30), (600, 300)]  # at least one step


def test_reorder_packs_contiguously() -> None:
    spans = [(0, 300), (300, 600), (900, 120)]
    order, packed = timeline.reorder(spans, 2, 0)
    assert order == [2, 0, 1]
    assert packed == [(0, 120), (120, 300), (420, 600)]
    assert Plan(packed, 1020).issues() == []


def test_pack_from_start() -> None:
    assert timeline.pack([(50, 10), (0, 20)], start=100) == [(100, 10), (110, 20)]


PLANNED = [(0, 300), (300, 600), (1200, 300)]  # a 5-minute gap before the third segment


def test_live_on_time() -> None:
    status = live_status(PLANNED, show_started_at=1000, actual_starts=[1000, 1300], now=1500)
    assert status.current == 1
    assert status.elapsed == 200
    assert status.time_left == 400
    assert status.overtime == 0
    assert not status.warning
    assert status.drift == 0
    assert status.show_drift == 0
    assert [s.state for s in status.segments] == ["done", "current", "upcoming"]


def test_live_warning_three_minutes_before_switch() -> None:
    status = live_status(PLANNED, 0, [0, 300], now=750)
    assert status.time_left == 150
    assert status.warning


def test_live_overtime_and_behind() -> None:
    # the first segment ran 2 min long, the second started at 420
    status = live_status(PLANNED, 0, [0, 420], now=1100)
    assert status.time_left == -80
    assert status.overtime == 80
    assert status.behind and status.drift == 200  # expected end 1100 vs planned 900
    assert status.segments[0].end_drift == 120
    assert status.segments[1].start_drift == 120


def test_gap_absorbs_delay() -> None:
    # 2 minutes behind: the 5-minute gap before the third segment swallows it
    status = live_status(PLANNED, 0, [0, 420], now=500)
    third = status.segments[2]
    assert third.expected_start == 1200
    assert status.show_drift == 0
    assert status.drift == 120
    # 7 minutes behind: the gap absorbs 5, the show ends 2 minutes late
    status = live_status(PLANNED, 0, [0, 720], now=800)
    assert status.segments[2].expected_start == 1320
    assert status.show_drift == 120
    assert status.expected_end == 1620


def test_ahead_of_plan() -> None:
    status = live_status(PLANNED, 0, [0, 240], now=300)
    assert status.ahead and status.drift == -60
    assert status.segments[2].expected_start == 1140  # the lead carries on, the gap is kept
    assert status.show_drift == -60


def test_a_segment_over_time_yet_ahead_reads_the_same_everywhere() -> None:
    # the second segment started 4 min early and runs 3 min over: the switch and the show are 1 min ahead
    status = live_status(PLANNED, 0, [0, 60], now=840)
    assert status.overtime == 180
    readout = timeline.drift_readout(status)
    assert readout.segment == readout.show == -60
    assert readout.segment_text() == "Next switch: 1:00 ahead"
    assert readout.show_text() == "Show: 1:00 ahead"


def test_drift_wording() -> None:
    assert timeline.drift_words(29) == "on time" and timeline.drift_words(-29) == "on time"
    assert timeline.drift_words(90) == "1:30 behind"
    assert timeline.drift_words(-90) == "1:30 ahead"
    status = live_status(PLANNED, 0, [0, 300, 1200], now=2000, ended_at=1560)
    assert timeline.drift_readout(status).segment is None
    assert timeline.drift_readout(status).segment_text() == ""


def test_extra_time_and_holds_extend_the_current_segment() -> None:
    status = live_status(PLANNED, 0, [0, 300], now=800, extra={1: 120}, held={1: 30})
    assert status.time_left == 300 + 600 + 120 + 30 - 800
    status = live_status(PLANNED, 0, [0, 300], now=800, hold_since=700)
    assert status.elapsed == 400  # 500 since the start, 100 on hold
    assert status.time_left == 200


def test_before_the_first_segment_starts() -> None:
    status = live_status(PLANNED, 100, [], now=160)
    assert status.current is None
    assert status.segments[0].expected_start == 60  # late by a minute already
    assert status.drift == 60


def test_finished_show() -> None:
    status = live_status(PLANNED, 0, [0, 300, 1200], now=2000, ended_at=1560)
    assert status.finished and status.current is None
    assert status.expected_end == 1560
    assert status.show_drift == 60


def test_formatting_helpers() -> None:
    assert timeline.clock(75) == "1:15"
    assert timeline.clock(3725) == "1:02:05"
    assert timeline.clock(-30) == "-0:30"
    start = dt.datetime(2026, 11, 15, 20, 0, tzinfo=dt.timezone.utc)
    assert timeline.offset_to_datetime(start, 90) == start + dt.timedelta(seconds=90)


@pytest.mark.parametrize("snap", [0, None])
def test_no_snap(snap) -> None:
    assert timeline.move_segment([(0, 10)], 0, 7, snap=snap) == [(7, 10)]
