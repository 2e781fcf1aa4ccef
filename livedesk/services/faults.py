"""Faults of the user's environment, told apart from bugs in one place: a full disk, a read-only file or
folder, a database another program keeps locked, a team server gone. Each becomes an EnvironmentFault
whose message says what happened, that nothing was written, and what to do; the command line exits 3 with
it and the window shows it in an error dialog.

No Qt here.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from livedesk.services.errors import DatabaseError
from livedesk.services.messages import translate

if TYPE_CHECKING:
    from sqlalchemy.exc import DBAPIError

    from livedesk.services.db import Database

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRY_ATTEMPTS = 3  # tries of a unit of work while another program keeps the database locked
RETRY_PAUSE = 2.0  # seconds between them (each try also waits db.BUSY_TIMEOUT_MS for the lock)
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


class EnvironmentFault(DatabaseError):
    """The computer, not the data, stopped the work; the message says what to do. Nothing was written."""


class DiskFull(EnvironmentFault):
    pass


class ReadOnly(EnvironmentFault):
    pass


class DatabaseLocked(EnvironmentFault):
    def __init__(self, message: str, path: Path | None = None, holder: str | None = None):
        super().__init__(message)
        self.path = path
        self.holder = holder


class ServerGone(EnvironmentFault):
    pass


class DiskError(EnvironmentFault):
    pass


def sqlite_error_name(exc: BaseException) -> str:
    """SQLite's error name ("SQLITE_FULL", "SQLITE_READONLY_DBMOVED"…) of an error or its cause, else ""."""
    for candidate in (exc, getattr(exc, "orig", None), exc.__cause__):
        name = getattr(candidate, "sqlite_errorname", None)
        if name:
            return str(name)
    text = str(getattr(exc, "orig", exc)).lower()
    for words, name in (
        ("database or disk is full", "SQLITE_FULL"),
        ("readonly database", "SQLITE_READONLY"),
        ("database is locked", "SQLITE_BUSY"),
        ("file is not a database", "SQLITE_NOTADB"),
        ("disk image is malformed", "SQLITE_CORRUPT"),
        ("disk i/o error", "SQLITE_IOERR"),
        ("unable to open database file", "SQLITE_CANTOPEN"),
    ):
        if words in text:
            return name
    return ""


def _os_error(exc: BaseException) -> OSError | None:
    seen = exc
    for _ in range(4):
        if isinstance(seen, OSError) and seen.errno is not None:
            return seen
        seen = seen.__cause__ or getattr(seen, "orig", None)
        if seen is None:
            return None
    return None


def environment_fault(exc: BaseException, db: Database | None, where: str | None = None) -> EnvironmentFault | None:
    """The EnvironmentFault `exc` stands for, or None when it is not one (a bug, or bad input)."""
    if isinstance(exc, EnvironmentFault):
        return exc
    place = where or (db.describe() if db is not None else "")
    os_error = _os_error(exc)
    if os_error is not None:
        target = os_error.filename or place
        if os_error.errno in _FULL:
            return disk_full(target)
        if os_error.errno in _READ_ONLY:
            return read_only_file(target)
        return None
    from sqlalchemy.exc import DBAPIError  # here, not at the top: a command's start-up does without it

    if isinstance(exc, DBAPIError) and not (db is not None and db.is_sqlite):
        fault = _server_fault(exc, place)
        if fault is not None:
            return fault
    name = sqlite_error_name(exc) if isinstance(exc, DBAPIError) else ""
    if name == "SQLITE_FULL":
        return disk_full(place)
    if name.startswith("SQLITE_READONLY") or name == "SQLITE_CANTOPEN" or name == "SQLITE_PERM":
        return read_only(place)
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        path = db.file_path if db is not None else None
        return locked(path, place)
    if name.startswith("SQLITE_IOERR"):
        return DiskError(
            translate(
                "Messages",
                "The disk holding {0} could not be read or written (the disk may be full, removed or failing). "
                "Nothing was written. Check the disk, then try again.",
            ).format(place)
        )
    return None


def _server_fault(exc: DBAPIError, place: str) -> ServerGone | None:
    """A team server that stopped answering or could not be reached; None for an error the server sent."""
    if getattr(exc.orig, "maybe_saved", False):  # the line went quiet during COMMIT
        return ServerGone(
            translate(
                "Messages",
                "The team server {0} stopped answering while your change was being saved, so LiveDesk cannot "
                "tell whether it was saved. Once the status bar no longer says it is retrying, check it before "
                "doing it again.",
            ).format(place)
        )
    if getattr(exc.orig, "stopped_waiting", False):
        return ServerGone(
            translate(
                "Messages",
                "The team server {0} did not answer, so LiveDesk stopped waiting. Nothing was saved. Once the "
                "status bar no longer says it is retrying, do it again.",
            ).format(place)
        )
    # lost mid-way (the pool invalidated the connection), or not reached at all: an OperationalError the
    # client raised itself has no SQLSTATE, one about the connection has class 08
    from sqlalchemy.exc import OperationalError

    sqlstate = getattr(exc.orig, "sqlstate", "")  # absent on SQLite's errors, None on the client's own
    unreachable = isinstance(exc, OperationalError) and (sqlstate is None or str(sqlstate).startswith("08"))
    if exc.connection_invalidated or unreachable:
        return ServerGone(
            translate(
                "Messages",
                "The connection to the team server {0} was lost. Nothing was written. Check the network (or ask "
                "whoever runs the server), then do it again.",
            ).format(place)
        )
    return None


