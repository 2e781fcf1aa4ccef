"""Before any export is imported, the review shows what the live console logged: the typed numbers as a curve
labelled as logged, the incident markers, KPIs marked as logged, and the debrief's starting point."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from livedesk.services import live
from livedesk.ui import formatting
from tests.ui.test_review_tab import START, make_stream, make_tab


def _log(db, stream_id):
    with db.session() as s:
        live.go_live(s, stream_id, START)
        for minute, online, gmv in ((5, 300, "1200"), (10, 820, "3100"), (15, 640, "5600")):
            live.add_metric(s, stream_id, START + dt.timedelta(minutes=minute), online, Decimal(gmv), minute * 2, minute * 200)
        live.log_incident(s, stream_id, "price_questioned", START + dt.timedelta(minutes=12), "弹幕说比旗舰店贵", "林林")
        live.end_stream(s, stream_id, START + dt.timedelta(minutes=20))


def test_the_console_log_shows_before_any_export(qtbot, db, paths):
    stream_id = make_stream(db)
    _log(db, stream_id)
    tab = make_tab(qtbot, db, paths)
    tab.select_stream(stream_id)
    assert tab.overview_stack.currentIndex() == 1  # not the empty state
    charts = tab.charts
    assert list(charts.curves["online"].yData) == [300, 820, 640]
    assert list(charts.curves["gmv_total"].yData) == [1200, 3100, 5600]  # typed totals, not summed again
    assert charts.logged_note.isVisibleTo(tab) and "Logged during the stream" in charts.logged_note.text()
    assert any("Price questioned" in (m.toolTip() or "") for m in charts.markers)
    gmv = tab.kpi_cards["gmv"]
    assert gmv.value() == formatting.money(Decimal("5600")) and gmv.goal_label.text().startswith("Logged")
    assert tab.kpi_cards["peak_online"].value() == formatting.count(820)
    assert not tab.console_box.isHidden()  # on the Debrief page
    text = tab.console_label.text()
    assert "Price questioned" in text and "弹幕说比旗舰店贵" in text and "3 set" in text
    tab.incidents_to_problems.click()
    tab.incidents_to_problems.click()  # twice: not added twice
    problems = tab.debrief_edits["problems"].toPlainText()
    assert problems.count("弹幕说比旗舰店贵") == 1 and "林林" in problems
    tab.flush_debrief()
    from livedesk.services import review_views

    assert "弹幕说比旗舰店贵" in review_views.get_debrief(db, stream_id)["problems"]


def test_a_stream_without_a_console_log_keeps_the_empty_state(qtbot, db, paths):
    make_stream(db)
    tab = make_tab(qtbot, db, paths)
    assert tab.overview_stack.currentWidget() is tab.empty_state
    assert tab.console_box.isHidden()
