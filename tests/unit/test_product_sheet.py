"""Importing and exporting the 选品表: messy files, broken files, upserts and round trips."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from livedesk.models import Product
from livedesk.services import products as ps
from livedesk.services.db import open_database
from livedesk.services.exporters.product_sheet import EXPORT_COLUMNS, export_products_csv, export_products_xlsx
from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.product_sheet import (
    apply_import,
    import_product_sheet,
    preview_rows,
    read_product_sheet,
    split_points,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"  # in the repository: no test reads outside it
SAMPLE = FIXTURES / "products" / "选品表_样例.xlsx"
EXPECTED = FIXTURES / "products" / "选品表_样例.expected.json"
HEADER = [
    "商品名称",
    "SKU编码",
    "类目",
    "商品定位",
    "日常价",
    "直播价",
    "成本价",
    "佣金比例",
    "库存",
    "预警库存",
    "供应商",
    "卖点",
]


def product_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Product))


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], encoding: str) -> Path:
    if encoding == "gbk":  # GBK has no half-width ¥; Chinese files use the full-width ￥
        rows = [[c.replace("¥", "￥") if isinstance(c, str) else c for c in row] for row in rows]
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def by_sku(db) -> dict[str, Product]:
    with db.session() as s:
        return {p.sku: p for p in ps.load_products_with_children(s)}


# --------------------------------------------------------------------------------------------------- the sample


def test_sample_sheet_imports_as_expected(db):
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    preview = read_product_sheet(SAMPLE)
    assert (len(preview.good), preview.problems, preview.duplicates) == (len(expected), [], {})
    with db.session() as s:
        result = apply_import(s, preview)
    assert (result.created, result.updated, result.unchanged) == (40, 0, 0)
    products = by_sku(db)
    for item in expected:
        product = products[item["sku"]]
        assert product.name == item["name"]
        assert ps.ROLE_LABELS[product.role] == item["role"]
        assert product.live_price == Decimal(str(item["live_price"]))
        assert product.cost == Decimal(str(item["cost"]))
        assert product.commission_rate == Decimal(str(item["commission_rate"]))
        assert (product.stock, product.safety_stock) == (item["stock"], item["safety_stock"])
        margin = ps.gross_margin(product.live_price, product.cost, product.commission_rate)
        assert float(margin) == pytest.approx(item["gross_margin"], rel=1e-12, abs=1e-15)
        assert len(product.selling_points) == 3
    # the second import of the same file changes nothing
    with db.session() as s:
        again = import_product_sheet(s, SAMPLE)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 40)


# --------------------------------------------------------------------------------------------------- messy files


MESSY_ROWS = [
    ["2026年双11 选品表", None, None],
    ["制表：运营部  日期：2026-10-01"],
    [],
    [
        "品名",
        "货号",
        "品类",
        "选品类型",
        "原价(元)",
        "到手价（元）",
        "进货成本",
        "佣金率",
        "现货库存",
        "安全库存",
        "供货商",
        "核心卖点",
    ],
    [
        "山野蜂蜜\n500g",
        "'00123",
        "食品",
        "引流",
        "¥1,299.0",
        "¥999",
        "¥600.5",
        "20%",
        "1,200",
        "50",
        "义乌",
        "纯天然；无添加\n送礼体面",
    ],
    ["羊毛大衣", "\tLD-02", "服饰", "Profit", "-", "399", "150", "0.05", "-", "-", "-", "保暖;显瘦"],
    [None, None, None],
    ["暖冬围巾", "LD-03", "服饰", "形象款", "199", "99.9", "-", "5", "12", "30", "杭州", "1. 柔软；2. 不起球"],
]


def assert_messy_parsed(preview) -> None:
    assert preview.header_row == 4
    assert preview.problems == []
    assert [g.row for g in preview.good] == [5, 6, 8]
    honey, coat, scarf = preview.good
    assert honey.values["sku"] == "00123"
    assert honey.values["name"] == "山野蜂蜜 500g"
    assert honey.values["role"] == "traffic"
    assert honey.values["list_price"] == Decimal("1299.00")
    assert honey.values["live_price"] == Decimal("999.00")
    assert honey.values["cost"] == Decimal("600.50")
    assert honey.values["commission_rate"] == Decimal("0.2")
    assert honey.values["stock"] == 1200
    assert honey.selling_points == ["纯天然", "无添加", "送礼体面"]
    assert coat.values["sku"] == "LD-02"
    assert coat.values["role"] == "profit"
    assert "list_price" not in coat.values and "stock" not in coat.values and "supplier" not in coat.values
    assert coat.values["commission_rate"] == Decimal("0.05")
    assert scarf.values["role"] == "image"
    assert scarf.values["commission_rate"] == Decimal("0.05")  # a bare 5 means 5%
    assert scarf.selling_points == ["柔软", "不起球"]


def test_messy_xlsx_with_title_rows(tmp_path):
    assert_messy_parsed(read_product_sheet(write_xlsx(tmp_path / "messy.xlsx", MESSY_ROWS)))


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_messy_csv_in_every_encoding(tmp_path, encoding):
    assert_messy_parsed(read_product_sheet(write_csv(tmp_path / f"messy-{encoding}.csv", MESSY_ROWS, encoding)))


def test_english_headers_and_unit_suffixes(tmp_path, db):
    rows = [
        ["Name", "SKU", "Role", "Live price", "Cost", "Commission rate", "Stock", "Safety stock", "Extra column"],
        ["Mug", "EN-1", "welfare", "9.9", "5", "0.1", "100", "10", "ignored"],
    ]
    preview = read_product_sheet(write_xlsx(tmp_path / "en.xlsx", rows))
    assert preview.ignored_columns == ["Extra column"]
    with db.session() as s:
        apply_import(s, preview)
    mug = by_sku(db)["EN-1"]
    assert (mug.role, mug.live_price, mug.commission_rate, mug.stock) == (
        "welfare",
        Decimal("9.90"),
        Decimal("0.1"),
        100,
    )


def test_split_points():
    assert split_points("a；b;c\nd") == ["a", "b", "c", "d"]
    assert split_points("① 保暖\n② 显瘦") == ["保暖", "显瘦"]
    assert split_points("-") == []


# --------------------------------------------------------------------------------------------------- broken files


def test_missing_required_column_names_it_and_its_synonyms(tmp_path):
    path = write_xlsx(tmp_path / "no-price.xlsx", [["商品名称", "SKU编码", "成本价"], ["a", "b", "1"]])
    with pytest.raises(ImportFailed) as caught:
        read_product_sheet(path)
    message = str(caught.value)
    assert "直播价" in message and "到手价" in message
    assert "商品名称" not in message.split("Required column(s) not found:")[1].split("直播价")[0]


def test_non_numeric_and_negative_prices_are_reported_and_nothing_is_written(tmp_path, db):
    rows = [
        HEADER,
        ["好货", "OK-1", "食品", "利润款", "100", "80", "30", "10%", "10", "5", "厂", ""],
        ["坏价格", "BAD-1", "食品", "利润款", "100", "八十", "30", "10%", "10", "5", "厂", ""],
        ["负价格", "BAD-2", "食品", "利润款", "100", "-80", "30", "10%", "10", "5", "厂", ""],
        ["怪定位", "BAD-3", "食品", "主推", "100", "80", "30", "10%", "10", "5", "厂", ""],
        ["", "BAD-4", "食品", "利润款", "100", "80", "30", "10%", "10", "5", "厂", ""],
    ]
    preview = read_product_sheet(write_xlsx(tmp_path / "bad.xlsx", rows))
    assert preview.bad_rows == [3, 4, 5, 6]
    by_row = {p.row: p for p in preview.problems}
    assert (by_row[3].column, by_row[3].value) == ("直播价", "八十")
    assert "number" in by_row[3].reason
    assert by_row[4].column == "直播价" and "negative" in by_row[4].reason
    assert by_row[5].column == "商品定位"
    assert by_row[6].column == "商品名称" and "required" in by_row[6].reason
    with db.session() as s, pytest.raises(ImportFailed) as caught:
        apply_import(s, preview)
    assert "row 3" in str(caught.value) and "column 直播价" in str(caught.value)
    assert product_count(db) == 0
    with db.session() as s:
        result = apply_import(s, preview, exclude_bad=True)
    assert (result.created, result.skipped_bad) == (1, 4)
    assert set(by_sku(db)) == {"OK-1"}


def test_a_failure_midway_rolls_the_whole_import_back(tmp_path, db):
    path = write_xlsx(tmp_path / "ok.xlsx", [HEADER, ["a", "A-1", "", "", "", "10", "", "", "", "", "", ""]])
    with pytest.raises(RuntimeError), db.session() as s:
        apply_import(s, read_product_sheet(path))
        raise RuntimeError("the user's disk filled up")
    assert product_count(db) == 0


def test_duplicate_skus_inside_the_file_are_flagged(tmp_path, db):
    rows = [HEADER] + [
        [f"p{i}", sku, "", "", "", "10", "", "", "", "", "", ""] for i, sku in enumerate(["A", "B", "A", "A"])
    ]
    preview = read_product_sheet(write_xlsx(tmp_path / "dup.xlsx", rows))
    assert preview.duplicates == {"A": [2, 4, 5]}
    assert preview.bad_rows == [4, 5]
    assert "row 2" in preview.problems[0].reason
    with db.session() as s:
        assert apply_import(s, preview, exclude_bad=True).created == 2
    assert by_sku(db)["A"].name == "p0"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.csv", b""),
        ("empty.xlsx", b""),
        ("corrupt.xlsx", b"PK\x03\x04 this is not really a zip archive"),
        ("renamed.xlsx", b"just some text"),
        ("blank.csv", b"\n\n,,\n"),
        ("header-only.csv", "商品名称,SKU编码,直播价\n".encode()),
    ],
)
def test_broken_files_fail_cleanly(tmp_path, db, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as caught:
        read_product_sheet(path)
    assert caught.value.message
    assert product_count(db) == 0


def test_pasted_rows_use_the_same_checks():
    preview = preview_rows([["品名", "货号", "到手价"], ["x", "1", "9.9"]], "clipboard")
    assert preview.good[0].values == {"name": "x", "sku": "1", "live_price": Decimal("9.90")}


# --------------------------------------------------------------------------------------------------- upsert


def test_upsert_counts_only_real_changes_and_keeps_demos(tmp_path, db):
    rows = [
        HEADER,
        ["a", "A-1", "食品", "利润款", "", "10", "5", "10%", "100", "", "", "甜；香"],
        ["b", "B-1", "食品", "引流款", "", "20", "", "", "", "", "", ""],
    ]
    path = write_xlsx(tmp_path / "v1.xlsx", rows)
    with db.session() as s:
        assert apply_import(s, read_product_sheet(path)).created == 2
    with db.session() as s:
        pid = ps.find_product_by_sku(s, "A-1").id
        ps.replace_selling_points(s, pid, [("甜", "尝一口"), ("香", "闻一下")])
        ps.update_product(s, pid, {"notes": "keep me", "qualification": "ok"})
    with db.session() as s:
        result = import_product_sheet(s, path)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    rows[1][5] = "10.00"  # same value written differently
    rows[2][8] = "300"  # a real change
    rows[1][11] = "甜；香；脆"
    path = write_xlsx(tmp_path / "v2.xlsx", rows)
    with db.session() as s:
        result = import_product_sheet(s, path)
    assert (result.created, result.updated, result.unchanged) == (0, 2, 0)
    products = by_sku(db)
    assert products["B-1"].stock == 300
    assert [(p.point, p.demo) for p in products["A-1"].selling_points] == [
        ("甜", "尝一口"),
        ("香", "闻一下"),
        ("脆", ""),
    ]
    assert products["A-1"].notes == "keep me" and products["A-1"].qualification == "ok"


# --------------------------------------------------------------------------------------------------- export


def seed_pool(db) -> None:
    with db.session() as s:
        a = ps.create_product(
            s,
            {
                "sku": "00123",
                "name": "+1 暖宝宝",
                "live_price": "99.9",
                "list_price": "199",
                "cost": "40.55",
                "commission_rate": "12.5%",
                "stock": "1200",
                "safety_stock": 50,
                "role": "引流款",
                "supplier": "+86 厂家",
                "category": "@食品",
                "qualification": "pending",
                "platform_product_id": "3612345678901234567",
                "notes": "=1+2 看着像公式\n第二行",
            },
        )
        ps.replace_selling_points(s, a.id, ["保暖", "-显瘦-", "可机洗"])
        ps.create_product(s, {"sku": "B-2", "name": "-特价- 围巾", "live_price": "0", "role": "welfare"})
        ps.create_product(s, {"sku": "C-3", "name": "普通商品", "live_price": "10"})


def test_xlsx_export_is_styled_and_safe(tmp_path, db):
    seed_pool(db)
    path = tmp_path / "out" / "pool.xlsx"
    with db.session() as s:
        assert export_products_xlsx(s, path).rows == 3
    sheet = load_workbook(path)["选品表"]
    headers = [c.value for c in sheet[1]]
    assert headers == [h for h, _ in EXPORT_COLUMNS]
    assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("4F6D8F")
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == 28
    column = {h: i + 1 for i, h in enumerate(headers)}
    first = 2  # rows are ordered by SKU: 00123 first
    assert sheet.cell(first, column["SKU编码"]).value == "00123"
    for header in ("商品名称", "供应商", "类目", "备注"):
        cell = sheet.cell(first, column[header])
        assert cell.data_type == "s" and cell.quotePrefix, header
    assert sheet.cell(first, column["备注"]).value.startswith("=1+2")
    assert not sheet.cell(first + 1, column["商品名称"]).value.startswith("=")
    price = sheet.cell(first, column["直播价"])
    assert isinstance(price.value, (int, float)) and price.value == pytest.approx(99.9)
    commission = sheet.cell(first, column["佣金比例"])
    assert commission.value == pytest.approx(0.125) and "%" in commission.number_format
    assert sheet.cell(first, column["库存"]).value == 1200


def test_csv_export_has_bom_and_guards_formulas(tmp_path, db):
    seed_pool(db)
    path = tmp_path / "pool.csv"
    with db.session() as s:
        export_products_csv(s, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(keepends=True)))
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["商品名称"] == "'+1 暖宝宝"
    assert first["备注"].startswith("'=1+2")
    assert first["类目"] == "'@食品"
    assert first["供应商"] == "'+86 厂家"
    assert first["佣金比例"] == "12.5%"
    assert first["SKU编码"] == "00123"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_imports_back_unchanged(tmp_path, db, suffix):
    seed_pool(db)
    path = tmp_path / f"pool{suffix}"
    with db.session() as s:
        (export_products_csv if suffix == ".csv" else export_products_xlsx)(s, path)
    before = {
        sku: (
            p.name,
            p.live_price,
            p.list_price,
            p.cost,
            p.commission_rate,
            p.stock,
            p.safety_stock,
            p.role,
            p.supplier,
            p.category,
            p.qualification,
            p.platform_product_id,
            p.notes,
            [sp.point for sp in p.selling_points],
        )
        for sku, p in by_sku(db).items()
    }
    with db.session() as s:
        result = import_product_sheet(s, path)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    # into an empty database the same file recreates the same pool
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        with other.session() as s:
            assert import_product_sheet(s, path).created == 3
        with other.session() as s:
            after = {
                p.sku: (
                    p.name,
                    p.live_price,
                    p.list_price,
                    p.cost,
                    p.commission_rate,
                    p.stock,
                    p.safety_stock,
                    p.role,
                    p.supplier,
                    p.category,
                    p.qualification,
                    p.platform_product_id,
                    p.notes,
                    [sp.point for sp in p.selling_points],
                )
                for p in ps.load_products_with_children(s)
            }
    finally:
        other.close()
    assert after == before
    assert after["B-2"][0] == "-特价- 围巾"
    assert after["00123"][12] == "=1+2 看着像公式\n第二行"
