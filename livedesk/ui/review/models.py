"""Item models of the review tab: products, moments, the improvement list and trends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt

from livedesk.services.review_model import rate_text
from livedesk.services.review_views import ImprovementData, MomentRow, ProductLine, TrendRow
from livedesk.ui import formatting, theme

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2



def _sort_value(value: Any) -> Any:
    """A value the proxy can compare: missing sorts first, numbers as floats."""
    if value is None:
        return float("-inf")
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class _RecordTableModel(QAbstractTableModel):
    """Rows of plain records; subclasses name their columns and say how each cell reads."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def value(self, row: Any, column: str) -> Any:
        raise NotImplementedError

    def display(self, row: Any, column: str) -> str:
        value = self.value(row, column)
        return "—" if value is None else str(value)

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or index.column() >= len(self.columns):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == SORT_ROLE:
            return _sort_value(self.value(row, column))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(self.value(row, column), (int, float, Decimal)):
            if not isinstance(self.value(row, column), bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.extra_data(row, column, role)

    def extra_data(self, row: Any, column: str, role: int) -> Any:
        return None


# ---------------------------------------------------------------- products


class ProductTableModel(_RecordTableModel):
    columns = (
        "name", "exposure_users", "click_users", "click_rate", "buyers", "product_conversion", "orders", "gmv",
        "refund_buyers", "margin", "flags",
    )

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("ReviewModels", "Product"), QCoreApplication.translate("ReviewModels", "Exposure users"), QCoreApplication.translate("ReviewModels", "Click users"), QCoreApplication.translate("ReviewModels", "Click rate"), QCoreApplication.translate("ReviewModels", "Buyers"),
            QCoreApplication.translate("ReviewModels", "Click-to-buy"), QCoreApplication.translate("ReviewModels", "Orders"), QCoreApplication.translate("ReviewModels", "GMV"), QCoreApplication.translate("ReviewModels", "Refunds"), QCoreApplication.translate("ReviewModels", "Margin (pool)"), QCoreApplication.translate("ReviewModels", "Flags"),
        ]

    def value(self, row: ProductLine, column: str) -> Any:
        if column == "flags":
            return QCoreApplication.translate("ReviewModels", "Elimination candidate") if row.low_click else ""
        return getattr(row, column)

    def display(self, row: ProductLine, column: str) -> str:
        value = self.value(row, column)
        if column in ("click_rate", "product_conversion", "margin"):
            return formatting.percent(value)
        if column == "gmv":
            return formatting.money(value)
        if column in ("name", "flags"):
            return value or ""
        return formatting.count(value)

    def extra_data(self, row: ProductLine, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.low_click:
            return theme.brush("warn_bg")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "click_rate":
                return QCoreApplication.translate("ReviewModels", "Click rate = product click users / product exposure users (people basis). "
                          "Below {0} the product becomes an elimination candidate.").format(rate_text(row.low_click_rate))
            if column == "product_conversion":
                return QCoreApplication.translate("ReviewModels", "Click-to-buy rate = product buyers / product click users (people basis).")
            if row.low_click:
                return QCoreApplication.translate(
                    "ReviewModels", "Click rate below {0}: an elimination candidate for the next lineup."
                ).format(rate_text(row.low_click_rate))
        return None

    def flagged_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.low_click]


# ---------------------------------------------------------------- moments


