"""Undoable product-pool and lineup edits. Each redo/undo is one unit of work on the database.

`changed(ids)` tells the tab what to refresh: a list of product ids, or None for everything.

Team mode: the first redo of an edit, a bulk edit, a detail-panel change or a delete carries the versions
the user saw and is refused (ProductChangedError) when a teammate saved in between; the tab shows the
conflict dialog. Every undo and later redo compares only what it writes with what this command's last step
left there (see `conflict_dialog.CheckedCommand`) and asks through `on_conflict` instead of writing over a
teammate's change; the app's own other writes (an import, another edit of the same product) are no conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from livedesk.services import lineup_steps, lineups, product_steps, products
from livedesk.services.db import Database
from livedesk.services.errors import StaleRowError
from livedesk.services.importers.product_sheet import ImportResult, ProductSheetPreview
from livedesk.ui.conflict_dialog import (
    CheckedCommand,
    ReplayConflict,
    deletion_rows,
    lineup_conflict_rows,
    lineup_order_row,
    product_conflict_rows,
)

Changed = Callable[[list[int] | None], None]
Values = dict[int, dict[str, Any]]  # {product id: {name: value}}, names and values as in `products.product_state`


class _Command(CheckedCommand):
    """A step on products. `left` holds what its last write left in the fields and children it writes (all
    of a product's content when it deletes it next); the next undo or redo expects them still there.

    Subclasses give `_first()`, `_step(undoing, expected)` (write the step through one service function of
    livedesk.services.product_steps; returns what it left) and `_target(undoing)` (what the step writes to each
    product of `left`, None when it deletes it: for the conflict dialog)."""

    conflict_errors = (products.ProductChangedError, StaleRowError)

    def __init__(self, db: Database, text: str, changed: Changed, refresh: list[int] | None = None):
        super().__init__(text)
        self.db = db
        self.changed = changed
        self.refresh = refresh  # the products to refresh after each step (None: everything)
        self.left: Values = {}

    def _dropped(self) -> None:
        self.changed(self.refresh)

    def _expected(self, undoing: bool) -> Values:
        return self.left

    def _write(self, undoing: bool, expected: Values) -> None:
        self.left = self._step(undoing, expected)
        self.changed(self.refresh)

    def _conflicts(self, undoing: bool) -> tuple[list[ReplayConflict], Values]:
        """Each product of the step someone else changed since this command's last write: theirs beside what
        the step writes (or deletes); and what is stored now, which going ahead expects."""
        target = self._target(undoing)
        states = product_steps.stored_states(self.db, list(self.left))  # deleted meanwhile: ProductNotFoundError
        conflicts, now = [], {}
        for pid, left in self.left.items():
            theirs = states[pid]
            now[pid] = {name: theirs[name] for name in left}
            if now[pid] == left:
                continue
            mine = target.get(pid)
            if mine is None:
                rows = deletion_rows(product_conflict_rows(None, {**theirs, **left}, theirs))
            else:
                rows = product_conflict_rows({**theirs, **left}, {**theirs, **mine}, theirs)
            if rows:
                conflicts.append(ReplayConflict(theirs["name"], rows, deleting=mine is None))
        return conflicts, now

    def _step(self, undoing: bool, expected: Values) -> Values:
        raise NotImplementedError

    def _target(self, undoing: bool) -> dict[int, dict[str, Any] | None]:
        raise NotImplementedError


class EditProduct(_Command):
    """One field of one product (an inline edit). The first redo refuses if a teammate saved after the table
    showed the row; undo and later redos ask if one changed this field since (see _Command)."""

    def __init__(self, db, product_id: int, field: str, old: object, new: object, version: int | None, text, changed):
        super().__init__(db, text, changed, [product_id])
        self.product_id, self.field, self.old, self.new, self.version = product_id, field, old, new, version

    def _first(self) -> None:
        self.left = product_steps.edit_field(self.db, self.product_id, self.field, self.new, version=self.version)
        self.new = self.left[self.product_id][self.field]  # as stored (cleaned)
        self.changed(self.refresh)

    def _target(self, undoing: bool) -> dict[int, dict[str, Any] | None]:
        return {self.product_id: {self.field: self.old if undoing else self.new}}

    def _step(self, undoing, expected):
        return product_steps.edit_field(self.db, self.product_id, self.field, self.old if undoing else self.new,
                                        expected=expected)


class BulkEdit(_Command):
    """Role, supplier, category or qualification of many products; undo puts each one's old value back.

    With `versions` ({id: the version the user saw}) the first redo refuses when a teammate saved any of them
    since. Undo and later redos write the one field of the products it changed, and ask when someone else
    changed that field of any of them since. (Without versions the first redo is last writer wins.)
    """

    def __init__(self, db, ids: Sequence[int], field: str, value: object, text, changed,
                 versions: dict[int, int] | None = None):
        super().__init__(db, text, changed, list(ids))
        self.ids, self.field, self.value = list(ids), field, value
        self.versions = versions
        self.previous: dict[int, object] = {}  # the products' values before the edit (the ones it changed)
        self.written: object = value  # the value as stored (cleaned)

    def _first(self) -> None:
        self.previous, self.written, self.left = product_steps.bulk_edit(self.db, self.ids, self.field, self.value,
                                                                         self.versions)
        self.changed(self.refresh)

    def _target(self, undoing: bool) -> dict[int, dict[str, Any] | None]:
        return {pid: {self.field: old if undoing else self.written} for pid, old in self.previous.items()}

    def _step(self, undoing, expected):
        values = {pid: old if undoing else self.written for pid, old in self.previous.items()}
        return product_steps.bulk_set(self.db, self.field, values, expected)


class ProductChange(_Command):
    """A detail-panel change to one product and its children (selling points, FAQ, notes, documents, photo).

    The first redo makes `edit` (plain values, see `product_steps.DetailEdit`); the product is snapshotted
    before and after, so undo and later redos put back the parts that changed instead of making the edit again
    (no second copy of a file).

    With `version` (the version the detail panel showed) the first redo refuses when a teammate saved the
    product since; `seen` (the `products.product_state` shown) and `change` (that state → the state with
    this change made, e.g. one more document) are for the conflict dialog. Undo and later redos write only
    the parts this change changed and ask when someone else changed one of them since (see _Command).
    """

    def __init__(self, db, product_id: int, edit: product_steps.DetailEdit, text, changed,
                 version: int | None = None, seen: dict[str, Any] | None = None,
                 change: Callable[[dict[str, Any]], dict[str, Any]] | None = None):
        super().__init__(db, text, changed, [product_id])
        self.product_id, self.edit = product_id, edit
        self.version, self.seen, self.change = version, seen, change
        self.before: dict[str, Any] = {}
        self.after: dict[str, Any] = {}
        self.parts: set[str] = set()

    def _first(self) -> None:
        self.before, self.after, self.parts, self.left = product_steps.change(self.db, self.product_id, self.edit,
                                                                              self.version)
        self.changed(self.refresh)

    def _target(self, undoing: bool) -> dict[int, dict[str, Any] | None]:
        state = products.snapshot_state(self.before if undoing else self.after)
        return {self.product_id: {name: state[name] for name in self.parts}}

    def _step(self, undoing, expected):
        return product_steps.apply_change(self.db, self.product_id, self.before if undoing else self.after,
                                          self.parts, expected)


class _Deletion(_Command):
    """Deletes products one way and puts them back the other. Deleting again (a redo of a delete, the undo
    of a create) expects every field and child as this command's last step left them and asks when someone
    else changed any: the delete would throw their work away. One someone else already deleted ends the
    step with nothing written (AlreadyDeleted)."""

    deletes_on_undo = False

    def __init__(self, db, text, changed):
        super().__init__(db, text, changed)
        self.ids: list[int] = []
        self.snapshots: list[dict[str, Any]] = []  # as deleted: what the next step restores

    def _target(self, undoing: bool) -> dict[int, dict[str, Any] | None]:
        return {pid: None for pid in self.left} if undoing == self.deletes_on_undo else {}

    def _step(self, undoing, expected):
        if undoing == self.deletes_on_undo:
            self.snapshots = product_steps.delete(self.db, self.ids, expected=expected)
            return {}
        self.ids, left = product_steps.restore(self.db, self.snapshots, expected)
        return left


class CreateProduct(_Deletion):
    """A new product; undo deletes it (asking when someone else changed it since) and redo puts it back."""

    deletes_on_undo = True

    def __init__(self, db, fields: dict[str, object], text, changed):
        super().__init__(db, text, changed)
        self.fields = fields

    @property
    def product_id(self) -> int | None:
        return self.ids[0] if self.ids else None

    def _first(self) -> None:
        product_id, self.left = product_steps.create(self.db, self.fields)
        self.ids = [product_id]
        self.changed(self.ids)


class DeleteProducts(_Deletion):
    """Delete products with their points, FAQ, documents and lineup rows; undo restores all of it.

    With `versions` ({id: the version the user saw}) the delete refuses when a teammate saved any of them
    since; one already deleted is a ProductNotFoundError. Nothing is deleted then. A redo after undo asks
    when someone else changed one since the undo put it back.
    """

    def __init__(self, db, ids: Sequence[int], text, changed, versions: dict[int, int] | None = None):
        super().__init__(db, text, changed)
        self.ids = list(ids)
        self.versions = versions

    def _first(self) -> None:
        self.snapshots = product_steps.delete(self.db, self.ids, self.versions)
        self.changed(None)


class ImportProducts(_Command):
    """Apply a previewed 选品表 (optionally without its bad rows); undo deletes what it created and puts back
    the fields and children it changed in the products it updated; redo restores and changes them again.
    Both ask when someone else changed what they write since (or a created product, which undo deletes)."""

    def __init__(self, db, preview: ProductSheetPreview, exclude_bad: bool, text, changed):
        super().__init__(db, text, changed)
        self.preview, self.exclude_bad = preview, exclude_bad
        self.result: ImportResult | None = None
        self.created: list[int] = []
        self.updates: dict[int, product_steps.Update] = {}  # id: (before, after, parts)
        self.snapshots: list[dict[str, Any]] = []  # the created products as the undo deleted them

    def _first(self) -> None:
        self.result, self.created, self.updates, self.left = product_steps.import_sheet(self.db, self.preview,
                                                                                        self.exclude_bad)
        self.changed(None)

    def _target(self, undoing: bool) -> dict[int, dict[str, Any] | None]:
        target: dict[int, dict[str, Any] | None] = {}
        for pid, (before, after, parts) in self.updates.items():
            state = products.snapshot_state(before if undoing else after)
            target[pid] = {name: state[name] for name in parts}
        return {**target, **{pid: None for pid in self.created if undoing}}

    def _step(self, undoing, expected):
        self.created, self.snapshots, left = product_steps.import_step(self.db, undoing, self.created, self.snapshots,
                                                                       self.updates, expected)
        return left


# --- lineups ------------------------------------------------------------------------------------------------


class _LineupCommand(CheckedCommand):
    """A step on one stream's lineup; `left` is what its last write left (values or order), which the next
    undo or redo expects (see `lineups.check_items`, `lineups.check_order`)."""

    conflict_errors = (lineups.LineupChangedError,)

    def __init__(self, db: Database, stream_id: int, product_ids: Sequence[int], text: str, changed: Changed):
        super().__init__(text)
        self.db, self.stream_id, self.changed = db, stream_id, changed
        self.product_ids = list(product_ids)
        self.left: Any = None

    def _dropped(self) -> None:
        self.changed(None)

    def _expected(self, undoing: bool) -> Any:
        return self.left


class _LineupItems(_LineupCommand):
    """Takes products off the lineup one way and puts them back the other. Taking them off again expects
    their values as this command's last step left them and asks when someone else changed any."""

    removes_on_undo = False

    def __init__(self, db, stream_id, product_ids, text, changed):
        super().__init__(db, stream_id, product_ids, text, changed)
        self.saved: list[dict[str, Any]] = []  # as taken off: what the next step puts back
        self.left: dict[int, dict[str, Any]] = {}

    def _write(self, undoing: bool, expected: Any) -> None:
        if undoing == self.removes_on_undo:
            self.saved, self.left = lineup_steps.take_off(self.db, self.stream_id, self.product_ids, expected)
        else:
            self.left = lineup_steps.put_back(self.db, self.stream_id, self.saved, self.product_ids)
        self.changed(self.product_ids)

    def _conflicts(self, undoing: bool) -> tuple[list[ReplayConflict], Any]:
        stored = lineup_steps.stored_lineup(self.db, self.stream_id, list(self.left), on_lineup=True)  # one taken off:
        theirs, names = stored.values, stored.names  # LineupError
        conflicts = [
            ReplayConflict(names.get(pid, "—"), deletion_rows(lineup_conflict_rows(None, left, theirs[pid])), True)
            for pid, left in self.left.items() if theirs[pid] != left
        ]
        return conflicts, theirs


class AddToLineup(_LineupItems):
    removes_on_undo = True

    def _first(self) -> None:
        self.product_ids, self.left = lineup_steps.add(self.db, self.stream_id, self.product_ids)
        self.changed(self.product_ids)


class RemoveFromLineup(_LineupItems):
    """With `seen` ({product id: the values (`lineups.item_values`) its row showed}) the first redo refuses
    (LineupChangedError) when someone else changed one of them since; nothing is taken off then."""

    def __init__(self, db, stream_id, product_ids, text, changed, seen: Values | None = None):
        super().__init__(db, stream_id, product_ids, text, changed)
        self.seen = seen

    def _first(self) -> None:
        self.saved, _ = lineup_steps.take_off(self.db, self.stream_id, self.product_ids, self.seen)
        self.changed(self.product_ids)


class ReorderLineup(_LineupCommand):
    """A new order for the whole lineup (move up/down, drag and drop); undo restores the old order. The first
    redo refuses (LineupChangedError) when the lineup is no longer `before`, the order the view showed; undo
    and later redos ask when the order is no longer the one this command left. Going ahead puts the step's
    order on the products on the lineup now (`lineups.arrange`): one added since keeps its place, one taken
    off is skipped."""

    def __init__(self, db, stream_id: int, before: Sequence[int], after: Sequence[int], text, changed):
        super().__init__(db, stream_id, [], text, changed)
        self.before, self.after = list(before), list(after)

    def _first(self) -> None:
        self._write(False, self.before)

    def _write(self, undoing: bool, expected: Any) -> None:
        self.left = lineup_steps.reorder(self.db, self.stream_id, self.before if undoing else self.after, expected)
        self.changed([])

    def _conflicts(self, undoing: bool) -> tuple[list[ReplayConflict], Any]:
        stored = lineup_steps.stored_lineup(self.db, self.stream_id, names_of=[*self.before, *self.after])
        theirs, names, title = stored.order, stored.names, stored.title
        mine = lineups.arrange(self.before if undoing else self.after, theirs)
        row = lineup_order_row([names.get(pid, "—") for pid in mine], [names.get(pid, "—") for pid in theirs])
        return [ReplayConflict(title, [row])], theirs


class SetLineupValues(_LineupCommand):
    """Live price, welfare quantity, planned units or link number of one lineup item. With `seen` (the item's
    values as its row showed them, `lineups.item_values`) the first redo refuses (LineupChangedError) when
    someone else changed one since. Undo and later redos ask when someone else changed one of these values
    since this command's last write."""

    def __init__(self, db, stream_id: int, product_id: int, values: dict[str, object], text, changed,
                 seen: dict[str, Any] | None = None):
        super().__init__(db, stream_id, [product_id], text, changed)
        self.product_id, self.values, self.seen = product_id, values, seen
        self.previous: dict[str, object] = {}
        self.left: dict[str, Any] = {}

    def _first(self) -> None:
        lineups.clean_item_values(self.values)  # bad input says so before any conflict
        self.previous, self.left = lineup_steps.set_values(self.db, self.stream_id, self.product_id, self.values,
                                                           self.seen)
        self.values = dict(self.left)  # as stored (cleaned)
        self.changed([self.product_id])

    def _write(self, undoing: bool, expected: Any) -> None:
        _, self.left = lineup_steps.set_values(self.db, self.stream_id, self.product_id,
                                               self.previous if undoing else self.values, expected)
        self.changed([self.product_id])

    def _conflicts(self, undoing: bool) -> tuple[list[ReplayConflict], Any]:
        stored = lineup_steps.stored_lineup(self.db, self.stream_id, [self.product_id], on_lineup=True)  # taken
        theirs, product = stored.values[self.product_id], stored.names.get(self.product_id, "—")  # off: LineupError
        mine = self.previous if undoing else self.values
        rows = lineup_conflict_rows({**theirs, **self.left}, {**theirs, **mine}, theirs)
        return ([ReplayConflict(product, rows)] if rows else []), {name: theirs[name] for name in self.left}
