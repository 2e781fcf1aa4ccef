"""The team's own word list, kept in the database (so every laptop on a team server shares it).

A team adds terms, switches built-in ones off, re-categorises either (another category, severity or
wording), and moves the whole list in and out of Excel. Rows in `compliance_terms` hold only the team's
changes; the built-in list stays in the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from livedesk.models import ComplianceTerm
from livedesk.services.compliance.checker import NUMBER_TOKEN, TermSet, compile_terms, term_key
from livedesk.services.compliance.terms import (
    CATEGORIES,
    DEFAULT_SEVERITY,
    SEVERITIES,
    SEVERITY_NAMES,
    Term,
    builtin_terms,
    legal_rules,
)
from livedesk.services.importers.errors import CellProblem, ImportFailed
from livedesk.services.messages import translate

MAX_TERM = 100
MAX_SUGGESTION = 200


@dataclass(frozen=True)
class TermStatus:
    """One row of the list as the word list screen shows it."""

    term: str
    category: str
    suggestion: str
    builtin: bool
    removed: bool
    rule: str = ""
    severity: str = ""  # the severity in force
    changed: bool = False  # a built-in term the team re-categorised or reworded


def merge_terms(builtins, changes) -> list[Term]:
    """The built-in list with a team's changes applied: removed built-ins dropped, added terms appended."""
    merged = {term_key(t.term): t for t in builtins}
    for row in changes:
        key = term_key(row.term)
        if row.removed:
            merged.pop(key, None)
        elif key:
            base = merged.get(key)
            merged[key] = Term(
                row.term.strip(), row.category or "custom", row.suggestion or "",
                base is not None and base.builtin, base.rule if base is not None else "", row.severity or "",
            )
    return list(merged.values())


def load_terms(session: Session) -> list[Term]:
    """The list in force for this database."""
    return merge_terms(builtin_terms(), session.scalars(select(ComplianceTerm)).all())


def term_set(session: Session) -> TermSet:
    return compile_terms(tuple(load_terms(session)))


def list_stamp(session: Session) -> tuple:
    """Changes when anyone changes the team's list (the script tab re-reads the list when it moves)."""
    return tuple(session.execute(select(func.count(ComplianceTerm.id), func.max(ComplianceTerm.updated_at))).one())


# --- changes -------------------------------------------------------------------------------------------


def _builtin(term: str) -> Term | None:
    key = term_key(term)
    return next((t for t in builtin_terms() if term_key(t.term) == key), None)


def _row(session: Session, term: str) -> ComplianceTerm | None:
    key = term_key(term)
    exact = session.scalar(select(ComplianceTerm).where(ComplianceTerm.term == term))
    if exact is not None:
        return exact
    return next((r for r in session.scalars(select(ComplianceTerm)) if term_key(r.term) == key), None)


def _validate(session: Session, term: str, category: str, suggestion: str, severity: str,
              check_suggestion: bool = True) -> None:
    if not term:
        raise ValueError(translate("Messages", "The term is empty."))
    if not term_key(term).strip(NUMBER_TOKEN):
        raise ValueError(translate("Messages", "The term holds only spaces, punctuation or {N}; write the word itself."))
    if len(term) > MAX_TERM:
        raise ValueError(translate("Messages", "The term is longer than 100 characters."))
    if len(suggestion) > MAX_SUGGESTION:
        raise ValueError(translate("Messages", "The safer wording is longer than 200 characters."))
    if category not in CATEGORIES:
        raise ValueError(
            translate("Messages", "Unknown category {0}; use one of {1}.").format(repr(category), ", ".join(CATEGORIES))
        )
    if severity and severity not in SEVERITIES:
        raise ValueError(
            translate("Messages", "Unknown severity {0}; use one of {1}.").format(repr(severity), ", ".join(SEVERITIES))
        )
    if suggestion and check_suggestion:
        terms = [t for t in load_terms(session) if term_key(t.term) != term_key(term)]
        terms.append(Term(term, category))
        _refuse_unsafe(suggestion, compile_terms(tuple(terms)))


def _refuse_unsafe(suggestion: str, terms: TermSet) -> None:
    unsafe = terms.check(suggestion)
    if unsafe:
        raise ValueError(
            translate("Messages", "The safer wording itself contains the listed word {0}; write it another way.")
            .format(unsafe[0].term)
        )


