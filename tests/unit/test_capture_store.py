"""Captured readings logged like typed entries: source kept, typing wins, implausible jumps held, per-link
figures, and the review's curve from captures labelled with their interval."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from livedesk.services import live, live_review
from livedesk.services.capture import store
from livedesk.services.capture.mapping import LinkReading, Reading
from tests.unit.script_helpers import add_to_lineup, make_product, make_stream


def _live_stream(session):
    stream = make_stream(session)
    live.go_live(session, stream.id, stream.start_at)
    return stream


def at(stream, seconds: float) -> dt.datetime:
    return stream.start_at + dt.timedelta(seconds=seconds)


def test_a_capture_is_logged_with_its_source(db):
    with db.session() as s:
        stream = _live_stream(s)
        outcome = store.log_reading(s, stream.id, at(stream, 60), Reading(online=300, gmv=Decimal("1200.50"), orders=9, uv=800,
                                                                           click_rate=Decimal("0.05")))
        assert outcome.logged and not outcome.held
        [sample] = live.metric_samples(s, stream.id)
        assert (sample.source, sample.online, sample.gmv, sample.orders, sample.uv, sample.click_rate) == (
            "capture", 300, Decimal("1200.50"), 9, 800, Decimal("0.05"))
        [entry] = [e for e in live.live_log(s, stream.id) if e.kind == "metric"]
        assert entry.text.endswith("captured")


def test_typing_wins_within_the_interval(db):
    with db.session() as s:
        stream = _live_stream(s)
        live.add_metric(s, stream.id, at(stream, 100), online=500)  # the controller typed the online count
        outcome = store.log_reading(s, stream.id, at(stream, 110), Reading(online=480, gmv=Decimal(900)), interval_seconds=30)
        assert outcome.kept_typed == ["online"]
        captured = live.metric_samples(s, stream.id)[-1]
        assert (captured.source, captured.online, captured.gmv) == ("capture", None, Decimal(900))
        later = store.log_reading(s, stream.id, at(stream, 140), Reading(online=470))  # 40 s on: captured again
        assert later.logged and later.sample.online == 470


def test_nothing_new_to_log_when_the_controller_typed_it_all(db):
    with db.session() as s:
        stream = _live_stream(s)
        live.add_metric(s, stream.id, at(stream, 100), online=500)
        outcome = store.log_reading(s, stream.id, at(stream, 105), Reading(online=490))
        assert not outcome.logged and not outcome.held
        assert len(live.metric_samples(s, stream.id)) == 1


def test_gmv_going_down_is_held_until_confirmed(db):
    with db.session() as s:
        stream = _live_stream(s)
        store.log_reading(s, stream.id, at(stream, 60), Reading(gmv=Decimal("12500"), orders=40))
        misread = Reading(gmv=Decimal("1250"), orders=41)  # OCR lost a digit
        outcome = store.log_reading(s, stream.id, at(stream, 90), misread)
        assert not outcome.logged
        assert outcome.held == ["GMV went down from 12500.00 to 1250"]
        assert len(live.metric_samples(s, stream.id)) == 1
        confirmed = store.log_reading(s, stream.id, at(stream, 95), misread, confirmed=True)
        assert confirmed.logged and confirmed.sample.gmv == Decimal("1250")


def test_online_ten_times_within_a_minute_is_held_but_not_after(db):
    with db.session() as s:
        stream = _live_stream(s)
        store.log_reading(s, stream.id, at(stream, 60), Reading(online=120))
        held = store.log_reading(s, stream.id, at(stream, 90), Reading(online=1200))
        assert held.held == ["online jumped from 120 to 1200 within a minute"]
        later = store.log_reading(s, stream.id, at(stream, 200), Reading(online=1200))  # over two minutes: a real rise
        assert later.logged


def test_a_product_list_fills_each_links_click_rate_and_stock(db):
    with db.session() as s:
        stream = _live_stream(s)
        for position, name in enumerate(("绒毯", "保温杯")):
            add_to_lineup(s, stream, make_product(s, name), position, link=position + 1)
        written, unknown = store.log_links(s, stream.id, at(stream, 60), [
            LinkReading(1, Decimal("0.082"), 45), LinkReading(2, Decimal("0.056"), None), LinkReading(9, None, 3)])
        assert written == 2
        assert unknown == ["link #9 is not in this stream's lineup"]
        rows = {r.link_number: r for r in live.shelf(s, stream.id)}
        assert (rows[1].click_rate, rows[1].stock_remaining) == (Decimal("0.082"), 45)
        assert (rows[2].click_rate, rows[2].stock_remaining) == (Decimal("0.056"), None)
        texts = [e.text for e in live.live_log(s, stream.id) if e.kind in ("stock", "link")]
        assert "Click rate 保温杯: 5.6% · captured" in texts
        assert "Stock 绒毯: 45 left · click rate 8.2% · captured" in texts


def test_the_review_curve_from_captures_says_so_with_its_interval(db):
    with db.session() as s:
        stream = _live_stream(s)
        for i in range(6):
            store.log_reading(s, stream.id, at(stream, 30 * (i + 1)), Reading(online=100 + 10 * i, gmv=Decimal(50 * i)))
        curve = live_review.logged_curve(s, stream.id)
        summary = live_review.logged_summary(s, stream.id)
    assert (curve.source, curve.interval_seconds) == ("capture", 30)
    assert "every 30 s" in curve.note
    assert curve.series["online"] == [100, 110, 120, 130, 140, 150]
    assert summary["samples_source"] == {"kind": "capture", "interval_seconds": 30}


def test_in_the_curve_a_typed_sample_stands_over_the_capture_beside_it(db):
    with db.session() as s:
        stream = _live_stream(s)
        for i in range(4):
            store.log_reading(s, stream.id, at(stream, 30 * (i + 1)), Reading(uv=1000 * (i + 1)), interval_seconds=30)
        live.add_metric(s, stream.id, at(stream, 95), online=640)  # typed 5 s after the third capture
        curve = live_review.logged_curve(s, stream.id)
    assert curve.source == "mixed"
    assert [round(m * 60) for m in curve.minutes] == [30, 60, 95, 120]
    assert curve.series["online"] == [None, None, 640, None]
    assert "with the numbers typed" in curve.note


def test_typed_only_keeps_the_logged_wording(db):
    with db.session() as s:
        stream = _live_stream(s)
        live.add_metric(s, stream.id, at(stream, 300), online=300)
        curve = live_review.logged_curve(s, stream.id)
    assert curve.source == "typed" and curve.note.startswith("Logged during the stream")
