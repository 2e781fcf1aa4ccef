"""Preferences: language, light or dark, the rule thresholds and live-console settings (apart from window state)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from livedesk.config import Paths, Preferences
from livedesk.ui import theme
from livedesk.ui.widgets.money_edit import MoneyEdit


def _percent_spin(value: float, maximum: float = 100) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, maximum)
    spin.setDecimals(1)
    spin.setSuffix(" %")
    spin.setValue(value * 100)
    return spin


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, paths: Paths, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.prefs, self.paths = prefs, paths
        self._previewed = False
        layout = QVBoxLayout(self)

        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        form.addRow(self.tr("&Language"), self.language)
        note = QLabel(self.tr("A new language applies the next time LiveDesk starts."))
        theme.set_style(note, "color: $muted;")
        form.addRow("", note)
        self.appearance = QComboBox()
        self.appearance.setObjectName("appearance")
        self.appearance.addItem(self.tr("Follow the system"), "system")
        self.appearance.addItem(self.tr("Light"), "light")
        self.appearance.addItem(self.tr("Dark"), "dark")
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(theme.normalise(prefs.appearance))))
        self.appearance.currentIndexChanged.connect(self._preview_appearance)  # shown at once; Cancel undoes it
        form.addRow(self.tr("&Appearance"), self.appearance)
        self.backups = QSpinBox()
        self.backups.setRange(1, 100)
        self.backups.setValue(prefs.backups_kept)
        form.addRow(self.tr("&Backups kept"), self.backups)
        layout.addWidget(general)

        rules = QGroupBox(self.tr("Product rules"))
        rules_form = QFormLayout(rules)
        self.floor_profit = _percent_spin(prefs.margin_floor_profit)
        self.floor_traffic = _percent_spin(prefs.margin_floor_traffic)
        self.stock_buffer = _percent_spin(prefs.stock_buffer)
        self.low_click = _percent_spin(prefs.low_click_rate)
        rules_form.addRow(self.tr("Margin floor, &profit items"), self.floor_profit)
        rules_form.addRow(self.tr("Margin floor, &traffic items"), self.floor_traffic)
        rules_form.addRow(self.tr("Stock &buffer over planned units (N+1)"), self.stock_buffer)
        rules_form.addRow(self.tr("Elimination below &click rate"), self.low_click)
        layout.addWidget(rules)

        live = QGroupBox(self.tr("Live console"))
        live_form = QFormLayout(live)
        self.warning = QSpinBox()
        self.warning.setRange(0, 900)
        self.warning.setSingleStep(30)
        self.warning.setSuffix(self.tr(" s"))
        self.warning.setValue(prefs.warning_seconds)
        self.sound = QCheckBox(self.tr("Play a sound at the warning"))
        self.sound.setChecked(prefs.warning_sound)
        self.uv_floor = MoneyEdit(Decimal(str(prefs.uv_value_floor)))  # the shared amount parser, as every money field
        self.uv_floor.setObjectName("uvValueFloor")
        self.drop = _percent_spin(prefs.online_drop_share)
        self.reminder = QSpinBox()
        self.reminder.setRange(1, 60)
        self.reminder.setSuffix(self.tr(" min"))
        self.reminder.setValue(prefs.metric_reminder_minutes)
        live_form.addRow(self.tr("&Warning before a switch"), self.warning)
        live_form.addRow("", self.sound)
        live_form.addRow(self.tr("Alert when &UV value is below"), self.uv_floor)
        live_form.addRow(self.tr("Alert when online viewers &drop by"), self.drop)
        live_form.addRow(self.tr("&Remind to enter metrics every"), self.reminder)
        layout.addWidget(live)

        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        theme.set_style(self.error_label, "color: $bad;")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            uv_floor = self.uv_floor.amount() or Decimal(0)
        except ValueError as exc:
            self.error_label.setText(self.tr("The UV value alert is not an amount ({0}). Write e.g. 0.8.").format(exc))
            self.uv_floor.setFocus()
            return
        p = self.prefs
        p.language = self.language.currentData()
        if p.appearance != self.appearance.currentData() or self._previewed:
            p.appearance = self.appearance.currentData()
            theme.set_appearance(p.appearance)
        p.backups_kept = self.backups.value()
        p.margin_floor_profit = round(self.floor_profit.value() / 100, 4)
        p.margin_floor_traffic = round(self.floor_traffic.value() / 100, 4)
        p.stock_buffer = round(self.stock_buffer.value() / 100, 4)
        p.low_click_rate = round(self.low_click.value() / 100, 4)
        p.warning_seconds = self.warning.value()
        p.warning_sound = self.sound.isChecked()
        p.uv_value_floor = float(uv_floor)
        p.online_drop_share = round(self.drop.value() / 100, 4)
        p.metric_reminder_minutes = self.reminder.value()
        p.save(self.paths)
        super().accept()

    def _preview_appearance(self) -> None:
        self._previewed = True
        theme.set_appearance(self.appearance.currentData())

    def reject(self) -> None:
        if self._previewed:
            theme.set_appearance(self.prefs.appearance)
        super().reject()
