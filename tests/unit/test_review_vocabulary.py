"""The review importer on the platforms' real vocabulary: every figure found or listed as unused, orders
counted by the platform's rule, one answer whatever the file order, wrong-day files refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from livedesk.models import Stream
from livedesk.services.db import Database
from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.review_files import WrongDayFailed, parse_review_file
from livedesk.services.order_rules import count_orders, is_paid, order_window
from livedesk.services.review import import_review_files, preview_review_files, review_summary

pytestmark = pytest.mark.usefixtures("laptop_timezone")  # figures must not depend on the laptop's zone

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=SHANGHAI)
END = START + dt.timedelta(hours=3)


def make_stream(db: Database, start: dt.datetime = START, minutes: int = 180, title: str = "周三场") -> int:
    with db.session() as s:
        stream = Stream(title=title, start_at=start, planned_minutes=minutes)
        s.add(stream)
        s.flush()
        return stream.id


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def luopan(tmp_path: Path, gmv: str = "¥123,456.78") -> Path:
    """A 罗盘 核心指标 sheet: a title row, labels in column B and E, values to their right, no 整场 marker."""
    return workbook(tmp_path / "核心指标.xlsx", {"核心指标": [
        ["直播间数据概览"],
        [],
        [None, "直播间成交金额", gmv, None, "累计观看人数", "34,926"],
        [None, "观看次数", "4.48万", None, "平均在线人数", 919],
        [None, "人均观看时长", "5分15秒", None, "成交人数", 1090],
        [None, "成交件数", 1300, None, "成交订单数", 1212],
        [None, "千川消耗", "53,758.15", None, "退款金额", "1,234.00"],
        [None, "直播开始时间", "2026-11-20 20:00:00", None, "直播结束时间", "2026-11-20 23:00:00"],
        [None, "千次观看成交金额", "2,757"],
    ]})  # fmt: skip


def trend_csv(tmp_path: Path, day: str = "2026-11-20", minutes: int = 180) -> Path:
    lines = ["时间,在线人数,进入人数,离开人数,千川消耗,成交人数,成交订单数,成交金额,直播间点赞数"]
    for m in range(minutes):
        at = dt.datetime.fromisoformat(f"{day} 20:00") + dt.timedelta(minutes=m)
        lines.append(f"{at:%Y-%m-%d %H:%M},{500 + m},{100 + m % 7},{90},{10.5},{2},{3},{100.25},{5}")
    path = tmp_path / f"分钟趋势_{day}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


ORDER_HEADER = "主订单编号,子订单编号,选购商品,商品数量,订单应付金额,订单提交时间,订单状态,售后状态,取消原因,流量体裁,收货人"
ORDERS = [
    # id, amount, time, status, after-sale, cancel reason, 体裁 -> what it is
    ("001", "100.00", "2026-11-20 20:05:00", "已完成", "-", "", "直播"),  # paid
    ("002", "50.00", "2026-11-20 21:00:00", "已关闭", "退款成功", "", "直播"),  # paid, refunded later
    ("003", "70.00", "2026-11-20 21:10:00", "待支付", "-", "", "直播"),  # unpaid
    ("004", "80.00", "2026-11-20 21:20:00", "已关闭", "-", "超时未支付", "直播"),  # unpaid: cancelled
    ("005", "90.00", "2026-11-20 21:30:00", "已完成", "-", "", "商品卡"),  # not live
    ("006", "60.00", "2026-11-20 19:50:00", "已完成", "-", "", "直播"),  # before the start
    ("007", "40.00", "2026-11-20 23:29:00", "已发货", "-", "", "直播"),  # inside the 30 min grace
    ("008", "30.00", "2026-11-20 23:31:00", "已完成", "-", "", "直播"),  # after end + grace
]


def orders_csv(tmp_path: Path, rows=ORDERS) -> Path:
    lines = [ORDER_HEADER] + [
        f"\t69{i}0000000000000{i},\t69{i}0000000000000{i}1,面霜,1,{amount},{at},{status},{after},{reason},{kind},##密文"
        for i, (_id, amount, at, status, after, reason, kind) in enumerate(rows, start=1)
    ]
    path = tmp_path / "订单导出.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def test_luopan_key_values_anywhere_give_every_figure_and_list_the_rest(tmp_path: Path) -> None:
    data = parse_review_file(luopan(tmp_path), START, stream_end=END)
    f = data.figures
    assert f["gmv"] == Decimal("123456.78") and f["uv"] == 34926 and f["pv"] == 44800
    assert f["buyers"] == 1090 and f["units"] == 1300 and f["orders"] == 1212
    assert f["ad_spend"] == Decimal("53758.15") and f["refund_amount"] == Decimal("1234.00")
    assert f["avg_watch_seconds"] == 315 and f["duration_minutes"] == 180
    assert f["started_at"] == START
    assert data.unused_columns == [("核心指标", "千次观看成交金额")]
    assert "直播间成交金额" in data.bases["gmv"] and "4.48万" in data.bases["pv"]  # the rounded one says so


def test_gmv_label_user_payment_and_tile_layout(tmp_path: Path) -> None:
    path = workbook(tmp_path / "tiles.xlsx", {"整场": [
        ["直播间用户支付金额", None, "观看人数", None, "成交人数"],
        ["¥9,999.00", None, "2,000", None, 80],
    ]})  # fmt: skip
    data = parse_review_file(path, START, stream_end=END)
    assert data.figures["gmv"] == Decimal("9999.00") and data.figures["uv"] == 2000 and data.figures["buyers"] == 80


def test_trend_spend_is_summed_and_buyers_per_minute_are_not(tmp_path: Path) -> None:
    data = parse_review_file(trend_csv(tmp_path), START, stream_end=END)
    assert data.figures["ad_spend"] == Decimal("1890.00")  # 180 × 10.5
    assert "buyers" not in data.figures  # people per minute: their sum double-counts
    assert [p.buyers for p in data.curve[:2]] == [2, 2] and data.curve[0].ad_spend == Decimal("10.50")
    assert data.figures["pv"] == sum(100 + m % 7 for m in range(180))
    assert data.unused_columns == [("分钟趋势_2026-11-20", "直播间点赞数")]  # a CSV's sheet is its name


def test_taobao_list_takes_the_session_in_the_slot(tmp_path: Path) -> None:
    header = ["开播时间", "场次标题", "直播间访问人数", "直播间浏览次数", "种草成交金额", "种草成交人数", "种草成交笔数",
              "商品点击人数", "种草成交转化率", "开播时长(分钟)", "封面"]
    path = workbook(tmp_path / "场次列表.xlsx", {"场次列表": [
        header,
        ["2026-11-18 20:00", "周一场", 1000, 2000, "1,000.00", 10, 12, 100, "10.00%", 120, "a.png"],
        ["2026-11-20 20:02", "周三场", 3000, 5000, "9,876.50", 50, 55, 400, "12.50%", 180, "b.png"],
        ["2026-11-22 20:00", "周五场", 2000, 3000, "5,000.00", 20, 22, 200, "10.00%", 150, "c.png"],
    ]})  # fmt: skip
    data = parse_review_file(path, START, stream_end=END)
    assert data.figures["gmv"] == Decimal("9876.50") and data.figures["uv"] == 3000 and data.figures["pv"] == 5000
    assert data.figures["seeding_conversion_rate"] == Decimal("0.125")
    assert data.figures["product_click_uv"] == 400 and data.figures["duration_minutes"] == 180
    assert "周三场" in data.session and "row 3" in data.session
    assert ("场次列表", "封面") in data.unused_columns
    with pytest.raises(WrongDayFailed) as refused:
        parse_review_file(path, START + dt.timedelta(days=5), stream_end=END + dt.timedelta(days=5))
    assert "2026-11-18 20:00" in refused.value.message and "2026-11-25" in refused.value.message


def test_wrong_day_trend_is_refused_naming_both_dates(tmp_path: Path) -> None:
    with pytest.raises(WrongDayFailed) as refused:
        parse_review_file(trend_csv(tmp_path, day="2026-11-18"), START, stream_end=END)
    assert "2026-11-18" in refused.value.message and "2026-11-20" in refused.value.message


def test_order_rule_each_case() -> None:
    assert is_paid("已完成") and is_paid("已发货")
    assert not is_paid("待支付") and not is_paid("未支付")
    assert is_paid("已关闭", "退款成功", "")  # paid, refunded later
    assert not is_paid("已关闭", "", "超时未支付")
    assert not is_paid("已关闭", "-", "")  # nothing shows it was ever paid


def test_orders_counted_by_reason_with_refunds(tmp_path: Path, db: Database) -> None:
    stream_id = make_stream(db)
    summary = import_review_files(db, stream_id, [orders_csv(tmp_path)])
    [report] = summary.reports
    assert report.orders == {"counted": 3, "excluded": {"unpaid": 2, "not_live": 1, "outside_window": 2}}
    shown = review_summary(db, stream_id)
    assert shown["gmv"] == 190.0  # 100 + 50 (refunded later) + 40 (in the grace)
    assert shown["orders"] == 3 and shown["refund_amount"] == 50.0
    assert shown["refund_rate"] == pytest.approx(50 / 190)
    assert shown["gmv_from_orders"] == 190.0
    assert "订单导出.csv" in shown["sources"]["gmv"] and shown["refund_rate_basis"] == "refunds / GMV"


def test_grace_is_a_setting(tmp_path: Path, db: Database) -> None:
    stream_id = make_stream(db)
    import_review_files(db, stream_id, [orders_csv(tmp_path)], grace_minutes=0)
    assert review_summary(db, stream_id)["gmv"] == 150.0  # the order at 23:29 is now outside


def test_order_window_uses_the_actual_end() -> None:
    start, end = order_window(START, END, START, START + dt.timedelta(hours=4), 30)
    assert start == START and end == START + dt.timedelta(hours=4, minutes=30)
    result = count_orders([], (start, end), True)
    assert result.gmv == 0 and result.excluded == {"unpaid": 0, "not_live": 0, "outside_window": 0}


def test_excel_rounded_order_numbers_are_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "订单.xlsx", {"订单": [
        ["主订单编号", "订单应付金额", "订单提交时间", "订单状态"],
        [6.912345678901235e18, 10, "2026-11-20 20:05:00", "已完成"],
        [6.912345678901235e18, 20, "2026-11-20 20:06:00", "已完成"],
    ]})  # fmt: skip
    with pytest.raises(ImportFailed) as refused:
        parse_review_file(path, START, stream_end=END)
    assert "CSV" in refused.value.message and "row 2" in refused.value.message


def test_stated_figure_beats_per_minute_sums_beats_orders_in_any_order(tmp_path: Path, db: Database) -> None:
    files = [luopan(tmp_path), trend_csv(tmp_path), orders_csv(tmp_path)]
    results = []
    for order in (files, files[::-1], [files[1], files[2], files[0]]):
        stream_id = make_stream(db)
        import_review_files(db, stream_id, order)
        shown = review_summary(db, stream_id)
        results.append({k: v for k, v in shown.items() if k not in ("segments",)})
    assert results[0] == results[1] == results[2]
    shown = results[0]
    assert shown["gmv"] == 123456.78 and "核心指标.xlsx" in shown["sources"]["gmv"]
    assert shown["pv"] == sum(100 + m % 7 for m in range(180))  # exact per-minute beats the rounded 4.48万
    assert "分钟趋势" in shown["sources"]["pv"]
    assert shown["gmv_from_orders"] == 190.0 and shown["warnings"]  # the two GMVs differ by more than 1 %
    assert shown["conversion_rate_basis"] == "buyers / UV"


def test_a_later_import_of_orders_keeps_the_stated_gmv(tmp_path: Path, db: Database) -> None:
    stream_id = make_stream(db)
    import_review_files(db, stream_id, [luopan(tmp_path)])
    summary = import_review_files(db, stream_id, [orders_csv(tmp_path)])
    assert "gmv" in summary.kept
    assert review_summary(db, stream_id)["gmv"] == 123456.78


def test_reimporting_a_corrected_file_replaces_its_figure(tmp_path: Path, db: Database) -> None:
    stream_id = make_stream(db)
    import_review_files(db, stream_id, [luopan(tmp_path)])
    import_review_files(db, stream_id, [luopan(tmp_path, gmv="¥100,000.00")])
    assert review_summary(db, stream_id)["gmv"] == 100000.0


def test_preview_reports_without_writing_and_offers_the_matching_stream(tmp_path: Path, db: Database) -> None:
    stream_id = make_stream(db)
    other = make_stream(db, START - dt.timedelta(days=2), title="周一场")
    previews = preview_review_files(db, stream_id, [str(orders_csv(tmp_path)), str(trend_csv(tmp_path, "2026-11-18"))])
    assert previews[0].report.orders["excluded"]["unpaid"] == 2 and previews[0].error is None
    assert previews[1].error and "2026-11-18" in previews[1].error
    assert previews[1].matching_stream[0] == other
    assert review_summary(db, stream_id)["gmv"] is None  # nothing written


def test_order_sources_count_the_same_orders_as_the_gmv(tmp_path: Path, db: Database) -> None:
    from livedesk.services.review_views import composition

    stream_id = make_stream(db)
    import_review_files(db, stream_id, [orders_csv(tmp_path)])
    sources = composition(db, stream_id).order_sources
    assert sum(n for _source, n, _amount in sources) == 3  # not the unpaid, the 商品卡 or the late ones
    assert sum(amount for _source, _n, amount in sources) == Decimal("190.00")
