"""Column-mapping presets: a correction the user made to how a file's columns were read, kept for the next
file with the same headers (platforms export the same layout every time)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import ImportPreset
from livedesk.services.db import Database
from livedesk.services.importers.review_files import TableMapping
from livedesk.services.importers.tabular import normalise_header


def signature(table: str, headers: Iterable[str]) -> str:
    """The same table kind with the same headers (in any order) gets the same signature."""
    key = table + "\x1f" + "\x1f".join(sorted(normalise_header(h) for h in headers))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def preset_for(session: Session, mapping: TableMapping) -> dict[str, str | None]:
    """The saved corrections for a table that looks like this one: {header: field or None}."""
    row = session.scalar(select(ImportPreset).where(ImportPreset.header_signature == signature(mapping.table, mapping.columns)))
    if row is None:
        return {}
    saved = json.loads(row.mapping_json)
    return {header: field for header, field in saved.items() if header in mapping.columns}


def apply_presets(session: Session, mappings: list[TableMapping]) -> dict[str, str | None]:
    """Put saved corrections into the detected mappings (in place); returns them as overrides for the import."""
    overrides: dict[str, str | None] = {}
    for mapping in mappings:
        for header, field in preset_for(session, mapping).items():
            mapping.columns[header] = field
            overrides[header] = field
    return overrides


def save_presets(session: Session, mappings: list[TableMapping], overrides: Mapping[str, str | None]) -> int:
    """Remember the user's corrections for each table they touched; returns how many presets were saved."""
    saved = 0
    for mapping in mappings:
        corrections = {h: f for h, f in overrides.items() if h in mapping.columns}
        if not corrections:
            continue
        key = signature(mapping.table, mapping.columns)
        row = session.scalar(select(ImportPreset).where(ImportPreset.header_signature == key))
        if row is None:
            row = ImportPreset(kind=mapping.table, header_signature=key, mapping_json="{}")
            session.add(row)
        merged = json.loads(row.mapping_json)
        merged.update(corrections)
        row.mapping_json = json.dumps(merged, ensure_ascii=False)
        saved += 1
    return saved


def saved_corrections(db: Database, mappings: list[TableMapping]) -> dict[str, str | None]:
    """`apply_presets` in its own unit of work: for the import preview of one file."""
    with db.session() as session:
        return apply_presets(session, mappings)


@dataclass(frozen=True)
class Corrections:
    """The user's corrections of how an import's files were read ({file key: {header: field}}), with each file's
    tables: saved as presets in the import's own unit of work, so they are kept exactly when the import is."""

    fixes: Mapping[str, Mapping[str, str | None]]
    mappings: Mapping[str, list[TableMapping]]

    def save(self, session: Session) -> int:
        return sum(save_presets(session, self.mappings.get(key, []), fixes) for key, fixes in self.fixes.items())
