"""Faults of the environment are told apart from bugs in one place, each with what to do."""

from __future__ import annotations

import errno
import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from livedesk.services import faults


def sqlite_error(message: str, name: str) -> OperationalError:
    orig = sqlite3.OperationalError(message)
    orig.sqlite_errorname = name
    return OperationalError("INSERT ...", {}, orig)


@pytest.mark.parametrize(("exc", "kind", "words"), [
    (OSError(errno.ENOSPC, "No space left on device", "/mnt/usb/x.xlsx"), faults.DiskFull, "disk is full"),
    (OSError(errno.EROFS, "Read-only file system", "/media/cd/x.xlsx"), faults.ReadOnly, "read-only"),
    (PermissionError(errno.EACCES, "Permission denied", "/srv/x.csv"), faults.ReadOnly, "permission"),
    (sqlite_error("database or disk is full", "SQLITE_FULL"), faults.DiskFull, "disk is full"),
    (sqlite_error("attempt to write a readonly database", "SQLITE_READONLY"), faults.ReadOnly, "read-only"),
    (sqlite_error("database is locked", "SQLITE_BUSY"), faults.DatabaseLocked, "locked"),
    (sqlite_error("disk I/O error", "SQLITE_IOERR_WRITE"), faults.DiskError, "disk"),
])
def test_faults_are_named_with_what_to_do(exc, kind, words):
    fault = faults.environment_fault(exc, None, where="shop.sqlite3")
    assert isinstance(fault, kind)
    assert words in str(fault) and "Nothing was written" in str(fault)


@pytest.mark.parametrize("exc", [
    ValueError("a bug"),
    KeyError("x"),
    OSError(errno.ENOENT, "No such file", "x.csv"),
    IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed")),
    sqlite_error("no such table: streams", "SQLITE_ERROR"),
])
def test_bugs_and_bad_input_are_not_faults(exc):
    assert faults.environment_fault(exc, None) is None


def test_a_unit_of_work_that_hits_a_full_disk_rolls_back_and_says_so(db, monkeypatch):
    from sqlalchemy import event

    from livedesk.models import Product

    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    event.listen(db.engine, "before_cursor_execute", full)
    try:
        with pytest.raises(faults.DiskFull, match="Nothing was written"):
            with db.session() as s:
                s.add(Product(sku="A", name="n"))
    finally:
        event.remove(db.engine, "before_cursor_execute", full)
    with db.session() as s:
        assert s.query(Product).count() == 0


def test_retry_when_locked_gives_up_after_the_attempts_naming_the_holder():
    told = []

    def always_locked():
        raise faults.DatabaseLocked("shop.sqlite3 is locked by sqlite3 (process 42)", None, "sqlite3 (process 42)")

    with pytest.raises(faults.DatabaseLocked, match="process 42"):
        faults.retry_when_locked(always_locked, told.append, attempts=3, pause=0)
    assert len(told) == 2 and all("trying again" in t for t in told)
