"""The script tab (直播脚本): one stream's run of show as a table and a timeline of the same model.

Every edit is an undoable command saved at once. The compliance panel and the host-lines
highlighter use one compiled word list (cached; rebuilt when the list changes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from livedesk.config import Paths
from livedesk.services import compliance, schedule, scripts, timeline
from livedesk.services.db import Database
from livedesk.services.scripts import reads as script_reads
from livedesk.ui import formatting, theme
from livedesk.ui.labels import status_label, stream_type_label
from livedesk.ui.script import commands as cmd
from livedesk.ui.script.delegates import KindDelegate, ProductDelegate
from livedesk.ui.script.files import ScriptFiles
from livedesk.ui.script.highlighter import utf16_index
from livedesk.ui.script.labels import (
    SEGMENT_KINDS,
    category_label,
    field_label,
    mmss,
    segment_kind_label,
    severity_label,
)
from livedesk.ui.script.side_panel import ScriptSidePanel
from livedesk.ui.script.table_model import SEGMENT_ID_ROLE, SegmentRow, SegmentTableModel
from livedesk.ui.script.teammates import TeammateChanges
from livedesk.ui.script.timeline_view import TimelineView
from livedesk.ui.script.toolbar import ScriptToolbar
from livedesk.ui.tab_base import Tab

DRAFT_DELAY_MS = 700  # typing in the detail editor is saved after this pause (and on leaving the segment)


class ScriptTab(Tab):
    status_message = Signal(str, int)
    streams_changed = Signal()  # a save moved the stream's status (planned → scripted…): other tabs reload
    stream_picked = Signal(int)  # the user chose a stream: the window makes it current in every tab

    def __init__(self, db: Database, paths: Paths, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.paths = paths
        self.undo_stack = QUndoStack(self)
        self.model = SegmentTableModel(self)
        self.model.commit = self.commit_edit
        self.stream_id: int | None = None
        self.streams: list[schedule.StreamData] = []
        self.terms: compliance.TermSet | None = None
        self.findings: list[compliance.ScriptFinding] = []
        self._shown_findings: list[tuple] | None = None  # what the findings panel shows now
        self.approved = False
        self.clock: Callable[[], float] | None = None  # tests inject a fake clock for rehearsals
        self.confirm: Callable[[str, str, str], bool] = self._confirm  # tests answer questions here
        self._editing_id: int | None = None
        self._loading = False
        self._draft_only = False
        self._busy = 0  # steps of script commands running (a conflict question may be open in one)
        self._waiting: list[cmd._ScriptCommand] = []  # edits asked for meanwhile: pushed once the step is over
        self._was_active = False  # the undo stack was the Edit menu's when the running step began
        self.rehearsal_dialog = None
        self._reads = 0  # reads of the script shown so far (see show_refreshed)
        self._refresh_after_step = False  # a teammate's change came in while a step of an edit ran
        self._stream_shown: int | None = None  # the stream whose script the table shows
        self._status_shown: tuple[int, str] | None = None  # and its status, as last shown
        self.teammates = TeammateChanges(self)  # what to say when a teammate changed the script first
        self.files = ScriptFiles(self)  # import, add to pool, export
        self._build()
        self.reload()

    # --- layout -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Stream:")))
        self.stream_combo = QComboBox()
        self.stream_combo.setObjectName("streamPicker")
        self.stream_combo.setMinimumWidth(360)
        self.stream_combo.currentIndexChanged.connect(self._stream_changed)
        top.addWidget(self.stream_combo)
        self.stream_info = QLabel()
        self.stream_info.setObjectName("streamInfo")
        top.addWidget(self.stream_info, 1)
        layout.addLayout(top)

        toolbar = ScriptToolbar(self)
        for name in ("template_button", "template_menu", "add_action", "pitch_button", "pitch_menu", "delete_action",
                     "up_action", "down_action", "approve_action", "rehearse_action", "mark_action", "add_to_pool_action"):
            setattr(self, name, getattr(toolbar, name))  # the tab's own names for the toolbar's parts
        layout.addWidget(toolbar)

        # the table's own keys: never fire while typing in the detail editor
        for action, key in ((self.delete_action, QKeySequence.StandardKey.Delete), (self.up_action, "Ctrl+Up"),
                            (self.down_action, "Ctrl+Down")):
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        bar = QHBoxLayout()
        self.issues_label = QLabel()
        self.issues_label.setObjectName("timelineIssues")
        bar.addWidget(self.issues_label, 1)
        hint = QLabel(self.tr("Drag to move · Shift+drag to reorder · drag the right edge to resize · Ctrl+wheel to zoom"))
        theme.set_style(hint, "color: $muted;")
        bar.addWidget(hint)
        for text, slot, name in (("−", lambda: self.timeline.zoom_out(), "zoomOut"),
                                 ("+", lambda: self.timeline.zoom_in(), "zoomIn"),
                                 (self.tr("Fit"), self.fit_timeline, "zoomFit")):
            button = QToolButton()
            button.setText(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            bar.addWidget(button)
        layout.addLayout(bar)

        self.timeline = TimelineView(self.model)
        self.timeline_scroll = QScrollArea()
        self.timeline_scroll.setObjectName("timelineScroll")
        self.timeline_scroll.setWidget(self.timeline)
        self.timeline_scroll.setWidgetResizable(False)
        self.timeline_scroll.setMinimumHeight(150)
        self.timeline.segment_clicked.connect(self.select_segment)
        self.timeline.segment_activated.connect(self._focus_editor)
        self.timeline.times_changed.connect(self.set_times)  # with the layout seen when the drag began
        self.timeline.reorder_requested.connect(self.reorder)

        self.table = QTableView()
        self.table.setObjectName("segmentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(0, KindDelegate(self.table))
        self.table.setItemDelegateForColumn(4, ProductDelegate(lambda: self.model.lineup, self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate([110, 190, 110, 70, 150, 260, 160, 100, 80, 120]):
            self.table.setColumnWidth(column, width)
        kinds = max(self.table.fontMetrics().horizontalAdvance(segment_kind_label(k)) for k in SEGMENT_KINDS)
        self.table.setColumnWidth(0, max(110, kinds + 40))  # the colour swatch and every kind's whole name
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for action in (self.delete_action, self.up_action, self.down_action):
            self.table.addAction(action)

        self.side = ScriptSidePanel()
        side = self.side  # the tab's own names for the panel's parts
        self.detail_title, self.host_edit, self.highlighter = side.detail_title, side.host_edit, side.highlighter
        self.detail_findings, self.findings_model, self.findings_view = (side.detail_findings, side.findings_model,
                                                                         side.findings_view)
        self.rehearsals_model, self.rehearsals_view = side.rehearsals_model, side.rehearsals_view
        self.host_edit.textChanged.connect(self._host_text_changed)
        self.findings_view.doubleClicked.connect(self._finding_activated)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.setObjectName("scriptLowerSplitter")
        lower.addWidget(self.table)
        lower.addWidget(self.side)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setSizes([860, 480])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("scriptSplitter")
        self.splitter.addWidget(self.timeline_scroll)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([170, 530])
        layout.addWidget(self.splitter, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("scriptCount")
        layout.addWidget(self.count_label)

        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.flush_draft)
        self.model.rows_changed.connect(self._rows_changed)

    def file_actions(self) -> list[tuple[str, str, object]]:
        return [
            ("import", self.tr("Script (直播脚本)…"), self.import_script),
            ("export", self.tr("Script (直播脚本)…"), self.export_script),
        ]

    def shortcuts(self) -> list[tuple[str, str]]:
        native = QKeySequence.SequenceFormat.NativeText
        return [
            (self.add_action.shortcut().toString(native), self.tr("Script: add a segment")),
            (self.delete_action.shortcut().toString(native), self.tr("Script: delete the selected segment (table)")),
            (self.up_action.shortcut().toString(native), self.tr("Script: move the segment up (table)")),
            (self.down_action.shortcut().toString(native), self.tr("Script: move the segment down (table)")),
            (self.rehearse_action.shortcut().toString(native), self.tr("Script: start a rehearsal")),
            (self.tr("Space / →"), self.tr("Rehearsal: next segment")),
            (self.tr("Ctrl+wheel"), self.tr("Script timeline: zoom")),
        ]

    # --- streams ------------------------------------------------------------------------------------------

    # A teammate's change is read on a worker (refresh_reader) and shown here (show_refreshed); reload reads
    # the same data on the GUI thread (another tab changed it, or the window opened). Each read of the script
    # (here or after an edit) moves `_reads`: data read on a worker before it is older than what the tab shows.

    def _reader(self) -> Callable[[], script_reads.ScriptTabData]:
        db, stream_id = self.db, self.stream_id
        return lambda: script_reads.tab_data(db, stream_id)

    def reload(self) -> None:
        """Streams into the picker (past planning first), the word list, then the chosen stream's script."""
        self._show_tab(self._reader()())

    def refresh_reader(self) -> Callable[[], object]:
        read, reads, stream_id = self._reader(), self._reads, self.stream_id
        return lambda: (reads, stream_id, read())

    def show_refreshed(self, data: object) -> None:
        reads, stream_id, tab_data = data  # type: ignore[misc]
        if self._busy:  # a step of an edit runs (its conflict question is open): read again once it is over
            self._refresh_after_step = True
            return
        self.flush_draft()  # typing not saved yet is saved first (a conflict asks, as on Undo), then read again
        if (reads, stream_id) != (self._reads, self.stream_id):
            self.refresh()  # an edit or another stream was read since: what came is older than what shows
            return
        self._show_tab(tab_data)

    def _show_tab(self, data: script_reads.ScriptTabData) -> None:
        self.terms = data.terms
        self.highlighter.set_terms(self.terms)
        self.streams = data.streams
        self._loading = True
        self.stream_combo.clear()
        for s in self.streams:
            stamp = s.start_at.astimezone().strftime("%m-%d %H:%M")
            self.stream_combo.addItem(f"{stamp} · {s.title} · {status_label(s.status)}", s.id)
        self.stream_combo.setCurrentIndex(max(0, self.stream_combo.findData(data.stream_id)))
        self._loading = False
        self.stream_id = self.stream_combo.currentData()
        self._show_script(data.view if self.stream_id == data.stream_id else None)

    def _stream_changed(self) -> None:
        if self._loading:
            return
        self.flush_draft()
        self.stream_id = self.stream_combo.currentData()
        self._editing_id = None
        self.show_when_reachable(self.load_script)
        if self.stream_id is not None:
            self.stream_picked.emit(self.stream_id)

    def select_stream(self, stream_id: int) -> None:
        index = self.stream_combo.findData(stream_id)
        if index >= 0:
            self.stream_combo.setCurrentIndex(index)
        elif stream_id != self.stream_id:  # newer than this tab's list (its refresh is still reading): read now
            self.stream_id = stream_id
            self.reload()

    def follow_stream(self, stream_id: int) -> None:
        """Another tab picked this stream: show its script (typing in progress is saved first)."""
        self.select_stream(stream_id)

    def load_script(self) -> None:
        """Read the stream's script, lineup and rehearsals in one unit of work and show them."""
        self._show_script(script_reads.script(self.db, self.stream_id) if self.stream_id is not None else None)

    def _show_script(self, view: scripts.ScriptView | None) -> None:
        """Show a stream's script as read (None: no stream, or it was deleted), keeping the selected segment and
        where the table and the timeline were scrolled to."""
        self._reads += 1
        selected = self.selected_id()
        scrolled = [(bar, bar.value()) for bar in (
            self.table.verticalScrollBar(), self.timeline_scroll.horizontalScrollBar(),
            self.timeline_scroll.verticalScrollBar())]
        same_stream = self.stream_id is not None and self.stream_id == self._stream_shown
        self._stream_shown = self.stream_id
        if self.stream_id is None:
            self.model.set_rows([], {}, [], None, 0)
            self.stream_info.setText(self.tr("No streams yet: plan one on the Schedule tab first."))
            self._after_load([])
            return
        if view is None:
            self.stream_id = None
            self.model.set_rows([], {}, [], None, 0)
            self._after_load([])
            return
        rows = [SegmentRow.from_segment(s) for s in view.segments]
        self.approved = view.approved
        self.stream_info.setText(
            f"{view.start_at.astimezone():%Y-%m-%d %H:%M} · {formatting.minutes(view.planned_minutes)} · "
            f"{stream_type_label(view.stream_type)} · {status_label(view.status)}")
        shown, self._status_shown = self._status_shown, (self.stream_id, view.status)
        if shown is not None and shown[0] == self.stream_id and shown != self._status_shown:
            self.streams_changed.emit()  # else the schedule would show (and check deletes against) the old one
        self.model.set_rows(rows, dict(view.product_names), list(view.lineup), view.start_at, view.planned_minutes * 60)
        self._show_rehearsals(view.rehearsals)
        self._after_load(rows)
        if selected is not None and self.model.row_of(selected) >= 0:
            self.select_segment(selected)
        if same_stream:
            for bar, value in scrolled:
                bar.setValue(value)

    def _after_load(self, rows: list[SegmentRow]) -> None:
        self.approve_action.blockSignals(True)
        self.approve_action.setChecked(self.approved)
        self.approve_action.blockSignals(False)
        has_stream = self.stream_id is not None
        for widget in (self.template_button, self.pitch_button):
            widget.setEnabled(has_stream)
        for action in (self.add_action, self.approve_action, self.mark_action):
            action.setEnabled(has_stream)
        self.rehearse_action.setEnabled(bool(rows))
        self.add_to_pool_action.setEnabled(bool(self.model.unmatched_names()))
        self._update_detail()

    def _show_rehearsals(self, reports: list[scripts.RehearsalReport]) -> None:
        self.side.show_rehearsals(reports)

    # --- rows, issues, compliance ----------------------------------------------------------------------

    def _rows_changed(self) -> None:
        rows = self.model.rows()
        issues = self.timeline.issues
        parts = []
        gaps = [i for i in issues if i.kind == "gap"]
        overlaps = [i for i in issues if i.kind == "overlap"]
        over = [i for i in issues if i.kind == "over_slot"]
        if gaps:
            parts.append(self.tr("%n gap(s)", "", len(gaps)))
        if overlaps:
            parts.append(self.tr("%n overlap(s)", "", len(overlaps)))
        if over:
            parts.append(self.tr("over the slot by {0}").format(mmss(int(over[0].seconds))))
        if parts:
            self.issues_label.setText("⚠ " + " · ".join(parts))
            theme.set_style(self.issues_label, "color: $bad; font-weight: 600;")
        elif rows:
            self.issues_label.setText(self.tr("✓ No gaps or overlaps; the script fits the slot."))
            theme.set_style(self.issues_label, "color: $good;")
        else:
            self.issues_label.setText("")
        total = sum(r.duration_seconds for r in rows)
        self.count_label.setText(self.tr("%n segment(s)", "", len(rows)) + f" · {timeline.clock(total)}"
                                 + (" · " + self.tr("approved") if self.approved else ""))
        self.refresh_findings()

    def refresh_findings(self) -> None:
        """Findings over the rows as they are, the detail editor's unsaved text included."""
        rows = self.model.rows()
        if self._editing_id is not None and self.model.row_of(self._editing_id) >= 0:
            i = self.model.row_of(self._editing_id)
            rows[i] = replace(rows[i], host_lines=self.host_edit.toPlainText())
        self.findings = compliance.check_segments(rows, self.terms) if self.terms is not None else []
        flagged: dict[int, int] = {}
        for f in self.findings:
            if f.segment_id is not None:
                flagged[f.segment_id] = flagged.get(f.segment_id, 0) + 1
        if flagged != self.model.flagged:  # a keystroke that changes no count repaints no timeline
            self.model.set_flagged(flagged)
            self.timeline.update()
        shown = [(f.segment_title, f.field, f.term, f.category, f.severity, f.suggestion, f.rule) for f in self.findings]
        if shown == self._shown_findings:
            return  # the same rows (only offsets moved): keep the panel as it is
        self._shown_findings = shown
        rules = compliance.legal_rules()
        labels: dict[tuple[str, str], str] = {}

        def label(kind: str, value: str) -> str:
            if (kind, value) not in labels:
                labels[kind, value] = {"field": field_label, "category": category_label,
                                       "severity": severity_label}[kind](value)
            return labels[kind, value]

        self.findings_model.set_rows(
            [[title, label("field", field), term, label("category", category), label("severity", severity),
              suggestion] for title, field, term, category, severity, suggestion, _rule in shown],
            bad_rows={i for i, f in enumerate(self.findings) if f.severity == "error"},
            tooltips={i: rules[f.rule].source for i, f in enumerate(self.findings) if f.rule in rules})
        self.side.setTabText(1, self.tr("Compliance (%n)", "", len(self.findings)))

    def _finding_activated(self, index) -> None:
        finding = self.findings[index.row()]
        if finding.segment_id is not None:
            self.select_segment(finding.segment_id)
            if finding.field == "host_lines":
                self.side.setCurrentIndex(0)
                cursor = self.host_edit.textCursor()
                text = self.host_edit.toPlainText()  # Qt counts UTF-16 units: an emoji before the word counts two
                cursor.setPosition(utf16_index(text, finding.start))
                cursor.setPosition(utf16_index(text, finding.end), cursor.MoveMode.KeepAnchor)
                self.host_edit.setTextCursor(cursor)
                self.host_edit.setFocus()

    # --- selection and the detail editor ------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(SEGMENT_ID_ROLE) if rows else None

    def select_segment(self, segment_id: int) -> None:
        row = self.model.row_of(segment_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _selection_changed(self) -> None:
        self.flush_draft()
        segment_id = self.selected_id()
        self.timeline.select(segment_id)
        if segment_id is not None:
            rect = self.timeline.block_rect(segment_id)
            self.timeline_scroll.ensureVisible(int(rect.center().x()), int(rect.center().y()),
                                               int(rect.width() / 2) + 20, 20)
        self._update_detail()

    def _update_detail(self) -> None:
        segment_id = self.selected_id()
        has = segment_id is not None
        for action in (self.delete_action, self.up_action, self.down_action):
            action.setEnabled(has)
        self.host_edit.setEnabled(has)
        self._editing_id = None
        self.host_edit.blockSignals(True)
        if not has:
            self.host_edit.setPlainText("")
            if self.stream_id is not None and not self.model.rowCount():
                self.detail_title.setText(self.tr(
                    "This stream has no script yet. Start from a template (New from template), import your "
                    "team's Excel script (Import…), or add segments one by one."))
            else:
                self.detail_title.setText(self.tr("Select a segment to edit its host lines."))
        else:
            r = self.model.row_at(self.model.row_of(segment_id))
            self.detail_title.setText(f"{segment_kind_label(r.kind)} · {r.title} · "
                                      f"{timeline.clock(r.start_seconds)} + {mmss(r.duration_seconds)}")
            if self.host_edit.toPlainText() != r.host_lines:
                self.host_edit.setPlainText(r.host_lines)
        self.host_edit.blockSignals(False)
        self._editing_id = segment_id
        self._update_detail_findings()

    def _update_detail_findings(self) -> None:
        if self._editing_id is None or self.terms is None:
            self.detail_findings.setText("")
            return
        found = compliance.check_text(self.host_edit.toPlainText(), self.terms)
        if found:
            text = "⚠ " + "；".join(
                f"{f.term}（{severity_label(f.severity)}）→ {f.suggestion}" if f.suggestion else f.term for f in found)
            if text != self.detail_findings.text():  # typing that changes no finding relays out nothing
                self.detail_findings.setText(text)
                risky = any(f.severity != "note" for f in found)
                theme.set_style(self.detail_findings, "color: $bad;" if risky else "color: $muted;")
        else:
            self.detail_findings.setText(self.tr("✓ No risky words in the host lines."))
            theme.set_style(self.detail_findings, "color: $good;")

    def _host_text_changed(self) -> None:
        if self._editing_id is None:
            return
        self._update_detail_findings()
        self.refresh_findings()
        if not self._draft_only:
            self.draft_timer.start()

    def commit_pending(self) -> bool:
        """Before the window's Undo or Redo: typing not saved yet becomes its own step first. False when that
        save was refused or has to wait: the Undo press then does nothing more."""
        return self.flush_draft()

    def flush_draft(self) -> bool:
        """Save the detail editor's text now if it differs from the segment's (one undo step per pause).
        False when that save did not happen now (refused, or waiting for another step)."""
        self.draft_timer.stop()
        if self._editing_id is None or self._draft_only:
            return True
        row = self.model.row_of(self._editing_id)
        if row < 0:
            return True
        text = self.host_edit.toPlainText()
        if text != self.model.row_at(row).host_lines:
            return self.commit_edit(self._editing_id, "host_lines", text, mergeable=True)
        return True

    def _focus_editor(self, segment_id: int) -> None:
        self.select_segment(segment_id)
        self.side.setCurrentIndex(0)
        self.host_edit.setFocus()

    # --- editing ------------------------------------------------------------------------------------------

    def _changed(self) -> None:
        self.load_script()

    def _push(self, command: cmd._ScriptCommand) -> bool:
        """Save the edit now and put it on the undo stack only if it was saved (as `push_command` does): a
        refused edit leaves the stack and its redo side untouched. True when saved.

        While a step of another command runs (its conflict question runs a nested event loop, in which a
        timer or a finished background task may ask for an edit), the edit waits and is saved once that step
        is over (False here)."""
        if self._busy:
            self._waiting.append(command)
            return False
        command.on_error = lambda exc, command=command: self.teammates.command_failed(command, exc)
        command.on_conflict = self.teammates.ask_conflict
        command.on_step = self._step
        command.run_first()
        if command.error is not None:
            return False
        self.undo_stack.push(command)  # its first redo already ran: the push does not repeat it
        return True

    def _step(self, running: bool) -> None:
        """A command's step starts or ends. Meanwhile Edit ▸ Undo/Redo are off (the stack is not the group's
        active one) and new edits wait (see _push)."""
        self._busy += 1 if running else -1
        if running and self._busy == 1:
            self._was_active = self.undo_stack.isActive()
            self.undo_stack.setActive(False)
        elif not running and self._busy == 0:
            if self._was_active:
                self.undo_stack.setActive(True)
            if self._waiting:
                QTimer.singleShot(0, self._push_waiting)
            if self._refresh_after_step:
                self._refresh_after_step = False
                QTimer.singleShot(0, self.refresh)

    def _push_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for command in waiting:
            self._push(command)

    def commit_edit(self, segment_id: int, field: str, value: Any, mergeable: bool = False) -> bool:
        if self.stream_id is None:
            return False
        row = self.model.row_at(self.model.row_of(segment_id))
        before = getattr(row, field)
        names = {"kind": self.tr("type"), "title": self.tr("title"), "start_seconds": self.tr("start"),
                 "duration_seconds": self.tr("duration"), "product_id": self.tr("product"),
                 "host_lines": self.tr("host lines"), "cues": self.tr("cues"), "props": self.tr("props"),
                 "bgm": self.tr("BGM"), "notes": self.tr("notes")}
        text = self.tr("Edit {0} of “{1}”").format(names.get(field, field), row.title)
        return self._push(cmd.EditSegment(self.db, self.stream_id, segment_id, field, before, value, text,
                                          self._changed, mergeable))

    def _layout(self) -> scripts.Layout:
        """The running order and times the table shows."""
        return [(r.id, r.start_seconds, r.duration_seconds) for r in self.model.rows()]

    def set_times(self, spans: list, seen: list | None = None) -> None:
        """Save a drag: `spans` lists (segment id, start, duration) (the timeline's form), or (start, duration)
        for every segment of `seen`, in its order. `seen` is the layout the user saw, [(id, start, duration)]:
        the timeline's as the drag began (a reload may come while the mouse is down); None: the table's now.
        Only the segments whose times changed are written, by id; the command is refused if someone else
        changed the layout since `seen`."""
        if self.stream_id is None:
            return
        seen = [(int(i), int(s), int(d)) for i, s, d in seen] if seen is not None else self._layout()
        widths = {len(span) for span in spans}
        if widths == {3}:
            wanted = {int(i): (s, d) for i, s, d in spans}
        elif widths <= {2} and len(spans) == len(seen):
            wanted = {i: (s, d) for (i, _, _), (s, d) in zip(seen, spans, strict=True)}
        else:
            raise ValueError(f"set_times: {len(spans)} spans {sorted(widths)} wide for {len(seen)} segments")
        shown = {i: (s, d) for i, s, d in seen}
        after = {i: span for i, span in wanted.items() if shown.get(i) != tuple(span)}
        if after:
            self._push(cmd.SetTimes(self.db, self.stream_id, seen, after, self.tr("Change segment times"),
                                    self._changed))

    def reorder(self, segment_id: int, new_position: int, seen: list | None = None) -> None:
        """Move a segment to `new_position` in the running order `seen` (the timeline's as the drag began;
        None: the table's now); refused if someone else changed that order since."""
        if self.stream_id is None:
            return
        row = self.model.row_of(segment_id)
        if row < 0:  # the window was reloaded during the drag: someone else deleted the segment
            self.status_message.emit(self.teammates.gone_text(self.tr("Move segment")), 10000)
            return
        seen = [(int(i), int(s), int(d)) for i, s, d in seen] if seen is not None else self._layout()
        self._push(cmd.MoveSegment(self.db, self.stream_id, segment_id, new_position,
                                   self.tr("Move “{0}”").format(self.model.row_at(row).title), self._changed, seen))
        self.select_segment(segment_id)

    def move_selected(self, step: int) -> None:
        segment_id = self.selected_id()
        if segment_id is None:
            return
        row = self.model.row_of(segment_id)
        target = row + step
        if 0 <= target < self.model.rowCount():
            self.reorder(segment_id, target)

    def add_segment(self, values: dict[str, Any] | None = None, text: str | None = None) -> None:
        """A new segment after the selected one (by id, wherever teammates moved it), or at the end."""
        if self.stream_id is None:
            return
        values = values or {"kind": "interaction", "title": self.tr("New segment"), "duration_seconds": 300}
        command = cmd.AddSegment(self.db, self.stream_id, self.selected_id(), values,
                                 text or self.tr("Add segment"), self._changed)
        if self._push(command) and command.segment_id is not None:
            self.select_segment(command.segment_id)

    def _fill_pitch_menu(self) -> None:
        self.pitch_menu.clear()
        unmatched = self.model.unmatched_names()
        if not self.model.lineup and not unmatched:
            action = self.pitch_menu.addAction(self.tr("The stream's lineup is empty"))
            action.setEnabled(False)
        for product_id, name in self.model.lineup:
            action = self.pitch_menu.addAction(name)
            action.triggered.connect(lambda _c=False, pid=product_id: self.insert_pitch(pid))
        if unmatched:  # named by the imported script, not in the pool yet: a pitch that keeps the name
            self.pitch_menu.addSeparator()
            for name in unmatched:
                action = self.pitch_menu.addAction(self.tr("{0} (not in pool)").format(name))
                action.triggered.connect(lambda _c=False, n=name: self.insert_pitch_for_name(n))

    def insert_pitch(self, product_id: int) -> None:
        """A product-pitch segment after the selected one, host lines from selling points and FAQ."""
        if self.stream_id is None:
            return
        draft = self.read_now(lambda: script_reads.pitch(self.db, self.stream_id, product_id))
        if draft is None:  # not found, or the team server is away (said)
            return
        name, lines, link = draft.name, draft.host_lines, draft.link_number
        values = {"kind": "pitch", "title": self.tr("Pitch: {0}").format(name), "duration_seconds": 600,
                  "product_id": product_id, "host_lines": lines,
                  "cues": self.tr("Link {0} up").format(link) if link else ""}
        self.add_segment(values, self.tr("Insert pitch for {0}").format(name))

    def insert_pitch_for_name(self, name: str) -> None:
        """A pitch segment for a product the script names that the pool lacks: it keeps the name (Add to pool
        links it later); the host lines start with the name, as for a pool product, for the team to write on."""
        values = {"kind": "pitch", "title": self.tr("Pitch: {0}").format(name), "duration_seconds": 600,
                  "product_name": name, "host_lines": scripts.pitch_head(name)}
        self.add_segment(values, self.tr("Insert pitch for {0}").format(name))

    def delete_segment(self) -> None:
        segment_id = self.selected_id()
        if segment_id is None or self.stream_id is None:
            return
        row = self.model.row_at(self.model.row_of(segment_id))
        seen = {name: getattr(row, name) for name in scripts.SEGMENT_FIELDS}  # refused if a teammate changed it
        if self._push(cmd.DeleteSegment(self.db, self.stream_id, segment_id, self.tr("Delete “{0}”").format(row.title),
                                        self._changed, seen)):
            self.status_message.emit(self.tr("Deleted. Press Ctrl+Z to undo."), 5000)

    def build_from_template(self, key: str) -> None:
        if self.stream_id is None:
            return
        seen = self._seen_script()  # what the user is asked to replace
        if self.model.rowCount() and not self.confirm(
            self.tr("Replace the script?"),
            self.tr("The script has %n segment(s). Building from the template replaces all of them "
                    "(Ctrl+Z brings them back).", "", self.model.rowCount()),
            "replaceScript",
        ):
            return
        stream_id = self.stream_id
        names = {"daily": self.tr("daily"), "special": self.tr("special"), "big_promotion": self.tr("big promotion")}
        self._push(cmd.ScriptFromTemplate(self.db, stream_id, key,
                                          self.tr("Script from the {0} template").format(names.get(key, key)),
                                          self._changed, seen))

    def _seen_script(self) -> list[dict[str, Any]]:
        """The script the table shows (a `snapshot_script`): what replacing or approving it is checked against."""
        return [{name: getattr(r, name) for name in scripts.SEGMENT_FIELDS} for r in self.model.rows()]

    def toggle_approved(self) -> None:
        if self.stream_id is None:
            return
        approved = self.approve_action.isChecked()
        if not self.flush_draft():  # the host lines typed so far are part of what is approved
            self.approve_action.setChecked(self.approved)
            return
        risky = compliance.blocking(self.findings)  # notes never hold an approval up
        if approved and risky and not self.confirm(
            self.tr("Approve with risky words?"),
            self.tr("The checker found %n risky word(s) in this script. Approve it anyway?", "", len(risky)),
            "approveWithFindings",
        ):
            self.approve_action.setChecked(False)
            return
        self._push(cmd.SetApproved(self.db, self.stream_id, approved,
                                   self.tr("Approve script") if approved else self.tr("Withdraw approval"),
                                   self._changed, self._seen_script()))

    def mark_rehearsed(self) -> bool:
        """Set the stream to 彩排 (rehearsed), asking first when problems are not resolved (ui/script/rehearsal.py)."""
        from livedesk.ui.script.rehearsal import MarkRehearsed

        return MarkRehearsed(self).run()

    def _confirm(self, title: str, text: str, name: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName(name)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def open_word_list(self) -> None:
        from livedesk.ui.script.word_list import WordListDialog

        dialog = WordListDialog(self.db, self)
        dialog.terms_changed.connect(self.apply_word_list)  # open scripts follow each change at once
        dialog.exec()

    def apply_word_list(self) -> None:
        """Re-read the word list and re-check the open script, the unsaved host lines included."""
        self.terms = script_reads.terms(self.db)
        self.highlighter.set_terms(self.terms)
        self._update_detail_findings()
        self.refresh_findings()

    # --- rehearsal ------------------------------------------------------------------------------------------

    def start_rehearsal(self):
        from livedesk.ui.script.rehearsal import RehearsalDialog

        if self.stream_id is None or not self.model.rowCount():
            return None
        self.flush_draft()
        if self.rehearsal_dialog is not None:
            self.rehearsal_dialog.close()
            self.rehearsal_dialog.deleteLater()
        dialog = RehearsalDialog(self.db, self.stream_id, self.model.rows(), self.clock, self)
        dialog.finished_rehearsal.connect(lambda _id: self.load_script())
        self.rehearsal_dialog = dialog
        dialog.show()
        dialog.setFocus()
        return dialog

    # --- import / export (ui/script/files.py) ----------------------------------------------------------------

    def import_script(self, path: str | None = None) -> None:
        self.files.import_script(path)

    def add_to_pool(self, details=(), seen: list[dict[str, Any]] | None = None) -> bool:
        """Create the products the script names that the pool lacks, put them on the lineup and link their
        segments: one undoable step."""
        return self.files.add_to_pool(details, seen)

    def export_script(self, path: str | None = None) -> None:
        self.files.export_script(path)

    # --- zoom and screenshots -------------------------------------------------------------------------

    def fit_timeline(self) -> None:
        self.timeline.fit_width(self.timeline_scroll.viewport().width())

    def prepare_screenshot(self) -> None:
        """A demo stream's script with the timeline fitted and a risky word typed (not saved) into a pitch."""
        if self.stream_id is None or not self.model.rowCount():
            return
        self.fit_timeline()
        rows = self.model.rows()
        pitch = next((r for r in rows if r.kind == "pitch"), rows[0])
        self.select_segment(pitch.id)
        self._draft_only = True  # the gallery shows the checker at work; nothing is written
        cursor = self.host_edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        cursor.insertText("这是全网最低价，顶级工艺！\n")
        self.side.setCurrentIndex(0)

