"""`python -m benchmarks [--size tiny|big] [--db PATH] [--runs N] [--only a,b]`: the table of issue 8.

Every timing is the median of N runs after a warm-up run; floors are measured in the same run on the
same machine. Qt runs offscreen (QT_QPA_PLATFORM=offscreen unless set) and LiveDesk's folders point at a
throwaway LIVEDESK_HOME, so the user's settings are never touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
import traceback


def format_table(rows) -> str:
    headers = ["figure", "floor", "measured", "ratio", "target", "holds"]
    cells = [[r.figure, r.floor, r.measured, r.ratio, r.target, r.holds] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h) for i, h in enumerate(headers)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)),
             "-|-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    notes = [f"  {r.figure}: {r.note}" for r in rows if r.note]
    if notes:
        lines += ["", "notes:", *notes]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["tiny", "big"], default="big")
    parser.add_argument("--db", metavar="PATH", help="a team database to use (default: the cached generated one)")
    parser.add_argument("--runs", type=int, default=3, help="measured runs per figure, after one warm-up (default 3)")
    parser.add_argument("--only", metavar="NAMES", help="comma-separated figures to run: " + ", ".join(
        ["startup", "tabs", "search", "import", "import-command", "charts", "trends", "report", "live", "memory",
         "cli", "compliance", "capture"]))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = None
    if "LIVEDESK_HOME" not in os.environ:
        import tempfile

        home = tempfile.mkdtemp(prefix="livedesk-bench-home-")
        os.environ["LIVEDESK_HOME"] = home

    from benchmarks import generate
    from benchmarks.figures import FIGURES, Context, NotAvailable, Row, new_workdir

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    began = time.perf_counter()
    db_path = generate.ensure_database(args.size, args.db, log)
    workdir = new_workdir()
    ctx = Context(args.size, db_path, max(1, args.runs), workdir, log)
    wanted = set(args.only.split(",")) if args.only else None
    rows: list[Row] = []
    failed = False
    try:
        for name, figure in FIGURES:
            if wanted and name not in wanted:
                continue
            log(f"measuring {name}…")
            start = time.perf_counter()
            try:
                rows += figure(ctx)
            except NotAvailable as exc:
                rows.append(Row(name, measured=f"n/a ({exc})"))
            except Exception as exc:  # report and go on: one broken figure must not hide the others
                failed = True
                traceback.print_exc(file=sys.stderr)
                rows.append(Row(name, measured=f"error: {type(exc).__name__}: {str(exc)[:120]}", holds="no"))
            log(f"  {name} took {time.perf_counter() - start:.1f} s")
    finally:
        ctx.close()
        shutil.rmtree(workdir, ignore_errors=True)
        if home:
            shutil.rmtree(home, ignore_errors=True)
    print(f"LiveDesk benchmarks — size {args.size}, {ctx.runs} run(s) after a warm-up, database {db_path.name}")
    print(format_table(rows))
    print(f"\n(total {time.perf_counter() - began:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
