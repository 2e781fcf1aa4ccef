"""Waiting on the team server without freezing the window.

The user's own saves run on the window's thread: an undo command writes, then shows what it wrote. A
server that falls silent (a cable pulled, Wi-Fi gone) leaves that write waiting for the network to give up,
up to the connection's 15 s TCP timeout, and the window would stop painting meanwhile. So the PostgreSQL
driver's waits (services/pg_connection.py) tell the thread that registered here each time their 0.1 s poll
interval passes with no answer: the window keeps painting, its timers keep running, and after a few seconds
it offers to stop waiting (ui/server_wait.py). Stopping raises `StoppedWaiting` inside the wait; the driver
then drops the connection and the save fails with a message saying whether it may have been saved.

A wait that starts while one is under way (a timer that queries the database while the window waits) is
told to the same Waiter, so it neither freezes the window nor opens a second dialog; stopping ends both.
Only the registering thread is told: workers wait as before.

No Qt here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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


@dataclass
class _Wait:
    server: str  # host:port/database, as the Waiter shows it
    began: float
    depth: int = 1
    waiter: Waiter | None = None  # made on the first empty interval


_factory: Callable[[str], Waiter] | None = None
_thread: int | None = None
_current: _Wait | None = None


def install(factory: Callable[[str], Waiter]) -> None:
    """Tell the calling thread about slow waits: `factory(server)` makes a Waiter for a wait that outlasts
    one poll interval."""
    global _factory, _thread
    _factory, _thread = factory, threading.get_ident()


def uninstall(factory: Callable[[str], Waiter]) -> None:
    """Stop telling, unless another factory was installed since."""
    global _factory, _thread
    if _factory == factory:
        _factory, _thread = None, None


def waiting() -> bool:
    """True while the registered thread is inside a wait for the server (its events still run)."""
    return _current is not None


@contextmanager
def watched(server: str) -> Iterator[bool]:
    """Around one driver wait (or connect): True when its empty intervals are to be told
    (`told_while_waiting`). The Waiter is told `done` when the outermost watched wait ends, however it
    ends: a wait the driver abandons (its timeout) leaves its generator suspended, not closed."""
    global _current
    if _factory is None or _thread != threading.get_ident():
        yield False
        return
    if _current is not None:  # nested: told to the same Waiter
        _current.depth += 1
        try:
            yield True
        finally:
            _current.depth -= 1
        return
    _current = _Wait(server, time.monotonic())
    try:
        yield True
    finally:
        wait, _current = _current, None
        if wait.waiter is not None:
            wait.waiter.done()


def told_while_waiting(gen: Generator[object, object, T]) -> Generator[object, object, T]:
    """`gen` (a psycopg wait generator: it yields what to wait for and is sent what became ready, a falsy
    value when the poll interval passed with nothing) with the current Waiter told of each empty interval,
    inside `watched`. A StoppedWaiting from the Waiter leaves through the driver's wait."""
    wait = _current
    if wait is None or _factory is None:
        return (yield from gen)
    try:
        wanted = next(gen)
        while True:
            ready = yield wanted
            if not ready:
                if wait.waiter is None:
                    wait.waiter = _factory(wait.server)
                wait.waiter.tick(time.monotonic() - wait.began)
            wanted = gen.send(ready)
    except StopIteration as finished:
        return finished.value
