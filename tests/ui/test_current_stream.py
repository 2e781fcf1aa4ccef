"""One current stream for the whole window: picked in any tab, every tab shows it; the live console keeps a
stream it is running; ending a stream opens its review on that stream."""

from __future__ import annotations

import datetime as dt

from livedesk.services import live as live_service
from livedesk.ui.live.clock import FixedClock


def _streams(window) -> list[int]:
    combo = window.tab("script").stream_combo
    return [combo.itemData(i) for i in range(combo.count())]


def test_a_stream_picked_in_the_schedule_is_current_in_every_tab(window, demo_db):
    window.refresh_all()
    schedule = window.tab("schedule")
    first, second = _streams(window)[2], _streams(window)[5]
    schedule.select_stream(first)
    assert window.current_stream_id == first
    assert window.tab("script").stream_id == first  # built after the pick: opens on it
    assert window.tab("products").lineup.stream_id == first
    assert window.tab("review").stream_id == first
    schedule.select_stream(second)  # built tabs follow a new pick
    for key, shown in (("script", lambda t: t.stream_id), ("products", lambda t: t.lineup.stream_id),
                       ("review", lambda t: t.stream_id), ("live", lambda t: t.stream_id)):
        assert shown(window.tab(key)) == second, key


def test_a_stream_picked_in_a_tab_is_selected_in_the_schedule(window, demo_db):
    window.refresh_all()
    script = window.show_tab("script")
    target = _streams(window)[3]
    script.stream_combo.setCurrentIndex(script.stream_combo.findData(target))  # the user's choice
    assert window.current_stream_id == target
    assert window.tab("schedule").selected_ids() == [target]
    review = window.show_tab("review")
    assert review.stream_id == target
    other = _streams(window)[1]
    review.stream_combo.setCurrentIndex(review.stream_combo.findData(other))
    assert script.stream_id == other and window.tab("schedule").selected_ids() == [other]


def test_the_console_keeps_its_live_stream_and_ending_it_opens_its_review(window, demo_db):
    window.refresh_all()
    live = window.show_tab("live")
    running, elsewhere = _streams(window)[4], _streams(window)[6]
    with demo_db.session() as s:
        for pick in live_service.stream_picks(s):  # the demo may hold a stream still live
            if pick.live:
                live_service.end_stream(s, pick.id, pick.start_at + dt.timedelta(hours=1))
        start = live_service.console_state(s, running, dt.datetime.now(dt.timezone.utc)).stream_start_at
        if live_service.get_live_session(s, running) is not None:
            s.delete(live_service.get_live_session(s, running))
    live.clock = FixedClock(start)
    live.reload()
    live.stream_combo.setCurrentIndex(live.stream_combo.findData(running))
    live.confirm_go_live = lambda missing: True
    live.go_live()
    assert live.state.live
    window.tab("schedule").select_stream(elsewhere)
    assert window.current_stream_id == elsewhere and window.tab("script").stream_id == elsewhere
    assert live.stream_id == running  # the controller is not taken off the show
    live.clock.advance(3600)
    live.confirm_end = lambda: True
    live.offer_review = lambda: True
    live.end_stream()
    assert window.tabs.currentIndex() == 4
    assert window.tab("review").stream_id == running and window.current_stream_id == running
    assert window.tab("script").stream_id == running


def test_a_stream_that_went_live_is_the_one_the_review_shows_later(window, demo_db):
    window.refresh_all()
    live = window.show_tab("live")
    with demo_db.session() as s:
        for pick in live_service.stream_picks(s):
            if pick.live:
                live_service.end_stream(s, pick.id, pick.start_at + dt.timedelta(hours=1))
        target = next(p for p in live_service.stream_picks(s) if live_service.get_live_session(s, p.id) is None)
    live.clock = FixedClock(target.start_at)
    live.reload_to(target.id)  # opened on it by default, not picked by hand
    live.confirm_go_live = lambda missing: True
    live.go_live()
    live.clock.advance(1800)
    live.confirm_end = lambda: True
    live.offer_review = lambda: False  # "Later"
    live.end_stream()
    assert window.tabs.currentIndex() == 3  # still on the console
    assert window.show_tab("review").stream_id == target.id  # opened later, it is on the stream that ended



def test_approving_the_script_ticks_the_checklist_when_the_live_tab_is_shown_again(window, demo_db):
    from sqlalchemy import select

    from livedesk.models import LiveSession, Script

    window.refresh_all()
    with demo_db.session() as s:
        for pick in live_service.stream_picks(s):  # nothing live: the console follows the pick
            if pick.live:
                live_service.end_stream(s, pick.id, pick.start_at + dt.timedelta(hours=1))
        script = s.scalars(select(Script).where(
            Script.approved.is_(False), Script.segments.any(),
            Script.stream_id.not_in(select(LiveSession.stream_id)))).first()
        stream_id = script.stream_id
    window.show_tab("script").select_stream(stream_id)
    live = window.show_tab("live")
    assert live.stream_id == stream_id
    assert live.checklist_model.rows[0].text == "Script approved" and not live.checklist_model.rows[0].ticked
    window.show_tab("script")
    with demo_db.session() as s:  # approved on the Script tab (or by a teammate)
        s.scalars(select(Script).where(Script.stream_id == stream_id)).one().approved = True
    window.show_tab("live")
    assert live.checklist_model.rows[0].ticked
