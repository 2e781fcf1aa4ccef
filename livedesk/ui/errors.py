"""Show errors in words a user understands; log bugs with their traceback and never die silently."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("livedesk.ui")
_log_file: Path | None = None



def user_error_text(exc: BaseException) -> str | None:
    """The message for an error the user can fix (a services UserError, a teammate's ConcurrentEditError, a
    full disk or a file that cannot be written), or None for a bug."""
    from livedesk.services.errors import UserError

    if isinstance(exc, UserError):
        return str(exc)
    from livedesk.services.faults import environment_fault

    fault = environment_fault(exc, None)  # a full disk, a read-only folder, a lock, a lost server
    if fault is not None:
        return str(fault)
    if isinstance(exc, PermissionError):
        return QCoreApplication.translate("Errors", "The file cannot be written: permission denied ({0}). Choose another place.").format(exc.filename)
    if isinstance(exc, OSError) and exc.filename:
        return QCoreApplication.translate("Errors", "The file {0} cannot be used: {1}").format(exc.filename, exc.strerror)
    return None


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    message = user_error_text(exc)
    if message is None:
        log.error("Unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        message = QCoreApplication.translate(
            "Errors", "Something went wrong. Your data is safe: the last action was not saved.\n\n"
            "The details are in the log file:\n{0}"
        ).format(_log_file or "")
    box = QMessageBox(QMessageBox.Icon.Warning, title or QCoreApplication.translate("Errors", "LiveDesk"), message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal without a nested event loop


def install_excepthook(log_file: Path) -> None:
    """Unexpected exceptions in slots are logged and shown, never lost."""
    global _log_file
    _log_file = log_file

    def hook(exc_type, exc, tb) -> None:
        log.error("Unhandled exception:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if QApplication.instance() is not None and exc_type is not KeyboardInterrupt:
            try:
                show_error(QApplication.activeWindow(), exc)
            except Exception:  # the dialog itself failed; the log still has the details
                log.exception("Could not show the error dialog")

    sys.excepthook = hook
