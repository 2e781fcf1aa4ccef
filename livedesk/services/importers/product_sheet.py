"""Import a 选品表 (product selection sheet) from .xlsx or .csv into the product pool.

Two steps so the user sees what will happen before anything is written:
`read_product_sheet(path)` gives a preview (good rows, bad cells, duplicate SKUs), then
`apply_import(session, preview)` upserts by SKU. A second import of the same file changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from livedesk.models import Product, SellingPoint
from livedesk.models.base import utc_now
from livedesk.services.exporters.cells import is_risky_text
from livedesk.services.importers.errors import CellProblem, ImportFailed
from livedesk.services.importers.tabular import (
    Row,
    Sheet,
    hidden_sheet_note,
    normalise_header,
    read_sheets,
)
from livedesk.services.importers.values import (
    clean_identifier,
    clean_text,
    describe_rate,
    is_empty,
    parse_amount,
    parse_count,
    parse_price,
    parse_rate,
)
from livedesk.services.messages import translate
from livedesk.services.products import parse_qualification, parse_role

# field -> header synonyms (as people write them; compared after normalising)
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("商品名称", "品名", "商品名", "产品名称", "名称", "name", "product name", "product"),
    "sku": ("SKU编码", "货号", "商家编码", "SKU", "商品编码", "款号", "sku code"),
    "category": ("类目", "品类", "分类", "category"),
    "role": ("商品定位", "选品类型", "定位", "商品类型", "role", "type"),
    "list_price": ("日常价", "原价", "吊牌价", "划线价", "list price", "regular price"),
    "live_price": ("直播价", "到手价", "直播到手价", "live price"),
    "cost": ("成本价", "进货成本", "成本", "cost"),
    "commission_rate": ("佣金比例", "佣金率", "commission rate"),  # not bare 佣金: often an amount in 元
    "stock": ("库存", "现货库存", "库存数量", "stock"),
    "safety_stock": ("预警库存", "安全库存", "库存预警", "safety stock"),
    "supplier": ("供应商", "供货商", "厂家", "supplier"),
    "qualification": ("质检报告", "资质", "资质状态", "质检", "质检/资质", "资质/质检", "质检资质", "质检情况", "qualification"),
    "platform_product_id": ("平台商品ID", "商品ID", "platform product id", "product id"),
    "selling_points": ("卖点", "核心卖点", "商品卖点", "selling points"),
    "notes": ("备注", "notes"),
}
REQUIRED = ("name", "sku", "live_price")
FIELD_LABELS = {
    "name": "商品名称",
    "sku": "SKU编码",
    "category": "类目",
    "role": "商品定位",
    "list_price": "日常价",
    "live_price": "直播价",
    "cost": "成本价",
    "commission_rate": "佣金比例",
    "stock": "库存",
    "safety_stock": "预警库存",
    "supplier": "供应商",
    "qualification": "质检报告",
    "platform_product_id": "平台商品ID",
    "selling_points": "卖点",
    "notes": "备注",
}
_PRICES = ("list_price", "live_price")  # what a buyer pays: at least ¥0.01
_INTS = ("stock", "safety_stock")
_IDENTIFIERS = ("sku", "platform_product_id")  # matched exactly: NFKC, no invisible characters, never a number
_TEXT_LIMITS = {"sku": 100, "name": 300, "category": 100, "supplier": 200, "platform_product_id": 64}
_RATE_STEP = Decimal("0.000001")
_POINT_SPLIT = re.compile(r"[；;\n]+")
_POINT_NUMBER = re.compile(r"^\s*(?:\d+[.、)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*")
_UNIT_SUFFIX = re.compile(r"\((?:元|%|件|个|rmb|¥|￥)\)$")


def header_key(value: object) -> str:
    """A header as a lookup key: normalised, without a required-marker * or a unit such as (元)."""
    return _UNIT_SUFFIX.sub("", normalise_header(value).replace("*", ""))


_LOOKUP: dict[str, str] = {header_key(s): name for name, synonyms in COLUMNS.items() for s in synonyms}


@dataclass
class ParsedProduct:
    """One good row: the values it gives (absent or empty cells are left out, so they change nothing)."""

    row: int  # as Excel numbers it
    values: dict[str, Any]
    selling_points: list[str] | None = None
    readings: dict[str, str] = field(default_factory=dict)  # how an ambiguous cell was read: 佣金 "1 → 1%"

    @property
    def sku(self) -> str:
        return self.values["sku"]


@dataclass
class ProductSheetPreview:
    """What an import would do, shown to the user before `apply_import`."""

    file_name: str
    sheet: str
    header_row: int  # 1-based
    columns: dict[str, str]  # field -> header as written in the file
    ignored_columns: list[str]
    good: list[ParsedProduct] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    duplicates: dict[str, list[int]] = field(default_factory=dict)  # SKU -> every row it appears on
    skipped_rows: int = 0  # blank lines and lines without name, SKU or price (notes under the table)

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems if p.row is not None})

    @property
    def has_problems(self) -> bool:
        return bool(self.problems)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_bad: int = 0
    created_ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)


def _missing_message(missing: Sequence[str]) -> str:
    parts = [
        translate("Messages", "{0} (accepted headers: {1})").format(FIELD_LABELS[name], " / ".join(COLUMNS[name]))
        for name in missing
    ]
    return translate(
        "Messages",
        "Required column(s) not found: {0}. Rename the header in the file, or check "
        "that the sheet holding the products is the one with these columns.",
    ).format("; ".join(parts))


def _map_header(row: Row) -> tuple[dict[str, int], list[str]]:
    mapping: dict[str, int] = {}
    ignored: list[str] = []
    for index, cell in enumerate(row):
        if clean_text(cell) == "":
            continue
        name = _LOOKUP.get(header_key(cell))
        if name is None or name in mapping:
            ignored.append(clean_text(cell))
        else:
            mapping[name] = index
    return mapping, ignored


def _has_product_header(sheet: Sheet, scan: int = 15) -> bool:
    return any(all(name in _map_header(row)[0] for name in REQUIRED) for row in sheet.rows[:scan])


def _locate(sheets: Sequence[Sheet], file_name: str, scan: int = 15) -> tuple[Sheet, int, dict[str, int], list[str]]:
    hidden = hidden_sheet_note(sheets, _has_product_header)
    if hidden and not any(_has_product_header(sheet, scan) for sheet in sheets):
        raise ImportFailed(file_name, hidden)
    best_missing: list[str] | None = None
    for sheet in sheets:
        for index, row in enumerate(sheet.rows[:scan]):
            mapping, ignored = _map_header(row)
            missing = [name for name in REQUIRED if name not in mapping]
            if not missing:
                return sheet, index, mapping, ignored
            if len(mapping) >= 2 and (best_missing is None or len(missing) < len(best_missing)):
                best_missing = missing
    if best_missing is None:
        if not any(any(not is_empty(c) for c in row) for sheet in sheets for row in sheet.rows):
            raise ImportFailed(
                file_name, translate("Messages", "The file holds no table. Fill in the 选品表 or choose another file.")
            )
        best_missing = list(REQUIRED)
    raise ImportFailed(file_name, _missing_message(best_missing))


def split_points(value: object) -> list[str]:
    """Selling points from one cell: separated by ；, ; or new lines, numbering like "1." removed."""
    text = "" if value is None else str(value)
    points = [_POINT_NUMBER.sub("", part).strip() for part in _POINT_SPLIT.split(text)]
    return [p for p in points if p and not is_empty(p)]


def _parse_cell(name: str, value: object) -> Any:
    if name in _PRICES:
        return parse_price(value)
    if name == "cost":
        return parse_amount(value)
    if name == "commission_rate":
        rate = parse_rate(value)
        return None if rate is None else rate.quantize(_RATE_STEP)
    if name in _INTS:
        return parse_count(value)
    if name in _IDENTIFIERS:
        text = clean_identifier(value)
        limit = _TEXT_LIMITS[name]
        if len(text) > limit:
            raise ValueError(translate("Messages", "longer than {0} characters").format(limit))
        return text
    if name == "role":
        return parse_role(value)
    if name == "qualification":
        return parse_qualification(value)
    if name == "notes":  # free text: keep inner lines, drop only the guard our CSV export adds
        if not isinstance(value, str):
            return clean_text(value)
        text = value.strip()
        return text[1:] if text[:1] == "'" and is_risky_text(text[1:]) else text
    text = re.sub(r"\s+", " ", clean_text(value))
    limit = _TEXT_LIMITS.get(name)
    if limit and len(text) > limit:
        raise ValueError(translate("Messages", "longer than {0} characters").format(limit))
    return text


def preview_rows(rows: Sequence[Row], file_name: str, sheet_name: str = "") -> ProductSheetPreview:
    """The preview for rows already read (a file's sheet, or a table pasted from the clipboard)."""
    return _preview([Sheet(sheet_name, list(rows))], file_name)


def read_product_sheet(path: str | Path) -> ProductSheetPreview:
    """Read a 选品表 and check every cell; ImportFailed when the file or its required columns are unusable."""
    path = Path(path)
    return _preview(read_sheets(path), path.name)


def _preview(sheets: Sequence[Sheet], file_name: str) -> ProductSheetPreview:
    sheet, header_index, mapping, ignored = _locate(sheets, file_name)
    header = sheet.rows[header_index]
    preview = ProductSheetPreview(
        file_name=file_name,
        sheet=sheet.name,
        header_row=header_index + 1,
        columns={name: clean_text(header[i]) for name, i in mapping.items()},
        ignored_columns=ignored,
    )
    first_row: dict[str, int] = {}
    for offset, row in enumerate(sheet.rows[header_index + 1 :]):
        row_number = header_index + 2 + offset

        def cell(name: str, _row: Row = row) -> object:
            index = mapping.get(name)
            return _row[index] if index is not None and index < len(_row) else None

        if all(is_empty(cell(name)) for name in REQUIRED):
            preview.skipped_rows += 1
            continue
        values: dict[str, Any] = {}
        points: list[str] | None = None
        problems: list[CellProblem] = []
        for name in mapping:
            raw = cell(name)
            if is_empty(raw):
                if name in REQUIRED:
                    problems.append(
                        CellProblem(
                            row_number,
                            preview.columns[name],
                            "",
                            translate("Messages", "{0} is required").format(FIELD_LABELS[name]),
                            sheet.name,
                        )
                    )
                continue
            if name == "selling_points":
                points = split_points(raw) or None
                continue
            try:
                values[name] = _parse_cell(name, raw)
            except ValueError as exc:
                problems.append(CellProblem(row_number, preview.columns[name], clean_text(raw), str(exc), sheet.name))
        sku = values.get("sku")
        if sku:
            if sku in first_row:
                rows_for_sku = preview.duplicates.setdefault(sku, [first_row[sku]])
                rows_for_sku.append(row_number)
                problems.append(
                    CellProblem(
                        row_number,
                        preview.columns["sku"],
                        sku,
                        translate("Messages", "duplicate SKU: already on row {0} of this file").format(first_row[sku]),
                        sheet.name,
                    )
                )
            else:
                first_row[sku] = row_number
        if problems:
            preview.problems += problems
        else:
            readings = {}
            if values.get("commission_rate") is not None:
                readings["commission_rate"] = describe_rate(cell("commission_rate"), values["commission_rate"])
            preview.good.append(ParsedProduct(row_number, values, points, readings))
    if not preview.good and not preview.problems:
        raise ImportFailed(file_name, translate("Messages", "The sheet has a header but no product rows under it."))
    return preview


def _differs(old: Any, new: Any) -> bool:
    if isinstance(old, Decimal) or isinstance(new, Decimal):
        if old is None or new is None:
            return old is not new
        return Decimal(old) != Decimal(new)
    return old != new


def apply_import(session: Session, preview: ProductSheetPreview, exclude_bad: bool = False) -> ImportResult:
    """Create or update products by SKU; "updated" counts only products where some value really changed.

    With bad rows and `exclude_bad` False nothing is written and ImportFailed lists every problem.
    Empty cells leave the stored value alone; selling points are replaced only when the cell lists some,
    keeping the demo of a point whose text is unchanged.
    """
    if preview.problems and not exclude_bad:
        raise ImportFailed(
            preview.file_name,
            translate(
                "Messages",
                "{0} row(s) have problems, so nothing was imported. Fix them in the file, or import the good rows only.",
            ).format(len(preview.bad_rows)),
            list(preview.problems),
        )
    result = ImportResult(skipped_bad=len(preview.bad_rows))
    skus = [item.sku for item in preview.good]
    existing: dict[str, Product] = {}
    for start in range(0, len(skus), 500):
        query = (
            select(Product)
            .options(selectinload(Product.selling_points))
            .where(Product.sku.in_(skus[start : start + 500]))
        )
        existing.update({p.sku: p for p in session.scalars(query)})
    created: list[ParsedProduct] = []
    updated: list[Product] = []
    for item in preview.good:
        product = existing.get(item.sku)
        if product is None:
            created.append(item)
            continue
        changed = False
        for name, value in item.values.items():
            if _differs(getattr(product, name), value):
                setattr(product, name, value)
                changed = True
        if item.selling_points is not None and [p.point for p in product.selling_points] != item.selling_points:
            demos = {p.point: p.demo for p in product.selling_points}
            product.selling_points = [
                SellingPoint(position=i, point=p, demo=demos.get(p, "")) for i, p in enumerate(item.selling_points)
            ]
            changed = True
        if changed:
            product.updated_at = utc_now()  # moves the version even when only the selling points changed
            updated.append(product)
        else:
            result.unchanged += 1
    session.flush()
    result.created_ids = _insert_new(session, created)
    result.created, result.updated = len(created), len(updated)
    result.updated_ids = [p.id for p in updated]
    return result


_NEW_PRODUCT = {
    "category": "", "role": "profit", "list_price": None, "live_price": None, "cost": None,
    "commission_rate": None, "stock": None, "safety_stock": None, "supplier": "", "qualification": "missing",
    "platform_product_id": "", "notes": "",
}  # fmt: skip


def _insert_new(session: Session, items: Sequence[ParsedProduct]) -> list[int]:
    """Bulk INSERT new products and their selling points: a 20,000-row sheet in seconds, not minutes."""
    if not items:
        return []
    now = utc_now()
    rows = [{**_NEW_PRODUCT, **item.values, "created_at": now, "updated_at": now, "version": 1} for item in items]
    ids: dict[str, int] = {}
    for start in range(0, len(rows), 500):
        session.execute(insert(Product), rows[start : start + 500])
        skus = [row["sku"] for row in rows[start : start + 500]]
        ids.update(
            {sku: pid for pid, sku in session.execute(select(Product.id, Product.sku).where(Product.sku.in_(skus)))}
        )
    points = [
        {"product_id": ids[item.sku], "position": i, "point": point, "demo": ""}
        for item in items
        for i, point in enumerate(item.selling_points or ())
    ]
    for start in range(0, len(points), 2000):
        session.execute(insert(SellingPoint), points[start : start + 2000])
    return [ids[item.sku] for item in items]


def import_product_sheet(session: Session, path: str | Path, exclude_bad: bool = False) -> ImportResult:
    """Read and apply in one call (the command line and tests); the GUI shows the preview in between."""
    return apply_import(session, read_product_sheet(path), exclude_bad=exclude_bad)
