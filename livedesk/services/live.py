"""The live console (直播): pre-live checklist, run of show, shelf, quick metrics, alerts, incidents.

Every function takes the session of one unit of work and an aware `now`, so tests control time and
each controller action is its own transaction, written the moment it happens. Nothing is kept in
memory between calls: `console_state` rebuilds the console from the database, so killing the app
mid-stream and starting it again resumes exactly where it was.

How the run of show is stored:

* `LiveSession` per stream: when it went live / ended, the running segment, and a hold in progress.
* `SegmentTiming` per segment run: actual start and end, and `extra_seconds` the controller added
  or removed. A finished hold is folded into `extra_seconds` (the countdown stood still that long).
* next: ends the running timing and opens one for the next segment. skip: the next segment is
  recorded as a zero-length run and the one after it starts. previous: undoes a switch: the running
  timing ends and the previous segment's latest run is reopened, so its clock carries on.

The arithmetic (time left, overtime, drift, expected end, gaps absorbing delay) is
`livedesk.services.timeline.live_status`; this module only feeds it from the rows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.config import Paths, Preferences
from livedesk.models import (
    Alert,
    ChecklistItem,
    ImprovementItem,
    Incident,
    LinkEvent,
    LiveSession,
    MetricSample,
    ProductRole,
    ResponseLine,
    Review,
    SegmentTiming,
    Stream,
    StreamStatus,
)
from livedesk.services import metrics, timeline
from livedesk.services.errors import UserError
from livedesk.services.lineups import lineup_rows
from livedesk.services.messages import translate
from livedesk.services.scripts import list_segments

CHECKLIST_FILE = "live_checklist.json"
IMPROVEMENT_PREFIX = "改进："
DEFAULT_CHECKLIST = [
    "设备：手机/相机电量、支架、补光灯、收音",
    "灯光色温 5000–5600K",
    "双网络：有线 + 4G/5G 备用",
    "库存已同步到小店",
    "优惠券、福袋已设置",
    "预热视频和粉丝群通知已发",
]  # script approved, rehearsed, stock at N+1 and no banned words are ticked by the app (prelive_checks)
INCIDENT_KINDS = (
    "network_drop",
    "device_fault",
    "banned_word",
    "negative_comments",
    "price_questioned",
    "out_of_stock",
    "host_mistake",
    "other",
)
# Our own wording: short lines a host can say while the team fixes the problem.
DEFAULT_RESPONSES: dict[str, list[str]] = {
    "network_drop": [
        "刚才网络有点卡，大家还能看到我吗？能看到的扣个 1！",
        "信号回来了，刚刚讲到哪儿了？我们从这款的价格再说一遍。",
        "刚进来的宝宝别急，福利还在，马上给大家再上一次链接。",
    ],
    "device_fault": [
        "画面稍微调整一下，大家先看看左下角的小黄车，福利款都在里面。",
        "助播先给大家读一下评论区的问题，我这边马上好。",
    ],
    "banned_word": [
        "刚才说得不严谨，我更正一下：这款是我们自己用下来觉得好用的，效果因人而异。",
        "以商品详情页和质检报告为准，大家理性下单。",
    ],
    "negative_comments": [
        "看到有宝宝对价格有疑问，我把今天的券后价和赠品给大家算一遍。",
        "有任何问题可以私信客服，我们一对一帮你处理，直播间先继续给大家讲福利。",
        "理解大家的顾虑，质检报告我放在镜头前给大家看。",
    ],
    "price_questioned": [
        "有宝宝问价格，我把今天的账给大家算一遍：日常价、直播价、券后价和赠品都在这里，以下单页面为准。",
        "今天这个价是直播间专享的，下播就恢复日常价，需要的宝宝趁现在拍。",
        "觉得贵的宝宝看看规格和克数，算下来每一份多少钱；品质和售后我们都有保障。",
        "价格有疑问的扣个问号，助播一对一帮你算，我们先把福利讲完。",
    ],
    "out_of_stock": [
        "这一轮已经抢完了！没抢到的宝宝扣 1，我去问问仓库还能不能加一点。",
        "售罄的链接先下架，下一轮福袋马上来，大家别走开。",
        "没抢到的可以看看同款的另一个规格，一样是今天的直播价。",
    ],
    "host_mistake": [
        "刚才口误了，以这里的价格为准，我已经让助播把正确价格置顶。",
        "说错了说错了，给大家道个歉，正确的是……",
    ],
    "other": [
        "稍等一下，我们马上回来，先给大家送一波福袋！",
    ],
}
ALERT_WINDOW = dt.timedelta(minutes=5)


class LiveError(UserError, ValueError):
    """A console action that cannot be done now; the message says why."""


# --- checklist ------------------------------------------------------------------------------------


def template_path(paths: Paths) -> Path:
    return paths.data / CHECKLIST_FILE


def load_checklist_template(paths: Paths) -> list[str]:
    """The editable template (a JSON list of strings in the data folder), or the defaults."""
    try:
        raw = json.loads(template_path(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return list(DEFAULT_CHECKLIST)
    items = [str(x).strip() for x in raw if str(x).strip()] if isinstance(raw, list) else []
    return items or list(DEFAULT_CHECKLIST)


def save_checklist_template(paths: Paths, items: Iterable[str]) -> list[str]:
    clean = [str(x).strip() for x in items if str(x).strip()]
    file = template_path(paths)
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_suffix(".tmp")
    tmp.write_text(json.dumps(clean, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(file)
    return clean


def _stream(session: Session, stream_id: int) -> Stream:
    stream = session.get(Stream, stream_id)
    if stream is None:
        raise LiveError(translate("Messages", "This stream no longer exists (it may have been deleted)."))
    return stream


def previous_review_stream(session: Session, stream: Stream) -> Stream | None:
    """The last stream on the same account, before this one, that has a review."""
    return session.scalar(
        select(Stream)
        .join(Review, Review.stream_id == Stream.id)
        .where(Stream.account == stream.account, Stream.start_at < stream.start_at, Stream.id != stream.id)
        .order_by(Stream.start_at.desc())
        .limit(1)
    )


def open_improvements(session: Session, stream: Stream) -> list[ImprovementItem]:
    last = previous_review_stream(session, stream)
    if last is None:
        return []
    return list(
        session.scalars(
            select(ImprovementItem)
            .where(ImprovementItem.stream_id == last.id, ImprovementItem.done.is_(False))
            .order_by(ImprovementItem.id)
        )
    )


def checklist(session: Session, stream_id: int) -> list[ChecklistItem]:
    return list(
        session.scalars(
            select(ChecklistItem).where(ChecklistItem.stream_id == stream_id).order_by(ChecklistItem.position, ChecklistItem.id)
        )
    )


def ensure_checklist(session: Session, stream_id: int, template: Sequence[str] | None = None) -> list[ChecklistItem]:
    """The stream's checklist, created from the template on first use; open improvement items from the
    last review on the same account are added (once each) at the end."""
    stream = _stream(session, stream_id)
    items = checklist(session, stream_id)
    position = max((i.position for i in items), default=-1) + 1
    if not items:
        for text in template if template is not None else DEFAULT_CHECKLIST:
            session.add(ChecklistItem(stream_id=stream_id, position=position, text=text))
            position += 1
    texts = {i.text for i in items}
    for improvement in open_improvements(session, stream):
        text = IMPROVEMENT_PREFIX + improvement.text + (f"（{improvement.owner}）" if improvement.owner else "")
        if text not in texts:
            session.add(ChecklistItem(stream_id=stream_id, position=position, text=text))
            texts.add(text)
            position += 1
    session.flush()
    return checklist(session, stream_id)


def tick(session: Session, item_id: int, who: str, now: dt.datetime) -> ChecklistItem:
    item = session.get(ChecklistItem, item_id)
    if item is None:
        raise LiveError(translate("Messages", "This checklist item no longer exists."))
    item.ticked_by = (who or "").strip()[:100] or "?"
    item.ticked_at = now
    session.flush()
    return item


def untick(session: Session, item_id: int) -> ChecklistItem:
    item = session.get(ChecklistItem, item_id)
    if item is None:
        raise LiveError(translate("Messages", "This checklist item no longer exists."))
    item.ticked_by = ""
    item.ticked_at = None
    session.flush()
    return item


def unticked(session: Session, stream_id: int) -> list[ChecklistItem]:
    return [i for i in checklist(session, stream_id) if i.ticked_at is None]


# --- run of show ----------------------------------------------------------------------------------


def get_live_session(session: Session, stream_id: int) -> LiveSession | None:
    return session.scalar(select(LiveSession).where(LiveSession.stream_id == stream_id))


def _running(session: Session, stream_id: int) -> LiveSession:
    live = get_live_session(session, stream_id)
    if live is None:
        raise LiveError(translate("Messages", "The stream is not live yet. Press Go live first."))
    if live.ended_at is not None:
        raise LiveError(translate("Messages", "The stream has already ended."))
    return live


def _timings(session: Session, stream_id: int) -> list[SegmentTiming]:
    return list(
        session.scalars(
            select(SegmentTiming).where(SegmentTiming.stream_id == stream_id).order_by(SegmentTiming.started_at, SegmentTiming.id)
        )
    )


def _open_timing(session: Session, stream_id: int) -> SegmentTiming | None:
    return session.scalar(
        select(SegmentTiming)
        .where(SegmentTiming.stream_id == stream_id, SegmentTiming.ended_at.is_(None))
        .order_by(SegmentTiming.started_at.desc(), SegmentTiming.id.desc())
        .limit(1)
    )


def _current_index(live: LiveSession, segment_ids: list[int]) -> int | None:
    if live.current_segment_id in segment_ids:
        return segment_ids.index(live.current_segment_id)
    return None


def _fold_hold(session: Session, live: LiveSession, now: dt.datetime) -> None:
    """A hold in progress ends: its length is added to the running segment's time."""
    if live.held_since is None:
        return
    timing = _open_timing(session, live.stream_id)
    if timing is not None:
        timing.extra_seconds += max(0, round((now - live.held_since).total_seconds()))
    live.held_since = None


