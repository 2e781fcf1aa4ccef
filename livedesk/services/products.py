"""The product pool (选品池): margins, warning flags, the pool listing, edits with undo, files and history.

No Qt here: the product tab, the command line and the tests call the same functions.
Every function takes an open session (one unit of work, see `Database.session`) and never commits.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PureWindowsPath
from typing import Any

from sqlalchemy import and_, case, func, select, update
from sqlalchemy.orm import Session, selectinload

from livedesk.config import Preferences
from livedesk.models import (
    LineupItem,
    LinkEvent,
    Product,
    ProductFAQ,
    ProductResult,
    ProductRole,
    Qualification,
    QualificationDocument,
    Review,
    SellingPoint,
    Stream,
    StreamStatus,
)
from livedesk.services.importers.values import (
    clean_identifier,
    clean_text,
    parse_int,
    parse_money,
    parse_price,
    parse_rate,
)
from livedesk.services.messages import translate

# ---------------------------------------------------------------------------------------------------------------
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


class ProductNotFoundError(LookupError):
    """The product was deleted (perhaps by a teammate) since the list was shown."""


class ProductChangedError(Exception):
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


# ---------------------------------------------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------------------------------------------
# The pool listing


@dataclass
class ProductRow:
    """One line of the pool table: the product's columns plus what is computed for it."""

    id: int
    sku: str
    name: str
    category: str
    role: str
    list_price: Decimal | None
    live_price: Decimal | None
    cost: Decimal | None
    commission_rate: Decimal | None
    stock: int | None
    safety_stock: int | None
    supplier: str
    qualification: str
    platform_product_id: str
    photo_path: str
    notes: str
    version: int
    updated_at: dt.datetime | None
    gross_margin: Decimal | None = None
    selling_point_count: int = 0
    faq_count: int = 0
    document_count: int = 0
    upcoming_units: int = 0
    recent_exposure_users: int | None = None
    recent_click_users: int | None = None
    recent_click_rate: Decimal | None = None
    flags: list[str] = field(default_factory=list)
    flag_reasons: dict[str, str] = field(default_factory=dict)

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


_ROW_COLUMNS = (
    "id",
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
    "photo_path",
    "notes",
    "version",
    "updated_at",
)


def start_of_today(now: dt.datetime | None = None) -> dt.datetime:
    """Local midnight of `now` (tz-aware); streams starting from then on count as upcoming."""
    now = now or dt.datetime.now().astimezone()
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def _upcoming_filter(now: dt.datetime | None):
    return and_(
        Stream.status.notin_([StreamStatus.LIVE.value, StreamStatus.REVIEWED.value]),
        Stream.start_at >= start_of_today(now),
    )


def upcoming_units_by_product(
    session: Session, now: dt.datetime | None = None, product_ids: Sequence[int] | None = None
) -> dict[int, int]:
    """Planned units per product over the lineups of streams not yet live, starting today or later."""
    query = (
        select(LineupItem.product_id, func.sum(func.coalesce(LineupItem.planned_units, 0)))
        .join(Stream, Stream.id == LineupItem.stream_id)
        .where(_upcoming_filter(now))
        .group_by(LineupItem.product_id)
    )
    if product_ids is not None:
        query = query.where(LineupItem.product_id.in_(product_ids))
    return {pid: int(units or 0) for pid, units in session.execute(query)}


def recent_click_stats(
    session: Session, recent: int = 5, product_ids: Sequence[int] | None = None
) -> dict[int, tuple[int, int]]:
    """(exposure users, click users) per product, summed over its `recent` latest reviews that have both figures.

    One query with a window function, so the pool of 20,000 products does not issue one query per product.
    """
    both = and_(ProductResult.exposure_users.is_not(None), ProductResult.click_users.is_not(None))
    per_review = (
        select(
            ProductResult.product_id.label("product_id"),
            Review.id.label("review_id"),
            func.sum(case((both, ProductResult.exposure_users), else_=0)).label("exposure"),
            func.sum(case((both, ProductResult.click_users), else_=0)).label("clicks"),
            func.max(case((both, 1), else_=0)).label("has_data"),
            Stream.start_at.label("start_at"),
        )
        .join(Review, Review.id == ProductResult.review_id)
        .join(Stream, Stream.id == Review.stream_id)
        .where(ProductResult.product_id.is_not(None))
        .group_by(ProductResult.product_id, Review.id, Stream.start_at)
    )
    if product_ids is not None:
        per_review = per_review.where(ProductResult.product_id.in_(product_ids))
    per_review = per_review.subquery()
    ranked = (
        select(
            per_review.c.product_id,
            per_review.c.exposure,
            per_review.c.clicks,
            func.row_number()
            .over(
                partition_by=per_review.c.product_id,
                order_by=(per_review.c.start_at.desc(), per_review.c.review_id.desc()),
            )
            .label("rank"),
        )
        .where(per_review.c.has_data == 1)
        .subquery()
    )
    query = (
        select(ranked.c.product_id, func.sum(ranked.c.exposure), func.sum(ranked.c.clicks))
        .where(ranked.c.rank <= recent)
        .group_by(ranked.c.product_id)
    )
    return {pid: (int(exposure or 0), int(clicks or 0)) for pid, exposure, clicks in session.execute(query)}


