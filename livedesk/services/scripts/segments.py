"""Scripts and their segments: add, edit, move, time and approve, each checked against what the user saw.

Several people edit one database, so every editing function can take what the user saw (`expected`,
`expected_order`): when the stored script differs, it refuses with ScriptChangedError (or
SegmentChangedError for one field, SegmentGoneError when the segment was deleted) and writes nothing.
Segments are addressed by id, never by position, so a replay cannot land on the wrong segment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import (
    Script,
    Segment,
    SegmentKind,
    Stream,
    StreamStatus,
)
from livedesk.models.base import utc_now
from livedesk.services import timeline
from livedesk.services.errors import ConcurrentEditError, UserError
from livedesk.services.messages import translate

SEGMENT_FIELDS = (
    "kind",
    "title",
    "start_seconds",
    "duration_seconds",
    "product_id",
    "product_name",
    "host_lines",
    "cues",
    "props",
    "bgm",
    "notes",
)
KIND_LABELS: dict[str, str] = {
    SegmentKind.OPENING: "开场",
    SegmentKind.GATHER: "聚人",
    SegmentKind.RETAIN: "留客",
    SegmentKind.PITCH: "讲解",
    SegmentKind.PROOF: "举证",
    SegmentKind.INTERACTION: "互动",
    SegmentKind.WELFARE: "福利",
    SegmentKind.CLOSING_PUSH: "逼单",
    SegmentKind.ENCORE: "返场",
    SegmentKind.WRAP_UP: "收尾",
}


class ScriptError(UserError, ValueError):
    """A change that cannot be made; the message says why."""


class SegmentChangedError(ScriptError, ConcurrentEditError):
    """A teammate saved another value in the field the user edited; `theirs` is the stored value."""

    def __init__(self, message: str, segment_id: int, field: str, theirs: Any):
        super().__init__(message)
        self.segment_id, self.field, self.theirs = segment_id, field, theirs


class ScriptChangedError(ScriptError, ConcurrentEditError):
    """Someone else changed the script since the user saw it (times, running order, a segment's fields, the
    whole script); nothing was written. `theirs` is the script as stored now (`snapshot_script(with_ids=True)`:
    running order, each dict with "id" and "position"); `segment_id` is the segment concerned, if one."""

    def __init__(self, message: str, theirs: list[dict[str, Any]], segment_id: int | None = None):
        super().__init__(message)
        self.theirs, self.segment_id = theirs, segment_id

    def their_segment(self) -> dict[str, Any] | None:
        """The stored version of `segment_id` (None: it is not in the script any more)."""
        return next((s for s in self.theirs if s.get("id") == self.segment_id), None)


class SegmentGoneError(ScriptChangedError):
    """The segment (or the one to insert after) no longer exists: someone else deleted it."""




def _stream(session: Session, stream_id: int) -> Stream:
    stream = session.get(Stream, stream_id)
    if stream is None:
        raise ScriptError(translate("Messages", "Stream {0} does not exist (it may have been deleted).").format(stream_id))
    return stream


def get_script(session: Session, stream_id: int) -> Script | None:
    return session.scalar(select(Script).where(Script.stream_id == stream_id))


def get_or_create_script(session: Session, stream_id: int) -> Script:
    script = get_script(session, stream_id)
    if script is None:
        _stream(session, stream_id)
        script = Script(stream_id=stream_id)
        session.add(script)
        session.flush()
    return script


def list_segments(session: Session, stream_id: int) -> list[Segment]:
    """The stream's segments in running order (empty when it has no script)."""
    return list(
        session.scalars(
            select(Segment).join(Script).where(Script.stream_id == stream_id).order_by(Segment.position, Segment.id)
        ).all()
    )


def segment_to_dict(segment: Segment) -> dict[str, Any]:
    return {name: getattr(segment, name) for name in SEGMENT_FIELDS}


def snapshot_script(session: Session, stream_id: int, with_ids: bool = False) -> list[dict[str, Any]]:
    """The segments as plain dicts (running order), for undo, templates and export; `with_ids` adds
    each segment's "id" and "position" (what a conflict shows)."""
    return [
        segment_to_dict(s) | ({"id": s.id, "position": s.position} if with_ids else {})
        for s in list_segments(session, stream_id)
    ]


Layout = list[tuple[int, int, int]]  # (segment id, start, duration) in running order


def script_layout(session: Session, stream_id: int) -> Layout:
    """The running order and times: what a timeline drag or a move is checked against."""
    return [(s.id, s.start_seconds, s.duration_seconds) for s in list_segments(session, stream_id)]


