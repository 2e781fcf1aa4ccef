"""The run sheet as a PDF made with Qt: an HTML table in a QTextDocument printed by QPdfWriter.

A4 landscape, a Chinese font family list so the host's lines are readable wherever it is opened. Any thread;
a Qt application must exist (`ensure_application` makes an offscreen one for the command line).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from livedesk.rendering.labels import minutes_text, mmss, segment_kind_label
from livedesk.rendering.qt import css_families, report_font
from livedesk.services.files import atomic_write
from livedesk.services.run_sheet import RunSheet
from livedesk.services.timeline import clock

FONT_FAMILIES = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]


def _esc(text: str | None) -> str:
    return html.escape(text or "").replace("\n", "<br>")


def run_sheet_html(sheet: RunSheet) -> str:
    start = sheet.start_at.astimezone()  # local time, as the app shows it
    headers = [
        QCoreApplication.translate("ScriptPdf", "Time"),
        QCoreApplication.translate("ScriptPdf", "Length"),
        QCoreApplication.translate("ScriptPdf", "Type"),
        QCoreApplication.translate("ScriptPdf", "Segment"),
        QCoreApplication.translate("ScriptPdf", "Product"),
        QCoreApplication.translate("ScriptPdf", "Host lines"),
        QCoreApplication.translate("ScriptPdf", "Co-host / controller cues"),
        QCoreApplication.translate("ScriptPdf", "Props"),
        QCoreApplication.translate("ScriptPdf", "BGM"),
        QCoreApplication.translate("ScriptPdf", "Notes"),
    ]
    widths = [8, 5, 5, 9, 10, 28, 14, 8, 5, 8]
    run_of_show = QCoreApplication.translate("ScriptPdf", "Run of show")
    segment_count = QCoreApplication.translate("ScriptPdf", "%n segment(s)", None, len(sheet.rows))
    out = [
        "<html><head><style>",
        f"body {{ font-family: {css_families(FONT_FAMILIES)}, sans-serif; font-size: 8.5pt; }}",
        "h1 { font-size: 15pt; margin: 0; } p.sub { color: #555; margin: 2px 0 8px 0; }",
        "table { border-collapse: collapse; } th { background: #1f2937; color: white; font-weight: bold; }",
        "td, th { border: 1px solid #9ca3af; padding: 3px; vertical-align: top; }",
        "tr.alt td { background: #f3f4f6; }",
        "</style></head><body>",
        f"<h1>{_esc(sheet.title)} · {_esc(run_of_show)}</h1>",
        f"<p class='sub'>{start:%Y-%m-%d %H:%M} · {_esc(minutes_text(sheet.planned_minutes))} · {_esc(sheet.theme)} · "
        f"{_esc(segment_count)}</p>",
        "<table width='100%' cellspacing='0' cellpadding='3'><thead><tr>",
    ]
    out += [f"<th width='{w}%'>{_esc(h)}</th>" for h, w in zip(headers, widths, strict=True)]
    out.append("</tr></thead><tbody>")
    for n, row in enumerate(sheet.rows):
        begin = start + dt.timedelta(seconds=row.start_seconds)
        end = begin + dt.timedelta(seconds=row.duration_seconds)
        product = _esc(row.product)
        if row.price is not None:
            product += f"<br>¥{row.price:.2f}"
        out.append(
            f"<tr class='{'alt' if n % 2 else ''}'>"
            f"<td>{begin:%H:%M:%S}–{end:%H:%M:%S}<br><small>+{clock(row.start_seconds)}</small></td>"
            f"<td>{mmss(row.duration_seconds)}</td><td>{_esc(segment_kind_label(row.kind))}</td>"
            f"<td><b>{_esc(row.title)}</b></td><td>{product}</td>"
            f"<td>{_esc(row.host_lines)}</td><td>{_esc(row.cues)}</td><td>{_esc(row.props)}</td>"
            f"<td>{_esc(row.bgm)}</td><td>{_esc(row.notes)}</td></tr>"
        )
    out.append("</tbody></table></body></html>")
    return "".join(out)


def write_pdf(html_text: str, path: str | Path) -> Path:
    """Print the HTML to `path` (A4 landscape); written beside the target and moved into place."""
    path = Path(path)
    with atomic_write(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(96)  # the document lays out in screen points; text stays vector
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                         QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
        writer.setTitle(path.stem)
        writer.setCreator("LiveDesk")
        document = QTextDocument()
        document.setDefaultFont(report_font(8.5, FONT_FAMILIES))
        document.setHtml(html_text)
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        document.setPageSize(QSizeF(rect.width(), rect.height()))
        document.print_(writer)
        del writer
    return path


def export_script_pdf(sheet: RunSheet, path: str | Path) -> Path:
    return write_pdf(run_sheet_html(sheet), path)
