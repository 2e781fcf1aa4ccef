"""The change listener's thread: batches handed on, a lost database reported once, EVERYTHING after it is back."""

from __future__ import annotations

import queue
import threading

from livedesk.services.changes import EVERYTHING, ChangeListener

WAIT = 10  # seconds: a bound for a thread to answer, not a measurement


class FakeFeed:
    """Answers from a script: a set of tables, or an exception (the server went away)."""

    def __init__(self, script: queue.Queue):
        self.script = script
        self.closed = False

    def wait(self, timeout: float) -> frozenset[str]:
        try:
            step = self.script.get(timeout=timeout)
        except queue.Empty:
            return frozenset()
        if isinstance(step, Exception):
            raise step
        return step

    def close(self) -> None:
        self.closed = True


def test_batches_a_lost_server_and_its_return_are_reported_in_order():
    script: queue.Queue = queue.Queue()
    events: queue.Queue = queue.Queue()
    opens = []
    refuse_next = threading.Event()

    def open_feed():
        opens.append(1)
        if refuse_next.is_set():
            refuse_next.clear()
            raise OSError("connection refused")
        return FakeFeed(script)

    listener = ChangeListener(open_feed, lambda t: events.put(("changes", t)), lambda on: events.put(("online", on)),
                              poll_seconds=0.05, retry_seconds=0.05)
    listener.start()
    try:
        script.put(frozenset({"lineup_items"}))
        assert events.get(timeout=WAIT) == ("changes", frozenset({"lineup_items"}))
        refuse_next.set()  # the server goes away: the feed fails, and so does the first reconnect
        script.put(OSError("server closed the connection"))
        assert events.get(timeout=WAIT) == ("online", False)
        assert events.get(timeout=WAIT) == ("online", True)  # said once each way, however many tries it took
        assert events.get(timeout=WAIT) == ("changes", EVERYTHING)  # what was missed meanwhile
        assert len(opens) >= 3
        script.put(frozenset({"reviews"}))
        assert events.get(timeout=WAIT) == ("changes", frozenset({"reviews"}))
    finally:
        listener.stop()
    assert not listener.running


def test_a_listener_that_cannot_connect_at_start_says_so_and_stops_when_asked():
    events: queue.Queue = queue.Queue()

    def refuse():
        raise OSError("timeout expired")

    listener = ChangeListener(refuse, lambda t: events.put(t), lambda on: events.put(on), retry_seconds=0.05)
    listener.start()
    assert events.get(timeout=WAIT) is False
    listener.stop()
    assert not listener.running
    assert events.empty()  # no second "away", no changes


def test_a_listener_told_to_stop_while_connecting_reports_nothing_more():
    events: list[object] = []
    listeners: list[ChangeListener] = []

    def connect_as_the_window_closes():
        listeners[0].stop()  # the window closed (or opened another database) while this connect was under way
        raise ConnectionError("the team server does not answer")

    listener = ChangeListener(connect_as_the_window_closes, events.append, events.append, retry_seconds=0.01)
    listeners.append(listener)
    listener.start()
    listener.stop(wait=5)
    assert not listener.running
    assert events == []  # no "server away" for a window that watches something else now
