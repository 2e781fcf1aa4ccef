"""Peaks and valleys of the online curve by prominence, tied to segments."""

from __future__ import annotations

import numpy as np
import pytest

from livedesk.services.analysis import curve_moments, find_peaks, find_valleys, segment_at

pytestmark = pytest.mark.usefixtures("laptop_timezone")  # figures must not depend on the laptop's zone


def test_prominence_matches_the_definition() -> None:
    x = [0, 5, 1, 10, 2, 4, 3, 0]
    peaks = {e.index: e.prominence for e in find_peaks(x)}
    assert peaks == {3: 10.0, 1: 4.0, 5: 2.0}  # 5: bases 2 (left, up to 10) and 0 (right)
    assert find_peaks(x)[0].index == 3  # most prominent first
    assert [e.index for e in find_peaks(x, min_prominence=3)] == [3, 1]


def test_flat_top_counts_once_at_its_middle_and_ends_are_not_peaks() -> None:
    assert [e.index for e in find_peaks([1, 3, 3, 3, 1])] == [2]
    assert find_peaks([1, 2, 3, 4]) == []
    assert find_peaks([]) == []


def test_valleys() -> None:
    x = [10, 4, 8, 1, 9, 9]
    valleys = find_valleys(x)
    assert [(v.index, v.value) for v in valleys] == [(3, 1.0), (1, 4.0)]


def test_curve_moments_ignore_noise_and_name_the_segment() -> None:
    rng = np.random.default_rng(1)
    minutes = list(range(120))
    base = np.linspace(200, 800, 120)
    base[60:66] += [200, 500, 800, 500, 200, 50]  # a spike at minute 62
    base[95:101] -= [100, 300, 450, 300, 100, 20]  # a dip at minute 97
    online = [int(v) for v in base + rng.normal(0, 5, 120)]
    segments = [("开场", 0, 5), ("讲解：防晒喷雾", 55, 15), ("逼单", 90, 20)]
    found = curve_moments(minutes, online, segments)
    peaks = [m for m in found if m.kind == "peak"]
    valleys = [m for m in found if m.kind == "valley"]
    assert abs(peaks[0].minute - 62) <= 1 and peaks[0].segment == "讲解：防晒喷雾"
    assert abs(valleys[0].minute - 97) <= 1 and valleys[0].segment == "逼单"
    assert all(m.prominence > 60 for m in found)  # noise of ±5 never shows up


def test_curve_moments_skip_missing_and_short_curves() -> None:
    assert curve_moments([0, 1], [5, 6]) == []
    found = curve_moments([0, 1, 2, 3, 4], [1, None, 9, 2, 1], min_prominence=1)
    assert [(m.kind, m.minute, m.online) for m in found] == [("peak", 2, 9)]


def test_segment_at_boundaries() -> None:
    segments = [("A", 0, 5), ("B", 5, 10)]
    assert segment_at(0, segments) == "A"
    assert segment_at(5, segments) == "B"
    assert segment_at(15, segments) is None
    assert segment_at(3, []) is None
