"""Structural script edits with a teammate: a second Database on the same file writes between the user
seeing the script and saving. Every check refuses (ScriptChangedError / SegmentGoneError) and writes
nothing; the forced path (what the Overwrite button does) writes. No Qt here."""

from __future__ import annotations

import pytest
from script_helpers import make_stream

from livedesk.models import Segment
from livedesk.services import scripts
from livedesk.services.scripts import ScriptChangedError, ScriptError, SegmentGoneError


@pytest.fixture
def ids(db) -> tuple[int, list[int]]:
    """A stream with 开场 0–5 min, 讲解 5–15 min, 互动 15–20 min; its id and the segment ids."""
    with db.session() as s:
        stream = make_stream(s, minutes=30)
        segment_ids = [
            scripts.add_segment(s, stream.id, kind=kind, title=title, start_seconds=start, duration_seconds=duration,
                                host_lines=f"{title}的话术").id
            for kind, title, start, duration in (("opening", "开场", 0, 300), ("pitch", "讲解", 300, 600),
                                                 ("interaction", "互动", 900, 300))
        ]
        return stream.id, segment_ids


def layout(db, stream_id: int) -> scripts.Layout:
    with db.session() as s:
        return scripts.script_layout(s, stream_id)


def snapshot(db, stream_id: int) -> list[dict]:
    with db.session() as s:
        return scripts.snapshot_script(s, stream_id, with_ids=True)


def version(db, stream_id: int) -> int:
    with db.session() as s:
        return scripts.get_script(s, stream_id).version


# --- timeline drags ---------------------------------------------------------------------------------------


def test_times_are_refused_when_a_teammate_moved_a_segment(db, teammate, ids):
    stream_id, (a, b, c) = ids
    seen = layout(db, stream_id)
    with teammate.session() as s:  # they drag 互动 to 16:00
        scripts.set_segment_times(s, stream_id, {c: (960, 300)})
    stored = snapshot(db, stream_id)
    with pytest.raises(ScriptChangedError) as caught, db.session() as s:
        scripts.set_segment_times(s, stream_id, {b: (300, 900)}, expected=seen)  # I stretch 讲解 to 15 min
    assert isinstance(caught.value, ScriptError)
    assert scripts.layout_of(caught.value.theirs) == [(a, 0, 300), (b, 300, 600), (c, 960, 300)]
    assert snapshot(db, stream_id) == stored  # nothing written
    with db.session() as s:  # Overwrite: checked against what the dialog showed (theirs)
        scripts.set_segment_times(s, stream_id, {b: (300, 900)}, expected=scripts.layout_of(caught.value.theirs))
    assert layout(db, stream_id) == [(a, 0, 300), (b, 300, 900), (c, 960, 300)]  # their move is kept


@pytest.mark.parametrize("change", ["add", "delete", "reorder"])
def test_times_are_refused_when_segments_were_added_removed_or_reordered(db, teammate, ids, change):
    stream_id, (a, b, c) = ids
    seen = layout(db, stream_id)
    with teammate.session() as s:
        if change == "add":
            scripts.add_segment(s, stream_id, title="福利", start_seconds=1200, duration_seconds=120)
        elif change == "delete":
            scripts.delete_segment(s, a)
        else:
            scripts.move_segment(s, c, 0, repack=False)
    stored = snapshot(db, stream_id)
    with pytest.raises(ScriptChangedError), db.session() as s:
        scripts.set_segment_times(s, stream_id, {b: (330, 600)}, expected=seen)
    assert snapshot(db, stream_id) == stored


def test_times_keyed_by_id_land_on_the_right_segment_after_a_reorder(db, teammate, ids):
    stream_id, (a, b, c) = ids
    with teammate.session() as s:
        scripts.move_segment(s, c, 0, repack=False)  # 互动 is now first in the running order
    with db.session() as s:  # forced (no expected): still the segment I dragged, not the one at its old index
        scripts.set_segment_times(s, stream_id, {b: (300, 720)})
    assert layout(db, stream_id) == [(c, 900, 300), (a, 0, 300), (b, 300, 720)]


