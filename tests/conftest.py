"""Shared fixtures: every test gets its own data folder and a fresh database; Qt runs offscreen."""

from __future__ import annotations

import gc
import os
import tempfile
import threading
import time
import weakref
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app shows times in the computer's zone; the users and the platforms' exports are in China, so the
# tests run there too, whatever zone the CI machine is set to.
os.environ["TZ"] = "Asia/Shanghai"
time.tzset()
# Never touch the user's real data folder or settings, even before the first fixture runs.
os.environ["LIVEDESK_HOME"] = tempfile.mkdtemp(prefix="livedesk-tests-")
os.environ.pop("LIVEDESK_DB", None)

FIXTURES = Path(__file__).resolve().parent / "fixtures"  # in the repository: no test reads outside it


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The slow tests (`@pytest.mark.slow`: the packaging build, the 100-kill crash harness, the 5,000-step
    monkey) run when asked for: `pytest -m slow` (CI's second run, .ci/run) or LIVEDESK_SLOW=1."""
    if "slow" in (config.getoption("markexpr") or "") or os.environ.get("LIVEDESK_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow: `uv run pytest -m slow` runs it (CI does, after the rest)")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("LIVEDESK_HOME", str(home))
    return home


@pytest.fixture
def db(tmp_path: Path):
    from livedesk.services.db import open_database

    database = open_database(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    yield database
    database.close()


@pytest.fixture
def teammate(db):
    """A second connection to the same database: another laptop of the team saving in between."""
    from livedesk.services.db import open_database

    other = open_database(db.url)
    yield other
    other.close()


@pytest.fixture
def paths(isolated_home: Path):
    from livedesk.config import app_paths

    return app_paths()


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


# The review lines platform exports (Beijing time) up with streams entered in the laptop's time: its tests
# run on laptops set to three zones (a module opts in with pytestmark = usefixtures("laptop_timezone")).
LAPTOP_ZONES = ("UTC", "America/Los_Angeles", "Asia/Shanghai")


@pytest.fixture(params=LAPTOP_ZONES)
def laptop_timezone(request: pytest.FixtureRequest):
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


# ---------------------------------------------------------------- nothing left running after a test
# A test that leaves a timer running, a thread alive or a window behind still passes, and the tests after it
# inherit it (a timer firing into a closed database, a thread holding a file; once ~1,600 stray chart menus).
# Each test cleans up after itself; these checks fail the one that does not (and stop or close what it left).
#
# Timers: every QTimer started from Python is noted (QTimer has no registry of its own), and one still active
# after the test's widgets are gone is a leak. Threads: Python threads started during the test must have
# ended (a short grace to finish), and the task pools must be idle. Windows: no top-level widget the test
# made may remain once its owner is closed and Python has let go of it.

_started_timers: weakref.WeakSet = weakref.WeakSet()
THREAD_GRACE_S = 5.0


def _note_timer_starts() -> None:
    from PySide6.QtCore import QTimer

    start = QTimer.start
    if getattr(start, "noted", False):
        return

    def noted_start(self, *args):  # type: ignore[no-untyped-def]
        _started_timers.add(self)
        return start(self, *args)

    noted_start.noted = True  # type: ignore[attr-defined]
    QTimer.start = noted_start  # type: ignore[method-assign]


_note_timer_starts()


def _qapp():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


def _let_go(still_held: Callable[[], bool]) -> None:
    """Run the deletions Qt and Python have pending (closed widgets' deleteLater, then unreachable cycles)
    until nothing is `still_held`: a full collection only when the posted deletions were not enough, since
    each one walks the whole heap."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for attempt in range(4):
        if attempt:
            gc.collect()
        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if not still_held():
            return


def _top_level_widgets() -> list:
    import shiboken6

    app = _qapp()
    if app is None or not hasattr(app, "topLevelWidgets"):
        return []
    return [w for w in app.topLevelWidgets() if shiboken6.isValid(w)]


def _address(widget) -> int:  # type: ignore[no-untyped-def]
    import shiboken6

    return shiboken6.getCppPointer(widget)[0]


def _active_timers() -> list:
    import shiboken6

    return [t for t in list(_started_timers) if shiboken6.isValid(t) and t.isActive()]


def _busy_pools() -> list:
    import sys

    from PySide6.QtCore import QThreadPool

    pools = [QThreadPool.globalInstance()]
    tasks = sys.modules.get("livedesk.ui.tasks")
    if tasks is not None and tasks.TaskRunner._pool is not None:
        pools.append(tasks.TaskRunner._pool)
    return [pool for pool in pools if pool.activeThreadCount() and not pool.waitForDone(int(THREAD_GRACE_S * 1000))]


def _describe(objects: list) -> str:
    counts = Counter(type(o).__name__ + (f" {o.objectName()!r}" if o.objectName() else "") for o in objects)
    return ", ".join(f"{name} ×{n}" if n > 1 else name for name, n in counts.most_common())


def _timer_owner(timer) -> str:  # type: ignore[no-untyped-def]
    parent = timer.parent()
    return f"QTimer({timer.interval()} ms) of {type(parent).__name__ if parent is not None else 'nobody'}"


@pytest.fixture(autouse=True)
def nothing_left_running():
    threads_before = set(threading.enumerate())
    widgets_before = {_address(w) for w in _top_level_widgets()}
    _started_timers.clear()
    yield
    problems: list[str] = []

    def new_widgets() -> list:
        return [w for w in _top_level_widgets() if _address(w) not in widgets_before]

    if new_widgets() or _active_timers():  # hold no reference across the clean-up: it would keep them alive
        _let_go(lambda: bool(new_widgets() or _active_timers()))
    if timers := _active_timers():
        problems.append("timers still running: " + ", ".join(sorted(_timer_owner(t) for t in timers)))
        for timer in timers:
            timer.stop()
        del timers
    if widgets := new_widgets():
        problems.append("top-level widgets left behind: " + _describe(widgets))
        for widget in widgets:  # closed, not deleted: deleting a window out of its own order can crash Qt
            widget.close()
        del widgets

    deadline = time.monotonic() + THREAD_GRACE_S
    threads = [t for t in threading.enumerate() if t not in threads_before and not isinstance(t, threading._DummyThread)]
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    if alive := [t.name for t in threads if t.is_alive()]:
        problems.append("threads still alive: " + ", ".join(sorted(alive)))
    if _busy_pools():
        problems.append(f"thread pool tasks still running after {THREAD_GRACE_S:.0f} s")

    if problems:
        pytest.fail("the test left behind " + "; ".join(problems) + " (clean up in the test or its fixture)",
                    pytrace=False)


@pytest.fixture
def disk_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The name of every file read from disk (tabular.read_sheets is the one reader of workbooks and CSVs),
    with nothing kept from an earlier test."""
    from livedesk.services.importers import file_reads, tabular

    file_reads.forget_all()
    seen: list[str] = []
    real = tabular.read_sheets

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(tabular, "read_sheets", counting)
    yield seen
    file_reads.forget_all()


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run `livedesk ARGS…` in this process: (exit code, stdout, stderr)."""
    from livedesk.app import main

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        out, err = capsys.readouterr()
        return code, out, err

    return run
