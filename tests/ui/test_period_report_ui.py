"""`livedesk report --period` and File ▸ Export Period Report…: files in the app's language, off the GUI thread."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from livedesk.models import Review, Stream
from livedesk.services.db import open_database

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'period.sqlite3'}"
    db = open_database(url)
    with db.session() as s:
        for day, gmv in ((1, "180000"), (2, "260000"), (4, None)):
            stream = Stream(title=f"护肤好物日常场 {day}", start_at=dt.datetime(2026, 12, day, 20, tzinfo=SHANGHAI),
                            planned_minutes=120, gmv_target=Decimal("200000"))
            s.add(stream)
            s.flush()
            if gmv:
                s.add(Review(stream_id=stream.id, gmv=Decimal(gmv), uv=20000, buyers=600))
    db.close()
    return url


def test_weekly_report_as_pdf_in_chinese(cli, url, tmp_path):
    out = tmp_path / "周报.pdf"
    code, _, err = cli("--db", url, "report", "--period", "week", "--date", "2026-12-03", "--out", str(out),
                       "--lang", "zh_CN")
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 20_000  # the trend chart is in it
    if shutil.which("pdftotext"):
        text = unicodedata.normalize("NFKC", subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                                            text=True).stdout)
        assert "周报" in text and "2026-11-30" in text and "2026-12-06" in text and "合计" in text
        assert "¥440,000.00" in text  # the week's GMV
        assert "110.00%" in text  # attainment: 440,000 / 400,000 (the unreviewed stream's goal is not counted)
        assert "Weekly" not in text and "Total" not in text


def test_monthly_report_as_xlsx_in_english(cli, url, tmp_path):
    out = tmp_path / "month.xlsx"
    code, _, err = cli("--db", url, "report", "--period", "month", "--date", "2026-12-15", "--out", str(out))
    assert code == 0, err
    sheet = load_workbook(out).active
    assert sheet.title == "Monthly report"
    assert [sheet.cell(r, 2).value for r in range(4, 7)] == [f"护肤好物日常场 {d}" for d in (1, 2, 4)]
    assert sheet.cell(7, 1).value == "Total"


def test_period_arguments_are_checked(cli, url, tmp_path):
    code, _, err = cli("--db", url, "report", "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and "--stream ID" in err and "--period" in err
    code, _, err = cli("--db", url, "report", "--period", "week", "--date", "2026-13-01",
                       "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = cli("--db", url, "report", "--stream", "1", "--date", "2026-12-01",
                       "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and "--date goes with --period" in err
    assert not list(tmp_path.glob("r.*"))


def test_file_menu_exports_a_period_report_with_progress(qtbot, url, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from livedesk.ui.period_report_dialog import PeriodReportDialog, export_period_report
    from livedesk.ui.tasks import TaskRunner

    db = open_database(url)
    dialog = PeriodReportDialog(today=dt.date(2026, 12, 3))
    qtbot.addWidget(dialog)
    assert dialog.range_label.text() == "2026-11-30 – 2026-12-06"  # the week is the default
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("day"))
    assert dialog.range_label.text() == "2026-12-03"
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("week"))
    monkeypatch.setattr(dialog, "exec", lambda: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    saved = []
    parent = QDialog()
    qtbot.addWidget(parent)
    export_period_report(parent, db, saved.append, dialog=dialog, path=str(tmp_path / "week.xlsx"))
    db.close()
    assert saved == [tmp_path / "week.xlsx"]
    assert load_workbook(saved[0]).active.cell(4, 2).value == "护肤好物日常场 1"
