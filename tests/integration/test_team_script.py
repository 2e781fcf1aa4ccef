"""Two laptops on one PostgreSQL server: a teammate's script edit is announced, read on a worker thread by the
other laptop's script tab, and shown there without the GUI thread touching the server."""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo

from livedesk.models import Stream
from livedesk.services import scripts
from livedesk.services.scripts import reads

START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
WAIT_MS = 10000  # a bound, not a measurement


def test_a_teammates_script_edit_reaches_the_script_tab_read_off_the_gui_thread(qtbot, window, laptops,
                                                                                  monkeypatch):
    mine, theirs = laptops
    with theirs.session() as s:
        stream = Stream(title="周五专场", start_at=START, planned_minutes=60, status="scripted")
        s.add(stream)
        s.flush()
        ids = [scripts.add_segment(s, stream.id, kind="opening", title=t, duration_seconds=300).id
               for t in ("开场", "讲解")]
        stream_id = stream.id
    window.set_current_stream(stream_id)
    tab = window.show_tab("script")
    tab.select_stream(stream_id)
    qtbot.waitUntil(lambda: [r.title for r in tab.model.rows()] == ["开场", "讲解"], timeout=WAIT_MS)
    threads: list[str] = []
    read = reads.tab_data

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return read(*args, **kwargs)

    monkeypatch.setattr(reads, "tab_data", recorded)
    with theirs.session() as s:
        scripts.update_segment(s, ids[1], title="讲解：护手霜")
    qtbot.waitUntil(lambda: [r.title for r in tab.model.rows()] == ["开场", "讲解：护手霜"], timeout=WAIT_MS)
    assert threads and threading.main_thread().name not in threads