def go_live(session: Session, stream_id: int, now: dt.datetime) -> LiveSession:
    """Start the stream clock, set the stream's status to live and start the first segment."""
    stream = _stream(session, stream_id)
    if get_live_session(session, stream_id) is not None:
        raise LiveError(translate("Messages", "This stream has already gone live."))
    segments = list_segments(session, stream_id)
    live = LiveSession(stream_id=stream_id, started_at=now)
    session.add(live)
    stream.status = StreamStatus.LIVE.value
    if segments:
        first = segments[0]
        live.current_segment_id = first.id
        session.add(SegmentTiming(stream_id=stream_id, segment_id=first.id, segment_title=first.title, started_at=now))
    session.flush()
    return live


def _start(session: Session, live: LiveSession, segment, now: dt.datetime) -> None:
    session.add(SegmentTiming(stream_id=live.stream_id, segment_id=segment.id, segment_title=segment.title, started_at=now))
    live.current_segment_id = segment.id


def _close_running(session: Session, live: LiveSession, now: dt.datetime) -> None:
    _fold_hold(session, live, now)
    timing = _open_timing(session, live.stream_id)
    if timing is not None:
        timing.ended_at = now


def next_segment(session: Session, stream_id: int, now: dt.datetime, step: int = 1) -> int:
    """Move on `step` segments (2 = skip the next one, recorded as a zero-length run). Returns the new index."""
    live = _running(session, stream_id)
    segments = list_segments(session, stream_id)
    ids = [s.id for s in segments]
    index = _current_index(live, ids)
    target = (index if index is not None else -1) + step
    if target >= len(segments):
        raise LiveError(translate("Messages", "This is the last segment. Press End stream when the show is over."))
    _close_running(session, live, now)
    for skipped in segments[(index if index is not None else -1) + 1 : target]:
        session.add(SegmentTiming(stream_id=stream_id, segment_id=skipped.id, segment_title=skipped.title,
                                  started_at=now, ended_at=now))
    _start(session, live, segments[target], now)
    session.flush()
    return target


