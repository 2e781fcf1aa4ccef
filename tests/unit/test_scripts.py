"""The script service: segments, templates, pitch lines, import/export of the Excel run sheet, rehearsals."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from script_helpers import add_to_lineup, fixture_pool, make_product, make_stream

from livedesk.models import LineupItem, Stream
from livedesk.services import compliance, scripts, timeline
from livedesk.services.exporters.script_sheet import export_script_sheet
from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.script_sheet import import_script_sheet, kind_from_words
from livedesk.services.scripts import ScriptError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"  # in the repository: no test reads outside it
HEADER = ["时间节点", "直播阶段", "环节", "主播动作/口播", "副播场控配合", "商品/链接号", "直播价", "备注"]


def write_sheet(path: Path, rows: list[list[object]], header: list[str] | None = HEADER) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["测试专场 直播脚本"])
    if header is not None:
        sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


# --- segments ------------------------------------------------------------------------------------


def test_segment_editing(db) -> None:
    with db.session() as s:
        stream = make_stream(s)
        a = scripts.add_segment(s, stream.id, kind="opening", title="开场", duration_seconds=300)
        b = scripts.add_segment(s, stream.id, kind="pitch", title="讲解", duration_seconds=600)
        c = scripts.add_segment(s, stream.id, position=1, kind="interaction", title="互动", duration_seconds=120)
        assert (a.start_seconds, b.start_seconds, c.start_seconds) == (0, 300, 300)
        assert [x.title for x in scripts.list_segments(s, stream.id)] == ["开场", "互动", "讲解"]
        assert s.get(Stream, stream.id).status == "scripted"
        scripts.move_segment(s, c.id, 2)
        assert [(x.title, x.start_seconds) for x in scripts.list_segments(s, stream.id)] == [
            ("开场", 0), ("讲解", 300), ("互动", 900)]
        scripts.update_segment(s, b.id, title="讲解：面霜", duration_seconds=540)
        deleted = scripts.delete_segment(s, c.id)
        assert deleted["title"] == "互动" and deleted["position"] == 2
        assert [x.position for x in scripts.list_segments(s, stream.id)] == [0, 1]
        with pytest.raises(ScriptError):
            scripts.update_segment(s, a.id, kind="dance")
        with pytest.raises(ScriptError):
            scripts.update_segment(s, a.id, duration_seconds=0)
        with pytest.raises(ScriptError):
            scripts.add_segment(s, stream.id, colour="red")


def test_edits_withdraw_approval_and_undo_by_snapshot(db) -> None:
    with db.session() as s:
        stream = make_stream(s)
        scripts.replace_script_segments(s, stream.id, [
            {"kind": "opening", "title": "开场", "start_seconds": 0, "duration_seconds": 300},
            {"kind": "wrap_up", "title": "下播", "start_seconds": 300, "duration_seconds": 300},
        ])
        scripts.set_approved(s, stream.id)
        before = scripts.snapshot_script(s, stream.id)
        segment = scripts.list_segments(s, stream.id)[0]
        scripts.update_segment(s, segment.id, host_lines="大家好")
        assert not scripts.get_script(s, stream.id).approved
        scripts.replace_script_segments(s, stream.id, before)
        assert scripts.snapshot_script(s, stream.id) == before


def test_set_segment_times_from_a_drag(db) -> None:
    with db.session() as s:
        stream = make_stream(s, minutes=10)
        scripts.replace_script_segments(s, stream.id, [
            {"title": "a", "start_seconds": 0, "duration_seconds": 300},
            {"title": "b", "start_seconds": 300, "duration_seconds": 300},
        ])
        spans = [(x.start_seconds, x.duration_seconds) for x in scripts.list_segments(s, stream.id)]
        scripts.set_segment_times(s, stream.id, timeline.resize_segment(spans, 0, 400, snap=60, ripple=True))
        assert [(x.start_seconds, x.duration_seconds) for x in scripts.list_segments(s, stream.id)] == [
            (0, 420), (420, 300)]
        assert [i.kind for i in scripts.plan_for(s, stream.id).issues()] == ["over_slot"]


# --- pitch lines and templates -------------------------------------------------------------------


def test_pitch_lines_hold_points_demos_and_faq(db) -> None:
    with db.session() as s:
        product = make_product(s, "面霜", points=3, faqs=2, price="99")
        lines = scripts.pitch_lines(product, Decimal("89"))
    assert lines.splitlines()[0] == "【面霜】直播间价 ¥89（日常价 ¥198）"
    for i in (1, 2, 3):
        assert f"卖点{i}：面霜卖点{i}" in lines
        assert f"演示：面霜演示{i}" in lines
    assert "问：面霜问题2" in lines and "答：面霜回答2" in lines
    assert lines.index("卖点1") < lines.index("演示：面霜演示1") < lines.index("卖点2")


LINEUP = [  # name, role, planned units
    ("洗脸巾", "welfare", None),
    ("护手霜", "traffic", 300),
    ("洁面乳", "traffic", None),
    ("精华液", "profit", 200),
    ("大衣", "profit", 800),
    ("睡衣", "profit", 100),
    ("香水", "image", 50),
]


@pytest.mark.parametrize(("stream_type", "minutes"), [("daily", 120), ("special", 180), ("big_promotion", 360)])
def test_templates_follow_the_rules(db, stream_type: str, minutes: int) -> None:
    with db.session() as s:
        stream = make_stream(s, minutes=minutes, stream_type=stream_type)
        ids = {}
        for position, (name, role, units) in enumerate(LINEUP):
            product = make_product(s, name, role)
            ids[name] = product.id
            add_to_lineup(s, stream, product, position, position + 1, units)
        segments = scripts.build_from_template(s, stream.id)
        rows = [scripts.segment_to_dict(x) for x in segments]
        issues = scripts.plan_for(s, stream.id).issues()
        findings = compliance.check_script(s, stream.id)
    slot = minutes * 60
    template = scripts.TEMPLATES[stream_type]
    assert issues == []  # contiguous and exactly the slot
    assert rows[0]["kind"] == "opening"
    assert rows[-1]["kind"] == "wrap_up"
    assert rows[-2]["kind"] == "closing_push"
    pitches = [r for r in rows if r["kind"] == "pitch"]
    by_product = {r["product_id"]: r for r in pitches}
    assert [r["product_id"] for r in pitches[:2]] == [ids["护手霜"], ids["洁面乳"]]  # traffic first
    assert rows[1]["product_id"] == ids["护手霜"]
    hero = by_product[ids["大衣"]]  # most planned units
    assert 0.30 * slot <= hero["start_seconds"] <= 0.40 * slot
    for name in ("精华液", "睡衣"):  # profit items after the hero
        assert by_product[ids[name]]["start_seconds"] > hero["start_seconds"]
    assert all(r["product_id"] != ids["洗脸巾"] for r in pitches)
    welfare = [r["start_seconds"] for r in rows if r["kind"] == "welfare"]
    every = template.welfare_every_minutes * 60
    assert len(welfare) >= slot // every - 2
    longest = max(r["duration_seconds"] for r in rows)
    assert welfare[0] <= every + longest
    for earlier, later in zip(welfare, welfare[1:], strict=False):
        assert every // 2 <= later - earlier <= every + longest + template.welfare
    assert all(r["product_id"] == ids["洗脸巾"] for r in rows if r["kind"] == "welfare")
    assert "大衣卖点1" in hero["host_lines"] and "演示：大衣演示1" in hero["host_lines"]
    assert "上架5号链接" in hero["cues"]
    assert findings == []  # the template's own wording is clean


def test_template_with_custom_welfare_interval_and_empty_lineup(db) -> None:
    with db.session() as s:
        stream = make_stream(s, minutes=120)
        rows = [scripts.segment_to_dict(x) for x in scripts.build_from_template(s, stream.id, "daily", 30)]
        assert rows[0]["kind"] == "opening" and rows[-1]["kind"] == "wrap_up"
        assert scripts.plan_for(s, stream.id).issues() == []
        welfare = [r["start_seconds"] for r in rows if r["kind"] == "welfare"]
        assert len(welfare) == 3  # on a 30-minute grid; none inside the closing push and wrap-up
        assert all(900 <= b - a <= 2700 for a, b in zip(welfare, welfare[1:], strict=False))
        assert all(r["kind"] in ("opening", "interaction", "welfare", "closing_push", "wrap_up") for r in rows)
        with pytest.raises(ScriptError):
            scripts.build_from_template(s, stream.id, "weekly")


def test_hero_pick() -> None:
    from types import SimpleNamespace

    def entry(role: str, units: int | None, price: str, cost: str) -> scripts.LineupEntry:
        product = SimpleNamespace(cost=Decimal(cost), commission_rate=None, name=role, id=1)
        return scripts.LineupEntry(product, role, Decimal(price), units, None)  # type: ignore[arg-type]

    cheap_many = entry("profit", 500, "50", "30")
    dear_few = entry("profit", 100, "500", "100")
    assert scripts.pick_hero([dear_few, cheap_many]) is cheap_many
    no_units = [entry("profit", None, "50", "30"), entry("image", None, "500", "100")]
    assert scripts.pick_hero(no_units) is no_units[1]
    assert scripts.pick_hero([entry("welfare", 999, "1", "0")]) is None


# --- import ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", ["douyin_tidy", "douyin_messy"])
def test_import_fixture_scripts(db, variant: str) -> None:
    folder = FIXTURES / "exports" / variant
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    with db.session() as s:
        stream = make_stream(s, start=expected["start"], minutes=expected["duration_minutes"])
        products = fixture_pool(s, stream)
        segments = import_script_sheet(s, stream.id, folder / "直播脚本.xlsx")
        rows = [scripts.segment_to_dict(x) for x in segments]
        prices = {i.product_id: i.live_price for i in s.query(LineupItem).filter_by(stream_id=stream.id)}
    assert len(rows) == 6
    assert [r["kind"] for r in rows] == ["gather", "retain", "pitch", "proof", "closing_push", "wrap_up"]
    assert [(r["start_seconds"] // 60, r["duration_seconds"] // 60) for r in rows] == [
        (0, 5), (5, 15), (20, 25), (45, 20), (65, 15), (80, 20)]
    assert [r["title"] for r in rows][2:5] == ["讲解：防晒喷雾", "讲解：胶原蛋白饮", "逼单：胶原蛋白饮"]
    assert rows[1]["product_id"] == products["护手霜 3支装"].id
    assert rows[3]["product_id"] == products["胶原蛋白饮 10瓶"].id
    assert rows[0]["product_id"] is None
    assert rows[1]["cues"] == "上架7号链接"
    assert rows[2]["host_lines"].startswith("这款防晒是顶级配方")
    assert prices[products["防晒喷雾 150ml"].id] == Decimal("89.00")


def test_import_by_link_number_offsets_and_minutes(db, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", [
        ["00:00-05:00", "开场", "开场", "大家好", "", "", "", ""],
        ["05:00-15:00", "讲解", "讲解面霜", "", "", "7号链接", "¥89", ""],
        ["10", "福利", "福袋", "", "发福袋", "", "", ""],
        ["5分钟", "", "下播", "", "", "面霜（7号链接）", "", "谢谢"],
    ])
    with db.session() as s:
        stream = make_stream(s, start="2026-11-15 20:00", minutes=30)
        cream = make_product(s, "面霜")
        add_to_lineup(s, stream, cream, 0, link=7)
        rows = [scripts.segment_to_dict(x) for x in import_script_sheet(s, stream.id, path)]
    assert [(r["start_seconds"], r["duration_seconds"]) for r in rows] == [(0, 300), (300, 600), (900, 600), (1500, 300)]
    assert [r["kind"] for r in rows] == ["opening", "pitch", "welfare", "wrap_up"]
    assert rows[1]["product_id"] == rows[3]["product_id"] == cream.id


def test_import_clock_times_crossing_midnight_and_start_only(db, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", [
        ["23:30-23:50", "开场", "开场", "", "", "", "", ""],
        ["23:50～00:20", "讲解", "讲解", "", "", "", "", ""],
        ["00:20", "互动", "互动", "", "", "", "", ""],
        ["００：４０", "收尾", "下播", "", "", "", "", ""],
    ])
    with db.session() as s:
        stream = make_stream(s, start="2026-11-15 23:30", minutes=80)
        rows = [scripts.segment_to_dict(x) for x in import_script_sheet(s, stream.id, path)]
    assert [(r["start_seconds"], r["duration_seconds"]) for r in rows] == [
        (0, 1200), (1200, 1800), (3000, 1200), (4200, 600)]


def test_product_added_to_lineup_when_found_in_pool(db, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", [["20:00-20:10", "讲解", "讲解", "", "", "面霜", 79, ""]])
    with db.session() as s:
        stream = make_stream(s)
        cream = make_product(s, "面霜")
        import_script_sheet(s, stream.id, path)
        item = s.query(LineupItem).filter_by(stream_id=stream.id).one()
        assert (item.product_id, item.live_price) == (cream.id, Decimal("79.00"))


def test_broken_script_missing_time_column(db, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", [["开场", "开场", "大家好"]], header=["直播阶段", "环节", "主播动作/口播"])
    with db.session() as s:
        stream = make_stream(s)
        with pytest.raises(ImportFailed) as failure:
            import_script_sheet(s, stream.id, path)
    assert "时间节点" in failure.value.message


def test_broken_script_bad_times_are_listed_and_nothing_is_written(db, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", [
        ["20:00-20:05", "开场", "开场", "", "", "", "", ""],
        ["25:99-xx", "讲解", "讲解", "", "", "", "", ""],
        ["20:10-20:05", "讲解", "讲解2", "", "", "", "", ""],
        ["19:00-19:10", "讲解", "讲解3", "", "", "", "", ""],
        ["", "讲解", "没有时间", "", "", "", "", ""],
        ["20:30-20:40", "讲解", "讲解4", "", "", "不存在的商品", "abc", ""],
    ])
    with db.session() as s:
        stream = make_stream(s)
        scripts.replace_script_segments(s, stream.id, [{"title": "原有", "duration_seconds": 60}])
        with pytest.raises(ImportFailed) as failure:
            import_script_sheet(s, stream.id, path)
        assert [x.title for x in scripts.list_segments(s, stream.id)] == ["原有"]
    problems = {(p.row, p.column) for p in failure.value.problems}
    # a product the pool lacks is no problem (it is kept on its segment); the bad price still is
    assert problems == {(4, "时间节点"), (5, "时间节点"), (6, "时间节点"), (7, "时间节点"), (8, "直播价")}
    bad = next(p for p in failure.value.problems if p.row == 4)
    assert bad.value == "25:99-xx"
    assert "row 4" in str(failure.value)


def test_broken_script_empty_files(db, tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    header_only = write_sheet(tmp_path / "header.xlsx", [])
    with db.session() as s:
        stream = make_stream(s)
        for path in (empty, header_only):
            with pytest.raises(ImportFailed):
                import_script_sheet(s, stream.id, path)


def test_kind_words() -> None:
    assert kind_from_words("锁客举证", "讲解：胶原蛋白饮") == "proof"
    assert kind_from_words("", "返场与下播") == "encore"
    assert kind_from_words("催单") == "closing_push"
    assert kind_from_words("秒杀") == "welfare"
    assert kind_from_words("", "") is None


# --- export ---------------------------------------------------------------------------------------


def test_export_then_reimport_round_trip(db, tmp_path: Path) -> None:
    with db.session() as s:
        stream = make_stream(s, start="2026-11-15 23:00", minutes=120, stream_type="daily")
        for position, (name, role, units) in enumerate(LINEUP):
            add_to_lineup(s, stream, make_product(s, name, role), position, position + 1, units)
        scripts.build_from_template(s, stream.id)
        segment = scripts.list_segments(s, stream.id)[1]
        scripts.update_segment(s, segment.id, bgm="轻快", props="样品", notes="=不是公式", start_seconds=330)
        before = scripts.snapshot_script(s, stream.id)
        out = export_script_sheet(s, stream.id, tmp_path / "run.xlsx")
        import_script_sheet(s, stream.id, out)
        after = scripts.snapshot_script(s, stream.id)
    for a, b in zip(before, after, strict=True):
        for key in ("kind", "title", "start_seconds", "duration_seconds", "product_id", "cues", "props", "bgm"):
            assert a[key] == b[key], key
        assert a["host_lines"] == b["host_lines"]
    sheet = load_workbook(out).active
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$2:$2"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1
    assert sheet["A2"].value == "时间节点"
    assert sheet["A3"].value == "23:00-23:05"
    assert sheet.cell(row=3, column=7).alignment.wrap_text


# --- rehearsals ------------------------------------------------------------------------------------


def test_rehearsal_recording_and_status_rule(db) -> None:
    with db.session() as s:
        stream = make_stream(s, minutes=15)
        assert [f.field for f in scripts.can_mark_rehearsed(s, stream.id)] == ["script"]
        segments = scripts.replace_script_segments(s, stream.id, [
            {"kind": "opening", "title": "开场", "start_seconds": 0, "duration_seconds": 300},
            {"kind": "pitch", "title": "讲解", "start_seconds": 300, "duration_seconds": 300, "host_lines": "顶级面料"},
            {"kind": "wrap_up", "title": "下播", "start_seconds": 600, "duration_seconds": 300},
        ])
        fields = [f.field for f in scripts.can_mark_rehearsed(s, stream.id)]
        assert fields == ["host_lines", "rehearsal"]
        rehearsal = scripts.start_rehearsal(s, stream.id)
        scripts.record_segment_time(s, rehearsal.id, segments[0].id, 290)
        scripts.record_segment_time(s, rehearsal.id, segments[1].id, 500)
        scripts.record_segment_time(s, rehearsal.id, segments[1].id, 420)  # corrected
        scripts.finish_rehearsal(s, rehearsal.id)
        report = scripts.list_rehearsals(s, stream.id)[0]
        assert [(r.title, r.planned_seconds, r.actual_seconds, r.difference) for r in report.rows] == [
            ("开场", 300, 290, -10), ("讲解", 300, 420, 120), ("下播", 300, None, None)]
        # stopped after 2 of 3 segments: partial, and compared only with the plan of what was rehearsed
        assert report.partial and (report.rehearsed_count, report.segment_count) == (2, 3)
        assert report.planned_seconds == 600 and report.actual_seconds == 710 and report.full_plan_seconds == 900
        findings = scripts.can_mark_rehearsed(s, stream.id)
        assert {(f.segment_title, f.category) for f in findings} == {
            ("讲解", "absolute"), ("讲解", "rehearsal"), ("", "rehearsal")}
        assert any("2/3" in f.term for f in findings)
        scripts.update_segment(s, segments[1].id, host_lines="高品质面料", duration_seconds=420)
        scripts.set_segment_times(s, stream.id, [(0, 300), (300, 420), (720, 180)])
        second = scripts.start_rehearsal(s, stream.id)
        for segment, seconds in zip(segments, (300, 400, 180), strict=True):
            scripts.record_segment_time(s, second.id, segment.id, seconds)
        scripts.finish_rehearsal(s, second.id)
        assert scripts.can_mark_rehearsed(s, stream.id) == []
        assert scripts.mark_rehearsed(s, stream.id).status == "rehearsed"
        other = make_stream(s, title="另一场")
        other_segment = scripts.add_segment(s, other.id, title="x")
        with pytest.raises(ScriptError):
            scripts.record_segment_time(s, second.id, other_segment.id, 10)


def test_product_names_ending_in_a_number_are_not_link_numbers(db, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", [
        ["20:00-20:10", "讲解", "a", "", "", "山野蜂蜜 1号", "", ""],
        ["20:10-20:20", "讲解", "b", "", "", "山野蜂蜜 1号（2号链接）", "", ""],
        ["20:20-20:30", "讲解", "c", "", "", "1号链接", "", ""],
        ["20:30-20:40", "讲解", "d", "", "", 1, "", ""],
        ["20:40-20:50", "讲解", "e", "", "", "链接2", "", ""],
    ])
    with db.session() as s:
        stream = make_stream(s)
        honey = make_product(s, "山野蜂蜜 1号")
        towel = make_product(s, "洗脸巾")
        add_to_lineup(s, stream, towel, 0, link=1)
        add_to_lineup(s, stream, honey, 1, link=2)
        rows = [scripts.segment_to_dict(x) for x in import_script_sheet(s, stream.id, path)]
    assert [r["product_id"] for r in rows] == [honey.id, honey.id, towel.id, towel.id, honey.id]
