"""Faults of the computer, not of the data: a full disk, a read-only folder or file, a database another
program keeps locked, a damaged file, a team server gone mid-import. Each ends with the data as it was,
exit 3 on the command line and a message saying what happened and what to do — never a traceback.

Real faults where the machine allows them (a tiny tmpfs for a full disk and a read-only bind mount need
root and mount rights, so those tests skip elsewhere; chmod does not stop root), otherwise simulated at
the operating-system call (OSError ENOSPC) the way the real fault arrives.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select

from livedesk.app import main
from livedesk.models import Product, Stream
from livedesk.services import backup, faults
from livedesk.services.db import open_database


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.err


def count(url: str, model) -> int:
    db = open_database(url)
    try:
        with db.session() as s:
            return s.scalar(select(func.count()).select_from(model))
    finally:
        db.close()


@contextlib.contextmanager
def mounted(*args: str) -> Iterator[None]:
    target = args[-1]
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here ({done.stderr.strip() or done.returncode}); the simulated test covers it")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", target], capture_output=True, check=False)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB disk of its own (tmpfs)."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    with mounted("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)):
        yield folder


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the disk, leaving about `leave` bytes."""
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    with open(folder / "filler.bin", "wb") as handle:
        handle.write(b"\0" * max(0, free - leave))


