"""The product tab (选品池): the pool with search and filters, inline and bulk edits, details, import and lineups."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from livedesk.config import Paths, Preferences
from livedesk.services import lineup_steps, lineups, product_reads, products
from livedesk.services.db import Database
from livedesk.services.faults import EnvironmentFault, environment_fault
from livedesk.services.lineups import LineupError
from livedesk.ui.errors import show_error
from livedesk.ui.products.commands import (
    BulkEdit,
    CreateProduct,
    DeleteProducts,
    EditProduct,
    ImportProducts,
    ProductChange,
    RemoveFromLineup,
    ReorderLineup,
    SetLineupValues,
)
from livedesk.ui.products.detail import ProductDetailPanel
from livedesk.ui.products.labels import (
    QUALIFICATIONS,
    ROLES,
    STATES,
    product_role_label,
    qualification_label,
    state_label,
)
from livedesk.ui.products.lineup import LineupEditor
from livedesk.ui.products.table_model import COLUMNS, EDITABLE, PRODUCT_ROLE, ProductFilterProxy, ProductTableModel
from livedesk.ui.tab_base import Tab
from livedesk.ui.tasks import run_task
from livedesk.ui.widgets.actions import add_tab_action

SYNC_LOAD_LIMIT = 2000  # below this many products the pool loads at once (well under 100 ms)
USER_ERRORS = (ValueError, products.ProductChangedError, products.ProductNotFoundError, LineupError)


class _Read(NamedTuple):
    """What `refresh_reader` read, with when: (reads started, own changes shown) as the read began; the rules
    it applied and the lineup stream it was asked for."""

    stamp: tuple[int, int]
    rules: products.Rules
    stream_id: int | None
    view: product_reads.PoolView


class _ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for the role and quality-report columns."""

    def __init__(self, choices: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        for value, text in self.choices:
            combo.addItem(text, value)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ProductsTab(Tab):
    status_message = Signal(str, int)  # shown in the window's status bar
    stream_picked = Signal(int)  # a stream chosen for the lineup: the window makes it current in every tab

    def __init__(self, db: Database, paths: Paths, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.paths = paths
        self.undo_stack = QUndoStack(self)
        self.rules = products.Rules.from_preferences(Preferences.load(paths))
        self.model = ProductTableModel(self)
        self.model.edit_handler = self._edit_cell
        self.proxy = ProductFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._reads = 0  # full reads started (a read shows only if no later one started)
        self._writes = 0  # this app's own changes shown (a read begun before one may not hold it: read again)
        self._build()
        self.reload()

    # --- layout -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        toolbar = QToolBar()
        toolbar.setObjectName("productsToolbar")
        self.new_action = self._add_action(toolbar, self.tr("New product"), self.new_product, "Ctrl+Shift+N", "newProduct")
        self.bulk_action = self._add_action(toolbar, self.tr("Bulk edit…"), self.bulk_edit, "Ctrl+E", "bulkEdit")
        self.delete_action = self._add_action(toolbar, self.tr("Delete"), self.delete_selected, QKeySequence.StandardKey.Delete, "deleteProduct")
        toolbar.addSeparator()
        self.lineup_action = self._add_action(toolbar, self.tr("Add to lineup"), self.add_to_lineup, "Ctrl+L", "addToLineup")
        toolbar.addSeparator()
        self._add_action(toolbar, self.tr("Import…"), self.import_products, None, "importProducts")
        self._add_action(toolbar, self.tr("Export…"), self.export_products, None, "exportProducts")
        layout.addWidget(toolbar)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setPlaceholderText(self.tr("Search name, SKU, category, supplier…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(150)
        self.search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(lambda _: self.search_timer.start())
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("categoryFilter")
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("roleFilter")
        self.role_combo.addItem(self.tr("All roles"), None)
        for role in ROLES:
            self.role_combo.addItem(product_role_label(role), role)
        self.supplier_combo = QComboBox()
        self.supplier_combo.setObjectName("supplierFilter")
        self.state_combo = QComboBox()
        self.state_combo.setObjectName("stateFilter")
        self.state_combo.addItem(self.tr("Any state"), None)
        self.state_combo.addItem(self.tr("With any warning"), "any")
        for state in STATES:
            self.state_combo.addItem(state_label(state), state)
        for combo in (self.category_combo, self.role_combo, self.supplier_combo, self.state_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.category_combo)
        filters.addWidget(self.role_combo)
        filters.addWidget(self.supplier_combo)
        filters.addWidget(self.state_combo)
        layout.addLayout(filters)

        self.table = QTableView()
        self.table.setObjectName("productTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("sku"), Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setItemDelegateForColumn(
            COLUMNS.index("role"), _ChoiceDelegate([(r, product_role_label(r)) for r in ROLES], self.table)
        )
        self.table.setItemDelegateForColumn(
            COLUMNS.index("qualification"),
            _ChoiceDelegate([(q, qualification_label(q)) for q in QUALIFICATIONS], self.table),
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {
            "name": 170, "sku": 76, "category": 50, "role": 56, "list_price": 64, "live_price": 64, "cost": 60,
            "commission_rate": 56, "gross_margin": 64, "stock": 54, "safety_stock": 54, "flags": 170, "supplier": 100,
            "qualification": 70, "points": 44,
        }  # fmt: skip
        metrics = self.table.horizontalHeader().fontMetrics()
        for column, width in widths.items():
            title = str(self.model.headerData(COLUMNS.index(column), Qt.Orientation.Horizontal))
            # never clip a header: long translations widen their column
            self.table.setColumnWidth(COLUMNS.index(column), max(width, metrics.horizontalAdvance(title) + 22))
        # a loss-leader's margin runs to four digits (a ¥0.01 welfare item): room for "-1,199%" unclipped
        margin_width = self.table.fontMetrics().horizontalAdvance("-1,199.9%") + 16
        column = COLUMNS.index("gross_margin")
        self.table.setColumnWidth(column, max(self.table.columnWidth(column), margin_width))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = ProductDetailPanel(self.db, self.paths, self._push, self._make_change)
        self.detail.setObjectName("productDetail")
        self.lineup = LineupEditor(self.db, lambda: self.rules, self._push, self.selected_ids)
        self.lineup.setObjectName("lineupEditor")
        self.lineup.lineup_changed = self._refresh
        self.lineup.table.selectionModel().selectionChanged.connect(lambda *_: self.lineup._enable())
        self.lineup.stream_combo.activated.connect(self._lineup_stream_picked)  # the user's choice only
        self.side = QTabWidget()
        self.side.setObjectName("productSide")
        self.side.addTab(self.detail, self.tr("Details"))
        self.side.addTab(self.lineup, self.tr("Lineup"))
        splitter = QSplitter()
        splitter.setObjectName("productsSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1060, 380])
        self.splitter = splitter
        self.side.currentChanged.connect(lambda _index: self._fit_side())
        layout.addWidget(splitter, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        layout.addWidget(self.count_label)

    def _add_action(self, toolbar: QToolBar, text: str, slot, shortcut, name: str) -> QAction:
        return add_tab_action(self, toolbar, text, slot, shortcut, name)

    def file_actions(self) -> list[tuple[str, str, object]]:
        return [
            ("import", self.tr("Product sheet (选品表)…"), self.import_products),
            ("export", self.tr("Product sheet (选品表)…"), self.export_products),
        ]

    def shortcuts(self) -> list[tuple[str, str]]:
        native = QKeySequence.SequenceFormat.NativeText
        return [
            (self.new_action.shortcut().toString(native), self.tr("Products: new product")),
            (self.bulk_action.shortcut().toString(native), self.tr("Products: edit the selected products together")),
            (self.delete_action.shortcut().toString(native), self.tr("Products: delete the selected products")),
            (self.lineup_action.shortcut().toString(native), self.tr("Products: add the selected products to the lineup")),
        ]

    # --- data -------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the whole tab and show it, the same way a teammate's change is shown; a big pool is read off
        the GUI thread."""
        read = self.refresh_reader()
        total = product_reads.count_products(self.db)
        if total <= SYNC_LOAD_LIMIT:
            self.show_refreshed(read())
            return
        self.count_label.setText(self.tr("Loading %n product(s)…", "", total))
        run_task(lambda progress, cancelled: read(), self.show_refreshed,
                 lambda exc: self.load_failed(exc, self.tr("Products")), owner=self)

    def refresh_reader(self):
        """Read the pool, the streams, the lineup shown and the product shown in detail (on a worker)."""
        self._reads += 1
        stamp = (self._reads, self._writes)
        rules = products.Rules.from_preferences(Preferences.load(self.paths))  # Preferences may have changed
        db, stream_id, detail_id = self.db, self.lineup.stream_id, self.detail.product_id
        return lambda: _Read(stamp, rules, stream_id, product_reads.read_pool(db, rules, stream_id, detail_id))

    def show_refreshed(self, data: object) -> None:
        """Show what `refresh_reader` read, keeping the selection, the filters, the lineup's stream and any
        typing in the detail panel. A read that a later one replaced is dropped; one begun before this app's
        own change, or before the user picked another stream for the lineup, may not fit: read again."""
        assert isinstance(data, _Read)
        (reads, writes), rules, stream_id, view = data
        if reads != self._reads:
            return
        if writes != self._writes or stream_id != self.lineup.stream_id:
            self.refresh()
            return
        self.rules = rules
        self.detail.forget_deleted({row.id for row in view.rows})
        self.lineup.show_streams(view.streams, view.stream_id)
        self.lineup.show_lineup(view.lineup)
        self._loaded(view.rows)
        current = self.current_id()
        if view.detail is not None and current == view.detail.product_id == self.detail.product_id:
            self.detail.show_product(self.model.product(current), view.detail)

    def _loaded(self, rows: list[products.ProductRow]) -> None:
        selected = self.selected_ids()
        self.model.set_rows(rows)
        self._fill_filter(self.category_combo, self.tr("All categories"), sorted({r.category for r in rows if r.category}))
        self._fill_filter(self.supplier_combo, self.tr("All suppliers"), sorted({r.supplier for r in rows if r.supplier}))
        self.apply_filters()
        for pid in selected:
            self.select_product(pid, clear=False)
        self._selection_changed()

    def _refresh(self, ids: list[int] | None) -> None:
        """After a change: reload the changed rows only, or everything when `ids` is None."""
        self._writes += 1
        self.show_written(lambda: self._show_rows(ids))

    def _show_rows(self, ids: list[int] | None) -> None:
        if ids is None:
            self.reload()
            return
        if not ids:
            return
        rows = product_reads.pool_rows(self.db, self.rules, ids)
        found = {r.id for r in rows}
        self.model.update_rows(rows, removed_ids={pid for pid in ids if pid not in found})
        categories = sorted({r.category for r in self.model.rows() if r.category})
        suppliers = sorted({r.supplier for r in self.model.rows() if r.supplier})
        self._fill_filter(self.category_combo, self.tr("All categories"), categories)
        self._fill_filter(self.supplier_combo, self.tr("All suppliers"), suppliers)
        self.proxy.invalidate()
        self._update_count()
        current = self.current_id()
        if current in found:
            self.detail.show_product(self.model.product(current))

    def _fill_filter(self, combo: QComboBox, everything: str, values: list[str]) -> None:
        current = combo.currentData()
        existing = [combo.itemData(i) for i in range(1, combo.count())]
        if existing == values and combo.count():
            return
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value in values:
            combo.addItem(value, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def apply_filters(self) -> None:
        self.search_timer.stop()
        self.proxy.set_filters(
            text=self.search_edit.text(),
            category=self.category_combo.currentData(),
            role=self.role_combo.currentData(),
            supplier=self.supplier_combo.currentData(),
            state=self.state_combo.currentData(),
        )
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.total_count()
        shown = self.proxy.rowCount()
        flagged = self.model.flagged_count()
        text = self.tr("%n product(s) shown", "", shown)
        if shown != total:
            text += " " + self.tr("of {0}").format(total)
        if flagged:
            text += " · " + self.tr("%n with warnings", "", flagged)
        self.count_label.setText(text)

    def visible_ids(self) -> list[int]:
        return [self.proxy.index(r, 0).data(PRODUCT_ROLE) for r in range(self.proxy.rowCount())]

    # --- selection --------------------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        return [index.data(PRODUCT_ROLE) for index in self.table.selectionModel().selectedRows()]

    def current_id(self) -> int | None:
        ids = self.selected_ids()
        if len(ids) == 1:
            return ids[0]
        return None

    def select_product(self, product_id: int, clear: bool = True) -> bool:
        row = self.model.row_of(product_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.Rows
        flags |= QItemSelectionModel.SelectionFlag.ClearAndSelect if clear else QItemSelectionModel.SelectionFlag.Select
        self.table.selectionModel().select(index, flags)
        if clear:
            self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(index)
        return True

    def _selection_changed(self, *_args) -> None:
        ids = self.selected_ids()
        self.bulk_action.setEnabled(bool(ids))
        self.delete_action.setEnabled(bool(ids))
        self.lineup_action.setEnabled(bool(ids) and self.lineup.stream_id is not None)
        current = self.current_id()
        shown = self.detail.product_id
        if current != shown:
            self.detail.show_product(self.model.product(current) if current is not None else None)

    # --- commands ---------------------------------------------------------------------------------------

    def _push(self, command) -> bool:
        """Do the change (one unit of work) and put it on the undo stack; a refused change shows why, and a
        teammate's save in between shows the conflict dialog (also for the command's later undo and redos)."""
        from livedesk.ui.conflict_dialog import ask_replay

        command.on_conflict = lambda conflicts, undoing: ask_replay(
            self, conflicts, undoing, self.tr("%n product(s)", "", len(conflicts)))
        command.on_error = self._replay_failed
        try:
            command.run_first()
        except products.ProductChangedError as exc:
            if isinstance(command, EditProduct):
                return self._after_conflict(lambda: self._resolve_conflict(command))
            if isinstance(command, ProductChange):
                return self._after_conflict(lambda: self._resolve_change_conflict(command))
            if isinstance(command, DeleteProducts | BulkEdit):
                return self._after_conflict(lambda error=exc: self._resolve_many_conflict(command, error))
            self._user_error(exc)
            self.show_after_failure(exc)
            return False
        except lineups.LineupChangedError as exc:
            if isinstance(command, SetLineupValues | ReorderLineup | RemoveFromLineup):
                return self._after_conflict(lambda: self._resolve_lineup_conflict(command))
            self._user_error(exc)
            self.show_after_failure(exc)
            return False
        except USER_ERRORS as exc:
            self._user_error(exc)
            self.show_after_failure(exc)
            return False
        except Exception as exc:  # a bug: logged with its traceback, the transaction rolled back
            show_error(self, exc)
            self.show_after_failure(exc)
            return False
        self.undo_stack.push(command)
        return True

    def _after_conflict(self, resolve: Callable[[], bool]) -> bool:
        """Resolve a teammate's conflicting save; reading theirs may find the team server gone meanwhile: say
        so once and read on a worker. True when the change was saved after all (Overwrite)."""
        try:
            return resolve()
        except EnvironmentFault as exc:
            show_error(self, exc)
            self.show_after_failure(exc)
            return False

    def _user_error(self, exc: BaseException) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Products"), str(exc), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_error = str(exc)
        self.status_message.emit(str(exc), 8000)

    def _resolve_conflict(self, command: EditProduct) -> bool:
        """A teammate saved this product after the table showed it: show theirs beside mine, then reload
        (discard my edit) or overwrite (my one field on top of their version, undoable back to theirs)."""
        from livedesk.ui.conflict_dialog import ask_overwrite, compare_rows

        seen = self.model.product(command.product_id)  # the row as the user saw it (not refreshed yet)
        found = product_reads.pool_rows(self.db, self.rules, [command.product_id])
        if seen is None or not found:
            self._refresh(None)
            return False
        theirs = found[0]
        mine = dataclasses.replace(seen, **{command.field: command.new})
        fields = [(name, self.model.headerData(COLUMNS.index(name), Qt.Orientation.Horizontal))
                  for name in COLUMNS if name in EDITABLE]
        rows = compare_rows(fields, seen, mine, theirs, lambda name, value: self._cell_text(name, value))
        if not ask_overwrite(self, theirs.name, rows):
            self._refresh([command.product_id])
            self.status_message.emit(self.tr("Reloaded: your change was discarded."), 5000)
            return False
        return self._push(EditProduct(self.db, command.product_id, command.field, getattr(theirs, command.field),
                                      command.new, theirs.version, command.text(), self._refresh))

    def _resolve_change_conflict(self, command: ProductChange) -> bool:
        """A teammate saved the product after the detail panel showed it: show their points, FAQ, notes… beside
        mine, then reload (the panel shows theirs) or overwrite (only the parts I changed, on top of theirs)."""
        from livedesk.ui.conflict_dialog import ask_overwrite, product_conflict_rows, version_row

        pid = command.product_id
        try:
            name, theirs = product_reads.product_state(self.db, pid)
        except products.ProductNotFoundError as exc:
            self._user_error(exc)
            self._refresh(None)
            return False
        rows = []
        if command.seen and command.change:  # yours: my change to what I saw; after: my change made to theirs
            rows = product_conflict_rows(command.seen, command.change(command.seen), theirs,
                                         after=command.change(theirs))
        if not ask_overwrite(self, name, rows or [version_row(command.version, theirs["version"])]):
            self._refresh([pid])  # the panel shows theirs
            self.status_message.emit(self.tr("Reloaded: your change was discarded."), 5000)
            return False
        return self._push(ProductChange(self.db, pid, command.edit, command.text(), self._refresh,
                                        theirs["version"], theirs, command.change))

    def _resolve_many_conflict(self, command: DeleteProducts | BulkEdit, error: products.ProductChangedError) -> bool:
        """Teammates saved some of the products being deleted or bulk-edited since the table showed them: show
        their changes. Keep/Reload changes nothing; Delete anyway deletes them with their changes (undoable),
        Overwrite sets the one field on all of them (their other changes stay)."""
        from livedesk.ui.conflict_dialog import (
            ask_overwrite,
            delete_texts,
            deletion_rows,
            labelled,
            product_conflict_rows,
            product_row_fields,
            version_row,
        )

        deleting = isinstance(command, DeleteProducts)
        changed = error.product_ids or command.ids
        theirs = product_reads.pool_rows(self.db, self.rules, changed)
        mine: dict[str, object] = {}  # what the command changes in each product (a delete: nothing; base None)
        if isinstance(command, BulkEdit):
            mine = products.clean_product_fields({command.field: command.value}, creating=False)
        rows = []
        for their in theirs:
            seen = self.model.product(their.id)  # as the user saw it (not refreshed yet)
            found = []
            if seen is not None:
                found = product_conflict_rows(None if deleting else seen, dataclasses.replace(seen, **mine), their,
                                              product_row_fields())
            found = found or [version_row(seen.version if seen else None, their.version)]
            found = deletion_rows(found) if deleting else found
            rows += labelled(their.name, found) if len(theirs) > 1 else found
        what = theirs[0].name if len(theirs) == 1 else self.tr("%n product(s)", "", len(theirs))
        if not theirs or not ask_overwrite(self, what, rows, **(delete_texts() if deleting else {})):
            self._refresh(None)
            self.status_message.emit(
                self.tr("Kept: nothing was deleted.") if deleting else self.tr("Reloaded: your change was discarded."),
                5000)
            return False
        versions = {**(command.versions or {}), **{their.id: their.version for their in theirs}}
        if isinstance(command, BulkEdit):
            return self._push(BulkEdit(self.db, command.ids, command.field, command.value, command.text(),
                                       self._refresh, versions))
        return self._push(DeleteProducts(self.db, command.ids, command.text(), self._refresh, versions))

    def _resolve_lineup_conflict(self, command: SetLineupValues | ReorderLineup | RemoveFromLineup) -> bool:
        """Someone else changed the lineup after the lineup editor showed it: show theirs beside mine, then
        reload (keep theirs) or overwrite (push the change again, expecting what is stored now)."""
        from livedesk.ui.conflict_dialog import (
            ask_overwrite,
            delete_texts,
            deletion_rows,
            labelled,
            lineup_conflict_rows,
            lineup_order_row,
        )

        sid = command.stream_id
        try:
            if isinstance(command, ReorderLineup):
                stored = lineup_steps.stored_lineup(self.db, sid)
                theirs_order, names, title = stored.order, stored.names, stored.title
            else:
                stored = lineup_steps.stored_lineup(self.db, sid, command.product_ids, on_lineup=True)  # taken off:
                theirs, names = stored.values, stored.names  # LineupError
            mine = lineups.clean_item_values(command.values) if isinstance(command, SetLineupValues) else {}
        except USER_ERRORS as exc:
            self._user_error(exc)
            command.changed(None)
            return False
        texts: dict[str, str] = {}
        if isinstance(command, ReorderLineup):
            order = lineups.arrange(command.after, theirs_order)
            what = title
            rows = [lineup_order_row([names.get(p, "—") for p in order], [names.get(p, "—") for p in theirs_order])]
            again = ReorderLineup(self.db, sid, theirs_order, order, command.text(), command.changed)
            if order == theirs_order:  # they made the same move
                command.changed(None)
                return False
        elif isinstance(command, SetLineupValues):
            pid, seen = command.product_id, command.seen or {}
            what = names.get(pid, "—")
            rows = lineup_conflict_rows(seen, {**seen, **mine}, theirs[pid])
            again = SetLineupValues(self.db, sid, pid, command.values, command.text(), command.changed, theirs[pid])
        else:
            seen_items = command.seen or {}
            changed = [pid for pid in command.product_ids if theirs[pid] != seen_items.get(pid)]
            rows = []
            for pid in changed:
                found = deletion_rows(lineup_conflict_rows(None, seen_items.get(pid, {}), theirs[pid]))
                rows += labelled(names.get(pid, "—"), found) if len(changed) > 1 else found
            what = names.get(changed[0], "—") if len(changed) == 1 else self.tr("%n product(s)", "", len(changed))
            texts = delete_texts() | {
                "intro": self.tr("<b>{0}</b> was changed on this lineup by someone else after you last saw it. "
                                 "Taking it off now would throw their changes away. Nothing has been taken off "
                                 "yet. Their changes:"),
                "note": self.tr("Keep: nothing is taken off and the lineup shows their version. Remove anyway: "
                                "take it off with their changes (Ctrl+Z puts it back)."),
                "overwrite_text": self.tr("Remove anyway"),
            }
            again = RemoveFromLineup(self.db, sid, command.product_ids, command.text(), command.changed, theirs)
        if rows and not ask_overwrite(self, what, rows, **texts):
            command.changed(None)
            self.status_message.emit(self.tr("Kept: nothing was taken off the lineup.") if texts
                                     else self.tr("Reloaded: your change was discarded."), 5000)
            return False
        return self._push(again)

    def _replay_failed(self, exc: BaseException) -> None:
        """An undo or redo could not be done (e.g. a teammate deleted the product): say why; the step left
        the undo history and nothing was written."""
        from livedesk.services.errors import AlreadyDeleted

        if isinstance(exc, AlreadyDeleted):  # what the step was to do is done: a status message is enough
            self.status_message.emit(str(exc), 10000)
        elif isinstance(exc, USER_ERRORS):
            self._user_error(exc)
        else:
            show_error(self, exc)
        if environment_fault(exc, None) is not None:  # the step did not read it again: read on a worker
            self.refresh()

    @staticmethod
    def _cell_text(name: str, value: object) -> str:
        from livedesk.ui import formatting

        if value is None or value == "":
            return "—"
        if name == "role":
            return product_role_label(str(value))
        if name == "qualification":
            return qualification_label(str(value))
        if name == "commission_rate" and not isinstance(value, str):
            return formatting.percent(value)  # type: ignore[arg-type]
        if name in {"list_price", "live_price", "cost"} and not isinstance(value, str):
            return formatting.money(value)  # type: ignore[arg-type]
        return str(value)

    def _make_change(self, product_id: int, edit, text: str, version: int | None = None,
                     seen: dict | None = None, change=None) -> ProductChange:
        return ProductChange(self.db, product_id, edit, text, self._refresh, version, seen, change)

    def _edit_cell(self, row: products.ProductRow, field: str, value: object) -> bool:
        text = self.tr("Edit {0} of “{1}”").format(self.model.headerData(COLUMNS.index(field), Qt.Orientation.Horizontal), row.name)
        old = getattr(row, field)
        return self._push(EditProduct(self.db, row.id, field, old, value, row.version, text, self._refresh))

    def new_product(self) -> None:
        skus = {r.sku for r in self.model.rows()}
        n = 1
        while f"NEW-{n:04d}" in skus:
            n += 1
        fields = {"sku": f"NEW-{n:04d}", "name": self.tr("New product"), "live_price": "0", "role": "profit"}
        command = CreateProduct(self.db, fields, self.tr("New product"), self._refresh)
        if self._push(command) and command.product_id is not None:
            self.search_edit.clear()
            self.apply_filters()
            self.select_product(command.product_id)
            index = self.table.currentIndex()
            self.table.edit(index.siblingAtColumn(COLUMNS.index("name")))

    def bulk_edit(self, field: str | None = None, value: object = None) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if field is None:
            from livedesk.ui.products.dialogs import BulkEditDialog

            rows = self.model.rows()
            dialog = BulkEditDialog(
                len(ids), sorted({r.supplier for r in rows if r.supplier}), sorted({r.category for r in rows if r.category}), self
            )
            self.last_bulk_dialog = dialog
            if not dialog.exec():
                return
            field, value = dialog.result_value()
        self._push(BulkEdit(self.db, ids, field, value, self.tr("Edit %n product(s)", "", len(ids)), self._refresh,
                            self._seen_versions(ids)))

    def _seen_versions(self, ids: list[int]) -> dict[int, int]:
        """The version of each product as the table shows it: what a bulk edit or delete expects."""
        return {pid: row.version for pid in ids if (row := self.model.product(pid)) is not None}

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        command = DeleteProducts(self.db, ids, self.tr("Delete %n product(s)", "", len(ids)), self._refresh,
                                 self._seen_versions(ids))
        if self._push(command):
            self.status_message.emit(self.tr("Deleted. Press Ctrl+Z to undo."), 5000)

    def add_to_lineup(self) -> None:
        self.side.setCurrentWidget(self.lineup)
        self.lineup.add_selected()

    def _lineup_stream_picked(self, _index: int) -> None:
        if self.lineup.stream_id is not None:
            self.stream_picked.emit(self.lineup.stream_id)

    def follow_stream(self, stream_id: int) -> None:
        """Another tab picked this stream: the lineup editor shows it (the side panel stays where it is)."""
        if self.lineup.stream_id != stream_id:
            self.lineup.set_stream(stream_id)

    def _fit_side(self) -> None:
        """The lineup has many columns: when it is shown in a narrow panel, widen the panel (up to 60%)."""
        if self.side.currentWidget() is not self.lineup:
            return
        sizes = self.splitter.sizes()
        total = sum(sizes)
        want = min(self.lineup.wanted_width(), int(total * 0.6))
        if total and sizes[1] < want:
            self.splitter.setSizes([total - want, want])

    def open_lineup(self, stream_id: int) -> None:
        """Show the lineup editor for a stream (the schedule's “Lineup” button lands here)."""
        self.side.setCurrentWidget(self.lineup)
        self.lineup.set_stream(stream_id)
        self._selection_changed()

    # --- import / export --------------------------------------------------------------------------------

    def import_products(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import product sheet"), "", self.tr("Spreadsheets (*.xlsx *.csv)")
            )
        if not path:
            return
        from livedesk.services.importers.product_sheet import read_product_sheet

        self.window().setCursor(Qt.CursorShape.BusyCursor)
        run_task(lambda progress, cancelled: read_product_sheet(path), self._show_import_preview, self._import_failed)

    def _import_failed(self, exc: BaseException) -> None:
        self.window().unsetCursor()
        show_error(self, exc, self.tr("Import product sheet"))

    def _show_import_preview(self, preview) -> None:
        from livedesk.ui.products.dialogs import ProductImportDialog

        self.window().unsetCursor()
        dialog = ProductImportDialog(preview, {r.sku for r in self.model.rows()}, self)
        self.last_import_dialog = dialog
        if not dialog.exec() or not dialog.can_import():
            return
        command = ImportProducts(
            self.db, preview, dialog.exclude_bad(), self.tr("Import %n product(s)", "", len(preview.good)), self._refresh
        )
        if self._push(command) and command.result is not None:
            r = command.result
            self.status_message.emit(
                self.tr("Imported: {0} new, {1} updated, {2} unchanged.").format(r.created, r.updated, r.unchanged), 8000
            )

    def export_products(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export product sheet"), "选品表.xlsx", self.tr("Excel workbook (*.xlsx);;CSV (*.csv)")
            )
        if not path:
            return
        if Path(path).suffix.lower() not in (".xlsx", ".csv"):
            path += ".xlsx"
        filtered = self.proxy.rowCount() != self.model.rowCount()
        ids = self.visible_ids() if filtered else None
        db = self.db

        def work(progress, cancelled):
            return product_reads.export_sheet(db, path, ids)

        def done(summary) -> None:
            self.status_message.emit(
                self.tr("Exported %n product(s) to {0}", "", summary.rows).format(Path(path).name), 5000
            )

        run_task(work, done, lambda exc: show_error(self, exc, self.tr("Export product sheet")))

    def prepare_screenshot(self) -> None:
        """Select a product that breaks a rule so the details show its warnings, selling points and history."""
        rows = self.model.rows()
        pick = next((r for r in rows if r.flags and r.selling_point_count and r.faq_count), None)
        pick = pick or next((r for r in rows if r.flags), None) or (rows[0] if rows else None)
        if pick is not None:
            self.select_product(pick.id)