def skip_segment(session: Session, stream_id: int, now: dt.datetime) -> int:
    return next_segment(session, stream_id, now, step=2)


def previous_segment(session: Session, stream_id: int, now: dt.datetime) -> int:
    """Undo a switch: the running segment ends and the previous one's clock carries on."""
    live = _running(session, stream_id)
    segments = list_segments(session, stream_id)
    ids = [s.id for s in segments]
    index = _current_index(live, ids)
    if not index:
        raise LiveError(translate("Messages", "This is the first segment."))
    _close_running(session, live, now)
    target = segments[index - 1]
    timing = session.scalar(
        select(SegmentTiming)
        .where(SegmentTiming.stream_id == stream_id, SegmentTiming.segment_id == target.id)
        .order_by(SegmentTiming.started_at.desc(), SegmentTiming.id.desc())
        .limit(1)
    )
    if timing is None:
        _start(session, live, target, now)
    else:
        timing.ended_at = None
        live.current_segment_id = target.id
    session.flush()
    return index - 1


def hold(session: Session, stream_id: int, now: dt.datetime) -> None:
    """Stop the countdown of the running segment until `resume` (the show itself goes on)."""
    live = _running(session, stream_id)
    if live.held_since is None:
        live.held_since = now
        session.flush()


def resume(session: Session, stream_id: int, now: dt.datetime) -> None:
    live = _running(session, stream_id)
    _fold_hold(session, live, now)
    session.flush()


