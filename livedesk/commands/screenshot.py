"""`livedesk screenshot --out DIR`: render every tab to PNG, offscreen."""

from __future__ import annotations

import argparse
import os

from livedesk.config import Paths


def register(subparsers: argparse._SubParsersAction) -> None:
    shot = subparsers.add_parser("screenshot", help="render every tab to PNG files (offscreen)")
    shot.add_argument("--out", required=True, metavar="DIR")
    shot.add_argument("--lang", dest="shot_lang", choices=["zh_CN", "en"], help="language of the screenshots")
    shot.add_argument("--theme", dest="shot_theme", choices=["light", "dark"], default="light",
                      help="light (the default) or dark colours")
    shot.set_defaults(handler=run)


def run(args: argparse.Namespace, paths: Paths) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from livedesk.ui.launch import take_screenshots

    return take_screenshots(args, paths)
