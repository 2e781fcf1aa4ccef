"""Each context rule on its own (livedesk/services/compliance/rules.py), then through the checker."""

from __future__ import annotations

import pytest

from livedesk.services.compliance import check_text, rules
from livedesk.services.compliance.normalise import normalise


def hit(text: str, term: str, occurrence: int = 0) -> rules.Hit:
    """The Hit the checker would build for the `occurrence`-th `term` in `text` (no separators inside)."""
    folded, _ = normalise(text)
    start = -1
    for _ in range(occurrence + 1):
        start = folded.index(term, start + 1)
    return rules.Hit(folded, start, start + len(term), term)


@pytest.mark.parametrize(("text", "clean"), [
    ("最后给大家抽个奖", True), ("最近很火", True), ("最初的设计", True), ("最终价格", True), ("最早一批", True),
    ("最先下单的", True), ("最美的颜色", False), ("最大力度", False),
])
def test_zui_time_or_order(text: str, clean: bool) -> None:
    assert (rules.zui_time_or_order(hit(text, "最")) == rules.CLEAN) is clean


@pytest.mark.parametrize(("text", "clean"), [
    ("每人最多拍2件", True), ("最少3件起", True), ("最多可以叠加两张券", True), ("最多人买的一款", False),
    ("最多功能的锅", False),
])
def test_zui_purchase_limit(text: str, clean: bool) -> None:
    assert (rules.zui_purchase_limit(hit(text, "最")) == rules.CLEAN) is clean


def test_zui_not_before_a_word() -> None:
    assert rules.zui_not_before_a_word(hit("你们要的就是这个最！", "最")) == rules.CLEAN
    assert rules.zui_not_before_a_word(hit("最美", "最")) is None


def test_zui_personal_feeling_is_a_note_covering_the_phrase() -> None:
    h = hit("你们是我最大的动力", "最")
    verdict = rules.zui_personal_feeling(h)
    assert verdict.severity == "note" and verdict.context == "personal_feeling"
    assert h.text[h.start:verdict.end] == "最大的动力"
    assert rules.zui_personal_feeling(hit("我最喜欢这个色", "最")).severity == "note"
    assert rules.zui_personal_feeling(hit("这是最喜欢的一款", "最")) is None  # no 我: a claim about buyers
    assert rules.zui_personal_feeling(hit("最大的优惠", "最")) is None


def test_zui_claim_span_covers_the_next_character_across_separators() -> None:
    h = hit("最 美的颜色", "最")
    assert h.text[h.start:rules.zui_claim_span(h).end] == "最 美"


@pytest.mark.parametrize(("text", "flagged"), [
    ("销量第一的面霜", True), ("全网第一", True), ("全国第一家", True), ("类目第一名", True), ("第一名", True),
    ("第一次来", False), ("我们第一", False),
])
def test_diyi_ranked(text: str, flagged: bool) -> None:
    assert (rules.diyi_ranked(hit(text, "第一")) == rules.FLAGGED) is flagged


@pytest.mark.parametrize("text", ["第一次来", "第一个福袋", "第一时间发货", "第一步洁面", "第一眼", "第一波福利",
                                  "第一款上链接", "第一场直播", "第一批用户", "第一件原价"])
def test_diyi_ordinal(text: str) -> None:
    assert rules.diyi_ordinal(hit(text, "第一")) == rules.CLEAN


@pytest.mark.parametrize(("text", "clean"), [
    ("第一，它保湿；第二，它不粘腻", True),
    ("第一、成分安全。第二、价格实惠", True),
    ("第一：先领券。其次：再下单", True),
    ("第 一，先洁面；第 二，上精华", True),
    ("第一，这是我们家的招牌", False),  # no second point: a claim
    ("我们就是第一第二都不是", False),
])
def test_diyi_enumeration(text: str, clean: bool) -> None:
    folded, _ = normalise(text)
    start = folded.index("第")
    end = folded.index("一", start) + 1
    h = rules.Hit(folded, start, end, "第一")
    assert (rules.diyi_enumeration(h) == rules.CLEAN) is clean


@pytest.mark.parametrize(("text", "clean"), [
    ("统一流程", True), ("走一流程", True), ("同一流量池", True), ("一流的品质", False), ("国际一流水平", False),
    ("统一流水线", True),
])
def test_yiliu_inside_a_word(text: str, clean: bool) -> None:
    assert (rules.yiliu_inside_a_word(hit(text, "一流")) == rules.CLEAN) is clean


def test_yiliu_after_an_enumerated_diyi() -> None:
    folded, _ = normalise("第一，流量来了")
    assert rules.yiliu_inside_a_word(rules.Hit(folded, 1, 4, "一流")) == rules.CLEAN


@pytest.mark.parametrize(("text", "clean"), [
    ("唯一的缺点就是重", True), ("唯一的问题", True), ("唯一区别", True), ("唯一一款", False),
])
def test_weiyi_flaw(text: str, clean: bool) -> None:
    assert (rules.weiyi_flaw(hit(text, "唯一")) == rules.CLEAN) is clean


def test_shishang_history() -> None:
    assert rules.shishang_history(hit("历史上没有过", "史上")) == rules.CLEAN
    assert rules.shishang_history(hit("史上力度最大", "史上")) is None


@pytest.mark.parametrize(("text", "term", "clean"), [
    ("仅剩最后三分钟", "仅剩最后", True), ("只剩最后5分钟", "只剩最后", True), ("仅剩最后一轮", "仅剩最后", True),
    ("仅剩最后二十单", "仅剩最后", False), ("只剩最后83套了", "只剩最后", False),
])
def test_countdown(text: str, term: str, clean: bool) -> None:
    assert (rules.countdown(hit(text, term)) == rules.CLEAN) is clean


def test_number_continues() -> None:
    assert rules.number_continues(hit("no12号链接", "no1")) == rules.CLEAN
    assert rules.number_continues(hit("no1品牌", "no1")) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("第一，它保湿；第二，它不粘腻", []),
    ("第一次第一时间第一个最近最后十分钟首先一流程", []),
    ("你们是我最大的动力", [("最大的动力", "note")]),
    ("最后一批，最后十分钟", [("最后一批", "warning")]),
    ("销量第一，第一次用", [("销量第一", "error")]),
])
def test_rules_through_the_checker(text: str, expected: list) -> None:
    assert [(f.term, f.severity) for f in check_text(text)] == expected


def test_every_rule_is_named_and_documented() -> None:
    for entry, chain in rules.RULES.items():
        for rule in chain:
            assert rule.__doc__, (entry, rule.__name__)
    assert rules.countdown in rules.rules_for("仅剩最后")
