"""Undoable review edits: moment notes and the improvement list. Each redo/undo is one unit of work; the tab
runs the first redo before pushing (`push_command`), so a refused save leaves the undo stack untouched."""

from __future__ import annotations

import logging
from collections.abc import Callable

from livedesk.services import review_views
from livedesk.services.db import Database
from livedesk.services.review_views import ImprovementData
from livedesk.ui.undo import DbCommand

log = logging.getLogger(__name__)


class _ReviewCommand(DbCommand):
    """A later undo or redo that fails (a team server away, an item deleted meanwhile) wrote nothing: the step
    leaves the undo history (obsolete) and goes to `on_error` (set by the tab: it says why and reads again).
    Nothing escapes into QUndoStack, which would move its index as if the step had worked."""

    on_error: Callable[[BaseException], None] | None = None

    def redo(self) -> None:
        if self.done_before_push:  # push_command ran the first redo (its errors went to the tab)
            super().redo()
            return
        self._guarded(self._redo)

    def undo(self) -> None:
        self._guarded(self._undo)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as exc:
            self.setObsolete(True)
            if self.on_error is not None:
                self.on_error(exc)
            else:
                log.warning("%s: the step could not be done and left the undo history", self.text(), exc_info=exc)

    def _undo(self) -> None:
        raise NotImplementedError


class EditMomentNote(_ReviewCommand):
    def __init__(self, db: Database, moment_id: int, before: str, after: str, text: str, changed: Callable[[int, str], None]):
        super().__init__(text)
        self.db, self.moment_id, self.before, self.after, self.changed = db, moment_id, before, after, changed

    def _apply(self, note: str) -> None:
        review_views.set_moment_note(self.db, self.moment_id, note)
        self.changed(self.moment_id, note)

    def _redo(self) -> None:
        self._apply(self.after)

    def _undo(self) -> None:
        self._apply(self.before)


class AddImprovement(_ReviewCommand):
    def __init__(self, db: Database, stream_id: int, item: ImprovementData, text: str, changed: Callable[[], None]):
        super().__init__(text)
        self.db, self.stream_id, self.item, self.changed = db, stream_id, item, changed

    def _redo(self) -> None:
        self.item.id = review_views.add_improvement(self.db, self.stream_id, self.item)  # redo keeps the id
        self.changed()

    def _undo(self) -> None:
        assert self.item.id is not None
        review_views.delete_improvement(self.db, self.item.id)
        self.changed()


class EditImprovement(_ReviewCommand):
    def __init__(self, db: Database, before: ImprovementData, after: ImprovementData, text: str, changed: Callable[[], None]):
        super().__init__(text)
        self.db, self.before, self.after, self.changed = db, before, after, changed

    def _redo(self) -> None:
        review_views.update_improvement(self.db, self.after)
        self.changed()

    def _undo(self) -> None:
        review_views.update_improvement(self.db, self.before)
        self.changed()


class DeleteImprovements(_ReviewCommand):
    def __init__(self, db: Database, stream_id: int, items: list[ImprovementData], text: str, changed: Callable[[], None]):
        super().__init__(text)
        self.db, self.stream_id, self.items, self.changed = db, stream_id, items, changed

    def _redo(self) -> None:
        for item in self.items:
            assert item.id is not None
            review_views.delete_improvement(self.db, item.id)
        self.changed()

    def _undo(self) -> None:
        for item in self.items:
            review_views.add_improvement(self.db, self.stream_id, item)
        self.changed()
