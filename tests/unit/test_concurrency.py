"""Optimistic concurrency in the services, with a teammate simulated by a second Database on the same file:
stream versions, segment field checks, and the live console followed from another computer."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from livedesk.services import live, schedule, scripts

START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def stream_id(db) -> int:
    with db.session() as s:
        data = schedule.StreamData(title="周五美妆专场", start_at=START, planned_minutes=120, account="小薇的好物直播间",
                                   people=[("小薇", "host")])
        return schedule.create_stream(s, data).id


def read(db, stream_id: int) -> schedule.StreamData:
    with db.session() as s:
        return schedule.get_stream_data(s, stream_id)


def test_stream_data_carries_the_version_and_a_save_bumps_it(db, stream_id):
    seen = read(db, stream_id)
    assert seen.version == 1
    with db.session() as s:
        schedule.update_stream(s, stream_id, dataclasses.replace(seen, title="新标题"), expected_version=seen.version)
    assert read(db, stream_id).version == 2
    assert schedule.duplicate_data(seen).version is None


def test_a_stale_version_is_refused_and_nothing_is_written(db, teammate, stream_id):
    seen = read(db, stream_id)
    with teammate.session() as s:  # the teammate saves first
        schedule.update_stream(s, stream_id, dataclasses.replace(read(teammate, stream_id), notes="他们的备注"))
    with pytest.raises(schedule.StreamChangedError) as caught, db.session() as s:
        schedule.update_stream(s, stream_id, dataclasses.replace(seen, title="我的标题"), expected_version=seen.version)
    assert "周五美妆专场" in str(caught.value)
    assert isinstance(caught.value, schedule.ValidationError)  # shown like any refused edit
    stored = read(db, stream_id)
    assert (stored.title, stored.notes) == ("周五美妆专场", "他们的备注")


def test_without_an_expected_version_the_save_goes_through(db, teammate, stream_id):
    seen = read(db, stream_id)
    with teammate.session() as s:
        schedule.update_stream(s, stream_id, dataclasses.replace(read(teammate, stream_id), notes="他们的备注"))
    with db.session() as s:  # undo/redo and the command line write without a check, as before
        schedule.update_stream(s, stream_id, dataclasses.replace(seen, title="我的标题"))
    assert read(db, stream_id).title == "我的标题"


def test_a_change_of_people_alone_bumps_the_version(db, stream_id):
    seen = read(db, stream_id)
    with db.session() as s:
        schedule.update_stream(s, stream_id, dataclasses.replace(seen, people=[("小薇", "host"), ("阿杰", "controller")]))
    assert read(db, stream_id).version == seen.version + 1


def test_merge_changes_puts_my_fields_on_top_of_theirs(db, stream_id):
    base = read(db, stream_id)
    mine = dataclasses.replace(base, title="我的标题", people=[("阿杰", "host")])
    theirs = dataclasses.replace(base, title="他们的标题", notes="他们的备注", version=5)
    merged = schedule.merge_changes(base, mine, theirs)
    assert (merged.title, merged.notes, merged.people, merged.version) == ("我的标题", "他们的备注", [("阿杰", "host")], 5)


def test_segment_edit_checks_the_value_the_user_saw(db, teammate, stream_id):
    with db.session() as s:
        segment_id = scripts.add_segment(s, stream_id, title="开场", host_lines="欢迎").id
    with teammate.session() as s:
        scripts.update_segment(s, segment_id, host_lines="他们的话术")
    with pytest.raises(scripts.SegmentChangedError) as caught, db.session() as s:
        scripts.update_segment(s, segment_id, expected={"host_lines": "欢迎"}, host_lines="我的话术")
    assert (caught.value.field, caught.value.theirs) == ("host_lines", "他们的话术")
    with db.session() as s:  # another field the teammate did not touch saves fine
        scripts.update_segment(s, segment_id, expected={"title": "开场"}, title="开场白")
        segment = scripts.list_segments(s, stream_id)[0]
        assert (segment.title, segment.host_lines) == ("开场白", "他们的话术")


def test_the_follower_sees_the_controllers_segment_and_message(db, teammate, stream_id):
    with db.session() as s:
        for title in ("开场", "讲解", "福利"):
            scripts.add_segment(s, stream_id, title=title, duration_seconds=300)
        live.go_live(s, stream_id, START)
    with teammate.session() as s:  # the host's laptop
        assert live.console_state(s, stream_id, START).current.title == "开场"
        assert live.host_message(s, stream_id) == ""
    with db.session() as s:  # the controller advances and sends a message
        live.next_segment(s, stream_id, START + dt.timedelta(minutes=5))
        live.set_host_message(s, stream_id, "福袋马上开", START + dt.timedelta(minutes=5))
    with teammate.session() as s:
        state = live.console_state(s, stream_id, START + dt.timedelta(minutes=6))
        assert state.current.title == "讲解" and state.live
        assert live.host_message(s, stream_id) == "福袋马上开"
        assert live.alerts(s, stream_id) == []  # host messages are not alerts
        assert all(e.kind != "alert" for e in live.live_log(s, stream_id))
    with db.session() as s:
        live.set_host_message(s, stream_id, "", START + dt.timedelta(minutes=7))  # cleared
    with teammate.session() as s:
        assert live.host_message(s, stream_id) == ""
