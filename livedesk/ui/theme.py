"""Light or dark: the user's choice ("appearance" in the preferences), else the system's colour scheme.

Fusion does not reliably follow a dark system on Linux and Windows (and offscreen nothing changes), so the
palette is set here, whole: a dark Fusion palette, or Fusion's standard light one. When the system switches
while LiveDesk runs, `styleHints().colorSchemeChanged` re-themes at once (if the user follows the system).

Colours with a meaning (a warning cell, a chart line, a segment block) come from `current()`: see
`livedesk.ui.colours` for both sets. Models read them when asked for a colour, so views just repaint.
Widgets that keep colours — stylesheets, plots, painted caches — either use `set_style()` / `style_plot()`,
which re-apply on every change, or listen to `notifier().changed` (or to `QEvent.ApplicationPaletteChange`).
"""

from __future__ import annotations

import logging
import weakref
from string import Template
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from livedesk.ui.colours import DARK_DISABLED, DARK_PALETTE, LIGHT, Colours, colours_for

log = logging.getLogger(__name__)
APPEARANCES = ("system", "light", "dark")


class ThemeNotifier(QObject):
    """`changed` is emitted after the new palette is in place (`is_dark()` tells which)."""

    changed = Signal()


_state: dict[str, Any] = {"appearance": "system", "dark": False, "applied": False, "connected": None,
                          "platform_dark": False}
_notifier: ThemeNotifier | None = None
_styled: weakref.WeakKeyDictionary[QWidget, Template] = weakref.WeakKeyDictionary()
_plots: weakref.WeakSet[QWidget] = weakref.WeakSet()
_brushes: dict[tuple[bool, str], QBrush] = {}


def notifier() -> ThemeNotifier:
    global _notifier
    if _notifier is None:
        _notifier = ThemeNotifier()
    return _notifier


# --- what is shown now -----------------------------------------------------------------------------------


def current() -> Colours:
    return colours_for(_state["dark"])


def is_dark() -> bool:
    return bool(_state["dark"])


def appearance() -> str:
    return str(_state["appearance"])


def color(name: str, alpha: int | None = None) -> QColor:
    """A semantic colour of the current theme by name ("bad", "warn_bg", "accent", ...)."""
    colour = QColor(getattr(current(), name))
    if alpha is not None:
        colour.setAlpha(alpha)
    return colour


def brush(name: str) -> QBrush:
    """A semantic colour as a brush, for models' Background/ForegroundRole (cached: tables ask often)."""
    key = (_state["dark"], name)
    found = _brushes.get(key)
    if found is None:
        found = _brushes[key] = QBrush(QColor(getattr(current(), name)))
    return found


def status_brush(status: str) -> QBrush:
    return _mapped_brush("status", status)


def role_brush(role: str) -> QBrush:
    return _mapped_brush("role", role)


def _mapped_brush(table: str, key: str) -> QBrush:
    cache_key = (_state["dark"], f"{table}.{key}")
    found = _brushes.get(cache_key)
    if found is None:
        found = _brushes[cache_key] = QBrush(QColor(getattr(current(), table).get(key, current().muted)))
    return found


def kind_colour(kind: str) -> QColor:
    """A segment type's block colour (the script's timeline and swatches)."""
    return QColor(current().kind.get(kind, current().kind["wrap_up"]))


def band_colour(kind: str) -> QColor:
    """A segment type's translucent band on the review charts."""
    c = current()
    colour = QColor(c.band.get(kind, c.band["wrap_up"]))
    colour.setAlpha(c.band_alpha)
    return colour


def status_colour(status: str) -> QColor:
    return QColor(current().status.get(status, current().muted))


def series_colour(index: int) -> QColor:
    series = current().series
    return QColor(series[index % len(series)])


def css(template: str) -> str:
    """A stylesheet written with $names of the current colours ("color: $bad;")."""
    return Template(template).substitute(current().names())


def set_style(widget: QWidget, template: str) -> None:
    """Give `widget` a stylesheet written with $colour names; it is re-applied whenever the theme changes."""
    compiled = Template(template)
    _styled[widget] = compiled
    widget.setStyleSheet(compiled.substitute(current().names()))


def style_plot(plot) -> None:
    """A pyqtgraph PlotWidget on the palette's base with text-coloured labels; follows the theme."""
    from livedesk.ui.plot_menus import own_menus

    own_menus(plot)  # every plot the window shows comes through here: its menus go when it goes
    _plots.add(plot)
    _style_plot(plot)


