"""`livedesk script import|check|export`: the run of show from the command line.

`import` and `check` never import Qt; `export` to .pdf starts an offscreen Qt for text layout.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from livedesk.cli.common import CommandError, backup_before_import, open_db, print_json
from livedesk.config import Paths


def register(subparsers: argparse._SubParsersAction) -> None:
    script = subparsers.add_parser("script", help="import, check or export a stream's script (直播脚本)")
    actions = script.add_subparsers(dest="action", metavar="ACTION", required=True)

    imp = actions.add_parser("import", help="replace a stream's script with the team's Excel script")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--stream", required=True, type=int, metavar="ID")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    imp.add_argument("--add-to-pool", action="store_true",
                     help="also create the products the script names that the pool lacks, and link them")
    imp.set_defaults(handler=import_script)

    check = actions.add_parser("check", help="list risky words (compliance findings) in a stream's script")
    check.add_argument("--stream", required=True, type=int, metavar="ID")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.set_defaults(handler=check_script)

    export = actions.add_parser("export", help="write the run sheet as .xlsx or .pdf")
    export.add_argument("--stream", required=True, type=int, metavar="ID")
    export.add_argument("--out", required=True, metavar="FILE")
    export.set_defaults(handler=export_script)


def _require_stream(session, stream_id: int) -> None:
    from livedesk.models import Stream

    if session.get(Stream, stream_id) is None:
        raise CommandError(f"--stream {stream_id}: there is no stream with this id (see `livedesk streams list`).")


def import_script(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.services import script_pool, scripts
    from livedesk.services.importers.script_sheet import parse_script_sheet, write_script_sheet

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"{args.file}: no such file.")
    db = open_db(args, paths)
    backup_before_import(db, paths)
    with db.session() as session:  # one unit of work: a failure leaves the old script untouched
        _require_stream(session, args.stream)
        replaced = len(scripts.list_segments(session, args.stream))
        sheet = parse_script_sheet(session, args.stream, path)  # read and parsed once
        unmatched = sheet.unmatched if args.add_to_pool else []
        segments = write_script_sheet(session, args.stream, sheet)
        session.flush()
        added = script_pool.add_unmatched_to_pool(session, args.stream, unmatched) if (
            args.add_to_pool and script_pool.addable(session, script_pool.unmatched_in_script(session, args.stream))
        ) else None
        segments = scripts.list_segments(session, args.stream)
        plan = scripts.plan_for(session, args.stream)
        result = {
            "stream": args.stream,
            "segments": len(segments),
            "replaced": replaced,
            "with_product": sum(1 for s in segments if s.product_id is not None),
            # named by the script but not in the product pool: kept on their segments (add them to the pool)
            "unmatched_products": [u.name for u in script_pool.unmatched_in_script(session, args.stream)],
            "added_to_pool": sorted(added.created) if added else [],
            "total_seconds": int(plan.total_seconds),
            "issues": [i.describe() for i in plan.issues()],
        }
    if args.json:
        print_json(result)
    else:
        print(f"Imported {result['segments']} segment(s) into stream {args.stream} (replaced {replaced}).")
        if result["added_to_pool"]:
            print(f"  added to the product pool: {'、'.join(result['added_to_pool'])}")
        if result["unmatched_products"]:
            print(f"  not in the product pool (kept on their segments): {'、'.join(result['unmatched_products'])}; "
                  "import the 选品表, or run again with --add-to-pool")
        for issue in result["issues"]:
            print(f"  note: {issue}")
    return 0


def check_script(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.services import compliance

    db = open_db(args, paths)
    with db.session() as session:
        _require_stream(session, args.stream)
        findings = compliance.check_script(session, args.stream)
    rules = compliance.legal_rules()
    rows = [
        {
            "segment": f.segment_title,
            "segment_id": f.segment_id,
            "field": f.field,
            "term": f.term,
            "category": f.category,
            "category_label": compliance.CATEGORIES.get(f.category, f.category),
            "rule": f.rule,
            "rule_source": rules[f.rule].source if f.rule in rules else "",
            "severity": f.severity,
            "entry": f.entry,
            "context": f.context,
            "suggestion": f.suggestion,
            "start": f.start,
            "end": f.end,
        }
        for f in findings
    ]
    if args.json:
        print_json(rows)
    elif not rows:
        print("No risky words found.")
    else:
        for r in rows:
            print(f"{r['segment']}  [{r['field']}]  {r['term']}  ({r['category_label']}, {r['severity']})"
                  f"  → {r['suggestion']}")
        print(f"{len(rows)} finding(s).")
    return 0


def export_script(args: argparse.Namespace, paths: Paths) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise CommandError(f"--out {args.out}: the file name must end in .xlsx or .pdf.")
    if not out.parent.exists():
        raise CommandError(f"--out {args.out}: the folder {out.parent} does not exist.")
    db = open_db(args, paths)
    with db.session() as session:
        _require_stream(session, args.stream)
        if suffix == ".xlsx":
            from livedesk.services.exporters.script_sheet import export_script_sheet

            export_script_sheet(session, args.stream, out)
        else:
            from livedesk.rendering.qt import ensure_application
            from livedesk.rendering.script_pdf import export_script_pdf
            from livedesk.services.run_sheet import run_sheet

            ensure_application()
            export_script_pdf(run_sheet(session, args.stream), out)
    print(f"Wrote {out}")
    return 0
