"""Undoable product-pool and lineup edits. Each redo/undo is one unit of work on the database.

`changed(ids)` tells the tab what to refresh: a list of product ids, or None for everything.

Team mode: the first redo of an edit, a bulk edit, a detail-panel change or a delete carries the versions
the user saw and is refused (ProductChangedError) when a teammate saved in between; the tab shows the
conflict dialog. Their undo and later redos expect the versions this app's last writes left (see
`conflict_dialog.CheckedCommand`) and ask through `on_conflict` instead of writing over a later save.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from livedesk.models import Product
from livedesk.services import lineups, products
from livedesk.services.db import Database
from livedesk.services.importers.product_sheet import ImportResult, ProductSheetPreview, apply_import
from livedesk.ui.conflict_dialog import CheckedCommand, version_log

Changed = Callable[[list[int] | None], None]


@dataclass
class ProductConflict:
    """One product an undo, redo or delete finds changed by someone else: `base` as this app's last write
    left it (as the user saw it, for a delete), `mine` what the step would write, `theirs` as stored now
    (each a `products.product_state` dict)."""

    name: str
    base: dict[str, Any]
    mine: dict[str, Any]
    theirs: dict[str, Any]
    deleting: bool = False


class _Command(CheckedCommand):
    conflict_errors = (products.ProductChangedError, StaleDataError)

    def __init__(self, db: Database, text: str, changed: Changed):
        super().__init__(text)
        self.db = db
        self.changed = changed

    def _dropped(self) -> None:
        self.changed(None)

    def _log_versions(self, before: dict[int, int], after: dict[int, int]) -> None:
        log = version_log(self.db)
        for pid, version in after.items():
            log.record(("product", pid), before.get(pid), version)

    def _latest(self, versions: dict[int, int] | None) -> dict[int, int] | None:
        """Where this app's own writes since left each product (None: the step carries no versions)."""
        if versions is None:
            return None
        log = version_log(self.db)
        return {pid: log.latest(("product", pid), version) for pid, version in versions.items()}  # type: ignore[misc]


class _OneProduct(_Command):
    """A change to one product that remembers the version (`version`) and state (`left`) its last write left."""

    product_id: int
    version: int | None  # the version the user saw; after each write, the version that write left
    left: dict[str, Any] | None = None  # the product's state after this command's last write

    def _dropped(self) -> None:
        self.changed([self.product_id])

    def _checked_write(self, expected: int | None, write: Callable[[Session], Any]) -> None:
        with self.db.session() as session:
            product = products.check_version(session, self.product_id, expected)
            before = product.version
            write(session)
            session.flush()
            self.left = products.product_state(session, self.product_id)
        self._log_versions({self.product_id: before}, {self.product_id: self.left["version"]})
        self.version = self.left["version"]
        self.changed([self.product_id])

    def _target(self, undoing: bool) -> dict[str, Any]:
        """The fields and children (as in `products.product_state`) that the undo or redo writes."""
        raise NotImplementedError

    def _expected(self) -> int | None:
        return version_log(self.db).latest(("product", self.product_id), self.version)

    def _conflicts(self, undoing: bool, state: Any) -> tuple[list[ProductConflict], int]:
        assert self.left is not None
        with self.db.session() as session:
            theirs = products.product_state(session, self.product_id)
            name = products.get_product(session, self.product_id).name
        mine = {**self.left, **self._target(undoing)}
        return [ProductConflict(name, self.left, mine, theirs)], theirs["version"]


