"""Concurrent edits as a team sees them. A teammate is a second Database on the same file, writing between
the user opening an editor and saving: the conflict dialog appears (its exec is patched to answer),
Reload leaves theirs, Overwrite leaves mine, and nothing is ever overwritten silently. Also: the change
watcher shows other people's changes, and a second console follows the controller's."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

from livedesk.services import live, products, schedule, scripts
from livedesk.ui import change_watcher
from livedesk.ui.conflict_dialog import ConflictDialog
from livedesk.ui.schedule.stream_dialog import StreamDialog
from livedesk.ui.schedule.tab import ScheduleTab

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from script_helpers import make_stream  # noqa: E402

START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def stream_id(db) -> int:
    with db.session() as s:
        data = schedule.StreamData(title="周五美妆专场", start_at=START, planned_minutes=120, account="小薇的好物直播间",
                                   people=[("小薇", "host")])
        return schedule.create_stream(s, data).id


def answer_conflicts(monkeypatch, choice: int) -> list[ConflictDialog]:
    """Patch the dialog's exec to press Reload or Overwrite; returns the dialogs shown."""
    shown: list[ConflictDialog] = []

    def fake_exec(dialog):
        shown.append(dialog)
        return choice

    monkeypatch.setattr(ConflictDialog, "exec", fake_exec)
    return shown


def stored(db, stream_id: int) -> schedule.StreamData:
    with db.session() as s:
        return schedule.get_stream_data(s, stream_id)


def teammate_saves(teammate, stream_id: int, **fields) -> None:
    with teammate.session() as s:
        schedule.update_stream(s, stream_id, dataclasses.replace(schedule.get_stream_data(s, stream_id), **fields))


# --- the schedule -----------------------------------------------------------------------------------------


@pytest.fixture
def schedule_tab(qtbot, db, paths, stream_id):
    widget = ScheduleTab(db, paths)
    qtbot.addWidget(widget)
    widget.show()
    widget.select_stream(stream_id)
    return widget


def edit_while_teammate_saves(monkeypatch, teammate, stream_id, **theirs):
    """The user changes the title in the stream dialog; while it is open the teammate saves."""

    def fake_exec(dialog):
        teammate_saves(teammate, stream_id, **theirs)
        dialog.title_edit.setText("我的标题")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(StreamDialog, "exec", fake_exec)


def test_schedule_conflict_reload_keeps_theirs(schedule_tab, db, teammate, stream_id, monkeypatch):
    edit_while_teammate_saves(monkeypatch, teammate, stream_id, title="他们的标题", notes="他们的备注")
    shown = answer_conflicts(monkeypatch, ConflictDialog.RELOAD)
    schedule_tab.edit_action.trigger()
    assert len(shown) == 1
    rows = {r[0]: r[1:] for r in shown[0].model.rows}
    assert rows["Title"] == ["我的标题", "他们的标题", "我的标题"]  # yours, theirs, after overwrite
    assert rows["Notes"] == ["—", "他们的备注", "他们的备注"]  # only they changed it: theirs stays
    assert 0 in shown[0].model.bad_rows  # both changed the title
    data = stored(db, stream_id)
    assert (data.title, data.notes) == ("他们的标题", "他们的备注")
    assert schedule_tab.undo_stack.count() == 0
    assert "他们的标题" in [schedule_tab.proxy.index(r, 1).data() for r in range(schedule_tab.proxy.rowCount())]


def test_schedule_conflict_overwrite_puts_mine_on_top_of_theirs(schedule_tab, db, teammate, stream_id, monkeypatch):
    edit_while_teammate_saves(monkeypatch, teammate, stream_id, title="他们的标题", notes="他们的备注")
    shown = answer_conflicts(monkeypatch, ConflictDialog.OVERWRITE)
    schedule_tab.edit_action.trigger()
    assert len(shown) == 1
    data = stored(db, stream_id)
    assert (data.title, data.notes) == ("我的标题", "他们的备注")  # my change, and their other change kept
    schedule_tab.undo_stack.undo()  # undo goes back to their version, not to what I first opened
    data = stored(db, stream_id)
    assert (data.title, data.notes) == ("他们的标题", "他们的备注")


def test_schedule_edit_without_a_teammate_shows_no_dialog(schedule_tab, db, stream_id, monkeypatch):
    shown = answer_conflicts(monkeypatch, ConflictDialog.RELOAD)

    def fake_exec(dialog):
        dialog.title_edit.setText("我的标题")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(StreamDialog, "exec", fake_exec)
    schedule_tab.edit_action.trigger()
    assert shown == [] and stored(db, stream_id).title == "我的标题"


def test_a_teammate_saving_during_the_conflict_dialog_asks_again(schedule_tab, db, teammate, stream_id, monkeypatch):
    edit_while_teammate_saves(monkeypatch, teammate, stream_id, title="他们的标题")
    answers = iter([ConflictDialog.OVERWRITE, ConflictDialog.RELOAD])
    shown = []

    def fake_exec(dialog):
        shown.append(dialog)
        if len(shown) == 1:  # while the first dialog is open, they save once more
            teammate_saves(teammate, stream_id, notes="又改了")
        return next(answers)

    monkeypatch.setattr(ConflictDialog, "exec", fake_exec)
    schedule_tab.edit_action.trigger()
    assert len(shown) == 2
    data = stored(db, stream_id)
    assert (data.title, data.notes) == ("他们的标题", "又改了")  # reloaded the second time: nothing of mine


