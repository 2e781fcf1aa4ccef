"""日报 / 周报 / 月报: which streams a period holds, its totals, file names and the workbook. No Qt."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from livedesk.models import Review, Stream
from livedesk.services.exporters.period_report import daily_gmv, write_period_xlsx
from livedesk.services.period_report import PeriodError, period_bounds, period_file_name, period_report

SHANGHAI = ZoneInfo("Asia/Shanghai")


def add(db, day: int, title: str, gmv=None, uv=None, buyers=None, target=None, hour: int = 20) -> int:
    with db.session() as s:
        stream = Stream(title=title, start_at=dt.datetime(2026, 12, day, hour, 0, tzinfo=SHANGHAI), planned_minutes=120,
                        gmv_target=target, status="reviewed" if gmv is not None else "planned")
        s.add(stream)
        s.flush()
        if gmv is not None:
            s.add(Review(stream_id=stream.id, gmv=gmv, uv=uv, buyers=buyers))
        return stream.id


def test_periods_are_a_day_a_monday_to_sunday_week_and_a_calendar_month():
    friday = dt.date(2026, 12, 4)
    assert period_bounds("day", friday) == (friday, friday)
    assert period_bounds("week", friday) == (dt.date(2026, 11, 30), dt.date(2026, 12, 6))
    assert period_bounds("month", friday) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert period_bounds("month", dt.date(2028, 2, 10))[1] == dt.date(2028, 2, 29)
    with pytest.raises(PeriodError, match="day, week or month"):
        period_bounds("year", friday)


def test_file_names_carry_the_period_start_and_its_name():
    assert period_file_name("day", dt.date(2026, 12, 4)) == "2026-12-04_Daily report.pdf"
    assert period_file_name("week", dt.date(2026, 12, 4), ".xlsx") == "2026-11-30_Weekly report.xlsx"
    assert period_file_name("month", dt.date(2026, 12, 4)) == "2026-12_Monthly report.pdf"


def test_a_week_holds_its_streams_with_attainment_and_honest_totals(db):
    add(db, 1, "周一场", gmv=Decimal("30000"), uv=3000, buyers=90, target=Decimal("20000"))
    add(db, 3, "周三场", gmv=Decimal("10000"), uv=1000, buyers=10, target=Decimal("20000"))
    add(db, 5, "没有目标", gmv=Decimal("5000"), uv=1000)
    add(db, 6, "还没播", hour=21)
    add(db, 7, "下周一的场")  # Monday 7 December belongs to the next week
    add(db, 1, "同一天早场", gmv=Decimal("1000"), uv=500, buyers=5, target=Decimal("2000"), hour=10)
    report = period_report(db, "week", dt.date(2026, 12, 2), tz=SHANGHAI)
    assert [s.title for s in report.streams] == ["同一天早场", "周一场", "周三场", "没有目标", "还没播"]
    monday = report.streams[1]
    assert monday.gmv_attainment == Decimal("1.5") and monday.conversion == Decimal("0.03")
    assert report.streams[3].gmv_attainment is None and not report.streams[4].reviewed
    totals = report.totals
    assert (totals.streams, totals.reviewed) == (5, 4)
    assert totals.gmv == Decimal("46000") and totals.uv == 5500
    # attainment only over the streams that had a goal: (1000 + 30000 + 10000) / (2000 + 20000 + 20000)
    assert totals.gmv_attainment == Decimal(41000) / Decimal(42000)
    # conversion from summed buyers and UV of the streams that know both, not an average of rates
    assert totals.conversion == Decimal(105) / Decimal(4500)
    days = daily_gmv(report)
    assert len(days) == 7 and days[0] == (dt.date(2026, 11, 30), None, None)
    assert days[1] == (dt.date(2026, 12, 1), Decimal("31000"), Decimal("22000"))


def test_a_day_counts_local_days_not_utc(db):
    add(db, 4, "凌晨场", gmv=Decimal("100"), uv=10, buyers=1, hour=1)  # 17:00 UTC on the 3rd
    assert [s.title for s in period_report(db, "day", dt.date(2026, 12, 4), tz=SHANGHAI).streams] == ["凌晨场"]
    assert period_report(db, "day", dt.date(2026, 12, 3), tz=SHANGHAI).streams == []


def test_the_workbook_has_one_row_per_stream_and_a_totals_row(db, tmp_path):
    add(db, 1, "=周一场", gmv=Decimal("30000.5"), uv=3000, buyers=90, target=Decimal("20000"))
    add(db, 2, "周二场", gmv=Decimal("12000"), uv=2000, buyers=40, target=Decimal("20000"))
    report = period_report(db, "week", dt.date(2026, 12, 2), tz=SHANGHAI)
    path = write_period_xlsx(report, tmp_path / "周报.xlsx")
    sheet = load_workbook(path).active
    assert sheet.title == "Weekly report" and "2026-11-30 – 2026-12-06" in sheet["A1"].value
    headers = [c.value for c in sheet[3]]
    assert headers[:2] == ["Start", "Stream"] and "GMV attainment" in headers
    gmv, attainment = headers.index("GMV") + 1, headers.index("GMV attainment") + 1
    assert sheet.cell(4, 2).value == "=周一场" and sheet.cell(4, 2).data_type == "s"  # text, never a formula
    assert sheet.cell(4, gmv).value == pytest.approx(30000.5)
    assert {sheet.cell(r, gmv).number_format for r in (4, 5, 6)} == {'"¥"#,##0.00'}  # one money format
    assert sheet.cell(6, 1).value == "Total" and sheet.cell(6, gmv).value == pytest.approx(42000.5)
    assert sheet.cell(6, attainment).value == pytest.approx(42000.5 / 40000)


def test_an_empty_period_still_writes_a_workbook(db, tmp_path):
    report = period_report(db, "month", dt.date(2027, 1, 15), tz=SHANGHAI)
    sheet = load_workbook(write_period_xlsx(report, tmp_path / "m.xlsx")).active
    assert sheet.cell(4, 1).value == "No streams in this period." and sheet.cell(5, 1).value == "Total"
