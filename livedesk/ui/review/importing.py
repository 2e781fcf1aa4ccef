"""The review tab's imports: files (chosen, or dropped) and a pasted curve, each read off the GUI thread,
previewed, confirmed and stored, behind a progress dialog with Cancel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from livedesk.config import Preferences
from livedesk.services import review_presets
from livedesk.services.importers import file_reads
from livedesk.services.importers.review_files import KIND_LABELS, KIND_PASTED, parse_pasted_text
from livedesk.services.review import (
    FileReport,
    ImportCancelledError,
    import_pasted_curve,
    import_review_files,
    preview_review_files,
    stream_slot,
)
from livedesk.ui.review.import_dialog import PreviewFile
from livedesk.ui.tasks import run_task

if TYPE_CHECKING:
    from livedesk.ui.review.tab import ReviewTab


class ReviewImporter(QObject):
    """Imports into the tab's stream; the tab keeps the dialog factory and the last dialog and summary (tests)."""

    def __init__(self, tab: ReviewTab):
        super().__init__(tab)
        self.tab = tab

    # --- running off the GUI thread ---------------------------------------------------------------------

    def _progress_dialog(self, title: str) -> QProgressDialog:
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 100, self.tab)
        dialog.setObjectName("reviewProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return dialog

    def run_with_progress(self, title: str, fn, on_done, on_error) -> None:
        """Run fn(progress, cancelled) off the GUI thread behind a progress dialog with Cancel."""
        dialog = self._progress_dialog(title)
        state: dict[str, Any] = {"handle": None, "cancel": False}

        def cancelled_flag() -> bool:
            return state["cancel"]

        def cancel() -> None:
            state["cancel"] = True
            if state["handle"] is not None:
                state["handle"].cancel()

        dialog.canceled.connect(cancel)

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)

        def finish(result) -> None:
            dialog.close()
            dialog.deleteLater()
            on_done(result)

        def fail(exc: BaseException) -> None:
            dialog.close()
            dialog.deleteLater()
            on_error(exc)

        state["handle"] = run_task(lambda p, c: fn(p, lambda: c() or cancelled_flag()), finish, fail, progress)

    # --- files ------------------------------------------------------------------------------------------

    def import_files(self, paths: list[str] | None = None) -> None:
        tab = self.tab
        if tab.stream_id is None:
            return
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(
                tab, self.tr("Import review data"), "", self.tr("Platform exports (*.xlsx *.xls *.csv)"))
        if not paths:
            return
        paths = [str(p) for p in paths]

        db, stream_id, grace = tab.db, tab.stream_id, self._grace_minutes()

        def inspect(progress, cancelled):
            previews = preview_review_files(
                db, stream_id, paths, grace_minutes=grace, progress=progress, cancelled=cancelled,
                # a correction saved for files like this one applies again
                overrides_for=lambda inspection: review_presets.saved_corrections(db, inspection.mappings),
            )
            files = [
                PreviewFile(p.key, p.file_name, p.kind, p.label, p.mappings, p.report, p.error, p.matching_stream)
                for p in previews
            ]
            return files, {p.key: p.applied for p in previews if p.applied}

        self.run_with_progress(
            self.tr("Reading the files…"), inspect, lambda result: self._confirm_files(paths, *result), self.failed
        )

    def _confirm_files(self, paths: list[str], files: list[PreviewFile], presets: dict | None = None) -> None:
        tab = self.tab
        dialog = tab.dialog_factory(files, tab)
        tab.last_import_dialog = dialog
        if not dialog.exec():
            if getattr(dialog, "switch_to_stream", None) is not None:  # the files belong to another stream
                tab.select_stream(dialog.switch_to_stream)
                if tab.stream_id == dialog.switch_to_stream:
                    self.import_files(paths)
                    return
            file_reads.forget(paths)  # not imported: the sheets kept since the preview are let go
            return
        changed = dialog.mapping_overrides()
        overrides = {key: {**(presets or {}).get(key, {}), **changed.get(key, {})} for key in {*(presets or {}), *changed}}
        db, stream_id, grace = tab.db, tab.stream_id, self._grace_minutes()
        mappings = {f.key: f.mappings for f in files}

        def work(progress, cancelled):
            return import_review_files(
                db, stream_id, paths, overrides or None, progress=lambda i, n, _text: progress(i, n),
                cancelled=cancelled, grace_minutes=grace,
                corrections=review_presets.Corrections(changed, mappings),  # kept only if the import is
            )

        self.run_with_progress(self.tr("Importing…"), work, self._imported, self.failed)

    def _grace_minutes(self) -> int:
        return Preferences.load(self.tab.paths).order_grace_minutes

    # --- a pasted curve ---------------------------------------------------------------------------------

    def paste_from_clipboard(self, text: str | None = None) -> None:
        tab = self.tab
        if tab.stream_id is None:
            return
        if text is None:
            text = QGuiApplication.clipboard().text()
        db, stream_id = tab.db, tab.stream_id

        def preview(progress, cancelled):
            start, end = stream_slot(db, stream_id)
            data = parse_pasted_text(text, start, stream_end=end)
            report = FileReport(data.file_name, data.kind, data.rows, list(data.unused_columns))
            return [PreviewFile(
                "clipboard", self.tr("Clipboard"), KIND_PASTED, KIND_LABELS[KIND_PASTED], data.mappings, report,
            )]

        def confirm(files: list[PreviewFile]) -> None:
            dialog = tab.dialog_factory(files, tab)
            tab.last_import_dialog = dialog
            if not dialog.exec():
                return
            mapping = dialog.mapping_overrides().get("clipboard")
            self.run_with_progress(
                self.tr("Importing…"),
                lambda p, c: import_pasted_curve(db, stream_id, text, mapping),
                self._imported,
                self.failed,
            )

        self.run_with_progress(self.tr("Reading the pasted table…"), preview, confirm, self.failed)

    # --- outcome ----------------------------------------------------------------------------------------

    def _imported(self, summary) -> None:
        self.tab.last_summary = summary
        parts = [self.tr("%n file(s)", "", len(summary.files))]
        if summary.curve_points:
            parts.append(self.tr("%n curve point(s)", "", summary.curve_points))
        if summary.products:
            parts.append(self.tr("%n product(s)", "", summary.products))
        if summary.orders:
            parts.append(self.tr("%n order line(s)", "", summary.orders))
        self.tab.status_message.emit(self.tr("Imported: {0}").format(", ".join(parts)), 6000)
        self.tab.reload()

    def failed(self, exc: BaseException) -> None:
        from livedesk.ui.review import tab as tab_module  # its show_error (tests watch it there)

        if isinstance(exc, ImportCancelledError):
            self.tab.status_message.emit(self.tr("Import cancelled; nothing was written."), 5000)
            return
        tab_module.show_error(self.tab, exc, self.tr("Import review data"))
