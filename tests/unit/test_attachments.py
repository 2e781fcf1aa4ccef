"""Attachments stay home: a stored path never leads outside the data folder, and only documents open."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from livedesk.models import Product, QualificationDocument
from livedesk.services import products as ps

OUTSIDE = [
    "/etc/passwd",
    "../../../../etc/passwd",
    "attachments/../../secrets.pdf",
    "attachments/products/1/documents/../../../../../outside.pdf",
    "C:\\Windows\\System32\\calc.exe",
    "\\\\server\\share\\report.pdf",
    "C:report.pdf",
    "attachments/report.pdf\x00.png",
    "",
    ".",
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    (folder / "attachments" / "products" / "1" / "documents").mkdir(parents=True)
    return folder


@pytest.mark.parametrize("stored", OUTSIDE, ids=range(len(OUTSIDE)))
def test_stored_paths_outside_the_data_folder_are_refused(data, stored):
    with pytest.raises(ps.AttachmentRefused, match="outside the LiveDesk data folder"):
        ps.attachment_file(stored, data)
    with pytest.raises(ps.AttachmentRefused):
        ps.openable_attachment(stored, data)


def test_a_symbolic_link_out_of_the_data_folder_is_refused(data, tmp_path):
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF secret")
    link = data / "attachments" / "products" / "1" / "documents" / "report.pdf"
    os.symlink(secret, link)
    with pytest.raises(ps.AttachmentRefused, match="outside"):
        ps.openable_attachment("attachments/products/1/documents/report.pdf", data)


@pytest.mark.parametrize("name", ["setup.exe", "run.bat", "a.sh", "x.app", "doc.pdf.lnk", "macro.js", "report.scr",
                                  "page.html", "noext"])
def test_only_document_types_are_opened(data, name):
    path = data / "attachments" / "products" / "1" / "documents" / name
    path.write_bytes(b"MZ")
    with pytest.raises(ps.AttachmentRefused, match="not a PDF, an image or an office document"):
        ps.openable_attachment(f"attachments/products/1/documents/{name}", data)


@pytest.mark.parametrize("name", ["质检报告.pdf", "photo.JPG", "licence.png", "sheet.xlsx", "memo.docx", "deck.pptx"])
def test_documents_inside_open(data, name):
    path = data / "attachments" / "products" / "1" / "documents" / name
    path.write_bytes(b"x")
    assert ps.openable_attachment(f"attachments/products/1/documents/{name}", data) == path.resolve()


def test_a_missing_document_says_so(data):
    with pytest.raises(ps.AttachmentRefused, match="missing"):
        ps.openable_attachment("attachments/products/1/documents/gone.pdf", data)


def test_programs_cannot_be_attached_and_nothing_is_written(db, tmp_path):
    program = tmp_path / "installer.exe"
    program.write_bytes(b"MZ")
    attachments = tmp_path / "data" / "attachments"
    with db.session() as s:
        pid = ps.create_product(s, {"sku": "A-1", "name": "护手霜", "live_price": "39"}).id
    with pytest.raises(ps.AttachmentRefused, match="cannot be attached"):
        with db.session() as s:
            ps.attach_document(s, pid, program, attachments)
    with pytest.raises(ps.AttachmentRefused, match="cannot be attached"):
        with db.session() as s:
            ps.set_photo(s, pid, tmp_path / "report.pdf", attachments)
    with db.session() as s:
        assert s.query(QualificationDocument).count() == 0 and s.get(Product, pid).photo_path == ""
    assert not attachments.exists()
