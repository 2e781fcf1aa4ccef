"""Exports never write text a spreadsheet would run as a formula (CSV/formula injection).

Every export (products .xlsx and .csv through `livedesk products export`, the schedule, the script and the
review report .xlsx) gets values starting with = + - @, a tab and a carriage return. In the .xlsx files they
must be text cells (openpyxl data_type "s"); the .csv guards them behind a single quote. Then LibreOffice
opens each export headless and converts it to CSV: the cells must show the text, never a computed "2".
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from livedesk.app import main
from livedesk.services.db import open_database

SHANGHAI = ZoneInfo("Asia/Shanghai")
RISKY = ["=7000+77", "@SUM(A1)", "+86 138 0013 8000", "-5 折", "=HYPERLINK(\"http://example.com\",\"点我\")",
         "\t=7000+78", "\r=7000+79", "＝7000+80", " =7000+81", "\n=7000+82"]
# what a spreadsheet would show had it run one of them (the numbers are distinct from any other cell)
FORMULA_RESULTS = {"7077", "7078", "7079", "7080", "7081", "7082", "点我", "#NAME?", "Err:508", "#VALUE!"}


def soffice() -> str:
    found = shutil.which("libreoffice") or shutil.which("soffice")
    if not found:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc); .ci/run installs it")
    return found


def libreoffice_csv(path: Path, out: Path) -> dict[str, list[list[str]]]:
    """Every sheet of `path` as LibreOffice computes and shows it: {file stem: rows}."""
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "profile"
    # 44,34,UTF8,1,,0,false,true,false,false,false,-1: comma, quote, UTF-8, …, and -1 = every sheet in its own file
    read_as = ["--infilter=CSV:44,34,76"] if path.suffix == ".csv" else []  # the CSV's own encoding: UTF-8
    done = subprocess.run(
        [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", *read_as, "--convert-to",
         'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', "--outdir", str(out),
         str(path)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert done.returncode == 0, done.stderr
    results = {}
    for produced in sorted(out.glob(f"{path.stem}*.csv")):
        with produced.open(encoding="utf-8", newline="") as handle:
            results[produced.stem] = list(csv.reader(handle))
    assert results, f"LibreOffice wrote nothing: {done.stdout} {done.stderr}"
    return results


def assert_shows_text(sheets: dict[str, list[list[str]]], values: list[str]) -> None:
    cells = [cell for rows in sheets.values() for row in rows for cell in row]
    for value in values:
        core = value.strip("\t\r")
        assert any(core in cell for cell in cells), f"{value!r} is not shown as text; cells: {cells[:80]}"
    assert not FORMULA_RESULTS & set(cells), f"a formula was computed: {FORMULA_RESULTS & set(cells)}"


def assert_text_cells(path: Path, values: list[str]) -> None:
    values = [v.replace("\r", "\n") for v in values]  # XML reads a bare CR back as a line feed
    workbook = load_workbook(path)
    found = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in values:
                    found[cell.value] = cell.data_type
    assert set(found) == set(values), f"missing from {path.name}: {set(values) - set(found)}"
    assert set(found.values()) == {"s"}, found


# ------------------------------------------------------------------------------------------ products


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'export.sqlite3'}"


@pytest.fixture
def risky_products(url: str) -> list[str]:
    from livedesk.models import Product

    db = open_database(url)
    with db.session() as session:
        for i, value in enumerate(RISKY):
            session.add(Product(sku=f"SKU-{i}", name=value, category=value, supplier=value, notes=value,
                                live_price=Decimal("99"), cost=Decimal("40")))
    db.close()
    return RISKY


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_products_export(capsys, tmp_path, url, risky_products, suffix) -> None:
    out = tmp_path / f"选品表{suffix}"
    assert main(["--db", url, "products", "export", str(out)]) == 0, capsys.readouterr().err
    if suffix == ".xlsx":
        assert_text_cells(out, risky_products)
    else:
        with out.open(encoding="utf-8-sig", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        for value in risky_products:
            assert "'" + value in cells  # the quote guard: never a bare formula in the file
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert_shows_text(libreoffice_csv(out, tmp_path / "lo"), risky_products)


# ------------------------------------------------------------------------------------------ schedule and script


def test_schedule_export(tmp_path) -> None:
    from livedesk.services.exporters.schedule_sheet import export_schedule
    from livedesk.services.schedule import StreamData

    start = dt.datetime(2026, 11, 20, 20, 0, tzinfo=SHANGHAI)
    streams = [
        StreamData(title=value, start_at=start + dt.timedelta(days=i), planned_minutes=120, account=value,
                   theme=value, notes=value, welfare_plan=value, people=[(value.strip(), "host")])
        for i, value in enumerate(RISKY)
    ]
    out = export_schedule(streams, tmp_path / "排期表.xlsx")
    assert_text_cells(out, RISKY)
    assert_shows_text(libreoffice_csv(out, tmp_path / "lo"), RISKY)


def test_script_export(tmp_path, url) -> None:
    from livedesk.models import Script, Segment, Stream
    from livedesk.services.exporters.script_sheet import export_script_sheet

    db = open_database(url)
    with db.session() as session:
        stream = Stream(title="冬季焕新专场", start_at=dt.datetime(2026, 11, 20, 20, 0, tzinfo=SHANGHAI),
                        planned_minutes=120)
        session.add(stream)
        session.flush()
        script = Script(stream_id=stream.id)
        session.add(script)
        for i, value in enumerate(RISKY):
            script.segments.append(Segment(position=i, title=value, start_seconds=300 * i, duration_seconds=300,
                                           host_lines=value, cues=value, props=value, notes=value))
        session.flush()
        out = export_script_sheet(session, stream.id, tmp_path / "直播脚本.xlsx")
    db.close()
    assert_text_cells(out, RISKY)
    assert_shows_text(libreoffice_csv(out, tmp_path / "lo"), RISKY)


# ------------------------------------------------------------------------------------------ review report


def test_review_report_xlsx(tmp_path) -> None:
    from livedesk.services.exporters.review_report import write_review_xlsx

    start = dt.datetime(2026, 11, 20, 20, 0, tzinfo=SHANGHAI)
    summary = {"gmv": Decimal("1000"), "products": [{"name": value, "product_id": value, "gmv": Decimal("10")}
                                                     for value in RISKY]}
    info = {"title": "冬季焕新专场", "start": start, "platform": "douyin", "account": "=7000+77", "planned_minutes": 120}
    moments = [{"kind": "peak", "minute": 11 + i, "at": start, "online": 10, "segment": value, "note": value}
               for i, value in enumerate(RISKY)]
    improvements = [{"text": value, "owner": value, "due_date": None, "done": False} for value in RISKY]
    curve = [{"minute": 11 + i, "time": start, "online": 10, "segment": value} for i, value in enumerate(RISKY)]
    out = write_review_xlsx(summary, info, curve, moments, improvements, {"summary": "=7000+77"},
                            tmp_path / "复盘报告.xlsx")
    assert_text_cells(out, RISKY)
    assert_shows_text(libreoffice_csv(out, tmp_path / "lo"), RISKY)


# ------------------------------------------------------------------------------------------ titles and headers


def assert_no_formula_anywhere(path: Path) -> None:
    """No cell of any sheet is a formula: values, titles and headers all went through the one guard."""
    workbook = load_workbook(path)
    formulas = [(sheet.title, cell.coordinate, cell.value) for sheet in workbook.worksheets
                for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert formulas == []


def test_a_stream_title_never_becomes_a_formula_in_the_script_workbook(tmp_path, url) -> None:
    from livedesk.models import Script, Segment, Stream
    from livedesk.services.exporters.script_sheet import export_script_sheet

    db = open_database(url)
    with db.session() as session:
        stream = Stream(title="=7000+77", start_at=dt.datetime(2026, 11, 20, 20, 0, tzinfo=SHANGHAI),
                        planned_minutes=120)
        session.add(stream)
        session.flush()
        script = Script(stream_id=stream.id)
        session.add(script)
        script.segments.append(Segment(position=0, title="开场", start_seconds=0, duration_seconds=300))
        session.flush()
        out = export_script_sheet(session, stream.id, tmp_path / "直播脚本.xlsx")
    db.close()
    title = load_workbook(out).active["A1"]
    assert title.data_type == "s" and title.value.startswith("=7000+77") and title.quotePrefix
    assert_no_formula_anywhere(out)


def test_every_writer_guards_headers_too(tmp_path, monkeypatch) -> None:
    """A header that looked like a formula (a translation, a future column) would still be written as text."""
    from livedesk.services.exporters import product_sheet, schedule_sheet, script_sheet
    from livedesk.services.exporters.cells import csv_text

    monkeypatch.setattr(product_sheet, "EXPORT_COLUMNS", (("=7000+77", "text"), *product_sheet.EXPORT_COLUMNS[1:]))
    monkeypatch.setattr(schedule_sheet, "format_header", lambda name: "=7000+77" if name == "title" else name)
    monkeypatch.setattr(script_sheet, "COLUMNS", [("=7000+77", 13, False), *script_sheet.COLUMNS[1:]])
    db = open_database(f"sqlite:///{tmp_path / 'h.sqlite3'}")
    from livedesk.models import Product, Script, Segment, Stream
    from livedesk.services.schedule import StreamData

    with db.session() as session:
        session.add(Product(sku="A", name="护手霜", live_price=Decimal("99")))
        stream = Stream(title="专场", start_at=dt.datetime(2026, 11, 20, 20, 0, tzinfo=SHANGHAI), planned_minutes=60)
        session.add(stream)
        session.flush()
        script = Script(stream_id=stream.id)
        session.add(script)
        script.segments.append(Segment(position=0, title="开场", start_seconds=0, duration_seconds=300))
        session.flush()
        outputs = [
            product_sheet.export_products_xlsx(session, tmp_path / "p.xlsx").path,
            script_sheet.export_script_sheet(session, stream.id, tmp_path / "s.xlsx"),
            schedule_sheet.export_schedule([StreamData(title="专场", start_at=stream.start_at, planned_minutes=60)],
                                           tmp_path / "排期.xlsx"),
        ]
        product_sheet.export_products_csv(session, tmp_path / "p.csv")
    db.close()
    for out in outputs:
        assert_no_formula_anywhere(out)
        assert any(c.value == "=7000+77" and c.data_type == "s" for sheet in load_workbook(out).worksheets
                   for row in sheet.iter_rows() for c in row)
    with (tmp_path / "p.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle))[0] == csv_text("=7000+77") == "'=7000+77"
