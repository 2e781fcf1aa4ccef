"""A captured reading logged like a typed entry (source "capture"), with typing winning and jumps held.

* Typing wins: a figure the controller typed within the last capture interval is not overwritten by a capture
  (the typed number is what they saw and meant); the capture logs only the other figures.
* An implausible reading (a running total going down, a tenfold jump within a minute) is not logged: it comes
  back as held with the reasons, and `log_reading(..., confirmed=True)` logs it after the controller's click.
* Per link: a captured product list (or a typed "#3 8.2% 45") writes each link's click rate and stock left.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from livedesk.config import Preferences
from livedesk.models import Alert, MetricSample
from livedesk.services import live
from livedesk.services.capture.mapping import LinkReading, Reading
from livedesk.services.capture.plausibility import implausible, last_values
from livedesk.services.messages import translate

SOURCE = "capture"
LOGGED_FIGURES = ("online", "gmv", "orders", "uv", "click_rate")  # what a metric sample holds


@dataclass
class Outcome:
    """What happened to one reading: logged (with the alerts it raised), held (with reasons), or nothing new."""

    sample: MetricSample | None = None
    alerts: list[Alert] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    kept_typed: list[str] = field(default_factory=list)  # figures left out because the controller typed them

    @property
    def logged(self) -> bool:
        return self.sample is not None


def log_reading(
    session: Session, stream_id: int, now: dt.datetime, reading: Reading, prefs: Preferences | None = None,
    interval_seconds: int = 30, confirmed: bool = False, source: str = SOURCE,
) -> Outcome:
    """Log the figures of one reading (see the module's rules)."""
    samples = live.metric_samples(session, stream_id)
    figures = {name: getattr(reading, name) for name in LOGGED_FIGURES}
    outcome = Outcome()
    since = now - dt.timedelta(seconds=interval_seconds)
    for sample in samples:
        if sample.source != SOURCE and sample.at > since:
            for name in LOGGED_FIGURES:
                if getattr(sample, name) is not None and figures[name] is not None:
                    figures[name] = None
                    outcome.kept_typed.append(name)
    if all(value is None for value in figures.values()):
        return outcome
    if not confirmed:
        outcome.held = implausible(reading, last_values(samples), now)
        if outcome.held:
            return outcome
    outcome.sample, outcome.alerts = live.add_metric(
        session, stream_id, now, figures["online"], figures["gmv"], figures["orders"], figures["uv"],
        figures["click_rate"], prefs, source=source,
    )  # fmt: skip
    return outcome


def log_links(
    session: Session, stream_id: int, now: dt.datetime, readings: Iterable[LinkReading], prefs: Preferences | None = None,
    source: str = SOURCE,
) -> tuple[int, list[str]]:
    """Each link's click rate and stock left, by its link number on the shelf; returns (links written, the
    numbers that are not on this stream's shelf, in words)."""
    by_number = {row.link_number: row.product_id for row in live.shelf(session, stream_id) if row.link_number is not None}
    written, unknown = 0, []
    for reading in readings:
        product_id = by_number.get(reading.link_number)
        if product_id is None:
            unknown.append(translate("Messages", "link #{0} is not in this stream's lineup").format(reading.link_number))
            continue
        live.enter_link_figures(session, stream_id, product_id, now, reading.stock, reading.click_rate, prefs, source)
        written += 1
    return written, unknown
