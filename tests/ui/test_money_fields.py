"""Money fields in dialogs read amounts with the shared parser (5万, 1.2w, 3k, ¥, commas) and refuse the rest."""

from __future__ import annotations

from decimal import Decimal

import pytest

from livedesk.config import Preferences
from livedesk.ui.widgets.money_edit import MoneyEdit, plain_amount


@pytest.mark.parametrize(("typed", "amount"), [("5万", "50000"), ("5W", "50000"), ("1.2w", "12000"), ("3k", "3000"),
                                               ("￥1,299.50", "1299.50"), ("  80  ", "80"), ("", None)])
def test_money_edit_reads_what_teams_type(qtbot, typed, amount) -> None:
    field = MoneyEdit()
    qtbot.addWidget(field)
    field.setText(typed)
    assert field.amount() == (None if amount is None else Decimal(amount))
    assert field.problem() == ""


def test_money_edit_says_why_it_cannot_read_an_amount(qtbot) -> None:
    field = MoneyEdit()
    qtbot.addWidget(field)
    field.setText("0.001")
    with pytest.raises(ValueError, match="two decimals"):
        field.amount()
    assert field.reading.text() == "Not an amount" and field.reading.isVisibleTo(field)
    assert "two decimals" in field.reading.toolTip() and "two decimals" in field.problem()


def test_amounts_are_shown_as_they_would_be_typed() -> None:
    assert plain_amount(Decimal("50000.00")) == "50,000"
    assert plain_amount(Decimal("0.8")) == "0.80"
    assert plain_amount(None) == ""


def test_preferences_uv_value_alert_uses_the_shared_parser(qtbot, paths) -> None:
    from livedesk.ui.preferences_dialog import PreferencesDialog

    prefs = Preferences()
    dialog = PreferencesDialog(prefs, paths)
    qtbot.addWidget(dialog)
    dialog.uv_floor.setText("很多")
    dialog.accept()
    assert dialog.result() == 0 and "UV value" in dialog.error_label.text()
    dialog.uv_floor.setText("¥1.5")
    dialog.accept()
    assert dialog.result() == 1
    assert Preferences.load(paths).uv_value_floor == 1.5
