"""The metric formulas of DOMAIN.md: values, None for unknown, and the GMV identity."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from livedesk.services import metrics as m


def test_basic_ratios() -> None:
    assert m.conversion(30, 1000) == Decimal("0.03")
    assert m.aov_per_buyer(Decimal("3000"), 30) == Decimal(100)
    assert m.avg_order_amount(Decimal("3000"), 40) == Decimal(75)
    assert m.uv_value(Decimal("900"), 1000) == Decimal("0.9")
    assert m.gpm(Decimal("500"), 10000) == Decimal(50)
    assert m.click_rate(30, 1000) == Decimal("0.03")
    assert m.product_conversion(5, 50) == Decimal("0.1")
    assert m.interaction_rate(120, 1000) == Decimal("0.12")
    assert m.interaction_rate_from_counts(10, 80, 10, 1000) == Decimal("0.1")
    assert m.avg_watch_seconds(60000, 200) == Decimal(300)
    assert m.attainment(Decimal("120000"), Decimal("100000")) == Decimal("1.2")
    assert m.paid_roi(Decimal("30000"), Decimal("10000")) == Decimal(3)
    assert m.peak_online([1, None, 5, 3]) == 5
    assert m.avg_online([1, None, 5, 3]) == Decimal(3)


@pytest.mark.parametrize(
    "call",
    [
        lambda: m.conversion(None, 100),
        lambda: m.conversion(3, None),
        lambda: m.conversion(3, 0),
        lambda: m.aov_per_buyer(Decimal(1), 0),
        lambda: m.avg_order_amount(None, 3),
        lambda: m.uv_value(Decimal(5), 0),
        lambda: m.gpm(Decimal(5), 0),
        lambda: m.gpm(None, 10),
        lambda: m.click_rate(3, 0),
        lambda: m.product_conversion(3, None),
        lambda: m.interaction_rate_from_counts(None, 1, 1, 10),
        lambda: m.attainment(Decimal(5), None),
        lambda: m.attainment(Decimal(5), Decimal(0)),
        lambda: m.paid_roi(Decimal(5), Decimal(0)),
        lambda: m.peak_online([]),
        lambda: m.avg_online([None]),
        lambda: m.gross_margin(None, Decimal(1), Decimal("0.1")),
        lambda: m.gross_margin(Decimal(0), Decimal(1), Decimal("0.1")),
        lambda: m.gross_margin(Decimal(10), Decimal(1), None),
    ],
)
def test_missing_or_zero_gives_none_not_zero(call) -> None:
    assert call() is None


def test_zero_numerator_is_a_real_zero() -> None:
    assert m.conversion(0, 100) == 0
    assert m.paid_roi(Decimal(0), Decimal(10)) == 0


def test_gross_margin() -> None:
    # live price 100, cost 60, commission 20% -> (100 - 60 - 20) / 100
    assert m.gross_margin(Decimal(100), Decimal(60), Decimal("0.2")) == Decimal("0.2")
    assert m.gross_margin(Decimal("99.9"), Decimal("69.93"), Decimal(0)) == Decimal("0.3")


def test_gmv_identity_uv_times_conversion_times_aov() -> None:
    figures = m.ReviewFigures(gmv=Decimal("240830.47"), buyers=821, uv=26718, orders=913, pv=34254)
    product = figures.uv * figures.conversion_rate * figures.aov_per_buyer
    assert abs(product - figures.gmv) < Decimal("0.000001")


def test_review_figures_from_a_row_and_as_dict() -> None:
    row = SimpleNamespace(
        gmv=Decimal("1000.00"),
        orders=20,
        buyers=10,
        uv=500,
        pv=1000,
        peak_online=80,
        avg_online=Decimal("40.5"),
        new_followers=7,
        ad_spend=Decimal("250.00"),
        avg_watch_seconds=90,
        duration_minutes=60,
    )
    figures = m.review_figures(row, Decimal(2000))
    out = figures.as_dict()
    assert out["conversion_rate"] == 0.02 and out["aov_per_buyer"] == 100.0 and out["avg_order_amount"] == 50.0
    assert out["uv_value"] == 2.0 and out["gpm"] == 1000.0 and out["paid_roi"] == 4.0
    assert out["gmv_attainment"] == 0.5 and out["gmv"] == 1000.0 and isinstance(out["orders"], int)
    empty = m.review_figures(SimpleNamespace()).as_dict()
    assert all(v is None for v in empty.values())
