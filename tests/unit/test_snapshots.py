"""Undoable deletes restore a stream with everything attached to it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from livedesk.models import LineupItem, Product, Script, Segment, Stream, StreamPerson
from livedesk.services import schedule, snapshots


def test_deleting_and_restoring_a_stream_brings_back_its_script_lineup_and_people(db):
    with db.session() as session:
        stream = schedule.create_stream(session, schedule.StreamData(
            title="专场", start_at=dt.datetime(2026, 11, 20, 12, tzinfo=dt.timezone.utc), planned_minutes=120,
            people=[("小薇", "host")],
        ))
        product = Product(sku="S1", name="护手霜")
        session.add(product)
        session.flush()
        session.add(LineupItem(stream_id=stream.id, product_id=product.id, position=0))
        session.add(Script(stream_id=stream.id, segments=[Segment(title="开场", product_id=product.id)]))
        stream_id = stream.id
    with db.session() as session:
        snap = snapshots.snapshot(session, Stream.__table__, [stream_id])
        schedule.delete_stream(session, stream_id)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Segment)) == 0
        snapshots.restore(session, snap)
    with db.session() as session:
        assert session.get(Stream, stream_id).title == "专场"
        assert session.scalar(select(func.count()).select_from(StreamPerson)) == 1
        assert session.scalar(select(func.count()).select_from(LineupItem)) == 1
        assert session.scalars(select(Segment.title)).all() == ["开场"]


def test_restoring_a_product_relinks_segments_that_pointed_at_it(db):
    with db.session() as session:
        stream = Stream(title="s", start_at=dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc), planned_minutes=60)
        product = Product(sku="S2", name="洗脸巾")
        session.add_all([stream, product])
        session.flush()
        session.add(Script(stream_id=stream.id, segments=[Segment(title="讲解", product_id=product.id)]))
        product_id = product.id
    with db.session() as session:
        snap = snapshots.snapshot(session, Product.__table__, [product_id])
        session.delete(session.get(Product, product_id))
    with db.session() as session:
        assert session.scalar(select(Segment.product_id)) is None
        snapshots.restore(session, snap)
    with db.session() as session:
        assert session.scalar(select(Segment.product_id)) == product_id


def test_restore_gives_new_ids_when_sqlite_reused_the_old_ones(db):
    start = dt.datetime(2026, 11, 20, 12, tzinfo=dt.timezone.utc)
    with db.session() as session:
        stream = schedule.create_stream(session, schedule.StreamData(title="旧场", start_at=start, planned_minutes=60))
        session.add(Script(stream_id=stream.id, segments=[Segment(title="开场"), Segment(title="讲解")]))
        old_id = stream.id
    with db.session() as session:
        snap = snapshots.snapshot(session, Stream.__table__, [old_id])
        schedule.delete_stream(session, old_id)
    with db.session() as session:  # a new stream and script take the freed ids
        newer = schedule.create_stream(session, schedule.StreamData(title="新场", start_at=start, planned_minutes=60))
        session.add(Script(stream_id=newer.id, segments=[Segment(title="新开场"), Segment(title="新讲解")]))
    assert newer.id == old_id
    with db.session() as session:
        moved = snapshots.restore(session, snap)
    restored_id = moved["streams"][old_id]
    with db.session() as session:
        assert session.get(Stream, restored_id).title == "旧场"
        assert session.get(Stream, old_id).title == "新场"
        titles = {s.title: s.script.stream_id for s in session.scalars(select(Segment))}
        assert titles == {"开场": restored_id, "讲解": restored_id, "新开场": old_id, "新讲解": old_id}
