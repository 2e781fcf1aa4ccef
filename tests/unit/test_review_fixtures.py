"""The committed review fixtures are what tools/make_review_fixtures.py makes, and say what the tests rely on."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from tools.make_review_fixtures import CASES, generate

REVIEW = Path(__file__).resolve().parents[1] / "fixtures" / "review"


def _contents(path: Path) -> object:
    """A file's content: a workbook's zip entries (not its compressed bytes, which depend on zlib), else bytes."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    return path.read_bytes()


def test_committed_fixtures_are_what_the_generator_makes(tmp_path: Path) -> None:
    fresh = generate(tmp_path)
    assert sorted(p.relative_to(tmp_path) for p in fresh) == sorted(
        p.relative_to(REVIEW) for p in REVIEW.glob("*/*") if p.is_file()
    ), "run `uv run python -m tools.make_review_fixtures` and commit the result"
    for path in fresh:
        committed = REVIEW / path.relative_to(tmp_path)
        assert _contents(committed) == _contents(path), f"{committed} is stale: rerun the generator"


def test_every_case_has_its_expected_figures() -> None:
    assert sorted(p.name for p in REVIEW.iterdir() if p.is_dir()) == sorted(CASES)
    for case in CASES:
        expected = json.loads((REVIEW / case / "expected.json").read_text(encoding="utf-8"))
        assert expected["stream"]["start"] == "2026-11-20 20:00"
        for name in expected["files"].values():
            assert (REVIEW / case / name).is_file(), name


def test_luopan_core_sheet_has_its_labels_off_the_first_column_and_no_whole_session_marker() -> None:
    sheet = load_workbook(REVIEW / "luopan" / "罗盘_核心指标.xlsx").active
    cells = [(c.column_letter, c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    labels = {value for column, value in cells if column == "B"}
    assert {"直播间成交金额", "累计观看人数", "观看次数", "人均观看时长", "千川消耗", "直播开始时间"} <= labels
    assert [value for column, value in cells if column == "A"] == [sheet["A1"].value]  # only the title
    assert not any("整场" in str(value) for _column, value in cells)


def test_float_orders_workbook_lost_digits_the_way_excel_does() -> None:
    expected = json.loads((REVIEW / "orders" / "expected.json").read_text(encoding="utf-8"))
    sheet = load_workbook(REVIEW / "orders" / expected["files"]["floats"]).active
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(i, float) and i >= 2**53 for i in ids)
    assert len(set(ids)) == expected["floats"]["distinct_after_excel"] < len(ids) == expected["rows"]
    csv_ids = [
        line.split(",")[0] for line in (REVIEW / "orders" / expected["files"]["orders"]).read_text("utf-8-sig").splitlines()[1:]
    ]
    assert all(i.startswith("\t") and len(i.strip()) == 19 for i in csv_ids)
    assert len(set(csv_ids)) == len(csv_ids) == expected["rows"]


def test_order_fixture_covers_every_rule() -> None:
    expected = json.loads((REVIEW / "orders" / "expected.json").read_text(encoding="utf-8"))
    assert all(count > 0 for count in expected["excluded"].values())
    assert expected["refund_amount"] > 0
    assert expected["counted"] + sum(expected["excluded"].values()) == expected["rows"]
    # the grace rule shows: a shorter plan moves the orders of its grace half hour out of the window
    assert expected["short_plan"]["alone"]["excluded"]["outside_window"] > expected["excluded"]["outside_window"]
