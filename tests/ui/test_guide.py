"""Help ▸ User Guide: the bundled guide in the window's language, pictures shown, links followed; and the
guides list every hotkey the window has."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QTextDocument, QTextImageFormat

from livedesk.ui import guide

ROOT = Path(__file__).resolve().parents[2]
GUIDES = {"en": ROOT / "docs" / "user-guide.md", "zh_CN": ROOT / "docs" / "zh_CN" / "用户指南.md"}


@pytest.fixture
def locale():
    """Set the window's language for one test (install_language does this at start-up)."""
    before = QLocale()

    def use(language: str) -> None:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh_CN"
                           else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

    yield use
    QLocale.setDefault(before)


def images_in(document: QTextDocument) -> list[str]:
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(QTextImageFormat(fmt).name())
            it += 1
        block = block.next()
    return names


def open_from_menu(window) -> guide.GuideWindow:
    window.findChild(type(window.undo_action), "userGuide").trigger()
    shown = window.findChild(guide.GuideWindow)
    assert shown is not None and shown.isVisible()
    return shown


@pytest.mark.parametrize("language,heading", [("en", "LiveDesk user guide"), ("zh_CN", "LiveDesk 用户指南")])
def test_help_opens_the_guide_in_the_window_language_with_its_pictures(window, locale, language, heading):
    locale(language)
    shown = open_from_menu(window)
    browser = shown.browser
    assert Path(browser.source().toLocalFile()) == GUIDES[language]
    assert browser.document().toPlainText().startswith(heading)
    pictures = images_in(browser.document())
    assert len(pictures) == 5
    for name in pictures:
        image = browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
        assert not image.isNull(), name
        assert image.width() <= guide.MAX_IMAGE_WIDTH
    shown.close()


def test_a_second_press_raises_the_same_window(window, locale):
    locale("en")
    first = open_from_menu(window)
    assert open_from_menu(window) is first
    first.close()


def test_links_between_the_guides_open_in_place(qtbot, locale):
    locale("zh_CN")
    shown = guide.GuideWindow("zh_CN")
    qtbot.addWidget(shown)
    shown.browser.follow(QUrl("../user-guide.md"))
    assert Path(shown.browser.source().toLocalFile()) == GUIDES["en"]
    shown.browser.follow(QUrl("zh_CN/用户指南.md"))
    assert Path(shown.browser.source().toLocalFile()) == GUIDES["zh_CN"]


def test_a_missing_guide_says_where_it_should_be(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(guide, "app_root", lambda: tmp_path)
    shown = guide.GuideWindow("en")
    qtbot.addWidget(shown)
    text = shown.browser.toPlainText()
    assert "missing" in text and str(tmp_path / "docs" / "user-guide.md") in text


def _code_spans(path: Path) -> set[str]:
    return set(re.findall(r"`([^`]+)`", path.read_text(encoding="utf-8")))


def _written(keys: str) -> list[str]:
    """A key text as the guides write it: one code span per alternative, arrows for Up/Down, Enter for Return."""
    words = {"Return": "Enter", "Up": "↑", "Down": "↓"}
    return [re.sub(r"[A-Za-z]+", lambda m: words.get(m.group(), m.group()), part.strip()) for part in keys.split(" / ")]


def test_the_guides_list_every_hotkey_of_the_window(window):
    """Help ▸ Keyboard Shortcuts is built from the tabs; a hotkey added there and not to the guides fails here."""
    chinese = json.loads((ROOT / "resources" / "translations" / "zh_CN.json").read_text(encoding="utf-8"))
    shortcuts = [keys for keys, _what in window.shortcuts() if keys != "Ctrl+1 … Ctrl+5"]
    assert len(shortcuts) >= 20
    for language, path in GUIDES.items():
        spans = _code_spans(path)
        for keys in shortcuts:
            shown = chinese.get(keys, keys) if language == "zh_CN" else keys
            missing = [k for k in _written(shown) if k not in spans]
            assert missing == [], f"{path.name} does not list {keys}"
        assert "Ctrl+1" in spans and "Ctrl+5" in spans
