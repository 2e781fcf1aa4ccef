"""The reports' charts as PNG images, painted with QPainter on a QImage.

No widget and no pyqtgraph item is involved, so a chart is drawn on whatever thread builds the report
(Qt allows QImage and QPainter on any thread, unlike widgets): the report never hops to the GUI thread.
Paper is white whatever the theme, so the colours here are fixed.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from typing import Any

from livedesk.rendering.qt import png_bytes, report_font
from livedesk.services.exporters.review_report import chart_titles, format_start, moment_kinds, money_text
from livedesk.services.messages import translate

CHART_SIZE = (1000, 340)  # logical pixels; painted at twice this for print quality
CHART_SCALE = 2
# the light theme's segment band colours (livedesk.ui.colours.LIGHT.band): paper is always light
BAND_COLOURS = {
    "opening": "#3b82f6", "gather": "#06b6d4", "retain": "#14b8a6", "pitch": "#8b5cf6", "proof": "#a855f7",
    "interaction": "#f59e0b", "welfare": "#ef4444", "closing_push": "#f97316", "encore": "#ec4899",
    "wrap_up": "#6b7280",
}
TITLE, TEXT, AXIS, GRID = "#111827", "#374151", "#9ca3af", "#e5e7eb"


def axis_label(value: float, large: bool) -> str:
    """A value axis label: 12万 in Chinese, 120k in English, once the axis reaches 100,000; else 1,234."""
    from PySide6.QtCore import QLocale

    if not large or value == 0:
        return f"{value:,.0f}"
    if QLocale().language() == QLocale.Language.Chinese:
        return f"{value / 10000:,.4g}万"
    return f"{value / 1000:,.4g}k"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About `count` round values (1, 2 or 5 times a power of ten apart) between low and high."""
    span = high - low
    if span <= 0:
        return [low]
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9) * step
    return [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]


def clock_ticks(start: dt.datetime, low: float, high: float) -> list[tuple[float, str]]:
    """Minutes from the start as local clock times (19:30, 19:45 …), about eight of them."""
    span = max(high - low, 1e-9)
    step = next((s for s in (1, 2, 5, 10, 15, 30, 60, 120, 240) if span / s <= 9), 480)
    base = start.astimezone()
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    minute = first
    while minute <= high + 1e-9:
        ticks.append((minute, (base + dt.timedelta(minutes=minute)).strftime("%H:%M")))
        minute += step
    return ticks


class Canvas:
    """A white QImage at CHART_SCALE times its logical size, with a painter in logical pixels."""

    def __init__(self, width: int, height: int) -> None:
        from PySide6.QtGui import QColor, QImage, QPainter

        self.width, self.height = width, height
        self.image = QImage(width * CHART_SCALE, height * CHART_SCALE, QImage.Format.Format_ARGB32)
        self.image.fill(QColor("#ffffff"))
        self.painter = QPainter(self.image)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.painter.scale(CHART_SCALE, CHART_SCALE)

    def png(self) -> bytes:
        self.painter.end()
        return png_bytes(self.image)


