"""`livedesk review import|show` and `livedesk report` end to end on the douyin_tidy fixture session."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QThreadPool

from livedesk.app import main
from livedesk.models import Script, Segment
from livedesk.services import schedule
from livedesk.services.db import open_database
from livedesk.services.importers.tabular import read_sheets
from livedesk.services.review import empty_summary

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = dt.datetime(2026, 11, 12, 19, 30, tzinfo=SHANGHAI)
TREND = "流量综合趋势分析下载.xlsx"
WORKBOOK = "直播间详情页_整场数据下载.xlsx"


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse exits on usage errors
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def session_dir(fixtures_dir: Path) -> Path:
    return fixtures_dir / "exports" / "douyin_tidy"


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def add_stream(url: str, with_script: Path | None = None) -> int:
    """The stream as `streams add --start "2026-11-12 19:30" --minutes 150 --platform douyin --gmv-target 80000`
    would add it on a machine in China (the start is given with its zone so the test does not depend on TZ)."""
    db = open_database(url)
    try:
        with db.session() as s:
            stream = schedule.create_stream(
                s, schedule.StreamData(title="双十二预热专场", start_at=START, planned_minutes=150, platform="douyin",
                                       gmv_target=Decimal(80000))
            )
            s.flush()
            stream_id = stream.id
        if with_script is not None:
            add_script_segments(db, stream_id, with_script)
        return stream_id
    finally:
        db.close()


def add_script_segments(db, stream_id: int, script_path: Path) -> None:
    """Segments typed from the fixture's 直播脚本.xlsx time ranges (19:30-19:35 …), for the chart bands."""
    rows = read_sheets(script_path)[0].rows
    with db.session() as s:
        script = Script(stream_id=stream_id)
        s.add(script)
        for position, row in enumerate(r for r in rows if "-" in str(r[0]) and ":" in str(r[0])):
            begin, end = (dt.datetime.strptime(t.strip(), "%H:%M").time() for t in str(row[0]).split("-"))
            begin_at = dt.datetime.combine(START.date(), begin, SHANGHAI)
            end_at = dt.datetime.combine(START.date(), end, SHANGHAI)
            script.segments.append(
                Segment(position=position, title=str(row[2]), kind="pitch" if "讲解" in str(row[2]) else "interaction",
                        start_seconds=int((begin_at - START).total_seconds()),
                        duration_seconds=int((end_at - begin_at).total_seconds()))
            )


