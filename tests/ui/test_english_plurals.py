"""English plurals: "%n stream(s) shown" reads "1 stream shown" / "3 streams shown" (livedesk_en.qm)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from tools.i18n import english_forms


@pytest.mark.parametrize(
    ("source", "one", "many"),
    [
        ("%n stream(s) shown", "%n stream shown", "%n streams shown"),
        ("Delete %n improvement(s)", "Delete %n improvement", "Delete %n improvements"),
        ("%n box(es) packed", "%n box packed", "%n boxes packed"),
        ("%n checklist item(s) are not ticked:", "%n checklist item is not ticked:", "%n checklist items are not ticked:"),
        ("%n product(s) have no planned units yet.", "%n product has no planned units yet.",
         "%n products have no planned units yet."),
        ("%n with conflicts", "%n with conflicts", "%n with conflicts"),
    ],
)
def test_forms_are_derived_from_the_pattern(source: str, one: str, many: str) -> None:
    assert english_forms(source) == (one, many)


def _uninstall(qapp, locale: QLocale) -> None:
    """Leave the app as the other tests expect it: no translator, the locale it had."""
    from livedesk.ui import i18n

    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    QLocale.setDefault(locale)


@pytest.fixture
def english(qapp):
    from livedesk.ui.i18n import install_language

    locale = QLocale()
    install_language(qapp, "en")
    yield
    _uninstall(qapp, locale)


def test_english_numerus_messages(english) -> None:
    def tr(n: int) -> str:
        return QCoreApplication.translate("ScheduleTab", "%n stream(s) shown", "", n)

    assert tr(1) == "1 stream shown"
    assert tr(3) == "3 streams shown"
    assert tr(0) == "0 streams shown"


def test_switching_languages_replaces_the_translators(english, qapp) -> None:
    from livedesk.ui.i18n import install_language

    install_language(qapp, "zh_CN")
    assert "场" in QCoreApplication.translate("ScheduleTab", "%n stream(s) shown", "", 3)
    install_language(qapp, "en")
    assert QCoreApplication.translate("ScheduleTab", "%n stream(s) shown", "", 3) == "3 streams shown"
