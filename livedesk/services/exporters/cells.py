"""The one guard against CSV/formula injection, for every text cell of every .xlsx and .csv LiveDesk writes.

A spreadsheet runs a cell as a formula when its text starts with = + - @ (Excel also reads the full-width
＝＋－＠ typed with a Chinese input method), or with a tab, CR or LF followed by one of them, or after spaces.
Titles, headers and values all go through here:

* .xlsx: `set_text` / `text_cell` store the text as a string cell (never a formula, whatever it starts
  with) and, when it looks like a formula, add Excel's quote prefix so editing the cell keeps it text;
* .csv: `csv_text` puts a single quote in front, which the importers strip again.
"""

from __future__ import annotations

from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "＝", "＋", "－", "＠", "\t", "\r", "\n")
_LEADING_BLANKS = " \u3000\xa0\t\r\n"


def is_risky_text(value: str) -> bool:
    """True when a spreadsheet could read this text as a formula (also after leading blanks)."""
    return value.startswith(FORMULA_TRIGGERS) or value.lstrip(_LEADING_BLANKS).startswith(FORMULA_TRIGGERS)


def csv_text(value: object) -> str:
    """A text cell for a .csv file: quoted with ' when it could run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text and is_risky_text(text) else text


def set_text(cell: Any, value: object) -> None:
    """Store text in an openpyxl cell as a string cell, never a formula (the cell's other styles are kept).

    Control characters an .xlsx cannot hold (NUL and the like, from data stored before imports cleaned them)
    are dropped rather than failing the whole export.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", "" if value is None else str(value))
    cell.value = text
    cell.data_type = "s"
    if is_risky_text(text):
        cell.quotePrefix = True


def text_cell(sheet: Any, value: object) -> Any:
    """A write-only cell (openpyxl `write_only` workbooks) holding text that never runs as a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet)
    set_text(cell, value)
    return cell


__all__ = ["FORMULA_TRIGGERS", "csv_text", "is_risky_text", "set_text", "text_cell"]
