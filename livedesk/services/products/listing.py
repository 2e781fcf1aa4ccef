"""The pool listing: one row per product with its flags, upcoming lineup units and recent click figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, selectinload

from livedesk.models import (
    LineupItem,
    Product,
    ProductFAQ,
    ProductResult,
    QualificationDocument,
    Review,
    SellingPoint,
    Stream,
    StreamStatus,
)
from livedesk.services.products.rules import (
    _CHUNK,
    EDITABLE_FIELDS,
    ROLE_LABELS,
    Rules,
    check_product,
    gross_margin,
)


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


# what a listing row reads: every field a user edits, plus what the row shows or checks a save against
_ROW_COLUMNS = ("id", *EDITABLE_FIELDS, "photo_path", "version", "updated_at")


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


def count_products(session: Session) -> int:
    """How many products the pool holds (to decide whether the listing loads off the GUI thread)."""
    return session.scalar(select(func.count()).select_from(Product)) or 0


def product_exists(session: Session, product_id: int) -> bool:
    """False when the product was deleted meanwhile (by the user or a teammate)."""
    return session.get(Product, product_id) is not None


def product_names(session: Session, product_ids: Iterable[int]) -> dict[int, str]:
    """{id: name} of the products that still exist."""
    ids = list(dict.fromkeys(product_ids))
    names: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        names.update(dict(session.execute(select(Product.id, Product.name).where(Product.id.in_(chunk))).all()))
    return names


def product_ids_by_sku(session: Session, skus: Sequence[str]) -> list[int]:
    """The ids of the products that hold one of `skus` (in batches: an import names thousands)."""
    ids: list[int] = []
    for start in range(0, len(skus), _CHUNK):
        ids += session.scalars(select(Product.id).where(Product.sku.in_(list(skus[start : start + _CHUNK]))))
    return ids
