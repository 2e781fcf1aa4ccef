"""Read .xlsx/.xls/.csv files into plain rows, whatever their encoding.

Files are read with python-calamine (fast, no formulas evaluated); CSV with
UTF-8 (with or without BOM), then GB18030 (a superset of GBK).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from livedesk.services.importers.errors import ImportFailed
from livedesk.services.messages import translate

Row = list[object]
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
MAX_FILE_BYTES = 200 * 1024 * 1024
# An xlsx is a zip: refuse archives that would inflate far beyond any real export.
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024


@dataclass
class Sheet:
    name: str
    rows: list[Row]


def read_sheets(path: str | Path) -> list[Sheet]:
    """All sheets of a workbook, or the single table of a CSV/TSV/TXT file."""
    path = Path(path)
    if not path.exists():
        raise ImportFailed(path.name, translate("Messages", "The file does not exist. Check the path and try again."))
    if path.is_dir():
        raise ImportFailed(path.name, translate("Messages", "This is a folder, not a file. Choose an .xlsx or .csv file."))
    size = path.stat().st_size
    if size == 0:
        raise ImportFailed(path.name, translate("Messages", "The file is empty. Download the export again from the platform."))
    if size > MAX_FILE_BYTES:
        raise ImportFailed(path.name, translate("Messages", "The file is larger than 200 MB, far larger than any export this app reads."))
    head = path.read_bytes()[:8]
    if head.startswith(b"PK"):
        return _read_workbook(path, zipped=True)
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # legacy .xls (OLE)
        return _read_workbook(path, zipped=False)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        raise ImportFailed(
            path.name,
            translate("Messages", "The file is named like an Excel workbook but is not one (it may be damaged or renamed). Open it in Excel and save it again as .xlsx, or download it again."),
        )
    return [Sheet(path.stem, read_delimited_text(decode_text(path.read_bytes(), path.name), path.name))]


def decode_text(data: bytes, file_name: str) -> str:
    if b"\x00" in data[:4096]:
        for encoding in ("utf-16", "utf-32"):
            try:
                return data.decode(encoding)
            except UnicodeError:
                continue
        raise ImportFailed(file_name, translate("Messages", "This is not a text table (it holds binary data). Choose an .xlsx or .csv export."))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed(
        file_name,
        translate("Messages", "The text is neither UTF-8 nor GBK. Save the file as \"CSV UTF-8\" in Excel and import it again."),
    )


def read_delimited_text(text: str, file_name: str = "clipboard") -> list[Row]:
    """Rows of a CSV/TSV text, the delimiter guessed from the content (comma, tab or semicolon)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sample = "\n".join(text.split("\n")[:20])
    delimiter = max((",", "\t", ";"), key=sample.count) if sample else ","
    if sample.count(delimiter) == 0:
        delimiter = ","
    try:
        return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise ImportFailed(
            file_name, translate("Messages", "The text table cannot be read ({0}). Save it again as CSV.").format(exc)
        ) from None


def _read_workbook(path: Path, zipped: bool) -> list[Sheet]:
    from python_calamine import CalamineWorkbook

    if zipped:
        _refuse_zip_bomb(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        return [Sheet(name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)) for name in workbook.sheet_names]
    except ImportFailed:
        raise
    except Exception as exc:  # calamine raises several of its own types for damaged files
        raise ImportFailed(
            path.name,
            translate(
                "Messages",
                "The workbook cannot be read; it may be damaged or not really an Excel file ({0}). "
                "Open it in Excel and save it again, or download it again.",
            ).format(type(exc).__name__),
        ) from None


def _refuse_zip_bomb(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise ImportFailed(
            path.name, translate("Messages", "The workbook is damaged (its zip structure is broken). Download it again or re-save it in Excel.")) from None
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ImportFailed(path.name, translate("Messages", "The workbook unpacks to more than 1 GB; it is not a real export and was not read."))


def find_header_row(rows: Sequence[Row], wanted: Sequence[set[str]], scan: int = 15) -> int | None:
    """Index of the first row (within the first `scan`) naming at least one header of every wanted group.

    Each group is a set of synonyms, already normalised with `normalise_header`.
    """
    for index, row in enumerate(rows[:scan]):
        names = {normalise_header(cell) for cell in row}
        if all(names & group for group in wanted):
            return index
    return None


def normalise_header(value: object) -> str:
    """A header as a comparable key: no spaces, brackets unified, lower case."""
    from livedesk.services.importers.values import clean_text

    text = clean_text(value).replace("（", "(").replace("）", ")").replace(" ", "").replace("\n", "")
    return text.lower()