def _counts(session: Session, column, product_ids: Sequence[int] | None) -> dict[int, int]:
    query = select(column, func.count()).group_by(column)
    if product_ids is not None:
        query = query.where(column.in_(product_ids))
    return {pid: n for pid, n in session.execute(query)}


def list_products(
    session: Session,
    rules: Rules | None = None,
    *,
    ids: Sequence[int] | None = None,
    now: dt.datetime | None = None,
) -> list[ProductRow]:
    """Every product (or only `ids`, to refresh a few rows after an edit) with margins, counts and flags.

    Six queries whatever the pool's size: products, three child counts, upcoming lineup units and
    recent click figures. Rows come ordered by SKU.
    """
    rules = rules or Rules()
    product_ids = list(ids) if ids is not None else None
    query = select(*(getattr(Product, name) for name in _ROW_COLUMNS)).order_by(Product.sku)
    if product_ids is not None:
        if not product_ids:
            return []
        query = query.where(Product.id.in_(product_ids))
    points = _counts(session, SellingPoint.product_id, product_ids)
    faqs = _counts(session, ProductFAQ.product_id, product_ids)
    documents = _counts(session, QualificationDocument.product_id, product_ids)
    units = upcoming_units_by_product(session, now, product_ids)
    clicks = recent_click_stats(session, rules.recent_reviews, product_ids)
    rows: list[ProductRow] = []
    for record in session.execute(query):
        row = ProductRow(**dict(zip(_ROW_COLUMNS, record, strict=True)))
        row.gross_margin = gross_margin(row.live_price, row.cost, row.commission_rate)
        row.selling_point_count = points.get(row.id, 0)
        row.faq_count = faqs.get(row.id, 0)
        row.document_count = documents.get(row.id, 0)
        row.upcoming_units = units.get(row.id, 0)
        if row.id in clicks:
            row.recent_exposure_users, row.recent_click_users = clicks[row.id]
            if row.recent_exposure_users:
                row.recent_click_rate = Decimal(row.recent_click_users) / Decimal(row.recent_exposure_users)
        row.flag_reasons = check_product(
            row,
            rules,
            upcoming_units=row.upcoming_units,
            recent_exposure_users=row.recent_exposure_users,
            recent_click_users=row.recent_click_users,
        )
        row.flags = list(row.flag_reasons)
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------------------------
# Editing


def get_product(session: Session, product_id: int) -> Product:
    """The product, or ProductNotFoundError if a teammate deleted it meanwhile."""
    product = session.get(Product, product_id)
    if product is None:
        raise ProductNotFoundError(
            translate("Messages", "Product {0} no longer exists; it may have been deleted.").format(product_id)
        )
    return product


def find_product_by_sku(session: Session, sku: str) -> Product | None:
    return session.scalar(select(Product).where(Product.sku == clean_identifier(sku)))