@pytest.fixture
def imported(capsys, url, session_dir) -> int:
    stream_id = add_stream(url, session_dir / "直播脚本.xlsx")
    code, out, err = run(capsys, "--db", url, "review", "import", str(session_dir / TREND), str(session_dir / WORKBOOK),
                         "--stream", str(stream_id), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["stream"] == stream_id
    assert {f["file"]: f["kind"] for f in result["files"]} == {TREND: "trend", WORKBOOK: "douyin_workbook"}
    assert all(f["rows"] > 0 for f in result["files"])
    assert result["curve_points"] == 150 and result["products"] == 10
    return stream_id


def show(capsys, url: str, stream_id: int) -> dict:
    code, out, err = run(capsys, "--db", url, "review", "show", "--stream", str(stream_id), "--json")
    assert code == 0, err
    return json.loads(out)


# ---------------------------------------------------------------- review import / show


def test_imported_figures_match_the_fixture_expectations(capsys, url, imported, session_dir):
    expected = json.loads((session_dir / "expected.json").read_text(encoding="utf-8"))
    got = show(capsys, url, imported)
    assert set(got) == set(empty_summary())
    for key in ("gmv", "ad_spend", "gmv_target"):
        assert got[key] == pytest.approx(expected[key], abs=0.01), key
    for key in ("orders", "buyers", "uv", "peak_online", "new_followers", "duration_minutes", "avg_watch_seconds"):
        assert got[key] == expected[key], key
    assert got["pv"] == pytest.approx(expected["pv"], rel=0.005)
    assert got["gpm"] == pytest.approx(expected["gpm"], rel=0.006)
    assert got["avg_online"] == pytest.approx(expected["avg_online"], abs=1.0)
    for key in ("conversion_rate", "aov_per_buyer", "avg_order_amount", "uv_value", "paid_roi", "gmv_attainment"):
        assert got[key] == pytest.approx(expected[key], rel=0.001), key
    products = {p["name"]: p for p in got["products"]}
    assert set(products) == {p["name"] for p in expected["products"]}
    for p in expected["products"]:
        assert products[p["name"]]["gmv"] == pytest.approx(p["gmv"], abs=0.01)
        assert products[p["name"]]["buyers"] == p["buyers"]
        assert products[p["name"]]["click_rate"] == pytest.approx(p["click_rate"], rel=0.001)
    peaks = [m for m in got["moments"] if m["kind"] == "peak"]
    valleys = [m for m in got["moments"] if m["kind"] == "valley"]
    assert any(abs(m["minute"] - expected["peak_minute"]) <= 3 for m in peaks)
    assert any(abs(m["minute"] - expected["valley_minute"]) <= 4 for m in valleys)


def test_a_corrupt_file_is_refused_and_nothing_is_written(capsys, url, imported, session_dir, tmp_path):
    before = show(capsys, url, imported)
    broken = tmp_path / "整场数据_损坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a workbook")
    trend = tmp_path / TREND
    shutil.copy(session_dir / TREND, trend)
    code, out, err = run(capsys, "--db", url, "review", "import", str(trend), str(broken), "--stream", str(imported))
    assert code == 3
    assert out == ""
    assert broken.name in err and "Nothing was written." in err
    assert show(capsys, url, imported) == before


def test_a_bad_cell_names_the_file_sheet_row_and_column(capsys, url, tmp_path):
    stream_id = add_stream(url)
    bad = tmp_path / "趋势.csv"
    bad.write_text("时间,在线人数\n2026-11-12 19:30,120\n2026-11-12 19:31,很多\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", url, "review", "import", str(bad), "--stream", str(stream_id))
    assert code == 3
    assert bad.name in err and "很多" in err and "在线人数" in err and "3" in err
    shown = show(capsys, url, stream_id)
    logged = shown.pop("console_log")
    assert logged["samples"] == [] and logged["incidents"] == []  # nothing was logged live either
    assert shown.pop("thresholds")["uv_value_floor"] == 0.8  # the preference the figures are judged by
    empty = {k: v for k, v in empty_summary().items() if k not in ("console_log", "thresholds")}
    assert shown == empty | {"gmv_target": 80000.0}


def test_missing_file_and_unknown_stream_are_bad_input(capsys, url, session_dir, tmp_path):
    stream_id = add_stream(url)
    code, _, err = run(capsys, "--db", url, "review", "import", str(tmp_path / "nope.xlsx"), "--stream", str(stream_id))
    assert code == 3 and "nope.xlsx" in err
    code, _, err = run(capsys, "--db", url, "review", "import", str(session_dir / TREND), "--stream", "999")
    assert code == 3 and "Stream 999 does not exist" in err
    code, _, err = run(capsys, "--db", url, "review", "show", "--stream", "999", "--json")
    assert code == 3 and "Stream 999 does not exist" in err


def test_a_stream_without_data_shows_every_key_with_nulls(capsys, url):
    stream_id = add_stream(url)
    got = show(capsys, url, stream_id)
    assert set(got) == set(empty_summary())
    assert got["gmv"] is None and got["conversion_rate"] is None and got["gmv_target"] == 80000.0
    assert got["products"] == [] and got["moments"] == [] and got["segments"] == []


