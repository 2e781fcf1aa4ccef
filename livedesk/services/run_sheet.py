"""The run sheet (直播脚本) as plain rows, read in one go: what the script PDF prints.

No Qt: livedesk.rendering.script_pdf lays these rows out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import LineupItem, Product, Stream
from livedesk.services.scripts import list_segments


@dataclass(frozen=True)
class RunSheetRow:
    start_seconds: int
    duration_seconds: int
    kind: str
    title: str
    product: str  # "3# name", or the name an imported script gave; "" without a product
    price: Decimal | None  # the lineup's live price, else the product's
    host_lines: str
    cues: str
    props: str
    bgm: str
    notes: str


@dataclass(frozen=True)
class RunSheet:
    title: str
    start_at: dt.datetime
    planned_minutes: int
    theme: str
    rows: list[RunSheetRow] = field(default_factory=list)


class StreamMissingError(ValueError):
    """The stream is not there (deleted meanwhile, or a wrong id)."""


def run_sheet(session: Session, stream_id: int) -> RunSheet:
    stream = session.get(Stream, stream_id)
    if stream is None:
        raise StreamMissingError(f"Stream {stream_id} does not exist.")
    lineup = {i.product_id: i for i in session.scalars(select(LineupItem).where(LineupItem.stream_id == stream_id))}
    rows = []
    for seg in list_segments(session, stream_id):
        product, price = "", None
        if seg.product_id is not None:
            item = lineup.get(seg.product_id)
            pooled = session.get(Product, seg.product_id)
            product = pooled.name if pooled else ""
            if item is not None and item.link_number:
                product = f"{item.link_number}# {product}"
            price = item.live_price if item is not None and item.live_price is not None else (
                pooled.live_price if pooled else None)
        elif seg.product_name:  # named by an imported script, not in the pool yet
            product = seg.product_name
        rows.append(RunSheetRow(
            seg.start_seconds, seg.duration_seconds, seg.kind, seg.title or "", product, price, seg.host_lines or "",
            seg.cues or "", seg.props or "", seg.bgm or "", seg.notes or "",
        ))
    return RunSheet(stream.title or "", stream.start_at, stream.planned_minutes, stream.theme or "", rows)
