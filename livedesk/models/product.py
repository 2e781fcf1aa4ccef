"""The product pool (选品池) and each stream's lineup."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from livedesk.models.base import Base, Rate, utc_now


class ProductRole(StrEnum):
    TRAFFIC = "traffic"  # 引流款
    PROFIT = "profit"  # 利润款
    IMAGE = "image"  # 形象款
    WELFARE = "welfare"  # 福利款


class Qualification(StrEnum):
    OK = "ok"  # 质检报告 on file
    PENDING = "pending"
    MISSING = "missing"


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    category: Mapped[str] = mapped_column(String(100), default="", index=True)
    role: Mapped[str] = mapped_column(String(20), default=ProductRole.PROFIT.value, index=True)
    list_price: Mapped[Decimal | None] = mapped_column(default=None)
    live_price: Mapped[Decimal | None] = mapped_column(default=None)
    cost: Mapped[Decimal | None] = mapped_column(default=None)
    commission_rate: Mapped[Decimal | None] = mapped_column(Rate, default=None)  # fraction
    stock: Mapped[int | None] = mapped_column(default=None)
    safety_stock: Mapped[int | None] = mapped_column(default=None)
    supplier: Mapped[str] = mapped_column(String(200), default="", index=True)
    qualification: Mapped[str] = mapped_column(String(20), default=Qualification.MISSING.value)
    platform_product_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    photo_path: Mapped[str] = mapped_column(String(500), default="")  # relative to the data folder
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    selling_points: Mapped[list[SellingPoint]] = relationship(
        cascade="all, delete-orphan", order_by="SellingPoint.position"
    )
    faqs: Mapped[list[ProductFAQ]] = relationship(cascade="all, delete-orphan", order_by="ProductFAQ.position")
    documents: Mapped[list[QualificationDocument]] = relationship(cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class SellingPoint(Base):
    """One point of the 卖点手册 and how to demonstrate it on camera."""

    __tablename__ = "selling_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    point: Mapped[str] = mapped_column(Text)
    demo: Mapped[str] = mapped_column(Text, default="")


class ProductFAQ(Base):
    __tablename__ = "product_faqs"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")


class QualificationDocument(Base):
    """A 质检报告 or licence copied into the app's data folder."""

    __tablename__ = "qualification_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(300))
    stored_path: Mapped[str] = mapped_column(String(500))  # relative to the data folder
    added_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class LineupItem(Base):
    """A product on one stream's lineup, with the stream's own price and plan."""

    __tablename__ = "lineup_items"
    __table_args__ = (UniqueConstraint("stream_id", "product_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    link_number: Mapped[int | None] = mapped_column(default=None)  # 链接号 on the platform's shelf
    live_price: Mapped[Decimal | None] = mapped_column(default=None)  # overrides the pool's live price
    welfare_quantity: Mapped[int | None] = mapped_column(default=None)
    planned_units: Mapped[int | None] = mapped_column(default=None)

    product: Mapped[Product] = relationship()
