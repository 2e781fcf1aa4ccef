"""质检报告: read from a 质检/资质 column of the 选品表, and flagged only for the categories that need one."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from livedesk.config import Preferences
from livedesk.services import products as ps
from livedesk.services.importers.product_sheet import import_product_sheet

HEADER = ["商品名称", "SKU编码", "类目", "商品定位", "直播价", "成本价", "库存", "质检/资质"]


def sheet(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    book.active.append(HEADER)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def flags(db, rules: ps.Rules) -> dict[str, list[str]]:
    with db.session() as s:
        return {row.sku: row.flags for row in ps.list_products(s, rules)}


def test_the_quality_column_is_read_and_only_categories_that_need_a_report_are_flagged(db, tmp_path):
    path = sheet(tmp_path / "选品表.xlsx", [
        ["玻尿酸精华液", "Q-1", "护肤", "利润款", 199, 80, 500, "已提供"],
        ["氨基酸洁面乳", "Q-2", "护肤", "利润款", 69, 20, 500, "无"],
        ["蜂蜜", "Q-3", "食品", "利润款", 59, 20, 500, "待补"],
        ["羊毛大衣", "Q-4", "服饰", "利润款", 599, 200, 500, ""],
        ["不知类目", "Q-5", "", "利润款", 59, 20, 500, ""],
    ])
    with db.session() as s:
        import_product_sheet(s, path)
    rules = ps.Rules.from_preferences(Preferences())  # the usual categories: 食品, 美妆, 护肤 … not 服饰
    found = flags(db, rules)
    assert "missing_qualification" not in found["Q-1"]  # 已提供: read from the 质检/资质 column
    assert "missing_qualification" in found["Q-2"] and "missing_qualification" in found["Q-3"]
    assert "missing_qualification" not in found["Q-4"]  # clothing needs none by default
    assert "missing_qualification" in found["Q-5"]  # no category: cannot tell, so it is checked
    everything = ps.Rules()  # without the preference every category is checked, as before
    assert "missing_qualification" in flags(db, everything)["Q-4"]
    clothes_too = ps.Rules.from_preferences(Preferences(qualification_categories=["服饰"]))
    found = flags(db, clothes_too)
    assert "missing_qualification" in found["Q-4"] and "missing_qualification" not in found["Q-2"]
    with db.session() as s:
        assert ps.list_categories(s) == sorted(["护肤", "食品", "服饰"])

