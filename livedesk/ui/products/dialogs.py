"""Dialogs of the product tab: bulk edit of the selected rows and the 选品表 import preview."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from livedesk.services.importers.product_sheet import ProductSheetPreview
from livedesk.ui import formatting
from livedesk.ui.products.labels import QUALIFICATIONS, ROLES, product_role_label, qualification_label
from livedesk.ui.widgets.rows_model import RowsTableModel


class BulkEditDialog(QDialog):
    """Set one field (role, supplier, category, quality report) on every selected product."""

    def __init__(self, count: int, suppliers: list[str], categories: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(self.tr("Edit %n product(s)", "", count))
        self.suppliers, self.categories = suppliers, categories
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Set one value on all %n selected product(s). You can undo this.", "", count)))
        form = QFormLayout()
        self.field_combo = QComboBox()
        self.field_combo.setObjectName("bulkField")
        for key, text in (
            ("role", self.tr("Role")),
            ("supplier", self.tr("Supplier")),
            ("category", self.tr("Category")),
            ("qualification", self.tr("Quality report")),
        ):
            self.field_combo.addItem(text, key)
        self.value_combo = QComboBox()
        self.value_combo.setObjectName("bulkValue")
        self.value_combo.setMinimumWidth(260)
        form.addRow(self.tr("Field"), self.field_combo)
        form.addRow(self.tr("New value"), self.value_combo)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field_combo.currentIndexChanged.connect(self._fill_values)
        self._fill_values()

    def _fill_values(self) -> None:
        field = self.field_combo.currentData()
        self.value_combo.clear()
        if field == "role":
            self.value_combo.setEditable(False)
            for role in ROLES:
                self.value_combo.addItem(product_role_label(role), role)
        elif field == "qualification":
            self.value_combo.setEditable(False)
            for q in QUALIFICATIONS:
                self.value_combo.addItem(qualification_label(q), q)
        else:
            self.value_combo.setEditable(True)
            for value in self.suppliers if field == "supplier" else self.categories:
                self.value_combo.addItem(value, value)
            self.value_combo.setCurrentText("")

    def set_field(self, field: str) -> None:
        self.field_combo.setCurrentIndex(self.field_combo.findData(field))

    def result_value(self) -> tuple[str, str]:
        field = self.field_combo.currentData()
        if field in ("role", "qualification"):
            return field, self.value_combo.currentData()
        return field, self.value_combo.currentText().strip()


class ProductImportDialog(QDialog):
    """Every good row and every bad row (row, column, value, reason); nothing is written until Import."""

    def __init__(self, preview: ProductSheetPreview, existing_skus: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setObjectName("productImportDialog")
        self.setWindowTitle(self.tr("Import product sheet: {0}").format(preview.file_name))
        self.resize(980, 620)
        layout = QVBoxLayout(self)
        good = preview.good
        new = sum(1 for item in good if item.sku not in existing_skus)
        problems = list(preview.problems)
        if problems:
            text = self.tr(
                "{0} rows can be imported ({1} new, {2} already in the pool), but {3} rows have problems. "
                "Fix the file and import it again, or tick the box below to import the good rows only."
            ).format(len(good), new, len(good) - new, len(preview.bad_rows) or len(problems))
        else:
            text = self.tr(
                "{0} rows will be imported: {1} new products, {2} already in the pool are updated where the sheet "
                "differs. You can undo the import."
            ).format(len(good), new, len(good) - new)
        if preview.ignored_columns:
            text += " " + self.tr("Columns not used: {0}.").format("、".join(preview.ignored_columns))
        self.summary = QLabel(text)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.rows_model = RowsTableModel([
            self.tr("Row"), self.tr("SKU"), self.tr("Name"), self.tr("Role"), self.tr("Live price"),
            self.tr("Cost"), self.tr("Commission"), self.tr("Stock"), self.tr("In pool"),
        ])  # fmt: skip
        self.rows_model.set_rows([
            [
                item.row, item.sku, item.values.get("name", ""),
                product_role_label(item.values["role"]) if item.values.get("role") else "",
                formatting.money(item.values.get("live_price"), ""), formatting.money(item.values.get("cost"), ""),
                # how the cell was read ("1 → 1%"): a bare whole number is a percent, 0.2 a fraction
                item.readings.get("commission_rate") or formatting.percent(item.values.get("commission_rate"), missing=""),
                formatting.count(item.values.get("stock"), ""),
                self.tr("update") if item.sku in existing_skus else self.tr("new"),
            ]
            for item in good
        ])  # fmt: skip
        rows_view = QTableView()
        rows_view.setObjectName("previewRows")
        rows_view.setModel(self.rows_model)
        rows_view.verticalHeader().hide()
        rows_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        rows_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate([50, 120, 240, 70, 90, 90, 90, 80]):
            rows_view.setColumnWidth(column, width)
        layout.addWidget(rows_view, 2)

        self.problems_model = RowsTableModel([self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")])
        self.problems_model.set_rows(
            [[p.row or "", p.column or "", p.value, p.reason] for p in problems], set(range(len(problems)))
        )
        # parented now: without problems it is never laid out, and a parentless one outlived the dialog
        self.exclude_check = QCheckBox(self.tr("Leave out the bad rows and import the other {0}").format(len(good)), self)
        self.exclude_check.setObjectName("excludeBadRows")
        if problems:
            layout.addWidget(QLabel(self.tr("Problems")))
            problems_view = QTableView()
            problems_view.setObjectName("previewProblems")
            problems_view.setModel(self.problems_model)
            problems_view.verticalHeader().hide()
            for column, width in enumerate([50, 120, 160]):
                problems_view.setColumnWidth(column, width)
            problems_view.horizontalHeader().setStretchLastSection(True)
            layout.addWidget(problems_view, 1)
            layout.addWidget(self.exclude_check)
            self.exclude_check.setEnabled(bool(good))
        else:
            self.exclude_check.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.exclude_check.toggled.connect(self._update_button)
        self._update_button()

    def _update_button(self) -> None:
        ok = bool(self.preview.good) and (not self.preview.problems or self.exclude_check.isChecked())
        self.import_button.setEnabled(ok)

    def can_import(self) -> bool:
        return self.import_button.isEnabled()

    def exclude_bad(self) -> bool:
        return bool(self.preview.problems) and self.exclude_check.isChecked()
