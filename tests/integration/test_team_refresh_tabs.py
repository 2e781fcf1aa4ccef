"""Two laptops on one PostgreSQL server: a teammate's schedule and product changes reach this window's schedule
and product tabs by notification, read on worker threads (never `reload` on the GUI thread)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from livedesk.services import lineup_steps, product_reads, product_steps, schedule, schedule_reads, schedule_steps

START = dt.datetime.now(ZoneInfo("Asia/Shanghai")).replace(hour=20, minute=0, second=0, microsecond=0) + dt.timedelta(days=2)
WAIT_MS = 10000  # a bound, not a measurement: notifications normally arrive within a fraction of a second


@pytest.fixture
def read_threads(monkeypatch) -> dict[str, list[str]]:
    """The threads the schedule and the product tab were read on, by reader."""
    threads: dict[str, list[str]] = {"schedule": [], "products": []}
    for key, module, name in (("schedule", schedule_reads, "read_schedule"), ("products", product_reads, "read_pool")):
        read = getattr(module, name)

        def recording(*args, read=read, key=key):
            threads[key].append(threading.current_thread().name)
            return read(*args)

        monkeypatch.setattr(module, name, recording)
    return threads


def test_a_teammates_stream_lineup_and_price_reach_the_schedule_and_product_tabs(qtbot, window, laptops, read_threads):
    mine, theirs = laptops
    [stream_id], _ = schedule_steps.create(mine, [schedule.StreamData(title="周五专场", start_at=START,
                                                                       planned_minutes=120)])
    cream, _ = product_steps.create(mine, {"sku": "A-1", "name": "护手霜", "live_price": "99", "cost": "40"})
    lineup_steps.add(mine, stream_id, [cream])
    schedule_tab, products_tab = window.tab("schedule"), window.tab("products")
    schedule_tab.reload()
    products_tab.open_lineup(stream_id)
    products_tab.reload()
    reloads: list[str] = []  # reload() reads on the GUI thread: a teammate's change must not go that way
    for key, tab in (("schedule", schedule_tab), ("products", products_tab)):
        tab.reload = lambda key=key: reloads.append(key)  # type: ignore[method-assign]
    for threads in read_threads.values():
        threads.clear()

    [stream] = schedule_reads.read_streams(theirs, [stream_id])
    schedule_steps.save_edit(theirs, stream_id, dataclasses.replace(stream, title="周五美妆专场"), ["title"],
                             expected_version=stream.version)
    lineup_steps.set_values(theirs, stream_id, cream, {"live_price": "79"}, None)
    product_steps.edit_field(theirs, cream, "cost", "45", version=1)

    qtbot.waitUntil(lambda: [s.title for s in schedule_tab.model.rows()] == ["周五美妆专场"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: products_tab.model.product(cream).cost == Decimal("45")
                    and [r.live_price for r in products_tab.lineup.model.rows()] == [Decimal("79")], timeout=WAIT_MS)
    assert "周五美妆专场" in products_tab.lineup.stream_combo.currentText()
    assert reloads == []
    gui = threading.main_thread().name
    assert read_threads["schedule"] and gui not in read_threads["schedule"]
    assert read_threads["products"] and gui not in read_threads["products"]
