"""Undoable deletes: capture a row and everything that hangs off it by foreign key, and put it back.

Works from the table metadata, so a table added by a later migration is covered without changes here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from livedesk.models import Base


@dataclass
class Snapshot:
    """Rows per table, parents before children, exactly as stored."""

    rows: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    # References that ON DELETE SET NULL cleared: (table, fk column, row ids, the value to put back).
    relinks: list[tuple[str, str, list[int], Any]] = field(default_factory=list)


def _children(table: Table, ondelete: str = "CASCADE") -> list[tuple[Table, str, str]]:
    """Tables that reference `table` with the given ON DELETE: (child, its fk column, the referenced column)."""
    found = []
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table and (fk.ondelete or "").upper() == ondelete:
                found.append((child, fk.parent.name, fk.column.name))
    return found


def snapshot(session: Session, table: Table, ids: list[int]) -> Snapshot:
    result = Snapshot()
    _collect(session, table, "id", ids, result)
    return result


def _collect(session: Session, table: Table, column: str, values: list[Any], result: Snapshot) -> None:
    if not values:
        return
    rows = [dict(r._mapping) for r in session.execute(select(table).where(table.c[column].in_(values)))]
    if not rows:
        return
    result.rows.append((table.name, rows))
    for child, fk_column, referenced in _children(table):
        _collect(session, child, fk_column, [r[referenced] for r in rows], result)
    for child, fk_column, referenced in _children(table, "SET NULL"):
        for row in rows:
            ids = list(session.scalars(select(child.c.id).where(child.c[fk_column] == row[referenced])))
            if ids:
                result.relinks.append((child.name, fk_column, ids, row[referenced]))


def restore(session: Session, snap: Snapshot) -> dict[str, dict[int, int]]:
    """Insert the captured rows again, parents first (the order they were captured in).

    SQLite may have given a deleted row's id to a newer row; such rows come back under a new id and the
    rows that point at them follow. Returns the ids that changed: {table: {old id: new id}}.
    """
    session.flush()
    tables = Base.metadata.tables
    remap: dict[str, dict[int, int]] = {}
    for name, captured in snap.rows:
        table = tables[name]
        references = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}
        rows = []
        for row in captured:
            row = dict(row)
            for column, target in references.items():
                moved = remap.get(target)
                if moved and row.get(column) in moved:
                    row[column] = moved[row[column]]
            rows.append(row)
        taken = _existing_ids(session, table, [r["id"] for r in rows])
        free = [r for r in rows if r["id"] not in taken]
        if free:
            session.execute(insert(table), free)
        for row in rows:
            if row["id"] in taken:
                old = row.pop("id")
                remap.setdefault(name, {})[old] = session.execute(insert(table).values(**row)).inserted_primary_key[0]
    for name, column, ids, value in snap.relinks:
        table = tables[name]
        target = next(fk.column.table.name for fk in table.foreign_keys if fk.parent.name == column)
        value = remap.get(target, {}).get(value, value)
        session.execute(update(table).where(table.c.id.in_(ids)).values({column: value}))
    session.expire_all()
    return remap


def _existing_ids(session: Session, table: Table, ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(ids), 5000):  # stay under the database's limit on bound parameters
        chunk = ids[start:start + 5000]
        found.update(session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
    return found
