"""File ▸ Backups…: every backup in the backups folder, grouped by the database it came from.

This database's backups come first; another database's are shown under its own name, so a file from the
wrong database is not restored by accident (restoring one asks first, naming both)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_label(reason: str) -> str:
    """The kind of a backup in words: daily, before an import, before a restore…"""
    known = {
        "": QCoreApplication.translate("Backup", "Daily"),
        "import": QCoreApplication.translate("Backup", "Before an import"),
        "before-restore": QCoreApplication.translate("Backup", "Before a restore"),
        "before-restore-damaged": QCoreApplication.translate("Backup", "Before a restore (damaged file, copied as it was)"),
        "manual": QCoreApplication.translate("Backup", "Made by hand"),
    }
    return known.get(reason, QCoreApplication.translate("Backup", "Before: {0}").format(reason.replace("-", " ")))


def _size(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        return ""
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


def group_title(group, current_name: str) -> str:
    if group.is_current:
        return QCoreApplication.translate("Backup", "This database — {0}").format(current_name)
    if group.uid is None:
        return QCoreApplication.translate("Backup", "Older backups (made before backups named their database)")
    label = group.label or QCoreApplication.translate("Backup", "unnamed")
    return QCoreApplication.translate("Backup", "Another database — {0} (id {1})").format(label, group.uid)


class BackupsDialog(QDialog):
    """The grouped list; Restore… restores the selected backup into the open database (after asking)."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent or window)
        from livedesk.services import backup

        self.window = window
        self.setObjectName("backupsDialog")
        self.setWindowTitle(QCoreApplication.translate("Backup", "Backups"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate("Backup", "Backups in {0}, by the database they came from:").format(window.paths.backups)))
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([QCoreApplication.translate("Backup", "Taken"), QCoreApplication.translate("Backup", "Kind"), QCoreApplication.translate("Backup", "Size")])
        self.view = QTreeView()
        self.view.setObjectName("backupsTree")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setUniformRowHeights(True)
        layout.addWidget(self.view)
        self.groups = backup.backup_groups(window.paths, window.db.uid)
        current_name = window.db.file_path.name if window.db.file_path else window.db.describe()
        for group in self.groups:
            parent_item = QStandardItem(group_title(group, current_name))
            parent_item.setEditable(False)
            for item in group.backups:
                taken = QStandardItem(item.taken.strftime("%Y-%m-%d %H:%M:%S"))
                taken.setData(str(item.path), PATH_ROLE)
                taken.setToolTip(str(item.path))
                parent_item.appendRow([taken, QStandardItem(kind_label(item.reason)), QStandardItem(_size(item.path))])
            self.model.appendRow([parent_item, QStandardItem(""), QStandardItem("")])
        self.view.expandAll()
        for column in range(3):
            self.view.resizeColumnToContents(column)
        self.empty = QLabel(QCoreApplication.translate("Backup", "No backups yet. LiveDesk makes one every day and before every import."))
        self.empty.setVisible(not self.groups)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(QCoreApplication.translate("Backup", "&Restore…"))
        self.restore_button.setObjectName("restoreSelected")
        self.folder_button = QPushButton(QCoreApplication.translate("Backup", "Show &Folder"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(lambda _=False: self.restore_selected())
        self.folder_button.clicked.connect(
            lambda _=False: QDesktopServices.openUrl(QUrl.fromLocalFile(str(window.paths.backups)))
        )
        layout.addWidget(buttons)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def selected_path(self) -> Path | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(PATH_ROLE)
        return Path(value) if value else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_path() is not None)

    def select(self, path: Path) -> bool:
        """Make `path` the current row (tests and keyboard users start from one)."""
        for row in range(self.model.rowCount()):
            group = self.model.item(row)
            for child in range(group.rowCount()):
                if group.child(child).data(PATH_ROLE) == str(path):
                    self.view.setCurrentIndex(group.child(child).index())
                    return True
        return False

    def restore_selected(self) -> bool:
        from livedesk.ui.backup_actions import restore_from_backup

        path = self.selected_path()
        if path is None:
            return False
        if restore_from_backup(self.window, path):
            self.accept()
            return True
        return False
