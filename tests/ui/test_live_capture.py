"""Live capture in the console, with the OCR's answer handed in (the OCR itself: test_capture_ocr.py): the region
drawn once, readings logged with a badge, jumps held for a click, typing wins, paste, per-link lines, the review's
curve labelled as captured."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from livedesk.config import Preferences
from livedesk.models import Script, Segment, Stream
from livedesk.services import live as live_service
from livedesk.services.capture import store
from livedesk.services.capture.mapping import TextBox
from livedesk.ui import formatting
from livedesk.ui.live import capture
from livedesk.ui.live.capture import RegionPicker, is_blank
from livedesk.ui.live.clock import FixedClock
from livedesk.ui.live.tab import LiveTab
from tests.ui.test_review_tab import make_tab as make_review_tab
from tests.unit.script_helpers import add_to_lineup, make_product

T0 = dt.datetime(2026, 11, 15, 12, 0, tzinfo=dt.timezone.utc)


def dashboard(online: str, gmv: str) -> list[TextBox]:
    """What the OCR returns for a two-tile dashboard (online with its peak under it, GMV with a comparison)."""
    return [TextBox("实时在线人数", (20, 20, 140, 42)), TextBox(online, (20, 54, 110, 94)), TextBox("峰值1,650", (20, 104, 120, 124)),
            TextBox("成交金额(元)", (260, 20, 380, 42)), TextBox(gmv, (260, 54, 380, 94)),
            TextBox("较上场+12.4%", (260, 104, 400, 124))]


# A stand-in for the OCR process (the real one: test_capture_worker.py): ready at once, then every image answered
# after 0.3 s with the two-tile dashboard above. Loading real models in every console test would cost seconds each.
FAKE_WORKER = """
import json, struct, sys, time
inp, out = sys.stdin.buffer, sys.stdout.buffer
out.write(json.dumps({"ready": True, "ms": 5, "phases": {"imports": 1, "sessions": 1, "first_run": 1},
                      "main_at": time.monotonic()}).encode() + b"\\n")
out.flush()
while len(size := inp.read(4)) == 4:
    header = json.loads(inp.read(struct.unpack(">I", size)[0]))
    inp.read(header["size"])
    time.sleep(0.3)
    out.write(json.dumps({"id": header["id"], "ok": True, "boxes": BOXES, "ms": 300}).encode() + b"\\n")
    out.flush()
