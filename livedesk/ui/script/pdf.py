"""The run sheet as a PDF made with Qt: an HTML table in a QTextDocument printed by QPdfWriter.

A4 landscape, a Chinese font family list so the host's lines are readable wherever it is opened.
Needs a QApplication (the command line makes an offscreen one with `ensure_gui_app`).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from sqlalchemy import select
from sqlalchemy.orm import Session

from livedesk.models import LineupItem, Product, Stream
from livedesk.services.scripts import list_segments
from livedesk.services.timeline import clock
from livedesk.ui import formatting
from livedesk.ui.script.labels import mmss, segment_kind_label

FONT_FAMILIES = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]



def ensure_gui_app():
    """The application for painting text; offscreen when there is no display.

    A full QApplication, like the window's, so one process never holds two kinds of application.
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["livedesk"])
    return app


def _esc(text: str | None) -> str:
    return html.escape(text or "").replace("\n", "<br>")


def run_sheet_html(session: Session, stream_id: int) -> str:
    stream = session.get(Stream, stream_id)
    if stream is None:
        raise ValueError(f"Stream {stream_id} does not exist.")
    segments = list_segments(session, stream_id)
    lineup = {i.product_id: i for i in session.scalars(select(LineupItem).where(LineupItem.stream_id == stream_id))}
    start = stream.start_at.astimezone()  # local time, as the app shows it
    families = ", ".join(f"'{f}'" for f in FONT_FAMILIES)
    headers = [QCoreApplication.translate("ScriptPdf", "Time"), QCoreApplication.translate("ScriptPdf", "Length"), QCoreApplication.translate("ScriptPdf", "Type"), QCoreApplication.translate("ScriptPdf", "Segment"), QCoreApplication.translate("ScriptPdf", "Product"), QCoreApplication.translate("ScriptPdf", "Host lines"),
               QCoreApplication.translate("ScriptPdf", "Co-host / controller cues"), QCoreApplication.translate("ScriptPdf", "Props"), QCoreApplication.translate("ScriptPdf", "BGM"), QCoreApplication.translate("ScriptPdf", "Notes")]
    widths = [8, 5, 5, 9, 10, 28, 14, 8, 5, 8]
    run_of_show = QCoreApplication.translate("ScriptPdf", "Run of show")
    segment_count = QCoreApplication.translate("ScriptPdf", "%n segment(s)", None, len(segments))
    out = [
        "<html><head><style>",
        f"body {{ font-family: {families}, sans-serif; font-size: 8.5pt; }}",
        "h1 { font-size: 15pt; margin: 0; } p.sub { color: #555; margin: 2px 0 8px 0; }",
        "table { border-collapse: collapse; } th { background: #1f2937; color: white; font-weight: bold; }",
        "td, th { border: 1px solid #9ca3af; padding: 3px; vertical-align: top; }",
        "tr.alt td { background: #f3f4f6; }",
        "</style></head><body>",
        f"<h1>{_esc(stream.title)} · {_esc(run_of_show)}</h1>",
        f"<p class='sub'>{start:%Y-%m-%d %H:%M} · {_esc(formatting.minutes(stream.planned_minutes))} · {_esc(stream.theme)} · "
        f"{_esc(segment_count)}</p>",
        "<table width='100%' cellspacing='0' cellpadding='3'><thead><tr>",
    ]
    out += [f"<th width='{w}%'>{_esc(h)}</th>" for h, w in zip(headers, widths, strict=True)]
    out.append("</tr></thead><tbody>")
    for n, seg in enumerate(segments):
        begin = start + dt.timedelta(seconds=seg.start_seconds)
        end = begin + dt.timedelta(seconds=seg.duration_seconds)
        product = ""
        if seg.product_id is not None:
            item = lineup.get(seg.product_id)
            name = session.get(Product, seg.product_id)
            product = _esc(name.name) if name else ""
            if item is not None and item.link_number:
                product = f"{item.link_number}# {product}"
            price = item.live_price if item is not None and item.live_price is not None else (name.live_price if name else None)
            if price is not None:
                product += f"<br>¥{price:.2f}"
        elif seg.product_name:  # named by an imported script, not in the pool yet
            product = _esc(seg.product_name)
        out.append(
            f"<tr class='{'alt' if n % 2 else ''}'>"
            f"<td>{begin:%H:%M:%S}–{end:%H:%M:%S}<br><small>+{clock(seg.start_seconds)}</small></td>"
            f"<td>{mmss(seg.duration_seconds)}</td><td>{_esc(segment_kind_label(seg.kind))}</td>"
            f"<td><b>{_esc(seg.title)}</b></td><td>{product}</td>"
            f"<td>{_esc(seg.host_lines)}</td><td>{_esc(seg.cues)}</td><td>{_esc(seg.props)}</td>"
            f"<td>{_esc(seg.bgm)}</td><td>{_esc(seg.notes)}</td></tr>"
        )
    out.append("</tbody></table></body></html>")
    return "".join(out)


def write_pdf(html_text: str, path: str | Path) -> Path:
    """Print the HTML to `path` (A4 landscape); written beside the target and moved into place."""
    ensure_gui_app()
    path = Path(path)
    fd, tmp = tempfile.mkstemp(suffix=".pdf", dir=path.parent if path.parent.exists() else None)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setResolution(96)  # the document lays out in screen points; text stays vector
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                         QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
        writer.setTitle(path.stem)
        writer.setCreator("LiveDesk")
        document = QTextDocument()
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        font.setPointSizeF(8.5)
        document.setDefaultFont(font)
        document.setHtml(html_text)
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        document.setPageSize(QSizeF(rect.width(), rect.height()))
        document.print_(writer)
        del writer
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def export_script_pdf(session: Session, stream_id: int, path: str | Path) -> Path:
    return write_pdf(run_sheet_html(session, stream_id), path)