class Plot:
    """One plot: a title, a value axis on the left, a labelled bottom axis, a light grid, and the data
    area that `x()` and `y()` map values into."""

    def __init__(
        self, painter: Any, rect: tuple[float, float, float, float], title: str,
        x_range: tuple[float, float], y_range: tuple[float, float], left: float = 70,
    ) -> None:
        from PySide6.QtCore import QRectF

        self.p = painter
        x, y, w, h = rect
        self.outer = QRectF(x, y, w, h)
        self.area = QRectF(x + left, y + 28, w - left - 16, h - 28 - 24)
        self.title = title
        self.x0, self.x1 = x_range
        self.y0, self.y1 = y_range
        if self.x1 <= self.x0:
            self.x1 = self.x0 + 1
        if self.y1 <= self.y0:
            self.y1 = self.y0 + 1

    def x(self, value: float) -> float:
        return self.area.left() + (value - self.x0) / (self.x1 - self.x0) * self.area.width()

    def y(self, value: float) -> float:
        return self.area.bottom() - (value - self.y0) / (self.y1 - self.y0) * self.area.height()

    def frame(self, x_ticks: Sequence[tuple[float, str]], y_label: Callable[[float], str]) -> None:
        """Title, grid, axes and their labels (drawn first, so the data lies on top)."""
        from PySide6.QtCore import QLineF, QRectF, Qt
        from PySide6.QtGui import QColor, QPen

        p = self.p
        p.setFont(report_font(11))
        p.setPen(QColor(TITLE))
        p.drawText(QRectF(self.outer.left(), self.outer.top(), self.outer.width(), 26),
                   int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), self.title)
        p.setFont(report_font(8))
        grid, axis = QPen(QColor(GRID), 1), QPen(QColor(AXIS), 1)
        for value in nice_ticks(self.y0, self.y1):
            at = self.y(value)
            p.setPen(grid)
            p.drawLine(QLineF(self.area.left(), at, self.area.right(), at))
            p.setPen(QColor(TEXT))
            p.drawText(QRectF(self.outer.left(), at - 8, self.area.left() - self.outer.left() - 6, 16),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), y_label(value))
        for value, label in x_ticks:
            at = self.x(value)
            if not self.area.left() - 0.5 <= at <= self.area.right() + 0.5:
                continue
            p.setPen(grid)
            p.drawLine(QLineF(at, self.area.top(), at, self.area.bottom()))
            p.setPen(axis)
            p.drawLine(QLineF(at, self.area.bottom(), at, self.area.bottom() + 4))
            p.setPen(QColor(TEXT))
            p.drawText(QRectF(at - 40, self.area.bottom() + 5, 80, 16), int(Qt.AlignmentFlag.AlignHCenter), label)
        p.setPen(axis)
        p.drawLine(QLineF(self.area.bottomLeft(), self.area.bottomRight()))
        p.drawLine(QLineF(self.area.topLeft(), self.area.bottomLeft()))

    def clip(self) -> None:
        self.p.setClipRect(self.area.adjusted(-1, -1, 1, 1))

    def unclip(self) -> None:
        self.p.setClipping(False)

    def line(self, xs: Sequence[float], ys: Sequence[float], colour: str, width: float = 2) -> None:
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QColor, QPen, QPolygonF

        if not xs:
            return
        pen = QPen(QColor(colour), width)
        self.p.setPen(pen)
        self.p.drawPolyline(QPolygonF([QPointF(self.x(a), self.y(b)) for a, b in zip(xs, ys, strict=True)]))

    def bars(self, xs: Sequence[float], heights: Sequence[float], width: float, colour: str) -> None:
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QColor

        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(QColor(colour))
        for x, height in zip(xs, heights, strict=True):
            left, right = self.x(x - width / 2), self.x(x + width / 2)
            top, bottom = self.y(max(height, 0)), self.y(min(height, 0))
            self.p.drawRect(QRectF(left, top, max(right - left, 0.6), bottom - top))
        self.p.setBrush(Qt.BrushStyle.NoBrush)


def _large(values: Sequence[float | None]) -> bool:
    return max((abs(v) for v in values if v is not None), default=0) >= 100_000


def _present(xs: Sequence[float], ys: Sequence[float | None]) -> tuple[list[float], list[float]]:
    pairs = [(x, y) for x, y in zip(xs, ys, strict=False) if y is not None]
    return [p[0] for p in pairs], [float(p[1]) for p in pairs]


