"""Which widget fills each of the five tabs, in workflow order.

Each tab's module is imported when the tab is first shown, so start-up does not pay for pyqtgraph and the
other tabs' code.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from livedesk.ui.main_window import MainWindow
    from livedesk.ui.tab_base import Tab


def _lazy(window: MainWindow, module: str, cls: str) -> Callable[[], Tab]:
    return lambda: getattr(import_module(module), cls)(window.db, window.paths)


def tabs(window: MainWindow) -> list[tuple[str, str, Callable[[], Tab]]]:
    return [
        ("schedule", QCoreApplication.translate("Tabs", "Schedule"), _lazy(window, "livedesk.ui.schedule.tab", "ScheduleTab")),
        ("products", QCoreApplication.translate("Tabs", "Products"), _lazy(window, "livedesk.ui.products.tab", "ProductsTab")),
        ("script", QCoreApplication.translate("Tabs", "Script"), _lazy(window, "livedesk.ui.script.tab", "ScriptTab")),
        ("live", QCoreApplication.translate("Tabs", "Live"), _lazy(window, "livedesk.ui.live.tab", "LiveTab")),
        ("review", QCoreApplication.translate("Tabs", "Review"), _lazy(window, "livedesk.ui.review.tab", "ReviewTab")),
    ]
