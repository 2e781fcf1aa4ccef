"""The script tab's door to the database (no Qt): reads, file steps, replacing steps, rehearsal and word list
steps, each one unit of work opened by the service and returning plain data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from script_helpers import add_to_lineup, fixture_pool, make_product, make_stream

from livedesk.models import Product, Stream
from livedesk.services import schedule, script_files, script_steps, scripts
from livedesk.services.compliance import word_list
from livedesk.services.importers.errors import ImportFailed
from livedesk.services.scripts import reads

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCRIPT = FIXTURES / "exports" / "douyin_tidy" / "直播脚本.xlsx"
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=SHANGHAI)


def stream_data(stream_id: int, day: int, status: str, minutes: int = 120) -> schedule.StreamData:
    data = schedule.StreamData(title=f"s{stream_id}", start_at=dt.datetime(2026, 11, day, 20, 0, tzinfo=SHANGHAI),
                               planned_minutes=minutes, status=status)
    data.id = stream_id
    return data


# --- reads --------------------------------------------------------------------------------------------------


def test_streams_past_planning_come_first_and_the_next_one_is_the_default():
    streams = reads.order_streams([stream_data(1, 25, "planned"), stream_data(2, 22, "scripted"),
                                   stream_data(3, 18, "done"), stream_data(4, 21, "planned")])
    assert [s.id for s in streams] == [3, 2, 4, 1]
    assert reads.choose_stream(streams, None, NOW) == 2  # the first not over yet (3 ended on the 18th)
    assert reads.choose_stream(streams, 4, NOW) == 4  # the one asked for, while it exists
    assert reads.choose_stream(streams, 99, NOW) == 2  # deleted meanwhile: the default
    over = reads.order_streams([stream_data(3, 18, "done"), stream_data(5, 19, "reviewed")])
    assert reads.choose_stream(over, None, NOW) == 5  # all over: the last
    assert reads.choose_stream([stream_data(4, 21, "planned")], None, NOW) == 4
    assert reads.choose_stream([], None, NOW) is None


def test_tab_data_reads_streams_terms_and_the_script_and_falls_back_when_the_stream_is_gone(db, teammate):
    with db.session() as s:
        first = make_stream(s, start="2026-11-21 20:00", title="周六专场")
        second = make_stream(s, start="2026-11-22 20:00", title="周日专场")
        for stream in (first, second):
            stream.status = "scripted"
        scripts.add_segment(s, second.id, kind="opening", title="开场", duration_seconds=300)
        first_id, second_id = first.id, second.id
    data = reads.tab_data(db, second_id, NOW)
    assert [s.title for s in data.streams] == ["周六专场", "周日专场"]
    assert data.stream_id == second_id and data.view is not None
    assert [seg.title for seg in data.view.segments] == ["开场"]
    assert scripts_findings(data.terms, "全网最低价")  # the word list in force came along
    with teammate.session() as t:
        schedule.delete_stream(t, second_id)
    data = reads.tab_data(db, second_id, NOW)
    assert data.stream_id == first_id and data.view is not None and data.view.segments == []


def scripts_findings(terms, text: str):
    from livedesk.services.compliance import check_text

    return check_text(text, terms)


def test_script_pitch_and_unresolved_reads(db):
    with db.session() as s:
        stream = make_stream(s)
        cream = make_product(s, "护手霜")
        add_to_lineup(s, stream, cream, 0, link=2)
        stream_id, cream_id = stream.id, cream.id
    assert reads.script(db, stream_id + 99) is None
    draft = reads.pitch(db, stream_id, cream_id)
    assert draft is not None and draft.link_number == 2 and "护手霜卖点1" in draft.host_lines
    assert reads.unresolved(db, stream_id)  # an empty, never rehearsed script is not ready


# --- building and importing the script ---------------------------------------------------------------------


def test_from_template_replaces_the_script_and_undo_brings_it_back_under_its_ids(db):
    with db.session() as s:
        stream = make_stream(s, minutes=60)
        add_to_lineup(s, stream, make_product(s, "护手霜"), 0, link=1)
        stream_id = stream.id
        ids = [scripts.add_segment(s, stream_id, kind="opening", title=t, duration_seconds=300).id for t in ("甲", "乙")]
        seen = scripts.snapshot_script(s, stream_id, with_ids=True)
    before, after = script_steps.from_template(db, stream_id, "daily", seen)
    assert [seg["id"] for seg in before] == ids
    assert after and after[0]["kind"] == "opening" and any(seg["kind"] == "pitch" for seg in after)
    assert [seg["id"] for seg in script_steps.replace(db, stream_id, before, expected=after)] == ids


def test_a_template_over_a_script_a_teammate_changed_writes_nothing(db, teammate):
    with db.session() as s:
        stream_id = make_stream(s).id
        first = scripts.add_segment(s, stream_id, kind="opening", title="开场", duration_seconds=300).id
        seen = scripts.snapshot_script(s, stream_id, with_ids=True)
    with teammate.session() as t:
        scripts.update_segment(t, first, title="他们的开场")
    with pytest.raises(scripts.ScriptChangedError):
        script_steps.from_template(db, stream_id, "daily", seen)
    assert [seg.title for seg in reads.script(db, stream_id).segments] == ["他们的开场"]


def test_an_import_writes_what_the_preview_read_without_reading_the_file_again(db, tmp_path):
    with db.session() as s:
        stream = make_stream(s, start="2026-11-12 19:30", minutes=150)
        fixture_pool(s, stream)
        stream_id = stream.id
    copy = tmp_path / "直播脚本.xlsx"
    copy.write_bytes(SCRIPT.read_bytes())
    checked = script_files.check_import(db, stream_id, copy)
    assert reads.script(db, stream_id).segments == []  # the preview wrote nothing
    copy.unlink()  # the import does not need the file any more
    before, after = script_steps.import_sheet(db, stream_id, checked.sheet, [])
    assert before == [] and len(after) == len(checked.sheet.segments) == 6
    assert [seg["title"] for seg in after] == [seg["title"] for seg in checked.sheet.segments]


def test_an_import_is_refused_when_a_teammate_moved_the_stream_or_deleted_a_product_meanwhile(db, teammate):
    with db.session() as s:
        stream = make_stream(s, start="2026-11-12 19:30", minutes=150)
        pool = fixture_pool(s, stream)
        stream_id, cream_id = stream.id, pool["护手霜 3支装"].id
    checked = script_files.check_import(db, stream_id, SCRIPT)
    with teammate.session() as t:
        t.get(Stream, stream_id).planned_minutes = 180
    with pytest.raises(ImportFailed, match="Import the file again"):
        script_steps.import_sheet(db, stream_id, checked.sheet, [])
    checked = script_files.check_import(db, stream_id, SCRIPT)
    with teammate.session() as t:
        t.delete(t.get(Product, cream_id))
    with pytest.raises(ImportFailed, match="deleted a product"):
        script_steps.import_sheet(db, stream_id, checked.sheet, [])
    assert reads.script(db, stream_id).segments == []


def test_export_and_run_sheet_read_the_stored_script(db, tmp_path):
    with db.session() as s:
        stream_id = make_stream(s, title="周五专场").id
        scripts.add_segment(s, stream_id, kind="opening", title="开场", duration_seconds=300)
    assert script_files.export_workbook(db, stream_id, tmp_path / "out.xlsx").exists()
    sheet = script_files.run_sheet(db, stream_id)
    assert sheet.title == "周五专场" and [r.title for r in sheet.rows] == ["开场"]


# --- rehearsals --------------------------------------------------------------------------------------------


def test_rehearsal_steps_time_segments_finish_and_mark_the_stream(db):
    with db.session() as s:
        stream_id = make_stream(s, minutes=10).id
        a = scripts.add_segment(s, stream_id, kind="opening", title="开场", duration_seconds=300).id
        b = scripts.add_segment(s, stream_id, kind="wrap_up", title="收尾", duration_seconds=300).id
    rehearsal = script_steps.start_rehearsal(db, stream_id)
    script_steps.record_rehearsal_time(db, rehearsal, a, 290)
    assert reads.script(db, stream_id).rehearsals[0].partial
    script_steps.record_rehearsal_time(db, rehearsal, b, 310.4, finish=True)
    [report] = reads.script(db, stream_id).rehearsals
    assert not report.partial and [r.actual_seconds for r in report.rows] == [290, 310]
    assert reads.unresolved(db, stream_id) == []
    script_steps.mark_rehearsed(db, stream_id)
    assert reads.tab_data(db, stream_id, NOW).view.status == "rehearsed"


# --- the word list -----------------------------------------------------------------------------------------


def test_word_list_changes_return_the_list_after_them(db, tmp_path):
    listed = {t.term: t for t in word_list.add(db, "神器", "inducement", "好用的工具")}
    assert listed["神器"].category == "inducement" and not listed["神器"].builtin
    listed = {t.term: t for t in word_list.recategorise(db, ["神器", "美白"], "absolute", "error")}
    assert (listed["神器"].category, listed["美白"].severity) == ("absolute", "error")
    listed = {t.term: t for t in word_list.remove(db, ["神器", "美白"])}
    assert "神器" not in listed and listed["美白"].removed
    assert not {t.term: t for t in word_list.restore(db, ["美白"])}["美白"].removed
    path = tmp_path / "词表.xlsx"
    assert word_list.export_file(db, path) == len(word_list.statuses(db))
    counts, listed = word_list.import_file(db, path)
    assert counts["added"] == 0 and counts["unchanged"] == len(listed)
    assert [f.term for f in scripts_findings(reads.terms(db), "美白")] == ["美白"]  # restored: checked again


def test_a_refused_word_list_change_writes_nothing(db):
    before = word_list.statuses(db)
    with pytest.raises(ValueError, match="顶级"):
        word_list.add(db, "神器", "custom", "顶级好物")  # a safer wording may not hold a listed word
    with pytest.raises(ValueError):
        word_list.recategorise(db, ["美白", "不在列表里"], "absolute")  # one bad term: none is moved
    assert word_list.statuses(db) == before
