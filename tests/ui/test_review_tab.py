"""The review tab driven as a user would: import the fixture exports, read KPIs, charts, products, moments,
write the debrief and the improvement list, see trends; broken files and pasted tables."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from livedesk.models import CurvePoint, Moment, OrderLine, ProductResult, Review, Script, Segment, Stream
from livedesk.services import review_views
from livedesk.services.importers.tabular import read_sheets
from livedesk.ui import formatting, theme
from livedesk.ui.review.import_dialog import ReviewImportDialog
from livedesk.ui.review.tab import ReviewTab

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = dt.datetime(2026, 11, 12, 19, 30, tzinfo=SHANGHAI)
PASTED = "时间\t在线人数\n19:30\t120\n19:31\t260\n19:32\t410\n19:33\t300\n19:34\t520\n19:35\t480\n"


def make_stream(db, start=START, gmv_target=Decimal(80000), title="周四美妆专场", platform="douyin", account="小薇的好物直播间"):
    with db.session() as s:
        stream = Stream(title=title, start_at=start, planned_minutes=180, gmv_target=gmv_target,
                        platform=platform, account=account)
        s.add(stream)
        s.flush()
        return stream.id


def add_script(db, stream_id: int, script_path: Path, start: dt.datetime) -> None:
    rows = read_sheets(script_path)[0].rows
    with db.session() as s:
        script = Script(stream_id=stream_id)
        s.add(script)
        for position, row in enumerate(r for r in rows if "-" in str(r[0]) and ":" in str(r[0])):
            begin, end = (dt.datetime.strptime(t.strip(), "%H:%M").time() for t in str(row[0]).split("-"))
            begin_at = dt.datetime.combine(start.date(), begin, SHANGHAI)
            end_at = dt.datetime.combine(start.date(), end, SHANGHAI)
            script.segments.append(Segment(
                position=position, title=str(row[2]), kind="pitch",
                start_seconds=int((begin_at - start).total_seconds()),
                duration_seconds=int((end_at - begin_at).total_seconds()),
            ))


def tidy_files(fixtures_dir: Path) -> list[str]:
    folder = fixtures_dir / "exports" / "douyin_tidy"
    return [str(p) for p in sorted(folder.glob("*.xlsx")) if p.name != "直播脚本.xlsx"]


def counts(db) -> tuple[int, ...]:
    with db.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Review, CurvePoint, ProductResult, OrderLine))


@pytest.fixture
def accept_dialog(monkeypatch):
    """Replace the preview dialog's modal exec() with one that lets the test adjust it, then presses Import."""
    adjust = {"fn": None}

    def fake_exec(dialog):
        if adjust["fn"]:
            adjust["fn"](dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReviewImportDialog, "exec", fake_exec)
    return adjust


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("livedesk.ui.review.tab.show_error", lambda parent, exc, title=None: shown.append(str(exc)))
    return shown


def make_tab(qtbot, db, paths) -> ReviewTab:
    tab = ReviewTab(db, paths)
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    return tab


@pytest.fixture
def imported(qtbot, db, paths, fixtures_dir, accept_dialog, errors):
    stream_id = make_stream(db)
    add_script(db, stream_id, fixtures_dir / "exports" / "douyin_tidy" / "直播脚本.xlsx", START)
    tab = make_tab(qtbot, db, paths)
    assert tab.stream_id == stream_id
    tab.import_files(tidy_files(fixtures_dir))
    assert errors == []
    return tab


def test_empty_stream_teaches_the_next_step(qtbot, db, paths):
    make_stream(db)
    tab = make_tab(qtbot, db, paths)
    assert tab.overview_stack.currentWidget() is tab.empty_state
    assert "drop the files" in tab.empty_state.body_label.text()


def test_no_streams_at_all(qtbot, db, paths):
    tab = make_tab(qtbot, db, paths)
    assert tab.stream_id is None
    assert "Schedule" in tab.empty_state.body_label.text()
    assert not tab.import_action.isEnabled()


