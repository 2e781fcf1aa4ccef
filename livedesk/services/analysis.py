"""Peaks and valleys of the online-viewer curve, by topographic prominence, tied to script segments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SegmentSpan = tuple[str, float, float]  # (title, start minute, minutes)


@dataclass(frozen=True)
class Extremum:
    index: int
    value: float
    prominence: float


@dataclass(frozen=True)
class CurveMoment:
    kind: str  # "peak" or "valley"
    minute: int
    online: int | None
    prominence: float
    segment: str | None


def _local_maxima(x: np.ndarray) -> list[int]:
    """Indices of local maxima; a flat top counts once, at its middle. Ends are never maxima."""
    peaks: list[int] = []
    i, n = 1, len(x)
    while i < n - 1:
        if x[i - 1] < x[i]:
            j = i
            while j + 1 < n and x[j + 1] == x[i]:
                j += 1
            if j + 1 < n and x[j + 1] < x[i]:
                peaks.append((i + j) // 2)
            i = j + 1
        else:
            i += 1
    return peaks


def find_peaks(values: Sequence[float] | np.ndarray, min_prominence: float = 0.0) -> list[Extremum]:
    """Local maxima with their prominence (height above the higher of the two bases), most prominent first.

    Same definition as scipy.signal.peak_prominences: from the peak go left and right until a higher
    sample (or the end); the base on each side is the lowest sample passed.
    """
    x = np.asarray(values, dtype=float)
    found: list[Extremum] = []
    for p in _local_maxima(x):
        height = x[p]
        left = x[:p][::-1]
        higher = np.nonzero(left > height)[0]
        left_base = left[: higher[0]].min() if len(higher) else (left.min() if len(left) else height)
        right = x[p + 1 :]
        higher = np.nonzero(right > height)[0]
        right_base = right[: higher[0]].min() if len(higher) else (right.min() if len(right) else height)
        prominence = float(height - max(left_base, right_base))
        if prominence >= min_prominence and prominence > 0:
            found.append(Extremum(p, float(height), prominence))
    found.sort(key=lambda e: (-e.prominence, e.index))
    return found


def find_valleys(values: Sequence[float] | np.ndarray, min_prominence: float = 0.0) -> list[Extremum]:
    """Local minima with their depth (prominence of the inverted curve), most prominent first."""
    x = np.asarray(values, dtype=float)
    return [Extremum(e.index, -e.value, e.prominence) for e in find_peaks(-x, min_prominence)]


def segment_at(minute: float, segments: Sequence[SegmentSpan]) -> str | None:
    """Title of the segment running at this minute (start inclusive, end exclusive); the later one wins overlaps."""
    active = None
    for title, start, length in segments:
        if start <= minute < start + length:
            active = title
    return active


def curve_moments(
    minutes: Sequence[int],
    online: Sequence[int | None],
    segments: Sequence[SegmentSpan] = (),
    min_prominence: float | None = None,
    max_each: int = 3,
) -> list[CurveMoment]:
    """The most prominent peaks then valleys of the online curve (each most prominent first).

    `minutes` are minutes from the stream's start, one per sample; missing samples are skipped.
    The default threshold is 10% of the curve's range, so ordinary minute-to-minute noise is ignored.
    """
    points = [(m, v) for m, v in zip(minutes, online, strict=True) if v is not None]
    if len(points) < 3:
        return []
    xs = [m for m, _v in points]
    ys = np.array([v for _m, v in points], dtype=float)
    if min_prominence is None:
        min_prominence = max(1.0, 0.10 * float(ys.max() - ys.min()))
    result: list[CurveMoment] = []
    for kind, extrema in (("peak", find_peaks(ys, min_prominence)), ("valley", find_valleys(ys, min_prominence))):
        for e in extrema[:max_each]:
            minute = xs[e.index]
            result.append(CurveMoment(kind, minute, int(e.value), e.prominence, segment_at(minute, segments)))
    return result
