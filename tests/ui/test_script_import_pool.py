"""The Script tab imports a run of show whose products are not in the pool yet, and adds them in one step."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from livedesk.models import LineupItem, Product
from livedesk.services import scripts
from livedesk.ui.script.import_dialog import ScriptImportDialog
from livedesk.ui.script.tab import ScriptTab

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from script_helpers import make_stream  # noqa: E402

SCRIPT = Path(__file__).resolve().parents[1] / "fixtures" / "exports" / "douyin_tidy" / "直播脚本.xlsx"
NAMES = ["护手霜 3支装", "防晒喷雾 150ml", "胶原蛋白饮 10瓶"]
PRODUCT_COLUMN = 4


@pytest.fixture
def stream_id(db) -> int:
    with db.session() as s:
        return make_stream(s, start="2026-11-12 19:30", minutes=150).id


@pytest.fixture
def tab(qtbot, db, paths, stream_id):
    widget = ScriptTab(db, paths)
    qtbot.addWidget(widget)
    widget.resize(1400, 850)
    widget.show()
    widget.select_stream(stream_id)
    widget.confirm = lambda *a: True
    return widget


def press(button_name: str):
    def exec_(dialog: ScriptImportDialog) -> int:
        pressed.append(dialog)
        getattr(dialog, button_name).click()
        return dialog.result()

    pressed: list[ScriptImportDialog] = []
    return exec_, pressed


def pool(db) -> dict[int, str]:
    with db.session() as s:
        return {p.id: p.name for p in s.query(Product)}


def linked_names(db, stream_id) -> list[str]:
    names = pool(db)
    with db.session() as s:
        return [names.get(x.product_id, "") if x.product_id else "" for x in scripts.list_segments(s, stream_id)]


def product_column(tab) -> list[str]:
    return [tab.model.index(r, PRODUCT_COLUMN).data() for r in range(tab.model.rowCount())]


def test_import_into_an_empty_pool_then_add_to_pool_undo_redo(tab, db, stream_id, monkeypatch):
    exec_, shown = press("import_button")
    monkeypatch.setattr(ScriptImportDialog, "exec", exec_)
    tab.import_script(str(SCRIPT))
    dialog = shown[0]
    assert dialog.unmatched_model.rowCount() == 3
    assert [dialog.unmatched_model.index(r, 0).data() for r in range(3)] == NAMES
    assert dialog.add_button.isVisibleTo(dialog) and "3" in dialog.summary.text()
    assert tab.model.rowCount() == 6 and pool(db) == {}
    shown_names = product_column(tab)
    assert all(any(name in text for text in shown_names) for name in NAMES)
    assert "not in pool" in shown_names[1]
    assert tab.model.index(1, PRODUCT_COLUMN).data(3)  # a tooltip says what to do
    assert tab.model.product_text(tab.model.row_at(1)) == NAMES[0]  # what the timeline block shows
    assert tab.add_to_pool_action.isEnabled()

    assert tab.add_to_pool()
    assert linked_names(db, stream_id) == ["", *NAMES, NAMES[2], ""]
    assert product_column(tab) == ["", *NAMES, NAMES[2], ""]
    assert not tab.add_to_pool_action.isEnabled()
    with db.session() as s:
        assert s.query(LineupItem).filter_by(stream_id=stream_id).count() == 3

    tab.undo_stack.undo()
    assert pool(db) == {} and linked_names(db, stream_id) == [""] * 6
    assert "not in pool" in product_column(tab)[1]
    tab.undo_stack.redo()
    assert linked_names(db, stream_id) == ["", *NAMES, NAMES[2], ""]
    tab.undo_stack.undo()
    tab.undo_stack.undo()  # the import itself
    assert tab.model.rowCount() == 0


def test_import_and_add_to_pool_in_one_go_keeps_the_sheet_prices(tab, db, stream_id, monkeypatch):
    exec_, _ = press("add_button")
    monkeypatch.setattr(ScriptImportDialog, "exec", exec_)
    tab.import_script(str(SCRIPT))
    assert linked_names(db, stream_id) == ["", *NAMES, NAMES[2], ""]
    with db.session() as s:
        prices = {p.name: str(p.live_price) for p in s.query(Product)}
    assert prices == {"护手霜 3支装": "19.90", "防晒喷雾 150ml": "89.00", "胶原蛋白饮 10瓶": "268.00"}
    assert [tab.undo_stack.text(i) for i in range(tab.undo_stack.count())][-1] == tab.tr("Add to pool")


def test_cancelled_preview_writes_nothing(tab, db, stream_id, monkeypatch):
    monkeypatch.setattr(ScriptImportDialog, "exec", lambda d: 0)
    tab.import_script(str(SCRIPT))
    assert tab.model.rowCount() == 0 and tab.undo_stack.count() == 0
    with db.session() as s:
        assert scripts.list_segments(s, stream_id) == []


def test_pitch_menu_offers_a_name_the_pool_lacks(tab, db, stream_id, monkeypatch):
    exec_, _ = press("import_button")
    monkeypatch.setattr(ScriptImportDialog, "exec", exec_)
    tab.import_script(str(SCRIPT))
    tab._fill_pitch_menu()
    texts = [a.text() for a in tab.pitch_menu.actions() if a.text()]
    assert any(NAMES[0] in t for t in texts)
    tab.insert_pitch_for_name(NAMES[0])
    with db.session() as s:
        added = [x for x in scripts.list_segments(s, stream_id) if x.host_lines.startswith(f"【{NAMES[0]}】")]
    assert len(added) == 1 and added[0].product_name == NAMES[0]


def test_run_sheet_pdf_shows_names_the_pool_lacks(tab, db, stream_id, monkeypatch, tmp_path):
    from livedesk.rendering.script_pdf import run_sheet_html
    from livedesk.services.run_sheet import run_sheet

    exec_, _ = press("import_button")
    monkeypatch.setattr(ScriptImportDialog, "exec", exec_)
    tab.import_script(str(SCRIPT))
    with db.session() as s:
        html_text = run_sheet_html(run_sheet(s, stream_id))
    assert all(name in html_text for name in NAMES)
    tab.export_script(str(tmp_path / "run.pdf"))
    assert (tmp_path / "run.pdf").read_bytes().startswith(b"%PDF")


def test_undo_keeps_a_product_a_teammate_edited_and_says_so(tab, db, stream_id, monkeypatch, teammate):
    exec_, _ = press("add_button")
    monkeypatch.setattr(ScriptImportDialog, "exec", exec_)
    tab.import_script(str(SCRIPT))
    with teammate.session() as s:
        product = s.query(Product).filter_by(name=NAMES[0]).one()
        product.stock = 500  # a teammate fills in the stock on the Products tab
    tab.undo_stack.undo()
    box = next(w for w in tab.findChildren(object) if getattr(w, "objectName", lambda: "")() == "errorDialog")
    assert NAMES[0] in box.text()
    box.done(0)
    assert sorted(pool(db).values()) == sorted(NAMES)  # nothing was undone
    assert linked_names(db, stream_id) == ["", *NAMES, NAMES[2], ""]
    assert tab.undo_stack.count() == 1  # the refused step left the history; the import stays undoable


def test_add_to_pool_links_products_the_pool_got_since(tab, db, stream_id, monkeypatch):
    from script_helpers import make_product

    exec_, _ = press("import_button")
    monkeypatch.setattr(ScriptImportDialog, "exec", exec_)
    tab.import_script(str(SCRIPT))
    with db.session() as s:  # the 选品表 arrives after the script
        ids = {name: make_product(s, name).id for name in NAMES}
    messages: list[str] = []
    tab.status_message.connect(lambda text, _ms: messages.append(text))
    assert tab.add_to_pool()
    assert pool(db) == {i: n for n, i in ids.items()}  # linked, nothing copied
    assert linked_names(db, stream_id) == ["", *NAMES, NAMES[2], ""]
    assert "4" in messages[-1] and "already in the pool" in messages[-1]
