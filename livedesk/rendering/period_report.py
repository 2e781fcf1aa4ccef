"""日报 / 周报 / 月报 files (.xlsx or .pdf): the period's streams, totals and a GMV trend chart.

Built like the stream's report (livedesk.rendering.review_report), all on the calling thread: the figures
come from livedesk.services.period_report, the chart is painted on a QImage, the file is written in place.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Callable
from pathlib import Path

from livedesk.rendering.charts import trend_chart
from livedesk.rendering.html_pdf import html_to_pdf, report_path, table
from livedesk.rendering.qt import css_families, ensure_application
from livedesk.rendering.steps import Progress, Steps
from livedesk.services.db import Database
from livedesk.services.exporters.period_report import (
    daily_gmv,
    period_columns,
    stream_values,
    totals_values,
    write_period_xlsx,
)
from livedesk.services.exporters.review_report import format_value
from livedesk.services.messages import translate
from livedesk.services.period_report import PeriodReport, period_report


def render_trend_chart(report: PeriodReport) -> dict[str, bytes]:
    """PNG of GMV per day (bars) with the day's GMV goals (▼). Any thread. Empty without any GMV."""
    days = daily_gmv(report)
    if not any(gmv is not None for _day, gmv, _goal in days):
        return {}
    return {"trend": trend_chart(days)}


def period_html(report: PeriodReport, charts: dict[str, bytes], image_width: int = 640, px: float = 1.0) -> str:
    """The period report's PDF content (QTextDocument HTML), in the app's language."""

    families = css_families()
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
        parts.append(table([html.escape(label) for _key, label, _kind in columns], rows, escape_cells=False, px=px,
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
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the day's, week's or month's report; .xlsx or .pdf by the suffix. Any thread.

    Raises ReportError for another suffix, PeriodError for an unknown period and ImportCancelledError when
    `cancelled()` turns true (nothing is written then).
    """
    path = report_path(out_path)
    step = Steps(3, progress, cancelled)
    ensure_application()
    step(0, "Reading the streams")
    report = period_report(db, period, day)
    step(1, "Drawing the chart")
    charts = render_trend_chart(report)
    step(2, "Writing the report")
    if path.suffix.lower() == ".xlsx":
        write_period_xlsx(report, path, charts)
    else:
        title = f"{report.title} · {report.range_text}"
        html_to_pdf(lambda width, px: period_html(report, charts, width, px), charts, title, path)
    step.finish()
    return path
