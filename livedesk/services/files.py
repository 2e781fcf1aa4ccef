"""Writing a file whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_write(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside `target` to write the whole file to, moved over `target` when the block ends.

    A failure (a full disk, a cancel, a bug) removes the temporary file and leaves any earlier `target`
    as it was: a reader never sees half a file. The folder is created when missing.
    """
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=f"{path.suffix}.tmp", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
