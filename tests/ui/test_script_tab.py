"""The script tab driven as a user would: table edits, timeline drags, templates, compliance, rehearsal, files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from livedesk.models import Stream
from livedesk.services import scripts, timeline
from livedesk.ui import theme
from livedesk.ui.script.tab import ScriptTab
from livedesk.ui.script.table_model import SegmentRow, SegmentTableModel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from script_helpers import fixture_pool, make_stream  # noqa: E402


@pytest.fixture
def stream_id(db) -> int:
    with db.session() as s:
        stream = make_stream(s, start="2026-11-15 20:00", minutes=30)
        fixture_pool(s, stream)
        for title, start, minutes in (("开场", 0, 5), ("讲解：护手霜", 5, 10), ("互动", 15, 5)):
            scripts.add_segment(s, stream.id, kind="pitch" if "讲解" in title else "opening", title=title,
                                start_seconds=start * 60, duration_seconds=minutes * 60)
        return stream.id


@pytest.fixture
def tab(qtbot, db, paths, stream_id):
    widget = ScriptTab(db, paths)
    qtbot.addWidget(widget)
    widget.resize(1400, 850)
    widget.show()
    widget.select_stream(stream_id)
    widget.confirm = lambda *a: True
    return widget


def saved(db, stream_id) -> list[tuple[str, int, int]]:
    with db.session() as s:
        return [(x.title, x.start_seconds, x.duration_seconds) for x in scripts.list_segments(s, stream_id)]


def test_table_edit_is_saved_and_undone(tab, db, stream_id):
    model = tab.model
    assert model.rowCount() == 3
    assert model.setData(model.index(1, 1), "讲解：护手霜 新版")
    assert model.setData(model.index(1, 3), "12:30")
    assert saved(db, stream_id)[1] == ("讲解：护手霜 新版", 300, 750)
    assert model.index(1, 3).data() == "12:30"
    tab.undo_stack.undo()
    assert saved(db, stream_id)[1] == ("讲解：护手霜 新版", 300, 600)
    tab.undo_stack.undo()
    assert saved(db, stream_id)[1][0] == "讲解：护手霜"
    tab.undo_stack.redo()
    tab.undo_stack.redo()
    assert saved(db, stream_id)[1] == ("讲解：护手霜 新版", 300, 750)
    assert not model.setData(model.index(1, 3), "abc")  # refused, nothing pushed
    assert tab.undo_stack.count() == 2


def test_kind_and_product_edits(tab, db, stream_id):
    model = tab.model
    product_id, name = model.lineup[0]
    assert model.setData(model.index(2, 0), "interaction")
    assert model.setData(model.index(2, 4), product_id)
    assert model.index(2, 0).data() == "Interaction"
    assert model.index(2, 4).data() == name
    with db.session() as s:
        segment = scripts.list_segments(s, stream_id)[2]
        assert (segment.kind, segment.product_id) == ("interaction", product_id)


def _drag(widget, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, modifier, start)
    steps = 6
    for i in range(1, steps + 1):
        p = start + (end - start) * i / steps
        QTest.mouseMove(widget, QPoint(int(p.x()), int(p.y())))
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, modifier, end)


def test_timeline_drag_moves_with_a_30_second_snap(tab, db, stream_id):
    view = tab.timeline
    view.set_zoom(2.0)  # 2 px per second
    third = tab.model.row_at(2).id
    rect = view.block_rect(third)
    start = QPoint(int(rect.center().x()), int(rect.center().y()))
    _drag(view, start, start + QPoint(2 * 70, 0))  # 70 s → snapped to 60 s
    assert saved(db, stream_id)[2] == ("互动", 15 * 60 + 60, 300)
    assert tab.model.index(2, 2).data().startswith("16:00")
    assert tab.selected_id() == third
    assert [(i.kind, i.start, i.end) for i in view.issues] == [("gap", 900, 960), ("gap", 1260, 1800)]
    tab.undo_stack.undo()
    assert saved(db, stream_id)[2] == ("互动", 900, 300)


def test_timeline_edge_resize_snaps(tab, db, stream_id):
    view = tab.timeline
    view.set_zoom(2.0)
    second = tab.model.row_at(1).id
    rect = view.block_rect(second)
    edge = QPoint(int(rect.right()) - 2, int(rect.center().y()))
    _drag(view, edge, edge + QPoint(2 * 100, 0))  # +100 s → 700 s → snapped to 690
    assert saved(db, stream_id)[1] == ("讲解：护手霜", 300, 690)
    assert tab.model.index(1, 3).data() == "11:30"
    assert any(i.kind == "overlap" for i in view.issues)
    assert "overlap" in tab.issues_label.text()


def test_timeline_shift_drag_reorders_and_packs(tab, db, stream_id):
    view = tab.timeline
    view.set_zoom(2.0)
    first = view.block_rect(tab.model.row_at(0).id)
    start = QPoint(int(first.center().x()), int(first.center().y()))
    _drag(view, start, start + QPoint(2 * 1000, 0), Qt.KeyboardModifier.ShiftModifier)
    assert [t for t, _, _ in saved(db, stream_id)] == ["讲解：护手霜", "互动", "开场"]
    assert [(s, d) for _, s, d in saved(db, stream_id)] == [(0, 600), (600, 300), (900, 300)]
    tab.undo_stack.undo()
    assert saved(db, stream_id) == [("开场", 0, 300), ("讲解：护手霜", 300, 600), ("互动", 900, 300)]


def test_gap_overlap_and_over_slot_are_shown(tab, db, stream_id):
    tab.set_times([(0, 300), (360, 600), (900, 1200)])  # gap 300–360, overlap 900–960, ends 2100 > 1800
    kinds = sorted(i.kind for i in tab.timeline.issues)
    assert kinds == ["gap", "over_slot", "overlap"]
    text = tab.issues_label.text()
    assert "1 gap" in text and "1 overlap" in text and "over the slot by 5:00" in text
    assert tab.timeline.lane_count() == 2  # the overlapping block is drawn on a second lane
    tab.set_times([(0, 300), (300, 600), (900, 900)])
    assert tab.timeline.issues == []
    assert "No gaps" in tab.issues_label.text()


def test_zoom_buttons_and_ctrl_wheel(tab):
    before = tab.timeline.px_per_second
    tab.findChild(type(tab.template_button), "zoomIn").click()
    assert tab.timeline.px_per_second > before
    width = tab.timeline.width()
    tab.timeline.zoom_out()
    assert tab.timeline.width() < width


def test_template_replaces_and_undo_restores(tab, db, stream_id):
    asked = []
    tab.confirm = lambda title, text, name: asked.append(name) or True
    tab.build_from_template("daily")
    assert asked == ["replaceScript"]
    rows = saved(db, stream_id)
    assert rows[0][0] == "开场" and len(rows) > 3
    assert rows[-1][0].startswith("收尾")
    assert tab.model.rowCount() == len(rows)
    tab.undo_stack.undo()
    assert [t for t, _, _ in saved(db, stream_id)] == ["开场", "讲解：护手霜", "互动"]
    tab.undo_stack.redo()
    assert saved(db, stream_id) == rows


def test_template_refused_keeps_the_script(tab, db, stream_id):
    tab.confirm = lambda *a: False
    tab.build_from_template("special")
    assert len(saved(db, stream_id)) == 3 and tab.undo_stack.count() == 0


def test_insert_pitch_prefills_lines(tab, db, stream_id):
    tab.select_segment(tab.model.row_at(0).id)
    product_id, name = tab.model.lineup[1]
    tab.insert_pitch(product_id)
    rows = tab.model.rows()
    assert rows[1].product_id == product_id and rows[1].kind == "pitch"
    assert rows[1].host_lines.startswith(f"【{name}】") and "卖点1" in rows[1].host_lines
    assert tab.selected_id() == rows[1].id
    tab.undo_stack.undo()
    assert tab.model.rowCount() == 3


def test_add_delete_and_move(tab, db, stream_id):
    tab.select_segment(tab.model.row_at(2).id)
    tab.delete_segment()
    assert len(saved(db, stream_id)) == 2
    tab.undo_stack.undo()
    assert [t for t, _, _ in saved(db, stream_id)] == ["开场", "讲解：护手霜", "互动"]
    tab.select_segment(tab.model.row_at(1).id)
    tab.move_selected(-1)
    assert [t for t, _, _ in saved(db, stream_id)] == ["讲解：护手霜", "开场", "互动"]
    tab.add_segment()
    assert len(saved(db, stream_id)) == 4


def test_highlighter_marks_risky_words_not_time_cues(tab, qtbot):
    tab.select_segment(tab.model.row_at(1).id)
    tab.host_edit.setPlainText("")
    tab.host_edit.insertPlainText("这款是顶级面料。\n最后三分钟，抓紧下单！")
    marked = tab.highlighter.highlighted_terms()
    assert "顶级" in marked
    assert not any("最后" in m for m in marked)
    assert "顶级" in tab.detail_findings.text()
    terms = [f.term for f in tab.findings]
    assert terms == ["顶级"]  # the unsaved text is checked as the user types
    tab.flush_draft()
    with tab.db.session() as s:
        assert "顶级" in scripts.list_segments(s, tab.stream_id)[1].host_lines


def test_typing_pauses_merge_into_one_undo_step(tab, qtbot):
    tab.select_segment(tab.model.row_at(1).id)
    tab.host_edit.insertPlainText("第一句")
    tab.flush_draft()
    tab.host_edit.insertPlainText("，第二句")
    tab.flush_draft()
    assert tab.undo_stack.count() == 1
    tab.undo_stack.undo()
    assert tab.model.row_at(1).host_lines == ""


def test_compliance_panel_lists_fixture_findings_and_jumps(qtbot, db, paths, fixtures_dir):
    folder = fixtures_dir / "exports" / "douyin_tidy"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    with db.session() as s:
        stream = make_stream(s, start=expected["start"], minutes=expected["duration_minutes"])
        fixture_pool(s, stream)
        sid = stream.id
    widget = ScriptTab(db, paths)
    qtbot.addWidget(widget)
    widget.select_stream(sid)
    widget.import_script(str(folder / "直播脚本.xlsx"))
    assert widget.model.rowCount() == 6
    found = {(f.segment_title, f.term) for f in widget.findings}
    for segment, term in expected["banned_segments"].items():
        assert (segment, term) in found
    model = widget.findings_model
    assert model.rowCount() == len(widget.findings)
    assert {model.index(r, 2).data() for r in range(model.rowCount())} >= set(expected["banned_segments"].values())
    row = next(r for r in range(model.rowCount()) if model.index(r, 2).data() == "根治")
    widget._finding_activated(model.index(row, 0))
    assert widget.model.row_at(widget.model.row_of(widget.selected_id())).title == "讲解：胶原蛋白饮"
    assert widget.host_edit.textCursor().selectedText() == "根治"
    widget.undo_stack.undo()
    assert widget.model.rowCount() == 0


def test_import_failure_shows_rows_and_writes_nothing(tab, db, stream_id, tmp_path, qtbot):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["直播脚本"])
    sheet.append(["时间节点", "直播阶段", "环节", "主播动作/口播"])
    sheet.append(["20:00-20:05", "开场", "开场", "欢迎"])
    sheet.append(["二十点", "讲解", "讲解", "这款"])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    tab.import_script(str(path))
    box = tab.findChild(type(tab), "errorDialog") or next(
        w for w in tab.findChildren(object) if getattr(w, "objectName", lambda: "")() == "errorDialog")
    assert "row 4" in box.text()
    assert len(saved(db, stream_id)) == 3 and tab.undo_stack.count() == 0
    box.done(0)  # a dialog left open would count as "the user is busy" in later tests


def test_export_xlsx_and_pdf(tab, tmp_path):
    xlsx, pdf = tmp_path / "run.xlsx", tmp_path / "run.pdf"
    tab.export_script(str(xlsx))
    tab.export_script(str(pdf))
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert any("讲解：护手霜" == c.value for row in sheet.iter_rows() for c in row)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 2000


def test_mark_rehearsed_asks_when_findings_remain(tab, db, stream_id):
    asked = []
    tab.confirm = lambda title, text, name: asked.append((name, text)) or False
    assert not tab.mark_rehearsed()
    assert asked and asked[0][0] == "markRehearsedConfirm"
    assert "没有完成的彩排" in asked[0][1] or "rehearsal" in asked[0][1].lower()
    with db.session() as s:
        assert s.get(Stream, stream_id).status == "scripted"
    tab.confirm = lambda *a: True
    assert tab.mark_rehearsed()
    with db.session() as s:
        assert s.get(Stream, stream_id).status == "rehearsed"


def test_rehearsal_with_a_fake_clock_records_times(tab, db, stream_id, qtbot):
    now = [100.0]
    tab.clock = lambda: now[0]
    dialog = tab.start_rehearsal()
    dialog.start()
    now[0] += 290
    dialog.tick()
    assert dialog.segment_clock.text() == "4:50"
    QTest.keyClick(dialog, Qt.Key.Key_Space)
    now[0] += 700  # 100 s over the 10-minute plan
    dialog.tick()
    assert theme.current().bad in dialog.segment_clock.styleSheet()
    QTest.keyClick(dialog, Qt.Key.Key_Right)
    now[0] += 300
    QTest.keyClick(dialog, Qt.Key.Key_Space)
    assert dialog.finished_all
    assert dialog.model.index(1, 4).data() == "+1:40"
    with db.session() as s:
        [report] = scripts.list_rehearsals(s, stream_id)
    assert [r.actual_seconds for r in report.rows] == [290, 700, 300]
    assert report.finished_at is not None
    assert tab.rehearsals_model.rowCount() == 4
    dialog.close()


def test_approve_toggle_is_undoable(tab, db, stream_id):
    tab.approve_action.trigger()
    with db.session() as s:
        assert scripts.get_script(s, stream_id).approved
    tab.undo_stack.undo()
    with db.session() as s:
        assert not scripts.get_script(s, stream_id).approved


def test_word_list_dialog_adds_and_removes(tab, qtbot):
    from livedesk.ui.script.word_list import WordListDialog

    dialog = WordListDialog(tab.db, tab)
    qtbot.addWidget(dialog)
    dialog.term_edit.setText("神器")
    dialog.suggestion_edit.setText("好用的工具")
    dialog.add_term()
    assert any(t.term == "神器" and not t.builtin for t in dialog.statuses)
    row = next(i for i, t in enumerate(dialog.statuses) if t.term == "神器")
    dialog.table.selectRow(dialog.proxy.mapFromSource(dialog.model.index(row, 0)).row())
    dialog.remove_selected()
    assert not any(t.term == "神器" for t in dialog.statuses)


def test_default_stream_and_demo_scripts(qtbot, demo_db, paths):
    widget = ScriptTab(demo_db, paths)
    qtbot.addWidget(widget)
    assert widget.stream_id is not None
    assert widget.model.rowCount() > 0  # a stream past planning, with its template script
    first_status = widget.streams[0].status
    assert first_status != "planned"
    widget.resize(1440, 900)
    widget.show()
    widget.prepare_screenshot()
    assert widget.findings  # the gallery shows the checker at work
    with demo_db.session() as s:
        assert not any("顶级" in x.host_lines for x in scripts.list_segments(s, widget.stream_id))


def test_segment_table_model_passes_the_model_tester(qtmodeltester):
    model = SegmentTableModel()
    model.set_rows([SegmentRow(1, "opening", "开场", 0, 300), SegmentRow(2, "pitch", "讲解", 300, 600, 7, "话术")],
                   {7: "护手霜"}, [(7, "护手霜")], None, 1800)
    qtmodeltester.check(model)


def test_window_undo_right_after_typing_takes_the_typing_back_instead_of_losing_it(qtbot, window, db, stream_id):
    """Undo pressed before the typing pause saved the draft: the draft is saved as its own step first."""
    tab = window.show_tab("script")
    tab.select_stream(stream_id)
    segment_id = tab.model.row_at(1).id
    tab.select_segment(segment_id)
    tab.model.setData(tab.model.index(1, 1), "讲解：护手霜 新版")  # an earlier step
    tab.select_segment(segment_id)
    tab.host_edit.insertPlainText("刚打的话术")
    assert tab.draft_timer.isActive()  # not saved yet
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()  # Edit ▸ Undo from the menu, before the pause
    with db.session() as s:
        segment = next(x for x in scripts.list_segments(s, stream_id) if x.id == segment_id)
        assert segment.title == "讲解：护手霜 新版"  # the earlier step is still there
        assert segment.host_lines == ""  # the typing was the last step, and it is the one undone
    window.redo_action.trigger()
    with db.session() as s:
        assert next(x for x in scripts.list_segments(s, stream_id) if x.id == segment_id).host_lines == "刚打的话术"
    assert window.undo_action.text() == "&Undo Edit host lines of “讲解：护手霜 新版”"  # the menu names the step


def test_window_undo_after_the_typing_was_refused_does_not_also_undo_the_step_before(
        qtbot, window, db, teammate, stream_id, monkeypatch):
    """Undo saves the pending typing first; when that save is refused (a teammate's text kept), the same
    press must not go on to undo the user's previous step as well."""
    from livedesk.ui.conflict_dialog import ConflictDialog

    monkeypatch.setattr(ConflictDialog, "exec", lambda dialog: ConflictDialog.RELOAD)
    tab = window.show_tab("script")
    tab.select_stream(stream_id)
    segment_id = tab.model.row_at(1).id
    tab.model.setData(tab.model.index(1, 1), "讲解：护手霜 新版")  # step 1
    tab.select_segment(segment_id)
    tab.host_edit.insertPlainText("我打的话术")  # pending, not saved yet
    with teammate.session() as s:
        scripts.update_segment(s, segment_id, host_lines="队友的话术")
    window.undo_action.trigger()
    with db.session() as s:
        segment = next(x for x in scripts.list_segments(s, stream_id) if x.id == segment_id)
        assert (segment.title, segment.host_lines) == ("讲解：护手霜 新版", "队友的话术")
    assert tab.undo_stack.count() == 1 and tab.undo_stack.index() == 1  # step 1 still done


def test_writing_a_script_moves_the_stream_to_scripted_in_the_schedule_too(qtbot, window, db, monkeypatch):
    """The schedule reloads when the Script tab moves a stream's status, so deleting it from there is not
    mistaken for a teammate's change (no conflict dialog for the user's own work)."""
    from livedesk.ui.conflict_dialog import ConflictDialog

    with db.session() as s:
        planned = make_stream(s, start="2026-11-18 20:00", minutes=30)
        planned_id = planned.id
    schedule_tab = window.show_tab("schedule")
    schedule_tab.reload()
    assert next(r for r in schedule_tab.model.rows() if r.id == planned_id).status == "planned"
    script_tab = window.show_tab("script")
    script_tab.select_stream(planned_id)
    script_tab.add_segment()
    assert next(r for r in schedule_tab.model.rows() if r.id == planned_id).status == "scripted"
    dialogs = []
    monkeypatch.setattr(ConflictDialog, "exec", lambda dialog: dialogs.append(dialog) or ConflictDialog.RELOAD)
    window.show_tab("schedule")
    schedule_tab.select_stream(planned_id)
    schedule_tab.confirm = lambda *a: True
    schedule_tab.delete_selected()
    assert dialogs == []
    with db.session() as s:
        from livedesk.models.stream import Stream

        assert s.get(Stream, planned_id) is None


def test_a_rehearsal_stopped_early_is_partial_and_shows_the_host_lines(tab, db, stream_id, qtbot):
    with db.session() as s:
        second = scripts.list_segments(s, stream_id)[1]
        scripts.update_segment(s, second.id, host_lines="家人们看这款护手霜\n质地清爽不黏腻", cues="上架 3 号链接")
    tab.load_script()
    now = [0.0]
    tab.clock = lambda: now[0]
    dialog = tab.start_rehearsal()
    first = dialog.rows[0]
    assert first.title in dialog.lines_view.toPlainText()  # before Start: what comes first
    dialog.start()
    shown = dialog.lines_view.toPlainText()
    assert "No host lines for this segment." in shown and "Next: 讲解：护手霜" in shown
    now[0] += 250  # the first segment ran 250 s
    QTest.keyClick(dialog, Qt.Key.Key_Space)
    shown = dialog.lines_view.toPlainText()
    assert "家人们看这款护手霜" in shown and "质地清爽不黏腻" in shown and "Cues: 上架 3 号链接" in shown
    now[0] += 30
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # stopped during the second of three segments
    assert dialog.finished_all
    planned = first.duration_seconds
    assert dialog.segment_label.text() == (
        f"Partial rehearsal: 1 of {len(dialog.rows)} segments, 4:10 for their plan of "
        f"{timeline.clock(planned)} ({'+' if 250 > planned else ''}{timeline.clock(250 - planned)})"
    )
    with db.session() as s:
        [report] = scripts.list_rehearsals(s, stream_id)
    assert report.partial and report.rehearsed_count == 1 and report.planned_seconds == planned
    assert "partial: 1 of" in tab.rehearsals_model.index(0, 0).data()
    assert tab.rehearsals_model.index(0, 1).data() == "Rehearsed segments"
    dialog.close()
