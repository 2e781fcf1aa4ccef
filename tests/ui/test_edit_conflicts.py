"""No silent lost update on the Products and Schedule tabs, as a team sees it. A teammate is a second Database
on the same file, saving between the user seeing a record and the user's save, undo, redo or delete: the
conflict dialog appears (its exec is patched to answer), Reload/Keep leaves theirs, Overwrite/Go ahead
writes only what the user changed, and a step that cannot be replayed leaves the undo history instead of
leaving the stack inconsistent."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from livedesk.services import lineups, products, schedule, scripts
from livedesk.services.importers.product_sheet import preview_rows
from livedesk.ui.conflict_dialog import ConflictDialog
from livedesk.ui.products.commands import EditProduct, ImportProducts
from livedesk.ui.products.tab import ProductsTab
from livedesk.ui.schedule.commands import CreateStreams
from livedesk.ui.schedule.tab import ScheduleTab

START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
RELOAD, OVERWRITE = ConflictDialog.RELOAD, ConflictDialog.OVERWRITE


def answer_conflicts(monkeypatch, *choices: int) -> list[ConflictDialog]:
    """Patch the dialog's exec to press the given buttons in turn; returns the dialogs shown."""
    shown: list[ConflictDialog] = []
    answers = iter(choices)

    def fake_exec(dialog):
        shown.append(dialog)
        return next(answers)

    monkeypatch.setattr(ConflictDialog, "exec", fake_exec)
    return shown


def table(dialog: ConflictDialog) -> dict[str, list[str]]:
    """Field → [yours, theirs, after]."""
    return {row[0]: row[1:] for row in dialog.model.rows}


def messages(tab) -> list[str]:
    seen: list[str] = []
    tab.status_message.connect(lambda text, _timeout: seen.append(text))
    return seen


def error_texts(widget) -> list[str]:
    return [box.text() for box in widget.findChildren(QMessageBox, "errorDialog")]


# --- products ---------------------------------------------------------------------------------------------


@pytest.fixture
def pid(db) -> int:
    with db.session() as s:
        product = products.create_product(s, {"sku": "A-1", "name": "护手霜", "live_price": "39.9", "notes": "原备注"})
        products.replace_selling_points(s, product.id, [("保湿不黏", "涂在手背")])
        return product.id


@pytest.fixture
def tab(qtbot, db, paths, pid):
    widget = ProductsTab(db, paths)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    assert widget.select_product(pid)
    assert widget.detail.product_id == pid
    return widget


def stored(db, pid: int) -> dict:
    with db.session() as s:
        return products.product_state(s, pid)


def teammate_edits(teammate, pid: int, points=None, **fields) -> None:
    with teammate.session() as s:
        if fields:
            products.update_product(s, pid, fields)
        if points is not None:
            products.replace_selling_points(s, pid, points)


def type_points(panel, *points: tuple[str, str]) -> None:
    panel.points_model.set_pairs([])
    for point, demo in points:
        panel.points_model.add_pair(point, demo)


def test_detail_save_after_a_teammates_save_then_reload_shows_theirs(tab, db, teammate, pid, monkeypatch):
    panel = tab.detail
    teammate_edits(teammate, pid, points=[("队友的卖点", "")], notes="队友的备注")
    shown = answer_conflicts(monkeypatch, RELOAD)
    type_points(panel, ("我的卖点", "现场演示"))
    panel.save_button.click()
    assert len(shown) == 1
    rows = table(shown[0])
    assert rows["Selling points"] == ["我的卖点 — 现场演示", "队友的卖点", "我的卖点 — 现场演示"]
    assert rows["Notes"] == ["原备注", "队友的备注", "队友的备注"]  # only they changed it: theirs stays
    assert [r.field for r in shown[0].rows if r.clash] == ["Selling points"]  # both changed them
    now = stored(db, pid)
    assert (now["selling_points"], now["notes"]) == ((("队友的卖点", ""),), "队友的备注")
    assert tab.undo_stack.count() == 0
    assert panel.points_model.values() == [("队友的卖点", "")]  # the panel shows theirs
    assert panel.notes_edit.toPlainText() == "队友的备注"


def test_detail_save_overwrite_keeps_the_fields_only_they_changed(tab, db, teammate, pid, monkeypatch):
    panel = tab.detail
    teammate_edits(teammate, pid, notes="队友的备注", stock=80)
    shown = answer_conflicts(monkeypatch, OVERWRITE)
    type_points(panel, ("我的卖点", ""))
    panel.save_button.click()
    assert len(shown) == 1
    now = stored(db, pid)
    assert now["selling_points"] == (("我的卖点", ""),)  # mine
    assert (now["notes"], now["stock"]) == ("队友的备注", 80)  # theirs, untouched by my save
    assert tab.undo_stack.count() == 1
    assert panel.notes_edit.toPlainText() == "队友的备注"
    tab.undo_stack.undo()  # back to their version, not to what I first opened
    now = stored(db, pid)
    assert (now["selling_points"], now["notes"]) == ((("保湿不黏", "涂在手背"),), "队友的备注")


def test_detail_photo_after_a_teammates_save_asks_and_overwrite_sets_only_the_photo(tab, db, teammate, pid, tmp_path,
                                                                                    monkeypatch):
    from PySide6.QtGui import QColor, QImage

    photo = tmp_path / "新主图.png"
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(photo))
    teammate_edits(teammate, pid, notes="队友的备注")
    shown = answer_conflicts(monkeypatch, OVERWRITE)
    tab.detail.choose_photo(str(photo))
    assert len(shown) == 1 and table(shown[0])["Photo"][:2] == ["新主图.png", "—"]
    now = stored(db, pid)
    assert now["photo_path"].endswith("新主图.png") and now["notes"] == "队友的备注"


