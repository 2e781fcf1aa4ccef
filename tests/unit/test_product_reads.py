"""The product tab's reads and its detail-panel step (no Qt): one unit of work each, plain data back."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from livedesk.services import lineup_steps, product_reads, product_steps, products, schedule, schedule_steps
from livedesk.services.product_steps import DetailEdit

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 20, 15, 0, tzinfo=SHANGHAI)


def product(db, sku: str = "A-1", name: str = "护手霜") -> int:
    product_id, _ = product_steps.create(db, {"sku": sku, "name": name, "live_price": "99", "cost": "40"})
    return product_id


# --- which stream the lineup editor shows ----------------------------------------------------------------------


def test_pick_stream_keeps_the_current_one_else_the_next_from_today_else_the_last():
    past = schedule.StreamData(title="上周", start_at=NOW - dt.timedelta(days=7), planned_minutes=60, id=1)
    tonight = schedule.StreamData(title="今晚", start_at=NOW.replace(hour=20), planned_minutes=60, id=2)
    later = schedule.StreamData(title="下周", start_at=NOW + dt.timedelta(days=7), planned_minutes=60, id=3)
    streams = [past, tonight, later]
    assert product_reads.pick_stream(streams, 3, NOW) == 3
    assert product_reads.pick_stream(streams, None, NOW) == 2  # tonight's, even though 20:00 is later today
    assert product_reads.pick_stream(streams, 99, NOW) == 2  # the one shown was deleted
    assert product_reads.pick_stream([past], None, NOW) == 1
    assert product_reads.pick_stream([], 3, NOW) is None


# --- reading the tab -----------------------------------------------------------------------------------------


def test_read_pool_holds_the_rows_streams_lineup_and_detail_asked_for(db):
    cream, spray = product(db), product(db, "B-2", "防晒喷雾")
    product_steps.change(db, cream, DetailEdit(selling_points=(("保湿", "手背涂抹"),), faqs=(("孕妇能用吗", "可以"),)), 1)
    ids, _ = schedule_steps.create(db, [
        schedule.StreamData(title=t, start_at=NOW + dt.timedelta(days=d), planned_minutes=120)
        for t, d in (("周五专场", 1), ("周日专场", 3))])
    lineup_steps.add(db, ids[1], [spray])
    lineup_steps.set_values(db, ids[1], spray, {"planned_units": "30"}, None)
    view = product_reads.read_pool(db, products.Rules(), ids[1], cream)
    assert [r.sku for r in view.rows] == ["A-1", "B-2"]
    assert [s.title for s in view.streams] == ["周五专场", "周日专场"]
    assert view.stream_id == ids[1] and view.lineup is not None
    assert [(r.name, r.planned_units) for r in view.lineup.rows] == [("防晒喷雾", 30)]
    assert view.lineup.summary.planned_units == 30
    assert view.detail is not None
    assert view.detail.selling_points == [("保湿", "手背涂抹")] and view.detail.faqs == [("孕妇能用吗", "可以")]
    assert view.detail.state == product_steps.stored_states(db, [cream])[cream] and view.detail.history == []


def test_read_pool_without_streams_or_with_the_detail_product_deleted(db, teammate):
    cream = product(db)
    product_steps.delete(teammate, [cream], {cream: 1})
    view = product_reads.read_pool(db, products.Rules(), None, cream)
    assert (view.rows, view.streams, view.stream_id, view.lineup, view.detail) == ([], [], None, None, None)


def test_product_state_names_the_product_and_refuses_a_deleted_one(db, teammate):
    cream = product(db)
    name, state = product_reads.product_state(db, cream)
    assert name == "护手霜" and state["live_price"] == Decimal("99.00")
    product_steps.delete(teammate, [cream], {cream: 1})
    assert not product_reads.product_exists(db, cream)
    with pytest.raises(products.ProductNotFoundError):
        product_reads.product_state(db, cream)


def test_export_sheet_writes_the_products_asked_for(db, tmp_path):
    cream, _ = product(db), product(db, "B-2", "防晒喷雾")
    summary = product_reads.export_sheet(db, tmp_path / "选品表.csv", [cream])
    with open(tmp_path / "选品表.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert summary.rows == 1 and len(rows) == 2 and "护手霜" in rows[1]


# --- the detail panel's change, as plain values ----------------------------------------------------------------


def test_a_detail_edit_changes_only_the_parts_given_and_undoes(db):
    cream = product(db)
    product_steps.change(db, cream, DetailEdit(notes="限量"), 1)
    before, after, parts, left = product_steps.change(db, cream, DetailEdit(selling_points=(("保湿", ""),)), 2)
    assert parts == {"selling_points"}
    state = product_steps.stored_states(db, [cream])[cream]
    assert state["notes"] == "限量" and state["selling_points"] == (("保湿", ""),)
    product_steps.apply_change(db, cream, before, parts, left)  # undo
    assert product_steps.stored_states(db, [cream])[cream]["selling_points"] == ()


def test_a_detail_edit_copies_a_photo_and_a_document_into_the_attachments(db, tmp_path):
    cream = product(db)
    attachments = tmp_path / "data" / "attachments"
    photo, report = tmp_path / "cream.png", tmp_path / "质检报告.pdf"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n")
    report.write_bytes(b"%PDF-1.4\n")
    product_steps.change(db, cream, DetailEdit(photo=str(photo), attachments=attachments), 1)
    _, _, parts, _ = product_steps.change(db, cream, DetailEdit(add_document=str(report), attachments=attachments), 2)
    assert "documents" in parts
    detail = product_reads.product_detail(db, cream)
    assert detail is not None
    [(document_id, name, stored, _added)] = detail.documents
    assert name == "质检报告.pdf" and (tmp_path / "data" / stored).read_bytes() == b"%PDF-1.4\n"
    assert (tmp_path / "data" / detail.state["photo_path"]).is_file()
    assert detail.state["qualification"] == "ok"
    product_steps.change(db, cream, DetailEdit(remove_document=document_id), detail.state["version"])
    assert product_reads.product_detail(db, cream).documents == []
    with pytest.raises(products.AttachmentRefused):
        product_steps.change(db, cream, DetailEdit(add_document=str(tmp_path / "setup.exe"), attachments=attachments),
                             None)


def test_categories_are_the_pools_own_sorted_without_blanks(db):
    from livedesk.models import Product

    with db.session() as session:
        session.add_all([
            Product(sku="A", name="面霜", live_price=Decimal("99"), cost=Decimal("40"), category="美妆"),
            Product(sku="B", name="外套", live_price=Decimal("299"), cost=Decimal("120"), category="服饰"),
            Product(sku="C", name="赠品", live_price=Decimal("0"), cost=Decimal("1"), category="  "),
            Product(sku="D", name="口红", live_price=Decimal("129"), cost=Decimal("30"), category="美妆"),
        ])
    assert product_reads.categories(db) == sorted(["服饰", "美妆"])
