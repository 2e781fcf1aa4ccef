"""The pre-live checklist: an editable template, one list per stream, improvement items from the last review."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.config import Paths
from livedesk.models import ChecklistItem, ImprovementItem, Review, Stream
from livedesk.services.live_common import LiveError
from livedesk.services.live_common import get_stream as _stream
from livedesk.services.messages import translate

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


def missing_items(session: Session, stream_id: int, template: Sequence[str] | None = None) -> list[str]:
    """What `ensure_checklist` would add: the template when the stream has no list yet, and open improvement
    items from the last review on the same account not on it yet."""
    stream = _stream(session, stream_id)
    items = checklist(session, stream_id)
    missing = [] if items else list(template if template is not None else DEFAULT_CHECKLIST)
    texts = {i.text for i in items} | set(missing)
    for improvement in open_improvements(session, stream):
        text = IMPROVEMENT_PREFIX + improvement.text + (f"（{improvement.owner}）" if improvement.owner else "")
        if text not in texts:
            missing.append(text)
            texts.add(text)
    return missing


def ensure_checklist(session: Session, stream_id: int, template: Sequence[str] | None = None) -> list[ChecklistItem]:
    """The stream's checklist, created from the template on first use; open improvement items from the
    last review on the same account are added (once each) at the end."""
    missing = missing_items(session, stream_id, template)
    position = max((i.position for i in checklist(session, stream_id)), default=-1) + 1
    for offset, text in enumerate(missing):
        session.add(ChecklistItem(stream_id=stream_id, position=position + offset, text=text))
    if missing:
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
