"""The script tab's parts (toolbar, side panel, teammate messages) translate after the tab was split into
modules: each part's strings are looked up in the context they are extracted in."""

from __future__ import annotations

import pytest

from livedesk.ui.script.tab import ScriptTab


@pytest.fixture
def chinese(qapp):
    from PySide6.QtCore import QLocale

    from livedesk.services import messages
    from livedesk.ui import i18n

    locale, translator = QLocale(), messages.installed_translator()
    i18n.install_language(qapp, "zh_CN")
    yield
    for installed in i18n._installed:
        qapp.removeTranslator(installed)
    i18n._installed.clear()
    QLocale.setDefault(locale)
    messages.install_translator(translator)


def test_the_split_parts_of_the_script_tab_speak_chinese(qtbot, db, paths, chinese):
    tab = ScriptTab(db, paths)
    qtbot.addWidget(tab)
    assert tab.add_action.text() == "添加环节"  # ScriptToolbar
    assert tab.side.tabText(0) == "环节"  # ScriptSidePanel
    tab.side.show_rehearsals([])
    assert tab.side.tabText(2) == "彩排记录（0）"
    assert tab.teammates.tr("Reloaded: your change was discarded.") == "已重新加载：你的修改已放弃。"
    assert tab.files.tr("Import script") == "导入脚本"
