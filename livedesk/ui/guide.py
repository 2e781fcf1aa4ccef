"""Help ▸ User Guide: the Markdown user guide from docs/, shown in a window in the window's language.

The guide is the same file the repository shows (docs/user-guide.md, docs/zh_CN/用户指南.md), bundled with
the app (build.spec), so it reads offline and never differs from the one on the web. QTextBrowser renders the
Markdown; screenshots are scaled to the window, and links to the other guide or the READMEs open in place.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QMainWindow, QTextBrowser, QWidget

from livedesk.ui import formatting

GUIDES = {"en": ("docs", "user-guide.md"), "zh_CN": ("docs", "zh_CN", "用户指南.md")}
MAX_IMAGE_WIDTH = 1000  # the gallery is 1440 px wide: shown smaller, still readable


def app_root() -> Path:
    """The folder holding docs/ and the READMEs: the repository, or the PyInstaller bundle."""
    return Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))


def guide_path(language: str) -> Path:
    return app_root().joinpath(*GUIDES.get(language, GUIDES["en"]))


def window_language() -> str:
    return "zh_CN" if formatting.is_chinese() else "en"


class GuideBrowser(QTextBrowser):
    """Renders the guide; follows links between the bundled Markdown files and sends web links to the browser."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guideBrowser")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self.follow)

    def follow(self, url: QUrl) -> None:
        if not url.isLocalFile() and url.scheme() not in ("", "file"):
            QDesktopServices.openUrl(url)
            return
        target = self.source().resolved(url)
        path = Path(target.toLocalFile())
        if path.suffix.lower() == ".md" and path.is_file():
            self.setSource(QUrl.fromLocalFile(str(path)))
        elif path.is_file():
            QDesktopServices.openUrl(target)

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 - Qt override
        if kind == QTextDocument.ResourceType.ImageResource.value:
            path = Path(self.source().resolved(url).toLocalFile())
            image = QImage(str(path))
            if not image.isNull():
                return image.scaledToWidth(min(image.width(), MAX_IMAGE_WIDTH), Qt.TransformationMode.SmoothTransformation)
        return super().loadResource(kind, url)


class GuideWindow(QMainWindow):
    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle(self.tr("LiveDesk User Guide"))
        self.browser = GuideBrowser(self)
        self.setCentralWidget(self.browser)
        self.resize(1100, 800)
        path = guide_path(language)
        if path.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:  # a damaged install: say where the guide should be rather than show an empty window
            self.browser.setPlainText(self.tr("The user guide is missing from this installation: {0}").format(path))


def open_guide(parent: QWidget, language: str | None = None) -> GuideWindow:
    """Show the guide (one window per parent, raised when already open)."""
    window = parent.findChild(GuideWindow)
    if window is None:
        window = GuideWindow(language or window_language(), parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
