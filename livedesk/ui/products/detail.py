"""The product detail panel: selling points with demos, FAQ, photo, quality documents, notes and history."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from livedesk.config import Paths
from livedesk.services import product_reads, products
from livedesk.services.product_steps import DetailEdit
from livedesk.ui import formatting, theme
from livedesk.ui.products.labels import product_role_label, qualification_label
from livedesk.ui.widgets.rows_model import RowsTableModel

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


class PairsTableModel(QAbstractTableModel):
    """An editable list of two-text rows: (selling point, how to demonstrate it) or (question, answer)."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.headers = headers
        self.pairs: list[list[str]] = []

    def set_pairs(self, pairs: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self.pairs = [[a, b] for a, b in pairs]
        self.endResetModel()

    def values(self) -> list[tuple[str, str]]:
        return [(a.strip(), b.strip()) for a, b in self.pairs if a.strip()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.pairs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 2:
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.pairs):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return self.pairs[index.row()][index.column()]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self.pairs[index.row()][index.column()] = "" if value is None else str(value)
        self.dataChanged.emit(index, index)
        return True

    def add_pair(self, first: str = "", second: str = "") -> int:
        row = len(self.pairs)
        self.beginInsertRows(QModelIndex(), row, row)
        self.pairs.append([first, second])
        self.endInsertRows()
        return row

    def remove_pair(self, row: int) -> None:
        if 0 <= row < len(self.pairs):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.pairs[row]
            self.endRemoveRows()


class ProductDetailPanel(QScrollArea):
    """Everything about the selected product beyond the table's columns. Saves go through `push` (undoable)."""

    def __init__(self, db, paths: Paths, push: Callable[[object], None], make_change, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.paths, self.push, self.make_change = db, paths, push, make_change
        self.product_id: int | None = None
        # the product as shown (`products.product_state`, with its version): a save is refused when a
        # teammate saved it since, and the conflict dialog compares with it
        self.shown: dict[str, Any] | None = None
        self._saving = False  # while Save runs, a refresh shows what was saved (or theirs, after Reload)
        self.documents: list[tuple[int, str, str]] = []
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)

        top = QHBoxLayout()
        self.photo_label = QLabel()
        self.photo_label.setObjectName("productPhoto")
        self.photo_label.setFixedSize(96, 96)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.set_style(self.photo_label, "border: 1px solid $axis; border-radius: 4px; color: $muted;")
        top.addWidget(self.photo_label)
        heading = QVBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("productTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setTextFormat(Qt.TextFormat.RichText)
        self._info: tuple[list[str], list[str]] = ([], [])  # lines, warnings (coloured: redrawn with the theme)
        theme.notifier().changed.connect(self._show_info)
        self.photo_button = QPushButton(self.tr("Choose photo…"))
        self.photo_button.setObjectName("choosePhoto")
        self.photo_button.clicked.connect(lambda _=False: self.choose_photo())
        heading.addWidget(self.title_label)
        heading.addWidget(self.info_label)
        heading.addWidget(self.photo_button, alignment=Qt.AlignmentFlag.AlignLeft)
        top.addLayout(heading, 1)
        layout.addLayout(top)

        self.points_model = PairsTableModel([self.tr("Selling point"), self.tr("How to demonstrate it")], self)
        self.points_view, points_box = self._pairs_box(self.tr("Selling points (卖点手册)"), self.points_model, "points")
        layout.addWidget(points_box)
        self.faq_model = PairsTableModel([self.tr("Question"), self.tr("Answer")], self)
        self.faq_view, faq_box = self._pairs_box(self.tr("FAQ"), self.faq_model, "faq")
        layout.addWidget(faq_box)

        notes_box = QGroupBox(self.tr("Notes"))
        notes_layout = QVBoxLayout(notes_box)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("productNotes")
        self.notes_edit.setFixedHeight(60)
        notes_layout.addWidget(self.notes_edit)
        layout.addWidget(notes_box)
        self.save_button = QPushButton(self.tr("Save points, FAQ and notes"))
        self.save_button.setObjectName("saveDetails")
        self.save_button.clicked.connect(lambda _=False: self.save())
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignRight)

        docs_box = QGroupBox(self.tr("Quality reports and licences"))
        docs_layout = QVBoxLayout(docs_box)
        self.docs_model = RowsTableModel([self.tr("File"), self.tr("Added")], parent=self)
        self.docs_view = QTableView()
        self.docs_view.setObjectName("documents")
        self.docs_view.setModel(self.docs_model)
        self.docs_view.verticalHeader().hide()
        self.docs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.docs_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.docs_view.setFixedHeight(80)
        self.docs_view.doubleClicked.connect(lambda _: self.open_document())
        docs_layout.addWidget(self.docs_view)
        row = QHBoxLayout()
        for text, name, slot in (
            (self.tr("Add document…"), "addDocument", self.add_document),
            (self.tr("Open"), "openDocument", self.open_document),
            (self.tr("Remove"), "removeDocument", self.remove_document),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
        row.addStretch(1)
        docs_layout.addLayout(row)
        layout.addWidget(docs_box)

        history_box = QGroupBox(self.tr("Performance in reviewed streams"))
        history_layout = QVBoxLayout(history_box)
        self.history_model = RowsTableModel(
            [self.tr("Stream"), self.tr("Exposure"), self.tr("Click rate"), self.tr("Conversion"), self.tr("GMV")],
            parent=self,
        )
        self.history_view = QTableView()
        self.history_view.setObjectName("history")
        self.history_view.setModel(self.history_model)
        self.history_view.verticalHeader().hide()
        self.history_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.history_view.setMinimumHeight(110)
        history_layout.addWidget(self.history_view)
        self.history_note = QLabel()
        self.history_note.setWordWrap(True)
        theme.set_style(self.history_note, "color: $muted;")
        history_layout.addWidget(self.history_note)
        layout.addWidget(history_box)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_product(None)

    def _pairs_box(self, title: str, model: PairsTableModel, name: str) -> tuple[QTableView, QGroupBox]:
        box = QGroupBox(title)
        box_layout = QVBoxLayout(box)
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setWordWrap(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.setMinimumHeight(120)
        box_layout.addWidget(view)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add"))
        add.setObjectName(f"{name}Add")
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName(f"{name}Remove")

        def add_row() -> None:
            r = model.add_pair()
            view.setCurrentIndex(model.index(r, 0))
            view.edit(model.index(r, 0))

        add.clicked.connect(lambda _=False: add_row())
        remove.clicked.connect(lambda _=False: model.remove_pair(view.currentIndex().row()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        box_layout.addLayout(row)
        return view, box

    # --- showing ----------------------------------------------------------------------------------------

    def _show_info(self) -> None:
        lines, warnings = self._info
        bad = theme.current().bad
        self.info_label.setText("<br>".join(lines + [f"<span style='color:{bad}'>⚠ {w}</span>" for w in warnings]))

    def show_product(self, row: products.ProductRow | None, detail: product_reads.ProductDetail | None = None) -> None:
        """Show the product, with its `detail` when it was read already (a teammate's change, read on a
        worker). Shown again (after an inline edit, an undo, a teammate's change) while the editors hold
        unsaved typing: keep that typing and refresh the rest. Moving on to another product saves the typing
        for the one being left first (as leaving a segment does on the Script tab)."""
        leaving = self.product_id is not None and (row is None or row.id != self.product_id)
        if leaving and self.shown is not None and not self._saving and self._edits() and self._still_there():
            self.save()
        seen = self.shown
        keep = (row is not None and row.id == self.product_id and seen is not None and not self._saving
                and bool(self._edits()))
        self.product_id = row.id if row else None
        self.shown = None
        self.widget().setEnabled(row is not None)
        if row is None:
            self.title_label.setText(self.tr("Select a product to see its selling points, FAQ and documents."))
            self._info = ([], [])
            self.info_label.setText("")
            self.photo_label.setText(self.tr("No photo"))
            self.photo_label.setPixmap(QPixmap())
            self.points_model.set_pairs([])
            self.faq_model.set_pairs([])
            self.notes_edit.setPlainText("")
            self.docs_model.set_rows([])
            self.history_model.set_rows([])
            self.history_note.setText("")
            return
        if detail is None or detail.product_id != row.id:
            detail = product_reads.product_detail(self.db, row.id)
        if detail is None:  # deleted meanwhile (by a teammate)
            self.show_product(None)
            return
        points, faqs, history = detail.selling_points, detail.faqs, detail.history
        self.documents = list(detail.documents)
        self.shown = dict(detail.state)  # read with the points, FAQ and documents
        self.title_label.setText(f"{row.name}  ·  {row.sku}")
        lines = [
            f"{product_role_label(row.role)} · {_esc(row.category) or '—'} · {_esc(row.supplier) or '—'}",
            self.tr("Live price {0} · cost {1} · margin {2}").format(
                formatting.money(row.live_price), formatting.money(row.cost), formatting.percent(row.gross_margin)
            ),
            self.tr("Quality report: {0}").format(qualification_label(row.qualification)),
        ]
        if row.upcoming_units:
            lines.append(self.tr("Planned on upcoming lineups: {0} units").format(formatting.count(row.upcoming_units)))
        self._info = (lines, [_esc(reason) for reason in row.flag_reasons.values()])
        self._show_info()
        self._show_photo(self.shown["photo_path"])
        if keep and seen is not None:
            if any(self.shown[name] != seen[name] for name in _EDITED):
                # a teammate changed what is being typed over: Save checks against what the typing is based on
                self.shown = seen
            # else only other fields changed (e.g. this app's price edit): Save compares with the new version
        else:
            self.points_model.set_pairs(points)
            self.faq_model.set_pairs(faqs)
            self.notes_edit.setPlainText(self.shown["notes"])
        self.docs_model.set_rows([[name, formatting.date_time(added)] for _, name, _, added in self.documents])
        self.history_model.set_rows([
            [f"{h.date.astimezone():%m-%d} {h.title}", formatting.count(h.exposure_users), formatting.percent(h.click_rate),
             formatting.percent(h.conversion), formatting.money(h.gmv)]
            for h in history
        ])  # fmt: skip
        self.history_note.setText(
            "" if history else self.tr("No review data yet: figures appear after a reviewed stream sells this product.")
        )
        self.history_note.setVisible(not history)

    def _show_photo(self, stored: str) -> None:
        try:
            path = products.attachment_file(stored, self.paths.data) if stored else None
        except products.AttachmentRefused as exc:  # a stored path leading outside the data folder: not read
            log.warning("Photo not shown: %s", exc)
            path = None
        if path is not None and path.suffix.lower() in products.IMAGE_SUFFIXES:
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                self.photo_label.setPixmap(
                    pixmap.scaled(96, 96, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
                )
                return
        self.photo_label.setPixmap(QPixmap())
        self.photo_label.setText(self.tr("No photo"))

    # --- changes ----------------------------------------------------------------------------------------

    def _still_there(self) -> bool:
        """False when the product shown was deleted meanwhile (by the user or a teammate): nothing to save to."""
        return self.product_id is not None and product_reads.product_exists(self.db, self.product_id)

    def forget_deleted(self, present: set[int]) -> None:
        """A teammate's change was read: when the product shown is no longer among the `present` ones, its
        unsaved typing has nowhere to go (nothing is saved, and nothing is asked of the database to learn it)."""
        if self.product_id is not None and self.product_id not in present:
            self.shown = None

    def _edits(self) -> dict[str, Any]:
        """What the editors hold that differs from the product as shown (the unsaved typing)."""
        shown = self.shown or {}
        points, faqs = tuple(self.points_model.values()), tuple(self.faq_model.values())
        notes = self.notes_edit.toPlainText().strip()
        changes: dict[str, Any] = {}
        if points != shown.get("selling_points"):
            changes["selling_points"] = points
        if faqs != shown.get("faqs"):
            changes["faqs"] = faqs
        if notes != shown.get("notes"):
            changes["notes"] = notes
        return changes

    def save(self) -> None:
        if self.product_id is None:
            return
        # only what the user changed is written: after a conflict, Overwrite keeps the parts only they changed
        changes = self._edits()
        if not changes:
            return

        edit = DetailEdit(selling_points=changes.get("selling_points"), faqs=changes.get("faqs"),
                          notes=changes.get("notes"))
        self._saving = True
        try:
            self._push_change(edit, self.tr("Edit selling points, FAQ and notes"), lambda state: {**state, **changes})
        finally:
            self._saving = False

    def _push_change(self, edit: DetailEdit, text: str, change: Callable[[dict], dict]) -> None:
        """Save through the tab (undoable), refused when a teammate saved the product after it was shown here.
        `change` makes this change to a `products.product_state` (for the conflict dialog: to what was shown,
        that is mine; to theirs, that is what Overwrite leaves)."""
        assert self.product_id is not None
        shown = dict(self.shown or {})
        self.push(self.make_change(self.product_id, edit, text, shown.get("version"), shown, change))

    def choose_photo(self, path: str | None = None) -> None:
        if self.product_id is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Product photo"), "", self.tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"))
        if not path:
            return
        self._push_change(DetailEdit(photo=path, attachments=self.paths.attachments), self.tr("Set photo"),
                          lambda state: {**state, "photo_path": path})

    def add_document(self, path: str | None = None) -> None:
        if self.product_id is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Quality report or licence"), "", self.tr("Documents (*.pdf *.png *.jpg *.jpeg *.webp *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.wps *.et *.dps)"))
        if not path:
            return
        added = (Path(path).name, path)
        self._push_change(
            DetailEdit(add_document=path, attachments=self.paths.attachments),
            self.tr("Add document {0}").format(Path(path).name),
            lambda state: {**state, "documents": (*state["documents"], added), "qualification": "ok"},
        )

    def _current_document(self):
        row = self.docs_view.currentIndex().row()
        if not 0 <= row < len(self.documents):
            row = 0 if len(self.documents) == 1 else -1
        return self.documents[row] if row >= 0 else None

    def document_path(self) -> Path | None:
        doc = self._current_document()
        return products.attachment_file(doc[2], self.paths.data) if doc else None

    def open_document(self) -> bool:
        """Hand the selected document to the system's viewer: only a PDF, image or office file inside the
        data folder; anything else is refused with the reason (never run)."""
        doc = self._current_document()
        if doc is None:
            return False
        try:
            path = products.openable_attachment(doc[2], self.paths.data)
        except products.AttachmentRefused as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot open the document"), str(exc),
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("attachmentRefused")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_document(self) -> None:
        doc = self._current_document()
        if self.product_id is None or doc is None:
            return
        self._push_change(
            DetailEdit(remove_document=doc[0]), self.tr("Remove document {0}").format(doc[1]),
            lambda state: {**state, "documents": tuple(d for d in state["documents"] if d[1] != doc[2])},
        )


_EDITED = ("selling_points", "faqs", "notes")  # the parts the panel's editors change (saved with Save)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
