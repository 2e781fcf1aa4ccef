"""Waiting on the team server without freezing the window.

The user's own saves run on the window's thread: an undo command writes, then shows what it wrote. A
server that falls silent (a cable pulled, Wi-Fi gone) leaves that write waiting for the network to give up,
up to the connection's 15 s TCP timeout, and the window would stop painting meanwhile. So the PostgreSQL
driver's waits (services/pg_connection.py) tell the thread that registered here each time their 0.1 s poll
interval passes with no answer: the window keeps painting, its timers keep running, and after a few seconds
it offers to stop waiting (ui/server_wait.py). Stopping raises `StoppedWaiting` inside the wait; the driver
then drops the connection and the save fails with a message, its transaction rolled back by the server.

Only the registering thread is told (workers wait as before), and never inside a wait it is already
handling (a timer that queries the database while the window waits just waits).

No Qt here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator
from typing import Protocol, TypeVar

T = TypeVar("T")


class StoppedWaiting(Exception):
    """The user stopped waiting for a server that does not answer."""


class Waiter(Protocol):
    def tick(self, seconds: float) -> None:
        """Another poll interval passed with no answer, `seconds` after the wait began. Raise
        StoppedWaiting to give up."""

    def done(self) -> None:
        """The wait ended (answered, failed or stopped)."""


_factory: Callable[[], Waiter] | None = None
_thread: int | None = None
_waiting = False


def install(factory: Callable[[], Waiter]) -> None:
    """Tell the calling thread about slow waits: `factory()` makes a Waiter for each wait that outlasts one
    poll interval."""
    global _factory, _thread
    _factory, _thread = factory, threading.get_ident()


def uninstall(factory: Callable[[], Waiter]) -> None:
    """Stop telling, unless another factory was installed since."""
    global _factory, _thread
    if _factory == factory:
        _factory, _thread = None, None


def watching_this_thread() -> bool:
    return _factory is not None and _thread == threading.get_ident() and not _waiting


def waiting() -> bool:
    """True while the registered thread is inside a wait for the server (its events still run)."""
    return _waiting


def told_while_waiting(gen: Generator[object, object, T]) -> Generator[object, object, T]:
    """`gen` (a psycopg wait generator: it yields what to wait for and is sent what became ready, a falsy
    value when the poll interval passed with nothing) with the registered Waiter told of each empty
    interval. A StoppedWaiting from the Waiter leaves through the driver's wait."""
    global _waiting
    if not watching_this_thread():
        return (yield from gen)
    assert _factory is not None
    waiter: Waiter | None = None
    began = time.monotonic()
    _waiting = True
    try:
        wanted = next(gen)
        while True:
            ready = yield wanted
            if not ready:
                if waiter is None:
                    waiter = _factory()
                waiter.tick(time.monotonic() - began)
            wanted = gen.send(ready)
    except StopIteration as finished:
        return finished.value
    finally:
        _waiting = False
        gen.close()
        if waiter is not None:
            waiter.done()
