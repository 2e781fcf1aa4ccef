"""Editors for the segment table: a type combo and a product combo (from the stream's lineup)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from livedesk.ui.script.labels import SEGMENT_KINDS, segment_kind_label


class KindDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        combo.setObjectName("kindEditor")
        for kind in SEGMENT_KINDS:
            combo.addItem(segment_kind_label(kind), kind)
        return combo

    def setEditorData(self, editor, index: QModelIndex) -> None:  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ProductDelegate(QStyledItemDelegate):
    """The lineup's products, plus “no product”; `lineup()` gives (id, name) pairs."""

    def __init__(self, lineup, parent=None):
        super().__init__(parent)
        self.lineup = lineup

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        combo.setObjectName("productEditor")
        combo.addItem(self.tr("(no product)"), None)
        for product_id, name in self.lineup():
            combo.addItem(name, product_id)
        return combo

    def setEditorData(self, editor, index: QModelIndex) -> None:  # noqa: N802
        current = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(current)
        if found < 0 and current is not None:
            editor.addItem(index.data(Qt.ItemDataRole.DisplayRole), current)
            found = editor.count() - 1
        editor.setCurrentIndex(max(0, found))

    def setModelData(self, editor, model, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
