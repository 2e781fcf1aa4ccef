"""Import the schedule (排期表) from .xlsx/.xls/.csv: preview first, then write in the caller's transaction.

`preview_schedule(path)` reads the file, finds the header row (title rows above it are fine), maps
Chinese or English headers to fields and parses every row; good rows become `StreamData`, bad rows
become `CellProblem`s naming the Excel row and the header. `apply_schedule(session, preview)` writes
the rows, or raises `ImportFailed` (and writes nothing) when any row had a problem.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from livedesk.models.stream import Platform, Role, StreamStatus, StreamType
from livedesk.services.importers.errors import CellProblem, ImportFailed
from livedesk.services.importers.tabular import (
    Row,
    Sheet,
    hidden_sheet_note,
    normalise_header,
    read_sheets,
)
from livedesk.services.importers.values import (
    EARLIEST_YEAR,
    EXCEL_EPOCH,
    LATEST_YEAR,
    check_year,
    clean_text,
    is_empty,
    parse_clock_time,
    parse_datetime,
    parse_int,
    parse_money,
    parse_rate,
)
from livedesk.services.messages import translate
from livedesk.services.schedule import (
    StreamData,
    ValidationError,
    create_stream,
    validate,
)

# field -> header synonyms; the first one is the header the exporter writes.
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("标题", "场次标题", "直播主题名称", "直播标题", "场次", "场次名称", "title", "stream", "stream title"),
    "date": ("日期", "直播日期", "开播日期", "date", "day"),
    "start": ("开始时间", "开播时间", "时间", "直播时间", "start", "start time", "start at", "time"),
    "minutes": ("时长(分钟)", "计划时长", "时长", "直播时长", "计划时长(分钟)", "时长(分)", "minutes", "duration",
                "planned minutes", "length"),
    "platform": ("平台", "直播平台", "platform"),
    "account": ("账号", "直播账号", "直播间", "account"),
    "theme": ("主题", "直播主题", "theme"),
    "stream_type": ("类型", "场次类型", "直播类型", "type", "stream type"),
    "status": ("状态", "进度", "status"),
    "host": ("主播", "host"),
    "co_host": ("助播", "副播", "co-host", "cohost", "co host", "co_host"),
    "controller": ("场控", "controller", "live controller"),
    "service": ("客服", "service", "customer service"),
    "paid_traffic": ("投手", "投放", "paid traffic", "paid_traffic", "ads"),
    "operator": ("运营", "operator", "operations"),
    "gmv_target": ("GMV目标", "目标GMV", "销售目标", "销售额目标", "成交目标", "gmv target", "gmv goal"),
    "viewers_target": ("观看人数目标", "目标观看人数", "viewers target", "viewers goal"),
    "peak_online_target": ("峰值在线目标", "在线峰值目标", "目标峰值在线", "peak online target", "peak online goal"),
    "conversion_target": ("转化率目标", "目标转化率", "conversion target", "conversion goal"),
    "new_followers_target": ("涨粉目标", "目标涨粉", "新增粉丝目标", "new followers target", "followers target"),
    "welfare_plan": ("福利计划", "福利", "福利策略", "welfare plan", "welfare"),
    "warmup_plan": ("预热计划", "预热", "warm-up plan", "warmup plan", "warm-up"),
    "notes": ("备注", "说明", "notes", "note", "remarks"),
}
ROLE_COLUMNS: dict[str, str] = {
    "host": Role.HOST.value,
    "co_host": Role.CO_HOST.value,
    "controller": Role.CONTROLLER.value,
    "service": Role.SERVICE.value,
    "paid_traffic": Role.PAID_TRAFFIC.value,
    "operator": Role.OPERATOR.value,
}
REQUIRED = ("title", "start", "minutes", "platform")

# Labels the exporter writes (first) and every spelling the importer accepts.
PLATFORM_LABELS: dict[str, tuple[str, ...]] = {
    Platform.DOUYIN.value: ("抖音", "抖音直播", "douyin", "tiktok", "dy"),
    Platform.KUAISHOU.value: ("快手", "快手直播", "kuaishou", "ks"),
    Platform.TAOBAO.value: ("淘宝直播", "淘宝", "点淘", "天猫", "taobao", "taobao live", "tb"),
    Platform.CHANNELS.value: ("视频号", "微信视频号", "视频号直播", "channels", "wechat channels", "wechat", "weixin"),
    Platform.XIAOHONGSHU.value: ("小红书", "小红书直播", "xiaohongshu", "rednote", "red", "xhs"),
}
TYPE_LABELS: dict[str, tuple[str, ...]] = {
    StreamType.DAILY.value: ("日常场", "日常", "日常直播", "daily", "regular"),
    StreamType.SPECIAL.value: ("专场", "品牌专场", "special"),
    StreamType.BIG_PROMOTION.value: ("大促", "大促场", "big promotion", "big_promotion", "promotion", "promo"),
}
STATUS_LABELS: dict[str, tuple[str, ...]] = {
    StreamStatus.PLANNED.value: ("策划", "已策划", "策划中", "planned", "plan", "planning"),
    StreamStatus.SCRIPTED.value: ("脚本", "已写脚本", "脚本完成", "scripted", "script"),
    StreamStatus.REHEARSED.value: ("彩排", "已彩排", "彩排完成", "rehearsed", "rehearsal"),
    StreamStatus.LIVE.value: ("直播", "直播中", "已直播", "live", "on air"),
    StreamStatus.REVIEWED.value: ("复盘", "已复盘", "复盘完成", "reviewed", "review", "done"),
}
TOTAL_MARKERS = ("合计", "总计", "小计", "汇总", "total", "sum")
NAME_SEPARATORS = re.compile(r"[、,，;；/|\n]+")


@dataclass
class SchedulePreview:
    file_name: str
    rows: list[StreamData] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    sheet: str | None = None
    header_row: int | None = None  # 1-based
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as written in the file

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems if p.row is not None})


# --- public API -----------------------------------------------------------------------------------------


def preview_schedule(path: str | Path) -> SchedulePreview:
    """Read a schedule file without writing anything. Raises ImportFailed when the file as a whole is unusable."""
    path = Path(path)
    sheets = read_sheets(path)
    found = _best_header(sheets)
    hidden = hidden_sheet_note(sheets, _has_schedule_header)
    if hidden and (found is None or _missing(found[2])):
        raise ImportFailed(path.name, hidden)
    if found is None:
        raise ImportFailed(
            path.name,
            translate(
                "Messages",
                "No header row was found. The table needs a row naming its columns, for example "
                "标题, 开始时间, 时长(分钟), 平台 (or Title, Start, Minutes, Platform).",
            ),
        )
    sheet, header_index, columns = found
    missing = _missing(columns)
    if missing:
        names = ", ".join(f"{COLUMNS[m][0]} ({m if m != 'start' else 'start time'})" for m in missing)
        if len(missing) > 1:
            message = translate(
                "Messages", "The columns {0} are missing from the header row (row {1}). Add them and import again."
            )
        else:
            message = translate(
                "Messages", "The column {0} is missing from the header row (row {1}). Add it and import again."
            )
        raise ImportFailed(path.name, message.format(names, header_index + 1))
    header = sheet.rows[header_index]
    preview = SchedulePreview(
        file_name=path.name,
        sheet=sheet.name if len(sheets) > 1 else None,
        header_row=header_index + 1,
        columns={name: clean_text(header[index]) for name, index in columns.items()},
    )
    header_keys = [_key(cell) for cell in header]
    seen: dict[tuple[object, ...], int] = {}  # the same stream twice is a copy-paste slip, not two streams
    for index in range(header_index + 1, len(sheet.rows)):
        row = sheet.rows[index]
        if _is_blank(row) or _is_total(row) or [_key(cell) for cell in row] == header_keys:
            continue
        data, problems = _parse_row(row, index + 1, columns, preview)
        if problems:
            preview.problems += problems
        elif data is not None:
            key = (data.title, data.start_at, data.platform, data.account)
            if key in seen:
                preview.problems.append(
                    CellProblem(
                        index + 1,
                        preview.columns.get("title"),
                        data.title,
                        translate("Messages", "The same stream (title, start and platform) is already on row {0}. Delete one of the rows.").format(seen[key]),
                        preview.sheet,
                    )
                )
                continue
            seen[key] = index + 1
            preview.rows.append(data)
    if not preview.rows and not preview.problems:
        raise ImportFailed(
            path.name,
            translate("Messages", "The file has a header row but no streams below it. Fill in at least one row."),
        )
    return preview


def apply_schedule(session: Session, preview: SchedulePreview) -> int:
    """Write every previewed stream in the caller's unit of work; nothing is written if any row is bad."""
    if preview.problems:
        rows = len(preview.bad_rows) or len(preview.problems)
        if rows == 1:
            message = translate(
                "Messages",
                "{0} row of the file has problems, so nothing was imported. "
                "Fix the cells listed below and import the file again.",
            )
        else:
            message = translate(
                "Messages",
                "{0} rows of the file have problems, so nothing was imported. "
                "Fix the cells listed below and import the file again.",
            )
        raise ImportFailed(preview.file_name, message.format(rows), list(preview.problems))
    for data in preview.rows:
        create_stream(session, data)
    session.flush()
    return len(preview.rows)


