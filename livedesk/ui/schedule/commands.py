"""Undoable schedule edits. Each redo/undo is one unit of work on the database.

Team mode: an edit's first redo and a delete carry the versions the user saw and are refused
(StreamChangedError) when a teammate saved in between. Undo and later redos expect the versions this app's
last writes left (see `conflict_dialog.CheckedCommand`) and ask through `on_conflict` instead of writing
over a later save.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm.exc import StaleDataError

from livedesk.models import Stream
from livedesk.services import schedule, snapshots
from livedesk.services.db import Database
from livedesk.ui.conflict_dialog import CheckedCommand, version_log


@dataclass
class StreamConflict:
    """A stream an undo, redo or delete finds changed by someone else: `base` as this app's last write left
    it (as the user saw it, for a delete), `mine` what the step would write, `theirs` as stored now."""

    base: schedule.StreamData
    mine: schedule.StreamData
    theirs: schedule.StreamData
    deleting: bool = False


class _StreamCommand(CheckedCommand):
    conflict_errors = (schedule.StreamChangedError, StaleDataError)

    def __init__(self, db: Database, text: str, changed: Callable[[], None]):
        super().__init__(text)
        self.db = db
        self.changed = changed

    def _dropped(self) -> None:
        self.changed()


class CreateStreams(_StreamCommand):
    """Create one or several streams (new, duplicated or imported); undo deletes them. (That delete is not
    version-checked yet: a teammate's edits of a new stream in between go with it.)"""

    def __init__(self, db: Database, streams: list[schedule.StreamData], text: str, changed: Callable[[], None]):
        super().__init__(db, text, changed)
        self.streams = streams
        self.ids: list[int] = []

    def _redo(self) -> None:
        with self.db.session() as session:
            created = []
            for i, data in enumerate(self.streams):
                if self.ids:
                    data.id = self.ids[i]  # redo after undo keeps the same ids
                created.append(schedule.create_stream(session, data))
            session.flush()
            self.ids = [s.id for s in created]
        self.changed()

    def undo(self) -> None:
        with self.db.session() as session:
            for stream_id in self.ids:
                schedule.delete_stream(session, stream_id)
        self.changed()


class EditStream(_StreamCommand):
    """The first redo refuses (StreamChangedError) if the stream is no longer at `before.version`,
    the version the user opened: a teammate's save in between is never silently overwritten.

    Undo and later redos refuse in the same way when a teammate saved after this app's last write; going
    ahead (on_conflict) writes only the fields this edit changed on top of theirs."""

    def __init__(self, db, stream_id: int, before: schedule.StreamData, after: schedule.StreamData, text: str, changed):
        super().__init__(db, text, changed)
        self.stream_id, self.before, self.after = stream_id, before, after
        self.expected_version = before.version
        self.version = before.version  # after each write: the version it left
        self.left: schedule.StreamData | None = None  # the stream as this command's last write left it
        self.applied = False

    def _apply(self, data: schedule.StreamData, expected_version: int | None = None) -> None:
        with self.db.session() as session:
            stream = session.get(Stream, self.stream_id)
            before = stream.version if stream is not None else None
            stream = schedule.update_stream(session, self.stream_id, data, expected_version=expected_version)
            session.flush()
            self.left = schedule.StreamData.from_stream(stream)
        version_log(self.db).record(("stream", self.stream_id), before, self.left.version)
        self.version = self.left.version
        self.changed()

    def _redo(self) -> None:
        if self.applied:
            self._replay(undoing=False)
            return
        self._apply(self.after, self.expected_version)
        self.applied = True

    def undo(self) -> None:
        self._replay(undoing=True)

    def _expected(self) -> tuple[int | None, schedule.StreamData | None]:
        return version_log(self.db).latest(("stream", self.stream_id), self.version), None

    def _write(self, undoing: bool, state: Any) -> None:
        version, theirs = state
        target = self.before if undoing else self.after
        if theirs is not None:  # going ahead after a conflict: only the fields this edit changed
            assert self.left is not None
            target = schedule.merge_changes(self.left, target, theirs)
        self._apply(target, version)

    def _conflicts(self, undoing: bool, state: Any) -> tuple[list[StreamConflict], Any]:
        assert self.left is not None
        with self.db.session() as session:
            theirs = schedule.get_stream_data(session, self.stream_id)
        target = self.before if undoing else self.after
        return [StreamConflict(self.left, target, theirs)], (theirs.version, theirs)


class DeleteStreams(_StreamCommand):
    """Delete streams with everything attached (lineup, script, live log, review); undo puts it all back.

    With `versions` ({id: the version the user saw}) the delete, and a redo after undo, refuse
    (StreamChangedError naming them) when a teammate saved any of the streams since; a stream already
    deleted is a ValidationError. Nothing is deleted in either case."""

    def __init__(self, db, stream_ids: list[int], text: str, changed, versions: dict[int, int] | None = None):
        super().__init__(db, text, changed)
        self.stream_ids = stream_ids
        self.versions = versions
        self.snapshot: snapshots.Snapshot | None = None
        self.deleted: dict[int, schedule.StreamData] = {}  # as deleted (restored as such by undo)
        self.applied = False

    def _redo(self) -> None:
        if self.applied:
            self._replay(undoing=False)
            return
        self._write(False, self.versions)
        self.applied = True

    def _write(self, undoing: bool, state: Any) -> None:
        with self.db.session() as session:
            self.snapshot = snapshots.snapshot(session, Stream.__table__, self.stream_ids)
            deleted = schedule.delete_streams(session, self.stream_ids, state)
        self.deleted = {data.id: data for data in deleted if data.id is not None}
        self.changed()

    def undo(self) -> None:
        assert self.snapshot is not None
        try:
            with self.db.session() as session:
                moved = snapshots.restore(session, self.snapshot).get("streams", {})
        except Exception as exc:  # its transaction rolled back: nothing came back
            self._drop(exc)
            return
        self.stream_ids = [moved.get(i, i) for i in self.stream_ids]  # redo deletes what was restored
        self.deleted = {moved.get(i, i): data for i, data in self.deleted.items()}
        if self.versions is not None:  # restored rows keep the version they were deleted at
            self.versions = {i: data.version for i, data in self.deleted.items() if data.version is not None}
        self.changed()

    def _expected(self) -> dict[int, int] | None:
        if self.versions is None:
            return None
        log = version_log(self.db)
        return {i: log.latest(("stream", i), version) for i, version in self.versions.items()}  # type: ignore[misc]

    def _conflicts(self, undoing: bool, state: Any) -> tuple[list[StreamConflict], dict[int, int]]:
        with self.db.session() as session:
            theirs = {i: schedule.get_stream_data(session, i) for i in self.stream_ids}  # deleted: ValidationError
        conflicts = [
            StreamConflict(self.deleted[i], self.deleted[i], their, deleting=True)
            for i, their in theirs.items()
            if i in self.deleted and (state or {}).get(i) != their.version
        ]
        return conflicts, {**(state or {}), **{i: their.version for i, their in theirs.items()}}
