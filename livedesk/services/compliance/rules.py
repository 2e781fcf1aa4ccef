"""Context rules: when a listed word is an ordinary word, or a smaller matter, in the sentence it is in.

Each rule is a small function of one `Hit` (a listed term found in the folded text). It returns None (no
opinion: ask the next rule), `CLEAN` (an ordinary word here: no finding) or a `Verdict` (a finding,
perhaps with a wider span or a lower severity). The first rule with an opinion decides; a term with no
rule, or whose rules all pass, is a finding as listed. Tested one by one in tests/unit/test_compliance_rules.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from livedesk.services.compliance.normalise import SEPARATORS, is_separator


@dataclass(frozen=True)
class Verdict:
    clean: bool = False
    end: int | None = None  # a new end of the flagged span (folded-text index)
    severity: str | None = None  # a lower severity than the term's own
    context: str = ""  # the rule that decided, shown to the reviewer
    suggestion: str | None = None  # advice for this use, instead of the term's own


CLEAN = Verdict(clean=True)
FLAGGED = Verdict()


@dataclass(slots=True)
class Hit:
    text: str  # the folded text (NFKC, case-folded; separators kept)
    start: int
    end: int  # the matched span, separators inside the term included
    entry: str  # the listed term's key (folded, no separators)

    def after(self, limit: int = 12) -> str:
        """Up to `limit` characters after the term, separators removed."""
        return SEPARATORS.sub("", self.text[self.end:self.end + limit * 3])[:limit]

    def before(self, limit: int = 8) -> str:
        """Up to `limit` characters before the term, separators removed."""
        return SEPARATORS.sub("", self.text[max(0, self.start - limit * 3):self.start])[-limit:]

    def raw_after(self, limit: int = 400) -> str:
        """The text after the term as written (folded), punctuation included."""
        return self.text[self.end:self.end + limit]

    def inner(self) -> str:
        return self.text[self.start:self.end]

    def end_after(self, count: int) -> int:
        """The folded-text index just past the next `count` non-separator characters after the term."""
        pos = self.end
        seen = 0
        while pos < len(self.text) and seen < count:
            if not is_separator(self.text[pos]):
                seen += 1
            pos += 1
        return pos


Rule = Callable[[Hit], Verdict | None]

_NUMBER = r"[0-9一二两三四五六七八九十百千几半]+"
_TIME_UNIT = r"(?:个)?(?:秒钟|秒|分钟|分|小时|钟头|天|轮|次|波|遍|场|个环节|环节)"
_COUNTDOWN = re.compile(rf"{_NUMBER}{_TIME_UNIT}")


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


# --- 最 -------------------------------------------------------------------------------------------------


def zui_not_before_a_word(hit: Hit) -> Verdict | None:
    """A lone 最 at the end of a sentence or before a number or a Latin word is no claim by itself."""
    following = hit.after(1)
    return CLEAN if not following or not _is_cjk(following) else None


_TIME_OR_ORDER_AFTER_ZUI = set("后近初终早晚先")


def zui_time_or_order(hit: Hit) -> Verdict | None:
    """最后, 最近, 最初, 最终, 最早, 最晚, 最先 tell time or order (最后给大家抽个奖, 最近很火)."""
    return CLEAN if hit.after(1) in _TIME_OR_ORDER_AFTER_ZUI else None


_LIMIT = re.compile(rf"[多少](?:可以|只能|能|可|拍|买|下|抢|领|送|限|叠加|用|发|再|给|要|减|优惠){{0,2}}{_NUMBER}")


def zui_purchase_limit(hit: Hit) -> Verdict | None:
    """每人最多拍2件, 最少3件起: a purchase limit, not a superlative."""
    return CLEAN if _LIMIT.match(hit.after(8)) else None


_FEELING = re.compile(r"大的?(?:动力|支持|鼓励|心愿|幸福|收获|骄傲|底气|后盾)")
_LIKING = re.compile(r"(?:喜欢|爱|开心|感动|感谢|想念)")


def zui_personal_feeling(hit: Hit) -> Verdict | None:
    """你们是我最大的动力 / 我最喜欢这个颜色: the host's feeling, not a product claim — at most a note."""
    after = hit.after(8)
    found = _FEELING.match(after)
    if found is None and "我" in hit.before(4):
        found = _LIKING.match(after)
    if found is None:
        return None
    return Verdict(end=hit.end_after(found.end()), severity="note", context="personal_feeling",
                   suggestion="感谢的话可以保留，别用来形容商品")


def zui_claim_span(hit: Hit) -> Verdict | None:
    """Any other 最 + word is a superlative; the finding covers both characters (最美, 最大)."""
    return Verdict(end=hit.end_after(1))


