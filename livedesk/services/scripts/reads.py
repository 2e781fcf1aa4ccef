"""What the script tab reads, each in one unit of work opened here, returned as plain data.

The tab calls these and never opens a session itself; `tab_data` is also what it reads on a worker thread
after a teammate's change, so it takes only plain values and returns nothing tied to a session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from livedesk.services import compliance, schedule
from livedesk.services.compliance import ScriptFinding, TermSet
from livedesk.services.scripts.rehearsals import can_mark_rehearsed
from livedesk.services.scripts.view import PitchDraft, ScriptView, pitch_draft, script_view

if TYPE_CHECKING:
    from livedesk.services.db import Database


@dataclass(frozen=True)
class ScriptTabData:
    """Everything the script tab shows: the streams to pick from, the word list, the chosen stream's script."""

    streams: list[schedule.StreamData]  # past planning first, then planned ones; each group by start
    terms: TermSet
    stream_id: int | None  # the stream asked for if it still exists, else the default one (None: no streams)
    view: ScriptView | None  # that stream's script (None: no stream)


def order_streams(streams: Sequence[schedule.StreamData]) -> list[schedule.StreamData]:
    """Streams with a script under way (past 策划) first, then the planned ones, each group by start."""
    ready = sorted((s for s in streams if s.status != "planned"), key=lambda s: s.start_at)
    planned = sorted((s for s in streams if s.status == "planned"), key=lambda s: s.start_at)
    return ready + planned


def choose_stream(streams: Sequence[schedule.StreamData], wanted: int | None, now: dt.datetime) -> int | None:
    """`wanted` if it is among `streams` (ordered by `order_streams`); else the first stream past planning that
    has not ended by `now`, else the last one past planning, else the first planned one."""
    if wanted is not None and any(s.id == wanted for s in streams):
        return wanted
    ready = [s for s in streams if s.status != "planned"]
    upcoming = [s for s in ready if s.start_at + dt.timedelta(minutes=s.planned_minutes) >= now]
    if upcoming:
        return upcoming[0].id
    if ready:
        return ready[-1].id
    planned = [s for s in streams if s.status == "planned"]
    return planned[0].id if planned else None


def tab_data(db: Database, stream_id: int | None, now: dt.datetime | None = None) -> ScriptTabData:
    """The streams, the word list and the script of `stream_id` (or of the default stream when it is None or
    was deleted), in one unit of work."""
    now = now or dt.datetime.now().astimezone()
    with db.session() as session:
        streams = order_streams(schedule.list_streams(session))
        chosen = choose_stream(streams, stream_id, now)
        terms = compliance.term_set(session)
        view = script_view(session, chosen) if chosen is not None else None
    return ScriptTabData(streams, terms, chosen if view is not None else None, view)


def script(db: Database, stream_id: int) -> ScriptView | None:
    """One stream's script, lineup and rehearsals (None: the stream was deleted meanwhile)."""
    with db.session() as session:
        return script_view(session, stream_id)


def pitch(db: Database, stream_id: int, product_id: int) -> PitchDraft | None:
    """A pitch segment's makings for a lineup product (None: the product was deleted meanwhile)."""
    with db.session() as session:
        return pitch_draft(session, stream_id, product_id)


def terms(db: Database) -> TermSet:
    """The word list in force for this database (built-in terms with the team's changes)."""
    with db.session() as session:
        return compliance.term_set(session)


def unresolved(db: Database, stream_id: int) -> list[ScriptFinding]:
    """What stands in the way of marking the stream rehearsed (risky words, overruns, no rehearsal)."""
    with db.session() as session:
        return can_mark_rehearsed(session, stream_id)
