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
        assert "secret" not in paths.settings_file.read_text(encoding="utf-8") if paths.settings_file.exists() else True
        # a refused prompt keeps the error
        store.store.clear()
        with pytest.raises(DatabaseError):
            open_for_gui(args, paths, Preferences(), ask_password=lambda url: None)
    finally:
        keyring.set_keyring(previous)
