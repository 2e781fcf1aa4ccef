"""The review tab's query helpers: stream choices, chart arrays, moments, debrief, improvements, trends."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from livedesk.models import (
    CurvePoint,
    Moment,
    OrderLine,
    Person,
    Review,
    Script,
    Segment,
    SegmentTiming,
    Stream,
    StreamPerson,
)
from livedesk.models.live import Incident, LinkEvent
from livedesk.services import review_views as rv

pytestmark = pytest.mark.usefixtures("laptop_timezone")  # figures must not depend on the laptop's zone

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = dt.datetime(2026, 11, 12, 19, 30, tzinfo=SHANGHAI)


def make_stream(db, start=START, platform="douyin", account="A", host: str | None = None, title="场") -> int:
    with db.session() as s:
        stream = Stream(title=title, start_at=start, planned_minutes=120, platform=platform, account=account)
        s.add(stream)
        s.flush()
        if host:
            person = s.query(Person).filter_by(name=host).one_or_none() or Person(name=host)
            s.add(person)
            s.flush()
            s.add(StreamPerson(stream_id=stream.id, person_id=person.id, role="host"))
        return stream.id


def add_review(db, stream_id, **figures) -> int:
    with db.session() as s:
        review = Review(stream_id=stream_id, **figures)
        s.add(review)
        s.flush()
        return review.id


def test_choices_default_and_richest(db):
    a = make_stream(db, START)
    b = make_stream(db, START + dt.timedelta(days=1))
    c = make_stream(db, START + dt.timedelta(days=2))
    rid = add_review(db, a, gmv=Decimal(10))
    with db.session() as s:
        s.add_all(CurvePoint(review_id=rid, second=60 * i, online=i) for i in range(30))
    add_review(db, b, gmv=Decimal(5))
    choices = rv.stream_choices(db)
    assert [x.id for x in choices] == [a, b, c]
    assert rv.default_stream(choices) == b  # most recent with data
    assert rv.richest_stream(choices) == a
    assert rv.default_stream([]) is None


def test_chart_data_bands_markers_and_cumulative(db):
    sid = make_stream(db)
    rid = add_review(db, sid)
    with db.session() as s:
        s.add_all(CurvePoint(review_id=rid, second=60 * i, online=100 + i, gmv=Decimal(10)) for i in range(10))
        script = Script(stream_id=sid)
        s.add(script)
        script.segments.append(Segment(position=0, title="开场", kind="opening", start_seconds=0, duration_seconds=300))
        script.segments.append(Segment(position=1, title="讲解", kind="pitch", start_seconds=300, duration_seconds=300))
        s.flush()
        s.add(SegmentTiming(stream_id=sid, segment_id=script.segments[1].id, started_at=START + dt.timedelta(minutes=6),
                            ended_at=START + dt.timedelta(minutes=9)))
        s.add(Incident(stream_id=sid, at=START + dt.timedelta(minutes=4), kind="network", note="断网"))
        s.add(LinkEvent(stream_id=sid, at=START + dt.timedelta(minutes=2), action="up"))
        s.add(LinkEvent(stream_id=sid, at=START + dt.timedelta(minutes=3), action="stock"))
    data = rv.chart_data(db, sid)
    assert data.minutes == list(range(10)) and data.series["online"][0] == 100
    assert [(b.title, b.start_minute, b.minutes, b.actual) for b in data.segments] == [
        ("开场", 0, 5, False), ("讲解", 6, 3, True)
    ]
    assert sorted((m.kind, m.minute) for m in data.markers) == [("link_up", 2), ("network", 4)]
    assert data.segment_at(7) == "讲解" and data.segment_at(5.5) is None
    assert rv.cumulative(data.series["gmv"])[-1] == 100
    assert rv.chart_data(db, 9999).empty


def test_moment_notes_and_debrief(db):
    sid = make_stream(db)
    rid = add_review(db, sid)
    with db.session() as s:
        moment = Moment(review_id=rid, kind="peak", minute=30, online=900)
        s.add(moment)
        s.flush()
        mid = moment.id
    [row] = rv.list_moments(db, sid)
    assert row.at == START + dt.timedelta(minutes=30) and row.note == ""
    assert rv.set_moment_note(db, mid, "福袋") == ""
    assert rv.list_moments(db, sid)[0].note == "福袋"
    other = make_stream(db, START + dt.timedelta(days=1))
    rv.save_debrief(db, other, highlights="好")  # creates the review row
    assert rv.get_debrief(db, other) == {"highlights": "好", "problems": "", "root_cause": ""}


def test_improvement_crud_keeps_ids(db):
    sid = make_stream(db)
    item = rv.ImprovementData("提前发券", "小薇", dt.date(2026, 11, 20))
    item.id = rv.add_improvement(db, sid, item)
    old = rv.update_improvement(db, rv.ImprovementData("提前发券", "老周", None, True, item.id))
    assert old.owner == "小薇"
    [now] = rv.list_improvements(db, sid)
    assert (now.owner, now.done, now.due_date) == ("老周", True, None)
    gone = rv.delete_improvement(db, item.id)
    assert rv.list_improvements(db, sid) == []
    assert rv.add_improvement(db, sid, gone) == item.id


def test_composition_counts_paid_orders_by_source(db):
    sid = make_stream(db)
    rid = add_review(db, sid, natural_uv=800, paid_uv=200, buyers=10, refund_buyers=1)
    with db.session() as s:
        s.add_all([
            OrderLine(review_id=rid, order_id="1", amount=Decimal(100), status="已完成", traffic_source="直播间"),
            OrderLine(review_id=rid, order_id="2", amount=Decimal(50), status="已完成", traffic_source="直播间"),
            OrderLine(review_id=rid, order_id="3", amount=Decimal(70), status="已取消", traffic_source="短视频"),
        ])
    comp = rv.composition(db, sid)
    assert comp.order_sources == [("直播间", 2, Decimal(150))]
    assert comp.refund_rate == Decimal("0.1") and not comp.empty


def test_trends_sum_then_divide_and_filter(db):
    a = make_stream(db, START, host="小薇")
    b = make_stream(db, START + dt.timedelta(days=1), host="小薇")
    c = make_stream(db, START + dt.timedelta(days=20), platform="kuaishou", account="B", host="老周")
    make_stream(db, START + dt.timedelta(days=2))  # no review: not counted
    add_review(db, a, gmv=Decimal(1000), uv=1000, buyers=10)
    add_review(db, b, gmv=Decimal(3000), uv=1000, buyers=30)
    add_review(db, c, gmv=Decimal(500), uv=None, buyers=5)
    days = rv.trends(db, "day", tz=SHANGHAI)
    assert [r.period for r in days] == ["2026-11-12", "2026-11-13", "2026-12-02"]
    [month_nov, month_dec] = rv.trends(db, "month", tz=SHANGHAI)
    assert month_nov.streams == 2 and month_nov.gmv == 4000 and month_nov.conversion == Decimal("0.02")
    assert month_dec.conversion is None and month_dec.aov_per_buyer == 100
    assert rv.trends(db, "week", tz=SHANGHAI)[0].period == "2026-W46"
    assert [r.streams for r in rv.trends(db, "month", host="小薇", tz=SHANGHAI)] == [2]
    assert [r.period for r in rv.trends(db, "month", platform="kuaishou", tz=SHANGHAI)] == ["2026-12"]
    assert rv.trends(db, "month", account="nobody") == []
    filters = rv.trend_filters(db)
    assert filters.hosts == ["小薇", "老周"] and filters.platforms == ["douyin", "kuaishou"]


def test_product_lines_carry_the_pool_margin_at_the_lineup_price(db):
    import datetime as dt
    from decimal import Decimal

    from livedesk.models import LineupItem, Product, ProductResult, Review, Stream
    from livedesk.services import review_views

    with db.session() as s:
        stream = Stream(title="s", start_at=dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc), planned_minutes=60)
        product = Product(sku="M1", name="精华", live_price=Decimal("200"), cost=Decimal("60"), commission_rate=Decimal("0.2"))
        s.add_all([stream, product])
        s.flush()
        s.add(LineupItem(stream_id=stream.id, product_id=product.id, live_price=Decimal("100")))
        review = Review(stream_id=stream.id)
        s.add(review)
        s.flush()
        s.add(ProductResult(review_id=review.id, product_id=product.id, name="精华", exposure_users=100, click_users=10))
        s.add(ProductResult(review_id=review.id, name="not in the pool", exposure_users=100, click_users=1))
        stream_id = stream.id
    lines = {line.name: line for line in review_views.product_lines(db, stream_id)}
    assert lines["精华"].margin == Decimal("0.2")  # (100 − 60 − 0.2 × 100) / 100 at the lineup's price
    assert lines["not in the pool"].margin is None