def test_import_fixture_shows_kpis_charts_products(imported):
    tab = imported
    dialog = tab.last_import_dialog
    assert dialog is not None and dialog.combos, "the preview listed the column mappings"
    kinds = {f.kind for f in dialog.files}
    assert "douyin_workbook" in kinds
    assert tab.overview_stack.currentIndex() == 1
    gmv = tab.kpi_cards["gmv"]
    assert gmv.value() == formatting.money(Decimal("240830.47"))
    assert "¥240,830.47" in gmv.toolTip()
    assert "Goal ¥80,000 · 301.0%" in gmv.goal_label.text()
    assert "buyers" in tab.kpi_cards["conversion"].toolTip() and "UV" in tab.kpi_cards["conversion"].toolTip()
    assert tab.kpi_cards["conversion"].value() == "3.07%"
    assert tab.kpi_cards["uv"].value() == formatting.count(26718)
    assert tab.kpi_cards["paid_roi"].value() == "4.09"
    # charts
    assert tab.charts.data_item_count() >= 5
    assert len(tab.charts.curves["online"].xData) == 150
    assert tab.charts.bands, "segment bands laid over the curves"
    assert all(not band.movable for band in tab.charts.bands)
    text = tab.charts.show_readout(95)
    clock = formatting.local(START + dt.timedelta(minutes=95)).strftime("%H:%M")
    assert clock in text and "Online 1,647" in text and "Segment: 返场与下播" in text
    # products
    model = tab.product_model
    assert model.rowCount() == 10
    flagged = model.flagged_rows()
    assert all(model.row_at(r).click_rate < Decimal("0.03") for r in flagged)
    assert all(model.row_at(r).click_rate >= Decimal("0.03") for r in range(10) if r not in flagged)
    assert tab.moment_model.rowCount() > 0
    assert tab.stream_combo.currentText().startswith("●")


def test_low_click_products_are_highlighted(qtbot, db, paths, errors):
    stream_id = make_stream(db)
    with db.session() as s:
        review = Review(stream_id=stream_id, gmv=Decimal(100))
        s.add(review)
        s.flush()
        s.add_all([
            ProductResult(review_id=review.id, name="好卖的", exposure_users=1000, click_users=200, buyers=20),
            ProductResult(review_id=review.id, name="没人点", exposure_users=1000, click_users=10, buyers=1),
            ProductResult(review_id=review.id, name="不知道", exposure_users=None, click_users=5),
        ])
    tab = make_tab(qtbot, db, paths)
    model = tab.product_model
    assert [model.row_at(r).name for r in model.flagged_rows()] == ["没人点"]
    row = model.flagged_rows()[0]
    background = Qt.ItemDataRole.BackgroundRole
    assert model.index(row, 0).data(background).color() == QColor(theme.current().warn_bg)
    assert all(model.index(r, 0).data(background) is None for r in range(model.rowCount()) if r != row)
    assert model.index(row, model.columns.index("flags")).data() == "Elimination candidate"
    assert model.index(2, model.columns.index("click_rate")).data() == "—"
    assert "1 product(s)" in tab.product_note.text()


def test_corrected_mapping_is_used(qtbot, db, paths, fixtures_dir, accept_dialog, errors):
    make_stream(db)
    tab = make_tab(qtbot, db, paths)
    trend = next(p for p in tidy_files(fixtures_dir) if "趋势" in p)

    def ignore_comments(dialog):
        headers = [h for (key, _s, table, h) in dialog.combos if key == trend and table == "trend"]
        comment = next(h for h in headers if "评论" in h)
        dialog.set_field(trend, comment, None)
        assert dialog.mapping_overrides() == {trend: {comment: None}}

    accept_dialog["fn"] = ignore_comments
    tab.import_files([trend])
    assert errors == []
    assert tab.charts.curves["online"].xData is not None and len(tab.charts.curves["online"].xData) == 150
    comments = tab.charts.curves["comments"].xData
    assert comments is None or len(comments) == 0, "the ignored comment column drew no curve"


def test_broken_file_shows_an_error_and_writes_nothing(qtbot, db, paths, tmp_path, accept_dialog, errors):
    make_stream(db)
    tab = make_tab(qtbot, db, paths)
    bad = tmp_path / "分钟趋势.csv"
    bad.write_text("时间,在线人数,进入人数\n19:30,100,5\n19:31,很多,6\n19:32,120,7\n", encoding="utf-8")
    before = counts(db)
    tab.import_files([str(bad)])
    assert errors and "分钟趋势.csv" in errors[0] and "row 3" in errors[0] and "在线人数" in errors[0]
    assert counts(db) == before
    assert tab.overview_stack.currentWidget() is tab.empty_state

    errors.clear()
    empty = tmp_path / "空.csv"
    empty.write_bytes(b"")
    tab.import_files([str(empty)])
    assert errors and "empty" in errors[0]
    assert counts(db) == before


