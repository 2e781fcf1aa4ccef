"""Which tables someone else changed, told by the database itself, read on a thread of its own (no Qt here).

* PostgreSQL (team mode): every table has a statement trigger (migration 0006) that calls
  `pg_notify('livedesk_changes', <table name>)`. A listener holds one connection of its own, LISTENs, and
  hands on the names of the tables written since it last looked. Notifications sent by this app's own
  connections are dropped (their backend ids are passed in), so only a teammate's writes count.
* SQLite: `PRAGMA data_version` on a connection of its own. It changes exactly when another connection
  commits, and says nothing of which table: the answer is EVERYTHING.

A listener that loses the server says so once, tries again every few seconds, says when it is back and then
reports EVERYTHING once (notifications sent while it was away are lost).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine, event

from livedesk.services.db import PG_CONNECT_ARGS, Database

log = logging.getLogger(__name__)

CHANNEL = "livedesk_changes"
EVERYTHING: frozenset[str] = frozenset({"*"})  # which table is unknown: show everything again
NOTIFY_FUNCTION = "livedesk_notify_change"
TRIGGER_PREFIX = "livedesk_changes_"
# The function the triggers call; also put back after a restore, so a dump cannot bring its own body.
NOTIFY_FUNCTION_SQL = (
    f"CREATE OR REPLACE FUNCTION {NOTIFY_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    f"BEGIN\n  PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);\n  RETURN NULL;\nEND\n$$"
)
HEALTH_CHECK_SECONDS = 10.0  # an idle listener asks the server once in a while whether it is still there


def trigger_sql(table: str) -> str:
    """One notification per statement, not per row: an import of 10,000 rows says `reviews` once."""
    return (
        f'CREATE TRIGGER {TRIGGER_PREFIX}{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
        f"FOR EACH STATEMENT EXECUTE FUNCTION {NOTIFY_FUNCTION}()"
    )


class Feed(Protocol):
    def wait(self, timeout: float) -> frozenset[str]:
        """The tables changed by others, waiting up to `timeout` seconds for the first; empty when none.
        Raises when the database cannot be reached."""

    def close(self) -> None: ...


class PostgresFeed:
    """LISTEN on a connection of its own, made with the engine's own connect arguments (connect timeout
    included)."""

    def __init__(self, engine: Engine, connect_args: dict, own_pids: Callable[[], Collection[int]]):
        import psycopg

        cargs, cparams = engine.dialect.create_connect_args(engine.url)
        self._conn = psycopg.connect(*cargs, **{**cparams, **connect_args}, autocommit=True)
        self._own_pids = own_pids
        self._idle = 0.0
        try:
            self._conn.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            self._conn.close()
            raise

    def wait(self, timeout: float) -> frozenset[str]:
        notes = list(self._conn.notifies(timeout=timeout, stop_after=1))
        if notes:  # take the rest of a burst (one commit touches several tables) in the same answer
            notes += self._conn.notifies(timeout=0.05)
            self._idle = 0.0
        else:
            self._idle += timeout
            if self._idle >= HEALTH_CHECK_SECONDS:  # a silent network loss shows up here, not in notifies()
                self._idle = 0.0
                self._conn.execute("SELECT 1")
        own = self._own_pids()  # asked after the wait: a connection checked out meanwhile counts too
        return frozenset(note.payload for note in notes if note.pid not in own)

    def close(self) -> None:
        self._conn.close()


class SqliteFeed:
    """`PRAGMA data_version` on a connection of its own. This app's own commits move it too: the GUI thread
    brackets its writes with `begin_own_write` / `end_own_write`, which take the new version as seen."""

    def __init__(self, path: Path):
        self._path = path
        self._lock = threading.Lock()
        self._conn = self._connect()
        self._closed = False
        self._own_write = False
        self._seen = self._read()
        self._missed = False  # another connection committed before one of our own writes began

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(str(self._path), timeout=1, isolation_level=None, check_same_thread=False)

    def reopen(self) -> SqliteFeed:
        """This feed, with a new connection if it was closed after an error (its version counts from now)."""
        with self._lock:
            if self._closed:
                self._conn = self._connect()
                self._closed = False
                self._seen = self._read()
        return self

    def _read(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, timeout: float, stop: threading.Event | None = None) -> frozenset[str]:
        if stop is not None:
            stop.wait(timeout)
        with self._lock:
            if self._own_write or self._closed:  # our own commit is under way: look again next time
                return frozenset()
            version = self._read()
            changed = version != self._seen or self._missed
            self._seen, self._missed = version, False
        return EVERYTHING if changed else frozenset()

    def begin_own_write(self) -> None:
        with self._lock:
            if self._own_write or self._closed:
                return
            version = self._read()
            if version != self._seen:  # someone else's, still to be shown
                self._missed = True
            self._seen = version
            self._own_write = True

    def end_own_write(self, committed: bool) -> None:
        with self._lock:
            if committed and not self._closed:
                self._seen = self._read()
            self._own_write = False

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            self._closed = True


class OwnWrites:
    """This app's own writes to `db`, seen through its units of work (no database I/O on the server).

    * Server: the backend id of every connection this app checks out (`pids()`), so the listener can drop
      the notifications they cause.
    * SQLite: writes on the `owner_thread` (the GUI's) are bracketed on the feed, so data_version moving
      because of them does not count as someone else's.
    * Writes on other threads (imports on a worker) are handed to `worker_committed(tables)` after their
      commit on a server (SQLite's data_version sees them by itself): the window shows them like a teammate's.
    """

    _MARK = "livedesk_own_writes"

    def __init__(self, db: Database, owner_thread: int, sqlite: SqliteFeed | None,
                 worker_committed: Callable[[frozenset[str]], None]):
        self._db = db
        self._owner = owner_thread
        self._sqlite = sqlite
        self._worker_committed = worker_committed
        self._pids: set[int] = set()
        self._lock = threading.Lock()  # pids are added on any thread that checks a connection out
        self._hooks = [
            (db._sessions, "after_flush", self._flushed),  # this database's units of work only
            (db._sessions, "do_orm_execute", self._executing),
            (db._sessions, "after_commit", self._committed),
            (db._sessions, "after_transaction_end", self._ended),
        ]
        if not db.is_sqlite:
            self._hooks.append((db.engine, "checkout", self._checked_out))
        for target, name, fn in self._hooks:
            event.listen(target, name, fn)

    def close(self) -> None:
        for target, name, fn in self._hooks:
            if event.contains(target, name, fn):
                event.remove(target, name, fn)
        self._hooks = []

    def pids(self) -> frozenset[int]:
        with self._lock:
            return frozenset(self._pids)

    def feed(self) -> Feed:
        """A new listening feed for this database (server), or the SQLite feed again."""
        if self._sqlite is not None:
            return self._sqlite.reopen()
        return PostgresFeed(self._db.engine, PG_CONNECT_ARGS, self.pids)

    def _checked_out(self, dbapi_connection, _record, _proxy) -> None:
        pid = getattr(getattr(dbapi_connection, "info", None), "backend_pid", None)  # kept by psycopg: no query
        if pid:
            with self._lock:
                self._pids.add(pid)

    def _flushed(self, session, _flush_context=None) -> None:
        tables = {obj.__table__.name for obj in (*session.new, *session.dirty, *session.deleted)
                  if hasattr(obj, "__table__")}
        self._wrote(session, tables)

    def _executing(self, state) -> None:
        if not state.is_select:
            table = getattr(state.statement, "table", None)
            self._wrote(state.session, {table.name} if getattr(table, "name", None) else set())

    def _wrote(self, session, tables: set[str]) -> None:
        mark = session.info.setdefault(self._MARK, {"owner": threading.get_ident() == self._owner, "tables": set()})
        mark["tables"] |= tables
        if mark["owner"] and self._sqlite is not None and not mark.get("bracketed"):
            mark["bracketed"] = True
            self._sqlite.begin_own_write()  # a local file: a quick read

    def _committed(self, session) -> None:
        mark = session.info.get(self._MARK)
        if mark is None:
            return
        if mark.get("bracketed") and self._sqlite is not None:
            self._sqlite.end_own_write(committed=True)
            mark["bracketed"] = False
        if not mark["owner"] and self._sqlite is None:  # its notifications come from our own connection
            self._worker_committed(frozenset(mark["tables"]) or EVERYTHING)

    def _ended(self, session, transaction) -> None:
        if transaction.parent is not None:
            return
        mark = session.info.pop(self._MARK, None)
        if mark is not None and mark.get("bracketed") and self._sqlite is not None:
            self._sqlite.end_own_write(committed=False)  # rolled back: nothing of ours was written


class ChangeListener:
    """Runs a feed on a daemon thread: `on_changes(tables)` for every batch, `on_online(bool)` when the
    database goes away or comes back. Both are called on the listener's thread."""

    def __init__(self, open_feed: Callable[[], Feed], on_changes: Callable[[frozenset[str]], None],
                 on_online: Callable[[bool], None], poll_seconds: float = 0.5, retry_seconds: float = 3.0):
        self._open_feed = open_feed
        self._on_changes = on_changes
        self._on_online = on_online
        self.poll_seconds = poll_seconds
        self.retry_seconds = retry_seconds
        self._stop = threading.Event()
        self._recheck = threading.Event()
        self._thread = threading.Thread(target=self._run, name="livedesk-changes", daemon=True)
        self.feed: Feed | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self, wait: float = 3.0) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(wait)

    def recheck(self) -> None:
        """The server is thought to be away (a save got no answer): reconnect rather than wait for the
        network to say so, and tell `on_online(True)` once through (the caller has shown it offline)."""
        self._recheck.set()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            self._listen()
        except RuntimeError as exc:  # the receiver is gone (its window was destroyed): nobody to tell
            log.debug("Change listener stopped: %s", exc)
            self._close(self.feed)
            self.feed = None

    def _listen(self) -> None:
        online = True
        feed: Feed | None = None
        while not self._stop.is_set():
            if self._recheck.is_set():
                self._recheck.clear()
                self._close(feed)
                feed = self.feed = None
                online = False
            if feed is None:
                try:
                    feed = self._open_feed()
                except Exception as exc:
                    if online:
                        log.warning("Cannot listen for changes: %s; retrying every %.0f s", exc, self.retry_seconds)
                        online = False
                        self._tell_online(False)
                    self._stop.wait(self.retry_seconds)
                    continue
                self.feed = feed
                if not online:
                    log.info("Listening for changes again")
                    online = True
                    self._tell_online(True)
                    self._on_changes(EVERYTHING)  # what was sent while away is lost: show everything again
            try:
                if isinstance(feed, SqliteFeed):
                    changed = feed.wait(self.poll_seconds, self._stop)
                else:
                    changed = feed.wait(self.poll_seconds)
            except Exception as exc:
                log.warning("Lost the change listener's connection: %s", exc)
                self._close(feed)
                feed = self.feed = None
                online = False
                self._tell_online(False)
                continue
            if changed and not self._stop.is_set():
                self._on_changes(changed)
        self._close(feed)
        self.feed = None

    def _tell_online(self, online: bool) -> None:
        if not self._stop.is_set():  # a listener told to stop speaks no more (its window may watch another database)
            self._on_online(online)

    @staticmethod
    def _close(feed: Feed | None) -> None:
        if feed is None:
            return
        try:
            feed.close()
        except Exception as exc:  # a dead connection may fail to close; nothing is left to do with it
            log.debug("Closing the change feed failed: %s", exc)