# --- products -------------------------------------------------------------------------------------------


@pytest.fixture
def products_tab(qtbot, db, paths):
    from livedesk.ui.products.tab import ProductsTab

    with db.session() as s:
        products.create_product(s, {"sku": "A-1", "name": "护手霜", "live_price": "39.9", "role": "profit"})
    widget = ProductsTab(db, paths)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def teammate_edits_product(teammate, **fields) -> None:
    with teammate.session() as s:
        [row] = products.list_products(s)
        products.update_product(s, row.id, fields)


def product_row(db):
    with db.session() as s:
        return products.list_products(s)[0]


@pytest.mark.parametrize("choice", [ConflictDialog.RELOAD, ConflictDialog.OVERWRITE])
def test_products_inline_edit_conflict(products_tab, db, teammate, monkeypatch, choice):
    seen = products_tab.model.rows()[0]
    teammate_edits_product(teammate, name="他们的护手霜", supplier="他们的供应商")
    shown = answer_conflicts(monkeypatch, choice)
    done = products_tab._edit_cell(seen, "name", "我的护手霜")
    assert len(shown) == 1
    rows = {r[0]: r[1:] for r in shown[0].model.rows}
    assert rows["Name"][:2] == ["我的护手霜", "他们的护手霜"]
    row = product_row(db)
    assert row.supplier == "他们的供应商"  # their other change survives either way
    if choice == ConflictDialog.RELOAD:
        assert not done and row.name == "他们的护手霜" and products_tab.undo_stack.count() == 0
        assert products_tab.model.rows()[0].name == "他们的护手霜"
    else:
        assert done and row.name == "我的护手霜" and products_tab.undo_stack.count() == 1
        products_tab.undo_stack.undo()
        assert product_row(db).name == "他们的护手霜"


# --- the script -----------------------------------------------------------------------------------------


@pytest.fixture
def script_setup(qtbot, db, paths):
    from livedesk.ui.script.tab import ScriptTab

    with db.session() as s:
        stream = make_stream(s)
        segment_id = scripts.add_segment(s, stream.id, kind="opening", title="开场", host_lines="欢迎来到直播间").id
        sid = stream.id
    widget = ScriptTab(db, paths)
    qtbot.addWidget(widget)
    widget.show()
    widget.select_stream(sid)
    return widget, sid, segment_id


def segment_lines(db, stream_id) -> str:
    with db.session() as s:
        return scripts.list_segments(s, stream_id)[0].host_lines


@pytest.mark.parametrize("choice", [ConflictDialog.RELOAD, ConflictDialog.OVERWRITE])
def test_script_segment_edit_conflict(script_setup, db, teammate, monkeypatch, choice):
    tab, sid, segment_id = script_setup
    with teammate.session() as s:
        scripts.update_segment(s, segment_id, host_lines="他们的话术")
    shown = answer_conflicts(monkeypatch, choice)
    errors = []
    for module in ("rehearsal", "teammates", "files"):  # every module of the script tab that shows errors
        monkeypatch.setattr(f"livedesk.ui.script.{module}.show_error", lambda *a, **k: errors.append(a))
    tab.commit_edit(segment_id, "host_lines", "我的话术")
    assert len(shown) == 1 and errors == []
    assert shown[0].model.rows[0][1:3] == ["我的话术", "他们的话术"]
    if choice == ConflictDialog.RELOAD:
        assert segment_lines(db, sid) == "他们的话术" and tab.undo_stack.count() == 0
    else:
        assert segment_lines(db, sid) == "我的话术" and tab.undo_stack.count() == 1
        tab.undo_stack.undo()
        assert segment_lines(db, sid) == "他们的话术"


def test_script_edit_of_another_field_is_not_a_conflict(script_setup, db, teammate, monkeypatch):
    tab, sid, segment_id = script_setup
    with teammate.session() as s:
        scripts.update_segment(s, segment_id, host_lines="他们的话术")
    shown = answer_conflicts(monkeypatch, ConflictDialog.RELOAD)
    assert tab.commit_edit(segment_id, "title", "开场白")
    assert shown == []
    with db.session() as s:
        segment = scripts.list_segments(s, sid)[0]
        assert (segment.title, segment.host_lines) == ("开场白", "他们的话术")


# --- the change watcher ---------------------------------------------------------------------------------


def schedule_titles(window) -> list[str]:
    tab = window.tab("schedule")
    return [tab.proxy.index(r, 1).data() for r in range(tab.proxy.rowCount())]


