"""Live capture's mapping, without OCR: text boxes laid out like the platforms' dashboards → figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from livedesk.services.capture.mapping import (
    LinkReading,
    TextBox,
    parse_number,
    read_boxes,
    read_link_line,
    read_link_rows,
    read_text,
)


def box(text: str, left: float, top: float, width: float = 0, height: float = 24) -> TextBox:
    return TextBox(text, (left, top, left + (width or 16 * len(text)), top + height))


def tiles(*tiles: tuple[str, str, str], per_row: int = 4) -> list[TextBox]:
    """label at the top of a 240×130 tile, the value under it, a sub-line under the value."""
    boxes = []
    for i, (label, value, sub) in enumerate(tiles):
        x, y = 20 + (i % per_row) * 240, 20 + (i // per_row) * 130
        boxes.append(box(label, x, y, height=22))
        boxes.append(box(value, x, y + 34, height=40))
        if sub:
            boxes.append(box(sub, x, y + 84, height=20))
    return boxes


@pytest.mark.parametrize("text,value,percent,money,signed", [
    ("1,234", Decimal("1234"), False, False, False),
    ("1.2万", Decimal("12000.0"), False, False, False),
    ("¥12.5万", Decimal("125000.0"), False, True, False),
    ("￥3，456.50", Decimal("3456.50"), False, True, False),
    ("3,456元", Decimal("3456"), False, True, False),
    ("8.2%", Decimal("8.2"), True, False, False),
    ("+12.4%", Decimal("12.4"), True, False, True),
    ("２,０４５", Decimal("2045"), False, False, False),
])
def test_numbers_as_dashboards_print_them(text, value, percent, money, signed):
    number = parse_number(text)
    assert number is not None
    assert (number.value, number.percent, number.money, number.signed) == (value, percent, money, signed)


@pytest.mark.parametrize("text", ["峰值1,650", "12:30", "较上场+12.4%", "成交金额", "", "1,2,3.4.5"])
def test_what_is_not_a_number(text):
    assert parse_number(text) is None


def test_douyin_tiles_with_sub_lines():
    reading = read_boxes(tiles(
        ("实时在线人数", "1,234", "峰值 1,650"),
        ("累计观看人数", "5.6万", ""),
        ("直播间成交金额", "¥12.5万", "较上场 +12.4%"),
        ("成交订单数", "356", ""),
        ("成交人数", "301", ""),
        ("商品点击率", "8.2%", "较上场 -0.6%"),
        ("观看次数", "89,012", ""),
    ))
    assert reading.figures() == {"online": 1234, "uv": 56000, "pv": 89012, "gmv": Decimal("125000.00"),
                                 "orders": 356, "buyers": 301, "click_rate": Decimal("0.082")}


def test_a_sub_line_split_in_two_boxes_is_not_the_figure():
    """峰值 and 1,650 read as two boxes: the number right of 峰值 belongs to it, not to 在线人数 above."""
    boxes = [box("在线人数", 20, 20), box("峰值", 20, 100, height=20), box("1,650", 70, 100, height=20),
             box("成交金额", 300, 20), box("¥3,000", 300, 54, height=40)]
    reading = read_boxes(boxes)
    assert reading.online is None  # its own value is missing from this capture: nothing rather than the peak
    assert reading.gmv == Decimal("3000.00")


def test_a_change_under_a_figure_is_never_the_figure():
    boxes = [box("成交金额", 20, 20), box("+12.4%", 20, 54), box("¥8,000", 20, 90, height=36)]
    assert read_boxes(boxes).gmv == Decimal("8000.00")


def test_list_rows_value_right_of_label_with_a_comparison_further_right():
    rows = [("在线人数", "862", "较昨日 +3.1%"), ("观看人数", "23,456", ""), ("成交金额(元)", "45,678.90", "昨日 39,001.00"),
            ("成交笔数", "512", ""), ("曝光-点击率", "6.35%", "")]
    boxes = []
    for i, (label, value, sub) in enumerate(rows):
        boxes += [box(label, 20, 20 + 46 * i), box(value, 260, 16 + 46 * i, height=30)]
        if sub:
            boxes.append(box(sub, 480, 22 + 46 * i, height=20))
    reading = read_boxes(boxes)
    assert (reading.online, reading.uv, reading.gmv, reading.orders, reading.click_rate) == (
        862, 23456, Decimal("45678.90"), 512, Decimal("0.0635"))
    assert reading.pv is None and reading.buyers is None


def test_label_and_value_in_one_box():
    reading = read_boxes([box("在线人数：1,234", 0, 0), box("成交金额¥3,456.5", 0, 40), box("商品点击率 7.5%", 0, 80)])
    assert (reading.online, reading.gmv, reading.click_rate) == (1234, Decimal("3456.50"), Decimal("0.075"))


@pytest.mark.parametrize("label,figure", [
    ("当前在线人数", "online"), ("实时在线", "online"), ("累计观看人数", "uv"), ("直播间浏览人数", "uv"),
    ("观看次数", "pv"), ("成交金额（元）", "gmv"), ("种草成交金额", "gmv"), ("成交笔数", "orders"),
    ("支付人数", "buyers"), ("曝光-点击率", "click_rate"), ("商品点击率(人数)", "click_rate"),
])
def test_each_platforms_labels(label, figure):
    value = "6.5%" if figure == "click_rate" else "4,321"
    reading = read_boxes([box(label, 0, 0), box(value, 0, 34, height=36)])
    expected = Decimal("0.065") if figure == "click_rate" else 4321
    assert reading.figures()[figure] == expected


def test_a_value_of_the_wrong_kind_is_left_out():
    """A percent under 成交金额, money under 在线人数, a fraction of a person: not figures."""
    reading = read_boxes([box("成交金额", 0, 0), box("35%", 0, 34), box("在线人数", 300, 0), box("¥120", 300, 34),
                          box("成交人数", 600, 0), box("12.5", 600, 34)])
    assert reading.empty


def test_pasted_dashboard_text():
    text = "实时在线人数\n1,234\n峰值 1,650\n成交金额(元)\n¥12.5万\n较上场 +12.4%\n成交订单数：356\n商品点击率 8.2%"
    reading = read_text(text)
    assert (reading.online, reading.gmv, reading.orders, reading.click_rate) == (
        1234, Decimal("125000.00"), 356, Decimal("0.082"))


def test_pasted_rows_with_spaces_inside_labels_and_amounts():
    reading = read_text("在线人数 1,234  观看人数 5.6万\n成交金额 (元) ¥ 3,456.50   成交人数 210")
    assert (reading.online, reading.uv, reading.gmv, reading.buyers) == (1234, 56000, Decimal("3456.50"), 210)


@pytest.mark.parametrize("line,expected", [
    ("#3 8.2% 45", LinkReading(3, Decimal("0.082"), 45)),
    ("#12 45", LinkReading(12, None, 45)),
    ("2 5%", LinkReading(2, Decimal("0.05"), None)),
    ("3号 加厚珊瑚绒毯 ¥59.9 点击率 8.2% 库存 45", LinkReading(3, Decimal("0.082"), 45)),
    ("#1 保温杯 ¥39 点击率5.6% 剩余120", LinkReading(1, Decimal("0.056"), 120)),
    ("hello 8%", None),
    ("#4", None),
])
def test_a_links_line(line, expected):
    assert read_link_line(line) == expected


def test_a_product_list_read_row_by_row():
    boxes = []
    for i, (link, name, click, stock) in enumerate((("#1", "绒毯", "点击率8.2%", "库存45"), ("#2", "保温杯", "5.6%", "120"))):
        y = 20 + 50 * i
        boxes += [box(stock, 600, y + 2), box(name, 80, y), box(click, 420, y + 1), box(link, 20, y)]
    assert read_link_rows(boxes) == [LinkReading(1, Decimal("0.082"), 45), LinkReading(2, Decimal("0.056"), 120)]


def test_json_has_every_figure_and_the_boxes():
    reading = read_boxes([box("在线人数", 0, 0), box("1,234", 0, 34)])
    data = reading.as_json()
    assert data["online"] == 1234 and data["gmv"] is None and data["click_rate"] is None
    assert [b["text"] for b in data["raw"]] == ["在线人数", "1,234"]
