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
        return EmptyState(title, body + "\n\n" + _t("This part of LiveDesk is not built yet."))

    return make


def tabs(window: MainWindow) -> list[tuple[str, str, Callable[[], QWidget]]]:
    from livedesk.ui.schedule.tab import ScheduleTab

    return [
        ("schedule", _t("Schedule"), lambda: ScheduleTab(window.db, window.paths)),
        (
            "products",
            _t("Products"),
            _not_built(
                _t("Product pool"),
                _t("The product pool will hold every product with its role (traffic, profit, image, welfare), "
                   "prices, cost, margin, stock and selling points, and each stream's lineup."),
            ),
        ),
        (
            "script",
            _t("Script"),
            _not_built(
                _t("Script"),
                _t("The script editor will hold each stream's run of show as a table and a timeline, "
                   "with templates, a banned-word checker and rehearsal timing."),
            ),
        ),
        (
            "live",
            _t("Live"),
            _not_built(
                _t("Live console"),
                _t("The live console will hold the pre-live checklist and the controller's console: "
                   "countdowns, drift, warnings, product links, quick metrics, alerts and incidents."),
            ),
        ),
        (
            "review",
            _t("Review"),
            _not_built(
                _t("Review"),
                _t("The review will import the platform's exports and show KPIs against goals, curves with "
                   "the script laid over them, products ranked, an improvement list and reports."),
            ),
        ),
    ]
