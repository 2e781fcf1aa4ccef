"""The review curves: stacked pyqtgraph plots on a clock-time axis, with the script's segments laid over."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from livedesk.services.review_views import ChartData, cumulative
from livedesk.ui import formatting, theme
from livedesk.ui.colours import LIGHT
from livedesk.ui.labels import incident_kind_label

BAND_COLOURS = dict(LIGHT.band)  # paper (the PDF report) is always light; on screen: theme.band_colour()


def _t(text: str) -> str:
    return QCoreApplication.translate("ReviewCharts", text)


class SegmentBands(pg.GraphicsObject):
    """The script's segments as translucent vertical bands across a plot, painted as one item."""

    movable = False  # like a fixed region: the user cannot drag it

    def __init__(self, spans: list[tuple[float, float, QColor]]):
        super().__init__()
        self.spans = spans
        self.setZValue(-10)

    def boundingRect(self) -> QRectF:  # noqa: N802
        view = self.getViewBox()
        if view is None or not self.spans:
            return QRectF()
        (_x0, _x1), (y0, y1) = view.viewRange()
        left = min(a for a, _b, _c in self.spans)
        right = max(b for _a, b, _c in self.spans)
        return QRectF(left, y0, right - left, y1 - y0)

    def viewRangeChanged(self) -> None:  # noqa: N802 - pyqtgraph hook: the bands span the visible height
        self.prepareGeometryChange()

    def paint(self, painter, *_args) -> None:
        view = self.getViewBox()
        if view is None:
            return
        (x0, x1), (y0, y1) = view.viewRange()
        painter.setPen(Qt.PenStyle.NoPen)
        for start, end, colour in self.spans:
            if end < x0 or start > x1:
                continue
            painter.fillRect(QRectF(start, y0, end - start, y1 - y0), colour)


class ClockAxis(pg.AxisItem):
    """Minutes from the stream's start, written as local clock times (19:30, 19:45 …)."""

    def __init__(self, start: dt.datetime | None = None, **kwargs):
        super().__init__(orientation="bottom", **kwargs)
        self.start = start

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (Qt naming)
        if self.start is None:
            return [f"{v:g}" for v in values]
        base = formatting.local(self.start)
        out = []
        for v in values:
            if not math.isfinite(v):
                out.append("")
                continue
            stamp = base + dt.timedelta(minutes=float(v))
            out.append(stamp.strftime("%H:%M:%S") if spacing < 1 else stamp.strftime("%H:%M"))
        return out


# (key, title, [(series, label)], cumulative?)
PLOTS: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("online", QT_TRANSLATE_NOOP("ReviewCharts", "Online viewers"), [("online", QT_TRANSLATE_NOOP("ReviewCharts", "Online"))]),
    ("traffic", QT_TRANSLATE_NOOP("ReviewCharts", "Entries and leaves"), [("entries", QT_TRANSLATE_NOOP("ReviewCharts", "Entries")), ("leaves", QT_TRANSLATE_NOOP("ReviewCharts", "Leaves"))]),
    ("gmv", QT_TRANSLATE_NOOP("ReviewCharts", "GMV per minute"), [("gmv", QT_TRANSLATE_NOOP("ReviewCharts", "GMV"))]),
    ("gmv_total", QT_TRANSLATE_NOOP("ReviewCharts", "Cumulative GMV"), [("gmv_total", QT_TRANSLATE_NOOP("ReviewCharts", "Cumulative GMV"))]),
    ("orders", QT_TRANSLATE_NOOP("ReviewCharts", "Orders"), [("orders", QT_TRANSLATE_NOOP("ReviewCharts", "Orders"))]),
    ("comments", QT_TRANSLATE_NOOP("ReviewCharts", "Comments"), [("comments", QT_TRANSLATE_NOOP("ReviewCharts", "Comments"))]),
    ("followers", QT_TRANSLATE_NOOP("ReviewCharts", "New followers"), [("new_followers", QT_TRANSLATE_NOOP("ReviewCharts", "New followers")), ("fan_club_joins", QT_TRANSLATE_NOOP("ReviewCharts", "Fan-club joins"))]),
]


