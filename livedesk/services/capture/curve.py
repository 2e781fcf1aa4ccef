"""The console's samples as the review's curve when no per-minute export was imported.

A captured series (one reading every N seconds) is the stream's curve for online, GMV, orders and UV; it is
labelled as captured with its interval. Where the controller also typed a sample, the typed one stands and
the capture next to it (within half an interval) is left out. An export imported later takes precedence: the
review shows the export's curve whenever it has one (livedesk/ui/review/tab.py, services/review_views).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from livedesk.models import MetricSample
from livedesk.services.messages import translate

CAPTURE = "capture"


@dataclass(frozen=True)
class CurveSource:
    kind: str  # "typed", "capture" or "mixed" (both)
    interval_seconds: int | None  # the usual gap between captures

    def note(self) -> str:
        """The label the review's chart shows above a curve from the console."""
        if self.kind == "typed":
            return translate("Messages", "Logged during the stream: the numbers typed from the dashboard every few minutes "
                                         "(GMV as a running total). Import the platform's per-minute export for the full curve.")
        every = self.interval_seconds or 0
        if self.kind == "capture":
            return translate("Messages", "Captured from the dashboard every {0} s during the stream (GMV as a running total). "
                                         "An imported per-minute export replaces it.").format(every)
        return translate("Messages", "Captured from the dashboard every {0} s during the stream, with the numbers typed "
                                     "(GMV as a running total). An imported per-minute export replaces it.").format(every)


def curve_samples(samples: Sequence[MetricSample]) -> list[MetricSample]:
    """The samples the curve draws: every typed one, and the captures not within half an interval of one."""
    source = describe(samples)
    typed = [s.at for s in samples if s.source != CAPTURE]
    if source.kind != "mixed" or not typed:
        return list(samples)
    half = (source.interval_seconds or 0) / 2
    return [s for s in samples
            if s.source != CAPTURE or all(abs((s.at - t).total_seconds()) > half for t in typed)]


def describe(samples: Sequence[MetricSample]) -> CurveSource:
    captured = [s.at for s in samples if s.source == CAPTURE]
    if not captured:
        return CurveSource("typed", None)
    gaps = [(b - a).total_seconds() for a, b in zip(captured, captured[1:], strict=False) if b > a]
    interval = round(statistics.median(gaps)) if gaps else None
    kind = "capture" if len(captured) == len(samples) else "mixed"
    return CurveSource(kind, interval)
