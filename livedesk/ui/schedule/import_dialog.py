"""Preview of a schedule import: every good row, every bad row with its reason; nothing written until confirmed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from livedesk.ui import formatting
from livedesk.ui.labels import platform_label, status_label
from livedesk.ui.widgets.rows_model import RowsTableModel


class ScheduleImportDialog(QDialog):
    def __init__(self, preview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scheduleImportDialog")
        self.setWindowTitle(self.tr("Import schedule: {0}").format(preview.file_name))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        problems = list(preview.problems)
        if problems:
            summary = self.tr(
                "{0} streams can be read, but {1} problems must be fixed first. Nothing will be imported: "
                "correct the file and import it again."
            ).format(len(preview.rows), len(problems))
        else:
            summary = self.tr("{0} streams will be added to the schedule. You can undo the import.").format(len(preview.rows))
        self.summary = QLabel(summary)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.rows_model = RowsTableModel(
            [self.tr("Start"), self.tr("Title"), self.tr("Platform"), self.tr("Account"), self.tr("Length"), self.tr("Status"), self.tr("People")]
        )
        self.rows_model.set_rows([
            [formatting.date_time(r.start_at), r.title, platform_label(r.platform), r.account,
             formatting.minutes(r.planned_minutes), status_label(r.status), "、".join(n for n, _ in r.people)]
            for r in preview.rows
        ])
        rows_view = QTableView()
        rows_view.setObjectName("previewRows")
        rows_view.setModel(self.rows_model)
        rows_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(rows_view, 2)

        self.problems_model = RowsTableModel([self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")])
        self.problems_model.set_rows([[p.row or "", p.column or "", p.value, p.reason] for p in problems], set(range(len(problems))))
        if problems:
            layout.addWidget(QLabel(self.tr("Problems")))
            problems_view = QTableView()
            problems_view.setObjectName("previewProblems")
            problems_view.setModel(self.problems_model)
            problems_view.horizontalHeader().setStretchLastSection(True)
            layout.addWidget(problems_view, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(not problems and bool(preview.rows))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
