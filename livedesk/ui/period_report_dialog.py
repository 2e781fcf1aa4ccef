"""File ▸ Export period report…: pick 日报 / 周报 / 月报 and a day, save as .pdf or .xlsx, written off the GUI thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QWidget,
)

from livedesk.services.db import Database
from livedesk.services.period_report import period_bounds, period_file_name
from livedesk.services.review import ImportCancelledError
from livedesk.ui.errors import show_error
from livedesk.ui.tasks import run_task


class PeriodReportDialog(QDialog):
    """Which period: a day, the Monday-to-Sunday week or the calendar month holding the chosen day."""

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periodReportDialog")
        self.setWindowTitle(self.tr("Export period report"))
        self.setMinimumWidth(360)
        form = QFormLayout(self)
        self.period_combo = QComboBox()
        self.period_combo.addItem(self.tr("Daily report"), "day")
        self.period_combo.addItem(self.tr("Weekly report"), "week")
        self.period_combo.addItem(self.tr("Monthly report"), "month")
        self.period_combo.setCurrentIndex(1)
        form.addRow(self.tr("&Report"), self.period_combo)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        day = today or dt.date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        form.addRow(self.tr("&Day in the period"), self.date_edit)
        self.range_label = QLabel()
        self.range_label.setObjectName("periodRange")
        form.addRow(self.tr("Covers"), self.range_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save as…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.period_combo.currentIndexChanged.connect(self._show_range)
        self.date_edit.dateChanged.connect(self._show_range)
        self._show_range()

    @property
    def period(self) -> str:
        return self.period_combo.currentData()

    @property
    def day(self) -> dt.date:
        return self.date_edit.date().toPython()

    def _show_range(self) -> None:
        first, last = period_bounds(self.period, self.day)
        self.range_label.setText(first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}")


def export_period_report(
    parent: QWidget,
    db: Database,
    done: Callable[[Path], None],
    dialog: PeriodReportDialog | None = None,
    path: str | None = None,
) -> None:
    """Ask for the period and the file, then write it behind a progress dialog with Cancel."""
    dialog = dialog or PeriodReportDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    period, day = dialog.period, dialog.day
    if not path:
        path, _ = QFileDialog.getSaveFileName(
            parent, dialog.tr("Save report"), period_file_name(period, day),
            dialog.tr("PDF (*.pdf);;Excel workbook (*.xlsx)"),
        )
    if not path:
        return
    progress_dialog = QProgressDialog(dialog.tr("Writing the report…"), dialog.tr("Cancel"), 0, 3, parent)
    progress_dialog.setObjectName("periodReportProgress")
    progress_dialog.setWindowModality(Qt.WindowModality.WindowModal)
    progress_dialog.setMinimumDuration(300)
    progress_dialog.setAutoClose(False)
    progress_dialog.setAutoReset(False)
    state: dict[str, Any] = {"cancel": False}
    progress_dialog.canceled.connect(lambda: state.update(cancel=True))

    def work(progress, cancelled):
        from livedesk.rendering.period_report import build_period_report

        return build_period_report(
            db, period, day, path, progress=lambda d, t, _m: progress(d, t),
            cancelled=lambda: cancelled() or state["cancel"],
        )

    def on_progress(done_steps: int, total: int) -> None:
        progress_dialog.setMaximum(max(total, 1))
        progress_dialog.setValue(done_steps)

    def finish(result: Path) -> None:
        progress_dialog.close()
        progress_dialog.deleteLater()
        done(Path(result))

    def fail(exc: BaseException) -> None:
        progress_dialog.close()
        progress_dialog.deleteLater()
        if not isinstance(exc, ImportCancelledError):
            show_error(parent, exc, dialog.tr("Report"))

    run_task(work, finish, fail, on_progress)


__all__ = ["PeriodReportDialog", "export_period_report"]
