"""The main window: five tabs in workflow order, menus, status bar, undo, and remembered window state."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from livedesk import __version__
from livedesk.config import Paths, Preferences, sqlite_url
from livedesk.ui import accessibility
from livedesk.ui.empty_state import EmptyState
from livedesk.ui.errors import show_error
from livedesk.ui.guide import open_guide
from livedesk.ui.splitters import prepare_splitters, save_splitters

if TYPE_CHECKING:  # SQLAlchemy loads while the window paints (see attach_database)
    from livedesk.services.db import Database
    from livedesk.ui.tab_base import Tab

log = logging.getLogger(__name__)
TAB_KEYS = ["schedule", "products", "script", "live", "review"]


class MainWindow(QMainWindow):
    """With a database, the window is ready at once. Without one (`db=None`, how the app starts), it paints
    its frame first — tab titles, menus, "Opening the database…" — and `attach_database` fills it once the
    database has opened in the background, so the window appears before SQLAlchemy is even imported."""

    database_changed = Signal()
    current_stream_changed = Signal(int)  # the stream picked in any tab, which every tab now shows

    def __init__(self, db: Database | None, paths: Paths, prefs: Preferences | None = None):
        super().__init__()
        self.db: Database | None = None
        self.paths = paths
        self.prefs = prefs or Preferences.load(paths)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)  # files dropped anywhere go to their importer (livedesk/ui/file_router.py)
        self.setWindowTitle(self.tr("LiveDesk"))
        self.undo_group = QUndoGroup(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.stack = QStackedWidget()
        self.welcome = self._build_welcome()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.db_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        self._build_menus()
        from livedesk.ui.backup_actions import add_backup_actions

        add_backup_actions(self)
        self._factories: dict[str, Callable[[], Tab]] = {}
        self._built: dict[str, Tab] = {}
        self.current_stream_id: int | None = None
        self._follow_when_back: int | None = None  # a stream some tabs could not show while the server was away
        self._add_tab_holders()
        self._restore_window_state()
        accessibility.polish(self)  # tooltips and accessible names the code did not set; tabs in _ensure
        self.change_watcher = None
        if db is not None:
            self.attach_database(db)
        else:
            self.stack.setCurrentWidget(self.tabs)
            self.menuBar().setEnabled(False)  # every menu needs the database
            self.db_label.setText(self.tr("Opening the database…"))
            opening = QLabel(self.tr("Opening the database…"))
            opening.setObjectName("openingDatabase")
            opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.currentWidget().layout().addWidget(opening)  # replaced with the tabs by attach_database

    def attach_database(self, db: Database) -> None:
        """Fill the window from `db` (once, at start-up; later switches go through `switch_database`)."""
        self.db = db
        self.menuBar().setEnabled(True)
        self._build_tabs()
        from livedesk.ui.change_watcher import ChangeWatcher

        self.change_watcher = ChangeWatcher(self)  # teammates' saves show up without a restart
        self.change_watcher.online_changed.connect(self._server_reachable)

    # --- tabs -------------------------------------------------------------------------------------------

    def tab_factories(self) -> list[tuple[str, str, Callable[[], Tab]]]:
        from livedesk.ui import tab_registry

        return tab_registry.tabs(self)

    def _build_tabs(self) -> None:
        """Put a light holder in each tab; a tab's widget is built when first shown (start-up stays fast)."""
        current = self.tabs.currentIndex()
        for widget in self.built_tabs():
            if widget.undo_stack is not None:
                self.undo_group.removeStack(widget.undo_stack)
            widget.shutdown()
        self.tabs.blockSignals(True)
        while self.tabs.count():
            holder = self.tabs.widget(0)
            self.tabs.removeTab(0)
            holder.deleteLater()
        self.current_stream_id = None  # another database: its own streams
        self._add_tab_holders()
        self.tabs.setCurrentIndex(max(current, 0))
        self.tabs.blockSignals(False)
        self._files_filled = False
        self.db_label.setText(self.tr("Database: {0}").format(self.db.describe()))
        self.db_label.setToolTip(self.db.describe())
        self._show_welcome_if_empty()
        self._tab_changed(self.tabs.currentIndex())

    def _add_tab_holders(self) -> None:
        self._factories = {}
        self._built = {}
        blocked = self.tabs.blockSignals(True)
        for key, title, factory in self.tab_factories():
            holder = QWidget()
            holder.setObjectName(f"holder_{key}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._factories[key] = factory
            self.tabs.addTab(holder, title)
        self.tabs.blockSignals(blocked)

    def _ensure(self, key: str) -> Tab:
        widget = self._built.get(key)
        if widget is not None:
            return widget
        widget = self._factories[key]()
        widget.setObjectName(f"tab_{key}")
        if widget.undo_stack is not None:
            self.undo_group.addStack(widget.undo_stack)
        widget.status_message.connect(self.statusBar().showMessage)
        widget.open_stream_in.connect(self.open_stream_in)
        widget.streams_changed.connect(lambda w=widget: self.refresh_others(w))
        widget.stream_picked.connect(lambda stream_id, w=widget: self.set_current_stream(stream_id, w))
        self.tabs.widget(TAB_KEYS.index(key)).layout().addWidget(widget)
        self._built[key] = widget
        accessibility.polish(widget)
        if self.current_stream_id is not None:
            widget.follow_stream(self.current_stream_id)  # a tab built late opens on the stream picked elsewhere
        prepare_splitters(widget, self._settings(), f"splitters/{key}")
        return widget

    def built_tabs(self) -> list[Tab]:
        return [self._built[k] for k in TAB_KEYS if k in getattr(self, "_built", {})]

    def all_tabs(self) -> list[Tab]:
        """Every tab's widget, building the ones not shown yet."""
        return [self._ensure(k) for k in TAB_KEYS]

    def warm_up(self) -> None:
        """Build the tabs not shown yet, one per turn of the event loop, after the window has painted."""
        if self.db is None:
            return
        missing = [k for k in TAB_KEYS if k not in self._built]
        if missing:
            self._ensure(missing[0])
            QTimer.singleShot(0, self, self.warm_up)

    def tab(self, key: str) -> Tab:
        return self._ensure(key)

    def show_tab(self, key: str) -> Tab:
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))
        return self.tab(key)

    def set_current_stream(self, stream_id: int | None, source: Tab | None = None) -> None:
        """The stream the team is working on: picked in any tab, every other tab follows (one current stream
        for the whole window, so a stream is never picked twice on its way from plan to review)."""
        if stream_id is None or stream_id == self.current_stream_id:
            return
        self.current_stream_id = stream_id
        self._follow(stream_id, source)
        self.current_stream_changed.emit(stream_id)

    def _follow(self, stream_id: int, source: Tab | None = None) -> None:
        """Every built tab but `source` shows `stream_id`. A tab whose read fails because the team server is
        away follows once the server is back (the status bar says so meanwhile)."""
        from livedesk.services.faults import EnvironmentFault

        failed: EnvironmentFault | None = None
        for widget in self.built_tabs():
            if widget is source:
                continue
            try:
                widget.follow_stream(stream_id)
            except EnvironmentFault as exc:
                log.warning("%s could not follow stream %s: %s", widget.objectName(), stream_id, exc)
                failed = exc
        if failed is not None:
            self._follow_when_back = stream_id
            self.statusBar().showMessage(str(failed), 10000)

    def _server_reachable(self, online: bool) -> None:
        stream_id, self._follow_when_back = self._follow_when_back, None
        if online and stream_id is not None and stream_id == self.current_stream_id:
            self._follow(stream_id)

    def open_stream_in(self, key: str, stream_id: int) -> None:
        """Show a tab on one stream: the lineup in Products, the stream's script, its review…"""
        self.set_current_stream(stream_id)
        tab = self.show_tab(key)
        if key == "products":
            tab.open_lineup(stream_id)  # the stream's lineup, not the pool
        else:
            tab.select_stream(stream_id)

    def _tab_changed(self, index: int) -> None:
        if not (0 <= index < len(TAB_KEYS)) or not getattr(self, "_factories", None) or self.db is None:
            return
        widget = self._ensure(TAB_KEYS[index])
        self.undo_group.setActiveStack(widget.undo_stack)
        widget.activated()

    def refresh_others(self, source: Tab) -> None:
        """After one tab changed the schedule, the others drop deleted streams and show new ones."""
        for widget in self.built_tabs():
            if widget is not source:
                widget.refresh()  # read on a worker: a team server's answer never holds up the window

    def refresh_all(self) -> None:
        for widget in self.built_tabs():  # the others load fresh when first shown
            widget.refresh()
        self.refresh_welcome()

    # --- welcome ----------------------------------------------------------------------------------------

    def _build_welcome(self) -> QWidget:
        page = EmptyState(
            self.tr("Welcome to LiveDesk"),
            self.tr(
                "Plan your streams, build the product pool and the run of show, run the stream from the "
                "live console and review it with the platform's exports.\n\nThis database is empty. "
                "Start with a month of demo data to look around, or start empty and add your first stream."
            ),
        )
        page.setObjectName("welcome")
        page.add_action(self.tr("Load demo data"), self._load_demo, "loadDemo")
        page.add_action(self.tr("Start empty"), lambda: self.stack.setCurrentWidget(self.tabs), "startEmpty")
        return page

    def _show_welcome_if_empty(self) -> None:
        from livedesk.services.schedule import database_has_streams

        self._show_welcome_for(self.db, database_has_streams(self.db))

    def refresh_welcome(self) -> None:
        """After a teammate added or deleted streams: whether the database is empty, asked on a worker."""
        from livedesk.services.schedule import database_has_streams
        from livedesk.ui.tasks import run_task

        db = self.db
        run_task(lambda _progress, _cancelled: database_has_streams(db), lambda has: self._show_welcome_for(db, has),
                 lambda exc: log.warning("Checking for streams after a teammate's change failed: %s", exc), owner=self)

    def _show_welcome_for(self, db: Database, has_streams: bool) -> None:
        if db is self.db:  # not an answer about a database the window has left meanwhile
            self.stack.setCurrentWidget(self.tabs if has_streams else self.welcome)

    def _load_demo(self) -> None:
        from livedesk.services.demo import fill_demo

        try:
            fill_demo(self.db)
        except Exception as exc:
            show_error(self, exc)
            return
        self.refresh_all()
        self.stack.setCurrentWidget(self.tabs)
        self.statusBar().showMessage(self.tr("Demo data loaded."), 5000)

    # --- menus ------------------------------------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New Database…"), self.new_database, QKeySequence.StandardKey.New, "newDb")
        self._action(file_menu, self.tr("&Open Database…"), self.open_database_dialog, QKeySequence.StandardKey.Open, "openDb")
        file_menu.addSeparator()
        self.import_menu = file_menu.addMenu(self.tr("&Import"))
        self.export_menu = file_menu.addMenu(self.tr("&Export"))
        self._action(file_menu, self.tr("Export &Period Report…"), self.export_period_report, None, "periodReport")
        file_menu.aboutToShow.connect(self._fill_file_menus_once)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quit")

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self._undo_redo_action(self.tr("&Undo"), QKeySequence.StandardKey.Undo, undoing=True)
        redo = self._undo_redo_action(self.tr("&Redo"), QKeySequence.StandardKey.Redo, undoing=False)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        self.edit_menu = edit_menu
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("&Preferences…"), self.show_preferences, QKeySequence.StandardKey.Preferences, "preferences")

        view_menu = bar.addMenu(self.tr("&View"))
        names = [self.tr("&Schedule"), self.tr("&Products"), self.tr("S&cript"), self.tr("&Live"), self.tr("&Review")]
        for index, name in enumerate(names):
            self._action(view_menu, name, lambda _=False, i=index: self.show_tab(TAB_KEYS[i]), f"Ctrl+{index + 1}")

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&User Guide"), lambda: open_guide(self), None, "userGuide")
        self._action(help_menu, self.tr("&Keyboard Shortcuts"), self.show_shortcuts, QKeySequence.StandardKey.HelpContents, "shortcuts")
        self._action(help_menu, self.tr("Open &Log Folder"), self.open_log_folder, None, "logFolder")
        self._action(help_menu, self.tr("&About LiveDesk"), self.show_about, None, "about")

    def _undo_redo_action(self, prefix: str, shortcut, undoing: bool) -> QAction:
        """Like QUndoGroup.createUndoAction, but typing not saved yet (a paused editor's draft) is saved
        first, as its own step: Undo then takes that typing back instead of throwing it away unsaved."""
        action = QAction(prefix, self)
        action.setObjectName("undo" if undoing else "redo")
        action.setShortcut(QKeySequence(shortcut))
        group = self.undo_group
        can, text_changed, text_of = (
            (group.canUndo, group.undoTextChanged, group.undoText) if undoing
            else (group.canRedo, group.redoTextChanged, group.redoText)
        )

        def refresh(*_args) -> None:
            action.setEnabled(can())
            action.setText(f"{prefix} {text_of()}".strip())

        def run() -> None:
            active = self._built.get(TAB_KEYS[self.tabs.currentIndex()]) if self.tabs.currentIndex() >= 0 else None
            if active is not None and active.commit_pending() is False:
                return  # the typing was refused (kept theirs) or is waiting: this press has done its work
            if can():
                group.undo() if undoing else group.redo()

        (group.canUndoChanged if undoing else group.canRedoChanged).connect(lambda _ok: refresh())
        text_changed.connect(refresh)
        group.activeStackChanged.connect(refresh)
        action.triggered.connect(run)
        refresh()
        return action

    def show_preferences(self) -> None:
        from livedesk.services.faults import EnvironmentFault
        from livedesk.services.product_reads import categories
        from livedesk.ui.preferences_dialog import PreferencesDialog

        try:
            pool_categories = categories(self.db)
        except EnvironmentFault:  # the team server is away (the status bar says so): the usual ones are offered
            pool_categories = []
        if PreferencesDialog(self.prefs, self.paths, self, categories=pool_categories).exec():
            self.refresh_all()  # thresholds changed: flags and alerts follow at once

    def export_period_report(self) -> None:
        """日报 / 周报 / 月报 for the team's chat: File ▸ Export Period Report…"""
        from livedesk.ui.period_report_dialog import export_period_report

        export_period_report(
            self, self.db,
            lambda path: self.statusBar().showMessage(self.tr("Report saved to {0}").format(path.name), 5000),
        )

    def _fill_file_menus_once(self) -> None:
        if not self._files_filled:
            self._fill_file_menus()
            self._files_filled = True

    def _fill_file_menus(self) -> None:
        """Import and export entries come from the tabs (`file_actions()`), so the menus never hold dead items."""
        self.import_menu.clear()
        self.export_menu.clear()
        for key, widget in zip(TAB_KEYS, self.all_tabs(), strict=True):
            for kind, text, callback in widget.file_actions():
                menu = self.import_menu if kind == "import" else self.export_menu
                action = menu.addAction(text)
                action.triggered.connect(lambda _=False, k=key, cb=callback: (self.show_tab(k), cb()))
        self.import_menu.setEnabled(not self.import_menu.isEmpty())
        self.export_menu.setEnabled(not self.export_menu.isEmpty())

    def shortcuts(self) -> list[tuple[str, str]]:
        """Every hotkey of the window and its tabs, for the shortcuts dialog."""
        rows = [
            (QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText), self.tr("New database")),
            (QKeySequence(QKeySequence.StandardKey.Open).toString(QKeySequence.SequenceFormat.NativeText), self.tr("Open database")),
            (QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText), self.tr("Undo")),
            (QKeySequence(QKeySequence.StandardKey.Redo).toString(QKeySequence.SequenceFormat.NativeText), self.tr("Redo")),
            ("Ctrl+1 … Ctrl+5", self.tr("Go to Schedule, Products, Script, Live, Review")),
        ]
        for widget in self.all_tabs():
            rows += widget.shortcuts()
        return rows

    def show_shortcuts(self) -> None:
        text = "\n".join(f"{keys}\t{what}" for keys, what in self.shortcuts())
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard Shortcuts"), text, QMessageBox.StandardButton.Close, self)
        box.setObjectName("shortcutsDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About LiveDesk"),
            self.tr("LiveDesk {0}\nPlan, run and review live-commerce streams.\n\nDatabase: {1}\nLogs: {2}").format(
                __version__, self.db.describe(), self.paths.logs
            ),
        )

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.logs)))

    # --- databases --------------------------------------------------------------------------------------

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New Database"), str(self.paths.data / "livedesk.sqlite3"), self.tr("LiveDesk database (*.sqlite3)")
        )
        if path:
            self.switch_database(sqlite_url(path))

    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Database"), str(self.paths.data), self.tr("LiveDesk database (*.sqlite3 *.db);;All files (*)")
        )
        if path:
            self.switch_database(sqlite_url(path))

    def switch_database(self, url: str) -> bool:
        from livedesk.services.db import DatabaseError, open_database
        from livedesk.services.instance_lock import lock_database

        try:
            db = open_database(url)
            try:
                db.instance_lock = lock_database(db)
            except DatabaseError:
                db.close()
                raise
        except DatabaseError as exc:
            from livedesk.services.db import DatabaseDamaged
            from livedesk.ui.backup_actions import offer_restore_of_damaged

            if isinstance(exc, DatabaseDamaged) and offer_restore_of_damaged(self, exc, self.paths):
                return self.switch_database(url)
            show_error(self, exc, self.tr("Cannot open the database"))
            return False
        old, self.db = self.db, db
        if old is not None:
            old.close()  # releases its lock; reopening the same file holds it twice, so it stays locked
        self.menuBar().setEnabled(True)
        self._build_tabs()
        if self.change_watcher is None:
            from livedesk.ui.change_watcher import ChangeWatcher

            self.change_watcher = ChangeWatcher(self)
            self.change_watcher.online_changed.connect(self._server_reachable)
        self.database_changed.emit()
        return True

    def start_daily_backup(self) -> None:
        """The daily backup runs in the background after the window is up; a failure is logged and shown."""
        from livedesk.services.backup import auto_backup
        from livedesk.ui.tasks import run_task

        db, paths, keep = self.db, self.paths, self.prefs.backups_kept

        def failed(exc: BaseException) -> None:
            log.warning("Daily backup failed: %s", exc)
            self.statusBar().showMessage(self.tr("The daily backup failed: {0}").format(exc), 10000)

        run_task(lambda progress, cancelled: auto_backup(db, paths, keep), lambda _path: None, failed)

    # --- window state -----------------------------------------------------------------------------------

    def _settings(self) -> QSettings:
        return QSettings(str(self.paths.window_state_file), QSettings.Format.IniFormat)

    def _restore_window_state(self) -> None:
        settings = self._settings()
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        state = settings.value("state")
        if state is not None:
            self.restoreState(state)
        index = settings.value("tab", 0, type=int)
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        from livedesk.ui.file_router import drag_enter

        drag_enter(self, event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        from livedesk.ui.file_router import drop

        drop(self, event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        settings = self._settings()
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("state", self.saveState())
        settings.setValue("tab", self.tabs.currentIndex())
        for key, widget in self._built.items():
            save_splitters(widget, settings, f"splitters/{key}")
        settings.sync()
        for widget in self.built_tabs():
            widget.shutdown()
        super().closeEvent(event)
