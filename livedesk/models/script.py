"""The run of show (直播脚本): segments with timing, lines and cues; rehearsals."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from livedesk.models.base import Base, utc_now


class SegmentKind(StrEnum):
    OPENING = "opening"  # 开场
    GATHER = "gather"  # 聚人
    RETAIN = "retain"  # 留客
    PITCH = "pitch"  # 讲解
    PROOF = "proof"  # 锁客举证
    INTERACTION = "interaction"  # 互动
    WELFARE = "welfare"  # 福利
    CLOSING_PUSH = "closing_push"  # 逼单/催单
    ENCORE = "encore"  # 返场
    WRAP_UP = "wrap_up"  # 收尾


class Script(Base):
    __tablename__ = "scripts"

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), unique=True)
    approved: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    segments: Mapped[list[Segment]] = relationship(
        back_populates="script", cascade="all, delete-orphan", order_by="Segment.position"
    )

    __mapper_args__ = {"version_id_col": version}


class Segment(Base):
    __tablename__ = "segments"

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(ForeignKey("scripts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(20), default=SegmentKind.PITCH.value)
    title: Mapped[str] = mapped_column(String(200), default="")
    start_seconds: Mapped[int] = mapped_column(default=0)  # planned, from the stream's start
    duration_seconds: Mapped[int] = mapped_column(default=300)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="SET NULL"), default=None)
    # The product as an imported script names it, kept while it is not linked to a pool product (not in the
    # pool yet): shown wherever the product would be, and matched when "Add to pool" creates it.
    product_name: Mapped[str] = mapped_column(String(300), default="")
    host_lines: Mapped[str] = mapped_column(Text, default="")  # 话术
    cues: Mapped[str] = mapped_column(Text, default="")  # co-host / controller cues
    props: Mapped[str] = mapped_column(Text, default="")
    bgm: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    script: Mapped[Script] = relationship(back_populates="segments")


class Rehearsal(Base):
    __tablename__ = "rehearsals"

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    finished_at: Mapped[dt.datetime | None] = mapped_column(default=None)

    timings: Mapped[list[RehearsalTiming]] = relationship(cascade="all, delete-orphan")


class RehearsalTiming(Base):
    __tablename__ = "rehearsal_timings"

    id: Mapped[int] = mapped_column(primary_key=True)
    rehearsal_id: Mapped[int] = mapped_column(ForeignKey("rehearsals.id", ondelete="CASCADE"), index=True)
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id", ondelete="SET NULL"))
    segment_title: Mapped[str] = mapped_column(String(200), default="")
    planned_seconds: Mapped[int] = mapped_column(default=0)
    actual_seconds: Mapped[int] = mapped_column(default=0)


class ComplianceTerm(Base):
    """The team's change to the built-in word list, kept in the database (so shared in team mode): an added
    term, a built-in one switched off (``removed``) or re-categorised (another category or severity)."""

    __tablename__ = "compliance_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(100), unique=True)
    category: Mapped[str] = mapped_column(String(50), default="absolute")
    suggestion: Mapped[str] = mapped_column(String(200), default="")
    removed: Mapped[bool] = mapped_column(default=False)
    severity: Mapped[str] = mapped_column(String(10), default="")  # "" = the category's default
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now, onupdate=utc_now)