def test_times_for_a_deleted_segment_are_skipped_when_forced(db, teammate, ids):
    stream_id, (a, b, c) = ids
    with teammate.session() as s:
        scripts.delete_segment(s, c)
    with db.session() as s:
        scripts.set_segment_times(s, stream_id, {b: (300, 660), c: (960, 300)})
    assert layout(db, stream_id) == [(a, 0, 300), (b, 300, 660)]


def test_positional_times_still_work_and_check_the_count(db, ids):
    stream_id, (a, b, c) = ids
    with db.session() as s:
        scripts.set_segment_times(s, stream_id, [(0, 300), (300, 600), (960, 240)], expected=layout(db, stream_id))
    assert layout(db, stream_id)[2] == (c, 960, 240)
    with pytest.raises(ScriptError), db.session() as s:
        scripts.set_segment_times(s, stream_id, [(0, 300)])


# --- adding after the selected segment --------------------------------------------------------------------


def test_add_goes_after_the_anchor_wherever_a_teammate_moved_it(db, teammate, ids):
    stream_id, (a, b, c) = ids
    with teammate.session() as s:  # they move 讲解 to the end and insert a segment at the start
        scripts.move_segment(s, b, 2)
        scripts.add_segment(s, stream_id, 0, title="预热", start_seconds=0, duration_seconds=60)
    with db.session() as s:  # I had 讲解 selected (it was second when I looked)
        new = scripts.add_segment(s, stream_id, after_id=b, title="互动：扣1", duration_seconds=120)
        new_id, start = new.id, new.start_seconds
    order = [i for i, _, _ in layout(db, stream_id)]
    assert order.index(new_id) == order.index(b) + 1 == len(order) - 1
    end_of_b = next(s + d for i, s, d in layout(db, stream_id) if i == b)
    assert start == end_of_b  # it follows the anchor in time too


def test_add_after_a_deleted_anchor_is_refused_and_adds_nothing(db, teammate, ids):
    stream_id, (a, b, c) = ids
    with teammate.session() as s:
        scripts.delete_segment(s, b)
    stored = snapshot(db, stream_id)
    with pytest.raises(SegmentGoneError) as caught, db.session() as s:
        scripts.add_segment(s, stream_id, after_id=b, title="新环节")
    assert caught.value.segment_id == b
    assert snapshot(db, stream_id) == stored


def test_add_with_an_expected_order_and_a_reused_id(db, teammate, ids):
    stream_id, (a, b, c) = ids
    with db.session() as s:
        data = scripts.delete_segment(s, b)
    assert data["after_id"] == a and data["id"] == b
    seen = [i for i, _, _ in layout(db, stream_id)]
    with teammate.session() as s:
        scripts.move_segment(s, c, 0)
    values = {name: data[name] for name in scripts.SEGMENT_FIELDS}
    with pytest.raises(ScriptChangedError), db.session() as s:
        scripts.add_segment(s, stream_id, after_id=a, reuse_id=b, expected_order=seen, **values)
    assert len(layout(db, stream_id)) == 2
    with db.session() as s:  # forced: back after 开场, with its old id
        scripts.add_segment(s, stream_id, after_id=a, reuse_id=b, **values)
    assert [i for i, _, _ in layout(db, stream_id)] == [c, a, b]


# --- deleting -----------------------------------------------------------------------------------------


def seen_fields(db, segment_id: int) -> dict:
    with db.session() as s:
        return scripts.segment_to_dict(s.get(Segment, segment_id))


