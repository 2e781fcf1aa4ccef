"""HTML laid out by QTextDocument on A4 pages and painted into a PDF by QPdfWriter (any thread)."""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from livedesk.rendering.qt import report_font
from livedesk.services.files import atomic_write

PDF_DPI = 300
SUFFIXES = (".xlsx", ".pdf")


class ReportError(ValueError):
    """The report cannot be written as asked (e.g. an unsupported file type)."""


def report_path(out_path: str | os.PathLike[str]) -> Path:
    """The path to write, when its suffix is one a report is written as; ReportError otherwise."""
    path = Path(out_path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportError(f"{path.name}: a report is written as .xlsx or .pdf, not {suffix or 'a file without a suffix'}.")
    return path


def escape(value: Any) -> str:
    return html.escape("" if value is None else str(value))


_RIGHT = ' align="right"'
_RIGHT_NOWRAP = ' align="right" style="white-space: nowrap"'
_NOWRAP = ' style="white-space: nowrap"'


def _cell_attributes(column: int, right_from: int | None, nowrap: bool) -> str:
    if right_from is not None and column >= right_from:
        return _RIGHT_NOWRAP if nowrap else _RIGHT
    return _NOWRAP if nowrap else ""


def _width(widths: dict[int, str] | None, column: int) -> str:
    return f' width="{widths[column]}"' if widths and column in widths else ""


def table(
    headers: list[str], rows: list[tuple[list[Any], str | None]], escape_cells: bool = True, px: float = 1.0,
    right_from: int | None = None, font_pt: float = 8.5, nowrap: bool = False, widths: dict[int, str] | None = None,
) -> str:
    """An HTML table; columns from `right_from` on hold figures and are right-aligned, so digits line up."""
    pad, border = max(1, round(4 * px)), max(1, round(px / 2))
    out = [f'<table width="100%" border="{border}" cellspacing="0" cellpadding="{pad}" '
           'style="border-color:#d1d5db; border-collapse: collapse">', "<tr>"]
    out += [
        f'<th bgcolor="#4f6d8f"{_width(widths, c)} '
        f'style="color:#ffffff; font-size:{font_pt}pt">{h}</th>'
        for c, h in enumerate(headers)
    ]
    out.append("</tr>")
    font = f' style="font-size:{font_pt}pt"'
    for values, fill in rows:
        attr = (f' bgcolor="{fill}"' if fill else "") + font
        cells = "".join(
            f'<td{_cell_attributes(c, right_from, nowrap)}>'
            f"{escape(v) if escape_cells else v}</td>"
            for c, v in enumerate(values)
        )
        out.append(f"<tr{attr}>{cells}</tr>")
    out.append("</table>")
    return "".join(out)


def html_to_pdf(
    make_html: Callable[[int, float], str], images: dict[str, bytes], title: str, out_path: Path
) -> Path:
    """Lay HTML out on A4 pages (15 mm margins) and paint it with a footer (title, page n / N).

    `make_html(image_width, px)` returns the HTML for charts `image_width` CSS pixels wide, `px` being one CSS
    pixel in device pixels; `images` maps KEY to the PNG shown by <img src="chart://KEY">.
    """
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
    from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    with atomic_write(out_path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(title)
        writer.setCreator("LiveDesk")
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                        QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        )
        area = writer.pageLayout().paintRectPixels(PDF_DPI)  # device pixels, origin at the margins
        px = PDF_DPI / 96  # one CSS pixel in device pixels
        footer = 8 * PDF_DPI / 25.4  # 8 mm
        page = QSizeF(area.width(), area.height() - footer)

        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)  # lay out in the PDF's own units
        document.setDefaultFont(report_font(9.5))
        document.setDocumentMargin(0)
        document.setPageSize(page)
        # QTextDocument scales an image's width attribute by the device's DPI / 96, so it is given in CSS pixels
        document.setHtml(make_html(int(page.width() / px), px))
        for key, png in images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart://{key}"), QImage.fromData(png))
        document.setPageSize(page)  # lays out again with the images in place
        pages = document.pageCount()

        painter = QPainter(writer)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            small = report_font(7.5)
            for index in range(pages):
                if index:
                    writer.newPage()
                painter.save()
                painter.translate(0, -index * page.height())
                document.drawContents(painter, QRectF(0, index * page.height(), page.width(), page.height()))
                painter.restore()
                painter.setFont(small)
                painter.setPen(Qt.GlobalColor.gray)
                foot = QRectF(0, area.height() - footer * 0.7, area.width(), footer * 0.7)
                painter.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
                painter.drawText(
                    foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{index + 1} / {pages}"
                )
        finally:
            painter.end()
        del writer  # finishes the file
    return out_path
