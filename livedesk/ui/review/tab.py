"""The review tab (复盘): import the platform's exports, then KPIs against goals, curves with the script
laid over them, products ranked, moments, the debrief with its improvement list, and trends across streams."""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from livedesk.config import Paths, Preferences
from livedesk.services import live_review, review_views
from livedesk.services.db import Database
from livedesk.services.review_model import ReviewModel, load_review_model, rate_text
from livedesk.ui import formatting, theme
from livedesk.ui.empty_state import EmptyState
from livedesk.ui.errors import show_error
from livedesk.ui.labels import incident_kind_label, platform_label
from livedesk.ui.review.charts import ReviewCharts
from livedesk.ui.review.commands import AddImprovement, DeleteImprovements, EditImprovement, EditMomentNote
from livedesk.ui.review.import_dialog import ReviewImportDialog
from livedesk.ui.review.importing import ReviewImporter
from livedesk.ui.review.kpi_panel import KpiPanel
from livedesk.ui.review.models import (
    SORT_ROLE,
    ImprovementTableModel,
    MomentTableModel,
    ProductTableModel,
    TrendTableModel,
)
from livedesk.ui.tab_base import Tab
from livedesk.ui.tasks import run_task
from livedesk.ui.undo import push_command
from livedesk.ui.widgets.actions import add_tab_action
from livedesk.ui.widgets.rows_model import RowsTableModel

SPREADSHEET_SUFFIXES = (".xlsx", ".xls", ".csv")
DEBRIEF_DELAY_MS = 600


class _SortProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)


def _table(model, name: str, editable: bool = False) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = _SortProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if not editable:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    proxy.setParent(view)
    return view, proxy


@dataclass(frozen=True)
class _ReviewLists:
    """What the review tab reads besides the stream's own review: for `reload` and a teammate's change."""

    choices: list
    filters: review_views.TrendFilters
    query: tuple[str, str | None, str | None, str | None]
    trends: list


