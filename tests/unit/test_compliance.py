"""The compliance word check: hits, ordinary words that are not hits, team changes, the fixtures' scripts."""

from __future__ import annotations

import json
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
    assert len(entries) >= 200
    assert len({compliance.term_key(e["term"]) for e in entries}) == len(entries)
    assert {e["category"] for e in entries} == set(compliance.CATEGORIES) - {"custom"}
    assert all(e["suggestion"] for e in entries)
    assert all(e["rule"] in data["rules"] and e["severity"] in compliance.SEVERITIES for e in entries)
    assert all(r["source"] for r in data["rules"].values())


REQUIRED = {  # issue 15, point 1: at least these, each in its category
    "absolute": ["一流", "完美", "无敌", "王者", "冠军", "终极", "首屈一指", "无与伦比", "遥遥领先", "领导品牌", "空前"],
    "authority": ["权威", "专家推荐"],
    "cosmetic": ["医美级", "药妆", "特效", "速效", "祛斑", "抗衰", "美白"],
    "medical": ["痊愈", "包治", "丰胸", "生发", "抗敏"],
    "guaranteed": ["{N}天见效", "百分百见效"],
    "unfair_terms": ["最终解释权"],
}


@pytest.mark.parametrize(("category", "term"), [(c, t) for c, terms in REQUIRED.items() for t in terms])
def test_required_terms_are_listed_in_their_category(category: str, term: str) -> None:
    listed = {t.term: t for t in compliance.builtin_terms()}
    assert listed[term].category == category
    assert listed[term].rule in compliance.legal_rules()


def test_no_suggestion_contains_a_listed_term() -> None:
    """A host who follows a suggestion must not land on another listed word (issue 15, point 4)."""
    terms = compliance.compile_terms(compliance.builtin_terms())
    unsafe = {t.term: [f.term for f in check_text(t.suggestion, terms)] for t in terms.terms}
    assert {k: v for k, v in unsafe.items() if v} == {}
    assert all(t.suggestion for t in terms.terms)
    assert check_text("你们是我最大的动力")[0].suggestion
    assert not check_text(check_text("你们是我最大的动力")[0].suggestion)


def test_a_team_term_inside_a_builtin_suggestion_replaces_that_suggestion() -> None:
    terms = [*compliance.builtin_terms(), Term("专享", "custom", "", builtin=False)]
    term_set = compliance.compile_terms(tuple(terms))
    assert "专享" in check_text("直播间专享价", term_set)[0].term
    for t in term_set.terms:
        assert not check_text(t.suggestion, term_set), t


@pytest.mark.parametrize(
    ("text", "written", "entry"),
    [
        ("这个颜色最 好看", "最 好", "最好"),
        ("这个颜色最　好看", "最　好", "最好"),  # a full-width space
        ("这个颜色最\u200b好看", "最\u200b好", "最好"),  # a zero-width space
        ("这个颜色最.好看", "最.好", "最好"),
        ("我们家是第 一", "第 一", "第一"),
        ("ＴＯＰ１的面霜", "ＴＯＰ１", "TOP1"),
        ("这款ｎｏ．１", "ｎｏ．１", "NO.1"),
        ("医*美*级的效果", "医*美*级", "医美级"),
        ("三 天 见 效", "三 天 见 效", "{N}天见效"),
        ("７天见效", "７天见效", "{N}天见效"),
        ("最终解释权归本店", "最终解释权", "最终解释权"),
        ("emoji🔥顶🔥级面料", "顶🔥级", "顶级"),
        ("㎏装的顶级面霜", "顶级", "顶级"),  # ㎏ folds into two characters: offsets still right
    ],
)
def test_evasion_is_normalised_and_the_finding_points_at_the_written_characters(text, written, entry) -> None:
    found = check_text(text)
    assert [f.entry for f in found] == [entry]
    assert text[found[0].start:found[0].end] == written == found[0].term


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
        ("全国第一家", "全国第一", "absolute"),
        ("这款是唯一推荐", "唯一", "absolute"),
        ("史上最低", "史上最低", "absolute"),
        ("史上力度", "史上", "absolute"),
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
