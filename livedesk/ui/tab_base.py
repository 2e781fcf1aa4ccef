"""What the main window asks of each of its tabs: one base class instead of probing with hasattr."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)
T = TypeVar("T")
EDITING_RETRY_MS = 1000  # a refresh that lands while the user types is read again this much later

FileAction = tuple[str, str, Callable[[], object]]  # ("import" | "export", menu text, what it does)


class Tab(QWidget):
    """A main-window tab. Every hook has a default, so a tab overrides only what it has."""

    status_message = Signal(str, int)  # (text, milliseconds) for the window's status bar
    open_stream_in = Signal(str, int)  # (tab key, stream id): the window shows that tab on this stream
    stream_picked = Signal(int)  # the user chose a stream: the window makes it current in every tab
    streams_changed = Signal()  # streams were added, edited or deleted: the other tabs reload

    undo_stack: QUndoStack | None = None  # a tab with undoable edits sets its own in __init__

    def activated(self) -> None:
        """The tab was just shown."""

    def reload(self) -> None:
        """Read again what the tab shows (another tab or a teammate changed it)."""

    # --- refreshing after a teammate's change, off the GUI thread ------------------------------------------

    _refreshing = False  # a read is on a worker
    _refresh_again = False  # another change came in meanwhile
    _refresh_problem = ""  # the last failure logged, so a server that stays away is logged once

    def refresh_reader(self) -> Callable[[], object] | None:
        """What to read to show a teammate's change: a function run on a worker thread (services only; it
        gets plain values captured here, never widgets), whose result goes to `show_refreshed`. None: the tab
        reloads on the GUI thread (`reload`), fine for a tab with nothing to read or a local file."""
        return None

    def show_refreshed(self, data: object) -> None:
        """Show what the `refresh_reader` function read (GUI thread). Check that it still fits what the tab
        shows (the user may have picked another stream meanwhile)."""

    def refresh(self) -> None:
        """Show a teammate's change: read on a worker, so a slow or vanished team server never freezes the
        window, then show it. A change that comes in while a read runs is read once more after it."""
        if self._refreshing:
            self._refresh_again = True
            return
        reader = self.refresh_reader()
        if reader is None:
            self.reload()
            return
        from livedesk.ui.tasks import run_task

        self._refreshing, self._refresh_again = True, False
        run_task(lambda _progress, _cancelled: reader(), self._refreshed, self._refresh_failed, owner=self)

    def _refreshed(self, data: object) -> None:
        if not shiboken6.isValid(self):  # the tab was closed while its read ran
            return
        self._refreshing = False
        self._refresh_problem = ""
        if self._refresh_again:  # what was read is already old: read again, show that
            self.refresh()
            return
        from livedesk.ui.change_watcher import user_is_editing

        if user_is_editing():  # the user began typing meanwhile: new rows would close the editor, typing lost
            QTimer.singleShot(EDITING_RETRY_MS, self.refresh)  # read again once they are done
            return
        self.show_refreshed(data)

    def _refresh_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._refreshing = False
        # the change watcher shows "retrying" and asks for everything again once the server is back
        if str(exc) != self._refresh_problem:
            self._refresh_problem = str(exc)
            log.warning("Refreshing %s after a teammate's change failed: %s", self.objectName(), exc)
        if self._refresh_again:
            self.refresh()

    def show_after_failure(self, exc: BaseException) -> None:
        """After a refused or failed change, show what is stored: read at once, unless the database itself
        failed (a team server gone): then on a worker, so the window does not wait on it a second time."""
        from livedesk.services.faults import environment_fault

        if environment_fault(exc, None) is None:
            self.reload()
        else:
            self.refresh()

    def show_written(self, show: Callable[[], None]) -> None:
        """Show this app's own save at once with `show` (a read on this thread). The save is done: when that
        read fails because the database itself did (the team server went quiet just after), the tab reads again
        on a worker and says the save went through, instead of failing it."""
        from livedesk.services.faults import environment_fault

        try:
            show()
        except Exception as exc:
            if environment_fault(exc, None) is None:
                raise
            log.warning("Showing %s's own save failed: %s", self.objectName(), exc)
            self.status_message.emit(QCoreApplication.translate(
                "Tab", "Saved. The view updates once the team server answers again."), 10000)
            self.refresh()

    def read_now(self, read: Callable[[], T]) -> T | None:
        """What a user's action starts from, read at once (on the GUI thread); None when the database itself
        failed (a team server away): that is said in an error dialog, and the action is not done."""
        from livedesk.services.faults import EnvironmentFault
        from livedesk.ui.errors import show_error

        try:
            return read()
        except EnvironmentFault as exc:
            show_error(self, exc)
            return None

    def show_when_reachable(self, show: Callable[[], None]) -> None:
        """Run `show`, a read on this thread (e.g. for a stream just picked). When the database itself fails (a
        team server away), say so in the status bar: every tab reads again once the server is back."""
        from livedesk.services.faults import EnvironmentFault

        try:
            show()
        except EnvironmentFault as exc:
            log.warning("%s could not be shown: %s", self.objectName(), exc)
            self.status_message.emit(str(exc), 10000)

    def load_failed(self, exc: BaseException, title: str | None = None) -> None:
        """A background read the tab started failed. When the database itself did (a team server away) the
        status bar says so, not a dialog: every tab reads again once the server is back."""
        from livedesk.services.faults import environment_fault
        from livedesk.ui.errors import show_error

        if environment_fault(exc, None) is None:
            show_error(self, exc, title)
            return
        log.warning("%s could not be read: %s", self.objectName(), exc)
        self.status_message.emit(str(exc), 10000)

    def follow_stream(self, stream_id: int) -> None:
        """Another tab made `stream_id` the current stream."""

    def select_stream(self, stream_id: int) -> None:
        """Show `stream_id`, asked for by name (e.g. "open its review"); the window has made it current and
        called `follow_stream` already, which is all a tab without its own stream picker needs."""

    def commit_pending(self) -> bool | None:
        """Save typing not saved yet before Undo or Redo; False when that press has done its work."""
        return None

    def file_actions(self) -> list[FileAction]:
        """The tab's entries in File ▸ Import and File ▸ Export."""
        return []

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the shortcuts dialog."""
        return []

    def prepare_screenshot(self) -> None:
        """Show the richest view for `livedesk screenshot` (a stream with data, a row selected)."""

    def shutdown(self) -> None:
        """The window is closing or switching database: stop timers and background work."""
