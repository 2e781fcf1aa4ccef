"""Undoable database edits.

QUndoStack.push() runs the first redo itself and keeps the command even if that redo raised, so a refused
edit would sit on the stack. `push_command` runs the first redo before pushing instead: a refused edit
raises, its transaction has rolled back, and the stack is untouched.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack


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
        """Do the change now (errors propagate); the push that follows will not repeat it."""
        self._redo()
        self.done_before_push = True


def push_command(stack: QUndoStack, command: DbCommand) -> None:
    command.run_first()
    stack.push(command)
