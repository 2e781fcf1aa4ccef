"""The host view follows the controller by notification, not by reading the server every second.

A live tab in follow mode (`following`, `follow_timer`, `follow_poll` in ui/live/follow.py) re-reads the console
when the change watcher says a live table changed. The read runs on a worker thread, one at a time (changes
told while it runs are read once more after it), so the GUI thread never waits on the server. Its own timer
stays only as a slow safety net while notifications flow; while the server is away it stops, and when the
server is back the tab reads once at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# What the controller's laptop writes while live: the console state, segment switches, the host's message,
# metrics, alerts, incidents, links, the checklist.
LIVE_TABLES = frozenset({
    "live_sessions", "segment_timings", "metric_samples", "alerts", "incidents", "link_events", "checklist_items",
    "segments", "scripts", "lineup_items", "streams",
})
SAFETY_NET_MS = 15000  # with notifications, the follower still reads this often in case one was lost


def is_following(tab: QWidget) -> bool:
    return bool(getattr(tab, "following", False)) and hasattr(tab, "follow_poll")


def use_notifications(tab: QWidget) -> None:
    """Slow the follower's own timer to a safety net (once per tab; the timer keeps its interval)."""
    timer = getattr(tab, "follow_timer", None)
    if timer is not None and timer.interval() < SAFETY_NET_MS:
        timer.setInterval(SAFETY_NET_MS)


def follow(tab: QWidget, tables: frozenset[str]) -> bool:
    """True when `tab` is a follower and took the change itself (a cheap read of the console state, on a worker)."""
    if not is_following(tab):
        return False
    use_notifications(tab)
    if "*" in tables or tables & LIVE_TABLES:
        tab.follow_poll()
    return True


def server_reachable(tab: QWidget, online: bool) -> None:
    """Stop reading while the server is away; read at once when it is back."""
    if not is_following(tab):
        return
    timer = getattr(tab, "follow_timer", None)
    if timer is None:
        return
    if online:
        use_notifications(tab)
        timer.start()
        tab.follow_poll()
    else:
        timer.stop()
