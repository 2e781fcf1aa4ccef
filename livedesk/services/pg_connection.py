"""The PostgreSQL connection LiveDesk opens: psycopg's, with its waits told to services/server_wait.py.

Imported only when a team server is used (psycopg loads with it).
"""

from __future__ import annotations

from typing import Any

import psycopg

from livedesk.services import server_wait


class ServerNotAnswering(psycopg.OperationalError):
    """The user stopped waiting for the server; the connection was dropped."""

    stopped_waiting = True  # how services/faults.py tells it apart without importing psycopg


class WindowAwareConnection(psycopg.Connection):
    """Waits on the network tell the window's thread as they go (see server_wait), so a silent server
    never freezes the window; stopping drops this connection."""

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
        if not server_wait.watching_this_thread():
            return super().wait(gen, interval=interval, timeout=timeout)
        try:
            return super().wait(server_wait.told_while_waiting(gen), interval=interval, timeout=timeout)
        except server_wait.StoppedWaiting:
            self.pgconn.finish()  # mid-exchange: unusable. The server rolls back what it had.
            raise ServerNotAnswering("stopped waiting for the server") from None

    @classmethod
    def _connect_gen(cls, conninfo: str = "") -> Any:  # psycopg 3.2–3.3: the generator `connect` waits on
        try:
            return (yield from server_wait.told_while_waiting(super()._connect_gen(conninfo)))
        except server_wait.StoppedWaiting:
            raise ServerNotAnswering("stopped waiting for the server to accept the connection") from None


def connect(_dialect: Any, _record: Any, cargs: tuple, cparams: dict) -> WindowAwareConnection:
    """SQLAlchemy's `do_connect` hook: open a WindowAwareConnection with the dialect's arguments."""
    return WindowAwareConnection.connect(*cargs, **cparams)
