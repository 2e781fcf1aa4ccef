"""ProductTableModel (the pool, editable inline) and ProductFilterProxy (search and filters without the database)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from livedesk.services.products import ProductRow
from livedesk.ui import formatting
from livedesk.ui.products.labels import ROLE_COLOURS, flag_label, product_role_label, qualification_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex

COLUMNS = [
    "name", "sku", "category", "role", "list_price", "live_price", "cost", "commission_rate", "gross_margin",
    "stock", "safety_stock", "flags", "supplier", "qualification", "points",
]  # fmt: skip
EDITABLE = {
    "name", "sku", "category", "role", "list_price", "live_price", "cost", "commission_rate", "stock",
    "safety_stock", "supplier", "qualification",
}  # fmt: skip
NUMERIC = {"list_price", "live_price", "cost", "commission_rate", "gross_margin", "stock", "safety_stock", "points"}
# which flags colour which cell
FLAG_CELLS = {
    "below_margin_floor": {"gross_margin", "live_price", "cost", "commission_rate"},
    "below_safety_stock": {"stock", "safety_stock"},
    "short_for_lineups": {"stock"},
    "missing_qualification": {"qualification"},
    "low_click_rate": {"name"},
}
WARN_BG = QColor(220, 38, 38, 40)
WARN_FG = QColor("#b91c1c")
_MISSING = float("-inf")

EditHandler = Callable[[ProductRow, str, object], bool]


def _num(value: Decimal | int | None) -> float:
    return _MISSING if value is None else float(value)


def _edit_text(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}" if value == value.to_integral() else str(value.quantize(Decimal("0.01")))
    return str(value)


class ProductTableModel(QAbstractTableModel):
    """One row per product (from `list_products`). Edits go through `edit_handler`, which pushes an undo command."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ProductRow] = []
        self._index: dict[int, int] = {}
        self.haystacks: list[str] = []
        self.edit_handler: EditHandler | None = None

    # --- rows -------------------------------------------------------------------------------------------

    def set_rows(self, rows: list[ProductRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._index = {r.id: i for i, r in enumerate(self._rows)}
        self.haystacks = [self._haystack(r) for r in self._rows]

    @staticmethod
    def _haystack(r: ProductRow) -> str:
        return " ".join((r.name, r.sku, r.category, r.supplier, r.platform_product_id, r.notes)).casefold()

    def update_rows(self, rows: list[ProductRow], removed_ids: set[int] | None = None) -> None:
        """Refresh a few rows in place (after an edit) without resetting the view's selection and scroll."""
        for row in rows:
            i = self._index.get(row.id)
            if i is None:
                self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
                self._rows.append(row)
                self._index[row.id] = len(self._rows) - 1
                self.haystacks.append(self._haystack(row))
                self.endInsertRows()
            else:
                self._rows[i] = row
                self.haystacks[i] = self._haystack(row)
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
        for pid in removed_ids or ():
            i = self._index.get(pid)
            if i is not None:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                del self.haystacks[i]
                self._index = {r.id: n for n, r in enumerate(self._rows)}
                self.endRemoveRows()

    def rows(self) -> list[ProductRow]:
        return list(self._rows)

    def product_at(self, row: int) -> ProductRow:
        return self._rows[row]

    def row_of(self, product_id: int) -> int:
        return self._index.get(product_id, -1)

    def product(self, product_id: int) -> ProductRow | None:
        i = self._index.get(product_id)
        return None if i is None else self._rows[i]

    # --- Qt model ---------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Name"), self.tr("SKU"), self.tr("Category"), self.tr("Role"), self.tr("List price"),
                self.tr("Live price"), self.tr("Cost"), self.tr("Comm."), self.tr("Margin"),
                self.tr("Stock"), self.tr("Safety"), self.tr("Warnings"), self.tr("Supplier"),
                self.tr("QC report"), self.tr("Points"),
            ][section]  # fmt: skip
        if role == Qt.ItemDataRole.ToolTipRole:
            column = COLUMNS[section]
            if column == "gross_margin":
                return self.tr("(live price − cost − commission rate × live price) / live price")
            if column == "points":
                return self.tr("Number of selling points (卖点) in the product's handbook")
            if column == "commission_rate":
                return self.tr("Commission rate, a share of the live price")
            if column == "safety_stock":
                return self.tr("Safety stock: restock when stock falls below this line")
            if column == "qualification":
                return self.tr("Quality report (质检报告)")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()] in EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(r, column)
        if role == SORT_ROLE:
            return self._sort_key(r, column)
        if role == PRODUCT_ROLE:
            return r.id
        if role == Qt.ItemDataRole.ToolTipRole:
            reasons = [text for flag, text in r.flag_reasons.items() if column == "flags" or column in FLAG_CELLS[flag]]
            if reasons:
                return "\n".join(reasons)
            if column == "name" and r.notes:
                return r.notes
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if any(column in FLAG_CELLS[flag] for flag in r.flags):
                return QBrush(WARN_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "flags" and r.flags:
                return QBrush(WARN_FG)
            if column == "role":
                return QBrush(QColor(ROLE_COLOURS.get(r.role, "#444")))
            if any(column in FLAG_CELLS[flag] for flag in r.flags):
                return QBrush(WARN_FG)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, r: ProductRow, column: str) -> str:
        if column in ("name", "sku", "category", "supplier"):
            return getattr(r, column)
        if column == "role":
            return product_role_label(r.role)
        if column in ("list_price", "live_price", "cost"):
            return formatting.money(getattr(r, column))
        if column == "commission_rate":
            return formatting.percent(r.commission_rate)
        if column == "gross_margin":
            return formatting.percent(r.gross_margin)
        if column in ("stock", "safety_stock"):
            return formatting.count(getattr(r, column))
        if column == "qualification":
            return qualification_label(r.qualification)
        if column == "points":
            return str(r.selling_point_count)
        if column == "flags":
            return ("⚠ " + ", ".join(flag_label(f) for f in r.flags)) if r.flags else ""
        return ""

    def _edit_value(self, r: ProductRow, column: str) -> Any:
        if column in ("list_price", "live_price", "cost", "stock", "safety_stock"):
            return _edit_text(getattr(r, column))
        if column == "commission_rate":
            if r.commission_rate is None:
                return ""
            return f"{(r.commission_rate * 100).normalize():f}%"
        if column in ("role", "qualification"):
            return getattr(r, column)
        return self._display(r, column)

    def _sort_key(self, r: ProductRow, column: str) -> Any:
        if column in ("list_price", "live_price", "cost", "commission_rate", "gross_margin", "stock", "safety_stock"):
            return _num(getattr(r, column))
        if column == "points":
            return float(r.selling_point_count)
        if column == "flags":
            return float(len(r.flags))
        return self._display(r, column).casefold()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.edit_handler is None:
            return False
        column = COLUMNS[index.column()]
        if column not in EDITABLE:
            return False
        r = self._rows[index.row()]
        if str(self._edit_value(r, column)) == str(value if value is not None else ""):
            return False
        return self.edit_handler(r, column, value)


class ProductFilterProxy(QSortFilterProxyModel):
    """Text search on precomputed lowercase haystacks plus category, role, supplier and state filters."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.text = ""
        self.category: str | None = None
        self.role: str | None = None
        self.supplier: str | None = None
        self.state: str | None = None

    def set_filters(self, text: str = "", category=None, role=None, supplier=None, state=None) -> None:
        self.beginFilterChange()
        self.text = text.strip().casefold()
        self.category, self.role, self.supplier, self.state = category, role, supplier, state
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model: ProductTableModel = self.sourceModel()  # type: ignore[assignment]
        if self.text and self.text not in model.haystacks[source_row]:
            return False
        if self.category is None and self.role is None and self.supplier is None and self.state is None:
            return True
        r = model.product_at(source_row)
        if self.category is not None and r.category != self.category:
            return False
        if self.role is not None and r.role != self.role:
            return False
        if self.supplier is not None and r.supplier != self.supplier:
            return False
        if self.state is not None:
            if self.state == "any":
                return bool(r.flags)
            return self.state in r.flags
        return True