def test_detail_document_after_a_teammate_added_one_keeps_both(tab, db, teammate, pid, paths, tmp_path, monkeypatch):
    theirs, mine = tmp_path / "队友的质检报告.pdf", tmp_path / "我的授权书.pdf"
    theirs.write_bytes(b"%PDF theirs")
    mine.write_bytes(b"%PDF mine")
    with teammate.session() as s:
        products.attach_document(s, pid, theirs, paths.attachments)
    shown = answer_conflicts(monkeypatch, OVERWRITE)
    tab.detail.add_document(str(mine))
    assert len(shown) == 1
    assert table(shown[0])["Documents"] == ["我的授权书.pdf", "队友的质检报告.pdf", "队友的质检报告.pdf\n我的授权书.pdf"]
    assert [name for name, _ in stored(db, pid)["documents"]] == ["队友的质检报告.pdf", "我的授权书.pdf"]
    assert [name for _, name, _, _ in tab.detail.documents] == ["队友的质检报告.pdf", "我的授权书.pdf"]
    tab.undo_stack.undo()  # takes mine away again, theirs stays
    assert [name for name, _ in stored(db, pid)["documents"]] == ["队友的质检报告.pdf"]


def test_detail_save_without_a_teammate_shows_no_dialog_and_saves_again(tab, db, pid, monkeypatch):
    shown = answer_conflicts(monkeypatch)
    panel = tab.detail
    panel.notes_edit.setPlainText("第一次")
    panel.save_button.click()
    panel.notes_edit.setPlainText("第二次")  # the panel now holds the version my first save left
    panel.save_button.click()
    assert shown == [] and stored(db, pid)["notes"] == "第二次" and tab.undo_stack.count() == 2
    panel.save_button.click()  # nothing changed: nothing to save
    assert tab.undo_stack.count() == 2


def test_undo_of_a_detail_save_after_a_teammates_edit(tab, db, teammate, pid, monkeypatch):
    panel = tab.detail
    type_points(panel, ("我的卖点", ""))
    panel.save_button.click()
    teammate_edits(teammate, pid, points=[("队友的卖点", "")])
    status = messages(tab)
    shown = answer_conflicts(monkeypatch, RELOAD)
    tab.undo_stack.undo()
    assert len(shown) == 1
    assert shown[0].reload_button.text() == "Keep theirs" and "Undo" in shown[0].overwrite_button.text()
    assert table(shown[0])["Selling points"] == ["保湿不黏 — 涂在手背", "队友的卖点", "保湿不黏 — 涂在手背"]
    assert stored(db, pid)["selling_points"] == (("队友的卖点", ""),)  # their value kept
    assert tab.undo_stack.count() == 0 and not tab.undo_stack.canRedo()  # the step left the history
    assert any("undo history" in text for text in status)
    assert panel.points_model.values() == [("队友的卖点", "")]


def test_undo_of_a_detail_save_going_ahead_writes_only_this_steps_parts(tab, db, teammate, pid, monkeypatch):
    panel = tab.detail
    type_points(panel, ("我的卖点", ""))
    panel.save_button.click()
    teammate_edits(teammate, pid, points=[("队友的卖点", "")], notes="队友的备注")
    shown = answer_conflicts(monkeypatch, OVERWRITE, OVERWRITE)
    tab.undo_stack.undo()
    assert len(shown) == 1 and shown[0].overwrite_button.text() == "Undo anyway"
    assert list(table(shown[0])) == ["Selling points"]  # only what this step writes is compared
    now = stored(db, pid)
    assert now["selling_points"] == (("保湿不黏", "涂在手背"),) and now["notes"] == "队友的备注"
    assert tab.undo_stack.canRedo()
    teammate_edits(teammate, pid, points=[("又改了", "")], stock=5)  # and again before my redo: asked again
    tab.undo_stack.redo()
    assert len(shown) == 2 and shown[1].overwrite_button.text() == "Redo anyway"
    now = stored(db, pid)
    assert now["selling_points"] == (("我的卖点", ""),) and (now["notes"], now["stock"]) == ("队友的备注", 5)


def test_undo_of_an_inline_edit_after_a_teammates_edit_keeps_theirs(tab, db, teammate, pid, monkeypatch):
    assert tab._edit_cell(tab.model.product(pid), "name", "我的护手霜")
    teammate_edits(teammate, pid, name="队友的护手霜")
    shown = answer_conflicts(monkeypatch, RELOAD)
    tab.undo_stack.undo()
    assert len(shown) == 1
    assert table(shown[0])["Name"] == ["护手霜", "队友的护手霜", "护手霜"]
    assert stored(db, pid)["name"] == "队友的护手霜"
    assert tab.undo_stack.count() == 0
    assert tab.model.product(pid).name == "队友的护手霜"


def test_undo_of_an_inline_edit_going_ahead_keeps_their_other_field(tab, db, teammate, pid, monkeypatch):
    assert tab._edit_cell(tab.model.product(pid), "name", "我的护手霜")
    teammate_edits(teammate, pid, name="队友的护手霜", supplier="队友的供应商")
    shown = answer_conflicts(monkeypatch, OVERWRITE)
    tab.undo_stack.undo()
    assert len(shown) == 1
    assert table(shown[0]) == {"Name": ["护手霜", "队友的护手霜", "护手霜"]}
    now = stored(db, pid)
    assert (now["name"], now["supplier"]) == ("护手霜", "队友的供应商")
    tab.undo_stack.redo()  # nobody saved since my undo: no dialog
    assert len(shown) == 1 and stored(db, pid)["name"] == "我的护手霜"


