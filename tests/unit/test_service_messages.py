"""What the services say reaches the user in Chinese once the GUI's translator is installed.

The translator here is the real zh_CN dictionary (resources/translations/zh_CN.json) behind the same
`messages.install_translator` hook the GUI uses, so these tests fail when a message is not wrapped in
`translate("Messages", …)` or has no Chinese yet. Without a translator (the command line) it stays English.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from livedesk.services import live, messages
from livedesk.services import products as ps
from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.product_sheet import preview_rows
from livedesk.services.importers.review_files import parse_pasted_text, parse_review_file
from tests.unit.script_helpers import make_stream
from tools import i18n

T0 = dt.datetime(2026, 11, 15, 20, 0, tzinfo=dt.timezone.utc)
TREND_HEADER = "时间,在线人数,进入人数,离开人数,成交金额,成交订单数,评论次数,新增粉丝数,新加直播团人数"
POOL_HEADER = ["商品名称", "SKU编码", "商品定位", "直播价", "成本价", "库存"]


@pytest.fixture
def chinese():
    dictionary = i18n.load_dictionary()
    seen: list[str] = []

    def translate(context: str, text: str) -> str:
        seen.append(text)
        return dictionary.get(text, text) if context == "Messages" else text

    messages.install_translator(translate)
    yield seen
    messages.install_translator(None)


def _short_product(stock: int | None = 800) -> SimpleNamespace:
    return SimpleNamespace(
        live_price=Decimal("99"),
        cost=Decimal("30"),
        commission_rate=Decimal("0.2"),
        role="profit",
        stock=stock,
        safety_stock=None,
        qualification="ok",
    )


def test_product_flag_reason_is_translated_with_its_numbers(chinese):
    flags = ps.check_product(_short_product(), ps.Rules(), upcoming_units=1400)
    assert flags["short_for_lineups"] == "后续排品计划件数 1400 件，加 15.0% 余量需备 1610 件，但库存只有 800。"

    no_stock = ps.check_product(_short_product(stock=None), ps.Rules(), upcoming_units=10)
    assert no_stock["short_for_lineups"].endswith("但还没填库存。")

    pending = ps.check_product(SimpleNamespace(**{**vars(_short_product()), "qualification": "pending"}), ps.Rules())
    assert pending["missing_qualification"] == "质检报告待补。"


def test_product_flag_reason_stays_english_without_a_translator():
    flags = ps.check_product(_short_product(), ps.Rules(), upcoming_units=1400)
    assert flags["short_for_lineups"] == (
        "Upcoming lineups plan 1400 units; with the 15.0% buffer that needs 1610, but there is stock 800."
    )


def test_product_sheet_cell_problems_are_translated(chinese):
    preview = preview_rows(
        [POOL_HEADER, ["护手霜", "SKU-1", "引流款", "-5", "3", "100"], ["防晒喷雾", "SKU-2", "利润款", "", "30", "50"]],
        "选品表.xlsx",
    )
    reasons = {p.row: p.reason for p in preview.problems}
    assert reasons == {2: "价格不能为负", 3: "直播价必填"}
    described = preview.problems[0].describe("选品表.xlsx")
    assert "第 2 行" in described and "价格不能为负" in described

    with pytest.raises(ImportFailed) as caught:
        preview_rows([["备注"], ["随便写点"]], "选品表.xlsx")
    assert caught.value.message.startswith("找不到必需的列：商品名称（可用的表头：")


def test_review_import_errors_are_translated(chinese, tmp_path: Path):
    with pytest.raises(ImportFailed) as empty:
        parse_pasted_text("  \n ")
    assert empty.value.message == "粘贴的内容为空。请复制表格（时间和在线人数）后再粘贴。"

    path = tmp_path / "trend.csv"
    path.write_text("\n".join([TREND_HEADER, "20:00,100,1,0,0,0,0,0,0"]), encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        parse_review_file(path)
    assert caught.value.message.startswith("有 1 个单元格无法读取")
    assert caught.value.problems[0].reason == (
        "只有时间没有日期；请先设置场次日期，或导出完整的日期时间；请改正这个单元格"
    )


def test_live_alert_is_translated(chinese, db):
    with db.session() as s:
        sid = make_stream(s).id
    with db.session() as s:
        live.add_metric(s, sid, T0, 1000)
    with db.session() as s:
        _, alerts = live.add_metric(s, sid, T0 + dt.timedelta(minutes=5), 500)
        assert [a.message for a in alerts] == ["5 分钟内在线人数从 1000 跌到 500：请排查原因。"]


def test_every_string_the_services_asked_for_has_chinese(chinese, tmp_path: Path):
    """Run a few paths, then check nothing they asked the translator for is missing from the dictionary."""
    ps.check_product(_short_product(), ps.Rules(), upcoming_units=1400)
    with pytest.raises(ValueError):
        ps.clean_product_fields({"live_price": "-1"}, creating=False)
    with pytest.raises(ImportFailed):
        parse_pasted_text("")
    dictionary = i18n.load_dictionary()
    assert chinese and not [text for text in chinese if text not in dictionary]
