"""Preview of a script import whose products are not (all) in the pool: the segments, the products the
pool lacks, and the choice to import only or to import and add them to the pool. Nothing is written here."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from livedesk.services.importers.script_sheet import ScriptSheet
from livedesk.services.timeline import clock
from livedesk.ui import formatting
from livedesk.ui.script.labels import mmss, segment_kind_label
from livedesk.ui.widgets.rows_model import RowsTableModel


class ScriptImportDialog(QDialog):
    """`add_to_pool` says which button was pressed (after exec() returned Accepted)."""

    def __init__(self, parsed: ScriptSheet, file_name: str, replacing: int, parent: QWidget | None = None,
                 addable: int | None = None):
        super().__init__(parent)
        self.setObjectName("scriptImportDialog")
        self.setWindowTitle(self.tr("Import script: {0}").format(file_name))
        self.resize(920, 600)
        self.add_to_pool = False
        layout = QVBoxLayout(self)
        unmatched = parsed.unmatched
        if addable is None:  # the caller knows the pool (`script_pool.addable`); without it, every named product
            addable = sum(1 for u in unmatched if u.can_add)
        text = self.tr("The file holds %n segment(s).", "", len(parsed.segments))
        if replacing:
            text += " " + self.tr("Importing replaces the current script (Ctrl+Z brings it back).")
        if unmatched:
            text += " " + self.tr(
                "%n product(s) it names are not in the product pool. Their names are kept on the segments; "
                "add them to the pool now, or later with Add to pool.", "", len(unmatched))
        self.summary = QLabel(text)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.rows_model = RowsTableModel([self.tr("Start"), self.tr("Duration"), self.tr("Type"), self.tr("Title"),
                                          self.tr("Product")])
        self.rows_model.set_rows([
            [clock(s["start_seconds"]), mmss(s["duration_seconds"]), segment_kind_label(s["kind"]), s["title"],
             self.tr("{0} (not in pool)").format(s["product_name"]) if s.get("product_name") else ""]
            for s in parsed.segments
        ])
        rows_view = QTableView()
        rows_view.setObjectName("previewRows")
        rows_view.setModel(self.rows_model)
        rows_view.verticalHeader().hide()
        rows_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(rows_view, 2)

        self.unmatched_model = RowsTableModel([self.tr("Not in the product pool"), self.tr("Rows"),
                                               self.tr("Live price"), self.tr("Why")])
        self.unmatched_model.set_rows([
            [u.name, "、".join(str(r) for r in u.rows), formatting.money(u.price, ""),
             u.reason if u.can_add else self.tr("a link number only: set link numbers on the stream's lineup")]
            for u in unmatched
        ])
        if unmatched:
            layout.addWidget(QLabel(self.tr("Products the pool lacks")))
            unmatched_view = QTableView()
            unmatched_view.setObjectName("previewUnmatched")
            unmatched_view.setModel(self.unmatched_model)
            unmatched_view.verticalHeader().hide()
            unmatched_view.horizontalHeader().setStretchLastSection(True)
            unmatched_view.setColumnWidth(0, 220)
            layout.addWidget(unmatched_view, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.add_button = buttons.addButton(self.tr("Import and add %n to pool", "", addable),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("importAndAddButton")
        self.add_button.setToolTip(self.tr(
            "Creates the products in the product pool (fill in SKU, cost and selling points there), puts them on "
            "this stream's lineup and links their segments. Ctrl+Z takes them away again."))
        self.add_button.setVisible(bool(addable))
        self.import_button.clicked.connect(lambda: self._choose(False))
        self.add_button.clicked.connect(lambda: self._choose(True))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.add_button if addable else self.import_button).setDefault(True)

    def _choose(self, add_to_pool: bool) -> None:
        self.add_to_pool = add_to_pool
        self.accept()
