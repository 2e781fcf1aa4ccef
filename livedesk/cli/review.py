"""`livedesk review import|show` and `livedesk report`.

`review import` and `review show` never load Qt. `report` loads it lazily, because livedesk.rendering paints
the charts and lays the PDF out with Qt; without a display it runs Qt offscreen. No command imports the ui.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from livedesk.cli.common import CommandError, backup_before_import, open_db, print_json
from livedesk.config import Paths

REPORT_SUFFIXES = (".xlsx", ".pdf")


def register(subparsers: argparse._SubParsersAction) -> None:
    review = subparsers.add_parser("review", help="import platform exports for a stream, or show its review")
    actions = review.add_subparsers(dest="action", metavar="ACTION", required=True)

    importing = actions.add_parser(
        "import", help="import export files (trend, whole-session workbook, products, orders) into a stream"
    )
    importing.add_argument("files", nargs="+", metavar="FILE", help=".xlsx, .xls or .csv exports")
    importing.add_argument("--stream", required=True, type=int, metavar="ID", help="the stream's id (see `streams list`)")
    importing.add_argument("--json", action="store_true", help="print what was imported as JSON")
    importing.set_defaults(handler=import_files)

    show = actions.add_parser("show", help="show a stream's review figures")
    show.add_argument("--stream", required=True, type=int, metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=show_review)

    report = subparsers.add_parser(
        "report", help="write a stream's review report, or a day's, week's or month's report (.xlsx or .pdf)"
    )
    report.add_argument("--stream", type=int, metavar="ID", help="the stream's review report (场报)")
    report.add_argument("--period", choices=["day", "week", "month"],
                        help="a period report instead: 日报, 周报 (Monday to Sunday) or 月报")
    report.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                        help="a day inside the period (default: today)")
    report.add_argument("--out", required=True, metavar="FILE", help="FILE.xlsx or FILE.pdf")
    report.add_argument("--lang", dest="report_lang", choices=["zh_CN", "en"],
                        help="language of the report (default: English, or the --lang given before the command)")
    report.add_argument("--json", action="store_true", help="print the file written as JSON")
    report.set_defaults(handler=write_report)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-04") from None


def _stream_missing(stream_id: int) -> CommandError:
    return CommandError(f"Stream {stream_id} does not exist. `livedesk streams list` shows the ids.")


def import_files(args: argparse.Namespace, paths: Paths) -> int:
    import gc

    gc.disable()  # the services' imports and 100,000 order rows: no cycle scans (the import pauses them too)
    try:
        return _import_files(args, paths)
    finally:
        gc.enable()


def _import_files(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.config import Preferences
    from livedesk.services.importers.errors import ImportFailed
    from livedesk.services.importers.file_reads import read_ahead

    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        raise ImportFailed(Path(missing[0]).name, f"File not found: {missing[0]}")
    reads = read_ahead(args.files)  # the files are read while the services load and the database opens
    try:
        from livedesk.services.review import StreamNotFoundError, import_review_files

        db = open_db(args, paths)
        backup_before_import(db, paths)
        try:
            grace = Preferences.load(paths).order_grace_minutes
            summary = import_review_files(db, args.stream, args.files, grace_minutes=grace)
        except StreamNotFoundError:
            raise _stream_missing(args.stream) from None
    finally:
        reads.wait()
    result = {
        "stream": args.stream,
        "files": [report.as_dict() for report in summary.reports],
        "figures": summary.figures,
        "sources": summary.sources,
        "kept": summary.kept,
        "curve_points": summary.curve_points,
        "products": summary.products,
        "channels": summary.channels,
        "orders": summary.orders,
        "moments": summary.moments,
    }
    if args.json:
        print_json(result)
    else:
        for report in summary.reports:
            print(f"{report.file}: {report.kind}, {report.rows} rows")
            if report.session:
                print(f"  session taken: {report.session}")
            if report.orders:
                excluded = ", ".join(f"{n} {reason}" for reason, n in report.orders["excluded"].items() if n)  # type: ignore[union-attr]
                print(f"  orders counted: {report.orders['counted']} lines" + (f"; left out: {excluded}" if excluded else ""))
            if report.unused_columns:
                print("  not used: " + ", ".join(f"{sheet}/{column}" for sheet, column in report.unused_columns))
        print(
            f"Imported into stream {args.stream}: {len(summary.figures)} figures, {summary.curve_points} curve points, "
            f"{summary.products} products, {summary.channels} channels, {summary.orders} orders, "
            f"{summary.moments} moments."
        )
    return 0


def show_review(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.config import Preferences
    from livedesk.services.review import StreamNotFoundError, review_summary

    db = open_db(args, paths)
    try:
        summary = review_summary(db, args.stream, Preferences.load(paths))  # judged as the window judges
    except StreamNotFoundError:
        raise _stream_missing(args.stream) from None
    if args.json:
        print_json(summary)
        return 0
    for key, value in summary.items():
        if isinstance(value, list):
            print(f"{key}: {len(value)}")
        else:
            print(f"{key}: {'—' if value is None else value}")
    return 0


def write_report(args: argparse.Namespace, paths: Paths) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in REPORT_SUFFIXES:
        raise CommandError(
            f"--out {args.out!r}: the report is written as .xlsx or .pdf; end the file name with one of them.",
            exit_code=2,
        )
    if (args.stream is None) == (args.period is None):
        raise CommandError("Give either --stream ID (a stream's review) or --period day|week|month.", exit_code=2)
    if args.date is not None and args.period is None:
        raise CommandError("--date goes with --period: it picks the day, week or month.", exit_code=2)
    from livedesk.services.report_data import stream_exists

    db = open_db(args, paths)
    if args.stream is not None and not stream_exists(db, args.stream):
        raise _stream_missing(args.stream)
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from livedesk.rendering.qt import report_language

    with report_language(args.report_lang or getattr(args, "lang", None) or "en"):
        if args.period is not None:
            from livedesk.rendering.period_report import build_period_report

            day = args.date or dt.date.today()
            path = build_period_report(db, args.period, day, out)
            described: dict[str, object] = {"period": args.period, "date": day.isoformat()}
        else:
            from livedesk.config import Preferences
            from livedesk.rendering.review_report import build_report

            path = build_report(db, args.stream, out, prefs=Preferences.load(paths))
            described = {"stream": args.stream}
    if args.json:
        print_json({**described, "path": str(path.resolve()), "bytes": path.stat().st_size})
    else:
        print(f"Report written to {path}")
    return 0

