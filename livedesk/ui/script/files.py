"""The script tab's files: importing a script sheet (with the products the pool lacks), adding those to
the pool, and exporting the script as a workbook or a PDF run sheet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog

from livedesk.services import script_files
from livedesk.ui.errors import show_error
from livedesk.ui.script import commands as cmd
from livedesk.ui.tasks import run_task

if TYPE_CHECKING:
    from livedesk.ui.script.tab import ScriptTab


class ScriptFiles(QObject):
    """Import, add to pool and export for one script tab (its strings translate in this context)."""

    def __init__(self, tab: ScriptTab):
        super().__init__(tab)
        self.tab = tab

    def import_script(self, path: str | None = None) -> None:
        if self.tab.stream_id is None:
            self.tab.status_message.emit(self.tr("Choose a stream first."), 5000)
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self.tab, self.tr("Import script"), "",
                                                  self.tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        if not path:
            return
        stream_id, db = self.tab.stream_id, self.tab.db

        def check(progress, cancelled) -> script_files.ImportCheck:  # read once: the import writes what was read
            return script_files.check_import(db, stream_id, path)

        def done(result: script_files.ImportCheck) -> None:
            parsed, addable = result.sheet, result.addable
            self.tab.window().unsetCursor()
            count = len(parsed.segments)
            seen = self.tab._seen_script()  # what the user is asked to replace
            add_to_pool = False
            if parsed.unmatched:  # products the pool lacks: show them, offer to add them in the same go
                from livedesk.ui.script.import_dialog import ScriptImportDialog

                dialog = ScriptImportDialog(parsed, Path(path).name, self.tab.model.rowCount(), self.tab, addable)
                self.tab.last_import_dialog = dialog
                if not dialog.exec():
                    return
                add_to_pool = dialog.add_to_pool
            elif self.tab.model.rowCount() and not self.tab.confirm(
                self.tr("Replace the script?"),
                self.tr("The file holds %n segment(s); importing replaces the current script "
                        "(Ctrl+Z brings it back).", "", count),
                "replaceScript",
            ):
                return
            imported = cmd.ImportScript(db, stream_id, parsed, self.tr("Import script from {0}").format(Path(path).name),
                                        self.tab._changed, seen)
            if not self.tab._push(imported):
                return
            self.tab.status_message.emit(self.tr("Imported %n segment(s).", "", count), 5000)
            if add_to_pool:
                self.add_to_pool(parsed.unmatched, imported.left)

        def failed(exc: BaseException) -> None:
            self.tab.window().unsetCursor()
            show_error(self.tab, exc, self.tr("Import script"))

        self.tab.window().setCursor(Qt.CursorShape.BusyCursor)
        run_task(check, done, failed)

    def add_to_pool(self, details=(), seen: list[dict[str, Any]] | None = None) -> bool:
        """Create the products the script names that the pool lacks, put them on the lineup and link their
        segments: one undoable step. `details`: what the imported sheet said about them (直播价, link numbers)."""
        if self.tab.stream_id is None:
            return False
        names = self.tab.model.unmatched_names()
        if not names and seen is None:
            self.tab.status_message.emit(self.tr("Every product the script names is in the product pool."), 5000)
            return False
        command = cmd.AddToPool(self.tab.db, self.tab.stream_id, self.tr("Add to pool"), self.tab._changed,
                                self.tab._seen_script() if seen is None else seen, details)
        if not self.tab._push(command):
            return False
        added = command.addition
        if added is not None:
            if added.created:
                text = self.tr("Added %n product(s) to the pool and linked their segments. Ctrl+Z takes them away.",
                               "", len(added.created))
            else:  # the pool holds them by now (e.g. the 选品表 was imported since): only the links were missing
                text = self.tr("Linked %n segment(s) to products already in the pool.", "", added.segments)
            if added.skipped:
                text += " " + self.tr("Not added: {0}.").format("、".join(added.skipped))
            self.tab.status_message.emit(text, 8000)
        self.tab.streams_changed.emit()  # the pool and the lineup changed: the other tabs reload
        return True

    def export_script(self, path: str | None = None) -> None:
        if self.tab.stream_id is None:
            return
        self.tab.flush_draft()
        if not path:
            path, chosen = QFileDialog.getSaveFileName(
                self.tab, self.tr("Export script"), "直播脚本.xlsx",
                self.tr("Excel workbook (*.xlsx);;PDF run sheet (*.pdf)"))
            if not path:
                return
            if not path.lower().endswith((".xlsx", ".pdf")):
                path += ".pdf" if "pdf" in chosen.lower() else ".xlsx"
        stream_id, db = self.tab.stream_id, self.tab.db
        name = Path(path).name

        def done(_result) -> None:
            self.tab.status_message.emit(self.tr("Exported the script to {0}").format(name), 5000)

        if path.lower().endswith(".pdf"):
            from livedesk.rendering.script_pdf import export_script_pdf

            def work(progress, cancelled):  # QTextDocument and QPdfWriter lay out on any thread
                return export_script_pdf(script_files.run_sheet(db, stream_id), path)
        else:
            def work(progress, cancelled):
                return script_files.export_workbook(db, stream_id, path)

        run_task(work, done, lambda exc: show_error(self.tab, exc, self.tr("Export script")))
