"""The written review (复盘 / 场报) as a formatted Excel workbook. No Qt here: charts arrive as PNG bytes.

Sheets: 汇总 Summary (KPIs against goals, each ratio naming its basis), 曲线 Curve (per minute),
商品 Products (ranked by GMV, click rate below 3% filled), 关键时刻 Moments, 改进清单 Improvements and
复盘 Debrief. Numbers are stored as numbers with ¥ / % formats, so the sheet can be recalculated; text
that a spreadsheet would run as a formula (= + - @, tab, CR) is stored as text with a quote prefix.
The file is written to a temporary file next to the target and then moved into place.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import struct
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from livedesk.services import metrics
from livedesk.services.exporters.cells import set_text

SHEET_SUMMARY = "汇总 Summary"
SHEET_CURVE = "曲线 Curve"
SHEET_PRODUCTS = "商品 Products"
SHEET_MOMENTS = "关键时刻 Moments"
SHEET_IMPROVEMENTS = "改进清单 Improvements"
SHEET_DEBRIEF = "复盘 Debrief"
SHEETS = (SHEET_SUMMARY, SHEET_CURVE, SHEET_PRODUCTS, SHEET_MOMENTS, SHEET_IMPROVEMENTS, SHEET_DEBRIEF)

FORMATS = {
    "money": '"¥"#,##0.00',
    "count": "#,##0",
    "rate": "0.00%",
    "ratio": "0.00",
    "decimal": "#,##0.0",
    "seconds": '0" 秒"',
    "minutes": '0" 分钟"',
    "minute": "0.##",
}

PLATFORM_NAMES = {
    "douyin": "抖音",
    "kuaishou": "快手",
    "taobao": "淘宝直播",
    "channels": "视频号",
    "wechat_channels": "视频号",
    "xiaohongshu": "小红书",
}

HEADER_FILL = "4F6D8F"
LOW_CLICK_FILL = "FDE2E1"
TITLE_SIZE = 14


@dataclass(frozen=True)
class KpiDef:
    key: str  # key in review_summary()
    label: str
    kind: str  # a FORMATS key
    basis: str  # how the figure is computed, with the denominator named
    target_key: str | None = None  # key in stream_info holding the goal


KPIS: tuple[KpiDef, ...] = (
    KpiDef("gmv", "成交金额 GMV", "money", "已支付订单金额合计 (sum of paid orders)", "gmv_target"),
    KpiDef("orders", "成交订单数 Orders", "count", "已支付订单数 (paid orders)"),
    KpiDef("buyers", "成交人数 Buyers", "count", "下单并支付的人数 (people)"),
    KpiDef("uv", "观看人数 UV", "count", "去重观看人数 (unique viewers)", "viewers_target"),
    KpiDef("pv", "观看次数 PV", "count", "观看次数, 一人可多次 (views)"),
    KpiDef("peak_online", "峰值在线 Peak online", "count", "在线人数曲线最大值 (max of the curve)",
           "peak_online_target"),
    KpiDef("avg_online", "平均在线 Average online", "decimal", "在线人数曲线平均值 (mean of the curve)"),
    KpiDef("conversion_rate", "转化率 Conversion", "rate", "成交人数 / 观看人数 (buyers / UV, people basis)",
           "conversion_target"),
    KpiDef("aov_per_buyer", "成交客单价 AOV per buyer", "money", "成交金额 / 成交人数 (GMV / buyers)"),
    KpiDef("avg_order_amount", "成交订单单价 Avg order", "money", "成交金额 / 成交订单数 (GMV / orders)"),
    KpiDef("uv_value", "UV价值 UV value", "money", "成交金额 / 观看人数 (GMV / UV)"),
    KpiDef("gpm", "千次观看成交 GPM", "money", "成交金额 / 观看次数 × 1000 (GMV / PV × 1000, views basis)"),
    KpiDef("new_followers", "新增粉丝 New followers", "count", "本场新增关注人数 (people)", "new_followers_target"),
    KpiDef("ad_spend", "投放消耗 Ad spend", "money", "千川等付费投放消耗 (paid traffic spend)"),
    KpiDef("paid_roi", "投放ROI Paid ROI", "ratio", "成交金额 / 投放消耗 (GMV / ad spend); 健康值 > 3"),
    KpiDef("avg_watch_seconds", "平均观看时长 Avg watch time", "seconds", "总观看时长 / 观看人数 (per UV)"),
    KpiDef("duration_minutes", "直播时长 Duration", "minutes", "实际开播到下播 (actual length)"),
)

CURVE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("minute", "分钟 Minute", "minute"),
    ("time", "时间 Time", "text"),
    ("online", "在线人数 Online", "count"),
    ("entries", "进入人数 Entries", "count"),
    ("leaves", "离开人数 Leaves", "count"),
    ("gmv", "成交金额 GMV", "money"),
    ("gmv_total", "累计成交 Cumulative GMV", "money"),
    ("orders", "成交订单数 Orders", "count"),
    ("comments", "评论次数 Comments", "count"),
    ("new_followers", "新增粉丝 New followers", "count"),
    ("fan_club_joins", "新加直播团 Fan-club joins", "count"),
    ("segment", "环节 Segment", "text"),
)

PRODUCT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("rank", "排名 Rank", "count"),
    ("name", "商品 Product", "text"),
    ("product_id", "商品ID Product ID", "text"),
    ("exposure_users", "曝光人数 Exposure users", "count"),
    ("click_users", "点击人数 Click users", "count"),
    ("click_rate", "点击率 Click rate (点击人数/曝光人数)", "rate"),
    ("buyers", "成交人数 Buyers", "count"),
    ("product_conversion", "点击转化率 Conversion (成交人数/点击人数)", "rate"),
    ("orders", "成交订单数 Orders", "count"),
    ("gmv", "成交金额 GMV", "money"),
    ("gmv_share", "GMV占比 Share of GMV", "rate"),
    ("flag", "提示 Flag", "text"),
)

MOMENT_KINDS = {"peak": "峰值 Peak", "valley": "谷值 Valley"}
DEBRIEF_LABELS = (
    ("highlights", "亮点 Highlights"),
    ("problems", "问题 Problems"),
    ("root_cause", "根因 (5 Whys) Root cause"),
)
CHART_TITLES = {"online": "在线人数与环节 Online viewers and segments", "gmv": "成交金额 GMV per minute and cumulative"}
LOW_CLICK_NOTE = "点击率低于3%, 考虑淘汰 (click rate < 3%)"


# ---------------------------------------------------------------- data shaping (shared with the PDF)


def _get(item: Any, name: str, default: Any = None) -> Any:
    if isinstance(item, Mapping):
        return item.get(name, default)
    return getattr(item, name, default)


def _number(value: Any) -> Decimal | int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, Decimal)):
        return value
    return Decimal(str(value))


def kpi_rows(summary: Mapping[str, Any], stream_info: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row per KPI: label, actual, goal, attainment (actual / goal), format kind and basis."""
    rows = []
    for kpi in KPIS:
        actual = _number(summary.get(kpi.key))
        target = None
        if kpi.target_key:
            target = _number(stream_info.get(kpi.target_key, summary.get(kpi.target_key)))
        if kpi.key == "gmv" and summary.get("gmv_attainment") is not None:
            reached = _number(summary.get("gmv_attainment"))
        else:
            reached = metrics.attainment(actual, target)
        basis = kpi.basis
        source = (summary.get("sources") or {}).get(kpi.key)
        if source and actual is not None:
            basis = f"{basis} · 来源 Source: {source}" if basis else f"来源 Source: {source}"
        rows.append(
            {"key": kpi.key, "label": kpi.label, "actual": actual, "target": target, "attainment": reached,
             "kind": kpi.kind, "basis": basis}
        )
    return rows


