"""A week or month calendar of streams, painted directly (fast, no widget per chip)."""

from __future__ import annotations

import calendar
import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from livedesk.services.schedule import StreamData
from livedesk.ui import formatting, theme
from livedesk.ui.labels import platform_label, status_label


class CalendarView(QWidget):
    stream_selected = Signal(int)
    stream_activated = Signal(int)
    day_activated = Signal(object)  # a date: create a stream on it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("calendar")
        self.mode = "month"
        self.anchor = dt.date.today()
        self.streams: list[StreamData] = []
        self.conflicted: set[int] = set()
        self.selected_id: int | None = None
        self._hits: list[tuple[QRectF, int]] = []
        self._day_rects: list[tuple[QRectF, dt.date]] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, 600)

    def set_streams(self, streams: list[StreamData], conflicted: set[int]) -> None:
        self.streams = streams
        self.conflicted = conflicted
        self.update()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.update()

    def step(self, direction: int) -> None:
        if self.mode == "week":
            self.anchor += dt.timedelta(days=7 * direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = dt.date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.update()

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        self.update()

    def days(self) -> list[dt.date]:
        if self.mode == "week":
            monday = self.anchor - dt.timedelta(days=self.anchor.weekday())
            return [monday + dt.timedelta(days=i) for i in range(7)]
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(self.anchor.year, self.anchor.month)
        return [day for week in weeks for day in week]

    def period_title(self) -> str:
        days = self.days()
        if self.mode == "week":
            return f"{days[0]:%Y-%m-%d} – {days[-1]:%m-%d}"
        return f"{self.anchor:%Y-%m}"

    def streams_on(self, day: dt.date) -> list[StreamData]:
        return sorted((s for s in self.streams if s.start_at.astimezone().date() == day), key=lambda s: s.start_at)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        days = self.days()
        columns = 7
        rows = max(1, len(days) // 7)
        header = 26.0
        width = self.width() / columns
        height = (self.height() - header) / rows
        self._hits.clear()
        self._day_rects.clear()
        small = QFont(self.font())
        small.setPointSizeF(max(8.0, self.font().pointSizeF() - 1))
        names = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"), self.tr("Sun")]
        painter.setPen(palette.color(palette.ColorRole.WindowText))
        for i, name in enumerate(names):
            painter.drawText(QRectF(i * width, 0, width, header), Qt.AlignmentFlag.AlignCenter, name)
        today = dt.date.today()
        line_height = QFontMetrics(small).height() + 6
        for index, day in enumerate(days):
            rect = QRectF((index % 7) * width, header + (index // 7) * height, width, height).adjusted(1, 1, -1, -1)
            self._day_rects.append((rect, day))
            in_period = self.mode == "week" or day.month == self.anchor.month
            base = palette.color(palette.ColorRole.Base)
            painter.fillRect(rect, base if in_period else palette.color(palette.ColorRole.AlternateBase))
            painter.setPen(QPen(palette.color(palette.ColorRole.Mid), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)  # not the last chip's tint
            painter.drawRect(rect)
            painter.setFont(self.font())
            label_rect = QRectF(rect.left() + 6, rect.top() + 2, rect.width() - 12, 20)
            if day == today:
                painter.setPen(theme.color("info"))
                bold = QFont(self.font())
                bold.setBold(True)
                painter.setFont(bold)
            else:
                painter.setPen(palette.color(palette.ColorRole.WindowText if in_period else palette.ColorRole.PlaceholderText))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
            painter.setFont(small)
            y = rect.top() + 24
            for stream in self.streams_on(day):
                if y + line_height > rect.bottom():
                    painter.setPen(palette.color(palette.ColorRole.PlaceholderText))
                    painter.drawText(QRectF(rect.left() + 6, y - 4, rect.width() - 12, 16), "…")
                    break
                self._paint_chip(painter, QRectF(rect.left() + 4, y, rect.width() - 8, line_height - 2), stream)
                y += line_height + (line_height if self.mode == "week" else 0)
        painter.end()

    def _paint_chip(self, painter: QPainter, rect: QRectF, stream: StreamData) -> None:
        colour = theme.status_colour(stream.status)
        fill = QColor(colour)
        fill.setAlpha(40)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 4, 4)
        painter.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), colour)
        if stream.id in self.conflicted:
            painter.setPen(QPen(theme.color("bad"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 4, 4)
        if stream.id == self.selected_id:
            painter.setPen(QPen(self.palette().color(self.palette().ColorRole.Highlight), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 4, 4)
        painter.setPen(self.palette().color(self.palette().ColorRole.WindowText))
        start = stream.start_at.astimezone()
        text = f"{start:%H:%M} {stream.title}"
        if self.mode == "week":
            text += f"\n{platform_label(stream.platform)} · {status_label(stream.status)}"
            rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 2)
        metrics = QFontMetrics(painter.font())
        lines = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, int(rect.width() - 12)) for line in text.split("\n")]
        painter.drawText(rect.adjusted(8, 0, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "\n".join(lines))
        self._hits.append((rect, stream.id))  # type: ignore[arg-type]

    def stream_at(self, point: QPointF) -> int | None:
        for rect, stream_id in self._hits:
            if rect.contains(point):
                return stream_id
        return None

    def day_at(self, point: QPointF) -> dt.date | None:
        for rect, day in self._day_rects:
            if rect.contains(point):
                return day
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        stream_id = self.stream_at(event.position())
        if stream_id is not None:
            self.selected_id = stream_id
            self.stream_selected.emit(stream_id)
            self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        stream_id = self.stream_at(event.position())
        if stream_id is not None:
            self.stream_activated.emit(stream_id)
            return
        day = self.day_at(event.position())
        if day is not None:
            self.day_activated.emit(day)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        stream_id = self.stream_at(event.position())
        if stream_id is None:
            self.setToolTip("")
            return
        stream = next(s for s in self.streams if s.id == stream_id)
        start = stream.start_at.astimezone()
        self.setToolTip(
            f"{stream.title}\n{start:%Y-%m-%d %H:%M} · {formatting.minutes(stream.planned_minutes)}\n"
            f"{platform_label(stream.platform)} · {stream.account} · {status_label(stream.status)}"
        )
