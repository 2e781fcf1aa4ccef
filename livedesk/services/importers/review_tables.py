"""Reading the figures of a review file: key/value sheets (核心指标, 场次列表) and tables (trend, products,
channels, orders).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from operator import itemgetter

from livedesk.services.importers.errors import CellProblem, ImportFailed
from livedesk.services.importers.review_cells import (
    _CENT,
    _GUARDS,
    _PLAIN_CLOCK,
    _aware,
    _Cells,
    _iso_datetime,
    _text,
)
from livedesk.services.importers.review_results import (
    ORDER_FIELDS,
    SLOT_MARGIN,
    ChannelRow,
    CurveRow,
    OrderRow,
    ParsedReviewData,
    ProductRow,
    TableMapping,
    WrongDayFailed,
    _when,
)
from livedesk.services.importers.review_vocabulary import (
    _DATETIME,
    _INT,
    _MONEY,
    _OVERALL_CHANNEL,
    _TEXT,
    _TIME,
    _TOTAL_MARKERS,
    DERIVED,
    EXACT_DERIVED,
    REQUIRED_FIELDS,
    ROUNDED,
    SHANGHAI,
    STATED,
    TABLE_FIELDS,
    label_key,
)
from livedesk.services.importers.tabular import Row, Sheet
from livedesk.services.importers.values import (
    EMPTY_MARKERS,
    check_year,
    clean_text,
    is_empty,
    parse_clock_time,
    parse_datetime,
)
from livedesk.services.messages import translate

# ---------------------------------------------------------------- key/value sheets


_KEY_VALUE_SCAN = 300  # rows of a key/value sheet searched for labels
_VALUE_LIKE = re.compile(
    r"^[¥￥+-]?\s*[\d,，.]+\s*(万|亿|w|k)?\s*%?$|^\d+\s*(小时|时|分钟|分|秒)|^\d{4}\s*[-/年.]\d|^\d{1,2}:\d{2}",
    re.IGNORECASE,
)


def _value_like(cell: object) -> bool:
    """Whether a cell reads as a figure's value (a number, money, a duration, a date) rather than a label."""
    if cell is None or isinstance(cell, bool):
        return False
    if isinstance(cell, (int, float, Decimal, dt.datetime, dt.date, dt.time, dt.timedelta)):
        return True
    text = clean_text(cell)
    if not text:
        return False
    return text in EMPTY_MARKERS or bool(_VALUE_LIKE.match(text))  # "-" is an explicit empty value


_Pair = tuple[str, object, int]  # (label as written, value, 1-based row)


def _key_value_records(sheet: Sheet, keys: Mapping[str, object]) -> tuple[list[_Pair], list[list[_Pair]], list[str]]:
    """The figures a key/value sheet states, wherever its labels sit.

    Two layouts, possibly mixed on one sheet: a label with its value to the right (or, in a tile
    grid, below), and a header row of labels over one row of values per session. Returns the scattered
    pairs, one record per data row under a header row, and the labels no figure reads.
    """
    rows = sheet.rows
    scattered: list[_Pair] = []
    records: list[list[_Pair]] = []
    unused: list[str] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        label_columns = [c for c, cell in enumerate(row) if isinstance(cell, str) and label_key(cell) in keys]
        header_row = len(label_columns) >= 2 and not any(
            c + 1 < len(row) and _value_like(row[c + 1]) for c in label_columns
        )
        if header_row:
            headers = {c: clean_text(cell) for c, cell in enumerate(row) if not is_empty(cell)}
            unused += [text for c, text in headers.items() if label_key(text) not in keys]
            index += 1
            while index < len(rows) and _has_data(rows[index]):
                values = rows[index]
                if any(isinstance(v, str) and label_key(v) in keys for v in values):
                    break  # another header row
                if not _is_total_row(values):
                    records.append(
                        [(headers[c], values[c] if c < len(values) else None, index + 1) for c in label_columns]
                    )
                index += 1
            continue
        for c, cell in enumerate(row):
            if c in label_columns:
                right = row[c + 1] if c + 1 < len(row) else None
                if right is not None and (c + 1) not in label_columns and (not is_empty(right) or _value_like(right)):
                    scattered.append((clean_text(cell), right, index + 1))
                elif index + 1 < len(rows) and c < len(rows[index + 1]):
                    scattered.append((clean_text(cell), rows[index + 1][c], index + 2))  # a tile: value below
            elif isinstance(cell, str) and not _value_like(cell) and c + 1 < len(row) and _value_like(row[c + 1]):
                unused.append(clean_text(cell))  # a label of a figure LiveDesk does not read
        index += 1
    return scattered, records, unused