class ReviewTab(Tab):
    status_message = Signal(str, int)
    stream_picked = Signal(int)  # the user chose a stream: the window makes it current in every tab

    def __init__(self, db: Database, paths: Paths, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.paths = paths
        self.undo_stack = QUndoStack(self)
        self.stream_id: int | None = None
        self.review_model: ReviewModel | None = None
        self.choices: list[review_views.StreamChoice] = []
        self.dialog_factory = ReviewImportDialog  # tests may swap it
        self.last_import_dialog: ReviewImportDialog | None = None
        self.last_summary = None
        self._load_token = 0
        self._debrief_pending: set[str] = set()
        self._debrief_stream: int | None = None
        self.product_model = ProductTableModel(self)
        self.moment_model = MomentTableModel(self._edit_moment_note, self)
        self.improvement_model = ImprovementTableModel(self._edit_improvement, self)
        self.trend_model = TrendTableModel(self)
        self.channel_model = RowsTableModel([], parent=self)
        self.source_model = RowsTableModel([], parent=self)
        self.importer = ReviewImporter(self)
        self.setAcceptDrops(True)
        self._debrief_timer = QTimer(self)
        self._debrief_timer.setSingleShot(True)
        self._debrief_timer.setInterval(DEBRIEF_DELAY_MS)
        self._debrief_timer.timeout.connect(self.flush_debrief)
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
        self.stream_combo.currentIndexChanged.connect(self._stream_picked)
        top.addWidget(self.stream_combo, 1)
        toolbar = QToolBar()
        toolbar.setObjectName("reviewToolbar")
        self.import_action = self._add_action(toolbar, self.tr("Import files…"), self.import_files, "Ctrl+I", "importReview")
        self.paste_action = self._add_action(
            toolbar, self.tr("Paste from clipboard"), self.paste_from_clipboard, "Ctrl+Shift+V", "pasteReview"
        )
        self.save_chart_action = self._add_action(
            toolbar, self.tr("Save chart as PNG…"), self.save_chart, "Ctrl+Shift+S", "saveChart"
        )
        self.report_action: QAction | None = None
        if importlib.util.find_spec("livedesk.rendering.review_report") is not None:
            self.report_action = self._add_action(toolbar, self.tr("Report…"), self.make_report, None, "makeReport")
        top.addWidget(toolbar)
        layout.addLayout(top)

        self.pages = QTabWidget()
        self.pages.setObjectName("reviewPages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self._build_overview(), self.tr("Overview"))
        self.pages.addTab(self._build_products(), self.tr("Products"))
        self.pages.addTab(self._build_moments(), self.tr("Moments"))
        self.pages.addTab(self._build_debrief(), self.tr("Debrief"))
        self.pages.addTab(self._build_trends(), self.tr("Trends"))
        layout.addWidget(self.pages, 1)

    def _add_action(self, toolbar: QToolBar, text: str, slot, shortcut, name: str) -> QAction:
        return add_tab_action(self, toolbar, text, slot, shortcut, name)

    def _build_overview(self) -> QWidget:
        self.overview_stack = QStackedWidget()
        self.empty_state = EmptyState(
            self.tr("No review data for this stream yet"),
            self.tr("Download the platform's exports after the stream (Douyin 百应 “整场数据下载”, the per-minute "
                    "trend, the order export) and import them here, or drop the files on this tab. "
                    "A curve copied from the dashboard can be pasted."),
        )
        self.empty_state.setObjectName("reviewEmpty")
        self._empty_buttons = [
            self.empty_state.add_action(self.tr("Import files…"), self.import_files, "emptyImport"),
            self.empty_state.add_action(self.tr("Paste from clipboard"), self.paste_from_clipboard, "emptyPaste"),
        ]
        self.overview_stack.addWidget(self.empty_state)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        self.kpi_panel = KpiPanel()
        self.kpi_cards = self.kpi_panel.cards
        self.warning_label = self.kpi_panel.warning_label
        layout.addWidget(self.kpi_panel)

        overlay_row = QHBoxLayout()
        overlay_row.addWidget(QLabel(self.tr("Overlay stream:")))
        self.overlay_combo = QComboBox()
        self.overlay_combo.setObjectName("overlayStream")
        self.overlay_combo.currentIndexChanged.connect(self._overlay_changed)
        overlay_row.addWidget(self.overlay_combo, 1)
        save = QPushButton(self.tr("Save chart as PNG…"))
        save.setObjectName("saveChartButton")
        save.clicked.connect(lambda: self.save_chart())
        overlay_row.addWidget(save)
        layout.addLayout(overlay_row)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("reviewSplitter")
        self.charts = ReviewCharts()
        self.charts.setObjectName("reviewCharts")
        splitter.addWidget(self.charts)
        composition = QWidget()
        comp_layout = QHBoxLayout(composition)
        comp_layout.setContentsMargins(0, 0, 0, 0)
        self.traffic_label = QLabel()
        self.traffic_label.setObjectName("trafficLabel")
        self.traffic_label.setWordWrap(True)
        self.traffic_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        comp_layout.addWidget(self.traffic_label, 1)
        self.channel_view, _ = _table(self.channel_model, "channelTable")
        comp_layout.addWidget(self.channel_view, 2)
        self.source_view, _ = _table(self.source_model, "orderSourceTable")
        comp_layout.addWidget(self.source_view, 2)
        splitter.addWidget(composition)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.overview_stack.addWidget(page)
        return self.overview_stack

    def _build_products(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.product_view, self.product_proxy = _table(self.product_model, "productTable")
        self.product_view.setColumnWidth(0, 220)
        layout.addWidget(self.product_view, 1)
        self.product_note = QLabel()
        self.product_note.setObjectName("productNote")
        layout.addWidget(self.product_note)
        return page

    def _build_moments(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        hint = QLabel(self.tr("The biggest peaks and valleys of the online curve. Double-click a note to write "
                              "what happened at that minute (segment, product, welfare drop, incident)."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.moment_view, self.moment_proxy = _table(self.moment_model, "momentTable", editable=True)
        self.moment_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        layout.addWidget(self.moment_view, 1)
        return page

    def _build_debrief(self) -> QWidget:
        page = QWidget()
        layout = QGridLayout(page)
        self.console_box = QFrame()  # what the live console logged: the debrief's starting point
        self.console_box.setObjectName("consoleLogBox")
        self.console_box.setFrameShape(QFrame.Shape.StyledPanel)
        console_layout = QHBoxLayout(self.console_box)
        console_layout.setContentsMargins(8, 6, 8, 6)
        self.console_label = QLabel()
        self.console_label.setObjectName("consoleLog")
        self.console_label.setWordWrap(True)
        self.console_label.setTextFormat(Qt.TextFormat.RichText)
        self.console_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        console_layout.addWidget(self.console_label, 1)
        self.incidents_to_problems = QPushButton(self.tr("Add incidents to Problems"))
        self.incidents_to_problems.setObjectName("incidentsToProblems")
        self.incidents_to_problems.clicked.connect(lambda: self.add_incidents_to_problems())
        console_layout.addWidget(self.incidents_to_problems, 0, Qt.AlignmentFlag.AlignTop)
        self.console_box.hide()
        layout.addWidget(self.console_box, 0, 0, 1, 3)
        self.debrief_edits: dict[str, QPlainTextEdit] = {}
        titles = {
            "highlights": (self.tr("Highlights"), self.tr("What worked and should be kept")),
            "problems": (self.tr("Problems"), self.tr("What went wrong, against the goals")),
            "root_cause": (self.tr("Root cause (5 whys)"), self.tr("Why? Why? Why? Why? Why? — down to a cause you can fix")),
        }
        for column, (key, (title, placeholder)) in enumerate(titles.items()):
            layout.addWidget(QLabel(f"<b>{title}</b>"), 1, column)
            edit = QPlainTextEdit()
            edit.setObjectName(f"debrief_{key}")
            edit.setPlaceholderText(placeholder)
            edit.textChanged.connect(lambda k=key: self._debrief_typed(k))
            layout.addWidget(edit, 2, column)
            self.debrief_edits[key] = edit
        header = QHBoxLayout()
        header.addWidget(QLabel("<b>" + self.tr("Improvement list") + "</b>"))
        header.addStretch(1)
        self.add_item_button = QPushButton(self.tr("Add item"))
        self.add_item_button.setObjectName("addImprovement")
        self.add_item_button.clicked.connect(lambda: self.add_improvement())
        self.delete_item_button = QPushButton(self.tr("Delete"))
        self.delete_item_button.setObjectName("deleteImprovement")
        self.delete_item_button.clicked.connect(lambda: self.delete_improvements())
        header.addWidget(self.add_item_button)
        header.addWidget(self.delete_item_button)
        layout.addLayout(header, 3, 0, 1, 3)
        self.improvement_view, self.improvement_proxy = _table(self.improvement_model, "improvementTable", editable=True)
        self.improvement_view.setColumnWidth(0, 420)
        layout.addWidget(self.improvement_view, 4, 0, 1, 3)
        layout.setRowStretch(2, 2)
        layout.setRowStretch(4, 2)
        return page

    def _build_trends(self) -> QWidget:
        import pyqtgraph as pg

        page = QWidget()
        layout = QVBoxLayout(page)
        filters = QHBoxLayout()
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("trendPeriod")
        for key, label in (("day", self.tr("By day")), ("week", self.tr("By week")), ("month", self.tr("By month"))):
            self.period_combo.addItem(label, key)
        self.trend_platform = QComboBox()
        self.trend_platform.setObjectName("trendPlatform")
        self.trend_account = QComboBox()
        self.trend_account.setObjectName("trendAccount")
        self.trend_host = QComboBox()
        self.trend_host.setObjectName("trendHost")
        self.trend_metric = QComboBox()
        self.trend_metric.setObjectName("trendMetric")
        for key, label in (
            ("gmv", self.tr("GMV")), ("uv", self.tr("UV")), ("conversion", self.tr("Conversion")),
            ("uv_value", self.tr("UV value")), ("aov_per_buyer", self.tr("AOV per buyer")),
        ):
            self.trend_metric.addItem(label, key)
        for combo in (self.period_combo, self.trend_platform, self.trend_account, self.trend_host, self.trend_metric):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_trends())
            filters.addWidget(combo)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.trend_plot = pg.PlotWidget()
        self.trend_plot.setObjectName("trendPlot")
        theme.style_plot(self.trend_plot)
        self.trend_plot.showGrid(x=False, y=True, alpha=0.2)
        self.trend_curve = self.trend_plot.plot([], [], symbol="o", symbolSize=6)
        self._colour_trend()
        theme.notifier().changed.connect(self._colour_trend)
        layout.addWidget(self.trend_plot, 1)
        self.trend_view, self.trend_proxy = _table(self.trend_model, "trendTable")
        layout.addWidget(self.trend_view, 1)
        return page

    def _colour_trend(self) -> None:
        import pyqtgraph as pg

        accent = theme.color("accent")
        self.trend_curve.setPen(pg.mkPen(accent, width=2))
        self.trend_curve.setSymbolPen(pg.mkPen(accent))
        self.trend_curve.setSymbolBrush(pg.mkBrush(accent))

    def shortcuts(self) -> list[tuple[str, str]]:
        native = QKeySequence.SequenceFormat.NativeText
        return [
            (self.import_action.shortcut().toString(native), self.tr("Review: import the platform's exports")),
            (self.paste_action.shortcut().toString(native), self.tr("Review: paste a curve from the clipboard")),
            (self.save_chart_action.shortcut().toString(native), self.tr("Review: save the charts as PNG")),
        ]

    # --- streams ----------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.flush_debrief()
        self.show_refreshed(self.refresh_reader()())

    def refresh_reader(self) -> Callable[[], _ReviewLists]:
        """The stream list, the trend filters and the trend table as the current filters ask (the stream's
        own review is loaded on a worker by `load_stream`)."""
        db, query = self.db, self._trend_query()
        return lambda: _ReviewLists(
            review_views.stream_choices(db), review_views.trend_filters(db), query, review_views.trends(db, *query)
        )

    def show_refreshed(self, data: object) -> None:
        assert isinstance(data, _ReviewLists)
        self.choices = data.choices
        current = self.stream_id
        ids = {c.id for c in self.choices}
        if current not in ids:
            current = review_views.default_stream(self.choices)
        self.stream_combo.blockSignals(True)
        self.stream_combo.clear()
        for choice in reversed(self.choices):  # the most recent first
            mark = "● " if choice.has_review else "○ "
            label = f"{mark}{formatting.date_time(choice.start_at)} · {choice.title} · {platform_label(choice.platform)}"
            self.stream_combo.addItem(label, choice.id)
        self.stream_combo.setCurrentIndex(max(0, self.stream_combo.findData(current)))
        self.stream_combo.blockSignals(False)
        self._fill_overlay_combo()
        self._fill_trend_filters(data.filters)
        self.load_stream(current)
        if self._trend_query() == data.query:  # the filters kept their values: the rows read fit them
            self._show_trends(data.trends)
        else:
            self.refresh_trends()

    def _fill_overlay_combo(self) -> None:
        current = self.overlay_combo.currentData()
        self.overlay_combo.blockSignals(True)
        self.overlay_combo.clear()
        self.overlay_combo.addItem(self.tr("(none)"), None)
        for choice in reversed(self.choices):
            if choice.has_review and choice.id != self.stream_id:
                self.overlay_combo.addItem(f"{formatting.date_time(choice.start_at)} · {choice.title}", choice.id)
        self.overlay_combo.setCurrentIndex(max(0, self.overlay_combo.findData(current)))
        self.overlay_combo.blockSignals(False)

    def _stream_picked(self) -> None:
        self.load_stream(self.stream_combo.currentData())
        if self.stream_id is not None:
            self.stream_picked.emit(self.stream_id)

    def follow_stream(self, stream_id: int) -> None:
        """Another tab picked this stream: review it here too."""
        self.select_stream(stream_id)

    def select_stream(self, stream_id: int) -> None:
        index = self.stream_combo.findData(stream_id)
        if index >= 0:
            self.stream_combo.setCurrentIndex(index)
            if self.stream_id != stream_id:
                self.load_stream(stream_id)
        elif self.stream_id != stream_id:  # newer than this tab's list (its refresh is still reading): read now
            self.stream_id = stream_id
            self.reload()

    def load_stream(self, stream_id: int | None) -> None:
        self.flush_debrief()
        self.stream_id = stream_id
        self._load_token += 1
        token = self._load_token
        if stream_id is None:
            self._show_model(None)
            return
        db, prefs = self.db, Preferences.load(self.paths)  # judged by the preferences of this moment
        run_task(
            lambda progress, cancelled: load_review_model(db, stream_id, prefs),
            lambda model: self._show_model(model) if token == self._load_token else None,
            lambda exc: self.load_failed(exc, self.tr("Review")),
            owner=self,
        )

    def _show_model(self, model: ReviewModel | None) -> None:
        self.review_model = model
        has = model is not None and model.has_review
        self.overview_stack.setCurrentIndex(1 if has else 0)
        for action in (self.import_action, self.paste_action, self.report_action):
            if action is not None:
                action.setEnabled(model is not None)
        for button in self._empty_buttons:  # with no stream there is nothing to import into
            button.setVisible(model is not None)
        self.save_chart_action.setEnabled(has)
        if model is None:
            self.empty_state.title_label.setText(self.tr("No streams yet"))
            self.empty_state.body_label.setText(
                self.tr("Plan a stream in the Schedule tab first; after it has run, import its exports here."))
            for model in (self.product_model, self.moment_model, self.improvement_model):
                model.set_rows([])
            self._set_debrief({f: "" for f in review_views.DEBRIEF_FIELDS}, None)
            self._show_console_log(live_review.ConsoleLog())
            return
        self.empty_state.title_label.setText(self.tr("No review data for “{0}” yet").format(model.title))
        self.empty_state.body_label.setText(
            self.tr("Download the platform's exports after the stream (Douyin 百应 “整场数据下载”, the per-minute "
                    "trend, the order export) and import them here, or drop the files on this tab. "
                    "A curve copied from the dashboard can be pasted."))
        self.kpi_panel.show_model(model)
        if model.chart is not None:
            self.charts.set_data(model.chart, logged=model.chart_logged)
            if model.chart_note:
                self.charts.logged_note.setText(model.chart_note)
        self._fill_overlay_combo()
        self._overlay_changed()
        self._fill_composition(model.composition)
        self.product_model.set_rows(model.products)
        flagged = len(self.product_model.flagged_rows())
        self.product_note.setText(
            self.tr("%n product(s) with a click rate below {0}: elimination candidates (highlighted).", "", flagged)
            .format(rate_text(model.thresholds.low_click_rate)) if flagged else ""
        )
        self.moment_model.set_rows(model.moments)
        self.improvement_model.set_rows(model.improvements)
        self._set_debrief(model.debrief, model.stream_id)
        self._show_console_log(model.console)

    # --- KPIs -------------------------------------------------------------------------------------------

    def _duration(self, seconds: int | None) -> str:
        if seconds is None:
            return "—"
        minutes, rest = divmod(int(seconds), 60)
        return self.tr("{0} min {1} s").format(minutes, rest) if minutes else self.tr("{0} s").format(rest)

    def _fill_composition(self, comp: review_views.Composition) -> None:
        lines = []
        if comp.natural_uv is not None or comp.paid_uv is not None:
            lines.append(self.tr("Natural UV: {0} · Paid UV: {1}").format(
                formatting.count(comp.natural_uv), formatting.count(comp.paid_uv)))
        if comp.ad_spend is not None:
            lines.append(self.tr("Ad spend: {0}").format(formatting.money(comp.ad_spend)))
        if comp.refund_buyers is not None:
            lines.append(self.tr("Refund rate: {0} (refund buyers / buyers; refunds {1})").format(
                formatting.percent(comp.refund_rate), formatting.money(comp.refund_amount)))
        self.traffic_label.setText("\n".join(lines) if lines else self.tr("No traffic composition in the imported files."))
        self.channel_model.headers = [self.tr("Channel"), self.tr("Views"), self.tr("Spend"), self.tr("Avg watch"), self.tr("GMV")]
        self.channel_model.set_rows([
            [name, formatting.count(views), formatting.money(spend), self._duration(watch), formatting.money(gmv)]
            for name, views, spend, watch, gmv in comp.channels
        ])
        self.source_model.headers = [self.tr("Order source"), self.tr("Paid orders"), self.tr("Amount")]
        self.source_model.set_rows([
            [source or self.tr("(unknown)"), formatting.count(n), formatting.money(amount)]
            for source, n, amount in comp.order_sources
        ])
        self.channel_view.setVisible(bool(comp.channels))
        self.source_view.setVisible(bool(comp.order_sources))

    # --- overlay and chart export -----------------------------------------------------------------------

    def _overlay_changed(self) -> None:
        other_id = self.overlay_combo.currentData()
        if other_id is None:
            self.charts.set_overlay(None)
            return
        self.charts.set_overlay(review_views.chart_data(self.db, other_id), self.overlay_combo.currentText())

    def save_chart(self, path: str | None = None) -> None:
        if not path:
            name = f"{self.review_model.title if self.review_model else 'review'}.png"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart as PNG"), name, self.tr("PNG image (*.png)"))
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if self.charts.save_png(path):
            self.status_message.emit(self.tr("Chart saved to {0}").format(Path(path).name), 5000)
        else:
            show_error(self, OSError(13, self.tr("could not write the image"), path))

    # --- import (ui/review/importing.py) ---------------------------------------------------------------

    def import_files(self, paths: list[str] | None = None) -> None:
        self.importer.import_files(paths)

    def paste_from_clipboard(self, text: str | None = None) -> None:
        self.importer.paste_from_clipboard(text)

    def dragEnterEvent(self, event) -> None:
        if self._dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        paths = self._dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    @staticmethod
    def _dropped_paths(mime) -> list[str]:
        if not mime.hasUrls():
            return []
        return [
            u.toLocalFile() for u in mime.urls()
            if u.isLocalFile() and u.toLocalFile().lower().endswith(SPREADSHEET_SUFFIXES)
        ]

    # --- moments ----------------------------------------------------------------------------------------

    def _edit_moment_note(self, row: review_views.MomentRow, note: str) -> None:
        self._push(EditMomentNote(
            self.db, row.id, row.note, note, self.tr("Note on the minute {0} {1}").format(row.minute, row.kind),
            self.moment_model.set_note,
        ))

    # --- debrief ----------------------------------------------------------------------------------------

    def _set_debrief(self, texts: dict[str, str], stream_id: int | None) -> None:
        self._debrief_timer.stop()
        self._debrief_pending.clear()
        self._debrief_stream = stream_id
        for key, edit in self.debrief_edits.items():
            edit.blockSignals(True)
            edit.setPlainText(texts.get(key, ""))
            edit.blockSignals(False)
            edit.setEnabled(stream_id is not None)
        for button in (self.add_item_button, self.delete_item_button):
            button.setEnabled(stream_id is not None)

    def _show_console_log(self, log: live_review.ConsoleLog) -> None:
        """Above the debrief: times on air, the numbers typed and every incident and alert the console logged."""
        self._console_log = log
        self.console_box.setVisible(not log.empty)
        self.incidents_to_problems.setVisible(bool(log.incidents))
        if log.empty:
            self.console_label.clear()
            return

        def hm(at: dt.datetime | None) -> str:
            return formatting.local(at).strftime("%H:%M") if at else "…"

        lines = ["<b>" + self.tr("What the live console logged") + "</b>"]
        if log.started_at is not None:
            lines.append(self.tr("On air {0}–{1}").format(hm(log.started_at), hm(log.ended_at)))
        if log.samples:
            figures = log.figures
            parts = []
            if "gmv" in figures:
                parts.append(self.tr("GMV {0}").format(formatting.money(figures["gmv"])))
            if "orders" in figures:
                parts.append(self.tr("orders {0}").format(formatting.count(figures["orders"])))
            if "uv" in figures:
                parts.append(self.tr("UV {0}").format(formatting.count(figures["uv"])))
            if "peak_online" in figures:
                parts.append(self.tr("peak online {0}").format(formatting.count(figures["peak_online"])))
            lines.append(self.tr("%n set(s) of numbers typed, the last at {0}", "", log.samples).format(
                hm(log.last_sample_at)) + (": " + " · ".join(parts) if parts else ""))
        for incident in log.incidents:
            lines.append(html.escape(f"⚠ {self._incident_line(incident)}"))
        for alert in log.alerts[-5:]:
            lines.append(html.escape(f"{hm(alert.at)} {alert.message}"))
        if len(log.alerts) > 5:
            lines.append(self.tr("(%n earlier alert(s) in the live log)", "", len(log.alerts) - 5))
        self.console_label.setText("<br>".join(lines))

    def _incident_line(self, incident: live_review.LoggedIncident) -> str:
        time, kind = f"{formatting.local(incident.at):%H:%M}", incident_kind_label(incident.kind)
        line = self.tr("{0} {1}: {2}").format(time, kind, incident.note) if incident.note else f"{time} {kind}"
        return line + (self.tr(" (handled by {0})").format(incident.handled_by) if incident.handled_by else "")

    def add_incidents_to_problems(self) -> None:
        """Start the Problems list from the incidents (lines already there are not added twice)."""
        log = getattr(self, "_console_log", None)
        edit = self.debrief_edits["problems"]
        if log is None or not log.incidents or not edit.isEnabled():
            return
        existing = edit.toPlainText()
        new = [line for line in (self._incident_line(i) for i in log.incidents) if line not in existing]
        if new:
            edit.setPlainText("\n".join(filter(None, [existing.rstrip(), *new])))  # saved like typing
        self.pages.setCurrentIndex(3)
        edit.setFocus()

    def _debrief_typed(self, key: str) -> None:
        if self._debrief_stream is None:
            return
        self._debrief_pending.add(key)
        self._debrief_timer.start()

    def commit_pending(self) -> bool:
        """Before the window's Undo or Redo: the debrief typed so far is saved, not left to the timer."""
        self.flush_debrief()
        return True

    def flush_debrief(self) -> None:
        """Save the debrief texts typed since the last save (called by the debounce timer and on switching)."""
        self._debrief_timer.stop()
        if not self._debrief_pending or self._debrief_stream is None:
            return
        texts = {k: self.debrief_edits[k].toPlainText() for k in self._debrief_pending}
        self._debrief_pending.clear()
        try:
            review_views.save_debrief(self.db, self._debrief_stream, **texts)
        except Exception as exc:
            show_error(self, exc, self.tr("Debrief"))
            return
        self.status_message.emit(self.tr("Debrief saved"), 2000)

    # --- improvement list -------------------------------------------------------------------------------

    def _improvements_changed(self) -> None:
        if self.stream_id is not None:
            stream_id = self.stream_id
            self.show_written(lambda: self.improvement_model.set_rows(review_views.list_improvements(self.db, stream_id)))

    def add_improvement(self, text: str | None = None, owner: str = "", due: dt.date | None = None) -> None:
        if self.stream_id is None:
            return
        item = review_views.ImprovementData(text or self.tr("New improvement"), owner, due or dt.date.today() + dt.timedelta(days=7))
        self._push(AddImprovement(self.db, self.stream_id, item, self.tr("Add improvement"), self._improvements_changed))
        if text is None:
            row = self.improvement_model.rowCount() - 1
            index = self.improvement_proxy.mapFromSource(self.improvement_model.index(row, 0))
            self.improvement_view.setCurrentIndex(index)
            self.improvement_view.edit(index)

    def _edit_improvement(self, before: review_views.ImprovementData, after: review_views.ImprovementData) -> None:
        self._push(EditImprovement(self.db, before, after, self.tr("Edit improvement"), self._improvements_changed))

    def delete_improvements(self) -> None:
        if self.stream_id is None:
            return
        rows = {self.improvement_proxy.mapToSource(i).row() for i in self.improvement_view.selectionModel().selectedRows()}
        items = [self.improvement_model.row_at(r) for r in sorted(rows)]
        if items:
            self._push(DeleteImprovements(
                self.db, self.stream_id, items, self.tr("Delete %n improvement(s)", "", len(items)),
                self._improvements_changed,
            ))

    def _push(self, command) -> None:
        command.on_error = self._step_failed  # a later undo or redo that could not be done
        try:
            push_command(self.undo_stack, command)
        except Exception as exc:  # the command's own transaction rolled back; nothing changed
            self._step_failed(exc)

    def _step_failed(self, exc: BaseException) -> None:
        """Nothing was written: say why, then show what is stored (on a worker when the database failed)."""
        show_error(self, exc)
        self.show_after_failure(exc)

    # --- trends -----------------------------------------------------------------------------------------

    def _fill_trend_filters(self, options: review_views.TrendFilters) -> None:
        for combo, everything, values, label in (
            (self.trend_platform, self.tr("All platforms"), options.platforms, platform_label),
            (self.trend_account, self.tr("All accounts"), options.accounts, str),
            (self.trend_host, self.tr("All hosts"), options.hosts, str),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value in values:
                combo.addItem(label(value), value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _trend_query(self) -> tuple[str, str | None, str | None, str | None]:
        return (self.period_combo.currentData() or "day", self.trend_platform.currentData(),
                self.trend_account.currentData(), self.trend_host.currentData())

    def refresh_trends(self) -> None:
        self._show_trends(review_views.trends(self.db, *self._trend_query()))

    def _show_trends(self, rows: list) -> None:
        self.trend_model.set_rows(rows)
        metric = self.trend_metric.currentData() or "gmv"
        xs, ys = [], []
        for i, row in enumerate(rows):
            value = getattr(row, metric)
            if value is not None:
                xs.append(i)
                ys.append(float(value))
        self.trend_curve.setData(xs, ys)
        axis = self.trend_plot.getPlotItem().getAxis("bottom")
        axis.setTicks([[(i, r.period) for i, r in enumerate(rows)]])

    # --- report and screenshots -------------------------------------------------------------------------

    def make_report(self, path: str | None = None) -> None:
        """Build the stream's written report (场报) with livedesk.rendering, off the GUI thread."""
        if self.stream_id is None:
            return
        try:
            from livedesk.rendering import review_report as reports  # the button only shows when it exists
        except ImportError as exc:
            show_error(self, exc, self.tr("Report"))
            return
        if not path:
            from livedesk.services.exporters.review_report import report_file_name

            model = self.review_model
            name = report_file_name(model.start_at if model else None, model.title if model else "")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save report"), name, self.tr("PDF (*.pdf);;Excel workbook (*.xlsx)")
            )
        if not path:
            return
        db, stream_id, prefs = self.db, self.stream_id, Preferences.load(self.paths)

        def work(progress, cancelled):
            return reports.build_report(
                db, stream_id, path, progress=lambda *a: progress(a[0], a[1]) if len(a) >= 2 else None,
                cancelled=cancelled, prefs=prefs,
            )

        def done(_result) -> None:
            self.status_message.emit(self.tr("Report saved to {0}").format(Path(path).name), 5000)

        self.importer.run_with_progress(self.tr("Writing the report…"), work, done, self.importer.failed)

    def prepare_screenshot(self) -> None:
        """Show the stream with the richest review data, on the overview."""
        stream_id = review_views.richest_stream(self.choices)
        if stream_id is not None:
            self.select_stream(stream_id)
            self._load_token += 1  # load it now, not in the background: the picture is taken next
            self._show_model(load_review_model(self.db, stream_id, Preferences.load(self.paths)))
        self.pages.setCurrentIndex(0)
        if self.charts.data is not None and not self.charts.data.empty:
            minutes = self.charts.data.minutes
            self.charts.show_readout(minutes[len(minutes) // 2])
