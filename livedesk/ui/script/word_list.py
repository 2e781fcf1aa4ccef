"""The compliance word list: built-in terms (on/off, re-categorised) and the team's own, edited here.

The list lives in the database, so on a team server everyone shares it. Every change is saved at once and
announced with `terms_changed`: the script tab re-checks the open script while this dialog is still open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from livedesk.services import compliance
from livedesk.services.compliance import word_list
from livedesk.services.db import Database
from livedesk.services.faults import EnvironmentFault
from livedesk.services.importers.errors import ImportFailed
from livedesk.ui import theme
from livedesk.ui.script.labels import category_label, severity_label
from livedesk.ui.widgets.rows_model import RowsTableModel

TERM, CATEGORY, SEVERITY, SUGGESTION, BASIS, SOURCE, STATE = range(7)


class WordListDialog(QDialog):
    terms_changed = Signal()

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.setObjectName("wordListDialog")
        self.setWindowTitle(self.tr("Compliance word list"))
        self.resize(980, 600)
        self.db = db
        self.changed = False
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Words the checker flags in scripts, with a safer wording and the rule each comes from. Switch built-in "
            "terms off or move them to another category; add your team's own. The list is kept in this database, "
            "so everyone on a team server shares it. The check is a prompt for the reviewer, not legal advice."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter…"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = RowsTableModel([self.tr("Term"), self.tr("Risk category"), self.tr("Severity"),
                                     self.tr("Safer wording"), self.tr("Legal basis"), self.tr("Source"),
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
        self.table.horizontalHeader().setSectionResizeMode(SUGGESTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((TERM, 110), (CATEGORY, 150), (SEVERITY, 80), (BASIS, 190)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._fill_editor)
        layout.addWidget(self.table, 1)

        edit_row = QHBoxLayout()
        self.term_edit = QLineEdit()
        self.term_edit.setObjectName("newTerm")
        self.term_edit.setPlaceholderText(self.tr("Term ({N} stands for a number: {N}天见效)"))
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("termCategory")
        for key in compliance.CATEGORIES:
            self.category_combo.addItem(category_label(key), key)
        self.category_combo.setCurrentIndex(self.category_combo.findData("custom"))
        self.severity_combo = QComboBox()
        self.severity_combo.setObjectName("termSeverity")
        self.severity_combo.addItem(self.tr("Category default"), "")
        for key in compliance.SEVERITIES:
            self.severity_combo.addItem(severity_label(key), key)
        self.suggestion_edit = QLineEdit()
        self.suggestion_edit.setObjectName("termSuggestion")
        self.suggestion_edit.setPlaceholderText(self.tr("Safer wording"))
        self.add_button = QPushButton(self.tr("Add / update"))
        self.add_button.setObjectName("addTerm")
        self.add_button.setToolTip(self.tr("Add the term, or save the category, severity and wording of a listed one"))
        self.add_button.clicked.connect(self.add_term)
        edit_row.addWidget(self.term_edit, 1)
        edit_row.addWidget(self.category_combo)
        edit_row.addWidget(self.severity_combo)
        edit_row.addWidget(self.suggestion_edit, 2)
        edit_row.addWidget(self.add_button)
        layout.addLayout(edit_row)
        self.error_label = QLabel()
        self.error_label.setObjectName("wordListError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.set_style(self.error_label, "color: $bad;")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.recategorise_button = buttons.addButton(self.tr("Move selected to category"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.recategorise_button.setObjectName("recategoriseTerms")
        self.recategorise_button.setToolTip(self.tr("Give the selected terms the category and severity chosen above"))
        self.remove_button = buttons.addButton(self.tr("Remove / switch off"), QDialogButtonBox.ButtonRole.ActionRole)
        self.remove_button.setObjectName("removeTerm")
        self.restore_button = buttons.addButton(self.tr("Restore built-in"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = buttons.addButton(self.tr("Import .xlsx…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setObjectName("importTerms")
        self.export_button = buttons.addButton(self.tr("Export .xlsx…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("exportTerms")
        self.recategorise_button.clicked.connect(self.recategorise_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.import_button.clicked.connect(lambda: self.import_from())
        self.export_button.clicked.connect(lambda: self.export_to())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        try:
            statuses = word_list.statuses(self.db)
        except EnvironmentFault as exc:  # e.g. the team server is away: say so here, show no terms
            self._say_failed(str(exc))
            statuses = []
        self._show(statuses)

    def _say_failed(self, text: str) -> None:
        self.error_label.setText(text)
        theme.set_style(self.error_label, "color: $bad;")

    def _show(self, statuses: list[compliance.TermStatus]) -> None:
        self.statuses = statuses
        rules = compliance.legal_rules()
        rows, tips = [], {}
        for i, t in enumerate(self.statuses):
            rule = rules.get(t.rule)
            source = self.tr("team") if not t.builtin else (self.tr("built-in, changed") if t.changed else self.tr("built-in"))
            rows.append([t.term, category_label(t.category), severity_label(t.severity), t.suggestion,
                         rule.source if rule else "", source, self.tr("off") if t.removed else self.tr("on")])
            if rule:
                tips[i] = rule.source
        self.model.set_rows(rows, bad_rows={i for i, t in enumerate(self.statuses) if t.removed}, tooltips=tips)

    def selected_terms(self) -> list[str]:
        return [self.model.rows[self.proxy.mapToSource(i).row()][TERM] for i in self.table.selectionModel().selectedRows()]

    def select_term(self, term: str) -> None:
        row = next(i for i, t in enumerate(self.statuses) if t.term == term)
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _fill_editor(self, current, _previous=None) -> None:
        if not current.isValid():
            return
        status = self.statuses[self.proxy.mapToSource(current).row()]
        self.term_edit.setText(status.term)
        self.category_combo.setCurrentIndex(self.category_combo.findData(status.category))
        default = compliance.DEFAULT_SEVERITY.get(status.category)
        self.severity_combo.setCurrentIndex(self.severity_combo.findData("" if status.severity == default else status.severity))
        self.suggestion_edit.setText(status.suggestion)

    def _run(self, change: Callable[[], list[compliance.TermStatus]]) -> bool:
        """One change (one service call, one unit of work) that returns the list after it; a refused change
        shows why and writes nothing."""
        try:
            statuses = change()
        except (ValueError, ImportFailed, EnvironmentFault) as exc:  # EnvironmentFault: e.g. the team server away
            self._say_failed(str(exc))
            return False
        self.error_label.clear()
        self.changed = True
        self._show(statuses)
        self.terms_changed.emit()
        return True

    def add_term(self) -> None:
        term, suggestion = self.term_edit.text().strip(), self.suggestion_edit.text().strip()
        category, severity = self.category_combo.currentData(), self.severity_combo.currentData()
        if self._run(lambda: word_list.add(self.db, term, category, suggestion, severity)):
            self.term_edit.clear()
            self.suggestion_edit.clear()

    def recategorise_selected(self) -> None:
        terms = self.selected_terms()
        category, severity = self.category_combo.currentData(), self.severity_combo.currentData()
        self._run(lambda: word_list.recategorise(self.db, terms, category, severity))

    def remove_selected(self) -> None:
        terms = self.selected_terms()
        self._run(lambda: word_list.remove(self.db, terms))

    def restore_selected(self) -> None:
        terms = self.selected_terms()
        self._run(lambda: word_list.restore(self.db, terms))

    def import_from(self, path: str | None = None) -> dict[str, int] | None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import word list"), "",
                                                  self.tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        if not path:
            return None
        counts: dict[str, int] = {}

        def apply() -> list[compliance.TermStatus]:
            found, statuses = word_list.import_file(self.db, path)
            counts.update(found)
            return statuses

        if not self._run(apply):
            return None
        self.error_label.setText(self.tr("Imported: {0} added, {1} changed, {2} switched off, {3} unchanged.").format(
            counts["added"], counts["changed"], counts["removed"], counts["unchanged"]))
        theme.set_style(self.error_label, "color: $good;")
        return counts

    def export_to(self, path: str | None = None) -> str | None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export word list"), "词表.xlsx",
                                                  self.tr("Excel workbook (*.xlsx)"))
            if path and not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        if not path:
            return None
        try:
            count = word_list.export_file(self.db, path)
        except OSError as exc:
            self._say_failed(self.tr("Could not write {0}: {1}. Choose another folder or close the file in "
                                     "Excel.").format(path, exc.strerror or exc))
            return None
        except EnvironmentFault as exc:  # e.g. the team server is away
            self._say_failed(str(exc))
            return None
        self.error_label.setText(self.tr("Wrote %n term(s) to {0}.", "", count).format(path))
        theme.set_style(self.error_label, "color: $good;")
        return path