def test_delete_is_refused_when_a_teammate_changed_the_segment(db, teammate, ids):
    stream_id, (a, b, c) = ids
    seen = seen_fields(db, b)
    with teammate.session() as s:
        scripts.update_segment(s, b, host_lines="他们改的话术")
    stored = snapshot(db, stream_id)
    with pytest.raises(ScriptChangedError) as caught, db.session() as s:
        scripts.delete_segment(s, b, expected=seen)
    assert not isinstance(caught.value, SegmentGoneError)
    assert caught.value.segment_id == b
    assert caught.value.their_segment()["host_lines"] == "他们改的话术"
    assert snapshot(db, stream_id) == stored
    with db.session() as s:  # Delete anyway: checked against their version
        theirs = {k: caught.value.their_segment()[k] for k in scripts.SEGMENT_FIELDS}
        scripts.delete_segment(s, b, expected=theirs)
    assert [i for i, _, _ in layout(db, stream_id)] == [a, c]


def test_delete_goes_through_when_a_teammate_only_moved_it(db, teammate, ids):
    stream_id, (a, b, c) = ids
    seen = seen_fields(db, b)
    with teammate.session() as s:
        scripts.move_segment(s, b, 0, repack=False)  # the position is not one of the fields compared
    with db.session() as s:
        scripts.delete_segment(s, b, expected=seen)
    assert [i for i, _, _ in layout(db, stream_id)] == [a, c]


def test_deleting_a_segment_a_teammate_deleted_says_so(db, teammate, ids):
    stream_id, (a, b, c) = ids
    seen = seen_fields(db, b)
    with teammate.session() as s:
        scripts.delete_segment(s, b)
    before = version(db, stream_id)
    with pytest.raises(SegmentGoneError), db.session() as s:
        scripts.delete_segment(s, b, expected=seen)
    assert [i for i, _, _ in layout(db, stream_id)] == [a, c] and version(db, stream_id) == before


def test_editing_a_deleted_segment_is_a_gone_error(db, teammate, ids):
    stream_id, (a, b, c) = ids
    with teammate.session() as s:
        scripts.delete_segment(s, a)
    with pytest.raises(SegmentGoneError), db.session() as s:
        scripts.update_segment(s, a, expected={"title": "开场"}, title="开场白")


# --- moving -------------------------------------------------------------------------------------------


def test_move_is_refused_when_the_running_order_changed(db, teammate, ids):
    stream_id, (a, b, c) = ids
    seen = [a, b, c]
    with teammate.session() as s:
        scripts.move_segment(s, c, 0)
    stored = snapshot(db, stream_id)
    with pytest.raises(ScriptChangedError) as caught, db.session() as s:
        scripts.move_segment(s, a, 2, expected_order=seen)
    assert [x["id"] for x in caught.value.theirs] == [c, a, b]
    assert snapshot(db, stream_id) == stored
    with db.session() as s:  # Overwrite: checked against their order
        scripts.move_segment(s, a, 2, expected_order=[c, a, b])
    assert [i for i, _, _ in layout(db, stream_id)] == [c, b, a]


def test_move_checks_only_the_order_not_other_fields(db, teammate, ids):
    stream_id, (a, b, c) = ids
    with teammate.session() as s:
        scripts.update_segment(s, b, title="讲解：面霜")
    with db.session() as s:
        scripts.move_segment(s, a, 2, expected_order=[a, b, c])
    assert [i for i, _, _ in layout(db, stream_id)] == [b, c, a]


def test_arrange_checks_the_layout_and_keeps_a_teammates_new_segment_in_place(db, teammate, ids):
    stream_id, (a, b, c) = ids
    before = layout(db, stream_id)
    with db.session() as s:
        scripts.move_segment(s, a, 2)
    after = layout(db, stream_id)
    assert [i for i, _, _ in after] == [b, c, a]
    with teammate.session() as s:
        d = scripts.add_segment(s, stream_id, 1, title="福利", start_seconds=600, duration_seconds=60).id
    stored = snapshot(db, stream_id)
    with pytest.raises(ScriptChangedError), db.session() as s:  # undo of my move
        scripts.arrange_segments(s, stream_id, before, expected=after)
    assert snapshot(db, stream_id) == stored
    with db.session() as s:  # forced: my order back, their segment keeps its index
        scripts.arrange_segments(s, stream_id, before)
    assert layout(db, stream_id) == [(a, 0, 300), (d, 600, 60), (b, 300, 600), (c, 900, 300)]
    assert scripts.arranged_order([b, d, c, a], [a, b, c]) == [a, d, b, c]


