"""The schedule tab's reads and roster save (no Qt): one unit of work each, plain data back."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from livedesk.services import schedule, schedule_reads, schedule_steps

START = dt.datetime(2026, 11, 20, 20, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def stream(title: str, start: dt.datetime = START, account: str = "", people=()) -> schedule.StreamData:
    return schedule.StreamData(title=title, start_at=start, planned_minutes=120, account=account, people=list(people))


def test_the_schedule_view_holds_streams_clashes_roster_and_accounts(db):
    schedule_steps.create(db, [
        stream("周五美妆", account="小薇直播间", people=[("小薇", "host")]),
        stream("周五零食", START + dt.timedelta(hours=1), account="小薇直播间", people=[("小薇", "host")]),
        stream("周日家居", START + dt.timedelta(days=2), account="家居号"),
    ])
    view = schedule_reads.read_schedule(db)
    assert [s.title for s in view.streams] == ["周五美妆", "周五零食", "周日家居"]
    clashing = {s.id for s in view.streams if s.title.startswith("周五")}
    assert set(view.conflicts) == clashing  # same host and account at overlapping times
    assert {c.kind for c in view.conflicts[min(clashing)]} == {"person", "account"}
    assert view.people == ["小薇"]
    assert view.accounts == ["家居号", "小薇直播间"]


def test_read_streams_keeps_the_order_asked_and_refuses_a_deleted_one(db, teammate):
    ids, _ = schedule_steps.create(db, [stream("一"), stream("二", START + dt.timedelta(days=1))])
    assert [s.title for s in schedule_reads.read_streams(db, list(reversed(ids)))] == ["二", "一"]
    with teammate.session() as t:
        schedule.delete_stream(t, ids[0])
    with pytest.raises(schedule.ValidationError):
        schedule_reads.read_streams(db, ids)


def test_the_roster_saves_and_reads_back_as_plain_rows(db):
    first = schedule_steps.save_person(db, " 小薇 ", ["host", "controller"])
    second = schedule_steps.save_person(db, "阿杰", [], active=False)
    assert sorted(schedule_reads.read_roster(db), key=lambda p: p.id) == [
        schedule_reads.PersonRow(first, "小薇", ("host", "controller"), True),
        schedule_reads.PersonRow(second, "阿杰", (), False),
    ]
    assert schedule_steps.save_person(db, "小薇老师", ["host"], first) == first  # a rename keeps the person
    with pytest.raises(schedule.ValidationError, match="already on the roster"):
        schedule_steps.save_person(db, "阿杰", [])
    assert sorted(p.name for p in schedule_reads.read_roster(db)) == sorted(["阿杰", "小薇老师"])


def test_rehearsal_findings_name_a_missing_script(db):
    [stream_id], _ = schedule_steps.create(db, [stream("彩排专场")])
    [finding] = schedule_reads.rehearsal_findings(db, stream_id)
    assert (finding.field, finding.term) == ("script", "没有脚本")
