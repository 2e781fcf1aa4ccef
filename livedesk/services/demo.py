"""Demo data: a believable month of a small team, around today, for trying the app and for screenshots.

Later parts of the app add their own demo content through the `DEMO_STEPS` list.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import Person, StreamStatus
from livedesk.services import demo_content, schedule
from livedesk.services.db import Database
from livedesk.services.messages import translate

SEED = 20261123
TEAM = [
    ("小薇", "host,operator"),
    ("阿杰", "controller,operator"),
    ("林林", "co_host,service"),
    ("老周", "paid_traffic"),
    ("小美", "service,co_host"),
]
ACCOUNTS = [("小薇的好物直播间", "douyin"), ("薇选生活馆", "kuaishou"), ("薇选官方旗舰店", "taobao")]
THEMES = [
    ("冬季焕新专场", "special", "新品发布"),
    ("护肤好物日常场", "daily", "日常"),
    ("会员专享夜", "special", "会员专场"),
    ("清仓福利场", "daily", "清仓"),
    ("品牌故事：山野", "special", "品牌故事"),
    ("双十二预热大促", "big_promotion", "大促"),
    ("家居好物日常场", "daily", "日常"),
    ("美妆直播日常场", "daily", "日常"),
]
WELFARE = "整点福袋 ×3；1元秒杀洗脸巾 200 份；满 199 减 20 券"
WARMUP = "抖音短视频预热 ×3（开播前 2 天起）；粉丝群通知（开播前 2 小时）；朋友圈海报"


class DatabaseNotEmpty(Exception):
    pass


def is_empty(session: Session) -> bool:
    return not schedule.has_streams(session)


def fill_demo(db: Database, force: bool = False, today: dt.date | None = None) -> str:
    """Write the demo month in one transaction; refuses a database that already holds streams."""
    today = today or dt.date.today()
    with db.session() as session:
        if not force and not is_empty(session):
            raise DatabaseNotEmpty(
                translate(
                    "Messages",
                    "This database already holds streams. Use --force to add demo data anyway, "
                    "or point --db at a new file.",
                )
            )
        rng = random.Random(SEED)
        counts = {}
        for name, step in DEMO_STEPS:
            counts[name] = step(session, rng, today)
    return ", ".join(f"{count} {name}" for name, count in counts.items())


def _demo_people(session: Session, rng: random.Random, today: dt.date) -> int:
    for name, roles in TEAM:
        if session.scalar(select(Person).where(Person.name == name)) is None:
            session.add(Person(name=name, usual_roles=roles))
    session.flush()
    return len(TEAM)


def _status_for(day: dt.date, today: dt.date) -> str:
    if day < today - dt.timedelta(days=1):
        return StreamStatus.REVIEWED.value
    if day < today:
        return StreamStatus.LIVE.value  # streamed yesterday, review not written yet
    if day == today:
        return StreamStatus.REHEARSED.value
    if day <= today + dt.timedelta(days=4):
        return StreamStatus.SCRIPTED.value
    return StreamStatus.PLANNED.value


def _demo_streams(session: Session, rng: random.Random, today: dt.date) -> int:
    start_day = today - dt.timedelta(days=21)
    created = 0
    for offset in range(0, 35):
        day = start_day + dt.timedelta(days=offset)
        # A small team streams four or five evenings a week on its main account.
        if day.weekday() in (0, 3) and (today - day).days not in (0, 1) and offset % 14:
            continue
        title, stream_type, theme = THEMES[(offset * 5) % len(THEMES)]
        account, platform = ACCOUNTS[0]
        if day.weekday() == 5:  # Saturdays on the Kuaishou account
            account, platform = ACCOUNTS[1]
        if day.weekday() == 0:
            account, platform = ACCOUNTS[2]
        minutes = {"daily": 120, "special": 180, "big_promotion": 360}[stream_type]
        hour, minute = (19, 30) if stream_type == "big_promotion" else rng.choice([(19, 30), (20, 0), (20, 0)])
        start = dt.datetime.combine(day, dt.time(hour, minute)).astimezone()
        gmv_target = Decimal({"daily": 30000, "special": 80000, "big_promotion": 200000}[stream_type])
        people = [("小薇", "host"), ("阿杰", "controller"), ("林林", "co_host"), ("小美", "service")]
        if stream_type != "daily":
            people.append(("老周", "paid_traffic"))
        data = schedule.StreamData(
            title=title, start_at=start, planned_minutes=minutes, platform=platform, account=account,
            theme=theme, stream_type=stream_type, status=_status_for(day, today), gmv_target=gmv_target,
            # Goals a team would set: UV value around ¥7, an average watch of about 4½ minutes.
            viewers_target=int(gmv_target / 7), peak_online_target=int(gmv_target / 7 * 270 / (minutes * 60) * 2 // 50 * 50),
            conversion_target=Decimal("0.03"), new_followers_target=int(gmv_target / 200),
            welfare_plan=WELFARE, warmup_plan=WARMUP, people=people,
        )
        schedule.create_stream(session, data)
        created += 1
    # A short sample session on a second account, booked over an evening stream: the
    # schedule flags 小薇 as double-booked, as it would for a real slip.
    clash_day = today + dt.timedelta(days=((3 - today.weekday()) % 7) + 1)
    schedule.create_stream(
        session,
        schedule.StreamData(
            title="新品试播（快手）", start_at=dt.datetime.combine(clash_day, dt.time(21, 0)).astimezone(),
            planned_minutes=60, platform="kuaishou", account=ACCOUNTS[1][0], theme="新品发布",
            people=[("小薇", "host"), ("林林", "controller")], gmv_target=Decimal(10000),
        ),
    )
    return created + 1


DemoStep = Callable[[Session, random.Random, dt.date], int]
DEMO_STEPS: list[tuple[str, DemoStep]] = [
    ("people", _demo_people),
    ("streams", _demo_streams),
    ("products", demo_content.demo_products),
    ("lineup items", demo_content.demo_lineups),
    ("scripts", demo_content.demo_scripts),
    ("reviews", demo_content.demo_live_and_reviews),
]
