"""The product tab's undoable actions, each one unit of work (one transaction) on the database.

The undo commands (ui/products/commands.py) call one of these for each redo and each undo. The first redo
names the versions the user saw; every later step names what the last one left in the fields and children it
writes (`Values`, names and values as in `products.product_state`) and returns what it leaves. A teammate's
change in between is refused (ProductChangedError, a ConcurrentEditError) and nothing is written; deleting
again what a teammate already deleted is AlreadyDeleted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from livedesk.services import products
from livedesk.services.db import Database
from livedesk.services.errors import AlreadyDeleted
from livedesk.services.importers.product_sheet import ImportResult, ProductSheetPreview, apply_import

Values = dict[int, dict[str, Any]]  # {product id: {name: value}}
Snapshot = dict[str, Any]  # `products.snapshot_product`
Update = tuple[Snapshot, Snapshot, set[str]]  # an imported product's (before, after, the parts that changed)


def _left(session: Session, names: Mapping[int, Iterable[str]]) -> Values:
    """What this step left (as stored) in the `names` of each product."""
    session.flush()
    session.expire_all()
    states = products.product_states(session, names)
    return {pid: {name: states[pid][name] for name in parts} for pid, parts in names.items() if pid in states}


def _checked(session: Session, expected: Values, deleting: bool) -> dict[int, int]:
    """`products.check_states`; a product to be deleted that a teammate already deleted is AlreadyDeleted."""
    try:
        return products.check_states(session, expected)
    except products.ProductNotFoundError:
        if deleting:
            stored = products.product_versions(session, expected)
            raise AlreadyDeleted([expected[pid].get("name") or f"#{pid}" for pid in expected
                                  if pid not in stored]) from None
        raise


def stored_states(db: Database, product_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The products as stored now (`products.product_state`), for the conflict dialog; ProductNotFoundError
    when one was deleted meanwhile."""
    with db.session() as session:
        states = products.product_states(session, product_ids)
        for pid in product_ids:
            if pid not in states:
                products.get_product(session, pid)  # raises ProductNotFoundError
        return states


def edit_field(db: Database, product_id: int, field: str, value: object, *, version: int | None = None,
               expected: Values | None = None) -> Values:
    """One field of one product: the first time at the `version` the user saw, later (undo, redo) over what
    the last step left (`expected`)."""
    with db.session() as session:
        if expected is not None:
            _checked(session, expected, deleting=False)
        products.update_product(session, product_id, {field: value}, version)
        return _left(session, {product_id: [field]})


def bulk_edit(db: Database, product_ids: Sequence[int], field: str, value: object,
              versions: dict[int, int] | None) -> tuple[dict[int, object], object, Values]:
    """Role, supplier, category or qualification of many products: the old value of each product it changed,
    the value as stored (cleaned) and what it left."""
    written = products.clean_product_fields({field: value}, creating=False)[field]
    with db.session() as session:
        previous = products.bulk_update(session, product_ids, field, value, versions)
        previous = {pid: old for pid, old in previous.items() if old != written}
        return previous, written, _left(session, {pid: [field] for pid in previous})


def bulk_set(db: Database, field: str, values: Mapping[int, object], expected: Values) -> Values:
    """Undo or redo of a bulk edit: one field set per product, over what the last step left."""
    with db.session() as session:
        versions = _checked(session, expected, deleting=False)
        products.bulk_set_values(session, field, values, versions)
        return _left(session, {pid: [field] for pid in values})


@dataclass(frozen=True)
class DetailEdit:
    """What the detail panel changes in one product, as plain values: only the parts given (not None) change."""

    selling_points: tuple[tuple[str, str], ...] | None = None  # all of them, (point, how to demonstrate it)
    faqs: tuple[tuple[str, str], ...] | None = None  # all of them, (question, answer)
    notes: str | None = None
    photo: str | None = None  # a picture file, copied into the data folder as the product's photo
    add_document: str | None = None  # a quality report or licence file, copied into the data folder
    remove_document: int | None = None  # a document's id
    attachments: Path | None = None  # where files are copied (None: the data folder's attachments)


def _make(session: Session, product_id: int, edit: DetailEdit) -> None:
    if edit.selling_points is not None:
        products.replace_selling_points(session, product_id, list(edit.selling_points))
    if edit.faqs is not None:
        products.replace_faqs(session, product_id, list(edit.faqs))
    if edit.notes is not None:
        products.update_product(session, product_id, {"notes": edit.notes})
    if edit.photo is not None:
        products.set_photo(session, product_id, edit.photo, edit.attachments)
    if edit.add_document is not None:
        products.attach_document(session, product_id, edit.add_document, edit.attachments)
    if edit.remove_document is not None:
        products.remove_document(session, edit.remove_document)


