"""The script tab (直播脚本): one stream's run of show as a table and a timeline of the same model.

Every edit is an undoable command saved at once. The compliance panel and the host-lines
highlighter use one compiled word list (cached; rebuilt when the list changes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from livedesk.config import Paths
from livedesk.models import LineupItem, Product, Stream
from livedesk.services import compliance, schedule, script_pool, scripts
from livedesk.services.db import Database
from livedesk.ui import formatting, theme
from livedesk.ui.errors import show_error
from livedesk.ui.labels import status_label, stream_type_label
from livedesk.ui.script import commands as cmd
from livedesk.ui.script.delegates import KindDelegate, ProductDelegate
from livedesk.ui.script.highlighter import ComplianceHighlighter, utf16_index
from livedesk.ui.script.labels import (
    SEGMENT_KINDS,
    category_label,
    field_label,
    mmss,
    segment_kind_label,
    severity_label,
)
from livedesk.ui.script.table_model import SEGMENT_ID_ROLE, SegmentRow, SegmentTableModel
from livedesk.ui.script.timeline_view import TimelineView
from livedesk.ui.tab_base import Tab
from livedesk.ui.tasks import run_task
from livedesk.ui.widgets.actions import add_tab_action
from livedesk.ui.widgets.rows_model import RowsTableModel

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

        toolbar = QToolBar()
        toolbar.setObjectName("scriptToolbar")
        self.template_button = QToolButton()
        self.template_button.setText(self.tr("New from template"))
        self.template_button.setObjectName("templateButton")
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.template_menu = QMenu(self.template_button)
        for key, text in (("daily", self.tr("Daily stream (2 h)")), ("special", self.tr("Special (3 h)")),
                          ("big_promotion", self.tr("Big promotion (6 h)"))):
            action = self.template_menu.addAction(text)
            action.setObjectName(f"template_{key}")
            action.triggered.connect(lambda _c=False, key=key: self.build_from_template(key))
        self.template_button.setMenu(self.template_menu)
        toolbar.addWidget(self.template_button)
        self.add_action = self._add_action(toolbar, self.tr("Add segment"), self.add_segment, "Ctrl+Shift+N", "addSegment")
        self.pitch_button = QToolButton()
        self.pitch_button.setText(self.tr("Insert product pitch"))
        self.pitch_button.setObjectName("pitchButton")
        self.pitch_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pitch_menu = QMenu(self.pitch_button)
        self.pitch_menu.aboutToShow.connect(self._fill_pitch_menu)
        self.pitch_button.setMenu(self.pitch_menu)
        toolbar.addWidget(self.pitch_button)
        self.delete_action = self._add_action(toolbar, self.tr("Delete segment"), self.delete_segment, None, "deleteSegment")
        self.up_action = self._add_action(toolbar, self.tr("Move up"), lambda: self.move_selected(-1), None, "moveUp")
        self.down_action = self._add_action(toolbar, self.tr("Move down"), lambda: self.move_selected(1), None, "moveDown")
        toolbar.addSeparator()
        self._add_action(toolbar, self.tr("Word list…"), self.open_word_list, None, "wordList")
        self.approve_action = self._add_action(toolbar, self.tr("Approved"), self.toggle_approved, None, "approve")
        self.approve_action.setCheckable(True)
        self.rehearse_action = self._add_action(toolbar, self.tr("Rehearse"), self.start_rehearsal, "F5", "rehearse")
        self.mark_action = self._add_action(toolbar, self.tr("Mark rehearsed"), self.mark_rehearsed, None, "markRehearsed")
        toolbar.addSeparator()
        self._add_action(toolbar, self.tr("Import…"), self.import_script, None, "importScript")
        self.add_to_pool_action = self._add_action(toolbar, self.tr("Add to pool"), self.add_to_pool, None,
                                                   "addToPool")
        self.add_to_pool_action.setToolTip(self.tr(
            "Link the products this script names to the product pool, creating those it does not hold yet, and "
            "put them on the lineup"))
        self._add_action(toolbar, self.tr("Export…"), self.export_script, None, "exportScript")
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

        self.side = QTabWidget()
        self.side.setObjectName("scriptSide")
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(4, 4, 4, 4)
        self.detail_title = QLabel()
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setStyleSheet("font-weight: 600; font-size: 14px;")
        self.detail_title.setWordWrap(True)
        details_layout.addWidget(self.detail_title)
        details_layout.addWidget(QLabel(self.tr("Host lines (话术)")))
        self.host_edit = QPlainTextEdit()
        self.host_edit.setObjectName("hostLinesEditor")
        self.host_edit.setPlaceholderText(self.tr("What the host says in this segment…"))
        self.highlighter = ComplianceHighlighter(self.host_edit.document())
        self.host_edit.textChanged.connect(self._host_text_changed)
        details_layout.addWidget(self.host_edit, 3)
        self.detail_findings = QLabel()
        self.detail_findings.setObjectName("detailFindings")
        self.detail_findings.setWordWrap(True)
        details_layout.addWidget(self.detail_findings)
        self.side.addTab(details, self.tr("Segment"))

        self.findings_model = RowsTableModel([self.tr("Segment"), self.tr("Field"), self.tr("Term"),
                                              self.tr("Risk category"), self.tr("Severity"), self.tr("Suggestion")],
                                             parent=self)
        self.findings_view = QTableView()
        self.findings_view.setObjectName("findingsTable")
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings_view.verticalHeader().hide()
        self.findings_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate([150, 80, 70, 110, 70]):
            self.findings_view.setColumnWidth(column, width)
        self.findings_view.doubleClicked.connect(self._finding_activated)
        self.side.addTab(self.findings_view, self.tr("Compliance"))

        self.rehearsals_model = RowsTableModel([self.tr("Rehearsal"), self.tr("Segment"), self.tr("Planned time"),
                                                self.tr("Actual"), self.tr("Difference")], parent=self)
        self.rehearsals_view = QTableView()
        self.rehearsals_view.setObjectName("rehearsalsTable")
        self.rehearsals_view.setModel(self.rehearsals_model)
        self.rehearsals_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rehearsals_view.verticalHeader().hide()
        self.rehearsals_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.side.addTab(self.rehearsals_view, self.tr("Rehearsals"))

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

    def _add_action(self, toolbar: QToolBar, text: str, slot, shortcut, name: str) -> QAction:
        return add_tab_action(self, toolbar, text, slot, shortcut, name)

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

    def reload(self) -> None:
        """Streams into the picker (past planning first), then the chosen stream's script."""
        with self.db.session() as session:
            streams = schedule.list_streams(session)
            self.terms = compliance.term_set(session)
        self.highlighter.set_terms(self.terms)
        ready = [s for s in streams if s.status != "planned"]
        planned = [s for s in streams if s.status == "planned"]
        ready.sort(key=lambda s: s.start_at)
        planned.sort(key=lambda s: s.start_at)
        self.streams = ready + planned
        current = self.stream_id
        if current is None or all(s.id != current for s in self.streams):
            current = self._default_stream(ready, planned)
        self._loading = True
        self.stream_combo.clear()
        for s in self.streams:
            stamp = s.start_at.astimezone().strftime("%m-%d %H:%M")
            self.stream_combo.addItem(f"{stamp} · {s.title} · {status_label(s.status)}", s.id)
        self.stream_combo.setCurrentIndex(max(0, self.stream_combo.findData(current)))
        self._loading = False
        self.stream_id = self.stream_combo.currentData()
        self.load_script()

    @staticmethod
    def _default_stream(ready: list[schedule.StreamData], planned: list[schedule.StreamData]) -> int | None:
        now = dt.datetime.now().astimezone()
        upcoming = [s for s in ready if s.start_at + dt.timedelta(minutes=s.planned_minutes) >= now]
        if upcoming:
            return upcoming[0].id
        if ready:
            return ready[-1].id
        return planned[0].id if planned else None

    def _stream_changed(self) -> None:
        if self._loading:
            return
        self.flush_draft()
        self.stream_id = self.stream_combo.currentData()
        self._editing_id = None
        self.load_script()
        if self.stream_id is not None:
            self.stream_picked.emit(self.stream_id)

    def select_stream(self, stream_id: int) -> None:
        index = self.stream_combo.findData(stream_id)
        if index >= 0:
            self.stream_combo.setCurrentIndex(index)

    def follow_stream(self, stream_id: int) -> None:
        """Another tab picked this stream: show its script (typing in progress is saved first)."""
        self.select_stream(stream_id)

    def load_script(self) -> None:
        """Read the stream's script, lineup and rehearsals in one unit of work and show them."""
        selected = self.selected_id()
        if self.stream_id is None:
            self.model.set_rows([], {}, [], None, 0)
            self.stream_info.setText(self.tr("No streams yet: plan one on the Schedule tab first."))
            self._after_load([])
            return
        with self.db.session() as session:
            stream = session.get(Stream, self.stream_id)
            if stream is None:
                self.stream_id = None
                self.model.set_rows([], {}, [], None, 0)
                self._after_load([])
                return
            segments = scripts.list_segments(session, self.stream_id)
            rows = [SegmentRow.from_segment(s) for s in segments]
            script = scripts.get_script(session, self.stream_id)
            self.approved = bool(script and script.approved)
            items = session.query(LineupItem).filter(LineupItem.stream_id == self.stream_id).order_by(
                LineupItem.position, LineupItem.id).all()
            lineup = [(i.product_id, i.product.name) for i in items]
            products = dict(lineup)
            for r in rows:
                if r.product_id is not None and r.product_id not in products:
                    product = session.get(Product, r.product_id)
                    products[r.product_id] = product.name if product else "?"
            info = (f"{stream.start_at.astimezone():%Y-%m-%d %H:%M} · {formatting.minutes(stream.planned_minutes)} · "
                    f"{stream_type_label(stream.stream_type)} · {status_label(stream.status)}")
            start_at, slot = stream.start_at, stream.planned_minutes * 60
            rehearsals = scripts.list_rehearsals(session, self.stream_id)
        self.stream_info.setText(info)
        shown, self._status_shown = getattr(self, "_status_shown", None), (self.stream_id, stream.status)
        if shown is not None and shown[0] == self.stream_id and shown != self._status_shown:
            self.streams_changed.emit()  # else the schedule would show (and check deletes against) the old one
        self.model.set_rows(rows, products, lineup, start_at, slot)
        self._show_rehearsals(rehearsals)
        self._after_load(rows)
        if selected is not None and self.model.row_of(selected) >= 0:
            self.select_segment(selected)

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
        rows, bad = [], set()
        for n, report in enumerate(reports):
            label = self.tr("#{0} · {1}").format(len(reports) - n, report.started_at.astimezone().strftime("%m-%d %H:%M"))
            state = "" if report.finished_at else self.tr(" (not finished)")
            if report.finished_at and report.partial:
                state = self.tr(" (partial: {0} of {1} segments)").format(report.rehearsed_count, report.segment_count)
            whole = self.tr("Rehearsed segments") if report.partial else self.tr("Whole script")
            rows.append([label + state, whole, scripts.timeline.clock(report.planned_seconds),
                         scripts.timeline.clock(report.actual_seconds),
                         _signed(report.actual_seconds - report.planned_seconds)])
            for r in report.rows:
                if r.difference is not None and r.difference > 0:
                    bad.add(len(rows))
                rows.append(["", r.title, scripts.timeline.clock(r.planned_seconds),
                             "—" if r.actual_seconds is None else scripts.timeline.clock(r.actual_seconds),
                             "" if r.difference is None else _signed(r.difference)])
        self.rehearsals_model.set_rows(rows, bad_rows=bad)
        self.side.setTabText(2, self.tr("Rehearsals (%n)", "", len(reports)))

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
        self.count_label.setText(self.tr("%n segment(s)", "", len(rows)) + f" · {scripts.timeline.clock(total)}"
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
                                      f"{scripts.timeline.clock(r.start_seconds)} + {mmss(r.duration_seconds)}")
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
        command.on_error = lambda exc, command=command: self._command_failed(command, exc)
        command.on_conflict = self._ask_conflict
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

    def _push_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for command in waiting:
            self._push(command)

    # --- teammates' changes ------------------------------------------------------------------------------

    def _command_failed(self, command: cmd._ScriptCommand, exc: BaseException) -> None:
        """A step was refused or failed: nothing was saved, the script was reloaded and the step left the
        undo history. Say why."""
        if isinstance(exc, scripts.SegmentGoneError):
            if isinstance(command, cmd.DeleteSegment) and command.step == "redo":
                text = self.tr("Someone else already deleted this segment; nothing was changed.")
            elif isinstance(command, cmd.AddSegment) and command.step == "redo":
                text = self.tr("Someone else deleted the segment you selected, so nothing was added. "
                               "Select where the new segment goes and add it again.")
            elif command.step == "redo":
                text = self._gone_text(command.label)
            else:
                text = self.tr("Someone else deleted the segment that “{0}” changes; nothing was changed and the "
                               "step left the undo history.").format(command.label)
            self.status_message.emit(text, 10000)
        elif isinstance(exc, cmd.CONFLICTS):  # the user saw both versions and kept theirs (as the other tabs say it)
            if isinstance(command, cmd.SetApproved) and command.approved != (command.step == "undo"):
                text = self.tr("Not approved: someone else changed the script. Review their changes first.")
            elif command.step != "redo":
                text = self.tr("Kept their version: this step can no longer be undone or redone, so it left the "
                               "undo history.")
            elif isinstance(command, cmd.DeleteSegment):
                text = self.tr("Kept: nothing was deleted.")
            else:
                text = self.tr("Reloaded: your change was discarded.")
            self.status_message.emit(text, 10000)
        else:
            show_error(self, exc)

    def _gone_text(self, label: str) -> str:
        return self.tr("Someone else deleted the segment, so “{0}” was not saved.").format(label)

    def _ask_conflict(self, command: cmd._ScriptCommand, error: scripts.ScriptError) -> bool:
        """Someone else changed what this step would write: show both versions. True: Overwrite (write mine
        on top of theirs); False: Reload (keep theirs, drop the step)."""
        from livedesk.ui import conflict_dialog

        self.draft_timer.stop()  # typing saved while the question is open would push in the middle of this step
        rows = self._conflict_rows(command, error)
        if isinstance(command, cmd.SetApproved):
            texts = self._approve_texts()
        elif command.step in ("undo", "replay"):
            texts = conflict_dialog.replay_texts(command.step == "undo")
        elif isinstance(command, cmd.DeleteSegment):
            texts = conflict_dialog.delete_texts()
        else:
            texts = {}
        return conflict_dialog.ask_overwrite(self, self._conflict_subject(command), rows, **texts)

    def _approve_texts(self) -> dict[str, str]:
        """The conflict dialog's texts when approving a script that someone else changed since it was seen."""
        return {
            "intro": self.tr("<b>{0}</b> was changed by someone else after you last saw it. Approving it now would "
                             "approve changes nobody reviewed. Nothing has been approved yet. Compare:"),
            "note": self.tr("Don't approve: nothing is saved and the tab shows their version to review. Approve "
                            "anyway: approve the script with their changes."),
            "reload_text": self.tr("Don't approve"),
            "overwrite_text": self.tr("Approve anyway"),
            "result_header": self.tr("Approved"),
        }

    def _conflict_subject(self, command: cmd._ScriptCommand) -> str:
        """What the dialog names: the segment, or the script for a change of times, order or the whole."""
        data = getattr(command, "data", None)
        if isinstance(command, (cmd.AddSegment, cmd.DeleteSegment)) and data:
            return data["title"]
        if isinstance(command, cmd.EditSegment) and self.model.row_of(command.segment_id) >= 0:
            return self.model.row_at(self.model.row_of(command.segment_id)).title
        if isinstance(command, cmd.DeleteSegment) and command.seen:
            return command.seen["title"]
        if isinstance(command, (cmd.SetTimes, cmd.MoveSegment, cmd.ReplaceScript, cmd.SetApproved, cmd.AddToPool)):
            return self.tr("The script")
        return command.label

    def _field_name(self, field: str) -> str:
        return {"kind": self.tr("type"), "start_seconds": self.tr("start"), "duration_seconds": self.tr("duration"),
                "product_id": self.tr("product"), "product_name": self.tr("product not in pool")}.get(field) or \
            field_label(field)

    def _show_value(self, field: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if field == "kind":
            return segment_kind_label(str(value))
        if field in ("start_seconds", "duration_seconds"):
            return mmss(int(value))
        if field == "product_id":
            return self.model.products.get(value) or str(value)
        return str(value)

    def _conflict_rows(self, command: cmd._ScriptCommand, error: scripts.ScriptError) -> list:
        from livedesk.ui.conflict_dialog import ConflictRow, deletion_rows

        if isinstance(command, cmd.EditSegment) and isinstance(error, scripts.SegmentChangedError):
            mine = command.before if command.step == "undo" else command.after
            show = self._show_value
            return [ConflictRow(self._field_name(command.field), show(command.field, mine),
                                show(command.field, error.theirs), show(command.field, mine), True)]
        if not isinstance(error, scripts.ScriptChangedError):
            return []
        if (isinstance(command, cmd.DeleteSegment) and command.step != "undo"
                or isinstance(command, cmd.AddSegment) and command.step == "undo"):
            # their changes to the segment that Overwrite deletes anyway
            seen = (command.seen if isinstance(command, cmd.DeleteSegment) else command.data) or {}
            their = error.their_segment() or {}
            return deletion_rows([
                ConflictRow(self._field_name(name), self._show_value(name, seen.get(name)),
                            self._show_value(name, their.get(name)), "", True)
                for name in scripts.SEGMENT_FIELDS if seen.get(name) != their.get(name)])
        if isinstance(command, (cmd.ReplaceScript, cmd.SetApproved, cmd.AddToPool)):
            return self._script_rows(command.left or [], error.theirs, isinstance(command, cmd.ReplaceScript))
        if isinstance(command, (cmd.SetTimes, cmd.MoveSegment, cmd.DeleteSegment)):
            expected = command.left
            if isinstance(command, cmd.MoveSegment) and command.step == "redo":
                expected = command.seen or []  # the first move is checked against the order the user saw
            titles = {}
            if isinstance(command, cmd.DeleteSegment) and command.data:
                titles = {command.segment_id: command.data["title"]}  # the segment undo puts back
            return self._layout_rows(expected, error.theirs, command.preview, titles)
        return []

    def _layout_rows(self, expected: scripts.Layout, theirs: list[dict[str, Any]],
                     preview: Callable[[scripts.Layout], scripts.Layout], titles: dict[int, str]) -> list:
        """Running order and times: yours (this step applied to what you saw), theirs (stored now), and after
        Overwrite (this step applied to theirs). Red: they changed it and so does this step."""
        from livedesk.ui.conflict_dialog import ConflictRow

        titles = {r.id: r.title for r in self.model.rows()} | {s["id"]: s["title"] for s in theirs} | titles
        stored = scripts.layout_of(theirs)
        mine, result = preview(expected), preview(stored)

        def ids(layout: scripts.Layout) -> list[int]:
            return [i for i, _, _ in layout]

        def order(layout: scripts.Layout) -> str:
            return " → ".join(titles.get(i, "?") for i in ids(layout)) or "—"

        def span(layout: scripts.Layout, segment_id: int) -> tuple[int, int] | None:
            return next(((s, d) for i, s, d in layout if i == segment_id), None)

        def show(value: tuple[int, int] | None) -> str:
            return "—" if value is None else f"{scripts.timeline.clock(value[0])} + {mmss(value[1])}"

        rows = []
        if ids(mine) != ids(stored):
            rows.append(ConflictRow(self.tr("Running order"), order(mine), order(stored), order(result),
                                    ids(expected) != ids(stored)))
        for segment_id in dict.fromkeys(ids(result) + ids(mine)):
            yours, their, seen = span(mine, segment_id), span(stored, segment_id), span(expected, segment_id)
            if yours != their:
                rows.append(ConflictRow(titles.get(segment_id, "?"), show(yours), show(their),
                                        show(span(result, segment_id)), seen != their and yours != seen))
        return rows

    def _script_rows(self, expected: list[dict[str, Any]], theirs: list[dict[str, Any]], replacing: bool) -> list:
        """The whole script, segment by segment: as you saw it or this step left it (yours) and as stored now
        (theirs). Overwrite replaces the whole script (`replacing`) or keeps theirs (approving)."""
        from livedesk.ui.conflict_dialog import ConflictRow

        replaced = self.tr("(whole script replaced)")
        rows = []
        for n in range(max(len(expected), len(theirs))):
            yours = expected[n] if n < len(expected) else None
            their = theirs[n] if n < len(theirs) else None
            if yours is None or their is None:
                title = (yours or their or {}).get("title", "")
                shown = "—" if their is None else self.tr("(segment)")
                rows.append(ConflictRow(title, "—" if yours is None else self.tr("(segment)"), shown,
                                        replaced if replacing else shown, True))
                continue
            for name in scripts.SEGMENT_FIELDS:
                if yours[name] != their[name]:
                    shown = self._show_value(name, their[name])
                    rows.append(ConflictRow(f"{their['title']} · {self._field_name(name)}",
                                            self._show_value(name, yours[name]), shown,
                                            replaced if replacing else shown, True))
        if len(rows) > 40:
            more = len(rows) - 40
            rows = [*rows[:40], ConflictRow("…", "", self.tr("%n more change(s)", "", more),
                                            replaced if replacing else "", True)]
        return rows

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
            self.status_message.emit(self._gone_text(self.tr("Move segment")), 10000)
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
        with self.db.session() as session:
            product = session.get(Product, product_id)
            if product is None:
                return
            item = session.query(LineupItem).filter_by(stream_id=self.stream_id, product_id=product_id).first()
            price = item.live_price if item is not None and item.live_price is not None else None
            lines = scripts.pitch_lines(product, price)
            link = item.link_number if item is not None else None
            name = product.name
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
        self._push(cmd.ReplaceScript(self.db, stream_id, lambda s: scripts.build_from_template(s, stream_id, key),
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
        if self.stream_id is None:
            return False
        self.flush_draft()
        with self.db.session() as session:
            findings = scripts.can_mark_rehearsed(session, self.stream_id)
        if findings:
            listed = "\n".join(
                f"• {f.segment_title + ': ' if f.segment_title else ''}{f.term} ({category_label(f.category)})"
                for f in findings[:25])
            if len(findings) > 25:
                listed += "\n" + self.tr("… and %n more", "", len(findings) - 25)
            if not self.confirm(
                self.tr("Mark as rehearsed anyway?"),
                self.tr("%n problem(s) are not resolved:", "", len(findings)) + "\n\n" + listed + "\n\n"
                + self.tr("Mark the stream as rehearsed anyway?"),
                "markRehearsedConfirm",
            ):
                return False
        with self.db.session() as session:
            scripts.mark_rehearsed(session, self.stream_id)
        self.status_message.emit(self.tr("The stream is marked as rehearsed."), 5000)
        self.reload()
        return True

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
        with self.db.session() as session:
            self.terms = compliance.term_set(session)
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

    # --- import / export ------------------------------------------------------------------------------------

    def import_script(self, path: str | None = None) -> None:
        if self.stream_id is None:
            self.status_message.emit(self.tr("Choose a stream first."), 5000)
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import script"), "",
                                                  self.tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        if not path:
            return
        stream_id = self.stream_id
        from livedesk.services.importers.script_sheet import import_script_sheet, parse_script_sheet

        def check(progress, cancelled):
            with self.db.session() as session:
                parsed = parse_script_sheet(session, stream_id, path)
                addable = len(script_pool.addable(session, parsed.unmatched))
                session.rollback()
            return parsed, addable

        def done(result) -> None:
            parsed, addable = result
            self.window().unsetCursor()
            count = len(parsed.segments)
            seen = self._seen_script()  # what the user is asked to replace
            add_to_pool = False
            if parsed.unmatched:  # products the pool lacks: show them, offer to add them in the same go
                from livedesk.ui.script.import_dialog import ScriptImportDialog

                dialog = ScriptImportDialog(parsed, Path(path).name, self.model.rowCount(), self, addable)
                self.last_import_dialog = dialog
                if not dialog.exec():
                    return
                add_to_pool = dialog.add_to_pool
            elif self.model.rowCount() and not self.confirm(
                self.tr("Replace the script?"),
                self.tr("The file holds %n segment(s); importing replaces the current script "
                        "(Ctrl+Z brings it back).", "", count),
                "replaceScript",
            ):
                return
            imported = cmd.ReplaceScript(self.db, stream_id, lambda s: import_script_sheet(s, stream_id, path),
                                         self.tr("Import script from {0}").format(Path(path).name), self._changed,
                                         seen)
            if not self._push(imported):
                return
            self.status_message.emit(self.tr("Imported %n segment(s).", "", count), 5000)
            if add_to_pool:
                self.add_to_pool(parsed.unmatched, imported.left)

        def failed(exc: BaseException) -> None:
            self.window().unsetCursor()
            show_error(self, exc, self.tr("Import script"))

        self.window().setCursor(Qt.CursorShape.BusyCursor)
        run_task(check, done, failed)

    def add_to_pool(self, details=(), seen: list[dict[str, Any]] | None = None) -> bool:
        """Create the products the script names that the pool lacks, put them on the lineup and link their
        segments: one undoable step. `details`: what the imported sheet said about them (直播价, link numbers)."""
        if self.stream_id is None:
            return False
        names = self.model.unmatched_names()
        if not names and seen is None:
            self.status_message.emit(self.tr("Every product the script names is in the product pool."), 5000)
            return False
        command = cmd.AddToPool(self.db, self.stream_id, self.tr("Add to pool"), self._changed,
                                self._seen_script() if seen is None else seen, details)
        if not self._push(command):
            return False
        added = command.addition
        if added is not None:
            if added.created:
                text = self.tr("Added %n product(s) to the pool and linked their segments. Ctrl+Z takes them away.",
                               "", len(added.created))
            else:  # the pool holds them by now (e.g. the 选品表 was imported since): only the links were missing
                text = self.tr("Linked %n segment(s) to products already in the pool.", "", added.segments)
            if added.skipped:
                text += " " + self.tr("Not added: {0}.").format("、".join(added.skipped))
            self.status_message.emit(text, 8000)
        self.streams_changed.emit()  # the pool and the lineup changed: the other tabs reload
        return True

    def export_script(self, path: str | None = None) -> None:
        if self.stream_id is None:
            return
        self.flush_draft()
        if not path:
            path, chosen = QFileDialog.getSaveFileName(
                self, self.tr("Export script"), "直播脚本.xlsx",
                self.tr("Excel workbook (*.xlsx);;PDF run sheet (*.pdf)"))
            if not path:
                return
            if not path.lower().endswith((".xlsx", ".pdf")):
                path += ".pdf" if "pdf" in chosen.lower() else ".xlsx"
        stream_id = self.stream_id
        name = Path(path).name

        def done(_result) -> None:
            self.status_message.emit(self.tr("Exported the script to {0}").format(name), 5000)

        if path.lower().endswith(".pdf"):
            from livedesk.rendering.script_pdf import export_script_pdf
            from livedesk.services.run_sheet import run_sheet

            def work(progress, cancelled):  # QTextDocument and QPdfWriter lay out on any thread
                with self.db.session() as session:
                    sheet = run_sheet(session, stream_id)
                return export_script_pdf(sheet, path)
        else:
            from livedesk.services.exporters.script_sheet import export_script_sheet

            def work(progress, cancelled):
                with self.db.session() as session:
                    return export_script_sheet(session, stream_id, path)

        run_task(work, done, lambda exc: show_error(self, exc, self.tr("Export script")))

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


def _signed(seconds: float) -> str:
    return ("+" if seconds > 0 else "") + scripts.timeline.clock(seconds)
