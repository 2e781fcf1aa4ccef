"""Undoable script edits. Each redo/undo is one unit of work on the database, saved at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from livedesk.services import scripts
from livedesk.services.db import Database

Changed = Callable[[], None]
EDIT_ID = 4101  # consecutive edits of one text field of one segment merge into one undo step


class _ScriptCommand(QUndoCommand):
    """A failed redo marks the command obsolete (the stack drops it) and keeps the error in `error`."""

    def __init__(self, db: Database, stream_id: int, text: str, changed: Changed):
        super().__init__(text)
        self.label = text  # readable after Qt deleted a refused (obsolete) command
        self.db = db
        self.stream_id = stream_id
        self.changed = changed
        self.error: BaseException | None = None
        self.on_error: Callable[[BaseException], None] | None = None

    def redo(self) -> None:
        try:
            self.do_redo()
        except Exception as exc:  # the session rolled back: nothing was saved
            self.error = exc
            self.setObsolete(True)
            self.changed()
            if self.on_error is not None:
                self.on_error(exc)

    def undo(self) -> None:
        try:
            self.do_undo()
        except Exception as exc:
            self.error = exc
            self.changed()
            if self.on_error is not None:
                self.on_error(exc)

    def do_redo(self) -> None:
        raise NotImplementedError

    def do_undo(self) -> None:
        raise NotImplementedError


class EditSegment(_ScriptCommand):
    """One field of one segment; typing in the detail editor merges into one step per field."""

    def __init__(self, db, stream_id: int, segment_id: int, field: str, before: Any, after: Any, text: str,
                 changed: Changed, mergeable: bool = False):
        super().__init__(db, stream_id, text, changed)
        self.segment_id, self.field, self.before, self.after = segment_id, field, before, after
        self.mergeable = mergeable
        self.check_first = True  # the first redo refuses (SegmentChangedError) if the field is no longer `before`

    def _apply(self, value: Any, expected: dict[str, Any] | None = None) -> None:
        with self.db.session() as session:
            scripts.update_segment(session, self.segment_id, expected=expected, **{self.field: value})
        self.changed()

    def do_redo(self) -> None:
        expected = {self.field: self.before} if self.check_first else None
        self.check_first = False
        self._apply(self.after, expected)

    def do_undo(self) -> None:
        self._apply(self.before)

    def id(self) -> int:
        return EDIT_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not (isinstance(other, EditSegment) and other.mergeable and self.mergeable):
            return False
        if other.error is not None or self.error is not None:  # a refused edit is dropped, never merged
            return False
        if (other.segment_id, other.field) != (self.segment_id, self.field):
            return False
        self.after = other.after
        return True


class SetTimes(_ScriptCommand):
    """Start and duration of every segment (a drag on the timeline)."""

    def __init__(self, db, stream_id: int, before: Sequence[tuple[float, float]], after: Sequence[tuple[float, float]],
                 text: str, changed: Changed):
        super().__init__(db, stream_id, text, changed)
        self.before, self.after = list(before), list(after)

    def _apply(self, spans) -> None:
        with self.db.session() as session:
            scripts.set_segment_times(session, self.stream_id, spans)
        self.changed()

    def do_redo(self) -> None:
        self._apply(self.after)

    def do_undo(self) -> None:
        self._apply(self.before)


class MoveSegment(_ScriptCommand):
    """Move a segment in the running order and pack the times; undo restores order and times."""

    def __init__(self, db, stream_id: int, segment_id: int, new_position: int, text: str, changed: Changed):
        super().__init__(db, stream_id, text, changed)
        self.segment_id, self.new_position = segment_id, new_position
        self.old_position: int | None = None
        self.before: list[tuple[int, int]] = []

    def do_redo(self) -> None:
        with self.db.session() as session:
            segments = scripts.list_segments(session, self.stream_id)
            self.old_position = next(i for i, s in enumerate(segments) if s.id == self.segment_id)
            self.before = [(s.start_seconds, s.duration_seconds) for s in segments]
            scripts.move_segment(session, self.segment_id, self.new_position)
        self.changed()

    def do_undo(self) -> None:
        assert self.old_position is not None
        with self.db.session() as session:
            scripts.move_segment(session, self.segment_id, self.old_position, repack=False)
            session.expire_all()
            scripts.set_segment_times(session, self.stream_id, self.before)
        self.changed()


class AddSegment(_ScriptCommand):
    def __init__(self, db, stream_id: int, position: int | None, values: dict[str, Any], text: str, changed: Changed):
        super().__init__(db, stream_id, text, changed)
        self.position, self.values = position, values
        self.segment_id: int | None = None

    def do_redo(self) -> None:
        with self.db.session() as session:
            segment = scripts.add_segment(session, self.stream_id, self.position, **self.values)
            self.segment_id = segment.id
        self.changed()

    def do_undo(self) -> None:
        assert self.segment_id is not None
        with self.db.session() as session:
            scripts.delete_segment(session, self.segment_id)
        self.changed()


class DeleteSegment(_ScriptCommand):
    def __init__(self, db, stream_id: int, segment_id: int, text: str, changed: Changed):
        super().__init__(db, stream_id, text, changed)
        self.segment_id = segment_id
        self.data: dict[str, Any] | None = None

    def do_redo(self) -> None:
        with self.db.session() as session:
            self.data = scripts.delete_segment(session, self.segment_id)
        self.changed()

    def do_undo(self) -> None:
        assert self.data is not None
        values = dict(self.data)
        position = values.pop("position")
        with self.db.session() as session:
            self.segment_id = scripts.add_segment(session, self.stream_id, position, **values).id
        self.changed()


class ReplaceScript(_ScriptCommand):
    """Replace the whole script (template, import): the first redo runs `action`, later ones replay its result."""

    def __init__(self, db, stream_id: int, action: Callable[[Session], Any], text: str, changed: Changed):
        super().__init__(db, stream_id, text, changed)
        self.action = action
        self.before: list[dict[str, Any]] | None = None
        self.after: list[dict[str, Any]] | None = None

    def do_redo(self) -> None:
        with self.db.session() as session:
            if self.before is None:
                self.before = scripts.snapshot_script(session, self.stream_id)
            if self.after is None:
                self.action(session)
                session.flush()
                session.expire_all()
                self.after = scripts.snapshot_script(session, self.stream_id)
            else:
                scripts.replace_script_segments(session, self.stream_id, self.after)
        self.changed()

    def do_undo(self) -> None:
        assert self.before is not None
        with self.db.session() as session:
            scripts.replace_script_segments(session, self.stream_id, self.before)
        self.changed()
