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
    shot.add_argument("--size", dest="shot_size", type=window_size, metavar="WxH",
                      help="window size in pixels, e.g. 1366x768 or 1920x1080 (default: 1440x900)")
    shot.set_defaults(handler=run)


def window_size(text: str) -> tuple[int, int]:
    """"1366x768" (x, X or ×) as (1366, 768); a size a screen can hold."""
    parts = text.lower().replace("×", "x").split("x")
    try:
        width, height = (int(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size; write it as WIDTHxHEIGHT, e.g. 1366x768") from None
    if not (640 <= width <= 7680 and 480 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"{text!r}: the width must be 640–7680 and the height 480–4320 pixels")
    return width, height


def run(args: argparse.Namespace, paths: Paths) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from livedesk.ui.launch import take_screenshots

    return take_screenshots(args, paths)
