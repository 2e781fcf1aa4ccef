"""The host view and following a console run on another computer (read-only). A part of LiveTab."""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication

from livedesk.services import live as live_service
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
                with self.db.session() as session:
                    live_service.set_host_message(session, self.stream_id, text, self.clock())
            except Exception as exc:  # the message still reaches this computer's host view
                log.warning("Could not save the host message: %s", exc)
        self.host_text = text
        if self.host_view is not None:
            self.host_view.set_message(text)
        self.message_edit.clear()
        if text:
            self.status_message.emit(self.tr("Sent to the host view: {0}").format(text), 3000)

    def _load_host_message(self, stream_id: int | None) -> None:
        """The stream's last message to the host, as saved (it survives a restart and a change of stream)."""
        text = ""
        if stream_id is not None:
            try:
                with self.db.session() as session:
                    text = live_service.host_message(session, stream_id)
            except Exception as exc:  # shown again by the next message; the console itself still works
                log.warning("Could not read the host message: %s", exc)
        self.host_text = text
        if self.host_view is not None:
            self.host_view.set_message(text)

    def set_following(self, on: bool) -> None:
        """Read-only mode for a second computer (the host's screen): poll the stream's console state and the
        controller's message once a second; every action is refused."""
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
        """One cheap read: the console state and the host message. A new segment, hold or end reloads the rest
        (log, shelf, metrics); otherwise only the countdown is repainted."""
        if not self.following or self.stream_id is None:
            return
        if not self.isVisible() and (self.host_view is None or not self.host_view.isVisible()):
            return
        try:
            with self.db.session() as session:
                state = live_service.console_state(session, self.stream_id, self.clock(), warn_before=self.prefs.warning_seconds)
                message = live_service.host_message(session, self.stream_id)
        except Exception as exc:  # the server is away for a moment (or the stream was deleted): keep the last state
            if str(exc) != self._follow_error:  # logged once, not every second
                self._follow_error = str(exc)
                log.warning("Following the console failed: %s", exc)
            return
        self._follow_error = ""
        old = self.state
        if _shape(old) != _shape(state):
            self.refresh()  # re-reads the same state with the log, shelf and metrics, and starts the ticks
        else:
            self.state = state
            self._render()
        if message != self.host_text:
            self.host_text = message
            if self.host_view is not None:
                self.host_view.set_message(message)



def _shape(state: live_service.ConsoleState | None) -> tuple | None:
    """What a follower must reload the whole console for when it changes (the rest is the ticking clock)."""
    if state is None:
        return None
    return (state.current_index, state.started_at, state.ended_at, state.held_since, state.actual_starts,
            tuple(state.extra.items()), state.segments)