def ranked_products(products: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Products by GMV (largest first, unknown last), with rank, click rate, conversion, share and flags."""
    items = [dict(p) for p in products]
    total = sum((_number(p.get("gmv")) or 0) for p in items)
    items.sort(key=lambda p: (_number(p.get("gmv")) is None, -(_number(p.get("gmv")) or 0)))
    out = []
    for rank, p in enumerate(items, start=1):
        rate = p.get("click_rate")
        if rate is None:
            rate = metrics.click_rate(p.get("click_users"), p.get("exposure_users"))
        rate = _number(rate)
        low = rate is not None and rate < metrics.LOW_CLICK_RATE
        out.append(
            {
                **p,
                "rank": rank,
                "click_rate": rate,
                "product_conversion": metrics.product_conversion(p.get("buyers"), p.get("click_users")),
                "gmv_share": metrics.ratio(_number(p.get("gmv")), total) if total else None,
                "low_click": low,
                "flag": LOW_CLICK_NOTE if low else "",
            }
        )
    return out


def platform_name(code: str | None) -> str:
    return PLATFORM_NAMES.get(code or "", code or "")


def format_start(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return (value.astimezone() if value.tzinfo else value).strftime("%Y-%m-%d %H:%M")
    return "" if value is None else str(value)


def format_value(value: Any, kind: str) -> str:
    """A figure as text for the PDF ("—" when unknown)."""
    if value is None:
        return "—"
    if kind == "money":
        return f"¥{float(value):,.2f}"
    if kind == "rate":
        return f"{float(value) * 100:.2f}%"
    if kind == "ratio":
        return f"{float(value):.2f}"
    if kind == "decimal":
        return f"{float(value):,.1f}"
    if kind == "seconds":
        minutes, seconds = divmod(int(value), 60)
        return f"{minutes}分{seconds:02d}秒" if minutes else f"{seconds}秒"
    if kind == "minutes":
        return f"{int(value)} 分钟"
    if kind == "minute":
        return f"{float(value):g}"
    if kind == "count":
        return f"{int(value):,}"
    return str(value)


# ---------------------------------------------------------------- workbook


def write_review_xlsx(
    summary: Mapping[str, Any],
    stream_info: Mapping[str, Any],
    curve_rows: Iterable[Mapping[str, Any] | Any],
    moments: Iterable[Mapping[str, Any] | Any],
    improvements: Iterable[Mapping[str, Any] | Any],
    debrief: Mapping[str, str],
    out_path: str | os.PathLike[str],
    chart_pngs: Mapping[str, bytes] | None = None,
) -> Path:
    """Write the review workbook and return its path.

    `summary` is review_summary(); `stream_info` holds title, start (aware datetime), platform, account,
    planned_minutes and the goals (gmv_target, viewers_target, peak_online_target, conversion_target,
    new_followers_target). Rows may be mappings or objects with the same attribute names:
    curve rows (minute, time, online, entries, leaves, gmv, gmv_total, orders, comments, new_followers,
    fan_club_joins, segment), moments (kind, minute, at, online, segment, note) and improvements
    (text, owner, due_date, done). `chart_pngs` maps a chart key ("online", "gmv", …) to PNG bytes.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    summary_sheet = workbook.active
    summary_sheet.title = SHEET_SUMMARY
    _write_summary(summary_sheet, summary, stream_info, chart_pngs or {})
    _write_table(workbook.create_sheet(SHEET_CURVE), CURVE_COLUMNS, [_curve_values(r) for r in curve_rows],
                 widths={"time": 18, "segment": 26})
    products = ranked_products(summary.get("products") or [])
    _write_table(
        workbook.create_sheet(SHEET_PRODUCTS), PRODUCT_COLUMNS, products,
        widths={"name": 30, "product_id": 20, "flag": 34},
        highlight=lambda row: row.get("low_click", False),
    )
    moment_rows = [
        {
            "kind": MOMENT_KINDS.get(_get(m, "kind"), _get(m, "kind")),
            "minute": _get(m, "minute"),
            "time": format_start(_get(m, "at")) if _get(m, "at") else "",
            "online": _get(m, "online"),
            "segment": _get(m, "segment") or "",
            "note": _get(m, "note") or "",
        }
        for m in moments
    ]
    _write_table(
        workbook.create_sheet(SHEET_MOMENTS),
        (("kind", "类型 Kind", "text"), ("minute", "分钟 Minute", "minute"), ("time", "时间 Time", "text"),
         ("online", "在线人数 Online", "count"), ("segment", "环节 Segment", "text"), ("note", "原因/备注 Note", "text")),
        moment_rows, widths={"time": 18, "segment": 26, "note": 50},
    )
    improvement_rows = [
        {
            "number": i,
            "text": _get(item, "text") or "",
            "owner": _get(item, "owner") or "",
            "due_date": _get(item, "due_date"),
            "done": "已完成 Done" if _get(item, "done") else "待办 Open",
        }
        for i, item in enumerate(improvements, start=1)
    ]
    _write_table(
        workbook.create_sheet(SHEET_IMPROVEMENTS),
        (("number", "序号 No.", "count"), ("text", "改进事项 Item", "text"), ("owner", "负责人 Owner", "text"),
         ("due_date", "截止日期 Due", "date"), ("done", "状态 Status", "text")),
        improvement_rows, widths={"text": 60, "owner": 14, "due_date": 14, "done": 14},
    )
    _write_debrief(workbook.create_sheet(SHEET_DEBRIEF), debrief)
    return _save_atomically(workbook, Path(out_path))


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="D0D7DE")
    return {
        "header_font": Font(bold=True, color="FFFFFF"),
        "header_fill": PatternFill("solid", fgColor=HEADER_FILL),
        "header_align": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "low_fill": PatternFill("solid", fgColor=LOW_CLICK_FILL),
        "title_font": Font(bold=True, size=TITLE_SIZE),
        "muted": Font(color="6B7280"),
        "label_font": Font(bold=True, color="1F2937"),
    }


