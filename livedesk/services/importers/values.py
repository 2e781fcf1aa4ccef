"""Parse the values real exports hold: "1.2万", "¥1,299.0", "3.2%", "2分35秒", "'123", "-".

Every parser returns None for an empty cell and raises ValueError with a short
English reason for a value it cannot read, so importers can report row and column.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
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


# Characters nobody can see that make two identical-looking values differ: NUL and other control characters,
# zero-width spaces/joiners, the word joiner and byte-order marks left inside a cell by a bad conversion.
_INVISIBLE = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\x7f\u200b\u200c\u200e\u200f\u2060\ufeff"
_INVISIBLE_TABLE = dict.fromkeys(map(ord, _INVISIBLE))
_HAS_INVISIBLE = re.compile(f"[{re.escape(_INVISIBLE)}]")
_SPACES = re.compile(r"\s+")
_IDENTIFIER_INVISIBLE_TABLE = {**_INVISIBLE_TABLE, ord("\u200d"): None}  # a joiner matters in emoji, never in an id

# Bounds: anything outside is a broken cell (or a unit mix-up), never a value to store.
MAX_MONEY = Decimal(10) ** 10  # ¥10,000,000,000
MAX_COUNT = 10**9
MIN_PRICE = Decimal("0.01")
MAX_EXACT_INTEGER = 2**53  # a spreadsheet number at or above this has lost digits (an order number stored as a number)
_CENT = Decimal("0.01")
# For importers' inline fast paths (100,000-row order files): a plain amount within bounds, two decimals at most.
# Anything else goes to parse_money / parse_int, which refuse or read it with a reason.
PLAIN_MONEY = re.compile(r"^\d{1,10}(?:\.\d{1,2})?$")  # ≤ 9,999,999,999.99 < MAX_MONEY
PLAIN_COUNT = re.compile(r"^\d{1,9}$")  # ≤ 999,999,999 < MAX_COUNT


def clean_text(value: object) -> str:
    """Text as the user meant it: stripped of the tab/apostrophe Excel-guards, stray spaces and invisible characters."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if not text.isprintable() and _HAS_INVISIBLE.search(text):  # isprintable: one fast C pass for the usual cell
        text = text.translate(_INVISIBLE_TABLE)
    text = text.replace("\u3000", " ").replace("\xa0", " ").strip()
    while text[:1] in ("'", "\t", "`", "="):
        if text.startswith('="') and text.endswith('"'):  # ="00123" keeps leading zeros in Excel
            text = text[2:-1]
        else:
            text = text[1:]
        text = text.strip()
    return text


def clean_identifier(value: object) -> str:
    """An identifier (SKU, product id, order number) exactly: NFKC, no invisible characters, always text.

    Raises ValueError for a number cell at or above 2^53: the spreadsheet has already rounded its last digits,
    so two different order numbers may have become one.
    """
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(translate("Messages", "expected a code, found a number that is not finite"))
        if abs(value) >= MAX_EXACT_INTEGER:
            raise ValueError(
                translate(
                    "Messages",
                    "a number this long has lost its last digits in the spreadsheet; format the column as text "
                    "(or export it again with the code as text) and import again",
                )
            )
    text = unicodedata.normalize("NFKC", clean_text(value)).translate(_IDENTIFIER_INVISIBLE_TABLE)
    return _SPACES.sub(" ", text).strip()  # a doubled space is as invisible as a zero-width one


def is_empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    return clean_text(value) in EMPTY_MARKERS


def _not_finite() -> ValueError:
    return ValueError(translate("Messages", "expected a number, found one that is not finite (NaN or infinity)"))


def parse_decimal(value: object) -> Decimal | None:
    """A number as Decimal: accepts ¥/￥/元, thousands separators, 万/亿, full-width digits. Never NaN or infinite."""
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise ValueError(translate("Messages", "expected a number"))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _not_finite()
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _not_finite()
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
        if text.lower().lstrip("-") in ("inf", "infinity", "nan"):
            raise _not_finite()
        raise ValueError(translate("Messages", "expected a number"))
    exponent = text.lower().partition("e")[2] if "e" in text or "E" in text else ""
    if exponent and abs(int(exponent)) > 100:  # 1e309, 1e-999999: no real cell, and the arithmetic would overflow
        raise ValueError(translate("Messages", "the number {0} is far too large or too small").format(text))
    try:
        return Decimal(text) * multiplier
    except InvalidOperation as exc:  # pragma: no cover - regex already guards
        raise ValueError(translate("Messages", "expected a number")) from exc


def parse_int(value: object) -> int | None:
    """A count: "12,345", "1.2万" (→ 12000), 345.0. Refuses fractions and anything beyond ±1,000,000,000.

    Callers refuse negative counts with their own words (see parse_count for 0 ≤ n ≤ 10^9).
    """
    number = parse_decimal(value)
    if number is None:
        return None
    if abs(number) > MAX_COUNT:
        raise ValueError(translate("Messages", "more than {0:,}: too large to be a count").format(MAX_COUNT))
    if number != number.to_integral_value():
        raise ValueError(translate("Messages", "expected a whole number"))
    return int(number)


