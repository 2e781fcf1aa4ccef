"""One function per figure of issue 8's table. Each returns rows for the printed table.

A figure whose code is not in the tree yet returns a row saying "n/a (reason)"; any other failure is an
error of the harness or of the app and is reported as such (and makes `python -m benchmarks` exit 1).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import generate

REPO = Path(__file__).resolve().parent.parent


class NotAvailable(Exception):
    """The code this figure measures is not built yet."""


@dataclass
class Row:
    figure: str
    floor: str = "—"
    measured: str = "—"
    ratio: str = "—"
    target: str = ""
    holds: str = "n/a"
    note: str = ""


@dataclass
class Context:
    size: str
    db_path: Path
    runs: int
    workdir: Path
    log: Callable[[str], None] = print
    memo: dict = field(default_factory=dict)

    @property
    def spec(self) -> generate.Size:
        return generate.SIZES[self.size]

    @property
    def url(self) -> str:
        return f"sqlite:///{self.db_path}"

    def database(self):
        if "db" not in self.memo:
            from livedesk.services.db import open_database

            self.memo["db"] = open_database(self.url)
        return self.memo["db"]

    def close(self) -> None:
        db = self.memo.pop("db", None)
        if db is not None:
            db.close()


# ---------------------------------------------------------------- helpers


def median_of(fn: Callable[[], float], runs: int, warmup: int = 1) -> tuple[float, list[float]]:
    """fn() returns one measurement; warm-up runs are thrown away; the median of `runs` is kept."""
    for _ in range(warmup):
        fn()
    values = [fn() for _ in range(max(1, runs))]
    return statistics.median(values), values


def timed_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def ms(value: float) -> str:
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def yes(ok: bool) -> str:
    return "yes" if ok else "no"


def ratio_row(figure: str, floor: float, measured: float, max_ratio: float, max_ms: float | None, note: str = "",
              fmt: Callable[[float], str] = ms) -> Row:
    ratio = measured / floor if floor > 0 else float("inf")
    target = f"≤ {max_ratio:g}× floor" + (f", ≤ {fmt(max_ms)}" if max_ms is not None else "")
    ok = ratio <= max_ratio and (max_ms is None or measured <= max_ms)
    return Row(figure, fmt(floor), fmt(measured), f"{ratio:.2f}×", target, yes(ok), note)


def child_env() -> dict[str, str]:
    """Child processes run as an installed app would: with bytecode caching (kept under benchmarks/.cache,
    so neither the tree nor the venv gets __pycache__ folders), even where PYTHONDONTWRITEBYTECODE is set."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(generate.CACHE / "pycache")
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_child(*args: str, timeout: float = 300) -> dict:
    done = subprocess.run([sys.executable, "-m", "benchmarks._child", *args], capture_output=True, text=True,
                          cwd=REPO, env=child_env(), timeout=timeout, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"child {args[0]} failed ({done.returncode}): {done.stderr.strip()[-800:]}")
    return json.loads(lines[-1])


def qt_app():
    from livedesk.ui.launch import make_app

    return make_app()


def settle(app, seconds: float = 0.0) -> None:
    end = time.perf_counter() + seconds
    app.processEvents()
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def paths():
    from livedesk.config import app_paths

    return app_paths()


# ---------------------------------------------------------------- start-up


def startup(ctx: Context) -> list[Row]:
    """Process start to the first paint event of the main window, in a fresh process each run."""

    def once(*args: str) -> float:
        start = time.monotonic()
        result = run_child(*args, timeout=120)
        if "painted" not in result:
            raise RuntimeError("the window was never painted")
        return (result["painted"] - start) * 1000

    ready: list[float] = []

    def app_once() -> float:
        start = time.monotonic()
        result = run_child("startup-app", ctx.url, timeout=120)
        if "painted" not in result or not result.get("rows"):
            raise RuntimeError(f"the window was never painted or never filled: {result}")
        ready.append((result["ready"] - start) * 1000)
        return (result["painted"] - start) * 1000

    floor, _ = median_of(lambda: once("startup-floor"), ctx.runs)
    app, values = median_of(app_once, ctx.runs)
    filled = statistics.median(ready[1:] or ready)  # the first call is median_of's warm-up
    return [
        ratio_row("start-up to first paint", floor, app, 1.3, 1500, f"runs: {', '.join(f'{v:.0f}' for v in values)} ms"),
        Row("start-up until the schedule is filled", "—", ms(filled), "—", "≤ 1,500 ms", yes(filled <= 1500),
            "the frame paints first; the database opens off the GUI thread"),
    ]


