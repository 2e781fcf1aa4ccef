"""What every command shares: opening the database and reporting errors with the right exit code."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from livedesk.config import Paths, Preferences, database_url

if TYPE_CHECKING:
    from livedesk.services.db import Database

# The command modules import the services (and SQLAlchemy) when a command runs, not when the parser is built:
# a command that reads a big file starts reading it while they load (see `read_ahead` in file_reads).


class CommandError(Exception):
    """A problem the user can fix; printed without a traceback."""

    def __init__(self, message: str, exit_code: int = 3):
        super().__init__(message)
        self.exit_code = exit_code


_opened: list[Database] = []


def open_db(args: argparse.Namespace, paths: Paths) -> Database:
    """The command's database; `close_databases` closes it when the command ends."""
    from livedesk.services.credentials import resolve_url
    from livedesk.services.db import open_database

    db = open_database(resolve_url(database_url(args.db, Preferences.load(paths), paths)))
    _opened.append(db)
    return db


def close_databases() -> None:
    """Close what the command opened: SQLite folds its write-ahead log back into the file and the instance
    lock is let go, so the file alone holds everything even when the process then ends without teardown."""
    while _opened:
        _opened.pop().close()


def backup_before_import(db: Database, paths: Paths) -> None:
    """Every import starts from a fresh backup, so even a wrong-but-valid file can be undone."""
    from livedesk.services.backup import backup_before

    backup_before(db, paths, "import")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
