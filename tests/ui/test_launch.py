"""Starting the app: --demo uses a fresh throwaway file and never the user's database."""

from __future__ import annotations

import argparse

from livedesk.ui.launch import demo_database_url, open_for_gui


def test_demo_opens_a_fresh_file_and_keeps_only_the_last_few(paths):
    from livedesk.config import Preferences

    args = argparse.Namespace(demo=True, db=None, lang=None)
    urls = set()
    for _ in range(5):
        db = open_for_gui(args, paths, Preferences())
        urls.add(db.url)
        assert "demo" in db.url and db.file_path.exists()
        db.close()
    assert len(urls) == 5
    assert len(list((paths.data / "demo").glob("demo-*.sqlite3"))) <= 4
    assert not paths.default_database.exists()


def test_demo_url_lives_in_the_data_folder(paths):
    assert str(paths.data / "demo") in demo_database_url(paths)


def test_a_second_window_on_the_same_file_is_refused_by_name(paths, tmp_path):
    import subprocess
    import sys

    import pytest

    from livedesk.config import Preferences
    from livedesk.services.db import open_database
    from livedesk.services.instance_lock import InstanceLocked

    db_file = tmp_path / "team.sqlite3"
    open_database(f"sqlite:///{db_file}").close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom livedesk.services.instance_lock import acquire\n"
         f"lock = acquire({str(db_file)!r})\nprint('locked', flush=True)\ntime.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        args = argparse.Namespace(demo=False, db=f"sqlite:///{db_file}", lang=None)
        with pytest.raises(InstanceLocked, match="team.sqlite3"):
            open_for_gui(args, paths, Preferences())
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_a_team_server_password_is_asked_once_then_kept_in_the_keyring_only(paths, monkeypatch):
    import keyring
    import pytest
    from keyring.backend import KeyringBackend

    from livedesk.config import Preferences
    from livedesk.services.db import DatabaseError

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.store = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    tried = []

    class FakeDb:
        instance_lock = None
        file_path = None

        def close(self):
            pass

    def fake_open(url, migrate=True):
        tried.append(url)
        if ":secret@" not in url:
            raise DatabaseError("password authentication failed")
        return FakeDb()

    monkeypatch.setattr("livedesk.services.db.open_database", fake_open)
    server = "postgresql+psycopg://team@db.local:5432/livedesk"
    args = argparse.Namespace(demo=False, db=server, lang=None)
    asked = []
    try:
        open_for_gui(args, paths, Preferences(), ask_password=lambda url: asked.append(url) or "secret")
        assert asked == [server] and tried[-1].endswith("team:secret@db.local:5432/livedesk")
        assert list(store.store.values()) == ["secret"]
        # next start: the keyring answers, nobody is asked, and the settings never held the password
        asked.clear()
        open_for_gui(args, paths, Preferences(), ask_password=lambda url: asked.append(url) or "wrong")
        assert asked == []
        written = [f for f in paths.settings_file.parent.rglob("*") if f.is_file()]
        assert not any(b"secret" in f.read_bytes() for f in written), "the password is in no settings file"
        # a refused prompt keeps the error
        store.store.clear()
        with pytest.raises(DatabaseError):
            open_for_gui(args, paths, Preferences(), ask_password=lambda url: None)
    finally:
        keyring.set_keyring(previous)


def test_the_window_paints_its_frame_before_sqlalchemy_is_imported(tmp_path):
    """Start-up shows the window first; the database (and SQLAlchemy) load after the first paint."""
    import os
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from livedesk.ui.launch import make_app\n"
        "app = make_app()\n"
        "from livedesk.config import Preferences, app_paths\n"
        "from livedesk.ui.main_window import MainWindow\n"
        "window = MainWindow(None, app_paths(), Preferences())\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(window.tabs.count(), window.menuBar().isEnabled(), window.db_label.text(),\n"
        "      [m for m in ('sqlalchemy', 'pandas', 'pyqtgraph') if m in sys.modules])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIVEDESK_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "5 False Opening the database… []"


def test_the_window_fills_once_the_database_has_opened_in_the_background(qtbot, paths, tmp_path):
    from livedesk.config import Preferences, sqlite_url
    from livedesk.services.db import open_database
    from livedesk.services.demo import fill_demo
    from livedesk.ui.launch import show_window

    url = sqlite_url(tmp_path / "team.sqlite3")
    seeded = open_database(url)
    fill_demo(seeded)
    seeded.close()
    codes = []
    window = show_window(argparse.Namespace(demo=False, db=url, lang=None), paths, Preferences(), on_finished=codes.append)
    qtbot.addWidget(window)
    assert window.db is None and not window.menuBar().isEnabled()
    qtbot.waitUntil(lambda: codes == [0], timeout=10000)
    assert window.db is not None and window.menuBar().isEnabled()
    assert window.stack.currentWidget() is window.tabs
    schedule = window.tab("schedule")
    assert schedule.model.rowCount() > 0
    qtbot.waitUntil(lambda: len(window.built_tabs()) == 5, timeout=10000)  # the others follow, one per turn
    window.close()
    window.db.close()


def test_a_database_that_cannot_be_opened_is_explained_and_the_app_exits_with_3(qtbot, paths, tmp_path, monkeypatch):
    from livedesk.config import Preferences, sqlite_url
    from livedesk.ui.launch import show_window

    broken = tmp_path / "not-a-database.sqlite3"
    broken.write_bytes(b"this is not SQLite" * 100)
    shown = []
    monkeypatch.setattr("livedesk.ui.opener.QMessageBox.critical", lambda parent, title, text: shown.append((title, text)))
    codes = []
    window = show_window(argparse.Namespace(demo=False, db=sqlite_url(broken), lang=None), paths, Preferences(),
                         on_finished=codes.append)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: codes == [3], timeout=10000)
    assert shown and "not-a-database.sqlite3" in shown[0][1]
    assert "Traceback" not in shown[0][1]
    assert not window.isVisible()


def test_a_server_password_is_asked_on_the_gui_thread_and_the_open_is_retried(qtbot, paths):
    import threading

    from PySide6.QtWidgets import QMainWindow

    from livedesk.services.db import DatabaseError
    from livedesk.ui.opener import DatabaseOpener

    class Window(QMainWindow):
        db = None

        def attach_database(self, db):
            self.db = db

        def warm_up(self):
            pass

        def start_daily_backup(self):
            pass

    gui_thread = threading.get_ident()
    tries, asked = [], []

    def open_db(ask):
        tries.append(ask("server") if ask else None)
        if tries[-1] != "secret":
            raise DatabaseError("password authentication failed for user team")
        return "opened"

    def ask(url):
        asked.append((url, threading.get_ident() == gui_thread))
        return "secret"

    window = Window()
    qtbot.addWidget(window)
    codes = []
    opener = DatabaseOpener(window, open_db, "postgresql+psycopg://team@db.local:5432/livedesk", ask=ask)
    opener.finished.connect(codes.append)
    opener.start()
    qtbot.waitUntil(lambda: codes == [0], timeout=5000)
    assert asked == [("postgresql+psycopg://team@db.local:5432/livedesk", True)]
    assert tries == [None, "secret"] and window.db == "opened"