# ---------------------------------------------------------------- tabs and memory


def _tabs_child(ctx: Context) -> dict:
    if "tabs" not in ctx.memo:
        ctx.memo["tabs"] = run_child("tabs", ctx.url, str(ctx.runs), timeout=600)
    return ctx.memo["tabs"]


def tab_switching(ctx: Context) -> list[Row]:
    """show_tab(key) + a synchronous repaint, coming from the previous tab; first visit reported apart."""
    result = _tabs_child(ctx)
    rows = []
    for key, values in result["times"].items():
        first, rest = values[0], values[1:] or values
        value = statistics.median(rest)
        rows.append(Row(f"switch to {key} tab", "—", ms(value), "—", "≤ 100 ms", yes(value <= 100),
                        f"first visit {ms(first)}"))
    return rows


def memory(ctx: Context) -> list[Row]:
    rss = _tabs_child(ctx)["rss_mb"]
    return [Row("memory, every tab visited (RSS)", "—", f"{rss:.0f} MB", "—", "≤ 400 MB", yes(rss <= 400))]


# ---------------------------------------------------------------- product search


def product_search(ctx: Context) -> list[Row]:
    """Type 'abcd' one character at a time into the products tab's search box (20,000 products)."""
    try:
        from livedesk.ui.products.tab import ProductsTab
    except ImportError as exc:
        raise NotAvailable(f"products tab: {exc}") from exc
    from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
    from PySide6.QtWidgets import QTableView

    from livedesk.services.db import open_database

    app = qt_app()
    pool = generate.ensure_products_database(ctx.size, ctx.log)
    count = ctx.spec.search_products
    db = open_database(f"sqlite:///{pool}")
    tab = ProductsTab(db, paths())
    tab.resize(1360, 860)
    tab.show()
    end = time.perf_counter() + 120
    while tab.model.rowCount() < count and time.perf_counter() < end:
        settle(app, 0.05)
    if tab.model.rowCount() < count:
        raise RuntimeError(f"the products tab loaded {tab.model.rowCount()} of {count} products")
    settle(app, 0.2)
    query = "abcd"
    debounced = hasattr(tab, "search_timer") and hasattr(tab, "apply_filters")

    def type_app() -> list[float]:
        tab.search_edit.clear()
        if debounced:
            tab.apply_filters()
        settle(app)
        out = []
        for n in range(1, len(query) + 1):
            start = time.perf_counter()
            tab.search_edit.setText(query[:n])
            if debounced:
                tab.apply_filters()  # what the 150 ms debounce timer would call; timed directly
            tab.table.repaint()
            out.append((time.perf_counter() - start) * 1000)
        return out

    haystacks = [tab.model._haystack(r) for r in tab.model.rows()]
    source = QStringListModel(haystacks)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.sort(0)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1360, 700)
    view.show()
    settle(app, 0.1)

    def type_floor() -> list[float]:
        proxy.setFilterFixedString("")
        settle(app)
        out = []
        for n in range(1, len(query) + 1):
            start = time.perf_counter()
            proxy.setFilterFixedString(query[:n])
            view.repaint()
            out.append((time.perf_counter() - start) * 1000)
        return out

    def per_key(fn) -> tuple[float, float]:
        fn()  # warm-up
        values = [v for _ in range(max(1, ctx.runs)) for v in fn()]
        return statistics.median(values), max(values)

    floor, _ = per_key(type_floor)
    measured, worst = per_key(type_app)
    tab.hide()
    view.hide()
    tab.deleteLater()
    db.close()
    note = f"{count:,} products; median per keystroke, slowest {ms(worst)}"
    if debounced:
        note += "; search is debounced 150 ms, so apply_filters() is called directly and timed"
    return [ratio_row(f"product search per keystroke ({count:,})", floor, measured, 1.5, 30, note)]


# ---------------------------------------------------------------- review import


def review_import(ctx: Context) -> list[Row]:
    """A 抖店 order export (100,000 rows) plus a per-minute trend file into one stream, vs reading them."""
    from python_calamine import CalamineWorkbook

    from livedesk.services.review import import_review_files

    db = ctx.database()
    stream_id = generate.move_import_stream(db)
    if stream_id is None:
        raise RuntimeError("the benchmark database has no import target stream")
    orders, trend = generate.ensure_import_files(ctx.size, ctx.log)

    def read_floor() -> float:
        begin = time.perf_counter()
        CalamineWorkbook.from_path(str(orders)).get_sheet_by_name("订单").to_python()
        CalamineWorkbook.from_path(str(trend)).get_sheet_by_name("分钟趋势").to_python()
        return (time.perf_counter() - begin) * 1000

    result = {}

    def do_import() -> float:
        begin = time.perf_counter()
        result["summary"] = import_review_files(db, stream_id, [orders, trend])
        return (time.perf_counter() - begin) * 1000

    runs = min(ctx.runs, 3)
    floor, _ = median_of(read_floor, runs)
    measured, _ = median_of(do_import, runs)
    summary = result["summary"]
    if summary.orders != ctx.spec.import_rows:
        raise RuntimeError(f"imported {summary.orders} orders, expected {ctx.spec.import_rows}")
    note = f"{summary.orders:,} orders + {summary.curve_points} curve points"
    return [ratio_row(f"review import ({ctx.spec.import_rows:,} orders + trend)", floor, measured, 2, None, note)]


