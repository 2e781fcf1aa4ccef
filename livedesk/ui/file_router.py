"""Files dropped on the window go to the importer they belong to.

What a file is, is decided off the GUI thread (reading a workbook can take a while) from its header row,
with the importers' own column vocabularies:

* a script workbook (直播脚本): a title row, then 时间节点 with 环节 / 直播阶段 / 主播动作… → Script tab;
* a product sheet (选品表): 商品名称, SKU编码 and 直播价 (or their synonyms) → Products tab;
* a schedule (排期表): 标题, 开始时间, 时长(分钟), 平台 → Schedule tab;
* a platform export the review importer recognises (巨量百应 / 抖店 / 淘宝直播 downloads, minute trends,
  order lists) → Review tab; several exports dropped together are imported together.

The tab's own import then runs as if the user had chosen the file there (preview, confirm, undo).
Anything else is listed in one message that says what LiveDesk can import.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox

from livedesk.ui.tasks import run_task

if TYPE_CHECKING:
    from livedesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

PRODUCTS, SCHEDULE, SCRIPT, REVIEW, UNKNOWN = "products", "schedule", "script", "review", "unknown"
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".csv")
translate = QCoreApplication.translate  # (the name lupdate looks for)


@dataclass(frozen=True)
class Detected:
    path: str
    kind: str
    reason: str = ""  # for unknown files: why


# --- detection (worker thread: no widgets) -------------------------------------------------------------


def _product_lookup() -> dict[str, str]:
    from livedesk.services.importers.product_sheet import COLUMNS, header_key

    return {header_key(s): name for name, synonyms in COLUMNS.items() for s in synonyms}


def _schedule_key(value: object) -> str:
    from livedesk.services.importers.tabular import normalise_header

    return normalise_header(value).replace("*", "").replace(":", "").replace("：", "")


def _schedule_lookup() -> dict[str, str]:
    from livedesk.services.importers.schedule_sheet import COLUMNS

    lookup: dict[str, str] = {}
    for name, synonyms in COLUMNS.items():
        for synonym in synonyms:
            lookup.setdefault(_schedule_key(synonym), name)
    return lookup


def _is_script(sheets) -> bool:
    from livedesk.services.importers.script_sheet import HEADERS
    from livedesk.services.importers.tabular import find_header_row

    wanted = [HEADERS["time"], HEADERS["stage"] | HEADERS["title"] | HEADERS["host"]]
    return any(find_header_row(sheet.rows, wanted) is not None for sheet in sheets)


def _is_product_sheet(sheets, scan: int = 15) -> bool:
    from livedesk.services.importers.product_sheet import REQUIRED, header_key

    lookup = _product_lookup()
    for sheet in sheets:
        for row in sheet.rows[:scan]:
            found = {lookup.get(header_key(cell)) for cell in row}
            if set(REQUIRED) <= found:
                return True
    return False


def _is_schedule(sheets, scan: int = 20) -> bool:
    from livedesk.services.importers.schedule_sheet import REQUIRED

    lookup = _schedule_lookup()
    for sheet in sheets:
        for row in sheet.rows[:scan]:
            found = {lookup.get(_schedule_key(cell)) for cell in row}
            if "date" in found:
                found.add("start")
            if set(REQUIRED) <= found:
                return True
    return False


def detect(path: str | Path) -> Detected:
    """What one file is; never raises (an unreadable file is UNKNOWN with the reason)."""
    from livedesk.services.importers.errors import ImportFailed
    from livedesk.services.importers.file_reads import read_file
    from livedesk.services.importers.review_files import inspect_review_file

    path = Path(path)
    if not path.is_file():
        return Detected(str(path), UNKNOWN, translate("FileRouter", "not a file"))
    if path.suffix.lower() not in SPREADSHEETS:
        return Detected(str(path), UNKNOWN, translate("FileRouter", "not a spreadsheet (.xlsx, .xls or .csv)"))
    try:
        sheets = read_file(path).sheets  # kept: the review import's preview and import read it no more
    except Exception as exc:  # damaged, encrypted, locked…: tell the user, do not crash the worker
        log.info("Cannot read dropped file %s: %s", path, exc)
        return Detected(str(path), UNKNOWN, translate("FileRouter", "cannot be read: {0}").format(exc))
    if _is_script(sheets):
        return Detected(str(path), SCRIPT)
    if _is_product_sheet(sheets):
        return Detected(str(path), PRODUCTS)
    if _is_schedule(sheets):
        return Detected(str(path), SCHEDULE)
    try:
        recognised = inspect_review_file(path).recognised  # an unknown table is offered for mapping only on import
    except ImportFailed:
        recognised = False
    except Exception as exc:
        log.info("Cannot inspect dropped file %s: %s", path, exc)
        return Detected(str(path), UNKNOWN, translate("FileRouter", "cannot be read: {0}").format(exc))
    if not recognised:
        return Detected(str(path), UNKNOWN, translate("FileRouter", "its columns match none of LiveDesk's imports"))
    return Detected(str(path), REVIEW)


def detect_all(paths: list[str], progress=None, cancelled=None) -> list[Detected]:
    found = []
    for index, path in enumerate(paths):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(index, len(paths))
        found.append(detect(path))
        if found[-1].kind != REVIEW:  # only the review import reuses what detection read (file_reads.py)
            from livedesk.services.importers.file_reads import forget

            forget([path])
    return found


def dropped_paths(mime) -> list[str]:
    """Local files in a drag's mime data (a QMimeData, or anything with urls())."""
    urls = mime.urls() if mime is not None else []
    return [url.toLocalFile() for url in urls if url.isLocalFile() and url.toLocalFile()]