def toggle_hold(session: Session, stream_id: int, now: dt.datetime) -> bool:
    """Hold or resume; returns True when now held."""
    live = _running(session, stream_id)
    if live.held_since is None:
        hold(session, stream_id, now)
        return True
    resume(session, stream_id, now)
    return False


def add_time(session: Session, stream_id: int, seconds: int, now: dt.datetime) -> int:
    """Add (or with a negative number, remove) time to the running segment; returns its total extra."""
    _running(session, stream_id)
    timing = _open_timing(session, stream_id)
    if timing is None:
        raise LiveError(translate("Messages", "No segment is running."))
    timing.extra_seconds += int(seconds)
    session.flush()
    return timing.extra_seconds


def end_stream(session: Session, stream_id: int, now: dt.datetime) -> LiveSession:
    live = _running(session, stream_id)
    _close_running(session, live, now)
    live.ended_at = now
    session.flush()
    return live


# --- console state (rebuilt from the database) ----------------------------------------------------


@dataclass(frozen=True)
class SegmentInfo:
    id: int
    title: str
    kind: str
    host_lines: str
    cues: str
    product_id: int | None
    start: int  # planned, seconds from the stream's start
    duration: int


@dataclass(frozen=True)
class ConsoleState:
    """Everything the console shows, as plain data; `status(now)` is cheap enough for every tick."""

    stream_id: int
    stream_title: str
    stream_start_at: dt.datetime
    planned_minutes: int
    segments: tuple[SegmentInfo, ...] = ()
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    held_since: dt.datetime | None = None
    current_index: int | None = None
    actual_starts: tuple[dt.datetime, ...] = ()
    extra: dict[int, float] = field(default_factory=dict)
    warn_before: float = 180.0

    @property
    def live(self) -> bool:
        return self.started_at is not None and self.ended_at is None

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    @property
    def held(self) -> bool:
        return self.held_since is not None

    @property
    def current(self) -> SegmentInfo | None:
        return self.segments[self.current_index] if self.current_index is not None else None

    @property
    def next(self) -> SegmentInfo | None:
        if self.current_index is None or self.current_index + 1 >= len(self.segments):
            return None
        return self.segments[self.current_index + 1]

    def status(self, now: dt.datetime) -> timeline.LiveStatus | None:
        if self.started_at is None or not self.segments:
            return None
        base = self.started_at.timestamp()
        return timeline.live_status(
            [(s.start, s.duration) for s in self.segments],
            base,
            [a.timestamp() for a in self.actual_starts],
            now.timestamp(),
            extra=self.extra,
            hold_since=self.held_since.timestamp() if self.held_since and self.live else None,
            ended_at=self.ended_at.timestamp() if self.ended_at else None,
            warn_before=self.warn_before,
        )

    def at(self, offset: float) -> dt.datetime:
        """Wall time of an offset (seconds) from going live."""
        assert self.started_at is not None
        return timeline.offset_to_datetime(self.started_at, offset)

    def segment_elapsed(self, now: dt.datetime) -> float:
        """Wall time spent in the running segment, holds included."""
        if self.current_index is None or not self.actual_starts:
            return 0.0
        end = self.ended_at or now
        return max(0.0, (end - self.actual_starts[-1]).total_seconds())


def console_state(session: Session, stream_id: int, now: dt.datetime, warn_before: float = 180.0) -> ConsoleState:
    """The console as the database has it; `now` is only used to settle nothing (reads are pure)."""
    stream = _stream(session, stream_id)
    segments = tuple(
        SegmentInfo(s.id, s.title, s.kind, s.host_lines, s.cues, s.product_id, s.start_seconds, s.duration_seconds)
        for s in list_segments(session, stream_id)
    )
    base = ConsoleState(stream.id, stream.title, stream.start_at, stream.planned_minutes, segments, warn_before=warn_before)
    live = get_live_session(session, stream_id)
    if live is None:
        return base
    ids = [s.id for s in segments]
    timings = _timings(session, stream_id)
    index = _current_index(live, ids)
    if index is None and timings:
        # the running segment was deleted from the script: continue from the last one that ran
        known = [t for t in timings if t.segment_id in ids]
        index = ids.index(known[-1].segment_id) if known else None
    latest: dict[int, SegmentTiming] = {}
    for t in timings:
        if t.segment_id is not None:
            latest[t.segment_id] = t
    starts: list[dt.datetime | None] = []
    extra: dict[int, float] = {}
    if index is not None:
        for i in range(index + 1):
            row = latest.get(ids[i])
            starts.append(row.started_at if row else None)
            if row and row.extra_seconds:
                extra[i] = float(row.extra_seconds)
        # fill segments that never ran (script edited mid-stream) and keep the starts in order
        for i in range(len(starts) - 1, -1, -1):
            if starts[i] is None:
                starts[i] = starts[i + 1] if i + 1 < len(starts) else live.started_at
        for i in range(1, len(starts)):
            starts[i] = max(starts[i], starts[i - 1])  # type: ignore[type-var]
    return ConsoleState(
        stream.id, stream.title, stream.start_at, stream.planned_minutes, segments,
        started_at=live.started_at, ended_at=live.ended_at, held_since=live.held_since,
        current_index=index, actual_starts=tuple(s for s in starts if s is not None), extra=extra,
        warn_before=warn_before,
    )


