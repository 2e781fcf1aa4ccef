"""File ▸ Back Up Now…, File ▸ Restore from Backup… and File ▸ Backups…: thin Qt wrappers over services/backup.py;
and the offer to restore the latest backup when a database fails its check on opening.

The services are imported when an action runs: the window paints before SQLAlchemy is loaded."""

from __future__ import annotations

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
    """Add "Back Up Now…", "Restore from Backup…" and "Backups…" to the window's File menu, before Quit.

    The window needs `db`, `paths` and `switch_database(url)`. Returns the first two; the list is
    `window.backups_action`.
    """
    menu = _file_menu(window)
    quit_action = _quit_action(menu)
    back_up = QAction(QCoreApplication.translate("Backup", "&Back Up Now…"), window)
    back_up.setObjectName("backupNow")
    back_up.triggered.connect(lambda _=False: back_up_now(window))
    restore = QAction(QCoreApplication.translate("Backup", "&Restore from Backup…"), window)
    restore.setObjectName("restoreBackup")
    restore.triggered.connect(lambda _=False: restore_from_backup(window))
    listing = QAction(QCoreApplication.translate("Backup", "Bac&kups…"), window)
    listing.setObjectName("listBackups")
    listing.triggered.connect(lambda _=False: show_backups(window))
    window.backups_action = listing
    if quit_action is not None:
        for action in (back_up, restore, listing):
            menu.insertAction(quit_action, action)
        menu.insertSeparator(quit_action)
    else:
        for action in (back_up, restore, listing):
            menu.addAction(action)
    return back_up, restore


def show_backups(window) -> None:
    """File ▸ Backups…: the backups of every database, this one's first."""
    from livedesk.ui.backups_dialog import BackupsDialog

    dialog = BackupsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.backups_dialog = dialog
    dialog.open()


class _BusyCursor:
    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc) -> None:
        QApplication.restoreOverrideCursor()


def back_up_now(window) -> Path | None:
    from livedesk.services import backup
    from livedesk.services.db import DatabaseError

    window.paths.backups.mkdir(parents=True, exist_ok=True)
    suggested = backup.suggested_name(window.db, window.paths.backups)  # names this database: listed by it
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


def restore_from_backup(window, chosen: Path | None = None) -> bool:
    from livedesk.services import backup
    from livedesk.services.db import DatabaseError

    if chosen is not None:
        path = str(chosen)
    else:
        path, _ = QFileDialog.getOpenFileName(
            window, QCoreApplication.translate("Backup", "Restore from Backup"), str(window.paths.backups),
            _file_filter(window),
        )
    if not path:
        return False
    if window.db.is_sqlite:
        try:
            backup.inspect_sqlite_backup(path)
        except DatabaseError as exc:
            show_error(window, exc, QCoreApplication.translate("Backup", "Cannot restore this file"))
            return False
    question = QCoreApplication.translate(
        "Backup", "Replace everything in {0} with the backup {1}?\n\n"
        "The current data is backed up first, so this can be undone by restoring that copy."
    ).format(window.db.describe(), Path(path).name)
    identity = backup.backup_identity(Path(path))
    if identity is not None and window.db.uid and identity[0] != window.db.uid:
        question += "\n\n" + QCoreApplication.translate(
            "Backup", "Careful: this backup came from another database ({0}), not from the one open now."
        ).format(identity[1] or identity[0][:12])
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("Backup", "Restore from Backup"),
        question,
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


def offer_restore_of_damaged(parent, exc, paths) -> bool:
    """A database failed its check on opening: offer its latest backup. True when it was restored (the
    caller opens the database again); the damaged file is kept as a copy in the backups folder."""
    from livedesk.config import sqlite_url
    from livedesk.services import backup
    from livedesk.services.db import DatabaseError

    latest = backup.latest_backup(paths, exc.database_uid, exc.path.name)
    if latest is None:
        return False
    parsed = backup.parse_name(latest)
    when = parsed.taken.strftime("%Y-%m-%d %H:%M") if parsed else latest.name
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Backup", "The database is damaged"),
        QCoreApplication.translate(
            "Backup", "{0}\n\nRestore its latest backup, from {1} ({2})? Changes made since then are lost; "
            "the damaged file is kept as a copy in the backups folder."
        ).format(exc, when, latest.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        with _BusyCursor():
            backup.restore(sqlite_url(exc.path), latest, paths)
    except DatabaseError as error:
        show_error(parent, error, QCoreApplication.translate("Backup", "Restore failed"))
        return False
    log.info("Restored damaged %s from %s", exc.path, latest)
    return True
