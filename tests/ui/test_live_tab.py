"""The live tab driven like a controller: checklist, go-live confirmation, armed hotkeys, F9 incidents,
metrics by keyboard, the host view, and a restart that resumes where the console was."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from livedesk.models import Incident, MetricSample, Script, Segment, Stream
from livedesk.services import live as live_service
from livedesk.ui import theme
from livedesk.ui.live.clock import FixedClock
from livedesk.ui.live.tab import LiveTab

T0 = dt.datetime(2026, 11, 15, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def stream_id(db):
    with db.session() as s:
        stream = Stream(title="冬季焕新专场", start_at=T0, planned_minutes=60, account="店A")
        s.add(stream)
        s.flush()
        script = Script(stream_id=stream.id)
        s.add(script)
        s.flush()
        for i, (start, length) in enumerate(((0, 10), (10, 20), (30, 30))):
            s.add(Segment(script_id=script.id, position=i, title=f"段{i + 1}", start_seconds=start * 60,
                          duration_seconds=length * 60, host_lines=f"话术{i + 1}"))
        return stream.id


@pytest.fixture
def tab(qtbot, db, paths, stream_id):
    widget = LiveTab(db, paths)
    widget.clock = FixedClock(T0)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    widget.load_stream(stream_id)
    yield widget
    widget.shutdown()
    assert not widget.timer.isActive()


def _go_live(tab) -> None:
    tab.confirm_go_live = lambda missing: True
    tab.go_live()


AUTOMATIC = 4  # script approved, rehearsed, stock at N+1, no banned words: first in the list


def test_checklist_ticks_with_name_and_time(tab, db):
    assert tab.stack.currentIndex() == 0
    assert tab.checklist_model.rowCount() == AUTOMATIC + len(live_service.DEFAULT_CHECKLIST)
    done = sum(1 for row in tab.checklist_model.rows if row.ticked)  # the app's own ticks
    tab.person_combo.addItem("阿杰")
    tab.person_combo.setCurrentText("阿杰")
    index = tab.checklist_model.index(AUTOMATIC, 0)
    assert tab.checklist_model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    with db.session() as s:
        first = live_service.checklist(s, tab.stream_id)[0]
        assert first.ticked_by == "阿杰" and first.ticked_at == T0
    assert tab.checklist_model.data(tab.checklist_model.index(AUTOMATIC, 1)) == "阿杰"
    assert f"{done + 1} of" in tab.checklist_summary.text()
    tab.checklist_model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert f"{done} of" in tab.checklist_summary.text()


def test_the_app_ticks_what_it_knows_with_its_reason(tab, db):
    model = tab.checklist_model

    def automatic(text: str):
        return next(row for row in model.rows if row.auto and row.text == text)

    approved = automatic("Script approved")
    assert not approved.ticked and "approve it in the Script tab" in approved.note
    row = model.rows.index(approved)
    assert not (model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsUserCheckable)  # not by hand
    assert not model.setData(model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert automatic("No banned or risky words").ticked
    with db.session() as s:
        script = s.scalars(select(Script)).one()
        script.approved = True
        script.segments[1].host_lines = "全网最低价"
    tab.refresh()
    assert automatic("Script approved").ticked
    assert model.data(model.index(model.rows.index(automatic("Script approved")), 1)) == "LiveDesk (automatic)"
    assert model.data(model.index(model.rows.index(automatic("Script approved")), 3)) == "Approved in the Script tab."
    banned = automatic("No banned or risky words")
    assert not banned.ticked and "全网最低" in banned.note
    asked: list[list[str]] = []
    tab.confirm_go_live = lambda missing: asked.append(missing) or False
    tab.go_live()
    assert any("全网最低" in line for line in asked[0])  # the go-live question names the reason


def test_go_live_asks_about_unticked_items(tab, db):
    asked: list[list[str]] = []

    def decline(missing):
        asked.append(missing)
        return False

    tab.confirm_go_live = decline
    tab.go_live_button.click()
    assert len(asked[0]) == sum(1 for row in tab.checklist_model.rows if not row.ticked)
    assert set(live_service.DEFAULT_CHECKLIST) <= set(asked[0])
    with db.session() as s:
        assert live_service.get_live_session(s, tab.stream_id) is None
    tab.confirm_go_live = lambda missing: asked.append(missing) or True
    tab.go_live_button.click()
    with db.session() as s:
        assert live_service.get_live_session(s, tab.stream_id) is not None
        assert s.get(Stream, tab.stream_id).status == "live"
    assert tab.stack.currentIndex() == 1
    assert tab.title_label.text() == "段1"
    assert tab.countdown_label.text() == "10:00"
    assert tab.timer.isActive()


def test_nothing_asked_when_everything_is_ticked(tab, db):
    from tests.unit.script_helpers import add_to_lineup, make_product

    with db.session() as s:  # what the app checks itself: approved, rehearsed, stock for the plan
        stream = s.get(Stream, tab.stream_id)
        s.scalars(select(Script)).one().approved = True
        stream.status = "rehearsed"
        product = make_product(s, "面霜")
        product.stock = 200
        add_to_lineup(s, stream, product, 0, link=1, units=100)
    tab.refresh()
    for row in range(tab.checklist_model.rowCount()):
        tab.checklist_model.setData(tab.checklist_model.index(row, 0), Qt.CheckState.Checked.value,
                                    Qt.ItemDataRole.CheckStateRole)
    tab.confirm_go_live = lambda missing: pytest.fail("asked although all items are ticked")
    tab.go_live()
    assert tab.state.live


def test_countdown_warning_and_overtime_from_the_clock(tab):
    _go_live(tab)
    tab.clock.advance(7 * 60 + 30)
    tab.tick()
    assert tab.countdown_label.text() == "2:30"
    assert theme.current().warn_fg in tab.countdown_label.styleSheet()  # warning colour
    tab.clock.advance(3 * 60)
    tab.tick()
    assert tab.countdown_label.text() == "+0:30"
    assert theme.current().bad_fg in tab.countdown_label.styleSheet()  # overtime in red
    assert "behind" in tab.drift_label.text()


def test_drift_readouts_agree_when_a_segment_runs_over_but_the_show_is_ahead(tab):
    _go_live(tab)
    tab.clock.advance(60)
    tab.next_button.click()  # the second segment (planned 10:00–30:00) starts 9 minutes early
    tab.clock.advance(23 * 60)  # 20 planned minutes, now 3 over: 24:00 on air, the switch was due at 30:00
    tab.tick()
    assert tab.countdown_label.text() == "+3:00"
    assert tab.drift_label.text() == "Next switch: 6:00 ahead"
    assert tab.expected_label.text().startswith("Show: 6:00 ahead")
    assert "ahead" in tab.run_model.rows[2][5]  # the run of show says the same, in the same words
    assert "behind" not in " ".join([tab.drift_label.text(), tab.expected_label.text()])


def test_hotkeys_need_arming_and_pause_while_typing(tab, qtbot):
    _go_live(tab)
    tab.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_F5)
    assert tab.title_label.text() == "段1"  # not armed: nothing happens
    assert tab.next_button.isEnabled()  # the mouse buttons work either way
    qtbot.keyClick(tab, Qt.Key.Key_F8)
    assert tab.armed and "ARMED" in tab.arm_button.text()
    tab.metric_edits["online"].setFocus()
    qtbot.keyClick(tab.metric_edits["online"], Qt.Key.Key_F5)
    assert tab.title_label.text() == "段1"  # typing: hotkeys paused
    tab.setFocus()
    tab.clock.advance(60)
    qtbot.keyClick(tab, Qt.Key.Key_F5)
    assert tab.title_label.text() == "段2"
    qtbot.keyClick(tab, Qt.Key.Key_F7)
    assert tab.countdown_label.text() == "21:00"
    qtbot.keyClick(tab, Qt.Key.Key_F6)
    assert tab.state.held and "HELD" in tab.state_label.text()
    tab.clock.advance(120)
    tab.tick()
    assert tab.countdown_label.text() == "21:00"  # held: the countdown stands still
    qtbot.keyClick(tab, Qt.Key.Key_F6)
    assert not tab.state.held
    qtbot.keyClick(tab, Qt.Key.Key_F8)
    assert not tab.armed and tab.next_button.isEnabled()
    qtbot.keyClick(tab, Qt.Key.Key_F5)
    assert tab.title_label.text() == "段2"


def test_console_buttons_work_without_arming(tab, qtbot, db):
    _go_live(tab)
    assert not tab.armed
    for button in (tab.next_button, tab.hold_button, tab.plus_button, tab.end_button):
        assert button.isEnabled()
    tab.clock.advance(60)
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert tab.title_label.text() == "段2"
    qtbot.mouseClick(tab.plus_button, Qt.MouseButton.LeftButton)
    assert tab.countdown_label.text() == "21:00"


def test_end_stream_asks_then_offers_the_review(tab, qtbot, db):
    _go_live(tab)
    asked: list[str] = []
    tab.confirm_end = lambda: asked.append("end") or False
    tab.offer_review = lambda: pytest.fail("offered a review of a stream that goes on")
    qtbot.mouseClick(tab.end_button, Qt.MouseButton.LeftButton)
    assert asked == ["end"] and tab.state.live  # declined: still live
    tab.confirm_end = lambda: True
    tab.offer_review = lambda: asked.append("review") or True
    with qtbot.waitSignal(tab.open_stream_in) as signal:
        qtbot.mouseClick(tab.end_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["review", tab.stream_id]
    assert asked == ["end", "review"] and tab.state.ended
    assert not tab.end_button.isEnabled()


def test_f9_opens_an_incident_with_the_time_and_prepared_lines(tab, qtbot, db):
    _go_live(tab)
    tab.clock.advance(5 * 60)
    tab.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_F9)
    dialog = tab.incident_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.time_edit.time().toString("HH:mm:ss") == (T0 + dt.timedelta(minutes=5)).astimezone().strftime("%H:%M:%S")
    dialog.set_kind("out_of_stock")
    assert "售罄" in dialog.lines_view.toPlainText() or "抢完" in dialog.lines_view.toPlainText()
    dialog.edit_lines_button.click()
    dialog.lines_view.setPlainText("没抢到的扣 1，马上补货")
    dialog.edit_lines_button.click()  # save the lines
    with db.session() as s:
        assert live_service.response_lines(s, "out_of_stock") == ["没抢到的扣 1，马上补货"]
    dialog.note_edit.setText("福利款提前售罄")
    dialog.handled_combo.setCurrentText("阿杰")
    dialog.accept()
    with db.session() as s:
        incident = s.scalars(select(Incident)).one()
        assert (incident.kind, incident.note, incident.handled_by) == ("out_of_stock", "福利款提前售罄", "阿杰")
        assert incident.at == T0 + dt.timedelta(minutes=5)
    assert any("福利款提前售罄" in row[2] for row in tab.log_model.rows)


def test_metrics_by_keyboard_tab_and_enter(tab, qtbot, db):
    _go_live(tab)
    tab.clock.advance(6 * 60)
    tab.tick()
    assert "Time to enter" in tab.reminder_label.text()  # gentle reminder after 5 minutes
    first = tab.metric_edits["online"]
    first.setFocus()
    qtbot.keyClicks(first, "800")
    for text in ("5000", "3,200", "40", "8.5"):
        qtbot.keyClick(tab.focusWidget(), Qt.Key.Key_Tab)
        assert isinstance(tab.focusWidget(), QLineEdit)
        qtbot.keyClicks(tab.focusWidget(), text)
    qtbot.keyClick(tab.focusWidget(), Qt.Key.Key_Return)
    with db.session() as s:
        sample = s.scalars(select(MetricSample)).one()
    assert (sample.online, sample.uv, sample.orders) == (800, 5000, 40)
    assert float(sample.gmv) == 3200 and float(sample.click_rate) == pytest.approx(0.085)
    assert tab.metric_edits["online"].text() == "" and tab.focusWidget() is tab.metric_edits["online"]
    assert tab.reminder_label.text() == ""
    assert "¥0.64" in tab.uv_value_label.text()
    assert "UV value" in tab.alert_label.text() and tab.banner.isVisible()  # below ¥0.80


def test_shelf_links_and_welfare_sold_out_prompt(tab, db):
    from tests.unit.script_helpers import add_to_lineup, make_product

    with db.session() as s:
        stream = s.get(Stream, tab.stream_id)
        product = make_product(s, "1元秒杀洗脸巾", role="welfare", price="1", cost="3")
        add_to_lineup(s, stream, product, 0, link=1)
    _go_live(tab)
    tab.shelf_view.selectRow(0)
    tab.findChild(type(tab.go_live_button), "linkUp").click()
    assert tab.shelf_model.rows[0].link_up
    tab.stock_edit.setText("0")
    tab.stock_edit.returnPressed.emit()
    assert tab.shelf_model.rows[0].take_down_prompt
    assert tab.take_down_button.isVisibleTo(tab) and "sold out" in tab.alert_label.text()
    tab.take_down_button.click()
    assert not tab.shelf_model.rows[0].link_up and not tab.take_down_button.isVisibleTo(tab)


def test_host_view_opens_and_shows_the_segment(tab, qtbot):
    _go_live(tab)
    tab.mirror_check.setChecked(True)
    tab.host_button.click()
    host = tab.host_view
    assert host is not None and host.isVisible()
    assert host.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert host.mirrored
    title, countdown, lines, next_title, state = host.content
    assert (title, countdown, lines, next_title, state) == ("段1", "10:00", "话术1", "段2", "normal")
    tab.message_edit.setText("福袋马上开")
    tab.message_edit.returnPressed.emit()
    assert host.message == "福袋马上开"
    visible = host.message_visible
    for _ in range(2):
        tab.tick()
    assert host.message_visible != visible  # it blinks
    host.grab()  # paints without error, mirrored
    for _ in range(30):
        tab.tick()
    assert host.message_visible  # after a few seconds of blinking the message stays on
    tab.host_button.click()
    assert not host.isVisible()
    assert tab.host_button.text() == "Host view"


def test_host_view_after_esc_and_a_message_sent_while_closed(tab, qtbot, db):
    tab.host_button.click()
    host = tab.host_view
    assert tab.host_button.text() == "Close host view"
    qtbot.keyClick(host, Qt.Key.Key_Escape)
    assert not host.isVisible()
    assert tab.host_button.text() == "Host view"  # follows Esc on the host's screen
    assert not tab.timer.isActive()  # not live and nothing to show: no ticking
    tab.message_edit.setText("下一个是福袋")
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)  # a button as well as Enter
    tab.host_button.click()
    assert host.isVisible() and host.message == "下一个是福袋" and host.message_visible
    assert tab.host_button.text() == "Close host view"
    host.close()


def test_host_message_survives_a_restart(qtbot, db, paths, stream_id):
    first = LiveTab(db, paths)
    qtbot.addWidget(first)
    first.load_stream(stream_id)
    first.message_edit.setText("控制语速")
    first.send_message()
    first.shutdown()
    second = LiveTab(db, paths)
    qtbot.addWidget(second)
    second.load_stream(stream_id)
    second.host_button.click()
    assert second.host_view.message == "控制语速"
    second.shutdown()


def test_restart_resumes_where_it_was(qtbot, db, paths, stream_id):
    first = LiveTab(db, paths)
    qtbot.addWidget(first)
    first.clock = FixedClock(T0)
    first.load_stream(stream_id)
    _go_live(first)
    first.set_armed(True)
    first.clock.advance(9 * 60)
    first.next_button.click()
    first.clock.advance(60)
    first.hold_button.click()
    first.shutdown()
    first.deleteLater()  # "killed"

    second = LiveTab(db, paths)
    qtbot.addWidget(second)
    second.clock = FixedClock(T0 + dt.timedelta(minutes=15))
    second.stream_id = None
    second.reload()
    assert second.stream_id == stream_id  # the live stream is picked by default
    assert second.stack.currentIndex() == 1
    assert second.title_label.text() == "段2" and second.state.held
    assert second.countdown_label.text() == "19:00"
    second.shutdown()


def test_screenshot_on_demo_data(qtbot, demo_db, paths):
    widget = LiveTab(demo_db, paths)
    qtbot.addWidget(widget)
    widget.resize(1440, 860)
    widget.show()
    widget.prepare_screenshot()
    assert widget.state is not None and widget.state.live
    assert widget.countdown_label.text() != "–:––"
    assert theme.current().warn_fg in widget.countdown_label.styleSheet()  # in the warning window
    assert widget.log_model.rowCount() > 5
    assert not widget.timer.isActive()
    widget.prepare_screenshot()  # a second run (the other language) is stable
    widget.shutdown()