def server_away(where: object) -> ServerGone:
    """Said at once, without trying, while the team server is known to be away (see Database.server_away)."""
    return ServerGone(
        translate(
            "Messages",
            "The team server {0} does not answer, so nothing was written. LiveDesk keeps trying to reach it; "
            "do it again once the status bar no longer says it is retrying.",
        ).format(where)
    )


def disk_full(where: object) -> DiskFull:
    return DiskFull(
        translate(
            "Messages",
            "The disk is full: {0} could not be written. Nothing was written. Free some space on that disk "
            "(or choose a folder on another disk) and try again.",
        ).format(where)
    )


def read_only(where: object) -> ReadOnly:
    return ReadOnly(
        translate(
            "Messages",
            "{0} is read-only (or you may not write there). Nothing was written. Copy the database to a "
            "folder you can write to (your Documents, not a CD, a locked USB stick or a shared folder you "
            "can only read) and open it from there.",
        ).format(where)
    )


def read_only_file(where: object) -> ReadOnly:
    """A file or folder other than the database (an export, a backup, an attachment)."""
    return ReadOnly(
        translate(
            "Messages",
            "{0} cannot be used: it is read-only or you lack permission. Nothing was written. Choose a folder "
            "you can write to (or check the file's permissions) and try again.",
        ).format(where)
    )


def locked(path: Path | None, where: str) -> DatabaseLocked:
    holder = who_holds(path) if path is not None else None
    if holder:
        message = translate(
            "Messages",
            "{0} is locked by {1}, which is writing to it. Nothing was written. Wait until it finishes or "
            "close it, then try again.",
        ).format(where, holder)
    else:
        message = translate(
            "Messages",
            "{0} is locked by another program writing to it (another LiveDesk, a database browser or a "
            "cloud-drive sync). Nothing was written. Close that program or wait until it finishes, then try again.",
        ).format(where)
    return DatabaseLocked(message, path, holder)


# ---------------------------------------------------------------------------------------------- who holds it


def who_holds(path: Path) -> str | None:
    """Name the other process keeping a SQLite file busy: a LiveDesk window (its lock file says which) or,
    on Linux, any process with the file open. None when nobody can be named."""
    from livedesk.services.instance_lock import _read_pid, lock_path

    names: list[str] = []
    pid = _read_pid(lock_path(path))
    if pid and pid != os.getpid() and _alive(pid):
        names.append(translate("Messages", "LiveDesk (process {0})").format(pid))
    for other, command in _open_by(path):
        if other != pid:
            names.append(translate("Messages", "{0} (process {1})").format(command, other))
    return ", ".join(names) or None


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) sends Ctrl+C there; the lock file's pid has to do
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _open_by(path: Path) -> list[tuple[int, str]]:
    """(pid, command) of other processes with the database or its -wal open; Linux only (reads /proc)."""
    proc = Path("/proc")
    if not sys.platform.startswith("linux") or not proc.is_dir():
        return []
    try:
        wanted = {str(path.resolve()), str(path.resolve()) + "-wal"}
    except OSError:
        return []
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            for fd in (entry / "fd").iterdir():
                if os.readlink(fd) in wanted:
                    command = (entry / "comm").read_text(encoding="utf-8", errors="replace").strip()
                    found.append((int(entry.name), command or "?"))
                    break
        except OSError:  # gone meanwhile, or not ours to look at
            continue
    return found


# ---------------------------------------------------------------------------------------------- retrying


def retry_when_locked(
    action: Callable[[], T], tell: Callable[[str], None], attempts: int | None = None, pause: float | None = None
) -> T:
    """Run `action` (one whole unit of work: rolled back when it fails), again while the database is locked
    by another writer, telling the user each time; the last DatabaseLocked (naming who holds it) is raised."""
    attempts = RETRY_ATTEMPTS if attempts is None else attempts
    pause = RETRY_PAUSE if pause is None else pause
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except DatabaseLocked as exc:
            if attempt == attempts:
                raise
            log.info("Database locked (%s); retry %d of %d", exc.holder, attempt, attempts - 1)
            tell(
                translate(
                    "Messages", "The database is busy: another program is writing to it. Waiting and trying again ({0} of {1})…"
                ).format(attempt, attempts - 1)
            )
            time.sleep(pause)
    raise AssertionError("unreachable")
