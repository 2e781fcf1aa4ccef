"""A money field that reads amounts as teams write them (5万, 1.2w, 3k, ¥50,000) with the shared parser.

A spin box silently keeps the digits of "5万" and saves ¥5; this field reads the whole text with
`livedesk.services.importers.values` (the parser every importer and the command line use), shows what it
read ("= ¥50,000.00") or why it cannot, and `amount()` raises ValueError for text it cannot read so the
dialog refuses it with that message.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from livedesk.services.importers.values import parse_amount
from livedesk.ui import theme


def plain_amount(value: Decimal | None) -> str:
    """An amount as it is typed back into the field: 50000 → "50,000", 12.5 → "12.50"."""
    if value is None:
        return ""
    value = Decimal(value)
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"


class MoneyEdit(QWidget):
    """A line edit for an amount in yuan with a short reading under it; empty means "not set"."""

    def __init__(
        self,
        value: Decimal | None = None,
        parser: Callable[[object], Decimal | None] = parse_amount,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._parser = parser
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.edit = QLineEdit(plain_amount(value))
        self.edit.setPlaceholderText(self.tr("e.g. 50,000 or 5万"))
        self.edit.setClearButtonEnabled(True)
        self.reading = QLabel()
        self.reading.setObjectName("moneyReading")
        layout.addWidget(self.edit)
        layout.addWidget(self.reading)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._show_reading)
        self._show_reading()

    def setObjectName(self, name: str) -> None:  # noqa: N802 - Qt's name; tests find the line edit by it
        super().setObjectName(name + "Field")
        self.edit.setObjectName(name)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.edit.setText(text)

    def amount(self) -> Decimal | None:
        """The amount typed, None when empty; ValueError (with the reason) when the text is not an amount."""
        return self._parser(self.edit.text().strip())

    def problem(self) -> str:
        try:
            self.amount()
        except ValueError as exc:
            return str(exc)
        return ""

    def _show_reading(self) -> None:
        try:
            value = self.amount()
        except ValueError as exc:
            self.reading.setText(self.tr("Not an amount"))  # short: the field is narrow; the reason is the tooltip
            self.reading.setToolTip(str(exc))
            theme.set_style(self.reading, "color: $bad; font-size: 11px;")
            self.reading.setVisible(True)
            return
        theme.set_style(self.reading, "color: $muted; font-size: 11px;")
        self.reading.setText("" if value is None else f"= ¥{value:,.2f}")
        self.reading.setToolTip("")
        self.reading.setVisible(value is not None)
