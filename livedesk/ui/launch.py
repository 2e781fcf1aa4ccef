"""Start the GUI, or render every tab to PNG for `livedesk screenshot`."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from livedesk.config import Paths, Preferences, database_url, sqlite_url

log = logging.getLogger(__name__)
SCREENSHOT_SIZE = (1440, 900)


def make_app(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("LiveDesk")
    app.setOrganizationName("LiveDesk")
    from livedesk.ui.style import apply_style

    apply_style(app)
    from livedesk.ui.accessibility import install_dialog_polisher

    set_app_icon(app)
    install_dialog_polisher(app)  # dialogs get tooltips and accessible names when shown
    return app


def set_app_icon(app) -> None:
    """The LiveDesk mark in the title bar, task bar and Alt+Tab (resources/icons, from livedesk.svg)."""
    from PySide6.QtGui import QIcon

    from livedesk.resources import resource_path

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = resource_path("icons", f"livedesk-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    if not icon.isNull():
        app.setWindowIcon(icon)


def demo_database_url(paths: Paths) -> str:
    """A fresh demo file for each --demo start: the user's own data is never touched."""
    folder = paths.data / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    _remove_old_demos(folder, keep=3)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return sqlite_url(folder / f"demo-{stamp}.sqlite3")


def _remove_old_demos(folder: Path, keep: int) -> None:
    """Demo files are throwaway: keep the last few so a crash can still be looked at, drop the rest."""
    demos = sorted(folder.glob("demo-*.sqlite3"))
    for old in demos[: max(0, len(demos) - keep)]:
        for companion in (old, old.with_name(old.name + "-wal"), old.with_name(old.name + "-shm")):
            try:
                companion.unlink(missing_ok=True)
            except OSError:  # still open in another window: leave it for next time
                log.info("Could not remove old demo file %s", companion)


def open_for_gui(args: argparse.Namespace, paths: Paths, prefs: Preferences, ask_password=None):
    """Open the database for a window: one window per SQLite file (a second one is refused, by name).

    For a team server, a password given in the URL goes to the system keyring (never to the settings); when
    the server refuses a connection and no password is known, `ask_password(url)` asks for one once.
    """
    from livedesk.services import credentials
    from livedesk.services.db import DatabaseError, open_database
    from livedesk.services.demo import fill_demo
    from livedesk.services.instance_lock import lock_database

    if args.demo:
        db = open_database(demo_database_url(paths))
        fill_demo(db)
    else:
        url = database_url(args.db, prefs, paths)
        credentials.store_password(url)
        resolved = credentials.resolve_url(url)
        try:
            db = open_database(resolved)
        except DatabaseError:
            if ask_password is None or not credentials.needs_password(resolved):
                raise
            password = ask_password(credentials.strip_password(url))
            if not password:
                raise
            resolved = credentials.with_password(credentials.strip_password(url), password)
            db = open_database(resolved)
            credentials.store_password(resolved)  # asked once: next time it comes from the keyring
    try:
        db.instance_lock = lock_database(db)
    except Exception:
        db.close()
        raise
    return db


def run_gui(args: argparse.Namespace, paths: Paths) -> int:
    app = make_app()
    prefs = Preferences.load(paths)
    from livedesk.ui import theme
    from livedesk.ui.errors import install_excepthook
    from livedesk.ui.i18n import choose_language, install_language

    theme.apply_theme(app, prefs.appearance)  # light, dark, or as the system is (and follows it)
    install_language(app, choose_language(args.lang, prefs.language))
    install_excepthook(paths.logs / "livedesk.log")
    window = show_window(args, paths, prefs, on_finished=lambda code: app.exit(code) if code else None)
    try:
        return app.exec()
    finally:
        window.deleteLater()


def show_window(args: argparse.Namespace, paths: Paths, prefs: Preferences, on_finished=None):
    """Paint the window's frame at once, then open the database off the GUI thread and fill the window.

    A slow team server, a migration or a big demo never freezes a blank screen: the window is there, says
    what it is opening, and asks for a server password on the GUI thread if one is needed.
    """
    from livedesk.ui.main_window import MainWindow
    from livedesk.ui.opener import DatabaseOpener

    window = MainWindow(None, paths, prefs)
    window.opener = DatabaseOpener(window, lambda ask: open_for_gui(args, paths, prefs, ask_password=ask),
                                   None if args.demo else database_url(args.db, prefs, paths))
    if on_finished is not None:
        window.opener.finished.connect(on_finished)
    window.show()
    window.opener.start_after_first_paint(window.tabs)
    return window




def _settle(app) -> None:
    """Let background loads finish and their results paint before a picture is taken."""
    from livedesk.ui.tasks import TaskRunner

    for _ in range(3):
        app.processEvents()
        TaskRunner.wait(10000)
        app.processEvents()


def take_screenshots(args: argparse.Namespace, paths: Paths) -> int:
    """One PNG per tab at 1440×900 (or --size WxH), showing the richest data in the database."""
    from PySide6.QtCore import QCoreApplication, QEvent

    app = make_app()
    prefs = Preferences.load(paths)
    from livedesk.ui import theme
    from livedesk.ui.i18n import choose_language, install_language

    theme.apply_theme(app, getattr(args, "shot_theme", None) or "light")  # the gallery is light unless asked
    install_language(app, choose_language(args.shot_lang or args.lang, prefs.language))
    from livedesk.services.db import open_database
    from livedesk.ui.main_window import TAB_KEYS, MainWindow

    db = open_for_gui(args, paths, prefs) if args.demo else open_database(database_url(args.db, prefs, paths))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(db, paths, prefs)
    window.resize(*(getattr(args, "shot_size", None) or SCREENSHOT_SIZE))
    window.show()
    for key in TAB_KEYS:
        tab = window.show_tab(key)
        _settle(app)  # a tab built just now gets its final size before it arranges itself
        tab.prepare_screenshot()
        _settle(app)
        window.grab().save(str(out / f"{key}.png"))
        print(out / f"{key}.png")
    window.close()
    # Deleted here, not left to Python: its signal connections hold it, and a command run in-process (the
    # tests) would otherwise keep the window and its charts for good.
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    db.close()
    return 0
