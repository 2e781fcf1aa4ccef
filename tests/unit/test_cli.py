"""The command line: same code paths as the GUI, JSON output, and exit codes 0 / 2 / 3."""

from __future__ import annotations

import json

import pytest

from livedesk.app import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse exits on usage errors
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def test_add_then_list_as_json(capsys, url):
    code, out, _ = run(capsys, "--db", url, "streams", "add", "--title", "冬季焕新专场", "--start", "2026-11-20 20:00",
                       "--minutes", "180", "--platform", "douyin", "--gmv-target", "8万", "--json")
    assert code == 0
    added = json.loads(out)
    assert isinstance(added["id"], int)
    code, out, _ = run(capsys, "--db", url, "streams", "list", "--json")
    assert code == 0
    [row] = json.loads(out)
    assert row["id"] == added["id"]
    assert row["title"] == "冬季焕新专场"
    assert row["start"].startswith("2026-11-20T20:00")
    assert row["minutes"] == 180
    assert row["platform"] == "douyin"
    assert row["status"] == "planned"
    assert row["gmv_target"] == 80000.0


def test_bad_start_is_bad_input_and_writes_nothing(capsys, url):
    code, _, err = run(capsys, "--db", url, "streams", "add", "--title", "x", "--start", "20/11/2026",
                       "--minutes", "60", "--platform", "douyin")
    assert code == 3
    assert "--start" in err and "YYYY-MM-DD HH:MM" in err
    code, out, _ = run(capsys, "--db", url, "streams", "list", "--json")
    assert json.loads(out) == []


def test_zero_minutes_is_refused_with_a_reason(capsys, url):
    code, _, err = run(capsys, "--db", url, "streams", "add", "--title", "x", "--start", "2026-11-20 20:00",
                       "--minutes", "0", "--platform", "douyin")
    assert code == 3
    assert "between 1 and 1440" in err


def test_unknown_platform_is_a_usage_error(capsys, url):
    code, _, err = run(capsys, "--db", url, "streams", "add", "--title", "x", "--start", "2026-11-20 20:00",
                       "--minutes", "60", "--platform", "tiktok")
    assert code == 2
    assert "invalid choice" in err


def test_demo_fills_once_then_refuses_without_force(capsys, url):
    code, out, _ = run(capsys, "--db", url, "demo")
    assert code == 0 and "streams" in out
    code, out, _ = run(capsys, "--db", url, "streams", "list", "--json")
    streams = json.loads(out)
    assert len(streams) >= 20
    assert {s["status"] for s in streams} == {"planned", "scripted", "rehearsed", "live", "reviewed"}
    code, _, err = run(capsys, "--db", url, "demo")
    assert code == 3 and "--force" in err
    code, _, _ = run(capsys, "--db", url, "demo", "--force")
    assert code == 0


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("LiveDesk ")


def test_database_url_from_environment(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("LIVEDESK_DB", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    run(capsys, "streams", "add", "--title", "env", "--start", "2026-11-20 20:00", "--minutes", "60", "--platform", "taobao")
    assert (tmp_path / "env.sqlite3").exists()


def test_not_a_livedesk_database_is_bad_input(capsys, tmp_path):
    import sqlite3

    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER)")
    code, _, err = run(capsys, "--db", f"sqlite:///{other}", "streams", "list")
    assert code == 3 and "not a LiveDesk database" in err


def test_an_import_takes_a_backup_first(capsys, url, paths, tmp_path):
    from openpyxl import Workbook

    run(capsys, "--db", url, "streams", "add", "--title", "x", "--start", "2026-11-20 20:00", "--minutes", "60",
        "--platform", "douyin")
    book = Workbook()
    book.active.append(["商品名称", "SKU编码", "直播价"])
    book.active.append(["护手霜", "SKU-1", 19.9])
    book.save(tmp_path / "pool.xlsx")
    code, _, _ = run(capsys, "--db", url, "products", "import", str(tmp_path / "pool.xlsx"))
    assert code == 0
    assert any("import" in p.name for p in paths.backups.iterdir())
