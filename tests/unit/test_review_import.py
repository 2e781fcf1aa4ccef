"""Review import: fixture sessions end to end, messy forms and broken files."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from livedesk.models import CurvePoint, OrderLine, ProductResult, Review, Script, Segment, Stream
from livedesk.services.db import Database, open_database
from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.review_files import (
    KIND_DOUYIN_WORKBOOK,
    KIND_ORDERS,
    KIND_PASTED,
    KIND_TAOBAO_WORKBOOK,
    KIND_TREND,
    inspect_review_file,
    parse_pasted_text,
    parse_review_file,
    parse_table,
)
from livedesk.services.importers.tabular import read_sheets
from livedesk.services.review import ImportCancelledError, import_review_files, review_summary

pytestmark = pytest.mark.usefixtures("laptop_timezone")  # figures must not depend on the laptop's zone

SHANGHAI = ZoneInfo("Asia/Shanghai")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"  # in the repository: no test reads outside it
EXPORTS = FIXTURES / "exports"
SESSIONS = ["douyin_tidy", "douyin_messy"]
START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=SHANGHAI)

TREND_HEADER = "时间,在线人数,进入人数,离开人数,成交金额,成交订单数,评论次数,新增粉丝数,新加直播团人数"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(f"sqlite:///{tmp_path / 't.sqlite3'}")
    yield database
    database.close()


def make_stream(db: Database, start: dt.datetime = START, gmv_target: Decimal | None = None, minutes: int = 180) -> int:
    with db.session() as s:
        stream = Stream(title="测试场", start_at=start, planned_minutes=minutes, gmv_target=gmv_target)
        s.add(stream)
        s.flush()
        return stream.id


def add_script_from_fixture(db: Database, stream_id: int, script_path: Path, start: dt.datetime) -> None:
    """Segments typed by hand from the fixture's 直播脚本.xlsx time ranges (19:30-19:35 …)."""
    rows = read_sheets(script_path)[0].rows
    with db.session() as s:
        script = Script(stream_id=stream_id)
        s.add(script)
        for position, row in enumerate(r for r in rows if "-" in str(r[0]) and ":" in str(r[0])):
            begin, end = (dt.datetime.strptime(t.strip(), "%H:%M").time() for t in str(row[0]).split("-"))
            begin_at = dt.datetime.combine(start.date(), begin, SHANGHAI)
            end_at = dt.datetime.combine(start.date(), end, SHANGHAI)
            script.segments.append(
                Segment(
                    position=position,
                    title=str(row[2]),
                    start_seconds=int((begin_at - start).total_seconds()),
                    duration_seconds=int((end_at - begin_at).total_seconds()),
                )
            )


def export_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".xlsx", ".csv") and p.name != "直播脚本.xlsx")


def count_rows(db: Database) -> tuple[int, ...]:
    with db.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m)) for m in (Review, CurvePoint, ProductResult, OrderLine)
        )


def close(actual: float | None, expected: float, rel: float = 0.0, abs_: float = 0.0) -> bool:
    return actual is not None and abs(actual - expected) <= max(abs_, rel * abs(expected))


# ---------------------------------------------------------------- the contract: fixture sessions


