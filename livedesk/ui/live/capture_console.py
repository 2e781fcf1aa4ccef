"""Live capture wired into the console: captured readings logged like typed ones, a badge on captured figures,
dashboard text pasted into the quick metrics, and "#3 8.2% 45" typed for a link. A part of LiveTab."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QKeySequence

from livedesk.services import live_steps
from livedesk.services.capture import store as capture_store
from livedesk.services.capture.mapping import LinkReading, Reading, read_link_line, read_text
from livedesk.ui import formatting
from livedesk.ui.live.capture import CapturePanel, summary

CAPTURE_BADGE = "◉"  # after a figure that was read off the screen
EDIT_FIELDS = {"online": "online", "uv": "uv", "gmv": "gmv", "orders": "orders", "click": "click_rate"}


class PasteReader(QObject):
    """Ctrl+V in a quick-metrics field: text copied from a dashboard (several lines, or labels with numbers) is read
    by the capture mapping and fills the fields; a single number is pasted as usual."""

    def __init__(self, fill, parent: QObject | None = None):
        super().__init__(parent)
        self.fill = fill

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Paste):
            return bool(self.fill(QGuiApplication.clipboard().text()))
        return False


class CaptureConsole:
    """The capture panel's readings, logged through services/capture/store.py; mixed into LiveTab."""

    def _build_capture_box(self) -> CapturePanel:
        self.capture_panel = CapturePanel(self.paths, self)
        self.capture_panel.figures_read.connect(lambda reading: self.log_captured(reading, False))
        self.capture_panel.figures_confirmed.connect(lambda reading: self.log_captured(reading, True))
        self.capture_panel.links_read.connect(self.log_captured_links)
        self.capture_panel.waiting = self._typing_figures
        self._metric_source = "typed"
        self.paste_reader = PasteReader(self.paste_figures, self)
        for edit in self.metric_edits.values():
            edit.installEventFilter(self.paste_reader)
        return self.capture_panel

    def _typing_figures(self) -> bool:
        return any(edit.text().strip() for edit in self.metric_edits.values())

    def log_captured(self, reading: Reading, confirmed: bool = False) -> None:
        """A reading from the screen: logged like a typed entry (source capture), held when implausible."""
        if self.stream_id is None or self.following:
            return
        if self.state is None or not self.state.live:
            self.capture_panel.show_held([], None)
            self.capture_panel.show_status(self.tr("Read: {0}. Captured figures are logged while the stream is live.").format(
                summary(reading)))
            return
        interval = self.capture_panel.interval_spin.value()
        done = self.act(live_steps.log_reading, reading, self.prefs, interval, confirmed,
                        faults_to=None if confirmed else self._say_capture_fault)
        if not done:
            return
        result = done.value
        self.capture_panel.show_held(result.held, reading)
        if not result.held:
            self.capture_panel.show_logged(reading, result.kept_typed)

    def log_captured_links(self, readings: list[LinkReading], source: str = capture_store.SOURCE) -> bool:
        if self.stream_id is None or self.following:
            return False
        done = self.act(live_steps.log_links, readings, self.prefs, source,
                        faults_to=self._say_capture_fault if source == capture_store.SOURCE else None)
        if not done:
            return False
        written, unknown = done.value
        message = self.tr("%n link(s) updated.", "", written)
        if unknown:
            message += " " + "; ".join(unknown).capitalize() + "."
        self.status_message.emit(message, 5000)
        return written > 0

    def _say_capture_fault(self, text: str) -> None:
        """A captured reading not logged because the database failed: said in the panel, not a dialog each time."""
        self.capture_panel.show_status(text, error=True)

    def enter_link_line(self, text: str) -> bool | None:
        """"#3 8.2% 45" in the stock field: link 3's click rate and stock left. None when the text is not such a line."""
        reading = read_link_line(text)
        if reading is None or not (text.lstrip().startswith("#") or len(text.split()) > 1):
            return None
        return self.log_captured_links([reading], source="typed")

    def paste_figures(self, text: str) -> bool:
        """Fill the quick-metrics fields from pasted dashboard text; False leaves the paste to the field."""
        reading = read_text(text)
        if reading.empty or ("\n" not in text.strip() and not any(ch > "\u2e7f" for ch in text)):
            return False
        values = {
            "online": reading.online, "uv": reading.uv, "orders": reading.orders,
            "gmv": None if reading.gmv is None else f"{reading.gmv}",
            "click": None if reading.click_rate is None else f"{float(reading.click_rate) * 100:.2f}%",
        }  # fmt: skip
        filled = 0
        for key, value in values.items():
            if value is not None:
                self.metric_edits[key].setText(str(value))
                filled += 1
        self._metric_source = "paste"
        self.status_message.emit(self.tr("Read %n figure(s) from the pasted text: check them and press Enter.", "", filled), 6000)
        return True

    def _show_capture_badges(self, samples) -> None:
        """◉ after a figure whose latest value was read off the screen, with when in its tooltip."""
        for key, attribute in EDIT_FIELDS.items():
            latest = next((s for s in reversed(samples) if getattr(s, attribute) is not None), None)
            label = self.metric_last[key]
            if latest is not None and latest.source == capture_store.SOURCE:
                label.setText(f"{label.text()} {CAPTURE_BADGE}")
                label.setToolTip(self.tr("Read off the screen at {0}").format(formatting.local(latest.at).strftime("%H:%M:%S")))
            else:
                label.setToolTip("")
        captured = [s for s in samples if s.source == capture_store.SOURCE]
        self.capture_badge.setText(
            self.tr("{0} Captured: {1} readings, last at {2}").format(
                CAPTURE_BADGE, len(captured), formatting.local(captured[-1].at).strftime("%H:%M:%S"))
            if captured else "")

    def _take_metric_source(self) -> str:
        source, self._metric_source = self._metric_source, "typed"
        return source
