"""The live tab's door (services/live_steps.py): each action one unit of work, reads as plain data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from livedesk.config import Preferences
from livedesk.models import (
    Base,
    ChecklistItem,
    LiveSession,
    MetricSample,
    Person,
    Script,
    Segment,
    SegmentTiming,
    Stream,
)
from livedesk.services import live_demo, live_steps
from livedesk.services.capture.mapping import LinkReading, Reading
from livedesk.services.live_common import LiveError
from tests.unit.script_helpers import add_to_lineup, make_product, make_stream

T0 = dt.datetime(2026, 11, 15, 12, 0, tzinfo=dt.timezone.utc)
STORE = live_steps.ReadOptions(checklist_template=("设备", "灯光"), store_checklist=True)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def add_stream(db, title: str = "周五专场", start: str = "2026-11-15 20:00", segments: int = 3) -> int:
    with db.session() as s:
        stream = make_stream(s, start=start, title=title)
        script = Script(stream_id=stream.id)
        s.add(script)
        s.flush()
        for i in range(segments):
            s.add(Segment(script_id=script.id, position=i, title=f"段{i + 1}", start_seconds=i * 600,
                          duration_seconds=600, host_lines=f"话术{i + 1}"))
        return stream.id


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def orm_values(value) -> list[object]:
    """Every ORM object inside a read (dataclasses, tuples and lists opened up)."""
    if isinstance(value, Base):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [o for f in dataclasses.fields(value) for o in orm_values(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [o for item in value for o in orm_values(item)]
    return []


# --- reads -------------------------------------------------------------------------------------------------


def test_read_tab_opens_on_the_live_stream_and_on_the_default_when_the_asked_one_was_deleted(db):
    early = add_stream(db, "早场", "2026-11-15 08:00")
    evening = add_stream(db, "晚场", "2026-11-15 20:00")
    with db.session() as s:
        s.add_all([Person(name="阿杰"), Person(name="小美", active=False)])
    live_steps.go_live(db, evening, at(0))

    read = live_steps.read_tab(db, None, at(1), STORE)
    assert read.stream_id == evening  # the live one
    assert [p.title for p in read.picks.streams] == ["早场", "晚场"]
    assert read.picks.people == ("阿杰",)  # active people only
    assert read.console.state.live and read.console.state.current.title == "段1"

    assert live_steps.read_tab(db, early, at(1), STORE).stream_id == early  # the one asked for, while it exists
    with db.session() as s:
        s.delete(s.get(Stream, early))
    assert live_steps.read_tab(db, early, at(1), STORE).stream_id == evening
    assert orm_values(read) == []


def test_a_read_without_store_checklist_writes_nothing_and_says_what_is_missing(db):
    sid = add_stream(db)
    read = live_steps.read_console(db, sid, at(0), dataclasses.replace(STORE, store_checklist=False))
    assert read.details.checklist == () and read.details.checklist_missing
    assert count(db, ChecklistItem) == 0

    stored = live_steps.read_console(db, sid, at(0), STORE)
    assert [i.text for i in stored.details.checklist] == ["设备", "灯光"] and not stored.details.checklist_missing
    again = live_steps.read_console(db, sid, at(0), dataclasses.replace(STORE, store_checklist=False))
    assert not again.details.checklist_missing and count(db, ChecklistItem) == 2


def test_a_followers_read_leaves_the_details_out_while_only_the_clock_moves(db):
    sid = add_stream(db)
    live_steps.go_live(db, sid, at(0))
    first = live_steps.read_console(db, sid, at(1))
    shape = live_steps.console_shape(first.state)
    same = live_steps.read_console(db, sid, at(2), known_shape=shape)
    assert same.details is None and same.state == first.state
    live_steps.set_host_message(db, sid, at(2), "福袋马上开")
    assert live_steps.read_console(db, sid, at(3), known_shape=shape).host_message == "福袋马上开"
    live_steps.next_segment(db, sid, at(3))
    moved = live_steps.read_console(db, sid, at(4), known_shape=shape)
    assert moved.details is not None and moved.state.current.title == "段2"
    assert moved.details.log[0].text == "Segment: 段2"  # newest first


def test_the_apps_own_checks_are_read_before_going_live_and_once_on_air(db):
    sid = add_stream(db)
    before = live_steps.read_console(db, sid, at(0), STORE)
    assert {c.key for c in before.details.auto_checks} == {"script_approved", "rehearsed", "stock", "compliance"}
    live_steps.go_live(db, sid, at(0))
    assert live_steps.read_console(db, sid, at(1), dataclasses.replace(STORE, checks_known_for=sid)).details.auto_checks is None
    assert live_steps.read_console(db, sid, at(1), STORE).details.auto_checks is not None  # the tab has none for it


def test_a_deleted_stream_reads_as_none(db):
    sid = add_stream(db)
    with db.session() as s:
        s.delete(s.get(Stream, sid))
    assert live_steps.read_console(db, sid, at(0)) is None
    assert live_steps.read_tab(db, sid, at(0)).console is None


# --- actions -----------------------------------------------------------------------------------------------


def test_each_action_is_its_own_unit_of_work_and_returns_plain_values(db):
    sid = add_stream(db)
    with db.session() as s:
        product = make_product(s, "1元秒杀洗脸巾", role="welfare", price="1", cost="3")
        add_to_lineup(s, s.get(Stream, sid), product, 0, link=1)
        product_id = product.id
    assert live_steps.go_live(db, sid, at(0)) is None
    assert live_steps.next_segment(db, sid, at(5)) == 1
    assert live_steps.toggle_hold(db, sid, at(6)) is True
    assert live_steps.toggle_hold(db, sid, at(7)) is False
    assert live_steps.add_time(db, sid, at(8), 60) == 120  # a minute of hold folded in, and the minute added
    assert live_steps.previous_segment(db, sid, at(9)) == 0
    assert live_steps.skip_segment(db, sid, at(10)) == 2
    live_steps.set_link(db, sid, at(11), product_id, True)
    assert live_steps.enter_stock(db, sid, at(12), product_id, 0) == ["1元秒杀洗脸巾 is sold out: take the link down."]
    alerts = live_steps.add_metric(db, sid, at(13), online=800, gmv=Decimal("3200"), uv=5000, prefs=Preferences())
    assert alerts == ["UV value ¥0.64 is below ¥0.80: tell the host to push harder."]
    live_steps.log_incident(db, sid, at(4), "network_drop", "断网 20 秒", "阿杰")  # when it happened
    live_steps.end_stream(db, sid, at(60))
    read = live_steps.read_console(db, sid, at(61))
    assert read.state.ended and read.details.shelf[0].sold_out
    assert [e.text for e in read.details.log if e.kind.startswith("incident")] == ["断网 20 秒 — 阿杰"]
    assert orm_values(read) == []


def test_a_refused_action_writes_nothing(db):
    sid = add_stream(db, segments=1)
    live_steps.go_live(db, sid, at(0))
    with pytest.raises(LiveError):
        live_steps.next_segment(db, sid, at(5))  # the last segment
    with db.session() as s:
        timings = list(s.scalars(select(SegmentTiming)))
        assert len(timings) == 1 and timings[0].ended_at is None  # the running segment was not closed
    with pytest.raises(LiveError):
        live_steps.add_metric(db, sid, at(6))  # no number
    assert count(db, MetricSample) == 0


def test_captured_readings_and_links_come_back_as_plain_outcomes(db):
    sid = add_stream(db)
    with db.session() as s:
        product = make_product(s, "面霜")
        add_to_lineup(s, s.get(Stream, sid), product, 0, link=3)
    live_steps.go_live(db, sid, at(0))
    logged = live_steps.log_reading(db, sid, at(1), Reading(online=500, gmv=Decimal("1000")))
    assert logged == live_steps.CaptureOutcome(logged=True)
    held = live_steps.log_reading(db, sid, at(1.5), Reading(online=50000))  # tenfold within a minute
    assert not held.logged and held.held
    assert live_steps.log_reading(db, sid, at(1.5), Reading(online=50000), confirmed=True).logged
    written, unknown = live_steps.log_links(db, sid, at(2), [LinkReading(3, Decimal("0.08"), 40), LinkReading(9, None, 1)])
    assert written == 1 and unknown == ["link #9 is not in this stream's lineup"]


def test_ticking_and_prepared_lines(db):
    sid = add_stream(db)
    item = live_steps.read_console(db, sid, at(0), STORE).details.checklist[0]
    live_steps.set_ticked(db, item.id, True, "阿杰", at(1))
    ticked = live_steps.read_console(db, sid, at(2)).details.checklist[0]
    assert (ticked.ticked_by, ticked.ticked_at) == ("阿杰", at(1))
    live_steps.set_ticked(db, item.id, False, "阿杰", at(3))
    assert live_steps.read_console(db, sid, at(4)).details.checklist[0].ticked_at is None
    assert live_steps.response_lines(db, "out_of_stock")  # the defaults, seeded on first use
    assert live_steps.set_response_lines(db, "out_of_stock", ["扣 1 补货", " "]) == ["扣 1 补货"]
    assert live_steps.response_lines(db, "out_of_stock") == ["扣 1 补货"]


def test_the_screenshot_show_is_staged_in_one_unit_of_work(db):
    sid = add_stream(db, start="2026-11-15 20:00")
    staged = live_demo.stage_screenshot(db, Preferences(), at(0))
    assert staged is not None and staged[0] == sid
    with db.session() as s:
        assert s.scalar(select(LiveSession).where(LiveSession.stream_id == sid)) is not None
    assert live_demo.stage_screenshot(db, Preferences(), at(0)) == staged  # a second run only recomputes the time