@dataclass(frozen=True)
class TimingRow:
    title: str
    planned_start: int
    planned_seconds: int
    actual_start: float | None  # seconds from going live
    actual_seconds: float | None
    skipped: bool

    @property
    def difference(self) -> float | None:
        return None if self.actual_seconds is None else self.actual_seconds - self.planned_seconds


def planned_vs_actual(session: Session, stream_id: int) -> list[TimingRow]:
    """Per segment: planned start and length against the actual (all runs of a segment added up)."""
    live = get_live_session(session, stream_id)
    timings = _timings(session, stream_id)
    rows = []
    for segment in list_segments(session, stream_id):
        runs = [t for t in timings if t.segment_id == segment.id]
        actual_start = actual = None
        if runs and live is not None:
            actual_start = (runs[0].started_at - live.started_at).total_seconds()
            ended = [t for t in runs if t.ended_at is not None]
            if ended:
                actual = sum((t.ended_at - t.started_at).total_seconds() for t in ended)  # type: ignore[operator]
        rows.append(TimingRow(segment.title, segment.start_seconds, segment.duration_seconds, actual_start, actual,
                              bool(runs) and actual == 0))
    return rows


# --- products on the shelf ------------------------------------------------------------------------


@dataclass(frozen=True)
class ShelfRow:
    product_id: int
    link_number: int | None
    name: str
    role: str
    live_price: Decimal | None
    safety_stock: int | None
    pool_stock: int | None
    link_up: bool
    link_changed_at: dt.datetime | None
    stock_remaining: int | None  # last entered during the stream
    stock_at: dt.datetime | None

    @property
    def welfare(self) -> bool:
        return self.role == ProductRole.WELFARE.value

    @property
    def below_safety(self) -> bool:
        return self.stock_remaining is not None and self.safety_stock is not None and self.stock_remaining < self.safety_stock

    @property
    def sold_out(self) -> bool:
        return self.stock_remaining is not None and self.stock_remaining <= 0

    @property
    def take_down_prompt(self) -> bool:
        """Welfare stock sold out while its link is still up: take the link down."""
        return self.welfare and self.sold_out and self.link_up


def _link_events(session: Session, stream_id: int) -> list[LinkEvent]:
    return list(
        session.scalars(select(LinkEvent).where(LinkEvent.stream_id == stream_id).order_by(LinkEvent.at, LinkEvent.id))
    )


def shelf(session: Session, stream_id: int) -> list[ShelfRow]:
    events = _link_events(session, stream_id)
    state: dict[int, tuple[bool, dt.datetime | None, int | None, dt.datetime | None]] = {}
    for e in events:
        if e.product_id is None:
            continue
        up, changed, stock, stock_at = state.get(e.product_id, (False, None, None, None))
        if e.action in ("up", "down"):
            up, changed = e.action == "up", e.at
        elif e.action == "stock":
            stock, stock_at = e.stock_remaining, e.at
        state[e.product_id] = (up, changed, stock, stock_at)
    rows = []
    for r in lineup_rows(session, stream_id):
        up, changed, stock, stock_at = state.get(r.product_id, (False, None, None, None))
        rows.append(ShelfRow(r.product_id, r.link_number, r.name, r.role, r.live_price, r.safety_stock, r.stock,
                             up, changed, stock, stock_at))
    return rows


def set_link(session: Session, stream_id: int, product_id: int, up: bool, now: dt.datetime) -> LinkEvent:
    _stream(session, stream_id)
    event = LinkEvent(stream_id=stream_id, product_id=product_id, at=now, action="up" if up else "down")
    session.add(event)
    session.flush()
    return event


