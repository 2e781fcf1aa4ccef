"""A corpus of broken files, generated here, for every importer: each is refused with exit code 3 and a clear
message on stderr naming the file (and the row/column where one applies), no traceback, and nothing written.

Importers: `livedesk review import`, `livedesk products import`, `livedesk script import` (run in-process
through `livedesk.app.main`) and the schedule importer (no command: `preview_schedule` + `apply_schedule`).

Decisions:
* a file with the wrong extension is read by its content: an .xlsx named .csv and a CSV named .xlsx import;
* UTF-16 without a byte-order mark is recognised (both byte orders); Shift-JIS is refused as an unknown encoding;
* formulas: a CSV cell starting with "=" (other than the ="00123" guard) is refused; an .xlsx formula without a
  saved result reads as an empty cell (what Excel would show before recalculating), refused where a value is
  required;
* the schedule has no order, so "time running backwards" does not apply to it; its duplicate is the same stream
  twice. Products have no times; their duplicate is a repeated SKU.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import random
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import inspect, text

from livedesk.app import main
from livedesk.services.db import Database, open_database

IMPORTERS = ("review", "products", "script", "schedule")
ROOT = Path(__file__).resolve().parents[2]
HUGE = 5 * 1024 * 1024
Rows = list[list[object]]


# ------------------------------------------------------------------------------------------ good tables


@dataclass(frozen=True)
class Table:
    rows: Rows  # title rows, header and data rows
    header_index: int
    time_col: int | None  # the column holding times or dates (None: the importer has none)
    number_col: int  # a numeric column whose value is required or checked
    text_col: int  # a text column


def good_table(importer: str) -> Table:
    if importer == "review":
        header = ["时间", "在线人数", "进入人数", "成交金额"]
        data = [[f"2026-11-20 20:{i:02d}", 100 + i, 10 + i, "12.50"] for i in range(6)]
        return Table([header, *data], 0, time_col=0, number_col=1, text_col=0)
    if importer == "products":
        header = ["商品名称", "SKU编码", "直播价", "成本价", "库存", "备注"]
        data = [[f"护手霜{i}号", f"SKU-{i}", "99", "40", 10 + i, "冬季主推"] for i in range(6)]
        return Table([header, *data], 0, time_col=None, number_col=2, text_col=0)
    if importer == "script":
        header = ["时间节点", "直播阶段", "环节", "主播动作/口播", "直播价"]
        data = [[f"20:{5 * i:02d}-20:{5 * i + 5:02d}", "讲解", f"环节{i}", "欢迎来到直播间", None] for i in range(6)]
        return Table([["冬季焕新专场 直播脚本"], header, *data], 1, time_col=0, number_col=4, text_col=2)
    header = ["标题", "开始时间", "时长(分钟)", "平台", "备注"]
    data = [[f"双11预热第{i}场", f"2026-11-{10 + i} 20:00", 120, "抖音", "福袋每半小时一次"] for i in range(6)]
    return Table([header, *data], 0, time_col=1, number_col=2, text_col=0)


def xlsx_bytes(rows: Rows, tweak: Callable | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if tweak:
        tweak(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_sheets(sheets: list[tuple[str, str, Rows]]) -> bytes:
    """A workbook of (name, state, rows) sheets; state is "visible", "hidden" or "veryHidden"."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, state, rows in sheets:
        sheet = workbook.create_sheet(name)
        sheet.sheet_state = state
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text(rows: Rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([["" if c is None else c for c in row] for row in rows])
    return buffer.getvalue()


def with_cell(table: Table, data_row: int, col: int, value: object) -> Rows:
    rows = [list(r) for r in table.rows]
    rows[table.header_index + 1 + data_row][col] = value
    return rows


# ------------------------------------------------------------------------------------------ the corpus


@dataclass(frozen=True)
class Case:
    name: str
    file_name: str
    content: bytes
    accept: bool = False  # readable after all (content wins over the extension)
    where: bool = False  # the message must name a row (a cell-level problem)
    says: tuple[str, ...] = ()  # words the message must hold (any of them, case-insensitive)


def corpus(importer: str) -> list[Case]:
    t = good_table(importer)
    good_xlsx = xlsx_bytes(t.rows)
    good_csv = csv_text(t.rows)
    rng = random.Random(7)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(3000))
    japanese = [[("ハンドクリーム" if isinstance(c, str) and not c.isascii() else c) for c in row] for row in t.rows]
    cases = [
        Case("truncated_xlsx", "cut.xlsx", good_xlsx[: len(good_xlsx) // 2], says=("damaged", "download")),
        Case("corrupt_xlsx", "corrupt.xlsx", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(5000)),
             says=("damaged", "download")),
        Case("png_named_csv", "trend.csv", png, says=("png", "image")),
        Case("xlsx_named_csv", "workbook.csv", good_xlsx, accept=True),
        Case("csv_named_xlsx", "table.xlsx", good_csv.encode("utf-8"), accept=True),
        Case("empty", "empty.csv", b"", says=("empty",)),
        Case("header_only", "header.csv", csv_text(t.rows[: t.header_index + 1]).encode(), says=("no ", "header")),
        Case("utf16_le_without_bom", "utf16le.csv", good_csv.encode("utf-16-le"), accept=True),
        Case("utf16_be_without_bom", "utf16be.csv", good_csv.encode("utf-16-be"), accept=True),
        Case("shift_jis", "sjis.csv", csv_text(japanese).encode("shift_jis"), says=("utf-8", "encoding")),
        Case("huge_cell_csv", "huge.csv", csv_text(with_cell(t, 2, t.text_col, "长" * HUGE)).encode(), where=True,
             says=("long", "characters")),
        Case("huge_cell_xlsx", "huge.xlsx", xlsx_bytes(with_cell(t, 2, t.text_col, "x" * HUGE)), where=True,
             says=("long", "characters")),
        Case("formula_csv", "formula.csv",
             csv_text(with_cell(t, 1, t.number_col, "=1+1")).replace("\r\n", ',"=HYPERLINK(""http://x"",""点我"")"\r\n',
                                                                     1).encode(),
             where=True, says=("formula",)),
        Case("formula_xlsx", "formula.xlsx",
             xlsx_bytes(with_cell(t, 1, t.time_col if t.time_col is not None else t.number_col, "=1+1")), where=True),
        Case("merged_cells", "merged.xlsx", xlsx_bytes(t.rows, lambda sheet: sheet.merge_cells(
            start_row=t.header_index + 2, end_row=t.header_index + 4,
            start_column=(t.time_col if t.time_col is not None else t.number_col) + 1,
            end_column=(t.time_col if t.time_col is not None else t.number_col) + 1)), where=True),
        Case("negative", "negative.csv", csv_text(with_cell(t, 1, t.number_col, "-5")).encode(), where=True),
        Case("non_numeric", "words.csv", csv_text(with_cell(t, 1, t.number_col, "很多")).encode(), where=True),
        Case("duplicate", "duplicate.csv", csv_text([*t.rows[: t.header_index + 3], *t.rows[t.header_index + 2:]])
             .encode(), where=True),
    ]
    date_col = t.time_col if t.time_col is not None else t.number_col
    for label, value in (("year_1900", "1900-01-01 20:00"), ("year_9999", "9999-12-31 20:00")):
        cases.append(Case(f"date_{label}", f"{label}.csv", csv_text(with_cell(t, 0, date_col, value)).encode(),
                          where=True))
        # a script's 时间节点 reads an Excel time of day, which Excel keeps on 1900-01-01: that one is fine
        excel_time = importer == "script" and label == "year_1900"
        cases.append(Case(f"date_{label}_xlsx", f"{label}.xlsx", xlsx_bytes(with_cell(
            t, 0, date_col, dt.datetime.fromisoformat(value))), where=not excel_time, accept=excel_time))
    if importer != "products":  # in a price column 1e9 is just a (large) number
        cases.append(Case("excel_serial_1e9", "serial.xlsx", xlsx_bytes(with_cell(t, 0, date_col, 1e9)), where=True))
    cases += data_safety_cases(importer, t)
    if importer in ("review", "script"):
        backwards = with_cell(t, 3, t.time_col, t.rows[t.header_index + 1][t.time_col])
        cases.append(Case("time_backwards", "backwards.csv", csv_text(backwards).encode(), where=True))
    return cases


def data_safety_cases(importer: str, t: Table) -> list[Case]:
    """Issue 14, points 1–4: hidden sheets, cut files, numbers out of bounds, invisible identifier twins."""
    cases = []
    # 1. only what the user sees is read: a hidden sheet is never imported, even when it comes first
    note = [["本工作簿由供应商提供，请勿修改"]]
    says_hidden = () if importer == "review" else ("hidden",)
    cases.append(Case("only_hidden_sheet", "hidden.xlsx", xlsx_sheets([("说明", "visible", note),
                                                                        ("数据", "hidden", t.rows)]), says=says_hidden))
    cases.append(Case("only_very_hidden_sheet", "very-hidden.xlsx", xlsx_sheets(
        [("说明", "visible", note), ("数据", "veryHidden", t.rows)]), says=says_hidden))
    stale = with_cell(t, 1, t.number_col, "很多")  # read first, the stale sheet would be refused
    cases.append(Case("stale_hidden_sheet_first", "stale.xlsx", xlsx_sheets(
        [("旧数据", "hidden", stale), ("数据", "visible", t.rows)]), accept=True))
    # 2. cut files: the last line stops mid-row with no line end; a row in the middle lost its fields
    good = csv_text(t.rows)
    last = good.rstrip("\r\n").rsplit("\r\n", 1)[1]
    cut = good.rstrip("\r\n")[: -len(last)] + last.split(",")[0] + ","
    cases.append(Case("cut_mid_row", "cut.csv", cut.encode(), where=True, says=("cut off",)))
    lines = good.split("\r\n")
    lines[t.header_index + 3] = lines[t.header_index + 3].split(",")[0]
    cases.append(Case("short_row", "short.csv", "\r\n".join(lines).encode(), where=True, says=("cut off",)))
    # 3. numbers out of bounds or not finite name their cell (exit 3), never crash or store a wrong value
    for label, value in (("1e30", "1e30"), ("1e309", "1e309"), ("nan", "NaN"), ("inf", "inf"), ("sub_fen", "0.001"),
                         ("2_pow_63", str(2**63))):
        cases.append(Case(f"number_{label}", f"number-{label}.csv", csv_text(with_cell(t, 1, t.number_col, value))
                          .encode(), where=True))
    cases.append(Case("number_1e30_xlsx", "number-1e30.xlsx", xlsx_bytes(with_cell(t, 1, t.number_col, 1e30)),
                      where=True))
    if importer == "products":
        # 4. identifiers: a zero-width space or NUL makes no new SKU; a SKU stored as a long number lost digits
        twin = [list(r) for r in t.rows]
        twin[t.header_index + 2][1] = "SKU-0\u200b"
        twin[t.header_index + 3][1] = "SKU\x00-1"
        cases.append(Case("invisible_sku_twin", "twin.csv", csv_text(twin).encode(), where=True, says=("duplicate",)))
        cases.append(Case("full_width_sku_twin", "twin.xlsx", xlsx_bytes(with_cell(t, 1, 1, "ＳＫＵ－０")), where=True,
                          says=("duplicate",)))
        cases.append(Case("sku_as_long_number", "long-sku.xlsx", xlsx_bytes(with_cell(t, 1, 1, 6912345678901234567)),
                          where=True, says=("digits",)))
        cases.append(Case("commission_over_100", "commission.csv", csv_text([
            [*t.rows[0], "佣金比例"], *[[*r, "150%"] for r in t.rows[1:]]]).encode(), where=True))
    return cases


CASES = [(importer, case) for importer in IMPORTERS for case in corpus(importer)]


# ------------------------------------------------------------------------------------------ running importers


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return {
            name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
            for name in inspect(connection).get_table_names()
        }


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'bad-input.sqlite3'}"