def online_chart(chart: Any, moments: Sequence[dict[str, Any]]) -> bytes:
    """The online curve, with the script's segments as bands and the peaks and valleys marked."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QPen

    xs, ys = _present(chart.minutes, chart.series.get("online", []))
    top = max(ys, default=0) or 1
    low, high = min(chart.minutes), max(chart.minutes)
    span = (high - low) or 1
    pad = span * 0.01
    canvas = Canvas(*CHART_SIZE)
    p = canvas.painter
    plot = Plot(p, (0, 0, *CHART_SIZE), chart_titles()["online"], (low - pad, high + pad), (0, top * 1.12))
    large = _large(ys)
    plot.frame(clock_ticks(chart.start_at, low - pad, high + pad), lambda v: axis_label(v, large))
    plot.clip()
    p.setFont(report_font(7))
    for band in chart.segments:
        colour = QColor(BAND_COLOURS.get(band.kind, "#64748b"))
        colour.setAlpha(45)
        left, right = plot.x(band.start_minute), plot.x(band.start_minute + band.minutes)
        p.fillRect(QRectF(left, plot.area.top(), right - left, plot.area.height()), colour)
        if band.minutes >= span / 12:  # label the bands wide enough to hold some text
            p.setPen(QColor("#4b5563"))
            text = band.title[: max(4, int(band.minutes / span * 60))]
            p.drawText(QRectF(left + 2, plot.area.top() + 2, right - left - 2, 14),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), text)
    plot.line(xs, ys, "#2563eb")
    p.setFont(report_font(8))
    kinds = moment_kinds()
    for moment in moments:
        if moment.get("online") is None:
            continue
        peak = moment["kind"] == "peak"
        colour = QColor("#dc2626" if peak else "#0891b2")
        centre = QPointF(plot.x(moment["minute"]), plot.y(moment["online"]))
        p.setPen(QPen(QColor("#ffffff"), 1))
        p.setBrush(colour)
        p.drawEllipse(centre, 4.5, 4.5)
        p.setBrush(Qt.BrushStyle.NoBrush)
        label = f"{kinds.get(moment['kind'], moment['kind'])} {format_start(moment.get('at'))[-5:]} {moment['online']:,}"
        box = QRectF(centre.x() - 90, centre.y() - 22 if peak else centre.y() + 6, 180, 16)
        p.setPen(colour)
        p.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), label)
    plot.unclip()
    return canvas.png()


def gmv_chart(chart: Any, rows: Sequence[dict[str, Any]], gmv_target: Any) -> bytes:
    """GMV per minute (bars) above cumulative GMV (a line, with the goal dashed), on one time axis."""
    from PySide6.QtCore import QLineF, QRectF, Qt
    from PySide6.QtGui import QColor, QPen

    width, height = CHART_SIZE[0], int(CHART_SIZE[1] * 1.3)
    low, high = min(chart.minutes), max(chart.minutes)
    pad = ((high - low) or 1) * 0.01
    x_range = (low - pad - 0.5, high + pad + 0.5)
    ticks = clock_ticks(chart.start_at, *x_range)
    canvas = Canvas(width, height)
    p = canvas.painter
    xs = [r["minute"] for r in rows if r.get("gmv") is not None]
    heights = [float(r["gmv"]) for r in rows if r.get("gmv") is not None]
    bars = Plot(p, (0, 0, width, height / 2), translate("Messages", "GMV per minute (¥)"), x_range,
                (min(0.0, *heights) if heights else 0.0, (max(heights, default=0) or 1) * 1.05))
    large = _large(heights)
    bars.frame(ticks, lambda v: axis_label(v, large))
    bars.clip()
    bars.bars(xs, heights, 0.8, "#16a34a")
    bars.unclip()

    points = [(r["minute"], float(r["gmv_total"])) for r in rows if r.get("gmv_total") is not None]
    target = float(gmv_target) if gmv_target else None
    values = [v for _m, v in points] + ([target] if target else [])
    total = Plot(p, (0, height / 2, width, height / 2), translate("Messages", "Cumulative GMV (¥)"), x_range,
                 (0, (max(values, default=0) or 1) * 1.08))
    large = _large(values)
    total.frame(ticks, lambda v: axis_label(v, large))
    total.clip()
    total.line([m for m, _v in points], [v for _m, v in points], "#9333ea")
    if target:
        at = total.y(target)
        p.setPen(QPen(QColor("#dc2626"), 1, Qt.PenStyle.DashLine))
        p.drawLine(QLineF(total.area.left(), at, total.area.right(), at))
        p.setFont(report_font(8))
        label = translate("Messages", "Goal {0}").format(money_text(gmv_target))
        left = total.area.left() + total.area.width() * 0.08
        p.drawText(QRectF(left, at - 18, 240, 16), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                   label)
    total.unclip()
    return canvas.png()


def trend_chart(days: Sequence[tuple[dt.date, Any, Any]]) -> bytes:
    """GMV per day (bars) with the day's GMV goal (▼), for a period report."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QPolygonF

    xs = [i for i, (_d, gmv, _g) in enumerate(days) if gmv is not None]
    heights = [float(gmv) for _d, gmv, _g in days if gmv is not None]
    goals = [(i, float(goal)) for i, (_d, _v, goal) in enumerate(days) if goal]
    top = max(heights + [g[1] for g in goals], default=1) or 1
    canvas = Canvas(*CHART_SIZE)
    p = canvas.painter
    plot = Plot(p, (0, 0, *CHART_SIZE), chart_titles()["trend"], (-0.6, len(days) - 0.4), (0, top * 1.18))
    step = max(1, len(days) // 12)  # at most about a dozen day labels
    large = _large(heights + [g[1] for g in goals])
    plot.frame([(i, d.strftime("%m-%d")) for i, (d, _v, _g) in enumerate(days) if i % step == 0],
               lambda v: axis_label(v, large))
    plot.clip()
    plot.bars(xs, heights, 0.7, "#2563eb")
    p.setPen(QColor("#dc2626"))
    p.setBrush(QColor("#dc2626"))
    for index, goal in goals:
        x, y = plot.x(index), plot.y(goal)
        p.drawPolygon(QPolygonF([QPointF(x - 6, y - 5), QPointF(x + 6, y - 5), QPointF(x, y + 5)]))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QColor("#4b5563"))
    p.setFont(report_font(8))
    p.drawText(QRectF(plot.area.left() + 4, plot.area.top() + 2, 400, 16),
               int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
               translate("Messages", "bars: GMV · ▼ goal"))
    plot.unclip()
    return canvas.png()