def test_undo_of_an_inline_edit_after_a_teammate_changed_another_field_asks_nothing(tab, db, teammate, pid,
                                                                                   monkeypatch):
    shown = answer_conflicts(monkeypatch)
    assert tab._edit_cell(tab.model.product(pid), "name", "我的护手霜")
    teammate_edits(teammate, pid, supplier="队友的供应商", points=[("队友的卖点", "")])
    tab.undo_stack.undo()
    tab.undo_stack.redo()
    tab.undo_stack.undo()
    now = stored(db, pid)
    assert shown == [] and (now["name"], now["supplier"]) == ("护手霜", "队友的供应商")
    assert now["selling_points"] == (("队友的卖点", ""),) and tab.undo_stack.canRedo()


def test_redo_after_a_teammates_edit_asks_and_reload_drops_the_step(tab, db, teammate, pid, monkeypatch):
    assert tab._edit_cell(tab.model.product(pid), "stock", "100")
    tab.undo_stack.undo()
    teammate_edits(teammate, pid, stock=7)
    shown = answer_conflicts(monkeypatch, RELOAD)
    tab.undo_stack.redo()
    assert len(shown) == 1 and table(shown[0])["Stock"] == ["100", "7", "100"]
    assert stored(db, pid)["stock"] == 7 and tab.undo_stack.count() == 0


def test_my_own_edits_of_one_product_undo_and_redo_without_a_dialog(tab, db, pid, monkeypatch):
    shown = answer_conflicts(monkeypatch)
    assert tab._edit_cell(tab.model.product(pid), "name", "新名字")
    assert tab._edit_cell(tab.model.product(pid), "stock", "50")
    tab.detail.notes_edit.setPlainText("新备注")
    tab.detail.save_button.click()
    for _ in range(3):
        tab.undo_stack.undo()
    now = stored(db, pid)
    assert (now["name"], now["stock"], now["notes"]) == ("护手霜", None, "原备注")
    for _ in range(3):
        tab.undo_stack.redo()
    now = stored(db, pid)
    assert (now["name"], now["stock"], now["notes"]) == ("新名字", 50, "新备注")
    tab.undo_stack.undo()
    tab.undo_stack.undo()
    assert shown == [] and tab.undo_stack.count() == 3 and tab.undo_stack.index() == 1


def test_undo_after_a_teammate_deleted_the_product_says_so_and_drops_the_step(tab, db, teammate, pid, monkeypatch):
    shown = answer_conflicts(monkeypatch)
    assert tab._edit_cell(tab.model.product(pid), "name", "我的护手霜")
    with teammate.session() as s:
        products.delete_products(s, [pid])
    tab.undo_stack.undo()  # nothing escapes into QUndoStack
    assert shown == [] and "no longer exists" in tab.last_error
    assert tab.undo_stack.count() == 0 and tab.model.product(pid) is None


def test_undo_through_the_windows_undo_action(qtbot, window, db, teammate, monkeypatch):
    with db.session() as s:
        pid = products.create_product(s, {"sku": "W-1", "name": "洗面奶", "live_price": "29"}).id
    window.show_tab("products")
    products_tab = window.tab("products")
    products_tab.reload()
    assert products_tab._edit_cell(products_tab.model.product(pid), "name", "我的洗面奶")
    teammate_edits(teammate, pid, name="队友的洗面奶")
    shown = answer_conflicts(monkeypatch, RELOAD)
    window.undo_action.trigger()  # Ctrl+Z
    assert len(shown) == 1 and stored(db, pid)["name"] == "队友的洗面奶"
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()


def test_deleting_a_product_a_teammate_just_changed(tab, db, teammate, pid, monkeypatch):
    teammate_edits(teammate, pid, stock=80)
    shown = answer_conflicts(monkeypatch, RELOAD, OVERWRITE)
    status = messages(tab)
    tab.delete_action.trigger()
    assert len(shown) == 1
    assert table(shown[0])["Stock"] == ["—", "80", "(deleted)"]
    assert shown[0].overwrite_button.text() == "Delete anyway"
    assert stored(db, pid)["stock"] == 80 and tab.undo_stack.count() == 0  # kept
    assert "Kept: nothing was deleted." in status
    assert tab.select_product(pid)
    tab.delete_action.trigger()  # the table shows theirs now: no dialog
    assert len(shown) == 1 and tab.model.product(pid) is None
    tab.undo_stack.undo()
    assert stored(db, pid)["stock"] == 80


def test_deleting_a_product_anyway_then_undo_brings_their_version_back(tab, db, teammate, pid, monkeypatch):
    teammate_edits(teammate, pid, stock=80)
    shown = answer_conflicts(monkeypatch, OVERWRITE)
    tab.delete_action.trigger()
    assert len(shown) == 1 and tab.model.product(pid) is None
    tab.undo_stack.undo()
    assert stored(db, pid)["stock"] == 80


