"""In the window, faults of the computer end in an error dialog that says what to do, and a database
another program keeps locked is waited for with a message in the status bar first."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import func, select

from livedesk.models import Product
from livedesk.services import faults, products
from livedesk.ui.backup_actions import add_backup_actions

HOLDER = r"""
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE products SET notes = notes")
print("holding", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


def error_dialog_text(widget) -> str:
    boxes = [b for b in widget.window().findChildren(QMessageBox) if b.objectName() == "errorDialog"]
    assert boxes, "no error dialog was shown"
    return boxes[-1].text()


def test_back_up_onto_a_full_disk_shows_what_to_do(window, monkeypatch, tmp_path):
    back_up, _ = add_backup_actions(window)
    target = tmp_path / "usb" / "copy.sqlite3"
    real_replace = os.replace

    def full(src, dst):
        if str(dst) == str(target):
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr("livedesk.services.backup.os.replace", full)
    back_up.trigger()
    text = error_dialog_text(window)
    assert "disk is full" in text and "Free some space" in text
    assert list(target.parent.iterdir()) == []  # no partial file


def test_an_edit_while_another_program_holds_the_lock_waits_then_names_it(window, db, monkeypatch, qtbot):
    monkeypatch.setattr("livedesk.services.db.BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(faults, "RETRY_PAUSE", 0.05)
    with db.session() as s:
        pid = products.create_product(s, {"sku": "L-1", "name": "护手霜", "live_price": "39"}).id
    tab = window.show_tab("products")
    tab.reload()
    assert tab.select_product(pid)
    shown = []
    monkeypatch.setattr(window.statusBar(), "showMessage", lambda text, *a: shown.append(text))
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db.file_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
        tab.delete_selected()
    finally:
        holder.communicate("\n", timeout=30)
    waiting = [t for t in shown if "Waiting and trying again" in t]
    assert len(waiting) == faults.RETRY_ATTEMPTS - 1
    text = error_dialog_text(tab)
    assert f"process {holder.pid}" in text and "Nothing was written" in text
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 1
