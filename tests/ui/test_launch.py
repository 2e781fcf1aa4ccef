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
