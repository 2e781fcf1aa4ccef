"""Export the schedule (排期表) as a formatted .xlsx that the schedule importer reads back unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from livedesk.services.exporters.cells import set_text
from livedesk.services.files import atomic_write
from livedesk.services.importers.schedule_sheet import (
    PLATFORM_LABELS,
    ROLE_COLUMNS,
    STATUS_LABELS,
    TYPE_LABELS,
    format_header,
)
from livedesk.services.schedule import StreamData

SHEET_TITLE = "排期表"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MONEY_FORMAT = '"¥"#,##0.00'
COUNT_FORMAT = "#,##0"
PERCENT_FORMAT = "0.00%"

_Getter = Callable[[StreamData], object]


def _people(role: str) -> _Getter:
    return lambda s: "、".join(name for name, r in s.people if r == role)


def _label(labels: dict[str, tuple[str, ...]], attribute: str) -> _Getter:
    return lambda s: labels.get(getattr(s, attribute), (getattr(s, attribute),))[0]


def _local_naive(moment: dt.datetime) -> dt.datetime:
    """Excel has no time zones: the wall-clock time where the team works."""
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(microsecond=0)


# (field, value getter, number format or None, column width)
_COLUMNS: list[tuple[str, _Getter, str | None, float]] = [
    ("title", lambda s: s.title, None, 28),
    ("start", lambda s: _local_naive(s.start_at), DATETIME_FORMAT, 18),
    ("minutes", lambda s: s.planned_minutes, "0", 11),
    ("platform", _label(PLATFORM_LABELS, "platform"), None, 10),
    ("account", lambda s: s.account, None, 16),
    ("theme", lambda s: s.theme, None, 14),
    ("stream_type", _label(TYPE_LABELS, "stream_type"), None, 9),
    ("status", _label(STATUS_LABELS, "status"), None, 8),
    *((role_field, _people(role), None, 12) for role_field, role in ROLE_COLUMNS.items()),
    ("gmv_target", lambda s: s.gmv_target, MONEY_FORMAT, 14),
    ("viewers_target", lambda s: s.viewers_target, COUNT_FORMAT, 13),
    ("peak_online_target", lambda s: s.peak_online_target, COUNT_FORMAT, 13),
    ("conversion_target", lambda s: s.conversion_target, PERCENT_FORMAT, 11),
    ("new_followers_target", lambda s: s.new_followers_target, COUNT_FORMAT, 11),
    ("welfare_plan", lambda s: s.welfare_plan, None, 30),
    ("warmup_plan", lambda s: s.warmup_plan, None, 30),
    ("notes", lambda s: s.notes, None, 30),
]


def export_schedule(streams: list[StreamData], path: str | Path) -> Path:
    """Write the streams, in start order, to an .xlsx file; returns the path written.

    The file is written beside the target and moved into place, so a failed export never leaves half a file.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="C0392B")
    thin = Side(style="thin", color="D0D0D0")
    for column, (name, _getter, _fmt, width) in enumerate(_COLUMNS, start=1):
        cell = sheet.cell(row=1, column=column)
        set_text(cell, format_header(name))
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=thin)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[1].height = 22

    wrap = Alignment(vertical="top", wrap_text=True)
    top = Alignment(vertical="top")
    for row, stream in enumerate(sorted(streams, key=lambda s: (s.start_at, s.id or 0)), start=2):
        for column, (name, getter, number_format, _width) in enumerate(_COLUMNS, start=1):
            value = getter(stream)
            if value is None or value == "":
                continue
            cell = sheet.cell(row=row, column=column)
            if isinstance(value, str):
                set_text(cell, value)  # stored as text, never evaluated
                cell.alignment = wrap if name in ("welfare_plan", "warmup_plan", "notes", "title") else top
            else:
                cell.value = float(value) if name in ("gmv_target", "conversion_target") else value
                cell.alignment = top
            if number_format:
                cell.number_format = number_format

    sheet.freeze_panes = "A2"
    last = get_column_letter(len(_COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(streams) + 1)}"

    with atomic_write(path) as temporary:
        workbook.save(temporary)
    return path
