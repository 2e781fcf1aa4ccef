"""The product tab driven as a user would: edit, search, filter, bulk edit, delete, details, import, lineups."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QColor
from sqlalchemy import insert, select

from livedesk.models import LineupItem, Product
from livedesk.services import lineups, products, schedule
from livedesk.ui import theme
from livedesk.ui.products.detail import PairsTableModel
from livedesk.ui.products.dialogs import BulkEditDialog, ProductImportDialog
from livedesk.ui.products.lineup import LINEUP_COLUMNS, MIME, LineupTableModel
from livedesk.ui.products.tab import ProductsTab
from livedesk.ui.products.table_model import COLUMNS, ProductFilterProxy, ProductTableModel


@pytest.fixture
def tab(qtbot, db, paths):
    widget = ProductsTab(db, paths)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    return widget


@pytest.fixture
def demo_tab(qtbot, demo_db, paths):
    widget = ProductsTab(demo_db, paths)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    return widget


def skus(tab) -> list[str]:
    return [tab.proxy.index(r, COLUMNS.index("sku")).data() for r in range(tab.proxy.rowCount())]


def cell(tab, sku: str, column: str):
    row = skus(tab).index(sku)
    return tab.proxy.index(row, COLUMNS.index(column))


def db_product(db, sku: str) -> Product:
    with db.session() as session:
        product = session.scalar(select(Product).where(Product.sku == sku))
        session.expunge(product)
        return product


def add_product(db, **fields) -> int:
    with db.session() as session:
        return products.create_product(session, fields).id


def write_csv(path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return str(path)


# --- models -------------------------------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester, demo_db, paths, qtbot):
    with demo_db.session() as session:
        rows = products.list_products(session)
        stream_id = session.scalar(select(LineupItem.stream_id))
        line = lineups.lineup_rows(session, stream_id)
        summary = lineups.lineup_summary(session, stream_id)
    model = ProductTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    proxy = ProductFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(text="洗", role="traffic")
    qtmodeltester.check(proxy)
    lineup_model = LineupTableModel()
    lineup_model.set_rows(line, summary)
    qtmodeltester.check(lineup_model)
    pairs = PairsTableModel(["a", "b"])
    pairs.set_pairs([("点", "演示")])
    qtmodeltester.check(pairs)


def test_demo_pool_shows_every_role_and_warnings_with_reasons(demo_tab):
    rows = demo_tab.model.rows()
    assert len(rows) == 32
    assert {r.role for r in rows} == {"traffic", "profit", "image", "welfare"}
    flagged = next(r for r in rows if "below_margin_floor" in r.flags)
    index = cell(demo_tab, flagged.sku, "gross_margin")
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(theme.current().bad_bg)
    unflagged = next(r for r in rows if not r.flags)
    assert cell(demo_tab, unflagged.sku, "gross_margin").data(Qt.ItemDataRole.BackgroundRole) is None
    assert "floor" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "⚠" in cell(demo_tab, flagged.sku, "flags").data()
    assert "32" in demo_tab.count_label.text()


# --- inline edits -------------------------------------------------------------------------------------------


def test_inline_edit_then_undo_and_redo(tab, db):
    add_product(db, sku="A-1", name="氨基酸洁面乳", live_price="29.9", cost="20", commission_rate="10%", role="traffic")
    tab.reload()
    index = cell(tab, "A-1", "live_price")
    assert tab.proxy.setData(index, "¥39.90")
    assert db_product(db, "A-1").live_price == Decimal("39.90")
    assert cell(tab, "A-1", "live_price").data() == "¥39.90"
    assert cell(tab, "A-1", "gross_margin").data() == "39.9%"
    tab.undo_stack.undo()
    assert db_product(db, "A-1").live_price == Decimal("29.90")
    assert cell(tab, "A-1", "gross_margin").data() == "23.1%"
    tab.undo_stack.redo()
    assert db_product(db, "A-1").live_price == Decimal("39.90")
    for column, value, expected in (
        ("name", "氨基酸洁面乳 新版", "氨基酸洁面乳 新版"),
        ("category", "护肤", "护肤"),
        ("role", "profit", "profit"),
        ("commission_rate", "15%", Decimal("0.15")),
        ("stock", "1,200", 1200),
        ("safety_stock", "300", 300),
        ("supplier", "初见日化", "初见日化"),
        ("qualification", "ok", "ok"),
        ("cost", "18", Decimal("18")),
        ("list_price", "69", Decimal("69")),
    ):
        assert tab.proxy.setData(cell(tab, "A-1", column), value), column
        assert getattr(db_product(db, "A-1"), column) == expected, column
    assert tab.undo_stack.count() == 11
    while tab.undo_stack.canUndo():
        tab.undo_stack.undo()
    back = db_product(db, "A-1")
    assert (back.name, back.role, back.stock, back.live_price) == ("氨基酸洁面乳", "traffic", None, Decimal("29.90"))


def test_a_bad_value_is_refused_with_a_reason_and_nothing_is_pushed(tab, db):
    add_product(db, sku="A-1", name="x", live_price="10")
    tab.reload()
    assert not tab.proxy.setData(cell(tab, "A-1", "live_price"), "-5")
    assert "negative" in tab.last_error
    assert tab.undo_stack.count() == 0
    assert db_product(db, "A-1").live_price == Decimal("10")


def test_role_colour_and_margin_floor_follow_the_edit(tab, db):
    add_product(db, sku="P-1", name="大衣", live_price="100", cost="75", role="profit", qualification="ok")
    tab.reload()
    assert "below_margin_floor" in tab.model.product(tab.model.rows()[0].id).flags
    tab.proxy.setData(cell(tab, "P-1", "role"), "image")  # image items have no floor
    assert tab.model.rows()[0].flags == []
    assert cell(tab, "P-1", "flags").data() == ""


# --- search and filters -------------------------------------------------------------------------------------


def test_search_is_debounced_and_matches_name_sku_supplier(qtbot, demo_tab):
    demo_tab.search_edit.setText("洗脸巾")
    assert demo_tab.search_timer.isActive()
    qtbot.waitUntil(lambda: not demo_tab.search_timer.isActive(), timeout=2000)
    names = [demo_tab.proxy.index(r, 0).data() for r in range(demo_tab.proxy.rowCount())]
    assert names and all("洗脸巾" in n for n in names)
    demo_tab.search_edit.setText("ld-0003")
    demo_tab.apply_filters()
    assert skus(demo_tab) == ["LD-0003"]
    demo_tab.search_edit.setText("水润生物")
    demo_tab.apply_filters()
    assert skus(demo_tab) and all(
        demo_tab.model.product(demo_tab.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2)).supplier == "水润生物"
        for r in range(demo_tab.proxy.rowCount())
    )
    demo_tab.search_edit.clear()
    demo_tab.apply_filters()
    assert demo_tab.proxy.rowCount() == 32


def _choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_each_filter(demo_tab):
    rows = {r.sku: r for r in demo_tab.model.rows()}
    _choose(demo_tab.category_combo, "护肤")
    assert set(skus(demo_tab)) == {s for s, r in rows.items() if r.category == "护肤"}
    _choose(demo_tab.category_combo, None)
    _choose(demo_tab.role_combo, "welfare")
    assert set(skus(demo_tab)) == {s for s, r in rows.items() if r.role == "welfare"}
    _choose(demo_tab.role_combo, None)
    _choose(demo_tab.supplier_combo, "杭州衣匠")
    assert set(skus(demo_tab)) == {s for s, r in rows.items() if r.supplier == "杭州衣匠"}
    _choose(demo_tab.supplier_combo, None)
    for state in ("below_margin_floor", "below_safety_stock", "missing_qualification", "low_click_rate"):
        _choose(demo_tab.state_combo, state)
        expected = {s for s, r in rows.items() if state in r.flags}
        assert expected, f"the demo pool has no product with {state}"
        assert set(skus(demo_tab)) == expected, state
    _choose(demo_tab.state_combo, "below_safety_stock")
    assert all(rows[s].stock < rows[s].safety_stock for s in skus(demo_tab))
    _choose(demo_tab.state_combo, None)
    assert demo_tab.proxy.rowCount() == 32


def test_sorting_uses_numbers_not_text(demo_tab):
    demo_tab.table.sortByColumn(COLUMNS.index("live_price"), Qt.SortOrder.DescendingOrder)
    prices = [demo_tab.model.product(demo_tab.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2)).live_price
              for r in range(demo_tab.proxy.rowCount())]
    assert prices == sorted(prices, reverse=True)


def test_twenty_thousand_products_load_and_filter(qtbot, db, paths):
    rows = [
        {
            "sku": f"BULK-{i:05d}", "name": f"{'洗脸巾' if i % 10 == 0 else '护手霜'} {i}号", "category": "个护",
            "role": ("traffic", "profit", "image", "welfare")[i % 4], "live_price": Decimal("29.90"),
            "cost": Decimal("25.00") if i % 7 == 0 else Decimal("10.00"), "commission_rate": Decimal("0.1"),
            "stock": 10 if i % 13 == 0 else 500, "safety_stock": 50, "supplier": f"供应商{i % 20}",
            "qualification": "ok", "platform_product_id": "", "photo_path": "", "notes": "", "list_price": None,
        }  # fmt: skip
        for i in range(20_000)
    ]
    with db.session() as session:
        session.execute(insert(Product), rows)
    widget = ProductsTab(db, paths)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 20_000
    widget.search_edit.setText("洗脸巾")
    widget.apply_filters()
    assert widget.proxy.rowCount() == 2_000
    widget.search_edit.setText("bulk-1999")
    widget.apply_filters()
    assert widget.proxy.rowCount() == 10  # BULK-19990 … BULK-19999
    widget.search_edit.clear()
    _choose(widget.role_combo, "welfare")
    assert widget.proxy.rowCount() == 5_000
    _choose(widget.role_combo, None)
    _choose(widget.supplier_combo, "供应商3")
    assert widget.proxy.rowCount() == 1_000
    _choose(widget.supplier_combo, None)
    _choose(widget.state_combo, "below_safety_stock")
    assert widget.proxy.rowCount() == len(range(0, 20_000, 13))


# --- bulk edit and delete -----------------------------------------------------------------------------------


def select_rows(tab, *sku_list: str) -> None:
    tab.table.clearSelection()
    for sku in sku_list:
        assert tab.select_product(next(r.id for r in tab.model.rows() if r.sku == sku), clear=False)


def test_bulk_edit_through_the_dialog_then_undo(tab, db, monkeypatch):
    for i in range(3):
        add_product(db, sku=f"B-{i}", name=f"商品{i}", live_price="10", supplier="旧供应商" if i else "别家")
    tab.reload()
    select_rows(tab, "B-0", "B-1")

    def fake_exec(dialog):
        dialog.set_field("supplier")
        dialog.value_combo.setCurrentText("新供应商")
        return 1

    monkeypatch.setattr(BulkEditDialog, "exec", fake_exec)
    tab.bulk_action.trigger()
    assert [db_product(db, f"B-{i}").supplier for i in range(3)] == ["新供应商", "新供应商", "旧供应商"]
    assert cell(tab, "B-0", "supplier").data() == "新供应商"
    tab.undo_stack.undo()
    assert [db_product(db, f"B-{i}").supplier for i in range(3)] == ["别家", "旧供应商", "旧供应商"]
    select_rows(tab, "B-1", "B-2")
    tab.bulk_edit("role", "welfare")
    assert {db_product(db, f"B-{i}").role for i in (1, 2)} == {"welfare"}
    tab.undo_stack.undo()
    assert {db_product(db, f"B-{i}").role for i in (1, 2)} == {"profit"}


def test_delete_then_undo_brings_points_and_lineup_back(demo_tab, demo_db):
    with demo_db.session() as session:
        item = session.scalar(select(LineupItem))
        pid, stream_id = item.product_id, item.stream_id
        points = len(products.get_product(session, pid).selling_points)
    sku = demo_tab.model.product(pid).sku
    select_rows(demo_tab, sku)
    demo_tab.delete_action.trigger()
    assert sku not in skus(demo_tab)
    assert demo_tab.model.rowCount() == 31
    demo_tab.undo_stack.undo()
    assert sku in skus(demo_tab)
    with demo_db.session() as session:
        restored = session.scalar(select(Product).where(Product.sku == sku))
        assert len(restored.selling_points) == points
        assert session.scalar(select(LineupItem).where(LineupItem.product_id == restored.id, LineupItem.stream_id == stream_id))


def test_new_product_then_undo(tab, db):
    tab.new_action.trigger()
    assert skus(tab) == ["NEW-0001"]
    tab.undo_stack.undo()
    assert skus(tab) == []


# --- details ------------------------------------------------------------------------------------------------


def test_selling_points_faq_and_notes_edit_then_undo(tab, db):
    pid = add_product(db, sku="D-1", name="玻尿酸精华液", live_price="199")
    tab.reload()
    select_rows(tab, "D-1")
    panel = tab.detail
    assert panel.product_id == pid
    row = panel.points_model.add_pair()
    panel.points_model.setData(panel.points_model.index(row, 0), "清爽不黏")
    panel.points_model.setData(panel.points_model.index(row, 1), "手背涂抹后贴纸巾")
    panel.points_model.add_pair("", "")  # a blank row is dropped
    panel.faq_model.add_pair("敏感肌能用吗？", "能，已做斑贴测试")
    panel.notes_edit.setPlainText("主推款")
    panel.save_button.click()
    with db.session() as session:
        product = products.get_product(session, pid)
        assert [(p.point, p.demo) for p in product.selling_points] == [("清爽不黏", "手背涂抹后贴纸巾")]
        assert [(f.question, f.answer) for f in product.faqs] == [("敏感肌能用吗？", "能，已做斑贴测试")]
        assert product.notes == "主推款"
    assert cell(tab, "D-1", "points").data() == "1"
    tab.undo_stack.undo()
    with db.session() as session:
        product = products.get_product(session, pid)
        assert product.selling_points == [] and product.faqs == [] and product.notes == ""
    assert panel.points_model.rowCount() == 0
    tab.undo_stack.redo()
    assert panel.points_model.values() == [("清爽不黏", "手背涂抹后贴纸巾")]


def test_document_is_copied_in_and_photo_shows(tab, db, paths, tmp_path):
    from PySide6.QtGui import QColor, QImage

    pid = add_product(db, sku="Q-1", name="护手霜", live_price="39", qualification="missing")
    tab.reload()
    select_rows(tab, "Q-1")
    report = tmp_path / "质检报告.pdf"
    report.write_bytes(b"%PDF-1.4 test")
    tab.detail.add_document(str(report))
    assert db_product(db, "Q-1").qualification == "ok"
    stored = tab.detail.document_path()
    assert stored is not None and stored.is_file() and stored.read_bytes() == report.read_bytes()
    assert paths.data in stored.parents
    assert "missing_qualification" not in tab.model.product(pid).flags
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    photo = tmp_path / "photo.png"
    image.save(str(photo))
    tab.detail.choose_photo(str(photo))
    assert not tab.detail.photo_label.pixmap().isNull()
    tab.undo_stack.undo()
    tab.undo_stack.undo()
    assert db_product(db, "Q-1").qualification == "missing"
    assert tab.detail.documents == []


def test_history_shows_reviewed_streams(demo_tab, demo_db):
    with demo_db.session() as session:
        pid = next(r.id for r in products.list_products(session) if products.product_history(session, r.id))
    select_rows(demo_tab, demo_tab.model.product(pid).sku)
    assert demo_tab.detail.history_model.rowCount() > 0
    assert demo_tab.detail.history_model.index(0, 2).data().endswith("%")


# --- import and export --------------------------------------------------------------------------------------


HEADER = "商品名称,SKU编码,类目,商品定位,直播价,成本价,佣金比例,库存,预警库存,供应商"


def test_import_preview_with_bad_rows_then_import_the_rest_and_undo(tab, db, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "选品表.csv", [
        HEADER,
        "洁面乳,S-1,护肤,引流款,¥29.9,20,10%,\"1,200\",300,初见日化",
        "精华液,S-2,护肤,利润款,abc,60,20%,800,100,水润生物",
        "大衣,S-3,服饰,利润款,599,260,15%,-5,50,杭州衣匠",
        "睡衣,S-4,服饰,利润款,329,150,15%,400,60,杭州衣匠",
    ])  # fmt: skip
    seen = {}

    def refuse(dialog):
        seen["bad"] = dialog.problems_model.rowCount()
        seen["enabled"] = dialog.import_button.isEnabled()
        return 1  # even "OK" imports nothing while bad rows are not excluded

    monkeypatch.setattr(ProductImportDialog, "exec", refuse)
    tab.import_products(path)
    assert seen == {"bad": 2, "enabled": False}
    assert tab.model.rowCount() == 0 and tab.undo_stack.count() == 0
    problems = [tab.last_import_dialog.problems_model.index(r, 0).data() for r in range(2)]
    assert problems == ["3", "4"]

    def exclude(dialog):
        dialog.exclude_check.setChecked(True)
        assert dialog.import_button.isEnabled()
        return 1

    monkeypatch.setattr(ProductImportDialog, "exec", exclude)
    tab.import_products(path)
    assert sorted(skus(tab)) == ["S-1", "S-4"]
    assert db_product(db, "S-1").stock == 1200
    tab.undo_stack.undo()
    assert skus(tab) == []
    tab.undo_stack.redo()
    assert sorted(skus(tab)) == ["S-1", "S-4"]


def test_sample_sheet_imports_then_export_and_reimport_changes_nothing(tab, db, fixtures_dir, tmp_path, monkeypatch):
    sample = fixtures_dir / "products" / "选品表_样例.xlsx"
    expected = json.loads((fixtures_dir / "products" / "选品表_样例.expected.json").read_text(encoding="utf-8"))
    monkeypatch.setattr(ProductImportDialog, "exec", lambda d: 1)
    tab.import_products(str(sample))
    assert not tab.last_import_dialog.exclude_check.isVisibleTo(tab.last_import_dialog)
    assert tab.model.rowCount() == len(expected)
    for item in expected:
        row = tab.model.product(next(r.id for r in tab.model.rows() if r.sku == item["sku"]))
        assert row.name == item["name"]
        assert float(row.gross_margin) == pytest.approx(item["gross_margin"], abs=1e-6)
        assert ("below_safety_stock" in row.flags) == item["below_stock_line"]
    # edit one product, then undo the edit: the import's undo entry remains below it
    out = tmp_path / "export.xlsx"
    tab.export_products(str(out))
    assert out.is_file()
    with db.session() as session:
        before = {r.sku: (r.version, r.live_price, r.cost, r.commission_rate, r.stock) for r in products.list_products(session)}
    tab.import_products(str(out))
    assert tab.last_import_dialog.rows_model.rowCount() == len(expected)
    assert tab.last_import_dialog.summary.text().startswith(str(len(expected)))
    with db.session() as session:
        after = {r.sku: (r.version, r.live_price, r.cost, r.commission_rate, r.stock) for r in products.list_products(session)}
    assert after == before


def test_import_undo_restores_updated_products(tab, db, tmp_path, monkeypatch):
    add_product(db, sku="S-1", name="洁面乳", live_price="29.9", stock="100")
    tab.reload()
    path = write_csv(tmp_path / "p.csv", [HEADER, "洁面乳,S-1,护肤,引流款,25,20,10%,500,300,初见日化"])
    monkeypatch.setattr(ProductImportDialog, "exec", lambda d: 1)
    tab.import_products(path)
    assert db_product(db, "S-1").stock == 500
    tab.undo_stack.undo()
    product = db_product(db, "S-1")
    assert (product.stock, product.live_price, product.role) == (100, Decimal("29.90"), "profit")


# --- lineups ------------------------------------------------------------------------------------------------


@pytest.fixture
def stream_id(db):
    with db.session() as session:
        stream = schedule.create_stream(session, schedule.StreamData(
            title="周五美妆专场", start_at=dt.datetime.now().astimezone() + dt.timedelta(days=3), planned_minutes=180,
        ))  # fmt: skip
        return stream.id


def test_lineup_add_reorder_plan_and_undo(tab, db, stream_id):
    roles = ["traffic", "profit", "profit", "image", "welfare"]
    for i, role in enumerate(roles):
        add_product(db, sku=f"L-{i}", name=f"商品{i}", live_price="100", cost="50", role=role, stock="100",
                    qualification="ok")
    tab.reload()
    tab.open_lineup(stream_id)
    assert tab.side.currentWidget() is tab.lineup
    assert tab.lineup.stream_combo.currentData() == stream_id
    select_rows(tab, "L-0", "L-1", "L-2", "L-3", "L-4")
    tab.lineup_action.trigger()
    editor = tab.lineup
    names = lambda: [r.sku for r in editor.model.rows()]  # noqa: E731
    assert names() == ["L-0", "L-1", "L-2", "L-3", "L-4"]
    assert editor.role_mix_text() == "1 Traffic 2 Profit 1 Image 1 Welfare"
    assert "1 Traffic 2 Profit 1 Image 1 Welfare" in editor.summary_label.text()
    # move down with the button, then drag the last to the top
    editor.select_product(editor.model.rows()[0].product_id)
    editor.down_button.click()
    assert names() == ["L-1", "L-0", "L-2", "L-3", "L-4"]
    data = editor.model.mimeData([editor.model.index(4, 0)])
    assert data.hasFormat(MIME)
    assert editor.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex()) is False
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.processEvents()
    assert names() == ["L-4", "L-1", "L-0", "L-2", "L-3"]
    tab.undo_stack.undo()
    assert names() == ["L-1", "L-0", "L-2", "L-3", "L-4"]
    # planned units: 200 planned on stock 100 warns, and the pool row shows short-for-lineups
    planned = editor.model.index(names().index("L-2"), LINEUP_COLUMNS.index("planned_units"))
    assert editor.model.setData(planned, "200")
    with db.session() as session:
        item = session.scalar(select(LineupItem).where(LineupItem.stream_id == stream_id).where(
            LineupItem.product_id == next(r.id for r in tab.model.rows() if r.sku == "L-2")))
        assert item.planned_units == 200
    assert editor.summary.planned_units == 200
    assert any(w.kind == "short_for_stream" for w in editor.summary.stock_warnings)
    assert "short_for_lineups" in tab.model.product(next(r.id for r in tab.model.rows() if r.sku == "L-2")).flags
    assert "⚠" in editor.summary_label.text()
    assert editor.summary.expected_margin == Decimal("0.5")
    price = editor.model.index(names().index("L-2"), LINEUP_COLUMNS.index("live_price"))
    assert editor.model.setData(price, "80")
    assert editor.model.rows()[names().index("L-2")].price_overridden
    tab.undo_stack.undo()
    tab.undo_stack.undo()
    assert editor.summary.planned_units == 0
    assert "short_for_lineups" not in tab.model.product(next(r.id for r in tab.model.rows() if r.sku == "L-2")).flags
    # remove, then undo puts it back at its place
    editor.select_product(editor.model.rows()[1].product_id)
    editor.remove_button.click()
    assert names() == ["L-1", "L-2", "L-3", "L-4"]
    tab.undo_stack.undo()
    assert names() == ["L-1", "L-0", "L-2", "L-3", "L-4"]


def test_lineup_of_a_demo_stream_shows_its_mix(demo_tab, demo_db):
    with demo_db.session() as session:
        stream_id = session.scalar(select(LineupItem.stream_id))
        summary = lineups.lineup_summary(session, stream_id)
    demo_tab.open_lineup(stream_id)
    assert demo_tab.lineup.model.rowCount() == summary.item_count > 0
    assert demo_tab.lineup.summary.role_counts == summary.role_counts


def test_tab_is_registered_in_the_window(window):
    widget = window.tab("products")
    assert isinstance(widget, ProductsTab) and window.findChild(ProductsTab) is widget
    assert any("Products" in text for _, text in widget.shortcuts())
    assert hasattr(widget, "open_lineup")


def test_mime_without_our_format_is_refused(tab):
    assert not tab.lineup.model.dropMimeData(QMimeData(), Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_search_narrows_and_widens_like_a_fresh_search(demo_db):
    """Typing on searches only the last hits; editing the text any other way searches everything again."""
    with demo_db.session() as session:
        rows = products.list_products(session)
    model = ProductTableModel()
    model.set_rows(rows)
    model.sort(COLUMNS.index("sku"))

    def fresh(text: str, order=Qt.SortOrder.AscendingOrder, **filters) -> list[int]:
        other = ProductTableModel()
        other.set_rows(rows)
        other.sort(COLUMNS.index("sku"), order)
        other.set_filter(text, **filters)
        return [other.product_at(i).id for i in range(other.rowCount())]

    sku = max(rows, key=lambda r: len(r.sku)).sku.casefold()
    role = rows[0].role
    searches = [(sku[:1], {}), (sku[:3], {}), (sku, {}), (sku[:1], {}), ("", {}), (sku[:2], {"role": role}),
                (sku[:3], {"role": role}), (sku[1:3], {}), ("洗", {}), ("洗面", {})]  # fmt: skip
    for text, filters in searches:
        model.set_filter(text, **filters)
        assert [model.product_at(i).id for i in range(model.rowCount())] == fresh(text, **filters), text
    model.set_filter(sku[:1])
    model.sort(COLUMNS.index("sku"), Qt.SortOrder.DescendingOrder)
    model.set_filter(sku[:2])
    expected = fresh(sku[:2], Qt.SortOrder.DescendingOrder)
    assert expected and [model.product_at(i).id for i in range(model.rowCount())] == expected
    assert model.data(model.index(0, COLUMNS.index("sku"))) == model.product_at(0).sku


def test_inline_edit_keeps_unsaved_detail_typing(tab, db, monkeypatch):
    """Typing in the detail panel survives an inline edit of the same product, and Save then stores it
    on top of that edit without a (false) conflict."""
    asked = []
    monkeypatch.setattr("livedesk.ui.conflict_dialog.ask_overwrite", lambda *args, **kw: asked.append(args) or False)
    pid = add_product(db, sku="K-1", name="护手霜", live_price="39")
    tab.reload()
    select_rows(tab, "K-1")
    panel = tab.detail
    panel.notes_edit.setPlainText("直播间提醒：限量")  # typed, not saved
    panel.faq_model.add_pair("香味持久吗？", "约四小时")
    assert tab.proxy.setData(cell(tab, "K-1", "live_price"), "49")
    assert panel.product_id == pid
    assert panel.notes_edit.toPlainText() == "直播间提醒：限量"
    assert panel.faq_model.values() == [("香味持久吗？", "约四小时")]
    assert "49" in panel.info_label.text()  # the read-only parts show the new price
    panel.save_button.click()
    assert not asked
    with db.session() as session:
        state = products.product_state(session, pid)
    assert state["notes"] == "直播间提醒：限量" and state["faqs"] == (("香味持久吗？", "约四小时"),)
    assert state["live_price"] == Decimal("49")
    assert tab.undo_stack.count() == 2


def test_moving_to_another_product_saves_the_typing_for_the_one_left(tab, db):
    first = add_product(db, sku="M-1", name="面膜", live_price="29")
    add_product(db, sku="M-2", name="眼霜", live_price="59")
    tab.reload()
    select_rows(tab, "M-1")
    tab.detail.notes_edit.setPlainText("主推，库存充足")  # typed, Save not pressed
    select_rows(tab, "M-2")
    assert tab.detail.notes_edit.toPlainText() == ""  # the other product's (empty) notes
    with db.session() as session:
        assert products.product_state(session, first)["notes"] == "主推，库存充足"
    tab.undo_stack.undo()  # one step, undoable like a Save
    with db.session() as session:
        assert not products.product_state(session, first)["notes"]
