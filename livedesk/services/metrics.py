"""The review metrics of DOMAIN.md as small pure functions.

Inputs are ints and Decimals (floats are accepted and converted through str); every function returns
None when an input is missing or a denominator is 0 — never 0 for "unknown".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

Number = int | Decimal | float

LOW_CLICK_RATE = Decimal("0.03")  # products below this click rate become elimination candidates
LOW_UV_VALUE = Decimal("0.8")  # yuan; below it the host should push harder
HEALTHY_PAID_ROI = Decimal(3)


def _dec(value: Number | None) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(str(value))


def ratio(numerator: Number | None, denominator: Number | None) -> Decimal | None:
    """numerator / denominator, or None when either is missing or the denominator is 0."""
    n, d = _dec(numerator), _dec(denominator)
    if n is None or d is None or d == 0:
        return None
    return n / d


def conversion(buyers: int | None, uv: int | None) -> Decimal | None:
    """转化率: buyers (成交人数) / UV (观看人数)."""
    return ratio(buyers, uv)


def aov_per_buyer(gmv: Number | None, buyers: int | None) -> Decimal | None:
    """成交客单价: GMV / buyers."""
    return ratio(gmv, buyers)


def avg_order_amount(gmv: Number | None, orders: int | None) -> Decimal | None:
    """成交订单单价: GMV / orders."""
    return ratio(gmv, orders)


def uv_value(gmv: Number | None, uv: int | None) -> Decimal | None:
    """UV价值: GMV / UV."""
    return ratio(gmv, uv)


def gpm(gmv: Number | None, pv: int | None) -> Decimal | None:
    """千次观看成交金额: GMV / PV (views) × 1000."""
    value = ratio(gmv, pv)
    return None if value is None else value * 1000


def click_rate(click_users: int | None, exposure_users: int | None) -> Decimal | None:
    """商品曝光-点击率: product click users / product exposure users."""
    return ratio(click_users, exposure_users)


def product_conversion(buyers: int | None, click_users: int | None) -> Decimal | None:
    """商品点击-成交转化率: product buyers / product click users."""
    return ratio(buyers, click_users)


def interaction_rate(interacting_users: int | None, uv: int | None) -> Decimal | None:
    """互动率 (people basis): interacting viewers / UV."""
    return ratio(interacting_users, uv)


def interaction_rate_from_counts(
    comments: int | None, likes: int | None, shares: int | None, uv: int | None
) -> Decimal | None:
    """互动率 (times basis): (comments + likes + shares) / UV; label it as such when shown."""
    if comments is None or likes is None or shares is None:
        return None
    return ratio(comments + likes + shares, uv)


def avg_watch_seconds(total_watch_seconds: Number | None, uv: int | None) -> Decimal | None:
    """Average watch time: total watch time / UV."""
    return ratio(total_watch_seconds, uv)


def attainment(actual: Number | None, target: Number | None) -> Decimal | None:
    """Goal attainment: actual / target."""
    return ratio(actual, target)


def paid_roi(gmv: Number | None, ad_spend: Number | None) -> Decimal | None:
    """投放 ROI: GMV / ad spend (投放消耗)."""
    return ratio(gmv, ad_spend)


def peak_online(values: Iterable[int | None]) -> int | None:
    """Max of the online-viewer curve (missing samples ignored)."""
    present = [v for v in values if v is not None]
    return max(present) if present else None


def avg_online(values: Iterable[int | None]) -> Decimal | None:
    """Mean of the online-viewer curve (missing samples ignored)."""
    present = [v for v in values if v is not None]
    return Decimal(sum(present)) / len(present) if present else None


def gross_margin(live_price: Number | None, cost: Number | None, commission_rate: Number | None) -> Decimal | None:
    """(live price − cost − commission) / live price, commission = live price × commission rate.

    A missing commission rate is not assumed to be 0: the margin is unknown.
    """
    price, c, rate = _dec(live_price), _dec(cost), _dec(commission_rate)
    if price is None or c is None or rate is None or price == 0:
        return None
    return (price - c - price * rate) / price


SUMMARY_FIGURES = (
    "gmv",
    "orders",
    "buyers",
    "uv",
    "pv",
    "peak_online",
    "avg_online",
    "conversion_rate",
    "aov_per_buyer",
    "avg_order_amount",
    "uv_value",
    "gpm",
    "new_followers",
    "ad_spend",
    "paid_roi",
    "avg_watch_seconds",
    "duration_minutes",
    "gmv_target",
    "gmv_attainment",
    "units",
    "refund_amount",
    "refund_rate",
    "seeding_conversion_rate",
    "gmv_from_orders",
)  # the figures of `review show --json`, in order

# what each ratio divides by what: shown beside it wherever it appears (platforms mix 人数 and 次数)
RATIO_BASES = {
    "conversion_rate": "buyers / UV",
    "aov_per_buyer": "GMV / buyers",
    "avg_order_amount": "GMV / orders",
    "uv_value": "GMV / UV",
    "gpm": "GMV / PV × 1000",
    "paid_roi": "GMV / ad spend",
    "gmv_attainment": "GMV / GMV target",
    "refund_rate": "refunds / GMV",
    "seeding_conversion_rate": "buyers / product click users (Taobao's 种草成交转化率, as stated)",
}


def figure_bases() -> dict[str, str]:
    """{"conversion_rate_basis": "buyers / UV", …} for `review show --json`."""
    return {f"{name}_basis": basis for name, basis in RATIO_BASES.items()}


@dataclass(frozen=True)
class ReviewFigures:
    """The whole KPI set of one stream, computed from stored numerators and denominators."""

    gmv: Decimal | None = None
    orders: int | None = None
    buyers: int | None = None
    uv: int | None = None
    pv: int | None = None
    peak_online: int | None = None
    avg_online: Decimal | None = None
    new_followers: int | None = None
    ad_spend: Decimal | None = None
    avg_watch_seconds: int | None = None
    duration_minutes: int | None = None
    gmv_target: Decimal | None = None
    comments: int | None = None
    likes: int | None = None
    shares: int | None = None
    units: int | None = None
    refund_amount: Decimal | None = None
    seeding_conversion_rate: Decimal | None = None
    gmv_from_orders: Decimal | None = None

    @property
    def refund_rate(self) -> Decimal | None:
        return ratio(self.refund_amount, self.gmv)

    @property
    def conversion_rate(self) -> Decimal | None:
        return conversion(self.buyers, self.uv)

    @property
    def aov_per_buyer(self) -> Decimal | None:
        return aov_per_buyer(self.gmv, self.buyers)

    @property
    def avg_order_amount(self) -> Decimal | None:
        return avg_order_amount(self.gmv, self.orders)

    @property
    def uv_value(self) -> Decimal | None:
        return uv_value(self.gmv, self.uv)

    @property
    def gpm(self) -> Decimal | None:
        return gpm(self.gmv, self.pv)

    @property
    def paid_roi(self) -> Decimal | None:
        return paid_roi(self.gmv, self.ad_spend)

    @property
    def gmv_attainment(self) -> Decimal | None:
        return attainment(self.gmv, self.gmv_target)

    @property
    def interaction_rate_by_counts(self) -> Decimal | None:
        return interaction_rate_from_counts(self.comments, self.likes, self.shares, self.uv)

    def as_dict(self) -> dict[str, float | int | None]:
        """Plain JSON-ready numbers: money in yuan and rates as fractions (floats), counts as ints."""
        out: dict[str, float | int | None] = {}
        for name in SUMMARY_FIGURES:
            out[name] = to_json_number(getattr(self, name))
        return out


def review_figures(source: object, gmv_target: Number | None = None) -> ReviewFigures:
    """ReviewFigures from anything with the Review attribute names (an ORM row, a namespace, …)."""

    def get(name: str):
        return getattr(source, name, None)

    return ReviewFigures(
        gmv=_dec(get("gmv")),
        orders=get("orders"),
        buyers=get("buyers"),
        uv=get("uv"),
        pv=get("pv"),
        peak_online=get("peak_online"),
        avg_online=_dec(get("avg_online")),
        new_followers=get("new_followers"),
        ad_spend=_dec(get("ad_spend")),
        avg_watch_seconds=get("avg_watch_seconds"),
        duration_minutes=get("duration_minutes"),
        gmv_target=_dec(gmv_target),
        comments=get("comments"),
        likes=get("likes"),
        shares=get("shares"),
        units=get("units"),
        refund_amount=_dec(get("refund_amount")),
        seeding_conversion_rate=_dec(get("seeding_conversion_rate")),
        gmv_from_orders=_dec(get("orders_gmv")),
    )


def to_json_number(value: object) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float):
        return value
    raise TypeError(f"not a number: {value!r}")
