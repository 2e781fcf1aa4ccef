"""Compliance check of script wording (合规/极限词): fast enough to run on every keystroke.

The built-in list (resources/wordlists/compliance_zh.json) is our own compilation from the
categories the Advertising Law describes: absolute terms, national-level endorsement,
first/exclusive claims, medical effects for non-medical goods, guaranteed effects,
inducement and fake scarcity. A team changes it with `ComplianceTerm` rows: an added
term, or a built-in term switched off (``removed=True``). The check is a prompt for the
reviewer, not legal advice.

Matching: all terms form one compiled alternation, longest term first, so 全网最低价 wins
over 最低 and 最佳 over the bare 最. Latin terms (NO.1, TOP1) ignore case; full-width letters, digits and ％ match their ASCII forms.

Ordinary words that are NOT flagged (decided here, tested in tests/unit/test_compliance.py):

* **最 + time/sequence word**: 最后, 最近, 最初, 最终, 最早, 最晚 are time or order words
  (最后给大家抽个奖, 最近很火), never absolute claims; the bare 最 rule skips them.
  Every other 最 + character is an absolute claim and is flagged, the finding covering
  both characters (最美, 最好看 → 最好, 最佳, 最低…). 最好 is flagged even where it means
  "had better" (你最好现在下单): say 建议 instead; the reviewer can ignore it.
* **最多/最少 + number** is a purchase limit (每人最多拍2件), not flagged.
* **Time cues**: a listed phrase containing 最后 (仅剩最后, or a team's own 最后…) followed by a
  number and a time unit is a countdown, not scarcity: 最后三分钟, 最后5分钟, 最后半小时,
  最后一轮, 最后一次, 最后一波 are not flagged; 仅剩最后一件 and 最后一批 are.
* **第一 as an ordinal**: 第一次, 第一个, 第一步, 第一款, 第一位, 第一件, 第一天, 第一轮, 第一波,
  第一单, 第一批, 第一点, 第一时间, 第一眼, 第一印象… are not flagged. 第一名 (a rank) and
  第一 after a ranking word (销量第一, 全网第一, 全国第一家…) are always flagged.
* **首先** is an ordinary word; only 首个/首家/首发/首选 are listed.
* **唯一 describing a flaw or a difference**: 唯一的问题/缺点/不足/遗憾/缺陷/区别/要求/条件
  is not a superiority claim and is not flagged; any other 唯一 is.
* **历史上** is not 史上.
* Material composition such as 100%桑蚕丝 is a label fact: only 100%有效/100%安全 are listed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import ComplianceTerm, Script, Segment
from livedesk.resources import resource_path
from livedesk.services.messages import translate

CATEGORIES: dict[str, str] = {
    "absolute": "绝对化用语",
    "national_level": "国家级/世界级",
    "first_exclusive": "首个/独家",
    "medical": "医疗功效",
    "guaranteed": "效果保证",
    "inducement": "诱导用语",
    "fake_scarcity": "虚假紧迫",
    "custom": "自定义",
}
SCRIPT_FIELDS = ("title", "host_lines", "cues", "props", "notes")

_TIME_SEQUENCE_AFTER_ZUI = set("后近初终早晚")
_NUMBER = r"[0-9０-９一二两三四五六七八九十百几半]+"
_TIME_CUE = re.compile(rf"\s*{_NUMBER}\s*(?:个)?\s*(?:秒钟|秒|分钟|分|小时|钟头|天|轮|次|波|遍|场|个环节|环节)")
_LIMIT = re.compile(rf"\s*(?:拍|买|下|抢|领|送|限|可)?\s*{_NUMBER}")
_ORDINAL_AFTER_DIYI = re.compile(
    r"(?:次|个|步|款|位|件|天|轮|波|单|份|批|组|场|条|句|点|期|套|瓶|支|包|盒|号|排|把|遍|趟|口|眼|"
    r"时间|印象|部分|环节|季|集|章|节|层|站|反应|感觉)"
)
_RANKING_BEFORE_DIYI = (
    "销量",
    "全网",
    "行业",
    "全国",
    "全球",
    "世界",
    "排名",
    "品类",
    "类目",
    "同类",
    "亚洲",
    "全省",
    "全市",
)
_HARMLESS_AFTER_WEIYI = re.compile(r"的?(?:问题|缺点|不足|遗憾|缺陷|区别|不同|要求|条件|美中不足)")


@dataclass(frozen=True)
class Term:
    term: str
    category: str
    suggestion: str = ""
    builtin: bool = True


@dataclass(frozen=True)
class Finding:
    """A risky word in a text: `term` as written there, `entry` the list term that caught it."""

    term: str
    category: str
    suggestion: str
    start: int
    end: int
    entry: str = ""


@dataclass(frozen=True)
class ScriptFinding:
    segment_title: str
    segment_id: int | None
    field: str  # a Segment attribute (title, host_lines, cues, props, notes) or a rule name
    term: str
    category: str
    suggestion: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class TermStatus:
    """One row of the list as the settings screen shows it."""

    term: str
    category: str
    suggestion: str
    builtin: bool
    removed: bool


class TermSet:
    """Terms compiled into one regular expression; build once, check many texts."""

    def __init__(self, terms: Iterable[Term]):
        by_key: dict[str, Term] = {}
        for t in terms:
            if t.term.strip():
                by_key[_key(t.term)] = t
        self.terms: tuple[Term, ...] = tuple(by_key.values())
        self._by_key = by_key
        ordered = sorted(by_key.values(), key=lambda t: (-len(t.term), t.term))
        alternatives = [re.escape(_key(t.term)) for t in ordered]
        self._regex = re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None

    def __len__(self) -> int:
        return len(self.terms)

    def check(self, text: str) -> list[Finding]:
        if not text or self._regex is None:
            return []
        findings: list[Finding] = []
        pos = 0
        search = self._regex.search
        folded = text.translate(_HALF_WIDTH)  # same length: offsets stay valid for `text`
        while True:
            match = search(folded, pos)
            if match is None:
                return findings
            entry = self._by_key.get(_key(match.group()))
            if entry is None:  # pragma: no cover - every alternative comes from a term
                pos = match.start() + 1
                continue
            end = _judge(folded, match.start(), match.end(), entry.term)
            if end is None:
                pos = match.start() + 1  # a shorter term inside may still apply
                continue
            findings.append(
                Finding(text[match.start() : end], entry.category, entry.suggestion, match.start(), end, entry.term)
            )
            pos = end


_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def _key(term: str) -> str:
    return term.translate(_HALF_WIDTH).casefold()


def _judge(text: str, start: int, end: int, term: str) -> int | None:
    """The end of the flagged span, or None when this occurrence is an ordinary word."""
    after = text[end:]
    if "最后" in term and _TIME_CUE.match(after):
        return None
    if term == "最":
        following = text[end : end + 1]
        if not following or not _is_cjk(following):
            return None
        if following in _TIME_SEQUENCE_AFTER_ZUI:
            return None
        if following in "多少" and _LIMIT.match(text[end + 1 :]):
            return None
        return end + 1
    if term == "第一":
        ranked = any(text[:start].endswith(word) for word in _RANKING_BEFORE_DIYI)
        if not ranked and _ORDINAL_AFTER_DIYI.match(after):
            return None
    if term == "唯一" and _HARMLESS_AFTER_WEIYI.match(after):
        return None
    if term == "史上" and text[:start].endswith("历"):
        return None
    return end


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


@lru_cache(maxsize=1)
def builtin_terms() -> tuple[Term, ...]:
    """The list shipped with the app."""
    data = json.loads(resource_path("wordlists", "compliance_zh.json").read_text(encoding="utf-8"))
    return tuple(Term(e["term"], e["category"], e.get("suggestion", ""), True) for e in data["terms"])


@lru_cache(maxsize=16)
def compile_terms(terms: tuple[Term, ...]) -> TermSet:
    return TermSet(terms)


def merge_terms(builtins: Iterable[Term], changes: Iterable[ComplianceTerm]) -> list[Term]:
    """The built-in list with a team's changes applied: removed built-ins dropped, added terms appended."""
    merged = {_key(t.term): t for t in builtins}
    for row in changes:
        key = _key(row.term)
        if row.removed:
            merged.pop(key, None)
        elif row.term.strip():
            merged[key] = Term(
                row.term.strip(), row.category or "custom", row.suggestion or "", key in merged and merged[key].builtin
            )
    return list(merged.values())


