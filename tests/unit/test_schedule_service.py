"""The schedule service: streams with people and goals, undoable deletes, duplication, filters, conflicts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from livedesk.models import Person, Stream, StreamPerson
from livedesk.services.db import open_database
from livedesk.services.schedule import (
    StreamData,
    StreamFilter,
    ValidationError,
    conflicts_by_stream,
    create_stream,
    delete_stream,
    duplicate_data,
    find_conflicts,
    get_stream_data,
    list_people,
    list_streams,
    save_person,
    stream_to_json,
    update_stream,
    validate,
)


@pytest.fixture
def db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'livedesk.db'}")
    yield database
    database.close()


def local(*args: int) -> dt.datetime:
    return dt.datetime(*args).astimezone()


def make(title: str = "周五日常场", start: dt.datetime | None = None, minutes: int = 120, **kw) -> StreamData:
    return StreamData(title=title, start_at=start or local(2026, 11, 20, 20, 0), planned_minutes=minutes, **kw)


def add(db, data: StreamData) -> int:
    with db.session() as s:
        return create_stream(s, data).id


def titles(db, flt: StreamFilter | None = None) -> list[str]:
    with db.session() as s:
        return [r.title for r in list_streams(s, flt)]


# --- create / update / delete / restore ----------------------------------------------------------------------


def test_create_and_read_back_everything(db):
    data = make(
        platform="kuaishou", account="@店", theme="新品发布", stream_type="special", status="scripted",
        gmv_target=Decimal("50000.00"), viewers_target=20000, peak_online_target=800,
        conversion_target=Decimal("0.035"), new_followers_target=300, welfare_plan="秒杀", warmup_plan="预告",
        notes="备注", people=[("小美", "host"), ("阿杰", "co_host"), ("阿杰", "controller")],
    )
    stream_id = add(db, data)
    with db.session() as s:
        back = get_stream_data(s, stream_id)
        assert {p.name for p in list_people(s)} == {"小美", "阿杰"}
    assert back.id == stream_id
    assert dataclasses.replace(back, id=None) == data
    assert back.start_at == data.start_at and back.start_at.tzinfo is not None


def test_update_changes_fields_and_people(db):
    stream_id = add(db, make(people=[("小美", "host"), ("阿杰", "co_host")]))
    with db.session() as s:
        data = get_stream_data(s, stream_id)
        data.title = "改名了"
        data.planned_minutes = 90
        data.people = [("小美", "host"), ("小王", "controller")]
        update_stream(s, stream_id, data)
    with db.session() as s:
        back = get_stream_data(s, stream_id)
        assert s.scalar(select(func.count()).select_from(StreamPerson)) == 2
    assert (back.title, back.planned_minutes) == ("改名了", 90)
    assert sorted(back.people) == [("小王", "controller"), ("小美", "host")]


def test_update_of_a_deleted_stream_is_refused(db):
    stream_id = add(db, make())
    with db.session() as s:
        delete_stream(s, stream_id)
    with db.session() as s, pytest.raises(ValidationError, match="no longer exists"):
        update_stream(s, stream_id, make())


def test_delete_returns_data_that_restores_the_same_stream(db):
    keep_id = add(db, make("别的场次", start=local(2026, 11, 21, 20, 0)))
    stream_id = add(db, make(gmv_target=Decimal("1000.00"), people=[("小美", "host"), ("阿杰", "operator")]))
    with db.session() as s:
        before = get_stream_data(s, stream_id)
    with db.session() as s:
        deleted = delete_stream(s, stream_id)
    assert deleted == before
    with db.session() as s:
        assert s.get(Stream, stream_id) is None
        assert s.scalar(select(func.count()).select_from(StreamPerson)) == 0
        assert s.scalar(select(func.count()).select_from(Person)) == 2  # the roster keeps the people
    with db.session() as s:
        restored = create_stream(s, deleted)
        assert restored.id == stream_id
    with db.session() as s:
        assert get_stream_data(s, stream_id) == before
        assert get_stream_data(s, keep_id).title == "别的场次"


def test_delete_and_undo_in_one_session(db):
    stream_id = add(db, make(people=[("小美", "host")]))
    with db.session() as s:
        deleted = delete_stream(s, stream_id)
        assert create_stream(s, deleted).id == stream_id
    with db.session() as s:
        assert get_stream_data(s, stream_id).people == [("小美", "host")]


def test_delete_of_a_missing_stream_is_refused(db):
    with db.session() as s, pytest.raises(ValidationError):
        delete_stream(s, 999)


def test_duplicate_shifts_a_week_and_resets_status(db):
    stream_id = add(db, make(status="reviewed", people=[("小美", "host")], gmv_target=Decimal("100.00")))
    with db.session() as s:
        original = get_stream_data(s, stream_id)
    copy = duplicate_data(original)
    assert copy.id is None
    assert copy.start_at == original.start_at + dt.timedelta(days=7)
    assert copy.status == "planned"
    assert (copy.title, copy.gmv_target, copy.people) == (original.title, original.gmv_target, original.people)
    copy.people.append(("阿杰", "co_host"))
    assert original.people == [("小美", "host")]  # the copy's list is its own
    assert duplicate_data(original, dt.timedelta(days=1)).start_at == original.start_at + dt.timedelta(days=1)
    new_id = add(db, copy)
    assert new_id != stream_id
    with db.session() as s:
        assert len(list_streams(s)) == 2


# --- filters -----------------------------------------------------------------------------------------------------


@pytest.fixture
def filled(db):
    ids = {
        "a": add(db, make("十一月底", start=local(2026, 11, 30, 23, 30), platform="douyin", account="@甲",
                          people=[("小美", "host")], notes="Lucky bag")),
        "b": add(db, make("十二月初", start=local(2026, 12, 1, 0, 30), platform="kuaishou", status="scripted",
                          people=[("阿杰", "host")])),
        "c": add(db, make("十一月初", start=local(2026, 11, 1, 0, 0), platform="taobao", status="live",
                          account="@乙", people=[("小美", "co_host"), ("阿杰", "controller")])),
        "d": add(db, make("十月", start=local(2026, 10, 31, 23, 59), platform="douyin")),
    }
    return ids


def test_list_is_ordered_by_start(db, filled):
    assert titles(db) == ["十月", "十一月初", "十一月底", "十二月初"]


def test_filter_by_month_uses_local_month_boundaries(db, filled):
    assert titles(db, StreamFilter(month=(2026, 11))) == ["十一月初", "十一月底"]
    assert titles(db, StreamFilter(month=(2026, 12))) == ["十二月初"]
    assert titles(db, StreamFilter(month=(2026, 10))) == ["十月"]


def test_filter_by_platform_and_status(db, filled):
    assert titles(db, StreamFilter(platforms=frozenset({"douyin"}))) == ["十月", "十一月底"]
    assert titles(db, StreamFilter(platforms=frozenset({"kuaishou", "taobao"}))) == ["十一月初", "十二月初"]
    assert titles(db, StreamFilter(statuses=frozenset({"scripted", "live"}))) == ["十一月初", "十二月初"]
    assert titles(db, StreamFilter(platforms=frozenset({"douyin"}), statuses=frozenset({"live"}))) == []


def test_filter_by_person(db, filled):
    with db.session() as s:
        people = {p.name: p.id for p in list_people(s)}
    assert titles(db, StreamFilter(person_id=people["小美"])) == ["十一月初", "十一月底"]
    assert titles(db, StreamFilter(person_id=people["阿杰"])) == ["十一月初", "十二月初"]


def test_filter_by_text_searches_title_account_notes_and_people(db, filled):
    assert titles(db, StreamFilter(text="十一月")) == ["十一月初", "十一月底"]
    assert titles(db, StreamFilter(text="@乙")) == ["十一月初"]
    assert titles(db, StreamFilter(text="lucky BAG")) == ["十一月底"]
    assert titles(db, StreamFilter(text="阿杰")) == ["十一月初", "十二月初"]
    assert titles(db, StreamFilter(text="没有这个")) == []


def test_filters_combine(db, filled):
    assert titles(db, StreamFilter(month=(2026, 11), text="小美", platforms=frozenset({"douyin"}))) == ["十一月底"]


# --- conflicts ----------------------------------------------------------------------------------------------------


def stored(db) -> list[StreamData]:
    with db.session() as s:
        return list_streams(s)


def test_one_person_on_overlapping_streams_is_a_conflict(db):
    a = add(db, make("A", start=local(2026, 11, 20, 20, 0), minutes=120, people=[("小美", "host")]))
    b = add(db, make("B", start=local(2026, 11, 20, 21, 0), minutes=60, people=[("小美", "co_host"), ("阿杰", "host")]))
    conflicts = find_conflicts(stored(db))
    assert [(c.kind, c.stream_ids, c.detail) for c in conflicts] == [("person", (a, b), "小美")]
    assert set(conflicts_by_stream(conflicts)) == {a, b}


def test_one_account_on_overlapping_streams_is_a_conflict(db):
    a = add(db, make("A", start=local(2026, 11, 20, 20, 0), account="@店", people=[("小美", "host")]))
    b = add(db, make("B", start=local(2026, 11, 20, 21, 59), account="@店", people=[("阿杰", "host")]))
    add(db, make("C", start=local(2026, 11, 20, 21, 0), account="@别的店"))
    conflicts = find_conflicts(stored(db))
    assert [(c.kind, c.stream_ids, c.detail) for c in conflicts] == [("account", (a, b), "@店")]


def test_back_to_back_streams_are_not_a_conflict(db):
    add(db, make("A", start=local(2026, 11, 20, 18, 0), minutes=120, account="@店", people=[("小美", "host")]))
    add(db, make("B", start=local(2026, 11, 20, 20, 0), minutes=120, account="@店", people=[("小美", "host")]))
    assert find_conflicts(stored(db)) == []


def test_a_long_stream_conflicts_with_a_later_one_inside_it(db):
    a = add(db, make("Long", start=local(2026, 11, 20, 12, 0), minutes=600, people=[("小美", "host")]))
    add(db, make("Other", start=local(2026, 11, 20, 13, 0), minutes=30, people=[("阿杰", "host")]))
    c = add(db, make("Late", start=local(2026, 11, 20, 21, 0), minutes=60, people=[("小美", "host")]))
    assert [(x.kind, x.stream_ids) for x in find_conflicts(stored(db))] == [("person", (a, c))]


def test_unsaved_streams_are_ignored_by_conflicts():
    assert find_conflicts([make(people=[("小美", "host")]), make(people=[("小美", "host")])]) == []


# --- validation -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"title": "   "}, "title"),
        ({"start_at": dt.datetime(2026, 11, 20, 20, 0)}, "time zone"),
        ({"planned_minutes": 0}, "1 and 1440"),
        ({"planned_minutes": 1441}, "1 and 1440"),
        ({"platform": "weibo"}, "platform"),
        ({"stream_type": "weekly"}, "stream type"),
        ({"status": "done"}, "status"),
        ({"gmv_target": Decimal("-1")}, "negative"),
        ({"viewers_target": -5}, "negative"),
        ({"conversion_target": Decimal("1.5")}, "conversion"),
        ({"people": [("小美", "boss")]}, "role"),
    ],
)
def test_validation_errors(db, change, fragment):
    data = dataclasses.replace(make(), **change)
    with pytest.raises(ValidationError, match=fragment):
        validate(data)
    with db.session() as s, pytest.raises(ValidationError):
        create_stream(s, data)
    with db.session() as s:
        assert list_streams(s) == []


def test_roster_names_are_unique(db):
    with db.session() as s:
        person = save_person(s, " 小美 ", ["host", "co_host"])
        assert person.usual_roles == "host,co_host"
        with pytest.raises(ValidationError, match="already"):
            save_person(s, "小美", [])
        with pytest.raises(ValidationError, match="empty"):
            save_person(s, "  ", [])


def test_stream_to_json(db):
    stream_id = add(db, make(gmv_target=Decimal("12.50"), people=[("小美", "host")]))
    with db.session() as s:
        out = stream_to_json(get_stream_data(s, stream_id))
    assert out["id"] == stream_id
    assert out["gmv_target"] == 12.5
    assert out["people"] == [{"name": "小美", "role": "host"}]
    assert dt.datetime.fromisoformat(out["start"]) == local(2026, 11, 20, 20, 0)
