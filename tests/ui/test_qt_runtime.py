"""Guards against a known-bad Qt binding: PySide6 6.12.0 on Python 3.11 leaks references to None/True while
painting, which ends a long session in "Fatal Python error: none_dealloc". pyproject excludes that release."""

from __future__ import annotations

import sys

import numpy as np
import pyqtgraph as pg


def test_painting_charts_does_not_drain_references_to_none(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.plot(np.arange(200), np.sin(np.arange(200) / 10))
    widget.resize(400, 300)
    widget.show()
    widget.grab()
    before_none, before_true = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(30):
        widget.grab()
    assert before_none - sys.getrefcount(None) < 30
    assert before_true - sys.getrefcount(True) < 10