def format_header(name: str) -> str:
    """The header the exporter writes for a field."""
    return COLUMNS[name][0]


# --- header detection -----------------------------------------------------------------------------------


def _key(value: object) -> str:
    return normalise_header(value).replace("*", "").replace(":", "").replace("：", "")


_SYNONYMS: dict[str, str] = {}
for _field, _names in COLUMNS.items():
    for _name in _names:
        _SYNONYMS.setdefault(_key(_name), _field)


def _map_header(row: Row) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(row):
        name = _SYNONYMS.get(_key(cell))
        if name and name not in columns:
            columns[name] = index
    return columns


def _missing(columns: dict[str, int]) -> list[str]:
    return [name for name in REQUIRED if name not in columns and not (name == "start" and "date" in columns)]


def _has_schedule_header(sheet: Sheet) -> bool:
    found = _best_header([sheet])
    return found is not None and not _missing(found[2])


def _best_header(sheets: list[Sheet], scan: int = 20) -> tuple[Sheet, int, dict[str, int]] | None:
    best: tuple[int, Sheet, int, dict[str, int]] | None = None
    for sheet in sheets:
        for index, row in enumerate(sheet.rows[:scan]):
            columns = _map_header(row)
            score = len(columns) + 2 * sum(1 for name in REQUIRED if name in columns)
            if len(columns) >= 2 and (best is None or score > best[0]):
                best = (score, sheet, index, columns)
    return None if best is None else best[1:]


