"""The checklist items the app ticks itself: script approved, rehearsed, stock at N+1, no banned words."""

from __future__ import annotations

from decimal import Decimal

from livedesk.models import Script, Segment
from livedesk.services import scripts
from livedesk.services.prelive_checks import auto_checks
from livedesk.services.products import Rules
from tests.unit.script_helpers import add_to_lineup, make_product, make_stream


def _checks(session, stream_id):
    return {c.key: c for c in auto_checks(session, stream_id, Rules(stock_buffer=Decimal("0.10")))}


def _scripted(session, lines=("欢迎来到直播间", "这款面霜很滋润", "下播前再抽一次福袋")):
    stream = make_stream(session)
    script = Script(stream_id=stream.id)
    session.add(script)
    session.flush()
    for i, text in enumerate(lines):
        session.add(Segment(script_id=script.id, position=i, title=f"段{i + 1}", start_seconds=i * 600,
                            duration_seconds=600, host_lines=text))
    session.flush()
    return stream, script


def test_an_empty_stream_fails_every_check_and_says_what_to_do(db):
    with db.session() as s:
        stream = make_stream(s)
        checks = _checks(s, stream.id)
    assert [c.ok for c in checks.values()] == [False] * 4
    assert "Script tab" in checks["script_approved"].reason
    assert "Products tab" in checks["stock"].reason


def test_approval_and_wording_follow_the_script(db):
    with db.session() as s:
        stream, script = _scripted(s, ("全网最低价，赶紧拍", "正常介绍"))
        checks = _checks(s, stream.id)
        assert not checks["script_approved"].ok and "approve" in checks["script_approved"].reason
        assert not checks["compliance"].ok and "全网最低" in checks["compliance"].reason
        script.approved = True
        script.segments[0].host_lines = "今天直播间专享价"
        s.flush()
        checks = _checks(s, stream.id)
        assert checks["script_approved"].ok and checks["compliance"].ok
        assert checks["compliance"].reason == "The script was checked: nothing found."


def test_a_partial_rehearsal_does_not_count_a_full_one_does(db):
    with db.session() as s:
        stream, script = _scripted(s)
        first = scripts.start_rehearsal(s, stream.id)
        scripts.record_segment_time(s, first.id, script.segments[0].id, 590)
        scripts.finish_rehearsal(s, first.id)
        check = _checks(s, stream.id)["rehearsed"]
        assert not check.ok and "1 of 3" in check.reason
        full = scripts.start_rehearsal(s, stream.id)
        for segment in script.segments:
            scripts.record_segment_time(s, full.id, segment.id, 600)
        scripts.finish_rehearsal(s, full.id)
        check = _checks(s, stream.id)["rehearsed"]
        assert check.ok and "all 3 segments" in check.reason


def test_marked_rehearsed_counts(db):
    with db.session() as s:
        stream, _ = _scripted(s)
        stream.status = "rehearsed"
        s.flush()
        assert _checks(s, stream.id)["rehearsed"].ok


def test_stock_must_cover_the_planned_units_plus_the_buffer(db):
    with db.session() as s:
        stream = make_stream(s)
        cream = make_product(s, "面霜")
        mask = make_product(s, "面膜")
        add_to_lineup(s, stream, cream, 0, 1, units=100)
        add_to_lineup(s, stream, mask, 1, 2, units=50)
        cream.stock, mask.stock = 105, 80  # the cream needs 110
        s.flush()
        check = _checks(s, stream.id)["stock"]
        assert not check.ok and "面霜" in check.reason and "面膜" not in check.reason
        assert "10%" in check.text
        cream.stock = 110
        s.flush()
        check = _checks(s, stream.id)["stock"]
        assert check.ok and "2 products" in check.reason
