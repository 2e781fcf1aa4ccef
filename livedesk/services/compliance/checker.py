"""The matcher: every term compiled into one regular expression shaped like a trie, run over folded text.

Between two characters of a term the expression skips separators (最 好, 最　好, 最\u200b好, 最.好), so evasion
does not work while the punctuation stays visible to the context rules. A finding's start/end always point
at the characters of the text the user typed (Python string indices).

A TermSet remembers the findings of the texts it checked recently: a keystroke re-checks the one text that
changed, the other segments of the script come from that memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from livedesk.services.compliance import rules as context_rules
from livedesk.services.compliance.normalise import SEPARATOR_CLASS, SEPARATORS, normalise, original_span
from livedesk.services.compliance.terms import Term, builtin_terms

SCRIPT_FIELDS = ("title", "host_lines", "cues", "props", "notes")
_NUMBER_RE = "[0-9一二两三四五六七八九十百千万几半]+"
_NUMBER_TOKEN = "\x00"  # stands for {N} inside keys and the trie
_NUMBER_RUN = re.compile(_NUMBER_RE)
_GAP = SEPARATOR_CLASS + "*"
_SAFE_FALLBACK = "改写为可以核实的具体描述"
_MEMORY = 4096


@dataclass(frozen=True)
class Finding:
    """A risky word in a text: `term` as written there, `entry` the list term that caught it."""

    term: str
    category: str
    suggestion: str
    start: int
    end: int
    entry: str = ""
    rule: str = ""  # the legal rule the list term comes from (see terms.legal_rules())
    severity: str = "error"  # error, warning or note
    context: str = ""  # the context rule that shaped this finding, if any


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
    rule: str = ""
    severity: str = "error"
    entry: str = ""
    context: str = ""


def term_key(term: str) -> str:
    """How a term is stored and compared: folded, separators removed, {N} as one token."""
    parts = re.split(r"\{[nN]\}", term)
    return _NUMBER_TOKEN.join(SEPARATORS.sub("", normalise(p)[0]) for p in parts)


def _trie_pattern(keys: Iterable[str]) -> str:
    root: dict = {}
    for key in keys:
        node = root
        for token in key:
            node = node.setdefault(token, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict) -> str:
    branches = []
    # literal characters before the number class, so 100%有效 is tried before {N}天见效
    for token in sorted((t for t in node if t), key=lambda t: (t == _NUMBER_TOKEN, t)):
        child = node[token]
        head = _NUMBER_RE if token == _NUMBER_TOKEN else re.escape(token)
        if any(child_token for child_token in child):
            tail = f"{_GAP}(?:{_emit(child)})"
            branches.append(head + (f"(?:{tail})?" if "" in child else tail))
        else:
            branches.append(head)
    return "|".join(branches)


class TermSet:
    """Terms compiled into one regular expression; build once, check many texts."""

    def __init__(self, terms: Iterable[Term]):
        by_key: dict[str, Term] = {}
        for t in terms:
            key = term_key(t.term)
            if key:
                by_key[key] = t
        self._by_key = by_key
        pattern = _trie_pattern(by_key)
        self._regex = re.compile(pattern) if pattern else None
        self.terms: tuple[Term, ...] = tuple(self._with_safe_suggestions(by_key))
        self._by_key = {term_key(t.term): t for t in self.terms}
        self._memory: dict[str, tuple[Finding, ...]] = {}

    def _with_safe_suggestions(self, by_key: dict[str, Term]) -> list[Term]:
        """A suggestion that itself holds a listed word (a team may list one) is replaced by a neutral one."""
        safe = []
        for t in by_key.values():
            if t.suggestion and self._raw_check(t.suggestion, by_key):
                fallback = "" if self._raw_check(_SAFE_FALLBACK, by_key) else _SAFE_FALLBACK
                t = Term(t.term, t.category, fallback, t.builtin, t.rule, t.severity)
            safe.append(t)
        return safe

    def _raw_check(self, text: str, by_key: dict[str, Term]) -> bool:
        if self._regex is None:
            return False
        folded, _ = normalise(text)
        return any(SEPARATORS.sub("", m.group()) for m in self._regex.finditer(folded))

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, term: str) -> bool:
        return term_key(term) in self._by_key

    def check(self, text: str) -> list[Finding]:
        if not text or self._regex is None:
            return []
        remembered = self._memory.get(text)
        if remembered is None:
            remembered = tuple(self._check(text))
            if len(self._memory) >= _MEMORY:
                self._memory.clear()
            self._memory[text] = remembered
        return list(remembered)

    def _lookup(self, matched: str) -> tuple[str, Term] | None:
        key = SEPARATORS.sub("", matched)
        entry = self._by_key.get(key)
        if entry is None:
            key = _NUMBER_RUN.sub(_NUMBER_TOKEN, key)
            entry = self._by_key.get(key)
        return (key, entry) if entry is not None else None

    def _candidates(self, folded: str, start: int, end: int) -> list[tuple[int, str, Term]]:
        """The longest match first, then listed terms that are prefixes of it (tried when a rule clears it)."""
        found = self._lookup(folded[start:end])
        if found is None:  # pragma: no cover - every alternative comes from a term
            return []
        out = [(end, *found)]
        key = found[0]
        if _NUMBER_TOKEN not in key:
            pos = start
            for cut in range(1, len(key)):
                gap = SEPARATORS.match(folded, pos)
                if gap is not None:
                    pos = gap.end()
                pos += 1
                entry = self._by_key.get(key[:cut])
                if entry is not None:
                    out.append((pos, key[:cut], entry))
            out[1:] = reversed(out[1:])
        return out

    def _check(self, text: str) -> list[Finding]:
        folded, offsets = normalise(text)
        findings: list[Finding] = []
        search = self._regex.search
        pos = 0
        while True:
            match = search(folded, pos)
            if match is None:
                return findings
            start = match.start()
            finding_end = None
            for end, key, entry in self._candidates(folded, start, match.end()):
                verdict = context_rules.judge(context_rules.Hit(folded, start, end, key))
                if verdict.clean:
                    continue
                finding_end = verdict.end or end
                o_start, o_end = original_span(offsets, start, finding_end)
                findings.append(Finding(
                    text[o_start:o_end], entry.category, verdict.suggestion or entry.suggestion, o_start, o_end, entry.term,
                    entry.source_rule, verdict.severity or entry.level, verdict.context,
                ))
                break
            pos = finding_end if finding_end is not None else start + 1


@lru_cache(maxsize=16)
def compile_terms(terms: tuple[Term, ...]) -> TermSet:
    return TermSet(terms)


def check_text(text: str, terms: TermSet | Sequence[Term] | None = None) -> list[Finding]:
    """Every risky word in `text`, left to right, non-overlapping, longest match first.

    Pass a TermSet (from `term_set(session)`) when checking on every keystroke; a plain sequence of terms
    is compiled once and cached; None means the built-in list.
    """
    return _as_set(terms).check(text)


def _as_set(terms: TermSet | Sequence[Term] | None) -> TermSet:
    if terms is None:
        terms = builtin_terms()
    if not isinstance(terms, TermSet):
        terms = compile_terms(tuple(terms))
    return terms


def check_segments(segments: Iterable, terms: TermSet | Sequence[Term] | None = None) -> list[ScriptFinding]:
    """Findings over every text field of the segments (anything with the Segment attributes)."""
    term_set = _as_set(terms)
    found: list[ScriptFinding] = []
    for segment in segments:
        for field in SCRIPT_FIELDS:
            for f in term_set.check(getattr(segment, field) or ""):
                found.append(ScriptFinding(
                    segment.title, segment.id, field, f.term, f.category, f.suggestion, f.start, f.end,
                    f.rule, f.severity, f.entry, f.context,
                ))
    return found


def blocking(findings: Iterable[ScriptFinding]) -> list[ScriptFinding]:
    """The findings that stand in the way of approving or rehearsing (notes never do)."""
    return [f for f in findings if f.severity != "note"]
