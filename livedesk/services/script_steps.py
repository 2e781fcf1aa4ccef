"""The script tab's undoable actions, each one unit of work (one transaction) on the database.

The undo commands (ui/script/commands.py) call one of these for each redo and each undo. Each step names
what it expects stored (what the user saw, or what the last step left) and returns what it left, as plain
values: a layout, segment dicts or a `snapshot_script`. A teammate's change in between is refused with a
ConcurrentEditError (SegmentChangedError, ScriptChangedError, SegmentGoneError) and nothing is written.
Replacing the whole script takes what to replace it with as plain values (a template's name, a parsed
sheet), never a function of a session. The rehearsal's saves (not undoable) are here too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from livedesk.services import script_pool, scripts
from livedesk.services.db import Database
from livedesk.services.scripts import Layout

if TYPE_CHECKING:
    from livedesk.services.importers.script_sheet import ScriptSheet

Snapshot = list[dict[str, Any]]  # `scripts.snapshot_script(with_ids=True)`: the script in running order


def _snapshot(session: Session, stream_id: int) -> Snapshot:
    return scripts.snapshot_script(session, stream_id, with_ids=True)


def edit_field(db: Database, segment_id: int, field: str, value: Any, expected: Any) -> Any:
    """Set one field of a segment still holding `expected`; the value as stored (cleaned)."""
    with db.session() as session:
        segment = scripts.update_segment(session, segment_id, expected={field: expected}, **{field: value})
        return getattr(segment, field)


def set_times(db: Database, stream_id: int, spans: Mapping[int, tuple[float, float]], expected: Layout) -> Layout:
    """New (start, duration) for segments by id, if the layout is still `expected`; the layout left."""
    with db.session() as session:
        scripts.set_segment_times(session, stream_id, spans, expected=expected)
        return scripts.script_layout(session, stream_id)


def move(db: Database, stream_id: int, segment_id: int, new_position: int,
         expected_order: Sequence[int] | None) -> tuple[Layout, Layout]:
    """Move a segment and pack the times, if the running order is still `expected_order`; the layout before
    and after (what undo and a later redo put back)."""
    with db.session() as session:
        before = scripts.script_layout(session, stream_id)
        scripts.move_segment(session, segment_id, new_position, expected_order=expected_order)
        return before, scripts.script_layout(session, stream_id)


def arrange(db: Database, stream_id: int, layout: Layout, expected: Layout) -> Layout:
    """Put back a whole layout (order and times) if the stored one is still `expected`; the layout left."""
    with db.session() as session:
        scripts.arrange_segments(session, stream_id, layout, expected=expected)
        return scripts.script_layout(session, stream_id)


def add(db: Database, stream_id: int, values: Mapping[str, Any], *, position: int | None = None,
        after_id: int | None = None, reuse_id: int | None = None,
        expected_order: Sequence[int] | None = None) -> tuple[int, dict[str, Any]]:
    """A new segment (see `scripts.add_segment`); its id and fields as saved."""
    with db.session() as session:
        segment = scripts.add_segment(session, stream_id, position, after_id=after_id, reuse_id=reuse_id,
                                      expected_order=expected_order, **values)
        session.flush()
        return segment.id, scripts.segment_to_dict(segment)


def delete(db: Database, stream_id: int, segment_id: int,
           expected: Mapping[str, Any] | None) -> tuple[dict[str, Any], Layout]:
    """Delete a segment still holding `expected`; what was deleted (for undo) and the layout left."""
    with db.session() as session:
        deleted = scripts.delete_segment(session, segment_id, expected=expected)
        return deleted, scripts.script_layout(session, stream_id)


def _rewrite(db: Database, stream_id: int, action: Callable[[Session], Any],
             expected: Sequence[Mapping[str, Any]] | None) -> tuple[Snapshot, Snapshot]:
    """Run `action` on a script still as `expected`, in one transaction; the script before and after."""
    with db.session() as session:
        scripts.check_script(session, stream_id, expected)
        before = _snapshot(session, stream_id)
        action(session)
        session.flush()
        session.expire_all()
        return before, _snapshot(session, stream_id)


def from_template(db: Database, stream_id: int, template: str,
                  expected: Sequence[Mapping[str, Any]] | None) -> tuple[Snapshot, Snapshot]:
    """Replace the script with `template` (daily, special, big_promotion) filled from the lineup, if the script
    is still `expected`; the script before and after (what undo and a later redo put back)."""
    return _rewrite(db, stream_id, lambda session: scripts.build_from_template(session, stream_id, template),
                    expected)


def import_sheet(db: Database, stream_id: int, sheet: ScriptSheet,
                 expected: Sequence[Mapping[str, Any]] | None) -> tuple[Snapshot, Snapshot]:
    """Replace the script with a parsed script sheet (`script_files.check_import`), read once for the preview
    and the import, if the script is still `expected`; the script before and after. Refused (ImportFailed,
    nothing written) when a teammate changed the stream's time or deleted a product it names since."""
    from livedesk.services.importers.script_sheet import write_script_sheet  # the sheet reader loads on first use

    return _rewrite(db, stream_id, lambda session: write_script_sheet(session, stream_id, sheet), expected)


