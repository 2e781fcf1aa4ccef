"""The compliance word check: hits, ordinary words that are not hits, team changes, the fixtures' scripts."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from livedesk.services import compliance
from livedesk.services.compliance import Term, check_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"  # in the repository: no test reads outside it


def terms_in(text: str, terms=None) -> list[str]:
    return [f.term for f in check_text(text, terms)]


def test_builtin_list_is_well_formed() -> None:
    data = json.loads(compliance.resource_path("wordlists", "compliance_zh.json").read_text(encoding="utf-8"))
    entries = data["terms"]
    assert 60 <= len(entries) <= 120
    assert len({e["term"] for e in entries}) == len(entries)
    categories = {e["category"] for e in entries}
    assert categories == {"absolute", "national_level", "first_exclusive", "medical", "guaranteed", "inducement",
                          "fake_scarcity"}
    assert all(e["suggestion"] for e in entries)


@pytest.mark.parametrize(
    ("text", "term", "category"),
    [
        ("这款防晒是顶级配方", "顶级", "absolute"),
        ("喝了能根治失眠", "根治", "medical"),
        ("最佳入手时机就是现在", "最佳", "absolute"),
        ("全网最低价，只有今天", "全网最低价", "absolute"),
        ("我们是国家级实验室出品", "国家级", "national_level"),
        ("行业首家推出", "首家", "first_exclusive"),
        ("独家配方", "独家", "first_exclusive"),
        ("100%有效，无效退款", "100%有效", "guaranteed"),
        ("１００％有效", "１００％有效", "guaranteed"),
        ("永不起球", "永不", "guaranteed"),
        ("不买后悔哦", "不买后悔", "inducement"),
        ("仅剩最后一件了", "仅剩最后", "fake_scarcity"),
        ("最后一批货", "最后一批", "fake_scarcity"),
        ("销量第一的面霜", "销量第一", "absolute"),
        ("全国第一家", "第一", "absolute"),
        ("这款是唯一推荐", "唯一", "absolute"),
        ("史上最低", "史上", "absolute"),
        ("no.1 品牌", "no.1", "absolute"),
        ("最好看的颜色", "最好", "absolute"),
        ("这是最美的一款", "最美", "absolute"),
        ("消炎止痛", "消炎", "medical"),
    ],
)
def test_hits(text: str, term: str, category: str) -> None:
    found = check_text(text)
    assert found, text
    assert found[0].term == term
    assert found[0].category == category
    assert text[found[0].start:found[0].end] == term
    assert found[0].suggestion


@pytest.mark.parametrize(
    "text",
    [
        "最后三分钟，抓紧下单",
        "最后5分钟",
        "仅剩最后三分钟",
        "最后半小时",
        "最后一轮抽奖",
        "最后给大家抽个奖",
        "最近很火的一款",
        "最初的设计",
        "最终价格以页面为准",
        "每人最多拍2件",
        "最少3件起",
        "第一次来直播间的朋友",
        "第一个福袋",
        "第一步先洁面",
        "第一款上链接",
        "第一位下单的朋友",
        "第一时间通知你",
        "首先给大家看一下",
        "唯一的问题是颜色少",
        "唯一的缺点就是有点重",
        "历史上没有过",
        "100%桑蚕丝面料",
        "今天的福利很多，点点关注",
    ],
)
def test_ordinary_words_are_not_hits(text: str) -> None:
    assert check_text(text) == []


def test_longest_match_wins_and_findings_do_not_overlap() -> None:
    found = check_text("全网最低价最佳")
    assert [f.term for f in found] == ["全网最低价", "最佳"]
    assert found[0].end <= found[1].start


def test_several_findings_in_order() -> None:
    text = "第一次来的朋友看过来，这款顶级面霜能根治痘痘，最后三分钟！"
    assert terms_in(text) == ["顶级", "根治"]


def test_custom_terms_sequence() -> None:
    terms = [Term("秒杀全场", "custom", "换个说法")]
    assert terms_in("秒杀全场价", terms) == ["秒杀全场"]
    assert terms_in("顶级", terms) == []


def test_fast_enough_for_every_keystroke() -> None:
    terms = compliance.compile_terms(compliance.builtin_terms())
    text = "欢迎来到直播间，今天给大家带来一款面霜，第一次用的朋友可以先试小样。" * 50
    began = time.perf_counter()
    for _ in range(100):
        check_text(text, terms)
    assert (time.perf_counter() - began) / 100 < 0.01


def test_team_changes_merge_with_builtin_list(db) -> None:
    with db.session() as s:
        compliance.add_term(s, "秒杀全场", "inducement", "直播间专享价")
        compliance.remove_term(s, "顶级")
    with db.session() as s:
        terms = compliance.term_set(s)
        assert [f.term for f in check_text("顶级配方，秒杀全场", terms)] == ["秒杀全场"]
        statuses = {t.term: t for t in compliance.list_term_statuses(s)}
        assert statuses["顶级"].builtin and statuses["顶级"].removed
        assert not statuses["秒杀全场"].builtin
    with db.session() as s:
        compliance.restore_term(s, "顶级")
        compliance.remove_term(s, "秒杀全场")
    with db.session() as s:
        assert [f.term for f in check_text("顶级配方，秒杀全场", compliance.term_set(s))] == ["顶级"]
        with pytest.raises(ValueError):
            compliance.remove_term(s, "不在列表里")
        with pytest.raises(ValueError):
            compliance.add_term(s, "  ")
        with pytest.raises(ValueError):
            compliance.add_term(s, "词", "no_such_category")


@pytest.mark.parametrize("variant", ["douyin_tidy", "douyin_messy"])
def test_fixture_scripts_banned_segments_are_found(db, variant: str) -> None:
    folder = FIXTURES / "exports" / variant
    from script_helpers import fixture_pool, make_stream

    from livedesk.services.importers.script_sheet import import_script_sheet

    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    with db.session() as s:
        stream = make_stream(s, start=expected["start"], minutes=expected["duration_minutes"])
        fixture_pool(s, stream)
        import_script_sheet(s, stream.id, folder / "直播脚本.xlsx")
        findings = compliance.check_script(s, stream.id)
    by_segment: dict[str, set[str]] = {}
    for f in findings:
        by_segment.setdefault(f.segment_title, set()).add(f.term)
    for title, term in expected["banned_segments"].items():
        assert term in by_segment.get(title, set()), (title, term, by_segment)
    assert set(by_segment) == set(expected["banned_segments"])