"""


@pytest.fixture(autouse=True)
def fake_worker(monkeypatch):
    boxes = [b.as_json() for b in dashboard("1,234", "¥125,000")]
    script = f"BOXES = {json.dumps(boxes)}\n{FAKE_WORKER}"  # JSON of strings and numbers is a Python literal
    monkeypatch.setattr(capture.worker, "command", lambda: [sys.executable, "-c", script])


def _a_dashboard_on_screen(monkeypatch) -> None:
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(0, 0, 100, 50, QColor("black"))  # not one colour: a real grab
    painter.end()
    monkeypatch.setattr(capture, "grab_region", lambda rect: image)


@pytest.fixture
def stream_id(db):
    with db.session() as s:
        stream = Stream(title="冬季焕新专场", start_at=T0, planned_minutes=60, account="店A")
        s.add(stream)
        s.flush()
        script = Script(stream_id=stream.id)
        s.add(script)
        s.flush()
        s.add(Segment(script_id=script.id, position=0, title="开场", start_seconds=0, duration_seconds=3600))
        for position, name in enumerate(("绒毯", "保温杯")):
            add_to_lineup(s, stream, make_product(s, name), position, link=position + 1)
        return stream.id


@pytest.fixture
def tab(qtbot, db, paths, stream_id):
    widget = LiveTab(db, paths)
    widget.clock = FixedClock(T0)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    widget.load_stream(stream_id)
    yield widget
    widget.shutdown()
    assert widget.capture_panel.process.process is None


def _go_live(tab) -> None:
    tab.confirm_go_live = lambda missing: True
    tab.go_live()


def _samples(db, stream_id):
    with db.session() as s:
        return live_service.metric_samples(s, stream_id)


def test_the_region_is_drawn_once_and_remembered(qtbot, tab, paths, db):
    screen = QGuiApplication.primaryScreen()
    picker = RegionPicker(screen, "drag")
    qtbot.addWidget(picker)
    picker.show()
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.mousePress(picker, Qt.MouseButton.LeftButton, pos=QPoint(100, 80))
        qtbot.mouseMove(picker, QPoint(300, 200))
        qtbot.mouseRelease(picker, Qt.MouseButton.LeftButton, pos=QPoint(420, 260))
    rect = picked.args[0]
    assert rect == QRect(QPoint(100, 80), QPoint(420, 260)).normalized().translated(screen.geometry().topLeft())
    tab.capture_panel.set_region("figures", rect)
    assert Preferences.load(paths).capture_region == [rect.x(), rect.y(), rect.width(), rect.height()]
    again = LiveTab(db, paths)
    qtbot.addWidget(again)
    assert again.capture_panel.region == rect and again.capture_panel.start_button.isEnabled()
    again.shutdown()


def test_a_click_is_not_a_region(qtbot):
    picker = RegionPicker(QGuiApplication.primaryScreen(), "drag")
    qtbot.addWidget(picker)
    picker.show()
    got = []
    picker.picked.connect(got.append)
    qtbot.mousePress(picker, Qt.MouseButton.LeftButton, pos=QPoint(100, 80))
    qtbot.mouseRelease(picker, Qt.MouseButton.LeftButton, pos=QPoint(105, 84))
    assert got == [] and picker.isVisible()


def test_a_reading_is_logged_with_a_badge(tab, db, stream_id):
    _go_live(tab)
    tab.capture_panel._boxes_read("figures", dashboard("1,234", "¥12.5万"), 600)
    [sample] = _samples(db, stream_id)
    assert (sample.source, sample.online, sample.gmv) == ("capture", 1234, Decimal("125000.00"))
    assert tab.metric_last["online"].text() == "1,234 ◉"
    assert formatting.local(T0).strftime("%H:%M:%S") in tab.metric_last["online"].toolTip()
    assert tab.capture_badge.text().startswith("◉ Captured: 1 readings")
    assert "online 1,234" in tab.capture_panel.status_label.text()
    assert any(row[1] == "Metrics" and "captured" in row[2] for row in tab.log_model.rows)


def test_nothing_is_logged_before_going_live(tab, db, stream_id):
    tab.capture_panel._boxes_read("figures", dashboard("1,234", "¥12.5万"), 600)
    assert _samples(db, stream_id) == []
    assert "logged while the stream is live" in tab.capture_panel.status_label.text()


def test_an_implausible_jump_waits_for_a_click(tab, db, stream_id):
    _go_live(tab)
    tab.capture_panel._boxes_read("figures", dashboard("1,234", "¥12.5万"), 600)
    tab.clock = FixedClock(T0 + dt.timedelta(seconds=30))
    tab.capture_panel._boxes_read("figures", dashboard("1,240", "¥1.25万"), 600)  # a digit lost: GMV went down
    assert len(_samples(db, stream_id)) == 1
    panel = tab.capture_panel
    assert panel.held_frame.isVisibleTo(tab) and "GMV went down" in panel.held_label.text()
    panel.log_anyway.click()
    assert [s.gmv for s in _samples(db, stream_id)] == [Decimal("125000.00"), Decimal("12500.00")]
    assert not panel.held_frame.isVisibleTo(tab)


def test_typing_wins(tab, db, stream_id):
    _go_live(tab)
    tab.metric_edits["online"].setText("1300")  # the controller is typing
    tab.capture_panel._boxes_read("figures", dashboard("1,234", "¥12.5万"), 600)
    assert _samples(db, stream_id) == []
    assert "typing wins" in tab.capture_panel.status_label.text()
    tab.save_metrics()
    tab.capture_panel._boxes_read("figures", dashboard("1,234", "¥12.5万"), 600)  # same moment: typed online stands
    typed, captured = _samples(db, stream_id)
    assert (typed.source, typed.online) == ("typed", 1300)
    assert (captured.source, captured.online, captured.gmv) == ("capture", None, Decimal("125000.00"))


def test_pasted_dashboard_text_fills_the_fields(qtbot, tab, db, stream_id):
    _go_live(tab)
    QGuiApplication.clipboard().setText("实时在线人数\n2,045\n峰值 3,210\n成交金额\n¥8,765.40\n商品点击率 6.5%")
    field = tab.metric_edits["uv"]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert tab.metric_edits["online"].text() == "2045"
    assert tab.metric_edits["gmv"].text() == "8765.40"
    assert tab.metric_edits["click"].text() == "6.50%"
    assert field.text() == ""  # no UV in the text, and the text itself was not pasted into the field
    qtbot.keyClick(field, Qt.Key.Key_Return)
    [sample] = _samples(db, stream_id)
    assert (sample.source, sample.online, sample.gmv, sample.click_rate) == ("paste", 2045, Decimal("8765.40"), Decimal("0.065"))


def test_a_plain_number_pastes_as_usual(qtbot, tab):
    QGuiApplication.clipboard().setText("1234")
    field = tab.metric_edits["online"]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "1234"


def test_a_links_click_rate_and_stock_in_one_line(qtbot, tab, db, stream_id):
    _go_live(tab)
    tab.stock_edit.setText("#2 8.2% 45")
    qtbot.keyClick(tab.stock_edit, Qt.Key.Key_Return)
    row = next(r for r in tab.shelf_model.rows if r.link_number == 2)
    assert (row.click_rate, row.stock_remaining) == (Decimal("0.082"), 45)
    column = tab.shelf_model.COLUMNS.index("click")
    assert tab.shelf_model.index(tab.shelf_model.rows.index(row), column).data() == "8.2%"
    assert tab.stock_edit.text() == ""


def test_a_captured_product_list_fills_the_shelf(tab, db, stream_id):
    _go_live(tab)
    rows = [TextBox("#1", (20, 20, 44, 44)), TextBox("绒毯", (80, 20, 140, 44)), TextBox("点击率8.2%", (300, 20, 420, 44)),
            TextBox("库存45", (500, 20, 580, 44)), TextBox("#2", (20, 70, 44, 94)), TextBox("5.6%", (300, 70, 360, 94)),
            TextBox("库存0", (500, 70, 570, 94))]
    tab.capture_panel._boxes_read("links", rows, 500)
    shelf = {r.link_number: r for r in tab.shelf_model.rows}
    assert (shelf[1].click_rate, shelf[1].stock_remaining) == (Decimal("0.082"), 45)
    assert (shelf[2].click_rate, shelf[2].stock_remaining) == (Decimal("0.056"), 0)


def test_an_empty_grab_says_what_to_do(tab, monkeypatch):
    """A refused grab (macOS without Screen Recording, Wayland) comes back one colour: the panel says what to do
    and sends nothing to the reader."""
    blank = QImage(200, 100, QImage.Format.Format_RGB32)
    blank.fill(QColor("black"))
    assert is_blank(blank)
    monkeypatch.setattr(capture, "grab_region", lambda rect: blank)
    panel = tab.capture_panel
    panel.set_region("figures", QRect(10, 10, 200, 100))
    panel.capture_now()
    assert panel.status_label.text() == capture.permission.blank_grab_advice()
    assert not panel.process.busy and panel.process.process is None


def test_the_review_labels_a_captured_curve_with_its_interval(qtbot, db, paths, stream_id):
    with db.session() as s:
        live_service.go_live(s, stream_id, T0)
        for i in range(5):
            store.log_reading(s, stream_id, T0 + dt.timedelta(seconds=30 * (i + 1)),
                              store.Reading(online=300 + i, gmv=Decimal(100 * i)))
    review = make_review_tab(qtbot, db, paths)
    review.select_stream(stream_id)
    note = review.charts.logged_note
    assert note.isVisibleTo(review) and "Captured from the dashboard every 30 s" in note.text()
    assert list(review.charts.curves["online"].yData) == [300, 301, 302, 303, 304]


def test_screenshots_are_kept_only_with_the_debug_option(tab, paths, monkeypatch):
    """Privacy: a capture keeps the figures; the grabbed image reaches the disk only while "Keep screenshots" is on."""
    _a_dashboard_on_screen(monkeypatch)
    panel = tab.capture_panel
    sent = []
    monkeypatch.setattr(panel.process, "read", lambda kind, image: sent.append((kind, image[:2])))
    panel.set_region("figures", QRect(10, 10, 200, 100))
    folder = paths.data / "capture-debug"
    panel.capture_now()
    assert sent == [("figures", b"BM")] and not folder.exists()  # to the reader, as a bitmap
    panel.debug_check.setChecked(True)
    assert Preferences.load(paths).capture_keep_screenshots
    panel.capture_now()
    assert [p.suffix for p in folder.iterdir()] == [".png"]


def test_going_live_with_a_region_drawn_starts_the_reader_early(tab):
    """The models take seconds to load: with a region drawn, the reader starts when the stream goes live, so Start
    gives a reading within seconds; it is stopped with the console."""
    panel = tab.capture_panel
    panel.set_region("figures", QRect(10, 10, 300, 120))
    assert panel.process.process is None  # not live yet: nothing started
    _go_live(tab)
    assert panel.process.process is not None and not panel.running
    assert panel.idle_timer.isActive()  # a reader nobody uses goes away again


def test_one_picker_at_a_time(qtbot, tab):
    """A second click on the region button while the rectangle is being drawn brings the same picker forward."""
    panel = tab.capture_panel
    panel.region_button.click()
    first = panel.picker
    assert first is not None and first.isVisible()
    panel.links_button.click()
    assert panel.picker is first
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.picker is None)


def test_the_reader_loads_while_the_region_is_drawn_and_ends_if_it_is_cancelled(qtbot, tab):
    panel = tab.capture_panel
    panel.region_button.click()
    assert panel.process.process is not None  # loading while the user drags
    panel.picker.close()  # Esc: nothing drawn
    qtbot.waitUntil(lambda: panel.picker is None)
    assert panel.process.process is None


def test_start_after_the_reader_loaded_reads_at_once_and_stop_keeps_it_a_while(qtbot, tab, db, stream_id, monkeypatch):
    """The console of a live stream with a region remembered loads the reader; after Stop it is kept (idle), a
    reading still in flight is not logged, and Start again reads from the same process."""
    _a_dashboard_on_screen(monkeypatch)
    panel = tab.capture_panel
    panel.set_region("figures", QRect(10, 10, 200, 100))
    _go_live(tab)
    qtbot.waitUntil(lambda: panel.process.loaded)
    assert set(panel.process.load_ms) >= {"spawn", "imports", "sessions", "first_run"}
    reader = panel.process.process
    panel.set_running(True)
    panel.set_running(False)  # stopped while the first image is being read
    qtbot.wait(800)
    assert _samples(db, stream_id) == []
    assert panel.process.process is reader and panel.idle_timer.isActive()
    panel.set_running(True)
    qtbot.waitUntil(lambda: len(_samples(db, stream_id)) == 1)
    assert panel.process.process is reader
    assert (_samples(db, stream_id)[0].online, _samples(db, stream_id)[0].source) == (1234, "capture")


def test_a_reader_that_went_idle_loads_again_when_the_console_is_shown(qtbot, tab):
    panel = tab.capture_panel
    panel.set_region("figures", QRect(10, 10, 300, 120))
    _go_live(tab)
    assert panel.process.process is not None
    panel.idle_timer.timeout.emit()  # ten minutes without Start
    assert panel.process.process is None
    tab.hide()
    tab.show()
    assert panel.isVisible() and panel.process.process is not None and panel.idle_timer.isActive()


def test_ending_the_stream_ends_a_reader_that_is_not_capturing(tab):
    panel = tab.capture_panel
    panel.set_region("figures", QRect(10, 10, 300, 120))
    _go_live(tab)
    assert panel.process.process is not None
    tab.confirm_end = lambda: True
    tab.offer_review = lambda: False
    tab.end_stream()
    assert tab.state.ended and panel.process.process is None
