"""A review export dropped on the window is read from disk once: detection, preview and import share it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from livedesk.services.importers import file_reads
from livedesk.ui import file_router
from tests.ui.test_review_tab import accept_dialog, counts, errors, make_stream  # noqa: F401 - fixtures

TREND = "流量综合趋势分析下载.xlsx"


@pytest.fixture
def window(qtbot, db, paths):
    from livedesk.ui.main_window import MainWindow

    win = MainWindow(db, paths)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def dropped(fixtures_dir: Path, tmp_path: Path) -> Path:
    path = tmp_path / TREND
    shutil.copy(fixtures_dir / "exports" / "douyin_tidy" / TREND, path)
    return path


def test_a_dropped_export_is_read_once_for_detection_preview_and_import(
    db, window, dropped, disk_reads, accept_dialog, errors  # noqa: F811 - fixtures
):
    stream_id = make_stream(db)
    tab = window.tab("review")
    tab.reload()  # the stream was added after the window opened
    tab.select_stream(stream_id)
    file_router.router_for(window).route([str(dropped)])
    assert errors == []
    assert tab.last_import_dialog is not None and tab.last_summary is not None  # previewed, then imported
    assert tab.last_summary.curve_points == 150
    assert counts(db)[1] == 150
    assert disk_reads == [TREND]  # once, not for detection, preview and import each


def test_a_file_changed_after_the_preview_is_read_again_for_the_import(
    db, window, dropped, disk_reads, accept_dialog, errors  # noqa: F811 - fixtures
):
    stream_id = make_stream(db)
    tab = window.tab("review")
    tab.reload()
    tab.select_stream(stream_id)

    def saved_again(_dialog) -> None:  # the user re-saves the export while the preview is open
        stat = dropped.stat()
        os.utime(dropped, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))

    accept_dialog["fn"] = saved_again
    tab.import_files([str(dropped)])
    assert errors == [] and tab.last_summary is not None
    assert disk_reads == [TREND, TREND]  # the preview's read, and the import's of the changed file
    assert file_reads._kept == {}  # the import let go of the rows
