"""Qt for the command line: drawing PDFs and charts needs a QGuiApplication, not a screen."""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication

from egov_desk.render.singletons import keep_singletons_alive


def ensure_app() -> QGuiApplication:
    keep_singletons_alive()  # before any painting: PySide6 6.12 drains None's count (see render/singletons.py)
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["egov-desk-cli"])
    return app  # type: ignore[return-value]
