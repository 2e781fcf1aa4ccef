"""A stream's written report (场报 / 复盘报告) as an Excel workbook (.xlsx) or a PDF (.pdf).

`build_report` runs on any thread, all of it on that thread: the data comes from
livedesk.services.report_data, the charts are painted on QImages (livedesk.rendering.charts) and the file is
written with openpyxl (.xlsx) or QTextDocument + QPdfWriter (.pdf), to a temporary file moved into place.
A Qt application must exist (`ensure_application` makes one on the main thread when there is none).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from livedesk.config import Preferences
from livedesk.rendering.charts import gmv_chart, online_chart
from livedesk.rendering.html_pdf import escape as _e
from livedesk.rendering.html_pdf import html_to_pdf, report_path
from livedesk.rendering.html_pdf import table as _table
from livedesk.rendering.qt import css_families, ensure_application
from livedesk.rendering.steps import Progress, Steps
from livedesk.services.db import Database
from livedesk.services.exporters.review_report import (
    debrief_labels,
    format_start,
    format_value,
    kpi_rows,
    moment_kinds,
    ranked_products,
    report_title,
    stream_details,
    write_review_xlsx,
)
from livedesk.services.messages import translate
from livedesk.services.report_data import ReportData, gather_report_data
from livedesk.services.review_model import low_click_rate_of, rate_text


def render_charts(data: ReportData) -> dict[str, bytes]:
    """PNG bytes of the online curve (with segment bands and moments) and of GMV per minute + cumulative.

    Any thread. Empty when the stream has no curve.
    """
    if data.chart.empty:
        return {}
    charts = {"online": online_chart(data.chart, data.moments)}
    if any(v for v in data.chart.series.get("gmv", []) if v):
        charts["gmv"] = gmv_chart(data.chart, data.curve_rows, data.stream_info.get("gmv_target"))
    return charts


def write_xlsx(data: ReportData, charts: dict[str, bytes], out_path: Path) -> Path:
    return write_review_xlsx(
        data.summary, data.stream_info, data.curve_rows, data.moments, data.improvements, data.debrief, out_path,
        chart_pngs=charts,
    )


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
    families = css_families()
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
            escape_cells=False, px=px, right_from=2, font_pt=8, widths={1: "24%"},
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


def write_pdf(data: ReportData, charts: dict[str, bytes], out_path: Path) -> Path:
    """The stream's report on A4 pages, with a page footer."""
    title = report_title(data.stream_info.get("title") or "")
    return html_to_pdf(
        lambda image_width, px: report_html(data, charts, image_width=image_width, px=px), charts, title, out_path
    )


def build_report(
    db: Database,
    stream_id: int,
    out_path: str | os.PathLike[str],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    prefs: Preferences | None = None,
) -> Path:
    """Write the stream's report; the file type follows the suffix (.xlsx or .pdf). Any thread.
    Its figures are judged by `prefs` (UV value floor, low click rate), as the review tab judges them.

    Raises ReportError for another suffix, StreamNotFoundError for an unknown stream and ImportCancelledError
    when `cancelled()` turns true (no file is written then).
    """
    path = report_path(out_path)
    step = Steps(3, progress, cancelled)
    ensure_application()
    step(0, "Reading the review")
    data = gather_report_data(db, stream_id, prefs)
    step(1, "Drawing the charts")
    charts = render_charts(data)
    step(2, "Writing the report")
    if path.suffix.lower() == ".xlsx":
        write_xlsx(data, charts, path)
    else:
        write_pdf(data, charts, path)
    step.finish()
    return path


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
