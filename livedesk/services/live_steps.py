"""The live tab's door to the database: each controller action is one unit of work, and what the tab shows is
read as plain data.

Every function takes the `Database`, opens its own `with db.session()` and returns plain values (dataclasses,
tuples, strings), never ORM objects. The rules themselves stay in live.py, live_checklist.py and
live_incidents.py (functions that take the session of a unit of work, shared with the tests and the CLI).

Reads come in two sizes: `read_tab` (the streams to pick from, the people, and the console of the stream
shown: after a teammate's change, on a worker thread) and `read_console` (one stream's console: after the
controller's own action; a follower passes the shape it shows, and only the clock-free part is read when
nothing but the clock moved).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy.orm import Session

from livedesk.config import Preferences
from livedesk.services import live, live_checklist, prelive_checks
from livedesk.services.capture import store as capture_store
from livedesk.services.capture.mapping import LinkReading, Reading
from livedesk.services.db import Database
from livedesk.services.live_common import LiveError
from livedesk.services.live_picks import StreamPick, default_pick, stream_picks
from livedesk.services.prelive_checks import AutoCheck
from livedesk.services.products import Rules
from livedesk.services.schedule import list_people

# --- what the tab shows ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistEntry:
    """An item of the stream's stored checklist (ticked by hand)."""

    id: int
    text: str
    ticked_by: str
    ticked_at: dt.datetime | None


@dataclass(frozen=True)
class MetricRow:
    """One row of dashboard numbers, as logged (click rate as a fraction)."""

    at: dt.datetime
    online: int | None
    uv: int | None
    gmv: Decimal | None
    orders: int | None
    click_rate: Decimal | None
    source: str


@dataclass(frozen=True)
class AlertRow:
    id: int
    at: dt.datetime
    message: str


@dataclass(frozen=True)
class ConsoleDetails:
    """The console besides its clock: the checklist, the shelf, the numbers, the alerts and the log."""

    checklist: tuple[ChecklistEntry, ...]
    auto_checks: tuple[AutoCheck, ...] | None  # None: not read (on air, the tab keeps its last answer)
    shelf: tuple[live.ShelfRow, ...]
    samples: tuple[MetricRow, ...]
    alerts: tuple[AlertRow, ...]
    log: tuple[live.LogEntry, ...]
    checklist_missing: bool = False  # items to store before going live (read without `store_checklist`)


@dataclass(frozen=True)
class ConsoleRead:
    stream_id: int
    state: live.ConsoleState
    host_message: str  # the controller's latest message to the host ("" when none)
    details: ConsoleDetails | None  # None: a follower's read in which only the clock moved (same shape)


@dataclass(frozen=True)
class Picks:
    streams: tuple[StreamPick, ...]
    people: tuple[str, ...]  # active people, who can tick the checklist or handle an incident


@dataclass(frozen=True)
class TabRead:
    stream_id: int | None  # the stream shown: the one asked for, else (deleted, or none asked) the default pick
    console: ConsoleRead | None  # None: no stream, or it no longer exists
    picks: Picks | None = None  # None: not read (a read for the controller's own action, or a follower's)


@dataclass(frozen=True)
class ReadOptions:
    warn_before: float = 180.0  # seconds before a segment's end that count as its warning window
    checklist_template: tuple[str, ...] | None = None  # a stream's first checklist (None: the default one)
    # Before going live, store the checklist items the stream is missing (the template on first use, then open
    # improvement items of the last review). False writes nothing and only tells (`checklist_missing`): a read
    # on a worker, or a follower's.
    store_checklist: bool = False
    rules: Rules | None = None  # for the app's own checks (stock at N+1)
    # The stream whose own checks the tab already has: once it is live they are not read again (on air the
    # console reads after every action, and the last answer before going live stays).
    checks_known_for: int | None = None


Shape = tuple | None


