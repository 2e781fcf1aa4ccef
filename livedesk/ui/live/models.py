"""Item models of the live tab: the checklist and the products on the shelf."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from livedesk.services.live import ShelfRow
from livedesk.ui import formatting, theme

Index = QModelIndex | QPersistentModelIndex


def product_role_label(role: str) -> str:
    return {
        "traffic": QCoreApplication.translate("LiveModels", "Traffic"),
        "profit": QCoreApplication.translate("LiveModels", "Profit"),
        "image": QCoreApplication.translate("LiveModels", "Image"),
        "welfare": QCoreApplication.translate("LiveModels", "Welfare"),
    }.get(role, role)


class ChecklistTableModel(QAbstractTableModel):
    """Rows of (id, text, ticked_by, ticked_at); column 0 is checkable; toggling emits `toggled`."""

    toggled = Signal(int, bool)  # item id, ticked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[int, str, str, Any]] = []

    def set_rows(self, rows: list[tuple[int, str, str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (QCoreApplication.translate("LiveModels", "Item"), QCoreApplication.translate("LiveModels", "Ticked by"), QCoreApplication.translate("LiveModels", "When"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        item_id, text, who, when = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (text, who, formatting.local(when).strftime("%m-%d %H:%M") if when else "")[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if when else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and when:
            return theme.brush("muted")
        if role == Qt.ItemDataRole.UserRole:
            return item_id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.toggled.emit(self.rows[index.row()][0], ticked)
        return True

    def unticked_texts(self) -> list[str]:
        return [text for _, text, _, when in self.rows if not when]


class ShelfTableModel(QAbstractTableModel):
    """The stream's lineup as it stands on the platform's shelf: link up/down and stock left."""

    COLUMNS = ("link", "name", "role", "price", "state", "stock", "safety", "note")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ShelfRow] = []

    def set_rows(self, rows: list[ShelfRow]) -> None:
        if rows == self.rows:
            return
        if len(rows) == len(self.rows) and [r.product_id for r in rows] == [r.product_id for r in self.rows]:
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> ShelfRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (QCoreApplication.translate("LiveModels", "Link"), QCoreApplication.translate("LiveModels", "Product"), QCoreApplication.translate("LiveModels", "Role"), QCoreApplication.translate("LiveModels", "Price"), QCoreApplication.translate("LiveModels", "On shelf"), QCoreApplication.translate("LiveModels", "Stock left"),
                    QCoreApplication.translate("LiveModels", "Safety"), QCoreApplication.translate("LiveModels", "Note"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        name = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "link":
                return "" if row.link_number is None else f"#{row.link_number}"
            if name == "name":
                return row.name
            if name == "role":
                return product_role_label(row.role)
            if name == "price":
                return formatting.money(row.live_price)
            if name == "state":
                return QCoreApplication.translate("LiveModels", "▲ Up") if row.link_up else QCoreApplication.translate("LiveModels", "Down")
            if name == "stock":
                return formatting.count(row.stock_remaining, "")
            if name == "safety":
                return formatting.count(row.safety_stock, "")
            if name == "note":
                if row.take_down_prompt:
                    return QCoreApplication.translate("LiveModels", "Sold out: take the link down!")
                if row.sold_out:
                    return QCoreApplication.translate("LiveModels", "Sold out")
                if row.below_safety:
                    return QCoreApplication.translate("LiveModels", "Below safety stock")
                return ""
        if role == Qt.ItemDataRole.ToolTipRole and name in ("name", "note"):  # the whole text of a narrow cell
            return self.data(index, Qt.ItemDataRole.DisplayRole) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.take_down_prompt:
                return theme.brush("alert_bg")
            if row.below_safety or row.sold_out:
                return theme.brush("warn_bg")
            if row.link_up:
                return theme.brush("good_bg")
        if role == Qt.ItemDataRole.FontRole and name == "state" and row.link_up:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and name in ("price", "stock", "safety", "link"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.product_id
        return None
