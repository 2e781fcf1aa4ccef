"""File ▸ Back Up Now… / Restore from Backup…."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from livedesk.models import Stream
from livedesk.ui.backup_actions import add_backup_actions


def add_stream(db, title: str) -> None:
    with db.session() as s:
        s.add(Stream(title=title, start_at=dt.datetime(2026, 11, 20, 12, tzinfo=dt.timezone.utc), planned_minutes=60))


def titles(db) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(Stream.title).order_by(Stream.id)))


def test_actions_sit_before_quit(window):
    back_up, restore = add_backup_actions(window)
    file_menu = window.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("backupNow") < names.index("restoreBackup") < names.index("quit")
    assert back_up.text() and restore.text()


def test_back_up_then_restore_reloads_the_window(window, monkeypatch, tmp_path):
    back_up, restore = add_backup_actions(window)
    add_stream(window.db, "备份前")
    target = tmp_path / "manual.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    back_up.trigger()
    assert target.exists()
    add_stream(window.db, "备份后")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    old_db = window.db
    restore.trigger()
    assert window.db is not old_db
    assert titles(window.db) == ["备份前"]
    assert list(window.paths.backups.glob("livedesk-*-before-restore.sqlite3"))


def test_cancelled_restore_changes_nothing(window, monkeypatch, tmp_path):
    _, restore = add_backup_actions(window)
    add_stream(window.db, "原样")
    from livedesk.services.backup import backup_now

    saved = backup_now(window.db, tmp_path / "saved.sqlite3")
    add_stream(window.db, "新增")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(saved), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
    restore.trigger()
    assert titles(window.db) == ["原样", "新增"]


def test_invalid_file_shows_an_error_and_changes_nothing(window, monkeypatch, tmp_path):
    _, restore = add_backup_actions(window)
    add_stream(window.db, "原样")
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("junk", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    monkeypatch.setattr("livedesk.ui.backup_actions.show_error", lambda parent, exc, title=None: shown.append(str(exc)))
    restore.trigger()
    assert shown and "not a LiveDesk backup" in shown[0]
    assert titles(window.db) == ["原样"]


def test_backups_list_groups_by_database_and_restores_the_chosen_one(window, monkeypatch, tmp_path):
    from livedesk.config import sqlite_url
    from livedesk.services import backup
    from livedesk.services.db import open_database
    from livedesk.ui.backup_actions import show_backups

    add_backup_actions(window)
    add_stream(window.db, "第一版")
    mine = backup.backup_before(window.db, window.paths, "import")
    add_stream(window.db, "第二版")
    other = open_database(sqlite_url(tmp_path / "shop-b.sqlite3"))
    backup.backup_before(other, window.paths, "import")
    other.close()
    show_backups(window)
    dialog = window.backups_dialog
    tops = [dialog.model.item(row).text() for row in range(dialog.model.rowCount())]
    assert len(tops) == 2
    assert "test.sqlite3" in tops[0] and "shop-b.sqlite3" in tops[1]
    assert dialog.model.item(0).rowCount() == 1 and dialog.model.item(1).rowCount() == 1
    assert not dialog.restore_button.isEnabled()
    assert dialog.select(mine) and dialog.restore_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    assert dialog.restore_selected()
    assert titles(window.db) == ["第一版"]


def test_back_up_now_suggests_a_name_listed_under_this_database(window, monkeypatch):
    back_up, _ = add_backup_actions(window)
    suggested = []

    def save(parent, caption, path, *_a, **_k):
        suggested.append(path)
        return path, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    back_up.trigger()
    from livedesk.services import backup

    groups = backup.backup_groups(window.paths, window.db.uid)
    assert groups[0].is_current and groups[0].backups[0].path == Path(suggested[0])
    assert groups[0].backups[0].reason == "manual"
