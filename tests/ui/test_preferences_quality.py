"""Preferences ▸ Quality reports: one tick per 类目, saved with the preferences."""

from __future__ import annotations

from livedesk.config import Preferences


def test_preferences_tick_the_categories_and_keep_them(qtbot, paths):
    from PySide6.QtCore import Qt

    from livedesk.ui.preferences_dialog import PreferencesDialog

    prefs = Preferences()
    dialog = PreferencesDialog(prefs, paths, categories=["服饰", "护肤", "家居"])
    qtbot.addWidget(dialog)
    items = {dialog.quality_categories.item(i).text(): dialog.quality_categories.item(i)
             for i in range(dialog.quality_categories.count())}
    assert {"服饰", "家居", "护肤", "食品"} <= set(items)
    assert items["护肤"].checkState() == Qt.CheckState.Checked
    assert items["服饰"].checkState() == Qt.CheckState.Unchecked
    items["服饰"].setCheckState(Qt.CheckState.Checked)
    items["食品"].setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    saved = Preferences.load(paths).qualification_categories
    assert "服饰" in saved and "食品" not in saved and "护肤" in saved
