"""The live tab (直播): pre-live checklist, then the controller's console and the host view.

Every action is one unit of work written at once (services/live_steps.py); the console is read back from
the database after each one, so a crash loses nothing. A teammate's change (and, for a follower, the
controller's) is read on a worker thread (`Tab.refresh` with `refresh_reader`) and shown by `show_refreshed`,
the same code that shows the tab's own reads. Between actions the timer only recomputes times from the clock
(a wall time anchored once, advanced by the monotonic clock) and repaints the labels whose text changed: at
most four ticks a second, no database access while ticking.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any, NamedTuple

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from livedesk.config import Paths, Preferences
from livedesk.services import live as live_service
from livedesk.services import live_demo, live_steps, prelive_checks
from livedesk.services.db import Database
from livedesk.services.faults import environment_fault
from livedesk.services.products import Rules
from livedesk.ui import formatting, theme
from livedesk.ui.errors import show_error
from livedesk.ui.live.capture_console import CaptureConsole
from livedesk.ui.live.checklist import ChecklistPage
from livedesk.ui.live.clock import FixedClock, MonotonicClock
from livedesk.ui.live.console import ConsolePage
from livedesk.ui.live.follow import FollowMode
from livedesk.ui.live.models import ChecklistRow
from livedesk.ui.live.widgets import HostView, IncidentDialog
from livedesk.ui.tab_base import Tab

log = logging.getLogger(__name__)
Read = tuple[int, live_steps.TabRead]  # (the read's number, what it read)
TICK_MS = 250  # at most four ticks a second
FOLLOW_MS = 1000  # a follower reads the console state once a second


class Done(NamedTuple):
    """A console action that went through, with what its step returned (true even when that is None)."""

    value: Any


class LiveTab(ConsolePage, CaptureConsole, ChecklistPage, FollowMode, Tab):
    status_message = Signal(str, int)
    stream_picked = Signal(int)  # the user chose a stream: the window makes it current in every tab
    open_stream_in = Signal(str, int)  # (tab key, stream id): the review after the stream ended

    def __init__(self, db: Database, paths: Paths, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.paths = paths
        self.prefs = Preferences.load(paths)
        self.clock: Callable[[], dt.datetime] = MonotonicClock()
        self.stream_id: int | None = None
        self.state: live_service.ConsoleState | None = None
        self.armed = False
        self.people: list[str] = []
        self.host_view: HostView | None = None
        self.incident_dialog: IncidentDialog | None = None
        self.confirm_go_live: Callable[[list[str]], bool] = self._ask_go_live  # tests swap in an answer
        self.confirm_end: Callable[[], bool] = self._ask_end
        self.offer_review: Callable[[], bool] = self._ask_review
        self._texts: dict[str, str] = {}
        self._styles: dict[str, str] = {}
        self._warned_segment: tuple[int | None, str] = (None, "")
        self._last_metric_at: dt.datetime | None = None
        self._metric_history: dict[str, list[float | None]] = {}
        self._ticks = 0
        self._dismissed_alerts: set[int] = set()
        self._auto_checks: tuple[int | None, list[prelive_checks.AutoCheck]] = (None, [])
        self._alert_rows: tuple[live_steps.AlertRow, ...] = ()  # as last read (Dismiss needs no read)
        self._read_seq = 0  # each read of the database is numbered when it begins …
        self._shown_seq = 0  # … so a read that began before the one shown is dropped, not shown over it
        self._picks_seq = 0  # the last shown read that had the streams to pick from
        self._checklist_missing = False  # a read on a worker found checklist items to store (by this thread)
        self.following = False  # read-only: the console and host view follow a controller elsewhere
        self.host_text = ""  # the message on the host view (a follower reads it from the database)
        self._follow_error = ""
        self.follow_timer = QTimer(self)
        self.follow_timer.setObjectName("followTimer")
        self.follow_timer.setInterval(FOLLOW_MS)
        self.follow_timer.timeout.connect(self.follow_poll)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self.timer = QTimer(self)
        self.timer.setObjectName("liveTimer")
        self.timer.setInterval(TICK_MS)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(self.tick)
        self._uv_value: Decimal | None = None
        self.reload()
        theme.notifier().changed.connect(self._theme_changed)

    # --- layout -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        top = QHBoxLayout()
        self.stream_combo = QComboBox()
        self.stream_combo.setObjectName("liveStream")
        self.stream_combo.setMinimumWidth(280)
        self.stream_combo.setMaximumWidth(560)  # grows on a wide screen so the stream's whole name shows
        self.stream_combo.currentIndexChanged.connect(self._stream_changed)
        top.addWidget(QLabel(self.tr("Stream")))
        top.addWidget(self.stream_combo, 1)
        self.checklist_button = QPushButton(self.tr("Checklist"))
        self.checklist_button.setObjectName("checklistPage")
        self.console_button = QPushButton(self.tr("Console"))
        self.console_button.setObjectName("consolePage")
        pages = QButtonGroup(self)
        for index, button in enumerate((self.checklist_button, self.console_button)):
            button.setCheckable(True)
            pages.addButton(button, index)
            top.addWidget(button)
        pages.idClicked.connect(self.show_page)
        self.state_label = QLabel()
        self.state_label.setObjectName("liveState")
        top.addSpacing(12)
        top.addWidget(self.state_label)
        top.addStretch(1)
        self.arm_button = QPushButton()
        self.arm_button.setObjectName("armHotkeys")
        self.arm_button.setCheckable(True)
        self.arm_button.toggled.connect(self.set_armed)
        self.arm_button.setToolTip(self.tr(
            "F8 arms the hotkeys F5 (next), F6 (hold) and F7 (+1 min) so a stray key press cannot switch "
            "segments. The console's buttons work with the mouse either way."))
        top.addWidget(self.arm_button)
        top.addSpacing(12)
        self.screen_combo = QComboBox()
        self.screen_combo.setObjectName("hostScreen")
        self.screen_combo.setMinimumWidth(150)
        self.mirror_check = QCheckBox(self.tr("Mirror"))
        self.mirror_check.setObjectName("hostMirror")
        self.mirror_check.setToolTip(self.tr("Flip the host view horizontally for prompter glass"))
        self.mirror_check.toggled.connect(lambda on: self.host_view and self.host_view.set_mirrored(on))
        self.host_button = QPushButton(self.tr("Host view"))
        self.host_button.setObjectName("openHostView")
        self.host_button.clicked.connect(self.toggle_host_view)
        top.addWidget(self.screen_combo)
        top.addWidget(self.mirror_check)
        top.addWidget(self.host_button)
        self.follow_check = QCheckBox(self.tr("Follow (read-only)"))
        self.follow_check.setObjectName("followStream")
        self.follow_check.setToolTip(self.tr(
            "Follow this stream as it is run from another computer: the console and the host view show the "
            "controller's segment, countdown and messages every second. Nothing can be changed here."))
        self.follow_check.toggled.connect(self.set_following)
        top.addWidget(self.follow_check)
        layout.addLayout(top)

        self.banner = QFrame()
        self.banner.setObjectName("alertBannerFrame")
        theme.set_style(self.banner, "#alertBannerFrame { background: $bad_bg; border: 1px solid $bad; border-radius: 4px; }")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(10, 4, 6, 4)
        self.alert_label = QLabel()
        self.alert_label.setObjectName("alertBanner")
        theme.set_style(self.alert_label, "color: $bad_fg; font-size: 15px; font-weight: 600;")
        self.alert_label.setWordWrap(True)
        self.take_down_button = QPushButton(self.tr("Take the link down"))
        self.take_down_button.setObjectName("takeDown")
        self.take_down_button.clicked.connect(self.take_down_sold_out)
        dismiss = QPushButton(self.tr("Dismiss"))
        dismiss.setObjectName("dismissAlert")
        dismiss.clicked.connect(self.dismiss_alerts)
        banner_layout.addWidget(self.alert_label, 1)
        banner_layout.addWidget(self.take_down_button)
        banner_layout.addWidget(dismiss)
        self.banner.hide()
        layout.addWidget(self.banner)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_checklist_page())
        self.stack.addWidget(self._build_console_page())
        layout.addWidget(self.stack, 1)
        self._build_actions()

    def _build_actions(self) -> None:
        def make(text: str, key: str, slot, name: str) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False: slot())
            self.addAction(action)
            return action

        self.arm_action = make(self.tr("Arm or disarm the hotkeys"), "F8", lambda: self.arm_button.toggle(), "armAction")
        self.next_action = make(self.tr("Next segment"), "F5", lambda: self._hotkey(live_steps.next_segment), "nextAction")
        self.hold_action = make(self.tr("Hold or resume"), "F6", lambda: self._hotkey(live_steps.toggle_hold), "holdAction")
        self.plus_action = make(self.tr("Add one minute"), "F7", lambda: self._hotkey(None), "plusAction")
        self.incident_action = make(self.tr("Log an incident"), "F9", self.open_incident, "incidentAction")
        self.set_armed(False)

    def shortcuts(self) -> list[tuple[str, str]]:
        native = QKeySequence.SequenceFormat.NativeText
        return [
            (self.arm_action.shortcut().toString(native), self.tr("Live: arm or disarm the console hotkeys")),
            (self.next_action.shortcut().toString(native), self.tr("Live: next segment (when armed)")),
            (self.hold_action.shortcut().toString(native), self.tr("Live: hold or resume (when armed)")),
            (self.plus_action.shortcut().toString(native), self.tr("Live: add one minute (when armed)")),
            (self.incident_action.shortcut().toString(native), self.tr("Live: log an incident")),
        ]

    # --- data: read through services/live_steps.py, shown by show_refreshed --------------------------------

    def _read_options(self, on_worker: bool) -> live_steps.ReadOptions:
        # A read on a worker writes nothing: a write there counts as a change and would come back as one.
        # The checklist a stream is missing is stored by this thread's reads (a follower writes nothing).
        return live_steps.ReadOptions(
            warn_before=self.prefs.warning_seconds,
            checklist_template=tuple(live_service.load_checklist_template(self.paths)),
            store_checklist=not (on_worker or self.following),
            rules=Rules.from_preferences(self.prefs),
            checks_known_for=self._auto_checks[0],
        )

    def _reader(self, stream_id: int | None, *, picks: bool, follow: bool = False,
                on_worker: bool = False) -> Callable[[], Read]:
        """The read of what the tab shows, as a function of plain values (it may run on a worker): with `picks`,
        the streams and people too; a follower's read leaves out the details when only the clock moved."""
        self._read_seq += 1
        seq, db, now, options = self._read_seq, self.db, self.clock(), self._read_options(on_worker)
        if picks:
            return lambda: (seq, live_steps.read_tab(db, stream_id, now, options))
        shape = live_steps.console_shape(self.state) if follow and self.state is not None and self.state.stream_id == stream_id else None

        def read() -> Read:
            console = live_steps.read_console(db, stream_id, now, options, shape) if stream_id is not None else None
            return seq, live_steps.TabRead(stream_id, console)

        return read

    def refresh_reader(self) -> Callable[[], Read]:
        """A teammate's change: the streams, the people and the console (a follower: the console's clock-free
        part, and the rest when it changed), read on a worker by `Tab.refresh`."""
        self.prefs = Preferences.load(self.paths)  # changed thresholds and alerts follow at once (a small file)
        if self.following and self.stream_id is not None:
            return self._reader(self.stream_id, picks=False, follow=True, on_worker=True)
        return self._reader(self.stream_id, picks=True, on_worker=True)

    def reload(self) -> None:
        """Another tab changed streams or people: the same read as a teammate's change, shown at once."""
        self.prefs = Preferences.load(self.paths)
        self.show_refreshed(self._reader(self.stream_id, picks=True)())

    def reread(self) -> None:
        """After the controller's own action: read the console again at once, so it shows the action (the
        database is the console's memory; a crash loses nothing)."""
        try:
            data = self._reader(self.stream_id, picks=False)()
        except Exception as exc:  # the action has shown its own error; the next read shows the console again
            if environment_fault(exc, None) is None:
                log.exception("Reading the console after an action failed")
            else:  # a team server away: read on a worker, so the window does not wait on it a second time
                self.refresh()
            return
        self.show_refreshed(data)

    def show_refreshed(self, data: object) -> None:
        seq, read = data  # type: ignore[misc]
        if seq < self._shown_seq:  # the controller acted (or picked a stream) after this read began: it is old
            if read.picks is not None and seq > self._picks_seq:
                self.refresh()  # the streams to pick from may have changed meanwhile: read them again
            return
        self._shown_seq = seq
        if read.picks is not None:
            self._picks_seq = seq
            self._show_picks(read.picks, read.stream_id)
        self._show_console(read)

    def _show_picks(self, picks: live_steps.Picks, stream_id: int | None) -> None:
        self.people = list(picks.people)
        self.stream_combo.blockSignals(True)
        self.stream_combo.clear()
        for p in picks.streams:
            mark = "● " if p.live else ""
            self.stream_combo.addItem(f"{mark}{formatting.weekday_date(p.start_at)}  {p.title}  · {p.account}", p.id)
        self.stream_combo.setCurrentIndex(max(0, self.stream_combo.findData(stream_id)))
        self.stream_combo.blockSignals(False)
        self._fill_people()
        self._fill_screens()

    def _fill_people(self) -> None:
        current = self.person_combo.currentText()
        self.person_combo.clear()
        self.person_combo.addItems(self.people or [self.tr("Controller")])
        if current:
            self.person_combo.setCurrentText(current)

    def _fill_screens(self) -> None:
        current = self.screen_combo.currentIndex()
        self.screen_combo.clear()
        for i, screen in enumerate(QGuiApplication.screens()):
            self.screen_combo.addItem(self.tr("Screen {0}: {1}").format(i + 1, screen.name()), i)
        default = len(QGuiApplication.screens()) - 1  # a second screen when there is one
        self.screen_combo.setCurrentIndex(current if 0 <= current < self.screen_combo.count() else max(0, default))

    def activated(self) -> None:
        """Shown again (the window calls this): the script may have been approved or the lineup restocked on
        another tab meanwhile, so the checklist reads the app's checks afresh."""
        if self.stream_id is not None and self.state is not None and self.state.started_at is None:
            if self._checklist_missing:
                self.reread()  # stores the items the stream's checklist is missing
            else:
                self.refresh()

    def _stream_changed(self) -> None:
        self.load_stream(self.stream_combo.currentData())
        if self.stream_id is not None:
            self.stream_picked.emit(self.stream_id)

    def follow_stream(self, stream_id: int) -> None:
        """Another tab picked this stream: show it, unless this console is running a live stream (a pick made
        while looking at tomorrow's lineup must not take the controller off the show)."""
        if stream_id == self.stream_id or (self.state is not None and self.state.live):
            return
        index = self.stream_combo.findData(stream_id)
        if index < 0:  # newer than this tab's list (its refresh is still reading): read it now
            self.reload_to(stream_id)
            return
        self.stream_combo.blockSignals(True)
        self.stream_combo.setCurrentIndex(index)
        self.stream_combo.blockSignals(False)
        self.load_stream(stream_id)

    def load_stream(self, stream_id: int | None) -> None:
        """Show `stream_id` (picked here or on another tab): read at once, on the page its state calls for."""
        self._texts.clear()
        self._styles.clear()
        self.show_refreshed(self._reader(stream_id, picks=False)())
        self._show_state_page()

    def _show_state_page(self) -> None:
        if self.state is not None:
            self.show_page(1 if self.state.started_at is not None else 0)

    def _show_console(self, read: live_steps.TabRead) -> None:
        console = read.console
        if console is None and read.picks is None and read.stream_id is not None:  # deleted by a teammate meanwhile
            if self.following:  # keep showing the last state; the controller's laptop decides
                self._follow_lost(read.stream_id)
            else:
                self.refresh()  # read the streams again: the console opens on another one
            return
        changed = read.stream_id != self.stream_id
        if changed:  # a refresh of the same stream keeps the dismissed alerts
            self._dismissed_alerts.clear()
            self._texts.clear()
            self._styles.clear()
        self.stream_id = read.stream_id
        if console is None:
            self.state = None
            self._set_host_text("")
            self.checklist_model.set_rows([])
            self.shelf_model.set_rows([])
            self.log_model.set_rows([])
            self._render()
            return
        started = self.state.started_at if self.state is not None else None
        self.state = console.state
        self._follow_error = ""
        if changed or self.following:  # the controller's message as saved (it survives a restart)
            self._set_host_text(console.host_message)
        if console.details is not None:
            self._show_details(console.stream_id, console.details)
            self._checklist_missing = console.details.checklist_missing and not self.following
        self._render()
        if self.state.live or (self.host_view is not None and self.host_view.isVisible()):
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()
        self.capture_panel.stream_live(self.state.live and not self.following)  # warms the text reader up
        if changed or started != self.state.started_at:
            self._show_state_page()
        if self._checklist_missing and self.isVisible():
            self.reread()  # stores what the stream's checklist is missing, as this laptop (once per stream)

    def _show_details(self, stream_id: int, details: live_steps.ConsoleDetails) -> None:
        if details.auto_checks is not None:  # read before going live; on air the last answer stays
            self._auto_checks = (stream_id, list(details.auto_checks))
        automatic = self._auto_checks[1] if self._auto_checks[0] == stream_id else []
        self.checklist_model.set_rows(
            [ChecklistRow(None, c.text, auto=True, ok=c.ok, note=c.reason) for c in automatic]
            + [ChecklistRow(i.id, i.text, i.ticked_by, i.ticked_at) for i in details.checklist
               if i.text not in prelive_checks.REPLACED_ITEMS]  # the app ticks these itself now
        )
        self.shelf_model.set_rows(list(details.shelf))
        self._alert_rows = details.alerts
        self._show_metrics(details.samples)
        self._show_alerts(details.alerts, details.shelf)
        self.log_model.set_rows([[formatting.local(e.at).strftime("%H:%M:%S"), self._log_kind(e.kind), e.text]
                                 for e in details.log])
        total = self.checklist_model.rowCount()
        done = total - len(self.checklist_model.unticked_texts())
        self.checklist_summary.setText(self.tr("{0} of {1} ticked").format(done, total))

    # --- ticking ----------------------------------------------------------------------------------------

    # --- pages and arming -------------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        (self.checklist_button if index == 0 else self.console_button).setChecked(True)

    def set_armed(self, armed: bool) -> None:
        self.armed = armed
        if self.arm_button.isChecked() != armed:
            self.arm_button.blockSignals(True)
            self.arm_button.setChecked(armed)
            self.arm_button.blockSignals(False)
        self.arm_button.setText(self.tr("● Hotkeys ARMED (F8)") if armed else self.tr("Hotkeys off — F8 to arm"))
        theme.set_style(
            self.arm_button,
            "QPushButton { background: $strong_bg; color: $strong_fg; font-weight: 700; padding: 4px 10px; }" if armed
            else "QPushButton { padding: 4px 10px; }"
        )
        for action in (self.next_action, self.hold_action, self.plus_action):
            action.setEnabled(armed)
        self._update_buttons(None)

    def _typing(self) -> bool:
        widget = QApplication.focusWidget()
        if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
            return True
        if isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly():
            return True
        return isinstance(widget, QComboBox) and widget.isEditable()

    def _hotkey(self, action) -> None:
        if not self.armed or self._typing() or not self.isVisible():
            if self._typing():
                self.status_message.emit(self.tr("Hotkeys are paused while you type."), 3000)
            return
        if action is None:
            self.add_time(60)
        else:
            self.act(action)

    # --- actions ----------------------------------------------------------------------------------------

    def act(self, step: Callable[..., Any], *args: Any, at: dt.datetime | None = None,
            faults_to: Callable[[str], object] | None = None, **kwargs: Any) -> Done | bool:
        """Run one console action, `step(db, stream id, now, *args, **kwargs)` from services/live_steps.py (one
        unit of work; `at` for an action that happened earlier than now), then show the console as the database
        has it. Done(what the step returned), or False when it was refused or failed (the user was told).
        `faults_to` says a failure of the database itself (a team server away) there instead of in an error
        dialog: an automatic capture every few seconds would open one dialog per reading."""
        if self.stream_id is None:
            return False
        if self.following:
            self.status_message.emit(self.tr("Following another computer's console: nothing can be changed here."), 4000)
            return False
        try:
            value = step(self.db, self.stream_id, at or self.clock(), *args, **kwargs)
        except live_service.LiveError as exc:
            self.status_message.emit(str(exc), 6000)
            return False
        except Exception as exc:  # the transaction rolled back
            fault = environment_fault(exc, None) if faults_to is not None else None
            if fault is not None:
                faults_to(str(fault))
            else:
                show_error(self, exc)
            return False
        finally:
            self.reread()
        return Done(value)

    # --- host view --------------------------------------------------------------------------------------

    # --- following a console run elsewhere ---------------------------------------------------------------

    # --- screenshot and shutdown ------------------------------------------------------------------------

    def prepare_screenshot(self) -> None:
        """Today's demo stream mid-show on a fake clock: in a warning window, a little behind, metrics logged."""
        staged = live_demo.stage_screenshot(self.db, self.prefs, dt.datetime.now(dt.timezone.utc))
        if staged is None:
            return
        target, now = staged
        self.clock = FixedClock(now)
        self.stream_id = None
        self.reload_to(target)
        self.set_armed(True)
        self.show_page(1)
        self.timer.stop()
        self._render()

    def reload_to(self, stream_id: int) -> None:
        self.stream_id = stream_id
        self.reload()

    def shutdown(self) -> None:
        self.timer.stop()
        self.follow_timer.stop()
        self.capture_panel.shutdown()
        if self.host_view is not None:
            self.host_view.close()
            self.host_view.deleteLater()
            self.host_view = None

    def hideEvent(self, event) -> None:  # noqa: N802
        if self.host_view is None or not self.host_view.isVisible():
            self.timer.stop()
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.state is not None and self.state.live and not isinstance(self.clock, FixedClock):
            self.timer.start()







