"""Every control can be named and explained: tooltips, accessible names, keyboard reach."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from livedesk.ui import accessibility
from livedesk.ui.main_window import TAB_KEYS, MainWindow


@pytest.fixture
def demo_window(qtbot, demo_db, paths):
    win = MainWindow(demo_db, paths)
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def _describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


def _offenders(tab: QWidget) -> list[str]:
    found = []
    for widget in tab.findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled()) or accessibility._is_internal(widget):
            continue
        focusable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        is_button = isinstance(widget, QAbstractButton)
        is_input = isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox)
        if is_button or is_input:
            text = widget.text() if is_button else ""
            if not (widget.toolTip() or text):
                found.append(f"{_describe(widget)}: no tooltip")
        if (focusable or is_button) and not accessibility.accessible_name(widget):
            found.append(f"{_describe(widget)}: no accessible name")
    for action in tab.findChildren(QAction):
        if isinstance(action, QWidgetAction) or action.isSeparator() or not action.isVisible():
            continue
        if not action.text() and action.icon().isNull():
            continue  # Qt's own helpers (a line edit's clear button, a tool bar's extension)
        if not action.toolTip() and not action.text():
            found.append(f"action {action.objectName() or '?'}: no tooltip or text")
    return found


def test_every_control_has_a_tooltip_and_an_accessible_name(demo_window) -> None:
    offenders = []
    for key in TAB_KEYS:
        tab = demo_window.show_tab(key)
        QApplication.processEvents()
        offenders += [f"{key}: {o}" for o in _offenders(tab)]
    assert not offenders, "controls without tooltip or accessible name:\n" + "\n".join(offenders)


def test_toolbar_tooltips_show_the_shortcut(demo_window) -> None:
    tab = demo_window.show_tab("schedule")
    new = next(a for a in tab.findChildren(QAction) if a.objectName() == "newStream")
    assert new.shortcut().toString() in new.toolTip()
    assert accessibility.plain(new.text()) in new.toolTip()


def test_every_tab_is_reachable_with_ctrl_and_a_number(demo_window) -> None:
    for index in (4, 0, 2, 1, 3):
        QTest.keyClick(demo_window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        assert demo_window.tabs.currentIndex() == index, f"Ctrl+{index + 1}"


def test_tab_key_walks_through_the_schedule_controls(demo_window) -> None:
    tab = demo_window.show_tab("schedule")
    QApplication.processEvents()
    first = next(w for w in tab.findChildren(QWidget)
                 if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus)
    first.setFocus(Qt.FocusReason.TabFocusReason)
    visited = []
    for _ in range(12):
        current = QApplication.focusWidget()
        if current is not None and tab.isAncestorOf(current) and current not in visited:
            visited.append(current)
        QTest.keyClick(current or demo_window, Qt.Key.Key_Tab)
        QApplication.processEvents()
    assert len(visited) >= 4, [_describe(w) for w in visited]
    kinds = {type(w) for w in visited}
    assert any(issubclass(k, QAbstractItemView) for k in kinds) or len(kinds) >= 3, [_describe(w) for w in visited]


def test_polish_fills_only_what_is_missing(qtbot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    plain_button = QPushButton("&Save…")
    plain_button.setShortcut("Ctrl+S")
    icon_button = QToolButton()
    icon_button.setObjectName("refreshButton")
    label = QLabel("Search &for:")
    search = QLineEdit()
    label.setBuddy(search)
    kept = QLineEdit()
    kept.setToolTip("Mine")
    kept.setAccessibleName("Kept")
    combo = QComboBox()
    combo.setObjectName("platformCombo")
    scroll_holder = QAbstractScrollArea()
    for w in (plain_button, icon_button, label, search, kept, combo, scroll_holder):
        layout.addWidget(w)
    accessibility.polish(root)
    assert plain_button.toolTip() == "Save (Ctrl+S)"
    assert accessibility.accessible_name(plain_button) == "Save"
    assert plain_button.accessibleName() == ""  # Qt reads the live text; no stale copy
    assert icon_button.toolTip() == "Refresh" and icon_button.accessibleName() == "Refresh"
    assert search.accessibleName() == "Search for" and search.toolTip() == "Search for"
    assert (kept.toolTip(), kept.accessibleName()) == ("Mine", "Kept")
    assert combo.accessibleName() == "Platform"


def test_dialogs_are_polished_when_shown(qtbot, qapp) -> None:
    polisher = accessibility.install_dialog_polisher(qapp)
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        button = QPushButton("Apply", dialog)
        dialog.show()
        assert button.toolTip() == "Apply"
    finally:
        qapp.removeEventFilter(polisher)
        qapp._livedesk_dialog_polisher = None


def test_humanise() -> None:
    assert accessibility.humanise("searchEdit") == "Search"
    assert accessibility.humanise("streamTable") == "Stream table"
    assert accessibility.humanise("qt_tabwidget_tabbar") == ""
