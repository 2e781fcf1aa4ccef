"""Undoable product-pool and lineup edits. Each redo/undo is one unit of work on the database.

`changed(ids)` tells the tab what to refresh: a list of product ids, or None for everything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select

from livedesk.models import Product
from livedesk.services import lineups, products
from livedesk.services.db import Database
from livedesk.services.importers.product_sheet import ImportResult, ProductSheetPreview, apply_import
from livedesk.ui.undo import DbCommand

Changed = Callable[[list[int] | None], None]


class _Command(DbCommand):
    def __init__(self, db: Database, text: str, changed: Changed):
        super().__init__(text)
        self.db = db
        self.changed = changed


class EditProduct(_Command):
    """One field of one product (an inline edit). The first redo refuses if a teammate saved in between."""

    def __init__(self, db, product_id: int, field: str, old: object, new: object, version: int | None, text, changed):
        super().__init__(db, text, changed)
        self.product_id, self.field, self.old, self.new, self.version = product_id, field, old, new, version

    def _redo(self) -> None:
        with self.db.session() as session:
            products.update_product(session, self.product_id, {self.field: self.new}, expected_version=self.version)
        self.version = None
        self.changed([self.product_id])

    def undo(self) -> None:
        with self.db.session() as session:
            products.update_product(session, self.product_id, {self.field: self.old})
        self.changed([self.product_id])


class CreateProduct(_Command):
    def __init__(self, db, fields: dict[str, object], text, changed):
        super().__init__(db, text, changed)
        self.fields = fields
        self.product_id: int | None = None
        self.snapshot: dict[str, Any] | None = None

    def _redo(self) -> None:
        with self.db.session() as session:
            if self.snapshot is None:
                product = products.create_product(session, self.fields)
            else:
                product = products.restore_product(session, self.snapshot)
            session.flush()
            self.product_id = product.id
        self.changed([self.product_id])

    def undo(self) -> None:
        assert self.product_id is not None
        with self.db.session() as session:
            self.snapshot = products.delete_product(session, self.product_id)
        self.changed(None)


class BulkEdit(_Command):
    """Role, supplier, category or qualification of many products; undo puts each one's old value back."""

    def __init__(self, db, ids: Sequence[int], field: str, value: object, text, changed):
        super().__init__(db, text, changed)
        self.ids, self.field, self.value = list(ids), field, value
        self.previous: dict[int, object] = {}

    def _redo(self) -> None:
        with self.db.session() as session:
            self.previous = products.bulk_update(session, self.ids, self.field, self.value)
        self.changed(self.ids)

    def undo(self) -> None:
        with self.db.session() as session:
            products.bulk_set_values(session, self.field, self.previous)
        self.changed(self.ids)


class DeleteProducts(_Command):
    """Delete products with their points, FAQ, documents and lineup rows; undo restores all of it."""

    def __init__(self, db, ids: Sequence[int], text, changed):
        super().__init__(db, text, changed)
        self.ids = list(ids)
        self.snapshots: list[dict[str, Any]] = []

    def _redo(self) -> None:
        with self.db.session() as session:
            self.snapshots = products.delete_products(session, self.ids)
        self.changed(None)

    def undo(self) -> None:
        with self.db.session() as session:
            restored = [products.restore_product(session, snap) for snap in self.snapshots]
            session.flush()
            self.ids = [p.id for p in restored]
        self.changed(None)


class ProductChange(_Command):
    """Any change to one product and its children (selling points, FAQ, notes, documents, photo).

    The first redo runs `action(session)`; the product is snapshotted before and after, so undo and
    later redos restore a snapshot instead of repeating the action (no second copy of a file).
    """

    def __init__(self, db, product_id: int, action: Callable[[Any], None], text, changed):
        super().__init__(db, text, changed)
        self.product_id, self.action = product_id, action
        self.before: dict[str, Any] | None = None
        self.after: dict[str, Any] | None = None

    def _redo(self) -> None:
        with self.db.session() as session:
            if self.after is None:
                self.before = products.snapshot_product(session, self.product_id)
                self.action(session)
                session.flush()
                self.after = products.snapshot_product(session, self.product_id)
            else:
                products.restore_product(session, self.after)
        self.changed([self.product_id])

    def undo(self) -> None:
        assert self.before is not None
        with self.db.session() as session:
            products.restore_product(session, self.before)
        self.changed([self.product_id])


