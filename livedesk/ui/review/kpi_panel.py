"""The review's KPI cards: one card per figure of the KPI table that has one, judged by the read model."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from livedesk.services.review_model import KpiValue, ReviewModel, kpi_table
from livedesk.ui import formatting, theme

CARDS_PER_ROW = 8


class KpiCard(QFrame):
    def __init__(self, key: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"kpi_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        self.title_label = QLabel(title)
        theme.set_style(self.title_label, "color: $muted; font-size: 11px;")
        self.value_label = QLabel("—")
        self.value_label.setObjectName("value")
        self.value_label.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.goal_label = QLabel("")
        self.goal_label.setObjectName("goal")
        self.goal_label.setStyleSheet("font-size: 11px;")
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.goal_label)
        self.good: bool | None = None  # the read model's judgement, shown as the goal line's colour

    def set(self, value: str, goal: str = "", tooltip: str = "", good: bool | None = None) -> None:
        self.value_label.setText(value)
        self.goal_label.setText(goal)
        self.good = good
        colour = "" if good is None else ("color: $good;" if good else "color: $bad;")
        theme.set_style(self.goal_label, "font-size: 11px;" + colour)
        self.setToolTip(tooltip)

    def value(self) -> str:
        return self.value_label.text()


class KpiPanel(QWidget):
    """The warnings over the grid of cards, filled from a ReviewModel."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("reviewWarnings")
        self.warning_label.setWordWrap(True)
        theme.set_style(self.warning_label, "color: $bad; font-weight: 600;")
        self.warning_label.hide()
        layout.addWidget(self.warning_label)
        grid = QGridLayout()
        grid.setSpacing(6)
        self.cards: dict[str, KpiCard] = {}
        for i, kpi in enumerate(k for k in kpi_table() if k.card):
            card = KpiCard(kpi.card, kpi.label)  # type: ignore[arg-type]
            self.cards[kpi.card] = card  # type: ignore[index]
            grid.addWidget(card, i // CARDS_PER_ROW, i % CARDS_PER_ROW)
        layout.addLayout(grid)

    def show_model(self, model: ReviewModel) -> None:
        for value in model.kpis():
            if value.kpi.card:
                self._fill(self.cards[value.kpi.card], value, model)
        self.warning_label.setText("\n".join(model.warnings))
        self.warning_label.setVisible(bool(model.warnings))

    def _fill(self, card: KpiCard, value: KpiValue, model: ReviewModel) -> None:
        kpi, show = value.kpi, self._formatter(value.kpi.kind)
        goal = ""
        if value.target is not None:
            goal = self.tr("Goal {0}").format(show(value.target))
            if value.attainment is not None:
                goal = self.tr("Goal {0} · {1}").format(show(value.target), formatting.percent(value.attainment))
        if kpi.key == "refund_amount" and model.figures.refund_rate is not None:
            goal = self.tr("{0} of GMV").format(formatting.percent(model.figures.refund_rate, 1))
        lines = [self.tr("{0}: {1}").format(kpi.label, kpi.basis)]
        if kpi.key == "gmv":
            exact = "—" if model.exact_gmv is None else f"¥{model.exact_gmv:,.2f}"
            lines.append(self.tr("GMV = sum of paid order amounts: {0}. Attainment = GMV / GMV target.").format(exact))
        if value.floor is not None:
            lines.append(self.tr("Below {0} (your preference) it shows in red.").format(show(value.floor)))
        for name in kpi.inputs:  # which file and basis each stored figure comes from; missing ones say so
            source = value.sources.get(name)
            lines.append(self.tr("{0}: {1}").format(name, source) if source
                         else self.tr("{0}: not in the imported files").format(name))
        if kpi.key == "gmv" and model.figures.gmv_from_orders is not None:
            lines.append(self.tr("Counted from the order export: {0}").format(
                formatting.money(model.figures.gmv_from_orders)))
        if value.logged and value.actual is not None:
            goal = " · ".join(filter(None, [self.tr("Logged"), goal]))
            lines.insert(0, self.tr("Logged during the stream: the last number typed from the dashboard. "
                                    "Importing the platform's export replaces it."))
        card.set(show(value.actual), goal, "\n".join(lines), value.good)
        if kpi.optional:
            card.setVisible(value.actual is not None)

    def _formatter(self, kind: str) -> Callable[[object], str]:
        def ratio(v: object) -> str:
            return "—" if v is None else f"{float(v):.2f}"  # type: ignore[arg-type]

        def whole(v: object) -> str:
            return formatting.count(None if v is None else int(Decimal(str(v)).to_integral_value()))

        return {
            "money": formatting.money, "count": formatting.count, "rate": lambda v: formatting.percent(v, 2),
            "ratio": ratio, "decimal": whole, "seconds": self._duration,
        }.get(kind, lambda v: "—" if v is None else str(v))  # type: ignore[return-value]

    def _duration(self, seconds: object) -> str:
        if seconds is None:
            return "—"
        minutes, rest = divmod(int(seconds), 60)  # type: ignore[call-overload]
        return self.tr("{0} min {1} s").format(minutes, rest) if minutes else self.tr("{0} s").format(rest)
