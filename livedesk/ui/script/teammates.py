"""What the script tab says when a teammate changed the script first: the conflict dialog's rows and texts,
and the status message after a refused or reloaded step.

Several people edit one script. Every step of an undo command is checked against what the user saw
(see services.scripts.segments); when it was refused, this object shows both versions or explains why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from livedesk.services import scripts, timeline
from livedesk.services.faults import environment_fault
from livedesk.ui.errors import show_error
from livedesk.ui.script import commands as cmd
from livedesk.ui.script.labels import field_label, mmss, segment_kind_label

if TYPE_CHECKING:
    from livedesk.ui.script.tab import ScriptTab


class TeammateChanges(QObject):
    """The script tab's answers to a teammate's concurrent change (its strings translate in this context)."""

    def __init__(self, tab: ScriptTab):
        super().__init__(tab)
        self.tab = tab

    def command_failed(self, command: cmd._ScriptCommand, exc: BaseException) -> None:
        """A step was refused or failed: nothing was saved, the script was reloaded (on a worker when the
        database itself failed) and the step left the undo history. Say why."""
        if isinstance(exc, scripts.SegmentGoneError):
            if isinstance(command, cmd.DeleteSegment) and command.step == "redo":
                text = self.tr("Someone else already deleted this segment; nothing was changed.")
            elif isinstance(command, cmd.AddSegment) and command.step == "redo":
                text = self.tr("Someone else deleted the segment you selected, so nothing was added. "
                               "Select where the new segment goes and add it again.")
            elif command.step == "redo":
                text = self.gone_text(command.label)
            else:
                text = self.tr("Someone else deleted the segment that “{0}” changes; nothing was changed and the "
                               "step left the undo history.").format(command.label)
            self.tab.status_message.emit(text, 10000)
        elif isinstance(exc, cmd.CONFLICTS):  # the user saw both versions and kept theirs (as the other tabs say it)
            if isinstance(command, cmd.SetApproved) and command.approved != (command.step == "undo"):
                text = self.tr("Not approved: someone else changed the script. Review their changes first.")
            elif command.step != "redo":
                text = self.tr("Kept their version: this step can no longer be undone or redone, so it left the "
                               "undo history.")
            elif isinstance(command, cmd.DeleteSegment):
                text = self.tr("Kept: nothing was deleted.")
            else:
                text = self.tr("Reloaded: your change was discarded.")
            self.tab.status_message.emit(text, 10000)
        else:
            show_error(self.tab, exc)
            if environment_fault(exc, None) is not None:  # the database failed: not read again yet
                self.tab.refresh()  # on a worker, so the window does not wait on it a second time
                if isinstance(command, cmd.SetApproved):  # until then the box shows what was stored
                    self.tab.approve_action.setChecked(self.tab.approved)

    def gone_text(self, label: str) -> str:
        return self.tr("Someone else deleted the segment, so “{0}” was not saved.").format(label)

    def ask_conflict(self, command: cmd._ScriptCommand, error: scripts.ScriptError) -> bool:
        """Someone else changed what this step would write: show both versions. True: Overwrite (write mine
        on top of theirs); False: Reload (keep theirs, drop the step)."""
        from livedesk.ui import conflict_dialog

        self.tab.draft_timer.stop()  # typing saved while the question is open would push in the middle of this step
        rows = self._conflict_rows(command, error)
        if isinstance(command, cmd.SetApproved):
            texts = self._approve_texts()
        elif command.step in ("undo", "replay"):
            texts = conflict_dialog.replay_texts(command.step == "undo")
        elif isinstance(command, cmd.DeleteSegment):
            texts = conflict_dialog.delete_texts()
        else:
            texts = {}
        return conflict_dialog.ask_overwrite(self.tab, self._conflict_subject(command), rows, **texts)

    def _approve_texts(self) -> dict[str, str]:
        """The conflict dialog's texts when approving a script that someone else changed since it was seen."""
        return {
            "intro": self.tr("<b>{0}</b> was changed by someone else after you last saw it. Approving it now would "
                             "approve changes nobody reviewed. Nothing has been approved yet. Compare:"),
            "note": self.tr("Don't approve: nothing is saved and the tab shows their version to review. Approve "
                            "anyway: approve the script with their changes."),
            "reload_text": self.tr("Don't approve"),
            "overwrite_text": self.tr("Approve anyway"),
            "result_header": self.tr("Approved"),
        }

    def _conflict_subject(self, command: cmd._ScriptCommand) -> str:
        """What the dialog names: the segment, or the script for a change of times, order or the whole."""
        data = getattr(command, "data", None)
        if isinstance(command, (cmd.AddSegment, cmd.DeleteSegment)) and data:
            return data["title"]
        if isinstance(command, cmd.EditSegment) and self.tab.model.row_of(command.segment_id) >= 0:
            return self.tab.model.row_at(self.tab.model.row_of(command.segment_id)).title
        if isinstance(command, cmd.DeleteSegment) and command.seen:
            return command.seen["title"]
        if isinstance(command, (cmd.SetTimes, cmd.MoveSegment, cmd.ReplaceScript, cmd.SetApproved, cmd.AddToPool)):
            return self.tr("The script")
        return command.label

    def _field_name(self, field: str) -> str:
        return {"kind": self.tr("type"), "start_seconds": self.tr("start"), "duration_seconds": self.tr("duration"),
                "product_id": self.tr("product"), "product_name": self.tr("product not in pool")}.get(field) or \
            field_label(field)

    def _show_value(self, field: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if field == "kind":
            return segment_kind_label(str(value))
        if field in ("start_seconds", "duration_seconds"):
            return mmss(int(value))
        if field == "product_id":
            return self.tab.model.products.get(value) or str(value)
        return str(value)

    def _conflict_rows(self, command: cmd._ScriptCommand, error: scripts.ScriptError) -> list:
        from livedesk.ui.conflict_dialog import ConflictRow, deletion_rows

        if isinstance(command, cmd.EditSegment) and isinstance(error, scripts.SegmentChangedError):
            mine = command.before if command.step == "undo" else command.after
            show = self._show_value
            return [ConflictRow(self._field_name(command.field), show(command.field, mine),
                                show(command.field, error.theirs), show(command.field, mine), True)]
        if not isinstance(error, scripts.ScriptChangedError):
            return []
        if (isinstance(command, cmd.DeleteSegment) and command.step != "undo"
                or isinstance(command, cmd.AddSegment) and command.step == "undo"):
            # their changes to the segment that Overwrite deletes anyway
            seen = (command.seen if isinstance(command, cmd.DeleteSegment) else command.data) or {}
            their = error.their_segment() or {}
            return deletion_rows([
                ConflictRow(self._field_name(name), self._show_value(name, seen.get(name)),
                            self._show_value(name, their.get(name)), "", True)
                for name in scripts.SEGMENT_FIELDS if seen.get(name) != their.get(name)])
        if isinstance(command, (cmd.ReplaceScript, cmd.SetApproved, cmd.AddToPool)):
            return self._script_rows(command.left or [], error.theirs, isinstance(command, cmd.ReplaceScript))
        if isinstance(command, (cmd.SetTimes, cmd.MoveSegment, cmd.DeleteSegment)):
            expected = command.left
            if isinstance(command, cmd.MoveSegment) and command.step == "redo":
                expected = command.seen or []  # the first move is checked against the order the user saw
            titles = {}
            if isinstance(command, cmd.DeleteSegment) and command.data:
                titles = {command.segment_id: command.data["title"]}  # the segment undo puts back
            return self._layout_rows(expected, error.theirs, command.preview, titles)
        return []

    def _layout_rows(self, expected: scripts.Layout, theirs: list[dict[str, Any]],
                     preview: Callable[[scripts.Layout], scripts.Layout], titles: dict[int, str]) -> list:
        """Running order and times: yours (this step applied to what you saw), theirs (stored now), and after
        Overwrite (this step applied to theirs). Red: they changed it and so does this step."""
        from livedesk.ui.conflict_dialog import ConflictRow

        titles = {r.id: r.title for r in self.tab.model.rows()} | {s["id"]: s["title"] for s in theirs} | titles
        stored = scripts.layout_of(theirs)
        mine, result = preview(expected), preview(stored)

        def ids(layout: scripts.Layout) -> list[int]:
            return [i for i, _, _ in layout]

        def order(layout: scripts.Layout) -> str:
            return " → ".join(titles.get(i, "?") for i in ids(layout)) or "—"

        def span(layout: scripts.Layout, segment_id: int) -> tuple[int, int] | None:
            return next(((s, d) for i, s, d in layout if i == segment_id), None)

        def show(value: tuple[int, int] | None) -> str:
            return "—" if value is None else f"{timeline.clock(value[0])} + {mmss(value[1])}"

        rows = []
        if ids(mine) != ids(stored):
            rows.append(ConflictRow(self.tr("Running order"), order(mine), order(stored), order(result),
                                    ids(expected) != ids(stored)))
        for segment_id in dict.fromkeys(ids(result) + ids(mine)):
            yours, their, seen = span(mine, segment_id), span(stored, segment_id), span(expected, segment_id)
            if yours != their:
                rows.append(ConflictRow(titles.get(segment_id, "?"), show(yours), show(their),
                                        show(span(result, segment_id)), seen != their and yours != seen))
        return rows

    def _script_rows(self, expected: list[dict[str, Any]], theirs: list[dict[str, Any]], replacing: bool) -> list:
        """The whole script, segment by segment: as you saw it or this step left it (yours) and as stored now
        (theirs). Overwrite replaces the whole script (`replacing`) or keeps theirs (approving)."""
        from livedesk.ui.conflict_dialog import ConflictRow

        replaced = self.tr("(whole script replaced)")
        rows = []
        for n in range(max(len(expected), len(theirs))):
            yours = expected[n] if n < len(expected) else None
            their = theirs[n] if n < len(theirs) else None
            if yours is None or their is None:
                title = (yours or their or {}).get("title", "")
                shown = "—" if their is None else self.tr("(segment)")
                rows.append(ConflictRow(title, "—" if yours is None else self.tr("(segment)"), shown,
                                        replaced if replacing else shown, True))
                continue
            for name in scripts.SEGMENT_FIELDS:
                if yours[name] != their[name]:
                    shown = self._show_value(name, their[name])
                    rows.append(ConflictRow(f"{their['title']} · {self._field_name(name)}",
                                            self._show_value(name, yours[name]), shown,
                                            replaced if replacing else shown, True))
        if len(rows) > 40:
            more = len(rows) - 40
            rows = [*rows[:40], ConflictRow("…", "", self.tr("%n more change(s)", "", more),
                                            replaced if replacing else "", True)]
        return rows