def add_term(session: Session, term: str, category: str = "custom", suggestion: str = "",
             severity: str = "", check_suggestion: bool = True) -> ComplianceTerm:
    """Add a team term, or change a term already listed (category, severity, wording); a removed built-in
    term is switched back on. `check_suggestion=False` leaves the wording check to the caller (an import
    checks every wording once against the list it ends with)."""
    term, suggestion = term.strip(), suggestion.strip()
    _validate(session, term, category, suggestion, severity, check_suggestion)
    row = _row(session, term)
    if row is None:
        row = ComplianceTerm(term=term)
        session.add(row)
    row.category = category
    row.suggestion = suggestion
    row.severity = severity
    row.removed = False
    _flush(session)
    return row


def _flush(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError as exc:  # a teammate saved the same term a moment ago (team server)
        raise ValueError(translate(
            "Messages", "A teammate changed this term at the same moment; close the word list, open it again and retry.")
        ) from exc


def recategorise(session: Session, term: str, category: str, severity: str = "") -> ComplianceTerm:
    """Move a listed term (built-in or the team's) to another category and severity, keeping its wording."""
    current = next((t for t in load_terms(session) if term_key(t.term) == term_key(term)), None)
    if current is None:
        raise ValueError(translate("Messages", "{0} is not on the list.").format(repr(term.strip())))
    return add_term(session, current.term, category, current.suggestion, severity)


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
    _flush(session)


def restore_term(session: Session, term: str) -> None:
    """Undo the team's change to a built-in term (removal, re-categorising or rewording)."""
    row = _row(session, term.strip())
    if row is not None and _builtin(term) is not None:
        session.delete(row)
        session.flush()


def list_term_statuses(session: Session) -> list[TermStatus]:
    """Built-in terms (with their on/off state and the team's changes) followed by the team's own terms."""
    rows = {term_key(r.term): r for r in session.scalars(select(ComplianceTerm)).all()}
    result: list[TermStatus] = []
    for t in builtin_terms():
        row = rows.pop(term_key(t.term), None)
        if row is None:
            result.append(TermStatus(t.term, t.category, t.suggestion, True, False, t.rule, t.level))
        else:
            category = row.category or t.category
            severity = row.severity or (t.severity if category == t.category else "") or DEFAULT_SEVERITY.get(category, "warning")
            changed = not row.removed and (category, row.suggestion, severity) != (t.category, t.suggestion, t.level)
            result.append(TermStatus(t.term, category, row.suggestion or t.suggestion, True, row.removed, t.rule,
                                     severity, changed))
    for row in rows.values():
        result.append(TermStatus(row.term, row.category, row.suggestion, False, row.removed, "team_list",
                                 row.severity or DEFAULT_SEVERITY.get(row.category, "warning")))
    return result


# --- Excel -------------------------------------------------------------------------------------------------

HEADERS = ["词语", "类别", "严重程度", "建议说法", "依据", "来源", "状态"]
_ON, _OFF = "启用", "停用"


def export_word_list(session: Session, path: str | Path) -> int:
    """Write the list in force (built-in and the team's, switched-off terms included) to an .xlsx file."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "词表"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    rules = legal_rules()
    statuses = list_term_statuses(session)
    for s in statuses:
        rule = rules.get(s.rule)
        sheet.append([s.term, CATEGORIES.get(s.category, s.category), SEVERITY_NAMES.get(s.severity, s.severity),
                      s.suggestion, rule.source if rule else "", "内置" if s.builtin else "团队",
                      _OFF if s.removed else _ON])
    for column, width in zip("ABCDEFG", (16, 18, 10, 40, 60, 8, 8), strict=True):
        sheet.column_dimensions[column].width = width
    book.save(path)
    return len(statuses)


def _choice(value: str, names: dict[str, str]) -> str | None:
    value = value.strip()
    if value in names:
        return value
    return next((key for key, name in names.items() if name == value), None)


def import_word_list(session: Session, path: str | Path) -> dict[str, int]:
    """Read an .xlsx (or .csv) word list: every row adds or changes a term, 状态 停用 switches it off.

    Terms not in the file stay as they are. Every row is checked first: one bad row and nothing is written.
    """
    from livedesk.services.importers.tabular import find_header_row, normalise_header, read_sheets
    from livedesk.services.importers.values import clean_text

    path = Path(path)
    sheets = read_sheets(path)
    wanted = {normalise_header(h): h for h in HEADERS}
    found = None
    for sheet in sheets:
        index = find_header_row(sheet.rows, [{normalise_header("词语"), "term"}])
        if index is not None:
            found = (sheet, index)
            break
    if found is None:
        raise ImportFailed(path.name, translate(
            "Messages", "No header row with a 词语 column was found. Export the word list once to see the layout."))
    sheet, index = found
    header = [normalise_header(c) for c in sheet.rows[index]]
    aliases = {"term": "词语", "category": "类别", "severity": "严重程度", "suggestion": "建议说法", "state": "状态"}
    columns: dict[str, int] = {}
    for position, name in enumerate(header):
        name = wanted.get(name, aliases.get(name, ""))
        if name and name not in columns:
            columns[name] = position
    problems: list[CellProblem] = []
    changes: list[tuple[int, str, str, str, str, bool]] = []
    seen: set[str] = set()

    def cell(row: list, name: str) -> str:
        position = columns.get(name)
        return clean_text(row[position]) if position is not None and position < len(row) else ""

    for number, row in enumerate(sheet.rows[index + 1:], start=index + 2):
        term = cell(row, "词语")
        if not term and not any(clean_text(v) for v in row):
            continue
        if not term:
            problems.append(CellProblem(number, "词语", "", translate("Messages", "The term is empty."), sheet.name))
            continue
        raw_category = cell(row, "类别")
        builtin = _builtin(term)
        category = _choice(raw_category, CATEGORIES) if raw_category else (builtin.category if builtin else "custom")
        if category is None:
            problems.append(CellProblem(number, "类别", raw_category, translate(
                "Messages", "Unknown category; use one of {0}.").format("、".join(CATEGORIES.values())), sheet.name))
            continue
        raw_severity = cell(row, "严重程度")
        severity = _choice(raw_severity, SEVERITY_NAMES) if raw_severity else ""
        if severity is None:
            problems.append(CellProblem(number, "严重程度", raw_severity, translate(
                "Messages", "Unknown severity; use one of {0}.").format("、".join(SEVERITY_NAMES.values())), sheet.name))
            continue
        state = cell(row, "状态")
        if state not in ("", _ON, _OFF, "on", "off"):
            problems.append(CellProblem(number, "状态", state, translate(
                "Messages", "Write 启用 (on) or 停用 (off)."), sheet.name))
            continue
        key = term_key(term)
        if key in seen:
            problems.append(CellProblem(number, "词语", term, translate(
                "Messages", "The term is listed twice in the file; keep one row."), sheet.name))
            continue
        seen.add(key)
        suggestion = cell(row, "建议说法")
        changes.append((number, term, category, severity, suggestion, state in (_OFF, "off")))
    if problems:
        raise ImportFailed(path.name, translate("Messages", "Nothing was imported; correct these rows and try again."),
                           problems)
    counts = {"added": 0, "changed": 0, "removed": 0, "unchanged": 0}
    wordings: list[tuple[int, str, str]] = []
    # the caller's unit of work rolls everything back when a row fails here
    for number, term, category, severity, suggestion, off in changes:
        builtin = _builtin(term)
        existing = _row(session, term)
        if off:
            if builtin is None and existing is None:
                counts["unchanged"] += 1
            else:
                remove_term(session, term)
                counts["removed"] += 1
            continue
        if builtin is not None and severity == builtin.level and category == builtin.category:
            severity = ""
        if builtin is not None and (category, suggestion or builtin.suggestion, severity) == (
                builtin.category, builtin.suggestion, ""):
            if existing is not None:
                restore_term(session, term)
                counts["changed"] += 1
            else:
                counts["unchanged"] += 1
            continue
        try:
            add_term(session, term, category, suggestion or (builtin.suggestion if builtin else ""), severity,
                     check_suggestion=False)
        except ValueError as exc:
            raise ImportFailed(path.name, translate("Messages", "Nothing was imported; correct these rows and try again."),
                               [CellProblem(number, "词语", term, str(exc), sheet.name)]) from exc
        if suggestion:
            wordings.append((number, term, suggestion))
        counts["added" if existing is None and builtin is None else "changed"] += 1
    session.flush()
    final = term_set(session)  # one compile for the whole file
    for number, _term, suggestion in wordings:
        try:
            _refuse_unsafe(suggestion, final)
        except ValueError as exc:
            problems.append(CellProblem(number, "建议说法", suggestion, str(exc), sheet.name))
    if problems:
        raise ImportFailed(path.name, translate("Messages", "Nothing was imported; correct these rows and try again."),
                           problems)
    return counts
