"""Parse the values real exports hold: "1.2万", "¥1,299.0", "3.2%", "2分35秒", "'123", "-".

Every parser returns None for an empty cell and raises ValueError with a short
English reason for a value it cannot read, so importers can report row and column.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from livedesk.services.messages import translate

EMPTY_MARKERS = {"", "-", "--", "—", "/", "无", "暂无", "n/a", "N/A", "null", "None", "nan"}

_MULTIPLIERS = {"万": Decimal(10_000), "w": Decimal(10_000), "W": Decimal(10_000), "亿": Decimal(100_000_000), "k": Decimal(1000), "K": Decimal(1000)}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_DURATION = re.compile(
    r"^(?:(?P<h>\d+(?:\.\d+)?)\s*(?:小时|时|h))?\s*(?:(?P<m>\d+(?:\.\d+)?)\s*(?:分钟|分|min|m))?\s*(?:(?P<s>\d+(?:\.\d+)?)\s*(?:秒|s))?$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$")


def clean_text(value: object) -> str:
    """Text as the user meant it: stripped of the tab/apostrophe Excel-guards and stray spaces."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\u3000", " ").replace("\xa0", " ").strip()
    while text[:1] in ("'", "\t", "`", "="):
        if text.startswith('="') and text.endswith('"'):  # ="00123" keeps leading zeros in Excel
            text = text[2:-1]
        else:
            text = text[1:]
        text = text.strip()
    return text


def is_empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    return clean_text(value) in EMPTY_MARKERS


def parse_decimal(value: object) -> Decimal | None:
    """A number as Decimal: accepts ¥/￥/元, thousands separators, 万/亿, full-width digits."""
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise ValueError(translate("Messages", "expected a number"))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(translate("Messages", "expected a number"))
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    text = clean_text(value)
    text = text.translate(_FULL_WIDTH)
    for token in ("¥", "￥", "元", "RMB", "rmb", ",", "，", " ", "+"):
        text = text.replace(token, "")
    if text.startswith("(") and text.endswith(")"):
        text = "-" + text[1:-1]
    multiplier = Decimal(1)
    if text and text[-1] in _MULTIPLIERS:
        multiplier = _MULTIPLIERS[text[-1]]
        text = text[:-1]
    if text.endswith("%"):
        raise ValueError(translate("Messages", "expected a number, found a percentage"))
    if not _NUMBER.match(text):
        raise ValueError(translate("Messages", "expected a number"))
    try:
        return Decimal(text) * multiplier
    except InvalidOperation as exc:  # pragma: no cover - regex already guards
        raise ValueError(translate("Messages", "expected a number")) from exc


def parse_int(value: object) -> int | None:
    """A count: "12,345", "1.2万" (→ 12000), 345.0. Refuses fractions that are not whole."""
    number = parse_decimal(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise ValueError(translate("Messages", "expected a whole number"))
    return int(number)


def parse_money(value: object) -> Decimal | None:
    """Money in yuan, rounded to the fen."""
    number = parse_decimal(value)
    return None if number is None else number.quantize(Decimal("0.01"))


def parse_rate(value: object) -> Decimal | None:
    """A ratio as a fraction: "3.2%" → 0.032; 0.032 stays; "20" (a bare percent number > 1) → 0.20."""
    if is_empty(value):
        return None
    if isinstance(value, str):
        text = clean_text(value).translate(_FULL_WIDTH).replace(" ", "")
        if text.endswith("%"):
            number = parse_decimal(text[:-1])
            return None if number is None else number / Decimal(100)
    number = parse_decimal(value)
    if number is None:
        return None
    if number > 1:
        return number / Decimal(100)
    return number


def parse_duration_seconds(value: object) -> int | None:
    """A duration in seconds: "2分35秒", "1小时2分", "02:35", "1:02:35", or a bare number of seconds."""
    if is_empty(value):
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return int(round(float(value)))
    if isinstance(value, dt.time):
        return value.hour * 3600 + value.minute * 60 + value.second
    if isinstance(value, dt.timedelta):
        return int(value.total_seconds())
    text = clean_text(value).replace(" ", "")
    clock = _CLOCK.match(text)
    if clock:
        a, b, c = clock.groups()
        if c is None:
            return int(a) * 60 + int(b)
        return int(a) * 3600 + int(b) * 60 + int(c)
    match = _DURATION.match(text)
    if match and any(match.group(k) for k in ("h", "m", "s")):
        hours = float(match.group("h") or 0)
        minutes = float(match.group("m") or 0)
        seconds = float(match.group("s") or 0)
        return int(round(hours * 3600 + minutes * 60 + seconds))
    try:
        return int(round(float(text)))
    except ValueError:
        raise ValueError(translate("Messages", "expected a duration such as 2分35秒 or 02:35")) from None


_DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d %H-%M-%S",
    "%Y.%m.%d %H:%M:%S",
    "%Y.%m.%d %H:%M",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y%m%d %H:%M:%S",
)
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")
EXCEL_EPOCH = dt.datetime(1899, 12, 30)


EARLIEST_YEAR, LATEST_YEAR = 2000, 2099  # live commerce, past and planned: anything else is a broken cell


def check_year(moment: dt.datetime) -> dt.datetime:
    """The datetime itself, or ValueError when its year cannot be a stream's (1900, 9999)."""
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise ValueError(
            translate("Messages", "the date {0} is out of range (expected a year from {1} to {2})").format(
                moment.date().isoformat(), EARLIEST_YEAR, LATEST_YEAR
            )
        )
    return moment


def parse_datetime(value: object) -> dt.datetime | None:
    """A naive local datetime from an Excel datetime, a serial number or any common text form."""
    if is_empty(value):
        return None
    moment = _parse_datetime(value)
    return None if moment is None else check_year(moment)


def _parse_datetime(value: object) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None) if value.tzinfo is None else value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20_000 < float(value) < 80_000:  # an Excel serial date (1954–2119)
            return EXCEL_EPOCH + dt.timedelta(days=float(value))
        raise ValueError(translate("Messages", "expected a date and time"))
    text = clean_text(value).replace("：", ":")
    text = re.sub(r"\s+", " ", text)
    for fmt in _DATETIME_FORMATS + _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(translate("Messages", "expected a date and time such as 2026-11-20 20:01"))


def parse_clock_time(value: object) -> dt.time | None:
    """A time of day: "20:01", "20:01:30", an Excel time or a datetime (its time part)."""
    if is_empty(value):
        return None
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value
    if isinstance(value, float) and 0 <= value < 1:  # Excel stores times as fractions of a day
        seconds = int(round(value * 86400)) % 86400
        return dt.time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    text = clean_text(value).replace("：", ":")
    match = _CLOCK.match(text)
    if match and int(match.group(1)) < 24:
        return dt.time(int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))
    try:
        return parse_datetime(text).time()  # type: ignore[union-attr]
    except ValueError:
        raise ValueError(translate("Messages", "expected a time of day such as 20:01")) from None


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－％", "0123456789.-%")
