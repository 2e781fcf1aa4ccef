"""Small painted widgets of the live tab: sparklines, the host view, the incident entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTime, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from livedesk.services import live as live_service
from livedesk.ui import theme
from livedesk.ui.colours import HOST_VIEW
from livedesk.ui.labels import incident_kind_label


class Sparkline(QWidget):
    """A tiny trend line (QPainter, no axes): the last values, the latest one dotted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.values: list[float] = []
        self.setFixedSize(90, 22)

    def set_values(self, values: Sequence[float | None]) -> None:
        clean = [float(v) for v in values if v is not None][-24:]
        if clean != self.values:
            self.values = clean
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(90, 22)

    def paintEvent(self, _event) -> None:  # noqa: N802
        if len(self.values) < 2:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        low, high = min(self.values), max(self.values)
        span = (high - low) or 1.0
        w, h = self.width() - 4, self.height() - 4
        step = w / (len(self.values) - 1)
        points = [QPointF(2 + i * step, 2 + h - (v - low) / span * h) for i, v in enumerate(self.values)]
        path = QPainterPath(points[0])
        for p in points[1:]:
            path.lineTo(p)
        accent = theme.color("accent")
        painter.setPen(QPen(accent, 1.5))
        painter.drawPath(path)
        painter.setBrush(accent)
        painter.drawEllipse(points[-1], 2.2, 2.2)
        painter.end()


BLINKS = 10  # phases a new message blinks for (about five seconds), then it stays on


class HostView(QWidget):
    """The host's prompter: a frameless full-screen window painted by hand (so it can be mirrored)."""

    closed = Signal()  # Esc or the console's button: the console's "Close host view" button follows

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("hostView")
        self.setWindowTitle(self.tr("Host view"))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.mirrored = False
        self.content: tuple = ("", "", "", "", "idle")
        self.message = ""
        self.message_visible = True
        self.blinks_left = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Esc closes it (keyPressEvent)

    def open_on(self, screen) -> None:
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def set_mirrored(self, mirrored: bool) -> None:
        if mirrored != self.mirrored:
            self.mirrored = mirrored
            self.update()

    def set_content(self, title: str, countdown: str, lines: str, next_title: str, state: str) -> None:
        """state: normal, warning, overtime, held or idle. Repaints only when something changed."""
        content = (title, countdown, lines, next_title, state)
        if content != self.content:
            self.content = content
            self.update()

    def set_message(self, message: str) -> None:
        """A new message blinks for a few seconds to catch the host's eye, then stays on until cleared."""
        if message != self.message:
            self.blinks_left = BLINKS if message else 0
        self.message = message
        self.message_visible = True
        self.update()

    def blink(self) -> None:
        if self.message and self.blinks_left > 0:
            self.blinks_left -= 1
            self.message_visible = not self.message_visible if self.blinks_left else True
            self.update()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        super().closeEvent(event)
        self.closed.emit()

    def paintEvent(self, _event) -> None:  # noqa: N802
        title, countdown, lines, next_title, state = self.content
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(HOST_VIEW["background"]))  # black in either theme
        if self.mirrored:  # prompter glass shows the screen reversed
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        w, h = self.width(), self.height()
        margin = w * 0.04
        colour = HOST_VIEW[state] if state in ("warning", "overtime", "held") else HOST_VIEW["normal"]

        def font(size: float, bold: bool = False) -> QFont:
            f = QFont()
            f.setPixelSize(max(8, int(size)))
            f.setBold(bold)
            return f

        painter.setPen(QColor(HOST_VIEW["title"]))
        painter.setFont(font(h * 0.07, True))
        painter.drawText(QRectF(margin, h * 0.03, w - 2 * margin, h * 0.1), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setPen(QColor(colour))
        painter.setFont(font(h * 0.26, True))
        painter.drawText(QRectF(margin, h * 0.12, w - 2 * margin, h * 0.3), Qt.AlignmentFlag.AlignCenter, countdown)
        painter.setPen(QColor(HOST_VIEW["lines"]))
        painter.setFont(font(h * 0.045))
        painter.drawText(QRectF(margin, h * 0.44, w - 2 * margin, h * 0.36),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, lines)
        painter.setPen(QColor(HOST_VIEW["next"]))
        painter.setFont(font(h * 0.04))
        painter.drawText(QRectF(margin, h * 0.82, w - 2 * margin, h * 0.07), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         (self.tr("Next: {0}").format(next_title)) if next_title else "")
        if self.message and self.message_visible:
            box = QRectF(margin, h * 0.895, w - 2 * margin, h * 0.09)
            painter.fillRect(box, QColor(HOST_VIEW["message_bg"]))
            painter.setPen(QColor(HOST_VIEW["message_fg"]))
            painter.setFont(font(h * 0.05, True))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.message)
        painter.end()


