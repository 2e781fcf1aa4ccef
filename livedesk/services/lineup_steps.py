"""The lineup editor's undoable actions, each one unit of work (one transaction) on the database.

The undo commands (ui/products/commands.py) call one of these for each redo and each undo. Each step names
what it expects (the values or order the user saw, or that the last step left) and returns what it left; a
teammate's change in between is refused (LineupChangedError, a ConcurrentEditError) and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from livedesk.services import lineups, products
from livedesk.services.db import Database

Values = dict[int, dict[str, Any]]  # {product id: the item's values (`lineups.item_values`)}


@dataclass(frozen=True)
class StoredLineup:
    """The lineup as stored now, for a conflict dialog."""

    order: list[int]  # product ids in lineup order
    values: Values  # of the products asked for
    names: dict[int, str]  # of those products, the lineup's and the others asked for
    title: str  # the stream's ("—" when it was deleted)


def stored_lineup(db: Database, stream_id: int, product_ids: Sequence[int] = (), *, on_lineup: bool = False,
                  names_of: Iterable[int] = ()) -> StoredLineup:
    """What the lineup holds now. With `on_lineup`, a product of `product_ids` taken off meanwhile is a
    LineupError."""
    with db.session() as session:
        if on_lineup:
            lineups.check_items(session, stream_id, {pid: {} for pid in product_ids})
        order = lineups.lineup_order(session, stream_id)
        values = lineups.item_values(session, stream_id, list(product_ids)) if product_ids else {}
        names = products.product_names(session, [*product_ids, *order, *names_of])
        return StoredLineup(order, values, names, lineups.stream_title(session, stream_id) or "—")


def add(db: Database, stream_id: int, product_ids: Sequence[int]) -> tuple[list[int], Values]:
    """Put the products on the lineup (those already on it are left alone): the ones added and their values."""
    with db.session() as session:
        on = {r.product_id for r in lineups.lineup_rows(session, stream_id)}
        added = [pid for pid in product_ids if pid not in on]
        for pid in added:
            lineups.add_to_lineup(session, stream_id, pid)
        return added, lineups.item_values(session, stream_id, added)


def take_off(db: Database, stream_id: int, product_ids: Sequence[int],
             expected: Mapping[int, Mapping[str, Any]] | None) -> tuple[list[dict[str, Any]], Values]:
    """Take the products off the lineup if their values are still `expected`: what `put_back` restores, and
    the values left (see `lineups.item_values`)."""
    with db.session() as session:
        if expected is not None:
            lineups.check_items(session, stream_id, expected)
        saved = [lineups.remove_from_lineup(session, stream_id, pid) for pid in product_ids]
        return saved, lineups.item_values(session, stream_id, list(product_ids))


def put_back(db: Database, stream_id: int, saved: Sequence[Mapping[str, Any]], product_ids: Sequence[int]) -> Values:
    """Put taken-off products back in their places: their values."""
    with db.session() as session:
        for item in sorted(saved, key=lambda s: s["position"]):
            lineups.restore_lineup_item(session, item)
        return lineups.item_values(session, stream_id, list(product_ids))


def reorder(db: Database, stream_id: int, wanted: Sequence[int], expected: Sequence[int]) -> list[int]:
    """Put the lineup in the `wanted` order if it is still `expected` (products added since keep their place,
    ones taken off are skipped): the order left."""
    with db.session() as session:
        lineups.check_order(session, stream_id, expected)
        lineups.reorder_lineup(session, stream_id, lineups.arrange(wanted, expected))
        return lineups.lineup_order(session, stream_id)


def set_values(db: Database, stream_id: int, product_id: int, values: Mapping[str, object],
               expected: Mapping[str, Any] | None) -> tuple[dict[str, object], dict[str, Any]]:
    """Live price, welfare quantity, planned units or link number of one item, if its values are still
    `expected`: the previous values of the fields it set, and those fields as stored now."""
    with db.session() as session:
        if expected is not None:
            lineups.check_items(session, stream_id, {product_id: expected})
        previous = lineups.set_lineup_values(session, stream_id, product_id, **values)
        stored = lineups.item_values(session, stream_id, [product_id])[product_id]
        return previous, {name: stored[name] for name in previous}
