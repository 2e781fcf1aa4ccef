"""日报 / 周报 / 月报 as an Excel workbook: one row per stream, a totals row, the trend chart beside them. No Qt.

Money and ratios are stored as numbers with their formats (one format per column), text as text (never a
formula); the file is written next to the target and moved into place, like the stream's review.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from livedesk.services.exporters.review_report import (
    _add_charts,
    _header,
    _save_atomically,
    _set,
    _styles,
    platform_name,
)
from livedesk.services.messages import translate
from livedesk.services.period_report import PeriodReport, PeriodStream


def status_name(status: str) -> str:
    return {
        "planned": translate("Messages", "Planned"),
        "scripted": translate("Messages", "Scripted"),
        "rehearsed": translate("Messages", "Rehearsed"),
        "live": translate("Messages", "Live"),
        "reviewed": translate("Messages", "Reviewed"),
    }.get(status, status)


def period_columns() -> tuple[tuple[str, str, str], ...]:
    """(key, header, kind) of the streams table, shared by the workbook and the PDF."""

    return (
        ("start", translate("Messages", "Start"), "text"),
        ("title", translate("Messages", "Stream"), "text"),
        ("platform", translate("Messages", "Platform"), "text"),
        ("account", translate("Messages", "Account"), "text"),
        ("status", translate("Messages", "Status"), "text"),
        ("gmv", translate("Messages", "GMV"), "money"),
        ("gmv_target", translate("Messages", "GMV target"), "money"),
        ("gmv_attainment", translate("Messages", "GMV attainment"), "rate"),
        ("uv", translate("Messages", "Viewers (UV)"), "count"),
        ("uv_attainment", translate("Messages", "UV attainment"), "rate"),
        ("buyers", translate("Messages", "Buyers"), "count"),
        ("conversion", translate("Messages", "Conversion"), "rate"),
        ("conversion_attainment", translate("Messages", "Conversion attainment"), "rate"),
    )


def stream_values(item: PeriodStream) -> dict[str, Any]:
    return {
        "start": item.start.strftime("%Y-%m-%d %H:%M"),
        "title": item.title,
        "platform": platform_name(item.platform),
        "account": item.account,
        "status": status_name(item.status),
        "gmv": item.gmv,
        "gmv_target": item.gmv_target,
        "gmv_attainment": item.gmv_attainment,
        "uv": item.uv,
        "uv_attainment": item.uv_attainment,
        "buyers": item.buyers,
        "conversion": item.conversion,
        "conversion_attainment": item.conversion_attainment,
    }


def totals_values(report: PeriodReport) -> dict[str, Any]:
    totals = report.totals
    return {
        "start": translate("Messages", "Total"),
        "title": translate("Messages", "Streams: {0}, reviewed: {1}").format(totals.streams, totals.reviewed),
        "gmv": totals.gmv,
        "gmv_target": totals.gmv_target,
        "gmv_attainment": totals.gmv_attainment,
        "uv": totals.uv,
        "buyers": totals.buyers,
        "conversion": totals.conversion,
    }


def daily_gmv(report: PeriodReport) -> list[tuple[dt.date, Decimal | None, Decimal | None]]:
    """(day, GMV, GMV goal) for every day of the period, for the trend chart; None where nothing is known."""
    days: dict[dt.date, list[Decimal | None]] = {}
    day = report.first_day
    while day <= report.last_day:
        days[day] = [None, None]
        day += dt.timedelta(days=1)
    for item in report.streams:
        entry = days.setdefault(item.start.date(), [None, None])
        if item.gmv is not None:
            entry[0] = (entry[0] or Decimal(0)) + item.gmv
        if item.gmv_target:
            entry[1] = (entry[1] or Decimal(0)) + item.gmv_target
    return [(d, v[0], v[1]) for d, v in sorted(days.items())]


def write_period_xlsx(
    report: PeriodReport, out_path: str | os.PathLike[str], chart_pngs: Mapping[str, bytes] | None = None
) -> Path:
    """Write the period's workbook and return its path."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    styles = _styles()
    columns = period_columns()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = report.title
    _set(sheet.cell(row=1, column=1), f"{report.title} · {report.range_text}")
    sheet.cell(row=1, column=1).font = styles["title_font"]
    header_row = 3
    _header(sheet, header_row, [label for _key, label, _kind in columns], styles)
    row = header_row
    for item in report.streams:
        row += 1
        values = stream_values(item)
        for c, (key, _label, kind) in enumerate(columns, start=1):
            cell = sheet.cell(row=row, column=c)
            _set(cell, values.get(key), kind)
            cell.border = styles["border"]
    if not report.streams:
        row += 1
        _set(sheet.cell(row=row, column=1), translate("Messages", "No streams in this period."))
        sheet.cell(row=row, column=1).font = styles["muted"]
    row += 1
    totals = totals_values(report)
    for c, (key, _label, kind) in enumerate(columns, start=1):
        cell = sheet.cell(row=row, column=c)
        _set(cell, totals.get(key), kind)
        cell.font = Font(bold=True)
        cell.border = styles["border"]
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=3)
    widths = {"start": 17, "title": 26, "platform": 10, "account": 16, "status": 9}
    for c, (key, label, _kind) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = widths.get(key, max(12, min(18, len(label) + 4)))
    _add_charts(sheet, chart_pngs or {}, anchor_column=get_column_letter(len(columns) + 2))
    return _save_atomically(workbook, Path(out_path))


__all__ = ["daily_gmv", "period_columns", "status_name", "stream_values", "totals_values", "write_period_xlsx"]