def test_a_teammates_change_shows_up_by_itself(qtbot, window, db, teammate, stream_id):
    window.show_tab("schedule")
    watcher = window.change_watcher
    assert watcher.check() is False  # nothing new
    with qtbot.waitSignal(watcher.changes, timeout=5000):  # data_version, read on the listener's thread
        teammate_saves(teammate, stream_id, title="他们改的标题")
        with teammate.session() as s:
            schedule.create_stream(s, schedule.StreamData(title="新加的专场", start_at=START + dt.timedelta(days=1),
                                                          planned_minutes=90))
    qtbot.waitUntil(lambda: {"他们改的标题", "新加的专场"} <= set(schedule_titles(window)), timeout=5000)
    shown = watcher.refreshes
    assert shown >= 1
    assert watcher.check() is False  # seen once, not again
    assert watcher.refreshes == shown


def test_the_apps_own_saves_do_not_trigger_a_refresh(qtbot, window, db, teammate, stream_id):
    window.show_tab("schedule")
    watcher = window.change_watcher
    seen = []
    watcher.changes.connect(seen.append)
    with db.session() as s:  # written by this window's own database, on the GUI thread
        schedule.update_stream(s, stream_id, dataclasses.replace(schedule.get_stream_data(s, stream_id), notes="自己改的"))
    # a teammate's save afterwards is the only change the watcher reports: ours came first and was not seen
    with qtbot.waitSignal(watcher.changes, timeout=5000):
        teammate_saves(teammate, stream_id, title="他们改的标题")
    assert len(seen) == 1


def test_the_refresh_waits_while_the_user_is_typing_in_a_dialog(qtbot, window, teammate, stream_id):
    window.show_tab("schedule")
    watcher = window.change_watcher
    dialog = QDialog(window)
    edit = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(edit)
    dialog.show()
    dialog.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    assert change_watcher.user_is_editing()
    with qtbot.waitSignal(watcher.changes, timeout=5000):
        teammate_saves(teammate, stream_id, title="他们改的标题")
    assert watcher.check() is False  # deferred, not lost
    assert "他们改的标题" not in schedule_titles(window)
    dialog.close()
    window.activateWindow()
    window.tab("schedule").table.setFocus()
    qtbot.waitUntil(lambda: not change_watcher.user_is_editing())
    qtbot.waitUntil(lambda: "他们改的标题" in schedule_titles(window))  # the watcher's next tries show it
    assert watcher.refreshes == 1 and watcher.check() is False


def test_the_watcher_follows_a_database_switch_and_stops_on_close(window, tmp_path):
    from livedesk.config import sqlite_url

    watcher = window.change_watcher
    assert window.switch_database(sqlite_url(tmp_path / "other.sqlite3"))
    assert watcher.db is window.db
    window.close()
    assert not watcher.timer.isActive() and watcher.db is None


# --- following the live console from another computer ---------------------------------------------------


def test_a_follower_console_shows_the_controllers_segment_and_message(qtbot, db, teammate, paths):
    from livedesk.ui.live.tab import LiveTab

    with db.session() as s:
        stream = make_stream(s, start="2026-11-20 20:00")
        for title in ("开场", "讲解：护手霜", "福利"):
            scripts.add_segment(s, stream.id, title=title, duration_seconds=300)
        sid = stream.id
    now = dt.datetime.now(dt.timezone.utc)
    with db.session() as s:  # the controller's laptop goes live
        live.go_live(s, sid, now)

    follower = LiveTab(teammate, paths)  # the host's laptop: another Database on the same data
    qtbot.addWidget(follower)
    follower.show()
    follower.reload_to(sid)
    follower.set_following(True)
    assert follower.follow_timer.isActive() and not follower.arm_button.isEnabled()
    assert follower.title_label.text() == "开场"

    with db.session() as s:  # the controller presses Next and sends a message
        live.next_segment(s, sid, now + dt.timedelta(seconds=30))
        live.set_host_message(s, sid, "福袋马上开", now + dt.timedelta(seconds=31))
    follower.follow_poll()
    assert follower.state.current.title == "讲解：护手霜"
    assert follower.title_label.text() == "讲解：护手霜"
    assert follower.host_text == "福袋马上开"

    follower.toggle_host_view()  # the host view shows the same
    assert follower.host_view.message == "福袋马上开"
    assert follower.host_view.content[0] == "讲解：护手霜"

    assert follower.act(live.next_segment) is False  # read-only
    with db.session() as s:
        assert live.console_state(s, sid, now).current.title == "讲解：护手霜"
    follower.set_following(False)
    assert not follower.follow_timer.isActive()
    follower.shutdown()


def test_the_controllers_message_is_saved_for_followers(qtbot, db, paths):
    from livedesk.ui.live.tab import LiveTab

    with db.session() as s:
        sid = make_stream(s).id
    tab = LiveTab(db, paths)
    qtbot.addWidget(tab)
    tab.reload_to(sid)
    tab.message_edit.setText("讲慢一点")
    tab.send_message()
    with db.session() as s:
        assert live.host_message(s, sid) == "讲慢一点"
    tab.send_message(clear=True)
    with db.session() as s:
        assert live.host_message(s, sid) == ""
    tab.shutdown()
