"""Cell parsing for review files: every problem collected, and fast paths for the common clean forms."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from livedesk.services.importers.errors import CellProblem, ImportFailed
from livedesk.services.importers.review_vocabulary import (
    _DATETIME,
    _DURATION,
    _INT,
    _MONEY,
    _RATE,
    _TEXT,
    SHANGHAI,
)
from livedesk.services.importers.values import (
    EARLIEST_YEAR,
    EMPTY_MARKERS,
    LATEST_YEAR,
    MAX_COUNT,
    MAX_MONEY,
    PLAIN_COUNT,
    PLAIN_MONEY,
    clean_text,
    is_empty,
    parse_datetime,
    parse_duration_seconds,
    parse_int,
    parse_money,
    parse_rate,
)
from livedesk.services.messages import translate

# ---------------------------------------------------------------- problem collection


class _Cells:
    """Parses cells, collecting every problem instead of stopping at the first."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.problems: list[CellProblem] = []

    def add(self, row: int | None, column: str | None, value: object, reason: str, sheet: str | None) -> None:
        self.problems.append(CellProblem(row, column, "" if value is None else str(value), reason, sheet))

    def parse(self, kind: str, value: object, row: int, column: str, sheet: str | None, nonnegative: bool = True):
        fast = _fast_parse(kind, value)
        if fast is not None:
            return fast
        try:
            if kind == _INT:
                result = parse_int(value)
            elif kind == _MONEY:
                result = parse_money(value)
            elif kind == _DURATION:
                result = parse_duration_seconds(value)
            elif kind == _RATE:
                result = parse_rate(value)
                if result is not None and not 0 <= result <= 1:
                    raise ValueError(translate("Messages", "a rate between 0% and 100% was expected"))
            elif kind == _DATETIME:
                naive = parse_datetime(value)
                result = _aware(naive) if naive is not None else None
            elif kind == _TEXT:
                return clean_text(value) if not is_empty(value) else ""
            else:  # pragma: no cover
                raise ValueError(f"unknown parser {kind}")
        except ValueError as exc:
            self.add(row, column, value, translate("Messages", "{0}; correct or clear this cell").format(exc), sheet)
            return None
        if nonnegative and isinstance(result, (int, Decimal)) and result < 0:
            self.add(
                row, column, value, translate("Messages", "a count or amount cannot be negative; correct this cell"), sheet
            )
            return None
        return result

    def raise_if_any(self) -> None:
        if self.problems:
            count = len(self.problems)
            if count == 1:
                message = translate(
                    "Messages",
                    "{0} cell cannot be read, so nothing was imported. "
                    "Correct the cells listed below in the file (or clear them) and import it again.",
                )
            else:
                message = translate(
                    "Messages",
                    "{0} cells cannot be read, so nothing was imported. "
                    "Correct the cells listed below in the file (or clear them) and import it again.",
                )
            raise ImportFailed(self.file_name, message.format(count), self.problems)


# the fast paths take only what the bounded parsers would (values.py: money ≤ ¥10^10 in fen, counts ≤ 10^9)
_PLAIN_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_PLAIN_DATETIME = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
_CENT = Decimal("0.01")
_GUARDS = "'\t`= \u3000\xa0\r\n"


def _fast_parse(kind: str, value: object) -> object | None:
    """The common clean forms, parsed without the general machinery (orders run to 100,000 rows)."""
    if kind == _INT:
        if type(value) is int and 0 <= value <= MAX_COUNT:
            return value
        if type(value) is float and 0 <= value <= MAX_COUNT and value.is_integer():
            return int(value)
        if type(value) is str and PLAIN_COUNT.match(value):
            return int(value)
    elif kind == _MONEY:
        if type(value) is str and PLAIN_MONEY.match(value):
            return Decimal(value).quantize(_CENT)
        if type(value) is int and 0 <= value <= MAX_MONEY:
            return Decimal(value).quantize(_CENT)
    elif kind == _DATETIME:
        if type(value) is str:
            match = _PLAIN_DATETIME.match(value)
            if match:
                y, mo, d, h, mi, sec = match.groups()
                if not EARLIEST_YEAR <= int(y) <= LATEST_YEAR:
                    return None  # the slow path reports it
                try:
                    return dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec or 0), tzinfo=SHANGHAI)
                except ValueError:
                    return None  # the slow path reports it
        elif type(value) is dt.datetime and EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            return _aware(value)
    return None


def _iso_datetime(value: str) -> dt.datetime | None:
    """"2026-11-22 16:20:53" exactly (as 抖店 exports it) in range, else None: the general parser decides."""
    if len(value) != 19 or value[10] != " " or value[4] != "-" or value[7] != "-" or not value.isascii():
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        return None
    return moment.replace(tzinfo=SHANGHAI)


def _text(value: object) -> str:
    if value is None:
        return ""
    if type(value) is str and value and value[0] not in _GUARDS and value[-1] not in _GUARDS:
        return "" if value in EMPTY_MARKERS else value
    text = clean_text(value)
    return "" if text in EMPTY_MARKERS else text


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=SHANGHAI)
