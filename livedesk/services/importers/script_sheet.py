"""Import a team's Excel run of show (直播脚本) into a stream's script, all or nothing.

The sheet has a title row above the header and columns such as 时间节点, 直播阶段, 环节,
主播动作/口播, 副播场控配合, 商品/链接号, 直播价, 道具, BGM, 备注 (names vary; see HEADERS).

时间节点 may hold:
* clock ranges "20:00-20:05" (also ~ 至 — as separators, full-width digits and colons, h:mm:ss),
  read in the stream's local time (the computer's time zone, as the schedule shows it) relative
  to its start; a run crossing midnight (23:50-00:10) is fine;
* offsets from the start "00:00-05:00" (minutes:seconds; read as hours:minutes only when
  minutes would make the run absurdly short for the slot), recognised by a first row at 00:00;
* a start only ("20:05"): the segment runs until the next row starts (the last one until the
  slot ends, or for the 时长 column's minutes);
* a number of minutes ("5", "5分钟"): the segment follows the one before it.

直播阶段 (else 环节) words give the segment type: 开场, 聚人, 留客, 说服/讲解, 举证/锁客, 互动,
福利/秒杀, 逼单/催单, 返场, 收尾/下播. Products are matched to the pool by link number on the
stream's lineup ("7号链接", "7") or by name; a matched product missing from the lineup is
added to it, and 直播价 fills the lineup's live price when it has none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import LineupItem, Product, Segment, SegmentKind, Stream
from livedesk.services.importers.errors import CellProblem, ImportFailed
from livedesk.services.importers.script_products import NAME_LIMIT, UnmatchedProduct, group_unmatched
from livedesk.services.importers.tabular import Row, find_header_row, hidden_sheet_note, normalise_header, read_sheets
from livedesk.services.importers.values import check_year, clean_text, is_empty, parse_price
from livedesk.services.messages import translate

DAY = 86_400

HEADERS: dict[str, set[str]] = {
    "time": {"时间节点", "时间", "时间段", "时段", "时间点", "时间轴", "时间安排"},
    "duration": {"时长", "时长(分钟)", "时长(分)", "时长(min)", "用时"},
    "stage": {"直播阶段", "阶段", "环节类型", "类型", "阶段类型"},
    "title": {"环节", "环节名称", "环节内容", "流程", "内容"},
    "host": {"主播动作/口播", "主播口播", "口播", "话术", "主播话术", "主播动作", "主播", "口播话术"},
    "cues": {"副播场控配合", "副播/场控配合", "场控配合", "副播配合", "副播", "场控", "副播/场控", "配合"},
    "product": {"商品/链接号", "商品", "链接号", "产品", "商品名称", "商品/链接", "链接"},
    "price": {"直播价", "价格", "到手价", "直播间价"},
    "props": {"道具"},
    "bgm": {"bgm", "背景音乐", "音乐"},
    "notes": {"备注", "说明"},
}
HEADERS = {k: {normalise_header(v) for v in names} for k, names in HEADERS.items()}

KIND_WORDS: list[tuple[tuple[str, ...], SegmentKind]] = [
    (("返场",), SegmentKind.ENCORE),
    (("开场", "开播"), SegmentKind.OPENING),
    (("聚人", "暖场", "拉新"), SegmentKind.GATHER),
    (("留客", "留人", "停留"), SegmentKind.RETAIN),
    (("举证", "锁客", "背书"), SegmentKind.PROOF),
    (("逼单", "催单", "促单", "憋单"), SegmentKind.CLOSING_PUSH),
    (("福利", "秒杀", "福袋", "抽奖", "宠粉"), SegmentKind.WELFARE),
    (("互动",), SegmentKind.INTERACTION),
    (("收尾", "下播", "结束", "预告"), SegmentKind.WRAP_UP),
    (("说服", "讲解", "介绍", "过款", "种草", "试用", "试穿", "试吃"), SegmentKind.PITCH),
]

_FULL_WIDTH = str.maketrans("０１２３４５６７８９：．", "0123456789:.")
_RANGE_SPLIT = re.compile(r"\s*(?:-|~|～|〜|—|–|－|至|到)\s*")
_TIME_PART = re.compile(r"^(\d{1,3}):(\d{1,2})(?::(\d{1,2}))?$")
_MINUTES = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:分钟|分|min|mins|m)?$", re.IGNORECASE)
_LINK = re.compile(r"(\d+)\s*号链接|链接\s*(\d+)\s*号?")
_LINK_ONLY = re.compile(r"^\s*(\d+)\s*号?\s*$")


def kind_from_words(*texts: str) -> SegmentKind | None:
    """The segment type named by the first text that holds a known word (直播阶段, then 环节)."""
    for text in texts:
        if not text:
            continue
        lowered = text.strip().lower()
        if lowered in {k.value for k in SegmentKind}:
            return SegmentKind(lowered)
        for words, kind in KIND_WORDS:
            if any(word in text for word in words):
                return kind
    return None


@dataclass
class _Time:
    """What a 时间节点 cell says."""

    form: str  # "range", "start" or "minutes"
    parts: tuple[tuple[int, int, int | None], ...] = ()  # (a, b, c) per side of a range
    minutes: float = 0.0


@dataclass
class _RawRow:
    excel_row: int
    time: _Time
    values: dict[str, Any]
    duration_minutes: float | None = None


@dataclass
class ScriptSheet:
    """A parsed sheet, ready to write: segment dicts and lineup changes."""

    segments: list[dict[str, Any]]
    lineup_prices: dict[int, Decimal] = field(default_factory=dict)  # product id → 直播价 from the sheet
    sheet_name: str = ""
    unmatched: list[UnmatchedProduct] = field(default_factory=list)  # named but not in the pool: kept, listed
    file_name: str = ""
    slot: tuple[dt.datetime, int] | None = None  # the stream's start and planned minutes the times were read for


def _parse_time_cell(value: object) -> _Time:
    if isinstance(value, dt.datetime):
        if value.year > 1900:  # a real date, not the day Excel gives a time of day
            check_year(value)
        value = value.time()
    if isinstance(value, dt.time):
        return _Time("start", ((value.hour, value.minute, value.second),))
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = float(value)
        if 0 < number < 1:  # an Excel time of day
            seconds = int(round(number * DAY)) % DAY
            return _Time("start", ((seconds // 3600, seconds // 60 % 60, seconds % 60),))
        if number <= 0:
            raise ValueError(translate("Messages", "a length in minutes must be more than 0"))
        return _Time("minutes", minutes=number)
    text = clean_text(value).translate(_FULL_WIDTH).replace(" ", "")
    minutes = _MINUTES.match(text)
    if minutes:
        if float(minutes.group(1)) <= 0:
            raise ValueError(translate("Messages", "a length in minutes must be more than 0"))
        return _Time("minutes", minutes=float(minutes.group(1)))
    pieces = [p for p in _RANGE_SPLIT.split(text)]
    if len(pieces) not in (1, 2) or not all(pieces):
        raise ValueError(
            translate("Messages", "expected a time range such as 20:00-20:05, a start such as 20:00, or minutes such as 5")
        )
    parts = []
    for piece in pieces:
        match = _TIME_PART.match(piece)
        if not match:
            raise ValueError(translate("Messages", "{0} is not a time; write it like 20:05").format(repr(piece)))
        a, b, c = int(match.group(1)), int(match.group(2)), match.group(3)
        if b >= 60 or (c is not None and int(c) >= 60):
            raise ValueError(translate("Messages", "{0} is not a time: minutes and seconds go up to 59").format(repr(piece)))
        parts.append((a, b, None if c is None else int(c)))
    return _Time("range" if len(parts) == 2 else "start", tuple(parts))


def _headers(row: Row) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        name = normalise_header(cell)
        for key, names in HEADERS.items():
            if name in names and key not in found:
                found[key] = index
    return found


def _find_table(file_name: str, sheets: Sequence[Any]) -> tuple[Any, int, dict[str, int]]:
    hidden = hidden_sheet_note(
        sheets, lambda s: find_header_row(s.rows, [HEADERS["time"], HEADERS["stage"] | HEADERS["title"] | HEADERS["host"]]) is not None
    )
    for sheet in sheets:
        index = find_header_row(sheet.rows, [HEADERS["time"], HEADERS["stage"] | HEADERS["title"] | HEADERS["host"]])
        if index is not None:
            return sheet, index, _headers(sheet.rows[index])
    for sheet in sheets:
        index = find_header_row(sheet.rows, [HEADERS["stage"] | HEADERS["title"], HEADERS["host"] | HEADERS["product"]])
        if index is not None:
            raise ImportFailed(
                file_name,
                translate(
                    "Messages",
                    "The script has no 时间节点 column, so the segments' times are unknown. "
                    "Add a column 时间节点 with times such as 20:00-20:05 and import again.",
                ),
                [
                    CellProblem(
                        index + 1, None, "", translate("Messages", "header row without a 时间节点 column"), sheet.name
                    )
                ],
            )
    raise ImportFailed(
        file_name,
        translate(
            "Messages",
            "No script table found: expected a header row with 时间节点 and 环节 (or 直播阶段 / 主播动作/口播). "
            "Check that this is the run-of-show sheet.",
        )
        + (" " + hidden if hidden else ""),
    )


def _cell(row: Row, index: int | None) -> object:
    if index is None or index >= len(row):
        return None
    return row[index]


def _text(row: Row, index: int | None) -> str:
    value = _cell(row, index)
    return "" if is_empty(value) else clean_text(value)


class _ProductMatcher:
    def __init__(self, session: Session, stream_id: int):
        self.lineup = session.scalars(select(LineupItem).where(LineupItem.stream_id == stream_id)).all()
        self.by_link = {item.link_number: item.product for item in self.lineup if item.link_number is not None}
        self.lineup_products = [item.product for item in self.lineup]
        self.pool = session.scalars(select(Product)).all()

    @staticmethod
    def _norm(name: str) -> str:
        return re.sub(r"[\s()（）\[\]【】]", "", unicodedata.normalize("NFKC", name)).lower()

    def _exact(self, name: str) -> Product | None:
        key = self._norm(name)
        for products in (self.lineup_products, self.pool):
            exact = [p for p in products if self._norm(p.name) == key]
            if len(exact) == 1:
                return exact[0]
        return None

    def match(self, text: str) -> Product:
        found = self._exact(text)  # a name may itself end in "1号"
        if found is not None:
            return found
        link = _LINK.search(text) or _LINK_ONLY.match(text)
        name = text
        if link:
            number = int(next(g for g in link.groups() if g))
            if number in self.by_link:
                return self.by_link[number]
            name = (text[: link.start()] + text[link.end():]).strip()
            name = re.sub(r"[()（）\[\]【】]", "", name).strip(" ,，/、")
            if not name:
                raise ValueError(
                    translate(
                        "Messages", "no product on link {0} in this stream's lineup; set link numbers in the lineup"
                    ).format(number)
                )
            found = self._exact(name)
            if found is not None:
                return found
        key = self._norm(name)
        for products in (self.lineup_products, self.pool):
            near = [p for p in products if key and (key in self._norm(p.name) or self._norm(p.name) in key)]
            if len(near) == 1:
                return near[0]
            if len(near) > 1:
                names = "、".join(p.name for p in near[:4])
                raise ValueError(
                    translate("Messages", "matches several products ({0}); write the full name or the link number").format(
                        names
                    )
                )
        raise ValueError(translate("Messages", "not in the product pool yet (or the name is written differently)"))


def parse_script_sheet(session: Session, stream_id: int, path: str | Path) -> ScriptSheet:
    """Read and check the whole sheet; raises ImportFailed listing every bad cell, writes nothing."""
    path = Path(path)
    stream = session.get(Stream, stream_id)
    if stream is None:
        raise ImportFailed(path.name, translate("Messages", "Stream {0} does not exist.").format(stream_id))
    sheets = read_sheets(path)
    sheet, header_index, columns = _find_table(path.name, sheets)
    header_row = sheet.rows[header_index]

    def column_name(key: str) -> str:
        return clean_text(header_row[columns[key]]) if key in columns else key

    problems: list[CellProblem] = []
    raw: list[_RawRow] = []
    for index in range(header_index + 1, len(sheet.rows)):
        row = sheet.rows[index]
        if all(is_empty(cell) for cell in row):
            continue
        excel_row = index + 1
        values = {
            key: _text(row, columns.get(key))
            for key in ("stage", "title", "host", "cues", "product", "props", "bgm", "notes")
        }
        if not any(values.values()) and is_empty(_cell(row, columns["time"])):
            continue
        time_value = _cell(row, columns["time"])
        if is_empty(time_value):
            problems.append(
                CellProblem(
                    excel_row,
                    column_name("time"),
                    "",
                    translate("Messages", "the time is empty; every segment needs one"),
                    sheet.name,
                )
            )
            continue
        try:
            time = _parse_time_cell(time_value)
        except ValueError as exc:
            problems.append(CellProblem(excel_row, column_name("time"), clean_text(time_value), str(exc), sheet.name))
            continue
        duration_minutes = None
        if "duration" in columns and not is_empty(_cell(row, columns["duration"])):
            try:
                duration_minutes = _parse_time_cell(_cell(row, columns["duration"])).minutes or None
            except ValueError:
                duration_minutes = None
        values["price"] = _cell(row, columns.get("price"))
        raw.append(_RawRow(excel_row, time, values, duration_minutes))

    if not raw and not problems:
        raise ImportFailed(
            path.name, translate("Messages", "The script table has a header but no segments. Fill in at least one row.")
        )

    slot = stream.planned_minutes * 60
    local_start = stream.start_at.astimezone()  # the zone the schedule shows it in
    start_of_day = local_start.hour * 3600 + local_start.minute * 60 + local_start.second
    spans = _resolve_times(raw, slot, start_of_day, column_name("time"), sheet.name, problems)

    matcher = _ProductMatcher(session, stream_id)
    segments: list[dict[str, Any]] = []
    prices: dict[int, Decimal] = {}
    unmatched: list[tuple[int | None, str, str, Decimal | None]] = []
    for item, span in zip(raw, spans, strict=True):
        v = item.values
        product: Product | None = None
        product_name = ""  # a product not in the pool yet: its name stays on the segment, the import goes on
        reason = ""
        if v["product"]:
            try:
                product = matcher.match(v["product"])
            except ValueError as exc:
                product_name, reason = v["product"][:NAME_LIMIT], str(exc)
        try:
            price = parse_price(v["price"])
        except ValueError as exc:
            problems.append(
                CellProblem(item.excel_row, column_name("price"), clean_text(v["price"]), str(exc), sheet.name)
            )
            price = None
        if price is not None and product is not None:
            prices[product.id] = price
        if product_name:
            unmatched.append((item.excel_row, product_name, reason, price))
        if span is None:
            continue
        kind = kind_from_words(v["stage"], v["title"]) or SegmentKind.PITCH
        title = v["title"] or " ".join(x for x in (v["stage"], product.name if product else product_name) if x) or kind.value
        if len(title) > 200:
            problems.append(
                CellProblem(
                    item.excel_row,
                    column_name("title"),
                    title[:40],
                    translate("Messages", "longer than {0} characters").format(200),
                    sheet.name,
                )
            )
        segments.append(
            {
                "kind": kind.value,
                "title": title[:200],
                "start_seconds": int(span[0]),
                "duration_seconds": int(span[1]),
                "product_id": product.id if product else None,
                "product_name": product_name,
                "host_lines": v["host"],
                "cues": v["cues"],
                "props": v["props"],
                "bgm": v["bgm"][:200],
                "notes": v["notes"],
            }
        )
    if problems:
        raise ImportFailed(
            path.name,
            translate(
                "Messages",
                "{0} problem(s) in the script; nothing was imported. Correct the cells listed and import again.",
            ).format(len(problems)),
            problems,
        )
    return ScriptSheet(segments, prices, sheet.name, group_unmatched(unmatched), path.name,
                       (stream.start_at, stream.planned_minutes))


def _resolve_times(
    raw: list[_RawRow], slot: int, start_of_day: int, column: str, sheet: str, problems: list[CellProblem]
) -> list[tuple[int, int] | None]:
    """(start, duration) in seconds from the stream's start for every row (None where it is wrong)."""
    timed = [r for r in raw if r.time.form != "minutes"]
    offsets = False
    hours_minutes = False
    if timed:
        first = timed[0].time.parts[0]
        near_midnight = min(start_of_day, DAY - start_of_day) <= 3 * 3600
        offsets = first[0] == 0 and first[1] == 0 and not first[2] and not near_midnight
        if offsets:
            two_part = [p for r in timed for p in r.time.parts if p[2] is None]
            longest_as_minutes = max((p[0] * 60 + p[1] for p in two_part), default=0)
            longest_as_hours = max((p[0] * 3600 + p[1] * 60 for p in two_part), default=0)
            hours_minutes = bool(two_part) and longest_as_minutes < 0.25 * slot and longest_as_hours <= 1.5 * slot

    def seconds(part: tuple[int, int, int | None]) -> int:
        a, b, c = part
        if offsets:
            if c is not None:
                return a * 3600 + b * 60 + c
            return a * 3600 + b * 60 if hours_minutes else a * 60 + b
        return a * 3600 + b * 60 + (c or 0)

    def check_clock(item: _RawRow, part: tuple[int, int, int | None]) -> str | None:
        if not offsets and (part[0] > 24 or (part[0] == 24 and (part[1] or part[2]))):
            return translate("Messages", "{0} is not a time of day").format(f"{part[0]}:{part[1]:02d}")
        return None

    results: list[tuple[int, int] | None] = []
    starts: list[int | None] = []
    for item in raw:
        if item.time.form == "minutes":
            starts.append(None)
            continue
        bad = next((m for m in (check_clock(item, p) for p in item.time.parts) if m), None)
        if bad:
            problems.append(CellProblem(item.excel_row, column, _show(item.time), bad, sheet))
            starts.append(None)
            item.time = dataclasses.replace(item.time, form="bad")
            continue
        value = seconds(item.time.parts[0])
        start = value if offsets else (value - start_of_day) % DAY
        if start > 20 * 3600:
            problems.append(
                CellProblem(
                    item.excel_row,
                    column,
                    _show(item.time),
                    translate("Messages", "earlier than the stream's start time; check the stream's start or the time"),
                    sheet,
                )
            )
            item.time = dataclasses.replace(item.time, form="bad")
            start = None
        starts.append(start)

    previous_end = 0
    previous_start: int | None = None
    previous_row = 0
    for i, item in enumerate(raw):
        form = item.time.form
        if form == "bad":
            results.append(None)
            continue
        if form == "minutes":
            start = previous_end
            duration = int(round(min(item.time.minutes, 10 * DAY) * 60))
            if duration > 12 * 3600:
                problems.append(
                    CellProblem(
                        item.excel_row, column, _show(item.time), translate("Messages", "a segment longer than 12 hours"), sheet
                    )
                )
                results.append(None)
                continue
        else:
            start = starts[i]
            assert start is not None
            if form == "range":
                end_value = seconds(item.time.parts[1])
                duration = end_value - seconds(item.time.parts[0])
                if not offsets:
                    duration %= DAY
            elif item.duration_minutes:
                duration = int(round(item.duration_minutes * 60))
            else:
                following = next((s for s in starts[i + 1 :] if s is not None), None)
                duration = (following if following is not None else slot) - start
            if duration <= 0:
                reason = (
                    translate("Messages", "the segment ends before (or when) it starts")
                    if form == "range"
                    else translate("Messages", "cannot tell when this segment ends; write a range such as 20:00-20:05")
                )
                problems.append(CellProblem(item.excel_row, column, _show(item.time), reason, sheet))
                results.append(None)
                continue
            if duration > 12 * 3600:
                problems.append(
                    CellProblem(
                        item.excel_row, column, _show(item.time), translate("Messages", "a segment longer than 12 hours"), sheet
                    )
                )
                results.append(None)
                continue
        if form != "minutes" and previous_start is not None and start <= previous_start:
            reason = (
                translate("Messages", "this start is already on row {0}; delete the duplicate row").format(previous_row)
                if start == previous_start
                else translate("Messages", "the time runs backwards here; sort the rows by time or fix this value")
            )
            problems.append(CellProblem(item.excel_row, column, _show(item.time), reason, sheet))
            results.append(None)
            continue
        if form != "minutes":
            previous_start, previous_row = start, item.excel_row
        results.append((start, duration))
        previous_end = start + duration
    return results