# the floors of the command-line import: a fresh process that only reads the file
_READ_XLSX = (
    "import sys\n"
    "from python_calamine import CalamineWorkbook\n"
    "rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name('订单').to_python()\n"
    "print(len(rows))\n"
)
_READ_CSV = (
    "import csv, io, sys\n"
    "with open(sys.argv[1], 'rb') as handle:\n"
    "    text = handle.read().decode('utf-8-sig')\n"
    "rows = list(csv.reader(io.StringIO(text, newline='')))\n"
    "print(len(rows))\n"
)


def _timed_process(command: list[str]) -> tuple[float, float, str]:
    """(wall ms, CPU ms of the process, its stdout); raises when it fails."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=child_env(), cwd=REPO, timeout=600, check=False)
    wall = (time.perf_counter() - begin) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:6])}… exited {done.returncode}: {done.stderr.strip()[-800:]}")
    return wall, cpu, done.stdout


def review_import_command(ctx: Context) -> list[Row]:
    """`python -m livedesk --db FRESH review import ORDERS --stream 1` end to end in a fresh process (start-up,
    backup, parse, order rules, store) on the 抖店 order export, against a fresh process that only reads the
    same file: python-calamine for the .xlsx, the csv module after decoding for the .csv. Floor and command
    alternate run by run, so a change in the machine's load falls on both."""
    template = generate.ensure_one_stream_database(ctx.log)
    exports = generate.ensure_order_exports(ctx.size, ctx.log)
    expected = ctx.spec.import_rows
    load = os.getloadavg()[0]
    rows = []
    for path, reader, floor_name in ((exports[0], _READ_XLSX, "python-calamine"), (exports[1], _READ_CSV, "csv module")):
        floor_cmd = [sys.executable, "-c", reader, str(path)]

        def floor_once(floor_cmd=floor_cmd) -> tuple[float, float]:
            wall, cpu, out = _timed_process(floor_cmd)
            if int(out.split()[-1]) != expected + 1:
                raise RuntimeError(f"the floor read {out.strip()} rows, expected {expected + 1}")
            return wall, cpu

        def app_once(path=path) -> tuple[float, float]:
            db_file = ctx.workdir / "one-stream.sqlite3"
            for old in (db_file, Path(f"{db_file}-wal"), Path(f"{db_file}-shm")):
                old.unlink(missing_ok=True)
            db_file.write_bytes(template.read_bytes())  # a fresh database every run
            wall, cpu, out = _timed_process([sys.executable, "-m", "livedesk", "--db", f"sqlite:///{db_file}",
                                             "review", "import", str(path), "--stream", "1", "--json"])
            imported = json.loads(out)["orders"]
            if imported != expected:
                raise RuntimeError(f"the command imported {imported} orders, expected {expected}")
            return wall, cpu

        floor_once(), app_once()  # warm-up
        pairs = [(floor_once(), app_once()) for _ in range(ctx.runs)]
        floor = statistics.median(f[0] for f, _a in pairs)
        measured = statistics.median(a[0] for _f, a in pairs)
        cpu_ratio = statistics.median(a[1] for _f, a in pairs) / statistics.median(f[1] for f, _a in pairs)
        note = (f"{path.suffix} {path.stat().st_size / 1e6:.1f} MB; CPU time {cpu_ratio:.2f}× the floor's; "
                f"runs {', '.join(f'{a[0]:,.0f}/{f[0]:,.0f}' for f, a in pairs)} ms; load average {load:.1f}")
        row = ratio_row(f"review import command, {expected:,} orders ({path.suffix})", floor, measured, 2, None, note)
        row.floor += f" ({floor_name})"
        rows.append(row)
    return rows


# ---------------------------------------------------------------- review charts


