"""Tooltips and accessible names for every control, filled in generically after a window is built.

`polish(root)` walks a widget tree and only fills what is empty, so a hand-written tooltip or name always
wins:

* buttons, tool buttons and actions without a tooltip get one from their text, plus their shortcut
  ("New stream (Ctrl+Shift+N)");
* every focusable control without an accessible name gets one from its text, tooltip, placeholder, the
  QLabel whose buddy it is, or its objectName made readable ("searchEdit" → "Search");
* inputs without a tooltip get their accessible name as tooltip, so hovering tells what a field is for.

A button's name is taken from its text only when it has no text of its own to read: Qt already reads a
button's current text to screen readers, and a fixed copy would go stale when the text changes
("Start" → "Pause"). `accessible_name(widget)` returns what a screen reader hears either way.

`DialogPolisher` (installed on the application by launch.make_app) polishes every dialog when it is shown.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

_AUTO_TIP = "_livedesk_auto_tooltip"  # the tooltip polish wrote, so a later polish may refresh it
_SUFFIXES = re.compile(r"(Edit|LineEdit|Combo|ComboBox|Button|Btn|Spin|SpinBox|Field|Picker)$")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def plain(text: str) -> str:
    """Menu text as read aloud: no mnemonic '&', no trailing dots or colon."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip("…").rstrip(".").rstrip(":：").strip()


def humanise(object_name: str) -> str:
    """"searchEdit" → "Search", "streamTable" → "Stream table"; "" for Qt's own names."""
    if not object_name or object_name.startswith("qt_"):
        return ""
    name = _SUFFIXES.sub("", object_name) or object_name
    words = _CAMEL.sub(" ", name.replace("_", " ")).split()
    return " ".join(words).capitalize()


def _shortcut_text(action: QAction) -> str:
    keys = action.shortcut()
    return keys.toString(QKeySequence.SequenceFormat.NativeText) if not keys.isEmpty() else ""


def _with_shortcut(text: str, shortcut: str) -> str:
    return f"{text} ({shortcut})" if shortcut and shortcut not in text else text


def _set_auto_tooltip(obj: QObject, tip: str) -> None:
    obj.setToolTip(tip)
    obj.setProperty(_AUTO_TIP, tip)


def _needs_tooltip(obj: QObject, text: str = "") -> bool:
    """Empty, only the control's own text (Qt's default for an action), or one polish wrote before."""
    tip = obj.toolTip()
    return not tip or (bool(text) and plain(tip) == text) or tip == obj.property(_AUTO_TIP)


def _qt_part_name(object_name: str) -> str:
    """Names for the few controls Qt adds by itself (a line edit's clear button, a table's corner)."""
    if object_name == "_q_qlineeditclearaction":
        return QCoreApplication.translate("Accessibility", "Clear the text")
    if object_name == "qt_tableview_cornerbutton":
        return QCoreApplication.translate("Accessibility", "Select all")
    return ""


def polish_action(action: QAction) -> None:
    if action.isSeparator():
        return
    text = plain(action.text()) or plain(action.iconText()) or _qt_part_name(action.objectName())
    if text and _needs_tooltip(action, text):
        _set_auto_tooltip(action, _with_shortcut(text, _shortcut_text(action)))


def _buddies(root: QWidget) -> dict[QWidget, str]:
    found: dict[QWidget, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and plain(label.text()):
            found.setdefault(buddy, plain(label.text()))
    return found


def _is_internal(widget: QWidget) -> bool:
    """Parts of a compound control (a combo's or spin box's line edit, a view's viewport)."""
    parent = widget.parentWidget()
    return isinstance(parent, QComboBox | QAbstractSpinBox) or (
        isinstance(parent, QAbstractScrollArea) and widget is parent.viewport()
    )


def _button_text(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton):
        return plain(widget.text())
    if isinstance(widget, QGroupBox):
        return plain(widget.title())
    return ""


def _name_for(widget: QWidget, buddies: dict[QWidget, str]) -> str:
    if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
        action = widget.defaultAction()
        candidates = [plain(action.text()), plain(action.toolTip())]
    else:
        candidates = [_button_text(widget)]
    candidates.append(buddies.get(widget, ""))
    tip = widget.property(_AUTO_TIP)
    if widget.toolTip() and widget.toolTip() != tip:
        candidates.append(plain(re.sub(r"<[^>]+>", "", widget.toolTip())))
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        candidates.append(plain(widget.placeholderText()))
    if isinstance(widget, QComboBox) and widget.isEditable() and widget.lineEdit() is not None:
        candidates.append(plain(widget.lineEdit().placeholderText()))
    if isinstance(widget, QComboBox):
        candidates.append(plain(widget.placeholderText()))
    candidates += [_qt_part_name(widget.objectName()), humanise(widget.objectName())]
    if isinstance(widget, QTabBar) and widget.parentWidget() is not None:  # "mainTabs" → "Main tabs"
        candidates.append(humanise(widget.parentWidget().objectName()))
    if isinstance(widget, QScrollArea) and widget.widget() is not None:  # named after what it scrolls
        candidates.append(humanise(widget.widget().objectName()))
    return next((c for c in candidates if c), "")


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for the widget: its accessible name, else Qt's reading of its text."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
        return plain(widget.defaultAction().text())
    return _button_text(widget)


def _is_focusable(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and not _is_internal(widget)


def polish_widget(widget: QWidget, buddies: dict[QWidget, str] | None = None) -> None:
    buddies = buddies if buddies is not None else {}
    if isinstance(widget, QMenu):
        for action in widget.actions():
            polish_action(action)
        return
    if isinstance(widget, QAbstractButton):
        if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
            action = widget.defaultAction()
            polish_action(action)
            if _needs_tooltip(widget, plain(action.text())):
                _set_auto_tooltip(widget, action.toolTip())
        else:
            text = (plain(widget.text()) or buddies.get(widget, "") or _qt_part_name(widget.objectName())
                    or humanise(widget.objectName()))
            if text and _needs_tooltip(widget, text):
                shortcut = widget.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                _set_auto_tooltip(widget, _with_shortcut(text, shortcut))
    if not (_is_focusable(widget) or isinstance(widget, QAbstractButton)):  # buttons: clickable all the same
        return
    if not accessible_name(widget):
        name = _name_for(widget, buddies)
        if name:
            widget.setAccessibleName(name)
    is_input = isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox)
    if is_input and _needs_tooltip(widget) and accessible_name(widget):
        _set_auto_tooltip(widget, accessible_name(widget))


def polish(root: QWidget) -> None:
    """Fill in missing tooltips and accessible names on root, its children and their actions."""
    buddies = _buddies(root)
    for action in root.actions():
        polish_action(action)
    polish_widget(root, buddies)
    for widget in root.findChildren(QWidget):
        for action in widget.actions():
            polish_action(action)
        polish_widget(widget, buddies)
    for action in root.findChildren(QAction):
        polish_action(action)


class DialogPolisher(QObject):
    """Application-wide event filter: polish every dialog as it is shown (dialogs are built on demand)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            polish(watched)
        return False


def install_dialog_polisher(app) -> DialogPolisher:
    existing = getattr(app, "_livedesk_dialog_polisher", None)
    if existing is not None:
        return existing
    polisher = DialogPolisher(app)
    app.installEventFilter(polisher)
    app._livedesk_dialog_polisher = polisher  # keep a Python reference for the app's lifetime
    return polisher
