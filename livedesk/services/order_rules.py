"""Which orders of a 抖店 order export count as the stream's sales, by the platform's own rule.

成交 (sold) means paid, including orders refunded after payment: 已关闭 with 售后状态 退款成功 and no
取消原因. Unpaid orders are 待支付/未支付, or 已关闭 with a 取消原因 and no after-sale. Live GMV counts only
orders whose 流量体裁 is 直播 (when the export has that column) submitted between the stream's start and
its actual end plus a grace period. Everything left out is counted by reason, so nothing disappears
silently. Refunds are their own figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

DEFAULT_GRACE_MINUTES = 30

UNPAID = "unpaid"
NOT_LIVE = "not_live"
OUTSIDE_WINDOW = "outside_window"
EXCLUSION_REASONS = (UNPAID, NOT_LIVE, OUTSIDE_WINDOW)

_UNPAID_STATUSES = ("待支付", "未支付", "待付款")
_CLOSED_STATUSES = ("已关闭", "已取消", "交易关闭", "取消")
_REFUNDED = "退款成功"
LIVE_CONTENT = "直播"


class OrderLike(Protocol):
    order_id: str
    amount: Decimal
    quantity: int
    submitted_at: dt.datetime | None
    status: str
    after_sale_status: str
    cancel_reason: str
    content_type: str


def is_paid(status: str, after_sale_status: str = "", cancel_reason: str = "") -> bool:
    """Whether an order was paid (refunded later or not), by 订单状态, 售后状态 and 取消原因."""
    if any(word in status for word in _UNPAID_STATUSES):
        return False
    if not any(word in status for word in _CLOSED_STATUSES):
        return True
    # closed: paid and refunded later, or never paid
    if _REFUNDED in after_sale_status:
        return True
    return False  # a 取消原因, or nothing to show it was ever paid


def is_refunded(after_sale_status: str) -> bool:
    return _REFUNDED in after_sale_status


@dataclass
class OrderCount:
    """What the order export says about one stream."""

    gmv: Decimal = Decimal(0)
    orders: int = 0  # distinct paid main orders
    lines: int = 0  # order lines counted
    units: int = 0  # 商品数量 of the counted lines
    refund_amount: Decimal = Decimal(0)
    refunded_orders: int = 0
    excluded: dict[str, int] = field(default_factory=lambda: dict.fromkeys(EXCLUSION_REASONS, 0))
    window: tuple[dt.datetime, dt.datetime] | None = None
    has_content_type: bool = False
    has_times: bool = False

    def as_dict(self) -> dict[str, object]:
        return {"counted": self.lines, "excluded": dict(self.excluded)}


def count_orders(
    orders: Sequence[OrderLike],
    window: tuple[dt.datetime, dt.datetime] | None,
    has_content_type: bool,
) -> OrderCount:
    """Count the live, paid orders submitted within `window` (start, end incl. grace); the rest by reason.

    An order line is excluded for the first reason that applies: unpaid, not live, outside the window.
    A line without a submission time is outside any window. Reads the lines' columns, so an `OrderTable`
    is counted without building its rows; 100,000 lines hold few distinct statuses and seconds, each judged once.
    """
    from livedesk.services.importers.order_table import OrderTable

    table = OrderTable.of(orders)  # type: ignore[arg-type]
    result = OrderCount(window=window, has_content_type=has_content_type)
    paid_cache: dict[tuple[str, str, str], bool] = {}
    inside_by_time: dict[dt.datetime | None, bool] = {}
    paid_ids: set[str] = set()
    refunded_ids: set[str] = set()
    start, end = window if window is not None else (None, None)
    excluded = result.excluded
    gmv = refunds = Decimal(0)
    units = 0
    lines = zip(*map(table.column, ("status", "after_sale_status", "cancel_reason", "content_type", "submitted_at",
                                     "order_id", "amount", "quantity")), strict=True)  # fmt: skip
    for status, after_sale, reason, content_type, at, order_id, amount, quantity in lines:
        key = (status, after_sale, reason)
        paid = paid_cache.get(key)
        if paid is None:
            paid = paid_cache[key] = is_paid(*key)
        if not paid:
            excluded[UNPAID] += 1
            continue
        if has_content_type and content_type.strip() != LIVE_CONTENT:
            excluded[NOT_LIVE] += 1
            continue
        if start is not None:
            inside = inside_by_time.get(at)  # orders share their second: each is compared once
            if inside is None:
                inside = inside_by_time[at] = at is not None and start <= at <= end  # type: ignore[operator]
            if not inside:
                excluded[OUTSIDE_WINDOW] += 1
                continue
        result.lines += 1
        paid_ids.add(order_id)
        gmv += amount
        units += quantity or 0
        if _REFUNDED in after_sale:
            refunds += amount
            refunded_ids.add(order_id)
    result.gmv, result.refund_amount, result.units = gmv, refunds, units
    result.orders, result.refunded_orders = len(paid_ids), len(refunded_ids)
    return result


def order_window(
    planned_start: dt.datetime,
    planned_end: dt.datetime,
    actual_start: dt.datetime | None = None,
    actual_end: dt.datetime | None = None,
    grace_minutes: int = DEFAULT_GRACE_MINUTES,
) -> tuple[dt.datetime, dt.datetime]:
    """From the stream's start (the earlier of planned and actual) to its actual end (else planned) + grace."""
    start = min(planned_start, actual_start) if actual_start is not None else planned_start
    end = actual_end if actual_end is not None else planned_end
    return start, end + dt.timedelta(minutes=grace_minutes)