def _chart_arrays(seconds: int):
    import numpy as np

    rng = np.random.default_rng(7)
    t = np.arange(seconds, dtype=float)
    minutes = t / 60
    online = 800 + 600 * np.sin(np.pi * t / seconds) + rng.normal(0, 40, seconds)
    series = {
        "online": online.round(),
        "entries": (online * 0.3 + rng.normal(0, 5, seconds)).round(),
        "leaves": (online * 0.25 + rng.normal(0, 5, seconds)).round(),
        "gmv": np.abs(online * 0.1 + rng.normal(0, 20, seconds)).round(2),
        "orders": np.abs(rng.normal(1, 1, seconds)).round(),
        "comments": np.abs(rng.normal(3, 2, seconds)).round(),
    }
    return minutes, series


def _frames(first_view, grab, minutes_total: float) -> list[float]:
    """Pan an hour-wide window across the stream, then zoom in and out; time each range change + render."""
    times = []
    width = 60.0
    for k in range(10):
        left = (minutes_total - width) * k / 9
        times.append(timed_ms(lambda left=left: (first_view.setXRange(left, left + width, padding=0), grab())))
    for width in (720, 360, 120, 30, 5, 30, 120, 360, 720, 240):
        width = min(width, minutes_total)
        centre = minutes_total / 2
        times.append(timed_ms(lambda w=width, c=centre: (first_view.setXRange(c - w / 2, c + w / 2, padding=0), grab())))
    return times


def review_charts(ctx: Context) -> list[Row]:
    """First paint and pan/zoom frames of a per-second stream in ReviewCharts vs bare pyqtgraph plots."""
    try:
        from livedesk.ui.review.charts import ReviewCharts
    except ImportError as exc:
        raise NotAvailable(f"review charts: {exc}") from exc
    import pyqtgraph as pg
    from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

    from livedesk.services.review_views import ChartData

    app = qt_app()
    seconds = ctx.spec.chart_seconds
    minutes, arrays = _chart_arrays(seconds)
    start_at = dt.datetime(2026, 11, 11, 12, 0, tzinfo=dt.timezone.utc)
    data = ChartData(start_at, minutes=minutes.tolist(), series={k: v.tolist() for k, v in arrays.items()})

    def floor_widget():
        outer = QWidget()
        layout = QVBoxLayout(outer)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        canvas = QWidget()
        column = QVBoxLayout(canvas)
        plots = []
        for _name in arrays:
            widget = pg.PlotWidget()
            widget.setMinimumHeight(170)
            widget.setBackground("w")
            item = widget.getPlotItem()
            item.setDownsampling(auto=True, mode="peak")
            item.setClipToView(True)
            if plots:
                widget.setXLink(plots[0])
            plots.append(widget)
            column.addWidget(widget)
        scroll.setWidget(canvas)
        layout.addWidget(scroll)
        outer.resize(1200, 900)
        outer.show()
        return outer, plots

    def floor_first() -> float:
        outer, plots = floor_widget()
        settle(app)
        begin = time.perf_counter()
        for widget, values in zip(plots, arrays.values(), strict=True):
            widget.getPlotItem().plot(minutes, values, pen=pg.mkPen("#2563eb", width=1.5))
        outer.grab()
        spent = (time.perf_counter() - begin) * 1000
        ctx.memo["floor_charts"] = (outer, plots)
        return spent

    def app_first() -> float:
        charts = ReviewCharts()
        charts.resize(1200, 900)
        charts.show()
        settle(app)
        begin = time.perf_counter()
        charts.set_data(data)
        charts.grab()
        spent = (time.perf_counter() - begin) * 1000
        ctx.memo["app_charts"] = charts
        return spent

    runs = min(ctx.runs, 3)
    floor_paint, _ = median_of(floor_first, runs)
    app_paint, _ = median_of(app_first, runs)
    outer, plots = ctx.memo.pop("floor_charts")
    charts = ctx.memo.pop("app_charts")
    total = float(minutes[-1])
    floor_frames = _frames(plots[0].getPlotItem().getViewBox(), outer.grab, total)
    first_plot = next(iter(charts.plots.values()))
    app_frames = _frames(first_plot.getPlotItem().getViewBox(), charts.grab, total)
    outer.close()
    charts.close()
    label = f"{seconds:,} s × {len(arrays)} series"
    return [
        ratio_row(f"review charts first paint ({label})", floor_paint, app_paint, 1.5, None,
                  "set_data/plot + grab(); app gets lists (ChartData), floor numpy arrays"),
        ratio_row("review charts pan/zoom frame", statistics.median(floor_frames), statistics.median(app_frames), 1.5, 16,
                  f"median of 20 setXRange + grab(); slowest app frame {ms(max(app_frames))}"),
    ]


