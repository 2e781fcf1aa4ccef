"""Demo content beyond the schedule: a product pool, lineups, scripts, live logs and reviews.

Figures are generated from a fixed seed and follow the field's shapes: online viewers climb in the first
half hour, peak around the hero product and welfare drops, and fade towards the end; conversion sits
at 2–5%; a couple of products click below 3% so the pool shows elimination candidates.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

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
    Product,
    ProductFAQ,
    ProductResult,
    Review,
    Script,
    Segment,
    SegmentTiming,
    SellingPoint,
    Stream,
    TrafficSource,
)

# name, category, role, list price, live price, cost, commission, stock, safety stock, supplier, qualification
CATALOGUE = [
    ("1元秒杀 洗脸巾 3包", "个护", "welfare", 19.9, 1, 3.2, 0, 800, 200, "初见日化", "ok"),
    ("氨基酸洁面乳 120g", "护肤", "traffic", 69, 29.9, 21.5, 0.10, 1500, 300, "初见日化", "ok"),
    ("玻尿酸精华液 30ml", "护肤", "profit", 299, 199, 62, 0.20, 1200, 200, "水润生物", "ok"),
    ("羊毛混纺大衣", "服饰", "profit", 1299, 599, 260, 0.15, 260, 50, "杭州衣匠", "ok"),
    ("真丝睡衣套装", "服饰", "profit", 699, 329, 150, 0.15, 400, 60, "杭州衣匠", "pending"),
    ("联名香水礼盒", "美妆", "image", 899, 459, 300, 0.10, 150, 30, "香氛实验室", "ok"),
    ("护手霜 3支装", "个护", "traffic", 59, 19.9, 14.8, 0.05, 2000, 300, "初见日化", "ok"),
    ("胶原蛋白饮 10瓶", "食品", "profit", 398, 268, 88, 0.20, 600, 100, "营养工坊", "missing"),
    ("防晒喷雾 150ml", "美妆", "profit", 159, 89, 31, 0.20, 900, 150, "水润生物", "ok"),
    ("限定口红礼盒", "美妆", "image", 520, 399, 220, 0.10, 180, 40, "香氛实验室", "ok"),
    ("山野蜂蜜 500g", "食品", "traffic", 88, 39.9, 28, 0.05, 700, 100, "山野农场", "ok"),
    ("山野坚果礼盒", "食品", "profit", 198, 129, 58, 0.15, 500, 80, "山野农场", "ok"),
    ("小雏菊护手霜", "个护", "welfare", 39, 9.9, 6.5, 0, 300, 100, "初见日化", "ok"),
    ("云朵四件套", "家居", "profit", 899, 499, 210, 0.15, 120, 30, "南通家纺", "ok"),
    ("记忆棉枕", "家居", "profit", 299, 169, 70, 0.15, 45, 60, "南通家纺", "ok"),
    ("加厚珊瑚绒毯", "家居", "traffic", 129, 59, 46, 0.05, 900, 150, "南通家纺", "ok"),
    ("玻璃保鲜盒 5件套", "家居", "traffic", 99, 39.9, 33, 0.05, 1100, 200, "义乌某供应链", "missing"),
    ("卸妆油 200ml", "护肤", "profit", 189, 119, 52, 0.20, 700, 120, "水润生物", "ok"),
    ("面膜 10片装", "护肤", "traffic", 99, 39.9, 29, 0.10, 2500, 400, "水润生物", "ok"),
    ("眼霜 15g", "护肤", "profit", 359, 229, 96, 0.25, 80, 100, "水润生物", "ok"),
    ("羊绒围巾", "服饰", "profit", 599, 269, 150, 0.15, 300, 50, "杭州衣匠", "ok"),
    ("加绒打底裤", "服饰", "traffic", 89, 39.9, 31, 0.10, 1600, 300, "杭州衣匠", "ok"),
    ("品牌帆布包（赠品）", "配饰", "welfare", 69, 0.01, 12, 0, 200, 50, "义乌某供应链", "ok"),
    ("香氛蜡烛", "家居", "image", 268, 168, 60, 0.10, 200, 40, "香氛实验室", "ok"),
    ("保温杯 500ml", "家居", "profit", 159, 99, 48, 0.15, 650, 100, "义乌某供应链", "ok"),
    ("黑糖姜茶 12袋", "食品", "traffic", 49, 19.9, 16.5, 0.05, 1800, 300, "营养工坊", "ok"),
    ("燕麦代餐 1kg", "食品", "profit", 139, 79, 36, 0.20, 90, 120, "营养工坊", "pending"),
    ("发热内衣套装", "服饰", "profit", 259, 129, 88, 0.15, 700, 100, "杭州衣匠", "ok"),
    ("口红小样 5支", "美妆", "welfare", 99, 9.9, 8, 0, 400, 100, "香氛实验室", "ok"),
    ("气垫粉底", "美妆", "profit", 269, 159, 63, 0.20, 520, 100, "香氛实验室", "ok"),
    ("身体乳 400ml", "个护", "profit", 129, 79, 49, 0.20, 640, 100, "初见日化", "ok"),
    ("洗发水 500ml", "个护", "traffic", 79, 35.9, 30, 0.08, 1300, 200, "初见日化", "ok"),
]
POINTS = {
    "护肤": [("温和不刺激", "手背试用，展示无泛红"), ("补水保湿", "用水分仪对比涂抹前后数值"), ("大容量", "与常见 50ml 装并排比大小")],
    "美妆": [("显色持久", "手臂试色后用纸巾擦拭对比"), ("轻薄服帖", "半脸上妆对比"), ("礼盒包装", "开箱展示内衬和手提袋")],
    "服饰": [("面料柔软", "镜头特写揉搓面料"), ("保暖", "测温枪对比穿着前后"), ("版型显瘦", "主播上身 360° 转身")],
    "食品": [("配料干净", "展示配料表"), ("独立小包装", "拆一袋现场冲泡"), ("口感好", "主播试吃说口感")],
    "家居": [("材质安全", "展示检测报告"), ("容易清洗", "现场倒水擦拭"), ("尺寸合适", "卷尺量尺寸")],
    "个护": [("香味淡雅", "助播闻香反馈"), ("不油腻", "涂抹后按压纸巾"), ("家庭装实惠", "算单价对比")],
    "配饰": [("百搭", "搭配两套衣服展示"), ("容量大", "现场装入 A4 文件夹和水杯"), ("结实耐用", "拉扯缝线")],
}
FAQ = [
    ("什么时候发货？", "今晚下单 48 小时内发货，偏远地区除外。"),
    ("可以七天无理由吗？", "支持七天无理由退换，拆封影响二次销售的除外。"),
    ("直播间价格和店铺一样吗？", "直播间专属价，只在今晚直播间有，下播恢复日常价。"),
]
INCIDENTS = [
    ("network_drop", "主网络断开 40 秒，切到 5G 备用网络", "阿杰"),
    ("negative_comments", "有人刷屏说价格贵，助播解释了赠品和券后价", "林林"),
    ("out_of_stock", "福利款提前售罄，下架链接并预告下一轮福袋", "阿杰"),
    ("host_mistake", "主播口误报错价格，立即更正并置顶正确价格", "小薇"),
]
CHECKLIST = [
    "设备：手机/相机电量、支架、补光灯",
    "灯光色温 5000–5600K",
    "双网络：有线 + 4G/5G 备用",
    "库存已同步到小店",
    "优惠券、福袋已设置",
    "脚本已定稿且无违禁词",
    "彩排已完成",
    "预热视频和粉丝群通知已发",
]


def _fresh(session: Session, marker_column, query) -> list[Stream]:
    """Streams the query finds that have no rows yet in marker_column's table (demo --force adds, never doubles)."""
    done = select(marker_column)
    return list(session.scalars(query.where(Stream.id.not_in(done)).order_by(Stream.start_at)))