def replace(db: Database, stream_id: int, segments: Sequence[Mapping[str, Any]],
            expected: Sequence[Mapping[str, Any]] | None) -> Snapshot:
    """Replace the whole script (under the snapshot's segment ids) if it is still `expected`; the script left."""
    with db.session() as session:
        scripts.replace_script_segments(session, stream_id, segments, expected=expected)
        return _snapshot(session, stream_id)


def set_approved(db: Database, stream_id: int, approved: bool,
                 expected: Sequence[Mapping[str, Any]] | None) -> Snapshot:
    """Approve the script if it is still `expected` (the one reviewed), or withdraw the approval; the script."""
    with db.session() as session:
        scripts.set_approved(session, stream_id, approved, expected=expected if approved else None)
        return _snapshot(session, stream_id)


def add_to_pool(db: Database, stream_id: int, details: Sequence[Any], expected: Sequence[Mapping[str, Any]] | None,
                reuse_ids: Mapping[str, int] | None) -> tuple[script_pool.PoolAddition, Snapshot, Snapshot]:
    """Add the products the script names that the pool lacks (see `script_pool.add_unmatched_to_pool`) if the
    script is still `expected`; what was added, the script before and the script left."""
    with db.session() as session:
        scripts.check_script(session, stream_id, expected)
        before = _snapshot(session, stream_id)
        addition = script_pool.add_unmatched_to_pool(session, stream_id, details, reuse_ids=reuse_ids)
        session.flush()
        return addition, before, _snapshot(session, stream_id)


def undo_add_to_pool(db: Database, stream_id: int, before: Sequence[Mapping[str, Any]],
                     expected: Sequence[Mapping[str, Any]] | None, addition: script_pool.PoolAddition) -> Snapshot:
    """Put the script back as it was before `addition` and take its products and lineup rows away; the script."""
    with db.session() as session:
        scripts.replace_script_segments(session, stream_id, before, expected=expected)
        script_pool.undo_pool_addition(session, addition)
        return _snapshot(session, stream_id)


# --- rehearsals: each press saves at once, so a crash keeps what was rehearsed -----------------------------------


def start_rehearsal(db: Database, stream_id: int) -> int:
    """A new rehearsal of the stream; its id."""
    with db.session() as session:
        return scripts.start_rehearsal(session, stream_id).id


def record_rehearsal_time(db: Database, rehearsal_id: int, segment_id: int, seconds: float, *,
                          finish: bool = False) -> None:
    """How long a segment ran; with `finish`, the rehearsal is over (the last segment was timed)."""
    with db.session() as session:
        scripts.record_segment_time(session, rehearsal_id, segment_id, seconds)
        if finish:
            scripts.finish_rehearsal(session, rehearsal_id)


def finish_rehearsal(db: Database, rehearsal_id: int) -> None:
    """End a rehearsal early: what was timed is kept."""
    with db.session() as session:
        scripts.finish_rehearsal(session, rehearsal_id)


def mark_rehearsed(db: Database, stream_id: int) -> None:
    """Set the stream to 彩排 (rehearsed) unless it is past it (ask `script_reads.unresolved` first)."""
    with db.session() as session:
        scripts.mark_rehearsed(session, stream_id)