class ReviewCharts(QWidget):
    """A column of plots with linked X, segment bands, incident markers, a crosshair and an overlay curve."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data: ChartData | None = None
        self.plots: dict[str, pg.PlotWidget] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.bands: list[SegmentBands] = []
        self.band_labels: list[pg.TextItem] = []
        self.markers: list[pg.InfiniteLine] = []
        self.crosshairs: list[pg.InfiniteLine] = []
        self.overlay_curve: pg.PlotDataItem | None = None
        self._series: dict[str, list[float | None]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.readout = QLabel(" ")
        self.readout.setObjectName("chartReadout")
        self.readout.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.readout)
        self.logged_note = QLabel(QCoreApplication.translate(
            "ReviewCharts", "Logged during the stream: the numbers typed from the dashboard every few minutes "
            "(GMV as a running total). Import the platform's per-minute export for the full curve."))
        self.logged_note.setObjectName("loggedCurveNote")
        self.logged_note.setWordWrap(True)
        theme.set_style(self.logged_note, "color: $warn_fg; background: $warn_bg; padding: 3px 6px;")
        self.logged_note.hide()
        layout.addWidget(self.logged_note)
        self.logged = False
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.canvas = QWidget()
        self.canvas.setObjectName("chartCanvas")
        column = QVBoxLayout(self.canvas)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        first: pg.PlotWidget | None = None
        for key, title, series in PLOTS:
            axis = ClockAxis()
            widget = pg.PlotWidget(axisItems={"bottom": axis})
            widget.setObjectName(f"plot_{key}")
            widget.setMinimumHeight(170)
            item = widget.getPlotItem()
            item.setTitle(_t(title), size="9pt")
            item.showGrid(x=False, y=True, alpha=0.12)  # vertical grid lines doubled the cost of each frame
            # Grid lines at the labelled ticks only: the two finer levels of nearly invisible lines across
            # every plot were most of each frame's cost (and the first paint's).
            item.getAxis("left").setStyle(maxTickLevel=0)
            item.setDownsampling(auto=True, mode="peak")
            item.setClipToView(True)
            item.setMenuEnabled(False)
            if len(series) > 1:
                item.addLegend(offset=(10, 5))
            for i, (name, label) in enumerate(series):
                # A cosmetic 1-px pen: wider pens make Qt stroke every segment, far slower on long curves.
                curve = item.plot([], [], pen=pg.mkPen(theme.series_colour(i), width=1), name=_t(label))
                curve.series_index = i
                self.curves[name] = curve
            line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(theme.color("axis"), style=Qt.PenStyle.DotLine))
            line.setVisible(False)
            item.addItem(line, ignoreBounds=True)
            self.crosshairs.append(line)
            theme.style_plot(widget)  # the palette's base and text, not pyqtgraph's black or a hard white
            if first is None:
                first = widget
            else:
                widget.setXLink(first)
            widget.scene().sigMouseMoved.connect(lambda pos, w=widget: self._mouse_moved(w, pos))
            self.plots[key] = widget
            column.addWidget(widget)
        self.plots["online"].getPlotItem().getViewBox().sigXRangeChanged.connect(self._fit_band_labels)
        self.plots["online"].getPlotItem().getViewBox().sigResized.connect(self._fit_band_labels)
        scroll.setWidget(self.canvas)
        layout.addWidget(scroll, 1)
        theme.notifier().changed.connect(self._theme_changed)

    def _theme_changed(self) -> None:
        """Light or dark: the plots follow by themselves (theme.style_plot); the lines and overlays here."""
        for curve in self.curves.values():
            curve.setPen(pg.mkPen(theme.series_colour(curve.series_index), width=1))
        for line in self.crosshairs:
            line.setPen(pg.mkPen(theme.color("axis"), style=Qt.PenStyle.DotLine))
        if self.overlay_curve is not None:
            self.overlay_curve.setPen(pg.mkPen(theme.color("overlay"), width=1.2, style=Qt.PenStyle.DashLine))
        if self.data is not None:
            self._draw_overlays(self.data)

    # --- data -------------------------------------------------------------------------------------------

    def set_data(self, data: ChartData, logged: bool = False) -> None:
        """logged: the points are the numbers typed during the stream (sparse, drawn with dots, and said so)."""
        self.data = data
        self.logged = logged
        self.logged_note.setVisible(logged)
        for widget in self.plots.values():
            axis = widget.getPlotItem().getAxis("bottom")
            axis.start = data.start_at
            axis.picture = None
            axis.update()
        self._series = dict(data.series)
        if "gmv_total" not in data.series:  # typed numbers are running totals already
            self._series["gmv_total"] = cumulative(data.series.get("gmv", []))
        for name, curve in self.curves.items():
            values = self._series.get(name) or []
            xs, ys = _present(data.minutes, values)
            curve.setData(xs, ys)
            if logged:
                curve.setSymbol("o")
                curve.setSymbolSize(6)
                curve.setSymbolBrush(theme.series_colour(curve.series_index))
            else:
                curve.setSymbol(None)
        self._draw_overlays(data)
        self.set_overlay(None)
        for widget in self.plots.values():
            widget.getPlotItem().enableAutoRange()

    def _draw_overlays(self, data: ChartData) -> None:
        for item in self.bands + self.band_labels + self.markers:
            vb = item.getViewBox()
            if vb is not None:
                vb.removeItem(item)
        self.bands, self.band_labels, self.markers = [], [], []
        top = self.plots["online"].getPlotItem()
        spans = []
        for band in data.segments:
            colour = theme.band_colour(band.kind)
            spans.append((band.start_minute, band.start_minute + band.minutes, colour))
        for widget in self.plots.values():
            # One item paints every band of a plot: hundreds of region items made each frame slow.
            bands = SegmentBands(spans)
            widget.getPlotItem().addItem(bands, ignoreBounds=True)
            self.bands.append(bands)
        label_y = max((v for v in self._series.get("online", []) if v), default=0)
        for band in data.segments:
            label = pg.TextItem(band.title, color=theme.color("muted"), anchor=(0, 0))
            label.setFont(_small_font())
            top.addItem(label, ignoreBounds=True)
            label.setPos(band.start_minute, label_y)
            label.band_minutes = band.minutes
            self.band_labels.append(label)
        for marker in data.markers:
            is_link = marker.kind.startswith("link_")
            if is_link:
                # Link changes are many (two per product): a faint tick on the online chart, details on hover.
                text = QCoreApplication.translate("ReviewCharts", "Link up") if marker.kind == "link_up" else QCoreApplication.translate("ReviewCharts", "Link down")
                colour = theme.color("good" if marker.kind == "link_up" else "muted", 110)
                line = pg.InfiniteLine(pos=marker.minute, angle=90, movable=False, pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DotLine))
                line.setToolTip(f"{text} {marker.label}".strip())
                top.addItem(line, ignoreBounds=True)
                self.markers.append(line)
                continue
            text = incident_kind_label(marker.kind)
            for key, widget in self.plots.items():
                line = pg.InfiniteLine(
                    pos=marker.minute, angle=90, movable=False,
                    pen=pg.mkPen(theme.color("bad"), width=1.2, style=Qt.PenStyle.DashLine),
                    label=text if key == "online" else None,
                    labelOpts={"position": 0.08, "color": theme.color("bad"), "fill": theme.color("base", 200), "anchors": [(0, 1), (0, 1)]} if key == "online" else None,
                )
                line.setToolTip(f"{text} {marker.label}".strip())
                widget.getPlotItem().addItem(line, ignoreBounds=True)
                self.markers.append(line)
        self._fit_band_labels()

    def _fit_band_labels(self, *_args) -> None:
        """Show a segment's title only where its band is wide enough on screen to hold it."""
        view = self.plots["online"].getPlotItem().getViewBox()
        x_min, x_max = view.viewRange()[0]
        width = view.width() or 1
        per_minute = width / max(x_max - x_min, 1e-6)
        metrics = QFontMetrics(_small_font())
        for label in self.band_labels:
            needed = metrics.horizontalAdvance(label.toPlainText()) + 6
            label.setVisible(label.band_minutes * per_minute >= needed)

    def set_overlay(self, other: ChartData | None, name: str = "") -> None:
        """Another stream's online curve on the online plot, aligned by minutes from each stream's start."""
        item = self.plots["online"].getPlotItem()
        if self.overlay_curve is not None:
            item.removeItem(self.overlay_curve)
            self.overlay_curve = None
        if other is None or other.empty:
            return
        xs, ys = _present(other.minutes, other.series.get("online", []))
        self.overlay_curve = item.plot(
            xs, ys, pen=pg.mkPen(theme.color("overlay"), width=1.2, style=Qt.PenStyle.DashLine), name=name or QCoreApplication.translate("ReviewCharts", "Overlay")
        )

    # --- crosshair --------------------------------------------------------------------------------------

    def _mouse_moved(self, widget: pg.PlotWidget, pos: QPointF) -> None:
        vb = widget.getPlotItem().vb
        if not widget.getPlotItem().sceneBoundingRect().contains(pos):
            return
        self.show_readout(vb.mapSceneToView(pos).x())

    def show_readout(self, minute: float) -> str:
        """Move the crosshair to this minute and read out every series and the active segment there."""
        for line in self.crosshairs:
            line.setPos(minute)
            line.setVisible(True)
        data = self.data
        if data is None or data.empty:
            self.readout.setText(" ")
            return ""
        index = _nearest(data.minutes, minute)
        at = data.minutes[index]
        clock = (formatting.local(data.start_at) + dt.timedelta(minutes=at)).strftime("%H:%M:%S")
        parts = [clock]
        names = {
            "online": QCoreApplication.translate("ReviewCharts", "Online"), "entries": QCoreApplication.translate("ReviewCharts", "Entries"), "leaves": QCoreApplication.translate("ReviewCharts", "Leaves"), "gmv": QCoreApplication.translate("ReviewCharts", "GMV"),
            "gmv_total": QCoreApplication.translate("ReviewCharts", "Cumulative GMV"), "orders": QCoreApplication.translate("ReviewCharts", "Orders"), "comments": QCoreApplication.translate("ReviewCharts", "Comments"),
            "new_followers": QCoreApplication.translate("ReviewCharts", "New followers"),
        }
        for key, label in names.items():
            values = self._series.get(key) or []
            if index < len(values) and values[index] is not None:
                value = values[index]
                shown = formatting.money(value) if key in ("gmv", "gmv_total") else formatting.count(int(value))
                parts.append(f"{label} {shown}")
        segment = data.segment_at(at)
        if segment:
            parts.append(QCoreApplication.translate("ReviewCharts", "Segment: {0}").format(segment))
        text = " · ".join(parts)
        self.readout.setText(text)
        return text

    # --- export -----------------------------------------------------------------------------------------

    def save_png(self, path: str) -> bool:
        pixmap = self.canvas.grab()
        return pixmap.save(path, "PNG")

    def data_item_count(self) -> int:
        """How many curves hold data (for tests and the empty state)."""
        return sum(1 for c in self.curves.values() if c.xData is not None and len(c.xData) > 0)


def _present(xs: Sequence[float], ys: Sequence[float | None]) -> tuple[np.ndarray, np.ndarray]:
    """The points that have a value, as numpy arrays (pyqtgraph converts Python lists point by point)."""
    x = np.asarray(xs, dtype=float)
    y = np.array(ys, dtype=float) if len(ys) else np.empty(0)  # None becomes nan
    n = min(len(x), len(y))
    x, y = x[:n], y[:n]
    keep = ~np.isnan(y)
    return x[keep], y[keep]


def _nearest(values: Sequence[float], target: float) -> int:
    import bisect

    i = bisect.bisect_left(values, target)
    if i <= 0:
        return 0
    if i >= len(values):
        return len(values) - 1
    return i if values[i] - target < target - values[i - 1] else i - 1


def _small_font():
    from PySide6.QtGui import QFont

    font = QFont()
    font.setPointSize(8)
    return font
