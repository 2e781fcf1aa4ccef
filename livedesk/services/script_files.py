"""The script tab's files, each in one unit of work opened here: reading a script sheet for the import
preview (the import then writes what was read, see `script_steps.import_sheet`), exporting the workbook and
reading the run sheet the PDF is drawn from. Run on worker threads: plain values in, plain data out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from livedesk.services import script_pool

if TYPE_CHECKING:
    from livedesk.services.db import Database
    from livedesk.services.importers.script_sheet import ScriptSheet
    from livedesk.services.run_sheet import RunSheet


@dataclass(frozen=True)
class ImportCheck:
    """A script sheet read and checked against the stream and the pool; nothing written."""

    sheet: ScriptSheet
    addable: int  # how many of the products the pool lacks "Add to pool" would create or link


def check_import(db: Database, stream_id: int, path: str | Path) -> ImportCheck:
    """Read and check the sheet (ImportFailed lists every bad cell); writes nothing."""
    from livedesk.services.importers.script_sheet import parse_script_sheet

    with db.session() as session:
        sheet = parse_script_sheet(session, stream_id, path)
        addable = len(script_pool.addable(session, sheet.unmatched))
        session.rollback()  # a preview: nothing of it is kept
    return ImportCheck(sheet, addable)


def export_workbook(db: Database, stream_id: int, path: str | Path) -> Path:
    """The script as an Excel workbook at `path`."""
    from livedesk.services.exporters.script_sheet import export_script_sheet

    with db.session() as session:
        return export_script_sheet(session, stream_id, path)


def run_sheet(db: Database, stream_id: int) -> RunSheet:
    """The run sheet (slot, segments, lineup) the PDF export lays out."""
    from livedesk.services.run_sheet import run_sheet as read_run_sheet

    with db.session() as session:
        return read_run_sheet(session, stream_id)