def _is_blank(row: Row) -> bool:
    return all(is_empty(cell) for cell in row)


def _is_total(row: Row) -> bool:
    """A 合计/总计 row: a cell that is only the marker, or one of the first cells starting with a Chinese marker."""
    for index, cell in enumerate(row):
        text = clean_text(cell).replace(" ", "").rstrip(":：").casefold()
        if text in TOTAL_MARKERS or text in ("grandtotal", "totals"):
            return True
        if index < 4 and text[:2] in TOTAL_MARKERS:
            return True
    return False


# --- one row ----------------------------------------------------------------------------------------------


def _parse_row(
    row: Row, number: int, columns: dict[str, int], preview: SchedulePreview
) -> tuple[StreamData | None, list[CellProblem]]:
    problems: list[CellProblem] = []
    sheet = preview.sheet

    def cell(name: str) -> object:
        index = columns.get(name)
        return row[index] if index is not None and index < len(row) else None

    def problem(name: str | None, reason: str, value: object = None) -> None:
        shown = "" if value is None else _show(value)
        header = preview.columns.get(name) if name else None
        problems.append(CellProblem(number, header, shown, reason, sheet))

    def parse(name: str, parser, reason: str):
        value = cell(name)
        try:
            return parser(value)
        except ValueError:
            problem(name, reason, value)
            return None

    title = _text(cell("title"))
    if not title:
        problem("title", translate("Messages", "The title is empty. Give the stream a title."))

    start_naive = _start(cell("date"), cell("start"), "date" in columns, "start" in columns, problem)

    minutes = None
    raw_minutes = cell("minutes")
    if is_empty(raw_minutes):
        problem("minutes", translate("Messages", "The planned length is empty. Write it in minutes, e.g. 120 (or 2小时)."))
    else:
        try:
            minutes = parse_minutes(raw_minutes)
        except ValueError as exc:
            problem("minutes", str(exc), raw_minutes)

    platform = None
    raw_platform = cell("platform")
    if is_empty(raw_platform):
        problem("platform", translate("Messages", "The platform is empty. Write one of 抖音, 快手, 淘宝直播, 视频号, 小红书."))
    else:
        platform = _lookup(raw_platform, PLATFORM_LABELS)
        if platform is None:
            problem(
                "platform",
                translate(
                    "Messages",
                    "Unknown platform. Write one of 抖音, 快手, 淘宝直播, 视频号, 小红书 "
                    "(or douyin, kuaishou, taobao, channels, xiaohongshu).",
                ),
                raw_platform,
            )

    stream_type = StreamType.DAILY.value
    if not is_empty(cell("stream_type")):
        found = _lookup(cell("stream_type"), TYPE_LABELS)
        if found is None:
            problem(
                "stream_type",
                translate("Messages", "Unknown stream type. Write 日常场, 专场 or 大促 (daily, special, big promotion)."),
                cell("stream_type"),
            )
        else:
            stream_type = found

    status = StreamStatus.PLANNED.value
    if not is_empty(cell("status")):
        found = _lookup(cell("status"), STATUS_LABELS)
        if found is None:
            problem(
                "status",
                translate(
                    "Messages",
                    "Unknown status. Write 策划, 脚本, 彩排, 直播 or 复盘 (planned, scripted, rehearsed, live, reviewed).",
                ),
                cell("status"),
            )
        else:
            status = found

    gmv = parse(
        "gmv_target",
        parse_money,
        translate("Messages", "The GMV goal is not an amount of money. Write e.g. 50000, 5万 or ¥50,000."),
    )
    viewers = parse(
        "viewers_target",
        parse_int,
        translate("Messages", "The viewers goal is not a whole number. Write e.g. 20000 or 2万."),
    )
    peak = parse(
        "peak_online_target",
        parse_int,
        translate("Messages", "The peak-online goal is not a whole number. Write e.g. 800."),
    )
    followers = parse(
        "new_followers_target",
        parse_int,
        translate("Messages", "The new-followers goal is not a whole number. Write e.g. 300."),
    )
    conversion = parse(
        "conversion_target",
        parse_rate,
        translate("Messages", "The conversion goal is not a rate. Write e.g. 3% or 0.03."),
    )
    for name, value, negative in (
        (
            "gmv_target",
            gmv,
            translate("Messages", "The GMV goal cannot be negative. Write a positive number or leave the cell empty."),
        ),
        (
            "viewers_target",
            viewers,
            translate(
                "Messages", "The viewers goal cannot be negative. Write a positive number or leave the cell empty."
            ),
        ),
        (
            "peak_online_target",
            peak,
            translate(
                "Messages", "The peak-online goal cannot be negative. Write a positive number or leave the cell empty."
            ),
        ),
        (
            "new_followers_target",
            followers,
            translate(
                "Messages",
                "The new-followers goal cannot be negative. Write a positive number or leave the cell empty.",
            ),
        ),
    ):
        if value is not None and value < 0:
            problem(name, negative, cell(name))
    if conversion is not None and not (0 <= conversion <= 1):
        problem(
            "conversion_target",
            translate("Messages", "The conversion goal must be between 0% and 100%, e.g. 3% or 0.03."),
            cell("conversion_target"),
        )

    people: list[tuple[str, str]] = []
    for name, role in ROLE_COLUMNS.items():
        for person in split_names(cell(name)):
            if len(person) > 100:
                problem(
                    name,
                    translate("Messages", "A name is longer than 100 characters. Separate several names with 、 or a comma."),
                    person,
                )
            elif (person, role) not in people:
                people.append((person, role))

    if problems:
        return None, problems
    assert start_naive is not None and minutes is not None and platform is not None
    data = StreamData(
        title=title,
        start_at=start_naive.astimezone(),
        planned_minutes=minutes,
        platform=platform,
        account=_text(cell("account")),
        theme=_text(cell("theme")),
        stream_type=stream_type,
        status=status,
        gmv_target=gmv,
        viewers_target=viewers,
        peak_online_target=peak,
        conversion_target=conversion,
        new_followers_target=followers,
        welfare_plan=_text(cell("welfare_plan")),
        warmup_plan=_text(cell("warmup_plan")),
        notes=_text(cell("notes")),
        people=people,
    )
    for name, limit in (("title", 200), ("account", 100), ("theme", 200)):
        if len(getattr(data, name)) > limit:
            problem(
                name,
                translate("Messages", "The text is longer than {0} characters. Shorten it.").format(limit),
                getattr(data, name)[:40] + "…",
            )
    try:
        validate(data)
    except ValidationError as exc:
        problem(None, str(exc))
    return (None, problems) if problems else (data, [])


