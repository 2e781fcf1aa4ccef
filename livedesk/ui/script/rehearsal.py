"""Rehearsal mode (彩排): a running clock, Space or → to move to the next segment, planned vs actual.

The clock is read on every tick from a monotonic source (`clock`, injectable for tests); nothing is
counted down, so a slow or skipped tick never makes it drift. Each segment's time is saved the
moment the user moves on, so a crash keeps what was rehearsed.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
)

from livedesk.services import script_steps, scripts
from livedesk.services.db import Database
from livedesk.services.errors import UserError
from livedesk.services.faults import EnvironmentFault
from livedesk.services.scripts import reads as script_reads
from livedesk.services.timeline import clock as fmt_clock
from livedesk.ui import theme
from livedesk.ui.errors import show_error
from livedesk.ui.script.labels import category_label, segment_kind_label
from livedesk.ui.script.table_model import SegmentRow
from livedesk.ui.widgets.rows_model import RowsTableModel

if TYPE_CHECKING:
    from livedesk.ui.script.tab import ScriptTab


def signed(seconds: float) -> str:
    return ("+" if seconds > 0 else "") + fmt_clock(seconds)


class _RehearsalRowsModel(RowsTableModel):
    def __init__(self, headers, parent=None):
        super().__init__(headers, parent=parent)
        self.over: set[int] = set()
        self.current: int | None = None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.row() in self.over and index.column() >= 3:
            return theme.brush("bad")
        if role == Qt.ItemDataRole.BackgroundRole and index.row() == self.current:
            return theme.brush("info_bg")
        return super().data(index, role)


class RehearsalDialog(QDialog):
    finished_rehearsal = Signal(int)  # rehearsal id

    def __init__(self, db: Database, stream_id: int, rows: list[SegmentRow], clock: Callable[[], float] | None = None,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("rehearsalDialog")
        self.setWindowTitle(self.tr("Rehearsal"))
        self.resize(820, 600)
        self.db, self.stream_id, self.rows = db, stream_id, rows
        self.clock = clock or time.monotonic
        self.rehearsal_id: int | None = None
        self.index = -1  # the segment being rehearsed; -1 before the start
        self.started_at = 0.0
        self.segment_started_at = 0.0
        self.actual: list[float | None] = [None] * len(rows)
        self.finished_all = False  # not `done`: that would hide QDialog.done(), and reject() would crash

        layout = QVBoxLayout(self)
        self.segment_label = QLabel()
        self.segment_label.setObjectName("rehearsalSegment")
        self.segment_label.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.segment_label.setWordWrap(True)
        layout.addWidget(self.segment_label)
        clocks = QHBoxLayout()
        self.segment_clock = QLabel("0:00")
        self.segment_clock.setObjectName("segmentClock")
        self.segment_clock.setStyleSheet("font-size: 48px; font-weight: 700; font-family: monospace;")
        self.planned_label = QLabel()
        self.planned_label.setStyleSheet("font-size: 18px;")
        self.total_clock = QLabel("0:00")
        self.total_clock.setObjectName("totalClock")
        self.total_clock.setStyleSheet("font-size: 18px; font-family: monospace;")
        clocks.addWidget(self.segment_clock)
        clocks.addSpacing(16)
        clocks.addWidget(self.planned_label)
        clocks.addStretch(1)
        clocks.addWidget(self.total_clock)
        layout.addLayout(clocks)
        self.hint = QLabel(self.tr("Press Start, then Space or → at the end of each segment. Esc stops."))
        theme.set_style(self.hint, "color: $muted;")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.lines_view = QTextBrowser()  # what the host says in this segment, read while rehearsing
        self.lines_view.setObjectName("rehearsalLines")
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines_view.setOpenLinks(False)
        theme.set_style(self.lines_view, "font-size: 17px;")
        self.model = _RehearsalRowsModel(
            [self.tr("#"), self.tr("Segment"), self.tr("Planned time"), self.tr("Actual"), self.tr("Difference")], self)
        self.table = QTableView()
        self.table.setObjectName("rehearsalTable")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("rehearsalSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.lines_view)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("rehearsalStart")
        self.next_button = QPushButton(self.tr("Next segment (Space)"))
        self.next_button.setObjectName("rehearsalNext")
        self.stop_button = QPushButton(self.tr("Stop"))
        self.close_button = QPushButton(self.tr("Close"))
        for b in (self.start_button, self.next_button, self.stop_button, self.close_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must advance, never press a button
            buttons.addWidget(b)
        self.start_button.clicked.connect(self.start)
        self.next_button.clicked.connect(self.advance)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.close)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.tick)
        self._update()

    # --- running ------------------------------------------------------------------------------------

    def start(self) -> None:
        if self.index >= 0 or not self.rows:
            return
        try:
            self.rehearsal_id = script_steps.start_rehearsal(self.db, self.stream_id)
        except UserError as exc:  # e.g. a teammate deleted the stream
            self._not_saved(exc)
            return
        self.started_at = self.segment_started_at = self.clock()
        self.index = 0
        self.timer.start()
        self._update()

    def advance(self) -> None:
        """Record the running segment's time and move to the next (the last one finishes the rehearsal)."""
        if self.finished_all:
            return
        if self.index < 0:
            self.start()
            return
        now = self.clock()
        seconds = now - self.segment_started_at
        row = self.rows[self.index]
        assert self.rehearsal_id is not None
        last = self.index == len(self.rows) - 1
        try:
            script_steps.record_rehearsal_time(self.db, self.rehearsal_id, row.id, seconds, finish=last)
            self.actual[self.index] = seconds
        except UserError as exc:  # a teammate deleted the segment meanwhile: the rehearsal goes on without it
            self._not_saved(exc, row.title)
            if last:
                self._save_finish()
        self.segment_started_at = now
        self.index += 1
        if self.index >= len(self.rows):
            self._finish()
        self._update()

    def stop(self) -> None:
        """End early: what was timed is kept; the rehearsal is finished with the rest untimed."""
        if self.index < 0 or self.finished_all:
            return
        self._save_finish()
        self._finish()
        self._update()

    def _save_finish(self) -> None:
        assert self.rehearsal_id is not None
        try:
            script_steps.finish_rehearsal(self.db, self.rehearsal_id)
        except UserError as exc:  # e.g. a teammate deleted the stream, and its rehearsals with it
            self._not_saved(exc)

    def _not_saved(self, exc: UserError, title: str | None = None) -> None:
        """Say in the dialog (no message box: Space keeps timing) what could not be saved and why."""
        if isinstance(exc, scripts.SegmentGoneError) and title is not None:
            text = self.tr("Someone else deleted “{0}”, so its time was not saved.").format(title)
        else:
            text = str(exc)
        self.hint.setText(text)
        theme.set_style(self.hint, "color: $bad;")

    def _finish(self) -> None:
        self.finished_all = True
        self.timer.stop()
        self.finished_rehearsal.emit(self.rehearsal_id or 0)

    def tick(self) -> None:
        self._update_clocks()

    # --- display ------------------------------------------------------------------------------------

    def _update_clocks(self) -> None:
        if self.index < 0 or self.finished_all:
            return
        now = self.clock()
        elapsed = now - self.segment_started_at
        row = self.rows[self.index]
        self.segment_clock.setText(fmt_clock(elapsed))
        over = elapsed > row.duration_seconds
        theme.set_style(
            self.segment_clock, "font-size: 48px; font-weight: 700; font-family: monospace;" + (" color: $bad;" if over else ""))
        planned_so_far = sum(r.duration_seconds for r in self.rows[: self.index]) + min(elapsed, row.duration_seconds)
        self.total_clock.setText(self.tr("Total {0} · plan {1}").format(fmt_clock(now - self.started_at),
                                                                        fmt_clock(planned_so_far)))

    def _update(self) -> None:
        self.start_button.setEnabled(self.index < 0 and bool(self.rows))
        self.next_button.setEnabled(not self.finished_all and self.index >= 0)
        self.stop_button.setEnabled(not self.finished_all and self.index >= 0)
        if self.finished_all:
            total = sum(a or 0 for a in self.actual)
            timed = [r for r, a in zip(self.rows, self.actual, strict=True) if a is not None]
            planned = sum(r.duration_seconds for r in timed)  # compare only what was rehearsed
            if len(timed) < len(self.rows):
                text = self.tr("Partial rehearsal: {0} of {1} segments, {2} for their plan of {3} ({4})").format(
                    len(timed), len(self.rows), fmt_clock(total), fmt_clock(planned), signed(total - planned))
            else:
                text = self.tr("Rehearsal finished: {0} for a plan of {1} ({2})").format(
                    fmt_clock(total), fmt_clock(planned), signed(total - planned))
            self.segment_label.setText(text)
            self.segment_clock.setText(fmt_clock(total))
        elif self.index < 0:
            self.segment_label.setText(self.tr("%n segment(s) to rehearse", "", len(self.rows)))
        else:
            row = self.rows[self.index]
            self.segment_label.setText(f"{self.index + 1}/{len(self.rows)} · {segment_kind_label(row.kind)} · {row.title}")
            self.planned_label.setText(self.tr("planned {0}").format(fmt_clock(row.duration_seconds)))
        rows, over = [], set()
        for i, (row, actual) in enumerate(zip(self.rows, self.actual, strict=True)):
            diff = "" if actual is None else signed(round(actual) - row.duration_seconds)
            if actual is not None and round(actual) > row.duration_seconds:
                over.add(i)
            rows.append([str(i + 1), row.title, fmt_clock(row.duration_seconds),
                         "" if actual is None else fmt_clock(actual), diff])
        self.model.over = over
        self.model.current = self.index if 0 <= self.index < len(self.rows) and not self.finished_all else None
        self.model.set_rows(rows)
        self._show_lines()
        self._update_clocks()

    def _show_lines(self) -> None:
        """The host lines and cues of the running segment (of the first one before Start)."""
        if self.finished_all or not self.rows:
            self.lines_view.clear()
            return
        index = max(self.index, 0)
        row = self.rows[index]

        def muted(text: str) -> str:
            return "<p style='color:gray'>" + html.escape(text).replace("\n", "<br/>") + "</p>"

        parts = []
        if self.index < 0:
            parts.append(muted(self.tr("First up: {0}").format(row.title)))
        lines = [line for line in row.host_lines.splitlines() if line.strip()]
        if lines:
            parts.append("".join(f"<p>{html.escape(line)}</p>" for line in lines))
        else:
            parts.append(muted(self.tr("No host lines for this segment.")))
        if row.cues.strip():
            parts.append(muted(self.tr("Cues: {0}").format(row.cues.strip())))
        if self.index >= 0 and index + 1 < len(self.rows):
            parts.append(muted(self.tr("Next: {0}").format(self.rows[index + 1].title)))
        self.lines_view.setHtml("".join(parts))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Right) and not event.isAutoRepeat():
            self.advance()
            return
        if event.key() == Qt.Key.Key_Escape:
            if self.index >= 0 and not self.finished_all:
                self.stop()
                return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.timer.stop()
        if self.index >= 0 and not self.finished_all:
            self.stop()
        event.accept()