def _record_start(record: list[_Pair], keys: Mapping[str, tuple[str, str, int]]) -> dt.datetime | None:
    for header, value, _row in record:
        if keys[label_key(header)][0] == "started_at":
            try:
                moment = parse_datetime(value)
            except ValueError:
                return None
            return _aware(moment) if moment is not None else None
    return None


def _choose_session(
    data: ParsedReviewData,
    sheet: Sheet,
    records: list[list[_Pair]],
    keys: Mapping[str, tuple[str, str, int]],
    slot: tuple[dt.datetime, dt.datetime] | None,
) -> list[_Pair]:
    """The row of a list of sessions (场次列表) whose start falls in the stream's slot; refused when none does."""
    starts = [_record_start(r, keys) for r in records]
    found = ", ".join(s.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") for s in starts if s is not None)
    if slot is None or all(s is None for s in starts):
        raise ImportFailed(
            data.file_name,
            translate(
                "Messages",
                "Sheet {0} lists {1} sessions and LiveDesk cannot tell which one is this stream ({2}). "
                "Export the one session, or choose the stream first.",
            ).format(sheet.name, len(records), found or "—"),
        )
    begin, end = slot
    fits = [
        (abs((s - begin).total_seconds()), i)
        for i, s in enumerate(starts)
        if s is not None and begin - SLOT_MARGIN <= s <= max(end, begin) + SLOT_MARGIN
    ]
    if not fits:
        raise WrongDayFailed(
            data.file_name,
            translate(
                "Messages",
                "Sheet {0} lists sessions starting {1}; none falls in this stream's slot ({2}). Nothing was imported. "
                "Choose the stream of one of those sessions, or download the list that holds this one.",
            ).format(sheet.name, found, _when(begin)),
            (min(s for s in starts if s), max(s for s in starts if s)),
        )
    chosen = min(fits)[1]
    record = records[chosen]
    title = next((clean_text(v) for h, v, _r in record if keys[label_key(h)][0] == "title" and not is_empty(v)), "")
    when = starts[chosen].astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")  # type: ignore[union-attr]
    data.session = translate("Messages", "row {0} of {1} sessions: {2}").format(
        record[0][2], len(records), f"{when} {title}".strip()
    )
    return record


def _parse_key_values(
    data: ParsedReviewData,
    cells: _Cells,
    sheet: Sheet,
    keys: dict[str, tuple[str, str, int]],
    slot: tuple[dt.datetime, dt.datetime] | None = None,
) -> None:
    pairs, session_rows, unused = _key_value_records(sheet, keys)
    for header in unused:
        data.add_unused(sheet.name, header)
    if len(session_rows) > 1:
        pairs += _choose_session(data, sheet, session_rows, keys, slot)
    elif session_rows:
        pairs += session_rows[0]
    for header, value, row_number in pairs:
        figure, parser, quality = keys[label_key(header)]
        if figure == "title":
            data.title = clean_text(value)
            continue
        if figure == "time_range":
            _parse_time_range(data, cells, value, row_number, header, sheet.name)
            continue
        parsed = cells.parse(parser, value, row_number, header, sheet.name)
        if parsed is None:
            continue
        if figure == "ended_at":
            data.figures["_ended_at"] = parsed
            data.widen_span(parsed)  # type: ignore[arg-type]
            continue
        basis = translate("Messages", "stated: {0} ({1})").format(header, sheet.name)
        if isinstance(value, str) and re.search(r"[万亿wWkK]\s*$", clean_text(value)):
            quality = ROUNDED
            basis = translate("Messages", "stated rounded: {0} {1} ({2})").format(header, clean_text(value), sheet.name)
        data.set_figure(figure, parsed, quality, basis)
        if figure == "started_at":
            data.widen_span(parsed)  # type: ignore[arg-type]


def _parse_time_range(data: ParsedReviewData, cells: _Cells, value: object, row: int, header: str, sheet: str) -> None:
    text = clean_text(value)
    parts = [p.strip() for p in re.split(r"~|～|至|—", text) if p.strip()]
    try:
        if len(parts) != 2:
            raise ValueError(translate("Messages", "expected a start and an end such as 2026-11-12 19:30~2026-11-12 22:00"))
        start, end = (parse_datetime(p) for p in parts)
    except ValueError as exc:
        cells.add(row, header, value, translate("Messages", "{0}; correct this cell").format(exc), sheet)
        return
    if start is None or end is None:
        return
    data.set_figure("started_at", _aware(start), STATED, translate("Messages", "stated: {0} ({1})").format(header, sheet))
    data.widen_span(_aware(start), _aware(end))
    data.figures.setdefault("_ended_at", _aware(end))


def _finish_figures(data: ParsedReviewData) -> None:
    ended = data.figures.pop("_ended_at", None)
    started = data.figures.get("started_at")
    if isinstance(ended, dt.datetime) and isinstance(started, dt.datetime) and ended > started:
        data.set_figure(
            "duration_minutes", round((ended - started).total_seconds() / 60), data.quality["started_at"],
            translate("Messages", "from the stated start and end"),
        )


# ---------------------------------------------------------------- tables


def _has_data(row: Row) -> bool:
    """Whether any cell of the row holds something (not blank, not an empty marker such as "-")."""
    guards, empty = _GUARDS, EMPTY_MARKERS
    for cell in row:
        if cell is None:
            continue
        if type(cell) is str and cell and cell[0] not in guards and cell[-1] not in guards:
            if cell not in empty:
                return True
        elif not is_empty(cell):
            return True
    return False


def _is_total_row(row: Row) -> bool:
    for cell in row[:2]:
        if not isinstance(cell, str):
            continue
        text = cell.strip()
        if text[:2] in _TOTAL_MARKERS or text[:5].lower() == "total":
            return True
    return False


def _parse_table_into(
    data: ParsedReviewData,
    cells: _Cells,
    sheet: Sheet,
    table: str,
    header_index: int,
    columns: dict[str, str | None],
    stream_start: dt.datetime | None,
) -> None:
    header = sheet.rows[header_index]
    data.mappings.append(TableMapping(sheet.name, table, header_index + 1, dict(columns)))
    spec = TABLE_FIELDS[table]
    # column index -> (field, parser, header text)
    plan: list[tuple[int, str, str, str]] = []
    used: set[str] = set()
    for i, cell in enumerate(header):
        text = clean_text(cell)
        name = columns.get(text)
        if name and name in spec and name not in used:
            used.add(name)
            plan.append((i, name, spec[name][0], text))
        elif text:
            data.add_unused(sheet.name, text)
    missing = [f for f in REQUIRED_FIELDS[table] if f not in used]
    if missing:
        wanted = ", ".join(f"{f} ({'/'.join(spec[f][1][:3])})" for f in missing)
        raise ImportFailed(
            data.file_name,
            translate(
                "Messages", "Sheet {0}: no column is mapped to {1}. Map a column to it in the import preview."
            ).format(sheet.name, wanted),
        )
    if table == "orders" and _orders_by_columns(data, sheet, header_index, plan):
        return
    # One pass over the rows: each cell converted by its column's parser (see _row_converter).
    rows = sheet.rows
    convert = _row_converter([(col, parser, text) for col, _name, parser, text in plan], cells.parse, sheet.name)
    reach = max(col for col, _n, _p, _t in plan) + 1
    lines: list[tuple[int, list[object], Row]] = []
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        width = len(row)
        # a row opening with a number (an order's ids, a minute) holds data and is no total row: skip the checks
        if not (
            width > 1
            and type(first := row[0]) is str
            and first[:1].isdigit()
            and (type(second := row[1]) is not str or second[:1].isdigit())
        ) and (not _has_data(row) or _is_total_row(row)):
            continue
        if width < reach:  # a short row: its missing cells are blank
            row = row + [None] * (reach - width)
        row_number = index + 1
        lines.append((row_number, convert(row, row_number), row))
    if not lines:
        raise ImportFailed(
            data.file_name,
            translate(
                "Messages",
                "Sheet {0} has its header row but no data rows. Download the export again after the stream.",
            ).format(sheet.name),
        )
    headers = {name: text for _c, name, _p, text in plan}
    if table == "orders":
        id_columns = [col for col, name, _p, _t in plan if name in ("order_id", "sub_order_id")]
        _refuse_rounded_ids(data.file_name, sheet.name, header_index, lines, id_columns, header)
        _build_orders(data, cells, sheet.name, lines, [name for _c, name, _p, _t in plan], headers)
        return
    names = [name for _c, name, _p, _t in plan]
    views_col = next((col for col, name, _p, _t in plan if name == "views"), None) if table == "channels" else None
    records: list[tuple[int, dict[str, object]]] = []
    for row_number, values, row in lines:
        record = dict(zip(names, values, strict=True))
        if views_col is not None:
            value = row[views_col] if views_col < len(row) else None
            record["_views_quality"] = ROUNDED if _views_rounded(value) else STATED
        records.append((row_number, record))
    if table == "trend":
        _build_curve(data, cells, sheet.name, records, headers, stream_start)
    elif table == "products":
        _build_products(data, cells, sheet.name, records, headers)
    else:
        _build_channels(data, sheet.name, records)


def _resolve_time(value: object, base: dt.date | None) -> tuple[dt.datetime | None, bool]:
    """(naive local datetime, whether it was a time of day only). Raises ValueError."""
    if isinstance(value, dt.timedelta):
        value = (dt.datetime.min + value).time()
    if isinstance(value, dt.datetime):
        return check_year(value.replace(tzinfo=None) if value.tzinfo else value), False
    if isinstance(value, dt.time):
        clock = value
    elif isinstance(value, float) and 0 <= value < 1:
        clock = parse_clock_time(value)  # type: ignore[assignment]
    elif (plain := _plain_clock(value)) is not None:
        clock = plain
    else:
        try:
            return parse_datetime(value), False
        except ValueError as exc:
            try:
                clock = parse_clock_time(value)  # type: ignore[assignment]
            except ValueError:
                raise exc from None  # e.g. a date out of range: say that, not "expected a time"
    if clock is None:
        return None, True
    if base is None:
        raise ValueError(
            translate("Messages", "a time of day without a date; set the stream's date first or export full date-times")
        )
    return dt.datetime.combine(base, clock.replace(tzinfo=None)), True


def _row_converter(
    steps: list[tuple[int, str, str]], parse: Callable[..., object], sheet: str
) -> Callable[[Row, int], list[object]]:
    """`convert(row, row_number)`: the values of a row's mapped cells, each converted by its column's parser.

    `steps` are (column index, parser, header text) in order. The function is written out for these columns
    and compiled (as `dataclasses` writes `__init__`): orders run to 100,000 rows × a dozen columns, and a
    loop choosing each cell's parser cost ~60 ms more per 100,000 orders (about 15% of parsing). The common
    clean forms are converted inline; anything else goes through `parse` (`_Cells.parse`, which reports bad
    cells), in column order. Only column numbers are written into the source; headers and parsers are passed
    in by name.
    """
    moments: dict[str, dt.datetime] = {}

    def moment(value: str) -> dt.datetime | None:  # a text datetime not seen before in this table
        found = _iso_datetime(value)
        if found is not None:
            moments[value] = found
        return found

    namespace: dict[str, object] = {
        "parse": parse, "sheet": sheet, "texts": tuple(t for _c, _p, t in steps),
        "parsers": tuple(p for _c, p, _t in steps), "seen": moments.get, "moment": moment,
        "guards": _GUARDS, "empty": EMPTY_MARKERS, "clean": _text, "Decimal": Decimal, "cent": _CENT,
    }  # fmt: skip
    body = []
    for k, (col, parser, _header) in enumerate(steps):
        body.append(f"    v = row[{int(col)}]")
        slow = f"parse(parsers[{k}], v, number, texts[{k}], sheet)"
        if parser == _TEXT:  # kept as it is unless guarded, blank or an empty marker
            body.append("    if not (type(v) is str and v not in empty and len(v.strip(guards)) == len(v)):")
            body.append('        v = "" if v is None or v == "" else clean(v)')
        elif parser == _MONEY:  # a float as parse_money gives it
            # a float with more than two decimals (0.001) goes the slow way, which refuses it
            body.append(f"    v = Decimal(repr(v)).quantize(cent) if type(v) is float and 0 <= v <= 1e10 and round(v, 2) == v else {slow}")
        elif parser == _INT:
            body.append(f"    v = int(v) if type(v) is float and 0 <= v <= 1e9 and v.is_integer() else {slow}")
        elif parser == _DATETIME:
            # exports repeat the second of many orders: each text is read once
            seen = "(m := seen(v)) is not None or (m := moment(v)) is not None"
            body.append(f"    v = m if type(v) is str and ({seen}) else {slow}")
        elif parser != _TIME:  # a time is resolved by _build_curve, it needs the previous row
            body.append(f"    v = {slow}")
        body.append(f"    v{k} = v")
    body.append(f"    return [{', '.join(f'v{k}' for k in range(len(steps)))}]")
    exec("def convert(row, number):\n" + "\n".join(body), namespace)  # only ints are interpolated (see above)
    return namespace["convert"]  # type: ignore[return-value]


def _orders_by_columns(data: ParsedReviewData, sheet: Sheet, header_index: int, plan: list) -> bool:
    """The order table converted column by column (order_columns.py); False: read it row by row instead."""
    from livedesk.services.importers.order_columns import parse_order_columns

    def converter(steps: list[tuple[int, str, str]], problems: list[object]) -> Callable[[Row, int], list[object]]:
        scratch = _Cells(data.file_name)
        scratch.problems = problems  # type: ignore[assignment]
        return _row_converter(steps, scratch.parse, sheet.name)

    return parse_order_columns(data, sheet, header_index, plan, converter)


def _plain_clock(value: object) -> dt.time | None:
    """A clean "20:01" or "20:01:30" as a time of day, else None.

    No date format reads such a cell, so it skips trying them all (per-minute trends have one per row).
    """
    if type(value) is str and (match := _PLAIN_CLOCK.fullmatch(value)):
        hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
        if hour < 24 and minute < 60 and second < 60:
            return dt.time(hour, minute, second)
    return None


def _build_curve(
    data: ParsedReviewData,
    cells: _Cells,
    sheet: str,
    records: list[tuple[int, dict[str, object]]],
    headers: dict[str, str],
    stream_start: dt.datetime | None,
) -> None:
    base = stream_start.astimezone(SHANGHAI).date() if stream_start else None
    time_header = headers["time"]
    previous: dt.datetime | None = None
    seen: dict[dt.datetime, int] = {}
    curve: list[CurveRow] = []
    for row_number, record in records:
        raw = record.pop("time")
        try:
            at, clock_only = _resolve_time(raw, base)
        except ValueError as exc:
            cells.add(row_number, time_header, raw, translate("Messages", "{0}; correct this cell").format(exc), sheet)
            continue
        if at is None:
            cells.add(
                row_number,
                time_header,
                raw,
                translate("Messages", "the time is missing; fill it in or delete the row"),
                sheet,
            )
            continue
        if clock_only and previous is not None:
            while at < previous - dt.timedelta(hours=12):  # past midnight
                at += dt.timedelta(days=1)
        at = at.replace(second=at.second)  # keep seconds as exported
        if at in seen:
            cells.add(
                row_number,
                time_header,
                raw,
                translate("Messages", "this minute already appears in row {0}; delete the duplicate row").format(seen[at]),
                sheet,
            )
            continue
        if previous is not None and at < previous:
            cells.add(
                row_number,
                time_header,
                raw,
                translate("Messages", "the time runs backwards here; sort the rows by time or fix this value"),
                sheet,
            )
            continue
        seen[at] = row_number
        previous = at
        curve.append(CurveRow(at=at.replace(tzinfo=SHANGHAI), **record))  # type: ignore[arg-type]
    if cells.problems:
        return
    data.curve = curve
    _curve_figures(data, headers)


def _curve_figures(data: ParsedReviewData, headers: Mapping[str, str] | None = None) -> None:
    headers = headers or {}
    curve = data.curve
    if not curve:
        return
    online = [p.online for p in curve if p.online is not None]
    minutes = len(curve)
    if online:
        column = headers.get("online", "")
        data.set_figure("peak_online", max(online), EXACT_DERIVED,
                        translate("Messages", "highest of {0} per-minute {1}").format(minutes, column))
        data.set_figure("avg_online", (Decimal(sum(online)) / len(online)).quantize(Decimal("0.01")), EXACT_DERIVED,
                        translate("Messages", "mean of {0} per-minute {1}").format(minutes, column))
    entries = [p.entries for p in curve]
    if entries and all(e is not None for e in entries):
        data.set_figure("pv", sum(entries), EXACT_DERIVED, _sum_basis(minutes, headers, "entries"))  # type: ignore[arg-type]
    for name, figure in _CURVE_SUMS.items():
        values = [getattr(p, name) for p in curve if getattr(p, name) is not None]
        if values:
            data.set_figure(figure, sum(values), EXACT_DERIVED, _sum_basis(minutes, headers, name))
    data.set_figure("started_at", curve[0].at, DERIVED, translate("Messages", "first minute of the trend"))
    step = (curve[1].at - curve[0].at) if len(curve) > 1 else dt.timedelta(minutes=1)
    span = (curve[-1].at - curve[0].at + step).total_seconds() / 60
    data.set_figure("duration_minutes", round(span), DERIVED, translate("Messages", "first to last minute of the trend"))
    data.widen_span(curve[0].at, curve[-1].at)


# per-minute columns whose sum is the session's figure (成交人数 is people: its sum double-counts, so it is not here)
_CURVE_SUMS = {
    "gmv": "gmv", "orders": "orders", "comments": "comments", "new_followers": "new_followers",
    "fan_club_joins": "fan_club_joins", "ad_spend": "ad_spend",
}  # fmt: skip


def _sum_basis(minutes: int, headers: Mapping[str, str], name: str) -> str:
    return translate("Messages", "sum of {0} per-minute {1}").format(minutes, headers.get(name, name))


def _build_products(
    data: ParsedReviewData,
    cells: _Cells,
    sheet: str,
    records: list[tuple[int, dict[str, object]]],
    headers: dict[str, str],
) -> None:
    for row_number, record in records:
        name = str(record.pop("name", "") or "")
        product_id = str(record.pop("product_id", "") or "")
        if not name and not product_id:
            cells.add(
                row_number,
                headers.get("name"),
                "",
                translate("Messages", "the product has no name; fill it in or delete the row"),
                sheet,
            )
            continue
        data.products.append(ProductRow(name=name or product_id, platform_product_id=product_id, **record))  # type: ignore[arg-type]


def _build_channels(data: ParsedReviewData, sheet: str, records: list[tuple[int, dict[str, object]]]) -> None:
    for _row, record in records:
        channel = str(record.get("channel") or "")
        if not channel:
            continue
        row = ChannelRow(
            channel=channel,
            views=record.get("views"),  # type: ignore[arg-type]
            spend=record.get("spend"),  # type: ignore[arg-type]
            avg_watch_seconds=record.get("avg_watch_seconds"),  # type: ignore[arg-type]
            gmv=record.get("gmv"),  # type: ignore[arg-type]
        )
        if channel in _OVERALL_CHANNEL:
            basis = translate("Messages", "stated: row {0} ({1})").format(channel, sheet)
            data.set_figure("ad_spend", row.spend, STATED, basis)
            data.set_figure("avg_watch_seconds", row.avg_watch_seconds, STATED, basis)
            data.set_figure("gmv", row.gmv, STATED, basis)
            views_quality = int(record.get("_views_quality", ROUNDED))  # type: ignore[call-overload]
            rounded = translate("Messages", "stated rounded: row {0} ({1})").format(channel, sheet)
            data.set_figure("pv", row.views, views_quality, basis if views_quality == STATED else rounded)
        else:
            data.channels.append(row)


def _build_orders(
    data: ParsedReviewData,
    cells: _Cells,
    sheet: str,
    lines: list[tuple[int, list[object], Row]],
    names: list[str],
    headers: dict[str, str],
) -> None:
    """OrderRows from the converted cells; `names` gives the field of each value of a line."""
    position = {name: i for i, name in enumerate(names)}
    # a field without a column takes its default, kept after the line's values: "", quantity 1, no time
    defaults = ["", 1, None]
    width = len(names)

    def at(name: str, default: int = 0) -> int:
        return position.get(name, width + default)

    order_at, amount_at = position["order_id"], position["amount"]
    fill = any(f not in position for f in ORDER_FIELDS)
    getter = itemgetter(
        order_at,
        amount_at,
        *(at(f) for f in ("sub_order_id", "product_name", "spec", "merchant_code")),
        at("quantity", 1),
        at("submitted_at", 2),
        *(at(f) for f in ("status", "after_sale_status", "traffic_source", "cancel_reason", "content_type")),
    )
    orders: list[OrderRow] = []
    append = orders.append
    for row_number, values, _row in lines:
        order_id = values[order_at] or ""  # text cells are always str
        amount = values[amount_at]
        if not order_id:
            cells.add(
                row_number,
                headers["order_id"],
                "",
                translate("Messages", "the order number is missing; fill it in or delete the row"),
                sheet,
            )
            continue
        if amount is None:
            if row_number not in {p.row for p in cells.problems[-5:]}:
                cells.add(
                    row_number,
                    headers["amount"],
                    "",
                    translate("Messages", "the amount is missing; fill it in or delete the row"),
                    sheet,
                )
            continue
        if fill:
            values.extend(defaults)
        order = OrderRow(*getter(values))
        if order.quantity is None:
            order.quantity = 1
        append(order)
    data.orders = orders
    times = {o.submitted_at for o in orders} - {None}
    if times:
        data.widen_span(min(times), max(times))  # type: ignore[type-var]


_EXACT_FLOAT_LIMIT = 2**53  # above it a float cannot hold every integer: Excel has rounded the number


def _refuse_rounded_ids(
    file_name: str, sheet: str, header_index: int, lines: list[tuple[int, list[object], Row]],
    columns: list[int], header: Row,
) -> None:
    """Refuse order numbers that Excel stored as numbers too large to keep exactly (19-digit ids)."""
    for row_number, _values, row in lines:
        for col in columns:
            value = row[col] if col < len(row) else None
            if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= _EXACT_FLOAT_LIMIT:
                raise ImportFailed(
                    file_name,
                    translate(
                        "Messages",
                        "Sheet {0}, row {1}, column {2}: the order number {3} was stored by Excel as a number and "
                        "has lost its last digits, so orders would be merged or miscounted. Nothing was imported. "
                        "Import the order export as the CSV the platform gives (do not open and re-save it in Excel).",
                    ).format(sheet, row_number, clean_text(header[col]), repr(value)),
                    [CellProblem(row_number, clean_text(header[col]), repr(value), translate(
                        "Messages", "a number too large to be exact; import the platform's CSV"), sheet)],
                )


def _views_rounded(value: object) -> bool:
    return isinstance(value, str) and bool(re.search(r"[万亿wWkK]\s*$", clean_text(value)))
