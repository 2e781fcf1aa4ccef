"""Run under Xvfb by test_capture_xvfb.py: a real X11 window shows a dashboard, the live console captures its
region through QScreen.grabWindow and the OCR process, and the reading is logged. Prints one JSON line:
the logged samples and how long the first reading took."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QLabel

from livedesk.config import Paths
from livedesk.models import Script, Segment, Stream
from livedesk.services import live
from livedesk.services.db import open_database
from tests.ui.dashboards import DOUYIN, render


def main(folder: Path) -> int:
    app = QApplication(sys.argv[:1])
    paths = Paths(folder / "data", folder / "config", folder / "logs")
    for path in (paths.data, paths.config, paths.logs):
        path.mkdir(parents=True, exist_ok=True)
    db = open_database(f"sqlite:///{paths.default_database}")
    now = dt.datetime.now(dt.timezone.utc)
    with db.session() as s:
        stream = Stream(title="抓屏测试", start_at=now - dt.timedelta(minutes=5), planned_minutes=60, account="店A")
        s.add(stream)
        s.flush()
        script = Script(stream_id=stream.id)
        s.add(script)
        s.flush()
        s.add(Segment(script_id=script.id, position=0, title="开场", start_seconds=0, duration_seconds=3600))
        live.go_live(s, stream.id, stream.start_at)
        stream_id = stream.id

    board = QLabel()
    board.setWindowTitle("百应 中控台")
    board.setPixmap(QPixmap.fromImage(render(DOUYIN)))
    board.move(40, 40)
    board.show()
    from livedesk.ui.live.tab import LiveTab

    tab = LiveTab(db, paths)
    tab.resize(1200, 800)
    tab.move(40, board.height() + 120)  # beside the dashboard, not over it
    tab.show()
    tab.load_stream(stream_id)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not board.isVisible():
        app.processEvents()
    app.processEvents()
    geometry = board.geometry()  # the window's contents in global coordinates
    tab.capture_panel.set_region("figures", QRect(geometry.topLeft(), geometry.size()))
    started = time.monotonic()
    tab.capture_panel.set_running(True)
    first = None
    deadline = started + 90
    while time.monotonic() < deadline:
        app.processEvents()
        with db.session() as s:
            samples = live.metric_samples(s, stream_id)
        if samples:
            first = time.monotonic() - started
            break
        time.sleep(0.05)
    tab.shutdown()
    out = [{"source": x.source, "online": x.online, "uv": x.uv, "gmv": str(x.gmv) if x.gmv is not None else None,
            "orders": x.orders, "click_rate": str(x.click_rate) if x.click_rate is not None else None} for x in samples]
    print(json.dumps({"samples": out, "first_reading_seconds": first, "status": tab.capture_panel.status_label.text(),
                      "platform": app.platformName()}, ensure_ascii=False))
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
