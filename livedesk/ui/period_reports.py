"""日报 / 周报 / 月报 files (.xlsx or .pdf): the period's streams, totals and a GMV trend chart.

Built like the stream's report (livedesk.ui.reports): the figures come from
livedesk.services.period_report (any thread), the chart is drawn with pyqtgraph on the GUI thread, the
file is written on the calling thread. `build_period_report` may run on a worker thread.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Callable
from pathlib import Path

from livedesk.services.db import Database
from livedesk.services.exporters.period_report import (
    daily_gmv,
    period_columns,
    stream_values,
    totals_values,
    write_period_xlsx,
)
from livedesk.services.exporters.review_report import chart_titles, format_value
from livedesk.services.messages import translate
from livedesk.services.period_report import PeriodReport, period_report
from livedesk.services.review import ImportCancelledError
from livedesk.ui.reports import (
    CHART_SIZE,
    FONT_FAMILIES,
    SUFFIXES,
    ReportError,
    ReportProgress,
    _export,
    _large_axis,
    _plot_style,
    _table,
    ensure_application,
    html_to_pdf,
    on_gui_thread,
)


def render_trend_chart(report: PeriodReport) -> dict[str, bytes]:
    """PNG of GMV per day (bars) with the day's GMV goals (dashes). GUI thread only. Empty without any GMV."""
    import pyqtgraph as pg

    days = daily_gmv(report)
    if not any(gmv is not None for _day, gmv, _goal in days):
        return {}
    ensure_application()
    widget = pg.PlotWidget()
    try:
        widget.setBackground("w")
        widget.resize(*CHART_SIZE)
        item = widget.getPlotItem()
        _plot_style(item, chart_titles()["trend"])
        xs = [i for i, (_d, gmv, _g) in enumerate(days) if gmv is not None]
        heights = [float(gmv) for _d, gmv, _g in days if gmv is not None]
        item.addItem(pg.BarGraphItem(x=xs, height=heights, width=0.7, brush="#2563eb", pen=pg.mkPen(None)))
        goals = [(i, float(goal)) for i, (_d, _v, goal) in enumerate(days) if goal]
        if goals:
            item.plot([g[0] for g in goals], [g[1] for g in goals], pen=None, symbol="t1", symbolSize=12,
                      symbolBrush="#dc2626", symbolPen=pg.mkPen("#dc2626"))
        step = max(1, len(days) // 12)  # at most about a dozen day labels
        item.getAxis("bottom").setTicks([[(i, d.strftime("%m-%d")) for i, (d, _v, _g) in enumerate(days)
                                          if i % step == 0]])
        _large_axis(item, heights + [g[1] for g in goals], always=True)
        item.setXRange(-0.6, len(days) - 0.4, padding=0)
        top = max(heights + [g[1] for g in goals], default=1) or 1
        item.setYRange(0, top * 1.18, padding=0)
        legend = pg.TextItem(translate("Messages", "bars: GMV · ▼ goal"), color="#4b5563", anchor=(0, 0))
        legend.setPos(-0.55, top * 1.17)
        item.addItem(legend, ignoreBounds=True)
        item.getAxis("left").setWidth(70)
        return {"trend": _export(widget, item)}
    finally:
        widget.close()
        widget.deleteLater()


def period_html(report: PeriodReport, charts: dict[str, bytes], image_width: int = 640, px: float = 1.0) -> str:
    """The period report's PDF content (QTextDocument HTML), in the app's language."""

    families = ", ".join(f"'{f}'" if " " in f else f for f in FONT_FAMILIES)
    generated = translate("Messages", "Generated {0}").format(f"{dt.datetime.now():%Y-%m-%d %H:%M}")
    parts = [
        f'<html><body style="font-family: {families}; font-size: 9.5pt; color: #111827">',
        f'<h1 style="font-size: 18pt; margin-bottom: 2px">{html.escape(report.title)} · '
        f"{html.escape(report.range_text)}</h1>",
        f'<p style="color:#9ca3af; font-size:8pt">{html.escape(generated)}</p>',
    ]
    totals = report.totals
    cards = [
        (translate("Messages", "GMV"), format_value(totals.gmv, "money")),
        (translate("Messages", "GMV attainment"), format_value(totals.gmv_attainment, "rate")),
        (translate("Messages", "Viewers (UV)"), format_value(totals.uv, "count")),
        (translate("Messages", "Conversion"), format_value(totals.conversion, "rate")),
    ]
    parts.append('<table width="100%" cellspacing="6" cellpadding="8"><tr>')
    for label, value in cards:
        parts.append(
            f'<td width="25%" bgcolor="#f3f4f6"><span style="color:#4b5563; font-size:8pt">{html.escape(label)}'
            f'</span><br/><span style="font-size:14pt; font-weight:bold">{html.escape(value)}</span></td>'
        )
    parts.append("</tr></table>")
    counted = translate("Messages", "Streams: {0}, reviewed: {1}").format(totals.streams, totals.reviewed)
    basis = translate(
        "Messages", "attainment: GMV of the streams with a goal / their goals; conversion: buyers / UV (basis: people)"
    )
    parts.append(f'<p style="color:#6b7280; font-size:8pt">{html.escape(counted)} · {html.escape(basis)}</p>')
    if "trend" in charts:
        parts.append(f'<p align="center"><img src="chart://trend" width="{image_width}"/></p>')
    columns = [c for c in period_columns() if c[0] not in ("platform", "account", "status", "uv_attainment")]
    if report.streams:
        totals_row = totals_values(report)
        rows = []
        for item in report.streams:
            values = stream_values(item)
            values["start"] = item.start.strftime("%m-%d %H:%M")  # the year stands in the title
            rows.append(([_cell(values.get(key), kind) for key, _label, kind in columns], None))
        totals_row["title"] = ""  # the count of streams stands under the figures above
        rows.append(([f"<b>{_cell(totals_row.get(key), kind)}</b>" for key, _label, kind in columns], "#eef2f7"))
        parts.append(_table([html.escape(label) for _key, label, _kind in columns], rows, escape=False, px=px,
                            right_from=2, font_pt=7.5, nowrap=True))
    else:
        empty = translate("Messages", "No streams in this period.")
        parts.append(f"<p style='color:#9ca3af'>{html.escape(empty)}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _cell(value, kind: str) -> str:
    if kind == "text":
        return html.escape("" if value is None else str(value))
    return html.escape(format_value(value, kind))


def build_period_report(
    db: Database,
    period: str,
    day: dt.date,
    out_path: str | os.PathLike[str],
    progress: ReportProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the day's, week's or month's report; .xlsx or .pdf by the suffix. Any thread (see reports.py).

    Raises ReportError for another suffix, PeriodError for an unknown period and ImportCancelledError when
    `cancelled()` turns true (nothing is written then).
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
    step(0, "Reading the streams")
    report = period_report(db, period, day)
    step(1, "Drawing the chart")
    charts = on_gui_thread(lambda: render_trend_chart(report))
    step(2, "Writing the report")
    if suffix == ".xlsx":
        write_period_xlsx(report, path, charts)
    else:
        title = f"{report.title} · {report.range_text}"
        html_to_pdf(lambda width, px: period_html(report, charts, width, px), charts, title, path)
    if progress is not None:
        progress(3, 3, "Done")
    return path


__all__ = ["build_period_report", "period_html", "render_trend_chart"]
