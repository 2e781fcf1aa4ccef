"""The Qt set-up every rendered file shares: the application, the report's language, fonts, PNG bytes."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

FONT_FAMILIES = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "sans-serif"]

_app_ref: Any = None


def ensure_application() -> Any:
    """The running Qt application, creating one (offscreen without a display) when there is none.

    Painting text needs a QGuiApplication; the one created is a full QApplication, like the window's, so one
    process never holds two kinds of application. Creating it is only possible on the main thread, which
    is where the command line calls this.
    """
    global _app_ref
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("Rendering needs a QGuiApplication, but a QCoreApplication is running.")
        return app
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("Create the QApplication on the main thread before rendering on a worker.")
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    _app_ref = QApplication(["livedesk"])
    return _app_ref


@contextmanager
def report_language(language: str | None) -> Iterator[None]:
    """Write files in `language` ("zh_CN" or "en") meanwhile; None keeps the app's language.

    Report text goes through livedesk.services.messages, so only its translator and the default locale (for
    万 on chart axes) change; both are put back afterwards.
    """
    if language is None:
        yield
        return
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from livedesk.resources import resource_path
    from livedesk.services import messages

    app = ensure_application()
    previous_locale, previous_translator = QLocale(), messages.installed_translator()
    translator = None
    if language == "zh_CN":
        translator = QTranslator()
        if translator.load(str(resource_path("translations", "livedesk_zh_CN.qm"))):
            app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        messages.install_translator(QCoreApplication.translate)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        messages.install_translator(None)
    try:
        yield
    finally:
        if translator is not None:
            app.removeTranslator(translator)
        QLocale.setDefault(previous_locale)
        messages.install_translator(previous_translator)


def report_font(point_size: float = 10, families: list[str] | None = None) -> Any:
    from PySide6.QtGui import QFont

    font = QFont()
    font.setFamilies(families or FONT_FAMILIES)
    font.setPointSizeF(point_size)
    return font


def css_families(families: list[str] | None = None) -> str:
    """The font families for an HTML style attribute, quoted where they hold a space."""
    return ", ".join(f"'{f}'" if " " in f else f for f in families or FONT_FAMILIES)


def png_bytes(image: Any) -> bytes:
    """A QImage as PNG file bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    buffer = QByteArray()
    device = QBuffer(buffer)
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(device, "PNG")
    device.close()
    return bytes(buffer.data())