def console_shape(state: live.ConsoleState | None) -> Shape:
    """What a follower must read the whole console again for when it changes (the rest is the ticking clock)."""
    if state is None:
        return None
    return (state.current_index, state.started_at, state.ended_at, state.held_since, state.actual_starts,
            tuple(state.extra.items()), state.segments)


def read_console(db: Database, stream_id: int, now: dt.datetime, options: ReadOptions = ReadOptions(),
                 known_shape: Shape = None) -> ConsoleRead | None:
    """One stream's console; None when the stream no longer exists. With `known_shape` (what a follower
    shows), the details are left out when the state still has that shape."""
    with db.session() as session:
        return _console(session, stream_id, now, options, known_shape)


def read_tab(db: Database, stream_id: int | None, now: dt.datetime, options: ReadOptions = ReadOptions()) -> TabRead:
    """The streams to pick from, the people, and the console of `stream_id` (or, when it is None or was
    deleted, of the stream the console opens on: live, else the next one), in one unit of work."""
    with db.session() as session:
        picks = stream_picks(session)
        people = tuple(p.name for p in list_people(session, active_only=True))
        if stream_id is None or all(p.id != stream_id for p in picks):
            stream_id = default_pick(picks, now)
        console = _console(session, stream_id, now, options, None) if stream_id is not None else None
        return TabRead(stream_id, console, Picks(tuple(picks), people))


def _console(session: Session, stream_id: int, now: dt.datetime, options: ReadOptions,
             known_shape: Shape) -> ConsoleRead | None:
    try:
        state = live.console_state(session, stream_id, now, warn_before=options.warn_before)
    except LiveError:  # deleted by a teammate
        return None
    message = live.host_message(session, stream_id)
    if known_shape is not None and console_shape(state) == known_shape:
        return ConsoleRead(stream_id, state, message, None)
    return ConsoleRead(stream_id, state, message, _details(session, stream_id, state, options))


def _details(session: Session, stream_id: int, state: live.ConsoleState, options: ReadOptions) -> ConsoleDetails:
    before_live = state.started_at is None
    template = list(options.checklist_template) if options.checklist_template is not None else None
    missing = False
    if before_live and options.store_checklist:
        items = live.ensure_checklist(session, stream_id, template)
    else:
        items = live.checklist(session, stream_id)
        missing = before_live and bool(live_checklist.missing_items(session, stream_id, template))
    checks = None
    if before_live or options.checks_known_for != stream_id:
        checks = tuple(prelive_checks.auto_checks(session, stream_id, options.rules))
    return ConsoleDetails(
        checklist=tuple(ChecklistEntry(i.id, i.text, i.ticked_by or "", i.ticked_at) for i in items),
        auto_checks=checks,
        shelf=tuple(live.shelf(session, stream_id)),
        samples=tuple(MetricRow(s.at, s.online, s.uv, s.gmv, s.orders, s.click_rate, s.source)
                      for s in live.metric_samples(session, stream_id)),
        alerts=tuple(AlertRow(a.id, a.at, a.message) for a in live.alerts(session, stream_id)),
        log=tuple(live.live_log(session, stream_id)),
        checklist_missing=missing,
    )


# --- the controller's actions: (db, stream id, when it happened, …), each one unit of work -----------------


def go_live(db: Database, stream_id: int, now: dt.datetime) -> None:
    with db.session() as session:
        live.go_live(session, stream_id, now)


def next_segment(db: Database, stream_id: int, now: dt.datetime) -> int:
    """The index of the segment now running."""
    with db.session() as session:
        return live.next_segment(session, stream_id, now)


def skip_segment(db: Database, stream_id: int, now: dt.datetime) -> int:
    with db.session() as session:
        return live.skip_segment(session, stream_id, now)


def previous_segment(db: Database, stream_id: int, now: dt.datetime) -> int:
    with db.session() as session:
        return live.previous_segment(session, stream_id, now)


def toggle_hold(db: Database, stream_id: int, now: dt.datetime) -> bool:
    """True when now held."""
    with db.session() as session:
        return live.toggle_hold(session, stream_id, now)


