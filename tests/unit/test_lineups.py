"""A stream's lineup: adding, ordering, per-stream values and the summary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from livedesk.models import Stream
from livedesk.services import lineups as lu
from livedesk.services import products as ps

START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.fixture
def setup(db):
    """A stream and five products: two traffic, two profit, one welfare."""
    with db.session() as s:
        stream = Stream(title="双11 专场", start_at=START, planned_minutes=180)
        s.add(stream)
        specs = [
            ("T1", "traffic", "100", "85", "0.05", 1000),
            ("T2", "traffic", "50", "40", "0", 1000),
            ("P1", "profit", "200", "100", "0.1", 114),
            ("P2", "profit", "300", None, "0.1", 5),
            ("W1", "welfare", "1", "10", "0", 50),
        ]
        ids = {}
        for sku, role, price, cost, rate, stock in specs:
            product = ps.create_product(
                s,
                {
                    "sku": sku,
                    "name": sku,
                    "role": role,
                    "live_price": price,
                    "cost": cost,
                    "commission_rate": rate,
                    "stock": stock,
                    "safety_stock": 20,
                },
            )
            ids[sku] = product.id
        s.flush()
        return stream.id, ids


def order(db, stream_id) -> list[str]:
    with db.session() as s:
        return [row.sku for row in lu.lineup_rows(s, stream_id)]


def test_add_remove_reorder_and_move(db, setup):
    stream_id, ids = setup
    with db.session() as s:
        for sku in ("P1", "T1", "W1"):
            lu.add_to_lineup(s, stream_id, ids[sku])
        lu.add_to_lineup(s, stream_id, ids["T2"], position=0)
    assert order(db, stream_id) == ["T2", "P1", "T1", "W1"]
    with db.session() as s, pytest.raises(lu.LineupError, match="already"):
        lu.add_to_lineup(s, stream_id, ids["P1"])
    with db.session() as s:
        lu.reorder_lineup(s, stream_id, [ids["T1"], ids["T2"], ids["P1"], ids["W1"]])
    assert order(db, stream_id) == ["T1", "T2", "P1", "W1"]
    with db.session() as s:
        old = lu.move_in_lineup(s, stream_id, ids["W1"], 1)
        assert old == 3
    assert order(db, stream_id) == ["T1", "W1", "T2", "P1"]
    with db.session() as s:
        with pytest.raises(lu.LineupError):
            lu.reorder_lineup(s, stream_id, [ids["T1"]])
        saved = lu.remove_from_lineup(s, stream_id, ids["W1"])
    assert order(db, stream_id) == ["T1", "T2", "P1"]
    with db.session() as s:
        assert [r.position for r in lu.lineup_rows(s, stream_id)] == [0, 1, 2]
        lu.restore_lineup_item(s, saved)
    assert order(db, stream_id) == ["T1", "W1", "T2", "P1"]
    with db.session() as s:
        assert lu.lineup_counts(s, [stream_id, 999]) == {stream_id: 4}


def test_per_stream_values(db, setup):
    stream_id, ids = setup
    with db.session() as s:
        lu.add_to_lineup(s, stream_id, ids["T1"], live_price="¥89", planned_units="200", link_number=1)
        lu.add_to_lineup(s, stream_id, ids["P1"], link_number=2)
    with db.session() as s:
        row = lu.lineup_rows(s, stream_id)[0]
        assert (row.live_price, row.price_overridden, row.pool_price) == (Decimal("89.00"), True, Decimal("100.00"))
        assert row.gross_margin == ps.gross_margin(Decimal("89"), Decimal("85"), Decimal("0.05"))
        previous = lu.set_lineup_values(s, stream_id, ids["T1"], live_price=None, welfare_quantity=10)
        assert previous == {"live_price": Decimal("89.00"), "welfare_quantity": None}
    with db.session() as s:
        row = lu.lineup_rows(s, stream_id)[0]
        assert (row.live_price, row.price_overridden, row.welfare_quantity) == (Decimal("100.00"), False, 10)
        with pytest.raises(lu.LineupError, match="negative"):
            lu.set_lineup_values(s, stream_id, ids["T1"], planned_units=-1)
        with pytest.raises(lu.LineupError, match="Link number 2"):
            lu.set_lineup_values(s, stream_id, ids["T1"], link_number=2)
        with pytest.raises(lu.LineupError, match="Unknown"):
            lu.set_lineup_values(s, stream_id, ids["T1"], cost=1)
        with pytest.raises(lu.LineupError, match="not on"):
            lu.set_lineup_values(s, stream_id, ids["W1"], planned_units=1)


def test_summary_role_mix_margin_and_stock(db, setup):
    stream_id, ids = setup
    with db.session() as s:
        lu.add_to_lineup(s, stream_id, ids["T1"], planned_units=100)  # 100×100, margin 10%
        lu.add_to_lineup(s, stream_id, ids["T2"], planned_units=0)  # no plan: left out
        lu.add_to_lineup(
            s, stream_id, ids["P1"], planned_units=100, live_price="180"
        )  # 180×100, stock 114 < 100 × 1.15
        lu.add_to_lineup(s, stream_id, ids["P2"], planned_units=2)  # no cost: in GMV, not in margin
        lu.add_to_lineup(s, stream_id, ids["W1"], planned_units=10, welfare_quantity=60)  # sold at a loss
    with db.session() as s:
        summary = lu.lineup_summary(s, stream_id, ps.Rules())
    assert summary.role_counts == {"traffic": 2, "profit": 2, "image": 0, "welfare": 1}
    assert summary.item_count == 5
    assert summary.planned_units == 212
    assert summary.expected_gmv == Decimal("10000") + Decimal("18000") + Decimal("600") + Decimal("10")
    profit = Decimal("100") * (100 - 85 - 5) + Decimal("100") * (180 - 100 - 18) + Decimal("10") * (1 - 10)
    assert summary.expected_profit == profit
    assert summary.expected_margin == profit / Decimal("28010")
    assert (summary.items_without_plan, summary.items_without_cost) == (1, 1)
    kinds = {(w.sku, w.kind) for w in summary.stock_warnings}
    assert kinds == {("P1", "short_for_stream"), ("P2", "below_safety_stock"), ("W1", "welfare_over_stock")}
    # P2 holds 5 for 2 planned: enough with the buffer, but below its safety line of 20


def test_empty_lineup_and_missing_stream(db, setup):
    stream_id, ids = setup
    with db.session() as s:
        summary = lu.lineup_summary(s, stream_id)
        assert summary.item_count == 0 and summary.expected_margin is None and summary.expected_profit is None
        with pytest.raises(lu.LineupError, match="no longer exists"):
            lu.add_to_lineup(s, 999, ids["T1"])
        with pytest.raises(ps.ProductNotFoundError):
            lu.add_to_lineup(s, stream_id, 999)


def test_lineup_feeds_the_pool_flag(db, setup):
    stream_id, ids = setup
    with db.session() as s:
        lu.add_to_lineup(s, stream_id, ids["P1"], planned_units=100)
    with db.session() as s:
        rows = {r.sku: r for r in ps.list_products(s, now=START - dt.timedelta(days=1))}
    assert "short_for_lineups" in rows["P1"].flags
    assert "short_for_lineups" not in rows["T1"].flags


def test_arrange_puts_an_order_on_the_lineup_as_it_is_now():
    assert lu.arrange([2, 1, 3], [1, 2, 3]) == [2, 1, 3]
    assert lu.arrange([2, 1], [1, 4, 2]) == [2, 4, 1]  # 4 was added since: it keeps its place
    assert lu.arrange([3, 2, 1], [1, 3]) == [3, 1]  # 2 was taken off since: skipped


def test_new_items_get_the_next_free_link_number(db, setup):
    stream_id, ids = setup
    with db.session() as s:
        lu.add_to_lineup(s, stream_id, ids["T1"])
        lu.add_to_lineup(s, stream_id, ids["P1"], position=0)  # first in the run, still the next link
        lu.set_lineup_values(s, stream_id, ids["T1"], link_number=7)
        lu.add_to_lineup(s, stream_id, ids["W1"])
        lu.add_to_lineup(s, stream_id, ids["T2"], link_number=None)  # asked for none: none
    with db.session() as s:
        links = {r.product_id: r.link_number for r in lu.lineup_rows(s, stream_id)}
    assert links == {ids["T1"]: 7, ids["P1"]: 2, ids["W1"]: 8, ids["T2"]: None}


def test_planned_units_read_jihua_jianshu_everywhere_in_chinese():
    import json

    from livedesk.resources import resource_path

    chinese = json.loads(resource_path("translations", "zh_CN.json").read_text(encoding="utf-8"))
    about_units = {k: v for k, v in chinese.items() if "planned units" in k.lower() or "plan {0} units" in k}
    assert len(about_units) >= 5
    assert all("计划件数" in v and "策划" not in v and "销量" not in v for v in about_units.values()), about_units
