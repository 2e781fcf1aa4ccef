"""While the team server is known to be away, each tab's main save ends in one message saying so: no second
error dialog, nothing escaping into the Qt event loop, no traceback in the log, the undo stack untouched. Once
the server is back the same action saves.

The window is put in "retrying" mode the way the change listener does it on losing the server
(`_set_online(False)`: Database.server_away, every unit of work refused at once); no proxy is needed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import func, select

from livedesk.models import ChecklistItem, Incident, MetricSample
from livedesk.services import (
    lineup_steps,
    product_reads,
    product_steps,
    review_views,
    schedule,
    schedule_reads,
    schedule_steps,
    script_steps,
)
from livedesk.services.compliance import word_list
from livedesk.services.scripts import reads as script_reads

START = dt.datetime.now(ZoneInfo("Asia/Shanghai")).replace(hour=20, minute=0, second=0, microsecond=0) + dt.timedelta(days=2)
WAIT_MS = 10000  # a bound, not a measurement
AWAY = "does not answer"  # faults.server_away's message


@dataclass
class Seeded:
    stream_id: int
    product_id: int
    spare_id: int  # in the pool, not on the lineup
    segment_id: int


@pytest.fixture
def seeded(laptops) -> Seeded:
    mine, _ = laptops
    [stream_id], _ = schedule_steps.create(mine, [schedule.StreamData(title="周五专场", start_at=START,
                                                                       planned_minutes=120)])
    cream, _ = product_steps.create(mine, {"sku": "A-1", "name": "护手霜", "live_price": "99", "cost": "40"})
    spare, _ = product_steps.create(mine, {"sku": "A-2", "name": "唇膏", "live_price": "59", "cost": "20"})
    lineup_steps.add(mine, stream_id, [cream])
    segment_id, _ = script_steps.add(mine, stream_id, {"kind": "interaction", "title": "开场", "duration_seconds": 300})
    return Seeded(stream_id, cream, spare, segment_id)


# --- the actions, as a user does them --------------------------------------------------------------------


def open_schedule(win, seeded: Seeded) -> None:
    tab = win.show_tab("schedule")
    tab.reload()
    tab.select_stream(seeded.stream_id)


def _dialog_sets_title(monkeypatch, title: str) -> None:
    from livedesk.ui.schedule.stream_dialog import StreamDialog

    def fake_exec(dialog):
        dialog.title_edit.setText(title)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(StreamDialog, "exec", fake_exec)


def new_stream(win, seeded, monkeypatch, n):
    _dialog_sets_title(monkeypatch, f"新场次{n}")
    win.tab("schedule").new_action.trigger()


def edit_stream(win, seeded, monkeypatch, n):
    _dialog_sets_title(monkeypatch, f"周五专场{n}")
    win.tab("schedule").edit_selected()


def duplicate_stream(win, seeded, monkeypatch, n):
    win.tab("schedule").duplicate_selected()


def delete_stream(win, seeded, monkeypatch, n):
    tab = win.tab("schedule")
    monkeypatch.setattr(tab, "confirm", lambda *_: True)
    tab.delete_selected()


def open_products(win, seeded: Seeded) -> None:
    tab = win.show_tab("products")
    tab.reload()
    tab.open_lineup(seeded.stream_id)
    tab.select_product(seeded.product_id)


def new_product(win, seeded, monkeypatch, n):
    win.tab("products").new_product()


def edit_product_cell(win, seeded, monkeypatch, n):
    from livedesk.ui.products.table_model import COLUMNS

    tab = win.tab("products")
    row = tab.model.rows().index(tab.model.product(seeded.product_id))
    tab.model.setData(tab.model.index(row, COLUMNS.index("cost")), f"4{n}")


def add_to_lineup(win, seeded, monkeypatch, n):
    tab = win.tab("products")
    tab.lineup.add_selected([seeded.spare_id])


def lineup_price(win, seeded, monkeypatch, n):
    from livedesk.ui.products.lineup import LINEUP_COLUMNS

    model = win.tab("products").lineup.model
    model.setData(model.index(0, LINEUP_COLUMNS.index("live_price")), f"8{n}")


def product_detail(win, seeded, monkeypatch, n):
    tab = win.tab("products")
    tab.detail.notes_edit.setPlainText(f"备注{n}")
    tab.detail.save_button.click()


def open_script(win, seeded: Seeded) -> None:
    tab = win.show_tab("script")
    tab.reload()
    tab.select_stream(seeded.stream_id)


def add_segment(win, seeded, monkeypatch, n):
    win.tab("script").add_segment()


def edit_segment(win, seeded, monkeypatch, n):
    win.tab("script").commit_edit(seeded.segment_id, "title", f"开场{n}")


def insert_pitch(win, seeded, monkeypatch, n):
    win.tab("script").insert_pitch(seeded.product_id)  # its host lines are read from the product first


def approve_script(win, seeded, monkeypatch, n):
    tab = win.tab("script")
    monkeypatch.setattr(tab, "confirm", lambda *_: True)  # "approve with risky words?"
    if n == 2:  # the first press was refused: the box went back to "not approved"
        assert not tab.approve_action.isChecked()
    tab.approve_action.trigger()


def mark_rehearsed(win, seeded, monkeypatch, n):
    tab = win.tab("script")
    monkeypatch.setattr(tab, "confirm", lambda *_: True)  # "mark it anyway?" when problems are open
    tab.mark_rehearsed()


def open_live(win, seeded: Seeded) -> None:
    win.show_tab("live").reload_to(seeded.stream_id)


def log_metric(win, seeded, monkeypatch, n):
    tab = win.tab("live")
    tab.metric_edits["online"].setText(f"12{n}")
    tab.save_metrics()


def log_incident(win, seeded, monkeypatch, n):
    """F9: the dialog opens (its prepared lines come from the database), the user types a note and saves."""
    tab = win.tab("live")
    tab.open_incident()
    dialog = tab.incident_dialog
    dialog.note_edit.setText(f"卡顿{n}")
    dialog.accept()


def tick_checklist(win, seeded, monkeypatch, n):
    tab = win.tab("live")
    model = tab.checklist_model
    row = next(r for r, item in enumerate(model.rows) if not (item.ticked or item.auto or item.item_id is None))
    model.setData(model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def open_review(win, seeded: Seeded) -> None:
    tab = win.show_tab("review")
    tab.reload()
    tab.select_stream(seeded.stream_id)


def add_improvement(win, seeded, monkeypatch, n):
    win.tab("review").add_improvement(f"开场福利提前{n}", "小薇", dt.date(2026, 12, 20))


def write_debrief(win, seeded, monkeypatch, n):
    tab = win.tab("review")
    tab.debrief_edits["highlights"].setPlainText(f"福袋拉人效果好{n}")
    tab.flush_debrief()  # as the pause after typing does


def save_roster(win, seeded, monkeypatch, n):
    dialog = win.dialog_for_test
    dialog.people_list.setCurrentItem(None)
    dialog.name_edit.setText(f"阿强{n}")
    dialog.findChild(QPushButton, "savePerson").click()


def open_roster(win, seeded: Seeded) -> None:
    from livedesk.ui.schedule.roster_dialog import RosterDialog

    win.dialog_for_test = RosterDialog(win.db, win)


def open_word_list(win, seeded: Seeded) -> None:
    from livedesk.ui.script.word_list import WordListDialog

    win.dialog_for_test = WordListDialog(win.db, win.show_tab("script"))


def add_word(win, seeded, monkeypatch, n):
    dialog = win.dialog_for_test
    dialog.term_edit.setText(f"秒杀价{n}")
    dialog.suggestion_edit.setText("活动价")
    dialog.add_button.click()


# --- what is stored, read on the teammate's laptop ---------------------------------------------------------


def _count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _ticked(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(ChecklistItem).where(ChecklistItem.ticked_at.is_not(None)))


STORED: dict[str, Callable[[Any, Seeded], object]] = {
    "schedule": lambda db, seeded: [s.title for s in schedule_reads.read_schedule(db).streams],
    "pool": lambda db, seeded: product_steps.stored_states(db, [seeded.product_id]),
    "count_products": lambda db, seeded: product_reads.count_products(db),
    "lineup": lambda db, seeded: lineup_steps.stored_lineup(db, seeded.stream_id, [seeded.product_id]),
    "script": lambda db, seeded: [(s.title, s.id) for s in script_reads.script(db, seeded.stream_id).segments],
    "approved": lambda db, seeded: script_reads.script(db, seeded.stream_id).approved,
    "status": lambda db, seeded: schedule_reads.read_streams(db, [seeded.stream_id])[0].status,
    "metrics": lambda db, seeded: _count(db, MetricSample),
    "incidents": lambda db, seeded: _count(db, Incident),
    "ticks": lambda db, seeded: _ticked(db),
    "improvements": lambda db, seeded: [i.text for i in review_views.list_improvements(db, seeded.stream_id)],
    "debrief": lambda db, seeded: review_views.get_debrief(db, seeded.stream_id),
    "roster": lambda db, seeded: [p.name for p in schedule_reads.read_roster(db)],
    "words": lambda db, seeded: [t.term for t in word_list.statuses(db)],
}


@dataclass
class Action:
    act: Callable[..., None]
    stored: str
    tab: str | None  # whose undo stack the action uses (None: not undoable)
    prepare: Callable[[Any, Seeded], None]  # shows what the action needs, while the server answers


ACTIONS = {
    "schedule-new": Action(new_stream, "schedule", "schedule", open_schedule),
    "schedule-edit": Action(edit_stream, "schedule", "schedule", open_schedule),
    "schedule-duplicate": Action(duplicate_stream, "schedule", "schedule", open_schedule),
    "schedule-delete": Action(delete_stream, "schedule", "schedule", open_schedule),
    "products-new": Action(new_product, "count_products", "products", open_products),
    "products-cell": Action(edit_product_cell, "pool", "products", open_products),
    "products-detail": Action(product_detail, "pool", "products", open_products),
    "lineup-add": Action(add_to_lineup, "lineup", "products", open_products),
    "lineup-price": Action(lineup_price, "lineup", "products", open_products),
    "script-add": Action(add_segment, "script", "script", open_script),
    "script-edit": Action(edit_segment, "script", "script", open_script),
    "script-pitch": Action(insert_pitch, "script", "script", open_script),
    "script-approve": Action(approve_script, "approved", "script", open_script),
    "script-rehearsed": Action(mark_rehearsed, "status", None, open_script),
    "live-metric": Action(log_metric, "metrics", None, open_live),
    "live-incident": Action(log_incident, "incidents", None, open_live),
    "live-checklist": Action(tick_checklist, "ticks", None, open_live),
    "review-improvement": Action(add_improvement, "improvements", "review", open_review),
    "review-debrief": Action(write_debrief, "debrief", None, open_review),
    "roster": Action(save_roster, "roster", None, open_roster),
    "word-list": Action(add_word, "words", None, open_word_list),
}


def shown_messages(win) -> list[str]:
    """The error dialogs open in the window, and the status bar's message."""
    boxes = [b.text() for b in win.findChildren(QMessageBox) if b.isVisible()]
    dialog = getattr(win, "dialog_for_test", None)  # the roster and the word list say it in their error label
    if dialog is not None and dialog.error_label.text():
        boxes.append(dialog.error_label.text())
    status = win.statusBar().currentMessage()
    return boxes + ([status] if status else [])


