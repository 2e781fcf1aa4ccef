"""The stream editor: when and where, goals, people with their roles, welfare and warm-up plans."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from livedesk.services.schedule import StreamData, ValidationError, validate
from livedesk.ui import theme
from livedesk.ui.labels import (
    PLATFORMS,
    ROLES,
    STATUSES,
    STREAM_TYPES,
    platform_label,
    role_label,
    status_label,
    stream_type_label,
)
from livedesk.ui.widgets.money_edit import MoneyEdit
from livedesk.ui.widgets.pick_or_new import PickOrNewCombo


def _combo(values: list[str], label) -> QComboBox:
    combo = QComboBox()
    for value in values:
        combo.addItem(label(value), value)
    return combo


class _OptionalSpin(QSpinBox):
    """A spin box whose lowest value reads as "not set" (goals are optional)."""

    def __init__(self, maximum: int, suffix: str = ""):
        super().__init__()
        self.setRange(-1, maximum)
        self.setSpecialValueText("—")
        self.setSuffix(suffix)
        self.setValue(-1)
        self.setGroupSeparatorShown(True)

    def optional(self) -> int | None:
        return None if self.value() < 0 else self.value()

    def set_optional(self, value: int | None) -> None:
        self.setValue(-1 if value is None else int(value))


class StreamDialog(QDialog):
    def __init__(
        self, data: StreamData, people: list[str], parent: QWidget | None = None, accounts: Sequence[str] = ()
    ):
        """`people` are the roster's names and `accounts` the accounts already used: both are picked from lists,
        and a new one is added only through the explicit "New…" entry."""
        super().__init__(parent)
        self.setObjectName("streamDialog")
        self.setWindowTitle(self.tr("Stream") if data.id is None else self.tr("Edit stream"))
        self._original = data
        self._people_names = people
        layout = QVBoxLayout(self)

        basics = QGroupBox(self.tr("When and where"))
        form = QFormLayout(basics)
        self.title_edit = QLineEdit(data.title)
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("e.g. 冬季焕新专场"))
        self.start_edit = QDateTimeEdit(QDateTime(data.start_at.astimezone().replace(tzinfo=None)))
        self.start_edit.setObjectName("start")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("minutes")
        self.minutes_spin.setRange(1, 24 * 60)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setValue(data.planned_minutes)
        self.platform_combo = _combo(PLATFORMS, platform_label)
        self.platform_combo.setObjectName("platform")
        self.platform_combo.setCurrentIndex(PLATFORMS.index(data.platform))
        self.account_combo = PickOrNewCombo(
            accounts, data.account, self.tr("(no account)"), self.tr("New account…"), self.tr("New account"),
            self.tr("Name of the new account (as it is on the platform):"),
        )
        self.account_combo.setObjectName("account")
        self.theme_edit = QLineEdit(data.theme)
        self.theme_edit.setObjectName("theme")
        self.theme_edit.setPlaceholderText(self.tr("新品发布, 清仓, 品牌故事, 会员专场, 大促…"))
        self.type_combo = _combo(STREAM_TYPES, stream_type_label)
        self.type_combo.setObjectName("streamType")
        self.type_combo.setCurrentIndex(STREAM_TYPES.index(data.stream_type))
        self.status_combo = _combo(STATUSES, status_label)
        self.status_combo.setObjectName("status")
        self.status_combo.setCurrentIndex(STATUSES.index(data.status))
        form.addRow(self.tr("&Title"), self.title_edit)
        form.addRow(self.tr("&Start"), self.start_edit)
        form.addRow(self.tr("&Length"), self.minutes_spin)
        form.addRow(self.tr("&Platform"), self.platform_combo)
        form.addRow(self.tr("&Account"), self.account_combo)
        form.addRow(self.tr("T&heme"), self.theme_edit)
        form.addRow(self.tr("T&ype"), self.type_combo)
        form.addRow(self.tr("Stat&us"), self.status_combo)

        goals = QGroupBox(self.tr("Goals"))
        goals_form = QFormLayout(goals)
        # read with the shared amount parser: "5万" is ¥50,000, never ¥5; an unreadable amount is refused
        self.gmv_edit = MoneyEdit(data.gmv_target)
        self.gmv_edit.setObjectName("gmvTarget")
        self.viewers_spin = _OptionalSpin(100_000_000)
        self.viewers_spin.set_optional(data.viewers_target)
        self.peak_spin = _OptionalSpin(10_000_000)
        self.peak_spin.set_optional(data.peak_online_target)
        self.conversion_spin = QDoubleSpinBox()
        self.conversion_spin.setObjectName("conversionTarget")
        self.conversion_spin.setRange(-0.1, 100)
        self.conversion_spin.setDecimals(1)
        self.conversion_spin.setSingleStep(0.5)
        self.conversion_spin.setSpecialValueText("—")
        self.conversion_spin.setSuffix(" %")
        self.conversion_spin.setValue(-0.1 if data.conversion_target is None else float(data.conversion_target) * 100)
        self.followers_spin = _OptionalSpin(10_000_000)
        self.followers_spin.set_optional(data.new_followers_target)
        goals_form.addRow(self.tr("&GMV"), self.gmv_edit)
        goals_form.addRow(self.tr("&Viewers (UV)"), self.viewers_spin)
        goals_form.addRow(self.tr("Peak &online"), self.peak_spin)
        goals_form.addRow(self.tr("&Conversion"), self.conversion_spin)
        goals_form.addRow(self.tr("&New followers"), self.followers_spin)

        team = QGroupBox(self.tr("People"))
        self.people_grid = QGridLayout(team)
        self.people_rows: list[tuple[PickOrNewCombo, QComboBox]] = []
        for name, role in data.people:
            self._add_person_row(name, role)
        add_person = QPushButton(self.tr("Add person"))
        add_person.setObjectName("addPerson")
        add_person.clicked.connect(lambda: self._add_person_row("", "host"))
        self.people_grid.addWidget(add_person, 100, 0, 1, 2)

        plans = QGroupBox(self.tr("Welfare and warm-up"))
        plans_form = QFormLayout(plans)
        self.welfare_edit = QPlainTextEdit(data.welfare_plan)
        self.welfare_edit.setPlaceholderText(self.tr("Flash sales, coupons, gifts, lucky bags, draws…"))
        self.welfare_edit.setMaximumHeight(70)
        self.warmup_edit = QPlainTextEdit(data.warmup_plan)
        self.warmup_edit.setPlaceholderText(self.tr("Channels and dates: short videos, fan groups, posters…"))
        self.warmup_edit.setMaximumHeight(70)
        self.notes_edit = QPlainTextEdit(data.notes)
        self.notes_edit.setMaximumHeight(60)
        plans_form.addRow(self.tr("&Welfare plan"), self.welfare_edit)
        plans_form.addRow(self.tr("Wa&rm-up plan"), self.warmup_edit)
        plans_form.addRow(self.tr("N&otes"), self.notes_edit)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(basics)
        left.addWidget(goals)
        right = QVBoxLayout()
        right.addWidget(team)
        right.addWidget(plans)
        columns.addLayout(left)
        columns.addLayout(right)
        layout.addLayout(columns)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        theme.set_style(self.error_label, "color: $bad;")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.title_edit.setFocus()

    def _add_person_row(self, name: str, role: str) -> None:
        names = [*self._people_names, *(p.text() for p, _role in self.people_rows)]
        person = PickOrNewCombo(
            names, name, self.tr("(choose)"), self.tr("New person…"), self.tr("New person"),
            self.tr("Name of the new team member:"),
        )
        person.setObjectName(f"person{len(self.people_rows)}")
        person.name_added.connect(self._offer_person)
        role_combo = _combo(ROLES, role_label)
        role_combo.setCurrentIndex(ROLES.index(role) if role in ROLES else 0)
        row = len(self.people_rows)
        self.people_grid.addWidget(person, row, 0)
        self.people_grid.addWidget(role_combo, row, 1)
        self.people_rows.append((person, role_combo))

    def _offer_person(self, name: str) -> None:
        """A person added in one row can be picked in the others too."""
        for person, _role in self.people_rows:
            person.add_name(name)

    def result_data(self) -> StreamData:
        """The stream as filled in; ValidationError when the GMV goal is not an amount."""
        start = self.start_edit.dateTime().toPython().replace(second=0, microsecond=0).astimezone()
        try:
            gmv = self.gmv_edit.amount()
        except ValueError as exc:
            raise ValidationError(self.tr("The GMV goal is not an amount ({0}). Write e.g. 50000, 5万 or ¥50,000.").format(exc)) from None
        conversion = self.conversion_spin.value()
        people = []
        for person, role in self.people_rows:
            name = person.text()
            if name and (name, role.currentData()) not in people:
                people.append((name, role.currentData()))
        return dataclasses.replace(
            self._original,
            title=self.title_edit.text().strip(),
            start_at=start,
            planned_minutes=self.minutes_spin.value(),
            platform=self.platform_combo.currentData(),
            account=self.account_combo.text(),
            theme=self.theme_edit.text().strip(),
            stream_type=self.type_combo.currentData(),
            status=self.status_combo.currentData(),
            gmv_target=gmv,
            viewers_target=self.viewers_spin.optional(),
            peak_online_target=self.peak_spin.optional(),
            conversion_target=None if conversion < 0 else (Decimal(str(round(conversion, 1))) / 100),
            new_followers_target=self.followers_spin.optional(),
            welfare_plan=self.welfare_edit.toPlainText().strip(),
            warmup_plan=self.warmup_edit.toPlainText().strip(),
            notes=self.notes_edit.toPlainText().strip(),
            people=people,
        )

    def accept(self) -> None:
        try:
            validate(self.result_data())
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()


def default_new_stream(now: dt.datetime | None = None) -> StreamData:
    """Tonight at 20:00 (or tomorrow if that has passed), two hours, on Douyin."""
    now = (now or dt.datetime.now()).astimezone()
    start = now.replace(hour=20, minute=0, second=0, microsecond=0)
    if start <= now:
        start += dt.timedelta(days=1)
    return StreamData(title="", start_at=start, planned_minutes=120, people=[])