def parse_count(value: object) -> int | None:
    """A count of people, pieces or orders: a whole number from 0 to 1,000,000,000."""
    count = parse_int(value)
    if count is not None and count < 0:
        raise ValueError(translate("Messages", "a count cannot be negative"))
    return count


def parse_money(value: object) -> Decimal | None:
    """An amount in yuan with at most two decimals (fen), within ±¥10,000,000,000: "5万", "¥1,299", "1.2w", "3k".

    More decimals are refused rather than rounded (¥0.001 is not ¥0.00). A spreadsheet number that is a
    two-decimal amount up to float error (89.10000000000001) reads as that amount.
    Callers refuse negative amounts with their own words (see parse_amount for 0 ≤ v ≤ 10^10).
    """
    number = parse_decimal(value)
    if number is None:
        return None
    if abs(number) > MAX_MONEY:
        raise ValueError(translate("Messages", "more than ¥{0:,}: too large to be an amount").format(int(MAX_MONEY)))
    cents = number.quantize(_CENT)
    if cents != number:
        close = isinstance(value, float) and abs(float(cents) - value) <= 1e-9 * max(1.0, abs(value))
        if not close:
            raise ValueError(
                translate("Messages", "an amount has at most two decimals (fen); {0} has more").format(_plain(number))
            )
    return cents


def parse_amount(value: object) -> Decimal | None:
    """Money that cannot be negative: a goal, a cost, GMV. 0 ≤ value ≤ ¥10,000,000,000."""
    amount = parse_money(value)
    if amount is not None and amount < 0:
        raise ValueError(translate("Messages", "an amount cannot be negative"))
    return amount


def parse_price(value: object) -> Decimal | None:
    """A selling price: ¥0 (a free gift, or a new product's price not set yet) or from ¥0.01 to ¥10,000,000,000.

    A price between ¥0 and ¥0.01 (¥0.001) cannot be charged and is refused, never rounded to ¥0.00.
    """
    number = parse_decimal(value)
    if number is not None and 0 < number < MIN_PRICE:
        raise ValueError(translate("Messages", "a price must be ¥0 or at least ¥0.01; {0} is neither").format(_plain(number)))
    price = parse_money(value)
    if price is not None and price < 0:
        raise ValueError(translate("Messages", "a price cannot be negative"))
    return price


def parse_rate(value: object) -> Decimal | None:
    """A rate as a fraction from 0 to 1, by one rule for every rate (commission, conversion, click rate):

    * with "%" it is a percent: "3.2%" → 0.032;
    * a whole number is a percent: 1 → 0.01, 20 → 0.20 (a commission of 1 is 1%, never 100%);
    * a number with a decimal point below 1 is a fraction: 0.2 → 0.20; one of 1 or more is a percent: 3.5 → 0.035.
    Anything outside 0%–100% is refused.
    """
    if is_empty(value):
        return None
    number: Decimal | None
    percent = False
    if isinstance(value, str):
        text = clean_text(value).translate(_FULL_WIDTH).replace(" ", "")
        if text.endswith("%"):
            percent = True
            number = parse_decimal(text[:-1])
        else:
            number = parse_decimal(text)
    else:
        number = parse_decimal(value)
    if number is None:
        return None
    if percent or number >= 1 or number == number.to_integral_value():
        number = number / Decimal(100)
    if not Decimal(0) <= number <= Decimal(1):
        raise ValueError(translate("Messages", "a rate must be between 0% and 100%"))
    return number


def describe_rate(value: object, rate: Decimal | None) -> str:
    """How a rate cell was read, for previews: "1 → 1%", "0.2 → 20%", "15% → 15%"."""
    if rate is None:
        return ""
    shown = clean_text(value)
    return f"{shown} → {_plain(rate * 100)}%"


def _plain(number: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 20.00 → 20, 0.0010 → 0.001."""
    text = f"{number.normalize():f}"
    return text


def parse_duration_seconds(value: object) -> int | None:
    """A duration in seconds: "2分35秒", "1小时2分", "02:35", "1:02:35", or a bare number of seconds."""
    if is_empty(value):
        return None
    return _bounded_seconds(_duration_seconds(value))


def _bounded_seconds(seconds: float) -> int:
    if not math.isfinite(seconds):
        raise _not_finite()
    if abs(seconds) > MAX_COUNT:
        raise ValueError(translate("Messages", "more than {0:,} seconds: too long to be a duration").format(MAX_COUNT))
    return int(round(seconds))


def _duration_seconds(value: object) -> float:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, dt.time):
        return value.hour * 3600 + value.minute * 60 + value.second
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
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
        return hours * 3600 + minutes * 60 + seconds
    try:
        return float(text)
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
