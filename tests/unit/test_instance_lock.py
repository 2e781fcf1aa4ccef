"""A second LiveDesk on the same SQLite file is refused with a message naming the file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from livedesk.services import instance_lock
from livedesk.services.db import DatabaseError, open_database

HOLDER = (
    "import sys, time; from livedesk.services.instance_lock import acquire; "
    "lock = acquire(sys.argv[1]); print('locked' if lock else 'refused', flush=True); time.sleep(60)"
)


def hold_in_other_process(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def stop(proc: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    proc.send_signal(sig)
    proc.wait()
    proc.stdout.close()


def test_lock_file_sits_beside_the_database(tmp_path):
    assert instance_lock.lock_path(tmp_path / "a.sqlite3") == (tmp_path / "a.sqlite3.lock").resolve()


def test_second_process_is_refused_and_named(tmp_path):
    db_path = tmp_path / "shop.sqlite3"
    other = hold_in_other_process(db_path)
    try:
        assert instance_lock.acquire(db_path) is None
        with pytest.raises(instance_lock.InstanceLocked) as err:
            instance_lock.lock_database_file(db_path)
        assert isinstance(err.value, DatabaseError)
        message = str(err.value)
        assert str(db_path.resolve()) in message and "another LiveDesk window" in message
        assert f"process {other.pid}" in message
    finally:
        stop(other)


def test_lock_is_freed_when_the_holder_is_killed(tmp_path):
    db_path = tmp_path / "shop.sqlite3"
    stop(hold_in_other_process(db_path))  # SIGKILL: no cleanup ran, the OS dropped the lock
    lock = instance_lock.acquire(db_path)
    assert lock is not None and lock.held
    lock.release()


def test_release_lets_another_process_in(tmp_path):
    db_path = tmp_path / "shop.sqlite3"
    with instance_lock.lock_database_file(db_path) as lock:
        assert lock.held
        probe = subprocess.run([sys.executable, "-c", HOLDER.replace("time.sleep(60)", ""), str(db_path)],
                               capture_output=True, text=True, check=True)
        assert probe.stdout.strip() == "refused"
    assert not lock.held
    probe = subprocess.run([sys.executable, "-c", HOLDER.replace("time.sleep(60)", ""), str(db_path)],
                           capture_output=True, text=True, check=True)
    assert probe.stdout.strip() == "locked"


def test_same_process_may_reopen_its_own_file(tmp_path):
    db_path = tmp_path / "shop.sqlite3"
    first = instance_lock.acquire(db_path)
    second = instance_lock.acquire(str(db_path))  # e.g. File ▸ Restore, then reopening the same file
    assert first is second and first.held
    second.release()
    assert first.held  # still held once
    first.release()
    assert not first.held
    first.release()  # harmless


def test_different_files_do_not_block_each_other(tmp_path):
    other = hold_in_other_process(tmp_path / "a.sqlite3")
    try:
        lock = instance_lock.acquire(tmp_path / "b.sqlite3")
        assert lock is not None and lock.held
        lock.release()
    finally:
        stop(other, signal.SIGTERM)


def test_lock_database_for_files_and_servers(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    memory = open_database("sqlite://")
    try:
        lock = instance_lock.lock_database(db)
        assert lock is not None and lock.db_path == (tmp_path / "x.sqlite3").resolve()
        lock.release()
        assert instance_lock.lock_database(memory) is None
    finally:
        db.close()
        memory.close()


@pytest.mark.skipif(os.name != "posix", reason="pid file contents checked on POSIX")
def test_lock_file_records_the_pid(tmp_path):
    with instance_lock.lock_database_file(tmp_path / "p.sqlite3"):
        assert instance_lock._read_pid(instance_lock.lock_path(tmp_path / "p.sqlite3")) == os.getpid()
