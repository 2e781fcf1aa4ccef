"""The preview's parse is the import's: a file previewed and imported unchanged is read and parsed once."""

from __future__ import annotations

import pytest

from livedesk.services import review
from livedesk.services.importers import file_reads, review_files, tabular
from tests.unit.test_review_import import TREND_HEADER, make_stream, trend_rows, write

pytestmark = pytest.mark.usefixtures("laptop_timezone")  # figures must not depend on the laptop's zone


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many times a file was read from disk and how many times its sheets were parsed."""
    file_reads.forget_all()
    counts = {"reads": 0, "parses": 0}
    read, parse = tabular.read_sheets, review_files.parse_review_sheets

    def reading(*args, **kwargs):
        counts["reads"] += 1
        return read(*args, **kwargs)

    def parsing(*args, **kwargs):
        counts["parses"] += 1
        return parse(*args, **kwargs)

    monkeypatch.setattr(tabular, "read_sheets", reading)
    monkeypatch.setattr(review_files, "parse_review_sheets", parsing)
    yield counts
    file_reads.forget_all()


@pytest.fixture
def trend(tmp_path):
    return write(tmp_path, "趋势.csv", "\n".join([TREND_HEADER, *trend_rows()]) + "\n")


def test_an_unchanged_preview_is_imported_without_parsing_again(db, trend, work):
    stream_id = make_stream(db)
    previews = review.preview_review_files(db, stream_id, [str(trend)])
    assert previews[0].error is None and previews[0].report.rows == 5
    summary = review.import_review_files(db, stream_id, [str(trend)])
    assert summary.curve_points == 5
    assert work == {"reads": 1, "parses": 1}


def test_a_mapping_changed_after_the_preview_is_parsed_again_with_it(db, trend, work):
    stream_id = make_stream(db)
    review.preview_review_files(db, stream_id, [str(trend)])
    summary = review.import_review_files(db, stream_id, [str(trend)], {str(trend): {"在线人数": None, "评论次数": "online"}})
    assert work == {"reads": 1, "parses": 2}
    assert summary.curve_points == 5
    with db.session() as session:
        stored = [p.online for p in session.query(review.CurvePoint)]
    assert stored == [3] * 5  # the comment counts (3 a minute), read as online viewers as the user said


def test_a_file_changed_on_disk_after_the_preview_is_read_and_parsed_again(db, trend, work):
    stream_id = make_stream(db)
    review.preview_review_files(db, stream_id, [str(trend)])
    trend.write_text("\n".join([TREND_HEADER, *trend_rows(n=7)]) + "\n", encoding="utf-8")
    summary = review.import_review_files(db, stream_id, [str(trend)])
    assert summary.curve_points == 7
    assert work == {"reads": 2, "parses": 2}
