"""Product vocabulary (roles, qualification words, editable fields), the errors, margins and warning flags."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.config import Preferences
from livedesk.models import (
    Product,
    ProductRole,
    Qualification,
)
from livedesk.services.errors import ConcurrentEditError, UserError
from livedesk.services.importers.values import (
    clean_text,
)
from livedesk.services.messages import translate

# Vocabulary

ROLE_LABELS: dict[str, str] = {
    ProductRole.TRAFFIC.value: "引流款",
    ProductRole.PROFIT.value: "利润款",
    ProductRole.IMAGE.value: "形象款",
    ProductRole.WELFARE.value: "福利款",
}
_ROLE_WORDS: dict[str, str] = {}
for _role, _label in ROLE_LABELS.items():
    for _word in (_role, _label, _label[:2], _label[:2] + "品", _role + " item", _role + " product"):
        _ROLE_WORDS[_word.lower()] = _role
_ROLE_WORDS["福袋"] = ProductRole.WELFARE.value

QUALIFICATION_LABELS: dict[str, str] = {
    Qualification.OK.value: "已上传",
    Qualification.PENDING.value: "待补",
    Qualification.MISSING.value: "缺失",
}
_QUALIFICATION_WORDS: dict[str, str] = {
    "ok": "ok",
    "已上传": "ok",
    "已有": "ok",
    "有": "ok",
    "是": "ok",
    "齐全": "ok",
    "合格": "ok",
    "已提供": "ok",
    "有报告": "ok",
    "✓": "ok",
    "√": "ok",
    "yes": "ok",
    "pending": "pending",
    "待补": "pending",
    "待上传": "pending",
    "审核中": "pending",
    "补充中": "pending",
    "missing": "missing",
    "缺失": "missing",
    "无": "missing",
    "否": "missing",
    "没有": "missing",
    "未上传": "missing",
    "暂无": "missing",
    "×": "missing",
    "no": "missing",
}

FLAG_NAMES = (
    "below_margin_floor",
    "below_safety_stock",
    "short_for_lineups",
    "missing_qualification",
    "low_click_rate",
)

EDITABLE_FIELDS = (
    "sku",
    "name",
    "category",
    "role",
    "list_price",
    "live_price",
    "cost",
    "commission_rate",
    "stock",
    "safety_stock",
    "supplier",
    "qualification",
    "platform_product_id",
    "notes",
)
BULK_FIELDS = ("role", "supplier", "category", "qualification")
_MONEY_FIELDS = ("list_price", "live_price", "cost")
_INT_FIELDS = ("stock", "safety_stock")
_TEXT_LIMITS = {"sku": 100, "name": 300, "category": 100, "supplier": 200, "platform_product_id": 64, "notes": None}


def _field_words() -> dict[str, str]:
    """The fields' names as messages show them (in the UI's language once a translator is installed)."""
    return {
        "sku": "SKU",
        "name": translate("Messages", "Name"),
        "live_price": translate("Messages", "Live price"),
        "list_price": translate("Messages", "List price"),
        "cost": translate("Messages", "Cost"),
        "commission_rate": translate("Messages", "Commission rate"),
        "stock": translate("Messages", "Stock"),
        "safety_stock": translate("Messages", "Safety stock"),
    }

_RATE_STEP = Decimal("0.000001")  # the Rate column keeps 6 decimals; parse to the same so re-imports compare equal
_CHUNK = 500


class ProductNotFoundError(UserError, LookupError):
    """The product was deleted (perhaps by a teammate) since the list was shown."""


class ProductChangedError(ConcurrentEditError):
    """Someone else saved this product after it was opened; reload before editing again.

    `product_ids` names the products that changed (several for a delete or a bulk edit)."""

    def __init__(self, message: str = "", product_ids: Sequence[int] = ()):
        super().__init__(message)
        self.product_ids = list(product_ids)


def parse_role(value: object) -> str:
    """A role from what people type: 引流款/引流/traffic … Raises ValueError naming the accepted words."""
    text = clean_text(value).lower().replace(" ", "")
    role = _ROLE_WORDS.get(text) or _ROLE_WORDS.get(clean_text(value).lower())
    if role is None:
        raise ValueError(
            translate("Messages", "unknown product role; use 引流款, 利润款, 形象款 or 福利款 (traffic, profit, image, welfare)")
        )
    return role


def list_categories(session: Session) -> list[str]:
    """The 类目 used in the product pool, sorted."""
    return sorted(c for c in session.scalars(select(Product.category).distinct()) if c and c.strip())


def parse_qualification(value: object) -> str:
    """A qualification status from 已上传/待补/缺失, ok/pending/missing and the like."""
    text = clean_text(value).lower()
    status = _QUALIFICATION_WORDS.get(text)
    if status is None:
        raise ValueError(translate("Messages", "unknown qualification status; use 已上传, 待补 or 缺失 (ok, pending, missing)"))
    return status


# Margin and rules


def gross_margin(live_price: Decimal | None, cost: Decimal | None, commission_rate: Decimal | None) -> Decimal | None:
    """(live price − cost − commission rate × live price) / live price, as a fraction.

    None when the live price or the cost is unknown or the price is 0 (nothing to divide by).
    A missing commission rate counts as no commission: own-brand goods sold without one leave it blank.
    """
    if live_price is None or cost is None:
        return None
    price = Decimal(live_price)
    if price == 0:
        return None
    rate = Decimal(commission_rate) if commission_rate is not None else Decimal(0)
    return (price - Decimal(cost) - rate * price) / price


@dataclass(frozen=True)
class Rules:
    """The thresholds the flags use, taken from Preferences so the team can tune them."""

    margin_floors: Mapping[str, Decimal] = field(
        default_factory=lambda: {ProductRole.PROFIT.value: Decimal("0.30"), ProductRole.TRAFFIC.value: Decimal("0.15")}
    )
    stock_buffer: Decimal = Decimal("0.15")
    low_click_rate: Decimal = Decimal("0.03")
    recent_reviews: int = 5
    # categories (类目) whose products need a quality report (质检报告); None: every category does
    qualification_categories: frozenset[str] | None = None

    def needs_qualification(self, category: str) -> bool:
        """Whether a product of this category must have a quality report; one without a category is checked."""
        category = (category or "").strip()
        return self.qualification_categories is None or not category or category in self.qualification_categories

    @classmethod
    def from_preferences(cls, prefs: Preferences | None = None) -> Rules:
        """Rules from the user's preferences (defaults when None). Image and welfare items have no floor."""
        prefs = prefs or Preferences()
        return cls(
            margin_floors={
                ProductRole.PROFIT.value: _dec(prefs.margin_floor_profit),
                ProductRole.TRAFFIC.value: _dec(prefs.margin_floor_traffic),
            },
            stock_buffer=_dec(prefs.stock_buffer),
            low_click_rate=_dec(prefs.low_click_rate),
            qualification_categories=frozenset(c.strip() for c in prefs.qualification_categories if c.strip()),
        )

    def margin_floor(self, role: str) -> Decimal | None:
        return self.margin_floors.get(role)

    def needed_stock(self, planned_units: int) -> Decimal:
        """Units to hold for a plan under the N+1 rule: planned × (1 + buffer)."""
        return Decimal(planned_units) * (1 + self.stock_buffer)


