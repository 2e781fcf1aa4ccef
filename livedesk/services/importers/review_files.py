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
    MAX_COUNT,
    MAX_MONEY,
    PLAIN_COUNT,
    PLAIN_MONEY,
    check_year,
    clean_text,
    is_empty,
    parse_clock_time,
    parse_datetime,
    parse_duration_seconds,
    parse_int,
    parse_money,
    parse_rate,
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
    "units",
    "seeding_conversion_rate",
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
    ad_spend: Decimal | None = None  # 千川消耗 in this minute
    buyers: int | None = None  # 成交人数 in this minute: people, so never summed into the session's buyers


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
    cancel_reason: str = ""  # 取消原因: a closed order with one was never paid
    content_type: str = ""  # 流量体裁: 直播, 商品卡, 短视频…


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
    bases: dict[str, str] = field(default_factory=dict)  # figure -> how this file gives it
    unused_columns: list[tuple[str, str]] = field(default_factory=list)  # (sheet, header) read by no figure
    session: str | None = None  # which row of a list of sessions was taken
    span: tuple[dt.datetime, dt.datetime] | None = None  # the earliest and latest moment the file speaks of

    @property
    def rows(self) -> int:
        return len(self.curve) + len(self.products) + len(self.channels) + len(self.orders)

    def set_figure(self, name: str, value: object, quality: int, basis: str = "") -> None:
        """Keep the better-trusted of two values for the same figure (first one wins a tie)."""
        if value is None:
            return
        if name not in self.figures or quality > self.quality.get(name, -1):
            self.figures[name] = value
            self.quality[name] = quality
            self.bases[name] = basis

    def widen_span(self, *moments: dt.datetime | None) -> None:
        present = [m for m in moments if isinstance(m, dt.datetime)]
        if not present:
            return
        low, high = min(present), max(present)
        if self.span is not None:
            low, high = min(low, self.span[0]), max(high, self.span[1])
        self.span = (low, high)

    def add_unused(self, sheet: str, header: str) -> None:
        if header and (sheet, header) not in self.unused_columns:
            self.unused_columns.append((sheet, header))


@dataclass
class FileInspection:
    """What a file was recognised as, for a preview before importing."""

    file_name: str
    kind: str
    label: str
    mappings: list[TableMapping]
    recognised: bool = True  # False: no header matched; the user maps the columns (Kuaishou, Channels, …)


class NotRecognisedFailed(ImportFailed):
    """No sheet's headers match a known export: the columns must be mapped by hand."""


# ---------------------------------------------------------------- column vocabularies

_INT, _MONEY, _TIME, _TEXT, _DURATION, _DATETIME, _RATE = "int", "money", "time", "text", "duration", "datetime", "rate"

TABLE_FIELDS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "trend": {
        "time": (_TIME, ("时间", "时间点", "统计时间", "分钟", "时刻", "time")),
        "online": (_INT, ("在线人数", "实时在线人数", "当前在线人数", "在线", "online")),
        "entries": (_INT, ("进入人数", "进入直播间人数", "访问人数", "进场人数", "观看次数", "entries")),
        "leaves": (_INT, ("离开人数", "离开直播间人数", "离场人数", "leaves")),
        "gmv": (_MONEY, ("成交金额", "直播间成交金额", "直播间用户支付金额", "gmv")),
        "orders": (_INT, ("成交订单数", "成交笔数", "订单数", "orders")),
        "comments": (_INT, ("评论次数", "新增评论数", "评论数", "评论人数", "comments")),
        "new_followers": (_INT, ("新增粉丝数", "新增粉丝", "新增粉丝量", "涨粉", "涨粉数")),
        "fan_club_joins": (_INT, ("新加直播团人数", "新加团人数", "新增粉丝团人数", "加团人数")),
        "ad_spend": (_MONEY, ("千川消耗", "消耗", "投放消耗", "推广花费")),
        "buyers": (_INT, ("成交人数",)),
    },
    "products": {
        "name": (_TEXT, ("商品名称", "商品标题", "商品")),
        "product_id": (_TEXT, ("商品编号", "商品id", "商品编码")),
        "gmv": (_MONEY, ("成交金额", "累计成交金额", "种草成交金额", "直播间成交金额")),
        "units": (_INT, ("成交件数", "累计成交件数", "种草成交件数")),
        "buyers": (_INT, ("成交人数", "累计成交人数", "种草成交人数")),
        "orders": (_INT, ("成交订单数", "累计成交订单数", "种草成交笔数", "成交笔数")),
        "exposure_users": (_INT, ("商品曝光人数", "曝光人数")),
        "click_users": (_INT, ("商品点击人数", "点击人数")),
        "refund_buyers": (_INT, ("退款人数",)),
    },
    "channels": {
        "channel": (_TEXT, ("渠道名称", "渠道", "流量来源")),
        "spend": (_MONEY, ("千川消耗", "消耗", "投放消耗", "推广花费(元)", "花费")),
        "avg_watch_seconds": (_DURATION, ("人均观看时长", "人均停留时长", "平均观看时长")),
        "views": (_INT, ("观看次数", "看播次数", "浏览次数")),
        "gmv": (_MONEY, ("成交金额",)),
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
        "cancel_reason": (_TEXT, ("取消原因",)),
        "content_type": (_TEXT, ("流量体裁",)),
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
    "直播间成交金额": ("gmv", _MONEY, STATED),
    "直播间用户支付金额": ("gmv", _MONEY, STATED),
    "观看人数": ("uv", _INT, STATED),
    "成交件数": ("units", _INT, STATED),
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
    "直播间浏览人数": ("uv", _INT, STATED),
    "直播访问人数": ("uv", _INT, STATED),
    "直播间访问人数": ("uv", _INT, STATED),
    "直播间浏览次数": ("pv", _INT, STATED),
    "种草成交金额": ("gmv", _MONEY, STATED),
    "种草成交人数": ("buyers", _INT, STATED),
    "种草成交笔数": ("orders", _INT, STATED),
    "种草成交件数": ("units", _INT, STATED),
    "种草成交转化率": ("seeding_conversion_rate", _RATE, STATED),
    "商品点击人数": ("product_click_uv", _INT, STATED),
    "人均停留时长(秒)": ("avg_watch_seconds", _DURATION, STATED),
    "新增粉丝量": ("new_followers", _INT, STATED),
    "推广花费": ("ad_spend", _MONEY, STATED),
}
# labels only Taobao's exports use; a sheet with one of them is read with the Taobao vocabulary
_TAOBAO_MARKERS = {
    "场次标题", "直播间浏览人数", "直播访问人数", "直播间访问人数", "直播间浏览次数", "种草成交金额", "种草成交人数",
    "种草成交笔数", "开播时长(分钟)", "种草成交转化率",
}  # fmt: skip
# a sheet with at least this many Douyin labels is a key/value sheet of figures (核心指标, 基本信息, …)
_DOUYIN_MIN_LABELS = 2
_TOTAL_MARKERS = frozenset({"合计", "总计", "汇总"})
_OVERALL_CHANNEL = {"整体", "合计", "总计", "全部"}

