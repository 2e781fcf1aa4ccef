"""`livedesk products import|export|list`: the 选品表 on the command line (no Qt imported here)."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from livedesk.cli.common import CommandError, backup_before_import, open_db, print_json
from livedesk.config import Paths, Preferences


def register(subparsers: argparse._SubParsersAction) -> None:
    products = subparsers.add_parser("products", help="import, export or list the product pool (选品池)")
    actions = products.add_subparsers(dest="action", metavar="ACTION", required=True)

    importing = actions.add_parser("import", help="import a 选品表 (.xlsx or .csv); any bad row means nothing is written")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--json", action="store_true", help="print the result as JSON")
    importing.set_defaults(handler=import_products)

    exporting = actions.add_parser("export", help="export the pool as a 选品表 (.xlsx or .csv by the file's suffix)")
    exporting.add_argument("file", metavar="FILE.xlsx|FILE.csv")
    exporting.set_defaults(handler=export_products)

    listing = actions.add_parser("list", help="list every product with its margin and warnings")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=list_products)


def _number(value: Decimal | int | None) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, int):
        return value
    return float(value)


def import_products(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.services.importers.product_sheet import apply_import, read_product_sheet

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"{args.file}: no such file. Give the path of a .xlsx or .csv 选品表.")
    preview = read_product_sheet(path)
    if preview.problems:
        print(
            f"error: {preview.file_name}: {len(preview.bad_rows) or len(preview.problems)} row(s) have problems, "
            "so nothing was imported. Fix them in the file and import it again.",
            file=sys.stderr,
        )
        for problem in preview.problems:
            print(f"  - {problem.describe()}", file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 3
    db = open_db(args, paths)
    backup_before_import(db, paths)
    with db.session() as session:
        result = apply_import(session, preview)
    rows = len(preview.good)
    # how each distinct commission cell was read (a bare 1 is 1%, 0.2 is 20%): the one rule, shown
    readings = list(dict.fromkeys(r for item in preview.good if (r := item.readings.get("commission_rate"))))
    if args.json:
        print_json(
            {
                "file": preview.file_name,
                "sheet": preview.sheet,
                "rows": rows,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "skipped_rows": preview.skipped_rows,
                "ignored_columns": list(preview.ignored_columns),
                "commission_readings": readings,
            }
        )
    else:
        print(
            f"Imported {rows} row(s) from {preview.file_name}: {result.created} created, "
            f"{result.updated} updated, {result.unchanged} unchanged."
        )
        if readings:
            shown = ", ".join(readings[:12]) + (" …" if len(readings) > 12 else "")
            print(f"佣金 commission read as: {shown}")
    return 0


def export_products(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.services.exporters.product_sheet import export_products as export

    suffix = Path(args.file).suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise CommandError(f"{args.file}: the file name must end in .xlsx or .csv.", exit_code=2)
    db = open_db(args, paths)
    with db.session() as session:
        summary = export(session, args.file)
    print(f"Exported {summary.rows} product(s) to {summary.path}")
    return 0


def product_to_json(row) -> dict:
    return {
        "id": row.id,
        "sku": row.sku,
        "name": row.name,
        "category": row.category,
        "role": row.role,
        "list_price": _number(row.list_price),
        "live_price": _number(row.live_price),
        "cost": _number(row.cost),
        "commission_rate": _number(row.commission_rate),
        "gross_margin": _number(row.gross_margin),
        "stock": row.stock,
        "safety_stock": row.safety_stock,
        "supplier": row.supplier,
        "qualification": row.qualification,
        "selling_points": row.selling_point_count,
        "upcoming_units": row.upcoming_units,
        "recent_click_rate": _number(row.recent_click_rate),
        "flags": list(row.flags),
    }


def list_products(args: argparse.Namespace, paths: Paths) -> int:
    from livedesk.services import products

    db = open_db(args, paths)
    rules = products.Rules.from_preferences(Preferences.load(paths))
    with db.session() as session:
        rows = products.list_products(session, rules)
    if args.json:
        print_json([product_to_json(r) for r in rows])
    else:
        for r in rows:
            margin = f"{float(r.gross_margin) * 100:5.1f}%" if r.gross_margin is not None else "    —"
            price = f"¥{r.live_price}" if r.live_price is not None else "—"
            flags = ",".join(r.flags)
            print(f"{r.sku:<16} {r.role:<8} {price:>10} {margin} {r.stock if r.stock is not None else '—':>6}  {r.name}  {flags}")
    return 0
