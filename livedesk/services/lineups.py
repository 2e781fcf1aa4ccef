"""A stream's lineup (排品): which products, in what order, at what price and how many units are planned.

No Qt here. Every function takes an open session and never commits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from livedesk.models import LineupItem, Product, ProductRole, Stream
from livedesk.services.errors import ConcurrentEditError, UserError
from livedesk.services.importers.values import parse_int, parse_price
from livedesk.services.messages import translate
from livedesk.services.products import ROLE_LABELS, Rules, get_product, gross_margin

ITEM_FIELDS = ("live_price", "welfare_quantity", "planned_units", "link_number")


class LineupError(UserError, ValueError):
    """A lineup change that cannot be made, in words the user understands."""


class LineupChangedError(LineupError, ConcurrentEditError):
    """Someone else changed the lineup since this app's last write to it; nothing was written."""


def _stream(session: Session, stream_id: int) -> Stream:
    stream = session.get(Stream, stream_id)
    if stream is None:
        raise LineupError(translate("Messages", "Stream {0} no longer exists; it may have been deleted.").format(stream_id))
    return stream


def stream_title(session: Session, stream_id: int) -> str | None:
    """The stream's title, None when it was deleted meanwhile."""
    stream = session.get(Stream, stream_id)
    return stream.title if stream is not None else None


def _item(session: Session, stream_id: int, product_id: int) -> LineupItem:
    item = session.scalar(
        select(LineupItem).where(LineupItem.stream_id == stream_id, LineupItem.product_id == product_id)
    )
    if item is None:
        raise LineupError(translate("Messages", "This product is not on the stream's lineup."))
    return item


def _ordered(session: Session, stream_id: int) -> list[LineupItem]:
    return list(
        session.scalars(
            select(LineupItem).where(LineupItem.stream_id == stream_id).order_by(LineupItem.position, LineupItem.id)
        )
    )


def _renumber(items: Sequence[LineupItem]) -> None:
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position


def clean_item_values(values: Mapping[str, object]) -> dict[str, Any]:
    """Lineup values from typed input ("¥99", "1,200"); negative numbers and unknown fields are refused."""
    unknown = set(values) - set(ITEM_FIELDS)
    if unknown:
        raise LineupError(f"Unknown lineup field(s): {', '.join(sorted(unknown))}")
    cleaned: dict[str, Any] = {}
    words = {
        "live_price": translate("Messages", "Live price"),
        "welfare_quantity": translate("Messages", "Welfare quantity"),
        "planned_units": translate("Messages", "Planned units"),
        "link_number": translate("Messages", "Link number"),
    }
    for name, raw in values.items():
        word = words.get(name, name.replace("_", " ").capitalize())
        try:
            value = parse_price(raw) if name == "live_price" else parse_int(raw)
        except ValueError as exc:
            raise LineupError(translate("Messages", "{0}: {1}").format(word, exc)) from None
        if value is not None and value < 0:
            raise LineupError(translate("Messages", "{0} cannot be negative (got {1}).").format(word, value))
        cleaned[name] = value
    return cleaned


def add_to_lineup(
    session: Session, stream_id: int, product_id: int, position: int | None = None, **values: object
) -> LineupItem:
    """Put a product on the lineup (at the end, or at `position`); values as in ITEM_FIELDS.

    Without a link_number the item gets the next free one (see next_link_number)."""
    _stream(session, stream_id)
    get_product(session, product_id)
    cleaned = clean_item_values(values)
    items = _ordered(session, stream_id)
    if any(item.product_id == product_id for item in items):
        raise LineupError(translate("Messages", "This product is already on the stream's lineup."))
    if "link_number" not in values:
        cleaned["link_number"] = next_link_number(items)
    item = LineupItem(stream_id=stream_id, product_id=product_id, **cleaned)
    index = len(items) if position is None else max(0, min(position, len(items)))
    items.insert(index, item)
    session.add(item)
    _renumber(items)
    session.flush()
    return item


def next_link_number(items: Sequence[LineupItem]) -> int:
    """The 链接号 a new item gets: one past the highest on the stream, so no two items share a link."""
    return max((item.link_number or 0 for item in items), default=0) + 1


def remove_from_lineup(session: Session, stream_id: int, product_id: int) -> dict[str, Any]:
    """Take a product off the lineup; returns what `restore_lineup_item` needs to undo it."""
    item = _item(session, stream_id, product_id)
    saved = {
        "stream_id": item.stream_id,
        "product_id": item.product_id,
        "position": item.position,
        **{name: getattr(item, name) for name in ITEM_FIELDS},
    }
    session.delete(item)
    session.flush()
    _renumber(_ordered(session, stream_id))
    session.flush()
    return saved


def restore_lineup_item(session: Session, saved: Mapping[str, Any]) -> LineupItem:
    """Undo `remove_from_lineup`: the item comes back at its old position with its values."""
    values = {name: saved.get(name) for name in ITEM_FIELDS}
    item = add_to_lineup(session, saved["stream_id"], saved["product_id"], position=saved.get("position"))
    for name, value in values.items():
        setattr(item, name, value)
    session.flush()
    return item


