"""Editing products: create, update, bulk changes, selling points and FAQ, each checked against what the user saw.

Every function takes an open session (one unit of work, see `Database.session`) and never commits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from livedesk.models import (
    Product,
    ProductFAQ,
    SellingPoint,
)
from livedesk.services.importers.values import (
    clean_identifier,
    clean_text,
    parse_int,
    parse_money,
    parse_price,
    parse_rate,
)
from livedesk.services.messages import translate
from livedesk.services.products.rules import (
    _CHUNK,
    _INT_FIELDS,
    _MONEY_FIELDS,
    _RATE_STEP,
    _TEXT_LIMITS,
    BULK_FIELDS,
    EDITABLE_FIELDS,
    ProductChangedError,
    ProductNotFoundError,
    _field_words,
    parse_qualification,
    parse_role,
)


def get_product(session: Session, product_id: int) -> Product:
    """The product, or ProductNotFoundError if a teammate deleted it meanwhile."""
    product = session.get(Product, product_id)
    if product is None:
        raise ProductNotFoundError(
            translate("Messages", "Product {0} no longer exists; it may have been deleted.").format(product_id)
        )
    return product


def find_product_by_sku(session: Session, sku: str) -> Product | None:
    return session.scalar(select(Product).where(Product.sku == clean_identifier(sku)))


def clean_product_fields(fields: Mapping[str, object], *, creating: bool) -> dict[str, object]:
    """Field values as the database holds them, from typed or pasted input; ValueError says what is wrong.

    Money accepts "¥1,299.0", rates "20%" or 0.2, counts "1,200". Creating needs name, SKU and live price.
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Unknown product field(s): {', '.join(sorted(unknown))}")
    cleaned: dict[str, object] = {}
    words = _field_words()
    for name, raw in fields.items():
        word = words.get(name, name.replace("_", " ").capitalize())
        try:
            if name in _MONEY_FIELDS:
                # a price a buyer pays is at least ¥0.01; a cost may be ¥0 (a free gift)
                value: object = parse_price(raw) if name != "cost" else parse_money(raw)
                if value is not None and value < 0:  # type: ignore[operator]
                    raise ValueError(translate("Messages", "{0} cannot be negative (got {1}).").format(word, value))
            elif name == "commission_rate":
                value = parse_rate(raw)
                if value is not None:
                    if not Decimal(0) <= value <= Decimal(1):  # type: ignore[operator]
                        raise ValueError(translate("Messages", "{0} must be between 0% and 100%.").format(word))
                    value = value.quantize(_RATE_STEP)  # type: ignore[union-attr]
            elif name in _INT_FIELDS:
                value = parse_int(raw)
                if value is not None and value < 0:  # type: ignore[operator]
                    raise ValueError(translate("Messages", "{0} cannot be negative (got {1}).").format(word, value))
            elif name == "role":
                value = parse_role(raw)
            elif name == "qualification":
                value = parse_qualification(raw)
            else:
                if name in ("sku", "platform_product_id"):  # matched exactly: no invisible or full-width twins
                    value = clean_identifier(raw)
                else:
                    value = clean_text(raw) if name != "notes" else ("" if raw is None else str(raw).strip())
                if name in ("name", "sku"):
                    value = re.sub(r"\s+", " ", str(value))
                limit = _TEXT_LIMITS.get(name)
                if limit and len(str(value)) > limit:
                    raise ValueError(translate("Messages", "{0} is longer than {1} characters.").format(word, limit))
        except ValueError as exc:
            message = str(exc)
            if not message.startswith(word):
                message = translate("Messages", "{0}: {1}").format(word, message)
            raise ValueError(message) from None
        cleaned[name] = value
    required = ("name", "sku", "live_price")
    for name in required:
        if (creating and name not in cleaned) or (name in cleaned and cleaned[name] in (None, "")):
            raise ValueError(translate("Messages", "{0} is required.").format(words[name]))
    return cleaned


def _check_sku_free(session: Session, sku: str, product_id: int | None) -> None:
    other = session.scalar(select(Product.id).where(Product.sku == sku))
    if other is not None and other != product_id:
        raise ValueError(translate("Messages", "SKU {0} is already used by another product.").format(sku))


def create_product(session: Session, fields: Mapping[str, object]) -> Product:
    """A new product from a field dict (see EDITABLE_FIELDS); ValueError when invalid or the SKU is taken."""
    cleaned = clean_product_fields(fields, creating=True)
    _check_sku_free(session, str(cleaned["sku"]), None)
    product = Product(**cleaned)
    session.add(product)
    session.flush()
    return product


def check_version(session: Session, product_id: int, expected_version: int | None) -> Product:
    """The product, if it is still at `expected_version` (the version the user saw, or that this app's last
    write left); ProductChangedError when someone else saved it since. None: no check."""
    product = get_product(session, product_id)
    if expected_version is not None and product.version != expected_version:
        raise ProductChangedError(
            translate(
                "Messages",
                "{0} was changed by someone else after you opened it. Reload it and make your change again.",
            ).format(product.name),
            [product_id],
        )
    return product


def product_versions(session: Session, product_ids: Iterable[int]) -> dict[int, int]:
    """The stored version of each product that still exists."""
    ids = list(dict.fromkeys(product_ids))
    versions: dict[int, int] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        versions.update({pid: version for pid, version in session.execute(
            select(Product.id, Product.version).where(Product.id.in_(chunk))
        )})
    return versions


