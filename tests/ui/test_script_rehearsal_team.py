"""A rehearsal goes on when a teammate deletes a segment meanwhile: the dialog says that segment's time was not
saved (no error box in the way of Space), and every other time is saved."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from livedesk.services import scripts
from livedesk.ui.script.tab import ScriptTab

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from script_helpers import make_stream  # noqa: E402


def test_a_segment_a_teammate_deleted_is_skipped_and_said_so(qtbot, db, teammate, paths):
    with db.session() as s:
        stream_id = make_stream(s, minutes=15).id
        ids = [scripts.add_segment(s, stream_id, kind="opening", title=t, duration_seconds=300).id
               for t in ("开场", "讲解", "收尾")]
    tab = ScriptTab(db, paths)
    qtbot.addWidget(tab)
    tab.select_stream(stream_id)
    now = [0.0]
    tab.clock = lambda: now[0]
    dialog = tab.start_rehearsal()
    dialog.start()
    now[0] += 280
    QTest.keyClick(dialog, Qt.Key.Key_Space)
    with teammate.session() as t:
        scripts.delete_segment(t, ids[1])  # while 讲解 is being rehearsed
    now[0] += 310
    QTest.keyClick(dialog, Qt.Key.Key_Space)
    assert dialog.hint.text() == "Someone else deleted “讲解”, so its time was not saved."
    assert not dialog.findChildren(QMessageBox)
    now[0] += 300
    QTest.keyClick(dialog, Qt.Key.Key_Space)
    assert dialog.finished_all
    with db.session() as s:
        [report] = scripts.list_rehearsals(s, stream_id)
    assert [(r.title, r.actual_seconds) for r in report.rows] == [("开场", 280), ("收尾", 300)]
    assert report.finished_at is not None
    dialog.close()