def close_messages(win) -> None:
    for box in win.findChildren(QMessageBox):
        box.close()
    win.statusBar().clearMessage()


def settle(qtbot, win) -> None:
    """Let the tabs' reads on workers end (they fail while the server is away: a warning, not an error)."""
    qtbot.wait(200)
    qtbot.waitUntil(lambda: not any(tab._refreshing for tab in win.built_tabs()), timeout=WAIT_MS)


@pytest.mark.parametrize("name", list(ACTIONS))
def test_a_save_while_the_server_is_away_says_so_once_and_works_once_it_is_back(
        qtbot, window, laptops, seeded, caplog, monkeypatch, name):
    action = ACTIONS[name]
    win, theirs = window, laptops[1]
    for key in ("schedule", "products", "script", "live", "review"):  # built, so each follows a teammate's change
        win.show_tab(key)
    action.prepare(win, seeded)
    settle(qtbot, win)
    stored = STORED[action.stored]
    before = stored(theirs, seeded)
    stack = win.tab(action.tab).undo_stack if action.tab else None
    steps = stack.count() if stack is not None else 0
    close_messages(win)

    win.change_watcher._set_online(False)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        action.act(win, seeded, monkeypatch, 1)
        settle(qtbot, win)
    messages = shown_messages(win)
    assert any(AWAY in m for m in messages), messages
    dialogs = [b for b in win.findChildren(QMessageBox) if b.isVisible()]
    assert len(dialogs) <= 1, [b.text() for b in dialogs]  # one message, never a second generic one
    assert not any("Something went wrong" in m for m in messages), messages
    troubles = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert troubles == [], [r.getMessage() for r in troubles]
    if stack is not None:
        assert stack.count() == steps
    assert stored(theirs, seeded) == before

    close_messages(win)
    win.change_watcher._set_online(True)
    action.act(win, seeded, monkeypatch, 2)
    settle(qtbot, win)
    assert not any(AWAY in m for m in shown_messages(win))
    assert [b.text() for b in win.findChildren(QMessageBox) if b.isVisible()] == []
    assert stored(theirs, seeded) != before
    if stack is not None:
        assert stack.count() == steps + 1


