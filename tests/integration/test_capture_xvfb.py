"""End to end on a real X server: a dashboard window is captured by the live console (QScreen.grabWindow on
X11, the OCR worker process, the mapping) and its figures are logged as captured. Needs Xvfb (xvfb-run);
.ci/run installs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from ctypes.util import find_library
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(shutil.which("xvfb-run") is None,
                       reason="Xvfb is not installed (apt-get install xvfb xauth): no X server to capture from"),
    pytest.mark.skipif(find_library("xcb-cursor") is None,
                       reason="Qt's xcb platform needs libxcb-cursor0 (apt-get install libxcb-cursor0 and the xcb libraries "
                              "in .ci/run)"),
]


def test_a_real_window_is_captured_and_logged(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT), LIVEDESK_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1200x24", sys.executable, "-m", "tests.integration.capture_window",
         str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["platform"] == "xcb"
    assert result["samples"], result["status"]
    sample = result["samples"][0]
    assert sample["source"] == "capture"
    assert (sample["online"], sample["uv"], sample["orders"]) == (1234, 56000, 356)
    assert Decimal(sample["gmv"]) == Decimal("125000") and Decimal(sample["click_rate"]) == Decimal("0.082")
