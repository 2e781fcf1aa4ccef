"""The script tab's toolbar: templates, segments, product pitches, approval and rehearsal, files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from livedesk.ui.widgets.actions import add_tab_action

if TYPE_CHECKING:
    from livedesk.ui.script.tab import ScriptTab


class ScriptToolbar(QToolBar):
    """Its actions belong to the tab (shortcuts work anywhere in it); its strings translate in this context."""

    def __init__(self, tab: ScriptTab):
        super().__init__()
        self.setObjectName("scriptToolbar")
        self.template_button = QToolButton()
        self.template_button.setText(self.tr("New from template"))
        self.template_button.setObjectName("templateButton")
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.template_menu = QMenu(self.template_button)
        for key, text in (("daily", self.tr("Daily stream (2 h)")), ("special", self.tr("Special (3 h)")),
                          ("big_promotion", self.tr("Big promotion (6 h)"))):
            action = self.template_menu.addAction(text)
            action.setObjectName(f"template_{key}")
            action.triggered.connect(lambda _c=False, key=key: tab.build_from_template(key))
        self.template_button.setMenu(self.template_menu)
        self.addWidget(self.template_button)
        self.add_action = add_tab_action(tab, self, self.tr("Add segment"), tab.add_segment, "Ctrl+Shift+N", "addSegment")
        self.pitch_button = QToolButton()
        self.pitch_button.setText(self.tr("Insert product pitch"))
        self.pitch_button.setObjectName("pitchButton")
        self.pitch_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pitch_menu = QMenu(self.pitch_button)
        self.pitch_menu.aboutToShow.connect(tab._fill_pitch_menu)
        self.pitch_button.setMenu(self.pitch_menu)
        self.addWidget(self.pitch_button)
        self.delete_action = add_tab_action(tab, self, self.tr("Delete segment"), tab.delete_segment, None, "deleteSegment")
        self.up_action = add_tab_action(tab, self, self.tr("Move up"), lambda: tab.move_selected(-1), None, "moveUp")
        self.down_action = add_tab_action(tab, self, self.tr("Move down"), lambda: tab.move_selected(1), None, "moveDown")
        self.addSeparator()
        add_tab_action(tab, self, self.tr("Word list…"), tab.open_word_list, None, "wordList")
        self.approve_action = add_tab_action(tab, self, self.tr("Approved"), tab.toggle_approved, None, "approve")
        self.approve_action.setCheckable(True)
        self.rehearse_action = add_tab_action(tab, self, self.tr("Rehearse"), tab.start_rehearsal, "F5", "rehearse")
        self.mark_action = add_tab_action(tab, self, self.tr("Mark rehearsed"), tab.mark_rehearsed, None, "markRehearsed")
        self.addSeparator()
        add_tab_action(tab, self, self.tr("Import…"), tab.import_script, None, "importScript")
        self.add_to_pool_action = add_tab_action(tab, self, self.tr("Add to pool"), tab.add_to_pool, None,
                                                   "addToPool")
        self.add_to_pool_action.setToolTip(self.tr(
            "Link the products this script names to the product pool, creating those it does not hold yet, and "
            "put them on the lineup"))
        add_tab_action(tab, self, self.tr("Export…"), tab.export_script, None, "exportScript")
