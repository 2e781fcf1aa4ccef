"""Other people's changes appear without a restart, pushed by the database and read off the GUI thread.

A listener thread (services/changes.py) tells which tables someone else changed:

* PostgreSQL (team mode): LISTEN/NOTIFY. Every table has a trigger that notifies `livedesk_changes` with its
  name; the listener has a connection of its own and drops notifications from this app's own connections.
* SQLite: `PRAGMA data_version`, read every half second on the listener's thread. This app's own commits
  on the GUI thread are bracketed (begin/end own write), so they do not count as someone else's.

Which writes are this app's own is told by services.changes.OwnWrites (hooks on the database's units of work).

Writes this app makes on worker threads (imports) count as changes, so the other tabs show them.
The GUI thread does no database I/O for this in team mode: a server that disappears never freezes the
window; the status bar says the app is retrying, and says when the server is back.

Each tab refreshes only when a table it shows changed (TAB_TABLES); a live tab that follows a controller
re-reads its console (ui/live_follow_push.py). Never while the user is in the middle of an edit (a text
field with focus in an open dialog, an open cell editor, a multi-line editor, any modal dialog, or a drag
holding the mouse): the refresh waits until the edit is over.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from livedesk.services import server_wait
from livedesk.services.changes import ChangeListener, OwnWrites, SqliteFeed
from livedesk.services.db import Database
from livedesk.ui import live_follow_push
from livedesk.ui.server_wait import ServerWaits
from livedesk.ui.tab_base import Tab

log = logging.getLogger(__name__)
INTERVAL_MS = 1000  # how often a change held back by an edit is tried again (no database I/O)

_STREAMS = {"streams", "people", "stream_people"}  # every tab picks streams
_PRODUCTS = {"products", "product_faqs", "selling_points", "qualification_documents", "lineup_items"}
_SCRIPTS = {"scripts", "segments", "rehearsals", "rehearsal_timings", "response_lines"}
_LIVE = {"live_sessions", "segment_timings", "metric_samples", "alerts", "incidents", "link_events",
         "checklist_items"}
_REVIEW = {"reviews", "review_imports", "curve_points", "moments", "order_lines", "product_results",
           "traffic_sources", "improvement_items", "import_presets"}
TAB_TABLES: dict[str, set[str]] = {
    "schedule": _STREAMS,
    "products": _STREAMS | _PRODUCTS | _SCRIPTS | {"reviews", "product_results", "order_lines"},
    "script": _STREAMS | _PRODUCTS | _SCRIPTS | {"compliance_terms"},
    "live": _STREAMS | _PRODUCTS | _SCRIPTS | _LIVE,
    "review": _STREAMS | _PRODUCTS | _SCRIPTS | _LIVE | _REVIEW,
}


def tabs_for(tables: frozenset[str] | set[str]) -> set[str]:
    """The tabs that show one of `tables` ("*": all of them)."""
    if "*" in tables:
        return set(TAB_TABLES)
    return {key for key, shown in TAB_TABLES.items() if shown & set(tables)}


class ChangeWatcher(QObject):
    changes = Signal(object)  # frozenset of the tables someone else changed ("*": unknown), on the GUI thread
    online_changed = Signal(bool)  # the database went away (False) or came back (True)
    _arrived = Signal(object)  # from the listener's thread; queued to the GUI thread
    _reachable = Signal(bool)

    def __init__(self, window, interval_ms: int = INTERVAL_MS):
        super().__init__(window)
        self.setObjectName("changeWatcher")
        self.window = window
        self.db: Database | None = None
        self.listener: ChangeListener | None = None
        self.online = True
        self.refreshes = 0  # how many times someone else's change was shown (for tests and the log)
        self.stopped = False  # the window closed: what the listener sent before it stopped is dropped
        self._pending: set[str] = set()  # changed tables not shown yet (the user was editing)
        self._sqlite: SqliteFeed | None = None
        self._own: OwnWrites | None = None
        self._gui_thread = threading.get_ident()
        self._arrived.connect(self._collect)
        self._reachable.connect(self._set_online)
        self.status_label = QLabel()
        self.status_label.setObjectName("connectionStatus")
        self.status_label.hide()
        window.statusBar().addPermanentWidget(self.status_label)
        self.timer = QTimer(self)
        self.timer.setObjectName("changeWatcherTimer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        window.installEventFilter(self)
        if hasattr(window, "database_changed"):
            window.database_changed.connect(lambda: self.attach(window.db))
        self.attach(window.db)
        self.timer.start()
        self.server_waits = ServerWaits(window, self)  # a save waiting on a silent server keeps the window painting

    # --- the database ---------------------------------------------------------------------------------

    def attach(self, db: Database) -> None:
        """Watch `db` (the window's database, again after File ▸ Open)."""
        if db is self.db:
            return
        self.detach()
        self.db = db
        self._pending = set()
        if db.is_sqlite and db.file_path is None:
            return  # an in-memory database has no one else
        if db.is_sqlite:
            self._sqlite = SqliteFeed(db.file_path)  # local and quick: opened here, read on the listener's thread
        self._own = OwnWrites(db, self._gui_thread, self._sqlite, self._arrived.emit)
        # while the server is away saves are refused (Database.server_away): try it again every second
        self.listener = ChangeListener(self._own.feed, self._arrived.emit, self._reachable.emit, retry_seconds=1.0)
        self.listener.start()

    def detach(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        if self._own is not None:
            self._own.close()
            self._own = None
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        self.db = None
        self.online = True  # a new database starts reachable; nothing to announce
        self.status_label.hide()

    def stop(self) -> None:
        self.stopped = True
        self.timer.stop()
        self.server_waits.close()
        self.detach()

    def server_not_answering(self) -> None:
        """A save got no answer and the user stopped waiting: saves are refused at once and the status bar
        says "retrying" until the listener reaches the server again."""
        if self.db is None or self.db.is_sqlite or self.stopped:
            return
        self._set_online(False)
        if self.listener is not None:
            self.listener.recheck()

    # --- showing changes (GUI thread) -----------------------------------------------------------------

    def _collect(self, tables: Any) -> None:
        tables = frozenset(tables)
        if not tables or self.stopped:  # a batch queued before the window closed: nobody to show it to
            return
        self._pending |= tables
        self.changes.emit(tables)
        for tab in self._built_tabs():  # a host view follows at once, even with the main window minimised
            live_follow_push.follow(tab, tables)
        self.check()

    def _tick(self) -> None:
        if self.online:
            for tab in self._built_tabs():
                if live_follow_push.is_following(tab):
                    live_follow_push.use_notifications(tab)
        if self._pending:
            self.check()

    def check(self) -> bool:
        """Show what is pending, unless the user is editing; True when tabs were refreshed. No database I/O
        of its own: the tabs read what they show."""
        if self.stopped:
            return False
        if self.window.db is not self.db:
            self.attach(self.window.db)
            return False
        if not self._pending or not self.window.isVisible() or self.window.isMinimized():
            return False
        if user_is_editing():
            return False
        tables, self._pending = frozenset(self._pending), set()
        keys = tabs_for(tables)
        log.info("Someone else changed %s: refreshing %s", ", ".join(sorted(tables)), ", ".join(sorted(keys)))
        self.refreshes += 1
        for tab in self._built_tabs():
            key = tab.objectName().removeprefix("tab_")
            if key not in keys or live_follow_push.is_following(tab):  # a follower was told on arrival
                continue
            tab.refresh()  # read on a worker where the tab can, then shown
        if ("*" in tables or "streams" in tables) and hasattr(self.window, "refresh_welcome"):
            self.window.refresh_welcome()
        return True

    def _built_tabs(self) -> list[Tab]:
        return list(self.window.built_tabs()) if hasattr(self.window, "built_tabs") else []

    def _set_online(self, online: bool) -> None:
        if online == self.online or self.stopped:
            return
        self.online = online
        if self.db is not None and not self.db.is_sqlite:  # saves say "not answering" at once, not after seconds
            self.db.server_away = not online
        if online:
            self.status_label.hide()
            self.window.statusBar().showMessage(self.tr("Connected to the team server again."), 5000)
        else:
            self.status_label.setText(self.tr("The team server does not answer: retrying…"))
            self.status_label.show()
        for tab in self._built_tabs():
            live_follow_push.server_reachable(tab, online)
        self.online_changed.emit(online)

    def eventFilter(self, watched: QObject, ev: QEvent) -> bool:  # noqa: N802
        if watched is self.window and ev.type() == QEvent.Type.Close:
            self.stop()
        return False


def user_is_editing() -> bool:
    """A text field with focus in a dialog or a cell editor, a multi-line editor, a modal dialog open, or a
    widget holding the mouse (a drag on the script's timeline)."""
    if server_wait.waiting():  # a save waits on the server: what it will show next must not change under it
        return True
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
