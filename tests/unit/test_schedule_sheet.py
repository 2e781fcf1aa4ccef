"""Schedule (排期表) import and export: round trip, messy real-world sheets, CSV encodings, refusals."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import func, select

from livedesk.models import Stream
from livedesk.services.db import open_database
from livedesk.services.exporters.schedule_sheet import export_schedule
from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.schedule_sheet import (
    apply_schedule,
    parse_minutes,
    preview_schedule,
    split_names,
)
from livedesk.services.schedule import StreamData, create_stream, list_streams


@pytest.fixture
def db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'livedesk.db'}")
    yield database
    database.close()


@pytest.fixture
def shanghai():
    """Run in a UTC+8 local zone, as the teams do; restores the zone afterwards."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available on this platform")
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def local(*args: int) -> dt.datetime:
    return dt.datetime(*args).astimezone()


def count_streams(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Stream))


def comparable(data: StreamData) -> StreamData:
    return dataclasses.replace(data, id=None, people=sorted(data.people))


def sample_streams() -> list[StreamData]:
    return [
        StreamData(
            title="双11预热专场", start_at=local(2026, 11, 10, 20, 0), planned_minutes=180, platform="douyin",
            account="@小美的店", theme="新品发布", stream_type="special", status="scripted",
            gmv_target=Decimal("120000.50"), viewers_target=50000, peak_online_target=1200,
            conversion_target=Decimal("0.035"), new_followers_target=800,
            welfare_plan="秒杀 1元x50\n福袋每30分钟", warmup_plan="短视频预热3条", notes="-5折 =不是公式",
            people=[("小美", "host"), ("阿杰", "co_host"), ("阿杰", "controller"), ("Ann Lee", "operator")],
        ),
        StreamData(
            title="日常场 周三", start_at=local(2026, 11, 11, 19, 30), planned_minutes=90, platform="kuaishou",
            account="@小美的店", theme="清仓", stream_type="daily", status="planned",
            people=[("小美", "host"), ("小王", "service"), ("老李", "paid_traffic")],
        ),
        StreamData(
            title="=1+1 会员日", start_at=local(2026, 11, 12, 0, 0), planned_minutes=60, platform="xiaohongshu",
            stream_type="big_promotion", status="reviewed", gmv_target=Decimal("0"),
            conversion_target=Decimal("0.2"), people=[("小美", "host"), ("阿杰", "host")],
        ),
    ]


# --- round trip ----------------------------------------------------------------------------------------------


def test_export_then_import_round_trips_unchanged(db, tmp_path):
    with db.session() as s:
        for data in sample_streams():
            create_stream(s, data)
    with db.session() as s:
        stored = list_streams(s)
    path = export_schedule(stored, tmp_path / "out" / "排期表.xlsx")
    assert path.exists()

    preview = preview_schedule(path)
    assert preview.problems == []
    assert [comparable(r) for r in preview.rows] == [comparable(r) for r in stored]
    assert all(r.start_at.utcoffset() is not None for r in preview.rows)

    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        with other.session() as s:
            assert apply_schedule(s, preview) == 3
        with other.session() as s:
            again = list_streams(s)
    finally:
        other.close()
    assert [comparable(r) for r in again] == [comparable(r) for r in stored]


