"""Pre-filled pitch lines and scripts built from a template and the stream's lineup.

Templates follow the field's rules (DOMAIN.md): opening first, traffic items (引流款) right
after it, the hero (爆款: most planned units, then most profit per unit) at the expected
traffic peak (30–40% into the slot), profit items after the hero, a welfare drop every N
minutes (20 by default), a closing push before the wrap-up. The slot is the stream's
planned length when it has one, else the template's (daily 2 h, special 3 h, big promotion 6 h).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from livedesk.models import (
    LineupItem,
    Product,
    ProductRole,
    Segment,
    SegmentKind,
    StreamType,
)
from livedesk.services.messages import translate
from livedesk.services.scripts.segments import ScriptError, _stream, replace_script_segments


def _money(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:.2f}"


def pitch_head(name: str) -> str:
    """The first pitch line names the product (a pool product's, or one only the script names)."""
    return f"【{name}】"


def pitch_lines(product: Product, live_price: Decimal | None = None) -> str:
    """Host lines for a product: its selling points, each with its demo, then its FAQ."""
    price = live_price if live_price is not None else product.live_price
    head = pitch_head(product.name)
    if price is not None:
        head += f"直播间价 ¥{_money(price)}"
        if product.list_price is not None and product.list_price > price:
            head += f"（日常价 ¥{_money(product.list_price)}）"
    lines = [head]
    for number, point in enumerate(product.selling_points, start=1):
        lines.append(f"卖点{number}：{point.point.strip()}")
        if point.demo.strip():
            lines.append(f"  演示：{point.demo.strip()}")
    if product.faqs:
        lines.append("常见问题：")
        for faq in product.faqs:
            lines.append(f"  问：{faq.question.strip()}")
            if faq.answer.strip():
                lines.append(f"  答：{faq.answer.strip()}")
    return "\n".join(lines)




@dataclass(frozen=True)
class Template:
    key: str
    label: str
    minutes: int
    opening: int = 300
    pitch: int = 600
    hero_pitch: int = 900
    min_pitch: int = 300
    interaction: int = 300
    welfare: int = 180
    encore: int = 600
    closing_push: int = 300
    wrap_up: int = 300
    welfare_every_minutes: int = 20
    peak: tuple[float, float, float] = (0.30, 0.35, 0.40)  # earliest, aim, latest share of the slot


TEMPLATES: dict[str, Template] = {
    StreamType.DAILY.value: Template("daily", "日常场", 120),
    StreamType.SPECIAL.value: Template("special", "专场", 180, pitch=720, hero_pitch=1080, closing_push=420),
    StreamType.BIG_PROMOTION.value: Template(
        "big_promotion",
        "大促",
        360,
        opening=600,
        pitch=900,
        hero_pitch=1200,
        interaction=420,
        welfare=240,
        encore=900,
        closing_push=600,
        wrap_up=420,
    ),
}


@dataclass
class LineupEntry:
    """A lineup item with what the template needs, detached from the session."""

    product: Product
    role: str
    live_price: Decimal | None
    planned_units: int | None
    link_number: int | None

    @property
    def unit_profit(self) -> Decimal:
        price = self.live_price or Decimal(0)
        cost = self.product.cost or Decimal(0)
        commission = price * (self.product.commission_rate or Decimal(0))
        return price - cost - commission if self.product.cost is not None else price

    @property
    def link_cue(self) -> str:
        return f"上架{self.link_number}号链接" if self.link_number else f"上架链接：{self.product.name}"


def lineup_entries(session: Session, stream_id: int) -> list[LineupEntry]:
    items = session.scalars(
        select(LineupItem)
        .where(LineupItem.stream_id == stream_id)
        .options(
            selectinload(LineupItem.product).selectinload(Product.selling_points),
            selectinload(LineupItem.product).selectinload(Product.faqs),
        )
        .order_by(LineupItem.position, LineupItem.id)
    ).all()
    return [
        LineupEntry(
            item.product,
            item.product.role,
            item.live_price if item.live_price is not None else item.product.live_price,
            item.planned_units,
            item.link_number,
        )
        for item in items
    ]


def pick_hero(entries: Sequence[LineupEntry]) -> LineupEntry | None:
    """The hero (爆款): most planned units, then most profit per unit.

    Welfare items are never the hero; traffic items only when nothing else is on the lineup.
    """
    pool = [e for e in entries if e.role not in (ProductRole.WELFARE, ProductRole.TRAFFIC)]
    pool = pool or [e for e in entries if e.role != ProductRole.WELFARE]
    if not pool:
        return None
    return max(pool, key=lambda e: (e.planned_units or 0, e.unit_profit, -entries.index(e)))


MIN_FILL = 180  # a filler shorter than this is folded into the segment before it


def _round_down(seconds: float, step: int = 60) -> int:
    return int(seconds // step * step)


def template_segments(
    template: Template,
    entries: Sequence[LineupEntry],
    slot_seconds: int | None = None,
    welfare_every_minutes: int | None = None,
    stream_title: str = "",
    theme: str = "",
    welfare_plan: str = "",
) -> list[dict[str, Any]]:
    """The segments of a template for a lineup, as dicts (pure: no database)."""
    slot = int(slot_seconds or template.minutes * 60)
    every = (welfare_every_minutes or template.welfare_every_minutes) * 60
    lo, aim, hi = (share * slot for share in template.peak)
    body_end = slot - template.closing_push - template.wrap_up
    rows: list[dict[str, Any]] = []
    t = 0
    next_welfare = every
    welfare_items = [e for e in entries if e.role == ProductRole.WELFARE]
    welfare_count = 0
    hero = pick_hero(entries)

    def place(
        kind: str,
        title: str,
        duration: int,
        entry: LineupEntry | None = None,
        host: str = "",
        cues: str = "",
        props: str = "",
        notes: str = "",
    ) -> None:
        nonlocal t
        rows.append(
            {
                "kind": kind,
                "title": title,
                "start_seconds": t,
                "duration_seconds": int(duration),
                "product_id": entry.product.id if entry else None,
                "host_lines": host,
                "cues": cues,
                "props": props,
                "bgm": "",
                "notes": notes,
            }
        )
        t += int(duration)

    def welfare_drop(limit: float = body_end) -> None:
        nonlocal next_welfare, welfare_count
        # drops keep to an N-minute grid: taken at the first boundary within a quarter interval of the due time
        if t < next_welfare - every // 4 or t + template.welfare > limit:
            return
        entry = welfare_items[welfare_count % len(welfare_items)] if welfare_items else None
        welfare_count += 1
        next_welfare = max(next_welfare + every, t + every // 2)
        if entry is not None:
            price = f"¥{_money(entry.live_price)}" if entry.live_price is not None else "福利价"
            place(
                SegmentKind.WELFARE.value,
                f"福利：{entry.product.name}",
                template.welfare,
                entry,
                host=f"福利时间到！{entry.product.name} 直播间 {price}，数量有限，拼手速，倒数五秒上链接！",
                cues=f"{entry.link_cue}（秒杀）；倒计时；库存售罄后下架",
            )
        else:
            place(
                SegmentKind.WELFARE.value,
                "福利：福袋/抽奖",
                template.welfare,
                host="福利时间到！屏幕左上角福袋已经发出，评论区扣“想要”参与，关注主播中奖几率更高。",
                cues="发福袋；公布中奖名单",
            )

    def pitch(entry: LineupEntry, duration: int, label: str = "讲解") -> None:
        role = {ProductRole.TRAFFIC: "引流款", ProductRole.PROFIT: "利润款", ProductRole.IMAGE: "形象款"}.get(
            entry.role, ""
        )
        note = "爆款，放在流量高峰" if entry is hero else role
        place(
            SegmentKind.PITCH.value,
            f"{label}：{entry.product.name}",
            duration,
            entry,
            host=pitch_lines(entry.product, entry.live_price),
            cues=f"{entry.link_cue}；置顶讲解卡",
            notes=note,
            props="实物样品；对比道具",
        )

    def interaction(duration: int) -> None:
        place(
            SegmentKind.INTERACTION.value,
            "互动：扣1 提问",
            duration,
            host="想要刚才这款的扣1，有问题直接打在公屏上，我一个个回答。新来的朋友点点关注。",
            cues="读评论；统计扣1 人数",
        )

    def encore(entry: LineupEntry, duration: int, kind: str = SegmentKind.ENCORE.value, label: str = "返场") -> None:
        place(
            kind,
            f"{label}：{entry.product.name}",
            duration,
            entry,
            host=f"刚进来的朋友看过来，{entry.product.name}再讲一遍重点：\n"
            + pitch_lines(entry.product, entry.live_price),
            cues=f"{entry.link_cue}；补库存",
        )

    # 开场: introduce, theme, today's welfare hook
    hook = welfare_plan.strip() or "整点福袋、秒杀福利"
    place(
        SegmentKind.OPENING.value,
        "开场",
        min(template.opening, slot),
        host=f"欢迎来到{stream_title or '我们的直播间'}！今天的主题是{theme or stream_title or '好物分享'}。"
        f"今天的福利：{hook}，点点关注，福利开始时第一时间提醒你。",
        cues="置顶福利卡；开播提醒",
    )

    traffic = [e for e in entries if e.role == ProductRole.TRAFFIC and e is not hero]
    image = [e for e in entries if e.role == ProductRole.IMAGE and e is not hero]
    profit = [
        e
        for e in entries
        if e.role not in (ProductRole.TRAFFIC, ProductRole.IMAGE, ProductRole.WELFARE) and e is not hero
    ]

    # 引流款 first, shortened so the hero can still reach the peak
    if traffic:
        room = max(aim - t, 0) / len(traffic)
        duration = max(template.min_pitch, min(template.pitch, _round_down(room)))
        for entry in traffic:
            welfare_drop()
            pitch(entry, duration)
    deferred: list[LineupEntry] = []
    for entry in image:  # image items warm up before the peak when they fit
        welfare_drop()
        if t + template.pitch <= aim:
            pitch(entry, template.pitch)
        else:
            deferred.append(entry)
    # until the peak: interaction, alternating with encores of the traffic items to hold viewers (留客)
    n = 0
    while hero is not None and t < lo:
        welfare_drop(limit=aim)
        if t >= lo:
            break
        room = max(60, _round_down(aim - t))
        if traffic and n % 2 == 1:
            encore(traffic[(n // 2) % len(traffic)], min(template.encore, room), SegmentKind.RETAIN.value, "留客")
        else:
            interaction(min(template.interaction, room))
        n += 1
    if hero is not None:
        welfare_drop(limit=hi)
        pitch(hero, template.hero_pitch)
        place(
            SegmentKind.CLOSING_PUSH.value,
            f"逼单：{hero.product.name}",
            min(template.closing_push, 300),
            hero,
            host="价格再对比一下：日常价和直播间价差多少，大家心里有数。倒计时 5、4、3、2、1，上车！",
            cues="倒计时；发券；报库存",
        )

    after = profit + deferred
    if after:
        drops = max(0, (body_end - t) // every)
        room = (body_end - t - drops * template.welfare) / len(after)
        duration = max(template.min_pitch, min(template.pitch, _round_down(room)))
        for entry in after:
            welfare_drop()
            pitch(entry, duration)

    # fill to the end of the body: encores of the hero and best items, with interaction between
    encores = [e for e in ([hero] if hero else []) + after if e is not None]
    n = 0
    while body_end - t >= MIN_FILL:
        welfare_drop()
        left = body_end - t
        if left < MIN_FILL:
            break
        if encores and n % 2 == 0:
            duration = min(template.encore, left)
            encore(encores[(n // 2) % len(encores)], left if left - duration < MIN_FILL else duration)
        else:
            duration = min(template.interaction, left)
            interaction(left if left - duration < MIN_FILL else duration)
        n += 1
    if rows and 0 < body_end - t < MIN_FILL:  # absorb a short leftover into the last segment
        rows[-1]["duration_seconds"] += body_end - t
        t = body_end

    closer = hero or (after[-1] if after else (traffic[-1] if traffic else None))
    place(
        SegmentKind.CLOSING_PUSH.value,
        "逼单：全场返场",
        template.closing_push,
        closer,
        host="今天的商品都还有少量库存，想要的抓紧下单。下单的朋友扣“已拍”，客服马上安排发货。",
        cues="全部链接过一遍；发券；报库存",
    )
    place(
        SegmentKind.WRAP_UP.value,
        "收尾：下期预告",
        template.wrap_up,
        host="感谢大家今天的陪伴！下期直播见，点点关注，开播第一时间通知你。",
        cues="下架全部链接；发下期预告",
    )
    return rows


def build_from_template(
    session: Session,
    stream_id: int,
    template: str | Template | None = None,
    welfare_every_minutes: int | None = None,
) -> list[Segment]:
    """Replace the stream's script with a template filled from its lineup (snapshot first for undo)."""
    stream = _stream(session, stream_id)
    if template is None:
        template = stream.stream_type
    if isinstance(template, str):
        if template not in TEMPLATES:
            raise ScriptError(
                translate("Messages", "Unknown template {0}; use one of {1}.").format(repr(template), ", ".join(TEMPLATES))
            )
        template = TEMPLATES[template]
    rows = template_segments(
        template,
        lineup_entries(session, stream_id),
        (stream.planned_minutes or template.minutes) * 60,
        welfare_every_minutes,
        stream.title,
        stream.theme,
        stream.welfare_plan,
    )
    return replace_script_segments(session, stream_id, rows)
