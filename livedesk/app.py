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
    from livedesk.cli import register_all

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

    if (sys.argv[1:] if argv is None else argv)[:1] == ["--capture-worker"]:  # the frozen app's OCR process
        from livedesk.services.capture.worker import main as capture_worker

        return capture_worker()

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
    from livedesk.cli.common import CommandError, close_databases
    from livedesk.services.errors import DatabaseDamaged, DatabaseError
    from livedesk.services.faults import environment_fault, retry_when_locked
    from livedesk.services.importers.errors import ImportFailed

    try:
        try:
            # a database another program keeps locked: the whole command (one unit of work, rolled back) again
            return int(retry_when_locked(lambda: args.handler(args, paths), lambda text: print(text, file=sys.stderr)) or 0)
        finally:
            close_databases()
    except ImportFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except CommandError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except DatabaseDamaged as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(_restore_advice(exc, args, paths), file=sys.stderr)
        return EXIT_BAD_INPUT
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into a command that stopped reading (e.g. `| head`)
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter from failing at exit
        return 0
    except Exception as exc:
        fault = environment_fault(exc, None)  # a full disk, a read-only folder… met outside a unit of work
        if fault is not None:
            log.warning("Command %s stopped: %s", args.command, exc)
            print(f"error: {fault}", file=sys.stderr)
            return EXIT_BAD_INPUT
        log.exception("Command %s failed", args.command)
        print(
            f"error: something went wrong; the details are in {paths.logs / 'livedesk.log'}",
            file=sys.stderr,
        )
        return 1


def exit_without_teardown(code: int) -> None:
    """End a finished command at once: output flushed and logs closed, but no interpreter teardown, which
    frees every object one by one (a 100,000-order import leaves millions; ~0.1 s). Commands close their
    databases themselves (`close_databases`), and nothing in the app registers exit handlers."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`) or a closed stream: nothing more to say
            pass
    logging.shutdown()
    os._exit(code)


def _restore_advice(exc, args: argparse.Namespace, paths) -> str:
    """The command that restores the damaged database's latest backup, when there is one."""
    from livedesk.services.backup import latest_backup
    from livedesk.services.messages import translate

    latest = latest_backup(paths, exc.database_uid, exc.path.name)
    if latest is None:
        return translate("Messages", "No backup of this database was found in {0}.").format(paths.backups)
    db_option = f'--db "{args.db}" ' if args.db else ""
    return translate("Messages", "Its latest backup is {0}. To restore it: livedesk {1}restore \"{0}\"").format(
        latest, db_option
    )
