"""The live console page: the running segment and its countdown, the run of show, quick metrics,
the shelf, alerts, the log and incidents. A part of LiveTab (livedesk/ui/live/tab.py)."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from livedesk.services import live_steps
from livedesk.services.faults import EnvironmentFault
from livedesk.services.importers.values import parse_decimal, parse_int, parse_money, parse_rate
from livedesk.services.timeline import ON_TIME_SECONDS, drift_readout, drift_words
from livedesk.services.timeline import clock as clock_text
from livedesk.ui import formatting, theme
from livedesk.ui.errors import show_error
from livedesk.ui.live.models import ShelfTableModel
from livedesk.ui.live.widgets import IncidentDialog, Sparkline, kind_label
from livedesk.ui.widgets.rows_model import RowsTableModel

log = logging.getLogger(__name__)
BLINK_EVERY = 2  # ticks per blink phase of the host message
# The countdown and the panel behind it, as theme colour names (livedesk.ui.colours).
COLOURS = {"normal": "good", "warning": "warn_fg", "overtime": "bad_fg", "held": "info_fg", "idle": "muted"}
PANEL_BACKGROUNDS = {"warning": "warn_bg", "overtime": "bad_bg", "held": "info_bg"}
METRIC_FIELDS = ("online", "uv", "gmv", "orders", "click")
ALERT_BANNER_MINUTES = 10


class ConsolePage:
    """The console page's widgets and actions; mixed into LiveTab, which owns the state they read."""

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
        self.prev_button = self._button(self.tr("◀ Previous"), "previousSegment", lambda: self.act(live_steps.previous_segment))
        self.next_button = self._button(self.tr("Next ▶ (F5)"), "nextSegmentButton", lambda: self.act(live_steps.next_segment))
        self.skip_button = self._button(self.tr("Skip next"), "skipSegment", lambda: self.act(live_steps.skip_segment))
        self.hold_button = self._button(self.tr("Hold (F6)"), "holdSegment", lambda: self.act(live_steps.toggle_hold))
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
        fit_column_widths(self.run_view, ((0, 30), (2, 70), (3, 70), (4, 60), (5, 96)))
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
        right_layout.addWidget(self._build_capture_box())  # live capture (capture_console.py)
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
        self.capture_badge = QLabel()  # how many readings came from the screen, and the last one's time
        self.capture_badge.setObjectName("captureBadge")
        theme.set_style(self.capture_badge, "color: $info_fg; font-weight: 600;")
        grid.addWidget(self.capture_badge, len(METRIC_FIELDS) + 1, 0, 1, 4)
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
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the product's name takes what is left
        self.shelf_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # 加厚…绒毯: both ends of a name stay readable
        fit_column_widths(self.shelf_view, ((0, 40), (2, 54), (3, 62), (4, 58), (5, 72), (6, 52), (7, 52), (8, 90)))
        # the safety stock shows in the stock cell's tooltip, the row's colour and its note ("Below safety
        # stock"): its own column would leave the product's name two characters at 1440×900
        self.shelf_view.setColumnHidden(ShelfTableModel.COLUMNS.index("safety"), True)
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
        self.stock_edit.setPlaceholderText(self.tr("Stock left, or #3 8.2% 45"))
        self.stock_edit.setToolTip(self.tr("The selected product's stock left, then Enter; or a link number, its click "
                                           "rate and stock left in one line: #3 8.2% 45"))
        self.stock_edit.setMaximumWidth(190)
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
        self._show_capture_badges(samples)

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

    def add_time(self, seconds: int) -> None:
        self.act(live_steps.add_time, seconds)

    def end_stream(self) -> None:
        """Asks first (the stream clock cannot be restarted), then offers the stream's review."""
        if self.state is None or not self.state.live or not self.confirm_end():
            return
        stream_id = self.stream_id
        if self.act(live_steps.end_stream) and stream_id is not None:
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

    def _selected_product(self) -> int | None:
        rows = self.shelf_view.selectionModel().selectedRows()
        if not rows:
            self.status_message.emit(self.tr("Select a product on the shelf first."), 4000)
            return None
        return rows[0].data(Qt.ItemDataRole.UserRole)

    def set_link(self, up: bool, product_id: int | None = None) -> None:
        product_id = product_id if product_id is not None else self._selected_product()
        if product_id is not None:
            self.act(live_steps.set_link, product_id, up)

    def toggle_link(self) -> None:
        product_id = self._selected_product()
        row = next((r for r in self.shelf_model.rows if r.product_id == product_id), None)
        if row is not None:
            self.set_link(not row.link_up, product_id)

    def take_down_sold_out(self) -> None:
        for row in [r for r in self.shelf_model.rows if r.take_down_prompt]:
            self.set_link(False, row.product_id)

    def enter_stock(self) -> None:
        linked = self.enter_link_line(self.stock_edit.text())  # "#3 8.2% 45": a link's click rate and stock
        if linked is not None:
            if linked:
                self.stock_edit.clear()
            return
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
        if self.act(live_steps.enter_stock, product_id, remaining, self.prefs):
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
        source = self._take_metric_source()  # typed, or paste when the fields were filled from pasted text
        if self.act(live_steps.add_metric, online=online, gmv=gmv, orders=orders, uv=uv, click_rate=click,
                    prefs=self.prefs, source=source):
            for edit in self.metric_edits.values():
                edit.clear()
            self.metric_edits["online"].setFocus()
            self.status_message.emit(self.tr("Metrics saved."), 3000)

    def dismiss_alerts(self) -> None:
        if self.stream_id is None:
            return
        self._dismissed_alerts |= {a.id for a in self._alert_rows}  # the ones shown, as last read
        self._show_alerts(self._alert_rows, self.shelf_model.rows)

    def open_incident(self) -> None:
        if self.stream_id is None:
            return
        if self.incident_dialog is not None and self.incident_dialog.isVisible():
            self.incident_dialog.raise_()
            return

        db = self.db

        def lines_for(kind: str) -> list[str]:
            try:
                return live_steps.response_lines(db, kind)
            except EnvironmentFault:  # the team server is away: the incident can still be typed; saving says so
                return []

        def save_lines(kind: str, lines: list[str]) -> None:
            try:
                live_steps.set_response_lines(db, kind, lines)
            except Exception as exc:
                show_error(self, exc)

        dialog = IncidentDialog(self.clock(), self.people, lines_for, save_lines, self.person_combo.currentText(), self)
        dialog.accepted.connect(lambda: self._save_incident(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "incident_dialog", None))
        self.incident_dialog = dialog
        dialog.open()

    def _save_incident(self, dialog: IncidentDialog) -> None:
        kind, when, note, who = dialog.values()
        if self.act(live_steps.log_incident, kind, note, who, at=when):
            self.status_message.emit(self.tr("Incident logged."), 3000)


def fit_column_widths(view: QTableView, widths: tuple[tuple[int, int], ...]) -> None:
    """Give each column its width, or more when its header needs it: a header is never clipped."""
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    for col, width in widths:
        title = str(view.model().headerData(col, Qt.Orientation.Horizontal))
        view.setColumnWidth(col, max(width, metrics.horizontalAdvance(title) + 22))
