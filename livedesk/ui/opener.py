"""Open the window's database off the GUI thread, then fill the window (see `launch.show_window`)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

log = logging.getLogger(__name__)
AskPassword = Callable[[str], "str | None"]


def ask_password(url: str) -> str | None:
    text, ok = QInputDialog.getText(
        None,
        QCoreApplication.translate("Launch", "Database password"),
        QCoreApplication.translate("Launch", "Password for {0}\n(kept in the system keyring, never in the settings)").format(url),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


class DatabaseOpener(QObject):
    """Runs `open_db(ask_password)` on the task pool; `finished(code)`: 0 opened, 3 could not open.

    When a team server refuses the connection and no password is known, the password is asked here, on the
    GUI thread, and the open is tried once more with it (the worker never shows a dialog).
    """

    finished = Signal(int)

    def __init__(self, window, open_db: Callable[[AskPassword | None], object], url: str | None,
                 ask: AskPassword = ask_password):
        super().__init__(window)
        self.window, self.open_db, self.url, self.ask = window, open_db, url, ask
        self.password: str | None = None

    def start_after_first_paint(self, watched: QObject, fallback_ms: int = 500) -> None:
        """Start once `watched` has painted, so the worker's imports do not slow the first paint down
        (or after `fallback_ms`, for a window that is not painted, e.g. minimised)."""
        self._watched = watched
        watched.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._start_once)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self._watched and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._start_once)
        return False

    def _start_once(self) -> None:
        if getattr(self, "_started", False):
            return
        self._started = True
        self._watched.removeEventFilter(self)
        self.start()

    def start(self) -> None:
        from livedesk.ui.tasks import run_task

        password = self.password
        given = (lambda _url: password) if password else None
        run_task(lambda progress, cancelled: self.open_db(given), self._opened, self._failed)

    def _opened(self, db) -> None:
        self.window.attach_database(db)
        QTimer.singleShot(0, self.window, self.window.warm_up)  # build the other tabs once the window has painted
        self.window.start_daily_backup()
        self.finished.emit(0)

    def _failed(self, exc: BaseException) -> None:
        from livedesk.services import credentials
        from livedesk.services.db import DatabaseDamaged, DatabaseError

        if isinstance(exc, DatabaseDamaged) and not getattr(self, "_offered_restore", False):
            from livedesk.ui.backup_actions import offer_restore_of_damaged

            self._offered_restore = True  # once: a backup that fails too ends in the message below
            if offer_restore_of_damaged(self.window, exc, self.window.paths):
                self.start()
                return
        if isinstance(exc, DatabaseError) and self.password is None and self.url is not None:
            resolved = credentials.resolve_url(self.url)
            if credentials.needs_password(resolved):
                self.password = self.ask(credentials.strip_password(self.url))
                if self.password:
                    self.start()
                    return
        from livedesk.ui.errors import user_error_text

        message = user_error_text(exc)
        if message is None:  # a bug: the traceback goes to the log, not on screen
            log.error("Opening the database failed", exc_info=exc)
            message = QCoreApplication.translate("Launch", "LiveDesk could not open the database because of an "
                                                 "unexpected error. The details are in the log.")
        QMessageBox.critical(self.window, QCoreApplication.translate("Launch", "Cannot open the database"), message)
        self.finished.emit(3)  # before close(): the exit code is 3, not the 0 of "last window closed"
        self.window.close()