def test_bulk_edit_of_products_a_teammate_changed(tab, db, teammate, pid, monkeypatch):
    with db.session() as s:
        other = products.create_product(s, {"sku": "B-1", "name": "洗面奶", "live_price": "29"}).id
    tab.reload()
    tab.table.clearSelection()
    tab.select_product(pid, clear=False)
    tab.select_product(other, clear=False)
    teammate_edits(teammate, other, supplier="队友的供应商", stock=3)
    shown = answer_conflicts(monkeypatch, RELOAD, OVERWRITE)
    tab.bulk_edit("supplier", "我的供应商")
    assert len(shown) == 1 and table(shown[0])["Supplier"] == ["我的供应商", "队友的供应商", "我的供应商"]
    assert (stored(db, pid)["supplier"], stored(db, other)["supplier"]) == ("", "队友的供应商")
    tab.table.clearSelection()
    tab.select_product(pid, clear=False)
    tab.select_product(other, clear=False)
    teammate_edits(teammate, other, stock=4)
    tab.bulk_edit("supplier", "我的供应商")
    assert len(shown) == 2
    assert (stored(db, pid)["supplier"], stored(db, other)["supplier"], stored(db, other)["stock"]) == (
        "我的供应商", "我的供应商", 4)
    tab.undo_stack.undo()  # nobody saved since: back to what each had
    assert (stored(db, pid)["supplier"], stored(db, other)["supplier"]) == ("", "队友的供应商")


def test_undo_of_my_edit_after_my_own_import_asks_nothing(tab, db, pid, monkeypatch):
    """The import moves the product's version too: my own write, not a teammate's."""
    shown = answer_conflicts(monkeypatch)
    assert tab._edit_cell(tab.model.product(pid), "name", "我的护手霜")
    preview = preview_rows([["品名", "货号", "到手价", "库存"], ["我的护手霜", "A-1", "39.9", "50"]], "选品表.xlsx")
    assert tab._push(ImportProducts(db, preview, True, "import", tab._refresh))
    tab.undo_stack.undo()  # the import
    assert stored(db, pid)["stock"] is None
    tab.undo_stack.undo()  # my edit
    now = stored(db, pid)
    assert shown == [] and (now["name"], tab.undo_stack.count(), tab.undo_stack.index()) == ("护手霜", 2, 0)
    tab.undo_stack.redo()
    tab.undo_stack.redo()
    now = stored(db, pid)
    assert shown == [] and (now["name"], now["stock"]) == ("我的护手霜", 50)


def test_undo_of_an_import_puts_back_only_what_it_changed_and_asks_before_writing_over_theirs(tab, db, teammate, pid,
                                                                                              monkeypatch):
    preview = preview_rows([["品名", "货号", "到手价", "库存"], ["护手霜", "A-1", "39.9", "50"],
                            ["洗面奶", "B-1", "29", "10"]], "选品表.xlsx")
    assert tab._push(ImportProducts(db, preview, True, "import", tab._refresh))
    teammate_edits(teammate, pid, supplier="队友的供应商")  # a field the import did not write
    shown = answer_conflicts(monkeypatch, RELOAD)
    tab.undo_stack.undo()
    now = stored(db, pid)
    assert shown == [] and (now["stock"], now["supplier"]) == (None, "队友的供应商")
    assert [r.sku for r in tab.model.rows()] == ["A-1"]  # the product it created is gone again
    tab.undo_stack.redo()
    teammate_edits(teammate, pid, stock=7)  # a field it wrote: asked, and Keep theirs keeps it
    tab.undo_stack.undo()
    assert len(shown) == 1 and table(shown[0])["Stock"] == ["—", "7", "—"]
    assert stored(db, pid)["stock"] == 7 and len(tab.model.rows()) == 2 and tab.undo_stack.count() == 0


def test_undo_of_a_new_product_a_teammate_edited_asks_before_deleting_it(tab, db, teammate, monkeypatch):
    tab.new_product()
    new = tab.undo_stack.command(0).product_id
    teammate_edits(teammate, new, notes="队友的备注")
    shown = answer_conflicts(monkeypatch, RELOAD)
    status = messages(tab)
    tab.undo_stack.undo()
    assert len(shown) == 1 and shown[0].overwrite_button.text() == "Delete anyway"
    intro = shown[0].findChild(QLabel, "conflictIntro").text()
    assert "changed since this step" in intro and "someone else after" not in intro  # my own work elsewhere counts too
    assert table(shown[0]) == {"Notes": ["—", "队友的备注", "(deleted)"]}
    assert stored(db, new)["notes"] == "队友的备注" and tab.model.product(new) is not None  # kept
    assert tab.undo_stack.count() == 0 and any("undo history" in text for text in status)


def test_undo_of_a_new_product_deleting_it_anyway_then_redo_brings_their_version_back(tab, db, teammate, monkeypatch):
    tab.new_product()
    new = tab.undo_stack.command(0).product_id
    teammate_edits(teammate, new, notes="队友的备注")
    shown = answer_conflicts(monkeypatch, OVERWRITE)
    tab.undo_stack.undo()
    assert len(shown) == 1 and tab.model.product(new) is None
    tab.undo_stack.redo()  # nobody changed anything since: no dialog
    assert len(shown) == 1 and stored(db, new)["notes"] == "队友的备注"


def test_undo_of_a_new_product_a_teammate_deleted_says_so_and_drops_the_step(tab, db, teammate, monkeypatch):
    shown = answer_conflicts(monkeypatch)
    status = messages(tab)
    tab.new_product()
    new = tab.undo_stack.command(0).product_id
    with teammate.session() as s:
        products.delete_products(s, [new])
    tab.undo_stack.undo()  # nothing escapes into QUndoStack
    assert shown == [] and error_texts(tab) == []
    assert any("already deleted" in text and "New product" in text for text in status)
    assert tab.undo_stack.count() == 0 and tab.model.product(new) is None


