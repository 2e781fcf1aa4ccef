"""The written review (复盘 / 场报) as a formatted Excel workbook. No Qt here: charts arrive as PNG bytes.

Sheets: 汇总 Summary (KPIs against goals, each ratio naming its basis), 曲线 Curve (per minute),
商品 Products (ranked by GMV, a click rate below the preference's floor filled), 关键时刻 Moments, 改进清单 Improvements and
复盘 Debrief. Numbers are stored as numbers with ¥ / % formats, so the sheet can be recalculated; text
that a spreadsheet would run as a formula (= + - @, tab, CR) is stored as text with a quote prefix.
The file is written to a temporary file next to the target and then moved into place.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import struct
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from livedesk.services import metrics
from livedesk.services.exporters.cells import set_text
from livedesk.services.files import atomic_write
from livedesk.services.messages import translate
from livedesk.services.review_model import KpiDef, kpi_table, low_click_rate_of, rate_text

SHEET_KEYS = ("summary", "curve", "products", "moments", "improvements", "debrief")

FORMATS = {
    "money": '"¥"#,##0.00',
    "count": "#,##0",
    "rate": "0.00%",
    "ratio": "0.00",
    "decimal": "#,##0.0",
    "minute": "0.##",
}

PLATFORM_CODES = ("douyin", "kuaishou", "taobao", "channels", "wechat_channels", "xiaohongshu")

HEADER_FILL = "4F6D8F"
LOW_CLICK_FILL = "FDE2E1"
TITLE_SIZE = 14
CENT = Decimal("0.01")


def sheet_titles() -> dict[str, str]:
    """Sheet names in the report's language (the installed translator's)."""
    return {
        "summary": translate("Messages", "Summary"),
        "curve": translate("Messages", "Per minute"),
        "products": translate("Messages", "Products"),
        "moments": translate("Messages", "Peaks and valleys"),
        "improvements": translate("Messages", "Improvement list"),
        "debrief": translate("Messages", "Debrief"),
    }


def report_word() -> str:
    """The word that ends a review report's file name (2026-12-04_护肤好物日常场_复盘.pdf)."""
    return translate("Messages", "review")


def safe_file_part(text: str) -> str:
    """Text usable inside a file name on Windows, macOS and Linux (no / \\ : * ? " < > |)."""
    cleaned = "".join("_" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in text).strip(" ._")
    return cleaned[:80]


def report_file_name(start: dt.datetime | dt.date | None, title: str, suffix: str = ".pdf") -> str:
    """Default file name for a stream's report: date, stream title, the word for review."""
    day = start.astimezone().date() if isinstance(start, dt.datetime) and start.tzinfo else start
    parts = [day.isoformat() if isinstance(day, (dt.date, dt.datetime)) else "", safe_file_part(title or ""),
             report_word()]
    return "_".join(p for p in parts if p) + suffix


def kpi_defs() -> tuple[KpiDef, ...]:
    """The report's figures: the review's one KPI table (services/review_model.py), as the tab lists them."""
    return kpi_table()


def curve_columns() -> tuple[tuple[str, str, str], ...]:

    return (
        ("minute", translate("Messages", "Minute"), "minute"),
        ("time", translate("Messages", "Time"), "text"),
        ("online", translate("Messages", "Online"), "count"),
        ("entries", translate("Messages", "Entries"), "count"),
        ("leaves", translate("Messages", "Leaves"), "count"),
        ("gmv", translate("Messages", "GMV"), "money"),
        ("gmv_total", translate("Messages", "Cumulative GMV"), "money"),
        ("orders", translate("Messages", "Orders"), "count"),
        ("comments", translate("Messages", "Comments"), "count"),
        ("new_followers", translate("Messages", "New followers"), "count"),
        ("fan_club_joins", translate("Messages", "Fan-club joins"), "count"),
        ("segment", translate("Messages", "Segment"), "text"),
    )


