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
