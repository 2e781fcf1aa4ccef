"""Translatable messages for code that must not import Qt.

Services write `translate("Messages", "English text {0}").format(value)`. pyside6-lupdate finds these
calls by name, so the strings land in the same translation file as the UI's; the GUI installs Qt's
translator at start, while the command line keeps English.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None


def install_translator(function: Callable[[str, str], str] | None) -> None:
    global _translator
    _translator = function


def installed_translator() -> Callable[[str, str], str] | None:
    """The translator in use (None: English), so a report in another language can put it back afterwards."""
    return _translator


def translate(context: str, text: str) -> str:
    return _translator(context, text) if _translator else text
