"""The order export read column by column gives exactly what the row-by-row reader gives, problems included."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from livedesk.services.importers import order_columns, review_tables
from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.review_files import parse_review_file

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=SHANGHAI)
HEADER = ["主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商家编码", "订单应付金额", "订单提交时间",
          "订单状态", "售后状态", "取消原因", "流量体裁", "流量来源"]  # fmt: skip


def order_rows(n: int = 40) -> list[list[object]]:
    return [
        [f"6918{k:012d}", f"6918{k:012d}1", f"商品 {k % 7}", "默认", 1 + k % 3, f"BM-{k % 7:05d}", round(9.9 + k * 1.37, 2),
         f"2026-11-20 20:{k % 60:02d}:{k % 7:02d}", ["已完成", "已关闭", "待支付"][k % 3], ["", "退款成功", "-"][k % 3],
         ["", "超时未支付", ""][k % 3], ["直播", "商品卡"][k % 2], "自然推荐"]
        for k in range(n)
    ]  # fmt: skip


def as_csv(rows: list[list[object]]) -> list[list[object]]:
    """As 抖店's CSV holds them: every cell text, ids guarded with a tab."""
    return [[f"\t{r[0]}", f"\t{r[1]}", *(str(v) for v in r[2:])] for r in rows]


def write(tmp_path: Path, name: str, rows: list[list[object]]) -> Path:
    path = tmp_path / name
    if name.endswith(".xlsx"):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "订单"
        for row in [HEADER, *rows]:
            sheet.append(row)
        book.save(path)
    else:
        lines = [",".join(str(v) for v in row) for row in [HEADER, *rows]]
        path.write_text("\n".join(lines), encoding="utf-8-sig")
    return path


def variants() -> dict[str, list[list[object]]]:
    rows = order_rows()
    csv = as_csv(rows)
    return {
        "clean.xlsx": rows,
        "clean.csv": csv,
        "plain-ids.csv": [[str(v) for v in r] for r in rows],
        "total-row.xlsx": [*rows, ["合计", "", "", "", 60, "", 999.0, "", "", "", "", "", ""]],
        "blank-row.csv": [*csv[:5], [], *csv[5:]],
        "short-row.csv": [*csv[:3], csv[3][:9], *csv[4:]],
        "guarded-text.csv": [*csv[:2], [*csv[2][:2], "'商品 x", *csv[2][3:]], *csv[3:]],
        "markers.xlsx": [[*r[:9], "-", "无", *r[11:]] for r in rows],
        "int-amounts.xlsx": [[*r[:6], 100 + k, *r[7:]] for k, r in enumerate(rows)],
        "money-text.csv": [[*r[:6], "￥" + str(r[6]), *r[7:]] for r in csv],
        "slash-dates.csv": [[*r[:7], r[7].replace("-", "/")[:16], *r[8:]] for r in csv],
        "bad-cells.csv": [*csv[:2], [*csv[2][:4], "两件", csv[2][5], "很贵", "昨天", *csv[2][8:]], *csv[3:]],
        "no-id.xlsx": [*rows[:3], ["", *rows[3][1:]], *rows[4:]],
        "no-amount.xlsx": [*rows[:3], [*rows[3][:6], None, *rows[3][7:]], *rows[4:]],
        "rounded-ids.xlsx": [[6.912345678901235e18, *r[1:]] for r in rows[:3]] + rows[3:],
        "negative.csv": [*csv[:4], [*csv[4][:4], "-1", csv[4][5], "-3", *csv[4][7:]], *csv[5:]],
        "bad-fen.xlsx": [*rows[:3], [*rows[3][:6], 0.001, *rows[3][7:]], *rows[4:]],
        "bad-count.csv": [*csv[:3], [*csv[3][:4], "9999999999", *csv[3][5:]], *csv[4:]],
    }


def outcome(path: Path) -> tuple[str, object]:
    try:
        data = parse_review_file(path, START)
    except ImportFailed as exc:
        return "refused", (exc.message, exc.problems)
    return "parsed", (data.orders, data.span, data.unused_columns, data.mappings)


@pytest.mark.parametrize("name", list(variants()))
def test_columns_and_rows_read_the_same(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, name, variants()[name])
    by_columns = outcome(path)
    monkeypatch.setattr(review_tables, "_orders_by_columns", lambda *args: False)
    by_rows = outcome(path)
    assert by_columns == by_rows
    if name.startswith(("bad", "no-", "rounded", "negative", "short")):  # a short CSV row: the file is cut
        assert by_columns[0] == "refused"
    else:
        assert by_columns[0] == "parsed" and len(by_columns[1][0]) == 40  # type: ignore[index]


@pytest.mark.parametrize("name", ["clean.xlsx", "clean.csv", "markers.xlsx"])
def test_clean_exports_are_converted_column_by_column(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    taken: list[bool] = []
    real = order_columns.parse_order_columns

    def spy(*args, **kwargs) -> bool:
        taken.append(real(*args, **kwargs))
        return taken[-1]

    monkeypatch.setattr(order_columns, "parse_order_columns", spy)
    data = parse_review_file(write(tmp_path, name, variants()[name]), START)
    assert taken == [True] and len(data.orders) == 40
    assert data.orders[1].order_id == "6918000000000001" and str(data.orders[1].amount) == "11.27"
    assert data.orders[1].submitted_at == dt.datetime(2026, 11, 20, 20, 1, 1, tzinfo=SHANGHAI)
