"""Files dropped on the main window reach the importer they belong to."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from livedesk.ui import file_router
from livedesk.ui.file_router import PRODUCTS, REVIEW, SCHEDULE, SCRIPT, UNKNOWN, detect


@pytest.fixture
def files(fixtures_dir: Path, tmp_path: Path) -> dict[str, Path]:
    schedule = tmp_path / "排期表.csv"
    schedule.write_text("标题,开始时间,时长(分钟),平台\n双十二预热,2026-12-01 20:00,120,抖音\n", encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    tidy = fixtures_dir / "exports" / "douyin_tidy"
    return {
        "products": fixtures_dir / "products" / "选品表_样例.xlsx",
        "script": tidy / "直播脚本.xlsx",
        "review_workbook": tidy / "直播间详情页_整场数据下载.xlsx",
        "review_trend": tidy / "流量综合趋势分析下载.xlsx",
        "review_csv": fixtures_dir / "exports" / "douyin_messy" / "分钟趋势.csv",
        "schedule": schedule,
        "notes": notes,
        "other": other,
    }


def test_detects_each_kind(files) -> None:
    assert detect(files["products"]).kind == PRODUCTS
    assert detect(files["script"]).kind == SCRIPT
    assert detect(files["review_workbook"]).kind == REVIEW
    assert detect(files["review_trend"]).kind == REVIEW
    assert detect(files["review_csv"]).kind == REVIEW
    assert detect(files["schedule"]).kind == SCHEDULE
    for name in ("notes", "other"):
        found = detect(files[name])
        assert found.kind == UNKNOWN and found.reason


def test_a_schedule_exported_by_livedesk_is_recognised(demo_db, tmp_path: Path) -> None:
    from livedesk.services import schedule
    from livedesk.services.exporters.schedule_sheet import export_schedule

    with demo_db.session() as s:
        rows = schedule.list_streams(s)[:3]
    out = tmp_path / "排期.xlsx"
    export_schedule(rows, out)
    assert detect(out).kind == SCHEDULE


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """Record the tabs' imports instead of opening their preview dialogs."""
    from livedesk.ui.products.tab import ProductsTab
    from livedesk.ui.review.tab import ReviewTab
    from livedesk.ui.schedule.tab import ScheduleTab
    from livedesk.ui.script.tab import ScriptTab

    seen: list[tuple[str, object]] = []
    monkeypatch.setattr(ProductsTab, "import_products", lambda self, path=None: seen.append(("products", path)))
    monkeypatch.setattr(ScheduleTab, "import_schedule", lambda self, path=None: seen.append(("schedule", path)))
    monkeypatch.setattr(ScriptTab, "import_script", lambda self, path=None: seen.append(("script", path)))
    monkeypatch.setattr(ReviewTab, "import_files", lambda self, paths=None: seen.append(("review", paths)))
    return seen


@pytest.fixture
def demo_window(qtbot, demo_db, paths):
    from livedesk.ui.main_window import MainWindow

    win = MainWindow(demo_db, paths)
    qtbot.addWidget(win)
    win.show()
    return win


def test_routes_each_file_to_its_tab(demo_window, files, calls) -> None:
    router = file_router.router_for(demo_window)
    for key in ("review", "script"):  # both need a stream; the demo has one chosen
        assert demo_window.tab(key).stream_id is not None
    router.route([str(files[k]) for k in ("products", "schedule", "script", "review_workbook", "review_trend")])
    assert ("products", str(files["products"])) in calls
    assert ("schedule", str(files["schedule"])) in calls
    assert ("script", str(files["script"])) in calls
    # Exports dropped together are imported together, into the stream chosen in the Review tab.
    assert ("review", [str(files["review_workbook"]), str(files["review_trend"])]) in calls
    assert router.message_box is None


def test_unknown_files_get_a_message_listing_what_can_be_imported(demo_window, files, calls) -> None:
    router = file_router.router_for(demo_window)
    router.route([str(files["notes"]), str(files["products"])])
    assert calls == [("products", str(files["products"]))]
    box = router.message_box
    assert box is not None and box.objectName() == "droppedFilesBox"
    assert "notes.txt" in box.text()
    for kind in ("选品表", "排期表", "直播脚本"):
        assert kind in box.text()
    box.close()


def test_review_exports_without_a_stream_say_what_to_do(demo_window, files, calls) -> None:
    review = demo_window.tab("review")
    review.stream_id = None
    file_router.router_for(demo_window).route([str(files["review_csv"])])
    assert not [c for c in calls if c[0] == "review"]
    assert "Review tab" in demo_window.file_router.message_box.text()
    demo_window.file_router.message_box.close()


class _FakeMime:
    def __init__(self, paths: list[Path]):
        self._urls = [QUrl.fromLocalFile(str(p)) for p in paths]

    def urls(self) -> list[QUrl]:
        return self._urls


class _FakeEvent:
    def __init__(self, paths: list[Path]):
        self._mime = _FakeMime(paths)
        self.accepted: bool | None = None

    def mimeData(self) -> _FakeMime:  # noqa: N802 - Qt's name
        return self._mime

    def acceptProposedAction(self) -> None:  # noqa: N802
        self.accepted = True

    def ignore(self) -> None:
        self.accepted = False


def test_drop_event_on_the_window(demo_window, files, calls) -> None:
    enter = _FakeEvent([files["products"]])
    demo_window.dragEnterEvent(enter)
    assert enter.accepted is True
    empty = _FakeEvent([])
    demo_window.dragEnterEvent(empty)
    assert empty.accepted is False
    drop = _FakeEvent([files["products"]])
    demo_window.dropEvent(drop)
    assert drop.accepted is True
    assert calls == [("products", str(files["products"]))]
    assert demo_window.tabs.currentIndex() == 1  # the Products tab is shown
