"""A script imports before the pool is complete: unmatched product names are kept, listed and added in one step."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from script_helpers import add_to_lineup, make_product, make_stream

from livedesk.models import LineupItem, Product
from livedesk.services import script_pool, scripts
from livedesk.services.db import open_database
from livedesk.services.exporters.script_sheet import export_script_sheet
from livedesk.services.importers.errors import ImportFailed
from livedesk.services.importers.script_products import split_link
from livedesk.services.importers.script_sheet import import_script_sheet, parse_script_sheet

SCRIPT = Path(__file__).resolve().parents[1] / "fixtures" / "exports" / "douyin_tidy" / "直播脚本.xlsx"
FIXTURE_NAMES = ["护手霜 3支装", "防晒喷雾 150ml", "胶原蛋白饮 10瓶"]
HEADER = ["时间节点", "直播阶段", "环节", "主播动作/口播", "副播场控配合", "商品/链接号", "直播价", "备注"]


def write_sheet(path: Path, rows: list[list[object]], header: list[str] | None = HEADER) -> Path:
    book = Workbook()
    book.active.append(["测试专场 直播脚本"])
    if header is not None:
        book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_split_link() -> None:
    assert split_link("面霜（7号链接）") == ("面霜", 7)
    assert split_link("链接3号") == ("", 3)
    assert split_link("7") == ("", 7)
    assert split_link("护手霜 3支装") == ("护手霜 3支装", None)


def test_import_into_an_empty_pool_keeps_every_name(db) -> None:
    with db.session() as s:
        stream = make_stream(s, start="2026-11-12 19:30", minutes=150)
        parsed = parse_script_sheet(s, stream.id, SCRIPT)
        segments = import_script_sheet(s, stream.id, SCRIPT)
        rows = [scripts.segment_to_dict(x) for x in segments]
        listed = script_pool.unmatched_in_script(s, stream.id)
        assert s.query(Product).count() == 0 and s.query(LineupItem).count() == 0
    assert [u.name for u in parsed.unmatched] == FIXTURE_NAMES
    assert [u.rows for u in parsed.unmatched] == [[4], [5], [6, 7]]
    assert [u.price for u in parsed.unmatched] == [Decimal("19.9"), Decimal("89"), Decimal("268")]
    assert all(u.reason for u in parsed.unmatched)
    assert [u.name for u in listed] == FIXTURE_NAMES
    assert len(rows) == 6 and all(r["product_id"] is None for r in rows)
    assert [r["product_name"] for r in rows] == ["", *FIXTURE_NAMES, "胶原蛋白饮 10瓶", ""]
    assert [(r["start_seconds"] // 60, r["duration_seconds"] // 60) for r in rows][:2] == [(0, 5), (5, 15)]


def test_add_to_pool_creates_links_and_undoes(db) -> None:
    with db.session() as s:
        stream = make_stream(s, start="2026-11-12 19:30", minutes=150)
        existing = make_product(s, "防晒喷雾 150ml")  # already in the pool: linked, never copied
        parsed = parse_script_sheet(s, stream.id, SCRIPT)
        assert [u.name for u in parsed.unmatched] == ["护手霜 3支装", "胶原蛋白饮 10瓶"]
        import_script_sheet(s, stream.id, SCRIPT)
        before = scripts.snapshot_script(s, stream.id, with_ids=True)
        scripts.replace_script_segments(s, stream.id, [
            {**seg, "product_id": None, "product_name": "防晒喷雾 150ml"} if seg["title"] == "讲解：防晒喷雾" else seg
            for seg in before])
        before = scripts.snapshot_script(s, stream.id, with_ids=True)
        added = script_pool.add_unmatched_to_pool(s, stream.id, parsed.unmatched)
        assert sorted(added.created) == ["护手霜 3支装", "胶原蛋白饮 10瓶"]
        assert added.linked["防晒喷雾 150ml"] == existing.id and added.segments == 4
        segments = scripts.list_segments(s, stream.id)
        names = {p.id: p.name for p in s.query(Product)}
        assert [names.get(x.product_id, "") for x in segments] == ["", *FIXTURE_NAMES, "胶原蛋白饮 10瓶", ""]
        assert all(x.product_name == "" for x in segments)
        assert script_pool.unmatched_in_script(s, stream.id) == []
        cream = s.get(Product, added.created["护手霜 3支装"])
        assert cream.live_price == Decimal("19.90") and cream.sku.startswith("SCRIPT-")
        lineup = {i.product_id: i for i in s.query(LineupItem).filter_by(stream_id=stream.id)}
        assert set(lineup) == set(added.linked.values())
        with pytest.raises(scripts.ScriptError):  # nothing left to add
            script_pool.add_unmatched_to_pool(s, stream.id)

        scripts.replace_script_segments(s, stream.id, before)
        script_pool.undo_pool_addition(s, added)
        assert [p.name for p in s.query(Product)] == ["防晒喷雾 150ml"]
        # the import put the pool's product on the lineup; the step's own rows are gone
        assert [i.product_id for i in s.query(LineupItem).filter_by(stream_id=stream.id)] == [existing.id]
        assert [u.name for u in script_pool.unmatched_in_script(s, stream.id)] == FIXTURE_NAMES

        again = script_pool.add_unmatched_to_pool(s, stream.id, parsed.unmatched, reuse_ids=added.created)
        assert again.created == added.created  # a redo brings the same products back under their ids


def test_undo_refuses_when_the_new_product_was_edited_since(db) -> None:
    with db.session() as s:
        stream = make_stream(s, start="2026-11-12 19:30", minutes=150)
        import_script_sheet(s, stream.id, SCRIPT)
        before = scripts.snapshot_script(s, stream.id, with_ids=True)
        added = script_pool.add_unmatched_to_pool(s, stream.id)
        s.get(Product, added.created["护手霜 3支装"]).stock = 300
        s.flush()
        scripts.replace_script_segments(s, stream.id, before)
        with pytest.raises(scripts.ScriptError, match="护手霜"):
            script_pool.undo_pool_addition(s, added)


def test_link_numbers_and_a_bare_link(db, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", [
        ["20:00-20:10", "讲解", "讲解面霜", "", "", "面霜（7号链接）", "79", ""],
        ["20:10-20:20", "讲解", "讲解", "", "", "9号链接", "", ""],
    ])
    with db.session() as s:
        stream = make_stream(s)
        import_script_sheet(s, stream.id, path)
        assert [u.name for u in script_pool.unmatched_in_script(s, stream.id)] == ["面霜", "9号链接"]
        added = script_pool.add_unmatched_to_pool(s, stream.id)
        item = s.query(LineupItem).filter_by(stream_id=stream.id).one()
        assert (item.product.name, item.link_number) == ("面霜", 7)
        assert added.skipped == ["9号链接"]
        assert [u.name for u in script_pool.unmatched_in_script(s, stream.id)] == ["9号链接"]
        with pytest.raises(scripts.ScriptError, match="9号链接"):  # nothing it could add: no empty step
            script_pool.add_unmatched_to_pool(s, stream.id)


def test_names_appear_in_the_xlsx_export_and_survive_a_round_trip(db, tmp_path: Path) -> None:
    with db.session() as s:
        stream = make_stream(s, start="2026-11-12 19:30", minutes=150)
        import_script_sheet(s, stream.id, SCRIPT)
        out = export_script_sheet(s, stream.id, tmp_path / "run.xlsx")
        cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
        assert all(name in cells for name in FIXTURE_NAMES)
        import_script_sheet(s, stream.id, out)
        assert [u.name for u in script_pool.unmatched_in_script(s, stream.id)] == FIXTURE_NAMES


def test_matched_products_still_link(db, tmp_path: Path) -> None:
    with db.session() as s:
        stream = make_stream(s, start="2026-11-12 19:30", minutes=150)
        add_to_lineup(s, stream, make_product(s, "护手霜 3支装"), 0, link=7)
        segments = import_script_sheet(s, stream.id, SCRIPT)
        assert segments[1].product_id is not None and segments[1].product_name == ""
        assert [u.name for u in script_pool.unmatched_in_script(s, stream.id)] == FIXTURE_NAMES[1:]


# --- command line --------------------------------------------------------------------------------------


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


@pytest.fixture
def empty_pool_stream(url) -> int:
    db = open_database(url)
    with db.session() as s:
        sid = make_stream(s, start="2026-11-12 19:30", minutes=150).id
    db.close()
    return sid


def test_cli_import_into_an_empty_pool_then_add_to_pool(cli, url, empty_pool_stream) -> None:
    sid = str(empty_pool_stream)
    code, out, err = cli("--db", url, "script", "import", str(SCRIPT), "--stream", sid, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["segments"] == 6 and result["with_product"] == 0
    assert result["unmatched_products"] == FIXTURE_NAMES
    code, out, _ = cli("--db", url, "script", "import", str(SCRIPT), "--stream", sid)
    assert code == 0 and "not in the product pool" in out and "护手霜 3支装" in out

    code, out, err = cli("--db", url, "script", "import", str(SCRIPT), "--stream", sid, "--add-to-pool",
                         "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["unmatched_products"] == [] and result["with_product"] == 4
    assert sorted(result["added_to_pool"]) == sorted(FIXTURE_NAMES)
    db = open_database(url)
    with db.session() as s:
        linked = {x.title: x.product_id for x in scripts.list_segments(s, empty_pool_stream)}
        names = {p.id: p.name for p in s.query(Product)}
    db.close()
    assert names[linked["讲解：胶原蛋白饮"]] == names[linked["逼单：胶原蛋白饮"]] == "胶原蛋白饮 10瓶"
    assert sorted(names.values()) == sorted(FIXTURE_NAMES)


@pytest.mark.parametrize("rows, header", [
    ([["20:00-20:05", "开场", "开场", "", "", "某商品", "", ""]], None),  # no header row
    ([["不是时间", "开场", "开场", "", "", "某商品", "", ""]], HEADER),  # a bad time
    ([["20:10-20:05", "讲解", "讲解", "", "", "某商品", "", ""]], HEADER),  # ends before it starts
])
def test_cli_structural_errors_still_refuse_the_file(cli, url, empty_pool_stream, tmp_path, rows, header) -> None:
    path = write_sheet(tmp_path / "bad.xlsx", rows, header)
    code, out, err = cli("--db", url, "script", "import", str(path), "--stream", str(empty_pool_stream), "--json")
    assert code == 3 and out == "" and "bad.xlsx" in err
    db = open_database(url)
    with db.session() as s:
        assert scripts.list_segments(s, empty_pool_stream) == [] and s.query(Product).count() == 0
    db.close()


def test_structural_errors_raise_in_the_service(db, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", [["25:00-25:10", "讲解", "讲解", "", "", "某商品", "", ""]])
    with db.session() as s:
        stream = make_stream(s)
        with pytest.raises(ImportFailed):
            import_script_sheet(s, stream.id, path)


def test_a_name_several_pool_products_match_is_left_to_the_user(db, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", [
        ["20:00-20:10", "讲解", "讲解面霜", "", "", "面霜", "", ""],
        ["20:10-20:20", "讲解", "讲解精华", "", "", "精华液", "", ""],
    ])
    with db.session() as s:
        stream = make_stream(s)
        make_product(s, "面霜 50ml")
        make_product(s, "面霜 100ml")
        parsed = parse_script_sheet(s, stream.id, path)
        assert "面霜 50ml" in parsed.unmatched[0].reason  # the preview says which ones it could be
        assert [u.name for u in script_pool.addable(s, parsed.unmatched)] == ["精华液"]  # what the preview counts
        import_script_sheet(s, stream.id, path)
        added = script_pool.add_unmatched_to_pool(s, stream.id)
        assert added.skipped == ["面霜"] and sorted(added.created) == ["精华液"]
        assert s.query(Product).count() == 3
        assert [u.name for u in script_pool.unmatched_in_script(s, stream.id)] == ["面霜"]


def test_undo_refuses_when_another_stream_uses_the_new_product(db) -> None:
    with db.session() as s:
        stream = make_stream(s, start="2026-11-12 19:30", minutes=150)
        other = make_stream(s, start="2026-11-20 19:30", title="周五场")
        import_script_sheet(s, stream.id, SCRIPT)
        before = scripts.snapshot_script(s, stream.id, with_ids=True)
        added = script_pool.add_unmatched_to_pool(s, stream.id)
        add_to_lineup(s, other, s.get(Product, added.created["防晒喷雾 150ml"]), 0)
        scripts.replace_script_segments(s, stream.id, before)
        with pytest.raises(scripts.ScriptError, match="防晒喷雾"):
            script_pool.undo_pool_addition(s, added)


def test_cli_add_to_pool_with_only_a_bare_link_still_imports(cli, url, empty_pool_stream, tmp_path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", [["19:30-19:40", "讲解", "讲解", "", "", "9号链接", "", ""]])
    code, out, err = cli("--db", url, "script", "import", str(path), "--stream", str(empty_pool_stream),
                         "--add-to-pool", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["segments"] == 1 and result["added_to_pool"] == [] and result["unmatched_products"] == ["9号链接"]
