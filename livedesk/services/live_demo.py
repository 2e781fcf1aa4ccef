"""A demo stream staged mid-show for the screenshots (tools/screenshots): the console in a warning window,
a little behind, with metrics, links and an incident logged. Deterministic on a fixed clock."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy.orm import Session

from livedesk.config import Preferences
from livedesk.models import Stream
from livedesk.services import live
from livedesk.services.db import Database
from livedesk.services.scripts import list_segments


def stage_screenshot(db: Database, prefs: Preferences, today: dt.datetime) -> tuple[int, dt.datetime] | None:
    """`stage_screenshot_show` in one unit of work of its own (the live tab's `prepare_screenshot`)."""
    with db.session() as session:
        return stage_screenshot_show(session, prefs, today)


def stage_screenshot_show(session: Session, prefs: Preferences, today: dt.datetime) -> tuple[int, dt.datetime] | None:
    """Pick the demo stream to show (live, today's, or the last scripted one with at least three segments) and
    stage it; returns (stream id, the fake 'now' to show it at), or None when no stream fits."""
    target = _screenshot_stream(session, live.stream_picks(session), today)
    if target is None:
        return None
    return target, _stage_demo_show(session, target, prefs)


def _screenshot_stream(session: Session, picks: list[live.StreamPick], now: dt.datetime) -> int | None:
    candidates = [p.id for p in picks if p.live]
    today = now.astimezone().date()
    candidates += [p.id for p in picks if p.start_at.astimezone().date() == today]
    candidates += [p.id for p in reversed(picks) if p.status in ("rehearsed", "scripted")]
    for stream_id in candidates:
        if len(list_segments(session, stream_id)) >= 3:
            return stream_id
    return None


def _stage_demo_show(session: Session, stream_id: int, prefs: Preferences) -> dt.datetime:
    """Go live on the demo stream at its planned start, switch segments 90 s late, log some numbers;
    return a fake 'now' 2 minutes before the running segment is due to switch. Deterministic, and
    a second call (the other language's screenshot) only recomputes the time."""
    stream = session.get(Stream, stream_id)
    segments = live.list_segments(session, stream_id)
    if live.get_live_session(session, stream_id) is None:
        start = stream.start_at
        live.go_live(session, stream_id, start)
        for i, seg in enumerate(segments[1:], start=1):
            if seg.start_seconds > 45 * 60:
                break
            live.next_segment(session, stream_id, start + dt.timedelta(seconds=seg.start_seconds + 90 + 15 * i))
        current = live.console_state(session, stream_id, start)
        run_start = current.actual_starts[-1]
        now = run_start + dt.timedelta(seconds=current.current.duration - 110)  # type: ignore[union-attr]
        lineup = live.shelf(session, stream_id)
        for row in lineup[:2]:
            live.set_link(session, stream_id, row.product_id, True, start + dt.timedelta(minutes=1))
        welfare = next((r for r in lineup if r.welfare), None)
        if welfare is not None:
            live.enter_stock(session, stream_id, welfare.product_id, 0, now - dt.timedelta(minutes=3), prefs)
        minutes = int((now - start).total_seconds() // 60)
        online_curve = [180, 420, 610, 720, 690, 760, 820, 780, 640, 700, 730, 760, 690, 650]
        gmv = Decimal(0)
        orders = 0
        for n, minute in enumerate(range(5, minutes, 5)):
            online = online_curve[n % len(online_curve)]
            gmv += Decimal(online) * Decimal("3.1") if n < 6 else Decimal(online) * Decimal("0.9")
            orders += online // 40
            uv = 400 + 700 * (n + 1)
            live.add_metric(session, stream_id, start + dt.timedelta(minutes=minute), online, gmv, orders, uv,
                                    Decimal("0.06") + Decimal(n % 4) / 100, prefs)
        live.log_incident(session, stream_id, "network_drop", start + dt.timedelta(minutes=22),
                                  "主网络断开 30 秒，已切到 5G 备用", "阿杰")
        return now
    current = live.console_state(session, stream_id, stream.start_at)
    if current.ended or current.current is None:
        return current.ended_at or stream.start_at
    extra = current.extra.get(current.current_index or 0, 0)
    return current.actual_starts[-1] + dt.timedelta(seconds=current.current.duration + extra - 110)