def test_redo_of_a_new_product_after_a_teammate_took_its_sku_says_so(tab, db, teammate, monkeypatch):
    tab.new_product()
    tab.undo_stack.undo()
    with teammate.session() as s:
        products.create_product(s, {"sku": "NEW-0001", "name": "队友的新品", "live_price": "9"})
    tab.undo_stack.redo()
    assert "NEW-0001" in tab.last_error and tab.undo_stack.count() == 0


def test_a_step_without_on_error_logs_and_leaves_the_undo_history(qtbot, db, teammate, pid, caplog):
    from PySide6.QtGui import QUndoStack

    from livedesk.ui.undo import push_command

    stack = QUndoStack()
    push_command(stack, EditProduct(db, pid, "name", "护手霜", "我的护手霜", stored(db, pid)["version"], "edit",
                                    lambda ids: None))
    with teammate.session() as s:
        products.delete_products(s, [pid])
    stack.undo()  # nothing escapes into QUndoStack
    assert stack.count() == 0
    assert any("left the undo history" in record.getMessage() for record in caplog.records)


@pytest.fixture
def lineup_stream(db, tab, pid) -> int:
    with db.session() as s:
        stream = schedule.create_stream(s, schedule.StreamData(title="周五美妆专场", start_at=START, planned_minutes=120))
        other = products.create_product(s, {"sku": "B-1", "name": "洗面奶", "live_price": "29"})
        stream_id, other_id = stream.id, other.id
    tab.reload()
    tab.open_lineup(stream_id)
    tab.lineup.add_selected([pid, other_id])
    assert [r.product_id for r in tab.lineup.model.rows()] == [pid, other_id]
    return stream_id


def lineup_item(db, stream_id: int, pid: int) -> dict:
    with db.session() as s:
        [row] = [r for r in lineups.lineup_rows(s, stream_id) if r.product_id == pid]
        return {"planned_units": row.planned_units, "link_number": row.link_number}


def lineup_order(db, stream_id: int) -> list[int]:
    with db.session() as s:
        return [r.product_id for r in lineups.lineup_rows(s, stream_id)]


def test_undo_of_a_lineup_value_a_teammate_changed_asks(tab, db, teammate, pid, lineup_stream, monkeypatch):
    assert tab.lineup._edit(tab.lineup.model.rows()[0], "planned_units", "30")
    with teammate.session() as s:
        lineups.set_lineup_values(s, lineup_stream, pid, planned_units=40, welfare_quantity=2)
    shown = answer_conflicts(monkeypatch, RELOAD)
    tab.undo_stack.undo()
    assert len(shown) == 1 and table(shown[0]) == {"Planned units": ["—", "40", "—"]}
    assert lineup_item(db, lineup_stream, pid)["planned_units"] == 40 and tab.undo_stack.count() == 1
    assert tab.lineup._edit(tab.lineup.model.rows()[0], "link_number", "3")
    with teammate.session() as s:  # another value: no question
        lineups.set_lineup_values(s, lineup_stream, pid, planned_units=50)
    tab.undo_stack.undo()
    assert len(shown) == 1 and lineup_item(db, lineup_stream, pid)["link_number"] == 1  # the number it was given


def test_undo_of_a_lineup_change_after_a_teammate_took_the_product_off_says_so(tab, db, teammate, pid, lineup_stream,
                                                                               monkeypatch):
    shown = answer_conflicts(monkeypatch)
    assert tab.lineup._edit(tab.lineup.model.rows()[0], "planned_units", "30")
    with teammate.session() as s:
        lineups.remove_from_lineup(s, lineup_stream, pid)
    tab.undo_stack.undo()  # nothing escapes into QUndoStack
    assert shown == [] and "not on the stream's lineup" in tab.last_error
    assert tab.undo_stack.count() == 1 and [r.product_id for r in tab.lineup.model.rows()] != [pid]


def test_undo_of_adding_to_a_lineup_asks_before_taking_off_what_a_teammate_planned(tab, db, teammate, pid,
                                                                                   lineup_stream, monkeypatch):
    with teammate.session() as s:
        lineups.set_lineup_values(s, lineup_stream, pid, planned_units=40)
    shown = answer_conflicts(monkeypatch, RELOAD)
    tab.undo_stack.undo()
    assert len(shown) == 1 and shown[0].overwrite_button.text() == "Delete anyway"
    assert table(shown[0]) == {"Planned units": ["—", "40", "(deleted)"]}
    assert lineup_item(db, lineup_stream, pid)["planned_units"] == 40 and tab.undo_stack.count() == 0


def test_undo_of_a_lineup_reorder_a_teammate_changed_asks(tab, db, teammate, pid, lineup_stream, monkeypatch):
    order = [r.product_id for r in tab.lineup.model.rows()]
    tab.lineup.move(0, 1)
    with teammate.session() as s:
        lineups.reorder_lineup(s, lineup_stream, order)  # back, by hand
        lineups.set_lineup_values(s, lineup_stream, pid, planned_units=40)
    shown = answer_conflicts(monkeypatch, OVERWRITE)
    tab.undo_stack.undo()
    assert len(shown) == 1 and table(shown[0]) == {"Lineup order": ["护手霜\n洗面奶", "护手霜\n洗面奶", "护手霜\n洗面奶"]}
    assert lineup_order(db, lineup_stream) == order
    tab.undo_stack.redo()  # nobody changed it since: no dialog
    assert len(shown) == 1 and lineup_order(db, lineup_stream) == order[::-1]