def load_terms(session: Session) -> list[Term]:
    """The list in force for this database."""
    return merge_terms(builtin_terms(), session.scalars(select(ComplianceTerm)).all())


def term_set(session: Session) -> TermSet:
    return compile_terms(tuple(load_terms(session)))


def check_text(text: str, terms: TermSet | Sequence[Term] | None = None) -> list[Finding]:
    """Every risky word in `text`, left to right, non-overlapping, longest match first.

    Pass a TermSet (from `term_set(session)`) when checking on every keystroke; a plain
    sequence of terms is compiled once and cached; None means the built-in list.
    """
    if terms is None:
        terms = builtin_terms()
    if not isinstance(terms, TermSet):
        terms = compile_terms(tuple(terms))
    return terms.check(text)


def check_segments(segments: Iterable[Segment], terms: TermSet | Sequence[Term] | None = None) -> list[ScriptFinding]:
    if terms is None:
        terms = builtin_terms()
    if not isinstance(terms, TermSet):
        terms = compile_terms(tuple(terms))
    found: list[ScriptFinding] = []
    for segment in segments:
        for field in SCRIPT_FIELDS:
            for f in terms.check(getattr(segment, field) or ""):
                found.append(
                    ScriptFinding(segment.title, segment.id, field, f.term, f.category, f.suggestion, f.start, f.end)
                )
    return found


