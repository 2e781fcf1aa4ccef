"""Load the interface language: the system's, or the one chosen with --lang or in preferences."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from livedesk.resources import resource_path

_installed: list[QTranslator] = []


def choose_language(cli_lang: str | None, preference: str) -> str:
    if cli_lang:
        return cli_lang
    if preference:
        return preference
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_language(app: QApplication, language: str) -> None:
    from PySide6.QtCore import QCoreApplication

    from livedesk.services import messages

    messages.install_translator(QCoreApplication.translate)  # services' messages follow the UI language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", "livedesk_zh_CN.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        qt_base = QTranslator(app)
        if qt_base.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_base)
            _installed.append(qt_base)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        plurals = QTranslator(app)  # English is the source; this file holds only "1 stream" / "3 streams"
        if plurals.load(str(resource_path("translations", "livedesk_en.qm"))):
            app.installTranslator(plurals)
            _installed.append(plurals)
