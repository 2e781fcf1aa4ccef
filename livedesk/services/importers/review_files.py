"""Read the files a team brings to the review (复盘): platform exports and pasted tables.

The kind of a file is found from its sheets and headers, never from its name:

* ``douyin_workbook`` – Douyin 百应 "整场数据下载" (基本信息, 转化漏斗, 渠道分析, 互动, 商品数据);
* ``trend`` – a per-minute trend table (.xlsx or .csv);
* ``taobao_workbook`` – Taobao Live session workbook (key/value sheet, per-minute sheet, product sheet);
* ``douyin_orders`` – a 抖店 order export;
* ``pasted_trend`` – a table copied from a dashboard (time and online viewers at least).

Parsing is all-or-nothing: every bad cell is collected and one ``ImportFailed`` lists them all.
Everything returned is plain data (dataclasses, Decimal, aware datetimes); nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from livedesk.services.importers.errors import CellProblem, ImportFailed
from livedesk.services.importers.file_reads import read_file

# The reading is split by section; this module stays the door, with the names it always had.
from livedesk.services.importers.review_cells import _CENT as _CENT
from livedesk.services.importers.review_cells import _GUARDS as _GUARDS
from livedesk.services.importers.review_cells import _Cells
from livedesk.services.importers.review_cells import _iso_datetime as _iso_datetime
from livedesk.services.importers.review_classification import _classify, _find_table_header, _looks_headerless
from livedesk.services.importers.review_results import (
    ORDER_FIELDS,
    SLOT_MARGIN,
    ChannelRow,
    CurveRow,
    FileInspection,
    NotRecognisedFailed,
    OrderRow,
    ParsedReviewData,
    ProductRow,
    TableMapping,
    WrongDayFailed,
    check_slot,
)
from livedesk.services.importers.review_tables import (
    _finish_figures,
    _has_data,
    _parse_key_values,
    _parse_table_into,
    _value_like,
)
from livedesk.services.importers.review_tables import _is_total_row as _is_total_row
from livedesk.services.importers.review_vocabulary import _DATETIME as _DATETIME
from livedesk.services.importers.review_vocabulary import _INT as _INT
from livedesk.services.importers.review_vocabulary import _MONEY as _MONEY
from livedesk.services.importers.review_vocabulary import (
    _NORM_DOUYIN_KEYS,
    _NORM_TAOBAO_KEYS,
    DERIVED,
    EXACT_DERIVED,
    FIGURE_FIELDS,
    KIND_DOUYIN_WORKBOOK,
    KIND_LABELS,
    KIND_ORDERS,
    KIND_PASTED,
    KIND_TAOBAO_WORKBOOK,
    KIND_TREND,
    REQUIRED_FIELDS,
    ROUNDED,
    SHANGHAI,
    STATED,
    TABLE_FIELDS,
    detect_mapping,
    kind_label,
    label_key,
    table_fields,
    understood_kinds,
)
from livedesk.services.importers.review_vocabulary import _TEXT as _TEXT
from livedesk.services.importers.tabular import Sheet, read_delimited_text
from livedesk.services.importers.values import (
    is_empty,
)
from livedesk.services.messages import translate


def inspect_review_file(path: str | Path) -> FileInspection:
    """Recognise a file and show how its columns would be read, without parsing every value."""
    path = Path(path)
    sheets = read_file(path).sheets  # kept for the parse that follows (file_reads.py): one read per import
    try:
        kind, tables = _classify(path.name, sheets)
    except NotRecognisedFailed:
        return _unrecognised(path.name, sheets)
    mappings = [
        TableMapping(s.name, table, index + 1, detect_mapping(table, s.rows[index])) for s, table, index in tables
    ]
    return FileInspection(path.name, kind, kind_label(kind), mappings)


def _unrecognised(file_name: str, sheets: list[Sheet]) -> FileInspection:
    """A table of a platform with no known export (Kuaishou, Channels, Xiaohongshu): offered for mapping.

    Its header is the first row of text over a row of data, in the first sheet that has one; it is read as a
    per-minute trend once the user maps at least its time and online-viewer columns (saved as a preset).
    """
    for sheet in sheets:
        for index, row in enumerate(sheet.rows[:15]):
            texts = [c for c in row if not is_empty(c)]
            below = sheet.rows[index + 1] if index + 1 < len(sheet.rows) else []
            if len(texts) >= 2 and all(isinstance(c, str) and not _value_like(c) for c in texts) and _has_data(below):
                mapping = TableMapping(sheet.name, "trend", index + 1, detect_mapping("trend", row))
                label = translate("Messages", "not recognised: map its columns (a per-minute table needs time and online viewers)")
                return FileInspection(file_name, KIND_TREND, label, [mapping], recognised=False)
    _classify(file_name, sheets)  # no header row at all: refuse with the usual message
    raise AssertionError("unreachable")  # pragma: no cover


def parse_review_file(
    path: str | Path,
    stream_start: dt.datetime | None = None,
    mapping: Mapping[str, str | None] | None = None,
    stream_end: dt.datetime | None = None,
) -> ParsedReviewData:
    """Parse one export file. `mapping` overrides the detected columns: header in file -> field (None ignores).

    With the stream's planned start and end, a list of sessions gives the row of this stream, and a file
    whose times lie outside the stream's slot (± 2 hours) is refused (`WrongDayFailed`).
    """
    path = Path(path)
    read = read_file(path)
    # the preview and the import parse the same file for the same stream; unless the user changed the mapping
    # in between, the import takes the preview's result (parsed data is never changed once made)
    key = ("review", stream_start, stream_end, frozenset((mapping or {}).items()))
    kept = read.parsed.get(key)
    if isinstance(kept, ParsedReviewData):
        return kept
    data = parse_review_sheets(path.name, read.sheets, stream_start, mapping, stream_end=stream_end)
    read.parsed[key] = data
    return data


def parse_pasted_text(
    text: str,
    stream_start: dt.datetime | None = None,
    mapping: Mapping[str, str | None] | None = None,
    stream_end: dt.datetime | None = None,
) -> ParsedReviewData:
    """A per-minute table copied from a dashboard: at least a time column and online viewers."""
    name = "clipboard"
    rows = [r for r in read_delimited_text(text, name) if any(not is_empty(c) for c in r)]
    if not rows:
        raise ImportFailed(
            name, translate("Messages", "The pasted text is empty. Copy the table (time and online viewers) and paste again.")
        )
    if _find_table_header(rows, "trend") is None and _looks_headerless(rows):
        rows = [["时间", "在线人数"] + [f"列{i}" for i in range(3, len(rows[0]) + 1)]] + rows
    if _find_table_header(rows, "trend") is None and not mapping:
        raise ImportFailed(
            name,
            translate(
                "Messages",
                "The pasted table needs a time column (时间) and an online-viewer column (在线人数). "
                "Copy the header row too, or paste two columns: time and online viewers.",
            ),
        )
    data = parse_review_sheets(
        name, [Sheet("clipboard", rows)], stream_start, mapping, forced_kind=KIND_PASTED, stream_end=stream_end
    )
    data.kind = KIND_PASTED
    return data


def parse_table(
    file_name: str,
    sheet: Sheet,
    table: str,
    header_index: int,
    mapping: Mapping[str, str | None],
    stream_start: dt.datetime | None = None,
) -> ParsedReviewData:
    """Parse one table with an explicit mapping (header in file -> field), e.g. after the user corrected it."""
    data = ParsedReviewData(file_name, KIND_TREND if table == "trend" else table)
    cells = _Cells(file_name)
    _parse_table_into(data, cells, sheet, table, header_index, dict(mapping), stream_start)
    cells.raise_if_any()
    return data


def parse_review_sheets(
    file_name: str,
    sheets: list[Sheet],
    stream_start: dt.datetime | None = None,
    mapping: Mapping[str, str | None] | None = None,
    forced_kind: str | None = None,
    stream_end: dt.datetime | None = None,
) -> ParsedReviewData:
    slot = (stream_start, stream_end or stream_start) if stream_start is not None else None
    if forced_kind == KIND_PASTED:
        index = _find_table_header(sheets[0].rows, "trend", mapping)
        if index is None:
            raise ImportFailed(
                file_name, translate("Messages", "No header row with a time and an online-viewer column was found.")
            )
        kind, tables = KIND_PASTED, [(sheets[0], "trend", index)]
    else:
        kind, tables = _classify(file_name, sheets, mapping)
    data = ParsedReviewData(file_name, kind)
    cells = _Cells(file_name)
    if kind in (KIND_DOUYIN_WORKBOOK, KIND_TAOBAO_WORKBOOK):
        keys = _NORM_DOUYIN_KEYS if kind == KIND_DOUYIN_WORKBOOK else _NORM_TAOBAO_KEYS
        table_sheets = {id(s) for s, _t, _i in tables}
        for sheet in sheets:
            if id(sheet) not in table_sheets:
                _parse_key_values(data, cells, sheet, keys, slot)
        if stream_start is None and isinstance(data.figures.get("started_at"), dt.datetime):
            stream_start = data.figures["started_at"]  # type: ignore[assignment]
    for sheet, table, index in tables:
        columns = detect_mapping(table, sheet.rows[index])
        if mapping:
            columns.update({h: f for h, f in mapping.items() if h in columns})
        _parse_table_into(data, cells, sheet, table, index, columns, stream_start)
    cells.raise_if_any()
    _finish_figures(data)
    if slot is not None:
        check_slot(data, *slot)
    return data


__all__ = [
    "ImportFailed",
    "CellProblem",
    "ORDER_FIELDS",
    "SLOT_MARGIN",
    "ChannelRow",
    "CurveRow",
    "FileInspection",
    "NotRecognisedFailed",
    "OrderRow",
    "ParsedReviewData",
    "ProductRow",
    "TableMapping",
    "WrongDayFailed",
    "check_slot",
    "DERIVED",
    "EXACT_DERIVED",
    "FIGURE_FIELDS",
    "KIND_DOUYIN_WORKBOOK",
    "KIND_LABELS",
    "KIND_ORDERS",
    "KIND_PASTED",
    "KIND_TAOBAO_WORKBOOK",
    "KIND_TREND",
    "REQUIRED_FIELDS",
    "ROUNDED",
    "SHANGHAI",
    "STATED",
    "TABLE_FIELDS",
    "detect_mapping",
    "kind_label",
    "label_key",
    "table_fields",
    "understood_kinds",
    "inspect_review_file",
    "parse_review_file",
    "parse_pasted_text",
    "parse_table",
    "parse_review_sheets",
]