_SCRIPT_HEADERS = ({"时间节点", "时间段", "时间"}, {"环节", "主播动作/口播", "话术", "直播阶段"})
_POOL_HEADERS = ({"直播价"}, {"成本价", "成本"})


# a unit written after a label says nothing about its meaning: 种草成交金额(元) is 种草成交金额
_UNIT_SUFFIX = re.compile(r"\((?:元|人|人数|次|个|件|笔|单|%|¥)\)$")


def label_key(value: object) -> str:
    """A header or label as a vocabulary key: no spaces, brackets unified, lower case, no unit suffix."""
    return _UNIT_SUFFIX.sub("", normalise_header(value))


def _norm_set(names: Iterable[str]) -> set[str]:
    return {label_key(n) for n in names}


_NORM_TABLE_FIELDS = {
    table: {name: (parser, _norm_set(syn)) for name, (parser, syn) in spec.items()}
    for table, spec in TABLE_FIELDS.items()
}
_NORM_DOUYIN_KEYS = {label_key(k): v for k, v in _DOUYIN_KEYS.items()}
_NORM_TAOBAO_KEYS = {label_key(k): v for k, v in _TAOBAO_KEYS.items()}
_NORM_TAOBAO_MARKERS = _norm_set(_TAOBAO_MARKERS)


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
        key = label_key(text)
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
            elif kind == _RATE:
                result = parse_rate(value)
                if result is not None and not 0 <= result <= 1:
                    raise ValueError(translate("Messages", "a rate between 0% and 100% was expected"))
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


# the fast paths take only what the bounded parsers would (values.py: money ≤ ¥10^10 in fen, counts ≤ 10^9)
_PLAIN_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_PLAIN_DATETIME = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
_CENT = Decimal("0.01")
_GUARDS = "'\t`= \u3000\xa0\r\n"


def _fast_parse(kind: str, value: object) -> object | None:
    """The common clean forms, parsed without the general machinery (orders run to 100,000 rows)."""
    if kind == _INT:
        if type(value) is int and 0 <= value <= MAX_COUNT:
            return value
        if type(value) is float and 0 <= value <= MAX_COUNT and value.is_integer():
            return int(value)
        if type(value) is str and PLAIN_COUNT.match(value):
            return int(value)
    elif kind == _MONEY:
        if type(value) is str and PLAIN_MONEY.match(value):
            return Decimal(value).quantize(_CENT)
        if type(value) is int and 0 <= value <= MAX_MONEY:
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
    return parse_review_sheets(path.name, read_sheets(path), stream_start, mapping, stream_end=stream_end)


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


# ---------------------------------------------------------------- the stream's slot

SLOT_MARGIN = dt.timedelta(hours=2)


class WrongDayFailed(ImportFailed):
    """The file's times do not overlap the stream's slot: it belongs to another stream (or day)."""

    def __init__(self, file_name: str, message: str, span: tuple[dt.datetime, dt.datetime]) -> None:
        super().__init__(file_name, message)
        self.span = span


def _when(moment: dt.datetime) -> str:
    """A moment as the export reads it (Beijing time), plus this computer's time when that differs."""
    beijing = moment.astimezone(SHANGHAI)
    local = moment.astimezone()
    text = beijing.strftime("%Y-%m-%d %H:%M")
    if local.utcoffset() != beijing.utcoffset():
        text += " " + translate("Messages", "Beijing time ({0} on this computer)").format(local.strftime("%Y-%m-%d %H:%M"))
    return text


def check_slot(data: ParsedReviewData, start: dt.datetime, end: dt.datetime) -> None:
    """Refuse a file whose times do not overlap [start − 2 h, end + 2 h] (an export of another day)."""
    if data.span is None:
        return
    first, last = data.span
    if last >= start - SLOT_MARGIN and first <= max(end, start) + SLOT_MARGIN:
        return
    covered = _when(first) if first == last else f"{_when(first)} – {_when(last)}"
    message = translate(
        "Messages",
        "This export is from {0}, but the stream is on {1}. Nothing was imported. "
        "Import it into the stream of that day, or download the export of this stream from the platform.",
    ).format(covered, _when(start))
    raise WrongDayFailed(data.file_name, message, data.span)


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

