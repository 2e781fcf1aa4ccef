"""Which widget fills each of the five tabs; tabs not built yet say honestly what they will hold."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from livedesk.ui.empty_state import EmptyState

if TYPE_CHECKING:
    from livedesk.ui.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("Tabs", text)


def _not_built(title: str, body: str) -> Callable[[], QWidget]:
    def make() -> QWidget:
        return EmptyState(title, body + "\n\n" + QCoreApplication.translate("Tabs", "This part of LiveDesk is not built yet."))

    return make


def tabs(window: MainWindow) -> list[tuple[str, str, Callable[[], QWidget]]]:
    from livedesk.ui.products.tab import ProductsTab
    from livedesk.ui.review.tab import ReviewTab
    from livedesk.ui.schedule.tab import ScheduleTab

    return [
        ("schedule", QCoreApplication.translate("Tabs", "Schedule"), lambda: ScheduleTab(window.db, window.paths)),
        ("products", QCoreApplication.translate("Tabs", "Products"), lambda: ProductsTab(window.db, window.paths)),
        (
            "script",
            QCoreApplication.translate("Tabs", "Script"),
            _not_built(
                QCoreApplication.translate("Tabs", "Script"),
                QCoreApplication.translate("Tabs", "The script editor will hold each stream's run of show as a table and a timeline, "
                   "with templates, a banned-word checker and rehearsal timing."),
            ),
        ),
        (
            "live",
            QCoreApplication.translate("Tabs", "Live"),
            _not_built(
                QCoreApplication.translate("Tabs", "Live console"),
                QCoreApplication.translate("Tabs", "The live console will hold the pre-live checklist and the controller's console: "
                   "countdowns, drift, warnings, product links, quick metrics, alerts and incidents."),
            ),
        ),
        ("review", QCoreApplication.translate("Tabs", "Review"), lambda: ReviewTab(window.db, window.paths)),
    ]
