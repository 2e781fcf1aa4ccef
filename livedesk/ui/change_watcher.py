"""Other people's changes appear without a restart.

Every few seconds, while the window is visible, the watcher reads one cheap change stamp:

* SQLite: `PRAGMA data_version` on a connection of its own. SQLite changes that number exactly when
  another connection commits, and reading it touches no table.
* PostgreSQL (team mode): one query, the newest `updated_at` and the row count of streams, products and
  scripts, plus the counts of lineup rows and people, and the team's word list (so its changes reach open
  scripts on every laptop).

This app's own saves change the stamp too, so the watcher follows them: at the first write of a unit of
work (on the GUI thread) it reads the stamp — a difference then is someone else's change, not yet shown —
and after the commit it takes the new stamp as seen. Writes on worker threads (imports) count as unknown
and lead to one refresh. When the stamp moved because of someone else, the watcher calls
`window.refresh_all()`, but never while the user is in the middle of an edit (a text field with focus in
an open dialog, an open cell editor, a multi-line editor, any modal dialog, or a drag holding the mouse): the
refresh waits for the next check after the edit.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from sqlalchemy import event, text

from livedesk.services.db import Database

log = logging.getLogger(__name__)
INTERVAL_MS = 5000
_MARK = "livedesk_change_watcher"
STAMP_SQL = text(
    "SELECT (SELECT max(updated_at) FROM streams), (SELECT count(*) FROM streams),"
    " (SELECT max(updated_at) FROM products), (SELECT count(*) FROM products),"
    " (SELECT max(updated_at) FROM scripts), (SELECT count(*) FROM scripts),"
    " (SELECT count(*) FROM lineup_items), (SELECT count(*) FROM people),"
    " (SELECT max(updated_at) FROM compliance_terms), (SELECT count(*) FROM compliance_terms)"
)


class ChangeWatcher(QObject):
    def __init__(self, window, interval_ms: int = INTERVAL_MS):
        super().__init__(window)
        self.setObjectName("changeWatcher")
        self.window = window
        self.db: Database | None = None
        self.refreshes = 0  # how many times someone else's change was shown (for tests and the log)
        self._connection: sqlite3.Connection | None = None
        self._stamp: Any = None
        self._pending = False  # someone else changed something that is not shown yet
        self._gui_thread = threading.get_ident()
        self.timer = QTimer(self)
        self.timer.setObjectName("changeWatcherTimer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)
        if hasattr(window, "database_changed"):
            window.database_changed.connect(lambda: self.attach(window.db))
        self.attach(window.db)
        self.timer.start()

    # --- the database ---------------------------------------------------------------------------------

    def attach(self, db: Database) -> None:
        """Watch `db` (the window's database, again after File ▸ Open)."""
        if db is self.db:
            return
        self.detach()
        self.db = db
        factory = db._sessions  # this database's units of work, not every Session in the process
        event.listen(factory, "after_flush", self._wrote)
        event.listen(factory, "do_orm_execute", self._executing)
        event.listen(factory, "after_commit", self._committed)
        self._stamp = self._read()
        self._pending = False

    def detach(self) -> None:
        if self.db is not None:
            factory = self.db._sessions
            for name, fn in (("after_flush", self._wrote), ("do_orm_execute", self._executing), ("after_commit", self._committed)):
                if event.contains(factory, name, fn):
                    event.remove(factory, name, fn)
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self.db = None

    def stop(self) -> None:
        self.timer.stop()
        self.detach()

    def _read(self) -> Any:
        """The change stamp, or None when it cannot be read."""
        db = self.db
        if db is None:
            return None
        try:
            if db.is_sqlite and db.file_path is not None:
                if self._connection is None:
                    self._connection = sqlite3.connect(str(db.file_path), timeout=1, isolation_level=None,
                                                       check_same_thread=False)
                return self._connection.execute("PRAGMA data_version").fetchone()[0]
            with db.engine.connect() as connection:
                return tuple(connection.execute(STAMP_SQL).one())
        except Exception as exc:  # a lost server connection must not break the window; try again later
            log.warning("Could not read the change stamp: %s", exc)
            return None

    # --- this app's own writes ------------------------------------------------------------------------

    def _wrote(self, session, _flush_context=None) -> None:
        if session.info.get(_MARK):
            return
        if threading.get_ident() != self._gui_thread:
            session.info[_MARK] = "worker"
            return
        session.info[_MARK] = "gui"
        if self._read() != self._stamp:  # before our commit: a difference is someone else's
            self._pending = True

    def _executing(self, state) -> None:
        if not state.is_select:
            self._wrote(state.session)

    def _committed(self, session) -> None:
        mark = session.info.pop(_MARK, None)
        if mark == "gui":
            self._stamp = self._read()
        elif mark == "worker":
            self._pending = True

    # --- checking -------------------------------------------------------------------------------------

    def check(self) -> bool:
        """Look once; True when the window was refreshed with someone else's changes."""
        if self.window.db is not self.db:
            self.attach(self.window.db)
            return False
        if not self.window.isVisible() or self.window.isMinimized():
            return False
        stamp = self._read()
        if stamp is None:  # could not look (server away): try again at the next check
            return False
        if stamp != self._stamp:
            self._pending = True
            self._stamp = stamp
        if not self._pending or user_is_editing():
            return False
        self._pending = False
        self.refreshes += 1
        log.info("Someone else changed the data: refreshing")
        self.window.refresh_all()
        return True

    def eventFilter(self, watched: QObject, ev: QEvent) -> bool:  # noqa: N802
        if watched is self.window and ev.type() == QEvent.Type.Close:
            self.stop()
        return False


def user_is_editing() -> bool:
    """A text field with focus in a dialog or a cell editor, a multi-line editor, a modal dialog open, or a
    widget holding the mouse (a drag on the script's timeline)."""
    if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget() is not None:
        return True
    if QWidget.mouseGrabber() is not None:  # e.g. the script timeline during a drag
        return True
    widget = QApplication.focusWidget()
    if widget is None:
        return False
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    editable = isinstance(widget, (QLineEdit, QAbstractSpinBox)) or (isinstance(widget, QComboBox) and widget.isEditable())
    if isinstance(widget, QLineEdit) and widget.isReadOnly():
        editable = False
    if not editable:
        return False
    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, (QDialog, QAbstractItemView)):
            return True  # inside an open dialog, or a cell's editor
        parent = parent.parentWidget()
    return False
