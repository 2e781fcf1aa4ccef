"""Item models of the live tab: the checklist and the products on the shelf."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class ChecklistRow:
    """A checklist item ticked by hand (item_id, who, when), or one the app ticks itself (auto, with a note
    saying why it is ticked or what to do)."""

    item_id: int | None
    text: str
    who: str = ""
    when: Any = None
    auto: bool = False
    ok: bool = False
    note: str = ""

    @property
    def ticked(self) -> bool:
        return self.ok if self.auto else self.when is not None


class ChecklistTableModel(QAbstractTableModel):
    """Checklist rows: the app's own checks first, then the team's items; column 0 of a team item is checkable
    and toggling it emits `toggled`. The app's checks follow the data and cannot be ticked by hand."""

    toggled = Signal(int, bool)  # item id, ticked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ChecklistRow] = []

    def set_rows(self, rows: list[ChecklistRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (QCoreApplication.translate("LiveModels", "Item"), QCoreApplication.translate("LiveModels", "Ticked by"),
                    QCoreApplication.translate("LiveModels", "When"), QCoreApplication.translate("LiveModels", "Why"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None
        if index.column() == 0 and row is not None and not row.auto:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.text
            if column == 1:
                if row.auto:  # not tickable by hand either way; the Why column says what to do
                    return QCoreApplication.translate("LiveModels", "LiveDesk (automatic)") if row.ok else \
                        QCoreApplication.translate("LiveModels", "(checked automatically)")
                return row.who
            if column == 2:
                return formatting.local(row.when).strftime("%m-%d %H:%M") if row.when else ""
            return row.note
        if role == Qt.ItemDataRole.ToolTipRole and row.auto:
            return row.note
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if row.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if (column == 0 and row.ticked) or (column == 1 and row.auto and not row.ok):
                return theme.brush("muted")
            if column == 3 and row.auto:
                return theme.brush("good" if row.ok else "bad_fg")
        if role == Qt.ItemDataRole.UserRole:
            return row.item_id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        row = self.rows[index.row()]
        if row.auto or row.item_id is None:
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.toggled.emit(row.item_id, ticked)
        return True

    def unticked_texts(self) -> list[str]:
        """What is not ticked, for the go-live question; the app's checks say why."""
        return [f"{row.text} — {row.note}" if row.auto else row.text for row in self.rows if not row.ticked]


class ShelfTableModel(QAbstractTableModel):
    """The stream's lineup as it stands on the platform's shelf: link up/down and stock left."""

    COLUMNS = ("link", "name", "role", "price", "state", "stock", "click", "safety", "note")

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
                    QCoreApplication.translate("LiveModels", "Click rate"), QCoreApplication.translate("LiveModels", "Safety"), QCoreApplication.translate("LiveModels", "Note"))[section]
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
            if name == "click":
                return "" if row.click_rate is None else f"{float(row.click_rate) * 100:.1f}%"
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
        if role == Qt.ItemDataRole.ToolTipRole and name == "stock" and row.safety_stock is not None:
            return QCoreApplication.translate("LiveModels", "Safety stock: {0}").format(formatting.count(row.safety_stock, ""))
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
        if role == Qt.ItemDataRole.TextAlignmentRole and name in ("price", "stock", "click", "safety", "link"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.product_id
        return None
