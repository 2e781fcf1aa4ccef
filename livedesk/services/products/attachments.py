"""Files kept in the data folder: qualification documents and product photos, and opening them safely."""

from __future__ import annotations

import re
import shutil
from pathlib import Path, PureWindowsPath

from sqlalchemy.orm import Session

from livedesk.models import (
    Product,
    Qualification,
    QualificationDocument,
)
from livedesk.services.errors import UserError
from livedesk.services.messages import translate
from livedesk.services.products.edits import _touch, get_product

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".heic"})
OFFICE_SUFFIXES = frozenset({
    ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf", ".wps", ".et", ".dps",
})
DOCUMENT_SUFFIXES = frozenset({".pdf"}) | IMAGE_SUFFIXES | OFFICE_SUFFIXES  # what the panel attaches and opens


class AttachmentRefused(UserError, ValueError):
    """An attachment that is not a document, or whose stored path leads outside the data folder."""


def _default_attachments() -> Path:
    from livedesk.config import app_paths

    return app_paths().attachments


def _check_kind(source: Path, allowed: frozenset[str]) -> None:
    if source.suffix.lower() not in allowed:
        raise AttachmentRefused(
            translate(
                "Messages",
                "{0} cannot be attached: only PDF files, images and office documents (Word, Excel, PowerPoint, "
                "WPS) can. Save it as a PDF and attach that.",
            ).format(source.name)
        )


def _copy_into(source_path: str | Path, folder: Path) -> Path:
    source = Path(source_path)
    if not source.is_file():
        raise ValueError(
            translate("Messages", "{0} cannot be found or is not a file; choose the file again.").format(
                source.name or source
            )
        )
    folder.mkdir(parents=True, exist_ok=True)
    safe_name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", source.name) or "file"
    target = folder / safe_name
    stem, suffix, n = target.stem, target.suffix, 1
    while target.exists():
        n += 1
        target = folder / f"{stem} ({n}){suffix}"
    shutil.copy2(source, target)
    return target


def attach_document(
    session: Session,
    product_id: int,
    source_path: str | Path,
    attachments_dir: str | Path | None = None,
    mark_ok: bool = True,
) -> QualificationDocument:
    """Copy a 质检报告 or licence into the data folder so it survives the original being moved.

    `attachments_dir` defaults to config.app_paths().attachments; the stored path is relative to its parent
    (the data folder). With `mark_ok` the product's qualification becomes ok.
    """
    _check_kind(Path(source_path), DOCUMENT_SUFFIXES)
    product = get_product(session, product_id)
    base = Path(attachments_dir) if attachments_dir else _default_attachments()
    target = _copy_into(source_path, base / "products" / str(product_id) / "documents")
    document = QualificationDocument(
        file_name=Path(source_path).name, stored_path=target.relative_to(base.parent).as_posix()
    )
    product.documents.append(document)
    if mark_ok:
        product.qualification = Qualification.OK.value
    _touch(product)
    session.flush()
    return document


def remove_document(session: Session, document_id: int) -> None:
    """Forget a document; its copied file stays in the data folder so undo and backups keep working."""
    document = session.get(QualificationDocument, document_id)
    if document is not None:
        product = session.get(Product, document.product_id)
        session.delete(document)
        if product is not None:
            _touch(product)  # teammates' version checks see the change
        session.flush()


def set_photo(
    session: Session, product_id: int, source_path: str | Path, attachments_dir: str | Path | None = None
) -> str:
    """Copy a product photo into the data folder and remember it; returns the path relative to the data folder."""
    _check_kind(Path(source_path), IMAGE_SUFFIXES)
    product = get_product(session, product_id)
    base = Path(attachments_dir) if attachments_dir else _default_attachments()
    target = _copy_into(source_path, base / "products" / str(product_id) / "photo")
    product.photo_path = target.relative_to(base.parent).as_posix()
    session.flush()
    return product.photo_path


def attachment_file(stored_path: str, data_dir: str | Path | None = None) -> Path:
    """The absolute path of a stored document or photo (stored paths are relative to the data folder).

    The path is resolved (`..`, symbolic links) and must stay inside the data folder: a stored path that
    leads anywhere else — absolute, `../..`, a link out, a NUL byte — raises AttachmentRefused.
    """
    if data_dir is None:
        data_dir = _default_attachments().parent
    home = Path(data_dir).resolve()
    refused = AttachmentRefused(
        translate(
            "Messages",
            "The attachment path {0} leads outside the LiveDesk data folder, so it is not opened. Attach the "
            "file again.",
        ).format(str(stored_path).replace("\x00", "")[:200])
    )
    if not stored_path or "\x00" in stored_path or Path(stored_path).is_absolute() or PureWindowsPath(stored_path).anchor:
        raise refused
    try:
        resolved = (home / stored_path).resolve()
    except (OSError, RuntimeError, ValueError) as exc:  # a link loop, a name the system refuses
        raise refused from exc
    if resolved == home or not resolved.is_relative_to(home):
        raise refused
    return resolved


def openable_attachment(stored_path: str, data_dir: str | Path | None = None) -> Path:
    """The attachment the panel may hand to the system to open: inside the data folder, an existing file,
    and a document type (PDF, image, office file), never a program or script."""
    path = attachment_file(stored_path, data_dir)
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise AttachmentRefused(
            translate(
                "Messages",
                "{0} is not a PDF, an image or an office document, so LiveDesk does not open it (it could be a "
                "program). Open it yourself from the data folder if you trust it.",
            ).format(path.name)
        )
    if not path.is_file():
        raise AttachmentRefused(
            translate("Messages", "{0} is missing from the data folder. Attach the file again.").format(path.name)
        )
    return path