# --- the schedule -----------------------------------------------------------------------------------------


@pytest.fixture
def stream_id(db) -> int:
    with db.session() as s:
        data = schedule.StreamData(title="周五美妆专场", start_at=START, planned_minutes=120, account="小薇的好物直播间")
        return schedule.create_stream(s, data).id


@pytest.fixture
def schedule_tab(qtbot, db, paths, stream_id):
    widget = ScheduleTab(db, paths)
    qtbot.addWidget(widget)
    widget.show()
    widget.select_stream(stream_id)
    return widget


def read_stream(db, stream_id: int) -> schedule.StreamData:
    with db.session() as s:
        return schedule.get_stream_data(s, stream_id)


def teammate_saves(teammate, stream_id: int, **fields) -> None:
    with teammate.session() as s:
        schedule.update_stream(s, stream_id, dataclasses.replace(schedule.get_stream_data(s, stream_id), **fields))


def titles(tab) -> list[str]:
    return [tab.proxy.index(r, 1).data() for r in range(tab.proxy.rowCount())]


def edit_title(tab, db, stream_id, title: str) -> None:
    before = read_stream(db, stream_id)
    tab._push_edit(stream_id, before, dataclasses.replace(before, title=title))


def test_stream_undo_after_a_teammates_edit_keeps_theirs_on_reload(schedule_tab, db, teammate, stream_id, monkeypatch):
    edit_title(schedule_tab, db, stream_id, "我的标题")
    teammate_saves(teammate, stream_id, title="他们的标题")
    status = messages(schedule_tab)
    shown = answer_conflicts(monkeypatch, RELOAD)
    schedule_tab.undo_stack.undo()
    assert len(shown) == 1
    assert table(shown[0])["Title"] == ["周五美妆专场", "他们的标题", "周五美妆专场"]
    assert read_stream(db, stream_id).title == "他们的标题"
    assert schedule_tab.undo_stack.count() == 0
    assert "他们的标题" in titles(schedule_tab)
    assert any("undo history" in text for text in status)


def test_stream_undo_going_ahead_keeps_the_fields_only_they_changed(schedule_tab, db, teammate, stream_id, monkeypatch):
    edit_title(schedule_tab, db, stream_id, "我的标题")
    teammate_saves(teammate, stream_id, title="他们的标题", notes="他们的备注")
    shown = answer_conflicts(monkeypatch, OVERWRITE)
    schedule_tab.undo_stack.undo()
    assert len(shown) == 1 and table(shown[0]) == {"Title": ["周五美妆专场", "他们的标题", "周五美妆专场"]}
    data = read_stream(db, stream_id)
    assert (data.title, data.notes) == ("周五美妆专场", "他们的备注")
    schedule_tab.undo_stack.redo()  # nobody saved since: no dialog
    assert len(shown) == 1 and read_stream(db, stream_id).title == "我的标题"


def test_stream_undo_after_a_teammate_changed_another_field_asks_nothing(schedule_tab, db, teammate, stream_id,
                                                                         monkeypatch):
    shown = answer_conflicts(monkeypatch)
    edit_title(schedule_tab, db, stream_id, "我的标题")
    teammate_saves(teammate, stream_id, notes="他们的备注", people=[("小薇", "host")])
    schedule_tab.undo_stack.undo()
    data = read_stream(db, stream_id)
    assert shown == [] and (data.title, data.notes, data.people) == ("周五美妆专场", "他们的备注", [("小薇", "host")])
    assert schedule_tab.undo_stack.canRedo()


def test_stream_redo_after_a_teammates_edit_asks(schedule_tab, db, teammate, stream_id, monkeypatch):
    edit_title(schedule_tab, db, stream_id, "我的标题")
    schedule_tab.undo_stack.undo()
    teammate_saves(teammate, stream_id, title="他们的标题")
    shown = answer_conflicts(monkeypatch, RELOAD)
    schedule_tab.undo_stack.redo()
    assert len(shown) == 1 and read_stream(db, stream_id).title == "他们的标题"
    assert schedule_tab.undo_stack.count() == 0


def test_two_of_my_stream_edits_undo_without_a_dialog(schedule_tab, db, stream_id, monkeypatch):
    shown = answer_conflicts(monkeypatch)
    edit_title(schedule_tab, db, stream_id, "第一次")
    edit_title(schedule_tab, db, stream_id, "第二次")
    schedule_tab.undo_stack.undo()
    schedule_tab.undo_stack.undo()
    assert read_stream(db, stream_id).title == "周五美妆专场"
    schedule_tab.undo_stack.redo()
    schedule_tab.undo_stack.redo()
    assert shown == [] and read_stream(db, stream_id).title == "第二次"


def test_deleting_a_stream_a_teammate_just_edited(schedule_tab, db, teammate, stream_id, monkeypatch):
    teammate_saves(teammate, stream_id, title="他们的标题", notes="他们的备注")
    shown = answer_conflicts(monkeypatch, RELOAD)
    status = messages(schedule_tab)
    schedule_tab.delete_action.trigger()
    assert len(shown) == 1
    rows = table(shown[0])
    assert rows["Title"] == ["周五美妆专场", "他们的标题", "(deleted)"]
    assert rows["Notes"] == ["—", "他们的备注", "(deleted)"]
    assert shown[0].overwrite_button.text() == "Delete anyway"
    assert read_stream(db, stream_id).notes == "他们的备注"  # kept
    assert schedule_tab.undo_stack.count() == 0 and "他们的标题" in titles(schedule_tab)
    assert "Kept: nothing was deleted." in status and "Deleted. Press Ctrl+Z to undo." not in status


