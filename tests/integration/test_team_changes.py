"""Team changes pushed: two "laptops" on one PostgreSQL server; one writes, the other's window is told.

The server is the throwaway one of conftest.py; the test that stops a server starts one of its own.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTimer

from livedesk.models import Base, LineupItem, Product, Stream
from livedesk.services import lineups as lineup_service
from livedesk.services import live, review, schedule, schedule_steps
from livedesk.services.changes import SqliteFeed
from livedesk.services.db import PG_CONNECT_ARGS, make_engine, open_database
from livedesk.services.faults import ServerGone

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=SHANGHAI)
WAIT_MS = 10000  # a bound, not a measurement: notifications normally arrive within a fraction of a second


def stream_with_lineup(db) -> tuple[int, int]:
    with db.session() as s:
        stream = Stream(title="周五专场", start_at=START, planned_minutes=120)
        product = Product(sku="SKU-1", name="护手霜", live_price=Decimal("99"), cost=Decimal("40"))
        s.add_all([stream, product])
        s.flush()
        s.add(LineupItem(stream_id=stream.id, product_id=product.id, position=0, link_number=1))
        return stream.id, product.id


def changed(table: str):
    return lambda tables: table in tables


# ---------------------------------------------------------------------------------------- the schema


def test_every_table_the_window_shows_announces_its_changes(pg_url):
    db = open_database(pg_url)
    try:
        with db.engine.connect() as connection:
            triggered = set(connection.exec_driver_sql(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                " WHERE t.tgname LIKE 'livedesk_changes_%%'").scalars())
    finally:
        db.close()
    assert triggered == set(Base.metadata.tables) - {"database_identity"}


def test_the_server_connection_gives_up_after_five_seconds(pg_url):
    engine = make_engine(pg_url)
    try:
        with engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw.info.get_parameters().get("connect_timeout") == "5"
    finally:
        engine.dispose()
    assert PG_CONNECT_ARGS["connect_timeout"] == 5
    own = make_engine(pg_url + "?connect_timeout=2")  # a URL that says otherwise keeps its own
    try:
        with own.connect() as connection:
            assert connection.connection.dbapi_connection.info.get_parameters().get("connect_timeout") == "2"
    finally:
        own.dispose()


# ---------------------------------------------------------------------------------------- two laptops


def test_a_teammates_lineup_price_reaches_the_products_tab(qtbot, window, laptops):
    mine, theirs = laptops
    stream_id, product_id = stream_with_lineup(theirs)
    window.set_current_stream(stream_id)
    tab = window.show_tab("products")
    tab.open_lineup(stream_id)
    watcher = window.change_watcher
    with qtbot.waitSignal(watcher.changes, timeout=WAIT_MS, check_params_cb=changed("lineup_items")):
        with theirs.session() as s:
            lineup_service.set_lineup_values(s, stream_id, product_id, live_price=Decimal("79"))
    with mine.session() as s:
        assert lineup_service.lineup_rows(s, stream_id)[0].live_price == Decimal("79")
    qtbot.waitUntil(lambda: watcher.refreshes >= 1, timeout=WAIT_MS)


def test_a_teammates_lineup_order_and_live_log_are_announced(qtbot, window, laptops):
    mine, theirs = laptops
    stream_id, first = stream_with_lineup(theirs)
    with theirs.session() as s:
        second = Product(sku="SKU-2", name="防晒喷雾", live_price=Decimal("59"), cost=Decimal("20"))
        s.add(second)
        s.flush()
        lineup_service.add_to_lineup(s, stream_id, second.id)
        second_id = second.id
    watcher = window.change_watcher
    with qtbot.waitSignal(watcher.changes, timeout=WAIT_MS, check_params_cb=changed("lineup_items")):
        with theirs.session() as s:
            lineup_service.reorder_lineup(s, stream_id, [second_id, first])
    with qtbot.waitSignal(watcher.changes, timeout=WAIT_MS, check_params_cb=changed("incidents")):
        with theirs.session() as s:
            live.log_incident(s, stream_id, "network_drop", dt.datetime.now(dt.timezone.utc), note="断网 20 秒")


def test_a_teammates_review_import_is_announced(qtbot, window, laptops, fixtures_dir):
    mine, theirs = laptops
    folder = fixtures_dir / "exports" / "douyin_tidy"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    start = dt.datetime.strptime(expected["start"], "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)
    with theirs.session() as s:
        stream = Stream(title="复盘", start_at=start, planned_minutes=180)
        s.add(stream)
        s.flush()
        stream_id = stream.id
    files = sorted(p for p in folder.iterdir() if p.suffix in (".xlsx", ".csv") and p.name != "直播脚本.xlsx")
    with qtbot.waitSignal(window.change_watcher.changes, timeout=WAIT_MS, check_params_cb=changed("reviews")):
        review.import_review_files(theirs, stream_id, files)


def test_this_laptops_own_saves_are_not_announced_as_someone_elses(qtbot, window, laptops):
    mine, theirs = laptops
    seen: list[frozenset[str]] = []
    window.change_watcher.changes.connect(seen.append)
    with mine.session() as s:  # this window's own database, on the GUI thread
        s.add(Product(sku="MINE", name="自己加的", live_price=Decimal("10"), cost=Decimal("5")))
    with qtbot.waitSignal(window.change_watcher.changes, timeout=WAIT_MS):
        with theirs.session() as s:
            s.add(Stream(title="他们加的", start_at=START, planned_minutes=60))
    assert all("products" not in tables for tables in seen)
    assert any("streams" in tables for tables in seen)


def test_only_the_tabs_that_show_a_changed_table_reload(qtbot, window, laptops, monkeypatch):
    mine, theirs = laptops
    for key in ("schedule", "products", "script", "live", "review"):
        window.tab(key)
    watcher = window.change_watcher
    with qtbot.waitSignal(watcher.changes, timeout=WAIT_MS, check_params_cb=changed("lineup_items")):
        stream_with_lineup(theirs)  # one commit: streams, products and the lineup in one notice
    qtbot.waitUntil(lambda: watcher.refreshes >= 1, timeout=WAIT_MS)
    reloaded: list[str] = []
    for key in ("schedule", "products", "script", "live", "review"):  # refresh: a tab may read on a worker
        monkeypatch.setattr(window.tab(key), "refresh", lambda key=key: reloaded.append(key))
    with qtbot.waitSignal(window.change_watcher.changes, timeout=WAIT_MS, check_params_cb=changed("compliance_terms")):
        with theirs.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE compliance_terms SET severity = severity")
    qtbot.waitUntil(lambda: "script" in reloaded, timeout=WAIT_MS)
    assert reloaded == ["script"]  # the word list shows in the script tab only


def test_the_host_view_follows_the_controller_by_notification(qtbot, window, laptops):
    from livedesk.services import scripts
    from livedesk.ui.live_follow_push import SAFETY_NET_MS

    mine, theirs = laptops
    with theirs.session() as s:
        stream = Stream(title="今晚", start_at=START, planned_minutes=120)
        s.add(stream)
        s.flush()
        for title in ("开场", "讲解：护手霜", "福利"):
            scripts.add_segment(s, stream.id, title=title, duration_seconds=300)
        sid = stream.id
    now = dt.datetime.now(dt.timezone.utc)
    with theirs.session() as s:  # the controller's laptop goes live
        live.go_live(s, sid, now)
    follower = window.show_tab("live")
    follower.reload_to(sid)
    follower.set_following(True)
    qtbot.waitUntil(lambda: follower.follow_timer.interval() >= SAFETY_NET_MS, timeout=WAIT_MS)  # no 1 s polling
    assert follower.title_label.text() == "开场"
    with theirs.session() as s:  # the controller presses Next and sends a message
        live.next_segment(s, sid, now + dt.timedelta(seconds=30))
        live.set_host_message(s, sid, "福袋马上开", now + dt.timedelta(seconds=31))
    qtbot.waitUntil(lambda: follower.title_label.text() == "讲解：护手霜" and follower.host_text == "福袋马上开",
                    timeout=WAIT_MS)
    follower.set_following(False)


# ---------------------------------------------------------------------------------------- a server that goes away


@pytest.fixture
def own_server(pg_server):
    """A server of this test's own, so stopping it leaves the shared one alone."""
    helpers = type(pg_server).run.__globals__  # conftest.py's (several conftest modules share that name)
    server = helpers["start_server"](pg_server.bin)
    yield server
    helpers["stop_server"](server)


