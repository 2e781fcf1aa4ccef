"""The pre-live checklist page and going live. A part of LiveTab (livedesk/ui/live/tab.py)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from livedesk.services import live as live_service
from livedesk.services import live_steps
from livedesk.ui import theme
from livedesk.ui.errors import show_error
from livedesk.ui.live.models import ChecklistTableModel

log = logging.getLogger(__name__)


class ChecklistPage:
    """The checklist page's widgets and actions; mixed into LiveTab."""

    def _build_checklist_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        head = QHBoxLayout()
        title = QLabel(self.tr("Pre-live checklist"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Tick as")))
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("tickAs")
        self.person_combo.setEditable(False)
        head.addWidget(self.person_combo)
        edit = QPushButton(self.tr("Edit template…"))
        edit.setObjectName("editChecklistTemplate")
        edit.clicked.connect(self.edit_template)
        head.addWidget(edit)
        layout.addLayout(head)
        hint = QLabel(self.tr("Tick each item once it is done; who ticked it and when is kept. "
                              "Items marked 改进 come from the last review of this account. The first items "
                              "the app ticks itself from what it knows, and says why."))
        theme.set_style(hint, "color: $muted;")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.checklist_model = ChecklistTableModel(self)
        self.checklist_model.toggled.connect(self.set_ticked)
        self.checklist_view = QTableView()
        self.checklist_view.setObjectName("checklist")
        self.checklist_view.setModel(self.checklist_model)
        self.checklist_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklist_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checklist_view.verticalHeader().hide()
        self.checklist_view.setStyleSheet("font-size: 15px;")
        header = self.checklist_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.checklist_view.setColumnWidth(0, 380)
        self.checklist_view.setWordWrap(True)
        self.checklist_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # long items wrap
        layout.addWidget(self.checklist_view, 1)
        bottom = QHBoxLayout()
        self.checklist_summary = QLabel()
        self.checklist_summary.setObjectName("checklistSummary")
        bottom.addWidget(self.checklist_summary)
        bottom.addStretch(1)
        self.go_live_button = QPushButton(self.tr("Go live"))
        self.go_live_button.setObjectName("goLive")
        self.go_live_button.setMinimumSize(180, 44)
        theme.set_style(self.go_live_button,
                        "QPushButton { background: $strong_bg; color: $strong_fg; font-size: 17px; font-weight: 700; }"
                        "QPushButton:disabled { background: $neutral_bg; color: $neutral_fg; }")
        self.go_live_button.clicked.connect(self.go_live)
        bottom.addWidget(self.go_live_button)
        layout.addLayout(bottom)
        return page

    def go_live(self) -> None:
        if self.state is None or self.state.started_at is not None:
            return
        missing = self.checklist_model.unticked_texts()
        if missing and not self.confirm_go_live(missing):
            return
        if self.act(live_steps.go_live):
            if self.stream_id is not None:
                self.stream_picked.emit(self.stream_id)  # the stream on air is the one every tab shows
            self.show_page(1)
            self.status_message.emit(self.tr("Live! The stream clock is running."), 5000)

    def _ask_go_live(self, missing: list[str]) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Go live"),
                          self.tr("%n checklist item(s) are not ticked:", "", len(missing)) + "\n\n• " + "\n• ".join(missing)
                          + "\n\n" + self.tr("Go live anyway?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("goLiveConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def set_ticked(self, item_id: int, ticked: bool) -> None:
        if self.following:  # read-only: the tick goes back to what the database says
            self.reread()
            return
        try:
            live_steps.set_ticked(self.db, item_id, ticked, self.person_combo.currentText(), self.clock())
        except Exception as exc:
            show_error(self, exc)
        self.reread()

    def edit_template(self) -> None:
        dialog = QDialog(self)
        dialog.setObjectName("checklistTemplateDialog")
        dialog.setWindowTitle(self.tr("Checklist template"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("One item per line. New streams start from this list.")))
        editor = QPlainTextEdit("\n".join(live_service.load_checklist_template(self.paths)))
        layout.addWidget(editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(520, 360)
        if dialog.exec():
            try:
                live_service.save_checklist_template(self.paths, editor.toPlainText().splitlines())
            except OSError as exc:
                show_error(self, exc)
