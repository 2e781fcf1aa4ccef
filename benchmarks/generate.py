"""A two-year team database for the benchmarks, written with bulk inserts and cached by schema version.

`ensure_database("big")` returns the path of a SQLite file with (big size) ≥500 streams over two years,
5,000 products, 500 scripts of 30 segments, 500 reviews with 240 minutes of curve and product results,
and 100 reviews with 5,000 order lines each. The file is built once under benchmarks/.cache/ and reused
while the schema (alembic head + model sources) and GENERATOR_VERSION stay the same.

Every row goes in through `session.execute(insert(Model), rows)` in chunks, with ids assigned here so
foreign keys need no round trips.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, update

GENERATOR_VERSION = 1
ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache"
CHUNK = 5000
SEED = 20240601

LIVE_TITLE = "基准：直播中"  # the stream the live-console figure runs mid-stream
IMPORT_TITLE = "基准：导入目标"  # the stream the review-import figure imports into


@dataclass(frozen=True)
class Size:
    name: str
    days_back: int  # streams from this many days ago…
    days_ahead: int  # …to this many days ahead
    products: int
    reviews: int
    order_reviews: int
    orders_per_review: int
    segments: int
    curve_minutes: int
    lineup: int
    search_products: int  # the product-search figure's pool
    import_rows: int  # rows of the generated order export
    chart_seconds: int  # per-second samples of the chart figure


SIZES = {
    "big": Size("big", 760, 30, 5000, 500, 100, 5000, 30, 240, 10, 20000, 100_000, 43_200),
    "tiny": Size("tiny", 12, 5, 60, 4, 1, 200, 30, 240, 8, 500, 1000, 3600),
}

BRANDS = ["初见", "水润", "山野", "香氛", "杭匠", "南通", "营养", "薇选", "云朵", "小雏菊", "森屿", "暖阳",
          "Aurora", "Bloom", "Cedar", "Dawn", "Ember", "Fjord", "Grove", "Halo"]
ITEMS = {
    "护肤": ["洁面乳", "精华液", "面霜", "爽肤水", "眼霜", "面膜", "卸妆油", "防晒乳"],
    "美妆": ["口红", "粉底液", "气垫", "眼影盘", "香水", "腮红"],
    "服饰": ["大衣", "毛衣", "打底裤", "围巾", "睡衣套装", "羽绒服", "卫衣"],
    "食品": ["坚果礼盒", "蜂蜜", "代餐粉", "姜茶", "燕窝", "牛肉干"],
    "家居": ["四件套", "记忆棉枕", "珊瑚绒毯", "保鲜盒", "香薰蜡烛", "保温杯"],
    "个护": ["洗发水", "护手霜", "身体乳", "洗脸巾", "牙膏"],
    "配饰": ["帆布包", "发夹", "手链"],
}
SUPPLIERS = ["初见日化", "水润生物", "杭州衣匠", "香氛实验室", "营养工坊", "山野农场", "南通家纺", "义乌某供应链"]
ROLES = ["traffic", "profit", "profit", "profit", "image", "welfare"]
QUALIFICATIONS = ["ok", "ok", "ok", "ok", "pending", "missing"]
TEAM = [("小薇", "host,operator"), ("阿杰", "controller,operator"), ("林林", "co_host,service"),
        ("老周", "paid_traffic"), ("小美", "service,co_host")]
ACCOUNTS = [("小薇的好物直播间", "douyin"), ("薇选生活馆", "kuaishou"), ("薇选官方旗舰店", "taobao")]
SEGMENT_KINDS = ["opening", "gather", "retain", "pitch", "proof", "interaction", "welfare", "closing_push",
                 "pitch", "pitch", "encore", "wrap_up"]
ORDER_STATUS = ["已完成", "已完成", "已完成", "已发货", "待发货", "已关闭"]
AFTER_SALE = ["", "", "", "", "", "退款成功", "售后中"]
TRAFFIC = ["自然推荐", "千川", "关注", "短视频引流", "搜索", "其他"]


def _schema_key() -> str:
    """Changes whenever the migrations or the models change, so a stale cache is never reused."""
    from alembic.script import ScriptDirectory

    from livedesk.services.db import _alembic_config

    digest = hashlib.sha256()
    digest.update(str(GENERATOR_VERSION).encode())
    digest.update(str(ScriptDirectory.from_config(_alembic_config()).get_current_head()).encode())
    models = Path(__file__).resolve().parent.parent / "livedesk" / "models"
    for path in sorted(models.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cache_path(size: str, kind: str = "team") -> Path:
    return CACHE / f"{kind}-{size}-{_schema_key()}.sqlite3"


def ensure_database(size: str, path: str | os.PathLike[str] | None = None, log=print) -> Path:
    """The team database of this size: `path` if it exists, else the cached file (built when missing)."""
    if path is not None and Path(path).exists():
        return Path(path)
    target = Path(path) if path is not None else cache_path(size)
    if target.exists():
        return target
    log(f"generating the {size} team database at {target} (once; cached afterwards)…")
    _build(target, lambda db: fill_team(db, SIZES[size], log))
    return target


def ensure_products_database(size: str, log=print) -> Path:
    """A pool of SIZES[size].search_products products, for the product-search figure."""
    target = cache_path(size, "products")
    if not target.exists():
        count = SIZES[size].search_products
        log(f"generating a pool of {count} products at {target}…")
        _build(target, lambda db: _insert_products(db, count, random.Random(SEED)))
    return target


def _build(target: Path, fill) -> None:
    from livedesk.config import sqlite_url
    from livedesk.services.db import open_database

    target.parent.mkdir(parents=True, exist_ok=True)
    _ensure_gitignored()
    tmp = target.with_name(f"{target.stem}.tmp{os.getpid()}{target.suffix}")
    for stale in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    db = open_database(sqlite_url(tmp))
    try:
        fill(db)
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.exec_driver_sql("ANALYZE")
    finally:
        db.close()
    os.replace(tmp, target)
    for companion in (Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        companion.unlink(missing_ok=True)


def _ensure_gitignored() -> None:
    (CACHE / ".gitignore").write_text("*\n", encoding="utf-8")


def _chunks(rows: Iterable[dict], size: int = CHUNK) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def bulk(session, model, rows: Iterable[dict]) -> int:
    count = 0
    for batch in _chunks(rows):
        session.execute(insert(model), batch)
        count += len(batch)
    return count


def _money(value: float) -> float:
    return round(value, 2)


# ---------------------------------------------------------------- products


def product_rows(count: int, rng: random.Random, now: dt.datetime) -> Iterator[dict]:
    categories = list(ITEMS)
    for i in range(1, count + 1):
        category = categories[i % len(categories)]
        item = ITEMS[category][(i // len(categories)) % len(ITEMS[category])]
        brand = BRANDS[rng.randrange(len(BRANDS))]
        code = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(4))
        live = rng.choice([9.9, 19.9, 29.9, 59, 89, 129, 199, 299, 459, 599])
        stock = rng.randrange(0, 3000)
        yield {
            "id": i, "sku": f"BM-{i:05d}", "name": f"{brand}{item} {code}-{i}", "category": category,
            "role": ROLES[i % len(ROLES)], "list_price": _money(live * rng.uniform(1.3, 2.5)), "live_price": live,
            "cost": _money(live * rng.uniform(0.25, 0.6)), "commission_rate": rng.choice([0, 0.05, 0.1, 0.15, 0.2]),
            "stock": stock, "safety_stock": rng.choice([50, 100, 200]), "supplier": SUPPLIERS[i % len(SUPPLIERS)],
            "qualification": QUALIFICATIONS[i % len(QUALIFICATIONS)], "platform_product_id": f"35{i:016d}",
            "photo_path": "", "notes": "", "created_at": now, "updated_at": now, "version": 1,
        }


def _insert_products(db, count: int, rng: random.Random) -> None:
    from livedesk.models import Product

    now = dt.datetime.now(dt.timezone.utc)
    with db.session() as s:
        bulk(s, Product, product_rows(count, rng, now))


# ---------------------------------------------------------------- the team database


def _curve(minutes: int, scale: float, rng: random.Random) -> list[int]:
    peaks = [rng.randrange(10, minutes - 10) for _ in range(3)]
    out = []
    for m in range(minutes):
        ramp = 1 - math.exp(-m / 12)
        fade = 1 - 0.45 * max(0.0, (m - minutes * 0.7) / (minutes * 0.3))
        bumps = sum(0.55 * math.exp(-((m - p) ** 2) / 30) for p in peaks)
        out.append(max(5, int(scale * (0.55 * ramp * fade + bumps * ramp + rng.gauss(0, 0.03)))))
    return out


def fill_team(db, size: Size, log=print) -> dict[str, int]:
    from livedesk.models import (
        Alert,
        ChecklistItem,
        CurvePoint,
        ImprovementItem,
        Incident,
        LineupItem,
        LinkEvent,
        LiveSession,
        MetricSample,
        Moment,
        OrderLine,
        Person,
        Product,
        ProductFAQ,
        ProductResult,
        Review,
        Script,
        Segment,
        SegmentTiming,
        SellingPoint,
        Stream,
        StreamPerson,
        TrafficSource,
    )

    rng = random.Random(SEED)
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    today = now.astimezone().date()
    local = now.astimezone().tzinfo
    counts: dict[str, int] = {}
    with db.session() as s:
        counts["people"] = bulk(s, Person, (
            {"id": i, "name": name, "usual_roles": roles, "active": True, "notes": ""}
            for i, (name, roles) in enumerate(TEAM, start=1)
        ))
        counts["products"] = bulk(s, Product, product_rows(size.products, rng, now))
        counts["selling points"] = bulk(s, SellingPoint, (
            {"product_id": p, "position": k, "point": f"卖点 {k + 1}", "demo": "镜头特写演示"}
            for p in range(1, size.products + 1) for k in range(3)
        ))
        counts["faqs"] = bulk(s, ProductFAQ, (
            {"product_id": p, "position": k, "question": q, "answer": a}
            for p in range(1, size.products + 1)
            for k, (q, a) in enumerate([("什么时候发货？", "48 小时内发货。"), ("可以七天无理由吗？", "支持。")])
        ))

        # streams: five evenings a week over two years, plus the live and import targets
        streams: list[dict] = []
        day = today - dt.timedelta(days=size.days_back)
        while day <= today + dt.timedelta(days=size.days_ahead):
            if day.weekday() not in (0, 3) and day != today:
                account, platform = ACCOUNTS[0] if day.weekday() != 5 else ACCOUNTS[1]
                kind = "big_promotion" if day.day == 11 else "special" if day.weekday() == 4 else "daily"
                start = dt.datetime.combine(day, dt.time(20, 0), tzinfo=local).astimezone(dt.timezone.utc)
                streams.append({
                    "id": len(streams) + 1, "title": f"{day:%m月%d日} {'大促' if kind == 'big_promotion' else '日常'}场",
                    "start_at": start, "planned_minutes": size.curve_minutes, "platform": platform,
                    "account": account, "theme": "", "stream_type": kind, "status": "planned",
                    "gmv_target": 30000.0, "viewers_target": 10000, "peak_online_target": 500,
                    "conversion_target": 0.03, "new_followers_target": 300, "welfare_plan": "整点福袋",
                    "warmup_plan": "短视频预热", "notes": "", "created_at": now, "updated_at": now, "version": 1,
                })
            day += dt.timedelta(days=1)
        past = [r for r in streams if r["start_at"] + dt.timedelta(minutes=r["planned_minutes"]) < now]
        reviewed = past[-size.reviews:] if len(past) >= size.reviews else past
        reviewed_ids = {r["id"] for r in reviewed}
        for r in streams:
            if r["id"] in reviewed_ids:
                r["status"] = "reviewed"
            elif r in past:
                r["status"] = "live"
            elif r["start_at"] < now + dt.timedelta(days=5):
                r["status"] = "scripted"
        live_id, import_id = len(streams) + 1, len(streams) + 2
        for sid, title, start in ((live_id, LIVE_TITLE, now - dt.timedelta(minutes=30)),
                                  (import_id, IMPORT_TITLE, now - dt.timedelta(days=1, hours=4))):
            streams.append({**streams[0], "id": sid, "title": title, "start_at": start,
                            "status": "live"})
        counts["streams"] = bulk(s, Stream, streams)
        counts["stream people"] = bulk(s, StreamPerson, (
            {"stream_id": r["id"], "person_id": pid, "role": role}
            for r in streams for pid, role in ((1, "host"), (2, "controller"), (3, "co_host"), (5, "service"))
        ))

        # lineups
        lineups: dict[int, list[int]] = {}
        rows = []
        for r in streams:
            picked = rng.sample(range(1, size.products + 1), size.lineup)
            lineups[r["id"]] = picked
            rows += [{"stream_id": r["id"], "product_id": p, "position": k, "link_number": k + 1,
                      "live_price": 99.0, "welfare_quantity": None, "planned_units": 100}
                     for k, p in enumerate(picked)]
        counts["lineup items"] = bulk(s, LineupItem, rows)

        # scripts of 30 segments for the reviewed streams and the live one
        scripted = [r for r in streams if r["id"] in reviewed_ids or r["id"] == live_id]
        seg_len = size.curve_minutes * 60 // size.segments
        segments: dict[int, list[dict]] = {}
        seg_id = 0
        seg_rows = []
        for script_id, r in enumerate(scripted, start=1):
            segs = []
            for k in range(size.segments):
                seg_id += 1
                kind = SEGMENT_KINDS[k % len(SEGMENT_KINDS)]
                product = lineups[r["id"]][k % size.lineup] if kind in ("pitch", "proof", "welfare") else None
                segs.append({"id": seg_id, "script_id": script_id, "position": k, "kind": kind,
                             "title": f"第 {k + 1} 段", "start_seconds": k * seg_len, "duration_seconds": seg_len,
                             "product_id": product, "host_lines": "家人们看过来，今天这款真的很值！" * 3,
                             "cues": "助播举牌", "props": "", "bgm": "", "notes": ""})
            segments[r["id"]] = segs
            seg_rows += segs
        counts["scripts"] = bulk(s, Script, (
            {"id": i, "stream_id": r["id"], "approved": True, "updated_at": now, "version": 1}
            for i, r in enumerate(scripted, start=1)
        ))
        counts["segments"] = bulk(s, Segment, seg_rows)

        # live logs and reviews
        by_id = {r["id"]: r for r in streams}
        counts["live sessions"] = bulk(s, LiveSession, (
            {"stream_id": r["id"], "started_at": r["start_at"],
             "ended_at": None if r["id"] == live_id else r["start_at"] + dt.timedelta(minutes=r["planned_minutes"]),
             "current_segment_id": segments[live_id][3]["id"] if r["id"] == live_id else None, "held_since": None}
            for r in streams if r["status"] in ("live", "reviewed")
        ))
        counts["segment timings"] = bulk(s, SegmentTiming, (
            {"stream_id": sid, "segment_id": seg["id"], "segment_title": seg["title"],
             "started_at": by_id[sid]["start_at"] + dt.timedelta(seconds=seg["start_seconds"]),
             "ended_at": None if sid == live_id and seg["position"] >= 3
             else by_id[sid]["start_at"] + dt.timedelta(seconds=seg["start_seconds"] + seg["duration_seconds"]),
             "extra_seconds": 0}
            for sid, segs in segments.items() for seg in segs if sid != live_id or seg["position"] <= 3
        ))
        counts["link events"] = bulk(s, LinkEvent, (
            {"stream_id": sid, "product_id": seg["product_id"], "action": action, "stock_remaining": None,
             "at": by_id[sid]["start_at"] + dt.timedelta(seconds=seg["start_seconds"] + (0 if action == "up" else seg_len))}
            for sid, segs in segments.items() if sid != live_id for seg in segs if seg["product_id"]
            for action in ("up", "down")
        ))
        counts["metric samples"] = bulk(s, MetricSample, (
            {"stream_id": sid, "at": by_id[sid]["start_at"] + dt.timedelta(minutes=m), "online": 300 + m,
             "gmv": 100.0 * m, "orders": m, "uv": 40 * m, "click_rate": 0.08}
            for sid in [*reviewed_ids, live_id] for m in range(5, size.curve_minutes if sid != live_id else 30, 5)
        ))
        counts["incidents"] = bulk(s, Incident, (
            {"stream_id": sid, "at": by_id[sid]["start_at"] + dt.timedelta(minutes=40 + 60 * k), "kind": kind,
             "note": "主网络断开 40 秒，切到 5G 备用网络", "handled_by": "阿杰"}
            for sid in reviewed_ids for k, kind in enumerate(("network_drop", "negative_comments"))
        ))
        counts["alerts"] = bulk(s, Alert, (
            {"stream_id": sid, "at": by_id[sid]["start_at"] + dt.timedelta(minutes=90), "rule": "online_drop",
             "message": "在线人数 5 分钟内下降超过 50%"}
            for sid in reviewed_ids
        ))
        counts["checklist items"] = bulk(s, ChecklistItem, (
            {"stream_id": r["id"], "position": k, "text": f"检查项 {k + 1}", "ticked_by": "阿杰",
             "ticked_at": r["start_at"] - dt.timedelta(hours=2)}
            for r in streams if r["status"] in ("live", "reviewed", "scripted") for k in range(8)
        ))

        review_rows, curve_rows, result_rows, traffic_rows, moment_rows, improvement_rows = [], [], [], [], [], []
        for review_id, r in enumerate(reviewed, start=1):
            scale = rng.uniform(300, 3000)
            online = _curve(size.curve_minutes, scale, rng)
            gmv_total = 0.0
            orders_total = 0
            entries_total = 0
            for m, value in enumerate(online):
                gmv = _money(value * rng.uniform(2, 8))
                orders = int(gmv / rng.uniform(150, 300))
                entries = int(value * rng.uniform(0.25, 0.4))
                gmv_total += gmv
                orders_total += orders
                entries_total += entries
                curve_rows.append({
                    "review_id": review_id, "second": m * 60, "online": value, "entries": entries,
                    "leaves": max(0, entries - (value - (online[m - 1] if m else 0))), "gmv": gmv, "orders": orders,
                    "comments": int(value * 0.05), "new_followers": int(value * 0.006), "fan_club_joins": int(value * 0.002),
                })
            uv = int(entries_total * 0.8)
            review_rows.append({
                "id": review_id, "stream_id": r["id"], "started_at": r["start_at"], "duration_minutes": size.curve_minutes,
                "gmv": _money(gmv_total), "orders": orders_total, "buyers": int(orders_total * 0.9), "uv": uv,
                "pv": entries_total, "natural_uv": int(uv * 0.7), "paid_uv": uv - int(uv * 0.7),
                "peak_online": max(online), "avg_online": _money(sum(online) / len(online)), "avg_watch_seconds": 200,
                "new_followers": int(sum(online) * 0.006), "comments": int(uv * 0.3), "likes": uv * 2,
                "shares": int(uv * 0.03), "refund_buyers": int(orders_total * 0.04), "ad_spend": _money(gmv_total / 4),
                "highlights": "福利款开场拉动在线人数", "problems": "中段讲解偏长", "root_cause": "彩排未计时",
                "updated_at": now,
            })
            for pid in lineups[r["id"]]:
                exposure = int(uv * rng.uniform(0.3, 0.7))
                click = int(exposure * rng.uniform(0.02, 0.18))
                units = int(click * rng.uniform(0.05, 0.3))
                result_rows.append({
                    "review_id": review_id, "product_id": pid, "platform_product_id": f"35{pid:016d}",
                    "name": f"商品 {pid}", "exposure_users": exposure, "click_users": click, "buyers": units,
                    "orders": units, "units": units, "gmv": _money(units * 99.0), "refund_buyers": int(units * 0.03),
                })
            traffic_rows += [
                {"review_id": review_id, "channel": "整体", "views": entries_total, "spend": _money(gmv_total / 4),
                 "avg_watch_seconds": 200, "gmv": _money(gmv_total)},
                {"review_id": review_id, "channel": "自然推荐", "views": int(entries_total * 0.65), "spend": None,
                 "avg_watch_seconds": None, "gmv": None},
                {"review_id": review_id, "channel": "千川", "views": entries_total - int(entries_total * 0.65),
                 "spend": _money(gmv_total / 4), "avg_watch_seconds": None, "gmv": None},
            ]
            peak = max(range(len(online)), key=online.__getitem__)
            valley = min(range(30, len(online)), key=online.__getitem__)
            moment_rows += [
                {"review_id": review_id, "kind": "peak", "minute": peak, "online": online[peak], "note": "福袋"},
                {"review_id": review_id, "kind": "valley", "minute": valley, "online": online[valley], "note": ""},
            ]
            improvement_rows += [
                {"stream_id": r["id"], "text": text, "owner": "小薇", "due_date": r["start_at"].date() + dt.timedelta(days=3),
                 "done": done, "done_at": None}
                for text, done in (("利润款讲解控制在 10 分钟内", True), ("每 20 分钟一次福袋", False))
            ]
        counts["reviews"] = bulk(s, Review, review_rows)
        counts["curve points"] = bulk(s, CurvePoint, curve_rows)
        counts["product results"] = bulk(s, ProductResult, result_rows)
        counts["traffic sources"] = bulk(s, TrafficSource, traffic_rows)
        counts["moments"] = bulk(s, Moment, moment_rows)
        counts["improvement items"] = bulk(s, ImprovementItem, improvement_rows)
        log("  " + ", ".join(f"{v} {k}" for k, v in counts.items()))

        with_orders = [(rid, r) for rid, r in enumerate(reviewed, start=1)][-size.order_reviews:]
        counts["order lines"] = bulk(s, OrderLine, _order_rows(with_orders, size.orders_per_review, rng))
        log(f"  {counts['order lines']} order lines")
    return counts


def _order_rows(reviews: list[tuple[int, dict]], per_review: int, rng: random.Random) -> Iterator[dict]:
    for review_id, r in reviews:
        for k in range(per_review):
            yield {
                "review_id": review_id, "order_id": f"69{review_id:06d}{k:08d}", "sub_order_id": f"69{review_id:06d}{k:08d}1",
                "product_name": f"商品 {k % 50}", "spec": "默认", "merchant_code": f"BM-{k % 50:05d}",
                "quantity": 1 + k % 3, "amount": _money(rng.uniform(9.9, 599)),
                "submitted_at": r["start_at"] + dt.timedelta(seconds=k % (4 * 3600)),
                "status": ORDER_STATUS[k % len(ORDER_STATUS)], "after_sale_status": AFTER_SALE[k % len(AFTER_SALE)],
                "traffic_source": TRAFFIC[k % len(TRAFFIC)],
            }


def refresh_live_stream(db) -> int | None:
    """Move the live-benchmark stream so it started 30 minutes ago (the cached file is older than now)."""
    from sqlalchemy import select

    from livedesk.models import LiveSession, SegmentTiming, Stream

    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    with db.session() as s:
        stream = s.execute(select(Stream.id, Stream.start_at).where(Stream.title == LIVE_TITLE)).first()
        if stream is None:
            return None
        shift = (now - dt.timedelta(minutes=30)) - stream.start_at
        s.execute(update(Stream).where(Stream.id == stream.id).values(start_at=stream.start_at + shift))
        session_row = s.scalar(select(LiveSession).where(LiveSession.stream_id == stream.id))
        if session_row is not None:
            session_row.started_at = session_row.started_at + shift
            session_row.ended_at = None
        for timing in s.scalars(select(SegmentTiming).where(SegmentTiming.stream_id == stream.id)):
            timing.started_at += shift
            if timing.ended_at is not None:
                timing.ended_at += shift
        return stream.id


def stream_id_by_title(db, title: str) -> int | None:
    from sqlalchemy import select

    from livedesk.models import Stream

    with db.session() as s:
        return s.scalar(select(Stream.id).where(Stream.title == title))


# ---------------------------------------------------------------- files for the import figures

# Bumped when the import files change (their columns or values), so stale cached files are not reused.
IMPORT_FILES_VERSION = 2
# The import figures' stream starts at a fixed moment (20:00 Beijing time), so the 100,000-row files are
# written once and reused; the in-process figure moves its stream there first.
IMPORT_START = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.timezone.utc)
IMPORT_MINUTES = 240
SHANGHAI = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")  # no DST: a fixed offset is exact

ORDER_HEADERS = ["主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商家编码", "订单应付金额",
                 "订单提交时间", "订单状态", "售后状态", "取消原因", "流量体裁", "流量来源"]
TREND_HEADERS = ["时间", "在线人数", "进入人数", "离开人数", "成交金额", "成交订单数", "评论次数", "新增粉丝数"]
# 流量体裁 as 抖店 exports it: most orders of a live session come from the live room
CONTENT = ["直播"] * 8 + ["商品卡", "短视频"]
CANCEL = ["超时未支付", "买家取消订单", "拍错/多拍"]


def order_export_rows(rows: int, start: dt.datetime, seed: int = SEED) -> Iterator[list[object]]:
    """Rows of a 抖店 order export in Beijing time over four hours from `start`, by the platform's rules:
    a 已关闭 order without 退款成功 was never paid and has a 取消原因; a few orders are not from the live room."""
    rng = random.Random(seed)
    local = start.astimezone(SHANGHAI).replace(tzinfo=None)
    for k in range(rows):
        at = local + dt.timedelta(seconds=k * 4 * 3600 // rows)
        status, after_sale = ORDER_STATUS[k % len(ORDER_STATUS)], AFTER_SALE[k % len(AFTER_SALE)]
        cancel = CANCEL[k % len(CANCEL)] if status == "已关闭" and after_sale != "退款成功" else ""
        yield [f"6918{k:012d}", f"6918{k:012d}1", f"商品 {k % 60}", "默认", 1 + k % 3, f"BM-{k % 60:05d}",
               round(rng.uniform(9.9, 599), 2), at.strftime("%Y-%m-%d %H:%M:%S"), status, after_sale, cancel,
               CONTENT[k % len(CONTENT)], TRAFFIC[k % len(TRAFFIC)]]


def ensure_order_exports(size: str, log=print) -> tuple[Path, Path]:
    """The 抖店 order export of SIZES[size].import_rows rows from IMPORT_START, as .xlsx and as .csv (cached).

    The .csv is what 抖店 gives: UTF-8 with a byte-order mark, ids guarded with a tab, amounts as text.
    """
    rows = SIZES[size].import_rows
    stem = CACHE / f"orders-{rows}-v{IMPORT_FILES_VERSION}-{IMPORT_START:%Y%m%d%H%M}"
    xlsx, csv_path = stem.with_suffix(".xlsx"), stem.with_suffix(".csv")
    CACHE.mkdir(parents=True, exist_ok=True)
    _ensure_gitignored()
    if not xlsx.exists():
        from openpyxl import Workbook

        log(f"writing a {rows}-row order export at {xlsx}…")
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("订单")
        ws.append(ORDER_HEADERS)
        for row in order_export_rows(rows, IMPORT_START):
            ws.append(row)
        tmp = xlsx.with_suffix(".tmp.xlsx")
        wb.save(tmp)
        os.replace(tmp, xlsx)
    if not csv_path.exists():
        import csv

        tmp = csv_path.with_suffix(".tmp.csv")
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(ORDER_HEADERS)
            for row in order_export_rows(rows, IMPORT_START):
                row[0], row[1], row[6] = f"\t{row[0]}", f"\t{row[1]}", f"{row[6]:.2f}"
                writer.writerow(row)
        os.replace(tmp, csv_path)
    return xlsx, csv_path


def ensure_import_files(size: str, log=print) -> tuple[Path, Path]:
    """The order export (.xlsx) and a per-minute trend file of a stream starting at IMPORT_START (cached)."""
    orders, _csv = ensure_order_exports(size, log)
    trend = CACHE / f"trend-v{IMPORT_FILES_VERSION}-{IMPORT_START:%Y%m%d%H%M}.xlsx"
    if not trend.exists():
        from openpyxl import Workbook

        rng = random.Random(SEED)
        local = IMPORT_START.astimezone(SHANGHAI).replace(tzinfo=None)
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("分钟趋势")
        ws.append(TREND_HEADERS)
        online = _curve(IMPORT_MINUTES, 1500, rng)
        for m, value in enumerate(online):
            at = local + dt.timedelta(minutes=m)
            ws.append([at.strftime("%H:%M"), value, int(value * 0.3), int(value * 0.25), round(value * 5.5, 2),
                       int(value * 0.02), int(value * 0.05), int(value * 0.006)])
        tmp = trend.with_suffix(".tmp.xlsx")
        wb.save(tmp)
        os.replace(tmp, trend)
    return orders, trend


def move_import_stream(db) -> int | None:
    """Put the in-process import figure's stream at IMPORT_START (the cached files' session)."""
    from sqlalchemy import select

    from livedesk.models import Stream

    with db.session() as s:
        stream_id = s.scalar(select(Stream.id).where(Stream.title == IMPORT_TITLE))
        if stream_id is not None:
            s.execute(update(Stream).where(Stream.id == stream_id).values(
                start_at=IMPORT_START, planned_minutes=IMPORT_MINUTES))
        return stream_id


def ensure_one_stream_database(log=print) -> Path:
    """An empty team database holding only the import stream (IMPORT_START, 240 minutes): what the
    command-line import figure copies afresh for every run."""
    target = cache_path("one-stream", "import")
    if not target.exists():
        log(f"writing a one-stream database at {target}…")
        _build(target, _insert_import_stream)
    return target


def _insert_import_stream(db) -> None:
    from livedesk.models import Stream

    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    with db.session() as s:
        bulk(s, Stream, [{
            "id": 1, "title": IMPORT_TITLE, "start_at": IMPORT_START, "planned_minutes": IMPORT_MINUTES,
            "platform": "douyin", "account": ACCOUNTS[0][0], "theme": "", "stream_type": "daily", "status": "live",
            "gmv_target": 30000.0, "viewers_target": 10000, "peak_online_target": 500, "conversion_target": 0.03,
            "new_followers_target": 300, "welfare_plan": "", "warmup_plan": "", "notes": "", "created_at": now,
            "updated_at": now, "version": 1,
        }])
