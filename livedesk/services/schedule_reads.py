"""What the schedule tab and its roster show, read through the database in one unit of work each.

Each function takes the `Database`, opens its own session and returns plain data (no ORM object outlives
the session), so the tab can call it on a worker thread when a teammate's change comes in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from livedesk.services import schedule
from livedesk.services.db import Database
from livedesk.services.schedule import Conflict, StreamData

if TYPE_CHECKING:
    from livedesk.services.compliance import ScriptFinding


@dataclass(frozen=True)
class PersonRow:
    """One person on the roster."""

    id: int
    name: str
    usual_roles: tuple[str, ...]
    active: bool


@dataclass(frozen=True)
class ScheduleView:
    """Everything the schedule tab shows: the streams in start order, their clashes and the roster's names."""

    streams: list[StreamData]
    people: list[str]
    conflicts: dict[int, list[Conflict]] = field(default_factory=dict)  # {stream id: its clashes}

    @property
    def accounts(self) -> list[str]:
        """The accounts the streams use, for the stream dialog's picker."""
        return sorted({s.account for s in self.streams if s.account})


def read_schedule(db: Database) -> ScheduleView:
    """The whole schedule with its clashes (same person or account at overlapping times)."""
    with db.session() as session:
        streams = schedule.list_streams(session)
        people = [p.name for p in schedule.list_people(session)]
    return ScheduleView(streams, people, schedule.conflicts_by_stream(schedule.find_conflicts(streams)))


def read_streams(db: Database, stream_ids: Sequence[int]) -> list[StreamData]:
    """The streams as stored now, in the order asked; ValidationError when one was deleted meanwhile."""
    with db.session() as session:
        return [schedule.get_stream_data(session, i) for i in stream_ids]


def rehearsal_findings(db: Database, stream_id: int) -> list[ScriptFinding]:
    """What speaks against marking the stream 彩排 (rehearsed); empty when nothing does."""
    from livedesk.services.scripts import can_mark_rehearsed  # the script services load only when asked

    with db.session() as session:
        return can_mark_rehearsed(session, stream_id)


def read_roster(db: Database) -> list[PersonRow]:
    """Everyone on the roster by name, the inactive ones too."""
    with db.session() as session:
        return [PersonRow(p.id, p.name, tuple(r for r in p.usual_roles.split(",") if r), p.active)
                for p in schedule.list_people(session)]
