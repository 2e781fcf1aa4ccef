"""`livedesk capture read IMAGE [--json]`: what live capture reads from a screenshot of a dashboard.

Runs the same OCR and mapping as the console's capture, in this process, without Qt and without a database.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from livedesk.cli.common import CommandError, print_json
from livedesk.config import Paths


def register(subparsers: argparse._SubParsersAction) -> None:
    capture = subparsers.add_parser("capture", help="read a platform dashboard's figures from a screenshot")
    actions = capture.add_subparsers(dest="action", metavar="ACTION", required=True)
    read = actions.add_parser("read", help="print the figures read from IMAGE (PNG or JPEG)")
    read.add_argument("image", metavar="IMAGE", help="a screenshot of the dashboard")
    read.add_argument("--json", action="store_true",
                      help="print JSON: online, uv, pv, gmv, orders, buyers, click_rate (a fraction; null when absent) and raw")
    read.set_defaults(handler=read_image)


def read_image(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.services.capture import ocr
    from livedesk.services.capture.mapping import read_boxes
    from livedesk.services.errors import UserError

    path = Path(args.image)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        reading = read_boxes(ocr.recognise(data, path.name))
    except UserError as exc:
        raise CommandError(str(exc)) from None
    if args.json:
        print_json(reading.as_json())
        return 0
    for name, value in reading.figures().items():
        if value is None:
            shown = "—"
        elif name == "click_rate":
            shown = f"{float(value) * 100:.2f}%"
        else:
            shown = f"{value:,}"
        print(f"{name:<11} {shown}")
    print(f"({len(reading.raw)} text boxes read; --json lists them)")
    return 0