def enter_stock(
    session: Session, stream_id: int, product_id: int, remaining: int, now: dt.datetime, prefs: Preferences | None = None
) -> list[Alert]:
    """Record the stock the controller read off the platform; returns new alerts (below safety, welfare sold out)."""
    _stream(session, stream_id)
    if remaining < 0:
        raise LiveError(translate("Messages", "Stock cannot be negative."))
    session.add(LinkEvent(stream_id=stream_id, product_id=product_id, at=now, action="stock", stock_remaining=int(remaining)))
    session.flush()
    return evaluate_alerts(session, stream_id, now, prefs)


# --- quick metrics and alerts ---------------------------------------------------------------------


def add_metric(
    session: Session,
    stream_id: int,
    now: dt.datetime,
    online: int | None = None,
    gmv: Decimal | None = None,
    orders: int | None = None,
    uv: int | None = None,
    click_rate: Decimal | None = None,
    prefs: Preferences | None = None,
) -> tuple[MetricSample, list[Alert]]:
    """One row of dashboard numbers (click rate as a fraction); returns it with the alerts it raised."""
    _stream(session, stream_id)
    if all(v is None for v in (online, gmv, orders, uv, click_rate)):
        raise LiveError(translate("Messages", "Enter at least one number."))
    for value in (online, gmv, orders, uv, click_rate):
        if value is not None and value < 0:
            raise LiveError(translate("Messages", "Numbers cannot be negative."))
    sample = MetricSample(stream_id=stream_id, at=now, online=online, gmv=gmv, orders=orders, uv=uv, click_rate=click_rate)
    session.add(sample)
    session.flush()
    return sample, evaluate_alerts(session, stream_id, now, prefs)


def metric_samples(session: Session, stream_id: int) -> list[MetricSample]:
    return list(
        session.scalars(select(MetricSample).where(MetricSample.stream_id == stream_id).order_by(MetricSample.at, MetricSample.id))
    )


def last_metric_at(session: Session, stream_id: int) -> dt.datetime | None:
    samples = metric_samples(session, stream_id)
    return samples[-1].at if samples else None


@dataclass(frozen=True)
class _Check:
    rule: str  # the Alert.rule written (with the product id for stock rules)
    at: dt.datetime
    firing: bool
    message: str


def _uv_checks(samples: Sequence[MetricSample], floor: float) -> list[_Check]:
    checks = []
    for s in samples:
        value = metrics.uv_value(s.gmv, s.uv)
        if value is None:
            continue
        message = translate("Messages", "UV value ¥{0} is below ¥{1}: tell the host to push harder.").format(
            f"{value:.2f}", f"{floor:.2f}")
        checks.append(_Check("uv_value", s.at, value < Decimal(str(floor)), message))
    return checks


def _drop_checks(samples: Sequence[MetricSample], share: float) -> list[_Check]:
    with_online = [s for s in samples if s.online is not None]
    checks = []
    for i, s in enumerate(with_online):
        window = [p.online for p in with_online[:i] if s.at - p.at <= ALERT_WINDOW and p.at <= s.at]
        if not window:
            continue
        peak = max(window)  # type: ignore[type-var]
        firing = bool(peak) and s.online <= peak * (1 - share)  # type: ignore[operator]
        message = translate("Messages", "Online viewers fell from {0} to {1} within 5 minutes: find the cause.").format(peak, s.online)
        checks.append(_Check("online_drop", s.at, firing, message))
    return checks


def _stock_checks(session: Session, stream_id: int) -> list[_Check]:
    rows = {r.product_id: r for r in lineup_rows(session, stream_id)}
    checks = []
    for e in _link_events(session, stream_id):
        if e.action != "stock" or e.product_id is None or e.stock_remaining is None:
            continue
        row = rows.get(e.product_id)
        name = row.name if row else str(e.product_id)
        safety = row.safety_stock if row else None
        if row is not None and row.role == ProductRole.WELFARE.value:
            checks.append(_Check(f"sold_out:{e.product_id}", e.at, e.stock_remaining <= 0,
                                 translate("Messages", "{0} is sold out: take the link down.").format(name)))
        welfare_gone = row is not None and row.role == ProductRole.WELFARE.value and e.stock_remaining <= 0
        if safety is not None:  # a sold-out welfare item has its own alert
            checks.append(_Check(
                f"stock_low:{e.product_id}", e.at, e.stock_remaining < safety and not welfare_gone,
                translate("Messages", "{0}: {1} left, below the safety stock of {2}.").format(name, e.stock_remaining, safety),
            ))
    return checks


