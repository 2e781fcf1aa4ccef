"""A teammate's change reaches the script tab through refresh(): read on a worker thread (a second Database on
the same file is the teammate), shown on the GUI thread, keeping the selection, the scroll position and the
user's typing; a read overtaken by the user's own edit or stream pick is never shown."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from livedesk.services import compliance, schedule, scripts
from livedesk.services.scripts import reads
from livedesk.ui.script.tab import ScriptTab
from livedesk.ui.tasks import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from script_helpers import fixture_pool, make_stream  # noqa: E402

WAIT_MS = 5000  # a bound, not a measurement


@pytest.fixture
def streams(db) -> tuple[int, int]:
    with db.session() as s:
        first = make_stream(s, start="2026-11-15 20:00", minutes=120, title="周日专场")
        fixture_pool(s, first)
        for n in range(20):  # enough rows to scroll
            scripts.add_segment(s, first.id, kind="interaction", title=f"环节{n}", start_seconds=n * 300,
                                duration_seconds=300)
        second = make_stream(s, start="2026-11-16 20:00", minutes=60, title="周一专场")
        scripts.add_segment(s, second.id, kind="opening", title="周一开场", duration_seconds=300)
        return first.id, second.id


@pytest.fixture
def tab(qtbot, db, paths, streams):
    widget = ScriptTab(db, paths)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    widget.select_stream(streams[0])
    widget.confirm = lambda *a: True
    return widget


@pytest.fixture
def worker(monkeypatch):
    """Background tasks on a real worker thread, as in the app; records the threads the tab's read ran on."""
    monkeypatch.setattr(TaskRunner, "synchronous", False)
    threads: list[str] = []
    read = reads.tab_data

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return read(*args, **kwargs)

    monkeypatch.setattr(reads, "tab_data", recorded)
    yield threads
    TaskRunner.wait()


def titles(tab: ScriptTab) -> list[str]:
    return [r.title for r in tab.model.rows()]


def segment_ids(db, stream_id: int) -> list[int]:
    with db.session() as s:
        return [x.id for x in scripts.list_segments(s, stream_id)]


def test_a_teammates_edit_is_read_on_a_worker_and_shown(qtbot, tab, db, teammate, streams, worker):
    ids = segment_ids(db, streams[0])
    with teammate.session() as t:
        scripts.update_segment(t, ids[3], title="他们改的环节")
        scripts.add_segment(t, streams[0], kind="wrap_up", title="他们加的收尾", duration_seconds=300)
    tab.refresh()
    qtbot.waitUntil(lambda: "他们加的收尾" in titles(tab), timeout=WAIT_MS)
    assert titles(tab)[3] == "他们改的环节"
    assert worker and threading.main_thread().name not in worker  # the read never ran on the GUI thread
    assert tab.timeline.model is tab.model and tab.model.rowCount() == 21


def test_a_refresh_keeps_the_selected_segment_and_the_scroll_position(qtbot, tab, db, teammate, streams, worker):
    ids = segment_ids(db, streams[0])
    tab.select_segment(ids[15])
    bar = tab.table.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(1)  # the user scrolled back up, away from the selected row: the view does not jump to it
    scrolled = bar.value()
    with teammate.session() as t:
        scripts.delete_segment(t, ids[0])  # the rows change: the model resets
    tab.refresh()
    qtbot.waitUntil(lambda: "环节0" not in titles(tab), timeout=WAIT_MS)
    assert tab.selected_id() == ids[15]
    assert bar.value() == scrolled


def test_a_teammates_new_stream_and_word_reach_the_picker_and_the_checker(qtbot, tab, db, teammate, streams, worker):
    with teammate.session() as t:
        schedule.create_stream(t, schedule.StreamData(title="他们的新场次", start_at=tab.streams[0].start_at,
                                                      planned_minutes=60))
        compliance.add_term(t, "环节7", "custom", "")
    tab.refresh()
    qtbot.waitUntil(lambda: any("他们的新场次" in tab.stream_combo.itemText(i)
                                for i in range(tab.stream_combo.count())), timeout=WAIT_MS)
    assert tab.stream_id == streams[0]  # still on the stream the user chose
    assert [f.term for f in tab.findings] == ["环节7"]  # the shown script is checked with their word


def test_a_read_overtaken_by_the_users_own_edit_is_read_again_not_shown(qtbot, tab, db, teammate, streams,
                                                                        monkeypatch, worker):
    ids = segment_ids(db, streams[0])
    release, first = threading.Event(), threading.Event()
    read = reads.tab_data

    def slow(*args, **kwargs):
        data = read(*args, **kwargs)
        if not first.is_set():
            first.set()
            release.wait(WAIT_MS / 1000)  # the server is slow to answer the first read
        return data

    monkeypatch.setattr(reads, "tab_data", slow)
    with teammate.session() as t:
        scripts.update_segment(t, ids[1], title="他们改的")
    tab.refresh()
    assert first.wait(WAIT_MS / 1000)  # refresh() returned while the read is still on the worker
    assert titles(tab)[1] == "环节1"
    assert tab.model.setData(tab.model.index(2, 1), "我改的")  # my edit saves and shows at once
    release.set()
    qtbot.waitUntil(lambda: not tab._refreshing and titles(tab)[1] == "他们改的", timeout=WAIT_MS)
    assert titles(tab)[2] == "我改的"  # the old read (before my edit) was not shown over it


def test_a_read_for_a_stream_the_user_left_is_not_shown(qtbot, tab, db, teammate, streams, monkeypatch, worker):
    release, first = threading.Event(), threading.Event()
    read = reads.tab_data

    def slow(*args, **kwargs):
        data = read(*args, **kwargs)
        if not first.is_set():
            first.set()
            release.wait(WAIT_MS / 1000)
        return data

    monkeypatch.setattr(reads, "tab_data", slow)
    tab.refresh()
    assert first.wait(WAIT_MS / 1000)
    tab.select_stream(streams[1])  # the user picks another stream while the read runs
    assert titles(tab) == ["周一开场"]
    release.set()
    qtbot.waitUntil(lambda: not tab._refreshing, timeout=WAIT_MS)
    TaskRunner.wait()
    qtbot.wait(50)
    assert tab.stream_id == streams[1] and titles(tab) == ["周一开场"]


def test_typing_not_saved_yet_is_saved_before_a_refresh_shows(qtbot, tab, db, teammate, streams, worker):
    ids = segment_ids(db, streams[0])
    tab.select_segment(ids[4])
    tab.host_edit.setPlainText("我刚打的话术")  # the draft timer has not fired yet
    assert tab.draft_timer.isActive()
    with teammate.session() as t:
        scripts.update_segment(t, ids[0], title="他们改的开头")
    tab.refresh()
    qtbot.waitUntil(lambda: titles(tab)[0] == "他们改的开头", timeout=WAIT_MS)
    assert tab.host_edit.toPlainText() == "我刚打的话术"
    with db.session() as s:
        assert scripts.list_segments(s, streams[0])[4].host_lines == "我刚打的话术"


def test_a_change_read_while_an_edit_step_runs_is_shown_after_it(qtbot, tab, db, teammate, streams):
    ids = segment_ids(db, streams[0])
    tab._step(True)  # a step of an edit is running: its conflict question is open
    with teammate.session() as t:
        scripts.update_segment(t, ids[0], title="他们改的开头")
    tab.refresh()  # read (inline in ui tests) while the step runs: not shown in the middle of it
    assert titles(tab)[0] == "环节0"
    tab._step(False)
    qtbot.waitUntil(lambda: titles(tab)[0] == "他们改的开头", timeout=WAIT_MS)
