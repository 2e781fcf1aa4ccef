"""A teammate's save that lands between this window's read and its write is a ConcurrentEditError: the user
reads what happened and what to do, never the bug dialog, and nothing of theirs is overwritten."""

from __future__ import annotations

import dataclasses
import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from livedesk.models import Stream
from livedesk.services import schedule, scripts
from livedesk.ui.script.tab import ScriptTab

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from script_helpers import make_stream  # noqa: E402


def test_a_teammates_save_a_moment_before_mine_shows_the_concurrent_edit_message(qtbot, db, teammate, paths,
                                                                                 monkeypatch, caplog):
    with db.session() as s:
        stream_id = make_stream(s, minutes=30).id
        scripts.add_segment(s, stream_id, kind="opening", title="开场", duration_seconds=300)
    tab = ScriptTab(db, paths)
    qtbot.addWidget(tab)
    tab.select_stream(stream_id)
    tab.confirm = lambda *a: True

    original = scripts.mark_rehearsed

    def teammate_saves_in_between(session, sid):
        seen = session.get(Stream, sid)  # this window has read the stream (at its version now) …
        with teammate.session() as t:  # … then a teammate saves it before this window writes
            schedule.update_stream(t, sid, dataclasses.replace(schedule.get_stream_data(t, sid), notes="队友刚改"))
        assert original(session, sid) is seen
        return seen

    monkeypatch.setattr(scripts, "mark_rehearsed", teammate_saves_in_between)
    with caplog.at_level(logging.ERROR, logger="livedesk.ui"):
        assert tab.mark_rehearsed() is False

    boxes = tab.findChildren(QMessageBox, "errorDialog")
    assert [box.text() for box in boxes] == [
        "Someone else changed this record while you were editing it. Reload and try again."]
    assert not [r for r in caplog.records if r.name == "livedesk.ui"]  # not logged as a bug
    with db.session() as s:
        stored = schedule.get_stream_data(s, stream_id)
    assert (stored.notes, stored.status) == ("队友刚改", "scripted")  # theirs kept, mine not written


def test_user_errors_show_their_message_and_anything_else_is_a_bug():
    from livedesk.services.errors import ConcurrentEditError, UserError
    from livedesk.services.lineups import LineupError
    from livedesk.ui.errors import user_error_text

    assert user_error_text(ConcurrentEditError("队友刚改过这场直播。")) == "队友刚改过这场直播。"
    assert user_error_text(LineupError("这个商品已经在排品里了。")) == "这个商品已经在排品里了。"
    assert user_error_text(UserError("x")) == "x"
    assert user_error_text(KeyError("segment_id")) is None  # a bug: the error dialog logs it with its traceback
    assert user_error_text(ValueError("bad")) is None