def importable_kinds() -> str:
    return "\n".join([
        translate("FileRouter", "• 选品表 (product sheet) → Products"),
        translate("FileRouter", "• 排期表 (schedule) → Schedule"),
        translate("FileRouter", "• 直播脚本 (script workbook) → Script, for the stream chosen there"),
        translate("FileRouter", "• Platform data exports (巨量百应, 抖店, 淘宝直播, minute trends, orders) → Review, for the stream chosen there"),
    ])


# --- routing (GUI thread) ------------------------------------------------------------------------------


class FileRouter(QObject):
    """Sends files to the tabs' importers; one per main window (window.file_router)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.last_routed: list[Detected] = []
        self.message_box: QMessageBox | None = None

    def route(self, paths: list[str]) -> None:
        paths = [str(p) for p in paths]
        if not paths:
            return
        self.window.statusBar().showMessage(translate("FileRouter", "Reading the dropped files…"))
        run_task(lambda progress, cancelled: detect_all(paths, progress, cancelled), self.dispatch, self._failed)

    def _failed(self, exc: BaseException) -> None:
        from livedesk.ui.errors import show_error

        self.window.statusBar().clearMessage()
        show_error(self.window, exc, translate("FileRouter", "Import dropped files"))

    def dispatch(self, found: list[Detected]) -> None:
        self.window.statusBar().clearMessage()
        self.last_routed = list(found)
        by_kind: dict[str, list[str]] = defaultdict(list)
        for item in found:
            by_kind[item.kind].append(item.path)
        unknown = [item for item in found if item.kind == UNKNOWN]
        notes: list[str] = []
        for path in by_kind.get(PRODUCTS, []):
            self.window.show_tab("products").import_products(path)
        for path in by_kind.get(SCHEDULE, []):
            self.window.show_tab("schedule").import_schedule(path)
        for path in by_kind.get(SCRIPT, []):
            tab = self.window.show_tab("script")
            if getattr(tab, "stream_id", None) is None:
                notes.append(translate("FileRouter", "{0}: choose the stream in the Script tab first, then drop the script again.")
                             .format(Path(path).name))
                continue
            tab.import_script(path)
        reviews = by_kind.get(REVIEW, [])
        if reviews:
            tab = self.window.show_tab("review")
            if getattr(tab, "stream_id", None) is None:
                notes.append(translate("FileRouter", "Choose the stream in the Review tab first, then drop its data exports again."))
            else:
                tab.import_files(reviews)
        if unknown or notes:
            self._explain(unknown, notes)

    def _explain(self, unknown: list[Detected], notes: list[str]) -> None:
        lines = list(notes)
        if unknown:
            lines += [translate("FileRouter", "LiveDesk does not know what to do with:")]
            lines += [f"  {Path(item.path).name}: {item.reason}" for item in unknown]
            lines += ["", translate("FileRouter", "Files LiveDesk can import:"), importable_kinds()]
        box = QMessageBox(QMessageBox.Icon.Information, translate("FileRouter", "Dropped files"), "\n".join(lines),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("droppedFilesBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()


def router_for(window: MainWindow) -> FileRouter:
    router = getattr(window, "file_router", None)
    if router is None:
        router = window.file_router = FileRouter(window)
    return router


def drag_enter(window: MainWindow, event) -> None:
    if dropped_paths(event.mimeData()):
        event.acceptProposedAction()
    else:
        event.ignore()


def drop(window: MainWindow, event) -> None:
    paths = dropped_paths(event.mimeData())
    if not paths:
        event.ignore()
        return
    event.acceptProposedAction()
    router_for(window).route(paths)
