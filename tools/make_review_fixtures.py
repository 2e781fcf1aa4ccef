"""Make the review fixtures: platform exports in the real column vocabulary, each with its expected figures.

Run: ``uv run python -m tools.make_review_fixtures`` (writes ``tests/fixtures/review/<case>/``).

Every expected value is computed here from the rows generated here, never by LiveDesk's code, so the tests
compare the importer with an independent count. The vocabulary is that of ``docs`` DOMAIN.md, "Real export
vocabulary". Deterministic: a fixed seed, and fixed timestamps inside the .xlsx zips, so running it again
writes the same bytes (tests/unit/test_review_fixtures.py checks the committed files are up to date).

Cases (all for a stream planned 2026-11-20 20:00–23:00 Beijing time):

* ``luopan`` – Douyin 电商罗盘: a 核心指标 key/value sheet (title row, labels in column B, no 整场 marker),
  a per-minute trend CSV and a product list with one column no figure uses (讲解次数);
* ``orders`` – a 抖店 订单导出 CSV with one order for each rule (paid, refunded after payment, unpaid,
  closed unpaid, 商品卡/短视频, before the start, after the grace, just inside it) and ``orders_floats.xlsx``,
  the same orders re-saved by Excel with the ids turned into floats (must be refused);
* ``taobao_sessions`` – a Taobao 场次列表 of three sessions; the stream's one is not the first row;
* ``wrong_day`` – a per-minute trend of 2026-11-18 (must be refused for the 2026-11-20 stream).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
import shutil
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "review"
SEED = 20261120
CENT = Decimal("0.01")

# the stream every case is imported into (Beijing time, as every platform writes it)
STREAM_START = dt.datetime(2026, 11, 20, 20, 0)
PLANNED_MINUTES = 180
GMV_TARGET = Decimal(80000)
GRACE = dt.timedelta(minutes=30)  # orders submitted up to 30 minutes after the end still count as live
# a fixed moment written into every zip entry and the workbook properties, so the bytes never change
FROZEN = dt.datetime(2026, 11, 21, 9, 30, 0)

PRODUCTS = (  # (title, live price)
    ("1元秒杀 洗脸巾 3包", Decimal("1.00")),
    ("氨基酸洁面乳 120g", Decimal("29.90")),
    ("玻尿酸精华液 30ml", Decimal("199.00")),
    ("羊毛混纺大衣", Decimal("599.00")),
    ("真丝睡衣套装", Decimal("329.00")),
    ("联名香水礼盒", Decimal("459.00")),
    ("护手霜 3支装", Decimal("19.90")),
    ("限定口红礼盒", Decimal("399.00")),
)
PRODUCT_WEIGHTS = (14, 12, 10, 4, 6, 3, 9, 5)
LOW_CLICK_PRODUCT = "联名香水礼盒"  # its click rate is set below 3%: an elimination candidate

TREND_COLUMNS = (
    "时间", "在线人数", "进入人数", "离开人数", "千川消耗", "新增评论数",
    "新增粉丝数", "新加团人数", "成交人数", "成交订单数", "成交金额",
)  # fmt: skip


# ---------------------------------------------------------------- numbers


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def money_json(value: Decimal) -> float:
    return float(cents(value))


def ratio_json(numerator: Decimal | int, denominator: Decimal | int) -> float:
    return float(Decimal(numerator) / Decimal(denominator))


def beijing(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


# ---------------------------------------------------------------- deterministic files


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Save, then rewrite the zip with fixed entry times and properties: the same rows give the same bytes."""
    workbook.properties.creator = "livedesk fixtures"
    workbook.properties.created = FROZEN
    buffer = io.BytesIO()
    workbook.save(buffer)
    stamp = FROZEN.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rf"\g<1>{stamp}\g<2>", text)
                data = text.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=FROZEN.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)


def save_csv(rows: Sequence[Sequence[object]], path: Path, encoding: str = "utf-8-sig") -> None:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    path.write_bytes(text.getvalue().encode(encoding))


