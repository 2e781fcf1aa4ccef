"""Light and dark: the preference wins, else the system; a system switch re-themes live; colours follow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QLabel

from livedesk.config import Preferences
from livedesk.ui import theme
from livedesk.ui.colours import DARK, DARK_PALETTE, LIGHT


def _window(app) -> QColor:
    return app.palette().color(QPalette.ColorRole.Window)


def _colour(value) -> str:
    return (value.color() if isinstance(value, QBrush) else QColor(value)).name()


@pytest.fixture
def products_tab(qtbot, demo_db, paths):
    from livedesk.ui.products.tab import ProductsTab

    widget = ProductsTab(demo_db, paths)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _flagged_margin_cell(tab):
    from livedesk.ui.products.table_model import COLUMNS

    row = next(i for i, r in enumerate(tab.model.rows()) if "below_margin_floor" in r.flags)
    return tab.model.index(row, COLUMNS.index("gross_margin"))


def test_dark_preference_darkens_the_palette_and_the_models_colours(qapp, products_tab):
    index = _flagged_margin_cell(products_tab)
    assert theme.apply_theme(qapp, "dark") is True
    assert theme.is_dark()
    assert _window(qapp).name() == DARK.window
    assert _window(qapp).lightness() < 80
    assert qapp.palette().color(QPalette.ColorRole.Text).lightness() > 200
    assert _colour(index.data(Qt.ItemDataRole.BackgroundRole)) == DARK.bad_bg
    assert _colour(index.data(Qt.ItemDataRole.ForegroundRole)) == DARK.bad_fg
    qapp.processEvents()  # Qt hands the new palette to the widgets with posted events
    assert products_tab.palette().color(QPalette.ColorRole.Base).name() == DARK.base  # the widgets follow

    theme.apply_theme(qapp, "light")
    assert not theme.is_dark()
    assert _window(qapp).name() == LIGHT.window
    assert _window(qapp).lightness() > 200
    assert _colour(index.data(Qt.ItemDataRole.BackgroundRole)) == LIGHT.bad_bg
    assert _colour(index.data(Qt.ItemDataRole.ForegroundRole)) == LIGHT.bad_fg
    qapp.processEvents()
    assert products_tab.palette().color(QPalette.ColorRole.Base).name() == LIGHT.base


def test_a_system_switch_re_themes_when_following_the_system(qapp, qtbot):
    theme.apply_theme(qapp, "system")
    assert not theme.is_dark()  # offscreen reports no scheme: light
    with qtbot.waitSignal(theme.notifier().changed, timeout=1000):
        theme.on_system_scheme_changed(Qt.ColorScheme.Dark)
    assert theme.is_dark()
    assert _window(qapp).name() == DARK.window
    theme.on_system_scheme_changed(Qt.ColorScheme.Light)
    assert not theme.is_dark()
    assert _window(qapp).name() == LIGHT.window


def test_a_system_switch_is_ignored_when_the_user_chose(qapp):
    theme.apply_theme(qapp, "light")
    theme.on_system_scheme_changed(Qt.ColorScheme.Dark)
    assert not theme.is_dark()
    assert _window(qapp).name() == LIGHT.window
    theme.apply_theme(qapp, "dark")
    theme.on_system_scheme_changed(Qt.ColorScheme.Light)
    assert theme.is_dark()


def test_the_handler_is_connected_to_the_style_hints(qapp):
    theme.apply_theme(qapp, "system")
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.is_dark()
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not theme.is_dark()


def test_the_dark_palette_sets_every_role_in_every_group(qapp):
    palette = theme.dark_palette()
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
    roles = [r for r in QPalette.ColorRole if r.name not in ("NColorRoles", "NoRole")]
    assert {r.name for r in roles} <= set(DARK_PALETTE), "a palette role has no dark colour"
    for group in groups:
        for role in roles:
            assert palette.isBrushSet(group, role), (group, role)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert disabled.lightness() < palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text).lightness()
    assert palette.color(QPalette.ColorRole.Link).name() == DARK_PALETTE["Link"]
    assert palette.color(QPalette.ColorRole.ToolTipBase).lightness() < 100
    assert palette.color(QPalette.ColorRole.PlaceholderText).name() == DARK_PALETTE["PlaceholderText"]


def test_stylesheets_and_plots_follow_the_theme(qapp, qtbot):
    import pyqtgraph as pg

    label = QLabel("⚠")
    qtbot.addWidget(label)
    theme.set_style(label, "color: $bad; font-weight: 600;")
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    theme.style_plot(plot)
    theme.apply_theme(qapp, "dark")
    assert DARK.bad in label.styleSheet()
    assert plot.backgroundBrush().color().name() == DARK.base
    theme.apply_theme(qapp, "light")
    assert LIGHT.bad in label.styleSheet() and "font-weight: 600" in label.styleSheet()
    assert plot.backgroundBrush().color().name() == LIGHT.base


def test_preferences_dialog_previews_and_applies_the_appearance(qapp, qtbot, paths):
    from livedesk.ui.preferences_dialog import PreferencesDialog

    theme.apply_theme(qapp, "light")
    prefs = Preferences()
    assert prefs.appearance == "system"
    dialog = PreferencesDialog(prefs, paths)
    qtbot.addWidget(dialog)
    combo = dialog.appearance
    assert combo.currentData() == "system"
    combo.setCurrentIndex(combo.findData("dark"))
    assert theme.is_dark()  # shown at once
    dialog.reject()
    assert not theme.is_dark() and prefs.appearance == "system"  # Cancel puts it back

    dialog = PreferencesDialog(prefs, paths)
    qtbot.addWidget(dialog)
    dialog.appearance.setCurrentIndex(dialog.appearance.findData("dark"))
    dialog.accept()
    assert theme.is_dark()
    assert prefs.appearance == "dark"
    assert Preferences.load(paths).appearance == "dark"


def test_an_unknown_appearance_in_the_file_follows_the_system(qapp):
    assert theme.normalise("purple") == "system"
    theme.apply_theme(qapp, "purple")
    assert theme.appearance() == "system"


def test_screenshot_command_takes_a_theme():
    from livedesk.app import build_parser

    args = build_parser().parse_args(["screenshot", "--out", "x", "--theme", "dark"])
    assert args.shot_theme == "dark"
    assert build_parser().parse_args(["screenshot", "--out", "x"]).shot_theme == "light"


def test_without_a_reported_scheme_a_dark_platform_palette_counts_as_dark(qapp, monkeypatch):
    theme.apply_theme(qapp, "light")  # connected: the platform's palette has been looked at
    monkeypatch.setitem(theme._state, "platform_dark", True)
    if qapp.styleHints().colorScheme() != Qt.ColorScheme.Unknown:
        pytest.skip("this platform reports its colour scheme")
    assert theme.apply_theme(qapp, "system") is True
    assert _window(qapp).name() == DARK.window
