"""Data safety of imports: bounded numbers, one commission rule, clean identifiers, hidden sheets, cut files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.product_sheet import apply_import, read_product_sheet
from livedesk.services.importers.tabular import read_delimited_text, read_sheets
from livedesk.services.importers.values import (
    clean_identifier,
    clean_text,
    describe_rate,
    parse_amount,
    parse_count,
    parse_duration_seconds,
    parse_int,
    parse_money,
    parse_price,
    parse_rate,
)

HEADER = ["商品名称", "SKU编码", "直播价", "佣金比例", "库存"]


def workbook(path: Path, sheets: list[tuple[str, str, list[list[object]]]]) -> Path:
    """Write (name, state, rows) sheets; state is "visible", "hidden" or "veryHidden"."""
    book = Workbook()
    book.remove(book.active)
    for name, state, rows in sheets:
        sheet = book.create_sheet(name)
        sheet.sheet_state = state
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


# ------------------------------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    ("text", "amount"),
    [("5万", "50000.00"), ("1.2w", "12000.00"), ("3k", "3000.00"), ("¥1,299.5", "1299.50"), ("￥０.５", "0.50"),
     (89.10000000000001, "89.10"), ("10000000000", "10000000000.00")],
)  # fmt: skip
def test_money_reads_every_way_teams_write_it(text, amount) -> None:
    assert parse_money(text) == Decimal(amount)


@pytest.mark.parametrize(
    "value", ["1e30", 1e30, "1e309", "NaN", "inf", "-Infinity", float("inf"), 2**63, "9223372036854775808",
              "10000000000.01", Decimal("NaN")],
)  # fmt: skip
def test_money_out_of_range_or_not_finite_is_refused_with_a_reason(value) -> None:
    with pytest.raises(ValueError) as err:
        parse_money(value)
    assert str(err.value)


def test_money_with_more_than_two_decimals_is_refused_not_rounded() -> None:
    with pytest.raises(ValueError, match="two decimals"):
        parse_money("0.001")
    with pytest.raises(ValueError, match="two decimals"):
        parse_money(12.345)
    assert parse_money("12.3400") == Decimal("12.34")


def test_prices_amounts_and_counts_have_their_floors() -> None:
    assert parse_price("0") == Decimal("0.00")  # a free gift, or a new product's price not set yet
    for value in ("0.001", "0.009"):
        with pytest.raises(ValueError, match="0.01"):
            parse_price(value)
    with pytest.raises(ValueError, match="negative"):
        parse_price("-1")
    with pytest.raises(ValueError, match="negative"):
        parse_amount("-0.5")
    with pytest.raises(ValueError, match="negative"):
        parse_count("-3")
    assert parse_count("1.2万") == 12000
    assert parse_int(10**9) == 10**9
    for value in (10**9 + 1, 2**63, "1e30", float("inf")):
        with pytest.raises(ValueError):
            parse_int(value)


def test_durations_beyond_any_stream_are_refused() -> None:
    for value in ("1e309", float("inf"), 2**63):
        with pytest.raises(ValueError):
            parse_duration_seconds(value)
    assert parse_duration_seconds("2分35秒") == 155


@pytest.mark.parametrize(
    ("value", "rate", "shown"),
    [("1", "0.01", "1 → 1%"), (1.0, "0.01", "1 → 1%"), ("2", "0.02", "2 → 2%"), (20, "0.2", "20 → 20%"),
     ("0.2", "0.2", "0.2 → 20%"), (0.15, "0.15", "0.15 → 15%"), ("15%", "0.15", "15% → 15%"),
     ("3.5", "0.035", "3.5 → 3.5%"), ("100%", "1", "100% → 100%"), ("0", "0", "0 → 0%")],
)  # fmt: skip
def test_one_commission_rule_whole_numbers_are_percents(value, rate, shown) -> None:
    parsed = parse_rate(value)
    assert parsed == Decimal(rate)
    assert describe_rate(value, parsed) == shown


@pytest.mark.parametrize("value", ["150%", "101", "-1", "-0.2", "1e309", "NaN"])
def test_rates_outside_0_to_100_percent_are_refused(value) -> None:
    with pytest.raises(ValueError):
        parse_rate(value)


# ------------------------------------------------------------------------------------------ identifiers


def test_identifiers_lose_invisible_characters_and_full_width_twins() -> None:
    assert clean_identifier("SKU\u200b-1\x00") == "SKU-1"
    assert clean_identifier("\ufeffSKU-1\u2060") == "SKU-1"
    assert clean_identifier("ＳＫＵ－１") == "SKU-1"
    assert clean_identifier("'00123") == "00123"  # the Excel text guard, and the leading zeros kept
    assert clean_identifier(123456.0) == "123456"
    assert clean_text("护手霜\x00\u200b") == "护手霜"
    assert clean_identifier("SKU\u3000 1") == "SKU 1" == clean_identifier("SKU 1")


def test_the_fast_path_patterns_stay_within_the_bounds() -> None:
    from livedesk.services.importers.values import MAX_COUNT, MAX_MONEY, PLAIN_COUNT, PLAIN_MONEY

    for text in ("0", "12.5", "9999999999.99", "199.00"):
        assert PLAIN_MONEY.match(text) and parse_money(text) <= MAX_MONEY
    for text in ("0.001", "10000000000", "1e30", "-5", "1,000"):
        assert not PLAIN_MONEY.match(text)  # left to parse_money, which refuses or reads it
    assert PLAIN_COUNT.match("999999999") and not PLAIN_COUNT.match(str(MAX_COUNT + 1))


@pytest.mark.parametrize("value", [float(2**53), 1.2345678901234568e18, 2**63])
def test_numbers_too_long_to_be_exact_are_refused_as_identifiers(value) -> None:
    with pytest.raises(ValueError, match="lost its last digits"):
        clean_identifier(value)


def test_skus_that_differ_only_by_invisible_characters_are_duplicates(tmp_path: Path) -> None:
    path = workbook(tmp_path / "dup.xlsx", [("选品表", "visible", [
        HEADER, ["护手霜", "SKU-1", 99, "1", 10], ["护手霜", "SKU\u200b-1", 99, "1", 10], ["面霜", "ＳＫＵ－２", 50, None, 5],
    ])])  # fmt: skip
    preview = read_product_sheet(path)
    assert [(p.row, p.column) for p in preview.problems] == [(3, "SKU编码")]
    assert "row 2" in preview.problems[0].reason
    assert preview.duplicates == {"SKU-1": [2, 3]}
    assert [item.sku for item in preview.good] == ["SKU-1", "SKU-2"]


def test_a_sku_stored_as_a_long_number_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "long.xlsx", [("选品表", "visible", [HEADER, ["护手霜", 6912345678901234567, 99, 5, 1]])])
    preview = read_product_sheet(path)
    assert [(p.row, p.column) for p in preview.problems] == [(2, "SKU编码")]
    assert "lost its last digits" in preview.problems[0].reason


def test_the_preview_says_how_a_commission_was_read(tmp_path: Path, db) -> None:
    path = workbook(tmp_path / "c.xlsx", [("选品表", "visible", [
        HEADER, ["护手霜", "A", 99, 1, 10], ["面霜", "B", 99, "0.2", 10], ["精华", "C", 99, "2", 10],
    ])])  # fmt: skip
    preview = read_product_sheet(path)
    assert [item.readings["commission_rate"] for item in preview.good] == ["1 → 1%", "0.2 → 20%", "2 → 2%"]
    with db.session() as session:
        apply_import(session, preview)
    from livedesk.services import products as ps

    with db.session() as session:
        rates = {p.sku: p.commission_rate for p in ps.load_products_with_children(session)}
    assert rates == {"A": Decimal("0.01"), "B": Decimal("0.2"), "C": Decimal("0.02")}


def test_bad_numbers_in_a_product_sheet_name_their_cells(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "商品名称,SKU编码,直播价,佣金比例,库存\n护手霜,A,1e30,1,10\n面霜,B,0.001,1,10\n精华,C,99,150%,9223372036854775808\n",
        encoding="utf-8",
    )
    preview = read_product_sheet(path)
    assert [(p.row, p.column) for p in preview.problems] == [(2, "直播价"), (3, "直播价"), (4, "佣金比例"), (4, "库存")]
    assert not preview.good


# ------------------------------------------------------------------------------------------ hidden sheets


def test_hidden_sheets_are_never_read(tmp_path: Path) -> None:
    path = workbook(tmp_path / "h.xlsx", [
        ("旧价格", "hidden", [HEADER, ["护手霜", "SKU-1", 1, 1, 10]]),
        ("选品表", "visible", [HEADER, ["护手霜", "SKU-1", 99, 1, 10]]),
        ("辅助", "veryHidden", [HEADER, ["护手霜", "SKU-1", 2, 1, 10]]),
    ])  # fmt: skip
    sheets = read_sheets(path)
    assert [s.name for s in sheets] == ["选品表"]
    assert sheets.hidden_names == ["旧价格", "辅助"]
    preview = read_product_sheet(path)
    assert [item.values["live_price"] for item in preview.good] == [Decimal("99.00")]


def test_when_only_a_hidden_sheet_matches_the_message_says_so(tmp_path: Path) -> None:
    path = workbook(tmp_path / "only.xlsx", [
        ("说明", "visible", [["本表由供应商提供"]]),
        ("选品表", "hidden", [HEADER, ["护手霜", "SKU-1", 99, 1, 10]]),
    ])  # fmt: skip
    with pytest.raises(ImportFailed) as err:
        read_product_sheet(path)
    assert "hidden sheet 选品表" in err.value.message and "Unhide" in err.value.message


# ------------------------------------------------------------------------------------------ cut files


def test_a_csv_cut_mid_row_is_refused_naming_the_row() -> None:
    text = "商品名称,SKU编码,直播价,库存\r\n护手霜,A,99,10\r\n面霜,B,5"
    with pytest.raises(ImportFailed) as err:
        read_delimited_text(text, "cut.csv", csv_file=True)
    assert "cut off at row 3" in err.value.message and "no line end" in err.value.message
    assert err.value.problems[0].row == 3


def test_a_short_row_inside_a_csv_is_refused() -> None:
    text = "商品名称,SKU编码,直播价,库存\n护手霜,A,99,10\n面霜,B\n精华,C,50,1\n"
    with pytest.raises(ImportFailed) as err:
        read_delimited_text(text, "short.csv", csv_file=True)
    assert "cut off at row 3" in err.value.message


def test_title_rows_blank_rows_and_padded_rows_are_not_cut() -> None:
    text = "冬季专场 选品表\n\n商品名称,SKU编码,直播价,库存\n护手霜,A,99,10\n,,,\n面霜,B,50,\n"
    rows = read_delimited_text(text, "ok.csv", csv_file=True)
    assert rows[-1] == ["面霜", "B", "50", ""]
    assert read_delimited_text("a,b,c\n1,2", "clipboard")  # pasted text is not a file: not checked


def test_the_command_line_says_how_commissions_were_read(tmp_path: Path, capsys) -> None:
    from livedesk.app import main

    path = tmp_path / "c.csv"
    path.write_text("商品名称,SKU编码,直播价,佣金比例\n护手霜,A,99,1\n面霜,B,99,0.2\n精华,C,99,1\n", encoding="utf-8")
    assert main(["--db", f"sqlite:///{tmp_path / 'c.sqlite3'}", "products", "import", str(path)]) == 0
    assert "佣金 commission read as: 1 → 1%, 0.2 → 20%" in capsys.readouterr().out


def test_the_command_line_refuses_a_gmv_goal_it_cannot_read(tmp_path: Path, capsys) -> None:
    from livedesk.app import main

    url = f"sqlite:///{tmp_path / 'g.sqlite3'}"
    args = ["--db", url, "streams", "add", "--title", "专场", "--start", "2026-11-20 20:00", "--minutes", "60",
            "--platform", "douyin", "--gmv-target"]
    assert main([*args, "0.001"]) == 3
    assert "two decimals" in capsys.readouterr().err
    assert main([*args, "5万", "--json"]) == 0
    assert '"gmv_target": 50000' in capsys.readouterr().out.replace(".0", "")
