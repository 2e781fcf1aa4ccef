"""File ▸ Back Up Now… and File ▸ Restore from Backup…: thin Qt wrappers over services/backup.py.

The services are imported when an action runs: the window paints before SQLAlchemy is loaded."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from livedesk.ui.errors import show_error

log = logging.getLogger(__name__)



def _file_filter(window) -> str:
    if window.db.is_sqlite:
        return QCoreApplication.translate("Backup", "LiveDesk backup (*.sqlite3 *.db);;All files (*)")
    return QCoreApplication.translate("Backup", "PostgreSQL backup (*.pgdump);;All files (*)")


def _file_menu(window: QMainWindow) -> QMenu:
    for action in window.menuBar().actions():
        if action.menu() is not None:
            return action.menu()
    raise RuntimeError("the window has no menu to add the backup actions to")


def _quit_action(menu: QMenu) -> QAction | None:
    for action in menu.actions():
        if action.objectName() == "quit" or action.menuRole() == QAction.MenuRole.QuitRole:
            return action
    return None


def add_backup_actions(window: QMainWindow) -> tuple[QAction, QAction]:
    """Add "Back Up Now…" and "Restore from Backup…" to the window's File menu, before Quit.

    The window needs `db`, `paths` and `switch_database(url)`.
    """
    menu = _file_menu(window)
    quit_action = _quit_action(menu)
    back_up = QAction(QCoreApplication.translate("Backup", "&Back Up Now…"), window)
    back_up.setObjectName("backupNow")
    back_up.triggered.connect(lambda _=False: back_up_now(window))
    restore = QAction(QCoreApplication.translate("Backup", "&Restore from Backup…"), window)
    restore.setObjectName("restoreBackup")
    restore.triggered.connect(lambda _=False: restore_from_backup(window))
    if quit_action is not None:
        menu.insertAction(quit_action, back_up)
        menu.insertAction(quit_action, restore)
        menu.insertSeparator(quit_action)
    else:
        menu.addAction(back_up)
        menu.addAction(restore)
    return back_up, restore


class _BusyCursor:
    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc) -> None:
        QApplication.restoreOverrideCursor()


def back_up_now(window) -> Path | None:
    from livedesk.services import backup
    from livedesk.services.db import DatabaseError

    suffix = backup.SQLITE_SUFFIX if window.db.is_sqlite else backup.PG_SUFFIX
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    window.paths.backups.mkdir(parents=True, exist_ok=True)
    suggested = window.paths.backups / f"livedesk-backup-{stamp}{suffix}"
    path, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("Backup", "Back Up Now"), str(suggested), _file_filter(window))
    if not path:
        return None
    try:
        with _BusyCursor():
            out = backup.backup_now(window.db, Path(path))
    except DatabaseError as exc:
        show_error(window, exc, QCoreApplication.translate("Backup", "Backup failed"))
        return None
    window.statusBar().showMessage(QCoreApplication.translate("Backup", "Backed up to {0}").format(out), 8000)
    return out


def restore_from_backup(window) -> bool:
    from livedesk.services import backup
    from livedesk.services.db import DatabaseError

    path, _ = QFileDialog.getOpenFileName(
        window, QCoreApplication.translate("Backup", "Restore from Backup"), str(window.paths.backups), _file_filter(window)
    )
    if not path:
        return False
    if window.db.is_sqlite:
        try:
            backup.inspect_sqlite_backup(path)
        except DatabaseError as exc:
            show_error(window, exc, QCoreApplication.translate("Backup", "Cannot restore this file"))
            return False
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("Backup", "Restore from Backup"),
        QCoreApplication.translate(
            "Backup", "Replace everything in {0} with the backup {1}?\n\n"
            "The current data is backed up first, so this can be undone by restoring that copy."
        ).format(window.db.describe(), Path(path).name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    url = window.db.url
    window.db.engine.dispose()  # this window's connections must not hold the old file open
    try:
        with _BusyCursor():
            result = backup.restore(url, Path(path), window.paths)
    except DatabaseError as exc:
        show_error(window, exc, QCoreApplication.translate("Backup", "Restore failed"))
        return False
    if not window.switch_database(url):
        return False
    message = QCoreApplication.translate("Backup", "Restored from {0}.").format(Path(path).name)
    if result.previous_backup:
        message += " " + QCoreApplication.translate("Backup", "The replaced data was saved as {0}.").format(result.previous_backup)
    window.statusBar().showMessage(message, 15000)
    return True
