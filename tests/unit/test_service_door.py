"""The service functions the product, script and schedule tabs read and write through (no Qt here): each
user action is one unit of work, and a teammate's change comes back as a ConcurrentEditError with a message."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from livedesk.services import (
    lineup_steps,
    lineups,
    product_steps,
    products,
    schedule,
    schedule_steps,
    script_steps,
    scripts,
)
from livedesk.services.errors import AlreadyDeleted, ConcurrentEditError, UserError
from tests.unit.script_helpers import add_to_lineup, make_product, make_stream

START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def new_stream(title: str = "周五美妆专场") -> schedule.StreamData:
    return schedule.StreamData(title=title, start_at=START, planned_minutes=120)


# --- the error bases ------------------------------------------------------------------------------------------


def test_the_services_errors_share_one_base_and_teammates_changes_another():
    from livedesk.services.db import DatabaseError
    from livedesk.services.importers.errors import ImportFailed

    for error in (ImportFailed, DatabaseError, schedule.ValidationError, scripts.ScriptError, lineups.LineupError,
                  products.ProductNotFoundError, products.AttachmentRefused):
        assert issubclass(error, UserError), error
    for error in (schedule.StreamChangedError, scripts.ScriptChangedError, scripts.SegmentChangedError,
                  lineups.LineupChangedError, products.ProductChangedError, AlreadyDeleted):
        assert issubclass(error, ConcurrentEditError), error
    assert issubclass(scripts.ScriptError, ValueError)  # old `except ValueError` still catches it


# --- reading what a tab shows ----------------------------------------------------------------------------------


def test_script_view_carries_the_stream_script_lineup_and_names_as_plain_data(db):
    with db.session() as s:
        stream = make_stream(s, minutes=90)
        cream = make_product(s, "护手霜")
        spray = make_product(s, "防晒喷雾")
        add_to_lineup(s, stream, cream, 0, link=3)
        scripts.add_segment(s, stream.id, kind="pitch", title="讲护手霜", duration_seconds=300, product_id=cream.id)
        scripts.add_segment(s, stream.id, kind="pitch", title="讲防晒", duration_seconds=200, product_id=spray.id)
        stream_id, cream_id, spray_id = stream.id, cream.id, spray.id
    with db.session() as s:
        view = scripts.script_view(s, stream_id)
    assert view is not None
    assert [(seg.title, seg.start_seconds, seg.duration_seconds) for seg in view.segments] == [
        ("讲护手霜", 0, 300), ("讲防晒", 300, 200)]
    assert view.segments[0].notes == ""  # text fields never None
    assert view.lineup == [(cream_id, "护手霜")]
    assert view.product_names == {cream_id: "护手霜", spray_id: "防晒喷雾"}  # the segment's product off the lineup
    assert (view.planned_minutes, view.approved, view.rehearsals) == (90, False, [])


def test_script_view_of_a_deleted_stream_is_none(db):
    with db.session() as s:
        stream_id = make_stream(s).id
    with db.session() as s:
        schedule.delete_stream(s, stream_id)
    with db.session() as s:
        assert scripts.script_view(s, stream_id) is None


def test_pitch_draft_uses_the_lineup_price_and_link(db):
    with db.session() as s:
        stream = make_stream(s)
        cream = make_product(s, "护手霜", price="99")
        item = add_to_lineup(s, stream, cream, 0, link=5)
        item.live_price = Decimal("59")
        stream_id, cream_id = stream.id, cream.id
    with db.session() as s:
        draft = scripts.pitch_draft(s, stream_id, cream_id)
        assert scripts.pitch_draft(s, stream_id, cream_id + 99) is None
    assert draft is not None
    assert (draft.name, draft.link_number) == ("护手霜", 5)
    assert "直播间价 ¥59" in draft.host_lines and "护手霜卖点1" in draft.host_lines


def test_product_counts_names_and_skus(db):
    with db.session() as s:
        a = products.create_product(s, {"sku": "A-1", "name": "护手霜", "live_price": "39.9"}).id
        b = products.create_product(s, {"sku": "B-2", "name": "防晒喷雾", "live_price": "59"}).id
    with db.session() as s:
        assert products.count_products(s) == 2
        assert products.product_names(s, [b, a, 999]) == {a: "护手霜", b: "防晒喷雾"}
        assert sorted(products.product_ids_by_sku(s, ["B-2", "A-1", "Z-9"])) == sorted([a, b])
        assert products.product_exists(s, a) and not products.product_exists(s, 999)


def test_stream_title_is_none_once_deleted(db):
    with db.session() as s:
        stream_id = schedule.create_stream(s, new_stream()).id
        assert lineups.stream_title(s, stream_id) == "周五美妆专场"
        schedule.delete_stream(s, stream_id)
        assert lineups.stream_title(s, stream_id) is None


# --- the schedule's undo steps, one transaction each -----------------------------------------------------------


def test_schedule_steps_create_edit_delete_and_restore(db):
    [stream_id], left = schedule_steps.create(db, [new_stream()])
    assert left[stream_id]["title"] == "周五美妆专场"
    before = schedule_steps.stored_streams(db, [stream_id])[stream_id]
    after = dataclasses.replace(before, notes="带福袋")
    left = schedule_steps.save_edit(db, stream_id, after, ["notes"], expected_version=before.version)
    assert left == {stream_id: {"notes": "带福袋"}}
    left = schedule_steps.save_edit(db, stream_id, before, ["notes"], expected=left)  # undo
    assert schedule_steps.stored_streams(db, [stream_id])[stream_id].notes == before.notes
    snapshot = schedule_steps.delete(db, [stream_id], {stream_id: schedule_steps.stored_streams(db, [stream_id])[
        stream_id].version})
    with pytest.raises(schedule.ValidationError):
        schedule_steps.stored_streams(db, [stream_id])
    [restored], left = schedule_steps.restore(db, snapshot, [stream_id])
    assert left[restored]["notes"] == before.notes


def test_an_undo_step_over_a_teammates_edit_writes_nothing(db, teammate):
    [stream_id], _ = schedule_steps.create(db, [new_stream()])
    before = schedule_steps.stored_streams(db, [stream_id])[stream_id]
    left = schedule_steps.save_edit(db, stream_id, dataclasses.replace(before, notes="我的"), ["notes"],
                                    expected_version=before.version)
    with teammate.session() as t:
        schedule.update_stream(t, stream_id, dataclasses.replace(schedule.get_stream_data(t, stream_id), notes="队友的"))
    with pytest.raises(ConcurrentEditError, match="Someone else changed"):
        schedule_steps.save_edit(db, stream_id, before, ["notes"], expected=left)
    assert schedule_steps.stored_streams(db, [stream_id])[stream_id].notes == "队友的"


def test_deleting_again_what_a_teammate_deleted_is_already_deleted(db, teammate):
    [stream_id], left = schedule_steps.create(db, [new_stream()])
    with teammate.session() as t:
        schedule.delete_stream(t, stream_id)
    with pytest.raises(AlreadyDeleted, match="周五美妆专场"):
        schedule_steps.delete(db, [stream_id], expected=left)


# --- the script's undo steps, one transaction each -------------------------------------------------------------


def _script(db) -> tuple[int, list[int]]:
    with db.session() as s:
        stream_id = make_stream(s, minutes=30).id
        ids = [scripts.add_segment(s, stream_id, kind="opening", title=t, duration_seconds=300).id
               for t in ("开场", "讲解", "收尾")]
    return stream_id, ids


def test_script_steps_edit_and_undo_a_field(db):
    stream_id, (first, _, _) = _script(db)
    left = script_steps.edit_field(db, first, "title", "开场白", "开场")
    with db.session() as s:
        assert scripts.list_segments(s, stream_id)[0].title == left == "开场白"
    assert script_steps.edit_field(db, first, "title", "开场", left) == "开场"  # undo expects what redo left


def test_a_script_step_over_a_teammates_edit_is_refused_and_writes_nothing(db, teammate):
    stream_id, (first, _, _) = _script(db)
    with teammate.session() as t:
        scripts.update_segment(t, first, title="他们的开场")
    with pytest.raises(ConcurrentEditError) as caught:
        script_steps.edit_field(db, first, "title", "我的开场", "开场")
    assert isinstance(caught.value, scripts.SegmentChangedError) and caught.value.theirs == "他们的开场"
    with db.session() as s:
        assert scripts.segment_to_dict(scripts.list_segments(s, stream_id)[0])["title"] == "他们的开场"


def test_script_steps_move_and_put_the_layout_back(db):
    stream_id, ids = _script(db)
    before, after = script_steps.move(db, stream_id, ids[2], 0, expected_order=ids)
    assert [i for i, _, _ in after] == [ids[2], ids[0], ids[1]] and [i for i, _, _ in before] == ids
    assert script_steps.arrange(db, stream_id, before, expected=after) == before


def test_script_steps_template_then_replace_restores_the_script_under_its_ids(db):
    stream_id, ids = _script(db)
    with db.session() as s:
        seen = scripts.snapshot_script(s, stream_id, with_ids=True)
    before, after = script_steps.from_template(db, stream_id, "daily", seen)
    assert [seg["id"] for seg in before] == ids and after and after != before
    left = script_steps.replace(db, stream_id, before, expected=after)
    assert [seg["id"] for seg in left] == ids


# --- the product pool's and the lineup's undo steps ------------------------------------------------------------


def _product(db, sku: str = "A-1", name: str = "护手霜") -> int:
    with db.session() as s:
        return products.create_product(s, {"sku": sku, "name": name, "live_price": "39.9"}).id


def test_product_steps_edit_undo_and_a_teammates_change(db, teammate):
    pid = _product(db)
    left = product_steps.edit_field(db, pid, "notes", "我的备注", version=1)
    assert left == {pid: {"notes": "我的备注"}}
    left = product_steps.edit_field(db, pid, "notes", "", expected=left)  # undo
    with teammate.session() as t:
        products.update_product(t, pid, {"notes": "队友的备注"})
    with pytest.raises(ConcurrentEditError, match="护手霜"):
        product_steps.edit_field(db, pid, "notes", "我的备注", expected=left)  # redo over their note
    assert product_steps.stored_states(db, [pid])[pid]["notes"] == "队友的备注"


def test_product_steps_bulk_edit_and_its_undo(db):
    a, b = _product(db), _product(db, "B-2", "防晒喷雾")
    previous, written, left = product_steps.bulk_edit(db, [a, b], "supplier", " 甲厂 ", None)
    assert written == "甲厂" and previous == {a: "", b: ""} and left == {a: {"supplier": "甲厂"}, b: {"supplier": "甲厂"}}
    product_steps.bulk_set(db, "supplier", previous, left)
    assert {pid: state["supplier"] for pid, state in product_steps.stored_states(db, [a, b]).items()} == {a: "", b: ""}


def test_product_steps_delete_restore_and_delete_what_a_teammate_deleted(db, teammate):
    pid = _product(db)
    snapshots = product_steps.delete(db, [pid], {pid: 1})
    [restored], left = product_steps.restore(db, snapshots, {})
    assert left[restored]["name"] == "护手霜"
    with teammate.session() as t:
        products.delete_product(t, restored)
    with pytest.raises(AlreadyDeleted, match="护手霜"):
        product_steps.delete(db, [restored], expected=left)


def test_lineup_steps_add_take_off_put_back_and_reorder(db):
    a, b = _product(db), _product(db, "B-2", "防晒喷雾")
    [stream_id], _ = schedule_steps.create(db, [new_stream()])
    lineup_steps.add(db, stream_id, [a])
    added, _ = lineup_steps.add(db, stream_id, [a, b])
    assert added == [b]  # the one already on the lineup is left alone
    left = lineup_steps.stored_lineup(db, stream_id, [a, b]).values
    assert lineup_steps.reorder(db, stream_id, [b, a], expected=[a, b]) == [b, a]
    saved, _ = lineup_steps.take_off(db, stream_id, [a], {a: left[a]})
    assert lineup_steps.stored_lineup(db, stream_id).order == [b]
    lineup_steps.put_back(db, stream_id, saved, [a])
    stored = lineup_steps.stored_lineup(db, stream_id, [a], on_lineup=True)
    assert stored.order == [b, a] and stored.names[a] == "护手霜" and stored.title == "周五美妆专场"


def test_lineup_steps_refuse_values_a_teammate_changed(db, teammate):
    pid = _product(db)
    [stream_id], _ = schedule_steps.create(db, [new_stream()])
    _, left = lineup_steps.add(db, stream_id, [pid])
    previous, stored = lineup_steps.set_values(db, stream_id, pid, {"planned_units": "30"}, left[pid])
    assert stored == {"planned_units": 30}
    with teammate.session() as t:
        lineups.set_lineup_values(t, stream_id, pid, planned_units=50)
    with pytest.raises(ConcurrentEditError):
        lineup_steps.set_values(db, stream_id, pid, previous, stored)  # undo over their 50
    assert lineup_steps.stored_lineup(db, stream_id, [pid]).values[pid]["planned_units"] == 50