def check_script(session: Session, stream_id: int) -> list[ScriptFinding]:
    """Findings across every segment of the stream's script (title, host lines, cues, props, notes)."""
    segments = session.scalars(
        select(Segment).join(Script).where(Script.stream_id == stream_id).order_by(Segment.position, Segment.id)
    ).all()
    return check_segments(segments, term_set(session))


# --- the team's changes to the list -------------------------------------------------------------


def _builtin(term: str) -> Term | None:
    key = _key(term)
    return next((t for t in builtin_terms() if _key(t.term) == key), None)


def _row(session: Session, term: str) -> ComplianceTerm | None:
    return session.scalar(select(ComplianceTerm).where(ComplianceTerm.term == term))


def add_term(session: Session, term: str, category: str = "custom", suggestion: str = "") -> ComplianceTerm:
    """Add a team term (or switch a removed built-in back on, with the given wording)."""
    term = term.strip()
    if not term:
        raise ValueError(translate("Messages", "The term is empty."))
    if len(term) > 100:
        raise ValueError(translate("Messages", "The term is longer than 100 characters."))
    if category not in CATEGORIES:
        raise ValueError(
            translate("Messages", "Unknown category {0}; use one of {1}.").format(repr(category), ", ".join(CATEGORIES))
        )
    row = _row(session, term)
    if row is None:
        row = ComplianceTerm(term=term)
        session.add(row)
    row.category = category
    row.suggestion = suggestion.strip()
    row.removed = False
    session.flush()
    return row


def remove_term(session: Session, term: str) -> None:
    """Take a term off the list: a team term is deleted, a built-in one switched off."""
    term = term.strip()
    row = _row(session, term)
    builtin = _builtin(term)
    if builtin is None:
        if row is None:
            raise ValueError(translate("Messages", "{0} is not on the list.").format(repr(term)))
        session.delete(row)
    else:
        if row is None:
            row = ComplianceTerm(term=builtin.term, category=builtin.category, suggestion=builtin.suggestion)
            session.add(row)
        row.removed = True
    session.flush()


def restore_term(session: Session, term: str) -> None:
    """Undo the team's change to a built-in term (removal or rewording)."""
    row = _row(session, term.strip())
    if row is not None and _builtin(term) is not None:
        session.delete(row)
        session.flush()


def list_term_statuses(session: Session) -> list[TermStatus]:
    """Built-in terms (with their on/off state and the team's wording) followed by the team's own terms."""
    rows = {_key(r.term): r for r in session.scalars(select(ComplianceTerm)).all()}
    result: list[TermStatus] = []
    for t in builtin_terms():
        row = rows.pop(_key(t.term), None)
        if row is None:
            result.append(TermStatus(t.term, t.category, t.suggestion, True, False))
        else:
            result.append(
                TermStatus(t.term, row.category or t.category, row.suggestion or t.suggestion, True, row.removed)
            )
    for row in rows.values():
        result.append(TermStatus(row.term, row.category, row.suggestion, False, row.removed))
    return result
