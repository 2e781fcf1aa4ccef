"""TimelineView: the script as blocks on a time ruler across the stream's slot.

Drag a block to move it (snapped to 30 s), Shift+drag to move it in the running order (the
times are packed), drag its right edge to resize (snapped to 30 s), Ctrl+wheel or the tab's
buttons to zoom. Gaps are hatched grey, overlaps hatched red, a run past the slot is red.
It draws the rows of a SegmentTableModel and asks the tab to save through signals.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from livedesk.services import timeline
from livedesk.ui import theme
from livedesk.ui.script.labels import mmss, segment_kind_label
from livedesk.ui.script.table_model import SegmentTableModel

LEFT = 12
RULER_H = 28
LANE_H = 58
LANE_GAP = 6
ISSUE_H = 18
EDGE = 6  # pixels at a block's right edge that resize it
SNAP = 30
MIN_PPS, MAX_PPS = 0.02, 2.0
TICKS = [30, 60, 120, 300, 600, 900, 1800, 3600]


class TimelineView(QWidget):
    segment_clicked = Signal(int)
    segment_activated = Signal(int)  # double-click
    # A drag's result, with the layout the drag began from ([(segment id, start, duration)] in running order,
    # as shown at mouse-down): the tab checks the save against it, even if the window reloaded meanwhile.
    times_changed = Signal(list, list)  # [(segment id, start, duration)] for every segment of the layout; layout
    reorder_requested = Signal(int, int, list)  # segment id, new position in the layout's order; layout
    zoom_changed = Signal(float)

    def __init__(self, model: SegmentTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.model = model
        self.px_per_second = 0.12
        self.selected_id: int | None = None
        self.issues: list[timeline.TimelineIssue] = []
        self._preview: list[tuple[float, float]] | None = None
        self._drag: dict | None = None
        self._lanes: list[int] = []
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        model.rows_changed.connect(self.refresh)
        model.modelReset.connect(self.refresh)
        self.refresh()

    # --- geometry -----------------------------------------------------------------------------------

    def spans(self) -> list[tuple[float, float]]:
        if self._preview is not None and len(self._preview) == self.model.rowCount():  # not while a reload
            return self._preview  # during a drag changed the number of segments
        return [(float(r.start_seconds), float(r.duration_seconds)) for r in self.model.rows()]

    def extent_seconds(self) -> float:
        end = max((s + d for s, d in self.spans()), default=0.0)
        return max(end, float(self.model.slot_seconds or 0), 600.0)

    def x_for(self, seconds: float) -> float:
        return LEFT + seconds * self.px_per_second

    def seconds_at(self, x: float) -> float:
        return (x - LEFT) / self.px_per_second

    def _compute_lanes(self) -> None:
        spans = self.spans()
        order = sorted(range(len(spans)), key=lambda i: (spans[i][0], i))
        ends: list[float] = []
        lanes = [0] * len(spans)
        for i in order:
            start, duration = spans[i]
            for lane, end in enumerate(ends):
                if end <= start + 1e-6:
                    lanes[i] = lane
                    ends[lane] = start + duration
                    break
            else:
                lanes[i] = len(ends)
                ends.append(start + duration)
        self._lanes = lanes

    def lane_count(self) -> int:
        return max(self._lanes, default=0) + 1

    def _lanes_top(self) -> float:
        return RULER_H + 4

    def block_rect(self, segment_id: int) -> QRectF:
        """Where the segment's block is drawn (empty when it has none)."""
        row = self.model.row_of(segment_id)
        if row < 0:
            return QRectF()
        return self._rect(row)

    def _rect(self, i: int) -> QRectF:
        start, duration = self.spans()[i]
        lane = self._lanes[i] if i < len(self._lanes) else 0
        y = self._lanes_top() + lane * (LANE_H + LANE_GAP)
        return QRectF(self.x_for(start), y, max(3.0, duration * self.px_per_second), LANE_H)

    def _issues_top(self) -> float:
        return self._lanes_top() + self.lane_count() * (LANE_H + LANE_GAP)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = int(self.x_for(self.extent_seconds()) + LEFT + 60)
        height = int(self._issues_top() + ISSUE_H + 8)
        return QSize(width, height)

    def refresh(self) -> None:
        spans = self.spans()
        self.issues = timeline.Plan(spans, self.model.slot_seconds).issues() if spans else []
        self._compute_lanes()
        self.setFixedSize(self.sizeHint())
        self.update()

    # --- zoom ------------------------------------------------------------------------------------------

    def set_zoom(self, px_per_second: float) -> None:
        self.px_per_second = min(MAX_PPS, max(MIN_PPS, px_per_second))
        self.refresh()
        self.zoom_changed.emit(self.px_per_second)

    def zoom_in(self) -> None:
        self.set_zoom(self.px_per_second * 1.25)

    def zoom_out(self) -> None:
        self.set_zoom(self.px_per_second / 1.25)

    def fit_width(self, width: int) -> None:
        self.set_zoom((width - 2 * LEFT - 60) / self.extent_seconds())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            event.accept()
        else:
            event.ignore()

    # --- mouse -----------------------------------------------------------------------------------------

    def index_at(self, pos: QPointF) -> int:
        for i in reversed(range(len(self.spans()))):
            if self._rect(i).contains(pos):
                return i
        return -1

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        i = self.index_at(pos)
        if i < 0:
            return
        rect = self._rect(i)
        mode = "resize" if pos.x() >= rect.right() - EDGE else "move"
        if mode == "move" and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            mode = "reorder"
        row = self.model.row_at(i)
        self.selected_id = row.id
        seen = [(r.id, r.start_seconds, r.duration_seconds) for r in self.model.rows()]  # should the model reload
        self._drag = {"index": i, "mode": mode, "x": pos.x(), "spans": self.spans(), "moved": False, "seen": seen}
        self.segment_clicked.emit(row.id)  # may save the host lines typed, even ask about a teammate's
        if not QApplication.mouseButtons() & Qt.MouseButton.LeftButton:  # a question took the release: no drag
            self._drag = None
        else:  # until the release: the change watcher does not reload the window under a drag (mouseGrabber)
            self.grabMouse()
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        if self._drag is None:
            i = self.index_at(pos)
            on_edge = i >= 0 and pos.x() >= self._rect(i).right() - EDGE
            self.setCursor(Qt.CursorShape.SizeHorCursor if on_edge else Qt.CursorShape.ArrowCursor)
            return
        drag = self._drag
        delta = (pos.x() - drag["x"]) / self.px_per_second
        if abs(pos.x() - drag["x"]) >= 2:
            drag["moved"] = True
        i, spans = drag["index"], drag["spans"]
        start, duration = spans[i]
        if drag["mode"] == "resize":
            self._preview = timeline.resize_segment(spans, i, duration + delta, snap=SNAP)
        elif drag["mode"] == "reorder":
            self._preview = timeline.move_segment(spans, i, start + delta, snap=None)
        else:
            self._preview = timeline.move_segment(spans, i, start + delta, snap=SNAP)
        self.refresh()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if QWidget.mouseGrabber() is self:
            self.releaseMouse()  # before saving: a conflict question may open
        drag, preview = self._drag, self._preview
        self._drag, self._preview = None, None
        if drag is None:
            return
        self.refresh()
        if preview is None or not drag["moved"]:
            return
        i, seen = drag["index"], drag["seen"]
        if drag["mode"] == "reorder":
            start, duration = preview[i]
            centre = start + duration / 2
            others = [s + d / 2 for j, (s, d) in enumerate(drag["spans"]) if j != i]
            new_position = sum(1 for c in others if c < centre)
            if new_position != i:
                self.reorder_requested.emit(seen[i][0], new_position, seen)
            return
        spans = [(int(round(s)), int(round(d))) for s, d in preview]
        if spans != [(int(s), int(d)) for s, d in drag["spans"]]:
            self.times_changed.emit([(segment, s, d) for (segment, _, _), (s, d) in zip(seen, spans, strict=True)],
                                    seen)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        i = self.index_at(event.position())
        if i >= 0:
            self.segment_activated.emit(self.model.row_at(i).id)

    def select(self, segment_id: int | None) -> None:
        if segment_id != self.selected_id:
            self.selected_id = segment_id
            self.update()

    # --- painting ----------------------------------------------------------------------------------------

    def _tick_step(self, minimum_px: float) -> int:
        for step in TICKS:
            if step * self.px_per_second >= minimum_px:
                return step
        return TICKS[-1]

    def _label(self, seconds: float) -> str:
        start: dt.datetime | None = self.model.stream_start
        if start is not None:
            return (start + dt.timedelta(seconds=seconds)).astimezone().strftime("%H:%M")
        return timeline.clock(seconds)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        p.fillRect(self.rect(), palette.base())
        extent = self.extent_seconds()
        slot = self.model.slot_seconds
        lanes_top = self._lanes_top()
        lanes_bottom = self._issues_top()
        # the slot and what lies beyond it
        if slot:
            p.fillRect(QRectF(self.x_for(0), lanes_top, slot * self.px_per_second, lanes_bottom - lanes_top),
                       QColor(128, 128, 128, 18))
        # ruler
        text_colour = palette.text().color()
        p.setPen(QPen(QColor(text_colour.red(), text_colour.green(), text_colour.blue(), 110)))
        minor = self._tick_step(8)
        major = self._tick_step(70)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        p.setFont(small)
        t = 0
        while t <= extent + 1:
            x = self.x_for(t)
            is_major = t % major == 0
            p.drawLine(QPointF(x, RULER_H - (10 if is_major else 4)), QPointF(x, RULER_H))
            if is_major:
                p.drawText(QPointF(x + 3, RULER_H - 12), self._label(t))
                p.save()
                p.setPen(QPen(QColor(128, 128, 128, 40)))
                p.drawLine(QPointF(x, lanes_top), QPointF(x, lanes_bottom))
                p.restore()
            t += minor
        p.drawLine(QPointF(LEFT, RULER_H), QPointF(self.x_for(extent), RULER_H))
        # issues: drawn behind the blocks across every lane, and labelled in the strip below
        issue_font = QFont(small)
        for issue in self.issues:
            x0, x1 = self.x_for(issue.start), self.x_for(issue.end)
            area = QRectF(x0, lanes_top, max(2.0, x1 - x0), lanes_bottom - lanes_top - LANE_GAP)
            strip = QRectF(x0, lanes_bottom, max(2.0, x1 - x0), ISSUE_H)
            if issue.kind == "gap":
                p.fillRect(area, QBrush(theme.color("muted", 150), Qt.BrushStyle.BDiagPattern))
                text = self.tr("gap {0}").format(mmss(int(issue.seconds)))
            elif issue.kind == "overlap":
                p.fillRect(area, theme.color("bad", 40))
                p.fillRect(area, QBrush(theme.color("bad", 200), Qt.BrushStyle.DiagCrossPattern))
                text = self.tr("overlap {0}").format(mmss(int(issue.seconds)))
            else:
                p.fillRect(area, theme.color("bad", 55))
                text = self.tr("over the slot by {0}").format(mmss(int(issue.seconds)))
            p.fillRect(strip, theme.color("neutral_bg" if issue.kind == "gap" else "bad_bg"))
            p.setPen(theme.color("neutral_fg" if issue.kind == "gap" else "bad_fg"))
            p.setFont(issue_font)
            p.drawText(strip.adjusted(3, 0, 200, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        # blocks
        title_font = QFont(self.font())
        title_font.setBold(True)
        rows = self.model.rows()
        for i, row in enumerate(rows):
            rect = self._rect(i)
            colour = theme.kind_colour(row.kind)  # opaque: its white text stays readable
            selected = row.id == self.selected_id
            p.setBrush(colour)
            edge = colour.lighter(150) if theme.is_dark() else colour.darker(140)
            p.setPen(QPen(text_colour if selected else edge, 2.5 if selected else 1))
            p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            if self.model.flagged.get(row.id):
                p.setPen(QPen(theme.color("bad"), 2))
                p.drawLine(rect.bottomLeft() + QPointF(2, -2), rect.bottomRight() + QPointF(-2, -2))
            # resize handle
            p.setPen(QPen(QColor(255, 255, 255, 160), 1))
            hx = rect.right() - 3
            p.drawLine(QPointF(hx, rect.top() + 16), QPointF(hx, rect.bottom() - 16))
            inner = rect.adjusted(5, 3, -6, -3)
            if inner.width() < 14:
                continue
            p.setPen(theme.color("block_text"))
            p.setFont(title_font)
            fm = QFontMetrics(title_font)
            flag = "⚠ " if self.model.flagged.get(row.id) else ""
            p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                       fm.elidedText(flag + (row.title or segment_kind_label(row.kind)), Qt.TextElideMode.ElideRight,
                                     int(inner.width())))
            p.setFont(small)
            fm2 = QFontMetrics(small)
            second = self.model.product_text(row) or segment_kind_label(row.kind)
            p.drawText(inner.adjusted(0, fm.height() + 1, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                       fm2.elidedText(second, Qt.TextElideMode.ElideRight, int(inner.width())))
            span = self.spans()[i]
            p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                       fm2.elidedText(mmss(int(span[1])), Qt.TextElideMode.ElideRight, int(inner.width())))
        # the end of the slot
        if slot:
            x = self.x_for(slot)
            p.setPen(QPen(theme.color("bad") if any(i.kind == "over_slot" for i in self.issues) else text_colour,
                          1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, RULER_H - 14), QPointF(x, lanes_bottom + ISSUE_H))
            p.setFont(small)
            p.drawText(QPointF(x + 3, lanes_bottom + ISSUE_H - 4), self.tr("slot end"))
        p.end()
