"""Run under Xvfb by test_capture_xvfb.py: a real X11 window shows a dashboard, the live console captures its
region through QScreen.grabWindow and the OCR process, and the reading is logged. Prints one JSON line:
the logged samples and how long the first reading took.

`open_console` and `logged_samples` also set up and watch the capture benchmark (benchmarks/capture.py): a stream on
air, the Douyin-style dashboard in a window of its own, the live tab beside it."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QLabel


@dataclass
class Console:
    app: QApplication
    db: object  # livedesk.services.db.Database
    tab: object  # livedesk.ui.live.tab.LiveTab
    board: QLabel  # the dashboard's window
    stream_id: int

    def board_region(self) -> QRect:
        """The dashboard window's contents in global coordinates: the rectangle a user would draw."""
        geometry = self.board.geometry()
        return QRect(geometry.topLeft(), geometry.size())


def open_console(folder: Path, title: str, board_at: tuple[int, int] = (40, 40), gap: int = 80) -> Console:
    """A database in `folder` with one stream on air, the dashboard window at `board_at` and the live tab on that
    stream `gap` px below it (beside the dashboard, not over it)."""
    from livedesk.config import Paths
    from livedesk.models import Script, Segment, Stream
    from livedesk.services import live
    from livedesk.services.db import open_database
    from tests.ui.dashboards import DOUYIN, render

    app = QApplication.instance() or QApplication(sys.argv[:1])
    paths = Paths(folder / "data", folder / "config", folder / "logs")
    for path in (paths.data, paths.config, paths.logs):
        path.mkdir(parents=True, exist_ok=True)
    db = open_database(f"sqlite:///{paths.default_database}")
    now = dt.datetime.now(dt.timezone.utc)
    with db.session() as s:
        stream = Stream(title=title, start_at=now - dt.timedelta(minutes=5), planned_minutes=120, account="店A")
        s.add(stream)
        s.flush()
        script = Script(stream_id=stream.id)
        s.add(script)
        s.flush()
        s.add(Segment(script_id=script.id, position=0, title="开场", start_seconds=0, duration_seconds=7200))
        live.go_live(s, stream.id, stream.start_at)
        stream_id = stream.id

    board = QLabel()
    board.setWindowTitle("百应 中控台")
    board.setPixmap(QPixmap.fromImage(render(DOUYIN)))
    board.move(*board_at)
    board.show()
    from livedesk.ui.live.tab import LiveTab

    tab = LiveTab(db, paths)
    tab.resize(1200, 800)
    tab.move(board_at[0], board_at[1] + board.height() + gap)
    tab.show()
    tab.load_stream(stream_id)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not board.isVisible():
        app.processEvents()
    app.processEvents()
    return Console(app, db, tab, board, stream_id)


def logged_samples(console: Console) -> list:
    from livedesk.services import live

    with console.db.session() as s:
        return live.metric_samples(s, console.stream_id)


def main(folder: Path) -> int:
    console = open_console(folder, "抓屏测试")
    tab = console.tab
    tab.capture_panel.set_region("figures", console.board_region())
    started = time.monotonic()
    tab.capture_panel.set_running(True)
    first = None
    samples: list = []
    deadline = started + 90
    while time.monotonic() < deadline:
        console.app.processEvents()
        samples = logged_samples(console)
        if samples:
            first = time.monotonic() - started
            break
        time.sleep(0.05)
    tab.shutdown()
    out = [{"source": x.source, "online": x.online, "uv": x.uv, "gmv": str(x.gmv) if x.gmv is not None else None,
            "orders": x.orders, "click_rate": str(x.click_rate) if x.click_rate is not None else None} for x in samples]
    print(json.dumps({"samples": out, "first_reading_seconds": first, "status": tab.capture_panel.status_label.text(),
                      "platform": console.app.platformName()}, ensure_ascii=False))
    console.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
