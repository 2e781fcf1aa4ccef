"""The live tab (直播): pre-live checklist, then the controller's console and the host view.

Every action is one transaction written at once (services/live.py); the console is rebuilt from the
database after each one, so a crash loses nothing. Between actions the timer only recomputes times
from the clock (a wall time anchored once, advanced by the monotonic clock) and repaints the labels
whose text changed: at most four ticks a second, no database access while ticking.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from livedesk.config import Paths, Preferences
from livedesk.services import live as live_service
from livedesk.services import prelive_checks
from livedesk.services.db import Database
from livedesk.services.importers.values import parse_decimal, parse_int, parse_money, parse_rate
from livedesk.services.products import Rules
from livedesk.services.schedule import list_people
from livedesk.services.timeline import ON_TIME_SECONDS, drift_readout, drift_words
from livedesk.services.timeline import clock as clock_text
from livedesk.ui import formatting, theme
from livedesk.ui.errors import show_error
from livedesk.ui.live.clock import FixedClock, MonotonicClock
from livedesk.ui.live.models import ChecklistRow, ChecklistTableModel, ShelfTableModel
from livedesk.ui.live.widgets import HostView, IncidentDialog, Sparkline, kind_label
from livedesk.ui.tab_base import Tab
from livedesk.ui.widgets.rows_model import RowsTableModel

log = logging.getLogger(__name__)
TICK_MS = 250  # at most four ticks a second
FOLLOW_MS = 1000  # a follower reads the console state once a second
BLINK_EVERY = 2  # ticks per blink phase of the host message
# The countdown and the panel behind it, as theme colour names (livedesk.ui.colours).
COLOURS = {"normal": "good", "warning": "warn_fg", "overtime": "bad_fg", "held": "info_fg", "idle": "muted"}
PANEL_BACKGROUNDS = {"warning": "warn_bg", "overtime": "bad_bg", "held": "info_bg"}
METRIC_FIELDS = ("online", "uv", "gmv", "orders", "click")
ALERT_BANNER_MINUTES = 10


class LiveTab(Tab):
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

    def _build_checklist_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        head = QHBoxLayout()
        title = QLabel(self.tr("Pre-live checklist"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Tick as")))
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("tickAs")
        self.person_combo.setEditable(False)
        head.addWidget(self.person_combo)
        edit = QPushButton(self.tr("Edit template…"))
        edit.setObjectName("editChecklistTemplate")
        edit.clicked.connect(self.edit_template)
        head.addWidget(edit)
        layout.addLayout(head)
        hint = QLabel(self.tr("Tick each item once it is done; who ticked it and when is kept. "
                              "Items marked 改进 come from the last review of this account. The first items "
                              "the app ticks itself from what it knows, and says why."))
        theme.set_style(hint, "color: $muted;")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.checklist_model = ChecklistTableModel(self)
        self.checklist_model.toggled.connect(self.set_ticked)
        self.checklist_view = QTableView()
        self.checklist_view.setObjectName("checklist")
        self.checklist_view.setModel(self.checklist_model)
        self.checklist_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklist_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checklist_view.verticalHeader().hide()
        self.checklist_view.setStyleSheet("font-size: 15px;")
        header = self.checklist_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.checklist_view.setColumnWidth(0, 380)
        self.checklist_view.setWordWrap(True)
        self.checklist_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # long items wrap
        layout.addWidget(self.checklist_view, 1)
        bottom = QHBoxLayout()
        self.checklist_summary = QLabel()
        self.checklist_summary.setObjectName("checklistSummary")
        bottom.addWidget(self.checklist_summary)
        bottom.addStretch(1)
        self.go_live_button = QPushButton(self.tr("Go live"))
        self.go_live_button.setObjectName("goLive")
        self.go_live_button.setMinimumSize(180, 44)
        theme.set_style(self.go_live_button,
                        "QPushButton { background: $strong_bg; color: $strong_fg; font-size: 17px; font-weight: 700; }"
                        "QPushButton:disabled { background: $neutral_bg; color: $neutral_fg; }")
        self.go_live_button.clicked.connect(self.go_live)
        bottom.addWidget(self.go_live_button)
        layout.addLayout(bottom)
        return page

    def _build_console_page(self) -> QWidget:
        splitter = QSplitter()
        splitter.setObjectName("consolePageSplitter")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 4, 4, 0)

        self.now_frame = QFrame()
        self.now_frame.setObjectName("nowPanel")
        now = QGridLayout(self.now_frame)
        now.setContentsMargins(14, 10, 14, 10)
        self.title_label = QLabel()
        self.title_label.setObjectName("segmentTitle")
        self.title_label.setStyleSheet("font-size: 26px; font-weight: 700;")
        self.title_label.setWordWrap(True)
        self.countdown_label = QLabel("–:––")
        self.countdown_label.setObjectName("countdown")
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.countdown_caption = QLabel()
        self.countdown_caption.setObjectName("countdownCaption")
        self.countdown_caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.elapsed_label = QLabel()
        self.elapsed_label.setObjectName("elapsed")
        self.drift_label = QLabel()
        self.drift_label.setObjectName("drift")
        self.expected_label = QLabel()
        self.expected_label.setObjectName("expectedEnd")
        for label in (self.elapsed_label, self.drift_label, self.expected_label, self.countdown_caption):
            label.setStyleSheet("font-size: 15px;")
        now.addWidget(self.title_label, 0, 0, 1, 2)
        now.addWidget(self.countdown_label, 0, 2, 2, 1)
        now.addWidget(self.elapsed_label, 1, 0)
        now.addWidget(self.drift_label, 1, 1)
        now.addWidget(self.expected_label, 2, 0, 1, 2)
        now.addWidget(self.countdown_caption, 2, 2)
        now.setColumnStretch(0, 1)
        now.setColumnStretch(1, 1)
        left_layout.addWidget(self.now_frame)

        self.lines_label = QLabel()
        self.lines_label.setObjectName("hostLines")
        self.lines_label.setWordWrap(True)
        self.lines_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.lines_label.setStyleSheet("font-size: 16px; padding: 6px;")
        self.lines_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        scroll = QScrollArea()
        scroll.setWidget(self.lines_label)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(110)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left_layout.addWidget(scroll, 2)
        self.next_label = QLabel()
        self.next_label.setObjectName("nextSegment")
        theme.set_style(self.next_label, "font-size: 17px; color: $text; padding: 2px 6px;")
        left_layout.addWidget(self.next_label)

        buttons = QHBoxLayout()
        self.prev_button = self._button(self.tr("◀ Previous"), "previousSegment", lambda: self.act(live_service.previous_segment))
        self.next_button = self._button(self.tr("Next ▶ (F5)"), "nextSegmentButton", lambda: self.act(live_service.next_segment))
        self.skip_button = self._button(self.tr("Skip next"), "skipSegment", lambda: self.act(live_service.skip_segment))
        self.hold_button = self._button(self.tr("Hold (F6)"), "holdSegment", lambda: self.act(live_service.toggle_hold))
        self.plus_button = self._button(self.tr("+1 min (F7)"), "plusMinute", lambda: self.add_time(60))
        self.minus_button = self._button(self.tr("−1 min"), "minusMinute", lambda: self.add_time(-60))
        self.end_button = self._button(self.tr("End stream"), "endStream", self.end_stream)
        self.console_go_live = self._button(self.tr("Go live"), "consoleGoLive", self.go_live)
        for b in (self.prev_button, self.next_button, self.skip_button, self.hold_button, self.plus_button,
                  self.minus_button, self.end_button, self.console_go_live):
            b.setMinimumHeight(36)
            buttons.addWidget(b)
        self.next_button.setStyleSheet("font-weight: 700;")
        left_layout.addLayout(buttons)

        self.run_model = RowsTableModel([self.tr("#"), self.tr("Segment"), self.tr("Planned time"), self.tr("Expected"),
                                         self.tr("Length"), self.tr("Drift")], parent=self)
        self.run_view = QTableView()
        self.run_view.setObjectName("runOfShow")
        self.run_view.setModel(self.run_model)
        self.run_view.verticalHeader().hide()
        self.run_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.run_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.run_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 30), (2, 70), (3, 70), (4, 60), (5, 96)):
            self.run_view.setColumnWidth(col, width)
        left_layout.addWidget(self.run_view, 3)

        message_row = QHBoxLayout()
        self.message_edit = QLineEdit()
        self.message_edit.setObjectName("hostMessage")
        self.message_edit.setPlaceholderText(self.tr("Short message to the host (Enter sends; it blinks on the host view)"))
        self.message_edit.returnPressed.connect(self.send_message)
        message_row.addWidget(self.message_edit, 1)
        self.send_button = QPushButton(self.tr("Send to host"))
        self.send_button.setObjectName("sendHostMessage")
        self.send_button.clicked.connect(lambda: self.send_message())
        message_row.addWidget(self.send_button)
        clear = QPushButton(self.tr("Clear"))
        clear.setObjectName("clearHostMessage")
        clear.clicked.connect(lambda: self.send_message(clear=True))
        message_row.addWidget(clear)
        left_layout.addLayout(message_row)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 4, 0, 0)
        right_layout.addWidget(self._build_metrics_box())
        right_layout.addWidget(self._build_shelf_box(), 3)
        log_box = QGroupBox(self.tr("Log"))
        log_layout = QVBoxLayout(log_box)
        self.log_model = RowsTableModel([self.tr("Time"), self.tr("What"), self.tr("Details")], parent=self)
        self.log_view = QTableView()
        self.log_view.setObjectName("liveLog")
        self.log_view.setModel(self.log_model)
        self.log_view.verticalHeader().hide()
        self.log_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_view.horizontalHeader().setStretchLastSection(True)
        self.log_view.setColumnWidth(0, 70)
        self.log_view.setColumnWidth(1, 90)
        log_layout.addWidget(self.log_view)
        incident = QPushButton(self.tr("Incident… (F9)"))
        incident.setObjectName("incidentButton")
        incident.clicked.connect(self.open_incident)
        log_layout.addWidget(incident)
        right_layout.addWidget(log_box, 2)

        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 660])
        return splitter

    def _build_metrics_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Quick metrics (Tab between fields, Enter saves)"))
        box.setObjectName("metricsBox")
        grid = QGridLayout(box)
        grid.setContentsMargins(8, 6, 8, 6)
        labels = {
            "online": self.tr("Online"),
            "uv": self.tr("Viewers (UV)"),
            "gmv": self.tr("GMV ¥"),
            "orders": self.tr("Orders"),
            "click": self.tr("Click rate %"),
        }
        self.metric_edits: dict[str, QLineEdit] = {}
        self.sparklines: dict[str, Sparkline] = {}
        self.metric_last: dict[str, QLabel] = {}
        for row, key in enumerate(METRIC_FIELDS):
            edit = QLineEdit()
            edit.setObjectName(f"metric_{key}")
            edit.setMaximumWidth(120)
            edit.returnPressed.connect(self.save_metrics)
            spark = Sparkline()
            spark.setObjectName(f"spark_{key}")
            last = QLabel()
            last.setObjectName(f"last_{key}")
            theme.set_style(last, "color: $muted;")
            grid.addWidget(QLabel(labels[key]), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(spark, row, 2)
            grid.addWidget(last, row, 3)
            self.metric_edits[key] = edit
            self.sparklines[key] = spark
            self.metric_last[key] = last
        for a, b in zip(METRIC_FIELDS, METRIC_FIELDS[1:], strict=False):
            QWidget.setTabOrder(self.metric_edits[a], self.metric_edits[b])
        self.uv_value_label = QLabel()
        self.uv_value_label.setObjectName("uvValue")
        grid.addWidget(self.uv_value_label, len(METRIC_FIELDS), 0, 1, 2)
        self.reminder_label = QLabel()
        self.reminder_label.setObjectName("metricReminder")
        theme.set_style(self.reminder_label, "color: $warn; font-weight: 600;")
        grid.addWidget(self.reminder_label, len(METRIC_FIELDS), 2, 1, 2)
        grid.setColumnStretch(3, 1)
        return box

    def _build_shelf_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Products on the shelf"))
        layout = QVBoxLayout(box)
        self.shelf_model = ShelfTableModel(self)
        self.shelf_view = QTableView()
        self.shelf_view.setObjectName("shelfTable")
        self.shelf_view.setModel(self.shelf_model)
        self.shelf_view.verticalHeader().hide()
        self.shelf_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.shelf_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.shelf_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.shelf_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # name and note share what is left
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.shelf_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # 加厚…绒毯: both ends of a name stay readable
        metrics = header.fontMetrics()
        for col, width in ((0, 40), (2, 54), (3, 62), (4, 58), (5, 72), (6, 52)):
            title = str(self.shelf_model.headerData(col, Qt.Orientation.Horizontal))
            self.shelf_view.setColumnWidth(col, max(width, metrics.horizontalAdvance(title) + 22))  # never clip a header
        self.shelf_view.doubleClicked.connect(lambda _i: self.toggle_link())
        layout.addWidget(self.shelf_view)
        row = QHBoxLayout()
        up = QPushButton(self.tr("Link up"))
        up.setObjectName("linkUp")
        up.clicked.connect(lambda: self.set_link(True))
        down = QPushButton(self.tr("Link down"))
        down.setObjectName("linkDown")
        down.clicked.connect(lambda: self.set_link(False))
        self.stock_edit = QLineEdit()
        self.stock_edit.setObjectName("stockEntry")
        self.stock_edit.setPlaceholderText(self.tr("Stock left, Enter"))
        self.stock_edit.setMaximumWidth(140)
        self.stock_edit.returnPressed.connect(self.enter_stock)
        row.addWidget(up)
        row.addWidget(down)
        row.addStretch(1)
        row.addWidget(self.stock_edit)
        layout.addLayout(row)
        return box

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

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
        self.next_action = make(self.tr("Next segment"), "F5", lambda: self._hotkey(live_service.next_segment), "nextAction")
        self.hold_action = make(self.tr("Hold or resume"), "F6", lambda: self._hotkey(live_service.toggle_hold), "holdAction")
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

    # --- data -------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.prefs = Preferences.load(self.paths)
        with self.db.session() as session:
            picks = live_service.stream_picks(session)
            self.people = [p.name for p in list_people(session, active_only=True)]
        current = self.stream_id
        self.stream_combo.blockSignals(True)
        self.stream_combo.clear()
        for p in picks:
            mark = "● " if p.live else ""
            self.stream_combo.addItem(f"{mark}{formatting.weekday_date(p.start_at)}  {p.title}  · {p.account}", p.id)
        wanted = current if current is not None else live_service.default_pick(picks, self.clock())
        self.stream_combo.setCurrentIndex(max(0, self.stream_combo.findData(wanted)))
        self.stream_combo.blockSignals(False)
        self._fill_people()
        self._fill_screens()
        self.load_stream(self.stream_combo.currentData())

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
        if index < 0:
            return
        self.stream_combo.blockSignals(True)
        self.stream_combo.setCurrentIndex(index)
        self.stream_combo.blockSignals(False)
        self.load_stream(stream_id)

    def load_stream(self, stream_id: int | None) -> None:
        if stream_id != self.stream_id:  # a refresh of the same stream keeps the dismissed alerts
            self._dismissed_alerts.clear()
            self._load_host_message(stream_id)
        self.stream_id = stream_id
        self._texts.clear()
        self._styles.clear()
        self.refresh()
        if self.state is not None:
            self.show_page(1 if self.state.started_at is not None else 0)

    def refresh(self) -> None:
        """Re-read everything for the stream from the database (after every action)."""
        if self.stream_id is None:
            self.state = None
            self.checklist_model.set_rows([])
            self.shelf_model.set_rows([])
            self.log_model.set_rows([])
            self._render()
            return
        now = self.clock()
        with self.db.session() as session:
            self.state = live_service.console_state(session, self.stream_id, now, warn_before=self.prefs.warning_seconds)
            if self.state.started_at is None and not self.following:  # a follower writes nothing
                items = live_service.ensure_checklist(session, self.stream_id, live_service.load_checklist_template(self.paths))
            else:
                items = live_service.checklist(session, self.stream_id)
            if self.state.started_at is None or self._auto_checks[0] != self.stream_id:
                # read before going live; on air the console refreshes after every action, so the last answer stays
                checks = prelive_checks.auto_checks(session, self.stream_id, Rules.from_preferences(self.prefs))
                self._auto_checks = (self.stream_id, checks)
            automatic = self._auto_checks[1]
            self.checklist_model.set_rows(
                [ChecklistRow(None, c.text, auto=True, ok=c.ok, note=c.reason) for c in automatic]
                + [ChecklistRow(i.id, i.text, i.ticked_by, i.ticked_at) for i in items
                   if i.text not in prelive_checks.REPLACED_ITEMS]  # the app ticks these itself now
            )
            shelf = live_service.shelf(session, self.stream_id)
            samples = live_service.metric_samples(session, self.stream_id)
            alerts = live_service.alerts(session, self.stream_id)
            log = live_service.live_log(session, self.stream_id)
        self.shelf_model.set_rows(shelf)
        self._show_metrics(samples)
        self._show_alerts(alerts, shelf)
        self.log_model.set_rows([[formatting.local(e.at).strftime("%H:%M:%S"), self._log_kind(e.kind), e.text] for e in log])
        total = self.checklist_model.rowCount()
        done = total - len(self.checklist_model.unticked_texts())
        self.checklist_summary.setText(self.tr("{0} of {1} ticked").format(done, total))
        self._render()
        if self.state.live or (self.host_view is not None and self.host_view.isVisible()):
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def _log_kind(self, kind: str) -> str:
        if kind.startswith("incident:"):
            return "⚠ " + kind_label(kind.split(":", 1)[1])
        return {
            "live": self.tr("Stream"), "segment": self.tr("Segment"), "link": self.tr("Link"), "stock": self.tr("Stock"),
            "metric": self.tr("Metrics"), "alert": self.tr("Alert"), "checklist": self.tr("Checklist"),
        }.get(kind, kind)

    def _show_metrics(self, samples) -> None:
        history = {
            "online": [s.online for s in samples],
            "uv": [s.uv for s in samples],
            "gmv": [s.gmv for s in samples],
            "orders": [s.orders for s in samples],
            "click": [None if s.click_rate is None else float(s.click_rate) * 100 for s in samples],
        }
        self._metric_history = history
        for key, values in history.items():
            self.sparklines[key].set_values(values)
            known = [v for v in values if v is not None]
            if not known:
                text = ""
            elif key == "gmv":
                text = formatting.money(known[-1])
            elif key == "click":
                text = f"{known[-1]:.1f}%"
            else:
                text = formatting.count(int(known[-1]))
            self.metric_last[key].setText(text)
        latest = next((s for s in reversed(samples) if s.gmv is not None and s.uv), None)
        self._uv_value = Decimal(latest.gmv) / latest.uv if latest is not None else None
        self._show_uv_value()
        self._last_metric_at = samples[-1].at if samples else None

    def _show_uv_value(self) -> None:
        value = self._uv_value
        if value is None:
            self.uv_value_label.setText("")
            return
        colour = theme.current().bad if value < Decimal(str(self.prefs.uv_value_floor)) else theme.current().good
        self.uv_value_label.setText(self.tr("UV value (GMV / UV): {0}").format(f"<b style='color:{colour}'>¥{value:.2f}</b>"))

    def _theme_changed(self) -> None:
        """Light or dark: the countdown panel and the UV value are coloured here, so paint them again."""
        self._styles.clear()
        self._show_uv_value()
        self._render()

    def _show_alerts(self, alerts, shelf) -> None:
        recent = self.clock() - dt.timedelta(minutes=ALERT_BANNER_MINUTES)  # older alerts stay in the log
        fresh = [a for a in alerts if a.id not in self._dismissed_alerts and a.at >= recent][-3:]
        prompts = [r for r in shelf if r.take_down_prompt]
        self.take_down_button.setVisible(bool(prompts))
        if not fresh and not prompts:
            self.banner.hide()
            return
        lines = [f"{formatting.local(a.at):%H:%M} {a.message}" for a in reversed(fresh)]
        lines += [self.tr("{0} is sold out: take the link down.").format(r.name) for r in prompts
                  if not any(r.name in line for line in lines)]
        self.alert_label.setText("⚠ " + "\n⚠ ".join(lines))
        self.banner.show()

    # --- ticking ----------------------------------------------------------------------------------------

    def tick(self) -> None:
        self._ticks += 1
        self._render()
        if self.host_view is not None and self._ticks % BLINK_EVERY == 0:
            self.host_view.blink()

    def _set(self, label: QLabel, text: str) -> None:
        """Repaint a label only when its text changed."""
        key = label.objectName()
        if self._texts.get(key) != text:
            self._texts[key] = text
            label.setText(text)

    def _style(self, widget: QWidget, style: str) -> None:
        key = widget.objectName()
        if self._styles.get(key) != style:
            self._styles[key] = style
            widget.setStyleSheet(style)

    def _render(self) -> None:
        state = self.state
        now = self.clock()
        status = state.status(now) if state is not None else None
        mode = "idle"
        if state is None:
            self._set(self.title_label, self.tr("No streams yet: plan one in the Schedule tab"))
            self._set(self.state_label, "")
        elif state.started_at is None:
            self._set(self.title_label, self.tr("Not live yet: tick the checklist, then Go live"))
            self._set(self.state_label, self.tr("Not live"))
        elif state.ended:
            self._set(self.title_label, self.tr("Stream ended at {0}").format(formatting.local(state.ended_at).strftime("%H:%M")))
            self._set(self.state_label, self.tr("Ended"))
        elif state.current is None:
            self._set(self.title_label, self.tr("Live — this stream has no script"))
            self._set(self.state_label, self.tr("● LIVE"))
        else:
            self._set(self.title_label, state.current.title)
            self._set(self.state_label, self.tr("● LIVE · HELD") if state.held else self.tr("● LIVE"))
        countdown = "–:––"
        caption = elapsed = drift = expected = next_text = ""
        if status is not None and status.current is not None and state is not None:
            if state.held:
                mode = "held"
            elif status.overtime > 0:
                mode = "overtime"
            elif status.warning:
                mode = "warning"
            else:
                mode = "normal"
            countdown = ("+" + clock_text(status.overtime)) if status.overtime > 0 else clock_text(max(0.0, status.time_left))
            caption = {"overtime": self.tr("segment over time"), "held": self.tr("held"), "warning": self.tr("switch soon")}.get(
                mode, self.tr("left"))
            elapsed = self.tr("Elapsed {0} · on air {1}").format(clock_text(state.segment_elapsed(now)), clock_text(status.now))
            readout = drift_readout(status)
            drift = readout.segment_text()
            expected = self.tr("{0} · expected end {1} (planned {2})").format(
                readout.show_text(), formatting.local(state.at(status.expected_end)).strftime("%H:%M"),
                formatting.local(state.at(status.planned_end)).strftime("%H:%M"))
            nxt = state.next
            if nxt is not None:
                run = status.segments[status.current + 1]
                next_text = self.tr("Next: {0} at {1}").format(nxt.title, formatting.local(state.at(run.expected_start)).strftime("%H:%M"))
            else:
                next_text = self.tr("Next: end of the show")
        elif status is not None and status.finished and state is not None:
            expected = drift_readout(status).show_text()
        self._set(self.countdown_label, countdown)
        self._set(self.countdown_caption, caption)
        self._set(self.elapsed_label, elapsed)
        self._set(self.drift_label, drift)
        self._set(self.expected_label, expected)
        self._set(self.next_label, next_text)
        lines = state.current.host_lines if state is not None and state.current is not None and not state.ended else ""
        self._set(self.lines_label, lines)
        colour = getattr(theme.current(), COLOURS[mode])
        self._style(self.countdown_label, f"font-size: 64px; font-weight: 800; font-family: monospace; color: {colour};")
        background = getattr(theme.current(), PANEL_BACKGROUNDS.get(mode, "base"))
        self._style(self.now_frame, f"#nowPanel {{ background: {background}; border: 2px solid {colour}; border-radius: 6px; }}")
        live_state = state is not None and state.live
        self._style(self.state_label, theme.css("font-weight: 700; color: $bad;" if live_state else "color: $muted;"))
        self._update_buttons(status)
        self._warn_sound(state, mode)
        self._reminder(now)
        self._render_run(status)
        if self.host_view is not None and self.host_view.isVisible():
            nxt_title = state.next.title if state is not None and state.next is not None and live_state else ""
            title = state.current.title if state is not None and state.current is not None and live_state else self._texts.get("segmentTitle", "")
            self.host_view.set_content(title, countdown, lines if live_state else "", nxt_title, mode)

    def _render_run(self, status) -> None:
        state = self.state
        if state is None or not state.segments:
            if self.run_model.rows:
                self.run_model.set_rows([])
            return
        rows = []
        bad = set()
        for i, seg in enumerate(state.segments):
            run = status.segments[i] if status is not None else None
            planned = clock_text(seg.start)
            expected = clock_text(run.expected_start) if run is not None else ""
            drift = ""
            if run is not None and abs(run.start_drift) >= ON_TIME_SECONDS:
                drift = drift_words(run.start_drift)  # the console's wording, from the same expected times
                if run.state != "done" and run.end_drift > 0:
                    bad.add(i)  # still to come and running late
            marker = "▶" if status is not None and status.current == i else ("✓" if run is not None and run.state == "done" else "")
            rows.append([f"{marker}{i + 1}", seg.title, planned, expected, clock_text(seg.duration), drift])
        # the run of show changes once a second at most; repaint only when a cell changed
        if rows != self.run_model.rows:
            self.run_model.set_rows(rows, bad)
            if status is not None and status.current is not None:
                self.run_view.scrollTo(self.run_model.index(status.current, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def _update_buttons(self, status) -> None:
        state = self.state
        live_state = state is not None and state.live
        running = live_state and state is not None and state.current is not None
        # Mouse buttons always work (a click cannot fire by accident); arming governs only the F-key hotkeys.
        for button in (self.next_button, self.skip_button, self.prev_button, self.hold_button, self.plus_button,
                       self.minus_button):
            button.setEnabled(bool(running and not self.following))
        self.end_button.setEnabled(bool(live_state and not self.following))
        not_started = state is not None and state.started_at is None
        self.go_live_button.setEnabled(not_started)
        self.console_go_live.setVisible(not_started)
        self.hold_button.setText(self.tr("Resume (F6)") if state is not None and state.held else self.tr("Hold (F6)"))

    def _warn_sound(self, state, mode: str) -> None:
        """One beep when a segment enters its warning window, another when it runs over."""
        if state is None or state.current is None:
            return
        key = (state.current.id, mode)
        if key == self._warned_segment:
            return
        previous = self._warned_segment
        self._warned_segment = key
        if self.prefs.warning_sound and mode in ("warning", "overtime") and previous[0] is not None:
            QApplication.beep()

    def _reminder(self, now: dt.datetime) -> None:
        state = self.state
        text = ""
        if state is not None and state.live:
            since = self._last_metric_at or state.started_at
            assert since is not None
            minutes = (now - since).total_seconds() / 60
            if minutes >= self.prefs.metric_reminder_minutes:
                text = self.tr("Time to enter the dashboard numbers (last {0} min ago)").format(int(minutes))
        self._set(self.reminder_label, text)

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

    def act(self, action) -> bool:
        """Run one console action in its own transaction, then rebuild the console from the database."""
        if self.stream_id is None:
            return False
        if self.following:
            self.status_message.emit(self.tr("Following another computer's console: nothing can be changed here."), 4000)
            return False
        try:
            with self.db.session() as session:
                action(session, self.stream_id, self.clock())
        except live_service.LiveError as exc:
            self.status_message.emit(str(exc), 6000)
            return False
        except Exception as exc:  # the transaction rolled back
            show_error(self, exc)
            return False
        finally:
            self.refresh()
        return True

    def add_time(self, seconds: int) -> None:
        self.act(lambda s, sid, now: live_service.add_time(s, sid, seconds, now))

    def go_live(self) -> None:
        if self.state is None or self.state.started_at is not None:
            return
        missing = self.checklist_model.unticked_texts()
        if missing and not self.confirm_go_live(missing):
            return
        if self.act(live_service.go_live):
            if self.stream_id is not None:
                self.stream_picked.emit(self.stream_id)  # the stream on air is the one every tab shows
            self.show_page(1)
            self.status_message.emit(self.tr("Live! The stream clock is running."), 5000)

    def _ask_go_live(self, missing: list[str]) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Go live"),
                          self.tr("%n checklist item(s) are not ticked:", "", len(missing)) + "\n\n• " + "\n• ".join(missing)
                          + "\n\n" + self.tr("Go live anyway?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("goLiveConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def end_stream(self) -> None:
        """Asks first (the stream clock cannot be restarted), then offers the stream's review."""
        if self.state is None or not self.state.live or not self.confirm_end():
            return
        stream_id = self.stream_id
        if self.act(live_service.end_stream) and stream_id is not None:
            self.stream_picked.emit(stream_id)  # its review, wherever it is opened from, is this stream's
            self.status_message.emit(self.tr("Stream ended."), 5000)
            if self.offer_review():
                self.open_stream_in.emit("review", stream_id)

    def _ask_end(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("End stream"),
                          self.tr("End the stream now? The stream clock stops and cannot be restarted."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("endConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("End stream"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep streaming"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def _ask_review(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Stream ended"),
                          self.tr("The stream has ended. Open its review now? What the console logged "
                                  "(metrics, incidents) is already there; add the platform's exports when you have them."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("offerReview")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Open the review"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Later"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def set_ticked(self, item_id: int, ticked: bool) -> None:
        if self.following:
            self.refresh()
            return
        who = self.person_combo.currentText()
        try:
            with self.db.session() as session:
                if ticked:
                    live_service.tick(session, item_id, who, self.clock())
                else:
                    live_service.untick(session, item_id)
        except Exception as exc:
            show_error(self, exc)
        self.refresh()

    def edit_template(self) -> None:
        dialog = QDialog(self)
        dialog.setObjectName("checklistTemplateDialog")
        dialog.setWindowTitle(self.tr("Checklist template"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("One item per line. New streams start from this list.")))
        editor = QPlainTextEdit("\n".join(live_service.load_checklist_template(self.paths)))
        layout.addWidget(editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(520, 360)
        if dialog.exec():
            try:
                live_service.save_checklist_template(self.paths, editor.toPlainText().splitlines())
            except OSError as exc:
                show_error(self, exc)

    def _selected_product(self) -> int | None:
        rows = self.shelf_view.selectionModel().selectedRows()
        if not rows:
            self.status_message.emit(self.tr("Select a product on the shelf first."), 4000)
            return None
        return rows[0].data(Qt.ItemDataRole.UserRole)

    def set_link(self, up: bool, product_id: int | None = None) -> None:
        product_id = product_id if product_id is not None else self._selected_product()
        if product_id is not None:
            self.act(lambda s, sid, now: live_service.set_link(s, sid, product_id, up, now))

    def toggle_link(self) -> None:
        product_id = self._selected_product()
        row = next((r for r in self.shelf_model.rows if r.product_id == product_id), None)
        if row is not None:
            self.set_link(not row.link_up, product_id)

    def take_down_sold_out(self) -> None:
        for row in [r for r in self.shelf_model.rows if r.take_down_prompt]:
            self.set_link(False, row.product_id)

    def enter_stock(self) -> None:
        product_id = self._selected_product()
        if product_id is None:
            return
        try:
            remaining = parse_int(self.stock_edit.text())
        except ValueError:
            remaining = None
        if remaining is None:
            self.status_message.emit(self.tr("Type the stock left as a whole number."), 4000)
            return
        if self.act(lambda s, sid, now: live_service.enter_stock(s, sid, product_id, remaining, now, self.prefs)):
            self.stock_edit.clear()

    def save_metrics(self) -> None:
        texts = {key: edit.text().strip() for key, edit in self.metric_edits.items()}
        try:
            online = parse_int(texts["online"])
            uv = parse_int(texts["uv"])
            gmv = parse_money(texts["gmv"])
            orders = parse_int(texts["orders"])
            if texts["click"].endswith("%"):
                click = parse_rate(texts["click"])
            else:
                number = parse_decimal(texts["click"])
                click = None if number is None else number / 100
        except ValueError:
            self.status_message.emit(self.tr("Numbers only, please (e.g. 1234, 1.2万, 3.5%)."), 5000)
            return
        if self.act(lambda s, sid, now: live_service.add_metric(s, sid, now, online, gmv, orders, uv, click, self.prefs)):
            for edit in self.metric_edits.values():
                edit.clear()
            self.metric_edits["online"].setFocus()
            self.status_message.emit(self.tr("Metrics saved."), 3000)

    def dismiss_alerts(self) -> None:
        if self.stream_id is None:
            return
        with self.db.session() as session:
            self._dismissed_alerts |= {a.id for a in live_service.alerts(session, self.stream_id)}
        self.refresh()

    def open_incident(self) -> None:
        if self.stream_id is None:
            return
        if self.incident_dialog is not None and self.incident_dialog.isVisible():
            self.incident_dialog.raise_()
            return

        def lines_for(kind: str) -> list[str]:
            with self.db.session() as session:
                return live_service.response_lines(session, kind)

        def save_lines(kind: str, lines: list[str]) -> None:
            try:
                with self.db.session() as session:
                    live_service.set_response_lines(session, kind, lines)
            except Exception as exc:
                show_error(self, exc)

        dialog = IncidentDialog(self.clock(), self.people, lines_for, save_lines, self.person_combo.currentText(), self)
        dialog.accepted.connect(lambda: self._save_incident(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "incident_dialog", None))
        self.incident_dialog = dialog
        dialog.open()

    def _save_incident(self, dialog: IncidentDialog) -> None:
        kind, when, note, who = dialog.values()
        if self.act(lambda s, sid, _now: live_service.log_incident(s, sid, kind, when, note, who)):
            self.status_message.emit(self.tr("Incident logged."), 3000)

    # --- host view --------------------------------------------------------------------------------------

    def toggle_host_view(self) -> None:
        if self.host_view is not None and self.host_view.isVisible():
            self.host_view.close()  # _host_view_closed puts the button back
            return
        if self.host_view is None:
            self.host_view = HostView()
            self.host_view.closed.connect(self._host_view_closed)
        self.host_view.set_message(self.host_text)
        self.host_view.set_mirrored(self.mirror_check.isChecked())
        screens = QGuiApplication.screens()
        index = self.screen_combo.currentData()
        self.host_view.open_on(screens[index] if index is not None and index < len(screens) else None)
        self.host_button.setText(self.tr("Close host view"))
        self._texts.clear()
        self._render()
        if not self.timer.isActive():
            self.timer.start()

    def _host_view_closed(self) -> None:
        """Closed by Esc on the host's screen or by the button: the button and the ticking follow."""
        self.host_button.setText(self.tr("Host view"))
        if self.state is None or not self.state.live:
            self.timer.stop()

    def send_message(self, clear: bool = False) -> None:
        text = "" if clear else self.message_edit.text().strip()
        if self.following:
            return
        if self.stream_id is not None:  # saved, so a host view following from another computer shows it too
            try:
                with self.db.session() as session:
                    live_service.set_host_message(session, self.stream_id, text, self.clock())
            except Exception as exc:  # the message still reaches this computer's host view
                log.warning("Could not save the host message: %s", exc)
        self.host_text = text
        if self.host_view is not None:
            self.host_view.set_message(text)
        self.message_edit.clear()
        if text:
            self.status_message.emit(self.tr("Sent to the host view: {0}").format(text), 3000)

    def _load_host_message(self, stream_id: int | None) -> None:
        """The stream's last message to the host, as saved (it survives a restart and a change of stream)."""
        text = ""
        if stream_id is not None:
            try:
                with self.db.session() as session:
                    text = live_service.host_message(session, stream_id)
            except Exception as exc:  # shown again by the next message; the console itself still works
                log.warning("Could not read the host message: %s", exc)
        self.host_text = text
        if self.host_view is not None:
            self.host_view.set_message(text)

    # --- following a console run elsewhere ---------------------------------------------------------------

    def set_following(self, on: bool) -> None:
        """Read-only mode for a second computer (the host's screen): poll the stream's console state and the
        controller's message once a second; every action is refused."""
        self.following = on
        if self.follow_check.isChecked() != on:
            self.follow_check.blockSignals(True)
            self.follow_check.setChecked(on)
            self.follow_check.blockSignals(False)
        if on:
            self.set_armed(False)
        for widget in (self.arm_button, self.message_edit, self.send_button):
            widget.setEnabled(not on)
        if on:
            self.follow_timer.start()
            self.follow_poll()
            self.status_message.emit(self.tr("Following: this console shows what the controller does."), 5000)
        else:
            self.follow_timer.stop()
            self.refresh()

    def follow_poll(self) -> None:
        """One cheap read: the console state and the host message. A new segment, hold or end reloads the rest
        (log, shelf, metrics); otherwise only the countdown is repainted."""
        if not self.following or self.stream_id is None:
            return
        if not self.isVisible() and (self.host_view is None or not self.host_view.isVisible()):
            return
        try:
            with self.db.session() as session:
                state = live_service.console_state(session, self.stream_id, self.clock(), warn_before=self.prefs.warning_seconds)
                message = live_service.host_message(session, self.stream_id)
        except Exception as exc:  # the server is away for a moment (or the stream was deleted): keep the last state
            if str(exc) != self._follow_error:  # logged once, not every second
                self._follow_error = str(exc)
                log.warning("Following the console failed: %s", exc)
            return
        self._follow_error = ""
        old = self.state
        if _shape(old) != _shape(state):
            self.refresh()  # re-reads the same state with the log, shelf and metrics, and starts the ticks
        else:
            self.state = state
            self._render()
        if message != self.host_text:
            self.host_text = message
            if self.host_view is not None:
                self.host_view.set_message(message)

    # --- screenshot and shutdown ------------------------------------------------------------------------

    def prepare_screenshot(self) -> None:
        """Today's demo stream mid-show on a fake clock: in a warning window, a little behind, metrics logged."""
        with self.db.session() as session:
            picks = live_service.stream_picks(session)
            target = _screenshot_stream(session, picks, dt.datetime.now(dt.timezone.utc))
            if target is None:
                return
            now = _stage_demo_show(session, target, self.prefs)
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


def _shape(state: live_service.ConsoleState | None) -> tuple | None:
    """What a follower must reload the whole console for when it changes (the rest is the ticking clock)."""
    if state is None:
        return None
    return (state.current_index, state.started_at, state.ended_at, state.held_since, state.actual_starts,
            tuple(state.extra.items()), state.segments)


def _screenshot_stream(session, picks, now: dt.datetime) -> int | None:
    from livedesk.services.scripts import list_segments

    candidates = [p.id for p in picks if p.live]
    today = now.astimezone().date()
    candidates += [p.id for p in picks if p.start_at.astimezone().date() == today]
    candidates += [p.id for p in reversed(picks) if p.status in ("rehearsed", "scripted")]
    for stream_id in candidates:
        if len(list_segments(session, stream_id)) >= 3:
            return stream_id
    return None


def _stage_demo_show(session, stream_id: int, prefs: Preferences) -> dt.datetime:
    """Go live on the demo stream at its planned start, switch segments 90 s late, log some numbers;
    return a fake 'now' 2 minutes before the running segment is due to switch. Deterministic, and
    a second call (the other language's screenshot) only recomputes the time."""
    from livedesk.models import Stream

    stream = session.get(Stream, stream_id)
    segments = live_service.list_segments(session, stream_id)
    if live_service.get_live_session(session, stream_id) is None:
        start = stream.start_at
        live_service.go_live(session, stream_id, start)
        for i, seg in enumerate(segments[1:], start=1):
            if seg.start_seconds > 45 * 60:
                break
            live_service.next_segment(session, stream_id, start + dt.timedelta(seconds=seg.start_seconds + 90 + 15 * i))
        current = live_service.console_state(session, stream_id, start)
        run_start = current.actual_starts[-1]
        now = run_start + dt.timedelta(seconds=current.current.duration - 110)  # type: ignore[union-attr]
        lineup = live_service.shelf(session, stream_id)
        for row in lineup[:2]:
            live_service.set_link(session, stream_id, row.product_id, True, start + dt.timedelta(minutes=1))
        welfare = next((r for r in lineup if r.welfare), None)
        if welfare is not None:
            live_service.enter_stock(session, stream_id, welfare.product_id, 0, now - dt.timedelta(minutes=3), prefs)
        minutes = int((now - start).total_seconds() // 60)
        online_curve = [180, 420, 610, 720, 690, 760, 820, 780, 640, 700, 730, 760, 690, 650]
        gmv = Decimal(0)
        orders = 0
        for n, minute in enumerate(range(5, minutes, 5)):
            online = online_curve[n % len(online_curve)]
            gmv += Decimal(online) * Decimal("3.1") if n < 6 else Decimal(online) * Decimal("0.9")
            orders += online // 40
            uv = 400 + 700 * (n + 1)
            live_service.add_metric(session, stream_id, start + dt.timedelta(minutes=minute), online, gmv, orders, uv,
                                    Decimal("0.06") + Decimal(n % 4) / 100, prefs)
        live_service.log_incident(session, stream_id, "network_drop", start + dt.timedelta(minutes=22),
                                  "主网络断开 30 秒，已切到 5G 备用", "阿杰")
        return now
    current = live_service.console_state(session, stream_id, stream.start_at)
    if current.ended or current.current is None:
        return current.ended_at or stream.start_at
    extra = current.extra.get(current.current_index or 0, 0)
    return current.actual_starts[-1] + dt.timedelta(seconds=current.current.duration + extra - 110)

