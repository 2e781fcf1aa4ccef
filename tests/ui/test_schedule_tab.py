"""The schedule tab driven as a user would: create, edit, duplicate, delete, undo, filter, conflicts, import."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt

from livedesk.services import schedule
from livedesk.ui.schedule.stream_dialog import StreamDialog
from livedesk.ui.schedule.tab import ScheduleTab
from livedesk.ui.schedule.table_model import StreamTableModel


@pytest.fixture
def tab(qtbot, db, paths):
    widget = ScheduleTab(db, paths)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def answer_dialog(monkeypatch, fill):
    """Replace the modal exec() with one that lets the test type into the dialog, then presses OK."""

    def fake_exec(dialog):
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(StreamDialog, "exec", fake_exec)


def titles(tab) -> list[str]:
    return [tab.proxy.index(r, 1).data() for r in range(tab.proxy.rowCount())]


def test_create_a_stream_then_undo_and_redo(qtbot, tab, monkeypatch):
    def fill(dialog):
        dialog.title_edit.setText("周五美妆专场")
        dialog.minutes_spin.setValue(180)
        dialog.account_combo.set_text("小薇的好物直播间")
        dialog.gmv_edit.setText("8万")

    answer_dialog(monkeypatch, fill)
    tab.new_action.trigger()
    assert titles(tab) == ["周五美妆专场"]
    with tab.db.session() as session:
        [row] = schedule.list_streams(session)
    assert row.planned_minutes == 180 and row.gmv_target == 80000
    tab.undo_stack.undo()
    assert titles(tab) == []
    tab.undo_stack.redo()
    assert titles(tab) == ["周五美妆专场"]


def test_dialog_refuses_an_empty_title_and_says_why(qtbot):
    dialog = StreamDialog(schedule.StreamData(title="", start_at=dt.datetime.now().astimezone(), planned_minutes=60), [])
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0
    assert "title is empty" in dialog.error_label.text()


@pytest.mark.parametrize(("typed", "saved"), [("5万", "50000"), ("1.2w", "12000"), ("3k", "3000"),
                                             ("¥50,000", "50000"), ("8000.5", "8000.50"), ("", None)])
def test_gmv_goal_reads_amounts_as_teams_write_them(qtbot, typed, saved):
    dialog = StreamDialog(schedule.StreamData(title="专场", start_at=dt.datetime.now().astimezone(), planned_minutes=60),
                          [])
    qtbot.addWidget(dialog)
    dialog.gmv_edit.setText(typed)
    dialog.accept()
    assert dialog.result() == 1, dialog.error_label.text()
    assert dialog.result_data().gmv_target == (None if saved is None else Decimal(saved))
    if saved:
        assert dialog.gmv_edit.reading.text() == f"= ¥{Decimal(saved):,.2f}"


@pytest.mark.parametrize("typed", ["很多", "5万元多", "0.001", "-500", "1e30"])
def test_gmv_goal_it_cannot_read_is_refused_with_a_message(qtbot, typed):
    dialog = StreamDialog(schedule.StreamData(title="专场", start_at=dt.datetime.now().astimezone(), planned_minutes=60),
                          [])
    qtbot.addWidget(dialog)
    dialog.gmv_edit.setText(typed)
    dialog.accept()
    assert dialog.result() == 0
    assert "GMV goal" in dialog.error_label.text()
    assert dialog.gmv_edit.reading.text().startswith("Not an amount")


def test_an_existing_gmv_goal_shows_as_typed_and_saves_unchanged(qtbot):
    data = schedule.StreamData(title="专场", start_at=dt.datetime.now().astimezone().replace(second=0, microsecond=0),
                               planned_minutes=60, gmv_target=Decimal("50000.00"))
    dialog = StreamDialog(data, [])
    qtbot.addWidget(dialog)
    assert dialog.gmv_edit.text() == "50,000"
    assert dialog.result_data().gmv_target == Decimal("50000")


def test_edit_changes_the_row_and_undo_restores_it(qtbot, tab, demo_db, monkeypatch):
    tab.reload()
    first_title = titles(tab)[0]
    tab.table.selectRow(0)
    answer_dialog(monkeypatch, lambda d: (d.title_edit.clear(), d.title_edit.setText("改过的标题")))
    tab.edit_action.trigger()
    assert "改过的标题" in titles(tab)
    tab.undo_stack.undo()
    assert first_title in titles(tab) and "改过的标题" not in titles(tab)


def test_duplicate_goes_to_next_week_as_planned(tab, demo_db):
    tab.reload()
    tab.table.selectRow(0)
    source = tab.model.stream_at(tab.proxy.mapToSource(tab.proxy.index(0, 0)).row())
    before = tab.model.rowCount()
    tab.duplicate_action.trigger()
    assert tab.model.rowCount() == before + 1
    copies = [s for s in tab.model.rows() if s.title == source.title and s.start_at == source.start_at + dt.timedelta(days=7)]
    assert copies and copies[-1].status == "planned"


def test_delete_then_undo_brings_the_stream_back(tab, demo_db):
    tab.reload()
    before = tab.model.rowCount()
    tab.table.selectRow(0)
    tab.delete_action.trigger()
    assert tab.model.rowCount() == before - 1
    tab.undo_stack.undo()
    assert tab.model.rowCount() == before


def test_filters_by_platform_status_person_month_and_text(qtbot, tab, demo_db):
    tab.reload()
    total = tab.proxy.rowCount()
    tab.platform_combo.setCurrentIndex(tab.platform_combo.findData("kuaishou"))
    assert 0 < tab.proxy.rowCount() < total
    assert all(tab.proxy.index(r, 2).data() == "Kuaishou" for r in range(tab.proxy.rowCount()))
    tab.platform_combo.setCurrentIndex(0)
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("planned"))
    assert all(tab.proxy.index(r, 5).data() == "Planned" for r in range(tab.proxy.rowCount()))
    tab.status_combo.setCurrentIndex(0)
    tab.person_combo.setCurrentIndex(tab.person_combo.findData("老周"))
    assert 0 < tab.proxy.rowCount() < total
    tab.person_combo.setCurrentIndex(0)
    tab.month_combo.setCurrentIndex(tab.month_combo.findData("2026-12"))
    assert 0 < tab.proxy.rowCount() < total
    tab.month_combo.setCurrentIndex(0)
    tab.search_edit.setText("双十二")  # QTest cannot type CJK characters; setText fires textChanged as typing does
    assert tab.proxy.rowCount() > 0 and all("双十二" in t for t in titles(tab))
    assert "stream(s) shown" in tab.count_label.text()


def test_conflicts_are_flagged_on_the_rows_and_in_the_calendar(tab, demo_db):
    tab.reload()
    flagged = [s for s in tab.model.rows() if tab.model.conflicts_of(s.id)]
    assert len(flagged) == 2  # the demo's double-booked evening
    row = tab.model.row_of(flagged[0].id)
    tooltip = tab.model.index(row, StreamTableModel.COLUMNS.index("conflicts")).data(Qt.ItemDataRole.ToolTipRole)
    assert "小薇" in tooltip and "at the same time" in tooltip
    assert {s.id for s in flagged} <= tab.calendar.conflicted


def test_calendar_month_and_week_views_show_the_streams(qtbot, tab, demo_db):
    tab.reload()
    tab.view_combo.setCurrentIndex(tab.view_combo.findData("month"))
    tab.calendar.go_to(dt.date(2026, 11, 23))
    tab.calendar.repaint()
    assert tab.views.currentIndex() == 1
    assert tab.calendar._hits, "chips were painted"
    rect, stream_id = tab.calendar._hits[0]
    qtbot.mouseClick(tab.calendar, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert tab.selected_ids() == [stream_id]
    tab.view_combo.setCurrentIndex(tab.view_combo.findData("week"))
    tab.calendar.repaint()
    assert len(tab.calendar.days()) == 7


def _schedule_workbook(path, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["11月排期表"])
    sheet.append(["标题", "开播时间", "时长(分钟)", "平台", "账号", "主播"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def test_import_preview_shows_bad_rows_and_imports_nothing(tab, tmp_path, monkeypatch):
    path = tmp_path / "排期表.xlsx"
    _schedule_workbook(path, [
        ["周一日常场", "2026-12-07 20:00", 120, "抖音", "小薇的好物直播间", "小薇"],
        ["周二日常场", "明天晚上", 120, "抖音", "小薇的好物直播间", "小薇"],
    ])
    from livedesk.ui.schedule.import_dialog import ScheduleImportDialog

    monkeypatch.setattr(ScheduleImportDialog, "exec", lambda d: 1)
    tab.import_schedule(str(path))
    dialog = tab.last_import_dialog
    assert not dialog.import_button.isEnabled()
    assert dialog.problems_model.rowCount() >= 1
    assert any(row[0] == 4 for row in dialog.problems_model.rows)  # Excel row 4 holds 明天晚上
    assert tab.model.rowCount() == 0


def test_import_good_file_then_undo(tab, tmp_path, monkeypatch):
    path = tmp_path / "排期表.xlsx"
    _schedule_workbook(path, [
        ["周一日常场", "2026-12-07 20:00", 120, "抖音", "小薇的好物直播间", "小薇"],
        ["周二日常场", "2026-12-08 20:00", 90, "快手", "薇选生活馆", "林林"],
    ])
    from livedesk.ui.schedule.import_dialog import ScheduleImportDialog

    monkeypatch.setattr(ScheduleImportDialog, "exec", lambda d: 1)
    tab.import_schedule(str(path))
    assert sorted(titles(tab)) == ["周一日常场", "周二日常场"]
    tab.undo_stack.undo()
    assert titles(tab) == []


def test_export_writes_a_workbook_that_imports_back(tab, demo_db, tmp_path):
    tab.reload()
    out = tmp_path / "out.xlsx"
    tab.export_schedule(str(out))
    from livedesk.services.importers.schedule_sheet import preview_schedule

    preview = preview_schedule(out)
    assert preview.problems == []
    assert len(preview.rows) == tab.model.rowCount()


def test_stream_table_model_passes_the_model_tester(qtmodeltester, db, demo_db):
    model = StreamTableModel()
    with db.session() as session:
        rows = schedule.list_streams(session)
    model.set_rows(rows, schedule.conflicts_by_stream(schedule.find_conflicts(rows)))
    qtmodeltester.check(model)


def test_roster_dialog_adds_a_person(qtbot, db):
    from livedesk.ui.schedule.roster_dialog import RosterDialog

    dialog = RosterDialog(db)
    qtbot.addWidget(dialog)
    dialog._new_person()
    dialog.name_edit.setText("阿强")
    dialog.role_boxes["paid_traffic"].setChecked(True)
    dialog._save()
    with db.session() as session:
        [person] = schedule.list_people(session)
    assert person.name == "阿强" and person.usual_roles == "paid_traffic"
    dialog._save()  # saving the same name again for the same person is fine
    dialog._new_person()
    dialog.name_edit.setText("阿强")
    dialog._save()
    assert "already on the roster" in dialog.error_label.text()


def test_a_refused_edit_leaves_the_undo_stack_and_data_unchanged(tab, demo_db, monkeypatch):
    tab.reload()
    tab.table.selectRow(0)
    shown = []
    monkeypatch.setattr("livedesk.ui.schedule.tab.show_error", lambda parent, exc, title=None: shown.append(str(exc)))

    def fill(dialog):
        dialog.title_edit.setText("改了")
        dialog.people_rows[0][1].setCurrentIndex(0)

    answer_dialog(monkeypatch, fill)
    monkeypatch.setattr(schedule, "update_stream", lambda *a, **k: (_ for _ in ()).throw(schedule.ValidationError("refused")))
    tab.edit_action.trigger()
    assert shown == ["refused"]
    assert tab.undo_stack.count() == 0
    assert "改了" not in titles(tab)


def test_marking_rehearsed_with_open_findings_needs_confirmation(tab, demo_db, monkeypatch):
    tab.reload()
    scripted = next(s for s in tab.model.rows() if s.status == "scripted")
    tab.select_stream(scripted.id)
    answer_dialog(monkeypatch, lambda d: d.status_combo.setCurrentIndex(d.status_combo.findData("rehearsed")))
    asked = []
    tab.confirm = lambda title, text: (asked.append(text), False)[1]
    tab.edit_action.trigger()
    assert asked and "problem" in asked[0]  # no rehearsal has been timed yet, at least
    with tab.db.session() as session:
        assert schedule.get_stream_data(session, scripted.id).status == "scripted"
    tab.confirm = lambda title, text: True
    tab.edit_action.trigger()
    with tab.db.session() as session:
        assert schedule.get_stream_data(session, scripted.id).status == "rehearsed"


def test_accounts_and_people_are_picked_from_lists_with_an_explicit_new_entry(qtbot):
    data = schedule.StreamData(title="周五专场", start_at=dt.datetime.now().astimezone(), planned_minutes=60,
                               account="小薇的好物直播间", people=[("阿杰", "host")])
    dialog = StreamDialog(data, ["阿杰", "林林"], accounts=["小薇的好物直播间", "山野旗舰店"])
    qtbot.addWidget(dialog)
    account = dialog.account_combo
    assert not account.isEditable()  # no free typing: a typo cannot make a phantom account
    assert account.text() == "小薇的好物直播间" and account.names() == ["小薇的好物直播间", "山野旗舰店"]
    new_entry = account.findText("New account…")
    account.ask = lambda title, label: " 山野旗舰店 "  # the same account typed again: the existing one is picked
    account.activated.emit(new_entry)
    assert account.text() == "山野旗舰店" and len(account.names()) == 2
    account.ask = lambda title, label: None  # cancelled: the previous choice stays
    account.activated.emit(new_entry)
    assert account.text() == "山野旗舰店"
    account.ask = lambda title, label: "新号直播间"
    account.activated.emit(new_entry)
    assert account.text() == "新号直播间"
    dialog.people_grid.itemAtPosition(100, 0).widget().click()  # Add person
    first, second = dialog.people_rows[0][0], dialog.people_rows[1][0]
    assert first.text() == "阿杰" and second.text() == "" and not second.isEditable()
    second.ask = lambda title, label: "小薇"
    second.activated.emit(second.findText("New person…"))
    assert second.text() == "小薇" and "小薇" in first.names()  # offered in the other rows too
    result = dialog.result_data()
    assert result.account == "新号直播间" and result.people == [("阿杰", "host"), ("小薇", "host")]
