"""One review, three readers: the review tab, the report workbook and `review show --json` show the same
figures and the same judgements, and the judgements follow the user's preferences."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from livedesk.app import main
from livedesk.config import Preferences
from livedesk.rendering.review_report import build_report, report_html
from livedesk.services.exporters.review_report import format_value
from livedesk.services.report_data import gather_report_data
from livedesk.services.review import import_review_files
from livedesk.services.review_model import kpi_table
from livedesk.ui import formatting
from tests.ui.test_review_tab import make_stream, make_tab, tidy_files

pytestmark = pytest.mark.usefixtures("laptop_timezone")  # the figures must not depend on the laptop's zone

SUMMARY_HEADER_ROW = 4


@pytest.fixture
def stream_id(db, fixtures_dir) -> int:
    stream_id = make_stream(db)
    import_review_files(db, stream_id, tidy_files(fixtures_dir))
    return stream_id


def shown_json(capsys, db, stream_id: int) -> dict:
    capsys.readouterr()
    code = main(["--db", str(db.engine.url), "review", "show", "--stream", str(stream_id), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def report_rows(db, stream_id: int, folder: Path, prefs: Preferences) -> dict[str, dict]:
    """The workbook's Summary sheet, by figure label: actual value and judgement."""
    path = build_report(db, stream_id, folder / "report.xlsx", prefs=prefs)
    sheet = load_workbook(path).worksheets[0]
    rows = {}
    for row in range(SUMMARY_HEADER_ROW + 1, sheet.max_row + 1):
        label = sheet.cell(row, 1).value
        if label:
            rows[label] = {"actual": sheet.cell(row, 2).value, "judgement": sheet.cell(row, 7).value or ""}
    return rows


def tab_cards(qtbot, db, paths, stream_id: int):
    tab = make_tab(qtbot, db, paths)
    tab.select_stream(stream_id)
    qtbot.waitUntil(lambda: tab.review_model is not None and tab.review_model.stream_id == stream_id, timeout=10000)
    return tab.kpi_cards


def card_text(kind: str, value: float | int | None) -> str:
    """What a card shows for a figure of the JSON (the tab's formats)."""
    if value is None:
        return "—"
    number = Decimal(str(value))
    return {
        "money": lambda: formatting.money(number),
        "count": lambda: formatting.count(int(number)),
        "rate": lambda: formatting.percent(number, 2),
        "ratio": lambda: f"{float(number):.2f}",
        "decimal": lambda: formatting.count(int(number.to_integral_value())),
    }.get(kind, lambda: None)()


def test_tab_report_and_json_show_the_same_figures_and_judgements(qtbot, db, paths, stream_id, tmp_path, capsys):
    prefs = Preferences.load(paths)
    shown = shown_json(capsys, db, stream_id)
    report = report_rows(db, stream_id, tmp_path, prefs)
    cards = tab_cards(qtbot, db, paths, stream_id)
    compared = 0
    for kpi in kpi_table():
        value = shown[kpi.key]
        if kpi.optional and value is None:
            assert kpi.label not in report
            continue
        row = report[kpi.label]
        if value is None:
            assert row["actual"] is None, kpi.key
        else:
            cents = 0.005 if kpi.kind == "money" else 0  # the workbook stores money in cents
            assert row["actual"] == pytest.approx(value, rel=1e-9, abs=cents), kpi.key
        judged = shown["judgements"].get(kpi.key)
        assert (row["judgement"] == "OK") == (judged == "good"), kpi.key
        assert row["judgement"].startswith("Below") == (judged == "bad"), kpi.key
        if kpi.card:
            card = cards[kpi.card]
            expected = card_text(kpi.kind, value)
            if expected is not None:
                assert card.value() == expected, kpi.key
            assert card.good == (None if judged is None else judged == "good"), kpi.key
        compared += 1
    assert compared >= 18
    pdf = report_html(gather_report_data(db, stream_id, prefs), {})  # the PDF's key figures, from the same model
    for kpi in kpi_table():
        if shown[kpi.key] is not None and kpi.key != "duration_minutes":
            written = format_value(Decimal(str(shown[kpi.key])), kpi.kind)
            assert written in pdf, kpi.key
    assert shown["gmv"] == pytest.approx(240830.47) and shown["judgements"]["uv_value"] == "good"
    assert shown["thresholds"]["uv_value_floor"] == pytest.approx(prefs.uv_value_floor)


def test_the_uv_value_floor_preference_changes_the_tabs_and_the_reports_judgement(
    qtbot, db, paths, stream_id, tmp_path, capsys
):
    uv_value = Decimal("240830.47") / 26718  # ¥9.01 per viewer in the fixture
    prefs = Preferences.load(paths)
    assert Decimal(str(prefs.uv_value_floor)) < uv_value
    assert tab_cards(qtbot, db, paths, stream_id)["uv_value"].good is True
    assert report_rows(db, stream_id, tmp_path, prefs)["UV value"]["judgement"] == "OK"

    prefs.uv_value_floor = 10.0  # a team that wants ¥10 per viewer
    prefs.save(paths)
    card = tab_cards(qtbot, db, paths, stream_id)["uv_value"]
    assert card.good is False and "¥10.00" in card.toolTip()
    assert report_rows(db, stream_id, tmp_path, prefs)["UV value"]["judgement"] == "Below ¥10.00 (preference)"
    assert shown_json(capsys, db, stream_id)["judgements"]["uv_value"] == "bad"


def test_the_low_click_rate_preference_changes_the_flagged_products(qtbot, db, paths, stream_id, tmp_path, capsys):
    flagged = [p["name"] for p in shown_json(capsys, db, stream_id)["products"] if p["flags"]]
    prefs = Preferences.load(paths)
    prefs.low_click_rate = 0.5  # half of those who see a product must click it
    prefs.save(paths)
    products = shown_json(capsys, db, stream_id)["products"]
    more = [p["name"] for p in products if p["flags"]]
    assert len(more) > len(flagged) and set(flagged) <= set(more)
    tab = make_tab(qtbot, db, paths)
    tab.select_stream(stream_id)
    qtbot.waitUntil(lambda: tab.review_model is not None and tab.review_model.stream_id == stream_id, timeout=10000)
    assert len(tab.product_model.flagged_rows()) == len(more)
    assert "50%" in tab.product_note.text()
    path = build_report(db, stream_id, tmp_path / "report.xlsx", prefs=prefs)
    products = load_workbook(path).worksheets[2]  # ranked by GMV; the last column flags a low click rate
    flags = [products.cell(row, products.max_column).value for row in range(2, products.max_row + 1)]
    assert len([f for f in flags if f]) == len(more) and all("50%" in f for f in flags if f)
