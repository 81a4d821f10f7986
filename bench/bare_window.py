"""The baseline for start-up: a bare PySide6 window, shown and painted once, then the process ends. With
EGOV_DESK_STARTUP_REPORT set it prints the same first-paint line as the app (ui/startup_report.py)."""

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class Centre(QWidget):
    painted = False

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            if os.environ.get("EGOV_DESK_STARTUP_REPORT"):
                sys.stdout.write('{"event": "first-paint"}\n')
                sys.stdout.flush()
            QTimer.singleShot(0, app.quit)


app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(Centre())
window.resize(1280, 720)
window.show()
sys.exit(app.exec())
