"""What live capture costs (issue 18, point 8), side by side with the console without capture.

`python -m benchmarks.capture [--seconds N]` runs on its own (no generated database needed);
`python -m benchmarks --only capture` adds the rows to the main table.

Each side is a fresh process (Qt offscreen, whose screen grab composes the app's own windows): the live tab on a
stream that is on air, a 952×332 Douyin-style dashboard (tests/ui/dashboards.py) in a window of its own, running
for N seconds (default 120, four readings at the default 30 s interval).

* floor: the console without capture;
* capture (cold): the region set, Start pressed at once, so the OCR process starts then (the first reading waits
  for the models to load);
* capture (warm): the region drawn first (which starts the reader, as the panel does), Start pressed 8 s later.

CPU is the process's and its OCR child's user+system time over wall time, as % of one core, over the whole run
and over the steady part (from the first reading on). Memory added is the capture side's peak RSS plus the OCR
process's RSS, minus the floor's peak RSS. Targets: ≤ 3 % of one core, ≤ 250 MB more, first reading ≤ 3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WARM_LEAD_SECONDS = 8.0


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _own_cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def _child_cpu(pid: int) -> float:
    """User+system seconds of a running child (from /proc; RUSAGE_CHILDREN counts it only once it is reaped)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def child(mode: str, seconds: float, folder: Path) -> dict[str, object]:
    """One side of the comparison, in this (fresh) process."""
    import datetime as dt

    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication, QLabel

    from livedesk.config import Paths
    from livedesk.models import Script, Segment, Stream
    from livedesk.services import live
    from livedesk.services.db import open_database
    from tests.ui.dashboards import DOUYIN, render

    app = QApplication(sys.argv[:1])
    paths = Paths(folder / "data", folder / "config", folder / "logs")
    for path in (paths.data, paths.config, paths.logs):
        path.mkdir(parents=True, exist_ok=True)
    db = open_database(f"sqlite:///{paths.default_database}")
    now = dt.datetime.now(dt.timezone.utc)
    with db.session() as s:
        stream = Stream(title="成本测试", start_at=now - dt.timedelta(minutes=5), planned_minutes=120, account="店A")
        s.add(stream)
        s.flush()
        script = Script(stream_id=stream.id)
        s.add(script)
        s.flush()
        s.add(Segment(script_id=script.id, position=0, title="开场", start_seconds=0, duration_seconds=7200))
        live.go_live(s, stream.id, stream.start_at)
        stream_id = stream.id
    board = QLabel()
    board.setPixmap(QPixmap.fromImage(render(DOUYIN)))
    board.move(0, 0)
    board.show()
    from livedesk.ui.live.tab import LiveTab

    tab = LiveTab(db, paths)
    tab.resize(1200, 800)
    tab.move(0, board.height() + 40)
    tab.show()
    tab.load_stream(stream_id)
    app.processEvents()
    panel = tab.capture_panel
    peak_gui = 0
    first: float | None = None
    if mode != "floor":
        panel.set_region("figures", QRect(board.geometry().topLeft(), board.geometry().size()))
        if mode == "warm":
            panel.warm_up()
            lead = time.monotonic() + WARM_LEAD_SECONDS
            while time.monotonic() < lead:
                app.processEvents()
                time.sleep(0.02)
    blocked: list[float] = []  # what a capture does on the GUI thread: grab, PNG, hand to the pipe
    grab = panel.capture_now

    def timed_capture() -> None:
        started = time.perf_counter()
        grab()
        blocked.append(time.perf_counter() - started)

    panel.capture_now = timed_capture
    panel.timer.timeout.disconnect()
    panel.timer.timeout.connect(timed_capture)

    def cpu_now() -> float:  # this process and the OCR process while it runs
        process = panel.process.process
        return _own_cpu() + (_child_cpu(process.processId()) if process is not None else 0.0)

    cpu_start, wall_start = cpu_now(), time.monotonic()
    if mode != "floor":
        panel.set_running(True)
    steady_from: tuple[float, float] | None = None
    worker_rss = 0
    deadline = wall_start + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
        peak_gui = max(peak_gui, _rss_kb(os.getpid()))
        if panel.process.process is not None:
            worker_rss = max(worker_rss, _rss_kb(panel.process.process.processId()))
        if first is None and mode != "floor":
            with db.session() as s:
                samples = live.metric_samples(s, stream_id)
            if samples:
                first = time.monotonic() - wall_start
                steady_from = (time.monotonic(), cpu_now())
    cpu_end, wall_end = cpu_now(), time.monotonic()
    with db.session() as s:
        readings = len(live.metric_samples(s, stream_id))
    tab.shutdown()
    result = {"mode": mode, "wall": wall_end - wall_start, "cpu": cpu_end - cpu_start, "peak_rss_kb": peak_gui,
              "worker_rss_kb": worker_rss, "first_reading": first, "readings": readings,
              "gui_block_ms": round(max(blocked, default=0.0) * 1000, 1)}
    if steady_from is not None:
        result["steady_cpu"] = cpu_end - steady_from[1]
        result["steady_wall"] = wall_end - steady_from[0]
    db.close()
    return result


