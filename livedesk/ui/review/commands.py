"""Undoable review edits: moment notes and the improvement list. Each redo/undo is one unit of work; the tab
runs the first redo before pushing (`push_command`), so a refused save leaves the undo stack untouched."""

from __future__ import annotations

from collections.abc import Callable

from livedesk.services import review_views
from livedesk.services.db import Database
from livedesk.services.review_views import ImprovementData
from livedesk.ui.undo import DbCommand


class EditMomentNote(DbCommand):
    def __init__(self, db: Database, moment_id: int, before: str, after: str, text: str, changed: Callable[[int, str], None]):
        super().__init__(text)
        self.db, self.moment_id, self.before, self.after, self.changed = db, moment_id, before, after, changed

    def _apply(self, note: str) -> None:
        review_views.set_moment_note(self.db, self.moment_id, note)
        self.changed(self.moment_id, note)

    def _redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class AddImprovement(DbCommand):
    def __init__(self, db: Database, stream_id: int, item: ImprovementData, text: str, changed: Callable[[], None]):
        super().__init__(text)
        self.db, self.stream_id, self.item, self.changed = db, stream_id, item, changed

    def _redo(self) -> None:
        self.item.id = review_views.add_improvement(self.db, self.stream_id, self.item)  # redo keeps the id
        self.changed()

    def undo(self) -> None:
        assert self.item.id is not None
        review_views.delete_improvement(self.db, self.item.id)
        self.changed()


class EditImprovement(DbCommand):
    def __init__(self, db: Database, before: ImprovementData, after: ImprovementData, text: str, changed: Callable[[], None]):
        super().__init__(text)
        self.db, self.before, self.after, self.changed = db, before, after, changed

    def _redo(self) -> None:
        review_views.update_improvement(self.db, self.after)
        self.changed()

    def undo(self) -> None:
        review_views.update_improvement(self.db, self.before)
        self.changed()


class DeleteImprovements(DbCommand):
    def __init__(self, db: Database, stream_id: int, items: list[ImprovementData], text: str, changed: Callable[[], None]):
        super().__init__(text)
        self.db, self.stream_id, self.items, self.changed = db, stream_id, items, changed

    def _redo(self) -> None:
        for item in self.items:
            assert item.id is not None
            review_views.delete_improvement(self.db, item.id)
        self.changed()

    def undo(self) -> None:
        for item in self.items:
            review_views.add_improvement(self.db, self.stream_id, item)
        self.changed()