# --- Undo and Redo while the server is away ------------------------------------------------------------------

UNDOABLE = ["schedule-new", "schedule-edit", "products-cell", "lineup-price", "script-edit", "review-improvement"]


@pytest.mark.parametrize("name", UNDOABLE)
@pytest.mark.parametrize("undoing", [True, False], ids=["undo", "redo"])
def test_undo_or_redo_while_the_server_is_away_says_so_once(qtbot, window, laptops, seeded, caplog, monkeypatch,
                                                            name, undoing):
    action = ACTIONS[name]
    win, theirs = window, laptops[1]
    for key in ("schedule", "products", "script", "live", "review"):
        win.show_tab(key)
    action.prepare(win, seeded)
    settle(qtbot, win)
    stored = STORED[action.stored]
    action.act(win, seeded, monkeypatch, 1)
    settle(qtbot, win)
    stack = win.tab(action.tab).undo_stack
    if not undoing:
        stack.undo()
        settle(qtbot, win)
    before = stored(theirs, seeded)
    win.show_tab(action.tab)
    close_messages(win)

    win.change_watcher._set_online(False)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        (win.undo_action if undoing else win.redo_action).trigger()
        settle(qtbot, win)
    messages = shown_messages(win)
    assert any(AWAY in m for m in messages), messages
    dialogs = [b for b in win.findChildren(QMessageBox) if b.isVisible()]
    assert len(dialogs) <= 1, [b.text() for b in dialogs]
    assert not any("Something went wrong" in m for m in messages), messages
    troubles = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert troubles == [], [r.getMessage() for r in troubles]
    assert stored(theirs, seeded) == before


