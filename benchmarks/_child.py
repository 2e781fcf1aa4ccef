"""Measurements that need a fresh process: start-up, tab switching + memory, and the live console's CPU.

`python -m benchmarks._child TASK [ARGS]` prints one JSON object on its last line of stdout.
Start-up tasks print `time.monotonic()` at the first paint of the window; the parent subtracts the
monotonic time it took just before starting the process (CLOCK_MONOTONIC is system-wide on Linux).
"""

from __future__ import annotations

import json
import os
import sys
import time


def _emit(result: dict) -> None:
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


def _first_paint(app, window) -> dict:
    """Show the window and run the event loop until the first paint event of a widget inside it."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    result: dict = {}

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if "painted" not in result and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) \
                    and obj.window() is window:
                result["painted"] = time.monotonic()
                QTimer.singleShot(0, app.quit)
            return False

    watch = PaintWatch()
    app.installEventFilter(watch)
    window.show()
    QTimer.singleShot(30_000, app.quit)  # never hang
    app.exec()
    app.removeEventFilter(watch)
    return result


def startup_app(url: str) -> None:
    """What `livedesk` does: the window's frame paints first, the database opens in the background, then
    the schedule fills. Reports the first paint and the moment the schedule tab holds its rows."""
    import argparse

    from livedesk.ui.launch import make_app

    app = make_app()
    from livedesk.config import Preferences, app_paths
    from livedesk.ui.i18n import choose_language, install_language

    paths = app_paths()
    prefs = Preferences.load(paths)
    install_language(app, choose_language(None, prefs.language))
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    result: dict = {}

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if "painted" not in result and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
                result["painted"] = time.monotonic()
            return False

    def ready(code: int) -> None:
        def shown() -> None:  # the schedule tab's rows are in its model and painted
            app.processEvents()
            result["ready"] = time.monotonic()
            app.quit()

        QTimer.singleShot(0, shown) if code == 0 else app.quit()

    watch = PaintWatch()
    app.installEventFilter(watch)
    from livedesk.ui.launch import show_window

    window = show_window(argparse.Namespace(demo=False, db=url, lang=None), paths, prefs, on_finished=ready)
    QTimer.singleShot(60_000, app.quit)  # never hang
    app.exec()
    app.removeEventFilter(watch)
    result["rows"] = window.tab("schedule").model.rowCount() if window.db is not None else 0
    _emit(result)
    os._exit(0)


def startup_floor() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget()
    for name in ("Schedule", "Products", "Script", "Live", "Review"):
        tabs.addTab(QWidget(), name)
    window.setCentralWidget(tabs)
    window.resize(1360, 860)
    _emit(_first_paint(app, window))
    os._exit(0)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _settle(app, seconds: float = 0.0) -> None:
    end = time.perf_counter() + seconds
    app.processEvents()
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def _wait_products(app, window, timeout: float = 60.0) -> None:
    """A big pool loads off the GUI thread: wait for it so switching and memory see the loaded tab."""
    tab = window.tab("products")
    model = getattr(tab, "model", None)
    if model is None:
        return
    end = time.perf_counter() + timeout
    while model.rowCount() == 0 and time.perf_counter() < end:
        _settle(app, 0.05)


def tabs(url: str, runs: int) -> None:
    """Switching to each tab (show_tab + synchronous repaint), then RSS after every tab was visited."""
    from livedesk.ui.launch import make_app

    app = make_app()
    from livedesk.config import app_paths
    from livedesk.services.db import open_database
    from livedesk.ui.main_window import TAB_KEYS, MainWindow

    db = open_database(url)
    window = MainWindow(db, app_paths())
    window.resize(1360, 860)
    window.show()
    _settle(app, 0.2)
    times: dict[str, list[float]] = {key: [] for key in TAB_KEYS}
    for run in range(runs + 1):
        for i, key in enumerate(TAB_KEYS):
            window.show_tab(TAB_KEYS[i - 1])  # come from another tab
            _settle(app)
            start = time.perf_counter()
            window.show_tab(key)
            app.processEvents()
            window.repaint()
            times[key].append((time.perf_counter() - start) * 1000)
            if run == 0 and key == "products":
                _wait_products(app, window)
        _settle(app, 0.1)
    _settle(app, 0.5)
    _emit({"times": times, "rss_mb": _rss_mb()})
    os._exit(0)


def _cpu_over(app, seconds: float) -> dict:
    from PySide6.QtCore import QTimer

    _settle(app, 1.5)  # warm-up: first layouts, caches
    cpu0, wall0 = time.process_time(), time.perf_counter()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {"cpu_s": cpu, "wall_s": wall, "percent": 100 * cpu / wall}


def live_app(url: str, seconds: float) -> None:
    from livedesk.ui.launch import make_app

    app = make_app()
    from livedesk.config import app_paths
    from livedesk.services.db import open_database
    from livedesk.ui.main_window import MainWindow

    db = open_database(url)
    window = MainWindow(db, app_paths())
    window.resize(1360, 860)
    window.show()
    tab = window.show_tab("live")
    _settle(app, 0.2)
    ticking = bool(getattr(getattr(tab, "timer", None), "isActive", lambda: False)())
    result = _cpu_over(app, seconds)
    result["ticking"] = ticking
    result["interval_ms"] = tab.timer.interval() if hasattr(tab, "timer") else None
    _emit(result)
    os._exit(0)


def live_floor(seconds: float, interval_ms: int) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    label = QLabel()
    window.setCentralWidget(label)
    window.resize(1360, 860)
    timer = QTimer()
    timer.setInterval(interval_ms)
    timer.timeout.connect(lambda: label.setText(time.strftime("%H:%M:%S")))
    timer.start()
    window.show()
    result = _cpu_over(app, seconds)
    _emit(result)
    os._exit(0)


def main(argv: list[str]) -> None:
    task, args = argv[0], argv[1:]
    if task == "startup-app":
        startup_app(args[0])
    elif task == "startup-floor":
        startup_floor()
    elif task == "tabs":
        tabs(args[0], int(args[1]))
    elif task == "live-app":
        live_app(args[0], float(args[1]))
    elif task == "live-floor":
        live_floor(float(args[0]), int(args[1]))
    else:
        raise SystemExit(f"unknown task {task}")


if __name__ == "__main__":
    main(sys.argv[1:])
