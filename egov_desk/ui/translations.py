"""The UI's language: Qt's own translations and ours, installed into the application (at start and when the
person switches language)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from egov_desk.paths import resource_dir

_installed: list[QTranslator] = []
_language = ["zh_CN"]  # the language installed last


def installed_language() -> str:
    """The language the UI shows now."""
    return _language[0]


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Qt's own strings (buttons, dialogs) and ours, replacing any installed before."""
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    _language[0] = lang
    if lang.startswith("en"):
        QLocale.setDefault(QLocale("en_US"))
        return []
    QLocale.setDefault(QLocale(lang))
    for name, folder in (
        (f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"egov_desk_{lang}", str(resource_dir("translations"))),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return list(_installed)