class EditProduct(_OneProduct):
    """One field of one product (an inline edit). The first redo refuses if a teammate saved after the table
    showed the row; undo and later redos refuse if one saved after this app's last write (see _Command)."""

    def __init__(self, db, product_id: int, field: str, old: object, new: object, version: int | None, text, changed):
        super().__init__(db, text, changed)
        self.product_id, self.field, self.old, self.new, self.version = product_id, field, old, new, version
        self.written: object = new  # the value as stored (cleaned) after the first redo
        self.applied = False

    def _redo(self) -> None:
        if self.applied:
            self._replay(undoing=False)
            return
        self._write(False, self.version)
        assert self.left is not None
        self.written = self.left[self.field]
        self.applied = True

    def undo(self) -> None:
        self._replay(undoing=True)

    def _target(self, undoing: bool) -> dict[str, Any]:
        return {self.field: self.old if undoing else (self.written if self.applied else self.new)}

    def _write(self, undoing: bool, state: Any) -> None:
        value = self._target(undoing)[self.field]
        self._checked_write(state, lambda session: products.update_product(session, self.product_id, {self.field: value}))


class CreateProduct(_Command):
    """A new product; undo deletes it. (That delete is not version-checked yet: a teammate's edits of the new
    product in between go with it, and come back with the redo.)"""

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
    """Role, supplier, category or qualification of many products; undo puts each one's old value back.

    With `versions` ({id: the version the user saw}) the first redo refuses when a teammate saved any of them
    since; undo and later redos refuse when one saved after this app's last write. Only the one field is ever
    written, so going ahead after a conflict keeps their other changes. (Without versions: last writer wins.)
    """

    def __init__(self, db, ids: Sequence[int], field: str, value: object, text, changed,
                 versions: dict[int, int] | None = None):
        super().__init__(db, text, changed)
        self.ids, self.field, self.value = list(ids), field, value
        self.versions = versions  # after each write: the versions it left
        self.previous: dict[int, object] = {}
        self.written: object = value  # the value as stored (cleaned)
        self.applied = False

    def _dropped(self) -> None:
        self.changed(self.ids)

    def _bulk_write(self, write: Callable[[Session], Any]) -> Any:
        with self.db.session() as session:
            before = products.product_versions(session, self.ids)
            result = write(session)
            after = products.product_versions(session, self.ids)
        self._log_versions(before, after)
        if self.versions is not None:
            self.versions = after
        self.changed(self.ids)
        return result

    def _redo(self) -> None:
        if self.applied:
            self._replay(undoing=False)
            return
        self.written = products.clean_product_fields({self.field: self.value}, creating=False)[self.field]
        self.previous = self._bulk_write(
            lambda session: products.bulk_update(session, self.ids, self.field, self.value, self.versions)
        )
        self.applied = True

    def undo(self) -> None:
        self._replay(undoing=True)

    def _values(self, undoing: bool) -> dict[int, object]:
        return dict(self.previous) if undoing else {pid: self.written for pid in self.previous}

    def _expected(self) -> dict[int, int] | None:
        return self._latest(self.versions)

    def _write(self, undoing: bool, state: Any) -> None:
        values = self._values(undoing)
        self._bulk_write(lambda session: products.bulk_set_values(session, self.field, values, state))

    def _conflicts(self, undoing: bool, state: Any) -> tuple[list[ProductConflict], dict[int, int]]:
        """Each product someone else saved since: their version, and with this step's field as it would write it."""
        target, left = self._values(undoing), self._values(not undoing)
        conflicts = []
        with self.db.session() as session:
            stored = products.product_versions(session, list(self.previous))
            for pid in self.previous:
                if pid in stored and (state or {}).get(pid) != stored[pid]:
                    theirs = products.product_state(session, pid)
                    name = products.get_product(session, pid).name
                    conflicts.append(ProductConflict(name, {**theirs, self.field: left[pid], "version": (state or {}).get(pid)},
                                                     {**theirs, self.field: target[pid]}, theirs))
        return conflicts, {**(state or {}), **stored}


