"""The baseline for start-up: a bare PySide6 window, shown and painted once, then the process ends. With
EGOV_DESK_STARTUP_REPORT set it prints the same first-paint line as the app (ui/startup_report.py), at the same
moment: once the event loop turns after the paint (the app's window paints its children after its central widget,
so it says so then; here the same moment is taken, so that both include putting the painted window on screen)."""

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


def painted() -> None:
    if os.environ.get("EGOV_DESK_STARTUP_REPORT"):
        sys.stdout.write(f'{{"event": "first-paint", "cpu_ms": {time.process_time() * 1000:.1f}}}\n')
        sys.stdout.flush()
    app.quit()


class Centre(QWidget):
    done = False

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)
        if not self.done:
            self.done = True
            QTimer.singleShot(0, painted)


app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(Centre())
window.resize(1280, 720)
window.show()
sys.exit(app.exec())