def _set(cell, value: Any, kind: str = "text") -> None:
    """Store a value: numbers with their format, text always as text (never a formula)."""
    if value is None or value == "":
        cell.value = None
        return
    if kind == "text" or isinstance(value, str):
        set_text(cell, value)
        return
    if kind == "date":
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
        return
    if isinstance(value, float):
        value = Decimal(str(value))
    cell.value = value
    cell.number_format = FORMATS.get(kind, "General")


def _header(sheet, row: int, labels: Sequence[str], styles: dict[str, Any]) -> None:
    for column, label in enumerate(labels, start=1):
        cell = sheet.cell(row=row, column=column)
        _set(cell, label)
        cell.font, cell.fill, cell.alignment = styles["header_font"], styles["header_fill"], styles["header_align"]
        cell.border = styles["border"]
    sheet.row_dimensions[row].height = 32


def _write_summary(sheet, summary: Mapping[str, Any], info: Mapping[str, Any], charts: Mapping[str, bytes]) -> None:
    from openpyxl.styles import Font

    styles = _styles()
    title = str(info.get("title") or "")
    _set(sheet.cell(row=1, column=1), f"直播复盘报告 Stream review · {title}" if title else "直播复盘报告 Stream review")
    sheet.cell(row=1, column=1).font = styles["title_font"]
    details = [
        f"开播 Start: {format_start(info.get('start'))}",
        f"平台 Platform: {platform_name(info.get('platform'))}",
    ]
    if info.get("account"):
        details.append(f"账号 Account: {info['account']}")
    if info.get("planned_minutes"):
        details.append(f"计划时长 Planned: {info['planned_minutes']} 分钟")
    _set(sheet.cell(row=2, column=1), "    ".join(details))
    sheet.cell(row=2, column=1).font = styles["muted"]
    header_row = 4
    _header(sheet, header_row, ["指标 Metric", "实际 Actual", "目标 Goal", "达成率 Attainment", "口径 Basis"], styles)
    for offset, kpi in enumerate(kpi_rows(summary, info), start=1):
        row = header_row + offset
        cells = [sheet.cell(row=row, column=c) for c in range(1, 6)]
        _set(cells[0], kpi["label"])
        cells[0].font = Font(bold=True)
        _set(cells[1], kpi["actual"], kpi["kind"])
        _set(cells[2], kpi["target"], kpi["kind"])
        _set(cells[3], kpi["attainment"], "rate")
        _set(cells[4], kpi["basis"])
        cells[4].font = styles["muted"]
        for cell in cells:
            cell.border = styles["border"]
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    for letter, width in zip("ABCDE", (28, 16, 16, 14, 52), strict=True):
        sheet.column_dimensions[letter].width = width
    _add_charts(sheet, charts, anchor_column="G")


