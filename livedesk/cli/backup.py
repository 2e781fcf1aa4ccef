"""`livedesk backup --out FILE` and `livedesk restore FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from livedesk.config import Paths, Preferences, database_url


def register(subparsers: argparse._SubParsersAction) -> None:
    make = subparsers.add_parser("backup", help="write a consistent copy of the database to a file")
    make.add_argument("--out", required=True, metavar="FILE", help="the backup file to write")
    make.set_defaults(handler=backup_command)

    restore = subparsers.add_parser(
        "restore", help="replace the database with a backup (the current data is backed up first)"
    )
    restore.add_argument("file", metavar="FILE", help="a backup made by `livedesk backup` or the File menu")
    restore.set_defaults(handler=restore_command)


def _url(args: argparse.Namespace, paths: Paths) -> str:
    """The database named by --db / LIVEDESK_DB / preferences, with its password from the keyring."""
    from livedesk.services.credentials import resolve_url

    return resolve_url(database_url(args.db, Preferences.load(paths), paths))


def backup_command(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.services import backup
    from livedesk.services.db import open_database

    db = open_database(_url(args, paths))
    try:
        out = backup.backup_now(db, Path(args.out))
    finally:
        db.close()
    print(f"Backed up {db.describe()} to {out}")
    return 0


def restore_command(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.services import backup

    result = backup.restore(_url(args, paths), Path(args.file), paths)
    print(f"Restored from {args.file}.")
    if result.previous_backup:
        print(f"The data it replaced was backed up to {result.previous_backup}")
    if result.upgraded_from:
        print(f"The backup's schema ({result.upgraded_from}) was upgraded to this version of LiveDesk.")
    return 0
