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
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from zoneinfo import ZoneInfo

from livedesk.services.importers.errors import CellProblem, ImportFailed
from livedesk.services.importers.tabular import Row, Sheet, normalise_header, read_delimited_text, read_sheets
from livedesk.services.importers.values import (
    EARLIEST_YEAR,
    EMPTY_MARKERS,
    LATEST_YEAR,
    check_year,
    clean_text,
    is_empty,
    parse_clock_time,
    parse_datetime,
    parse_duration_seconds,
    parse_int,
    parse_money,
)
from livedesk.services.messages import translate

SHANGHAI = ZoneInfo("Asia/Shanghai")

KIND_DOUYIN_WORKBOOK = "douyin_workbook"
KIND_TREND = "trend"
KIND_TAOBAO_WORKBOOK = "taobao_workbook"
KIND_ORDERS = "douyin_orders"
KIND_PASTED = "pasted_trend"



def kind_label(kind: str) -> str:
    """What a kind of file is, as the user reads it (in the UI's language once a translator is installed)."""
    labels = {
        KIND_DOUYIN_WORKBOOK: translate("Messages", "Douyin 百应 whole-session workbook (整场数据下载)"),
        KIND_TREND: translate("Messages", "per-minute trend table (分钟趋势 / 流量综合趋势, .xlsx or .csv)"),
        KIND_TAOBAO_WORKBOOK: translate("Messages", "Taobao Live session workbook (淘宝直播 场次数据)"),
        KIND_ORDERS: translate("Messages", "抖店 order export (订单导出)"),
        KIND_PASTED: translate("Messages", "table pasted from the clipboard (time and online viewers)"),
    }
    return labels[kind]


class _KindLabels(Mapping[str, str]):
    """KIND_LABELS[kind]: the label translated when it is read, not when this module is imported."""

    _KINDS = (KIND_DOUYIN_WORKBOOK, KIND_TREND, KIND_TAOBAO_WORKBOOK, KIND_ORDERS, KIND_PASTED)

    def __getitem__(self, kind: str) -> str:
        if kind not in self._KINDS:
            raise KeyError(kind)
        return kind_label(kind)

    def __iter__(self):
        return iter(self._KINDS)

    def __len__(self) -> int:
        return len(self._KINDS)


KIND_LABELS: Mapping[str, str] = _KindLabels()

# How much a figure can be trusted, for merging several files that state it.
ROUNDED = 0  # stated but rounded (e.g. "3.43万", 平均在线人数 as a whole number)
DERIVED = 1  # summed or counted from detail rows that may be incomplete
EXACT_DERIVED = 2  # computed exactly from the full per-minute curve (pv, avg/peak online)
STATED = 3  # stated exactly by the platform

FIGURE_FIELDS = (
    "started_at",
    "duration_minutes",
    "gmv",
    "orders",
    "buyers",
    "uv",
    "pv",
    "natural_uv",
    "paid_uv",
    "exposure_uv",
    "product_exposure_uv",
    "product_click_uv",
    "peak_online",
    "avg_online",
    "avg_watch_seconds",
    "new_followers",
    "fan_club_joins",
    "comments",
    "likes",
    "shares",
    "refund_buyers",
    "refund_amount",
    "ad_spend",
)


# ---------------------------------------------------------------- plain results


@dataclass
class CurveRow:
    at: dt.datetime  # aware
    online: int | None = None
    entries: int | None = None
    leaves: int | None = None
    gmv: Decimal | None = None
    orders: int | None = None
    comments: int | None = None
    new_followers: int | None = None
    fan_club_joins: int | None = None


@dataclass
class ProductRow:
    name: str
    platform_product_id: str = ""
    exposure_users: int | None = None
    click_users: int | None = None
    buyers: int | None = None
    orders: int | None = None
    units: int | None = None
    gmv: Decimal | None = None
    refund_buyers: int | None = None


@dataclass
class ChannelRow:
    channel: str
    views: int | None = None
    spend: Decimal | None = None
    avg_watch_seconds: int | None = None
    gmv: Decimal | None = None


@dataclass(slots=True)  # 100,000 of them per export
class OrderRow:
    order_id: str
    amount: Decimal
    sub_order_id: str = ""
    product_name: str = ""
    spec: str = ""
    merchant_code: str = ""
    quantity: int = 1
    submitted_at: dt.datetime | None = None
    status: str = ""
    after_sale_status: str = ""
    traffic_source: str = ""


