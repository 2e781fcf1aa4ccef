"""Backups: consistent copies, rotation, validated restore that backs up first and swaps atomically."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from livedesk.config import sqlite_url
from livedesk.migrations import HEAD
from livedesk.models import Stream
from livedesk.services import backup, instance_lock
from livedesk.services.db import DatabaseError, open_database


def add_stream(db, title: str) -> int:
    with db.session() as s:
        stream = Stream(title=title, start_at=dt.datetime(2026, 11, 20, 12, tzinfo=dt.timezone.utc), planned_minutes=60)
        s.add(stream)
        s.flush()
        return stream.id


def titles(db) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(Stream.title).order_by(Stream.id)))


def titles_in(path: Path) -> list[str]:
    db = open_database(sqlite_url(path), migrate=False)
    try:
        return titles(db)
    finally:
        db.close()


def test_backup_now_is_a_whole_consistent_copy(db, tmp_path):
    add_stream(db, "周五场")
    out = backup.backup_now(db, tmp_path / "out" / "copy.sqlite3")
    assert out.exists() and not list(out.parent.glob(".*partial"))
    assert backup.inspect_sqlite_backup(out) == HEAD
    assert titles_in(out) == ["周五场"]


def test_backup_while_another_connection_holds_a_write_transaction(db, tmp_path):
    add_stream(db, "已提交")
    other = sqlite3.connect(db.file_path)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE streams SET title = '未提交'")
    try:
        out = backup.backup_now(db, tmp_path / "mid.sqlite3")
    finally:
        other.rollback()
        other.close()
    assert titles_in(out) == ["已提交"]


def test_auto_backup_once_a_day_and_rotation(db, paths):
    add_stream(db, "a")
    days = [dt.datetime(2026, 11, d, 9, 0, 0) for d in range(1, 6)]
    made = [backup.auto_backup(db, paths, keep=3, now=day) for day in days]
    assert all(made)
    assert backup.auto_backup(db, paths, keep=3, now=days[-1].replace(hour=18)) is None  # one a day
    names = [p.name for p in backup.list_backups(paths, "")]
    assert names == [f"livedesk-{db.uid[:12]}-202611{d:02d}-090000.sqlite3" for d in (3, 4, 5)]


def test_backup_before_rotates_each_kind_on_its_own(db, paths):
    backup.auto_backup(db, paths, keep=2)
    for _ in range(4):
        assert "-import" in backup.backup_before(db, paths, "import", keep=2).name
    assert len(backup.list_backups(paths, "import")) == 2
    assert len(backup.list_backups(paths, "")) == 1  # the daily copy survived a busy day of imports


def test_backup_before_uses_the_preference_for_how_many_to_keep(db, paths):
    from livedesk.config import Preferences

    prefs = Preferences.load(paths)
    prefs.backups_kept = 1
    prefs.save(paths)
    for _ in range(3):
        backup.backup_before(db, paths, "Schedule import!")
    kept = backup.list_backups(paths, "schedule-import")
    assert len(kept) == 1 and kept[0].suffix == ".sqlite3"


def test_in_memory_database_has_nothing_to_back_up(paths):
    db = open_database("sqlite://")
    try:
        assert backup.auto_backup(db, paths, keep=3) is None
        assert backup.backup_before(db, paths, "import") is None
        with pytest.raises(DatabaseError):
            backup.backup_now(db, paths.backups / "x.sqlite3")
    finally:
        db.close()


def test_restore_brings_the_backup_back_and_keeps_the_replaced_data(db, paths, tmp_path):
    add_stream(db, "旧")
    saved = backup.backup_now(db, tmp_path / "saved.sqlite3")
    add_stream(db, "新")
    db.close()
    result = backup.restore(db.url, saved, paths)
    assert titles_in(db.file_path) == ["旧"]
    assert result.previous_backup and result.previous_backup.parent == paths.backups
    assert titles_in(result.previous_backup) == ["旧", "新"]
    assert result.upgraded_from is None
    assert not list(db.file_path.parent.glob(".*restoring*"))
    assert backup.inspect_sqlite_backup(db.file_path) == HEAD


def test_restore_into_a_missing_file_creates_it(tmp_path, paths, db):
    add_stream(db, "x")
    saved = backup.backup_now(db, tmp_path / "saved.sqlite3")
    target = tmp_path / "new" / "fresh.sqlite3"
    target.parent.mkdir()
    result = backup.restore(sqlite_url(target), saved, paths)
    assert result.previous_backup is None
    assert titles_in(target) == ["x"]


def corrupt_copy(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = 0xA5
    target.write_bytes(bytes(data))
    return target


def make_bad_files(db, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    add_stream(db, "x")
    good = backup.backup_now(db, tmp_path / "good.sqlite3")
    text = tmp_path / "notes.sqlite3"
    text.write_text("hello", encoding="utf-8")
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE t (x)")
    c.close()
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(good.read_bytes())
    with sqlite3.connect(newer) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    c.close()
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(good.read_bytes()[:5000])
    return {
        "text": (text, "not a SQLite database"),
        "empty": (empty, "not a SQLite database"),
        "missing": (tmp_path / "nope.sqlite3", "does not exist"),
        "other": (other, "not a LiveDesk one"),
        "newer": (newer, "newer version of LiveDesk"),
        "corrupt": (corrupt_copy(good, tmp_path / "corrupt.sqlite3"), "damaged"),
        "truncated": (truncated, "damaged"),
    }


def test_invalid_files_are_refused_and_nothing_changes(db, paths, tmp_path):
    bad = make_bad_files(db, tmp_path)
    db.close()
    before = db.file_path.read_bytes()
    for name, (path, words) in bad.items():
        with pytest.raises(backup.InvalidBackup) as err:
            backup.restore(db.url, path, paths)
        assert words in str(err.value), name
        assert "Nothing was changed" in str(err.value), name
    assert db.file_path.read_bytes() == before
    assert backup.list_backups(paths) == []  # refused before anything was written


def test_restore_refuses_while_another_process_has_the_file(db, paths, tmp_path):
    saved = backup.backup_now(db, tmp_path / "saved.sqlite3")
    code = (
        "import sys, time; from livedesk.services.instance_lock import acquire; "
        f"lock = acquire({str(db.file_path)!r}); print('locked', flush=True); time.sleep(30)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(instance_lock.InstanceLocked) as err:
            backup.restore(db.url, saved, paths)
        assert str(db.file_path) in str(err.value)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


OLD_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "livedesk-0001.sqlite3"


def test_restore_upgrades_an_older_schema(db, paths, tmp_path):
    """A backup made by the first schema (no database identity yet) is upgraded on a staged copy, checked,
    and takes the identity of the database it replaces."""
    saved = tmp_path / "old-backup.sqlite3"
    saved.write_bytes(OLD_FIXTURE.read_bytes())
    uid = db.uid
    db.close()
    result = backup.restore(db.url, saved, paths)
    assert result.upgraded_from == "0001"
    assert not list(db.file_path.parent.glob(".*restoring*"))
    restored = open_database(db.url)
    try:
        assert restored.uid == uid
        assert len(titles(restored)) > 3  # the fixture's demo streams
    finally:
        restored.close()


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ, LIVEDESK_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "livedesk", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_cli_backup_and_restore(db, tmp_path, isolated_home):
    add_stream(db, "一")
    out = tmp_path / "cli.sqlite3"
    done = run_cli("--db", db.url, "backup", "--out", str(out), home=isolated_home)
    assert done.returncode == 0, done.stderr
    assert titles_in(out) == ["一"]
    add_stream(db, "二")
    db.close()
    done = run_cli("--db", db.url, "restore", str(out), home=isolated_home)
    assert done.returncode == 0, done.stderr
    assert "backed up to" in done.stdout
    assert titles_in(db.file_path) == ["一"]


def test_cli_restore_of_an_invalid_file_exits_3_and_changes_nothing(db, tmp_path, isolated_home):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database", encoding="utf-8")
    db.close()
    before = db.file_path.read_bytes()
    done = run_cli("--db", db.url, "restore", str(bad), home=isolated_home)
    assert done.returncode == 3
    assert "not a LiveDesk backup" in done.stderr and "Nothing was changed" in done.stderr
    assert "Traceback" not in done.stderr
    assert db.file_path.read_bytes() == before


def test_pg_tools_missing_gives_a_clear_message(monkeypatch):
    monkeypatch.setattr(backup.shutil, "which", lambda _name: None)
    with pytest.raises(DatabaseError, match="postgresql-client"):
        backup._pg_tool("pg_dump")


def test_row_count_survives_round_trip(db, tmp_path):
    for i in range(50):
        add_stream(db, f"s{i}")
    out = backup.backup_now(db, tmp_path / "n.sqlite3")
    copy = open_database(sqlite_url(out))
    try:
        with copy.session() as s:
            assert s.scalar(select(func.count()).select_from(Stream)) == 50
    finally:
        copy.close()


def test_restore_over_a_damaged_database_keeps_a_raw_copy(db, paths, tmp_path):
    add_stream(db, "好")
    saved = backup.backup_now(db, tmp_path / "saved.sqlite3")
    db.close()
    damaged = corrupt_copy(db.file_path, tmp_path / "scratch.sqlite3").read_bytes()
    db.file_path.write_bytes(damaged)
    result = backup.restore(db.url, saved, paths)
    assert titles_in(db.file_path) == ["好"]
    assert "damaged" in result.previous_backup.name
    assert result.previous_backup.read_bytes() == damaged


# ---------------------------------------------------------------------------------------------- per database


def test_each_database_has_its_own_id_carried_by_its_backups(db, paths, tmp_path):
    other = open_database(sqlite_url(tmp_path / "other.sqlite3"))
    try:
        assert db.uid and other.uid and db.uid != other.uid
        mine = backup.backup_before(db, paths, "import")
        theirs = backup.backup_before(other, paths, "import")
        assert db.uid[:12] in mine.name and other.uid[:12] in theirs.name
        assert backup.backup_identity(mine) == (db.uid, "test.sqlite3")
        assert backup.backup_identity(theirs) == (other.uid, "other.sqlite3")
    finally:
        other.close()


def test_one_databases_imports_never_rotate_away_another_databases_backups(db, paths, tmp_path):
    other = open_database(sqlite_url(tmp_path / "other.sqlite3"))
    try:
        kept_of_other = [backup.backup_before(other, paths, "import", keep=2) for _ in range(2)]
        daily_of_other = backup.auto_backup(other, paths, keep=2)
        for _ in range(6):  # a busy day of imports in the first database
            backup.backup_before(db, paths, "import", keep=2)
        assert all(p.exists() for p in [*kept_of_other, daily_of_other])
        assert len(backup.list_backups(paths, "import", db.uid)) == 2
        assert len(backup.list_backups(paths, "import", other.uid)) == 2
    finally:
        other.close()


def test_backups_named_before_ids_are_listed_and_never_rotated(db, paths):
    paths.backups.mkdir(parents=True, exist_ok=True)
    legacy = [paths.backups / f"livedesk-2026110{d}-090000-import.sqlite3" for d in range(1, 4)]
    for path in legacy:
        path.write_bytes(b"old")
    for _ in range(3):
        backup.backup_before(db, paths, "import", keep=1)
    assert all(p.exists() for p in legacy)
    groups = backup.backup_groups(paths, db.uid)
    assert [g.is_current for g in groups] == [True, False]
    assert groups[0].label == "test.sqlite3" and len(groups[0].backups) == 1
    assert groups[1].uid is None and len(groups[1].backups) == 3


def test_latest_backup_of_a_database_by_id_or_by_name(db, paths, tmp_path):
    other = open_database(sqlite_url(tmp_path / "other.sqlite3"))
    try:
        backup.backup_before(other, paths, "import")
        first = backup.backup_before(db, paths, "import")
        second = backup.backup_before(db, paths, "import")
        backup.backup_before(other, paths, "import")
        assert backup.latest_backup(paths, db.uid) == second != first
        assert backup.latest_backup(paths, None, "test.sqlite3") == second  # a file too damaged to read its id
        assert backup.latest_backup(paths, None, "nothing.sqlite3") is None
    finally:
        other.close()


def test_restoring_another_databases_backup_keeps_this_databases_identity(db, paths, tmp_path):
    other = open_database(sqlite_url(tmp_path / "other.sqlite3"))
    add_stream(other, "别的库")
    theirs = backup.backup_now(other, tmp_path / "theirs.sqlite3")
    other.close()
    uid = db.uid
    db.close()
    backup.restore(db.url, theirs, paths)
    restored = open_database(db.url)
    try:
        assert restored.uid == uid and titles(restored) == ["别的库"]
    finally:
        restored.close()
