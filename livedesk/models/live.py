"""What happens during the stream, written as it happens: checklist, timings, links, metrics, alerts, incidents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from livedesk.models.base import Base, Rate, utc_now


class ChecklistItem(Base):
    __tablename__ = "checklist_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    ticked_by: Mapped[str] = mapped_column(String(100), default="")
    ticked_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class LiveSession(Base):
    """The stream clock: when it went live and ended, and which segment is on (to resume after a crash)."""

    __tablename__ = "live_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), unique=True)
    started_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    ended_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    current_segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id", ondelete="SET NULL"))
    held_since: Mapped[dt.datetime | None] = mapped_column(default=None)


class SegmentTiming(Base):
    """When a segment actually started and ended on air."""

    __tablename__ = "segment_timings"

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), index=True)
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id", ondelete="SET NULL"))
    segment_title: Mapped[str] = mapped_column(String(200), default="")
    started_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    ended_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    extra_seconds: Mapped[int] = mapped_column(default=0)  # time added or removed by the controller


class LinkEvent(Base):
    """A product link put up or taken down, or its remaining stock entered."""

    __tablename__ = "link_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"))
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    action: Mapped[str] = mapped_column(String(20))  # up, down, stock, click (a click rate only)
    stock_remaining: Mapped[int | None] = mapped_column(default=None)
    click_rate: Mapped[Decimal | None] = mapped_column(Rate, default=None)  # the link's click rate, a fraction
    source: Mapped[str] = mapped_column(String(10), default="typed", server_default="typed")  # typed, capture


class MetricSample(Base):
    """Numbers from the platform's dashboard: typed by the controller, pasted, or read off the screen."""

    __tablename__ = "metric_samples"

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    online: Mapped[int | None] = mapped_column(default=None)
    gmv: Mapped[Decimal | None] = mapped_column(default=None)
    orders: Mapped[int | None] = mapped_column(default=None)
    uv: Mapped[int | None] = mapped_column(default=None)
    click_rate: Mapped[Decimal | None] = mapped_column(Rate, default=None)
    source: Mapped[str] = mapped_column(String(10), default="typed", server_default="typed")  # typed, paste, capture


class Alert(Base):
    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    rule: Mapped[str] = mapped_column(String(50))
    message: Mapped[str] = mapped_column(Text)


class Incident(Base):
    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    kind: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    handled_by: Mapped[str] = mapped_column(String(100), default="")


class ResponseLine(Base):
    """A prepared emergency line (应急话术) for one kind of incident."""

    __tablename__ = "response_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    text: Mapped[str] = mapped_column(Text)
