"""Team mode in the services, without Qt: a teammate is a second Database on the same file. A save, bulk edit
or delete that carries a stale version is refused and writes nothing; without a version (the user chose
Overwrite) it goes through; deletes of a changed stream or product are refused. An undo or redo checks only
the values it writes (`check_states`, `check_streams`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from livedesk.models import Product, Stream
from livedesk.services import lineups, products, schedule
from livedesk.services.errors import ConcurrentEditError, StaleRowError

START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def pid(db) -> int:
    with db.session() as s:
        product = products.create_product(s, {"sku": "A-1", "name": "护手霜", "live_price": "39.9", "notes": "原备注"})
        products.replace_selling_points(s, product.id, [("保湿", "涂手背")])
        return product.id


def state(db, pid: int) -> dict:
    with db.session() as s:
        return products.product_state(s, pid)


def stream_ids(db, *titles: str) -> list[int]:
    ids = []
    with db.session() as s:
        for n, title in enumerate(titles):
            data = schedule.StreamData(title=title, start_at=START + dt.timedelta(days=n), planned_minutes=120)
            ids.append(schedule.create_stream(s, data).id)
    return ids


def read_stream(db, stream_id: int) -> schedule.StreamData:
    with db.session() as s:
        return schedule.get_stream_data(s, stream_id)


def stream_count(db) -> int:
    with db.session() as s:
        return len(s.scalars(select(Stream.id)).all())


# --- products: the detail panel's parts and undo ---------------------------------------------------------


def test_product_state_and_snapshot_state_agree(db, pid):
    with db.session() as s:
        snap = products.snapshot_product(s, pid)
        live = products.product_state(s, pid)
    assert products.snapshot_state(snap) == live
    assert live["selling_points"] == (("保湿", "涂手背"),) and live["notes"] == "原备注"
    assert snap["version"] == live["version"]


def test_check_states_compares_only_what_the_step_writes(db, teammate, pid):
    with db.session() as s:
        before = products.snapshot_product(s, pid)
        products.update_product(s, pid, {"notes": "我的备注"})
        products.replace_selling_points(s, pid, [("我的卖点", "")])
    with db.session() as s:
        after = products.snapshot_product(s, pid)
    parts = products.changed_parts(before, after)
    assert parts == {"notes", "selling_points"}
    left = {name: products.snapshot_state(after)[name] for name in parts}  # what my change left
    with teammate.session() as s:  # a save of other fields (or my own elsewhere) is no conflict for my undo
        products.update_product(s, pid, {"supplier": "队友的供应商"})
    with db.session() as s:
        assert products.check_states(s, {pid: left}) == {pid: state(db, pid)["version"]}
    with teammate.session() as s:  # a save of a field my undo writes is
        products.update_product(s, pid, {"notes": "队友的备注"})
    with pytest.raises(products.ProductChangedError) as caught, db.session() as s:
        products.check_states(s, {pid: left})
        products.apply_parts(s, pid, before, parts)
    assert caught.value.product_ids == [pid]
    now = state(db, pid)
    assert (now["notes"], now["supplier"], now["selling_points"]) == ("队友的备注", "队友的供应商", (("我的卖点", ""),))
    with teammate.session() as s:
        products.delete_products(s, [pid])
    with pytest.raises(products.ProductNotFoundError), db.session() as s:
        products.check_states(s, {pid: left})


def test_check_streams_compares_only_what_the_step_writes(db, teammate):
    [stream_id] = stream_ids(db, "周五美妆专场")
    left = schedule.content(read_stream(db, stream_id), ["title"])
    with teammate.session() as s:
        schedule.update_stream(s, stream_id, dataclasses.replace(schedule.get_stream_data(s, stream_id), notes="队友的备注",
                                                                 status="scripted"))
    with db.session() as s:
        assert schedule.check_streams(s, {stream_id: left}) == {stream_id: read_stream(db, stream_id).version}
    with teammate.session() as s:
        schedule.update_stream(s, stream_id, dataclasses.replace(schedule.get_stream_data(s, stream_id), title="他们的"))
    with pytest.raises(schedule.StreamChangedError) as caught, db.session() as s:
        schedule.check_streams(s, {stream_id: left})
    assert caught.value.stream_ids == [stream_id]


def test_snapshot_products_reads_what_snapshot_product_reads(db, pid):
    with db.session() as s:
        other = products.create_product(s, {"sku": "B-1", "name": "洗面奶", "live_price": "29"}).id
        stream_id = schedule.create_stream(s, schedule.StreamData(title="周五", start_at=START, planned_minutes=60)).id
        lineups.add_to_lineup(s, stream_id, pid, planned_units=5)
    with db.session() as s:
        one_by_one = {i: products.snapshot_product(s, i) for i in (pid, other)}
    with db.session() as s:
        assert products.snapshot_products(s, [pid, other, 999]) == one_by_one


def test_apply_parts_forced_writes_only_the_parts_and_moves_the_version(db, teammate, pid):
    with db.session() as s:
        before = products.snapshot_product(s, pid)
        products.replace_selling_points(s, pid, [("我的卖点", "")])
    with teammate.session() as s:
        products.update_product(s, pid, {"notes": "队友的备注"})
    stored = state(db, pid)["version"]
    with db.session() as s:  # Overwrite: only the selling points go back; their notes stay
        products.apply_parts(s, pid, before, {"selling_points"})
    now = state(db, pid)
    assert now["selling_points"] == (("保湿", "涂手背"),) and now["notes"] == "队友的备注"
    assert now["version"] == stored + 1  # children alone still move the version teammates check


def test_removing_a_document_moves_the_version(db, pid, tmp_path):
    report = tmp_path / "质检报告.pdf"
    report.write_bytes(b"%PDF")
    with db.session() as s:
        document_id = products.attach_document(s, pid, report, tmp_path / "attachments").id
    version = state(db, pid)["version"]
    with db.session() as s:
        products.remove_document(s, document_id)
    assert state(db, pid)["version"] == version + 1


def test_a_restored_product_keeps_the_version_it_was_deleted_at(db, pid):
    with db.session() as s:
        products.update_product(s, pid, {"notes": "改过"})
    version = state(db, pid)["version"]
    assert version > 1
    with db.session() as s:
        [snap] = products.delete_products(s, [pid])
    with db.session() as s:
        products.restore_product(s, snap)
    assert state(db, pid)["version"] == version


# --- products: deletes and bulk edits ---------------------------------------------------------------------


def test_deleting_a_product_a_teammate_changed_is_refused(db, teammate, pid):
    with db.session() as s:
        other = products.create_product(s, {"sku": "B-1", "name": "洗面奶", "live_price": "29"}).id
    seen = {pid: state(db, pid)["version"], other: state(db, other)["version"]}
    with teammate.session() as s:
        products.update_product(s, pid, {"stock": 80})
    with pytest.raises(products.ProductChangedError) as caught, db.session() as s:
        products.delete_products(s, [pid, other], expected_versions=seen)
    assert caught.value.product_ids == [pid] and "护手霜" in str(caught.value)
    with db.session() as s:  # nothing was deleted, not even the unchanged one
        assert len(s.scalars(select(Product.id)).all()) == 2
    with db.session() as s:  # Delete anyway
        products.delete_products(s, [pid, other])
    with db.session() as s:
        assert s.scalars(select(Product.id)).all() == []


def test_deleting_a_product_a_teammate_deleted_changes_nothing(db, teammate, pid):
    with db.session() as s:
        other = products.create_product(s, {"sku": "B-1", "name": "洗面奶", "live_price": "29"}).id
    seen = {pid: 1, other: 1}
    with teammate.session() as s:
        products.delete_products(s, [pid])
    with pytest.raises(products.ProductNotFoundError), db.session() as s:
        products.delete_products(s, [pid, other], expected_versions=seen)
    with db.session() as s:
        assert s.scalars(select(Product.id)).all() == [other]


def test_bulk_edit_with_a_stale_version_is_refused_and_writes_nothing(db, teammate, pid):
    with db.session() as s:
        other = products.create_product(s, {"sku": "B-1", "name": "洗面奶", "live_price": "29"}).id
    seen = {pid: state(db, pid)["version"], other: state(db, other)["version"]}
    with teammate.session() as s:
        products.update_product(s, other, {"supplier": "队友的供应商"})
    with pytest.raises(products.ProductChangedError) as caught, db.session() as s:
        products.bulk_update(s, [pid, other], "supplier", "我的供应商", expected_versions=seen)
    assert caught.value.product_ids == [other]
    assert (state(db, pid)["supplier"], state(db, other)["supplier"]) == ("", "队友的供应商")
    with db.session() as s:  # with the versions they have now it goes through, and moves each version
        fresh = {pid: state(db, pid)["version"], other: state(db, other)["version"]}
        previous = products.bulk_update(s, [pid, other], "supplier", "我的供应商", expected_versions=fresh)
    assert previous == {pid: "", other: "队友的供应商"}
    assert state(db, other)["version"] == fresh[other] + 1
    with pytest.raises(products.ProductChangedError), db.session() as s:  # undo expecting the old versions
        products.bulk_set_values(s, "supplier", previous, expected_versions=fresh)
    assert state(db, pid)["supplier"] == "我的供应商"


# --- streams ----------------------------------------------------------------------------------------------


def test_deleting_a_stream_a_teammate_changed_is_refused(db, teammate):
    first, second = stream_ids(db, "周五美妆专场", "周六清仓专场")
    seen = {first: read_stream(db, first).version, second: read_stream(db, second).version}
    with teammate.session() as s:
        schedule.update_stream(s, first, dataclasses.replace(schedule.get_stream_data(s, first), notes="队友的备注"))
    with pytest.raises(schedule.StreamChangedError) as caught, db.session() as s:
        schedule.delete_streams(s, [first, second], expected_versions=seen)
    assert caught.value.stream_ids == [first] and "周五美妆专场" in str(caught.value)
    assert stream_count(db) == 2  # nothing deleted, not even the unchanged one
    with pytest.raises(schedule.StreamChangedError), db.session() as s:
        schedule.delete_stream(s, first, expected_version=seen[first])
    with db.session() as s:  # Delete anyway
        deleted = schedule.delete_streams(s, [first, second])
    assert [d.notes for d in deleted] == ["队友的备注", ""] and stream_count(db) == 0


def test_deleting_a_stream_a_teammate_deleted_changes_nothing(db, teammate):
    first, second = stream_ids(db, "周五美妆专场", "周六清仓专场")
    with teammate.session() as s:
        schedule.delete_stream(s, first)
    with pytest.raises(schedule.ValidationError, match="no longer exists"), db.session() as s:
        schedule.delete_streams(s, [first, second], expected_versions={first: 1, second: 1})
    assert stream_count(db) == 1


def test_a_save_a_moment_later_is_caught_by_the_delete_itself(db, teammate):
    """The unit of work turns SQLAlchemy's StaleDataError into the user's ConcurrentEditError."""
    [stream_id] = stream_ids(db, "周五美妆专场")
    with pytest.raises(StaleRowError, match="Someone else changed this record") as caught, db.session() as s:
        stream = s.get(Stream, stream_id)  # loaded (and checked) at version 1 …
        with teammate.session() as t:  # … then the teammate commits before the DELETE runs
            schedule.update_stream(t, stream_id, dataclasses.replace(schedule.get_stream_data(t, stream_id), notes="刚改"))
        schedule.delete_streams(s, [stream.id], expected_versions={stream_id: 1})
    assert isinstance(caught.value, ConcurrentEditError) and isinstance(caught.value.__cause__, StaleDataError)
    assert read_stream(db, stream_id).notes == "刚改"


def test_stream_undo_with_a_stale_version_is_refused(db, teammate):
    [stream_id] = stream_ids(db, "周五美妆专场")
    before = read_stream(db, stream_id)
    with db.session() as s:  # my edit, then the teammate's
        schedule.update_stream(s, stream_id, dataclasses.replace(before, title="我的标题"), expected_version=before.version)
    mine = read_stream(db, stream_id)
    with teammate.session() as s:
        schedule.update_stream(s, stream_id, dataclasses.replace(schedule.get_stream_data(s, stream_id), notes="队友的备注"))
    with pytest.raises(schedule.StreamChangedError), db.session() as s:  # undo expecting where my edit left it
        schedule.update_stream(s, stream_id, before, expected_version=mine.version)
    theirs = read_stream(db, stream_id)
    assert (theirs.title, theirs.notes) == ("我的标题", "队友的备注")
    with db.session() as s:  # going ahead: only the field my edit changed
        schedule.update_stream(s, stream_id, schedule.merge_changes(mine, before, theirs), expected_version=theirs.version)
    now = read_stream(db, stream_id)
    assert (now.title, now.notes) == ("周五美妆专场", "队友的备注")