def test_deleting_a_stream_anyway_then_undo_and_redo(schedule_tab, db, teammate, stream_id, monkeypatch):
    teammate_saves(teammate, stream_id, notes="他们的备注")
    shown = answer_conflicts(monkeypatch, OVERWRITE, RELOAD)
    schedule_tab.delete_action.trigger()
    assert len(shown) == 1 and titles(schedule_tab) == []
    schedule_tab.undo_stack.undo()
    assert read_stream(db, stream_id).notes == "他们的备注"  # back with their change
    teammate_saves(teammate, stream_id, notes="又改了")  # the redo would delete this: asked
    schedule_tab.undo_stack.redo()
    assert len(shown) == 2 and shown[1].overwrite_button.text() == "Delete anyway"
    assert read_stream(db, stream_id).notes == "又改了" and schedule_tab.undo_stack.count() == 0


def test_deleting_a_stream_a_teammate_already_deleted_says_so_and_deletes_nothing(schedule_tab, db, teammate, stream_id,
                                                                                  monkeypatch):
    with db.session() as s:
        other = schedule.create_stream(s, schedule.StreamData(title="周六清仓专场", start_at=START + dt.timedelta(days=1),
                                                              planned_minutes=90)).id
    schedule_tab.reload()
    schedule_tab.select_stream(stream_id)
    schedule_tab.select_stream(other, clear=False)
    with teammate.session() as s:
        schedule.delete_stream(s, stream_id)
    shown = answer_conflicts(monkeypatch)
    schedule_tab.delete_action.trigger()
    assert shown == []
    assert any("no longer exists" in text for text in error_texts(schedule_tab))
    assert read_stream(db, other).title == "周六清仓专场"  # the other one was not deleted either
    assert schedule_tab.undo_stack.count() == 0 and titles(schedule_tab) == ["周六清仓专场"]


def test_stream_undo_after_a_teammate_deleted_it_says_so(schedule_tab, db, teammate, stream_id, monkeypatch):
    edit_title(schedule_tab, db, stream_id, "我的标题")
    with teammate.session() as s:
        schedule.delete_stream(s, stream_id)
    shown = answer_conflicts(monkeypatch)
    schedule_tab.undo_stack.undo()
    assert shown == [] and schedule_tab.undo_stack.count() == 0
    assert any("no longer exists" in text for text in error_texts(schedule_tab))


def test_stream_undo_after_my_own_script_work_asks_nothing(schedule_tab, db, stream_id, monkeypatch):
    """Adding the first segment moves the stream to 脚本: this app's own write, and not a field the edit wrote."""
    shown = answer_conflicts(monkeypatch)
    edit_title(schedule_tab, db, stream_id, "我的标题")
    with db.session() as s:
        scripts.add_segment(s, stream_id, title="开场", duration_seconds=300)
    assert read_stream(db, stream_id).status == "scripted"
    schedule_tab.undo_stack.undo()
    data = read_stream(db, stream_id)
    assert shown == [] and (data.title, data.status) == ("周五美妆专场", "scripted")
    schedule_tab.undo_stack.redo()
    assert shown == [] and read_stream(db, stream_id).title == "我的标题"


def new_stream(tab, db) -> int:
    data = schedule.StreamData(title="周六清仓专场", start_at=START + dt.timedelta(days=1), planned_minutes=90)
    before = {s.id for s in tab.model.rows()}
    tab._push(CreateStreams(db, [data], "New stream", tab._changed))
    [new] = {s.id for s in tab.model.rows()} - before
    return new


def test_undo_of_a_new_stream_a_teammate_edited_asks_before_deleting_it(schedule_tab, db, teammate, monkeypatch):
    new = new_stream(schedule_tab, db)
    teammate_saves(teammate, new, notes="他们的备注")
    shown = answer_conflicts(monkeypatch, RELOAD, OVERWRITE)
    schedule_tab.undo_stack.undo()
    assert len(shown) == 1 and shown[0].overwrite_button.text() == "Delete anyway"
    assert table(shown[0]) == {"Notes": ["—", "他们的备注", "(deleted)"]}
    assert read_stream(db, new).notes == "他们的备注" and schedule_tab.undo_stack.count() == 0
    new = new_stream(schedule_tab, db)
    teammate_saves(teammate, new, notes="他们的备注")
    schedule_tab.undo_stack.undo()  # delete anyway; redo brings their version back
    assert len(shown) == 2 and schedule_tab.model.row_of(new) < 0
    schedule_tab.undo_stack.redo()
    assert read_stream(db, new).notes == "他们的备注"


def test_undo_of_a_new_stream_a_teammate_deleted_says_so(schedule_tab, db, teammate, monkeypatch):
    shown = answer_conflicts(monkeypatch)
    status = messages(schedule_tab)
    new = new_stream(schedule_tab, db)
    with teammate.session() as s:
        schedule.delete_stream(s, new)
    schedule_tab.undo_stack.undo()  # nothing escapes into QUndoStack
    assert shown == [] and error_texts(schedule_tab) == []
    assert any("already deleted “周六清仓专场”" in text for text in status)
    assert schedule_tab.undo_stack.count() == 0


# --- first saves on a lineup the view shows stale ----------------------------------------------------------


