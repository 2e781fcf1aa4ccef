"""The 抖店 order export read column by column: C-level `map`s over whole columns, not Python per cell.

An order export runs to 100,000 rows × a dozen columns. `parse_order_columns` converts a whole column at
once when it has one clean shape (ISO date-time texts, amounts as floats or plain decimal texts, ids guarded
with a tab, …), which is what real exports hold, and converts any other column cell by cell with the
table's usual row converter. The lines, held as an `OrderTable`, are the same `OrderRow`s as the row-by-row reader's. When anything is off
(a bad cell, a missing id or amount, an id Excel stored as a number) it answers False and leaves `data`
alone; the row-by-row reader then runs and reports every problem with its file, sheet, row and column.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from decimal import Decimal
from itertools import repeat
from operator import add, and_, eq, getitem, is_, itemgetter

from livedesk.services.importers.order_table import OrderTable
from livedesk.services.importers.review_files import (
    _CENT,
    _DATETIME,
    _GUARDS,
    _INT,
    _MONEY,
    _TEXT,
    ORDER_FIELDS,
    ParsedReviewData,
    _has_data,
    _is_total_row,
    _iso_datetime,
)
from livedesk.services.importers.tabular import Row, Sheet
from livedesk.services.importers.values import EMPTY_MARKERS, MAX_COUNT, PLAIN_COUNT, PLAIN_MONEY

ColumnConverter = Callable[[list[tuple[int, str, str]], list[object]], Callable[[Row, int], list[object]]]

_FIRST = slice(0, 1)
_DEFAULTS = {"quantity": 1, "submitted_at": None}  # a field without a column; any other defaults to ""
_BLANKS = dict.fromkeys([*EMPTY_MARKERS, None], "")  # what the row converter makes of an empty text cell


def parse_order_columns(
    data: ParsedReviewData,
    sheet: Sheet,
    header_index: int,
    plan: Sequence[tuple[int, str, str, str]],
    row_converter: ColumnConverter,
) -> bool:
    """Set `data.orders` (and widen its span) from the order table; False: nothing done, read it by rows.

    `plan` is (column index, field, parser, header text) per mapped column. `row_converter(steps, problems)`
    compiles the usual row converter for some of those columns, collecting its problems in `problems`.
    """
    body = sheet.rows[header_index + 1 :]
    if not body:
        return False
    reach = max(col for col, _n, _p, _t in plan) + 1
    width = len(body[0])
    if width >= max(reach, 2) and min(map(len, body)) == width == max(map(len, body)):
        table: Sequence[Sequence[object]] = list(zip(*body, strict=True))  # one pass, row by row
        texts = {col: _text_column(table[col]) for col in (0, 1)}
        if _all_digits(texts[0]) and (_all_digits(texts[1]) or str not in set(map(type, table[1]))):
            numbers = list(range(header_index + 2, header_index + 2 + len(body)))  # every row holds data
        else:
            table = []
    else:
        table, texts = [], {}
    if not table:  # blank, total or short rows: the usual checks, row by row
        numbers, body = _data_rows(body, header_index + 2, reach)
        if not numbers:
            return False
        table, texts = [list(map(itemgetter(col), body)) for col in range(reach)], {}
    raw: dict[str, Sequence[object]] = {}
    values: dict[str, Sequence[object]] = {}
    for col, name, parser, text in plan:
        column = table[col]
        raw[name] = column
        converted = texts[col] if parser == _TEXT and col in texts else _convert(column, parser)
        if converted is None:  # no one clean shape: this column cell by cell, as the row reader does
            problems: list[object] = []
            convert = row_converter([(col, parser, text)], problems)
            converted = list(map(itemgetter(0), map(convert, body, numbers)))
            if problems:
                return False
        values[name] = converted
    for name in ("order_id", "sub_order_id"):
        if name in raw and set(map(type, raw[name])) != {str}:
            return False  # numbers where ids belong: the row reader refuses those Excel rounded
    if "" in values["order_id"] or None in values["amount"]:
        return False  # the row reader names each row without an id or an amount
    quantities = values.get("quantity")
    if quantities is not None and None in quantities:
        values["quantity"] = [1 if q is None else q for q in quantities]
    lines = len(numbers)
    data.orders = OrderTable(
        {name: values[name] if name in values else [_DEFAULTS.get(name, "")] * lines for name in ORDER_FIELDS}
    )  # type: ignore[assignment]  # a Sequence[OrderRow]: rows are built only if asked for
    times = set(values.get("submitted_at", ())) - {None}
    if times:
        data.widen_span(min(times), max(times))  # type: ignore[type-var]
    return True


def _data_rows(body: list[Row], first_number: int, reach: int) -> tuple[list[int], list[Row]]:
    """The rows that hold data (no blank or total rows) with their 1-based numbers, short ones padded.

    A row whose first cell, and its second when that is text, starts with a digit once its Excel guards are
    stripped holds data and is no total row: every row of an order export. Other rows get the usual checks.
    """
    if min(map(len, body)) >= 2:
        surely = list(map(and_, _digit_led(list(map(itemgetter(0), body)), True),
                          _digit_led(list(map(itemgetter(1), body)), False)))  # fmt: skip
    else:
        surely = [False] * len(body)
    if all(surely) and min(map(len, body)) >= reach:
        return list(range(first_number, first_number + len(body))), body
    numbers: list[int] = []
    rows: list[Row] = []
    for index, (row, sure) in enumerate(zip(body, surely, strict=True)):
        if not sure and (not _has_data(row) or _is_total_row(row)):
            continue
        if len(row) < reach:  # a short row: its missing cells are blank
            row = row + [None] * (reach - len(row))
        numbers.append(first_number + index)
        rows.append(row)
    return numbers, rows


def _all_digits(texts: Sequence[object] | None) -> bool:
    """Every converted text is a number (an order id): its row holds data and is no total row."""
    return texts is not None and all(map(str.isdigit, texts))  # type: ignore[arg-type]


def _digit_led(cells: list[object], text_only: bool) -> list[bool]:
    """Per cell: a text starting with a digit once guarded (or, unless `text_only`, no text at all)."""
    if set(map(type, cells)) == {str}:
        return list(map(str.isdigit, map(getitem, map(str.strip, cells, repeat(_GUARDS)), repeat(_FIRST))))
    return [v.strip(_GUARDS)[:1].isdigit() if type(v) is str else not text_only for v in cells]


def _convert(column: Sequence[object], parser: str) -> Sequence[object] | None:
    """The column converted as the row converter converts each of its cells, or None when it has no one
    clean shape (then it is converted cell by cell).

    Most columns hold few distinct values (statuses, products, seconds): each is checked or read once.
    """
    if parser == _TEXT:
        return _text_column(column)
    if parser == _MONEY:  # amounts are mostly distinct: no set of them
        kinds = set(map(type, column))
        # as the row converter: floats up to 1e10 with at most two decimals; plain texts as PLAIN_MONEY reads
        if kinds == {float} and _in_range(column, 1e10) and all(map(eq, map(round, column, repeat(2)), column)):
            # each float is the one nearest a value in cents, far closer than half a cent up to 1e10: its
            # exact binary value quantized gives that value, as the row converter's Decimal(repr(x)) does
            return list(map(Decimal.quantize, map(Decimal, column), repeat(_CENT)))
        if kinds == {str} and all(map(PLAIN_MONEY.match, column)):
            return list(map(Decimal.quantize, map(Decimal, column), repeat(_CENT)))
        return None
    distinct = set(column)
    kinds = set(map(type, distinct))
    if len(kinds) != 1:
        return None
    kind = kinds.pop()
    if parser == _INT:
        if kind is float and _in_range(distinct, 1e9) and all(map(float.is_integer, distinct)):
            return list(map({v: int(v) for v in distinct}.__getitem__, column))
        if kind is int and min(distinct) >= 0 and max(distinct) <= MAX_COUNT:
            return column
        if kind is str and all(map(PLAIN_COUNT.match, distinct)):
            return list(map({v: int(v) for v in distinct}.__getitem__, column))
    elif parser == _DATETIME and kind is str:
        # exports repeat the second of many orders: each distinct text is read once
        moments = {text: _iso_datetime(text) for text in distinct}
        if None not in moments.values():
            return list(map(moments.__getitem__, column))
    return None


def _in_range(values: Collection[float], top: float) -> bool:
    """Every float is a number in [0, top], the row converter's inline form."""
    return not any(map(math.isnan, values)) and min(values) >= 0 and max(values) <= top


def _text_column(column: Sequence[object]) -> Sequence[object] | None:
    """Texts without an Excel guard at either end, kept as they are (empty markers and blanks as ""), or
    numbers guarded with a tab (抖店's CSV), read as the number; None for anything else."""
    sample = column[:1000]
    if len(set(sample)) == len(sample):  # ids: every value once, no set of them needed
        values: Collection[object] = column
        distinct: Collection[object] = column
    else:
        values = distinct = set(column)
        if None in distinct:
            values = distinct - {None}
    try:
        stripped = list(map(str.strip, values, repeat(_GUARDS)))
    except TypeError:  # a number or a date among the texts
        return None
    if all(map(is_, stripped, values)):  # the same objects: no guard anywhere (and no str subclass)
        if EMPTY_MARKERS.isdisjoint(distinct) and (values is column or None not in distinct):
            return column
        return list(map(_BLANKS.get, column, column))
    if (
        values is column
        and all(map(str.isdigit, stripped))
        and all(map(str.isascii, stripped))
        and all(map(eq, map(add, repeat("\t"), stripped), column))
    ):
        return stripped
    return None
