"""When a teammate saved the same record while you were editing it: see both, then reload or overwrite.

Every edit carries the version (or the value) the user saw; the service refuses a stale save, and the
tab shows this dialog instead of silently writing over the other person's work:

* **Reload** throws your change away and shows theirs;
* **Overwrite** puts your changes on top of theirs, after you have seen both. Only the fields you changed
  are written: a field that only they changed keeps their value (the "After overwrite" column says so).

`ConflictDialog.exec()` returns RELOAD or OVERWRITE (closing the dialog counts as Reload: nothing is written).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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

from livedesk.ui.widgets.rows_model import RowsTableModel


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

    def __init__(self, what: str, rows: list[ConflictRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone else changed this"))
        self.rows = rows
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("<b>{0}</b> was saved by someone else while you were editing it. "
                    "Nothing of yours has been saved yet. Compare the two versions:").format(_html(what))
        )
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RowsTableModel(
            [self.tr("Field"), self.tr("Yours"), self.tr("Theirs"), self.tr("After overwrite")],
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
        note = QLabel(self.tr("Reload: discard your change and show theirs. Overwrite: save the fields you changed "
                              "on top of theirs; fields only they changed keep their value. Rows in red were "
                              "changed by both of you."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(self.tr("Reload (discard mine)"))
        self.reload_button.setObjectName("conflictReload")
        self.overwrite_button = QPushButton(self.tr("Overwrite with mine"))
        self.overwrite_button.setObjectName("conflictOverwrite")
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.reload_button.clicked.connect(lambda: self.done(self.RELOAD))
        self.overwrite_button.clicked.connect(lambda: self.done(self.OVERWRITE))
        self.reload_button.setDefault(True)  # the safe choice: nothing is written
        layout.addWidget(buttons)
        self.resize(720, 360)


def ask_overwrite(parent: QWidget | None, what: str, rows: list[ConflictRow]) -> bool:
    """Show the dialog; True when the user chose Overwrite."""
    dialog = ConflictDialog(what, rows, parent)
    try:
        return dialog.exec() == ConflictDialog.OVERWRITE
    finally:
        dialog.deleteLater()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def compare_rows(fields: list[tuple[str, str]], base: Any, mine: Any, theirs: Any,
                 show: Callable[[str, Any], str]) -> list[ConflictRow]:
    """Rows for the fields where yours and theirs differ. `fields` are (attribute, label); `base` is what
    the user opened (None: only the fields where mine differs from theirs were changed by the user)."""
    rows = []
    for name, label in fields:
        yours, their = getattr(mine, name), getattr(theirs, name)
        if yours == their:
            continue
        changed_by_me = base is None or getattr(base, name) != yours
        changed_by_them = base is None or getattr(base, name) != their
        result = yours if changed_by_me else their
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
