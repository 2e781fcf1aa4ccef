"""What the script tab shows of one stream, read in one unit of work as plain data (no models leave services)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import LineupItem, Product, Segment, Stream
from livedesk.services.scripts.rehearsals import RehearsalReport, list_rehearsals
from livedesk.services.scripts.segments import get_script, list_segments
from livedesk.services.scripts.templates import pitch_lines


@dataclass(frozen=True)
class SegmentData:
    """One segment as stored (text fields never None)."""

    id: int
    kind: str
    title: str
    start_seconds: int
    duration_seconds: int
    product_id: int | None
    product_name: str
    host_lines: str
    cues: str
    props: str
    bgm: str
    notes: str

    @classmethod
    def of(cls, segment: Segment) -> SegmentData:
        return cls(
            id=segment.id, kind=segment.kind, title=segment.title, start_seconds=segment.start_seconds,
            duration_seconds=segment.duration_seconds, product_id=segment.product_id,
            product_name=segment.product_name or "", host_lines=segment.host_lines or "", cues=segment.cues or "",
            props=segment.props or "", bgm=segment.bgm or "", notes=segment.notes or "",
        )


@dataclass(frozen=True)
class ScriptView:
    """The stream's slot, its script, its lineup and its rehearsals."""

    start_at: dt.datetime
    planned_minutes: int
    stream_type: str
    status: str
    approved: bool
    segments: list[SegmentData]
    lineup: list[tuple[int, str]]  # (product id, name) in lineup order
    product_names: dict[int, str]  # every product the lineup or a segment names ("?" for one deleted meanwhile)
    rehearsals: list[RehearsalReport]


def script_view(session: Session, stream_id: int) -> ScriptView | None:
    """The script tab's data for the stream; None when the stream was deleted meanwhile."""
    stream = session.get(Stream, stream_id)
    if stream is None:
        return None
    segments = [SegmentData.of(s) for s in list_segments(session, stream_id)]
    script = get_script(session, stream_id)
    lineup = [
        (product_id, name)
        for product_id, name in session.execute(
            select(LineupItem.product_id, Product.name)
            .join(Product, Product.id == LineupItem.product_id)
            .where(LineupItem.stream_id == stream_id)
            .order_by(LineupItem.position, LineupItem.id)
        )
    ]
    names = dict(lineup)
    for segment in segments:
        if segment.product_id is not None and segment.product_id not in names:
            product = session.get(Product, segment.product_id)
            names[segment.product_id] = product.name if product else "?"
    return ScriptView(
        start_at=stream.start_at, planned_minutes=stream.planned_minutes, stream_type=stream.stream_type,
        status=stream.status, approved=bool(script and script.approved), segments=segments, lineup=lineup,
        product_names=names, rehearsals=list_rehearsals(session, stream_id),
    )


@dataclass(frozen=True)
class PitchDraft:
    """A product-pitch segment's makings: the product's name, host lines from its selling points and FAQ (at
    the lineup's live price when it has one) and its link number on the lineup."""

    name: str
    host_lines: str
    link_number: int | None


def pitch_draft(session: Session, stream_id: int, product_id: int) -> PitchDraft | None:
    """None when the product was deleted meanwhile."""
    product = session.get(Product, product_id)
    if product is None:
        return None
    item = session.scalars(
        select(LineupItem).where(LineupItem.stream_id == stream_id, LineupItem.product_id == product_id)
    ).first()
    price = item.live_price if item is not None else None
    return PitchDraft(product.name, pitch_lines(product, price), item.link_number if item is not None else None)