class MarkRehearsed(QObject):
    """Marking the script tab's stream rehearsed: the problems not resolved are listed and asked about first."""

    def __init__(self, tab: ScriptTab):
        super().__init__()  # short-lived: owned by the caller, not the tab
        self.tab = tab

    def run(self) -> bool:
        tab = self.tab
        if tab.stream_id is None:
            return False
        tab.flush_draft()
        try:
            findings = script_reads.unresolved(tab.db, tab.stream_id)
        except EnvironmentFault as exc:  # e.g. the team server is away: nothing was saved
            show_error(tab, exc)
            return False
        if findings:
            listed = "\n".join(
                f"• {f.segment_title + ': ' if f.segment_title else ''}{f.term} ({category_label(f.category)})"
                for f in findings[:25])
            if len(findings) > 25:
                listed += "\n" + self.tr("… and %n more", "", len(findings) - 25)
            if not tab.confirm(
                self.tr("Mark as rehearsed anyway?"),
                self.tr("%n problem(s) are not resolved:", "", len(findings)) + "\n\n" + listed + "\n\n"
                + self.tr("Mark the stream as rehearsed anyway?"),
                "markRehearsedConfirm",
            ):
                return False
        try:
            script_steps.mark_rehearsed(tab.db, tab.stream_id)
        except UserError as exc:  # e.g. a teammate saved or deleted the stream a moment ago: nothing was saved
            show_error(tab, exc)
            tab.show_after_failure(exc)  # on a worker when the database itself failed
            return False
        tab.status_message.emit(self.tr("The stream is marked as rehearsed."), 5000)
        tab.reload()
        return True
