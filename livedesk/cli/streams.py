"""`livedesk streams list|add`."""

from __future__ import annotations

import argparse
import datetime as dt

from livedesk.cli.common import CommandError, open_db, print_json
from livedesk.config import Paths
from livedesk.platforms import Platform


def register(subparsers: argparse._SubParsersAction) -> None:
    streams = subparsers.add_parser("streams", help="list or add streams")
    actions = streams.add_subparsers(dest="action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="list every stream")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=list_streams)

    add = actions.add_parser("add", help="add a stream to the schedule")
    add.add_argument("--title", required=True)
    add.add_argument("--start", required=True, help='local start, "YYYY-MM-DD HH:MM"')
    add.add_argument("--minutes", required=True, type=int)
    add.add_argument("--platform", required=True, choices=[p.value for p in Platform])
    add.add_argument("--gmv-target", metavar="AMOUNT", help="GMV goal in yuan")
    add.add_argument("--account", default="")
    add.add_argument("--json", action="store_true", help="print the new stream as JSON")
    add.set_defaults(handler=add_stream)


def list_streams(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.services import schedule

    db = open_db(args, paths)
    with db.session() as session:
        rows = schedule.list_streams(session)
    if args.json:
        print_json([schedule.stream_to_json(r) for r in rows])
    else:
        for r in rows:
            start = r.start_at.astimezone().strftime("%Y-%m-%d %H:%M")
            print(f"{r.id:>5}  {start}  {r.planned_minutes:>4} min  {r.platform:<11} {r.status:<9} {r.title}")
    return 0


def add_stream(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.services import schedule
    from livedesk.services.importers.values import parse_amount

    try:
        start = dt.datetime.strptime(args.start, "%Y-%m-%d %H:%M").astimezone()
    except ValueError:
        raise CommandError(f'--start {args.start!r}: use the form "YYYY-MM-DD HH:MM", e.g. "2026-11-20 20:00".') from None
    try:
        target = parse_amount(args.gmv_target) if args.gmv_target else None
    except ValueError as exc:
        raise CommandError(f"--gmv-target {args.gmv_target!r}: {exc}; give an amount in yuan, e.g. 50000 or 5万.") from None
    data = schedule.StreamData(
        title=args.title, start_at=start, planned_minutes=args.minutes, platform=args.platform,
        gmv_target=target, account=args.account,
    )
    db = open_db(args, paths)
    try:
        with db.session() as session:
            stream = schedule.create_stream(session, data)
            result = schedule.StreamData.from_stream(stream)
    except schedule.ValidationError as exc:
        raise CommandError(str(exc)) from None
    if args.json:
        print_json(schedule.stream_to_json(result))
    else:
        print(f"Added stream {result.id}: {result.title}")
    return 0