def products_csv(path: Path, rows: int) -> Path:
    lines = ["商品名称,SKU编码,直播价,成本价,库存,备注"]
    lines += [f"护手霜{i}号-{'长' * 60},SKU-{i},99,40,{10 + i},冬季主推{'说明' * 40}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------- full disk


def test_backup_onto_a_full_disk_leaves_no_partial_file(capsys, db, tiny_disk):
    with db.session() as s:
        s.add_all(Product(sku=f"P-{i}", name="护手霜" * 50, notes="说明" * 400) for i in range(400))
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert db.file_path.stat().st_size > 1024 * 1024  # bigger than the whole tiny disk
    code, err = run(capsys, "--db", db.url, "backup", "--out", str(tiny_disk / "copy.sqlite3"))
    assert code == 3, err
    assert "disk is full" in err and "Traceback" not in err
    assert list(tiny_disk.iterdir()) == []  # no copy, no .partial, no journal


def test_backup_that_fails_at_the_rename_leaves_no_partial_file(db, tmp_path, monkeypatch):
    """The simulated twin of the test above: the disk fills as the copy is put in place."""
    real_replace = os.replace

    def full(src, dst):
        if str(dst).endswith("copy.sqlite3"):
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(backup.os, "replace", full)
    with pytest.raises(faults.DiskFull, match="disk is full"):
        backup.backup_now(db, tmp_path / "out" / "copy.sqlite3")
    assert list((tmp_path / "out").iterdir()) == []


def test_import_into_a_database_on_a_full_disk_writes_nothing(capsys, tmp_path, tiny_disk):
    url = f"sqlite:///{tiny_disk / 'live.sqlite3'}"
    open_database(url).close()
    sheet = products_csv(tmp_path / "选品表.csv", 400)
    fill(tiny_disk, leave=64 * 1024)
    code, err = run(capsys, "--db", url, "products", "import", str(sheet))
    assert code == 3, err
    assert "disk is full" in err and "Nothing was written" in err and "Traceback" not in err
    (tiny_disk / "filler.bin").unlink()
    assert count(url, Product) == 0


# --------------------------------------------------------------------------------------------- read-only


def test_a_read_only_folder_says_so(capsys, tmp_path):
    source = tmp_path / "writable"
    source.mkdir()
    url = f"sqlite:///{source / 'live.sqlite3'}"
    open_database(url).close()
    view = tmp_path / "read-only"
    view.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    with mounted("--bind", "-o", "ro", str(source), str(view)):
        if os.access(view, os.W_OK) and _writable(view):
            pytest.skip("the bind mount did not come up read-only here")
        code, err = run(capsys, "--db", f"sqlite:///{view / 'live.sqlite3'}", "streams", "add", "--title", "x",
                        "--start", "2026-11-20 20:00", "--minutes", "60", "--platform", "douyin")
    assert code == 3, err
    assert "read-only" in err and "Traceback" not in err
    assert count(url, Stream) == 0


def _writable(folder: Path) -> bool:
    probe = folder / f".probe-{uuid.uuid4().hex}"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True


def test_a_read_only_database_file_says_so(capsys, tmp_path):
    path = tmp_path / "live.sqlite3"
    open_database(f"sqlite:///{path}").close()
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"  # what SQLite sees for a file it may not write
    code, err = run(capsys, "--db", read_only, "streams", "add", "--title", "x", "--start", "2026-11-20 20:00",
                    "--minutes", "60", "--platform", "douyin")
    assert code == 3, err
    assert "read-only" in err and "Nothing was written" in err and "Traceback" not in err
    assert count(f"sqlite:///{path}", Stream) == 0


def test_an_export_into_a_read_only_place_says_so(capsys, db, tmp_path, monkeypatch):
    import io

    out = tmp_path / "shared-folder"
    out.mkdir()
    real_open = io.open

    def refuse(file, mode="r", *args, **kwargs):  # what a read-only folder answers to any file written in it
        if any(m in mode for m in "wax") and str(file).startswith(str(out)):
            raise OSError(errno.EROFS, "Read-only file system", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(io, "open", refuse)
    monkeypatch.setattr("builtins.open", refuse)
    code, err = run(capsys, "--db", db.url, "products", "export", str(out / "products.csv"))
    assert code == 3, err
    assert "read-only" in err and "shared-folder" in err and "Traceback" not in err
    assert list(out.iterdir()) == []


# --------------------------------------------------------------------------------------------- locked


HOLDER = r"""
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE products SET notes = notes")
print("holding", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


def test_a_database_locked_by_another_writer_waits_retries_then_names_it(capsys, db, monkeypatch):
    monkeypatch.setattr("livedesk.services.db.BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(faults, "RETRY_PAUSE", 0.05)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db.file_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        code, err = run(capsys, "--db", db.url, "streams", "add", "--title", "x", "--start", "2026-11-20 20:00",
                        "--minutes", "60", "--platform", "douyin")
    finally:
        holder.communicate("\n", timeout=30)
    assert code == 3, err
    assert err.count("Waiting and trying again") == faults.RETRY_ATTEMPTS - 1, err
    assert f"process {holder.pid}" in err and "Nothing was written" in err and "Traceback" not in err
    assert count(db.url, Stream) == 0


def test_a_lock_released_while_waiting_lets_the_work_through(capsys, db, monkeypatch):
    monkeypatch.setattr("livedesk.services.db.BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(faults, "RETRY_PAUSE", 0.05)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db.file_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    told = []

    def release_on_first_message(text: str) -> None:
        told.append(text)
        holder.communicate("\n", timeout=30)

    def add() -> int:
        with db.session() as s:
            s.add(Stream(title="等到了", start_at=dt.datetime(2026, 11, 20, 12, tzinfo=dt.timezone.utc),
                         planned_minutes=60))
        return 1

    assert faults.retry_when_locked(add, release_on_first_message) == 1
    assert len(told) == 1 and "busy" in told[0]
    assert count(db.url, Stream) == 1


# --------------------------------------------------------------------------------------------- damaged


def test_a_damaged_database_is_refused_with_the_backup_to_restore(capsys, db, paths):
    with db.session() as s:
        s.add_all(Product(sku=f"P-{i}", name="护手霜" * 20) for i in range(300))
    latest = backup.backup_before(db, paths, "import")
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db.file_path.read_bytes())
    data[4096 * 4:4096 * 9] = b"\x5a" * (4096 * 5)
    db.file_path.write_bytes(bytes(data))
    code, err = run(capsys, "--db", db.url, "products", "list")
    assert code == 3, err
    assert "damaged" in err and str(latest) in err and "restore" in err and "Traceback" not in err
    assert db.file_path.read_bytes() == bytes(data)  # left exactly as it was
    code, err = run(capsys, "--db", db.url, "restore", str(latest))  # the advice works
    assert code == 0, err
    assert count(db.url, Product) == 300


# --------------------------------------------------------------------------------------------- team server gone


def test_a_team_server_gone_mid_import_writes_nothing(pg_url, pg_server, fixtures_dir):
    from livedesk.services.review import import_review_files

    folder = fixtures_dir / "exports" / "douyin_tidy"
    files = sorted(p for p in folder.iterdir() if p.suffix in (".xlsx", ".csv") and p.name != "直播脚本.xlsx")
    db = open_database(pg_url)
    with db.session() as s:
        stream = Stream(title="复盘", start_at=dt.datetime(2026, 11, 12, 19, 30, tzinfo=ZoneInfo("Asia/Shanghai")),
                        planned_minutes=180)
        s.add(stream)
        s.flush()
        stream_id = stream.id
    inserts = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def server_goes_away(connection, cursor, statement, *_):
        if statement.lstrip().upper().startswith("INSERT"):
            inserts.append(statement)
            if len(inserts) == 3:  # mid-import: some rows already sent, not committed
                pg_server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                f"WHERE datname = '{pg_url.rsplit('/', 1)[-1]}' AND pid <> pg_backend_pid()")

    try:
        with pytest.raises(faults.ServerGone) as err:
            import_review_files(db, stream_id, files)
        assert "Nothing was written" in str(err.value)
    finally:
        event.remove(db.engine, "before_cursor_execute", server_goes_away)
        db.close()
    from livedesk.models import Review

    assert count(pg_url, Review) == 0
    assert count(pg_url, Stream) == 1
