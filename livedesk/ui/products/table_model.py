"""ProductTableModel (the pool, editable inline) and ProductFilterProxy (search and filters without the database)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt

from livedesk.services.products import ProductRow
from livedesk.ui import formatting, theme
from livedesk.ui.products.labels import flag_label, product_role_label, qualification_label

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
_MISSING = float("-inf")

EditHandler = Callable[[ProductRow, str, object], bool]

# data() runs for seven roles of every painted cell on every repaint: compare against plain ints, and answer
# the roles this model never sets before anything else.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_UNSET_ROLES = frozenset(
    int(r) for r in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole)
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGNMENTS = tuple(_RIGHT if column in NUMERIC else None for column in COLUMNS)
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_FLAGS = tuple(_READ_ONLY | Qt.ItemFlag.ItemIsEditable if column in EDITABLE else _READ_ONLY for column in COLUMNS)


def _num(value: Decimal | int | None) -> float:
    return _MISSING if value is None else float(value)


def _sortable(key: Any) -> tuple:
    """Sort keys with missing values last and numbers before text, so mixed columns never fail to compare."""
    if key is None or (isinstance(key, float) and key != key):
        return (2, 0)
    if isinstance(key, (int, float)):
        return (0, key)
    return (1, str(key))


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
        self._all: list[ProductRow] = []  # every product, in the current sort order
        self._hay: dict[int, str] = {}  # product id → lowercase search text
        self._cells: dict[int, tuple[str, ...]] = {}  # product id → display texts, filled as rows are painted
        self._hits: tuple[str, list[ProductRow]] = ("", [])  # the last search text and the rows it matched
        self._titles: list[str] | None = None
        self._rows: list[ProductRow] = []  # the rows shown: _all filtered
        self._index_cache: dict[int, int] | None = {}  # product id → shown row (see _index)
        self._filter: tuple = ("", None, None, None, None)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._flagged: int | None = None
        self.edit_handler: EditHandler | None = None

    # --- rows -------------------------------------------------------------------------------------------

    def set_rows(self, rows: list[ProductRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._flagged = None
        self._hay = {r.id: self._haystack(r) for r in self._all}
        self._cells = {}
        self._sort_all()
        self._apply_filter()
        self.endResetModel()

    @staticmethod
    def _haystack(r: ProductRow) -> str:
        return " ".join((r.name, r.sku, r.category, r.supplier, r.platform_product_id, r.notes)).casefold()

    # Filtering and sorting happen here in one Python pass over precomputed keys: a proxy that called back
    # into Python for every row and comparison made each keystroke cost tens of ms on 20,000 products.

    def set_filter(self, text: str = "", category=None, role=None, supplier=None, state=None) -> None:
        self.beginResetModel()
        self._filter = (text.strip().casefold(), category, role, supplier, state)
        self._apply_filter()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_all()
        self._apply_filter()
        self.layoutChanged.emit()

    def _sort_all(self) -> None:
        self._hits = ("", [])
        if self._sort is None:
            return
        column, order = self._sort
        name = COLUMNS[column]
        self._all.sort(key=lambda r: _sortable(self._sort_key(r, name)), reverse=order == Qt.SortOrder.DescendingOrder)

    def _accepts(self, r: ProductRow) -> bool:
        text, category, role, supplier, state = self._filter
        if text and text not in self._hay[r.id]:
            return False
        if category is not None and r.category != category:
            return False
        if role is not None and r.role != role:
            return False
        if supplier is not None and r.supplier != supplier:
            return False
        if state is not None:
            return bool(r.flags) if state == "any" else state in r.flags
        return True

    def _apply_filter(self) -> None:
        text, category, role, supplier, state = self._filter
        rows = self._all
        if text:
            hay = self._hay
            previous, hits = self._hits
            # typing on narrows the last search: only its hits (already in sort order) can match
            pool = hits if previous and previous in text else self._all
            rows = [r for r in pool if text in hay[r.id]]
            self._hits = (text, rows)
        if (category, role, supplier, state) != (None, None, None, None):
            rows = [r for r in rows if self._accepts(r)]
        self._rows = rows if rows is not self._all else list(rows)
        self._index_cache = None

    @property
    def _index(self) -> dict[int, int]:
        """Product id → shown row, built when first asked for after a filter change."""
        if self._index_cache is None:
            self._index_cache = {r.id: i for i, r in enumerate(self._rows)}
        return self._index_cache

    def update_rows(self, rows: list[ProductRow], removed_ids: set[int] | None = None) -> None:
        """Refresh a few rows in place (after an edit) without resetting the view's selection and scroll."""
        self._flagged = None
        self._hits = ("", [])
        positions = {r.id: i for i, r in enumerate(self._all)}
        for row in rows:
            self._hay[row.id] = self._haystack(row)
            self._cells.pop(row.id, None)
            if row.id in positions:
                self._all[positions[row.id]] = row
            else:
                self._all.append(row)
            i = self._index.get(row.id)
            if i is not None:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
            elif self._accepts(row):
                self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
                self._rows.append(row)
                self._index_cache = None
                self.endInsertRows()
        for pid in removed_ids or ():
            self._all = [r for r in self._all if r.id != pid]
            self._hay.pop(pid, None)
            self._cells.pop(pid, None)
            i = self._index.get(pid)
            if i is not None:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self._index_cache = None
                self.endRemoveRows()

    def rows(self) -> list[ProductRow]:
        """Every product, shown or filtered out."""
        return list(self._all)

    def total_count(self) -> int:
        return len(self._all)

    def flagged_count(self) -> int:
        if self._flagged is None:
            self._flagged = sum(1 for r in self._all if r.flags)
        return self._flagged

    def product_at(self, row: int) -> ProductRow:
        return self._rows[row]

    def row_of(self, product_id: int) -> int:
        return self._index.get(product_id, -1)

    def product(self, product_id: int) -> ProductRow | None:
        i = self._index.get(product_id)
        if i is not None:
            return self._rows[i]
        return next((r for r in self._all if r.id == product_id), None)

    # --- Qt model ---------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role not in (_DISPLAY, _TOOLTIP):
            return None
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == _DISPLAY:
            if self._titles is None:
                self._titles = self._header_titles()
            return self._titles[section]
        return self._header_tooltip(COLUMNS[section])

    def _header_titles(self) -> list[str]:
        return [
            self.tr("Name"), self.tr("SKU"), self.tr("Category"), self.tr("Role"), self.tr("List price"),
            self.tr("Live price"), self.tr("Cost"), self.tr("Comm."), self.tr("Margin"),
            self.tr("Stock"), self.tr("Safety"), self.tr("Warnings"), self.tr("Supplier"),
            self.tr("QC report"), self.tr("Points"),
        ]  # fmt: skip

    def _header_tooltip(self, column: str) -> str | None:
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
        return _FLAGS[index.column()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in _UNSET_ROLES:
            return None
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self._rows):
            return None
        r = self._rows[row]
        if role == _DISPLAY:
            cells = self._cells.get(r.id)
            if cells is None:
                cells = self._cells[r.id] = tuple(self._display(r, column) for column in COLUMNS)
            return cells[index.column()]
        if role == _ALIGNMENT:
            return _ALIGNMENTS[index.column()]
        column = COLUMNS[index.column()]
        if role == _EDIT:
            return self._edit_value(r, column)
        if role == SORT_ROLE:
            return self._sort_key(r, column)
        if role == PRODUCT_ROLE:
            return r.id
        if role == _TOOLTIP:
            reasons = [text for flag, text in r.flag_reasons.items() if column == "flags" or column in FLAG_CELLS[flag]]
            if reasons:
                return "\n".join(reasons)
            if column == "name" and r.notes:
                return r.notes
            return None
        if role == _BACKGROUND:
            if r.flags and any(column in FLAG_CELLS[flag] for flag in r.flags):
                return theme.brush("bad_bg")
            return None
        if role == _FOREGROUND:
            if column == "flags" and r.flags:
                return theme.brush("bad_fg")
            if column == "role":
                return theme.role_brush(r.role)
            if r.flags and any(column in FLAG_CELLS[flag] for flag in r.flags):
                return theme.brush("bad_fg")
            return None
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


class ProductFilterProxy(QIdentityProxyModel):
    """The view's proxy: search, filters and sorting are passed to the model, which applies them in one pass.

    An identity proxy, not a QSortFilterProxyModel: that one maps every index through the source's index(),
    which calls the Python rowCount() and columnCount() for each role of each painted cell.
    """

    def invalidate(self) -> None:
        """Nothing to redo: the model keeps its shown rows filtered and sorted itself."""

    def set_filters(self, text: str = "", category=None, role=None, supplier=None, state=None) -> None:
        self.sourceModel().set_filter(text, category, role, supplier, state)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
