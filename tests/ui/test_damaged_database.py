"""A database that fails its check on opening: the window offers its latest backup and, accepted, opens the
restored data; refused, it explains and exits with 3, the damaged file untouched."""

from __future__ import annotations

import argparse

from PySide6.QtWidgets import QMessageBox

from livedesk.config import Preferences, sqlite_url
from livedesk.models import Product
from livedesk.services import backup
from livedesk.services.db import open_database
from livedesk.ui.launch import show_window


def damaged_with_a_backup(tmp_path, paths):
    url = sqlite_url(tmp_path / "shop.sqlite3")
    db = open_database(url)
    with db.session() as s:
        s.add_all(Product(sku=f"P-{i}", name="护手霜" * 20) for i in range(300))
    saved = backup.backup_before(db, paths, "import")
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    path = tmp_path / "shop.sqlite3"
    data = bytearray(path.read_bytes())
    data[4096 * 4:4096 * 9] = b"\x5a" * (4096 * 5)
    path.write_bytes(bytes(data))
    return url, saved, bytes(data)


def test_the_window_offers_the_latest_backup_and_opens_it(qtbot, paths, tmp_path, monkeypatch):
    url, saved, _ = damaged_with_a_backup(tmp_path, paths)
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    codes = []
    window = show_window(argparse.Namespace(demo=False, db=url, lang=None), paths, Preferences(),
                         on_finished=codes.append)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: codes == [0], timeout=15000)
    assert len(asked) == 1 and "damaged" in asked[0] and saved.name in asked[0]
    with window.db.session() as s:
        assert s.query(Product).count() == 300
    assert any("damaged" in p.name for p in backup.list_backups(paths))  # the damaged file kept as a copy
    window.close()
    window.db.close()


def test_declining_the_offer_explains_and_exits_with_3(qtbot, paths, tmp_path, monkeypatch):
    url, _saved, damaged = damaged_with_a_backup(tmp_path, paths)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Cancel))
    shown = []
    monkeypatch.setattr("livedesk.ui.opener.QMessageBox.critical", lambda parent, title, text: shown.append(text))
    codes = []
    window = show_window(argparse.Namespace(demo=False, db=url, lang=None), paths, Preferences(),
                         on_finished=codes.append)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: codes == [3], timeout=15000)
    assert shown and "damaged" in shown[0] and "Restore the latest backup" in shown[0]
    assert (tmp_path / "shop.sqlite3").read_bytes() == damaged