def evaluate_alerts(session: Session, stream_id: int, now: dt.datetime, prefs: Preferences | None = None) -> list[Alert]:
    """Check the rules against everything logged; write and return alerts that are new.

    An alert is raised once when its condition starts to hold and again only after it has cleared
    (a later sample or stock entry back above the line), so repeated checks never duplicate it.
    """
    prefs = prefs or Preferences()
    samples = metric_samples(session, stream_id)
    checks = [
        *_uv_checks(samples, prefs.uv_value_floor),
        *_drop_checks(samples, prefs.online_drop_share),
        *_stock_checks(session, stream_id),
    ]
    existing = list(session.scalars(select(Alert).where(Alert.stream_id == stream_id)))
    by_rule: dict[str, list[_Check]] = {}
    for c in checks:
        by_rule.setdefault(c.rule, []).append(c)
    new: list[Alert] = []
    for rule, history in by_rule.items():
        history.sort(key=lambda c: c.at)
        latest = history[-1]
        if not latest.firing:
            continue
        cleared = [c.at for c in history if not c.firing]
        since = cleared[-1] if cleared else None
        if any(a.rule == rule and (since is None or a.at > since) for a in existing):
            continue
        alert = Alert(stream_id=stream_id, at=now, rule=rule, message=latest.message)
        session.add(alert)
        new.append(alert)
    session.flush()
    return new


def alerts(session: Session, stream_id: int) -> list[Alert]:
    return list(session.scalars(
        select(Alert).where(Alert.stream_id == stream_id, Alert.rule != HOST_MESSAGE_RULE).order_by(Alert.at, Alert.id)
    ))


# --- the controller's message to the host ---------------------------------------------------------
# Kept in the alerts table (rule "host_message", the text in `message`; an empty text clears it) so a host
# view on another computer, following the stream, shows it too. `alerts()` leaves these rows out.

HOST_MESSAGE_RULE = "host_message"


def set_host_message(session: Session, stream_id: int, message: str, now: dt.datetime) -> Alert:
    _stream(session, stream_id)
    row = Alert(stream_id=stream_id, at=now, rule=HOST_MESSAGE_RULE, message=message.strip()[:500])
    session.add(row)
    session.flush()
    return row


def host_message(session: Session, stream_id: int) -> str:
    """The controller's latest message to the host ("" when none or cleared)."""
    return session.scalar(
        select(Alert.message).where(Alert.stream_id == stream_id, Alert.rule == HOST_MESSAGE_RULE)
        .order_by(Alert.id.desc()).limit(1)
    ) or ""


# --- incidents and prepared lines -----------------------------------------------------------------


def log_incident(session: Session, stream_id: int, kind: str, now: dt.datetime, note: str = "", handled_by: str = "") -> Incident:
    _stream(session, stream_id)
    if kind not in INCIDENT_KINDS:
        raise LiveError(translate("Messages", "Unknown incident type {0}.").format(kind))
    incident = Incident(stream_id=stream_id, at=now, kind=kind, note=note.strip(), handled_by=handled_by.strip()[:100])
    session.add(incident)
    session.flush()
    return incident


def incidents(session: Session, stream_id: int) -> list[Incident]:
    return list(session.scalars(select(Incident).where(Incident.stream_id == stream_id).order_by(Incident.at, Incident.id)))


def ensure_response_lines(session: Session) -> None:
    """Seed the 应急话术 library with the defaults of every incident type that has never had lines (a type
    added in a later version gets its defaults too). A type the team emptied keeps an empty marker row."""
    seeded = set(session.scalars(select(ResponseLine.kind).distinct()))
    missing = [kind for kind in DEFAULT_RESPONSES if kind not in seeded]
    for kind in missing:
        session.add_all(ResponseLine(kind=kind, text=text) for text in DEFAULT_RESPONSES[kind])
    if missing:
        session.flush()


def response_lines(session: Session, kind: str) -> list[str]:
    ensure_response_lines(session)
    return [text for text in session.scalars(
        select(ResponseLine.text).where(ResponseLine.kind == kind).order_by(ResponseLine.id)) if text]


def set_response_lines(session: Session, kind: str, lines: Iterable[str]) -> list[str]:
    """Replace the prepared lines of one incident type (blank lines dropped)."""
    ensure_response_lines(session)
    for row in session.scalars(select(ResponseLine).where(ResponseLine.kind == kind)):
        session.delete(row)
    clean = [line.strip() for line in lines if line.strip()]
    # all lines deleted: an empty row remembers it, so the defaults are not seeded again
    session.add_all(ResponseLine(kind=kind, text=text) for text in (clean or [""]))
    session.flush()
    return clean