@pytest.fixture
def stream_id(url: str) -> int:
    from zoneinfo import ZoneInfo

    from livedesk.models import Stream

    db = open_database(url)
    with db.session() as session:
        stream = Stream(title="冬季焕新专场", start_at=dt.datetime(2026, 11, 20, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
                        planned_minutes=120)
        session.add(stream)
        session.flush()
        sid = stream.id
    db.close()
    return sid


def run_import(capsys, importer: str, url: str, stream_id: int, path: Path) -> tuple[int, str]:
    """(exit code, stderr) of one import; the schedule goes through its service as the GUI does."""
    if importer == "schedule":
        from livedesk.services.importers.errors import ImportFailed
        from livedesk.services.importers.schedule_sheet import apply_schedule, preview_schedule

        db = open_database(url)
        try:
            with db.session() as session:
                apply_schedule(session, preview_schedule(path))
        except ImportFailed as exc:
            return 3, f"error: {exc}"
        finally:
            db.close()
        return 0, ""
    args = {"review": ["review", "import", str(path), "--stream", str(stream_id)],
            "products": ["products", "import", str(path)],
            "script": ["script", "import", str(path), "--stream", str(stream_id)]}[importer]
    try:
        code = main(["--db", url, *args])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    _out, err = capsys.readouterr()
    return code, err


@pytest.mark.parametrize(("importer", "case"), CASES, ids=[f"{i}-{c.name}" for i, c in CASES])
def test_bad_file_is_refused_cleanly(capsys, tmp_path, url, stream_id, importer: str, case: Case) -> None:
    path = tmp_path / case.file_name
    path.write_bytes(case.content)
    db = open_database(url)
    before = counts(db)
    db.close()
    code, err = run_import(capsys, importer, url, stream_id, path)
    db = open_database(url)
    after = counts(db)
    db.close()
    assert "Traceback" not in err
    if case.accept:
        assert code == 0, err
        assert after != before  # the rows were written
        return
    assert code == 3, err
    assert case.file_name in err
    assert len(err) < 20_000, "the message must not echo a huge value"
    if case.where:
        assert "row" in err.lower() or "line" in err.lower(), err
    if case.says:
        assert any(word in err.lower() for word in case.says), err
    assert after == before, "nothing may be written"


# ------------------------------------------------------------------------------------------ size limits


def test_a_million_row_trend_is_refused_with_bounded_memory(tmp_path: Path, url: str, stream_id: int) -> None:
    path = tmp_path / "million.csv"
    start = 1_795_000_000  # an epoch minute; the text is what matters, not the dates
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("时间,在线人数,进入人数,成交金额\n")
        lines = (f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime(start + 60 * i))},{i % 900},{i % 7},1.5\n"
                 for i in range(1_000_000))
        handle.writelines(lines)
    db = open_database(url)
    before = counts(db)
    db.close()
    env = {**os.environ, "LIVEDESK_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "livedesk", "--db", url, "review", "import", str(path), "--stream", str(stream_id)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=False,
    )
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far, in KiB
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    assert "million.csv" in done.stderr and "rows" in done.stderr
    assert peak_kib < 1.5 * 1024 * 1024, f"peak RSS {peak_kib / 1024:.0f} MiB"
    db = open_database(url)
    assert counts(db) == before
    db.close()


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    """A real workbook-shaped zip whose sheet1.xml inflates to 1.1 GB (about 3 MB on disk)."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.xlsx"
    good = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["时间", "在线人数"], ["2026-11-20 20:00", 1]])))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in good.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                archive.writestr(info.filename, good.read(info.filename))
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet><sheetData>')
            chunk = b'<row><c t="inlineStr"><is><t>1</t></is></c></row>' * 100_000
            for _ in range(1100 * 1024 * 1024 // len(chunk) + 1):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    return path


@pytest.mark.parametrize("importer", IMPORTERS)
def test_decompression_bomb_is_refused_before_reading(capsys, tmp_path, url, stream_id, bomb, importer) -> None:
    import python_calamine

    reads: list[str] = []

    class Spy:
        @staticmethod
        def from_path(path, *args, **kwargs):
            reads.append(path)
            raise AssertionError("the bomb was opened")

    db = open_database(url)
    before = counts(db)
    db.close()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(python_calamine, "CalamineWorkbook", Spy)
        code, err = run_import(capsys, importer, url, stream_id, bomb)
    assert code == 3, err
    assert "bomb.xlsx" in err and "1 GB" in err
    assert reads == [], "the workbook must be refused before it is read"
    db = open_database(url)
    assert counts(db) == before
    db.close()
