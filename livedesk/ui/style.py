"""One consistent look: Fusion in light or dark (see `livedesk.ui.theme`), a readable CJK-capable font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

CJK_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC",
             "Source Han Sans SC", "WenQuanYi Micro Hei"]


def apply_style(app: QApplication, appearance: str | None = None) -> None:
    """Fusion, the font, and the theme: `appearance` is the preference (system, light or dark)."""
    from livedesk.ui import theme

    app.setStyle("Fusion")
    theme.apply_theme(app, appearance, force=True)  # setStyle reset the palette
    families = set(QFontDatabase.families())
    font = QFont(app.font())
    for family in CJK_FONTS:
        if family in families:
            font.setFamilies([family, *font.families()])
            break
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
