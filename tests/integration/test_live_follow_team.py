"""The host view follows the controller by notification on a team server, reading off the GUI thread.

Two "laptops" on the throwaway PostgreSQL server of conftest.py: the controller writes; the host's window,
following, is told by LISTEN/NOTIFY and reads the console on a worker thread (no 1 s polling, no read on the
GUI thread); a teammate's change reaches a controller's console the same way.
"""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest

from livedesk.models import Stream
from livedesk.services import live, live_steps, scripts

START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
WAIT_MS = 10000  # a bound, not a measurement: notifications normally arrive within a fraction of a second


@pytest.fixture
def reads(monkeypatch):
    """The thread of every console read of the live tab."""
    seen: list[str] = []
    for name in ("read_console", "read_tab"):
        real = getattr(live_steps, name)

        def spy(*args, _real=real, **kwargs):
            seen.append(threading.current_thread().name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(live_steps, name, spy)
    return seen


def live_stream(db) -> int:
    with db.session() as s:
        stream = Stream(title="今晚", start_at=START, planned_minutes=120)
        s.add(stream)
        s.flush()
        for title in ("开场", "讲解：护手霜", "福利"):
            scripts.add_segment(s, stream.id, title=title, duration_seconds=300)
        sid = stream.id
    live_steps.go_live(db, sid, dt.datetime.now(dt.timezone.utc))
    return sid


def test_the_follower_is_told_and_reads_on_a_worker(qtbot, window, laptops, reads):
    from livedesk.ui.live_follow_push import SAFETY_NET_MS

    mine, theirs = laptops
    sid = live_stream(theirs)
    follower = window.show_tab("live")
    follower.reload_to(sid)
    follower.set_following(True)
    qtbot.waitUntil(lambda: follower.follow_timer.interval() >= SAFETY_NET_MS, timeout=WAIT_MS)  # no 1 s polling
    qtbot.waitUntil(lambda: not follower._refreshing, timeout=WAIT_MS)
    assert follower.title_label.text() == "开场"
    reads.clear()
    now = dt.datetime.now(dt.timezone.utc)
    with theirs.session() as s:  # the controller presses Next and sends a message
        live.next_segment(s, sid, now + dt.timedelta(seconds=30))
        live.set_host_message(s, sid, "福袋马上开", now + dt.timedelta(seconds=31))
    qtbot.waitUntil(lambda: follower.title_label.text() == "讲解：护手霜" and follower.host_text == "福袋马上开",
                    timeout=WAIT_MS)
    assert reads and threading.main_thread().name not in reads
    follower.set_following(False)
    qtbot.waitUntil(lambda: not follower._refreshing, timeout=WAIT_MS)


def test_a_teammates_change_reaches_the_controllers_console_off_the_gui_thread(qtbot, window, laptops, reads):
    mine, theirs = laptops
    sid = live_stream(theirs)
    console = window.show_tab("live")
    console.reload_to(sid)
    reads.clear()
    with theirs.session() as s:  # a co-controller on another laptop logs an incident
        live.log_incident(s, sid, "network_drop", dt.datetime.now(dt.timezone.utc), note="断网 20 秒")
    qtbot.waitUntil(lambda: any("断网 20 秒" in row[2] for row in console.log_model.rows), timeout=WAIT_MS)
    assert reads and threading.main_thread().name not in reads
