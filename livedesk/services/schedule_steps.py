"""The schedule tab's undoable actions, each one unit of work (one transaction) on the database.

The undo commands (ui/schedule/commands.py) call one of these for each redo and each undo. Every step
returns what it left in the fields it wrote (`Values`, see `schedule.content`): the next step expects them
still there and refuses (StreamChangedError) when a teammate changed one since.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from livedesk.models import Stream
from livedesk.services import schedule, snapshots
from livedesk.services.db import Database
from livedesk.services.errors import AlreadyDeleted
from livedesk.services.schedule import StreamData

Values = dict[int, dict[str, Any]]  # {stream id: {name: value}} (see `schedule.content`)
Fields = Sequence[str]


def _left(session: Session, names: Mapping[int, Fields]) -> Values:
    """What this step left (as stored) in the `names` of each stream."""
    session.flush()
    session.expire_all()
    return {i: schedule.content(schedule.get_stream_data(session, i), list(fields)) for i, fields in names.items()}


def save_edit(db: Database, stream_id: int, data: StreamData, fields: Fields, *, expected_version: int | None = None,
              expected: Values | None = None) -> Values:
    """Save `fields` of `data` on the stream. The first save names the version the user opened
    (`expected_version`); undo and redo name what the last step left (`expected`) and write only `fields`,
    keeping whatever else a teammate changed."""
    with db.session() as session:
        if expected is not None:
            schedule.check_streams(session, expected)
            stored = schedule.get_stream_data(session, stream_id)
            data = dataclasses.replace(stored, **schedule.content(data, list(fields)))
        schedule.update_stream(session, stream_id, data, expected_version=expected_version)
        return _left(session, {stream_id: fields})


def stored_streams(db: Database, stream_ids: Sequence[int]) -> dict[int, StreamData]:
    """The streams as stored now (ValidationError when one was deleted), for the conflict dialog."""
    with db.session() as session:
        return {i: schedule.get_stream_data(session, i) for i in stream_ids}


def create(db: Database, streams: Sequence[StreamData]) -> tuple[list[int], Values]:
    """Create the streams; their ids and what was stored."""
    with db.session() as session:
        created = [schedule.create_stream(session, data) for data in streams]
        session.flush()
        ids = [s.id for s in created]
        return ids, _left(session, {i: schedule.CONTENT_FIELDS for i in ids})


def delete(db: Database, stream_ids: Sequence[int], versions: dict[int, int] | None = None, *,
           expected: Values | None = None) -> snapshots.Snapshot:
    """Delete the streams with everything attached; the snapshot that `restore` puts back. The first delete
    names the versions the user saw (`versions`); a later one (redo, undo of a create) names what the last
    step left (`expected`): one a teammate already deleted is AlreadyDeleted, and nothing is deleted."""
    with db.session() as session:
        if expected is not None:
            gone = [i for i in expected if session.get(Stream, i) is None]
            if gone:
                raise AlreadyDeleted([f"“{expected[i]['title']}”" for i in gone])
            versions = schedule.check_streams(session, expected)
        snapshot = snapshots.snapshot(session, Stream.__table__, list(stream_ids))
        schedule.delete_streams(session, list(stream_ids), versions)
        return snapshot


def restore(db: Database, snapshot: snapshots.Snapshot, stream_ids: Sequence[int]) -> tuple[list[int], Values]:
    """Put deleted streams back with everything that was attached; their ids (a restore may give one a new
    id) and what was stored."""
    with db.session() as session:
        moved = snapshots.restore(session, snapshot).get("streams", {})
        ids = [moved.get(i, i) for i in stream_ids]
        return ids, _left(session, {i: schedule.CONTENT_FIELDS for i in ids})


def save_person(db: Database, name: str, roles: Sequence[str], person_id: int | None = None,
                active: bool = True) -> int:
    """Add someone to the roster or change them (`person_id`): their id. ValidationError for an empty name
    or one already on the roster."""
    with db.session() as session:
        return schedule.save_person(session, name, list(roles), person_id, active).id