def reorder_lineup(session: Session, stream_id: int, product_ids: Sequence[int]) -> None:
    """Set the whole order at once (e.g. after a drag); every product on the lineup must be listed once."""
    items = {item.product_id: item for item in _ordered(session, stream_id)}
    if sorted(product_ids) != sorted(items):
        raise LineupError(
            translate("Messages", "The new order must list each product on the lineup exactly once; reload the lineup.")
        )
    _renumber([items[pid] for pid in product_ids])
    session.flush()


def arrange(order: Sequence[int], current: Sequence[int]) -> list[int]:
    """`order` applied to the lineup as it is now (`current`): the products in both take the places the
    common products hold now, in `order`'s order; products not in `order` stay where they are and products no
    longer on the lineup are skipped. Same products: `order` itself."""
    on = set(current)
    ordered = iter([pid for pid in order if pid in on])
    mine = set(order)
    return [next(ordered) if pid in mine else pid for pid in current]


def move_in_lineup(session: Session, stream_id: int, product_id: int, new_index: int) -> int:
    """Move one product to `new_index` (clamped); returns its old index so undo can move it back."""
    items = _ordered(session, stream_id)
    old = next((i for i, item in enumerate(items) if item.product_id == product_id), None)
    if old is None:
        raise LineupError(translate("Messages", "This product is not on the stream's lineup."))
    item = items.pop(old)
    items.insert(max(0, min(new_index, len(items))), item)
    _renumber(items)
    session.flush()
    return old


