"""The schedule tab (排期表): a list and a week/month calendar of streams, with filters and conflicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from livedesk.config import Paths
from livedesk.services import schedule, schedule_reads
from livedesk.services.db import Database
from livedesk.services.errors import StaleRowError
from livedesk.services.faults import EnvironmentFault, environment_fault
from livedesk.ui import formatting, theme
from livedesk.ui.errors import show_error
from livedesk.ui.labels import (
    PLATFORMS,
    STATUSES,
    STREAM_TYPES,
    platform_label,
    role_label,
    status_label,
    stream_type_label,
)
from livedesk.ui.schedule.calendar_view import CalendarView
from livedesk.ui.schedule.commands import CreateStreams, DeleteStreams, EditStream
from livedesk.ui.schedule.stream_dialog import StreamDialog, default_new_stream
from livedesk.ui.schedule.table_model import STREAM_ROLE, StreamFilterProxy, StreamTableModel
from livedesk.ui.tab_base import Tab
from livedesk.ui.tasks import run_task
from livedesk.ui.undo import push_command
from livedesk.ui.widgets.actions import add_tab_action


class ScheduleTab(Tab):
    status_message = Signal(str, int)  # shown in the window's status bar
    open_stream_in = Signal(str, int)  # (tab key, stream id): the window shows that tab on this stream
    stream_picked = Signal(int)  # one stream selected: the window makes it current in every tab
    streams_changed = Signal()  # streams were added, edited or deleted: other tabs refresh their pickers

    def __init__(self, db: Database, paths: Paths, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.paths = paths
        self.undo_stack = QUndoStack(self)
        self.model = StreamTableModel(self)
        self.proxy = StreamFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.dialog_factory = StreamDialog  # tests swap in a non-modal driver
        self._reads = 0  # reads started: what a read finds shows only if no later read started
        self._build()
        self.reload()

    # --- layout -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        toolbar = QToolBar()
        toolbar.setObjectName("scheduleToolbar")
        self.new_action = self._add_action(toolbar, self.tr("New stream"), self.new_stream, "Ctrl+Shift+N", "newStream")
        self.edit_action = self._add_action(toolbar, self.tr("Edit"), self.edit_selected, "Return", "editStream")
        self.duplicate_action = self._add_action(toolbar, self.tr("Duplicate to next week"), self.duplicate_selected, "Ctrl+D", "duplicateStream")
        self.delete_action = self._add_action(toolbar, self.tr("Delete"), self.delete_selected, QKeySequence.StandardKey.Delete, "deleteStream")
        toolbar.addSeparator()
        self.lineup_action = self._add_action(toolbar, self.tr("Lineup…"), lambda: self._open_in("products"), None, "openLineup")
        self.script_action = self._add_action(toolbar, self.tr("Script…"), lambda: self._open_in("script"), None, "openScript")
        self.review_action = self._add_action(toolbar, self.tr("Review…"), lambda: self._open_in("review"), None, "openReview")
        toolbar.addSeparator()
        self._add_action(toolbar, self.tr("Team roster"), self.open_roster, None, "roster")
        toolbar.addSeparator()
        self._add_action(toolbar, self.tr("Import…"), self.import_schedule, None, "importSchedule")
        self._add_action(toolbar, self.tr("Export…"), self.export_schedule, None, "exportSchedule")
        layout.addWidget(toolbar)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setPlaceholderText(self.tr("Search title, account, theme, people…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.apply_filters)
        self.month_combo = QComboBox()
        self.month_combo.setObjectName("monthFilter")
        self.platform_combo = QComboBox()
        self.platform_combo.setObjectName("platformFilter")
        self.platform_combo.addItem(self.tr("All platforms"), None)
        for p in PLATFORMS:
            self.platform_combo.addItem(platform_label(p), p)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("All statuses"), None)
        for s in STATUSES:
            self.status_combo.addItem(status_label(s), s)
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("personFilter")
        for combo in (self.month_combo, self.platform_combo, self.status_combo, self.person_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.month_combo)
        filters.addWidget(self.platform_combo)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.person_combo)
        filters.addSpacing(12)
        self.view_combo = QComboBox()
        self.view_combo.setObjectName("viewMode")
        self.view_combo.addItem(self.tr("List"), "list")
        self.view_combo.addItem(self.tr("Week"), "week")
        self.view_combo.addItem(self.tr("Month"), "month")
        self.view_combo.currentIndexChanged.connect(self._view_changed)
        filters.addWidget(self.view_combo)
        layout.addLayout(filters)

        self.table = QTableView()
        self.table.setObjectName("streamTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate([150, 200, 90, 150, 90, 80, 90, 180, 100]):
            self.table.setColumnWidth(column, width)
        metrics = self.table.fontMetrics()
        for column, labels in ((2, map(platform_label, PLATFORMS)), (4, map(stream_type_label, STREAM_TYPES)),
                               (5, map(status_label, STATUSES))):  # whole words, in either language
            self.table.setColumnWidth(column, max(self.table.columnWidth(column),
                                                  max(metrics.horizontalAdvance(t) for t in labels) + 16))
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        calendar_page = QWidget()
        calendar_layout = QVBoxLayout(calendar_page)
        calendar_layout.setContentsMargins(0, 0, 0, 0)
        nav = QHBoxLayout()
        prev_button = QPushButton("◀")
        prev_button.setObjectName("calendarPrev")
        prev_button.setToolTip(self.tr("Previous period"))
        next_button = QPushButton("▶")
        next_button.setObjectName("calendarNext")
        next_button.setToolTip(self.tr("Next period"))
        today_button = QPushButton(self.tr("Today"))
        today_button.setObjectName("calendarToday")
        self.period_label = QLabel()
        self.period_label.setStyleSheet("font-weight: 600; font-size: 15px;")
        nav.addWidget(prev_button)
        nav.addWidget(today_button)
        nav.addWidget(next_button)
        nav.addWidget(self.period_label)
        nav.addStretch(1)
        calendar_layout.addLayout(nav)
        self.calendar = CalendarView()
        calendar_layout.addWidget(self.calendar)
        prev_button.clicked.connect(lambda: self._calendar_step(-1))
        next_button.clicked.connect(lambda: self._calendar_step(1))
        today_button.clicked.connect(lambda: (self.calendar.go_to(dt.date.today()), self._update_period()))
        self.calendar.stream_selected.connect(self.select_stream)
        self.calendar.stream_activated.connect(lambda sid: (self.select_stream(sid), self.edit_selected()))
        self.calendar.day_activated.connect(self._new_on_day)

        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(calendar_page)

        self.details = QTextBrowser()
        self.details.setObjectName("streamDetails")
        self.details.setOpenExternalLinks(False)
        theme.notifier().changed.connect(self._update_details)  # its conflict warning is coloured
        splitter = QSplitter()
        splitter.setObjectName("scheduleSplitter")
        splitter.addWidget(self.views)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 340])
        layout.addWidget(splitter, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        layout.addWidget(self.count_label)

    def _add_action(self, toolbar: QToolBar, text: str, slot, shortcut, name: str) -> QAction:
        return add_tab_action(self, toolbar, text, slot, shortcut, name)

    def file_actions(self) -> list[tuple[str, str, object]]:
        return [
            ("import", self.tr("Schedule (排期表)…"), self.import_schedule),
            ("export", self.tr("Schedule (排期表)…"), self.export_schedule),
        ]

    def shortcuts(self) -> list[tuple[str, str]]:
        native = QKeySequence.SequenceFormat.NativeText
        return [
            (self.new_action.shortcut().toString(native), self.tr("Schedule: new stream")),
            (self.edit_action.shortcut().toString(native), self.tr("Schedule: edit the selected stream")),
            (self.duplicate_action.shortcut().toString(native), self.tr("Schedule: duplicate to next week")),
            (self.delete_action.shortcut().toString(native), self.tr("Schedule: delete the selected streams")),
        ]

    # --- data -------------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the schedule and show it, the way a teammate's change is shown but on this thread (after this
        app's own change the user waits for their save anyway)."""
        self.show_refreshed(self.refresh_reader()())

    def refresh_reader(self):
        self._reads += 1
        stamp, db = self._reads, self.db
        return lambda: _Read(stamp, schedule_reads.read_schedule(db))

    def show_refreshed(self, data: object) -> None:
        """Show the schedule as read, keeping the selection, the filters and where the list was scrolled (a
        model reset leaves the view's scroll position alone). A read that a later one replaced is dropped: a
        teammate's read begun before this app's own change (whose reload reads everything again) may lack it."""
        assert isinstance(data, _Read)
        if data.stamp != self._reads:
            return
        view = data.view
        selected = self.selected_ids()
        rows = view.streams
        self.model.set_rows(rows, view.conflicts)
        self.calendar.set_streams(rows, set(view.conflicts))
        self._fill_month_filter(rows)
        self._fill_person_filter(view.people)
        self.people_names = view.people
        self.account_names = view.accounts
        self.apply_filters()
        for stream_id in selected:
            self.select_stream(stream_id, clear=False)
        self._update_details()

    def _fill_month_filter(self, rows: list[schedule.StreamData]) -> None:
        current = self.month_combo.currentData()
        months = sorted({(r.start_at.astimezone().year, r.start_at.astimezone().month) for r in rows})
        self.month_combo.blockSignals(True)
        self.month_combo.clear()
        self.month_combo.addItem(self.tr("All months"), None)
        for year, month in months:
            self.month_combo.addItem(f"{year}-{month:02d}", f"{year}-{month:02d}")
        index = self.month_combo.findData(current)
        self.month_combo.setCurrentIndex(max(0, index))
        self.month_combo.blockSignals(False)

    def _fill_person_filter(self, people: list[str]) -> None:
        current = self.person_combo.currentData()
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.person_combo.addItem(self.tr("Everyone"), None)
        for name in people:
            self.person_combo.addItem(name, name)
        self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(current)))
        self.person_combo.blockSignals(False)

    def apply_filters(self) -> None:
        self.proxy.set_filters(
            month=tuple(map(int, self.month_combo.currentData().split("-"))) if self.month_combo.currentData() else None,
            platform=self.platform_combo.currentData(),
            status=self.status_combo.currentData(),
            person=self.person_combo.currentData(),
            text=self.search_edit.text(),
        )
        visible = [self.model.stream_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in range(self.proxy.rowCount())]
        self.calendar.set_streams(visible, {sid for sid in (s.id for s in visible) if self.model.conflicts_of(sid)})
        conflicted = sum(1 for s in visible if self.model.conflicts_of(s.id))
        text = self.tr("%n stream(s) shown", "", len(visible))
        if conflicted:
            text += " · " + self.tr("%n with conflicts", "", conflicted)
        self.count_label.setText(text)

    # --- selection and details --------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        ids = []
        for index in self.table.selectionModel().selectedRows():
            ids.append(index.data(STREAM_ROLE))
        if not ids and self.views.currentIndex() == 1 and self.calendar.selected_id is not None:
            ids.append(self.calendar.selected_id)
        return ids

    def select_stream(self, stream_id: int, clear: bool = True) -> None:
        row = self.model.row_of(stream_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag.Rows
        flags |= QItemSelectionModel.SelectionFlag.ClearAndSelect if clear else QItemSelectionModel.SelectionFlag.Select
        self.table.selectionModel().select(index, flags)
        self.table.setCurrentIndex(index) if clear else None
        self.calendar.selected_id = stream_id
        self.calendar.update()

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.calendar.selected_id = ids[0] if ids else None
        self._update_details()
        if len(ids) == 1:
            self.stream_picked.emit(ids[0])

    def follow_stream(self, stream_id: int) -> None:
        """Another tab picked this stream: select it here too (unless it is already among the selected)."""
        if stream_id not in self.selected_ids():
            self.select_stream(stream_id)

    def _update_details(self) -> None:
        ids = self.selected_ids()
        has = bool(ids)
        self.edit_action.setEnabled(len(ids) == 1)
        for action in (self.lineup_action, self.script_action, self.review_action):
            action.setEnabled(len(ids) == 1)
        self.duplicate_action.setEnabled(has)
        self.delete_action.setEnabled(has)
        if not ids:
            if self.model.rowCount() == 0:
                self.details.setHtml(
                    "<h3>" + self.tr("No streams yet") + "</h3><p>"
                    + self.tr("Press <b>New stream</b> (Ctrl+Shift+N) to plan the first one, or import your 排期表 "
                              "from Excel with <b>Import…</b>.") + "</p>"
                )
            else:
                self.details.setHtml("<p>" + self.tr("Select a stream to see its goals, people and plans.") + "</p>")
            return
        s = self.model.stream_at(self.model.row_of(ids[0]))
        conflicts = self.model.conflict_text(s.id)
        goals = [
            (self.tr("GMV"), formatting.money(s.gmv_target)),
            (self.tr("Viewers (UV)"), formatting.count(s.viewers_target)),
            (self.tr("Peak online"), formatting.count(s.peak_online_target)),
            (self.tr("Conversion"), formatting.percent(s.conversion_target)),
            (self.tr("New followers"), formatting.count(s.new_followers_target)),
        ]
        html = [f"<h3>{_esc(s.title)}</h3>"]
        html.append(
            f"<p>{formatting.weekday_date(s.start_at)} · {formatting.minutes(s.planned_minutes)}<br>"
            f"{platform_label(s.platform)} · {_esc(s.account)}<br>"
            f"{stream_type_label(s.stream_type)} · {_esc(s.theme)} · <b>{status_label(s.status)}</b></p>"
        )
        if conflicts:
            html.append(f"<p style='color:{theme.current().bad}'>⚠ {_esc(conflicts).replace(chr(10), '<br>⚠ ')}</p>")
        html.append("<h4>" + self.tr("Goals") + "</h4><table>")
        html += [f"<tr><td>{k}</td><td align='right'>&nbsp;&nbsp;{v}</td></tr>" for k, v in goals]
        html.append("</table><h4>" + self.tr("People") + "</h4><p>")
        html.append("<br>".join(f"{role_label(r)}: {_esc(n)}" for n, r in s.people) or "—")
        html.append("</p>")
        if s.welfare_plan:
            html.append("<h4>" + self.tr("Welfare plan") + f"</h4><p>{_esc(s.welfare_plan)}</p>")
        if s.warmup_plan:
            html.append("<h4>" + self.tr("Warm-up plan") + f"</h4><p>{_esc(s.warmup_plan)}</p>")
        self.details.setHtml("".join(html))

    # --- views ------------------------------------------------------------------------------------------

    def _view_changed(self) -> None:
        mode = self.view_combo.currentData()
        self.views.setCurrentIndex(0 if mode == "list" else 1)
        if mode != "list":
            self.calendar.set_mode(mode)
            self._update_period()

    def _calendar_step(self, direction: int) -> None:
        self.calendar.step(direction)
        self._update_period()

    def _update_period(self) -> None:
        self.period_label.setText(self.calendar.period_title())

    # --- editing ----------------------------------------------------------------------------------------

    def _changed(self) -> None:
        self.show_written(self.reload)
        self.streams_changed.emit()

    def new_stream(self, start: dt.datetime | None = None) -> None:
        data = default_new_stream()
        if start is not None:
            data.start_at = start
        dialog = self.dialog_factory(data, self.people_names, self, accounts=self.account_names)
        if dialog.exec():
            new = dialog.result_data()
            command = CreateStreams(self.db, [new], self.tr("New stream “{0}”").format(new.title), self._changed)
            self._push(command)
            if getattr(command, "stream_ids", None):  # saved: show the new stream selected
                self.select_stream(command.stream_ids[0])

    def _new_on_day(self, day: dt.date) -> None:
        self.new_stream(dt.datetime.combine(day, dt.time(20, 0)).astimezone())

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        try:
            [before] = schedule_reads.read_streams(self.db, ids)
        except schedule.ValidationError as exc:  # a teammate deleted it a moment ago
            show_error(self, exc)
            self.reload()
            return
        except EnvironmentFault as exc:  # e.g. the team server is away: nothing to edit from
            show_error(self, exc)
            return
        dialog = self.dialog_factory(before, self.people_names, self, accounts=self.account_names)
        if dialog.exec():
            after = dialog.result_data()
            if after != before and self._confirm_status(ids[0], before, after):
                self._push_edit(ids[0], before, after)

    def _push_edit(self, stream_id: int, before: schedule.StreamData, after: schedule.StreamData) -> None:
        """Save an edit made from `before`; when a teammate saved in between, show both and let the user
        reload (discard mine) or overwrite (my changed fields on top of theirs)."""
        from livedesk.ui.conflict_dialog import ask_overwrite, stream_conflict_rows

        base, mine = before, after
        while True:
            command = EditStream(self.db, stream_id, before, after, self.tr("Edit “{0}”").format(after.title), self._changed)
            self._prepare(command)
            try:
                push_command(self.undo_stack, command)
                return
            except (schedule.StreamChangedError, StaleRowError):  # StaleRowError: they saved a moment later
                pass
            except Exception as exc:  # the command's own transaction rolled back; nothing changed
                show_error(self, exc)
                self.show_after_failure(exc)
                return
            try:
                [theirs] = schedule_reads.read_streams(self.db, [stream_id])
            except (schedule.ValidationError, EnvironmentFault) as exc:  # deleted meanwhile, or the server went away
                show_error(self, exc)
                self.show_after_failure(exc)
                return
            if not ask_overwrite(self, theirs.title, stream_conflict_rows(base, mine, theirs)):
                self.reload()
                self.select_stream(stream_id)
                self.status_message.emit(self.tr("Reloaded: your change was discarded."), 5000)
                return
            # undo of the overwrite goes back to their version; a further save by them asks again
            before, after = theirs, schedule.merge_changes(base, mine, theirs)

    def _confirm_status(self, stream_id: int, before: schedule.StreamData, after: schedule.StreamData) -> bool:
        """Moving a stream to 彩排 (rehearsed) with open script findings needs the user's say-so."""
        if after.status != "rehearsed" or before.status == "rehearsed":
            return True
        findings = schedule_reads.rehearsal_findings(self.db, stream_id)
        if not findings:
            return True
        lines = [f"• {f.segment_title or '—'}: {f.term} ({f.suggestion})" for f in findings[:12]]
        if len(findings) > 12:
            lines.append(self.tr("… and %n more", "", len(findings) - 12))
        return self.confirm(
            self.tr("Mark as rehearsed anyway?"),
            self.tr("%n problem(s) are not resolved:", "", len(findings)) + "\n" + "\n".join(lines),
        )

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests replace this)."""
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _open_in(self, tab_key: str) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_stream_in.emit(tab_key, ids[0])

    def duplicate_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            copies = [schedule.duplicate_data(data) for data in schedule_reads.read_streams(self.db, ids)]
        except schedule.ValidationError as exc:  # a teammate deleted one a moment ago
            show_error(self, exc)
            self.reload()
            return
        except EnvironmentFault as exc:  # e.g. the team server is away: nothing to copy from
            show_error(self, exc)
            return
        self._push(CreateStreams(self.db, copies, self.tr("Duplicate %n stream(s)", "", len(copies)), self._changed))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        seen = {i: self.model.stream_at(self.model.row_of(i)) for i in ids if self.model.row_of(i) >= 0}
        if self._push_delete(ids, seen):
            self.status_message.emit(self.tr("Deleted. Press Ctrl+Z to undo."), 5000)

    def _push_delete(self, ids: list[int], seen: dict[int, schedule.StreamData]) -> bool:
        """Delete the streams as the list showed them (`seen`). When a teammate changed some since, list their
        changes: Keep deletes nothing, Delete anyway deletes them with their changes (undoable). A stream a
        teammate already deleted: say so and delete nothing."""
        from livedesk.ui.conflict_dialog import ask_overwrite, delete_texts, labelled, stream_delete_rows

        versions = {i: data.version for i, data in seen.items() if data.version is not None}
        while True:
            command = DeleteStreams(self.db, ids, self.tr("Delete %n stream(s)", "", len(ids)), self._changed, versions)
            self._prepare(command)
            try:
                push_command(self.undo_stack, command)
                return True
            except schedule.StreamChangedError as exc:
                changed = exc.stream_ids or ids
            except StaleRowError:  # they saved a moment later
                changed = ids
            except Exception as exc:  # e.g. already deleted; the command's transaction rolled back: nothing changed
                show_error(self, exc)
                self.show_after_failure(exc)
                return False
            try:
                theirs = schedule_reads.read_streams(self.db, changed)
            except (schedule.ValidationError, EnvironmentFault) as exc:  # deleted meanwhile, or the server went away
                show_error(self, exc)
                self.show_after_failure(exc)
                return False
            theirs = [their for their in theirs if their.version != versions.get(their.id)] or theirs
            rows = []
            for their in theirs:
                found = stream_delete_rows(seen.get(their.id) or their, their)
                rows += labelled(their.title, found) if len(theirs) > 1 else found
            what = theirs[0].title if len(theirs) == 1 else self.tr("%n stream(s)", "", len(theirs))
            if not ask_overwrite(self, what, rows, **delete_texts()):
                self.reload()
                self.status_message.emit(self.tr("Kept: nothing was deleted."), 5000)
                return False
            versions.update({their.id: their.version for their in theirs if their.id is not None and their.version})
            seen.update({their.id: their for their in theirs if their.id is not None})

    def _prepare(self, command) -> None:
        """Undo and redo of the command ask here when a teammate changed what they write since this app's last
        write, and say here why one could not be done."""
        from livedesk.ui.conflict_dialog import ask_replay

        command.on_conflict = lambda conflicts, undoing: ask_replay(
            self, conflicts, undoing, self.tr("%n stream(s)", "", len(conflicts)))
        command.on_error = self._replay_failed

    def _replay_failed(self, exc: BaseException) -> None:
        """An undo or redo could not be done (e.g. a teammate deleted the stream): say why; the step left the
        undo history and nothing was written."""
        from livedesk.services.errors import AlreadyDeleted

        if isinstance(exc, AlreadyDeleted):  # what the step was to do is done: a status message is enough
            self.status_message.emit(str(exc), 10000)
        else:
            show_error(self, exc)
        if environment_fault(exc, None) is not None:  # the step did not read it again: read on a worker
            self.refresh()

    def _push(self, command) -> None:
        self._prepare(command)
        try:
            push_command(self.undo_stack, command)
        except Exception as exc:  # the command's own transaction rolled back; nothing changed
            show_error(self, exc)
            self.show_after_failure(exc)

    def open_roster(self) -> None:
        from livedesk.ui.schedule.roster_dialog import RosterDialog

        RosterDialog(self.db, self).exec()
        self.reload()

    # --- import / export --------------------------------------------------------------------------------

    def import_schedule(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import schedule"), "", self.tr("Spreadsheets (*.xlsx *.xls *.csv)"))
        if not path:
            return
        from livedesk.services.importers.schedule_sheet import preview_schedule

        self.window().setCursor(Qt.CursorShape.BusyCursor)
        run_task(lambda progress, cancelled: preview_schedule(path), self._show_import_preview, self._import_failed)

    def _import_failed(self, exc: BaseException) -> None:
        self.window().unsetCursor()
        show_error(self, exc, self.tr("Import schedule"))

    def _show_import_preview(self, preview) -> None:
        from livedesk.ui.schedule.import_dialog import ScheduleImportDialog

        self.window().unsetCursor()
        dialog = ScheduleImportDialog(preview, self)
        self.last_import_dialog = dialog
        if dialog.exec() and not preview.problems:
            self._push(CreateStreams(
                self.db, list(preview.rows), self.tr("Import %n stream(s)", "", len(preview.rows)), self._changed
            ))

    def export_schedule(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export schedule"), "排期表.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        rows = [self.model.stream_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in range(self.proxy.rowCount())]
        from livedesk.services.exporters.schedule_sheet import export_schedule

        def done(_result) -> None:
            self.status_message.emit(self.tr("Exported %n stream(s) to {0}", "", len(rows)).format(Path(path).name), 5000)

        run_task(lambda progress, cancelled: export_schedule(rows, path), done, lambda exc: show_error(self, exc))

    def prepare_screenshot(self) -> None:
        """Show the month around today in the calendar for the gallery, with the busiest stream selected."""
        QTimer.singleShot(0, lambda: None)
        if self.model.rowCount():
            self.select_stream(next((s.id for s in self.model.rows() if self.model.conflicts_of(s.id)), self.model.rows()[0].id))


class _Read(NamedTuple):
    """What `refresh_reader` read, with when: how many reads had started as it began."""

    stamp: int
    view: schedule_reads.ScheduleView


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
