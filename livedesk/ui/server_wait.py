"""The window while one of the user's saves waits on a team server that does not answer.

The save itself runs on the window's thread (undo commands write, then show what they wrote); the driver
tells us each tenth of a second it waits (services/server_wait.py). Meanwhile the window keeps painting and
its timers run (the live console's countdowns go on), user input waits, and the status bar counts the
seconds. After DIALOG_AFTER_S a dialog offers to stop waiting: stopping ends the save with a message and
puts the window in "retrying" mode (saves refused at once) until the change listener reaches the server.
A server the change listener has found away ends the wait the same way.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from livedesk.services import server_wait

STATUS_AFTER_S = 0.5  # a busy server's slow answer stays quiet below this
DIALOG_AFTER_S = 3.0


class ServerWaits(QObject):
    """Installed for the window's thread while its change watcher lives."""

    def __init__(self, window, watcher):
        super().__init__(watcher)
        self.window = window
        self.watcher = watcher
        server_wait.install(self.waiter)

    def waiter(self, server: str) -> WindowWaiter:
        return WindowWaiter(self, server)

    def close(self) -> None:
        server_wait.uninstall(self.waiter)

    def away(self) -> bool:
        db = self.window.db
        return db is not None and db.server_away

    def is_windows_server(self, server: str) -> bool:
        """`server` (host:port/database, as the driver names it) is the window's database, not one being
        opened in its place (File ▸ Open runs on this thread too)."""
        db = self.window.db
        return db is not None and db.server_address() == server


class WindowWaiter:
    """One wait: the status bar, then the dialog, each tick; closed when the wait ends."""

    def __init__(self, owner: ServerWaits, server: str):
        self.owner = owner
        self.server = server
        self.dialog: QProgressDialog | None = None
        self.stopped = False
        self.told = False  # the status bar counts this wait's seconds

    def tick(self, seconds: float) -> None:
        if self.stopped or self._server_away():
            raise server_wait.StoppedWaiting
        if seconds >= STATUS_AFTER_S:
            self.told = True
            self.owner.window.statusBar().showMessage(QCoreApplication.translate(
                "ServerWait", "Waiting for the team server… {0} s").format(math.ceil(seconds)))
        if seconds >= DIALOG_AFTER_S:
            self._show_dialog(seconds)
        # With the dialog up (modal) every event runs and only the dialog takes input; before it, input waits.
        flags = (QEventLoop.ProcessEventsFlag.AllEvents if self.dialog is not None
                 else QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        QApplication.processEvents(flags)
        if self.dialog is not None and self.dialog.wasCanceled() and not self.stopped:  # Esc, or closed
            self._stop()
        if self.stopped or self._server_away():
            raise server_wait.StoppedWaiting

    def _show_dialog(self, seconds: float) -> None:
        text = QCoreApplication.translate(
            "ServerWait",
            "The team server {0} has not answered for {1} s.\nLiveDesk goes on waiting. Stop waiting to give "
            "up: you will be told whether your change was saved.").format(self.server, math.ceil(seconds))
        if self.dialog is None:
            self.dialog = QProgressDialog(text, QCoreApplication.translate("ServerWait", "Stop waiting"), 0, 0,
                                          self.owner.window)
            self.dialog.setObjectName("serverWaitDialog")
            self.dialog.setWindowTitle(QCoreApplication.translate("ServerWait", "Team server not answering"))
            self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self._stop)
            self.dialog.show()
        else:
            self.dialog.setLabelText(text)

    def _server_away(self) -> bool:
        """The change listener lost the window's server (or the user stopped a wait on it)."""
        return self.owner.away() and self.owner.is_windows_server(self.server)

    def _stop(self) -> None:
        self.stopped = True
        if self.owner.is_windows_server(self.server):
            self.owner.watcher.server_not_answering()  # saves are refused at once until the server is back

    def done(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._stop)
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        if self.told:
            self.owner.window.statusBar().clearMessage()