def update_product(
    session: Session, product_id: int, fields: Mapping[str, object], expected_version: int | None = None
) -> Product:
    """Change some fields. With `expected_version`, refuse (ProductChangedError) if a teammate saved in between."""
    product = check_version(session, product_id, expected_version)
    cleaned = clean_product_fields(fields, creating=False)
    if "sku" in cleaned:
        _check_sku_free(session, str(cleaned["sku"]), product.id)
    for name, value in cleaned.items():
        setattr(product, name, value)
    session.flush()
    return product


def bulk_update(
    session: Session,
    ids: Sequence[int],
    field_name: str,
    value: object,
    expected_versions: Mapping[int, int] | None = None,
) -> dict[int, object]:
    """Set role, supplier, category or qualification on many products at once.

    Returns the previous value per product id, which `bulk_set_values` puts back for undo. Products deleted
    meanwhile are left out. With `expected_versions` ({id: the version the user saw}) nothing is written
    when someone else saved any of them since (ProductChangedError naming them).
    """
    if field_name not in BULK_FIELDS:
        raise ValueError(f"Cannot change {field_name} for several products at once; only {', '.join(BULK_FIELDS)}.")
    cleaned = clean_product_fields({field_name: value}, creating=False)[field_name]
    previous: dict[int, object] = {}
    ids = list(dict.fromkeys(ids))
    column = getattr(Product, field_name)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        previous.update(
            {pid: old for pid, old in session.execute(select(Product.id, column).where(Product.id.in_(chunk)))}
        )
    bulk_set_values(session, field_name, {pid: cleaned for pid in previous}, expected_versions)
    return previous


def _stale(product_ids: Iterable[int], stored: Mapping[int, int], expected_versions: Mapping[int, int]) -> list[int]:
    """The products (still there: in `stored`, their versions now) that are no longer at their expected version."""
    return [pid for pid in product_ids if pid in stored and pid in expected_versions and stored[pid] != expected_versions[pid]]


def _refuse_changed(session: Session, changed: Sequence[int], message: str) -> None:
    """ProductChangedError naming the `changed` products in `message` ({0}: their names); nothing if none."""
    if changed:
        names = session.scalars(select(Product.name).where(Product.id.in_(changed)).order_by(Product.sku))
        raise ProductChangedError(message.format("、".join(names)), changed)


def bulk_set_values(
    session: Session, field_name: str, values: Mapping[int, object], expected_versions: Mapping[int, int] | None = None
) -> int:
    """Set one field to a per-product value (the undo of `bulk_update`); returns how many rows changed.

    With `expected_versions`, nothing is written when a product was saved by someone else since
    (ProductChangedError); each UPDATE also names the version, so a save a moment later is caught too.
    """
    if field_name not in BULK_FIELDS:
        raise ValueError(f"Cannot change {field_name} for several products at once.")
    session.flush()
    if expected_versions is not None:
        _refuse_changed(
            session,
            _stale(values, product_versions(session, values), expected_versions),
            translate("Messages", "Someone else changed {0} after you last saw it; nothing was changed."),
        )
    groups: dict[tuple[object, int | None], list[int]] = {}
    for pid, value in values.items():
        version = expected_versions.get(pid) if expected_versions is not None else None
        groups.setdefault((value, version), []).append(pid)
    changed = 0
    now = dt.datetime.now(dt.UTC)
    for (value, version), pids in groups.items():
        for start in range(0, len(pids), _CHUNK):
            chunk = pids[start : start + _CHUNK]
            query = update(Product).where(Product.id.in_(chunk))
            if version is not None:
                query = query.where(Product.version == version)
            result = session.execute(
                query.values({field_name: value, "version": Product.version + 1, "updated_at": now})
                .execution_options(synchronize_session=False)
            )
            count = result.rowcount or 0
            if version is not None and count < len(product_versions(session, chunk)):  # saved a moment ago
                raise ProductChangedError(
                    translate("Messages", "Someone else changed these products a moment ago; nothing was changed."),
                    chunk,
                )
            changed += count
    session.expire_all()
    return changed


def _touch(product: Product) -> None:
    """Mark the product changed so its version moves when only its children changed."""
    product.updated_at = dt.datetime.now(dt.UTC)


def replace_selling_points(
    session: Session, product_id: int, points: Sequence[str | tuple[str, str] | Mapping[str, str]]
) -> list[SellingPoint]:
    """The whole 卖点手册 in its new order: each item a point, (point, demo) or {"point", "demo"}; blanks dropped."""
    product = get_product(session, product_id)
    new: list[SellingPoint] = []
    for item in points:
        if isinstance(item, str):
            point, demo = item, ""
        elif isinstance(item, Mapping):
            point, demo = item.get("point", ""), item.get("demo", "")
        else:
            point, demo = item
        point, demo = (point or "").strip(), (demo or "").strip()
        if point:
            new.append(SellingPoint(position=len(new), point=point, demo=demo))
    product.selling_points = new
    _touch(product)
    session.flush()
    return new


def replace_faqs(
    session: Session, product_id: int, faqs: Sequence[tuple[str, str] | Mapping[str, str]]
) -> list[ProductFAQ]:
    """The whole FAQ in its new order: (question, answer) or {"question", "answer"}; blank questions dropped."""
    product = get_product(session, product_id)
    new: list[ProductFAQ] = []
    for item in faqs:
        if isinstance(item, Mapping):
            question, answer = item.get("question", ""), item.get("answer", "")
        else:
            question, answer = item
        question, answer = (question or "").strip(), (answer or "").strip()
        if question:
            new.append(ProductFAQ(position=len(new), question=question, answer=answer))
    product.faqs = new
    _touch(product)
    session.flush()
    return new
