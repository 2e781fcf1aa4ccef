"""The two error bases the UI tells apart from bugs.

A `UserError` carries a message the user can act on, already in their language; the UI shows it as is.
Anything else that escapes a service is a bug: the UI logs it with its traceback.
"""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """An error the user can fix: bad input, a missing file, a refused action."""


class ConcurrentEditError(UserError):
    """A teammate changed or removed the record after this window read it."""


class StaleRowError(ConcurrentEditError):
    """A write found its row changed or deleted by a teammate a moment ago (SQLAlchemy's StaleDataError, turned
    into this by the unit of work in services/db.py)."""


class AlreadyDeleted(ConcurrentEditError):
    """An undo or redo that deletes records finds one already deleted by someone else: nothing was written
    and the step left the undo history. The message says so (a status message is enough: what the step
    was to do is done)."""

    def __init__(self, names: list[str]):
        from livedesk.services.messages import translate

        super().__init__(
            translate("Messages", "Someone else already deleted {0}; this step left the undo history.").format(
                "、".join(names)
            )
        )
        self.names = list(names)


class DatabaseError(UserError):
    """The database cannot be used; the message says why and what to do."""


class SchemaTooNew(DatabaseError):
    pass


class DatabaseDamaged(DatabaseError):
    """A SQLite file that fails `PRAGMA quick_check` or is not a database at all; restoring a backup helps."""

    def __init__(self, message: str, path: Path, database_uid: str | None = None):
        super().__init__(message)
        self.path = path
        self.database_uid = database_uid  # read from the damaged file when that still works, to find its backups