ORDER_FIELDS = tuple(OrderRow.__dataclass_fields__)


@dataclass
class TableMapping:
    """How the columns of one table were understood: header in the file -> our field (None = ignored)."""

    sheet: str
    table: str  # trend, products, channels, orders
    header_row: int  # 1-based
    columns: dict[str, str | None]


@dataclass
class ParsedReviewData:
    file_name: str
    kind: str
    figures: dict[str, object] = field(default_factory=dict)
    quality: dict[str, int] = field(default_factory=dict)
    curve: list[CurveRow] = field(default_factory=list)
    products: list[ProductRow] = field(default_factory=list)
    channels: list[ChannelRow] = field(default_factory=list)
    orders: list[OrderRow] = field(default_factory=list)
    mappings: list[TableMapping] = field(default_factory=list)
    title: str = ""

    @property
    def rows(self) -> int:
        return len(self.curve) + len(self.products) + len(self.channels) + len(self.orders)

    def set_figure(self, name: str, value: object, quality: int) -> None:
        """Keep the better-trusted of two values for the same figure (first one wins a tie)."""
        if value is None:
            return
        if name not in self.figures or quality > self.quality.get(name, -1):
            self.figures[name] = value
            self.quality[name] = quality


@dataclass
class FileInspection:
    """What a file was recognised as, for a preview before importing."""

    file_name: str
    kind: str
    label: str
    mappings: list[TableMapping]


# ---------------------------------------------------------------- column vocabularies

_INT, _MONEY, _TIME, _TEXT, _DURATION, _DATETIME = "int", "money", "time", "text", "duration", "datetime"

TABLE_FIELDS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "trend": {
        "time": (_TIME, ("时间", "时间点", "统计时间", "分钟", "时刻", "time")),
        "online": (_INT, ("在线人数", "实时在线人数", "当前在线人数", "在线", "online")),
        "entries": (_INT, ("进入人数", "进入直播间人数", "访问人数", "进场人数", "观看次数", "entries")),
        "leaves": (_INT, ("离开人数", "离开直播间人数", "离场人数", "leaves")),
        "gmv": (_MONEY, ("成交金额", "直播间成交金额(元)", "成交金额(元)", "直播间成交金额", "gmv")),
        "orders": (_INT, ("成交订单数", "成交笔数", "订单数", "orders")),
        "comments": (_INT, ("评论次数", "新增评论数", "评论数", "评论人数", "comments")),
        "new_followers": (_INT, ("新增粉丝数", "新增粉丝", "新增粉丝量", "涨粉", "涨粉数")),
        "fan_club_joins": (_INT, ("新加直播团人数", "新加团人数", "新增粉丝团人数", "加团人数")),
    },
    "products": {
        "name": (_TEXT, ("商品名称", "商品标题", "商品")),
        "product_id": (_TEXT, ("商品编号", "商品id", "商品编码")),
        "gmv": (_MONEY, ("成交金额", "成交金额(元)", "种草成交金额(元)", "种草成交金额")),
        "units": (_INT, ("成交件数", "种草成交件数")),
        "buyers": (_INT, ("成交人数", "种草成交人数")),
        "orders": (_INT, ("成交订单数", "种草成交笔数", "成交笔数")),
        "exposure_users": (_INT, ("商品曝光人数", "曝光人数")),
        "click_users": (_INT, ("商品点击人数", "点击人数")),
        "refund_buyers": (_INT, ("退款人数",)),
    },
    "channels": {
        "channel": (_TEXT, ("渠道名称", "渠道", "流量来源")),
        "spend": (_MONEY, ("千川消耗", "消耗", "投放消耗", "推广花费(元)", "花费")),
        "avg_watch_seconds": (_DURATION, ("人均观看时长", "人均停留时长", "平均观看时长")),
        "views": (_INT, ("观看次数", "看播次数", "浏览次数")),
        "gmv": (_MONEY, ("成交金额", "成交金额(元)")),
    },
    "orders": {
        "order_id": (_TEXT, ("主订单编号", "订单编号", "订单号")),
        "sub_order_id": (_TEXT, ("子订单编号",)),
        "product_name": (_TEXT, ("选购商品", "商品名称")),
        "spec": (_TEXT, ("商品规格",)),
        "quantity": (_INT, ("商品数量", "购买数量")),
        "merchant_code": (_TEXT, ("商家编码",)),
        "amount": (_MONEY, ("订单应付金额", "应付金额", "实付金额")),
        "submitted_at": (_DATETIME, ("订单提交时间", "下单时间", "提交时间")),
        "status": (_TEXT, ("订单状态",)),
        "after_sale_status": (_TEXT, ("售后状态",)),
        "traffic_source": (_TEXT, ("流量来源", "流量渠道")),
    },
}
REQUIRED_FIELDS = {
    "trend": ("time", "online"),
    "products": ("name",),
    "channels": ("channel",),
    "orders": ("order_id", "amount"),
}
# fields a header row must show (besides the required ones) for a table to be recognised
_RECOGNISE_ANY = {
    "products": ("exposure_users", "click_users", "gmv", "buyers"),
    "channels": ("views", "spend", "avg_watch_seconds"),
    "orders": (),
    "trend": (),
}