def _d(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def demo_products(session: Session, rng: random.Random, today: dt.date) -> int:
    existing = set(session.scalars(select(Product.sku)))
    for index, row in enumerate(CATALOGUE):
        name, category, role, list_price, live_price, cost, commission, stock, safety, supplier, qualification = row
        if f"LD-{index + 1:04d}" in existing:  # demo --force on a database that already has the demo pool
            continue
        product = Product(
            sku=f"LD-{index + 1:04d}", name=name, category=category, role=role, list_price=_d(list_price),
            live_price=_d(live_price), cost=_d(cost), commission_rate=Decimal(str(commission)), stock=stock,
            safety_stock=safety, supplier=supplier, qualification=qualification,
            platform_product_id=f"3500{rng.randrange(10**14, 10**15)}",
        )
        product.selling_points = [
            SellingPoint(position=i, point=point, demo=demo) for i, (point, demo) in enumerate(POINTS[category])
        ]
        product.faqs = [ProductFAQ(position=i, question=q, answer=a) for i, (q, a) in enumerate(FAQ)]
        session.add(product)
    session.flush()
    return len(CATALOGUE)


def demo_lineups(session: Session, rng: random.Random, today: dt.date) -> int:
    products = list(session.scalars(select(Product).order_by(Product.id)))
    by_role: dict[str, list[Product]] = {}
    for product in products:
        by_role.setdefault(product.role, []).append(product)
    count = 0
    for stream in _fresh(session, LineupItem.stream_id, select(Stream)):
        size = {"daily": 8, "special": 10, "big_promotion": 14}[stream.stream_type]
        mix = {"traffic": 2, "welfare": 2, "image": 1}
        picked = [p for role, n in mix.items() for p in rng.sample(by_role[role], min(n, len(by_role[role])))]
        picked += rng.sample(by_role["profit"], size - len(picked))
        order = [p for p in picked if p.role == "traffic"][:1] + [p for p in picked if p.role != "traffic"] + [
            p for p in picked if p.role == "traffic"
        ][1:]
        for position, product in enumerate(order):
            planned = {"welfare": 200, "traffic": 300, "image": 40, "profit": rng.choice([60, 80, 120, 150])}[product.role]
            session.add(LineupItem(
                stream_id=stream.id, product_id=product.id, position=position, link_number=position + 1,
                live_price=product.live_price, planned_units=planned,
                welfare_quantity=planned if product.role == "welfare" else None,
            ))
            count += 1
    session.flush()
    return count


def demo_scripts(session: Session, rng: random.Random, today: dt.date) -> int:
    from livedesk.services.scripts import build_from_template

    count = 0
    for stream in _fresh(session, Script.stream_id, select(Stream).where(Stream.status != "planned")):
        build_from_template(session, stream.id)
        count += 1
    session.flush()
    return count


def _segments(session: Session, stream: Stream) -> list[Segment]:
    from livedesk.services.scripts import list_segments

    return list_segments(session, stream.id)


def _online_curve(minutes: int, peaks: list[int], scale: float, rng: random.Random) -> list[int]:
    curve = []
    for minute in range(minutes):
        ramp = 1 - math.exp(-minute / 12)
        fade = 1 - 0.45 * max(0.0, (minute - minutes * 0.7) / (minutes * 0.3))
        bumps = sum(0.55 * math.exp(-((minute - p) ** 2) / 30) for p in peaks)
        noise = rng.gauss(0, 0.03)
        curve.append(max(5, int(scale * (0.55 * ramp * fade + bumps * ramp + noise))))
    return curve


def demo_live_and_reviews(session: Session, rng: random.Random, today: dt.date) -> int:
    """Live logs for every stream that went live, and full reviews for the reviewed ones."""
    count = 0
    for stream in _fresh(session, LiveSession.stream_id, select(Stream).where(Stream.status.in_(["live", "reviewed"]))):
        segments = _segments(session, stream)
        _live_log(session, stream, segments, rng)
        if stream.status == "reviewed":
            _review(session, stream, segments, rng)
            count += 1
    for stream in _fresh(session, ChecklistItem.stream_id, select(Stream).where(Stream.status.in_(["rehearsed", "scripted"]))):
        for position, text in enumerate(CHECKLIST):
            ticked = stream.status == "rehearsed" and position < 5
            session.add(ChecklistItem(
                stream_id=stream.id, position=position, text=text, ticked_by="阿杰" if ticked else "",
                ticked_at=stream.start_at - dt.timedelta(hours=3) if ticked else None,
            ))
    session.flush()
    return count


def _live_log(session: Session, stream: Stream, segments: list[Segment], rng: random.Random) -> None:
    start = stream.start_at + dt.timedelta(minutes=rng.choice([0, 1, 2]))
    session.add(LiveSession(stream_id=stream.id, started_at=start, ended_at=start + dt.timedelta(minutes=stream.planned_minutes + 4)))
    at = start
    for segment in segments:
        drift = rng.choice([-60, -30, 0, 0, 30, 60, 90, 120])
        length = max(60, segment.duration_seconds + drift)
        session.add(SegmentTiming(
            stream_id=stream.id, segment_id=segment.id, segment_title=segment.title, started_at=at,
            ended_at=at + dt.timedelta(seconds=length),
        ))
        if segment.product_id:
            session.add(LinkEvent(stream_id=stream.id, product_id=segment.product_id, at=at, action="up"))
            session.add(LinkEvent(stream_id=stream.id, product_id=segment.product_id, at=at + dt.timedelta(seconds=length), action="down"))
        at += dt.timedelta(seconds=length)
    gmv = Decimal(0)
    orders = 0
    for minute in range(5, stream.planned_minutes, 5):
        online = int(400 + 600 * math.sin(math.pi * minute / stream.planned_minutes) + rng.gauss(0, 40))
        gmv += _d(online * rng.uniform(4, 12))
        orders += int(online * rng.uniform(0.02, 0.05))
        session.add(MetricSample(
            stream_id=stream.id, at=start + dt.timedelta(minutes=minute), online=online, gmv=gmv, orders=orders,
            click_rate=Decimal(str(round(rng.uniform(0.05, 0.15), 4))),
        ))
    for kind, note, who in rng.sample(INCIDENTS, 2):
        session.add(Incident(
            stream_id=stream.id, at=start + dt.timedelta(minutes=rng.randrange(10, stream.planned_minutes - 10)),
            kind=kind, note=note, handled_by=who,
        ))
    session.add(Alert(
        stream_id=stream.id, at=start + dt.timedelta(minutes=rng.randrange(20, stream.planned_minutes)),
        rule="online_drop", message="在线人数 5 分钟内下降超过 50%",
    ))


def _split(total: int, shares: list[float]) -> list[int]:
    """`total` split in proportion to `shares`, in whole numbers that add up to it."""
    if not shares:
        return []
    parts = [int(total * share / sum(shares)) for share in shares]
    for i in range(total - sum(parts)):
        parts[i % len(parts)] += 1
    return parts


def _review(session: Session, stream: Stream, segments: list[Segment], rng: random.Random) -> None:
    from livedesk.services.importers.review_files import CurveRow
    from livedesk.services.review import _store_moments  # the same peak/valley rules as a real import

    # Figures that hang together as the platforms' do: UV from average online and watch time (Little's
    # law), GMV from UV value, buyers from the average amount per buyer.
    minutes = stream.planned_minutes
    target = float(stream.gmv_target or 30000)
    gmv_total = target * rng.uniform(0.7, 1.4)
    uv = int(gmv_total / rng.uniform(5, 10))  # UV value ¥5–10
    watch_seconds = rng.randrange(200, 330)
    avg_online = uv * watch_seconds / (minutes * 60)
    buyers = int(gmv_total / rng.uniform(200, 330))
    orders = int(buyers * rng.uniform(1.05, 1.15))
    pv = int(uv * rng.uniform(1.2, 1.35))
    hero_minutes = [s.start_seconds // 60 + 3 for s in segments if s.kind in ("welfare", "pitch")][:6]
    peaks = [m for i, m in enumerate(hero_minutes) if i % 2 == 0]
    shape = _online_curve(minutes, peaks, 1000, rng)
    online = [max(5, int(v * avg_online / (sum(shape) / len(shape)))) for v in shape]
    weights = [v * rng.uniform(0.6, 1.4) for v in online]
    review = Review(stream_id=stream.id, started_at=stream.start_at, duration_minutes=minutes)
    session.add(review)
    session.flush()
    curve_rows: list[CurveRow] = []
    gmv_sum = Decimal(0)
    order_sum = 0
    for minute, value in enumerate(online):
        share = weights[minute] / sum(weights)
        gmv = _d(gmv_total * share)
        minute_orders = int(round(orders * share))
        entries = int(pv * value / sum(online))
        leaves = max(0, entries - (value - (online[minute - 1] if minute else 0)))
        new_followers = int(value * rng.uniform(0.002, 0.01))
        comments = int(value * rng.uniform(0.02, 0.08))
        gmv_sum += gmv
        order_sum += minute_orders
        session.add(CurvePoint(
            review_id=review.id, second=minute * 60, online=value, entries=entries, leaves=leaves, gmv=gmv,
            orders=minute_orders, comments=comments, new_followers=new_followers,
            fan_club_joins=int(new_followers * 0.3),
        ))
        curve_rows.append(CurveRow(at=stream.start_at + dt.timedelta(minutes=minute), online=value))
    entries_sum = pv
    buyers = min(buyers, order_sum)
    ad_spend = _d(float(gmv_sum) / rng.uniform(3, 6))
    review.gmv, review.orders, review.buyers = gmv_sum, order_sum, buyers
    review.uv, review.pv = uv, pv
    review.natural_uv, review.paid_uv = int(uv * 0.7), uv - int(uv * 0.7)
    review.peak_online, review.avg_online = max(online), _d(sum(online) / len(online))
    review.avg_watch_seconds = watch_seconds
    review.new_followers = sum(int(v * 0.006) for v in online)
    review.comments, review.likes, review.shares = int(uv * 0.3), int(uv * 1.9), int(uv * 0.03)
    review.refund_buyers = int(buyers * 0.04)
    review.refund_amount = _d(float(gmv_sum) * review.refund_buyers / max(buyers, 1))  # refunds at the average order
    review.ad_spend = ad_spend
    figures = ("gmv", "orders", "buyers", "uv", "pv", "natural_uv", "paid_uv", "peak_online", "avg_online",
               "avg_watch_seconds", "new_followers", "comments", "likes", "shares", "refund_buyers", "refund_amount", "ad_spend")
    review.sources_json = json.dumps(  # a demo figure says it is one, wherever its source is shown
        {name: {"source": "示例数据 demo data · generated", "quality": 3} for name in figures}, ensure_ascii=False
    )
    review.highlights = "福利款开场拉动在线人数；爆款讲解时段转化率最高。"
    review.problems = "中段利润款讲解偏长，在线人数下滑；逼单节奏偏慢。"
    review.root_cause = "1. 在线下滑 → 2. 讲解超时 → 3. 卖点演示准备不足 → 4. 彩排未计时 → 5. 彩排流程缺少计时环节"
    session.add(TrafficSource(review_id=review.id, channel="整体", views=entries_sum, spend=ad_spend, gmv=gmv_sum))
    session.add(TrafficSource(review_id=review.id, channel="自然推荐", views=int(entries_sum * 0.65)))
    session.add(TrafficSource(review_id=review.id, channel="千川", views=entries_sum - int(entries_sum * 0.65), spend=ad_spend))
    lineup = session.scalars(select(LineupItem).where(LineupItem.stream_id == stream.id).order_by(LineupItem.position))
    items = list(lineup)
    shares = [rng.uniform(0.5, 2.0) for _ in items]
    refunds = _split(review.refund_buyers, shares)  # the products' refunds add up to the overview's
    for item, share in zip(items, shares, strict=True):
        product = session.get(Product, item.product_id)
        exposure = int(uv * rng.uniform(0.3, 0.7))
        low = product.name in ("玻璃保鲜盒 5件套", "燕麦代餐 1kg", "香氛蜡烛")
        click = int(exposure * (rng.uniform(0.012, 0.028) if low else rng.uniform(0.05, 0.18)))
        product_gmv = _d(float(gmv_sum) * share / sum(shares))
        price = float(item.live_price or 1) or 1
        units = max(0, int(float(product_gmv) / max(price, 0.01)))
        session.add(ProductResult(
            review_id=review.id, product_id=product.id, platform_product_id=product.platform_product_id,
            name=product.name, exposure_users=exposure, click_users=click, buyers=min(click, int(units * 0.95)),
            orders=units, units=units, gmv=product_gmv, refund_buyers=refunds.pop(0),
        ))
    _store_moments(session, review.id, curve_rows, stream.start_at)
    due = stream.start_at.date() + dt.timedelta(days=3)
    for text, owner, done in (
        ("利润款讲解控制在 10 分钟内，彩排时计时", "小薇", True),
        ("每 20 分钟一次福袋，提前设置好", "阿杰", False),
        ("补充卖点演示道具（水分仪、测温枪）", "林林", False),
    ):
        session.add(ImprovementItem(stream_id=stream.id, text=text, owner=owner, due_date=due, done=done))