def test_first_lineup_value_edit_after_a_teammates_change_asks(tab, db, teammate, pid, lineup_stream, monkeypatch):
    with teammate.session() as s:
        lineups.set_lineup_values(s, lineup_stream, pid, planned_units=40)
    shown = answer_conflicts(monkeypatch, RELOAD, OVERWRITE)
    row = tab.lineup.model.rows()[0]
    assert row.planned_units is None  # the view is stale
    tab.lineup._edit(row, "planned_units", "30")
    assert len(shown) == 1 and table(shown[0])["Planned units"][:2] == ["30", "40"]
    assert lineup_item(db, lineup_stream, pid)["planned_units"] == 40 and tab.undo_stack.count() == 1
    assert tab.lineup.model.rows()[0].planned_units == 40  # reloaded: theirs
    with teammate.session() as s:
        lineups.set_lineup_values(s, lineup_stream, pid, planned_units=50)
    tab.lineup._edit(tab.lineup.model.rows()[0], "planned_units", "30")  # overwrite
    assert len(shown) == 2 and lineup_item(db, lineup_stream, pid)["planned_units"] == 30
    tab.undo_stack.undo()  # back to theirs, no question
    assert len(shown) == 2 and lineup_item(db, lineup_stream, pid)["planned_units"] == 50


def test_first_lineup_value_edit_compares_the_stored_price_not_the_pools(tab, db, pid, lineup_stream, monkeypatch):
    shown = answer_conflicts(monkeypatch)
    tab.lineup._edit(tab.lineup.model.rows()[0], "planned_units", "30")
    tab.lineup._edit(tab.lineup.model.rows()[0], "live_price", "29.9")
    tab.lineup._edit(tab.lineup.model.rows()[0], "link_number", "5")
    assert shown == [] and tab.undo_stack.count() == 4
    with db.session() as s:
        assert str(lineups.item_values(s, lineup_stream, [pid])[pid]["live_price"]) == "29.90"


def test_first_lineup_reorder_after_a_teammates_reorder_asks(tab, db, teammate, pid, lineup_stream, monkeypatch):
    with db.session() as s:
        third = products.create_product(s, {"sku": "C-1", "name": "面霜", "live_price": "9"}).id
    tab.reload()
    tab.lineup.add_selected([third])
    view = [r.product_id for r in tab.lineup.model.rows()]
    theirs = [view[2], view[0], view[1]]
    with teammate.session() as s:
        lineups.reorder_lineup(s, lineup_stream, theirs)  # 面霜 first
    shown = answer_conflicts(monkeypatch, RELOAD, OVERWRITE)
    count = tab.undo_stack.count()
    tab.lineup.move(0, 1)  # 护手霜 down one, in the stale view
    assert len(shown) == 1 and table(shown[0])["Lineup order"][:2] == ["洗面奶\n护手霜\n面霜", "面霜\n护手霜\n洗面奶"]
    assert lineup_order(db, lineup_stream) == theirs and tab.undo_stack.count() == count
    assert [r.product_id for r in tab.lineup.model.rows()] == theirs  # reloaded
    with teammate.session() as s:
        lineups.reorder_lineup(s, lineup_stream, view)
    tab.lineup.move(0, 1)  # 面霜 down one in the view showing theirs; overwrite
    assert len(shown) == 2 and lineup_order(db, lineup_stream) == [view[0], view[2], view[1]]
    tab.undo_stack.undo()
    assert len(shown) == 2 and lineup_order(db, lineup_stream) == view


def test_first_lineup_remove_after_a_teammates_change_asks(tab, db, teammate, pid, lineup_stream, monkeypatch):
    with teammate.session() as s:
        lineups.set_lineup_values(s, lineup_stream, pid, planned_units=40)
    shown = answer_conflicts(monkeypatch, RELOAD, OVERWRITE)
    tab.lineup.select_product(pid)
    tab.lineup.remove_current()
    assert len(shown) == 1 and table(shown[0])["Planned units"] == ["—", "40", "(deleted)"]
    assert pid in lineup_order(db, lineup_stream) and tab.undo_stack.count() == 1
    with teammate.session() as s:
        lineups.set_lineup_values(s, lineup_stream, pid, planned_units=50)
    tab.lineup.select_product(pid)
    tab.lineup.remove_current()  # remove anyway
    assert len(shown) == 2 and pid not in lineup_order(db, lineup_stream)
    tab.undo_stack.undo()
    assert lineup_item(db, lineup_stream, pid)["planned_units"] == 50


def test_undo_of_a_lineup_reorder_anyway_after_a_teammate_added_and_removed(tab, db, teammate, pid, lineup_stream,
                                                                          monkeypatch):
    order = lineup_order(db, lineup_stream)
    tab.lineup.move(0, 1)
    with teammate.session() as s:
        third = products.create_product(s, {"sku": "C-1", "name": "面霜", "live_price": "9"}).id
        lineups.add_to_lineup(s, lineup_stream, third)
    shown = answer_conflicts(monkeypatch, OVERWRITE, OVERWRITE)
    tab.undo_stack.undo()
    assert len(shown) == 1 and error_texts(tab) == [] and tab.undo_stack.count() == 2
    assert table(shown[0])["Lineup order"][:2] == ["护手霜\n洗面奶\n面霜", "洗面奶\n护手霜\n面霜"]
    assert lineup_order(db, lineup_stream) == [*order, third]  # theirs keeps its place
    with teammate.session() as s:
        lineups.remove_from_lineup(s, lineup_stream, order[1])
    tab.undo_stack.redo()
    assert len(shown) == 2 and error_texts(tab) == []
    assert lineup_order(db, lineup_stream) == [order[0], third]
