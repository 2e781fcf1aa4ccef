"""UI fixtures: background tasks run inline so tests see their results at once."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def synchronous_tasks(monkeypatch: pytest.MonkeyPatch):
    from livedesk.ui.tasks import TaskRunner

    monkeypatch.setattr(TaskRunner, "synchronous", True)


@pytest.fixture(autouse=True)
def light_theme_after():
    """A test that switches to dark (or follows a simulated system) leaves the next one in light."""
    yield
    from livedesk.ui import theme

    theme.reset()


@pytest.fixture
def window(qtbot, db, paths):
    from livedesk.ui.main_window import MainWindow

    win = MainWindow(db, paths)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def demo_db(db):
    import datetime as dt

    from livedesk.services.demo import fill_demo

    fill_demo(db, today=dt.date(2026, 11, 23))
    return db


@pytest.fixture(autouse=True)
def nothing_left_open_after(qapp):
    """A dialog left open or a mouse grab left held by one test would read as "the user is busy" in the
    next (the change watcher waits for them), so each test starts with none."""
    yield
    from PySide6.QtWidgets import QApplication, QWidget

    grabber = QWidget.mouseGrabber()
    if grabber is not None:
        grabber.releaseMouse()
    while (modal := QApplication.activeModalWidget()) is not None:
        modal.close()
        modal.setModal(False)
        modal.hide()
        QApplication.processEvents()
        if QApplication.activeModalWidget() is modal:
            break
