"""Which database this is: one row with a stable id, so backups name the database they came from."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from livedesk.models.base import Base, utc_now


class DatabaseIdentity(Base):
    """Exactly one row, written when the database is created (or first upgraded to this schema).

    `uid` never changes for the life of the database; a restore keeps the identity of the database it
    restores into. `label` is the file or database name at creation, shown next to backups of it.
    """

    __tablename__ = "database_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
