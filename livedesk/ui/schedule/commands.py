"""Undoable schedule edits. Each redo/undo is one unit of work on the database.

Team mode: an edit's first redo and a delete carry the versions the user saw and are refused
(StreamChangedError) when a teammate saved in between. Every undo and later redo compares only what it
writes with what this command's last step left there (see `conflict_dialog.CheckedCommand`) and asks
through `on_conflict` instead of writing over a teammate's change; the app's own other writes (a script
moving the stream to 脚本, going live) are no conflict.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from livedesk.services import schedule, schedule_steps, snapshots
from livedesk.services.db import Database
from livedesk.services.errors import StaleRowError
from livedesk.ui.conflict_dialog import (
    CheckedCommand,
    ReplayConflict,
    stream_conflict_rows,
    stream_delete_rows,
)

Values = schedule_steps.Values


class _StreamCommand(CheckedCommand):
    """A step on streams. `left` holds what its last write left in the fields it writes (all of a stream's
    content when it deletes it next); the next undo or redo expects them still there."""

    conflict_errors = (schedule.StreamChangedError, StaleRowError)

    def __init__(self, db: Database, text: str, changed: Callable[[], None]):
        super().__init__(text)
        self.db = db
        self.changed = changed
        self.left: Values = {}

    def _dropped(self) -> None:
        self.changed()

    def _expected(self, undoing: bool) -> Values:
        return self.left

    def _conflicts(self, undoing: bool) -> tuple[list[ReplayConflict], Values]:
        """Each stream of the step someone else changed since this command's last write: theirs beside what
        the step writes (or deletes); and what is stored now, which going ahead expects."""
        target = self._target(undoing)
        stored = schedule_steps.stored_streams(self.db, list(self.left))  # deleted: ValidationError
        conflicts, now = [], {}
        for i, left in self.left.items():
            theirs = stored[i]
            now[i] = schedule.content(theirs, list(left))
            if now[i] == left:
                continue
            mine = target.get(i)
            if mine is None:
                rows = stream_delete_rows(dataclasses.replace(theirs, **left), theirs)
            else:
                rows = stream_conflict_rows(dataclasses.replace(theirs, **left), dataclasses.replace(theirs, **mine), theirs)
            if rows:
                conflicts.append(ReplayConflict(theirs.title, rows, deleting=mine is None))
        return conflicts, now

    def _target(self, undoing: bool) -> dict[int, dict[str, Any] | None]:
        """What the step writes to each stream of `left` (None: deletes it), for the conflict dialog."""
        raise NotImplementedError


class EditStream(_StreamCommand):
    """The first redo refuses (StreamChangedError) if the stream is no longer at `before.version`,
    the version the user opened: a teammate's save in between is never silently overwritten.

    Undo and later redos write only the fields this edit changed, and ask when someone else changed one of
    them since this app's last write."""

    def __init__(self, db, stream_id: int, before: schedule.StreamData, after: schedule.StreamData, text: str, changed):
        super().__init__(db, text, changed)
        self.stream_id, self.before, self.after = stream_id, before, after
        self.fields = [name for name in schedule.CONTENT_FIELDS if getattr(before, name) != getattr(after, name)]

    def _first(self) -> None:
        self.left = schedule_steps.save_edit(self.db, self.stream_id, self.after, self.fields,
                                             expected_version=self.before.version)
        self.changed()

    def _target(self, undoing: bool) -> dict[int, dict[str, Any] | None]:
        return {self.stream_id: schedule.content(self.before if undoing else self.after, self.fields)}

    def _write(self, undoing: bool, expected: Values) -> None:
        self.left = schedule_steps.save_edit(self.db, self.stream_id, self.before if undoing else self.after,
                                             self.fields, expected=expected)
        self.changed()


class _Deletion(_StreamCommand):
    """Deletes streams with everything attached (lineup, script, live log, review) one way and puts all of
    it back the other. Deleting again (a redo of a delete, the undo of a create) expects every field as this
    command's last step left it and asks when someone else changed any; a stream someone else already
    deleted ends the step with nothing written (AlreadyDeleted)."""

    deletes_on_undo = False

    def __init__(self, db, stream_ids: list[int], text: str, changed):
        super().__init__(db, text, changed)
        self.stream_ids = list(stream_ids)
        self.snapshot: snapshots.Snapshot | None = None  # as deleted: what the next step restores

    def _target(self, undoing: bool) -> dict[int, dict[str, Any] | None]:
        return {i: None for i in self.left} if undoing == self.deletes_on_undo else {}

    def _write(self, undoing: bool, expected: Values) -> None:
        if undoing == self.deletes_on_undo:
            self.snapshot = schedule_steps.delete(self.db, self.stream_ids, expected=expected)
            self.left = {}
        else:
            assert self.snapshot is not None
            self.stream_ids, self.left = schedule_steps.restore(self.db, self.snapshot, self.stream_ids)
        self.changed()


class CreateStreams(_Deletion):
    """Create one or several streams (new, duplicated or imported); undo deletes them (asking when someone
    else changed one since) and redo puts them back with whatever was attached to them meanwhile."""

    deletes_on_undo = True

    def __init__(self, db: Database, streams: list[schedule.StreamData], text: str, changed: Callable[[], None]):
        super().__init__(db, [], text, changed)
        self.streams = streams

    def _first(self) -> None:
        self.stream_ids, self.left = schedule_steps.create(self.db, self.streams)
        self.changed()


class DeleteStreams(_Deletion):
    """With `versions` ({id: the version the user saw}) the delete refuses (StreamChangedError naming them)
    when a teammate saved any of the streams since; a stream already deleted is a ValidationError. Nothing
    is deleted in either case. A redo after undo asks when someone else changed one since the undo."""

    def __init__(self, db, stream_ids: list[int], text: str, changed, versions: dict[int, int] | None = None):
        super().__init__(db, stream_ids, text, changed)
        self.versions = versions

    def _first(self) -> None:
        self.snapshot = schedule_steps.delete(self.db, self.stream_ids, self.versions)
        self.left = {}
        self.changed()
