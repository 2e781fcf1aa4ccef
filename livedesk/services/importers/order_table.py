"""Order lines held column by column, as the column reader converted them.

An order export runs to 100,000 lines. Counting them by the platform's rule and storing them both work on
whole columns (C-level `map`s and `zip`s), so the `OrderRow` of each line is built only when something
asks for rows: the row-by-row paths, or two order files merged.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from operator import attrgetter
from typing import overload

from livedesk.services.importers.review_files import ORDER_FIELDS, OrderRow


class OrderTable(Sequence[OrderRow]):
    """A sequence of `OrderRow`s stored as one column per field (every column the same length)."""

    __slots__ = ("_columns", "_length", "_rows")

    def __init__(self, columns: Mapping[str, Sequence[object]]) -> None:
        missing = set(ORDER_FIELDS) - set(columns)
        if missing:
            raise ValueError(f"order columns missing: {sorted(missing)}")
        lengths = {len(columns[name]) for name in ORDER_FIELDS}
        if len(lengths) != 1:
            raise ValueError(f"order columns of different lengths: {sorted(lengths)}")
        self._columns = {name: columns[name] for name in ORDER_FIELDS}
        self._length = lengths.pop()
        self._rows: list[OrderRow] | None = None

    @classmethod
    def of(cls, orders: Sequence[OrderRow]) -> OrderTable:
        """The table of some order lines (itself when it already is one)."""
        if isinstance(orders, OrderTable):
            return orders
        rows = list(orders)
        table = cls({name: list(map(attrgetter(name), rows)) for name in ORDER_FIELDS})
        table._rows = rows
        return table

    def column(self, name: str) -> Sequence[object]:
        """Every line's value of one field, in line order."""
        return self._columns[name]

    @property
    def rows(self) -> list[OrderRow]:
        if self._rows is None:
            self._rows = list(map(OrderRow, *(self._columns[name] for name in ORDER_FIELDS)))
        return self._rows

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> OrderRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[OrderRow]: ...

    def __getitem__(self, index: int | slice) -> OrderRow | list[OrderRow]:
        return self.rows[index]

    def __iter__(self) -> Iterator[OrderRow]:
        return iter(self.rows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable rows inside, as a list

    def __repr__(self) -> str:
        return f"OrderTable({self._length} lines)"