def _show(time: _Time) -> str:
    def part(p: tuple[int, int, int | None]) -> str:
        return f"{p[0]:02d}:{p[1]:02d}" + (f":{p[2]:02d}" if p[2] is not None else "")

    return "-".join(part(p) for p in time.parts) if time.parts else f"{time.minutes:g}"


def import_script_sheet(session: Session, stream_id: int, path: str | Path) -> list[Segment]:
    """Replace the stream's script with the sheet's segments (take `snapshot_script` first for undo)."""
    return write_script_sheet(session, stream_id, parse_script_sheet(session, stream_id, path))


def _check_still_fits(session: Session, stream: Stream | None, parsed: ScriptSheet) -> None:
    """A sheet parsed earlier (for the preview) is written only if what it was read against is unchanged: the
    stream's slot (the times were resolved within it) and the products it matched."""
    named = {s["product_id"] for s in parsed.segments if s["product_id"] is not None} | set(parsed.lineup_prices)
    there = set(session.scalars(select(Product.id).where(Product.id.in_(named)))) if named else set()
    moved = stream is not None and parsed.slot is not None and (
        parsed.slot[0] != stream.start_at or parsed.slot[1] != stream.planned_minutes)
    if moved or there != named:
        raise ImportFailed(parsed.file_name or parsed.sheet_name, translate(
            "Messages",
            "Someone else changed the stream's time or deleted a product the script names after the file was "
            "read; nothing was imported. Import the file again."))


def write_script_sheet(session: Session, stream_id: int, parsed: ScriptSheet) -> list[Segment]:
    """Replace the stream's script with a parsed sheet's segments and put the products it names on the lineup
    (with the sheet's 直播价 where the lineup has none)."""
    from livedesk.services.scripts import replace_script_segments

    _check_still_fits(session, session.get(Stream, stream_id), parsed)
    lineup = {
        item.product_id: item for item in session.scalars(select(LineupItem).where(LineupItem.stream_id == stream_id))
    }
    used = [s["product_id"] for s in parsed.segments if s["product_id"] is not None]
    next_position = max((i.position for i in lineup.values()), default=-1) + 1
    for product_id in dict.fromkeys(used):
        item = lineup.get(product_id)
        if item is None:
            item = LineupItem(stream_id=stream_id, product_id=product_id, position=next_position)
            next_position += 1
            session.add(item)
        if item.live_price is None and product_id in parsed.lineup_prices:
            item.live_price = parsed.lineup_prices[product_id]
    session.flush()
    return replace_script_segments(session, stream_id, parsed.segments)
