"""The script tab's structural edits and its undo/redo with a teammate writing in between (a second Database
on the same file). The conflict dialog's exec is patched to press Reload or Overwrite; nothing of the
teammate's is ever overwritten without that dialog, and a refused undo/redo leaves the undo history."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from livedesk.services import scripts
from livedesk.ui.conflict_dialog import ConflictDialog
from livedesk.ui.script.tab import ScriptTab

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from script_helpers import make_stream  # noqa: E402

RELOAD, OVERWRITE = ConflictDialog.RELOAD, ConflictDialog.OVERWRITE


@pytest.fixture
def stream_id(db) -> int:
    with db.session() as s:
        stream = make_stream(s, start="2026-11-15 20:00", minutes=30)
        for kind, title, start, minutes in (("opening", "开场", 0, 5), ("pitch", "讲解：护手霜", 5, 10),
                                            ("interaction", "互动", 15, 5)):
            scripts.add_segment(s, stream.id, kind=kind, title=title, start_seconds=start * 60,
                                duration_seconds=minutes * 60, host_lines=f"{title}的话术")
        return stream.id


@pytest.fixture
def tab(qtbot, db, paths, stream_id, monkeypatch):
    widget = ScriptTab(db, paths)
    qtbot.addWidget(widget)
    widget.resize(1400, 850)
    widget.show()
    widget.select_stream(stream_id)
    widget.confirm = lambda *a: True
    widget.messages = []
    widget.status_message.connect(lambda text, _ms: widget.messages.append(text))
    widget.errors = []
    for module in ("rehearsal", "teammates", "files"):  # every module of the tab that shows errors
        monkeypatch.setattr(f"livedesk.ui.script.{module}.show_error", lambda *a, **k: widget.errors.append(a))
    return widget


def answer(monkeypatch, *choices: int, meanwhile=None) -> list[ConflictDialog]:
    """Press these buttons in the conflict dialogs shown, in turn; returns the dialogs. `meanwhile` runs while
    the first dialog is open (a teammate saving again)."""
    shown: list[ConflictDialog] = []
    answers = iter(choices)

    def fake_exec(dialog):
        shown.append(dialog)
        if meanwhile is not None and len(shown) == 1:
            meanwhile()
        return next(answers)

    monkeypatch.setattr(ConflictDialog, "exec", fake_exec)
    return shown


def rows_of(dialog: ConflictDialog) -> dict[str, list[str]]:
    return {r[0]: r[1:] for r in dialog.model.rows}


def saved(db, stream_id) -> list[tuple[str, int, int]]:
    with db.session() as s:
        return [(x.title, x.start_seconds, x.duration_seconds) for x in scripts.list_segments(s, stream_id)]


def segment(db, stream_id, title: str):
    with db.session() as s:
        found = [x for x in scripts.list_segments(s, stream_id) if x.title == title]
        return scripts.segment_to_dict(found[0]) | {"id": found[0].id} if found else None


def ids(tab) -> list[int]:
    return [r.id for r in tab.model.rows()]


def drag(widget, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, modifier, start)
    for i in range(1, 7):
        p = start + (end - start) * i / 6
        QTest.mouseMove(widget, QPoint(int(p.x()), int(p.y())))
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, modifier, end)


def resize_second_block(tab, seconds: int) -> None:
    """Drag the right edge of 讲解's block by `seconds` (2 px per second; snapped to 30 s)."""
    view = tab.timeline
    view.set_zoom(2.0)
    rect = view.block_rect(tab.model.row_at(1).id)
    edge = QPoint(int(rect.right()) - 2, int(rect.center().y()))
    drag(view, edge, edge + QPoint(2 * seconds, 0))


