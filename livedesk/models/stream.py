"""A stream (场次): when and where, its goals, and who works it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from livedesk.models.base import Base, Rate, utc_now
from livedesk.platforms import Platform


class StreamType(StrEnum):
    DAILY = "daily"
    SPECIAL = "special"
    BIG_PROMOTION = "big_promotion"


class StreamStatus(StrEnum):
    """The life of a stream, in order: 策划 → 脚本 → 彩排 → 直播 → 复盘."""

    PLANNED = "planned"
    SCRIPTED = "scripted"
    REHEARSED = "rehearsed"
    LIVE = "live"
    REVIEWED = "reviewed"


class Role(StrEnum):
    HOST = "host"
    CO_HOST = "co_host"
    CONTROLLER = "controller"
    SERVICE = "service"
    PAID_TRAFFIC = "paid_traffic"
    OPERATOR = "operator"


class Person(Base):
    """A member of the team roster."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    usual_roles: Mapped[str] = mapped_column(String(200), default="")  # comma-separated Role values
    active: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    def roles(self) -> list[Role]:
        return [Role(r) for r in self.usual_roles.split(",") if r]


class Stream(Base):
    __tablename__ = "streams"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    start_at: Mapped[dt.datetime] = mapped_column(index=True)
    planned_minutes: Mapped[int] = mapped_column(Integer)
    platform: Mapped[str] = mapped_column(String(20), default=Platform.DOUYIN.value, index=True)
    account: Mapped[str] = mapped_column(String(100), default="", index=True)
    theme: Mapped[str] = mapped_column(String(200), default="")
    stream_type: Mapped[str] = mapped_column(String(20), default=StreamType.DAILY.value)
    status: Mapped[str] = mapped_column(String(20), default=StreamStatus.PLANNED.value, index=True)
    # Goals (SMART): each may be left empty.
    gmv_target: Mapped[Decimal | None] = mapped_column(default=None)
    viewers_target: Mapped[int | None] = mapped_column(default=None)
    peak_online_target: Mapped[int | None] = mapped_column(default=None)
    conversion_target: Mapped[Decimal | None] = mapped_column(Rate, default=None)  # fraction
    new_followers_target: Mapped[int | None] = mapped_column(default=None)
    welfare_plan: Mapped[str] = mapped_column(Text, default="")
    warmup_plan: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    assignments: Mapped[list[StreamPerson]] = relationship(
        back_populates="stream", cascade="all, delete-orphan", order_by="StreamPerson.id"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def end_at(self) -> dt.datetime:
        return self.start_at + dt.timedelta(minutes=self.planned_minutes)


class StreamPerson(Base):
    """One person in one role on one stream."""

    __tablename__ = "stream_people"
    __table_args__ = (UniqueConstraint("stream_id", "person_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    stream_id: Mapped[int] = mapped_column(ForeignKey("streams.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))

    stream: Mapped[Stream] = relationship(back_populates="assignments")
    person: Mapped[Person] = relationship()
