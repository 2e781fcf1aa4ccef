"""The OCR reads dashboards drawn with Qt (CJK font, light and dark, tiles and lists, distracting sub-lines) and the
mapping finds the known values; `livedesk capture read` prints them. OCR takes about a second a call on a shared
core, so every image is read once per module and the tests share the results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from livedesk.app import main
from livedesk.services.capture import ocr
from livedesk.services.capture.mapping import read_boxes, read_link_rows
from livedesk.ui.live.capture import image_bytes
from tests.ui.dashboards import DASHBOARDS, DOUYIN, PRODUCT_LIST_EXPECTED, render, render_product_list

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "capture" / "douyin_dashboard.png"


@pytest.fixture(scope="module")
def read(qapp):
    """name -> text boxes, one OCR call per image."""
    images = {board.name: render(board) for board in DASHBOARDS}
    images["products"] = render_product_list()
    return {name: ocr.recognise(image_bytes(image)) for name, image in images.items()}


@pytest.mark.parametrize("board", DASHBOARDS, ids=[b.name for b in DASHBOARDS])
def test_each_dashboard_reads_its_known_figures(read, board):
    figures = read_boxes(read[board.name]).figures()
    for name, expected in board.expected.items():
        assert figures[name] == expected, f"{board.name}: {name}"


def test_sub_lines_are_read_but_never_taken_for_the_figure(read):
    texts = [b.text.replace(" ", "") for b in read["kuaishou-dark-tiles"]]
    assert any("3,210" in t for t in texts) and any("7,001" in t for t in texts)  # the OCR saw the distractors
    reading = read_boxes(read["kuaishou-dark-tiles"])
    assert (reading.online, reading.gmv) == (2045, DASHBOARDS[2].expected["gmv"])


def test_a_product_list_gives_each_links_click_rate_and_stock(read):
    links = {r.link_number: (r.click_rate, r.stock) for r in read_link_rows(read["products"])}
    assert links == PRODUCT_LIST_EXPECTED


def test_the_committed_sample_is_the_douyin_dashboard(qapp):
    """tests/fixtures/capture/douyin_dashboard.png is `python -m tests.ui.dashboards` (the README's example)."""
    assert SAMPLE.exists()
    from PySide6.QtGui import QImage

    assert QImage(str(SAMPLE)) == render(DOUYIN)


def test_capture_read_prints_json(read, capsys):
    assert main(["capture", "read", str(SAMPLE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {k: data[k] for k in ("online", "uv", "pv", "gmv", "orders", "buyers", "click_rate")} == {
        "online": 1234, "uv": 56000, "pv": 89012, "gmv": 125000.0, "orders": 356, "buyers": 301, "click_rate": 0.082}
    assert {"text", "box", "score"} <= set(data["raw"][0]) and any(b["text"] == "商品点击率" for b in data["raw"])


def test_capture_read_refuses_what_is_not_an_image(tmp_path, capsys):
    bad = tmp_path / "dashboard.png"
    bad.write_text("not a picture", encoding="utf-8")
    assert main(["capture", "read", str(bad)]) == 3
    assert "dashboard.png is not an image LiveDesk can read" in capsys.readouterr().err
    assert main(["capture", "read", str(tmp_path / "missing.png")]) == 3