def restart(server) -> None:
    options = f"-p {server.port} -k {server.socket_dir} -c listen_addresses=127.0.0.1 -F -c full_page_writes=off"
    server.run(str(server.bin / "pg_ctl"), "-D", str(server.root / "data"), "-o", options,
               "-l", str(server.root / "server.log"), "-w", "-t", "60", "start")


def test_a_server_that_goes_away_never_freezes_the_window(qtbot, own_server, paths):
    from livedesk.ui.main_window import MainWindow

    own_server.admin('CREATE DATABASE "team"')
    db = open_database(own_server.url("team"))
    win = MainWindow(db, paths)
    qtbot.addWidget(win)
    win.show()
    watcher = win.change_watcher
    qtbot.waitUntil(lambda: watcher.listener.feed is not None, timeout=WAIT_MS)
    watcher.listener.retry_seconds = 0.2
    ticks = []
    heartbeat = QTimer(win)
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()

    with qtbot.waitSignal(watcher.online_changed, timeout=WAIT_MS, check_params_cb=lambda online: online is False):
        own_server.run(str(own_server.bin / "pg_ctl"), "-D", str(own_server.root / "data"), "-m", "fast", "-w", "stop")
    assert watcher.status_label.isVisible()
    assert "retrying" in watcher.status_label.text()
    before = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= before + 10, timeout=WAIT_MS)  # the event loop keeps turning
    assert watcher.listener.running  # still trying, on its own thread
    # a save while the server is away is refused at once with what to do, not after the network gives up
    stream = schedule.StreamData(title="周五专场", start_at=START, planned_minutes=120)
    with pytest.raises(ServerGone, match="does not answer"):
        schedule_steps.create(db, [stream])

    with qtbot.waitSignal(watcher.online_changed, timeout=30000, check_params_cb=lambda online: online is True):
        restart(own_server)
    assert not watcher.status_label.isVisible()
    assert "again" in win.statusBar().currentMessage()
    created, _values = schedule_steps.create(db, [stream])  # back: saves go through again
    assert len(created) == 1
    heartbeat.stop()
    listener = watcher.listener
    win.close()  # waits up to 3 s for the listener; one caught mid-reconnect may take longer
    listener.stop(wait=30)
    assert not listener.running
    db.close()


# ---------------------------------------------------------------------------------------- SQLite


def test_sqlite_sees_another_connections_commit_through_data_version(tmp_path):
    import sqlite3

    path = tmp_path / "team.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE t (x)")
    other.commit()
    feed = SqliteFeed(path)
    try:
        assert feed.wait(0) == frozenset()
        other.execute("INSERT INTO t VALUES (1)")
        other.commit()
        assert feed.wait(0) == frozenset({"*"})
        assert feed.wait(0) == frozenset()  # seen once
        mine = sqlite3.connect(path)  # this app's own write, bracketed: not someone else's
        feed.begin_own_write()
        mine.execute("INSERT INTO t VALUES (2)")
        mine.commit()
        assert feed.wait(0) == frozenset()  # under way: not looked at
        feed.end_own_write(committed=True)
        assert feed.wait(0) == frozenset()
        other.execute("INSERT INTO t VALUES (3)")  # someone else's commit just before one of ours
        other.commit()
        feed.begin_own_write()
        feed.end_own_write(committed=True)
        assert feed.wait(0) == frozenset({"*"})  # kept, not swallowed by ours
        mine.close()
    finally:
        feed.close()
        other.close()
