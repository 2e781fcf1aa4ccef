"""The main window talks to its tabs through the Tab base: a tab overrides only the hooks it has."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout

from livedesk.ui.main_window import TAB_KEYS, MainWindow
from livedesk.ui.tab_base import Tab


class BareTab(Tab):
    """A tab with no hooks of its own: a label and nothing else."""

    def __init__(self, key: str) -> None:
        super().__init__()
        QVBoxLayout(self).addWidget(QLabel(key))


class FollowingTab(BareTab):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.undo_stack = QUndoStack(self)
        self.followed: list[int] = []
        self.reloads = 0

    def follow_stream(self, stream_id: int) -> None:
        self.followed.append(stream_id)

    def reload(self) -> None:
        self.reloads += 1

    def shortcuts(self) -> list[tuple[str, str]]:
        return [("F9", "Follow")]


def test_tabs_without_hooks_and_with_some_live_side_by_side(qtbot, db, paths, monkeypatch):
    def factories(window):
        return [(key, key.title(), (lambda k=key: FollowingTab(k) if k == "script" else BareTab(k)))
                for key in TAB_KEYS]

    monkeypatch.setattr(MainWindow, "tab_factories", factories)
    window = MainWindow(db, paths)
    qtbot.addWidget(window)
    bare, script = window.tab("schedule"), window.tab("script")
    assert window.undo_group.activeStack() is None  # the bare tab has nothing to undo
    bare.stream_picked.emit(7)  # picked in a tab without hooks: the one that follows gets it
    assert script.followed == [7]
    bare.streams_changed.emit()
    assert script.reloads == 1
    window.show_tab("script")
    assert window.undo_group.activeStack() is script.undo_stack
    bare.status_message.emit("Saved", 100)
    assert window.statusBar().currentMessage() == "Saved"
    assert ("F9", "Follow") in window.shortcuts()
    window.open_stream_in("review", 7)  # a tab without a stream picker just shows
    assert window.tabs.currentIndex() == TAB_KEYS.index("review")
    window.close()  # shutdown() on every tab: the bare ones have nothing to stop