def test_pasted_text_import(qtbot, db, paths, accept_dialog, errors):
    stream_id = make_stream(db)
    tab = make_tab(qtbot, db, paths)
    tab.paste_from_clipboard(PASTED)
    assert errors == []
    assert tab.last_import_dialog.files[0].kind == "pasted_trend"
    assert tab.overview_stack.currentIndex() == 1
    assert list(tab.charts.curves["online"].yData) == [120, 260, 410, 300, 520, 480]
    assert tab.kpi_cards["peak_online"].value() == "520"
    assert tab.kpi_cards["gmv"].value() == "—"  # missing is a dash, never 0
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(CurvePoint)) == 6
    assert review_views.chart_data(db, stream_id).minutes == [0, 1, 2, 3, 4, 5]

    tab.paste_from_clipboard("hello world")
    assert errors and "clipboard" in errors[0]


class FakeDropEvent:
    """Stands in for QDragEnterEvent/QDropEvent (their constructors are deprecated in Qt 6.12)."""

    def __init__(self, mime):
        self.mime, self.accepted = mime, False

    def mimeData(self):
        return self.mime

    def acceptProposedAction(self):
        self.accepted = True

    def ignore(self):
        self.accepted = False


def test_dropping_files_starts_the_import(qtbot, db, paths, fixtures_dir, accept_dialog, errors):
    make_stream(db)
    tab = make_tab(qtbot, db, paths)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in tidy_files(fixtures_dir)] + [QUrl.fromLocalFile("/tmp/a.txt")])
    assert len(tab._dropped_paths(mime)) == 2
    event = FakeDropEvent(mime)
    tab.dragEnterEvent(event)
    assert event.accepted
    tab.dropEvent(event)
    assert errors == []
    assert tab.product_model.rowCount() == 10


def test_moment_note_edit_and_undo(imported, db):
    tab = imported
    model = tab.moment_model
    note_col = model.columns.index("note")
    index = model.index(0, note_col)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, "福袋开奖，人数冲高")
    assert index.data() == "福袋开奖，人数冲高"
    with db.session() as s:
        assert s.get(Moment, model.row_at(0).id).note == "福袋开奖，人数冲高"
    tab.undo_stack.undo()
    assert index.data() == ""
    with db.session() as s:
        assert s.get(Moment, model.row_at(0).id).note == ""
    tab.undo_stack.redo()
    assert index.data() == "福袋开奖，人数冲高"


