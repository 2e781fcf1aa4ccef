"""The word list's vocabulary: terms, their categories, the legal rule each comes from, and severities.

The built-in list is resources/wordlists/compliance_zh.json (its sources: docs/compliance-sources.md).
`{N}` in a term stands for a number written in digits or Chinese numerals (3天见效, 三天见效).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from livedesk.resources import resource_path

# Category key → the Chinese name a reviewer knows (the CLI prints it; the UI translates the key itself).
CATEGORIES: dict[str, str] = {
    "absolute": "绝对化用语/排名",
    "first_exclusive": "首个/独家",
    "national_level": "国家级/国家机关名义",
    "authority": "权威/专家背书",
    "medical": "医疗用语（普通商品）",
    "cosmetic": "化妆品功效宣称",
    "food_health": "食品保健功效",
    "guaranteed": "效果保证",
    "inducement": "诱导用语",
    "fake_scarcity": "虚假稀缺/紧迫",
    "unfair_terms": "不公平格式条款",
    "custom": "团队自定义",
}

# error: must be changed before going live; warning: allowed only with proof (a registration, real stock,
# an authorisation), the reviewer decides; note: worth a look, never blocks.
SEVERITIES: tuple[str, ...] = ("error", "warning", "note")
SEVERITY_NAMES: dict[str, str] = {"error": "必须修改", "warning": "需核实", "note": "提示"}
DEFAULT_SEVERITY: dict[str, str] = {
    "absolute": "error",
    "first_exclusive": "warning",
    "national_level": "error",
    "authority": "warning",
    "medical": "error",
    "cosmetic": "error",
    "food_health": "error",
    "guaranteed": "error",
    "inducement": "warning",
    "fake_scarcity": "warning",
    "unfair_terms": "error",
    "custom": "warning",
}
TEAM_RULE = "team_list"
NUMBER = "{N}"


@dataclass(frozen=True)
class Term:
    term: str
    category: str
    suggestion: str = ""
    builtin: bool = True
    rule: str = ""
    severity: str = ""

    @property
    def level(self) -> str:
        """The severity in force: the term's own, else its category's."""
        return self.severity or DEFAULT_SEVERITY.get(self.category, "warning")

    @property
    def source_rule(self) -> str:
        return self.rule or (TEAM_RULE if not self.builtin else "")


@dataclass(frozen=True)
class LegalRule:
    key: str
    title: str
    source: str


def _data() -> dict:
    return json.loads(resource_path("wordlists", "compliance_zh.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def builtin_terms() -> tuple[Term, ...]:
    """The list shipped with the app."""
    return tuple(
        Term(e["term"], e["category"], e.get("suggestion", ""), True, e.get("rule", ""), e.get("severity", ""))
        for e in _data()["terms"]
    )


@lru_cache(maxsize=1)
def legal_rules() -> dict[str, LegalRule]:
    """Rule key → where the term comes from (a law's article), for the word list screen and the CLI."""
    rules = {k: LegalRule(k, v["title"], v["source"]) for k, v in _data().get("rules", {}).items()}
    rules[TEAM_RULE] = LegalRule(TEAM_RULE, "The team's own list", "团队自己添加的词")
    return rules
