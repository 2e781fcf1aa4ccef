"""RowsTableModel: a read-only table of plain rows with headers, for previews and small reports."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from livedesk.ui import theme

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    def __init__(self, headers: list[str], rows: list[list[Any]] | None = None, parent=None):
        super().__init__(parent)
        self.headers = headers
        self.rows = rows or []
        self.bad_rows: set[int] = set()
        self.tooltips: dict[int, str] = {}

    def set_rows(self, rows: list[list[Any]], bad_rows: set[int] | None = None, tooltips: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.bad_rows = bad_rows or set()
        self.tooltips = tooltips or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[index.column()] if index.column() < len(row) else ""
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self.bad_rows:
            return theme.brush("bad_bg")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltips.get(index.row())
        return None
