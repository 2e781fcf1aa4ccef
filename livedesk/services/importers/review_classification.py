"""Recognising a review file: its kind and its tables, from its sheets and headers (never from its name)."""

from __future__ import annotations

from collections.abc import Mapping

from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.review_results import (
    NotRecognisedFailed,
)
from livedesk.services.importers.review_tables import (
    _KEY_VALUE_SCAN,
)
from livedesk.services.importers.review_vocabulary import (
    _DOUYIN_MIN_LABELS,
    _NORM_DOUYIN_KEYS,
    _NORM_TABLE_FIELDS,
    _NORM_TAOBAO_MARKERS,
    _POOL_HEADERS,
    _RECOGNISE_ANY,
    _SCRIPT_HEADERS,
    KIND_DOUYIN_WORKBOOK,
    KIND_ORDERS,
    KIND_TAOBAO_WORKBOOK,
    KIND_TREND,
    REQUIRED_FIELDS,
    _norm_set,
    label_key,
    understood_kinds,
)
from livedesk.services.importers.tabular import Row, Sheet, normalise_header
from livedesk.services.importers.values import (
    is_empty,
    parse_clock_time,
    parse_int,
)
from livedesk.services.messages import translate

# ---------------------------------------------------------------- recognising files


def _sheet_header_names(rows: list[Row], scan: int = 15) -> set[str]:
    names: set[str] = set()
    for row in rows[:scan]:
        names.update(label_key(c) for c in row if not is_empty(c))
    return names


def _find_table_header(rows: list[Row], table: str, mapping: Mapping[str, str | None] | None = None) -> int | None:
    spec = _NORM_TABLE_FIELDS[table]
    overrides = {label_key(h): f for h, f in (mapping or {}).items()}
    for index, row in enumerate(rows[:15]):
        found: set[str] = set()
        for cell in row:
            key = label_key(cell)
            if not key:
                continue
            if key in overrides:
                if overrides[key]:
                    found.add(overrides[key])  # type: ignore[arg-type]
                continue
            for name, (_p, synonyms) in spec.items():
                if key in synonyms:
                    found.add(name)
        if all(f in found for f in REQUIRED_FIELDS[table]) and (
            not _RECOGNISE_ANY[table] or found & set(_RECOGNISE_ANY[table])
        ):
            return index
    return None


def _looks_headerless(rows: list[Row]) -> bool:
    first = rows[0]
    if len(first) < 2:
        return False
    try:
        return parse_clock_time(first[0]) is not None and parse_int(first[1]) is not None
    except ValueError:
        return False


def _has_groups(names: set[str], groups: tuple[set[str], ...]) -> bool:
    return all(names & _norm_set(g) for g in groups)


def _classify(
    file_name: str, sheets: list[Sheet], mapping: Mapping[str, str | None] | None = None
) -> tuple[str, list[tuple[Sheet, str, int]]]:
    """The file's kind and its tables as (sheet, table, header index)."""
    if not any(any(not is_empty(c) for c in row) for s in sheets for row in s.rows):
        raise ImportFailed(
            file_name, translate("Messages", "The file holds no data at all. Download the export again from the platform.")
        )
    tables: list[tuple[Sheet, str, int]] = []
    douyin = taobao = False
    for sheet in sheets:
        names = _sheet_header_names(sheet.rows)
        if _has_groups(names, _SCRIPT_HEADERS):
            raise ImportFailed(
                file_name,
                translate(
                    "Messages", "This is a live script workbook (直播脚本), not a data export. Import it in the Script tab."
                ),
            )
        if _has_groups(names, _POOL_HEADERS):
            raise ImportFailed(
                file_name,
                translate(
                    "Messages", "This is a product pool sheet (选品表), not a data export. Import it in the Products tab."
                ),
            )
        if "sku" in normalise_header(sheet.name):
            continue  # the optional SKU breakdown repeats the product figures
        for table in ("orders", "trend", "products", "channels"):
            index = _find_table_header(sheet.rows, table, mapping)
            if index is not None:
                tables.append((sheet, table, index))
                break
        else:
            labels = _sheet_header_names(sheet.rows, scan=_KEY_VALUE_SCAN)  # labels may sit on any row
            if labels & _NORM_TAOBAO_MARKERS:
                taobao = True
            elif len(labels & set(_NORM_DOUYIN_KEYS)) >= _DOUYIN_MIN_LABELS:
                douyin = True
    table_kinds = {t for _s, t, _i in tables}
    if taobao:
        return KIND_TAOBAO_WORKBOOK, tables
    if douyin or "channels" in table_kinds:
        return KIND_DOUYIN_WORKBOOK, tables
    if table_kinds == {"orders"}:
        return KIND_ORDERS, tables
    if table_kinds == {"trend"}:
        return KIND_TREND, tables
    if "trend" in table_kinds or "products" in table_kinds:
        return KIND_TREND if "trend" in table_kinds else KIND_DOUYIN_WORKBOOK, tables
    raise NotRecognisedFailed(
        file_name,
        translate(
            "Messages",
            "This file is not an export LiveDesk understands (its sheets and headers match none). "
            "Understood kinds: {0}. In the window, map its columns in the import preview "
            "(at least the time and the online viewers of a per-minute table); pasted tables are imported with Paste.",
        ).format(understood_kinds()),
    )
