"""The word list screen's actions, each one unit of work opened here (the screen never holds a session).

Every change returns the list as it stands after it, read in the same transaction, so one press is one
unit of work. A refused change (ValueError with the reason, ImportFailed for a bad file) writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from livedesk.services.compliance import team
from livedesk.services.compliance.team import TermStatus

if TYPE_CHECKING:
    from livedesk.services.db import Database


def statuses(db: Database) -> list[TermStatus]:
    """Every term of the list, built-in and the team's, with its state."""
    with db.session() as session:
        return team.list_term_statuses(session)


def add(db: Database, term: str, category: str = "custom", suggestion: str = "",
        severity: str = "") -> list[TermStatus]:
    """Add the team's own term, or save the category, severity and wording of a listed one; the list."""
    with db.session() as session:
        team.add_term(session, term, category, suggestion, severity)
        return team.list_term_statuses(session)


def recategorise(db: Database, terms: Sequence[str], category: str, severity: str = "") -> list[TermStatus]:
    """Give every one of `terms` the category (and severity; "": the category's default); the list."""
    with db.session() as session:
        for term in terms:
            team.recategorise(session, term, category, severity)
        return team.list_term_statuses(session)


def remove(db: Database, terms: Sequence[str]) -> list[TermStatus]:
    """Remove the team's terms, switch built-in ones off; the list."""
    with db.session() as session:
        for term in terms:
            team.remove_term(session, term)
        return team.list_term_statuses(session)


def restore(db: Database, terms: Sequence[str]) -> list[TermStatus]:
    """Put built-in terms back as shipped; the list."""
    with db.session() as session:
        for term in terms:
            team.restore_term(session, term)
        return team.list_term_statuses(session)


def import_file(db: Database, path: str | Path) -> tuple[dict[str, int], list[TermStatus]]:
    """Apply a word list workbook: the counts (added, changed, removed, unchanged) and the list."""
    with db.session() as session:
        counts = team.import_word_list(session, path)
        return counts, team.list_term_statuses(session)


def export_file(db: Database, path: str | Path) -> int:
    """Write the list to an .xlsx workbook; how many terms were written."""
    with db.session() as session:
        return team.export_word_list(session, path)
