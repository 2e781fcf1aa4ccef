"""SegmentTableModel: one script's segments, edited in the table and drawn by the timeline.

The model holds plain rows. An edit goes through `commit(segment_id, field, value)` (the tab
turns it into an undoable command that saves at once); without it (tests of the model alone)
the row is changed in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from livedesk.services.timeline import clock
from livedesk.ui import theme
from livedesk.ui.script.labels import SEGMENT_KINDS, mmss, parse_clock, segment_kind_label

SEGMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SegmentRow:
    id: int
    kind: str = "pitch"
    title: str = ""
    start_seconds: int = 0
    duration_seconds: int = 300
    product_id: int | None = None
    product_name: str = ""  # the product as an imported script names it, while it is not in the pool
    host_lines: str = ""
    cues: str = ""
    props: str = ""
    bgm: str = ""
    notes: str = ""

    @property
    def end_seconds(self) -> int:
        return self.start_seconds + self.duration_seconds

    @classmethod
    def from_segment(cls, segment: Any) -> SegmentRow:
        return cls(
            id=segment.id,
            kind=segment.kind,
            title=segment.title,
            start_seconds=segment.start_seconds,
            duration_seconds=segment.duration_seconds,
            product_id=segment.product_id,
            product_name=segment.product_name or "",
            host_lines=segment.host_lines or "",
            cues=segment.cues or "",
            props=segment.props or "",
            bgm=segment.bgm or "",
            notes=segment.notes or "",
        )


class SegmentTableModel(QAbstractTableModel):
    COLUMNS = [
        "kind",
        "title",
        "start_seconds",
        "duration_seconds",
        "product_id",
        "host_lines",
        "cues",
        "props",
        "bgm",
        "notes",
    ]
    rows_changed = Signal()  # after any change of the rows (reset or values)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[SegmentRow] = []
        self.products: dict[int, str] = {}  # the stream's lineup (and any product a segment names)
        self.lineup: list[tuple[int, str]] = []  # (product id, name) in lineup order, for the combo
        self.stream_start: dt.datetime | None = None
        self.slot_seconds: int | None = None
        self.flagged: dict[int, int] = {}  # segment id -> number of compliance findings
        self.commit: Callable[[int, str, Any], bool] | None = None

    # --- rows -----------------------------------------------------------------------------------------

    def set_rows(
        self,
        rows: list[SegmentRow],
        products: dict[int, str] | None = None,
        lineup: list[tuple[int, str]] | None = None,
        stream_start: dt.datetime | None = None,
        slot_seconds: int | None = None,
    ) -> None:
        """New rows; when the same segments come back (an edit), only their values change (selection kept)."""
        if products is not None:
            self.products = products
        if lineup is not None:
            self.lineup = lineup
        if stream_start is not None:
            self.stream_start = stream_start
        if slot_seconds is not None:
            self.slot_seconds = slot_seconds
        if [r.id for r in rows] == [r.id for r in self._rows] and rows:
            self._rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.COLUMNS) - 1))
        else:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
        self.rows_changed.emit()

    def rows(self) -> list[SegmentRow]:
        return list(self._rows)

    def row_at(self, row: int) -> SegmentRow:
        return self._rows[row]

    def row_of(self, segment_id: int | None) -> int:
        for i, r in enumerate(self._rows):
            if r.id == segment_id:
                return i
        return -1

    def set_flagged(self, flagged: dict[int, int]) -> None:
        if flagged != self.flagged:
            self.flagged = flagged
            if self._rows:
                self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, 1))

    def product_name(self, product_id: int | None) -> str:
        return "" if product_id is None else self.products.get(product_id, "?")

    def product_text(self, row: SegmentRow) -> str:
        """The segment's product: the pool product it links, else the name the imported script gave."""
        return self.product_name(row.product_id) if row.product_id is not None else row.product_name

    @staticmethod
    def not_in_pool(row: SegmentRow) -> bool:
        return row.product_id is None and bool(row.product_name)

    def unmatched_names(self) -> list[str]:
        """The product names the script gives without a pool product, in running order."""
        return list(dict.fromkeys(r.product_name for r in self._rows if self.not_in_pool(r)))

    # --- Qt model ---------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return [
            self.tr("Type"), self.tr("Title"), self.tr("Start"), self.tr("Duration"), self.tr("Product"),
            self.tr("Host lines"), self.tr("Cues"), self.tr("Props"), self.tr("BGM"), self.tr("Notes"),
        ][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == SEGMENT_ID_ROLE:
            return r.id
        if role == KIND_ROLE:
            return r.kind
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == "start_seconds":
                return clock(r.start_seconds)
            if column == "duration_seconds":
                return mmss(r.duration_seconds)
            if column in ("kind", "product_id"):
                return getattr(r, column)
            return getattr(r, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "start_seconds" and self.stream_start is not None:
                wall = (self.stream_start + dt.timedelta(seconds=r.start_seconds)).astimezone()
                end = (self.stream_start + dt.timedelta(seconds=r.end_seconds)).astimezone()
                return f"{wall:%H:%M:%S}–{end:%H:%M:%S}"
            if column == "title" and self.flagged.get(r.id):
                return self.tr("%n risky word(s) in this segment; see Compliance.", "", self.flagged[r.id])
            if column in ("host_lines", "cues", "props", "notes") and getattr(r, column):
                return getattr(r, column)
            if column == "product_id" and self.not_in_pool(r):
                return self.tr("“{0}” is not in the product pool yet. Use Add to pool to create it and link "
                               "it, or choose a product here.").format(r.product_name)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == "kind":
            return theme.kind_colour(r.kind)
        if role == Qt.ItemDataRole.ForegroundRole and column == "title" and self.flagged.get(r.id):
            return theme.brush("bad")
        if role == Qt.ItemDataRole.ForegroundRole and column == "product_id" and self.not_in_pool(r):
            return theme.brush("warn")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("start_seconds", "duration_seconds"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, r: SegmentRow, column: str) -> str:
        if column == "kind":
            return segment_kind_label(r.kind)
        if column == "start_seconds":
            if self.stream_start is not None:
                wall = (self.stream_start + dt.timedelta(seconds=r.start_seconds)).astimezone()
                return f"{clock(r.start_seconds)} · {wall:%H:%M}"
            return clock(r.start_seconds)
        if column == "duration_seconds":
            return mmss(r.duration_seconds)
        if column == "product_id":
            if self.not_in_pool(r):
                return self.tr("{0} (not in pool)").format(r.product_name)
            return self.product_name(r.product_id)
        if column == "title" and self.flagged.get(r.id):
            return "⚠ " + r.title
        value = getattr(r, column)
        return value.replace("\n", " ⏎ ") if isinstance(value, str) else str(value)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return False
        r = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        try:
            clean = self.clean_value(column, value)
        except ValueError:
            return False
        if clean == getattr(r, column):
            return False
        if self.commit is not None:
            return bool(self.commit(r.id, column, clean))
        self._rows[index.row()] = replace(r, **{column: clean})
        self.dataChanged.emit(index, index)
        self.rows_changed.emit()
        return True

    def clean_value(self, column: str, value: Any) -> Any:
        """The value as stored, from what an editor gives; ValueError when it cannot be read."""
        if column == "kind":
            if value not in SEGMENT_KINDS:
                raise ValueError(value)
            return value
        if column == "start_seconds":
            return value if isinstance(value, int) else parse_clock(str(value))
        if column == "duration_seconds":
            seconds = value if isinstance(value, int) else parse_clock(str(value))
            if seconds <= 0:
                raise ValueError(value)
            return seconds
        if column == "product_id":
            if value in (None, "", 0):
                return None
            return int(value)
        text = "" if value is None else str(value)
        if column in ("title", "bgm") and len(text) > 200:
            raise ValueError("too long")
        return text