def test_round_trip_keeps_wall_clock_time_in_a_utc_plus_8_zone(shanghai, tmp_path):
    streams = sample_streams()
    path = export_schedule(streams, tmp_path / "s.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet["B2"].value == dt.datetime(2026, 11, 10, 20, 0)  # naive local wall-clock time
    rows = preview_schedule(path).rows
    assert [r.start_at for r in rows] == [s.start_at for s in streams]
    assert rows[0].start_at.utcoffset() == dt.timedelta(hours=8)


def test_exported_workbook_is_formatted_and_text_is_never_a_formula(tmp_path):
    path = export_schedule(sample_streams(), tmp_path / "s.xlsx")
    sheet = openpyxl.load_workbook(path).active
    headers = [c.value for c in sheet[1]]
    assert headers[:4] == ["标题", "开始时间", "时长(分钟)", "平台"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet["A1"].fill.fgColor.rgb.endswith("C0392B")
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= 20
    by_header = {h: i + 1 for i, h in enumerate(headers)}
    assert sheet.cell(2, by_header["开始时间"]).number_format == "yyyy-mm-dd hh:mm"
    assert "¥" in sheet.cell(2, by_header["GMV目标"]).number_format
    assert sheet.cell(2, by_header["GMV目标"]).value == pytest.approx(120000.5)
    assert sheet.cell(2, by_header["转化率目标"]).number_format.endswith("%")
    assert sheet.cell(2, by_header["平台"]).value == "抖音"
    assert sheet.cell(2, by_header["助播"]).value == "阿杰"
    formula_title = sheet.cell(4, by_header["标题"])
    assert formula_title.value == "=1+1 会员日"
    assert formula_title.data_type == "s"
    notes = sheet.cell(2, by_header["备注"])
    assert notes.data_type == "s" and notes.value.startswith("-")


def test_export_of_nothing_writes_a_header_only_file(tmp_path):
    path = export_schedule([], tmp_path / "empty.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.max_row == 1
    with pytest.raises(ImportFailed, match="no streams"):
        preview_schedule(path)


# --- messy real-world files ------------------------------------------------------------------------------------


def test_messy_sheet_with_title_row_synonyms_split_date_and_time_and_a_total_row(db, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2026年11月 直播排期表（第47周）"])
    ws.append([])
    ws.append(["场次标题", "直播日期", "开播时间", "计划时长", "平台", "直播账号", "主播", "助播", "目标GMV",
               "转化率目标", "场次类型", "状态", "备注", "其他列"])
    ws.append(["双11预热", "2026/11/20", "20:00", "2小时", "抖音", "@小店", "小美、阿杰", None, "1.2万",
               "3%", "大促", "已写脚本", "  福袋 ", "x"])
    ws.append(["周六日常", dt.date(2026, 11, 21), dt.time(19, 30), 90, "douyin", "@小店", "小美, Ann",
               "阿杰", "¥8,000", 0.05, "日常", "Planned", None, None])
    ws.append([])
    ws.append(["周日专场", 46348, 0.8125, "120分钟", "淘宝", None, None, None, None, None, "专场", None, None, None])
    ws.append(["合计", None, None, None, None, None, None, None, 20000, None, None, None, None, None])
    path = tmp_path / "messy.xlsx"
    wb.save(path)

    preview = preview_schedule(path)
    assert preview.problems == []
    assert preview.header_row == 3
    assert len(preview.rows) == 3
    first, second, third = preview.rows

    assert first.title == "双11预热"
    assert first.start_at == local(2026, 11, 20, 20, 0)
    assert first.start_at.tzinfo is not None
    assert first.planned_minutes == 120
    assert first.platform == "douyin"
    assert first.account == "@小店"
    assert first.gmv_target == Decimal("12000")
    assert first.conversion_target == Decimal("0.03")
    assert first.stream_type == "big_promotion"
    assert first.status == "scripted"
    assert first.notes == "福袋"
    assert first.people == [("小美", "host"), ("阿杰", "host")]

    assert second.start_at == local(2026, 11, 21, 19, 30)
    assert second.planned_minutes == 90
    assert second.gmv_target == Decimal("8000")
    assert second.conversion_target == Decimal("0.05")
    assert second.people == [("小美", "host"), ("Ann", "host"), ("阿杰", "co_host")]
    assert (second.stream_type, second.status) == ("daily", "planned")

    assert third.start_at == local(2026, 11, 22, 19, 30)  # Excel serial date + serial time
    assert third.platform == "taobao"
    assert third.stream_type == "special"

    with db.session() as s:
        assert apply_schedule(s, preview) == 3
    with db.session() as s:
        titles = [r.title for r in list_streams(s)]
    assert titles == ["双11预热", "周六日常", "周日专场"]


def test_english_headers_and_a_single_datetime_column(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Title", "Start", "Minutes", "Platform", "Host", "Co-host", "GMV target", "Viewers target",
               "Peak online target", "Conversion target", "New followers target", "Type", "Status"])
    ws.append(["Friday show", dt.datetime(2026, 11, 20, 20, 0), "2h", "Channels", "Ann; Bo", "Cy",
               "5万", "2万", "800", "0.04", 300, "big promotion", "rehearsed"])
    ws.append(["Re-saved by Excel", "2026/11/21 20:01", "1.5小时", "xiaohongshu", None, None, None, None,
               None, None, None, "special", "live"])
    path = tmp_path / "english.xlsx"
    wb.save(path)
    preview = preview_schedule(path)
    assert preview.problems == []
    one, two = preview.rows
    assert one.start_at == local(2026, 11, 20, 20, 0)
    assert one.planned_minutes == 120
    assert one.platform == "channels"
    assert one.people == [("Ann", "host"), ("Bo", "host"), ("Cy", "co_host")]
    assert (one.gmv_target, one.viewers_target, one.peak_online_target) == (Decimal("50000"), 20000, 800)
    assert (one.conversion_target, one.new_followers_target) == (Decimal("0.04"), 300)
    assert (one.stream_type, one.status) == ("big_promotion", "rehearsed")
    assert two.start_at == local(2026, 11, 21, 20, 1)
    assert two.planned_minutes == 90
    assert (two.platform, two.stream_type, two.status) == ("xiaohongshu", "special", "live")


def test_gbk_csv(tmp_path):
    text = (
        "标题,开始时间,时长(分钟),平台,主播,运营,转化率目标\r\n"
        "周五日常场,2026-11-20 20:00,120,快手,小美,阿杰，小王,2.5%\r\n"
        "周六专场,2026/11/21 19:00,90分钟,视频号,小美,,\r\n"
    )
    path = tmp_path / "排期.csv"
    path.write_bytes(text.encode("gbk"))
    preview = preview_schedule(path)
    assert preview.problems == []
    assert [r.title for r in preview.rows] == ["周五日常场", "周六专场"]
    assert preview.rows[0].platform == "kuaishou"
    assert preview.rows[0].people == [("小美", "host"), ("阿杰", "operator"), ("小王", "operator")]
    assert preview.rows[0].conversion_target == Decimal("0.025")
    assert preview.rows[1].start_at == local(2026, 11, 21, 19, 0)
    assert preview.rows[1].platform == "channels"


def test_utf8_bom_csv_with_separate_date_and_time(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("直播日期,时间,时长,平台,直播主题名称\n2026-11-20,20:00,2小时,抖音,新品\n", encoding="utf-8-sig")
    (row,) = preview_schedule(path).rows
    assert (row.title, row.start_at, row.planned_minutes) == ("新品", local(2026, 11, 20, 20, 0), 120)


# --- bad rows and bad files ------------------------------------------------------------------------------------


def test_broken_rows_are_reported_and_nothing_is_written(db, tmp_path):
    with db.session() as s:
        create_stream(s, sample_streams()[0])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["标题", "开始时间", "时长(分钟)", "平台"])
    ws.append(["好的一场", "2026-11-20 20:00", 120, "抖音"])
    ws.append(["日期错", "2026-13-45 20:00", 120, "抖音"])
    ws.append(["平台错", "2026-11-21 20:00", 120, "微博"])
    ws.append(["时长错", "2026-11-22 20:00", -30, "快手"])
    ws.append([None, "2026-11-23 20:00", 60, "快手"])
    path = tmp_path / "broken.xlsx"
    wb.save(path)

    preview = preview_schedule(path)
    assert [r.title for r in preview.rows] == ["好的一场"]
    where = {(p.row, p.column) for p in preview.problems}
    assert where == {(3, "开始时间"), (4, "平台"), (5, "时长(分钟)"), (6, "标题")}
    by_row = {p.row: p for p in preview.problems}
    assert by_row[3].value == "2026-13-45 20:00"
    assert by_row[4].value == "微博" and "抖音" in by_row[4].reason
    assert by_row[5].value == "-30"
    assert "title" in by_row[6].reason.lower()
    assert all(p.reason.endswith(".") and len(p.reason) > 20 for p in preview.problems)
    assert preview.bad_rows == [3, 4, 5, 6]

    before = count_streams(db)
    with pytest.raises(ImportFailed) as caught, db.session() as s:
        apply_schedule(s, preview)
    assert len(caught.value.problems) == 4
    assert "nothing was imported" in caught.value.message
    assert "row 3" in str(caught.value) and "column 开始时间" in str(caught.value)
    assert count_streams(db) == before == 1


def test_several_problems_in_one_row_are_all_reported(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("标题,日期,开始时间,时长,平台,GMV目标,转化率目标,状态\n"
                    ",11月32日,25:00,abc,微博,很多,150%,已上线\n", encoding="utf-8")
    preview = preview_schedule(path)
    assert preview.rows == []
    columns = {p.column for p in preview.problems}
    assert columns == {"标题", "日期", "开始时间", "时长", "平台", "GMV目标", "转化率目标", "状态"}
    assert {p.row for p in preview.problems} == {2}


@pytest.mark.parametrize(
    ("start", "fragment"),
    [("2026-11-20", "Only a date"), ("20:00", "no date"), ("明天晚上", "not readable")],
)
def test_start_without_a_full_datetime_is_a_problem(tmp_path, start, fragment):
    path = tmp_path / "s.csv"
    path.write_text(f"标题,开始时间,时长,平台\n一场,{start},60,抖音\n", encoding="utf-8")
    (problem,) = preview_schedule(path).problems
    assert (problem.row, problem.column) == (2, "开始时间")
    assert fragment in problem.reason


def test_missing_required_column_names_it(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("标题,开始时间,时长(分钟),主播\n一场,2026-11-20 20:00,60,小美\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        preview_schedule(path)
    assert "平台" in caught.value.message and "platform" in caught.value.message


def test_missing_several_required_columns_names_them_all(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("标题,主播,备注\n一场,小美,\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        preview_schedule(path)
    for name in ("开始时间", "时长(分钟)", "平台"):
        assert name in caught.value.message


def test_no_header_row_at_all(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="header"):
        preview_schedule(path)


@pytest.mark.parametrize("name", ["empty.xlsx", "empty.csv"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(ImportFailed, match="empty"):
        preview_schedule(path)


def test_blank_workbook(tmp_path):
    path = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(ImportFailed):
        preview_schedule(path)


@pytest.mark.parametrize("content", [b"PK\x03\x04 this is not really a zip", b"just some text, not excel"])
def test_corrupt_xlsx(tmp_path, content):
    path = tmp_path / "corrupt.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as caught:
        preview_schedule(path)
    assert caught.value.file_name == "corrupt.xlsx"
    assert "Excel" in caught.value.message or "damaged" in caught.value.message


def test_apply_with_nothing_to_write_returns_zero(db):
    from livedesk.services.importers.schedule_sheet import SchedulePreview

    with db.session() as s:
        assert apply_schedule(s, SchedulePreview(file_name="x.xlsx")) == 0


# --- value parsers ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "minutes"),
    [(120, 120), (90.0, 90), ("120", 120), ("120分钟", 120), ("2小时", 120), ("2h", 120), ("1.5小时", 90),
     ("2小时30分", 150), ("2:30", 150), ("１２０分钟", 120), ("45min", 45), ("半小时", 30), ("2个半小时", 150),
     (dt.time(2, 0), 120)],
)
def test_parse_minutes(value, minutes):
    assert parse_minutes(value) == minutes


@pytest.mark.parametrize("value", [-30, 0, "0", "-30", "abc", 1441, "25小时", 90.5, True])
def test_parse_minutes_refuses(value):
    with pytest.raises(ValueError, match="[Pp]lanned length"):
        parse_minutes(value)


def test_split_names():
    assert split_names("小美、阿杰，小王;Ann Lee, Bo") == ["小美", "阿杰", "小王", "Ann Lee", "Bo"]
    assert split_names(None) == []
    assert split_names("-") == []
    assert split_names("小美、小美") == ["小美"]


@pytest.mark.parametrize(
    ("date", "time_of_day", "expected"),
    [
        ("2026-11-20", "20:00", (2026, 11, 20, 20, 0)),
        ("2026年11月20日", "晚上8点", (2026, 11, 20, 20, 0)),
        ("2026/11/20（周五）", "下午3点半", (2026, 11, 20, 15, 30)),
        ("46346", "0.8333", (2026, 11, 20, 20, 0)),
        ("2026-11-20", "8:30pm", (2026, 11, 20, 20, 30)),
        ("2026.11.20", "20：00", (2026, 11, 20, 20, 0)),
        ("2026-11-20 20:00", "", (2026, 11, 20, 20, 0)),
        ("", "2026/11/20 20:00", (2026, 11, 20, 20, 0)),
    ],
)
def test_date_and_time_columns_in_common_forms(tmp_path, date, time_of_day, expected):
    path = tmp_path / "s.csv"
    path.write_text(f"标题,日期,时间,时长,平台\n一场,{date},{time_of_day},60,抖音\n", encoding="utf-8")
    preview = preview_schedule(path)
    assert preview.problems == []
    assert preview.rows[0].start_at == local(*expected)


def test_date_without_a_year_takes_the_nearest_year(tmp_path):
    path = tmp_path / "s.csv"
    today = dt.date.today()
    path.write_text(f"标题,日期,时间,时长,平台\n一场,{today.month}月{today.day}日,20:00,60,抖音\n", encoding="utf-8")
    (row,) = preview_schedule(path).rows
    assert row.start_at == dt.datetime.combine(today, dt.time(20, 0)).astimezone()


@pytest.mark.parametrize(
    ("date", "time_of_day", "column", "fragment"),
    [("2026-11-21", "", "时间", "start time is empty"), ("", "20:00", "日期", "date is empty"),
     ("2026-11-21", "25:00", "时间", "not readable"), ("昨天", "20:00", "日期", "not readable")],
)
def test_half_a_start_is_a_problem(tmp_path, date, time_of_day, column, fragment):
    path = tmp_path / "s.csv"
    path.write_text(f"标题,日期,时间,时长,平台\n一场,{date},{time_of_day},60,抖音\n", encoding="utf-8")
    (problem,) = preview_schedule(path).problems
    assert (problem.row, problem.column) == (2, column)
    assert fragment in problem.reason


def test_sheet_is_named_when_the_workbook_has_several(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表用于导入排期"])
    ws = wb.create_sheet("11月")
    ws.append(["标题", "开始时间", "时长", "平台"])
    ws.append(["一场", "2026-11-20 20:00", 60, "火山"])
    path = tmp_path / "s.xlsx"
    wb.save(path)
    (problem,) = preview_schedule(path).problems
    assert (problem.sheet, problem.row, problem.column) == ("11月", 2, "平台")
