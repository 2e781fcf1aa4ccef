"""The lineup editor (排品) for one stream: which products, in what order, at what price and quantity."""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from livedesk.services import lineups, product_reads
from livedesk.services.faults import EnvironmentFault
from livedesk.services.lineups import LineupRow, LineupSummary
from livedesk.services.schedule import StreamData
from livedesk.ui import formatting, theme
from livedesk.ui.products.labels import ROLES, product_role_label

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-livedesk-lineup-row"
LINEUP_COLUMNS = [
    "position", "link_number", "name", "role", "live_price", "gross_margin", "planned_units", "welfare_quantity",
    "stock", "warnings",
]  # fmt: skip
LINEUP_EDITABLE = {"link_number", "live_price", "planned_units", "welfare_quantity"}

log = logging.getLogger(__name__)


class LineupTableModel(QAbstractTableModel):
    """The stream's lineup in order. Edits go to `edit_handler`; a drag calls `move_handler(from, to)`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[LineupRow] = []
        self._warnings: dict[int, list[str]] = {}
        self.edit_handler: Callable[[LineupRow, str, object], bool] | None = None
        self.move_handler: Callable[[int, int], None] | None = None

    def set_rows(self, rows: list[LineupRow], summary: LineupSummary | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._warnings = {}
        for w in summary.stock_warnings if summary else ():
            self._warnings.setdefault(w.product_id, []).append(w.message)
        self.endResetModel()

    def rows(self) -> list[LineupRow]:
        return list(self._rows)

    def row_at(self, row: int) -> LineupRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(LINEUP_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(LINEUP_COLUMNS):
            return None
        return [
            self.tr("#"), self.tr("Link"), self.tr("Product"), self.tr("Role"), self.tr("Live price"),
            self.tr("Margin"), self.tr("Planned units"), self.tr("Welfare qty"), self.tr("Stock"), self.tr("Warnings"),
        ][section]  # fmt: skip

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if LINEUP_COLUMNS[index.column()] in LINEUP_EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        column = LINEUP_COLUMNS[index.column()]
        warnings = self._warnings.get(r.product_id, [])
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "position":
                return str(index.row() + 1)
            if column == "link_number":
                return "" if r.link_number is None else str(r.link_number)
            if column == "name":
                return r.name
            if column == "role":
                return product_role_label(r.role)
            if column == "live_price":
                return formatting.money(r.live_price) + (" *" if r.price_overridden else "")
            if column == "gross_margin":
                return formatting.percent(r.gross_margin)
            if column in ("planned_units", "welfare_quantity", "stock"):
                return formatting.count(getattr(r, column), "")
            if column == "warnings":
                return ("⚠ " + str(len(warnings))) if warnings else ""
        if role == Qt.ItemDataRole.EditRole:
            if column == "live_price":
                return "" if r.live_price is None else f"{Decimal(r.live_price).quantize(Decimal('0.01'))}"
            if column in LINEUP_EDITABLE:
                value = getattr(r, column)
                return "" if value is None else str(value)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "live_price" and r.price_overridden:
                return self.tr("This stream's price; the pool's live price is {0}").format(formatting.money(r.pool_price))
            if warnings and column in ("warnings", "stock", "name", "planned_units", "welfare_quantity"):
                return "\n".join(warnings)
        if role == Qt.ItemDataRole.BackgroundRole and warnings and column in ("warnings", "stock"):
            return theme.brush("bad_bg")
        if role == Qt.ItemDataRole.ForegroundRole and column == "role":
            return theme.role_brush(r.role)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in ("name", "role", "warnings"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.edit_handler is None:
            return False
        column = LINEUP_COLUMNS[index.column()]
        if column not in LINEUP_EDITABLE:
            return False
        r = self._rows[index.row()]
        if str(self.data(index, Qt.ItemDataRole.EditRole)) == str(value if value is not None else ""):
            return False
        text = str(value).strip() if value is not None else ""
        return self.edit_handler(r, column, text or None)

    # --- drag and drop to reorder -----------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME, QByteArray(",".join(map(str, rows[:1])).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        return data is not None and data.hasFormat(MIME)

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if data is None or not data.hasFormat(MIME) or self.move_handler is None:
            return False
        text = bytes(data.data(MIME).data()).decode()
        if not text:
            return False
        source = int(text)
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        if target > source:
            target -= 1  # dropping below itself: the row leaves its old place first
        if target == source:
            return False
        handler = self.move_handler
        QTimer.singleShot(0, lambda: handler(source, target))
        return False  # the move is done by the command; the view must not remove the dragged row itself


class LineupEditor(QWidget):
    """Choose a stream, add the pool's selected products, order them, set price and quantities; with the role mix."""

    def __init__(self, db, rules_getter, push, selected_products: Callable[[], list[int]], parent=None):
        super().__init__(parent)
        self.db = db
        self.rules_getter = rules_getter
        self.push = push
        self.selected_products = selected_products
        self.stream_id: int | None = None
        self.summary: LineupSummary | None = None
        self.model = LineupTableModel(self)
        self.model.edit_handler = self._edit
        self.model.move_handler = self.move
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Stream")))
        self.stream_combo = QComboBox()
        self.stream_combo.setObjectName("lineupStream")
        self.stream_combo.setMinimumContentsLength(24)
        self.stream_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.stream_combo.currentIndexChanged.connect(self._stream_changed)
        top.addWidget(self.stream_combo, 1)
        layout.addLayout(top)
        buttons = QHBoxLayout()
        self.add_button = self._button(self.tr("Add selected"), "lineupAdd", self.add_selected, buttons)
        self.add_button.setToolTip(self.tr("Put the products selected in the pool on this stream's lineup"))
        self.remove_button = self._button(self.tr("Remove"), "lineupRemove", self.remove_current, buttons)
        self.up_button = self._button("▲", "lineupUp", lambda: self.move_current(-1), buttons)
        self.up_button.setToolTip(self.tr("Move up"))
        self.down_button = self._button("▼", "lineupDown", lambda: self.move_current(1), buttons)
        self.down_button.setToolTip(self.tr("Move down"))
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table = QTableView()
        self.table.setObjectName("lineupTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = header.fontMetrics()
        for column, width in enumerate([28, 40, 150, 56, 76, 72, 64, 70, 60]):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            self.table.setColumnWidth(column, max(width, metrics.horizontalAdvance(title) + 22))  # never clip a header
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        layout.addWidget(self.table, 1)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("lineupSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary_label)
        theme.notifier().changed.connect(self._recolour_summary)

    def _button(self, text: str, name: str, slot, layout) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False: slot())
        layout.addWidget(button)
        return button

    # --- streams ----------------------------------------------------------------------------------------

    def reload_streams(self) -> None:
        streams = product_reads.list_streams(self.db)
        self.show_streams(streams, product_reads.pick_stream(streams, self.stream_id))
        self.refresh()

    def show_streams(self, streams: list[StreamData], current: int | None) -> None:
        """Fill the stream picker and show `current` in it (the lineup itself is shown separately)."""
        self.stream_combo.blockSignals(True)
        self.stream_combo.clear()
        for s in streams:
            self.stream_combo.addItem(f"{formatting.weekday_date(s.start_at)} · {s.title}", s.id)
        self.stream_combo.setCurrentIndex(self.stream_combo.findData(current))
        self.stream_combo.blockSignals(False)
        self.stream_id = self.stream_combo.currentData()

    def set_stream(self, stream_id: int) -> None:
        index = self.stream_combo.findData(stream_id)
        if index < 0:
            self.stream_id = stream_id
            self.reload_streams()
            index = self.stream_combo.findData(stream_id)
        self.stream_combo.setCurrentIndex(index)
        self.stream_id = self.stream_combo.currentData()
        self.refresh()

    def _stream_changed(self) -> None:
        self.stream_id = self.stream_combo.currentData()
        try:
            self.refresh()
        except EnvironmentFault as exc:  # the team server is away: shown once it is back (every tab reads again)
            log.warning("The lineup of stream %s could not be read: %s", self.stream_id, exc)
            self.model.set_rows([])

    def refresh(self) -> None:
        """Read the lineup of the stream shown and show it."""
        view = None
        if self.stream_id is not None:
            view = product_reads.lineup_view(self.db, self.stream_id, self.rules_getter())
        self.show_lineup(view)

    def show_lineup(self, view: product_reads.LineupView | None) -> None:
        """Show a lineup as read (None: there is no stream), keeping the rows the user selected."""
        if view is None:
            self.model.set_rows([])
            self.summary = None
            self.summary_label.setText(self.tr("No streams yet: plan one on the Schedule tab first."))
            self._enable()
            return
        self.summary = view.summary
        selected = self.selected_product_ids()
        self.model.set_rows(view.rows, self.summary)
        for pid in selected:
            self.select_product(pid, clear=False)
        self.summary_label.setText(self.summary_text())
        self._enable()

    def _recolour_summary(self) -> None:
        if self.summary is not None:  # its stock warnings are coloured
            self.summary_label.setText(self.summary_text())

    def wanted_width(self) -> int:
        """Pixels the lineup needs to show every column without scrolling sideways."""
        columns = sum(self.table.columnWidth(c) for c in range(self.model.columnCount()))
        return columns + self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth() + 24

    def _enable(self) -> None:
        has_stream = self.stream_id is not None
        has_rows = bool(self.selected_product_ids())
        self.add_button.setEnabled(has_stream)
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(has_stream and has_rows)

    def role_mix_text(self) -> str:
        if self.summary is None:
            return ""
        return " ".join(f"{self.summary.role_counts.get(role, 0)} {product_role_label(role)}" for role in ROLES)

    def summary_text(self) -> str:
        s = self.summary
        if s is None:
            return ""
        parts = [
            "<b>" + self.tr("%n product(s)", "", s.item_count) + "</b>: " + self.role_mix_text(),
            self.tr("Planned units: {0}").format(formatting.count(s.planned_units)),
            self.tr("Expected GMV: {0}").format(formatting.money(s.expected_gmv)),
            self.tr("Expected margin: {0}").format(formatting.percent(s.expected_margin)),
        ]
        html = " · ".join(parts)
        if s.items_without_plan:
            html += "<br>" + self.tr("%n product(s) have no planned units yet.", "", s.items_without_plan)
        if s.stock_warnings:
            html += f"<br><span style='color:{theme.current().bad}'>⚠ " + self.tr("%n stock warning(s):", "", len(s.stock_warnings))
            html += "</span> " + "; ".join(f"{_esc(w.name)}: {_esc(w.message)}" for w in s.stock_warnings[:4])
            if len(s.stock_warnings) > 4:
                html += " …"
        return html

    # --- selection and edits ----------------------------------------------------------------------------

    def selected_product_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r).product_id for r in rows if r < self.model.rowCount()]

    def select_product(self, product_id: int, clear: bool = True) -> None:
        from PySide6.QtCore import QItemSelectionModel

        for r, row in enumerate(self.model.rows()):
            if row.product_id == product_id:
                flags = QItemSelectionModel.SelectionFlag.Rows
                flags |= (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect if clear else QItemSelectionModel.SelectionFlag.Select
                )
                self.table.selectionModel().select(self.model.index(r, 0), flags)
                if clear:
                    self.table.selectionModel().setCurrentIndex(self.model.index(r, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
                self._enable()
                return

    def _order(self) -> list[int]:
        return [r.product_id for r in self.model.rows()]

    def add_selected(self, product_ids: list[int] | None = None) -> None:
        from livedesk.ui.products.commands import AddToLineup

        ids = product_ids if product_ids is not None else self.selected_products()
        on = set(self._order())
        ids = [pid for pid in ids if pid not in on]
        if self.stream_id is None or not ids:
            return
        self.push(AddToLineup(self.db, self.stream_id, ids, self.tr("Add %n product(s) to the lineup", "", len(ids)), self._changed))

    def remove_current(self) -> None:
        from livedesk.ui.products.commands import RemoveFromLineup

        ids = self.selected_product_ids()
        if self.stream_id is None or not ids:
            return
        seen = {r.product_id: shown_values(r) for r in self.model.rows() if r.product_id in ids}
        self.push(RemoveFromLineup(self.db, self.stream_id, ids, self.tr("Remove %n product(s) from the lineup", "", len(ids)), self._changed, seen))

    def move_current(self, step: int) -> None:
        ids = self.selected_product_ids()
        if len(ids) != 1:
            return
        order = self._order()
        source = order.index(ids[0])
        self.move(source, source + step)

    def move(self, source: int, target: int) -> None:
        from livedesk.ui.products.commands import ReorderLineup

        before = self._order()
        if self.stream_id is None or not 0 <= source < len(before):
            return
        target = max(0, min(target, len(before) - 1))
        if target == source:
            return
        after = list(before)
        pid = after.pop(source)
        after.insert(target, pid)
        self.push(ReorderLineup(self.db, self.stream_id, before, after, self.tr("Reorder the lineup"), self._changed))
        self.select_product(pid)

    def _edit(self, row: LineupRow, field: str, value: object) -> bool:
        from livedesk.ui.products.commands import SetLineupValues

        if self.stream_id is None:
            return False
        words = {
            "live_price": self.tr("Set the stream's live price of “{0}”"),
            "planned_units": self.tr("Set planned units of “{0}”"),
            "welfare_quantity": self.tr("Set welfare quantity of “{0}”"),
            "link_number": self.tr("Set link number of “{0}”"),
        }
        self.push(SetLineupValues(self.db, self.stream_id, row.product_id, {field: value}, words[field].format(row.name),
                                  self._changed, shown_values(row)))
        return True

    def _changed(self, product_ids: list[int] | None) -> None:
        self.refresh()
        self.lineup_changed(product_ids)

    def lineup_changed(self, product_ids: list[int] | None) -> None:
        """Replaced by the tab: the pool's rows depend on the lineups (short-for-lineups warning)."""


def shown_values(row: LineupRow) -> dict[str, Any]:
    """The item's values as stored (`lineups.item_values`) that this row shows: the price only when overridden."""
    values = {name: getattr(row, name) for name in lineups.ITEM_FIELDS}
    return values | {"live_price": row.live_price if row.price_overridden else None}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
