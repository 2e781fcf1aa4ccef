"""The zh_CN translation is complete, keeps every placeholder, and the compiled .qm is what Qt loads."""

from __future__ import annotations

import json
import re

from PySide6.QtCore import QTranslator

from tools import i18n

PLACEHOLDER = re.compile(r"\{\d+\}|%n")


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_every_source_string_has_a_translation():
    missing = i18n.missing_sources()
    assert not missing, (
        f"{len(missing)} UI strings have no Chinese translation: run `uv run python -m tools.i18n` "
        "and translate what it lists in resources/translations/zh_CN.json (see docs/glossary.md):\n"
        + "\n".join(json.dumps(s, ensure_ascii=False) for s in missing)
    )


def test_translations_keep_the_placeholders():
    dictionary = i18n.load_dictionary()
    assert dictionary, "resources/translations/zh_CN.json is empty or missing"
    wrong = {
        source: text
        for source, text in dictionary.items()
        if _placeholders(source) != _placeholders(text)
    }
    assert not wrong, "translations that drop or add {0}/{1}/%n placeholders:\n" + "\n".join(
        f"{json.dumps(s, ensure_ascii=False)} → {json.dumps(t, ensure_ascii=False)}" for s, t in wrong.items()
    )


def test_translations_keep_the_mnemonic_letter():
    """'&File' → '文件(&F)': the same letter stays the accelerator."""
    dictionary = i18n.load_dictionary()
    wrong = {}
    for source, text in dictionary.items():
        match = re.search(r"&(\w)", source)
        if match and f"&{match.group(1).upper()}" not in text.upper():
            wrong[source] = text
    assert not wrong, f"translations that lose their & mnemonic: {wrong}"


def test_compiled_qm_translates(qapp):
    assert i18n.QM.exists(), f"{i18n.QM} is missing: run `uv run python -m tools.i18n`"
    translator = QTranslator()
    assert translator.load(str(i18n.QM)), f"{i18n.QM} cannot be loaded"
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("MainWindow", "LiveDesk") == "LiveDesk"


def test_every_review_figure_is_labelled_in_chinese(qapp):
    """The review's KPI table is built in services: its labels and bases reach the .qm like any other string."""
    from livedesk.services.review_model import kpi_table

    translator = QTranslator()
    assert translator.load(str(i18n.QM))
    untranslated = [
        text for kpi in kpi_table() for text in (kpi.label, kpi.basis)
        if text and not translator.translate("Messages", text)
    ]
    assert untranslated == []