def add_time(db: Database, stream_id: int, now: dt.datetime, seconds: int) -> int:
    """The running segment's total extra seconds."""
    with db.session() as session:
        return live.add_time(session, stream_id, seconds, now)


def end_stream(db: Database, stream_id: int, now: dt.datetime) -> None:
    with db.session() as session:
        live.end_stream(session, stream_id, now)


def set_link(db: Database, stream_id: int, now: dt.datetime, product_id: int, up: bool) -> None:
    with db.session() as session:
        live.set_link(session, stream_id, product_id, up, now)


def enter_stock(db: Database, stream_id: int, now: dt.datetime, product_id: int, remaining: int,
                prefs: Preferences | None = None) -> list[str]:
    """The messages of the alerts it raised."""
    with db.session() as session:
        return [a.message for a in live.enter_stock(session, stream_id, product_id, remaining, now, prefs)]


def add_metric(db: Database, stream_id: int, now: dt.datetime, online: int | None = None, gmv: Decimal | None = None,
               orders: int | None = None, uv: int | None = None, click_rate: Decimal | None = None,
               prefs: Preferences | None = None, source: str = "typed") -> list[str]:
    """The messages of the alerts it raised."""
    with db.session() as session:
        _sample, alerts = live.add_metric(session, stream_id, now, online, gmv, orders, uv, click_rate, prefs, source=source)
        return [a.message for a in alerts]


def log_incident(db: Database, stream_id: int, at: dt.datetime, kind: str, note: str = "", handled_by: str = "") -> None:
    with db.session() as session:
        live.log_incident(session, stream_id, kind, at, note, handled_by)


def set_host_message(db: Database, stream_id: int, now: dt.datetime, message: str) -> None:
    with db.session() as session:
        live.set_host_message(session, stream_id, message, now)


@dataclass(frozen=True)
class CaptureOutcome:
    """What became of a reading off the screen: logged, held (with the reasons) or nothing new."""

    logged: bool
    held: list[str] = field(default_factory=list)
    kept_typed: list[str] = field(default_factory=list)  # figures left out because the controller typed them
    alerts: list[str] = field(default_factory=list)  # the messages of the alerts it raised


def log_reading(db: Database, stream_id: int, now: dt.datetime, reading: Reading, prefs: Preferences | None = None,
                interval_seconds: int = 30, confirmed: bool = False) -> CaptureOutcome:
    """A reading captured off the screen, logged by the capture rules (services/capture/store.py)."""
    with db.session() as session:
        outcome = capture_store.log_reading(session, stream_id, now, reading, prefs, interval_seconds, confirmed)
        return CaptureOutcome(outcome.logged, list(outcome.held), list(outcome.kept_typed),
                              [a.message for a in outcome.alerts])


def log_links(db: Database, stream_id: int, now: dt.datetime, readings: Iterable[LinkReading],
              prefs: Preferences | None = None, source: str = capture_store.SOURCE) -> tuple[int, list[str]]:
    """Each link's click rate and stock left: (links written, the link numbers not on the shelf, in words)."""
    with db.session() as session:
        return capture_store.log_links(session, stream_id, now, list(readings), prefs, source)


# --- the checklist and the prepared lines ------------------------------------------------------------------


def set_ticked(db: Database, item_id: int, ticked: bool, who: str, now: dt.datetime) -> None:
    """Tick a checklist item as `who` at `now`, or untick it."""
    with db.session() as session:
        if ticked:
            live.tick(session, item_id, who, now)
        else:
            live.untick(session, item_id)


def response_lines(db: Database, kind: str) -> list[str]:
    """The prepared lines of an incident type (the defaults seeded on first use)."""
    with db.session() as session:
        return live.response_lines(session, kind)


def set_response_lines(db: Database, kind: str, lines: Sequence[str]) -> list[str]:
    with db.session() as session:
        return live.set_response_lines(session, kind, lines)
