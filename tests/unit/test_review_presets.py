"""Mapping presets are found by the table's headers, in any order, and keep only the user's corrections."""

from __future__ import annotations

import pytest

from livedesk.services import review_presets
from livedesk.services.importers.review_files import TableMapping

pytestmark = pytest.mark.usefixtures("laptop_timezone")  # figures must not depend on the laptop's zone


def test_same_headers_in_another_order_find_the_preset(db):
    first = TableMapping("趋势", "trend", 1, {"时间": "time", "在线人数": "online", "评论数量(条)": None})
    with db.session() as session:
        assert review_presets.save_presets(session, [first], {"评论数量(条)": "comments"}) == 1
    again = TableMapping("Sheet1", "trend", 2, {"评论数量(条)": None, "在线人数": "online", "时间": "time"})
    other = TableMapping("商品", "products", 1, {"商品名称": "name", "评论数量(条)": None})
    with db.session() as session:
        assert review_presets.apply_presets(session, [again]) == {"评论数量(条)": "comments"}
        assert again.columns["评论数量(条)"] == "comments"
        assert review_presets.apply_presets(session, [other]) == {}


# ---------------------------------------------------------------------------------------- saved with the import


def _trend_file(tmp_path):
    from tests.unit.test_review_import import TREND_HEADER, trend_rows, write

    return write(tmp_path, "趋势.csv", "\n".join([TREND_HEADER, *trend_rows()]) + "\n")


def _corrections(path) -> review_presets.Corrections:
    from livedesk.services.importers.review_files import inspect_review_file

    mappings = inspect_review_file(path).mappings
    return review_presets.Corrections({str(path): {"评论次数": None}}, {str(path): mappings})


def test_the_users_corrections_are_saved_with_the_import(db, tmp_path):
    from livedesk.services.review import import_review_files
    from tests.unit.test_review_import import make_stream

    path = _trend_file(tmp_path)
    stream_id = make_stream(db)
    corrections = _corrections(path)
    summary = import_review_files(db, stream_id, [path], {str(path): {"评论次数": None}}, corrections=corrections)
    assert summary.curve_points == 5
    again = _corrections(path).mappings[str(path)]
    with db.session() as session:
        assert review_presets.apply_presets(session, again) == {"评论次数": None}


def test_an_import_that_fails_keeps_no_preset_and_a_preset_that_fails_keeps_no_import(db, tmp_path, monkeypatch):
    from sqlalchemy import func, select

    from livedesk.models import CurvePoint, ImportPreset
    from livedesk.services import review
    from tests.unit.test_review_import import make_stream

    path = _trend_file(tmp_path)
    stream_id = make_stream(db)

    def broken(*_args, **_kwargs):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(review, "_store_moments", broken)  # the import fails: its corrections are not kept
    with pytest.raises(RuntimeError):
        review.import_review_files(db, stream_id, [path], corrections=_corrections(path))
    monkeypatch.undo()
    monkeypatch.setattr(review_presets, "save_presets", broken)  # the presets fail after the import was stored
    with pytest.raises(RuntimeError):
        review.import_review_files(db, stream_id, [path], corrections=_corrections(path))
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(ImportPreset)) == 0
        assert session.scalar(select(func.count()).select_from(CurvePoint)) == 0
