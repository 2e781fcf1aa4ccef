"""Undo state: snapshots of a product (fields, children, links), restoring them, and comparing yours with theirs.

A delete returns the snapshot its undo restores. After a conflict `changed_parts` and `apply_parts` put back only
what one change touched, so undo never writes over a teammate's edit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from livedesk.models import (
    LineupItem,
    LinkEvent,
    Product,
    ProductFAQ,
    ProductResult,
    QualificationDocument,
    SellingPoint,
    Stream,
)
from livedesk.services.messages import translate
from livedesk.services.products.edits import (
    _check_sku_free,
    _refuse_changed,
    _stale,
    _touch,
    get_product,
    product_versions,
)
from livedesk.services.products.listing import load_products_with_children
from livedesk.services.products.rules import _CHUNK, EDITABLE_FIELDS, ProductNotFoundError


def delete_product(session: Session, product_id: int) -> dict[str, Any]:
    """Delete the product with its points, FAQ, documents and lineup rows; returns the snapshot for undo."""
    snapshot = snapshot_product(session, product_id)
    product = get_product(session, product_id)
    session.execute(LineupItem.__table__.delete().where(LineupItem.product_id == product_id))
    session.delete(product)
    session.flush()
    return snapshot


def delete_products(
    session: Session, product_ids: Iterable[int], expected_versions: Mapping[int, int] | None = None
) -> list[dict[str, Any]]:
    """Delete several products; the snapshots (restore each for undo) come back in the same order.

    With `expected_versions` ({id: the version the user saw}), nothing is deleted when any of them was
    saved by someone else since (ProductChangedError naming them) or deleted (ProductNotFoundError).
    """
    product_ids = list(product_ids)
    if expected_versions is not None:
        stored = product_versions(session, product_ids)
        gone = [pid for pid in product_ids if pid not in stored]
        if gone:
            get_product(session, gone[0])  # raises ProductNotFoundError
        _refuse_changed(
            session,
            _stale(product_ids, stored, expected_versions),
            translate("Messages", "Someone else changed {0} after you last saw it; nothing was deleted."),
        )
    return [delete_product(session, pid) for pid in product_ids]


_SNAPSHOT_FIELDS = EDITABLE_FIELDS + ("photo_path", "created_at")


def snapshot_product(session: Session, product_id: int) -> dict[str, Any]:
    """Everything needed to put the product back as it is now (for undo): fields, children and links.

    The dict holds plain values (Decimal, datetime, lists of dicts) and is kept in memory by the undo stack.
    """
    product = get_product(session, product_id)
    return _snapshot(
        product,
        session.scalars(select(LineupItem).where(LineupItem.product_id == product_id)).all(),
        list(session.scalars(select(ProductResult.id).where(ProductResult.product_id == product_id))),
        list(session.scalars(select(LinkEvent.id).where(LinkEvent.product_id == product_id))),
    )


def snapshot_products(session: Session, product_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """`snapshot_product` of each product that still exists, in a few batched queries (an import takes
    thousands)."""
    ids = list(dict.fromkeys(product_ids))
    snapshots: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        lineup: dict[int, list[LineupItem]] = {}
        for item in session.scalars(select(LineupItem).where(LineupItem.product_id.in_(chunk))):
            lineup.setdefault(item.product_id, []).append(item)
        links: dict[Any, dict[int, list[int]]] = {ProductResult: {}, LinkEvent: {}}
        for model, found in links.items():
            for pid, link_id in session.execute(select(model.product_id, model.id).where(model.product_id.in_(chunk))):
                found.setdefault(pid, []).append(link_id)
        for product in load_products_with_children(session, chunk):
            snapshots[product.id] = _snapshot(product, lineup.get(product.id, []), links[ProductResult].get(product.id, []),
                                              links[LinkEvent].get(product.id, []))
    return snapshots


def _snapshot(product: Product, lineup: Sequence[LineupItem], result_ids: list[int], event_ids: list[int]) -> dict[str, Any]:
    return {
        "id": product.id,
        "version": product.version,
        "fields": {name: getattr(product, name) for name in _SNAPSHOT_FIELDS},
        "selling_points": [{"point": p.point, "demo": p.demo} for p in product.selling_points],
        "faqs": [{"question": f.question, "answer": f.answer} for f in product.faqs],
        "documents": [
            {"file_name": d.file_name, "stored_path": d.stored_path, "added_at": d.added_at} for d in product.documents
        ],
        "lineup": [
            {
                "stream_id": item.stream_id,
                "position": item.position,
                "link_number": item.link_number,
                "live_price": item.live_price,
                "welfare_quantity": item.welfare_quantity,
                "planned_units": item.planned_units,
            }
            for item in lineup
        ],
        "product_result_ids": result_ids,
        "link_event_ids": event_ids,
    }


def restore_product(session: Session, snapshot: Mapping[str, Any]) -> Product:
    """Put a product back exactly as snapshotted: undo of a delete (same id) or of an edit (fields and children).

    Lineup rows come back for streams that still exist; review results and link events deleted with the
    product were only unlinked, so they are linked again. If SQLite gave the deleted id to a newer product,
    the restored one gets a new id (read it from the returned product).
    """
    fields = dict(snapshot["fields"])
    product = session.get(Product, int(snapshot["id"]))
    if product is not None and product.created_at != fields["created_at"]:
        product = None  # SQLite handed the deleted id to a newer product: come back under a new id
    _check_sku_free(session, fields["sku"], product.id if product is not None else None)
    inserted = product is None
    if product is None:
        taken = session.get(Product, int(snapshot["id"])) is not None
        product = Product(**fields) if taken else Product(id=int(snapshot["id"]), **fields)
        session.add(product)
    else:
        for name, value in fields.items():
            setattr(product, name, value)
        _touch(product)  # the version moves even when only points, FAQ or documents come back
    product.selling_points = [
        SellingPoint(position=i, point=p["point"], demo=p["demo"]) for i, p in enumerate(snapshot["selling_points"])
    ]
    product.faqs = [
        ProductFAQ(position=i, question=f["question"], answer=f["answer"]) for i, f in enumerate(snapshot["faqs"])
    ]
    product.documents = [QualificationDocument(**d) for d in snapshot["documents"]]
    session.flush()
    product_id = product.id
    if inserted and snapshot.get("version") is not None and snapshot["version"] != product.version:
        # back at the version it was deleted at: it holds what it held then, and a teammate's stale copy of
        # an older state still counts as stale (an insert always starts the ORM's counter at 1)
        session.execute(
            update(Product.__table__).where(Product.__table__.c.id == product_id).values(version=snapshot["version"])
        )
        session.expire(product, ["version"])
    session.execute(LineupItem.__table__.delete().where(LineupItem.product_id == product_id))
    streams = {item["stream_id"] for item in snapshot["lineup"]}
    existing = set(session.scalars(select(Stream.id).where(Stream.id.in_(streams)))) if streams else set()
    for item in snapshot["lineup"]:
        if item["stream_id"] in existing:
            session.add(LineupItem(product_id=product_id, **item))
    for model, key in ((ProductResult, "product_result_ids"), (LinkEvent, "link_event_ids")):
        ids = snapshot.get(key) or []
        for start in range(0, len(ids), _CHUNK):
            session.execute(
                update(model)
                .where(model.id.in_(ids[start : start + _CHUNK]), model.product_id.is_(None))
                .values(product_id=product_id)
                .execution_options(synchronize_session=False)
            )
    session.flush()
    return product


# What a user sees of one product (fields and children), to compare yours with theirs after a conflict.
STATE_FIELDS = EDITABLE_FIELDS + ("photo_path",)
STATE_CHILDREN = ("selling_points", "faqs", "documents")
STATE_NAMES = STATE_FIELDS + STATE_CHILDREN  # everything a product holds (its whole content, without the version)


def snapshot_state(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    """A snapshot (see `snapshot_product`) as comparable values: each field, and the selling points
    ((point, demo), …), FAQ ((question, answer), …) and documents ((file name, stored path), …) as tuples."""
    state: dict[str, Any] = {name: snapshot["fields"][name] for name in STATE_FIELDS}
    state["selling_points"] = tuple((p["point"], p["demo"]) for p in snapshot["selling_points"])
    state["faqs"] = tuple((f["question"], f["answer"]) for f in snapshot["faqs"])
    state["documents"] = tuple((d["file_name"], d["stored_path"]) for d in snapshot["documents"])
    state["version"] = snapshot.get("version")
    return state


def product_state(session: Session, product_id: int) -> dict[str, Any]:
    """The product as stored now, in the form of `snapshot_state` (with its version)."""
    return _state(get_product(session, product_id))


def product_states(session: Session, product_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """`product_state` of each product that still exists, read in a few batched queries."""
    ids = list(dict.fromkeys(product_ids))
    states: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        states.update({p.id: _state(p) for p in load_products_with_children(session, ids[start : start + _CHUNK])})
    return states


def _state(product: Product) -> dict[str, Any]:
    state: dict[str, Any] = {name: getattr(product, name) for name in STATE_FIELDS}
    state["selling_points"] = tuple((p.point, p.demo) for p in product.selling_points)
    state["faqs"] = tuple((f.question, f.answer) for f in product.faqs)
    state["documents"] = tuple((d.file_name, d.stored_path) for d in product.documents)
    state["version"] = product.version
    return state


def changed_parts(before: Mapping[str, Any], after: Mapping[str, Any]) -> set[str]:
    """The fields and children (names as in `snapshot_state`) that differ between two snapshots."""
    old, new = snapshot_state(before), snapshot_state(after)
    return {name for name in STATE_NAMES if old[name] != new[name]}


def apply_parts(session: Session, product_id: int, snapshot: Mapping[str, Any], parts: Iterable[str]) -> Product:
    """Put back only `parts` (see `changed_parts`) of a snapshot onto the existing product: undo and redo of
    one change, which must not write over fields someone else changed since (see `check_states`)."""
    product = get_product(session, product_id)
    if snapshot["fields"].get("created_at") not in (None, product.created_at):  # the id went to a newer product
        raise ProductNotFoundError(
            translate("Messages", "Product {0} no longer exists; it may have been deleted.").format(product_id)
        )
    parts = set(parts)
    for name in STATE_FIELDS:
        if name in parts:
            value = snapshot["fields"][name]
            if name == "sku":
                _check_sku_free(session, value, product.id)
            setattr(product, name, value)
    if "selling_points" in parts:
        product.selling_points = [
            SellingPoint(position=i, point=p["point"], demo=p["demo"]) for i, p in enumerate(snapshot["selling_points"])
        ]
    if "faqs" in parts:
        product.faqs = [
            ProductFAQ(position=i, question=f["question"], answer=f["answer"]) for i, f in enumerate(snapshot["faqs"])
        ]
    if "documents" in parts:
        product.documents = [QualificationDocument(**d) for d in snapshot["documents"]]
    _touch(product)
    session.flush()
    return product


def check_states(session: Session, expected: Mapping[int, Mapping[str, Any]]) -> dict[int, int]:
    """Check that each product still holds what this app's last write left in it: `expected` is
    {id: {name: value}}, names and values as in `product_state`. Only those names are compared, so a change
    to any other field (by a teammate, or by this app elsewhere) is no conflict. ProductChangedError names the
    products where one of them differs now; ProductNotFoundError when one was deleted.

    Returns the versions read, for a write in the same session to name (a save a moment later is caught too).
    """
    states = product_states(session, expected)
    gone = [pid for pid in expected if pid not in states]
    if gone:
        get_product(session, gone[0])  # raises ProductNotFoundError
    _refuse_changed(
        session,
        [pid for pid, values in expected.items() if any(states[pid][name] != value for name, value in values.items())],
        translate("Messages", "Someone else changed {0} after you last saw it; nothing was changed."),
    )
    return {pid: state["version"] for pid, state in states.items()}
