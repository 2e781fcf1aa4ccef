"""What the live console logged reaches the review: curve points, figures, incidents, a JSON summary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from livedesk.services import live, live_review
from livedesk.services.metrics import ReviewFigures
from tests.unit.script_helpers import make_stream


def _logged_stream(session):
    stream = make_stream(session)
    start = stream.start_at
    live.go_live(session, stream.id, start)
    live.add_metric(session, stream.id, start + dt.timedelta(minutes=5), 300, Decimal("1200"), 10, 900)
    live.add_metric(session, stream.id, start + dt.timedelta(minutes=10), 820, None, None, 2100)
    live.add_metric(session, stream.id, start + dt.timedelta(minutes=15), 640, Decimal("5600.5"), 41, 3000)
    live.log_incident(session, stream.id, "price_questioned", start + dt.timedelta(minutes=12), "弹幕说比旗舰店贵", "林林")
    live.set_host_message(session, stream.id, "讲慢一点", start + dt.timedelta(minutes=13))
    live.end_stream(session, stream.id, start + dt.timedelta(minutes=20))
    return stream


def test_typed_numbers_become_curve_points_and_figures(db):
    with db.session() as s:
        stream = _logged_stream(s)
        curve = live_review.logged_curve(s, stream.id)
        figures = live_review.logged_figures(s, stream.id)
    assert curve.minutes == [5, 10, 15]
    assert curve.series["online"] == [300, 820, 640]
    assert curve.series["gmv_total"] == [1200, None, 5600.5]  # running totals, gaps kept as gaps
    assert figures == {"gmv": Decimal("5600.5"), "orders": 41, "uv": 3000, "peak_online": 820}


def test_exported_figures_win_over_logged_ones(db):
    exported = ReviewFigures(gmv=Decimal("6100"), uv=None)
    merged, logged = live_review.fill_figures(exported, {"gmv": Decimal("5600.5"), "uv": 3000, "peak_online": 820})
    assert merged.gmv == Decimal("6100") and merged.uv == 3000 and merged.peak_online == 820
    assert logged == {"uv", "peak_online"}


def test_console_log_and_summary_for_the_debrief(db):
    with db.session() as s:
        stream = _logged_stream(s)
        log = live_review.console_log(s, stream.id)
        summary = live_review.logged_summary(s, stream.id)
    assert log.started_at == stream.start_at and log.ended_at == stream.start_at + dt.timedelta(minutes=20)
    assert log.samples == 3 and not log.empty
    [incident] = log.incidents
    assert (incident.kind, incident.minute, incident.note, incident.handled_by) == ("price_questioned", 12, "弹幕说比旗舰店贵", "林林")
    assert all("讲慢一点" not in a.message for a in log.alerts)  # messages to the host are not alerts
    assert summary["figures"] == {"gmv": 5600.5, "orders": 41, "uv": 3000, "peak_online": 820}
    assert [p["minute"] for p in summary["samples"]] == [5, 10, 15]
    assert summary["incidents"][0]["kind"] == "price_questioned"


def test_a_stream_that_never_went_live_logs_nothing(db):
    with db.session() as s:
        stream = make_stream(s)
        assert live_review.console_log(s, stream.id).empty
        assert live_review.logged_curve(s, stream.id).empty
