"""Compliance check of script wording (合规/极限词), fast enough to run on every keystroke.

* terms: the categories, severities and legal rules; the built-in list (resources/wordlists/compliance_zh.json)
* normalise: NFKC, case folding; separators are skipped inside a term, offsets point at the user's text
* rules: context rules (第一 as an enumeration, 最后三分钟, 第一次, 统一流程, 你们是我最大的动力…)
* checker: one trie-shaped regular expression over the folded text; findings with category/rule/severity
* team: the team's own changes to the list, kept in the database, and its Excel import/export

The check is a prompt for the reviewer, not legal advice.
"""

from livedesk.resources import resource_path
from livedesk.services.compliance.checker import (
    SCRIPT_FIELDS,
    Finding,
    ScriptFinding,
    TermSet,
    blocking,
    check_segments,
    check_text,
    compile_terms,
    term_key,
)
from livedesk.services.compliance.team import (
    TermStatus,
    add_term,
    export_word_list,
    import_word_list,
    list_stamp,
    list_term_statuses,
    load_terms,
    merge_terms,
    recategorise,
    remove_term,
    restore_term,
    term_set,
)
from livedesk.services.compliance.terms import (
    CATEGORIES,
    DEFAULT_SEVERITY,
    SEVERITIES,
    SEVERITY_NAMES,
    LegalRule,
    Term,
    builtin_terms,
    legal_rules,
)


def check_script(session, stream_id: int) -> list[ScriptFinding]:
    """Findings across every segment of the stream's script (title, host lines, cues, props, notes)."""
    from sqlalchemy import select

    from livedesk.models import Script, Segment

    segments = session.scalars(
        select(Segment).join(Script).where(Script.stream_id == stream_id).order_by(Segment.position, Segment.id)
    ).all()
    return check_segments(segments, term_set(session))


__all__ = [
    "CATEGORIES", "DEFAULT_SEVERITY", "SCRIPT_FIELDS", "SEVERITIES", "SEVERITY_NAMES", "Finding", "LegalRule",
    "ScriptFinding", "Term", "TermSet", "TermStatus", "add_term", "blocking", "builtin_terms", "check_script",
    "check_segments", "check_text", "compile_terms", "export_word_list", "import_word_list", "legal_rules",
    "list_stamp", "list_term_statuses", "load_terms", "merge_terms", "recategorise", "remove_term",
    "resource_path", "restore_term", "term_key", "term_set",
]
