"""A command starts quickly and ends cleanly.

* The parser is built without the database code; `review import` reads its files on a thread while that code
  loads (python-calamine parses a sheet without holding the GIL), and the import waits for that read instead
  of reading the file again.
* A command closes its database: SQLite folds its write-ahead log back into the file, so the file alone holds
  everything even though the process then ends without interpreter teardown.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from livedesk.services.importers import file_reads, tabular
from livedesk.services.importers.errors import ImportFailed

ROOT = Path(__file__).resolve().parents[2]
TREND = "流量综合趋势分析下载.xlsx"


@pytest.fixture
def trend(fixtures_dir: Path, tmp_path: Path) -> Path:
    path = tmp_path / TREND
    shutil.copy(fixtures_dir / "exports" / "douyin_tidy" / TREND, path)
    return path


# ---------------------------------------------------------------------------------------- reading ahead


def test_a_file_read_ahead_is_not_read_again(disk_reads, trend):
    ahead = file_reads.read_ahead([trend])
    sheets = file_reads.read_file(trend).sheets
    ahead.wait()
    assert disk_reads == [TREND]
    assert file_reads.read_file(trend).sheets is sheets  # kept for the import's later steps
    assert [s.rows for s in sheets] == [s.rows for s in tabular.read_sheets(trend)]  # what the reader gives


def test_the_import_waits_for_a_read_in_flight(monkeypatch, trend):
    file_reads.forget_all()
    started, go = threading.Event(), threading.Event()
    calls: list[str] = []
    real = tabular.read_sheets

    def slow(path, *args, **kwargs):
        calls.append(threading.current_thread().name)
        started.set()
        go.wait(10)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(tabular, "read_sheets", slow)
    ahead = file_reads.read_ahead([trend])
    assert started.wait(10)
    releaser = threading.Timer(0.2, go.set)
    releaser.start()
    try:
        read = file_reads.read_file(trend)  # blocks until the read-ahead is done, then takes its result
    finally:
        releaser.join()
        ahead.wait()
        file_reads.forget_all()
    assert calls == ["livedesk-read-ahead"]
    assert read.sheets[0].rows


def test_a_file_that_fails_to_read_ahead_is_read_again_and_its_problem_reported(disk_reads, tmp_path):
    empty = tmp_path / "空的.xlsx"
    empty.write_bytes(b"")
    ahead = file_reads.read_ahead([empty])
    with pytest.raises(ImportFailed, match="empty"):
        file_reads.read_file(empty)
    ahead.wait()
    assert disk_reads == ["空的.xlsx", "空的.xlsx"]  # the failed read is not kept: the import reads and reports it


def test_an_import_refused_before_reading_leaves_no_read_running(cli, tmp_path, trend):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    code, out, err = cli("--db", url, "review", "import", str(trend), "--stream", "999")
    assert code == 3 and out == ""
    assert "Stream 999 does not exist" in err
    assert not [t for t in threading.enumerate() if t.name == "livedesk-read-ahead"]


# ---------------------------------------------------------------------------------------- start and end


def test_the_command_line_is_parsed_without_the_database_code():
    probe = (
        "import sys\n"
        "from livedesk.app import build_parser\n"
        "build_parser().parse_args(['review', 'import', 'x.xlsx', '--stream', '1'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy' or m.startswith('livedesk.models')))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_a_command_closes_its_database(cli, tmp_path):
    path = tmp_path / "cli.sqlite3"
    code, out, err = cli("--db", f"sqlite:///{path}", "streams", "add", "--title", "周五专场", "--start",
                         "2026-11-20 20:00", "--minutes", "120", "--platform", "douyin", "--json")
    assert code == 0, err
    assert json.loads(out)["title"] == "周五专场"
    assert path.exists()
    assert not Path(f"{path}-wal").exists()  # the last connection closed: everything is in the file itself


def test_a_command_run_as_a_program_prints_everything_and_leaves_its_file_whole(tmp_path):
    path = tmp_path / "cli.sqlite3"
    env = {**os.environ, "LIVEDESK_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "livedesk", "--db", f"sqlite:///{path}", "streams", "add", "--title", "周五专场",
         "--start", "2026-11-20 20:00", "--minutes", "120", "--platform", "taobao", "--json"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["platform"] == "taobao"  # the whole JSON, flushed before the process ended
    assert not Path(f"{path}-wal").exists()
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        assert connection.execute("SELECT title FROM streams").fetchall() == [("周五专场",)]