# key/value figures: normalised key -> (figure, parser, quality)
_DOUYIN_KEYS: dict[str, tuple[str, str, int]] = {
    "直播开始时间": ("started_at", _DATETIME, STATED),
    "直播结束时间": ("ended_at", _DATETIME, STATED),
    "直播时间": ("time_range", _TEXT, STATED),
    "自然流量观看人数": ("natural_uv", _INT, STATED),
    "付费流量观看人数": ("paid_uv", _INT, STATED),
    "平均在线人数": ("avg_online", _MONEY, ROUNDED),
    "直播间曝光人数": ("exposure_uv", _INT, STATED),
    "直播间观看人数": ("uv", _INT, STATED),
    "累计观看人数": ("uv", _INT, STATED),
    "商品曝光人数": ("product_exposure_uv", _INT, STATED),
    "商品点击人数": ("product_click_uv", _INT, STATED),
    "成交人数": ("buyers", _INT, STATED),
    "新增粉丝数": ("new_followers", _INT, STATED),
    "评论次数": ("comments", _INT, STATED),
    "点赞次数": ("likes", _INT, STATED),
    "分享次数": ("shares", _INT, STATED),
    "退款人数": ("refund_buyers", _INT, STATED),
    "退款金额": ("refund_amount", _MONEY, STATED),
    "成交订单数": ("orders", _INT, STATED),
    "成交金额": ("gmv", _MONEY, STATED),
    "观看次数": ("pv", _INT, STATED),
    "千川消耗": ("ad_spend", _MONEY, STATED),
    "人均观看时长": ("avg_watch_seconds", _DURATION, STATED),
    "最高在线人数": ("peak_online", _INT, STATED),
    "峰值在线人数": ("peak_online", _INT, STATED),
    "新加直播团人数": ("fan_club_joins", _INT, STATED),
    "新增粉丝团人数": ("fan_club_joins", _INT, STATED),
}
_TAOBAO_KEYS: dict[str, tuple[str, str, int]] = {
    "场次标题": ("title", _TEXT, STATED),
    "开播时间": ("started_at", _DATETIME, STATED),
    "开播时长(分钟)": ("duration_minutes", _INT, STATED),
    "直播间访问人数": ("uv", _INT, STATED),
    "直播间浏览次数": ("pv", _INT, STATED),
    "种草成交金额(元)": ("gmv", _MONEY, STATED),
    "种草成交人数": ("buyers", _INT, STATED),
    "种草成交笔数": ("orders", _INT, STATED),
    "人均停留时长(秒)": ("avg_watch_seconds", _DURATION, STATED),
    "新增粉丝量": ("new_followers", _INT, STATED),
    "推广花费(元)": ("ad_spend", _MONEY, STATED),
}
_TAOBAO_MARKERS = {"场次标题", "直播间访问人数", "直播间浏览次数", "种草成交金额(元)", "开播时长(分钟)"}
_DOUYIN_MARKERS = {"直播间观看人数", "直播时间", "自然流量观看人数", "付费流量观看人数", "直播间曝光人数"}
_TOTAL_MARKERS = frozenset({"合计", "总计", "汇总"})
_OVERALL_CHANNEL = {"整体", "合计", "总计", "全部"}
_UNPAID_STATUSES = ("已取消", "待支付", "未支付", "待付款", "交易关闭", "已关闭")

_SCRIPT_HEADERS = ({"时间节点", "时间段", "时间"}, {"环节", "主播动作/口播", "话术", "直播阶段"})
_POOL_HEADERS = ({"直播价"}, {"成本价", "成本"})


def _norm_set(names: Iterable[str]) -> set[str]:
    return {normalise_header(n) for n in names}


