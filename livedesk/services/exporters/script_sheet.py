"""Export a stream's run of show (直播脚本) as a printable .xlsx the script importer reads back.

One row per segment: clock start–end in the stream's local time (the computer's time zone), minutes, type,
title, product (with its link number), live price, host lines, cues, props, BGM, notes.
Landscape, fitted to the page width, the header row repeated on every printed page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import LineupItem, Product, Stream
from livedesk.services.exporters.cells import set_text
from livedesk.services.files import atomic_write
from livedesk.services.messages import translate
from livedesk.services.scripts import KIND_LABELS, list_segments

# (header, width, wrapped)
COLUMNS: list[tuple[str, float, bool]] = [
    ("时间节点", 13, False),
    ("时长(分钟)", 8, False),
    ("直播阶段", 8, False),
    ("环节", 18, True),
    ("商品/链接号", 18, True),
    ("直播价", 9, False),
    ("主播动作/口播", 48, True),
    ("副播场控配合", 24, True),
    ("道具", 14, True),
    ("BGM", 12, True),
    ("备注", 18, True),
]


def _clock(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M:%S") if moment.second else moment.strftime("%H:%M")


def export_script_sheet(session: Session, stream_id: int, path: str | Path) -> Path:
    """Write the script to `path` (.xlsx) and return it; written beside the target and moved into place."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    stream = session.get(Stream, stream_id)
    if stream is None:
        raise ValueError(translate("Messages", "Stream {0} does not exist.").format(stream_id))
    path = Path(path)
    segments = list_segments(session, stream_id)
    lineup = {i.product_id: i for i in session.scalars(select(LineupItem).where(LineupItem.stream_id == stream_id))}
    start = stream.start_at.astimezone()

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "直播脚本"
    title = f"{stream.title} 直播脚本（{start:%Y-%m-%d %H:%M} 开播，{stream.planned_minutes} 分钟）"
    set_text(sheet.cell(row=1, column=1), title)  # the stream's title comes first: never a live formula
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    sheet.row_dimensions[1].height = 26

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="C0392B")
    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, (name, width, _wrap) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=2, column=column)
        set_text(cell, name)
        cell.font = header_font
        cell.fill = header_fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[2].height = 22

    wrap = Alignment(vertical="top", wrap_text=True)
    top = Alignment(vertical="top")
    for row, segment in enumerate(segments, start=3):
        begin = start + dt.timedelta(seconds=segment.start_seconds)
        end = begin + dt.timedelta(seconds=segment.duration_seconds)
        product: Product | None = None
        price = None
        product_text = ""
        if segment.product_id is not None:
            product = session.get(Product, segment.product_id)
            item = lineup.get(segment.product_id)
            if product is not None:
                product_text = product.name
                if item is not None and item.link_number is not None:
                    product_text += f"（{item.link_number}号链接）"
                price = item.live_price if item is not None and item.live_price is not None else product.live_price
        elif segment.product_name:  # named by an imported script, not in the pool yet: written as it was read
            product_text = segment.product_name
        values: list[object] = [
            f"{_clock(begin)}-{_clock(end)}",
            round(segment.duration_seconds / 60, 2),
            KIND_LABELS.get(segment.kind, segment.kind),
            segment.title,
            product_text,
            float(price) if price is not None else None,
            segment.host_lines,
            segment.cues,
            segment.props,
            segment.bgm,
            segment.notes,
        ]
        for column, ((_name, _width, wrapped), value) in enumerate(zip(COLUMNS, values, strict=True), start=1):
            cell = sheet.cell(row=row, column=column)
            cell.border = border
            cell.alignment = wrap if wrapped else top
            if value is None or value == "":
                continue
            if isinstance(value, str):
                set_text(cell, value)
            else:
                cell.value = value
            if column == 6:
                cell.number_format = '"¥"#,##0.00'

    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"

    with atomic_write(path) as temporary:
        workbook.save(temporary)
    return path
