"""`livedesk demo`: fill a database with a believable month of a small team."""

from __future__ import annotations

import argparse

from livedesk.cli.common import CommandError, open_db
from livedesk.config import Paths


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="fill the database with demo data")
    demo.add_argument("--force", action="store_true", help="add demo data even if the database is not empty")
    demo.set_defaults(handler=run)


def run(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.services.demo import DatabaseNotEmpty, fill_demo

    db = open_db(args, paths)
    try:
        summary = fill_demo(db, force=args.force)
    except DatabaseNotEmpty as exc:
        raise CommandError(str(exc), exit_code=3) from None
    print(f"Demo data written to {db.describe()}: {summary}")
    return 0