def _style_plot(plot) -> None:
    palette = QApplication.palette()
    text = palette.color(QPalette.ColorRole.Text)
    plot.setBackground(palette.color(QPalette.ColorRole.Base))
    item = plot.getPlotItem()
    for axis in item.axes.values():
        axis["item"].setPen(QColor(current().axis))
        axis["item"].setTextPen(text)
    title = item.titleLabel
    if title.isVisible() and title.text:
        title.setText(title.text, color=text.name())
    if item.legend is not None:
        item.legend.setLabelTextColor(text)
        for _sample, label in item.legend.items:
            label.setText(label.text)  # setLabelTextColor keeps the colour for later; draw it now


# --- choosing and applying --------------------------------------------------------------------------------


def normalise(value: str | None) -> str:
    return value if value in APPEARANCES else "system"


def apply_theme(app: QApplication | None = None, appearance: str | None = None, force: bool = False) -> bool:
    """Apply the appearance ("system", "light" or "dark"; None keeps the last one). Returns True when dark.

    `force` sets the palette even if the theme did not change (after `setStyle`, which resets it).
    """
    app = app or QApplication.instance()
    if app is None:
        raise RuntimeError("apply_theme needs a QApplication")
    if appearance is not None:
        _state["appearance"] = normalise(appearance)
    _connect(app)
    hints = app.styleHints()
    choice = _state["appearance"]
    if choice == "system":
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()  # forget an earlier explicit choice: read what the system says
        dark = _system_is_dark(hints.colorScheme())
    else:
        dark = choice == "dark"
        if hasattr(hints, "setColorScheme"):
            # Where the platform supports it, title bars and native dialogs follow the choice too.
            hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    _apply(app, dark, force)
    return dark


def set_appearance(value: str) -> bool:
    return apply_theme(None, value)


def on_system_scheme_changed(scheme: Qt.ColorScheme) -> None:
    """The system switched between light and dark while LiveDesk runs (styleHints().colorSchemeChanged)."""
    if _state["appearance"] != "system":
        return
    app = QApplication.instance()
    if app is not None:
        log.info("System colour scheme changed to %s", getattr(scheme, "name", scheme))
        _apply(app, _system_is_dark(scheme))


def reset() -> None:
    """Back to the start: follow the system, light palette (tests use this so no theme leaks between them)."""
    _state["appearance"] = "system"
    app = QApplication.instance()
    if _state["applied"] and app is not None:
        if hasattr(app.styleHints(), "unsetColorScheme"):
            app.styleHints().unsetColorScheme()
        _apply(app, False)


def _system_is_dark(scheme: Qt.ColorScheme) -> bool:
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return bool(_state["platform_dark"])  # no scheme reported: was the platform's own palette dark?


def _connect(app: QApplication) -> None:
    if _state["connected"] is app:
        return
    # Before the first palette of ours: some desktops give Qt a dark palette without reporting a scheme.
    _state["platform_dark"] = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    app.styleHints().colorSchemeChanged.connect(on_system_scheme_changed)
    _state["connected"] = app


def _apply(app: QApplication, dark: bool, force: bool = False) -> None:
    if _state["applied"] and _state["dark"] == dark and not force:
        return
    _state["dark"], _state["applied"] = dark, True
    app.setPalette(dark_palette() if dark else light_palette())
    if app.styleSheet():
        # Widgets polished by the style sheet keep a copy of the palette they were polished with: polish again.
        app.setStyleSheet(app.styleSheet())
    names = current().names()
    for widget, template in list(_styled.items()):
        try:
            widget.setStyleSheet(template.substitute(names))
        except RuntimeError:  # the C++ widget is gone
            _styled.pop(widget, None)
    for plot in list(_plots):
        try:
            _style_plot(plot)
        except RuntimeError:
            _plots.discard(plot)
    notifier().changed.emit()


_ROLES = [role for role in QPalette.ColorRole if role.name not in ("NColorRoles", "NoRole")]
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)


def light_palette() -> QPalette:
    """Fusion's standard light palette, every role set (so nothing falls back to a dark system palette)."""
    standard = QStyleFactory.create("Fusion").standardPalette()
    if standard.color(QPalette.ColorRole.Window).lightness() < 128:  # a Fusion that went dark by itself
        standard = QPalette(QColor(LIGHT.window))
    palette = QPalette()
    for group in _GROUPS:
        for role in _ROLES:
            palette.setColor(group, role, standard.color(group, role))
    return palette


def dark_palette() -> QPalette:
    """A complete dark Fusion palette: all roles, active, inactive and disabled."""
    palette = QPalette()
    for group in _GROUPS:
        for name, value in DARK_PALETTE.items():
            palette.setColor(group, QPalette.ColorRole[name], QColor(value))
    for name, value in DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole[name], QColor(value))
    return palette
