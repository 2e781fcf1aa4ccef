"""Live capture in the console: the region picker, the OCR process and the capture panel.

The user draws a rectangle once over the platform's dashboard (and, if they like, one over its product list);
every N seconds the panel grabs those regions with QScreen.grabWindow, hands the image to the OCR process
(livedesk/services/capture/worker.py, low priority, started with QProcess so the window never waits) and
emits what the mapping read. The tab logs it (services/capture/store.py). Only the figures are kept; the
grabbed image is written to disk only when the debug option is on.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QPoint,
    QProcess,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen, QPixmap, QScreen
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from livedesk.config import Paths, Preferences
from livedesk.services.capture import permission, worker
from livedesk.services.capture.mapping import Reading, TextBox, read_boxes, read_link_rows
from livedesk.ui import formatting, theme

log = logging.getLogger(__name__)
MIN_INTERVAL, MAX_INTERVAL = 10, 120
MIN_SIDE = 24  # a smaller rectangle is a click, not a region
IDLE_READER_MS = 10 * 60 * 1000  # a reader started ahead (or kept after Stop) stops if capture does not start
STOP_GRACE_MS = 3000  # a reader told to end (EOF) that has not ended by then is killed
FIGURES, LINKS = "figures", "links"


# --- grabbing ------------------------------------------------------------------------------------------------


def grab_region(rect: QRect) -> QImage:
    """The region of the desktop (global logical coordinates) as an image, from the screen it is on."""
    screen = QGuiApplication.screenAt(rect.center()) or QGuiApplication.primaryScreen()
    geometry = screen.geometry()
    pixmap = screen.grabWindow(0, rect.x() - geometry.x(), rect.y() - geometry.y(), rect.width(), rect.height())
    return pixmap.toImage()


def is_blank(image: QImage) -> bool:
    """One colour all over (a refused grab is black, or the wallpaper's flat colour): nothing to read."""
    if image.isNull() or image.width() == 0 or image.height() == 0:
        return True
    small = image.scaled(32, 32, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation)
    first = small.pixel(0, 0)
    return all(small.pixel(x, y) == first for y in range(small.height()) for x in range(small.width()))


def image_bytes(image: QImage) -> bytes:
    """The grab as the OCR process takes it: BMP, the same pixels as a PNG and as many bytes (a dashboard barely
    compresses at a quick level) in a fifth of the GUI thread's time (3 ms against 15 for 952×332)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "BMP")
    return bytes(data.data())


def region_list(rect: QRect | None) -> list[int]:
    return [] if rect is None else [rect.x(), rect.y(), rect.width(), rect.height()]


def region_rect(values: list[int]) -> QRect | None:
    return QRect(*values) if len(values) == 4 and values[2] >= MIN_SIDE and values[3] >= MIN_SIDE else None


# --- the rectangle --------------------------------------------------------------------------------------------


class RegionPicker(QWidget):
    """A full-screen, dimmed still of one screen: drag a rectangle over the dashboard; Esc cancels."""

    picked = Signal(QRect)  # global logical coordinates

    def __init__(self, screen: QScreen, hint: str):
        super().__init__(None, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.Tool)
        self.setObjectName("captureRegionPicker")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.hint = hint
        self.still: QPixmap = screen.grabWindow(0)
        self.setGeometry(screen.geometry())
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.origin: QPoint | None = None
        self.selection = QRect()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.drawPixmap(self.rect(), self.still)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 110))
        if not self.selection.isNull():
            painter.drawPixmap(self.selection, self.still, self._source(self.selection))
            painter.setPen(QPen(QColor("#ffcc00"), 2))
            painter.drawRect(self.selection)
        painter.setPen(QColor("white"))
        painter.drawText(self.rect().adjusted(0, 24, 0, 0), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.hint)

    def _source(self, rect: QRect) -> QRect:
        """The still's pixels under a rectangle of this widget (the still is in device pixels)."""
        ratio = self.still.devicePixelRatio() or 1.0
        scale_x = self.still.width() / ratio / max(1, self.width())
        scale_y = self.still.height() / ratio / max(1, self.height())
        return QRect(round(rect.x() * scale_x * ratio), round(rect.y() * scale_y * ratio),
                     round(rect.width() * scale_x * ratio), round(rect.height() * scale_y * ratio))

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.origin = event.position().toPoint()
        self.selection = QRect(self.origin, self.origin)
        self.update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self.origin is not None:
            self.selection = QRect(self.origin, event.position().toPoint()).normalized()
            self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self.origin is None:
            return
        self.selection = QRect(self.origin, event.position().toPoint()).normalized()
        self.origin = None
        if self.selection.width() >= MIN_SIDE and self.selection.height() >= MIN_SIDE:
            self.picked.emit(self.selection.translated(self.geometry().topLeft()))
            self.close()
        else:
            self.update()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()


# --- the OCR process -------------------------------------------------------------------------------------------


class OcrProcess(QObject):
    """The worker process behind a QProcess: images in, text boxes out, one request at a time, never waited on."""

    ready = Signal(int)  # model load time in ms
    boxes_read = Signal(str, object, int)  # kind, list[TextBox], ms
    failed = Signal(str, str)  # kind ("" for the process itself), message

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.process: QProcess | None = None
        self.pending: dict[int, str] = {}  # request id -> kind
        self._next_id = 0
        self._buffer = b""
        self.started_at: float | None = None  # time.monotonic() when the process was started
        self.load_ms: dict[str, int] = {}  # spawn, imports, sessions, first_run: how the running reader loaded

    @property
    def busy(self) -> bool:
        return bool(self.pending)

    @property
    def loaded(self) -> bool:
        """The models are loaded: a request is read at once."""
        return self.process is not None and bool(self.load_ms)

    def start(self) -> None:
        if self.process is not None:
            return
        self.started_at, self.load_ms = time.monotonic(), {}
        program, *arguments = worker.command()
        process = QProcess(self)
        process.setObjectName("captureWorker")
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.readyReadStandardError.connect(lambda: log.debug("OCR: %s", bytes(process.readAllStandardError().data())))
        process.errorOccurred.connect(self._error)
        process.finished.connect(self._finished)
        self.process = process
        process.start(program, arguments)

    def read(self, kind: str, image: bytes) -> None:
        if self.process is None:
            self.start()
        assert self.process is not None
        self._next_id += 1
        self.pending[self._next_id] = kind
        self.process.write(worker.encode_request(self._next_id, image))  # buffered until the process runs

    def forget(self) -> None:
        """Drop the requests in flight: their answers, when they come, are not emitted."""
        self.pending.clear()

    def stop(self, wait: bool = False) -> None:
        """End the process without waiting for it (wait=True when the app closes): a loaded reader is told EOF and
        ends by itself, one still loading is killed (nothing to lose)."""
        process, loaded, self.process, self.load_ms = self.process, bool(self.load_ms), None, {}
        self.pending.clear()
        self._buffer = b""
        if process is None:
            return
        process.finished.disconnect(self._finished)
        process.errorOccurred.disconnect(self._error)
        process.readyReadStandardOutput.disconnect(self._read)
        if loaded:
            process.closeWriteChannel()  # EOF: the worker ends by itself
        else:
            process.kill()
        if wait:
            if not process.waitForFinished(1500):
                process.kill()
                process.waitForFinished(1000)
            process.deleteLater()
            return
        process.finished.connect(process.deleteLater)
        QTimer.singleShot(STOP_GRACE_MS, process, process.kill)  # cancelled if it is deleted first

    def _read(self) -> None:
        if self.process is None:
            return
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            try:
                message = json.loads(line)
            except ValueError:
                log.warning("OCR worker said: %r", line[:200])
                continue
            if message.get("ready"):
                self._loaded(message)
                continue
            request_id = int(message.get("id", -1))
            if request_id not in self.pending:  # asked before Stop: nobody waits for it any more
                continue
            kind = self.pending.pop(request_id)
            if message.get("ok"):
                boxes = [TextBox(b["text"], tuple(b["box"]), b["score"]) for b in message["boxes"]]
                self.boxes_read.emit(kind, boxes, int(message.get("ms", 0)))
            else:
                self.failed.emit(kind, str(message.get("error", "")))

    def _loaded(self, message: dict) -> None:
        phases = {k: int(v) for k, v in (message.get("phases") or {}).items()}
        main_at = message.get("main_at")
        if isinstance(main_at, (int, float)) and self.started_at is not None:  # the system's monotonic clock
            phases["spawn"] = max(0, round((main_at - self.started_at) * 1000))
        self.load_ms = phases or {"total": int(message.get("ms", 0))}
        self.ready.emit(int(message.get("ms", 0)))

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.failed.emit("", self.tr("The text reader could not start: {0}").format(self.process.errorString() if self.process else ""))

    def _finished(self, code: int, _status) -> None:
        self.pending.clear()
        self.load_ms = {}
        if self.process is not None:
            self.process.deleteLater()
            self.process = None
        self.failed.emit("", self.tr("The text reader stopped (exit code {0}); capture stopped.").format(code))


# --- the panel -------------------------------------------------------------------------------------------------


class CapturePanel(QGroupBox):
    """Capture from the screen: pick the regions, the interval, start and stop; what was read; a held reading."""

    figures_read = Signal(object)  # Reading, to log
    figures_confirmed = Signal(object)  # a held Reading the controller logs anyway
    links_read = Signal(object)  # list[LinkReading]
    status_changed = Signal(str)

    def __init__(self, paths: Paths, parent: QWidget | None = None):
        super().__init__(self.tr("Capture from the screen"), parent)
        self.setObjectName("capturePanel")
        self.paths = paths
        self.prefs = Preferences.load(paths)
        self.region = region_rect(self.prefs.capture_region)
        self.links_region = region_rect(self.prefs.capture_links_region)
        self.process = OcrProcess(self)
        self.process.ready.connect(self._ready)
        self.process.boxes_read.connect(self._boxes_read)
        self.process.failed.connect(self._failed)
        self.timer = QTimer(self)
        self.timer.setObjectName("captureTimer")
        self.timer.timeout.connect(self.capture_now)
        self.idle_timer = QTimer(self)  # a reader warmed up but never used goes away again
        self.idle_timer.setObjectName("captureIdleTimer")
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(IDLE_READER_MS)
        self.idle_timer.timeout.connect(lambda: None if self.running else self.process.stop())
        self.started_at: float | None = None
        self.first_reading_ms: int | None = None
        self.held_reading: Reading | None = None
        self.last_reading: Reading | None = None
        self.picker: RegionPicker | None = None
        self.waiting = lambda: False  # the tab says when the controller is typing figures (typing wins)
        self._live = False  # the console's stream is on air (stream_live): a reader is likely to be wanted
        self._build()
        self._show_regions()

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        row = QHBoxLayout()
        self.region_button = QPushButton(self.tr("Dashboard region…"))
        self.region_button.setObjectName("captureRegion")
        self.region_button.setToolTip(self.tr("Draw a rectangle around the figures of the platform's dashboard "
                                              "(百应 中控台, 罗盘 大屏, 淘宝直播 中控台 or any window)."))
        self.region_button.clicked.connect(lambda: self.pick(FIGURES))
        self.links_button = QPushButton(self.tr("Product list…"))
        self.links_button.setObjectName("captureLinksRegion")
        self.links_button.setToolTip(self.tr("Optional: a rectangle around the product list, to read each link's click "
                                             "rate and stock left (one row per link, its number first)."))
        self.links_button.clicked.connect(lambda: self.pick(LINKS))
        self.interval_spin = QSpinBox()
        self.interval_spin.setObjectName("captureInterval")
        self.interval_spin.setRange(MIN_INTERVAL, MAX_INTERVAL)
        self.interval_spin.setSuffix(self.tr(" s"))
        self.interval_spin.setValue(min(MAX_INTERVAL, max(MIN_INTERVAL, self.prefs.capture_interval_seconds)))
        self.interval_spin.setToolTip(self.tr("How often the regions are read (10–120 seconds)"))
        self.interval_spin.valueChanged.connect(self._interval_changed)
        self.start_button = QPushButton(self.tr("Start capture"))
        self.start_button.setObjectName("captureStart")
        self.start_button.setCheckable(True)
        self.start_button.toggled.connect(self.set_running)
        self.debug_check = QCheckBox(self.tr("Keep screenshots"))
        self.debug_check.setObjectName("captureKeepScreenshots")
        self.debug_check.setToolTip(self.tr("Debugging only: save every grabbed image in the data folder's capture-debug "
                                            "folder. Off, only the figures are kept."))
        self.debug_check.setChecked(self.prefs.capture_keep_screenshots)
        self.debug_check.toggled.connect(self._debug_changed)
        for widget in (self.region_button, self.links_button, QLabel(self.tr("every")), self.interval_spin, self.start_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.debug_check)
        grid.addLayout(row, 0, 0, 1, 3)
        self.status_label = QLabel()
        self.status_label.setObjectName("captureStatus")
        self.status_label.setWordWrap(True)
        theme.set_style(self.status_label, "color: $muted;")
        grid.addWidget(self.status_label, 1, 0, 1, 3)
        self.held_frame = QWidget()
        self.held_frame.setObjectName("captureHeld")
        held = QHBoxLayout(self.held_frame)
        held.setContentsMargins(0, 0, 0, 0)
        self.held_label = QLabel()
        self.held_label.setObjectName("captureHeldReason")
        self.held_label.setWordWrap(True)
        theme.set_style(self.held_label, "color: $warn_fg; font-weight: 600;")
        self.log_anyway = QPushButton(self.tr("Log anyway"))
        self.log_anyway.setObjectName("captureLogAnyway")
        self.log_anyway.clicked.connect(self._confirm_held)
        self.discard = QPushButton(self.tr("Discard"))
        self.discard.setObjectName("captureDiscard")
        self.discard.clicked.connect(lambda: self.show_held([], None))
        held.addWidget(self.held_label, 1)
        held.addWidget(self.log_anyway)
        held.addWidget(self.discard)
        self.held_frame.hide()
        grid.addWidget(self.held_frame, 2, 0, 1, 3)

    # --- regions ---

    def pick(self, kind: str) -> None:
        if self.picker is not None and self.picker.isVisible():  # one rectangle at a time
            self.picker.raise_()
            self.picker.activateWindow()
            return
        screen = self.window().screen() if self.window() is not None else QGuiApplication.primaryScreen()
        hint = (self.tr("Drag a rectangle around the dashboard's figures · Esc cancels") if kind == FIGURES
                else self.tr("Drag a rectangle around the product list · Esc cancels"))
        picker = RegionPicker(screen, hint)
        self.warm_up()  # the models load while the rectangle is drawn
        picker.picked.connect(lambda rect: (self.set_region(kind, rect), self.warm_up()))
        picker.destroyed.connect(lambda *_: self._picker_gone(picker))
        self.picker = picker
        picker.show()
        picker.activateWindow()

    def _picker_gone(self, picker: RegionPicker) -> None:
        if self.picker is picker:
            self.picker = None
        if not self.has_region and not self.running:  # cancelled with nothing drawn: no reader to keep
            self.process.stop()

    @property
    def has_region(self) -> bool:
        return self.region is not None or self.links_region is not None

    def set_region(self, kind: str, rect: QRect | None) -> None:
        if kind == FIGURES:
            self.region = rect
            self.prefs.capture_region = region_list(rect)
        else:
            self.links_region = rect
            self.prefs.capture_links_region = region_list(rect)
        self._save_prefs()
        self._show_regions()

    def _show_regions(self) -> None:
        self.start_button.setEnabled(self.region is not None or self.links_region is not None)
        if not self.timer.isActive():
            if self.region is None and self.links_region is None:
                self.show_status(self.tr("Draw a rectangle around the dashboard's figures, then start: LiveDesk reads them "
                                     "every {0} s and logs them like typed numbers.").format(self.interval_spin.value()))
            else:
                self.show_status(self.tr("Region set ({0}). Start capture to read it every {1} s.").format(
                    self._describe_regions(), self.interval_spin.value()))

    def _describe_regions(self) -> str:
        parts = []
        if self.region is not None:
            parts.append(self.tr("dashboard {0}×{1}").format(self.region.width(), self.region.height()))
        if self.links_region is not None:
            parts.append(self.tr("product list {0}×{1}").format(self.links_region.width(), self.links_region.height()))
        return ", ".join(parts)

    # --- running ---

    def stream_live(self, live: bool) -> None:
        """Called on every refresh of the console. When its stream goes live (or is first shown live) with a region
        remembered, the reader starts loading now, so Start gives a reading within seconds; when it goes off air,
        a reader that is not capturing ends."""
        was, self._live = self._live, live
        if live and not was and self.has_region:
            self.warm_up()
        elif was and not live and not self.running:
            self.process.stop()

    def showEvent(self, event) -> None:  # noqa: N802
        """The console is shown again for a stream on air with a region remembered: a reader that went idle loads
        again (a user who never drew a region never gets one)."""
        super().showEvent(event)
        if self._live and self.has_region and not self.running:
            self.warm_up()

    def warm_up(self) -> None:
        """Start the reader ahead of Start (loading the models takes seconds), at low priority; one nobody uses ends
        after IDLE_READER_MS."""
        self.process.start()
        if not self.running:
            self.idle_timer.start()

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def set_running(self, on: bool) -> None:
        if self.start_button.isChecked() != on:
            self.start_button.blockSignals(True)
            self.start_button.setChecked(on)
            self.start_button.blockSignals(False)
        self.start_button.setText(self.tr("Stop capture") if on else self.tr("Start capture"))
        if not on:
            self.timer.stop()
            self.process.forget()  # a reading in flight is not logged after Stop
            if self.process.process is not None:
                self.idle_timer.start()  # kept a while, so Start again reads at once
            self._show_regions()
            return
        if permission.screen_capture_allowed() is False:  # macOS: ask once, and say where to allow it
            permission.request_screen_capture()
            self.show_status(permission.blank_grab_advice(), error=True)
        self.started_at = time.monotonic()
        self.first_reading_ms = None
        self.process.start()
        self.timer.start(self.interval_spin.value() * 1000)
        self.show_status(self.tr("Starting the text reader…"))
        self.capture_now()

    def capture_now(self) -> None:
        """Grab the regions and send them to the reader (skipped while it still reads the last ones)."""
        if self.process.busy:
            return
        for kind, rect in ((FIGURES, self.region), (LINKS, self.links_region)):
            if rect is None:
                continue
            image = grab_region(rect)
            if is_blank(image):
                self.show_status(permission.blank_grab_advice(), error=True)
                continue
            if self.debug_check.isChecked():
                self._keep(image, kind)
            self.process.read(kind, image_bytes(image))

    def _keep(self, image: QImage, kind: str) -> None:
        folder = Path(self.paths.data) / "capture-debug"
        folder.mkdir(parents=True, exist_ok=True)
        image.save(str(folder / f"{dt.datetime.now():%Y%m%d-%H%M%S}-{kind}.png"))

    def _ready(self, ms: int) -> None:
        log.info("OCR reader ready in %d ms (%s)", ms, self.process.load_ms)

    def _boxes_read(self, kind: str, boxes: list[TextBox], ms: int) -> None:
        if self.first_reading_ms is None and self.started_at is not None:
            self.first_reading_ms = round((time.monotonic() - self.started_at) * 1000)
        if kind == LINKS:
            links = read_link_rows(boxes)
            if links:
                self.links_read.emit(links)
            return
        reading = read_boxes(boxes)
        self.last_reading = reading
        if reading.empty and permission.screen_capture_allowed() is False:  # macOS showed the wallpaper instead
            self.show_status(permission.blank_grab_advice(), error=True)
            return
        if reading.empty:
            self.show_status(self.tr("No figures found in the region ({0} pieces of text read). Is it over the dashboard's "
                                 "figures?").format(len(boxes)), error=True)
            return
        if self.waiting():
            self.show_status(self.tr("You are typing figures: this reading is skipped (typing wins)."))
            return
        self.figures_read.emit(reading)

    def _failed(self, kind: str, message: str) -> None:
        self.show_status(message, error=True)
        if not kind and self.running:  # the process is gone: capture stops rather than fail every interval
            self.set_running(False)
            self.show_status(message, error=True)

    def show_logged(self, reading: Reading, kept_typed: list[str]) -> None:
        text = self.tr("Capturing every {0} s · read at {1}: {2}").format(
            self.interval_spin.value(), dt.datetime.now().strftime("%H:%M:%S"), summary(reading))
        if kept_typed:
            text += " · " + self.tr("typed figures kept")
        self.show_status(text)

    def show_held(self, reasons: list[str], reading: Reading | None) -> None:
        """An implausible reading waits for a click: logged anyway, or discarded."""
        self.held_reading = reading if reasons else None
        self.held_frame.setVisible(bool(reasons))
        self.held_label.setText(self.tr("Held, not logged: {0}.").format("; ".join(reasons)) if reasons else "")

    def _confirm_held(self) -> None:
        reading = self.held_reading
        self.show_held([], None)
        if reading is not None:
            self.figures_confirmed.emit(reading)

    def show_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        theme.set_style(self.status_label, "color: $bad_fg;" if error else "color: $muted;")
        self.status_changed.emit(text)

    def _interval_changed(self, seconds: int) -> None:
        self.prefs.capture_interval_seconds = seconds
        self._save_prefs()
        if self.timer.isActive():
            self.timer.setInterval(seconds * 1000)
        else:
            self._show_regions()

    def _debug_changed(self, on: bool) -> None:
        self.prefs.capture_keep_screenshots = on
        self._save_prefs()

    def _save_prefs(self) -> None:
        """Only the capture settings change; the rest is read afresh so another dialog's edits survive."""
        prefs = Preferences.load(self.paths)
        for name in ("capture_region", "capture_links_region", "capture_interval_seconds", "capture_keep_screenshots"):
            setattr(prefs, name, getattr(self.prefs, name))
        try:
            prefs.save(self.paths)
        except OSError as exc:
            log.warning("Could not save the capture settings: %s", exc)

    def shutdown(self) -> None:
        self.timer.stop()
        self.idle_timer.stop()
        self.process.stop(wait=True)
        if self.picker is not None:
            self.picker.close()


def summary(reading: Reading) -> str:
    """The figures read, short, for the status line."""
    parts = []
    if reading.online is not None:
        parts.append(QCoreApplication.translate("CapturePanel", "online {0}").format(formatting.count(reading.online)))
    if reading.uv is not None:
        parts.append(QCoreApplication.translate("CapturePanel", "UV {0}").format(formatting.count(reading.uv)))
    if reading.gmv is not None:
        parts.append(QCoreApplication.translate("CapturePanel", "GMV {0}").format(formatting.money(reading.gmv)))
    if reading.orders is not None:
        parts.append(QCoreApplication.translate("CapturePanel", "orders {0}").format(formatting.count(reading.orders)))
    if reading.click_rate is not None:
        parts.append(QCoreApplication.translate("CapturePanel", "click rate {0}").format(
            f"{float(reading.click_rate) * 100:.1f}%"))
    return " · ".join(parts)
