"""The product pool services: margins, flags, the listing, edits with undo, files and history."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event, func, insert, select

from livedesk.config import Preferences
from livedesk.models import (
    LineupItem,
    LinkEvent,
    Product,
    ProductResult,
    Review,
    Stream,
)
from livedesk.services import products as ps
from livedesk.services.importers.product_sheet import import_product_sheet

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"  # in the repository: no test reads outside it
SAMPLE = FIXTURES / "products" / "选品表_样例.xlsx"
EXPECTED = FIXTURES / "products" / "选品表_样例.expected.json"
NOW = dt.datetime(2026, 6, 10, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def make_product(session, sku="SKU-1", **fields) -> Product:
    values = {"sku": sku, "name": f"商品 {sku}", "live_price": "100", "cost": "50", "commission_rate": "10%"}
    values.update(fields)
    return ps.create_product(session, values)


def make_stream(session, start_at: dt.datetime, status: str = "planned", title: str = "场次") -> Stream:
    stream = Stream(title=title, start_at=start_at, planned_minutes=120, status=status)
    session.add(stream)
    session.flush()
    return stream


def add_result(session, product: Product, start_at: dt.datetime, exposure, clicks, buyers=None, gmv=None) -> Stream:
    stream = make_stream(session, start_at, status="reviewed", title=f"复盘 {start_at:%m-%d}")
    review = Review(stream_id=stream.id)
    session.add(review)
    session.flush()
    session.add(
        ProductResult(
            review_id=review.id,
            product_id=product.id,
            name=product.name,
            exposure_users=exposure,
            click_users=clicks,
            buyers=buyers,
            gmv=gmv,
        )
    )
    session.flush()
    return stream


# --------------------------------------------------------------------------------------------------- margin, rules


def test_gross_margin_formula_and_missing_inputs():
    assert ps.gross_margin(Decimal("100"), Decimal("50"), Decimal("0.1")) == Decimal("0.4")
    assert ps.gross_margin(Decimal("100"), Decimal("50"), None) == Decimal("0.5")
    assert ps.gross_margin(None, Decimal("50"), Decimal("0.1")) is None
    assert ps.gross_margin(Decimal("100"), None, Decimal("0.1")) is None
    assert ps.gross_margin(Decimal("0"), Decimal("0"), Decimal("0")) is None
    assert ps.gross_margin(Decimal("78.4"), Decimal("60.5"), Decimal("0.25")) < 0


def test_rules_come_from_preferences():
    prefs = Preferences(margin_floor_profit=0.35, margin_floor_traffic=0.2, stock_buffer=0.1, low_click_rate=0.05)
    rules = ps.Rules.from_preferences(prefs)
    assert rules.margin_floor("profit") == Decimal("0.35")
    assert rules.margin_floor("traffic") == Decimal("0.2")
    assert rules.margin_floor("welfare") is None
    assert rules.stock_buffer == Decimal("0.1")
    assert rules.low_click_rate == Decimal("0.05")
    assert ps.Rules.from_preferences().margin_floor("profit") == Decimal("0.3")


def test_role_and_qualification_words():
    assert ps.parse_role("引流款") == ps.parse_role("引流") == ps.parse_role("Traffic") == "traffic"
    assert ps.parse_role("福利") == "welfare"
    assert ps.parse_qualification("已上传") == "ok"
    with pytest.raises(ValueError, match="引流款"):
        ps.parse_role("爆品王")


# --------------------------------------------------------------------------------------------------- fixture


def test_sample_sheet_margins_and_stock_lines_match_expected(db):
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    with db.session() as s:
        import_product_sheet(s, SAMPLE)
    with db.session() as s:
        rows = {row.sku: row for row in ps.list_products(s, ps.Rules(), now=NOW)}
    assert len(rows) == len(expected)
    for item in expected:
        row = rows[item["sku"]]
        assert row.name == item["name"]
        assert row.role_label == item["role"]
        assert row.live_price == Decimal(str(item["live_price"]))
        assert row.cost == Decimal(str(item["cost"]))
        assert row.commission_rate == Decimal(str(item["commission_rate"]))
        assert (row.stock, row.safety_stock) == (item["stock"], item["safety_stock"])
        # expected.json was computed in binary floats; Decimal agrees to the last float digit or two
        assert float(row.gross_margin) == pytest.approx(item["gross_margin"], rel=1e-12, abs=1e-15)
        assert ("below_safety_stock" in row.flags) == item["below_stock_line"], item["sku"]
        below_floor = (
            row.role in ("profit", "traffic") and row.gross_margin < {"profit": 0.3, "traffic": 0.15}[row.role]
        )
        assert ("below_margin_floor" in row.flags) == below_floor, item["sku"]
        assert row.selling_point_count == 3


# --------------------------------------------------------------------------------------------------- create / update


def test_create_validates_and_parses_typed_values(db):
    with db.session() as s:
        product = ps.create_product(
            s,
            {
                "sku": "\t'00123",
                "name": " 山野 蜂蜜 ",
                "live_price": "¥1,299.0",
                "commission_rate": "20%",
                "stock": "1,200",
                "role": "引流款",
            },
        )
        assert product.sku == "00123"
        assert product.name == "山野 蜂蜜"
        assert product.live_price == Decimal("1299.00")
        assert product.commission_rate == Decimal("0.2")
        assert product.stock == 1200
        assert product.role == "traffic"
        assert product.qualification == "missing"
    with db.session() as s:
        for missing in ("name", "sku", "live_price"):
            fields = {"sku": "X", "name": "n", "live_price": 1}
            del fields[missing]
            with pytest.raises(ValueError, match="required"):
                ps.create_product(s, fields)
        with pytest.raises(ValueError, match="negative"):
            ps.create_product(s, {"sku": "X", "name": "n", "live_price": "-1"})
        with pytest.raises(ValueError, match="negative"):
            ps.create_product(s, {"sku": "X", "name": "n", "live_price": "1", "cost": -5})
        with pytest.raises(ValueError, match="already used"):
            ps.create_product(s, {"sku": "00123", "name": "n", "live_price": "1"})
        with pytest.raises(ValueError, match="Live price"):
            ps.create_product(s, {"sku": "X", "name": "n", "live_price": "abc"})
        with pytest.raises(ValueError, match="Unknown"):
            ps.create_product(s, {"sku": "X", "name": "n", "live_price": "1", "colour": "red"})
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 1


def test_update_checks_version_and_values(db):
    with db.session() as s:
        pid = make_product(s).id
    with db.session() as s:
        product = ps.update_product(s, pid, {"cost": "60"}, expected_version=1)
        assert product.version == 2
    with db.session() as s:
        with pytest.raises(ps.ProductChangedError):
            ps.update_product(s, pid, {"cost": "70"}, expected_version=1)
        with pytest.raises(ValueError, match="required"):
            ps.update_product(s, pid, {"live_price": "-"})
        with pytest.raises(ps.ProductNotFoundError):
            ps.update_product(s, 999, {"cost": "1"})
    with db.session() as s:
        assert ps.get_product(s, pid).cost == Decimal("60.00")


# --------------------------------------------------------------------------------------------------- flags


def flags_for(db, sku: str) -> list[str]:
    with db.session() as s:
        return next(row for row in ps.list_products(s, ps.Rules(), now=NOW) if row.sku == sku).flags


def test_margin_floor_per_role(db):
    with db.session() as s:
        make_product(s, "P-LOW", role="profit", cost="65", commission_rate="10%")  # 25% < 30%
        make_product(s, "P-OK", role="profit", cost="60", commission_rate="10%")  # 30% is not below
        make_product(s, "T-LOW", role="traffic", cost="80", commission_rate="10%")  # 10% < 15%
        make_product(s, "T-OK", role="traffic", cost="70", commission_rate="10%")  # 20%
        make_product(s, "W-NEG", role="welfare", cost="120", commission_rate="0")  # welfare has no floor
        make_product(s, "NO-COST", role="profit", cost=None)
    assert "below_margin_floor" in flags_for(db, "P-LOW")
    assert "below_margin_floor" not in flags_for(db, "P-OK")
    assert "below_margin_floor" in flags_for(db, "T-LOW")
    assert "below_margin_floor" not in flags_for(db, "T-OK")
    assert "below_margin_floor" not in flags_for(db, "W-NEG")
    assert "below_margin_floor" not in flags_for(db, "NO-COST")
    with db.session() as s:
        row = ps.list_products(s, ps.Rules(), now=NOW)[0]
        assert row.sku == "NO-COST" and row.gross_margin is None
        low = next(r for r in ps.list_products(s, ps.Rules(), now=NOW) if r.sku == "P-LOW")
        assert "25.0%" in low.flag_reasons["below_margin_floor"]
        assert "30.0%" in low.flag_reasons["below_margin_floor"]


def test_safety_stock_and_qualification(db):
    with db.session() as s:
        make_product(s, "LOW", stock=20, safety_stock=50, qualification="ok")
        make_product(s, "EQUAL", stock=50, safety_stock=50, qualification="pending")
        make_product(s, "UNKNOWN", stock=None, safety_stock=50)
    assert flags_for(db, "LOW") == ["below_safety_stock"]
    assert flags_for(db, "EQUAL") == ["missing_qualification"]
    assert flags_for(db, "UNKNOWN") == ["missing_qualification"]


def test_short_for_upcoming_lineups_only(db):
    local = NOW.tzinfo
    with db.session() as s:
        short = make_product(s, "SHORT", stock=114, qualification="ok")  # needs 100 × 1.15 = 115
        enough = make_product(s, "ENOUGH", stock=115, qualification="ok")
        past = make_product(s, "PAST", stock=10, qualification="ok")
        live = make_product(s, "LIVE", stock=10, qualification="ok")
        this_morning = make_stream(s, dt.datetime(2026, 6, 10, 8, 0, tzinfo=local))  # earlier today: still counts
        tomorrow = make_stream(s, dt.datetime(2026, 6, 11, 20, 0, tzinfo=local), status="rehearsed")
        yesterday = make_stream(s, dt.datetime(2026, 6, 9, 20, 0, tzinfo=local))
        on_air = make_stream(s, dt.datetime(2026, 6, 10, 20, 0, tzinfo=local), status="live")
        s.add_all(
            [
                LineupItem(stream_id=this_morning.id, product_id=short.id, planned_units=60),
                LineupItem(stream_id=tomorrow.id, product_id=short.id, planned_units=40),
                LineupItem(stream_id=tomorrow.id, product_id=enough.id, planned_units=100),
                LineupItem(stream_id=yesterday.id, product_id=past.id, planned_units=500),
                LineupItem(stream_id=on_air.id, product_id=live.id, planned_units=500),
            ]
        )
    assert flags_for(db, "SHORT") == ["short_for_lineups"]
    assert flags_for(db, "ENOUGH") == []
    assert flags_for(db, "PAST") == []
    assert flags_for(db, "LIVE") == []
    with db.session() as s:
        row = next(r for r in ps.list_products(s, now=NOW) if r.sku == "SHORT")
        assert row.upcoming_units == 100
        assert "115" in row.flag_reasons["short_for_lineups"]


def test_low_click_rate_uses_the_last_five_reviews(db):
    local = NOW.tzinfo
    with db.session() as s:
        low = make_product(s, "LOW", qualification="ok")
        recovered = make_product(s, "OLD-LOW", qualification="ok")
        fresh = make_product(s, "NO-DATA", qualification="ok")
        for day in range(1, 6):  # five recent reviews at 2%
            add_result(s, low, dt.datetime(2026, 5, day, 20, tzinfo=local), 1000, 20)
        # an older review with a high rate must not count (only the last five)
        add_result(s, low, dt.datetime(2026, 4, 1, 20, tzinfo=local), 100_000, 50_000)
        add_result(s, recovered, dt.datetime(2026, 4, 1, 20, tzinfo=local), 1000, 10)
        for day in range(1, 6):
            add_result(s, recovered, dt.datetime(2026, 5, day, 20, tzinfo=local), 1000, 50)
        add_result(s, fresh, dt.datetime(2026, 5, 1, 20, tzinfo=local), None, None)
    assert flags_for(db, "LOW") == ["low_click_rate"]
    assert flags_for(db, "OLD-LOW") == []
    assert flags_for(db, "NO-DATA") == []
    with db.session() as s:
        rows = {r.sku: r for r in ps.list_products(s, now=NOW)}
    assert (rows["LOW"].recent_exposure_users, rows["LOW"].recent_click_users) == (5000, 100)
    assert rows["LOW"].recent_click_rate == Decimal("0.02")
    assert rows["OLD-LOW"].recent_click_rate == Decimal("0.05")
    assert rows["NO-DATA"].recent_click_rate is None


def test_product_flags_function_on_a_product_object(db):
    with db.session() as s:
        product = make_product(s, "X", role="profit", cost="80", stock=5, safety_stock=10)
        names = ps.product_flags(
            product, ps.Rules(), upcoming_units=10, recent_exposure_users=1000, recent_click_users=10
        )
    assert names == list(ps.FLAG_NAMES)


# --------------------------------------------------------------------------------------------------- listing at scale


def test_list_products_is_batched_for_twenty_thousand_products(db):
    with db.session() as s:
        s.execute(
            insert(Product),
            [
                {
                    "sku": f"S{i:05d}",
                    "name": f"商品{i}",
                    "live_price": Decimal("99.00"),
                    "cost": Decimal("40.00"),
                    "commission_rate": Decimal("0.1"),
                    "stock": i % 300,
                    "safety_stock": 50,
                    "role": "profit",
                }
                for i in range(20_000)
            ],
        )
        stream = make_stream(s, NOW + dt.timedelta(days=1))
        s.execute(
            insert(LineupItem), [{"stream_id": stream.id, "product_id": i, "planned_units": 100} for i in range(1, 200)]
        )
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        with db.session() as s:
            rows = ps.list_products(s, ps.Rules(), now=NOW)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert len(rows) == 20_000
    # a fixed number of queries whatever the pool's size (no query per product); its speed is the
    # benchmarks' "product search" row
    assert len(statements) <= 8, statements
    assert sum("short_for_lineups" in r.flags for r in rows) > 0


def test_list_products_for_a_few_ids(db):
    with db.session() as s:
        ids = [make_product(s, f"S{i}").id for i in range(5)]
    with db.session() as s:
        rows = ps.list_products(s, ids=ids[:2], now=NOW)
        assert [r.id for r in rows] == ids[:2]
        assert ps.list_products(s, ids=[], now=NOW) == []


# --------------------------------------------------------------------------------------------------- bulk, undo


def test_bulk_update_and_undo(db):
    with db.session() as s:
        ids = [make_product(s, f"S{i}", supplier=f"厂{i}").id for i in range(3)]
    with db.session() as s:
        previous = ps.bulk_update(s, ids[:2], "role", "引流款")
        assert previous == {ids[0]: "profit", ids[1]: "profit"}
        ps.bulk_update(s, ids, "supplier", "义乌供应链")
    with db.session() as s:
        rows = {r.id: r for r in ps.list_products(s, now=NOW)}
        assert [rows[i].role for i in ids] == ["traffic", "traffic", "profit"]
        assert {rows[i].supplier for i in ids} == {"义乌供应链"}
        assert rows[ids[0]].version == 3
    with db.session() as s:
        ps.bulk_set_values(s, "role", previous)
    with db.session() as s:
        assert {r.role for r in ps.list_products(s, now=NOW)} == {"profit"}
        with pytest.raises(ValueError):
            ps.bulk_update(s, ids, "live_price", "1")
        with pytest.raises(ValueError):
            ps.bulk_update(s, ids, "role", "bestseller-ish")


def test_delete_then_restore_brings_everything_back(db, tmp_path):
    doc = tmp_path / "质检报告.pdf"
    doc.write_bytes(b"%PDF-1.4 report")
    with db.session() as s:
        product = make_product(s, "KEEP", stock=10)
        pid = product.id
        ps.replace_selling_points(s, pid, [("保暖", "手摸展示"), "显瘦", {"point": "可机洗", "demo": "洗衣机演示"}])
        ps.replace_faqs(s, pid, [("会起球吗", "不会"), {"question": "发什么快递", "answer": "顺丰"}])
        ps.attach_document(s, pid, doc, tmp_path / "data" / "attachments")
        stream = make_stream(s, NOW + dt.timedelta(days=2))
        s.add(LineupItem(stream_id=stream.id, product_id=pid, position=3, planned_units=40, live_price=Decimal("88")))
        reviewed = add_result(s, product, NOW - dt.timedelta(days=3), 1000, 50)
        s.add(LinkEvent(stream_id=reviewed.id, product_id=pid, action="up"))
    with db.session() as s:
        before = ps.snapshot_product(s, pid)
        snapshot = ps.delete_product(s, pid)
    with db.session() as s:
        assert s.get(Product, pid) is None
        assert s.scalar(select(func.count()).select_from(LineupItem)) == 0
        assert s.scalar(select(ProductResult.product_id)) is None
    with db.session() as s:
        ps.restore_product(s, snapshot)
    with db.session() as s:
        after = ps.snapshot_product(s, pid)
        product = s.get(Product, pid)
        assert [(p.point, p.demo) for p in product.selling_points] == [
            ("保暖", "手摸展示"),
            ("显瘦", ""),
            ("可机洗", "洗衣机演示"),
        ]
        assert [f.question for f in product.faqs] == ["会起球吗", "发什么快递"]
        assert product.qualification == "ok"
    assert after == before
    assert after["lineup"][0]["planned_units"] == 40
    assert len(after["product_result_ids"]) == 1 and len(after["link_event_ids"]) == 1


def test_restore_undoes_an_edit(db):
    with db.session() as s:
        pid = make_product(s, "EDIT", name="原名").id
        ps.replace_selling_points(s, pid, ["一", "二"])
    with db.session() as s:
        snapshot = ps.snapshot_product(s, pid)
        ps.update_product(s, pid, {"name": "新名", "cost": "1"})
        ps.replace_selling_points(s, pid, ["三"])
    with db.session() as s:
        ps.restore_product(s, snapshot)
    with db.session() as s:
        product = ps.get_product(s, pid)
        assert product.name == "原名" and product.cost == Decimal("50.00")
        assert [p.point for p in product.selling_points] == ["一", "二"]


def test_restore_refuses_a_sku_taken_meanwhile(db):
    with db.session() as s:
        snapshot = ps.delete_product(s, make_product(s, "DUP").id)
    with db.session() as s:
        make_product(s, "DUP")
    with db.session() as s, pytest.raises(ValueError, match="already used"):
        ps.restore_product(s, snapshot)


def test_restore_after_the_id_was_reused_keeps_both_products(db):
    with db.session() as s:
        product = make_product(s, "OLD")
        pid = product.id
        add_result(s, product, NOW - dt.timedelta(days=1), 100, 10)
        snapshot = ps.delete_product(s, pid)
    with db.session() as s:
        newcomer = make_product(s, "NEW")
        assert newcomer.id == pid  # SQLite reuses the highest id
    with db.session() as s:
        restored = ps.restore_product(s, snapshot)
        assert restored.id != pid
        restored_id = restored.id
    with db.session() as s:
        assert ps.get_product(s, pid).sku == "NEW"
        assert ps.get_product(s, restored_id).sku == "OLD"
        assert s.scalar(select(ProductResult.product_id)) == restored_id


# --------------------------------------------------------------------------------------------------- points, files


def test_selling_points_and_faq_replace_in_order(db):
    with db.session() as s:
        pid = make_product(s).id
        ps.replace_selling_points(s, pid, ["a", " ", ("b", "演示")])
        ps.replace_faqs(s, pid, [("q1", "a1"), ("", "dropped")])
    with db.session() as s:
        row = ps.list_products(s, now=NOW)[0]
        assert (row.selling_point_count, row.faq_count, row.version) == (2, 1, 3)
        ps.replace_selling_points(s, pid, [])
    with db.session() as s:
        assert ps.list_products(s, now=NOW)[0].selling_point_count == 0


def test_attach_document_and_photo_copy_into_the_data_folder(db, tmp_path):
    source = tmp_path / "incoming" / "report.pdf"
    source.parent.mkdir()
    source.write_bytes(b"report")
    photo = tmp_path / "incoming" / "photo.jpg"
    photo.write_bytes(b"jpg")
    attachments = tmp_path / "data" / "attachments"
    with db.session() as s:
        pid = make_product(s).id
        first = ps.attach_document(s, pid, source, attachments)
        second = ps.attach_document(s, pid, source, attachments)
        relative = ps.set_photo(s, pid, photo, attachments)
    assert first.stored_path != second.stored_path
    assert first.stored_path.startswith("attachments/products/")
    assert ps.attachment_file(first.stored_path, tmp_path / "data").read_bytes() == b"report"
    assert ps.attachment_file(relative, tmp_path / "data").read_bytes() == b"jpg"
    source.unlink()  # the copy survives the original
    assert ps.attachment_file(first.stored_path, tmp_path / "data").exists()
    with db.session() as s:
        row = ps.list_products(s, now=NOW)[0]
        assert row.document_count == 2 and row.photo_path == relative
        assert "missing_qualification" not in row.flags
        with pytest.raises(ValueError, match="cannot be found"):
            ps.attach_document(s, pid, tmp_path / "nope.pdf", attachments)


def test_attach_document_defaults_to_the_app_data_folder(db, tmp_path):
    source = tmp_path / "r.pdf"
    source.write_bytes(b"x")
    with db.session() as s:
        document = ps.attach_document(s, make_product(s).id, source)
    assert (tmp_path / "home" / "data" / document.stored_path).exists()


# --------------------------------------------------------------------------------------------------- history


def test_product_history_per_reviewed_stream(db):
    local = NOW.tzinfo
    with db.session() as s:
        product = make_product(s)
        add_result(s, product, dt.datetime(2026, 5, 1, 20, tzinfo=local), 1000, 80, buyers=20, gmv=Decimal("1999"))
        newer = add_result(s, product, dt.datetime(2026, 5, 8, 20, tzinfo=local), 2000, 50, buyers=5)
        review_id = s.scalar(select(Review.id).where(Review.stream_id == newer.id))
        s.add(
            ProductResult(
                review_id=review_id,
                product_id=product.id,
                name="link 2",
                exposure_users=500,
                click_users=25,
                buyers=5,
                gmv=Decimal("500"),
            )
        )
        pid = product.id
    with db.session() as s:
        history = ps.product_history(s, pid)
    assert [h.title for h in history] == ["复盘 05-08", "复盘 05-01"]
    latest, first = history
    assert (latest.exposure_users, latest.click_users, latest.buyers) == (2500, 75, 10)
    assert latest.click_rate == Decimal("0.03")
    assert latest.gmv == Decimal("500.00")
    assert first.click_rate == Decimal("0.08")
    assert first.conversion == Decimal("0.25")
    assert first.gmv == Decimal("1999.00")
    assert first.date == dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC)
