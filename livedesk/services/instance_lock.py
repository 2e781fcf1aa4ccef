"""One LiveDesk window per SQLite file: an OS lock on `<database>.lock` beside the file.

The lock is an OS file lock (fcntl.flock on POSIX, msvcrt.locking on Windows), so it is released
by the operating system when the process ends, even after a crash or SIGKILL: a stale lock file
never blocks anyone. The file itself is left in place (deleting it would let two processes lock
two different files of the same name).

Inside one process the lock is counted: acquiring a file this process already holds succeeds, so
the window can reopen its own database (File ▸ Restore, switching back) without tripping over itself.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from livedesk.services.db import Database, DatabaseError
from livedesk.services.messages import translate

_held: dict[Path, Lock] = {}
_guard = threading.Lock()


class InstanceLocked(DatabaseError):
    """Another LiveDesk already has this database file open."""

    def __init__(self, db_path: Path, pid: int | None = None):
        self.db_path = db_path
        self.pid = pid
        if pid:
            message = translate(
                "Messages",
                "{0} is already open in another LiveDesk window (process {1}). "
                "Switch to that window, or close it and try again.",
            ).format(db_path, pid)
        else:
            message = translate(
                "Messages",
                "{0} is already open in another LiveDesk window. Switch to that window, or close it and try again.",
            ).format(db_path)
        super().__init__(message)


def lock_path(db_path: str | Path) -> Path:
    path = Path(db_path).resolve()
    return path.with_name(path.name + ".lock")


class Lock:
    """A held lock on one database file; `release()` (or leaving a `with` block) lets it go."""

    def __init__(self, db_path: Path, handle):
        self.db_path = db_path
        self._handle = handle
        self._count = 1

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        with _guard:
            if self._handle is None:
                return
            self._count -= 1
            if self._count > 0:
                return
            _held.pop(self.db_path, None)
            handle, self._handle = self._handle, None
        try:
            _unlock(handle)
        finally:
            handle.close()

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *_exc) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle) -> None:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass  # already released by closing; nothing else to do

    _PID_OFFSET = 16  # the locked first byte cannot be read by others on Windows; the pid sits after it
else:
    import fcntl

    def _try_lock(handle) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    _PID_OFFSET = 0


def _read_pid(path: Path) -> int | None:
    try:
        with path.open("rb") as handle:
            handle.seek(_PID_OFFSET)
            text = handle.read(32).decode("ascii", "ignore").strip("\x00 \n")
        return int(text) if text.isdigit() else None
    except OSError:
        return None


def acquire(db_path: str | Path) -> Lock | None:
    """Lock the database file for this process; None when another process holds it."""
    db = Path(db_path).resolve()
    with _guard:
        existing = _held.get(db)
        if existing is not None and existing.held:
            existing._count += 1
            return existing
        path = lock_path(db)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+b")  # noqa: SIM115 - kept open for as long as the lock is held
        try:
            if not _try_lock(handle):
                handle.close()
                return None
            handle.seek(0)
            handle.truncate()
            handle.write(b" " * _PID_OFFSET + str(os.getpid()).encode("ascii") + b"\n")
            handle.flush()
        except BaseException:
            handle.close()
            raise
        lock = Lock(db, handle)
        _held[db] = lock
        return lock


def lock_database_file(db_path: str | Path) -> Lock:
    """Like `acquire`, but raises InstanceLocked (naming the file) when another window has it."""
    lock = acquire(db_path)
    if lock is None:
        path = Path(db_path).resolve()
        raise InstanceLocked(path, _read_pid(lock_path(path)))
    return lock


def lock_database(db: Database) -> Lock | None:
    """Lock an open database's file; None for databases that need no lock (a server, in-memory)."""
    if db.file_path is None:
        return None
    return lock_database_file(db.file_path)
