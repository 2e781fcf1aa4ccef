"""The compliance parts of the script tab as a user meets them: underlines by severity, the findings panel,
and the word list editor whose changes reach the open script at once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from livedesk.services import compliance, scripts
from livedesk.ui.script.tab import ScriptTab
from livedesk.ui.script.word_list import WordListDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from script_helpers import fixture_pool, make_stream  # noqa: E402


@pytest.fixture
def tab(qtbot, db, paths):
    with db.session() as s:
        stream = make_stream(s, start="2026-11-15 20:00", minutes=30)
        fixture_pool(s, stream)
        for title, start, minutes in (("开场", 0, 5), ("讲解：面霜", 5, 10), ("互动", 15, 5)):
            scripts.add_segment(s, stream.id, kind="pitch" if "讲解" in title else "opening", title=title,
                                start_seconds=start * 60, duration_seconds=minutes * 60)
        stream_id = stream.id
    widget = ScriptTab(db, paths)
    qtbot.addWidget(widget)
    widget.resize(1400, 850)
    widget.show()
    widget.select_stream(stream_id)
    widget.confirm = lambda *a: True
    widget.select_segment(widget.model.row_at(1).id)
    return widget


def type_lines(tab, text: str) -> None:
    tab.host_edit.setPlainText("")
    tab.host_edit.insertPlainText(text)


def test_underlines_follow_severity_and_emoji_do_not_shift_them(tab):
    type_lines(tab, "🔥🔥顶级面霜，独家配方！\n你们是我最大的动力\n第一，它保湿；第二，它不粘腻")
    h = tab.highlighter
    assert h.highlighted_terms(("error",)) == ["顶级"]
    assert h.highlighted_terms(("warning",)) == ["独家"]
    assert h.highlighted_terms(("note",)) == ["最大的动力"]
    assert [(f.term, f.severity) for f in tab.findings] == [
        ("顶级", "error"), ("独家", "warning"), ("最大的动力", "note")]
    model = tab.findings_model
    assert model.columnCount() == 6 and model.index(0, 4).data() and model.index(0, 5).data()
    assert "广告法" in model.index(0, 0).data(3)  # the tooltip names the law
    assert 0 in model.bad_rows and 2 not in model.bad_rows  # only errors are painted red


def test_double_clicking_a_finding_selects_the_word_after_emoji(tab):
    type_lines(tab, "🔥🎁今天全网最低价")
    tab.flush_draft()
    row = next(i for i, f in enumerate(tab.findings) if f.field == "host_lines")
    tab._finding_activated(tab.findings_model.index(row, 0))
    assert tab.host_edit.textCursor().selectedText() == "全网最低价"


def test_a_note_alone_does_not_hold_up_approval(tab):
    asked = []
    tab.confirm = lambda *a: asked.append(a) or True
    type_lines(tab, "你们是我最大的动力")
    tab.approve_action.trigger()  # checks it and runs toggle_approved
    assert asked == []
    with tab.db.session() as s:
        assert scripts.get_script(s, tab.stream_id).approved
    tab.approve_action.trigger()
    type_lines(tab, "你们是我最大的动力，今天全网最低价")
    tab.approve_action.trigger()
    assert [name for *_, name in asked] == ["approveWithFindings"]


def test_word_list_changes_reach_the_open_script_at_once(tab, qtbot):
    type_lines(tab, "这款是神器，美白效果看得见")
    assert [f.term for f in tab.findings] == ["美白"]
    dialog = WordListDialog(tab.db, tab)
    qtbot.addWidget(dialog)
    dialog.terms_changed.connect(tab.apply_word_list)
    dialog.term_edit.setText("神器")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("inducement"))
    dialog.suggestion_edit.setText("好用的工具")
    dialog.add_term()
    assert [f.term for f in tab.findings] == ["神器", "美白"]  # while the dialog is still open
    assert "神器" in tab.highlighter.highlighted_terms()

    dialog.select_term("美白")
    assert dialog.term_edit.text() == "美白"  # the row fills the editor
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("cosmetic"))
    dialog.severity_combo.setCurrentIndex(dialog.severity_combo.findData("error"))
    dialog.recategorise_selected()
    assert [(f.term, f.severity) for f in tab.findings] == [("神器", "warning"), ("美白", "error")]
    assert next(t for t in dialog.statuses if t.term == "美白").changed

    dialog.select_term("美白")
    dialog.remove_selected()
    assert [f.term for f in tab.findings] == ["神器"]
    dialog.select_term("美白")
    dialog.restore_selected()
    assert [f.term for f in tab.findings] == ["神器", "美白"]


def test_a_refused_term_says_why_and_changes_nothing(tab, qtbot):
    dialog = WordListDialog(tab.db, tab)
    qtbot.addWidget(dialog)
    dialog.term_edit.setText("神器")
    dialog.suggestion_edit.setText("顶级好物")
    dialog.add_term()
    assert "顶级" in dialog.error_label.text()
    assert not any(t.term == "神器" for t in dialog.statuses)
    assert not dialog.changed


def test_export_and_import_from_the_dialog(tab, qtbot, tmp_path):
    dialog = WordListDialog(tab.db, tab)
    qtbot.addWidget(dialog)
    dialog.term_edit.setText("神器")
    dialog.add_term()
    path = dialog.export_to(str(tmp_path / "词表.xlsx"))
    terms = [r[0] for r in load_workbook(path).active.iter_rows(min_row=2, values_only=True)]
    assert "神器" in terms and "最终解释权" in terms
    with tab.db.session() as s:
        compliance.remove_term(s, "神器")
    assert dialog.import_from(path)["added"] == 1
    assert any(t.term == "神器" for t in dialog.statuses)
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    assert dialog.import_from(str(bad)) is None
    assert "bad.xlsx" in dialog.error_label.text()