def layout_of(snapshot: Sequence[Mapping[str, Any]]) -> Layout:
    """The layout of a `snapshot_script(with_ids=True)` (e.g. a ScriptChangedError's `theirs`)."""
    return [(s["id"], s["start_seconds"], s["duration_seconds"]) for s in snapshot]


def _changed(session: Session, stream_id: int, message: str, segment_id: int | None = None) -> ScriptChangedError:
    session.flush()
    return ScriptChangedError(message, snapshot_script(session, stream_id, with_ids=True), segment_id)


def _check_layout(session: Session, stream_id: int, segments: Sequence[Segment], expected: Sequence[Sequence[int]] | None,
                  order_only: bool = False) -> None:
    """Refuse when the stored running order (and, unless `order_only`, times) is not what the user saw."""
    if expected is None:
        return
    if order_only:
        same = [s.id for s in segments] == [int(i) for i in expected]
    else:
        same = [(s.id, s.start_seconds, s.duration_seconds) for s in segments] == [tuple(e) for e in expected]
    if not same:
        raise _changed(session, stream_id, translate(
            "Messages", "Someone else changed the script's running order or times since you last saw it; "
                        "nothing was saved."))


def _clean_values(values: Mapping[str, Any], partial: bool) -> dict[str, Any]:
    unknown = set(values) - set(SEGMENT_FIELDS) - {"position", "id"}
    if unknown:
        raise ScriptError(f"Unknown segment field(s): {', '.join(sorted(unknown))}.")
    clean: dict[str, Any] = {k: v for k, v in values.items() if k in SEGMENT_FIELDS}
    if "kind" in clean or not partial:
        kind = clean.get("kind", SegmentKind.PITCH.value)
        try:
            clean["kind"] = SegmentKind(kind).value
        except ValueError:
            raise ScriptError(translate("Messages", "Unknown segment type {0}.").format(repr(kind))) from None
    for name in ("start_seconds", "duration_seconds"):
        if name in clean:
            try:
                clean[name] = int(round(float(clean[name])))
            except (TypeError, ValueError):
                raise ScriptError(translate("Messages", "{0} must be a number of seconds.").format(name)) from None
    if clean.get("start_seconds", 0) < 0:
        raise ScriptError(translate("Messages", "A segment cannot start before the stream does."))
    if "duration_seconds" in clean and clean["duration_seconds"] <= 0:
        raise ScriptError(translate("Messages", "A segment must last at least one second."))
    for name in ("title", "product_name", "host_lines", "cues", "props", "bgm", "notes"):
        if name in clean:
            clean[name] = "" if clean[name] is None else str(clean[name])
    if len(clean.get("product_name", "")) > 300:
        raise ScriptError(translate("Messages", "The product name is longer than 300 characters."))
    if len(clean.get("title", "")) > 200:
        raise ScriptError(translate("Messages", "The title is longer than 200 characters."))
    if len(clean.get("bgm", "")) > 200:
        raise ScriptError(translate("Messages", "The BGM name is longer than 200 characters."))
    return clean


def _touch(session: Session, script: Script) -> None:
    script.updated_at = utc_now()
    script.approved = False
    stream = session.get(Stream, script.stream_id)
    if stream is not None and stream.status == StreamStatus.PLANNED.value and script.segments:
        stream.status = StreamStatus.SCRIPTED.value


def _renumber(script: Script) -> None:
    for position, segment in enumerate(sorted(script.segments, key=lambda s: (s.position, s.id or 0))):
        segment.position = position


def add_segment(session: Session, stream_id: int, position: int | None = None, *, after_id: int | None = None,
                reuse_id: int | None = None, expected_order: Sequence[int] | None = None, **values: Any) -> Segment:
    """A new segment at `position` (None: at the end), or right after segment `after_id` (position is then
    ignored; SegmentGoneError when someone deleted that segment: the caller should not guess another place).
    Without a start it follows the segment before it. `reuse_id` gives it that id when it is free (undo of a
    delete brings the same segment back, so other undo steps and teammates still find it). `expected_order`:
    the running order (ids) the user saw; refuse with ScriptChangedError when it changed."""
    clean = _clean_values(values, partial=False)
    script = get_or_create_script(session, stream_id)
    ordered = sorted(script.segments, key=lambda s: (s.position, s.id or 0))
    _check_layout(session, stream_id, ordered, expected_order, order_only=True)
    if after_id is not None:
        anchor = next((s for s in ordered if s.id == after_id), None)
        if anchor is None:
            raise SegmentGoneError(
                translate("Messages", "The segment to insert after was deleted by someone else; nothing was added."),
                snapshot_script(session, stream_id, with_ids=True), after_id)
        position = ordered.index(anchor) + 1
    position = len(ordered) if position is None else max(0, min(position, len(ordered)))
    if "start_seconds" not in clean:
        before = ordered[position - 1] if position > 0 else None
        clean["start_seconds"] = before.start_seconds + before.duration_seconds if before else 0
    for segment in ordered[position:]:
        segment.position += 1
    segment = Segment(position=position, **clean)
    if reuse_id is not None and session.get(Segment, reuse_id) is None:
        segment.id = reuse_id
    script.segments.append(segment)
    session.flush()
    _renumber(script)
    _touch(session, script)
    session.flush()
    return segment