kind_label = incident_kind_label  # shared with the review charts


class IncidentDialog(QDialog):
    """Time pre-filled, type, note, who handled it; the prepared lines (应急话术) for the type, editable."""

    def __init__(self, at: dt.datetime, people: Sequence[str], lines_for: Callable[[str], list[str]],
                 save_lines: Callable[[str, list[str]], None], default_person: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incidentDialog")
        self.setWindowTitle(self.tr("Log an incident"))
        self.lines_for = lines_for
        self.save_lines = save_lines
        self.base_at = at
        layout = QVBoxLayout(self)
        form = QFormLayout()
        local = at.astimezone()
        self.time_edit = QTimeEdit(QTime(local.hour, local.minute, local.second))
        self.time_edit.setObjectName("incidentTime")
        self.time_edit.setDisplayFormat("HH:mm:ss")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("incidentKind")
        for kind in live_service.INCIDENT_KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("incidentNote")
        self.note_edit.setPlaceholderText(self.tr("What happened and what was done"))
        self.handled_combo = QComboBox()
        self.handled_combo.setObjectName("incidentHandledBy")
        self.handled_combo.setEditable(True)
        self.handled_combo.addItems(list(people))
        if default_person:
            self.handled_combo.setCurrentText(default_person)
        form.addRow(self.tr("Time"), self.time_edit)
        form.addRow(self.tr("Type"), self.kind_combo)
        form.addRow(self.tr("Note"), self.note_edit)
        form.addRow(self.tr("Handled by"), self.handled_combo)
        layout.addLayout(form)
        head = QHBoxLayout()
        head.addWidget(QLabel("<b>" + self.tr("Prepared lines (应急话术)") + "</b>"))
        head.addStretch(1)
        self.edit_lines_button = QPushButton(self.tr("Edit lines"))
        self.edit_lines_button.setObjectName("editLines")
        self.edit_lines_button.setCheckable(True)
        self.edit_lines_button.toggled.connect(self._edit_toggled)
        head.addWidget(self.edit_lines_button)
        layout.addLayout(head)
        self.lines_view = QPlainTextEdit()
        self.lines_view.setObjectName("responseLines")
        self.lines_view.setReadOnly(True)
        self.lines_view.setMinimumHeight(130)
        self.lines_view.setStyleSheet("font-size: 15px;")
        layout.addWidget(self.lines_view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind_combo.currentIndexChanged.connect(self._show_lines)
        self._show_lines()
        self.kind_combo.setFocus()
        self.resize(560, 420)

    def _show_lines(self) -> None:
        if self.edit_lines_button.isChecked():
            self.edit_lines_button.setChecked(False)
        self.lines_view.setPlainText("\n".join(self.lines_for(self.kind())))

    def _edit_toggled(self, editing: bool) -> None:
        self.lines_view.setReadOnly(not editing)
        self.edit_lines_button.setText(self.tr("Save lines") if editing else self.tr("Edit lines"))
        if editing:
            self.lines_view.setFocus()
        else:
            self.save_lines(self.kind(), self.lines_view.toPlainText().splitlines())

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))

    def values(self) -> tuple[str, dt.datetime, str, str]:
        """(kind, when, note, handled by): the time edited on the day the dialog opened."""
        t = self.time_edit.time()
        local = self.base_at.astimezone()
        when = local.replace(hour=t.hour(), minute=t.minute(), second=t.second(), microsecond=0)
        return self.kind(), when, self.note_edit.text(), self.handled_combo.currentText()