def _dec(value: float | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _pct(value: Decimal) -> str:
    return f"{(value * 100).quantize(Decimal('0.1'))}%"


def check_product(
    product: Any,
    rules: Rules,
    *,
    upcoming_units: int = 0,
    recent_exposure_users: int | None = None,
    recent_click_users: int | None = None,
) -> dict[str, str]:
    """Every flag that applies, in FLAG_NAMES order, each with a sentence saying why (for a tooltip).

    `product` is anything with the Product attributes (a Product, a ProductRow).
    `upcoming_units` is the planned units on lineups of streams still to come;
    the click figures are summed over the product's recent reviews (None when no review has data).
    """
    flags: dict[str, str] = {}
    margin = gross_margin(product.live_price, product.cost, product.commission_rate)
    floor = rules.margin_floor(product.role)
    if margin is not None and floor is not None and margin < floor:
        label = ROLE_LABELS.get(product.role, product.role)
        flags["below_margin_floor"] = translate("Messages", "Gross margin {0} is below the {1} floor for {2}.").format(
            _pct(margin), _pct(floor), label
        )
    if product.stock is not None and product.safety_stock is not None and product.stock < product.safety_stock:
        flags["below_safety_stock"] = (
            translate("Messages", "Stock {0} is below the safety line of {1}; restock.").format(
                product.stock, product.safety_stock
            )
        )
    if upcoming_units > 0:
        needed = rules.needed_stock(upcoming_units)
        stock = product.stock if product.stock is not None else 0
        if stock < needed:
            have = (
                translate("Messages", "no stock entered")
                if product.stock is None
                else translate("Messages", "stock {0}").format(product.stock)
            )
            flags["short_for_lineups"] = translate(
                "Messages", "Upcoming lineups plan {0} units; with the {1} buffer that needs {2}, but there is {3}."
            ).format(
                upcoming_units, _pct(rules.stock_buffer), needed.quantize(Decimal(1), rounding="ROUND_CEILING"), have
            )
    if product.qualification != Qualification.OK.value and rules.needs_qualification(getattr(product, "category", "")):
        flags["missing_qualification"] = (
            translate("Messages", "The quality report (质检报告) is pending.")
            if product.qualification == Qualification.PENDING.value
            else translate("Messages", "The quality report (质检报告) is missing.")
        )
    if recent_exposure_users and recent_click_users is not None:
        rate = Decimal(recent_click_users) / Decimal(recent_exposure_users)
        if rate < rules.low_click_rate:
            flags["low_click_rate"] = translate(
                "Messages", "Click rate {0} ({1}/{2} over the last {3} reviews) is below {4}: a candidate to drop."
            ).format(
                _pct(rate), recent_click_users, recent_exposure_users, rules.recent_reviews, _pct(rules.low_click_rate)
            )
    return flags


def product_flags(
    product: Any,
    rules: Rules,
    *,
    upcoming_units: int = 0,
    recent_exposure_users: int | None = None,
    recent_click_users: int | None = None,
) -> list[str]:
    """The names (from FLAG_NAMES) of the flags that apply; see `check_product` for the reasons."""
    return list(
        check_product(
            product,
            rules,
            upcoming_units=upcoming_units,
            recent_exposure_users=recent_exposure_users,
            recent_click_users=recent_click_users,
        )
    )
