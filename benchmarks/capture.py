"""What live capture costs (issue 18, point 8), side by side with the console without capture.

`python -m benchmarks.capture [--seconds N] [--busy K]` runs on its own (no generated database needed);
`python -m benchmarks --only capture` adds the rows to the main table.

Each side is a fresh process (Qt offscreen, whose screen grab composes the app's own windows): the live tab on a
stream that is on air, a 952×332 Douyin-style dashboard (tests/ui/dashboards.py) in a window of its own, running
for N seconds from Start (default 120, four readings at the default 30 s interval).

* floor: the console without capture;
* cold: the region set and Start pressed with no reader loaded (the OCR process starts then, and the first
  reading waits for the models);
* drawn: the reader started 3 s before Start, as when the user opens the region picker, drags a rectangle and
  presses Start at once;
* warm: Start pressed once the reader has loaded, as when the console of a live stream with a remembered region
  is shown (the panel loads the reader then).

CPU is the process's and its OCR child's user+system time over wall time, as % of one core, over the whole run
and over the steady part (from the first reading on). Memory added is the capture side's peak RSS plus the OCR
process's RSS, minus the floor's peak RSS. The first reading is Start to the sample in the database; the reader's
loading is split as it reports it (spawn, imports, sessions, first run) plus the first image's OCR time.
--busy K runs K busy loops at normal priority beside each side (the streaming software's encoder, say).
--uncached first drops the OCR stack's files (OpenCV, ONNX Runtime, NumPy, RapidOCR and its models) from the page
cache before the cold side, as after a reboot (Linux; pages another running process maps stay cached).
Targets: ≤ 3 % of one core, ≤ 250 MB more, first reading ≤ 3 s.
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
DRAWN_LEAD_SECONDS = 3.0  # opening the picker, dragging a rectangle, pressing Start
WARM_TIMEOUT_SECONDS = 90.0
MODES = ("floor", "cold", "drawn", "warm")
OCR_STACK = ("numpy", "numpy.libs", "cv2", "opencv_python_headless.libs", "onnxruntime", "rapidocr_onnxruntime",
             "shapely", "shapely.libs", "PIL", "pillow.libs", "pyclipper", "yaml")


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
    from tests.integration.capture_window import logged_samples, open_console

    console = open_console(folder, "成本测试")
    app, tab = console.app, console.tab
    panel = tab.capture_panel
    peak_gui = 0
    first: float | None = None
    first_ocr_ms: list[int] = []
    panel.process.boxes_read.connect(lambda _kind, _boxes, ms: first_ocr_ms.append(ms))
    lead = 0.0  # how long the reader had been loading when Start was pressed
    if mode != "floor":
        panel.set_region("figures", console.board_region())
    if mode in ("drawn", "warm"):
        panel.warm_up()  # what opening the region picker, or showing a live stream's console, does
        loading_from = time.monotonic()
        until = loading_from + (DRAWN_LEAD_SECONDS if mode == "drawn" else WARM_TIMEOUT_SECONDS)
        while time.monotonic() < until and not (mode == "warm" and panel.process.loaded):
            app.processEvents()
            time.sleep(0.02)
        lead = time.monotonic() - loading_from
    blocked: list[float] = []  # what a capture does on the GUI thread: grab, BMP, hand to the pipe
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
        if first is None and mode != "floor" and logged_samples(console):
            first = time.monotonic() - wall_start
            steady_from = (time.monotonic(), cpu_now())
    cpu_end, wall_end = cpu_now(), time.monotonic()
    readings = len(logged_samples(console))
    load_ms = dict(panel.process.load_ms)
    tab.shutdown()
    result = {"mode": mode, "wall": wall_end - wall_start, "cpu": cpu_end - cpu_start, "peak_rss_kb": peak_gui,
              "worker_rss_kb": worker_rss, "first_reading": first, "readings": readings, "lead": lead,
              "load_ms": load_ms, "first_ocr_ms": first_ocr_ms[0] if first_ocr_ms else None,
              "answer_ms": panel.first_reading_ms,  # Start to the reader's answer in the GUI (before logging)
              "gui_block_ms": round(max(blocked, default=0.0) * 1000, 1)}
    if steady_from is not None:
        result["steady_cpu"] = cpu_end - steady_from[1]
        result["steady_wall"] = wall_end - steady_from[0]
    console.db.close()
    return result


def drop_from_page_cache() -> int:
    """posix_fadvise(DONTNEED) on every file of the OCR stack; the bytes asked to be dropped."""
    import numpy

    site = Path(numpy.__file__).resolve().parent.parent
    dropped = 0
    for name in OCR_STACK:
        for path in (site / name).rglob("*"):
            if not path.is_file():
                continue
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                dropped += path.stat().st_size
            finally:
                os.close(fd)
    return dropped


def run_side(mode: str, seconds: float, busy: int = 0) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="livedesk-capture-bench-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIVEDESK_HOME": str(folder / "home"),
           "PYTHONPATH": str(REPO)}
    loops = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(busy)]
    try:
        done = subprocess.run([sys.executable, "-m", "benchmarks.capture", "--child", mode, "--seconds", str(seconds),
                               "--folder", str(folder)], cwd=REPO, env=env, capture_output=True, text=True,
                              timeout=seconds + 240, check=False)
    finally:
        for loop in loops:
            loop.kill()
            loop.wait()
    if done.returncode != 0:
        raise RuntimeError(f"capture benchmark ({mode}) failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(seconds: float, busy: int = 0, uncached: bool = False) -> dict[str, dict[str, object]]:
    results = {}
    for mode in MODES:
        dropped = drop_from_page_cache() if uncached and mode == "cold" else 0
        results[mode] = run_side(mode, seconds, busy)
        results[mode]["uncached_mb"] = round(dropped / 1e6)
    results["floor"]["busy"] = busy
    return results


def _seconds(value: object) -> str:
    return "none" if value is None else f"{float(value):.1f} s"


def rows(results: dict[str, dict[str, object]]) -> list:
    from benchmarks.figures import Row

    floor = results["floor"]
    busy = int(floor.get("busy", 0))
    load = f", {busy} busy core(s) beside it" if busy else ""

    def pct(side: dict[str, object], key: str = "cpu", wall: str = "wall") -> float:
        return 100 * float(side[key]) / max(1e-9, float(side[wall]))

    out = [Row(f"capture: console without capture (floor{load})", measured=f"{pct(floor):.2f} % CPU · "
               f"{int(floor['peak_rss_kb']) // 1024} MB", holds="—")]
    leads = {"cold": "no reader loaded", "drawn": "reader started {0:.0f} s before",
             "warm": "Start as the reader finished loading ({0:.1f} s after it started)"}
    for mode in MODES[1:]:
        side = results[mode]
        first = side["first_reading"]
        phases = dict(side.get("load_ms") or {})
        split = " + ".join(f"{name} {phases[name]}" for name in ("spawn", "imports", "sessions", "first_run")
                           if name in phases)
        note = leads[mode].format(float(side.get("lead", 0)))
        note += f" ({side['uncached_mb']} MB of it dropped from the page cache)" if side.get("uncached_mb") else ""
        note += f"; reader loading (ms): {split}" if split else ""
        note += f"; first image's OCR {side['first_ocr_ms']} ms" if side.get("first_ocr_ms") is not None else ""
        note += f"; answer in the GUI after {side['answer_ms']} ms" if side.get("answer_ms") is not None else ""
        out.append(Row(f"capture ({mode}): first reading after Start", measured=_seconds(first), target="≤ 3 s",
                       holds="yes" if first is not None and float(first) <= 3 else "no", note=note))
    for mode in MODES[1:]:
        side = results[mode]
        added_mb = (int(side["peak_rss_kb"]) + int(side["worker_rss_kb"]) - int(floor["peak_rss_kb"])) / 1024
        steady = pct(side, "steady_cpu", "steady_wall") - pct(floor) if "steady_cpu" in side else float("nan")
        whole = pct(side) - pct(floor)
        out.append(Row(
            f"capture ({mode}) at 30 s: CPU added, steady / whole run", floor=f"{pct(floor):.2f} %",
            measured=f"{steady:.2f} % / {whole:.2f} %", target="≤ 3 % of one core",
            holds="yes" if steady <= 3 else "no",
            note=f"{side['readings']} readings in {float(side['wall']):.0f} s; the whole run from Start"
                 + (" includes loading the models" if mode != "warm" else ""),
        ))
        out.append(Row(f"capture ({mode}): memory added", measured=f"{added_mb:.0f} MB", target="≤ 250 MB",
                       holds="yes" if added_mb <= 250 else "no",
                       note=f"OCR process {int(side['worker_rss_kb']) // 1024} MB"))
        out.append(Row(f"capture ({mode}): GUI thread per capture (grab + BMP)", measured=f"{side['gui_block_ms']} ms",
                       target="≤ 16 ms (a frame)", holds="yes" if float(side["gui_block_ms"]) <= 16 else "no",
                       note="the slowest capture of the run; OCR runs in its own process"))
    return out


def figure(ctx) -> list:
    """Rows for `python -m benchmarks` (the table of issue 8's harness): 120 s a side, 6 s on the tiny size
    (CI's smoke run only keeps the harness working, within its time limit)."""
    return rows(measure(120 if ctx.size == "big" else 6))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.capture", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--busy", type=int, default=0, help="busy loops at normal priority beside each side")
    parser.add_argument("--uncached", action="store_true", help="the cold side starts with the OCR stack not cached")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    if args.child:
        print(json.dumps(child(args.child, args.seconds, args.folder)))
        return 0
    from benchmarks.__main__ import format_table

    results = measure(args.seconds, args.busy, args.uncached)
    print(format_table(rows(results)))
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
