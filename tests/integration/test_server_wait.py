"""A save that waits on a silent team server never freezes the window, and the user can stop waiting.

The server falls silent behind a proxy (tcp_proxy.SilentProxy): connections stay open and nothing comes
back, as with a pulled cable. The driver's waits tell the window's thread each 0.1 s; the window keeps
painting, then offers to stop waiting.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from sqlalchemy import func, select, text
from tcp_proxy import SilentProxy

from livedesk.models import Stream
from livedesk.services import schedule, schedule_steps, server_wait
from livedesk.services.db import open_database
from livedesk.services.faults import ServerGone

START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
WAIT_MS = 10000  # a bound, not a measurement


class Recorder:
    """A Waiter factory (and its Waiter) that gives up after `stop_after` seconds, recording what it was told."""

    def __init__(self, stop_after: float):
        self.stop_after = stop_after
        self.ticks: list[float] = []
        self.waits = 0
        self.ended = 0

    def __call__(self, server: str) -> Recorder:
        self.waits += 1
        self.server = server
        return self

    def tick(self, seconds: float) -> None:
        self.ticks.append(seconds)
        if seconds >= self.stop_after:
            raise server_wait.StoppedWaiting

    def done(self) -> None:
        self.ended += 1


@pytest.fixture
def told():
    recorder = Recorder(stop_after=0.5)
    server_wait.install(recorder)
    yield recorder
    server_wait.uninstall(recorder)


@pytest.fixture
def silent(pg_server, pg_url):
    proxy = SilentProxy(pg_server.port)
    yield proxy, proxy.url(pg_url.rsplit("/", 1)[1])
    proxy.release()
    proxy.close()


def count_streams(url: str) -> int:
    db = open_database(url, migrate=False)
    try:
        with db.session() as s:
            return s.scalar(select(func.count()).select_from(Stream))
    finally:
        db.close()


# ---------------------------------------------------------------------------------------- the driver's waits


def fake_wait(*readies):
    """A driver-like generator: yields what it waits for, is sent what became ready, returns "answer"."""
    for _ in readies:
        yield "R"
    return "answer"


def drive(gen, readies):
    wanted = next(gen)
    try:
        for ready in readies:
            assert wanted == "R"
            wanted = gen.send(ready)
    except StopIteration as finished:
        return finished.value
    raise AssertionError("the generator did not finish")


def watched_wait(readies: list[int]) -> str:
    with server_wait.watched("db:5432/team"):
        return drive(server_wait.told_while_waiting(fake_wait(*readies)), readies)


def test_only_empty_intervals_are_told_and_the_answer_comes_through(told):
    assert watched_wait([0, 0, 1, 0, 1]) == "answer"
    assert len(told.ticks) == 3 and told.waits == 1 and told.ended == 1 and told.server == "db:5432/team"
    assert not server_wait.waiting()


def test_a_wait_the_driver_abandons_still_ends(told):
    """psycopg raises its own timeout out of the wait and keeps the generator: the wait still ends."""
    with pytest.raises(TimeoutError):
        with server_wait.watched("db:5432/team"):
            gen = server_wait.told_while_waiting(fake_wait(0, 0, 1))
            next(gen)
            gen.send(0)
            raise TimeoutError  # what the driver does at its deadline; `gen` stays suspended
    assert told.ended == 1 and not server_wait.waiting()


def test_a_wait_inside_a_tick_is_told_to_the_same_waiter_and_another_thread_is_not(told):
    inner_results = []

    def tick(seconds: float) -> None:
        told.ticks.append(seconds)
        if len(told.ticks) == 1:  # e.g. a timer's query while the window waits: told too, no second waiter
            inner_results.append(watched_wait([0, 1]))

    told.tick = tick  # type: ignore[method-assign]
    assert watched_wait([0, 1]) == "answer"
    assert inner_results == ["answer"] and len(told.ticks) == 2 and told.waits == 1 and told.ended == 1

    elsewhere = []
    worker = threading.Thread(target=lambda: elsewhere.append(watched_wait([0, 0, 1])))
    worker.start()
    worker.join()
    assert elsewhere == ["answer"] and len(told.ticks) == 2


# ---------------------------------------------------------------------------------------- a silent server


def test_a_query_on_a_silent_server_is_told_and_stopped(silent, told, pg_url):
    proxy, url = silent
    db = open_database(url)
    try:
        with db.session() as s:
            assert s.execute(text("SELECT 1")).scalar() == 1
        assert told.ticks == []  # a server that answers is never waited on for a whole interval
        proxy.hold()
        began = time.monotonic()
        with pytest.raises(ServerGone, match="LiveDesk stopped waiting"):
            with db.session() as s:
                s.execute(text("SELECT 1"))
        assert time.monotonic() - began < 5  # stopped, not the 15 s the network would take
        assert told.ticks[0] < 0.5 <= told.ticks[-1]
        assert told.ended == told.waits >= 1
        assert not server_wait.waiting()
        proxy.release()
        with db.session() as s:  # a new connection once it answers again
            assert s.execute(text("SELECT 1")).scalar() == 1
    finally:
        db.close()


def test_a_write_stopped_while_waiting_is_not_saved(silent, told, pg_url):
    from sqlalchemy import event

    proxy, url = silent
    db = open_database(url)
    try:
        def fall_silent(_conn, _cursor, statement, *_):
            if statement.startswith("INSERT INTO streams"):
                proxy.hold()

        event.listen(db.engine, "before_cursor_execute", fall_silent)
        with pytest.raises(ServerGone, match="LiveDesk stopped waiting. Nothing was saved"):
            schedule_steps.create(db, [schedule.StreamData(title="周五专场", start_at=START, planned_minutes=120)])
        event.remove(db.engine, "before_cursor_execute", fall_silent)
        proxy.release()
        assert count_streams(pg_url) == 0
        created, _ = schedule_steps.create(db, [schedule.StreamData(title="周五专场", start_at=START,
                                                                    planned_minutes=120)])
        assert len(created) == 1 and count_streams(pg_url) == 1
    finally:
        db.close()


def test_a_commit_stopped_while_waiting_says_it_may_have_been_saved(silent, told, pg_url):
    from sqlalchemy import event

    proxy, url = silent
    db = open_database(url)
    try:
        event.listen(db._sessions, "before_commit", lambda _session: proxy.hold())
        with pytest.raises(ServerGone, match="cannot tell whether it was saved"):
            schedule_steps.create(db, [schedule.StreamData(title="周五专场", start_at=START, planned_minutes=120)])
    finally:
        proxy.release()
        db.close()


def test_a_connection_that_times_out_ends_the_wait_and_says_the_server_is_unreachable(silent):
    proxy, url = silent
    patient = Recorder(stop_after=60)  # never stops: the driver's connect timeout ends it
    server_wait.install(patient)
    db = open_database(url + "?connect_timeout=2")
    try:
        db.engine.dispose()
        proxy.hold()
        with pytest.raises(ServerGone, match="connection to the team server .* was lost"):
            with db.session() as s:
                s.execute(text("SELECT 1"))
        assert patient.ticks and patient.ended == patient.waits  # ended at once, not when garbage is collected
        assert not server_wait.waiting()
    finally:
        server_wait.uninstall(patient)
        db.close()


def test_connecting_to_a_silent_server_is_told_and_stopped(silent, told):
    proxy, url = silent
    db = open_database(url)
    try:
        db.engine.dispose()  # no pooled connection: the next unit of work connects
        proxy.hold()
        with pytest.raises(ServerGone, match="LiveDesk stopped waiting"):
            with db.session() as s:
                s.execute(text("SELECT 1"))
        assert told.ticks and told.ticks[-1] >= 0.5
    finally:
        db.close()


# ---------------------------------------------------------------------------------------- the window


@pytest.fixture
def silent_window(qtbot, silent, paths):
    from livedesk.ui.main_window import MainWindow

    proxy, url = silent
    db = open_database(url)
    win = MainWindow(db, paths)
    qtbot.addWidget(win)
    win.show()
    watcher = win.change_watcher
    qtbot.waitUntil(lambda: watcher.listener is not None and watcher.listener.feed is not None, timeout=WAIT_MS)
    yield win, proxy
    proxy.release()
    listener = watcher.listener
    win.close()
    if listener is not None:
        listener.stop(wait=30)
    db.close()


def new_stream(monkeypatch, win, title: str) -> list[str]:
    """Press New stream in the schedule tab and fill the dialog; the errors it shows are returned."""
    from livedesk.ui.schedule.stream_dialog import StreamDialog

    def fake_exec(dialog):
        dialog.title_edit.setText(title)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(StreamDialog, "exec", fake_exec)
    shown: list[str] = []
    monkeypatch.setattr("livedesk.ui.schedule.tab.show_error", lambda parent, exc, title=None: shown.append(str(exc)))
    tab = win.show_tab("schedule")
    tab.new_action.trigger()
    return shown


def test_a_save_on_a_silent_server_keeps_the_window_painting_until_the_user_stops_waiting(
        qtbot, silent_window, monkeypatch, pg_url):
    from livedesk.ui.server_wait import DIALOG_AFTER_S

    win, proxy = silent_window
    tab = win.show_tab("schedule")
    ticks: list[float] = []
    heartbeat = QTimer(win)
    heartbeat.setInterval(50)
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start()
    seen: dict[str, object] = {}

    def press_stop() -> None:
        dialog = win.findChild(QProgressDialog, "serverWaitDialog")
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(100, press_stop)
            return
        seen["dialog"] = dialog.labelText()
        seen["status"] = win.statusBar().currentMessage()
        dialog.findChild(QPushButton).click()  # Stop waiting

    proxy.hold()
    QTimer.singleShot(100, press_stop)
    began = time.monotonic()
    shown = new_stream(monkeypatch, win, "周五专场")
    waited = time.monotonic() - began
    heartbeat.stop()
    moments = [began, *ticks, began + waited]
    gaps = [b - a for a, b in zip(moments, moments[1:], strict=False)]

    assert "has not answered" in seen["dialog"] and f"127.0.0.1:{proxy.port}/" in seen["dialog"]
    assert "Waiting for the team server" in seen["status"]
    assert DIALOG_AFTER_S <= waited < DIALOG_AFTER_S + 5
    # the window's timers ran all along (measured: every 0.1 s); a frozen window shows one gap of the whole wait
    assert len(ticks) >= 10 and max(gaps) < 1
    assert len(shown) == 1 and "LiveDesk stopped waiting. Nothing was saved" in shown[0]
    assert tab.undo_stack.count() == 0
    assert win.findChild(QProgressDialog, "serverWaitDialog") is None or not win.findChild(
        QProgressDialog, "serverWaitDialog").isVisible()
    # now known to be away: the status bar says so and the next save is refused at once
    watcher = win.change_watcher
    assert watcher.status_label.isVisible() and "retrying" in watcher.status_label.text()
    began = time.monotonic()
    again = new_stream(monkeypatch, win, "周六专场")
    assert time.monotonic() - began < 1 and len(again) == 1 and "does not answer" in again[0]

    proxy.release()  # back: the listener reconnects and saves go through
    qtbot.waitUntil(lambda: not watcher.status_label.isVisible(), timeout=30000)
    assert new_stream(monkeypatch, win, "周日专场") == []
    assert tab.undo_stack.count() == 1
    assert count_streams(pg_url) == 1


def test_a_server_the_listener_finds_away_ends_a_waiting_save_at_once(qtbot, silent_window, monkeypatch):
    from livedesk.ui.server_wait import DIALOG_AFTER_S

    win, proxy = silent_window
    proxy.hold()
    QTimer.singleShot(500, lambda: win.change_watcher._set_online(False))  # what the listener says on losing it
    began = time.monotonic()
    shown = new_stream(monkeypatch, win, "周五专场")
    assert time.monotonic() - began < DIALOG_AFTER_S  # ended before any dialog
    assert len(shown) == 1 and "LiveDesk stopped waiting. Nothing was saved" in shown[0]


def press_stop_when_asked(win, seen: dict) -> None:
    dialog = win.findChild(QProgressDialog, "serverWaitDialog")
    if dialog is None or not dialog.isVisible():
        QTimer.singleShot(100, lambda: press_stop_when_asked(win, seen))
        return
    seen["dialog"] = dialog.labelText()
    dialog.findChild(QPushButton).click()  # Stop waiting


def test_a_timers_query_during_the_wait_is_waited_on_the_same_way(qtbot, silent_window, monkeypatch):
    win, proxy = silent_window
    nested: list[str] = []

    def timer_query() -> None:  # e.g. an autosave's debounce firing while the save waits
        try:
            with win.db.session() as s:
                s.execute(text("SELECT 1"))
        except ServerGone as exc:
            nested.append(str(exc))

    ticks: list[float] = []
    heartbeat = QTimer(win)
    heartbeat.setInterval(50)
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start()
    seen: dict[str, str] = {}
    proxy.hold()
    QTimer.singleShot(300, timer_query)
    QTimer.singleShot(100, lambda: press_stop_when_asked(win, seen))
    began = time.monotonic()
    shown = new_stream(monkeypatch, win, "周五专场")
    ended = time.monotonic()
    heartbeat.stop()
    moments = [began, *ticks, ended]
    assert max(b - a for a, b in zip(moments, moments[1:], strict=False)) < 1  # never frozen, inner wait included
    assert len(nested) == 1 and "LiveDesk stopped waiting" in nested[0]  # one Stop ended both
    assert len(shown) == 1 and "LiveDesk stopped waiting" in shown[0]
    assert len(win.findChildren(QProgressDialog, "serverWaitDialog")) <= 1


def test_a_save_that_went_through_before_the_server_fell_silent_stays_saved(qtbot, silent_window, monkeypatch,
                                                                           pg_url):
    from sqlalchemy import event

    win, proxy = silent_window
    tab = win.show_tab("schedule")
    messages: list[str] = []
    tab.status_message.connect(lambda text, _ms: messages.append(text))
    hold_after_commit = lambda _session: proxy.hold()  # noqa: E731  # the COMMIT's answer came back
    event.listen(win.db._sessions, "after_commit", hold_after_commit)
    seen: dict[str, str] = {}
    QTimer.singleShot(100, lambda: press_stop_when_asked(win, seen))
    shown = new_stream(monkeypatch, win, "周五专场")  # saved, then the read that shows it waits
    event.remove(win.db._sessions, "after_commit", hold_after_commit)
    assert "has not answered" in seen["dialog"]
    assert shown == [] and any(m.startswith("Saved.") for m in messages)
    assert tab.undo_stack.count() == 1  # it can be undone once the server is back
    proxy.release()
    assert count_streams(pg_url) == 1