class DeleteProducts(_Command):
    """Delete products with their points, FAQ, documents and lineup rows; undo restores all of it.

    With `versions` ({id: the version the user saw}) the delete (and a redo after undo) refuses when a
    teammate saved any of them since; one already deleted is a ProductNotFoundError. Nothing is deleted then.
    """

    def __init__(self, db, ids: Sequence[int], text, changed, versions: dict[int, int] | None = None):
        super().__init__(db, text, changed)
        self.ids = list(ids)
        self.versions = versions
        self.snapshots: list[dict[str, Any]] = []
        self.applied = False

    def _redo(self) -> None:
        if self.applied:
            self._replay(undoing=False)
            return
        self._write(False, self.versions)
        self.applied = True

    def _write(self, undoing: bool, state: Any) -> None:
        with self.db.session() as session:
            self.snapshots = products.delete_products(session, self.ids, state)
        self.changed(None)

    def undo(self) -> None:
        try:
            with self.db.session() as session:
                restored = [products.restore_product(session, snap) for snap in self.snapshots]
                session.flush()
                self.ids = [p.id for p in restored]
                versions = {p.id: p.version for p in restored}  # as deleted: a restore keeps the version
        except Exception as exc:  # e.g. a teammate took the SKU meanwhile: nothing was restored
            self._drop(exc)
            return
        if self.versions is not None:
            self.versions = versions
        self.changed(None)

    def _expected(self) -> dict[int, int] | None:
        return self._latest(self.versions)

    def _conflicts(self, undoing: bool, state: Any) -> tuple[list[ProductConflict], dict[int, int]]:
        seen = {snap["id"]: products.snapshot_state(snap) for snap in self.snapshots}
        conflicts = []
        with self.db.session() as session:
            stored = products.product_versions(session, self.ids)
            for pid in self.ids:
                if pid in stored and pid in seen and (state or {}).get(pid) != stored[pid]:
                    theirs = products.product_state(session, pid)
                    name = products.get_product(session, pid).name
                    conflicts.append(ProductConflict(name, seen[pid], seen[pid], theirs, deleting=True))
        return conflicts, {**(state or {}), **stored}


class ProductChange(_OneProduct):
    """Any change to one product and its children (selling points, FAQ, notes, documents, photo).

    The first redo runs `action(session)`; the product is snapshotted before and after, so undo and
    later redos put back the parts that changed instead of repeating the action (no second copy of a file).

    With `version` (the version the detail panel showed) the first redo refuses when a teammate saved the
    product since; `seen` (the `products.product_state` shown) and `change` (that state → the state with
    this change made, e.g. one more document) are for the conflict dialog. Undo and later redos write only
    the parts this change changed and refuse when a teammate saved after this app's last write (see _Command).
    """

    def __init__(self, db, product_id: int, action: Callable[[Any], None], text, changed,
                 version: int | None = None, seen: dict[str, Any] | None = None,
                 change: Callable[[dict[str, Any]], dict[str, Any]] | None = None):
        super().__init__(db, text, changed)
        self.product_id, self.action = product_id, action
        self.version, self.seen, self.change = version, seen, change
        self.before: dict[str, Any] | None = None
        self.after: dict[str, Any] | None = None
        self.parts: set[str] = set()

    def _redo(self) -> None:
        if self.after is not None:
            self._replay(undoing=False)
            return
        snapshots: dict[str, dict[str, Any]] = {}

        def first(session) -> None:
            snapshots["before"] = products.snapshot_product(session, self.product_id)
            self.action(session)
            session.flush()
            snapshots["after"] = products.snapshot_product(session, self.product_id)

        self._checked_write(self.version, first)
        self.before, self.after = snapshots["before"], snapshots["after"]
        self.parts = products.changed_parts(self.before, self.after)

    def undo(self) -> None:
        assert self.before is not None
        self._replay(undoing=True)

    def _target(self, undoing: bool) -> dict[str, Any]:
        state = products.snapshot_state(self.before if undoing else self.after)  # type: ignore[arg-type]
        return {name: state[name] for name in self.parts}

    def _write(self, undoing: bool, state: Any) -> None:
        snapshot = self.before if undoing else self.after
        self._checked_write(state, lambda session: products.apply_parts(session, self.product_id, snapshot, self.parts))


class ImportProducts(_Command):
    """Apply a previewed 选品表 (optionally without its bad rows); undo deletes what it created and
    puts back what it updated. (Not version-checked yet: the undo puts back whole snapshots, last writer wins.)"""

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
