"""Every tab reads at a laptop's 1366×768: sizes on the command line, splitters kept, nothing cut off."""

from __future__ import annotations

import argparse

import pytest

from livedesk.cli.screenshot import window_size
from livedesk.ui.main_window import MainWindow


def test_screenshot_size_is_read_as_width_by_height():
    assert window_size("1366x768") == (1366, 768) and window_size("1920×1080") == (1920, 1080)
    for bad in ("1366", "wide", "100x100"):
        with pytest.raises(argparse.ArgumentTypeError, match="1366x768|width"):
            window_size(bad)


@pytest.fixture
def language_restored(qapp):
    """The screenshot command installs a language on the shared application: take it off again afterwards."""
    from PySide6.QtCore import QLocale

    from livedesk.services import messages
    from livedesk.ui import i18n

    locale, translator = QLocale(), messages.installed_translator()
    yield
    for installed in i18n._installed:
        qapp.removeTranslator(installed)
    i18n._installed.clear()
    QLocale.setDefault(locale)
    messages.install_translator(translator)


def test_screenshot_command_renders_at_the_size_asked(tmp_path, db, paths, language_restored):
    from livedesk.app import main

    url = db.describe() if "://" in db.describe() else f"sqlite:///{db.describe()}"
    code = main(["--db", url, "screenshot", "--out", str(tmp_path / "shots"), "--size", "1366x768", "--lang", "en"])
    assert code == 0
    from PySide6.QtGui import QImage

    image = QImage(str(tmp_path / "shots" / "products.png"))
    assert (image.width(), image.height()) == (1366, 768)


def test_splitters_keep_every_pane_and_remember_their_sizes(qtbot, db, paths):
    first = MainWindow(db, paths)
    qtbot.addWidget(first)
    first.resize(760, 560)
    first.show()
    products = first.show_tab("products")
    qtbot.wait(50)  # laid out at its final size
    splitter = products.splitter
    assert not splitter.childrenCollapsible() and splitter.handleWidth() >= 6
    total = sum(splitter.sizes())
    splitter.setSizes([total - 300, 300])
    kept = splitter.sizes()
    first.close()
    second = MainWindow(db, paths)
    qtbot.addWidget(second)
    second.resize(760, 560)
    second.show()
    splitter = second.show_tab("products").splitter
    qtbot.wait(50)
    assert abs(splitter.sizes()[1] - kept[1]) <= 2 and abs(splitter.sizes()[0] - kept[0]) <= 2


def test_the_lineup_panel_widens_to_show_its_columns(qtbot, demo_db, paths):
    window = MainWindow(demo_db, paths)
    qtbot.addWidget(window)
    window.resize(780, 560)
    window.show()
    products = window.show_tab("products")
    products.splitter.setSizes([600, 160])
    products.side.setCurrentWidget(products.lineup)
    qtbot.waitUntil(lambda: products.splitter.sizes()[1] > 160)
    total = sum(products.splitter.sizes())
    assert products.splitter.sizes()[1] >= min(products.lineup.wanted_width(), int(total * 0.6)) - 1
    header = products.lineup.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(products.lineup.model.columnCount()):  # no header is cut
        title = str(products.lineup.model.headerData(column, 1))
        assert products.lineup.table.columnWidth(column) >= metrics.horizontalAdvance(title)


def test_the_empty_state_text_is_never_cut(qtbot):
    from livedesk.ui.empty_state import EmptyState

    body = "下播后下载平台的导出数据（抖音百应“整场数据下载”、分钟趋势、订单导出），在这里导入，或直接把文件拖到本页。" * 2
    page = EmptyState("还没有复盘数据", body)
    qtbot.addWidget(page)
    for width in (420, 900, 1366):
        page.resize(width, 500)
        page.show()
        qtbot.wait(10)
        label = page.body_label
        assert label.height() >= label.heightForWidth(label.width()), width


def test_the_live_console_shows_whole_product_names_and_headers_at_1440_by_900(qtbot, demo_db, paths):
    window = MainWindow(demo_db, paths)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    live = window.show_tab("live")
    live.prepare_screenshot()  # today's demo stream on air, its shelf filled
    qtbot.waitUntil(lambda: live.shelf_model.rowCount() > 0)
    view, model = live.shelf_view, live.shelf_model
    metrics = view.fontMetrics()
    name_column = model.COLUMNS.index("name")
    longest = max(metrics.horizontalAdvance(row.name) for row in model.rows[:3])
    assert view.columnWidth(name_column) >= min(longest, metrics.horizontalAdvance("加厚珊瑚绒毯")) + 8
    safety = model.COLUMNS.index("safety")
    assert view.isColumnHidden(safety)  # said in the stock cell's tooltip instead
    row = next(r for r in model.rows if r.safety_stock is not None)
    tip = model.data(model.index(model.rows.index(row), model.COLUMNS.index("stock")), 3)  # ToolTipRole
    assert str(row.safety_stock) in tip.replace(",", "")
    run_header = live.run_view.horizontalHeader()
    for column in range(live.run_model.columnCount()):  # no header of the run of show is cut
        title = str(live.run_model.headerData(column, 1))
        assert live.run_view.columnWidth(column) >= run_header.fontMetrics().horizontalAdvance(title)