# --- values -------------------------------------------------------------------------------------------------


def _show(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _text(value: object) -> str:
    """Free text: keeps a leading '=' the exporter stored as text, drops Excel's tab/apostrophe guards."""
    if is_empty(value):
        return ""
    raw = str(value).replace("\u3000", " ").replace("\xa0", " ").strip()
    if raw.startswith("=") and not (raw.startswith('="') and raw.endswith('"')):
        return raw
    return clean_text(value)


def _lookup(value: object, labels: dict[str, tuple[str, ...]]) -> str | None:
    key = clean_text(value).replace(" ", "").replace("_", "").casefold()
    for canonical, names in labels.items():
        if key in {n.replace(" ", "").replace("_", "").casefold() for n in (canonical, *names)}:
            return canonical
    return None


def split_names(value: object) -> list[str]:
    """Names in one cell: "小美、阿杰", "Ann, Bo", "小美;阿杰" → each stripped, empties dropped."""
    if is_empty(value):
        return []
    names = []
    for part in NAME_SEPARATORS.split(clean_text(value)):
        part = part.strip()
        if part and not is_empty(part) and part not in names:
            names.append(part)
    return names


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－：", "0123456789.-:")
_CLOCK_HM = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?$")
_DURATION = re.compile(
    r"^(?:(?P<h>\d+(?:\.\d+)?)\s*(?:个)?\s*(?:小时|钟头|时|hours?|hrs?|h)\s*(?P<half>半)?)?\s*"
    r"(?:(?P<m>\d+(?:\.\d+)?)\s*(?:分钟|分|minutes?|mins?|m))?$",
    re.IGNORECASE,
)


def parse_minutes(value: object) -> int:
    """A planned length in minutes: 120, "120分钟", "2小时", "2h", "1.5小时", "2小时30分", "2:30", an Excel time."""
    minutes: float
    if isinstance(value, bool):
        raise ValueError(_minutes_help())  # noqa: TRY004 - a cell value, reported to the user
    if isinstance(value, (int, float, Decimal)):
        minutes = float(value)
    elif isinstance(value, dt.time):
        minutes = value.hour * 60 + value.minute + value.second / 60
    elif isinstance(value, dt.timedelta):
        minutes = value.total_seconds() / 60
    else:
        text = clean_text(value).translate(_FULL_WIDTH).replace(" ", "").replace(",", "")
        if text in ("半小时", "半个小时"):
            text = "30分钟"
        text = re.sub(r"个?半个?(小时|钟头)$", r"\1半", text)  # 2个半小时 -> 2小时半
        clock = _CLOCK_HM.match(text)
        match = _DURATION.match(text)
        if re.fullmatch(r"[+-]?\d+(\.\d+)?", text):
            minutes = float(text)
        elif clock:
            minutes = int(clock.group(1)) * 60 + int(clock.group(2))
        elif match and (match.group("h") or match.group("m")):
            hours = float(match.group("h") or 0) + (0.5 if match.group("half") else 0)
            minutes = hours * 60 + float(match.group("m") or 0)
        else:
            raise ValueError(_minutes_help())
    if math.isnan(minutes) or minutes <= 0:
        raise ValueError(translate("Messages", "The planned length must be more than 0 minutes. Write it in minutes, e.g. 120."))
    if abs(minutes - round(minutes)) > 1e-6:
        raise ValueError(translate("Messages", "The planned length must be a whole number of minutes, e.g. 90."))
    if minutes > 24 * 60:
        raise ValueError(
            translate("Messages", "The planned length is more than 24 hours. Write it in minutes, e.g. 120 (not seconds).")
        )
    return round(minutes)


def _minutes_help() -> str:
    return translate("Messages", "The planned length is not a number of minutes. Write e.g. 120, 120分钟 or 2小时.")


_HAS_TIME = re.compile(r"\d\s*[:：点时]\s*\d|\d\s*点|\d\s*(am|pm)\b", re.IGNORECASE)
_NO_YEAR = re.compile(r"^(\d{1,2})\s*(?:月|/|-|\.)\s*(\d{1,2})\s*日?(?:\s+(.+))?$")
_WEEKDAY = re.compile(
    r"[(（]?\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[)）]?|[(（]?\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?[)）]?",
    re.IGNORECASE,
)
_CN_CLOCK = re.compile(r"^(上午|早上|中午|下午|晚上|晚)?\s*(\d{1,2})\s*[点时](?:\s*(\d{1,2})\s*分?|\s*(半))?$")


def _start(
    date_value: object, start_value: object, has_date_col: bool, has_start_col: bool, problem
) -> dt.datetime | None:
    """The start as a naive local datetime from one full datetime column, or a date column and a time column."""
    date_empty, start_empty = is_empty(date_value), is_empty(start_value)
    if date_empty and start_empty:
        which = "start" if has_start_col else "date"
        problem(which, translate("Messages", "The start is empty. Write the date and time, e.g. 2026-11-20 20:00."))
        return None

    if has_date_col and has_start_col and not date_empty and not start_empty:
        try:
            day = _read_datetime(date_value)[0].date()
        except ValueError as exc:
            problem("date", str(exc), date_value)
            day = None
        try:
            clock = _read_clock(start_value)
        except ValueError as exc:
            problem("start", str(exc), start_value)
            return None
        return None if day is None else _in_range(dt.datetime.combine(day, clock), "date", date_value, problem)

    # One value holds everything (a full datetime), or one half is missing.
    name, value = ("start", start_value) if not start_empty else ("date", date_value)
    try:
        moment, has_time = _read_datetime(value)
    except ValueError as exc:
        if name == "start" and has_date_col:  # a time given, the date missing
            try:
                _read_clock(value)
            except ValueError:
                pass
            else:
                problem("date", translate("Messages", "The date is empty. Write the date of the stream, e.g. 2026-11-20."))
                return None
        if name == "start" and not has_date_col:
            try:
                _read_clock(value)
            except ValueError:
                pass
            else:
                problem(
                    "start",
                    translate("Messages", "The start has a time but no date. Write e.g. 2026-11-20 20:00, or add a 日期 column."),
                    value,
                )
                return None
        problem(name, str(exc), value)
        return None
    if not has_time:
        if name == "date" and has_start_col:
            problem("start", translate("Messages", "The start time is empty. Write the time of day, e.g. 20:00."))
            return None
        if name == "date" or isinstance(value, str):
            problem(
                name,
                translate(
                    "Messages",
                    "Only a date is given, not the time. Write e.g. 2026-11-20 20:00, or add a 开始时间 column with the time.",
                ),
                value,
            )
            return None
        # A real Excel date cell in the start column: Excel stores midnight like a plain date.
    return _in_range(moment, name, value, problem)


def _in_range(moment: dt.datetime, name: str, value: object, problem) -> dt.datetime | None:
    """The start, or None after reporting a year no stream can have (1900, 9999)."""
    try:
        return check_year(moment)
    except ValueError:
        problem(
            name,
            translate("Messages", "The date {0} is out of range. Write a year from {1} to {2}.").format(
                moment.date().isoformat(), EARLIEST_YEAR, LATEST_YEAR
            ),
            value,
        )
        return None


def _read_datetime(value: object) -> tuple[dt.datetime, bool]:
    """(naive datetime, whether a time of day was given)."""
    reason = translate("Messages", "The date is not readable. Write it like 2026-11-20 20:00 or 2026/11/20.")
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value, True
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day), False
    if isinstance(value, dt.time):
        raise ValueError(translate("Messages", "Only a time is given, not the date. Write e.g. 2026-11-20 20:00."))  # noqa: TRY004
    if isinstance(value, str):
        text = clean_text(value).translate(_FULL_WIDTH)
        text = re.sub(r"\s+", " ", _WEEKDAY.sub(" ", text)).strip()
        if re.fullmatch(r"\d+(\.\d+)?", text) and len(text.split(".")[0]) == 5:
            value = float(text)  # an Excel serial kept as text by a CSV
        else:
            return _read_datetime_text(text, reason)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = float(value)
        if 0 <= number < 1:
            raise ValueError(translate("Messages", "Only a time is given, not the date. Write e.g. 2026-11-20 20:00."))
        if not 20_000 < number < 80_000:
            raise ValueError(reason)
        moment = EXCEL_EPOCH + dt.timedelta(minutes=round(number * 1440))  # serials typed by hand: to the minute
        return moment, not number.is_integer()
    raise ValueError(reason)


