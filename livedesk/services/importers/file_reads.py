"""A dropped or chosen file is read once per import: what detection, the preview and the import read is kept.

Reading a workbook is the slow part of an import (100,000 order rows), and a review file goes through
three steps: the window finds out what it is, the preview inspects and parses it, the import parses it
again. `read_file` keeps the sheets of the last few files read with the file's modification time and size;
a later step gets them back as long as the file is unchanged on disk, and reads it again when it changed.
The import lets go of its files (`forget`) once it is done, so their rows do not outlive it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from livedesk.services.importers import tabular
from livedesk.services.importers.tabular import Sheet

KEPT_FILES = 8  # a drop of several exports, with room to spare; older ones are read again if needed

Stamp = tuple[int, int]  # (modification time in ns, size in bytes)


@dataclass(frozen=True)
class FileRead:
    """One file's sheets as read at `stamp`. The sheets are shared: readers never change them."""

    path: Path
    stamp: Stamp
    sheets: list[Sheet]


_kept: OrderedDict[Path, FileRead] = OrderedDict()
_lock = threading.Lock()


def _key(path: str | Path) -> Path:
    return Path(path).resolve()


def _stamp(path: Path) -> Stamp | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def read_file(path: str | Path) -> FileRead:
    """The file's sheets: read from disk, or as read before if the file has not changed since (time and size).

    Raises what `tabular.read_sheets` raises (ImportFailed for a file that is not a table, OSError…).
    """
    key = _key(path)
    stamp = _stamp(key)  # taken before reading: a file changed during the read is read again next time
    with _lock:
        kept = _kept.get(key)
        if kept is not None and stamp is not None and kept.stamp == stamp:
            _kept.move_to_end(key)
            return kept
    sheets = tabular.read_sheets(Path(path))
    read = FileRead(key, stamp or (0, 0), sheets)
    if stamp is not None:
        with _lock:
            _kept[key] = read
            _kept.move_to_end(key)
            while len(_kept) > KEPT_FILES:
                _kept.popitem(last=False)
    return read


def forget(paths: Iterable[str | Path]) -> None:
    """Let go of these files' sheets (an import is done with them, or the user cancelled it)."""
    with _lock:
        for path in paths:
            _kept.pop(_key(path), None)


def forget_all() -> None:
    with _lock:
        _kept.clear()


__all__ = ["KEPT_FILES", "FileRead", "forget", "forget_all", "read_file"]
