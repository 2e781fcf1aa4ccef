"""The review (复盘): imported figures, curves, product results, orders, moments and the improvement list.

Numerators and denominators are stored, never only ratios; a missing figure stays NULL.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from livedesk.models.base import Base, Rate, utc_now


class Review(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), unique=True)
    started_at: Mapped[dt.datetime | None] = mapped_column(default=None)  # actual start from the export
    duration_minutes: Mapped[int | None] = mapped_column(default=None)
    gmv: Mapped[Decimal | None] = mapped_column(default=None)
    orders: Mapped[int | None] = mapped_column(default=None)
    buyers: Mapped[int | None] = mapped_column(default=None)
    uv: Mapped[int | None] = mapped_column(default=None)
    pv: Mapped[int | None] = mapped_column(default=None)
    natural_uv: Mapped[int | None] = mapped_column(default=None)
    paid_uv: Mapped[int | None] = mapped_column(default=None)
    exposure_uv: Mapped[int | None] = mapped_column(default=None)
    product_exposure_uv: Mapped[int | None] = mapped_column(default=None)
    product_click_uv: Mapped[int | None] = mapped_column(default=None)
    peak_online: Mapped[int | None] = mapped_column(default=None)
    avg_online: Mapped[Decimal | None] = mapped_column(default=None)
    avg_watch_seconds: Mapped[int | None] = mapped_column(default=None)
    new_followers: Mapped[int | None] = mapped_column(default=None)
    fan_club_joins: Mapped[int | None] = mapped_column(default=None)
    comments: Mapped[int | None] = mapped_column(default=None)
    likes: Mapped[int | None] = mapped_column(default=None)
    shares: Mapped[int | None] = mapped_column(default=None)
    refund_buyers: Mapped[int | None] = mapped_column(default=None)
    refund_amount: Mapped[Decimal | None] = mapped_column(default=None)
    ad_spend: Mapped[Decimal | None] = mapped_column(default=None)
    units: Mapped[int | None] = mapped_column(default=None)  # 成交件数 (counts refunded orders too)
    orders_gmv: Mapped[Decimal | None] = mapped_column(default=None)  # GMV counted from the order export
    seeding_conversion_rate: Mapped[Decimal | None] = mapped_column(Rate, default=None)  # Taobao 种草成交转化率
    # where each figure came from: {figure: {"source": "FILE · basis", "quality": n}} (see review_files)
    sources_json: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    highlights: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    root_cause: Mapped[str] = mapped_column(Text, default="")  # 5 whys
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now, onupdate=utc_now)

    imports: Mapped[list[ReviewImport]] = relationship(cascade="all, delete-orphan")


class ReviewImport(Base):
    """One file that fed a review: what it was recognised as, and when."""

    __tablename__ = "review_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40))
    rows: Mapped[int] = mapped_column(default=0)
    # what the import left out: unused columns, the session taken, orders not counted (JSON)
    details_json: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    imported_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class CurvePoint(Base):
    """One sample of the per-minute (or per-second) trend, at seconds from the stream's start."""

    __tablename__ = "curve_points"
    __table_args__ = (Index("ix_curve_points_review_second", "review_id", "second", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    second: Mapped[int] = mapped_column()
    online: Mapped[int | None] = mapped_column(default=None)
    entries: Mapped[int | None] = mapped_column(default=None)
    leaves: Mapped[int | None] = mapped_column(default=None)
    gmv: Mapped[Decimal | None] = mapped_column(default=None)
    orders: Mapped[int | None] = mapped_column(default=None)
    comments: Mapped[int | None] = mapped_column(default=None)
    new_followers: Mapped[int | None] = mapped_column(default=None)
    fan_club_joins: Mapped[int | None] = mapped_column(default=None)
    ad_spend: Mapped[Decimal | None] = mapped_column(default=None)  # 千川消耗 in this minute
    buyers: Mapped[int | None] = mapped_column(default=None)  # 成交人数 in this minute (people: never summed)


class ProductResult(Base):
    __tablename__ = "product_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"), index=True)
    platform_product_id: Mapped[str] = mapped_column(String(64), default="")
    name: Mapped[str] = mapped_column(String(300))
    exposure_users: Mapped[int | None] = mapped_column(default=None)
    click_users: Mapped[int | None] = mapped_column(default=None)
    buyers: Mapped[int | None] = mapped_column(default=None)
    orders: Mapped[int | None] = mapped_column(default=None)
    units: Mapped[int | None] = mapped_column(default=None)
    gmv: Mapped[Decimal | None] = mapped_column(default=None)
    refund_buyers: Mapped[int | None] = mapped_column(default=None)


class TrafficSource(Base):
    """A row of the channel analysis (自然推荐, 千川, …)."""

    __tablename__ = "traffic_sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(100))
    views: Mapped[int | None] = mapped_column(default=None)
    spend: Mapped[Decimal | None] = mapped_column(default=None)
    avg_watch_seconds: Mapped[int | None] = mapped_column(default=None)
    gmv: Mapped[Decimal | None] = mapped_column(default=None)


class OrderLine(Base):
    """One line of a 抖店 order export."""

    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[str] = mapped_column(String(64))
    sub_order_id: Mapped[str] = mapped_column(String(64), default="")
    product_name: Mapped[str] = mapped_column(String(300), default="")
    spec: Mapped[str] = mapped_column(String(300), default="")
    merchant_code: Mapped[str] = mapped_column(String(100), default="")
    quantity: Mapped[int] = mapped_column(default=1)
    amount: Mapped[Decimal] = mapped_column()
    submitted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(50), default="")
    after_sale_status: Mapped[str] = mapped_column(String(50), default="")
    traffic_source: Mapped[str] = mapped_column(String(100), default="")
    cancel_reason: Mapped[str] = mapped_column(String(200), default="", server_default="")
    content_type: Mapped[str] = mapped_column(String(50), default="", server_default="")  # 流量体裁: 直播, 商品卡…


class Moment(Base):
    """A peak or valley of the online curve, with the user's note on its cause."""

    __tablename__ = "moments"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # peak or valley
    minute: Mapped[int] = mapped_column()
    online: Mapped[int | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class ImprovementItem(Base):
    """An item of the 改进清单: raised in one stream's review, checked at the next stream."""

    __tablename__ = "improvement_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(100), default="")
    due_date: Mapped[dt.date | None] = mapped_column(default=None)
    done: Mapped[bool] = mapped_column(default=False)
    done_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class ImportPreset(Base):
    """A column mapping the user corrected, kept for files with the same headers."""

    __tablename__ = "import_presets"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    header_signature: Mapped[str] = mapped_column(String(64), unique=True)
    mapping_json: Mapped[str] = mapped_column(Text)
