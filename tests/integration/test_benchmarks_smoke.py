"""CI keeps the benchmark harness working: one run on the tiny database must finish and exit 0.

Timings are not asserted (timed tests flake); only that every figure runs and the table prints.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_benchmarks_run_on_the_tiny_database(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIVEDESK_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--size", "tiny", "--runs", "1"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    header = next(line for line in done.stdout.splitlines() if line.startswith("figure"))
    assert [c.strip() for c in header.split("|")] == ["figure", "floor", "measured", "ratio", "target", "holds"]
    for figure in ("start-up to first paint", "trends by day", "CLI `streams list --json`"):
        assert figure in done.stdout
    assert "error:" not in done.stdout
