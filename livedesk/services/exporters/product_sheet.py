"""Export the product pool as a 选品表 (.xlsx or .csv) that imports back unchanged.

Every text cell, headers included, goes through the one formula-injection guard (exporters/cells.py):
in .xlsx a string cell with the quote-prefix style, in .csv behind a single quote (which the importer
strips again), so an exported sheet can never execute anything when opened.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from livedesk.models import Product
from livedesk.services.exporters.cells import csv_text, text_cell
from livedesk.services.files import atomic_write
from livedesk.services.products import (
    QUALIFICATION_LABELS,
    ROLE_LABELS,
    gross_margin,
    load_products_with_children,
)

# (header, kind) in file order; the headers are the importer's first synonyms so the file imports back.
EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("商品名称", "text"),
    ("SKU编码", "text"),
    ("类目", "text"),
    ("商品定位", "text"),
    ("日常价", "money"),
    ("直播价", "money"),
    ("成本价", "money"),
    ("佣金比例", "rate"),
    ("毛利率", "rate"),  # computed; the importer ignores it
    ("库存", "count"),
    ("预警库存", "count"),
    ("供应商", "text"),
    ("质检报告", "text"),
    ("平台商品ID", "text"),
    ("卖点", "text"),
    ("备注", "text"),
)
_WIDTHS = {"商品名称": 28, "SKU编码": 16, "卖点": 40, "备注": 30, "供应商": 18, "平台商品ID": 18}
POINT_SEPARATOR = "；"


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    rows: int


def product_sheet_values(products: Sequence[Product]) -> list[list[object]]:
    """One list of cell values per product, in EXPORT_COLUMNS order (Decimal, int, str or None)."""
    rows: list[list[object]] = []
    for p in products:
        rows.append(
            [
                p.name,
                p.sku,
                p.category,
                ROLE_LABELS.get(p.role, p.role),
                p.list_price,
                p.live_price,
                p.cost,
                p.commission_rate,
                _rounded(gross_margin(p.live_price, p.cost, p.commission_rate)),
                p.stock,
                p.safety_stock,
                p.supplier,
                QUALIFICATION_LABELS.get(p.qualification, p.qualification),
                p.platform_product_id,
                POINT_SEPARATOR.join(sp.point for sp in p.selling_points),
                p.notes,
            ]
        )
    return rows


def _rounded(margin: Decimal | None) -> Decimal | None:
    return None if margin is None else margin.quantize(Decimal("0.000001"))


def export_products_xlsx(session: Session, path: str | Path, ids: Sequence[int] | None = None) -> ExportSummary:
    """Write the pool (or only `ids`) as a styled workbook: bold filled header, widths, frozen header row.

    Streams rows in openpyxl's write-only mode, so 20,000 products take seconds and little memory.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(path)
    products = load_products_with_children(session, ids)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("选品表")
    for column, (header, _kind) in enumerate(EXPORT_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS.get(header, 12)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(EXPORT_COLUMNS))}{max(1, len(products) + 1)}"
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="4F6D8F")
    centred = Alignment(horizontal="center", vertical="center")
    header_cells = []
    for header, _kind in EXPORT_COLUMNS:
        cell = text_cell(sheet, header)
        cell.font, cell.fill, cell.alignment = header_font, header_fill, centred
        header_cells.append(cell)
    sheet.append(header_cells)
    kinds = [kind for _header, kind in EXPORT_COLUMNS]
    wrap = Alignment(wrap_text=True, vertical="top")
    formats = {"money": "#,##0.00", "rate": "0.00%", "count": "0"}
    for values in product_sheet_values(products):
        cells: list[object] = []
        for value, kind in zip(values, kinds, strict=True):
            if value is None or value == "":
                cells.append(None)
            elif kind == "text":
                text = str(value)
                cell = text_cell(sheet, text)  # never a formula, whatever the text starts with
                if "\n" in text:
                    cell.alignment = wrap
                cells.append(cell)
            else:
                cell = WriteOnlyCell(sheet, value=value if isinstance(value, (int, Decimal)) else Decimal(str(value)))
                cell.number_format = formats[kind]
                cells.append(cell)
        sheet.append(cells)
    with atomic_write(path) as tmp:
        workbook.save(tmp)
    return ExportSummary(path, len(products))


def _csv_text(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind == "rate":
        return f"{(Decimal(value) * 100).normalize():f}%"
    if kind in ("money", "count"):
        return f"{value}"
    return csv_text(value)


def export_products_csv(session: Session, path: str | Path, ids: Sequence[int] | None = None) -> ExportSummary:
    """Write the pool (or only `ids`) as CSV in UTF-8 with BOM, which Excel opens without garbling Chinese."""
    path = Path(path)
    products = load_products_with_children(session, ids)
    kinds = [kind for _header, kind in EXPORT_COLUMNS]
    with atomic_write(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([csv_text(header) for header, _kind in EXPORT_COLUMNS])
        for values in product_sheet_values(products):
            writer.writerow([_csv_text(v, k) for v, k in zip(values, kinds, strict=True)])
    return ExportSummary(path, len(products))


def export_products(session: Session, path: str | Path, ids: Sequence[int] | None = None) -> ExportSummary:
    """Export by the file's suffix: .csv for CSV, anything else as .xlsx."""
    if Path(path).suffix.lower() == ".csv":
        return export_products_csv(session, path, ids)
    return export_products_xlsx(session, path, ids)