def run_side(mode: str, seconds: float) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="livedesk-capture-bench-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIVEDESK_HOME": str(folder / "home"),
           "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "benchmarks.capture", "--child", mode, "--seconds", str(seconds),
                           "--folder", str(folder)], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=seconds + 240, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"capture benchmark ({mode}) failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(seconds: float) -> dict[str, dict[str, object]]:
    return {mode: run_side(mode, seconds) for mode in ("floor", "cold", "warm")}


def rows(results: dict[str, dict[str, object]]) -> list:
    from benchmarks.figures import Row

    floor = results["floor"]

    def pct(side: dict[str, object], key: str = "cpu", wall: str = "wall") -> float:
        return 100 * float(side[key]) / max(1e-9, float(side[wall]))

    out = [Row("capture: console without capture (floor)", measured=f"{pct(floor):.2f} % CPU · "
               f"{int(floor['peak_rss_kb']) // 1024} MB", holds="—")]
    for mode in ("cold", "warm"):
        side = results[mode]
        added_mb = (int(side["peak_rss_kb"]) + int(side["worker_rss_kb"]) - int(floor["peak_rss_kb"])) / 1024
        steady = pct(side, "steady_cpu", "steady_wall") - pct(floor) if "steady_cpu" in side else float("nan")
        whole = pct(side) - pct(floor)
        first = side["first_reading"]
        first_text = "none" if first is None else f"{float(first):.1f} s"
        out.append(Row(
            f"capture ({mode}) at 30 s: CPU added, steady / whole run", floor=f"{pct(floor):.2f} %",
            measured=f"{steady:.2f} % / {whole:.2f} %", target="≤ 3 % of one core",
            holds="yes" if steady <= 3 else "no",
            note=f"{side['readings']} readings in {float(side['wall']):.0f} s; whole run includes loading the models",
        ))
        out.append(Row(f"capture ({mode}): memory added", measured=f"{added_mb:.0f} MB", target="≤ 250 MB",
                       holds="yes" if added_mb <= 250 else "no",
                       note=f"OCR process {int(side['worker_rss_kb']) // 1024} MB"))
        out.append(Row(f"capture ({mode}): first reading after Start", measured=first_text, target="≤ 3 s",
                       holds="yes" if first is not None and float(first) <= 3 else "no"))
        out.append(Row(f"capture ({mode}): GUI thread per capture (grab + PNG)", measured=f"{side['gui_block_ms']} ms",
                       target="≤ 16 ms (a frame)", holds="yes" if float(side["gui_block_ms"]) <= 16 else "no",
                       note="the slowest capture of the run; OCR runs in its own process"))
    return out


def figure(ctx) -> list:
    """Rows for `python -m benchmarks` (the table of issue 8's harness): 120 s a side, 10 s on the tiny size
    (CI's smoke run only keeps the harness working)."""
    return rows(measure(120 if ctx.size == "big" else 10))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.capture", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--child", choices=["floor", "cold", "warm"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    if args.child:
        print(json.dumps(child(args.child, args.seconds, args.folder)))
        return 0
    from benchmarks.__main__ import format_table

    results = measure(args.seconds)
    print(format_table(rows(results)))
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