def png_image(png: bytes):
    """An openpyxl image from PNG bytes, without Pillow (openpyxl's own Image needs it only to read the size)."""
    from openpyxl.drawing.image import Image

    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")

    class _PngImage(Image):
        def __init__(self, data: bytes) -> None:  # noqa: D107 - no call to Image.__init__, which needs Pillow
            self.ref = io.BytesIO(data)
            self.width, self.height = struct.unpack(">II", data[16:24])
            self.format = "png"
            self._bytes = data

        def _data(self) -> bytes:
            return self._bytes

    return _PngImage(png)


def _add_charts(sheet, charts: Mapping[str, bytes], anchor_column: str) -> None:
    row = 1
    for key, png in charts.items():
        if not png:
            continue
        image = png_image(png)
        scale = min(1.0, 760 / image.width) if image.width else 1.0
        image.width, image.height = int(image.width * scale), int(image.height * scale)
        _set(sheet[f"{anchor_column}{row}"], CHART_TITLES.get(key, key))
        sheet[f"{anchor_column}{row}"].font = _styles()["label_font"]
        sheet.add_image(image, f"{anchor_column}{row + 1}")
        row += 2 + int(image.height / 20) + 1  # default row height is 15 pt = 20 px


def _write_table(
    sheet,
    columns: Sequence[tuple[str, str, str]],
    rows: Iterable[Mapping[str, Any]],
    widths: Mapping[str, int] | None = None,
    highlight=None,
) -> None:
    from openpyxl.utils import get_column_letter

    styles = _styles()
    _header(sheet, 1, [label for _key, label, _kind in columns], styles)
    count = 0
    for r, values in enumerate(rows, start=2):
        count += 1
        fill = styles["low_fill"] if highlight is not None and highlight(values) else None
        for c, (key, _label, kind) in enumerate(columns, start=1):
            cell = sheet.cell(row=r, column=c)
            value = values.get(key)
            _set(cell, value, kind)
            if kind == "text" and isinstance(value, str) and ("\n" in value or len(value) > 40):
                cell.alignment = styles["wrap"]
            if fill is not None:
                cell.fill = fill
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    if count:
        sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    for c, (key, label, _kind) in enumerate(columns, start=1):
        width = (widths or {}).get(key) or max(10, min(24, len(label) + 2))
        sheet.column_dimensions[get_column_letter(c)].width = width


