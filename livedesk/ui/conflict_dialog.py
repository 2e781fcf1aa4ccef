"""When a teammate saved the same record while you were editing it: see both, then reload or overwrite.

Every edit carries the version (or the value) the user saw; the service refuses a stale save, and the
tab shows this dialog instead of silently writing over the other person's work:

* **Reload** throws your change away and shows theirs;
* **Overwrite** puts your changes on top of theirs, after you have seen both. Only the fields you changed
  are written: a field that only they changed keeps their value (the "After overwrite" column says so).

`ConflictDialog.exec()` returns RELOAD or OVERWRITE (closing the dialog counts as Reload: nothing is written).

The same holds after the first save: an undo, or a redo after an undo, expects what it writes to be as
this app's last write of it left it (`CheckedCommand`) and asks with `replay_texts()` (`ask_replay`) when a
teammate changed it since; deleting a record a teammate changed since the user saw it asks with
`delete_texts()`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from livedesk.services.errors import StaleRowError
from livedesk.services.faults import environment_fault
from livedesk.ui.undo import DbCommand
from livedesk.ui.widgets.rows_model import RowsTableModel

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConflictRow:
    field: str  # the field's label
    yours: str
    theirs: str
    result: str  # what the record holds after Overwrite
    clash: bool  # both of you changed this field (to different values)


class ConflictDialog(QDialog):
    RELOAD = 2
    OVERWRITE = 3

    def __init__(self, what: str, rows: list[ConflictRow], parent: QWidget | None = None, *, intro: str | None = None,
                 note: str | None = None, reload_text: str | None = None, overwrite_text: str | None = None,
                 result_header: str | None = None):
        """`intro` (with {0} for the record's name), `note` and the texts replace the defaults, which speak of
        a save while you were editing; undo, redo and delete say what they would do instead."""
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone else changed this"))
        self.rows = rows
        layout = QVBoxLayout(self)
        intro = QLabel(
            (intro or self.tr("<b>{0}</b> was saved by someone else while you were editing it. "
                              "Nothing of yours has been saved yet. Compare the two versions:")).format(_html(what))
        )
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RowsTableModel(
            [self.tr("Field"), self.tr("Yours"), self.tr("Theirs"), result_header or self.tr("After overwrite")],
            [[r.field, r.yours, r.theirs, r.result] for r in rows],
            self,
        )
        self.model.bad_rows = {i for i, r in enumerate(rows) if r.clash}
        self.model.tooltips = {i: self.tr("You both changed this field.") for i, r in enumerate(rows) if r.clash}
        self.table = QTableView()
        self.table.setObjectName("conflictTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        note_label = QLabel(note or self.tr("Reload: discard your change and show theirs. Overwrite: save the fields "
                                            "you changed on top of theirs; fields only they changed keep their "
                                            "value. Rows in red were changed by both of you."))
        note_label.setObjectName("conflictNote")
        note_label.setWordWrap(True)
        layout.addWidget(note_label)
        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(reload_text or self.tr("Reload (discard mine)"))
        self.reload_button.setObjectName("conflictReload")
        self.overwrite_button = QPushButton(overwrite_text or self.tr("Overwrite with mine"))
        self.overwrite_button.setObjectName("conflictOverwrite")
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.reload_button.clicked.connect(lambda: self.done(self.RELOAD))
        self.overwrite_button.clicked.connect(lambda: self.done(self.OVERWRITE))
        self.reload_button.setDefault(True)  # the safe choice: nothing is written
        layout.addWidget(buttons)
        self.resize(720, 360)


def ask_overwrite(parent: QWidget | None, what: str, rows: list[ConflictRow], **texts: str | None) -> bool:
    """Show the dialog; True when the user chose Overwrite. `texts`: see ConflictDialog (intro, note, …),
    e.g. `replay_texts()` or `delete_texts()`."""
    dialog = ConflictDialog(what, rows, parent, **texts)
    try:
        return dialog.exec() == ConflictDialog.OVERWRITE
    finally:
        dialog.deleteLater()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def compare_rows(fields: list[tuple[str, str]], base: Any, mine: Any, theirs: Any,
                 show: Callable[[str, Any], str], after: Any = None) -> list[ConflictRow]:
    """Rows for the fields where yours and theirs differ. `fields` are (attribute, label); `base` is what
    the user opened (None: only the fields where mine differs from theirs were changed by the user).
    `after`: what Overwrite leaves, when it is not simply my changed fields on top of theirs (adding a
    document to theirs keeps their documents)."""
    rows = []
    for name, label in fields:
        yours, their = getattr(mine, name), getattr(theirs, name)
        if yours == their:
            continue
        changed_by_me = base is None or getattr(base, name) != yours
        changed_by_them = base is None or getattr(base, name) != their
        result = getattr(after, name) if after is not None else yours if changed_by_me else their
        rows.append(ConflictRow(label, show(name, yours), show(name, their), show(name, result),
                                changed_by_me and changed_by_them))
    return rows


# --- streams ------------------------------------------------------------------------------------------------


def stream_fields() -> list[tuple[str, str]]:
    return [
        ("title", QCoreApplication.translate("Conflicts", "Title")),
        ("start_at", QCoreApplication.translate("Conflicts", "Start")),
        ("planned_minutes", QCoreApplication.translate("Conflicts", "Length")),
        ("platform", QCoreApplication.translate("Conflicts", "Platform")),
        ("account", QCoreApplication.translate("Conflicts", "Account")),
        ("theme", QCoreApplication.translate("Conflicts", "Theme")),
        ("stream_type", QCoreApplication.translate("Conflicts", "Type")),
        ("status", QCoreApplication.translate("Conflicts", "Status")),
        ("gmv_target", QCoreApplication.translate("Conflicts", "GMV goal")),
        ("viewers_target", QCoreApplication.translate("Conflicts", "Viewers goal")),
        ("peak_online_target", QCoreApplication.translate("Conflicts", "Peak online goal")),
        ("conversion_target", QCoreApplication.translate("Conflicts", "Conversion goal")),
        ("new_followers_target", QCoreApplication.translate("Conflicts", "New followers goal")),
        ("welfare_plan", QCoreApplication.translate("Conflicts", "Welfare plan")),
        ("warmup_plan", QCoreApplication.translate("Conflicts", "Warm-up plan")),
        ("notes", QCoreApplication.translate("Conflicts", "Notes")),
        ("people", QCoreApplication.translate("Conflicts", "People")),
    ]


def show_stream_value(name: str, value: Any) -> str:
    from livedesk.ui import formatting
    from livedesk.ui.labels import platform_label, role_label, status_label, stream_type_label

    if value is None or value == "":
        return "—"
    if name == "start_at":
        return formatting.date_time(value)
    if name == "planned_minutes":
        return formatting.minutes(value)
    if name == "platform":
        return platform_label(value)
    if name == "status":
        return status_label(value)
    if name == "stream_type":
        return stream_type_label(value)
    if name == "gmv_target":
        return formatting.money(value)
    if name == "conversion_target":
        return formatting.percent(value)
    if name == "people":
        return ", ".join(f"{person} ({role_label(role)})" for person, role in value) or "—"
    return str(value)


def stream_conflict_rows(base, mine, theirs) -> list[ConflictRow]:
    """base: the stream as the user opened it; mine: as the user saved it; theirs: as stored now."""
    return compare_rows(stream_fields(), base, mine, theirs, show_stream_value)


def stream_delete_rows(seen, theirs) -> list[ConflictRow]:
    """What a teammate changed in a stream the user is deleting: seen (as the list showed it) and theirs."""
    rows = deletion_rows(compare_rows(stream_fields(), None, seen, theirs, show_stream_value))
    return rows or [version_row(seen.version, theirs.version)]


# --- products -----------------------------------------------------------------------------------------------


def product_fields() -> list[tuple[str, str]]:
    """Every field of a product a user edits (the keys of `products.product_state`), with its label."""
    return [
        ("name", QCoreApplication.translate("Conflicts", "Name")),
        ("sku", "SKU"),
        ("category", QCoreApplication.translate("Conflicts", "Category")),
        ("role", QCoreApplication.translate("Conflicts", "Role")),
        ("list_price", QCoreApplication.translate("Conflicts", "List price")),
        ("live_price", QCoreApplication.translate("Conflicts", "Live price")),
        ("cost", QCoreApplication.translate("Conflicts", "Cost")),
        ("commission_rate", QCoreApplication.translate("Conflicts", "Commission rate")),
        ("stock", QCoreApplication.translate("Conflicts", "Stock")),
        ("safety_stock", QCoreApplication.translate("Conflicts", "Safety stock")),
        ("supplier", QCoreApplication.translate("Conflicts", "Supplier")),
        ("qualification", QCoreApplication.translate("Conflicts", "Quality report")),
        ("platform_product_id", QCoreApplication.translate("Conflicts", "Platform product ID")),
        ("photo_path", QCoreApplication.translate("Conflicts", "Photo")),
        ("notes", QCoreApplication.translate("Conflicts", "Notes")),
        ("selling_points", QCoreApplication.translate("Conflicts", "Selling points")),
        ("faqs", QCoreApplication.translate("Conflicts", "FAQ")),
        ("documents", QCoreApplication.translate("Conflicts", "Documents")),
    ]


def product_row_fields() -> list[tuple[str, str]]:
    """The fields of a `products.ProductRow` (a line of the pool), children as counts."""
    counts = {"selling_points": "selling_point_count", "faqs": "faq_count", "documents": "document_count"}
    return [(counts.get(name, name), label) for name, label in product_fields()]


def show_product_value(name: str, value: Any) -> str:
    from livedesk.ui import formatting
    from livedesk.ui.products.labels import product_role_label, qualification_label

    if value is None or value == "" or value == ():
        return "—"
    if name == "role":
        return product_role_label(str(value))
    if name == "qualification":
        return qualification_label(str(value))
    if name in ("list_price", "live_price", "cost") and not isinstance(value, str):
        return formatting.money(value)
    if name == "commission_rate" and not isinstance(value, str):
        return formatting.percent(value)
    if name == "photo_path":
        return Path(str(value)).name
    if name in ("selling_points", "faqs"):
        return "\n".join(f"{first} — {second}" if second else first for first, second in value)
    if name == "documents":
        return "\n".join(file_name for file_name, _ in value)
    return str(value)


def product_conflict_rows(base: Any, mine: Any, theirs: Any, fields: list[tuple[str, str]] | None = None,
                          after: Any = None) -> list[ConflictRow]:
    """Like `stream_conflict_rows` for products; each of base, mine, theirs (and `after`, see compare_rows)
    is a `products.product_state` dict (or an object with those attributes, such as a ProductRow with
    `product_row_fields()`)."""
    return compare_rows(fields or product_fields(), _attrs(base), _attrs(mine), _attrs(theirs), show_product_value,
                        _attrs(after) if after is not None else None)


def _attrs(value: Any) -> Any:
    return SimpleNamespace(**value) if isinstance(value, Mapping) else value


# --- lineups ------------------------------------------------------------------------------------------------


def lineup_fields() -> list[tuple[str, str]]:
    """The values of a product on a stream's lineup (`lineups.ITEM_FIELDS`), with their labels."""
    return [
        ("live_price", QCoreApplication.translate("Conflicts", "Live price")),
        ("welfare_quantity", QCoreApplication.translate("Conflicts", "Welfare quantity")),
        ("planned_units", QCoreApplication.translate("Conflicts", "Planned units")),
        ("link_number", QCoreApplication.translate("Conflicts", "Link number")),
    ]


def show_lineup_value(name: str, value: Any) -> str:
    from livedesk.ui import formatting

    if value is None:
        return "—"
    return formatting.money(value) if name == "live_price" else str(value)


def lineup_conflict_rows(base: Mapping[str, Any] | None, mine: Mapping[str, Any],
                         theirs: Mapping[str, Any]) -> list[ConflictRow]:
    """Like `product_conflict_rows` for one product's values on a lineup ({field: value} dicts)."""
    return compare_rows(lineup_fields(), _attrs(base) if base is not None else None, _attrs(mine), _attrs(theirs),
                        show_lineup_value)


def lineup_order_row(yours: list[str], theirs: list[str]) -> ConflictRow:
    """The lineup's order (product names) the step would set beside the order stored now."""
    return ConflictRow(QCoreApplication.translate("Conflicts", "Lineup order"), "\n".join(yours) or "—",
                       "\n".join(theirs) or "—", "\n".join(yours) or "—", True)


# --- what the dialog says for undo, redo and deletes --------------------------------------------------------


def replay_texts(undoing: bool) -> dict[str, str]:
    """The dialog's texts when an undo (or a redo after an undo) finds that a teammate saved the record since
    this app's last write to it: going ahead would write over their work."""
    if undoing:
        intro = QCoreApplication.translate(
            "Conflicts", "<b>{0}</b> was changed by someone else after your change. Undoing it now would write "
                         "over their work. Nothing has been undone yet. Compare:")
        overwrite = QCoreApplication.translate("Conflicts", "Undo anyway")
        result = QCoreApplication.translate("Conflicts", "After undo")
    else:
        intro = QCoreApplication.translate(
            "Conflicts", "<b>{0}</b> was changed by someone else after you undid your change. Redoing it now would "
                         "write over their work. Nothing has been redone yet. Compare:")
        overwrite = QCoreApplication.translate("Conflicts", "Redo anyway")
        result = QCoreApplication.translate("Conflicts", "After redo")
    note = QCoreApplication.translate(
        "Conflicts", "Keep theirs: nothing is written and this step leaves the undo history. Go ahead: write back "
                     "only the fields this step changed; fields only they changed keep their value. Rows in red "
                     "were changed by both of you.")
    return {"intro": intro, "note": note, "reload_text": QCoreApplication.translate("Conflicts", "Keep theirs"),
            "overwrite_text": overwrite, "result_header": result}


def delete_texts() -> dict[str, str]:
    """The dialog's texts when the record being deleted was changed by a teammate since the user saw it."""
    return {
        "intro": QCoreApplication.translate(
            "Conflicts", "<b>{0}</b> was changed by someone else after you last saw it. Deleting it now would "
                         "throw their changes away. Nothing has been deleted yet. Their changes:"),
        "note": QCoreApplication.translate(
            "Conflicts", "Keep: nothing is deleted and the list shows their version. Delete anyway: delete it with "
                         "their changes (Ctrl+Z brings it back)."),
        "reload_text": QCoreApplication.translate("Conflicts", "Keep (reload)"),
        "overwrite_text": QCoreApplication.translate("Conflicts", "Delete anyway"),
        "result_header": QCoreApplication.translate("Conflicts", "After delete"),
    }


def undo_create_texts() -> dict[str, str]:
    """The dialog's texts when undoing a create (or redoing a delete) would delete a record that changed since
    this step: the change may be the user's own work elsewhere in the app (a script written for a new stream),
    so the text does not blame a teammate."""
    return delete_texts() | {
        "intro": QCoreApplication.translate(
            "Conflicts", "<b>{0}</b> has changed since this step (in another tab, or by someone else). Going ahead "
                         "deletes it together with those changes. Nothing has been deleted yet. The changes:"),
        "note": QCoreApplication.translate(
            "Conflicts", "Keep: nothing is deleted and this step leaves the undo history. Delete anyway: delete it "
                         "with those changes."),
    }


def deletion_rows(rows: list[ConflictRow]) -> list[ConflictRow]:
    """Comparison rows for a delete: whatever the values, the record is gone afterwards."""
    gone = QCoreApplication.translate("Conflicts", "(deleted)")
    return [ConflictRow(r.field, r.yours, r.theirs, gone, False) for r in rows]


def version_row(yours: int | None, theirs: int | None) -> ConflictRow:
    """The row shown when the versions differ but no field shown here does (e.g. changed back)."""
    return ConflictRow(QCoreApplication.translate("Conflicts", "Version"), str(yours or "—"), str(theirs or "—"),
                       "", False)


def labelled(name: str, rows: list[ConflictRow]) -> list[ConflictRow]:
    """Rows of one of several records in one dialog: each field label starts with the record's name."""
    return [ConflictRow(f"{name} · {r.field}", r.yours, r.theirs, r.result, r.clash) for r in rows]


# --- undo and redo that never write over a teammate's change -----------------------------------------------


@dataclass
class ReplayConflict:
    """One record an undo or redo finds changed by someone else: its name and the rows comparing what the
    step would write (or delete: `deleting`) with what is stored now."""

    name: str
    rows: list[ConflictRow]
    deleting: bool = False


def ask_replay(parent: Any, conflicts: list[ReplayConflict], undoing: bool, several: str) -> bool:
    """The dialog for an undo or redo that would write over (or delete) what someone else changed since
    this app's last write. True: go ahead; False: keep theirs (the step leaves the undo history, which
    `parent.status_message` says). `several` names the records when there are more than one."""
    rows: list[ConflictRow] = []
    for conflict in conflicts:
        rows += labelled(conflict.name, conflict.rows) if len(conflicts) > 1 else conflict.rows
    what = conflicts[0].name if len(conflicts) == 1 else several
    texts = undo_create_texts() if any(conflict.deleting for conflict in conflicts) else replay_texts(undoing)
    if conflicts and ask_overwrite(parent, what, rows, **texts):
        return True
    parent.status_message.emit(QCoreApplication.translate(
        "Conflicts", "Kept their version: this step can no longer be undone or redone, so it left the undo history."),
        10000)
    return False


class CheckedCommand(DbCommand):
    """An undoable edit whose undo, and redo after an undo, never write over a teammate's later change.

    The first redo (`_first`) is checked by the service against the versions the user saw; its errors
    propagate (the tab shows the conflict dialog or the error, and nothing is pushed). Every later step
    (`_replay`) compares only what it writes with what this command's last step left there (`_expected`)
    and writes only that: whatever else changed since, by a teammate or by this app elsewhere, stays and is
    no conflict. When what it writes was changed since, the service refuses (one of `conflict_errors`),
    nothing is written and `on_conflict(conflicts, undoing)` (set by the tab: `ask_replay`) decides: True
    goes ahead, expecting what is stored now (a teammate saving again meanwhile asks again); False keeps
    theirs and drops the step (obsolete): QUndoStack then removes it instead of leaving it
    undone-but-not-undone. With no conflict to show (they made the same change) it goes ahead.

    Any other failure (the record was deleted…) also drops the step and goes to `on_error` (set by the tab:
    it says what happened), or to the log without one; nothing escapes into QUndoStack, which would move its
    index as if the step had worked. When the database itself failed, `_dropped` is not called (its read
    would fail again): the tab's `on_error` reads on a worker (`Tab.show_after_failure`).

    Subclasses give `_first()`, `_expected(undoing)` (what the step expects), `_write(undoing, expected)`
    (raises one of `conflict_errors` when what it writes is not as expected), `_conflicts(undoing)` → (the
    ReplayConflicts to show, what is stored now) and `_dropped()` (refresh the views).
    """

    conflict_errors: tuple[type[BaseException], ...] = (StaleRowError,)

    def __init__(self, text: str = ""):
        super().__init__(text)
        self.on_conflict: Callable[[list[ReplayConflict], bool], bool] | None = None  # None: keep theirs
        self.on_error: Callable[[BaseException], None] | None = None  # None: log it
        self.applied = False  # the first redo ran

    def _redo(self) -> None:
        if self.applied:
            self._replay(undoing=False)
            return
        self._first()
        self.applied = True

    def undo(self) -> None:
        self._replay(undoing=True)

    def _replay(self, undoing: bool) -> None:
        expected = self._expected(undoing)
        while True:
            try:
                self._write(undoing, expected)
                return
            except self.conflict_errors:
                pass
            except Exception as exc:  # its transaction rolled back: nothing was written
                self._drop(exc)
                return
            try:
                conflicts, expected = self._conflicts(undoing)
            except Exception as exc:  # e.g. deleted meanwhile
                self._drop(exc)
                return
            if conflicts and (self.on_conflict is None or not self.on_conflict(conflicts, undoing)):
                self._drop(None)
                return

    def _drop(self, exc: BaseException | None) -> None:
        self.setObsolete(True)
        if exc is None or environment_fault(exc, None) is None:
            self._dropped()
        # else the database itself failed (a team server away): reading it here would fail, or wait, again;
        # on_error has the tab read it on a worker
        if exc is None:
            return
        if self.on_error is not None:
            self.on_error(exc)
        else:
            log.warning("%s: the step could not be done and left the undo history", self.text(), exc_info=exc)

    def _first(self) -> None:
        raise NotImplementedError

    def _expected(self, undoing: bool) -> Any:
        raise NotImplementedError

    def _write(self, undoing: bool, expected: Any) -> None:
        raise NotImplementedError

    def _conflicts(self, undoing: bool) -> tuple[list[ReplayConflict], Any]:
        raise NotImplementedError

    def _dropped(self) -> None:
        raise NotImplementedError