def test_report_as_xlsx(capsys, url, imported, tmp_path):
    out_path = tmp_path / "reports" / "复盘.xlsx"
    code, out, err = run(capsys, "--db", url, "report", "--stream", str(imported), "--out", str(out_path),
                         "--lang", "zh_CN")
    assert code == 0, err
    assert out_path.name in out
    book = load_workbook(out_path)
    assert book.sheetnames == ["汇总", "分钟数据", "商品", "峰谷时刻", "改进清单", "复盘总结"]
    summary = book.worksheets[0]
    values = {summary.cell(r, 1).value: summary.cell(r, 2).value for r in range(1, summary.max_row + 1)}
    assert values["GMV"] == pytest.approx(240830.47, abs=0.01)
    assert values["观看人数 UV"] == 26718
    curve = book.worksheets[1]
    assert curve.max_row == 151  # 150 minutes and the header
    assert any(curve.cell(r, 12).value for r in range(2, 152))  # minutes tied to script segments
    with zipfile.ZipFile(out_path) as archive:
        media = [n for n in archive.namelist() if n.startswith("xl/media/")]
    assert len(media) == 2  # online curve and GMV charts


def test_report_as_pdf(capsys, url, imported, tmp_path):
    out_path = tmp_path / "复盘.pdf"
    code, _, err = run(capsys, "--db", url, "--lang", "zh_CN", "report", "--stream", str(imported), "--out",
                       str(out_path), "--json")
    assert code == 0, err
    data = out_path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 50_000  # charts and embedded CJK fonts
    pages = data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page/")
    assert pages >= 2 or len(data) > 200_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-l", "1", str(out_path), "-"], capture_output=True, text=True).stdout
        text = unicodedata.normalize("NFKC", text)  # the CJK font maps some glyphs to Kangxi radicals (⾦ for 金)
        assert "直播复盘报告" in text and "双十二预热专场" in text and "观看人数 UV" in text and "转化率" in text
        assert "Key figures" not in text and "Viewers" not in text  # Chinese only
    if shutil.which("pdftoppm"):
        png = tmp_path / "page"
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(out_path), str(png)], check=True)
        assert any(p.stat().st_size > 5_000 for p in tmp_path.glob("page*.png"))


def test_report_in_english_by_default_has_no_chinese_words(capsys, url, imported, tmp_path):
    from livedesk.services import messages

    before = messages.installed_translator()
    out_path = tmp_path / "review.xlsx"
    code, _, err = run(capsys, "--db", url, "report", "--stream", str(imported), "--out", str(out_path))
    assert code == 0, err
    book = load_workbook(out_path)
    assert book.sheetnames == ["Summary", "Per minute", "Products", "Peaks and valleys", "Improvement list", "Debrief"]
    summary = book.worksheets[0]
    ours = [c.value for c in summary["A"] if c.value] + [c.value for c in summary[4] if c.value]  # labels, headers
    ours += [c.value for sheet in book.worksheets[1:] for c in sheet[1] if c.value]
    ours += [summary.cell(r, 5).value for r in range(5, summary.max_row + 1) if summary.cell(r, 5).value]  # bases
    assert "GMV" in ours and "Conversion" in ours
    chinese = [v for v in ours if any("\u4e00" <= ch <= "\u9fff" for ch in v.replace("双十二预热专场", ""))]
    assert chinese == []
    assert messages.installed_translator() is before  # the command put the app's language back


def test_report_refuses_other_suffixes_and_unknown_streams(capsys, url, tmp_path):
    stream_id = add_stream(url)
    code, _, err = run(capsys, "--db", url, "report", "--stream", str(stream_id), "--out", str(tmp_path / "r.docx"))
    assert code == 2 and ".xlsx or .pdf" in err
    assert not (tmp_path / "r.docx").exists()
    code, _, err = run(capsys, "--db", url, "report", "--stream", "999", "--out", str(tmp_path / "r.pdf"))
    assert code == 3 and "Stream 999 does not exist" in err


