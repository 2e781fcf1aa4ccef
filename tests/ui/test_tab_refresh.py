"""A teammate's change is read on a worker and then shown: the GUI thread never waits on the team server."""

from __future__ import annotations

import threading

import pytest

from livedesk.ui.tab_base import Tab
from livedesk.ui.tasks import TaskRunner


class ReadingTab(Tab):
    """A tab whose refresh reads through `read` (a stand-in for its service calls) and records what it showed."""

    def __init__(self, read):
        super().__init__()
        self.read = read
        self.shown: list[object] = []
        self.reloads = 0

    def reload(self) -> None:
        self.reloads += 1

    def refresh_reader(self):
        read = self.read
        return lambda: read()

    def show_refreshed(self, data: object) -> None:
        self.shown.append(data)


@pytest.fixture
def pooled(monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", False)  # a real worker, as in the app
    yield
    TaskRunner.wait()


def test_a_refresh_reads_on_a_worker_and_shows_on_the_gui_thread(qtbot, pooled):
    threads: list[str] = []

    def read():
        threads.append(threading.current_thread().name)
        return "their lineup"

    tab = ReadingTab(read)
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.shown == ["their lineup"], timeout=5000)
    assert threads and threads[0] != threading.main_thread().name
    assert tab.reloads == 0


def test_changes_during_a_read_are_read_once_more_and_only_the_last_is_shown(qtbot, pooled):
    release = threading.Event()
    reads: list[int] = []

    def read():
        reads.append(len(reads))
        if len(reads) == 1:
            release.wait(5)  # the server is slow to answer the first read
        return len(reads)

    tab = ReadingTab(read)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.refresh()
    tab.refresh()  # two more changes while the first read waits: one more read covers both
    release.set()
    qtbot.waitUntil(lambda: tab.shown == [2], timeout=5000)
    TaskRunner.wait()
    assert reads == [0, 1]


def test_a_refresh_that_fails_leaves_the_tab_as_it_was(qtbot, pooled, caplog):
    def read():
        raise ConnectionError("the team server does not answer")

    tab = ReadingTab(read)
    qtbot.addWidget(tab)
    with caplog.at_level("WARNING"):
        tab.refresh()
        qtbot.waitUntil(lambda: not tab._refreshing, timeout=5000)
    assert tab.shown == [] and tab.reloads == 0
    assert "does not answer" in caplog.text


def test_a_tab_with_nothing_to_read_reloads(qtbot):
    tab = Tab()
    qtbot.addWidget(tab)
    calls: list[str] = []
    tab.reload = lambda: calls.append("reload")  # type: ignore[method-assign]
    tab.refresh()
    assert calls == ["reload"]


def test_the_review_tab_reads_a_teammates_new_stream_off_the_gui_thread(qtbot, window, teammate, pooled, monkeypatch):
    import datetime as dt

    from livedesk.services import review_views, schedule

    threads: list[str] = []
    real = review_views.stream_choices

    def recording(db):
        threads.append(threading.current_thread().name)
        return real(db)

    monkeypatch.setattr(review_views, "stream_choices", recording)
    tab = window.show_tab("review")
    before = tab.stream_combo.count()
    with teammate.session() as session:
        schedule.create_stream(session, schedule.StreamData(
            title="队友加的专场", start_at=dt.datetime(2026, 11, 20, 20, 0).astimezone(), planned_minutes=120))
    threads.clear()
    tab.refresh()
    qtbot.waitUntil(lambda: tab.stream_combo.count() == before + 1, timeout=5000)
    TaskRunner.wait()
    assert threads and threading.main_thread().name not in threads
    assert any("队友加的专场" in tab.stream_combo.itemText(i) for i in range(tab.stream_combo.count()))


def test_changes_queued_before_the_window_closed_start_no_new_listener(qtbot, db, paths):
    from livedesk.services.changes import EVERYTHING
    from livedesk.ui.main_window import MainWindow

    win = MainWindow(db, paths)
    qtbot.addWidget(win)
    win.show()
    watcher = win.change_watcher
    first = watcher.listener
    assert first is not None and first.running

    def listener_says():  # the listener's thread, just before the window closes: queued to the GUI thread
        watcher._arrived.emit(EVERYTHING)
        watcher._reachable.emit(False)

    sender = threading.Thread(target=listener_says)
    sender.start()
    sender.join()
    win.close()
    qtbot.wait(50)  # the queued signals are delivered now
    assert watcher.listener is None and not first.running
    assert not [t for t in threading.enumerate() if t.name == "livedesk-changes"]
    assert not watcher.status_label.isVisible()


def test_a_read_that_lands_after_its_tab_was_closed_is_dropped(qtbot, pooled):
    from PySide6.QtCore import QCoreApplication, QEvent

    release = threading.Event()

    def read():
        release.wait(5)
        return "late"

    tab = ReadingTab(read)
    tab.refresh()
    tab.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the window closed the tab
    release.set()
    TaskRunner.wait()
    qtbot.wait(20)  # the answer is delivered to a tab that is gone: nothing happens, nothing raises
    assert tab.shown == []


def test_a_server_that_stays_away_is_logged_once(qtbot, pooled, caplog):
    def read():
        raise ConnectionError("the team server does not answer")

    tab = ReadingTab(read)
    qtbot.addWidget(tab)
    with caplog.at_level("WARNING"):
        for _ in range(3):
            tab.refresh()
            qtbot.waitUntil(lambda: not tab._refreshing, timeout=5000)
    assert caplog.text.count("does not answer") == 1


def test_a_read_that_lands_while_the_user_types_waits_until_they_are_done(qtbot, pooled):
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout

    release = threading.Event()

    def read():
        release.wait(5)
        return "their price"

    tab = ReadingTab(read)
    layout = QVBoxLayout(tab)
    editor, other = QPlainTextEdit(), QLineEdit()  # a note being typed, and a field that only shows
    other.setReadOnly(True)
    layout.addWidget(editor)
    layout.addWidget(other)
    qtbot.addWidget(tab)
    tab.show()
    tab.activateWindow()
    tab.refresh()
    editor.setFocus()  # the user starts typing a note while the read is on its way
    qtbot.waitUntil(editor.hasFocus, timeout=5000)
    release.set()
    TaskRunner.wait()
    qtbot.wait(100)
    assert tab.shown == []  # not shown over the open editor
    other.setFocus()  # done typing
    qtbot.waitUntil(lambda: tab.shown == ["their price"], timeout=5000)


def test_a_task_whose_widget_was_closed_meanwhile_delivers_nothing(qtbot, pooled):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    from livedesk.ui.tasks import run_task

    release = threading.Event()
    answers: list[object] = []
    widget = QWidget()

    def work(_progress, _cancelled):
        release.wait(5)
        raise ConnectionError("the database was closed with the window")

    run_task(work, answers.append, answers.append, owner=widget)
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    TaskRunner.wait()
    qtbot.wait(20)
    assert answers == []  # the error is not shown on a window that is gone
