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
    return open_database(database_url(args.db, Preferences.load(paths), paths))


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
