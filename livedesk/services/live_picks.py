"""The streams the console can pick, and which one it opens on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import LiveSession, Stream


@dataclass(frozen=True)
class StreamPick:
    id: int
    title: str
    start_at: dt.datetime
    account: str
    status: str
    live: bool  # went live and not ended
    planned_minutes: int = 0
    ended: bool = False  # went live and ended

    @property
    def planned_end(self) -> dt.datetime:
        return self.start_at + dt.timedelta(minutes=self.planned_minutes)


def stream_picks(session: Session) -> list[StreamPick]:
    sessions = dict(session.execute(select(LiveSession.stream_id, LiveSession.ended_at)).all())
    return [
        StreamPick(s.id, s.title, s.start_at, s.account, s.status, s.id in sessions and sessions[s.id] is None,
                   s.planned_minutes or 0, sessions.get(s.id) is not None)
        for s in session.scalars(select(Stream).order_by(Stream.start_at, Stream.id))
    ]


def default_pick(picks: Sequence[StreamPick], now: dt.datetime) -> int | None:
    """The stream that is live, else the next one (the earliest that has not ended and whose slot is not over:
    a stream starting late today still counts), else the last one."""
    live = [p for p in picks if p.live]
    if live:
        return live[-1].id
    upcoming = [p for p in picks if not p.ended and p.planned_end >= now]
    if upcoming:
        return min(upcoming, key=lambda p: (p.start_at, p.id)).id
    return picks[-1].id if picks else None
