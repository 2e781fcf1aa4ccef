"""The PostgreSQL connection LiveDesk opens: psycopg's, with its waits told to services/server_wait.py.

Imported only when a team server is used (psycopg loads with it).
"""

from __future__ import annotations

from typing import Any

import psycopg

from livedesk.services import server_wait


class ServerNotAnswering(psycopg.OperationalError):
    """The user stopped waiting for the server; the connection was dropped. `maybe_saved`: it was waiting
    on a COMMIT, which may have reached the server."""

    stopped_waiting = True  # how services/faults.py tells it apart without importing psycopg
    maybe_saved = False


class WindowAwareConnection(psycopg.Connection):
    """Waits on the network tell the window's thread as they go (see server_wait), so a silent server
    never freezes the window; stopping drops this connection. An error during COMMIT is marked
    `maybe_saved`: the server may have committed before the line went quiet."""

    _committing = False

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
        with server_wait.watched(self._server()) as told:
            if not told:
                return super().wait(gen, interval=interval, timeout=timeout)
            try:
                return super().wait(server_wait.told_while_waiting(gen), interval=interval, timeout=timeout)
            except server_wait.StoppedWaiting:
                self.pgconn.finish()  # mid-exchange: unusable. Without a COMMIT the server rolls back.
                error = ServerNotAnswering("stopped waiting for the server")
                error.maybe_saved = self._committing
                raise error from None

    def commit(self) -> None:
        self._committing = True
        try:
            super().commit()
        except psycopg.OperationalError as exc:
            exc.maybe_saved = True  # type: ignore[attr-defined]
            raise
        finally:
            self._committing = False

    def _server(self) -> str:
        info = self.info
        return f"{info.host}:{info.port}/{info.dbname}"

    @classmethod
    def connect(cls, conninfo: str = "", **kwargs: Any) -> WindowAwareConnection:  # type: ignore[override]
        server = f"{kwargs.get('host', '')}:{kwargs.get('port', '')}/{kwargs.get('dbname', '')}"
        with server_wait.watched(server):
            return super().connect(conninfo, **kwargs)

    @classmethod
    def _connect_gen(cls, conninfo: str = "") -> Any:  # psycopg 3.2–3.3: the generator `connect` waits on
        try:
            return (yield from server_wait.told_while_waiting(super()._connect_gen(conninfo)))
        except server_wait.StoppedWaiting:
            raise ServerNotAnswering("stopped waiting for the server to accept the connection") from None


def connect(_dialect: Any, _record: Any, cargs: tuple, cparams: dict) -> WindowAwareConnection:
    """SQLAlchemy's `do_connect` hook: open a WindowAwareConnection with the dialect's arguments."""
    return WindowAwareConnection.connect(*cargs, **cparams)
