"""Read .xlsx/.xls/.csv files into plain rows, whatever their encoding.

Files are read with python-calamine (fast, no formulas evaluated); CSV with
UTF-8 (with or without BOM), then GB18030 (a superset of GBK).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from livedesk.services.importers.errors import CellProblem, ImportFailed
from livedesk.services.messages import translate

Row = list[object]
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
MAX_FILE_BYTES = 200 * 1024 * 1024
# An xlsx is a zip: refuse archives that would inflate far beyond any real export.
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024
# Far more rows than any export (orders run to 100,000): refuse before memory grows without bound.
MAX_ROWS = 500_000
# Excel cannot hold more characters in one cell; a longer value is not from a spreadsheet.
MAX_CELL_CHARS = 32_767
# Files that are clearly not tables, by their first bytes.
_BINARY_KINDS = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"Rar!", "a RAR archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)


@dataclass
class Sheet:
    name: str
    rows: list[Row]


class Sheets(list):
    """The visible sheets of a workbook (a plain list of Sheet), plus the hidden ones set aside.

    Hidden and very hidden sheets are never imported: they often hold stale prices or helper tables the user
    cannot see. `hidden` keeps each one's name and first rows, so a caller that finds nothing to import can
    say "only the hidden sheet X matches" instead of a bare "not found".
    """

    def __init__(self, sheets: Sequence[Sheet] = (), hidden: Sequence[Sheet] = ()) -> None:
        super().__init__(sheets)
        self.hidden: list[Sheet] = list(hidden)

    @property
    def hidden_names(self) -> list[str]:
        return [sheet.name for sheet in self.hidden]


HIDDEN_SHEET_ROWS = 30  # enough of a hidden sheet to recognise its header row


def hidden_sheet_note(sheets: Sequence[Sheet], matches: Callable[[Sheet], bool] | None = None) -> str:
    """A sentence for an error message when a hidden sheet holds what was looked for ("" when none does).

    `matches` says whether a sheet would have been imported; without it any hidden sheet is mentioned.
    """
    hidden = [s for s in getattr(sheets, "hidden", ()) if matches is None or matches(s)]
    if not hidden:
        return ""
    names = "、".join(s.name for s in hidden)
    return translate(
        "Messages",
        "Only the hidden sheet {0} matches; hidden sheets are never imported. If it holds the data you mean, "
        "unhide it in Excel (right-click a sheet tab → Unhide), check it and import again.",
    ).format(names)


def read_sheets(path: str | Path) -> list[Sheet]:
    """The visible sheets of a workbook, or the single table of a CSV/TSV/TXT file.

    The result is a `Sheets` list: hidden sheets are left out and named in its `hidden` (see Sheets).
    """
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
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK"):
        return _checked(_read_workbook(path, zipped=True), path.name)
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # legacy .xls (OLE)
        return _checked(_read_workbook(path, zipped=False), path.name)
    for magic, kind in _BINARY_KINDS:
        if head.startswith(magic):
            raise ImportFailed(
                path.name,
                translate("Messages", "This is {0}, not a table. Choose the .xlsx or .csv export instead.").format(kind),
            )
    data = path.read_bytes()
    try:
        text = decode_text(data, path.name)
    except ImportFailed:
        text = None
        if path.suffix.lower() not in EXCEL_SUFFIXES:
            raise
    del data
    if path.suffix.lower() in EXCEL_SUFFIXES and (text is None or not _looks_like_table(text)):
        # a CSV renamed .xlsx is read (content wins); anything else is a damaged or renamed file
        raise ImportFailed(
            path.name,
            translate("Messages", "The file is named like an Excel workbook but is not one (it may be damaged or renamed). Open it in Excel and save it again as .xlsx, or download it again."),
        )
    return _checked(Sheets([Sheet(path.stem, read_delimited_text(text, path.name, csv_file=True))]), path.name)


def decode_text(data: bytes, file_name: str) -> str:
    head = data[:4096]
    # UTF-16/32 text has a zero byte in every other character of ASCII; a few stray NULs in UTF-8 do not make it so
    if b"\x00" in head and not (head.count(0) < len(head) // 8 and _is_utf8(data)):
        encodings = ["utf-16", "utf-32"]
        if not head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 without a byte-order mark
            # ASCII (digits, commas, line ends) has its zero byte second in little-endian, first in big-endian
            little = head[1::2].count(0) >= head[0::2].count(0)
            encodings = ["utf-16-le" if little else "utf-16-be", "utf-32"]
        for encoding in encodings:
            try:
                text = data.decode(encoding)
            except UnicodeError:
                continue
            if _looks_like_text(text):
                return text
        raise ImportFailed(file_name, translate("Messages", "This is not a text table (it holds binary data). Choose an .xlsx or .csv export."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_text(text) and _looks_like_chinese(text):
        return text
    raise ImportFailed(
        file_name,
        translate("Messages", "The text is neither UTF-8 nor GBK (another encoding such as Shift-JIS or Big5?). Save the file as \"CSV UTF-8\" in Excel and import it again."),
    )


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _looks_like_table(text: str) -> bool:
    """At least two lines that split on the same delimiter: a CSV/TSV table, not a stray text file."""
    lines = [line for line in text[:100_000].splitlines()[:20] if line.strip()]
    return any(sum(1 for line in lines if d in line) >= 2 for d in (",", "\t", ";"))


def _looks_like_text(text: str) -> bool:
    """No control characters besides tab and line ends in the first few thousand characters."""
    sample = text[:4096]
    return not any(ord(c) < 32 and c not in "\t\r\n" for c in sample)


def _looks_like_chinese(text: str) -> bool:
    """GBK-decoded text of a real Chinese file is nearly all common (GB2312) characters.

    Bytes in another encoding (Shift-JIS, Big5) decode as GBK too, but to rare characters: refuse those.
    """
    wide = [c for c in text[:20_000] if ord(c) > 127]
    if not wide:
        return True
    common = 0
    for c in wide:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= 0.8 * len(wide)


def read_delimited_text(text: str, file_name: str = "clipboard", csv_file: bool = False) -> list[Row]:
    """Rows of a CSV/TSV text, the delimiter guessed from the content (comma, tab or semicolon).

    With `csv_file`, a cell that is a formula (=1+1, =HYPERLINK(…)) is refused: a spreadsheet would compute
    it, so the text is not the value the user sees. The ="00123" guard for leading zeros is fine.
    """
    sample = "\n".join(text[:100_000].replace("\r\n", "\n").replace("\r", "\n").split("\n")[:20])
    delimiter = max((",", "\t", ";"), key=sample.count) if sample else ","
    if sample.count(delimiter) == 0:
        delimiter = ","
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter)
    try:
        if not (csv_file and "=" in text):  # no cell can be a formula: read every row in one C-level call
            rows = list(islice(reader, MAX_ROWS + 1))
            if len(rows) > MAX_ROWS:
                raise ImportFailed(file_name, _too_many_rows())
        else:
            for row in reader:
                if len(rows) >= MAX_ROWS:
                    raise ImportFailed(file_name, _too_many_rows())
                for column, cell in enumerate(row):
                    if cell[:1] == "=" and not (cell.startswith('="') and cell.endswith('"')):
                        raise _formula(file_name, reader.line_num, column, cell)
                rows.append(row)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise ImportFailed(
                file_name,
                translate("Messages", "A cell near line {0} is longer than {1:,} characters, more than a spreadsheet cell holds. Check that this is the right file, or shorten the cell.").format(reader.line_num, MAX_CELL_CHARS),
            ) from None
        raise ImportFailed(
            file_name, translate("Messages", "The text table cannot be read at line {0} ({1}). Save it again as CSV.").format(reader.line_num, exc)
        ) from None
    if csv_file:
        _refuse_cut_rows(rows, text, file_name)
    return rows


def _refuse_cut_rows(rows: list[Row], text: str, file_name: str) -> None:
    """Refuse a CSV that stops mid-row (a download or save cut short) or has a row missing fields.

    The table's width is its most common row length (the widest on a tie); rows above its first full-width
    row are titles. Below it, a non-blank row with fewer fields cannot be read safely: its values would land
    in the wrong columns, or be the first half of a cut value. Excel pads every row of a saved CSV, so a
    real export never has one.
    """
    if len(rows) < 2:
        return
    lengths = Counter(len(row) for row in rows)
    width = max(lengths, key=lambda n: (lengths[n], n))
    header = next(i for i, row in enumerate(rows) if len(row) == width)
    for index in range(header + 1, len(rows)):
        row = rows[index]
        if len(row) >= width or not any(cell.strip() for cell in row):
            continue
        last = index == len(rows) - 1 and not text.endswith(("\n", "\r"))
        if last:
            message = translate(
                "Messages",
                "The file seems cut off at row {0}: its last line stops after {1} of the header's {2} fields, "
                "with no line end. It may not have finished downloading or saving; download or save it again.",
            )
        else:
            message = translate(
                "Messages",
                "The file seems cut off at row {0}: that row has {1} of the header's {2} fields, so its values "
                "cannot be matched to their columns. Save the file again from Excel, or fix the row.",
            )
        shown = ",".join(row)
        raise ImportFailed(
            file_name,
            message.format(index + 1, len(row), width),
            [CellProblem(index + 1, None, shown[:60], translate("Messages", "fewer fields than the header"))],
        )


def _formula(file_name: str, line: int, column: int, cell: str) -> ImportFailed:
    return ImportFailed(
        file_name,
        translate("Messages", "The file holds a formula; LiveDesk reads values only. Replace the formula with its value (in Excel: copy, then Paste Special → Values) and import again."),
        [CellProblem(line, column_letter(column), cell[:60], translate("Messages", "a formula, not a value"))],
    )


def _too_many_rows() -> str:
    return translate("Messages", "The file has more than {0:,} rows, far more than any export this app reads. Check that it is the right file, or split it.").format(MAX_ROWS)


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _checked(sheets: Sheets, file_name: str) -> Sheets:
    """Refuse a cell longer than a spreadsheet cell can be (e.g. a 5 MB string), naming where it is."""
    for sheet in sheets:
        if _longest_text(sheet.rows) < MAX_CELL_CHARS:  # the usual case: no need to know where each cell is
            continue
        for index, row in enumerate(sheet.rows):
            for column, cell in enumerate(row):
                if type(cell) is str and len(cell) >= MAX_CELL_CHARS:  # calamine cuts longer cells to the limit
                    raise ImportFailed(
                        file_name,
                        translate("Messages", "A cell holds {0:,} characters or more, as much as a spreadsheet cell can (the rest may be cut off). Check that this is the right file, or shorten the cell.").format(len(cell)),
                        [CellProblem(index + 1, column_letter(column), cell[:40] + "…", translate("Messages", "too long"), sheet.name)],
                    )
    return sheets


def _longest_text(rows: list[Row]) -> int:
    """The length of the longest text cell, in one plain pass (orders run to a million cells)."""
    longest = 0
    for row in rows:
        for cell in row:
            if type(cell) is str and len(cell) > longest:
                longest = len(cell)
    return longest


def _read_workbook(path: Path, zipped: bool) -> list[Sheet]:
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    if zipped:
        _refuse_zip_bomb(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = Sheets()
        for meta in workbook.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # a chart sheet holds no cells
            sheet = workbook.get_sheet_by_name(meta.name)
            if meta.visible != SheetVisibleEnum.Visible:
                sheets.hidden.append(Sheet(meta.name, sheet.to_python(skip_empty_area=False, nrows=HIDDEN_SHEET_ROWS)))
                continue
            if sheet.total_height > MAX_ROWS:
                raise ImportFailed(path.name, _too_many_rows())
            sheets.append(Sheet(meta.name, sheet.to_python(skip_empty_area=False)))
        return sheets
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
