"""Order lines held as columns count, compare and convert exactly as the same lines held as rows."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from livedesk.services.importers import order_columns, review_files
from livedesk.services.importers.order_table import OrderTable
from livedesk.services.importers.review_files import ORDER_FIELDS, OrderRow
from livedesk.services.order_rules import (
    NOT_LIVE,
    OUTSIDE_WINDOW,
    UNPAID,
    count_orders,
    is_paid,
    is_refunded,
    order_window,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=SHANGHAI)
CENT = Decimal("0.01")


def random_orders(n: int, seed: int) -> list[OrderRow]:
    rng = random.Random(seed)
    orders = []
    for k in range(n):
        status = rng.choice(["已完成", "已发货", "已关闭", "待支付", "交易关闭", "未支付"])
        orders.append(OrderRow(
            order_id=f"69{rng.randrange(n // 2 + 1):08d}",  # some orders hold several lines
            amount=Decimal(rng.randrange(1, 500_000)) / 100,
            sub_order_id=f"69{k:09d}",
            quantity=rng.choice([1, 1, 2, 3, 0]),
            submitted_at=rng.choice([None, START + dt.timedelta(minutes=rng.randrange(-90, 400))]),
            status=status,
            after_sale_status=rng.choice(["", "", "退款成功", "退款中", "-"]),
            cancel_reason=rng.choice(["", "", "超时未支付"]),
            content_type=rng.choice(["直播", " 直播 ", "商品卡", "短视频", ""]),
        ))  # fmt: skip
    return orders


def counted_one_by_one(orders: list[OrderRow], window, has_content_type: bool) -> dict[str, object]:
    """The platform's rule, line by line, as the issue states it."""
    excluded = {UNPAID: 0, NOT_LIVE: 0, OUTSIDE_WINDOW: 0}
    counted = []
    for o in orders:
        if not is_paid(o.status, o.after_sale_status, o.cancel_reason):
            excluded[UNPAID] += 1
        elif has_content_type and o.content_type.strip() != "直播":
            excluded[NOT_LIVE] += 1
        elif window is not None and (o.submitted_at is None or not window[0] <= o.submitted_at <= window[1]):
            excluded[OUTSIDE_WINDOW] += 1
        else:
            counted.append(o)
    refunded = [o for o in counted if is_refunded(o.after_sale_status)]
    return {
        "lines": len(counted),
        "gmv": sum((o.amount for o in counted), Decimal(0)),
        "units": sum(o.quantity or 0 for o in counted),
        "orders": len({o.order_id for o in counted}),
        "refund_amount": sum((o.amount for o in refunded), Decimal(0)),
        "refunded_orders": len({o.order_id for o in refunded}),
        "excluded": excluded,
    }


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("has_content_type", [True, False])
@pytest.mark.parametrize("windowed", [True, False])
def test_counting_columns_matches_the_rule_line_by_line(seed: int, has_content_type: bool, windowed: bool) -> None:
    orders = random_orders(600, seed)
    window = order_window(START, START + dt.timedelta(hours=4), None, None, 30) if windowed else None
    expected = counted_one_by_one(orders, window, has_content_type)
    for given in (orders, OrderTable.of(orders), OrderTable({n: [getattr(o, n) for o in orders] for n in ORDER_FIELDS})):
        count = count_orders(given, window, has_content_type)
        got = {name: getattr(count, name) for name in expected if name != "excluded"}
        assert {**got, "excluded": count.excluded} == expected
    assert expected["lines"] > 0 and all(expected["excluded"].values()) == (has_content_type and windowed)  # type: ignore[union-attr]


def test_a_table_is_its_rows() -> None:
    orders = random_orders(50, 9)
    table = OrderTable({name: [getattr(o, name) for o in orders] for name in ORDER_FIELDS})
    assert len(table) == 50 and table == orders and list(table) == orders
    assert table[3] == orders[3] and table[-2:] == orders[-2:]
    assert table.column("order_id") == [o.order_id for o in orders]
    assert OrderTable.of(table) is table
    with pytest.raises(ValueError, match="missing"):
        OrderTable({"order_id": ["1"]})
    with pytest.raises(ValueError, match="different lengths"):
        OrderTable({name: ["1"] * (2 if name == "amount" else 1) for name in ORDER_FIELDS})


def test_float_amounts_convert_as_the_row_reader_reads_them() -> None:
    rng = random.Random(4)
    cents = [0, 1, 5, 10, 15, 25, 35, 45, 55, 65, 95, 105, 115, 1005, 99999, 123456789, 999999999999, 1_000_000_000_000]
    cents += [rng.randrange(0, 1_000_000_000_000) for _ in range(20_000)]
    floats = [c / 100 for c in cents]
    converted = order_columns._convert(floats, review_files._MONEY)
    assert converted == [Decimal(repr(x)).quantize(CENT) for x in floats]
    assert list(map(str, converted)) == [str(Decimal(repr(x)).quantize(CENT)) for x in floats]  # type: ignore[arg-type]
    assert order_columns._convert([0.1 + 0.2], review_files._MONEY) is None  # not a value in cents: cell by cell
