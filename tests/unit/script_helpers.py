"""Builders shared by the script tests (streams, products, lineups)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from livedesk.models import LineupItem, Product, ProductFAQ, SellingPoint, Stream

FIXTURE_PRODUCTS = [("护手霜 3支装", 7, "traffic"), ("防晒喷雾 150ml", 9, "profit"), ("胶原蛋白饮 10瓶", 8, "profit")]


def make_stream(session: Session, start: str = "2026-11-15 20:00", minutes: int = 120, stream_type: str = "daily",
                title: str = "冬季焕新专场") -> Stream:
    start_at = dt.datetime.strptime(start, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    stream = Stream(title=title, start_at=start_at, planned_minutes=minutes, stream_type=stream_type, theme="新品发布")
    session.add(stream)
    session.flush()
    return stream


def make_product(session: Session, name: str, role: str = "profit", price: str = "99", cost: str = "40",
                 points: int = 3, faqs: int = 1) -> Product:
    product = Product(sku=f"SKU-{name}", name=name, role=role, live_price=Decimal(price), cost=Decimal(cost),
                      list_price=Decimal(price) * 2)
    product.selling_points = [SellingPoint(position=i, point=f"{name}卖点{i + 1}", demo=f"{name}演示{i + 1}")
                              for i in range(points)]
    product.faqs = [ProductFAQ(position=i, question=f"{name}问题{i + 1}", answer=f"{name}回答{i + 1}") for i in range(faqs)]
    session.add(product)
    session.flush()
    return product


def add_to_lineup(session: Session, stream: Stream, product: Product, position: int, link: int | None = None,
                  units: int | None = None) -> LineupItem:
    item = LineupItem(stream_id=stream.id, product_id=product.id, position=position, link_number=link, planned_units=units)
    session.add(item)
    session.flush()
    return item


def fixture_pool(session: Session, stream: Stream) -> dict[str, Product]:
    products = {}
    for position, (name, link, role) in enumerate(FIXTURE_PRODUCTS):
        products[name] = make_product(session, name, role)
        add_to_lineup(session, stream, products[name], position, link)
    return products
