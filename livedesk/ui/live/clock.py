"""Clocks for the console: wall time anchored once, then advanced by the monotonic clock."""

from __future__ import annotations

import datetime as dt
import time


class MonotonicClock:
    """`now()` = the wall time read once at start + monotonic seconds since: immune to NTP jumps and
    never a decremented counter, so a countdown computed from it cannot drift."""

    def __init__(self) -> None:
        self._wall = dt.datetime.now(dt.timezone.utc)
        self._mono = time.monotonic()

    def __call__(self) -> dt.datetime:
        return self._wall + dt.timedelta(seconds=time.monotonic() - self._mono)


class FixedClock:
    """A clock that stands still (screenshots) or moves only when told (tests)."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)

    def __call__(self) -> dt.datetime:
        return self.now
