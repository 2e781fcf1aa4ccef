"""What the main window asks of each of its tabs: one base class instead of probing with hasattr."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

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