def test_improvement_items_add_edit_delete_undo(imported, db):
    tab = imported
    model = tab.improvement_model
    tab.add_improvement("开场福利提前到第3分钟", "小薇", dt.date(2026, 11, 19))
    assert model.rowCount() == 1
    item = model.row_at(0)
    assert (item.text, item.owner, item.due_date, item.done) == ("开场福利提前到第3分钟", "小薇", dt.date(2026, 11, 19), False)
    assert model.setData(model.index(0, 3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.row_at(0).done
    assert model.setData(model.index(0, 1), "老周")
    assert model.row_at(0).owner == "老周"
    tab.undo_stack.undo()
    assert model.row_at(0).owner == "小薇"
    tab.undo_stack.undo()
    assert not model.row_at(0).done
    tab.undo_stack.undo()
    assert model.rowCount() == 0
    tab.undo_stack.redo()
    assert model.rowCount() == 1 and model.row_at(0).id == item.id
    tab.improvement_view.selectRow(0)
    tab.delete_improvements()
    assert model.rowCount() == 0
    tab.undo_stack.undo()
    assert model.rowCount() == 1 and model.row_at(0).text == "开场福利提前到第3分钟"


def test_debrief_is_saved_as_typed(qtbot, imported, db):
    tab = imported
    tab.debrief_edits["highlights"].setPlainText("福袋拉人效果好")
    tab.debrief_edits["root_cause"].setPlainText("为什么掉人？因为讲解太长")
    qtbot.waitUntil(lambda: not tab._debrief_timer.isActive(), timeout=3000)
    texts = review_views.get_debrief(db, tab.stream_id)
    assert texts["highlights"] == "福袋拉人效果好" and texts["root_cause"].startswith("为什么掉人")
    tab.debrief_edits["problems"].setPlainText("逼单太弱")
    tab.reload()  # switching saves what is pending
    assert review_views.get_debrief(db, tab.stream_id)["problems"] == "逼单太弱"
    assert tab.debrief_edits["problems"].toPlainText() == "逼单太弱"


def test_trends_across_streams_and_filters(qtbot, db, paths, errors):
    for day, platform, gmv in ((10, "douyin", 1000), (12, "douyin", 3000), (20, "kuaishou", 500)):
        sid = make_stream(db, START.replace(day=day), platform=platform, title=f"场{day}")
        with db.session() as s:
            s.add(Review(stream_id=sid, gmv=Decimal(gmv), uv=1000, buyers=10, orders=12))
    tab = make_tab(qtbot, db, paths)
    assert tab.trend_model.rowCount() == 3
    tab.period_combo.setCurrentIndex(tab.period_combo.findData("month"))
    assert tab.trend_model.rowCount() == 1
    assert tab.trend_model.index(0, 1).data() == "3"
    assert tab.trend_model.index(0, 2).data() == formatting.money(Decimal(4500))
    assert tab.trend_model.index(0, 4).data() == "1.00%"
    tab.trend_platform.setCurrentIndex(tab.trend_platform.findData("kuaishou"))
    assert tab.trend_model.index(0, 1).data() == "1"
    tab.period_combo.setCurrentIndex(tab.period_combo.findData("week"))
    tab.trend_platform.setCurrentIndex(0)
    assert tab.trend_model.rowCount() == 2
    assert tab.trend_curve.xData is not None and len(tab.trend_curve.xData) == 2


def test_overlay_and_save_png(qtbot, imported, db, paths, tmp_path):
    tab = imported
    other = make_stream(db, START + dt.timedelta(days=1), title="第二场")
    from livedesk.services.review import import_pasted_curve

    import_pasted_curve(db, other, PASTED.replace("19:", "19:"))
    tab.reload()
    index = tab.overlay_combo.findData(other)
    assert index > 0
    tab.overlay_combo.setCurrentIndex(index)
    assert tab.charts.overlay_curve is not None and len(tab.charts.overlay_curve.xData) == 6
    out = tmp_path / "chart.png"
    tab.save_chart(str(out))
    assert out.exists() and out.stat().st_size > 1000


def test_prepare_screenshot_picks_the_richest_stream(qtbot, imported, db):
    tab = imported
    richest = tab.stream_id
    other = make_stream(db, START + dt.timedelta(days=3), title="空场")
    tab.reload()
    tab.select_stream(other)
    assert tab.stream_id == other
    tab.prepare_screenshot()
    assert tab.stream_id == richest
    assert tab.pages.currentIndex() == 0
    assert tab.overview_stack.currentIndex() == 1, "the overview shows the richest stream's figures"


def test_models_pass_qtmodeltester(qtmodeltester, imported):
    tab = imported
    tab.add_improvement("复盘会准时开", "小薇", dt.date(2026, 11, 20))
    for model in (tab.product_model, tab.moment_model, tab.improvement_model, tab.trend_model,
                  tab.product_proxy, tab.moment_proxy):
        qtmodeltester.check(model)


def test_review_tab_is_registered(window):
    assert isinstance(window.tab("review"), ReviewTab)


def test_a_corrected_mapping_is_saved_as_a_preset_for_the_next_file(qtbot, db, paths, fixtures_dir, accept_dialog, errors):
    make_stream(db)
    tab = make_tab(qtbot, db, paths)
    trend = next(p for p in tidy_files(fixtures_dir) if "趋势" in p)
    seen = {}

    def ignore_comments(dialog):
        comment = next(h for (key, _s, table, h) in dialog.combos if key == trend and table == "trend" and "评论" in h)
        dialog.set_field(trend, comment, None)
        seen["header"] = comment

    accept_dialog["fn"] = ignore_comments
    tab.import_files([trend])
    assert errors == []

    def look(dialog):  # the next file with the same headers opens with the correction already made
        seen["shown"] = next(c.currentData() for (key, _s, table, h), c in dialog.combos.items()
                             if key == trend and h == seen["header"])
        seen["changed"] = dialog.mapping_overrides()

    accept_dialog["fn"] = look
    tab.import_files([trend])
    assert errors == []
    assert seen["shown"] is None and seen["changed"] == {}
    with db.session() as session:
        from sqlalchemy import func, select

        from livedesk.models import CurvePoint

        assert session.scalar(select(func.count()).select_from(CurvePoint).where(CurvePoint.comments.is_not(None))) == 0


def test_preview_lists_unused_columns_and_the_kpi_tooltip_names_the_source(
    qtbot, db, paths, fixtures_dir, accept_dialog, errors
):
    stream_id = make_stream(db)
    tab = make_tab(qtbot, db, paths)
    seen = {}

    def look(dialog):
        seen["unused"] = [label.text() for label in dialog.findChildren(QLabel, "previewUnused")]

    accept_dialog["fn"] = look
    tab.import_files(tidy_files(fixtures_dir))
    assert errors == [] and tab.stream_id == stream_id
    assert any("千次观看成交金额" in text for text in seen["unused"])
    tooltip = tab.kpi_cards["gmv"].toolTip()
    assert "直播间详情页_整场数据下载.xlsx" in tooltip and "gmv" in tooltip


def test_wrong_day_file_offers_the_stream_it_belongs_to(qtbot, db, paths, fixtures_dir, monkeypatch, errors):
    right = make_stream(db, title="周四美妆专场")
    wrong = make_stream(db, start=START + dt.timedelta(days=3), title="周日场")
    tab = make_tab(qtbot, db, paths)
    tab.select_stream(wrong)
    assert tab.stream_id == wrong
    dialogs = []

    def fake_exec(dialog):
        dialogs.append(dialog)
        if len(dialogs) == 1:  # the preview of the wrong stream: switch to the stream the file belongs to
            error = dialog.findChild(object, "previewError")
            assert error is not None and "2026-11-12" in error.text() and "2026-11-15" in error.text()
            dialog.findChild(object, "switchStreamButton").click()
            return dialog.result()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReviewImportDialog, "exec", fake_exec)
    tab.import_files(tidy_files(fixtures_dir))
    assert errors == [] and len(dialogs) == 2
    assert tab.stream_id == right
    with db.session() as s:
        assert s.scalar(select(Review.gmv).join(Stream, Stream.id == Review.stream_id).where(Stream.id == right))
        assert s.scalar(select(func.count()).select_from(Review).where(Review.stream_id == wrong)) == 0


def kuaishou_csv(folder: Path, name: str) -> Path:
    """A made-up Chinese-headed per-minute sheet of a platform with no known export format."""
    lines = ["统计分钟,在线观众,成交额(元),订单量,弹幕条数"]
    for m in range(60):
        at = START + dt.timedelta(minutes=m)
        lines.append(f"{at:%Y-%m-%d %H:%M},{200 + m},{m * 10}.00,{m % 3},{m}")
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_unknown_platforms_sheet_is_mapped_once_then_imports_by_itself(
    qtbot, db, paths, tmp_path, accept_dialog, errors
):
    first, second = make_stream(db), make_stream(db, start=START + dt.timedelta(days=1), title="次日场")
    tab = make_tab(qtbot, db, paths)
    tab.select_stream(first)
    seen = {}

    def map_columns(dialog):
        seen["error"] = dialog.findChild(QLabel, "previewError").text()
        dialog.set_field(str(path), "统计分钟", "time")
        dialog.set_field(str(path), "在线观众", "online")
        dialog.set_field(str(path), "成交额(元)", "gmv")
        dialog.set_field(str(path), "订单量", "orders")

    path = kuaishou_csv(tmp_path, "快手_第一场.csv")
    accept_dialog["fn"] = map_columns
    tab.import_files([str(path)])
    assert errors == [] and "map its columns" in seen["error"]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(CurvePoint)) == 60
        assert s.scalar(select(Review.peak_online).where(Review.stream_id == first)) == 259

    # the next file with the same headers needs no mapping: the saved preset applies
    later = tmp_path / "next"
    later.mkdir()
    path = kuaishou_csv(later, "快手_第二场.csv")
    text = path.read_text(encoding="utf-8").replace("2026-11-12", "2026-11-13")
    path.write_text(text, encoding="utf-8")

    def untouched(dialog):
        seen["second_error"] = dialog.findChild(QLabel, "previewError")

    accept_dialog["fn"] = untouched
    tab.select_stream(second)
    tab.import_files([str(path)])
    assert errors == [] and seen["second_error"] is None
    with db.session() as s:
        assert s.scalar(select(Review.gmv).where(Review.stream_id == second)) == Decimal(sum(m * 10 for m in range(60)))


def test_with_no_stream_the_review_offers_no_import_and_no_report(qtbot, db, paths):
    tab = ReviewTab(db, paths)
    qtbot.addWidget(tab)
    tab.reload()
    import_button = tab.findChild(type(tab._empty_buttons[0]), "emptyImport")
    assert tab.empty_state.title_label.text() == "No streams yet"
    assert import_button.isHidden()
    assert tab.report_action is None or not tab.report_action.isEnabled()
    make_stream(db)
    tab.reload()
    qtbot.waitUntil(lambda: not import_button.isHidden(), timeout=5000)
    assert tab.report_action is None or tab.report_action.isEnabled()