def test_report_for_a_stream_without_data(capsys, url, tmp_path):
    stream_id = add_stream(url)
    for name in ("empty.xlsx", "empty.pdf"):
        code, _, err = run(capsys, "--db", url, "report", "--stream", str(stream_id), "--out", str(tmp_path / name))
        assert code == 0, err
        assert (tmp_path / name).stat().st_size > 1000


# ---------------------------------------------------------------- build_report from a worker thread


def test_build_report_on_a_worker_thread_never_waits_for_the_gui_thread(qapp, url, imported, tmp_path):
    from livedesk.rendering import review_report as reports

    db = open_database(url)
    out_path = tmp_path / "worker.pdf"
    result: dict[str, object] = {}
    steps: list[int] = []

    def work() -> None:
        try:
            result["path"] = reports.build_report(db, imported, out_path, progress=lambda d, t, m: steps.append(d))
        except BaseException as exc:  # pragma: no cover - reported below
            result["error"] = exc

    # a pool thread, as the app's background tasks use (a QThread with its own event dispatcher)
    pool = QThreadPool()
    pool.start(work)
    done = pool.waitForDone(120_000)  # the GUI thread is blocked here: a hop to it for the charts would never return
    alive = not done
    if alive:  # pragma: no cover - let the stuck worker finish before failing
        qapp.processEvents()
        pool.waitForDone()
    db.close()
    assert not alive, "the report waited for the GUI thread"
    assert "error" not in result, result.get("error")
    assert result["path"] == out_path and steps == [0, 1, 2, 3]
    assert out_path.read_bytes().startswith(b"%PDF") and out_path.stat().st_size > 50_000  # charts are in it


def test_build_report_cancelled_writes_nothing(qapp, url, tmp_path):
    from livedesk.rendering import review_report as reports
    from livedesk.services.review import ImportCancelledError

    stream_id = add_stream(url)
    db = open_database(url)
    with pytest.raises(ImportCancelledError):
        reports.build_report(db, stream_id, tmp_path / "c.pdf", cancelled=lambda: True)
    db.close()
    assert not list(tmp_path.glob("*.pdf*")) and not list(tmp_path.glob(".c-*"))


def test_per_minute_rows_group_finer_samples():
    from livedesk.services.report_data import per_minute_rows
    from livedesk.services.review_views import ChartData

    chart = ChartData(START, minutes=[0, 0.5, 1, 1.5], series={"online": [100, 200, 300, None],
                                                                "gmv": [1.5, 2.0, None, 4.0]})
    rows = per_minute_rows(chart)
    assert [(r["minute"], r["online"], r["gmv"], r["gmv_total"]) for r in rows] == [(0, 150, 3.5, 3.5), (1, 300, 4.0, 7.5)]
    assert rows[0]["time"] == START


def test_overview_refunds_agree_with_the_products():
    from livedesk.rendering.review_report import refund_note
    from livedesk.services.report_data import with_refunds
    from livedesk.services.review_views import Composition

    products = [{"name": "a", "refund_buyers": 3}, {"name": "b", "refund_buyers": 2}, {"name": "c"}]
    summary = with_refunds({"products": products, "buyers": 100}, Composition())
    assert summary["refund_buyers"] == 5  # no stream figure: the products' refunds add up, never "—"
    assert refund_note(summary) == ""
    summary = with_refunds({"products": products, "buyers": 100}, Composition(refund_buyers=4))
    assert summary["refund_buyers"] == 4 and "4" in refund_note(summary) and "5" in refund_note(summary)


def test_large_axes_read_in_wan_in_chinese_and_k_in_english(qapp):
    from livedesk.rendering.charts import axis_label
    from livedesk.rendering.qt import report_language

    with report_language("zh_CN"):
        assert [axis_label(v, True) for v in (0, 50_000, 150_000, 2_000_000)] == ["0", "5万", "15万", "200万"]
        assert axis_label(8_000, False) == "8,000"
    with report_language("en"):
        assert axis_label(150_000, True) == "150k"
