"""The main window: five tabs in order, welcome on an empty database, honest empty tabs, window state."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from livedesk.ui.main_window import TAB_KEYS, MainWindow


def test_five_tabs_in_workflow_order(window):
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Schedule", "Products", "Script", "Live", "Review"]
    assert len(TAB_KEYS) == 5


def test_empty_database_shows_welcome_and_demo_button_fills_it(window):
    assert window.stack.currentWidget() is window.welcome
    window.welcome.findChild(type(window.welcome.buttons.itemAt(0).widget()), "loadDemo").click()
    assert window.stack.currentWidget() is window.tabs
    assert window.tab("schedule").model.rowCount() > 20


def test_start_empty_goes_to_the_tabs(window):
    window.welcome.buttons.itemAt(1).widget().click()
    assert window.stack.currentWidget() is window.tabs


def test_status_bar_names_the_database(window, db):
    assert str(db.file_path) in window.db_label.text()


def test_undo_menu_follows_the_current_tab(window):
    assert window.undo_group.activeStack() is window.tab("schedule").undo_stack


def test_window_state_is_remembered(qtbot, db, paths):
    first = MainWindow(db, paths)
    qtbot.addWidget(first)
    first.resize(701, 502)  # inside the offscreen screen (800×600), so nothing is clamped
    first.show_tab("script")
    first.close()
    second = MainWindow(db, paths)
    qtbot.addWidget(second)
    assert second.tabs.currentIndex() == 2
    assert (second.width(), second.height()) == (701, 502)


def test_shortcuts_list_names_every_hotkey(window):
    keys = [k for k, _ in window.shortcuts()]
    assert "Ctrl+1 … Ctrl+5" in keys and "Ctrl+D" in keys


def test_switching_to_a_newer_database_shows_an_error_and_keeps_the_current(window, tmp_path, monkeypatch):
    from sqlalchemy import text

    from livedesk.services.db import open_database

    url = f"sqlite:///{tmp_path / 'future.sqlite3'}"
    future = open_database(url)
    with future.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num='9999'"))
    future.close()
    shown = []
    monkeypatch.setattr("livedesk.ui.main_window.show_error", lambda parent, exc, title=None: shown.append(str(exc)))
    old = window.db
    assert window.switch_database(url) is False
    assert window.db is old and "newer version" in shown[0]


def test_every_tab_is_built(window):
    texts = " ".join(label.text() for tab in window.all_tabs() for label in tab.findChildren(QLabel))
    assert "not built yet" not in texts
    assert [type(window.tab(k)).__name__ for k in TAB_KEYS] == ["ScheduleTab", "ProductsTab", "ScriptTab", "LiveTab", "ReviewTab"]


def test_file_menu_import_and_export_lead_to_the_tabs(window, monkeypatch):
    window._fill_file_menus_once()
    imports = [a.text() for a in window.import_menu.actions()]
    exports = [a.text() for a in window.export_menu.actions()]
    assert any("排期表" in t for t in imports) and any("排期表" in t for t in exports)
    called = []
    monkeypatch.setattr(window.tab("schedule"), "import_schedule", lambda path=None: called.append("import"))
    window._fill_file_menus()
    window.import_menu.actions()[0].trigger()
    assert called == ["import"] and window.tabs.currentIndex() == 0


def test_preferences_are_saved_apart_from_window_state(qtbot, window, paths, monkeypatch):
    from livedesk.config import Preferences
    from livedesk.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window.prefs, paths, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.floor_profit.setValue(35)
    dialog.accept()
    saved = Preferences.load(paths)
    assert saved.language == "zh_CN" and saved.margin_floor_profit == 0.35
    assert paths.settings_file != paths.window_state_file


def test_schedule_buttons_open_the_stream_in_other_tabs(window, demo_db):
    window.refresh_all()
    schedule_tab = window.tab("schedule")
    schedule_tab.table.selectRow(0)
    stream_id = schedule_tab.selected_ids()[0]
    schedule_tab.lineup_action.trigger()
    assert window.tabs.currentIndex() == 1
    assert window.tab("products").lineup.stream_id == stream_id
    window.show_tab("schedule")
    schedule_tab.review_action.trigger()
    assert window.tabs.currentIndex() == 4


def test_tabs_are_built_when_first_shown(qtbot, db, paths):
    from livedesk.ui.main_window import MainWindow

    win = MainWindow(db, paths)
    qtbot.addWidget(win)
    assert [type(w).__name__ for w in win.built_tabs()] == ["ScheduleTab"]
    win.show_tab("review")
    assert "ReviewTab" in [type(w).__name__ for w in win.built_tabs()]
    win.warm_up()
    qtbot.waitUntil(lambda: len(win.built_tabs()) == 5)


def test_deleting_a_stream_refreshes_the_other_tabs(window, demo_db):
    window.refresh_all()
    script_tab, live_tab = window.tab("script"), window.tab("live")
    stream_id = script_tab.stream_id
    schedule_tab = window.show_tab("schedule")
    schedule_tab.select_stream(stream_id)
    schedule_tab.delete_action.trigger()
    assert script_tab.stream_id != stream_id
    assert stream_id not in [script_tab.stream_combo.itemData(i) for i in range(script_tab.stream_combo.count())]
    assert stream_id not in [live_tab.stream_combo.itemData(i) for i in range(live_tab.stream_combo.count())]
