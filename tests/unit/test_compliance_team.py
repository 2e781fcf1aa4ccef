"""The team's own word list: kept in the database, re-categorised, moved in and out of Excel."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from livedesk.services import compliance
from livedesk.services.compliance import check_text
from livedesk.services.importers.errors import ImportFailed


def statuses(db) -> dict[str, compliance.TermStatus]:
    with db.session() as s:
        return {t.term: t for t in compliance.list_term_statuses(s)}


def findings(db, text: str) -> list[tuple[str, str, str]]:
    with db.session() as s:
        return [(f.term, f.category, f.severity) for f in check_text(text, compliance.term_set(s))]


def test_recategorise_a_builtin_and_a_team_term(db) -> None:
    with db.session() as s:
        compliance.add_term(s, "神器", "inducement", "好用的工具")
        compliance.recategorise(s, "神器", "absolute", "error")
        compliance.recategorise(s, "美白", "cosmetic", "error")  # the team is stricter than the built-in warning
    assert findings(db, "美白神器") == [("美白", "cosmetic", "error"), ("神器", "absolute", "error")]
    listed = statuses(db)
    assert listed["美白"].builtin and listed["美白"].changed and listed["美白"].severity == "error"
    assert listed["神器"].suggestion == "好用的工具" and not listed["神器"].builtin
    with db.session() as s:
        compliance.restore_term(s, "美白")
    assert findings(db, "美白")[0][2] == "warning"
    with db.session() as s, pytest.raises(ValueError):
        compliance.recategorise(s, "不在列表里", "absolute")


def test_a_team_suggestion_may_not_hold_a_listed_word(db) -> None:
    with db.session() as s:
        with pytest.raises(ValueError, match="顶级"):
            compliance.add_term(s, "神器", "custom", "顶级好物")
        with pytest.raises(ValueError):
            compliance.add_term(s, "神器", "custom", "", "fatal")
        with pytest.raises(ValueError):
            compliance.add_term(s, "，。", "custom")
        with pytest.raises(ValueError):
            compliance.add_term(s, "{N}", "custom")
    assert "神器" not in statuses(db)


def test_the_list_stamp_moves_with_every_change(db) -> None:
    with db.session() as s:
        before = compliance.list_stamp(s)
        compliance.add_term(s, "神器")
    with db.session() as s:
        after = compliance.list_stamp(s)
        assert after != before
        compliance.remove_term(s, "神器")
    with db.session() as s:
        assert compliance.list_stamp(s) != after


def test_export_then_import_round_trip(db, tmp_path) -> None:
    with db.session() as s:
        compliance.add_term(s, "神器", "inducement", "好用的工具")
        compliance.remove_term(s, "顶级")
        path = tmp_path / "词表.xlsx"
        count = compliance.export_word_list(s, path)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("词语", "类别", "严重程度", "建议说法") and len(rows) == count + 1
    by_term = {r[0]: r for r in rows[1:]}
    assert by_term["顶级"][6] == "停用" and by_term["神器"][5] == "团队"
    assert by_term["最终解释权"][1] == "不公平格式条款" and "消费者权益保护法" in by_term["最终解释权"][4]

    with db.session() as s:
        compliance.restore_term(s, "顶级")
        compliance.remove_term(s, "神器")
    with db.session() as s:
        counts = compliance.import_word_list(s, path)
    assert counts["removed"] == 1 and counts["added"] == 1
    assert findings(db, "顶级神器") == [("神器", "inducement", "warning")]


def _sheet(tmp_path, rows) -> str:
    book = Workbook()
    sheet = book.active
    sheet.title = "词表"
    for row in rows:
        sheet.append(row)
    path = tmp_path / "team.xlsx"
    book.save(path)
    return str(path)


def test_import_refuses_bad_rows_and_writes_nothing(db, tmp_path) -> None:
    path = _sheet(tmp_path, [
        ["词语", "类别", "严重程度", "建议说法", "状态"],
        ["神器", "诱导用语", "需核实", "好用的工具", "启用"],
        ["爆款王", "不存在的类别", "", "", ""],
        ["美白", "化妆品功效宣称", "很严重", "", ""],
        ["神器", "", "", "", ""],
    ])
    with db.session() as s, pytest.raises(ImportFailed) as caught:
        compliance.import_word_list(s, path)
    message = str(caught.value)
    assert "team.xlsx" in message and "row 3" in message and "column 类别" in message
    assert "row 4" in message and "column 严重程度" in message and "row 5" in message
    assert "神器" not in statuses(db)


def test_import_accepts_keys_labels_and_blank_cells(db, tmp_path) -> None:
    path = _sheet(tmp_path, [
        ["团队词表（2026-12）"],
        ["词语", "类别", "严重程度", "建议说法"],
        ["神器", "inducement", "", ""],
        ["秒杀全场", "诱导用语", "必须修改", "直播间专享价"],
        ["美白", "", "", ""],  # as built in: nothing to store
        [None, None, None, None],
    ])
    with db.session() as s:
        counts = compliance.import_word_list(s, path)
    assert counts == {"added": 2, "changed": 0, "removed": 0, "unchanged": 1}
    assert findings(db, "秒杀全场神器") == [("秒杀全场", "inducement", "error"), ("神器", "inducement", "warning")]
    with db.session() as s, pytest.raises(ImportFailed, match="词语"):
        compliance.import_word_list(s, _sheet(tmp_path, [["名称", "类别"], ["x", "y"]]))


def test_import_refuses_a_wording_that_a_row_of_the_same_file_lists(db, tmp_path) -> None:
    path = _sheet(tmp_path, [
        ["词语", "类别", "严重程度", "建议说法"],
        ["神器", "inducement", "", "宝藏好物"],
        ["宝藏", "inducement", "", ""],
    ])
    with pytest.raises(ImportFailed) as caught, db.session() as s:
        compliance.import_word_list(s, path)
    assert "row 2" in str(caught.value) and "column 建议说法" in str(caught.value)
    assert "神器" not in statuses(db) and "宝藏" not in statuses(db)  # the whole file was rolled back


def test_a_teammate_adding_the_same_term_at_once_is_a_clear_message(db, monkeypatch) -> None:
    from livedesk.services.compliance import team

    with db.session() as other:  # the teammate's laptop saves 神器 first…
        compliance.add_term(other, "神器", "custom")
    monkeypatch.setattr(team, "_row", lambda session, term: None)  # …after this laptop looked and saw none
    with pytest.raises(ValueError, match="teammate"), db.session() as s:
        compliance.add_term(s, "神器", "inducement")
    assert statuses(db)["神器"].category == "custom"