# --- replacing the whole script ----------------------------------------------------------------------------


def test_replace_is_refused_when_the_script_changed_since(db, teammate, ids):
    stream_id, (a, b, c) = ids
    with db.session() as s:
        before = scripts.snapshot_script(s, stream_id)
        scripts.replace_script_segments(s, stream_id, [{"title": "模板开场", "duration_seconds": 600}])
        after = scripts.snapshot_script(s, stream_id)
    with teammate.session() as s:
        [segment] = scripts.list_segments(s, stream_id)
        scripts.update_segment(s, segment.id, host_lines="他们补的话术")
    stored = snapshot(db, stream_id)
    with pytest.raises(ScriptChangedError) as caught, db.session() as s:  # my undo
        scripts.replace_script_segments(s, stream_id, before, expected=after)
    assert caught.value.theirs[0]["host_lines"] == "他们补的话术"
    assert snapshot(db, stream_id) == stored
    with db.session() as s:  # undo anyway
        scripts.replace_script_segments(s, stream_id, before, expected=caught.value.theirs)
    assert [x["title"] for x in snapshot(db, stream_id)] == ["开场", "讲解", "互动"]


def test_replace_with_the_expected_snapshot_goes_through(db, ids):
    stream_id, _ = ids
    with db.session() as s:
        seen = scripts.snapshot_script(s, stream_id)
        scripts.replace_script_segments(s, stream_id, seen[:1], expected=seen)
    assert [x["title"] for x in snapshot(db, stream_id)] == ["开场"]


def test_replace_brings_segments_back_under_their_ids(db, teammate, ids):
    stream_id, (a, b, c) = ids
    before = snapshot(db, stream_id)  # with ids: what undo of a template or an import keeps
    with db.session() as s:
        scripts.replace_script_segments(s, stream_id, [{"title": "模板开场", "duration_seconds": 600}])
    with db.session() as s:
        other = make_stream(s, minutes=30).id
    with teammate.session() as s:  # meanwhile the id of 互动 went to a segment of another stream
        scripts.add_segment(s, other, title="别的直播", reuse_id=c)
    with db.session() as s:
        scripts.replace_script_segments(s, stream_id, before)
    back = snapshot(db, stream_id)
    assert [x["title"] for x in back] == ["开场", "讲解", "互动"]
    assert [x["id"] for x in back][:2] == [a, b] and back[2]["id"] not in (a, b, c)  # a taken id is not stolen
    with db.session() as s:
        assert [x.title for x in scripts.list_segments(s, other)] == ["别的直播"]


# --- approving -----------------------------------------------------------------------------------------------


def test_approving_is_refused_when_the_script_changed_since_it_was_seen(db, teammate, ids):
    stream_id, (a, b, c) = ids
    with db.session() as s:
        seen = scripts.snapshot_script(s, stream_id)
    with teammate.session() as s:
        scripts.update_segment(s, b, host_lines="最好的，全网最低")
    with pytest.raises(ScriptChangedError) as caught, db.session() as s:
        scripts.set_approved(s, stream_id, True, expected=seen)
    assert caught.value.theirs[1]["host_lines"] == "最好的，全网最低"
    with db.session() as s:
        assert not scripts.get_script(s, stream_id).approved
    with db.session() as s:  # approving what the dialog showed (theirs) goes through
        scripts.set_approved(s, stream_id, True, expected=caught.value.theirs)
        assert scripts.get_script(s, stream_id).approved
