"""The labels the platforms' live dashboards print next to each figure (抖音 百应/罗盘, 淘宝直播 中控台, 快手 小店,
视频号 助手), and the sub-line labels whose numbers are never the figure (峰值, 较上场, …).

Labels are compared as review-file labels are (`label_key`: no spaces, brackets unified, a unit such as (元) or
(人) dropped), so 成交金额(元), 成交金额（元） and 成交金额 are one label.
"""

from __future__ import annotations

from livedesk.services.importers.review_vocabulary import label_key

# figure -> labels, across Douyin, Taobao, Kuaishou and Channels (视频号)
FIGURE_LABELS: dict[str, tuple[str, ...]] = {
    "online": (
        "实时在线人数", "在线人数", "当前在线人数", "实时在线", "当前在线", "在线观众", "在线观众数", "在线用户数",
        "实时在线观众", "直播间在线人数",
    ),
    "uv": (
        "累计观看人数", "观看人数", "直播间观看人数", "累计观看", "观看用户数", "累计观众", "累计观看用户",
        "场观", "直播间浏览人数", "直播间访问人数", "直播访问人数", "访问人数", "进入直播间人数", "进房人数",
    ),
    "pv": ("观看次数", "累计观看次数", "直播间浏览次数", "浏览次数", "看播次数", "进入直播间次数", "直播间观看次数"),
    "gmv": (
        "直播间成交金额", "成交金额", "累计成交金额", "成交额", "支付金额", "用户支付金额", "直播间用户支付金额",
        "种草成交金额", "引导成交金额", "销售额", "带货成交金额", "直播成交金额", "gmv", "成交gmv",
    ),
    "orders": (
        "成交订单数", "成交笔数", "订单数", "成交单数", "支付订单数", "支付笔数", "种草成交笔数", "成交订单",
        "累计成交订单数",
    ),
    "buyers": ("成交人数", "支付人数", "种草成交人数", "成交用户数", "支付用户数", "累计成交人数", "购买人数"),
    "click_rate": (
        "商品点击率", "曝光-点击率", "曝光点击率", "商品曝光-点击率", "商品曝光点击率", "点击率", "商品点击率(人数)",
        "直播间商品点击率",
    ),
}  # fmt: skip

# Labels of numbers beside a figure that are not it: a peak, an average, a comparison, yesterday's value.
# A box that starts with one of them (峰值 1,650 · 较上场 +12.4%) is never read as a figure, and a number just
# right of one on its line belongs to it.
SUBLINE_PREFIXES: tuple[str, ...] = (
    "峰值", "最高", "最低", "平均", "人均", "较上场", "较上一场", "较昨日", "较前", "较上", "较", "环比", "同比",
    "上场", "昨日", "昨天", "对比", "上小时", "近", "目标", "预计", "行业", "同行", "均值", "增长", "下降",
)  # fmt: skip

FIGURES: tuple[str, ...] = ("online", "uv", "pv", "gmv", "orders", "buyers", "click_rate")
COUNTS = frozenset({"online", "uv", "pv", "orders", "buyers"})

_BY_KEY: dict[str, str] = {label_key(label): figure for figure, labels in FIGURE_LABELS.items() for label in labels}
_TRAILING = "：:?？ⓘ①ⅰ*·>›"


def clean_label(text: str) -> str:
    """A label as printed, as a vocabulary key: the colon and info marks after it dropped."""
    return label_key(text.strip().rstrip(_TRAILING).strip())


def figure_for(text: str) -> str | None:
    """The figure a label names (实时在线人数 → online), or None."""
    return _BY_KEY.get(clean_label(text))


def is_subline(text: str) -> bool:
    """峰值 1,650, 较上场 +12.4%, 昨日 3.2万: a number beside a figure that is not the figure."""
    key = clean_label(text)
    return any(key.startswith(prefix) for prefix in SUBLINE_PREFIXES) and _BY_KEY.get(key) is None
