"""The bad-input corpus, for the environment: every command-line importer meets each fault of the computer
— a full disk, a read-only database file, a database another program keeps locked — and each time exits 3
with a message saying what to do, no traceback, and nothing written.

Generated: importers × faults. The full disk is SQLite's own SQLITE_FULL, raised at the first INSERT (a
real full disk is in test_environment_faults.py); the read-only file is SQLite opened with mode=ro; the
lock is a second process holding a write transaction.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, inspect, text

from livedesk.app import main
from livedesk.services import faults
from livedesk.services.db import open_database

IMPORTERS = ("products", "review", "script")
FAULTS = ("disk_full", "read_only_file", "locked")
SAYS = {"disk_full": "disk is full", "read_only_file": "read-only", "locked": "locked"}

HOLDER = r"""
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE streams SET title = title")
print("holding", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


def counts(path: Path) -> dict[str, int]:
    db = open_database(f"sqlite:///{path}")
    try:
        with db.engine.connect() as connection:
            return {name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
                    for name in inspect(connection).get_table_names()}
    finally:
        db.close()


def source_file(importer: str, fixtures_dir: Path) -> list[str]:
    folder = fixtures_dir / "exports" / "douyin_tidy"
    if importer == "products":
        return [str(fixtures_dir / "products" / "选品表_样例.xlsx")]
    if importer == "script":
        return [str(folder / "直播脚本.xlsx")]
    return [str(p) for p in sorted(folder.iterdir())
            if p.suffix == ".xlsx" and p.name not in ("直播脚本.xlsx", "选品表_样例.xlsx")]


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("importer", IMPORTERS)
def test_importer_meets_a_fault_exits_3_and_writes_nothing(capsys, tmp_path, fixtures_dir, monkeypatch,
                                                           importer: str, fault: str) -> None:
    from livedesk.models import Stream

    path = tmp_path / "live.sqlite3"
    db = open_database(f"sqlite:///{path}")
    with db.session() as s:
        stream = Stream(title="冬季焕新专场", start_at=dt.datetime(2026, 11, 12, 19, 30, tzinfo=ZoneInfo("Asia/Shanghai")),
                        planned_minutes=180)
        s.add(stream)
        s.flush()
        stream_id = stream.id
    db.close()
    if importer == "script":  # its products must be in the pool
        with sqlite3.connect(path) as raw:
            for name in ("护手霜 3支装", "防晒喷雾 150ml", "胶原蛋白饮 10瓶"):
                raw.execute(
                    "INSERT INTO products (sku, name, category, role, live_price, supplier, qualification,"
                    " platform_product_id, photo_path, notes, created_at, updated_at, version) VALUES"
                    " (?, ?, '', 'profit', 99, '', 'ok', '', '', '', '2026-11-01 00:00:00', '2026-11-01 00:00:00', 1)",
                    (f"SKU-{name}", name),
                )
        raw.close()
    before = counts(path)
    url = f"sqlite:///{path}"
    args = {"products": ["products", "import"], "review": ["review", "import"], "script": ["script", "import"]}
    command = [*args[importer], *source_file(importer, fixtures_dir)]
    if importer != "products":
        command += ["--stream", str(stream_id)]
    holder = None
    if fault == "disk_full":
        from livedesk.services import db as db_module

        real_make_engine = db_module.make_engine

        def full_disk_engine(engine_url: str):
            engine = real_make_engine(engine_url)

            def full(_conn, _cursor, statement, *_):
                if statement.lstrip().upper().startswith("INSERT"):
                    raise sqlite3.OperationalError("database or disk is full")

            event.listen(engine, "before_cursor_execute", full)
            return engine

        monkeypatch.setattr(db_module, "make_engine", full_disk_engine)
    elif fault == "read_only_file":
        url = f"sqlite:///file:{path}?mode=ro&uri=true"
    else:
        monkeypatch.setattr("livedesk.services.db.BUSY_TIMEOUT_MS", 100)
        monkeypatch.setattr(faults, "RETRY_PAUSE", 0.01)
        holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        assert holder.stdout.readline().strip() == "holding"
    try:
        code = main(["--db", url, *command])
    finally:
        if holder is not None:
            holder.communicate("\n", timeout=30)
        monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 3, err
    assert "Traceback" not in err and "something went wrong" not in err
    assert SAYS[fault] in err.lower() and "nothing was written" in err.lower(), err
    assert counts(path) == before
