"""Numbers, money and times as the user's locale writes them (¥ and 万 in Chinese)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QLocale

from livedesk.rendering.labels import minutes_text


def is_chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def money(value: Decimal | float | None, missing: str = "—") -> str:
    if value is None:
        return missing
    amount = float(value)
    if is_chinese() and abs(amount) >= 100_000:
        return f"¥{amount / 10_000:,.1f}万"
    return f"¥{amount:,.0f}" if abs(amount) >= 1000 else f"¥{amount:,.2f}"


def count(value: int | None, missing: str = "—") -> str:
    if value is None:
        return missing
    if is_chinese() and abs(value) >= 100_000:
        return f"{value / 10_000:,.1f}万"
    return f"{value:,}"


def percent(value: Decimal | float | None, digits: int = 1, missing: str = "—") -> str:
    if value is None:
        return missing
    shown = float(value) * 100
    if abs(shown) >= 1000:  # e.g. a ¥0.01 gift's margin: the decimals say nothing and would not fit
        return f"{shown:,.0f}%"
    return f"{shown:.{digits}f}%"


def local(value: dt.datetime) -> dt.datetime:
    return value.astimezone()


def date_time(value: dt.datetime) -> str:
    return local(value).strftime("%Y-%m-%d %H:%M")


def weekday_date(value: dt.datetime) -> str:
    stamp = local(value)
    names_zh = "一二三四五六日"
    if is_chinese():
        return f"{stamp.month}月{stamp.day}日 周{names_zh[stamp.weekday()]} {stamp:%H:%M}"
    return stamp.strftime("%a %d %b %H:%M")


minutes = minutes_text  # one rule for the window and the files it writes