_NORM_TABLE_FIELDS = {
    table: {name: (parser, _norm_set(syn)) for name, (parser, syn) in spec.items()}
    for table, spec in TABLE_FIELDS.items()
}
_NORM_DOUYIN_KEYS = {normalise_header(k): v for k, v in _DOUYIN_KEYS.items()}
_NORM_TAOBAO_KEYS = {normalise_header(k): v for k, v in _TAOBAO_KEYS.items()}


def table_fields(table: str) -> list[str]:
    """The fields a column of this table can be mapped to (for a mapping editor)."""
    return list(TABLE_FIELDS[table])


def detect_mapping(table: str, headers: Iterable[object]) -> dict[str, str | None]:
    """Header as written in the file -> our field, by synonyms; each field is taken by its first column."""
    spec = _NORM_TABLE_FIELDS[table]
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for header in headers:
        text = clean_text(header)
        if not text or text in mapping:
            continue
        key = normalise_header(text)
        found = None
        for name, (_parser, synonyms) in spec.items():
            if name not in taken and key in synonyms:
                found = name
                break
        if found:
            taken.add(found)
        mapping[text] = found
    return mapping


# ---------------------------------------------------------------- problem collection


class _Cells:
    """Parses cells, collecting every problem instead of stopping at the first."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.problems: list[CellProblem] = []

    def add(self, row: int | None, column: str | None, value: object, reason: str, sheet: str | None) -> None:
        self.problems.append(CellProblem(row, column, "" if value is None else str(value), reason, sheet))

    def parse(self, kind: str, value: object, row: int, column: str, sheet: str | None, nonnegative: bool = True):
        fast = _fast_parse(kind, value)
        if fast is not None:
            return fast
        try:
            if kind == _INT:
                result = parse_int(value)
            elif kind == _MONEY:
                result = parse_money(value)
            elif kind == _DURATION:
                result = parse_duration_seconds(value)
            elif kind == _DATETIME:
                naive = parse_datetime(value)
                result = _aware(naive) if naive is not None else None
            elif kind == _TEXT:
                return clean_text(value) if not is_empty(value) else ""
            else:  # pragma: no cover
                raise ValueError(f"unknown parser {kind}")
        except ValueError as exc:
            self.add(row, column, value, translate("Messages", "{0}; correct or clear this cell").format(exc), sheet)
            return None
        if nonnegative and isinstance(result, (int, Decimal)) and result < 0:
            self.add(
                row, column, value, translate("Messages", "a count or amount cannot be negative; correct this cell"), sheet
            )
            return None
        return result

    def raise_if_any(self) -> None:
        if self.problems:
            count = len(self.problems)
            if count == 1:
                message = translate(
                    "Messages",
                    "{0} cell cannot be read, so nothing was imported. "
                    "Correct the cells listed below in the file (or clear them) and import it again.",
                )
            else:
                message = translate(
                    "Messages",
                    "{0} cells cannot be read, so nothing was imported. "
                    "Correct the cells listed below in the file (or clear them) and import it again.",
                )
            raise ImportFailed(self.file_name, message.format(count), self.problems)


_PLAIN_NUMBER = re.compile(r"^\d{1,15}(\.\d{1,6})?$")
_PLAIN_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_PLAIN_DATETIME = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
_CENT = Decimal("0.01")
_GUARDS = "'\t`= \u3000\xa0\r\n"


def _fast_parse(kind: str, value: object) -> object | None:
    """The common clean forms, parsed without the general machinery (orders run to 100,000 rows)."""
    if kind == _INT:
        if type(value) is int and value >= 0:
            return value
        if type(value) is float and value >= 0 and value.is_integer():
            return int(value)
        if type(value) is str and value.isdigit() and value.isascii():
            return int(value)
    elif kind == _MONEY:
        if type(value) is str and _PLAIN_NUMBER.match(value):
            return Decimal(value).quantize(_CENT)
        if type(value) is int and value >= 0:
            return Decimal(value).quantize(_CENT)
    elif kind == _DATETIME:
        if type(value) is str:
            match = _PLAIN_DATETIME.match(value)
            if match:
                y, mo, d, h, mi, sec = match.groups()
                if not EARLIEST_YEAR <= int(y) <= LATEST_YEAR:
                    return None  # the slow path reports it
                try:
                    return dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec or 0), tzinfo=SHANGHAI)
                except ValueError:
                    return None  # the slow path reports it
        elif type(value) is dt.datetime and EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            return _aware(value)
    return None


def _iso_datetime(value: str) -> dt.datetime | None:
    """"2026-11-22 16:20:53" exactly (as 抖店 exports it) in range, else None: the general parser decides."""
    if len(value) != 19 or value[10] != " " or value[4] != "-" or value[7] != "-" or not value.isascii():
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        return None
    return moment.replace(tzinfo=SHANGHAI)


def _text(value: object) -> str:
    if value is None:
        return ""
    if type(value) is str and value and value[0] not in _GUARDS and value[-1] not in _GUARDS:
        return "" if value in EMPTY_MARKERS else value
    text = clean_text(value)
    return "" if text in EMPTY_MARKERS else text


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=SHANGHAI)


# ---------------------------------------------------------------- public entry points


def understood_kinds() -> str:
    return "; ".join(kind_label(k) for k in (KIND_DOUYIN_WORKBOOK, KIND_TREND, KIND_TAOBAO_WORKBOOK, KIND_ORDERS))


def inspect_review_file(path: str | Path) -> FileInspection:
    """Recognise a file and show how its columns would be read, without parsing every value."""
    path = Path(path)
    sheets = read_sheets(path)
    kind, tables = _classify(path.name, sheets)
    mappings = [
        TableMapping(s.name, table, index + 1, detect_mapping(table, s.rows[index])) for s, table, index in tables
    ]
    return FileInspection(path.name, kind, kind_label(kind), mappings)


def parse_review_file(
    path: str | Path,
    stream_start: dt.datetime | None = None,
    mapping: Mapping[str, str | None] | None = None,
) -> ParsedReviewData:
    """Parse one export file. `mapping` overrides the detected columns: header in file -> field (None ignores)."""
    path = Path(path)
    return parse_review_sheets(path.name, read_sheets(path), stream_start, mapping)


def parse_pasted_text(
    text: str, stream_start: dt.datetime | None = None, mapping: Mapping[str, str | None] | None = None
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
    data = parse_review_sheets(name, [Sheet("clipboard", rows)], stream_start, mapping, forced_kind=KIND_PASTED)
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
) -> ParsedReviewData:
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
                _parse_key_values(data, cells, sheet, keys)
        if stream_start is None and isinstance(data.figures.get("started_at"), dt.datetime):
            stream_start = data.figures["started_at"]  # type: ignore[assignment]
    for sheet, table, index in tables:
        columns = detect_mapping(table, sheet.rows[index])
        if mapping:
            columns.update({h: f for h, f in mapping.items() if h in columns})
        _parse_table_into(data, cells, sheet, table, index, columns, stream_start)
    cells.raise_if_any()
    _finish_figures(data)
    return data


# ---------------------------------------------------------------- recognising files


def _sheet_header_names(rows: list[Row], scan: int = 15) -> set[str]:
    names: set[str] = set()
    for row in rows[:scan]:
        names.update(normalise_header(c) for c in row if not is_empty(c))
    return names


def _find_table_header(rows: list[Row], table: str, mapping: Mapping[str, str | None] | None = None) -> int | None:
    spec = _NORM_TABLE_FIELDS[table]
    overrides = {normalise_header(h): f for h, f in (mapping or {}).items()}
    for index, row in enumerate(rows[:15]):
        found: set[str] = set()
        for cell in row:
            key = normalise_header(cell)
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
            if names & set(_NORM_TAOBAO_KEYS) & _norm_set(_TAOBAO_MARKERS):
                taobao = True
            elif names & _norm_set(_DOUYIN_MARKERS):
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
    raise ImportFailed(
        file_name,
        translate(
            "Messages",
            "This file is not an export LiveDesk understands (its sheets and headers match none). "
            "Understood kinds: {0}. Pasted tables are imported with Paste.",
        ).format(understood_kinds()),
    )


# ---------------------------------------------------------------- key/value sheets


def _parse_key_values(
    data: ParsedReviewData, cells: _Cells, sheet: Sheet, keys: dict[str, tuple[str, str, int]]
) -> None:
    rows = sheet.rows
    header_index = None
    for index, row in enumerate(rows[:15]):
        if sum(1 for c in row if normalise_header(c) in keys) >= 2:
            header_index = index
            break
    pairs: list[tuple[str, object, int]] = []  # (header text, value, 1-based row)
    if header_index is not None:
        header = rows[header_index]
        for vi in range(header_index + 1, len(rows)):
            if any(not is_empty(c) for c in rows[vi]):
                values = rows[vi]
                pairs = [(clean_text(h), values[i] if i < len(values) else None, vi + 1) for i, h in enumerate(header)]
                break
    else:
        for index, row in enumerate(rows):
            if len(row) >= 2 and normalise_header(row[0]) in keys:
                pairs.append((clean_text(row[0]), row[1], index + 1))
    for header, value, row_number in pairs:
        spec = keys.get(normalise_header(header))
        if spec is None:
            continue
        figure, parser, quality = spec
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
            continue
        if isinstance(value, str) and re.search(r"[万亿wWkK]\s*$", clean_text(value)):
            quality = ROUNDED
        data.set_figure(figure, parsed, quality)


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
    data.set_figure("started_at", _aware(start), STATED)
    data.figures.setdefault("_ended_at", _aware(end))


def _finish_figures(data: ParsedReviewData) -> None:
    ended = data.figures.pop("_ended_at", None)
    started = data.figures.get("started_at")
    if isinstance(ended, dt.datetime) and isinstance(started, dt.datetime) and ended > started:
        data.set_figure("duration_minutes", round((ended - started).total_seconds() / 60), data.quality["started_at"])


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
    missing = [f for f in REQUIRED_FIELDS[table] if f not in used]
    if missing:
        wanted = ", ".join(f"{f} ({'/'.join(spec[f][1][:3])})" for f in missing)
        raise ImportFailed(
            data.file_name,
            translate(
                "Messages", "Sheet {0}: no column is mapped to {1}. Map a column to it in the import preview."
            ).format(sheet.name, wanted),
        )
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
        _build_channels(data, records)


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
            body.append(f"    v = Decimal(repr(v)).quantize(cent) if type(v) is float and 0 <= v < 1e15 else {slow}")
        elif parser == _INT:
            body.append(f"    v = int(v) if type(v) is float and 0 <= v < 1e15 and v.is_integer() else {slow}")
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
    _curve_figures(data)


def _curve_figures(data: ParsedReviewData) -> None:
    curve = data.curve
    if not curve:
        return
    online = [p.online for p in curve if p.online is not None]
    if online:
        data.set_figure("peak_online", max(online), EXACT_DERIVED)
        data.set_figure("avg_online", (Decimal(sum(online)) / len(online)).quantize(Decimal("0.01")), EXACT_DERIVED)
    entries = [p.entries for p in curve]
    if entries and all(e is not None for e in entries):
        data.set_figure("pv", sum(entries), EXACT_DERIVED)  # type: ignore[arg-type]
    for name in ("gmv", "orders", "comments", "new_followers", "fan_club_joins"):
        values = [getattr(p, name) for p in curve if getattr(p, name) is not None]
        if values:
            data.set_figure(name, sum(values), DERIVED)
    data.set_figure("started_at", curve[0].at, DERIVED)
    step = (curve[1].at - curve[0].at) if len(curve) > 1 else dt.timedelta(minutes=1)
    span = (curve[-1].at - curve[0].at + step).total_seconds() / 60
    data.set_figure("duration_minutes", round(span), DERIVED)


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


def _build_channels(data: ParsedReviewData, records: list[tuple[int, dict[str, object]]]) -> None:
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
            data.set_figure("ad_spend", row.spend, STATED)
            data.set_figure("avg_watch_seconds", row.avg_watch_seconds, STATED)
            data.set_figure("gmv", row.gmv, STATED)
            data.set_figure("pv", row.views, int(record.get("_views_quality", ROUNDED)))  # type: ignore[arg-type]
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
        *(at(f) for f in ("status", "after_sale_status", "traffic_source")),
    )
    paid_by_status: dict[str, bool] = {}
    orders: list[OrderRow] = []
    append = orders.append
    paid_ids: set[str] = set()
    gmv = Decimal(0)
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
        status = order.status
        paid = paid_by_status.get(status)
        if paid is None:
            paid = paid_by_status[status] = is_paid_status(status)
        if paid:
            paid_ids.add(order_id)
            gmv += amount  # type: ignore[operator]
    data.orders = orders
    if orders:
        data.set_figure("gmv", gmv, DERIVED)
        data.set_figure("orders", len(paid_ids), DERIVED)


def is_paid_status(status: str) -> bool:
    """Whether an order with this 订单状态 counts toward GMV (unpaid and cancelled orders do not)."""
    return not any(word in status for word in _UNPAID_STATUSES)


def _views_rounded(value: object) -> bool:
    return isinstance(value, str) and bool(re.search(r"[万亿wWkK]\s*$", clean_text(value)))