def item_values(session: Session, stream_id: int, product_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The values (ITEM_FIELDS) of each of these products that is on the stream's lineup."""
    items = session.scalars(
        select(LineupItem).where(LineupItem.stream_id == stream_id, LineupItem.product_id.in_(list(product_ids)))
    )
    return {item.product_id: {name: getattr(item, name) for name in ITEM_FIELDS} for item in items}


def lineup_order(session: Session, stream_id: int) -> list[int]:
    """The product ids on the lineup, in order (LineupError when the stream was deleted)."""
    _stream(session, stream_id)
    return [item.product_id for item in _ordered(session, stream_id)]


def _refuse_changed(changed: bool) -> None:
    if changed:
        raise LineupChangedError(
            translate("Messages", "Someone else changed this stream's lineup after your change; nothing was changed.")
        )


def check_items(session: Session, stream_id: int, expected: Mapping[int, Mapping[str, Any]]) -> None:
    """Check that each product is still on the lineup with the values this app's last write left
    (`expected`: {product id: {field: value}}; only those fields are compared): LineupError when one is no
    longer on it, LineupChangedError when a value differs."""
    stored = item_values(session, stream_id, list(expected))
    if any(pid not in stored for pid in expected):
        raise LineupError(translate("Messages", "This product is not on the stream's lineup."))
    _refuse_changed(any(stored[pid][n] != v for pid, values in expected.items() for n, v in values.items()))


def check_order(session: Session, stream_id: int, expected: Sequence[int]) -> None:
    """LineupChangedError when the lineup's order (or its products) is not `expected`, as this app left it."""
    _refuse_changed(lineup_order(session, stream_id) != list(expected))


def set_lineup_values(session: Session, stream_id: int, product_id: int, **values: object) -> dict[str, Any]:
    """Set live price (None = the pool's price), welfare quantity, planned units or link number.

    Returns the previous values of the fields given, for undo (call again with them).
    """
    cleaned = clean_item_values(values)
    item = _item(session, stream_id, product_id)
    if cleaned.get("link_number") is not None:
        taken = session.scalar(
            select(LineupItem.product_id).where(
                LineupItem.stream_id == stream_id,
                LineupItem.link_number == cleaned["link_number"],
                LineupItem.product_id != product_id,
            )
        )
        if taken is not None:
            raise LineupError(
                translate("Messages", "Link number {0} is already used by another product here.").format(
                    cleaned["link_number"]
                )
            )
    previous = {name: getattr(item, name) for name in cleaned}
    for name, value in cleaned.items():
        setattr(item, name, value)
    session.flush()
    return previous


@dataclass(frozen=True)
class LineupRow:
    """One lineup line with the pool's data merged in: the price used is the stream's override, else the pool's."""

    item_id: int
    product_id: int
    position: int
    link_number: int | None
    sku: str
    name: str
    role: str
    live_price: Decimal | None  # the price used on this stream
    price_overridden: bool
    pool_price: Decimal | None
    cost: Decimal | None
    commission_rate: Decimal | None
    gross_margin: Decimal | None
    planned_units: int | None
    welfare_quantity: int | None
    stock: int | None
    safety_stock: int | None

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


def lineup_rows(session: Session, stream_id: int) -> list[LineupRow]:
    """The lineup in order, one query."""
    items = session.scalars(
        select(LineupItem)
        .options(joinedload(LineupItem.product))
        .where(LineupItem.stream_id == stream_id)
        .order_by(LineupItem.position, LineupItem.id)
    ).all()
    rows = []
    for item in items:
        product: Product = item.product
        price = item.live_price if item.live_price is not None else product.live_price
        rows.append(
            LineupRow(
                item_id=item.id,
                product_id=product.id,
                position=item.position,
                link_number=item.link_number,
                sku=product.sku,
                name=product.name,
                role=product.role,
                live_price=price,
                price_overridden=item.live_price is not None,
                pool_price=product.live_price,
                cost=product.cost,
                commission_rate=product.commission_rate,
                gross_margin=gross_margin(price, product.cost, product.commission_rate),
                planned_units=item.planned_units,
                welfare_quantity=item.welfare_quantity,
                stock=product.stock,
                safety_stock=product.safety_stock,
            )
        )
    return rows


@dataclass(frozen=True)
class StockWarning:
    product_id: int
    sku: str
    name: str
    kind: str  # no_stock, short_for_stream, welfare_over_stock, below_safety_stock
    message: str


@dataclass
class LineupSummary:
    """What the lineup adds up to: role mix, expected sales and margin, and stock problems."""

    item_count: int
    role_counts: dict[str, int]
    planned_units: int
    expected_gmv: Decimal  # Σ planned units × price
    expected_profit: Decimal | None  # Σ planned units × (price − cost − commission)
    expected_margin: Decimal | None  # profit / GMV over the items that have a cost and planned units
    items_without_plan: int  # no planned units (or no price): left out of the expectations
    items_without_cost: int  # no cost: left out of the margin
    stock_warnings: list[StockWarning] = field(default_factory=list)


def lineup_summary(session: Session, stream_id: int, rules: Rules | None = None) -> LineupSummary:
    """Role mix, expected margin weighted by planned units × price, and stock warnings per item."""
    rules = rules or Rules()
    rows = lineup_rows(session, stream_id)
    role_counts = {role.value: 0 for role in ProductRole}
    gmv = Decimal(0)
    margin_gmv = Decimal(0)
    profit = Decimal(0)
    units_total = 0
    without_plan = without_cost = 0
    warnings: list[StockWarning] = []
    for row in rows:
        role_counts[row.role] = role_counts.get(row.role, 0) + 1
        units = row.planned_units or 0
        units_total += units
        if not units or row.live_price is None:
            without_plan += 1
        else:
            revenue = row.live_price * units
            gmv += revenue
            if row.gross_margin is None:
                without_cost += 1
            else:
                margin_gmv += revenue
                profit += revenue * row.gross_margin
        warnings += _stock_warnings(row, rules)
    return LineupSummary(
        item_count=len(rows),
        role_counts=role_counts,
        planned_units=units_total,
        expected_gmv=gmv,
        expected_profit=profit.quantize(Decimal("0.01")) if margin_gmv else None,
        expected_margin=profit / margin_gmv if margin_gmv else None,
        items_without_plan=without_plan,
        items_without_cost=without_cost,
        stock_warnings=warnings,
    )


def _stock_warnings(row: LineupRow, rules: Rules) -> list[StockWarning]:
    found: list[StockWarning] = []

    def warn(kind: str, message: str) -> None:
        found.append(StockWarning(row.product_id, row.sku, row.name, kind, message))

    needed_units = max(row.planned_units or 0, row.welfare_quantity or 0)
    if row.stock is None:
        if needed_units:
            warn("no_stock", translate("Messages", "No stock entered for a product planned on this stream."))
        return found
    if row.planned_units:
        needed = rules.needed_stock(row.planned_units)
        if row.stock < needed:
            warn(
                "short_for_stream",
                translate("Messages", "Stock {0} is below the {1} planned units plus {2}% buffer ({3}).").format(
                    row.stock,
                    row.planned_units,
                    f"{(rules.stock_buffer * 100).normalize():f}",
                    needed.quantize(Decimal(1), "ROUND_CEILING"),
                ),
            )
    if row.welfare_quantity and row.stock < row.welfare_quantity:
        warn(
            "welfare_over_stock",
            translate("Messages", "Welfare quantity {0} is more than the stock of {1}.").format(
                row.welfare_quantity, row.stock
            ),
        )
    if row.safety_stock is not None and row.stock < row.safety_stock:
        warn(
            "below_safety_stock",
            translate("Messages", "Stock {0} is below the safety line of {1}.").format(row.stock, row.safety_stock),
        )
    return found


def lineup_counts(session: Session, stream_ids: Sequence[int]) -> dict[int, int]:
    """Number of products per stream (for the schedule's list), one query."""
    if not stream_ids:
        return {}
    query = (
        select(LineupItem.stream_id, func.count())
        .where(LineupItem.stream_id.in_(list(stream_ids)))
        .group_by(LineupItem.stream_id)
    )
    return {sid: n for sid, n in session.execute(query)}
