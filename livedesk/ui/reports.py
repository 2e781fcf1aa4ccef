"""The written review report (场报 / 复盘报告) as an Excel workbook (.xlsx) or a PDF (.pdf).

Threads: `build_report` may be called on any thread. It works in three steps:

1. `gather_report_data` reads everything from the database into plain data (no Qt, thread-safe);
2. `render_charts` draws the charts with pyqtgraph. pyqtgraph items are widgets, which Qt only allows on
   the GUI thread, so when `build_report` runs on a worker thread this step is handed to the GUI thread
   and the worker waits for it (a blocking queued call; it takes well under a second). The GUI thread
   must therefore keep its event loop running meanwhile, which the review tab's progress dialog does;
3. the file is written on the calling thread: openpyxl for .xlsx, QTextDocument + QPdfWriter (both
   usable outside the GUI thread) for .pdf. Both are written to a temporary file and then moved into place.

A QApplication is needed (pyqtgraph requires one). When none exists, `ensure_application` creates one;
that is only possible on the main thread, which is where the command line calls it.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from livedesk.config import Preferences
from livedesk.services import review_views
from livedesk.services.db import Database
from livedesk.services.exporters.review_report import (
    chart_titles,
    debrief_labels,
    format_start,
    format_value,
    kpi_rows,
    moment_kinds,
    money_text,
    ranked_products,
    report_title,
    stream_details,
    write_review_xlsx,
)
from livedesk.services.messages import translate
from livedesk.services.review import ImportCancelledError, StreamNotFoundError
from livedesk.services.review_model import load_review_model, low_click_rate_of, rate_text

SUFFIXES = (".xlsx", ".pdf")
FONT_FAMILIES = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "sans-serif"]
CHART_SIZE = (1000, 340)  # logical pixels; exported at twice this for print quality
CHART_SCALE = 2
PDF_DPI = 300
ReportProgress = Callable[[int, int, str], None]

_app_ref: Any = None
_invoker: Any = None


class ReportError(ValueError):
    """The report cannot be written as asked (e.g. an unsupported file type)."""


@dataclass
class ReportData:
    """Everything the report shows, as plain data read in one go."""

    stream_id: int
    stream_info: dict[str, Any]
    summary: dict[str, Any]
    chart: review_views.ChartData
    curve_rows: list[dict[str, Any]] = field(default_factory=list)
    moments: list[dict[str, Any]] = field(default_factory=list)
    improvements: list[dict[str, Any]] = field(default_factory=list)
    debrief: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- step 1: data (any thread, no Qt)


def gather_report_data(db: Database, stream_id: int, prefs: Preferences | None = None) -> ReportData:
    """Read the stream's review for the report: the read model the tab and `review show --json` use,
    judged by `prefs` (the defaults when None). Raises StreamNotFoundError for an unknown stream."""
    model = load_review_model(db, stream_id, prefs)
    if not model.exists:
        raise StreamNotFoundError(f"Stream {stream_id} does not exist (it may have been deleted).")
    summary = with_refunds(model.summary(), model.composition)
    chart = model.chart if model.chart is not None else review_views.chart_data(db, stream_id)
    moments = [
        {"kind": m.kind, "minute": m.minute, "at": m.at, "online": m.online, "segment": m.segment, "note": m.note}
        for m in model.moments
    ]
    improvements = [{"text": i.text, "owner": i.owner, "due_date": i.due_date, "done": i.done} for i in model.improvements]
    return ReportData(
        stream_id, dict(model.stream_info), summary, chart, per_minute_rows(chart), moments, improvements, model.debrief
    )


def with_refunds(summary: dict[str, Any], comp: review_views.Composition) -> dict[str, Any]:
    """The overview's refund figures, agreeing with the products' table.

    The platform's own figure for the whole stream wins; without one, the products' refund buyers are added
    up, so the overview never shows "—" while the products list refunds. When both exist and differ (a buyer
    refunding two products counts once overall) the report says so under the products.
    """
    product_refunds = [p.get("refund_buyers") for p in summary.get("products") or [] if p.get("refund_buyers") is not None]
    products_total = sum(product_refunds) if product_refunds else None
    out = dict(summary)
    out["refund_buyers"] = comp.refund_buyers if comp.refund_buyers is not None else products_total
    out["refund_amount"] = comp.refund_amount
    out["product_refund_buyers"] = products_total
    return out


_FLOW_FIELDS = ("entries", "leaves", "gmv", "orders", "comments", "new_followers", "fan_club_joins")


def per_minute_rows(chart: review_views.ChartData) -> list[dict[str, Any]]:
    """The curve one row per minute: online averaged, flows (entries, GMV, orders, …) summed.

    Per-minute exports pass through unchanged; finer samples (per second) are grouped by minute.
    """
    groups: dict[int, list[int]] = {}
    for index, minute in enumerate(chart.minutes):
        groups.setdefault(math.floor(minute + 1e-9), []).append(index)
    rows: list[dict[str, Any]] = []
    total = 0.0
    for minute in sorted(groups):
        indices = groups[minute]
        row: dict[str, Any] = {"minute": minute, "time": chart.start_at + dt.timedelta(minutes=minute)}
        online = [v for i in indices if (v := _value(chart, "online", i)) is not None]
        row["online"] = round(sum(online) / len(online)) if online else None
        for name in _FLOW_FIELDS:
            values = [v for i in indices if (v := _value(chart, name, i)) is not None]
            if not values:
                row[name] = None
            elif name == "gmv":
                row[name] = round(sum(values), 2)
            else:
                row[name] = int(round(sum(values)))
        total += row["gmv"] or 0.0
        row["gmv_total"] = round(total, 2) if any(r.get("gmv") is not None for r in [*rows, row]) else None
        row["segment"] = chart.segment_at(minute) or ""
        rows.append(row)
    return rows


def _value(chart: review_views.ChartData, name: str, index: int) -> float | None:
    values = chart.series.get(name) or []
    return values[index] if index < len(values) else None


# ---------------------------------------------------------------- Qt set-up


def ensure_application():
    """The running QApplication, creating an offscreen-capable one when there is none (main thread only)."""
    global _app_ref
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        if not isinstance(app, QApplication):
            raise RuntimeError("The report's charts need a QApplication, but a QGuiApplication is running.")
        return app
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("Create the QApplication on the main thread before building a report on a worker.")
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app_ref = QApplication(["livedesk-report"])
    return _app_ref


@contextmanager
def report_language(language: str | None) -> Iterator[None]:
    """Write the report in `language` ("zh_CN" or "en") meanwhile; None keeps the app's language.

    Report text goes through livedesk.services.messages, so only its translator and the default locale (for
    万 on chart axes) change; both are put back afterwards.
    """
    if language is None:
        yield
        return
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from livedesk.resources import resource_path
    from livedesk.services import messages

    app = ensure_application()
    previous_locale, previous_translator = QLocale(), messages.installed_translator()
    translator = None
    if language == "zh_CN":
        translator = QTranslator()
        if translator.load(str(resource_path("translations", "livedesk_zh_CN.qm"))):
            app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        messages.install_translator(QCoreApplication.translate)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        messages.install_translator(None)
    try:
        yield
    finally:
        if translator is not None:
            app.removeTranslator(translator)
        QLocale.setDefault(previous_locale)
        messages.install_translator(previous_translator)


def report_font(point_size: float = 10):
    from PySide6.QtGui import QFont

    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    return font


def on_gui_thread(fn: Callable[[], Any]) -> Any:
    """Run fn on the GUI thread and return its result; directly when already there."""
    global _invoker
    from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("No QApplication is running.")
    if QThread.currentThread() == app.thread():
        return fn()
    if _invoker is None:

        class _Invoker(QObject):
            request = Signal(object)

            def __init__(self) -> None:
                super().__init__()
                self.request.connect(self.run, Qt.ConnectionType.BlockingQueuedConnection)

            @Slot(object)
            def run(self, job: Callable[[], None]) -> None:
                job()

        invoker = _Invoker()
        invoker.moveToThread(app.thread())
        _invoker = invoker
    box: dict[str, Any] = {}

    def job() -> None:
        try:
            box["result"] = fn()
        except BaseException as exc:  # re-raised on the calling thread
            box["error"] = exc

    _invoker.request.emit(job)
    if "error" in box:
        raise box["error"]
    if "result" not in box:
        raise RuntimeError("The GUI thread did not render the charts.")
    return box["result"]


# ---------------------------------------------------------------- step 2: charts (GUI thread)


def render_charts(data: ReportData) -> dict[str, bytes]:
    """PNG bytes of the online curve (with segment bands and moments) and of GMV per minute + cumulative.

    Uses pyqtgraph widgets: call on the GUI thread (build_report arranges that). Empty when no curve.
    """
    if data.chart.empty:
        return {}
    ensure_application()
    charts = {"online": _online_chart(data)}
    if any(v for v in data.chart.series.get("gmv", []) if v):
        charts["gmv"] = _gmv_chart(data)
    return charts


def axis_label(value: float, large: bool) -> str:
    """A value axis label: 12万 in Chinese, 120k in English, once the axis reaches 100,000; else 1,234."""
    from PySide6.QtCore import QLocale

    if not large or value == 0:
        return f"{value:,.0f}"
    if QLocale().language() == QLocale.Language.Chinese:
        return f"{value / 10000:,.4g}万"
    return f"{value / 1000:,.4g}k"


def _large_axis(plot, values, always: bool = False) -> None:
    """Label the left axis in 万 (or k) when its values reach 100,000; `always` sets 1,234 labels otherwise."""
    import pyqtgraph as pg

    highest = max((abs(v) for v in values if v is not None), default=0)
    large = highest >= 100_000
    if not large and not always:
        return

    class _Axis(pg.AxisItem):
        def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
            return [axis_label(v * scale, large) for v in values]

    axis = _Axis("left")
    plot.setAxisItems({"left": axis})
    axis.setTextPen("#374151")
    axis.setPen("#9ca3af")
    axis.setTickFont(report_font(8))


def _plot_style(item, title: str) -> None:
    item.setTitle(title, size="11pt", color="#111827")
    item.showGrid(x=True, y=True, alpha=0.15)
    item.setMenuEnabled(False)
    item.hideButtons()
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setTextPen("#374151")
        axis.setPen("#9ca3af")
        axis.setTickFont(report_font(8))


def _online_chart(data: ReportData) -> bytes:
    import pyqtgraph as pg
    from PySide6.QtGui import QColor

    from livedesk.ui.review.charts import BAND_COLOURS, ClockAxis

    chart = data.chart
    widget = pg.PlotWidget(axisItems={"bottom": ClockAxis(chart.start_at)})
    try:
        widget.setBackground("w")
        widget.resize(*CHART_SIZE)
        item = widget.getPlotItem()
        _plot_style(item, chart_titles()["online"])
        xs, ys = _present(chart.minutes, chart.series.get("online", []))
        top = max(ys, default=0) or 1
        span = (max(chart.minutes) - min(chart.minutes)) if chart.minutes else 1
        for band in chart.segments:
            colour = QColor(BAND_COLOURS.get(band.kind, "#64748b"))
            colour.setAlpha(45)
            region = pg.LinearRegionItem(
                values=(band.start_minute, band.start_minute + band.minutes), movable=False, brush=colour,
                pen=pg.mkPen(None),
            )
            region.setZValue(-10)
            item.addItem(region, ignoreBounds=True)
            if band.minutes >= span / 12:  # label the bands wide enough to hold some text
                label = pg.TextItem(band.title[: max(4, int(band.minutes / span * 60))], color="#4b5563", anchor=(0, 0))
                label.setFont(report_font(7))
                label.setPos(band.start_minute, top * 1.11)
                item.addItem(label, ignoreBounds=True)
        item.plot(xs, ys, pen=pg.mkPen("#2563eb", width=2))
        _large_axis(item, ys)
        for moment in data.moments:
            if moment.get("online") is None:
                continue
            peak = moment["kind"] == "peak"
            colour = "#dc2626" if peak else "#0891b2"
            item.plot([moment["minute"]], [moment["online"]], pen=None, symbol="o", symbolSize=9,
                      symbolBrush=colour, symbolPen="w")
            clock = format_start(moment.get("at"))[-5:]
            kind = moment_kinds().get(moment["kind"], moment["kind"])
            text = pg.TextItem(f"{kind} {clock} {moment['online']:,}", color=colour,
                               anchor=(0.5, 1.2 if peak else -0.2))
            text.setFont(report_font(8))
            text.setPos(moment["minute"], moment["online"])
            item.addItem(text)
        item.setYRange(0, top * 1.12, padding=0)
        item.setXRange(min(chart.minutes), max(chart.minutes), padding=0.01)
        return _export(widget, item)
    finally:
        widget.close()
        widget.deleteLater()


def _gmv_chart(data: ReportData) -> bytes:
    import pyqtgraph as pg
    from PySide6.QtCore import Qt

    from livedesk.ui.review.charts import ClockAxis

    chart = data.chart
    rows = data.curve_rows
    widget = pg.GraphicsLayoutWidget()
    try:
        widget.setBackground("w")
        widget.resize(CHART_SIZE[0], int(CHART_SIZE[1] * 1.3))
        bars = widget.addPlot(row=0, col=0, axisItems={"bottom": ClockAxis(chart.start_at)})
        _plot_style(bars, translate("Messages", "GMV per minute (¥)"))
        xs = [r["minute"] for r in rows if r.get("gmv") is not None]
        heights = [r["gmv"] for r in rows if r.get("gmv") is not None]
        bars.addItem(pg.BarGraphItem(x=xs, height=heights, width=0.8, brush="#16a34a", pen=pg.mkPen(None)))
        total = widget.addPlot(row=1, col=0, axisItems={"bottom": ClockAxis(chart.start_at)})
        _plot_style(total, translate("Messages", "Cumulative GMV (¥)"))
        points = [(r["minute"], r["gmv_total"]) for r in rows if r.get("gmv_total") is not None]
        total.plot([p[0] for p in points], [p[1] for p in points], pen=pg.mkPen("#9333ea", width=2))
        target = data.stream_info.get("gmv_target")
        _large_axis(bars, heights)
        _large_axis(total, [p[1] for p in points] + ([float(target)] if target else []))
        if target:
            line = pg.InfiniteLine(
                pos=float(target), angle=0, movable=False, pen=pg.mkPen("#dc2626", width=1, style=Qt.PenStyle.DashLine),
                label=translate("Messages", "Goal {0}").format(money_text(target)), labelOpts={"position": 0.08, "color": "#dc2626"},
            )
            total.addItem(line)
        total.setXLink(bars)
        for plot in (bars, total):
            plot.getAxis("left").setWidth(70)
        return _export(widget, widget.ci)
    finally:
        widget.close()
        widget.deleteLater()


def _export(widget, item) -> bytes:
    """Lay the widget out offscreen, then export `item` at CHART_SCALE times its size as PNG."""
    from pyqtgraph.exporters import ImageExporter
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    widget.grab()  # sends the pending resize so the scene has its final geometry
    exporter = ImageExporter(item)
    exporter.parameters()["width"] = int(item.sceneBoundingRect().width() * CHART_SCALE)
    exporter.parameters()["antialias"] = True
    image = exporter.export(toBytes=True)
    buffer = QByteArray()
    device = QBuffer(buffer)
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(device, "PNG")
    device.close()
    return bytes(buffer.data())


def _present(xs, ys) -> tuple[list[float], list[float]]:
    pairs = [(x, y) for x, y in zip(xs, ys, strict=False) if y is not None]
    return [p[0] for p in pairs], [p[1] for p in pairs]


# ---------------------------------------------------------------- step 3: files


def write_xlsx(data: ReportData, charts: dict[str, bytes], out_path: Path) -> Path:
    return write_review_xlsx(
        data.summary, data.stream_info, data.curve_rows, data.moments, data.improvements, data.debrief, out_path,
        chart_pngs=charts,
    )


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _paragraphs(text: str) -> str:
    text = (text or "").strip()
    if not text:
        return f'<p style="color:#9ca3af">{_e(translate("Messages", "(not filled in)"))}</p>'
    return "".join(f"<p>{_e(line)}</p>" for line in text.splitlines() if line.strip())


def _h2(text: str) -> str:
    return f"<h2>{_e(text)}</h2>"


def _muted(text: str) -> str:
    return f"<p style='color:#9ca3af'>{_e(text)}</p>"


def report_html(data: ReportData, charts: dict[str, bytes], image_width: int = 640, px: float = 1.0) -> str:
    """The PDF's content as the HTML subset QTextDocument understands; charts as chart://KEY images.

    Every word comes from the translator, so the report is in the app's language only.
    `image_width` is the charts' width in CSS pixels; `px` is one CSS pixel in the layout's device pixels
    (table padding and borders are taken as device pixels).
    """

    def n(pixels: float) -> int:
        return max(1, round(pixels * px))


    info, summary = data.stream_info, data.summary
    families = ", ".join(f"'{f}'" if " " in f else f for f in FONT_FAMILIES)
    parts = [
        f'<html><body style="font-family: {families}; font-size: 9.5pt; color: #111827">',
        f'<h1 style="font-size: 18pt; margin-bottom: 2px">{_e(report_title(info.get("title") or ""))}</h1>',
    ]
    details = stream_details(info, summary.get("duration_minutes"))
    parts.append(f'<p style="color:#6b7280">{_e("　·　".join(details))}</p>')
    generated = translate("Messages", "Generated {0}").format(f"{dt.datetime.now():%Y-%m-%d %H:%M}")
    parts.append(f'<p style="color:#9ca3af; font-size:8pt">{_e(generated)}</p>')

    parts.append(_h2(translate("Messages", "1. Key figures")))
    kpis = [k for k in kpi_rows(summary, info) if k["key"] != "duration_minutes"]
    parts.append(f'<table width="100%" cellspacing="{n(4)}" cellpadding="{n(6)}">')
    for start in range(0, len(kpis), 4):
        parts.append("<tr>")
        for kpi in kpis[start : start + 4]:
            goal = ""
            if kpi["target"] is not None:
                goal = translate("Messages", "Goal {0} · reached {1}").format(
                    format_value(kpi["target"], kpi["kind"]), format_value(kpi["attainment"], "rate"))
            colour = "#111827"
            if kpi["good"] is not None:  # the read model's judgement: the goal, or the preference's floor
                colour = "#15803d" if kpi["good"] else "#b91c1c"
            parts.append(
                '<td width="25%" bgcolor="#f3f4f6" valign="top">'
                f'<span style="color:#4b5563; font-size:8pt">{_e(kpi["label"])}</span><br/>'
                f'<span style="font-size:14pt; font-weight:bold; color:{colour}">'
                f'{_e(format_value(kpi["actual"], kpi["kind"]))}</span><br/>'
                f'<span style="color:#374151; font-size:7.5pt">{_e(goal)}</span>'
                f'{"<br/>" if goal else ""}<span style="color:#9ca3af; font-size:7pt">{_e(kpi["basis"])}</span>'
                "</td>"
            )
        parts.append("</tr>")
    parts.append("</table>")
    parts.append(_sources_note(kpis, summary))

    curves = _e(translate("Messages", "2. Curves"))
    if charts:
        parts.append(f'<h2 style="page-break-before: always">{curves}</h2>')
        for key in charts:
            parts.append(f'<p align="center"><img src="chart://{key}" width="{image_width}"/></p>')
    else:
        parts.append(f"<h2>{curves}</h2>" + _muted(translate("Messages", "No per-minute data imported.")))

    parts.append(_h2(translate("Messages", "3. Products, ranked by GMV")))
    low_click = low_click_rate_of(summary)
    products = ranked_products(summary.get("products") or [], low_click)
    if products:
        parts.append(_table(
            ["#", _e(translate("Messages", "Product")), _e(translate("Messages", "Exposure users")), _e(translate("Messages", "Click users")),
             _e(translate("Messages", "Click rate (clicks / exposure)")), _e(translate("Messages", "Buyers")),
             _e(translate("Messages", "Conversion (buyers / clicks)")), _e(translate("Messages", "GMV")),
             _e(translate("Messages", "Refund buyers")), _e(translate("Messages", "Flag"))],
            [
                (
                    [p["rank"], _e(p.get("name")), format_value(p.get("exposure_users"), "count"),
                     format_value(p.get("click_users"), "count"), format_value(p.get("click_rate"), "rate"),
                     format_value(p.get("buyers"), "count"), format_value(p.get("product_conversion"), "rate"),
                     format_value(p.get("gmv"), "money"), format_value(p.get("refund_buyers"), "count"),
                     _e(translate("Messages", "Click rate < {0}").format(rate_text(low_click))) if p["low_click"] else ""],
                    "#fde2e1" if p["low_click"] else None,
                )
                for p in products
            ],
            escape=False, px=px, right_from=2, font_pt=8, widths={1: "24%"},
        ))
        note = refund_note(summary)
        if note:
            parts.append(f"<p style='color:#6b7280; font-size:8pt'>{_e(note)}</p>")
    else:
        parts.append(_muted(translate("Messages", "No product data imported.")))

    parts.append(_h2(translate("Messages", "4. Peaks and valleys")))
    kinds = moment_kinds()
    if data.moments:
        parts.append(_table(
            [translate("Messages", "Kind"), translate("Messages", "Time"), translate("Messages", "Online"), translate("Messages", "Segment"),
             translate("Messages", "Cause or note")],
            [
                ([kinds.get(m["kind"], m["kind"]), format_start(m.get("at"))[-5:],
                  format_value(m.get("online"), "count"), m.get("segment") or "", m.get("note") or ""], None)
                for m in sorted(data.moments, key=lambda m: m["minute"])
            ],
            px=px,
        ))
    else:
        parts.append(_muted(translate("Messages", "No curve imported.")))

    parts.append(_h2(translate("Messages", "5. Debrief")))
    for key, label in debrief_labels():
        parts.append(f"<h3>{_e(label)}</h3>{_paragraphs(data.debrief.get(key, ''))}")

    parts.append(_h2(translate("Messages", "6. Improvement list")))
    if data.improvements:
        parts.append(_table(
            ["#", translate("Messages", "Improvement"), translate("Messages", "Owner"), translate("Messages", "Due"), translate("Messages", "Status")],
            [
                ([i, item["text"], item.get("owner") or "", item["due_date"].isoformat() if item.get("due_date") else "",
                  translate("Messages", "Done") if item.get("done") else translate("Messages", "To do")], None)
                for i, item in enumerate(data.improvements, start=1)
            ],
            px=px,
        ))
    else:
        parts.append(_muted(translate("Messages", "No improvements yet.")))
    parts.append("</body></html>")
    return "\n".join(parts)


def refund_note(summary: dict[str, Any]) -> str:
    """Why the products' refund buyers may add up to more than the overview's, when they do."""
    overall, products = summary.get("refund_buyers"), summary.get("product_refund_buyers")
    if overall is None or products is None or overall == products:
        return ""
    return translate(
        "Messages", "Refund buyers: {0} for the stream, {1} added up over the products (a buyer who refunds "
        "several products counts once for the stream)."
    ).format(f"{overall:,}", f"{products:,}")


def _cell_attributes(column: int, right_from: int | None, nowrap: bool) -> str:
    if right_from is not None and column >= right_from:
        return _RIGHT_NOWRAP if nowrap else _RIGHT
    return _NOWRAP if nowrap else ""


def _width(widths: dict[int, str] | None, column: int) -> str:
    return f' width="{widths[column]}"' if widths and column in widths else ""


_RIGHT = ' align="right"'
_RIGHT_NOWRAP = ' align="right" style="white-space: nowrap"'
_NOWRAP = ' style="white-space: nowrap"'


def _table(
    headers: list[str], rows: list[tuple[list[Any], str | None]], escape: bool = True, px: float = 1.0,
    right_from: int | None = None, font_pt: float = 8.5, nowrap: bool = False, widths: dict[int, str] | None = None,
) -> str:
    """An HTML table; columns from `right_from` on hold figures and are right-aligned, so digits line up."""
    pad, border = max(1, round(4 * px)), max(1, round(px / 2))
    out = [f'<table width="100%" border="{border}" cellspacing="0" cellpadding="{pad}" '
           'style="border-color:#d1d5db; border-collapse: collapse">', "<tr>"]
    out += [
        f'<th bgcolor="#4f6d8f"{_width(widths, c)} '
        f'style="color:#ffffff; font-size:{font_pt}pt">{h}</th>'
        for c, h in enumerate(headers)
    ]
    out.append("</tr>")
    font = f' style="font-size:{font_pt}pt"'
    for values, fill in rows:
        attr = (f' bgcolor="{fill}"' if fill else "") + font
        cells = "".join(
            f'<td{_cell_attributes(c, right_from, nowrap)}>'
            f"{_e(v) if escape else v}</td>"
            for c, v in enumerate(values)
        )
        out.append(f"<tr{attr}>{cells}</tr>")
    out.append("</table>")
    return "".join(out)


def write_pdf(data: ReportData, charts: dict[str, bytes], out_path: Path) -> Path:
    """The stream's report on A4 pages, with a page footer."""
    title = report_title(data.stream_info.get("title") or "")
    return html_to_pdf(
        lambda image_width, px: report_html(data, charts, image_width=image_width, px=px), charts, title, out_path
    )


