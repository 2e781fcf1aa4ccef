"""What the tabs follow now that they refresh on workers: the preferences, a stream newer than their lists,
and a stream just created."""

from __future__ import annotations

import datetime as dt

import pytest

from livedesk.config import Preferences
from livedesk.services import schedule, schedule_steps
from livedesk.ui.tasks import TaskRunner

START = dt.datetime(2026, 11, 20, 20, 0).astimezone()


@pytest.fixture
def pooled(monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", False)  # real workers, as in the app
    yield
    TaskRunner.wait()


def test_changed_preferences_reach_the_live_console_at_once(window, paths):
    live = window.show_tab("live")
    prefs = Preferences.load(paths)
    assert live.prefs.warning_seconds == prefs.warning_seconds != 300
    prefs.warning_seconds = 300
    prefs.save(paths)
    window.refresh_all()  # what the preferences dialog does after OK
    assert live.prefs.warning_seconds == 300


def test_a_stream_picked_before_the_other_tabs_read_it_is_followed(qtbot, window, db, pooled):
    [first], _ = schedule_steps.create(db, [schedule.StreamData(title="周五专场", start_at=START, planned_minutes=120)])
    window.refresh_all()
    TaskRunner.wait()
    tabs = [window.show_tab(key) for key in ("script", "live", "review")]
    window.set_current_stream(first)
    qtbot.waitUntil(lambda: all(tab.stream_id == first for tab in tabs), timeout=5000)
    data = schedule.StreamData(title="周六清仓专场", start_at=START + dt.timedelta(days=1), planned_minutes=90)
    [new], _ = schedule_steps.create(db, [data])
    window.refresh_others(window.tab("schedule"))  # their lists are read on workers…
    window.set_current_stream(new)  # …and the new stream is picked before they land
    TaskRunner.wait()
    qtbot.waitUntil(lambda: all(tab.stream_id == new for tab in tabs), timeout=5000)
    qtbot.wait(50)
    assert [tab.stream_id for tab in tabs] == [new, new, new]  # no late answer took a tab back


class _NewStreamDialog:
    """The stream dialog, answered: OK with this stream."""

    def __init__(self, data, *_args, **_kwargs):
        self.data = data

    def exec(self) -> bool:
        return True

    def result_data(self):
        self.data.title = "周日新品首发"
        return self.data


def test_a_new_stream_is_selected_once_saved(qtbot, db, paths):
    from livedesk.ui.schedule.tab import ScheduleTab

    tab = ScheduleTab(db, paths)
    qtbot.addWidget(tab)
    tab.show()
    tab.dialog_factory = _NewStreamDialog
    tab.new_stream(START)
    [selected] = tab.selected_ids()
    with db.session() as session:
        assert session.get(schedule.Stream, selected).title == "周日新品首发"