class ImportProducts(_Command):
    """Apply a previewed 选品表 (optionally without its bad rows); undo deletes what it created and
    puts back what it updated."""

    def __init__(self, db, preview: ProductSheetPreview, exclude_bad: bool, text, changed):
        super().__init__(db, text, changed)
        self.preview, self.exclude_bad = preview, exclude_bad
        self.result: ImportResult | None = None
        self.snapshots: list[dict[str, Any]] = []

    def _redo(self) -> None:
        with self.db.session() as session:
            skus = [item.sku for item in self.preview.good]
            existing: list[int] = []
            for start in range(0, len(skus), 500):
                existing += session.scalars(select(Product.id).where(Product.sku.in_(skus[start : start + 500])))
            before = {pid: products.snapshot_product(session, pid) for pid in existing}
            self.result = apply_import(session, self.preview, exclude_bad=self.exclude_bad)
            self.snapshots = [before[pid] for pid in self.result.updated_ids if pid in before]
        self.changed(None)

    def undo(self) -> None:
        assert self.result is not None
        with self.db.session() as session:
            for pid in self.result.created_ids:
                products.delete_product(session, pid)
            for snap in self.snapshots:
                products.restore_product(session, snap)
        self.changed(None)


class AddToLineup(_Command):
    def __init__(self, db, stream_id: int, product_ids: Sequence[int], text, changed):
        super().__init__(db, text, changed)
        self.stream_id, self.product_ids = stream_id, list(product_ids)
        self.added: list[int] = []

    def _redo(self) -> None:
        with self.db.session() as session:
            on = {r.product_id for r in lineups.lineup_rows(session, self.stream_id)}
            self.added = [pid for pid in self.product_ids if pid not in on]
            for pid in self.added:
                lineups.add_to_lineup(session, self.stream_id, pid)
        self.changed(self.added)

    def undo(self) -> None:
        with self.db.session() as session:
            for pid in self.added:
                lineups.remove_from_lineup(session, self.stream_id, pid)
        self.changed(self.added)


class RemoveFromLineup(_Command):
    def __init__(self, db, stream_id: int, product_ids: Sequence[int], text, changed):
        super().__init__(db, text, changed)
        self.stream_id, self.product_ids = stream_id, list(product_ids)
        self.saved: list[dict[str, Any]] = []

    def _redo(self) -> None:
        with self.db.session() as session:
            self.saved = [lineups.remove_from_lineup(session, self.stream_id, pid) for pid in self.product_ids]
        self.changed(self.product_ids)

    def undo(self) -> None:
        with self.db.session() as session:
            for saved in sorted(self.saved, key=lambda s: s["position"]):
                lineups.restore_lineup_item(session, saved)
        self.changed(self.product_ids)


class ReorderLineup(_Command):
    """A new order for the whole lineup (move up/down, drag and drop); undo restores the old order."""

    def __init__(self, db, stream_id: int, before: Sequence[int], after: Sequence[int], text, changed):
        super().__init__(db, text, changed)
        self.stream_id, self.before, self.after = stream_id, list(before), list(after)

    def _redo(self) -> None:
        with self.db.session() as session:
            lineups.reorder_lineup(session, self.stream_id, self.after)
        self.changed([])

    def undo(self) -> None:
        with self.db.session() as session:
            lineups.reorder_lineup(session, self.stream_id, self.before)
        self.changed([])


class SetLineupValues(_Command):
    """Live price, welfare quantity, planned units or link number of one lineup item."""

    def __init__(self, db, stream_id: int, product_id: int, values: dict[str, object], text, changed):
        super().__init__(db, text, changed)
        self.stream_id, self.product_id, self.values = stream_id, product_id, values
        self.previous: dict[str, object] = {}

    def _redo(self) -> None:
        with self.db.session() as session:
            self.previous = lineups.set_lineup_values(session, self.stream_id, self.product_id, **self.values)
        self.changed([self.product_id])

    def undo(self) -> None:
        with self.db.session() as session:
            lineups.set_lineup_values(session, self.stream_id, self.product_id, **self.previous)
        self.changed([self.product_id])
