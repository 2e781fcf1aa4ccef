"""The OCR process's protocol as the console uses it: a ready line that says how long loading took, step by step,
then one answer per image, and an unreadable image answered with a message rather than the process ending."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from livedesk.services.capture.worker import command, encode_request

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "capture" / "douyin_dashboard.png"


def test_the_worker_says_when_it_is_ready_then_reads_each_image():
    requests = encode_request(1, b"not an image") + encode_request(2, SAMPLE.read_bytes())
    done = subprocess.run(command(), input=requests, capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    ready, refused, read = (json.loads(line) for line in done.stdout.splitlines())
    assert ready["ready"] is True and set(ready["phases"]) == {"imports", "sessions", "first_run"}
    assert all(isinstance(ms, int) and ms >= 0 for ms in ready["phases"].values())
    assert isinstance(ready["main_at"], float)
    assert refused["id"] == 1 and refused["ok"] is False and "not an image" in refused["error"]
    assert read["id"] == 2 and read["ok"] is True
    texts = [box["text"] for box in read["boxes"]]
    assert "商品点击率" in texts and "1,234" in texts
