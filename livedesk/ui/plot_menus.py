"""pyqtgraph's context menus, owned by the plot that shows them.

pyqtgraph makes each plot's menus (the PlotItem's "Plot Options" with its six submenus, the ViewBox's menu)
as windows with no parent, kept alive only by Python references to the plot items. A chart whose Python
side outlives its widget — a closure still held somewhere, a test fixture — kept them all open as
top-level windows: about 1,600 of them over the test suite. Parented to the plot's widget, Qt deletes them
with it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QWidget


def own_menus(widget: QWidget) -> None:
    """Parent the menus of every plot in `widget` (a PlotWidget or GraphicsLayoutWidget) to it."""
    for item in _plot_items(widget):
        for menu in (getattr(item, "ctrlMenu", None), getattr(item.getViewBox(), "menu", None)):
            if isinstance(menu, QMenu) and menu.parent() is None:
                menu.setParent(widget, menu.windowFlags())  # keeps Qt.Popup: it still opens as a menu


def _plot_items(widget: QWidget) -> list:
    if hasattr(widget, "getPlotItem"):
        return [widget.getPlotItem()]
    layout = getattr(widget, "ci", None)
    return [item for item in getattr(layout, "items", {}) if hasattr(item, "getViewBox")]
