"""A file built in steps, for a progress bar with Cancel."""

from __future__ import annotations

from collections.abc import Callable

from livedesk.services.review import ImportCancelledError

Progress = Callable[[int, int, str], None]


class Steps:
    """Say each step to `progress(done, total, message)`; stop with ImportCancelledError once `cancelled()`."""

    def __init__(self, total: int, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None):
        self.total, self.progress, self.cancelled = total, progress, cancelled

    def __call__(self, done: int, message: str) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelledError()
        if self.progress is not None:
            self.progress(done, self.total, message)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total, "Done")
