"""Undoable schedule edits. Each redo/undo is one unit of work on the database."""

from __future__ import annotations

from collections.abc import Callable

from livedesk.models import Stream
from livedesk.services import schedule, snapshots
from livedesk.services.db import Database
from livedesk.ui.undo import DbCommand


class _StreamCommand(DbCommand):
    def __init__(self, db: Database, text: str, changed: Callable[[], None]):
        super().__init__(text)
        self.db = db
        self.changed = changed


class CreateStreams(_StreamCommand):
    """Create one or several streams (new, duplicated or imported); undo deletes them."""

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
    the version the user opened: a teammate's save in between is never silently overwritten."""

    def __init__(self, db, stream_id: int, before: schedule.StreamData, after: schedule.StreamData, text: str, changed):
        super().__init__(db, text, changed)
        self.stream_id, self.before, self.after = stream_id, before, after
        self.expected_version = before.version

    def _apply(self, data: schedule.StreamData, expected_version: int | None = None) -> None:
        with self.db.session() as session:
            schedule.update_stream(session, self.stream_id, data, expected_version=expected_version)
        self.changed()

    def _redo(self) -> None:
        self._apply(self.after, self.expected_version)
        self.expected_version = None  # later redos (after undo) replay the user's own change

    def undo(self) -> None:
        self._apply(self.before)


class DeleteStreams(_StreamCommand):
    """Delete streams with everything attached (lineup, script, live log, review); undo puts it all back."""

    def __init__(self, db, stream_ids: list[int], text: str, changed):
        super().__init__(db, text, changed)
        self.stream_ids = stream_ids
        self.snapshot: snapshots.Snapshot | None = None

    def _redo(self) -> None:
        with self.db.session() as session:
            self.snapshot = snapshots.snapshot(session, Stream.__table__, self.stream_ids)
            for stream_id in self.stream_ids:
                schedule.delete_stream(session, stream_id)
        self.changed()

    def undo(self) -> None:
        assert self.snapshot is not None
        with self.db.session() as session:
            moved = snapshots.restore(session, self.snapshot).get("streams", {})
        self.stream_ids = [moved.get(i, i) for i in self.stream_ids]  # redo deletes what was restored
        self.changed()