# --- timeline drags -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("choice", [RELOAD, OVERWRITE])
def test_a_drag_after_a_teammate_moved_a_segment(tab, db, teammate, stream_id, monkeypatch, choice):
    a, b, c = ids(tab)
    with teammate.session() as s:  # they drag 互动 to 16:00; my timeline still shows 15:00
        scripts.set_segment_times(s, stream_id, {c: (960, 300)})
    shown = answer(monkeypatch, choice)
    resize_second_block(tab, 120)  # 讲解 10:00 → 12:00
    assert len(shown) == 1 and tab.errors == []
    rows = rows_of(shown[0])
    assert rows["讲解：护手霜"] == ["5:00 + 12:00", "5:00 + 10:00", "5:00 + 12:00"]  # start + length
    assert rows["互动"][1:] == ["16:00 + 5:00", "16:00 + 5:00"]  # theirs, kept after overwrite
    if choice == RELOAD:
        assert saved(db, stream_id) == [("开场", 0, 300), ("讲解：护手霜", 300, 600), ("互动", 960, 300)]
        assert tab.undo_stack.count() == 0
        assert tab.model.row_at(2).start_seconds == 960  # the tab shows theirs
        assert tab.messages[-1] == "Reloaded: your change was discarded."
    else:
        assert saved(db, stream_id) == [("开场", 0, 300), ("讲解：护手霜", 300, 720), ("互动", 960, 300)]
        tab.undo_stack.undo()  # back to theirs, not to what I first saw
        assert saved(db, stream_id) == [("开场", 0, 300), ("讲解：护手霜", 300, 600), ("互动", 960, 300)]


