"""StreamTableModel: the schedule's rows for the list view, plus a proxy that filters and sorts them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from livedesk.services.schedule import Conflict, StreamData
from livedesk.ui import formatting, theme
from livedesk.ui.labels import platform_label, role_label, status_label, stream_type_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STREAM_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class StreamTableModel(QAbstractTableModel):
    COLUMNS = ["start", "title", "platform", "account", "type", "status", "minutes", "people", "gmv_target", "conflicts"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[StreamData] = []
        self._conflicts: dict[int, list[Conflict]] = {}
        self._titles: dict[int, str] = {}

    def set_rows(self, rows: list[StreamData], conflicts: dict[int, list[Conflict]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._conflicts = conflicts
        self._titles = {r.id: r.title for r in rows if r.id is not None}
        self.endResetModel()

    def rows(self) -> list[StreamData]:
        return list(self._rows)

    def stream_at(self, row: int) -> StreamData:
        return self._rows[row]

    def row_of(self, stream_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == stream_id:
                return i
        return -1

    def conflicts_of(self, stream_id: int | None) -> list[Conflict]:
        return self._conflicts.get(stream_id or -1, [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [
            self.tr("Start"), self.tr("Title"), self.tr("Platform"), self.tr("Account"), self.tr("Type"),
            self.tr("Status"), self.tr("Length"), self.tr("People"), self.tr("GMV target"), self.tr("Conflicts"),
        ][section]

    def conflict_text(self, stream_id: int | None) -> str:
        lines = []
        for c in self.conflicts_of(stream_id):
            other = c.stream_ids[1] if c.stream_ids[0] == stream_id else c.stream_ids[0]
            other_title = self._titles.get(other, "?")
            if c.kind == "person":
                lines.append(self.tr("{0} is also on “{1}” at the same time").format(c.detail, other_title))
            else:
                lines.append(self.tr("Account {0} also streams “{1}” at the same time").format(c.detail, other_title))
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        s = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == STREAM_ROLE:
            return s.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, column)
        if role == SORT_ROLE:
            return self._sort_key(s, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in ("conflicts", "title") and self.conflicts_of(s.id):
                return self.conflict_text(s.id)
            if column == "people":
                return "\n".join(f"{role_label(r)}: {n}" for n, r in s.people)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "status":
                return theme.status_brush(s.status)
            if column == "conflicts" and self.conflicts_of(s.id):
                return theme.brush("bad")
        if role == Qt.ItemDataRole.BackgroundRole and self.conflicts_of(s.id):
            return theme.brush("bad_bg")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("minutes", "gmv_target"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, s: StreamData, column: str) -> str:
        if column == "start":
            return formatting.weekday_date(s.start_at)
        if column == "title":
            return s.title
        if column == "platform":
            return platform_label(s.platform)
        if column == "account":
            return s.account
        if column == "type":
            return stream_type_label(s.stream_type)
        if column == "status":
            return status_label(s.status)
        if column == "minutes":
            return formatting.minutes(s.planned_minutes)
        if column == "people":
            return "、".join(dict.fromkeys(n for n, _ in s.people))
        if column == "gmv_target":
            return formatting.money(s.gmv_target)
        if column == "conflicts":
            count = len(self.conflicts_of(s.id))
            return self.tr("⚠ %n conflict(s)", "", count) if count else ""
        return ""

    def _sort_key(self, s: StreamData, column: str) -> Any:
        if column == "start":
            return s.start_at.timestamp()
        if column == "minutes":
            return s.planned_minutes
        if column == "gmv_target":
            return float(s.gmv_target or 0)
        if column == "conflicts":
            return len(self.conflicts_of(s.id))
        if column == "status":
            from livedesk.services.schedule import STATUS_ORDER

            return STATUS_ORDER.index(s.status) if s.status in STATUS_ORDER else 99
        return self._display(s, column)


class StreamFilterProxy(QSortFilterProxyModel):
    """Filters by month, platform, status, person and free text; sorts by real values, not display text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.month: tuple[int, int] | None = None
        self.platform: str | None = None
        self.status: str | None = None
        self.person: str | None = None
        self.text = ""

    def set_filters(self, month=None, platform=None, status=None, person=None, text: str = "") -> None:
        self.beginFilterChange()
        self.month, self.platform, self.status, self.person, self.text = month, platform, status, person, text.strip()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        s: StreamData = model.stream_at(source_row)
        local = s.start_at.astimezone()
        if self.month and (local.year, local.month) != self.month:
            return False
        if self.platform and s.platform != self.platform:
            return False
        if self.status and s.status != self.status:
            return False
        if self.person and self.person not in {n for n, _ in s.people}:
            return False
        if self.text:
            haystack = " ".join([s.title, s.account, s.theme, s.notes, *(n for n, _ in s.people)]).casefold()
            if self.text.casefold() not in haystack:
                return False
        return True
