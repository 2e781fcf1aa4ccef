"""What every command shares: opening the database and reporting errors with the right exit code."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from livedesk.config import Paths, Preferences, database_url
from livedesk.services.db import Database, open_database


class CommandError(Exception):
    """A problem the user can fix; printed without a traceback."""

    def __init__(self, message: str, exit_code: int = 3):
        super().__init__(message)
        self.exit_code = exit_code


def open_db(args: argparse.Namespace, paths: Paths) -> Database:
    from livedesk.services.credentials import resolve_url

    return open_database(resolve_url(database_url(args.db, Preferences.load(paths), paths)))


def backup_before_import(db: Database, paths: Paths) -> None:
    """Every import starts from a fresh backup, so even a wrong-but-valid file can be undone."""
    from livedesk.services.backup import backup_before

    backup_before(db, paths, "import")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