# --- streams to pick and the log ------------------------------------------------------------------


@dataclass(frozen=True)
class StreamPick:
    id: int
    title: str
    start_at: dt.datetime
    account: str
    status: str
    live: bool  # went live and not ended
    planned_minutes: int = 0
    ended: bool = False  # went live and ended

    @property
    def planned_end(self) -> dt.datetime:
        return self.start_at + dt.timedelta(minutes=self.planned_minutes)


def stream_picks(session: Session) -> list[StreamPick]:
    sessions = dict(session.execute(select(LiveSession.stream_id, LiveSession.ended_at)).all())
    return [
        StreamPick(s.id, s.title, s.start_at, s.account, s.status, s.id in sessions and sessions[s.id] is None,
                   s.planned_minutes or 0, sessions.get(s.id) is not None)
        for s in session.scalars(select(Stream).order_by(Stream.start_at, Stream.id))
    ]


def default_pick(picks: Sequence[StreamPick], now: dt.datetime) -> int | None:
    """The stream that is live, else the next one (the earliest that has not ended and whose slot is not over:
    a stream starting late today still counts), else the last one."""
    live = [p for p in picks if p.live]
    if live:
        return live[-1].id
    upcoming = [p for p in picks if not p.ended and p.planned_end >= now]
    if upcoming:
        return min(upcoming, key=lambda p: (p.start_at, p.id)).id
    return picks[-1].id if picks else None


@dataclass(frozen=True)
class LogEntry:
    at: dt.datetime
    kind: str  # segment, link, stock, metric, alert, incident, checklist, live
    text: str


def live_log(session: Session, stream_id: int) -> list[LogEntry]:
    """Everything logged for the stream, newest first."""
    entries: list[LogEntry] = []
    live = get_live_session(session, stream_id)
    if live is not None:
        entries.append(LogEntry(live.started_at, "live", translate("Messages", "Went live")))
        if live.ended_at:
            entries.append(LogEntry(live.ended_at, "live", translate("Messages", "Stream ended")))
    for t in _timings(session, stream_id):
        if t.ended_at is not None and t.ended_at == t.started_at:
            entries.append(LogEntry(t.started_at, "segment", translate("Messages", "Skipped: {0}").format(t.segment_title)))
            continue
        entries.append(LogEntry(t.started_at, "segment", translate("Messages", "Segment: {0}").format(t.segment_title)))
        if t.extra_seconds:
            entries.append(LogEntry(t.started_at, "segment", translate("Messages", "{0}: {1} s added").format(
                t.segment_title, f"{t.extra_seconds:+d}")))
    names = {r.product_id: r.name for r in lineup_rows(session, stream_id)}
    for e in _link_events(session, stream_id):
        name = names.get(e.product_id or -1, "?")
        if e.action == "up":
            text = translate("Messages", "Link up: {0}").format(name)
        elif e.action == "down":
            text = translate("Messages", "Link down: {0}").format(name)
        else:
            text = translate("Messages", "Stock {0}: {1} left").format(name, e.stock_remaining)
        entries.append(LogEntry(e.at, "stock" if e.action == "stock" else "link", text))
    for s in metric_samples(session, stream_id):
        parts = []
        if s.online is not None:
            parts.append(translate("Messages", "online {0}").format(s.online))
        if s.uv is not None:
            parts.append(translate("Messages", "UV {0}").format(s.uv))
        if s.gmv is not None:
            parts.append(translate("Messages", "GMV ¥{0}").format(f"{s.gmv:,.0f}"))
        if s.orders is not None:
            parts.append(translate("Messages", "orders {0}").format(s.orders))
        if s.click_rate is not None:
            parts.append(translate("Messages", "click rate {0}").format(f"{float(s.click_rate) * 100:.1f}%"))
        entries.append(LogEntry(s.at, "metric", " · ".join(parts)))
    for a in alerts(session, stream_id):
        entries.append(LogEntry(a.at, "alert", a.message))
    for i in incidents(session, stream_id):
        text = i.note + (f" — {i.handled_by}" if i.handled_by else "")
        entries.append(LogEntry(i.at, "incident:" + i.kind, text))
    for c in checklist(session, stream_id):
        if c.ticked_at is not None:
            entries.append(LogEntry(c.ticked_at, "checklist", translate("Messages", "Ticked by {0}: {1}").format(c.ticked_by, c.text)))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries
