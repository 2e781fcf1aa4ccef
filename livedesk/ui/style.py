"""One consistent look: Fusion in light or dark (see `livedesk.ui.theme`), a readable CJK-capable font."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

CJK_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC",
             "Source Han Sans SC", "WenQuanYi Micro Hei"]


def apply_style(app: QApplication, appearance: str | None = None) -> None:
    """Fusion, the font, and the theme: `appearance` is the preference (system, light or dark)."""
    from livedesk.ui import theme

    if app.style().name().lower() != "fusion":  # often already Fusion on Linux: making it again costs ~6 ms
        app.setStyle("Fusion")
    theme.apply_theme(app, appearance, force=True)  # setStyle reset the palette
    font = QFont(app.font())
    # Qt takes the first installed family of the list: listing them all, instead of asking the font database
    # for every family first, saves a few ms of start-up and gives the same font.
    font.setFamilies([*CJK_FONTS, *font.families()])
    font.setPointSizeF(max(font.pointSizeF(), 10))
    app.setFont(font)
    app.setStyleSheet(
        """
        QTabBar::tab { padding: 8px 18px; font-size: 14px; }
        QTableView { gridline-color: palette(midlight); }
        QHeaderView::section { padding: 4px 6px; font-weight: 600; }
        QToolBar { spacing: 6px; }
        """
    )
