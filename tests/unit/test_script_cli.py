"""`livedesk script import|check|export`: in-process through livedesk.app.main, exit codes 0 / 3."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from livedesk.services import scripts
from livedesk.services.db import open_database

sys.path.insert(0, str(Path(__file__).resolve().parent))
from script_helpers import fixture_pool, make_stream  # noqa: E402


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


@pytest.fixture
def fixture(fixtures_dir) -> tuple[Path, dict]:
    folder = fixtures_dir / "exports" / "douyin_tidy"
    return folder / "直播脚本.xlsx", json.loads((folder / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def stream_id(url, fixture) -> int:
    _, expected = fixture
    db = open_database(url)
    with db.session() as s:
        stream = make_stream(s, start=expected["start"], minutes=expected["duration_minutes"])
        fixture_pool(s, stream)
        sid = stream.id
    db.close()
    return sid


def titles(url: str, stream_id: int) -> list[str]:
    db = open_database(url)
    with db.session() as s:
        result = [x.title for x in scripts.list_segments(s, stream_id)]
    db.close()
    return result


def test_import_then_check_as_json(cli, url, fixture, stream_id):
    path, expected = fixture
    code, out, err = cli("--db", url, "script", "import", str(path), "--stream", str(stream_id), "--json")
    assert code == 0, err
    assert json.loads(out)["segments"] == 6
    code, out, _ = cli("--db", url, "script", "check", "--stream", str(stream_id), "--json")
    assert code == 0
    findings = json.loads(out)
    assert all({"segment", "field", "term", "category", "rule", "severity"} <= set(f) for f in findings)
    assert all(f["severity"] in ("error", "warning", "note") and f["rule"] and f["rule_source"] for f in findings)
    found = {(f["segment"], f["term"]) for f in findings}
    for segment, term in expected["banned_segments"].items():
        assert (segment, term) in found
    # importing again replaces the script, never appends
    code, out, _ = cli("--db", url, "script", "import", str(path), "--stream", str(stream_id), "--json")
    assert json.loads(out)["replaced"] == 6 and len(titles(url, stream_id)) == 6


def test_import_of_a_broken_file_writes_nothing(cli, url, stream_id, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["时间节点", "直播阶段", "环节"])
    book.active.append(["不是时间", "开场", "开场"])
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    code, _, err = cli("--db", url, "script", "import", str(bad), "--stream", str(stream_id))
    assert code == 3
    assert "row 2" in err and "Nothing was written" in err
    assert titles(url, stream_id) == []


def test_bad_input_exits_3_with_a_reason(cli, url, stream_id, tmp_path):
    code, _, err = cli("--db", url, "script", "check", "--stream", "999")
    assert code == 3 and "no stream with this id" in err
    code, _, err = cli("--db", url, "script", "import", str(tmp_path / "missing.xlsx"), "--stream", str(stream_id))
    assert code == 3 and "no such file" in err
    code, _, err = cli("--db", url, "script", "export", "--stream", str(stream_id), "--out", str(tmp_path / "a.docx"))
    assert code == 3 and ".xlsx or .pdf" in err
    assert not (tmp_path / "a.docx").exists()


def test_export_xlsx_and_pdf(cli, url, fixture, stream_id, tmp_path):
    path, _ = fixture
    assert cli("--db", url, "script", "import", str(path), "--stream", str(stream_id))[0] == 0
    xlsx, pdf = tmp_path / "run.xlsx", tmp_path / "run.pdf"
    assert cli("--db", url, "script", "export", "--stream", str(stream_id), "--out", str(xlsx))[0] == 0
    assert xlsx.read_bytes().startswith(b"PK")
    assert cli("--db", url, "script", "export", "--stream", str(stream_id), "--out", str(pdf))[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")
