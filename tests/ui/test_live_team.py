"""The live tab and a teammate on the same database: their change is read on a worker thread and shown on the
GUI thread, one read at a time; the follower (the host's screen) reads the same way; an old read never shows
over the controller's own action."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select

from livedesk.models import ChecklistItem, Script, Segment, Stream
from livedesk.services import live, live_steps
from livedesk.ui.live.clock import FixedClock
from livedesk.ui.live.tab import LiveTab
from livedesk.ui.tasks import TaskRunner

T0 = dt.datetime(2026, 11, 15, 12, 0, tzinfo=dt.timezone.utc)
WAIT_MS = 5000  # a bound for a worker's read, not a measurement


def add_stream(db, title: str = "冬季焕新专场") -> int:
    with db.session() as s:
        stream = Stream(title=title, start_at=T0, planned_minutes=60, account="店A")
        s.add(stream)
        s.flush()
        script = Script(stream_id=stream.id)
        s.add(script)
        s.flush()
        for i in range(3):
            s.add(Segment(script_id=script.id, position=i, title=f"段{i + 1}", start_seconds=i * 600,
                          duration_seconds=600, host_lines=f"话术{i + 1}"))
        return stream.id


@pytest.fixture
def pooled(monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", False)  # real workers, as in the app
    yield
    TaskRunner.wait()


class Gate:
    """Wraps a live_steps read: records the thread it ran on, and holds its answer until `open()`."""

    def __init__(self, monkeypatch, name: str):
        self.real = getattr(live_steps, name)
        self.threads: list[str] = []
        self.done = 0
        self._open = threading.Event()
        monkeypatch.setattr(live_steps, name, self)

    def __call__(self, *args, **kwargs):
        result = self.real(*args, **kwargs)  # read now …
        if threading.current_thread() is not threading.main_thread():
            self.threads.append(threading.current_thread().name)
            self._open.wait(WAIT_MS / 1000)  # … answer when let go (a slow server)
            self.done += 1
        return result

    def open(self) -> None:
        self._open.set()


def make_tab(qtbot, db, paths, stream_id: int | None) -> LiveTab:
    tab = LiveTab(db, paths)
    tab.clock = FixedClock(T0)
    qtbot.addWidget(tab)
    tab.show()
    if stream_id is not None:
        tab.load_stream(stream_id)
    return tab


def test_a_teammates_change_is_read_on_a_worker_and_shown(qtbot, db, teammate, paths, pooled, monkeypatch):
    sid = add_stream(db)
    tab = make_tab(qtbot, db, paths, sid)
    assert tab.state is not None and not tab.state.live
    gate = Gate(monkeypatch, "read_tab")
    with teammate.session() as s:  # another laptop goes live and logs an incident
        live.go_live(s, sid, T0)
        live.log_incident(s, sid, "network_drop", T0 + dt.timedelta(minutes=1), "断网 20 秒")

    tab.refresh()  # what the change watcher calls
    assert not tab.state.live  # refresh() came back before the read did: nothing waited on the database
    gate.open()
    qtbot.waitUntil(lambda: tab.title_label.text() == "段1", timeout=WAIT_MS)
    assert gate.threads and all(name != threading.main_thread().name for name in gate.threads)
    assert tab.state.live and tab.stack.currentIndex() == 1  # the console page, as the stream went live
    assert any("断网 20 秒" in row[2] for row in tab.log_model.rows)
    tab.shutdown()


def test_the_follower_reads_on_a_worker_one_read_at_a_time(qtbot, db, teammate, paths, pooled, monkeypatch):
    sid = add_stream(db)
    live_steps.go_live(db, sid, T0)
    follower = make_tab(qtbot, teammate, paths, sid)  # the host's laptop
    follower.set_following(True)
    qtbot.waitUntil(lambda: not follower._refreshing, timeout=WAIT_MS)
    assert follower.title_label.text() == "段1"
    gate = Gate(monkeypatch, "read_console")

    live_steps.next_segment(db, sid, T0 + dt.timedelta(minutes=5))  # the controller's laptop
    live_steps.set_host_message(db, sid, T0 + dt.timedelta(minutes=5), "福袋马上开")
    for _ in range(3):  # told three times while the first read waits on the server
        follower.follow_poll()
    assert follower.title_label.text() == "段1"
    gate.open()
    qtbot.waitUntil(lambda: follower.title_label.text() == "段2" and follower.host_text == "福袋马上开", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not follower._refreshing, timeout=WAIT_MS)
    TaskRunner.wait()
    assert len(gate.threads) == 2  # the first read, and one more for all that was told meanwhile
    assert all(name != threading.main_thread().name for name in gate.threads)
    assert any("Segment: 段2" in row[2] for row in follower.log_model.rows)  # a new segment reads the rest too
    follower.set_following(False)
    qtbot.waitUntil(lambda: not follower._refreshing, timeout=WAIT_MS)
    follower.shutdown()


def test_a_read_begun_before_the_controllers_action_is_not_shown_over_it(qtbot, db, teammate, paths, pooled, monkeypatch):
    sid = add_stream(db)
    tab = make_tab(qtbot, db, paths, sid)
    tab.confirm_go_live = lambda missing: True
    tab.go_live()
    gate = Gate(monkeypatch, "read_tab")
    with teammate.session() as s:
        live.log_incident(s, sid, "device_fault", T0, "补光灯坏了")
    tab.refresh()  # a teammate's change: read (segment 1) and held on the worker
    qtbot.waitUntil(lambda: len(gate.threads) == 1, timeout=WAIT_MS)
    tab.clock.advance(60)
    tab.next_button.click()  # the controller's own action, read and shown at once
    assert tab.title_label.text() == "段2"
    gate.open()
    qtbot.waitUntil(lambda: gate.done >= 2 and not tab._refreshing, timeout=WAIT_MS)  # the old read, then a fresh one
    TaskRunner.wait()
    assert tab.title_label.text() == "段2" and tab.state.current_index == 1  # the old read never showed
    assert any("补光灯坏了" in row[2] for row in tab.log_model.rows)
    tab.shutdown()


def test_a_stream_a_teammate_plans_opens_with_its_checklist(qtbot, db, teammate, paths, pooled):
    tab = make_tab(qtbot, db, paths, None)
    assert tab.state is None  # no streams yet
    sid = add_stream(teammate, "队友加的")
    tab.refresh()
    qtbot.waitUntil(lambda: tab.stream_id == sid and tab.checklist_model.rowCount() > 4, timeout=WAIT_MS)
    with db.session() as s:  # stored once, by this laptop on its own thread (a worker's write would come back)
        stored = [i.text for i in s.scalars(select(ChecklistItem).where(ChecklistItem.stream_id == sid))]
    assert stored == live.load_checklist_template(paths)
    assert [row.text for row in tab.checklist_model.rows if not row.auto] == stored
    tab.shutdown()
