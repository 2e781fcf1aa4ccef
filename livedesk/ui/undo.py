"""Undoable database edits.

QUndoStack.push() runs the first redo itself and keeps the command even if that redo raised, so a refused
edit would sit on the stack. `push_command` runs the first redo before pushing instead: a refused edit
raises, its transaction has rolled back, and the stack is untouched.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow


class DbCommand(QUndoCommand):
    """Subclasses implement `_redo` and `undo`; each is one unit of work on the database."""

    def __init__(self, text: str = ""):
        super().__init__(text)
        self.done_before_push = False

    def redo(self) -> None:
        if self.done_before_push:  # push_command already ran the first redo
            self.done_before_push = False
            return
        self._redo()

    def _redo(self) -> None:
        raise NotImplementedError

    def run_first(self) -> None:
        """Do the change now (errors propagate); the push that follows will not repeat it.

        While another program keeps the database locked the change is tried again, saying so in the status
        bar; the last refusal (naming who holds the lock) propagates to the tab's error dialog."""
        from livedesk.services.faults import retry_when_locked

        retry_when_locked(self._redo, _tell_waiting)
        self.done_before_push = True


def _tell_waiting(text: str) -> None:
    window = QApplication.activeWindow()
    while window is not None and not isinstance(window, QMainWindow):
        window = window.parentWidget()
    if window is not None:
        window.statusBar().showMessage(text, 10000)
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # shown before the next wait


def push_command(stack: QUndoStack, command: DbCommand) -> None:
    command.run_first()
    stack.push(command)