def _read_datetime_text(text: str, reason: str) -> tuple[dt.datetime, bool]:
    try:
        moment = parse_datetime(text)
    except ValueError:
        moment = None
    if moment is not None:
        return moment, bool(_HAS_TIME.search(text))
    # "2026-11-20 8点", "11月20日 20:00", "11/20": no year or a Chinese time of day
    date_part, _, time_part = text.partition(" ")
    clock = None
    if time_part:
        try:
            clock = _read_clock(time_part)
        except ValueError:
            raise ValueError(reason) from None
    try:
        day = parse_datetime(date_part).date()  # type: ignore[union-attr]
    except ValueError:
        match = _NO_YEAR.match(date_part)
        if not match:
            raise ValueError(reason) from None
        day = _nearest_year(int(match.group(1)), int(match.group(2)), reason)
    return dt.datetime.combine(day, clock or dt.time()), clock is not None


def _nearest_year(month: int, day: int, reason: str) -> dt.date:
    """A date written without its year: the year that puts it nearest to today."""
    today = dt.date.today()
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise ValueError(reason)
    return min(candidates, key=lambda d: abs((d - today).days))


def _read_clock(value: object) -> dt.time:
    reason = translate("Messages", "The time is not readable. Write the time of day like 20:00.")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 1:
        moment, _ = _read_datetime(value)  # a full Excel serial in the time column: keep its time
        return moment.time()
    if isinstance(value, str):
        text = clean_text(value).translate(_FULL_WIDTH).replace(" ", "")
        match = _CN_CLOCK.match(text)
        if match:
            hour = int(match.group(2))
            minute = 30 if match.group(4) else int(match.group(3) or 0)
            if match.group(1) in ("下午", "晚上", "晚") and hour < 12:
                hour += 12
            if hour < 24 and minute < 60:
                return dt.time(hour, minute)
            raise ValueError(reason)
        am_pm = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?(am|pm)", text, re.IGNORECASE)
        if am_pm:
            hour, minute = int(am_pm.group(1)) % 12, int(am_pm.group(2) or 0)
            if am_pm.group(3).lower() == "pm":
                hour += 12
            if hour < 24 and minute < 60:
                return dt.time(hour, minute)
            raise ValueError(reason)
        if re.fullmatch(r"0?\.\d+", text):
            value = float(text)
    if isinstance(value, float) and 0 <= value < 1:  # an Excel time serial, e.g. 0.8333 for 20:00
        minutes = round(value * 1440) % 1440
        return dt.time(minutes // 60, minutes % 60)
    try:
        clock = parse_clock_time(value)
    except ValueError:
        raise ValueError(reason) from None
    if clock is None:
        raise ValueError(reason)
    return clock.replace(microsecond=0, tzinfo=None)
