"""The schedule (排期表): streams, their people and goals, conflicts, and the team roster."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, selectinload

from livedesk.models import Person, Platform, Role, Stream, StreamPerson, StreamStatus, StreamType
from livedesk.models.base import utc_now
from livedesk.services.errors import ConcurrentEditError, UserError

if TYPE_CHECKING:
    from livedesk.services.db import Database
from livedesk.services.messages import translate

STATUS_ORDER = [s.value for s in StreamStatus]
EDITABLE_FIELDS = (
    "title", "start_at", "planned_minutes", "platform", "account", "theme", "stream_type", "status",
    "gmv_target", "viewers_target", "peak_online_target", "conversion_target", "new_followers_target",
    "welfare_plan", "warmup_plan", "notes",
)


class ValidationError(UserError, ValueError):
    """A value the user typed that cannot be saved; the message says which and why."""


class StreamChangedError(ValidationError, ConcurrentEditError):
    """Someone else saved this stream after the user opened it; nothing was written.

    `stream_ids` names the streams that changed (several for a delete)."""

    def __init__(self, message: str = "", stream_ids: list[int] | tuple[int, ...] = ()):
        super().__init__(message)
        self.stream_ids = list(stream_ids)


@dataclass(frozen=True)
class StreamFilter:
    month: tuple[int, int] | None = None  # (year, month) in local time
    platforms: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    person_id: int | None = None
    text: str = ""


@dataclass
class Conflict:
    kind: str  # "person" or "account"
    stream_ids: tuple[int, int]
    detail: str  # the person's name or the account


@dataclass
class StreamData:
    """Everything one stream holds, detached from the session: for editing, undo and export."""

    title: str
    start_at: dt.datetime
    planned_minutes: int
    platform: str = Platform.DOUYIN.value
    account: str = ""
    theme: str = ""
    stream_type: str = StreamType.DAILY.value
    status: str = StreamStatus.PLANNED.value
    gmv_target: Decimal | None = None
    viewers_target: int | None = None
    peak_online_target: int | None = None
    conversion_target: Decimal | None = None
    new_followers_target: int | None = None
    welfare_plan: str = ""
    warmup_plan: str = ""
    notes: str = ""
    people: list[tuple[str, str]] = field(default_factory=list)  # (person name, role)
    id: int | None = None
    # the stored version this data was read at (optimistic concurrency); metadata, not content: not compared
    version: int | None = field(default=None, compare=False)

    @classmethod
    def from_stream(cls, stream: Stream) -> StreamData:
        data = cls(**{name: getattr(stream, name) for name in EDITABLE_FIELDS}, id=stream.id, version=stream.version)
        data.people = [(a.person.name, a.role) for a in stream.assignments]
        return data


def validate(data: StreamData) -> None:
    if not data.title.strip():
        raise ValidationError(translate("Messages", "The title is empty. Give the stream a title."))
    if data.start_at.tzinfo is None:
        raise ValidationError(translate("Messages", "The start time has no time zone."))
    if not (1 <= data.planned_minutes <= 24 * 60):
        raise ValidationError(translate("Messages", "The planned length must be between 1 and 1440 minutes."))
    if data.platform not in {p.value for p in Platform}:
        raise ValidationError(translate("Messages", "Unknown platform {0}.").format(data.platform))
    if data.stream_type not in {t.value for t in StreamType}:
        raise ValidationError(translate("Messages", "Unknown stream type {0}.").format(data.stream_type))
    if data.status not in STATUS_ORDER:
        raise ValidationError(translate("Messages", "Unknown status {0}.").format(data.status))
    for name in ("gmv_target", "viewers_target", "peak_online_target", "new_followers_target"):
        value = getattr(data, name)
        if value is not None and value < 0:
            raise ValidationError(translate("Messages", "A goal cannot be negative ({0}).").format(name.replace("_", " ")))
    if data.conversion_target is not None and not (0 <= data.conversion_target <= 1):
        raise ValidationError(translate("Messages", "The conversion goal must be between 0% and 100%."))
    roles = {r.value for r in Role}
    for name, role in data.people:
        if role not in roles:
            raise ValidationError(translate("Messages", "Unknown role {0} for {1}.").format(role, name))


def person_by_name(session: Session, name: str, role_hint: str | None = None) -> Person:
    """The roster entry for a name, added to the roster when new."""
    name = name.strip()
    person = session.scalar(select(Person).where(Person.name == name))
    if person is None:
        person = Person(name=name, usual_roles=role_hint or "")
        session.add(person)
        session.flush()
    return person


def _apply(session: Session, stream: Stream, data: StreamData) -> None:
    stored = inspect(stream).persistent  # an update, not a create
    for name in EDITABLE_FIELDS:
        setattr(stream, name, getattr(data, name))
    wanted = [(person_by_name(session, name, role), role) for name, role in data.people if name.strip()]
    existing = {(a.person_id, a.role): a for a in stream.assignments}
    keep = {(p.id, role) for p, role in wanted}
    touched = False
    for key, assignment in existing.items():
        if key not in keep:
            stream.assignments.remove(assignment)
            touched = True
    for person, role in wanted:
        if (person.id, role) not in existing:
            stream.assignments.append(StreamPerson(person=person, role=role))
            existing[(person.id, role)] = stream.assignments[-1]
            touched = True
    if touched and stored:
        stream.updated_at = utc_now()  # a change of people alone still bumps the version teammates check


def create_stream(session: Session, data: StreamData) -> Stream:
    validate(data)
    stream = Stream(title=data.title, start_at=data.start_at, planned_minutes=data.planned_minutes)
    if data.id is not None:  # restoring a deleted stream (undo) keeps its id
        stream.id = data.id
    session.add(stream)
    _apply(session, stream, data)
    session.flush()
    return stream


def update_stream(session: Session, stream_id: int, data: StreamData, expected_version: int | None = None) -> Stream:
    """Save `data`. With `expected_version` (the version the user saw), refuse with StreamChangedError
    when someone else saved the stream in between, so their change is never silently overwritten."""
    validate(data)
    stream = session.get(Stream, stream_id)
    if stream is None:
        raise ValidationError(translate("Messages", "This stream no longer exists; someone may have deleted it."))
    if expected_version is not None and stream.version != expected_version:
        raise StreamChangedError(
            translate("Messages", "“{0}” was changed by someone else after you opened it.").format(stream.title),
            [stream_id],
        )
    _apply(session, stream, data)
    session.flush()
    return stream


def delete_stream(session: Session, stream_id: int, expected_version: int | None = None) -> StreamData:
    """Delete and return what was deleted, so the deletion can be undone. With `expected_version` (the
    version the user saw), refuse with StreamChangedError when someone else saved the stream since."""
    return delete_streams(session, [stream_id], None if expected_version is None else {stream_id: expected_version})[0]


def delete_streams(
    session: Session, stream_ids: list[int], expected_versions: dict[int, int] | None = None
) -> list[StreamData]:
    """Delete several streams, all or none: a stream already deleted (perhaps by a teammate) is a
    ValidationError, and with `expected_versions` ({id: the version the user saw}) a stream someone else
    saved since is a StreamChangedError naming every such stream. Nothing is deleted in either case."""
    streams = []
    for stream_id in stream_ids:
        stream = session.get(Stream, stream_id)
        if stream is None:
            raise ValidationError(translate("Messages", "This stream no longer exists; someone may have deleted it."))
        streams.append(stream)
    if expected_versions is not None:
        changed = [s for s in streams if s.id in expected_versions and s.version != expected_versions[s.id]]
        if changed:
            raise StreamChangedError(
                translate("Messages", "Someone else changed {0} after you last saw it; nothing was deleted.").format(
                    "、".join(f"“{s.title}”" for s in changed)
                ),
                [s.id for s in changed],
            )
    deleted = []
    for stream in streams:
        deleted.append(StreamData.from_stream(stream))
        session.delete(stream)  # the DELETE names the version: a save a moment ago is a StaleDataError
    session.flush()
    return deleted


CONTENT_FIELDS = (*EDITABLE_FIELDS, "people")  # everything a stream holds that a user edits (StreamData compares these)


def content(data: StreamData, names: tuple[str, ...] | list[str] = CONTENT_FIELDS) -> dict[str, Any]:
    """The values of `names` (default: all of CONTENT_FIELDS) in `data`, to compare with what is stored later."""
    return {name: list(data.people) if name == "people" else getattr(data, name) for name in names}


def check_streams(session: Session, expected: dict[int, dict[str, Any]]) -> dict[int, int]:
    """Check that each stream still holds what this app's last write left in it: `expected` is
    {id: {name: value}} (see `content`). Only those names are compared, so a change to any other field (by a
    teammate, or by this app elsewhere: a script moving the status on) is no conflict. StreamChangedError
    names the streams where one of them differs now; ValidationError when one was deleted.

    Returns the versions read (a write in the same session names them: a save a moment later is caught too).
    """
    stored = {stream_id: get_stream_data(session, stream_id) for stream_id in expected}
    changed = [i for i, values in expected.items() if content(stored[i], list(values)) != values]
    if changed:
        raise StreamChangedError(
            translate("Messages", "Someone else changed {0} after you last saw it; nothing was changed.").format(
                "、".join(f"“{stored[i].title}”" for i in changed)
            ),
            changed,
        )
    return {i: data.version for i, data in stored.items() if data.version is not None}


def duplicate_data(data: StreamData, shift: dt.timedelta = dt.timedelta(days=7)) -> StreamData:
    """A copy for another slot (default: the same time next week), back at the planning stage."""
    import dataclasses

    return dataclasses.replace(
        data, id=None, version=None, start_at=data.start_at + shift, status=StreamStatus.PLANNED.value,
        people=list(data.people),
    )


def merge_changes(base: StreamData, mine: StreamData, theirs: StreamData) -> StreamData:
    """Theirs with the fields I changed (mine differs from base, what I opened) put on top: what an
    "overwrite" after a conflict saves. Fields only they changed keep their value."""
    import dataclasses

    changes = {name: getattr(mine, name) for name in (*EDITABLE_FIELDS, "people") if getattr(mine, name) != getattr(base, name)}
    changes["people"] = list(changes.get("people", theirs.people))
    return dataclasses.replace(theirs, **changes)


def get_stream_data(session: Session, stream_id: int) -> StreamData:
    stream = session.get(Stream, stream_id)
    if stream is None:
        raise ValidationError(translate("Messages", "This stream no longer exists; someone may have deleted it."))
    return StreamData.from_stream(stream)


def has_streams(session: Session) -> bool:
    return session.scalar(select(Stream.id).limit(1)) is not None


def database_has_streams(db: Database) -> bool:
    """`has_streams` in a unit of its own (the window's welcome page asks)."""
    with db.session() as session:
        return has_streams(session)


def list_streams(session: Session, flt: StreamFilter | None = None) -> list[StreamData]:
    flt = flt or StreamFilter()
    query = select(Stream).options(selectinload(Stream.assignments).selectinload(StreamPerson.person))
    if flt.month:
        year, month = flt.month
        start = dt.datetime(year, month, 1).astimezone()
        end = dt.datetime(year + (month == 12), month % 12 + 1, 1).astimezone()
        query = query.where(Stream.start_at >= start, Stream.start_at < end)
    if flt.platforms:
        query = query.where(Stream.platform.in_(flt.platforms))
    if flt.statuses:
        query = query.where(Stream.status.in_(flt.statuses))
    if flt.person_id is not None:
        query = query.where(Stream.assignments.any(StreamPerson.person_id == flt.person_id))
    rows = [StreamData.from_stream(s) for s in session.scalars(query.order_by(Stream.start_at, Stream.id))]
    if flt.text:
        needle = flt.text.casefold()
        rows = [
            r for r in rows
            if needle in " ".join([r.title, r.account, r.theme, r.notes, *(n for n, _ in r.people)]).casefold()
        ]
    return rows


def find_conflicts(streams: list[StreamData]) -> list[Conflict]:
    """One person on two overlapping streams, or two overlapping streams on one account."""
    ordered = sorted((s for s in streams if s.id is not None), key=lambda s: s.start_at)
    conflicts: list[Conflict] = []
    for i, first in enumerate(ordered):
        first_end = first.start_at + dt.timedelta(minutes=first.planned_minutes)
        for second in ordered[i + 1:]:
            if second.start_at >= first_end:
                break
            pair = (first.id, second.id)
            shared = sorted({n for n, _ in first.people} & {n for n, _ in second.people})
            conflicts += [Conflict("person", pair, name) for name in shared]  # type: ignore[arg-type]
            if first.account and first.account == second.account:
                conflicts.append(Conflict("account", pair, first.account))  # type: ignore[arg-type]
    return conflicts


def conflicts_by_stream(conflicts: list[Conflict]) -> dict[int, list[Conflict]]:
    result: dict[int, list[Conflict]] = {}
    for conflict in conflicts:
        for stream_id in conflict.stream_ids:
            result.setdefault(stream_id, []).append(conflict)
    return result


# --- the roster -------------------------------------------------------------------------------------------


def list_people(session: Session, active_only: bool = False) -> list[Person]:
    query = select(Person).order_by(Person.name)
    if active_only:
        query = query.where(Person.active.is_(True))
    return list(session.scalars(query))


def save_person(session: Session, name: str, roles: list[str], person_id: int | None = None, active: bool = True) -> Person:
    name = name.strip()
    if not name:
        raise ValidationError(translate("Messages", "The name is empty."))
    clash = session.scalar(select(Person).where(Person.name == name, Person.id != (person_id or -1)))
    if clash:
        raise ValidationError(translate("Messages", "{0} is already on the roster.").format(name))
    person = session.get(Person, person_id) if person_id else Person(name=name)
    if person is None:
        raise ValidationError(translate("Messages", "This person is no longer on the roster."))
    person.name = name
    person.usual_roles = ",".join(Role(r).value for r in roles)
    person.active = active
    session.add(person)
    session.flush()
    return person


def stream_to_json(data: StreamData) -> dict[str, Any]:
    """The command line's view of a stream (times in ISO 8601 with offset, money as a number)."""
    return {
        "id": data.id,
        "title": data.title,
        "start": data.start_at.astimezone().isoformat(timespec="seconds"),
        "minutes": data.planned_minutes,
        "platform": data.platform,
        "account": data.account,
        "theme": data.theme,
        "type": data.stream_type,
        "status": data.status,
        "gmv_target": float(data.gmv_target) if data.gmv_target is not None else None,
        "viewers_target": data.viewers_target,
        "peak_online_target": data.peak_online_target,
        "conversion_target": float(data.conversion_target) if data.conversion_target is not None else None,
        "new_followers_target": data.new_followers_target,
        "people": [{"name": n, "role": r} for n, r in data.people],
    }