# ---------------------------------------------------------------- trends


def trends(ctx: Context) -> list[Row]:
    from livedesk.services.review_views import trends as trend_rows

    db = ctx.database()
    rows = []
    for period in ("day", "week", "month"):
        value, _ = median_of(lambda p=period: timed_ms(lambda: trend_rows(db, p)), ctx.runs)
        count = sum(r.streams for r in trend_rows(db, period))
        rows.append(Row(f"trends by {period} ({count} streams)", "—", ms(value), "—", "≤ 200 ms", yes(value <= 200)))
    return rows


# ---------------------------------------------------------------- full report


def full_report(ctx: Context) -> list[Row]:
    from sqlalchemy import func, select

    from livedesk.models import OrderLine, Review
    from livedesk.rendering.review_report import build_report

    qt_app()
    db = ctx.database()
    with db.session() as s:
        review_id = s.scalar(select(func.max(OrderLine.review_id)))
        stream_id = s.scalar(select(Review.stream_id).where(Review.id == review_id)) if review_id else None
        if stream_id is None:
            stream_id = s.scalar(select(func.max(Review.stream_id)))
    rows = []
    for suffix in (".xlsx", ".pdf"):
        out = ctx.workdir / f"report{suffix}"
        value, _ = median_of(lambda out=out: timed_ms(lambda: build_report(db, stream_id, out)), min(ctx.runs, 3))
        rows.append(Row(f"full report ({suffix})", "—", ms(value), "—", "≤ 3 s", yes(value <= 3000),
                        f"{out.stat().st_size / 1024:.0f} KB"))
    return rows


# ---------------------------------------------------------------- live console


def live_console(ctx: Context) -> list[Row]:
    if not (REPO / "livedesk" / "ui" / "live" / "tab.py").exists():
        raise NotAvailable("livedesk/ui/live/ not built yet")
    live_id = generate.refresh_live_stream(ctx.database())
    if live_id is None:
        raise RuntimeError("the benchmark database has no live stream")
    seconds = 10.0 if ctx.size == "big" else 2.0
    runs = min(ctx.runs, 3)
    apps = [run_child("live-app", ctx.url, str(seconds), timeout=180) for _ in range(runs)]
    interval = apps[0].get("interval_ms") or 250
    floors = [run_child("live-floor", str(seconds), str(interval), timeout=180) for _ in range(runs)]
    app = statistics.median(r["percent"] for r in apps)
    floor = statistics.median(r["percent"] for r in floors)
    note = f"{seconds:g} s per run, timer {interval} ms, ticking: {yes(all(r['ticking'] for r in apps))}"

    def pct(value: float) -> str:
        return f"{value:.1f}% core"

    row = ratio_row("live console CPU while ticking", floor, app, float("inf"), 3, note, fmt=pct)
    row.target = "≤ 3% of one core"
    return [row]


# ---------------------------------------------------------------- command line


def cli(ctx: Context) -> list[Row]:
    env = child_env()
    command = [sys.executable, "-m", "livedesk", "--db", ctx.url, "streams", "list", "--json"]
    floor_cmd = [sys.executable, "-c", "import sqlalchemy"]

    def wall(cmd: list[str]) -> float:
        begin = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=REPO, check=True,
                       timeout=120)
        return (time.perf_counter() - begin) * 1000

    floor, _ = median_of(lambda: wall(floor_cmd), ctx.runs)
    measured, _ = median_of(lambda: wall(command), ctx.runs)
    probe = (
        "import sys, contextlib, io\n"
        "from livedesk.app import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main(['--db', {ctx.url!r}, 'streams', 'list', '--json'])\n"
        "print(rc, any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=REPO, check=True)
    rc, qt = done.stdout.split()
    row = ratio_row("CLI `streams list --json`", floor, measured, 3, None, f"exit {rc}; Qt imported: {qt.lower()}")
    row.floor += " (import sqlalchemy)"
    if qt == "True":
        row.holds = "no"
    row.target += ", no Qt"
    return [row]


FIGURES: list[tuple[str, Callable[[Context], list[Row]]]] = [
    ("startup", startup),
    ("tabs", tab_switching),
    ("search", product_search),
    ("import", review_import),
    ("import-command", review_import_command),
    ("charts", review_charts),
    ("trends", trends),
    ("report", full_report),
    ("live", live_console),
    ("memory", memory),
    ("cli", cli),
    ("compliance", lambda ctx: __import__("benchmarks.compliance", fromlist=["figure"]).figure(ctx)),
]


def new_workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="livedesk-bench-"))
