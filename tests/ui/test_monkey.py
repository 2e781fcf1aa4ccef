"""A seeded monkey: random clicks, keys and drags across every tab of the main window on the demo database.

It ends with no unhandled exception (pytest-qt fails the test for an exception raised in a Qt slot or
virtual method) and the database passing PRAGMA integrity_check. Nothing may block: modal dialogs, message
boxes and file dialogs return at once (rejected, or an empty path), and a dialog left open is rejected before
the next step. A watchdog stops the run if one step hangs, writing every thread's stack to
HANG_REPORT (livedesk-monkey-hang.txt in the temp folder).

300 steps in the normal run; `pytest -m slow` runs 5,000. Set LIVEDESK_MONKEY_SEED to replay another walk.
"""

from __future__ import annotations

import faulthandler
import os
import random
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QTabBar,
    QWidget,
)
from sqlalchemy import text

SEED = int(os.environ.get("LIVEDESK_MONKEY_SEED", "20261123"))
STEP_LIMIT_S = 60  # the watchdog: one step taking longer than this is a hang
HANG_REPORT = Path(tempfile.gettempdir()) / "livedesk-monkey-hang.txt"  # where the watchdog writes the stacks
KEYS = (
    [getattr(Qt.Key, f"Key_{c}") for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"]
    + [Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Delete, Qt.Key.Key_Space,
       Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Backspace]
    + [getattr(Qt.Key, f"Key_F{n}") for n in range(5, 10)]
)
NO_MOD = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
# Leaving the window (quit) or the database (new/open) ends the walk; they are tested elsewhere.
SKIPPED_ACTIONS = {"quit", "newDb", "openDb"}


@pytest.fixture
def never_blocking(monkeypatch):
    """Every exec-style call returns at once, as if the user pressed Cancel."""
    monkeypatch.setattr(QDialog, "exec", lambda self, *a: QDialog.DialogCode.Rejected.value)
    monkeypatch.setattr(QMessageBox, "exec", lambda self, *a: QMessageBox.StandardButton.Cancel.value)
    monkeypatch.setattr(QFileDialog, "exec", lambda self, *a: QDialog.DialogCode.Rejected.value)
    monkeypatch.setattr(QMenu, "exec", lambda self, *a, **k: None)
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: None))
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], "")))
    for name in ("getText", "getInt", "getDouble", "getItem", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda *a, **k: True))


def close_popups(window) -> None:
    for widget in QApplication.topLevelWidgets():
        if widget is window or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        elif isinstance(widget, QMenu):
            widget.close()
    if not window.isVisible():
        window.show()


def visible(widgets):
    return [w for w in widgets if w.isVisible() and w.isEnabled() and w.width() > 0 and w.height() > 0]


def random_point(rng: random.Random, widget: QWidget) -> QPoint:
    return QPoint(rng.randrange(max(1, widget.width())), rng.randrange(max(1, widget.height())))


def reachable_actions(window) -> list[QAction]:
    """What a user can trigger: the menu bar's entries and actions with a shortcut. (Context-menu actions are
    left to right clicks: pyqtgraph's, for one, expect the menu to have been shown first.)"""
    found: list[QAction] = []
    menus = [window.menuBar()]
    while menus:
        menu = menus.pop()
        for action in menu.actions():
            if action.menu() is not None:
                action.menu().aboutToShow.emit()  # some menus fill themselves when first shown
                menus.append(action.menu())
            else:
                found.append(action)
    found += [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty() and a not in found]
    return found


def step(rng: random.Random, window, tab_bar: QTabBar) -> str:
    roll = rng.random()
    if roll < 0.08:
        index = rng.randrange(tab_bar.count())
        QTest.mouseClick(tab_bar, Qt.MouseButton.LeftButton, NO_MOD, tab_bar.tabRect(index).center())
        return f"tab {index}"
    if roll < 0.40:
        buttons = visible(window.findChildren(QAbstractButton))
        if buttons:
            button = rng.choice(buttons)
            QTest.mouseClick(button, Qt.MouseButton.LeftButton, NO_MOD, button.rect().center())
            return f"click {type(button).__name__} {button.objectName() or button.text()!r}"
    if roll < 0.48:
        actions = [a for a in reachable_actions(window)
                   if a.isEnabled() and a.objectName() not in SKIPPED_ACTIONS and not a.menu() and not a.isSeparator()]
        if actions:
            action = rng.choice(actions)
            action.trigger()
            return f"action {action.objectName() or action.text()!r}"
    if roll < 0.62:
        widget = rng.choice(visible(window.findChildren(QWidget)) or [window])
        button = rng.choice([Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton])
        point = random_point(rng, widget)
        if rng.random() < 0.2:
            QTest.mouseDClick(widget, button, NO_MOD, point)
        else:
            QTest.mouseClick(widget, button, NO_MOD, point)
        return f"click at {type(widget).__name__}"
    if roll < 0.72:
        widget = rng.choice(visible(window.findChildren(QWidget)) or [window])
        start, end = random_point(rng, widget), random_point(rng, widget)
        QTest.mousePress(widget, Qt.MouseButton.LeftButton, NO_MOD, start)
        for i in range(1, 4):
            QTest.mouseMove(widget, start + (end - start) * i / 3)
        QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, NO_MOD, end)
        return f"drag on {type(widget).__name__}"
    target = QApplication.focusWidget() or window
    if not target.isVisible():
        target = window
    if rng.random() < 0.15:
        key, modifier = Qt.Key.Key_Z, rng.choice([CTRL, CTRL | SHIFT])
    else:
        key, modifier = rng.choice(KEYS), rng.choice([NO_MOD, NO_MOD, NO_MOD, SHIFT])
    QTest.keyClick(target, key, modifier)
    return f"key {key.name} on {type(target).__name__}"


def dismiss_nested_loops(window) -> QTimer:
    """Close menus popped up by Qt itself (a tool button's menu runs its own event loop) within a moment."""

    def close() -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal is not window:
            modal.reject()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(close)
    timer.start()
    return timer


def walk(qtbot, window, steps: int) -> None:
    rng = random.Random(SEED)
    tab_bar = window.tabs.tabBar()
    window.show_tab("schedule")
    history: list[str] = []
    dismisser = dismiss_nested_loops(window)
    report = HANG_REPORT.open("w")
    try:
        for number in range(steps):
            faulthandler.dump_traceback_later(STEP_LIMIT_S, exit=True, file=report)
            close_popups(window)
            started = time.monotonic()
            history.append(step(rng, window, tab_bar))
            QApplication.processEvents()
            assert time.monotonic() - started < STEP_LIMIT_S, f"step {number} ({history[-1]}) took too long"
        close_popups(window)
        qtbot.wait(50)
    except BaseException:
        print(f"seed {SEED}; last steps:", *history[-15:], sep="\n  ")
        raise
    finally:
        dismisser.stop()
        faulthandler.cancel_dump_traceback_later()
        report.close()


def assert_database_sound(db) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert connection.execute(text("PRAGMA foreign_key_check")).fetchall() == []


def test_monkey(qtbot, demo_db, window, never_blocking) -> None:
    walk(qtbot, window, 300)
    assert_database_sound(demo_db)


@pytest.mark.slow
def test_monkey_long(qtbot, demo_db, window, never_blocking) -> None:
    walk(qtbot, window, 5000)
    assert_database_sound(demo_db)
