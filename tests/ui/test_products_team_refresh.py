"""A teammate's change reaches the product tab through `refresh()`: the pool, the lineup and the product shown in
detail are read on a worker thread (the GUI thread never waits on the team server) and shown with the user's
selection, lineup stream and unsaved typing kept."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from livedesk.services import lineup_steps, product_reads, product_steps, schedule, schedule_steps
from livedesk.services.product_steps import DetailEdit
from livedesk.ui.products.tab import ProductsTab
from livedesk.ui.products.table_model import COLUMNS
from livedesk.ui.tasks import TaskRunner

START = dt.datetime.now(ZoneInfo("Asia/Shanghai")).replace(hour=20, minute=0, second=0, microsecond=0) + dt.timedelta(days=3)


@pytest.fixture
def pooled(monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", False)  # a real worker, as in the app
    yield
    TaskRunner.wait()


class Reads:
    """Records the thread of each `read_pool`; after `hold()` a read's answer waits until `release()` (what it
    read is then older than what the user did meanwhile)."""

    def __init__(self, monkeypatch):
        self.threads: list[str] = []
        self._open = threading.Event()
        self._open.set()
        read = product_reads.read_pool

        def recording(*args):
            self.threads.append(threading.current_thread().name)
            answer = read(*args)
            self._open.wait(5)
            return answer

        monkeypatch.setattr(product_reads, "read_pool", recording)

    def hold(self) -> None:
        self._open.clear()

    def release(self) -> None:
        self._open.set()


@pytest.fixture
def reads(monkeypatch) -> Reads:
    return Reads(monkeypatch)


def setup_pool(db) -> tuple[int, int, list[int]]:
    cream, _ = product_steps.create(db, {"sku": "A-1", "name": "护手霜", "live_price": "99", "cost": "40"})
    spray, _ = product_steps.create(db, {"sku": "B-2", "name": "防晒喷雾", "live_price": "59", "cost": "20"})
    streams, _ = schedule_steps.create(db, [
        schedule.StreamData(title=f"专场 {n}", start_at=START + dt.timedelta(days=n), planned_minutes=120)
        for n in range(2)])
    lineup_steps.add(db, streams[0], [cream, spray])
    return cream, spray, streams


def price(tab: ProductsTab, product_id: int):
    return tab.model.product(product_id).live_price


def lineup_prices(tab: ProductsTab) -> dict[str, Decimal | None]:
    return {row.name: row.live_price for row in tab.lineup.model.rows()}


def test_a_teammates_price_lineup_and_selling_points_are_read_off_the_gui_thread(qtbot, db, teammate, paths, pooled,
                                                                                 reads):
    cream, spray, streams = setup_pool(db)
    tab = ProductsTab(db, paths)
    qtbot.addWidget(tab)
    tab.open_lineup(streams[0])
    assert tab.select_product(cream)
    assert tab.detail.product_id == cream
    reads.threads.clear()
    product_steps.edit_field(teammate, spray, "live_price", "49", version=1)
    lineup_steps.set_values(teammate, streams[0], cream, {"live_price": "79"}, None)
    product_steps.change(teammate, cream, DetailEdit(selling_points=(("保湿不黏", "手背涂抹"),)), None)
    reloads: list[int] = []
    tab.reload = lambda: reloads.append(1)  # type: ignore[method-assign]  # the GUI-thread path must not run
    tab.refresh()
    qtbot.waitUntil(lambda: price(tab, spray) == Decimal("49"), timeout=5000)
    assert reads.threads and threading.main_thread().name not in reads.threads
    assert reloads == []
    assert lineup_prices(tab) == {"护手霜": Decimal("79"), "防晒喷雾": Decimal("49")}
    assert tab.lineup.stream_id == streams[0]
    assert tab.selected_ids() == [cream]
    assert tab.detail.points_model.values() == [("保湿不黏", "手背涂抹")]


def test_typing_in_the_detail_panel_stays_while_a_teammates_change_is_shown(qtbot, db, teammate, paths, pooled):
    cream, _, _ = setup_pool(db)
    tab = ProductsTab(db, paths)
    qtbot.addWidget(tab)
    tab.select_product(cream)
    tab.detail.notes_edit.setPlainText("直播时强调限量")  # not saved yet
    product_steps.edit_field(teammate, cream, "live_price", "89", version=1)
    tab.refresh()
    qtbot.waitUntil(lambda: price(tab, cream) == Decimal("89"), timeout=5000)
    assert tab.detail.notes_edit.toPlainText() == "直播时强调限量"
    tab.detail.save()  # the typing is saved over the teammate's price change, which is not a conflict
    assert product_steps.stored_states(db, [cream])[cream]["notes"] == "直播时强调限量"


def test_a_stream_picked_while_a_read_runs_stays_picked(qtbot, db, teammate, paths, pooled, reads):
    cream, spray, streams = setup_pool(db)
    lineup_steps.add(db, streams[1], [spray])
    tab = ProductsTab(db, paths)
    qtbot.addWidget(tab)
    tab.open_lineup(streams[0])
    reads.threads.clear()
    reads.hold()  # the team server is slow to answer
    product_steps.edit_field(teammate, cream, "name", "护手霜（新版）", version=1)
    tab.refresh()
    qtbot.waitUntil(lambda: len(reads.threads) == 1, timeout=5000)  # the lineup of 专场 0 is read…
    tab.lineup.set_stream(streams[1])  # …when the user picks the other stream
    reads.release()
    qtbot.waitUntil(lambda: tab.model.product(cream).name == "护手霜（新版）", timeout=5000)
    assert len(reads.threads) == 2  # what no longer fitted was read again for the stream picked
    assert tab.lineup.stream_id == streams[1]
    assert tab.lineup.stream_combo.currentData() == streams[1]
    assert list(lineup_prices(tab)) == ["防晒喷雾"]


def test_a_read_begun_before_the_users_own_edit_is_read_again(qtbot, db, teammate, paths, pooled, reads):
    cream, spray, _ = setup_pool(db)
    tab = ProductsTab(db, paths)
    qtbot.addWidget(tab)
    reads.threads.clear()
    reads.hold()
    product_steps.edit_field(teammate, spray, "live_price", "49", version=1)
    tab.refresh()  # reading their change…
    index = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(cream), COLUMNS.index("live_price")))
    assert tab.proxy.setData(index, "88")  # …while the user edits a price here
    assert price(tab, cream) == Decimal("88")
    reads.release()
    qtbot.waitUntil(lambda: len(reads.threads) == 2 and not tab._refreshing, timeout=5000)
    TaskRunner.wait()
    qtbot.waitUntil(lambda: price(tab, spray) == Decimal("49"), timeout=5000)
    assert price(tab, cream) == Decimal("88")  # their change shown, the user's own edit not undone on screen
