"""Preferences: language, light or dark, the rule thresholds, which 类目 need a quality report and live-console
settings (apart from window state)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from livedesk.config import QUALIFICATION_CATEGORIES, Paths, Preferences
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
    def __init__(
        self, prefs: Preferences, paths: Paths, parent: QWidget | None = None, categories: Sequence[str] = ()
    ):
        """`categories` are the product pool's 类目, offered in the quality-report list with the usual ones."""
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.prefs, self.paths = prefs, paths
        self._previewed = False
        outer = QVBoxLayout(self)
        columns = QHBoxLayout()  # two columns, so the dialog fits a 768-pixel-high laptop screen
        outer.addLayout(columns)
        layout = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(layout)
        columns.addLayout(right)

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
        layout.addWidget(self._quality_box(prefs, categories), 1)

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
        right.addWidget(live)

        review = QGroupBox(self.tr("Review"))
        review_form = QFormLayout(review)
        self.order_grace = QSpinBox()
        self.order_grace.setObjectName("orderGrace")
        self.order_grace.setRange(0, 240)
        self.order_grace.setSingleStep(5)
        self.order_grace.setSuffix(self.tr(" min"))
        self.order_grace.setValue(prefs.order_grace_minutes)
        self.order_grace.setToolTip(self.tr(
            "Orders submitted this long after the stream ends still count as its sales when an order export is imported."))
        review_form.addRow(self.tr("&Orders count until the end plus"), self.order_grace)
        right.addWidget(review)
        right.addStretch(1)

        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        theme.set_style(self.error_label, "color: $bad;")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    def _quality_box(self, prefs: Preferences, categories: Sequence[str]) -> QGroupBox:
        """One tick per 类目: products of a ticked category are flagged while they lack a quality report."""
        box = QGroupBox(self.tr("Quality reports (质检报告)"))
        box_layout = QVBoxLayout(box)
        note = QLabel(self.tr("Warn about a missing quality report only for products of these categories "
                              "(and for products without a category):"))
        note.setWordWrap(True)
        theme.set_style(note, "color: $muted;")
        box_layout.addWidget(note)
        self.quality_categories = QListWidget()
        self.quality_categories.setObjectName("qualityCategories")
        self.quality_categories.setFlow(QListWidget.Flow.LeftToRight)
        self.quality_categories.setWrapping(True)
        self.quality_categories.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.quality_categories.setMinimumHeight(70)
        needed = {c.strip() for c in prefs.qualification_categories if c.strip()}
        names = [*QUALIFICATION_CATEGORIES, *sorted(needed), *sorted(c.strip() for c in categories if c.strip())]
        for name in dict.fromkeys(names):  # in order, once each
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in needed else Qt.CheckState.Unchecked)
            self.quality_categories.addItem(item)
        box_layout.addWidget(self.quality_categories, 1)
        return box

    def checked_categories(self) -> list[str]:
        items = (self.quality_categories.item(i) for i in range(self.quality_categories.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

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
        p.order_grace_minutes = self.order_grace.value()
        p.qualification_categories = self.checked_categories()
        p.save(self.paths)
        super().accept()

    def _preview_appearance(self) -> None:
        self._previewed = True
        theme.set_appearance(self.appearance.currentData())

    def reject(self) -> None:
        if self._previewed:
            theme.set_appearance(self.prefs.appearance)
        super().reject()
