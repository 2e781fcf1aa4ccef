"""The product panel opens only documents inside the data folder; a path from the database that leads
elsewhere, or a program, is refused with a message and never handed to the system."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from livedesk.models import Product, QualificationDocument
from livedesk.services import products
from livedesk.ui.products.tab import ProductsTab


@pytest.fixture
def tab(qtbot, db, paths):
    widget = ProductsTab(db, paths)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    return widget


@pytest.fixture
def opened(monkeypatch):
    calls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: calls.append(url.toLocalFile()) or True))
    return calls


def product_with_document(db, paths, stored: str, photo: str = "") -> int:
    with db.session() as s:
        pid = products.create_product(s, {"sku": "D-1", "name": "护手霜", "live_price": "39"}).id
        product = s.get(Product, pid)
        product.documents.append(QualificationDocument(file_name=stored.rsplit("/", 1)[-1], stored_path=stored))
        product.photo_path = photo
    return pid


def show(tab, pid: int) -> None:
    tab.reload()
    assert tab.select_product(pid)
    tab.detail.docs_view.selectRow(0)


@pytest.mark.parametrize("stored", ["/bin/sh", "../../../../bin/sh", "attachments/../../elsewhere.pdf"])
def test_a_path_outside_the_data_folder_is_refused(tab, db, paths, opened, qtbot, stored):
    show(tab, product_with_document(db, paths, stored))
    assert tab.detail.open_document() is False
    assert opened == []
    box = tab.detail.findChild(QMessageBox, "attachmentRefused")
    assert box is not None and "outside the LiveDesk data folder" in box.text()


def test_an_executable_inside_the_data_folder_is_not_opened(tab, db, paths, opened):
    folder = paths.data / "attachments" / "products" / "1" / "documents"
    folder.mkdir(parents=True)
    (folder / "setup.exe").write_bytes(b"MZ")
    show(tab, product_with_document(db, paths, "attachments/products/1/documents/setup.exe"))
    assert tab.detail.open_document() is False
    assert opened == []
    box = tab.detail.findChild(QMessageBox, "attachmentRefused")
    assert box is not None and "setup.exe" in box.text()


def test_a_pdf_inside_opens(tab, db, paths, opened):
    folder = paths.data / "attachments" / "products" / "1" / "documents"
    folder.mkdir(parents=True)
    (folder / "质检报告.pdf").write_bytes(b"%PDF-1.4")
    show(tab, product_with_document(db, paths, "attachments/products/1/documents/质检报告.pdf"))
    assert tab.detail.open_document() is True
    assert opened == [str((folder / "质检报告.pdf").resolve())]


def test_a_photo_path_leading_outside_shows_no_photo(tab, db, paths, tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    outside = tmp_path / "outside.png"
    image.save(str(outside))
    show(tab, product_with_document(db, paths, "attachments/x.pdf", photo=str(outside)))
    assert tab.detail.photo_label.pixmap().isNull()
    with db.session() as s:
        assert s.scalar(select(Product.photo_path)) == str(outside)  # shown as "No photo", the data untouched