def product_columns() -> tuple[tuple[str, str, str], ...]:

    return (
        ("rank", translate("Messages", "Rank"), "count"),
        ("name", translate("Messages", "Product"), "text"),
        ("product_id", translate("Messages", "Product ID"), "text"),
        ("exposure_users", translate("Messages", "Exposure users"), "count"),
        ("click_users", translate("Messages", "Click users"), "count"),
        ("click_rate", translate("Messages", "Click rate (clicks / exposure)"), "rate"),
        ("buyers", translate("Messages", "Buyers"), "count"),
        ("product_conversion", translate("Messages", "Conversion (buyers / clicks)"), "rate"),
        ("orders", translate("Messages", "Orders"), "count"),
        ("gmv", translate("Messages", "GMV"), "money"),
        ("gmv_share", translate("Messages", "Share of GMV"), "rate"),
        ("refund_buyers", translate("Messages", "Refund buyers"), "count"),
        ("flag", translate("Messages", "Flag"), "text"),
    )


def moment_kinds() -> dict[str, str]:
    return {"peak": translate("Messages", "Peak"), "valley": translate("Messages", "Valley")}


def debrief_labels() -> tuple[tuple[str, str], ...]:
    return (
        ("highlights", translate("Messages", "Highlights")),
        ("problems", translate("Messages", "Problems")),
        ("root_cause", translate("Messages", "Root cause (5 Whys)")),
    )


def chart_titles() -> dict[str, str]:
    return {
        "online": translate("Messages", "Online viewers and segments"),
        "gmv": translate("Messages", "GMV per minute and cumulative"),
        "trend": translate("Messages", "GMV by day against goals"),
    }


def low_click_note(rate: Decimal = metrics.LOW_CLICK_RATE) -> str:
    return translate("Messages", "Click rate below {0}: consider dropping it").format(rate_text(rate))


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
    """One row per KPI: label, actual, goal, attainment (actual / goal), judgement, format kind and basis.

    `summary` is the read model's summary (ReviewModel.summary(), as `review show --json` prints it): its
    judgements were made against the goals and the user's preferences, and are taken as they are.
    """
    rows = []
    judgements = summary.get("judgements") or {}
    thresholds = summary.get("thresholds") or {}
    for kpi in kpi_table():
        actual = _number(summary.get(kpi.key))
        if kpi.optional and actual is None:
            continue
        target = None
        if kpi.goal:
            target = _number(stream_info.get(kpi.goal, summary.get(kpi.goal)))
        if kpi.key == "gmv" and summary.get("gmv_attainment") is not None:
            reached = _number(summary.get("gmv_attainment"))
        else:
            reached = metrics.attainment(actual, target)
        judged = judgements.get(kpi.key)
        good = None if judged is None else judged == "good"
        floor = _number(thresholds.get(kpi.floor)) if kpi.floor else None
        source = (summary.get("sources") or {}).get(kpi.key) if actual is not None else None
        rows.append(
            {"key": kpi.key, "label": kpi.label, "actual": actual, "target": target, "attainment": reached,
             "kind": kpi.kind, "basis": kpi.basis, "source": source or "", "good": good,
             "judgement": judgement_text(good, floor, kpi.kind)}
        )
    return rows


def judgement_text(good: bool | None, floor: Decimal | int | None, kind: str) -> str:
    """"OK", "Below the goal" or "Below ¥0.80 (preference)": why a figure is coloured as it is."""
    if good is None:
        return ""
    if good:
        return translate("Messages", "OK")
    if floor is not None:
        return translate("Messages", "Below {0} (preference)").format(format_value(floor, kind))
    return translate("Messages", "Below the goal")


def ranked_products(
    products: Iterable[Mapping[str, Any]], low_click_rate: Decimal = metrics.LOW_CLICK_RATE
) -> list[dict[str, Any]]:
    """Products by GMV (largest first, unknown last), with rank, click rate, conversion, share and flags.

    A product the read model flagged keeps its flag (judged by the user's preference, `low_click_rate`).
    """
    items = [dict(p) for p in products]
    total = sum((_number(p.get("gmv")) or 0) for p in items)
    items.sort(key=lambda p: (_number(p.get("gmv")) is None, -(_number(p.get("gmv")) or 0)))
    out = []
    for rank, p in enumerate(items, start=1):
        rate = p.get("click_rate")
        if rate is None:
            rate = metrics.click_rate(p.get("click_users"), p.get("exposure_users"))
        rate = _number(rate)
        if "flags" in p:  # judged by the read model, against the user's preference
            low = "low_click_rate" in (p.get("flags") or [])
        else:
            low = rate is not None and rate < low_click_rate
        out.append(
            {
                **p,
                "rank": rank,
                "click_rate": rate,
                "product_conversion": metrics.product_conversion(p.get("buyers"), p.get("click_users")),
                "gmv_share": metrics.ratio(_number(p.get("gmv")), total) if total else None,
                "low_click": low,
                "flag": low_click_note(low_click_rate) if low else "",
            }
        )
    return out


