"""The review workbook (复盘报告 .xlsx): sheets, KPI values and formats, flags, charts and formula safety. No Qt."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from livedesk.services.exporters.review_report import (
    LOW_CLICK_FILL,
    kpi_rows,
    ranked_products,
    write_review_xlsx,
)

pytestmark = pytest.mark.usefixtures("laptop_timezone")  # figures must not depend on the laptop's zone

SHEET_SUMMARY, SHEET_CURVE, SHEET_PRODUCTS = "Summary", "Per minute", "Products"
SHEET_MOMENTS, SHEET_IMPROVEMENTS, SHEET_DEBRIEF = "Peaks and valleys", "Improvement list", "Debrief"
SHEETS = (SHEET_SUMMARY, SHEET_CURVE, SHEET_PRODUCTS, SHEET_MOMENTS, SHEET_IMPROVEMENTS, SHEET_DEBRIEF)
SHANGHAI = ZoneInfo("Asia/Shanghai")
START = dt.datetime(2026, 11, 12, 19, 30, tzinfo=SHANGHAI)
RISKY = ["=HYPERLINK(\"http://x\",\"y\")", "+86 138", "-1 网络卡顿", "@SUM(A1)", "\tID123", "\rline"]

SUMMARY = {
    "gmv": 240830.47, "orders": 913, "buyers": 821, "uv": 26718, "pv": 34254, "peak_online": 1659,
    "avg_online": 943.12, "conversion_rate": 821 / 26718, "aov_per_buyer": 240830.47 / 821,
    "avg_order_amount": 240830.47 / 913, "uv_value": 240830.47 / 26718, "gpm": 240830.47 / 34254 * 1000,
    "new_followers": 842, "ad_spend": 58839.71, "paid_roi": 240830.47 / 58839.71, "avg_watch_seconds": 317,
    "duration_minutes": 150, "gmv_target": 80000.0, "gmv_attainment": 240830.47 / 80000,
    "products": [
        {"name": "氨基酸洁面乳 120g", "product_id": "35001", "exposure_users": 16789, "click_users": 923,
         "click_rate": 923 / 16789, "buyers": 134, "orders": 140, "gmv": 4006.6, "flags": []},
        {"name": "=冷门款 rarely clicked", "product_id": "35002", "exposure_users": 10000, "click_users": 120,
         "click_rate": 0.012, "buyers": 3, "orders": 3, "gmv": 597.0, "flags": ["low_click_rate"]},
        {"name": "玻尿酸精华液 30ml", "product_id": "35003", "exposure_users": 17719, "click_users": 2761,
         "click_rate": 2761 / 17719, "buyers": 409, "orders": 420, "gmv": 81391.0, "flags": []},
    ],
    "moments": [], "segments": [],
}
INFO = {
    "title": "双十二预热专场", "start": START, "planned_minutes": 150, "platform": "douyin", "account": "+main",
    "gmv_target": Decimal(80000), "viewers_target": 20000, "peak_online_target": None,
    "conversion_target": Decimal("0.04"), "new_followers_target": 1000,
}


def tiny_png(width: int = 4, height: int = 3) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def curve_rows() -> list[dict]:
    rows, total = [], 0.0
    for minute in range(5):
        gmv = 100.0 * minute
        total += gmv
        rows.append({
            "minute": minute, "time": START + dt.timedelta(minutes=minute), "online": 100 + minute * 10,
            "entries": 20, "leaves": 5, "gmv": gmv, "gmv_total": total, "orders": minute, "comments": 3,
            "new_followers": 1, "fan_club_joins": 0, "segment": RISKY[0] if minute == 0 else "开场",
        })
    return rows


@pytest.fixture
def workbook_path(tmp_path: Path) -> Path:
    path = tmp_path / "out" / "复盘.xlsx"
    moments = [{"kind": "peak", "minute": 3, "at": START + dt.timedelta(minutes=3), "online": 130,
                "segment": "讲解：玻尿酸精华液", "note": RISKY[2]}]
    improvements = [{"text": text, "owner": "小王", "due_date": dt.date(2026, 11, 20), "done": i == 0}
                    for i, text in enumerate(RISKY)]
    debrief = {"highlights": "福袋节奏好\n在线稳定", "problems": RISKY[3], "root_cause": RISKY[1]}
    write_review_xlsx(SUMMARY, INFO, curve_rows(), moments, improvements, debrief, path,
                      chart_pngs={"online": tiny_png(), "gmv": tiny_png(8, 2)})
    return path


def label_rows(sheet) -> dict[str, int]:
    return {sheet.cell(row=r, column=1).value: r for r in range(1, sheet.max_row + 1) if sheet.cell(row=r, column=1).value}


def test_all_sheets_are_written_in_order(workbook_path):
    book = load_workbook(workbook_path)
    assert book.sheetnames == list(SHEETS)


def test_summary_kpis_round_trip_with_goals_attainment_and_formats(workbook_path):
    sheet = load_workbook(workbook_path)[SHEET_SUMMARY]
    rows = label_rows(sheet)
    assert "双十二预热专场" in sheet["A1"].value
    gmv = rows["GMV"]
    assert sheet.cell(gmv, 2).value == pytest.approx(240830.47, abs=0.005)
    assert sheet.cell(gmv, 3).value == 80000
    assert sheet.cell(gmv, 4).value == pytest.approx(240830.47 / 80000, rel=1e-9)
    assert "¥" in sheet.cell(gmv, 2).number_format and "¥" in sheet.cell(gmv, 3).number_format
    assert "%" in sheet.cell(gmv, 4).number_format
    conversion = rows["Conversion"]
    assert sheet.cell(conversion, 2).value == pytest.approx(821 / 26718, rel=1e-9)
    assert "%" in sheet.cell(conversion, 2).number_format
    assert sheet.cell(conversion, 4).value == pytest.approx((821 / 26718) / 0.04, rel=1e-6)
    uv = rows["Viewers (UV)"]
    assert sheet.cell(uv, 2).value == 26718 and sheet.cell(uv, 3).value == 20000
    assert sheet.cell(rows["Peak online"], 3).value is None  # no goal set: left empty, not 0
    for label in ("Conversion", "AOV per buyer", "UV value", "GPM", "Paid ROI", "Average order amount"):
        basis = sheet.cell(rows[label], 5).value
        assert "/" in basis, label  # every ratio names its numerator and denominator
    assert "views" in sheet.cell(rows["GPM"], 5).value  # GPM is on views, not people
    assert sheet.cell(rows["GPM"], 2).value == pytest.approx(240830.47 / 34254 * 1000, abs=0.005)  # cents
    assert sheet.cell(rows["Paid ROI"], 2).value == pytest.approx(4.0929921, rel=1e-6)
    header = sheet.cell(4, 1)
    assert header.font.bold and header.fill.fgColor.rgb.endswith("4F6D8F")
    assert sheet.freeze_panes == "A5"
    assert sheet.column_dimensions["E"].width > 30


def test_kpi_rows_compute_attainment_only_where_a_goal_exists():
    rows = {r["key"]: r for r in kpi_rows(SUMMARY, INFO)}
    assert rows["new_followers"]["attainment"] == pytest.approx(Decimal("0.842"))
    assert rows["peak_online"]["attainment"] is None
    assert rows["pv"]["target"] is None


def test_products_are_ranked_by_gmv_and_low_click_rates_are_filled(workbook_path):
    sheet = load_workbook(workbook_path)[SHEET_PRODUCTS]
    names = [sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)]
    assert names == ["玻尿酸精华液 30ml", "氨基酸洁面乳 120g", "=冷门款 rarely clicked"]
    assert [sheet.cell(r, 1).value for r in range(2, 5)] == [1, 2, 3]
    assert sheet.cell(4, 6).value == pytest.approx(0.012) and "%" in sheet.cell(4, 6).number_format
    assert sheet.cell(4, 8).value == pytest.approx(3 / 120)  # conversion = buyers / click users
    assert sheet.cell(4, 2).fill.fgColor.rgb.endswith(LOW_CLICK_FILL)
    assert "3%" in sheet.cell(4, 13).value
    assert not sheet.cell(2, 2).fill.fgColor.rgb.endswith(LOW_CLICK_FILL)
    assert sheet.freeze_panes == "A2"
    assert sheet.cell(1, 1).font.bold


def test_ranked_products_handles_missing_gmv():
    ranked = ranked_products([{"name": "a", "gmv": None}, {"name": "b", "gmv": 5, "click_users": 1,
                                                            "exposure_users": 100}])
    assert [p["name"] for p in ranked] == ["b", "a"]
    assert ranked[0]["low_click"] is True and ranked[1]["click_rate"] is None


def test_curve_moments_improvements_and_debrief(workbook_path):
    book = load_workbook(workbook_path)
    curve = book[SHEET_CURVE]
    assert curve.max_row == 6
    assert [curve.cell(r, 3).value for r in range(2, 7)] == [100, 110, 120, 130, 140]
    assert curve.cell(6, 7).value == 1000  # cumulative GMV
    assert "¥" in curve.cell(6, 6).number_format
    assert curve.cell(2, 2).value == START.astimezone().strftime("%Y-%m-%d %H:%M")
    moments = book[SHEET_MOMENTS]
    assert moments.cell(2, 1).value == "Peak" and moments.cell(2, 4).value == 130
    improvements = book[SHEET_IMPROVEMENTS]
    assert improvements.max_row == len(RISKY) + 1
    assert improvements.cell(2, 5).value == "Done" and improvements.cell(3, 5).value == "To do"
    assert improvements.cell(2, 4).value.date() == dt.date(2026, 11, 20)
    debrief = book[SHEET_DEBRIEF]
    assert debrief.cell(2, 2).value == "福袋节奏好\n在线稳定"
    assert debrief.cell(2, 2).alignment.wrap_text


def test_text_that_looks_like_a_formula_is_stored_as_text(workbook_path):
    book = load_workbook(workbook_path)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert {c.value for c in risky} >= {t for t in RISKY if t[0] != "\r"} | {"=冷门款 rarely clicked"}
    # XML turns a stored CR into LF on reading; the cell is still plain text
    assert [c.data_type for c in cells if c.value in ("\rline", "\nline")] == ["s"]
    for cell in risky:
        assert cell.data_type == "s", (cell.parent.title, cell.coordinate, cell.value)
        assert cell.quotePrefix, (cell.parent.title, cell.coordinate)
    with zipfile.ZipFile(workbook_path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets)


def test_charts_are_embedded_as_images(workbook_path, tmp_path):
    with zipfile.ZipFile(workbook_path) as archive:
        media = [n for n in archive.namelist() if n.startswith("xl/media/")]
        assert len(media) == 2
        assert all(archive.read(n).startswith(b"\x89PNG") for n in media)
    plain = tmp_path / "plain.xlsx"
    write_review_xlsx(SUMMARY, INFO, [], [], [], {}, plain)
    with zipfile.ZipFile(plain) as archive:
        assert not [n for n in archive.namelist() if n.startswith("xl/media/")]


def test_an_empty_review_still_writes_every_sheet(tmp_path):
    from livedesk.services.review import empty_summary

    path = tmp_path / "empty.xlsx"
    write_review_xlsx(empty_summary(), {"title": "空场", "start": START}, [], [], [], {}, path)
    book = load_workbook(path)
    assert book.sheetnames == list(SHEETS)
    rows = label_rows(book[SHEET_SUMMARY])
    assert book[SHEET_SUMMARY].cell(rows["GMV"], 2).value is None


def test_saving_replaces_the_file_atomically(tmp_path):
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"old")
    write_review_xlsx(SUMMARY, INFO, [], [], [], {}, path)
    assert load_workbook(path).sheetnames == list(SHEETS)
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]  # no temporary file left behind


def test_report_file_name_carries_date_stream_and_the_word_for_review(monkeypatch):
    import json

    from livedesk.resources import resource_path
    from livedesk.services import messages
    from livedesk.services.exporters.review_report import report_file_name

    start = dt.datetime(2026, 12, 4, 19, 30, tzinfo=SHANGHAI)
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    __import__("time").tzset()
    try:
        assert report_file_name(start, "护肤好物日常场") == "2026-12-04_护肤好物日常场_review.pdf"
        assert report_file_name(start, 'a/b:c*"d"', ".xlsx") == "2026-12-04_a_b_c__d_review.xlsx"
        chinese = json.loads(resource_path("translations", "zh_CN.json").read_text(encoding="utf-8"))
        messages.install_translator(lambda _context, text: chinese.get(text, text))
        try:
            assert report_file_name(start, "护肤好物日常场") == "2026-12-04_护肤好物日常场_复盘.pdf"
        finally:
            messages.install_translator(None)
    finally:
        monkeypatch.delenv("TZ")
        __import__("time").tzset()


def test_money_has_one_format_in_every_column(workbook_path):
    book = load_workbook(workbook_path)
    products = book[SHEET_PRODUCTS]
    headers = [c.value for c in products[1]]
    gmv = headers.index("GMV") + 1
    assert {products.cell(r, gmv).number_format for r in range(2, products.max_row + 1)} == {'"¥"#,##0.00'}
    assert headers[-2] == "Refund buyers"
    from livedesk.services.exporters.review_report import format_value

    assert [format_value(v, "money") for v in (Decimal("5"), 1234.5, Decimal("-3.456"))] == [
        "¥5.00", "¥1,234.50", "-¥3.46"]
