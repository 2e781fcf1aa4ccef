"""Incidents logged during the stream and the prepared lines (应急话术) a host can say meanwhile."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import Incident, ResponseLine
from livedesk.services.live_common import LiveError
from livedesk.services.live_common import get_stream as _stream
from livedesk.services.messages import translate

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
