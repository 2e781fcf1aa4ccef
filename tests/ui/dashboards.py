"""Platform dashboards drawn with Qt (QPainter text on a QImage, Noto Sans CJK) with known values, for the live
capture tests: tiles and lists, light and dark, with the sub-lines that must not be read as the figure.

`python -m tests.ui.dashboards OUT.png` writes the Douyin sample (tests/fixtures/capture/douyin_dashboard.png).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

FONT = "Noto Sans CJK SC"


@dataclass(frozen=True)
class Tile:
    label: str
    value: str
    sub: str = ""  # 峰值 1,650 · 较上场 +12.4%: under the value (tiles) or right of it (lists)


@dataclass(frozen=True)
class Theme:
    background: str
    panel: str
    label: str
    value: str
    sub: str


LIGHT = Theme("#f4f5f7", "#ffffff", "#6b7280", "#111827", "#9ca3af")
DARK = Theme("#0f1115", "#1b1e24", "#9aa3b2", "#f5f7fa", "#6f7785")


@dataclass(frozen=True)
class Dashboard:
    name: str
    layout: str  # tiles or list
    theme: Theme
    tiles: tuple[Tile, ...]
    expected: dict[str, object] = field(default_factory=dict)  # figure -> value the mapping must read
    title: str = ""


def _font(size: int, bold: bool = False) -> QFont:
    font = QFont(FONT)
    font.setPixelSize(size)
    font.setBold(bold)
    return font


def render(board: Dashboard) -> QImage:
    columns = 4 if board.layout == "tiles" else 1
    rows = -(-len(board.tiles) // columns)
    tile_w, tile_h = (230, 130) if board.layout == "tiles" else (720, 46)
    top = 56 if board.title else 16
    image = QImage(columns * tile_w + 32, top + rows * tile_h + 16, QImage.Format.Format_RGB32)
    image.fill(QColor(board.theme.background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if board.title:
        painter.setFont(_font(20, True))
        painter.setPen(QColor(board.theme.value))
        painter.drawText(QRect(16, 12, image.width() - 32, 32), Qt.AlignmentFlag.AlignLeft, board.title)
    for i, tile in enumerate(board.tiles):
        x = 16 + (i % columns) * tile_w
        y = top + (i // columns) * tile_h
        painter.fillRect(QRect(x + 4, y + 4, tile_w - 8, tile_h - 8), QColor(board.theme.panel))
        painter.setPen(QColor(board.theme.label))
        if board.layout == "tiles":
            painter.setFont(_font(16))
            painter.drawText(QRect(x + 18, y + 14, tile_w - 30, 24), Qt.AlignmentFlag.AlignLeft, tile.label)
            painter.setPen(QColor(board.theme.value))
            painter.setFont(_font(32, True))
            painter.drawText(QRect(x + 18, y + 42, tile_w - 30, 44), Qt.AlignmentFlag.AlignLeft, tile.value)
            if tile.sub:
                painter.setPen(QColor(board.theme.sub))
                painter.setFont(_font(14))
                painter.drawText(QRect(x + 18, y + 92, tile_w - 30, 22), Qt.AlignmentFlag.AlignLeft, tile.sub)
        else:
            painter.setFont(_font(17))
            painter.drawText(QRect(x + 18, y + 12, 220, 26), Qt.AlignmentFlag.AlignLeft, tile.label)
            painter.setPen(QColor(board.theme.value))
            painter.setFont(_font(22, True))
            painter.drawText(QRect(x + 260, y + 8, 220, 32), Qt.AlignmentFlag.AlignLeft, tile.value)
            if tile.sub:
                painter.setPen(QColor(board.theme.sub))
                painter.setFont(_font(14))
                painter.drawText(QRect(x + 500, y + 14, 200, 22), Qt.AlignmentFlag.AlignLeft, tile.sub)
    painter.end()
    return image


DOUYIN = Dashboard(
    "douyin-light-tiles", "tiles", LIGHT, (
        Tile("实时在线人数", "1,234", "峰值 1,650"),
        Tile("累计观看人数", "5.6万"),
        Tile("观看次数", "89,012"),
        Tile("直播间成交金额", "¥12.5万", "较上场 +12.4%"),
        Tile("成交订单数", "356"),
        Tile("成交人数", "301"),
        Tile("商品点击率", "8.2%", "较上场 -0.6%"),
    ),
    {"online": 1234, "uv": 56000, "pv": 89012, "gmv": Decimal("125000.00"), "orders": 356, "buyers": 301,
     "click_rate": Decimal("0.082")},
    title="百应 · 直播中控台",
)
TAOBAO = Dashboard(
    "taobao-dark-list", "list", DARK, (
        Tile("在线人数", "862", "较昨日 +3.1%"),
        Tile("观看人数", "23,456"),
        Tile("成交金额(元)", "45,678.90", "昨日 39,001.00"),
        Tile("成交笔数", "512"),
        Tile("成交人数", "480"),
        Tile("曝光-点击率", "6.35%"),
    ),
    {"online": 862, "uv": 23456, "pv": None, "gmv": Decimal("45678.90"), "orders": 512, "buyers": 480,
     "click_rate": Decimal("0.0635")},
)
KUAISHOU = Dashboard(
    "kuaishou-dark-tiles", "tiles", DARK, (
        Tile("当前在线人数", "2,045", "峰值 3,210"),
        Tile("累计观看人数", "12.3万", "较上场 -4.2%"),
        Tile("成交金额", "¥8,765.40", "昨日 ¥7,001.00"),
        Tile("成交订单数", "143", "平均 120"),
    ),
    {"online": 2045, "uv": 123000, "pv": None, "gmv": Decimal("8765.40"), "orders": 143, "buyers": None,
     "click_rate": None},
)
CHANNELS = Dashboard(
    "channels-light-list", "list", LIGHT, (
        Tile("在线人数", "318", "峰值 402"),
        Tile("观看人数", "4,120"),
        Tile("成交金额", "¥6,540"),
        Tile("成交订单数", "89"),
    ),
    {"online": 318, "uv": 4120, "pv": None, "gmv": Decimal("6540.00"), "orders": 89, "buyers": None,
     "click_rate": None},
)
DASHBOARDS = (DOUYIN, TAOBAO, KUAISHOU, CHANNELS)


def render_product_list(theme: Theme = LIGHT) -> QImage:
    """A product list with one row per link: #n, name, price, click rate, stock left."""
    rows = [("#1", "加厚珊瑚绒毯", "¥59.9", "点击率 8.2%", "库存 45"),
            ("#2", "保温杯 500ml", "¥39.0", "点击率 5.6%", "库存 120"),
            ("#3", "羊毛袜三双装", "¥29.9", "点击率 12.1%", "库存 0")]
    image = QImage(760, 40 + 50 * len(rows), QImage.Format.Format_RGB32)
    image.fill(QColor(theme.panel))
    painter = QPainter(image)
    painter.setFont(_font(18))
    painter.setPen(QColor(theme.value))
    for i, row in enumerate(rows):
        for text, x in zip(row, (20, 80, 300, 420, 600), strict=True):
            painter.drawText(QRect(x, 20 + 50 * i, 170, 30), Qt.AlignmentFlag.AlignLeft, text)
    painter.end()
    return image


PRODUCT_LIST_EXPECTED = {1: (Decimal("0.082"), 45), 2: (Decimal("0.056"), 120), 3: (Decimal("0.121"), 0)}


if __name__ == "__main__":
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    render(DOUYIN).save(sys.argv[1])
