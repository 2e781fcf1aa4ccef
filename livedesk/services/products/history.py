"""How a product did across reviewed streams."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from livedesk.models import (
    ProductResult,
    Review,
    Stream,
)


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
