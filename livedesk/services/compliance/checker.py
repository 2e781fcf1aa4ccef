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
from functools import lru_cache
from typing import NamedTuple

from livedesk.services.compliance import rules as context_rules
from livedesk.services.compliance.normalise import SEPARATOR_CLASS, SEPARATORS, normalise, original_span
from livedesk.services.compliance.terms import Term, builtin_terms

SCRIPT_FIELDS = ("title", "host_lines", "cues", "props", "notes")
_NUMBER_RE = "[0-9一二两三四五六七八九十百千万几半]+"
NUMBER_TOKEN = "\x00"  # stands for {N} inside keys and the trie
_NUMBER_RUN = re.compile(_NUMBER_RE)
_GAP = SEPARATOR_CLASS + "*"
_SAFE_FALLBACK = "改写为可以核实的具体描述"
_MEMORY = 4096


class Finding(NamedTuple):  # a tuple: a script of findings is built on every keystroke
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


class ScriptFinding(NamedTuple):
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
    return NUMBER_TOKEN.join(SEPARATORS.sub("", normalise(p)[0]) for p in parts)


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
    for token in sorted((t for t in node if t), key=lambda t: (t == NUMBER_TOKEN, t)):
        child = node[token]
        head = _NUMBER_RE if token == NUMBER_TOKEN else re.escape(token)
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
            if key.strip(NUMBER_TOKEN):  # a term of only {N} would match every number: never listed
                by_key[key] = t
        self._by_key = by_key
        # number-led terms ({N}天见效) enter the trie from their first literal: see _lookup
        pattern = _trie_pattern(k[1:] if k.startswith(NUMBER_TOKEN) else k for k in by_key)
        self._regex = re.compile(pattern) if pattern else None
        self.terms: tuple[Term, ...] = tuple(self._with_safe_suggestions(by_key))
        self._by_key = {term_key(t.term): t for t in self.terms}
        # listed terms that are prefixes of a longer one (最 of 最好): tried when a rule clears the longer one
        self._prefixes = {key: [key[:cut] for cut in range(len(key) - 1, 0, -1) if key[:cut] in self._by_key]
                          for key in self._by_key}
        self._memory: dict[str, tuple[Finding, ...]] = {}
        self._segment_memory: dict[tuple, tuple[ScriptFinding, ...]] = {}

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
        return any(self._candidates(folded, m.start(), m.end(), 0) for m in self._regex.finditer(folded))

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

    def _lookup(self, matched: str) -> list[tuple[str, Term]]:
        """Listed terms the matched characters stand for: the literal term, a term with numbers in it, or a term
        led by a number (those are matched from their first literal, so the expression keeps its fast
        first-character scan; the number before is checked here)."""
        key = SEPARATORS.sub("", matched)
        numbered = _NUMBER_RUN.sub(NUMBER_TOKEN, key)
        found = []
        for candidate in dict.fromkeys((key, numbered, NUMBER_TOKEN + key, NUMBER_TOKEN + numbered)):
            entry = self._by_key.get(candidate)
            if entry is not None:
                found.append((candidate, entry))
        return found

    def _candidates(self, folded: str, start: int, end: int, floor: int) -> list[tuple[int, int, str, Term]]:
        """(start, end, key, term) to judge, best first: the longest match, then listed terms that are
        prefixes of it (tried when a context rule clears the longer one)."""
        out: list[tuple[int, int, str, Term]] = []
        for key, entry in self._lookup(folded[start:end]):
            if key.startswith(NUMBER_TOKEN):
                lead = _number_before(folded, start, floor)
                if lead is not None:
                    out.append((lead, end, key, entry))
            else:
                out.append((start, end, key, entry))
        prefixes = getattr(self, "_prefixes", {}).get(out[0][2]) if len(out) == 1 else None
        if prefixes:
            for shorter in prefixes:
                pos = start
                for _ in range(len(shorter)):
                    gap = SEPARATORS.match(folded, pos)
                    if gap is not None:
                        pos = gap.end()
                    pos += 1
                out.append((start, pos, shorter, self._by_key[shorter]))
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
            finding_end = None
            for start, end, key, entry in self._candidates(folded, match.start(), match.end(), pos):
                verdict = context_rules.judge(context_rules.Hit(folded, start, end, key))
                if verdict.clean:
                    continue
                finding_end = verdict.end or end
                o_start, o_end = original_span(offsets, start, finding_end)
                findings.append(Finding(
                    text[o_start:o_end], entry.category, verdict.suggestion or entry.suggestion, o_start, o_end,
                    entry.term, entry.source_rule, verdict.severity or entry.level, verdict.context,
                ))
                break
            pos = finding_end if finding_end is not None else match.start() + 1


_NUMBER_CHARS = set("0123456789一二两三四五六七八九十百千万几半")


def _number_before(folded: str, start: int, floor: int) -> int | None:
    """Where the number just before `start` begins (separators between them allowed), or None."""
    pos = start
    while pos > floor and SEPARATORS.fullmatch(folded[pos - 1]):
        pos -= 1
    begin = pos
    while begin > floor and folded[begin - 1] in _NUMBER_CHARS:
        begin -= 1
    return begin if begin < pos else None


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
    memory = term_set._segment_memory  # a keystroke rebuilds the findings of one text, not of the script
    found: list[ScriptFinding] = []
    for segment in segments:
        for field in SCRIPT_FIELDS:
            text = getattr(segment, field) or ""
            if not text:
                continue
            key = (segment.id, segment.title, field, text)
            known = memory.get(key)
            if known is None:
                known = tuple(
                    ScriptFinding(segment.title, segment.id, field, f.term, f.category, f.suggestion, f.start, f.end,
                                  f.rule, f.severity, f.entry, f.context)
                    for f in term_set.check(text)
                )
                if len(memory) >= _MEMORY:
                    memory.clear()
                memory[key] = known
            found.extend(known)
    return found


def blocking(findings: Iterable[ScriptFinding]) -> list[ScriptFinding]:
    """The findings that stand in the way of approving or rehearsing (notes never do)."""
    return [f for f in findings if f.severity != "note"]
