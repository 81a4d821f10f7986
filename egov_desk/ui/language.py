"""The language the window speaks, for wording that does not come from Qt's translations (core's refusals)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def ui_language() -> str:
    """ "en" or "zh_CN", as set by install_translations through QLocale's default."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"