# --- 第一 -----------------------------------------------------------------------------------------------

_RANKING = re.compile(r"(?:销量|全网|行业|全国|全球|世界|排名|品类|类目|同类|亚洲|全省|全市|国内|市场|口碑|人气|好评)[是为排居]?$")


def diyi_ranked(hit: Hit) -> Verdict | None:
    """销量第一, 全网第一家, 第一名: a ranking, flagged whatever follows."""
    if _RANKING.search(hit.before(6)) or hit.after(1) == "名":
        return FLAGGED
    return None


_ORDINAL_AFTER_DIYI = re.compile(
    r"(?:次|个|步|款|位|件|天|轮|波|单|份|批|组|场|条|句|点|期|套|瓶|支|包|盒|号|排|把|遍|趟|口|眼|种|项|层|节|"
    r"时间|印象|部分|环节|季|集|章|站|反应|感觉|周|年|届|手|回|关|页|段|张|杯|罐|袋|件事|位置)"
)


def diyi_ordinal(hit: Hit) -> Verdict | None:
    """第一次, 第一个, 第一步, 第一时间, 第一眼…: an ordinal number, not a ranking."""
    return CLEAN if _ORDINAL_AFTER_DIYI.match(hit.after(3)) else None


_LIST_MARK = re.compile(r"\s*(?:[,，、:：;；.．)）]|是|就是)")
_NEXT_ITEM = re.compile(r"第\W{0,3}二|其次|其二")


def diyi_enumeration(hit: Hit) -> Verdict | None:
    """第一，它保湿；第二，它不粘腻: the first point of a list (a later 第二 or 其次 follows), not a rank."""
    if _LIST_MARK.match(hit.raw_after(8)) and _NEXT_ITEM.search(hit.raw_after(400)):
        return CLEAN
    return None


# --- other words that live inside ordinary words -----------------------------------------------------------


_BEFORE_YILIU = set("统唯每同单逐之万专划归")
_AFTER_YILIU = re.compile(r"流(?:程|量|通|动|转|入|出|向|失|域|速|淌|露|水线|血|汗|泪|畅)")


def yiliu_inside_a_word(hit: Hit) -> Verdict | None:
    """统一流程, 每一流程, 同一流量, 第一，流量…: the 一 and the 流 belong to other words."""
    before = hit.before(1)
    if before in _BEFORE_YILIU:
        return CLEAN
    if before == "第" and any(is_separator(c) for c in hit.inner()):
        return CLEAN
    if _AFTER_YILIU.match(SEPARATORS.sub("", hit.inner())[-1:] + hit.after(3)):
        return CLEAN
    return None


_FLAW = re.compile(r"的?(?:问题|缺点|不足|遗憾|缺陷|区别|不同|要求|条件|美中不足|方法|办法)")


def weiyi_flaw(hit: Hit) -> Verdict | None:
    """唯一的缺点是有点重: a flaw or a difference, not a claim of being the only one."""
    return CLEAN if _FLAW.match(hit.after(6)) else None


def shishang_history(hit: Hit) -> Verdict | None:
    """历史上 is history, not 史上."""
    return CLEAN if hit.before(1) == "历" else None


def countdown(hit: Hit) -> Verdict | None:
    """仅剩最后三分钟, 最后5分钟: a countdown of time, not a claim about stock."""
    return CLEAN if _COUNTDOWN.match(hit.after(8)) else None


def number_continues(hit: Hit) -> Verdict | None:
    """NO.12 号链接 is a link number, not NO.1."""
    following = hit.text[hit.end:hit.end + 1]
    return CLEAN if following.isdigit() else None


RULES: dict[str, tuple[Rule, ...]] = {
    "最": (zui_not_before_a_word, zui_time_or_order, zui_purchase_limit, zui_personal_feeling, zui_claim_span),
    "第一": (diyi_ranked, diyi_ordinal, diyi_enumeration),
    "一流": (yiliu_inside_a_word,),
    "唯一": (weiyi_flaw,),
    "史上": (shishang_history,),
    "no1": (number_continues,),
    "top1": (number_continues,),
}


@lru_cache(maxsize=4096)
def rules_for(entry: str) -> tuple[Rule, ...]:
    rules = RULES.get(entry, ())
    if "最后" in entry and entry != "最":
        rules = (countdown, *rules)
    return rules


def judge(hit: Hit) -> Verdict:
    """The verdict of the first rule with an opinion; FLAGGED when none has one."""
    for rule in rules_for(hit.entry):
        verdict = rule(hit)
        if verdict is not None:
            return verdict
    return FLAGGED