@pytest.mark.parametrize("session", SESSIONS)
def test_fixture_session_matches_expected(db: Database, session: str) -> None:
    folder = EXPORTS / session
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    start = dt.datetime.strptime(expected["start"], "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)
    stream_id = make_stream(db, start, Decimal(str(expected["gmv_target"])))
    add_script_from_fixture(db, stream_id, folder / "直播脚本.xlsx", start)
    steps: list[tuple[int, int, str]] = []
    summary = import_review_files(db, stream_id, export_files(folder), progress=lambda *a: steps.append(a))
    assert steps and steps[-1][0] == steps[-1][1]
    assert summary.curve_points == expected["duration_minutes"]

    got = review_summary(db, stream_id)
    for key in ("orders", "buyers", "uv", "peak_online", "new_followers", "duration_minutes", "avg_watch_seconds"):
        assert got[key] == expected[key], key
    for key in ("gmv", "ad_spend", "gmv_target"):
        assert close(got[key], expected[key], abs_=0.01), key
    for key in ("conversion_rate", "aov_per_buyer", "avg_order_amount", "uv_value", "paid_roi", "gmv_attainment"):
        assert close(got[key], expected[key], rel=0.001), key
    assert close(got["pv"], expected["pv"], rel=0.005)
    assert close(got["gpm"], expected["gpm"], rel=0.006)
    assert close(got["avg_online"], expected["avg_online"], abs_=1.0)

    # the identity GMV = UV × conversion × AOV per buyer
    assert close(got["uv"] * got["conversion_rate"] * got["aov_per_buyer"], got["gmv"], abs_=0.01)

    products = {p["name"]: p for p in got["products"]}
    assert len(products) == len(expected["products"])
    for want in expected["products"]:
        p = products[want["name"]]
        assert p["buyers"] == want["buyers"]
        assert close(p["gmv"], want["gmv"], abs_=0.01)
        assert close(p["click_rate"], want["click_rate"], rel=0.001)
        assert p["flags"] == (["low_click_rate"] if want["click_rate"] < 0.03 else [])
        assert p["product_id"] and p["product_id"].isdigit()

    peaks = [m for m in got["moments"] if m["kind"] == "peak"]
    valleys = [m for m in got["moments"] if m["kind"] == "valley"]
    assert abs(peaks[0]["minute"] - expected["peak_minute"]) <= 3
    assert abs(valleys[0]["minute"] - expected["valley_minute"]) <= 4
    spans = [(s["title"], s["planned_start_minute"], s["planned_minutes"]) for s in got["segments"]]

    def active(minute: int) -> str | None:
        return next((t for t, b, n in spans if b <= minute < b + n), None)

    assert peaks[0]["segment"] == active(expected["peak_minute"]) == "返场与下播"
    assert valleys[0]["segment"] == active(expected["valley_minute"])  # after the script ended: None
    assert peaks[0]["online"] == expected["peak_online"]
    assert [s["title"] for s in got["segments"]][0] == "开场"
    assert got["segments"][0]["planned_start_minute"] == 0
    assert got["segments"][0]["actual_start_minute"] is None
    json.dumps(got)  # JSON-ready


def test_reimport_replaces_instead_of_duplicating(db: Database) -> None:
    folder = EXPORTS / "douyin_tidy"
    stream_id = make_stream(db, dt.datetime(2026, 11, 12, 19, 30, tzinfo=SHANGHAI))
    import_review_files(db, stream_id, export_files(folder))
    first = count_rows(db)
    import_review_files(db, stream_id, export_files(folder))
    assert count_rows(db) == first == (1, 150, 10, 0)


def test_script_workbook_is_refused_with_a_pointer_to_the_script_tab() -> None:
    with pytest.raises(ImportFailed) as err:
        parse_review_file(EXPORTS / "douyin_tidy" / "直播脚本.xlsx")
    assert "Script tab" in err.value.message


def test_fixture_kinds_and_mapping_preview() -> None:
    workbook = inspect_review_file(EXPORTS / "douyin_messy" / "直播间详情页_整场数据下载.xlsx")
    assert workbook.kind == KIND_DOUYIN_WORKBOOK
    trend = inspect_review_file(EXPORTS / "douyin_messy" / "分钟趋势.csv")
    assert trend.kind == KIND_TREND
    columns = trend.mappings[0].columns
    assert (
        columns["时间点"] == "time" and columns["实时在线人数"] == "online" and columns["直播间成交金额(元)"] == "gmv"
    )
    assert trend.mappings[0].header_row == 2  # a title row sits above the header


def test_stream_without_data_gives_all_keys_empty(db: Database) -> None:
    stream_id = make_stream(db)
    got = review_summary(db, stream_id)
    assert got["gmv"] is None and got["conversion_rate"] is None and got["gmv_attainment"] is None
    assert got["products"] == [] and got["moments"] == [] and got["segments"] == []
    for key in ("pv", "uv", "gpm", "paid_roi", "avg_online", "duration_minutes", "ad_spend"):
        assert key in got and got[key] is None


# ---------------------------------------------------------------- messy forms


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def trend_rows(n: int = 5, start: str = "2026-11-20 20:", online: int = 100) -> list[str]:
    return [f"{start}{m:02d},{online + m * 10},{20 + m},{m},{m}.50,{m},3,1,0" for m in range(n)]


def test_gbk_csv_with_title_row_wan_values_and_total_row(tmp_path: Path, db: Database) -> None:
    text = "\n".join(
        ["直播间分钟级数据 2026-11-20", TREND_HEADER]
        + ['2026/11/20 20:00,1.2万,"1,200",0,"￥1,299.00",1,5,-,0', "2026/11/20 20:01,900,100,300,0,0,2,1,0"]
        + ['合计,-,"1,300",300,"1,299.00",1,7,1,0']
    )
    path = write(tmp_path, "趋势.csv", text, "gbk")
    data = parse_review_file(path, START)
    assert data.kind == KIND_TREND
    assert [p.online for p in data.curve] == [12000, 900]
    assert data.curve[0].gmv == Decimal("1299.00")
    assert data.curve[0].new_followers is None  # "-" is empty, not 0
    assert data.figures["pv"] == 1300
    assert data.curve[0].at == dt.datetime(2026, 11, 20, 20, 0, tzinfo=SHANGHAI)

    stream_id = make_stream(db)
    import_review_files(db, stream_id, [path])
    got = review_summary(db, stream_id)
    assert got["peak_online"] == 12000 and got["pv"] == 1300
    assert got["gmv"] == 1299.0


def test_utf8_bom_csv_with_time_only_values_uses_stream_date_and_crosses_midnight(tmp_path: Path) -> None:
    rows = ["23:58,100,1,0,0,0,0,0,0", "23:59,110,1,0,0,0,0,0,0", "00:00,120,1,0,0,0,0,0,0", "00:01,90,1,0,0,0,0,0,0"]
    path = write(tmp_path, "t.csv", "\n".join([TREND_HEADER] + rows), "utf-8-sig")
    start = dt.datetime(2026, 11, 20, 23, 58, tzinfo=SHANGHAI)
    data = parse_review_file(path, start)
    assert [p.at for p in data.curve][-1] == dt.datetime(2026, 11, 21, 0, 1, tzinfo=SHANGHAI)


def test_time_only_without_a_stream_date_is_a_cell_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", "\n".join([TREND_HEADER, "20:00,100,1,0,0,0,0,0,0"]))
    with pytest.raises(ImportFailed) as err:
        parse_review_file(path)
    assert err.value.problems[0].row == 2 and err.value.problems[0].column == "时间"


def test_xlsx_trend_with_real_datetimes_and_excel_reformatted_dates(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "趋势"
    sheet.append(["流量综合趋势 导出"])
    sheet.append(TREND_HEADER.split(","))
    sheet.append([dt.datetime(2026, 11, 20, 20, 0), 100, 10, 0, 0, 0, 0, 0, 0])
    sheet.append(["2026/11/20 20:01", "1,100", 10, 0, "¥12.5", 1, 0, 0, 0])
    sheet.append([dt.time(20, 2), 300, 10, 0, 0, 0, 0, 0, 0])
    path = tmp_path / "趋势.xlsx"
    book.save(path)
    data = parse_review_file(path, START)
    assert [p.at.minute for p in data.curve] == [0, 1, 2]
    assert [p.online for p in data.curve] == [100, 1100, 300]
    assert data.figures["gmv"] == Decimal("12.50")


def test_pasted_text_with_and_without_header() -> None:
    data = parse_pasted_text("时间\t在线人数\n20:00\t100\n20:01\t120\n20:02\t90\n", START)
    assert data.kind == KIND_PASTED and [p.online for p in data.curve] == [100, 120, 90]
    bare = parse_pasted_text("20:00\t100\n20:01\t120\n", START)
    assert [p.online for p in bare.curve] == [100, 120]
    with pytest.raises(ImportFailed):
        parse_pasted_text("a\tb\nc\td\n", START)


def test_explicit_mapping_override(tmp_path: Path) -> None:
    text = "\n".join(["分钟,人气,进场", "2026-11-20 20:00,100,5", "2026-11-20 20:01,120,6"])
    path = write(tmp_path, "odd.csv", text)
    with pytest.raises(ImportFailed):  # 人气 is not a known online-viewer header
        parse_review_file(path, START)
    data = parse_review_file(path, START, mapping={"人气": "online", "进场": "entries"})
    assert [p.online for p in data.curve] == [100, 120] and data.figures["pv"] == 11
    sheet = read_sheets(path)[0]
    again = parse_table("odd.csv", sheet, "trend", 0, {"分钟": "time", "人气": "online"}, START)
    assert [p.online for p in again.curve] == [100, 120]


def test_orders_export(tmp_path: Path, db: Database) -> None:
    header = (
        "主订单编号,子订单编号,选购商品,商品规格,商品数量,商家编码,订单应付金额,订单提交时间,订单状态,售后状态,流量来源"
    )
    rows = [
        "\t6912345678901,\t6912345678901-1,玻尿酸精华液 30ml,30ml,1,SKU-1,￥199.00,2026/11/20 20:05,已完成,-,直播",
        "'6912345678902,'6912345678902-1,护手霜 3支装,3支,2,SKU-2,39.80,2026-11-20 20:06:00,已发货,-,直播",
        "6912345678903,6912345678903-1,护手霜 3支装,3支,1,SKU-2,19.90,2026-11-20 20:07:00,已取消,-,直播",
    ]
    path = write(tmp_path, "订单.csv", "\n".join([header] + rows), "gbk")
    data = parse_review_file(path, START)
    assert data.kind == KIND_ORDERS
    assert data.orders[0].order_id == "6912345678901"
    assert data.orders[0].submitted_at == dt.datetime(2026, 11, 20, 20, 5, tzinfo=SHANGHAI)
    stream_id = make_stream(db)
    summary = import_review_files(db, stream_id, [path])
    assert summary.orders == 3 and count_rows(db)[3] == 3
    shown = review_summary(db, stream_id)
    assert shown["gmv"] == 238.80 and shown["orders"] == 2  # the cancelled order is not a sale
    assert summary.reports[0].orders == {"counted": 2, "excluded": {"unpaid": 1, "not_live": 0, "outside_window": 0}}


def test_a_100k_row_orders_export_is_read_whole(tmp_path: Path) -> None:
    """The size of a big stream's 抖店 export: every row read, none lost or merged (its speed is the
    benchmarks' "review import" row, as a ratio to reading the file alone)."""
    header = (
        "主订单编号,子订单编号,选购商品,商品规格,商品数量,商家编码,订单应付金额,订单提交时间,订单状态,售后状态,流量来源"
    )
    lines = [header] + [
        f"69{i:011d},69{i:011d}-1,商品{i % 10},规格,1,SKU,{i % 300}.90,2026-11-20 20:{i % 60:02d}:00,已完成,-,直播"
        for i in range(100_000)
    ]
    path = write(tmp_path, "orders.csv", "\n".join(lines))
    data = parse_review_file(path, START)
    assert len(data.orders) == 100_000
    assert len({o.order_id for o in data.orders}) == 100_000
    assert sum(o.amount for o in data.orders) == sum(Decimal(f"{i % 300}.90") for i in range(100_000))
    last = data.orders[-1]
    assert (last.order_id, last.product_name, last.submitted_at) == (
        "6900000099999", "商品9", dt.datetime(2026, 11, 20, 20, 39, tzinfo=SHANGHAI))


def test_taobao_workbook(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    kv = book.active
    kv.title = "场次概览"
    for key, value in [
        ("场次标题", "双11 美妆专场"),
        ("开播时间", "2026-11-20 20:00:00"),
        ("开播时长(分钟)", 3),
        ("直播间访问人数", "1.2万"),
        ("直播间浏览次数", "30,000"),
        ("种草成交金额(元)", "¥5,000.00"),
        ("种草成交人数", 50),
        ("种草成交笔数", 60),
        ("人均停留时长(秒)", 95),
        ("新增粉丝量", 40),
        ("推广花费(元)", "1,000"),
    ]:
        kv.append([key, value])
    minutes = book.create_sheet("分钟数据")
    minutes.append(["统计时间", "在线人数", "访问人数", "成交金额(元)", "成交笔数", "新增粉丝量"])
    for m in range(3):
        minutes.append([f"20:0{m}", 100 + m, 10, 100, 1, 1])
    products = book.create_sheet("商品数据")
    products.append(
        [
            "商品ID",
            "商品标题",
            "商品曝光人数",
            "商品点击人数",
            "商品点击率",
            "种草成交人数",
            "种草成交件数",
            "种草成交金额(元)",
        ]
    )
    products.append(["'700001", "口红", 1000, 20, "2.0%", 5, 6, "¥600"])
    path = tmp_path / "淘宝.xlsx"
    book.save(path)
    data = parse_review_file(path)  # the date comes from 开播时间
    assert data.kind == KIND_TAOBAO_WORKBOOK
    assert data.figures["uv"] == 12000 and data.figures["pv"] == 30000 and data.figures["gmv"] == Decimal("5000.00")
    assert data.figures["ad_spend"] == Decimal("1000.00") and data.figures["duration_minutes"] == 3
    assert data.curve[2].at == dt.datetime(2026, 11, 20, 20, 2, tzinfo=SHANGHAI)
    assert data.products[0].platform_product_id == "700001" and data.products[0].click_users == 20


# ---------------------------------------------------------------- broken files


def test_corrupt_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive" * 10)
    with pytest.raises(ImportFailed) as err:
        parse_review_file(path)
    assert "damaged" in err.value.message


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.csv", "")
    with pytest.raises(ImportFailed) as err:
        parse_review_file(path)
    assert "empty" in err.value.message


def test_header_only(tmp_path: Path) -> None:
    path = write(tmp_path, "h.csv", TREND_HEADER + "\n")
    with pytest.raises(ImportFailed) as err:
        parse_review_file(path, START)
    assert "no data rows" in err.value.message


def test_unknown_file_lists_understood_kinds(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "foo,bar\n1,2\n")
    with pytest.raises(ImportFailed) as err:
        parse_review_file(path)
    assert "Understood kinds" in err.value.message and "trend" in err.value.message


def test_non_numeric_counts_name_every_row_and_column(tmp_path: Path) -> None:
    rows = trend_rows(4)
    rows[1] = "2026-11-20 20:01,很多,21,1,1.50,1,3,1,0"
    rows[3] = "2026-11-20 20:03,130,23,3,3.50,abc,3,1,0"
    path = write(tmp_path, "t.csv", "\n".join([TREND_HEADER] + rows))
    with pytest.raises(ImportFailed) as err:
        parse_review_file(path, START)
    where = {(p.row, p.column, p.value) for p in err.value.problems}
    assert where == {(3, "在线人数", "很多"), (5, "成交订单数", "abc")}
    assert "row 3" in str(err.value) and "在线人数" in str(err.value)


def test_negative_count(tmp_path: Path) -> None:
    rows = trend_rows(3)
    rows[2] = "2026-11-20 20:02,-5,21,1,1.50,1,3,1,0"
    with pytest.raises(ImportFailed) as err:
        parse_review_file(write(tmp_path, "t.csv", "\n".join([TREND_HEADER] + rows)), START)
    assert err.value.problems[0].row == 4 and "negative" in err.value.problems[0].reason


def test_duplicate_minutes(tmp_path: Path) -> None:
    rows = trend_rows(3)
    rows.append(rows[1])
    with pytest.raises(ImportFailed) as err:
        parse_review_file(write(tmp_path, "t.csv", "\n".join([TREND_HEADER] + rows)), START)
    problem = err.value.problems[0]
    assert problem.row == 5 and "row 3" in problem.reason


def test_time_running_backwards(tmp_path: Path) -> None:
    rows = trend_rows(4)
    rows[2], rows[3] = rows[3], rows[2]
    with pytest.raises(ImportFailed) as err:
        parse_review_file(write(tmp_path, "t.csv", "\n".join([TREND_HEADER] + rows)), START)
    assert err.value.problems[0].row == 5 and "backwards" in err.value.problems[0].reason


def test_failed_import_writes_nothing(tmp_path: Path, db: Database) -> None:
    good = write(tmp_path, "good.csv", "\n".join([TREND_HEADER] + trend_rows(5)))
    stream_id = make_stream(db)
    import_review_files(db, stream_id, [good])
    before = count_rows(db)
    assert before == (1, 5, 0, 0)
    with db.session() as s:
        gmv_before = s.scalar(select(Review.gmv))

    other = write(tmp_path, "other.csv", "\n".join([TREND_HEADER] + trend_rows(8, online=500)))
    bad = write(tmp_path, "bad.csv", "\n".join([TREND_HEADER] + trend_rows(2) + ["2026-11-20 20:05,x,1,1,1,1,1,1,1"]))
    with pytest.raises(ImportFailed):
        import_review_files(db, stream_id, [other, bad])
    assert count_rows(db) == before
    with db.session() as s:
        assert s.scalar(select(Review.gmv)) == gmv_before
        assert s.scalar(select(func.max(CurvePoint.online))) == 140

    with pytest.raises(ImportCancelledError):
        import_review_files(db, stream_id, [other], cancelled=lambda: True)
    assert count_rows(db) == before


def test_fixture_workbook_copied_under_another_name_is_still_recognised(tmp_path: Path) -> None:
    copy = tmp_path / "data.xlsx"
    shutil.copy(EXPORTS / "douyin_tidy" / "流量综合趋势分析下载.xlsx", copy)
    assert parse_review_file(copy).kind == KIND_TREND


def test_segments_report_planned_and_actual_timing(db: Database) -> None:
    from livedesk.models import SegmentTiming

    stream_id = make_stream(db)
    with db.session() as s:
        script = Script(stream_id=stream_id)
        script.segments.append(Segment(position=0, title="开场", start_seconds=0, duration_seconds=300))
        script.segments.append(Segment(position=1, title="讲解", start_seconds=300, duration_seconds=900))
        s.add(script)
        s.flush()
        s.add(
            SegmentTiming(
                stream_id=stream_id,
                segment_id=script.segments[1].id,
                segment_title="讲解",
                started_at=START + dt.timedelta(minutes=6),
                ended_at=START + dt.timedelta(minutes=26),
            )
        )
    segments = review_summary(db, stream_id)["segments"]
    assert segments == [
        {
            "title": "开场",
            "planned_start_minute": 0,
            "planned_minutes": 5,
            "actual_start_minute": None,
            "actual_minutes": None,
        },
        {
            "title": "讲解",
            "planned_start_minute": 5,
            "planned_minutes": 15,
            "actual_start_minute": 6,
            "actual_minutes": 20,
        },
    ]


def test_orders_with_bad_and_short_rows_report_cells_in_file_order(tmp_path: Path) -> None:
    header = "主订单编号,子订单编号,选购商品,商品规格,商品数量,商家编码,订单应付金额,订单提交时间,订单状态,售后状态,流量来源"
    rows = [
        "6912345678901,6912345678901-1,精华液,30ml,两件,SKU-1,很贵,昨天,已完成,-,直播",
        "6912345678902,6912345678902-1,护手霜,,,,,,,,",  # a row of blanks: the missing amount is reported once
        ",6912345678903-1,护手霜,3支,1,SKU-2,19.90,2026-11-20 20:07:00,已完成,-,直播",
        "6912345678904,6912345678904-1,护手霜,3支,-1,SKU-2,-3,2026-11-20 20:08:00,已完成,-,直播",
    ]
    with pytest.raises(ImportFailed) as err:
        parse_review_file(write(tmp_path, "订单.csv", "\n".join([header] + rows)), START)
    assert [(p.row, p.column) for p in err.value.problems] == [
        (2, "商品数量"), (2, "订单应付金额"), (2, "订单提交时间"), (5, "商品数量"), (5, "订单应付金额"),
        (3, "订单应付金额"), (4, "主订单编号"),
    ]  # fmt: skip
    rows[1] = "6912345678902,6912345678902-1,护手霜"  # fewer fields than the header: the file is refused as cut
    with pytest.raises(ImportFailed) as err:
        parse_review_file(write(tmp_path, "订单.csv", "\n".join([header] + rows)), START)
    assert "cut off at row 3" in err.value.message


def test_clock_times_read_as_before(tmp_path: Path) -> None:
    rows = [
        "20:01,100,20,1,1.50,1,3,1,0",
        "20:02:30,110,21,1,1.50,1,3,1,0",
        "\t20:03,120,22,1,1.50,1,3,1,0",
        "20:04：00,130,23,1,1.50,1,3,1,0",
    ]
    data = parse_review_file(write(tmp_path, "t.csv", "\n".join([TREND_HEADER] + rows)), START)
    assert [row.at.strftime("%H:%M:%S") for row in data.curve] == ["20:01:00", "20:02:30", "20:03:00", "20:04:00"]
    for bad in ("24:00", "20:75"):
        with pytest.raises(ImportFailed) as err:
            parse_review_file(write(tmp_path, "t.csv", "\n".join([TREND_HEADER, f"{bad},100,20,1,1.50,1,3,1,0"])), START)
        assert [(p.row, p.value) for p in err.value.problems] == [(2, bad)]
        assert "2026-11-20 20:01" in err.value.problems[0].reason  # the date-and-time message, as before