def platform_name(code: str | None) -> str:
    names = {
        "douyin": translate("Messages", "Douyin"),
        "kuaishou": translate("Messages", "Kuaishou"),
        "taobao": translate("Messages", "Taobao Live"),
        "channels": translate("Messages", "Channels"),
        "wechat_channels": translate("Messages", "Channels"),
        "xiaohongshu": translate("Messages", "Xiaohongshu"),
    }
    return names.get(code or "", code or "")


def money_text(value: Any) -> str:
    """Money as every money column of the report shows it: ¥32,480.27 (two decimals, always)."""
    amount = Decimal(str(value)).quantize(CENT)
    return f"-¥{-amount:,.2f}" if amount < 0 else f"¥{amount:,.2f}"


def format_start(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return (value.astimezone() if value.tzinfo else value).strftime("%Y-%m-%d %H:%M")
    return "" if value is None else str(value)


def format_value(value: Any, kind: str) -> str:
    """A figure as text for the PDF ("—" when unknown)."""
    if value is None:
        return "—"
    if kind == "money":
        return money_text(value)
    if kind == "rate":
        return f"{float(value) * 100:.2f}%"
    if kind == "ratio":
        return f"{float(value):.2f}"
    if kind == "decimal":
        return f"{float(value):,.1f}"
    if kind == "seconds":
        minutes, seconds = divmod(int(value), 60)
        if minutes:
            return translate("Messages", "{0} min {1} s").format(minutes, f"{seconds:02d}")
        return translate("Messages", "{0} s").format(seconds)
    if kind == "minutes":
        return f"{int(value)}" + translate("Messages", " min")
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

    titles = sheet_titles()
    workbook = Workbook()
    summary_sheet = workbook.active
    summary_sheet.title = titles["summary"]
    _write_summary(summary_sheet, summary, stream_info, chart_pngs or {})
    _write_table(workbook.create_sheet(titles["curve"]), curve_columns(), [_curve_values(r) for r in curve_rows],
                 widths={"time": 18, "segment": 26})
    products = ranked_products(summary.get("products") or [], low_click_rate_of(summary))
    _write_table(
        workbook.create_sheet(titles["products"]), product_columns(), products,
        widths={"name": 30, "product_id": 20, "flag": 34},
        highlight=lambda row: row.get("low_click", False),
    )
    kinds = moment_kinds()
    moment_rows = [
        {
            "kind": kinds.get(_get(m, "kind"), _get(m, "kind")),
            "minute": _get(m, "minute"),
            "time": format_start(_get(m, "at")) if _get(m, "at") else "",
            "online": _get(m, "online"),
            "segment": _get(m, "segment") or "",
            "note": _get(m, "note") or "",
        }
        for m in moments
    ]

    _write_table(
        workbook.create_sheet(titles["moments"]),
        (("kind", translate("Messages", "Kind"), "text"), ("minute", translate("Messages", "Minute"), "minute"),
         ("time", translate("Messages", "Time"), "text"), ("online", translate("Messages", "Online"), "count"),
         ("segment", translate("Messages", "Segment"), "text"), ("note", translate("Messages", "Cause or note"), "text")),
        moment_rows, widths={"time": 18, "segment": 26, "note": 50},
    )
    improvement_rows = [
        {
            "number": i,
            "text": _get(item, "text") or "",
            "owner": _get(item, "owner") or "",
            "due_date": _get(item, "due_date"),
            "done": translate("Messages", "Done") if _get(item, "done") else translate("Messages", "To do"),
        }
        for i, item in enumerate(improvements, start=1)
    ]
    _write_table(
        workbook.create_sheet(titles["improvements"]),
        (("number", "#", "count"), ("text", translate("Messages", "Improvement"), "text"), ("owner", translate("Messages", "Owner"), "text"),
         ("due_date", translate("Messages", "Due"), "date"), ("done", translate("Messages", "Status"), "text")),
        improvement_rows, widths={"text": 60, "owner": 14, "due_date": 14, "done": 14},
    )
    _write_debrief(workbook.create_sheet(titles["debrief"]), debrief)
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


def report_title(title: str) -> str:
    heading = translate("Messages", "Stream review")
    return f"{heading} · {title}" if title else heading


def stream_details(info: Mapping[str, Any], actual_minutes: Any = None) -> list[str]:
    """The line under the title: start, platform, account, theme, planned and actual length."""

    details = [translate("Messages", "Start: {0}").format(format_start(info.get("start"))),
               translate("Messages", "Platform: {0}").format(platform_name(info.get("platform")))]
    if info.get("account"):
        details.append(translate("Messages", "Account: {0}").format(info["account"]))
    if info.get("theme"):
        details.append(translate("Messages", "Theme: {0}").format(info["theme"]))
    if info.get("planned_minutes"):
        details.append(translate("Messages", "Planned: {0} min").format(info["planned_minutes"]))
    if actual_minutes is not None:
        details.append(translate("Messages", "Actual: {0} min").format(actual_minutes))
    return details


def number_format(kind: str) -> str:
    """The spreadsheet format of a kind of figure; seconds and minutes carry the report's unit word."""
    if kind == "seconds":
        return '0"' + translate("Messages", " s") + '"'
    if kind == "minutes":
        return '0"' + translate("Messages", " min") + '"'
    return FORMATS.get(kind, "General")


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
    if kind == "money":
        value = Decimal(str(value)).quantize(CENT)
    cell.value = value
    cell.number_format = number_format(kind)


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
    _set(sheet.cell(row=1, column=1), report_title(title))
    sheet.cell(row=1, column=1).font = styles["title_font"]
    _set(sheet.cell(row=2, column=1), "    ".join(stream_details(info)))
    sheet.cell(row=2, column=1).font = styles["muted"]
    header_row = 4

    _header(sheet, header_row, [translate("Messages", "Metric"), translate("Messages", "Actual"), translate("Messages", "Goal"),
                                translate("Messages", "Attainment"), translate("Messages", "Basis"),
                                translate("Messages", "Source"), translate("Messages", "Judgement")], styles)
    kpis = kpi_rows(summary, info)
    for offset, kpi in enumerate(kpis, start=1):
        row = header_row + offset
        cells = [sheet.cell(row=row, column=c) for c in range(1, 8)]
        _set(cells[0], kpi["label"])
        cells[0].font = Font(bold=True)
        _set(cells[1], kpi["actual"], kpi["kind"])
        _set(cells[2], kpi["target"], kpi["kind"])
        _set(cells[3], kpi["attainment"], "rate")
        _set(cells[4], kpi["basis"])
        cells[4].font = styles["muted"]
        _set(cells[5], kpi["source"])  # the file and how it gives the figure (see review.figure_sources)
        cells[5].font = styles["muted"]
        _set(cells[6], kpi["judgement"])  # against the goal, or the preference's floor (UV value, paid ROI)
        if kpi["good"] is not None:
            cells[6].font = Font(color="15803D" if kpi["good"] else "B91C1C", bold=not kpi["good"])
        for cell in cells:
            cell.border = styles["border"]
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    for letter, width in zip("ABCDEFG", (28, 16, 16, 14, 52, 60, 22), strict=True):
        sheet.column_dimensions[letter].width = width
    notes = [str(w) for w in summary.get("warnings") or []]
    for offset, note in enumerate(notes, start=header_row + len(kpis) + 2):
        _set(sheet.cell(row=offset, column=1), note)
        sheet.cell(row=offset, column=1).font = Font(bold=True)
    _add_charts(sheet, charts, anchor_column="I")


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
        _set(sheet[f"{anchor_column}{row}"], chart_titles().get(key, key))
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
    values = {key: _get(row, key) for key, _label, _kind in curve_columns()}
    at = values.get("time")
    if isinstance(at, dt.datetime):
        values["time"] = (at.astimezone() if at.tzinfo else at).strftime("%Y-%m-%d %H:%M")
    return values


def _write_debrief(sheet, debrief: Mapping[str, str]) -> None:
    styles = _styles()
    _header(sheet, 1, [translate("Messages", "Part"), translate("Messages", "Text")], styles)
    for r, (key, label) in enumerate(debrief_labels(), start=2):
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
    with atomic_write(path) as tmp:
        workbook.save(tmp)
    return path


__all__ = [
    "SHEET_KEYS",
    "kpi_defs",
    "report_file_name",
    "sheet_titles",
    "format_value",
    "kpi_rows",
    "judgement_text",
    "platform_name",
    "ranked_products",
    "write_review_xlsx",
]
