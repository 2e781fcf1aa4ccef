"""A teammate's schedule change reaches the schedule tab through `refresh()`: read on a worker thread (the GUI
thread never waits on the team server), shown with the user's selection, filters and scroll position kept."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest

from livedesk.services import schedule, schedule_reads, schedule_steps
from livedesk.ui.schedule.tab import ScheduleTab
from livedesk.ui.tasks import TaskRunner

START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def pooled(monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", False)  # a real worker, as in the app
    yield
    TaskRunner.wait()


@pytest.fixture
def read_threads(monkeypatch) -> list[str]:
    """The names of the threads the schedule was read on."""
    threads: list[str] = []
    read = schedule_reads.read_schedule

    def recording(db):
        threads.append(threading.current_thread().name)
        return read(db)

    monkeypatch.setattr(schedule_reads, "read_schedule", recording)
    return threads


def plan(db, count: int) -> list[int]:
    ids, _ = schedule_steps.create(db, [
        schedule.StreamData(title=f"专场 {n:02d}", start_at=START + dt.timedelta(days=n), planned_minutes=120)
        for n in range(count)])
    return ids


def titles(tab: ScheduleTab) -> list[str]:
    return [tab.proxy.index(r, 1).data() for r in range(tab.proxy.rowCount())]


def test_a_teammates_new_stream_and_rename_are_read_off_the_gui_thread(qtbot, db, teammate, paths, pooled,
                                                                       read_threads):
    ids = plan(db, 3)
    tab = ScheduleTab(db, paths)
    qtbot.addWidget(tab)
    tab.select_stream(ids[1])
    read_threads.clear()
    [theirs] = schedule_reads.read_streams(teammate, [ids[1]])
    schedule_steps.save_edit(teammate, ids[1], dataclasses.replace(theirs, title="专场 01 改期"), ["title"],
                             expected_version=theirs.version)
    plan(teammate, 4)  # and four more on their laptop
    reloads: list[int] = []
    tab.reload = lambda: reloads.append(1)  # type: ignore[method-assign]  # the GUI-thread path must not run
    tab.refresh()
    qtbot.waitUntil(lambda: "专场 01 改期" in titles(tab), timeout=5000)
    assert read_threads and threading.main_thread().name not in read_threads
    assert reloads == []
    assert len(titles(tab)) == 7
    assert tab.selected_ids() == [ids[1]]  # the user's selection stays, and the details show their title
    assert "专场 01 改期" in tab.details.toPlainText()


def test_a_refresh_keeps_the_filters_and_where_the_list_was_scrolled(qtbot, db, teammate, paths, pooled):
    ids = plan(db, 60)
    tab = ScheduleTab(db, paths)
    qtbot.addWidget(tab)
    tab.resize(1000, 400)
    tab.show()
    tab.search_edit.setText("专场")
    bar = tab.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    schedule_steps.delete(teammate, [ids[-1]])  # a teammate deletes the last stream
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 59, timeout=5000)
    assert tab.search_edit.text() == "专场" and tab.proxy.rowCount() == 59
    assert bar.value() == scrolled


def test_a_refresh_while_the_server_is_slow_returns_at_once(qtbot, db, teammate, paths, pooled, monkeypatch):
    plan(db, 2)
    tab = ScheduleTab(db, paths)
    qtbot.addWidget(tab)
    plan(teammate, 1)  # a third stream
    answer = threading.Event()
    read = schedule_reads.read_schedule

    def slow(database):
        answer.wait(5)  # the team server takes its time
        return read(database)

    monkeypatch.setattr(schedule_reads, "read_schedule", slow)
    tab.refresh()  # returns while the read waits: the window stays responsive
    assert tab.model.rowCount() == 2
    answer.set()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=5000)


def test_a_read_begun_before_the_users_own_change_is_not_shown_over_it(qtbot, db, teammate, paths, pooled,
                                                                       monkeypatch):
    ids = plan(db, 3)
    tab = ScheduleTab(db, paths)
    qtbot.addWidget(tab)
    answer, late_reads = threading.Event(), []
    read = schedule_reads.read_schedule

    def read_late_once(database):
        found = read(database)
        if not late_reads:  # the teammate's: what it found reaches the GUI thread after the delete below
            late_reads.append(len(found.streams))
            answer.wait(5)
        return found

    monkeypatch.setattr(schedule_reads, "read_schedule", read_late_once)
    plan(teammate, 1)  # their new stream
    tab.refresh()
    qtbot.waitUntil(lambda: late_reads == [4], timeout=5000)
    tab.select_stream(ids[0])
    tab.delete_action.trigger()  # the user's delete reloads the tab: their stream is there, mine is gone
    answer.set()
    qtbot.waitUntil(lambda: not tab._refreshing, timeout=5000)  # what the late read found was handed over
    assert tab.model.rowCount() == 3 and ids[0] not in [s.id for s in tab.model.rows()]
