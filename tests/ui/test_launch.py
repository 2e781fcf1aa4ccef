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
