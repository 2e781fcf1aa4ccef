"""The vocabulary of the platforms' review exports: kinds of file, figures, column and label synonyms.

Platform exports are Beijing time (SHANGHAI). Nothing here reads a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from zoneinfo import ZoneInfo

from livedesk.services.importers.tabular import normalise_header
from livedesk.services.importers.values import (
    clean_text,
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


def understood_kinds() -> str:
    return "; ".join(kind_label(k) for k in (KIND_DOUYIN_WORKBOOK, KIND_TREND, KIND_TAOBAO_WORKBOOK, KIND_ORDERS))

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
