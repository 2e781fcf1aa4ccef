"""The live console's services on a fake clock: run of show, crash-resume, shelf, metrics, alerts, incidents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from livedesk.config import Preferences
from livedesk.models import Alert, ImprovementItem, Review, Script, Segment, SegmentTiming, Stream
from livedesk.services import live
from livedesk.services.db import open_database
from tests.unit.script_helpers import add_to_lineup, make_product, make_stream

T0 = dt.datetime(2026, 11, 15, 20, 0, tzinfo=dt.timezone.utc)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def _stream_with_script(session, spans=((0, 10), (10, 20), (30, 10), (45, 15)), title="冬季焕新专场") -> Stream:
    stream = make_stream(session, title=title)
    script = Script(stream_id=stream.id)
    session.add(script)
    session.flush()
    for i, (start, length) in enumerate(spans):
        session.add(Segment(script_id=script.id, position=i, title=f"段{i + 1}", start_seconds=start * 60,
                            duration_seconds=length * 60, host_lines=f"话术{i + 1}"))
    session.flush()
    return stream


@pytest.fixture
def sid(db) -> int:
    with db.session() as s:
        return _stream_with_script(s).id


def state(db, sid, now):
    with db.session() as s:
        return live.console_state(s, sid, now)


def act(db, fn, *args):
    with db.session() as s:
        return fn(s, *args)


# --- checklist -------------------------------------------------------------------------------------


def test_template_defaults_edit_and_file(paths):
    assert any("5000–5600" in t for t in live.load_checklist_template(paths))
    live.save_checklist_template(paths, ["a", " ", "b"])
    assert live.template_path(paths).exists()
    assert live.load_checklist_template(paths) == ["a", "b"]


def test_checklist_from_template_plus_open_improvements(db):
    with db.session() as s:
        old = make_stream(s, start="2026-11-10 20:00", title="上一场")
        old.account = "店A"
        s.add(Review(stream_id=old.id))
        s.add(ImprovementItem(stream_id=old.id, text="福袋提前设置", owner="阿杰"))
        s.add(ImprovementItem(stream_id=old.id, text="已完成的", done=True))
        other = make_stream(s, start="2026-11-12 20:00", title="别的账号")
        other.account = "店B"
        s.add(Review(stream_id=other.id))
        s.add(ImprovementItem(stream_id=other.id, text="不相关"))
        new = make_stream(s, start="2026-11-15 20:00")
        new.account = "店A"
        s.flush()
        items = live.ensure_checklist(s, new.id, ["设备", "灯光"])
        texts = [i.text for i in items]
        assert texts[:2] == ["设备", "灯光"]
        assert any("福袋提前设置" in t and "阿杰" in t for t in texts)
        assert not any("已完成" in t or "不相关" in t for t in texts)
        assert len(live.ensure_checklist(s, new.id, ["设备", "灯光"])) == len(items)  # idempotent
        live.tick(s, items[0].id, "阿杰", at(-60))
        assert [i.text for i in live.unticked(s, new.id)] == texts[1:]
        assert items[0].ticked_by == "阿杰" and items[0].ticked_at == at(-60)
        live.untick(s, items[0].id)
        assert len(live.unticked(s, new.id)) == len(texts)


# --- run of show -----------------------------------------------------------------------------------


def test_go_live_sets_status_and_starts_first_segment(db, sid):
    act(db, live.go_live, sid, at(0))
    with db.session() as s:
        assert s.get(Stream, sid).status == "live"
        assert [t.segment_title for t in s.scalars(select(SegmentTiming))] == ["段1"]
        with pytest.raises(live.LiveError):
            live.go_live(s, sid, at(1))
    st = state(db, sid, at(4))
    status = st.status(at(4))
    assert st.current.title == "段1" and st.next.title == "段2"
    assert status.time_left == 6 * 60 and status.elapsed == 4 * 60 and not status.warning


def test_warning_then_overtime_and_drift(db, sid):
    act(db, live.go_live, sid, at(0))
    st = state(db, sid, at(0))
    assert not st.status(at(6.9)).warning
    assert st.status(at(7)).warning  # 3 minutes before the switch
    over = st.status(at(12))
    assert over.overtime == 120 and over.time_left == -120 and over.drift == 120
    assert over.show_drift == 0  # the 5-minute gap before 段4 absorbs the 2 minutes
    assert st.status(at(18)).show_drift == 180  # 8 minutes over: the gap absorbs 5 of them
    act(db, live.next_segment, sid, at(12))
    st = state(db, sid, at(12))
    status = st.status(at(12))
    assert st.current.title == "段2" and status.drift == 120
    # 段3 ends 2 min late at 42, the planned gap 40..45 absorbs it: the show ends on time
    assert status.show_drift == 0
    assert st.at(status.expected_end) == at(60)


def test_ahead_of_plan(db, sid):
    act(db, live.go_live, sid, at(0))
    act(db, live.next_segment, sid, at(8))
    status = state(db, sid, at(8)).status(at(8))
    assert status.drift == -120 and status.ahead


def test_skip_records_a_zero_length_run(db, sid):
    act(db, live.go_live, sid, at(0))
    assert act(db, live.skip_segment, sid, at(10)) == 2
    st = state(db, sid, at(10))
    assert st.current.title == "段3"
    rows = act(db, live.planned_vs_actual, sid)
    assert rows[0].actual_seconds == 600 and rows[1].skipped and rows[2].actual_start == 600
    status = st.status(at(10))
    assert status.drift == -20 * 60  # 段3 was planned at 30 and started at 10


def test_previous_undoes_a_switch_and_keeps_the_clock(db, sid):
    act(db, live.go_live, sid, at(0))
    act(db, live.next_segment, sid, at(5))  # pressed too early
    assert act(db, live.previous_segment, sid, at(6)) == 0
    st = state(db, sid, at(6))
    assert st.current.title == "段1"
    assert st.status(at(6)).time_left == 4 * 60
    with pytest.raises(live.LiveError):
        act(db, live.previous_segment, sid, at(6))


def test_hold_stops_the_countdown_and_resume_keeps_it(db, sid):
    act(db, live.go_live, sid, at(0))
    act(db, live.hold, sid, at(2))
    st = state(db, sid, at(5))
    assert st.held and st.status(at(5)).time_left == 8 * 60
    assert st.status(at(9)).time_left == 8 * 60  # frozen
    act(db, live.resume, sid, at(9))
    st = state(db, sid, at(9))
    assert not st.held and st.status(at(10)).time_left == 7 * 60
    assert st.segment_elapsed(at(10)) == 600


def test_add_and_remove_time(db, sid):
    act(db, live.go_live, sid, at(0))
    assert act(db, live.add_time, sid, 60, at(1)) == 60
    assert act(db, live.add_time, sid, 60, at(1)) == 120
    assert act(db, live.add_time, sid, -30, at(1)) == 90
    assert state(db, sid, at(1)).status(at(1)).time_left == 9 * 60 + 90


def test_last_segment_and_end(db, sid):
    act(db, live.go_live, sid, at(0))
    for minute in (10, 30, 40):
        act(db, live.next_segment, sid, at(minute))
    with pytest.raises(live.LiveError):
        act(db, live.next_segment, sid, at(50))
    act(db, live.end_stream, sid, at(58))
    st = state(db, sid, at(70))
    assert st.ended and not st.live and st.status(at(70)).finished
    rows = act(db, live.planned_vs_actual, sid)
    assert [r.actual_seconds for r in rows] == [600, 1200, 600, 18 * 60]
    assert rows[3].difference == 180
    with pytest.raises(live.LiveError):
        act(db, live.add_time, sid, 60, at(71))


def test_resume_after_a_crash(tmp_path):
    url = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    db = open_database(url)
    with db.session() as s:
        sid = _stream_with_script(s).id
    act(db, live.go_live, sid, at(0))
    act(db, live.next_segment, sid, at(11))
    act(db, live.add_time, sid, 120, at(15))
    act(db, live.hold, sid, at(20))
    before = state(db, sid, at(25)).status(at(25))
    db.close()  # the app is killed; nothing was kept in memory

    db2 = open_database(url)
    st = state(db2, sid, at(25))
    after = st.status(at(25))
    assert st.current.title == "段2" and st.held
    assert after == before
    assert after.time_left == (11 + 20 + 2) * 60 - 20 * 60  # frozen since the hold at 20
    act(db2, live.resume, sid, at(26))
    assert state(db2, sid, at(26)).status(at(26)).time_left == after.time_left
    db2.close()


def test_review_reads_the_segment_timings(db, sid):
    from livedesk.services.review import _segment_rows

    act(db, live.go_live, sid, at(0))
    act(db, live.next_segment, sid, at(12))
    act(db, live.end_stream, sid, at(30))
    with db.session() as s:
        rows, _ = _segment_rows(s, s.get(Stream, sid))
    assert rows[0]["actual_minutes"] == 12 and rows[1]["actual_minutes"] == 18


def test_no_script_still_goes_live(db):
    with db.session() as s:
        bare = make_stream(s).id
    act(db, live.go_live, bare, at(0))
    st = state(db, bare, at(1))
    assert st.live and st.current is None and st.status(at(1)) is None
    with pytest.raises(live.LiveError):
        act(db, live.next_segment, bare, at(2))


# --- shelf and alerts ------------------------------------------------------------------------------


@pytest.fixture
def shelf_stream(db, sid):
    with db.session() as s:
        stream = s.get(Stream, sid)
        welfare = make_product(s, "1元秒杀洗脸巾", role="welfare", price="1", cost="3")
        welfare.safety_stock = 0
        hero = make_product(s, "精华液")
        hero.safety_stock = 100
        add_to_lineup(s, stream, welfare, 0, link=1)
        add_to_lineup(s, stream, hero, 1, link=2)
        return sid, welfare.id, hero.id


def test_links_and_welfare_sold_out_flag(db, shelf_stream):
    sid, welfare, hero = shelf_stream
    act(db, live.set_link, sid, welfare, True, at(1))
    new = act(db, live.enter_stock, sid, welfare, 50, at(2))
    assert new == []
    with db.session() as s:
        row = next(r for r in live.shelf(s, sid) if r.product_id == welfare)
        assert row.link_up and row.stock_remaining == 50 and not row.take_down_prompt
    new = act(db, live.enter_stock, sid, welfare, 0, at(3))
    assert [a.rule for a in new] == [f"sold_out:{welfare}"]
    with db.session() as s:
        row = next(r for r in live.shelf(s, sid) if r.product_id == welfare)
        assert row.take_down_prompt and row.link_changed_at == at(1)
    act(db, live.set_link, sid, welfare, False, at(4))
    with db.session() as s:
        row = next(r for r in live.shelf(s, sid) if r.product_id == welfare)
        assert not row.link_up and not row.take_down_prompt
    with pytest.raises(live.LiveError):
        act(db, live.enter_stock, sid, welfare, -1, at(5))


def test_stock_below_safety_alert_not_duplicated_and_rearmed(db, shelf_stream):
    sid, _, hero = shelf_stream
    assert [a.rule for a in act(db, live.enter_stock, sid, hero, 80, at(1))] == [f"stock_low:{hero}"]
    assert act(db, live.enter_stock, sid, hero, 60, at(2)) == []  # still low: no duplicate
    assert act(db, live.evaluate_alerts, sid, at(3)) == []
    assert act(db, live.enter_stock, sid, hero, 300, at(4)) == []  # restocked: clears
    assert len(act(db, live.enter_stock, sid, hero, 20, at(5))) == 1  # low again: a new alert
    with db.session() as s:
        assert len(s.scalars(select(Alert)).all()) == 2


def test_uv_value_alert(db, sid):
    prefs = Preferences(uv_value_floor=0.8)
    _, new = act(db, live.add_metric, sid, at(5), 300, Decimal(1000), 10, 1000, None, prefs)
    assert new == []  # ¥1.00 per UV
    _, new = act(db, live.add_metric, sid, at(10), 300, Decimal(1400), 14, 2000, None, prefs)
    assert [a.rule for a in new] == ["uv_value"] and "0.70" in new[0].message
    _, new = act(db, live.add_metric, sid, at(15), 300, Decimal(1500), 15, 2100, None, prefs)
    assert new == []  # still low, already alerted
    _, new = act(db, live.add_metric, sid, at(20), 300, Decimal(1600), None, None, None, prefs)
    assert new == []  # no UV: the rule cannot be checked


def test_online_drop_alert_within_five_minutes(db, sid):
    _, new = act(db, live.add_metric, sid, at(0), 1000)
    _, new = act(db, live.add_metric, sid, at(3), 700)
    assert new == []
    _, new = act(db, live.add_metric, sid, at(5), 500)
    assert [a.rule for a in new] == ["online_drop"] and "1000" in new[0].message
    _, new = act(db, live.add_metric, sid, at(6), 450)
    assert new == []
    # a slow fall over more than 5 minutes is not a drop
    with db.session() as s:
        other = _stream_with_script(s, title="慢").id
    for minute, online in ((0, 1000), (4, 800), (8, 600), (12, 480)):
        _, new = act(db, live.add_metric, other, at(minute), online)
        assert new == []


def test_metric_validation(db, sid):
    with pytest.raises(live.LiveError):
        act(db, live.add_metric, sid, at(0))
    with pytest.raises(live.LiveError):
        act(db, live.add_metric, sid, at(0), -5)


# --- incidents, lines, picks, log ------------------------------------------------------------------


def test_incidents_and_response_library(db, sid):
    with db.session() as s:
        for kind in live.INCIDENT_KINDS:
            assert live.response_lines(s, kind), kind
        live.set_response_lines(s, "network_drop", ["我们马上回来", " "])
        assert live.response_lines(s, "network_drop") == ["我们马上回来"]
        assert live.response_lines(s, "device_fault")  # others untouched
        incident = live.log_incident(s, sid, "network_drop", at(12), "主网断了", "阿杰")
        assert incident.at == at(12) and incident.handled_by == "阿杰"
        with pytest.raises(live.LiveError):
            live.log_incident(s, sid, "alien", at(13))


def test_default_pick_prefers_the_live_stream_then_the_next(db):
    with db.session() as s:
        a = make_stream(s, start="2026-11-14 20:00", title="昨天")
        morning = make_stream(s, start="2026-11-15 09:00", minutes=60, title="今天早场")
        b = make_stream(s, start="2026-11-15 20:00", title="今天")
        c = make_stream(s, start="2026-11-20 20:00", title="以后")
        s.flush()
        now = b.start_at - dt.timedelta(hours=2)  # the morning stream is over: the evening one is next
        assert live.default_pick(live.stream_picks(s), now) == b.id
        assert live.default_pick(live.stream_picks(s), morning.start_at + dt.timedelta(minutes=30)) == morning.id
        now = b.start_at + dt.timedelta(minutes=30)  # running late, not live yet: still the one to open
        assert live.default_pick(live.stream_picks(s), now) == b.id
        live.go_live(s, b.id, now)
        live.end_stream(s, b.id, now + dt.timedelta(minutes=10))
        assert live.default_pick(live.stream_picks(s), now + dt.timedelta(minutes=20)) == c.id  # ended: the next
        live.go_live(s, a.id, a.start_at)
        assert live.default_pick(live.stream_picks(s), now) == a.id  # a live stream wins


def test_log_lists_everything_newest_first(db, shelf_stream):
    sid, welfare, _ = shelf_stream
    act(db, live.go_live, sid, at(0))
    act(db, live.set_link, sid, welfare, True, at(1))
    act(db, live.add_metric, sid, at(5), 500, Decimal("1234.5"), 12)
    act(db, live.log_incident, sid, "host_mistake", at(6), "报错价格", "小薇")
    with db.session() as s:
        entries = live.live_log(s, sid)
    assert [e.kind for e in entries] == ["incident:host_mistake", "metric", "link", "live", "segment"]
    assert "¥1,234" in entries[1].text or "¥1,235" in entries[1].text


def test_price_questioned_is_an_incident_type_with_prepared_lines(db):
    from livedesk.models import ResponseLine
    from livedesk.services import compliance

    assert "price_questioned" in live.INCIDENT_KINDS
    with db.session() as s:
        s.add(ResponseLine(kind="network_drop", text="老版本的话术"))  # a library seeded before the type existed
        s.flush()
        lines = live.response_lines(s, "price_questioned")
        assert lines == live.DEFAULT_RESPONSES["price_questioned"]
        assert live.response_lines(s, "network_drop") == ["老版本的话术"]  # the team's own lines are kept
        assert not any(compliance.check_text(line) for line in lines)  # the host may say them as they are
        stream = make_stream(s)
        incident = live.log_incident(s, stream.id, "price_questioned", stream.start_at, "弹幕说比旗舰店贵")
        assert incident.kind == "price_questioned"


def test_emptied_prepared_lines_stay_empty(db):
    with db.session() as s:
        live.set_response_lines(s, "price_questioned", [])
        assert live.response_lines(s, "price_questioned") == []
        assert live.response_lines(s, "network_drop")  # seeding the others does not refill it
        assert live.response_lines(s, "price_questioned") == []