def test_a_drag_after_a_teammate_reordered_shows_the_running_order(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    with teammate.session() as s:
        scripts.move_segment(s, c, 0, repack=False)
    shown = answer(monkeypatch, OVERWRITE)
    resize_second_block(tab, 60)
    rows = rows_of(shown[0])
    assert rows["Running order"][:2] == ["开场 → 讲解：护手霜 → 互动", "互动 → 开场 → 讲解：护手霜"]
    with db.session() as s:  # keyed by id: my new length went to 讲解, wherever it is now
        assert [(x.id, x.duration_seconds) for x in scripts.list_segments(s, stream_id)] == [
            (c, 300), (a, 300), (b, 660)]


def test_a_drag_without_a_teammate_asks_nothing(tab, db, stream_id, monkeypatch):
    shown = answer(monkeypatch)
    resize_second_block(tab, 120)
    assert shown == [] and saved(db, stream_id)[1] == ("讲解：护手霜", 300, 720)


def test_undoing_a_drag_after_a_teammate_changed_the_times(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    resize_second_block(tab, 120)
    with teammate.session() as s:
        scripts.set_segment_times(s, stream_id, {b: (300, 900)})
    shown = answer(monkeypatch, RELOAD)
    tab.undo_stack.undo()
    assert len(shown) == 1
    assert rows_of(shown[0])["讲解：护手霜"] == ["5:00 + 10:00", "5:00 + 15:00", "5:00 + 10:00"]
    assert saved(db, stream_id)[1] == ("讲解：护手霜", 300, 900)  # theirs kept
    assert tab.undo_stack.count() == 0 and not tab.undo_stack.canRedo()


# --- deleting -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("choice", [RELOAD, OVERWRITE])
def test_delete_after_a_teammate_edited_the_segment(tab, db, teammate, stream_id, monkeypatch, choice):
    a, b, c = ids(tab)
    with teammate.session() as s:
        scripts.update_segment(s, b, host_lines="他们改的话术", duration_seconds=720)
    shown = answer(monkeypatch, choice)
    tab.select_segment(b)
    tab.delete_segment()
    assert len(shown) == 1 and tab.errors == []
    rows = rows_of(shown[0])
    assert rows["Host lines"] == ["讲解：护手霜的话术", "他们改的话术", "(deleted)"]
    assert rows["duration"] == ["10:00", "12:00", "(deleted)"]
    assert set(rows) == {"Host lines", "duration"}  # only what they changed
    if choice == RELOAD:
        assert segment(db, stream_id, "讲解：护手霜")["host_lines"] == "他们改的话术"
        assert tab.undo_stack.count() == 0 and tab.model.rowCount() == 3
        assert tab.messages == ["Kept: nothing was deleted."]
    else:
        assert segment(db, stream_id, "讲解：护手霜") is None
        tab.undo_stack.undo()  # brings back their version, same id, same place
        back = segment(db, stream_id, "讲解：护手霜")
        assert (back["id"], back["host_lines"], back["duration_seconds"]) == (b, "他们改的话术", 720)
        assert [x[0] for x in saved(db, stream_id)] == ["开场", "讲解：护手霜", "互动"]


def test_delete_after_a_teammate_deleted_it_says_so(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    with teammate.session() as s:
        scripts.delete_segment(s, b)
    shown = answer(monkeypatch)
    tab.select_segment(b)
    tab.delete_segment()
    assert shown == [] and tab.errors == []
    assert tab.messages == ["Someone else already deleted this segment; nothing was changed."]
    assert tab.undo_stack.count() == 0 and ids(tab) == [a, c]


def test_a_teammate_saving_during_the_delete_question_asks_again(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    with teammate.session() as s:
        scripts.update_segment(s, b, title="讲解：面霜")

    def again():
        with teammate.session() as s:
            scripts.update_segment(s, b, notes="又改了")

    shown = answer(monkeypatch, OVERWRITE, RELOAD, meanwhile=again)
    tab.select_segment(b)
    tab.delete_segment()
    assert len(shown) == 2 and "Notes" in rows_of(shown[1])
    assert segment(db, stream_id, "讲解：面霜")["notes"] == "又改了"  # kept: the second answer was Reload


def test_undo_of_a_delete_after_a_teammate_added_a_segment(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    tab.select_segment(b)
    tab.delete_segment()
    with teammate.session() as s:
        scripts.add_segment(s, stream_id, 0, title="预热", start_seconds=0, duration_seconds=60)
    shown = answer(monkeypatch, OVERWRITE)
    tab.undo_stack.undo()
    assert len(shown) == 1
    assert rows_of(shown[0])["Running order"] == ["开场 → 讲解：护手霜 → 互动", "预热 → 开场 → 互动",
                                                  "预热 → 开场 → 讲解：护手霜 → 互动"]
    assert [x[0] for x in saved(db, stream_id)] == ["预热", "开场", "讲解：护手霜", "互动"]
    assert tab.undo_stack.canRedo()


# --- moving and adding ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("choice", [RELOAD, OVERWRITE])
def test_move_after_a_teammate_reordered(tab, db, teammate, stream_id, monkeypatch, choice):
    a, b, c = ids(tab)
    with teammate.session() as s:
        scripts.move_segment(s, c, 0)  # 互动, 开场, 讲解
    shown = answer(monkeypatch, choice)
    tab.select_segment(b)
    tab.move_selected(-1)  # 讲解 to the top, as I saw the order
    assert len(shown) == 1
    assert rows_of(shown[0])["Running order"] == ["讲解：护手霜 → 开场 → 互动", "互动 → 开场 → 讲解：护手霜",
                                                  "讲解：护手霜 → 互动 → 开场"]  # to the top of theirs
    order = [x[0] for x in saved(db, stream_id)]
    if choice == RELOAD:
        assert order == ["互动", "开场", "讲解：护手霜"] and tab.undo_stack.count() == 0
    else:
        assert order == ["讲解：护手霜", "互动", "开场"]
        tab.undo_stack.undo()
        assert [x[0] for x in saved(db, stream_id)] == ["互动", "开场", "讲解：护手霜"]


def test_add_goes_after_the_selected_segment_wherever_it_is_now(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    with teammate.session() as s:
        scripts.move_segment(s, a, 2)  # 讲解, 互动, 开场
    shown = answer(monkeypatch)
    tab.select_segment(b)
    tab.add_segment()
    assert shown == []
    assert [x[0] for x in saved(db, stream_id)] == ["讲解：护手霜", "New segment", "互动", "开场"]


def test_add_after_a_segment_a_teammate_deleted_is_refused(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    with teammate.session() as s:
        scripts.delete_segment(s, b)
    tab.select_segment(b)
    tab.add_segment()
    assert [x[0] for x in saved(db, stream_id)] == ["开场", "互动"]
    assert tab.undo_stack.count() == 0 and tab.errors == []
    assert "nothing was added" in tab.messages[-1]


def test_undo_of_an_add_after_a_teammate_filled_it_in(tab, db, teammate, stream_id, monkeypatch):
    tab.select_segment(ids(tab)[0])
    tab.add_segment()
    new = tab.selected_id()
    with teammate.session() as s:
        scripts.update_segment(s, new, host_lines="他们写的话术")
    shown = answer(monkeypatch, RELOAD)
    tab.undo_stack.undo()
    assert rows_of(shown[0])["Host lines"] == ["—", "他们写的话术", "(deleted)"]
    assert segment(db, stream_id, "New segment")["host_lines"] == "他们写的话术"
    assert tab.undo_stack.count() == 0


# --- undo and redo of field edits ------------------------------------------------------------------------------


@pytest.mark.parametrize("choice", [RELOAD, OVERWRITE])
def test_undo_after_a_teammate_changed_the_same_field(tab, db, teammate, stream_id, monkeypatch, choice):
    a, b, c = ids(tab)
    assert tab.commit_edit(b, "title", "讲解：我的标题")
    with teammate.session() as s:
        scripts.update_segment(s, b, title="讲解：他们的标题")
    shown = answer(monkeypatch, choice)
    tab.undo_stack.undo()
    assert len(shown) == 1 and tab.errors == []
    assert shown[0].model.rows[0][1:] == ["讲解：护手霜", "讲解：他们的标题", "讲解：护手霜"]
    assert shown[0].overwrite_button.text() == "Undo anyway"
    title = saved(db, stream_id)[1][0]
    if choice == RELOAD:
        assert title == "讲解：他们的标题"  # their value is kept
        assert tab.undo_stack.count() == 0 and not tab.undo_stack.canUndo() and not tab.undo_stack.canRedo()
        assert tab.messages[-1].startswith("Kept their version")
        assert tab.model.row_at(1).title == "讲解：他们的标题"
    else:
        assert title == "讲解：护手霜"  # mine (the value before my edit)
        assert tab.undo_stack.index() == 0 and tab.undo_stack.canRedo()
        tab.undo_stack.redo()
        assert saved(db, stream_id)[1][0] == "讲解：我的标题"


def test_redo_after_a_teammate_changed_the_same_field(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    assert tab.commit_edit(b, "title", "讲解：我的标题")
    tab.undo_stack.undo()
    with teammate.session() as s:
        scripts.update_segment(s, b, title="讲解：他们的标题")
    shown = answer(monkeypatch, RELOAD)
    tab.undo_stack.redo()
    assert shown[0].overwrite_button.text() == "Redo anyway"
    assert saved(db, stream_id)[1][0] == "讲解：他们的标题"
    assert tab.undo_stack.count() == 0 and tab.messages[-1].startswith("Kept their version")


def test_undo_and_redo_without_a_teammate_ask_nothing(tab, db, stream_id, monkeypatch):
    a, b, c = ids(tab)
    shown = answer(monkeypatch)
    assert tab.commit_edit(b, "title", "讲解：我的标题")
    resize_second_block(tab, 60)
    tab.select_segment(c)
    tab.move_selected(-1)
    tab.delete_segment()
    for _ in range(4):
        tab.undo_stack.undo()
    assert saved(db, stream_id) == [("开场", 0, 300), ("讲解：护手霜", 300, 600), ("互动", 900, 300)]
    for _ in range(4):
        tab.undo_stack.redo()
    assert [x[0] for x in saved(db, stream_id)] == ["开场", "讲解：我的标题"]
    assert shown == [] and tab.errors == [] and tab.undo_stack.index() == 4


def test_undo_of_an_edit_of_a_segment_a_teammate_deleted(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    assert tab.commit_edit(b, "title", "讲解：我的标题")
    with teammate.session() as s:
        scripts.delete_segment(s, b)
    shown = answer(monkeypatch)
    tab.undo_stack.undo()
    assert shown == [] and tab.errors == [] and tab.undo_stack.count() == 0
    assert "deleted the segment" in tab.messages[-1]
    assert [x[0] for x in saved(db, stream_id)] == ["开场", "互动"]


# --- replacing the whole script ----------------------------------------------------------------------------------


@pytest.mark.parametrize("choice", [RELOAD, OVERWRITE])
def test_undo_of_a_template_after_a_teammate_edited_the_new_script(tab, db, teammate, stream_id, monkeypatch, choice):
    tab.build_from_template("daily")
    first = saved(db, stream_id)[0]
    with teammate.session() as s:
        segment_id = scripts.list_segments(s, stream_id)[0].id
        scripts.update_segment(s, segment_id, host_lines="他们补的开场话术")
    shown = answer(monkeypatch, choice)
    tab.undo_stack.undo()
    assert len(shown) == 1
    assert rows_of(shown[0])[f"{first[0]} · Host lines"][1] == "他们补的开场话术"
    if choice == RELOAD:
        assert segment(db, stream_id, first[0])["host_lines"] == "他们补的开场话术"
        assert len(saved(db, stream_id)) > 3 and tab.undo_stack.count() == 0
    else:
        assert [x[0] for x in saved(db, stream_id)] == ["开场", "讲解：护手霜", "互动"]


# --- a reload while the mouse is down (the change watcher, a background task) -------------------------------------


@pytest.mark.parametrize("choice", [RELOAD, OVERWRITE])
def test_a_reload_during_a_drag_still_checks_what_the_drag_began_with(tab, db, teammate, stream_id, monkeypatch,
                                                                      choice):
    a, b, c = ids(tab)
    shown = answer(monkeypatch, choice)
    view = tab.timeline
    view.set_zoom(2.0)
    rect = view.block_rect(b)
    edge = QPoint(int(rect.right()) - 2, int(rect.center().y()))
    QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    with teammate.session() as s:  # they move 互动 to 20:00, and the window shows it while my mouse is down
        scripts.set_segment_times(s, stream_id, {c: (1200, 300)})
    tab.reload()
    for i in range(1, 7):
        QTest.mouseMove(view, edge + QPoint(40 * i, 0))
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge + QPoint(240, 0))
    assert len(shown) == 1 and tab.errors == []  # checked against the layout the drag began from
    assert rows_of(shown[0])["互动"] == ["15:00 + 5:00", "20:00 + 5:00", "20:00 + 5:00"]
    length = 600 if choice == RELOAD else 720
    assert saved(db, stream_id) == [("开场", 0, 300), ("讲解：护手霜", 300, length), ("互动", 1200, 300)]


def test_a_reload_during_a_shift_drag_checks_the_order_it_began_with(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    shown = answer(monkeypatch, RELOAD)
    view = tab.timeline
    view.set_zoom(2.0)
    rect = view.block_rect(a)
    start = QPoint(int(rect.center().x()), int(rect.center().y()))
    QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, start)
    with teammate.session() as s:  # 互动 first
        scripts.move_segment(s, c, 0)
    tab.reload()
    drag_to = start + QPoint(2 * 600, 0)  # 开场 past 讲解: second in the order I saw
    for i in range(1, 7):
        QTest.mouseMove(view, start + (drag_to - start) * i / 6)
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, drag_to)
    assert len(shown) == 1
    assert rows_of(shown[0])["Running order"][:2] == ["讲解：护手霜 → 开场 → 互动", "互动 → 开场 → 讲解：护手霜"]
    assert [x[0] for x in saved(db, stream_id)] == ["互动", "开场", "讲解：护手霜"]  # theirs kept
    assert tab.undo_stack.count() == 0


def test_a_shift_drag_of_a_segment_deleted_meanwhile_says_so(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    shown = answer(monkeypatch)
    view = tab.timeline
    view.set_zoom(2.0)
    rect = view.block_rect(b)
    start = QPoint(int(rect.center().x()), int(rect.center().y()))
    QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, start)
    with teammate.session() as s:
        scripts.delete_segment(s, b)
    tab.reload()
    for i in range(1, 7):  # 讲解 past 互动
        QTest.mouseMove(view, start + QPoint(200 * i, 0))
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, start + QPoint(1200, 0))
    assert shown == [] and tab.errors == [] and tab.undo_stack.count() == 0
    assert tab.messages[-1] == "Someone else deleted the segment, so “Move segment” was not saved."
    assert [x[0] for x in saved(db, stream_id)] == ["开场", "互动"]


def test_the_change_watcher_waits_while_a_mouse_button_is_held(tab):
    from livedesk.ui import change_watcher

    view = tab.timeline
    rect = view.block_rect(ids(tab)[1])
    point = QPoint(int(rect.center().x()), int(rect.center().y()))
    tab.table.setFocus()
    assert not change_watcher.user_is_editing()
    QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert change_watcher.user_is_editing()  # a drag is on: a refresh now would change what it began from
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert not change_watcher.user_is_editing()


def test_times_for_a_different_number_of_segments_are_refused(tab, db, stream_id):
    with pytest.raises(ValueError):
        tab.set_times([(0, 240)])  # one span for three segments: never zipped silently
    with pytest.raises(ValueError):
        tab.set_times([(0, 240), (300, 600), (900, 300), (1200, 60)])
    assert saved(db, stream_id)[0] == ("开场", 0, 300) and tab.undo_stack.count() == 0


# --- whole-script replacement and undo history ----------------------------------------------------------------------


def test_undo_across_a_template_keeps_my_earlier_steps(tab, db, stream_id, monkeypatch):
    with db.session() as s:  # segments with higher ids elsewhere: freed ids are not simply handed out again
        other = make_stream(s, start="2026-11-16 20:00", minutes=30)
        scripts.add_segment(s, other.id, title="别的直播", duration_seconds=300)
    shown = answer(monkeypatch)
    a, b, c = ids(tab)
    assert tab.commit_edit(b, "title", "讲解：我的标题")
    tab.build_from_template("daily")
    tab.undo_stack.undo()  # the template: my script is back, under the same segment ids
    assert ids(tab) == [a, b, c]
    tab.undo_stack.undo()  # my title edit: nobody else touched that segment
    assert shown == [] and tab.errors == [] and tab.messages == []
    assert [x[0] for x in saved(db, stream_id)] == ["开场", "讲解：护手霜", "互动"]
    tab.undo_stack.redo()
    tab.undo_stack.redo()
    tab.undo_stack.undo()
    assert [x[0] for x in saved(db, stream_id)] == ["开场", "讲解：我的标题", "互动"]
    assert shown == [] and tab.undo_stack.index() == 1


@pytest.mark.parametrize("choice", [RELOAD, OVERWRITE])
def test_a_template_over_a_script_a_teammate_changed_since_i_saw_it(tab, db, teammate, stream_id, monkeypatch,
                                                                     choice):
    a, b, c = ids(tab)
    with teammate.session() as s:  # my window still shows the old host lines
        scripts.update_segment(s, b, host_lines="他们新写的话术")
    shown = answer(monkeypatch, choice)
    tab.build_from_template("daily")
    assert len(shown) == 1
    assert rows_of(shown[0])["讲解：护手霜 · Host lines"] == ["讲解：护手霜的话术", "他们新写的话术",
                                                            "(whole script replaced)"]
    if choice == RELOAD:
        assert segment(db, stream_id, "讲解：护手霜")["host_lines"] == "他们新写的话术"
        assert tab.undo_stack.count() == 0 and tab.messages[-1] == "Reloaded: your change was discarded."
    else:
        assert len(saved(db, stream_id)) > 3
        tab.undo_stack.undo()  # back to their version, not to what I first saw
        assert segment(db, stream_id, "讲解：护手霜")["host_lines"] == "他们新写的话术"


def test_a_refused_edit_keeps_the_redo_history(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    answer(monkeypatch, RELOAD)
    assert tab.commit_edit(a, "title", "开场：我的")
    tab.undo_stack.undo()
    with teammate.session() as s:
        scripts.update_segment(s, c, title="互动：他们的")
    assert not tab.commit_edit(c, "title", "互动：我的")  # refused: Reload
    assert tab.undo_stack.canRedo() and tab.undo_stack.count() == 1
    tab.undo_stack.redo()
    assert [x[0] for x in saved(db, stream_id)] == ["开场：我的", "讲解：护手霜", "互动：他们的"]


# --- approval ----------------------------------------------------------------------------------------------------


def approved(db, stream_id) -> bool:
    with db.session() as s:
        return scripts.get_script(s, stream_id).approved


@pytest.mark.parametrize("choice", [RELOAD, OVERWRITE])
def test_redo_of_an_approval_after_a_teammate_added_risky_lines(tab, db, teammate, stream_id, monkeypatch, choice):
    a, b, c = ids(tab)
    shown = answer(monkeypatch, choice)
    tab.approve_action.trigger()
    assert approved(db, stream_id)
    tab.undo_stack.undo()
    with teammate.session() as s:
        scripts.update_segment(s, b, host_lines="最好的，全网最低")
    tab.undo_stack.redo()
    assert len(shown) == 1 and shown[0].overwrite_button.text() == "Approve anyway"
    assert rows_of(shown[0])["讲解：护手霜 · Host lines"] == ["讲解：护手霜的话术", "最好的，全网最低", "最好的，全网最低"]
    if choice == RELOAD:
        assert not approved(db, stream_id) and not tab.approve_action.isChecked()
        assert tab.messages[-1] == "Not approved: someone else changed the script. Review their changes first."
        assert tab.undo_stack.count() == 0
    else:
        assert approved(db, stream_id) and tab.approve_action.isChecked()


def test_approving_a_script_a_teammate_changed_since_i_saw_it_asks_first(tab, db, teammate, stream_id, monkeypatch):
    a, b, c = ids(tab)
    with teammate.session() as s:  # my window still shows the old lines
        scripts.update_segment(s, c, host_lines="全网最低价")
    shown = answer(monkeypatch, RELOAD)
    tab.approve_action.trigger()
    assert len(shown) == 1 and not approved(db, stream_id)
    assert tab.model.row_at(2).host_lines == "全网最低价"  # the tab shows theirs, to review
    assert tab.undo_stack.count() == 0 and not tab.approve_action.isChecked()


def test_withdrawing_an_approval_is_never_refused(tab, db, teammate, stream_id, monkeypatch):
    shown = answer(monkeypatch)
    tab.approve_action.trigger()
    with teammate.session() as s:  # their edit withdraws the approval and changes the script
        scripts.update_segment(s, ids(tab)[0], notes="他们的备注")
        scripts.set_approved(s, stream_id)
    tab.reload()
    tab.approve_action.trigger()  # withdraw
    assert shown == [] and not approved(db, stream_id)


# --- one step at a time ----------------------------------------------------------------------------------------


def test_an_edit_asked_for_during_a_conflict_question_waits_for_it(tab, db, teammate, stream_id, monkeypatch, qtbot):
    from PySide6.QtGui import QUndoGroup

    group = QUndoGroup(tab)
    group.addStack(tab.undo_stack)
    group.setActiveStack(tab.undo_stack)
    a, b, c = ids(tab)
    assert tab.commit_edit(b, "title", "讲解：我的标题")
    with teammate.session() as s:
        scripts.update_segment(s, b, title="讲解：他们的标题")
    during = {}

    def meanwhile():  # e.g. a background task finishing, or the autosave timer, while the question is open
        during["pushed"] = tab.commit_edit(c, "notes", "我的备注")
        during["can_undo"] = group.canUndo()
        during["notes"] = segment(db, stream_id, "互动")["notes"]

    answer(monkeypatch, RELOAD, meanwhile=meanwhile)
    tab.undo_stack.undo()
    assert during == {"pushed": False, "can_undo": False, "notes": ""}  # not saved in the middle of the undo
    assert tab.undo_stack.count() == 0 and group.activeStack() is tab.undo_stack
    qtbot.waitUntil(lambda: tab.undo_stack.count() == 1)  # saved once the undo was over
    assert segment(db, stream_id, "互动")["notes"] == "我的备注"
    assert tab.undo_stack.index() == 1 and tab.undo_stack.text(0) == "Edit notes of “互动”"
    tab.undo_stack.undo()
    assert segment(db, stream_id, "互动")["notes"] == ""


def test_a_failing_conflict_question_counts_as_keeping_theirs(tab, db, teammate, stream_id, monkeypatch, caplog):
    a, b, c = ids(tab)
    assert tab.commit_edit(b, "title", "讲解：我的标题")
    with teammate.session() as s:
        scripts.update_segment(s, b, title="讲解：他们的标题")

    def broken(dialog):
        raise RuntimeError("the dialog could not be shown")

    monkeypatch.setattr(ConflictDialog, "exec", broken)
    tab.undo_stack.undo()  # nothing escapes QUndoStack's virtual undo()
    assert saved(db, stream_id)[1][0] == "讲解：他们的标题"
    assert tab.undo_stack.count() == 0
    assert "the dialog could not be shown" in caplog.text


def test_a_script_error_is_shown_in_its_own_words(qtbot):
    from livedesk.ui.errors import user_error_text

    assert user_error_text(scripts.ScriptError("A segment must last at least one second.")) == (
        "A segment must last at least one second.")
