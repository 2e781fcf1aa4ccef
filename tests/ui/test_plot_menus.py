"""A chart's context menus go with the chart (pyqtgraph makes them as windows with no parent)."""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QVBoxLayout, QWidget

from livedesk.ui import theme
from livedesk.ui.plot_menus import own_menus


def menus_open() -> list[QMenu]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu)]


def delete_now(widget) -> None:
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_a_styled_plots_menus_are_deleted_with_it_even_while_python_holds_the_plot(qtbot) -> None:
    import pyqtgraph as pg

    host = QWidget()  # a tab or a window holding the chart
    widget = pg.PlotWidget()
    QVBoxLayout(host).addWidget(widget)
    theme.style_plot(widget)  # every plot the window shows is styled
    item = widget.getPlotItem()
    view = item.getViewBox()
    assert item.ctrlMenu.parent() is widget and view.menu.parent() is widget
    assert menus_open(), "pyqtgraph's menus exist while the plot does"
    delete_now(host)  # `item` stays referenced: a closure or a fixture holding the plot, as in the suite before
    assert not shiboken6.isValid(item.ctrlMenu) and not shiboken6.isValid(view.menu)
    assert menus_open() == []


def test_the_owned_menu_still_opens_as_a_popup(qtbot) -> None:
    import pyqtgraph as pg

    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    own_menus(widget)
    widget.show()
    menu = widget.getPlotItem().getViewBox().menu
    assert menu.windowType() == Qt.WindowType.Popup
    menu.popup(widget.mapToGlobal(QPoint(20, 20)))
    qtbot.waitUntil(menu.isVisible)
    assert menu.isWindow() and menu.parentWidget() is widget
    menu.close()


def test_a_report_layouts_plots_are_owned_too(qtbot) -> None:
    import pyqtgraph as pg

    widget = pg.GraphicsLayoutWidget()
    first, second = widget.addPlot(row=0, col=0), widget.addPlot(row=1, col=0)
    own_menus(widget)
    assert first.ctrlMenu.parent() is widget and second.getViewBox().menu.parent() is widget
    delete_now(widget)
    assert menus_open() == []
