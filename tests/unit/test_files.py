"""atomic_write: a file is replaced whole or left as it was."""

from __future__ import annotations

import pytest

from livedesk.services.files import atomic_write


def test_a_finished_write_replaces_the_file_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "new folder" / "排期.xlsx"
    with atomic_write(target) as tmp:
        assert tmp.parent == target.parent and tmp != target
        tmp.write_bytes(b"whole")
    assert target.read_bytes() == b"whole"
    assert [p.name for p in target.parent.iterdir()] == ["排期.xlsx"]


def test_a_failed_write_keeps_the_earlier_file_and_removes_the_half_written_one(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"yesterday's report")
    with pytest.raises(OSError, match="disk full"), atomic_write(target) as tmp:
        tmp.write_bytes(b"half")
        raise OSError("disk full")
    assert target.read_bytes() == b"yesterday's report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