def change(db: Database, product_id: int, edit: DetailEdit,
           version: int | None) -> tuple[Snapshot, Snapshot, set[str], Values]:
    """A detail-panel change to one product and its children, at the `version` the user saw: the snapshots
    before and after it, the parts it changed and what it left."""
    with db.session() as session:
        products.check_version(session, product_id, version)
        before = products.snapshot_product(session, product_id)
        _make(session, product_id, edit)
        session.flush()
        after = products.snapshot_product(session, product_id)
        parts = products.changed_parts(before, after)
        return before, after, parts, _left(session, {product_id: parts})


def apply_change(db: Database, product_id: int, snapshot: Snapshot, parts: set[str], expected: Values) -> Values:
    """Undo or redo of a `change`: put back `parts` of the snapshot over what the last step left."""
    with db.session() as session:
        _checked(session, expected, deleting=False)
        products.apply_parts(session, product_id, snapshot, parts)
        return _left(session, {product_id: parts})


def create(db: Database, fields: Mapping[str, object]) -> tuple[int, Values]:
    """A new product: its id and what was stored."""
    with db.session() as session:
        product_id = products.create_product(session, fields).id
        return product_id, _left(session, {product_id: products.STATE_NAMES})


def delete(db: Database, product_ids: Sequence[int], versions: dict[int, int] | None = None, *,
           expected: Values | None = None) -> list[Snapshot]:
    """Delete products with their points, FAQ, documents and lineup rows: the first time at the `versions`
    the user saw, later over what the last step left (`expected`). The snapshots that `restore` puts back."""
    with db.session() as session:
        if expected is not None:
            versions = _checked(session, expected, deleting=True)
        return products.delete_products(session, product_ids, versions)


def _restore(session: Session, snapshots: Sequence[Snapshot]) -> list[int]:
    """Put deleted products back (refused when, say, a teammate took one's SKU); their ids (a restore may
    give one a new id)."""
    restored = [products.restore_product(session, snap) for snap in snapshots]
    session.flush()
    return [p.id for p in restored]


def restore(db: Database, snapshots: Sequence[Snapshot], expected: Values) -> tuple[list[int], Values]:
    """Put deleted products back: their ids and what was stored."""
    with db.session() as session:
        _checked(session, expected, deleting=False)
        ids = _restore(session, snapshots)
        return ids, _left(session, {pid: products.STATE_NAMES for pid in ids})


def import_sheet(db: Database, preview: ProductSheetPreview,
                 exclude_bad: bool) -> tuple[ImportResult, list[int], dict[int, Update], Values]:
    """Apply a previewed 选品表: the result, the products it created, the parts it changed in each product it
    updated (with the snapshots before and after) and what it left."""
    with db.session() as session:
        existing = products.product_ids_by_sku(session, [item.sku for item in preview.good])
        before = products.snapshot_products(session, existing)
        result = apply_import(session, preview, exclude_bad=exclude_bad)
        session.flush()
        session.expire_all()
        created = list(result.created_ids)
        after = products.snapshot_products(session, [pid for pid in result.updated_ids if pid in before])
        updates: dict[int, Update] = {}
        for pid, snapshot in after.items():
            parts = products.changed_parts(before[pid], snapshot)
            if parts:
                updates[pid] = (before[pid], snapshot, parts)
        return result, created, updates, _left(session, import_names(created, updates))


def import_names(created: Iterable[int], updates: Mapping[int, Update]) -> dict[int, Iterable[str]]:
    """What an import writes: the parts it changed in each updated product, everything of each created one."""
    names: dict[int, Iterable[str]] = {pid: parts for pid, (_, _, parts) in updates.items()}
    return {**names, **{pid: products.STATE_NAMES for pid in created}}


def import_step(db: Database, undoing: bool, created: Sequence[int], snapshots: Sequence[Snapshot],
                updates: Mapping[int, Update], expected: Values) -> tuple[list[int], list[Snapshot], Values]:
    """Undo of an import (delete what it created, put back what it changed) or its redo (restore and change
    them again): the created products' ids and snapshots now, and what the step left."""
    with db.session() as session:
        versions = _checked(session, expected, deleting=undoing and bool(created))
        if undoing:
            snapshots = products.delete_products(session, created, versions)
        else:
            created = _restore(session, snapshots)
        for pid, (before, after, parts) in updates.items():
            products.apply_parts(session, pid, before if undoing else after, parts)
        names = import_names(created, updates)
        written = {pid: parts for pid, parts in names.items() if pid in updates} if undoing else names
        return list(created), list(snapshots), _left(session, written)
