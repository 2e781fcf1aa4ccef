"""Preferences ▸ Review: how long after the end orders still count as the stream's sales."""

from __future__ import annotations

from livedesk.config import Preferences


def test_order_grace_is_edited_and_kept(qtbot, paths):
    from livedesk.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(Preferences(), paths)
    qtbot.addWidget(dialog)
    assert dialog.order_grace.value() == 30  # the default the order rule uses
    dialog.order_grace.setValue(45)
    dialog.accept()
    assert Preferences.load(paths).order_grace_minutes == 45
