"""Which widget fills each of the five tabs, in workflow order."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from livedesk.ui.main_window import MainWindow


def tabs(window: MainWindow) -> list[tuple[str, str, Callable[[], QWidget]]]:
    from livedesk.ui.live.tab import LiveTab
    from livedesk.ui.products.tab import ProductsTab
    from livedesk.ui.review.tab import ReviewTab
    from livedesk.ui.schedule.tab import ScheduleTab
    from livedesk.ui.script.tab import ScriptTab

    return [
        ("schedule", QCoreApplication.translate("Tabs", "Schedule"), lambda: ScheduleTab(window.db, window.paths)),
        ("products", QCoreApplication.translate("Tabs", "Products"), lambda: ProductsTab(window.db, window.paths)),
        ("script", QCoreApplication.translate("Tabs", "Script"), lambda: ScriptTab(window.db, window.paths)),
        ("live", QCoreApplication.translate("Tabs", "Live"), lambda: LiveTab(window.db, window.paths)),
        ("review", QCoreApplication.translate("Tabs", "Review"), lambda: ReviewTab(window.db, window.paths)),
    ]
