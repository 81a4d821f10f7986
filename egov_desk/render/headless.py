"""Qt for the command line: drawing PDFs and charts needs a QGuiApplication, not a screen."""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication


def ensure_app() -> QGuiApplication:
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["egov-desk-cli"])
    return app  # type: ignore[return-value]