def save_json(data: object, path: Path) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- a live session, minute by minute


@dataclass
class Sale:
    minute: int  # minutes from the start; >= the trend's length for payments after the trend ends
    buyer: int
    product: int  # index into PRODUCTS
    quantity: int
    amount: Decimal
    refunded: bool


@dataclass
class Minute:
    at: dt.datetime
    online: int
    entries: int
    leaves: int
    ad_spend: Decimal
    comments: int
    new_followers: int
    fan_club_joins: int
    buyers: int
    orders: int
    gmv: Decimal


def online_shape(minute: int) -> float:
    """The online-viewer curve's outline: ramp, climb to the peak at 95, fall, a dip at 138, recovery, wind-down."""
    if minute < 30:
        return 150 + 750 * minute / 30
    if minute < 95:
        return 900 + 750 * ((minute - 30) / 65) ** 2
    if minute < 125:
        return 1650 - 550 * (minute - 95) / 30
    if minute < 138:
        return 1100 - 560 * (minute - 125) / 13
    if minute < 155:
        return 540 + 360 * (minute - 138) / 17
    return 900 - 500 * (minute - 155) / 24


PEAK_MINUTE = 95
VALLEY_MINUTE = 138


def make_online(rng: random.Random, minutes: int) -> list[int]:
    online = [int(online_shape(m)) + rng.randint(-12, 12) for m in range(minutes)]
    # the peak and the valley stand clear of the noise, at exactly the designed minutes
    online[PEAK_MINUTE] = max(online) + 25
    online[VALLEY_MINUTE] = min(online[VALLEY_MINUTE - 12 : VALLEY_MINUTE + 13]) - 30
    return online


