"""The host view and following a console run on another computer (read-only). A part of LiveTab."""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication

from livedesk.services import live_steps
from livedesk.ui.live.widgets import HostView

log = logging.getLogger(__name__)


class FollowMode:
    """The host view, the controller's message to the host, and read-only following; mixed into LiveTab."""

    def toggle_host_view(self) -> None:
        if self.host_view is not None and self.host_view.isVisible():
            self.host_view.close()  # _host_view_closed puts the button back
            return
        if self.host_view is None:
            self.host_view = HostView()
            self.host_view.closed.connect(self._host_view_closed)
        self.host_view.set_message(self.host_text)
        self.host_view.set_mirrored(self.mirror_check.isChecked())
        screens = QGuiApplication.screens()
        index = self.screen_combo.currentData()
        self.host_view.open_on(screens[index] if index is not None and index < len(screens) else None)
        self.host_button.setText(self.tr("Close host view"))
        self._texts.clear()
        self._render()
        if not self.timer.isActive():
            self.timer.start()

    def _host_view_closed(self) -> None:
        """Closed by Esc on the host's screen or by the button: the button and the ticking follow."""
        self.host_button.setText(self.tr("Host view"))
        if self.state is None or not self.state.live:
            self.timer.stop()

    def send_message(self, clear: bool = False) -> None:
        text = "" if clear else self.message_edit.text().strip()
        if self.following:
            return
        if self.stream_id is not None:  # saved, so a host view following from another computer shows it too
            try:
                live_steps.set_host_message(self.db, self.stream_id, self.clock(), text)
            except Exception as exc:  # the message still reaches this computer's host view
                log.warning("Could not save the host message: %s", exc)
        self._set_host_text(text)
        self.message_edit.clear()
        if text:
            self.status_message.emit(self.tr("Sent to the host view: {0}").format(text), 3000)

    def _set_host_text(self, text: str) -> None:
        """The message on the host view (the stream's last one as saved, when the stream is shown or followed)."""
        self.host_text = text
        if self.host_view is not None:
            self.host_view.set_message(text)

    def set_following(self, on: bool) -> None:
        """Read-only mode for a second computer (the host's screen): follow the stream's console state and the
        controller's message (told of each change, with a timer as a safety net); every action is refused."""
        self.following = on
        if self.follow_check.isChecked() != on:
            self.follow_check.blockSignals(True)
            self.follow_check.setChecked(on)
            self.follow_check.blockSignals(False)
        if on:
            self.set_armed(False)
        for widget in (self.arm_button, self.message_edit, self.send_button):
            widget.setEnabled(not on)
        if on:
            self.follow_timer.start()
            self.follow_poll()
            self.status_message.emit(self.tr("Following: this console shows what the controller does."), 5000)
        else:
            self.follow_timer.stop()
            self.refresh()

    def follow_poll(self) -> None:
        """Read the console state and the controller's message on a worker thread (`Tab.refresh`: one read at
        a time; what is told meanwhile is read once more after it) and show them. A new segment, hold or end
        reads the rest too (log, shelf, metrics); otherwise only the countdown is repainted."""
        if not self.following or self.stream_id is None:
            return
        if not self.isVisible() and (self.host_view is None or not self.host_view.isVisible()):
            return
        self.refresh()

    def _follow_lost(self, stream_id: int) -> None:
        """The followed stream is gone from the database (deleted on another computer): keep the last state."""
        message = f"stream {stream_id} no longer exists"
        if message != self._follow_error:  # logged once, not at every read
            self._follow_error = message
            log.warning("Following the console: %s", message)
