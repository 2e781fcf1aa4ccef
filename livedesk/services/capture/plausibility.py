"""Is a captured reading believable next to the last sample? OCR can drop a decimal point or read a 7 as a 1:
a reading that breaks what a dashboard can do is held for the controller's click instead of logged.

Running totals (GMV, orders, UV, PV, buyers) never go down during a stream; online viewers do not grow
tenfold within a minute, nor does GMV.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from livedesk.services.capture.mapping import Reading
from livedesk.services.messages import translate

RUNNING_TOTALS = ("gmv", "orders", "uv")
JUMP_FACTOR = 10
JUMP_WINDOW = dt.timedelta(minutes=1)
JUMP_FLOOR = {"online": 20, "gmv": Decimal(100)}  # below these a tenfold rise is ordinary (5 → 60 viewers)


@dataclass(frozen=True)
class Last:
    """The latest logged value of one figure and when it was logged."""

    value: int | Decimal
    at: dt.datetime


def _names() -> dict[str, str]:
    return {
        "online": translate("Messages", "online"), "uv": translate("Messages", "UV"),
        "gmv": translate("Messages", "GMV"), "orders": translate("Messages", "orders"),
    }  # fmt: skip


def implausible(reading: Reading, last: dict[str, Last], now: dt.datetime) -> list[str]:
    """Why the reading cannot be right, in words for the console ([] when it looks fine)."""
    names = _names()
    reasons = []
    for name in RUNNING_TOTALS:
        value, before = getattr(reading, name), last.get(name)
        if value is not None and before is not None and value < before.value:
            reasons.append(translate("Messages", "{0} went down from {1} to {2}").format(names[name], before.value, value))
    for name, floor in JUMP_FLOOR.items():
        value, before = getattr(reading, name), last.get(name)
        if value is None or before is None or now - before.at > JUMP_WINDOW or before.value < floor:
            continue
        if value >= before.value * JUMP_FACTOR:
            reasons.append(translate("Messages", "{0} jumped from {1} to {2} within a minute").format(
                names[name], before.value, value))
    return reasons


def last_values(samples: Sequence[object]) -> dict[str, Last]:
    """The latest value of each figure in samples (oldest first) with an `at` and the figure attributes."""
    found: dict[str, Last] = {}
    for sample in samples:
        for name in ("online", *RUNNING_TOTALS):
            value = getattr(sample, name, None)
            if value is not None:
                found[name] = Last(value, sample.at)  # type: ignore[attr-defined]
    return found
