"""The run of show (直播脚本): segments, templates, pre-filled pitch lines, rehearsals.

One script per stream. Every change to its segments bumps the script (version, updated_at)
and withdraws its approval: an approved script is the one that was reviewed. A stream still
in 策划 (planned) moves to 脚本 (scripted) once its script has segments. Undo is
`snapshot_script` before a change and `replace_script_segments` with the snapshot after it.

Several people edit one database, so every editing function can take what the user saw (`expected`,
`expected_order`): when the stored script differs, it refuses with ScriptChangedError (or
SegmentChangedError for one field, SegmentGoneError when the segment was deleted) and writes nothing.
Segments are addressed by id, never by position, so a replay cannot land on the wrong segment.

Templates follow the field's rules (DOMAIN.md): opening first, traffic items (引流款) right
after it, the hero (爆款: most planned units, then most profit per unit) at the expected
traffic peak (30–40% into the slot), profit items after the hero, a welfare drop every N
minutes (20 by default), a closing push before the wrap-up. The slot is the stream's
planned length when it has one, else the template's (daily 2 h, special 3 h, big promotion 6 h).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from livedesk.models import (
    LineupItem,
    Product,
    ProductRole,
    Rehearsal,
    RehearsalTiming,
    Script,
    Segment,
    SegmentKind,
    Stream,
    StreamStatus,
    StreamType,
)
from livedesk.models.base import utc_now
from livedesk.services import compliance, timeline
from livedesk.services.compliance import ScriptFinding
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


class ScriptError(ValueError):
    """A change that cannot be made; the message says why."""


class SegmentChangedError(ScriptError):
    """A teammate saved another value in the field the user edited; `theirs` is the stored value."""

    def __init__(self, message: str, segment_id: int, field: str, theirs: Any):
        super().__init__(message)
        self.segment_id, self.field, self.theirs = segment_id, field, theirs


class ScriptChangedError(ScriptError):
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


# --- scripts and segments ----------------------------------------------------------------------


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


# --- pitch lines ---------------------------------------------------------------------------------


def _money(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:.2f}"


def pitch_head(name: str) -> str:
    """The first pitch line names the product (a pool product's, or one only the script names)."""
    return f"【{name}】"


def pitch_lines(product: Product, live_price: Decimal | None = None) -> str:
    """Host lines for a product: its selling points, each with its demo, then its FAQ."""
    price = live_price if live_price is not None else product.live_price
    head = pitch_head(product.name)
    if price is not None:
        head += f"直播间价 ¥{_money(price)}"
        if product.list_price is not None and product.list_price > price:
            head += f"（日常价 ¥{_money(product.list_price)}）"
    lines = [head]
    for number, point in enumerate(product.selling_points, start=1):
        lines.append(f"卖点{number}：{point.point.strip()}")
        if point.demo.strip():
            lines.append(f"  演示：{point.demo.strip()}")
    if product.faqs:
        lines.append("常见问题：")
        for faq in product.faqs:
            lines.append(f"  问：{faq.question.strip()}")
            if faq.answer.strip():
                lines.append(f"  答：{faq.answer.strip()}")
    return "\n".join(lines)


# --- templates -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    key: str
    label: str
    minutes: int
    opening: int = 300
    pitch: int = 600
    hero_pitch: int = 900
    min_pitch: int = 300
    interaction: int = 300
    welfare: int = 180
    encore: int = 600
    closing_push: int = 300
    wrap_up: int = 300
    welfare_every_minutes: int = 20
    peak: tuple[float, float, float] = (0.30, 0.35, 0.40)  # earliest, aim, latest share of the slot


TEMPLATES: dict[str, Template] = {
    StreamType.DAILY.value: Template("daily", "日常场", 120),
    StreamType.SPECIAL.value: Template("special", "专场", 180, pitch=720, hero_pitch=1080, closing_push=420),
    StreamType.BIG_PROMOTION.value: Template(
        "big_promotion",
        "大促",
        360,
        opening=600,
        pitch=900,
        hero_pitch=1200,
        interaction=420,
        welfare=240,
        encore=900,
        closing_push=600,
        wrap_up=420,
    ),
}


@dataclass
class LineupEntry:
    """A lineup item with what the template needs, detached from the session."""

    product: Product
    role: str
    live_price: Decimal | None
    planned_units: int | None
    link_number: int | None

    @property
    def unit_profit(self) -> Decimal:
        price = self.live_price or Decimal(0)
        cost = self.product.cost or Decimal(0)
        commission = price * (self.product.commission_rate or Decimal(0))
        return price - cost - commission if self.product.cost is not None else price

    @property
    def link_cue(self) -> str:
        return f"上架{self.link_number}号链接" if self.link_number else f"上架链接：{self.product.name}"


def lineup_entries(session: Session, stream_id: int) -> list[LineupEntry]:
    items = session.scalars(
        select(LineupItem)
        .where(LineupItem.stream_id == stream_id)
        .options(
            selectinload(LineupItem.product).selectinload(Product.selling_points),
            selectinload(LineupItem.product).selectinload(Product.faqs),
        )
        .order_by(LineupItem.position, LineupItem.id)
    ).all()
    return [
        LineupEntry(
            item.product,
            item.product.role,
            item.live_price if item.live_price is not None else item.product.live_price,
            item.planned_units,
            item.link_number,
        )
        for item in items
    ]


def pick_hero(entries: Sequence[LineupEntry]) -> LineupEntry | None:
    """The hero (爆款): most planned units, then most profit per unit.

    Welfare items are never the hero; traffic items only when nothing else is on the lineup.
    """
    pool = [e for e in entries if e.role not in (ProductRole.WELFARE, ProductRole.TRAFFIC)]
    pool = pool or [e for e in entries if e.role != ProductRole.WELFARE]
    if not pool:
        return None
    return max(pool, key=lambda e: (e.planned_units or 0, e.unit_profit, -entries.index(e)))


MIN_FILL = 180  # a filler shorter than this is folded into the segment before it


def _round_down(seconds: float, step: int = 60) -> int:
    return int(seconds // step * step)


def template_segments(
    template: Template,
    entries: Sequence[LineupEntry],
    slot_seconds: int | None = None,
    welfare_every_minutes: int | None = None,
    stream_title: str = "",
    theme: str = "",
    welfare_plan: str = "",
) -> list[dict[str, Any]]:
    """The segments of a template for a lineup, as dicts (pure: no database)."""
    slot = int(slot_seconds or template.minutes * 60)
    every = (welfare_every_minutes or template.welfare_every_minutes) * 60
    lo, aim, hi = (share * slot for share in template.peak)
    body_end = slot - template.closing_push - template.wrap_up
    rows: list[dict[str, Any]] = []
    t = 0
    next_welfare = every
    welfare_items = [e for e in entries if e.role == ProductRole.WELFARE]
    welfare_count = 0
    hero = pick_hero(entries)

    def place(
        kind: str,
        title: str,
        duration: int,
        entry: LineupEntry | None = None,
        host: str = "",
        cues: str = "",
        props: str = "",
        notes: str = "",
    ) -> None:
        nonlocal t
        rows.append(
            {
                "kind": kind,
                "title": title,
                "start_seconds": t,
                "duration_seconds": int(duration),
                "product_id": entry.product.id if entry else None,
                "host_lines": host,
                "cues": cues,
                "props": props,
                "bgm": "",
                "notes": notes,
            }
        )
        t += int(duration)

    def welfare_drop(limit: float = body_end) -> None:
        nonlocal next_welfare, welfare_count
        # drops keep to an N-minute grid: taken at the first boundary within a quarter interval of the due time
        if t < next_welfare - every // 4 or t + template.welfare > limit:
            return
        entry = welfare_items[welfare_count % len(welfare_items)] if welfare_items else None
        welfare_count += 1
        next_welfare = max(next_welfare + every, t + every // 2)
        if entry is not None:
            price = f"¥{_money(entry.live_price)}" if entry.live_price is not None else "福利价"
            place(
                SegmentKind.WELFARE.value,
                f"福利：{entry.product.name}",
                template.welfare,
                entry,
                host=f"福利时间到！{entry.product.name} 直播间 {price}，数量有限，拼手速，倒数五秒上链接！",
                cues=f"{entry.link_cue}（秒杀）；倒计时；库存售罄后下架",
            )
        else:
            place(
                SegmentKind.WELFARE.value,
                "福利：福袋/抽奖",
                template.welfare,
                host="福利时间到！屏幕左上角福袋已经发出，评论区扣“想要”参与，关注主播中奖几率更高。",
                cues="发福袋；公布中奖名单",
            )

    def pitch(entry: LineupEntry, duration: int, label: str = "讲解") -> None:
        role = {ProductRole.TRAFFIC: "引流款", ProductRole.PROFIT: "利润款", ProductRole.IMAGE: "形象款"}.get(
            entry.role, ""
        )
        note = "爆款，放在流量高峰" if entry is hero else role
        place(
            SegmentKind.PITCH.value,
            f"{label}：{entry.product.name}",
            duration,
            entry,
            host=pitch_lines(entry.product, entry.live_price),
            cues=f"{entry.link_cue}；置顶讲解卡",
            notes=note,
            props="实物样品；对比道具",
        )

    def interaction(duration: int) -> None:
        place(
            SegmentKind.INTERACTION.value,
            "互动：扣1 提问",
            duration,
            host="想要刚才这款的扣1，有问题直接打在公屏上，我一个个回答。新来的朋友点点关注。",
            cues="读评论；统计扣1 人数",
        )

    def encore(entry: LineupEntry, duration: int, kind: str = SegmentKind.ENCORE.value, label: str = "返场") -> None:
        place(
            kind,
            f"{label}：{entry.product.name}",
            duration,
            entry,
            host=f"刚进来的朋友看过来，{entry.product.name}再讲一遍重点：\n"
            + pitch_lines(entry.product, entry.live_price),
            cues=f"{entry.link_cue}；补库存",
        )

    # 开场: introduce, theme, today's welfare hook
    hook = welfare_plan.strip() or "整点福袋、秒杀福利"
    place(
        SegmentKind.OPENING.value,
        "开场",
        min(template.opening, slot),
        host=f"欢迎来到{stream_title or '我们的直播间'}！今天的主题是{theme or stream_title or '好物分享'}。"
        f"今天的福利：{hook}，点点关注，福利开始时第一时间提醒你。",
        cues="置顶福利卡；开播提醒",
    )

    traffic = [e for e in entries if e.role == ProductRole.TRAFFIC and e is not hero]
    image = [e for e in entries if e.role == ProductRole.IMAGE and e is not hero]
    profit = [
        e
        for e in entries
        if e.role not in (ProductRole.TRAFFIC, ProductRole.IMAGE, ProductRole.WELFARE) and e is not hero
    ]

    # 引流款 first, shortened so the hero can still reach the peak
    if traffic:
        room = max(aim - t, 0) / len(traffic)
        duration = max(template.min_pitch, min(template.pitch, _round_down(room)))
        for entry in traffic:
            welfare_drop()
            pitch(entry, duration)
    deferred: list[LineupEntry] = []
    for entry in image:  # image items warm up before the peak when they fit
        welfare_drop()
        if t + template.pitch <= aim:
            pitch(entry, template.pitch)
        else:
            deferred.append(entry)
    # until the peak: interaction, alternating with encores of the traffic items to hold viewers (留客)
    n = 0
    while hero is not None and t < lo:
        welfare_drop(limit=aim)
        if t >= lo:
            break
        room = max(60, _round_down(aim - t))
        if traffic and n % 2 == 1:
            encore(traffic[(n // 2) % len(traffic)], min(template.encore, room), SegmentKind.RETAIN.value, "留客")
        else:
            interaction(min(template.interaction, room))
        n += 1
    if hero is not None:
        welfare_drop(limit=hi)
        pitch(hero, template.hero_pitch)
        place(
            SegmentKind.CLOSING_PUSH.value,
            f"逼单：{hero.product.name}",
            min(template.closing_push, 300),
            hero,
            host="价格再对比一下：日常价和直播间价差多少，大家心里有数。倒计时 5、4、3、2、1，上车！",
            cues="倒计时；发券；报库存",
        )

    after = profit + deferred
    if after:
        drops = max(0, (body_end - t) // every)
        room = (body_end - t - drops * template.welfare) / len(after)
        duration = max(template.min_pitch, min(template.pitch, _round_down(room)))
        for entry in after:
            welfare_drop()
            pitch(entry, duration)

    # fill to the end of the body: encores of the hero and best items, with interaction between
    encores = [e for e in ([hero] if hero else []) + after if e is not None]
    n = 0
    while body_end - t >= MIN_FILL:
        welfare_drop()
        left = body_end - t
        if left < MIN_FILL:
            break
        if encores and n % 2 == 0:
            duration = min(template.encore, left)
            encore(encores[(n // 2) % len(encores)], left if left - duration < MIN_FILL else duration)
        else:
            duration = min(template.interaction, left)
            interaction(left if left - duration < MIN_FILL else duration)
        n += 1
    if rows and 0 < body_end - t < MIN_FILL:  # absorb a short leftover into the last segment
        rows[-1]["duration_seconds"] += body_end - t
        t = body_end

    closer = hero or (after[-1] if after else (traffic[-1] if traffic else None))
    place(
        SegmentKind.CLOSING_PUSH.value,
        "逼单：全场返场",
        template.closing_push,
        closer,
        host="今天的商品都还有少量库存，想要的抓紧下单。下单的朋友扣“已拍”，客服马上安排发货。",
        cues="全部链接过一遍；发券；报库存",
    )
    place(
        SegmentKind.WRAP_UP.value,
        "收尾：下期预告",
        template.wrap_up,
        host="感谢大家今天的陪伴！下期直播见，点点关注，开播第一时间通知你。",
        cues="下架全部链接；发下期预告",
    )
    return rows


def build_from_template(
    session: Session,
    stream_id: int,
    template: str | Template | None = None,
    welfare_every_minutes: int | None = None,
) -> list[Segment]:
    """Replace the stream's script with a template filled from its lineup (snapshot first for undo)."""
    stream = _stream(session, stream_id)
    if template is None:
        template = stream.stream_type
    if isinstance(template, str):
        if template not in TEMPLATES:
            raise ScriptError(
                translate("Messages", "Unknown template {0}; use one of {1}.").format(repr(template), ", ".join(TEMPLATES))
            )
        template = TEMPLATES[template]
    rows = template_segments(
        template,
        lineup_entries(session, stream_id),
        (stream.planned_minutes or template.minutes) * 60,
        welfare_every_minutes,
        stream.title,
        stream.theme,
        stream.welfare_plan,
    )
    return replace_script_segments(session, stream_id, rows)


# --- rehearsals ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RehearsalRow:
    segment_id: int | None
    title: str
    planned_seconds: int
    actual_seconds: int | None

    @property
    def difference(self) -> int | None:
        """Seconds over plan (negative: under); None when not timed."""
        return None if self.actual_seconds is None else self.actual_seconds - self.planned_seconds


@dataclass(frozen=True)
class RehearsalReport:
    id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    rows: list[RehearsalRow] = field(default_factory=list)

    @property
    def timed(self) -> list[RehearsalRow]:
        """The segments that were rehearsed (have a time)."""
        return [r for r in self.rows if r.actual_seconds is not None]

    @property
    def planned_seconds(self) -> int:
        """Planned length of what was rehearsed: a partial run is compared only with its own segments."""
        return sum(r.planned_seconds for r in self.timed)

    @property
    def full_plan_seconds(self) -> int:
        return sum(r.planned_seconds for r in self.rows if r.segment_id is not None)

    @property
    def actual_seconds(self) -> int:
        return sum(r.actual_seconds or 0 for r in self.rows)

    @property
    def untimed(self) -> list[RehearsalRow]:
        return [r for r in self.rows if r.actual_seconds is None]

    @property
    def segment_count(self) -> int:
        """Segments of the current script."""
        return sum(1 for r in self.rows if r.segment_id is not None)

    @property
    def rehearsed_count(self) -> int:
        """Segments of the current script that were rehearsed."""
        return sum(1 for r in self.rows if r.segment_id is not None and r.actual_seconds is not None)

    @property
    def partial(self) -> bool:
        """Stopped (or still running) before every segment of the script was timed."""
        return self.rehearsed_count < self.segment_count


def start_rehearsal(session: Session, stream_id: int) -> Rehearsal:
    _stream(session, stream_id)
    rehearsal = Rehearsal(stream_id=stream_id)
    session.add(rehearsal)
    session.flush()
    return rehearsal


def record_segment_time(session: Session, rehearsal_id: int, segment_id: int, seconds: float) -> RehearsalTiming:
    """Record (or correct) how long a segment ran in a rehearsal."""
    rehearsal = session.get(Rehearsal, rehearsal_id)
    if rehearsal is None:
        raise ScriptError(translate("Messages", "Rehearsal {0} does not exist.").format(rehearsal_id))
    segment = _segment(session, segment_id)
    if segment.script.stream_id != rehearsal.stream_id:
        raise ScriptError(translate("Messages", "This segment belongs to another stream's script."))
    if seconds < 0:
        raise ScriptError(translate("Messages", "A segment cannot run for a negative time."))
    timing = next((t for t in rehearsal.timings if t.segment_id == segment_id), None)
    if timing is None:
        timing = RehearsalTiming(segment_id=segment_id)
        rehearsal.timings.append(timing)
    timing.segment_title = segment.title
    timing.planned_seconds = segment.duration_seconds
    timing.actual_seconds = int(round(seconds))
    session.flush()
    return timing


def finish_rehearsal(session: Session, rehearsal_id: int) -> Rehearsal:
    rehearsal = session.get(Rehearsal, rehearsal_id)
    if rehearsal is None:
        raise ScriptError(translate("Messages", "Rehearsal {0} does not exist.").format(rehearsal_id))
    rehearsal.finished_at = utc_now()
    session.flush()
    return rehearsal


def rehearsal_report(
    session: Session, rehearsal: Rehearsal, segments: Sequence[Segment] | None = None
) -> RehearsalReport:
    """Planned vs actual for every current segment, then timings of segments deleted since."""
    if segments is None:
        segments = list_segments(session, rehearsal.stream_id)
    timings = {t.segment_id: t for t in rehearsal.timings if t.segment_id is not None}
    rows = [
        RehearsalRow(s.id, s.title, s.duration_seconds, timings[s.id].actual_seconds if s.id in timings else None)
        for s in segments
    ]
    current = {s.id for s in segments}
    rows += [
        RehearsalRow(None, t.segment_title, t.planned_seconds, t.actual_seconds)
        for t in rehearsal.timings
        if t.segment_id not in current
    ]
    return RehearsalReport(rehearsal.id, rehearsal.started_at, rehearsal.finished_at, rows)


def list_rehearsals(session: Session, stream_id: int) -> list[RehearsalReport]:
    """The stream's rehearsals, newest first, each with planned vs actual per segment."""
    segments = list_segments(session, stream_id)
    rehearsals = session.scalars(
        select(Rehearsal)
        .where(Rehearsal.stream_id == stream_id)
        .order_by(Rehearsal.started_at.desc(), Rehearsal.id.desc())
    ).all()
    return [rehearsal_report(session, r, segments) for r in rehearsals]


def can_mark_rehearsed(session: Session, stream_id: int, overrun_tolerance: float = 0.10) -> list[ScriptFinding]:
    """What speaks against marking the stream 彩排 (rehearsed); empty means nothing does.

    Checks: the script has segments; no risky wording; no gaps, overlaps or overrun of the slot;
    a finished rehearsal timed every segment, none running more than 10% (and a minute) over.
    """
    stream = _stream(session, stream_id)
    segments = list_segments(session, stream_id)
    if not segments:
        return [ScriptFinding("", None, "script", "没有脚本", "script", "先编写或导入直播脚本，再彩排。")]
    found = compliance.blocking(compliance.check_segments(segments, compliance.term_set(session)))  # notes never block
    titles = {i: s for i, s in enumerate(segments)}
    for issue in timeline.Plan.from_segments(segments, stream.planned_minutes * 60).issues():
        near = titles.get(issue.after if issue.after is not None else issue.before)
        found.append(
            ScriptFinding(
                near.title if near else "",
                near.id if near else None,
                "timing",
                issue.describe(),
                f"timeline_{issue.kind}",
                "调整时间，让环节首尾相接、总长不超过时段。",
            )
        )
    finished = [r for r in list_rehearsals(session, stream_id) if r.finished_at is not None]
    if not finished:
        found.append(
            ScriptFinding(
                "", None, "rehearsal", "没有完成的彩排", "rehearsal", "开播前至少完整彩排一次，记录每个环节用时。"
            )
        )
        return found
    latest = max(finished, key=lambda r: (r.finished_at, r.id))
    if all(r.partial for r in finished):  # one finding for a run stopped early, not one per untimed segment
        found.append(
            ScriptFinding(
                "", None, "rehearsal", f"彩排只完成了 {latest.rehearsed_count}/{latest.segment_count} 个环节",
                "rehearsal", "开播前至少完整彩排一次，记录每个环节用时。",
            )
        )
    for row in latest.timed:  # what the latest run timed, even a partial one, tells what runs long
        if row.segment_id is None:
            continue
        segment = next(s for s in segments if s.id == row.segment_id)
        assert row.actual_seconds is not None
        if (
            row.actual_seconds > segment.duration_seconds * (1 + overrun_tolerance)
            and row.actual_seconds - segment.duration_seconds >= 60
        ):
            over = row.actual_seconds - segment.duration_seconds
            found.append(
                ScriptFinding(
                    row.title,
                    row.segment_id,
                    "rehearsal",
                    f"超时 {timeline.clock(over)}",
                    "rehearsal",
                    "精简话术或延长这个环节的计划时长。",
                )
            )
    return found


def mark_rehearsed(session: Session, stream_id: int) -> Stream:
    """Set the stream to 彩排 (rehearsed) if it is not past it already (ask with can_mark_rehearsed first)."""
    stream = _stream(session, stream_id)
    order = [s.value for s in StreamStatus]
    if order.index(stream.status) < order.index(StreamStatus.REHEARSED.value):
        stream.status = StreamStatus.REHEARSED.value
        session.flush()
    return stream