class MomentTableModel(_RecordTableModel):
    """Peaks and valleys; the note column is editable and edits go through `edit_note` (an undo command)."""

    columns = ("kind", "minute", "clock", "online", "segment", "note")

    def __init__(self, edit_note: Callable[[MomentRow, str], None] | None = None, parent=None):
        super().__init__(parent)
        self.edit_note = edit_note

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("ReviewModels", "Kind"), QCoreApplication.translate("ReviewModels", "Minute"), QCoreApplication.translate("ReviewModels", "Time"), QCoreApplication.translate("ReviewModels", "Online"), QCoreApplication.translate("ReviewModels", "Segment"), QCoreApplication.translate("ReviewModels", "Note (cause)")]

    def value(self, row: MomentRow, column: str) -> Any:
        if column == "clock":
            return row.at
        return getattr(row, column)

    def display(self, row: MomentRow, column: str) -> str:
        if column == "kind":
            return QCoreApplication.translate("ReviewModels", "Peak") if row.kind == "peak" else QCoreApplication.translate("ReviewModels", "Valley")
        if column == "clock":
            return formatting.local(row.at).strftime("%H:%M")
        if column == "online":
            return formatting.count(row.online)
        if column == "segment":
            return row.segment or "—"
        if column == "minute":
            return str(row.minute)
        return row.note

    def extra_data(self, row: MomentRow, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole and column == "note":
            return row.note
        if role == Qt.ItemDataRole.ForegroundRole and column == "kind":
            return theme.brush("good" if row.kind == "peak" else "bad")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.columns[index.column()] == "note":
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.columns[index.column()] != "note":
            return False
        row = self._rows[index.row()]
        text = str(value or "")
        if text == row.note:
            return False
        if self.edit_note is not None:
            self.edit_note(row, text)  # the command stores it and calls set_note back
        else:
            self.set_note(row.id, text)
        return True

    def set_note(self, moment_id: int, note: str) -> None:
        for i, row in enumerate(self._rows):
            if row.id == moment_id:
                row.note = note
                cell = self.index(i, self.columns.index("note"))
                self.dataChanged.emit(cell, cell)


# ---------------------------------------------------------------- improvement list


class ImprovementTableModel(_RecordTableModel):
    """改进清单: text, owner, due date, done. Edits go through `edit_item` (an undo command)."""

    columns = ("text", "owner", "due_date", "done")

    def __init__(self, edit_item: Callable[[ImprovementData, ImprovementData], None] | None = None, parent=None):
        super().__init__(parent)
        self.edit_item = edit_item

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("ReviewModels", "Improvement"), QCoreApplication.translate("ReviewModels", "Owner"), QCoreApplication.translate("ReviewModels", "Due"), QCoreApplication.translate("ReviewModels", "Done")]

    def value(self, row: ImprovementData, column: str) -> Any:
        return getattr(row, column)

    def display(self, row: ImprovementData, column: str) -> str:
        if column == "due_date":
            return row.due_date.isoformat() if row.due_date else "—"
        if column == "done":
            return ""
        return getattr(row, column) or ""

    def extra_data(self, row: ImprovementData, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == "done":
            return Qt.CheckState.Checked if row.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole:
            if column == "due_date":
                return QDate(row.due_date) if row.due_date else QDate.currentDate()
            if column in ("text", "owner"):
                return getattr(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and row.done:
            return theme.brush("muted")
        if (
            role == Qt.ItemDataRole.BackgroundRole and column == "due_date" and not row.done
            and row.due_date is not None and row.due_date < dt.date.today()
        ):
            return theme.brush("bad_bg")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if self.columns[index.column()] == "done":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        before = self._rows[index.row()]
        after = ImprovementData(before.text, before.owner, before.due_date, before.done, before.id)
        if column == "done" and role == Qt.ItemDataRole.CheckStateRole:
            after.done = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        elif role != Qt.ItemDataRole.EditRole or column == "done":
            return False
        elif column == "due_date":
            if isinstance(value, QDate):
                after.due_date = value.toPython() if value.isValid() else None
            elif isinstance(value, dt.date) or value is None:
                after.due_date = value
            else:
                return False
        else:
            text = str(value or "").strip()
            if column == "text" and not text:
                return False
            setattr(after, column, text)
        if after == before:
            return False
        if self.edit_item is not None:
            self.edit_item(before, after)
        else:
            self.replace(after)
        return True

    def replace(self, item: ImprovementData) -> None:
        for i, row in enumerate(self._rows):
            if row.id == item.id:
                self._rows[i] = item
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))


# ---------------------------------------------------------------- trends


class TrendTableModel(_RecordTableModel):
    columns = ("period", "streams", "gmv", "uv", "conversion", "uv_value", "aov_per_buyer")

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("ReviewModels", "Period"), QCoreApplication.translate("ReviewModels", "Streams"), QCoreApplication.translate("ReviewModels", "GMV"), QCoreApplication.translate("ReviewModels", "UV"), QCoreApplication.translate("ReviewModels", "Conversion"), QCoreApplication.translate("ReviewModels", "UV value"), QCoreApplication.translate("ReviewModels", "AOV per buyer")]

    def value(self, row: TrendRow, column: str) -> Any:
        return getattr(row, column)

    def display(self, row: TrendRow, column: str) -> str:
        value = self.value(row, column)
        if column in ("gmv", "uv_value", "aov_per_buyer"):
            return formatting.money(value)
        if column == "conversion":
            return formatting.percent(value, 2)
        if column in ("uv", "streams"):
            return formatting.count(value)
        return str(value)

    def extra_data(self, row: TrendRow, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                "conversion": QCoreApplication.translate("ReviewModels", "Conversion = buyers / UV, both summed over the period's streams (people basis)."),
                "uv_value": QCoreApplication.translate("ReviewModels", "UV value = GMV / UV, both summed over the period's streams."),
                "aov_per_buyer": QCoreApplication.translate("ReviewModels", "AOV per buyer = GMV / buyers, both summed over the period's streams."),
            }.get(column)
        return None
