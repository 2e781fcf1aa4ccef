"""Run slow work off the GUI thread and hand the result back on it.

Workers get plain data, never widgets. `run_task(fn, on_done, on_error)` runs `fn(progress, cancelled)`
on a thread pool; tests set `TaskRunner.synchronous = True` to run tasks inline.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, cancel: threading.Event):
        super().__init__()
        self.fn, self.signals, self.cancel = fn, signals, cancel

    def run(self) -> None:
        try:
            result = self.fn(lambda done, total: self.signals.progress.emit(done, total), self.cancel.is_set)
        except BaseException as exc:  # delivered to the GUI thread, which decides how to show it
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class TaskHandle:
    def __init__(self, signals: _Signals, cancel: threading.Event):
        self.signals = signals
        self._cancel = cancel

    def cancel(self) -> None:
        self._cancel.set()


class TaskRunner:
    synchronous = False
    _pool: QThreadPool | None = None
    # Each task's signals, kept until it delivers. Keyed by a token so the callbacks below never hold the
    # signals object: a closure over it, held by its own connection, is a cycle Python cannot see through
    # Qt and would keep the callbacks' widgets (their charts and menus) alive for good.
    _alive: dict[object, _Signals] = {}

    @classmethod
    def pool(cls) -> QThreadPool:
        if cls._pool is None:
            cls._pool = QThreadPool()
            cls._pool.setMaxThreadCount(2)
        return cls._pool

    @classmethod
    def run(
        cls,
        fn: Callable[[Progress, Callable[[], bool]], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Progress | None = None,
        owner: QObject | None = None,
    ) -> TaskHandle:
        """`owner`: the widget the answer is for; when it was deleted meanwhile (its window closed), the
        answer is dropped instead of reaching a callback that would touch it."""
        signals = _Signals()
        cancel = threading.Event()
        token = object()
        cls._alive[token] = signals

        def finish(result: Any) -> None:
            cls._alive.pop(token, None)
            if owner is None or shiboken6.isValid(owner):
                on_done(result)

        def fail(exc: BaseException) -> None:
            cls._alive.pop(token, None)
            if owner is None or shiboken6.isValid(owner):
                on_error(exc)
            else:
                log.debug("A task for a closed window failed: %s", exc)

        signals.finished.connect(finish)
        signals.failed.connect(fail)
        if on_progress:
            signals.progress.connect(on_progress)
        job = _Job(fn, signals, cancel)
        if cls.synchronous:
            job.run()
        else:
            cls.pool().start(job)
        return TaskHandle(signals, cancel)

    @classmethod
    def wait(cls, msecs: int = 30000) -> bool:
        return cls.pool().waitForDone(msecs)


def run_task(fn, on_done, on_error, on_progress=None, owner: QObject | None = None) -> TaskHandle:
    return TaskRunner.run(fn, on_done, on_error, on_progress, owner)