def html_to_pdf(
    make_html: Callable[[int, float], str], images: dict[str, bytes], title: str, out_path: Path
) -> Path:
    """Lay HTML out on A4 pages (15 mm margins) and paint it with a footer (title, page n / N).

    `make_html(image_width, px)` returns the HTML for charts `image_width` CSS pixels wide, `px` being one CSS
    pixel in device pixels; `images` maps KEY to the PNG shown by <img src="chart://KEY">.
    """
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
    from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    out_path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=f".{out_path.stem}-", suffix=".pdf.tmp", dir=out_path.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(title)
        writer.setCreator("LiveDesk")
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                        QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        )
        area = writer.pageLayout().paintRectPixels(PDF_DPI)  # device pixels, origin at the margins
        px = PDF_DPI / 96  # one CSS pixel in device pixels
        footer = 8 * PDF_DPI / 25.4  # 8 mm
        page = QSizeF(area.width(), area.height() - footer)

        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)  # lay out in the PDF's own units
        document.setDefaultFont(report_font(9.5))
        document.setDocumentMargin(0)
        document.setPageSize(page)
        # QTextDocument scales an image's width attribute by the device's DPI / 96, so it is given in CSS pixels
        document.setHtml(make_html(int(page.width() / px), px))
        for key, png in images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart://{key}"), QImage.fromData(png))
        document.setPageSize(page)  # lays out again with the images in place
        pages = document.pageCount()

        painter = QPainter(writer)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            small = report_font(7.5)
            for index in range(pages):
                if index:
                    writer.newPage()
                painter.save()
                painter.translate(0, -index * page.height())
                document.drawContents(painter, QRectF(0, index * page.height(), page.width(), page.height()))
                painter.restore()
                painter.setFont(small)
                painter.setPen(Qt.GlobalColor.gray)
                foot = QRectF(0, area.height() - footer * 0.7, area.width(), footer * 0.7)
                painter.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
                painter.drawText(
                    foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{index + 1} / {pages}"
                )
        finally:
            painter.end()
        del writer  # finishes the file
        os.replace(tmp, out_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out_path


# ---------------------------------------------------------------- the whole report


def build_report(
    db: Database,
    stream_id: int,
    out_path: str | os.PathLike[str],
    progress: ReportProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
    prefs: Preferences | None = None,
) -> Path:
    """Write the stream's report; the file type follows the suffix (.xlsx or .pdf). Any thread; see the module doc.

    Raises ReportError for another suffix, StreamNotFoundError for an unknown stream and ImportCancelledError
    when `cancelled()` turns true (no file is written then).
    """
    path = Path(out_path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportError(f"{path.name}: a report is written as .xlsx or .pdf, not {suffix or 'a file without a suffix'}.")

    def step(done: int, message: str) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelledError()
        if progress is not None:
            progress(done, 3, message)

    ensure_application()
    step(0, "Reading the review")
    data = gather_report_data(db, stream_id, prefs)
    step(1, "Drawing the charts")
    charts = on_gui_thread(lambda: render_charts(data))
    step(2, "Writing the report")
    if suffix == ".xlsx":
        write_xlsx(data, charts, path)
    else:
        write_pdf(data, charts, path)
    if progress is not None:
        progress(3, 3, "Done")
    return path


__all__ = [
    "ReportData",
    "ReportError",
    "build_report",
    "ensure_application",
    "gather_report_data",
    "on_gui_thread",
    "per_minute_rows",
    "render_charts",
    "report_html",
    "write_pdf",
]


def _sources_note(kpis: list[dict], summary: dict) -> str:
    """The report's notes: which file and basis each figure comes from, and what the reader must know."""
    lines = [
        translate("Messages", "{0}: {1}").format(kpi["label"], kpi["source"]) for kpi in kpis if kpi.get("source")
    ]
    warnings = [str(w) for w in summary.get("warnings") or []]
    if not lines and not warnings:
        return ""
    html = "".join(f'<p style="color:#b91c1c; font-size:8pt; font-weight:bold">{_e(w)}</p>' for w in warnings)
    if lines:
        html += (f'<p style="color:#6b7280; font-size:7pt">{_e(translate("Messages", "Sources"))}: '
                 + "; ".join(_e(line) for line in lines) + "</p>")
    return html