def clean_product_fields(fields: Mapping[str, object], *, creating: bool) -> dict[str, object]:
    """Field values as the database holds them, from typed or pasted input; ValueError says what is wrong.

    Money accepts "¥1,299.0", rates "20%" or 0.2, counts "1,200". Creating needs name, SKU and live price.
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Unknown product field(s): {', '.join(sorted(unknown))}")
    cleaned: dict[str, object] = {}
    words = _field_words()
    for name, raw in fields.items():
        word = words.get(name, name.replace("_", " ").capitalize())
        try:
            if name in _MONEY_FIELDS:
                # a price a buyer pays is at least ¥0.01; a cost may be ¥0 (a free gift)
                value: object = parse_price(raw) if name != "cost" else parse_money(raw)
                if value is not None and value < 0:  # type: ignore[operator]
                    raise ValueError(translate("Messages", "{0} cannot be negative (got {1}).").format(word, value))
            elif name == "commission_rate":
                value = parse_rate(raw)
                if value is not None:
                    if not Decimal(0) <= value <= Decimal(1):  # type: ignore[operator]
                        raise ValueError(translate("Messages", "{0} must be between 0% and 100%.").format(word))
                    value = value.quantize(_RATE_STEP)  # type: ignore[union-attr]
            elif name in _INT_FIELDS:
                value = parse_int(raw)
                if value is not None and value < 0:  # type: ignore[operator]
                    raise ValueError(translate("Messages", "{0} cannot be negative (got {1}).").format(word, value))
            elif name == "role":
                value = parse_role(raw)
            elif name == "qualification":
                value = parse_qualification(raw)
            else:
                if name in ("sku", "platform_product_id"):  # matched exactly: no invisible or full-width twins
                    value = clean_identifier(raw)
                else:
                    value = clean_text(raw) if name != "notes" else ("" if raw is None else str(raw).strip())
                if name in ("name", "sku"):
                    value = re.sub(r"\s+", " ", str(value))
                limit = _TEXT_LIMITS.get(name)
                if limit and len(str(value)) > limit:
                    raise ValueError(translate("Messages", "{0} is longer than {1} characters.").format(word, limit))
        except ValueError as exc:
            message = str(exc)
            if not message.startswith(word):
                message = translate("Messages", "{0}: {1}").format(word, message)
            raise ValueError(message) from None
        cleaned[name] = value
    required = ("name", "sku", "live_price")
    for name in required:
        if (creating and name not in cleaned) or (name in cleaned and cleaned[name] in (None, "")):
            raise ValueError(translate("Messages", "{0} is required.").format(words[name]))
    return cleaned


def _check_sku_free(session: Session, sku: str, product_id: int | None) -> None:
    other = session.scalar(select(Product.id).where(Product.sku == sku))
    if other is not None and other != product_id:
        raise ValueError(translate("Messages", "SKU {0} is already used by another product.").format(sku))


def create_product(session: Session, fields: Mapping[str, object]) -> Product:
    """A new product from a field dict (see EDITABLE_FIELDS); ValueError when invalid or the SKU is taken."""
    cleaned = clean_product_fields(fields, creating=True)
    _check_sku_free(session, str(cleaned["sku"]), None)
    product = Product(**cleaned)
    session.add(product)
    session.flush()
    return product


def check_version(session: Session, product_id: int, expected_version: int | None) -> Product:
    """The product, if it is still at `expected_version` (the version the user saw, or that this app's last
    write left); ProductChangedError when someone else saved it since. None: no check."""
    product = get_product(session, product_id)
    if expected_version is not None and product.version != expected_version:
        raise ProductChangedError(
            translate(
                "Messages",
                "{0} was changed by someone else after you opened it. Reload it and make your change again.",
            ).format(product.name),
            [product_id],
        )
    return product


def product_versions(session: Session, product_ids: Iterable[int]) -> dict[int, int]:
    """The stored version of each product that still exists."""
    ids = list(dict.fromkeys(product_ids))
    versions: dict[int, int] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        versions.update({pid: version for pid, version in session.execute(
            select(Product.id, Product.version).where(Product.id.in_(chunk))
        )})
    return versions


def update_product(
    session: Session, product_id: int, fields: Mapping[str, object], expected_version: int | None = None
) -> Product:
    """Change some fields. With `expected_version`, refuse (ProductChangedError) if a teammate saved in between."""
    product = check_version(session, product_id, expected_version)
    cleaned = clean_product_fields(fields, creating=False)
    if "sku" in cleaned:
        _check_sku_free(session, str(cleaned["sku"]), product.id)
    for name, value in cleaned.items():
        setattr(product, name, value)
    session.flush()
    return product


def delete_product(session: Session, product_id: int) -> dict[str, Any]:
    """Delete the product with its points, FAQ, documents and lineup rows; returns the snapshot for undo."""
    snapshot = snapshot_product(session, product_id)
    product = get_product(session, product_id)
    session.execute(LineupItem.__table__.delete().where(LineupItem.product_id == product_id))
    session.delete(product)
    session.flush()
    return snapshot


def delete_products(
    session: Session, product_ids: Iterable[int], expected_versions: Mapping[int, int] | None = None
) -> list[dict[str, Any]]:
    """Delete several products; the snapshots (restore each for undo) come back in the same order.

    With `expected_versions` ({id: the version the user saw}), nothing is deleted when any of them was
    saved by someone else since (ProductChangedError naming them) or deleted (ProductNotFoundError).
    """
    product_ids = list(product_ids)
    if expected_versions is not None:
        stored = product_versions(session, product_ids)
        gone = [pid for pid in product_ids if pid not in stored]
        if gone:
            get_product(session, gone[0])  # raises ProductNotFoundError
        _refuse_changed(
            session,
            _stale(product_ids, stored, expected_versions),
            translate("Messages", "Someone else changed {0} after you last saw it; nothing was deleted."),
        )
    return [delete_product(session, pid) for pid in product_ids]


_SNAPSHOT_FIELDS = EDITABLE_FIELDS + ("photo_path", "created_at")


def snapshot_product(session: Session, product_id: int) -> dict[str, Any]:
    """Everything needed to put the product back as it is now (for undo): fields, children and links.

    The dict holds plain values (Decimal, datetime, lists of dicts) and is kept in memory by the undo stack.
    """
    product = get_product(session, product_id)
    return _snapshot(
        product,
        session.scalars(select(LineupItem).where(LineupItem.product_id == product_id)).all(),
        list(session.scalars(select(ProductResult.id).where(ProductResult.product_id == product_id))),
        list(session.scalars(select(LinkEvent.id).where(LinkEvent.product_id == product_id))),
    )


def snapshot_products(session: Session, product_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """`snapshot_product` of each product that still exists, in a few batched queries (an import takes
    thousands)."""
    ids = list(dict.fromkeys(product_ids))
    snapshots: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        lineup: dict[int, list[LineupItem]] = {}
        for item in session.scalars(select(LineupItem).where(LineupItem.product_id.in_(chunk))):
            lineup.setdefault(item.product_id, []).append(item)
        links: dict[Any, dict[int, list[int]]] = {ProductResult: {}, LinkEvent: {}}
        for model, found in links.items():
            for pid, link_id in session.execute(select(model.product_id, model.id).where(model.product_id.in_(chunk))):
                found.setdefault(pid, []).append(link_id)
        for product in load_products_with_children(session, chunk):
            snapshots[product.id] = _snapshot(product, lineup.get(product.id, []), links[ProductResult].get(product.id, []),
                                              links[LinkEvent].get(product.id, []))
    return snapshots


def _snapshot(product: Product, lineup: Sequence[LineupItem], result_ids: list[int], event_ids: list[int]) -> dict[str, Any]:
    return {
        "id": product.id,
        "version": product.version,
        "fields": {name: getattr(product, name) for name in _SNAPSHOT_FIELDS},
        "selling_points": [{"point": p.point, "demo": p.demo} for p in product.selling_points],
        "faqs": [{"question": f.question, "answer": f.answer} for f in product.faqs],
        "documents": [
            {"file_name": d.file_name, "stored_path": d.stored_path, "added_at": d.added_at} for d in product.documents
        ],
        "lineup": [
            {
                "stream_id": item.stream_id,
                "position": item.position,
                "link_number": item.link_number,
                "live_price": item.live_price,
                "welfare_quantity": item.welfare_quantity,
                "planned_units": item.planned_units,
            }
            for item in lineup
        ],
        "product_result_ids": result_ids,
        "link_event_ids": event_ids,
    }


def restore_product(session: Session, snapshot: Mapping[str, Any]) -> Product:
    """Put a product back exactly as snapshotted: undo of a delete (same id) or of an edit (fields and children).

    Lineup rows come back for streams that still exist; review results and link events deleted with the
    product were only unlinked, so they are linked again. If SQLite gave the deleted id to a newer product,
    the restored one gets a new id (read it from the returned product).
    """
    fields = dict(snapshot["fields"])
    product = session.get(Product, int(snapshot["id"]))
    if product is not None and product.created_at != fields["created_at"]:
        product = None  # SQLite handed the deleted id to a newer product: come back under a new id
    _check_sku_free(session, fields["sku"], product.id if product is not None else None)
    inserted = product is None
    if product is None:
        taken = session.get(Product, int(snapshot["id"])) is not None
        product = Product(**fields) if taken else Product(id=int(snapshot["id"]), **fields)
        session.add(product)
    else:
        for name, value in fields.items():
            setattr(product, name, value)
        _touch(product)  # the version moves even when only points, FAQ or documents come back
    product.selling_points = [
        SellingPoint(position=i, point=p["point"], demo=p["demo"]) for i, p in enumerate(snapshot["selling_points"])
    ]
    product.faqs = [
        ProductFAQ(position=i, question=f["question"], answer=f["answer"]) for i, f in enumerate(snapshot["faqs"])
    ]
    product.documents = [QualificationDocument(**d) for d in snapshot["documents"]]
    session.flush()
    product_id = product.id
    if inserted and snapshot.get("version") is not None and snapshot["version"] != product.version:
        # back at the version it was deleted at: it holds what it held then, and a teammate's stale copy of
        # an older state still counts as stale (an insert always starts the ORM's counter at 1)
        session.execute(
            update(Product.__table__).where(Product.__table__.c.id == product_id).values(version=snapshot["version"])
        )
        session.expire(product, ["version"])
    session.execute(LineupItem.__table__.delete().where(LineupItem.product_id == product_id))
    streams = {item["stream_id"] for item in snapshot["lineup"]}
    existing = set(session.scalars(select(Stream.id).where(Stream.id.in_(streams)))) if streams else set()
    for item in snapshot["lineup"]:
        if item["stream_id"] in existing:
            session.add(LineupItem(product_id=product_id, **item))
    for model, key in ((ProductResult, "product_result_ids"), (LinkEvent, "link_event_ids")):
        ids = snapshot.get(key) or []
        for start in range(0, len(ids), _CHUNK):
            session.execute(
                update(model)
                .where(model.id.in_(ids[start : start + _CHUNK]), model.product_id.is_(None))
                .values(product_id=product_id)
                .execution_options(synchronize_session=False)
            )
    session.flush()
    return product


# What a user sees of one product (fields and children), to compare yours with theirs after a conflict.
STATE_FIELDS = EDITABLE_FIELDS + ("photo_path",)
STATE_CHILDREN = ("selling_points", "faqs", "documents")
STATE_NAMES = STATE_FIELDS + STATE_CHILDREN  # everything a product holds (its whole content, without the version)


def snapshot_state(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    """A snapshot (see `snapshot_product`) as comparable values: each field, and the selling points
    ((point, demo), …), FAQ ((question, answer), …) and documents ((file name, stored path), …) as tuples."""
    state: dict[str, Any] = {name: snapshot["fields"][name] for name in STATE_FIELDS}
    state["selling_points"] = tuple((p["point"], p["demo"]) for p in snapshot["selling_points"])
    state["faqs"] = tuple((f["question"], f["answer"]) for f in snapshot["faqs"])
    state["documents"] = tuple((d["file_name"], d["stored_path"]) for d in snapshot["documents"])
    state["version"] = snapshot.get("version")
    return state


def product_state(session: Session, product_id: int) -> dict[str, Any]:
    """The product as stored now, in the form of `snapshot_state` (with its version)."""
    return _state(get_product(session, product_id))


def product_states(session: Session, product_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """`product_state` of each product that still exists, read in a few batched queries."""
    ids = list(dict.fromkeys(product_ids))
    states: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        states.update({p.id: _state(p) for p in load_products_with_children(session, ids[start : start + _CHUNK])})
    return states


def _state(product: Product) -> dict[str, Any]:
    state: dict[str, Any] = {name: getattr(product, name) for name in STATE_FIELDS}
    state["selling_points"] = tuple((p.point, p.demo) for p in product.selling_points)
    state["faqs"] = tuple((f.question, f.answer) for f in product.faqs)
    state["documents"] = tuple((d.file_name, d.stored_path) for d in product.documents)
    state["version"] = product.version
    return state


def changed_parts(before: Mapping[str, Any], after: Mapping[str, Any]) -> set[str]:
    """The fields and children (names as in `snapshot_state`) that differ between two snapshots."""
    old, new = snapshot_state(before), snapshot_state(after)
    return {name for name in STATE_NAMES if old[name] != new[name]}


def apply_parts(session: Session, product_id: int, snapshot: Mapping[str, Any], parts: Iterable[str]) -> Product:
    """Put back only `parts` (see `changed_parts`) of a snapshot onto the existing product: undo and redo of
    one change, which must not write over fields someone else changed since (see `check_states`)."""
    product = get_product(session, product_id)
    if snapshot["fields"].get("created_at") not in (None, product.created_at):  # the id went to a newer product
        raise ProductNotFoundError(
            translate("Messages", "Product {0} no longer exists; it may have been deleted.").format(product_id)
        )
    parts = set(parts)
    for name in STATE_FIELDS:
        if name in parts:
            value = snapshot["fields"][name]
            if name == "sku":
                _check_sku_free(session, value, product.id)
            setattr(product, name, value)
    if "selling_points" in parts:
        product.selling_points = [
            SellingPoint(position=i, point=p["point"], demo=p["demo"]) for i, p in enumerate(snapshot["selling_points"])
        ]
    if "faqs" in parts:
        product.faqs = [
            ProductFAQ(position=i, question=f["question"], answer=f["answer"]) for i, f in enumerate(snapshot["faqs"])
        ]
    if "documents" in parts:
        product.documents = [QualificationDocument(**d) for d in snapshot["documents"]]
    _touch(product)
    session.flush()
    return product


def bulk_update(
    session: Session,
    ids: Sequence[int],
    field_name: str,
    value: object,
    expected_versions: Mapping[int, int] | None = None,
) -> dict[int, object]:
    """Set role, supplier, category or qualification on many products at once.

    Returns the previous value per product id, which `bulk_set_values` puts back for undo. Products deleted
    meanwhile are left out. With `expected_versions` ({id: the version the user saw}) nothing is written
    when someone else saved any of them since (ProductChangedError naming them).
    """
    if field_name not in BULK_FIELDS:
        raise ValueError(f"Cannot change {field_name} for several products at once; only {', '.join(BULK_FIELDS)}.")
    cleaned = clean_product_fields({field_name: value}, creating=False)[field_name]
    previous: dict[int, object] = {}
    ids = list(dict.fromkeys(ids))
    column = getattr(Product, field_name)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        previous.update(
            {pid: old for pid, old in session.execute(select(Product.id, column).where(Product.id.in_(chunk)))}
        )
    bulk_set_values(session, field_name, {pid: cleaned for pid in previous}, expected_versions)
    return previous


def _stale(product_ids: Iterable[int], stored: Mapping[int, int], expected_versions: Mapping[int, int]) -> list[int]:
    """The products (still there: in `stored`, their versions now) that are no longer at their expected version."""
    return [pid for pid in product_ids if pid in stored and pid in expected_versions and stored[pid] != expected_versions[pid]]


def _refuse_changed(session: Session, changed: Sequence[int], message: str) -> None:
    """ProductChangedError naming the `changed` products in `message` ({0}: their names); nothing if none."""
    if changed:
        names = session.scalars(select(Product.name).where(Product.id.in_(changed)).order_by(Product.sku))
        raise ProductChangedError(message.format("、".join(names)), changed)


def check_states(session: Session, expected: Mapping[int, Mapping[str, Any]]) -> dict[int, int]:
    """Check that each product still holds what this app's last write left in it: `expected` is
    {id: {name: value}}, names and values as in `product_state`. Only those names are compared, so a change
    to any other field (by a teammate, or by this app elsewhere) is no conflict. ProductChangedError names the
    products where one of them differs now; ProductNotFoundError when one was deleted.

    Returns the versions read, for a write in the same session to name (a save a moment later is caught too).
    """
    states = product_states(session, expected)
    gone = [pid for pid in expected if pid not in states]
    if gone:
        get_product(session, gone[0])  # raises ProductNotFoundError
    _refuse_changed(
        session,
        [pid for pid, values in expected.items() if any(states[pid][name] != value for name, value in values.items())],
        translate("Messages", "Someone else changed {0} after you last saw it; nothing was changed."),
    )
    return {pid: state["version"] for pid, state in states.items()}


def bulk_set_values(
    session: Session, field_name: str, values: Mapping[int, object], expected_versions: Mapping[int, int] | None = None
) -> int:
    """Set one field to a per-product value (the undo of `bulk_update`); returns how many rows changed.

    With `expected_versions`, nothing is written when a product was saved by someone else since
    (ProductChangedError); each UPDATE also names the version, so a save a moment later is caught too.
    """
    if field_name not in BULK_FIELDS:
        raise ValueError(f"Cannot change {field_name} for several products at once.")
    session.flush()
    if expected_versions is not None:
        _refuse_changed(
            session,
            _stale(values, product_versions(session, values), expected_versions),
            translate("Messages", "Someone else changed {0} after you last saw it; nothing was changed."),
        )
    groups: dict[tuple[object, int | None], list[int]] = {}
    for pid, value in values.items():
        version = expected_versions.get(pid) if expected_versions is not None else None
        groups.setdefault((value, version), []).append(pid)
    changed = 0
    now = dt.datetime.now(dt.UTC)
    for (value, version), pids in groups.items():
        for start in range(0, len(pids), _CHUNK):
            chunk = pids[start : start + _CHUNK]
            query = update(Product).where(Product.id.in_(chunk))
            if version is not None:
                query = query.where(Product.version == version)
            result = session.execute(
                query.values({field_name: value, "version": Product.version + 1, "updated_at": now})
                .execution_options(synchronize_session=False)
            )
            count = result.rowcount or 0
            if version is not None and count < len(product_versions(session, chunk)):  # saved a moment ago
                raise ProductChangedError(
                    translate("Messages", "Someone else changed these products a moment ago; nothing was changed."),
                    chunk,
                )
            changed += count
    session.expire_all()
    return changed


def _touch(product: Product) -> None:
    """Mark the product changed so its version moves when only its children changed."""
    product.updated_at = dt.datetime.now(dt.UTC)


def replace_selling_points(
    session: Session, product_id: int, points: Sequence[str | tuple[str, str] | Mapping[str, str]]
) -> list[SellingPoint]:
    """The whole 卖点手册 in its new order: each item a point, (point, demo) or {"point", "demo"}; blanks dropped."""
    product = get_product(session, product_id)
    new: list[SellingPoint] = []
    for item in points:
        if isinstance(item, str):
            point, demo = item, ""
        elif isinstance(item, Mapping):
            point, demo = item.get("point", ""), item.get("demo", "")
        else:
            point, demo = item
        point, demo = (point or "").strip(), (demo or "").strip()
        if point:
            new.append(SellingPoint(position=len(new), point=point, demo=demo))
    product.selling_points = new
    _touch(product)
    session.flush()
    return new


def replace_faqs(
    session: Session, product_id: int, faqs: Sequence[tuple[str, str] | Mapping[str, str]]
) -> list[ProductFAQ]:
    """The whole FAQ in its new order: (question, answer) or {"question", "answer"}; blank questions dropped."""
    product = get_product(session, product_id)
    new: list[ProductFAQ] = []
    for item in faqs:
        if isinstance(item, Mapping):
            question, answer = item.get("question", ""), item.get("answer", "")
        else:
            question, answer = item
        question, answer = (question or "").strip(), (answer or "").strip()
        if question:
            new.append(ProductFAQ(position=len(new), question=question, answer=answer))
    product.faqs = new
    _touch(product)
    session.flush()
    return new


# ---------------------------------------------------------------------------------------------------------------
# Files kept in the data folder


IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".heic"})
OFFICE_SUFFIXES = frozenset({
    ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf", ".wps", ".et", ".dps",
})
DOCUMENT_SUFFIXES = frozenset({".pdf"}) | IMAGE_SUFFIXES | OFFICE_SUFFIXES  # what the panel attaches and opens


class AttachmentRefused(ValueError):
    """An attachment that is not a document, or whose stored path leads outside the data folder."""


def _default_attachments() -> Path:
    from livedesk.config import app_paths

    return app_paths().attachments


def _check_kind(source: Path, allowed: frozenset[str]) -> None:
    if source.suffix.lower() not in allowed:
        raise AttachmentRefused(
            translate(
                "Messages",
                "{0} cannot be attached: only PDF files, images and office documents (Word, Excel, PowerPoint, "
                "WPS) can. Save it as a PDF and attach that.",
            ).format(source.name)
        )


def _copy_into(source_path: str | Path, folder: Path) -> Path:
    source = Path(source_path)
    if not source.is_file():
        raise ValueError(
            translate("Messages", "{0} cannot be found or is not a file; choose the file again.").format(
                source.name or source
            )
        )
    folder.mkdir(parents=True, exist_ok=True)
    safe_name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", source.name) or "file"
    target = folder / safe_name
    stem, suffix, n = target.stem, target.suffix, 1
    while target.exists():
        n += 1
        target = folder / f"{stem} ({n}){suffix}"
    shutil.copy2(source, target)
    return target


def attach_document(
    session: Session,
    product_id: int,
    source_path: str | Path,
    attachments_dir: str | Path | None = None,
    mark_ok: bool = True,
) -> QualificationDocument:
    """Copy a 质检报告 or licence into the data folder so it survives the original being moved.

    `attachments_dir` defaults to config.app_paths().attachments; the stored path is relative to its parent
    (the data folder). With `mark_ok` the product's qualification becomes ok.
    """
    _check_kind(Path(source_path), DOCUMENT_SUFFIXES)
    product = get_product(session, product_id)
    base = Path(attachments_dir) if attachments_dir else _default_attachments()
    target = _copy_into(source_path, base / "products" / str(product_id) / "documents")
    document = QualificationDocument(
        file_name=Path(source_path).name, stored_path=target.relative_to(base.parent).as_posix()
    )
    product.documents.append(document)
    if mark_ok:
        product.qualification = Qualification.OK.value
    _touch(product)
    session.flush()
    return document


def remove_document(session: Session, document_id: int) -> None:
    """Forget a document; its copied file stays in the data folder so undo and backups keep working."""
    document = session.get(QualificationDocument, document_id)
    if document is not None:
        product = session.get(Product, document.product_id)
        session.delete(document)
        if product is not None:
            _touch(product)  # teammates' version checks see the change
        session.flush()


def set_photo(
    session: Session, product_id: int, source_path: str | Path, attachments_dir: str | Path | None = None
) -> str:
    """Copy a product photo into the data folder and remember it; returns the path relative to the data folder."""
    _check_kind(Path(source_path), IMAGE_SUFFIXES)
    product = get_product(session, product_id)
    base = Path(attachments_dir) if attachments_dir else _default_attachments()
    target = _copy_into(source_path, base / "products" / str(product_id) / "photo")
    product.photo_path = target.relative_to(base.parent).as_posix()
    session.flush()
    return product.photo_path


def attachment_file(stored_path: str, data_dir: str | Path | None = None) -> Path:
    """The absolute path of a stored document or photo (stored paths are relative to the data folder).

    The path is resolved (`..`, symbolic links) and must stay inside the data folder: a stored path that
    leads anywhere else — absolute, `../..`, a link out, a NUL byte — raises AttachmentRefused.
    """
    if data_dir is None:
        data_dir = _default_attachments().parent
    home = Path(data_dir).resolve()
    refused = AttachmentRefused(
        translate(
            "Messages",
            "The attachment path {0} leads outside the LiveDesk data folder, so it is not opened. Attach the "
            "file again.",
        ).format(str(stored_path).replace("\x00", "")[:200])
    )
    if not stored_path or "\x00" in stored_path or Path(stored_path).is_absolute() or PureWindowsPath(stored_path).anchor:
        raise refused
    try:
        resolved = (home / stored_path).resolve()
    except (OSError, RuntimeError, ValueError) as exc:  # a link loop, a name the system refuses
        raise refused from exc
    if resolved == home or not resolved.is_relative_to(home):
        raise refused
    return resolved


def openable_attachment(stored_path: str, data_dir: str | Path | None = None) -> Path:
    """The attachment the panel may hand to the system to open: inside the data folder, an existing file,
    and a document type (PDF, image, office file), never a program or script."""
    path = attachment_file(stored_path, data_dir)
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise AttachmentRefused(
            translate(
                "Messages",
                "{0} is not a PDF, an image or an office document, so LiveDesk does not open it (it could be a "
                "program). Open it yourself from the data folder if you trust it.",
            ).format(path.name)
        )
    if not path.is_file():
        raise AttachmentRefused(
            translate("Messages", "{0} is missing from the data folder. Attach the file again.").format(path.name)
        )
    return path


# ---------------------------------------------------------------------------------------------------------------
# History across reviewed streams


@dataclass(frozen=True)
class HistoryRow:
    """How the product did in one reviewed stream; ratios name their basis (users)."""

    stream_id: int
    date: dt.datetime
    title: str
    exposure_users: int | None
    click_users: int | None
    click_rate: Decimal | None  # click users / exposure users
    buyers: int | None
    conversion: Decimal | None  # buyers / click users (商品点击-成交转化率)
    gmv: Decimal | None


def _ratio(numerator: int | None, denominator: int | None) -> Decimal | None:
    if numerator is None or not denominator:
        return None
    return Decimal(numerator) / Decimal(denominator)


def product_history(session: Session, product_id: int) -> list[HistoryRow]:
    """The product's results in every stream that has a review, newest first (one query)."""
    query = (
        select(
            Stream.id,
            Stream.start_at,
            Stream.title,
            func.sum(ProductResult.exposure_users),
            func.sum(ProductResult.click_users),
            func.sum(ProductResult.buyers),
            func.sum(ProductResult.gmv),
        )
        .join(Review, Review.id == ProductResult.review_id)
        .join(Stream, Stream.id == Review.stream_id)
        .where(ProductResult.product_id == product_id)
        .group_by(Stream.id, Stream.start_at, Stream.title)
        .order_by(Stream.start_at.desc(), Stream.id.desc())
    )
    rows = []
    for stream_id, start_at, title, exposure, clicks, buyers, gmv in session.execute(query):
        if start_at is not None and start_at.tzinfo is None:
            start_at = start_at.replace(tzinfo=dt.UTC)
        rows.append(
            HistoryRow(
                stream_id=stream_id,
                date=start_at,
                title=title,
                exposure_users=exposure,
                click_users=clicks,
                click_rate=_ratio(clicks, exposure),
                buyers=buyers,
                conversion=_ratio(buyers, clicks),
                gmv=Decimal(gmv).quantize(Decimal("0.01")) if gmv is not None else None,
            )
        )
    return rows


def load_products_with_children(session: Session, ids: Sequence[int] | None = None) -> list[Product]:
    """Products with points, FAQ and documents loaded in a few batched queries (for exports and detail views)."""
    query = (
        select(Product)
        .options(selectinload(Product.selling_points), selectinload(Product.faqs), selectinload(Product.documents))
        .order_by(Product.sku)
    )
    if ids is not None:
        query = query.where(Product.id.in_(list(ids)))
    return list(session.scalars(query))
