"""Undoable script edits. Each redo/undo is one unit of work on the database, saved at once, and checked
first: several people edit one script, so no step writes over a teammate's change without asking."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from livedesk.services import script_pool, script_steps, scripts, timeline
from livedesk.services.db import Database
from livedesk.services.faults import environment_fault
from livedesk.ui.undo import DbCommand

if TYPE_CHECKING:
    from livedesk.services.importers.script_sheet import ScriptSheet

log = logging.getLogger(__name__)
Changed = Callable[[], None]
EDIT_ID = 4101  # consecutive edits of one text field of one segment merge into one undo step
CONFLICTS = (scripts.SegmentChangedError, scripts.ScriptChangedError)
MAX_ASKS = 5  # a teammate saving again while the user is asked asks again, this many times at most


class _ScriptCommand(DbCommand):
    """One undoable script change, checked against the database at every step.

    The tab runs the first redo before pushing (`run_first`, see livedesk.ui.undo) and pushes the command only
    when it was saved, so a refused edit leaves the undo stack, and its redo side, untouched. The first redo
    checks the script against what the user saw; every later undo and redo checks it against what this
    command left it as (`left`). On a mismatch nothing is written and `on_conflict(command, error)` decides:
    True (Overwrite) takes what is stored now as the expected state (`adopt`) and tries again, so a teammate
    saving once more while the question is open asks again; False (Reload) refuses. A refused or failed undo
    or later redo marks the command obsolete: QUndoStack drops it, so the stack never claims a step that was
    not saved (a refused undo removes the step, the teammate's version stays). The error is kept in `error`
    and reported through `on_error`. Nothing escapes a step (undo and redo are Qt virtuals): a callback that
    fails is logged, and a failed conflict question counts as Reload. `on_step(True/False)` is told when a
    step starts and ends (the tab holds other edits meanwhile: the conflict question runs a nested event loop).
    """

    def __init__(self, db: Database, stream_id: int, text: str, changed: Changed):
        super().__init__(text)
        self.label = text  # readable after Qt deleted a refused (obsolete) command
        self.db = db
        self.stream_id = stream_id
        self.changed = changed
        self.error: BaseException | None = None
        self.on_error: Callable[[BaseException], None] | None = None
        self.on_conflict: Callable[[_ScriptCommand, scripts.ScriptError], bool] | None = None
        self.on_step: Callable[[bool], None] | None = None
        self.step = "redo"  # the step running or last run: "redo" (the first), "undo" or "replay" (a later redo)
        self.runs = 0  # steps saved so far

    def _redo(self) -> None:
        self._run("redo" if self.runs == 0 else "replay", self.do_redo)

    def undo(self) -> None:
        self._run("undo", self.do_undo)

    def _run(self, step: str, action: Callable[[], None]) -> None:
        self.step = step
        self._call("on_step", self.on_step, True)
        try:
            self._attempt(action)
        finally:
            self._call("on_step", self.on_step, False)

    def _attempt(self, action: Callable[[], None]) -> None:
        last: BaseException | None = None
        for _ in range(MAX_ASKS):
            try:
                action()
            except scripts.SegmentGoneError as exc:  # nothing left to overwrite: say so, change nothing
                self._refuse(exc)
                return
            except CONFLICTS as exc:  # the session rolled back: nothing was saved
                if not self._call("on_conflict", self.on_conflict, self, exc):
                    self._refuse(exc)
                    return
                self.adopt(exc)
                last = exc
            except Exception as exc:
                self._refuse(exc)
                return
            else:
                self.runs += 1
                self.error = None
                self._call("changed", self.changed)
                return
        assert last is not None
        self._refuse(last)  # it kept changing while the user was asked

    def _refuse(self, exc: BaseException) -> None:
        self.error = exc
        self.setObsolete(True)
        if environment_fault(exc, None) is None:  # the database answered: show what it holds now
            self._call("changed", self.changed)
        # else reading it here would fail (or wait) again: on_error has the tab read it on a worker
        self._call("on_error", self.on_error, exc)

    def _call(self, name: str, callback: Callable[..., Any] | None, *args: Any) -> Any:
        """The callback's answer; None when there is none or it failed (logged: a step never raises, and a
        conflict question that failed counts as Reload)."""
        if callback is None:
            return None
        try:
            return callback(*args)
        except Exception:
            log.exception("%s failed during “%s” (%s)", name, self.label, self.step)
            return None

    def adopt(self, error: scripts.ScriptError) -> None:
        """Overwrite was chosen: expect what `error` says is stored now; after a redo, undo goes back to it."""

    def do_redo(self) -> None:
        raise NotImplementedError

    def do_undo(self) -> None:
        raise NotImplementedError


class EditSegment(_ScriptCommand):
    """One field of one segment; typing in the detail editor merges into one step per field."""

    def __init__(self, db, stream_id: int, segment_id: int, field: str, before: Any, after: Any, text: str,
                 changed: Changed, mergeable: bool = False):
        super().__init__(db, stream_id, text, changed)
        self.segment_id, self.field, self.before, self.after = segment_id, field, before, after
        self.mergeable = mergeable
        self.left = before  # the value the user saw; after each step, the value this command saved

    def _apply(self, value: Any) -> None:
        self.left = script_steps.edit_field(self.db, self.segment_id, self.field, value, self.left)

    def do_redo(self) -> None:
        self._apply(self.after)

    def do_undo(self) -> None:
        self._apply(self.before)

    def adopt(self, error: scripts.ScriptError) -> None:
        assert isinstance(error, scripts.SegmentChangedError)
        self.left = error.theirs
        if self.step != "undo":
            self.before = error.theirs  # undo goes back to their value, not to what I first saw
            self.mergeable = False  # merged into an earlier step, its undo would skip their value

    def id(self) -> int:
        return EDIT_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not (isinstance(other, EditSegment) and other.mergeable and self.mergeable):
            return False
        if (other.segment_id, other.field) != (self.segment_id, self.field):
            return False
        self.after, self.left = other.after, other.left
        return True


class SetTimes(_ScriptCommand):
    """Start and duration of segments (a drag on the timeline), by segment id.

    `seen` is the layout the user saw, [(id, start, duration)] in running order: the first redo refuses
    when a time changed or a segment was added, removed or moved since; later steps when the layout is
    not the one this command left. `after` maps the ids the drag changed to their new (start, duration).
    """

    def __init__(self, db, stream_id: int, seen: Sequence[tuple[int, int, int]],
                 after: Mapping[int, tuple[float, float]], text: str, changed: Changed):
        super().__init__(db, stream_id, text, changed)
        self.after = dict(after)
        self.before = {i: (s, d) for i, s, d in seen if i in self.after}
        self.left: scripts.Layout = [tuple(x) for x in seen]  # type: ignore[misc]

    def _apply(self, spans: Mapping[int, tuple[float, float]]) -> None:
        self.left = script_steps.set_times(self.db, self.stream_id, spans, self.left)

    def do_redo(self) -> None:
        self._apply(self.after)

    def do_undo(self) -> None:
        self._apply(self.before)

    def target(self) -> dict[int, tuple[float, float]]:
        return self.before if self.step == "undo" else self.after

    def preview(self, layout: scripts.Layout) -> scripts.Layout:
        """`layout` as this step would leave it."""
        target = self.target()
        return [(i, *target[i]) if i in target else (i, s, d) for i, s, d in layout]  # type: ignore[misc]

    def adopt(self, error: scripts.ScriptError) -> None:
        assert isinstance(error, scripts.ScriptChangedError)
        self.left = scripts.layout_of(error.theirs)
        if self.step != "undo":  # undo puts their times back
            self.before = {i: (s, d) for i, s, d in self.left if i in self.after}


class MoveSegment(_ScriptCommand):
    """Move a segment in the running order and pack the times; undo restores order and times.

    The first redo refuses when the running order (ids) is not the one the user saw (`seen`, a layout);
    undo and later redos put back a whole layout, checked against the one this command left.
    """

    def __init__(self, db, stream_id: int, segment_id: int, new_position: int, text: str, changed: Changed,
                 seen: Sequence[tuple[int, int, int]] | None = None):
        super().__init__(db, stream_id, text, changed)
        self.segment_id, self.new_position = segment_id, new_position
        self.seen: scripts.Layout | None = [tuple(x) for x in seen] if seen is not None else None  # type: ignore[misc]
        self.before: scripts.Layout = []  # order and times before the move
        self.after: scripts.Layout = []  # and after it
        self.left: scripts.Layout = []  # what the last step left

    def do_redo(self) -> None:
        if self.step == "redo":
            order = [i for i, _, _ in self.seen] if self.seen is not None else None
            self.before, self.after = script_steps.move(self.db, self.stream_id, self.segment_id, self.new_position,
                                                        order)
            self.left = self.after
        else:
            self.left = script_steps.arrange(self.db, self.stream_id, self.after, self.left)

    def do_undo(self) -> None:
        self.left = script_steps.arrange(self.db, self.stream_id, self.before, self.left)

    def preview(self, layout: scripts.Layout) -> scripts.Layout:
        """`layout` as this step would leave it."""
        if self.step == "redo":
            ids = [i for i, _, _ in layout]
            if self.segment_id not in ids:
                return list(layout)
            order, packed = timeline.reorder([(s, d) for _, s, d in layout], ids.index(self.segment_id),
                                             self.new_position)
            return [(ids[i], int(s), int(d)) for i, (s, d) in zip(order, packed, strict=True)]
        target = self.before if self.step == "undo" else self.after
        spans = {i: (s, d) for i, s, d in layout} | {i: (s, d) for i, s, d in target}
        return [(i, *spans[i]) for i in scripts.arranged_order([i for i, _, _ in layout], [i for i, _, _ in target])]

    def adopt(self, error: scripts.ScriptError) -> None:
        assert isinstance(error, scripts.ScriptChangedError)
        theirs = scripts.layout_of(error.theirs)
        if self.step == "redo":
            self.seen = theirs  # move in their running order
        else:
            self.left = theirs
            if self.step == "replay":
                self.before = theirs  # undo goes back to their order and times


class AddSegment(_ScriptCommand):
    """A new segment right after segment `after_id` (the selected one; None: at the end).

    When someone else deleted that segment in between, the add is refused (SegmentGoneError) instead of
    appending it somewhere: the user chose the place, and a segment that lands elsewhere, with a start that
    follows some other segment, is a surprise they might not notice. They are told, and add it again.
    Undo deletes the segment only if nobody changed it since; redo brings the same segment (and id) back.
    """

    def __init__(self, db, stream_id: int, after_id: int | None, values: dict[str, Any], text: str,
                 changed: Changed):
        super().__init__(db, stream_id, text, changed)
        self.after_id, self.values = after_id, values
        self.segment_id: int | None = None
        self.data: dict[str, Any] | None = None  # the segment as saved: what undo expects, what redo brings back

    def do_redo(self) -> None:
        values = self.values if self.data is None else self.data
        self.segment_id, self.data = script_steps.add(self.db, self.stream_id, values, after_id=self.after_id,
                                                      reuse_id=self.segment_id)

    def do_undo(self) -> None:
        assert self.segment_id is not None
        script_steps.delete(self.db, self.stream_id, self.segment_id, self.data)

    def adopt(self, error: scripts.ScriptError) -> None:
        their = error.their_segment() if isinstance(error, scripts.ScriptChangedError) else None
        if their is not None:  # delete their version anyway; redo brings that version back
            self.data = {name: their[name] for name in scripts.SEGMENT_FIELDS}


class DeleteSegment(_ScriptCommand):
    """Delete a segment, unless someone else changed it since the user saw it (`seen`: its fields).

    Undo puts it back (same id) after the segment it followed, if the running order is still the one the
    delete left; later redos delete it again only if it is unchanged.
    """

    def __init__(self, db, stream_id: int, segment_id: int, text: str, changed: Changed,
                 seen: Mapping[str, Any] | None = None):
        super().__init__(db, stream_id, text, changed)
        self.segment_id = segment_id
        self.seen: dict[str, Any] | None = dict(seen) if seen is not None else None
        self.data: dict[str, Any] | None = None  # what was deleted, with "position" and "after_id"
        self.left: scripts.Layout = []  # the layout the delete left

    def do_redo(self) -> None:
        self.data, self.left = script_steps.delete(self.db, self.stream_id, self.segment_id, self.seen)

    def do_undo(self) -> None:
        assert self.data is not None
        values = {name: self.data[name] for name in scripts.SEGMENT_FIELDS}
        after_id = self.data["after_id"]
        self.segment_id, self.seen = script_steps.add(
            self.db, self.stream_id, values, position=0 if after_id is None else None, after_id=after_id,
            reuse_id=self.segment_id, expected_order=[i for i, _, _ in self.left])

    def preview(self, layout: scripts.Layout) -> scripts.Layout:
        """`layout` with the segment put back (undo)."""
        assert self.data is not None
        ids = [i for i, _, _ in layout]
        after_id = self.data["after_id"]
        at = ids.index(after_id) + 1 if after_id in ids else 0 if after_id is None else min(self.data["position"], len(ids))
        return [*layout[:at], (self.segment_id, self.data["start_seconds"], self.data["duration_seconds"]), *layout[at:]]

    def adopt(self, error: scripts.ScriptError) -> None:
        assert isinstance(error, scripts.ScriptChangedError)
        if self.step == "undo":  # put it back into their running order
            assert self.data is not None
            self.left = scripts.layout_of(error.theirs)
            ids = [i for i, _, _ in self.left]
            if self.data["after_id"] is not None and self.data["after_id"] not in ids:
                at = min(self.data["position"], len(ids))  # the segment it followed is gone: its old place
                self.data["after_id"] = ids[at - 1] if at > 0 else None
            return
        their = error.their_segment()
        if their is not None:  # delete their version anyway
            self.seen = {name: their[name] for name in scripts.SEGMENT_FIELDS}


class ReplaceScript(_ScriptCommand):
    """Replace the whole script (template, import): the first redo runs `first`, later ones replay its result.

    The first redo refuses when the script is not the one the user saw (`seen`, a `snapshot_script`), undo and
    later redos when it is not the one this command left (`left`). The snapshots keep the segment ids and
    restoring brings the segments back under them, so the user's earlier undo steps still find them."""

    def __init__(self, db, stream_id: int, text: str, changed: Changed,
                 seen: Sequence[Mapping[str, Any]] | None = None):
        super().__init__(db, stream_id, text, changed)
        self.before: list[dict[str, Any]] | None = None
        self.after: list[dict[str, Any]] | None = None
        self.left: list[dict[str, Any]] | None = [dict(x) for x in seen] if seen is not None else None

    def first(self, expected: list[dict[str, Any]] | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The replacing step (one service call): the script before and after."""
        raise NotImplementedError

    def do_redo(self) -> None:
        if self.after is None:
            self.before, self.after = self.first(self.left)
            self.left = self.after
        else:
            self.left = script_steps.replace(self.db, self.stream_id, self.after, self.left)

    def do_undo(self) -> None:
        assert self.before is not None
        self.left = script_steps.replace(self.db, self.stream_id, self.before, self.left)

    def adopt(self, error: scripts.ScriptError) -> None:
        assert isinstance(error, scripts.ScriptChangedError)
        self.left = [dict(s) for s in error.theirs]
        if self.step == "replay":
            self.before = self.left  # undo goes back to their script


class ScriptFromTemplate(ReplaceScript):
    """Replace the script with a template (daily, special, big_promotion) filled from the lineup."""

    def __init__(self, db, stream_id: int, template: str, text: str, changed: Changed,
                 seen: Sequence[Mapping[str, Any]] | None = None):
        super().__init__(db, stream_id, text, changed, seen)
        self.template = template

    def first(self, expected):
        return script_steps.from_template(self.db, self.stream_id, self.template, expected)


class ImportScript(ReplaceScript):
    """Replace the script with a script sheet read for the preview (the file is not read again)."""

    def __init__(self, db, stream_id: int, sheet: ScriptSheet, text: str, changed: Changed,
                 seen: Sequence[Mapping[str, Any]] | None = None):
        super().__init__(db, stream_id, text, changed, seen)
        self.sheet = sheet

    def first(self, expected):
        return script_steps.import_sheet(self.db, self.stream_id, self.sheet, expected)


class SetApproved(_ScriptCommand):
    """Approve the script, or withdraw the approval. Approving (the first redo, or undoing a withdrawal)
    refuses when the script is not the one the user reviewed (`seen`, a `snapshot_script`) or, later, the one
    this command left: it would approve what nobody reviewed. Withdrawing is never refused."""

    def __init__(self, db, stream_id: int, approved: bool, text: str, changed: Changed,
                 seen: Sequence[Mapping[str, Any]] | None = None):
        super().__init__(db, stream_id, text, changed)
        self.approved = approved
        self.left: list[dict[str, Any]] | None = [dict(x) for x in seen] if seen is not None else None

    def _apply(self, approved: bool) -> None:
        self.left = script_steps.set_approved(self.db, self.stream_id, approved, self.left)

    def do_redo(self) -> None:
        self._apply(self.approved)

    def do_undo(self) -> None:
        self._apply(not self.approved)

    def adopt(self, error: scripts.ScriptError) -> None:
        assert isinstance(error, scripts.ScriptChangedError)
        self.left = [dict(s) for s in error.theirs]  # approve their version, as the dialog showed it


class AddToPool(_ScriptCommand):
    """Add to pool: create the products the script names that the pool lacks, put them on the stream's lineup
    and link their segments, in one step (see livedesk.services.script_pool).

    The first redo refuses when the script is not the one the user saw (`seen`), undo and later redos when it
    is not the one this command left. Undo restores the script's segments (under their ids) and takes the
    products and lineup rows away; it refuses when a product was edited or used elsewhere since. A later redo
    adds them again under the same ids. `details` are what the sheet said (直播价, link numbers), if known."""

    def __init__(self, db, stream_id: int, text: str, changed: Changed, seen: Sequence[Mapping[str, Any]] | None = None,
                 details: Sequence[Any] = ()):
        super().__init__(db, stream_id, text, changed)
        self.details = list(details)
        self.before: list[dict[str, Any]] | None = None
        self.addition: script_pool.PoolAddition | None = None
        self.left: list[dict[str, Any]] | None = [dict(x) for x in seen] if seen is not None else None

    def do_redo(self) -> None:
        reuse = self.addition.created if self.addition is not None else None
        self.addition, self.before, self.left = script_steps.add_to_pool(self.db, self.stream_id, self.details,
                                                                         self.left, reuse)

    def do_undo(self) -> None:
        assert self.before is not None and self.addition is not None
        self.left = script_steps.undo_add_to_pool(self.db, self.stream_id, self.before, self.left, self.addition)

    def adopt(self, error: scripts.ScriptError) -> None:
        assert isinstance(error, scripts.ScriptChangedError)
        self.left = [dict(s) for s in error.theirs]
