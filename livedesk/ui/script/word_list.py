"""The compliance word list: built-in terms (on/off) and the team's own, added and removed here."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from livedesk.services import compliance
from livedesk.services.db import Database
from livedesk.ui import theme
from livedesk.ui.script.labels import category_label
from livedesk.ui.widgets.rows_model import RowsTableModel


class WordListDialog(QDialog):
    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.setObjectName("wordListDialog")
        self.setWindowTitle(self.tr("Compliance word list"))
        self.resize(760, 560)
        self.db = db
        self.changed = False
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Words the checker flags in scripts, with a safer wording. Built-in terms can be switched off; "
            "your own terms can be added and deleted. The check is a prompt for the reviewer, not legal advice.")))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter…"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = RowsTableModel([self.tr("Term"), self.tr("Category"), self.tr("Safer wording"), self.tr("Source"),
                                     self.tr("State")], parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("termTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        add_row = QHBoxLayout()
        self.term_edit = QLineEdit()
        self.term_edit.setObjectName("newTerm")
        self.term_edit.setPlaceholderText(self.tr("New term"))
        self.category_combo = QComboBox()
        for key in compliance.CATEGORIES:
            self.category_combo.addItem(category_label(key), key)
        self.category_combo.setCurrentIndex(self.category_combo.findData("custom"))
        self.suggestion_edit = QLineEdit()
        self.suggestion_edit.setPlaceholderText(self.tr("Safer wording"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("addTerm")
        self.add_button.clicked.connect(self.add_term)
        add_row.addWidget(self.term_edit, 1)
        add_row.addWidget(self.category_combo)
        add_row.addWidget(self.suggestion_edit, 2)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        self.error_label = QLabel()
        theme.set_style(self.error_label, "color: $bad;")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.remove_button = buttons.addButton(self.tr("Remove / switch off"), QDialogButtonBox.ButtonRole.ActionRole)
        self.remove_button.setObjectName("removeTerm")
        self.restore_button = buttons.addButton(self.tr("Restore built-in"), QDialogButtonBox.ButtonRole.ActionRole)
        self.remove_button.clicked.connect(self.remove_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        with self.db.session() as session:
            self.statuses = compliance.list_term_statuses(session)
        rows = [
            [t.term, category_label(t.category), t.suggestion,
             self.tr("built-in") if t.builtin else self.tr("team"),
             self.tr("off") if t.removed else self.tr("on")]
            for t in self.statuses
        ]
        self.model.set_rows(rows, bad_rows={i for i, t in enumerate(self.statuses) if t.removed})

    def selected_terms(self) -> list[str]:
        return [self.model.rows[self.proxy.mapToSource(i).row()][0] for i in self.table.selectionModel().selectedRows()]

    def _run(self, fn) -> bool:
        try:
            with self.db.session() as session:
                fn(session)
        except ValueError as exc:
            self.error_label.setText(str(exc))
            return False
        self.error_label.clear()
        self.changed = True
        self.reload()
        return True

    def add_term(self) -> None:
        term, suggestion = self.term_edit.text().strip(), self.suggestion_edit.text().strip()
        category = self.category_combo.currentData()
        if self._run(lambda s: compliance.add_term(s, term, category, suggestion)):
            self.term_edit.clear()
            self.suggestion_edit.clear()

    def remove_selected(self) -> None:
        for term in self.selected_terms():
            self._run(lambda s, term=term: compliance.remove_term(s, term))

    def restore_selected(self) -> None:
        for term in self.selected_terms():
            self._run(lambda s, term=term: compliance.restore_term(s, term))