def _curve_values(row: Mapping[str, Any] | Any) -> dict[str, Any]:
    values = {key: _get(row, key) for key, _label, _kind in CURVE_COLUMNS}
    at = values.get("time")
    if isinstance(at, dt.datetime):
        values["time"] = (at.astimezone() if at.tzinfo else at).strftime("%Y-%m-%d %H:%M")
    return values


def _write_debrief(sheet, debrief: Mapping[str, str]) -> None:
    styles = _styles()
    _header(sheet, 1, ["项目 Part", "内容 Text"], styles)
    for r, (key, label) in enumerate(DEBRIEF_LABELS, start=2):
        head = sheet.cell(row=r, column=1)
        _set(head, label)
        head.font = styles["label_font"]
        head.alignment = styles["wrap"]
        text = (debrief.get(key) or "").strip()
        cell = sheet.cell(row=r, column=2)
        _set(cell, text)
        cell.alignment = styles["wrap"]
        lines = sum(max(1, len(line) // 45 + 1) for line in text.splitlines()) if text else 1
        sheet.row_dimensions[r].height = min(409, max(30, 16 * lines))
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100


def _save_atomically(workbook, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx.tmp", dir=path.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        workbook.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


__all__ = [
    "KPIS",
    "SHEETS",
    "format_value",
    "kpi_rows",
    "platform_name",
    "ranked_products",
    "write_review_xlsx",
]
