"""The team roster: people and their usual roles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from livedesk.services import schedule, schedule_reads, schedule_steps
from livedesk.services.db import Database
from livedesk.services.faults import EnvironmentFault
from livedesk.ui import theme
from livedesk.ui.labels import ROLES, role_label


class RosterDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setObjectName("rosterDialog")
        self.setWindowTitle(self.tr("Team roster"))
        self.resize(560, 420)
        layout = QHBoxLayout(self)
        self.people_list = QListWidget()
        self.people_list.setObjectName("people")
        self.people_list.currentItemChanged.connect(self._show_person)
        layout.addWidget(self.people_list, 1)
        editor = QVBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText(self.tr("Name"))
        editor.addWidget(QLabel(self.tr("Name")))
        editor.addWidget(self.name_edit)
        editor.addWidget(QLabel(self.tr("Usual roles")))
        grid = QGridLayout()
        self.role_boxes: dict[str, QCheckBox] = {}
        for i, role in enumerate(ROLES):
            box = QCheckBox(role_label(role))
            box.setObjectName(f"role_{role}")
            self.role_boxes[role] = box
            grid.addWidget(box, i // 2, i % 2)
        editor.addLayout(grid)
        self.active_box = QCheckBox(self.tr("Active"))
        self.active_box.setChecked(True)
        editor.addWidget(self.active_box)
        self.error_label = QLabel()
        theme.set_style(self.error_label, "color: $bad;")
        self.error_label.setWordWrap(True)
        editor.addWidget(self.error_label)
        row = QHBoxLayout()
        new_button = QPushButton(self.tr("New"))
        new_button.setObjectName("newPerson")
        new_button.clicked.connect(self._new_person)
        save_button = QPushButton(self.tr("Save"))
        save_button.setObjectName("savePerson")
        save_button.clicked.connect(self._save)
        row.addWidget(new_button)
        row.addWidget(save_button)
        editor.addLayout(row)
        editor.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        editor.addWidget(close)
        layout.addLayout(editor, 1)
        self._reload()

    def _reload(self, select_id: int | None = None) -> None:
        self.people_list.clear()
        for person in schedule_reads.read_roster(self.db):
            label = person.name + ("" if person.active else self.tr(" (inactive)"))
            roles = "、".join(role_label(r) for r in person.usual_roles)
            item = QListWidgetItem(f"{label}  ·  {roles}" if roles else label)
            item.setData(Qt.ItemDataRole.UserRole, (person.id, person.name, person.usual_roles, person.active))
            self.people_list.addItem(item)
            if person.id == select_id:
                self.people_list.setCurrentItem(item)

    def _show_person(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        _, name, roles, active = item.data(Qt.ItemDataRole.UserRole)
        self.name_edit.setText(name)
        for role, box in self.role_boxes.items():
            box.setChecked(role in roles)
        self.active_box.setChecked(active)
        self.error_label.clear()

    def _new_person(self) -> None:
        self.people_list.setCurrentItem(None)
        self.name_edit.clear()
        for box in self.role_boxes.values():
            box.setChecked(False)
        self.active_box.setChecked(True)
        self.name_edit.setFocus()

    def _save(self) -> None:
        item = self.people_list.currentItem()
        person_id = item.data(Qt.ItemDataRole.UserRole)[0] if item else None
        roles = [role for role, box in self.role_boxes.items() if box.isChecked()]
        try:
            saved_id = schedule_steps.save_person(self.db, self.name_edit.text(), roles, person_id,
                                                  self.active_box.isChecked())
        except (schedule.ValidationError, EnvironmentFault) as exc:  # e.g. the team server is away
            self.error_label.setText(str(exc))
            return
        self._reload(saved_id)