def test_preferences_open_while_the_server_is_away(qtbot, window, laptops, caplog, monkeypatch):
    """The pool's categories are read as Preferences opens: away, it opens with the usual ones."""
    from livedesk.ui.preferences_dialog import PreferencesDialog

    product_steps.create(laptops[0], {"sku": "A-1", "name": "护手霜", "category": "手作香薰", "live_price": "99"})
    offered: list[list[str]] = []

    def fake_exec(dialog):
        items = dialog.quality_categories
        offered.append([items.item(i).text() for i in range(items.count())])
        return 0

    monkeypatch.setattr(PreferencesDialog, "exec", fake_exec)
    window.show_preferences()
    assert "手作香薰" in offered[0]
    window.change_watcher._set_online(False)
    with caplog.at_level(logging.WARNING):
        window.show_preferences()
    assert len(offered) == 2 and "手作香薰" not in offered[1] and offered[1]
    assert [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []


@pytest.mark.parametrize("name", ["schedule-edit", "schedule-delete"])
def test_a_server_lost_right_after_a_teammates_conflicting_save_is_said_once(
        qtbot, window, laptops, seeded, caplog, monkeypatch, name):
    """The save is refused because a teammate saved the stream first; reading theirs to compare then finds the
    server away: one message, no traceback, nothing written."""
    import dataclasses

    from livedesk.ui.schedule import tab as schedule_tab

    win, theirs = window, laptops[1]
    open_schedule(win, seeded)
    settle(qtbot, win)
    real_push = schedule_tab.push_command
    stored_before: list[object] = []

    def refused_then_away(stack, command):
        [stream] = schedule_reads.read_streams(theirs, [seeded.stream_id])  # the teammate saves just before
        schedule_steps.save_edit(theirs, seeded.stream_id, dataclasses.replace(stream, title="周五美妆专场"),
                                 ["title"], expected_version=stream.version)
        stored_before.append(STORED["schedule"](theirs, seeded))
        try:
            real_push(stack, command)
        except Exception:
            win.change_watcher._set_online(False)  # the listener loses the server at that moment
            raise

    monkeypatch.setattr(schedule_tab, "push_command", refused_then_away)
    close_messages(win)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        ACTIONS[name].act(win, seeded, monkeypatch, 1)
        settle(qtbot, win)
    messages = shown_messages(win)
    assert any(AWAY in m for m in messages), messages
    assert len([b for b in win.findChildren(QMessageBox) if b.isVisible()]) == 1
    assert [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []
    assert win.tab("schedule").undo_stack.count() == 0
    assert [STORED["schedule"](theirs, seeded)] == stored_before  # theirs, once: nothing of mine written


TEAMMATE_SAVES = {  # a teammate's save that makes the action's save a conflict
    "products-cell": lambda db, seeded: product_steps.edit_field(db, seeded.product_id, "cost", "45", version=1),
    "products-detail": lambda db, seeded: product_steps.edit_field(db, seeded.product_id, "cost", "45", version=1),
    "lineup-price": lambda db, seeded: lineup_steps.set_values(db, seeded.stream_id, seeded.product_id,
                                                               {"live_price": "79"}, None),
}


@pytest.mark.parametrize("name", list(TEAMMATE_SAVES))
def test_a_server_lost_while_a_products_conflict_is_read_is_said_once(
        qtbot, window, laptops, seeded, caplog, monkeypatch, name):
    from livedesk.ui.undo import DbCommand

    action = ACTIONS[name]
    win, theirs = window, laptops[1]
    action.prepare(win, seeded)
    settle(qtbot, win)
    real_run_first = DbCommand.run_first
    stored_before: list[object] = []

    def refused_then_away(command):
        TEAMMATE_SAVES[name](theirs, seeded)  # the teammate saves just before
        stored_before.append(STORED[action.stored](theirs, seeded))
        try:
            real_run_first(command)
        except Exception:
            win.change_watcher._set_online(False)  # the listener loses the server at that moment
            raise

    monkeypatch.setattr(DbCommand, "run_first", refused_then_away)
    close_messages(win)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        action.act(win, seeded, monkeypatch, 1)
        settle(qtbot, win)
    messages = shown_messages(win)
    assert any(AWAY in m for m in messages), messages
    assert len([b for b in win.findChildren(QMessageBox) if b.isVisible()]) == 1
    assert [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []
    assert win.tab("products").undo_stack.count() == 0
    assert [STORED[action.stored](theirs, seeded)] == stored_before


def test_automatic_captures_while_the_server_is_away_are_said_in_the_capture_panel(
        qtbot, window, laptops, seeded, caplog):
    """A reading captured every few seconds is not logged while the server is away: the capture panel says so
    each time, never an error dialog per reading; once it is back the next reading is logged."""
    from livedesk.services.capture.mapping import Reading

    win, theirs = window, laptops[1]
    open_live(win, seeded)
    tab = win.tab("live")
    tab.confirm_go_live = lambda missing: True
    tab.go_live()
    settle(qtbot, win)
    before = _count(theirs, MetricSample)
    close_messages(win)

    win.change_watcher._set_online(False)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        for online in (300, 320):
            tab.log_captured(Reading(online=online), False)
        settle(qtbot, win)
    assert AWAY in tab.capture_panel.status_label.text()
    assert [b.text() for b in win.findChildren(QMessageBox) if b.isVisible()] == []
    assert [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []
    assert _count(theirs, MetricSample) == before

    win.change_watcher._set_online(True)
    tab.log_captured(Reading(online=340), False)
    settle(qtbot, win)
    assert _count(theirs, MetricSample) == before + 1
    assert AWAY not in tab.capture_panel.status_label.text()


def test_picking_a_stream_while_the_server_is_away_says_so_and_the_tabs_follow_once_it_is_back(
        qtbot, window, laptops, seeded, caplog):
    win, mine = window, laptops[0]
    [other], _ = schedule_steps.create(mine, [schedule.StreamData(title="周六专场", start_at=START + dt.timedelta(days=1),
                                                                   planned_minutes=90)])
    for key in ("schedule", "products", "script", "live", "review"):
        win.show_tab(key)
    win.set_current_stream(seeded.stream_id)
    settle(qtbot, win)
    close_messages(win)

    win.change_watcher._set_online(False)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        win.set_current_stream(other, source=win.tab("schedule"))  # what picking its row does
        settle(qtbot, win)
    assert any(AWAY in m for m in shown_messages(win))
    troubles = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert troubles == [], [r.getMessage() for r in troubles]

    win.change_watcher._set_online(True)  # back: the tabs that could not follow do now,
    win.change_watcher._collect(frozenset({"*"}))  # and every tab reads again (what the listener asks for)
    settle(qtbot, win)
    assert win.tab("products").lineup.stream_id == other
    for key in ("script", "live", "review"):
        tab = win.tab(key)
        assert tab.stream_id == other, key
        assert tab.stream_combo.currentData() == other, key


def test_a_review_load_that_fails_because_the_server_is_away_says_so_in_the_status_bar(qtbot, window, seeded,
                                                                                        caplog):
    """A background read (here the review of the stream shown) is not worth a dialog when the server is away:
    a change made just before can start one that runs after the server went."""
    win = window
    review_tab = win.show_tab("review")
    settle(qtbot, win)
    close_messages(win)
    win.change_watcher._set_online(False)
    with caplog.at_level(logging.WARNING):
        review_tab.load_stream(seeded.stream_id)
        qtbot.waitUntil(lambda: AWAY in win.statusBar().currentMessage(), timeout=WAIT_MS)
    assert [b.text() for b in win.findChildren(QMessageBox) if b.isVisible()] == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
