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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from livedesk.models import Stream
from livedesk.services import review_views
from livedesk.services.db import Database
from livedesk.services.exporters.review_report import (
    CHART_TITLES,
    DEBRIEF_LABELS,
    MOMENT_KINDS,
    format_start,
    format_value,
    kpi_rows,
    platform_name,
    ranked_products,
    write_review_xlsx,
)
from livedesk.services.review import ImportCancelledError, StreamNotFoundError, review_summary

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


def gather_report_data(db: Database, stream_id: int) -> ReportData:
    """Read the stream's review for the report. Raises StreamNotFoundError for an unknown stream."""
    summary = review_summary(db, stream_id)
    with db.session() as s:
        stream = s.get(Stream, stream_id)
        if stream is None:
            raise StreamNotFoundError(f"Stream {stream_id} does not exist (it may have been deleted).")
        info = {
            "id": stream.id,
            "title": stream.title,
            "start": stream.start_at,
            "planned_minutes": stream.planned_minutes,
            "platform": stream.platform,
            "account": stream.account,
            "theme": stream.theme,
            "gmv_target": stream.gmv_target,
            "viewers_target": stream.viewers_target,
            "peak_online_target": stream.peak_online_target,
            "conversion_target": stream.conversion_target,
            "new_followers_target": stream.new_followers_target,
        }
    chart = review_views.chart_data(db, stream_id)
    moments = [
        {"kind": m.kind, "minute": m.minute, "at": m.at, "online": m.online, "segment": m.segment, "note": m.note}
        for m in review_views.list_moments(db, stream_id)
    ]
    improvements = [
        {"text": i.text, "owner": i.owner, "due_date": i.due_date, "done": i.done}
        for i in review_views.list_improvements(db, stream_id)
    ]
    return ReportData(
        stream_id, info, summary, chart, per_minute_rows(chart), moments, improvements,
        review_views.get_debrief(db, stream_id),
    )


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
        _plot_style(item, CHART_TITLES["online"])
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
        for moment in data.moments:
            if moment.get("online") is None:
                continue
            peak = moment["kind"] == "peak"
            colour = "#dc2626" if peak else "#0891b2"
            item.plot([moment["minute"]], [moment["online"]], pen=None, symbol="o", symbolSize=9,
                      symbolBrush=colour, symbolPen="w")
            clock = format_start(moment.get("at"))[-5:]
            text = pg.TextItem(f"{'峰' if peak else '谷'} {clock} {moment['online']:,}", color=colour,
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
        _plot_style(bars, "每分钟成交金额 GMV per minute (¥)")
        xs = [r["minute"] for r in rows if r.get("gmv") is not None]
        heights = [r["gmv"] for r in rows if r.get("gmv") is not None]
        bars.addItem(pg.BarGraphItem(x=xs, height=heights, width=0.8, brush="#16a34a", pen=pg.mkPen(None)))
        total = widget.addPlot(row=1, col=0, axisItems={"bottom": ClockAxis(chart.start_at)})
        _plot_style(total, "累计成交金额 Cumulative GMV (¥)")
        points = [(r["minute"], r["gmv_total"]) for r in rows if r.get("gmv_total") is not None]
        total.plot([p[0] for p in points], [p[1] for p in points], pen=pg.mkPen("#9333ea", width=2))
        target = data.stream_info.get("gmv_target")
        if target:
            line = pg.InfiniteLine(
                pos=float(target), angle=0, movable=False, pen=pg.mkPen("#dc2626", width=1, style=Qt.PenStyle.DashLine),
                label=f"目标 Goal ¥{float(target):,.0f}", labelOpts={"position": 0.08, "color": "#dc2626"},
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
        return '<p style="color:#9ca3af">（未填写 not filled in）</p>'
    return "".join(f"<p>{_e(line)}</p>" for line in text.splitlines() if line.strip())


def report_html(data: ReportData, charts: dict[str, bytes], image_width: int = 640, px: float = 1.0) -> str:
    """The PDF's content as the HTML subset QTextDocument understands; charts as chart://KEY images.

    `image_width` is the charts' width in CSS pixels; `px` is one CSS pixel in the layout's device pixels
    (table padding and borders are taken as device pixels).
    """

    def n(pixels: float) -> int:
        return max(1, round(pixels * px))

    info, summary = data.stream_info, data.summary
    families = ", ".join(f"'{f}'" if " " in f else f for f in FONT_FAMILIES)
    parts = [
        f'<html><body style="font-family: {families}; font-size: 9.5pt; color: #111827">',
        f'<h1 style="font-size: 18pt; margin-bottom: 2px">直播复盘报告 · {_e(info.get("title"))}</h1>',
    ]
    details = [f"开播 {format_start(info.get('start'))}", f"平台 {platform_name(info.get('platform'))}"]
    if info.get("account"):
        details.append(f"账号 {info['account']}")
    if info.get("theme"):
        details.append(f"主题 {info['theme']}")
    details.append(f"计划 {info.get('planned_minutes')} 分钟")
    if summary.get("duration_minutes") is not None:
        details.append(f"实际 {summary['duration_minutes']} 分钟")
    parts.append(f'<p style="color:#6b7280">{_e("　·　".join(details))}</p>')
    parts.append(f'<p style="color:#9ca3af; font-size:8pt">生成于 Generated {dt.datetime.now():%Y-%m-%d %H:%M}</p>')

    parts.append("<h2>一、核心数据 Key figures</h2>")
    kpis = [k for k in kpi_rows(summary, info) if k["key"] != "duration_minutes"]
    parts.append(f'<table width="100%" cellspacing="{n(4)}" cellpadding="{n(6)}">')
    for start in range(0, len(kpis), 4):
        parts.append("<tr>")
        for kpi in kpis[start : start + 4]:
            goal = ""
            if kpi["target"] is not None:
                goal = f"目标 {format_value(kpi['target'], kpi['kind'])} · 达成 {format_value(kpi['attainment'], 'rate')}"
            colour = "#111827"
            if kpi["attainment"] is not None:
                colour = "#15803d" if kpi["attainment"] >= 1 else "#b91c1c"
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

    if charts:
        parts.append('<h2 style="page-break-before: always">二、曲线 Curves</h2>')
        for key in charts:
            parts.append(f'<p align="center"><img src="chart://{key}" width="{image_width}"/></p>')
    else:
        parts.append("<h2>二、曲线 Curves</h2><p style='color:#9ca3af'>没有分钟级数据 No per-minute data imported.</p>")

    parts.append("<h2>三、商品 Products (按成交金额排序 ranked by GMV)</h2>")
    products = ranked_products(summary.get("products") or [])
    if products:
        parts.append(_table(
            ["#", "商品 Product", "曝光人数", "点击人数", "点击率<br/>点击/曝光", "成交人数", "转化率<br/>成交/点击", "成交金额", "提示"],
            [
                (
                    [p["rank"], _e(p.get("name")), format_value(p.get("exposure_users"), "count"),
                     format_value(p.get("click_users"), "count"), format_value(p.get("click_rate"), "rate"),
                     format_value(p.get("buyers"), "count"), format_value(p.get("product_conversion"), "rate"),
                     format_value(p.get("gmv"), "money"), "点击率&lt;3%" if p["low_click"] else ""],
                    "#fde2e1" if p["low_click"] else None,
                )
                for p in products
            ],
            escape=False, px=px,
        ))
    else:
        parts.append("<p style='color:#9ca3af'>没有商品数据 No product data imported.</p>")

    parts.append("<h2>四、关键时刻 Peaks and valleys</h2>")
    if data.moments:
        parts.append(_table(
            ["类型", "时间", "在线人数", "环节", "原因 / 备注"],
            [
                ([MOMENT_KINDS.get(m["kind"], m["kind"]), format_start(m.get("at"))[-5:],
                  format_value(m.get("online"), "count"), m.get("segment") or "", m.get("note") or ""], None)
                for m in sorted(data.moments, key=lambda m: m["minute"])
            ],
            px=px,
        ))
    else:
        parts.append("<p style='color:#9ca3af'>没有曲线数据 No curve imported.</p>")

    parts.append("<h2>五、复盘 Debrief</h2>")
    for key, label in DEBRIEF_LABELS:
        parts.append(f"<h3>{_e(label)}</h3>{_paragraphs(data.debrief.get(key, ''))}")

    parts.append("<h2>六、改进清单 Improvement list</h2>")
    if data.improvements:
        parts.append(_table(
            ["#", "改进事项 Item", "负责人 Owner", "截止 Due", "状态 Status"],
            [
                ([i, item["text"], item.get("owner") or "", item["due_date"].isoformat() if item.get("due_date") else "",
                  "已完成" if item.get("done") else "待办"], None)
                for i, item in enumerate(data.improvements, start=1)
            ],
            px=px,
        ))
    else:
        parts.append("<p style='color:#9ca3af'>暂无改进事项 No items yet.</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _table(
    headers: list[str], rows: list[tuple[list[Any], str | None]], escape: bool = True, px: float = 1.0
) -> str:
    pad, border = max(1, round(4 * px)), max(1, round(px / 2))
    out = [f'<table width="100%" border="{border}" cellspacing="0" cellpadding="{pad}" '
           'style="border-color:#d1d5db; border-collapse: collapse">', "<tr>"]
    out += [f'<th bgcolor="#4f6d8f" style="color:#ffffff; font-size:8.5pt">{h}</th>' for h in headers]
    out.append("</tr>")
    for values, fill in rows:
        attr = f' bgcolor="{fill}"' if fill else ""
        cells = "".join(f'<td style="font-size:8.5pt">{_e(v) if escape else v}</td>' for v in values)
        out.append(f"<tr{attr}>{cells}</tr>")
    out.append("</table>")
    return "".join(out)


def write_pdf(data: ReportData, charts: dict[str, bytes], out_path: Path) -> Path:
    """Lay the HTML report out on A4 pages (15 mm margins) and paint it with a page footer."""
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
    from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    out_path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=f".{out_path.stem}-", suffix=".pdf.tmp", dir=out_path.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        writer = QPdfWriter(str(tmp))
        title = f"直播复盘报告 {data.stream_info.get('title') or ''}".strip()
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
        document.setHtml(report_html(data, charts, image_width=int(page.width() / px), px=px))
        for key, png in charts.items():
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
    data = gather_report_data(db, stream_id)
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
