"""A dropped or chosen file is read once per import: what detection, the preview and the import read is kept.

Reading a workbook is the slow part of an import (100,000 order rows), and a review file goes through
three steps: the window finds out what it is, the preview inspects and parses it, the import parses it
again. `read_file` keeps the sheets of the last few files read with the file's modification time and size;
a later step gets them back as long as the file is unchanged on disk, and reads it again when it changed.
The import lets go of its files (`forget`) once it is done, so their rows do not outlive it.

`read_ahead` starts reading files on a thread of their own: python-calamine parses a sheet without holding
the GIL, so a command reads its workbook while the database code loads and the database opens.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from livedesk.services.importers import tabular
from livedesk.services.importers.tabular import Sheet

KEPT_FILES = 8  # a drop of several exports, with room to spare; older ones are read again if needed

Stamp = tuple[int, int]  # (modification time in ns, size in bytes)


@dataclass(frozen=True)
class FileRead:
    """One file's sheets as read at `stamp`. The sheets are shared: readers never change them.

    `parsed` keeps what was made of the sheets (the preview's parse, keyed by what it depended on), so the
    import that follows an unchanged preview does not parse the file again; it goes with the sheets.
    """

    path: Path
    stamp: Stamp
    sheets: list[Sheet]
    parsed: dict[object, object] = field(default_factory=dict, compare=False, repr=False)


_kept: OrderedDict[Path, FileRead] = OrderedDict()
_reading: dict[Path, threading.Event] = {}  # files a read-ahead thread is reading, set when it is done
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
    A file being read ahead is waited for, not read twice.
    """
    with _lock:
        pending = _reading.get(_key(path))
    if pending is not None:
        pending.wait()
    return _read(path)


def _read(path: str | Path) -> FileRead:
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


class ReadAhead:
    """Files being read on a thread; `wait()` before leaving, so no read outlives its command."""

    def __init__(self, paths: Iterable[str | Path]):
        self._paths: list[str | Path] = []
        with _lock:
            for path in paths:
                key = _key(path)
                if key not in _reading:
                    _reading[key] = threading.Event()
                    self._paths.append(path)
        self._thread = threading.Thread(target=self._read_all, name="livedesk-read-ahead", daemon=True)
        if self._paths:
            self._thread.start()

    def _read_all(self) -> None:
        for path in self._paths:
            try:
                _read(path)
            except Exception:  # noqa: BLE001 - the import reads it again and reports what is wrong with it
                pass
            finally:
                with _lock:
                    _reading.pop(_key(path)).set()

    def wait(self) -> None:
        if self._thread.is_alive():
            self._thread.join()


def read_ahead(paths: Iterable[str | Path]) -> ReadAhead:
    """Start reading these files on a thread; `read_file` then waits for a file's read instead of starting one."""
    return ReadAhead(paths)


def forget(paths: Iterable[str | Path]) -> None:
    """Let go of these files' sheets (an import is done with them, or the user cancelled it)."""
    with _lock:
        for path in paths:
            _kept.pop(_key(path), None)


def forget_all() -> None:
    with _lock:
        _kept.clear()


__all__ = ["KEPT_FILES", "FileRead", "ReadAhead", "forget", "forget_all", "read_ahead", "read_file"]