def make_session(rng: random.Random, start: dt.datetime, minutes: int) -> tuple[list[Minute], list[Sale]]:
    """Per-minute rows and the individual sales behind them (payments in the 5 minutes after the end included)."""
    online = make_online(rng, minutes)
    sales: list[Sale] = []
    for minute in range(minutes + 5):
        count = rng.randint(0, max(1, online[min(minute, minutes - 1)] // 110)) if minute < minutes else 1
        for _ in range(count):
            product = rng.choices(range(len(PRODUCTS)), weights=PRODUCT_WEIGHTS)[0]
            quantity = rng.choice((1, 1, 1, 1, 2, 2, 3))
            amount = PRODUCTS[product][1] * quantity
            sales.append(Sale(minute, rng.randint(1, 2500), product, quantity, amount, rng.random() < 0.04))
    rows: list[Minute] = []
    for minute in range(minutes):
        before = online[minute - 1] if minute else 0
        churn = int(before * 0.17) + rng.randint(3, 30)
        delta = online[minute] - before
        in_minute = [s for s in sales if s.minute == minute]
        paused = 60 <= minute < 68  # the 千川 plan was paused for a few minutes: 0.00 spend
        rows.append(
            Minute(
                at=start + dt.timedelta(minutes=minute),
                online=online[minute],
                entries=churn + max(delta, 0),
                leaves=churn + max(-delta, 0),
                ad_spend=Decimal(0) if paused else Decimal(rng.randint(8000, 42000)) / 100,
                comments=rng.randint(4, 60),
                new_followers=rng.randint(0, 12),
                fan_club_joins=rng.randint(0, 5),
                buyers=len({s.buyer for s in in_minute}),
                orders=len(in_minute),
                gmv=sum((s.amount for s in in_minute), Decimal(0)),
            )
        )
    return rows, sales


def trend_rows(rows: Sequence[Minute]) -> list[list[object]]:
    table: list[list[object]] = [list(TREND_COLUMNS)]
    for r in rows:
        table.append(
            [
                r.at.strftime("%Y-%m-%d %H:%M"),
                r.online,
                r.entries,
                r.leaves,
                f"{r.ad_spend:.2f}",
                r.comments,
                r.new_followers,
                r.fan_club_joins,
                r.buyers,
                r.orders,
                f"{r.gmv:.2f}",
            ]
        )
    return table


# ---------------------------------------------------------------- case: luopan


def product_ids(rng: random.Random) -> list[str]:
    return [str(rng.randint(3_600_000_000_000_000_000, 3_799_999_999_999_999_999)) for _ in PRODUCTS]


def make_luopan(rng: random.Random, folder: Path) -> None:
    core_name, trend_name, products_name = "罗盘_核心指标.xlsx", "罗盘_分钟趋势.csv", "罗盘_商品列表.xlsx"
    products_sheet = "商品列表"
    rows, sales = make_session(rng, STREAM_START, PLANNED_MINUTES)
    save_csv(trend_rows(rows), folder / trend_name)

    # the platform's stated session figures (over every sale, including payments after the trend's last minute)
    gmv = sum((s.amount for s in sales), Decimal(0))
    orders = len(sales)
    buyers = len({s.buyer for s in sales})
    units = sum(s.quantity for s in sales)
    refund_amount = sum((s.amount for s in sales if s.refunded), Decimal(0))
    pv = sum(r.entries for r in rows)  # exact: the per-minute entries
    uv = int(pv * 0.74)
    avg_online = Decimal(sum(r.online for r in rows)) / len(rows)
    warmup_spend = Decimal("1286.40")  # 千川 spent warming up before 20:00: in the stated total, in no minute
    trend_ad_spend = sum((r.ad_spend for r in rows), Decimal(0))
    ad_spend = trend_ad_spend + warmup_spend
    watch_seconds = 155
    end = STREAM_START + dt.timedelta(minutes=PLANNED_MINUTES)
    pv_stated = f"{Decimal(pv) / 10000:.2f}万"  # rounded: the per-minute sum must win

    book = Workbook()
    sheet = book.active
    sheet.title = "核心指标"
    sheet["A1"] = "直播间数据 · 核心指标（冬季焕新专场）"
    pairs: list[tuple[str, object] | None] = [
        ("直播开始时间", beijing(STREAM_START)),
        ("直播结束时间", beijing(end)),
        None,
        ("直播间成交金额", float(gmv)),
        ("成交人数", buyers),
        ("成交件数", units),
        ("成交订单数", orders),
        None,
        ("累计观看人数", uv),
        ("观看次数", pv_stated),
        ("平均在线人数", int(avg_online.to_integral_value(ROUND_HALF_UP))),
        ("人均观看时长", f"{watch_seconds // 60}分{watch_seconds % 60}秒"),
        None,
        ("千川消耗", float(ad_spend)),
        ("退款金额", float(refund_amount)),
    ]
    for offset, pair in enumerate(pairs):
        if pair is not None:
            sheet.cell(row=3 + offset, column=2, value=pair[0])
            sheet.cell(row=3 + offset, column=3, value=pair[1])
    save_workbook(book, folder / core_name)

    ids = product_ids(rng)
    book = Workbook()
    sheet = book.active
    sheet.title = products_sheet
    sheet.append(["商品id", "商品标题", "商品曝光人数", "商品点击人数", "累计成交金额", "累计成交件数", "累计成交订单数", "讲解次数"])
    products = []
    for index, (title, _price) in enumerate(PRODUCTS):
        mine = [s for s in sales if s.product == index]
        exposure = rng.randint(int(uv * 0.25), int(uv * 0.7))
        rate = 0.021 if title == LOW_CLICK_PRODUCT else rng.uniform(0.05, 0.19)
        clicks = max(int(exposure * rate), len({s.buyer for s in mine}))
        p_gmv = sum((s.amount for s in mine), Decimal(0))
        p_units = sum(s.quantity for s in mine)
        sheet.append([ids[index], title, exposure, clicks, float(p_gmv), p_units, len(mine), rng.randint(1, 4)])
        click_rate = Decimal(clicks) / Decimal(exposure)
        products.append(
            {
                "name": title,
                "product_id": ids[index],
                "exposure_users": exposure,
                "click_users": clicks,
                "click_rate": float(click_rate),
                "orders": len(mine),
                "units": p_units,
                "gmv": money_json(p_gmv),
                "flags": ["low_click_rate"] if click_rate < Decimal("0.03") else [],
            }
        )
    save_workbook(book, folder / products_name)

    trend_gmv = sum((r.gmv for r in rows), Decimal(0))
    trend_orders = sum(r.orders for r in rows)
    assert trend_gmv != gmv and trend_ad_spend != ad_spend  # precedence is visible in the figures
    assert rows[PEAK_MINUTE].online == max(r.online for r in rows)
    figures = {
        "gmv": money_json(gmv),
        "orders": orders,
        "buyers": buyers,
        "units": units,
        "uv": uv,
        "pv": pv,
        "peak_online": max(r.online for r in rows),
        "avg_online": money_json(avg_online),  # the exact mean, to the cent as stored
        "conversion_rate": ratio_json(buyers, uv),
        "aov_per_buyer": ratio_json(gmv, buyers),
        "avg_order_amount": ratio_json(gmv, orders),
        "uv_value": ratio_json(gmv, uv),
        "gpm": ratio_json(gmv * 1000, pv),
        "new_followers": sum(r.new_followers for r in rows),
        "ad_spend": money_json(ad_spend),
        "paid_roi": ratio_json(gmv, ad_spend),
        "avg_watch_seconds": watch_seconds,
        "duration_minutes": PLANNED_MINUTES,
        "gmv_target": float(GMV_TARGET),
        "gmv_attainment": ratio_json(gmv, GMV_TARGET),
        "refund_amount": money_json(refund_amount),
        "refund_rate": ratio_json(refund_amount, gmv),
        "seeding_conversion_rate": None,
        "gmv_from_orders": None,
    }
    expected = {
        "case": "Douyin 电商罗盘: 核心指标 (labels in column B, no 整场 marker) + per-minute trend + product list",
        "stream": stream_json(),
        "files": {"core": core_name, "trend": trend_name, "products": products_name},
        "figures": figures,
        "sources": {  # which file each figure must come from when all three are imported
            "gmv": core_name,
            "orders": core_name,
            "buyers": core_name,
            "units": core_name,
            "uv": core_name,
            "pv": trend_name,  # the core sheet states it rounded (万)
            "peak_online": trend_name,
            "avg_online": trend_name,  # the core sheet states it rounded to a whole viewer
            "new_followers": trend_name,
            "ad_spend": core_name,  # includes the warm-up spend no minute holds
            "avg_watch_seconds": core_name,
            "duration_minutes": core_name,
            "refund_amount": core_name,
        },
        "core_only": {  # 核心指标 alone: its own figures, PV as stated (rounded)
            "gmv": money_json(gmv),
            "orders": orders,
            "buyers": buyers,
            "units": units,
            "uv": uv,
            "pv": int(Decimal(pv_stated.removesuffix("万")) * 10000),
            "avg_online": int(avg_online.to_integral_value(ROUND_HALF_UP)),
            "ad_spend": money_json(ad_spend),
            "refund_amount": money_json(refund_amount),
            "avg_watch_seconds": watch_seconds,
            "duration_minutes": PLANNED_MINUTES,
        },
        "trend_only": {  # the per-minute file alone: exact sums of its minutes
            "gmv": money_json(trend_gmv),
            "orders": trend_orders,
            "pv": pv,
            "ad_spend": money_json(trend_ad_spend),  # 千川消耗 per minute is ad spend
            "new_followers": sum(r.new_followers for r in rows),
            "peak_online": max(r.online for r in rows),
            "avg_online": money_json(avg_online),  # the exact mean, to the cent as stored
        },
        "peak_minute": PEAK_MINUTE,
        "peak_online": rows[PEAK_MINUTE].online,
        "valley_minute": VALLEY_MINUTE,
        "valley_online": rows[VALLEY_MINUTE].online,
        "products": products,
        "unused_columns": {
            core_name: [],
            trend_name: [],
            products_name: [{"sheet": products_sheet, "column": "讲解次数"}],
        },
    }
    save_json(expected, folder / "expected.json")


def stream_json(start: dt.datetime = STREAM_START, minutes: int = PLANNED_MINUTES) -> dict[str, object]:
    return {
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "zone": "Asia/Shanghai",
        "planned_minutes": minutes,
        "gmv_target": float(GMV_TARGET),
    }


# ---------------------------------------------------------------- case: orders


ORDER_COLUMNS = (
    "主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商家编码", "订单应付金额", "运费",
    "订单提交时间", "订单完成时间", "订单状态", "售后状态", "取消原因", "流量体裁", "流量来源",
    "收件人", "收件人手机号", "详细地址",
)  # fmt: skip
RECEIVER_COLUMNS = ("收件人", "收件人手机号", "详细地址")
PAID_STATUSES = ("已完成", "已完成", "已完成", "已发货", "待发货")
NO_AFTER_SALE = "-"


@dataclass
class Order:
    order_id: int
    sub_order_id: int
    product: int
    quantity: int
    amount: Decimal
    submitted: dt.datetime
    status: str
    after_sale: str
    cancel_reason: str
    channel: str  # 流量体裁
    source: str  # 流量来源

    @property
    def paid(self) -> bool:
        """The platform's 成交: paid, including orders refunded after payment."""
        if self.status in ("待支付", "未支付"):
            return False
        if self.status == "已关闭":
            return self.after_sale == "退款成功" and not self.cancel_reason
        return True

    @property
    def refunded(self) -> bool:
        return self.status == "已关闭" and self.after_sale == "退款成功" and not self.cancel_reason


def classify(order: Order, start: dt.datetime, end: dt.datetime) -> str:
    """counted, or the reason it is left out: unpaid, not_live, outside_window (each fixture order fails one rule)."""
    if not order.paid:
        return "unpaid"
    if order.channel != "直播":
        return "not_live"
    if not start <= order.submitted <= end + GRACE:
        return "outside_window"
    return "counted"


def make_orders(rng: random.Random) -> list[Order]:
    next_id = [6_928_400_012_345_610_000]

    def new_id() -> int:
        # 抖店 ids are 19 digits and close together: the last 4 digits are what Excel's 15 significant digits lose
        next_id[0] += rng.randint(3, 900)
        return next_id[0]

    def order(
        submitted: dt.datetime,
        status: str = "",
        after_sale: str = NO_AFTER_SALE,
        cancel_reason: str = "",
        channel: str = "直播",
    ) -> Order:
        product = rng.choices(range(len(PRODUCTS)), weights=PRODUCT_WEIGHTS)[0]
        quantity = rng.choice((1, 1, 1, 2, 3))
        amount = PRODUCTS[product][1] * quantity
        if amount > 100 and rng.random() < 0.3:
            amount -= Decimal(rng.choice((5, 10, 20)))  # a coupon
        main = new_id()
        source = {"直播": rng.choice(("自然流量", "千川推广")), "商品卡": "商品卡-搜索", "短视频": "短视频"}[channel]
        return Order(
            main, main + 1, product, quantity, amount, submitted, status or rng.choice(PAID_STATUSES),
            after_sale, cancel_reason, channel, source,
        )  # fmt: skip

    def during(first: dt.datetime, last: dt.datetime) -> dt.datetime:
        return first + dt.timedelta(seconds=rng.randint(0, int((last - first).total_seconds())))

    start = STREAM_START
    end = start + dt.timedelta(minutes=PLANNED_MINUTES)
    at = dt.datetime.combine
    day = start.date()
    orders = [order(during(start, end)) for _ in range(150)]  # paid, live, during the stream
    orders += [order(start)]  # submitted at the very start: in the window
    # paid live orders in the grace half hour after the planned end; the last one just inside it
    orders += [order(at(day, dt.time(23, m, s))) for m, s in ((4, 10), (12, 55), (21, 3), (29, 40))]
    # refunded after payment: 已关闭, 售后 退款成功, no 取消原因 — 成交, in GMV and in the refunds
    orders += [order(during(start, end), "已关闭", "退款成功") for _ in range(12)]
    # never paid
    orders += [order(during(start, end), "待支付") for _ in range(6)]
    orders += [
        order(during(start, end), "已关闭", NO_AFTER_SALE, reason)
        for reason in ("超时未支付", "买家取消订单", "拍错/多拍", "超时未支付", "不想要了", "超时未支付", "地址填错了", "超时未支付")
    ]
    # paid, in the window, but not from the live room
    orders += [order(during(start, end), channel="商品卡") for _ in range(10)]
    orders += [order(during(start, end), channel="短视频") for _ in range(6)]
    # paid live orders outside the window: before the start, and after the end's grace
    orders += [order(at(day, dt.time(19, m, s))) for m, s in ((40, 2), (47, 31), (52, 0), (58, 14), (59, 48))]
    orders += [order(at(day, dt.time(23, m, s))) for m, s in ((30, 20), (41, 7), (55, 0))]
    orders += [order(at(day + dt.timedelta(days=1), dt.time(0, 5, 33)))]
    rng.shuffle(orders)
    return orders


def order_window_summary(orders: Sequence[Order], end: dt.datetime) -> dict[str, object]:
    verdicts = [classify(o, STREAM_START, end) for o in orders]
    counted = [o for o, v in zip(orders, verdicts, strict=True) if v == "counted"]
    gmv = sum((o.amount for o in counted), Decimal(0))
    refunds = sum((o.amount for o in counted if o.refunded), Decimal(0))
    return {
        "gmv": money_json(gmv),
        "orders": len(counted),
        "units": sum(o.quantity for o in counted),
        "refund_amount": money_json(refunds),
        "refund_rate": ratio_json(refunds, gmv),
        "counted": len(counted),
        "excluded": {reason: verdicts.count(reason) for reason in ("unpaid", "not_live", "outside_window")},
        "window": [beijing(STREAM_START), beijing(end + GRACE)],
    }


def masked(rng: random.Random) -> str:
    return "#" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(12)) + "##密文"


def order_cells(order: Order, rng: random.Random) -> list[object]:
    title = PRODUCTS[order.product][0]
    done = order.submitted + dt.timedelta(days=3) if order.status == "已完成" else None
    return [
        title,
        "默认规格",
        order.quantity,
        f"LD-{order.product + 1:03d}",
        f"{order.amount:.2f}",
        "0.00",
        beijing(order.submitted),
        beijing(done) if done else "",
        order.status,
        order.after_sale,
        order.cancel_reason,
        order.channel,
        order.source,
        masked(rng),
        masked(rng),
        masked(rng),
    ]


def excel_cells(cells: list[object]) -> list[object]:
    """The order's other cells as Excel re-saves a CSV: amounts become numbers, times become dates."""
    saved: list[object] = []
    for index, value in enumerate(cells):
        column = ORDER_COLUMNS[index + 2]
        if column in ("订单应付金额", "运费"):
            value = float(Decimal(str(value)))
        elif column in ("订单提交时间", "订单完成时间"):
            value = dt.datetime.strptime(str(value), "%Y-%m-%d %H:%M:%S") if value else None
        saved.append(value)
    return saved


def excel_float(number: int) -> float:
    """What Excel keeps of a 19-digit number typed into a cell: 15 significant digits."""
    return float(f"{number:.14e}")


def make_orders_case(rng: random.Random, folder: Path) -> None:
    csv_name, floats_name = "抖店_订单导出.csv", "orders_floats.xlsx"
    orders = make_orders(rng)
    table: list[list[object]] = [list(ORDER_COLUMNS)]
    book = Workbook()
    sheet = book.active
    sheet.title = "订单列表"
    sheet.append(list(ORDER_COLUMNS))
    for o in orders:
        cells = order_cells(o, rng)
        table.append([f"\t{o.order_id}", f"\t{o.sub_order_id}", *cells])  # the tab keeps Excel from making floats
        sheet.append([excel_float(o.order_id), excel_float(o.sub_order_id), *excel_cells(cells)])
    save_csv(table, folder / csv_name)
    save_workbook(book, folder / floats_name)

    float_ids = [excel_float(o.order_id) for o in orders]
    planned_end = STREAM_START + dt.timedelta(minutes=PLANNED_MINUTES)
    short_minutes = 150
    short_end = STREAM_START + dt.timedelta(minutes=short_minutes)
    expected = {
        "case": "抖店 订单导出: one order for each rule of the platform's 成交 and the live window",
        "stream": stream_json(),
        "files": {"orders": csv_name, "floats": floats_name},
        "rows": len(orders),
        "receiver_columns": list(RECEIVER_COLUMNS),
        "rule_columns": ["主订单编号", "订单应付金额", "订单提交时间", "订单状态", "售后状态", "取消原因", "流量体裁"],
        # orders alone into the stream planned 20:00-23:00: the window is [start, planned end + 30 min]
        **order_window_summary(orders, planned_end),
        "short_plan": {
            "note": "the stream planned for 150 minutes; the 罗盘 core sheet of ../luopan says it ran 180",
            "planned_minutes": short_minutes,
            "actual_end_from": "../luopan/罗盘_核心指标.xlsx",
            # orders alone: no export gives the duration, so the planned end counts
            "alone": order_window_summary(orders, short_end),
            # with the core sheet (直播结束时间 23:00): the actual end counts, as in the 180-minute plan
            "with_actual_end": order_window_summary(orders, planned_end),
        },
        "floats": {
            "refused": True,
            "message_contains": "CSV",
            "ids_at_least": 2**53,
            "distinct_ids": len(orders),
            "distinct_after_excel": len(set(float_ids)),
        },
    }
    assert expected["floats"]["distinct_after_excel"] < len(orders)  # Excel's rounding made duplicates
    assert min(float_ids) >= 2**53
    save_json(expected, folder / "expected.json")


# ---------------------------------------------------------------- case: taobao_sessions


def make_taobao(rng: random.Random, folder: Path) -> None:
    name, sheet_name = "淘宝直播_场次列表.xlsx", "场次列表"
    sessions = [  # newest first, as the list shows them: the stream's session is the second row
        (dt.datetime(2026, 11, 22, 20, 0, 8), "周末宠粉专场"),
        (dt.datetime(2026, 11, 20, 20, 0, 21), "冬季焕新专场"),
        (dt.datetime(2026, 11, 18, 19, 30, 5), "新品预告场"),
    ]
    columns = [
        "开播时间", "场次标题", "直播间浏览人数", "直播间浏览次数", "种草成交金额", "种草成交人数", "种草成交笔数",
        "商品点击人数", "种草成交转化率", "人均停留时长(秒)", "开播时长(分钟)", "新增粉丝量",
    ]  # fmt: skip
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name
    sheet.append(columns)
    stated = []
    for started, title in sessions:
        uv = rng.randint(14000, 26000)
        pv = int(uv * rng.uniform(1.3, 1.7))
        clicks = int(uv * rng.uniform(0.4, 0.6))
        buyers = rng.randint(380, 720)
        orders = buyers + rng.randint(20, 90)
        gmv = cents(Decimal(rng.randint(12_000_000, 24_000_000)) / 100)
        rate_text = f"{Decimal(buyers) / Decimal(clicks) * 100:.2f}%"
        row = {
            "started": started, "title": title, "uv": uv, "pv": pv, "gmv": gmv, "buyers": buyers, "orders": orders,
            "clicks": clicks, "rate_text": rate_text, "stay": rng.randint(90, 200),
            "minutes": rng.randint(150, 190), "followers": rng.randint(200, 700),
        }  # fmt: skip
        stated.append(row)
        sheet.append(
            [
                started, title, uv, pv, float(gmv), buyers, orders, clicks, rate_text, row["stay"], row["minutes"],
                row["followers"],
            ]
        )  # fmt: skip
        sheet.cell(row=sheet.max_row, column=1).number_format = "yyyy-mm-dd hh:mm:ss"
    save_workbook(book, folder / name)

    ours = stated[1]
    gmv, uv, pv, buyers, orders = ours["gmv"], ours["uv"], ours["pv"], ours["buyers"], ours["orders"]
    expected = {
        "case": "Taobao 场次列表: three sessions on three days; the stream's is the second row",
        "stream": stream_json(),
        "files": {"sessions": name},
        "session": ours["started"].strftime("%Y-%m-%d %H:%M"),
        "session_title": ours["title"],
        "sessions_found": [s["started"].strftime("%Y-%m-%d %H:%M") for s in stated],
        "refusal_stream_start": "2026-11-25 20:00",  # a stream with no session in its slot
        "figures": {
            "gmv": money_json(gmv),
            "orders": orders,
            "buyers": buyers,
            "uv": uv,
            "pv": pv,
            "conversion_rate": ratio_json(buyers, uv),
            "aov_per_buyer": ratio_json(gmv, buyers),
            "avg_order_amount": ratio_json(gmv, orders),
            "uv_value": ratio_json(gmv, uv),
            "gpm": ratio_json(gmv * 1000, pv),
            "new_followers": ours["followers"],
            "avg_watch_seconds": ours["stay"],
            "duration_minutes": ours["minutes"],
            "gmv_attainment": ratio_json(gmv, GMV_TARGET),
            # Taobao's own ratio, buyers / 商品点击人数, as stated (rounded to 0.01%): its own figure, not ours
            "seeding_conversion_rate": float(Decimal(ours["rate_text"].removesuffix("%")) / 100),
            "gmv_from_orders": None,
        },
        "conversion_rate_basis": "buyers / UV",
    }
    save_json(expected, folder / "expected.json")


# ---------------------------------------------------------------- case: wrong_day


def make_wrong_day(rng: random.Random, folder: Path) -> None:
    name = "罗盘_分钟趋势_1118.csv"
    file_start = dt.datetime(2026, 11, 18, 20, 0)
    rows, _sales = make_session(rng, file_start, PLANNED_MINUTES)
    save_csv(trend_rows(rows), folder / name)
    expected = {
        "case": "a per-minute trend of 2026-11-18 brought to the 2026-11-20 stream: refused, naming both dates",
        "stream": stream_json(),
        "files": {"trend": name},
        "refused": True,
        "exit_code": 3,
        "file_date": file_start.strftime("%Y-%m-%d"),
        "stream_date": STREAM_START.strftime("%Y-%m-%d"),
    }
    save_json(expected, folder / "expected.json")


# ---------------------------------------------------------------- main


CASES: dict[str, Callable[[random.Random, Path], None]] = {
    "luopan": make_luopan,
    "orders": make_orders_case,
    "taobao_sessions": make_taobao,
    "wrong_day": make_wrong_day,
}


def generate(out: Path = OUT) -> list[Path]:
    """Write every case into out/<case>/ (replacing what was there); return the files written."""
    written: list[Path] = []
    for case, make in CASES.items():
        folder = out / case
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        make(random.Random(f"{SEED}-{case}"), folder)
        written += sorted(folder.iterdir())
    return written


def main() -> int:
    for path in generate():
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
