"""Entry point: parse the command line, then open the window or run a command.

Commands other than the window and `screenshot` never import Qt, so they start fast
and run on machines without a display.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from livedesk import __version__

EXIT_OK, EXIT_USAGE, EXIT_BAD_INPUT = 0, 2, 3
log = logging.getLogger("livedesk")


def build_parser() -> argparse.ArgumentParser:
    from livedesk.commands import register_all

    parser = argparse.ArgumentParser(
        prog="livedesk", description="Plan, run and review live-commerce streams."
    )
    parser.add_argument("--version", action="version", version=f"LiveDesk {__version__}")
    parser.add_argument("--db", metavar="URL", help="database URL (default: the file in your data folder)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language (default: follow the system)")
    parser.add_argument("--demo", action="store_true", help="open the window on a fresh demo database")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    register_all(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    import gc

    gc.disable()  # start-up imports build many objects and no garbage: no cycle scans while they run (~30 ms)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
    finally:
        gc.enable()
    from livedesk.config import app_paths
    from livedesk.logging_setup import setup_logging

    paths = app_paths()
    setup_logging(paths.logs)
    if args.command is None:
        from livedesk.ui.launch import run_gui

        return run_gui(args, paths)
    from livedesk.commands.common import CommandError
    from livedesk.services.db import DatabaseError
    from livedesk.services.importers.errors import ImportFailed

    try:
        return int(args.handler(args, paths) or 0)
    except ImportFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except CommandError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into a command that stopped reading (e.g. `| head`)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter from failing at exit
        return 0
    except Exception:
        log.exception("Command %s failed", args.command)
        print(
            f"error: something went wrong; the details are in {paths.logs / 'livedesk.log'}",
            file=sys.stderr,
        )
        return 1
