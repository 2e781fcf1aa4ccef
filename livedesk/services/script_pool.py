"""Add to pool: the products a script names that the pool lacks become pool products in one step.

An imported run of show may name products the 选品表 does not hold yet (their names stay on the segments,
`Segment.product_name`). `add_unmatched_to_pool` creates each of them (a placeholder SKU and a note saying
what to fill in), puts it on the stream's lineup (with the link number and 直播价 the sheet gave, when it
gave them) and links its segments. `undo_pool_addition` takes the products and lineup rows away again; the
caller restores the script from its snapshot first (see livedesk.ui.script.commands.AddToPool).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import LineupItem, LinkEvent, Product, ProductResult, Script, Segment, Stream
from livedesk.services import lineups, scripts
from livedesk.services.importers.script_products import UnmatchedProduct, group_unmatched, split_link
from livedesk.services.messages import translate


@dataclass
class PoolAddition:
    """What one "Add to pool" did, for its undo and for the message that reports it."""

    stream_id: int
    created: dict[str, int] = field(default_factory=dict)  # name → id of the product made by this step
    versions: dict[int, int] = field(default_factory=dict)  # product id → its version right after this step
    linked: dict[str, int] = field(default_factory=dict)  # name → the product its segments now point to
    lineup_added: list[int] = field(default_factory=list)  # product ids this step put on the stream's lineup
    skipped: list[str] = field(default_factory=list)  # a bare link number, or a name several pool products match
    segments: int = 0  # segments linked


def _norm(name: str) -> str:
    return re.sub(r"[\s()（）\[\]【】]", "", name).lower()


def _key(text: str) -> str:
    name, _ = split_link(text)
    return name or text


def unmatched_in_script(session: Session, stream_id: int) -> list[UnmatchedProduct]:
    """The products the stored script names without a pool product, one entry per name, in running order."""
    segments = scripts.list_segments(session, stream_id)
    return group_unmatched([(None, s.product_name, "", None) for s in segments if s.product_id is None and s.product_name])


def _pool_matches(pool: Sequence[tuple[str, Product]], name: str) -> list[Product]:
    """The pool products `name` means, by the import's rule: the one named exactly so, else every product
    whose name holds it or is held by it. One: link to it; several: the user chooses; none: create it."""
    key = _norm(name)
    same = [p for norm, p in pool if norm == key]
    return same or [p for norm, p in pool if key and (key in norm or norm in key)]


def addable(session: Session, unmatched: Sequence[UnmatchedProduct]) -> list[UnmatchedProduct]:
    """The entries "Add to pool" would create or link (not the bare link numbers, nor a name several pool
    products match): what the import preview counts on its button."""
    pool = [(_norm(product.name), product) for product in session.scalars(select(Product))]
    return [u for u in unmatched if u.can_add and len(_pool_matches(pool, u.name)) <= 1]


def _free_sku(session: Session, stream_id: int, taken: set[str]) -> str:
    number = 1
    while True:
        sku = f"SCRIPT-{stream_id}-{number:02d}"
        if sku not in taken and session.scalar(select(Product.id).where(Product.sku == sku)) is None:
            taken.add(sku)
            return sku
        number += 1


def add_unmatched_to_pool(
    session: Session,
    stream_id: int,
    details: Sequence[UnmatchedProduct] = (),
    *,
    reuse_ids: Mapping[str, int] | None = None,
) -> PoolAddition:
    """Create every product the script names without a pool product, put it on the lineup, link its segments.

    `details`: what the sheet said about them (`ScriptSheet.unmatched`: 直播价, link number), keyed by name.
    A name that matches one pool product (as the import matches: exactly, or one name holding the other) is
    linked to it, not copied; a name that matches several is left for the user to choose (`skipped`).
    `reuse_ids` gives a product the id it had before (a redo after an undo), when that id is free.
    ScriptError when the script names no such product."""
    stream = session.get(Stream, stream_id)
    if stream is None:
        raise scripts.ScriptError(
            translate("Messages", "Stream {0} does not exist (it may have been deleted).").format(stream_id)
        )
    wanted = unmatched_in_script(session, stream_id)
    if not wanted:
        raise scripts.ScriptError(
            translate("Messages", "Every product the script names is already linked to the pool; nothing to add.")
        )
    sheet = {d.name: d for d in details}
    reuse_ids = reuse_ids or {}
    addition = PoolAddition(stream_id)
    lineup = {item.product_id: item for item in session.scalars(select(LineupItem).where(LineupItem.stream_id == stream_id))}
    links = {item.link_number for item in lineup.values() if item.link_number is not None}
    pool = [(_norm(product.name), product) for product in session.scalars(select(Product))]
    skus: set[str] = set()
    note = translate(
        "Messages", "Added from the script of “{0}”: fill in the SKU, prices, cost, stock and selling points."
    ).format(stream.title)
    for entry in wanted:
        if not entry.can_add:
            addition.skipped.append(entry.name)
            continue
        known = sheet.get(entry.name)
        price = known.price if known else None
        link = known.link_number if known and known.link_number is not None else entry.link_number
        near = _pool_matches(pool, entry.name)
        if len(near) > 1:  # which one is meant is the user's call (the product column), never another copy
            addition.skipped.append(entry.name)
            continue
        if near:  # in the pool by now (a teammate added it), or named a little differently: the import's rule
            product = near[0]
        else:
            product = Product(sku=_free_sku(session, stream_id, skus), name=entry.name, live_price=price, notes=note)
            old_id = reuse_ids.get(entry.name)
            if old_id is not None and session.get(Product, old_id) is None:
                product.id = old_id
            session.add(product)
            session.flush()
            addition.created[entry.name] = product.id
        addition.linked[entry.name] = product.id
        if product.id not in lineup:
            number = link if link is not None and link not in links else None
            item = lineups.add_to_lineup(session, stream_id, product.id, link_number=number)
            if product.id not in addition.created and price is not None:
                item.live_price = price  # an existing product: the sheet's price is this stream's price
            lineup[product.id] = item
            if number is not None:
                links.add(number)
            addition.lineup_added.append(product.id)
    if not addition.linked:  # only bare link numbers and names several pool products match: an empty step
        raise scripts.ScriptError(translate(
            "Messages", "Nothing was added: {0}. Choose these products in the Product column, or set the link "
                        "numbers on the stream's lineup.").format("、".join(addition.skipped)))
    for segment in scripts.list_segments(session, stream_id):
        if segment.product_id is None and segment.product_name:
            product_id = addition.linked.get(_key(segment.product_name))
            if product_id is not None:
                segment.product_id, segment.product_name = product_id, ""
                addition.segments += 1
    script = scripts.get_or_create_script(session, stream_id)
    scripts._touch(session, script)
    session.flush()
    addition.versions = {
        pid: version
        for pid, version in session.execute(
            select(Product.id, Product.version).where(Product.id.in_(list(addition.created.values())))
        )
    }
    return addition


def undo_pool_addition(session: Session, addition: PoolAddition) -> None:
    """Take away the lineup rows and products `addition` made (restore the script's segments first).

    Refuses (ScriptError, nothing written) when one of those products was edited since or is used by
    another stream: that work would be lost. A product someone already deleted is skipped."""
    names = {pid: name for name, pid in addition.created.items()}
    for product_id, name in names.items():
        product = session.get(Product, product_id)
        if product is None:
            continue
        if product.version != addition.versions.get(product_id):
            raise scripts.ScriptError(translate(
                "Messages", "“{0}” was edited in the product pool after it was added; it was kept and nothing "
                            "was undone. Delete it on the Products tab if it is not needed.").format(name))
        elsewhere = (
            session.scalar(select(LineupItem.id).where(LineupItem.product_id == product_id,
                                                       LineupItem.stream_id != addition.stream_id).limit(1))
            or session.scalar(select(Segment.id).join(Script).where(Segment.product_id == product_id,
                                                                    Script.stream_id != addition.stream_id).limit(1))
            or session.scalar(select(ProductResult.id).where(ProductResult.product_id == product_id).limit(1))
            or session.scalar(select(LinkEvent.id).where(LinkEvent.product_id == product_id).limit(1))
        )
        if elsewhere is not None:
            raise scripts.ScriptError(translate(
                "Messages", "“{0}” is now used by another stream or a review; it was kept and nothing was "
                            "undone.").format(name))
    on_lineup = {item.product_id for item in
                 session.scalars(select(LineupItem).where(LineupItem.stream_id == addition.stream_id))}
    for product_id in addition.lineup_added:
        if product_id in on_lineup:
            lineups.remove_from_lineup(session, addition.stream_id, product_id)
    for product_id in names:
        product = session.get(Product, product_id)
        if product is not None:
            session.delete(product)
    session.flush()