def _segment(session: Session, segment_id: int) -> Segment:
    segment = session.get(Segment, segment_id)
    if segment is None:
        raise SegmentGoneError(
            translate("Messages", "Segment {0} does not exist (it may have been deleted).").format(segment_id),
            [], segment_id,
        )
    return segment


def update_segment(session: Session, segment_id: int, *, expected: Mapping[str, Any] | None = None, **values: Any) -> Segment:
    """Change some fields. `expected` holds the values the user saw: when a teammate saved a different
    value for one of those fields in between, refuse with SegmentChangedError (nothing is written)."""
    segment = _segment(session, segment_id)
    for name, seen in (expected or {}).items():
        if getattr(segment, name) != seen:
            raise SegmentChangedError(
                translate("Messages", "Someone else changed “{0}” while you were editing it.").format(segment.title),
                segment_id, name, getattr(segment, name),
            )
    for name, value in _clean_values(values, partial=True).items():
        setattr(segment, name, value)
    _touch(session, segment.script)
    session.flush()
    return segment


def delete_segment(session: Session, segment_id: int, *, expected: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Delete a segment; returns it as a dict (with its "position", "id" and "after_id", the segment before it)
    so the caller can offer undo. `expected` holds the fields the user saw: when someone else changed one of
    them, refuse with ScriptChangedError; when someone already deleted it, SegmentGoneError."""
    segment = _segment(session, segment_id)
    script = segment.script
    if any(name in SEGMENT_FIELDS and getattr(segment, name) != seen for name, seen in (expected or {}).items()):
        raise _changed(session, script.stream_id, translate(
            "Messages", "Someone else changed “{0}” since you last saw it; it was not deleted.").format(segment.title),
            segment_id)
    ordered = sorted(script.segments, key=lambda s: (s.position, s.id))
    index = ordered.index(segment)
    data = segment_to_dict(segment) | {"position": segment.position, "id": segment.id,
                                       "after_id": ordered[index - 1].id if index > 0 else None}
    script.segments.remove(segment)
    session.flush()
    _renumber(script)
    _touch(session, script)
    session.flush()
    return data


def move_segment(session: Session, segment_id: int, new_position: int, repack: bool = True, *,
                 expected_order: Sequence[int] | None = None) -> list[Segment]:
    """Move a segment in the running order; with `repack` the times are packed one after another.
    `expected_order`: the ids in the running order the user saw; refuse (ScriptChangedError) when it changed."""
    segment = _segment(session, segment_id)
    script = segment.script
    ordered = sorted(script.segments, key=lambda s: (s.position, s.id))
    _check_layout(session, script.stream_id, ordered, expected_order, order_only=True)
    from_index = ordered.index(segment)
    spans = [(s.start_seconds, s.duration_seconds) for s in ordered]
    order, packed = timeline.reorder(spans, from_index, new_position)
    for position, (index, (start, _)) in enumerate(zip(order, packed, strict=True)):
        ordered[index].position = position
        if repack:
            ordered[index].start_seconds = int(start)
    _touch(session, script)
    session.flush()
    return sorted(script.segments, key=lambda s: s.position)


def set_segment_times(
    session: Session,
    stream_id: int,
    spans: Sequence[tuple[float, float]] | Mapping[int, tuple[float, float]],
    *,
    expected: Sequence[Sequence[int]] | None = None,
) -> list[Segment]:
    """Save segment times: the result of a drag in the editor. `spans` maps segment id → (start, duration)
    (segments not in it keep their times; ids no longer in the script are skipped), or lists (start, duration)
    for every segment in running order. `expected` is the layout the user saw, [(id, start, duration)] in
    running order: when a time changed or a segment was added, removed or moved since, refuse with
    ScriptChangedError (nothing is written)."""
    segments = list_segments(session, stream_id)
    _check_layout(session, stream_id, segments, expected)
    if isinstance(spans, Mapping):
        by_id = {s.id: s for s in segments}
        pairs = [(by_id[int(i)], span) for i, span in spans.items() if int(i) in by_id]
    else:
        if len(spans) != len(segments):
            raise ScriptError(
                translate("Messages", "The timing list does not match the script's segments; reload the script.")
            )
        pairs = list(zip(segments, spans, strict=True))
    cleaned = [(segment, _clean_values({"start_seconds": start, "duration_seconds": duration}, partial=True))
               for segment, (start, duration) in pairs]
    for segment, clean in cleaned:
        segment.start_seconds, segment.duration_seconds = clean["start_seconds"], clean["duration_seconds"]
    if segments:
        _touch(session, segments[0].script)
    session.flush()
    return segments


def arranged_order(current: Sequence[int], wanted: Sequence[int]) -> list[int]:
    """The running order `arrange_segments` makes: the ids of `wanted` that are still in `current`, in that
    order, with each id of `current` not in `wanted` kept at its index."""
    present = set(current)
    order = [i for i in wanted if i in present]
    placed = set(order)
    for index, segment_id in enumerate(current):
        if segment_id not in placed:
            order.insert(min(index, len(order)), segment_id)
    return order


def arrange_segments(session: Session, stream_id: int, layout: Sequence[Sequence[int]], *,
                     expected: Sequence[Sequence[int]] | None = None) -> list[Segment]:
    """Put the segments in the order and at the times of `layout` [(id, start, duration)]: undo and redo of a
    move. `expected` as in set_segment_times. Ids no longer in the script are skipped; a segment missing from
    `layout` (someone else added it) keeps its index in the running order and its times."""
    segments = list_segments(session, stream_id)
    _check_layout(session, stream_id, segments, expected)
    by_id = {s.id: s for s in segments}
    order = [by_id[i] for i in arranged_order([s.id for s in segments], [int(i) for i, _, _ in layout])]
    cleaned = [(by_id[int(i)], _clean_values({"start_seconds": start, "duration_seconds": duration}, partial=True))
               for i, start, duration in layout if int(i) in by_id]
    for position, segment in enumerate(order):
        segment.position = position
    for segment, clean in cleaned:
        segment.start_seconds, segment.duration_seconds = clean["start_seconds"], clean["duration_seconds"]
    if segments:
        _touch(session, segments[0].script)
    session.flush()
    return order


_DEFAULTS = {"product_name": ""}  # dicts built by callers that never name the field compare as stored


def check_script(session: Session, stream_id: int, expected: Sequence[Mapping[str, Any]] | None) -> None:
    """Refuse with ScriptChangedError when the script is not `expected` (a `snapshot_script`, the fields of
    every segment in running order; ids are not compared), e.g. the script the user saw. None: no check."""
    if expected is None:
        return
    seen = [{name: values.get(name, _DEFAULTS.get(name)) for name in SEGMENT_FIELDS} for values in expected]
    if snapshot_script(session, stream_id) != seen:
        raise _changed(session, stream_id, translate(
            "Messages", "Someone else changed the script since you last saw it; nothing was saved."))


def replace_script_segments(session: Session, stream_id: int, segments: Sequence[Mapping[str, Any]], *,
                            expected: Sequence[Mapping[str, Any]] | None = None) -> list[Segment]:
    """Replace every segment with `segments` (dicts of SEGMENT_FIELDS) in the given order. A dict with an "id"
    (`snapshot_script(with_ids=True)`) brings that segment back under its id when the id is free, so undo steps
    and teammates that name it still find it. `expected`: see check_script; nothing is written on a refusal."""
    cleaned = [(values.get("id"), _clean_values(values, partial=False)) for values in segments]
    check_script(session, stream_id, expected)
    script = get_or_create_script(session, stream_id)
    script.segments.clear()
    session.flush()
    for position, (segment_id, values) in enumerate(cleaned):
        segment = Segment(position=position, **values)
        if segment_id is not None and session.get(Segment, segment_id) is None:
            segment.id = segment_id
        script.segments.append(segment)
    _touch(session, script)
    session.flush()
    return list(script.segments)


def set_approved(session: Session, stream_id: int, approved: bool = True, *,
                 expected: Sequence[Mapping[str, Any]] | None = None) -> Script:
    """Approve (or withdraw). `expected`: the script the user reviewed (see check_script): approving a script
    someone else changed since would approve what nobody reviewed, so that is refused."""
    check_script(session, stream_id, expected)
    script = get_or_create_script(session, stream_id)
    script.approved = approved
    session.flush()
    return script


def plan_for(session: Session, stream_id: int) -> timeline.Plan:
    """The script's timing checked against the stream's slot."""
    stream = _stream(session, stream_id)
    return timeline.Plan.from_segments(list_segments(session, stream_id), stream.planned_minutes * 60)
