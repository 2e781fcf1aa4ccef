"""Toolbar actions the way every tab wants them: a name for tests, a shortcut that works only inside the
tab, the shortcut in the tooltip, and a slot that is called without Qt's `checked` argument."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget


def add_tab_action(owner: QWidget, toolbar: QToolBar, text: str, slot: Callable[[], object], shortcut, name: str) -> QAction:
    action = QAction(text, owner)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
    action.triggered.connect(lambda _checked=False: slot())
    toolbar.addAction(action)
    owner.addAction(action)
    return action
