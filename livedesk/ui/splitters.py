"""Splitters that never collapse a pane to a sliver, and whose sizes are remembered between sessions.

The main window calls `prepare_splitters` when it builds a tab and `save_splitters` when it closes; each splitter
is keyed by its object name inside the tab, so only named splitters are remembered.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter, QWidget

HANDLE_WIDTH = 6  # wide enough to find with the mouse on a laptop's touchpad


def _named_splitters(root: QWidget) -> list[QSplitter]:
    return [s for s in root.findChildren(QSplitter) if s.objectName()]


def prepare_splitters(root: QWidget, settings: QSettings, prefix: str) -> None:
    """Keep every pane of `root`'s splitters visible and put back the sizes saved under `prefix`."""
    for splitter in root.findChildren(QSplitter):
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(max(splitter.handleWidth(), HANDLE_WIDTH))
    for splitter in _named_splitters(root):
        state = settings.value(f"{prefix}/{splitter.objectName()}")
        if state is not None:
            splitter.restoreState(state)


def save_splitters(root: QWidget, settings: QSettings, prefix: str) -> None:
    for splitter in _named_splitters(root):
        settings.setValue(f"{prefix}/{splitter.objectName()}", splitter.saveState())


__all__ = ["prepare_splitters", "save_splitters"]
